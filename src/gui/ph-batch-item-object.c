/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-batch-item-object.c: one entry of a batch as a list item, so that the batch
 * editor and the approval page show thousands of them in a list view. */

#include "config.h"

#include "ph-batch-item-object.h"

struct _PhBatchItemObject
{
  GObject      parent_instance;

  PhBatchItem *item;
};

G_DEFINE_FINAL_TYPE (PhBatchItemObject, ph_batch_item_object, G_TYPE_OBJECT)

static void
ph_batch_item_object_finalize (GObject *object)
{
  g_clear_pointer (&PH_BATCH_ITEM_OBJECT (object)->item, ph_batch_item_free);

  G_OBJECT_CLASS (ph_batch_item_object_parent_class)->finalize (object);
}

static void
ph_batch_item_object_class_init (PhBatchItemObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ph_batch_item_object_finalize;
}

static void
ph_batch_item_object_init (PhBatchItemObject *self)
{
}

/**
 * ph_batch_item_object_new:
 * @item: (transfer full): an entry of a batch
 *
 * Returns: (transfer full): the list item
 */
PhBatchItemObject *
ph_batch_item_object_new (PhBatchItem *item)
{
  PhBatchItemObject *self = g_object_new (PH_TYPE_BATCH_ITEM_OBJECT, NULL);

  self->item = item;
  return self;
}

const PhBatchItem *
ph_batch_item_object_get_item (PhBatchItemObject *self)
{
  g_return_val_if_fail (PH_IS_BATCH_ITEM_OBJECT (self), NULL);
  return self->item;
}
