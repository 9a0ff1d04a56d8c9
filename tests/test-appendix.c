/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ph-appendix.h"
#include "ph-digest.h"
#include "ph-template.h"
#include "ph-test-batch.h"
#include "ph-test-util.h"

#define PYTHON "/usr/bin/python3"

static const char *
channel_label (const char *key)
{
  if (g_strcmp0 (key, "call") == 0)
    return "Cuộc gọi";
  if (g_strcmp0 (key, "sms") == 0)
    return "Tin nhắn SMS";
  if (g_strcmp0 (key, "app") == 0)
    return "Ứng dụng (Zalo, Viber…)";
  return "Khác";
}

static const char *
category_label (const char *key)
{
  static const char *map[][2] = {
    { "scam", "Lừa đảo" }, { "spam", "Quảng cáo rác" },
    { "impersonation", "Mạo danh cơ quan nhà nước" }, { "threat", "Đe dọa, quấy rối" },
    { "debt", "Đòi nợ" }, { "other", "Khác" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (key, map[i][0]) == 0)
      return map[i][1];
  g_assert_not_reached ();
}

/* The bundle name each file must have, worked out independently of the code under test. */
static char *
expected_name (guint                     index,
               const PhAppendixRow      *row,
               const PhAppendixEvidence *evidence,
               guint                     nth)
{
  const char *slug = g_str_equal (evidence->kind, "recording") ? "ghiam" : "anh";
  const char *ext = g_str_equal (evidence->mime_type, "audio/amr") ? "amr"
                    : g_str_equal (evidence->mime_type, "image/jpeg") ? "jpg" : "png";
  g_autofree char *source = g_str_has_prefix (row->source_key, "+84")
                            ? g_strconcat ("0", row->source_key + 3, NULL)
                            : g_strdup (row->source_key);

  return g_strdup_printf ("%03u_%s_%s_%u.%s", index + 1, source, slug, nth, ext);
}

static char *
write_expected (const PhAppendixBatch *batch,
                gboolean               preview,
                const char            *dir)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = ph_digest_batch (batch);
  char *path = g_build_filename (dir, "expected.json", NULL);
  static const char *headings[] = {
    "STT", "Số điện thoại / nguồn phát tán", "Nhà mạng gốc", "Hình thức", "Dấu hiệu vi phạm",
    "Thời gian", "Số điện thoại nhận", "Nội dung phản ánh", "Chứng cứ", "Đơn vị phản ánh",
    "Ghi chú",
  };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "preview");
  json_builder_add_boolean_value (b, preview);
  json_builder_set_member_name (b, "parent_body");
  json_builder_add_string_value (b, "UBND TỈNH THANH HÓA");
  json_builder_set_member_name (b, "department");
  json_builder_add_string_value (b, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  json_builder_set_member_name (b, "reference");
  json_builder_add_string_value (b, "(Kèm theo Công văn số 125/SKHCN-BCVT ngày 05 tháng 8 năm 2025 "
                                    "của Sở Khoa học và Công nghệ tỉnh Thanh Hóa)");
  json_builder_set_member_name (b, "signer_name");
  json_builder_add_string_value (b, "Cao Thị Ngọc Hà");
  json_builder_set_member_name (b, "digest");
  json_builder_add_string_value (b, digest);
  json_builder_set_member_name (b, "headings");
  json_builder_begin_array (b);
  for (gsize i = 0; i < G_N_ELEMENTS (headings); i++)
    json_builder_add_string_value (b, headings[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      const PhAppendixRow *row = g_ptr_array_index (batch->rows, i);
      g_autoptr(GString) evidence = g_string_new (NULL);
      g_autofree char *category = row->impersonated != NULL
                                  ? g_strdup_printf ("%s (%s)", category_label (row->category),
                                                     row->impersonated)
                                  : g_strdup (category_label (row->category));
      g_autofree char *occurred = g_date_time_format (row->occurred, "%Y-%m-%dT%H:%M");

      for (guint j = 0, shots = 0, recs = 0; j < row->evidence->len; j++)
        {
          const PhAppendixEvidence *ev = g_ptr_array_index (row->evidence, j);
          guint nth = g_str_equal (ev->kind, "recording") ? ++recs : ++shots;
          g_autofree char *name = expected_name (i, row, ev, nth);

          g_string_append_printf (evidence, "%s%s", j > 0 ? "\n" : "", name);
        }
      if (!row->occurred_has_time)
        {
          g_free (occurred);
          occurred = g_date_time_format (row->occurred, "%Y-%m-%dT00:00");
        }

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, row->source_display);
      json_builder_set_member_name (b, "network");
      json_builder_add_string_value (b, row->network);
      json_builder_set_member_name (b, "channel");
      json_builder_add_string_value (b, channel_label (row->channel));
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, category);
      json_builder_set_member_name (b, "receiving");
      json_builder_add_string_value (b, row->receiving_number);
      json_builder_set_member_name (b, "content");
      json_builder_add_string_value (b, row->content);
      json_builder_set_member_name (b, "evidence");
      json_builder_add_string_value (b, evidence->str);
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, row->unit);
      json_builder_set_member_name (b, "notes");
      json_builder_add_string_value (b, row->notes);
      json_builder_set_member_name (b, "occurred");
      json_builder_add_string_value (b, occurred);
      json_builder_set_member_name (b, "date_format");
      json_builder_add_string_value (b, row->occurred_has_time ? "dd/mm/yyyy hh:mm" : "dd/mm/yyyy");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "evidence");
  json_builder_begin_array (b);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      const PhAppendixRow *row = g_ptr_array_index (batch->rows, i);

      for (guint j = 0, shots = 0, recs = 0; j < row->evidence->len; j++)
        {
          const PhAppendixEvidence *ev = g_ptr_array_index (row->evidence, j);
          guint nth = g_str_equal (ev->kind, "recording") ? ++recs : ++shots;
          g_autofree char *name = expected_name (i, row, ev, nth);
          g_autofree char *bundle_path = g_strconcat ("chung-cu/", name, NULL);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "stt");
          json_builder_add_int_value (b, i + 1);
          json_builder_set_member_name (b, "path");
          json_builder_add_string_value (b, bundle_path);
          json_builder_set_member_name (b, "size");
          json_builder_add_int_value (b, ev->size);
          json_builder_set_member_name (b, "sha256");
          json_builder_add_string_value (b, ev->sha256);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_to_file (gen, path, &error);
  g_assert_no_error (error);

  return path;
}

static void
run_checker (const char *script,
             const char *workbook,
             const char *expected)
{
  g_autofree char *script_path = g_test_build_filename (G_TEST_DIST, script, NULL);
  const char *argv[] = { PYTHON, script_path, workbook, expected, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_printerr ("%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
have_openpyxl (void)
{
  const char *argv[] = { PYTHON, "-c", "import openpyxl", NULL };
  int status = 1;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, NULL);
  return g_spawn_check_wait_status (status, NULL);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
check_workbook (gboolean preview)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("appendix");
  g_autofree char *path = g_build_filename (dir, "phu-luc.xlsx", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(PhAppendixBatch) batch = ph_test_make_batch (40, NULL, !preview);
  g_autoptr(GError) error = NULL;
  double last = 0;

  if (!have_openpyxl ())
    {
      g_test_skip ("/usr/bin/python3 with openpyxl is needed to read the workbook back");
      return;
    }

  ph_appendix_write (batch, path, preview, NULL, progress_cb, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);

  expected = write_expected (batch, preview, dir);
  run_checker ("check-appendix.py", path, expected);
}

static void
test_appendix_workbook (void)
{
  check_workbook (FALSE);
}

static void
test_appendix_preview (void)
{
  check_workbook (TRUE);
}

static void
test_appendix_refuses_unapproved (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("appendix");
  g_autofree char *path = g_build_filename (dir, "phu-luc.xlsx", NULL);
  g_autoptr(PhAppendixBatch) batch = ph_test_make_batch (3, NULL, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_false (ph_appendix_write (batch, path, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_NOT_APPROVED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_appendix_refuses_changed (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("appendix");
  g_autofree char *path = g_build_filename (dir, "phu-luc.xlsx", NULL);
  g_autoptr(PhAppendixBatch) batch = ph_test_make_batch (3, NULL, TRUE);
  PhAppendixRow *row = g_ptr_array_index (batch->rows, 1);
  g_autoptr(GError) error = NULL;

  /* One character of the content changed after approval. */
  g_free (row->content);
  row->content = g_strdup ("Nội dung đã bị sửa sau khi ký");

  g_assert_false (ph_appendix_write (batch, path, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_CHANGED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_appendix_unknown_category (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("appendix");
  g_autofree char *path = g_build_filename (dir, "phu-luc.xlsx", NULL);
  g_autoptr(PhAppendixBatch) batch = ph_test_make_batch (3, NULL, FALSE);
  PhAppendixRow *row = g_ptr_array_index (batch->rows, 2);
  g_autoptr(GError) error = NULL;

  g_free (row->category);
  row->category = g_strdup ("phishing");

  g_assert_false (ph_appendix_write (batch, path, TRUE, NULL, NULL, NULL, &error));
  g_assert_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "phishing"));
  g_assert_nonnull (strstr (error->message, "PA-2025-00103"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_appendix_cancel (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("appendix");
  g_autofree char *path = g_build_filename (dir, "phu-luc.xlsx", NULL);
  g_autoptr(PhAppendixBatch) batch = ph_test_make_batch (600, NULL, TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (ph_appendix_write (batch, path, FALSE, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_appendix_unnumbered (void)
{
  g_autoptr(PhAppendixBatch) batch = ph_test_make_batch (1, NULL, FALSE);
  g_autoptr(PhTemplate) tpl = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  tpl = ph_template_load (NULL, &error);
  g_assert_no_error (error);

  /* Not numbered or dated yet: blanks to fill in by hand, as on the seeds' drafts. */
  g_clear_pointer (&batch->number, g_free);
  batch->date_day = 0;
  line = ph_appendix_dup_reference (batch, tpl, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "(Kèm theo Công văn số "));
  g_assert_nonnull (strstr (line, " /SKHCN-BCVT ngày "));
  g_assert_nonnull (strstr (line, " tháng 8 năm 2025 của Sở Khoa học"));

  /* Days below 10 and January, February take a leading 0 (Nghị định 30/2020). */
  g_clear_pointer (&line, g_free);
  batch->date_day = 7;
  batch->date_month = 2;
  line = ph_appendix_dup_reference (batch, tpl, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (line, " ngày 07 tháng 02 năm 2025 "));
}

/* The template */

static char *
builtin_template (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PHANANH_SOURCE_ROOT"), "data",
                                            "appendix-template.ini", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
expect_template_error (const char *text,
                       int         code,
                       const char *names)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhTemplate) tpl = ph_template_new_from_data (text, -1, "mau.ini", &error);

  g_assert_null (tpl);
  g_assert_error (error, PH_TEMPLATE_ERROR, code);
  if (strstr (error->message, names) == NULL)
    g_error ("“%s” does not name “%s”", error->message, names);
}

static void
test_template_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhTemplate) tpl = ph_template_load (NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ph_template_get (tpl, "document", "national_name", NULL), ==,
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  g_assert_cmpstr (ph_template_get (tpl, "sheets", "evidence", NULL), ==, "Chứng cứ");

  text = ph_template_expand (tpl, "document", "digest", &error,
                             "batch", "DG-1", "digest", "ab", NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Mã kiểm tra nội dung đợt gửi DG-1 (SHA-256): ab");

  g_assert_null (ph_template_get (tpl, "categories", "phishing", &error));
  g_assert_error (error, PH_TEMPLATE_ERROR, PH_TEMPLATE_ERROR_MISSING_KEY);
  g_assert_nonnull (strstr (error->message, "phishing"));
}

static void
test_template_missing_key (void)
{
  g_autofree char *text = builtin_template ();
  g_autoptr(GRegex) regex = g_regex_new ("^motto=.*$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *broken = g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);

  expect_template_error (broken, PH_TEMPLATE_ERROR_MISSING_KEY, "motto");
}

static void
test_template_empty_key (void)
{
  g_autofree char *text = builtin_template ();
  g_autoptr(GRegex) regex = g_regex_new ("^title=.*$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *broken = g_regex_replace_literal (regex, text, -1, 0, "title=  ", 0, NULL);

  expect_template_error (broken, PH_TEMPLATE_ERROR_MISSING_KEY, "title");
}

static void
test_template_unknown_key (void)
{
  g_autofree char *text = builtin_template ();
  g_autoptr(GRegex) regex = g_regex_new ("^appendix=Phụ lục$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *broken = g_regex_replace_literal (regex, text, -1, 0,
                                                     "apendix=Phụ lục", G_REGEX_MATCH_NOTEMPTY,
                                                     NULL);

  /* The first occurrence is in [document]: "apendix" is a typo, named as such. */
  expect_template_error (broken, PH_TEMPLATE_ERROR_UNKNOWN_KEY, "apendix");
}

static void
test_template_bad_placeholder (void)
{
  g_autofree char *text = builtin_template ();
  g_autoptr(GRegex) regex = g_regex_new ("\\{issuer\\}", 0, 0, NULL);
  g_autofree char *broken = g_regex_replace_literal (regex, text, -1, 0, "{isuer}", 0, NULL);

  expect_template_error (broken, PH_TEMPLATE_ERROR_PLACEHOLDER, "{isuer}");
}

static void
test_template_override (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("template");
  g_autofree char *path = g_build_filename (dir, "appendix-template.ini", NULL);
  g_autofree char *text = builtin_template ();
  g_autoptr(GRegex) regex = g_regex_new ("^title=.*$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *custom = g_regex_replace_literal (regex, text, -1, 0,
                                                     "title=DANH SÁCH THUÊ BAO ĐỀ NGHỊ XỬ LÝ",
                                                     0, NULL);
  g_autoptr(PhTemplate) tpl = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, custom, -1, &error);
  g_assert_no_error (error);
  tpl = ph_template_load (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ph_template_get (tpl, "document", "title", NULL), ==,
                   "DANH SÁCH THUÊ BAO ĐỀ NGHỊ XỬ LÝ");
  g_assert_cmpstr (ph_template_get_origin (tpl), ==, path);
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);

  g_test_add_func ("/phananh/appendix/workbook", test_appendix_workbook);
  g_test_add_func ("/phananh/appendix/preview", test_appendix_preview);
  g_test_add_func ("/phananh/appendix/refuses-unapproved", test_appendix_refuses_unapproved);
  g_test_add_func ("/phananh/appendix/refuses-changed", test_appendix_refuses_changed);
  g_test_add_func ("/phananh/appendix/unknown-category", test_appendix_unknown_category);
  g_test_add_func ("/phananh/appendix/cancel", test_appendix_cancel);
  g_test_add_func ("/phananh/appendix/unnumbered", test_appendix_unnumbered);
  g_test_add_func ("/phananh/appendix/template-builtin", test_template_builtin);
  g_test_add_func ("/phananh/appendix/template-missing-key", test_template_missing_key);
  g_test_add_func ("/phananh/appendix/template-empty-key", test_template_empty_key);
  g_test_add_func ("/phananh/appendix/template-unknown-key", test_template_unknown_key);
  g_test_add_func ("/phananh/appendix/template-bad-placeholder", test_template_bad_placeholder);
  g_test_add_func ("/phananh/appendix/template-override", test_template_override);

  return g_test_run ();
}
