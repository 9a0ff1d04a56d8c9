/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What must hold whatever happens to the case store: verify finds edits made
 * behind its back, backups restore only when sound, old schemas upgrade,
 * lists use indexes, a killed import leaves nothing half done, and a store or
 * file that cannot be written or read is refused with a clear error. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ph-demo.h"
#include "ph-demo-batches.h"
#include "ph-store.h"
#include "ph-store-entries.h"
#include "ph-store-evidence.h"
#include "ph-store-maintenance.h"
#include "ph-store-migrations.h"
#include "ph-store-private.h"
#include "ph-test-util.h"

static PhStore *
open_store_in (const char *dir)
{
  g_autoptr(GError) error = NULL;
  PhStore *store = ph_store_open (dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static PhStore *
demo_store (guint n)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("store");
  g_autoptr(GError) error = NULL;
  PhStore *store = open_store_in (dir);

  g_assert_true (ph_demo_fill (store, n, 11, PH_DEMO_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static GPtrArray *
verify (PhStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = ph_store_verify (store, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  return problems;
}

static void
exec_sql (const char *db_path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static char *
first_evidence_path (PhStore *store,
                     char   **sha256)
{
  g_autoptr(GPtrArray) page = ph_store_list_entries (store, NULL, PH_ENTRY_SORT_CODE, FALSE, 0, 1, NULL);
  g_autoptr(GPtrArray) evidence = ph_store_list_evidence (store, ((PhEntry *) page->pdata[0])->id, 0, NULL);
  PhEvidence *first = g_ptr_array_index (evidence, 0);

  *sha256 = g_strdup (first->sha256);
  return ph_store_dup_evidence_path (store, first->sha256);
}

static void
test_verify_clean (void)
{
  g_autoptr(PhStore) store = demo_store (30);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  PhVerifyCounts counts;

  problems = ph_store_verify (store, &counts, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (counts.audit_rows, ==, ph_store_count_audit (store, NULL));
  g_assert_cmpint (counts.evidence_files, >, 30);
}

static void
test_verify_audit_edit (void)
{
  g_autoptr(PhStore) store = demo_store (10);
  g_autoptr(GPtrArray) problems = NULL;
  gboolean named = FALSE, guard = FALSE;

  /* behind the store's back: the guard dropped, row 7 edited */
  exec_sql (ph_store_get_database_path (store),
            "DROP TRIGGER audit_log_no_update;"
            "UPDATE audit_log SET actor = 'mallory' WHERE id = 7;");
  problems = verify (store);
  for (guint i = 0; i < problems->len; i++)
    {
      PhProblem *p = g_ptr_array_index (problems, i);

      g_assert_cmpint (p->kind, ==, PH_PROBLEM_AUDIT);
      if (p->row == 7 && strstr (p->message, "row 7") != NULL)
        named = TRUE;
      if (strstr (p->message, "audit_log_no_update") != NULL)
        guard = TRUE;
    }
  g_assert_true (named);
  g_assert_true (guard);
  g_assert_cmpuint (problems->len, ==, 2);
}

static void
test_verify_audit_recomputed (void)
{
  g_autoptr(PhStore) store = demo_store (10);
  g_autoptr(GPtrArray) rows = ph_store_list_audit (store, NULL, 0, 0, 1000, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  PhAuditRow *row = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;

  /* a forger who recomputes the edited row's own hash breaks the next link */
  for (guint i = 0; i < rows->len; i++)
    if (((PhAuditRow *) rows->pdata[i])->id == 4)
      row = rows->pdata[i];
  hash = ph_audit_compute_hash (row->prev_hash, row->id, row->at, "mallory", row->action,
                                row->object_type, row->object_id, row->details);
  sql = g_strdup_printf ("DROP TRIGGER audit_log_no_update;"
                         "UPDATE audit_log SET actor = 'mallory', hash = '%s' WHERE id = 4;"
                         "DROP TRIGGER audit_log_no_delete;"
                         "DELETE FROM audit_log WHERE id = 9;", hash);
  exec_sql (ph_store_get_database_path (store), sql);

  problems = verify (store);
  {
    gboolean link5 = FALSE, gap9 = FALSE;

    for (guint i = 0; i < problems->len; i++)
      {
        PhProblem *p = g_ptr_array_index (problems, i);

        link5 |= p->row == 5 && strstr (p->message, "row 5") != NULL;
        gap9 |= p->row == 10 && strstr (p->message, "9") != NULL;
      }
    g_assert_true (link5);
    g_assert_true (gap9);
  }
}

static void
test_verify_evidence (void)
{
  g_autoptr(PhStore) store = demo_store (10);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *path = first_evidence_path (store, &sha256);
  int fd;

  /* altered */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  fd = open (path, O_WRONLY | O_APPEND);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "x", 1), ==, 1);
  close (fd);
  problems = verify (store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((PhProblem *) problems->pdata[0])->kind, ==, PH_PROBLEM_EVIDENCE);
  g_assert_cmpstr (((PhProblem *) problems->pdata[0])->name, ==, sha256);
  g_assert_nonnull (strstr (((PhProblem *) problems->pdata[0])->message, sha256));
  g_assert_nonnull (strstr (((PhProblem *) problems->pdata[0])->message, "altered"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* deleted */
  g_assert_cmpint (g_unlink (path), ==, 0);
  problems = verify (store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((PhProblem *) problems->pdata[0])->message, sha256));
  g_assert_nonnull (strstr (((PhProblem *) problems->pdata[0])->message, "missing"));
}

static void
test_backup_restore (void)
{
  g_autoptr(PhStore) store = demo_store (20);
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_strdup (ph_store_get_data_dir (store));
  g_autofree char *backup = g_build_filename (ph_test_get_data_dir (), "backup-1", NULL);
  g_autofree char *backup2 = g_build_filename (ph_test_get_data_dir (), "backup-2", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup_file = NULL;
  gint64 entries = ph_store_count_entries (store, NULL, NULL);
  PhEntryFilter filter = { 0 };
  char prefix[3] = { 0 };

  g_assert_true (ph_store_backup (store, backup, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* a backup never overwrites another */
  g_assert_false (ph_store_backup (store, backup, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* the store moves on after the backup; restoring brings it back */
  g_assert_true (ph_demo_fill (store, 5, 99, PH_DEMO_FLAGS_NO_EVIDENCE, NULL, NULL, NULL, &error));
  g_assert_cmpint (ph_store_count_entries (store, NULL, NULL), ==, entries + 5);
  g_clear_object (&store);

  g_assert_true (ph_store_restore (data_dir, backup, &kept, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_DIR));
  store = open_store_in (data_dir);
  g_assert_cmpint (ph_store_count_entries (store, NULL, NULL), ==, entries);
  filter.text = "cong an";
  g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), >, 0);
  {
    g_autoptr(GPtrArray) problems = verify (store);

    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* a damaged backup is refused and nothing is replaced */
  path = first_evidence_path (store, &sha256);
  memcpy (prefix, sha256, 2);
  backup_file = g_build_filename (backup, "evidence", prefix, sha256, NULL);
  g_assert_cmpint (g_chmod (backup_file, 0644), ==, 0);
  g_assert_true (g_file_set_contents (backup_file, "not the evidence", -1, NULL));
  ph_demo_fill (store, 3, 5, PH_DEMO_FLAGS_NO_EVIDENCE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (ph_store_restore (data_dir, backup, NULL, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, sha256));
  g_clear_error (&error);
  store = open_store_in (data_dir);
  g_assert_cmpint (ph_store_count_entries (store, NULL, NULL), ==, entries + 3);

  /* so is a backup whose audit log was edited */
  g_assert_true (ph_store_backup (store, backup2, NULL, NULL, NULL, &error));
  {
    g_autofree char *db = g_build_filename (backup2, PH_STORE_DATABASE_NAME, NULL);

    exec_sql (db, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = '{}' WHERE id = 3;");
  }
  g_clear_object (&store);
  g_assert_false (ph_store_restore (data_dir, backup2, NULL, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "audit"));
  g_clear_error (&error);

  /* not a backup at all */
  g_assert_false (ph_store_restore (data_dir, ph_test_get_data_dir (), NULL, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID);
}

/* The rows a database of each schema version gets before it is upgraded;
 * append one for each new version whose tables the old rows must fit. */
static const char fixture_v1[] =
  "INSERT INTO units (id, name, created_at) VALUES (1, 'UBND xã Quảng Xương', '2025-08-14T01:00:00Z');"
  "INSERT INTO documents (id, received_on, number, unit_id, delivery, summary, created_by, created_at)"
  " VALUES (1, '2025-08-14', '125/UBND-VP', 1, 'paper', 'Phản ánh', 'clerk', '2025-08-14T01:00:00Z');"
  "INSERT INTO entries (id, code, document_id, unit_id, received_on, source_input, source_key,"
  " source_e164, source_display, source_kind, network, category, channel, content, status,"
  " created_at, updated_at) VALUES (1, 'PA-2025-000001', 1, 1, '2025-08-14', '0912.345.678',"
  " '+84912345678', '+84912345678', '0912 345 678', 'mobile', 'VinaPhone', 'scam', 'call',"
  " 'Cuộc gọi lừa đảo chiếm đoạt tài sản', 'received', '2025-08-14T01:00:00Z', '2025-08-14T01:00:00Z');"
  "INSERT INTO sequences (name, value) VALUES ('entry-2025', 1);";

static void
test_migrations (void)
{
  guint n;
  const PhMigration *migrations = ph_store_get_migrations (&n);

  /* from every earlier version, including none at all */
  for (int from = 0; from < migrations[n - 1].version; from++)
    {
      g_autofree char *dir = ph_test_make_tmp_dir ("migrate");
      g_autoptr(GError) error = NULL;
      g_autoptr(PhStore) old = ph_store_open_at_version (dir, from, &error);
      g_autoptr(PhStore) store = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      PhEntryFilter filter = { 0 };

      g_assert_no_error (error);
      g_assert_cmpint (ph_store_get_schema_version (old), ==, from);
      if (from >= 1)
        g_assert_true (ph_store_exec (old, fixture_v1, &error));
      g_assert_no_error (error);
      g_clear_object (&old);

      store = open_store_in (dir);
      g_assert_cmpint (ph_store_get_schema_version (store), ==, migrations[n - 1].version);
      g_assert_cmpint (ph_store_count_entries (store, NULL, NULL), ==, from >= 1 ? 1 : 0);

      if (from >= 1)
        {
          g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
          g_autoptr(PhDocument) document = ph_document_new ();
          PhEntry *entry = ph_entry_new ();

          /* the old rows are found by the new indexes */
          filter.text = "lua dao";
          g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 1);
          filter.text = "912 345";
          g_assert_cmpint (ph_store_count_entries (store, &filter, NULL), ==, 1);
          g_assert_cmpint (ph_store_count_other_entries (store, "+84912345678", 0, NULL), ==, 1);

          /* and new ones continue them */
          entry->source_input = g_strdup ("0912345678");
          entry->content = g_strdup ("lần hai");
          g_ptr_array_add (entries, entry);
          document->received_on = g_strdup ("2025-09-01");
          document->unit_id = 1;
          g_assert_cmpint (ph_store_create_document (store, document, entries, &error), >, 0);
          g_assert_no_error (error);
          g_assert_cmpstr (entry->code, ==, "PA-2025-000002");
          g_assert_cmpint (ph_store_count_other_entries (store, "+84912345678", entry->id, NULL), ==, 1);
        }

      problems = verify (store);
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

static void
test_newer_schema (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("newer");
  g_autoptr(PhStore) store = open_store_in (dir);
  g_autofree char *db = g_strdup (ph_store_get_database_path (store));
  g_autoptr(GError) error = NULL;
  g_autoptr(PhStore) again = NULL;

  g_clear_object (&store);
  exec_sql (db, "PRAGMA user_version = 999");
  again = ph_store_open (dir, &error);
  g_assert_null (again);
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_TOO_NEW);
}

static void
assert_no_full_scan (const char *plan,
                     const char *what)
{
  g_auto(GStrv) lines = g_strsplit (plan, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      /* "SCAN e" alone reads the whole table; "SCAN e USING INDEX …" walks an
       * index in order and stops after the page */
      if ((g_str_equal (line, "SCAN e") || g_str_has_prefix (line, "SCAN e ") ||
           g_str_equal (line, "SCAN entries") || g_str_has_prefix (line, "SCAN entries ")) &&
          strstr (line, "USING") == NULL)
        g_error ("%s: full scan of entries:\n%s", what, plan);
    }
}

static void
test_query_plans (void)
{
  g_autoptr(PhStore) store = demo_store (50);
  const PhEntryFilter filters[] = {
    { 0 },
    { .status = PH_ENTRY_STATUS_RECEIVED },
    { .category = PH_CATEGORY_SCAM },
    { .status = PH_ENTRY_STATUS_VERIFIED, .category = PH_CATEGORY_SPAM },
    { .network = "Viettel", .received_from = "2025-01-01", .received_to = "2025-06-30" },
    { .unit_id = 3 },
    { .document_id = 2 },
    { .source_key = "+84912345678" },
    { .channel = PH_CHANNEL_SMS },
    { .received_from = "2025-01-01" },
    { .text = "lua dao" },
    { .text = "0912 345" },
    { .text = "cong an", .status = PH_ENTRY_STATUS_RECEIVED },
    { .text = "912345", .category = PH_CATEGORY_SCAM, .received_from = "2024-05-01" },
  };

  ph_store_exec (store, "ANALYZE", NULL);
  for (gsize f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      g_autofree char *count_plan = ph_store_explain_list (store, &filters[f], PH_ENTRY_SORT_RECEIVED, TRUE, TRUE);

      if (filters[f].text != NULL || filters[f].status || filters[f].category || filters[f].network ||
          filters[f].unit_id || filters[f].document_id || filters[f].source_key || filters[f].channel ||
          filters[f].received_from)
        assert_no_full_scan (count_plan, "count");

      for (PhEntrySort sort = PH_ENTRY_SORT_RECEIVED; sort <= PH_ENTRY_SORT_STATUS; sort++)
        for (int descending = 0; descending < 2; descending++)
          {
            g_autofree char *plan = ph_store_explain_list (store, &filters[f], sort, descending, FALSE);
            g_autofree char *what = g_strdup_printf ("filter %zu, sort %d", f, sort);

            g_assert_cmpstr (plan, !=, "");
            assert_no_full_scan (plan, what);
          }
    }
}

/* A child imports and registers evidence in a loop until SIGKILL stops it. */
static void G_GNUC_NORETURN
import_forever (const char *data_dir,
                const char *file)
{
  g_autoptr(PhStore) store = ph_store_open (data_dir, NULL);
  guint32 i = (guint32) getpid () * 1000;

  if (store == NULL)
    _exit (3);
  for (;;)
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
      g_autoptr(PhDocument) document = ph_document_new ();
      g_autoptr(PhEvidence) evidence = NULL;
      PhEntry *entry = ph_entry_new ();
      int fd = open (file, O_WRONLY);

      /* new content each time, so each import writes a new file */
      i++;
      if (fd < 0 || pwrite (fd, &i, sizeof i, 64) != sizeof i)
        _exit (4);
      close (fd);

      evidence = ph_store_import_evidence (store, file, NULL, NULL, NULL, NULL);
      if (evidence == NULL)
        _exit (5);
      entry->source_input = g_strdup ("0912 345 678");
      ph_entry_add_evidence (entry, evidence);
      g_ptr_array_add (entries, entry);
      document->received_on = g_strdup ("2025-08-14");
      document->unit_name = g_strdup ("Sở Y tế");
      if (ph_store_create_document (store, document, entries, NULL) == 0)
        _exit (6);
    }
}

static void
check_after_kill (const char *data_dir)
{
  g_autofree char *db_path = g_build_filename (data_dir, PH_STORE_DATABASE_NAME, NULL);
  g_autofree char *evidence_dir = g_build_filename (data_dir, PH_STORE_EVIDENCE_DIR, NULL);
  g_autoptr(GDir) top = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *name;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  /* no row without its whole file */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sha256, size FROM evidence", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *path = g_strdup_printf ("%s/%.2s/%s", evidence_dir, sha256, sha256);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* no half-written file under a hash name */
  top = g_dir_open (evidence_dir, 0, NULL);
  while ((name = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *sub = g_build_filename (evidence_dir, name, NULL);
      g_autoptr(GDir) dir = NULL;
      const char *file;

      if (name[0] == '.')
        continue;
      dir = g_dir_open (sub, 0, NULL);
      while ((file = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (sub, file, NULL);
          g_autofree char *contents = NULL;
          g_autofree char *hash = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
          g_assert_cmpstr (hash, ==, file);
        }
    }
}

static void
test_import_killed (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("killed");
  g_autofree char *files = ph_test_make_tmp_dir ("killed-files");
  g_autofree char *file = g_build_filename (files, "ghi-am.wav", NULL);
  g_autoptr(GBytes) wav = ph_demo_make_wav (30000, 3);   /* ~480 KB */
  g_autoptr(PhStore) store = open_store_in (dir);
  guint rows = 0;

  g_clear_object (&store);
  g_assert_true (g_file_set_contents (file, g_bytes_get_data (wav, NULL), (gssize) g_bytes_get_size (wav), NULL));

  for (guint round = 0; round < 15; round++)
    {
      pid_t pid = fork ();
      int status;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        import_forever (dir, file);

      g_usleep ((gulong) g_random_int_range (30000, 200000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      check_after_kill (dir);
    }

  /* and the store opens and verifies cleanly afterwards */
  store = open_store_in (dir);
  rows = (guint) ph_store_count_entries (store, NULL, NULL);
  g_assert_cmpuint (rows, >, 0);
  {
    g_autoptr(GPtrArray) problems = verify (store);

    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* Permissions: root reads and writes everything, so as root the child drops
 * to "nobody" to meet them. */
static void
become_unprivileged (void)
{
  if (geteuid () != 0)
    return;
  if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
    g_error ("cannot drop privileges: %s", g_strerror (errno));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_chmod (child, 0700);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Outside the test's private (0700) folder, so that "nobody" can reach it. */
static char *
make_shared_dir (const char *name)
{
  g_autofree char *template = g_strdup_printf ("phananh-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, NULL);

  g_assert_nonnull (dir);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  return dir;
}

static void
test_read_only_store (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhStore) store = NULL;

      become_unprivileged ();
      store = ph_store_open (g_getenv ("PH_TEST_RO_STORE"), &error);
      g_assert_null (store);
      g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_READ_ONLY);
      g_print ("%s\n", error->message);
      return;
    }
  else
    {
      g_autofree char *dir = make_shared_dir ("ro");
      g_autoptr(PhStore) store = open_store_in (dir);
      g_autofree char *db = g_strdup (ph_store_get_database_path (store));

      g_autofree char *evidence_dir = g_strdup (ph_store_get_evidence_dir (store));
      g_autofree char *staging = g_build_filename (evidence_dir, ".staging", NULL);

      g_clear_object (&store);
      /* only the database and its folder are read-only */
      g_assert_cmpint (g_chmod (evidence_dir, 0777), ==, 0);
      g_assert_cmpint (g_chmod (staging, 0777), ==, 0);
      g_assert_cmpint (g_chmod (db, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_setenv ("PH_TEST_RO_STORE", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_chmod (dir, 0755);
      remove_tree (dir);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("*database*");
    }
}

static void
test_read_only_evidence (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhStore) store = NULL;
      g_autoptr(PhEvidence) evidence = NULL;

      become_unprivileged ();
      store = ph_store_open (g_getenv ("PH_TEST_RO_STORE"), &error);
      g_assert_no_error (error);
      evidence = ph_store_import_evidence (store, g_getenv ("PH_TEST_RO_FILE"), NULL, NULL, NULL, &error);
      g_assert_null (evidence);
      g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_READ_ONLY);
      return;
    }
  else
    {
      g_autofree char *dir = make_shared_dir ("roev");
      g_autoptr(PhStore) store = open_store_in (dir);
      g_autofree char *evidence_dir = g_strdup (ph_store_get_evidence_dir (store));
      g_autofree char *staging = g_build_filename (evidence_dir, ".staging", NULL);
      g_autofree char *file = g_build_filename (dir, "anh.png", NULL);
      g_autoptr(GBytes) png = ph_demo_make_png (8, 8, 1);

      g_clear_object (&store);
      g_assert_true (g_file_set_contents (file, g_bytes_get_data (png, NULL), (gssize) g_bytes_get_size (png), NULL));
      g_assert_cmpint (g_chmod (file, 0644), ==, 0);
      /* the database stays writable, the evidence folder does not */
      g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
      {
        g_autofree char *db = g_build_filename (dir, PH_STORE_DATABASE_NAME, NULL);

        g_assert_cmpint (g_chmod (db, 0666), ==, 0);
      }
      g_assert_cmpint (g_chmod (evidence_dir, 0555), ==, 0);
      g_assert_cmpint (g_chmod (staging, 0555), ==, 0);
      g_setenv ("PH_TEST_RO_STORE", dir, TRUE);
      g_setenv ("PH_TEST_RO_FILE", file, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_chmod (evidence_dir, 0755);
      g_chmod (staging, 0755);
      remove_tree (dir);
      g_test_trap_assert_passed ();
    }
}

static void
test_unreadable_file (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhStore) store = NULL;
      g_autoptr(PhEvidence) evidence = NULL;

      become_unprivileged ();
      store = ph_store_open (g_getenv ("PH_TEST_RO_STORE"), &error);
      g_assert_no_error (error);
      evidence = ph_store_import_evidence (store, g_getenv ("PH_TEST_RO_FILE"), NULL, NULL, NULL, &error);
      g_assert_null (evidence);
      g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_UNREADABLE);
      g_assert_nonnull (strstr (error->message, "ghi-am.wav"));
      return;
    }
  else
    {
      g_autofree char *dir = make_shared_dir ("unread");
      g_autofree char *store_dir = g_build_filename (dir, "store", NULL);
      g_autofree char *file = g_build_filename (dir, "ghi-am.wav", NULL);
      g_autoptr(GBytes) wav = ph_demo_make_wav (100, 1);
      g_autoptr(PhStore) store = NULL;

      g_assert_cmpint (g_mkdir (store_dir, 0777), ==, 0);
      g_assert_cmpint (g_chmod (store_dir, 0777), ==, 0);
      g_assert_true (g_file_set_contents (file, g_bytes_get_data (wav, NULL), (gssize) g_bytes_get_size (wav), NULL));
      g_assert_cmpint (g_chmod (file, 0000), ==, 0);
      g_setenv ("PH_TEST_RO_STORE", store_dir, TRUE);
      g_setenv ("PH_TEST_RO_FILE", file, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      remove_tree (dir);
      g_test_trap_assert_passed ();
    }
}

static void
test_source_record (void)
{
  g_autoptr(PhStore) store = demo_store (80);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_batches = 0, answered = 0, sent = 0;

  g_assert_true (ph_demo_add_batches (store, &n_batches, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_batches, >, 0);

  /* every recorded answer is its source's answer */
  g_assert_cmpint (sqlite3_prepare_v2 (ph_store_get_db (store),
                                       "SELECT b.source_key, b.answer, s.answer FROM batch_answers b"
                                       " JOIN sources s ON s.key = b.source_key", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(PhSource) source = ph_store_get_source (store, (const char *) sqlite3_column_text (stmt, 0), &error);

      g_assert_no_error (error);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpstr (source->answer, ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpuint (source->batch_count, >, 0);
      g_assert_cmpstr (ph_source_answer_get_label (source->answer), !=, "");
      answered++;
    }
  sqlite3_finalize (stmt);

  /* a source sent without an answer yet is "sent" */
  g_assert_cmpint (sqlite3_prepare_v2 (ph_store_get_db (store),
                                       "SELECT DISTINCT s.answer FROM entries e JOIN sources s ON s.key = e.source_key"
                                       " WHERE e.status = 'sent' AND s.key NOT IN (SELECT source_key FROM batch_answers)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "sent");
      sent++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (answered + sent, >, 0);

  /* and the counts and dates stay in step through deletes and edits */
  {
    g_autoptr(GPtrArray) page = NULL;
    g_autoptr(GPtrArray) problems = NULL;
    PhEntryFilter filter = { .status = PH_ENTRY_STATUS_RECEIVED };

    page = ph_store_list_entries (store, &filter, PH_ENTRY_SORT_RECEIVED, TRUE, 0, 6, &error);
    for (guint i = 0; i < page->len; i++)
      {
        PhEntry *entry = page->pdata[i];

        if (i % 2 == 0)
          g_assert_true (ph_store_delete_entry (store, entry->id, &error));
        else
          {
            g_free (entry->source_input);
            entry->source_input = g_strdup ("0987 000 111");
            g_assert_true (ph_store_update_entry (store, entry, &error));
          }
        g_assert_no_error (error);
      }
    problems = verify (store);
    g_assert_cmpuint (problems->len, ==, 0);

    /* verify notices a source record edited behind the store's back */
    g_clear_pointer (&problems, g_ptr_array_unref);
    exec_sql (ph_store_get_database_path (store),
              "UPDATE sources SET entry_count = entry_count + 1 WHERE key = '+84987000111'");
    problems = verify (store);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_nonnull (strstr (((PhProblem *) problems->pdata[0])->message, "0987 000 111"));
  }
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);

  g_test_add_func ("/phananh/store-integrity/verify-clean", test_verify_clean);
  g_test_add_func ("/phananh/store-integrity/verify-audit-edit", test_verify_audit_edit);
  g_test_add_func ("/phananh/store-integrity/verify-audit-recomputed", test_verify_audit_recomputed);
  g_test_add_func ("/phananh/store-integrity/verify-evidence", test_verify_evidence);
  g_test_add_func ("/phananh/store-integrity/backup-restore", test_backup_restore);
  g_test_add_func ("/phananh/store-integrity/source-record", test_source_record);
  g_test_add_func ("/phananh/store-integrity/migrations", test_migrations);
  g_test_add_func ("/phananh/store-integrity/newer-schema", test_newer_schema);
  g_test_add_func ("/phananh/store-integrity/query-plans", test_query_plans);
  g_test_add_func ("/phananh/store-integrity/import-killed", test_import_killed);
  g_test_add_func ("/phananh/store-integrity/read-only-store", test_read_only_store);
  g_test_add_func ("/phananh/store-integrity/read-only-evidence", test_read_only_evidence);
  g_test_add_func ("/phananh/store-integrity/unreadable-file", test_unreadable_file);

  return g_test_run ();
}
