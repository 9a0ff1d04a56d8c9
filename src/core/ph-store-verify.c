/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-verify.c: `phananh-cli verify` — is the case store as the
 * application left it? The database's own integrity, the audit chain row by
 * row, and every evidence file re-hashed. Each problem is reported on its own,
 * naming the row or the file, so an administrator knows where to look. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "ph-store-maintenance.h"
#include "ph-store-private.h"

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

void
ph_problem_free (PhProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->name);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray     *problems,
             PhProblemKind  kind,
             gint64         row,
             const char    *name,
             char          *message)
{
  PhProblem *problem = g_new0 (PhProblem, 1);

  problem->kind = kind;
  problem->row = row;
  problem->name = g_strdup (name);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static gboolean
check_database (PhStore    *self,
                GPtrArray  *problems,
                GError    **error)
{
  sqlite3 *db = ph_store_get_db (self);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *line = (const char *) sqlite3_column_text (stmt, 0);

        if (g_strcmp0 (line, "ok") != 0)
          add_problem (problems, PH_PROBLEM_DATABASE, 0, NULL,
                       g_strdup_printf (_("The database is damaged: %s"), line));
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        {
          add_problem (problems, PH_PROBLEM_DATABASE, 0, NULL,
                       g_strdup_printf (_("The database is damaged: %s"), sqlite3_errmsg (db)));
          return TRUE;
        }
      ph_store_set_db_error (self, rc, error);
      return FALSE;
    }

  stmt = NULL;
  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      add_problem (problems, PH_PROBLEM_DATABASE, sqlite3_column_int64 (stmt, 1), NULL,
                   g_strdup_printf (_("Row %lld of table “%s” points at a missing row of “%s”."),
                                    (long long) sqlite3_column_int64 (stmt, 1),
                                    sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);

  /* the source records must agree with the entries they sum up */
  stmt = NULL;
  rc = sqlite3_prepare_v2 (db, "SELECT s.display FROM sources s"
                               " LEFT JOIN (SELECT source_key, count(*) AS n, min (received_on) AS first,"
                               "   max (received_on) AS last FROM entries GROUP BY source_key) e"
                               " ON e.source_key = s.key"
                               " WHERE coalesce (e.n, 0) <> s.entry_count"
                               "  OR (e.n > 0 AND (e.first <> s.first_seen OR e.last <> s.last_seen))"
                               " UNION ALL"
                               " SELECT DISTINCT e.source_display FROM entries e"
                               " WHERE NOT EXISTS (SELECT 1 FROM sources WHERE key = e.source_key)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      add_problem (problems, PH_PROBLEM_DATABASE, 0, (const char *) sqlite3_column_text (stmt, 0),
                   g_strdup_printf (_("The source record of %s is out of step with its entries."),
                                    sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  /* the full-text indexes must hold what the entries hold */
  for (int i = 0; i < 2; i++)
    {
      const char *sql = i == 0 ? "INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')"
                               : "INSERT INTO entries_digits (entries_digits) VALUES ('integrity-check')";

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        add_problem (problems, PH_PROBLEM_SEARCH, 0, NULL,
                     g_strdup_printf (_("The search index is out of step with the entries (%s)."),
                                      sqlite3_errmsg (db)));
    }
  return TRUE;
}

static gboolean
check_audit (PhStore        *self,
             GPtrArray      *problems,
             PhVerifyCounts *counts,
             GError        **error)
{
  static const char * const guards[] = { "audit_log_no_update", "audit_log_no_delete" };
  sqlite3 *db = ph_store_get_db (self);
  g_autofree char *prev = g_strdup (ZERO_HASH);
  sqlite3_stmt *stmt = NULL;
  gint64 expected_id = 1;
  int rc;

  for (gsize i = 0; i < G_N_ELEMENTS (guards); i++)
    {
      gboolean present = FALSE;

      rc = sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, guards[i], -1, SQLITE_STATIC);
          present = sqlite3_step (stmt) == SQLITE_ROW;
        }
      sqlite3_finalize (stmt);
      stmt = NULL;
      if (!present)
        add_problem (problems, PH_PROBLEM_AUDIT, 0, NULL,
                     g_strdup_printf (_("The audit log's guard “%s” has been removed: the log could be edited."),
                                      guards[i]));
    }

  rc = sqlite3_prepare_v2 (db, "SELECT id, at, actor, action, object_type, coalesce (object_id, 0),"
                               " details, prev_hash, hash FROM audit_log ORDER BY id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        const char *prev_hash = (const char *) sqlite3_column_text (stmt, 7);
        const char *hash = (const char *) sqlite3_column_text (stmt, 8);
        g_autofree char *computed = NULL;

        computed = ph_audit_compute_hash (prev_hash, id,
                                          (const char *) sqlite3_column_text (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 2),
                                          (const char *) sqlite3_column_text (stmt, 3),
                                          (const char *) sqlite3_column_text (stmt, 4),
                                          sqlite3_column_int64 (stmt, 5),
                                          (const char *) sqlite3_column_text (stmt, 6));

        if (id != expected_id)
          add_problem (problems, PH_PROBLEM_AUDIT, id, NULL,
                       g_strdup_printf (_("Audit log rows %lld to %lld are missing: they were deleted."),
                                        (long long) expected_id, (long long) id - 1));
        else if (g_strcmp0 (prev_hash, prev) != 0)
          add_problem (problems, PH_PROBLEM_AUDIT, id, NULL,
                       g_strdup_printf (_("Audit log row %lld does not follow the row before it: the chain was broken there."),
                                        (long long) id));
        if (g_strcmp0 (computed, hash) != 0)
          add_problem (problems, PH_PROBLEM_AUDIT, id, NULL,
                       g_strdup_printf (_("Audit log row %lld has been altered: its content no longer matches its hash."),
                                        (long long) id));

        g_free (prev);
        prev = g_strdup (hash != NULL ? hash : "");
        expected_id = id + 1;
        if (counts != NULL)
          counts->audit_rows++;
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static char *
hash_file (const char  *path,
           gint64      *size,
           int         *saved_errno,
           GCancellable *cancellable)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  gssize n;

  *size = 0;
  if (fd < 0)
    {
      *saved_errno = errno;
      return NULL;
    }
  while ((n = read (fd, buffer, 64 * 1024)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      *size += n;
      if (g_cancellable_is_cancelled (cancellable))
        break;
    }
  *saved_errno = errno;
  close (fd);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
check_evidence (PhStore        *self,
                GPtrArray      *problems,
                PhVerifyCounts *counts,
                PhProgressFunc  progress,
                gpointer        progress_data,
                GCancellable   *cancellable,
                GError        **error)
{
  sqlite3 *db = ph_store_get_db (self);
  sqlite3_stmt *stmt = NULL;
  guint64 total = 0, done = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT count(DISTINCT sha256) FROM evidence", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    total = (guint64) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;

  /* one line per file, with an example of where it is used */
  rc = sqlite3_prepare_v2 (db, "SELECT sha256, size, min (id), min (original_name),"
                               " min (coalesce ((SELECT code FROM entries WHERE id = entry_id), ''))"
                               " FROM evidence GROUP BY sha256 ORDER BY sha256", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *sha256 = (const char *) sqlite3_column_text (stmt, 0);
        gint64 size = sqlite3_column_int64 (stmt, 1);
        gint64 row = sqlite3_column_int64 (stmt, 2);
        const char *name = (const char *) sqlite3_column_text (stmt, 3);
        const char *code = (const char *) sqlite3_column_text (stmt, 4);
        g_autofree char *path = NULL;
        g_autofree char *actual = NULL;
        gint64 actual_size = 0;
        int saved_errno = 0;

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          {
            sqlite3_finalize (stmt);
            return FALSE;
          }

        if (sha256 == NULL || strlen (sha256) != 64)
          continue;
        path = ph_store_dup_evidence_path (self, sha256);
        actual = hash_file (path, &actual_size, &saved_errno, cancellable);

        if (actual == NULL && saved_errno == ENOENT)
          add_problem (problems, PH_PROBLEM_EVIDENCE, row, sha256,
                       g_strdup_printf (_("Evidence file “%s” of entry %s (%s) is missing from the evidence store."),
                                        name, code, sha256));
        else if (actual == NULL)
          add_problem (problems, PH_PROBLEM_EVIDENCE, row, sha256,
                       g_strdup_printf (_("Evidence file “%s” of entry %s (%s) cannot be read: %s."),
                                        name, code, sha256, g_strerror (saved_errno)));
        else if (strcmp (actual, sha256) != 0 || actual_size != size)
          add_problem (problems, PH_PROBLEM_EVIDENCE, row, sha256,
                       g_strdup_printf (_("Evidence file “%s” of entry %s (%s) has been altered: its content no longer matches its SHA-256."),
                                        name, code, sha256));

        if (counts != NULL)
          {
            counts->evidence_files++;
            counts->evidence_bytes += actual_size;
          }
        if (progress != NULL)
          progress (++done, total, progress_data);
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ph_store_verify:
 * @counts: (out caller-allocates) (optional): what was checked
 * @progress: (nullable): called with evidence files checked and in all
 *
 * Checks `PRAGMA integrity_check` and the foreign keys, the search indexes,
 * the audit chain (every row's hash, every link, no row missing, the guard
 * triggers in place) and every evidence file's presence and SHA-256.
 *
 * Returns: (transfer full) (element-type PhProblem): the problems found,
 *   empty when all is well; %NULL with @error set when the check could not run
 */
GPtrArray *
ph_store_verify (PhStore         *self,
                 PhVerifyCounts  *counts,
                 PhProgressFunc   progress,
                 gpointer         progress_data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_problem_free);

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  if (counts != NULL)
    memset (counts, 0, sizeof *counts);

  if (!check_database (self, problems, error))
    return NULL;
  if (!check_audit (self, problems, counts, error))
    return NULL;
  if (!check_evidence (self, problems, counts, progress, progress_data, cancellable, error))
    return NULL;

  return g_steal_pointer (&problems);
}
