/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-entry-detail.h"
#include "ph-paged-model.h"
#include "ph-store-entries.h"

G_BEGIN_DECLS

#define PH_TYPE_ENTRIES_VIEW (ph_entries_view_get_type ())

G_DECLARE_FINAL_TYPE (PhEntriesView, ph_entries_view, PH, ENTRIES_VIEW, GtkWidget)

GtkWidget     *ph_entries_view_new                 (void);
void           ph_entries_view_set_store           (PhEntriesView *self,
                                                    PhStore       *store);
PhStore       *ph_entries_view_get_store           (PhEntriesView *self);
PhPagedModel  *ph_entries_view_get_model           (PhEntriesView *self);
PhEntryDetail *ph_entries_view_get_detail          (PhEntriesView *self);
void           ph_entries_view_select              (PhEntriesView *self,
                                                    guint          position);
void           ph_entries_view_set_search_text     (PhEntriesView *self,
                                                    const char    *text);
void           ph_entries_view_set_status_filter   (PhEntriesView *self,
                                                    PhEntryStatus  status);
void           ph_entries_view_set_category_filter (PhEntriesView *self,
                                                    PhCategory     category);
void           ph_entries_view_set_date_filter     (PhEntriesView *self,
                                                    const char    *from,
                                                    const char    *to);
void           ph_entries_view_show_source         (PhEntriesView *self,
                                                    const char    *source_key,
                                                    const char    *display);
void           ph_entries_view_sort_by             (PhEntriesView *self,
                                                    PhEntrySort    sort,
                                                    gboolean       descending);
PhEntrySort    ph_entries_view_get_sort            (PhEntriesView *self,
                                                    gboolean      *descending);
gboolean       ph_entries_view_show_code           (PhEntriesView *self,
                                                    const char    *code);
char          *ph_entries_view_dup_message         (const PhEntry *entry);

G_END_DECLS
