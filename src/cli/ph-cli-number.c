/* SPDX-License-Identifier: GPL-3.0-or-later */
/* phananh-cli number / sms: check sources and 156/5656 messages from scripts. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ph-cli.h"
#include "ph-number.h"
#include "ph-sms.h"

/* The members every number object has. The keys are a contract with scripts
 * (issue 3): exactly these, in this order, null when they do not apply. */
static void
add_number_members (JsonBuilder    *builder,
                    const PhNumber *number)
{
  ph_cli_json_add_string (builder, "input", number->input);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, ph_number_is_valid (number));
  ph_cli_json_add_string (builder, "kind", ph_source_kind_to_string (number->kind));
  ph_cli_json_add_string (builder, "e164", number->e164);
  ph_cli_json_add_string (builder, "display", number->display);
  ph_cli_json_add_string (builder, "network", number->network);
  ph_cli_json_add_string (builder, "province", number->province);
  ph_cli_json_add_string (builder, "converted_from", number->converted_from);
  ph_cli_json_add_string (builder, "reason", number->reason);
}

static const char *
or_dash (const char *value)
{
  return value != NULL && *value != '\0' ? value : "-";
}

static void
print_number_line (const PhNumber *number)
{
  const char *where = number->network != NULL ? number->network : number->province;
  const char *note = number->reason != NULL ? number->reason : number->note;

  g_print ("%s\t%s\t%s\t%s\t%s\n",
           ph_source_kind_get_label (number->kind),
           or_dash (number->display),
           or_dash (number->e164),
           or_dash (where),
           or_dash (note));
}

/**
 * ph_cli_number:
 *
 * `phananh-cli number INPUT…`: one line (or JSON object) per input.
 * Exit status 1 when any input is invalid.
 */
int
ph_cli_number (const PhCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  int status = PH_CLI_OK;

  if (argc < 1)
    {
      ph_cli_fail (_("“number” needs at least one number to check"));
      return PH_CLI_USAGE;
    }

  for (int i = 0; i < argc; i++)
    {
      g_autoptr(PhNumber) number = ph_number_parse (argv[i]);

      if (!ph_number_is_valid (number))
        status = PH_CLI_PROBLEM;

      if (globals->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          add_number_members (builder, number);
          json_builder_end_object (builder);
          ph_cli_print_json (builder);
        }
      else
        print_number_line (number);
    }

  return status;
}

/**
 * ph_cli_sms:
 *
 * `phananh-cli sms MESSAGE…`: parses 156/5656 report messages. Several
 * arguments are joined with spaces, so the message need not be quoted.
 * Exit status 1 when the message is malformed.
 */
int
ph_cli_sms (const PhCliGlobals  *globals,
            int                  argc,
            char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhSmsReport) report = NULL;
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;

  if (argc < 1)
    {
      ph_cli_fail (_("“sms” needs the message to read"));
      return PH_CLI_USAGE;
    }

  message = g_strjoinv (" ", argv);
  valid = g_utf8_make_valid (message, -1);
  report = ph_sms_parse (message, &error);

  if (globals->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      ph_cli_json_add_string (builder, "input", valid);
      json_builder_set_member_name (builder, "valid");
      json_builder_add_boolean_value (builder, report != NULL);
      ph_cli_json_add_string (builder, "category",
                          report != NULL ? ph_sms_category_to_string (report->category) : NULL);
      json_builder_set_member_name (builder, "source");
      if (report != NULL)
        {
          json_builder_begin_object (builder);
          add_number_members (builder, report->source);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      ph_cli_json_add_string (builder, "content", report != NULL ? report->content : NULL);
      ph_cli_json_add_string (builder, "reason", error != NULL ? error->message : NULL);
      json_builder_end_object (builder);
      ph_cli_print_json (builder);
    }
  else if (report != NULL)
    {
      const PhNumber *source = report->source;
      const char *where = source->network != NULL ? source->network : source->province;

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n",
               ph_sms_category_get_label (report->category),
               ph_source_kind_get_label (source->kind),
               or_dash (source->display),
               or_dash (source->e164),
               or_dash (where),
               report->content);
    }
  else
    g_print ("%s\t%s\n", C_("sms category", "Invalid"), error->message);

  return report != NULL ? PH_CLI_OK : PH_CLI_PROBLEM;
}
