/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-entry-picker.c: choose verified entries for a batch, one by one or all
 * those a filter finds (words or digits, category). */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-entry-picker.h"
#include "ph-store-entries.h"

/* A batch is one dispatch; more than this many rows at once is not a batch. */
#define MAX_SHOWN 1000

struct _PhEntryPicker
{
  AdwWindow       parent_instance;

  PhStore        *store;
  GArray         *shown;    /* gint64 entry ids, in row order */
  GPtrArray      *checks;   /* GtkCheckButton per row */

  GtkSearchEntry *search_entry;
  GtkDropDown    *category_dropdown;
  GtkStringList  *category_model;
  GtkListBox     *list;
  GtkLabel       *count_label;
  GtkButton      *add_button;
};

G_DEFINE_FINAL_TYPE (PhEntryPicker, ph_entry_picker, ADW_TYPE_WINDOW)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
count_checked (PhEntryPicker *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      n++;
  return n;
}

static void
ph_entry_picker_update_actions (PhEntryPicker *self)
{
  guint n = count_checked (self);
  g_autofree char *label = NULL;
  g_autofree char *count = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.add", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.select-all", self->shown->len > 0);
  label = n > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Add %u Entry",
                                                "_Add %u Entries", n), n)
                : g_strdup (_("_Add"));
  gtk_button_set_label (self->add_button, label);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u verified entry shown",
                                        "%u verified entries shown", self->shown->len),
                           self->shown->len);
  gtk_label_set_label (self->count_label, count);
}

static void
on_check_toggled (PhEntryPicker *self)
{
  ph_entry_picker_update_actions (self);
}

static void
ph_entry_picker_reload (PhEntryPicker *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  PhEntryFilter filter = { 0 };
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  g_array_set_size (self->shown, 0);
  g_ptr_array_set_size (self->checks, 0);

  filter.status = PH_ENTRY_STATUS_VERIFIED;
  filter.category = (PhCategory) gtk_drop_down_get_selected (self->category_dropdown);
  filter.text = *text != '\0' ? text : NULL;
  if (self->store != NULL)
    entries = ph_store_list_entries (self->store, &filter, PH_ENTRY_SORT_RECEIVED, FALSE, 0,
                                     MAX_SHOWN, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      PhEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *action_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf ("%s · %s · %s · %s", entry->code, entry->received_on,
                                  ph_category_get_label (entry->category),
                                  entry->unit_name != NULL ? entry->unit_name : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), entry->source_display);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (action_row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->list, action_row);
      g_array_append_val (self->shown, entry->id);
      g_ptr_array_add (self->checks, check);
    }
  ph_entry_picker_update_actions (self);
}

static void
on_filter_changed (PhEntryPicker *self)
{
  ph_entry_picker_reload (self);
}

static void
picker_select_all (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PhEntryPicker *self = PH_ENTRY_PICKER (widget);

  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), TRUE);
}

static void
picker_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PhEntryPicker *self = PH_ENTRY_PICKER (widget);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (ids, g_array_index (self->shown, gint64, i));
  if (ids->len == 0)
    return;

  g_signal_emit (self, signals[PICKED], 0, ids);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ph_entry_picker_dispose (GObject *object)
{
  PhEntryPicker *self = PH_ENTRY_PICKER (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_ENTRY_PICKER);

  G_OBJECT_CLASS (ph_entry_picker_parent_class)->dispose (object);
}

static void
ph_entry_picker_finalize (GObject *object)
{
  PhEntryPicker *self = PH_ENTRY_PICKER (object);

  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ph_entry_picker_parent_class)->finalize (object);
}

static void
ph_entry_picker_class_init (PhEntryPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_entry_picker_dispose;
  object_class->finalize = ph_entry_picker_finalize;

  /**
   * PhEntryPicker::picked:
   * @ids: (element-type gint64): the entries chosen
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-entry-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, PhEntryPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PhEntryPicker, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PhEntryPicker, category_model);
  gtk_widget_class_bind_template_child (widget_class, PhEntryPicker, list);
  gtk_widget_class_bind_template_child (widget_class, PhEntryPicker, count_label);
  gtk_widget_class_bind_template_child (widget_class, PhEntryPicker, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "picker.add", NULL, picker_add);
  gtk_widget_class_install_action (widget_class, "picker.select-all", NULL, picker_select_all);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ph_entry_picker_init (PhEntryPicker *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Index = PhCategory: 0 is "any". */
  gtk_string_list_append (self->category_model, _("All categories"));
  for (PhCategory c = PH_CATEGORY_SCAM; c <= PH_CATEGORY_OTHER; c++)
    gtk_string_list_append (self->category_model, ph_category_get_label (c));
}

/**
 * ph_entry_picker_new:
 * @store: the store
 *
 * Returns: (transfer floating): a dialog listing the verified entries that
 *   are in no batch; it emits #PhEntryPicker::picked and closes
 */
GtkWidget *
ph_entry_picker_new (PhStore *store)
{
  PhEntryPicker *self = g_object_new (PH_TYPE_ENTRY_PICKER, NULL);

  self->store = g_object_ref (store);
  ph_entry_picker_reload (self);
  return GTK_WIDGET (self);
}

guint
ph_entry_picker_get_n_shown (PhEntryPicker *self)
{
  g_return_val_if_fail (PH_IS_ENTRY_PICKER (self), 0);
  return self->shown->len;
}
