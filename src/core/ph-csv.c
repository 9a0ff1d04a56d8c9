/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-csv.c: CSV export of a list, for Excel and LibreOffice.
 *
 * UTF-8 with a byte-order mark (without it Excel reads Vietnamese as Windows-1252), CRLF
 * line ends and RFC 4180 quoting. A cell that a spreadsheet would take for a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so that
 * opening an export of case data can never run what someone typed into a report. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ph-csv.h"

struct _PhCsvWriter
{
  char              *path;
  char              *part;
  GFileOutputStream *stream;
  GOutputStream     *buffered;
  GString           *line;
  gboolean           closed;
};

static gboolean
looks_like_formula (const char *cell)
{
  return cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
         cell[0] == '\t' || cell[0] == '\r';
}

/**
 * ph_csv_neutralise:
 * @cell: (nullable): a cell's text
 *
 * Returns: (transfer full): @cell, with an apostrophe in front if a spreadsheet would
 *   read it as a formula
 */
char *
ph_csv_neutralise (const char *cell)
{
  if (cell == NULL)
    return g_strdup ("");
  if (looks_like_formula (cell))
    return g_strconcat ("'", cell, NULL);
  return g_strdup (cell);
}

static void
append_cell (GString    *out,
             const char *cell)
{
  g_autofree char *safe = ph_csv_neutralise (cell);

  if (strpbrk (safe, ",\"\r\n") == NULL)
    {
      g_string_append (out, safe);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = safe; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString            *out,
            const char * const *cells,
            gssize              n_cells)
{
  if (n_cells < 0)
    n_cells = cells != NULL ? (gssize) g_strv_length ((char **) cells) : 0;

  for (gssize i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

/**
 * ph_csv_format_row:
 * @cells: (array length=n_cells): the cells; %NULL ones are empty
 * @n_cells: how many, or -1 if @cells is %NULL-terminated
 *
 * Returns: (transfer full): one CSV record with its CRLF
 */
char *
ph_csv_format_row (const char * const *cells,
                   gssize              n_cells)
{
  GString *out = g_string_new (NULL);

  append_row (out, cells, n_cells);
  return g_string_free (out, FALSE);
}

/**
 * ph_csv_writer_new:
 * @path: the file to write (replaced)
 * @error: return location for a #GError
 *
 * Starts a CSV file with its byte-order mark.
 *
 * Returns: (transfer full) (nullable): a writer; finish it with ph_csv_writer_close()
 */
PhCsvWriter *
ph_csv_writer_new (const char  *path,
                   GError     **error)
{
  g_autofree char *part = g_strdup_printf ("%s.part", path);
  g_autoptr(GFile) file = g_file_new_for_path (part);
  g_autoptr(GFileOutputStream) stream = NULL;
  PhCsvWriter *writer;

  /* Written beside the target and renamed when complete: a half-written list is never
   * at the path, and one abandoned leaves what was there before. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return NULL;

  writer = g_new0 (PhCsvWriter, 1);
  writer->path = g_strdup (path);
  writer->part = g_steal_pointer (&part);
  writer->stream = g_steal_pointer (&stream);
  writer->buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (writer->stream),
                                                         64 * 1024);
  writer->line = g_string_new ("\xEF\xBB\xBF");

  return writer;
}

/**
 * ph_csv_writer_add_row:
 * @writer: a writer
 * @cells: (array length=n_cells): the cells; %NULL ones are empty
 * @n_cells: how many, or -1 if @cells is %NULL-terminated
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the record was written
 */
gboolean
ph_csv_writer_add_row (PhCsvWriter        *writer,
                       const char * const *cells,
                       gssize              n_cells,
                       GCancellable       *cancellable,
                       GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (writer != NULL && !writer->closed, FALSE);

  append_row (writer->line, cells, n_cells);
  ok = g_output_stream_write_all (writer->buffered, writer->line->str, writer->line->len,
                                  NULL, cancellable, error);
  g_string_truncate (writer->line, 0);

  return ok;
}

/**
 * ph_csv_writer_close:
 * @writer: a writer
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finishes the file: only now does it replace what was at the path before.
 *
 * Returns: %TRUE if the file is complete
 */
gboolean
ph_csv_writer_close (PhCsvWriter   *writer,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (writer != NULL && !writer->closed, FALSE);

  writer->closed = TRUE;
  if (writer->line->len > 0 &&
      !g_output_stream_write_all (writer->buffered, writer->line->str, writer->line->len,
                                  NULL, cancellable, error))
    return FALSE;

  if (!g_output_stream_close (writer->buffered, cancellable, error))
    {
      g_unlink (writer->part);
      return FALSE;
    }

  if (g_rename (writer->part, writer->path) != 0)
    {
      int saved = errno;

      g_unlink (writer->part);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", writer->path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/**
 * ph_csv_writer_free:
 * @writer: a writer
 *
 * Frees @writer. A writer not closed leaves the previous file (if any) in place.
 */
void
ph_csv_writer_free (PhCsvWriter *writer)
{
  if (writer == NULL)
    return;

  g_clear_object (&writer->buffered);
  g_clear_object (&writer->stream);
  if (!writer->closed)
    g_unlink (writer->part);
  g_free (writer->path);
  g_free (writer->part);
  g_string_free (writer->line, TRUE);
  g_free (writer);
}
