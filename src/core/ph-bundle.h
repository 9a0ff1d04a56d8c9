/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ph-appendix.h"

G_BEGIN_DECLS

#define PH_BUNDLE_ERROR (ph_bundle_error_quark ())

typedef enum
{
  PH_BUNDLE_ERROR_NOT_APPROVED,   /* the batch is not approved and signed */
  PH_BUNDLE_ERROR_EVIDENCE,       /* an evidence file is missing or no longer matches its hash */
  PH_BUNDLE_ERROR_WRITE,          /* the zip could not be written */
  PH_BUNDLE_ERROR_READ,           /* the file is not a readable bundle */
  PH_BUNDLE_ERROR_FAILED,         /* the bundle was read and failed a check */
} PhBundleError;

/* The manifest's format name, and its name inside the zip. */
#define PH_BUNDLE_FORMAT "phananh-bundle-v1"
#define PH_BUNDLE_MANIFEST "manifest.json"

/**
 * PhBundleReport:
 * @problems: (element-type utf8): what failed, one sentence each naming the file or
 *   field; empty when the bundle is sound
 * @n_files: how many files the bundle holds besides the manifest
 * @batch_code: (nullable): the batch's code, from the manifest
 * @digest_hex: (nullable): the batch digest the manifest states
 * @public_key_hex: (nullable): the approver's public key the manifest states
 * @approver: (nullable): the approver's name, from the manifest
 *
 * What ph_bundle_verify() found.
 */
typedef struct
{
  GPtrArray *problems;
  guint      n_files;
  char      *batch_code;
  char      *digest_hex;
  char      *public_key_hex;
  char      *approver;
} PhBundleReport;

GQuark    ph_bundle_error_quark  (void);

gboolean  ph_bundle_write        (PhAppendixBatch  *batch,
                                  PhTemplate       *tpl,
                                  const char       *path,
                                  GCancellable     *cancellable,
                                  PhExportProgressFunc progress,
                                  gpointer          progress_data,
                                  GError          **error);
gboolean  ph_bundle_verify       (const char       *path,
                                  PhBundleReport  **report,
                                  GCancellable     *cancellable,
                                  GError          **error);
void      ph_bundle_report_free  (PhBundleReport   *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhBundleReport, ph_bundle_report_free)

G_END_DECLS
