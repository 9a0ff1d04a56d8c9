/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-application.h"
#include "ph-intake-actions.h"
#include "ph-paths.h"
#include "ph-window.h"

struct _PhApplication
{
  AdwApplication  parent_instance;

  char           *data_dir;
  char           *view;
  char           *entry;
};

G_DEFINE_FINAL_TYPE (PhApplication, ph_application, ADW_TYPE_APPLICATION)

static int
ph_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PhApplication *self = PH_APPLICATION (app);
  g_autofree char *data_dir = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "data-dir", "^ay", &data_dir))
    {
      /* Another store is another workspace: let it run beside the usual
       * instance instead of being handed to it. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  g_free (self->data_dir);
  self->data_dir = ph_paths_dup_data_dir (data_dir);

  g_clear_pointer (&self->view, g_free);
  g_variant_dict_lookup (options, "view", "s", &self->view);
  g_clear_pointer (&self->entry, g_free);
  g_variant_dict_lookup (options, "entry", "s", &self->entry);

  return -1;
}

static void
ph_application_activate (GApplication *app)
{
  PhApplication *self = PH_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (ph_window_new (GTK_APPLICATION (app),
                                          ph_application_get_data_dir (self)));

      /* Where to start: a view, an entry (from a script or a colleague's note). */
      if (self->view != NULL && !ph_window_show_view_named (PH_WINDOW (window), self->view))
        {
          g_autofree char *names = ph_window_dup_view_names (PH_WINDOW (window));

          g_printerr (_("There is no view “%s”; the views are: %s.\n"), self->view, names);
        }
      if (self->entry != NULL && !ph_window_show_entry_code (PH_WINDOW (window), self->entry))
        g_printerr (_("There is no entry %s in this case store.\n"), self->entry);
    }

  gtk_window_present (window);
}

static void
ph_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (ph_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);

  ph_intake_actions_install (GTK_APPLICATION (app));
}

static void
ph_application_finalize (GObject *object)
{
  PhApplication *self = PH_APPLICATION (object);

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->view, g_free);
  g_clear_pointer (&self->entry, g_free);

  G_OBJECT_CLASS (ph_application_parent_class)->finalize (object);
}

static void
ph_application_class_init (PhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ph_application_finalize;

  app_class->handle_local_options = ph_application_handle_local_options;
  app_class->startup = ph_application_startup;
  app_class->activate = ph_application_activate;
}

static void
ph_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  PhApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Phananh developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", PACKAGE_NAME,
                        "application-icon", APP_ID,
                        "developer-name", _("The Phananh developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/phananh/phananh",
                        "issue-url", "https://github.com/phananh/phananh/issues",
                        "comments", _("Register reports of scam and spam phone numbers, "
                                      "have them signed off and send them to the "
                                      "Telecommunications Authority."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
ph_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Dialogs first, then the main windows they belong to. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) != NULL)
      g_ptr_array_add (windows, g_object_ref (l->data));
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == NULL)
      g_ptr_array_add (windows, g_object_ref (l->data));

  /* Closing each window lets it save its state or ask about unsaved work,
   * instead of the process just ending. A window that stays open (a document
   * being registered whose clerk keeps editing) stops the quit there: the main
   * window must not close under it. */
  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      if (g_list_find (gtk_application_get_windows (app), window) == NULL)
        continue;
      gtk_window_close (window);
      /* (A window that hides on close, such as the shortcuts window, does not count.) */
      if (g_list_find (gtk_application_get_windows (app), window) != NULL
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        break;
    }
}

static const GActionEntry app_actions[] = {
  { "about", ph_application_about },
  { "quit", ph_application_quit },
};

static void
ph_application_init (PhApplication *self)
{
  static const GOptionEntry options[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the case store in DIR instead of the usual one"), N_("DIR") },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Start on VIEW: entries, sources, batches or audit"), N_("VIEW") },
    { "entry", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Start with the entry CODE shown, e.g. PA-2025-000123"), N_("CODE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

/**
 * ph_application_new:
 *
 * Returns: (transfer full): the application, with the profile's application id
 */
PhApplication *
ph_application_new (void)
{
  return g_object_new (PH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * ph_application_get_data_dir:
 * @self: a #PhApplication
 *
 * Returns: the folder holding the case store this instance works on
 */
const char *
ph_application_get_data_dir (PhApplication *self)
{
  g_return_val_if_fail (PH_IS_APPLICATION (self), NULL);

  if (self->data_dir == NULL)
    self->data_dir = ph_paths_dup_data_dir (NULL);

  return self->data_dir;
}
