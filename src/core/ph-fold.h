/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ph_fold        (const char *text,
                      gssize      len);
char *ph_fold_digits (const char *text);

G_END_DECLS
