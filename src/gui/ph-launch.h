/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ph_launch_file (GtkWidget *from,
                     GFile     *file);

G_END_DECLS
