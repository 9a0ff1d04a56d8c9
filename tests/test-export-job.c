/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ph-demo.h"
#include "ph-export-job.h"
#include "ph-store-export.h"
#include "ph-test-batch.h"
#include "ph-test-util.h"

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  double     last;
  guint      notifies;
  gboolean   went_back;
} Run;

static void
on_fraction (PhExportJob *job,
             GParamSpec  *pspec,
             Run         *run)
{
  double fraction = ph_export_job_get_fraction (job);

  /* Notified in the thread that started the job, never backwards. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (fraction < run->last)
    run->went_back = TRUE;
  run->last = fraction;
  run->notifies++;
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  Run *run = data;

  run->ok = ph_export_job_run_finish (PH_EXPORT_JOB (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
run_job (PhExportJob  *job,
         GCancellable *cancellable,
         Run          *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (job, "notify::fraction", G_CALLBACK (on_fraction), run);
  ph_export_job_run_async (job, cancellable, on_done, run);
  g_main_loop_run (run->loop);
  g_main_loop_unref (run->loop);
}

static void
test_export_job_preview (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("job");
  g_autofree char *path = g_build_filename (dir, "du-thao.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PhTemplate) tpl = ph_template_load (NULL, &error);
  g_autoptr(PhExportJob) job = NULL;
  Run run = { 0 };

  g_assert_no_error (error);
  job = ph_export_job_new_for_batch (PH_EXPORT_PREVIEW, ph_test_make_batch (2000, NULL, FALSE),
                                     tpl, path);
  g_assert_cmpstr (ph_export_job_get_path (job), ==, path);
  run_job (job, NULL, &run);

  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.notifies, >=, 2);
  g_assert_false (run.went_back);
  g_assert_cmpfloat (ph_export_job_get_fraction (job), ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_export_job_refused (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("job");
  g_autofree char *path = g_build_filename (dir, "phu-luc.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PhTemplate) tpl = ph_template_load (NULL, &error);
  g_autoptr(PhExportJob) job = NULL;
  Run run = { 0 };

  job = ph_export_job_new_for_batch (PH_EXPORT_APPENDIX, ph_test_make_batch (3, NULL, FALSE),
                                     tpl, path);
  run_job (job, NULL, &run);

  g_assert_false (run.ok);
  g_assert_error (run.error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_NOT_APPROVED);
  g_clear_error (&run.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_export_job_cancel (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("job");
  g_autofree char *store_dir = g_build_filename (dir, "store", NULL);
  g_autofree char *path = g_build_filename (dir, "ho-so.zip", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PhTemplate) tpl = ph_template_load (NULL, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PhExportJob) job = NULL;
  g_autoptr(GDir) listing = NULL;
  Run run = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (store_dir, 0700), ==, 0);
  job = ph_export_job_new_for_batch (PH_EXPORT_BUNDLE, ph_test_make_batch (50, store_dir, TRUE),
                                     tpl, path);
  g_cancellable_cancel (cancellable);
  run_job (job, cancellable, &run);

  g_assert_false (run.ok);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);

  /* Nothing left behind: no bundle, no part file, no temporary workbook. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  for (const char *name; (name = g_dir_read_name (listing)) != NULL; )
    g_assert_cmpstr (name, ==, "store");
}

static void
test_export_job_entries_csv (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("job");
  g_autofree char *store_dir = g_build_filename (dir, "store", NULL);
  g_autofree char *path = g_build_filename (dir, "danh-sach.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PhStore) store = NULL;
  g_autoptr(PhExportJob) job = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  PhEntryFilter filter = { .category = PH_CATEGORY_SCAM };
  gint64 count;
  guint records = 0;
  gsize len;
  Run run = { 0 };

  store = ph_store_open (store_dir, &error);
  g_assert_no_error (error);
  g_assert_true (ph_demo_fill (store, 80, 7, PH_DEMO_FLAGS_NO_EVIDENCE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  count = ph_store_count_entries (store, &filter, &error);
  g_assert_cmpint (count, >, 0);
  g_assert_cmpint (count, <, 80);

  job = ph_export_job_new_for_entries (store_dir, &filter, PH_ENTRY_SORT_CODE, FALSE, path);
  run_job (job, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_true (run.ok);

  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (text, (gssize) len, NULL));

  /* Records end in CRLF; a line break inside a quoted cell is never CRLF here (the
   * demo has none), so counting CRLF counts the header and the entries. */
  lines = g_strsplit (text + 3, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      records++;
  g_assert_cmpuint (records, ==, count + 1);
  g_assert_true (g_str_has_prefix (lines[0], "Code,Received,Source,"));
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_assert_nonnull (strstr (lines[i], ",Scam,"));
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);

  g_test_add_func ("/phananh/export-job/preview", test_export_job_preview);
  g_test_add_func ("/phananh/export-job/refused", test_export_job_refused);
  g_test_add_func ("/phananh/export-job/cancel", test_export_job_cancel);
  g_test_add_func ("/phananh/export-job/entries-csv", test_export_job_entries_csv);

  return g_test_run ();
}
