/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ph-export-job.h"
#include "ph-store-entries.h"

G_BEGIN_DECLS

/**
 * PhExportMakeJob:
 * @path: the file the user chose
 * @user_data: the data given to ph_export_ui_save()
 * @error: return location for a #GError
 *
 * Copies what is to be exported out of the store, in the main thread, into a job.
 *
 * Returns: (transfer full) (nullable): the job, or %NULL with @error
 */
typedef PhExportJob *(*PhExportMakeJob) (const char  *path,
                                         gpointer     user_data,
                                         GError     **error);

void          ph_export_ui_save (GtkWidget       *from,
                                 const char      *dialog_title,
                                 const char      *suggested_name,
                                 const char      *running_label,
                                 PhExportMakeJob  make_job,
                                 gpointer         user_data,
                                 GDestroyNotify   destroy);
GCancellable *ph_export_ui_run  (GtkWidget       *from,
                                 PhExportJob     *job,
                                 const char      *running_label);

void          ph_export_ui_save_batch   (GtkWidget            *from,
                                         PhStore              *store,
                                         gint64                batch_id,
                                         PhExportKind          kind);
gboolean      ph_export_ui_start_batch  (GtkWidget            *from,
                                         PhStore              *store,
                                         gint64                batch_id,
                                         PhExportKind          kind,
                                         const char           *path,
                                         GError              **error);
PhExportKind  ph_export_kind_from_string (const char          *name);
void          ph_export_ui_save_entries (GtkWidget            *from,
                                         PhStore              *store,
                                         const PhEntryFilter  *filter,
                                         PhEntrySort           sort,
                                         gboolean              descending);
gboolean      ph_export_ui_start_entries (GtkWidget           *from,
                                          PhStore             *store,
                                          const PhEntryFilter *filter,
                                          PhEntrySort          sort,
                                          gboolean             descending,
                                          const char          *path,
                                          GError             **error);

G_END_DECLS
