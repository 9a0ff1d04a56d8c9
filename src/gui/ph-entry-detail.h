/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-evidence-gallery.h"
#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_ENTRY_DETAIL (ph_entry_detail_get_type ())

G_DECLARE_FINAL_TYPE (PhEntryDetail, ph_entry_detail, PH, ENTRY_DETAIL, GtkWidget)

GtkWidget         *ph_entry_detail_new             (void);
void               ph_entry_detail_set_store       (PhEntryDetail *self,
                                                    PhStore       *store);
gboolean           ph_entry_detail_show_entry      (PhEntryDetail *self,
                                                    gint64         id);
const PhEntry     *ph_entry_detail_get_entry       (PhEntryDetail *self);
gint64             ph_entry_detail_get_other_count (PhEntryDetail *self);
PhEvidenceGallery *ph_entry_detail_get_gallery     (PhEntryDetail *self);
guint              ph_entry_detail_get_n_history   (PhEntryDetail *self);

G_END_DECLS
