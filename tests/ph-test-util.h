/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        ph_test_init          (int    *argc,
                                   char ***argv);
const char *ph_test_get_data_dir  (void);
char       *ph_test_make_tmp_dir  (const char *name);

G_END_DECLS
