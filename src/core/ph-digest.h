/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ph-appendix.h"

G_BEGIN_DECLS

#define PH_DIGEST_ERROR (ph_digest_error_quark ())

typedef enum
{
  PH_DIGEST_ERROR_CRYPTO,      /* libsodium could not start */
  PH_DIGEST_ERROR_INVALID,     /* a key, digest or signature is not well formed */
  PH_DIGEST_ERROR_BAD_SIGNATURE,
} PhDigestError;

/* The name of the canonical form ph_digest_batch() hashes; it is the first line of that
 * form and is written into every bundle manifest. */
#define PH_DIGEST_BATCH_VERSION "phananh-batch-v1"

/* Sizes, in hex characters, of what the helpers below produce. */
#define PH_DIGEST_SHA256_HEX_LEN     64
#define PH_DIGEST_PUBLIC_KEY_HEX_LEN 64
#define PH_DIGEST_SECRET_KEY_HEX_LEN 128
#define PH_DIGEST_SIGNATURE_HEX_LEN  128

GQuark    ph_digest_error_quark        (void);

GBytes   *ph_digest_batch_canonical    (const PhAppendixBatch *batch);
char     *ph_digest_batch              (const PhAppendixBatch *batch);

char     *ph_digest_sha256_bytes       (const void      *data,
                                        gsize            len);
char     *ph_digest_sha256_file        (const char      *path,
                                        gint64          *size,
                                        GCancellable    *cancellable,
                                        GError         **error);

gboolean  ph_digest_keypair_new        (char           **public_key_hex,
                                        char           **secret_key_hex,
                                        GError         **error);
char     *ph_digest_public_key_from_secret (const char   *secret_key_hex,
                                            GError      **error);
char     *ph_digest_sign               (const char      *digest_hex,
                                        const char      *secret_key_hex,
                                        GError         **error);
gboolean  ph_digest_verify_signature   (const char      *digest_hex,
                                        const char      *signature_hex,
                                        const char      *public_key_hex,
                                        GError         **error);

G_END_DECLS
