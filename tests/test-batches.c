/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Users, roles and batches: each step of a batch's life and each refusal,
 * through the API and behind its back with plain SQL. */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "ph-crypto.h"
#include "ph-digest.h"
#include "ph-store-appendix.h"
#include "ph-store-batches.h"
#include "ph-store-entries.h"
#include "ph-store-evidence.h"
#include "ph-store-migrations.h"
#include "ph-store-private.h"
#include "ph-store-users.h"
#include "ph-test-util.h"

#define PASSWORD "mat-khau-123"

typedef struct
{
  char    *dir;
  PhStore *store;
  gint64   admin, clerk, clerk2, approver, approver2;
} Fixture;

static gint64
add_user (PhStore    *store,
          const char *login,
          const char *name,
          PhRole      role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhUser) user = ph_user_new ();
  gint64 id;

  user->login = g_strdup (login);
  user->full_name = g_strdup (name);
  user->role = role;
  if (role == PH_ROLE_APPROVER)
    {
      user->authority = g_strdup ("KT. GIÁM ĐỐC");
      user->title = g_strdup ("PHÓ GIÁM ĐỐC");
    }
  else
    user->title = g_strdup ("Chuyên viên");
  id = ph_store_create_user (store, user, PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
sign_in (Fixture    *fixture,
         const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhUser) user = ph_store_sign_in (fixture->store, login, PASSWORD, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (user->login, ==, login);
}

static PhAgencyProfile *
make_profile (void)
{
  PhAgencyProfile *profile = ph_agency_profile_new ();

  profile->parent_body = g_strdup ("UBND TỈNH THANH HÓA");
  profile->department = g_strdup ("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  profile->issuer = g_strdup ("Sở Khoa học và Công nghệ tỉnh Thanh Hóa");
  profile->place = g_strdup ("Thanh Hóa");
  profile->symbol = g_strdup ("SKHCN-BCVT");
  profile->recipient = g_strdup ("Cục Viễn thông");
  return profile;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhAgencyProfile) profile = make_profile ();
  g_autoptr(PhUser) admin = ph_user_new ();
  g_autoptr(PhUser) signed_in = NULL;

  fixture->dir = ph_test_make_tmp_dir ("batches");
  fixture->store = ph_store_open (fixture->dir, &error);
  g_assert_no_error (error);

  admin->login = g_strdup ("admin");
  admin->full_name = g_strdup ("Quản trị viên");
  signed_in = ph_store_set_up (fixture->store, profile, admin, PASSWORD, &error);
  g_assert_no_error (error);
  fixture->admin = signed_in->id;
  fixture->clerk = add_user (fixture->store, "lan", "Nguyễn Thị Lan", PH_ROLE_CLERK);
  fixture->clerk2 = add_user (fixture->store, "minh", "Trần Văn Minh", PH_ROLE_CLERK);
  fixture->approver = add_user (fixture->store, "hung", "Lê Văn Hùng", PH_ROLE_APPROVER);
  fixture->approver2 = add_user (fixture->store, "thao", "Phạm Thị Thảo", PH_ROLE_APPROVER);
  ph_store_sign_out (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->dir);
}

/* @n verified entries of one document, the first with a screenshot attached. */
static GArray *
make_entries (Fixture *fixture,
              guint    n)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhDocument) document = ph_document_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PhEntryFilter filter = { 0 };
  g_autoptr(GPtrArray) stored = NULL;
  gint64 document_id;

  document->received_on = g_strdup ("2026-11-20");
  document->number = g_strdup_printf ("%u/UBND-VP", ++serial);
  document->delivery = PH_DELIVERY_PAPER;
  document->unit_name = g_strdup ("UBND xã Quảng Xương");

  for (guint i = 0; i < n; i++)
    {
      PhEntry *entry = ph_entry_new ();

      entry->source_input = g_strdup_printf ("0912 %03u %03u", serial, i);
      entry->category = i % 2 == 0 ? PH_CATEGORY_SCAM : PH_CATEGORY_IMPERSONATION;
      entry->channel = PH_CHANNEL_CALL;
      entry->content = g_strdup ("Giả danh công an, yêu cầu chuyển tiền");
      g_ptr_array_add (entries, entry);
    }

  if (n > 0)
    {
      g_autofree char *png = g_build_filename (fixture->dir, "shot.png", NULL);
      static const guint8 png_bytes[] = {
        0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
      };
      g_autoptr(PhEvidence) evidence = NULL;
      g_autofree char *content = g_strdup_printf ("%s-%u", (const char *) png_bytes, serial);
      g_autoptr(GByteArray) bytes = g_byte_array_new ();

      g_byte_array_append (bytes, png_bytes, sizeof png_bytes);
      g_byte_array_append (bytes, (const guint8 *) &serial, sizeof serial);
      g_assert_true (g_file_set_contents (png, (const char *) bytes->data, bytes->len, NULL));
      evidence = ph_store_import_evidence (fixture->store, png, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      ph_entry_add_evidence (g_ptr_array_index (entries, 0), evidence);
    }

  document_id = ph_store_create_document (fixture->store, document, entries, &error);
  g_assert_no_error (error);

  filter.document_id = document_id;
  stored = ph_store_list_entries (fixture->store, &filter, PH_ENTRY_SORT_CODE, FALSE, 0, 1000,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, n);
  for (guint i = 0; i < stored->len; i++)
    {
      PhEntry *entry = g_ptr_array_index (stored, i);

      g_assert_true (ph_store_verify_entry (fixture->store, entry->id, &error));
      g_assert_no_error (error);
      g_array_append_val (ids, entry->id);
    }
  return ids;
}

static PhEntryStatus
entry_status (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhEntry) entry = ph_store_get_entry (fixture->store, id, &error);

  g_assert_no_error (error);
  return entry->status;
}

static PhBatchState
batch_state (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhBatch) batch = ph_store_get_batch (fixture->store, id, &error);

  g_assert_no_error (error);
  return batch->state;
}

/* A batch of @n entries built and filled by the clerk "lan" and submitted. */
static gint64
make_submitted_batch (Fixture  *fixture,
                      guint     n,
                      GArray  **out_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(PhBatch) batch = NULL;
  gint64 id;

  sign_in (fixture, "lan");
  ids = make_entries (fixture, n);
  id = ph_store_create_batch (fixture->store, (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);

  batch = ph_store_get_batch (fixture->store, id, &error);
  g_assert_no_error (error);
  g_free (batch->number);
  batch->number = g_strdup ("125");
  g_free (batch->dated_on);
  batch->dated_on = g_strdup ("2026-11-25");
  g_assert_true (ph_store_update_batch (fixture->store, batch, &error));
  g_assert_no_error (error);
  g_assert_true (ph_store_submit_batch (fixture->store, id, &error));
  g_assert_no_error (error);
  if (out_ids != NULL)
    *out_ids = g_steal_pointer (&ids);
  return id;
}

static gint64
make_approved_batch (Fixture  *fixture,
                     guint     n,
                     GArray  **out_ids)
{
  g_autoptr(GError) error = NULL;
  gint64 id = make_submitted_batch (fixture, n, out_ids);

  sign_in (fixture, "hung");
  g_assert_true (ph_store_approve_batch (fixture->store, id, PASSWORD, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_setup_first_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ph_test_make_tmp_dir ("first-start");
  g_autoptr(PhStore) store = ph_store_open (dir, &error);
  g_autoptr(PhAgencyProfile) profile = make_profile ();
  g_autoptr(PhAgencyProfile) read = NULL;
  g_autoptr(PhUser) admin = ph_user_new ();
  g_autoptr(PhUser) created = NULL;
  PhUser *again;

  g_assert_no_error (error);
  g_assert_true (ph_store_needs_setup (store, &error));
  g_assert_no_error (error);
  g_assert_null (ph_store_get_user (store));

  admin->login = g_strdup ("admin");
  admin->full_name = g_strdup ("Quản trị viên");
  admin->role = PH_ROLE_CLERK;  /* ignored: the first account is an administrator */

  /* a weak password is refused and nothing is written */
  g_assert_null (ph_store_set_up (store, profile, admin, "short", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  g_assert_true (ph_store_needs_setup (store, NULL));

  created = ph_store_set_up (store, profile, admin, PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (created->role, ==, PH_ROLE_ADMIN);
  g_assert_cmpstr (ph_store_get_user (store)->login, ==, "admin");
  g_assert_false (ph_store_needs_setup (store, NULL));

  read = ph_store_get_agency_profile (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->parent_body, ==, "UBND TỈNH THANH HÓA");
  g_assert_cmpstr (read->department, ==, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  g_assert_cmpstr (read->symbol, ==, "SKHCN-BCVT");
  g_assert_cmpstr (read->recipient, ==, "Cục Viễn thông");
  g_assert_cmpstr (read->place, ==, "Thanh Hóa");

  again = ph_store_set_up (store, profile, admin, PASSWORD, &error);
  g_assert_null (again);
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_SET_UP);
}

static void
test_users_roles (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhUser) user = ph_user_new ();
  g_autoptr(PhUser) approver = NULL;
  g_autoptr(PhUser) clerk = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(PhAgencyProfile) profile = make_profile ();

  user->login = g_strdup ("new");
  user->full_name = g_strdup ("Người mới");
  user->role = PH_ROLE_CLERK;

  /* nobody signed in */
  g_assert_cmpint (ph_store_create_user (fixture->store, user, PASSWORD, &error), ==, 0);
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);

  /* a clerk cannot manage accounts nor the profile */
  sign_in (fixture, "lan");
  g_assert_cmpint (ph_store_create_user (fixture->store, user, PASSWORD, &error), ==, 0);
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_ROLE);
  g_clear_error (&error);
  g_assert_false (ph_store_set_agency_profile (fixture->store, profile, &error));
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_ROLE);
  g_clear_error (&error);

  sign_in (fixture, "admin");
  g_assert_true (ph_store_set_agency_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  /* duplicate login, bad login, weak password */
  g_free (user->login);
  user->login = g_strdup ("lan");
  g_assert_cmpint (ph_store_create_user (fixture->store, user, PASSWORD, &error), ==, 0);
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID);
  g_clear_error (&error);
  g_free (user->login);
  user->login = g_strdup ("Nguyễn");
  g_assert_cmpint (ph_store_create_user (fixture->store, user, PASSWORD, &error), ==, 0);
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID);
  g_clear_error (&error);
  g_free (user->login);
  user->login = g_strdup ("new");
  g_assert_cmpint (ph_store_create_user (fixture->store, user, "1234", &error), ==, 0);
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);

  /* approvers get a key, clerks none */
  approver = ph_store_get_user_by_id (fixture->store, fixture->approver, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (approver->public_key), ==, PH_CRYPTO_PUBLIC_KEY_HEX_LEN);
  g_assert_cmpstr (approver->authority, ==, "KT. GIÁM ĐỐC");
  clerk = ph_store_get_user_by_id (fixture->store, fixture->clerk, &error);
  g_assert_no_error (error);
  g_assert_null (clerk->public_key);

  users = ph_store_list_users (fixture->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 5);

  /* the last administrator stays one */
  {
    g_autoptr(PhUser) admin = ph_store_get_user_by_id (fixture->store, fixture->admin, &error);

    admin->role = PH_ROLE_CLERK;
    g_assert_false (ph_store_update_user (fixture->store, admin, &error));
    g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* a disabled account cannot sign in */
  clerk->active = FALSE;
  g_assert_true (ph_store_update_user (fixture->store, clerk, &error));
  g_assert_no_error (error);
  g_assert_null (ph_store_sign_in (fixture->store, "lan", PASSWORD, &error));
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NO_SUCH_USER);
  g_clear_error (&error);
  users = (g_ptr_array_unref (users), ph_store_list_users (fixture->store, FALSE, &error));
  g_assert_cmpuint (users->len, ==, 4);
}

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PhUser *user;

  user = ph_store_sign_in (fixture->store, "lan", "wrong password", &error);
  g_assert_null (user);
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_null (ph_store_get_user (fixture->store));

  user = ph_store_sign_in (fixture->store, "nobody", PASSWORD, &error);
  g_assert_null (user);
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NO_SUCH_USER);
  g_clear_error (&error);

  /* a clerk's workstation may stay signed in; an approver's may not */
  user = ph_store_resume_session (fixture->store, "lan", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ph_store_get_user (fixture->store)->login, ==, "lan");
  ph_user_free (user);
  user = ph_store_resume_session (fixture->store, "hung", &error);
  g_assert_null (user);
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_ROLE);
  g_clear_error (&error);

  ph_store_sign_out (fixture->store);
  g_assert_null (ph_store_get_user (fixture->store));
  g_assert_false (ph_store_require_role (fixture->store, PH_ROLE_NONE, &error));
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);

  /* An administrator on another computer changes a role or disables an account:
   * the handle signed in before obeys at once. */
  {
    g_autoptr(PhStore) other = ph_store_open (fixture->dir, &error);
    g_autoptr(PhUser) hung = NULL;
    g_autoptr(PhUser) lan = NULL;

    g_assert_no_error (error);
    ph_user_free (ph_store_sign_in (other, "admin", PASSWORD, &error));
    g_assert_no_error (error);

    sign_in (fixture, "hung");
    g_assert_true (ph_store_require_role (fixture->store, PH_ROLE_APPROVER, &error));
    hung = ph_store_find_user (other, "hung", &error);
    hung->role = PH_ROLE_CLERK;
    g_assert_true (ph_store_update_user (other, hung, &error));
    g_assert_no_error (error);
    g_assert_false (ph_store_require_role (fixture->store, PH_ROLE_APPROVER, &error));
    g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_ROLE);
    g_clear_error (&error);

    sign_in (fixture, "lan");
    lan = ph_store_find_user (other, "lan", &error);
    lan->active = FALSE;
    g_assert_true (ph_store_update_user (other, lan, &error));
    g_assert_cmpint (ph_store_create_batch (fixture->store, NULL, 0, &error), ==, 0);
    g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NOT_SIGNED_IN);
    g_assert_null (ph_store_get_user (fixture->store));
  }
}

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(PhBatch) batch = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(PhBatchSummary) summary = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id;

  sign_in (fixture, "lan");
  ids = make_entries (fixture, 4);
  id = ph_store_create_batch (fixture->store, (gint64 *) ids->data, 3, &error);
  g_assert_no_error (error);

  batch = ph_store_get_batch (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch->state, ==, PH_BATCH_STATE_DRAFT);
  g_assert_true (g_str_has_prefix (batch->code, "DG-"));
  g_assert_cmpstr (batch->subject, ==, PH_BATCH_DEFAULT_SUBJECT);
  g_assert_cmpstr (batch->recipient, ==, "Cục Viễn thông");
  g_assert_cmpstr (batch->symbol, ==, "SKHCN-BCVT");
  g_assert_cmpuint (batch->entry_count, ==, 3);
  g_assert_cmpstr (batch->created_by_login, ==, "lan");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (entry_status (fixture, g_array_index (ids, gint64, i)), ==,
                     PH_ENTRY_STATUS_IN_BATCH);

  /* add and remove in draft */
  g_assert_true (ph_store_add_batch_entries (fixture->store, id, &g_array_index (ids, gint64, 3),
                                             1, &error));
  g_assert_no_error (error);
  g_assert_true (ph_store_remove_batch_entries (fixture->store, id, (gint64 *) ids->data, 1,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry_status (fixture, g_array_index (ids, gint64, 0)), ==,
                   PH_ENTRY_STATUS_VERIFIED);
  items = ph_store_list_batch_items (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpuint (((PhBatchItem *) items->pdata[0])->position, ==, 1);
  g_assert_cmpint (((PhBatchItem *) items->pdata[2])->entry_id, ==, g_array_index (ids, gint64, 3));
  /* the only evidence was on the removed entry; every source is new */
  g_assert_true (((PhBatchItem *) items->pdata[0])->flags & PH_BATCH_FLAG_NO_EVIDENCE);
  g_assert_true (((PhBatchItem *) items->pdata[0])->flags & PH_BATCH_FLAG_REPORTED_ONCE);

  summary = ph_store_get_batch_summary (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->entries, ==, 3);
  g_assert_cmpuint (summary->sources, ==, 3);
  g_assert_cmpuint (summary->no_evidence, ==, 3);
  g_assert_cmpuint (summary->by_category->len, ==, 2);
  g_assert_cmpuint (((PhBatchCount *) summary->by_category->pdata[0])->count, ==, 2);
  g_assert_cmpuint (summary->by_network->len, >=, 1);

  /* fill and submit */
  g_free (batch->number);
  batch->number = g_strdup ("125");
  g_free (batch->dated_on);
  batch->dated_on = g_strdup ("2026-13-40");
  g_assert_false (ph_store_update_batch (fixture->store, batch, &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_free (batch->dated_on);
  batch->dated_on = g_strdup ("2026-11-25");
  batch->signer_id = fixture->clerk2;
  g_assert_false (ph_store_update_batch (fixture->store, batch, &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_SIGNER);
  g_clear_error (&error);
  batch->signer_id = fixture->approver;
  g_assert_true (ph_store_update_batch (fixture->store, batch, &error));
  g_assert_no_error (error);
  g_assert_true (ph_store_submit_batch (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (batch_state (fixture, id), ==, PH_BATCH_STATE_SUBMITTED);

  /* submitted: no more edits until returned */
  g_assert_false (ph_store_add_batch_entries (fixture->store, id, (gint64 *) ids->data, 1, &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_STATE);
  g_clear_error (&error);

  /* approve */
  sign_in (fixture, "hung");
  g_assert_true (ph_store_can_approve_batch (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_true (ph_store_approve_batch (fixture->store, id, PASSWORD, &error));
  g_assert_no_error (error);
  g_clear_pointer (&batch, ph_batch_free);
  batch = ph_store_get_batch (fixture->store, id, &error);
  g_assert_cmpint (batch->state, ==, PH_BATCH_STATE_APPROVED);
  g_assert_cmpuint (strlen (batch->digest), ==, 64);
  g_assert_cmpuint (strlen (batch->signature), ==, PH_CRYPTO_SIGNATURE_HEX_LEN);
  g_assert_cmpint (batch->approved_by, ==, fixture->approver);
  g_assert_cmpstr (batch->approved_by_name, ==, "Lê Văn Hùng");
  g_assert_cmpstr (batch->signer_name, ==, "Lê Văn Hùng");
  g_assert_cmpstr (batch->signer_title, ==, "PHÓ GIÁM ĐỐC");

  checks = ph_store_verify_batches (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 1);
  g_assert_true (((PhBatchCheck *) checks->pdata[0])->ok);

  /* sent: entries follow */
  sign_in (fixture, "lan");
  g_assert_false (ph_store_mark_batch_sent (fixture->store, id, "25/11/2026", &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_true (ph_store_mark_batch_sent (fixture->store, id, "2026-11-26", &error));
  g_assert_no_error (error);
  g_assert_cmpint (batch_state (fixture, id), ==, PH_BATCH_STATE_SENT);
  g_assert_cmpint (entry_status (fixture, g_array_index (ids, gint64, 1)), ==,
                   PH_ENTRY_STATUS_SENT);
  g_assert_cmpint (entry_status (fixture, g_array_index (ids, gint64, 0)), ==,
                   PH_ENTRY_STATUS_VERIFIED);

  /* answers, one source at a time */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = ph_store_list_batch_items (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_false (ph_store_record_answer (fixture->store, id, "+84999999999",
                                          PH_ANSWER_HANDLED, NULL, &error));
  g_assert_error (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  for (guint i = 0; i < items->len; i++)
    {
      PhBatchItem *item = g_ptr_array_index (items, i);

      g_assert_true (ph_store_record_answer (fixture->store, id, item->source_key,
                                             i == 0 ? PH_ANSWER_BLOCKED_TWO_WAY
                                                    : PH_ANSWER_BLOCKED_ONE_WAY,
                                             "CV 88/CVT-KSTT", &error));
      g_assert_no_error (error);
      g_assert_cmpint (entry_status (fixture, item->entry_id), ==, PH_ENTRY_STATUS_ANSWERED);
      g_assert_cmpint (batch_state (fixture, id), ==,
                       i + 1 < items->len ? PH_BATCH_STATE_SENT : PH_BATCH_STATE_ANSWERED);
    }
  {
    PhBatchItem *first = g_ptr_array_index (items, 0);
    g_autoptr(PhSource) source = ph_store_get_source (fixture->store, first->source_key, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (source->answer, ==, "blocked-two-way");
  }

  g_assert_true (ph_store_close_batch (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (batch_state (fixture, id), ==, PH_BATCH_STATE_CLOSED);
  g_assert_false (ph_store_close_batch (fixture->store, id, &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_STATE);
  g_clear_error (&error);

  /* still verifies once closed */
  g_clear_pointer (&checks, g_ptr_array_unref);
  checks = ph_store_verify_batches (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (((PhBatchCheck *) checks->pdata[0])->ok);

  list = ph_store_list_batches (fixture->store, PH_BATCH_STATE_CLOSED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((PhBatch *) list->pdata[0])->answered_count, ==, 3);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) more = NULL;
  gint64 id, empty;

  /* not signed in */
  g_assert_cmpint (ph_store_create_batch (fixture->store, NULL, 0, &error), ==, 0);
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);

  id = make_submitted_batch (fixture, 2, &ids);

  /* a clerk approves */
  g_assert_false (ph_store_approve_batch (fixture->store, id, PASSWORD, &error));
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_ROLE);
  g_clear_error (&error);
  g_assert_false (ph_store_return_batch (fixture->store, id, "Thiếu chứng cứ", &error));
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_ROLE);
  g_clear_error (&error);

  /* an admin approves */
  sign_in (fixture, "admin");
  g_assert_false (ph_store_approve_batch (fixture->store, id, PASSWORD, &error));
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_ROLE);
  g_clear_error (&error);

  /* wrong password: refused, nothing changes */
  sign_in (fixture, "thao");
  g_assert_false (ph_store_approve_batch (fixture->store, id, "not my password", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_cmpint (batch_state (fixture, id), ==, PH_BATCH_STATE_SUBMITTED);

  /* return needs a comment; then it is editable again */
  g_assert_false (ph_store_return_batch (fixture->store, id, "  ", &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_true (ph_store_return_batch (fixture->store, id, "Bổ sung ghi âm cho dòng 2", &error));
  g_assert_no_error (error);
  {
    g_autoptr(PhBatch) batch = ph_store_get_batch (fixture->store, id, &error);

    g_assert_cmpint (batch->state, ==, PH_BATCH_STATE_RETURNED);
    g_assert_cmpstr (batch->return_comment, ==, "Bổ sung ghi âm cho dòng 2");
  }
  g_assert_false (ph_store_approve_batch (fixture->store, id, PASSWORD, &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_STATE);
  g_clear_error (&error);

  /* an approver who fills the batch can no longer approve it (four-eyes) */
  more = make_entries (fixture, 1);
  g_assert_true (ph_store_add_batch_entries (fixture->store, id, (gint64 *) more->data, 1, &error));
  g_assert_no_error (error);
  g_assert_true (ph_store_submit_batch (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_false (ph_store_can_approve_batch (fixture->store, id, &error));
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_FOUR_EYES);
  g_clear_error (&error);
  g_assert_false (ph_store_approve_batch (fixture->store, id, PASSWORD, &error));
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_FOUR_EYES);
  g_clear_error (&error);
  g_assert_false (ph_store_return_batch (fixture->store, id, "Tự trả lại", &error));
  g_assert_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_FOUR_EYES);
  g_clear_error (&error);
  {
    g_auto(GStrv) who = ph_store_list_batch_contributors (fixture->store, id, &error);

    g_assert_no_error (error);
    g_assert_true (g_strv_contains ((const char * const *) who, "lan"));
    g_assert_true (g_strv_contains ((const char * const *) who, "thao"));
  }

  /* the other approver can */
  sign_in (fixture, "hung");
  g_assert_true (ph_store_approve_batch (fixture->store, id, PASSWORD, &error));
  g_assert_no_error (error);

  /* only verified entries; an empty batch cannot be submitted */
  sign_in (fixture, "lan");
  g_assert_cmpint (ph_store_create_batch (fixture->store, (gint64 *) ids->data, 1, &error), ==, 0);
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_NOT_VERIFIED);
  g_clear_error (&error);
  empty = ph_store_create_batch (fixture->store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_false (ph_store_submit_batch (fixture->store, empty, &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_true (ph_store_delete_batch (fixture->store, empty, &error));
  g_assert_no_error (error);

  /* sending needs approval first */
  g_clear_pointer (&ids, g_array_unref);
  empty = make_submitted_batch (fixture, 1, &ids);
  g_assert_false (ph_store_mark_batch_sent (fixture->store, empty, "2026-11-26", &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_STATE);
}

static void
test_signer (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhBatch) batch = NULL;
  gint64 id;

  sign_in (fixture, "lan");
  id = ph_store_create_batch (fixture->store, NULL, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) ids = make_entries (fixture, 1);

    g_assert_true (ph_store_add_batch_entries (fixture->store, id, (gint64 *) ids->data, 1,
                                               &error));
    g_assert_no_error (error);
  }
  batch = ph_store_get_batch (fixture->store, id, &error);
  batch->signer_id = fixture->approver2;
  g_assert_true (ph_store_update_batch (fixture->store, batch, &error));
  g_assert_no_error (error);
  g_assert_true (ph_store_submit_batch (fixture->store, id, &error));
  g_assert_no_error (error);

  /* named signer only */
  sign_in (fixture, "hung");
  g_assert_false (ph_store_approve_batch (fixture->store, id, PASSWORD, &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_SIGNER);
  g_clear_error (&error);
  sign_in (fixture, "thao");
  g_assert_true (ph_store_approve_batch (fixture->store, id, PASSWORD, &error));
  g_assert_no_error (error);
}

static void
test_signed_api (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) more = NULL;
  g_autoptr(PhBatch) batch = NULL;
  g_autoptr(PhEntry) entry = NULL;
  gint64 id = make_approved_batch (fixture, 2, &ids);

  sign_in (fixture, "lan");
  more = make_entries (fixture, 1);
  g_assert_false (ph_store_add_batch_entries (fixture->store, id, (gint64 *) more->data, 1,
                                              &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_false (ph_store_remove_batch_entries (fixture->store, id, (gint64 *) ids->data, 1,
                                                 &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_SIGNED);
  g_clear_error (&error);

  batch = ph_store_get_batch (fixture->store, id, &error);
  g_free (batch->number);
  batch->number = g_strdup ("999");
  g_assert_false (ph_store_update_batch (fixture->store, batch, &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_false (ph_store_delete_batch (fixture->store, id, &error));
  g_assert_error (error, PH_BATCH_ERROR, PH_BATCH_ERROR_SIGNED);
  g_clear_error (&error);

  /* the entry itself, through the entries API */
  entry = ph_store_get_entry (fixture->store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_free (entry->content);
  entry->content = g_strdup ("đã sửa");
  g_assert_false (ph_store_update_entry (fixture->store, entry, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (ph_store_set_entry_status (fixture->store, entry->id, PH_ENTRY_STATUS_VERIFIED,
                                             NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* and its evidence */
  {
    g_autoptr(GPtrArray) evidence = ph_store_list_evidence (fixture->store, entry->id, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (evidence->len, ==, 1);
    g_assert_false (ph_store_remove_evidence (fixture->store,
                                              ((PhEvidence *) evidence->pdata[0])->id, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  {
    g_autoptr(GPtrArray) checks = ph_store_verify_batches (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_true (((PhBatchCheck *) checks->pdata[0])->ok);
  }
}

/* Another program with the sqlite3 library, not the application. */
static sqlite3 *
open_behind_the_back (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, PH_STORE_DATABASE_NAME, NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  ph_store_register_functions (db);
  return db;
}

static void
assert_sql_refused (sqlite3    *db,
                    const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc == SQLITE_OK)
    g_error ("plain SQL was allowed to change a signed batch: %s", sql);
  g_assert_nonnull (message);
  g_test_message ("refused: %s (%s)", sql, message);
  sqlite3_free (message);
}

static void
test_signed_sql (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *sql = NULL;
  gint64 id = make_approved_batch (fixture, 2, &ids);
  gint64 entry = g_array_index (ids, gint64, 0);
  sqlite3 *db = open_behind_the_back (fixture);

  sql = g_strdup_printf ("UPDATE entries SET content = 'sửa' WHERE id = %" G_GINT64_FORMAT, entry);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE entries SET status = 'verified' WHERE id = %" G_GINT64_FORMAT,
                         entry);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM entries WHERE id = %" G_GINT64_FORMAT, entry);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM batch_entries WHERE batch_id = %" G_GINT64_FORMAT, id);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE batch_entries SET position = 9 WHERE batch_id = %" G_GINT64_FORMAT,
                         id);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE batches SET number = '999' WHERE id = %" G_GINT64_FORMAT, id);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE batches SET digest = 'x' WHERE id = %" G_GINT64_FORMAT, id);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE batches SET state = 'draft' WHERE id = %" G_GINT64_FORMAT, id);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM batches WHERE id = %" G_GINT64_FORMAT, id);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM evidence WHERE entry_id = %" G_GINT64_FORMAT, entry);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO evidence (entry_id, sha256, size, mime, kind, original_name,"
                         " added_by, added_at) VALUES (%" G_GINT64_FORMAT ", '%064d', 1,"
                         " 'image/png', 'image', 'x.png', 'x', 'now')", entry, 0);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE evidence SET original_name = 'x' WHERE entry_id = %"
                         G_GINT64_FORMAT, entry);
  assert_sql_refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM user_keys WHERE user_id = %" G_GINT64_FORMAT,
                         fixture->approver);
  assert_sql_refused (db, sql);

  sqlite3_close (db);

  {
    g_autoptr(GPtrArray) checks = ph_store_verify_batches (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (checks->len, ==, 1);
    g_assert_true (((PhBatchCheck *) checks->pdata[0])->ok);
  }
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
assert_verify_names (Fixture    *fixture,
                     gint64      id,
                     const char *problem_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = ph_store_verify_batches (fixture->store, &error);
  g_autoptr(PhBatch) batch = ph_store_get_batch (fixture->store, id, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < checks->len; i++)
    {
      PhBatchCheck *check = g_ptr_array_index (checks, i);

      if (check->batch_id != id)
        continue;
      found = TRUE;
      g_assert_false (check->ok);
      g_assert_nonnull (strstr (check->reference, batch->code));
      g_assert_nonnull (strstr (check->reference, "125/SKHCN-BCVT"));
      g_assert_nonnull (strstr (check->problem, problem_part));
    }
  g_assert_true (found);
}

/* Someone drops the triggers and edits the database: verify still sees it. */
static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) ids2 = NULL;
  g_autoptr(GArray) ids3 = NULL;
  g_autofree char *sql = NULL;
  gint64 content = make_approved_batch (fixture, 2, &ids);
  gint64 signature = make_approved_batch (fixture, 2, &ids2);
  gint64 digest = make_approved_batch (fixture, 1, &ids3);
  sqlite3 *db = open_behind_the_back (fixture);

  exec_ok (db, "DROP TRIGGER entries_frozen; DROP TRIGGER entries_signed_content;"
               " DROP TRIGGER batches_signed;");
  sql = g_strdup_printf ("UPDATE entries SET content = 'nội dung khác' WHERE id = %"
                         G_GINT64_FORMAT, g_array_index (ids, gint64, 1));
  exec_ok (db, sql);
  g_free (sql);

  /* one hex digit of the signature */
  sql = g_strdup_printf ("UPDATE batches SET signature = (CASE substr (signature, 1, 1) WHEN 'a'"
                         " THEN 'b' ELSE 'a' END) || substr (signature, 2) WHERE id = %"
                         G_GINT64_FORMAT, signature);
  exec_ok (db, sql);
  g_free (sql);

  /* a digest recomputed by hand for different content does not carry the signature */
  sql = g_strdup_printf ("UPDATE batches SET digest = '%064d' WHERE id = %" G_GINT64_FORMAT, 0,
                         digest);
  exec_ok (db, sql);
  sqlite3_close (db);

  assert_verify_names (fixture, content, "no longer matches");
  assert_verify_names (fixture, signature, "signature");
  assert_verify_names (fixture, digest, "no longer matches");
}

static void
test_passwords (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhUser) before = NULL;
  g_autoptr(PhUser) after = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  gint64 first, second;

  first = make_approved_batch (fixture, 1, NULL);

  /* changing one's password keeps the key pair */
  sign_in (fixture, "hung");
  before = ph_store_get_user_by_id (fixture->store, fixture->approver, &error);
  g_assert_false (ph_store_change_password (fixture->store, "wrong-old", "moi-hon-nua", &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_true (ph_store_change_password (fixture->store, PASSWORD, "mat-khau-moi", &error));
  g_assert_no_error (error);
  after = ph_store_get_user_by_id (fixture->store, fixture->approver, &error);
  g_assert_cmpstr (before->public_key, ==, after->public_key);
  ph_store_sign_out (fixture->store);
  g_assert_null (ph_store_sign_in (fixture->store, "hung", PASSWORD, &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  second = make_submitted_batch (fixture, 1, NULL);
  ph_user_free (ph_store_sign_in (fixture->store, "hung", "mat-khau-moi", &error));
  g_assert_no_error (error);
  g_assert_false (ph_store_approve_batch (fixture->store, second, PASSWORD, &error));
  g_assert_error (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_true (ph_store_approve_batch (fixture->store, second, "mat-khau-moi", &error));
  g_assert_no_error (error);

  /* a forgotten password: a new key, the old signatures still hold */
  sign_in (fixture, "admin");
  g_assert_true (ph_store_reset_password (fixture->store, fixture->approver, "quen-roi-123",
                                          &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, ph_user_free);
  after = ph_store_get_user_by_id (fixture->store, fixture->approver, &error);
  g_assert_cmpstr (before->public_key, !=, after->public_key);
  g_assert_true (ph_store_is_key_of_user (fixture->store, fixture->approver, before->public_key,
                                          &error));
  g_assert_false (ph_store_is_key_of_user (fixture->store, fixture->approver2, before->public_key,
                                           &error));

  checks = ph_store_verify_batches (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 2);
  for (guint i = 0; i < checks->len; i++)
    g_assert_true (((PhBatchCheck *) checks->pdata[i])->ok);
  g_assert_cmpint (((PhBatchCheck *) checks->pdata[0])->batch_id, ==, first);
}

/* What the approver signed is what the appendix prints: the exports accept
 * the batch as the store gives it, and refuse it once it changed. */
static void
test_appendix (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(PhAppendixBatch) appendix = NULL;
  g_autoptr(PhBatch) batch = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "phu-luc.xlsx", NULL);
  g_autofree char *digest = NULL;
  PhAppendixRow *row;
  gint64 id = make_approved_batch (fixture, 3, &ids);

  batch = ph_store_get_batch (fixture->store, id, &error);
  appendix = ph_store_get_appendix_batch (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (appendix->approved);
  g_assert_cmpstr (appendix->parent_body, ==, "UBND TỈNH THANH HÓA");
  g_assert_cmpstr (appendix->issuer, ==, "Sở Khoa học và Công nghệ tỉnh Thanh Hóa");
  g_assert_cmpstr (appendix->code, ==, batch->code);
  g_assert_cmpstr (appendix->number, ==, "125");
  g_assert_cmpint (appendix->date_year, ==, 2026);
  g_assert_cmpint (appendix->date_month, ==, 11);
  g_assert_cmpint (appendix->date_day, ==, 25);
  g_assert_cmpstr (appendix->signer_authority, ==, "KT. GIÁM ĐỐC");
  g_assert_cmpstr (appendix->signer_name, ==, "Lê Văn Hùng");
  g_assert_cmpstr (appendix->approver, ==, "Lê Văn Hùng");
  g_assert_cmpstr (appendix->digest_hex, ==, batch->digest);
  g_assert_cmpstr (appendix->public_key_hex, ==, batch->public_key);
  g_assert_nonnull (appendix->approved_at);
  g_assert_cmpuint (appendix->rows->len, ==, 3);
  row = g_ptr_array_index (appendix->rows, 0);
  g_assert_cmpstr (row->category, ==, "scam");
  g_assert_cmpstr (row->channel, ==, "call");
  g_assert_cmpstr (row->unit, ==, "UBND xã Quảng Xương");
  g_assert_cmpuint (row->evidence->len, ==, 1);
  g_assert_cmpstr (((PhAppendixEvidence *) row->evidence->pdata[0])->kind, ==, "screenshot");
  g_assert_true (g_file_test (((PhAppendixEvidence *) row->evidence->pdata[0])->path,
                              G_FILE_TEST_IS_REGULAR));

  /* the signature holds by the exports' own check too */
  digest = ph_digest_batch (appendix);
  g_assert_cmpstr (digest, ==, batch->digest);
  g_assert_true (ph_digest_verify_signature (batch->digest, batch->signature, batch->public_key,
                                             &error));
  g_assert_no_error (error);

  g_assert_true (ph_appendix_write (appendix, path, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* A database made before batches could be signed keeps its batches. */
static void
test_migration_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ph_test_make_tmp_dir ("v1");
  g_autofree char *path = g_build_filename (dir, PH_STORE_DATABASE_NAME, NULL);
  g_autoptr(PhStore) store = NULL;
  g_autoptr(PhBatch) batch = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const PhMigration *migrations;
  guint n_migrations;
  sqlite3 *db = NULL;

  migrations = ph_store_get_migrations (&n_migrations);
  g_assert_cmpint (migrations[0].version, ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  ph_store_register_functions (db);
  exec_ok (db, "PRAGMA foreign_keys = ON");
  exec_ok (db, migrations[0].sql);
  exec_ok (db, "INSERT INTO units (id, name, created_at) VALUES (1, 'Sở Y tế', '2025-01-01');"
               "INSERT INTO documents (id, received_on, unit_id, delivery, created_by, created_at)"
               " VALUES (1, '2025-03-01', 1, 'paper', 'lan', '2025-03-01');"
               "INSERT INTO entries (id, code, document_id, unit_id, received_on, source_input,"
               " source_key, source_display, source_kind, category, channel, status, created_at,"
               " updated_at) VALUES (1, 'PA-2025-000001', 1, 1, '2025-03-01', '0912345678',"
               " '+84912345678', '0912 345 678', 'mobile', 'scam', 'call', 'verified',"
               " '2025-03-01', '2025-03-01');"
               "INSERT INTO batches (id, state, number, symbol, subject, created_by, created_at,"
               " updated_at) VALUES (4, 'draft', '12', 'SKHCN-BCVT', 'V/v cũ', 'lan',"
               " '2025-03-02T08:00:00Z', '2025-03-02T08:00:00Z');"
               "INSERT INTO batch_entries (batch_id, entry_id, position) VALUES (4, 1, 1);"
               "PRAGMA user_version = 1;");
  sqlite3_close (db);

  store = ph_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ph_store_get_schema_version (store), ==, ph_store_get_latest_schema_version ());
  batch = ph_store_get_batch (store, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (batch->code, ==, "DG-2025-004");
  g_assert_cmpstr (batch->number, ==, "12");
  g_assert_cmpstr (batch->subject, ==, "V/v cũ");
  g_assert_cmpint (batch->state, ==, PH_BATCH_STATE_DRAFT);
  g_assert_cmpuint (batch->entry_count, ==, 1);
  items = ph_store_list_batch_items (store, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((PhBatchItem *) items->pdata[0])->entry_id, ==, 1);
  g_assert_true (ph_store_needs_setup (store, NULL));
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  ph_crypto_set_cost (PH_CRYPTO_COST_MINIMUM);

  g_test_add_func ("/phananh/batches/first-start", test_setup_first_start);
  g_test_add_func ("/phananh/batches/migration-v1", test_migration_v1);
#define ADD(path, func) \
  g_test_add ("/phananh/batches/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("users-roles", test_users_roles);
  ADD ("sign-in", test_sign_in);
  ADD ("lifecycle", test_lifecycle);
  ADD ("refusals", test_refusals);
  ADD ("signer", test_signer);
  ADD ("signed-api", test_signed_api);
  ADD ("signed-sql", test_signed_sql);
  ADD ("tampered", test_tampered);
  ADD ("passwords", test_passwords);
  ADD ("appendix", test_appendix);
#undef ADD

  return g_test_run ();
}
