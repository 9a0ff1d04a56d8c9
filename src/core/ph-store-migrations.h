/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-store.h"

G_BEGIN_DECLS

/**
 * PhMigration:
 * @version: the `user_version` the database has after this step
 * @sql: statements to run, or %NULL
 * @func: (nullable): runs after @sql, in the same transaction
 */
typedef struct
{
  int          version;
  const char  *sql;
  gboolean   (*func) (PhStore  *store,
                      GError  **error);
} PhMigration;

const PhMigration *ph_store_get_migrations (guint *n_migrations);

G_END_DECLS
