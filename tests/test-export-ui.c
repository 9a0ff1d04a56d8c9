/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ph-export-ui.h"
#include "ph-test-batch.h"
#include "ph-test-util.h"

typedef struct
{
  GtkWidget *window;
  GtkWidget *overlay;
  GtkWidget *from;
} Fixture;

static void
fixture_init (Fixture *f)
{
  f->window = gtk_window_new ();
  f->overlay = adw_toast_overlay_new ();
  f->from = gtk_label_new ("phụ lục");
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (f->overlay), f->from);
  gtk_window_set_child (GTK_WINDOW (f->window), f->overlay);
  gtk_window_present (GTK_WINDOW (f->window));
}

/* The run holds the job until its result is in; then only the test's reference is left.
 * The worker thread may drop its own reference last, without waking the main loop, so
 * this polls. */
static void
wait_for_job (PhExportJob *job)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_atomic_int_get (&G_OBJECT (job)->ref_count) > 1)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static PhExportJob *
make_job (guint       rows,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhTemplate) tpl = ph_template_load (NULL, &error);

  g_assert_no_error (error);
  return ph_export_job_new_for_batch (PH_EXPORT_PREVIEW, ph_test_make_batch (rows, NULL, FALSE),
                                      tpl, path);
}

static void
test_export_ui_runs (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("export-ui");
  g_autofree char *path = g_build_filename (dir, "du-thao.xlsx", NULL);
  g_autoptr(PhExportJob) job = make_job (500, path);
  Fixture f;
  GCancellable *cancellable;

  fixture_init (&f);
  cancellable = ph_export_ui_run (f.from, job, "Đang xuất phụ lục…");
  g_assert_true (G_IS_CANCELLABLE (cancellable));
  wait_for_job (job);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpfloat (ph_export_job_get_fraction (job), ==, 1.0);
  gtk_window_destroy (GTK_WINDOW (f.window));
}

static void
test_export_ui_cancelled_by_close (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("export-ui");
  g_autofree char *path = g_build_filename (dir, "du-thao.xlsx", NULL);
  g_autoptr(PhExportJob) job = make_job (20000, path);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  Fixture f;

  fixture_init (&f);
  ph_export_ui_run (f.from, job, "Đang xuất phụ lục…");

  /* Closing the window while the workbook is being written cancels it. */
  gtk_window_destroy (GTK_WINDOW (f.window));
  wait_for_job (job);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (listing));
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phananh/export-ui/runs", test_export_ui_runs);
  g_test_add_func ("/phananh/export-ui/cancelled-by-close", test_export_ui_cancelled_by_close);

  return g_test_run ();
}
