/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-store.h"

G_BEGIN_DECLS

/* Every demo account has this password; it is printed by `phananh-cli demo`
 * and written in README.md. Never use a demo store for real cases. */
#define PH_DEMO_PASSWORD "phananh-demo"

gboolean  ph_demo_add_batches  (PhStore  *store,
                                guint    *n_batches,
                                GError  **error);

G_END_DECLS
