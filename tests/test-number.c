/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-number.c: the number parser against tables written from the published plan.
 *
 * The expected prefixes, conversions and area codes are written out here, not read
 * from data/numbering-plan, so that a wrong line in the data file fails a test. Each
 * row is its own test case (one TAP line). */

#include "config.h"

#include <string.h>

#include "ph-number.h"
#include "ph-numbering-plan.h"
#include "ph-test-util.h"

typedef struct
{
  const char   *input;
  PhSourceKind  kind;
  const char   *e164;            /* NULL: must be NULL */
  const char   *display;         /* NULL: not checked */
  const char   *where;           /* network or province; NULL: both must be NULL */
  const char   *converted_from;  /* NULL: must be NULL */
  const char   *reason;          /* a part of the reason; NULL for valid input */
} Case;

/* Everything that must hold for any parse, whatever the input. */
static void
check_invariants (const char     *input,
                  gssize          len,
                  const PhNumber *n)
{
  char key[PH_NUMBER_KEY_SIZE];
  PhSourceKind kind;

  g_assert_nonnull (n);
  g_assert_nonnull (n->input);
  g_assert_true (g_utf8_validate (n->input, -1, NULL));
  g_assert_nonnull (ph_source_kind_to_string (n->kind));

  if (ph_number_is_valid (n))
    {
      g_assert_null (n->reason);
      g_assert_nonnull (n->key);
      g_assert_nonnull (n->display);
      g_assert_cmpuint (strlen (n->key), <, PH_NUMBER_KEY_SIZE);
      if (n->e164 != NULL)
        {
          g_assert_true (n->e164[0] == '+');
          g_assert_cmpuint (strlen (n->e164), <=, 16);
          for (const char *p = n->e164 + 1; *p != '\0'; p++)
            g_assert_true (g_ascii_isdigit (*p));
        }
    }
  else
    {
      g_assert_cmpint (n->kind, ==, PH_SOURCE_KIND_INVALID);
      g_assert_nonnull (n->reason);
      g_assert_cmpstr (n->reason, !=, "");
      g_assert_null (n->key);
      g_assert_null (n->e164);
      g_assert_null (n->network);
      g_assert_null (n->province);
    }

  /* The allocation-free entry point agrees with the full parse. */
  kind = ph_number_classify (input, len, key, sizeof key);
  g_assert_cmpint (kind, ==, n->kind);
  g_assert_cmpstr (key, ==, n->key != NULL ? n->key : "");
}

static void
check_case (const Case *c)
{
  g_autoptr(PhNumber) n = ph_number_parse (c->input);
  const char *where;

  check_invariants (c->input, -1, n);

  g_assert_cmpstr (ph_source_kind_to_string (n->kind), ==, ph_source_kind_to_string (c->kind));
  g_assert_cmpstr (n->e164, ==, c->e164);
  if (c->display != NULL)
    g_assert_cmpstr (n->display, ==, c->display);
  where = n->network != NULL ? n->network : n->province;
  g_assert_cmpstr (where, ==, c->where);
  g_assert_cmpstr (n->converted_from, ==, c->converted_from);
  if (c->converted_from != NULL)
    {
      g_assert_nonnull (n->note);
      g_assert_nonnull (strstr (n->note, c->converted_from));
    }
  if (c->reason != NULL)
    {
      if (strstr (n->reason, c->reason) == NULL)
        g_error ("reason for “%.60s” is “%s”, expected it to contain “%s”",
                 c->input, n->reason, c->reason);
    }
  else
    g_assert_null (n->reason);
}

static void
test_case (gconstpointer data)
{
  check_case (data);
}

/* --- Every mobile prefix, with its original network (issue 3). --- */

typedef struct
{
  const char *prefix;
  const char *network;   /* or province */
} Prefix;

static const Prefix mobile_prefixes[] = {
  { "032", "Viettel" }, { "033", "Viettel" }, { "034", "Viettel" }, { "035", "Viettel" },
  { "036", "Viettel" }, { "037", "Viettel" }, { "038", "Viettel" }, { "039", "Viettel" },
  { "086", "Viettel" }, { "096", "Viettel" }, { "097", "Viettel" }, { "098", "Viettel" },
  { "081", "VinaPhone" }, { "082", "VinaPhone" }, { "083", "VinaPhone" }, { "084", "VinaPhone" },
  { "085", "VinaPhone" }, { "088", "VinaPhone" }, { "091", "VinaPhone" }, { "094", "VinaPhone" },
  { "070", "MobiFone" }, { "076", "MobiFone" }, { "077", "MobiFone" }, { "078", "MobiFone" },
  { "079", "MobiFone" }, { "089", "MobiFone" }, { "090", "MobiFone" }, { "093", "MobiFone" },
  { "052", "Vietnamobile" }, { "056", "Vietnamobile" }, { "058", "Vietnamobile" },
  { "092", "Vietnamobile" },
  { "059", "Gmobile" }, { "0993", "Gmobile" }, { "0994", "Gmobile" }, { "0995", "Gmobile" },
  { "0996", "Gmobile" }, { "0997", "Gmobile" },
  { "087", "iTel" },
  { "055", "Reddi (Wintel)" },
  { "0998", "Indochina Telecom" }, { "0999", "Indochina Telecom" },
};

/* A 10-digit number with @prefix, and the same in other spellings. */
static void
test_mobile_prefix (gconstpointer data)
{
  const Prefix *p = data;
  g_autofree char *national = g_strconcat (p->prefix, &"1234567"[strlen (p->prefix) - 3], NULL);
  g_autofree char *e164 = g_strconcat ("+84", national + 1, NULL);
  g_autofree char *display = g_strdup_printf ("%.4s %.3s %.3s", national, national + 4, national + 7);
  g_autofree char *plus = g_strdup_printf ("+84 %s", national + 1);
  g_autofree char *dotted = g_strdup_printf ("%.4s.%.3s.%.3s", national, national + 4, national + 7);
  g_autofree char *short9 = g_strndup (national, 9);
  const char *spellings[] = { national, plus, dotted, e164 };

  g_assert_cmpuint (strlen (national), ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      Case c = { spellings[i], PH_SOURCE_KIND_MOBILE, e164, display, p->network, NULL, NULL };

      check_case (&c);
    }

  /* One digit short is a mobile number with a wrong length, not some other kind. */
  {
    Case c = { short9, PH_SOURCE_KIND_INVALID, NULL, NULL, NULL, NULL,
               "A mobile number has 10 digits; this one has 9" };

    check_case (&c);
  }
}

/* --- Every 2018 conversion of an 11-digit mobile number. --- */

typedef struct
{
  const char *old_prefix;
  const char *new_prefix;
  const char *network;
} Legacy;

static const Legacy legacy_prefixes[] = {
  { "0162", "032", "Viettel" }, { "0163", "033", "Viettel" }, { "0164", "034", "Viettel" },
  { "0165", "035", "Viettel" }, { "0166", "036", "Viettel" }, { "0167", "037", "Viettel" },
  { "0168", "038", "Viettel" }, { "0169", "039", "Viettel" },
  { "0120", "070", "MobiFone" }, { "0121", "079", "MobiFone" }, { "0122", "077", "MobiFone" },
  { "0126", "076", "MobiFone" }, { "0128", "078", "MobiFone" },
  { "0123", "083", "VinaPhone" }, { "0124", "084", "VinaPhone" }, { "0125", "085", "VinaPhone" },
  { "0127", "081", "VinaPhone" }, { "0129", "082", "VinaPhone" },
  { "0186", "056", "Vietnamobile" }, { "0188", "058", "Vietnamobile" },
  { "0199", "059", "Gmobile" },
};

static void
test_legacy_prefix (gconstpointer data)
{
  const Legacy *l = data;
  g_autofree char *old = g_strconcat (l->old_prefix, "3456789", NULL);
  g_autofree char *old_display = g_strdup_printf ("%.4s 345 6789", l->old_prefix);
  g_autofree char *converted = g_strconcat (l->new_prefix, "3456789", NULL);
  g_autofree char *e164 = g_strconcat ("+84", converted + 1, NULL);
  g_autofree char *display = g_strdup_printf ("%.4s %.3s %.3s", converted, converted + 4,
                                              converted + 7);
  g_autofree char *plus = g_strdup_printf ("+84 %s", old + 1);
  g_autofree char *ten = g_strndup (old, 10);
  const char *spellings[] = { old, old_display, plus };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      Case c = { spellings[i], PH_SOURCE_KIND_MOBILE, e164, display, l->network, old_display, NULL };

      check_case (&c);
    }

  /* The old prefix with 10 digits: the reason names the change. */
  {
    g_autofree char *reason = g_strdup_printf ("Prefix %s was replaced by %s in 2018",
                                               l->old_prefix, l->new_prefix);
    Case c = { ten, PH_SOURCE_KIND_INVALID, NULL, NULL, NULL, NULL, reason };

    check_case (&c);
  }
}

/* --- Every landline area code since 2017. --- */

static const Prefix area_codes[] = {
  { "024", "Hà Nội" }, { "028", "TP Hồ Chí Minh" },
  { "0203", "Quảng Ninh" }, { "0204", "Bắc Giang" }, { "0205", "Lạng Sơn" },
  { "0206", "Cao Bằng" }, { "0207", "Tuyên Quang" }, { "0208", "Thái Nguyên" },
  { "0209", "Bắc Kạn" }, { "0210", "Phú Thọ" }, { "0211", "Vĩnh Phúc" },
  { "0212", "Sơn La" }, { "0213", "Lai Châu" }, { "0214", "Lào Cai" },
  { "0215", "Điện Biên" }, { "0216", "Yên Bái" }, { "0218", "Hòa Bình" },
  { "0219", "Hà Giang" }, { "0220", "Hải Dương" }, { "0221", "Hưng Yên" },
  { "0222", "Bắc Ninh" }, { "0225", "Hải Phòng" }, { "0226", "Hà Nam" },
  { "0227", "Thái Bình" }, { "0228", "Nam Định" }, { "0229", "Ninh Bình" },
  { "0232", "Quảng Bình" }, { "0233", "Quảng Trị" }, { "0234", "Thừa Thiên Huế" },
  { "0235", "Quảng Nam" }, { "0236", "Đà Nẵng" }, { "0237", "Thanh Hóa" },
  { "0238", "Nghệ An" }, { "0239", "Hà Tĩnh" }, { "0251", "Đồng Nai" },
  { "0252", "Bình Thuận" }, { "0254", "Bà Rịa - Vũng Tàu" }, { "0255", "Quảng Ngãi" },
  { "0256", "Bình Định" }, { "0257", "Phú Yên" }, { "0258", "Khánh Hòa" },
  { "0259", "Ninh Thuận" }, { "0260", "Kon Tum" }, { "0261", "Đắk Nông" },
  { "0262", "Đắk Lắk" }, { "0263", "Lâm Đồng" }, { "0269", "Gia Lai" },
  { "0270", "Vĩnh Long" }, { "0271", "Bình Phước" }, { "0272", "Long An" },
  { "0273", "Tiền Giang" }, { "0274", "Bình Dương" }, { "0275", "Bến Tre" },
  { "0276", "Tây Ninh" }, { "0277", "Đồng Tháp" }, { "0290", "Cà Mau" },
  { "0291", "Bạc Liêu" }, { "0292", "Cần Thơ" }, { "0293", "Hậu Giang" },
  { "0294", "Trà Vinh" }, { "0296", "An Giang" }, { "0297", "Kiên Giang" },
  { "0299", "Sóc Trăng" },
};

static void
test_area_code (gconstpointer data)
{
  const Prefix *a = data;
  gsize area = strlen (a->prefix);
  g_autofree char *national = g_strconcat (a->prefix, &"38251234"[area - 3], NULL);
  g_autofree char *e164 = g_strconcat ("+84", national + 1, NULL);
  g_autofree char *display = area == 3
    ? g_strdup_printf ("%s %.4s %.4s", a->prefix, national + 3, national + 7)
    : g_strdup_printf ("%s %.3s %.4s", a->prefix, national + 4, national + 7);
  g_autofree char *intl = g_strdup_printf ("0084 %s", national + 1);
  g_autofree char *spaced = g_strdup_printf ("(%s) %s", a->prefix, national + area);
  g_autofree char *short10 = g_strndup (national, 10);
  const char *spellings[] = { national, display, intl, spaced };

  g_assert_cmpuint (strlen (national), ==, 11);
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      Case c = { spellings[i], PH_SOURCE_KIND_LANDLINE, e164, display, a->network, NULL, NULL };

      check_case (&c);
    }

  {
    Case c = { short10, PH_SOURCE_KIND_INVALID, NULL, NULL, NULL, NULL,
               "A landline number has 11 digits with its area code; this one has 10" };

    check_case (&c);
  }
}

/* --- Every way people write a number, and the other kinds of source. --- */

#define MOBILE(in) { in, PH_SOURCE_KIND_MOBILE, "+84912345678", "0912 345 678", "VinaPhone", NULL, NULL }
#define INVALID(in, why) { in, PH_SOURCE_KIND_INVALID, NULL, NULL, NULL, NULL, why }

static const Case format_cases[] = {
  MOBILE ("0912 345 678"),
  MOBILE ("0912.345.678"),
  MOBILE ("0912-345-678"),
  MOBILE ("0912345678"),
  MOBILE ("+84 912 345 678"),
  MOBILE ("+84912345678"),
  MOBILE ("+84-912-345-678"),
  MOBILE ("84912345678"),
  MOBILE ("84 912 345 678"),
  MOBILE ("0084912345678"),
  MOBILE ("0084 912 345 678"),
  MOBILE ("(091) 234-5678"),
  MOBILE ("(+84) 912 345 678"),
  MOBILE ("+84 (0) 912 345 678"),
  MOBILE ("+84 0912 345 678"),
  MOBILE ("912 345 678"),
  MOBILE ("  0912345678  "),
  MOBILE ("\t0912 345 678\n"),
  MOBILE ("0912\xc2\xa0" "345\xc2\xa0" "678"),         /* no-break spaces */
  MOBILE ("0912\xe2\x80\x93" "345\xe2\x80\x93" "678"),   /* en dashes */
  MOBILE ("\xef\xbc\x90\xef\xbc\x99\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93"
          "\xef\xbc\x94\xef\xbc\x95\xef\xbc\x96\xef\xbc\x97\xef\xbc\x98"),  /* full width */
  MOBILE ("\xef\xbc\x8b\xef\xbc\x98\xef\xbc\x94 912 345 678"),  /* full-width +84 */
  MOBILE ("SĐT: 0912 345 678"),
  MOBILE ("số máy 0912345678 gọi lừa đảo"),
  MOBILE ("Tel0912345678"),
  MOBILE ("ĐT 0912.345.678 (anh Nam)"),
  MOBILE ("gọi lúc 9h30 từ số 0912 345 678"),
  MOBILE ("0912345678."),
  MOBILE ("<0912345678>"),
  MOBILE ("\"0912345678\""),
  MOBILE ("\xe2\x80\x8b" "0912345678"),  /* a zero-width space pasted from the web */
  MOBILE ("ngày 12/08/2025 số 0912 345 678 gọi 3 lần"),   /* a date is not a second number */
  MOBILE ("lúc 10:30 ngày 1/9 số +84 912 345 678"),
  MOBILE ("gọi 113 từ 0912345678"),                        /* nor is a short code */

  /* Landlines and the police network. */
  { "024 3825 1234", PH_SOURCE_KIND_LANDLINE, "+842438251234", "024 3825 1234", "Hà Nội", NULL, NULL },
  { "(024) 38251234", PH_SOURCE_KIND_LANDLINE, "+842438251234", "024 3825 1234", "Hà Nội", NULL, NULL },
  { "+84 24 3825 1234", PH_SOURCE_KIND_LANDLINE, "+842438251234", "024 3825 1234", "Hà Nội", NULL, NULL },
  { "0237.385.2345", PH_SOURCE_KIND_LANDLINE, "+842373852345", "0237 385 2345", "Thanh Hóa", NULL, NULL },
  { "069 2348560", PH_SOURCE_KIND_SPECIAL, "+84692348560", "069 2348560", "Mạng Bộ Công an", NULL, NULL },
  { "0692348560", PH_SOURCE_KIND_SPECIAL, "+84692348560", "069 2348560", "Mạng Bộ Công an", NULL, NULL },
  { "+84 69 234 8560", PH_SOURCE_KIND_SPECIAL, "+84692348560", "069 2348560", "Mạng Bộ Công an", NULL, NULL },
  INVALID ("069 234 856", "A number with prefix 069 has 10 digits; this one has 9"),

  /* 1800 / 1900 service numbers and short codes. */
  { "18001091", PH_SOURCE_KIND_SERVICE, NULL, "1800 1091", NULL, NULL, NULL },
  { "1800 1091", PH_SOURCE_KIND_SERVICE, NULL, "1800 1091", NULL, NULL, NULL },
  { "1800.8098", PH_SOURCE_KIND_SERVICE, NULL, "1800 8098", NULL, NULL, NULL },
  { "1900 1234", PH_SOURCE_KIND_SERVICE, NULL, "1900 1234", NULL, NULL, NULL },
  { "1900 123 456", PH_SOURCE_KIND_SERVICE, NULL, "1900 123 456", NULL, NULL, NULL },
  { "1900123456", PH_SOURCE_KIND_SERVICE, NULL, "1900 123 456", NULL, NULL, NULL },
  INVALID ("1900", "A 1800/1900 service number has 8 or 10 digits; this one has 4"),
  INVALID ("1900 12345", "A 1800/1900 service number has 8 or 10 digits; this one has 9"),
  INVALID ("1800 1234 5678", "A 1800/1900 service number has 8 or 10 digits; this one has 12"),
  { "113", PH_SOURCE_KIND_SHORTCODE, NULL, "113", NULL, NULL, NULL },
  { "114", PH_SOURCE_KIND_SHORTCODE, NULL, "114", NULL, NULL, NULL },
  { "115", PH_SOURCE_KIND_SHORTCODE, NULL, "115", NULL, NULL, NULL },
  { "156", PH_SOURCE_KIND_SHORTCODE, NULL, "156", NULL, NULL, NULL },
  { "5656", PH_SOURCE_KIND_SHORTCODE, NULL, "5656", NULL, NULL, NULL },
  { "9090", PH_SOURCE_KIND_SHORTCODE, NULL, "9090", NULL, NULL, NULL },
  { "Tổng đài 156", PH_SOURCE_KIND_SHORTCODE, NULL, "156", NULL, NULL, NULL },
  { "12345", PH_SOURCE_KIND_SHORTCODE, NULL, "12345", NULL, NULL, NULL },

  /* Brandnames. */
  { "VIETTEL", PH_SOURCE_KIND_BRANDNAME, NULL, "VIETTEL", NULL, NULL, NULL },
  { "Viettel", PH_SOURCE_KIND_BRANDNAME, NULL, "Viettel", NULL, NULL, NULL },
  { "FE CREDIT", PH_SOURCE_KIND_BRANDNAME, NULL, "FE CREDIT", NULL, NULL, NULL },
  { "FE  CREDIT", PH_SOURCE_KIND_BRANDNAME, NULL, "FE CREDIT", NULL, NULL, NULL },
  { " VNPT2 ", PH_SOURCE_KIND_BRANDNAME, NULL, "VNPT2", NULL, NULL, NULL },
  { "HOME.CREDIT", PH_SOURCE_KIND_BRANDNAME, NULL, "HOME.CREDIT", NULL, NULL, NULL },
  { "BIDV", PH_SOURCE_KIND_BRANDNAME, NULL, "BIDV", NULL, NULL, NULL },
  { "ABCDEFGHIJK", PH_SOURCE_KIND_BRANDNAME, NULL, "ABCDEFGHIJK", NULL, NULL, NULL },
  INVALID ("ABCDEFGHIJKL", "A brandname has at most 11 characters; this one has 12"),
  INVALID ("VIETTELPOSTPAID", "A brandname has at most 11 characters; this one has 15"),

  /* Foreign numbers. */
  { "+855 12 345 678", PH_SOURCE_KIND_INTERNATIONAL, "+85512345678", "+85512345678", NULL, NULL, NULL },
  { "+1 (202) 555-0123", PH_SOURCE_KIND_INTERNATIONAL, "+12025550123", "+12025550123", NULL, NULL, NULL },
  { "00855 12 345 678", PH_SOURCE_KIND_INTERNATIONAL, "+85512345678", "+85512345678", NULL, NULL, NULL },
  { "+86 138 0013 8000", PH_SOURCE_KIND_INTERNATIONAL, "+8613800138000", "+8613800138000", NULL, NULL, NULL },
  { "+44 20 7946 0958", PH_SOURCE_KIND_INTERNATIONAL, "+442079460958", "+442079460958", NULL, NULL, NULL },
  { "+62 812 3456 7890", PH_SOURCE_KIND_INTERNATIONAL, "+6281234567890", "+6281234567890", NULL, NULL, NULL },
  INVALID ("+0912345678", "A country code never starts with 0"),
  INVALID ("+1 234", "An international number has at least 7 digits"),
  INVALID ("+1234 5678 9012 3456 7890", "A phone number has at most 15 digits; this one has 20"),
  INVALID ("+855 1234 5678 90123", "An international number has at most 15 digits; this one has 16"),

  /* Edge cases. */
  INVALID ("", "Nothing was entered"),
  INVALID ("   ", "Nothing was entered"),
  INVALID ("\t\n ", "Nothing was entered"),
  INVALID ("+", "No phone number"),
  INVALID ("...---", "No phone number"),
  INVALID ("0", "Too short for a phone number: only 1 digit"),
  INVALID ("12", "Too short for a phone number: only 2 digits"),
  INVALID ("+84", "Too short"),
  INVALID ("091234567", "A mobile number has 10 digits; this one has 9"),
  INVALID ("09123456789", "A mobile number has 10 digits; this one has 11"),
  INVALID ("0912 345 6789 0", "A mobile number has 10 digits; this one has 12"),
  INVALID ("091234567890123456789", "A phone number has at most 15 digits; this one has 21"),
  INVALID ("0101234567", "Prefix 010 is not in use"),
  INVALID ("0111234567", "Prefix 011 is not in use"),
  INVALID ("0312345678", "Prefix 031 is not in use"),
  INVALID ("0801234567", "Prefix 080 is not in use"),
  INVALID ("0201 234 5678", "Area code 0201 is not in use"),
  INVALID ("0912a345678", "letters inside"),
  INVALID ("0912 345 67a8", "letters inside"),
  INVALID ("09O2345678", "letters inside"),
  INVALID ("0912345678 0987654321", "more than one number"),
  INVALID ("0912345678, 0987654321", "more than one number"),
  INVALID ("0912345678 và 0987 654 32", "more than one number"),   /* the second is mistyped */
  INVALID ("1900 1234 hoặc 0912345678", "more than one number"),
  INVALID ("2348560", "a landline number needs its area code"),
  INVALID ("123456789", "not a Vietnamese number; write a foreign number with + or 00"),
  INVALID ("0162 345 678", "Prefix 0162 was replaced by 032 in 2018"),
  INVALID ("\xff\xfe", "No phone number"),
  { "\xff" "0912345678\xfe", PH_SOURCE_KIND_MOBILE, "+84912345678", "0912 345 678", "VinaPhone", NULL, NULL },
  { "0912\xc0" "345678", PH_SOURCE_KIND_INVALID, NULL, NULL, NULL, NULL, "more than one number" },
};

static void
test_long_inputs (void)
{
  g_autoptr(GString) spaces = g_string_new (NULL);
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) letters = g_string_new (NULL);
  g_autoptr(GString) around = g_string_new (NULL);
  g_autoptr(GString) mixed = g_string_new (NULL);

  for (guint i = 0; i < 10000; i++)
    {
      g_string_append_c (spaces, ' ');
      g_string_append_c (digits, (char) ('0' + i % 10));
      g_string_append_c (letters, (char) ('a' + i % 26));
      g_string_append_c (mixed, "0a +(.)\xff"[i % 8]);
    }
  g_string_append (around, spaces->str);
  g_string_append (around, "0912 345 678");
  g_string_append (around, spaces->str);

  {
    Case cases[] = {
      INVALID (spaces->str, "Nothing was entered"),
      INVALID (digits->str, "A phone number has at most 15 digits; this one has 10000"),
      INVALID (letters->str, "A brandname has at most 11 characters; this one has 10000"),
      MOBILE (around->str),
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      check_case (&cases[i]);
  }

  {
    g_autoptr(PhNumber) n = ph_number_parse (mixed->str);

    check_invariants (mixed->str, -1, n);
    g_assert_false (ph_number_is_valid (n));
  }
}

/* ph_number_classify() takes a length and need not see a nul. */
static void
test_classify_len (void)
{
  char key[PH_NUMBER_KEY_SIZE];
  const char text[] = "0912345678999";
  char tiny[4];

  g_assert_cmpint (ph_number_classify (text, 10, key, sizeof key), ==, PH_SOURCE_KIND_MOBILE);
  g_assert_cmpstr (key, ==, "+84912345678");
  g_assert_cmpint (ph_number_classify (text, -1, key, sizeof key), ==, PH_SOURCE_KIND_INVALID);
  g_assert_cmpstr (key, ==, "");
  g_assert_cmpint (ph_number_classify (text, 0, key, sizeof key), ==, PH_SOURCE_KIND_INVALID);
  g_assert_cmpint (ph_number_classify ("0912\0" "345678", 11, NULL, 0), ==, PH_SOURCE_KIND_INVALID);

  /* A short buffer gets a truncated, terminated key. */
  g_assert_cmpint (ph_number_classify ("0912345678", -1, tiny, sizeof tiny), ==, PH_SOURCE_KIND_MOBILE);
  g_assert_cmpstr (tiny, ==, "+84");
}

static void
test_notes (void)
{
  g_autoptr(PhNumber) legacy = ph_number_parse ("0162 345 6789");
  g_autoptr(PhNumber) service = ph_number_parse ("18001091");
  g_autoptr(PhNumber) shortcode = ph_number_parse ("115");
  g_autoptr(PhNumber) mobile = ph_number_parse ("0912345678");
  g_autoptr(PhNumber) brand = ph_number_parse ("fe credit");

  g_assert_nonnull (strstr (legacy->note, "Converted from the 11-digit number 0162 345 6789"));
  g_assert_cmpstr (service->note, ==, "Chăm sóc khách hàng VinaPhone");
  g_assert_cmpstr (shortcode->note, ==, "Cấp cứu y tế");
  g_assert_null (mobile->note);
  g_assert_null (mobile->converted_from);
  g_assert_cmpstr (brand->key, ==, "FE CREDIT");
  g_assert_cmpstr (brand->display, ==, "fe credit");
  g_assert_null (brand->e164);
}

static void
test_copy (void)
{
  g_autoptr(PhNumber) n = ph_number_parse ("0162 345 6789");
  g_autoptr(PhNumber) bad = ph_number_parse ("0101234567");
  g_autoptr(PhNumber) c = ph_number_copy (n);
  g_autoptr(PhNumber) d = ph_number_copy (bad);

  g_assert_true (c != n);
  g_assert_cmpint (c->kind, ==, n->kind);
  g_assert_cmpstr (c->input, ==, n->input);
  g_assert_cmpstr (c->key, ==, n->key);
  g_assert_cmpstr (c->e164, ==, n->e164);
  g_assert_cmpstr (c->display, ==, n->display);
  g_assert_cmpstr (c->network, ==, n->network);
  g_assert_cmpstr (c->converted_from, ==, n->converted_from);
  g_assert_cmpstr (c->note, ==, n->note);
  g_assert_cmpstr (d->reason, ==, bad->reason);
  ph_number_free (NULL);
}

static void
test_kind_names (void)
{
  static const char *names[] = {
    "invalid", "mobile", "landline", "service", "shortcode", "special", "brandname", "international",
  };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_assert_cmpstr (ph_source_kind_to_string ((PhSourceKind) k), ==, names[k]);
      g_assert_nonnull (ph_source_kind_get_label ((PhSourceKind) k));
      g_assert_cmpstr (ph_source_kind_get_label ((PhSourceKind) k), !=, "");
    }
}

/* The data file holds exactly the prefixes of the tables above: nothing missing,
 * nothing extra. */
static void
test_plan_matches_tables (void)
{
  GPtrArray *entries = ph_numbering_plan_get_entries (ph_numbering_plan_get_default ());
  guint mobile = 0, legacy = 0, landline = 0, special = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const PhPlanEntry *e = g_ptr_array_index (entries, i);
      gboolean found = FALSE;

      if (e->legacy_to != NULL)
        {
          legacy++;
          for (guint j = 0; j < G_N_ELEMENTS (legacy_prefixes); j++)
            found |= strcmp (e->prefix, legacy_prefixes[j].old_prefix) == 0
                     && strcmp (e->legacy_to, legacy_prefixes[j].new_prefix) == 0;
        }
      else if (e->kind == PH_SOURCE_KIND_MOBILE)
        {
          mobile++;
          for (guint j = 0; j < G_N_ELEMENTS (mobile_prefixes); j++)
            found |= strcmp (e->prefix, mobile_prefixes[j].prefix) == 0
                     && strcmp (e->name, mobile_prefixes[j].network) == 0;
        }
      else if (e->kind == PH_SOURCE_KIND_LANDLINE)
        {
          landline++;
          for (guint j = 0; j < G_N_ELEMENTS (area_codes); j++)
            found |= strcmp (e->prefix, area_codes[j].prefix) == 0
                     && strcmp (e->name, area_codes[j].network) == 0;
        }
      else if (e->kind == PH_SOURCE_KIND_SPECIAL)
        {
          special++;
          found = strcmp (e->prefix, "069") == 0;
        }
      else
        found = TRUE;

      if (!found)
        g_error ("the numbering plan has %s (%s), which the test tables do not",
                 e->prefix, e->name != NULL ? e->name : e->legacy_to);
    }

  g_assert_cmpuint (mobile, ==, G_N_ELEMENTS (mobile_prefixes));
  g_assert_cmpuint (legacy, ==, G_N_ELEMENTS (legacy_prefixes));
  g_assert_cmpuint (landline, ==, G_N_ELEMENTS (area_codes));
  g_assert_cmpuint (landline, ==, 63);
  g_assert_cmpuint (special, ==, 1);
}

/* Changing the plan is editing data: a plan read from text classifies by it. */
static void
test_plan_from_data (void)
{
  const char *text =
    "# a test plan\n"
    "length mobile 10\n"
    "length legacy 11\n"
    "length landline 11\n"
    "length shortcode 3\n"
    "mobile 099 Test Net\t# a comment\n"
    "mobile 0123 Other Net\n"
    "legacy 0190 099\n"
    "landline 0237 Thanh Hóa\n"
    "shortcode 113 Công an\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PhNumberingPlan) plan = ph_numbering_plan_new_from_data (text, -1, &error);
  g_autoptr(PhNumber) a = NULL;
  g_autoptr(PhNumber) b = NULL;
  g_autoptr(PhNumber) c = NULL;
  g_autoptr(PhNumber) d = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_true (ph_numbering_plan_ref (plan) == plan);
  ph_numbering_plan_unref (plan);

  a = ph_number_parse_with_plan (plan, "0991234567");
  g_assert_cmpint (a->kind, ==, PH_SOURCE_KIND_MOBILE);
  g_assert_cmpstr (a->network, ==, "Test Net");
  b = ph_number_parse_with_plan (plan, "0123 456 789");
  g_assert_cmpstr (b->network, ==, "Other Net");
  c = ph_number_parse_with_plan (plan, "0190 123 4567");
  g_assert_cmpstr (c->e164, ==, "+84991234567");
  g_assert_cmpstr (c->converted_from, ==, "0190 123 4567");
  d = ph_number_parse_with_plan (plan, "0912345678");
  g_assert_cmpint (d->kind, ==, PH_SOURCE_KIND_INVALID);
  g_assert_nonnull (strstr (d->reason, "Prefix 091 is not in use"));
}

static void
test_plan_errors (void)
{
  static const struct { const char *text; int code; const char *what; } cases[] = {
    { "length mobile 10\nmobile 091\n", PH_NUMBERING_PLAN_ERROR_SYNTAX, "line 2" },
    { "length mobile 10\nfoo 091 X\n", PH_NUMBERING_PLAN_ERROR_SYNTAX, "unknown record type" },
    { "length mobile 10\nmobile 09a X\n", PH_NUMBERING_PLAN_ERROR_SYNTAX, "digits" },
    { "length mobile 10\nmobile 91 X\n", PH_NUMBERING_PLAN_ERROR_SYNTAX, "trunk 0" },
    { "length mobile 10\nmobile 091 X\nmobile 091 Y\n", PH_NUMBERING_PLAN_ERROR_SYNTAX, "already" },
    { "length mobile 99\n", PH_NUMBERING_PLAN_ERROR_SYNTAX, "from 1 to 31" },
    { "length frob 10\n", PH_NUMBERING_PLAN_ERROR_SYNTAX, "needs a kind" },
    { "mobile 091 X\n", PH_NUMBERING_PLAN_ERROR_MISSING, "no “length” line" },
    { "length mobile 10\nlength legacy 11\nlegacy 0162 032\n", PH_NUMBERING_PLAN_ERROR_MISSING, "0162" },
    { "length shortcode 3\nshortcode 013 X\n", PH_NUMBERING_PLAN_ERROR_SYNTAX, "does not start with 0" },
    { "length mobile 10\nmobile 091 \xff\n", PH_NUMBERING_PLAN_ERROR_SYNTAX, "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhNumberingPlan) plan = ph_numbering_plan_new_from_data (cases[i].text, -1, &error);

      g_assert_null (plan);
      g_assert_error (error, PH_NUMBERING_PLAN_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].what) == NULL)
        g_error ("plan error “%s” does not mention “%s”", error->message, cases[i].what);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint total = 0;

  ph_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (mobile_prefixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phananh/number/mobile/%s", mobile_prefixes[i].prefix);

      g_test_add_data_func (path, &mobile_prefixes[i], test_mobile_prefix);
      total++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (legacy_prefixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phananh/number/legacy/%s", legacy_prefixes[i].old_prefix);

      g_test_add_data_func (path, &legacy_prefixes[i], test_legacy_prefix);
      total++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (area_codes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phananh/number/landline/%s", area_codes[i].prefix);

      g_test_add_data_func (path, &area_codes[i], test_area_code);
      total++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phananh/number/input/%03u", i);

      g_test_add_data_func (path, &format_cases[i], test_case);
      total++;
    }
  g_test_add_func ("/phananh/number/long-inputs", test_long_inputs);
  g_test_add_func ("/phananh/number/classify-len", test_classify_len);
  g_test_add_func ("/phananh/number/notes", test_notes);
  g_test_add_func ("/phananh/number/copy", test_copy);
  g_test_add_func ("/phananh/number/kind-names", test_kind_names);
  g_test_add_func ("/phananh/number/plan-matches-tables", test_plan_matches_tables);
  g_test_add_func ("/phananh/number/plan-from-data", test_plan_from_data);
  g_test_add_func ("/phananh/number/plan-errors", test_plan_errors);

  g_assert_cmpuint (total, >=, 200);

  return g_test_run ();
}
