/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-store.h"
#include "ph-store-evidence.h"

G_BEGIN_DECLS

typedef enum
{
  PH_DEMO_FLAGS_NONE        = 0,
  PH_DEMO_FLAGS_NO_EVIDENCE = 1 << 0,  /* no screenshots and recordings: for speed */
} PhDemoFlags;

gboolean  ph_demo_fill       (PhStore         *store,
                              guint            n_entries,
                              guint32          seed,
                              PhDemoFlags      flags,
                              PhProgressFunc   progress,
                              gpointer         progress_data,
                              GCancellable    *cancellable,
                              GError         **error);
GBytes   *ph_demo_make_png   (guint            width,
                              guint            height,
                              guint32          seed);
GBytes   *ph_demo_make_wav   (guint            milliseconds,
                              guint32          seed);

G_END_DECLS
