/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PH_CRYPTO_ERROR (ph_crypto_error_quark ())

typedef enum
{
  PH_CRYPTO_ERROR_INIT,            /* libsodium could not start */
  PH_CRYPTO_ERROR_WRONG_PASSWORD,  /* the password does not match */
  PH_CRYPTO_ERROR_WEAK_PASSWORD,   /* too short to be accepted */
  PH_CRYPTO_ERROR_NO_MEMORY,       /* hashing needs more memory than the system gives */
  PH_CRYPTO_ERROR_INVALID,         /* a stored hash, key or sealed key is damaged */
  PH_CRYPTO_ERROR_BAD_SIGNATURE,   /* a signature does not hold */
} PhCryptoError;

/* How much work password hashing does. INTERACTIVE is what the application
 * uses; MINIMUM exists for test suites, which hash hundreds of passwords. The
 * cost is recorded with each hash and each sealed key, so either kind of
 * record can be checked or opened whatever the current setting is. */
typedef enum
{
  PH_CRYPTO_COST_INTERACTIVE,
  PH_CRYPTO_COST_MINIMUM,
} PhCryptoCost;

/* The shortest password accepted for a new account, in characters. */
#define PH_CRYPTO_MIN_PASSWORD_LENGTH 8

/* Ed25519 sizes, as lower-case hex text. */
#define PH_CRYPTO_PUBLIC_KEY_HEX_LEN 64
#define PH_CRYPTO_SIGNATURE_HEX_LEN 128

/**
 * PhSigningKey:
 *
 * An opened Ed25519 secret key, held in guarded memory that is wiped when
 * the key is freed. Open it with ph_crypto_unseal_secret_key() just before
 * signing and free it right after.
 */
typedef struct _PhSigningKey PhSigningKey;

GQuark         ph_crypto_error_quark         (void);

gboolean       ph_crypto_init                (GError        **error);
void           ph_crypto_set_cost            (PhCryptoCost    cost);
PhCryptoCost   ph_crypto_get_cost            (void);

gboolean       ph_crypto_check_password_strength (const char  *password,
                                                  GError     **error);
char          *ph_crypto_hash_password       (const char     *password,
                                              GError        **error);
gboolean       ph_crypto_verify_password     (const char     *stored_hash,
                                              const char     *password,
                                              GError        **error);

gboolean       ph_crypto_generate_key_pair   (const char     *password,
                                              char          **public_key_hex,
                                              char          **sealed_secret_key,
                                              GError        **error);
PhSigningKey  *ph_crypto_unseal_secret_key   (const char     *sealed_secret_key,
                                              const char     *public_key_hex,
                                              const char     *password,
                                              GError        **error);
char          *ph_crypto_reseal_secret_key   (const char     *sealed_secret_key,
                                              const char     *public_key_hex,
                                              const char     *old_password,
                                              const char     *new_password,
                                              GError        **error);
void           ph_signing_key_free           (PhSigningKey   *key);

char          *ph_signing_key_sign           (const PhSigningKey *key,
                                              const guint8       *message,
                                              gsize               length);
const char    *ph_signing_key_get_public_key (const PhSigningKey *key);

gboolean       ph_crypto_verify_signature    (const char     *public_key_hex,
                                              const guint8   *message,
                                              gsize           length,
                                              const char     *signature_hex,
                                              GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhSigningKey, ph_signing_key_free)

G_END_DECLS
