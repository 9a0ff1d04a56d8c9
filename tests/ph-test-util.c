/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The environment every test program shares: a temporary data directory of
 * its own, removed when the program ends, so no test sees another's store. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "ph-test-util.h"

static char *test_data_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
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
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (test_data_dir != NULL && g_getenv ("PHANANH_TEST_KEEP") == NULL)
    remove_tree (test_data_dir);
  g_clear_pointer (&test_data_dir, g_free);
}

/**
 * ph_test_init:
 *
 * g_test_init() plus a fresh `PHANANH_DATA_DIR` for this program.
 */
void
ph_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (argc, argv, NULL);

  test_data_dir = g_dir_make_tmp ("phananh-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("PHANANH_DATA_DIR", test_data_dir, TRUE);
  atexit (cleanup);
}

const char *
ph_test_get_data_dir (void)
{
  return test_data_dir;
}

/**
 * ph_test_make_tmp_dir:
 * @name: a short name for the folder
 *
 * Returns: (transfer full): a new empty folder under the test's data directory
 */
char *
ph_test_make_tmp_dir (const char *name)
{
  static guint counter;
  char *path = g_strdup_printf ("%s/%s-%u", test_data_dir, name, ++counter);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}
