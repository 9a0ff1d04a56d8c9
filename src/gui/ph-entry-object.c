/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One row of the entries list: a PhEntry read from the store, with the
 * texts the columns show as properties for the .ui factories. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-entry-object.h"
#include "ph-format.h"

struct _PhEntryObject
{
  GObject  parent_instance;

  PhEntry *entry;
};

enum {
  PROP_0,
  PROP_CODE,
  PROP_RECEIVED,
  PROP_SOURCE,
  PROP_NETWORK,
  PROP_CATEGORY,
  PROP_UNIT,
  PROP_EVIDENCE,
  PROP_STATUS,
  PROP_STATUS_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PhEntryObject, ph_entry_object, G_TYPE_OBJECT)

static void
ph_entry_object_finalize (GObject *object)
{
  PhEntryObject *self = PH_ENTRY_OBJECT (object);

  g_clear_pointer (&self->entry, ph_entry_free);

  G_OBJECT_CLASS (ph_entry_object_parent_class)->finalize (object);
}

static void
ph_entry_object_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PhEntryObject *self = PH_ENTRY_OBJECT (object);
  const PhEntry *entry = self->entry;

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, entry->code);
      break;

    case PROP_RECEIVED:
      g_value_take_string (value, ph_format_date (entry->received_on));
      break;

    case PROP_SOURCE:
      g_value_set_string (value, entry->source_display);
      break;

    case PROP_NETWORK:
      /* A landline has a province, not a network; say where it is. */
      g_value_set_string (value, entry->network != NULL ? entry->network
                                 : entry->province != NULL ? entry->province : "");
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, ph_category_get_label (entry->category));
      break;

    case PROP_UNIT:
      g_value_set_string (value, entry->unit_name);
      break;

    case PROP_EVIDENCE:
      g_value_take_string (value, entry->evidence_count > 0
                                  ? g_strdup_printf ("%u", entry->evidence_count)
                                  : g_strdup ("—"));
      break;

    case PROP_STATUS:
      g_value_set_string (value, ph_entry_status_get_label (entry->status));
      break;

    case PROP_STATUS_KEY:
      g_value_set_string (value, ph_entry_status_to_string (entry->status));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_entry_object_class_init (PhEntryObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_PROPS] = {
    NULL, "code", "received", "source", "network", "category", "unit", "evidence", "status",
    "status-key"
  };

  object_class->finalize = ph_entry_object_finalize;
  object_class->get_property = ph_entry_object_get_property;

  /* Each is the text of one column, ready to show; "status-key" is the
   * status as the store names it, for styling. */
  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ph_entry_object_init (PhEntryObject *self)
{
}

/**
 * ph_entry_object_new:
 * @entry: (transfer full): an entry read from the store
 *
 * Returns: (transfer full): a list row holding @entry
 */
PhEntryObject *
ph_entry_object_new (PhEntry *entry)
{
  PhEntryObject *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (PH_TYPE_ENTRY_OBJECT, NULL);
  self->entry = entry;

  return self;
}

/**
 * ph_entry_object_get_entry:
 * @self: a #PhEntryObject
 *
 * Returns: (transfer none): the entry
 */
const PhEntry *
ph_entry_object_get_entry (PhEntryObject *self)
{
  g_return_val_if_fail (PH_IS_ENTRY_OBJECT (self), NULL);

  return self->entry;
}
