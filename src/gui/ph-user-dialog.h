/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_USER_DIALOG (ph_user_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PhUserDialog, ph_user_dialog, PH, USER_DIALOG, AdwWindow)

GtkWidget  *ph_user_dialog_new         (PhStore      *store,
                                        gint64        user_id);
const char *ph_user_dialog_get_message (PhUserDialog *self);

G_END_DECLS
