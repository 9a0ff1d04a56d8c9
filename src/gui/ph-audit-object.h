/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_AUDIT_OBJECT (ph_audit_object_get_type ())

G_DECLARE_FINAL_TYPE (PhAuditObject, ph_audit_object, PH, AUDIT_OBJECT, GObject)

PhAuditObject    *ph_audit_object_new      (PhAuditRow    *row);
const PhAuditRow *ph_audit_object_get_row  (PhAuditObject *self);
char             *ph_audit_row_describe    (const PhAuditRow *row);

G_END_DECLS
