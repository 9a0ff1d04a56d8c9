/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-batches.c: building, approving and verifying a large batch.
 *
 *   bench-batches [N]
 *
 * Fills a new store with N demo entries (default 10 000, with evidence), puts
 * them all in one batch, and prints the time to verify the entries, build the
 * batch, approve it (password check, key opening, digest of the canonical
 * content, signature) and check its signature again as `verify` does, with the
 * application's Argon2id cost. Built, not run by `meson test`. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "ph-crypto.h"
#include "ph-demo.h"
#include "ph-store-batches.h"
#include "ph-store-entries.h"
#include "ph-store-users.h"

#define PASSWORD "bench-password"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        {
          g_chmod (child, 0600);
          g_unlink (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
add_user (PhStore    *store,
          const char *login,
          PhRole      role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhUser) user = ph_user_new ();

  user->login = g_strdup (login);
  user->full_name = g_strdup (login);
  user->role = role;
  if (ph_store_create_user (store, user, PASSWORD, &error) == 0)
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-batches-XXXXXX", NULL);
  g_autoptr(PhStore) store = NULL;
  g_autoptr(PhAgencyProfile) profile = ph_agency_profile_new ();
  g_autoptr(PhUser) admin = ph_user_new ();
  g_autoptr(PhUser) signed_in = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PhEntryFilter filter = { 0 };
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  struct rusage usage;
  gint64 start, id;

  store = ph_store_open (dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (!ph_demo_fill (store, n, 1, PH_DEMO_FLAGS_NONE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  profile->parent_body = g_strdup ("UBND TỈNH THANH HÓA");
  profile->department = g_strdup ("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  profile->symbol = g_strdup ("SKHCN-BCVT");
  admin->login = g_strdup ("admin");
  admin->full_name = g_strdup ("admin");
  signed_in = ph_store_set_up (store, profile, admin, PASSWORD, &error);
  if (signed_in == NULL)
    g_error ("%s", error->message);
  add_user (store, "clerk", PH_ROLE_CLERK);
  add_user (store, "approver", PH_ROLE_APPROVER);

  start = g_get_monotonic_time ();
  g_clear_pointer (&signed_in, ph_user_free);
  signed_in = ph_store_sign_in (store, "clerk", PASSWORD, &error);
  g_print ("%-40s %9.1f ms\n", "sign in (Argon2id, interactive)", ms_since (start));

  filter.status = PH_ENTRY_STATUS_RECEIVED;
  entries = ph_store_list_entries (store, &filter, PH_ENTRY_SORT_RECEIVED, FALSE, 0, n, &error);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < entries->len; i++)
    {
      PhEntry *entry = g_ptr_array_index (entries, i);

      if (!ph_store_verify_entry (store, entry->id, &error))
        g_error ("%s", error->message);
      g_array_append_val (ids, entry->id);
    }
  g_print ("%-40s %9.1f ms\n", "verify the entries", ms_since (start));

  start = g_get_monotonic_time ();
  id = ph_store_create_batch (store, (gint64 *) ids->data, ids->len, &error);
  if (id == 0 || !ph_store_submit_batch (store, id, &error))
    g_error ("%s", error->message);
  g_print ("%-40s %9.1f ms   (%u entries)\n", "build and submit the batch", ms_since (start),
           ids->len);

  g_clear_pointer (&signed_in, ph_user_free);
  signed_in = ph_store_sign_in (store, "approver", PASSWORD, &error);
  start = g_get_monotonic_time ();
  if (!ph_store_approve_batch (store, id, PASSWORD, &error))
    g_error ("%s", error->message);
  g_print ("%-40s %9.1f ms\n", "approve (check, open key, digest, sign)", ms_since (start));

  start = g_get_monotonic_time ();
  checks = ph_store_verify_batches (store, &error);
  if (checks == NULL || checks->len != 1 || !((PhBatchCheck *) checks->pdata[0])->ok)
    g_error ("the signature does not verify");
  g_print ("%-40s %9.1f ms\n", "verify the signature (digest again)", ms_since (start));

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%-40s %9.1f MiB\n", "peak memory", usage.ru_maxrss / 1024.0);

  g_clear_object (&store);
  remove_tree (dir);
  return 0;
}
