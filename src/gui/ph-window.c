/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-audit-view.h"
#include "ph-batches-view.h"
#include "ph-entries-view.h"
#include "ph-paths.h"
#include "ph-setup-dialog.h"
#include "ph-sign-in-dialog.h"
#include "ph-sources-view.h"
#include "ph-store-users.h"
#include "ph-window.h"

struct _PhWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *data_dir;
  PhStore              *store;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  PhEntriesView        *entries_view;
  PhSourcesView        *sources_view;
  PhBatchesView        *batches_view;
  PhAuditView          *audit_view;
  GtkMenuButton        *user_button;
  AdwButtonContent     *user_button_content;
  guint                 session_idle;
};

enum {
  PROP_0,
  PROP_DATA_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PhWindow, ph_window, ADW_TYPE_APPLICATION_WINDOW)

/* Alt+1 … Alt+9 pick the views in the order of the stack's pages. */
#define N_VIEW_KEYS 9

static void
ph_window_show_error (PhWindow     *self,
                      const GError *error)
{
  g_autofree char *description = NULL;

  description = g_strdup_printf (_("%s\n\nThe case store is kept in “%s”. Check that this folder "
                                   "exists and that you may write to it, then try again; or start "
                                   "Phananh with “--data-dir” to open a store in another folder."),
                                 error->message, self->data_dir);
  adw_status_page_set_description (self->error_page, description);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void ph_window_update_user (PhWindow *self);

static void
ph_window_set_store (PhWindow *self,
                     PhStore  *store)
{
  ph_entries_view_set_store (self->entries_view, store);
  ph_sources_view_set_store (self->sources_view, store);
  ph_batches_view_set_store (self->batches_view, store);
  ph_audit_view_set_store (self->audit_view, store);

  if (self->store != NULL && self->store != store)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      ph_store_close (self->store);
    }
  g_set_object (&self->store, store);

  /* A sign-in or sign-out, from a dialog or from an account being disabled. */
  if (store != NULL)
    g_signal_connect_object (store, "notify::actor", G_CALLBACK (ph_window_update_user), self,
                             G_CONNECT_SWAPPED);
}

/* ---- who is at the keyboard ------------------------------------------------ */

static void ph_window_ask_sign_in (PhWindow *self);

static void
ph_window_update_user (PhWindow *self)
{
  const PhUser *user = self->store != NULL ? ph_store_get_user (self->store) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->user_button), user != NULL);
  if (user != NULL)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Signed in as %s (%s)"), user->full_name,
                                                  ph_role_get_label (user->role));

      adw_button_content_set_label (self->user_button_content, user->full_name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->user_button), tooltip);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", user != NULL);

  /* Nothing of the store shows until somebody signs in. */
  if (self->store != NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, user != NULL ? "views" : "signed-out");
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, user != NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), user != NULL);
    }

  /* The views show what this user may do. */
  ph_batches_view_set_store (self->batches_view, self->store);
}

static void
on_signed_in (PhWindow *self,
              gboolean  keep)
{
  const PhUser *user = ph_store_get_user (self->store);

  g_settings_set_string (self->settings, "stay-signed-in-as", keep ? user->login : "");
  g_settings_set_string (self->settings, "last-login", user->login);
  ph_window_update_user (self);
}

static void
ph_window_ask_sign_in (PhWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-login");
  GtkWidget *dialog = ph_sign_in_dialog_new (self->store);

  ph_sign_in_dialog_select_login (PH_SIGN_IN_DIALOG (dialog), last);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (on_signed_in), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_setup_done (PhWindow *self)
{
  const PhUser *user = ph_store_get_user (self->store);

  g_settings_set_string (self->settings, "last-login", user->login);
  ph_window_update_user (self);
}

/* First start, a clerk's workstation that stays signed in, or the sign-in dialog. */
static void
ph_window_start_session (PhWindow *self)
{
  g_autofree char *kept = g_settings_get_string (self->settings, "stay-signed-in-as");
  g_autoptr(GError) error = NULL;

  ph_window_update_user (self);
  if (ph_store_needs_setup (self->store, &error))
    {
      GtkWidget *dialog = ph_setup_dialog_new (self->store);

      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
      g_signal_connect_object (dialog, "done", G_CALLBACK (on_setup_done), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (*kept != '\0')
    {
      g_autoptr(PhUser) user = ph_store_resume_session (self->store, kept, NULL);

      if (user != NULL)
        {
          ph_window_update_user (self);
          return;
        }
      g_settings_set_string (self->settings, "stay-signed-in-as", "");
    }
  ph_window_ask_sign_in (self);
}

static void
ph_window_sign_out (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PhWindow *self = PH_WINDOW (widget);

  if (self->store == NULL)
    return;
  ph_store_sign_out (self->store);
  g_settings_set_string (self->settings, "stay-signed-in-as", "");
  ph_window_update_user (self);
  ph_window_ask_sign_in (self);
}

static void
ph_window_sign_in (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PhWindow *self = PH_WINDOW (widget);

  if (self->store != NULL && ph_store_get_user (self->store) == NULL)
    ph_window_start_session (self);
}

static void
ph_window_open_store (PhWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhStore) store = NULL;

  store = ph_store_open (self->data_dir, &error);
  if (store == NULL)
    {
      ph_window_set_store (self, NULL);
      ph_window_show_error (self, error);
      return;
    }

  ph_window_set_store (self, store);
  ph_window_update_user (self);

  /* The sign-in (or first-start) dialog comes once the window is on screen,
   * so that it opens above it and not behind. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ph_window_start_session (self);
}

static gboolean
ph_window_start_session_idle (gpointer user_data)
{
  PhWindow *self = user_data;

  self->session_idle = 0;
  if (self->store != NULL && ph_store_get_user (self->store) == NULL)
    ph_window_start_session (self);
  return G_SOURCE_REMOVE;
}

static void
ph_window_map (GtkWidget *widget)
{
  PhWindow *self = PH_WINDOW (widget);

  GTK_WIDGET_CLASS (ph_window_parent_class)->map (widget);

  if (self->store != NULL && ph_store_get_user (self->store) == NULL && self->session_idle == 0)
    self->session_idle = g_idle_add (ph_window_start_session_idle, self);
}

static void
ph_window_reopen (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ph_window_open_store (PH_WINDOW (widget));
}

static void
ph_window_search (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PhWindow *self = PH_WINDOW (widget);

  if (self->store == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "entries");
  gtk_widget_activate_action (GTK_WIDGET (self->entries_view), "entries.search", NULL);
}

static void
ph_window_show_source_entries (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PhWindow *self = PH_WINDOW (widget);
  const char *key, *display;

  g_variant_get (parameter, "(&s&s)", &key, &display);
  ph_entries_view_show_source (self->entries_view, key, display);
  adw_view_stack_set_visible_child_name (self->view_stack, "entries");
}

static void
ph_window_show_view (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PhWindow *self = PH_WINDOW (widget);
  g_autoptr(GtkSelectionModel) pages = NULL;
  guint index = g_variant_get_uint32 (parameter);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") != 0)
    return;

  pages = adw_view_stack_get_pages (self->view_stack);
  if (index < g_list_model_get_n_items (G_LIST_MODEL (pages)))
    gtk_selection_model_select_item (pages, index, TRUE);
}

static void
ph_window_save_state (PhWindow *self)
{
  int width, height;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_delay (self->settings);

  /* The default size is the unmaximized size, which is what the next
   * start must restore; the current size would be the screen's. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  g_settings_apply (self->settings);
}

static gboolean
ph_window_close_request (GtkWindow *window)
{
  ph_window_save_state (PH_WINDOW (window));

  return GTK_WINDOW_CLASS (ph_window_parent_class)->close_request (window);
}

static void
ph_window_restore_state (PhWindow *self)
{
  int width, height;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
ph_window_dispose (GObject *object)
{
  PhWindow *self = PH_WINDOW (object);

  g_clear_handle_id (&self->session_idle, g_source_remove);

  /* The views let go of the store before it closes. */
  if (self->entries_view != NULL)
    ph_window_set_store (self, NULL);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_WINDOW);

  G_OBJECT_CLASS (ph_window_parent_class)->dispose (object);
}

static void
ph_window_constructed (GObject *object)
{
  PhWindow *self = PH_WINDOW (object);

  G_OBJECT_CLASS (ph_window_parent_class)->constructed (object);

  if (self->data_dir == NULL)
    self->data_dir = ph_paths_dup_data_dir (NULL);

  ph_window_open_store (self);
}

static void
ph_window_finalize (GObject *object)
{
  PhWindow *self = PH_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (ph_window_parent_class)->finalize (object);
}

static void
ph_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PhWindow *self = PH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PhWindow *self = PH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_free (self->data_dir);
      self->data_dir = ph_paths_dup_data_dir (g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.reopen", NULL, ph_window_reopen);
  gtk_widget_class_install_action (widget_class, "win.show-view", "u", ph_window_show_view);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, ph_window_search);
  gtk_widget_class_install_action (widget_class, "win.show-source-entries", "(ss)",
                                   ph_window_show_source_entries);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, ph_window_sign_in);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, ph_window_sign_out);

  for (guint i = 0; i < N_VIEW_KEYS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "u", i);
}

static void
ph_window_class_init (PhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ph_window_constructed;
  object_class->dispose = ph_window_dispose;
  object_class->finalize = ph_window_finalize;
  object_class->get_property = ph_window_get_property;
  object_class->set_property = ph_window_set_property;

  window_class->close_request = ph_window_close_request;
  widget_class->map = ph_window_map;

  /**
   * PhWindow:data-dir:
   *
   * The folder of the case store this window works on; %NULL for the usual
   * one (`PHANANH_DATA_DIR` or the user's data folder).
   */
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PH_TYPE_AUDIT_VIEW);
  g_type_ensure (PH_TYPE_BATCHES_VIEW);
  g_type_ensure (PH_TYPE_ENTRIES_VIEW);
  g_type_ensure (PH_TYPE_SOURCES_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, entries_view);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, sources_view);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, batches_view);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, audit_view);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, user_button);
  gtk_widget_class_bind_template_child (widget_class, PhWindow, user_button_content);

  ph_window_class_actions_init (widget_class);
}

static void
ph_window_init (PhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* The bar at the bottom takes over when the header is too narrow for the switcher. */
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->switcher_bar, "reveal", G_BINDING_SYNC_CREATE);

  self->settings = g_settings_new (BASE_ID);
  ph_window_restore_state (self);
}

/**
 * ph_window_new:
 * @application: the application
 * @data_dir: (nullable): the case store's folder, or %NULL for the usual one
 *
 * Returns: (transfer full): a new main window on that store
 */
PhWindow *
ph_window_new (GtkApplication *application,
               const char     *data_dir)
{
  return g_object_new (PH_TYPE_WINDOW,
                       "application", application,
                       "data-dir", data_dir,
                       NULL);
}

/**
 * ph_window_get_data_dir:
 * @self: a #PhWindow
 *
 * Returns: the folder of the case store this window works on
 */
const char *
ph_window_get_data_dir (PhWindow *self)
{
  g_return_val_if_fail (PH_IS_WINDOW (self), NULL);

  return self->data_dir;
}

/**
 * ph_window_get_store:
 * @self: a #PhWindow
 *
 * Returns: (transfer none) (nullable): the open case store, or %NULL when it
 *   could not be opened
 */
PhStore *
ph_window_get_store (PhWindow *self)
{
  g_return_val_if_fail (PH_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * ph_window_add_toast:
 * @self: a #PhWindow
 * @toast: (transfer full): what to tell
 *
 * Shows @toast over the window's views (a dialog that closes uses it to say
 * what it did).
 */
void
ph_window_add_toast (PhWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (PH_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * ph_window_get_entries_view:
 * @self: a #PhWindow
 *
 * Returns: (transfer none): the Entries view
 */
PhEntriesView *
ph_window_get_entries_view (PhWindow *self)
{
  g_return_val_if_fail (PH_IS_WINDOW (self), NULL);

  return self->entries_view;
}

/**
 * ph_window_show_view_named:
 * @self: a #PhWindow
 * @name: a view: `entries`, `sources`, `audit` …
 *
 * Returns: whether there is such a view
 */
gboolean
ph_window_show_view_named (PhWindow   *self,
                           const char *name)
{
  g_return_val_if_fail (PH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return FALSE;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  return TRUE;
}

/**
 * ph_window_show_entry_code:
 * @self: a #PhWindow
 * @code: an entry's code (`PA-2025-000123`)
 *
 * Finds the entry with the search bar and shows it in the detail pane.
 *
 * Returns: whether the entry was found
 */
gboolean
ph_window_show_entry_code (PhWindow   *self,
                           const char *code)
{
  g_return_val_if_fail (PH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;

  adw_view_stack_set_visible_child_name (self->view_stack, "entries");
  return ph_entries_view_show_code (self->entries_view, code);
}

/**
 * ph_window_dup_view_names:
 * @self: a #PhWindow
 *
 * Returns: (transfer full): the names of the views, in order, separated by ", "
 */
char *
ph_window_dup_view_names (PhWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  GString *names = g_string_new (NULL);

  g_return_val_if_fail (PH_IS_WINDOW (self), NULL);

  pages = adw_view_stack_get_pages (self->view_stack);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", adw_view_stack_page_get_name (page));
    }

  return g_string_free (names, FALSE);
}
