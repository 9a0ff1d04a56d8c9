/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-date-input.c: dates and times as clerks type them, the Vietnamese way:
 * day first ("12/11/2026", "12-11-26", "12.11", "12/11/2026 14:30",
 * "14h30 12/11/2026", "lúc 14h30 ngày 12/11/2026"). A date in the future or one
 * that does not exist (31/02) is refused with the reason. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ph-date-input.h"
#include "ph-fold.h"

G_DEFINE_QUARK (ph-date-input-error-quark, ph_date_input_error)

static gboolean
set_format_error (GError **error,
                  gboolean allow_time)
{
  g_set_error_literal (error, PH_DATE_INPUT_ERROR, PH_DATE_INPUT_ERROR_FORMAT,
                       allow_time
                       ? _("Type the date day first, as 12/11/2026, and the time if known, "
                           "as 12/11/2026 14:30.")
                       : _("Type the date day first, as 12/11/2026."));
  return FALSE;
}

/**
 * ph_date_input_parse:
 * @text: what the clerk typed
 * @now: (nullable): the current time (tests pass their own), or %NULL
 * @allow_time: whether a time of day may follow the date
 * @result: (out): the date (at midnight when no time was given), local time
 * @has_time: (out) (optional): whether a time was given
 *
 * Returns: %TRUE when @text is a date that exists and is not in the future
 */
gboolean
ph_date_input_parse (const char  *text,
                     GDateTime   *now,
                     gboolean     allow_time,
                     GDateTime  **result,
                     gboolean    *has_time,
                     GError     **error)
{
  static gsize regexes_ready;
  static GRegex *date_re, *time_re;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GMatchInfo) date_match = NULL;
  g_autoptr(GMatchInfo) time_match = NULL;
  g_autoptr(GDateTime) datetime = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *rest = NULL;
  int day, month, year, hour = 0, minute = 0;
  gboolean with_time = FALSE;
  int start, end;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (g_once_init_enter (&regexes_ready))
    {
      date_re = g_regex_new ("(?<![0-9])([0-9]{1,2})[/.-]([0-9]{1,2})(?:[/.-]([0-9]{4}|[0-9]{2}))?"
                             "(?![0-9])", G_REGEX_OPTIMIZE, 0, NULL);
      time_re = g_regex_new ("(?<![0-9/.-])([0-9]{1,2})(?:[:h]([0-9]{2})|h)(?:[:m][0-9]{2})?"
                             "(?![0-9])", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regexes_ready, 1);
    }

  local_now = now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  folded = ph_fold (text, -1);

  if (!g_regex_match (date_re, folded, 0, &date_match))
    return set_format_error (error, allow_time);

  {
    g_autofree char *d = g_match_info_fetch (date_match, 1);
    g_autofree char *m = g_match_info_fetch (date_match, 2);
    g_autofree char *y = g_match_info_fetch (date_match, 3);

    day = atoi (d);
    month = atoi (m);
    if (y == NULL || *y == '\0')
      year = g_date_time_get_year (local_now);
    else if (strlen (y) == 2)
      year = 2000 + atoi (y);
    else
      year = atoi (y);
  }
  g_match_info_fetch_pos (date_match, 0, &start, &end);

  /* Whatever is left once the date is out: a time, and the words around it. */
  rest = g_strdup (folded);
  memset (rest + start, ' ', (gsize) (end - start));

  if (g_regex_match (time_re, rest, 0, &time_match))
    {
      g_autofree char *h = g_match_info_fetch (time_match, 1);
      g_autofree char *m = g_match_info_fetch (time_match, 2);
      int tstart, tend;

      if (!allow_time)
        return set_format_error (error, allow_time);

      hour = atoi (h);
      minute = (m != NULL && *m != '\0') ? atoi (m) : 0;
      if (hour > 23 || minute > 59)
        return set_format_error (error, allow_time);
      with_time = TRUE;
      g_match_info_fetch_pos (time_match, 0, &tstart, &tend);
      memset (rest + tstart, ' ', (gsize) (tend - tstart));
    }

  /* Only the connecting words people write may remain. */
  {
    g_auto(GStrv) words = g_regex_split_simple ("[\\s,;]+", rest, 0, 0);

    for (guint i = 0; words[i] != NULL; i++)
      {
        const char *w = words[i];

        if (*w == '\0' || g_str_equal (w, "ngay") || g_str_equal (w, "luc")
            || g_str_equal (w, "vao") || g_str_equal (w, "at") || g_str_equal (w, "on"))
          continue;
        return set_format_error (error, allow_time);
      }
  }

  if (month < 1 || month > 12 || day < 1 || year < 1900
      || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, PH_DATE_INPUT_ERROR, PH_DATE_INPUT_ERROR_NO_SUCH_DATE,
                   /* Translators: a date typed day/month/year that does not exist */
                   _("There is no %02d/%02d/%04d."), day, month, year);
      return FALSE;
    }

  datetime = g_date_time_new_local (year, month, day, hour, minute, 0);
  if (datetime == NULL)
    {
      g_set_error (error, PH_DATE_INPUT_ERROR, PH_DATE_INPUT_ERROR_NO_SUCH_DATE,
                   _("There is no %02d/%02d/%04d."), day, month, year);
      return FALSE;
    }

  /* A minute of slack for the clerk who types the current time. */
  if (g_date_time_difference (datetime, local_now) > G_TIME_SPAN_MINUTE
      && (with_time || g_date_time_get_year (datetime) != g_date_time_get_year (local_now)
          || g_date_time_get_day_of_year (datetime) != g_date_time_get_day_of_year (local_now)))
    {
      g_set_error_literal (error, PH_DATE_INPUT_ERROR, PH_DATE_INPUT_ERROR_FUTURE,
                           _("This is in the future; check the day, the month and the year."));
      return FALSE;
    }

  *result = g_steal_pointer (&datetime);
  if (has_time != NULL)
    *has_time = with_time;
  return TRUE;
}

/**
 * ph_date_input_format:
 *
 * Returns: (transfer full): @datetime the way ph_date_input_parse() reads it back,
 *   "12/11/2026" or "12/11/2026 14:30"
 */
char *
ph_date_input_format (GDateTime *datetime,
                      gboolean   has_time)
{
  g_return_val_if_fail (datetime != NULL, NULL);

  return g_date_time_format (datetime, has_time ? "%d/%m/%Y %H:%M" : "%d/%m/%Y");
}
