/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-fold.c: the folding that makes "lua dao" find "lừa đảo" */

#include "config.h"

#include <string.h>

#include "ph-fold.h"

/**
 * ph_fold:
 * @text: UTF-8 text, NFC or NFD
 * @len: length in bytes, or -1 if nul-terminated
 *
 * Folds @text for search: lower case, Vietnamese diacritics removed, đ/Đ
 * turned into d. NFC and NFD input give the same result. Invalid UTF-8 is
 * replaced rather than refused, so whatever a clerk pasted can still be found.
 *
 * Returns: (transfer full): the folded text
 */
char *
ph_fold (const char *text,
         gssize      len)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, len);
  decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFD);
  out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Combining marks are what NFD splits the tones and the circumflex,
       * breve and horn into; dropping them leaves the base letter. */
      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;

      /* đ has no decomposition, so NFD leaves it alone. Text converted from the
       * old TCVN3/VNI encodings often carries the look-alike Ð (eth) instead. */
      if (c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0)
        c = 'd';
      else
        c = g_unichar_tolower (c);

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * ph_fold_digits:
 * @text: UTF-8 text
 *
 * Keeps only the digits of @text (ASCII and full-width), so "0912 345.678"
 * and "0912345678" compare equal.
 *
 * Returns: (transfer full): the digits of @text, possibly empty
 */
char *
ph_fold_digits (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int v = g_unichar_digit_value (c);

      if (v >= 0 && (c < 0x80 || (c >= 0xFF10 && c <= 0xFF19)))
        g_string_append_c (out, (char) ('0' + v));
    }

  return g_string_free (out, FALSE);
}
