/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-batch.c: the plain records of batches and users, and the rules of a
 * batch's life. The store (ph-store-batches.c) enforces them; the window
 * only asks them which buttons make sense. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ph-batch.h"

G_DEFINE_BOXED_TYPE (PhUser, ph_user, ph_user_copy, ph_user_free)
G_DEFINE_BOXED_TYPE (PhAgencyProfile, ph_agency_profile, ph_agency_profile_copy,
                     ph_agency_profile_free)
G_DEFINE_BOXED_TYPE (PhBatch, ph_batch, ph_batch_copy, ph_batch_free)

PhUser *
ph_user_new (void)
{
  PhUser *user = g_new0 (PhUser, 1);

  user->active = TRUE;
  return user;
}

PhUser *
ph_user_copy (const PhUser *user)
{
  PhUser *copy;

  g_return_val_if_fail (user != NULL, NULL);

  copy = g_memdup2 (user, sizeof *user);
  copy->login = g_strdup (user->login);
  copy->full_name = g_strdup (user->full_name);
  copy->authority = g_strdup (user->authority);
  copy->title = g_strdup (user->title);
  copy->public_key = g_strdup (user->public_key);
  copy->created_at = g_strdup (user->created_at);
  return copy;
}

void
ph_user_free (PhUser *user)
{
  if (user == NULL)
    return;
  g_free (user->login);
  g_free (user->full_name);
  g_free (user->authority);
  g_free (user->title);
  g_free (user->public_key);
  g_free (user->created_at);
  g_free (user);
}

PhAgencyProfile *
ph_agency_profile_new (void)
{
  return g_new0 (PhAgencyProfile, 1);
}

PhAgencyProfile *
ph_agency_profile_copy (const PhAgencyProfile *profile)
{
  PhAgencyProfile *copy;

  g_return_val_if_fail (profile != NULL, NULL);

  copy = g_new0 (PhAgencyProfile, 1);
  copy->parent_body = g_strdup (profile->parent_body);
  copy->department = g_strdup (profile->department);
  copy->issuer = g_strdup (profile->issuer);
  copy->place = g_strdup (profile->place);
  copy->symbol = g_strdup (profile->symbol);
  copy->recipient = g_strdup (profile->recipient);
  return copy;
}

void
ph_agency_profile_free (PhAgencyProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->parent_body);
  g_free (profile->department);
  g_free (profile->issuer);
  g_free (profile->place);
  g_free (profile->symbol);
  g_free (profile->recipient);
  g_free (profile);
}

PhBatch *
ph_batch_new (void)
{
  PhBatch *batch = g_new0 (PhBatch, 1);

  batch->state = PH_BATCH_STATE_DRAFT;
  return batch;
}

PhBatch *
ph_batch_copy (const PhBatch *batch)
{
  PhBatch *copy;

  g_return_val_if_fail (batch != NULL, NULL);

  copy = g_memdup2 (batch, sizeof *batch);
  copy->code = g_strdup (batch->code);
  copy->number = g_strdup (batch->number);
  copy->symbol = g_strdup (batch->symbol);
  copy->dated_on = g_strdup (batch->dated_on);
  copy->subject = g_strdup (batch->subject);
  copy->recipient = g_strdup (batch->recipient);
  copy->signer_authority = g_strdup (batch->signer_authority);
  copy->signer_title = g_strdup (batch->signer_title);
  copy->signer_name = g_strdup (batch->signer_name);
  copy->created_by_login = g_strdup (batch->created_by_login);
  copy->created_by_name = g_strdup (batch->created_by_name);
  copy->created_at = g_strdup (batch->created_at);
  copy->updated_at = g_strdup (batch->updated_at);
  copy->submitted_at = g_strdup (batch->submitted_at);
  copy->returned_at = g_strdup (batch->returned_at);
  copy->return_comment = g_strdup (batch->return_comment);
  copy->approved_by_name = g_strdup (batch->approved_by_name);
  copy->approved_at = g_strdup (batch->approved_at);
  copy->digest = g_strdup (batch->digest);
  copy->signature = g_strdup (batch->signature);
  copy->public_key = g_strdup (batch->public_key);
  copy->sent_on = g_strdup (batch->sent_on);
  copy->closed_at = g_strdup (batch->closed_at);
  return copy;
}

void
ph_batch_free (PhBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->code);
  g_free (batch->number);
  g_free (batch->symbol);
  g_free (batch->dated_on);
  g_free (batch->subject);
  g_free (batch->recipient);
  g_free (batch->signer_authority);
  g_free (batch->signer_title);
  g_free (batch->signer_name);
  g_free (batch->created_by_login);
  g_free (batch->created_by_name);
  g_free (batch->created_at);
  g_free (batch->updated_at);
  g_free (batch->submitted_at);
  g_free (batch->returned_at);
  g_free (batch->return_comment);
  g_free (batch->approved_by_name);
  g_free (batch->approved_at);
  g_free (batch->digest);
  g_free (batch->signature);
  g_free (batch->public_key);
  g_free (batch->sent_on);
  g_free (batch->closed_at);
  g_free (batch);
}

/**
 * ph_batch_dup_reference:
 * @batch: a batch
 *
 * The dispatch reference as written in documents (`125/SKHCN-BCVT`); a batch
 * without a number yet is named by its id (`#12`).
 *
 * Returns: (transfer full): the reference
 */
char *
ph_batch_dup_reference (const PhBatch *batch)
{
  g_return_val_if_fail (batch != NULL, NULL);

  if (batch->number == NULL || *batch->number == '\0')
    return g_strdup_printf ("#%" G_GINT64_FORMAT, batch->id);
  if (batch->symbol == NULL || *batch->symbol == '\0')
    return g_strdup (batch->number);
  return g_strdup_printf ("%s/%s", batch->number, batch->symbol);
}

static const struct
{
  const char *name;
  const char *label;
} batch_states[] = {
  [PH_BATCH_STATE_ANY] = { "any", NC_("batch state", "Any") },
  [PH_BATCH_STATE_DRAFT] = { "draft", NC_("batch state", "Draft") },
  [PH_BATCH_STATE_SUBMITTED] = { "submitted", NC_("batch state", "Awaiting approval") },
  [PH_BATCH_STATE_RETURNED] = { "returned", NC_("batch state", "Returned") },
  [PH_BATCH_STATE_APPROVED] = { "approved", NC_("batch state", "Approved") },
  [PH_BATCH_STATE_SENT] = { "sent", NC_("batch state", "Sent") },
  [PH_BATCH_STATE_ANSWERED] = { "answered", NC_("batch state", "Answered") },
  [PH_BATCH_STATE_CLOSED] = { "closed", NC_("batch state", "Closed") },
};

const char *
ph_batch_state_to_string (PhBatchState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (batch_states), NULL);
  return batch_states[state].name;
}

PhBatchState
ph_batch_state_from_string (const char *string)
{
  for (guint i = 1; string != NULL && i < G_N_ELEMENTS (batch_states); i++)
    if (strcmp (string, batch_states[i].name) == 0)
      return (PhBatchState) i;
  return PH_BATCH_STATE_ANY;
}

const char *
ph_batch_state_get_label (PhBatchState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (batch_states), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "batch state", batch_states[state].label);
}

/**
 * ph_batch_state_is_editable:
 * @state: a state
 *
 * Returns: %TRUE when entries may be added or removed and the dispatch
 *   fields changed: a draft, or a batch the approver returned
 */
gboolean
ph_batch_state_is_editable (PhBatchState state)
{
  return state == PH_BATCH_STATE_DRAFT || state == PH_BATCH_STATE_RETURNED;
}

/**
 * ph_batch_state_is_signed:
 * @state: a state
 *
 * Returns: %TRUE once the batch carries an approver's signature and its
 *   content can no longer change
 */
gboolean
ph_batch_state_is_signed (PhBatchState state)
{
  return state == PH_BATCH_STATE_APPROVED || state == PH_BATCH_STATE_SENT
         || state == PH_BATCH_STATE_ANSWERED || state == PH_BATCH_STATE_CLOSED;
}

/**
 * ph_batch_state_can_change:
 * @from: the current state
 * @to: the wanted state
 *
 * Returns: %TRUE when DESIGN.md allows the step
 */
gboolean
ph_batch_state_can_change (PhBatchState from,
                           PhBatchState to)
{
  switch (from)
    {
    case PH_BATCH_STATE_DRAFT:
    case PH_BATCH_STATE_RETURNED:
      return to == PH_BATCH_STATE_SUBMITTED;
    case PH_BATCH_STATE_SUBMITTED:
      return to == PH_BATCH_STATE_APPROVED || to == PH_BATCH_STATE_RETURNED;
    case PH_BATCH_STATE_APPROVED:
      return to == PH_BATCH_STATE_SENT;
    case PH_BATCH_STATE_SENT:
      return to == PH_BATCH_STATE_ANSWERED || to == PH_BATCH_STATE_CLOSED;
    case PH_BATCH_STATE_ANSWERED:
      return to == PH_BATCH_STATE_CLOSED;
    case PH_BATCH_STATE_CLOSED:
    case PH_BATCH_STATE_ANY:
    default:
      return FALSE;
    }
}

static const struct
{
  const char *name;
  const char *label;
} roles[] = {
  [PH_ROLE_NONE] = { "none", NC_("role", "None") },
  [PH_ROLE_CLERK] = { "clerk", NC_("role", "Clerk") },
  [PH_ROLE_APPROVER] = { "approver", NC_("role", "Approver") },
  [PH_ROLE_ADMIN] = { "admin", NC_("role", "Administrator") },
};

const char *
ph_role_to_string (PhRole role)
{
  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (roles), NULL);
  return roles[role].name;
}

PhRole
ph_role_from_string (const char *string)
{
  for (guint i = 1; string != NULL && i < G_N_ELEMENTS (roles); i++)
    if (strcmp (string, roles[i].name) == 0)
      return (PhRole) i;
  return PH_ROLE_NONE;
}

const char *
ph_role_get_label (PhRole role)
{
  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (roles), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "role", roles[role].label);
}

static const struct
{
  const char *name;
  const char *label;
} answers[] = {
  [PH_ANSWER_NONE] = { "none", NC_("authority answer", "No answer yet") },
  [PH_ANSWER_BLOCKED_ONE_WAY] = { "blocked-one-way", NC_("authority answer", "Blocked one-way") },
  [PH_ANSWER_BLOCKED_TWO_WAY] = { "blocked-two-way", NC_("authority answer", "Blocked two-way") },
  [PH_ANSWER_HANDLED] = { "handled", NC_("authority answer", "Handled") },
  [PH_ANSWER_REJECTED] = { "rejected", NC_("authority answer", "Rejected, lacking grounds") },
};

const char *
ph_answer_to_string (PhAnswer answer)
{
  g_return_val_if_fail ((guint) answer < G_N_ELEMENTS (answers), NULL);
  return answers[answer].name;
}

PhAnswer
ph_answer_from_string (const char *string)
{
  for (guint i = 1; string != NULL && i < G_N_ELEMENTS (answers); i++)
    if (strcmp (string, answers[i].name) == 0)
      return (PhAnswer) i;
  return PH_ANSWER_NONE;
}

const char *
ph_answer_get_label (PhAnswer answer)
{
  g_return_val_if_fail ((guint) answer < G_N_ELEMENTS (answers), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "authority answer", answers[answer].label);
}
