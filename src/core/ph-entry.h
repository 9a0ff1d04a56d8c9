/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ph-number.h"

G_BEGIN_DECLS

/* Enumerations start at 1 so that 0 means "any" in a #PhEntryFilter. The
 * strings of the *_to_string() functions are what the database stores. */

typedef enum
{
  PH_ENTRY_STATUS_ANY = 0,
  PH_ENTRY_STATUS_RECEIVED,
  PH_ENTRY_STATUS_VERIFIED,
  PH_ENTRY_STATUS_IN_BATCH,
  PH_ENTRY_STATUS_SENT,
  PH_ENTRY_STATUS_ANSWERED,
  PH_ENTRY_STATUS_REJECTED,
} PhEntryStatus;

typedef enum
{
  PH_CATEGORY_ANY = 0,
  PH_CATEGORY_SCAM,
  PH_CATEGORY_SPAM,
  PH_CATEGORY_IMPERSONATION,
  PH_CATEGORY_THREAT,
  PH_CATEGORY_DEBT_COLLECTION,
  PH_CATEGORY_OTHER,
} PhCategory;

typedef enum
{
  PH_CHANNEL_ANY = 0,
  PH_CHANNEL_CALL,
  PH_CHANNEL_SMS,
  PH_CHANNEL_APP,
  PH_CHANNEL_OTHER,
} PhChannel;

/* How an incoming document arrived. */
typedef enum
{
  PH_DELIVERY_ANY = 0,
  PH_DELIVERY_PAPER,
  PH_DELIVERY_ELECTRONIC,
  PH_DELIVERY_EMAIL,
  PH_DELIVERY_IN_PERSON,
} PhDelivery;

typedef enum
{
  PH_EVIDENCE_KIND_ANY = 0,
  PH_EVIDENCE_KIND_IMAGE,
  PH_EVIDENCE_KIND_AUDIO,
  PH_EVIDENCE_KIND_VIDEO,
  PH_EVIDENCE_KIND_DOCUMENT,
} PhEvidenceKind;

/**
 * PhEvidence:
 * @id: row id, 0 until stored
 * @entry_id: the entry it belongs to, or 0
 * @document_id: the document it belongs to (a scan of the document), or 0
 * @sha256: hex SHA-256 of the content; also its file name in the evidence store
 * @size: bytes
 * @mime: type detected from the content (`image/png`, `audio/amr` …)
 * @kind: image, audio, video or document
 * @original_name: the file name it was imported from
 * @added_by: login of who added it
 * @added_at: UTC, ISO 8601
 *
 * One attached evidence file. ph_store_import_evidence() fills the content
 * fields once the file is safely in the store; the row is written when the
 * entry or document it is attached to is created (or with ph_store_add_evidence()).
 */
typedef struct
{
  gint64          id;
  gint64          entry_id;
  gint64          document_id;
  char           *sha256;
  gint64          size;
  char           *mime;
  PhEvidenceKind  kind;
  char           *original_name;
  char           *added_by;
  char           *added_at;
} PhEvidence;

/**
 * PhEntry:
 * @id: row id, 0 until stored
 * @code: the register code (`PA-2025-000123`), given by the store
 * @document_id: the incoming document it came with
 * @unit_id: the unit that reported it (the document's)
 * @unit_name: (read-only) the unit's name, filled when read
 * @received_on: the document's received date, `YYYY-MM-DD`
 * @source_input: the source as typed; the only source field a caller sets
 * @source_key: (read-only) the normalised key (see #PhNumber)
 * @source_e164: (read-only) E.164 form or %NULL
 * @source_display: (read-only) display form (`0912 345 678`)
 * @source_kind: (read-only)
 * @network: (read-only) original network of a mobile number, or %NULL
 * @province: (read-only) province of a landline, or %NULL
 * @category: what kind of violation
 * @channel: call, SMS, app or other
 * @impersonated: the body the caller pretended to be (`Công an tỉnh`), or empty
 * @occurred_at: when it happened, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or %NULL
 * @receiving_number: the number that received the call or message, or empty
 * @content: SMS text or a summary of the call
 * @notes: the clerk's notes
 * @status: where the entry is in its life (see DESIGN.md "Entry statuses")
 * @reject_reason: why it was rejected, or %NULL
 * @evidence_count: (read-only) attached files
 * @created_at: (read-only) UTC, ISO 8601
 * @updated_at: (read-only) UTC, ISO 8601
 * @evidence: (element-type PhEvidence): files to attach on create; filled by
 *   ph_store_get_entry(); %NULL in list results
 *
 * One reported source. A plain record: copy it with ph_entry_copy().
 */
typedef struct
{
  gint64         id;
  char          *code;
  gint64         document_id;
  gint64         unit_id;
  char          *unit_name;
  char          *received_on;
  char          *source_input;
  char          *source_key;
  char          *source_e164;
  char          *source_display;
  PhSourceKind   source_kind;
  char          *network;
  char          *province;
  PhCategory     category;
  PhChannel      channel;
  char          *impersonated;
  char          *occurred_at;
  char          *receiving_number;
  char          *content;
  char          *notes;
  PhEntryStatus  status;
  char          *reject_reason;
  guint          evidence_count;
  char          *created_at;
  char          *updated_at;
  GPtrArray     *evidence;
} PhEntry;

/**
 * PhDocument:
 * @id: row id, 0 until stored
 * @received_on: the day it arrived, `YYYY-MM-DD`
 * @number: its number and symbol as written on it (`125/UBND-VP`), or empty
 * @dated_on: its own date, `YYYY-MM-DD`, or %NULL
 * @unit_id: the sending unit; 0 to use @unit_name
 * @unit_name: the sending unit's name; on create, a unit of that name is made
 *   when @unit_id is 0 and none exists yet
 * @delivery: how it arrived
 * @summary: what it is about
 * @created_by: (read-only) login
 * @created_at: (read-only) UTC, ISO 8601
 * @evidence: (element-type PhEvidence): the scanned document itself, on create
 *
 * One incoming document (văn bản đến); it holds one or more entries.
 */
typedef struct
{
  gint64      id;
  char       *received_on;
  char       *number;
  char       *dated_on;
  gint64      unit_id;
  char       *unit_name;
  PhDelivery  delivery;
  char       *summary;
  char       *created_by;
  char       *created_at;
  GPtrArray  *evidence;
} PhDocument;

PhEvidence   *ph_evidence_new                (void);
PhEvidence   *ph_evidence_copy               (const PhEvidence *evidence);
void          ph_evidence_free               (PhEvidence       *evidence);

PhEntry      *ph_entry_new                   (void);
PhEntry      *ph_entry_copy                  (const PhEntry    *entry);
void          ph_entry_free                  (PhEntry          *entry);
void          ph_entry_add_evidence          (PhEntry          *entry,
                                              const PhEvidence *evidence);

PhDocument   *ph_document_new                (void);
PhDocument   *ph_document_copy               (const PhDocument *document);
void          ph_document_free               (PhDocument       *document);

GType         ph_evidence_get_type           (void) G_GNUC_CONST;
GType         ph_entry_get_type              (void) G_GNUC_CONST;
GType         ph_document_get_type           (void) G_GNUC_CONST;
#define PH_TYPE_EVIDENCE (ph_evidence_get_type ())
#define PH_TYPE_ENTRY    (ph_entry_get_type ())
#define PH_TYPE_DOCUMENT (ph_document_get_type ())

const char   *ph_entry_status_to_string      (PhEntryStatus  status);
PhEntryStatus ph_entry_status_from_string    (const char    *string);
const char   *ph_entry_status_get_label      (PhEntryStatus  status);
const char   *ph_category_to_string          (PhCategory     category);
PhCategory    ph_category_from_string        (const char    *string);
const char   *ph_category_get_label          (PhCategory     category);
const char   *ph_channel_to_string           (PhChannel      channel);
PhChannel     ph_channel_from_string         (const char    *string);
const char   *ph_channel_get_label           (PhChannel      channel);
const char   *ph_delivery_to_string          (PhDelivery     delivery);
PhDelivery    ph_delivery_from_string        (const char    *string);
const char   *ph_delivery_get_label          (PhDelivery     delivery);
const char   *ph_evidence_kind_to_string     (PhEvidenceKind kind);
PhEvidenceKind ph_evidence_kind_from_string  (const char    *string);
const char   *ph_evidence_kind_get_label     (PhEvidenceKind kind);
PhSourceKind  ph_source_kind_from_string     (const char    *string);

gboolean      ph_entry_status_can_change     (PhEntryStatus  from,
                                              PhEntryStatus  to);
gboolean      ph_entry_status_is_editable    (PhEntryStatus  status);
gboolean      ph_entry_status_is_deletable   (PhEntryStatus  status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhEvidence, ph_evidence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhEntry, ph_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhDocument, ph_document_free)

G_END_DECLS
