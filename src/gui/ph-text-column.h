/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  PH_TEXT_COLUMN_NONE     = 0,
  PH_TEXT_COLUMN_NUMERIC  = 1 << 0,  /* digits line up (tabular figures) */
  PH_TEXT_COLUMN_CENTER   = 1 << 1,
  PH_TEXT_COLUMN_END      = 1 << 2,
  PH_TEXT_COLUMN_ELLIPSIZE = 1 << 3, /* cut long text with … and show it whole as a tooltip */
  PH_TEXT_COLUMN_STATUS   = 1 << 4,  /* a pill coloured by the item's "status-key" */
} PhTextColumnFlags;

void ph_text_column_set_property (GtkColumnViewColumn *column,
                                  const char          *property,
                                  PhTextColumnFlags    flags);

void ph_text_column_set_sort_key (GtkColumnViewColumn *column,
                                  int                  key);
int  ph_text_column_get_sort_key (GtkColumnView       *view,
                                  gboolean            *descending);

G_END_DECLS
