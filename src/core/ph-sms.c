/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-sms.c: the message syntax of the 156 / 5656 reporting channels.
 *
 *   LD <number> <content>   scam (lừa đảo)
 *   V  <number> <content>   spam call (cuộc gọi rác)
 *   S  <number> <content>   spam SMS (tin nhắn rác)
 *
 * People write the parts bare, in [...] or in (...), in any letter case, and
 * often copy the "gửi 156" of the instructions along with it. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ph-fold.h"
#include "ph-sms.h"

G_DEFINE_QUARK (ph-sms-error-quark, ph_sms_error)

/* More digits than any number has (E.164's 15, plus 00 and a stray trunk 0). */
#define MAX_CUT_DIGITS 18

static const struct
{
  const char *keyword;   /* folded */
  const char *name;
} categories[] = {
  [PH_SMS_CATEGORY_SCAM] = { "ld", "scam" },
  [PH_SMS_CATEGORY_SPAM_CALL] = { "v", "spam_call" },
  [PH_SMS_CATEGORY_SPAM_SMS] = { "s", "spam_sms" },
};

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x3000;
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* The length of @text without trailing white space. */
static gsize
trimmed_len (const char *text,
             gsize       len)
{
  while (len > 0)
    {
      const char *last = g_utf8_find_prev_char (text, text + len);

      if (last == NULL || !is_space (g_utf8_get_char (last)))
        break;
      len = (gsize) (last - text);
    }
  return len;
}

static gboolean
is_digit_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static gboolean
is_number_char (gunichar c)
{
  return is_digit_char (c) || c == ' ' || c == '\t' || c == '.' || c == '-' || c == '('
         || c == ')' || c == 0x00A0 || c == 0xFF0E || c == 0xFF0D || (c >= 0x2010 && c <= 0x2015);
}

/* Folds one word of the message for comparison, punctuation around it dropped. */
static char *
fold_word (const char *start,
           gsize       len)
{
  g_autofree char *folded = ph_fold (start, (gssize) len);
  static const char *punct = "()[]{}.,;:!?\"'=>-+*/";
  char *p = folded;
  gsize n;

  while (*p != '\0' && strchr (punct, *p) != NULL)
    p++;
  n = strlen (p);
  while (n > 0 && strchr (punct, p[n - 1]) != NULL)
    n--;

  return g_strndup (p, n);
}

/* Cuts a trailing "gửi 156", "gui 5656", "=> Gửi 156 hay 5656", "gửi 156 (hoặc 5656)"
 * copied from the instructions. Returns the new length of @text. */
static gsize
strip_send_to (const char *text,
               gsize       len)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  gboolean seen_code = FALSE;
  gsize i = 0;
  gint w;

  while (i < len)
    {
      gsize s;

      while (i < len && is_space (g_utf8_get_char (text + i)))
        i = (gsize) (g_utf8_next_char (text + i) - text);
      if (i >= len)
        break;
      s = i;
      while (i < len && !is_space (g_utf8_get_char (text + i)))
        i = (gsize) (g_utf8_next_char (text + i) - text);
      g_array_append_val (starts, s);
      g_array_append_val (ends, i);
    }

  for (w = (gint) starts->len - 1; w >= 0; w--)
    {
      gsize s = g_array_index (starts, gsize, w);
      g_autofree char *word = fold_word (text + s, g_array_index (ends, gsize, w) - s);

      if (strcmp (word, "156") == 0 || strcmp (word, "5656") == 0)
        seen_code = TRUE;
      else if (!(*word == '\0' || strcmp (word, "hoac") == 0 || strcmp (word, "hay") == 0
                 || strcmp (word, "or") == 0))
        break;
    }

  if (seen_code && w >= 0)
    {
      gsize s = g_array_index (starts, gsize, w);
      g_autofree char *word = fold_word (text + s, g_array_index (ends, gsize, w) - s);

      if (strcmp (word, "gui") == 0 || strcmp (word, "goi") == 0 || strcmp (word, "send") == 0)
        {
          /* and an arrow or dash before it */
          while (w > 0)
            {
              gsize ps = g_array_index (starts, gsize, w - 1);
              g_autofree char *prev = fold_word (text + ps, g_array_index (ends, gsize, w - 1) - ps);

              if (*prev != '\0')
                break;
              w--;
            }
          return trimmed_len (text, g_array_index (starts, gsize, w));
        }
    }

  return len;
}

/* Skips white space and the separators people put between the parts:
 * "LD: 0912…", "S + 0912… + nội dung" (the instructions write it that way),
 * "V 0912… - nội dung". A '+' glued to digits is a country code, not a separator. */
static const char *
skip_separators (const char *p,
                 gboolean    dash)
{
  p = skip_spaces (p);
  for (;;)
    {
      if (*p == ':' || *p == ',')
        p = skip_spaces (p + 1);
      else if ((*p == '+' || (dash && *p == '-')) && (p[1] == '\0' || is_space (g_utf8_get_char (p + 1))))
        p = skip_spaces (p + 1);
      else
        return p;
    }
}

static gboolean
is_valid_source (const char *text,
                 gsize       len)
{
  return ph_number_classify (text, (gssize) len, NULL, 0) != PH_SOURCE_KIND_INVALID;
}

/* A bare number at @p: the longest run of digits and separators that is a valid
 * source, so "0912 345 678 2 lần" gives the number and leaves "2 lần". Sets *@end
 * past it; returns FALSE (with *@end past the whole run) when no prefix is valid. */
static gboolean
take_bare_number (const char  *p,
                  const char **end)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *q = p;
  gboolean prev_digit = FALSE;
  guint digits = 0;
  const char *run_end = NULL;   /* past the last digit */

  if (*q == '+' || g_str_has_prefix (q, "\xef\xbc\x8b"))
    q = g_utf8_next_char (q);

  while (*q != '\0')
    {
      gunichar c = g_utf8_get_char (q);

      if (!is_number_char (c))
        break;
      /* No source has more digits than MAX_CUT_DIGITS: trying cuts past them would
       * only make a long run of digits cost quadratic time. */
      if (prev_digit && !is_digit_char (c) && digits <= MAX_CUT_DIGITS)
        {
          gsize cut = (gsize) (q - p);

          g_array_append_val (cuts, cut);
        }
      prev_digit = is_digit_char (c);
      q = g_utf8_next_char (q);
      if (prev_digit)
        {
          digits++;
          run_end = q;
        }
    }
  if (prev_digit && digits <= MAX_CUT_DIGITS)
    {
      gsize cut = (gsize) (q - p);

      g_array_append_val (cuts, cut);
    }

  for (gint i = (gint) cuts->len - 1; i >= 0; i--)
    {
      gsize cut = g_array_index (cuts, gsize, i);

      /* a cut must not leave the number in the middle of a word: "0912345678abc" */
      if (is_valid_source (p, cut) && !g_unichar_isalpha (g_utf8_get_char (p + cut)))
        {
          *end = p + cut;
          return TRUE;
        }
    }

  *end = run_end != NULL ? run_end : q;
  return FALSE;
}

static gboolean
invalid_source_error (GError     **error,
                      const char  *text,
                      gsize        len)
{
  g_autofree char *copy = g_strndup (text, len);
  g_autoptr(PhNumber) number = ph_number_parse (copy);

  g_set_error (error, PH_SMS_ERROR, PH_SMS_ERROR_INVALID_SOURCE,
               _("The number being reported is not valid: %s"),
               number->reason != NULL ? number->reason : copy);
  return FALSE;
}

/* Reads the reported source at @p; sets *@source and *@end past it. */
static gboolean
take_source (const char  *p,
             PhNumber   **source,
             const char **end,
             GError     **error)
{
  gunichar first = g_utf8_get_char (p);

  if (first == '[' || first == '(')
    {
      const char *close = strchr (p + 1, first == '[' ? ']' : ')');

      if (close != NULL)
        {
          g_autofree char *inner = g_strndup (p + 1, (gsize) (close - p - 1));
          g_autoptr(PhNumber) number = ph_number_parse (inner);

          if (*skip_spaces (inner) == '\0')
            {
              g_set_error (error, PH_SMS_ERROR, PH_SMS_ERROR_NO_SOURCE,
                           _("The number or brandname being reported is missing between “%c” and “%c”"),
                           (int) first, first == '[' ? ']' : ')');
              return FALSE;
            }

          if (ph_number_is_valid (number))
            {
              *source = g_steal_pointer (&number);
              *end = close + 1;
              return TRUE;
            }
          /* "(091) 234-5678 …": the parentheses belong to the number */
          if (first == '(' && take_bare_number (p, end))
            {
              g_autofree char *bare = g_strndup (p, (gsize) (*end - p));

              *source = ph_number_parse (bare);
              return TRUE;
            }
          return invalid_source_error (error, inner, strlen (inner));
        }

      if (first == '(' && take_bare_number (p, end))
        {
          g_autofree char *bare = g_strndup (p, (gsize) (*end - p));

          *source = ph_number_parse (bare);
          return TRUE;
        }

      g_set_error (error, PH_SMS_ERROR, PH_SMS_ERROR_UNCLOSED,
                   /* Translators: the first %s is [ or (, the second ] or ) */
                   _("The “%s” before the reported number is never closed with “%s”"),
                   first == '[' ? "[" : "(", first == '[' ? "]" : ")");
      return FALSE;
    }

  if (is_digit_char (first) || first == '+' || first == 0xFF0B)
    {
      if (take_bare_number (p, end))
        {
          g_autofree char *bare = g_strndup (p, (gsize) (*end - p));

          *source = ph_number_parse (bare);
          return TRUE;
        }
      return invalid_source_error (error, p, (gsize) (*end - p));
    }

  /* A brandname: one word. One with a space in it needs brackets. */
  {
    const char *q = p;
    g_autofree char *word = NULL;
    g_autoptr(PhNumber) number = NULL;

    while (*q != '\0' && !is_space (g_utf8_get_char (q)))
      q = g_utf8_next_char (q);
    word = g_strndup (p, (gsize) (q - p));
    number = ph_number_parse (word);
    if (!ph_number_is_valid (number))
      return invalid_source_error (error, word, strlen (word));

    *source = g_steal_pointer (&number);
    *end = q;
    return TRUE;
  }
}

/**
 * ph_sms_parse:
 * @message: a 156 / 5656 report message as typed or pasted
 * @error: return location for a #GError in %PH_SMS_ERROR
 *
 * Parses `LD <number> <content>`, `V …` or `S …`, with the parts bare or in
 * `[…]` / `(…)`, any letter case, with or without a trailing "gửi 156".
 *
 * Returns: (transfer full): the report, or %NULL with @error naming what is missing
 */
PhSmsReport *
ph_sms_parse (const char  *message,
              GError     **error)
{
  g_autoptr(PhNumber) source = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *keyword = NULL;
  g_autofree char *typed_keyword = NULL;
  g_autofree char *content = NULL;
  PhSmsCategory category = PH_SMS_CATEGORY_SCAM;
  const char *p, *q, *end;
  gboolean found = FALSE;
  gsize len;
  PhSmsReport *report;

  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  valid = g_utf8_make_valid (message, -1);
  p = skip_spaces (valid);
  len = trimmed_len (p, strlen (p));

  if (len == 0)
    {
      g_set_error_literal (error, PH_SMS_ERROR, PH_SMS_ERROR_EMPTY,
                           _("The message is empty; write LD, V or S, then the number, then what happened"));
      return NULL;
    }

  /* The keyword: the leading letters ("LD0912…" has no space) */
  q = p;
  while (q < p + len && g_unichar_isalpha (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  typed_keyword = g_strndup (p, (gsize) (q - p));
  keyword = ph_fold (typed_keyword, -1);
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (strcmp (keyword, categories[i].keyword) == 0)
      {
        category = (PhSmsCategory) i;
        found = TRUE;
      }
  if (!found)
    {
      g_set_error_literal (error, PH_SMS_ERROR, PH_SMS_ERROR_NO_KEYWORD,
                           _("The message must start with LD (scam), V (spam call) or S (spam SMS)"));
      return NULL;
    }

  /* What follows the keyword, without a copied "gửi 156" */
  len = strip_send_to (q, (gsize) (p + len - q));
  valid[q - valid + (gssize) len] = '\0';
  p = skip_separators (q, FALSE);

  if (*p == '\0')
    {
      g_set_error (error, PH_SMS_ERROR, PH_SMS_ERROR_NO_SOURCE,
                   _("The number or brandname being reported is missing after “%s”"), typed_keyword);
      return NULL;
    }

  if (!take_source (p, &source, &end, error))
    return NULL;

  p = skip_separators (end, TRUE);
  len = trimmed_len (p, strlen (p));

  /* [content] or (content) around all of it */
  if (len >= 2 && ((p[0] == '[' && p[len - 1] == ']') || (p[0] == '(' && p[len - 1] == ')')))
    {
      p++;
      len -= 2;
      while (len > 0 && is_space (g_utf8_get_char (p)))
        {
          const char *next = g_utf8_next_char (p);

          len -= (gsize) (next - p);
          p = next;
        }
      len = trimmed_len (p, len);
    }

  if (len == 0)
    {
      g_set_error_literal (error, PH_SMS_ERROR, PH_SMS_ERROR_NO_CONTENT,
                           _("The content of the report (what the call or message said) is missing after the number"));
      return NULL;
    }
  content = g_strndup (p, len);

  report = g_new0 (PhSmsReport, 1);
  report->category = category;
  report->source = g_steal_pointer (&source);
  report->content = g_steal_pointer (&content);

  return report;
}

/**
 * ph_sms_build:
 * @category: what is reported
 * @source: a valid source
 * @content: what the call or message said
 *
 * Builds the message a clerk can forward to 156 or 5656, in the form
 * ph_sms_parse() reads back: `LD 0912345678 content`. A brandname with a space
 * goes in brackets (`S [FE CREDIT] …`); line breaks in @content become spaces.
 *
 * Returns: (transfer full): the message
 */
char *
ph_sms_build (PhSmsCategory   category,
              const PhNumber *source,
              const char     *content)
{
  g_autofree char *flat = NULL;
  g_autofree char *src = NULL;

  g_return_val_if_fail (category <= PH_SMS_CATEGORY_SPAM_SMS, NULL);
  g_return_val_if_fail (source != NULL && ph_number_is_valid (source), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  switch (source->kind)
    {
    case PH_SOURCE_KIND_MOBILE:
    case PH_SOURCE_KIND_LANDLINE:
    case PH_SOURCE_KIND_SPECIAL:
      /* the national form, as carriers' systems expect: 0912345678 */
      src = g_strconcat ("0", source->e164 + 3, NULL);
      break;

    case PH_SOURCE_KIND_INTERNATIONAL:
      src = g_strdup (source->e164);
      break;

    case PH_SOURCE_KIND_BRANDNAME:
      src = strchr (source->display, ' ') != NULL ? g_strdup_printf ("[%s]", source->display)
                                                  : g_strdup (source->display);
      break;

    case PH_SOURCE_KIND_SERVICE:
    case PH_SOURCE_KIND_SHORTCODE:
    case PH_SOURCE_KIND_INVALID:
    default:
      src = g_strdup (source->key);
      break;
    }

  flat = g_strdup (content);
  for (char *p = flat; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  g_strstrip (flat);

  return g_strdup_printf ("%s %s %s", ph_sms_category_get_keyword (category), src, flat);
}

/**
 * ph_sms_report_copy:
 * @report: a report
 *
 * Returns: (transfer full): a deep copy
 */
PhSmsReport *
ph_sms_report_copy (const PhSmsReport *report)
{
  PhSmsReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = g_new0 (PhSmsReport, 1);
  copy->category = report->category;
  copy->source = ph_number_copy (report->source);
  copy->content = g_strdup (report->content);

  return copy;
}

/**
 * ph_sms_report_free:
 * @report: (nullable): a report
 */
void
ph_sms_report_free (PhSmsReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->source, ph_number_free);
  g_free (report->content);
  g_free (report);
}

/**
 * ph_sms_category_to_string:
 * @category: a category
 *
 * Returns: the stable name: `scam`, `spam_call` or `spam_sms`
 */
const char *
ph_sms_category_to_string (PhSmsCategory category)
{
  g_return_val_if_fail (category <= PH_SMS_CATEGORY_SPAM_SMS, NULL);

  return categories[category].name;
}

/**
 * ph_sms_category_get_keyword:
 * @category: a category
 *
 * Returns: the keyword that starts the message: `LD`, `V` or `S`
 */
const char *
ph_sms_category_get_keyword (PhSmsCategory category)
{
  static const char *keywords[] = { "LD", "V", "S" };

  g_return_val_if_fail (category <= PH_SMS_CATEGORY_SPAM_SMS, NULL);

  return keywords[category];
}

/**
 * ph_sms_category_get_label:
 * @category: a category
 *
 * Returns: the translated name of @category
 */
const char *
ph_sms_category_get_label (PhSmsCategory category)
{
  switch (category)
    {
    case PH_SMS_CATEGORY_SCAM:
      return C_("sms category", "Scam");
    case PH_SMS_CATEGORY_SPAM_CALL:
      return C_("sms category", "Spam call");
    case PH_SMS_CATEGORY_SPAM_SMS:
      return C_("sms category", "Spam SMS");
    default:
      g_return_val_if_reached (NULL);
    }
}
