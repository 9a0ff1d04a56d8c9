/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-appendix.c: a batch as the exports see it (PhAppendixBatch), and
 * so its digest: what the approver signs is computed from exactly what the
 * appendix and the bundle print. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ph-digest.h"
#include "ph-store-appendix.h"
#include "ph-store-batches.h"
#include "ph-store-entries.h"
#include "ph-store-evidence.h"
#include "ph-store-users.h"

/* The store's names for the kinds of things, as the appendix template knows them. */
static const char *
appendix_category (const char *category)
{
  if (g_strcmp0 (category, "debt-collection") == 0)
    return "debt";
  return category;
}

static const char *
appendix_evidence_kind (const char *kind)
{
  if (g_strcmp0 (kind, "image") == 0)
    return "screenshot";
  if (g_strcmp0 (kind, "audio") == 0)
    return "recording";
  return kind;
}

/* Vietnam keeps UTC+7 all year; times in the store are local to the department. */
static GDateTime *
parse_occurred (const char *text,
                gboolean   *has_time)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+07:00");
  int y, m, d, hh = 0, mm = 0;

  *has_time = FALSE;
  if (text == NULL || *text == '\0')
    return NULL;
  if (sscanf (text, "%d-%d-%dT%d:%d", &y, &m, &d, &hh, &mm) == 5)
    *has_time = TRUE;
  else if (sscanf (text, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new (tz, y, m, d, hh, mm, 0);
}

static GDateTime *
parse_timestamp (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

static PhAppendixRow *
make_row (PhStore        *self,
          const PhEntry  *entry)
{
  PhAppendixRow *row = ph_appendix_row_new ();

  row->code = g_strdup (entry->code);
  row->source_key = g_strdup (entry->source_key);
  row->source_display = g_strdup (entry->source_display);
  row->network = g_strdup (entry->network);
  row->channel = g_strdup (ph_channel_to_string (entry->channel));
  row->category = g_strdup (appendix_category (ph_category_to_string (entry->category)));
  row->impersonated = g_strdup (entry->impersonated);
  row->occurred = parse_occurred (entry->occurred_at, &row->occurred_has_time);
  row->receiving_number = g_strdup (entry->receiving_number);
  row->content = g_strdup (entry->content);
  row->unit = g_strdup (entry->unit_name);
  row->notes = g_strdup (entry->notes);

  for (guint i = 0; entry->evidence != NULL && i < entry->evidence->len; i++)
    {
      const PhEvidence *from = g_ptr_array_index (entry->evidence, i);
      PhAppendixEvidence *evidence = ph_appendix_evidence_new ();

      evidence->kind = g_strdup (appendix_evidence_kind (ph_evidence_kind_to_string (from->kind)));
      evidence->sha256 = g_strdup (from->sha256);
      evidence->size = from->size;
      evidence->mime_type = g_strdup (from->mime);
      evidence->original_name = g_strdup (from->original_name);
      evidence->path = ph_store_dup_evidence_path (self, from->sha256);
      g_ptr_array_add (row->evidence, evidence);
    }
  return row;
}

/**
 * ph_store_get_appendix_batch:
 * @self: a store
 * @batch_id: a batch
 * @error: return location for a #GError
 *
 * Everything the appendix, the digest and the evidence bundle need about one
 * batch — its dispatch fields, the agency profile, the signer, the signature
 * and every entry with its evidence files — copied out of the store so that
 * the export can run in another thread.
 *
 * Returns: (transfer full): the batch, or %NULL
 */
PhAppendixBatch *
ph_store_get_appendix_batch (PhStore  *self,
                             gint64    batch_id,
                             GError  **error)
{
  g_autoptr(PhAppendixBatch) out = NULL;
  g_autoptr(PhBatch) batch = NULL;
  g_autoptr(PhAgencyProfile) profile = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  batch = ph_store_get_batch (self, batch_id, error);
  if (batch == NULL)
    return NULL;
  profile = ph_store_get_agency_profile (self, error);
  if (profile == NULL)
    return NULL;
  items = ph_store_list_batch_items (self, batch_id, error);
  if (items == NULL)
    return NULL;

  out = ph_appendix_batch_new ();
  out->parent_body = g_strdup (profile->parent_body);
  out->department = g_strdup (profile->department);
  out->issuer = g_strdup (profile->issuer);
  out->place = g_strdup (profile->place);
  out->code = g_strdup (batch->code);
  out->number = g_strdup (batch->number);
  out->symbol = g_strdup (batch->symbol);
  if (batch->dated_on != NULL
      && sscanf (batch->dated_on, "%d-%d-%d", &out->date_year, &out->date_month,
                 &out->date_day) != 3)
    out->date_year = out->date_month = out->date_day = 0;
  out->recipient = g_strdup (batch->recipient);
  out->subject = g_strdup (batch->subject);
  out->signer_authority = g_strdup (batch->signer_authority);
  out->signer_title = g_strdup (batch->signer_title);
  out->signer_name = g_strdup (batch->signer_name);
  out->approved = ph_batch_state_is_signed (batch->state);
  out->digest_hex = g_strdup (batch->digest);
  out->signature_hex = g_strdup (batch->signature);
  out->public_key_hex = g_strdup (batch->public_key);
  out->approver = g_strdup (batch->approved_by_name);
  out->approved_at = parse_timestamp (batch->approved_at);

  for (guint i = 0; i < items->len; i++)
    {
      const PhBatchItem *item = g_ptr_array_index (items, i);
      g_autoptr(PhEntry) entry = ph_store_get_entry (self, item->entry_id, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (out->rows, make_row (self, entry));
    }

  return g_steal_pointer (&out);
}

/**
 * ph_store_compute_batch_digest:
 * @self: a store
 * @batch_id: a batch
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the SHA-256 of the batch's canonical content as it
 *   is in the store now (ph_digest_batch()), lower-case hex
 */
char *
ph_store_compute_batch_digest (PhStore  *self,
                               gint64    batch_id,
                               GError  **error)
{
  g_autoptr(PhAppendixBatch) batch = ph_store_get_appendix_batch (self, batch_id, error);

  if (batch == NULL)
    return NULL;
  return ph_digest_batch (batch);
}

