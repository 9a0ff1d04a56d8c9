/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-window.c: the main window on a large store.
 *
 *   xvfb-run -a bench-window [N] [--data-dir DIR]
 *
 * Fills a store with `demo N` (default 100 000, evidence off for speed) — or
 * reuses DIR when it already holds N entries — then opens the window and
 * prints the time to the first frame with the first page on screen, the time
 * to fetch the last page cold, and the frame times while scrolling to the
 * end and jumping about (the longest is what a clerk would feel as a freeze),
 * with the rows read and the peak memory.
 * Targets: first frame under 1 s; no frame over 100 ms while scrolling.
 * Built, not run by `meson test`. */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "ph-demo.h"
#include "ph-demo-batches.h"
#include "ph-entries-view.h"
#include "ph-paged-model.h"
#include "ph-store-entries.h"
#include "ph-store-users.h"
#include "ph-window.h"

static gint64 painted_at;

/* CPU time of this process, µs: on a loaded machine the wall clock measures
 * the other processes too, the CPU time only our work. */
static gint64
cpu_time (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
         (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

static void
after_paint (GdkFrameClock *clock,
             gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

/* Runs the main loop until the window has painted once more. */
static double
wait_for_frame (gint64 since)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  painted_at = 0;
  while (painted_at == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return (painted_at - since) / 1000.0;
}

static gpointer
find_child (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(PhStore) store = NULL;
  PhEntryFilter all = { 0, };

  store = ph_store_open (dir, NULL);
  return store != NULL ? (guint) MAX (ph_store_count_entries (store, &all, NULL), 0) : 0;
}

static void
fill (const char *dir,
      guint       n)
{
  g_autoptr(PhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint have = count_entries (dir);
  gint64 start;

  if (have >= n)
    {
      g_print ("store           %s already holds %u entries\n", dir, have);
      return;
    }

  store = ph_store_open (dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  if (!ph_demo_fill (store, n - have, 1, PH_DEMO_FLAGS_NO_EVIDENCE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_print ("store           %s filled with %u entries in %.1f s\n", dir, n - have,
           (g_get_monotonic_time () - start) / 1e6);
  /* The demo accounts, for the clerk who opens the window below. */
  if (ph_store_needs_setup (store, NULL) && !ph_demo_add_batches (store, NULL, &error))
    g_error ("%s", error->message);
  ph_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  guint n = 100000;
  PhWindow *window;
  PhEntriesView *view;
  PhPagedModel *model;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  struct rusage usage;
  gint64 start;
  double first_frame, new_ms, end_frame, last_page, worst = 0, sum = 0;
  double cpu_first, cpu_worst = 0, cpu_sum = 0;
  gint64 cpu_start;
  guint jumps = 50;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--data-dir") && i + 1 < argc)
        dir = g_strdup (argv[++i]);
      else
        n = (guint) g_ascii_strtoull (argv[i], NULL, 10);
    }
  if (dir == NULL)
    dir = g_build_filename (g_get_tmp_dir (), "phananh-bench-window", NULL);

  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  /* Under Xvfb there is no GPU: the cairo renderer is the cheaper software path. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, TRUE);

  fill (dir, n);

  gtk_init ();
  adw_init ();

  /* Opening: the store, one count, the first page, the first frame. */
  start = g_get_monotonic_time ();
  cpu_start = cpu_time ();
  window = ph_window_new (NULL, dir);
  /* A clerk's workstation that stays signed in: no password to wait for. */
  {
    g_autoptr(PhUser) user = ph_store_resume_session (ph_window_get_store (window), "lan", NULL);

    if (user == NULL)
      g_error ("the store has no clerk “lan”; remove %s and run again", dir);
  }
  new_ms = (g_get_monotonic_time () - start) / 1000.0;
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
  first_frame = wait_for_frame (start);
  cpu_first = (cpu_time () - cpu_start) / 1000.0;

  view = ph_window_get_entries_view (window);
  model = ph_entries_view_get_model (view);
  g_print ("entries         %u\n", g_list_model_get_n_items (G_LIST_MODEL (model)));
  g_print ("window new      %8.1f ms (opens the store, counts, builds the views)\n", new_ms);
  g_print ("first frame     %8.1f ms after start (%.1f ms of CPU), rows read %" G_GUINT64_FORMAT
           "   (target < 1000)\n",
           first_frame, cpu_first, ph_paged_model_get_rows_read (model));

  /* The last page, cold: what the model costs when the clerk drags to the end. */
  {
    g_autoptr(GObject) item = NULL;
    guint total = g_list_model_get_n_items (G_LIST_MODEL (model));

    ph_paged_model_reload (model);
    wait_for_frame (g_get_monotonic_time ());
    start = g_get_monotonic_time ();
    item = g_list_model_get_item (G_LIST_MODEL (model), total - 1);
    last_page = (g_get_monotonic_time () - start) / 1000.0;
    g_print ("last page       %8.1f ms to fetch rows %u–%u cold\n", last_page,
             total - total % ph_paged_model_get_page_size (model), total - 1);
  }

  /* Scrolling to the end, then jumping about as a dragged scrollbar does. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_child (GTK_WIDGET (view),
                                                                           GTK_TYPE_COLUMN_VIEW)));
  start = g_get_monotonic_time ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  end_frame = wait_for_frame (start);
  g_print ("scroll to end   %8.1f ms to the frame showing the last rows\n", end_frame);

  for (guint i = 0; i < jumps; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment);
      double frame;

      start = g_get_monotonic_time ();
      cpu_start = cpu_time ();
      gtk_adjustment_set_value (adjustment, g_rand_double_range (rand, 0, upper));
      frame = wait_for_frame (start);
      worst = MAX (worst, frame);
      sum += frame;
      cpu_worst = MAX (cpu_worst, (cpu_time () - cpu_start) / 1000.0);
      cpu_sum += (cpu_time () - cpu_start) / 1000.0;
    }
  g_print ("random jumps    %8.1f ms mean, %.1f ms worst frame over %u jumps   (target < 100)\n",
           sum / jumps, worst, jumps);
  g_print ("  of which CPU  %8.1f ms mean, %.1f ms worst\n", cpu_sum / jumps, cpu_worst);
  g_print ("rows read       %" G_GUINT64_FORMAT " of %u in %" G_GUINT64_FORMAT " fetches, "
           "%u held in memory\n",
           ph_paged_model_get_rows_read (model), g_list_model_get_n_items (G_LIST_MODEL (model)),
           ph_paged_model_get_fetches (model), ph_paged_model_get_n_cached (model));

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory     %.1f MiB\n", usage.ru_maxrss / 1024.0);

  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}
