/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PH_TYPE_ENTRIES_VIEW (ph_entries_view_get_type ())

G_DECLARE_FINAL_TYPE (PhEntriesView, ph_entries_view, PH, ENTRIES_VIEW, GtkWidget)

GtkWidget *ph_entries_view_new (void);

G_END_DECLS
