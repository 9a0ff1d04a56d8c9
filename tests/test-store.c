/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case store: documents, entries, status rules, evidence, lists, search,
 * units, the exclusion list and the audit log. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "ph-demo.h"
#include "ph-store.h"
#include "ph-store-entries.h"
#include "ph-store-evidence.h"
#include "ph-store-maintenance.h"
#include "ph-store-private.h"
#include "ph-test-util.h"

static PhStore *
open_fresh_store (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("store");
  g_autoptr(GError) error = NULL;
  PhStore *store = ph_store_open (dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static char *
write_tmp_file (const char *name,
                GBytes     *bytes)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("files");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                       &error);
  g_assert_no_error (error);
  return path;
}

static PhEvidence *
import_png (PhStore *store,
            guint32  seed)
{
  g_autoptr(GBytes) png = ph_demo_make_png (16, 16, seed);
  g_autofree char *path = write_tmp_file ("man-hinh.png", png);
  g_autoptr(GError) error = NULL;
  PhEvidence *evidence = ph_store_import_evidence (store, path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (evidence);
  return evidence;
}

static PhEntry *
make_entry (const char *source,
            PhCategory  category,
            const char *content)
{
  PhEntry *entry = ph_entry_new ();

  entry->source_input = g_strdup (source);
  entry->category = category;
  entry->channel = PH_CHANNEL_CALL;
  entry->content = g_strdup (content);
  return entry;
}

/* One document from "UBND xã Quảng Xương" with the given entries; returns its id. */
static gint64
add_document (PhStore    *store,
              const char *received_on,
              GPtrArray  *entries)
{
  g_autoptr(PhDocument) document = ph_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  document->received_on = g_strdup (received_on);
  document->number = g_strdup ("125/UBND-VP");
  document->unit_name = g_strdup ("UBND xã Quảng Xương");
  document->summary = g_strdup ("Phản ánh số điện thoại có dấu hiệu vi phạm pháp luật");
  id = ph_store_create_document (store, document, entries, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_one (PhStore    *store,
         const char *source,
         PhCategory  category,
         const char *content)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);

  g_ptr_array_add (entries, make_entry (source, category, content));
  add_document (store, "2025-08-14", entries);
  return ((PhEntry *) g_ptr_array_index (entries, 0))->id;
}

static void
test_store_open (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(GPtrArray) exclusions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  gboolean found_police = FALSE, found_156 = FALSE, found_5656 = FALSE, found_113 = FALSE;

  g_assert_cmpint (ph_store_get_schema_version (store), ==, ph_store_get_latest_schema_version ());
  g_assert_true (g_file_test (ph_store_get_database_path (store), G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (ph_store_get_evidence_dir (store), G_FILE_TEST_IS_DIR));
  g_assert_cmpint (ph_store_get_max_evidence_size (store), ==, 50 * 1024 * 1024);

  exclusions = ph_store_list_exclusions (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < exclusions->len; i++)
    {
      PhExclusion *e = g_ptr_array_index (exclusions, i);

      /* Every seeded number says why it is excluded. */
      g_assert_cmpstr (e->reason, !=, "");
      found_police |= g_str_equal (e->source_key, "+84692348560");
      found_156 |= g_str_equal (e->source_key, "156");
      found_5656 |= g_str_equal (e->source_key, "5656");
      found_113 |= g_str_equal (e->source_key, "113");
    }
  g_assert_true (found_police);
  g_assert_true (found_156);
  g_assert_true (found_5656);
  g_assert_true (found_113);

  /* Opening again runs no migration and keeps the data. */
  db = g_strdup (ph_store_get_data_dir (store));
  g_clear_object (&store);
  store = ph_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ph_store_get_schema_version (store), ==, ph_store_get_latest_schema_version ());
}

static void
test_store_pragmas (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Another connection sees WAL, which is a property of the file. */
  g_assert_cmpint (sqlite3_open (ph_store_get_database_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, ph_store_get_latest_schema_version ());
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
count_changed (PhStore    *store,
               const char *what,
               gint64      id,
               guint      *count)
{
  (*count)++;
}

static void
test_store_create_document (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(PhDocument) document = ph_document_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
  g_autoptr(PhEvidence) shot = import_png (store, 7);
  g_autoptr(PhEntry) read = NULL;
  g_autoptr(PhDocument) read_document = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  PhEntry *first, *second;
  guint changed = 0;
  gint64 id;

  g_signal_connect (store, "changed::entries", G_CALLBACK (count_changed), &changed);

  first = make_entry ("0912.345.678", PH_CATEGORY_IMPERSONATION,
                      "Tự xưng cán bộ Sở, thông báo thu hồi số thuê bao, yêu cầu nộp tiền.");
  first->impersonated = g_strdup ("Sở Thông tin và Truyền thông");
  first->occurred_at = g_strdup ("2025-08-12T09:30");
  first->receiving_number = g_strdup ("0987 654 321");
  ph_entry_add_evidence (first, shot);
  g_ptr_array_add (entries, first);
  second = make_entry ("VAYNHANH24", PH_CATEGORY_SPAM, "Tin nhắn quảng cáo vay tiền nhanh.");
  second->channel = PH_CHANNEL_SMS;
  g_ptr_array_add (entries, second);

  document->received_on = g_strdup ("2025-08-14");
  document->number = g_strdup ("125/UBND-VP");
  document->unit_name = g_strdup ("UBND xã Quảng Xương");
  document->delivery = PH_DELIVERY_ELECTRONIC;
  id = ph_store_create_document (store, document, entries, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (document->unit_id, >, 0);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_cmpstr (first->code, ==, "PA-2025-000001");
  g_assert_cmpstr (second->code, ==, "PA-2025-000002");

  read = ph_store_get_entry (store, first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->source_key, ==, "+84912345678");
  g_assert_cmpstr (read->source_display, ==, "0912 345 678");
  g_assert_cmpstr (read->network, ==, "VinaPhone");
  g_assert_cmpint (read->source_kind, ==, PH_SOURCE_KIND_MOBILE);
  g_assert_cmpint (read->status, ==, PH_ENTRY_STATUS_RECEIVED);
  g_assert_cmpstr (read->unit_name, ==, "UBND xã Quảng Xương");
  g_assert_cmpstr (read->received_on, ==, "2025-08-14");
  g_assert_cmpstr (read->occurred_at, ==, "2025-08-12T09:30");
  g_assert_cmpstr (read->impersonated, ==, "Sở Thông tin và Truyền thông");
  g_assert_cmpuint (read->evidence_count, ==, 1);
  g_assert_cmpuint (read->evidence->len, ==, 1);
  g_assert_cmpstr (((PhEvidence *) read->evidence->pdata[0])->sha256, ==, shot->sha256);
  g_assert_cmpstr (((PhEvidence *) read->evidence->pdata[0])->mime, ==, "image/png");

  read_document = ph_store_get_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_document->number, ==, "125/UBND-VP");
  g_assert_cmpint (read_document->delivery, ==, PH_DELIVERY_ELECTRONIC);

  /* document + unit + 2 entries + 1 evidence, each audited */
  audit = ph_store_list_audit (store, "entry", first->id, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (((PhAuditRow *) audit->pdata[0])->action, ==, "evidence.add");
  g_assert_cmpstr (((PhAuditRow *) audit->pdata[1])->action, ==, "entry.create");
  g_assert_cmpint (ph_store_count_audit (store, NULL), ==, 5);

  /* every row's details are valid JSON, names with quotes and accents included */
  {
    g_autoptr(GPtrArray) all = ph_store_list_audit (store, NULL, 0, 0, 100, &error);

    for (guint i = 0; i < all->len; i++)
      {
        g_autoptr(JsonParser) parser = json_parser_new ();

        g_assert_true (json_parser_load_from_data (parser, ((PhAuditRow *) all->pdata[i])->details,
                                                   -1, &error));
        g_assert_no_error (error);
      }
    g_assert_nonnull (strstr (((PhAuditRow *) all->pdata[all->len - 1])->details, "UBND xã Quảng Xương"));
  }
}

static void
test_store_create_atomic (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(PhDocument) document = ph_document_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
  g_autoptr(PhEvidence) ghost = ph_evidence_new ();
  g_autoptr(GError) error = NULL;
  PhEntry *second;

  g_ptr_array_add (entries, make_entry ("0912345678", PH_CATEGORY_SCAM, "a"));
  second = make_entry ("0987654321", PH_CATEGORY_SCAM, "b");
  /* evidence whose file is not in the store: the whole document must fail */
  ghost->sha256 = g_strnfill (64, 'a');
  ghost->size = 10;
  ghost->mime = g_strdup ("image/png");
  ghost->kind = PH_EVIDENCE_KIND_IMAGE;
  ph_entry_add_evidence (second, ghost);
  g_ptr_array_add (entries, second);

  document->received_on = g_strdup ("2025-08-14");
  document->unit_name = g_strdup ("Sở Y tế");
  g_assert_cmpint (ph_store_create_document (store, document, entries, &error), ==, 0);
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_CORRUPT);
  g_assert_cmpint (document->id, ==, 0);
  g_assert_cmpint (ph_store_count_entries (store, NULL, NULL), ==, 0);
  g_assert_cmpint (ph_store_count_audit (store, NULL), ==, 0);
  g_clear_error (&error);

  /* an invalid source is refused before anything is written */
  g_ptr_array_set_size (entries, 0);
  g_ptr_array_add (entries, make_entry ("0912345678", PH_CATEGORY_SCAM, "a"));
  g_ptr_array_add (entries, make_entry ("12", PH_CATEGORY_SCAM, "b"));
  g_assert_cmpint (ph_store_create_document (store, document, entries, &error), ==, 0);
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Entry 2: "));
  g_assert_cmpint (ph_store_count_entries (store, NULL, NULL), ==, 0);
  g_clear_error (&error);

  /* no date, no entries */
  g_clear_pointer (&document->received_on, g_free);
  g_assert_cmpint (ph_store_create_document (store, document, entries, &error), ==, 0);
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  document->received_on = g_strdup ("2025-02-30");
  g_assert_cmpint (ph_store_create_document (store, document, entries, &error), ==, 0);
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (document->received_on);
  document->received_on = g_strdup ("2025-02-28");
  g_ptr_array_set_size (entries, 0);
  g_assert_cmpint (ph_store_create_document (store, document, entries, &error), ==, 0);
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
}

static void
test_store_update_delete (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PhEntry) entry = NULL;
  g_autoptr(PhEntry) again = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id = add_one (store, "0912 345 678", PH_CATEGORY_SCAM, "Gọi điện lừa đảo");

  entry = ph_store_get_entry (store, id, &error);
  g_assert_no_error (error);
  g_free (entry->source_input);
  entry->source_input = g_strdup ("0162 345 6789");
  g_free (entry->notes);
  entry->notes = g_strdup ("Số cũ 11 chữ số");
  g_assert_true (ph_store_update_entry (store, entry, &error));
  g_assert_no_error (error);

  again = ph_store_get_entry (store, id, &error);
  g_assert_cmpstr (again->source_key, ==, "+84323456789");
  g_assert_cmpstr (again->network, ==, "Viettel");
  g_assert_cmpstr (again->notes, ==, "Số cũ 11 chữ số");

  audit = ph_store_list_audit (store, "entry", id, 0, 1, &error);
  g_assert_cmpstr (((PhAuditRow *) audit->pdata[0])->action, ==, "entry.update");
  g_assert_nonnull (strstr (((PhAuditRow *) audit->pdata[0])->details, "\"source\""));
  /* the history can name the entry by its code whatever the details hold */
  g_assert_cmpstr (((PhAuditRow *) audit->pdata[0])->object_code, ==, again->code);

  /* the source record followed the change */
  g_assert_cmpint (ph_store_count_other_entries (store, "+84912345678", 0, NULL), ==, 0);
  g_assert_cmpint (ph_store_count_other_entries (store, "+84323456789", 0, NULL), ==, 1);

  g_assert_true (ph_store_delete_entry (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (ph_store_get_entry (store, id, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ph_store_count_other_entries (store, "+84323456789", 0, NULL), ==, 0);
  g_assert_false (ph_store_delete_entry (store, id, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND);
}

static void
test_store_status_rules (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PhEntry) entry = NULL;
  gint64 id = add_one (store, "0912 345 678", PH_CATEGORY_SCAM, "x");
  gint64 other = add_one (store, "0987 654 321", PH_CATEGORY_SCAM, "y");

  /* the C table and the database agree on every pair */
  for (PhEntryStatus from = PH_ENTRY_STATUS_RECEIVED; from <= PH_ENTRY_STATUS_REJECTED; from++)
    for (PhEntryStatus to = PH_ENTRY_STATUS_RECEIVED; to <= PH_ENTRY_STATUS_REJECTED; to++)
      {
        gboolean expected = (from == PH_ENTRY_STATUS_RECEIVED && (to == PH_ENTRY_STATUS_VERIFIED || to == PH_ENTRY_STATUS_REJECTED)) ||
                            (from == PH_ENTRY_STATUS_VERIFIED && (to == PH_ENTRY_STATUS_IN_BATCH || to == PH_ENTRY_STATUS_RECEIVED)) ||
                            (from == PH_ENTRY_STATUS_IN_BATCH && (to == PH_ENTRY_STATUS_SENT || to == PH_ENTRY_STATUS_VERIFIED)) ||
                            (from == PH_ENTRY_STATUS_SENT && to == PH_ENTRY_STATUS_ANSWERED) ||
                            (from == PH_ENTRY_STATUS_REJECTED && to == PH_ENTRY_STATUS_RECEIVED);

        g_assert_cmpint (ph_entry_status_can_change (from, to), ==, expected);
      }

  /* received → sent: refused */
  g_assert_false (ph_store_set_entry_status (store, id, PH_ENTRY_STATUS_SENT, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* reject needs a reason */
  g_assert_false (ph_store_reject_entry (store, id, "  ", &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ph_store_reject_entry (store, id, "Số chính thức của cơ quan", &error));
  g_assert_no_error (error);
  {
    /* the audit details are JSON that keeps the words as written */
    g_autoptr(GPtrArray) rows = ph_store_list_audit (store, "entry", id, 0, 1, &error);
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *details;

    g_assert_true (json_parser_load_from_data (parser, ((PhAuditRow *) rows->pdata[0])->details, -1, &error));
    g_assert_no_error (error);
    details = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (details, "reason"), ==, "Số chính thức của cơ quan");
    g_assert_cmpstr (((PhAuditRow *) rows->pdata[0])->action, ==, "entry.status.rejected");
  }
  entry = ph_store_get_entry (store, id, &error);
  g_assert_cmpint (entry->status, ==, PH_ENTRY_STATUS_REJECTED);
  g_assert_cmpstr (entry->reject_reason, ==, "Số chính thức của cơ quan");
  g_clear_pointer (&entry, ph_entry_free);

  /* rejected → verified: refused; reopen, then verify */
  g_assert_false (ph_store_verify_entry (store, id, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (ph_store_set_entry_status (store, id, PH_ENTRY_STATUS_RECEIVED, NULL, &error));
  g_assert_true (ph_store_verify_entry (store, id, &error));
  g_assert_no_error (error);

  /* a verified entry cannot be deleted, and goes into a batch only through one */
  g_assert_false (ph_store_delete_entry (store, id, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (ph_store_set_entry_status (store, id, PH_ENTRY_STATUS_IN_BATCH, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* the database itself refuses what the API would: a received entry in a batch */
  {
    sqlite3 *db = NULL;
    char *message = NULL;

    g_assert_cmpint (sqlite3_open (ph_store_get_database_path (store), &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO batches (created_by, created_at, updated_at)"
                                       " VALUES ('x', 'now', 'now')", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, g_strdup_printf ("INSERT INTO batch_entries VALUES (1, %"
                                   G_GINT64_FORMAT ", 1)", other), NULL, NULL, &message), !=, SQLITE_OK);
    g_assert_nonnull (strstr (message, "ph:not-verified"));
    sqlite3_free (message);
    g_assert_cmpint (sqlite3_exec (db, g_strdup_printf ("UPDATE entries SET status = 'answered' WHERE id = %"
                                   G_GINT64_FORMAT, other), NULL, NULL, &message), !=, SQLITE_OK);
    g_assert_nonnull (strstr (message, "ph:status-change"));
    sqlite3_free (message);

    /* a verified entry in a batch is frozen */
    g_assert_cmpint (sqlite3_exec (db, g_strdup_printf ("INSERT INTO batch_entries VALUES (1, %"
                                   G_GINT64_FORMAT ", 1)", id), NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_true (ph_store_set_entry_status (store, id, PH_ENTRY_STATUS_IN_BATCH, NULL, &error));
  g_assert_no_error (error);
  entry = ph_store_get_entry (store, id, &error);
  g_free (entry->content);
  entry->content = g_strdup ("changed after signing");
  g_assert_false (ph_store_update_entry (store, entry, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (ph_store_set_entry_status (store, id, PH_ENTRY_STATUS_SENT, NULL, &error));
  g_assert_true (ph_store_set_entry_status (store, id, PH_ENTRY_STATUS_ANSWERED, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ph_store_set_entry_status (store, id, PH_ENTRY_STATUS_RECEIVED, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED);
}

static void
test_store_evidence (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PhEvidence) a = import_png (store, 3);
  g_autoptr(PhEvidence) b = import_png (store, 3);
  g_autoptr(GBytes) wav = ph_demo_make_wav (100, 1);
  g_autofree char *wav_path = write_tmp_file ("ghi-am.amr", wav);
  g_autoptr(PhEvidence) recording = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GStatBuf st;
  gint64 id;

  /* the same content is stored once, read-only, under its hash */
  g_assert_cmpstr (a->sha256, ==, b->sha256);
  path = ph_store_dup_evidence_path (store, a->sha256);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0222, ==, 0);
  g_assert_cmpint (st.st_size, ==, a->size);
  g_assert_cmpstr (a->original_name, ==, "man-hinh.png");

  /* a stored file damaged behind the store's back is repaired by importing it again */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (g_file_set_contents (path, "damaged", -1, NULL));
  {
    g_autoptr(PhEvidence) again = import_png (store, 3);
    g_autofree char *contents = NULL;
    g_autofree char *hash = NULL;
    gsize length;

    g_assert_cmpstr (again->sha256, ==, a->sha256);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
    g_assert_cmpstr (hash, ==, a->sha256);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0222, ==, 0);
  }

  /* the type comes from the content, not the name */
  recording = ph_store_import_evidence (store, wav_path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (recording->mime, ==, "audio/wav");
  g_assert_cmpint (recording->kind, ==, PH_EVIDENCE_KIND_AUDIO);

  id = add_one (store, "0912 345 678", PH_CATEGORY_SCAM, "x");
  g_assert_cmpint (ph_store_add_evidence (store, id, recording, &error), >, 0);
  g_assert_no_error (error);
  list = ph_store_list_evidence (store, id, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (ph_store_remove_evidence (store, ((PhEvidence *) list->pdata[0])->id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PhEntry) entry = ph_store_get_entry (store, id, &error);

    g_assert_cmpuint (entry->evidence_count, ==, 0);
  }
  /* the file stays */
  g_clear_pointer (&path, g_free);
  path = ph_store_dup_evidence_path (store, recording->sha256);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_store_evidence_sniff (void)
{
  static const struct { const char *bytes; gsize len; const char *mime; } cases[] = {
    { "\x89PNG\r\n\x1a\n\0\0", 10, "image/png" },
    { "\xff\xd8\xff\xe0\0\x10JFIF", 10, "image/jpeg" },
    { "RIFF\0\0\0\0WEBPVP8 ", 16, "image/webp" },
    { "RIFF\0\0\0\0WAVEfmt ", 16, "audio/wav" },
    { "#!AMR\n\x3c", 7, "audio/amr" },
    { "#!AMR-WB\n", 9, "audio/amr-wb" },
    { "ID3\x04\0\0\0\0", 8, "audio/mpeg" },
    { "\xff\xfb\x90\x64", 4, "audio/mpeg" },
    { "\0\0\0\x20" "ftypM4A \0\0\0\0", 16, "audio/mp4" },
    { "\0\0\0\x20" "ftypisom\0\0\0\0", 16, "video/mp4" },
    { "OggS\0\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x13OpusHead", 36, "audio/ogg" },
    { "%PDF-1.7\n", 9, "application/pdf" },
    { "PK\x03\x04", 4, NULL },
    { "MZ\x90\0", 4, NULL },
    { "hello world", 11, NULL },
    { "OggS\0\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x13\x80theora", 35, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (ph_evidence_sniff ((const guint8 *) cases[i].bytes, cases[i].len, NULL), ==,
                     cases[i].mime);
}

static void
test_store_evidence_refusals (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("MZ this is a program", 20);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) png = ph_demo_make_png (64, 64, 1);
  g_autofree char *exe = write_tmp_file ("anh.png", text);
  g_autofree char *nothing = write_tmp_file ("rong.png", empty);
  g_autofree char *big = write_tmp_file ("lon.png", png);
  g_autofree char *folder = ph_test_make_tmp_dir ("folder");
  g_autofree char *missing = g_build_filename (folder, "khong-co.png", NULL);
  g_autofree char *staging = g_build_filename (ph_store_get_evidence_dir (store), ".staging", NULL);
  g_autoptr(GDir) dir = NULL;

  g_assert_null (ph_store_import_evidence (store, exe, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_TYPE);
  g_assert_nonnull (strstr (error->message, "anh.png"));
  g_clear_error (&error);

  g_assert_null (ph_store_import_evidence (store, nothing, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_EMPTY);
  g_clear_error (&error);

  g_assert_null (ph_store_import_evidence (store, folder, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_NOT_FILE);
  g_clear_error (&error);

  g_assert_null (ph_store_import_evidence (store, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "khong-co.png"));
  g_clear_error (&error);

  g_assert_true (ph_store_set_setting (store, "evidence.max-size", "1000", &error));
  g_assert_no_error (error);
  g_assert_null (ph_store_import_evidence (store, big, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_TOO_BIG);
  g_clear_error (&error);
  g_assert_false (ph_store_set_setting (store, "evidence.max-size", "lots", &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* nothing is left behind by a refusal */
  dir = g_dir_open (staging, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_store_list (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) units = NULL;
  PhEntryFilter filter = { 0 };
  gint64 scam, police;

  scam = add_one (store, "0912 345 678", PH_CATEGORY_SCAM, "Cuộc gọi lừa đảo chiếm đoạt tài sản");
  police = add_one (store, "+84 987 654 321", PH_CATEGORY_IMPERSONATION,
                    "Mạo danh Công an tỉnh Đắk Lắk yêu cầu chuyển tiền");
  add_one (store, "0912345678", PH_CATEGORY_DEBT_COLLECTION, "Đòi nợ app vay tiền");

  g_assert_cmpint (ph_store_count_entries (store, NULL, &error), ==, 3);

  filter.category = PH_CATEGORY_IMPERSONATION;
  page = ph_store_list_entries (store, &filter, PH_ENTRY_SORT_RECEIVED, TRUE, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpint (((PhEntry *) page->pdata[0])->id, ==, police);
  g_clear_pointer (&page, g_ptr_array_unref);

  /* folded words: "lua dao" finds "lừa đảo", "dak lak" finds "Đắk Lắk" */
  memset (&filter, 0, sizeof filter);
  filter.text = "lua dao";
  page = ph_store_list_entries (store, &filter, PH_ENTRY_SORT_RECEIVED, TRUE, 0, 50, &error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpint (((PhEntry *) page->pdata[0])->id, ==, scam);
  g_clear_pointer (&page, g_ptr_array_unref);
  filter.text = "DAK LAK";
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 1);
  filter.text = "quang xuong";   /* the unit's name */
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 3);
  /* the document's and the unit's words follow their changes */
  {
    g_autoptr(PhEntry) entry = ph_store_get_entry (store, scam, &error);
    sqlite3 *db = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE documents SET summary = 'Công văn khẩn của Sở Y tế'"
                                            " WHERE id = %" G_GINT64_FORMAT ";"
                                            "UPDATE units SET name = 'UBND phường Hạc Thành'"
                                            " WHERE id = %" G_GINT64_FORMAT, entry->document_id,
                                            entry->unit_id);

    g_assert_cmpint (sqlite3_open (ph_store_get_database_path (store), &db), ==, SQLITE_OK);
    ph_store_register_functions (db);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    filter.text = "van khan";
    g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 1);
    filter.text = "hac thanh";
    g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 3);
    filter.text = "quang xuong";
    g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 0);
  }
  filter.text = "\"; DROP TABLE entries; --";
  g_assert_cmpint (ph_store_count_entries (store, &filter, &error), ==, 0);
  g_assert_no_error (error);

  /* digits, however typed */
  filter.text = "0912 345";
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 2);
  filter.text = "912345";
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 2);
  filter.text = "+84 987";
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 1);
  filter.text = "0987.654";
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 1);
  filter.text = "555 555";
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 0);

  /* network, date range, paging */
  memset (&filter, 0, sizeof filter);
  filter.network = "VinaPhone";
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 2);
  memset (&filter, 0, sizeof filter);
  filter.received_from = "2025-08-15";
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 0);
  filter.received_from = "2025-08-14";
  filter.received_to = "2025-08-14";
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 3);
  page = ph_store_list_entries (store, NULL, PH_ENTRY_SORT_CODE, FALSE, 1, 1, &error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpstr (((PhEntry *) page->pdata[0])->code, ==, "PA-2025-000002");
  g_clear_pointer (&page, g_ptr_array_unref);

  /* seen in N other entries */
  g_assert_cmpint (ph_store_count_other_entries (store, "+84912345678", scam, &error), ==, 1);
  {
    g_autoptr(PhSource) source = ph_store_get_source (store, "+84912345678", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (source->entry_count, ==, 2);
    g_assert_cmpuint (source->unit_count, ==, 1);
    g_assert_cmpstr (source->categories, ==, "debt-collection,scam");
    g_assert_cmpstr (source->first_seen, ==, "2025-08-14");
    g_assert_cmpstr (source->answer, ==, "not-sent");
  }

  /* units */
  units = ph_store_list_units (store, &error);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpuint (((PhUnit *) units->pdata[0])->entry_count, ==, 3);
  g_assert_cmpint (ph_store_create_unit (store, "Sở Y tế", &error), >, 0);
  g_assert_cmpint (ph_store_create_unit (store, " Sở Y tế ", &error), ==, 0);
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ph_store_create_unit (store, "  ", &error), ==, 0);
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
}

static void
test_store_exclusions (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PhExclusion) found = NULL;
  gint64 id;

  found = ph_store_find_exclusion (store, "069.234.8560", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_clear_pointer (&found, ph_exclusion_free);

  g_assert_null (ph_store_find_exclusion (store, "0912 345 678", &error));
  id = ph_store_add_exclusion (store, "0912 345 678", "Số của cán bộ Sở", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  found = ph_store_find_exclusion (store, "+84912345678", &error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->reason, ==, "Số của cán bộ Sở");

  g_assert_cmpint (ph_store_add_exclusion (store, "0912.345.678", NULL, &error), ==, 0);
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ph_store_add_exclusion (store, "12", NULL, &error), ==, 0);
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ph_store_remove_exclusion (store, id, &error));
  g_assert_no_error (error);
  g_assert_false (ph_store_remove_exclusion (store, id, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND);
}

static void
test_store_audit_append_only (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  add_one (store, "0912 345 678", PH_CATEGORY_SCAM, "x");
  rows = ph_store_list_audit (store, NULL, 0, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);

  /* each row chains to the one before it */
  for (guint i = 0; i < rows->len; i++)
    {
      PhAuditRow *row = g_ptr_array_index (rows, i);
      g_autofree char *hash = ph_audit_compute_hash (row->prev_hash, row->id, row->at, row->actor,
                                                     row->action, row->object_type, row->object_id,
                                                     row->details);

      g_assert_cmpstr (hash, ==, row->hash);
      if (i + 1 < rows->len)
        g_assert_cmpstr (row->prev_hash, ==, ((PhAuditRow *) rows->pdata[i + 1])->hash);
    }

  g_assert_cmpint (sqlite3_open (ph_store_get_database_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit_log SET actor = 'someone' WHERE id = 1",
                                 NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "ph:audit-append-only"));
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "ph:audit-append-only"));
  sqlite3_free (message);
  sqlite3_close (db);
}

static void
test_store_demo (void)
{
  g_autoptr(PhStore) a = open_fresh_store ();
  g_autoptr(PhStore) b = open_fresh_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page_a = NULL;
  g_autoptr(GPtrArray) page_b = NULL;
  g_autoptr(GPtrArray) units = NULL;
  PhEntryFilter filter = { 0 };

  g_assert_true (ph_demo_fill (a, 60, 42, PH_DEMO_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ph_demo_fill (b, 60, 42, PH_DEMO_FLAGS_NO_EVIDENCE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ph_store_count_entries (a, NULL, NULL), ==, 60);

  /* deterministic: the same seed gives the same entries */
  page_a = ph_store_list_entries (a, NULL, PH_ENTRY_SORT_CODE, FALSE, 0, 60, &error);
  page_b = ph_store_list_entries (b, NULL, PH_ENTRY_SORT_CODE, FALSE, 0, 60, &error);
  for (guint i = 0; i < 60; i++)
    {
      PhEntry *x = page_a->pdata[i], *y = page_b->pdata[i];

      g_assert_cmpstr (x->source_key, ==, y->source_key);
      g_assert_cmpstr (x->content, ==, y->content);
      g_assert_cmpuint (x->evidence_count, >, 0);
      g_assert_cmpuint (y->evidence_count, ==, 0);
    }

  /* realistic: several units and networks, Vietnamese content */
  units = ph_store_list_units (a, &error);
  g_assert_cmpuint (units->len, >, 5);
  filter.text = "cong an";
  g_assert_cmpint (ph_store_count_entries (a, &filter, NULL), >, 0);
}

typedef struct
{
  GAsyncResult *result;
  guint         progress_calls;
  guint64       last_done;
  guint64       last_total;
} AsyncState;

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = g_object_ref (result);
}

static void
async_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  AsyncState *state = user_data;

  /* called on the main thread, in order */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpuint (done, >=, state->last_done);
  state->progress_calls++;
  state->last_done = done;
  state->last_total = total;
}

static void
wait_for (AsyncState *state)
{
  while (state->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_store_async (void)
{
  g_autoptr(PhStore) store = open_fresh_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) wav = ph_demo_make_wav (3000, 9);
  g_autoptr(GBytes) png = ph_demo_make_png (300, 300, 9);
  g_autofree char *wav_path = write_tmp_file ("ghi-am.wav", wav);
  g_autofree char *png_path = write_tmp_file ("anh.png", png);
  g_autofree char *backup = g_build_filename (ph_test_get_data_dir (), "async-backup", NULL);
  g_autofree char *backup_db = g_build_filename (backup, PH_STORE_DATABASE_NAME, NULL);
  const char *paths[] = { wav_path, png_path, NULL };
  const char *bad_paths[] = { wav_path, ph_test_get_data_dir (), NULL };
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
  AsyncState state = { 0 };
  PhVerifyCounts counts;
  PhEntry *entry;

  /* the intake dialog: copy off the main thread with progress, then one transaction */
  ph_store_import_evidence_async (store, paths, async_progress, &state, NULL, NULL, async_done, &state);
  wait_for (&state);
  imported = ph_store_import_evidence_finish (store, state.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->len, ==, 2);
  g_assert_cmpstr (((PhEvidence *) imported->pdata[0])->mime, ==, "audio/wav");
  g_assert_cmpstr (((PhEvidence *) imported->pdata[1])->mime, ==, "image/png");
  g_assert_cmpuint (state.progress_calls, >, 0);
  g_assert_cmpuint (state.last_done, ==, state.last_total);
  g_assert_cmpuint (state.last_total, ==, g_bytes_get_size (wav) + g_bytes_get_size (png));
  g_clear_object (&state.result);

  entry = make_entry ("0912 345 678", PH_CATEGORY_SCAM, "x");
  for (guint i = 0; i < imported->len; i++)
    ph_entry_add_evidence (entry, imported->pdata[i]);
  g_ptr_array_add (entries, entry);
  add_document (store, "2025-08-14", entries);
  g_assert_cmpuint (entry->evidence_count, ==, 2);

  /* a refused file ends the import with its error */
  memset (&state, 0, sizeof state);
  ph_store_import_evidence_async (store, bad_paths, NULL, NULL, NULL, NULL, async_done, &state);
  wait_for (&state);
  g_assert_null (ph_store_import_evidence_finish (store, state.result, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_NOT_FILE);
  g_clear_error (&error);
  g_clear_object (&state.result);

  /* verify and backup, each on a connection of its own */
  memset (&state, 0, sizeof state);
  ph_store_verify_async (store, async_progress, &state, NULL, NULL, async_done, &state);
  wait_for (&state);
  problems = ph_store_verify_finish (store, state.result, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (counts.evidence_files, ==, 2);
  g_assert_cmpint (counts.audit_rows, ==, ph_store_count_audit (store, NULL));
  g_clear_object (&state.result);

  memset (&state, 0, sizeof state);
  ph_store_backup_async (store, backup, async_progress, &state, NULL, NULL, async_done, &state);
  wait_for (&state);
  g_assert_true (ph_store_backup_finish (store, state.result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup_db, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (state.progress_calls, >, 0);
  g_clear_object (&state.result);
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);

  g_test_add_func ("/phananh/store/open", test_store_open);
  g_test_add_func ("/phananh/store/pragmas", test_store_pragmas);
  g_test_add_func ("/phananh/store/create-document", test_store_create_document);
  g_test_add_func ("/phananh/store/create-atomic", test_store_create_atomic);
  g_test_add_func ("/phananh/store/update-delete", test_store_update_delete);
  g_test_add_func ("/phananh/store/status-rules", test_store_status_rules);
  g_test_add_func ("/phananh/store/evidence", test_store_evidence);
  g_test_add_func ("/phananh/store/evidence-sniff", test_store_evidence_sniff);
  g_test_add_func ("/phananh/store/evidence-refusals", test_store_evidence_refusals);
  g_test_add_func ("/phananh/store/list", test_store_list);
  g_test_add_func ("/phananh/store/exclusions", test_store_exclusions);
  g_test_add_func ("/phananh/store/audit-append-only", test_store_audit_append_only);
  g_test_add_func ("/phananh/store/demo", test_store_demo);
  g_test_add_func ("/phananh/store/async", test_store_async);

  return g_test_run ();
}
