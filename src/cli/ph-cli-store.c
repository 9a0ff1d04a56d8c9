/* SPDX-License-Identifier: GPL-3.0-or-later */
/* phananh-cli init / demo / search / stats: the case store from scripts. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ph-cli.h"
#include "ph-demo.h"
#include "ph-store.h"
#include "ph-store-entries.h"

static PhStore *
open_store (const PhCliGlobals *globals)
{
  g_autoptr(GError) error = NULL;
  PhStore *store = ph_store_open (globals->data_dir, &error);

  if (store == NULL)
    ph_cli_fail ("%s", error->message);
  return store;
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/**
 * ph_cli_init:
 *
 * `phananh-cli init`: creates (or upgrades) the case store.
 */
int
ph_cli_init (const PhCliGlobals  *globals,
             int                  argc,
             char               **argv)
{
  g_autoptr(PhStore) store = NULL;

  if (argc != 0)
    {
      ph_cli_fail (_("“init” takes no arguments"));
      return PH_CLI_USAGE;
    }

  store = open_store (globals);
  if (store == NULL)
    return PH_CLI_PROBLEM;

  if (globals->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "data_dir", ph_store_get_data_dir (store));
      add_string (builder, "database", ph_store_get_database_path (store));
      add_int (builder, "schema", ph_store_get_schema_version (store));
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    g_print (_("Case store ready in %s (schema %d)\n"), ph_store_get_data_dir (store),
             ph_store_get_schema_version (store));
  return PH_CLI_OK;
}

static void
demo_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  if (isatty (STDERR_FILENO))
    g_printerr ("\r%" G_GUINT64_FORMAT " / %" G_GUINT64_FORMAT, done, total);
}

/**
 * ph_cli_demo:
 *
 * `phananh-cli demo N [--seed S] [--no-evidence]`: adds N realistic entries.
 */
int
ph_cli_demo (const PhCliGlobals  *globals,
             int                  argc,
             char               **argv)
{
  g_autoptr(PhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PhDemoFlags flags = PH_DEMO_FLAGS_NONE;
  guint64 n = 0;
  guint64 seed = 1;
  gboolean have_n = FALSE;
  gint64 start;
  double seconds;

  for (int i = 0; i < argc; i++)
    {
      if (strcmp (argv[i], "--no-evidence") == 0)
        flags |= PH_DEMO_FLAGS_NO_EVIDENCE;
      else if (strcmp (argv[i], "--seed") == 0 && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 0, G_MAXUINT32, &seed, NULL))
            {
              ph_cli_fail (_("--seed needs a whole number, not “%s”"), argv[i]);
              return PH_CLI_USAGE;
            }
        }
      else if (!have_n && g_ascii_string_to_unsigned (argv[i], 10, 1, 100000000, &n, NULL))
        have_n = TRUE;
      else
        {
          ph_cli_fail (_("“demo” needs the number of entries to make, e.g. phananh-cli demo 1000"));
          return PH_CLI_USAGE;
        }
    }
  if (!have_n)
    {
      ph_cli_fail (_("“demo” needs the number of entries to make, e.g. phananh-cli demo 1000"));
      return PH_CLI_USAGE;
    }

  store = open_store (globals);
  if (store == NULL)
    return PH_CLI_PROBLEM;
  ph_store_set_actor (store, "demo");

  start = g_get_monotonic_time ();
  if (!ph_demo_fill (store, (guint) n, (guint32) seed, flags, demo_progress, NULL, NULL, &error))
    {
      if (isatty (STDERR_FILENO))
        g_printerr ("\n");
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (isatty (STDERR_FILENO))
    g_printerr ("\n");

  if (globals->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_int (builder, "entries", (gint64) n);
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_double_value (builder, seconds);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u entry in %.1f s\n",
                          "Added %u entries in %.1f s\n", (gulong) n),
             (guint) n, seconds);
  return PH_CLI_OK;
}

static void
add_entry_members (JsonBuilder   *builder,
                   const PhEntry *entry)
{
  add_int (builder, "id", entry->id);
  add_string (builder, "code", entry->code);
  add_string (builder, "received_on", entry->received_on);
  add_string (builder, "source", entry->source_display);
  add_string (builder, "source_key", entry->source_key);
  add_string (builder, "kind", ph_source_kind_to_string (entry->source_kind));
  add_string (builder, "network", entry->network);
  add_string (builder, "category", ph_category_to_string (entry->category));
  add_string (builder, "channel", ph_channel_to_string (entry->channel));
  add_string (builder, "unit", entry->unit_name);
  add_string (builder, "status", ph_entry_status_to_string (entry->status));
  add_int (builder, "evidence", entry->evidence_count);
  add_string (builder, "content", entry->content);
}

/**
 * ph_cli_search:
 *
 * `phananh-cli search QUERY [--limit N]`: the entries matching QUERY, newest
 * first. Exit status 1 when nothing matches.
 */
int
ph_cli_search (const PhCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  g_autoptr(PhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *query = NULL;
  PhEntryFilter filter = { 0 };
  guint64 limit = 50;

  for (int i = 0; i < argc; i++)
    {
      if (strcmp (argv[i], "--limit") == 0 && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 1, 1000000, &limit, NULL))
            {
              ph_cli_fail (_("--limit needs a whole number, not “%s”"), argv[i]);
              return PH_CLI_USAGE;
            }
        }
      else
        g_ptr_array_add (words, g_strdup (argv[i]));
    }
  g_ptr_array_add (words, NULL);
  query = g_strjoinv (" ", (char **) words->pdata);
  if (*g_strstrip (query) == '\0')
    {
      ph_cli_fail (_("“search” needs words or digits to look for"));
      return PH_CLI_USAGE;
    }

  store = open_store (globals);
  if (store == NULL)
    return PH_CLI_PROBLEM;

  filter.text = query;
  entries = ph_store_list_entries (store, &filter, PH_ENTRY_SORT_RECEIVED, TRUE, 0, (guint) limit,
                                   &error);
  if (entries == NULL)
    {
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      PhEntry *entry = g_ptr_array_index (entries, i);

      if (globals->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          add_entry_members (builder, entry);
          json_builder_end_object (builder);
          print_json (builder);
        }
      else
        g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", entry->code, entry->received_on,
                 entry->source_display, entry->network != NULL ? entry->network : "-",
                 ph_category_get_label (entry->category), entry->unit_name,
                 ph_entry_status_get_label (entry->status));
    }

  if (entries->len == 0)
    {
      ph_cli_fail (_("no entry matches “%s”"), query);
      return PH_CLI_PROBLEM;
    }
  return PH_CLI_OK;
}
