/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-demo-batches.c: demo accounts and a batch in every state, made through
 * the same API and the same role checks as the real work: clerks build and
 * submit, approvers approve with their password or return with a comment,
 * so `phananh-cli verify` on a demo store checks real signatures. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-demo-batches.h"
#include "ph-store-batches.h"
#include "ph-store-entries.h"
#include "ph-store-users.h"

static const struct
{
  const char *login;
  const char *full_name;
  const char *authority;
  const char *title;
  PhRole      role;
} demo_users[] = {
  { "lan", "Nguyễn Thị Lan", "", "Chuyên viên", PH_ROLE_CLERK },
  { "minh", "Trần Văn Minh", "", "Chuyên viên", PH_ROLE_CLERK },
  { "hung", "Lê Quang Hưng", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", PH_ROLE_APPROVER },
  { "thao", "Phạm Thị Thảo", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", PH_ROLE_APPROVER },
};

/* One batch per state, oldest first; sizes shrink when the store has fewer entries. */
static const struct
{
  PhBatchState  state;
  guint         size;
  const char   *clerk;
  const char   *approver;
} demo_batches[] = {
  { PH_BATCH_STATE_CLOSED, 6, "lan", "hung" },
  { PH_BATCH_STATE_ANSWERED, 5, "minh", "thao" },
  { PH_BATCH_STATE_SENT, 5, "lan", "thao" },
  { PH_BATCH_STATE_APPROVED, 4, "minh", "hung" },
  { PH_BATCH_STATE_SUBMITTED, 5, "lan", "hung" },
  { PH_BATCH_STATE_RETURNED, 3, "minh", "thao" },
  { PH_BATCH_STATE_DRAFT, 4, "lan", NULL },
};

static gboolean
sign_in (PhStore     *store,
         const char  *login,
         GError     **error)
{
  g_autoptr(PhUser) user = ph_store_sign_in (store, login, PH_DEMO_PASSWORD, error);

  return user != NULL;
}

static gboolean
ensure_accounts (PhStore  *store,
                 GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (ph_store_needs_setup (store, &local_error))
    {
      g_autoptr(PhAgencyProfile) profile = ph_agency_profile_new ();
      g_autoptr(PhUser) admin = ph_user_new ();
      g_autoptr(PhUser) created = NULL;

      profile->parent_body = g_strdup ("UBND TỈNH THANH HÓA");
      profile->department = g_strdup ("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
      profile->issuer = g_strdup ("Sở Khoa học và Công nghệ tỉnh Thanh Hóa");
      profile->place = g_strdup ("Thanh Hóa");
      profile->symbol = g_strdup ("SKHCN-BCVT");
      profile->recipient = g_strdup ("Cục Viễn thông");
      admin->login = g_strdup ("admin");
      admin->full_name = g_strdup ("Quản trị hệ thống");
      admin->title = g_strdup ("Chuyên viên");
      created = ph_store_set_up (store, profile, admin, PH_DEMO_PASSWORD, error);
      if (created == NULL)
        return FALSE;
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  else if (!sign_in (store, "admin", &local_error))
    {
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_SET_UP,
                           _("This case store has its own accounts, so no demo accounts and "
                             "batches were made"));
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (demo_users); i++)
    {
      g_autoptr(PhUser) existing = ph_store_find_user (store, demo_users[i].login, NULL);
      g_autoptr(PhUser) user = NULL;

      if (existing != NULL)
        continue;
      user = ph_user_new ();
      user->login = g_strdup (demo_users[i].login);
      user->full_name = g_strdup (demo_users[i].full_name);
      user->authority = g_strdup (demo_users[i].authority);
      user->title = g_strdup (demo_users[i].title);
      user->role = demo_users[i].role;
      if (ph_store_create_user (store, user, PH_DEMO_PASSWORD, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Verified entries for the batches: received ones with evidence first. */
static GArray *
pick_entries (PhStore  *store,
              guint     wanted,
              GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PhEntryFilter filter = { 0 };
  g_autoptr(GPtrArray) received = NULL;

  filter.status = PH_ENTRY_STATUS_RECEIVED;
  received = ph_store_list_entries (store, &filter, PH_ENTRY_SORT_EVIDENCE, TRUE, 0, wanted * 2,
                                    error);
  if (received == NULL)
    return NULL;

  for (guint i = 0; i < received->len && ids->len < wanted; i++)
    {
      PhEntry *entry = g_ptr_array_index (received, i);

      if (!ph_store_verify_entry (store, entry->id, error))
        return NULL;
      g_array_append_val (ids, entry->id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
make_batch (PhStore       *store,
            guint          index,
            const gint64  *ids,
            guint          n_ids,
            gint64        *out_id,
            GError       **error)
{
  g_autoptr(PhBatch) batch = NULL;
  g_autoptr(PhUser) signer = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) dated = NULL;
  PhBatchState state = demo_batches[index].state;
  gint64 id;

  /* A week between dispatches, the oldest first. */
  dated = g_date_time_add_days (now, -7 * (int) (G_N_ELEMENTS (demo_batches) - index));

  if (!sign_in (store, demo_batches[index].clerk, error))
    return FALSE;
  id = ph_store_create_batch (store, ids, n_ids, error);
  if (id == 0)
    return FALSE;
  *out_id = id;
  if (state == PH_BATCH_STATE_DRAFT)
    return TRUE;

  batch = ph_store_get_batch (store, id, error);
  if (batch == NULL)
    return FALSE;
  signer = ph_store_find_user (store, demo_batches[index].approver, error);
  if (signer == NULL)
    return FALSE;
  g_free (batch->number);
  batch->number = g_strdup_printf ("%u", 312 + index * 17);
  g_free (batch->dated_on);
  batch->dated_on = g_date_time_format (dated, "%Y-%m-%d");
  batch->signer_id = signer->id;
  if (!ph_store_update_batch (store, batch, error) || !ph_store_submit_batch (store, id, error))
    return FALSE;
  if (state == PH_BATCH_STATE_SUBMITTED)
    return TRUE;

  if (!sign_in (store, demo_batches[index].approver, error))
    return FALSE;
  if (state == PH_BATCH_STATE_RETURNED)
    return ph_store_return_batch (store, id,
                                  "Dòng 2 chưa có bản ghi âm cuộc gọi; đề nghị bổ sung chứng cứ "
                                  "trước khi trình ký.", error);
  if (!ph_store_approve_batch (store, id, PH_DEMO_PASSWORD, error))
    return FALSE;
  if (state == PH_BATCH_STATE_APPROVED)
    return TRUE;

  if (!sign_in (store, demo_batches[index].clerk, error))
    return FALSE;
  {
    g_autoptr(GDateTime) sent = g_date_time_add_days (dated, 1);
    g_autofree char *sent_on = g_date_time_format (sent, "%Y-%m-%d");

    if (!ph_store_mark_batch_sent (store, id, sent_on, error))
      return FALSE;
  }
  if (state == PH_BATCH_STATE_SENT)
    return TRUE;

  {
    static const PhAnswer answers[] = {
      PH_ANSWER_BLOCKED_TWO_WAY, PH_ANSWER_BLOCKED_ONE_WAY, PH_ANSWER_BLOCKED_TWO_WAY,
      PH_ANSWER_HANDLED, PH_ANSWER_REJECTED,
    };
    g_autoptr(GPtrArray) items = ph_store_list_batch_items (store, id, error);

    if (items == NULL)
      return FALSE;
    for (guint i = 0; i < items->len; i++)
      {
        PhBatchItem *item = g_ptr_array_index (items, i);

        if (item->answer != PH_ANSWER_NONE)
          continue;
        if (!ph_store_record_answer (store, id, item->source_key,
                                     answers[i % G_N_ELEMENTS (answers)],
                                     "Công văn trả lời số 1045/CVT-KSTT", error))
          return FALSE;
      }
  }
  if (state == PH_BATCH_STATE_ANSWERED)
    return TRUE;
  return ph_store_close_batch (store, id, error);
}

/**
 * ph_demo_add_batches:
 * @store: a store filled by ph_demo_fill()
 * @n_batches: (out) (optional): how many batches were made
 * @error: return location for a #GError
 *
 * Sets up a new store with a demo agency profile and demo accounts (an
 * administrator, two clerks and two approvers, password %PH_DEMO_PASSWORD)
 * and makes one batch in each state from its received entries. A store
 * with accounts of its own is left alone (%PH_ACCESS_ERROR_SET_UP).
 *
 * Returns: %TRUE on success
 */
gboolean
ph_demo_add_batches (PhStore  *store,
                     guint    *n_batches,
                     GError  **error)
{
  guint wanted = 0, made = 0, offset = 0;
  g_autoptr(GArray) ids = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (PH_IS_STORE (store), FALSE);

  if (n_batches != NULL)
    *n_batches = 0;
  if (!ensure_accounts (store, error))
    {
      ph_store_sign_out (store);
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (demo_batches); i++)
    wanted += demo_batches[i].size;
  ids = pick_entries (store, wanted, error);
  if (ids == NULL)
    {
      ph_store_sign_out (store);
      return FALSE;
    }

  /* With few entries, smaller batches: at least one entry each while they last. */
  for (gsize i = 0; i < G_N_ELEMENTS (demo_batches) && ok; i++)
    {
      guint size = MAX (1, demo_batches[i].size * ids->len / wanted);
      gint64 id = 0;

      if (offset + size > ids->len)
        size = ids->len - offset;
      if (size == 0)
        break;
      ok = make_batch (store, (guint) i, &g_array_index (ids, gint64, offset), size, &id, error);
      offset += size;
      if (ok)
        made++;
    }

  ph_store_sign_out (store);
  if (n_batches != NULL)
    *n_batches = made;
  return ok;
}
