/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_SIGN_IN_DIALOG (ph_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PhSignInDialog, ph_sign_in_dialog, PH, SIGN_IN_DIALOG, AdwWindow)

GtkWidget  *ph_sign_in_dialog_new          (PhStore        *store);
void        ph_sign_in_dialog_select_login (PhSignInDialog *self,
                                            const char     *login);
const char *ph_sign_in_dialog_get_message  (PhSignInDialog *self);

G_END_DECLS
