/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-store.c: the case store at a million entries.
 *
 *   bench-store [N] [--data-dir DIR] [--runs R]
 *
 * Fills a store with `demo N` (default 1 000 000, evidence off for speed) —
 * or reuses DIR when it already holds N entries — then prints the insert rate,
 * the median and 95th percentile of a text search, a digits search and a
 * filtered page of 50 rows, a page at a random offset, the matching counts, and the
 * peak memory.
 * Target: every p95 under 20 ms. Built, not run by `meson test`. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "ph-demo.h"
#include "ph-store.h"
#include "ph-store-entries.h"

static const char * const text_queries[] = {
  "lua dao", "cong an", "thu hoi so", "vay tien", "mao danh", "quang xuong", "ngan hang otp",
  "doi no", "trung thuong", "bat dong san", "ma tuy", "zalo", "dam bao", "so y te", "hoang hoa",
  "tien ao", "Lừa đảo", "Công an tỉnh", "khủng bố", "nháy máy",
};

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *times)
{
  double *t = (double *) times->data;

  qsort (t, times->len, sizeof (double), compare_double);
  g_print ("%-34s median %7.2f ms   p95 %7.2f ms   max %7.2f ms   (%u runs)\n", what,
           t[times->len / 2], t[MIN (times->len - 1, times->len * 95 / 100)], t[times->len - 1],
           times->len);
}

static double
time_page (PhStore             *store,
           const PhEntryFilter *filter,
           PhEntrySort          sort,
           gboolean             descending,
           gint64               offset,
           guint               *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  gint64 start = g_get_monotonic_time ();

  page = ph_store_list_entries (store, filter, sort, descending, offset, 50, &error);
  if (page == NULL)
    g_error ("%s", error->message);
  if (rows != NULL)
    *rows = page->len;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_count (PhStore             *store,
            const PhEntryFilter *filter)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (ph_store_count_entries (store, filter, &error) < 0)
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  if (done % 50000 < 1000 || done == total)
    g_printerr ("\r  %" G_GUINT64_FORMAT " / %" G_GUINT64_FORMAT, done, total);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) text_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) digit_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sorted_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) count_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) deep_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *data_dir = NULL;
  guint64 n = 1000000;
  guint64 runs = 200;
  gint64 existing;
  struct rusage usage;
  guint text_hits = 0, digit_hits = 0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--data-dir") == 0 && i + 1 < argc)
        data_dir = g_strdup (argv[++i]);
      else if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        runs = g_ascii_strtoull (argv[++i], NULL, 10);
      else
        n = g_ascii_strtoull (argv[i], NULL, 10);
    }
  if (data_dir == NULL)
    data_dir = g_dir_make_tmp ("phananh-bench-XXXXXX", NULL);

  store = ph_store_open (data_dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  existing = ph_store_count_entries (store, NULL, NULL);
  g_print ("store: %s\n", data_dir);
  if (existing < (gint64) n)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;

      if (!ph_demo_fill (store, (guint) (n - (guint64) existing), 1, PH_DEMO_FLAGS_NO_EVIDENCE,
                         progress_cb, NULL, NULL, &error))
        g_error ("%s", error->message);
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      g_printerr ("\n");
      g_print ("insert: %" G_GUINT64_FORMAT " entries in %.1f s = %.0f entries/s"
               " (with audit rows, source records and both search indexes)\n",
               n - (guint64) existing, seconds, (double) (n - (guint64) existing) / seconds);
    }
  else
    g_print ("insert: reusing %" G_GINT64_FORMAT " entries\n", existing);

  {
    GStatBuf st;

    if (g_stat (ph_store_get_database_path (store), &st) == 0)
      g_print ("database: %.0f MiB\n", st.st_size / 1048576.0);
  }

  /* digits of real numbers in the store, typed in pieces as a clerk would */
  {
    g_autoptr(GPtrArray) sample = NULL;

    sample = ph_store_list_entries (store, NULL, PH_ENTRY_SORT_RECEIVED, TRUE,
                                    g_rand_int_range (rand, 0, 1000), 200, &error);
    for (guint i = 0; i < sample->len; i++)
      {
        PhEntry *entry = sample->pdata[i];
        const char *display = entry->source_display;

        if (entry->source_e164 == NULL || strlen (display) < 12)
          continue;
        switch (i % 4)
          {
          case 0: g_ptr_array_add (numbers, g_strndup (display, 8)); break;          /* "0912 345" */
          case 1: g_ptr_array_add (numbers, g_strndup (entry->source_e164 + 3, 6)); break; /* "912345" */
          case 2: g_ptr_array_add (numbers, g_strdup (display + 5)); break;            /* "345 678" */
          default: g_ptr_array_add (numbers, g_strdup (display)); break;
          }
      }
  }

  for (guint64 r = 0; r < runs; r++)
    {
      PhEntryFilter filter = { 0 };
      guint rows = 0;
      double t;

      filter.text = text_queries[r % G_N_ELEMENTS (text_queries)];
      t = time_page (store, &filter, PH_ENTRY_SORT_RECEIVED, TRUE, 0, &rows);
      g_array_append_val (text_times, t);
      text_hits += rows > 0;

      memset (&filter, 0, sizeof filter);
      filter.text = numbers->pdata[r % numbers->len];
      t = time_page (store, &filter, PH_ENTRY_SORT_RECEIVED, TRUE, 0, &rows);
      g_array_append_val (digit_times, t);
      digit_hits += rows > 0;

      /* the entries view: a status, a category or a network, a date range, a page */
      memset (&filter, 0, sizeof filter);
      switch (r % 4)
        {
        case 0: filter.status = PH_ENTRY_STATUS_RECEIVED; filter.category = PH_CATEGORY_IMPERSONATION; break;
        case 1: filter.network = "Viettel"; filter.received_from = "2025-01-01"; filter.received_to = "2025-06-30"; break;
        case 2: filter.category = PH_CATEGORY_DEBT_COLLECTION; filter.received_from = "2024-03-01"; break;
        default: filter.unit_id = 1 + (gint64) (r % 20); break;
        }
      t = time_page (store, &filter, PH_ENTRY_SORT_RECEIVED, TRUE, (gint64) (r % 10) * 50, NULL);
      g_array_append_val (page_times, t);

      memset (&filter, 0, sizeof filter);
      t = time_page (store, &filter, (PhEntrySort) (r % (PH_ENTRY_SORT_STATUS + 1)), r % 2,
                     (gint64) (r % 10) * 50, NULL);
      g_array_append_val (sorted_times, t);

      /* scrolling anywhere in the list: a page at a random offset */
      if (r < 90)
        {
          memset (&filter, 0, sizeof filter);
          t = time_page (store, &filter, (PhEntrySort) (r % (PH_ENTRY_SORT_STATUS + 1)), r % 2,
                         g_rand_int_range (rand, 0, (gint32) MIN (n, G_MAXINT32)), NULL);
          g_array_append_val (deep_times, t);
        }

      if (r < 40)
        {
          memset (&filter, 0, sizeof filter);
          filter.status = PH_ENTRY_STATUS_RECEIVED;
          filter.category = (PhCategory) (1 + r % 6);
          t = time_count (store, &filter);
          g_array_append_val (count_times, t);
        }
    }

  g_print ("text search, page of 50:           %u of %" G_GUINT64_FORMAT " queries found entries\n",
           text_hits, runs);
  report ("text search (\"lua dao\" …)", text_times);
  g_print ("digits search, page of 50:         %u of %" G_GUINT64_FORMAT " queries found entries\n",
           digit_hits, runs);
  report ("digits search (\"0912 345\" …)", digit_times);
  report ("filtered page of 50", page_times);
  report ("sorted page of 50 (every column)", sorted_times);
  report ("page at a random offset", deep_times);
  report ("count, status + category", count_times);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory: %.1f MiB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
