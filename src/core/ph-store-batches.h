/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-batch.h"
#include "ph-store.h"

G_BEGIN_DECLS

#define PH_BATCH_ERROR (ph_batch_error_quark ())

typedef enum
{
  PH_BATCH_ERROR_STATE,         /* the batch is not in a state that allows this */
  PH_BATCH_ERROR_SIGNED,        /* the batch is approved: its content cannot change */
  PH_BATCH_ERROR_NOT_VERIFIED,  /* only verified entries go into a batch */
  PH_BATCH_ERROR_EMPTY,         /* a batch without entries */
  PH_BATCH_ERROR_INCOMPLETE,    /* a dispatch field is missing */
  PH_BATCH_ERROR_SIGNER,        /* the batch names another signer */
  PH_BATCH_ERROR_NO_KEY,        /* the approver has no signing key */
  PH_BATCH_ERROR_TAMPERED,      /* the stored digest or signature does not hold */
} PhBatchError;

/* Why an entry deserves the approver's attention. */
typedef enum
{
  PH_BATCH_FLAG_NONE = 0,
  PH_BATCH_FLAG_NO_EVIDENCE = 1 << 0,   /* nothing attached */
  PH_BATCH_FLAG_EXCLUDED = 1 << 1,      /* the source is on the exclusion list */
  PH_BATCH_FLAG_REPORTED_ONCE = 1 << 2, /* only one report of this source, ever */
} PhBatchFlags;

/**
 * PhBatchItem:
 * @entry_id: the entry
 * @position: its row in the appendix, from 1
 * @code: its register code
 * @source_key: the normalised source
 * @source_display: the source as shown (`0912 345 678`)
 * @network: the original network, or %NULL
 * @category: the category (`scam` …, see ph_category_from_string())
 * @channel: the channel (`call` …)
 * @occurred_at: when it happened, or %NULL
 * @content: the SMS text or call summary
 * @unit_name: who reported it
 * @status: the entry's status (`in-batch` …)
 * @evidence_count: attached files
 * @source_reports: entries of this source in the whole store
 * @answer: the Authority's answer for this source in this batch
 * @flags: what the approver should look at
 *
 * One entry as the batch editor and the approval page list it.
 */
typedef struct
{
  gint64        entry_id;
  guint         position;
  char         *code;
  char         *source_key;
  char         *source_display;
  char         *network;
  char         *category;
  char         *channel;
  char         *occurred_at;
  char         *content;
  char         *unit_name;
  char         *status;
  guint         evidence_count;
  guint         source_reports;
  PhAnswer      answer;
  PhBatchFlags  flags;
} PhBatchItem;

/**
 * PhBatchCount:
 * @key: a category or network key (a network may be %NULL: unknown)
 * @count: entries
 */
typedef struct
{
  char  *key;
  guint  count;
} PhBatchCount;

/**
 * PhBatchSummary:
 * @entries: entries in the batch
 * @sources: distinct sources
 * @by_category: (element-type PhBatchCount): entries per category, most first
 * @by_network: (element-type PhBatchCount): entries per original network, most first
 * @no_evidence: entries without evidence
 * @excluded: entries whose source is on the exclusion list
 * @reported_once: entries whose source was reported only once
 */
typedef struct
{
  guint      entries;
  guint      sources;
  GPtrArray *by_category;
  GPtrArray *by_network;
  guint      no_evidence;
  guint      excluded;
  guint      reported_once;
} PhBatchSummary;

/**
 * PhBatchCheck:
 * @batch_id: the batch
 * @reference: how it is named (`DG-2026-003 (125/SKHCN-BCVT)`)
 * @approver: who signed it
 * @ok: whether the digest matches the content and the signature holds
 * @problem: (nullable): what is wrong, in a sentence
 *
 * What `verify` found about one signed batch.
 */
typedef struct
{
  gint64    batch_id;
  char     *reference;
  char     *approver;
  gboolean  ok;
  char     *problem;
} PhBatchCheck;

GQuark          ph_batch_error_quark           (void);

void            ph_batch_item_free             (PhBatchItem     *item);
PhBatchItem    *ph_batch_item_copy             (const PhBatchItem *item);
void            ph_batch_summary_free          (PhBatchSummary  *summary);
void            ph_batch_check_free            (PhBatchCheck    *check);
GType           ph_batch_item_get_type         (void) G_GNUC_CONST;
#define PH_TYPE_BATCH_ITEM (ph_batch_item_get_type ())

/* Building (any signed-in user; the batch remembers who built and filled it) */
gint64          ph_store_create_batch          (PhStore         *self,
                                                const gint64    *entry_ids,
                                                guint            n_entries,
                                                GError         **error);
gboolean        ph_store_add_batch_entries     (PhStore         *self,
                                                gint64           batch_id,
                                                const gint64    *entry_ids,
                                                guint            n_entries,
                                                GError         **error);
gboolean        ph_store_remove_batch_entries  (PhStore         *self,
                                                gint64           batch_id,
                                                const gint64    *entry_ids,
                                                guint            n_entries,
                                                GError         **error);
gboolean        ph_store_update_batch          (PhStore         *self,
                                                const PhBatch   *batch,
                                                GError         **error);
gboolean        ph_store_delete_batch          (PhStore         *self,
                                                gint64           batch_id,
                                                GError         **error);
gboolean        ph_store_submit_batch          (PhStore         *self,
                                                gint64           batch_id,
                                                GError         **error);

/* Review (approvers only, never their own work) */
gboolean        ph_store_can_approve_batch     (PhStore         *self,
                                                gint64           batch_id,
                                                GError         **error);
gboolean        ph_store_approve_batch         (PhStore         *self,
                                                gint64           batch_id,
                                                const char      *password,
                                                GError         **error);
gboolean        ph_store_return_batch          (PhStore         *self,
                                                gint64           batch_id,
                                                const char      *comment,
                                                GError         **error);

/* After approval */
gboolean        ph_store_mark_batch_sent       (PhStore         *self,
                                                gint64           batch_id,
                                                const char      *sent_on,
                                                GError         **error);
gboolean        ph_store_record_answer         (PhStore         *self,
                                                gint64           batch_id,
                                                const char      *source_key,
                                                PhAnswer         answer,
                                                const char      *note,
                                                GError         **error);
gboolean        ph_store_close_batch           (PhStore         *self,
                                                gint64           batch_id,
                                                GError         **error);

/* Reading */
PhBatch        *ph_store_get_batch             (PhStore         *self,
                                                gint64           batch_id,
                                                GError         **error);
GPtrArray      *ph_store_list_batches          (PhStore         *self,
                                                PhBatchState     state,
                                                GError         **error);
GPtrArray      *ph_store_list_batch_items      (PhStore         *self,
                                                gint64           batch_id,
                                                GError         **error);
PhBatchSummary *ph_store_get_batch_summary     (PhStore         *self,
                                                gint64           batch_id,
                                                GError         **error);
GStrv           ph_store_list_batch_contributors (PhStore       *self,
                                                  gint64         batch_id,
                                                  GError       **error);

/* Checking */
GPtrArray      *ph_store_verify_batches        (PhStore         *self,
                                                GError         **error);
char           *ph_store_compute_batch_digest  (PhStore         *self,
                                                gint64           batch_id,
                                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhBatchItem, ph_batch_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhBatchSummary, ph_batch_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhBatchCheck, ph_batch_check_free)

G_END_DECLS
