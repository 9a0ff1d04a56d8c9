/* SPDX-License-Identifier: GPL-3.0-or-later */
/* phananh-cli: the core without a window, for admins, scripts, tests and benchmarks. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ph-cli.h"

typedef struct
{
  const char       *name;
  const char       *args;
  const char       *summary;
  PhCliCommandFunc  func;
} PhCliCommand;

static const PhCliCommand commands[] = {
  { "init", "", N_("Create the case store, or upgrade it to this version"), ph_cli_init },
  { "batches", "[--state STATE]", N_("List the batches with their state and approver"), ph_cli_batches },
  { "demo", "N [--seed S] [--no-evidence]", N_("Add N realistic example entries"), ph_cli_demo },
  { "export-appendix", "BATCH -o FILE [--preview]",
    N_("Write the appendix workbook of a batch (a draft with --preview)"), ph_cli_export_appendix },
  { "export-bundle", "BATCH -o FILE",
    N_("Write the evidence bundle (.zip) of an approved batch"), ph_cli_export_bundle },
  { "search", "QUERY [--limit N]", N_("Find entries by words or by digits of a number"), ph_cli_search },
  { "number", "INPUT…", N_("Check phone numbers, short codes and brandnames"), ph_cli_number },
  { "sms", "MESSAGE", N_("Read a 156/5656 report message (LD/V/S …)"), ph_cli_sms },
  { "stats", "", N_("Count entries by status, category, network and unit"), ph_cli_stats },
  { "verify", "[BUNDLE.zip]", N_("Check the case store (database, audit chain, evidence, signed batches) or an evidence bundle"),
    ph_cli_verify },
  { "backup", "DEST", N_("Back up the case store and its evidence into a new folder"), ph_cli_backup },
  { "restore", "SRC", N_("Verify a backup, then restore it (the current data is kept aside)"), ph_cli_restore },
  { NULL }
};

/**
 * ph_cli_fail:
 * @format: printf-style message
 *
 * Prints a one-line reason on stderr, prefixed with the program name.
 */
/* Prints the object @builder holds as one line of JSON. */
void
ph_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Adds the member @name: @value, or null for %NULL. */
void
ph_cli_json_add_string (JsonBuilder *builder,
                        const char  *name,
                        const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
ph_cli_json_add_int (JsonBuilder *builder,
                     const char  *name,
                     gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
ph_cli_fail (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("phananh-cli: %s\n", message);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: phananh-cli [--data-dir DIR] [--json] COMMAND [ARGUMENTS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (const PhCliCommand *c = commands; c->name != NULL; c++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", c->name, c->args);
      fprintf (out, "  %-28s %s\n", left, _(c->summary));
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-28s %s\n", "--data-dir DIR",
           _("Work on the case store in DIR (default: $PHANANH_DATA_DIR or ~/.local/share/phananh)"));
  fprintf (out, "  %-28s %s\n", "--json", _("Print one JSON object per line"));
  fprintf (out, "  %-28s %s\n", "--help", _("Show this help"));
  fprintf (out, "  %-28s %s\n", "--version", _("Show the version"));
}

int
main (int   argc,
      char *argv[])
{
  PhCliGlobals globals = { 0 };
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command; everything after the command
   * belongs to it (except --json, which is accepted anywhere). */
  for (i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_usage (stdout);
          return PH_CLI_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("phananh-cli %s\n", PACKAGE_VERSION);
          return PH_CLI_OK;
        }
      else if (strcmp (argv[i], "--json") == 0)
        globals.json = TRUE;
      else if (strcmp (argv[i], "--data-dir") == 0)
        {
          if (i + 1 >= argc)
            {
              ph_cli_fail (_("--data-dir needs a folder"));
              return PH_CLI_USAGE;
            }
          globals.data_dir = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--data-dir="))
        globals.data_dir = argv[i] + strlen ("--data-dir=");
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          ph_cli_fail (_("unknown option “%s”; see phananh-cli --help"), argv[i]);
          return PH_CLI_USAGE;
        }
      else
        break;
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return PH_CLI_USAGE;
    }

  for (const PhCliCommand *c = commands; c->name != NULL; c++)
    {
      if (strcmp (argv[i], c->name) == 0)
        {
          g_autoptr(GPtrArray) rest = g_ptr_array_new ();

          /* --json after the command is just as welcome */
          for (int j = i + 1; j < argc; j++)
            {
              if (strcmp (argv[j], "--json") == 0)
                globals.json = TRUE;
              else
                g_ptr_array_add (rest, argv[j]);
            }
          g_ptr_array_add (rest, NULL);

          return c->func (&globals, (int) rest->len - 1, (char **) rest->pdata);
        }
    }

  ph_cli_fail (_("unknown command “%s”; see phananh-cli --help"), argv[i]);
  return PH_CLI_USAGE;
}
