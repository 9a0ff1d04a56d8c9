/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-store-entries.h"

G_BEGIN_DECLS

typedef enum
{
  PH_SOURCE_SORT_LAST_SEEN,   /* last received date, then key */
  PH_SOURCE_SORT_ENTRIES,     /* how many entries report it */
  PH_SOURCE_SORT_KEY,         /* the normalised source */
} PhSourceSort;

GPtrArray *ph_store_list_sources  (PhStore       *self,
                                   PhSourceSort   sort,
                                   gboolean       descending,
                                   gint64         offset,
                                   guint          limit,
                                   GError       **error);
gint64     ph_store_count_sources (PhStore       *self,
                                   GError       **error);

G_END_DECLS
