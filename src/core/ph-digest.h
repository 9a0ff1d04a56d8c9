/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ph-appendix.h"
#include "ph-crypto.h"

G_BEGIN_DECLS

/* The name of the canonical form ph_digest_batch() hashes; it is the first line of that
 * form and is written into every bundle manifest. */
#define PH_DIGEST_BATCH_VERSION "phananh-batch-v1"

/* Length of a digest in hex characters. */
#define PH_DIGEST_SHA256_HEX_LEN 64

gboolean  ph_digest_text_is_nfc        (const char      *text);

GBytes   *ph_digest_batch_canonical    (const PhAppendixBatch *batch);
char     *ph_digest_batch              (const PhAppendixBatch *batch);

char     *ph_digest_sha256_bytes       (const void      *data,
                                        gsize            len);
char     *ph_digest_sha256_file        (const char      *path,
                                        gint64          *size,
                                        GCancellable    *cancellable,
                                        GError         **error);

char     *ph_digest_sign               (const char          *digest_hex,
                                        const PhSigningKey  *key,
                                        GError             **error);
gboolean  ph_digest_verify_signature   (const char          *digest_hex,
                                        const char          *signature_hex,
                                        const char          *public_key_hex,
                                        GError             **error);

G_END_DECLS
