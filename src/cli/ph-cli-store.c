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
#include "ph-demo-batches.h"
#include "ph-store.h"
#include "ph-store-entries.h"
#include "ph-store-maintenance.h"
#include "ph-store-private.h"
#include "ph-store-users.h"

static PhStore *
open_store (const PhCliGlobals *globals)
{
  g_autoptr(GError) error = NULL;
  PhStore *store = ph_store_open (globals->data_dir, &error);

  if (store == NULL)
    ph_cli_fail ("%s", error->message);
  return store;
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
      ph_cli_json_add_string (builder, "data_dir", ph_store_get_data_dir (store));
      ph_cli_json_add_string (builder, "database", ph_store_get_database_path (store));
      ph_cli_json_add_int (builder, "schema", ph_store_get_schema_version (store));
      json_builder_end_object (builder);
      ph_cli_print_json (builder);
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
  guint n_batches = 0;
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
  if (isatty (STDERR_FILENO))
    g_printerr ("\n");
  /* Accounts and a batch in every state, on a store that has no accounts of its own. */
  if (!ph_demo_add_batches (store, &n_batches, &error))
    {
      if (!g_error_matches (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_SET_UP))
        {
          ph_cli_fail ("%s", error->message);
          return PH_CLI_PROBLEM;
        }
      if (!globals->json)
        g_printerr ("phananh-cli: %s\n", error->message);
      g_clear_error (&error);
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (globals->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      ph_cli_json_add_int (builder, "entries", (gint64) n);
      ph_cli_json_add_int (builder, "batches", n_batches);
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_double_value (builder, seconds);
      json_builder_end_object (builder);
      ph_cli_print_json (builder);
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u entry in %.1f s\n",
                            "Added %u entries in %.1f s\n", (gulong) n),
               (guint) n, seconds);
      if (n_batches > 0)
        g_print (_("Made %u batches and the demo accounts admin, lan, minh (clerks), hung, thao "
                   "(approvers); every password is “%s”\n"), n_batches, PH_DEMO_PASSWORD);
    }
  return PH_CLI_OK;
}

static void
add_entry_members (JsonBuilder   *builder,
                   const PhEntry *entry)
{
  ph_cli_json_add_int (builder, "id", entry->id);
  ph_cli_json_add_string (builder, "code", entry->code);
  ph_cli_json_add_string (builder, "received_on", entry->received_on);
  ph_cli_json_add_string (builder, "source", entry->source_display);
  ph_cli_json_add_string (builder, "source_key", entry->source_key);
  ph_cli_json_add_string (builder, "kind", ph_source_kind_to_string (entry->source_kind));
  ph_cli_json_add_string (builder, "network", entry->network);
  ph_cli_json_add_string (builder, "category", ph_category_to_string (entry->category));
  ph_cli_json_add_string (builder, "channel", ph_channel_to_string (entry->channel));
  ph_cli_json_add_string (builder, "unit", entry->unit_name);
  ph_cli_json_add_string (builder, "status", ph_entry_status_to_string (entry->status));
  ph_cli_json_add_int (builder, "evidence", entry->evidence_count);
  ph_cli_json_add_string (builder, "content", entry->content);
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
          ph_cli_print_json (builder);
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

static const char *
problem_kind_to_string (PhProblemKind kind)
{
  switch (kind)
    {
    case PH_PROBLEM_DATABASE:
      return "database";
    case PH_PROBLEM_AUDIT:
      return "audit";
    case PH_PROBLEM_EVIDENCE:
      return "evidence";
    case PH_PROBLEM_SEARCH:
    default:
      return "search";
    }
}

/**
 * ph_cli_verify_case_store:
 * @problems: (inout): incremented by the problems found
 *
 * The store part of `phananh-cli verify`: the database's integrity, the audit
 * chain and every evidence file. One line (or JSON object) per problem, then a
 * summary.
 */
gboolean
ph_cli_verify_case_store (PhStore   *store,
                          gboolean   json,
                          guint     *problems,
                          GError   **error)
{
  g_autoptr(GPtrArray) found = NULL;
  PhVerifyCounts counts;

  found = ph_store_verify (store, &counts, NULL, NULL, NULL, error);
  if (found == NULL)
    return FALSE;

  for (guint i = 0; i < found->len; i++)
    {
      PhProblem *problem = g_ptr_array_index (found, i);

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          ph_cli_json_add_string (builder, "problem", problem_kind_to_string (problem->kind));
          ph_cli_json_add_int (builder, "row", problem->row);
          ph_cli_json_add_string (builder, "file", problem->name);
          ph_cli_json_add_string (builder, "message", problem->message);
          json_builder_end_object (builder);
          ph_cli_print_json (builder);
        }
      else
        g_print ("%s\n", problem->message);
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      ph_cli_json_add_string (builder, "check", "store");
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, found->len == 0);
      ph_cli_json_add_int (builder, "problems", found->len);
      ph_cli_json_add_int (builder, "audit_rows", counts.audit_rows);
      ph_cli_json_add_int (builder, "evidence_files", counts.evidence_files);
      json_builder_end_object (builder);
      ph_cli_print_json (builder);
    }
  else if (found->len == 0)
    g_print (_("The case store is intact: %lld audit rows chained, %lld evidence files checked.\n"),
             (long long) counts.audit_rows, (long long) counts.evidence_files);

  *problems += found->len;
  return TRUE;
}

/**
 * ph_cli_backup:
 *
 * `phananh-cli backup DEST`: an online backup into a new folder.
 */
int
ph_cli_backup (const PhCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  g_autoptr(PhStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 1)
    {
      ph_cli_fail (_("“backup” needs the folder to write the backup to"));
      return PH_CLI_USAGE;
    }

  store = open_store (globals);
  if (store == NULL)
    return PH_CLI_PROBLEM;

  if (!ph_store_backup (store, argv[0], NULL, NULL, NULL, &error))
    {
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }

  if (globals->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      ph_cli_json_add_string (builder, "backup", argv[0]);
      json_builder_end_object (builder);
      ph_cli_print_json (builder);
    }
  else
    g_print (_("Backup written to %s\n"), argv[0]);
  return PH_CLI_OK;
}

/**
 * ph_cli_restore:
 *
 * `phananh-cli restore SRC`: verifies the backup, then replaces the store.
 */
int
ph_cli_restore (const PhCliGlobals  *globals,
                int                  argc,
                char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (argc != 1)
    {
      ph_cli_fail (_("“restore” needs the backup folder to restore from"));
      return PH_CLI_USAGE;
    }

  if (!ph_store_restore (globals->data_dir, argv[0], &kept, NULL, &error))
    {
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }

  if (globals->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      ph_cli_json_add_string (builder, "restored", argv[0]);
      ph_cli_json_add_string (builder, "kept", kept);
      json_builder_end_object (builder);
      ph_cli_print_json (builder);
    }
  else
    g_print (_("Restored from %s; the data it replaced is kept in %s\n"), argv[0], kept);
  return PH_CLI_OK;
}

static gboolean
print_groups (PhStore     *store,
              const char  *group,
              const char  *sql,
              const char *(*label) (int),
              int        (*from_string) (const char *),
              gboolean     json,
              GError     **error)
{
  sqlite3_stmt *stmt = ph_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gint64 count = sqlite3_column_int64 (stmt, 1);
      const char *shown = key != NULL ? key : "-";

      if (label != NULL && from_string != NULL)
        shown = label (from_string (key));
      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          ph_cli_json_add_string (builder, "group", group);
          ph_cli_json_add_string (builder, "key", key);
          ph_cli_json_add_int (builder, "count", count);
          json_builder_end_object (builder);
          ph_cli_print_json (builder);
        }
      else
        g_print ("  %-40s %10" G_GINT64_FORMAT "\n", shown, count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ph_cli_stats:
 *
 * `phananh-cli stats`: totals and counts per status, category, network and unit.
 */
int
ph_cli_stats (const PhCliGlobals  *globals,
              int                  argc,
              char               **argv)
{
  g_autoptr(PhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const total_sql[] = {
    "SELECT 'entries', count(*) FROM entries",
    "SELECT 'documents', count(*) FROM documents",
    "SELECT 'sources', count(*) FROM sources",
    "SELECT 'repeated_sources', count(*) FROM sources WHERE entry_count > 1",
    "SELECT 'units', count(*) FROM units",
    "SELECT 'evidence_files', count(DISTINCT sha256) FROM evidence",
    "SELECT 'evidence_bytes', coalesce (sum (size), 0) FROM (SELECT DISTINCT sha256, size FROM evidence)",
    "SELECT 'audit_rows', count(*) FROM audit_log",
  };
  static const char * const total_labels[] = {
    N_("Entries"), N_("Incoming documents"), N_("Sources"), N_("Sources reported more than once"),
    N_("Units"), N_("Evidence files"), N_("Evidence bytes"), N_("Audit log rows"),
  };

  if (argc != 0)
    {
      ph_cli_fail (_("“stats” takes no arguments"));
      return PH_CLI_USAGE;
    }

  store = open_store (globals);
  if (store == NULL)
    return PH_CLI_PROBLEM;

  if (!globals->json)
    g_print ("%s\n", _("Totals"));
  for (gsize i = 0; i < G_N_ELEMENTS (total_sql); i++)
    {
      sqlite3_stmt *stmt = ph_store_prepare (store, total_sql[i], &error);

      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
        {
          if (error == NULL)
            ph_store_set_db_error (store, sqlite3_errcode (ph_store_get_db (store)), &error);
          ph_cli_fail ("%s", error->message);
          return PH_CLI_PROBLEM;
        }
      if (globals->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          ph_cli_json_add_string (builder, "group", "total");
          ph_cli_json_add_string (builder, "key", (const char *) sqlite3_column_text (stmt, 0));
          ph_cli_json_add_int (builder, "count", sqlite3_column_int64 (stmt, 1));
          json_builder_end_object (builder);
          ph_cli_print_json (builder);
        }
      else
        g_print ("  %-40s %10" G_GINT64_FORMAT "\n", _(total_labels[i]),
                 (gint64) sqlite3_column_int64 (stmt, 1));
      sqlite3_reset (stmt);
    }

  if (!globals->json)
    g_print ("%s\n", _("By status"));
  if (!print_groups (store, "status", "SELECT status, count(*) FROM entries GROUP BY status ORDER BY 2 DESC",
                     (const char *(*) (int)) ph_entry_status_get_label,
                     (int (*) (const char *)) ph_entry_status_from_string, globals->json, &error))
    goto fail;
  if (!globals->json)
    g_print ("%s\n", _("By category"));
  if (!print_groups (store, "category", "SELECT category, count(*) FROM entries GROUP BY category ORDER BY 2 DESC",
                     (const char *(*) (int)) ph_category_get_label,
                     (int (*) (const char *)) ph_category_from_string, globals->json, &error))
    goto fail;
  if (!globals->json)
    g_print ("%s\n", _("By original network"));
  if (!print_groups (store, "network", "SELECT network, count(*) FROM entries GROUP BY network ORDER BY 2 DESC",
                     NULL, NULL, globals->json, &error))
    goto fail;
  if (!globals->json)
    g_print ("%s\n", _("By unit"));
  if (!print_groups (store, "unit", "SELECT u.name, count(*) FROM entries e JOIN units u ON u.id = e.unit_id"
                                    " GROUP BY e.unit_id ORDER BY 2 DESC",
                     NULL, NULL, globals->json, &error))
    goto fail;
  return PH_CLI_OK;

fail:
  ph_cli_fail ("%s", error->message);
  return PH_CLI_PROBLEM;
}
