/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by ph-store-users.c and ph-store-batches.c only. */
#pragma once

#include "ph-store-private.h"
#include "ph-store-users.h"

G_BEGIN_DECLS

gboolean  ph_store_audit_fields        (PhStore     *self,
                                        const char  *action,
                                        const char  *object_type,
                                        gint64       object_id,
                                        GError     **error,
                                        ...) G_GNUC_NULL_TERMINATED;
char     *ph_store_dup_sealed_key      (PhStore     *self,
                                        gint64       user_id,
                                        GError     **error);
void      ph_store_bind_trimmed        (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);
gboolean  ph_store_verify_own_password (PhStore     *self,
                                        const char  *password,
                                        GError     **error);

G_END_DECLS
