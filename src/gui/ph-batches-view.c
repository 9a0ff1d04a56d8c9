/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-batches-view.c: the Batches view — every batch with its state, counts
 * and dates on the left; on the right the editor while it is a draft and the
 * approval page from submission on. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-approval-page.h"
#include "ph-batch-editor.h"
#include "ph-batches-view.h"
#include "ph-entry-picker.h"
#include "ph-store-batches.h"
#include "ph-store-users.h"

struct _PhBatchesView
{
  GtkWidget       parent_instance;

  PhStore        *store;
  GArray         *ids;   /* gint64 batch ids, in row order */
  gint64          selected;
  guint           reloading;

  AdwLeaflet     *leaflet;
  GtkDropDown    *state_dropdown;
  GtkStringList  *state_model;
  GtkListBox     *batch_list;
  GtkStack       *content_stack;
  PhBatchEditor  *editor;
  PhApprovalPage *approval;
};

G_DEFINE_FINAL_TYPE (PhBatchesView, ph_batches_view, GTK_TYPE_WIDGET)

static char *
format_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

static GtkWidget *
make_row (const PhBatch *batch)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *reference = ph_batch_dup_reference (batch);
  g_autofree char *title = NULL;
  g_autofree char *date = format_date (batch->sent_on != NULL ? batch->sent_on : batch->dated_on);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                                         batch->entry_count),
                                            batch->entry_count);
  g_autofree char *subtitle = NULL;
  GtkWidget *state = gtk_label_new (ph_batch_state_get_label (batch->state));

  title = *batch->number != '\0' ? g_strdup_printf ("%s · %s", batch->code, reference)
                                 : g_strdup (batch->code);
  subtitle = date != NULL ? g_strdup_printf ("%s · %s", count, date) : g_strdup (count);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, title);

  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state, "batch-state");
  gtk_widget_add_css_class (state, ph_batch_state_to_string (batch->state));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  return row;
}

static void
show_batch (PhBatchesView *self,
            gint64         batch_id)
{
  g_autoptr(PhBatch) batch = NULL;

  self->selected = batch_id;
  if (self->store != NULL && batch_id != 0)
    batch = ph_store_get_batch (self->store, batch_id, NULL);
  if (batch == NULL)
    {
      self->selected = 0;
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  if (ph_batch_state_is_editable (batch->state))
    {
      ph_batch_editor_set_batch_id (self->editor, batch_id);
      gtk_stack_set_visible_child_name (self->content_stack, "editor");
    }
  else
    {
      ph_approval_page_set_batch_id (self->approval, batch_id);
      gtk_stack_set_visible_child_name (self->content_stack, "approval");
    }
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

static void
ph_batches_view_reload (PhBatchesView *self)
{
  g_autoptr(GPtrArray) batches = NULL;
  PhBatchState state = (PhBatchState) gtk_drop_down_get_selected (self->state_dropdown);
  GtkListBoxRow *row;

  self->reloading++;
  while ((row = gtk_list_box_get_row_at_index (self->batch_list, 0)) != NULL)
    gtk_list_box_remove (self->batch_list, GTK_WIDGET (row));
  g_array_set_size (self->ids, 0);

  if (self->store != NULL)
    batches = ph_store_list_batches (self->store, state, NULL);
  for (guint i = 0; batches != NULL && i < batches->len; i++)
    {
      PhBatch *batch = g_ptr_array_index (batches, i);

      gtk_list_box_append (self->batch_list, make_row (batch));
      g_array_append_val (self->ids, batch->id);
      if (batch->id == self->selected)
        gtk_list_box_select_row (self->batch_list,
                                 gtk_list_box_get_row_at_index (self->batch_list, (int) i));
    }
  self->reloading--;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batches.new",
                                 self->store != NULL && ph_store_get_user (self->store) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batches.new-with-entries",
                                 self->store != NULL && ph_store_get_user (self->store) != NULL);
}

static void
on_batch_selected (PhBatchesView *self,
                   GtkListBoxRow *row)
{
  if (self->reloading > 0 || row == NULL)
    return;
  show_batch (self, g_array_index (self->ids, gint64, gtk_list_box_row_get_index (row)));
}

static void
on_state_filter_changed (PhBatchesView *self)
{
  ph_batches_view_reload (self);
}

static void
on_batch_changed (PhBatchesView *self,
                  gint64         batch_id)
{
  ph_batches_view_reload (self);
  /* A draft that is submitted moves to the approval page, and back when returned. */
  show_batch (self, batch_id);
}

static void
on_store_changed (PhBatchesView *self,
                  const char    *what,
                  gint64         id)
{
  ph_batches_view_reload (self);
}

static void
create_batch (PhBatchesView *self,
              const gint64  *ids,
              gsize          n_ids)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = ph_store_create_batch (self->store, ids, (guint) n_ids, &error);
  if (id == 0)
    {
      AdwToast *toast = adw_toast_new (error->message);
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_object_unref (g_object_ref_sink (toast));
      return;
    }
  self->selected = id;
  gtk_drop_down_set_selected (self->state_dropdown, PH_BATCH_STATE_ANY);
  ph_batches_view_reload (self);
  show_batch (self, id);
}

static void
batches_new_with_entries (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gsize n_ids = 0;
  const gint64 *ids = g_variant_get_fixed_array (parameter, &n_ids, sizeof (gint64));

  create_batch (PH_BATCHES_VIEW (widget), ids, n_ids);
}

static void
on_entries_picked (PhBatchesView *self,
                   GArray        *ids)
{
  create_batch (self, (const gint64 *) (gpointer) ids->data, ids->len);
}

/* A new batch starts from the verified entries the clerk picks (one by one, or
 * all that a filter finds). */
static void
batches_new (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PhBatchesView *self = PH_BATCHES_VIEW (widget);
  GtkWidget *picker = ph_entry_picker_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (picker), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (picker), TRUE);
  g_signal_connect_object (picker, "picked", G_CALLBACK (on_entries_picked), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
batches_select (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PhBatchesView *self = PH_BATCHES_VIEW (widget);

  self->selected = g_variant_get_int64 (parameter);
  ph_batches_view_reload (self);
  show_batch (self, self->selected);
}

static void
ph_batches_view_dispose (GObject *object)
{
  PhBatchesView *self = PH_BATCHES_VIEW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_BATCHES_VIEW);

  G_OBJECT_CLASS (ph_batches_view_parent_class)->dispose (object);
}

static void
ph_batches_view_finalize (GObject *object)
{
  PhBatchesView *self = PH_BATCHES_VIEW (object);

  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (ph_batches_view_parent_class)->finalize (object);
}

static void
ph_batches_view_class_init (PhBatchesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_batches_view_dispose;
  object_class->finalize = ph_batches_view_finalize;

  g_type_ensure (PH_TYPE_BATCH_EDITOR);
  g_type_ensure (PH_TYPE_APPROVAL_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-batches-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, PhBatchesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PhBatchesView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PhBatchesView, state_model);
  gtk_widget_class_bind_template_child (widget_class, PhBatchesView, batch_list);
  gtk_widget_class_bind_template_child (widget_class, PhBatchesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PhBatchesView, editor);
  gtk_widget_class_bind_template_child (widget_class, PhBatchesView, approval);
  gtk_widget_class_bind_template_callback (widget_class, on_batch_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_state_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_batch_changed);

  gtk_widget_class_install_action (widget_class, "batches.new", NULL, batches_new);
  gtk_widget_class_install_action (widget_class, "batches.new-with-entries", "ax",
                                   batches_new_with_entries);
  gtk_widget_class_install_action (widget_class, "batches.select", "x", batches_select);
}

static void
ph_batches_view_init (PhBatchesView *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Index = PhBatchState: 0 is "any". */
  self->reloading++;
  gtk_string_list_append (self->state_model, _("All batches"));
  for (PhBatchState s = PH_BATCH_STATE_DRAFT; s <= PH_BATCH_STATE_CLOSED; s++)
    gtk_string_list_append (self->state_model, ph_batch_state_get_label (s));
  self->reloading--;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batches.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batches.new-with-entries", FALSE);
}

GtkWidget *
ph_batches_view_new (void)
{
  return g_object_new (PH_TYPE_BATCHES_VIEW, NULL);
}

/**
 * ph_batches_view_set_store:
 * @self: a view
 * @store: (nullable): the store, signed in as the user at the keyboard
 */
void
ph_batches_view_set_store (PhBatchesView *self,
                           PhStore       *store)
{
  g_return_if_fail (PH_IS_BATCHES_VIEW (self));

  if (self->store == store)
    {
      ph_batches_view_reload (self);
      return;
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed::batch", G_CALLBACK (on_store_changed), self,
                             G_CONNECT_SWAPPED);
  ph_batch_editor_set_store (self->editor, store);
  ph_approval_page_set_store (self->approval, store);
  self->selected = 0;
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  ph_batches_view_reload (self);
}

guint
ph_batches_view_get_n_batches (PhBatchesView *self)
{
  g_return_val_if_fail (PH_IS_BATCHES_VIEW (self), 0);
  return self->ids->len;
}

gint64
ph_batches_view_get_selected (PhBatchesView *self)
{
  g_return_val_if_fail (PH_IS_BATCHES_VIEW (self), 0);
  return self->selected;
}
