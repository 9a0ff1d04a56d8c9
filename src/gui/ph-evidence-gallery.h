/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PH_TYPE_EVIDENCE_GALLERY (ph_evidence_gallery_get_type ())

G_DECLARE_FINAL_TYPE (PhEvidenceGallery, ph_evidence_gallery, PH, EVIDENCE_GALLERY, GtkWidget)

GtkWidget      *ph_evidence_gallery_new              (void);
void            ph_evidence_gallery_add              (PhEvidenceGallery *self,
                                                      GFile             *file,
                                                      const char        *mime,
                                                      const char        *title);
void            ph_evidence_gallery_remove           (PhEvidenceGallery *self,
                                                      guint              index);
void            ph_evidence_gallery_clear            (PhEvidenceGallery *self);
guint           ph_evidence_gallery_get_n_items      (PhEvidenceGallery *self);
GFile          *ph_evidence_gallery_get_file         (PhEvidenceGallery *self,
                                                      guint              index);
gboolean        ph_evidence_gallery_get_removable    (PhEvidenceGallery *self);
void            ph_evidence_gallery_set_removable    (PhEvidenceGallery *self,
                                                      gboolean           removable);
void            ph_evidence_gallery_open             (PhEvidenceGallery *self,
                                                      guint              index);
GtkMediaStream *ph_evidence_gallery_get_media_stream (PhEvidenceGallery *self);
guint           ph_evidence_gallery_get_n_thumbnails (PhEvidenceGallery *self);

G_END_DECLS
