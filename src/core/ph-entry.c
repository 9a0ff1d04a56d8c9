/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-entry.c: the plain records the store reads and writes, and the names of
 * their enumerations (stable strings for the database, labels for people). */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ph-entry.h"

G_DEFINE_BOXED_TYPE (PhEvidence, ph_evidence, ph_evidence_copy, ph_evidence_free)
G_DEFINE_BOXED_TYPE (PhEntry, ph_entry, ph_entry_copy, ph_entry_free)
G_DEFINE_BOXED_TYPE (PhDocument, ph_document, ph_document_copy, ph_document_free)

PhEvidence *
ph_evidence_new (void)
{
  return g_new0 (PhEvidence, 1);
}

PhEvidence *
ph_evidence_copy (const PhEvidence *evidence)
{
  PhEvidence *copy;

  g_return_val_if_fail (evidence != NULL, NULL);

  copy = g_memdup2 (evidence, sizeof *evidence);
  copy->sha256 = g_strdup (evidence->sha256);
  copy->mime = g_strdup (evidence->mime);
  copy->original_name = g_strdup (evidence->original_name);
  copy->added_by = g_strdup (evidence->added_by);
  copy->added_at = g_strdup (evidence->added_at);
  return copy;
}

void
ph_evidence_free (PhEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->sha256);
  g_free (evidence->mime);
  g_free (evidence->original_name);
  g_free (evidence->added_by);
  g_free (evidence->added_at);
  g_free (evidence);
}

static GPtrArray *
copy_evidence_array (GPtrArray *array)
{
  GPtrArray *copy;

  if (array == NULL)
    return NULL;

  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_evidence_free);
  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, ph_evidence_copy (g_ptr_array_index (array, i)));
  return copy;
}

PhEntry *
ph_entry_new (void)
{
  PhEntry *entry = g_new0 (PhEntry, 1);

  entry->status = PH_ENTRY_STATUS_RECEIVED;
  entry->category = PH_CATEGORY_SCAM;
  entry->channel = PH_CHANNEL_CALL;
  return entry;
}

PhEntry *
ph_entry_copy (const PhEntry *entry)
{
  PhEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->code = g_strdup (entry->code);
  copy->unit_name = g_strdup (entry->unit_name);
  copy->received_on = g_strdup (entry->received_on);
  copy->source_input = g_strdup (entry->source_input);
  copy->source_key = g_strdup (entry->source_key);
  copy->source_e164 = g_strdup (entry->source_e164);
  copy->source_display = g_strdup (entry->source_display);
  copy->network = g_strdup (entry->network);
  copy->province = g_strdup (entry->province);
  copy->impersonated = g_strdup (entry->impersonated);
  copy->occurred_at = g_strdup (entry->occurred_at);
  copy->receiving_number = g_strdup (entry->receiving_number);
  copy->content = g_strdup (entry->content);
  copy->notes = g_strdup (entry->notes);
  copy->reject_reason = g_strdup (entry->reject_reason);
  copy->created_at = g_strdup (entry->created_at);
  copy->updated_at = g_strdup (entry->updated_at);
  copy->evidence = copy_evidence_array (entry->evidence);
  return copy;
}

void
ph_entry_free (PhEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->code);
  g_free (entry->unit_name);
  g_free (entry->received_on);
  g_free (entry->source_input);
  g_free (entry->source_key);
  g_free (entry->source_e164);
  g_free (entry->source_display);
  g_free (entry->network);
  g_free (entry->province);
  g_free (entry->impersonated);
  g_free (entry->occurred_at);
  g_free (entry->receiving_number);
  g_free (entry->content);
  g_free (entry->notes);
  g_free (entry->reject_reason);
  g_free (entry->created_at);
  g_free (entry->updated_at);
  g_clear_pointer (&entry->evidence, g_ptr_array_unref);
  g_free (entry);
}

/**
 * ph_entry_add_evidence:
 * @entry: an entry not yet stored
 * @evidence: a file returned by ph_store_import_evidence()
 *
 * Attaches a copy of @evidence; ph_store_create_document() writes its row.
 */
void
ph_entry_add_evidence (PhEntry          *entry,
                       const PhEvidence *evidence)
{
  g_return_if_fail (entry != NULL);
  g_return_if_fail (evidence != NULL);

  if (entry->evidence == NULL)
    entry->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_evidence_free);
  g_ptr_array_add (entry->evidence, ph_evidence_copy (evidence));
}

PhDocument *
ph_document_new (void)
{
  PhDocument *document = g_new0 (PhDocument, 1);

  document->delivery = PH_DELIVERY_PAPER;
  return document;
}

PhDocument *
ph_document_copy (const PhDocument *document)
{
  PhDocument *copy;

  g_return_val_if_fail (document != NULL, NULL);

  copy = g_memdup2 (document, sizeof *document);
  copy->received_on = g_strdup (document->received_on);
  copy->number = g_strdup (document->number);
  copy->dated_on = g_strdup (document->dated_on);
  copy->unit_name = g_strdup (document->unit_name);
  copy->summary = g_strdup (document->summary);
  copy->created_by = g_strdup (document->created_by);
  copy->created_at = g_strdup (document->created_at);
  copy->evidence = copy_evidence_array (document->evidence);
  return copy;
}

void
ph_document_free (PhDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->received_on);
  g_free (document->number);
  g_free (document->dated_on);
  g_free (document->unit_name);
  g_free (document->summary);
  g_free (document->created_by);
  g_free (document->created_at);
  g_clear_pointer (&document->evidence, g_ptr_array_unref);
  g_free (document);
}

typedef struct
{
  int         value;
  const char *nick;
  const char *label;
} Name;

static const Name status_names[] = {
  { PH_ENTRY_STATUS_RECEIVED, "received", N_("Received") },
  { PH_ENTRY_STATUS_VERIFIED, "verified", N_("Verified") },
  { PH_ENTRY_STATUS_IN_BATCH, "in-batch", N_("In a batch") },
  { PH_ENTRY_STATUS_SENT, "sent", N_("Sent") },
  { PH_ENTRY_STATUS_ANSWERED, "answered", N_("Answered") },
  { PH_ENTRY_STATUS_REJECTED, "rejected", N_("Rejected") },
  { 0 }
};

static const Name category_names[] = {
  { PH_CATEGORY_SCAM, "scam", N_("Scam") },
  { PH_CATEGORY_SPAM, "spam", N_("Spam advertising") },
  { PH_CATEGORY_IMPERSONATION, "impersonation", N_("Impersonation of a state body") },
  { PH_CATEGORY_THREAT, "threat", N_("Threat or harassment") },
  { PH_CATEGORY_DEBT_COLLECTION, "debt-collection", N_("Debt collection") },
  { PH_CATEGORY_OTHER, "other", N_("Other") },
  { 0 }
};

static const Name channel_names[] = {
  { PH_CHANNEL_CALL, "call", N_("Call") },
  { PH_CHANNEL_SMS, "sms", N_("SMS") },
  /* Translators: a messaging app such as Zalo */
  { PH_CHANNEL_APP, "app", N_("Messaging app") },
  { PH_CHANNEL_OTHER, "other", N_("Other") },
  { 0 }
};

static const Name delivery_names[] = {
  { PH_DELIVERY_PAPER, "paper", N_("Paper") },
  { PH_DELIVERY_ELECTRONIC, "electronic", N_("Electronic document") },
  { PH_DELIVERY_EMAIL, "email", N_("E-mail") },
  { PH_DELIVERY_IN_PERSON, "in-person", N_("In person") },
  { 0 }
};

static const Name evidence_kind_names[] = {
  { PH_EVIDENCE_KIND_IMAGE, "image", N_("Screenshot") },
  { PH_EVIDENCE_KIND_AUDIO, "audio", N_("Recording") },
  { PH_EVIDENCE_KIND_VIDEO, "video", N_("Video") },
  { PH_EVIDENCE_KIND_DOCUMENT, "document", N_("Document") },
  { 0 }
};

static const Name *
find_value (const Name *names,
            int         value)
{
  for (const Name *n = names; n->nick != NULL; n++)
    if (n->value == value)
      return n;
  return NULL;
}

static int
find_nick (const Name *names,
           const char *nick)
{
  if (nick == NULL)
    return 0;
  for (const Name *n = names; n->nick != NULL; n++)
    if (strcmp (n->nick, nick) == 0)
      return n->value;
  return 0;
}

static const char *
nick_of (const Name *names,
         int         value)
{
  const Name *n = find_value (names, value);

  return n != NULL ? n->nick : NULL;
}

static const char *
label_of (const Name *names,
          int         value)
{
  const Name *n = find_value (names, value);

  return n != NULL ? _(n->label) : "";
}

/* The stable names below are stored in the database: never change them. */

const char *
ph_entry_status_to_string (PhEntryStatus status)
{
  return nick_of (status_names, status);
}

PhEntryStatus
ph_entry_status_from_string (const char *string)
{
  return find_nick (status_names, string);
}

const char *
ph_entry_status_get_label (PhEntryStatus status)
{
  return label_of (status_names, status);
}

const char *
ph_category_to_string (PhCategory category)
{
  return nick_of (category_names, category);
}

PhCategory
ph_category_from_string (const char *string)
{
  return find_nick (category_names, string);
}

const char *
ph_category_get_label (PhCategory category)
{
  return label_of (category_names, category);
}

const char *
ph_channel_to_string (PhChannel channel)
{
  return nick_of (channel_names, channel);
}

PhChannel
ph_channel_from_string (const char *string)
{
  return find_nick (channel_names, string);
}

const char *
ph_channel_get_label (PhChannel channel)
{
  return label_of (channel_names, channel);
}

const char *
ph_delivery_to_string (PhDelivery delivery)
{
  return nick_of (delivery_names, delivery);
}

PhDelivery
ph_delivery_from_string (const char *string)
{
  return find_nick (delivery_names, string);
}

const char *
ph_delivery_get_label (PhDelivery delivery)
{
  return label_of (delivery_names, delivery);
}

const char *
ph_evidence_kind_to_string (PhEvidenceKind kind)
{
  return nick_of (evidence_kind_names, kind);
}

PhEvidenceKind
ph_evidence_kind_from_string (const char *string)
{
  return find_nick (evidence_kind_names, string);
}

const char *
ph_evidence_kind_get_label (PhEvidenceKind kind)
{
  return label_of (evidence_kind_names, kind);
}

PhSourceKind
ph_source_kind_from_string (const char *string)
{
  for (int k = PH_SOURCE_KIND_INVALID; k <= PH_SOURCE_KIND_INTERNATIONAL; k++)
    if (g_strcmp0 (ph_source_kind_to_string (k), string) == 0)
      return k;
  return PH_SOURCE_KIND_INVALID;
}

/**
 * ph_entry_status_can_change:
 * @from: the current status
 * @to: the wanted status
 *
 * The rules of DESIGN.md "Entry statuses": received → verified → in batch →
 * sent → answered, or received → rejected. A verification can be withdrawn
 * (verified → received), a rejection reopened (rejected → received), and an
 * entry taken out of a draft batch goes back to verified. The database
 * enforces the same table with a trigger.
 *
 * Returns: whether the change is allowed
 */
gboolean
ph_entry_status_can_change (PhEntryStatus from,
                            PhEntryStatus to)
{
  switch (from)
    {
    case PH_ENTRY_STATUS_RECEIVED:
      return to == PH_ENTRY_STATUS_VERIFIED || to == PH_ENTRY_STATUS_REJECTED;
    case PH_ENTRY_STATUS_VERIFIED:
      return to == PH_ENTRY_STATUS_IN_BATCH || to == PH_ENTRY_STATUS_RECEIVED;
    case PH_ENTRY_STATUS_IN_BATCH:
      return to == PH_ENTRY_STATUS_SENT || to == PH_ENTRY_STATUS_VERIFIED;
    case PH_ENTRY_STATUS_SENT:
      return to == PH_ENTRY_STATUS_ANSWERED;
    case PH_ENTRY_STATUS_REJECTED:
      return to == PH_ENTRY_STATUS_RECEIVED;
    case PH_ENTRY_STATUS_ANSWERED:
    case PH_ENTRY_STATUS_ANY:
    default:
      return FALSE;
    }
}

/**
 * ph_entry_status_is_editable:
 *
 * Returns: whether an entry's fields and evidence may change in @status: not
 *   once it is in a batch, sent or answered
 */
gboolean
ph_entry_status_is_editable (PhEntryStatus status)
{
  return status == PH_ENTRY_STATUS_RECEIVED || status == PH_ENTRY_STATUS_VERIFIED ||
         status == PH_ENTRY_STATUS_REJECTED;
}

/**
 * ph_entry_status_is_deletable:
 *
 * Returns: whether an entry in @status may be deleted: only before it is verified,
 *   or once rejected
 */
gboolean
ph_entry_status_is_deletable (PhEntryStatus status)
{
  return status == PH_ENTRY_STATUS_RECEIVED || status == PH_ENTRY_STATUS_REJECTED;
}
