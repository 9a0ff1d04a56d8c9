/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-bundle.c: the evidence bundle that goes out with an approved batch.
 *
 * A zip holding the appendix workbook, every evidence file named by row and kind
 * (chung-cu/003_0912345678_ghiam_1.amr) and manifest.json: each file's SHA-256, the
 * batch's canonical fields (everything ph_digest_batch() hashes), the batch digest, the
 * approver's Ed25519 signature over it and the approver's public key. Anyone can check a
 * bundle on its own, years later, with `phananh-cli verify BUNDLE.zip`: every file
 * against its hash, the digest recomputed from the manifest, the signature.
 *
 * The signature covers the batch content and the evidence hashes; the workbook is made
 * after approval (it carries the digest in print) and is covered by its hash in the
 * manifest only. */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ph-bundle.h"
#include "ph-digest.h"
#include "ph-paths.h"

G_DEFINE_QUARK (ph-bundle-error-quark, ph_bundle_error)

#define CHUNK (64 * 1024)
#define MAX_MANIFEST_SIZE (256 * 1024 * 1024)

void
ph_bundle_report_free (PhBundleReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report->batch_code);
  g_free (report->digest_hex);
  g_free (report->public_key_hex);
  g_free (report->approver);
  g_free (report);
}

/* Writing */

typedef struct
{
  struct archive  *archive;
  GCancellable    *cancellable;
  PhExportProgressFunc progress;
  gpointer         progress_data;
  guint64          bytes_done;
  guint64          bytes_total;
  time_t           mtime;
  JsonBuilder     *files;   /* the manifest's "files" array, being built */
} BundleWriter;

static gboolean
archive_failed (struct archive *archive,
                const char     *path,
                GError        **error)
{
  g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_WRITE,
               _("Could not write the bundle %s: %s"), path,
               archive_error_string (archive) != NULL ? archive_error_string (archive)
                                                      : g_strerror (archive_errno (archive)));
  return FALSE;
}

static gboolean
add_header (BundleWriter *bw,
            const char   *name,
            gint64        size,
            const char   *bundle_path,
            GError      **error)
{
  struct archive_entry *entry = archive_entry_new ();
  int status;

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, bw->mtime, 0);
  status = archive_write_header (bw->archive, entry);
  archive_entry_free (entry);

  if (status != ARCHIVE_OK)
    return archive_failed (bw->archive, bundle_path, error);

  return TRUE;
}

static void
add_file_record (BundleWriter *bw,
                 const char   *name,
                 const char   *sha256,
                 gint64        size)
{
  json_builder_begin_object (bw->files);
  json_builder_set_member_name (bw->files, "path");
  json_builder_add_string_value (bw->files, name);
  json_builder_set_member_name (bw->files, "sha256");
  json_builder_add_string_value (bw->files, sha256);
  json_builder_set_member_name (bw->files, "size");
  json_builder_add_int_value (bw->files, size);
  json_builder_end_object (bw->files);
}

/* Copies @source into the zip as @name while hashing it. @expected_sha256, if given, is
 * the hash the case store recorded: a file that no longer matches it is not shipped. */
static gboolean
add_file (BundleWriter *bw,
          const char   *source,
          const char   *name,
          const char   *expected_sha256,
          const char   *bundle_path,
          GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (CHUNK);
  g_autoptr(GError) local_error = NULL;
  gint64 size, total = 0;
  gssize n;

  in = g_file_read (file, bw->cancellable, &local_error);
  if (in == NULL ||
      (info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                              bw->cancellable, &local_error)) == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_EVIDENCE,
                     _("Cannot read %s for %s: %s; run “phananh-cli verify” on the case store"),
                     source, name, local_error->message);
      return FALSE;
    }
  size = g_file_info_get_size (info);

  if (!add_header (bw, name, size, bundle_path, error))
    return FALSE;

  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK, bw->cancellable,
                                   error)) > 0)
    {
      g_checksum_update (checksum, buffer, (gsize) n);
      if (archive_write_data (bw->archive, buffer, (size_t) n) != n)
        return archive_failed (bw->archive, bundle_path, error);
      total += n;
      bw->bytes_done += (guint64) n;
      if (bw->progress != NULL && bw->bytes_total > 0)
        bw->progress (0.3 + 0.7 * MIN (1.0, (double) bw->bytes_done / (double) bw->bytes_total),
                      bw->progress_data);
    }
  if (n < 0)
    return FALSE;

  if (total != size)
    {
      g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_EVIDENCE,
                   _("%s changed while it was being copied into the bundle"), source);
      return FALSE;
    }

  if (expected_sha256 != NULL &&
      g_ascii_strcasecmp (g_checksum_get_string (checksum), expected_sha256) != 0)
    {
      g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_EVIDENCE,
                   _("The evidence file %s (for %s) no longer matches the hash recorded when "
                     "it was imported; the evidence store is damaged, run “phananh-cli verify”"),
                   source, name);
      return FALSE;
    }

  add_file_record (bw, name, g_checksum_get_string (checksum), size);
  return TRUE;
}

static void
add_string_member (JsonBuilder *b,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static char *
format_occurred (const PhAppendixRow *row)
{
  if (row->occurred == NULL)
    return NULL;
  if (!row->occurred_has_time)
    return g_date_time_format (row->occurred, "%Y-%m-%d");
  return g_date_time_format (row->occurred, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
build_batch_member (JsonBuilder           *b,
                    const PhAppendixBatch *batch)
{
  g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", MAX (batch->date_year, 0),
                                           MAX (batch->date_month, 0), MAX (batch->date_day, 0));

  json_builder_set_member_name (b, "batch");
  json_builder_begin_object (b);
  add_string_member (b, "code", batch->code);
  add_string_member (b, "number", batch->number);
  add_string_member (b, "symbol", batch->symbol);
  add_string_member (b, "date", date);
  add_string_member (b, "recipient", batch->recipient);
  add_string_member (b, "subject", batch->subject);

  json_builder_set_member_name (b, "signer");
  json_builder_begin_object (b);
  add_string_member (b, "authority", batch->signer_authority);
  add_string_member (b, "title", batch->signer_title);
  add_string_member (b, "name", batch->signer_name);
  json_builder_end_object (b);

  /* For the reader; not part of the digest (see ph-digest.c). */
  json_builder_set_member_name (b, "agency");
  json_builder_begin_object (b);
  add_string_member (b, "parent_body", batch->parent_body);
  add_string_member (b, "department", batch->department);
  add_string_member (b, "issuer", batch->issuer);
  add_string_member (b, "place", batch->place);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "entries");
  json_builder_begin_array (b);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      const PhAppendixRow *row = g_ptr_array_index (batch->rows, i);
      g_autofree char *occurred = format_occurred (row);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "stt");
      json_builder_add_int_value (b, i + 1);
      add_string_member (b, "code", row->code);
      add_string_member (b, "source", row->source_key);
      add_string_member (b, "source_display", row->source_display);
      add_string_member (b, "network", row->network);
      add_string_member (b, "channel", row->channel);
      add_string_member (b, "category", row->category);
      add_string_member (b, "impersonated", row->impersonated);
      add_string_member (b, "occurred", occurred);
      add_string_member (b, "receiving", row->receiving_number);
      add_string_member (b, "content", row->content);
      add_string_member (b, "unit", row->unit);
      add_string_member (b, "notes", row->notes);

      json_builder_set_member_name (b, "evidence");
      json_builder_begin_array (b);
      for (guint j = 0; j < row->evidence->len; j++)
        {
          const PhAppendixEvidence *evidence = g_ptr_array_index (row->evidence, j);

          json_builder_begin_object (b);
          add_string_member (b, "path", evidence->bundle_name);
          add_string_member (b, "kind", evidence->kind);
          add_string_member (b, "sha256", evidence->sha256);
          json_builder_set_member_name (b, "size");
          json_builder_add_int_value (b, evidence->size);
          add_string_member (b, "mime_type", evidence->mime_type);
          add_string_member (b, "original_name", evidence->original_name);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static char *
build_manifest (const PhAppendixBatch *batch,
                JsonBuilder           *files,
                gsize                 *len)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) files_node = json_builder_get_root (files);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *approved_at = batch->approved_at != NULL
                                 ? g_date_time_format_iso8601 (batch->approved_at) : NULL;

  json_builder_begin_object (b);
  add_string_member (b, "format", PH_BUNDLE_FORMAT);
  add_string_member (b, "generator", PACKAGE_NAME " " PACKAGE_VERSION);
  add_string_member (b, "created", created);
  add_string_member (b, "digest_version", PH_DIGEST_BATCH_VERSION);
  add_string_member (b, "digest", batch->digest_hex);
  add_string_member (b, "signature", batch->signature_hex);
  add_string_member (b, "public_key", batch->public_key_hex);
  add_string_member (b, "approver", batch->approver);
  add_string_member (b, "approved_at", approved_at);
  build_batch_member (b, batch);
  json_builder_set_member_name (b, "files");
  json_builder_add_value (b, g_steal_pointer (&files_node));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, len);
}

static char *
dup_workbook_name (const PhAppendixBatch *batch)
{
  GString *name = g_string_new ("phu-luc");

  if (batch->code != NULL && *batch->code != '\0')
    {
      g_string_append_c (name, '_');
      for (const char *p = batch->code; *p != '\0'; p++)
        g_string_append_c (name, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');
    }
  g_string_append (name, ".xlsx");

  return g_string_free (name, FALSE);
}

static gboolean
check_signed (const PhAppendixBatch *batch,
              GError               **error)
{
  g_autofree char *digest = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *code = batch->code != NULL ? batch->code : "?";

  if (!batch->approved || batch->digest_hex == NULL || batch->signature_hex == NULL ||
      batch->public_key_hex == NULL)
    {
      g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_NOT_APPROVED,
                   _("Batch %s has not been approved and signed, so it cannot be sent; "
                     "have it signed off first"), code);
      return FALSE;
    }

  digest = ph_digest_batch (batch);
  if (g_ascii_strcasecmp (digest, batch->digest_hex) != 0)
    {
      g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_NOT_APPROVED,
                   _("Batch %s no longer matches what was approved (its content digest "
                     "differs); it must be checked and approved again"), code);
      return FALSE;
    }

  if (!ph_digest_verify_signature (batch->digest_hex, batch->signature_hex,
                                   batch->public_key_hex, &local_error))
    {
      g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_NOT_APPROVED,
                   _("The approval of batch %s does not check out: %s"), code,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
workbook_progress (double   fraction,
                   gpointer data)
{
  BundleWriter *bw = data;

  if (bw->progress != NULL)
    bw->progress (0.3 * fraction, bw->progress_data);
}

/**
 * ph_bundle_write:
 * @batch: an approved, signed batch; each evidence file needs its @path, and gets its
 *   @bundle_name assigned
 * @tpl: (nullable): the appendix wording, or %NULL for the template in force
 * @path: the zip to write (replaced only once it is complete)
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope call): called now and then with the fraction done
 * @progress_data: data for @progress
 * @error: return location for a #GError
 *
 * Writes the evidence bundle of @batch. Every evidence file is hashed as it is copied
 * and must still match the hash recorded at import.
 *
 * Returns: %TRUE once @path holds the bundle
 */
gboolean
ph_bundle_write (PhAppendixBatch  *batch,
                 PhTemplate       *tpl,
                 const char       *path,
                 GCancellable     *cancellable,
                 PhExportProgressFunc progress,
                 gpointer          progress_data,
                 GError          **error)
{
  g_autoptr(PhTemplate) own_tpl = NULL;
  g_autofree char *part = NULL;
  g_autofree char *workbook_path = NULL;
  g_autofree char *workbook_name = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(JsonBuilder) files = json_builder_new ();
  g_autoptr(GError) local_error = NULL;
  BundleWriter bw = { 0 };
  gsize manifest_len = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_signed (batch, error))
    return FALSE;

  if (tpl == NULL)
    {
      g_autofree char *data_dir = ph_paths_dup_data_dir (NULL);

      tpl = own_tpl = ph_template_load (data_dir, error);
      if (tpl == NULL)
        return FALSE;
    }

  for (guint i = 0; i < batch->rows->len; i++)
    {
      const PhAppendixRow *row = g_ptr_array_index (batch->rows, i);

      for (guint j = 0; j < row->evidence->len; j++)
        {
          const PhAppendixEvidence *evidence = g_ptr_array_index (row->evidence, j);

          if (evidence->path == NULL)
            {
              g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_EVIDENCE,
                           _("Entry %s: an evidence file (%s) has no file in the evidence store"),
                           row->code != NULL ? row->code : "?",
                           evidence->sha256 != NULL ? evidence->sha256 : "?");
              return FALSE;
            }
          bw.bytes_total += (guint64) MAX (evidence->size, 0);
        }
    }

  ph_appendix_batch_assign_names (batch, tpl);

  bw.cancellable = cancellable;
  bw.progress = progress;
  bw.progress_data = progress_data;
  bw.files = files;
  bw.mtime = batch->approved_at != NULL ? (time_t) g_date_time_to_unix (batch->approved_at)
                                        : time (NULL);
  json_builder_begin_array (files);

  part = g_strdup_printf ("%s.part", path);
  workbook_path = g_strdup_printf ("%s.xlsx", part);
  workbook_name = dup_workbook_name (batch);

  if (!ph_appendix_write_with_template (batch, tpl, workbook_path, FALSE, cancellable,
                                        workbook_progress, &bw, error))
    return FALSE;

  bw.archive = archive_write_new ();
  if (archive_write_set_format_zip (bw.archive) != ARCHIVE_OK ||
      archive_write_set_options (bw.archive, "zip:hdrcharset=UTF-8") != ARCHIVE_OK ||
      archive_write_open_filename (bw.archive, part) != ARCHIVE_OK)
    {
      archive_failed (bw.archive, path, error);
      goto out;
    }

  if (!add_file (&bw, workbook_path, workbook_name, NULL, path, &local_error))
    goto out;

  for (guint i = 0; i < batch->rows->len; i++)
    {
      const PhAppendixRow *row = g_ptr_array_index (batch->rows, i);

      for (guint j = 0; j < row->evidence->len; j++)
        {
          const PhAppendixEvidence *evidence = g_ptr_array_index (row->evidence, j);

          if (!add_file (&bw, evidence->path, evidence->bundle_name, evidence->sha256, path,
                         &local_error))
            goto out;
        }
    }

  json_builder_end_array (files);
  manifest = build_manifest (batch, files, &manifest_len);
  if (!add_header (&bw, PH_BUNDLE_MANIFEST, (gint64) manifest_len, path, &local_error))
    goto out;
  if (archive_write_data (bw.archive, manifest, manifest_len) != (la_ssize_t) manifest_len ||
      archive_write_close (bw.archive) != ARCHIVE_OK)
    {
      archive_failed (bw.archive, path, &local_error);
      goto out;
    }

  if (g_rename (part, path) != 0)
    {
      int saved = errno;

      g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save the bundle as %s: %s"), path, g_strerror (saved));
      goto out;
    }

  ok = TRUE;
  if (progress != NULL)
    progress (1.0, progress_data);

out:
  if (bw.archive != NULL)
    archive_write_free (bw.archive);
  g_unlink (workbook_path);
  if (!ok)
    {
      g_unlink (part);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return ok;
}

/* Verifying */

typedef struct
{
  char   *sha256;
  gint64  size;
  guint   seen;
} ZipFile;

static void
zip_file_free (gpointer data)
{
  ZipFile *file = data;

  g_free (file->sha256);
  g_free (file);
}

static void
problem (PhBundleReport *report,
         const char     *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (PhBundleReport *report,
         const char     *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (report->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static char *
member_dup (JsonObject *object,
            const char *name)
{
  return g_strdup (member_string (object, name));
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return -1;
  return json_node_get_int (node);
}

static GDateTime *
parse_occurred (const char *text,
                gboolean   *has_time)
{
  int y, m, d;

  *has_time = FALSE;
  if (text == NULL || *text == '\0')
    return NULL;

  if (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3)
    return g_date_time_new_utc (y, m, d, 0, 0, 0);

  *has_time = TRUE;
  return g_date_time_new_from_iso8601 (text, NULL);
}

/* Rebuilds the batch the manifest describes, to hash it again. */
static PhAppendixBatch *
batch_from_manifest (JsonObject     *root,
                     PhBundleReport *report)
{
  g_autoptr(PhAppendixBatch) batch = ph_appendix_batch_new ();
  JsonObject *b = member_object (root, "batch");
  JsonObject *signer = member_object (b, "signer");
  JsonObject *agency = member_object (b, "agency");
  JsonArray *entries = member_array (b, "entries");
  const char *date = member_string (b, "date");

  if (b == NULL || entries == NULL)
    {
      problem (report, _("The manifest has no batch or no entries"));
      return NULL;
    }

  batch->code = member_dup (b, "code");
  batch->number = member_dup (b, "number");
  batch->symbol = member_dup (b, "symbol");
  if (date != NULL &&
      sscanf (date, "%4d-%2d-%2d", &batch->date_year, &batch->date_month, &batch->date_day) != 3)
    problem (report, _("The manifest's công văn date “%s” is not a date"), date);
  batch->recipient = member_dup (b, "recipient");
  batch->subject = member_dup (b, "subject");
  batch->signer_authority = member_dup (signer, "authority");
  batch->signer_title = member_dup (signer, "title");
  batch->signer_name = member_dup (signer, "name");
  batch->parent_body = member_dup (agency, "parent_body");
  batch->department = member_dup (agency, "department");
  batch->issuer = member_dup (agency, "issuer");
  batch->place = member_dup (agency, "place");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *e = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      PhAppendixRow *row = ph_appendix_row_new ();
      JsonArray *evidence = member_array (e, "evidence");
      const char *occurred = member_string (e, "occurred");

      g_ptr_array_add (batch->rows, row);
      if (e == NULL)
        {
          problem (report, _("Entry %u of the manifest is not an object"), i + 1);
          continue;
        }
      if (member_int (e, "stt") != (gint64) i + 1)
        {
          g_autofree char *stt = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (e, "stt"));

          problem (report, _("Entry %u of the manifest is numbered %s"), i + 1, stt);
        }

      row->code = member_dup (e, "code");
      row->source_key = member_dup (e, "source");
      row->source_display = member_dup (e, "source_display");
      row->network = member_dup (e, "network");
      row->channel = member_dup (e, "channel");
      row->category = member_dup (e, "category");
      row->impersonated = member_dup (e, "impersonated");
      row->occurred = parse_occurred (occurred, &row->occurred_has_time);
      if (occurred != NULL && *occurred != '\0' && row->occurred == NULL)
        problem (report, _("Entry %u: “%s” is not a date and time"), i + 1, occurred);
      row->receiving_number = member_dup (e, "receiving");
      row->content = member_dup (e, "content");
      row->unit = member_dup (e, "unit");
      row->notes = member_dup (e, "notes");

      for (guint j = 0; evidence != NULL && j < json_array_get_length (evidence); j++)
        {
          JsonNode *ev_node = json_array_get_element (evidence, j);
          JsonObject *ev = JSON_NODE_HOLDS_OBJECT (ev_node) ? json_node_get_object (ev_node) : NULL;
          PhAppendixEvidence *item = ph_appendix_evidence_new ();

          item->bundle_name = member_dup (ev, "path");
          item->kind = member_dup (ev, "kind");
          item->sha256 = member_dup (ev, "sha256");
          item->size = member_int (ev, "size");
          item->mime_type = member_dup (ev, "mime_type");
          item->original_name = member_dup (ev, "original_name");
          g_ptr_array_add (row->evidence, item);
        }
    }

  return g_steal_pointer (&batch);
}

/* One pass over the zip: hash every member, keep the manifest. */
static gboolean
read_zip (const char     *path,
          GHashTable     *members,
          GBytes        **manifest,
          PhBundleReport *report,
          GCancellable   *cancellable,
          GError        **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  g_autofree guint8 *buffer = g_malloc (CHUNK);
  gboolean ok = FALSE;
  int status;

  archive_read_support_format_zip (archive);
  if (archive_read_open_filename (archive, path, CHUNK) != ARCHIVE_OK)
    {
      g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_READ,
                   _("Cannot open %s as a bundle: %s"), path, archive_error_string (archive));
      goto out;
    }

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      GByteArray *manifest_data = NULL;
      gint64 size = 0;
      la_ssize_t n;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (archive_entry_filetype (entry) != AE_IFREG)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      if (g_strcmp0 (name, PH_BUNDLE_MANIFEST) == 0)
        manifest_data = g_byte_array_new ();

      while ((n = archive_read_data (archive, buffer, CHUNK)) > 0)
        {
          size += n;
          if (manifest_data != NULL)
            {
              if (size > MAX_MANIFEST_SIZE)
                {
                  g_byte_array_unref (manifest_data);
                  g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_READ,
                               _("The manifest of %s is too large to be genuine"), path);
                  goto out;
                }
              g_byte_array_append (manifest_data, buffer, (guint) n);
            }
          else
            g_checksum_update (checksum, buffer, (gsize) n);
        }
      if (n < 0)
        {
          if (manifest_data != NULL)
            g_byte_array_unref (manifest_data);
          problem (report, _("%s cannot be read from the zip: %s"), name,
                   archive_error_string (archive));
          continue;
        }

      if (manifest_data != NULL)
        {
          if (*manifest != NULL)
            {
              problem (report, _("The bundle holds more than one %s"), PH_BUNDLE_MANIFEST);
              g_byte_array_unref (manifest_data);
            }
          else
            *manifest = g_byte_array_free_to_bytes (manifest_data);
          continue;
        }

      if (g_hash_table_contains (members, name))
        {
          problem (report, _("The bundle holds %s twice"), name);
          continue;
        }
      else
        {
          ZipFile *file = g_new0 (ZipFile, 1);

          file->sha256 = g_strdup (g_checksum_get_string (checksum));
          file->size = size;
          g_hash_table_insert (members, g_strdup (name), file);
        }
    }

  if (status != ARCHIVE_EOF)
    {
      g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_READ,
                   _("%s is not a readable zip file: %s"), path, archive_error_string (archive));
      goto out;
    }

  ok = TRUE;

out:
  archive_read_free (archive);
  return ok;
}

/**
 * ph_bundle_verify:
 * @path: a bundle written by ph_bundle_write()
 * @report: (out) (optional) (transfer full): what was found, when the bundle could be read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Checks a bundle on its own: every file against the hash in the manifest, every
 * evidence file against the hash the approver signed, the batch digest recomputed from
 * the manifest, and the approver's signature over it. It does not say whose key signed:
 * compare @report's public key with the approver's key in the case store.
 *
 * Returns: %TRUE if every check passed; else %FALSE with @error (%PH_BUNDLE_ERROR_FAILED
 *   naming each problem, or %PH_BUNDLE_ERROR_READ if the file is not a bundle)
 */
gboolean
ph_bundle_verify (const char      *path,
                  PhBundleReport **report_out,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(PhBundleReport) report = g_new0 (PhBundleReport, 1);
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PhAppendixBatch) batch = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *digest = NULL;
  JsonObject *root;
  JsonArray *files;
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  report->problems = g_ptr_array_new_with_free_func (g_free);
  members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, zip_file_free);

  if (!read_zip (path, members, &manifest, report, cancellable, error))
    return FALSE;

  if (manifest == NULL)
    {
      g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_READ,
                   _("%s is not an evidence bundle: it has no %s"), path, PH_BUNDLE_MANIFEST);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (manifest, NULL),
                                   (gssize) g_bytes_get_size (manifest), &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_READ,
                   _("The manifest of %s is damaged: %s"), path,
                   local_error != NULL ? local_error->message : _("not a JSON object"));
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if (g_strcmp0 (member_string (root, "format"), PH_BUNDLE_FORMAT) != 0 ||
      g_strcmp0 (member_string (root, "digest_version"), PH_DIGEST_BATCH_VERSION) != 0)
    {
      g_set_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_READ,
                   _("%s is a bundle of another kind or version (%s, %s); use the version of "
                     "Phananh that made it"), path,
                   member_string (root, "format") ?: "?",
                   member_string (root, "digest_version") ?: "?");
      return FALSE;
    }

  report->digest_hex = member_dup (root, "digest");
  report->public_key_hex = member_dup (root, "public_key");
  report->approver = member_dup (root, "approver");
  report->batch_code = g_strdup (member_string (member_object (root, "batch"), "code"));

  /* Every file listed, present and unchanged. */
  files = member_array (root, "files");
  if (files == NULL)
    problem (report, _("The manifest lists no files"));
  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      JsonObject *f = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = member_string (f, "path");
      const char *sha256 = member_string (f, "sha256");
      ZipFile *file = name != NULL ? g_hash_table_lookup (members, name) : NULL;

      if (name == NULL)
        problem (report, _("File %u of the manifest has no path"), i + 1);
      else if (file == NULL)
        problem (report, _("%s is listed in the manifest but missing from the bundle"), name);
      else
        {
          file->seen++;
          if (sha256 == NULL || g_ascii_strcasecmp (sha256, file->sha256) != 0)
            problem (report, _("%s has been altered: its SHA-256 is %s, the manifest says %s"),
                     name, file->sha256, sha256 != NULL ? sha256 : "?");
          else if (member_int (f, "size") != file->size)
            problem (report, _("%s has been altered: its size differs from the manifest"), name);
        }
    }

  g_hash_table_iter_init (&iter, members);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ZipFile *file = value;

      report->n_files++;
      if (file->seen == 0)
        problem (report, _("%s is in the bundle but not in the manifest"), (const char *) key);
    }

  /* The signed content: recompute the digest from the manifest's batch. */
  batch = batch_from_manifest (root, report);
  if (batch != NULL)
    {
      for (guint i = 0; i < batch->rows->len; i++)
        {
          const PhAppendixRow *row = g_ptr_array_index (batch->rows, i);

          for (guint j = 0; j < row->evidence->len; j++)
            {
              const PhAppendixEvidence *evidence = g_ptr_array_index (row->evidence, j);
              ZipFile *file = evidence->bundle_name != NULL
                              ? g_hash_table_lookup (members, evidence->bundle_name) : NULL;

              if (file == NULL)
                problem (report, _("Evidence %u of entry %u (%s) is missing from the bundle"),
                         j + 1, i + 1, evidence->bundle_name ?: "?");
              else if (evidence->sha256 == NULL ||
                       g_ascii_strcasecmp (evidence->sha256, file->sha256) != 0)
                problem (report, _("%s is not the evidence that was approved: its SHA-256 "
                                   "differs from the signed one"), evidence->bundle_name);
            }
        }

      digest = ph_digest_batch (batch);
      if (report->digest_hex == NULL || g_ascii_strcasecmp (digest, report->digest_hex) != 0)
        problem (report, _("The batch content in %s does not match its digest: entries or "
                           "công văn fields were changed after approval"), PH_BUNDLE_MANIFEST);
    }

  if (!ph_digest_verify_signature (report->digest_hex, member_string (root, "signature"),
                                   report->public_key_hex, &local_error))
    {
      problem (report, _("Signature: %s"), local_error->message);
      g_clear_error (&local_error);
    }

  ok = report->problems->len == 0;
  if (!ok)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE,
                                                    "%s failed %u check:",
                                                    "%s failed %u checks:",
                                                    report->problems->len),
                              path, report->problems->len);
      for (guint i = 0; i < report->problems->len; i++)
        g_string_append_printf (message, "\n  %s", (const char *) report->problems->pdata[i]);
      g_set_error_literal (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_FAILED, message->str);
    }

  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);

  return ok;
}
