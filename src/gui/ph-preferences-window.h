/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_PREFERENCES_WINDOW (ph_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PhPreferencesWindow, ph_preferences_window, PH, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

PhPreferencesWindow *ph_preferences_window_new (GtkWindow *parent,
                                                PhStore   *store);

G_END_DECLS
