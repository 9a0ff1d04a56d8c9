/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PH_TYPE_IMAGE_VIEWER (ph_image_viewer_get_type ())

G_DECLARE_FINAL_TYPE (PhImageViewer, ph_image_viewer, PH, IMAGE_VIEWER, AdwWindow)

/* 0 is "fit the image to the window". */
#define PH_IMAGE_VIEWER_ZOOM_FIT 0.0

PhImageViewer *ph_image_viewer_new        (GtkWindow     *parent,
                                           GFile         *file,
                                           const char    *title);
GFile         *ph_image_viewer_get_file   (PhImageViewer *self);
GdkTexture    *ph_image_viewer_get_texture (PhImageViewer *self);
double         ph_image_viewer_get_zoom   (PhImageViewer *self);
void           ph_image_viewer_set_zoom   (PhImageViewer *self,
                                           double         zoom);

G_END_DECLS
