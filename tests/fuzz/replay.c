/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c: feeds every file of the committed fuzz corpus to the fuzz target's entry
 * point. Built with any compiler and run by `meson test`, so the corpus keeps
 * guarding the parsers without clang.
 *
 *   fuzz-replay DIR…     one TAP line per folder (seeds written by hand, inputs the
 *                        fuzzer found); a failed check names the file that broke it */

#include "config.h"

#include <glib.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char *current_file;

static void
on_abort (int sig)
{
  static const char msg[] = "Bail out! a check failed on the corpus file ";

  /* Only async-signal-safe calls here. */
  if (write (STDOUT_FILENO, msg, sizeof msg - 1) < 0
      || (current_file != NULL && write (STDOUT_FILENO, current_file, strlen (current_file)) < 0)
      || write (STDOUT_FILENO, "\n", 1) < 0)
    {
      /* nothing more can be done */
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns how many files were replayed, or -1 with @error set. */
static int
replay_dir (const char  *path,
            GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  const char *name;

  if (dir == NULL)
    return -1;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      current_file = g_ptr_array_index (names, i);
      if (!g_file_get_contents (current_file, &contents, &len, error))
        return -1;
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
    }
  current_file = NULL;

  return (int) names->len;
}

int
main (int   argc,
      char *argv[])
{
  gboolean failed = FALSE;

  if (argc < 2)
    {
      g_printerr ("usage: %s CORPUS-DIR…\n", argv[0]);
      return 2;
    }

  signal (SIGABRT, on_abort);
  signal (SIGSEGV, on_abort);

  g_print ("1..%d\n", argc - 1);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *base = g_path_get_basename (argv[i]);
      int n = replay_dir (argv[i], &error);

      if (n > 0)
        g_print ("ok %d - corpus/%s: %d inputs\n", i, base, n);
      else
        {
          g_print ("not ok %d - corpus/%s\n# %s\n", i, base,
                   error != NULL ? error->message : "the folder is empty");
          failed = TRUE;
        }
    }

  return failed ? 1 : 0;
}
