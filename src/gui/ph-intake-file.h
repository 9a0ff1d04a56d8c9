/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ph-entry.h"
#include "ph-store.h"

G_BEGIN_DECLS

#define PH_INTAKE_FILE_ERROR (ph_intake_file_error_quark ())

typedef enum
{
  PH_INTAKE_FILE_ERROR_NOT_FOUND,
  PH_INTAKE_FILE_ERROR_NOT_REGULAR,
  PH_INTAKE_FILE_ERROR_EMPTY,
  PH_INTAKE_FILE_ERROR_TOO_BIG,
  PH_INTAKE_FILE_ERROR_WRONG_TYPE,
  PH_INTAKE_FILE_ERROR_UNREADABLE,
  PH_INTAKE_FILE_ERROR_NOT_LOCAL,
} PhIntakeFileError;

/* Which kinds a picker takes: a document's scan is a PDF or an image. */
typedef enum
{
  PH_INTAKE_ACCEPT_IMAGE    = 1 << PH_EVIDENCE_KIND_IMAGE,
  PH_INTAKE_ACCEPT_AUDIO    = 1 << PH_EVIDENCE_KIND_AUDIO,
  PH_INTAKE_ACCEPT_VIDEO    = 1 << PH_EVIDENCE_KIND_VIDEO,
  PH_INTAKE_ACCEPT_DOCUMENT = 1 << PH_EVIDENCE_KIND_DOCUMENT,
  PH_INTAKE_ACCEPT_ALL      = PH_INTAKE_ACCEPT_IMAGE | PH_INTAKE_ACCEPT_AUDIO
                              | PH_INTAKE_ACCEPT_VIDEO | PH_INTAKE_ACCEPT_DOCUMENT,
} PhIntakeAccept;

#define PH_TYPE_INTAKE_FILE (ph_intake_file_get_type ())

G_DECLARE_FINAL_TYPE (PhIntakeFile, ph_intake_file, PH, INTAKE_FILE, GObject)

GQuark            ph_intake_file_error_quark      (void);

PhIntakeFile     *ph_intake_file_new_stored       (PhStore             *store,
                                                   const PhEvidence    *evidence);

void              ph_intake_file_check_async      (GFile               *file,
                                                   guint64              max_size,
                                                   PhIntakeAccept       accept,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
PhIntakeFile     *ph_intake_file_check_finish     (GAsyncResult        *result,
                                                   GError             **error);

GFile            *ph_intake_file_get_file         (PhIntakeFile        *self);
const char       *ph_intake_file_get_name         (PhIntakeFile        *self);
guint64           ph_intake_file_get_size         (PhIntakeFile        *self);
const char       *ph_intake_file_get_content_type (PhIntakeFile        *self);
PhEvidenceKind    ph_intake_file_get_kind         (PhIntakeFile        *self);
const char       *ph_intake_file_get_icon_name    (PhIntakeFile        *self);
gint64            ph_intake_file_get_evidence_id  (PhIntakeFile        *self);
void              ph_intake_file_set_evidence_id  (PhIntakeFile        *self,
                                                   gint64               evidence_id);
gboolean          ph_intake_file_same             (PhIntakeFile        *self,
                                                   PhIntakeFile        *other);

G_END_DECLS
