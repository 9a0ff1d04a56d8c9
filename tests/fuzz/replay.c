/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c: feeds every file of the committed fuzz corpus to the fuzz target's entry
 * point, one TAP line per file. Built with any compiler, run by `meson test`, so the
 * corpus keeps guarding the parsers without clang. */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (argc != 2)
    {
      g_printerr ("usage: %s CORPUS-DIR\n", argv[0]);
      return 2;
    }

  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      g_print ("Bail out! %s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  if (names->len == 0)
    {
      g_print ("Bail out! the corpus %s is empty\n", argv[1]);
      return 1;
    }

  g_print ("1..%u\n", names->len);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (argv[1], file, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (path, &contents, &len, &error))
        {
          g_print ("not ok %u - %s\n# %s\n", i + 1, file, error->message);
          g_clear_error (&error);
          continue;
        }
      /* A failed check aborts: the test then fails on its missing TAP lines. */
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
      g_print ("ok %u - %s\n", i + 1, file);
    }

  return 0;
}
