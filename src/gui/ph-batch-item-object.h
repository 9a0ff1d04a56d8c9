/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ph-store-batches.h"

G_BEGIN_DECLS

#define PH_TYPE_BATCH_ITEM_OBJECT (ph_batch_item_object_get_type ())

G_DECLARE_FINAL_TYPE (PhBatchItemObject, ph_batch_item_object, PH, BATCH_ITEM_OBJECT, GObject)

PhBatchItemObject *ph_batch_item_object_new      (PhBatchItem       *item);
const PhBatchItem *ph_batch_item_object_get_item (PhBatchItemObject *self);

G_END_DECLS
