/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sms.c: the 156 / 5656 message syntax, read and built. */

#include "config.h"

#include <string.h>

#include "ph-sms.h"
#include "ph-test-util.h"

/* --- Every form: keyword × brackets × letter case × the copied "gửi 156". --- */

typedef struct
{
  char          *message;
  PhSmsCategory  category;
} FormCase;

static const struct { const char *keyword; PhSmsCategory category; } keywords[] = {
  { "LD", PH_SMS_CATEGORY_SCAM },
  { "V", PH_SMS_CATEGORY_SPAM_CALL },
  { "S", PH_SMS_CATEGORY_SPAM_SMS },
};
static const struct { const char *open, *close; } wraps[] = {
  { "", "" }, { "[", "]" }, { "(", ")" },
};
static const char *suffixes[] = { "", " gửi 156", " Gui 5656.", " => Gửi 156 hay 5656." };

typedef enum { CASE_UPPER, CASE_LOWER, CASE_MIXED, N_CASES } LetterCase;

static void
test_form (gconstpointer data)
{
  const FormCase *f = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhSmsReport) report = ph_sms_parse (f->message, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->category, ==, f->category);
  g_assert_cmpint (report->source->kind, ==, PH_SOURCE_KIND_MOBILE);
  g_assert_cmpstr (report->source->e164, ==, "+84912345678");
  g_assert_cmpstr (report->content, ==, "gọi mạo danh Công an tỉnh");
}

static void
form_case_free (gpointer data)
{
  FormCase *f = data;

  g_free (f->message);
  g_free (f);
}

static guint
add_form_cases (void)
{
  guint n = 0;

  for (guint k = 0; k < G_N_ELEMENTS (keywords); k++)
    for (guint w = 0; w < G_N_ELEMENTS (wraps); w++)
      for (guint c = 0; c < N_CASES; c++)
        for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
          {
            FormCase *f = g_new0 (FormCase, 1);
            g_autofree char *keyword = NULL;
            g_autofree char *path = NULL;

            if (c == CASE_UPPER)
              keyword = g_strdup (keywords[k].keyword);
            else if (c == CASE_LOWER)
              keyword = g_ascii_strdown (keywords[k].keyword, -1);
            else
              keyword = g_strdup (strcmp (keywords[k].keyword, "LD") == 0 ? "Ld"
                                  : keywords[k].keyword[0] == 'V' ? "v" : "s");

            f->category = keywords[k].category;
            f->message = g_strdup_printf ("%s %s0912 345 678%s %sgọi mạo danh Công an tỉnh%s%s",
                                          keyword, wraps[w].open, wraps[w].close,
                                          wraps[w].open, wraps[w].close, suffixes[s]);
            path = g_strdup_printf ("/phananh/sms/form/%s/%s/%u/%u", keywords[k].keyword,
                                    w == 0 ? "bare" : w == 1 ? "square" : "round", c, s);
            g_test_add_data_func_full (path, f, test_form, form_case_free);
            n++;
          }

  return n;
}

/* --- Other spellings, as the seeds and the public write them. --- */

typedef struct
{
  const char    *message;
  PhSmsCategory  category;
  PhSourceKind   kind;
  const char    *key;
  const char    *content;
} Parsed;

static const Parsed parsed_cases[] = {
  /* the dispatches' own examples */
  { "LD (0912345678) (giả danh công an) gửi 156 (hoặc 5656).", PH_SMS_CATEGORY_SCAM,
    PH_SOURCE_KIND_MOBILE, "+84912345678", "giả danh công an" },
  { "V [0912345678][mời mua đất nền] gửi 156 hoặc 5656.", PH_SMS_CATEGORY_SPAM_CALL,
    PH_SOURCE_KIND_MOBILE, "+84912345678", "mời mua đất nền" },
  { "V (0912345678)(mời mua đất nền) gửi 156 hoặc 5656.", PH_SMS_CATEGORY_SPAM_CALL,
    PH_SOURCE_KIND_MOBILE, "+84912345678", "mời mua đất nền" },
  { "S [0912345678] [Tin nhắn quảng cáo vay tiền] gui 5656.", PH_SMS_CATEGORY_SPAM_SMS,
    PH_SOURCE_KIND_MOBILE, "+84912345678", "Tin nhắn quảng cáo vay tiền" },
  { "S + 0912345678 + Tin nhắn quảng cáo => Gửi 156 hay 5656.", PH_SMS_CATEGORY_SPAM_SMS,
    PH_SOURCE_KIND_MOBILE, "+84912345678", "Tin nhắn quảng cáo" },
  { "LD + 0912345678 + Gọi giả danh công an\n=> Gửi 156 hay 5656.", PH_SMS_CATEGORY_SCAM,
    PH_SOURCE_KIND_MOBILE, "+84912345678", "Gọi giả danh công an" },
  /* number spellings */
  { "LD 0912.345.678 lừa đảo", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678", "lừa đảo" },
  { "LD +84 912 345 678 lừa đảo", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678", "lừa đảo" },
  { "LD (091) 234-5678 lừa đảo", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678", "lừa đảo" },
  { "LD 0912 345 678 gọi 3 lần", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678", "gọi 3 lần" },
  { "LD0912345678 lừa đảo", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678", "lừa đảo" },
  { "LD: 0912345678: lừa đảo", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678", "lừa đảo" },
  { "LD 0912345678 - lừa đảo", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678", "lừa đảo" },
  { "  ld   0912345678   lừa đảo  ", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678", "lừa đảo" },
  { "LĐ 0912345678 lừa đảo", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678", "lừa đảo" },
  { "V \xef\xbc\x90\xef\xbc\x99\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94\xef\xbc\x95"
    "\xef\xbc\x96\xef\xbc\x97\xef\xbc\x98 gọi rác", PH_SMS_CATEGORY_SPAM_CALL, PH_SOURCE_KIND_MOBILE,
    "+84912345678", "gọi rác" },
  { "LD 0162 345 6789 lừa đảo", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84323456789", "lừa đảo" },
  { "LD [01623456789] [lừa đảo]", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84323456789", "lừa đảo" },
  { "LD 0912345678\nnhiều dòng\nnội dung", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678",
    "nhiều dòng\nnội dung" },
  { "LD 0912345678 (nói là công an, đòi chuyển tiền) gửi 156", PH_SMS_CATEGORY_SCAM,
    PH_SOURCE_KIND_MOBILE, "+84912345678", "nói là công an, đòi chuyển tiền" },
  { "LD 0912345678 chuyển tiền vào số 1900 1234", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE,
    "+84912345678", "chuyển tiền vào số 1900 1234" },
  /* other kinds of source */
  { "V 024 3825 1234 mời chào bảo hiểm", PH_SMS_CATEGORY_SPAM_CALL, PH_SOURCE_KIND_LANDLINE,
    "+842438251234", "mời chào bảo hiểm" },
  { "V [0237 385 2345] mời chào", PH_SMS_CATEGORY_SPAM_CALL, PH_SOURCE_KIND_LANDLINE,
    "+842373852345", "mời chào" },
  { "V 1900 1234 mời gọi", PH_SMS_CATEGORY_SPAM_CALL, PH_SOURCE_KIND_SERVICE, "19001234", "mời gọi" },
  { "S VIETTEL khuyến mãi", PH_SMS_CATEGORY_SPAM_SMS, PH_SOURCE_KIND_BRANDNAME, "VIETTEL", "khuyến mãi" },
  { "s [fe credit] vay tiền", PH_SMS_CATEGORY_SPAM_SMS, PH_SOURCE_KIND_BRANDNAME, "FE CREDIT", "vay tiền" },
  { "S (HOME.CREDIT) (vay)", PH_SMS_CATEGORY_SPAM_SMS, PH_SOURCE_KIND_BRANDNAME, "HOME.CREDIT", "vay" },
  { "LD +855 12 345 678 gọi từ nước ngoài", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_INTERNATIONAL,
    "+85512345678", "gọi từ nước ngoài" },
  { "LD 00855 12 345 678 gọi", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_INTERNATIONAL, "+85512345678", "gọi" },
  { "S 8079 tin nhắn rác", PH_SMS_CATEGORY_SPAM_SMS, PH_SOURCE_KIND_SHORTCODE, "8079", "tin nhắn rác" },
  { "LD 069 2348560 giả danh", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_SPECIAL, "+84692348560", "giả danh" },
  /* invalid UTF-8 in the content is replaced, not refused */
  { "LD 0912345678 l\xffua", PH_SMS_CATEGORY_SCAM, PH_SOURCE_KIND_MOBILE, "+84912345678", "l\xef\xbf\xbdua" },
};

static void
test_parsed (gconstpointer data)
{
  const Parsed *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhSmsReport) report = ph_sms_parse (c->message, &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->category, ==, c->category);
  g_assert_cmpstr (ph_source_kind_to_string (report->source->kind), ==,
                   ph_source_kind_to_string (c->kind));
  g_assert_cmpstr (report->source->key, ==, c->key);
  g_assert_cmpstr (report->content, ==, c->content);
  g_assert_true (g_utf8_validate (report->content, -1, NULL));
}

/* --- Malformed messages: the error names what is missing. --- */

typedef struct
{
  const char *message;
  PhSmsError  code;
  const char *says;
} Malformed;

static const Malformed malformed_cases[] = {
  { "", PH_SMS_ERROR_EMPTY, "The message is empty" },
  { "   \n\t ", PH_SMS_ERROR_EMPTY, "The message is empty" },
  { "0912345678 lừa đảo", PH_SMS_ERROR_NO_KEYWORD, "must start with LD (scam), V (spam call) or S (spam SMS)" },
  { "X 0912345678 lừa đảo", PH_SMS_ERROR_NO_KEYWORD, "must start with LD" },
  { "LDD 0912345678 lừa đảo", PH_SMS_ERROR_NO_KEYWORD, "must start with LD" },
  { "lừa đảo 0912345678", PH_SMS_ERROR_NO_KEYWORD, "must start with LD" },
  { "gửi 156", PH_SMS_ERROR_NO_KEYWORD, "must start with LD" },
  { "LD", PH_SMS_ERROR_NO_SOURCE, "number or brandname being reported is missing after “LD”" },
  { "v   ", PH_SMS_ERROR_NO_SOURCE, "missing after “v”" },
  { "LD gửi 156", PH_SMS_ERROR_NO_SOURCE, "missing after “LD”" },
  { "S [] [quảng cáo]", PH_SMS_ERROR_NO_SOURCE, "missing between “[” and “]”" },
  { "S ( ) quảng cáo", PH_SMS_ERROR_NO_SOURCE, "missing between “(” and “)”" },
  { "LD 0912345678", PH_SMS_ERROR_NO_CONTENT, "content of the report" },
  { "LD [0912345678]", PH_SMS_ERROR_NO_CONTENT, "content of the report" },
  { "LD [0912345678] []", PH_SMS_ERROR_NO_CONTENT, "content of the report" },
  { "LD 0912345678 gửi 156", PH_SMS_ERROR_NO_CONTENT, "content of the report" },
  { "V (0912345678) ( ) gửi 156 hoặc 5656", PH_SMS_ERROR_NO_CONTENT, "content of the report" },
  { "LD [0912345678 lừa đảo", PH_SMS_ERROR_UNCLOSED, "“[” before the reported number is never closed with “]”" },
  { "LD (abc lừa đảo", PH_SMS_ERROR_UNCLOSED, "never closed with “)”" },
  { "LD 091234 lừa đảo", PH_SMS_ERROR_INVALID_SOURCE, "not valid: A mobile number has 10 digits; this one has 6" },
  { "LD 0101234567 lừa đảo", PH_SMS_ERROR_INVALID_SOURCE, "Prefix 010 is not in use" },
  { "LD [0912a345678] lừa đảo", PH_SMS_ERROR_INVALID_SOURCE, "letters inside" },
  { "S VERYLONGBRANDNAME quảng cáo", PH_SMS_ERROR_INVALID_SOURCE, "at most 11 characters" },
  { "LD +0912345678 lừa đảo", PH_SMS_ERROR_INVALID_SOURCE, "country code never starts with 0" },
  { "LD \xff\xfe", PH_SMS_ERROR_INVALID_SOURCE, "not valid" },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhSmsReport) report = ph_sms_parse (c->message, &error);

  g_assert_null (report);
  g_assert_error (error, PH_SMS_ERROR, (gint) c->code);
  if (strstr (error->message, c->says) == NULL)
    g_error ("error for “%s” is “%s”, expected it to say “%s”", c->message, error->message, c->says);
}

static void
test_long_message (void)
{
  g_autoptr(GString) text = g_string_new ("LD 0912345678 ");
  g_autoptr(GString) junk = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PhSmsReport) report = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (text, "abc xyz "[i % 8]);
  report = ph_sms_parse (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (report->content), >, 9000);

  /* A long run of digits and spaces costs linear time and gets the count right. */
  {
    g_autoptr(GString) zeros = g_string_new ("LD ");

    for (guint i = 0; i < 10000; i++)
      g_string_append (zeros, "0 ");
    g_clear_pointer (&report, ph_sms_report_free);
    report = ph_sms_parse (zeros->str, &error);
    g_assert_null (report);
    g_assert_error (error, PH_SMS_ERROR, PH_SMS_ERROR_INVALID_SOURCE);
    g_assert_nonnull (strstr (error->message, "this one has 10000"));
    g_clear_error (&error);
  }

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (junk, "[(0 +)]\xff"[i % 8]);
  g_clear_pointer (&report, ph_sms_report_free);
  report = ph_sms_parse (junk->str, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
}

/* --- Building the message for an entry, and reading it back. --- */

static const struct
{
  PhSmsCategory  category;
  const char    *source;
  const char    *content;
  const char    *message;
} built_cases[] = {
  { PH_SMS_CATEGORY_SCAM, "+84 912 345 678", "Gọi giả danh công an", "LD 0912345678 Gọi giả danh công an" },
  { PH_SMS_CATEGORY_SPAM_CALL, "0912.345.678", "mời mua đất", "V 0912345678 mời mua đất" },
  { PH_SMS_CATEGORY_SPAM_SMS, "0912 345 678", "vay tiền", "S 0912345678 vay tiền" },
  { PH_SMS_CATEGORY_SCAM, "0162 345 6789", "lừa đảo", "LD 0323456789 lừa đảo" },
  { PH_SMS_CATEGORY_SPAM_CALL, "024 3825 1234", "bảo hiểm", "V 02438251234 bảo hiểm" },
  { PH_SMS_CATEGORY_SPAM_CALL, "1900 1234", "tổng đài", "V 19001234 tổng đài" },
  { PH_SMS_CATEGORY_SPAM_SMS, "VIETTEL", "khuyến mãi", "S VIETTEL khuyến mãi" },
  { PH_SMS_CATEGORY_SPAM_SMS, "fe credit", "vay", "S [fe credit] vay" },
  { PH_SMS_CATEGORY_SCAM, "+855 12 345 678", "gọi", "LD +85512345678 gọi" },
  { PH_SMS_CATEGORY_SPAM_SMS, "8079", "rác", "S 8079 rác" },
  { PH_SMS_CATEGORY_SCAM, "0912345678", "  dòng 1\ndòng 2\t", "LD 0912345678 dòng 1 dòng 2" },
};

static void
test_build (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (built_cases); i++)
    {
      g_autoptr(PhNumber) source = ph_number_parse (built_cases[i].source);
      g_autofree char *message = ph_sms_build (built_cases[i].category, source, built_cases[i].content);
      g_autoptr(GError) error = NULL;
      g_autoptr(PhSmsReport) back = NULL;

      g_assert_true (ph_number_is_valid (source));
      g_assert_cmpstr (message, ==, built_cases[i].message);

      /* What the application builds, it reads back the same. */
      back = ph_sms_parse (message, &error);
      g_assert_no_error (error);
      g_assert_cmpint (back->category, ==, built_cases[i].category);
      g_assert_cmpstr (back->source->key, ==, source->key);
      g_assert_cmpstr (back->source->kind == source->kind ? "same" : "different", ==, "same");
    }
}

static void
test_categories (void)
{
  static const char *names[] = { "scam", "spam_call", "spam_sms" };
  static const char *words[] = { "LD", "V", "S" };

  for (guint c = 0; c < G_N_ELEMENTS (names); c++)
    {
      g_assert_cmpstr (ph_sms_category_to_string ((PhSmsCategory) c), ==, names[c]);
      g_assert_cmpstr (ph_sms_category_get_keyword ((PhSmsCategory) c), ==, words[c]);
      g_assert_nonnull (ph_sms_category_get_label ((PhSmsCategory) c));
    }
}

static void
test_copy (void)
{
  g_autoptr(PhSmsReport) report = ph_sms_parse ("LD 0912345678 lừa đảo", NULL);
  g_autoptr(PhSmsReport) copy = ph_sms_report_copy (report);

  g_assert_true (copy->source != report->source);
  g_assert_cmpint (copy->category, ==, report->category);
  g_assert_cmpstr (copy->source->e164, ==, report->source->e164);
  g_assert_cmpstr (copy->content, ==, report->content);
  ph_sms_report_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);

  add_form_cases ();
  for (guint i = 0; i < G_N_ELEMENTS (parsed_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phananh/sms/parse/%02u", i);

      g_test_add_data_func (path, &parsed_cases[i], test_parsed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phananh/sms/malformed/%02u", i);

      g_test_add_data_func (path, &malformed_cases[i], test_malformed);
    }
  g_test_add_func ("/phananh/sms/long-message", test_long_message);
  g_test_add_func ("/phananh/sms/build", test_build);
  g_test_add_func ("/phananh/sms/categories", test_categories);
  g_test_add_func ("/phananh/sms/copy", test_copy);

  return g_test_run ();
}
