/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-documents.c: what registering and correcting an incoming document
 * needs beyond ph_store_create_document(): finding a document already registered
 * under the same number from the same unit, and editing a document's own fields. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ph-store-documents.h"
#include "ph-store-entries.h"
#include "ph-store-private.h"

/**
 * ph_store_find_document:
 * @unit_name: the sending unit's name
 * @number: the document's number and symbol (`125/UBND-VP`)
 *
 * Finds a document already registered with @number from @unit_name; letter case
 * and spaces in the number do not count ("125/ubnd-vp", "125 / UBND-VP").
 *
 * Returns: its id, 0 when there is none, or -1 with @error set
 */
gint64
ph_store_find_document (PhStore     *self,
                        const char  *unit_name,
                        const char  *number,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), -1);
  g_return_val_if_fail (unit_name != NULL, -1);
  g_return_val_if_fail (number != NULL, -1);

  stmt = ph_store_prepare (self,
                           "SELECT d.id FROM documents d JOIN units u ON u.id = d.unit_id"
                           " WHERE u.name = trim(?1)"
                           " AND upper(replace(d.number, ' ', '')) = upper(replace(?2, ' ', ''))"
                           " ORDER BY d.id LIMIT 1",
                           error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, unit_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

static void
note_change (JsonBuilder *changed,
             const char  *field,
             const char  *before,
             const char  *after)
{
  if (g_strcmp0 (before != NULL ? before : "", after != NULL ? after : "") != 0)
    json_builder_add_string_value (changed, field);
}

/**
 * ph_store_update_document:
 * @document: the document with its new values: @received_on, @number,
 *   @dated_on, @unit_id (or @unit_name, made a unit if new), @delivery, @summary
 *
 * Saves a document's own fields, with an audit row naming what changed. The
 * received date is copied to the document's entries, which lists sort on.
 * Refused while one of its entries is in a batch or was sent.
 */
gboolean
ph_store_update_document (PhStore     *self,
                          PhDocument  *document,
                          GError     **error)
{
  g_autoptr(PhDocument) before = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gint64 locked = 0;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL && document->id > 0, FALSE);

  before = ph_store_get_document (self, document->id, error);
  if (before == NULL)
    return FALSE;

  if (document->received_on == NULL || strlen (document->received_on) != 10)
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Enter the date the document was received."));
      return FALSE;
    }
  if (ph_delivery_to_string (document->delivery) == NULL)
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Choose how the document arrived."));
      return FALSE;
    }

  stmt = ph_store_prepare (self,
                           "SELECT count(*) FROM entries WHERE document_id = ?"
                           " AND status IN ('in-batch', 'sent', 'answered')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    locked = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      ph_store_set_db_error (self, rc, error);
      return FALSE;
    }
  if (locked > 0)
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED,
                           _("This document can no longer change: some of its entries are in a "
                             "batch or were sent."));
      return FALSE;
    }

  if (!ph_store_begin (self, error))
    return FALSE;

  if (document->unit_id == 0)
    {
      document->unit_id = ph_store_ensure_unit (self, document->unit_name, error);
      if (document->unit_id == 0)
        goto fail;
    }

  stmt = ph_store_prepare (self,
                           "UPDATE documents SET received_on = ?, number = ?, dated_on = ?,"
                           " unit_id = ?, delivery = ?, summary = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, document->received_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, document->number != NULL ? document->number : "", -1,
                     SQLITE_TRANSIENT);
  ph_store_bind_text_or_null (stmt, 3, document->dated_on != NULL && *document->dated_on != '\0'
                                       ? document->dated_on : NULL);
  sqlite3_bind_int64 (stmt, 4, document->unit_id);
  sqlite3_bind_text (stmt, 5, ph_delivery_to_string (document->delivery), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, document->summary != NULL ? document->summary : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, document->id);
  if (!ph_store_step_done (self, stmt, error))
    goto fail;

  /* The entries carry the document's unit and received date for their lists. */
  stmt = ph_store_prepare (self,
                           "UPDATE entries SET unit_id = ?, received_on = ? WHERE document_id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document->unit_id);
  sqlite3_bind_text (stmt, 2, document->received_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, document->id);
  if (!ph_store_step_done (self, stmt, error))
    goto fail;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changed");
  json_builder_begin_array (builder);
  note_change (builder, "received_on", before->received_on, document->received_on);
  note_change (builder, "number", before->number, document->number);
  note_change (builder, "dated_on", before->dated_on, document->dated_on);
  if (before->unit_id != document->unit_id)
    json_builder_add_string_value (builder, "unit");
  if (before->delivery != document->delivery)
    json_builder_add_string_value (builder, "delivery");
  note_change (builder, "summary", before->summary, document->summary);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  details = json_generator_to_data (generator, NULL);

  if (!ph_store_audit (self, "document.update", "document", document->id, details, error))
    goto fail;

  ph_store_emit_changed (self, "documents", document->id);
  ph_store_emit_changed (self, "entries", 0);
  return ph_store_commit (self, error);

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_add_document_evidence:
 * @document_id: a registered document
 * @evidence: a file returned by ph_store_import_evidence(): the scan of the document
 *
 * Attaches a scan to a document already registered, with its audit row.
 *
 * Returns: the evidence row's id, or 0 with @error set
 */
gint64
ph_store_add_document_evidence (PhStore          *self,
                                gint64            document_id,
                                const PhEvidence *evidence,
                                GError          **error)
{
  g_autoptr(PhEvidence) row = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), 0);
  g_return_val_if_fail (evidence != NULL, 0);

  row = ph_evidence_copy (evidence);
  row->entry_id = 0;
  row->document_id = document_id;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, row->sha256);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, row->original_name != NULL ? row->original_name : "");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  details = json_generator_to_data (generator, NULL);

  if (!ph_store_begin (self, error))
    return 0;
  if (!ph_store_insert_evidence_row (self, row, error)
      || !ph_store_audit (self, "evidence.add", "document", document_id, details, error))
    {
      ph_store_rollback (self);
      return 0;
    }
  ph_store_emit_changed (self, "documents", document_id);
  if (!ph_store_commit (self, error))
    return 0;
  return row->id;
}
