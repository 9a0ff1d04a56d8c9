/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the store's own files (ph-store-*.c) and for core modules that keep
 * their tables in the same database (batches, users): the connection and the
 * statement cache. Nothing outside src/core includes this. */
#pragma once

#include <sqlite3.h>

#include "ph-store.h"
#include "ph-store-evidence.h"

G_BEGIN_DECLS

PhStore      *ph_store_open_at_version     (const char    *data_dir,
                                            int            up_to,
                                            GError       **error);
sqlite3      *ph_store_get_db              (PhStore       *self);
sqlite3_stmt *ph_store_prepare             (PhStore       *self,
                                            const char    *sql,
                                            GError       **error);
gboolean      ph_store_step_done           (PhStore       *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
gboolean      ph_store_exec                (PhStore       *self,
                                            const char    *sql,
                                            GError       **error);
void          ph_store_set_db_error        (PhStore       *self,
                                            int            rc,
                                            GError       **error);
char         *ph_store_now                 (void);
char         *ph_store_json_string         (const char    *text);
char         *ph_store_dup_column_text     (sqlite3_stmt  *stmt,
                                            int            column);
void          ph_store_bind_text_or_null   (sqlite3_stmt  *stmt,
                                            int            index,
                                            const char    *text);

/* ph-store-evidence.c */
gboolean      ph_store_insert_evidence_row (PhStore       *self,
                                            PhEvidence    *evidence,
                                            GError       **error);
void          ph_store_clean_staging       (PhStore       *self);
gint64        ph_store_get_cached_max_evidence_size (PhStore *self);

/* ph-store-sql.c: SQL functions every connection of the store registers */
void          ph_store_register_functions  (sqlite3       *db);
char         *ph_store_digits_terms        (const char    *first,
                                            ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
