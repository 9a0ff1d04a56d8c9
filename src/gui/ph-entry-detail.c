/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pane beside the entries list: every field of one entry, how often its
 * source was reported, its evidence and its history. The actions on it
 * (verify, reject …) belong to the entries view, whose "entries." actions
 * the buttons here name. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-audit-object.h"
#include "ph-entry-detail.h"
#include "ph-evidence-gallery.h"
#include "ph-format.h"
#include "ph-store-entries.h"
#include "ph-store-evidence.h"

#define HISTORY_LIMIT 100

struct _PhEntryDetail
{
  GtkWidget          parent_instance;

  PhStore           *store;
  PhEntry           *entry;
  gint64             other_count;
  char              *evidence_key;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkLabel          *source_label;
  GtkLabel          *status_label;
  GtkLabel          *subtitle_label;
  GtkWidget         *verify_button;
  GtkWidget         *reject_button;
  GtkWidget         *reopen_button;
  GtkWidget         *edit_button;
  AdwActionRow      *seen_row;
  GtkWidget         *seen_button;
  GtkGrid           *fields_grid;
  GtkWidget         *no_evidence_label;
  PhEvidenceGallery *gallery;
  GtkListBox        *history_list;
};

G_DEFINE_FINAL_TYPE (PhEntryDetail, ph_entry_detail, GTK_TYPE_WIDGET)

static void
ph_entry_detail_add_field (PhEntryDetail *self,
                           int           *row,
                           const char    *name,
                           const char    *value)
{
  GtkWidget *name_label, *value_label;

  if (value == NULL || *value == '\0')
    return;

  name_label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_yalign (GTK_LABEL (name_label), 0);
  gtk_widget_add_css_class (name_label, "dim-label");

  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name_label, NULL, -1);

  gtk_grid_attach (self->fields_grid, name_label, 0, *row, 1, 1);
  gtk_grid_attach (self->fields_grid, value_label, 1, *row, 1, 1);
  (*row)++;
}

static void
ph_entry_detail_clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
    }
}

static void
ph_entry_detail_fill_fields (PhEntryDetail *self)
{
  const PhEntry *entry = self->entry;
  g_autoptr(PhDocument) document = NULL;
  g_autofree char *received = ph_format_date (entry->received_on);
  g_autofree char *occurred = ph_format_date (entry->occurred_at);
  g_autofree char *created = ph_format_timestamp (entry->created_at);
  g_autofree char *document_text = NULL;
  int row = 0;

  ph_entry_detail_clear_container (GTK_WIDGET (self->fields_grid));

  document = ph_store_get_document (self->store, entry->document_id, NULL);
  if (document != NULL && document->number != NULL && *document->number != '\0')
    {
      g_autofree char *dated = ph_format_date (document->dated_on);

      document_text = *dated != '\0'
        /* Translators: an incoming document's number and its date, e.g. "125/UBND-VP of 03/05/2025" */
        ? g_strdup_printf (_("%s of %s"), document->number, dated)
        : g_strdup (document->number);
    }

  ph_entry_detail_add_field (self, &row, _("Code"), entry->code);
  ph_entry_detail_add_field (self, &row, C_("field", "Received"), received);
  ph_entry_detail_add_field (self, &row, _("Unit"), entry->unit_name);
  ph_entry_detail_add_field (self, &row, _("Document"), document_text);
  ph_entry_detail_add_field (self, &row, _("Category"), ph_category_get_label (entry->category));
  ph_entry_detail_add_field (self, &row, _("Channel"), ph_channel_get_label (entry->channel));
  ph_entry_detail_add_field (self, &row, _("Impersonating"), entry->impersonated);
  ph_entry_detail_add_field (self, &row, _("Happened"), occurred);
  ph_entry_detail_add_field (self, &row, _("Received by"), entry->receiving_number);
  ph_entry_detail_add_field (self, &row, _("Content"), entry->content);
  ph_entry_detail_add_field (self, &row, _("As written"), entry->source_input);
  ph_entry_detail_add_field (self, &row, _("Notes"), entry->notes);
  ph_entry_detail_add_field (self, &row, _("Reason for rejection"), entry->reject_reason);
  ph_entry_detail_add_field (self, &row, _("Registered"), created);
}

static void
ph_entry_detail_fill_evidence (PhEntryDetail *self)
{
  const PhEntry *entry = self->entry;
  guint n = entry->evidence != NULL ? entry->evidence->len : 0;
  g_autoptr(GString) key = g_string_new (NULL);

  /* The same files as shown (a refresh after a status change): leave the
   * thumbnails, and the recording that may be playing, alone. */
  g_string_append_printf (key, "%" G_GINT64_FORMAT, entry->id);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (key, " %s",
                            ((const PhEvidence *) g_ptr_array_index (entry->evidence, i))->sha256);
  if (g_strcmp0 (key->str, self->evidence_key) == 0)
    return;
  g_free (self->evidence_key);
  self->evidence_key = g_strdup (key->str);

  ph_evidence_gallery_clear (self->gallery);
  for (guint i = 0; i < n; i++)
    {
      const PhEvidence *evidence = g_ptr_array_index (entry->evidence, i);
      g_autofree char *path = ph_store_dup_evidence_path (self->store, evidence->sha256);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      ph_evidence_gallery_add (self->gallery, file, evidence->mime, evidence->original_name);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->gallery), n > 0);
  gtk_widget_set_visible (self->no_evidence_label, n == 0);
}

static void
ph_entry_detail_fill_history (PhEntryDetail *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  ph_entry_detail_clear_container (GTK_WIDGET (self->history_list));

  rows = ph_store_list_audit (self->store, "entry", self->entry->id, 0, HISTORY_LIMIT, &error);
  if (rows == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The history could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->history_list, row);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const PhAuditRow *audit = g_ptr_array_index (rows, i);
      g_autofree char *what = ph_audit_row_describe (audit);
      g_autofree char *when = ph_format_timestamp (audit->at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: when and by whom, e.g. "05/03/2025 14:30 · lan" */
      subtitle = g_strdup_printf (_("%s · %s"), when, audit->actor);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
ph_entry_detail_fill (PhEntryDetail *self)
{
  const PhEntry *entry = self->entry;
  g_autofree char *seen = NULL;
  g_autoptr(GString) subtitle = g_string_new (entry->code);
  const char *classes[] = { "status-pill", NULL, NULL };
  g_autofree char *status_class = NULL;

  gtk_label_set_label (self->source_label, entry->source_display);
  gtk_label_set_label (self->status_label, ph_entry_status_get_label (entry->status));
  status_class = g_strconcat ("status-", ph_entry_status_to_string (entry->status), NULL);
  classes[1] = status_class;
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label), classes);

  g_string_append_printf (subtitle, " · %s", ph_source_kind_get_label (entry->source_kind));
  if (entry->network != NULL && *entry->network != '\0')
    g_string_append_printf (subtitle, " · %s", entry->network);
  else if (entry->province != NULL && *entry->province != '\0')
    g_string_append_printf (subtitle, " · %s", entry->province);
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  /* Edited within its document (the intake dialog), while its status allows. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x", entry->id);
  gtk_widget_set_visible (self->edit_button, ph_entry_status_is_editable (entry->status));
  gtk_widget_set_visible (self->verify_button,
                          ph_entry_status_can_change (entry->status, PH_ENTRY_STATUS_VERIFIED));
  gtk_widget_set_visible (self->reject_button,
                          ph_entry_status_can_change (entry->status, PH_ENTRY_STATUS_REJECTED));
  gtk_widget_set_visible (self->reopen_button,
                          entry->status == PH_ENTRY_STATUS_REJECTED ||
                          entry->status == PH_ENTRY_STATUS_VERIFIED);

  self->other_count = ph_store_count_other_entries (self->store, entry->source_key, entry->id,
                                                    NULL);
  if (self->other_count > 0)
    seen = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Seen in %d other entry",
                                         "Seen in %d other entries",
                                         (gulong) self->other_count),
                            (int) self->other_count);
  else
    seen = g_strdup (_("Not reported in any other entry"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->seen_row), seen);
  gtk_widget_set_visible (self->seen_button, self->other_count > 0);

  ph_entry_detail_fill_fields (self);
  ph_entry_detail_fill_evidence (self);
  ph_entry_detail_fill_history (self);
}

static void
ph_entry_detail_dispose (GObject *object)
{
  PhEntryDetail *self = PH_ENTRY_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PH_TYPE_ENTRY_DETAIL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->entry, ph_entry_free);
  g_clear_pointer (&self->evidence_key, g_free);

  G_OBJECT_CLASS (ph_entry_detail_parent_class)->dispose (object);
}

static void
ph_entry_detail_class_init (PhEntryDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_entry_detail_dispose;

  g_type_ensure (PH_TYPE_EVIDENCE_GALLERY);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-entry-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, source_label);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, verify_button);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, reject_button);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, seen_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, seen_button);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, fields_grid);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, no_evidence_label);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, gallery);
  gtk_widget_class_bind_template_child (widget_class, PhEntryDetail, history_list);
}

static void
ph_entry_detail_init (PhEntryDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ph_entry_detail_new (void)
{
  return g_object_new (PH_TYPE_ENTRY_DETAIL, NULL);
}

/**
 * ph_entry_detail_set_store:
 * @self: a #PhEntryDetail
 * @store: (nullable): the store the entries come from
 */
void
ph_entry_detail_set_store (PhEntryDetail *self,
                           PhStore       *store)
{
  g_return_if_fail (PH_IS_ENTRY_DETAIL (self));
  g_return_if_fail (store == NULL || PH_IS_STORE (store));

  if (g_set_object (&self->store, store))
    ph_entry_detail_show_entry (self, 0);
}

/**
 * ph_entry_detail_show_entry:
 * @self: a #PhEntryDetail
 * @id: the entry to show, or 0 for none
 *
 * Reads the entry, its evidence and history from the store. An entry that
 * is gone (deleted meanwhile) shows nothing.
 *
 * Returns: whether an entry is shown now
 */
gboolean
ph_entry_detail_show_entry (PhEntryDetail *self,
                            gint64         id)
{
  g_autoptr(PhEntry) entry = NULL;
  gboolean same;

  g_return_val_if_fail (PH_IS_ENTRY_DETAIL (self), FALSE);

  if (id != 0 && self->store != NULL)
    entry = ph_store_get_entry (self->store, id, NULL);

  same = entry != NULL && self->entry != NULL && self->entry->id == entry->id;
  g_clear_pointer (&self->entry, ph_entry_free);

  if (entry == NULL)
    {
      g_clear_pointer (&self->evidence_key, g_free);
      ph_evidence_gallery_clear (self->gallery);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return FALSE;
    }

  self->entry = g_steal_pointer (&entry);
  ph_entry_detail_fill (self);
  gtk_stack_set_visible_child_name (self->stack, "entry");

  /* A new entry starts at the top; the same one, refreshed, stays where the
   * clerk was reading. */
  if (!same)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  return TRUE;
}

/**
 * ph_entry_detail_get_entry:
 * @self: a #PhEntryDetail
 *
 * Returns: (transfer none) (nullable): the entry shown, with its evidence
 */
const PhEntry *
ph_entry_detail_get_entry (PhEntryDetail *self)
{
  g_return_val_if_fail (PH_IS_ENTRY_DETAIL (self), NULL);

  return self->entry;
}

/**
 * ph_entry_detail_get_other_count:
 * @self: a #PhEntryDetail
 *
 * Returns: in how many other entries the shown entry's source appears
 */
gint64
ph_entry_detail_get_other_count (PhEntryDetail *self)
{
  g_return_val_if_fail (PH_IS_ENTRY_DETAIL (self), 0);

  return self->entry != NULL ? self->other_count : 0;
}

/**
 * ph_entry_detail_get_gallery:
 * @self: a #PhEntryDetail
 *
 * Returns: (transfer none): the evidence gallery
 */
PhEvidenceGallery *
ph_entry_detail_get_gallery (PhEntryDetail *self)
{
  g_return_val_if_fail (PH_IS_ENTRY_DETAIL (self), NULL);

  return self->gallery;
}

/**
 * ph_entry_detail_get_n_history:
 * @self: a #PhEntryDetail
 *
 * Returns: how many rows of history are shown
 */
guint
ph_entry_detail_get_n_history (PhEntryDetail *self)
{
  guint n = 0;

  g_return_val_if_fail (PH_IS_ENTRY_DETAIL (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}
