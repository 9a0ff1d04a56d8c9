/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signing in, the first start and the accounts page, driven through their actions. */

#include "config.h"

#include <string.h>

#include "ph-setup-dialog.h"
#include "ph-sign-in-dialog.h"
#include "ph-test-batches.h"
#include "ph-user-dialog.h"
#include "ph-users-page.h"

static void
set_text (GtkWidget  *root,
          const char *id,
          const char *text)
{
  GtkEditable *editable = ph_test_find_by_id (root, id);

  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
}

static void
on_signed_in (GtkWidget *dialog,
              gboolean   keep,
              int       *result)
{
  *result = keep ? 2 : 1;
}

static void
test_sign_in (void)
{
  g_autoptr(PhStore) store = ph_test_batches_store ();
  GtkWidget *dialog = ph_sign_in_dialog_new (store);
  int result = 0;

  g_object_ref (dialog);
  g_signal_connect (dialog, "signed-in", G_CALLBACK (on_signed_in), &result);
  gtk_window_present (GTK_WINDOW (dialog));

  ph_sign_in_dialog_select_login (PH_SIGN_IN_DIALOG (dialog), "lan");
  set_text (dialog, "password_row", "sai mat khau");
  g_assert_true (gtk_widget_activate_action (dialog, "sign-in.submit", NULL));
  g_assert_nonnull (strstr (ph_sign_in_dialog_get_message (PH_SIGN_IN_DIALOG (dialog)),
                            "password"));
  g_assert_null (ph_store_get_user (store));
  g_assert_cmpint (result, ==, 0);

  /* a clerk may keep the workstation signed in */
  gtk_switch_set_active (ph_test_find_by_id (dialog, "keep_switch"), TRUE);
  set_text (dialog, "password_row", PH_TEST_PASSWORD);
  g_assert_true (gtk_widget_activate_action (dialog, "sign-in.submit", NULL));
  g_assert_cmpint (result, ==, 2);
  g_assert_cmpstr (ph_store_get_user (store)->login, ==, "lan");
  g_object_unref (dialog);

  /* an approver may not */
  ph_store_sign_out (store);
  result = 0;
  dialog = g_object_ref (ph_sign_in_dialog_new (store));
  g_signal_connect (dialog, "signed-in", G_CALLBACK (on_signed_in), &result);
  ph_sign_in_dialog_select_login (PH_SIGN_IN_DIALOG (dialog), "hung");
  gtk_switch_set_active (ph_test_find_by_id (dialog, "keep_switch"), TRUE);
  g_assert_false (gtk_switch_get_active (ph_test_find_by_id (dialog, "keep_switch"))
                  && gtk_widget_get_sensitive (ph_test_find_by_id (dialog, "keep_row")));
  set_text (dialog, "password_row", PH_TEST_PASSWORD);
  g_assert_true (gtk_widget_activate_action (dialog, "sign-in.submit", NULL));
  g_assert_cmpint (result, ==, 1);
  g_assert_cmpstr (ph_store_get_user (store)->login, ==, "hung");
  g_object_unref (dialog);
  ph_test_drain ();
}

static void
on_done (GtkWidget *dialog,
         gboolean  *done)
{
  *done = TRUE;
}

static void
test_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ph_test_make_tmp_dir ("setup");
  g_autoptr(PhStore) store = ph_store_open (dir, &error);
  g_autoptr(PhAgencyProfile) profile = NULL;
  GtkWidget *dialog;
  gboolean done = FALSE;

  g_assert_no_error (error);
  g_assert_true (ph_store_needs_setup (store, NULL));
  dialog = g_object_ref (ph_setup_dialog_new (store));
  g_signal_connect (dialog, "done", G_CALLBACK (on_done), &done);
  gtk_window_present (GTK_WINDOW (dialog));

  set_text (dialog, "parent_row", "UBND TỈNH NGHỆ AN");
  set_text (dialog, "place_row", "Nghệ An");
  set_text (dialog, "name_row", "Hoàng Văn Quản");
  set_text (dialog, "password_row", "quan-tri-123");
  set_text (dialog, "confirm_row", "quan-tri-124");
  g_assert_true (gtk_widget_activate_action (dialog, "setup.submit", NULL));
  g_assert_nonnull (strstr (ph_setup_dialog_get_message (PH_SETUP_DIALOG (dialog)), "differ"));
  g_assert_false (done);

  set_text (dialog, "confirm_row", "quan-tri-123");
  g_assert_true (gtk_widget_activate_action (dialog, "setup.submit", NULL));
  g_assert_true (done);
  g_assert_false (ph_store_needs_setup (store, NULL));
  g_assert_cmpstr (ph_store_get_user (store)->login, ==, "admin");
  profile = ph_store_get_agency_profile (store, &error);
  g_assert_cmpstr (profile->parent_body, ==, "UBND TỈNH NGHỆ AN");
  g_assert_cmpstr (profile->department, ==, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  g_assert_cmpstr (profile->symbol, ==, "SKHCN-BCVT");
  g_assert_cmpstr (profile->recipient, ==, "Cục Viễn thông");
  g_object_unref (dialog);
  ph_test_drain ();
}

static void
test_users_page (void)
{
  g_autoptr(PhStore) store = ph_test_batches_store ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page;
  GtkWidget *dialog;
  g_autoptr(PhUser) created = NULL;

  /* a clerk: their own password only */
  ph_test_sign_in (store, "lan");
  page = ph_users_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (ph_test_find_by_id (page, "users_group")));
  set_text (page, "old_password_row", PH_TEST_PASSWORD);
  set_text (page, "new_password_row", "mat-khau-moi-1");
  set_text (page, "confirm_password_row", "mat-khau-moi-1");
  g_assert_true (gtk_widget_activate_action (page, "users.change-password", NULL));
  g_assert_cmpstr (ph_users_page_get_message (PH_USERS_PAGE (page)), ==,
                   "Your password was changed");

  /* an administrator: the accounts, and a new approver through the dialog */
  ph_test_sign_in (store, "admin");
  page = ph_users_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_assert_true (gtk_widget_get_visible (ph_test_find_by_id (page, "users_group")));
  g_assert_cmpuint (ph_test_count_rows (ph_test_find_by_id (page, "users_list")), ==, 4);

  dialog = g_object_ref (ph_user_dialog_new (store, 0));
  set_text (dialog, "login_row", "binh");
  set_text (dialog, "name_row", "Đỗ Thanh Bình");
  set_text (dialog, "authority_row", "KT. GIÁM ĐỐC");
  set_text (dialog, "title_row", "PHÓ GIÁM ĐỐC");
  adw_combo_row_set_selected (ph_test_find_by_id (dialog, "role_row"), 1);
  set_text (dialog, "password_row", "short");
  g_assert_true (gtk_widget_activate_action (dialog, "user.save", NULL));
  g_assert_nonnull (ph_user_dialog_get_message (PH_USER_DIALOG (dialog)));
  set_text (dialog, "password_row", "phe-duyet-123");
  g_assert_true (gtk_widget_activate_action (dialog, "user.save", NULL));
  g_object_unref (dialog);
  created = ph_store_find_user (store, "binh", NULL);
  g_assert_nonnull (created);
  g_assert_cmpint (created->role, ==, PH_ROLE_APPROVER);
  g_assert_nonnull (created->public_key);

  gtk_window_destroy (GTK_WINDOW (window));
  ph_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phananh/sign-in-dialog/sign-in", test_sign_in);
  g_test_add_func ("/phananh/sign-in-dialog/setup", test_setup);
  g_test_add_func ("/phananh/sign-in-dialog/users-page", test_users_page);

  return g_test_run ();
}
