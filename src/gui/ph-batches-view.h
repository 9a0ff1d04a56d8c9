/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_BATCHES_VIEW (ph_batches_view_get_type ())

G_DECLARE_FINAL_TYPE (PhBatchesView, ph_batches_view, PH, BATCHES_VIEW, GtkWidget)

GtkWidget *ph_batches_view_new          (void);
void       ph_batches_view_set_store    (PhBatchesView *self,
                                         PhStore       *store);
guint      ph_batches_view_get_n_batches (PhBatchesView *self);
gint64     ph_batches_view_get_selected (PhBatchesView *self);

G_END_DECLS
