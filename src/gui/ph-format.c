/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates and numbers as the department writes them: 05/03/2025, 14:30. */

#include "config.h"

#include <stdio.h>

#include "ph-format.h"

/**
 * ph_format_date:
 * @iso_date: (nullable): `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` (the time is kept)
 *
 * Returns: (transfer full): `DD/MM/YYYY` (and ` HH:MM`), @iso_date itself if
 *   it is not such a date, or an empty string for %NULL
 */
char *
ph_format_date (const char *iso_date)
{
  int year, month, day, hour, minute;

  if (iso_date == NULL)
    return g_strdup ("");

  if (sscanf (iso_date, "%4d-%2d-%2dT%2d:%2d", &year, &month, &day, &hour, &minute) == 5)
    return g_strdup_printf ("%02d/%02d/%04d %02d:%02d", day, month, year, hour, minute);
  if (sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    return g_strdup_printf ("%02d/%02d/%04d", day, month, year);

  return g_strdup (iso_date);
}

/**
 * ph_format_timestamp:
 * @iso_utc: (nullable): an ISO 8601 time in UTC, as the store keeps them
 *
 * Returns: (transfer full): the local time as `DD/MM/YYYY HH:MM`
 */
char *
ph_format_timestamp (const char *iso_utc)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_utc == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (iso_utc, zone);
  if (utc == NULL)
    return g_strdup (iso_utc);

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/**
 * ph_format_count:
 * @n: a count
 *
 * Returns: (transfer full): @n with thousands grouped by the locale (`100,000`
 *   or `100.000`)
 */
char *
ph_format_count (guint n)
{
  return g_strdup_printf ("%'u", n);
}
