/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_SOURCES_VIEW (ph_sources_view_get_type ())

G_DECLARE_FINAL_TYPE (PhSourcesView, ph_sources_view, PH, SOURCES_VIEW, GtkWidget)

GtkWidget  *ph_sources_view_new               (void);
void        ph_sources_view_set_store         (PhSourcesView *self,
                                               PhStore       *store);
GListModel *ph_sources_view_get_model         (PhSourcesView *self);
GListModel *ph_sources_view_get_entries_model (PhSourcesView *self);
void        ph_sources_view_select            (PhSourcesView *self,
                                               guint          position);

G_END_DECLS
