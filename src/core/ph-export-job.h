/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ph-appendix.h"
#include "ph-store-entries.h"

G_BEGIN_DECLS

typedef enum
{
  PH_EXPORT_APPENDIX,   /* the appendix workbook of an approved batch */
  PH_EXPORT_PREVIEW,    /* a draft of the appendix, stamped "DỰ THẢO" */
  PH_EXPORT_BUNDLE,     /* the evidence bundle of an approved batch */
  PH_EXPORT_CSV,        /* the entries list */
} PhExportKind;

#define PH_TYPE_EXPORT_JOB (ph_export_job_get_type ())

G_DECLARE_FINAL_TYPE (PhExportJob, ph_export_job, PH, EXPORT_JOB, GObject)

PhExportJob  *ph_export_job_new_for_batch   (PhExportKind          kind,
                                             PhAppendixBatch      *batch,
                                             PhTemplate           *tpl,
                                             const char           *path);
PhExportJob  *ph_export_job_new_for_entries (const char           *data_dir,
                                             const PhEntryFilter  *filter,
                                             PhEntrySort           sort,
                                             gboolean              descending,
                                             const char           *path);

PhExportKind  ph_export_job_get_kind        (PhExportJob          *self);
const char   *ph_export_job_get_path        (PhExportJob          *self);
double        ph_export_job_get_fraction    (PhExportJob          *self);

void          ph_export_job_run_async       (PhExportJob          *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean      ph_export_job_run_finish      (PhExportJob          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
