/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_USERS_PAGE (ph_users_page_get_type ())

G_DECLARE_FINAL_TYPE (PhUsersPage, ph_users_page, PH, USERS_PAGE, AdwPreferencesPage)

GtkWidget  *ph_users_page_new         (PhStore     *store);
const char *ph_users_page_get_message (PhUsersPage *self);

G_END_DECLS
