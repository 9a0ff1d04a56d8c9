/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "ph-crypto.h"
#include "ph-test-util.h"

static void
test_crypto_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = ph_crypto_hash_password ("mật khẩu đúng", &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));

  g_assert_true (ph_crypto_verify_password (hash, "mật khẩu đúng", &error));
  g_assert_no_error (error);

  g_assert_false (ph_crypto_verify_password (hash, "mat khau dung", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  g_assert_false (ph_crypto_verify_password (hash, "", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  /* a fresh salt each time */
  again = ph_crypto_hash_password ("mật khẩu đúng", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, !=, again);
}

static void
test_crypto_password_damaged (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ph_crypto_verify_password ("", "x", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ph_crypto_verify_password ("plain text password", "plain text password", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ph_crypto_verify_password ("$argon2id$v=19$m=8,t=1,p=1$garbage", "x", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
}

/* The hash records its own cost: one made at the application's cost is
 * checked while tests run at the minimum, and the other way round. */
static void
test_crypto_password_cost (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *interactive = NULL;
  g_autofree char *minimum = NULL;
  gint64 start;

  ph_crypto_set_cost (PH_CRYPTO_COST_INTERACTIVE);
  start = g_get_monotonic_time ();
  interactive = ph_crypto_hash_password ("correct horse", &error);
  g_assert_no_error (error);
  g_test_message ("interactive Argon2id hash: %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_nonnull (strstr (interactive, "m=65536"));
  ph_crypto_set_cost (PH_CRYPTO_COST_MINIMUM);
  g_assert_cmpint (ph_crypto_get_cost (), ==, PH_CRYPTO_COST_MINIMUM);

  minimum = ph_crypto_hash_password ("correct horse", &error);
  g_assert_no_error (error);
  g_assert_null (strstr (minimum, "m=65536"));

  g_assert_true (ph_crypto_verify_password (interactive, "correct horse", &error));
  g_assert_no_error (error);
  g_assert_true (ph_crypto_verify_password (minimum, "correct horse", &error));
  g_assert_no_error (error);
}

static void
test_crypto_strength (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ph_crypto_check_password_strength ("12345678", &error));
  g_assert_no_error (error);
  /* characters, not bytes: seven Vietnamese letters are too few */
  g_assert_false (ph_crypto_check_password_strength ("đươngữ", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  g_assert_false (ph_crypto_check_password_strength ("", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WEAK_PASSWORD);
}

static void
test_crypto_sign (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pk = NULL;
  g_autofree char *sealed = NULL;
  g_autoptr(PhSigningKey) key = NULL;
  g_autofree char *sig = NULL;
  g_autofree char *tampered = NULL;
  const char *msg = "phananh-batch-v1\nsố công văn: 125/SKHCN-BCVT\n";
  gsize len = strlen (msg);

  g_assert_true (ph_crypto_generate_key_pair ("approver-pass", &pk, &sealed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (pk), ==, PH_CRYPTO_PUBLIC_KEY_HEX_LEN);
  g_assert_true (g_str_has_prefix (sealed, "phsk1$"));
  /* the sealed form never holds the key in the clear */
  g_assert_null (strstr (sealed, pk));

  key = ph_crypto_unseal_secret_key (sealed, pk, "approver-pass", &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);
  g_assert_cmpstr (ph_signing_key_get_public_key (key), ==, pk);

  sig = ph_signing_key_sign (key, (const guint8 *) msg, len);
  g_assert_cmpuint (strlen (sig), ==, PH_CRYPTO_SIGNATURE_HEX_LEN);
  g_assert_true (ph_crypto_verify_signature (pk, (const guint8 *) msg, len, sig, &error));
  g_assert_no_error (error);

  /* one byte of content changed */
  g_assert_false (ph_crypto_verify_signature (pk, (const guint8 *) msg, len - 1, sig, &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);

  /* one hex digit of the signature changed */
  tampered = g_strdup (sig);
  tampered[10] = tampered[10] == '0' ? '1' : '0';
  g_assert_false (ph_crypto_verify_signature (pk, (const guint8 *) msg, len, tampered, &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);

  g_assert_false (ph_crypto_verify_signature (pk, (const guint8 *) msg, len, "", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);
  g_assert_false (ph_crypto_verify_signature (pk, (const guint8 *) msg, len, NULL, &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);

  g_assert_false (ph_crypto_verify_signature ("zz", (const guint8 *) msg, len, sig, &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID);
}

static void
test_crypto_unseal_wrong (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pk = NULL, *sealed = NULL;
  g_autofree char *pk2 = NULL, *sealed2 = NULL;
  g_autofree char *damaged = NULL;
  PhSigningKey *key;

  g_assert_true (ph_crypto_generate_key_pair ("first-password", &pk, &sealed, &error));
  g_assert_true (ph_crypto_generate_key_pair ("first-password", &pk2, &sealed2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pk, !=, pk2);

  key = ph_crypto_unseal_secret_key (sealed, pk, "wrong-password", &error);
  g_assert_null (key);
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  /* someone else's sealed key put beside this public key */
  key = ph_crypto_unseal_secret_key (sealed2, pk, "first-password", &error);
  g_assert_null (key);
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID);
  g_clear_error (&error);

  key = ph_crypto_unseal_secret_key ("phsk1$1$8192$AA$AA$AA", pk, "first-password", &error);
  g_assert_null (key);
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID);
  g_clear_error (&error);

  /* ciphertext altered: the MAC refuses it */
  damaged = g_strdup (sealed);
  damaged[strlen (damaged) - 3] = damaged[strlen (damaged) - 3] == 'A' ? 'B' : 'A';
  key = ph_crypto_unseal_secret_key (damaged, pk, "first-password", &error);
  g_assert_null (key);
  g_assert_nonnull (error);
  g_clear_error (&error);
}

static void
test_crypto_reseal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pk = NULL, *sealed = NULL, *resealed = NULL, *sig = NULL;
  g_autoptr(PhSigningKey) key = NULL;
  PhSigningKey *old;
  const guint8 msg[] = "batch";

  g_assert_true (ph_crypto_generate_key_pair ("old-password", &pk, &sealed, &error));
  g_assert_no_error (error);

  g_assert_null (ph_crypto_reseal_secret_key (sealed, pk, "not-the-old", "new-password", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  resealed = ph_crypto_reseal_secret_key (sealed, pk, "old-password", "new-password", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resealed, !=, sealed);

  old = ph_crypto_unseal_secret_key (resealed, pk, "old-password", &error);
  g_assert_null (old);
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  /* the same key pair: signatures made before the change still verify */
  key = ph_crypto_unseal_secret_key (resealed, pk, "new-password", &error);
  g_assert_no_error (error);
  sig = ph_signing_key_sign (key, msg, sizeof msg);
  g_assert_true (ph_crypto_verify_signature (pk, msg, sizeof msg, sig, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  g_assert_true (ph_crypto_init (NULL));
  ph_crypto_set_cost (PH_CRYPTO_COST_MINIMUM);

  g_test_add_func ("/phananh/crypto/password", test_crypto_password);
  g_test_add_func ("/phananh/crypto/password-damaged", test_crypto_password_damaged);
  g_test_add_func ("/phananh/crypto/password-cost", test_crypto_password_cost);
  g_test_add_func ("/phananh/crypto/strength", test_crypto_strength);
  g_test_add_func ("/phananh/crypto/sign", test_crypto_sign);
  g_test_add_func ("/phananh/crypto/unseal-wrong", test_crypto_unseal_wrong);
  g_test_add_func ("/phananh/crypto/reseal", test_crypto_reseal);

  return g_test_run ();
}
