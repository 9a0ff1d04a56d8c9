/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The batch editor driven through its actions, as a clerk uses it. */

#include "config.h"

#include <string.h>

#include "ph-batch-editor.h"
#include "ph-batches-view.h"
#include "ph-entry-picker.h"
#include "ph-test-batches.h"

typedef struct
{
  PhStore       *store;
  GtkWidget     *window;
  PhBatchEditor *editor;
  GArray        *ids;
  gint64         batch_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = ph_test_batches_store ();
  ph_test_sign_in (fixture->store, "lan");
  fixture->ids = ph_test_batches_entries (fixture->store, 4);
  fixture->batch_id = ph_store_create_batch (fixture->store, (gint64 *) fixture->ids->data, 2,
                                             &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  fixture->editor = PH_BATCH_EDITOR (ph_batch_editor_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  ph_batch_editor_set_store (fixture->editor, fixture->store);
  ph_batch_editor_set_batch_id (fixture->editor, fixture->batch_id);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ph_test_drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ph_test_drain ();
  g_clear_pointer (&fixture->ids, g_array_unref);
  g_clear_object (&fixture->store);
}

static guint
n_rows (Fixture *fixture)
{
  return ph_batch_editor_get_n_entries (fixture->editor);
}

static void
set_row_text (Fixture    *fixture,
              const char *id,
              const char *text)
{
  GtkEditable *row = ph_test_find_by_id (GTK_WIDGET (fixture->editor), id);

  g_assert_nonnull (row);
  gtk_editable_set_text (row, text);
}

static void
test_editor_entries (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 third = g_array_index (fixture->ids, gint64, 2);
  gint64 first = g_array_index (fixture->ids, gint64, 0);
  g_autoptr(PhEntry) entry = NULL;

  g_assert_cmpuint (n_rows (fixture), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.add-entry-ids",
                                             "@ax", g_variant_new_fixed_array (G_VARIANT_TYPE_INT64,
                                                                               &third, 1,
                                                                               sizeof (gint64))));
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  g_assert_null (ph_batch_editor_get_message (fixture->editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.remove-entry",
                                             "x", first));
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  entry = ph_store_get_entry (fixture->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->status, ==, PH_ENTRY_STATUS_VERIFIED);

  /* the same entry twice: the store says why, the editor shows it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.add-entry-ids",
                                             "@ax", g_variant_new_fixed_array (G_VARIANT_TYPE_INT64,
                                                                               &third, 1,
                                                                               sizeof (gint64))));
  g_assert_nonnull (ph_batch_editor_get_message (fixture->editor));
  g_assert_nonnull (strstr (ph_batch_editor_get_message (fixture->editor), "already in a batch"));
  g_assert_cmpuint (n_rows (fixture), ==, 2);
}

static void
test_editor_fill_and_submit (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhBatch) batch = NULL;
  AdwComboRow *signer;

  set_row_text (fixture, "number_row", "125");
  set_row_text (fixture, "date_row", "25/11/2099");  /* dated ahead is allowed */
  set_row_text (fixture, "recipient_row", "Cục Viễn thông - Bộ Khoa học và Công nghệ");
  signer = ph_test_find_by_id (GTK_WIDGET (fixture->editor), "signer_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (signer)), ==, 3);
  adw_combo_row_set_selected (signer, 2);  /* anyone, Lê Văn Hùng, Phạm Thị Thảo */

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.save", NULL));
  g_assert_null (ph_batch_editor_get_message (fixture->editor));
  batch = ph_store_get_batch (fixture->store, fixture->batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (batch->number, ==, "125");
  g_assert_cmpstr (batch->dated_on, ==, "2099-11-25");
  g_assert_cmpstr (batch->recipient, ==, "Cục Viễn thông - Bộ Khoa học và Công nghệ");
  g_assert_cmpstr (batch->signer_name, ==, "Phạm Thị Thảo");
  g_assert_cmpstr (batch->subject, ==, PH_BATCH_DEFAULT_SUBJECT);


  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.submit", NULL));
  g_assert_null (ph_batch_editor_get_message (fixture->editor));
  g_assert_cmpint (ph_test_batch_state (fixture->store, fixture->batch_id), ==,
                   PH_BATCH_STATE_SUBMITTED);

  /* submitted: the editor offers nothing more */
  /* disabled: a no-op, the store is not even asked */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.submit", NULL);
  g_assert_null (ph_batch_editor_get_message (fixture->editor));
  /* disabled: a no-op, the store is not even asked */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.remove-entry",
                                              "x", g_array_index (fixture->ids, gint64, 1));
  g_assert_null (ph_batch_editor_get_message (fixture->editor));
  g_assert_cmpint (ph_test_batch_state (fixture->store, fixture->batch_id), ==,
                   PH_BATCH_STATE_SUBMITTED);
}

static void
test_editor_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[2] = { g_array_index (fixture->ids, gint64, 0),
                    g_array_index (fixture->ids, gint64, 1) };

  set_row_text (fixture, "date_row", "31/02/2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.save", NULL));
  g_assert_nonnull (ph_batch_editor_get_message (fixture->editor));

  set_row_text (fixture, "date_row", "");
  set_row_text (fixture, "subject_row", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.submit", NULL));
  g_assert_nonnull (strstr (ph_batch_editor_get_message (fixture->editor), "subject"));
  g_assert_cmpint (ph_test_batch_state (fixture->store, fixture->batch_id), ==,
                   PH_BATCH_STATE_DRAFT);

  /* emptied: submit is not offered */
  g_assert_true (ph_store_remove_batch_entries (fixture->store, fixture->batch_id, ids, 2, &error));
  g_assert_no_error (error);
  ph_batch_editor_set_batch_id (fixture->editor, fixture->batch_id);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  /* disabled: a no-op, the store is not even asked */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.submit", NULL);
  g_assert_null (ph_batch_editor_get_message (fixture->editor));
}

static void
collect_ids (GtkWidget  *picker,
             GArray     *ids,
             GArray    **out)
{
  *out = g_array_ref (ids);
}

static void
test_editor_picker (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *picker = ph_entry_picker_new (fixture->store);
  g_autoptr(GArray) picked = NULL;

  /* the two entries not yet in a batch */
  g_assert_cmpuint (ph_entry_picker_get_n_shown (PH_ENTRY_PICKER (picker)), ==, 2);
  g_signal_connect (picker, "picked", G_CALLBACK (collect_ids), &picked);
  /* nothing checked: nothing to add */
  gtk_widget_activate_action (picker, "picker.add", NULL);
  g_assert_null (picked);
  g_assert_true (gtk_widget_activate_action (picker, "picker.select-all", NULL));
  g_assert_true (gtk_widget_activate_action (picker, "picker.add", NULL));
  g_assert_nonnull (picked);
  g_assert_cmpuint (picked->len, ==, 2);

  /* the editor's own button opens the same dialog */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "batch.add-entries",
                                             NULL));
  ph_test_drain ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (PH_IS_ENTRY_PICKER (window))
          {
            found = TRUE;
            g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "picker.select-all",
                                                       NULL));
            g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "picker.add", NULL));
            break;
          }
      }
    g_assert_true (found);
  }
  g_assert_cmpuint (n_rows (fixture), ==, 4);
}

/* The Batches view around the editor: a new batch from picked entries opens in
 * the editor, and moves to the approval page once submitted. */
static void
test_batches_view (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = ph_batches_view_new ();
  GtkStack *stack;
  PhBatchEditor *editor;
  gint64 rest[2] = { g_array_index (fixture->ids, gint64, 2),
                     g_array_index (fixture->ids, gint64, 3) };
  gint64 id;

  gtk_window_set_child (GTK_WINDOW (window), view);
  ph_batches_view_set_store (PH_BATCHES_VIEW (view), fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  stack = ph_test_find_by_id (view, "content_stack");
  g_assert_cmpuint (ph_batches_view_get_n_batches (PH_BATCHES_VIEW (view)), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  g_assert_true (gtk_widget_activate_action (view, "batches.new-with-entries", "@ax",
                                             g_variant_new_fixed_array (G_VARIANT_TYPE_INT64,
                                                                        rest, 2,
                                                                        sizeof (gint64))));
  g_assert_cmpuint (ph_batches_view_get_n_batches (PH_BATCHES_VIEW (view)), ==, 2);
  id = ph_batches_view_get_selected (PH_BATCHES_VIEW (view));
  g_assert_cmpint (id, !=, fixture->batch_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "editor");
  editor = ph_test_find_by_id (view, "editor");
  g_assert_cmpint (ph_batch_editor_get_batch_id (editor), ==, id);
  g_assert_cmpuint (ph_batch_editor_get_n_entries (editor), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "batch.submit", NULL));
  g_assert_cmpint (ph_test_batch_state (fixture->store, id), ==, PH_BATCH_STATE_SUBMITTED);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "approval");

  /* the state filter */
  gtk_drop_down_set_selected (ph_test_find_by_id (view, "state_dropdown"), PH_BATCH_STATE_DRAFT);
  g_assert_cmpuint (ph_batches_view_get_n_batches (PH_BATCHES_VIEW (view)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  ph_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/phananh/batch-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("entries", test_editor_entries);
  ADD ("fill-and-submit", test_editor_fill_and_submit);
  ADD ("refusals", test_editor_refusals);
  ADD ("picker", test_editor_picker);
  ADD ("batches-view", test_batches_view);
#undef ADD

  return g_test_run ();
}
