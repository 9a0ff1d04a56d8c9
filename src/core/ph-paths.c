/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ph-paths.h"

/**
 * ph_paths_dup_data_dir:
 * @override: (nullable): a folder given with `--data-dir`
 *
 * Where the case database and the evidence store live: @override if given,
 * else `$PHANANH_DATA_DIR`, else `$XDG_DATA_HOME/phananh`. A relative path is
 * made absolute against the current folder, so a later chdir cannot move it.
 *
 * Returns: (transfer full): an absolute path
 */
char *
ph_paths_dup_data_dir (const char *override)
{
  const char *dir = override;

  if (dir == NULL || *dir == '\0')
    dir = g_getenv ("PHANANH_DATA_DIR");

  if (dir == NULL || *dir == '\0')
    return g_build_filename (g_get_user_data_dir (), "phananh", NULL);

  if (g_path_is_absolute (dir))
    return g_strdup (dir);

  return g_canonicalize_filename (dir, NULL);
}
