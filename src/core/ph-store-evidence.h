/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-store.h"

G_BEGIN_DECLS

/**
 * PhProgressFunc:
 * @done: bytes (or items) done so far
 * @total: bytes (or items) in all
 * @user_data: the data given with the function
 */
typedef void (*PhProgressFunc) (guint64  done,
                                guint64  total,
                                gpointer user_data);

const char  *ph_evidence_sniff                (const guint8   *data,
                                               gsize           len,
                                               PhEvidenceKind *kind);

/* Step 1, safe to run in a worker thread: copies the file into the evidence store. */
PhEvidence  *ph_store_import_evidence         (PhStore        *self,
                                               const char     *path,
                                               PhProgressFunc  progress,
                                               gpointer        progress_data,
                                               GCancellable   *cancellable,
                                               GError        **error);
void         ph_store_import_evidence_async   (PhStore        *self,
                                               const char * const *paths,
                                               PhProgressFunc  progress,
                                               gpointer        progress_data,
                                               GDestroyNotify  progress_data_free,
                                               GCancellable   *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer        user_data);
GPtrArray   *ph_store_import_evidence_finish  (PhStore        *self,
                                               GAsyncResult   *result,
                                               GError        **error);

/* Step 2, on the main thread: the rows (ph_store_create_document() does it for new entries). */
gint64       ph_store_add_evidence            (PhStore        *self,
                                               gint64          entry_id,
                                               const PhEvidence *evidence,
                                               GError        **error);
gboolean     ph_store_remove_evidence         (PhStore        *self,
                                               gint64          evidence_id,
                                               GError        **error);
GPtrArray   *ph_store_list_evidence           (PhStore        *self,
                                               gint64          entry_id,
                                               gint64          document_id,
                                               GError        **error);
char        *ph_store_dup_evidence_path       (PhStore        *self,
                                               const char     *sha256);

G_END_DECLS
