/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-demo.c: realistic synthetic data for trying the application, the tests
 * and the benchmarks — the units, numbers and wording of the provincial
 * dispatches in the seeds. Deterministic for a given seed.
 *
 * The Vietnamese text here is data (what citizens and units write), not
 * interface text, so it is not translated. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ph-demo.h"
#include "ph-store-entries.h"

/* Documents per transaction: big enough to be fast, small enough to stop soon. */
#define DOCUMENTS_PER_COMMIT 2000

static const char * const units[] = {
  "UBND xã Quảng Xương", "UBND xã Hoằng Hóa", "UBND phường Hạc Thành", "UBND phường Sầm Sơn",
  "UBND xã Nông Cống", "UBND xã Thọ Xuân", "UBND phường Nghi Sơn", "UBND xã Hậu Lộc",
  "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp",
  "Công an tỉnh", "Công an xã Quảng Xương", "Ban Quản lý Khu kinh tế Nghi Sơn",
  "Viettel Thanh Hóa", "VNPT Thanh Hóa", "MobiFone Thanh Hóa", "Báo và Phát thanh, Truyền hình Thanh Hóa",
  "Bệnh viện Đa khoa tỉnh", "Trường THPT Hàm Rồng",
};

static const char * const unit_symbols[] = {
  "UBND-VP", "UBND-VP", "UBND-VP", "UBND-VP", "UBND-VP", "UBND-VP", "UBND-VP", "UBND-VP",
  "SYT-VP", "SGDĐT-VP", "STC-VP", "SNV-VP", "STP-VP", "CAT-PA05", "CAX", "BQLKKT-VP",
  "VTT-KD", "VNPT-KD", "MBF-KD", "BPTTH-VP", "BVĐK-HCQT", "THPTHR",
};

/* Mobile prefixes over every network of the numbering plan. */
static const char * const mobile_prefixes[] = {
  "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
  "081", "082", "083", "084", "085", "088", "091", "094",
  "070", "076", "077", "078", "079", "089", "090", "093",
  "052", "056", "058", "092", "059", "087", "055",
};

static const char * const brandnames[] = {
  "VAYNHANH24", "TAICHINHVN", "FECREDIT", "KHUYENMAI", "NHANQUA", "DIENMAYXANH",
};

typedef struct
{
  PhCategory   category;
  PhChannel    channel;
  const char  *impersonated;
  const char  *content;
} Template;

static const Template templates[] = {
  { PH_CATEGORY_IMPERSONATION, PH_CHANNEL_CALL, "Sở Thông tin và Truyền thông",
    "Tự xưng cán bộ Sở Thông tin và Truyền thông, thông báo thuê bao không đủ điều kiện về đăng ký thông tin và sẽ bị thu hồi trong 2 giờ, yêu cầu nộp tiền để không bị thu hồi số." },
  { PH_CATEGORY_IMPERSONATION, PH_CHANNEL_CALL, "Sở Khoa học và Công nghệ",
    "Mạo danh cán bộ Sở gọi điện thông báo số thuê bao bị khóa hai chiều do chưa chuẩn hóa thông tin, hướng dẫn cài ứng dụng lạ để xác thực." },
  { PH_CATEGORY_IMPERSONATION, PH_CHANNEL_CALL, "Công an tỉnh",
    "Tự xưng cán bộ Công an tỉnh, thông báo số thuê bao liên quan đến đường dây mua bán ma túy đang bị điều tra, yêu cầu chuyển tiền vào tài khoản tạm giữ để phối hợp xử lý." },
  { PH_CATEGORY_IMPERSONATION, PH_CHANNEL_APP, "Công an tỉnh",
    "Gọi video qua Zalo, mặc sắc phục công an, yêu cầu cung cấp số căn cước công dân và mã OTP." },
  { PH_CATEGORY_DEBT_COLLECTION, PH_CHANNEL_CALL, NULL,
    "Gọi điện đòi nợ khoản vay qua ứng dụng vay tiền trực tuyến của người khác, đe dọa đăng thông tin cá nhân lên mạng xã hội và gọi cho người thân trong danh bạ." },
  { PH_CATEGORY_DEBT_COLLECTION, PH_CHANNEL_SMS, NULL,
    "Tin nhắn đòi nợ app vay online, lăng mạ, dọa đến tận nhà và cơ quan nếu không trả nợ trong hôm nay." },
  { PH_CATEGORY_SCAM, PH_CHANNEL_SMS, NULL,
    "Tin nhắn thông báo trúng thưởng xe máy, yêu cầu nộp phí nhận giải qua đường link lạ." },
  { PH_CATEGORY_SCAM, PH_CHANNEL_CALL, "Ngân hàng",
    "Giả danh nhân viên ngân hàng, đề nghị cung cấp mã OTP để nâng hạn mức thẻ tín dụng." },
  { PH_CATEGORY_SCAM, PH_CHANNEL_CALL, NULL,
    "Gọi điện báo người thân đang cấp cứu tại bệnh viện, yêu cầu chuyển khoản gấp tiền viện phí." },
  { PH_CATEGORY_SPAM, PH_CHANNEL_SMS, NULL,
    "Tin nhắn quảng cáo vay tiền nhanh lãi suất 0%, giải ngân trong 5 phút, không cần thế chấp." },
  { PH_CATEGORY_SPAM, PH_CHANNEL_CALL, NULL,
    "Cuộc gọi rác quảng cáo bất động sản, mời mua đất nền dự án, gọi nhiều lần trong ngày." },
  { PH_CATEGORY_SPAM, PH_CHANNEL_SMS, NULL,
    "Tin nhắn rác quảng cáo khóa học làm giàu, đầu tư tiền ảo lợi nhuận cao." },
  { PH_CATEGORY_THREAT, PH_CHANNEL_CALL, "Sở Thông tin và Truyền thông",
    "Giả mạo danh nghĩa công chức Sở gọi điện đe dọa, quấy rối, gây ảnh hưởng không tốt trong dư luận." },
  { PH_CATEGORY_THREAT, PH_CHANNEL_SMS, NULL,
    "Nhắn tin đe dọa, khủng bố tinh thần, gửi ảnh ghép xúc phạm danh dự." },
  { PH_CATEGORY_OTHER, PH_CHANNEL_CALL, NULL,
    "Cuộc gọi nháy máy một hồi chuông rồi tắt, gọi lại bị trừ tiền." },
};

static const char * const summaries[] = {
  "Tổng hợp phản ánh số điện thoại có dấu hiệu lừa đảo",
  "Phản ánh cuộc gọi mạo danh cơ quan nhà nước",
  "Cung cấp thông tin số thuê bao có dấu hiệu vi phạm pháp luật",
  "Phản ánh tin nhắn rác, cuộc gọi rác trên địa bàn",
  "Báo cáo số điện thoại đòi nợ thuê, quấy rối",
};

static const char * const notes[] = {
  "", "", "", "Người dân phản ánh trực tiếp tại bộ phận một cửa.",
  "Đã ghi âm cuộc gọi.", "Số gọi nhiều lần trong tuần.", "Có ảnh chụp màn hình tin nhắn.",
};

/* ---- small valid files ----------------------------------------------------- */

static guint32 crc_table[256];

static void
init_crc_table (void)
{
  for (guint32 n = 0; n < 256; n++)
    {
      guint32 c = n;

      for (int k = 0; k < 8; k++)
        c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      crc_table[n] = c;
    }
}

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         len)
{
  crc ^= 0xffffffffu;
  for (gsize i = 0; i < len; i++)
    crc = crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static void
put_be32 (GByteArray *out,
          guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, b, 4);
}

static void
put_le32 (GByteArray *out,
          guint32     value)
{
  guint8 b[4] = { value, value >> 8, value >> 16, value >> 24 };

  g_byte_array_append (out, b, 4);
}

static void
put_le16 (GByteArray *out,
          guint16     value)
{
  guint8 b[2] = { value, value >> 8 };

  g_byte_array_append (out, b, 2);
}

static void
png_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           gsize         len)
{
  guint32 crc;

  put_be32 (out, (guint32) len);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (len > 0)
    g_byte_array_append (out, data, (guint) len);
  crc = crc32_update (0, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, len);
  put_be32 (out, crc);
}

/**
 * ph_demo_make_png:
 *
 * A small valid PNG (RGB, uncompressed deflate) that looks like a phone's
 * call screen in the colours @seed picks; different seeds, different bytes.
 *
 * Returns: (transfer full): the file's content
 */
GBytes *
ph_demo_make_png (guint   width,
                  guint   height,
                  guint32 seed)
{
  g_autoptr(GByteArray) raw = g_byte_array_new ();
  g_autoptr(GByteArray) zlib = g_byte_array_new ();
  GByteArray *out = g_byte_array_new ();
  guint8 header[13];
  guint32 a = 1, b = 0;
  guint8 r = 40 + seed % 160, g = 60 + (seed / 7) % 160, bl = 90 + (seed / 49) % 160;

  if (crc_table[1] == 0)
    init_crc_table ();

  for (guint y = 0; y < height; y++)
    {
      guint8 filter = 0;

      g_byte_array_append (raw, &filter, 1);
      for (guint x = 0; x < width; x++)
        {
          /* a status bar, a caller band and a green/red button row */
          guint8 px[3] = { r, g, bl };

          if (y < height / 10)
            px[0] = px[1] = px[2] = 20;
          else if (y > height * 3 / 4 && x < width / 2)
            px[0] = 30, px[1] = 190, px[2] = 70;
          else if (y > height * 3 / 4)
            px[0] = 220, px[1] = 50, px[2] = 50;
          else if ((x + y + seed) % 17 == 0)
            px[0] = px[1] = px[2] = 255;
          g_byte_array_append (raw, px, 3);
        }
    }

  /* zlib stream of stored deflate blocks: valid without a compressor */
  {
    guint8 zhead[2] = { 0x78, 0x01 };
    gsize pos = 0;

    g_byte_array_append (zlib, zhead, 2);
    while (pos < raw->len)
      {
        gsize n = MIN (raw->len - pos, 65535);
        guint8 block[5];

        block[0] = pos + n >= raw->len ? 1 : 0;
        block[1] = n & 0xff;
        block[2] = (n >> 8) & 0xff;
        block[3] = ~block[1];
        block[4] = ~block[2];
        g_byte_array_append (zlib, block, 5);
        g_byte_array_append (zlib, raw->data + pos, (guint) n);
        pos += n;
      }
    for (guint i = 0; i < raw->len; i++)
      {
        a = (a + raw->data[i]) % 65521;
        b = (b + a) % 65521;
      }
    put_be32 (zlib, (b << 16) | a);
  }

  g_byte_array_append (out, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  header[0] = width >> 24; header[1] = width >> 16; header[2] = width >> 8; header[3] = width;
  header[4] = height >> 24; header[5] = height >> 16; header[6] = height >> 8; header[7] = height;
  header[8] = 8;   /* bit depth */
  header[9] = 2;   /* RGB */
  header[10] = header[11] = header[12] = 0;
  png_chunk (out, "IHDR", header, sizeof header);
  png_chunk (out, "IDAT", zlib->data, zlib->len);
  png_chunk (out, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (out);
}

/**
 * ph_demo_make_wav:
 *
 * A short valid WAV recording (8 kHz, 16-bit mono): a tone whose pitch
 * depends on @seed.
 *
 * Returns: (transfer full): the file's content
 */
GBytes *
ph_demo_make_wav (guint   milliseconds,
                  guint32 seed)
{
  GByteArray *out = g_byte_array_new ();
  const guint rate = 8000;
  guint samples = rate * milliseconds / 1000;
  double frequency = 300.0 + (seed % 600);

  g_byte_array_append (out, (const guint8 *) "RIFF", 4);
  put_le32 (out, 36 + samples * 2);
  g_byte_array_append (out, (const guint8 *) "WAVEfmt ", 8);
  put_le32 (out, 16);
  put_le16 (out, 1);          /* PCM */
  put_le16 (out, 1);          /* mono */
  put_le32 (out, rate);
  put_le32 (out, rate * 2);
  put_le16 (out, 2);
  put_le16 (out, 16);
  g_byte_array_append (out, (const guint8 *) "data", 4);
  put_le32 (out, samples * 2);
  for (guint i = 0; i < samples; i++)
    put_le16 (out, (guint16) (gint16) (8000.0 * sin (2.0 * G_PI * frequency * i / rate)));

  return g_byte_array_free_to_bytes (out);
}

/* ---- entries --------------------------------------------------------------- */

static char *
random_mobile (GRand *rand)
{
  const char *prefix = mobile_prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (mobile_prefixes))];
  guint32 rest = (guint32) g_rand_int_range (rand, 0, 10000000);
  char digits[8];

  g_snprintf (digits, sizeof digits, "%07u", rest);

  /* every way people write a number */
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      return g_strdup_printf ("+84 %s %.3s %.4s", prefix + 1, digits, digits + 3);
    case 1:
      return g_strdup_printf ("%s.%.3s.%.4s", prefix, digits, digits + 3);
    case 2:
      return g_strdup_printf ("84%s%s", prefix + 1, digits);
    case 3:
      return g_strdup_printf ("%s%s", prefix, digits);
    default:
      return g_strdup_printf ("%s %.3s %.4s", prefix, digits, digits + 3);
    }
}

static char *
random_source (GRand      *rand,
               PhChannel   channel)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (channel == PH_CHANNEL_SMS && roll < 10)
    return g_strdup (brandnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (brandnames))]);
  if (roll < 4)
    return g_strdup_printf ("0237 %04d %03d", g_rand_int_range (rand, 3000, 10000),
                            g_rand_int_range (rand, 0, 1000));
  if (roll < 7)
    return g_strdup_printf ("1900 %04d", g_rand_int_range (rand, 1000, 10000));
  return random_mobile (rand);
}

static gboolean
write_file (const char  *dir,
            const char  *name,
            GBytes      *bytes,
            char       **path,
            GError     **error)
{
  *path = g_build_filename (dir, name, NULL);
  return g_file_set_contents (*path, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), error);
}

static gboolean
add_demo_evidence (PhStore    *store,
                   PhEntry    *entry,
                   guint32     seed,
                   gboolean    with_recording,
                   const char *tmp_dir,
                   guint       index,
                   GError    **error)
{
  g_autoptr(GBytes) png = ph_demo_make_png (72, 128, seed);
  g_autofree char *png_name = g_strdup_printf ("chup_man_hinh_%u.png", index);
  g_autofree char *png_path = NULL;
  g_autoptr(PhEvidence) shot = NULL;

  if (!write_file (tmp_dir, png_name, png, &png_path, error))
    return FALSE;
  shot = ph_store_import_evidence (store, png_path, NULL, NULL, NULL, error);
  g_unlink (png_path);
  if (shot == NULL)
    return FALSE;
  ph_entry_add_evidence (entry, shot);

  if (entry->channel == PH_CHANNEL_CALL && with_recording)
    {
      g_autoptr(GBytes) wav = ph_demo_make_wav (250, seed);
      g_autofree char *wav_name = g_strdup_printf ("ghi_am_%u.wav", index);
      g_autofree char *wav_path = NULL;
      g_autoptr(PhEvidence) recording = NULL;

      if (!write_file (tmp_dir, wav_name, wav, &wav_path, error))
        return FALSE;
      recording = ph_store_import_evidence (store, wav_path, NULL, NULL, NULL, error);
      g_unlink (wav_path);
      if (recording == NULL)
        return FALSE;
      ph_entry_add_evidence (entry, recording);
    }
  return TRUE;
}

/**
 * ph_demo_fill:
 * @n_entries: how many entries to add
 * @seed: the same seed gives the same data
 * @progress: (nullable): called with entries done and @n_entries
 *
 * Adds @n_entries realistic entries in documents of one to four entries,
 * from the province's units, over two years, with screenshots and
 * recordings unless %PH_DEMO_FLAGS_NO_EVIDENCE. About a fifth of the sources
 * are reported more than once.
 */
gboolean
ph_demo_fill (PhStore         *store,
              guint            n_entries,
              guint32          seed,
              PhDemoFlags      flags,
              PhProgressFunc   progress,
              gpointer         progress_data,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) recent = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmp_dir = NULL;
  gboolean with_evidence = (flags & PH_DEMO_FLAGS_NO_EVIDENCE) == 0;
  guint done = 0;
  guint documents = 0;
  gboolean ok = TRUE;
  g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_JANUARY, 2024);

  g_return_val_if_fail (PH_IS_STORE (store), FALSE);

  if (with_evidence)
    {
      tmp_dir = g_dir_make_tmp ("phananh-demo-XXXXXX", error);
      if (tmp_dir == NULL)
        return FALSE;
    }

  if (!ph_store_begin (store, error))
    return FALSE;

  while (done < n_entries && ok)
    {
      g_autoptr(PhDocument) document = ph_document_new ();
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
      guint unit = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (units));
      guint count = MIN ((guint) g_rand_int_range (rand, 1, 5), n_entries - done);
      g_autoptr(GDate) day = g_date_copy (start);
      char received[11];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      /* entries arrive in order of time, as they do at the department */
      g_date_add_days (day, (guint) ((guint64) done * 730 / MAX (n_entries, 1)));
      g_date_strftime (received, sizeof received, "%Y-%m-%d", day);

      document->received_on = g_strdup (received);
      document->number = g_strdup_printf ("%d/%s", g_rand_int_range (rand, 1, 3000), unit_symbols[unit]);
      document->dated_on = g_strdup (received);
      document->unit_name = g_strdup (units[unit]);
      document->delivery = (PhDelivery) g_rand_int_range (rand, PH_DELIVERY_PAPER, PH_DELIVERY_IN_PERSON + 1);
      document->summary = g_strdup (summaries[g_rand_int_range (rand, 0, G_N_ELEMENTS (summaries))]);

      for (guint i = 0; i < count; i++)
        {
          const Template *t = &templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (templates))];
          PhEntry *entry = ph_entry_new ();
          g_autofree char *receiving = random_mobile (rand);
          /* drawn with or without evidence, so that both give the same entries */
          guint32 evidence_seed = g_rand_int (rand);
          gboolean with_recording = g_rand_int_range (rand, 0, 3) > 0;

          entry->category = t->category;
          entry->channel = t->channel;
          entry->impersonated = g_strdup (t->impersonated != NULL ? t->impersonated : "");
          entry->content = g_strdup (t->content);
          entry->notes = g_strdup (notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);
          entry->receiving_number = g_strdup (receiving);
          entry->occurred_at = g_strdup_printf ("%sT%02d:%02d", received,
                                                g_rand_int_range (rand, 7, 22),
                                                g_rand_int_range (rand, 0, 60));

          if (recent->len > 0 && g_rand_int_range (rand, 0, 100) < 20)
            entry->source_input = g_strdup (g_ptr_array_index (recent,
                                            g_rand_int_range (rand, 0, (gint32) recent->len)));
          else
            {
              entry->source_input = random_source (rand, entry->channel);
              if (recent->len < 2000)
                g_ptr_array_add (recent, g_strdup (entry->source_input));
              else
                {
                  guint slot = (guint) g_rand_int_range (rand, 0, (gint32) recent->len);

                  g_free (recent->pdata[slot]);
                  recent->pdata[slot] = g_strdup (entry->source_input);
                }
            }

          if (with_evidence &&
              !add_demo_evidence (store, entry, evidence_seed, with_recording, tmp_dir,
                                  done + i + 1, error))
            {
              ph_entry_free (entry);
              ok = FALSE;
              break;
            }
          g_ptr_array_add (entries, entry);
        }

      if (!ok || ph_store_create_document (store, document, entries, error) == 0)
        {
          ok = FALSE;
          break;
        }

      done += count;
      documents++;

      if (documents % DOCUMENTS_PER_COMMIT == 0)
        {
          if (!ph_store_commit (store, error) || !ph_store_begin (store, error))
            {
              if (tmp_dir != NULL)
                g_rmdir (tmp_dir);
              return FALSE;
            }
          if (progress != NULL)
            progress (done, n_entries, progress_data);
        }
    }

  if (tmp_dir != NULL)
    g_rmdir (tmp_dir);

  if (!ok)
    {
      ph_store_rollback (store);
      return FALSE;
    }
  if (!ph_store_commit (store, error))
    return FALSE;
  if (progress != NULL)
    progress (done, n_entries, progress_data);
  return TRUE;
}
