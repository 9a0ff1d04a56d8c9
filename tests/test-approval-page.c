/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The approval page driven through its actions, as approvers and clerks use it. */

#include "config.h"

#include <string.h>

#include "ph-approval-page.h"
#include "ph-bundle.h"
#include "ph-test-batches.h"
#include "ph-test-util.h"

typedef struct
{
  PhStore        *store;
  GtkWidget      *window;
  PhApprovalPage *page;
  GArray         *ids;
  gint64          batch_id;
} Fixture;

/* A batch of three entries built by the clerk "lan" and submitted. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhBatch) batch = NULL;

  fixture->store = ph_test_batches_store ();
  ph_test_sign_in (fixture->store, "lan");
  fixture->ids = ph_test_batches_entries (fixture->store, 3);
  fixture->batch_id = ph_store_create_batch (fixture->store, (gint64 *) fixture->ids->data, 3,
                                             &error);
  g_assert_no_error (error);
  batch = ph_store_get_batch (fixture->store, fixture->batch_id, &error);
  g_free (batch->number);
  batch->number = g_strdup ("125");
  g_assert_true (ph_store_update_batch (fixture->store, batch, &error));
  g_assert_true (ph_store_submit_batch (fixture->store, fixture->batch_id, &error));
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 800);
  fixture->page = PH_APPROVAL_PAGE (ph_approval_page_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
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

static void
show (Fixture    *fixture,
      const char *login)
{
  ph_test_sign_in (fixture->store, login);
  ph_approval_page_set_store (fixture->page, fixture->store);
  ph_approval_page_set_batch_id (fixture->page, fixture->batch_id);
  ph_test_drain ();
}

static void
type_password (Fixture    *fixture,
               const char *password)
{
  GtkEditable *row = ph_test_find_by_id (GTK_WIDGET (fixture->page), "password_row");

  g_assert_nonnull (row);
  gtk_editable_set_text (row, password);
}

static void
test_approval_review (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwActionRow *category_row;
  AdwActionRow *attention_row;

  show (fixture, "hung");

  /* the summary: counts per category and the entries to look at twice */
  category_row = ph_test_find_by_id (GTK_WIDGET (fixture->page), "category_row");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (category_row), " 2"));
  attention_row = ph_test_find_by_id (GTK_WIDGET (fixture->page), "attention_row");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (attention_row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (attention_row), "2 without evidence"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (attention_row), "3 reported only once"));
  g_assert_cmpuint (ph_approval_page_get_n_flagged (fixture->page), ==, 3);
  g_assert_cmpuint (ph_approval_page_get_n_entries (fixture->page), ==, 3);

  /* evidence in place */
  ph_approval_page_show_evidence (fixture->page, 1);
  g_assert_cmpuint (ph_approval_page_get_n_evidence (fixture->page), ==, 1);
  ph_approval_page_show_evidence (fixture->page, 2);
  g_assert_cmpuint (ph_approval_page_get_n_evidence (fixture->page), ==, 0);
}

static void
test_approval_approve (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhBatch) batch = NULL;
  g_autoptr(GPtrArray) checks = NULL;

  show (fixture, "hung");

  /* no password, a wrong password: refused, said, nothing signed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.approve", NULL));
  g_assert_nonnull (ph_approval_page_get_message (fixture->page));
  type_password (fixture, "not-the-password");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.approve", NULL));
  g_assert_nonnull (strstr (ph_approval_page_get_message (fixture->page), "password"));
  g_assert_cmpint (ph_test_batch_state (fixture->store, fixture->batch_id), ==,
                   PH_BATCH_STATE_SUBMITTED);

  type_password (fixture, PH_TEST_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.approve", NULL));
  g_assert_null (ph_approval_page_get_message (fixture->page));
  batch = ph_store_get_batch (fixture->store, fixture->batch_id, &error);
  g_assert_cmpint (batch->state, ==, PH_BATCH_STATE_APPROVED);
  g_assert_cmpstr (batch->approved_by_name, ==, "Lê Văn Hùng");
  g_assert_true (gtk_widget_get_visible (ph_test_find_by_id (GTK_WIDGET (fixture->page),
                                                             "signature_row")));
  g_assert_false (gtk_widget_get_visible (ph_test_find_by_id (GTK_WIDGET (fixture->page),
                                                              "decision_group")));
  /* disabled: a no-op, the store is not even asked */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.approve", NULL);
  g_assert_null (ph_approval_page_get_message (fixture->page));

  checks = ph_store_verify_batches (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (((PhBatchCheck *) checks->pdata[0])->ok);
}

static void
test_approval_not_allowed (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkLabel *notice;

  /* the clerk who built it */
  show (fixture, "lan");
  type_password (fixture, PH_TEST_PASSWORD);
  /* disabled: a no-op, the store is not even asked */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.approve", NULL);
  g_assert_null (ph_approval_page_get_message (fixture->page));
  /* disabled: a no-op, the store is not even asked */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                              "approval.return-with-comment", "s", "x");
  g_assert_null (ph_approval_page_get_message (fixture->page));
  g_assert_false (gtk_widget_get_visible (ph_test_find_by_id (GTK_WIDGET (fixture->page),
                                                              "decision_group")));
  notice = ph_test_find_by_id (GTK_WIDGET (fixture->page), "notice_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (notice)));
  g_assert_nonnull (strstr (gtk_label_get_label (notice), "approver"));
  g_assert_cmpint (ph_test_batch_state (fixture->store, fixture->batch_id), ==,
                   PH_BATCH_STATE_SUBMITTED);
}

static void
test_approval_return (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhBatch) batch = NULL;

  show (fixture, "thao");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "approval.return-with-comment", "s", " "));
  g_assert_nonnull (ph_approval_page_get_message (fixture->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "approval.return-with-comment", "s",
                                             "Dòng 2 chưa có chứng cứ"));
  batch = ph_store_get_batch (fixture->store, fixture->batch_id, &error);
  g_assert_cmpint (batch->state, ==, PH_BATCH_STATE_RETURNED);
  g_assert_cmpstr (batch->return_comment, ==, "Dòng 2 chưa có chứng cứ");
}

static void
test_approval_follow_up (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  show (fixture, "hung");
  type_password (fixture, PH_TEST_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.approve", NULL));

  /* the clerk sends it, records the answers and closes it */
  show (fixture, "lan");
  /* disabled: a no-op, the store is not even asked */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.close", NULL);
  g_assert_null (ph_approval_page_get_message (fixture->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.mark-sent",
                                             NULL));
  g_assert_null (ph_approval_page_get_message (fixture->page));
  g_assert_cmpint (ph_test_batch_state (fixture->store, fixture->batch_id), ==,
                   PH_BATCH_STATE_SENT);

  items = ph_store_list_batch_items (fixture->store, fixture->batch_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      PhBatchItem *item = g_ptr_array_index (items, i);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                                 "approval.record-answer", "(si)",
                                                 item->source_key, PH_ANSWER_BLOCKED_TWO_WAY));
      g_assert_null (ph_approval_page_get_message (fixture->page));
    }
  g_assert_cmpint (ph_test_batch_state (fixture->store, fixture->batch_id), ==,
                   PH_BATCH_STATE_ANSWERED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.close", NULL));
  g_assert_cmpint (ph_test_batch_state (fixture->store, fixture->batch_id), ==,
                   PH_BATCH_STATE_CLOSED);
  /* disabled: a no-op, the store is not even asked */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.close", NULL);
  g_assert_null (ph_approval_page_get_message (fixture->page));
}

/* The export runs in a worker thread: wait for its file. */
static void
wait_for_file (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  ph_test_drain ();
}

static void
test_approval_export (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("approval-export");
  g_autofree char *draft = g_build_filename (dir, "du-thao.xlsx", NULL);
  g_autofree char *bundle = g_build_filename (dir, "ho-so.zip", NULL);
  g_autoptr(PhBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* Submitted, not signed: a draft of the appendix only. */
  show (fixture, "hung");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.export-to",
                                             "(ss)", "preview", draft));
  wait_for_file (draft);

  /* Signed: the evidence bundle, sound on its own. */
  type_password (fixture, PH_TEST_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.approve", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "approval.export-to",
                                             "(ss)", "bundle", bundle));
  wait_for_file (bundle);
  g_assert_true (ph_bundle_verify (bundle, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_files, >=, 2);  /* the workbook and the evidence */
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/phananh/approval-page/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("review", test_approval_review);
  ADD ("approve", test_approval_approve);
  ADD ("not-allowed", test_approval_not_allowed);
  ADD ("return", test_approval_return);
  ADD ("follow-up", test_approval_follow_up);
  ADD ("export", test_approval_export);
#undef ADD

  return g_test_run ();
}
