/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ph-csv.h"
#include "ph-test-util.h"

#define PYTHON "/usr/bin/python3"

static void
test_csv_neutralise (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "=HYPERLINK(\"http://x\";\"y\")", "'=HYPERLINK(\"http://x\";\"y\")" },
    { "+84912345678", "'+84912345678" },
    { "-1+2", "'-1+2" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tcmd", "'\tcmd" },
    { "\rcmd", "'\rcmd" },
    { "0912 345 678", "0912 345 678" },
    { "Lừa đảo = chiếm đoạt", "Lừa đảo = chiếm đoạt" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = ph_csv_neutralise (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_csv_quoting (void)
{
  const char *cells[] = { "a,b", "say \"hi\"", "two\nlines", "plain", NULL, "=1+1" };
  g_autofree char *line = ph_csv_format_row (cells, G_N_ELEMENTS (cells));

  g_assert_cmpstr (line, ==, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain,,'=1+1\r\n");
}

static void
test_csv_round_trip (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("csv");
  g_autofree char *path = g_build_filename (dir, "danh-sach.csv", NULL);
  g_autofree char *expected = g_build_filename (dir, "expected.json", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-csv.py", NULL);
  const char *rows[][4] = {
    { "Mã", "Nguồn", "Nội dung", "Đơn vị" },
    { "PA-2025-00101", "0912 345 678", "Mạo danh Công an tỉnh, yêu cầu chuyển tiền",
      "UBND xã Quảng Phú" },
    { "PA-2025-00102", "+84862345679", "=HYPERLINK(\"http://km.example\";\"Nhận quà\")",
      "Sở Y tế, Đắk Lắk" },
    { "PA-2025-00103", "VAYNHANH24H", "Dòng 1\r\nDòng 2 \"trích\"", "@người dân" },
  };
  const char *want[][4] = {
    { "Mã", "Nguồn", "Nội dung", "Đơn vị" },
    { "PA-2025-00101", "0912 345 678", "Mạo danh Công an tỉnh, yêu cầu chuyển tiền",
      "UBND xã Quảng Phú" },
    { "PA-2025-00102", "'+84862345679", "'=HYPERLINK(\"http://km.example\";\"Nhận quà\")",
      "Sở Y tế, Đắk Lắk" },
    { "PA-2025-00103", "VAYNHANH24H", "Dòng 1\r\nDòng 2 \"trích\"", "'@người dân" },
  };
  g_autoptr(PhCsvWriter) writer = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 1;

  writer = ph_csv_writer_new (path, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_true (ph_csv_writer_add_row (writer, rows[i], 4, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (ph_csv_writer_close (writer, NULL, &error));
  g_assert_no_error (error);

  json_builder_begin_array (b);
  for (gsize i = 0; i < G_N_ELEMENTS (want); i++)
    {
      json_builder_begin_array (b);
      for (gsize j = 0; j < 4; j++)
        json_builder_add_string_value (b, want[i][j]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_to_file (gen, expected, &error);
  g_assert_no_error (error);

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is needed to read the CSV back");
      return;
    }
  {
    const char *argv[] = { PYTHON, script, path, expected, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                  &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_printerr ("%s", out);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
}

static void
test_csv_unfinished_keeps_old (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("csv");
  g_autofree char *path = g_build_filename (dir, "danh-sach.csv", NULL);
  const char *cells[] = { "mới" };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PhCsvWriter *writer;

  g_file_set_contents (path, "cũ", -1, &error);
  g_assert_no_error (error);
  writer = ph_csv_writer_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (ph_csv_writer_add_row (writer, cells, 1, NULL, &error));
  /* Abandoned (cancelled export): the previous file stays as it was. */
  ph_csv_writer_free (writer);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "cũ");
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);

  g_test_add_func ("/phananh/csv/neutralise", test_csv_neutralise);
  g_test_add_func ("/phananh/csv/quoting", test_csv_quoting);
  g_test_add_func ("/phananh/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/phananh/csv/unfinished-keeps-old", test_csv_unfinished_keeps_old);

  return g_test_run ();
}
