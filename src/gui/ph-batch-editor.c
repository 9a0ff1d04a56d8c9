/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-batch-editor.c: a draft (or returned) batch: its dispatch fields and its
 * entries, until it is submitted for approval. Everything it does goes
 * through the store API, which decides whether the signed-in user may. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-batch-editor.h"
#include "ph-batch-item-object.h"
#include "ph-date-input.h"
#include "ph-entry-picker.h"
#include "ph-export-ui.h"
#include "ph-store-batches.h"
#include "ph-store-users.h"

struct _PhBatchEditor
{
  AdwBin                parent_instance;

  PhStore              *store;
  gint64                batch_id;
  PhBatch              *batch;
  GArray               *signer_ids;   /* gint64, parallel to signer_model; [0] = anyone */
  guint                 n_items;
  guint                 loading;
  gboolean              modified;
  char                 *message;

  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *header_group;
  GtkLabel             *returned_label;
  GtkLabel             *message_label;
  AdwEntryRow          *number_row;
  AdwEntryRow          *symbol_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *subject_row;
  AdwEntryRow          *recipient_row;
  AdwComboRow          *signer_row;
  GtkStringList        *signer_model;
  AdwPreferencesGroup  *entries_group;
  GtkLabel             *empty_label;
  GtkWidget            *entries_frame;
  GtkListView          *entries_view;
  GListStore           *entries_store;
};

G_DEFINE_FINAL_TYPE (PhBatchEditor, ph_batch_editor, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ph_batch_editor_set_message (PhBatchEditor *self,
                             const char    *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
ph_batch_editor_update_actions (PhBatchEditor *self)
{
  gboolean editable = self->batch != NULL && ph_batch_state_is_editable (self->batch->state);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.save", editable && self->modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.submit", editable && self->n_items > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.add-entries", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.add-entry-ids", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.remove-entry", editable);
  /* A draft shows what is saved: save the changes first. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.export-preview",
                                 self->batch != NULL && self->n_items > 0 && !self->modified);
}

static void
on_field_changed (PhBatchEditor *self)
{
  if (self->loading > 0)
    return;
  self->modified = TRUE;
  ph_batch_editor_update_actions (self);
}

static char *
format_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup ("");
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

/* The rows of the entries list: made once per visible row, filled as it scrolls. */
static void
setup_entry_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_add_css_class (row, "batch-entry");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (row), labels);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from the batch"));
  gtk_box_append (GTK_BOX (row), remove);

  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_entry_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  const PhBatchItem *item = ph_batch_item_object_get_item (gtk_list_item_get_item (list_item));
  PhCategory category = ph_category_from_string (item->category);
  g_autofree char *title = g_strdup_printf ("%u. %s", item->position, item->source_display);
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf ("%s · %s · %s%s%s", item->code,
                              category != PH_CATEGORY_ANY ? ph_category_get_label (category)
                                                          : item->category,
                              item->unit_name != NULL ? item->unit_name : "",
                              item->network != NULL ? " · " : "",
                              item->network != NULL ? item->network : "");
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "title"), title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle);
  /* The target first: an action name without its parameter is a mismatch. */
  gtk_actionable_set_action_target_value (g_object_get_data (G_OBJECT (row), "remove"),
                                          g_variant_new_int64 (item->entry_id));
  gtk_actionable_set_action_name (g_object_get_data (G_OBJECT (row), "remove"),
                                  "batch.remove-entry");
}

static void
load_signers (PhBatchEditor *self)
{
  g_autoptr(GPtrArray) users = NULL;
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->signer_ids, 0);
  gtk_string_list_splice (self->signer_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->signer_model)), NULL);
  gtk_string_list_append (self->signer_model, _("Any approver"));
  g_array_append_val (self->signer_ids, none);

  if (self->store != NULL)
    users = ph_store_list_users (self->store, FALSE, NULL);
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      PhUser *user = g_ptr_array_index (users, i);

      if (user->role != PH_ROLE_APPROVER)
        continue;
      if (self->batch != NULL && self->batch->signer_id == user->id)
        selected = self->signer_ids->len;
      gtk_string_list_append (self->signer_model, user->full_name);
      g_array_append_val (self->signer_ids, user->id);
    }
  adw_combo_row_set_selected (self->signer_row, selected);
}

static void
ph_batch_editor_reload (PhBatchEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *entries_title = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  gboolean editable;

  self->loading++;
  g_clear_pointer (&self->batch, ph_batch_free);
  self->n_items = 0;

  if (self->store != NULL && self->batch_id != 0)
    {
      self->batch = ph_store_get_batch (self->store, self->batch_id, &error);
      if (self->batch != NULL)
        items = ph_store_list_batch_items (self->store, self->batch_id, &error);
    }
  if (error != NULL)
    ph_batch_editor_set_message (self, error->message);

  editable = self->batch != NULL && ph_batch_state_is_editable (self->batch->state);
  if (self->batch != NULL)
    {
      g_autofree char *reference = ph_batch_dup_reference (self->batch);

      title = g_strdup_printf ("%s — %s", self->batch->code,
                               ph_batch_state_get_label (self->batch->state));
      adw_preferences_group_set_description (self->header_group,
                                             *self->batch->number != '\0' ? reference : NULL);
    }
  adw_preferences_group_set_title (self->header_group, title != NULL ? title : "");

  gtk_widget_set_visible (GTK_WIDGET (self->returned_label),
                          self->batch != NULL && self->batch->state == PH_BATCH_STATE_RETURNED);
  if (self->batch != NULL && self->batch->state == PH_BATCH_STATE_RETURNED)
    {
      g_autofree char *text = g_strdup_printf (_("Returned by the approver: %s"),
                                               self->batch->return_comment);

      gtk_label_set_label (self->returned_label, text);
    }

  date = format_date (self->batch != NULL ? self->batch->dated_on : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), self->batch ? self->batch->number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->symbol_row), self->batch ? self->batch->symbol : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), self->batch ? self->batch->subject : "");
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_row),
                         self->batch ? self->batch->recipient : "");
  load_signers (self);
  for (GtkWidget *w = GTK_WIDGET (self->number_row); w != NULL; w = gtk_widget_get_next_sibling (w))
    gtk_widget_set_sensitive (w, editable);

  /* One splice, not one signal per entry: a batch may hold thousands. */
  objects = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (objects, ph_batch_item_object_new (g_steal_pointer (&items->pdata[i])));
  g_list_store_splice (self->entries_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->entries_store)),
                       objects->pdata, objects->len);
  self->n_items = objects->len;
  /* A list view asks for little height by itself: show up to ten rows, scroll past them. */
  gtk_scrolled_window_set_min_content_height (
    GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (self->entries_view))),
    (int) MIN (self->n_items, 10) * 57);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->n_items == 0);
  gtk_widget_set_visible (self->entries_frame, self->n_items > 0);
  entries_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Entry", "%u Entries",
                                                self->n_items), self->n_items);
  adw_preferences_group_set_title (self->entries_group, entries_title);

  self->modified = FALSE;
  self->loading--;
  ph_batch_editor_update_actions (self);
}

/* Writes the dispatch fields; returns FALSE (with the message shown) when refused. */
static gboolean
ph_batch_editor_save (PhBatchEditor *self)
{
  g_autoptr(PhBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  guint signer = adw_combo_row_get_selected (self->signer_row);

  if (self->batch == NULL)
    return FALSE;
  if (!self->modified)
    return TRUE;

  batch = ph_batch_copy (self->batch);
  g_free (batch->number);
  batch->number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row)));
  g_free (batch->symbol);
  batch->symbol = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->symbol_row)));
  g_free (batch->subject);
  batch->subject = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
  g_free (batch->recipient);
  batch->recipient = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->recipient_row)));
  batch->signer_id = signer < self->signer_ids->len
                     ? g_array_index (self->signer_ids, gint64, signer) : 0;
  g_clear_pointer (&batch->dated_on, g_free);
  if (*date_text != '\0')
    {
      /* A dispatch may be dated ahead of today: only the form is checked. */
      g_autoptr(GDateTime) far = g_date_time_new_local (2999, 12, 31, 0, 0, 0);
      g_autoptr(GDateTime) date = NULL;
      gboolean has_time;

      if (!ph_date_input_parse (date_text, far, FALSE, &date, &has_time, &error))
        {
          ph_batch_editor_set_message (self, error->message);
          return FALSE;
        }
      batch->dated_on = g_date_time_format (date, "%Y-%m-%d");
    }

  if (!ph_store_update_batch (self->store, batch, &error))
    {
      ph_batch_editor_set_message (self, error->message);
      return FALSE;
    }
  ph_batch_editor_set_message (self, NULL);
  ph_batch_editor_reload (self);
  g_signal_emit (self, signals[CHANGED], 0, self->batch_id);
  return TRUE;
}

static void
batch_save (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ph_batch_editor_save (PH_BATCH_EDITOR (widget));
}

static void
batch_submit (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PhBatchEditor *self = PH_BATCH_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!ph_batch_editor_save (self))
    return;
  if (!ph_store_submit_batch (self->store, self->batch_id, &error))
    {
      ph_batch_editor_set_message (self, error->message);
      return;
    }
  ph_batch_editor_set_message (self, NULL);
  ph_batch_editor_reload (self);
  g_signal_emit (self, signals[CHANGED], 0, self->batch_id);
}

static void
add_entries (PhBatchEditor *self,
             const gint64  *ids,
             gsize          n_ids)
{
  g_autoptr(GError) error = NULL;

  if (!ph_batch_editor_save (self))
    return;
  if (!ph_store_add_batch_entries (self->store, self->batch_id, ids, (guint) n_ids, &error))
    {
      ph_batch_editor_set_message (self, error->message);
      return;
    }
  ph_batch_editor_set_message (self, NULL);
  ph_batch_editor_reload (self);
  g_signal_emit (self, signals[CHANGED], 0, self->batch_id);
}

static void
batch_add_entry_ids (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gsize n_ids = 0;
  const gint64 *ids = g_variant_get_fixed_array (parameter, &n_ids, sizeof (gint64));

  add_entries (PH_BATCH_EDITOR (widget), ids, n_ids);
}

static void
on_entries_picked (PhBatchEditor *self,
                   GArray        *ids)
{
  add_entries (self, (const gint64 *) (gpointer) ids->data, ids->len);
}

static void
batch_add_entries (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PhBatchEditor *self = PH_BATCH_EDITOR (widget);
  GtkWidget *picker = ph_entry_picker_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (picker),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (picker, "picked", G_CALLBACK (on_entries_picked), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
batch_remove_entry (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PhBatchEditor *self = PH_BATCH_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (!ph_batch_editor_save (self))
    return;
  if (!ph_store_remove_batch_entries (self->store, self->batch_id, &id, 1, &error))
    {
      ph_batch_editor_set_message (self, error->message);
      return;
    }
  ph_batch_editor_set_message (self, NULL);
  ph_batch_editor_reload (self);
  g_signal_emit (self, signals[CHANGED], 0, self->batch_id);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PhBatchEditor    *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!ph_store_delete_batch (self->store, self->batch_id, &error))
    {
      ph_batch_editor_set_message (self, error->message);
      return;
    }
  ph_batch_editor_set_batch_id (self, 0);
  g_signal_emit (self, signals[CHANGED], 0, (gint64) 0);
}

static void
batch_delete (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PhBatchEditor *self = PH_BATCH_EDITOR (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete This Draft?"),
                                   _("Its entries go back to the verified entries, ready for "
                                     "another batch."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ph_batch_editor_dispose (GObject *object)
{
  PhBatchEditor *self = PH_BATCH_EDITOR (object);

  g_clear_object (&self->store);
  /* AdwBin unparents its child itself; it must not find it already gone. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_BATCH_EDITOR);

  G_OBJECT_CLASS (ph_batch_editor_parent_class)->dispose (object);
}

static void
ph_batch_editor_finalize (GObject *object)
{
  PhBatchEditor *self = PH_BATCH_EDITOR (object);

  g_clear_pointer (&self->batch, ph_batch_free);
  g_clear_pointer (&self->signer_ids, g_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (ph_batch_editor_parent_class)->finalize (object);
}

static void
batch_export_preview (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PhBatchEditor *self = PH_BATCH_EDITOR (widget);

  if (self->store != NULL && self->batch != NULL)
    ph_export_ui_save_batch (widget, self->store, self->batch_id, PH_EXPORT_PREVIEW);
}

static void
ph_batch_editor_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "batch.save", NULL, batch_save);
  gtk_widget_class_install_action (widget_class, "batch.export-preview", NULL,
                                   batch_export_preview);
  gtk_widget_class_install_action (widget_class, "batch.submit", NULL, batch_submit);
  gtk_widget_class_install_action (widget_class, "batch.delete", NULL, batch_delete);
  gtk_widget_class_install_action (widget_class, "batch.add-entries", NULL, batch_add_entries);
  gtk_widget_class_install_action (widget_class, "batch.add-entry-ids", "ax", batch_add_entry_ids);
  gtk_widget_class_install_action (widget_class, "batch.remove-entry", "x", batch_remove_entry);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "batch.save", NULL);
}

static void
ph_batch_editor_class_init (PhBatchEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_batch_editor_dispose;
  object_class->finalize = ph_batch_editor_finalize;

  /**
   * PhBatchEditor::changed:
   * @batch_id: the batch, or 0 once it was deleted
   *
   * The batch was saved, filled, submitted or deleted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (PH_TYPE_BATCH_ITEM_OBJECT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-batch-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, page);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, header_group);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, returned_label);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, symbol_row);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, signer_row);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, signer_model);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, entries_group);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, entries_frame);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, entries_view);
  gtk_widget_class_bind_template_child (widget_class, PhBatchEditor, entries_store);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  ph_batch_editor_class_actions_init (widget_class);
}

static void
ph_batch_editor_init (PhBatchEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->signer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loading = 1;  /* the template's own setting of the fields is no edit */
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = 0;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_entry_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_entry_row), NULL);
  gtk_list_view_set_factory (self->entries_view, factory);
  ph_batch_editor_update_actions (self);
}

GtkWidget *
ph_batch_editor_new (void)
{
  return g_object_new (PH_TYPE_BATCH_EDITOR, NULL);
}

/**
 * ph_batch_editor_set_store:
 * @self: an editor
 * @store: (nullable): the store, signed in as the user at the keyboard
 */
void
ph_batch_editor_set_store (PhBatchEditor *self,
                           PhStore       *store)
{
  g_return_if_fail (PH_IS_BATCH_EDITOR (self));

  if (g_set_object (&self->store, store))
    ph_batch_editor_reload (self);
}

/**
 * ph_batch_editor_set_batch_id:
 * @self: an editor
 * @batch_id: the batch to show, or 0
 */
void
ph_batch_editor_set_batch_id (PhBatchEditor *self,
                              gint64         batch_id)
{
  g_return_if_fail (PH_IS_BATCH_EDITOR (self));

  self->batch_id = batch_id;
  ph_batch_editor_set_message (self, NULL);
  ph_batch_editor_reload (self);
}

gint64
ph_batch_editor_get_batch_id (PhBatchEditor *self)
{
  g_return_val_if_fail (PH_IS_BATCH_EDITOR (self), 0);
  return self->batch_id;
}

/**
 * ph_batch_editor_get_message:
 * @self: an editor
 *
 * Returns: (nullable): why the last action was refused, as shown to the user
 */
/**
 * ph_batch_editor_get_n_entries:
 * @self: an editor
 *
 * Returns: how many entries the batch shown holds
 */
guint
ph_batch_editor_get_n_entries (PhBatchEditor *self)
{
  g_return_val_if_fail (PH_IS_BATCH_EDITOR (self), 0);
  return self->n_items;
}

const char *
ph_batch_editor_get_message (PhBatchEditor *self)
{
  g_return_val_if_fail (PH_IS_BATCH_EDITOR (self), NULL);
  return self->message;
}
