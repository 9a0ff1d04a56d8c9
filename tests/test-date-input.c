/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ph-date-input.h"
#include "ph-test-util.h"

static GDateTime *
fixed_now (void)
{
  return g_date_time_new_local (2026, 12, 1, 13, 0, 0);
}

static void
test_date_input_accepts (void)
{
  static const struct
  {
    const char *text;
    const char *expected;   /* as ph_date_input_format() writes it */
  } cases[] = {
    { "12/11/2026", "12/11/2026" },
    { "12-11-2026", "12/11/2026" },
    { "12.11.2026", "12/11/2026" },
    { "1/2/2026", "01/02/2026" },
    { "12/11/26", "12/11/2026" },
    { "12/11", "12/11/2026" },
    { "  12/11/2026  ", "12/11/2026" },
    { "12/11/2026 14:30", "12/11/2026 14:30" },
    { "12/11/2026 14h30", "12/11/2026 14:30" },
    { "12/11/2026 9h", "12/11/2026 09:00" },
    { "14h30 12/11/2026", "12/11/2026 14:30" },
    { "14:30, 12/11/2026", "12/11/2026 14:30" },
    { "lúc 14h30 ngày 12/11/2026", "12/11/2026 14:30" },
    { "Lúc 14H30 Ngày 12/11/2026", "12/11/2026 14:30" },
    { "12/11/2026 14:30:15", "12/11/2026 14:30" },
    { "01/12/2026", "01/12/2026" },
    { "01/12/2026 12:59", "01/12/2026 12:59" },
    { "29/02/2024", "29/02/2024" },
  };
  g_autoptr(GDateTime) now = fixed_now ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) result = NULL;
      g_autofree char *formatted = NULL;
      gboolean has_time = FALSE;

      g_test_message ("%s", cases[i].text);
      g_assert_true (ph_date_input_parse (cases[i].text, now, TRUE, &result, &has_time, &error));
      g_assert_no_error (error);
      formatted = ph_date_input_format (result, has_time);
      g_assert_cmpstr (formatted, ==, cases[i].expected);
    }
}

static void
test_date_input_refuses (void)
{
  static const struct
  {
    const char *text;
    int         code;
  } cases[] = {
    { "", PH_DATE_INPUT_ERROR_FORMAT },
    { "hôm qua", PH_DATE_INPUT_ERROR_FORMAT },
    { "12/11/2026 abc", PH_DATE_INPUT_ERROR_FORMAT },
    { "12/11/2026 25:00", PH_DATE_INPUT_ERROR_FORMAT },
    { "12112026", PH_DATE_INPUT_ERROR_FORMAT },
    { "31/02/2026", PH_DATE_INPUT_ERROR_NO_SUCH_DATE },
    { "29/02/2025", PH_DATE_INPUT_ERROR_NO_SUCH_DATE },
    { "12/13/2026", PH_DATE_INPUT_ERROR_NO_SUCH_DATE },
    { "0/11/2026", PH_DATE_INPUT_ERROR_NO_SUCH_DATE },
    { "02/12/2026", PH_DATE_INPUT_ERROR_FUTURE },
    { "01/12/2026 13:30", PH_DATE_INPUT_ERROR_FUTURE },
    { "12/11/2027", PH_DATE_INPUT_ERROR_FUTURE },
  };
  g_autoptr(GDateTime) now = fixed_now ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) result = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_false (ph_date_input_parse (cases[i].text, now, TRUE, &result, NULL, &error));
      g_assert_error (error, PH_DATE_INPUT_ERROR, cases[i].code);
      g_assert_null (result);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_date_input_no_time (void)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GDateTime) result = NULL;
  g_autoptr(GError) error = NULL;

  /* A document's date has no time of day. */
  g_assert_false (ph_date_input_parse ("12/11/2026 14:30", now, FALSE, &result, NULL, &error));
  g_assert_error (error, PH_DATE_INPUT_ERROR, PH_DATE_INPUT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_true (ph_date_input_parse ("ngày 12/11/2026", now, FALSE, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_day_of_month (result), ==, 12);
  g_assert_cmpint (g_date_time_get_month (result), ==, 11);
  g_assert_cmpint (g_date_time_get_hour (result), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);

  g_test_add_func ("/phananh/date-input/accepts", test_date_input_accepts);
  g_test_add_func ("/phananh/date-input/refuses", test_date_input_refuses);
  g_test_add_func ("/phananh/date-input/no-time", test_date_input_no_time);

  return g_test_run ();
}
