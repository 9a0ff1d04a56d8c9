/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A realistic batch built in memory, for the export tests and the benchmark: the Thanh
 * Hóa department of the seeds, reports from communes, the police and citizens. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ph-digest.h"
#include "ph-test-batch.h"

static const char *units[] = {
  "UBND phường Hạc Thành",
  "UBND xã Quảng Phú",
  "Công an tỉnh Thanh Hóa",
  "Sở Y tế",
  "Trường THPT Lam Sơn",
  "Người dân (ông Lê Văn Bình)",
  "Viettel Thanh Hóa",
  "UBND xã Hoằng Hóa",
};

static const struct {
  const char *channel;
  const char *category;
  const char *impersonated;
  const char *content;
} cases[] = {
  { "call", "impersonation", "Công an tỉnh",
    "Tự xưng cán bộ Công an tỉnh, thông báo số thuê bao liên quan đường dây mua bán ma túy, "
    "yêu cầu chuyển tiền vào \"tài khoản tạm giữ\" để phối hợp điều tra." },
  { "call", "impersonation", "Sở Thông tin và Truyền thông",
    "Mạo danh cán bộ Sở gọi điện thông báo thu hồi số thuê bao do chưa chuẩn hóa thông tin, "
    "hướng dẫn nộp tiền để không bị khóa." },
  { "sms", "scam", NULL,
    "[VCB] Tai khoan cua quy khach bi tam khoa. Vui long truy cap vcb-xacthuc.com de mo khoa "
    "trong 24h." },
  { "sms", "spam", NULL,
    "Vay nhanh 50 trieu chi can CCCD, giai ngan 5 phut, lai suat 0%. LH 0901 234 567." },
  { "call", "debt", NULL,
    "Gọi điện đòi nợ khoản vay qua ứng dụng, lời lẽ xúc phạm, dọa gửi ảnh cho người thân "
    "trong danh bạ." },
  { "call", "threat", NULL, "Gọi nhiều lần trong đêm, đe dọa, quấy rối cán bộ tiếp dân." },
  { "app", "scam", NULL,
    "Nhắn qua Zalo mời làm cộng tác viên \"chốt đơn\" hưởng hoa hồng, yêu cầu nộp tiền trước." },
  { "sms", "spam", NULL, "=HYPERLINK(\"http://km.example\";\"Nhận quà\") Khuyến mãi 50% cước." },
};

static const struct {
  const char *key, *display, *network;
} sources[] = {
  { "+84912345678", "0912 345 678", "VinaPhone" },
  { "+84862345679", "0862 345 679", "Viettel" },
  { "+84702345680", "0702 345 680", "MobiFone" },
  { "+84522345681", "0522 345 681", "Vietnamobile" },
  { "+84332345682", "0332 345 682", "Viettel" },
  { "+842373851234", "0237 385 1234", NULL },
  { "+84592345683", "0592 345 683", "Gmobile" },
  { "VAYNHANH24H", "VAYNHANH24H", NULL },
};

static PhAppendixEvidence *
make_evidence (const char *dir,
               const char *kind,
               const char *mime,
               const char *name,
               guint       seed)
{
  PhAppendixEvidence *evidence = ph_appendix_evidence_new ();
  g_autofree char *content = g_strdup_printf ("%s evidence %u %s\n", kind, seed, name);

  evidence->kind = g_strdup (kind);
  evidence->mime_type = g_strdup (mime);
  evidence->original_name = g_strdup (name);
  evidence->size = (gint64) strlen (content);
  evidence->sha256 = ph_digest_sha256_bytes (content, strlen (content));

  if (dir != NULL)
    {
      g_autoptr(GError) error = NULL;

      evidence->path = g_build_filename (dir, evidence->sha256, NULL);
      g_file_set_contents (evidence->path, content, -1, &error);
      g_assert_no_error (error);
    }

  return evidence;
}

/**
 * ph_test_make_batch:
 * @n_rows: how many entries
 * @evidence_dir: (nullable): a folder to create the evidence files in, or %NULL to
 *   leave them without files
 * @approved: sign the batch off with a fresh key
 *
 * Returns: (transfer full): a batch like the department's
 */
PhAppendixBatch *
ph_test_make_batch (guint       n_rows,
                    const char *evidence_dir,
                    gboolean    approved)
{
  PhAppendixBatch *batch = ph_appendix_batch_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+07:00");

  batch->parent_body = g_strdup ("UBND TỈNH THANH HÓA");
  batch->department = g_strdup ("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  batch->issuer = g_strdup ("Sở Khoa học và Công nghệ tỉnh Thanh Hóa");
  batch->place = g_strdup ("Thanh Hóa");
  batch->code = g_strdup ("DG-2025-007");
  batch->number = g_strdup ("125");
  batch->symbol = g_strdup ("SKHCN-BCVT");
  batch->date_year = 2025;
  batch->date_month = 8;
  batch->date_day = 5;
  batch->recipient = g_strdup ("Cục Viễn thông - Bộ Khoa học và Công nghệ");
  batch->subject = g_strdup ("V/v đề nghị xử lý các số điện thoại di động có dấu hiệu vi phạm "
                             "pháp luật");
  batch->signer_authority = g_strdup ("KT. GIÁM ĐỐC");
  batch->signer_title = g_strdup ("PHÓ GIÁM ĐỐC");
  batch->signer_name = g_strdup ("Cao Thị Ngọc Hà");

  for (guint i = 0; i < n_rows; i++)
    {
      PhAppendixRow *row = ph_appendix_row_new ();
      guint c = i % G_N_ELEMENTS (cases);
      guint s = (i * 7 + i / 3) % G_N_ELEMENTS (sources);

      row->code = g_strdup_printf ("PA-2025-%05u", 101 + i);
      row->source_key = g_strdup (sources[s].key);
      row->source_display = g_strdup (sources[s].display);
      row->network = g_strdup (sources[s].network);
      row->channel = g_strdup (cases[c].channel);
      row->category = g_strdup (cases[c].category);
      row->impersonated = g_strdup (cases[c].impersonated);
      row->occurred = g_date_time_new (tz, 2025, 7, 1 + i % 28, 8 + i % 12, (i * 13) % 60, 0);
      row->occurred_has_time = i % 5 != 4;
      row->receiving_number = g_strdup_printf ("09%02u %03u %03u", 10 + i % 80, (i * 37) % 1000,
                                               (i * 91) % 1000);
      row->content = g_strdup (cases[c].content);
      row->unit = g_strdup (units[i % G_N_ELEMENTS (units)]);
      row->notes = i % 4 == 0 ? g_strdup ("Đã phản ánh qua tổng đài 156") : NULL;

      if (g_strcmp0 (cases[c].channel, "call") == 0)
        {
          g_ptr_array_add (row->evidence,
                           make_evidence (evidence_dir, "recording", "audio/amr",
                                          "ghi_am_cuoc_goi.amr", i));
          g_ptr_array_add (row->evidence,
                           make_evidence (evidence_dir, "screenshot", "image/jpeg",
                                          "Screenshot_call.jpg", i));
        }
      else
        g_ptr_array_add (row->evidence,
                         make_evidence (evidence_dir, "screenshot", "image/png",
                                        "tin_nhan.png", i));

      g_ptr_array_add (batch->rows, row);
    }

  if (approved)
    ph_test_approve_batch (batch);

  return batch;
}

/**
 * ph_test_approve_batch:
 * @batch: a batch
 *
 * Signs @batch off as the batches code does: digest, a fresh key, the signature.
 */
void
ph_test_approve_batch (PhAppendixBatch *batch)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sealed = NULL;
  g_autoptr(PhSigningKey) key = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+07:00");
  const char *password = "mat-khau-thu-nghiem";

  g_clear_pointer (&batch->public_key_hex, g_free);
  g_clear_pointer (&batch->digest_hex, g_free);
  g_clear_pointer (&batch->signature_hex, g_free);
  g_clear_pointer (&batch->approved_at, g_date_time_unref);

  /* The test suites hash with the minimum cost, as the crypto tests do. */
  ph_crypto_set_cost (PH_CRYPTO_COST_MINIMUM);
  g_assert_true (ph_crypto_generate_key_pair (password, &batch->public_key_hex, &sealed, &error));
  g_assert_no_error (error);
  key = ph_crypto_unseal_secret_key (sealed, batch->public_key_hex, password, &error);
  g_assert_no_error (error);

  batch->digest_hex = ph_digest_batch (batch);
  batch->signature_hex = ph_digest_sign (batch->digest_hex, key, &error);
  g_assert_no_error (error);
  batch->approved = TRUE;
  g_free (batch->approver);
  batch->approver = g_strdup ("Cao Thị Ngọc Hà");
  batch->approved_at = g_date_time_new (tz, 2025, 8, 4, 16, 30, 0);
}
