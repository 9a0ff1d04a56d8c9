/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-export.c: the entries list as CSV, read page by page from the store.
 *
 * This is the list as the clerk sees it (the current filter and sort), for a
 * spreadsheet: labels in the language of the application, numbers as printed. It is
 * not an official document; the appendix is. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-csv.h"
#include "ph-store-export.h"

#define PAGE 500

/**
 * ph_entry_filter_copy:
 * @filter: (nullable): a filter
 *
 * A filter that owns its strings, to hand to another thread.
 *
 * Returns: (transfer full): the copy; free it with ph_entry_filter_free()
 */
PhEntryFilter *
ph_entry_filter_copy (const PhEntryFilter *filter)
{
  PhEntryFilter *copy = g_new0 (PhEntryFilter, 1);

  if (filter == NULL)
    return copy;

  *copy = *filter;
  copy->network = g_strdup (filter->network);
  copy->source_key = g_strdup (filter->source_key);
  copy->received_from = g_strdup (filter->received_from);
  copy->received_to = g_strdup (filter->received_to);
  copy->text = g_strdup (filter->text);

  return copy;
}

void
ph_entry_filter_free (PhEntryFilter *filter)
{
  if (filter == NULL)
    return;

  g_free ((char *) filter->network);
  g_free ((char *) filter->source_key);
  g_free ((char *) filter->received_from);
  g_free ((char *) filter->received_to);
  g_free ((char *) filter->text);
  g_free (filter);
}

/**
 * ph_store_export_entries_csv:
 * @self: a store
 * @filter: (nullable): which entries; %NULL for all
 * @sort: the order
 * @descending: newest (or largest) first
 * @path: the CSV file to write (replaced only once it is complete)
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope call): called now and then with the fraction done
 * @progress_data: data for @progress
 * @error: return location for a #GError
 *
 * Writes the entries list as CSV (UTF-8 with BOM, formula-looking cells neutralised),
 * one page of entries at a time. Call it on a store opened in the thread that runs it.
 *
 * Returns: %TRUE once @path holds the list
 */
gboolean
ph_store_export_entries_csv (PhStore              *self,
                             const PhEntryFilter  *filter,
                             PhEntrySort           sort,
                             gboolean              descending,
                             const char           *path,
                             GCancellable         *cancellable,
                             PhExportProgressFunc  progress,
                             gpointer              progress_data,
                             GError              **error)
{
  const char *header[] = {
    C_("csv column", "Code"), C_("csv column", "Received"), C_("csv column", "Source"),
    C_("csv column", "Network"), C_("csv column", "Category"), C_("csv column", "Channel"),
    C_("csv column", "Impersonated body"), C_("csv column", "Occurred"),
    C_("csv column", "Receiving number"), C_("csv column", "Content"),
    C_("csv column", "Unit"), C_("csv column", "Evidence"), C_("csv column", "Status"),
    C_("csv column", "Notes"),
  };
  g_autoptr(PhCsvWriter) writer = NULL;
  gint64 total, done = 0;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  total = ph_store_count_entries (self, filter, error);
  if (total < 0)
    return FALSE;

  writer = ph_csv_writer_new (path, error);
  if (writer == NULL ||
      !ph_csv_writer_add_row (writer, header, G_N_ELEMENTS (header), cancellable, error))
    return FALSE;

  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      page = ph_store_list_entries (self, filter, sort, descending, done, PAGE, error);
      if (page == NULL)
        return FALSE;

      for (guint i = 0; i < page->len; i++)
        {
          const PhEntry *entry = g_ptr_array_index (page, i);
          g_autofree char *evidence = g_strdup_printf ("%u", entry->evidence_count);
          const char *cells[] = {
            entry->code, entry->received_on, entry->source_display, entry->network,
            ph_category_get_label (entry->category), ph_channel_get_label (entry->channel),
            entry->impersonated, entry->occurred_at, entry->receiving_number, entry->content,
            entry->unit_name, evidence, ph_entry_status_get_label (entry->status), entry->notes,
          };

          if (!ph_csv_writer_add_row (writer, cells, G_N_ELEMENTS (cells), cancellable, error))
            return FALSE;
        }

      done += page->len;
      if (progress != NULL && total > 0)
        progress (MIN (1.0, (double) done / (double) total), progress_data);
      if (page->len < PAGE)
        break;
    }

  if (!ph_csv_writer_close (writer, cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}
