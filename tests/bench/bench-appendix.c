/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-appendix: export the appendix workbook of a batch of 10 000 entries and print
 * the time and the peak memory, next to Python's XlsxWriter (Debian's
 * python3-xlsxwriter) writing the same cells with the same formats, in the same run.
 *
 *   _build/tests/bench/bench-appendix [ROWS] [RUNS]
 *
 * The workbook is written in a child process each time, so each figure of peak memory
 * (the child's maximum resident set) is that export's alone. The Python side gets every
 * cell's text ready-made (labels, file names, dates), so it does less work than the C
 * side; its time is taken both inside the script (writing only) and for the whole
 * process (interpreter start-up included). */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ph-appendix.h"
#include "ph-template.h"
#include "ph-test-batch.h"

#define PYTHON "/usr/bin/python3"

typedef struct
{
  double cpu_seconds;    /* user + system time of the child: steady on a busy machine */
  double seconds;
  double inner_seconds;  /* as timed by the child itself, or < 0 */
  double peak_mib;
} Run;

static void
add_string (JsonBuilder *b,
            const char  *value)
{
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* Everything the Python writer needs, resolved to cell text. */
static void
dump_cells (PhAppendixBatch *batch,
            PhTemplate      *tpl,
            const char      *path)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = ph_appendix_dup_reference (batch, tpl, &error);
  static const char *columns[] = { "stt", "source", "network", "channel", "category", "occurred",
                                   "receiving", "content", "evidence", "unit", "notes" };
  static const char *ev_columns[] = { "stt", "code", "source", "path", "kind", "mime_type",
                                      "size", "sha256" };

  g_assert_no_error (error);
  ph_appendix_batch_assign_names (batch, tpl);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "parent_body");
  add_string (b, batch->parent_body);
  json_builder_set_member_name (b, "department");
  add_string (b, batch->department);
  json_builder_set_member_name (b, "reference");
  add_string (b, reference);
  json_builder_set_member_name (b, "signer");
  json_builder_begin_array (b);
  add_string (b, batch->signer_authority);
  add_string (b, batch->signer_title);
  add_string (b, batch->signer_name);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "digest");
  add_string (b, batch->digest_hex);

  json_builder_set_member_name (b, "headings");
  json_builder_begin_array (b);
  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    add_string (b, ph_template_get (tpl, "columns", columns[i], NULL));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "ev_headings");
  json_builder_begin_array (b);
  for (gsize i = 0; i < G_N_ELEMENTS (ev_columns); i++)
    add_string (b, ph_template_get (tpl, "evidence_columns", ev_columns[i], NULL));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      const PhAppendixRow *row = g_ptr_array_index (batch->rows, i);
      g_autoptr(GString) evidence = g_string_new (NULL);
      g_autofree char *occurred = g_date_time_format (row->occurred, "%Y-%m-%dT%H:%M:%S");
      const char *category = ph_template_get (tpl, "categories", row->category, NULL);
      g_autofree char *category_text = row->impersonated != NULL
                                       ? g_strdup_printf ("%s (%s)", category, row->impersonated)
                                       : g_strdup (category);

      for (guint j = 0; j < row->evidence->len; j++)
        {
          const PhAppendixEvidence *ev = g_ptr_array_index (row->evidence, j);

          g_string_append_printf (evidence, "%s%s", j > 0 ? "\n" : "",
                                  strrchr (ev->bundle_name, '/') + 1);
        }

      json_builder_begin_array (b);
      add_string (b, row->source_display);
      add_string (b, row->network);
      add_string (b, ph_template_get (tpl, "channels", row->channel, NULL));
      add_string (b, category_text);
      add_string (b, occurred);
      json_builder_add_boolean_value (b, row->occurred_has_time);
      add_string (b, row->receiving_number);
      add_string (b, row->content);
      add_string (b, evidence->str);
      add_string (b, row->unit);
      add_string (b, row->notes);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "evidence");
  json_builder_begin_array (b);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      const PhAppendixRow *row = g_ptr_array_index (batch->rows, i);

      for (guint j = 0; j < row->evidence->len; j++)
        {
          const PhAppendixEvidence *ev = g_ptr_array_index (row->evidence, j);

          json_builder_begin_array (b);
          json_builder_add_int_value (b, i + 1);
          add_string (b, row->code);
          add_string (b, row->source_display);
          add_string (b, ev->bundle_name);
          add_string (b, ph_template_get (tpl, "evidence_kinds", ev->kind, NULL));
          add_string (b, ev->mime_type);
          json_builder_add_int_value (b, ev->size);
          add_string (b, ev->sha256);
          json_builder_end_array (b);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_to_file (gen, path, &error);
  g_assert_no_error (error);
}

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

/* Runs @func in a child process and measures it. */
static Run
measure_c (const PhAppendixBatch *batch,
           const char            *out)
{
  struct rusage usage;
  int pipefd[2];
  Run run = { 0 };
  gint64 start;
  pid_t pid;
  int status;

  g_assert_cmpint (pipe (pipefd), ==, 0);
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double inner;

      close (pipefd[0]);
      if (!ph_appendix_write (batch, out, FALSE, NULL, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          _exit (1);
        }
      inner = seconds_since (t0);
      if (write (pipefd[1], &inner, sizeof inner) != sizeof inner)
        _exit (1);
      _exit (0);
    }
  close (pipefd[1]);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  run.seconds = seconds_since (start);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  if (read (pipefd[0], &run.inner_seconds, sizeof run.inner_seconds) != sizeof run.inner_seconds)
    run.inner_seconds = -1;
  close (pipefd[0]);
  run.peak_mib = usage.ru_maxrss / 1024.0;
  run.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                    usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;

  return run;
}

static Run
measure_python (const char *script,
                const char *cells,
                const char *out)
{
  struct rusage usage;
  int pipefd[2];
  Run run = { 0 };
  char buffer[64] = { 0 };
  gint64 start;
  pid_t pid;
  int status;
  ssize_t n;

  g_assert_cmpint (pipe (pipefd), ==, 0);
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      dup2 (pipefd[1], STDOUT_FILENO);
      close (pipefd[0]);
      execl (PYTHON, PYTHON, script, cells, out, (char *) NULL);
      _exit (127);
    }
  close (pipefd[1]);
  n = read (pipefd[0], buffer, sizeof buffer - 1);
  close (pipefd[0]);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  run.seconds = seconds_since (start);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed", PYTHON, script);
  run.inner_seconds = n > 0 ? g_ascii_strtod (buffer, NULL) : -1;
  run.peak_mib = usage.ru_maxrss / 1024.0;
  run.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                    usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;

  return run;
}

static Run
best_of (Run *runs,
         guint n)
{
  Run best = runs[0];

  for (guint i = 1; i < n; i++)
    {
      if (runs[i].seconds < best.seconds)
        {
          best.seconds = runs[i].seconds;
          best.inner_seconds = runs[i].inner_seconds;
        }
      best.cpu_seconds = MIN (best.cpu_seconds, runs[i].cpu_seconds);
      best.peak_mib = MAX (best.peak_mib, runs[i].peak_mib);
    }

  return best;
}

int
main (int   argc,
      char *argv[])
{
  guint n_rows = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint n_runs = argc > 2 ? (guint) atoi (argv[2]) : 3;
  g_autofree char *dir = g_dir_make_tmp ("bench-appendix-XXXXXX", NULL);
  g_autofree char *out_c = g_build_filename (dir, "c.xlsx", NULL);
  g_autofree char *out_py = g_build_filename (dir, "py.xlsx", NULL);
  g_autofree char *cells = g_build_filename (dir, "cells.json", NULL);
  g_autofree char *script = NULL;
  g_autoptr(PhAppendixBatch) batch = NULL;
  g_autoptr(PhTemplate) tpl = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree Run *c_runs = g_new0 (Run, MAX (n_runs, 1));
  g_autofree Run *py_runs = g_new0 (Run, MAX (n_runs, 1));
  struct stat st_c, st_py;
  Run c, py;
  gboolean have_python;

  n_runs = MAX (n_runs, 1);
  script = g_strdup (BENCH_SCRIPT);

  g_setenv ("PHANANH_DATA_DIR", dir, TRUE);
  tpl = ph_template_load (NULL, &error);
  g_assert_no_error (error);
  batch = ph_test_make_batch (n_rows, NULL, TRUE);
  dump_cells (batch, tpl, cells);

  {
    const char *check[] = { PYTHON, "-c", "import xlsxwriter", NULL };
    int status = 1;

    have_python = g_spawn_sync (NULL, (char **) check, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                NULL, NULL, NULL, &status, NULL) &&
                  g_spawn_check_wait_status (status, NULL);
  }

  /* Interleaved, so both see the same machine load. */
  for (guint i = 0; i < n_runs; i++)
    {
      c_runs[i] = measure_c (batch, out_c);
      if (have_python)
        py_runs[i] = measure_python (script, cells, out_py);
    }
  c = best_of (c_runs, n_runs);
  g_stat (out_c, &st_c);

  g_print ("appendix workbook, %u entries, best of %u runs\n", n_rows, n_runs);
  g_print ("  %-26s %8s %14s %10s %9s %10s\n", "", "wall", "inner", "CPU", "peak", "size");
  g_print ("  %-26s %7.3fs %6s %6.3fs %9.3fs %6.1f MiB %6.0f KiB\n", "phananh (libxlsxwriter)",
           c.seconds, "export", c.inner_seconds, c.cpu_seconds, c.peak_mib, st_c.st_size / 1024.0);
  if (have_python)
    {
      py = best_of (py_runs, n_runs);
      g_stat (out_py, &st_py);
      g_print ("  %-26s %7.3fs %6s %6.3fs %9.3fs %6.1f MiB %6.0f KiB\n", "python3 + XlsxWriter",
               py.seconds, "write", py.inner_seconds, py.cpu_seconds, py.peak_mib,
               st_py.st_size / 1024.0);
      g_print ("  speed-up: %.1fx wall, %.1fx writing alone, %.1fx CPU time (target >= 3x)\n",
               py.seconds / c.seconds, py.inner_seconds / c.inner_seconds,
               py.cpu_seconds / c.cpu_seconds);
    }
  else
    g_print ("  (" PYTHON " with xlsxwriter not found: no comparison)\n");
  g_print ("  peak memory target: < 100 MiB: %s\n", c.peak_mib < 100 ? "met" : "NOT met");

  g_unlink (out_c);
  g_unlink (out_py);
  g_unlink (cells);
  g_rmdir (dir);

  return 0;
}
