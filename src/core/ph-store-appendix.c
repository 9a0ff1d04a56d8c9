/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-appendix.c: a batch as the exports see it (PhAppendixBatch), and
 * so its digest: what the approver signs is computed from exactly what the
 * appendix and the bundle print. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ph-digest.h"
#include "ph-store-appendix.h"
#include "ph-store-batches.h"
#include "ph-store-users-private.h"

/* The store's names for the kinds of things, as the appendix template knows them. */
static const char *
appendix_category (const char *category)
{
  if (g_strcmp0 (category, "debt-collection") == 0)
    return "debt";
  return category;
}

static const char *
appendix_evidence_kind (const char *kind)
{
  if (g_strcmp0 (kind, "image") == 0)
    return "screenshot";
  if (g_strcmp0 (kind, "audio") == 0)
    return "recording";
  return kind;
}

/* Vietnam keeps UTC+7 all year; times in the store are local to the department. */
static GDateTime *
parse_occurred (const char *text,
                gboolean   *has_time)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+07:00");
  int y, m, d, hh = 0, mm = 0;

  *has_time = FALSE;
  if (text == NULL || *text == '\0')
    return NULL;
  if (sscanf (text, "%d-%d-%dT%d:%d", &y, &m, &d, &hh, &mm) == 5)
    *has_time = TRUE;
  else if (sscanf (text, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new (tz, y, m, d, hh, mm, 0);
}

static GDateTime *
parse_timestamp (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

static gboolean
read_evidence (PhStore        *self,
               PhAppendixRow  *row,
               gint64          entry_id,
               GError        **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT kind, sha256, size, mime, original_name FROM evidence"
                                      " WHERE entry_id = ? ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhAppendixEvidence *evidence = ph_appendix_evidence_new ();

      evidence->kind = g_strdup (appendix_evidence_kind ((const char *) sqlite3_column_text (stmt, 0)));
      evidence->sha256 = ph_store_dup_column_text (stmt, 1);
      evidence->size = sqlite3_column_int64 (stmt, 2);
      evidence->mime_type = ph_store_dup_column_text (stmt, 3);
      evidence->original_name = ph_store_dup_column_text (stmt, 4);
      evidence->path = ph_store_dup_evidence_path (self, evidence->sha256);
      g_ptr_array_add (row->evidence, evidence);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ph_store_get_appendix_batch:
 * @self: a store
 * @batch_id: a batch
 * @error: return location for a #GError
 *
 * Everything the appendix, the digest and the evidence bundle need about one
 * batch — its dispatch fields, the agency profile, the signer, the signature
 * and every entry with its evidence files — copied out of the store so that
 * the export can run in another thread.
 *
 * Returns: (transfer full): the batch, or %NULL
 */
PhAppendixBatch *
ph_store_get_appendix_batch (PhStore  *self,
                             gint64    batch_id,
                             GError  **error)
{
  g_autoptr(PhAppendixBatch) out = NULL;
  g_autoptr(PhBatch) batch = NULL;
  g_autoptr(PhAgencyProfile) profile = NULL;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  batch = ph_store_get_batch (self, batch_id, error);
  if (batch == NULL)
    return NULL;
  profile = ph_store_get_agency_profile (self, error);
  if (profile == NULL)
    return NULL;

  out = ph_appendix_batch_new ();
  out->parent_body = g_strdup (profile->parent_body);
  out->department = g_strdup (profile->department);
  out->issuer = g_strdup (profile->issuer);
  out->place = g_strdup (profile->place);
  out->code = g_strdup (batch->code);
  out->number = g_strdup (batch->number);
  out->symbol = g_strdup (batch->symbol);
  if (batch->dated_on != NULL
      && sscanf (batch->dated_on, "%d-%d-%d", &out->date_year, &out->date_month,
                 &out->date_day) != 3)
    out->date_year = out->date_month = out->date_day = 0;
  out->recipient = g_strdup (batch->recipient);
  out->subject = g_strdup (batch->subject);
  out->signer_authority = g_strdup (batch->signer_authority);
  out->signer_title = g_strdup (batch->signer_title);
  out->signer_name = g_strdup (batch->signer_name);
  out->approved = ph_batch_state_is_signed (batch->state);
  out->digest_hex = g_strdup (batch->digest);
  out->signature_hex = g_strdup (batch->signature);
  out->public_key_hex = g_strdup (batch->public_key);
  out->approver = g_strdup (batch->approved_by_name);
  out->approved_at = parse_timestamp (batch->approved_at);

  stmt = prepare (self,
                  "SELECT e.id, e.code, e.source_key, e.source_display, e.network, e.channel,"
                  " e.category, e.impersonated, e.occurred_at, e.receiving_number, e.content,"
                  " u.name, e.notes"
                  " FROM batch_entries be JOIN entries e ON e.id = be.entry_id"
                  " LEFT JOIN units u ON u.id = e.unit_id"
                  " WHERE be.batch_id = ? ORDER BY be.position, e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhAppendixRow *row = ph_appendix_row_new ();
      gint64 id = sqlite3_column_int64 (stmt, 0);

      row->code = ph_store_dup_column_text (stmt, 1);
      row->source_key = ph_store_dup_column_text (stmt, 2);
      row->source_display = ph_store_dup_column_text (stmt, 3);
      row->network = ph_store_dup_column_text (stmt, 4);
      row->channel = ph_store_dup_column_text (stmt, 5);
      row->category = g_strdup (appendix_category ((const char *) sqlite3_column_text (stmt, 6)));
      row->impersonated = ph_store_dup_column_text (stmt, 7);
      row->occurred = parse_occurred ((const char *) sqlite3_column_text (stmt, 8),
                                      &row->occurred_has_time);
      row->receiving_number = ph_store_dup_column_text (stmt, 9);
      row->content = ph_store_dup_column_text (stmt, 10);
      row->unit = ph_store_dup_column_text (stmt, 11);
      row->notes = ph_store_dup_column_text (stmt, 12);
      g_ptr_array_add (out->rows, row);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }

  /* The evidence of each row, read once the entries statement is done with. */
  for (guint i = 0; i < ids->len; i++)
    if (!read_evidence (self, g_ptr_array_index (out->rows, i), g_array_index (ids, gint64, i),
                        error))
      return NULL;

  return g_steal_pointer (&out);
}

/**
 * ph_store_compute_batch_digest:
 * @self: a store
 * @batch_id: a batch
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the SHA-256 of the batch's canonical content as it
 *   is in the store now (ph_digest_batch()), lower-case hex
 */
char *
ph_store_compute_batch_digest (PhStore  *self,
                               gint64    batch_id,
                               GError  **error)
{
  g_autoptr(PhAppendixBatch) batch = ph_store_get_appendix_batch (self, batch_id, error);

  if (batch == NULL)
    return NULL;
  return ph_digest_batch (batch);
}

