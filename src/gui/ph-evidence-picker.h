/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-intake-file.h"

G_BEGIN_DECLS

#define PH_TYPE_EVIDENCE_PICKER (ph_evidence_picker_get_type ())

G_DECLARE_FINAL_TYPE (PhEvidencePicker, ph_evidence_picker, PH, EVIDENCE_PICKER, AdwPreferencesGroup)

GListModel *ph_evidence_picker_get_files      (PhEvidencePicker *self);
void        ph_evidence_picker_add_files      (PhEvidencePicker *self,
                                               GListModel       *files);
void        ph_evidence_picker_add_file       (PhEvidencePicker *self,
                                               GFile            *file);
void        ph_evidence_picker_set_items      (PhEvidencePicker *self,
                                               GListModel       *items);
void        ph_evidence_picker_remove         (PhEvidencePicker *self,
                                               guint             position);
gboolean    ph_evidence_picker_get_busy       (PhEvidencePicker *self);
char      **ph_evidence_picker_dup_refusals   (PhEvidencePicker *self);
void        ph_evidence_picker_clear_refusals (PhEvidencePicker *self);
void        ph_evidence_picker_set_max_size   (PhEvidencePicker *self,
                                               guint64           max_size);
guint64     ph_evidence_picker_get_max_size   (PhEvidencePicker *self);
void        ph_evidence_picker_set_accept     (PhEvidencePicker *self,
                                               PhIntakeAccept    accept);

G_END_DECLS
