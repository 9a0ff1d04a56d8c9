/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-batches.c: batches from draft to closed, and their sign-off.
 *
 * Who may do what is decided here, from the user the store handle is signed
 * in as (ph-store-users.c), not by the window:
 *  - anyone signed in builds a batch; each person who creates it, adds or
 *    removes entries, fills its dispatch fields or submits it is recorded in
 *    batch_contributors;
 *  - only an approver approves or returns it, never one of its contributors
 *    (four-eyes), and only with their password, which opens the Ed25519 key
 *    that signs the SHA-256 digest of the batch's canonical content;
 *  - from approval on, triggers (schema v2) refuse any change to the batch,
 *    its entries and their evidence, and ph_store_verify_batches() recomputes
 *    each digest and checks each signature, so that a change made behind the
 *    application's back (with the triggers dropped) still shows. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ph-crypto.h"
#include "ph-store-batches.h"
#include "ph-store-users-private.h"

G_DEFINE_QUARK (ph-batch-error-quark, ph_batch_error)

static char *sign_digest (const PhSigningKey  *key,
                          const char          *digest_hex,
                          GError             **error);

G_DEFINE_BOXED_TYPE (PhBatchItem, ph_batch_item, ph_batch_item_copy, ph_batch_item_free)

void
ph_batch_item_free (PhBatchItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->source_key);
  g_free (item->source_display);
  g_free (item->network);
  g_free (item->category);
  g_free (item->channel);
  g_free (item->occurred_at);
  g_free (item->content);
  g_free (item->unit_name);
  g_free (item->status);
  g_free (item);
}

PhBatchItem *
ph_batch_item_copy (const PhBatchItem *item)
{
  PhBatchItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_memdup2 (item, sizeof *item);
  copy->code = g_strdup (item->code);
  copy->source_key = g_strdup (item->source_key);
  copy->source_display = g_strdup (item->source_display);
  copy->network = g_strdup (item->network);
  copy->category = g_strdup (item->category);
  copy->channel = g_strdup (item->channel);
  copy->occurred_at = g_strdup (item->occurred_at);
  copy->content = g_strdup (item->content);
  copy->unit_name = g_strdup (item->unit_name);
  copy->status = g_strdup (item->status);
  return copy;
}

static void
batch_count_free (PhBatchCount *count)
{
  g_free (count->key);
  g_free (count);
}

void
ph_batch_summary_free (PhBatchSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->by_category, g_ptr_array_unref);
  g_clear_pointer (&summary->by_network, g_ptr_array_unref);
  g_free (summary);
}

void
ph_batch_check_free (PhBatchCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->reference);
  g_free (check->approver);
  g_free (check->problem);
  g_free (check);
}

static sqlite3_stmt *
prepare (PhStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = ph_store_prepare (self, sql, error);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  return stmt;
}

/* Runs a statement that changes rows; a refusal by one of the batch triggers
 * becomes a PH_BATCH_ERROR a clerk can read. */
static gboolean
step_done (PhStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);
  const char *message;

  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  message = sqlite3_errmsg (ph_store_get_db (self));
  if (rc == SQLITE_CONSTRAINT && message != NULL && strstr (message, "ph:batch-signed") != NULL)
    g_set_error_literal (error, PH_BATCH_ERROR, PH_BATCH_ERROR_SIGNED,
                         _("The batch is approved and signed: nothing in it can change any more"));
  else if (rc == SQLITE_CONSTRAINT && message != NULL
           && strstr (message, "ph:batch-locked") != NULL)
    g_set_error_literal (error, PH_BATCH_ERROR, PH_BATCH_ERROR_STATE,
                         _("Entries can only be added or removed while the batch is a draft"));
  else if (rc == SQLITE_CONSTRAINT && message != NULL && strstr (message, "ph:batch-state") != NULL)
    g_set_error_literal (error, PH_BATCH_ERROR, PH_BATCH_ERROR_STATE,
                         _("The batch cannot go to that state from where it is"));
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

static gboolean
valid_date (const char *text)
{
  guint64 y, m, d;
  g_auto(GStrv) parts = NULL;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  parts = g_strsplit (text, "-", 3);
  return g_ascii_string_to_unsigned (parts[0], 10, 1900, 2999, &y, NULL)
         && g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL)
         && g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL)
         && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

#define BATCH_COLUMNS \
  "b.id, b.code, b.state, b.number, b.symbol, b.dated_on, b.subject, b.recipient, b.signer_id," \
  " b.signer_authority, b.signer_title, b.signer_name, b.created_by," \
  " coalesce ((SELECT full_name FROM users WHERE login = b.created_by), b.created_by)," \
  " b.created_at, b.updated_at, b.submitted_at, b.returned_at, b.return_comment, b.approved_by," \
  " (SELECT full_name FROM users WHERE id = b.approved_by), b.approved_at, b.digest, b.signature," \
  " b.public_key, b.sent_on, b.closed_at," \
  " (SELECT count(*) FROM batch_entries WHERE batch_id = b.id)," \
  " (SELECT count(DISTINCT e.source_key) FROM batch_entries be" \
  "   JOIN entries e ON e.id = be.entry_id" \
  "   WHERE be.batch_id = b.id)," \
  " (SELECT count(*) FROM batch_answers WHERE batch_id = b.id)," \
  " (SELECT id FROM users WHERE login = b.created_by)"

static PhBatch *
read_batch (sqlite3_stmt *stmt)
{
  PhBatch *batch = ph_batch_new ();
  int i = 0;

  batch->id = sqlite3_column_int64 (stmt, i++);
  batch->code = ph_store_dup_column_text (stmt, i++);
  batch->state = ph_batch_state_from_string ((const char *) sqlite3_column_text (stmt, i++));
  batch->number = ph_store_dup_column_text (stmt, i++);
  batch->symbol = ph_store_dup_column_text (stmt, i++);
  batch->dated_on = ph_store_dup_column_text (stmt, i++);
  batch->subject = ph_store_dup_column_text (stmt, i++);
  batch->recipient = ph_store_dup_column_text (stmt, i++);
  batch->signer_id = sqlite3_column_int64 (stmt, i++);
  batch->signer_authority = ph_store_dup_column_text (stmt, i++);
  batch->signer_title = ph_store_dup_column_text (stmt, i++);
  batch->signer_name = ph_store_dup_column_text (stmt, i++);
  batch->created_by_login = ph_store_dup_column_text (stmt, i++);
  batch->created_by_name = ph_store_dup_column_text (stmt, i++);
  batch->created_at = ph_store_dup_column_text (stmt, i++);
  batch->updated_at = ph_store_dup_column_text (stmt, i++);
  batch->submitted_at = ph_store_dup_column_text (stmt, i++);
  batch->returned_at = ph_store_dup_column_text (stmt, i++);
  batch->return_comment = ph_store_dup_column_text (stmt, i++);
  batch->approved_by = sqlite3_column_int64 (stmt, i++);
  batch->approved_by_name = ph_store_dup_column_text (stmt, i++);
  batch->approved_at = ph_store_dup_column_text (stmt, i++);
  batch->digest = ph_store_dup_column_text (stmt, i++);
  batch->signature = ph_store_dup_column_text (stmt, i++);
  batch->public_key = ph_store_dup_column_text (stmt, i++);
  batch->sent_on = ph_store_dup_column_text (stmt, i++);
  batch->closed_at = ph_store_dup_column_text (stmt, i++);
  batch->entry_count = (guint) sqlite3_column_int64 (stmt, i++);
  batch->source_count = (guint) sqlite3_column_int64 (stmt, i++);
  batch->answered_count = (guint) sqlite3_column_int64 (stmt, i++);
  batch->created_by = sqlite3_column_int64 (stmt, i++);
  return batch;
}

/**
 * ph_store_get_batch:
 * @self: a store
 * @batch_id: a batch
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the batch with its counts, or %NULL
 */
PhBatch *
ph_store_get_batch (PhStore  *self,
                    gint64    batch_id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  PhBatch *batch = NULL;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " BATCH_COLUMNS " FROM batches b WHERE b.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    batch = read_batch (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND,
                 _("Batch %lld does not exist; it may have been deleted"), (long long) batch_id);
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return batch;
}

/**
 * ph_store_list_batches:
 * @self: a store
 * @state: only batches in this state, or %PH_BATCH_STATE_ANY
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type PhBatch): the batches, newest first
 */
GPtrArray *
ph_store_list_batches (PhStore       *self,
                       PhBatchState   state,
                       GError       **error)
{
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_batch_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " BATCH_COLUMNS " FROM batches b WHERE ?1 IS NULL OR b.state = ?1"
                        " ORDER BY b.id DESC", error);
  if (stmt == NULL)
    return NULL;
  if (state != PH_BATCH_STATE_ANY)
    sqlite3_bind_text (stmt, 1, ph_batch_state_to_string (state), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (batches, read_batch (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&batches);
}

/**
 * ph_store_list_batch_items:
 * @self: a store
 * @batch_id: a batch
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type PhBatchItem): its entries in appendix order
 */
GPtrArray *
ph_store_list_batch_items (PhStore  *self,
                           gint64    batch_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_batch_item_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT e.id, row_number () OVER (ORDER BY be.position, e.id), e.code,"
                  " e.source_key, e.source_display, e.network, e.category, e.channel,"
                  " e.occurred_at, e.content, u.name, e.status, e.evidence_count,"
                  " (SELECT count(*) FROM entries o WHERE o.source_key = e.source_key),"
                  " ba.answer,"
                  " EXISTS (SELECT 1 FROM exclusions x WHERE x.source_key = e.source_key)"
                  " FROM batch_entries be JOIN entries e ON e.id = be.entry_id"
                  " LEFT JOIN units u ON u.id = e.unit_id"
                  " LEFT JOIN batch_answers ba ON ba.batch_id = be.batch_id"
                  "   AND ba.source_key = e.source_key"
                  " WHERE be.batch_id = ? ORDER BY be.position, e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhBatchItem *item = g_new0 (PhBatchItem, 1);

      item->entry_id = sqlite3_column_int64 (stmt, 0);
      item->position = (guint) sqlite3_column_int64 (stmt, 1);
      item->code = ph_store_dup_column_text (stmt, 2);
      item->source_key = ph_store_dup_column_text (stmt, 3);
      item->source_display = ph_store_dup_column_text (stmt, 4);
      item->network = ph_store_dup_column_text (stmt, 5);
      item->category = ph_store_dup_column_text (stmt, 6);
      item->channel = ph_store_dup_column_text (stmt, 7);
      item->occurred_at = ph_store_dup_column_text (stmt, 8);
      item->content = ph_store_dup_column_text (stmt, 9);
      item->unit_name = ph_store_dup_column_text (stmt, 10);
      item->status = ph_store_dup_column_text (stmt, 11);
      item->evidence_count = (guint) sqlite3_column_int64 (stmt, 12);
      item->source_reports = (guint) sqlite3_column_int64 (stmt, 13);
      item->answer = ph_answer_from_string ((const char *) sqlite3_column_text (stmt, 14));
      if (item->evidence_count == 0)
        item->flags |= PH_BATCH_FLAG_NO_EVIDENCE;
      if (sqlite3_column_int (stmt, 15) != 0)
        item->flags |= PH_BATCH_FLAG_EXCLUDED;
      if (item->source_reports <= 1)
        item->flags |= PH_BATCH_FLAG_REPORTED_ONCE;
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

static void
add_count (GHashTable *table,
           const char *key)
{
  gpointer value = g_hash_table_lookup (table, key != NULL ? key : "");

  g_hash_table_insert (table, g_strdup (key != NULL ? key : ""),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const PhBatchCount *x = *(PhBatchCount * const *) a;
  const PhBatchCount *y = *(PhBatchCount * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

static GPtrArray *
counts_to_array (GHashTable *table)
{
  GPtrArray *array = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_count_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PhBatchCount *count = g_new0 (PhBatchCount, 1);

      count->key = *(char *) key != '\0' ? g_strdup (key) : NULL;
      count->count = GPOINTER_TO_UINT (value);
      g_ptr_array_add (array, count);
    }
  g_ptr_array_sort (array, compare_counts);
  return array;
}

/**
 * ph_store_get_batch_summary:
 * @self: a store
 * @batch_id: a batch
 * @error: return location for a #GError
 *
 * Returns: (transfer full): what the approval page shows at the top
 */
PhBatchSummary *
ph_store_get_batch_summary (PhStore  *self,
                            gint64    batch_id,
                            GError  **error)
{
  g_autoptr(GPtrArray) items = ph_store_list_batch_items (self, batch_id, error);
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GHashTable) networks = NULL;
  g_autoptr(GHashTable) sources = NULL;
  PhBatchSummary *summary;

  if (items == NULL)
    return NULL;

  categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  networks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sources = g_hash_table_new (g_str_hash, g_str_equal);
  summary = g_new0 (PhBatchSummary, 1);

  for (guint i = 0; i < items->len; i++)
    {
      const PhBatchItem *item = g_ptr_array_index (items, i);

      add_count (categories, item->category);
      add_count (networks, item->network);
      g_hash_table_add (sources, item->source_key);
      if (item->flags & PH_BATCH_FLAG_NO_EVIDENCE)
        summary->no_evidence++;
      if (item->flags & PH_BATCH_FLAG_EXCLUDED)
        summary->excluded++;
      if (item->flags & PH_BATCH_FLAG_REPORTED_ONCE)
        summary->reported_once++;
    }
  summary->entries = items->len;
  summary->sources = g_hash_table_size (sources);
  summary->by_category = counts_to_array (categories);
  summary->by_network = counts_to_array (networks);
  return summary;
}

/**
 * ph_store_list_batch_contributors:
 * @self: a store
 * @batch_id: a batch
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the logins of everyone who built or filled the batch
 */
GStrv
ph_store_list_batch_contributors (PhStore  *self,
                                  gint64    batch_id,
                                  GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT DISTINCT login FROM batch_contributors WHERE batch_id = ?"
                        " ORDER BY login", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static gboolean
add_contributor (PhStore     *self,
                 gint64       batch_id,
                 const char  *what,
                 GError     **error)
{
  const PhUser *user = ph_store_get_user (self);
  g_autofree char *now = ph_store_now ();
  sqlite3_stmt *stmt;

  stmt = prepare (self, "INSERT OR IGNORE INTO batch_contributors (batch_id, login, what, at)"
                        " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_text (stmt, 2, user->login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, what, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, error);
}

static gboolean
touch_batch (PhStore  *self,
             gint64    batch_id,
             GError  **error)
{
  g_autofree char *now = ph_store_now ();
  sqlite3_stmt *stmt = prepare (self, "UPDATE batches SET updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, batch_id);
  return step_done (self, stmt, error);
}

/* Loads the batch and checks that it is in one of the states of @allowed
 * (a PH_BATCH_STATE_ANY-terminated list). */
static PhBatch *
get_batch_in_state (PhStore       *self,
                    gint64         batch_id,
                    GError       **error,
                    PhBatchState   first,
                    ...)
{
  g_autoptr(PhBatch) batch = ph_store_get_batch (self, batch_id, error);
  g_autofree char *reference = NULL;
  PhBatchState state;
  va_list args;

  if (batch == NULL)
    return NULL;

  va_start (args, first);
  for (state = first; state != PH_BATCH_STATE_ANY; state = va_arg (args, PhBatchState))
    if (batch->state == state)
      break;
  va_end (args);
  if (state != PH_BATCH_STATE_ANY)
    return g_steal_pointer (&batch);

  reference = ph_batch_dup_reference (batch);
  if (ph_batch_state_is_signed (batch->state) && ph_batch_state_is_editable (first))
    g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_SIGNED,
                 _("Batch %s is approved and signed: nothing in it can change any more"),
                 reference);
  else
    g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_STATE,
                 _("Batch %s is “%s”; this cannot be done now"),
                 reference, ph_batch_state_get_label (batch->state));
  return NULL;
}

/* The entry's code and status, for messages and checks. */
static gboolean
get_entry_status (PhStore     *self,
                  gint64       entry_id,
                  char       **code,
                  char       **status,
                  GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT code, status FROM entries WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *code = ph_store_dup_column_text (stmt, 0);
      *status = ph_store_dup_column_text (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND,
                 _("Entry %lld does not exist; it may have been deleted"), (long long) entry_id);
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
insert_entries (PhStore       *self,
                gint64         batch_id,
                const gint64  *entry_ids,
                guint          n_entries,
                GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 position = 0;
  int rc;

  stmt = prepare (self, "SELECT coalesce (max(position), 0) FROM batch_entries WHERE batch_id = ?",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    position = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      ph_store_set_db_error (self, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *code = NULL;
      g_autofree char *status = NULL;

      if (!get_entry_status (self, entry_ids[i], &code, &status, error))
        return FALSE;
      if (g_strcmp0 (status, "verified") != 0)
        {
          if (g_strcmp0 (status, "in-batch") == 0)
            g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_NOT_VERIFIED,
                         _("Entry %s is already in a batch"), code);
          else
            g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_NOT_VERIFIED,
                         _("Entry %s is not verified; only verified entries go into a batch"),
                         code);
          return FALSE;
        }

      stmt = prepare (self, "INSERT INTO batch_entries (batch_id, entry_id, position)"
                            " VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, batch_id);
      sqlite3_bind_int64 (stmt, 2, entry_ids[i]);
      sqlite3_bind_int64 (stmt, 3, ++position);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static char *
next_batch_code (PhStore  *self,
                 GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_strdup_printf ("batch-%d", g_date_time_get_year (now));
  sqlite3_stmt *stmt;
  gint64 value = 0;
  int rc;

  stmt = prepare (self, "INSERT INTO sequences (name, value) VALUES (?1, 1)"
                        " ON CONFLICT (name) DO UPDATE SET value = value + 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return NULL;

  stmt = prepare (self, "SELECT value FROM sequences WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_strdup_printf ("DG-%d-%03" G_GINT64_FORMAT, g_date_time_get_year (now), value);
}

static char *
join_ids (const gint64 *ids,
          guint         n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  return g_string_free (s, FALSE);
}

/**
 * ph_store_create_batch:
 * @self: a signed-in store
 * @entry_ids: (array length=n_entries): verified entries to put in it, or %NULL
 * @n_entries: how many
 * @error: return location for a #GError
 *
 * Creates a draft with the agency's symbol and default recipient and the
 * usual subject line; its entries become "in batch".
 *
 * Returns: the new batch's id, or 0
 */
gint64
ph_store_create_batch (PhStore       *self,
                       const gint64  *entry_ids,
                       guint          n_entries,
                       GError       **error)
{
  g_autoptr(PhAgencyProfile) profile = NULL;
  g_autofree char *now = ph_store_now ();
  g_autofree char *code = NULL;
  g_autofree char *ids = NULL;
  const PhUser *user;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (PH_IS_STORE (self), 0);
  g_return_val_if_fail (entry_ids != NULL || n_entries == 0, 0);

  if (!ph_store_require_role (self, PH_ROLE_NONE, error))
    return 0;
  user = ph_store_get_user (self);
  profile = ph_store_get_agency_profile (self, error);
  if (profile == NULL)
    return 0;

  if (!ph_store_begin (self, error))
    return 0;
  code = next_batch_code (self, error);
  if (code == NULL)
    goto fail;
  stmt = prepare (self, "INSERT INTO batches (code, state, number, symbol, subject, recipient,"
                        " created_by, created_at, updated_at)"
                        " VALUES (?, 'draft', '', ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, profile->symbol, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, PH_BATCH_DEFAULT_SUBJECT, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, *profile->recipient != '\0' ? profile->recipient
                                                          : PH_BATCH_DEFAULT_RECIPIENT,
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, user->login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (ph_store_get_db (self));

  ids = join_ids (entry_ids, n_entries);
  if (!add_contributor (self, id, "created", error)
      || !insert_entries (self, id, entry_ids, n_entries, error)
      || !ph_store_audit_fields (self, "batch.create", "batch", id, error,
                                 "code", code, "entries", ids, NULL)
      || !ph_store_commit (self, error))
    goto fail;
  ph_store_emit_changed (self, "batch", id);
  return id;

fail:
  ph_store_rollback (self);
  return 0;
}

/**
 * ph_store_add_batch_entries:
 * @self: a signed-in store
 * @batch_id: a draft or returned batch
 * @entry_ids: (array length=n_entries): verified entries
 * @n_entries: how many
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_add_batch_entries (PhStore       *self,
                            gint64         batch_id,
                            const gint64  *entry_ids,
                            guint          n_entries,
                            GError       **error)
{
  g_autoptr(PhBatch) batch = NULL;
  g_autofree char *ids = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_ids != NULL || n_entries == 0, FALSE);

  if (!ph_store_require_role (self, PH_ROLE_NONE, error))
    return FALSE;
  batch = get_batch_in_state (self, batch_id, error, PH_BATCH_STATE_DRAFT,
                              PH_BATCH_STATE_RETURNED, PH_BATCH_STATE_ANY);
  if (batch == NULL)
    return FALSE;

  ids = join_ids (entry_ids, n_entries);
  if (!ph_store_begin (self, error))
    return FALSE;
  if (!insert_entries (self, batch_id, entry_ids, n_entries, error)
      || !add_contributor (self, batch_id, "entries", error)
      || !touch_batch (self, batch_id, error)
      || !ph_store_audit_fields (self, "batch.add-entries", "batch", batch_id, error,
                                 "entries", ids, NULL)
      || !ph_store_commit (self, error))
    {
      ph_store_rollback (self);
      return FALSE;
    }
  ph_store_emit_changed (self, "batch", batch_id);
  return TRUE;
}

/**
 * ph_store_remove_batch_entries:
 * @self: a signed-in store
 * @batch_id: a draft or returned batch
 * @entry_ids: (array length=n_entries): entries of the batch
 * @n_entries: how many
 * @error: return location for a #GError
 *
 * The entries become "verified" again.
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_remove_batch_entries (PhStore       *self,
                               gint64         batch_id,
                               const gint64  *entry_ids,
                               guint          n_entries,
                               GError       **error)
{
  g_autoptr(PhBatch) batch = NULL;
  g_autofree char *ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_ids != NULL || n_entries == 0, FALSE);

  if (!ph_store_require_role (self, PH_ROLE_NONE, error))
    return FALSE;
  batch = get_batch_in_state (self, batch_id, error, PH_BATCH_STATE_DRAFT,
                              PH_BATCH_STATE_RETURNED, PH_BATCH_STATE_ANY);
  if (batch == NULL)
    return FALSE;

  ids = join_ids (entry_ids, n_entries);
  if (!ph_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_entries; i++)
    {
      stmt = prepare (self, "DELETE FROM batch_entries WHERE batch_id = ? AND entry_id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, batch_id);
      sqlite3_bind_int64 (stmt, 2, entry_ids[i]);
      if (!step_done (self, stmt, error))
        goto fail;
    }
  if (!add_contributor (self, batch_id, "entries", error)
      || !touch_batch (self, batch_id, error)
      || !ph_store_audit_fields (self, "batch.remove-entries", "batch", batch_id, error,
                                 "entries", ids, NULL)
      || !ph_store_commit (self, error))
    goto fail;
  ph_store_emit_changed (self, "batch", batch_id);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_update_batch:
 * @self: a signed-in store
 * @batch: the batch (by @batch->id) with its new number, symbol, date,
 *   subject, recipient and signer
 * @error: return location for a #GError
 *
 * The signature block is taken from the chosen signer's account.
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_update_batch (PhStore        *self,
                       const PhBatch  *batch,
                       GError        **error)
{
  g_autoptr(PhBatch) old = NULL;
  g_autoptr(PhUser) signer = NULL;
  g_autofree char *now = ph_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  if (!ph_store_require_role (self, PH_ROLE_NONE, error))
    return FALSE;
  old = get_batch_in_state (self, batch->id, error, PH_BATCH_STATE_DRAFT,
                            PH_BATCH_STATE_RETURNED, PH_BATCH_STATE_ANY);
  if (old == NULL)
    return FALSE;

  if (batch->dated_on != NULL && *batch->dated_on != '\0' && !valid_date (batch->dated_on))
    {
      g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_INCOMPLETE,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), batch->dated_on);
      return FALSE;
    }
  if (batch->signer_id != 0)
    {
      signer = ph_store_get_user_by_id (self, batch->signer_id, error);
      if (signer == NULL)
        return FALSE;
      if (signer->role != PH_ROLE_APPROVER || !signer->active)
        {
          g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_SIGNER,
                       _("%s is not an approver and cannot sign a batch"), signer->full_name);
          return FALSE;
        }
    }

  if (!ph_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE batches SET number = ?, symbol = ?, dated_on = ?, subject = ?,"
                        " recipient = ?, signer_id = ?, signer_authority = ?, signer_title = ?,"
                        " signer_name = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  ph_store_bind_trimmed (stmt, 1, batch->number);
  ph_store_bind_trimmed (stmt, 2, batch->symbol);
  ph_store_bind_text_or_null (stmt, 3, batch->dated_on != NULL && *batch->dated_on != '\0'
                                       ? batch->dated_on : NULL);
  ph_store_bind_trimmed (stmt, 4, batch->subject);
  ph_store_bind_trimmed (stmt, 5, batch->recipient);
  if (signer != NULL)
    {
      sqlite3_bind_int64 (stmt, 6, signer->id);
      sqlite3_bind_text (stmt, 7, signer->authority, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, signer->title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, signer->full_name, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_null (stmt, 6);
      sqlite3_bind_text (stmt, 7, "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, "", -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 11, batch->id);
  if (!step_done (self, stmt, error)
      || !add_contributor (self, batch->id, "fields", error)
      || !ph_store_audit_fields (self, "batch.update", "batch", batch->id, error,
                                 "code", old->code, "number", batch->number, "symbol", batch->symbol,
                                 "dated_on", batch->dated_on, "subject", batch->subject,
                                 "recipient", batch->recipient,
                                 "signer", signer != NULL ? signer->login : NULL, NULL)
      || !ph_store_commit (self, error))
    goto fail;
  ph_store_emit_changed (self, "batch", batch->id);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_delete_batch:
 * @self: a signed-in store
 * @batch_id: a draft or returned batch
 * @error: return location for a #GError
 *
 * Its entries become "verified" again.
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_delete_batch (PhStore  *self,
                       gint64    batch_id,
                       GError  **error)
{
  g_autoptr(PhBatch) batch = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  if (!ph_store_require_role (self, PH_ROLE_NONE, error))
    return FALSE;
  batch = get_batch_in_state (self, batch_id, error, PH_BATCH_STATE_DRAFT,
                              PH_BATCH_STATE_RETURNED, PH_BATCH_STATE_ANY);
  if (batch == NULL)
    return FALSE;

  if (!ph_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM batch_entries WHERE batch_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (!step_done (self, stmt, error))
    goto fail;
  stmt = prepare (self, "DELETE FROM batches WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (!step_done (self, stmt, error)
      || !ph_store_audit_fields (self, "batch.delete", "batch", batch_id, error,
                                 "code", batch->code, NULL)
      || !ph_store_commit (self, error))
    goto fail;
  ph_store_emit_changed (self, "batch", batch_id);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

static gboolean
set_state (PhStore       *self,
           gint64         batch_id,
           PhBatchState   state,
           const char    *sql_extra,
           GError       **error)
{
  g_autofree char *now = ph_store_now ();
  g_autofree char *sql = g_strdup_printf ("UPDATE batches SET state = ?1, updated_at = ?2%s"
                                          " WHERE id = ?3", sql_extra != NULL ? sql_extra : "");
  sqlite3_stmt *stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ph_batch_state_to_string (state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, batch_id);
  return step_done (self, stmt, error);
}

/**
 * ph_store_submit_batch:
 * @self: a signed-in store
 * @batch_id: a draft or returned batch with entries
 * @error: return location for a #GError
 *
 * Hands the batch to the approvers; from now on it cannot be edited unless
 * an approver returns it.
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_submit_batch (PhStore  *self,
                       gint64    batch_id,
                       GError  **error)
{
  g_autoptr(PhBatch) batch = NULL;
  g_autofree char *reference = NULL;
  const PhUser *user;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  if (!ph_store_require_role (self, PH_ROLE_NONE, error))
    return FALSE;
  user = ph_store_get_user (self);
  batch = get_batch_in_state (self, batch_id, error, PH_BATCH_STATE_DRAFT,
                              PH_BATCH_STATE_RETURNED, PH_BATCH_STATE_ANY);
  if (batch == NULL)
    return FALSE;

  reference = ph_batch_dup_reference (batch);
  if (batch->entry_count == 0)
    {
      g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_EMPTY,
                   _("Batch %s has no entries; add verified entries before submitting it"),
                   reference);
      return FALSE;
    }
  if (is_blank (batch->subject) || is_blank (batch->recipient) || is_blank (batch->symbol))
    {
      g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_INCOMPLETE,
                   _("Batch %s needs a subject line, a recipient and a dispatch symbol before "
                     "it is submitted"), reference);
      return FALSE;
    }
  if (batch->signer_id != 0 && batch->signer_id == user->id)
    {
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_FOUR_EYES,
                           _("You cannot submit a batch that you are to sign yourself; choose "
                             "another signer"));
      return FALSE;
    }

  if (!ph_store_begin (self, error))
    return FALSE;
  if (!set_state (self, batch_id, PH_BATCH_STATE_SUBMITTED, ", submitted_at = ?2", error)
      || !add_contributor (self, batch_id, "submitted", error)
      || !ph_store_audit_fields (self, "batch.submit", "batch", batch_id, error,
                                 "code", batch->code, NULL)
      || !ph_store_commit (self, error))
    {
      ph_store_rollback (self);
      return FALSE;
    }
  ph_store_emit_changed (self, "batch", batch_id);
  return TRUE;
}

/* The approver checks shared by approving and returning. */
static PhBatch *
get_batch_for_review (PhStore  *self,
                      gint64    batch_id,
                      gboolean  approving,
                      GError  **error)
{
  g_autoptr(PhBatch) batch = NULL;
  g_auto(GStrv) contributors = NULL;
  const PhUser *user;

  if (!ph_store_require_role (self, PH_ROLE_APPROVER, error))
    return NULL;
  user = ph_store_get_user (self);
  batch = get_batch_in_state (self, batch_id, error, PH_BATCH_STATE_SUBMITTED,
                              PH_BATCH_STATE_ANY);
  if (batch == NULL)
    return NULL;

  contributors = ph_store_list_batch_contributors (self, batch_id, error);
  if (contributors == NULL)
    return NULL;
  if (g_strv_contains ((const char * const *) contributors, user->login))
    {
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_FOUR_EYES,
                           _("You built or filled this batch, so another approver must review it "
                             "(four-eyes rule)"));
      return NULL;
    }
  if (approving && batch->signer_id != 0 && batch->signer_id != user->id)
    {
      g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_SIGNER,
                   _("This batch is to be signed by %s; return it if you should sign it instead"),
                   batch->signer_name);
      return NULL;
    }
  if (approving && (user->public_key == NULL || *user->public_key == '\0'))
    {
      g_set_error_literal (error, PH_BATCH_ERROR, PH_BATCH_ERROR_NO_KEY,
                           _("Your account has no signing key yet; ask an administrator to set "
                             "a new password for it"));
      return NULL;
    }
  return g_steal_pointer (&batch);
}

/**
 * ph_store_can_approve_batch:
 * @self: a store
 * @batch_id: a batch
 * @error: return location for a #GError
 *
 * Whether the signed-in user may approve the batch now (the password aside).
 *
 * Returns: %TRUE if so; otherwise %FALSE and @error says why
 */
gboolean
ph_store_can_approve_batch (PhStore  *self,
                            gint64    batch_id,
                            GError  **error)
{
  g_autoptr(PhBatch) batch = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  batch = get_batch_for_review (self, batch_id, TRUE, error);
  return batch != NULL;
}

/**
 * ph_store_approve_batch:
 * @self: a store signed in as an approver
 * @batch_id: a submitted batch the approver did not build or fill
 * @password: the approver's password, which opens their signing key
 * @error: return location for a #GError
 *
 * Computes the SHA-256 digest of the batch's canonical content, signs it
 * with the approver's Ed25519 key and stores both; from then on the batch,
 * its entries and their evidence cannot change.
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_approve_batch (PhStore     *self,
                        gint64       batch_id,
                        const char  *password,
                        GError     **error)
{
  g_autoptr(PhBatch) batch = NULL;
  g_autoptr(PhSigningKey) key = NULL;
  g_autofree char *sealed = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *now = ph_store_now ();
  const PhUser *user;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  batch = get_batch_for_review (self, batch_id, TRUE, error);
  if (batch == NULL)
    return FALSE;
  user = ph_store_get_user (self);

  if (!ph_store_verify_own_password (self, password, error))
    return FALSE;
  sealed = ph_store_dup_sealed_key (self, user->id, error);
  if (sealed == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, PH_BATCH_ERROR, PH_BATCH_ERROR_NO_KEY,
                             _("Your account has no signing key yet; ask an administrator to "
                               "set a new password for it"));
      return FALSE;
    }
  key = ph_crypto_unseal_secret_key (sealed, user->public_key, password, error);
  if (key == NULL)
    return FALSE;

  if (!ph_store_begin (self, error))
    return FALSE;

  /* The signature block names the person who signs: fill it in before the
   * digest, which covers it. */
  stmt = prepare (self, "UPDATE batches SET signer_id = ?, signer_authority = ?, signer_title = ?,"
                        " signer_name = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, user->id);
  sqlite3_bind_text (stmt, 2, user->authority, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, user->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, user->full_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, batch_id);
  if (!step_done (self, stmt, error))
    goto fail;

  digest = ph_store_compute_batch_digest (self, batch_id, error);
  if (digest == NULL)
    goto fail;
  signature = sign_digest (key, digest, error);
  if (signature == NULL)
    goto fail;

  stmt = prepare (self, "UPDATE batches SET state = 'approved', digest = ?, signature = ?,"
                        " public_key = ?, approved_by = ?, approved_at = ?, updated_at = ?"
                        " WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, digest, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, signature, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, ph_signing_key_get_public_key (key), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, user->id);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, batch_id);
  if (!step_done (self, stmt, error)
      || !ph_store_audit_fields (self, "batch.approve", "batch", batch_id, error,
                                 "code", batch->code, "digest", digest, "signature", signature,
                                 NULL)
      || !ph_store_commit (self, error))
    goto fail;
  ph_store_emit_changed (self, "batch", batch_id);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_return_batch:
 * @self: a store signed in as an approver
 * @batch_id: a submitted batch the approver did not build or fill
 * @comment: what the clerk must change
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_return_batch (PhStore     *self,
                       gint64       batch_id,
                       const char  *comment,
                       GError     **error)
{
  g_autoptr(PhBatch) batch = NULL;
  const PhUser *user;
  sqlite3_stmt *stmt;
  g_autofree char *now = ph_store_now ();

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  batch = get_batch_for_review (self, batch_id, FALSE, error);
  if (batch == NULL)
    return FALSE;
  user = ph_store_get_user (self);
  if (is_blank (comment))
    {
      g_set_error_literal (error, PH_BATCH_ERROR, PH_BATCH_ERROR_INCOMPLETE,
                           _("Say what must change before the batch can be approved"));
      return FALSE;
    }

  if (!ph_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE batches SET state = 'returned', return_comment = ?,"
                        " returned_by = ?, returned_at = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  ph_store_bind_trimmed (stmt, 1, comment);
  sqlite3_bind_text (stmt, 2, user->login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, batch_id);
  if (!step_done (self, stmt, error)
      || !ph_store_audit_fields (self, "batch.return", "batch", batch_id, error,
                                 "code", batch->code, "comment", comment, NULL)
      || !ph_store_commit (self, error))
    goto fail;
  ph_store_emit_changed (self, "batch", batch_id);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_mark_batch_sent:
 * @self: a signed-in store
 * @batch_id: an approved batch
 * @sent_on: the day the dispatch left, `YYYY-MM-DD`
 * @error: return location for a #GError
 *
 * Its entries become "sent".
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_mark_batch_sent (PhStore     *self,
                          gint64       batch_id,
                          const char  *sent_on,
                          GError     **error)
{
  g_autoptr(PhBatch) batch = NULL;
  const PhUser *user;
  sqlite3_stmt *stmt;
  g_autofree char *now = ph_store_now ();

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  if (!ph_store_require_role (self, PH_ROLE_NONE, error))
    return FALSE;
  user = ph_store_get_user (self);
  if (!valid_date (sent_on))
    {
      g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_INCOMPLETE,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), sent_on != NULL ? sent_on : "");
      return FALSE;
    }
  batch = get_batch_in_state (self, batch_id, error, PH_BATCH_STATE_APPROVED, PH_BATCH_STATE_ANY);
  if (batch == NULL)
    return FALSE;

  if (!ph_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE batches SET state = 'sent', sent_on = ?, sent_by = ?,"
                        " updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, sent_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, user->login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, batch_id);
  if (!step_done (self, stmt, error)
      || !ph_store_audit_fields (self, "batch.sent", "batch", batch_id, error,
                                 "code", batch->code, "sent_on", sent_on, NULL)
      || !ph_store_commit (self, error))
    goto fail;
  ph_store_emit_changed (self, "batch", batch_id);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_record_answer:
 * @self: a signed-in store
 * @batch_id: a sent (or answered) batch
 * @source_key: one of its sources
 * @answer: what the Authority did
 * @note: (nullable): the Authority's reference or remarks
 * @error: return location for a #GError
 *
 * The source's entries in the batch become "answered"; once every source
 * has its answer, the batch becomes "answered".
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_record_answer (PhStore     *self,
                        gint64       batch_id,
                        const char  *source_key,
                        PhAnswer     answer,
                        const char  *note,
                        GError     **error)
{
  g_autoptr(PhBatch) batch = NULL;
  g_autoptr(PhBatch) after = NULL;
  g_autofree char *now = ph_store_now ();
  const PhUser *user;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (source_key != NULL, FALSE);

  if (!ph_store_require_role (self, PH_ROLE_NONE, error))
    return FALSE;
  user = ph_store_get_user (self);
  if (answer == PH_ANSWER_NONE)
    {
      g_set_error_literal (error, PH_BATCH_ERROR, PH_BATCH_ERROR_INCOMPLETE,
                           _("Choose what the Authority answered"));
      return FALSE;
    }
  batch = get_batch_in_state (self, batch_id, error, PH_BATCH_STATE_SENT, PH_BATCH_STATE_ANSWERED,
                              PH_BATCH_STATE_ANY);
  if (batch == NULL)
    return FALSE;

  stmt = prepare (self, "SELECT 1 FROM batch_entries be JOIN entries e ON e.id = be.entry_id"
                        " WHERE be.batch_id = ? AND e.source_key = ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_text (stmt, 2, source_key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND,
                     _("The source %s is not in this batch"), source_key);
      else
        ph_store_set_db_error (self, rc, error);
      return FALSE;
    }

  if (!ph_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "INSERT INTO batch_answers (batch_id, source_key, answer, note,"
                        " recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                        " ON CONFLICT (batch_id, source_key) DO UPDATE SET answer = ?3, note = ?4,"
                        " recorded_by = ?5, recorded_at = ?6", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_text (stmt, 2, source_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, ph_answer_to_string (answer), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, note != NULL ? note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, user->login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    goto fail;

  after = ph_store_get_batch (self, batch_id, error);
  if (after == NULL)
    goto fail;
  if (after->state == PH_BATCH_STATE_SENT && after->answered_count >= after->source_count
      && !set_state (self, batch_id, PH_BATCH_STATE_ANSWERED, NULL, error))
    goto fail;

  if (!ph_store_audit_fields (self, "batch.answer", "batch", batch_id, error,
                              "source", source_key, "answer", ph_answer_to_string (answer),
                              "note", note, NULL)
      || !ph_store_commit (self, error))
    goto fail;
  ph_store_emit_changed (self, "batch", batch_id);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_close_batch:
 * @self: a signed-in store
 * @batch_id: a sent or answered batch
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_close_batch (PhStore  *self,
                      gint64    batch_id,
                      GError  **error)
{
  g_autoptr(PhBatch) batch = NULL;
  const PhUser *user;
  sqlite3_stmt *stmt;
  g_autofree char *now = ph_store_now ();

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  if (!ph_store_require_role (self, PH_ROLE_NONE, error))
    return FALSE;
  user = ph_store_get_user (self);
  batch = get_batch_in_state (self, batch_id, error, PH_BATCH_STATE_SENT, PH_BATCH_STATE_ANSWERED,
                              PH_BATCH_STATE_ANY);
  if (batch == NULL)
    return FALSE;

  if (!ph_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE batches SET state = 'closed', closed_at = ?, closed_by = ?,"
                        " updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, user->login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, batch_id);
  if (!step_done (self, stmt, error)
      || !ph_store_audit_fields (self, "batch.close", "batch", batch_id, error,
                                 "code", batch->code, NULL)
      || !ph_store_commit (self, error))
    goto fail;
  ph_store_emit_changed (self, "batch", batch_id);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}


/* ---- checking signatures ------------------------------------------------- */

static gboolean
hex_to_digest (const char *hex,
               guint8      out[32])
{
  if (hex == NULL || strlen (hex) != 64)
    return FALSE;
  for (guint i = 0; i < 32; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]);
      int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      out[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;
}

/* Ed25519 over the 32 bytes of the digest, as ph_digest_verify_signature() checks it. */
static char *
sign_digest (const PhSigningKey  *key,
             const char          *digest_hex,
             GError             **error)
{
  guint8 digest[32];

  if (!hex_to_digest (digest_hex, digest))
    {
      g_set_error_literal (error, PH_BATCH_ERROR, PH_BATCH_ERROR_TAMPERED,
                           _("The batch digest is not well formed"));
      return NULL;
    }
  return ph_signing_key_sign (key, digest, sizeof digest);
}

static PhBatchCheck *
check_batch (PhStore  *self,
             PhBatch  *batch,
             GError  **error)
{
  g_autoptr(PhBatchCheck) check = g_new0 (PhBatchCheck, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reference = ph_batch_dup_reference (batch);
  g_autofree char *digest = NULL;
  guint8 bytes[32];

  check->batch_id = batch->id;
  if (batch->number != NULL && *batch->number != '\0')
    check->reference = g_strdup_printf ("%s (%s)", batch->code, reference);
  else
    check->reference = g_strdup (batch->code);
  check->approver = g_strdup (batch->approved_by_name);

  digest = ph_store_compute_batch_digest (self, batch->id, error);
  if (digest == NULL)
    return NULL;

  if (batch->digest == NULL || g_ascii_strcasecmp (digest, batch->digest) != 0)
    check->problem = g_strdup (_("its content no longer matches the digest that was signed"));
  else if (!hex_to_digest (batch->digest, bytes)
           || !ph_crypto_verify_signature (batch->public_key, bytes, sizeof bytes,
                                           batch->signature, &local_error))
    check->problem = g_strdup_printf (_("the signature does not hold: %s"),
                                      local_error != NULL ? local_error->message : "");
  else if (!ph_store_is_key_of_user (self, batch->approved_by, batch->public_key, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      check->problem = g_strdup (_("it was signed with a key that does not belong to its "
                                   "approver"));
    }
  check->ok = check->problem == NULL;
  return g_steal_pointer (&check);
}

/**
 * ph_store_verify_batches:
 * @self: a store
 * @error: return location for a #GError
 *
 * Recomputes the digest of every signed batch and checks its signature
 * against the approver's public key.
 *
 * Returns: (transfer full) (element-type PhBatchCheck): one check per
 *   signed batch, oldest first; %NULL only if the store could not be read
 */
GPtrArray *
ph_store_verify_batches (PhStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GPtrArray) checks = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  batches = ph_store_list_batches (self, PH_BATCH_STATE_ANY, error);
  if (batches == NULL)
    return NULL;
  checks = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_batch_check_free);
  for (guint i = batches->len; i > 0; i--)
    {
      PhBatch *batch = g_ptr_array_index (batches, i - 1);
      PhBatchCheck *check;

      if (!ph_batch_state_is_signed (batch->state) && batch->signature == NULL)
        continue;
      check = check_batch (self, batch, error);
      if (check == NULL)
        return NULL;
      g_ptr_array_add (checks, check);
    }
  return g_steal_pointer (&checks);
}
