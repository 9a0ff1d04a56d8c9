/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-sql.c: SQL functions the schema's triggers call, registered on every
 * connection the store opens: the folding for the full-text index and the digit
 * strings for the trigram index of numbers. */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "ph-fold.h"
#include "ph-store-private.h"

/* ph_fold_concat(a, b, …): the non-NULL arguments joined by spaces, folded. */
static void
fold_concat_func (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (int i = 0; i < argc; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);

      if (text == NULL || *text == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, text);
    }

  folded = ph_fold (joined->str, joined->len);
  sqlite3_result_text (context, g_steal_pointer (&folded), -1, g_free);
}

static void
add_digits (GString    *out,
            const char *text)
{
  g_autofree char *digits = NULL;

  if (text == NULL || *text == '\0')
    return;

  digits = ph_fold_digits (text);
  if (*digits == '\0')
    return;

  if (strstr (out->str, digits) == NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, digits);
    }

  /* +84 912 345 678 is also written 0912 345 678: index both, so that a query
   * typed either way finds it. */
  if (g_str_has_prefix (digits, "84") && strlen (digits) > 4)
    {
      g_autofree char *national = g_strconcat ("0", digits + 2, NULL);

      if (strstr (out->str, national) == NULL)
        g_string_append_printf (out, " %s", national);
    }
}

/**
 * ph_store_digits_terms:
 * @first: (nullable): a number as stored or typed, then more, then %NULL
 *
 * Returns: (transfer full): the digit strings of the arguments, separated by
 *   spaces, with the national form of +84 numbers added; what the trigram
 *   index of numbers holds
 */
char *
ph_store_digits_terms (const char *first,
                       ...)
{
  GString *out = g_string_new (NULL);
  const char *text;
  va_list args;

  add_digits (out, first);
  va_start (args, first);
  while ((text = va_arg (args, const char *)) != NULL)
    add_digits (out, text);
  va_end (args);

  return g_string_free (out, FALSE);
}

static void
digits_terms_func (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < argc; i++)
    add_digits (out, (const char *) sqlite3_value_text (argv[i]));

  sqlite3_result_text (context, g_string_free (out, FALSE), -1, g_free);
}

static void
fold_func (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, ph_fold (text, sqlite3_value_bytes (argv[0])), -1, g_free);
}

void
ph_store_register_functions (sqlite3 *db)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  sqlite3_create_function (db, "ph_fold", 1, flags, NULL, fold_func, NULL, NULL);
  sqlite3_create_function (db, "ph_fold_concat", -1, flags, NULL, fold_concat_func, NULL, NULL);
  sqlite3_create_function (db, "ph_digits_terms", -1, flags, NULL, digits_terms_func, NULL, NULL);
}
