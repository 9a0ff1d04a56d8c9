/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PH_TYPE_SOURCES_VIEW (ph_sources_view_get_type ())

G_DECLARE_FINAL_TYPE (PhSourcesView, ph_sources_view, PH, SOURCES_VIEW, GtkWidget)

GtkWidget *ph_sources_view_new (void);

G_END_DECLS
