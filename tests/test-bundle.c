/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/wait.h>
#include <string.h>

#include "ph-bundle.h"
#include "ph-digest.h"
#include "ph-test-batch.h"
#include "ph-test-util.h"

#define PYTHON "/usr/bin/python3"

static int
run_python (const char * const *args,
            char              **out)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-bundle.py", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) PYTHON);
  g_ptr_array_add (argv, script);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_printerr ("%s", err);

  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static char *
write_bundle (const char       *dir,
              PhAppendixBatch **batch_out)
{
  g_autofree char *evidence = g_build_filename (dir, "store", NULL);
  char *path = g_build_filename (dir, "ho-so.zip", NULL);
  g_autoptr(PhAppendixBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (evidence, 0700), ==, 0);
  batch = ph_test_make_batch (12, evidence, TRUE);
  g_assert_true (ph_bundle_write (batch, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (g_strconcat (path, ".part", NULL), G_FILE_TEST_EXISTS));

  if (batch_out != NULL)
    *batch_out = g_steal_pointer (&batch);
  return path;
}

static void
test_bundle_round_trip (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("bundle");
  g_autoptr(PhAppendixBatch) batch = NULL;
  g_autofree char *path = write_bundle (dir, &batch);
  g_autoptr(PhBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { path, NULL };
  g_autofree char *out = NULL;
  PhAppendixRow *row = g_ptr_array_index (batch->rows, 2);
  PhAppendixEvidence *ev = g_ptr_array_index (row->evidence, 0);

  /* Named by row, source and kind. */
  g_assert_cmpstr (ev->bundle_name, ==, "chung-cu/003_0592345683_anh_1.png");

  g_assert_true (ph_bundle_verify (path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  /* The workbook, a screenshot per entry and a recording for the 6 calls. */
  g_assert_cmpuint (report->n_files, ==, 1 + 12 + 6);
  g_assert_cmpstr (report->digest_hex, ==, batch->digest_hex);
  g_assert_cmpstr (report->public_key_hex, ==, batch->public_key_hex);
  g_assert_cmpstr (report->batch_code, ==, "DG-2025-007");

  /* An independent reader unpacks it and recomputes every hash. */
  if (g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_assert_cmpint (run_python (args, &out), ==, 0);
      g_assert_cmpstr (out, ==, "");
    }
}

static void
expect_tamper_named (const char *member,
                     const char *expected)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("bundle");
  g_autofree char *path = write_bundle (dir, NULL);
  g_autofree char *bad = g_build_filename (dir, "sua.zip", NULL);
  const char *args[] = { "--tamper", path, member, bad, NULL };
  g_autoptr(PhBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is needed to tamper with the zip");
      return;
    }
  g_assert_cmpint (run_python (args, NULL), ==, 0);

  g_assert_false (ph_bundle_verify (bad, &report, NULL, &error));
  g_assert_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_FAILED);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not name “%s”", error->message, expected);
  g_assert_cmpuint (report->problems->len, >=, 1);
}

static void
test_bundle_tampered_evidence (void)
{
  expect_tamper_named ("chung-cu/005_02373851234_ghiam_1.amr",
                       "chung-cu/005_02373851234_ghiam_1.amr has been altered");
}

static void
test_bundle_tampered_workbook (void)
{
  expect_tamper_named ("phu-luc_DG-2025-007.xlsx", "phu-luc_DG-2025-007.xlsx has been altered");
}

static void
test_bundle_tampered_manifest (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("bundle");
  g_autofree char *path = write_bundle (dir, NULL);
  g_autofree char *bad = g_build_filename (dir, "sua.zip", NULL);
  g_autofree char *script = g_strdup_printf (
    "import zipfile,json,sys\n"
    "z=zipfile.ZipFile(sys.argv[1]); w=zipfile.ZipFile(sys.argv[2],'w')\n"
    "for i in z.infolist():\n"
    "  d=z.read(i.filename)\n"
    "  if i.filename=='manifest.json':\n"
    "    m=json.loads(d); m['batch']['entries'][3]['source']='+84999999999'\n"
    "    d=json.dumps(m,ensure_ascii=False).encode()\n"
    "  w.writestr(i,d)\n"
    "w.close()\n");
  const char *argv[] = { PYTHON, "-c", script, path, bad, NULL };
  g_autoptr(GError) error = NULL;
  int status = 1;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is needed to tamper with the zip");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* A changed number in the manifest no longer hashes to the signed digest. */
  g_assert_false (ph_bundle_verify (bad, NULL, NULL, &error));
  g_assert_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "does not match its digest"));
}

/* phananh-cli verify BUNDLE.zip, as a script uses it. */
static int
run_cli_verify (const char  *bundle,
                gboolean     json,
                char       **out,
                char       **err)
{
  g_autofree char *cli = g_build_filename (g_getenv ("PHANANH_BUILD_ROOT"), "src", "cli",
                                           "phananh-cli", NULL);
  const char *argv[] = { cli, "verify", bundle, json ? "--json" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_bundle_cli_verify (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("bundle");
  g_autofree char *path = write_bundle (dir, NULL);
  g_autofree char *bad = g_build_filename (dir, "sua.zip", NULL);
  const char *args[] = { "--tamper", path, "chung-cu/002_VAYNHANH24H_anh_1.jpg", bad, NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL;
  g_autofree char *err3 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *obj;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is needed to tamper with the zip");
      return;
    }

  g_assert_cmpint (run_cli_verify (path, FALSE, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "19 files checked"));
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (run_python (args, NULL), ==, 0);
  g_assert_cmpint (run_cli_verify (bad, FALSE, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "chung-cu/002_VAYNHANH24H_anh_1.jpg has been altered"));

  g_assert_cmpint (run_cli_verify (bad, TRUE, &out3, &err3), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out3, -1, &error));
  g_assert_no_error (error);
  obj = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (obj, "ok"));
  /* Its hash in the file list, and the hash the approver signed. */
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (obj, "problems")), ==, 2);
}

static void
test_bundle_refuses_unapproved (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("bundle");
  g_autofree char *path = g_build_filename (dir, "ho-so.zip", NULL);
  g_autoptr(PhAppendixBatch) batch = ph_test_make_batch (2, dir, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_false (ph_bundle_write (batch, NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_NOT_APPROVED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bundle_damaged_store (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("bundle");
  g_autofree char *path = g_build_filename (dir, "ho-so.zip", NULL);
  g_autoptr(PhAppendixBatch) batch = ph_test_make_batch (3, dir, TRUE);
  PhAppendixRow *row = g_ptr_array_index (batch->rows, 1);
  PhAppendixEvidence *ev = g_ptr_array_index (row->evidence, 0);
  g_autoptr(GError) error = NULL;

  /* The evidence store's copy was changed behind the application's back. */
  g_file_set_contents (ev->path, "altered", -1, &error);
  g_assert_no_error (error);

  g_assert_false (ph_bundle_write (batch, NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_EVIDENCE);
  g_assert_nonnull (strstr (error->message, ev->path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bundle_not_a_bundle (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("bundle");
  g_autofree char *path = g_build_filename (dir, "x.zip", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "not a zip", -1, &error);
  g_assert_no_error (error);
  g_assert_false (ph_bundle_verify (path, NULL, NULL, &error));
  g_assert_error (error, PH_BUNDLE_ERROR, PH_BUNDLE_ERROR_READ);
}

static void
test_digest_sign_verify (void)
{
  g_autoptr(PhAppendixBatch) batch = ph_test_make_batch (4, NULL, TRUE);
  g_autofree char *digest = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GBytes) canonical = NULL;
  g_autoptr(GError) error = NULL;
  PhAppendixRow *row;
  PhAppendixEvidence *ev;

  canonical = ph_digest_batch_canonical (batch);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (canonical, NULL), "phananh-batch-v1\n"));

  digest = ph_digest_batch (batch);
  g_assert_cmpuint (strlen (digest), ==, PH_DIGEST_SHA256_HEX_LEN);
  g_assert_cmpstr (digest, ==, batch->digest_hex);
  g_assert_cmpuint (strlen (batch->signature_hex), ==, PH_CRYPTO_SIGNATURE_HEX_LEN);
  g_assert_true (ph_digest_verify_signature (digest, batch->signature_hex, batch->public_key_hex,
                                             &error));
  g_assert_no_error (error);

  /* NFD and NFC spellings are the same content. */
  row = g_ptr_array_index (batch->rows, 0);
  {
    char *nfd = g_utf8_normalize (row->content, -1, G_NORMALIZE_NFD);

    g_assert_cmpstr (nfd, !=, row->content);
    g_free (row->content);
    row->content = nfd;
  }
  again = ph_digest_batch (batch);
  g_assert_cmpstr (again, ==, digest);

  /* Any change to an evidence hash changes the digest and breaks the signature. */
  g_free (again);
  ev = g_ptr_array_index (row->evidence, 0);
  g_free (ev->sha256);
  ev->sha256 = g_strnfill (64, 'a');
  again = ph_digest_batch (batch);
  g_assert_cmpstr (again, !=, digest);
  g_assert_false (ph_digest_verify_signature (again, batch->signature_hex, batch->public_key_hex,
                                              &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);

  g_assert_false (ph_digest_verify_signature ("zz", batch->signature_hex, batch->public_key_hex,
                                              &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);

  g_test_add_func ("/phananh/bundle/round-trip", test_bundle_round_trip);
  g_test_add_func ("/phananh/bundle/tampered-evidence", test_bundle_tampered_evidence);
  g_test_add_func ("/phananh/bundle/tampered-workbook", test_bundle_tampered_workbook);
  g_test_add_func ("/phananh/bundle/tampered-manifest", test_bundle_tampered_manifest);
  g_test_add_func ("/phananh/bundle/cli-verify", test_bundle_cli_verify);
  g_test_add_func ("/phananh/bundle/refuses-unapproved", test_bundle_refuses_unapproved);
  g_test_add_func ("/phananh/bundle/damaged-store", test_bundle_damaged_store);
  g_test_add_func ("/phananh/bundle/not-a-bundle", test_bundle_not_a_bundle);
  g_test_add_func ("/phananh/bundle/digest-sign-verify", test_digest_sign_verify);

  return g_test_run ();
}
