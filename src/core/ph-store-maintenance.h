/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-store.h"
#include "ph-store-evidence.h"

G_BEGIN_DECLS

typedef enum
{
  PH_PROBLEM_DATABASE,   /* integrity_check or foreign_key_check */
  PH_PROBLEM_AUDIT,      /* a broken link of the audit chain, or its guard triggers gone */
  PH_PROBLEM_EVIDENCE,   /* an evidence file missing or altered */
  PH_PROBLEM_SEARCH,     /* a full-text index out of step */
} PhProblemKind;

/**
 * PhProblem:
 * @kind: what is wrong
 * @row: the audit row or evidence row concerned, or 0
 * @name: what is concerned: the evidence file's hash, or %NULL
 * @message: the problem in words, naming the row or file (translated)
 */
typedef struct
{
  PhProblemKind  kind;
  gint64         row;
  char          *name;
  char          *message;
} PhProblem;

void         ph_problem_free        (PhProblem       *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhProblem, ph_problem_free)

typedef struct
{
  gint64  audit_rows;
  gint64  evidence_files;
  gint64  evidence_bytes;
} PhVerifyCounts;

GPtrArray   *ph_store_verify        (PhStore         *self,
                                     PhVerifyCounts  *counts,
                                     PhProgressFunc   progress,
                                     gpointer         progress_data,
                                     GCancellable    *cancellable,
                                     GError         **error);
gboolean     ph_store_backup        (PhStore         *self,
                                     const char      *destination,
                                     PhProgressFunc   progress,
                                     gpointer         progress_data,
                                     GCancellable    *cancellable,
                                     GError         **error);
gboolean     ph_store_restore       (const char      *data_dir,
                                     const char      *backup,
                                     char           **kept_dir,
                                     GCancellable    *cancellable,
                                     GError         **error);

G_END_DECLS

G_BEGIN_DECLS

/* Off the main thread: each runs on a connection of its own to the store's
 * data folder, with progress called in the caller's main context. */
void         ph_store_verify_async  (PhStore            *self,
                                     PhProgressFunc      progress,
                                     gpointer            progress_data,
                                     GDestroyNotify      progress_data_free,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
GPtrArray   *ph_store_verify_finish (PhStore            *self,
                                     GAsyncResult       *result,
                                     PhVerifyCounts     *counts,
                                     GError            **error);
void         ph_store_backup_async  (PhStore            *self,
                                     const char         *destination,
                                     PhProgressFunc      progress,
                                     gpointer            progress_data,
                                     GDestroyNotify      progress_data_free,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
gboolean     ph_store_backup_finish (PhStore            *self,
                                     GAsyncResult       *result,
                                     GError            **error);

G_END_DECLS
