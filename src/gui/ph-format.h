/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ph_format_date      (const char *iso_date);
char *ph_format_timestamp (const char *iso_utc);
char *ph_format_count     (guint       n);

G_END_DECLS
