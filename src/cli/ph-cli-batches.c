/* SPDX-License-Identifier: GPL-3.0-or-later */
/* phananh-cli batches, and the signature part of verify. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ph-cli.h"
#include "ph-store-batches.h"

/* @text followed by spaces up to @width characters (printf pads bytes, not letters). */
static char *
pad (const char *text,
     glong       width)
{
  glong len = g_utf8_strlen (text, -1);
  GString *out = g_string_new (text);

  for (; len < width; len++)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

/**
 * ph_cli_batches:
 *
 * `phananh-cli batches [--state STATE]`: every batch, newest first: id, code,
 * dispatch number, state, entry count, approver.
 */
int
ph_cli_batches (const PhCliGlobals  *globals,
                int                  argc,
                char               **argv)
{
  g_autoptr(PhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  PhBatchState state = PH_BATCH_STATE_ANY;

  for (int i = 0; i < argc; i++)
    {
      if (strcmp (argv[i], "--state") == 0 && i + 1 < argc)
        {
          state = ph_batch_state_from_string (argv[++i]);
          if (state == PH_BATCH_STATE_ANY)
            {
              ph_cli_fail (_("unknown state “%s”; use draft, submitted, returned, approved, sent, "
                             "answered or closed"), argv[i]);
              return PH_CLI_USAGE;
            }
        }
      else
        {
          ph_cli_fail (_("“batches” takes only --state STATE"));
          return PH_CLI_USAGE;
        }
    }

  store = ph_store_open (globals->data_dir, &error);
  if (store == NULL)
    {
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }
  batches = ph_store_list_batches (store, state, &error);
  if (batches == NULL)
    {
      ph_cli_fail ("%s", error->message);
      return PH_CLI_PROBLEM;
    }

  for (guint i = 0; i < batches->len; i++)
    {
      PhBatch *batch = g_ptr_array_index (batches, i);
      g_autofree char *reference = ph_batch_dup_reference (batch);

      if (globals->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          ph_cli_json_add_int (builder, "id", batch->id);
          ph_cli_json_add_string (builder, "code", batch->code);
          ph_cli_json_add_string (builder, "number", *batch->number != '\0' ? reference : NULL);
          ph_cli_json_add_string (builder, "dated_on", batch->dated_on);
          ph_cli_json_add_string (builder, "state", ph_batch_state_to_string (batch->state));
          ph_cli_json_add_int (builder, "entries", batch->entry_count);
          ph_cli_json_add_int (builder, "sources", batch->source_count);
          ph_cli_json_add_string (builder, "created_by", batch->created_by_login);
          ph_cli_json_add_string (builder, "approver", batch->approved_by_name);
          ph_cli_json_add_string (builder, "approved_at", batch->approved_at);
          ph_cli_json_add_string (builder, "sent_on", batch->sent_on);
          ph_cli_json_add_string (builder, "digest", batch->digest);
          json_builder_end_object (builder);
          ph_cli_print_json (builder);
        }
      else
        {
          g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry",
                                                                   "%u entries",
                                                                   batch->entry_count),
                                                      batch->entry_count);

          g_autofree char *code = pad (batch->code, 12);
          g_autofree char *number = pad (*batch->number != '\0' ? reference : "—", 16);
          g_autofree char *state_label = pad (ph_batch_state_get_label (batch->state), 18);
          g_autofree char *count = pad (entries, 11);
          g_autofree char *line = g_strdup_printf ("%4" G_GINT64_FORMAT "  %s  %s  %s  %s  %s",
                                                   batch->id, code, number, state_label, count,
                                                   batch->approved_by_name != NULL
                                                   ? batch->approved_by_name : "");

          g_print ("%s\n", g_strchomp (line));
        }
    }
  return PH_CLI_OK;
}

/**
 * ph_cli_verify_batches:
 * @store: an open store
 * @json: print JSON lines
 * @problems: (inout): incremented for each batch that does not verify
 * @error: return location for a #GError
 *
 * The signature part of `phananh-cli verify`: names each signed batch and
 * says whether its digest and signature hold.
 *
 * Returns: %FALSE if the batches could not be read
 */
gboolean
ph_cli_verify_batches (PhStore   *store,
                       gboolean   json,
                       guint     *problems,
                       GError   **error)
{
  g_autoptr(GPtrArray) checks = ph_store_verify_batches (store, error);

  if (checks == NULL)
    return FALSE;

  for (guint i = 0; i < checks->len; i++)
    {
      PhBatchCheck *check = g_ptr_array_index (checks, i);

      if (!check->ok)
        (*problems)++;
      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          ph_cli_json_add_string (builder, "check", "batch-signature");
          ph_cli_json_add_int (builder, "batch", check->batch_id);
          ph_cli_json_add_string (builder, "reference", check->reference);
          ph_cli_json_add_string (builder, "approver", check->approver);
          json_builder_set_member_name (builder, "ok");
          json_builder_add_boolean_value (builder, check->ok);
          ph_cli_json_add_string (builder, "problem", check->problem);
          json_builder_end_object (builder);
          ph_cli_print_json (builder);
        }
      else if (check->ok)
        g_print (_("Batch %s: signature by %s is valid\n"), check->reference,
                 check->approver != NULL ? check->approver : "?");
      else
        g_print (_("Batch %s: NOT VALID — %s\n"), check->reference, check->problem);
    }
  if (!json && checks->len == 0)
    g_print ("%s\n", _("No signed batches to check"));
  return TRUE;
}
