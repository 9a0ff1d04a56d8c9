/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_ENTRY_PICKER (ph_entry_picker_get_type ())

G_DECLARE_FINAL_TYPE (PhEntryPicker, ph_entry_picker, PH, ENTRY_PICKER, AdwWindow)

GtkWidget *ph_entry_picker_new          (PhStore       *store);
guint      ph_entry_picker_get_n_shown  (PhEntryPicker *self);

G_END_DECLS
