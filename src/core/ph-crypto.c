/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-crypto.c: passwords and approval keys, with libsodium.
 *
 * A password is kept as libsodium's Argon2id string ("$argon2id$v=19$m=…"),
 * which carries its own salt and cost. An approver's Ed25519 secret key is
 * kept sealed with crypto_secretbox under a key that Argon2id derives from
 * their password with a salt of its own, so the database alone never signs:
 *
 *   phsk1$<opslimit>$<memlimit>$<salt b64>$<nonce b64>$<ciphertext b64>
 *
 * Changing the password opens the key with the old password and seals it
 * again under the new one; the key pair itself (and so every signature
 * already made) stays the same. */

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "ph-crypto.h"

G_DEFINE_QUARK (ph-crypto-error-quark, ph_crypto_error)

#define SEALED_PREFIX "phsk1"

struct _PhSigningKey
{
  guint8 *secret;  /* crypto_sign_SECRETKEYBYTES, sodium_malloc'd */
  char    public_hex[PH_CRYPTO_PUBLIC_KEY_HEX_LEN + 1];
};

static PhCryptoCost current_cost = PH_CRYPTO_COST_INTERACTIVE;

/**
 * ph_crypto_init:
 * @error: return location for a #GError
 *
 * Starts libsodium once; safe to call from any thread, any number of times.
 *
 * Returns: %TRUE when the cryptography can be used
 */
gboolean
ph_crypto_init (GError **error)
{
  static gsize initialised;
  static gboolean ok;

  if (g_once_init_enter (&initialised))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialised, 1);
    }

  if (!ok)
    g_set_error_literal (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INIT,
                         _("The cryptography library could not start; reinstall the application"));
  return ok;
}

/**
 * ph_crypto_set_cost:
 * @cost: the work new password hashes and sealed keys take
 *
 * Test suites lower the cost; the application never does.
 */
void
ph_crypto_set_cost (PhCryptoCost cost)
{
  current_cost = cost;
}

PhCryptoCost
ph_crypto_get_cost (void)
{
  return current_cost;
}

static void
get_limits (unsigned long long *opslimit,
            gsize              *memlimit)
{
  if (current_cost == PH_CRYPTO_COST_MINIMUM)
    {
      *opslimit = crypto_pwhash_OPSLIMIT_MIN;
      *memlimit = crypto_pwhash_MEMLIMIT_MIN;
    }
  else
    {
      *opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
      *memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    }
}

static void
set_no_memory (GError **error)
{
  g_set_error_literal (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_NO_MEMORY,
                       _("There is not enough memory to check the password; close other "
                         "applications and try again"));
}

static void
set_wrong_password (GError **error)
{
  g_set_error_literal (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD,
                       _("The password is not correct; type it again"));
}

/**
 * ph_crypto_check_password_strength:
 * @password: a proposed password
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @password is long enough for a new account
 */
gboolean
ph_crypto_check_password_strength (const char  *password,
                                   GError     **error)
{
  g_return_val_if_fail (password != NULL, FALSE);

  if (!g_utf8_validate (password, -1, NULL)
      || g_utf8_strlen (password, -1) < PH_CRYPTO_MIN_PASSWORD_LENGTH)
    {
      g_set_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WEAK_PASSWORD,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The password must have at least %d character",
                                "The password must have at least %d characters",
                                PH_CRYPTO_MIN_PASSWORD_LENGTH),
                   PH_CRYPTO_MIN_PASSWORD_LENGTH);
      return FALSE;
    }
  return TRUE;
}

/**
 * ph_crypto_hash_password:
 * @password: the password
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the Argon2id string to store, or %NULL
 */
char *
ph_crypto_hash_password (const char  *password,
                         GError     **error)
{
  char out[crypto_pwhash_STRBYTES];
  unsigned long long opslimit;
  gsize memlimit;

  g_return_val_if_fail (password != NULL, NULL);

  if (!ph_crypto_init (error))
    return NULL;

  get_limits (&opslimit, &memlimit);
  if (crypto_pwhash_str_alg (out, password, strlen (password), opslimit, memlimit,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      set_no_memory (error);
      return NULL;
    }
  return g_strdup (out);
}

/**
 * ph_crypto_verify_password:
 * @stored_hash: a string made by ph_crypto_hash_password()
 * @password: what the user typed
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @password matches; otherwise %FALSE with
 *   %PH_CRYPTO_ERROR_WRONG_PASSWORD (or %PH_CRYPTO_ERROR_INVALID for a damaged hash)
 */
gboolean
ph_crypto_verify_password (const char  *stored_hash,
                           const char  *password,
                           GError     **error)
{
  g_return_val_if_fail (stored_hash != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  if (!ph_crypto_init (error))
    return FALSE;

  if (strlen (stored_hash) >= crypto_pwhash_STRBYTES
      || !g_str_has_prefix (stored_hash, crypto_pwhash_argon2id_STRPREFIX))
    {
      g_set_error_literal (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID,
                           _("The stored password of this account is damaged; "
                             "an administrator must set a new one"));
      return FALSE;
    }

  if (crypto_pwhash_str_verify (stored_hash, password, strlen (password)) != 0)
    {
      set_wrong_password (error);
      return FALSE;
    }
  return TRUE;
}

static char *
to_hex (const guint8 *bytes,
        gsize         length)
{
  char *hex = g_malloc (length * 2 + 1);

  sodium_bin2hex (hex, length * 2 + 1, bytes, length);
  return hex;
}

static gboolean
from_hex (const char *hex,
          guint8     *out,
          gsize       length)
{
  gsize bin_len = 0;

  if (hex == NULL || strlen (hex) != length * 2)
    return FALSE;
  return sodium_hex2bin (out, length, hex, length * 2, NULL, &bin_len, NULL) == 0
         && bin_len == length;
}

static char *
to_base64 (const guint8 *bytes,
           gsize         length)
{
  gsize size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  char *b64 = g_malloc (size);

  sodium_bin2base64 (b64, size, bytes, length, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  return b64;
}

static gboolean
from_base64 (const char *b64,
             guint8     *out,
             gsize       length)
{
  gsize bin_len = 0;

  return sodium_base642bin (out, length, b64, strlen (b64), NULL, &bin_len, NULL,
                            sodium_base64_VARIANT_ORIGINAL_NO_PADDING) == 0
         && bin_len == length;
}

/* Derives the sealing key into @key (crypto_secretbox_KEYBYTES). */
static gboolean
derive_key (guint8              *key,
            const char          *password,
            const guint8        *salt,
            unsigned long long   opslimit,
            gsize                memlimit,
            GError             **error)
{
  if (crypto_pwhash (key, crypto_secretbox_KEYBYTES, password, strlen (password), salt,
                     opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      set_no_memory (error);
      return FALSE;
    }
  return TRUE;
}

/* Seals @secret (crypto_sign_SECRETKEYBYTES) under @password at the current cost. */
static char *
seal (const guint8  *secret,
      const char    *password,
      GError       **error)
{
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 nonce[crypto_secretbox_NONCEBYTES];
  guint8 cipher[crypto_secretbox_MACBYTES + crypto_sign_SECRETKEYBYTES];
  guint8 *key;
  unsigned long long opslimit;
  gsize memlimit;
  g_autofree char *salt64 = NULL;
  g_autofree char *nonce64 = NULL;
  g_autofree char *cipher64 = NULL;

  key = sodium_malloc (crypto_secretbox_KEYBYTES);
  if (key == NULL)
    {
      set_no_memory (error);
      return NULL;
    }

  get_limits (&opslimit, &memlimit);
  randombytes_buf (salt, sizeof salt);
  randombytes_buf (nonce, sizeof nonce);
  if (!derive_key (key, password, salt, opslimit, memlimit, error))
    {
      sodium_free (key);
      return NULL;
    }
  crypto_secretbox_easy (cipher, secret, crypto_sign_SECRETKEYBYTES, nonce, key);
  sodium_free (key);

  salt64 = to_base64 (salt, sizeof salt);
  nonce64 = to_base64 (nonce, sizeof nonce);
  cipher64 = to_base64 (cipher, sizeof cipher);
  return g_strdup_printf (SEALED_PREFIX "$%llu$%" G_GSIZE_FORMAT "$%s$%s$%s",
                          opslimit, memlimit, salt64, nonce64, cipher64);
}

static void
set_damaged_key (GError **error)
{
  g_set_error_literal (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID,
                       _("The stored signing key of this account is damaged; "
                         "an administrator must give the account a new key"));
}

/**
 * ph_crypto_generate_key_pair:
 * @password: the password that will open the secret key
 * @public_key_hex: (out): the Ed25519 public key, lower-case hex
 * @sealed_secret_key: (out): the secret key sealed under @password
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
ph_crypto_generate_key_pair (const char  *password,
                             char       **public_key_hex,
                             char       **sealed_secret_key,
                             GError     **error)
{
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint8 *sk;
  char *sealed;

  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (public_key_hex != NULL, FALSE);
  g_return_val_if_fail (sealed_secret_key != NULL, FALSE);

  if (!ph_crypto_init (error))
    return FALSE;

  sk = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  if (sk == NULL)
    {
      set_no_memory (error);
      return FALSE;
    }
  crypto_sign_keypair (pk, sk);
  sealed = seal (sk, password, error);
  sodium_free (sk);
  if (sealed == NULL)
    return FALSE;

  *public_key_hex = to_hex (pk, sizeof pk);
  *sealed_secret_key = sealed;
  return TRUE;
}

/**
 * ph_crypto_unseal_secret_key:
 * @sealed_secret_key: what ph_crypto_generate_key_pair() made
 * @public_key_hex: the public key stored beside it
 * @password: the owner's password
 * @error: return location for a #GError
 *
 * Opens the secret key and checks that it belongs to @public_key_hex.
 *
 * Returns: (transfer full): the key, or %NULL with
 *   %PH_CRYPTO_ERROR_WRONG_PASSWORD or %PH_CRYPTO_ERROR_INVALID
 */
PhSigningKey *
ph_crypto_unseal_secret_key (const char  *sealed_secret_key,
                             const char  *public_key_hex,
                             const char  *password,
                             GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 nonce[crypto_secretbox_NONCEBYTES];
  guint8 cipher[crypto_secretbox_MACBYTES + crypto_sign_SECRETKEYBYTES];
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint64 opslimit, memlimit;
  guint8 *key;
  PhSigningKey *result;

  g_return_val_if_fail (sealed_secret_key != NULL, NULL);
  g_return_val_if_fail (public_key_hex != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  if (!ph_crypto_init (error))
    return NULL;

  parts = g_strsplit (sealed_secret_key, "$", -1);
  if (g_strv_length (parts) != 6 || strcmp (parts[0], SEALED_PREFIX) != 0
      || !g_ascii_string_to_unsigned (parts[1], 10, crypto_pwhash_OPSLIMIT_MIN,
                                      crypto_pwhash_OPSLIMIT_SENSITIVE, &opslimit, NULL)
      || !g_ascii_string_to_unsigned (parts[2], 10, crypto_pwhash_MEMLIMIT_MIN,
                                      crypto_pwhash_MEMLIMIT_SENSITIVE, &memlimit, NULL)
      || !from_base64 (parts[3], salt, sizeof salt)
      || !from_base64 (parts[4], nonce, sizeof nonce)
      || !from_base64 (parts[5], cipher, sizeof cipher)
      || !from_hex (public_key_hex, pk, sizeof pk))
    {
      set_damaged_key (error);
      return NULL;
    }

  key = sodium_malloc (crypto_secretbox_KEYBYTES);
  if (key == NULL)
    {
      set_no_memory (error);
      return NULL;
    }
  if (!derive_key (key, password, salt, opslimit, (gsize) memlimit, error))
    {
      sodium_free (key);
      return NULL;
    }

  result = g_new0 (PhSigningKey, 1);
  result->secret = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  if (result->secret == NULL)
    {
      sodium_free (key);
      g_free (result);
      set_no_memory (error);
      return NULL;
    }

  if (crypto_secretbox_open_easy (result->secret, cipher, sizeof cipher, nonce, key) != 0)
    {
      sodium_free (key);
      ph_signing_key_free (result);
      set_wrong_password (error);
      return NULL;
    }
  sodium_free (key);

  /* An Ed25519 secret key ends with its public key: a sealed key that opens
   * but belongs to someone else was swapped in the database. */
  if (sodium_memcmp (result->secret + crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES,
                     pk, sizeof pk) != 0)
    {
      ph_signing_key_free (result);
      set_damaged_key (error);
      return NULL;
    }

  sodium_bin2hex (result->public_hex, sizeof result->public_hex, pk, sizeof pk);
  return result;
}

/**
 * ph_crypto_reseal_secret_key:
 * @sealed_secret_key: the key sealed under @old_password
 * @public_key_hex: the public key stored beside it
 * @old_password: the current password
 * @new_password: the password that will open it from now on
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the same key sealed under @new_password, or %NULL
 */
char *
ph_crypto_reseal_secret_key (const char  *sealed_secret_key,
                             const char  *public_key_hex,
                             const char  *old_password,
                             const char  *new_password,
                             GError     **error)
{
  g_autoptr(PhSigningKey) key = NULL;

  g_return_val_if_fail (new_password != NULL, NULL);

  key = ph_crypto_unseal_secret_key (sealed_secret_key, public_key_hex, old_password, error);
  if (key == NULL)
    return NULL;
  return seal (key->secret, new_password, error);
}

/**
 * ph_signing_key_free:
 * @key: (nullable): an opened key
 *
 * Wipes and frees the key.
 */
void
ph_signing_key_free (PhSigningKey *key)
{
  if (key == NULL)
    return;
  if (key->secret != NULL)
    sodium_free (key->secret);  /* zeroes the memory before releasing it */
  sodium_memzero (key, sizeof *key);
  g_free (key);
}

/**
 * ph_signing_key_sign:
 * @key: an opened key
 * @message: the bytes to sign
 * @length: their length
 *
 * Returns: (transfer full): the detached Ed25519 signature, lower-case hex
 */
char *
ph_signing_key_sign (const PhSigningKey *key,
                     const guint8       *message,
                     gsize               length)
{
  guint8 sig[crypto_sign_BYTES];

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (message != NULL || length == 0, NULL);

  crypto_sign_detached (sig, NULL, message, length, key->secret);
  return to_hex (sig, sizeof sig);
}

/**
 * ph_signing_key_get_public_key:
 * @key: an opened key
 *
 * Returns: the public key, lower-case hex
 */
const char *
ph_signing_key_get_public_key (const PhSigningKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  return key->public_hex;
}

/**
 * ph_crypto_verify_signature:
 * @public_key_hex: the signer's public key
 * @message: the bytes that were signed
 * @length: their length
 * @signature_hex: the detached signature
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the signature holds; otherwise %FALSE with
 *   %PH_CRYPTO_ERROR_BAD_SIGNATURE or %PH_CRYPTO_ERROR_INVALID
 */
gboolean
ph_crypto_verify_signature (const char    *public_key_hex,
                            const guint8  *message,
                            gsize          length,
                            const char    *signature_hex,
                            GError       **error)
{
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint8 sig[crypto_sign_BYTES];

  g_return_val_if_fail (message != NULL || length == 0, FALSE);

  if (!ph_crypto_init (error))
    return FALSE;

  if (!from_hex (public_key_hex, pk, sizeof pk))
    {
      g_set_error_literal (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID,
                           _("The stored public key is damaged"));
      return FALSE;
    }
  if (!from_hex (signature_hex, sig, sizeof sig))
    {
      g_set_error_literal (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_BAD_SIGNATURE,
                           _("The signature is missing or damaged"));
      return FALSE;
    }
  if (crypto_sign_verify_detached (sig, message, length, pk) != 0)
    {
      g_set_error_literal (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_BAD_SIGNATURE,
                           _("The signature does not match the signed content"));
      return FALSE;
    }
  return TRUE;
}
