/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-appendix.c: the official appendix workbook (Phụ lục) of a batch.
 *
 * The layout follows Nghị định 30/2020/NĐ-CP as far as a spreadsheet allows: the issuing
 * body top left and the national name and motto top right, "Phụ lục", the title, the
 * italic reference to the công văn, the table, the signature block; Times New Roman,
 * A4 landscape, the decree's margins, page numbers at the top centre.
 *
 * The workbook is written in libxlsxwriter's constant-memory mode, one row after the
 * other, so a batch of any size costs the same memory: everything on a sheet is
 * therefore written strictly top to bottom, and merged cells never span two rows. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ph-appendix.h"
#include "ph-digest.h"
#include "ph-number.h"
#include "ph-paths.h"

G_DEFINE_QUARK (ph-appendix-error-quark, ph_appendix_error)

#define FONT_NAME "Times New Roman"

/* Nghị định 30/2020/NĐ-CP, Phụ lục I: top and bottom 20–25 mm, left 30–35 mm,
 * right 15–20 mm. libxlsxwriter takes inches. */
#define MM_TO_INCH(mm) ((mm) / 25.4)
#define MARGIN_TOP    MM_TO_INCH (20.0)
#define MARGIN_BOTTOM MM_TO_INCH (20.0)
#define MARGIN_LEFT   MM_TO_INCH (30.0)
#define MARGIN_RIGHT  MM_TO_INCH (15.0)
#define MARGIN_HEADER MM_TO_INCH (10.0)

/* Excel cells hold at most 32 767 characters. */
#define MAX_CELL_CHARS 32000

/* How often the writer looks at the cancellable and reports progress. */
#define CHECK_EVERY 256

/* A one-pixel black PNG, stretched into the short rule under the agency's name. */
static const unsigned char rule_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
  0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a,
  0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60,
  0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x48, 0xaf, 0xa4, 0x71, 0x00, 0x00, 0x00, 0x00, 0x49,
  0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The appendix table. Widths are in Excel's character units. */
enum {
  COL_STT,
  COL_SOURCE,
  COL_NETWORK,
  COL_CHANNEL,
  COL_CATEGORY,
  COL_OCCURRED,
  COL_RECEIVING,
  COL_CONTENT,
  COL_EVIDENCE,
  COL_UNIT,
  COL_NOTES,
  N_COLS
};

static const struct {
  const char *key;
  double      width;
} appendix_columns[N_COLS] = {
  { "stt", 5.5 },
  { "source", 15 },
  { "network", 11 },
  { "channel", 10 },
  { "category", 13 },
  { "occurred", 16.5 },
  { "receiving", 14 },
  { "content", 34 },
  { "evidence", 29 },
  { "unit", 17 },
  { "notes", 13 },
};

/* The header block: the issuing body over the left columns, the national name and motto
 * over the right ones. */
#define LEFT_FIRST  COL_STT
#define LEFT_LAST   COL_CATEGORY
#define RIGHT_FIRST COL_CONTENT
#define RIGHT_LAST  COL_NOTES

enum {
  EV_COL_STT,
  EV_COL_CODE,
  EV_COL_SOURCE,
  EV_COL_PATH,
  EV_COL_KIND,
  EV_COL_MIME,
  EV_COL_SIZE,
  EV_COL_SHA256,
  N_EV_COLS
};

static const struct {
  const char *key;
  double      width;
} evidence_columns[N_EV_COLS] = {
  { "stt", 9 },
  { "code", 17 },
  { "source", 15 },
  { "path", 40 },
  { "kind", 18 },
  { "mime_type", 13 },
  { "size", 12 },
  { "sha256", 70 },
};

typedef struct
{
  const PhAppendixBatch *batch;
  PhTemplate            *tpl;
  gboolean               preview;
  GCancellable          *cancellable;
  PhExportProgressFunc   progress;
  gpointer               progress_data;
  guint64                work_done;
  guint64                work_total;

  lxw_workbook          *workbook;
  const char            *digest_hex;
  char                  *reference;

  lxw_format            *f_parent;
  lxw_format            *f_department;
  lxw_format            *f_national;
  lxw_format            *f_motto;
  lxw_format            *f_appendix;
  lxw_format            *f_title;
  lxw_format            *f_reference;
  lxw_format            *f_draft;
  lxw_format            *f_head;
  lxw_format            *f_cell_text;
  lxw_format            *f_cell_center;
  lxw_format            *f_cell_number;
  lxw_format            *f_cell_date;
  lxw_format            *f_cell_datetime;
  lxw_format            *f_cell_hash;
  lxw_format            *f_section;
  lxw_format            *f_total_label;
  lxw_format            *f_total_number;
  lxw_format            *f_sign;
  lxw_format            *f_sign_name;
  lxw_format            *f_small;
} Writer;

/* Records and their free functions */

PhAppendixEvidence *
ph_appendix_evidence_new (void)
{
  return g_new0 (PhAppendixEvidence, 1);
}

void
ph_appendix_evidence_free (PhAppendixEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->kind);
  g_free (evidence->sha256);
  g_free (evidence->mime_type);
  g_free (evidence->original_name);
  g_free (evidence->path);
  g_free (evidence->bundle_name);
  g_free (evidence);
}

PhAppendixRow *
ph_appendix_row_new (void)
{
  PhAppendixRow *row = g_new0 (PhAppendixRow, 1);

  row->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_appendix_evidence_free);
  return row;
}

void
ph_appendix_row_free (PhAppendixRow *row)
{
  if (row == NULL)
    return;

  g_free (row->code);
  g_free (row->source_key);
  g_free (row->source_display);
  g_free (row->network);
  g_free (row->channel);
  g_free (row->category);
  g_free (row->impersonated);
  g_clear_pointer (&row->occurred, g_date_time_unref);
  g_free (row->receiving_number);
  g_free (row->content);
  g_free (row->unit);
  g_free (row->notes);
  g_clear_pointer (&row->evidence, g_ptr_array_unref);
  g_free (row);
}

PhAppendixBatch *
ph_appendix_batch_new (void)
{
  PhAppendixBatch *batch = g_new0 (PhAppendixBatch, 1);

  batch->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_appendix_row_free);
  return batch;
}

void
ph_appendix_batch_free (PhAppendixBatch *batch)
{
  if (batch == NULL)
    return;

  g_free (batch->parent_body);
  g_free (batch->department);
  g_free (batch->issuer);
  g_free (batch->place);
  g_free (batch->code);
  g_free (batch->number);
  g_free (batch->symbol);
  g_free (batch->recipient);
  g_free (batch->subject);
  g_free (batch->signer_authority);
  g_free (batch->signer_title);
  g_free (batch->signer_name);
  g_free (batch->digest_hex);
  g_free (batch->signature_hex);
  g_free (batch->public_key_hex);
  g_free (batch->approver);
  g_clear_pointer (&batch->approved_at, g_date_time_unref);
  g_clear_pointer (&batch->rows, g_ptr_array_unref);
  g_free (batch);
}

/* Evidence file names in the bundle */

static const char *
extension_for (const PhAppendixEvidence *evidence)
{
  static const struct { const char *mime, *ext; } by_type[] = {
    { "image/png", "png" },
    { "image/jpeg", "jpg" },
    { "image/webp", "webp" },
    { "audio/amr", "amr" },
    { "audio/AMR", "amr" },
    { "audio/mpeg", "mp3" },
    { "audio/mp4", "m4a" },
    { "audio/x-m4a", "m4a" },
    { "audio/aac", "aac" },
    { "audio/wav", "wav" },
    { "audio/x-wav", "wav" },
    { "audio/ogg", "ogg" },
    { "audio/opus", "opus" },
    { "video/mp4", "mp4" },
    { "application/pdf", "pdf" },
  };

  if (evidence->mime_type != NULL)
    for (gsize i = 0; i < G_N_ELEMENTS (by_type); i++)
      if (g_ascii_strcasecmp (evidence->mime_type, by_type[i].mime) == 0)
        return by_type[i].ext;

  return NULL;
}

static char *
source_for_file_name (const char *key)
{
  GString *out = g_string_new (NULL);
  const char *p = key != NULL ? key : "";

  /* +84912345678 → 0912345678: the form the Authority and the clerks read. */
  if (g_str_has_prefix (p, "+84"))
    {
      g_string_append_c (out, '0');
      p += 3;
    }
  for (; *p != '\0' && out->len < 20; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);

  if (out->len == 0)
    g_string_append (out, "khongro");

  return g_string_free (out, FALSE);
}

static char *
evidence_bundle_name (const PhAppendixBatch    *batch,
                      PhTemplate               *tpl,
                      guint                     row_index,
                      const PhAppendixRow      *row,
                      guint                     evidence_index)
{
  const PhAppendixEvidence *evidence = g_ptr_array_index (row->evidence, evidence_index);
  g_autofree char *source = source_for_file_name (row->source_key);
  g_autofree char *ext = NULL;
  const char *slug = NULL;
  guint width = 3;
  guint nth = 0;

  for (guint n = batch->rows->len; n >= 1000; n /= 10)
    width++;

  /* The nth file of this kind in the row: ghiam_1, ghiam_2 … */
  for (guint i = 0; i <= evidence_index; i++)
    {
      const PhAppendixEvidence *other = g_ptr_array_index (row->evidence, i);

      if (g_strcmp0 (other->kind, evidence->kind) == 0)
        nth++;
    }

  if (evidence->kind != NULL)
    slug = ph_template_get (tpl, "evidence_names", evidence->kind, NULL);
  if (slug == NULL)
    slug = "tep";

  if (extension_for (evidence) != NULL)
    ext = g_strdup (extension_for (evidence));
  else if (evidence->original_name != NULL && strrchr (evidence->original_name, '.') != NULL)
    {
      const char *dot = strrchr (evidence->original_name, '.');
      GString *clean = g_string_new (NULL);

      for (const char *p = dot + 1; *p != '\0' && clean->len < 5; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (clean, g_ascii_tolower (*p));
      ext = g_string_free (clean, FALSE);
    }
  if (ext == NULL || *ext == '\0')
    {
      g_free (ext);
      ext = g_strdup ("bin");
    }

  return g_strdup_printf ("chung-cu/%0*u_%s_%s_%u.%s", (int) width, row_index + 1,
                          source, slug, nth, ext);
}

/**
 * ph_appendix_batch_assign_names:
 * @batch: a batch
 * @tpl: the appendix template (it holds the short words for each kind of evidence)
 *
 * Names every evidence file as it will be in the bundle: by row, source and kind, such
 * as `chung-cu/003_0912345678_ghiam_1.amr`. The appendix lists these names, so the
 * bundle and its workbook agree.
 */
void
ph_appendix_batch_assign_names (PhAppendixBatch *batch,
                                PhTemplate      *tpl)
{
  g_return_if_fail (batch != NULL);
  g_return_if_fail (tpl != NULL);

  for (guint i = 0; i < batch->rows->len; i++)
    {
      PhAppendixRow *row = g_ptr_array_index (batch->rows, i);

      for (guint j = 0; j < row->evidence->len; j++)
        {
          PhAppendixEvidence *evidence = g_ptr_array_index (row->evidence, j);

          g_free (evidence->bundle_name);
          evidence->bundle_name = evidence_bundle_name (batch, tpl, i, row, j);
        }
    }
}

static char *
dup_evidence_name (const Writer             *w,
                   guint                     row_index,
                   const PhAppendixRow      *row,
                   guint                     evidence_index)
{
  const PhAppendixEvidence *evidence = g_ptr_array_index (row->evidence, evidence_index);

  if (evidence->bundle_name != NULL)
    return g_strdup (evidence->bundle_name);

  return evidence_bundle_name (w->batch, w->tpl, row_index, row, evidence_index);
}

/* Text */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* What goes into a cell: valid UTF-8 in NFC without the control characters XML forbids,
 * short enough for Excel. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfc = NULL;
  GString *out;
  glong chars = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 && c != '\n' && c != '\t')
        continue;
      if (c == '\r')
        continue;
      if (++chars > MAX_CELL_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Most text needs no cleaning: NFC already, no control characters, not too long. */
static gboolean
is_clean (const char *text)
{
  gsize len = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++, len++)
    if ((*p < 0x20 && *p != '\n' && *p != '\t') || len > MAX_CELL_CHARS)
      return FALSE;

  return ph_digest_text_is_nfc (text);
}

static lxw_error
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *clean = NULL;

  if (is_blank (text))
    return worksheet_write_blank (sheet, row, col, format);
  if (is_clean (text))
    return worksheet_write_string (sheet, row, col, text, format);

  clean = clean_text (text);
  return worksheet_write_string (sheet, row, col, clean, format);
}

static lxw_error
merge_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      first,
            lxw_col_t      last,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *clean = clean_text (text);

  return worksheet_merge_range (sheet, row, first, row, last, clean, format);
}

/* Rough width in pixels of bold upper-case Times New Roman at @points, to size the rule
 * under the agency's name (the decree asks for one third to one half of the line). */
static double
estimate_text_px (const char *text,
                  double      points)
{
  double em = points * 96.0 / 72.0;
  double px = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    px += g_unichar_isspace (g_utf8_get_char (p)) ? 0.25 * em : 0.70 * em;

  return px;
}

static double
column_px (double width)
{
  /* Excel's conversion for the default font, which libxlsxwriter uses too. */
  return (double) (int) (width * 7.0 + 0.5) + 5.0;
}

/* How many lines @text takes in a wrapped cell @width wide, in Times New Roman at
 * @points. Neither Excel nor LibreOffice fits the height of a row they did not measure
 * themselves reliably, so the rows are sized here, erring on the generous side. */
static guint
estimate_lines (const char *text,
                double      width,
                double      points)
{
  double em = points * 96.0 / 72.0;
  double room = column_px (width) - 8.0;
  double px = 0;
  guint lines = 0;

  if (text == NULL || *text == '\0')
    return 1;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == 0)
        {
          /* Word wrapping leaves ragged ends: count a little more than the raw width. */
          lines += MAX (1, (guint) ceil (px * 1.04 / room));
          px = 0;
          if (c == 0)
            break;
          continue;
        }
      if (c == ' ')
        px += 0.25 * em;
      else if (c >= 0x80)
        px += 0.48 * em;
      else if (g_ascii_isupper (c) || c == 'm' || c == 'w')
        px += 0.68 * em;
      else if (c == 'i' || c == 'l' || c == 'j' || c == 't' || c == 'f' || c == 'r' ||
               c == '.' || c == ',' || c == ':' || c == ';' || c == '\'' || c == '(' || c == ')')
        px += 0.30 * em;
      else
        px += 0.46 * em;
    }

  return lines;
}

static gboolean
report_progress (Writer  *w,
                 guint64  done,
                 GError **error)
{
  w->work_done += done;
  if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
    return FALSE;
  if (w->progress != NULL && w->work_total > 0)
    w->progress (MIN (1.0, (double) w->work_done / (double) w->work_total), w->progress_data);

  return TRUE;
}

static gboolean
check (lxw_error   err,
       const char *what,
       GError    **error)
{
  if (err == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_WRITE,
               _("Could not write the appendix (%s): %s"), what, lxw_strerror (err));
  return FALSE;
}

/* Formats */

static lxw_format *
new_format (lxw_workbook *workbook,
            double        size)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, FONT_NAME);
  format_set_font_size (format, size);
  format_set_font_charset (format, 163);  /* Vietnamese */
  return format;
}

/* A format for text outside the table: its size, weight and alignment. */
static lxw_format *
new_text_format (lxw_workbook *workbook,
                 double        size,
                 gboolean      bold,
                 uint8_t       align,
                 uint8_t       vertical_align)
{
  lxw_format *format = new_format (workbook, size);

  if (bold)
    format_set_bold (format);
  format_set_align (format, align);
  if (vertical_align != LXW_ALIGN_NONE)
    format_set_align (format, vertical_align);
  return format;
}

static lxw_format *
new_cell_format (lxw_workbook *workbook,
                 double        size,
                 uint8_t       align)
{
  lxw_format *format = new_format (workbook, size);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, align);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (format);
  return format;
}

static void
make_formats (Writer *w)
{
  lxw_workbook *wb = w->workbook;

  w->f_parent = new_text_format (wb, 12, FALSE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_BOTTOM);
  w->f_department = new_text_format (wb, 12, TRUE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_BOTTOM);
  w->f_national = new_text_format (wb, 12, TRUE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_BOTTOM);

  /* The motto is underlined over its whole length, as the decree asks. */
  w->f_motto = new_text_format (wb, 13, TRUE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_BOTTOM);
  format_set_underline (w->f_motto, LXW_UNDERLINE_SINGLE);

  w->f_appendix = new_text_format (wb, 14, TRUE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER);

  w->f_title = new_text_format (wb, 14, TRUE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (w->f_title);

  w->f_reference = new_text_format (wb, 13, FALSE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_TOP);
  format_set_italic (w->f_reference);
  format_set_text_wrap (w->f_reference);

  w->f_draft = new_text_format (wb, 16, TRUE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER);
  format_set_font_color (w->f_draft, 0xC00000);
  format_set_border (w->f_draft, LXW_BORDER_MEDIUM);
  format_set_border_color (w->f_draft, 0xC00000);

  w->f_head = new_cell_format (wb, 12, LXW_ALIGN_CENTER);
  format_set_bold (w->f_head);
  format_set_align (w->f_head, LXW_ALIGN_VERTICAL_CENTER);

  /* Numbers such as 0912 345 678 are text: the leading 0 stays, and a clerk who edits
   * the cell does not turn it into 912345678. */
  w->f_cell_text = new_cell_format (wb, 12, LXW_ALIGN_LEFT);
  format_set_num_format (w->f_cell_text, "@");

  w->f_cell_center = new_cell_format (wb, 12, LXW_ALIGN_CENTER);
  format_set_num_format (w->f_cell_center, "@");

  w->f_cell_number = new_cell_format (wb, 12, LXW_ALIGN_CENTER);

  w->f_cell_date = new_cell_format (wb, 12, LXW_ALIGN_CENTER);
  format_set_num_format (w->f_cell_date, "dd/mm/yyyy");

  w->f_cell_datetime = new_cell_format (wb, 12, LXW_ALIGN_CENTER);
  format_set_num_format (w->f_cell_datetime, "dd/mm/yyyy hh:mm");

  w->f_cell_hash = new_cell_format (wb, 10, LXW_ALIGN_LEFT);
  format_set_num_format (w->f_cell_hash, "@");

  w->f_section = new_text_format (wb, 12, TRUE, LXW_ALIGN_LEFT, LXW_ALIGN_VERTICAL_BOTTOM);

  w->f_total_label = new_cell_format (wb, 12, LXW_ALIGN_CENTER);
  format_set_bold (w->f_total_label);

  w->f_total_number = new_cell_format (wb, 12, LXW_ALIGN_CENTER);
  format_set_bold (w->f_total_number);

  w->f_sign = new_text_format (wb, 13, TRUE, LXW_ALIGN_CENTER, LXW_ALIGN_NONE);
  w->f_sign_name = new_text_format (wb, 13, TRUE, LXW_ALIGN_CENTER, LXW_ALIGN_NONE);

  w->f_small = new_text_format (wb, 9, FALSE, LXW_ALIGN_LEFT, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (w->f_small);
}

/* Page setup shared by every sheet. */
static gboolean
setup_page (Writer        *w,
            lxw_worksheet *sheet,
            GError       **error)
{
  lxw_header_footer_options header_options = { .margin = MARGIN_HEADER };
  g_autofree char *header = NULL;

  worksheet_set_paper (sheet, 9);  /* A4 */
  worksheet_set_landscape (sheet);
  worksheet_set_margins (sheet, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);
  worksheet_hide_zero (sheet);

  /* Page numbers at the top centre (Nghị định 30/2020, Phụ lục I); a draft says so on
   * every printed page too. */
  if (w->preview)
    header = g_strdup_printf ("&C&\"" FONT_NAME ",Regular\"&13&P"
                              "&R&\"" FONT_NAME ",Bold\"&14&KC00000%s",
                              ph_template_get (w->tpl, "document", "draft", NULL));
  else
    header = g_strdup ("&C&\"" FONT_NAME ",Regular\"&13&P");

  return check (worksheet_set_header_opt (sheet, header, &header_options),
                "header", error);
}

/* A draft carries a boxed "DỰ THẢO" at the top right of every sheet. */
static gboolean
write_draft_stamp (Writer        *w,
                   lxw_worksheet *sheet,
                   lxw_row_t      row,
                   lxw_col_t      first,
                   lxw_col_t      last,
                   GError       **error)
{
  const char *draft = ph_template_get (w->tpl, "document", "draft", NULL);

  if (!check (worksheet_set_row (sheet, row, 24, NULL), "draft", error))
    return FALSE;
  if (first == last)
    return check (write_text (sheet, row, first, draft, w->f_draft), "draft", error);
  return check (merge_text (sheet, row, first, last, draft, w->f_draft), "draft", error);
}

/* The "Phụ lục" sheet */

static const char *
template_or_error (Writer     *w,
                   const char *group,
                   const char *key,
                   const char *code,
                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *value;

  value = ph_template_get (w->tpl, group, key, &local_error);
  if (value == NULL)
    {
      g_set_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_INVALID,
                   _("Entry %s: %s"), code != NULL ? code : "?", local_error->message);
      return NULL;
    }

  return value;
}

static char *
dup_category_text (Writer              *w,
                   const PhAppendixRow *row,
                   GError             **error)
{
  const char *category = template_or_error (w, "categories", row->category, row->code, error);

  if (category == NULL)
    return NULL;

  if (!is_blank (row->impersonated))
    return g_strdup_printf ("%s (%s)", category, row->impersonated);

  return g_strdup (category);
}

static char *
dup_evidence_cell (Writer              *w,
                   guint                row_index,
                   const PhAppendixRow *row)
{
  GString *out = g_string_new (NULL);

  for (guint j = 0; j < row->evidence->len; j++)
    {
      g_autofree char *name = dup_evidence_name (w, row_index, row, j);
      const char *base = strrchr (name, '/');

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, base != NULL ? base + 1 : name);
    }

  return g_string_free (out, FALSE);
}

static lxw_datetime
to_lxw_datetime (GDateTime *dt)
{
  lxw_datetime out = {
    .year = g_date_time_get_year (dt),
    .month = g_date_time_get_month (dt),
    .day = g_date_time_get_day_of_month (dt),
    .hour = g_date_time_get_hour (dt),
    .min = g_date_time_get_minute (dt),
    .sec = g_date_time_get_second (dt),
  };

  return out;
}

static gboolean
write_table_row (Writer              *w,
                 lxw_worksheet       *sheet,
                 lxw_row_t            r,
                 guint                index,
                 const PhAppendixRow *row,
                 GError             **error)
{
  g_autofree char *category = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *receiving = NULL;
  const char *channel;
  lxw_error err = LXW_NO_ERROR;

  channel = template_or_error (w, "channels", row->channel, row->code, error);
  if (channel == NULL)
    return FALSE;
  category = dup_category_text (w, row, error);
  if (category == NULL)
    return FALSE;
  evidence = dup_evidence_cell (w, index, row);

  /* The receiving number as typed (0912.345.678, 84912345678 …) is printed the way the
   * appendix prints every number; the data, and so the digest, keep what was typed. */
  if (!is_blank (row->receiving_number))
    {
      g_autoptr(PhNumber) number = ph_number_parse (row->receiving_number);

      if (ph_number_is_valid (number) && number->display != NULL)
        receiving = g_strdup (number->display);
    }
  if (receiving == NULL)
    receiving = g_strdup (row->receiving_number);

  {
    const struct { const char *text; guint col; } wrapped[] = {
      { row->source_display, COL_SOURCE },
      { row->network, COL_NETWORK },
      { channel, COL_CHANNEL },
      { category, COL_CATEGORY },
      { receiving, COL_RECEIVING },
      { row->content, COL_CONTENT },
      { evidence, COL_EVIDENCE },
      { row->unit, COL_UNIT },
      { row->notes, COL_NOTES },
    };
    guint lines = 1;

    for (gsize k = 0; k < G_N_ELEMENTS (wrapped); k++)
      lines = MAX (lines, estimate_lines (wrapped[k].text,
                                          appendix_columns[wrapped[k].col].width, 12));
    err |= worksheet_set_row (sheet, r, MIN (409.0, 15.75 * lines + 2), NULL);
  }

  err |= worksheet_write_number (sheet, r, COL_STT, index + 1, w->f_cell_number);
  err |= write_text (sheet, r, COL_SOURCE, row->source_display, w->f_cell_center);
  err |= write_text (sheet, r, COL_NETWORK, row->network, w->f_cell_center);
  err |= write_text (sheet, r, COL_CHANNEL, channel, w->f_cell_center);
  err |= write_text (sheet, r, COL_CATEGORY, category, w->f_cell_text);
  if (row->occurred != NULL)
    {
      lxw_datetime when = to_lxw_datetime (row->occurred);

      if (!row->occurred_has_time)
        when.hour = when.min = 0, when.sec = 0;
      err |= worksheet_write_datetime (sheet, r, COL_OCCURRED, &when,
                                       row->occurred_has_time ? w->f_cell_datetime
                                                              : w->f_cell_date);
    }
  else
    err |= worksheet_write_blank (sheet, r, COL_OCCURRED, w->f_cell_date);
  err |= write_text (sheet, r, COL_RECEIVING, receiving, w->f_cell_center);
  err |= write_text (sheet, r, COL_CONTENT, row->content, w->f_cell_text);
  err |= write_text (sheet, r, COL_EVIDENCE, evidence, w->f_cell_text);
  err |= write_text (sheet, r, COL_UNIT, row->unit, w->f_cell_text);
  err |= write_text (sheet, r, COL_NOTES, row->notes, w->f_cell_text);

  return check (err, "row", error);
}

static gboolean
write_header_block (Writer        *w,
                    lxw_worksheet *sheet,
                    lxw_row_t     *r,
                    lxw_col_t      left_first,
                    lxw_col_t      left_last,
                    lxw_col_t      right_first,
                    lxw_col_t      right_last,
                    const double  *widths,
                    GError       **error)
{
  const PhAppendixBatch *b = w->batch;
  g_autofree char *parent = g_utf8_strup (b->parent_body != NULL ? b->parent_body : "", -1);
  g_autofree char *department = g_utf8_strup (b->department, -1);
  lxw_image_options rule = { 0 };
  double left_px = 0, rule_px;
  lxw_error err = LXW_NO_ERROR;

  /* Parent body and national name; agency and motto. */
  err |= worksheet_set_row (sheet, *r, 17, NULL);
  if (!is_blank (parent))
    err |= merge_text (sheet, *r, left_first, left_last, parent, w->f_parent);
  err |= merge_text (sheet, *r, right_first, right_last,
                     ph_template_get (w->tpl, "document", "national_name", NULL), w->f_national);
  (*r)++;
  err |= worksheet_set_row (sheet, *r, 18, NULL);
  err |= merge_text (sheet, *r, left_first, left_last, department, w->f_department);
  err |= merge_text (sheet, *r, right_first, right_last,
                     ph_template_get (w->tpl, "document", "motto", NULL), w->f_motto);
  (*r)++;

  /* The short rule under the agency's name: a stretched one-pixel image, centred. */
  for (lxw_col_t c = left_first; c <= left_last; c++)
    left_px += column_px (widths[c]);
  rule_px = MAX (60.0, estimate_text_px (department, 12) * 0.4);
  rule.x_offset = (int32_t) ((left_px - rule_px) / 2);
  rule.y_offset = 5;
  rule.x_scale = rule_px;
  rule.y_scale = 1.0;
  rule.object_position = LXW_OBJECT_MOVE_AND_SIZE;
  err |= worksheet_set_row (sheet, *r, 14, NULL);
  err |= worksheet_insert_image_buffer_opt (sheet, *r, left_first, rule_png, sizeof rule_png,
                                            &rule);
  (*r)++;

  return check (err, "header", error);
}

static gboolean
write_title_block (Writer        *w,
                   lxw_worksheet *sheet,
                   lxw_row_t     *r,
                   lxw_col_t      last_col,
                   double         total_px,
                   const char    *title,
                   gboolean       with_appendix_word,
                   GError       **error)
{
  lxw_error err = LXW_NO_ERROR;
  double line_px = (double) g_utf8_strlen (w->reference, -1) * 13 * 96.0 / 72.0 * 0.45;
  int lines = (int) (line_px / MAX (total_px, 1.0)) + 1;

  err |= worksheet_set_row (sheet, (*r)++, 8, NULL);
  if (with_appendix_word)
    {
      err |= worksheet_set_row (sheet, *r, 20, NULL);
      err |= merge_text (sheet, (*r)++, 0, last_col,
                         ph_template_get (w->tpl, "document", "appendix", NULL), w->f_appendix);
    }
  err |= worksheet_set_row (sheet, *r, 20, NULL);
  err |= merge_text (sheet, (*r)++, 0, last_col, title, w->f_title);
  err |= worksheet_set_row (sheet, *r, 18.0 * lines, NULL);
  err |= merge_text (sheet, (*r)++, 0, last_col, w->reference, w->f_reference);
  err |= worksheet_set_row (sheet, (*r)++, 8, NULL);

  return check (err, "title", error);
}

static gboolean
write_signature_block (Writer        *w,
                       lxw_worksheet *sheet,
                       lxw_row_t     *r,
                       GError       **error)
{
  const PhAppendixBatch *b = w->batch;
  g_autofree char *authority = g_utf8_strup (b->signer_authority != NULL
                                             ? b->signer_authority : "", -1);
  g_autofree char *title = g_utf8_strup (b->signer_title != NULL ? b->signer_title : "", -1);
  g_autofree char *digest_line = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_error err = LXW_NO_ERROR;

  err |= worksheet_set_row (sheet, (*r)++, 12, NULL);
  if (!is_blank (authority))
    err |= merge_text (sheet, (*r)++, RIGHT_FIRST, RIGHT_LAST, authority, w->f_sign);
  if (!is_blank (title))
    err |= merge_text (sheet, (*r)++, RIGHT_FIRST, RIGHT_LAST, title, w->f_sign);
  /* Room for the signature and the seal. */
  err |= worksheet_set_row (sheet, (*r)++, 70, NULL);
  if (!is_blank (b->signer_name))
    err |= merge_text (sheet, *r, RIGHT_FIRST, RIGHT_LAST, b->signer_name, w->f_sign_name);
  (*r)++;
  err |= worksheet_set_row (sheet, (*r)++, 18, NULL);

  digest_line = ph_template_expand (w->tpl, "document", w->preview ? "digest_draft" : "digest",
                                    &local_error,
                                    "batch", b->code,
                                    "digest", w->digest_hex,
                                    NULL);
  if (digest_line == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  err |= merge_text (sheet, (*r)++, 0, N_COLS - 1, digest_line, w->f_small);

  return check (err, "signature", error);
}

static gboolean
write_appendix_sheet (Writer  *w,
                      GError **error)
{
  const PhAppendixBatch *b = w->batch;
  lxw_worksheet *sheet;
  double widths[N_COLS];
  double total_px = 0;
  lxw_row_t r = 0, head;
  lxw_error err = LXW_NO_ERROR;

  sheet = workbook_add_worksheet (w->workbook,
                                  ph_template_get (w->tpl, "sheets", "appendix", NULL));
  if (sheet == NULL)
    return check (LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet", error);
  if (!setup_page (w, sheet, error))
    return FALSE;

  for (guint c = 0; c < N_COLS; c++)
    {
      widths[c] = appendix_columns[c].width;
      total_px += column_px (widths[c]);
      err |= worksheet_set_column (sheet, c, c, widths[c], NULL);
    }

  if (w->preview && !write_draft_stamp (w, sheet, r++, COL_UNIT, COL_NOTES, error))
    return FALSE;
  if (!write_header_block (w, sheet, &r, LEFT_FIRST, LEFT_LAST, RIGHT_FIRST, RIGHT_LAST,
                           widths, error))
    return FALSE;
  if (!write_title_block (w, sheet, &r, N_COLS - 1, total_px,
                          ph_template_get (w->tpl, "document", "title", NULL), TRUE, error))
    return FALSE;

  head = r;
  err |= worksheet_set_row (sheet, head, 48, NULL);
  for (guint c = 0; c < N_COLS; c++)
    err |= write_text (sheet, head, c,
                       ph_template_get (w->tpl, "columns", appendix_columns[c].key, NULL),
                       w->f_head);
  err |= worksheet_repeat_rows (sheet, head, head);
  worksheet_freeze_panes (sheet, head + 1, 0);
  if (!check (err, "table header", error))
    return FALSE;
  r++;

  for (guint i = 0; i < b->rows->len; i++)
    {
      if (!write_table_row (w, sheet, r++, i, g_ptr_array_index (b->rows, i), error))
        return FALSE;
      if ((i + 1) % CHECK_EVERY == 0 && !report_progress (w, CHECK_EVERY, error))
        return FALSE;
    }
  if (!report_progress (w, b->rows->len % CHECK_EVERY, error))
    return FALSE;

  return write_signature_block (w, sheet, &r, error);
}

/* The "Tổng hợp" sheet: counts per network, category and source. */

typedef struct
{
  char       *label;
  guint       entries;
  GHashTable *units;  /* unit → unit, for the number of distinct units */
} Count;

static void
count_free (gpointer data)
{
  Count *count = data;

  g_free (count->label);
  g_clear_pointer (&count->units, g_hash_table_unref);
  g_free (count);
}

static void
count_add (GHashTable *table,
           const char *key,
           const char *label,
           const char *unit)
{
  Count *count = g_hash_table_lookup (table, key);

  if (count == NULL)
    {
      count = g_new0 (Count, 1);
      count->label = g_strdup (label);
      count->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (table, g_strdup (key), count);
    }
  count->entries++;
  if (!is_blank (unit))
    g_hash_table_add (count->units, g_strdup (unit));
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const Count *x = *(const Count * const *) a;
  const Count *y = *(const Count * const *) b;

  if (x->entries != y->entries)
    return x->entries > y->entries ? -1 : 1;

  return g_utf8_collate (x->label, y->label);
}

static gboolean
write_count_section (Writer        *w,
                     lxw_worksheet *sheet,
                     lxw_row_t     *r,
                     const char    *heading_key,
                     const char    *label_key,
                     GHashTable    *table,
                     GError       **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer value;
  guint total = 0;
  lxw_error err = LXW_NO_ERROR;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (counts, value);

  g_ptr_array_sort (counts, compare_counts);

  err |= worksheet_set_row (sheet, *r, 24, NULL);
  err |= merge_text (sheet, (*r)++, 0, 3,
                     ph_template_get (w->tpl, "summary", heading_key, NULL), w->f_section);
  err |= write_text (sheet, *r, 0, ph_template_get (w->tpl, "summary", "stt", NULL), w->f_head);
  err |= write_text (sheet, *r, 1, ph_template_get (w->tpl, "summary", label_key, NULL), w->f_head);
  err |= write_text (sheet, *r, 2, ph_template_get (w->tpl, "summary", "entries", NULL), w->f_head);
  err |= write_text (sheet, *r, 3, ph_template_get (w->tpl, "summary", "units", NULL), w->f_head);
  (*r)++;

  for (guint i = 0; i < counts->len; i++)
    {
      const Count *count = g_ptr_array_index (counts, i);

      err |= worksheet_write_number (sheet, *r, 0, i + 1, w->f_cell_number);
      err |= write_text (sheet, *r, 1, count->label, w->f_cell_text);
      err |= worksheet_write_number (sheet, *r, 2, count->entries, w->f_cell_number);
      err |= worksheet_write_number (sheet, *r, 3, g_hash_table_size (count->units),
                                     w->f_cell_number);
      total += count->entries;
      (*r)++;
    }

  err |= worksheet_merge_range (sheet, *r, 0, *r, 1,
                                ph_template_get (w->tpl, "document", "total", NULL),
                                w->f_total_label);
  err |= worksheet_write_number (sheet, *r, 2, total, w->f_total_number);
  err |= worksheet_write_blank (sheet, *r, 3, w->f_total_number);
  (*r)++;

  return check (err, "summary", error);
}

static gboolean
write_summary_sheet (Writer  *w,
                     GError **error)
{
  const PhAppendixBatch *b = w->batch;
  static const double widths[] = { 7, 48, 16, 20 };
  g_autoptr(GHashTable) by_network = NULL;
  g_autoptr(GHashTable) by_category = NULL;
  g_autoptr(GHashTable) by_source = NULL;
  const char *unknown = ph_template_get (w->tpl, "document", "unknown", NULL);
  lxw_worksheet *sheet;
  double total_px = 0;
  lxw_row_t r = 0;
  lxw_error err = LXW_NO_ERROR;

  by_network = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, count_free);
  by_category = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, count_free);
  by_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, count_free);

  for (guint i = 0; i < b->rows->len; i++)
    {
      const PhAppendixRow *row = g_ptr_array_index (b->rows, i);
      const char *network = is_blank (row->network) ? unknown : row->network;
      const char *category = template_or_error (w, "categories", row->category, row->code, error);

      if (category == NULL)
        return FALSE;
      count_add (by_network, network, network, row->unit);
      count_add (by_category, row->category, category, row->unit);
      count_add (by_source, row->source_key != NULL ? row->source_key : "",
                 row->source_display != NULL ? row->source_display : unknown, row->unit);
    }

  sheet = workbook_add_worksheet (w->workbook,
                                  ph_template_get (w->tpl, "sheets", "summary", NULL));
  if (sheet == NULL)
    return check (LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet", error);
  if (!setup_page (w, sheet, error))
    return FALSE;
  worksheet_set_portrait (sheet);

  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    {
      total_px += column_px (widths[c]);
      err |= worksheet_set_column (sheet, c, c, widths[c], NULL);
    }
  if (!check (err, "columns", error))
    return FALSE;

  if (w->preview && !write_draft_stamp (w, sheet, r++, 3, 3, error))
    return FALSE;
  if (!write_title_block (w, sheet, &r, 3, total_px,
                          ph_template_get (w->tpl, "document", "summary_title", NULL), FALSE,
                          error))
    return FALSE;

  if (!write_count_section (w, sheet, &r, "by_network", "network", by_network, error) ||
      !write_count_section (w, sheet, &r, "by_category", "category", by_category, error) ||
      !write_count_section (w, sheet, &r, "by_source", "source", by_source, error))
    return FALSE;

  return TRUE;
}

/* The "Chứng cứ" sheet: every evidence file, its path in the bundle, type, size, hash. */

static gboolean
write_evidence_sheet (Writer  *w,
                      GError **error)
{
  const PhAppendixBatch *b = w->batch;
  lxw_worksheet *sheet;
  double total_px = 0;
  lxw_row_t r = 0, head;
  lxw_error err = LXW_NO_ERROR;

  sheet = workbook_add_worksheet (w->workbook,
                                  ph_template_get (w->tpl, "sheets", "evidence", NULL));
  if (sheet == NULL)
    return check (LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet", error);
  if (!setup_page (w, sheet, error))
    return FALSE;

  for (guint c = 0; c < N_EV_COLS; c++)
    {
      total_px += column_px (evidence_columns[c].width);
      err |= worksheet_set_column (sheet, c, c, evidence_columns[c].width, NULL);
    }

  if (w->preview && !write_draft_stamp (w, sheet, r++, EV_COL_SHA256, EV_COL_SHA256, error))
    return FALSE;
  if (!write_title_block (w, sheet, &r, N_EV_COLS - 1, total_px,
                          ph_template_get (w->tpl, "document", "evidence_title", NULL), FALSE,
                          error))
    return FALSE;

  head = r++;
  err |= worksheet_set_row (sheet, head, 32, NULL);
  for (guint c = 0; c < N_EV_COLS; c++)
    err |= write_text (sheet, head, c,
                       ph_template_get (w->tpl, "evidence_columns", evidence_columns[c].key, NULL),
                       w->f_head);
  err |= worksheet_repeat_rows (sheet, head, head);
  worksheet_freeze_panes (sheet, head + 1, 0);
  if (!check (err, "evidence header", error))
    return FALSE;

  for (guint i = 0; i < b->rows->len; i++)
    {
      const PhAppendixRow *row = g_ptr_array_index (b->rows, i);

      for (guint j = 0; j < row->evidence->len; j++)
        {
          const PhAppendixEvidence *evidence = g_ptr_array_index (row->evidence, j);
          g_autofree char *name = dup_evidence_name (w, i, row, j);
          const char *kind;

          kind = template_or_error (w, "evidence_kinds", evidence->kind, row->code, error);
          if (kind == NULL)
            return FALSE;

          err |= worksheet_write_number (sheet, r, EV_COL_STT, i + 1, w->f_cell_number);
          err |= write_text (sheet, r, EV_COL_CODE, row->code, w->f_cell_center);
          err |= write_text (sheet, r, EV_COL_SOURCE, row->source_display, w->f_cell_center);
          err |= write_text (sheet, r, EV_COL_PATH, name, w->f_cell_text);
          err |= write_text (sheet, r, EV_COL_KIND, kind, w->f_cell_text);
          err |= write_text (sheet, r, EV_COL_MIME, evidence->mime_type, w->f_cell_center);
          err |= worksheet_write_number (sheet, r, EV_COL_SIZE, (double) evidence->size,
                                         w->f_cell_number);
          err |= write_text (sheet, r, EV_COL_SHA256, evidence->sha256, w->f_cell_hash);
          r++;
        }
      if (!check (err, "evidence", error))
        return FALSE;
      if ((i + 1) % CHECK_EVERY == 0 && !report_progress (w, CHECK_EVERY, error))
        return FALSE;
    }

  return report_progress (w, b->rows->len % CHECK_EVERY, error);
}

/* Checks before anything is written */

static gboolean
check_batch (const PhAppendixBatch *batch,
             gboolean               preview,
             char                 **digest_out,
             GError               **error)
{
  g_autofree char *digest = NULL;

  if (!preview && (!batch->approved || is_blank (batch->digest_hex)))
    {
      g_set_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_NOT_APPROVED,
                   _("Batch %s has not been approved, so its appendix cannot be issued; "
                     "export a draft preview instead, or have it signed off first"),
                   batch->code != NULL ? batch->code : "?");
      return FALSE;
    }

  if (is_blank (batch->department) || is_blank (batch->issuer))
    {
      g_set_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_INVALID,
                   _("The agency's name is not set; fill in the agency profile in Preferences"));
      return FALSE;
    }
  /* A draft may be previewed before its symbol and signer are chosen. */
  if (is_blank (batch->symbol) && !preview)
    {
      g_set_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_INVALID,
                   _("Batch %s has no document symbol (such as SKHCN-BCVT); set it on the batch"),
                   batch->code != NULL ? batch->code : "?");
      return FALSE;
    }
  if ((is_blank (batch->signer_name) || is_blank (batch->signer_title)) && !preview)
    {
      g_set_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_INVALID,
                   _("Batch %s has no signer; choose who signs it"),
                   batch->code != NULL ? batch->code : "?");
      return FALSE;
    }

  digest = ph_digest_batch (batch);

  if (!preview)
    {
      if (g_ascii_strcasecmp (digest, batch->digest_hex) != 0)
        {
          g_set_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_CHANGED,
                       _("Batch %s no longer matches what was approved (its content digest "
                         "differs); it must be checked and approved again"),
                       batch->code != NULL ? batch->code : "?");
          return FALSE;
        }
    }

  *digest_out = g_steal_pointer (&digest);
  return TRUE;
}

static char *
two_digits_or_blank (int value)
{
  /* A công văn not yet numbered or dated keeps a blank to fill in by hand, as on paper. */
  if (value <= 0)
    return g_strdup ("      ");
  return g_strdup_printf ("%02d", value);
}

/**
 * ph_appendix_dup_reference:
 * @batch: a batch
 * @tpl: the appendix template
 * @error: return location for a #GError
 *
 * The italic line under the title, such as "(Kèm theo Công văn số 125/SKHCN-BCVT ngày 05
 * tháng 8 năm 2025 của Sở Khoa học và Công nghệ tỉnh Thanh Hóa)". A number or date not
 * given yet is left blank for the records office to fill in.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL with @error
 */
char *
ph_appendix_dup_reference (const PhAppendixBatch  *batch,
                           PhTemplate             *tpl,
                           GError                **error)
{
  g_autofree char *day = two_digits_or_blank (batch->date_day);
  /* Nghị định 30/2020: days below 10 and the months 1 and 2 take a leading 0. */
  g_autofree char *month = batch->date_month <= 0 ? g_strdup ("    ")
                           : batch->date_month <= 2 ? g_strdup_printf ("%02d", batch->date_month)
                           : g_strdup_printf ("%d", batch->date_month);
  g_autofree char *year = batch->date_year > 0 ? g_strdup_printf ("%d", batch->date_year)
                                               : g_strdup ("        ");
  g_autofree char *number = is_blank (batch->number) ? g_strdup ("        ")
                                                     : g_strstrip (g_strdup (batch->number));

  g_return_val_if_fail (batch != NULL, NULL);
  g_return_val_if_fail (tpl != NULL, NULL);

  return ph_template_expand (tpl, "document", "reference", error,
                            "number", number,
                            "symbol", batch->symbol,
                            "day", day,
                            "month", month,
                            "year", year,
                            "issuer", batch->issuer,
                            NULL);
}

/**
 * ph_appendix_write_with_template:
 * @batch: the batch, with its entries in appendix order
 * @tpl: the wording to use
 * @path: where to write the workbook (replaced only once it is complete)
 * @preview: write a draft, stamped "DỰ THẢO" on every sheet and printed page, even if
 *   the batch is not approved
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope call): called now and then with the fraction done
 * @progress_data: data for @progress
 * @error: return location for a #GError
 *
 * Writes the appendix workbook: the sheets "Phụ lục", "Tổng hợp" and "Chứng cứ". Without
 * @preview, the batch must be approved and its content must still hash to the digest
 * stored at approval. Safe to call from a worker thread on a batch no other thread
 * changes.
 *
 * Returns: %TRUE once @path holds the workbook
 */
gboolean
ph_appendix_write_with_template (const PhAppendixBatch  *batch,
                                 PhTemplate             *tpl,
                                 const char             *path,
                                 gboolean                preview,
                                 GCancellable           *cancellable,
                                 PhExportProgressFunc    progress,
                                 gpointer                progress_data,
                                 GError                **error)
{
  g_autofree char *digest = NULL;
  g_autofree char *part = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_doc_properties properties = { 0 };
  Writer w = { 0 };
  gboolean ok;
  lxw_error err;

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (tpl != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_batch (batch, preview, &digest, error))
    return FALSE;

  w.batch = batch;
  w.tpl = tpl;
  w.preview = preview;
  w.cancellable = cancellable;
  w.progress = progress;
  w.progress_data = progress_data;
  w.work_total = (guint64) batch->rows->len * 2 + 1;
  w.digest_hex = preview ? digest : batch->digest_hex;
  w.reference = ph_appendix_dup_reference (batch, tpl, error);
  if (w.reference == NULL)
    return FALSE;

  /* libxlsxwriter's temporary files go next to the result, not to a small /tmp. */
  dir = g_path_get_dirname (path);
  options.tmpdir = dir;
  part = g_strdup_printf ("%s.part", path);

  w.workbook = workbook_new_opt (part, &options);
  if (w.workbook == NULL)
    {
      g_set_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_WRITE,
                   _("Could not create the workbook %s"), path);
      g_free (w.reference);
      return FALSE;
    }

  title = g_strdup_printf ("%s %s", ph_template_get (tpl, "document", "appendix", NULL),
                           batch->code != NULL ? batch->code : "");
  properties.title = title;
  properties.author = batch->issuer;
  properties.company = batch->department;
  properties.comments = (char *) w.digest_hex;
  workbook_set_properties (w.workbook, &properties);

  make_formats (&w);

  ok = write_appendix_sheet (&w, &local_error) &&
       write_summary_sheet (&w, &local_error) &&
       write_evidence_sheet (&w, &local_error);

  if (!ok)
    {
      lxw_workbook_free (w.workbook);
      g_unlink (part);
      g_free (w.reference);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  err = workbook_close (w.workbook);
  g_free (w.reference);
  if (err != LXW_NO_ERROR)
    {
      g_unlink (part);
      g_set_error (error, PH_APPENDIX_ERROR, PH_APPENDIX_ERROR_WRITE,
                   _("Could not write the workbook %s: %s"), path, lxw_strerror (err));
      return FALSE;
    }

  if (g_rename (part, path) != 0)
    {
      int saved = errno;

      g_unlink (part);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save the workbook as %s: %s"), path, g_strerror (saved));
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, progress_data);

  return TRUE;
}

/**
 * ph_appendix_write:
 * @batch: the batch, with its entries in appendix order
 * @path: where to write the workbook
 * @preview: write a draft stamped "DỰ THẢO", allowed for a batch not yet approved
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope call): called now and then with the fraction done
 * @progress_data: data for @progress
 * @error: return location for a #GError
 *
 * ph_appendix_write_with_template() with the template in force: the department's own
 * `appendix-template.ini` in the data folder if there is one, else the built-in one.
 *
 * Returns: %TRUE once @path holds the workbook
 */
gboolean
ph_appendix_write (const PhAppendixBatch  *batch,
                   const char             *path,
                   gboolean                preview,
                   GCancellable           *cancellable,
                   PhExportProgressFunc    progress,
                   gpointer                progress_data,
                   GError                **error)
{
  g_autofree char *data_dir = ph_paths_dup_data_dir (NULL);
  g_autoptr(PhTemplate) tpl = ph_template_load (data_dir, error);

  if (tpl == NULL)
    return FALSE;

  return ph_appendix_write_with_template (batch, tpl, path, preview, cancellable,
                                          progress, progress_data, error);
}
