/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_EXCLUSIONS_PAGE (ph_exclusions_page_get_type ())

G_DECLARE_FINAL_TYPE (PhExclusionsPage, ph_exclusions_page, PH, EXCLUSIONS_PAGE, AdwPreferencesPage)

GtkWidget *ph_exclusions_page_new       (PhStore          *store);
guint      ph_exclusions_page_get_count (PhExclusionsPage *self);

G_END_DECLS
