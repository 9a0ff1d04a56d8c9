/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-backup.c: online backup and verified restore.
 *
 * A backup is a folder shaped like a data folder: `phananh.db`, copied with
 * SQLite's online backup while the application keeps working, and `evidence/`
 * with every file the copied database refers to, each re-hashed on the way.
 * Restore copies a backup next to the current data, opens and verifies the
 * copy (integrity, audit chain, every evidence file), and only then swaps it
 * in; the data it replaces is kept in a dated folder, never deleted. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ph-paths.h"
#include "ph-store-maintenance.h"
#include "ph-store-private.h"

#define PAGES_PER_STEP 4096

static gboolean set_io_error (int          saved_errno,
                              GError     **error,
                              const char  *format,
                              ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_io_error (int          saved_errno,
              GError     **error,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PH_STORE_ERROR,
               saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM
               ? PH_STORE_ERROR_READ_ONLY : PH_STORE_ERROR_FAILED,
               "%s: %s", message, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
fsync_path (const char *path,
            gboolean    directory)
{
  int fd = open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* Copies @from to @to while hashing it; fails if the copy is not @sha256. */
static gboolean
copy_evidence_file (const char    *from,
                    const char    *to,
                    const char    *sha256,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  g_autofree char *dir = g_path_get_dirname (to);
  int in = -1, out = -1;
  gssize n;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_io_error (errno, error, _("Cannot create the folder “%s”"), dir);

  in = open (from, O_RDONLY | O_CLOEXEC);
  if (in < 0)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_CORRUPT,
                   _("Evidence file %s cannot be read (%s). Run “phananh-cli verify” to see what is wrong."),
                   sha256, g_strerror (errno));
      return FALSE;
    }
  out = open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0)
    {
      close (in);
      return set_io_error (errno, error, _("Cannot write “%s”"), to);
    }

  while ((n = read (in, buffer, 64 * 1024)) > 0)
    {
      gssize written = 0;

      g_checksum_update (checksum, buffer, n);
      while (written < n)
        {
          gssize w = write (out, buffer + written, (gsize) (n - written));

          if (w < 0 && errno == EINTR)
            continue;
          if (w <= 0)
            {
              int saved = errno;

              close (in);
              close (out);
              return set_io_error (saved, error, _("Cannot write “%s”"), to);
            }
          written += w;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (in);
          close (out);
          return FALSE;
        }
    }
  close (in);
  if (n < 0 || fsync (out) != 0 || fchmod (out, 0444) != 0)
    {
      int saved = errno;

      close (out);
      return set_io_error (saved, error, _("Cannot write “%s”"), to);
    }
  close (out);

  if (strcmp (g_checksum_get_string (checksum), sha256) != 0)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_CORRUPT,
                   _("Evidence file %s has been altered: its content no longer matches its SHA-256. Run “phananh-cli verify” to see what is wrong."),
                   sha256);
      return FALSE;
    }
  return TRUE;
}

static gboolean
dir_is_empty_or_missing (const char *path)
{
  g_autoptr(GDir) dir = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  dir = g_dir_open (path, 0, NULL);
  return dir != NULL && g_dir_read_name (dir) == NULL;
}

static gboolean
copy_referenced_evidence (sqlite3       *db,
                          const char    *from_evidence,
                          const char    *to_evidence,
                          PhProgressFunc progress,
                          gpointer       progress_data,
                          guint64        done_before,
                          guint64        total,
                          GCancellable  *cancellable,
                          GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  guint64 done = done_before;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT DISTINCT sha256 FROM evidence", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *sha256 = (const char *) sqlite3_column_text (stmt, 0);
        char prefix[3] = { 0 };
        g_autofree char *from = NULL;
        g_autofree char *to = NULL;

        if (sha256 == NULL || strlen (sha256) != 64)
          continue;
        memcpy (prefix, sha256, 2);
        from = g_build_filename (from_evidence, prefix, sha256, NULL);
        to = g_build_filename (to_evidence, prefix, sha256, NULL);
        if (!copy_evidence_file (from, to, sha256, cancellable, error))
          {
            sqlite3_finalize (stmt);
            return FALSE;
          }
        if (progress != NULL)
          progress (++done, total, progress_data);
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_FAILED,
                   _("The case database reported an error: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/**
 * ph_store_backup:
 * @destination: a folder that does not exist yet, or is empty
 * @progress: (nullable): called with steps done and in all
 *
 * Copies the database with SQLite's online backup (the store stays usable)
 * and every evidence file it refers to, re-hashing each one: a backup of
 * damaged evidence fails rather than copying the damage.
 */
gboolean
ph_store_backup (PhStore        *self,
                 const char     *destination,
                 PhProgressFunc  progress,
                 gpointer        progress_data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autofree char *dest = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *evidence_dir = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *stmt = NULL;
  guint64 n_files = 0;
  guint64 n_pages = 0;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  dest = g_canonicalize_filename (destination, NULL);
  if (!dir_is_empty_or_missing (dest))
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                   _("The backup folder “%s” is not empty. Choose a new folder, so that no earlier backup is overwritten."),
                   dest);
      return FALSE;
    }
  if (g_str_has_prefix (dest, ph_store_get_data_dir (self)) &&
      (dest[strlen (ph_store_get_data_dir (self))] == '/' ||
       dest[strlen (ph_store_get_data_dir (self))] == '\0'))
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                   _("The backup folder “%s” is inside the data folder. Choose a folder on another disk."),
                   dest);
      return FALSE;
    }
  if (g_mkdir_with_parents (dest, 0700) != 0)
    return set_io_error (errno, error, _("Cannot create the folder “%s”"), dest);

  db_path = g_build_filename (dest, PH_STORE_DATABASE_NAME, NULL);
  evidence_dir = g_build_filename (dest, PH_STORE_EVIDENCE_DIR, NULL);

  rc = sqlite3_open_v2 (db_path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (copy);
      return set_io_error (EACCES, error, _("Cannot write “%s”"), db_path);
    }

  /* one scale for the progress: the pages, then the files */
  if (sqlite3_prepare_v2 (ph_store_get_db (self), "SELECT count(DISTINCT sha256) FROM evidence",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n_files = (guint64) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;

  backup = sqlite3_backup_init (copy, "main", ph_store_get_db (self), "main");
  if (backup == NULL)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_FAILED,
                   _("The case database reported an error: %s"), sqlite3_errmsg (copy));
      sqlite3_close (copy);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      n_pages = (guint64) sqlite3_backup_pagecount (backup);
      if (progress != NULL)
        progress (n_pages - (guint64) sqlite3_backup_remaining (backup), n_pages + n_files,
                  progress_data);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
      if (g_cancellable_is_cancelled (cancellable))
        break;
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sqlite3_close (copy);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_FAILED,
                   _("The case database reported an error: %s"), sqlite3_errmsg (copy));
      sqlite3_close (copy);
      return FALSE;
    }

  /* a backup is one file: no WAL beside it */
  sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  /* the files the copy refers to (a few more if a clerk added some meanwhile) */
  if (sqlite3_prepare_v2 (copy, "SELECT count(DISTINCT sha256) FROM evidence", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n_files = MAX (n_files, (guint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);

  if (g_mkdir_with_parents (evidence_dir, 0700) != 0 ||
      !copy_referenced_evidence (copy, ph_store_get_evidence_dir (self), evidence_dir,
                                 progress, progress_data, n_pages, n_pages + n_files,
                                 cancellable, error))
    {
      if (error != NULL && *error == NULL)
        set_io_error (errno, error, _("Cannot create the folder “%s”"), evidence_dir);
      sqlite3_close (copy);
      return FALSE;
    }
  sqlite3_close (copy);

  fsync_path (db_path, FALSE);
  fsync_path (dest, TRUE);
  if (progress != NULL)
    progress (n_pages + n_files, n_pages + n_files, progress_data);
  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static gboolean
rename_or_fail (const char  *from,
                const char  *to,
                GError     **error)
{
  if (g_rename (from, to) == 0)
    return TRUE;
  return set_io_error (errno, error, _("Cannot move “%s”"), from);
}

/**
 * ph_store_restore:
 * @data_dir: (nullable): the data folder to restore into (see ph_store_open());
 *   no #PhStore may have it open
 * @backup: a folder made by ph_store_backup()
 * @kept_dir: (out) (optional): where the replaced data was moved
 *
 * Copies @backup beside the data, opens the copy (upgrading its schema if it
 * is older) and verifies it; only if nothing is wrong does it replace the
 * current database and evidence, which are moved aside, not deleted.
 */
gboolean
ph_store_restore (const char    *data_dir,
                  const char    *backup,
                  char         **kept_dir,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *dir = ph_paths_dup_data_dir (data_dir);
  g_autofree char *src_db = g_build_filename (backup, PH_STORE_DATABASE_NAME, NULL);
  g_autofree char *src_evidence = g_build_filename (backup, PH_STORE_EVIDENCE_DIR, NULL);
  g_autofree char *staging = NULL;
  g_autofree char *staging_db = NULL;
  g_autofree char *staging_evidence = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PhStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *src = NULL;
  sqlite3 *dst = NULL;
  sqlite3_backup *copy;
  int rc;
  static const char * const moved[] = { PH_STORE_DATABASE_NAME, PH_STORE_DATABASE_NAME "-wal",
                                        PH_STORE_DATABASE_NAME "-shm", PH_STORE_EVIDENCE_DIR };

  g_return_val_if_fail (backup != NULL, FALSE);

  if (!g_file_test (src_db, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                   _("“%s” is not a Phananh backup: it has no %s. Choose the folder that “phananh-cli backup” made."),
                   backup, PH_STORE_DATABASE_NAME);
      return FALSE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_io_error (errno, error, _("Cannot create the folder “%s”"), dir);
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  staging = g_strdup_printf ("%s/.restore-%s", dir, stamp);
  kept = g_strdup_printf ("%s/before-restore-%s", dir, stamp);
  if (g_mkdir (staging, 0700) != 0)
    return set_io_error (errno, error, _("Cannot create the folder “%s”"), staging);
  staging_db = g_build_filename (staging, PH_STORE_DATABASE_NAME, NULL);
  staging_evidence = g_build_filename (staging, PH_STORE_EVIDENCE_DIR, NULL);

  /* 1. copy the backup's database (read-only: the backup is never touched) */
  rc = sqlite3_open_v2 (src_db, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (staging_db, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      copy = sqlite3_backup_init (dst, "main", src, "main");
      rc = copy != NULL ? sqlite3_backup_step (copy, -1) : sqlite3_errcode (dst);
      if (copy != NULL)
        sqlite3_backup_finish (copy);
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_CORRUPT,
                   _("The backup “%s” cannot be read: %s"), backup,
                   src != NULL ? sqlite3_errmsg (src) : sqlite3_errstr (rc));
      goto fail;
    }

  /* 2. its evidence, re-hashed */
  if (g_mkdir (staging_evidence, 0700) != 0 ||
      !copy_referenced_evidence (dst, src_evidence, staging_evidence, NULL, NULL, 0, 0,
                                 cancellable, error))
    {
      if (error != NULL && *error == NULL)
        set_io_error (errno, error, _("Cannot create the folder “%s”"), staging_evidence);
      g_prefix_error (error, _("The backup cannot be restored: "));
      goto fail;
    }
  sqlite3_close (dst);
  dst = NULL;
  sqlite3_close (src);
  src = NULL;

  /* 3. open (which upgrades an older schema) and verify the copy */
  store = ph_store_open (staging, &local_error);
  if (store == NULL)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_CORRUPT,
                   _("The backup cannot be restored: %s"), local_error->message);
      goto fail;
    }
  problems = ph_store_verify (store, NULL, NULL, NULL, cancellable, error);
  if (problems == NULL)
    goto fail;
  if (problems->len > 0)
    {
      PhProblem *first = g_ptr_array_index (problems, 0);

      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_CORRUPT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The backup fails verification, so nothing was replaced (%u problem): %s",
                                "The backup fails verification, so nothing was replaced (%u problems): %s",
                                problems->len),
                   problems->len, first->message);
      goto fail;
    }
  ph_store_close (store);
  g_clear_object (&store);

  /* 4. swap: the current data moves aside, the verified copy moves in */
  if (g_mkdir (kept, 0700) != 0)
    {
      set_io_error (errno, error, _("Cannot create the folder “%s”"), kept);
      goto fail;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (moved); i++)
    {
      g_autofree char *from = g_build_filename (dir, moved[i], NULL);
      g_autofree char *to = g_build_filename (kept, moved[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && !rename_or_fail (from, to, error))
        {
          /* put back what was already moved aside */
          for (gsize j = 0; j < i; j++)
            {
              g_autofree char *back_from = g_build_filename (kept, moved[j], NULL);
              g_autofree char *back_to = g_build_filename (dir, moved[j], NULL);

              g_rename (back_from, back_to);
            }
          g_rmdir (kept);
          goto fail;
        }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (moved); i++)
    {
      g_autofree char *from = g_build_filename (staging, moved[i], NULL);
      g_autofree char *to = g_build_filename (dir, moved[i], NULL);

      /* the current data is safe in @kept whatever happens from here */
      if (g_file_test (from, G_FILE_TEST_EXISTS) && !rename_or_fail (from, to, error))
        {
          g_prefix_error (error, _("The restore stopped half way; the earlier data is in “%s”: "),
                          kept);
          goto fail;
        }
    }
  g_rmdir (staging);
  fsync_path (dir, TRUE);

  if (kept_dir != NULL)
    *kept_dir = g_steal_pointer (&kept);
  return TRUE;

fail:
  if (dst != NULL)
    sqlite3_close (dst);
  if (src != NULL)
    sqlite3_close (src);
  g_clear_object (&store);
  remove_tree (staging);
  return FALSE;
}
