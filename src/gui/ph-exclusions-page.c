/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-exclusions-page.c: the exclusion list in the preferences — the numbers
 * that must never be reported, each with its reason. Adding and removing are
 * audited by the store; a removal can be undone from its toast. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-exclusions-page.h"
#include "ph-number.h"

struct _PhExclusionsPage
{
  AdwPreferencesPage   parent_instance;

  PhStore             *store;
  guint                count;

  AdwEntryRow         *source_row;
  AdwActionRow        *check_row;
  GtkImage            *check_icon;
  AdwEntryRow         *reason_row;
  AdwPreferencesGroup *list_group;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (PhExclusionsPage, ph_exclusions_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
toast (PhExclusionsPage *self,
       AdwToast         *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
update_actions (PhExclusionsPage *self)
{
  g_autoptr(PhNumber) number =
    ph_number_parse (gtk_editable_get_text (GTK_EDITABLE (self->source_row)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exclusions.add",
                                 self->store != NULL && ph_number_is_valid (number)
                                 && !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
}

static void
reload (PhExclusionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exclusions = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row;

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0))) != NULL)
    gtk_list_box_remove (self->list, row);
  self->count = 0;

  if (self->store == NULL)
    return;

  exclusions = ph_store_list_exclusions (self->store, &error);
  if (exclusions == NULL)
    {
      toast (self, adw_toast_new (error->message));
      return;
    }

  for (guint i = 0; i < exclusions->len; i++)
    {
      PhExclusion *exclusion = g_ptr_array_index (exclusions, i);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: tooltip; %s is a number on the exclusion list */
      g_autofree char *tip = g_strdup_printf (_("Remove %s from the exclusion list"),
                                              exclusion->display);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), exclusion->display);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   exclusion->reason != NULL && *exclusion->reason != '\0'
                                   ? exclusion->reason : _("No reason given"));
      gtk_widget_add_css_class (row, "source-number");

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, tip);
      gtk_widget_add_css_class (remove, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "exclusions.remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", exclusion->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      gtk_list_box_append (self->list, row);
      self->count++;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Never Reported (%u number)",
                                        "Never Reported (%u numbers)", self->count), self->count);
  adw_preferences_group_set_title (self->list_group, title);
}

static void
on_source_changed (PhExclusionsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->source_row));
  g_autoptr(PhNumber) number = NULL;

  if (is_blank (text))
    gtk_widget_set_visible (GTK_WIDGET (self->check_row), FALSE);
  else
    {
      number = ph_number_parse (text);
      gtk_widget_set_visible (GTK_WIDGET (self->check_row), TRUE);
      if (ph_number_is_valid (number))
        {
          g_autoptr(PhExclusion) existing = self->store != NULL
                                            ? ph_store_find_exclusion (self->store, text, NULL)
                                            : NULL;

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_row), number->display);
          adw_action_row_set_subtitle (self->check_row,
                                       existing != NULL ? _("Already on the exclusion list.")
                                                        : ph_source_kind_get_label (number->kind));
          gtk_image_set_from_icon_name (self->check_icon, existing != NULL
                                                          ? "dialog-information-symbolic"
                                                          : "emblem-ok-symbolic");
        }
      else
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_row),
                                         _("Not a valid source"));
          adw_action_row_set_subtitle (self->check_row, number->reason);
          gtk_image_set_from_icon_name (self->check_icon, "dialog-warning-symbolic");
        }
    }
  update_actions (self);
}

static void
on_reason_changed (PhExclusionsPage *self)
{
  update_actions (self);
}

static void
on_entry_activated (PhExclusionsPage *self)
{
  /* Enter in the number goes to the reason; Enter in a complete form adds. */
  if (is_blank (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))))
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "exclusions.add", NULL);
}

static gboolean
add (PhExclusionsPage *self,
     const char       *source,
     const char       *reason)
{
  g_autoptr(GError) error = NULL;

  if (ph_store_add_exclusion (self->store, source, reason, &error) == 0)
    {
      toast (self, adw_toast_new (error->message));
      return FALSE;
    }
  reload (self);
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PhExclusionsPage *self = PH_EXCLUSIONS_PAGE (widget);
  g_autofree char *reason =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  if (!add (self, gtk_editable_get_text (GTK_EDITABLE (self->source_row)), reason))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->source_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->source_row));
}

typedef struct
{
  PhExclusionsPage *self;
  char             *source;
  char             *reason;
} Removed;

static void
removed_free (gpointer data,
              GClosure *closure)
{
  Removed *removed = data;

  g_object_unref (removed->self);
  g_free (removed->source);
  g_free (removed->reason);
  g_free (removed);
}

static void
on_undo_remove (AdwToast *toast,
                Removed  *removed)
{
  add (removed->self, removed->source, removed->reason);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PhExclusionsPage *self = PH_EXCLUSIONS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GPtrArray) exclusions = ph_store_list_exclusions (self->store, NULL);
  g_autoptr(GError) error = NULL;
  Removed *removed = NULL;
  AdwToast *removed_toast;
  g_autofree char *title = NULL;

  for (guint i = 0; exclusions != NULL && i < exclusions->len; i++)
    {
      PhExclusion *exclusion = g_ptr_array_index (exclusions, i);

      if (exclusion->id == id)
        {
          removed = g_new0 (Removed, 1);
          removed->self = g_object_ref (self);
          removed->source = g_strdup (exclusion->source_key);
          removed->reason = g_strdup (exclusion->reason);
          /* Translators: %s is a number */
          title = g_strdup_printf (_("%s removed from the exclusion list"), exclusion->display);
        }
    }

  if (!ph_store_remove_exclusion (self->store, id, &error))
    {
      if (removed != NULL)
        removed_free (removed, NULL);
      toast (self, adw_toast_new (error->message));
      return;
    }
  reload (self);

  if (removed != NULL)
    {
      removed_toast = adw_toast_new (title);
      adw_toast_set_button_label (removed_toast, _("_Undo"));
      g_signal_connect_data (removed_toast, "button-clicked", G_CALLBACK (on_undo_remove),
                             removed, removed_free, 0);
      toast (self, removed_toast);
    }
}

static void
ph_exclusions_page_constructed (GObject *object)
{
  PhExclusionsPage *self = PH_EXCLUSIONS_PAGE (object);

  G_OBJECT_CLASS (ph_exclusions_page_parent_class)->constructed (object);

  reload (self);
  update_actions (self);
}

static void
ph_exclusions_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_EXCLUSIONS_PAGE);

  G_OBJECT_CLASS (ph_exclusions_page_parent_class)->dispose (object);
}

static void
ph_exclusions_page_finalize (GObject *object)
{
  PhExclusionsPage *self = PH_EXCLUSIONS_PAGE (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ph_exclusions_page_parent_class)->finalize (object);
}

static void
ph_exclusions_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PhExclusionsPage *self = PH_EXCLUSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_exclusions_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PhExclusionsPage *self = PH_EXCLUSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_exclusions_page_class_init (PhExclusionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ph_exclusions_page_constructed;
  object_class->dispose = ph_exclusions_page_dispose;
  object_class->finalize = ph_exclusions_page_finalize;
  object_class->get_property = ph_exclusions_page_get_property;
  object_class->set_property = ph_exclusions_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-exclusions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PhExclusionsPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, PhExclusionsPage, check_row);
  gtk_widget_class_bind_template_child (widget_class, PhExclusionsPage, check_icon);
  gtk_widget_class_bind_template_child (widget_class, PhExclusionsPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, PhExclusionsPage, list_group);
  gtk_widget_class_bind_template_child (widget_class, PhExclusionsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, on_source_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "exclusions.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "exclusions.remove", "x", remove_action);
}

static void
ph_exclusions_page_init (PhExclusionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ph_exclusions_page_new:
 * @store: the store whose exclusion list is shown
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
ph_exclusions_page_new (PhStore *store)
{
  g_return_val_if_fail (PH_IS_STORE (store), NULL);

  return g_object_new (PH_TYPE_EXCLUSIONS_PAGE, "store", store, NULL);
}

/**
 * ph_exclusions_page_get_count:
 *
 * Returns: the numbers on the list as shown
 */
guint
ph_exclusions_page_get_count (PhExclusionsPage *self)
{
  g_return_val_if_fail (PH_IS_EXCLUSIONS_PAGE (self), 0);
  return self->count;
}
