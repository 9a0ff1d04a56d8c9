/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ph-fold.h"
#include "ph-test-util.h"

static void
test_fold_vietnamese (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "lừa đảo", "lua dao" },
    { "LỪA ĐẢO", "lua dao" },
    { "Đắk Lắk", "dak lak" },
    { "Thanh Hóa", "thanh hoa" },
    { "Thanh Hoá", "thanh hoa" },
    { "Mạo danh Công an tỉnh", "mao danh cong an tinh" },
    { "Nghệ An", "nghe an" },
    { "ƯỚC ĐƯỢC", "uoc duoc" },
    { "", "" },
    { "0912 345 678", "0912 345 678" },
    { "\xc3\x90\xe1\xba\xaf" "k L\xe1\xba\xaf" "k", "dak lak" },  /* Ð (eth) from TCVN3 text */
    { "Ðà Nẵng", "da nang" },
    { "ĐỒNG NAI", "dong nai" },
    { "Tin nhắn RÁC", "tin nhan rac" },
    { "Phú Thọ", "phu tho" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = ph_fold (cases[i].in, -1);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_fold_nfd_equals_nfc (void)
{
  const char *text = "Sở Khoa học và Công nghệ tỉnh Đắk Lắk";
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *a = ph_fold (nfd, -1);
  g_autofree char *b = ph_fold (nfc, -1);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, "so khoa hoc va cong nghe tinh dak lak");
}

static void
test_fold_invalid_utf8 (void)
{
  g_autofree char *folded = ph_fold ("l\xffua", -1);

  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_true (g_str_has_prefix (folded, "l"));
  g_assert_true (g_str_has_suffix (folded, "ua"));
}

static void
test_fold_digits (void)
{
  g_autofree char *a = ph_fold_digits ("0912 345.678");
  g_autofree char *b = ph_fold_digits ("(091) 234-5678");
  g_autofree char *c = ph_fold_digits ("\xef\xbc\x90\xef\xbc\x99");  /* full-width 09 */
  g_autofree char *d = ph_fold_digits ("no digits");

  g_assert_cmpstr (a, ==, "0912345678");
  g_assert_cmpstr (b, ==, "0912345678");
  g_assert_cmpstr (c, ==, "09");
  g_assert_cmpstr (d, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);

  g_test_add_func ("/phananh/fold/vietnamese", test_fold_vietnamese);
  g_test_add_func ("/phananh/fold/nfd-equals-nfc", test_fold_nfd_equals_nfc);
  g_test_add_func ("/phananh/fold/invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/phananh/fold/digits", test_fold_digits);

  return g_test_run ();
}
