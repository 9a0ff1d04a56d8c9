/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small evidence files whose content is what their name says: the store and the
 * intake detect the type from the content, so the fixtures must be real. */

#include "config.h"

#include <string.h>

#include "ph-test-evidence.h"

/* A 2×2 PNG, red and white. */
static const guint8 png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a,
  0x73, 0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0xff, 0xff, 0x7f, 0x10, 0x06, 0xb2, 0x00, 0x39, 0xd4, 0x07, 0xf9, 0x61, 0x36, 0xf9, 0x78, 0x00,
  0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static GBytes *
make_wav (void)
{
  /* 0.1 s of 8 kHz 16-bit mono silence. */
  const guint32 samples = 800, data_size = samples * 2;
  GByteArray *out = g_byte_array_new ();
  guint8 header[44];
  guint32 v32;
  guint16 v16;

  memcpy (header, "RIFF", 4);
  v32 = GUINT32_TO_LE (36 + data_size); memcpy (header + 4, &v32, 4);
  memcpy (header + 8, "WAVEfmt ", 8);
  v32 = GUINT32_TO_LE (16); memcpy (header + 16, &v32, 4);
  v16 = GUINT16_TO_LE (1); memcpy (header + 20, &v16, 2);
  v16 = GUINT16_TO_LE (1); memcpy (header + 22, &v16, 2);
  v32 = GUINT32_TO_LE (8000); memcpy (header + 24, &v32, 4);
  v32 = GUINT32_TO_LE (16000); memcpy (header + 28, &v32, 4);
  v16 = GUINT16_TO_LE (2); memcpy (header + 32, &v16, 2);
  v16 = GUINT16_TO_LE (16); memcpy (header + 34, &v16, 2);
  memcpy (header + 36, "data", 4);
  v32 = GUINT32_TO_LE (data_size); memcpy (header + 40, &v32, 4);
  g_byte_array_append (out, header, sizeof header);
  for (guint32 i = 0; i < data_size; i++)
    g_byte_array_append (out, (const guint8 *) "\0", 1);

  return g_byte_array_free_to_bytes (out);
}

/**
 * ph_test_make_evidence:
 * @dir: the folder to write in
 * @name: the file's name
 * @kind: "png", "jpeg", "wav", "amr", "mp3", "pdf", "text" or "empty"
 *
 * Returns: (transfer full): the path of the new file
 */
char *
ph_test_make_evidence (const char *dir,
                       const char *name,
                       const char *kind)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  /* Each file differs (the name is in it), so none is stored twice by hash. */
  g_autofree char *salt = g_strdup_printf ("%s:%s", name, kind);

  if (g_str_equal (kind, "png"))
    bytes = g_bytes_new_static (png, sizeof png);
  else if (g_str_equal (kind, "jpeg"))
    {
      static const guint8 jfif[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0,
                                     1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9 };
      bytes = g_bytes_new_static (jfif, sizeof jfif);
    }
  else if (g_str_equal (kind, "wav"))
    bytes = make_wav ();
  else if (g_str_equal (kind, "amr"))
    {
      static const guint8 amr[] = "#!AMR\n\x3c\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00";
      bytes = g_bytes_new_static (amr, sizeof amr - 1);
    }
  else if (g_str_equal (kind, "mp3"))
    {
      static const guint8 mp3[] = "ID3\x03\x00\x00\x00\x00\x00\x00\xff\xfb\x90\x64\x00\x00\x00\x00";
      bytes = g_bytes_new_static (mp3, sizeof mp3 - 1);
    }
  else if (g_str_equal (kind, "pdf"))
    {
      static const char pdf[] =
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        "trailer << /Root 1 0 R >>\n%%EOF\n";
      bytes = g_bytes_new_static (pdf, sizeof pdf - 1);
    }
  else if (g_str_equal (kind, "text"))
    {
      static const char text[] = "Ghi chú: không phải chứng cứ\n";
      bytes = g_bytes_new_static (text, sizeof text - 1);
    }
  else if (g_str_equal (kind, "empty"))
    bytes = g_bytes_new_static ("", 0);
  else
    g_assert_not_reached ();

  {
    gsize len;
    const guint8 *data = g_bytes_get_data (bytes, &len);
    g_autoptr(GByteArray) content = g_byte_array_new ();

    g_byte_array_append (content, data, (guint) len);
    /* Trailing bytes after the end markers change nothing for the readers. */
    if (len > 0 && !g_str_equal (kind, "text"))
      g_byte_array_append (content, (const guint8 *) salt, (guint) strlen (salt));
    g_file_set_contents (path, (const char *) content->data, content->len, &error);
    g_assert_no_error (error);
  }

  return g_steal_pointer (&path);
}
