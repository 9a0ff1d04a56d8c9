/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-entries-view.h"
#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_WINDOW (ph_window_get_type ())

G_DECLARE_FINAL_TYPE (PhWindow, ph_window, PH, WINDOW, AdwApplicationWindow)

PhWindow      *ph_window_new              (GtkApplication *application,
                                           const char     *data_dir);
const char    *ph_window_get_data_dir     (PhWindow       *self);
PhStore       *ph_window_get_store        (PhWindow       *self);
PhEntriesView *ph_window_get_entries_view (PhWindow       *self);
gboolean       ph_window_show_view_named  (PhWindow       *self,
                                           const char     *name);
gboolean       ph_window_show_entry_code  (PhWindow       *self,
                                           const char     *code);
char          *ph_window_dup_view_names   (PhWindow       *self);
void           ph_window_add_toast        (PhWindow       *self,
                                           AdwToast       *toast);

G_END_DECLS
