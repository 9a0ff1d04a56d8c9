/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-evidence.c: the evidence store. A file is streamed into a staging
 * file inside the store while it is hashed, synced to disk, made read-only and
 * renamed to its SHA-256; only then may a row point at it. A crash at any
 * moment leaves either nothing under the hash name or the whole file, and never
 * a row without its file. The same content is stored once. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ph-store-private.h"

#define CHUNK_SIZE (64 * 1024)
#define SNIFF_SIZE 64
#define STAGING_DIR ".staging"
/* A staging file older than this is a leftover of an interrupted import. */
#define STALE_STAGING_SECONDS (60 * 60)

/**
 * ph_evidence_sniff:
 * @data: the first bytes of a file (64 are enough)
 * @len: how many
 * @kind: (out) (optional): image, audio, video or document
 *
 * Detects the type of evidence from its content, never from its name.
 *
 * Returns: (nullable): the MIME type, or %NULL when it is not a kind of
 *   evidence the store accepts
 */
const char *
ph_evidence_sniff (const guint8   *data,
                   gsize           len,
                   PhEvidenceKind *kind)
{
  PhEvidenceKind k = PH_EVIDENCE_KIND_ANY;
  const char *mime = NULL;

#define HAS(offset, magic) \
  (len >= (offset) + sizeof (magic) - 1 && memcmp (data + (offset), magic, sizeof (magic) - 1) == 0)

  if (HAS (0, "\x89PNG\r\n\x1a\n"))
    mime = "image/png", k = PH_EVIDENCE_KIND_IMAGE;
  else if (HAS (0, "\xff\xd8\xff"))
    mime = "image/jpeg", k = PH_EVIDENCE_KIND_IMAGE;
  else if (HAS (0, "RIFF") && HAS (8, "WEBP"))
    mime = "image/webp", k = PH_EVIDENCE_KIND_IMAGE;
  else if (HAS (0, "RIFF") && HAS (8, "WAVE"))
    mime = "audio/wav", k = PH_EVIDENCE_KIND_AUDIO;
  else if (HAS (0, "#!AMR-WB\n"))
    mime = "audio/amr-wb", k = PH_EVIDENCE_KIND_AUDIO;
  else if (HAS (0, "#!AMR\n"))
    mime = "audio/amr", k = PH_EVIDENCE_KIND_AUDIO;
  else if (HAS (0, "OggS") && (HAS (28, "OpusHead") || HAS (28, "\x01vorbis")))
    mime = "audio/ogg", k = PH_EVIDENCE_KIND_AUDIO;
  else if (HAS (0, "ID3"))
    mime = "audio/mpeg", k = PH_EVIDENCE_KIND_AUDIO;
  else if (HAS (4, "ftyp") && (HAS (8, "M4A ") || HAS (8, "M4B ") || HAS (8, "M4P ")))
    mime = "audio/mp4", k = PH_EVIDENCE_KIND_AUDIO;
  else if (HAS (4, "ftyp"))
    mime = "video/mp4", k = PH_EVIDENCE_KIND_VIDEO;
  else if (HAS (0, "%PDF-"))
    mime = "application/pdf", k = PH_EVIDENCE_KIND_DOCUMENT;
  else if (len >= 2 && data[0] == 0xff && (data[1] & 0xf6) == 0xf0)
    mime = "audio/aac", k = PH_EVIDENCE_KIND_AUDIO;   /* ADTS: layer bits 00 */
  else if (len >= 3 && data[0] == 0xff && (data[1] & 0xe0) == 0xe0 &&
           ((data[1] >> 1) & 3) != 0 && (data[2] >> 4) != 0xf)
    mime = "audio/mpeg", k = PH_EVIDENCE_KIND_AUDIO;  /* an MP3 frame without ID3 */

#undef HAS

  if (kind != NULL)
    *kind = k;
  return mime;
}

/**
 * ph_store_dup_evidence_path:
 * @sha256: a file's hash
 *
 * Returns: (transfer full): where the evidence store keeps the file with
 *   this hash: `evidence/ab/abcdef…`
 */
char *
ph_store_dup_evidence_path (PhStore    *self,
                            const char *sha256)
{
  char prefix[3] = { 0 };

  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL && strlen (sha256) == 64, NULL);

  memcpy (prefix, sha256, 2);
  return g_build_filename (ph_store_get_evidence_dir (self), prefix, sha256, NULL);
}

void
ph_store_clean_staging (PhStore *self)
{
  g_autofree char *staging = g_build_filename (ph_store_get_evidence_dir (self), STAGING_DIR, NULL);
  g_autoptr(GDir) dir = g_dir_open (staging, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (staging, name, NULL);
      GStatBuf st;

      /* Another program may be importing right now: only old files go. */
      if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
          now - (gint64) st.st_mtime > STALE_STAGING_SECONDS)
        g_unlink (path);
    }
}

static gboolean
set_unreadable_error (const char  *path,
                      int          saved_errno,
                      GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (saved_errno == EISDIR)
    g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_NOT_FILE,
                 _("“%s” is a folder. Choose the evidence files inside it."), name);
  else
    g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_UNREADABLE,
                 _("Cannot read “%s”: %s. Check that the file exists and that you may read it."),
                 name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
fsync_dir (const char *path)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

static void
set_write_error (PhStore     *self,
                 int          saved_errno,
                 GError     **error)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_FAILED,
                         _("The disk is full. Free some space and try again."));
  else
    g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_READ_ONLY,
                 _("Cannot write to the evidence folder “%s”: %s. Check its permissions or choose another data folder."),
                 ph_store_get_evidence_dir (self), g_strerror (saved_errno));
}

/* Whether @path holds exactly the content named @sha256: a file damaged since
 * it was stored is replaced by the good copy being imported, not kept. */
static gboolean
file_has_hash (const char *path,
               const char *sha256)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree guint8 *buffer = NULL;
  gssize n;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (CHUNK_SIZE);
  while ((n = read (fd, buffer, CHUNK_SIZE)) > 0)
    g_checksum_update (checksum, buffer, n);
  close (fd);
  return n == 0 && g_strcmp0 (g_checksum_get_string (checksum), sha256) == 0;
}

/**
 * ph_store_import_evidence:
 * @path: the file to import
 * @progress: (nullable): called after each chunk, in the calling thread
 * @cancellable: (nullable): stops the copy; nothing is left behind
 *
 * Copies @path into the evidence store under its SHA-256 (once: the same
 * content is not stored twice) and describes it. Refuses what is not a
 * screenshot, recording, video or PDF by its content, an empty file, a file
 * over the size limit, a folder and an unreadable file, with a message that
 * names the file. Writes no row: attach the result to an entry with
 * ph_entry_add_evidence() or ph_store_add_evidence().
 *
 * Touches only the file system, so it can run in a worker thread (see
 * ph_store_import_evidence_async()).
 *
 * Returns: (transfer full): the stored file, or %NULL with @error set
 */
PhEvidence *
ph_store_import_evidence (PhStore        *self,
                          const char     *path,
                          PhProgressFunc  progress,
                          gpointer        progress_data,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(PhEvidence) evidence = NULL;
  g_autofree char *name = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *final_dir = NULL;
  g_autofree guint8 *buffer = NULL;
  gint64 max_size;
  guint64 done = 0;
  PhEvidenceKind kind;
  const char *mime;
  struct stat st;
  int in_fd = -1;
  int out_fd = -1;
  gssize n;
  gsize head;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  max_size = ph_store_get_cached_max_evidence_size (self);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  in_fd = open (path, O_RDONLY | O_CLOEXEC);
  if (in_fd < 0)
    return set_unreadable_error (path, errno, error), NULL;

  if (fstat (in_fd, &st) != 0)
    {
      set_unreadable_error (path, errno, error);
      goto fail;
    }
  if (S_ISDIR (st.st_mode))
    {
      set_unreadable_error (path, EISDIR, error);
      goto fail;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_NOT_FILE,
                   _("“%s” is not an ordinary file. Save the evidence as a file first."), name);
      goto fail;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_EMPTY,
                   _("“%s” is empty. Choose the file that holds the evidence."), name);
      goto fail;
    }
  if (st.st_size > max_size)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_TOO_BIG,
                   _("“%s” is %s, more than the limit of %s for one evidence file. Shorten or compress it, or raise the limit in Preferences."),
                   name, size, limit);
      goto fail;
    }

  buffer = g_malloc (CHUNK_SIZE);
  head = 0;
  while (head < SNIFF_SIZE)
    {
      n = read (in_fd, buffer + head, CHUNK_SIZE - head);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_unreadable_error (path, errno, error);
          goto fail;
        }
      if (n == 0)
        break;
      head += (gsize) n;
    }

  mime = ph_evidence_sniff (buffer, head, &kind);
  if (mime == NULL)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_TYPE,
                   _("“%s” is not a screenshot (PNG, JPEG, WebP), a recording (AMR, MP3, M4A, WAV, OGG/Opus), a video (MP4) or a PDF document, so it cannot be added as evidence."),
                   name);
      goto fail;
    }

  staging = g_build_filename (ph_store_get_evidence_dir (self), STAGING_DIR, NULL);
  if (g_mkdir_with_parents (staging, 0700) != 0)
    {
      set_write_error (self, errno, error);
      goto fail;
    }
  tmp_path = g_build_filename (staging, "import-XXXXXX", NULL);
  out_fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (out_fd < 0)
    {
      set_write_error (self, errno, error);
      g_clear_pointer (&tmp_path, g_free);
      goto fail;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  n = (gssize) head;
  while (TRUE)
    {
      if (n > 0)
        {
          if (done + (guint64) n > (guint64) max_size)
            {
              g_autofree char *limit = g_format_size (max_size);

              g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_EVIDENCE_TOO_BIG,
                           _("“%s” grew past the limit of %s while it was being read. Try again once it is complete."),
                           name, limit);
              goto fail;
            }
          g_checksum_update (checksum, buffer, n);
          if (!write_all (out_fd, buffer, (gsize) n))
            {
              set_write_error (self, errno, error);
              goto fail;
            }
          done += (guint64) n;
          if (progress != NULL)
            progress (done, MAX ((guint64) st.st_size, done), progress_data);
        }

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;

      n = read (in_fd, buffer, CHUNK_SIZE);
      if (n < 0 && errno == EINTR)
        {
          n = 0;
          continue;
        }
      if (n < 0)
        {
          set_unreadable_error (path, errno, error);
          goto fail;
        }
      if (n == 0)
        break;
    }

  /* On disk before it gets its name, and read-only from then on. */
  if (fsync (out_fd) != 0 || fchmod (out_fd, 0444) != 0)
    {
      set_write_error (self, errno, error);
      goto fail;
    }
  close (out_fd);
  out_fd = -1;
  close (in_fd);
  in_fd = -1;

  evidence = ph_evidence_new ();
  evidence->sha256 = g_strdup (g_checksum_get_string (checksum));
  evidence->size = (gint64) done;
  evidence->mime = g_strdup (mime);
  evidence->kind = kind;
  evidence->original_name = g_steal_pointer (&name);

  final_path = ph_store_dup_evidence_path (self, evidence->sha256);
  final_dir = g_path_get_dirname (final_path);
  if (g_mkdir_with_parents (final_dir, 0700) != 0)
    {
      set_write_error (self, errno, error);
      goto fail;
    }

  if (file_has_hash (final_path, evidence->sha256))
    {
      /* Stored already: the same content has the same name. */
      g_unlink (tmp_path);
      g_clear_pointer (&tmp_path, g_free);
    }
  else
    {
      if (g_rename (tmp_path, final_path) != 0)
        {
          set_write_error (self, errno, error);
          goto fail;
        }
      g_clear_pointer (&tmp_path, g_free);
      fsync_dir (final_dir);
    }

  return g_steal_pointer (&evidence);

fail:
  if (in_fd >= 0)
    close (in_fd);
  if (out_fd >= 0)
    close (out_fd);
  if (tmp_path != NULL)
    g_unlink (tmp_path);
  return NULL;
}

/* ---- async ----------------------------------------------------------------- */

typedef struct
{
  char           **paths;
  PhProgressFunc   progress;
  gpointer         progress_data;
  GDestroyNotify   progress_data_free;
  GMainContext    *context;
  guint64          total;
  guint64          before;   /* bytes of the files already done */
  guint            last_permille;
} ImportData;

typedef struct
{
  ImportData *data;   /* kept alive by the task's reference */
  GTask      *task;
  guint64     done;
  guint64     total;
} ProgressReport;

static void
import_data_free (gpointer p)
{
  ImportData *data = p;

  g_strfreev (data->paths);
  if (data->progress_data_free != NULL)
    data->progress_data_free (data->progress_data);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static gboolean
report_progress_cb (gpointer p)
{
  ProgressReport *report = p;

  report->data->progress (report->done, report->total, report->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer p)
{
  ProgressReport *report = p;

  g_object_unref (report->task);
  g_free (report);
}

static void
thread_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  GTask *task = user_data;
  ImportData *data = g_task_get_task_data (task);
  guint64 all_done = data->before + done;
  guint permille;
  ProgressReport *report;

  if (data->progress == NULL || data->total == 0)
    return;

  /* At most a thousand updates, however big the files. */
  permille = (guint) (MIN (all_done, data->total) * 1000 / data->total);
  if (permille == data->last_permille && all_done < data->total)
    return;
  data->last_permille = permille;

  report = g_new0 (ProgressReport, 1);
  report->data = data;
  report->task = g_object_ref (task);
  report->done = MIN (all_done, data->total);
  report->total = data->total;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, report_progress_cb, report,
                              progress_report_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PhStore *self = source_object;
  ImportData *data = task_data;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_evidence_free);

  for (guint i = 0; data->paths[i] != NULL; i++)
    {
      GStatBuf st;

      if (g_stat (data->paths[i], &st) == 0 && S_ISREG (st.st_mode))
        data->total += (guint64) st.st_size;
    }

  for (guint i = 0; data->paths[i] != NULL; i++)
    {
      GError *error = NULL;
      PhEvidence *evidence;
      GStatBuf st;

      evidence = ph_store_import_evidence (self, data->paths[i], thread_progress, task,
                                           cancellable, &error);
      if (evidence == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (results, evidence);
      if (g_stat (data->paths[i], &st) == 0)
        data->before += (guint64) st.st_size;
    }

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * ph_store_import_evidence_async:
 * @paths: the files to import
 * @progress: (nullable): called in the caller's main context with the bytes
 *   done and in all
 * @progress_data_free: (nullable): frees @progress_data when the task is done
 *
 * Runs ph_store_import_evidence() for each of @paths in a worker thread. The
 * first refused file ends the import with its error (which names the file);
 * files copied before it stay in the store without a row, which is harmless.
 * Then attach the results with ph_entry_add_evidence() and commit them with
 * ph_store_create_document() on the main thread.
 */
void
ph_store_import_evidence_async (PhStore              *self,
                                const char * const   *paths,
                                PhProgressFunc        progress,
                                gpointer              progress_data,
                                GDestroyNotify        progress_data_free,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (PH_IS_STORE (self));
  g_return_if_fail (paths != NULL);

  data = g_new0 (ImportData, 1);
  data->paths = g_strdupv ((char **) paths);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;
  data->context = g_main_context_ref_thread_default ();
  data->last_permille = G_MAXUINT;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ph_store_import_evidence_async);
  g_task_set_task_data (task, data, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * ph_store_import_evidence_finish:
 *
 * Returns: (transfer full) (element-type PhEvidence): one #PhEvidence per
 *   path, in order, or %NULL with @error set
 */
GPtrArray *
ph_store_import_evidence_finish (PhStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- rows ------------------------------------------------------------------ */

/**
 * ph_store_insert_evidence_row:
 * @evidence: a file in the store, with @entry_id or @document_id set
 *
 * Inserts its row, inside the caller's transaction, after checking that the
 * file really is in the store: no row ever points at nothing.
 */
gboolean
ph_store_insert_evidence_row (PhStore     *self,
                              PhEvidence  *evidence,
                              GError     **error)
{
  g_autofree char *path = NULL;
  sqlite3_stmt *stmt;
  GStatBuf st;

  if (evidence->sha256 == NULL || strlen (evidence->sha256) != 64 || evidence->mime == NULL)
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("This evidence has not been imported into the store yet."));
      return FALSE;
    }

  path = ph_store_dup_evidence_path (self, evidence->sha256);
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != evidence->size)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_CORRUPT,
                   _("The evidence file “%s” is missing from the evidence store. Add it again."),
                   evidence->original_name != NULL ? evidence->original_name : evidence->sha256);
      return FALSE;
    }

  g_free (evidence->added_by);
  evidence->added_by = g_strdup (ph_store_get_actor (self));
  g_free (evidence->added_at);
  evidence->added_at = ph_store_now ();

  stmt = ph_store_prepare (self,
                           "INSERT INTO evidence (entry_id, document_id, sha256, size, mime, kind,"
                           " original_name, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  if (evidence->entry_id != 0)
    sqlite3_bind_int64 (stmt, 1, evidence->entry_id);
  if (evidence->document_id != 0)
    sqlite3_bind_int64 (stmt, 2, evidence->document_id);
  sqlite3_bind_text (stmt, 3, evidence->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, evidence->size);
  sqlite3_bind_text (stmt, 5, evidence->mime, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, ph_evidence_kind_to_string (evidence->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, evidence->original_name != NULL ? evidence->original_name : "",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, evidence->added_by, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, evidence->added_at, -1, SQLITE_TRANSIENT);
  if (!ph_store_step_done (self, stmt, error))
    return FALSE;

  evidence->id = sqlite3_last_insert_rowid (ph_store_get_db (self));
  return TRUE;
}

static char *
evidence_details (const PhEvidence *evidence)
{
  g_autofree char *name = ph_store_json_string (evidence->original_name != NULL
                                                ? evidence->original_name : "");

  return g_strdup_printf ("{\"sha256\":\"%s\",\"size\":%" G_GINT64_FORMAT ",\"mime\":\"%s\",\"name\":%s}",
                          evidence->sha256, evidence->size, evidence->mime, name);
}

/**
 * ph_store_add_evidence:
 * @entry_id: an existing entry that can still change
 * @evidence: a file returned by ph_store_import_evidence()
 *
 * Attaches @evidence to an entry, with its audit row.
 *
 * Returns: the evidence row's id, or 0 with @error set
 */
gint64
ph_store_add_evidence (PhStore           *self,
                       gint64             entry_id,
                       const PhEvidence  *evidence,
                       GError           **error)
{
  g_autoptr(PhEvidence) row = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), 0);
  g_return_val_if_fail (evidence != NULL, 0);

  row = ph_evidence_copy (evidence);
  row->entry_id = entry_id;
  row->document_id = 0;

  if (!ph_store_begin (self, error))
    return 0;

  details = evidence_details (row);
  if (!ph_store_insert_evidence_row (self, row, error) ||
      !ph_store_audit (self, "evidence.add", "entry", entry_id, details, error))
    {
      ph_store_rollback (self);
      return 0;
    }

  ph_store_emit_changed (self, "entries", entry_id);
  if (!ph_store_commit (self, error))
    return 0;
  return row->id;
}

/**
 * ph_store_remove_evidence:
 * @evidence_id: an evidence row
 *
 * Detaches the evidence from its entry (while the entry may still change).
 * The file stays in the evidence store: files are never modified or deleted.
 */
gboolean
ph_store_remove_evidence (PhStore     *self,
                          gint64       evidence_id,
                          GError     **error)
{
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gint64 entry_id = 0;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  if (!ph_store_begin (self, error))
    return FALSE;

  stmt = ph_store_prepare (self, "SELECT coalesce (entry_id, 0), sha256, original_name,"
                                 " (SELECT status FROM entries WHERE id = evidence.entry_id)"
                                 " FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *name = ph_store_json_string ((const char *) sqlite3_column_text (stmt, 2));
      PhEntryStatus status = ph_entry_status_from_string ((const char *) sqlite3_column_text (stmt, 3));

      entry_id = sqlite3_column_int64 (stmt, 0);
      details = g_strdup_printf ("{\"sha256\":\"%s\",\"name\":%s}",
                                 sqlite3_column_text (stmt, 1), name);
      sqlite3_reset (stmt);
      if (entry_id != 0 && !ph_entry_status_is_editable (status))
        {
          g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED,
                               _("This entry is in a batch or has been sent, so it can no longer be changed."));
          goto fail;
        }
    }
  else
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND,
                             _("This evidence has already been removed."));
      else
        ph_store_set_db_error (self, rc, error);
      goto fail;
    }

  stmt = ph_store_prepare (self, "DELETE FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (!ph_store_step_done (self, stmt, error) ||
      !ph_store_audit (self, "evidence.remove", entry_id != 0 ? "entry" : "document",
                       entry_id, details, error))
    goto fail;

  ph_store_emit_changed (self, "entries", entry_id);
  return ph_store_commit (self, error);

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_list_evidence:
 * @entry_id: an entry, or 0
 * @document_id: a document, or 0
 *
 * Returns: (transfer full) (element-type PhEvidence): the evidence of the
 *   entry (or the document), in the order it was added
 */
GPtrArray *
ph_store_list_evidence (PhStore     *self,
                        gint64       entry_id,
                        gint64       document_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_evidence_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  if (entry_id != 0)
    stmt = ph_store_prepare (self, "SELECT id, coalesce (entry_id, 0), coalesce (document_id, 0),"
                                   " sha256, size, mime, kind, original_name, added_by, added_at"
                                   " FROM evidence WHERE entry_id = ? ORDER BY id", error);
  else
    stmt = ph_store_prepare (self, "SELECT id, coalesce (entry_id, 0), coalesce (document_id, 0),"
                                   " sha256, size, mime, kind, original_name, added_by, added_at"
                                   " FROM evidence WHERE document_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id != 0 ? entry_id : document_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhEvidence *evidence = ph_evidence_new ();

      evidence->id = sqlite3_column_int64 (stmt, 0);
      evidence->entry_id = sqlite3_column_int64 (stmt, 1);
      evidence->document_id = sqlite3_column_int64 (stmt, 2);
      evidence->sha256 = ph_store_dup_column_text (stmt, 3);
      evidence->size = sqlite3_column_int64 (stmt, 4);
      evidence->mime = ph_store_dup_column_text (stmt, 5);
      evidence->kind = ph_evidence_kind_from_string ((const char *) sqlite3_column_text (stmt, 6));
      evidence->original_name = ph_store_dup_column_text (stmt, 7);
      evidence->added_by = ph_store_dup_column_text (stmt, 8);
      evidence->added_at = ph_store_dup_column_text (stmt, 9);
      g_ptr_array_add (list, evidence);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
