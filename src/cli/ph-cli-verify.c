/* SPDX-License-Identifier: GPL-3.0-or-later */
/* phananh-cli verify BUNDLE.zip: check an evidence bundle on its own.
 *
 * `verify` without an argument checks the case store (ph-cli-store.c: integrity,
 * audit chain, evidence hashes). An argument ending in .zip is always a bundle. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ph-bundle.h"
#include "ph-cli.h"

static void
print_json_report (const char           *path,
                   const PhBundleReport *report,
                   const GError         *error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "bundle");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "ok");
  json_builder_add_boolean_value (b, report != NULL && report->problems->len == 0);
  json_builder_set_member_name (b, "files");
  json_builder_add_int_value (b, report != NULL ? report->n_files : 0);
  json_builder_set_member_name (b, "batch");
  if (report != NULL && report->batch_code != NULL)
    json_builder_add_string_value (b, report->batch_code);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "digest");
  if (report != NULL && report->digest_hex != NULL)
    json_builder_add_string_value (b, report->digest_hex);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "public_key");
  if (report != NULL && report->public_key_hex != NULL)
    json_builder_add_string_value (b, report->public_key_hex);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "approver");
  if (report != NULL && report->approver != NULL)
    json_builder_add_string_value (b, report->approver);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  if (report != NULL)
    for (guint i = 0; i < report->problems->len; i++)
      json_builder_add_string_value (b, report->problems->pdata[i]);
  else if (error != NULL)
    json_builder_add_string_value (b, error->message);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static int
verify_bundle (const PhCliGlobals *globals,
               const char         *path)
{
  g_autoptr(PhBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = ph_bundle_verify (path, &report, NULL, &error);

  if (globals->json)
    print_json_report (path, report, error);
  else if (ok)
    {
      /* Translators: %s is a bundle file, then a count of files */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: sound, %u file checked\n",
                            "%s: sound, %u files checked\n", report->n_files),
               path, report->n_files);
      g_print (_("Batch: %s\n"), report->batch_code != NULL ? report->batch_code : "-");
      g_print (_("Digest (SHA-256): %s\n"), report->digest_hex);
      g_print (_("Signed by: %s, public key %s\n"),
               report->approver != NULL ? report->approver : "-", report->public_key_hex);
      g_print ("%s\n", _("Compare the public key with the approver's key in the case store."));
    }

  if (!ok && !globals->json)
    ph_cli_fail ("%s", error->message);

  return ok ? PH_CLI_OK : PH_CLI_PROBLEM;
}

/* `verify` without an argument: the case store. Each part reports what it
 * checked and counts its problems; the exit status is 1 if any was found. */
static int
verify_store (const PhCliGlobals *globals)
{
  g_autoptr(PhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint problems = 0;

  store = ph_store_open (globals->data_dir, &error);
  if (store == NULL)
    {
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }

  /* The database, the audit chain and every evidence file. */
  if (!ph_cli_verify_case_store (store, globals->json, &problems, &error))
    {
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }

  /* Signed batches: each digest recomputed, each signature checked. */
  if (!ph_cli_verify_batches (store, globals->json, &problems, &error))
    {
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }

  if (problems > 0)
    {
      if (!globals->json)
        ph_cli_fail (g_dngettext (GETTEXT_PACKAGE, "%u problem found", "%u problems found",
                                  problems), problems);
      return PH_CLI_PROBLEM;
    }
  return PH_CLI_OK;
}

/**
 * ph_cli_verify:
 *
 * `verify BUNDLE.zip`: checks an evidence bundle on its own; `verify` alone
 * checks the case store.
 */
int
ph_cli_verify (const PhCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  g_autofree char *lower = argc == 1 ? g_ascii_strdown (argv[0], -1) : NULL;

  if (lower != NULL && g_str_has_suffix (lower, ".zip"))
    return verify_bundle (globals, argv[0]);

  if (argc == 0)
    return verify_store (globals);

  ph_cli_fail (_("verify takes an evidence bundle or nothing: phananh-cli verify [BUNDLE.zip]"));
  return PH_CLI_USAGE;
}
