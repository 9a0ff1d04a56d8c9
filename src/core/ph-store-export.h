/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-appendix.h"
#include "ph-store-entries.h"

G_BEGIN_DECLS

PhEntryFilter *ph_entry_filter_copy          (const PhEntryFilter *filter);
void           ph_entry_filter_free          (PhEntryFilter       *filter);

gboolean       ph_store_export_entries_csv   (PhStore              *self,
                                              const PhEntryFilter  *filter,
                                              PhEntrySort           sort,
                                              gboolean              descending,
                                              const char           *path,
                                              GCancellable         *cancellable,
                                              PhExportProgressFunc  progress,
                                              gpointer              progress_data,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhEntryFilter, ph_entry_filter_free)

G_END_DECLS
