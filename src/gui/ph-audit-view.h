/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_AUDIT_VIEW (ph_audit_view_get_type ())

G_DECLARE_FINAL_TYPE (PhAuditView, ph_audit_view, PH, AUDIT_VIEW, GtkWidget)

GtkWidget  *ph_audit_view_new       (void);
void        ph_audit_view_set_store (PhAuditView *self,
                                     PhStore     *store);
GListModel *ph_audit_view_get_model (PhAuditView *self);

G_END_DECLS
