/* SPDX-License-Identifier: GPL-3.0-or-later */
/* phananh-cli export-appendix / export-bundle: the official appendix workbook and the
 * evidence bundle of a batch, without a window. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ph-appendix.h"
#include "ph-bundle.h"
#include "ph-cli.h"
#include "ph-store-appendix.h"
#include "ph-store-batches.h"

typedef struct
{
  const char *batch;
  const char *output;
  gboolean    preview;
} ExportArgs;

static gboolean
parse_args (const char  *command,
            gboolean     allow_preview,
            int          argc,
            char       **argv,
            ExportArgs  *args)
{
  for (int i = 0; i < argc; i++)
    {
      if ((strcmp (argv[i], "-o") == 0 || strcmp (argv[i], "--output") == 0) && i + 1 < argc)
        args->output = argv[++i];
      else if (g_str_has_prefix (argv[i], "--output="))
        args->output = argv[i] + strlen ("--output=");
      else if (allow_preview && strcmp (argv[i], "--preview") == 0)
        args->preview = TRUE;
      else if (argv[i][0] != '-' && args->batch == NULL)
        args->batch = argv[i];
      else
        {
          ph_cli_fail (_("%s: unexpected “%s”; see phananh-cli --help"), command, argv[i]);
          return FALSE;
        }
    }

  if (args->batch == NULL || args->output == NULL)
    {
      ph_cli_fail (_("%s needs a batch (its code or number) and -o FILE"), command);
      return FALSE;
    }

  return TRUE;
}

/* A batch named by its id (`4`) or its code (`DG-2026-003`, any case). */
static gint64
find_batch (PhStore     *store,
            const char  *name,
            GError     **error)
{
  g_autoptr(GPtrArray) batches = NULL;
  char *end = NULL;
  gint64 id;

  id = g_ascii_strtoll (name, &end, 10);
  if (end != name && *end == '\0' && id > 0)
    {
      g_autoptr(PhBatch) batch = ph_store_get_batch (store, id, error);

      return batch != NULL ? id : 0;
    }

  batches = ph_store_list_batches (store, PH_BATCH_STATE_ANY, error);
  if (batches == NULL)
    return 0;

  for (guint i = 0; i < batches->len; i++)
    {
      PhBatch *batch = g_ptr_array_index (batches, i);

      if (g_ascii_strcasecmp (batch->code, name) == 0)
        return batch->id;
    }

  g_set_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_STATE,
               _("There is no batch “%s”; “phananh-cli batches” lists them"), name);
  return 0;
}

static void
show_progress (double   fraction,
               gpointer data)
{
  int *last = data;
  int percent = (int) (fraction * 100);

  if (percent / 10 != *last / 10)
    {
      g_printerr ("\r%3d %%", percent);
      *last = percent;
    }
}

static void
print_result (const PhCliGlobals    *globals,
              const char            *kind,
              const char            *output,
              const PhAppendixBatch *batch,
              gboolean               preview)
{
  if (globals->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, kind);
      json_builder_add_string_value (b, output);
      json_builder_set_member_name (b, "batch");
      json_builder_add_string_value (b, batch->code);
      json_builder_set_member_name (b, "entries");
      json_builder_add_int_value (b, batch->rows->len);
      json_builder_set_member_name (b, "preview");
      json_builder_add_boolean_value (b, preview);
      json_builder_set_member_name (b, "digest");
      if (batch->digest_hex != NULL && !preview)
        json_builder_add_string_value (b, batch->digest_hex);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);

      root = json_builder_get_root (b);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    {
      /* Translators: the file written, the batch code, then a count of entries */
      g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: batch %s, %u entry\n",
                            "Wrote %s: batch %s, %u entries\n", batch->rows->len),
               output, batch->code, batch->rows->len);
    }
}

static int
run_export (const PhCliGlobals *globals,
            const char         *command,
            gboolean            bundle,
            int                 argc,
            char              **argv)
{
  ExportArgs args = { 0 };
  g_autoptr(PhStore) store = NULL;
  g_autoptr(PhAppendixBatch) batch = NULL;
  g_autoptr(PhTemplate) tpl = NULL;
  g_autoptr(GError) error = NULL;
  int last = -1;
  gboolean tty = isatty (STDERR_FILENO) && !globals->json;
  gboolean ok;
  gint64 id;

  if (!parse_args (command, !bundle, argc, argv, &args))
    return PH_CLI_USAGE;

  store = ph_store_open (globals->data_dir, &error);
  if (store == NULL ||
      (id = find_batch (store, args.batch, &error)) == 0 ||
      (batch = ph_store_get_appendix_batch (store, id, &error)) == NULL ||
      (tpl = ph_template_load (ph_store_get_data_dir (store), &error)) == NULL)
    {
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }

  if (bundle)
    ok = ph_bundle_write (batch, tpl, args.output, NULL, tty ? show_progress : NULL, &last,
                          &error);
  else
    ok = ph_appendix_write_with_template (batch, tpl, args.output, args.preview, NULL,
                                          tty ? show_progress : NULL, &last, &error);
  if (tty && last >= 0)
    g_printerr ("\r      \r");

  if (!ok)
    {
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }

  print_result (globals, bundle ? "bundle" : "workbook", args.output, batch, args.preview);
  return PH_CLI_OK;
}

/**
 * ph_cli_export_appendix:
 *
 * `export-appendix BATCH -o FILE [--preview]`: the appendix workbook of an approved
 * batch, or a draft stamped "DỰ THẢO" of any batch.
 */
int
ph_cli_export_appendix (const PhCliGlobals  *globals,
                        int                  argc,
                        char               **argv)
{
  return run_export (globals, "export-appendix", FALSE, argc, argv);
}

/**
 * ph_cli_export_bundle:
 *
 * `export-bundle BATCH -o FILE`: the evidence bundle of an approved batch.
 */
int
ph_cli_export_bundle (const PhCliGlobals  *globals,
                      int                  argc,
                      char               **argv)
{
  return run_export (globals, "export-bundle", TRUE, argc, argv);
}
