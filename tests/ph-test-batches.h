/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A store with accounts and verified entries, for the widget tests of the
 * batch editor and the approval page. Static inline: each test uses a part. */
#pragma once

#include <adwaita.h>

#include "ph-crypto.h"
#include "ph-store-batches.h"
#include "ph-store-entries.h"
#include "ph-store-evidence.h"
#include "ph-store-users.h"
#include "ph-test-evidence.h"
#include "ph-test-util.h"

#define PH_TEST_PASSWORD "mat-khau-123"

static inline void
ph_test_sign_in (PhStore    *store,
                 const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhUser) user = ph_store_sign_in (store, login, PH_TEST_PASSWORD, &error);

  g_assert_no_error (error);
  g_assert_nonnull (user);
}

static inline void
ph_test_add_user (PhStore    *store,
                  const char *login,
                  const char *name,
                  PhRole      role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhUser) user = ph_user_new ();

  user->login = g_strdup (login);
  user->full_name = g_strdup (name);
  user->role = role;
  user->authority = g_strdup (role == PH_ROLE_APPROVER ? "KT. GIÁM ĐỐC" : "");
  user->title = g_strdup (role == PH_ROLE_APPROVER ? "PHÓ GIÁM ĐỐC" : "Chuyên viên");
  g_assert_cmpint (ph_store_create_user (store, user, PH_TEST_PASSWORD, &error), >, 0);
  g_assert_no_error (error);
}

/* Sets up @store (the agency profile and the admin) and adds the clerk "lan"
 * and the approvers "hung" and "thao", all with PH_TEST_PASSWORD; nobody is
 * left signed in. */
static inline void
ph_test_set_up_accounts (PhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhAgencyProfile) profile = ph_agency_profile_new ();
  g_autoptr(PhUser) admin = ph_user_new ();
  g_autoptr(PhUser) created = NULL;

  ph_crypto_set_cost (PH_CRYPTO_COST_MINIMUM);
  profile->parent_body = g_strdup ("UBND TỈNH THANH HÓA");
  profile->department = g_strdup ("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  profile->issuer = g_strdup ("Sở Khoa học và Công nghệ tỉnh Thanh Hóa");
  profile->place = g_strdup ("Thanh Hóa");
  profile->symbol = g_strdup ("SKHCN-BCVT");
  profile->recipient = g_strdup ("Cục Viễn thông");
  admin->login = g_strdup ("admin");
  admin->full_name = g_strdup ("Quản trị viên");
  created = ph_store_set_up (store, profile, admin, PH_TEST_PASSWORD, &error);
  g_assert_no_error (error);

  ph_test_add_user (store, "lan", "Nguyễn Thị Lan", PH_ROLE_CLERK);
  ph_test_add_user (store, "hung", "Lê Văn Hùng", PH_ROLE_APPROVER);
  ph_test_add_user (store, "thao", "Phạm Thị Thảo", PH_ROLE_APPROVER);
  ph_store_sign_out (store);
}

/* A set-up store with the clerk "lan" and the approvers "hung" and "thao"; nobody signed in. */
static inline PhStore *
ph_test_batches_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ph_test_make_tmp_dir ("store");
  PhStore *store;

  store = ph_store_open (dir, &error);
  g_assert_no_error (error);
  ph_test_set_up_accounts (store);
  return store;
}

/* @n verified entries of one new document; the first has a screenshot. */
static inline GArray *
ph_test_batches_entries (PhStore *store,
                         guint    n)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhDocument) document = ph_document_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
  g_autoptr(PhEvidence) evidence = NULL;
  g_autofree char *dir = ph_test_make_tmp_dir ("evidence");
  g_autofree char *png = ph_test_make_evidence (dir, "man-hinh.png", "png");
  g_autoptr(GPtrArray) stored = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PhEntryFilter filter = { 0 };
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
  evidence = ph_store_import_evidence (store, png, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ph_entry_add_evidence (g_ptr_array_index (entries, 0), evidence);
  document_id = ph_store_create_document (store, document, entries, &error);
  g_assert_no_error (error);

  filter.document_id = document_id;
  stored = ph_store_list_entries (store, &filter, PH_ENTRY_SORT_CODE, FALSE, 0, 1000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stored->len; i++)
    {
      PhEntry *entry = g_ptr_array_index (stored, i);

      g_assert_true (ph_store_verify_entry (store, entry->id, &error));
      g_assert_no_error (error);
      g_array_append_val (ids, entry->id);
    }
  return ids;
}

static inline PhBatchState
ph_test_batch_state (PhStore *store,
                     gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhBatch) batch = ph_store_get_batch (store, id, &error);

  g_assert_no_error (error);
  return batch->state;
}

static inline void
ph_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A template child by its id in the .ui. */
static inline gpointer
ph_test_find_by_id (GtkWidget  *widget,
                    const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return child;
      if ((found = ph_test_find_by_id (child, id)) != NULL)
        return found;
    }
  return NULL;
}

static inline guint
ph_test_count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}
