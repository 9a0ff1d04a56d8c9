/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ph-template.h"

G_BEGIN_DECLS

#define PH_APPENDIX_ERROR (ph_appendix_error_quark ())

typedef enum
{
  PH_APPENDIX_ERROR_NOT_APPROVED,   /* a final export of a batch that is not approved */
  PH_APPENDIX_ERROR_CHANGED,        /* the content no longer matches the approved digest */
  PH_APPENDIX_ERROR_INVALID,        /* a field the document needs is missing or wrong */
  PH_APPENDIX_ERROR_WRITE,          /* the workbook could not be written */
} PhAppendixError;

/**
 * PhAppendixEvidence:
 * @kind: `screenshot`, `recording`, `video` or `document` (keys of the template's
 *   `[evidence_kinds]`)
 * @sha256: the file's SHA-256, lower-case hex
 * @size: its size in bytes
 * @mime_type: the type detected from the content, e.g. `audio/amr`
 * @original_name: (nullable): the file name it was imported under
 * @path: (nullable): where the file is on this computer (needed for a bundle only)
 * @bundle_name: (nullable): its path inside the evidence bundle
 *   (`chung-cu/003_0912345678_ghiam_1.amr`), set by ph_appendix_batch_assign_names()
 *
 * One evidence file of an entry.
 */
typedef struct
{
  char   *kind;
  char   *sha256;
  gint64  size;
  char   *mime_type;
  char   *original_name;
  char   *path;
  char   *bundle_name;
} PhAppendixEvidence;

/**
 * PhAppendixRow:
 * @code: the entry's code in the case store (e.g. `PA-2026-00042`)
 * @source_key: the normalised source (E.164 `+84912345678`, short code digits, the
 *   brandname in upper case)
 * @source_display: the source as printed (`0912 345 678`)
 * @network: (nullable): the original network (`Viettel`)
 * @channel: `call`, `sms`, `app` or `other` (keys of the template's `[channels]`)
 * @category: `scam`, `spam`, `impersonation`, `threat`, `debt` or `other`
 * @impersonated: (nullable): the body the caller claimed to be (`Công an tỉnh`)
 * @occurred: (nullable): when it happened, in the time zone to print it in
 * @occurred_has_time: whether @occurred has a meaningful time of day
 * @receiving_number: (nullable): the number that received the call or message, as printed
 * @content: (nullable): the SMS text or a summary of the call
 * @unit: (nullable): the reporting unit
 * @notes: (nullable): notes
 * @evidence: (element-type PhAppendixEvidence): the entry's evidence, in order
 *
 * One line of the appendix: one entry of the batch.
 */
typedef struct
{
  char       *code;
  char       *source_key;
  char       *source_display;
  char       *network;
  char       *channel;
  char       *category;
  char       *impersonated;
  GDateTime  *occurred;
  gboolean    occurred_has_time;
  char       *receiving_number;
  char       *content;
  char       *unit;
  char       *notes;
  GPtrArray  *evidence;
} PhAppendixRow;

/**
 * PhAppendixBatch:
 * @parent_body: the agency's parent body, upper case (`UBND TỈNH THANH HÓA`)
 * @department: the agency, upper case (`SỞ KHOA HỌC VÀ CÔNG NGHỆ`)
 * @issuer: the agency as named in a sentence (`Sở Khoa học và Công nghệ tỉnh Thanh Hóa`)
 * @place: (nullable): the place name of the agency (`Thanh Hóa`)
 * @code: the batch's code in the case store (`DG-2026-003`)
 * @number: (nullable): the công văn number, or %NULL/empty while the records office has
 *   not given one (printed as a blank to fill in by hand, as on paper)
 * @symbol: the công văn symbol (`SKHCN-BCVT`)
 * @date_year: the công văn year, or 0 when not dated yet
 * @date_month: its month, or 0
 * @date_day: its day, or 0
 * @recipient: (nullable): to whom it goes (`Cục Viễn thông`)
 * @subject: (nullable): its subject line (`V/v …`)
 * @signer_authority: (nullable): `KT. GIÁM ĐỐC`
 * @signer_title: `PHÓ GIÁM ĐỐC`
 * @signer_name: the signer's full name
 * @approved: whether the batch has been signed off
 * @digest_hex: (nullable): the SHA-256 stored at approval (ph_digest_batch())
 * @signature_hex: (nullable): the approver's Ed25519 signature over it
 * @public_key_hex: (nullable): the approver's Ed25519 public key
 * @approver: (nullable): the approver's name, as recorded
 * @approved_at: (nullable): when it was approved
 * @rows: (element-type PhAppendixRow): the entries, in appendix order (STT = index + 1)
 *
 * Everything the appendix, the digest and the bundle need about one batch, copied out
 * of the case store so that exporting can run in a worker thread.
 */
typedef struct
{
  char       *parent_body;
  char       *department;
  char       *issuer;
  char       *place;
  char       *code;
  char       *number;
  char       *symbol;
  int         date_year;
  int         date_month;
  int         date_day;
  char       *recipient;
  char       *subject;
  char       *signer_authority;
  char       *signer_title;
  char       *signer_name;
  gboolean    approved;
  char       *digest_hex;
  char       *signature_hex;
  char       *public_key_hex;
  char       *approver;
  GDateTime  *approved_at;
  GPtrArray  *rows;
} PhAppendixBatch;

/**
 * PhExportProgressFunc:
 * @fraction: how much is done, from 0 to 1
 * @user_data: the data given with the callback
 *
 * Called from the thread doing the work, a few hundred times at most.
 */
typedef void (*PhExportProgressFunc) (double   fraction,
                                      gpointer user_data);

GQuark              ph_appendix_error_quark       (void);

PhAppendixEvidence *ph_appendix_evidence_new      (void);
void                ph_appendix_evidence_free     (PhAppendixEvidence *evidence);
PhAppendixRow      *ph_appendix_row_new           (void);
void                ph_appendix_row_free          (PhAppendixRow      *row);
PhAppendixBatch    *ph_appendix_batch_new         (void);
void                ph_appendix_batch_free        (PhAppendixBatch    *batch);

void                ph_appendix_batch_assign_names (PhAppendixBatch   *batch,
                                                    PhTemplate        *tpl);
char               *ph_appendix_dup_reference      (const PhAppendixBatch *batch,
                                                    PhTemplate        *tpl,
                                                    GError           **error);

gboolean            ph_appendix_write             (const PhAppendixBatch *batch,
                                                   const char        *path,
                                                   gboolean           preview,
                                                   GCancellable      *cancellable,
                                                   PhExportProgressFunc progress,
                                                   gpointer           progress_data,
                                                   GError           **error);
gboolean            ph_appendix_write_with_template (const PhAppendixBatch *batch,
                                                     PhTemplate      *tpl,
                                                     const char      *path,
                                                     gboolean         preview,
                                                     GCancellable    *cancellable,
                                                     PhExportProgressFunc progress,
                                                     gpointer         progress_data,
                                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhAppendixEvidence, ph_appendix_evidence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhAppendixRow, ph_appendix_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhAppendixBatch, ph_appendix_batch_free)

G_END_DECLS
