/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-evidence-picker.h"
#include "ph-intake-entry.h"
#include "ph-number.h"

G_BEGIN_DECLS

#define PH_ENTRY_EDITOR_ERROR (ph_entry_editor_error_quark ())

typedef enum
{
  PH_ENTRY_EDITOR_ERROR_SOURCE,
  PH_ENTRY_EDITOR_ERROR_WHEN,
  PH_ENTRY_EDITOR_ERROR_RECEIVER,
  PH_ENTRY_EDITOR_ERROR_BUSY,
} PhEntryEditorError;

#define PH_TYPE_ENTRY_EDITOR (ph_entry_editor_get_type ())

G_DECLARE_FINAL_TYPE (PhEntryEditor, ph_entry_editor, PH, ENTRY_EDITOR, AdwBin)

GQuark            ph_entry_editor_error_quark         (void);
GtkWidget        *ph_entry_editor_new                 (void);
void              ph_entry_editor_load                (PhEntryEditor  *self,
                                                       PhIntakeEntry  *entry);
gboolean          ph_entry_editor_store               (PhEntryEditor  *self,
                                                       PhIntakeEntry  *entry,
                                                       GError        **error);
gboolean          ph_entry_editor_apply_message       (PhEntryEditor  *self,
                                                       const char     *message,
                                                       GError        **error);
gboolean          ph_entry_editor_get_valid           (PhEntryEditor  *self);
gboolean          ph_entry_editor_get_modified        (PhEntryEditor  *self);
const PhNumber   *ph_entry_editor_get_source          (PhEntryEditor  *self);
PhEvidencePicker *ph_entry_editor_get_evidence_picker (PhEntryEditor  *self);
void              ph_entry_editor_set_source_notice   (PhEntryEditor  *self,
                                                       const char     *notice,
                                                       gboolean        warning);
void              ph_entry_editor_focus_source        (PhEntryEditor  *self);

G_END_DECLS
