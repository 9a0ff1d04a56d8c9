/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The source records (số vi phạm) a page at a time, for the Sources view:
 * the table the triggers keep in step with the entries, ordered by one of
 * its indexes, with the per-source counts read for the page only. */

#include "config.h"


#include "ph-store-private.h"
#include "ph-store-sources.h"

/* One statement per order: ORDER BY cannot be bound, and building SQL from
 * input is not done here. Each order has an index behind it. */
/* A list row has what the list shows: the categories and batches of a source
 * (ph_store_get_source()) are left out, they cost more than the rest. */
#define SOURCE_COLUMNS \
  "SELECT s.key, s.display, s.kind, s.network, s.first_seen, s.last_seen, s.entry_count," \
  " (SELECT count(DISTINCT unit_id) FROM entries WHERE source_key = s.key)," \
  " NULL, 0, s.answer FROM sources s "

static const char *const list_sql[][2] = {
  [PH_SOURCE_SORT_LAST_SEEN] = {
    SOURCE_COLUMNS "ORDER BY s.last_seen, s.key LIMIT ?2 OFFSET ?1",
    SOURCE_COLUMNS "ORDER BY s.last_seen DESC, s.key DESC LIMIT ?2 OFFSET ?1",
  },
  [PH_SOURCE_SORT_ENTRIES] = {
    SOURCE_COLUMNS "ORDER BY s.entry_count, s.key LIMIT ?2 OFFSET ?1",
    SOURCE_COLUMNS "ORDER BY s.entry_count DESC, s.key DESC LIMIT ?2 OFFSET ?1",
  },
  [PH_SOURCE_SORT_KEY] = {
    SOURCE_COLUMNS "ORDER BY s.key LIMIT ?2 OFFSET ?1",
    SOURCE_COLUMNS "ORDER BY s.key DESC LIMIT ?2 OFFSET ?1",
  },
};

/**
 * ph_store_list_sources:
 * @self: a #PhStore
 * @sort: the order
 * @descending: whether the largest comes first
 * @offset: rows to skip
 * @limit: rows at most
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type PhSource): a page of source records
 *   without their categories and batch counts, or %NULL with @error set
 */
GPtrArray *
ph_store_list_sources (PhStore       *self,
                       PhSourceSort   sort,
                       gboolean       descending,
                       gint64         offset,
                       guint          limit,
                       GError       **error)
{
  g_autoptr(GPtrArray) sources = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (list_sql), NULL);

  stmt = ph_store_prepare (self, list_sql[sort][descending ? 1 : 0], error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, MAX (offset, 0));
  sqlite3_bind_int64 (stmt, 2, limit);

  sources = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_source_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhSource *source = g_new0 (PhSource, 1);
      const char *categories = (const char *) sqlite3_column_text (stmt, 8);

      source->key = ph_store_dup_column_text (stmt, 0);
      source->display = ph_store_dup_column_text (stmt, 1);
      source->kind = ph_source_kind_from_string ((const char *) sqlite3_column_text (stmt, 2));
      source->network = ph_store_dup_column_text (stmt, 3);
      source->first_seen = ph_store_dup_column_text (stmt, 4);
      source->last_seen = ph_store_dup_column_text (stmt, 5);
      source->entry_count = (guint) sqlite3_column_int (stmt, 6);
      source->unit_count = (guint) sqlite3_column_int (stmt, 7);
      source->categories = g_strdup (categories != NULL ? categories : "");
      source->batch_count = (guint) sqlite3_column_int (stmt, 9);
      source->answer = ph_store_dup_column_text (stmt, 10);
      g_ptr_array_add (sources, source);
    }

  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&sources);
}

/**
 * ph_store_count_sources:
 * @self: a #PhStore
 * @error: return location for a #GError
 *
 * Returns: how many sources were reported, or -1 with @error set
 */
gint64
ph_store_count_sources (PhStore  *self,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), -1);

  stmt = ph_store_prepare (self, "SELECT count(*) FROM sources", error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);

  return count;
}
