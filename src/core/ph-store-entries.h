/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-store.h"

G_BEGIN_DECLS

/**
 * PhEntryFilter:
 * @status: only this status, or %PH_ENTRY_STATUS_ANY
 * @category: only this category, or %PH_CATEGORY_ANY
 * @channel: only this channel, or %PH_CHANNEL_ANY
 * @network: (nullable): only this original network ("Viettel" …)
 * @unit_id: only entries from this unit, or 0
 * @document_id: only the entries of this document, or 0
 * @source_key: (nullable): only entries about this normalised source
 * @received_from: (nullable): received on or after, `YYYY-MM-DD`
 * @received_to: (nullable): received on or before, `YYYY-MM-DD`
 * @text: (nullable): words to find ("lua dao" finds "lừa đảo"), or digits of
 *   a number ("0912 345" finds 0912 345 678)
 *
 * Which entries a list shows. Zero-initialise it (`PhEntryFilter f = { 0 };`)
 * and set what you need; the strings are borrowed.
 */
typedef struct
{
  PhEntryStatus  status;
  PhCategory     category;
  PhChannel      channel;
  const char    *network;
  gint64         unit_id;
  gint64         document_id;
  const char    *source_key;
  const char    *received_from;
  const char    *received_to;
  const char    *text;
} PhEntryFilter;

typedef enum
{
  PH_ENTRY_SORT_RECEIVED,   /* received date, then id */
  PH_ENTRY_SORT_CODE,
  PH_ENTRY_SORT_SOURCE,
  PH_ENTRY_SORT_NETWORK,
  PH_ENTRY_SORT_CATEGORY,
  PH_ENTRY_SORT_CHANNEL,
  PH_ENTRY_SORT_UNIT,       /* by unit id: groups a unit's entries together */
  PH_ENTRY_SORT_EVIDENCE,   /* number of evidence files */
  PH_ENTRY_SORT_STATUS,
} PhEntrySort;

/**
 * PhSource:
 * @key: the normalised source
 * @display: how it is shown
 * @kind: what the source is
 * @network: (nullable): its original network
 * @first_seen: the first received date, `YYYY-MM-DD`
 * @last_seen: the last received date
 * @entry_count: entries about it
 * @unit_count: units that reported it
 * @categories: the categories reported, stable names joined by commas
 * @batch_count: batches it was sent in
 * @answer: the Authority's answer: "not-sent", "sent", "blocked-one-way",
 *   "blocked-two-way", "handled", "rejected"
 *
 * The source record (số vi phạm): one source across all entries.
 */
typedef struct
{
  char         *key;
  char         *display;
  PhSourceKind  kind;
  char         *network;
  char         *first_seen;
  char         *last_seen;
  guint         entry_count;
  guint         unit_count;
  char         *categories;
  guint         batch_count;
  char         *answer;
} PhSource;

void          ph_source_free               (PhSource            *source);
const char   *ph_source_answer_get_label   (const char          *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhSource, ph_source_free)

gint64        ph_store_create_document     (PhStore             *self,
                                            PhDocument          *document,
                                            GPtrArray           *entries,
                                            GError             **error);
gint64        ph_store_add_entry           (PhStore             *self,
                                            gint64               document_id,
                                            PhEntry             *entry,
                                            GError             **error);
PhDocument   *ph_store_get_document        (PhStore             *self,
                                            gint64               id,
                                            GError             **error);

PhEntry      *ph_store_get_entry           (PhStore             *self,
                                            gint64               id,
                                            GError             **error);
gboolean      ph_store_update_entry        (PhStore             *self,
                                            PhEntry             *entry,
                                            GError             **error);
gboolean      ph_store_delete_entry        (PhStore             *self,
                                            gint64               id,
                                            GError             **error);
gboolean      ph_store_set_entry_status    (PhStore             *self,
                                            gint64               id,
                                            PhEntryStatus        status,
                                            const char          *reason,
                                            GError             **error);
gboolean      ph_store_verify_entry        (PhStore             *self,
                                            gint64               id,
                                            GError             **error);
gboolean      ph_store_reject_entry        (PhStore             *self,
                                            gint64               id,
                                            const char          *reason,
                                            GError             **error);

GPtrArray    *ph_store_list_entries        (PhStore             *self,
                                            const PhEntryFilter *filter,
                                            PhEntrySort          sort,
                                            gboolean             descending,
                                            gint64               offset,
                                            guint                limit,
                                            GError             **error);
gint64        ph_store_count_entries       (PhStore             *self,
                                            const PhEntryFilter *filter,
                                            GError             **error);
char         *ph_store_explain_list        (PhStore             *self,
                                            const PhEntryFilter *filter,
                                            PhEntrySort          sort,
                                            gboolean             descending,
                                            gboolean             count);

gint64        ph_store_count_other_entries (PhStore             *self,
                                            const char          *source_key,
                                            gint64               entry_id,
                                            GError             **error);
PhSource     *ph_store_get_source          (PhStore             *self,
                                            const char          *source_key,
                                            GError             **error);

G_END_DECLS
