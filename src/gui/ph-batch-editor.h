/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_BATCH_EDITOR (ph_batch_editor_get_type ())

G_DECLARE_FINAL_TYPE (PhBatchEditor, ph_batch_editor, PH, BATCH_EDITOR, AdwBin)

GtkWidget  *ph_batch_editor_new           (void);
void        ph_batch_editor_set_store     (PhBatchEditor *self,
                                           PhStore       *store);
void        ph_batch_editor_set_batch_id  (PhBatchEditor *self,
                                           gint64         batch_id);
gint64      ph_batch_editor_get_batch_id  (PhBatchEditor *self);
const char *ph_batch_editor_get_message   (PhBatchEditor *self);
guint       ph_batch_editor_get_n_entries (PhBatchEditor *self);

G_END_DECLS
