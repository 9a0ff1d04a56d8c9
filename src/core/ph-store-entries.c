/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-entries.c: incoming documents and their entries — create (a document,
 * its entries and their evidence in one transaction), read, update, delete,
 * status changes, and the lists: filter, sort and page in SQL, on indexes. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ph-fold.h"
#include "ph-number.h"
#include "ph-store-entries.h"
#include "ph-store-private.h"

#define ENTRY_COLUMNS \
  "e.id, e.code, e.document_id, e.unit_id, u.name, e.received_on, e.source_input," \
  " e.source_key, e.source_e164, e.source_display, e.source_kind, e.network, e.province," \
  " e.category, e.channel, e.impersonated, e.occurred_at, e.receiving_number, e.content," \
  " e.notes, e.status, e.reject_reason, e.evidence_count, e.created_at, e.updated_at"

/**
 * ph_source_answer_get_label:
 * @answer: a stable answer name as in #PhSource
 *
 * Returns: the Authority's answer in words, for the interface
 */
const char *
ph_source_answer_get_label (const char *answer)
{
  static const struct { const char *nick, *label; } answers[] = {
    { "not-sent", N_("Not yet sent") },
    { "sent", N_("Sent to the Authority") },
    { "blocked-one-way", N_("Blocked one way") },
    { "blocked-two-way", N_("Blocked both ways") },
    { "handled", N_("Handled") },
    /* Translators: the Authority rejected the report for lack of grounds */
    { "rejected", N_("Rejected for lack of grounds") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (answers); i++)
    if (g_strcmp0 (answers[i].nick, answer) == 0)
      return _(answers[i].label);
  return "";
}

void
ph_source_free (PhSource *source)
{
  if (source == NULL)
    return;
  g_free (source->key);
  g_free (source->display);
  g_free (source->network);
  g_free (source->first_seen);
  g_free (source->last_seen);
  g_free (source->categories);
  g_free (source->answer);
  g_free (source);
}

static const char *
empty_if_null (const char *s)
{
  return s != NULL ? s : "";
}

static gboolean
is_valid_date (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;
  return g_date_valid_dmy (day, month, year);
}

static gboolean
is_valid_moment (const char *text)
{
  guint hour, minute;

  if (text == NULL)
    return TRUE;
  if (strlen (text) == 10)
    return is_valid_date (text);
  if (strlen (text) != 16 || text[10] != 'T' || text[13] != ':')
    return FALSE;

  {
    g_autofree char *date = g_strndup (text, 10);

    if (!is_valid_date (date))
      return FALSE;
  }
  if (!g_ascii_isdigit (text[11]) || !g_ascii_isdigit (text[12]) ||
      !g_ascii_isdigit (text[14]) || !g_ascii_isdigit (text[15]))
    return FALSE;
  hour = (guint) ((text[11] - '0') * 10 + (text[12] - '0'));
  minute = (guint) ((text[14] - '0') * 10 + (text[15] - '0'));
  return hour < 24 && minute < 60;
}

/* Checks what the clerk typed and fills the source fields from source_input. */
static gboolean
prepare_entry (PhEntry  *entry,
               GError  **error)
{
  g_autoptr(PhNumber) number = NULL;

  if (entry->source_input == NULL || *g_strstrip (entry->source_input) == '\0')
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Enter the reported number, short code or brandname."));
      return FALSE;
    }

  number = ph_number_parse (entry->source_input);
  if (!ph_number_is_valid (number))
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID, "%s: %s", entry->source_input,
                   number->reason != NULL ? number->reason
                                          : _("This is not a phone number, short code or brandname."));
      return FALSE;
    }

  if (ph_category_to_string (entry->category) == NULL)
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Choose the category of the report."));
      return FALSE;
    }
  if (ph_channel_to_string (entry->channel) == NULL)
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Choose how it came: a call, an SMS, a messaging app or other."));
      return FALSE;
    }
  if (entry->occurred_at != NULL && *entry->occurred_at == '\0')
    g_clear_pointer (&entry->occurred_at, g_free);
  if (!is_valid_moment (entry->occurred_at))
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                   _("“%s” is not a date and time. Write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM."),
                   entry->occurred_at);
      return FALSE;
    }

  g_free (entry->source_key);
  entry->source_key = g_strdup (number->key);
  g_free (entry->source_e164);
  entry->source_e164 = g_strdup (number->e164);
  g_free (entry->source_display);
  entry->source_display = g_strdup (number->display);
  entry->source_kind = number->kind;
  g_free (entry->network);
  entry->network = g_strdup (number->network);
  g_free (entry->province);
  entry->province = g_strdup (number->province);
  return TRUE;
}

static char *
next_code (PhStore     *self,
           const char  *received_on,
           GError     **error)
{
  g_autofree char *year = g_strndup (received_on, 4);
  g_autofree char *name = g_strconcat ("entry-", year, NULL);
  sqlite3_stmt *stmt;
  gint64 value = 0;
  int rc;

  stmt = ph_store_prepare (self, "INSERT INTO sequences (name, value) VALUES (?, 1)"
                                 " ON CONFLICT (name) DO UPDATE SET value = value + 1"
                                 " RETURNING value", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      value = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_strdup_printf ("PA-%s-%06" G_GINT64_FORMAT, year, value);
}

static char *
entry_details (const PhEntry *entry)
{
  g_autofree char *source = ph_store_json_string (entry->source_key);

  return g_strdup_printf ("{\"code\":\"%s\",\"source\":%s,\"category\":\"%s\"}",
                          entry->code, source, ph_category_to_string (entry->category));
}

static gboolean
insert_entry (PhStore     *self,
              PhDocument  *document,
              PhEntry     *entry,
              const char  *now,
              GError     **error)
{
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;

  entry->code = next_code (self, document->received_on, error);
  if (entry->code == NULL)
    return FALSE;

  stmt = ph_store_prepare (self,
                           "INSERT INTO entries (code, document_id, unit_id, received_on,"
                           " source_input, source_key, source_e164, source_display, source_kind,"
                           " network, province, category, channel, impersonated, occurred_at,"
                           " receiving_number, content, notes, status, reject_reason,"
                           " created_at, updated_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entry->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, document->id);
  sqlite3_bind_int64 (stmt, 3, document->unit_id);
  sqlite3_bind_text (stmt, 4, document->received_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, entry->source_input, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, entry->source_key, -1, SQLITE_TRANSIENT);
  ph_store_bind_text_or_null (stmt, 7, entry->source_e164);
  sqlite3_bind_text (stmt, 8, entry->source_display, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, ph_source_kind_to_string (entry->source_kind), -1, SQLITE_STATIC);
  ph_store_bind_text_or_null (stmt, 10, entry->network);
  ph_store_bind_text_or_null (stmt, 11, entry->province);
  sqlite3_bind_text (stmt, 12, ph_category_to_string (entry->category), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, ph_channel_to_string (entry->channel), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, empty_if_null (entry->impersonated), -1, SQLITE_TRANSIENT);
  ph_store_bind_text_or_null (stmt, 15, entry->occurred_at);
  sqlite3_bind_text (stmt, 16, empty_if_null (entry->receiving_number), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 17, empty_if_null (entry->content), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 18, empty_if_null (entry->notes), -1, SQLITE_TRANSIENT);
  /* New entries are received; a clerk verifies them afterwards. */
  sqlite3_bind_text (stmt, 19, "received", -1, SQLITE_STATIC);
  sqlite3_bind_null (stmt, 20);
  sqlite3_bind_text (stmt, 21, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 22, now, -1, SQLITE_TRANSIENT);
  if (!ph_store_step_done (self, stmt, error))
    return FALSE;

  entry->id = sqlite3_last_insert_rowid (ph_store_get_db (self));
  entry->document_id = document->id;
  entry->unit_id = document->unit_id;
  g_free (entry->received_on);
  entry->received_on = g_strdup (document->received_on);
  entry->status = PH_ENTRY_STATUS_RECEIVED;
  g_clear_pointer (&entry->reject_reason, g_free);

  details = entry_details (entry);
  if (!ph_store_audit (self, "entry.create", "entry", entry->id, details, error))
    return FALSE;

  if (entry->evidence != NULL)
    {
      for (guint i = 0; i < entry->evidence->len; i++)
        {
          PhEvidence *evidence = g_ptr_array_index (entry->evidence, i);
          g_autofree char *name = ph_store_json_string (empty_if_null (evidence->original_name));
          g_autofree char *evidence_details = NULL;

          evidence->entry_id = entry->id;
          evidence->document_id = 0;
          if (!ph_store_insert_evidence_row (self, evidence, error))
            return FALSE;
          evidence_details = g_strdup_printf ("{\"sha256\":\"%s\",\"name\":%s}",
                                              evidence->sha256, name);
          if (!ph_store_audit (self, "evidence.add", "entry", entry->id, evidence_details, error))
            return FALSE;
        }
      entry->evidence_count = entry->evidence->len;
    }
  return TRUE;
}

/**
 * ph_store_create_document:
 * @document: the incoming document; its id is set on success
 * @entries: (element-type PhEntry): its entries, at least one; each one's id,
 *   code and source fields are set on success, and its evidence is attached
 *
 * Registers an incoming document with its entries and their evidence (files
 * already copied with ph_store_import_evidence()) in one transaction, with
 * their audit rows: everything lands, or nothing does.
 *
 * Returns: the document's id, or 0 with @error set
 */
gint64
ph_store_create_document (PhStore     *self,
                          PhDocument  *document,
                          GPtrArray   *entries,
                          GError     **error)
{
  g_autofree char *now = ph_store_now ();
  g_autofree char *details = NULL;
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), 0);
  g_return_val_if_fail (document != NULL, 0);
  g_return_val_if_fail (entries != NULL, 0);

  if (!is_valid_date (document->received_on))
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Enter the date the document was received."));
      return 0;
    }
  if (document->dated_on != NULL && *document->dated_on != '\0' &&
      !is_valid_date (document->dated_on))
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                   _("“%s” is not a date. Write it as YYYY-MM-DD."), document->dated_on);
      return 0;
    }
  if (ph_delivery_to_string (document->delivery) == NULL)
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Choose how the document arrived."));
      return 0;
    }
  if (document->unit_id == 0 && (document->unit_name == NULL || *document->unit_name == '\0'))
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Choose the unit that sent the document."));
      return 0;
    }
  if (entries->len == 0)
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Add at least one reported number to the document."));
      return 0;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      if (!prepare_entry (g_ptr_array_index (entries, i), error))
        {
          g_prefix_error (error, _("Entry %u: "), i + 1);
          return 0;
        }
    }

  if (!ph_store_begin (self, error))
    return 0;

  if (document->unit_id == 0)
    {
      document->unit_id = ph_store_ensure_unit (self, document->unit_name, error);
      if (document->unit_id == 0)
        goto fail;
    }

  stmt = ph_store_prepare (self,
                           "INSERT INTO documents (received_on, number, dated_on, unit_id, delivery,"
                           " summary, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, document->received_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, empty_if_null (document->number), -1, SQLITE_TRANSIENT);
  ph_store_bind_text_or_null (stmt, 3, document->dated_on != NULL && *document->dated_on != '\0'
                                       ? document->dated_on : NULL);
  sqlite3_bind_int64 (stmt, 4, document->unit_id);
  sqlite3_bind_text (stmt, 5, ph_delivery_to_string (document->delivery), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, empty_if_null (document->summary), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, ph_store_get_actor (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!ph_store_step_done (self, stmt, error))
    goto fail;
  document->id = sqlite3_last_insert_rowid (ph_store_get_db (self));

  number = ph_store_json_string (empty_if_null (document->number));
  details = g_strdup_printf ("{\"number\":%s,\"unit_id\":%" G_GINT64_FORMAT ",\"entries\":%u}",
                             number, document->unit_id, entries->len);
  if (!ph_store_audit (self, "document.create", "document", document->id, details, error))
    goto fail;

  if (document->evidence != NULL)
    {
      for (guint i = 0; i < document->evidence->len; i++)
        {
          PhEvidence *evidence = g_ptr_array_index (document->evidence, i);

          evidence->document_id = document->id;
          evidence->entry_id = 0;
          if (!ph_store_insert_evidence_row (self, evidence, error))
            goto fail;
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      if (!insert_entry (self, document, g_ptr_array_index (entries, i), now, error))
        {
          g_prefix_error (error, _("Entry %u: "), i + 1);
          goto fail;
        }
    }

  ph_store_emit_changed (self, "documents", document->id);
  ph_store_emit_changed (self, "entries", entries->len == 1
                         ? ((PhEntry *) g_ptr_array_index (entries, 0))->id : 0);
  if (!ph_store_commit (self, error))
    goto undo_ids;

  g_free (document->created_by);
  document->created_by = g_strdup (ph_store_get_actor (self));
  g_free (document->created_at);
  document->created_at = g_strdup (now);
  return document->id;

fail:
  ph_store_rollback (self);
undo_ids:
  document->id = 0;
  for (guint i = 0; i < entries->len; i++)
    {
      PhEntry *entry = g_ptr_array_index (entries, i);

      entry->id = 0;
      g_clear_pointer (&entry->code, g_free);
    }
  return 0;
}

/**
 * ph_store_get_document:
 *
 * Returns: (transfer full): the document with its own evidence (the scan),
 *   or %NULL with @error set
 */
PhDocument *
ph_store_get_document (PhStore     *self,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(PhDocument) document = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  stmt = ph_store_prepare (self, "SELECT d.id, d.received_on, d.number, d.dated_on, d.unit_id,"
                                 " u.name, d.delivery, d.summary, d.created_by, d.created_at"
                                 " FROM documents d JOIN units u ON u.id = d.unit_id"
                                 " WHERE d.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      document = ph_document_new ();
      document->id = sqlite3_column_int64 (stmt, 0);
      document->received_on = ph_store_dup_column_text (stmt, 1);
      document->number = ph_store_dup_column_text (stmt, 2);
      document->dated_on = ph_store_dup_column_text (stmt, 3);
      document->unit_id = sqlite3_column_int64 (stmt, 4);
      document->unit_name = ph_store_dup_column_text (stmt, 5);
      document->delivery = ph_delivery_from_string ((const char *) sqlite3_column_text (stmt, 6));
      document->summary = ph_store_dup_column_text (stmt, 7);
      document->created_by = ph_store_dup_column_text (stmt, 8);
      document->created_at = ph_store_dup_column_text (stmt, 9);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND,
                             _("This document no longer exists."));
      else
        ph_store_set_db_error (self, rc, error);
      return NULL;
    }

  document->evidence = ph_store_list_evidence (self, 0, id, error);
  if (document->evidence == NULL)
    return NULL;
  return g_steal_pointer (&document);
}

static PhEntry *
read_entry (sqlite3_stmt *stmt)
{
  PhEntry *entry = g_new0 (PhEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->code = ph_store_dup_column_text (stmt, 1);
  entry->document_id = sqlite3_column_int64 (stmt, 2);
  entry->unit_id = sqlite3_column_int64 (stmt, 3);
  entry->unit_name = ph_store_dup_column_text (stmt, 4);
  entry->received_on = ph_store_dup_column_text (stmt, 5);
  entry->source_input = ph_store_dup_column_text (stmt, 6);
  entry->source_key = ph_store_dup_column_text (stmt, 7);
  entry->source_e164 = ph_store_dup_column_text (stmt, 8);
  entry->source_display = ph_store_dup_column_text (stmt, 9);
  entry->source_kind = ph_source_kind_from_string ((const char *) sqlite3_column_text (stmt, 10));
  entry->network = ph_store_dup_column_text (stmt, 11);
  entry->province = ph_store_dup_column_text (stmt, 12);
  entry->category = ph_category_from_string ((const char *) sqlite3_column_text (stmt, 13));
  entry->channel = ph_channel_from_string ((const char *) sqlite3_column_text (stmt, 14));
  entry->impersonated = ph_store_dup_column_text (stmt, 15);
  entry->occurred_at = ph_store_dup_column_text (stmt, 16);
  entry->receiving_number = ph_store_dup_column_text (stmt, 17);
  entry->content = ph_store_dup_column_text (stmt, 18);
  entry->notes = ph_store_dup_column_text (stmt, 19);
  entry->status = ph_entry_status_from_string ((const char *) sqlite3_column_text (stmt, 20));
  entry->reject_reason = ph_store_dup_column_text (stmt, 21);
  entry->evidence_count = (guint) sqlite3_column_int (stmt, 22);
  entry->created_at = ph_store_dup_column_text (stmt, 23);
  entry->updated_at = ph_store_dup_column_text (stmt, 24);
  return entry;
}

static PhEntry *
get_entry_row (PhStore     *self,
               gint64       id,
               GError     **error)
{
  PhEntry *entry = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = ph_store_prepare (self, "SELECT " ENTRY_COLUMNS
                                 " FROM entries e JOIN units u ON u.id = e.unit_id WHERE e.id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = read_entry (stmt);
  sqlite3_reset (stmt);
  if (entry == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND,
                             _("This entry no longer exists. It may have been deleted."));
      else
        ph_store_set_db_error (self, rc, error);
    }
  return entry;
}

/**
 * ph_store_get_entry:
 *
 * Returns: (transfer full): the entry with its evidence, or %NULL with @error set
 */
PhEntry *
ph_store_get_entry (PhStore     *self,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(PhEntry) entry = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  entry = get_entry_row (self, id, error);
  if (entry == NULL)
    return NULL;
  entry->evidence = ph_store_list_evidence (self, id, 0, error);
  if (entry->evidence == NULL)
    return NULL;
  return g_steal_pointer (&entry);
}

static void
note_change (GString    *changed,
             const char *field,
             const char *before,
             const char *after)
{
  if (g_strcmp0 (empty_if_null (before), empty_if_null (after)) == 0)
    return;
  g_string_append_printf (changed, "%s\"%s\"", changed->len > 0 ? "," : "", field);
}

/**
 * ph_store_update_entry:
 * @entry: the entry with its new values; the fields a clerk edits are the
 *   source (@source_input), @category, @channel, @impersonated, @occurred_at,
 *   @receiving_number, @content and @notes. Its source fields are refreshed.
 *
 * Saves an entry that can still change (received, verified or rejected).
 */
gboolean
ph_store_update_entry (PhStore     *self,
                       PhEntry     *entry,
                       GError     **error)
{
  g_autoptr(PhEntry) old = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree char *now = ph_store_now ();
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!prepare_entry (entry, error))
    return FALSE;

  if (!ph_store_begin (self, error))
    return FALSE;

  old = get_entry_row (self, entry->id, error);
  if (old == NULL)
    goto fail;
  if (!ph_entry_status_is_editable (old->status))
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED,
                   _("Entry %s is %s, so it can no longer be changed."),
                   old->code, ph_entry_status_get_label (old->status));
      goto fail;
    }

  note_change (changed, "source", old->source_key, entry->source_key);
  note_change (changed, "category", ph_category_to_string (old->category),
               ph_category_to_string (entry->category));
  note_change (changed, "channel", ph_channel_to_string (old->channel),
               ph_channel_to_string (entry->channel));
  note_change (changed, "impersonated", old->impersonated, entry->impersonated);
  note_change (changed, "occurred_at", old->occurred_at, entry->occurred_at);
  note_change (changed, "receiving_number", old->receiving_number, entry->receiving_number);
  note_change (changed, "content", old->content, entry->content);
  note_change (changed, "notes", old->notes, entry->notes);
  if (changed->len == 0)
    {
      ph_store_rollback (self);
      return TRUE;
    }

  stmt = ph_store_prepare (self,
                           "UPDATE entries SET source_input = ?, source_key = ?, source_e164 = ?,"
                           " source_display = ?, source_kind = ?, network = ?, province = ?,"
                           " category = ?, channel = ?, impersonated = ?, occurred_at = ?,"
                           " receiving_number = ?, content = ?, notes = ?, updated_at = ?"
                           " WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, entry->source_input, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entry->source_key, -1, SQLITE_TRANSIENT);
  ph_store_bind_text_or_null (stmt, 3, entry->source_e164);
  sqlite3_bind_text (stmt, 4, entry->source_display, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, ph_source_kind_to_string (entry->source_kind), -1, SQLITE_STATIC);
  ph_store_bind_text_or_null (stmt, 6, entry->network);
  ph_store_bind_text_or_null (stmt, 7, entry->province);
  sqlite3_bind_text (stmt, 8, ph_category_to_string (entry->category), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, ph_channel_to_string (entry->channel), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, empty_if_null (entry->impersonated), -1, SQLITE_TRANSIENT);
  ph_store_bind_text_or_null (stmt, 11, entry->occurred_at);
  sqlite3_bind_text (stmt, 12, empty_if_null (entry->receiving_number), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, empty_if_null (entry->content), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, empty_if_null (entry->notes), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 16, entry->id);
  if (!ph_store_step_done (self, stmt, error))
    goto fail;

  details = g_strdup_printf ("{\"code\":\"%s\",\"changed\":[%s]}", old->code, changed->str);
  if (!ph_store_audit (self, "entry.update", "entry", entry->id, details, error))
    goto fail;

  ph_store_emit_changed (self, "entries", entry->id);
  if (!ph_store_commit (self, error))
    return FALSE;

  g_free (entry->updated_at);
  entry->updated_at = g_steal_pointer (&now);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_delete_entry:
 *
 * Deletes an entry that is received or rejected, with its evidence rows (the
 * files stay in the evidence store).
 */
gboolean
ph_store_delete_entry (PhStore     *self,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(PhEntry) old = NULL;
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  if (!ph_store_begin (self, error))
    return FALSE;

  old = get_entry_row (self, id, error);
  if (old == NULL)
    goto fail;
  if (!ph_entry_status_is_deletable (old->status))
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED,
                   _("Entry %s is %s. Only received or rejected entries can be deleted; reject it instead, with a reason."),
                   old->code, ph_entry_status_get_label (old->status));
      goto fail;
    }

  stmt = ph_store_prepare (self, "DELETE FROM entries WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ph_store_step_done (self, stmt, error))
    goto fail;

  details = entry_details (old);
  if (!ph_store_audit (self, "entry.delete", "entry", id, details, error))
    goto fail;

  ph_store_emit_changed (self, "entries", id);
  return ph_store_commit (self, error);

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_set_entry_status:
 * @status: the new status
 * @reason: (nullable): the reason, required to reject
 *
 * Moves an entry along its life by the rules of DESIGN.md (see
 * ph_entry_status_can_change()). Putting an entry into a batch belongs to
 * the batch code, which adds the batch_entries row first.
 */
gboolean
ph_store_set_entry_status (PhStore        *self,
                           gint64          id,
                           PhEntryStatus   status,
                           const char     *reason,
                           GError        **error)
{
  g_autoptr(PhEntry) old = NULL;
  g_autofree char *now = ph_store_now ();
  g_autofree char *clean_reason = NULL;
  g_autofree char *details = NULL;
  g_autofree char *action = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  if (reason != NULL)
    clean_reason = g_strstrip (g_strdup (reason));
  if (status == PH_ENTRY_STATUS_REJECTED && (clean_reason == NULL || *clean_reason == '\0'))
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Give a reason for rejecting the entry, for example “no evidence” or “official number”."));
      return FALSE;
    }

  if (!ph_store_begin (self, error))
    return FALSE;

  old = get_entry_row (self, id, error);
  if (old == NULL)
    goto fail;
  if (old->status == status)
    {
      ph_store_rollback (self);
      return TRUE;
    }
  if (!ph_entry_status_can_change (old->status, status))
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED,
                   _("Entry %s cannot go from “%s” to “%s”."), old->code,
                   ph_entry_status_get_label (old->status), ph_entry_status_get_label (status));
      goto fail;
    }

  stmt = ph_store_prepare (self, "UPDATE entries SET status = ?, reject_reason = ?, updated_at = ?"
                                 " WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, ph_entry_status_to_string (status), -1, SQLITE_STATIC);
  ph_store_bind_text_or_null (stmt, 2, status == PH_ENTRY_STATUS_REJECTED ? clean_reason : NULL);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, id);
  if (!ph_store_step_done (self, stmt, error))
    goto fail;

  action = g_strconcat ("entry.status.", ph_entry_status_to_string (status), NULL);
  if (clean_reason != NULL && status == PH_ENTRY_STATUS_REJECTED)
    {
      g_autofree char *escaped = ph_store_json_string (clean_reason);

      details = g_strdup_printf ("{\"code\":\"%s\",\"from\":\"%s\",\"reason\":%s}", old->code,
                                 ph_entry_status_to_string (old->status), escaped);
    }
  else
    details = g_strdup_printf ("{\"code\":\"%s\",\"from\":\"%s\"}", old->code,
                               ph_entry_status_to_string (old->status));
  if (!ph_store_audit (self, action, "entry", id, details, error))
    goto fail;

  ph_store_emit_changed (self, "entries", id);
  return ph_store_commit (self, error);

fail:
  ph_store_rollback (self);
  return FALSE;
}

gboolean
ph_store_verify_entry (PhStore     *self,
                       gint64       id,
                       GError     **error)
{
  return ph_store_set_entry_status (self, id, PH_ENTRY_STATUS_VERIFIED, NULL, error);
}

gboolean
ph_store_reject_entry (PhStore     *self,
                       gint64       id,
                       const char  *reason,
                       GError     **error)
{
  return ph_store_set_entry_status (self, id, PH_ENTRY_STATUS_REJECTED, reason, error);
}

/* ---- lists ----------------------------------------------------------------- */

typedef enum
{
  TEXT_NONE,
  TEXT_WORDS,
  TEXT_DIGITS,
  TEXT_WORDS_IN,    /* the same, as a subquery, when the page is not in index order */
  TEXT_DIGITS_IN,
} TextKind;

/* The full-text indexes are keyed by (julianday (received_on) << 32) + id (schema v3):
 * the low 32 bits are the entry's id. */
#define ID_MASK "4294967295"

/* Turns what was typed into an FTS5 query without any of its syntax: words
 * become quoted prefixes that must all match; a query of digits (and the
 * punctuation numbers are written with) searches the trigram index of numbers. */
static TextKind
build_text_query (const char  *text,
                  char       **query)
{
  g_autofree char *folded = NULL;
  g_autofree char *digits = NULL;
  g_autoptr(GString) words = NULL;
  gboolean only_number = TRUE;
  const char *p;

  *query = NULL;
  if (text == NULL)
    return TEXT_NONE;

  for (p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr (" +.-()/", *p) == NULL)
      only_number = FALSE;

  digits = ph_fold_digits (text);
  if (only_number && strlen (digits) >= 3)
    {
      *query = g_strdup_printf ("\"%s\"", digits);
      return TEXT_DIGITS;
    }

  folded = ph_fold (text, -1);
  words = g_string_new (NULL);
  for (p = folded; *p != '\0';)
    {
      const char *start;
      gboolean last;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        continue;

      /* Only the word being typed is a prefix, and only from two to four
       * letters: the index keeps those prefixes (schema v5), and FTS5 would
       * merge every word a longer prefix starts before returning one row. A
       * longer word is taken as typed in full. */
      last = TRUE;
      for (const char *q = p; *q != '\0'; q = g_utf8_next_char (q))
        if (g_unichar_isalnum (g_utf8_get_char (q)))
          last = FALSE;
      g_string_append_printf (words, "%s\"%.*s\"%s", words->len > 0 ? " " : "",
                              (int) (p - start), start,
                              last && g_utf8_strlen (start, p - start) >= 2 &&
                              g_utf8_strlen (start, p - start) <= 4 ? "*" : "");
    }

  if (words->len == 0)
    return TEXT_NONE;
  *query = g_string_free (g_steal_pointer (&words), FALSE);
  return TEXT_WORDS;
}

static const char *
sort_column (PhEntrySort sort)
{
  switch (sort)
    {
    case PH_ENTRY_SORT_CODE:
      return "e.code";
    case PH_ENTRY_SORT_SOURCE:
      return "e.source_key";
    case PH_ENTRY_SORT_NETWORK:
      return "e.network";
    case PH_ENTRY_SORT_CATEGORY:
      return "e.category";
    case PH_ENTRY_SORT_CHANNEL:
      return "e.channel";
    case PH_ENTRY_SORT_UNIT:
      return "e.unit_id";
    case PH_ENTRY_SORT_EVIDENCE:
      return "e.evidence_count";
    case PH_ENTRY_SORT_STATUS:
      return "e.status";
    case PH_ENTRY_SORT_RECEIVED:
    default:
      return NULL;
    }
}

/* The WHERE clause, from fixed fragments only: values are bound by name. */
static void
append_where (GString             *sql,
              const PhEntryFilter *filter,
              TextKind             text_kind)
{
  if (text_kind == TEXT_WORDS)
    g_string_append (sql, " WHERE entries_fts MATCH :text");
  else if (text_kind == TEXT_DIGITS)
    g_string_append (sql, " WHERE entries_digits MATCH :text");
  else
    g_string_append (sql, " WHERE 1");
  if (filter == NULL)
    return;
  if (filter->status != PH_ENTRY_STATUS_ANY)
    g_string_append (sql, " AND e.status = :status");
  if (filter->category != PH_CATEGORY_ANY)
    g_string_append (sql, " AND e.category = :category");
  if (filter->channel != PH_CHANNEL_ANY)
    g_string_append (sql, " AND e.channel = :channel");
  if (filter->network != NULL)
    g_string_append (sql, " AND e.network = :network");
  if (filter->unit_id != 0)
    g_string_append (sql, " AND e.unit_id = :unit");
  if (filter->document_id != 0)
    g_string_append (sql, " AND e.document_id = :document");
  if (filter->source_key != NULL)
    g_string_append (sql, " AND e.source_key = :source");
  if (filter->received_from != NULL)
    g_string_append (sql, " AND e.received_on >= :from");
  if (filter->received_to != NULL)
    g_string_append (sql, " AND e.received_on <= :to");
  if (text_kind == TEXT_WORDS_IN)
    g_string_append (sql, " AND e.id IN (SELECT rowid & " ID_MASK " FROM entries_fts"
                          " WHERE entries_fts MATCH :text)");
  else if (text_kind == TEXT_DIGITS_IN)
    g_string_append (sql, " AND e.id IN (SELECT rowid & " ID_MASK " FROM entries_digits"
                          " WHERE entries_digits MATCH :text)");
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_filter (sqlite3_stmt        *stmt,
             const PhEntryFilter *filter,
             const char          *text_query)
{
  if (filter == NULL)
    return;
  bind_named_text (stmt, ":status", ph_entry_status_to_string (filter->status));
  bind_named_text (stmt, ":category", ph_category_to_string (filter->category));
  bind_named_text (stmt, ":channel", ph_channel_to_string (filter->channel));
  bind_named_text (stmt, ":network", filter->network);
  bind_named_int64 (stmt, ":unit", filter->unit_id);
  bind_named_int64 (stmt, ":document", filter->document_id);
  bind_named_text (stmt, ":source", filter->source_key);
  bind_named_text (stmt, ":from", filter->received_from);
  bind_named_text (stmt, ":to", filter->received_to);
  bind_named_text (stmt, ":text", text_query);
}

/* The code is unique: it needs no tie-break, and its index alone covers the order. */
static void
append_order (GString     *sql,
              PhEntrySort  sort,
              const char  *dir)
{
  const char *column = sort_column (sort);

  g_string_append (sql, " ORDER BY ");
  if (sort == PH_ENTRY_SORT_CODE)
    g_string_append_printf (sql, "e.code %s", dir);
  else if (column != NULL)
    g_string_append_printf (sql, "%s %s, e.received_on %s, e.id %s", column, dir, dir, dir);
  else
    g_string_append_printf (sql, "e.received_on %s, e.id %s", dir, dir);
}

static gboolean
filter_is_text_only (const PhEntryFilter *filter)
{
  return filter->status == PH_ENTRY_STATUS_ANY && filter->category == PH_CATEGORY_ANY &&
         filter->channel == PH_CHANNEL_ANY && filter->network == NULL && filter->unit_id == 0 &&
         filter->document_id == 0 && filter->source_key == NULL &&
         filter->received_from == NULL && filter->received_to == NULL;
}

/* A search sorted by received date (the default) is driven by its full-text
 * index, which returns matches in that order: the page is read lazily and the
 * query stops after it. Any other order reads the matches as a subquery. */
static char *
build_list_sql (const PhEntryFilter *filter,
                PhEntrySort          sort,
                gboolean             descending,
                TextKind             text_kind,
                gboolean             count)
{
  GString *sql = g_string_new (NULL);
  const char *dir = descending ? "DESC" : "ASC";
  const char *column = sort_column (sort);
  const char *fts = text_kind == TEXT_WORDS ? "entries_fts"
                    : text_kind == TEXT_DIGITS ? "entries_digits" : NULL;

  if (fts != NULL && !count && column != NULL)
    {
      text_kind = text_kind == TEXT_WORDS ? TEXT_WORDS_IN : TEXT_DIGITS_IN;
      fts = NULL;
    }

  /* Counting a search alone needs only its index. */
  if (fts != NULL && count && filter_is_text_only (filter))
    {
      g_string_append_printf (sql, "SELECT count(*) FROM %s WHERE %s MATCH :text", fts, fts);
      return g_string_free (sql, FALSE);
    }

  if (count)
    {
      g_string_append (sql, "SELECT count(*) FROM ");
      if (fts != NULL)
        g_string_append_printf (sql, "%s CROSS JOIN entries e ON e.id = (%s.rowid & " ID_MASK ")",
                                fts, fts);
      else
        g_string_append (sql, "entries e");
      append_where (sql, filter, text_kind);
      return g_string_free (sql, FALSE);
    }

  /* Two steps: the page's ids first, from the index alone where it covers the
   * filter and the order, so that OFFSET skips index entries rather than
   * whole rows (deep in a million entries, 40 ms instead of 1.5 s); then the
   * page's rows themselves, read and joined. */
  g_string_append (sql, "SELECT " ENTRY_COLUMNS " FROM entries e JOIN units u ON u.id = e.unit_id"
                        " WHERE e.id IN (");
  if (fts != NULL && filter_is_text_only (filter))
    g_string_append_printf (sql, "SELECT %s.rowid & " ID_MASK " FROM %s WHERE %s MATCH :text"
                                 " ORDER BY %s.rowid %s", fts, fts, fts, fts, dir);
  else if (fts != NULL)
    {
      g_string_append_printf (sql, "SELECT e.id FROM %s CROSS JOIN entries e"
                                   " ON e.id = (%s.rowid & " ID_MASK ")", fts, fts);
      append_where (sql, filter, text_kind);
      g_string_append_printf (sql, " ORDER BY %s.rowid %s", fts, dir);
    }
  else
    {
      g_string_append (sql, "SELECT e.id FROM entries e");
      append_where (sql, filter, text_kind);
      append_order (sql, sort, dir);
    }
  g_string_append (sql, " LIMIT :limit OFFSET :offset)");

  /* the same order again for the 50 rows (the search key orders as received_on, id) */
  append_order (sql, fts == NULL ? sort : PH_ENTRY_SORT_RECEIVED, dir);
  return g_string_free (sql, FALSE);
}

/**
 * ph_store_list_entries:
 * @filter: (nullable): which entries; %NULL for all
 * @sort: the column to sort on; ties are broken by received date, then id
 * @descending: newest (or largest) first
 * @offset: entries to skip
 * @limit: entries to return
 *
 * One page of entries, filtered, sorted and paged by SQL on indexes. The
 * entries have no evidence list (only @evidence_count): read one with
 * ph_store_get_entry() for that.
 *
 * Returns: (transfer full) (element-type PhEntry): the page, or %NULL with
 *   @error set
 */
GPtrArray *
ph_store_list_entries (PhStore             *self,
                       const PhEntryFilter *filter,
                       PhEntrySort          sort,
                       gboolean             descending,
                       gint64               offset,
                       guint                limit,
                       GError             **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
  g_autofree char *text_query = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  TextKind text_kind;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  text_kind = build_text_query (filter != NULL ? filter->text : NULL, &text_query);
  sql = build_list_sql (filter, sort, descending, text_kind, FALSE);
  stmt = ph_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter, text_query);
  bind_named_int64 (stmt, ":limit", limit);
  bind_named_int64 (stmt, ":offset", MAX (offset, 0));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/**
 * ph_store_count_entries:
 * @filter: (nullable): as for ph_store_list_entries()
 *
 * Returns: how many entries @filter lets through, or -1 with @error set
 */
gint64
ph_store_count_entries (PhStore             *self,
                        const PhEntryFilter *filter,
                        GError             **error)
{
  g_autofree char *text_query = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  TextKind text_kind;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), -1);

  text_kind = build_text_query (filter != NULL ? filter->text : NULL, &text_query);
  sql = build_list_sql (filter, PH_ENTRY_SORT_RECEIVED, FALSE, text_kind, TRUE);
  stmt = ph_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;
  bind_filter (stmt, filter, text_query);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

/**
 * ph_store_explain_list:
 * @count: explain the count query instead of the page
 *
 * For tests and benchmarks: the `EXPLAIN QUERY PLAN` of the query that
 * ph_store_list_entries() (or ph_store_count_entries()) runs for @filter.
 *
 * Returns: (transfer full): one plan step per line
 */
char *
ph_store_explain_list (PhStore             *self,
                       const PhEntryFilter *filter,
                       PhEntrySort          sort,
                       gboolean             descending,
                       gboolean             count)
{
  g_autofree char *text_query = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *explain = NULL;
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  TextKind text_kind;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  text_kind = build_text_query (filter != NULL ? filter->text : NULL, &text_query);
  sql = build_list_sql (filter, sort, descending, text_kind, count);
  explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  if (sqlite3_prepare_v2 (ph_store_get_db (self), explain, -1, &stmt, NULL) == SQLITE_OK)
    {
      bind_filter (stmt, filter, text_query);
      bind_named_int64 (stmt, ":limit", 50);
      bind_named_int64 (stmt, ":offset", 0);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
  return g_string_free (plan, FALSE);
}

/**
 * ph_store_count_other_entries:
 * @source_key: a normalised source
 * @entry_id: an entry about @source_key not to count, or 0
 *
 * For "seen in N other entries".
 *
 * Returns: the number of entries about @source_key other than @entry_id, or
 *   -1 with @error set
 */
gint64
ph_store_count_other_entries (PhStore     *self,
                              const char  *source_key,
                              gint64       entry_id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), -1);
  g_return_val_if_fail (source_key != NULL, -1);

  stmt = ph_store_prepare (self, "SELECT coalesce ((SELECT entry_count FROM sources WHERE key = ?1), 0)"
                                 " - (SELECT count(*) FROM entries WHERE id = ?2 AND source_key = ?1)",
                           error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, source_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

/**
 * ph_store_get_source:
 * @source_key: a normalised source
 *
 * Returns: (transfer full): the source record, or %NULL with @error set
 */
PhSource *
ph_store_get_source (PhStore     *self,
                     const char  *source_key,
                     GError     **error)
{
  PhSource *source = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  g_return_val_if_fail (source_key != NULL, NULL);

  stmt = ph_store_prepare (self,
                           "SELECT s.key, s.display, s.kind, s.network, s.first_seen, s.last_seen,"
                           " s.entry_count,"
                           " (SELECT count(DISTINCT unit_id) FROM entries WHERE source_key = s.key),"
                           " (SELECT group_concat (category) FROM"
                           "   (SELECT DISTINCT category FROM entries WHERE source_key = s.key ORDER BY 1)),"
                           " (SELECT count(DISTINCT b.batch_id) FROM batch_entries b"
                           "   JOIN entries e ON e.id = b.entry_id WHERE e.source_key = s.key),"
                           " s.answer"
                           " FROM sources s WHERE s.key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, source_key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      source = g_new0 (PhSource, 1);
      source->key = ph_store_dup_column_text (stmt, 0);
      source->display = ph_store_dup_column_text (stmt, 1);
      source->kind = ph_source_kind_from_string ((const char *) sqlite3_column_text (stmt, 2));
      source->network = ph_store_dup_column_text (stmt, 3);
      source->first_seen = ph_store_dup_column_text (stmt, 4);
      source->last_seen = ph_store_dup_column_text (stmt, 5);
      source->entry_count = (guint) sqlite3_column_int (stmt, 6);
      source->unit_count = (guint) sqlite3_column_int (stmt, 7);
      source->categories = g_strdup (empty_if_null ((const char *) sqlite3_column_text (stmt, 8)));
      source->batch_count = (guint) sqlite3_column_int (stmt, 9);
      source->answer = ph_store_dup_column_text (stmt, 10);
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND,
                         _("No entry reports this source."));
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return source;
}

/**
 * ph_store_add_entry:
 * @document_id: an incoming document already registered
 * @entry: the new entry, as for ph_store_create_document(); its id, code and
 *   source fields are set on success, and its evidence is attached
 *
 * Adds one more entry to a registered document (a clerk correcting a document
 * that listed a number the first registration missed), with its audit rows.
 *
 * Returns: the entry's id, or 0 with @error set
 */
gint64
ph_store_add_entry (PhStore     *self,
                    gint64       document_id,
                    PhEntry     *entry,
                    GError     **error)
{
  g_autoptr(PhDocument) document = NULL;
  g_autofree char *now = ph_store_now ();

  g_return_val_if_fail (PH_IS_STORE (self), 0);
  g_return_val_if_fail (entry != NULL, 0);

  document = ph_store_get_document (self, document_id, error);
  if (document == NULL)
    return 0;
  if (!prepare_entry (entry, error))
    return 0;

  if (!ph_store_begin (self, error))
    return 0;
  if (!insert_entry (self, document, entry, now, error))
    {
      ph_store_rollback (self);
      entry->id = 0;
      g_clear_pointer (&entry->code, g_free);
      return 0;
    }
  ph_store_emit_changed (self, "entries", entry->id);
  if (!ph_store_commit (self, error))
    {
      entry->id = 0;
      g_clear_pointer (&entry->code, g_free);
      return 0;
    }
  return entry->id;
}
