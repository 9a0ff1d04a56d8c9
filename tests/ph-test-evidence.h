/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ph_test_make_evidence (const char *dir,
                             const char *name,
                             const char *kind);

G_END_DECLS
