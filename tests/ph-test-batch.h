/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-appendix.h"

G_BEGIN_DECLS

PhAppendixBatch *ph_test_make_batch    (guint            n_rows,
                                        const char      *evidence_dir,
                                        gboolean         approved);
void             ph_test_approve_batch (PhAppendixBatch *batch);

G_END_DECLS
