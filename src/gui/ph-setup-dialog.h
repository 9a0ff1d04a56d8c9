/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_SETUP_DIALOG (ph_setup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PhSetupDialog, ph_setup_dialog, PH, SETUP_DIALOG, AdwWindow)

GtkWidget  *ph_setup_dialog_new         (PhStore       *store);
const char *ph_setup_dialog_get_message (PhSetupDialog *self);

G_END_DECLS
