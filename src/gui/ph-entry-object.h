/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ph-entry.h"

G_BEGIN_DECLS

#define PH_TYPE_ENTRY_OBJECT (ph_entry_object_get_type ())

G_DECLARE_FINAL_TYPE (PhEntryObject, ph_entry_object, PH, ENTRY_OBJECT, GObject)

PhEntryObject *ph_entry_object_new       (PhEntry       *entry);
const PhEntry *ph_entry_object_get_entry (PhEntryObject *self);

G_END_DECLS
