/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-digest.c: what an approver signs, and how anyone checks it later.
 *
 * A batch's digest is the SHA-256 of its canonical content: a plain text form, versioned
 * by its first line, that lists the công văn fields and every entry with its evidence
 * hashes, in appendix order. The same form is rebuilt from a bundle's manifest by
 * ph_bundle_verify(), so everything that enters it is written to the manifest too.
 *
 * The canonical form, "phananh-batch-v1", is one `name=value` line per field, each line
 * ending in LF, in this order:
 *
 *   phananh-batch-v1
 *   batch.code= number= symbol= date= recipient= subject=
 *   signer.authority= signer.title= signer.name=
 *   entries=<count>
 *   then for each entry: entry=<STT> code= source= source_display= network= channel=
 *     category= impersonated= occurred= receiving= content= unit= notes= evidence=<count>
 *     then for each evidence file: evidence.kind= sha256= size= mime_type= original_name=
 *   end
 *
 * (each field name is written out in full, e.g. `entry.source=`, `evidence.sha256=`).
 * Values are NFC; a missing value is empty; `\` is written `\\`, LF `\n` and CR `\r`;
 * the date is `YYYY-MM-DD` (parts not known yet are 0); a time of occurrence is ISO 8601
 * with its UTC offset, `YYYY-MM-DDTHH:MM:SS+07:00`, or `YYYY-MM-DD` for a date alone;
 * hashes are lower-case hex; sizes are decimal. The agency's names are left out on
 * purpose: a department that is renamed or merged must not invalidate what was signed.
 *
 * Signatures are Ed25519 over the 32 bytes of the digest, made and checked with the
 * approver's key through ph-crypto. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ph-digest.h"

/**
 * ph_digest_text_is_nfc:
 * @text: UTF-8 text
 *
 * A quick test that spares normalising most text: %TRUE when @text is valid UTF-8 made
 * only of ASCII, the Latin letters of U+00A0–U+024F and U+1E00–U+1EFF (every precomposed
 * Vietnamese letter) and common punctuation, all of which are already in NFC. %FALSE
 * means "maybe not": normalise it.
 *
 * Returns: whether @text is certainly NFC
 */
gboolean
ph_digest_text_is_nfc (const char *text)
{
  const guchar *p = (const guchar *) text;

  while (*p != '\0')
    {
      gunichar c;

      if (*p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated ((const char *) p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (!((c >= 0x00A0 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF) ||
            (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || c == 0x20AB))
        return FALSE;
      p = (const guchar *) g_utf8_next_char (p);
    }

  return TRUE;
}

static void
append_field (GString    *out,
              const char *name,
              const char *value)
{
  g_autofree char *nfc = NULL;

  g_string_append (out, name);
  g_string_append_c (out, '=');
  if (value != NULL)
    {
      if (!ph_digest_text_is_nfc (value))
        nfc = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
      /* Invalid UTF-8 never reaches the store; hash the bytes as they are if it does. */
      for (const char *p = nfc != NULL ? nfc : value; *p != '\0'; p++)
        {
          if (*p == '\\')
            g_string_append (out, "\\\\");
          else if (*p == '\n')
            g_string_append (out, "\\n");
          else if (*p == '\r')
            g_string_append (out, "\\r");
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '\n');
}

static void
append_number (GString    *out,
               const char *name,
               gint64      value)
{
  g_string_append_printf (out, "%s=%" G_GINT64_FORMAT "\n", name, value);
}

/* The canonical text of a time of occurrence ("" for none). */
static char *
format_occurred (GDateTime *dt,
                 gboolean   has_time)
{
  gint64 offset;

  if (dt == NULL)
    return g_strdup ("");
  if (!has_time)
    return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (dt),
                            g_date_time_get_month (dt), g_date_time_get_day_of_month (dt));

  /* What g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z") gives, several times faster. */
  offset = g_date_time_get_utc_offset (dt) / G_TIME_SPAN_MINUTE;
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                          g_date_time_get_year (dt), g_date_time_get_month (dt),
                          g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt), g_date_time_get_second (dt),
                          offset < 0 ? '-' : '+', (int) (ABS (offset) / 60),
                          (int) (ABS (offset) % 60));
}

/**
 * ph_digest_batch_canonical:
 * @batch: a batch
 *
 * The canonical content of @batch, as described at the top of this file.
 *
 * Returns: (transfer full): the bytes that ph_digest_batch() hashes
 */
GBytes *
ph_digest_batch_canonical (const PhAppendixBatch *batch)
{
  GString *out = g_string_sized_new (1024 + batch->rows->len * 512);
  g_autofree char *date = NULL;

  g_return_val_if_fail (batch != NULL, NULL);

  date = g_strdup_printf ("%04d-%02d-%02d", MAX (batch->date_year, 0),
                          MAX (batch->date_month, 0), MAX (batch->date_day, 0));

  g_string_append (out, PH_DIGEST_BATCH_VERSION "\n");
  append_field (out, "batch.code", batch->code);
  append_field (out, "batch.number", batch->number);
  append_field (out, "batch.symbol", batch->symbol);
  append_field (out, "batch.date", date);
  append_field (out, "batch.recipient", batch->recipient);
  append_field (out, "batch.subject", batch->subject);
  append_field (out, "signer.authority", batch->signer_authority);
  append_field (out, "signer.title", batch->signer_title);
  append_field (out, "signer.name", batch->signer_name);
  append_number (out, "entries", batch->rows->len);

  for (guint i = 0; i < batch->rows->len; i++)
    {
      const PhAppendixRow *row = g_ptr_array_index (batch->rows, i);
      g_autofree char *occurred = format_occurred (row->occurred, row->occurred_has_time);

      append_number (out, "entry", i + 1);
      append_field (out, "entry.code", row->code);
      append_field (out, "entry.source", row->source_key);
      append_field (out, "entry.source_display", row->source_display);
      append_field (out, "entry.network", row->network);
      append_field (out, "entry.channel", row->channel);
      append_field (out, "entry.category", row->category);
      append_field (out, "entry.impersonated", row->impersonated);
      append_field (out, "entry.occurred", occurred);
      append_field (out, "entry.receiving", row->receiving_number);
      append_field (out, "entry.content", row->content);
      append_field (out, "entry.unit", row->unit);
      append_field (out, "entry.notes", row->notes);
      append_number (out, "entry.evidence", row->evidence->len);

      for (guint j = 0; j < row->evidence->len; j++)
        {
          const PhAppendixEvidence *evidence = g_ptr_array_index (row->evidence, j);
          g_autofree char *sha256 = g_ascii_strdown (evidence->sha256 != NULL
                                                     ? evidence->sha256 : "", -1);

          append_field (out, "evidence.kind", evidence->kind);
          append_field (out, "evidence.sha256", sha256);
          append_number (out, "evidence.size", evidence->size);
          append_field (out, "evidence.mime_type", evidence->mime_type);
          append_field (out, "evidence.original_name", evidence->original_name);
        }
    }
  g_string_append (out, "end\n");

  return g_string_free_to_bytes (out);
}

/**
 * ph_digest_batch:
 * @batch: a batch
 *
 * The batch digest: the SHA-256 of ph_digest_batch_canonical(). The batches code stores
 * it at approval; ph_appendix_write() refuses to issue an appendix whose batch no longer
 * hashes to it.
 *
 * Returns: (transfer full): 64 lower-case hex characters
 */
char *
ph_digest_batch (const PhAppendixBatch *batch)
{
  g_autoptr(GBytes) canonical = NULL;
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (batch != NULL, NULL);

  canonical = ph_digest_batch_canonical (batch);
  data = g_bytes_get_data (canonical, &len);

  return ph_digest_sha256_bytes (data, len);
}

/**
 * ph_digest_sha256_bytes:
 * @data: bytes
 * @len: how many
 *
 * Returns: (transfer full): their SHA-256, lower-case hex
 */
char *
ph_digest_sha256_bytes (const void *data,
                        gsize       len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

/**
 * ph_digest_sha256_file:
 * @path: a file
 * @size: (out) (optional): its size in bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the file's SHA-256, lower-case hex
 */
char *
ph_digest_sha256_file (const char    *path,
                       gint64        *size,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  gint64 total = 0;
  gssize n;

  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;

  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 64 * 1024, cancellable, error)) > 0)
    {
      g_checksum_update (checksum, buffer, (gsize) n);
      total += n;
    }
  if (n < 0)
    return NULL;

  if (size != NULL)
    *size = total;

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
decode_digest (const char *digest_hex,
               guint8      digest[32],
               GError    **error)
{
  if (digest_hex == NULL || strlen (digest_hex) != PH_DIGEST_SHA256_HEX_LEN)
    goto bad;

  for (guint i = 0; i < 32; i++)
    {
      int hi = g_ascii_xdigit_value (digest_hex[2 * i]);
      int lo = g_ascii_xdigit_value (digest_hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        goto bad;
      digest[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;

bad:
  g_set_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID,
               _("The batch digest is not well formed (expected %d hexadecimal characters)"),
               PH_DIGEST_SHA256_HEX_LEN);
  return FALSE;
}

/**
 * ph_digest_sign:
 * @digest_hex: a batch digest from ph_digest_batch()
 * @key: the approver's opened signing key
 * @error: return location for a #GError
 *
 * The approver's signature of a batch: Ed25519 over the digest's 32 bytes. Store it with
 * the digest and ph_signing_key_get_public_key() when the batch is approved.
 *
 * Returns: (transfer full) (nullable): the signature, lower-case hex
 */
char *
ph_digest_sign (const char          *digest_hex,
                const PhSigningKey  *key,
                GError             **error)
{
  guint8 digest[32];

  g_return_val_if_fail (key != NULL, NULL);

  if (!decode_digest (digest_hex, digest, error))
    return NULL;

  return ph_signing_key_sign (key, digest, sizeof digest);
}

/**
 * ph_digest_verify_signature:
 * @digest_hex: a batch digest
 * @signature_hex: (nullable): the signature from ph_digest_sign()
 * @public_key_hex: (nullable): the approver's public key
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @signature_hex is the signature of @digest_hex by the holder of
 *   @public_key_hex; else %FALSE with a %PH_CRYPTO_ERROR
 */
gboolean
ph_digest_verify_signature (const char  *digest_hex,
                            const char  *signature_hex,
                            const char  *public_key_hex,
                            GError     **error)
{
  guint8 digest[32];

  if (!decode_digest (digest_hex, digest, error))
    return FALSE;

  if (signature_hex == NULL || public_key_hex == NULL)
    {
      g_set_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID,
                   _("The signature or the approver's public key is missing"));
      return FALSE;
    }

  return ph_crypto_verify_signature (public_key_hex, digest, sizeof digest, signature_hex, error);
}
