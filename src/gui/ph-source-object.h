/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ph-store-entries.h"

G_BEGIN_DECLS

#define PH_TYPE_SOURCE_OBJECT (ph_source_object_get_type ())

G_DECLARE_FINAL_TYPE (PhSourceObject, ph_source_object, PH, SOURCE_OBJECT, GObject)

PhSourceObject *ph_source_object_new        (PhSource       *source);
const PhSource *ph_source_object_get_source (PhSourceObject *self);

G_END_DECLS
