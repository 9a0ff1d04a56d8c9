/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One row of the sources list: a source record (số vi phạm) with the texts
 * its columns show as properties for the .ui factories. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-format.h"
#include "ph-source-object.h"

struct _PhSourceObject
{
  GObject   parent_instance;

  PhSource *source;
};

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_KIND,
  PROP_ENTRIES,
  PROP_UNITS,
  PROP_FIRST_SEEN,
  PROP_LAST_SEEN,
  PROP_ANSWER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PhSourceObject, ph_source_object, G_TYPE_OBJECT)

static void
ph_source_object_finalize (GObject *object)
{
  PhSourceObject *self = PH_SOURCE_OBJECT (object);

  g_clear_pointer (&self->source, ph_source_free);

  G_OBJECT_CLASS (ph_source_object_parent_class)->finalize (object);
}

static void
ph_source_object_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PhSourceObject *self = PH_SOURCE_OBJECT (object);
  const PhSource *source = self->source;

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, source->display);
      break;

    case PROP_KIND:
      if (source->network != NULL && *source->network != '\0')
        /* Translators: a kind of source and its network, e.g. "Mobile · Viettel" */
        g_value_take_string (value, g_strdup_printf (_("%s · %s"),
                                                     ph_source_kind_get_label (source->kind),
                                                     source->network));
      else
        g_value_set_string (value, ph_source_kind_get_label (source->kind));
      break;

    case PROP_ENTRIES:
      g_value_take_string (value, ph_format_count (source->entry_count));
      break;

    case PROP_UNITS:
      g_value_take_string (value, ph_format_count (source->unit_count));
      break;

    case PROP_FIRST_SEEN:
      g_value_take_string (value, ph_format_date (source->first_seen));
      break;

    case PROP_LAST_SEEN:
      g_value_take_string (value, ph_format_date (source->last_seen));
      break;

    case PROP_ANSWER:
      g_value_set_string (value, ph_source_answer_get_label (source->answer));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_source_object_class_init (PhSourceObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_PROPS] = {
    NULL, "source", "kind", "entries", "units", "first-seen", "last-seen", "answer"
  };

  object_class->finalize = ph_source_object_finalize;
  object_class->get_property = ph_source_object_get_property;

  /* Each is the text of one column, ready to show. */
  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ph_source_object_init (PhSourceObject *self)
{
}

/**
 * ph_source_object_new:
 * @source: (transfer full): a source record read from the store
 *
 * Returns: (transfer full): a list row holding @source
 */
PhSourceObject *
ph_source_object_new (PhSource *source)
{
  PhSourceObject *self;

  g_return_val_if_fail (source != NULL, NULL);

  self = g_object_new (PH_TYPE_SOURCE_OBJECT, NULL);
  self->source = source;

  return self;
}

/**
 * ph_source_object_get_source:
 * @self: a #PhSourceObject
 *
 * Returns: (transfer none): the source record
 */
const PhSource *
ph_source_object_get_source (PhSourceObject *self)
{
  g_return_val_if_fail (PH_IS_SOURCE_OBJECT (self), NULL);

  return self->source;
}
