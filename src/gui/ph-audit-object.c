/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One row of the audit log, and what it says in words: the store keeps an
 * action name and a JSON object; a clerk reads "Rejected entry PA-2025-000012:
 * official number". */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ph-audit-object.h"
#include "ph-entry.h"
#include "ph-format.h"
#include "ph-number.h"
#include "ph-store-entries.h"

struct _PhAuditObject
{
  GObject     parent_instance;

  PhAuditRow *row;
};

enum {
  PROP_0,
  PROP_WHEN,
  PROP_WHO,
  PROP_WHAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PhAuditObject, ph_audit_object, G_TYPE_OBJECT)

static const char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;

  node = json_object_get_member (object, name);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static char *
or_id (const char *code,
       gint64      id)
{
  if (code != NULL && *code != '\0')
    return g_strdup (code);

  return g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

/**
 * ph_audit_row_describe:
 * @row: a row of the audit log
 *
 * Returns: (transfer full): what the row records, as a sentence
 */
char *
ph_audit_row_describe (const PhAuditRow *row)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *code = NULL;
  JsonObject *details = NULL;
  const char *action;

  g_return_val_if_fail (row != NULL, NULL);

  action = row->action != NULL ? row->action : "";
  if (row->details != NULL)
    {
      gboolean parsed = json_parser_load_from_data (parser, row->details, -1, NULL);

      /* Some rows escape non-ASCII text C-style (\303\263), which is not JSON. */
      if (!parsed)
        {
          g_autofree char *unescaped = g_strcompress (row->details);

          parsed = json_parser_load_from_data (parser, unescaped, -1, NULL);
        }
      if (parsed && json_parser_get_root (parser) != NULL &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        details = json_node_get_object (json_parser_get_root (parser));
    }
  code = or_id (member (details, "code") ?: row->object_code, row->object_id);

  if (g_str_equal (action, "entry.create"))
    return g_strdup_printf (_("Registered entry %s"), code);
  if (g_str_equal (action, "entry.update"))
    return g_strdup_printf (_("Edited entry %s"), code);
  if (g_str_equal (action, "entry.delete"))
    return g_strdup_printf (_("Deleted entry %s"), code);
  if (g_str_has_prefix (action, "entry.status."))
    {
      PhEntryStatus status = ph_entry_status_from_string (action + strlen ("entry.status."));
      const char *reason = member (details, "reason");

      if (status == PH_ENTRY_STATUS_VERIFIED)
        return g_strdup_printf (_("Verified entry %s"), code);
      if (status == PH_ENTRY_STATUS_REJECTED && reason != NULL)
        return g_strdup_printf (_("Rejected entry %s: %s"), code, reason);
      if (status == PH_ENTRY_STATUS_REJECTED)
        return g_strdup_printf (_("Rejected entry %s"), code);
      return g_strdup_printf (_("Entry %s is now “%s”"), code, ph_entry_status_get_label (status));
    }
  if (g_str_equal (action, "evidence.add"))
    return g_strdup_printf (_("Attached evidence “%s”"), member (details, "name") ?: "");
  if (g_str_equal (action, "evidence.remove"))
    return g_strdup_printf (_("Removed evidence “%s”"), member (details, "name") ?: "");
  if (g_str_equal (action, "document.create"))
    {
      const char *number = member (details, "number");

      if (number != NULL && *number != '\0')
        return g_strdup_printf (_("Registered incoming document %s"), number);
      return g_strdup (_("Registered an incoming document"));
    }
  if (g_str_equal (action, "unit.create"))
    return g_strdup_printf (_("Added the unit “%s”"), member (details, "name") ?: "");
  if (g_str_equal (action, "exclusion.add"))
    return g_strdup_printf (_("Added %s to the exclusion list"), member (details, "source") ?: "");
  if (g_str_equal (action, "exclusion.remove"))
    return g_strdup_printf (_("Removed %s from the exclusion list"),
                            member (details, "source") ?: "");
  if (g_str_equal (action, "settings.set"))
    {
      const char *key = member (details, "key");
      g_autoptr(GList) names = details != NULL ? json_object_get_members (details) : NULL;

      if (key == NULL && names != NULL)
        key = names->data;
      return g_strdup_printf (_("Changed the setting “%s”"), key != NULL ? key : "");
    }
  if (g_str_equal (action, "agency.update"))
    return g_strdup (_("Changed the agency profile"));
  if (g_str_equal (action, "user.create"))
    return g_strdup_printf (_("Added the user %s (%s)"), member (details, "login") ?: "",
                            member (details, "role") ?: "");
  if (g_str_has_prefix (action, "user."))
    return g_strdup_printf (_("Changed the user %s"), member (details, "login") ?: code);
  if (g_str_equal (action, "batch.create"))
    return g_strdup_printf (_("Created batch %s"), code);
  if (g_str_equal (action, "batch.update"))
    return g_strdup_printf (_("Edited batch %s"), code);
  if (g_str_equal (action, "batch.submit"))
    return g_strdup_printf (_("Submitted batch %s for approval"), code);
  if (g_str_equal (action, "batch.approve"))
    return g_strdup_printf (_("Approved and signed batch %s"), code);
  if (g_str_equal (action, "batch.return"))
    {
      const char *comment = member (details, "comment");

      if (comment != NULL && *comment != '\0')
        return g_strdup_printf (_("Returned batch %s: %s"), code, comment);
      return g_strdup_printf (_("Returned batch %s"), code);
    }
  if (g_str_equal (action, "batch.sent"))
    {
      g_autofree char *day = ph_format_date (member (details, "sent_on"));

      return g_strdup_printf (_("Batch %s was sent on %s"), code, day);
    }
  if (g_str_equal (action, "batch.answer"))
    {
      g_autoptr(PhNumber) number = ph_number_parse (member (details, "source") ?: "");
      const char *shown = number != NULL && number->display != NULL ? number->display
                          : member (details, "source") ?: "";

      return g_strdup_printf (_("The Authority answered about %s: %s"), shown,
                              ph_source_answer_get_label (member (details, "answer")));
    }
  if (g_str_equal (action, "batch.close"))
    return g_strdup_printf (_("Closed batch %s"), code);

  /* An action this version does not know (a newer one wrote it): say what we can. */
  return g_strdup_printf ("%s %s %s", action, row->object_type ? row->object_type : "", code);
}

static void
ph_audit_object_finalize (GObject *object)
{
  PhAuditObject *self = PH_AUDIT_OBJECT (object);

  g_clear_pointer (&self->row, ph_audit_row_free);

  G_OBJECT_CLASS (ph_audit_object_parent_class)->finalize (object);
}

static void
ph_audit_object_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PhAuditObject *self = PH_AUDIT_OBJECT (object);

  switch (prop_id)
    {
    case PROP_WHEN:
      g_value_take_string (value, ph_format_timestamp (self->row->at));
      break;

    case PROP_WHO:
      g_value_set_string (value, self->row->actor);
      break;

    case PROP_WHAT:
      g_value_take_string (value, ph_audit_row_describe (self->row));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_audit_object_class_init (PhAuditObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_PROPS] = { NULL, "when", "who", "what" };

  object_class->finalize = ph_audit_object_finalize;
  object_class->get_property = ph_audit_object_get_property;

  /* Each is the text of one column, ready to show. */
  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ph_audit_object_init (PhAuditObject *self)
{
}

/**
 * ph_audit_object_new:
 * @row: (transfer full): a row of the audit log
 *
 * Returns: (transfer full): a list row holding @row
 */
PhAuditObject *
ph_audit_object_new (PhAuditRow *row)
{
  PhAuditObject *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (PH_TYPE_AUDIT_OBJECT, NULL);
  self->row = row;

  return self;
}

/**
 * ph_audit_object_get_row:
 * @self: a #PhAuditObject
 *
 * Returns: (transfer none): the audit row
 */
const PhAuditRow *
ph_audit_object_get_row (PhAuditObject *self)
{
  g_return_val_if_fail (PH_IS_AUDIT_OBJECT (self), NULL);

  return self->row;
}
