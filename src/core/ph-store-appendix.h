/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-appendix.h"
#include "ph-store.h"

G_BEGIN_DECLS

PhAppendixBatch *ph_store_get_appendix_batch (PhStore  *self,
                                              gint64    batch_id,
                                              GError  **error);

G_END_DECLS
