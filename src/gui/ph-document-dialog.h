/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-entry-editor.h"
#include "ph-evidence-picker.h"
#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_DOCUMENT_DIALOG (ph_document_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PhDocumentDialog, ph_document_dialog, PH, DOCUMENT_DIALOG, AdwWindow)

PhDocumentDialog *ph_document_dialog_new               (GtkWindow        *parent,
                                                        PhStore          *store);
PhDocumentDialog *ph_document_dialog_new_for_document  (GtkWindow        *parent,
                                                        PhStore          *store,
                                                        gint64            document_id,
                                                        GError          **error);
gboolean          ph_document_dialog_edit_entry        (PhDocumentDialog *self,
                                                        gint64            entry_id);
GListModel       *ph_document_dialog_get_entries       (PhDocumentDialog *self);
PhEntryEditor    *ph_document_dialog_get_entry_editor  (PhDocumentDialog *self);
PhEvidencePicker *ph_document_dialog_get_scan_picker   (PhDocumentDialog *self);
gboolean          ph_document_dialog_get_modified      (PhDocumentDialog *self);
const char       *ph_document_dialog_get_page          (PhDocumentDialog *self);

G_END_DECLS
