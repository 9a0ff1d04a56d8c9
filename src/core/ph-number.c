/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-number.c: parse and classify a source as a clerk typed it.
 *
 * The work happens in two steps. scan() and classify() read the input once and
 * fill a Result on the stack without allocating; only then does the public API
 * turn it into strings. ph_number_classify() stops after the first step, which is
 * what bulk imports and the benchmark use. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ph-number.h"
#include "ph-numbering-plan.h"

/* E.164 allows 15 digits; with the 00 international prefix that is 17 typed digits. */
#define MAX_TYPED_DIGITS 17
#define MAX_E164_DIGITS 15
#define MIN_INTERNATIONAL_DIGITS 7
#define MAX_BRANDNAME 11
/* A brandname is a name, not a number: it may carry a few digits (VNPT2), not a phone number. */
#define MAX_BRANDNAME_DIGITS 6
#define DIGIT_BUF 24

typedef enum
{
  REASON_NONE,
  REASON_EMPTY,
  REASON_NOTHING_FOUND,
  REASON_SEVERAL,
  REASON_LETTERS,
  REASON_TOO_LONG,
  REASON_TOO_SHORT,
  REASON_PREFIX_UNKNOWN,
  REASON_AREA_UNKNOWN,
  REASON_LENGTH,
  REASON_LEGACY_LENGTH,
  REASON_INTL_TOO_LONG,
  REASON_INTL_TOO_SHORT,
  REASON_INTL_ZERO,
  REASON_NEEDS_AREA_CODE,
  REASON_NOT_VIETNAMESE,
  REASON_BRAND_TOO_LONG,
} Reason;

typedef struct
{
  PhSourceKind       kind;
  Reason             reason;
  PhSourceKind       reason_kind;   /* which kind's length rule failed */
  gsize              count;         /* the digit or character count a reason quotes */
  char               prefix[DIGIT_BUF];  /* the unknown prefix a reason quotes */
  const PhPlanEntry *entry;         /* network, province or service of the number */
  const PhPlanEntry *legacy;        /* the 2018 legacy prefix it was converted from */
  char               digits[DIGIT_BUF];  /* national significant number, or digits after + */
  gsize              n;
  char               old_nsn[DIGIT_BUF];
  gsize              old_n;
  const char        *brand;         /* into the input */
  gsize              brand_len;
} Result;

typedef enum
{
  CH_OTHER,
  CH_DIGIT,
  CH_PLUS,
  CH_SEP,
  CH_SPACE,
  CH_LETTER,
} CharClass;

#define MAX_GAPS 8
/* Runs of 3 or more digits kept to pick the number out of text around it. */
#define MAX_RUNS 8

typedef struct
{
  gsize    ndigits;
  char     digits[DIGIT_BUF];
  gboolean plus;
  gsize    glued_left;   /* digits of the run just before a letter word glued to this one */
  guint    ngaps;
  guint8   gaps[MAX_GAPS];   /* digit counts at which white space split the run */
} Run;

/* Reads one character; invalid UTF-8 counts as one byte of "other". */
static inline CharClass
read_char (const char  *p,
           const char  *end,
           int         *advance,
           int         *digit)
{
  guchar c = (guchar) *p;
  gunichar u;
  const char *next;

  if (c < 0x80)
    {
      *advance = 1;
      if (c >= '0' && c <= '9')
        {
          *digit = c - '0';
          return CH_DIGIT;
        }
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return CH_LETTER;
      switch (c)
        {
        case ' ':
        case '\t':
          return CH_SPACE;
        case '.':
        case '-':
        case '(':
        case ')':
          return CH_SEP;
        case '+':
          return CH_PLUS;
        default:
          return CH_OTHER;
        }
    }

  u = g_utf8_get_char_validated (p, end - p);
  if (u == (gunichar) -1 || u == (gunichar) -2)
    {
      *advance = 1;
      return CH_OTHER;
    }
  next = g_utf8_next_char (p);
  *advance = (int) (next - p);

  /* Full-width forms come from Asian input methods and some phones. */
  if (u >= 0xFF10 && u <= 0xFF19)
    {
      *digit = (int) (u - 0xFF10);
      return CH_DIGIT;
    }
  if (u == 0xFF0B)
    return CH_PLUS;
  if (u == 0x00A0 || u == 0x202F || u == 0x3000 || (u >= 0x2000 && u <= 0x200B))
    return CH_SPACE;
  if ((u >= 0x2010 && u <= 0x2015) || u == 0x2212 || u == 0xFF0D || u == 0xFF0E
      || u == 0xFF08 || u == 0xFF09 || u == 0x00B7)
    return CH_SEP;
  if (g_unichar_isalpha (u) || g_unichar_ismark (u))
    return CH_LETTER;

  return CH_OTHER;
}

static gboolean
is_brand_char (char c)
{
  return g_ascii_isalnum (c) || c == ' ' || c == '.' || c == '-' || c == '_' || c == '&';
}

/* A brandname is the whole (trimmed) input: ASCII letters, digits and a little
 * punctuation, every word with a letter in it (so "Tel 113" is the short code),
 * and few digits (so "0912a345678" is a mistyped number). */
static gboolean
check_brandname (const char *start,
                 gsize       len,
                 Result     *r)
{
  gsize digits = 0;
  gboolean word_has_letter = FALSE;
  gboolean any_space = FALSE;

  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = start[i];

      if (!is_brand_char (c))
        return FALSE;
      if (c == ' ' && start[i - 1] == ' ')
        continue;   /* i > 0: the input is trimmed */
      if (c == ' ')
        {
          if (!word_has_letter)
            return FALSE;
          word_has_letter = FALSE;
          any_space = TRUE;
        }
      else if (g_ascii_isalpha (c))
        word_has_letter = TRUE;
      else if (g_ascii_isdigit (c))
        digits++;
    }
  if (!word_has_letter || digits > MAX_BRANDNAME_DIGITS)
    return FALSE;

  if (len > MAX_BRANDNAME)
    {
      /* Long text with spaces is a sentence, not a brandname. */
      if (any_space)
        return FALSE;
      r->kind = PH_SOURCE_KIND_INVALID;
      r->reason = REASON_BRAND_TOO_LONG;
      r->count = len;
      return TRUE;
    }

  r->kind = PH_SOURCE_KIND_BRANDNAME;
  r->brand = start;
  r->brand_len = len;
  return TRUE;
}

static void
set_reason (Result      *r,
            Reason       reason,
            gsize        count)
{
  r->kind = PH_SOURCE_KIND_INVALID;
  r->reason = reason;
  r->count = count;
}

static void
classify_international (const char *d,
                        gsize       n,
                        Result     *r)
{
  if (n == 0)
    set_reason (r, REASON_TOO_SHORT, n);
  else if (d[0] == '0')
    set_reason (r, REASON_INTL_ZERO, n);
  else if (n > MAX_E164_DIGITS)
    set_reason (r, REASON_INTL_TOO_LONG, n);
  else if (n < MIN_INTERNATIONAL_DIGITS)
    set_reason (r, REASON_INTL_TOO_SHORT, n);
  else
    {
      r->kind = PH_SOURCE_KIND_INTERNATIONAL;
      memcpy (r->digits, d, n);
      r->n = n;
    }
}

/* @nsn: the national significant number, the digits after the trunk 0 or +84. */
static void
classify_national (const PhNumberingPlan *plan,
                   const char            *nsn,
                   gsize                  m,
                   gboolean               after_84,
                   Result                *r)
{
  const PhPlanEntry *entry;
  gsize depth = 0;

  /* "+84 0912 345 678": people keep the trunk 0 after the country code. */
  if (after_84 && m > 0 && nsn[0] == '0')
    {
      nsn++;
      m--;
    }
  if (m == 0)
    {
      set_reason (r, REASON_TOO_SHORT, after_84 ? 2 : 1);
      return;
    }

  entry = ph_numbering_plan_lookup_national (plan, nsn, m, &depth);
  if (entry == NULL)
    {
      gsize shown = MIN (MAX (depth + 1, 2), m);

      r->prefix[0] = '0';
      memcpy (r->prefix + 1, nsn, shown);
      r->prefix[shown + 1] = '\0';
      set_reason (r, nsn[0] == '2' ? REASON_AREA_UNKNOWN : REASON_PREFIX_UNKNOWN, m + 1);
      return;
    }

  if (entry->legacy_to != NULL)
    {
      gsize old_len = strlen (entry->prefix) - 1;
      gsize new_len = strlen (entry->legacy_to) - 1;
      const PhPlanEntry *target;

      if (!ph_numbering_plan_length_ok (plan, PH_SOURCE_KIND_MOBILE, TRUE, m + 1))
        {
          r->legacy = entry;
          set_reason (r, REASON_LEGACY_LENGTH, m + 1);
          return;
        }

      memcpy (r->old_nsn, nsn, m);
      r->old_n = m;
      memcpy (r->digits, entry->legacy_to + 1, new_len);
      memcpy (r->digits + new_len, nsn + old_len, m - old_len);
      r->n = new_len + m - old_len;
      r->legacy = entry;

      /* The plan guarantees legacy_to is a mobile prefix of its own. */
      target = ph_numbering_plan_lookup_national (plan, r->digits, r->n, NULL);
      if (target == NULL || !ph_numbering_plan_length_ok (plan, target->kind, FALSE, r->n + 1))
        {
          r->reason_kind = PH_SOURCE_KIND_MOBILE;
          set_reason (r, REASON_LENGTH, r->n + 1);
          return;
        }
      r->kind = target->kind;
      r->entry = target;
      return;
    }

  if (!ph_numbering_plan_length_ok (plan, entry->kind, FALSE, m + 1))
    {
      r->reason_kind = entry->kind;
      r->entry = entry;
      set_reason (r, REASON_LENGTH, m + 1);
      return;
    }

  r->kind = entry->kind;
  r->entry = entry;
  memcpy (r->digits, nsn, m);
  r->n = m;
}

static void
classify_digits (const PhNumberingPlan *plan,
                 const Run             *run,
                 Result                *r)
{
  const char *d = run->digits;
  gsize n = run->ndigits;
  const PhPlanEntry *entry;

  if (n > MAX_TYPED_DIGITS)
    {
      set_reason (r, REASON_TOO_LONG, n);
      return;
    }

  if (run->plus)
    {
      if (n >= 2 && d[0] == '8' && d[1] == '4')
        classify_national (plan, d + 2, n - 2, TRUE, r);
      else
        classify_international (d, n, r);
      return;
    }

  if (n >= 2 && d[0] == '0' && d[1] == '0')
    {
      if (n >= 4 && d[2] == '8' && d[3] == '4')
        classify_national (plan, d + 4, n - 4, TRUE, r);
      else
        classify_international (d + 2, n - 2, r);
      return;
    }

  if (d[0] == '0')
    {
      classify_national (plan, d + 1, n - 1, FALSE, r);
      return;
    }

  entry = ph_numbering_plan_lookup_service (plan, d, n);
  if (entry != NULL)
    {
      if (!ph_numbering_plan_length_ok (plan, PH_SOURCE_KIND_SERVICE, FALSE, n))
        {
          r->reason_kind = PH_SOURCE_KIND_SERVICE;
          set_reason (r, REASON_LENGTH, n);
          return;
        }
      r->kind = PH_SOURCE_KIND_SERVICE;
      r->entry = entry;
      memcpy (r->digits, d, n);
      r->n = n;
      return;
    }

  if (ph_numbering_plan_length_ok (plan, PH_SOURCE_KIND_SHORTCODE, FALSE, n))
    {
      r->kind = PH_SOURCE_KIND_SHORTCODE;
      r->entry = ph_numbering_plan_lookup_shortcode (plan, d, n);
      memcpy (r->digits, d, n);
      r->n = n;
      return;
    }

  /* 84912345678: the country code without its +. */
  if (n >= 11 && d[0] == '8' && d[1] == '4')
    {
      classify_national (plan, d + 2, n - 2, TRUE, r);
      return;
    }

  /* 912345678: the trunk 0 left out. Only when the plan leaves no doubt. */
  entry = ph_numbering_plan_lookup_national (plan, d, n, NULL);
  if (entry != NULL && ph_numbering_plan_length_ok (plan, entry->kind, entry->legacy_to != NULL, n + 1))
    {
      classify_national (plan, d, n, FALSE, r);
      return;
    }

  if (n < 3)
    set_reason (r, REASON_TOO_SHORT, n);
  else if (n <= 8)
    set_reason (r, REASON_NEEDS_AREA_CODE, n);
  else
    set_reason (r, REASON_NOT_VIETNAMESE, n);
}

static void
end_run (Run      *run,
         Run      *runs,
         guint    *significant,
         gboolean *letters,
         gsize    *all_digits)
{
  /* "0912a345678" is a typo; "9h30" in the text around a number is not. */
  if (run->glued_left >= 3 || (run->glued_left > 0 && run->ndigits >= 3))
    *letters = TRUE;
  *all_digits += run->ndigits;
  if (run->ndigits >= 3)
    {
      if (*significant < MAX_RUNS)
        runs[*significant] = *run;
      (*significant)++;
    }
}

/* "0912345678 0987654321" is two numbers, not one too long: some split at a
 * space gives two valid numbers. Only tried on input that is already invalid. */
static gboolean
is_two_numbers (const PhNumberingPlan *plan,
                const Run             *run)
{
  if (run->ndigits > DIGIT_BUF)
    return FALSE;

  for (guint g = 0; g < run->ngaps; g++)
    {
      Run left = { 0 }, right = { 0 };
      Result a, b;
      gsize at = run->gaps[g];

      /* Both halves written in full (with their 0 or +), or any long
       * foreign number would split into a short one and a bare mobile one. */
      if (at < 3 || run->ndigits - at < 3 || run->digits[at] != '0'
          || !(run->plus || run->digits[0] == '0'))
        continue;
      left.plus = run->plus;
      left.ndigits = at;
      memcpy (left.digits, run->digits, at);
      right.ndigits = run->ndigits - at;
      memcpy (right.digits, run->digits + at, right.ndigits);

      memset (&a, 0, sizeof a);
      memset (&b, 0, sizeof b);
      classify_digits (plan, &left, &a);
      classify_digits (plan, &right, &b);
      if (a.kind != PH_SOURCE_KIND_INVALID && b.kind != PH_SOURCE_KIND_INVALID
          && a.kind != PH_SOURCE_KIND_SHORTCODE && b.kind != PH_SOURCE_KIND_SHORTCODE)
        return TRUE;
    }

  return FALSE;
}

/* Several runs of digits: "ngày 12/08/2025 số 0912 345 678 gọi 3 lần" holds one
 * number and a date. Exactly one run must be a number (not a short code), and no
 * other run may look like a mistyped one (9 digits or more, or after a +). */
static void
pick_number (const PhNumberingPlan *plan,
             const Run             *runs,
             guint                  significant,
             Result                *r)
{
  Result found = { 0 };
  guint numbers = 0;

  if (significant > MAX_RUNS)
    {
      set_reason (r, REASON_SEVERAL, significant);
      return;
    }

  for (guint i = 0; i < significant; i++)
    {
      Result t = { 0 };

      classify_digits (plan, &runs[i], &t);
      if (t.kind != PH_SOURCE_KIND_INVALID && t.kind != PH_SOURCE_KIND_SHORTCODE)
        {
          numbers++;
          found = t;
        }
      else if (t.kind == PH_SOURCE_KIND_INVALID && (runs[i].plus || runs[i].ndigits >= 9))
        numbers += 2;   /* a broken number next to a good one: let the clerk choose */
    }

  if (numbers == 1)
    *r = found;
  else
    set_reason (r, REASON_SEVERAL, significant);
}

static void
scan (const PhNumberingPlan *plan,
      const char            *input,
      gsize                  len,
      Result                *r)
{
  const char *p = input;
  const char *end = input + len;
  const char *start, *stop;
  Run run = { 0 };
  Run runs[MAX_RUNS];
  gboolean in_run = FALSE;
  gboolean pending_plus = FALSE;
  gboolean letters = FALSE;       /* a letter between two digits: "0912a345678" */
  gsize word_left = 0;            /* digits glued before the current letter word */
  gboolean any_letter = FALSE;
  guint significant = 0;
  gsize all_digits = 0;
  CharClass prev = CH_OTHER;

  memset (r, 0, sizeof *r);

  /* Trim ASCII white space for the brandname check and the empty check. */
  start = input;
  stop = end;
  while (start < stop && g_ascii_isspace (*start))
    start++;
  while (stop > start && g_ascii_isspace (stop[-1]))
    stop--;

  while (p < end)
    {
      int advance = 1, digit = 0;
      CharClass c = read_char (p, end, &advance, &digit);

      switch (c)
        {
        case CH_DIGIT:
          if (!in_run)
            {
              memset (&run, 0, sizeof run);
              run.plus = pending_plus;
              /* A label glued in front ("ĐT0912345678", "Tel0912…") is text
               * around the number; letters between digits are a typo. */
              if (prev == CH_LETTER)
                run.glued_left = word_left;
              in_run = TRUE;
            }
          if (run.ndigits < DIGIT_BUF)
            run.digits[run.ndigits] = (char) ('0' + digit);
          run.ndigits++;
          pending_plus = FALSE;
          break;

        case CH_SPACE:
          if (in_run && prev == CH_DIGIT && run.ngaps < MAX_GAPS && run.ndigits < DIGIT_BUF)
            run.gaps[run.ngaps++] = (guint8) run.ndigits;
          break;

        case CH_SEP:
          break;

        case CH_PLUS:
          if (in_run)
            {
              end_run (&run, runs, &significant, &letters, &all_digits);
              in_run = FALSE;
            }
          pending_plus = TRUE;
          break;

        case CH_LETTER:
          any_letter = TRUE;
          if (prev != CH_LETTER)
            word_left = (prev == CH_DIGIT) ? run.ndigits : 0;
          if (in_run)
            {
              end_run (&run, runs, &significant, &letters, &all_digits);
              in_run = FALSE;
            }
          pending_plus = FALSE;
          break;

        case CH_OTHER:
        default:
          if (in_run)
            {
              end_run (&run, runs, &significant, &letters, &all_digits);
              in_run = FALSE;
            }
          pending_plus = FALSE;
          break;
        }

      prev = c;
      p += advance;
    }
  if (in_run)
    end_run (&run, runs, &significant, &letters, &all_digits);

  if (start == stop)
    {
      set_reason (r, REASON_EMPTY, 0);
      return;
    }

  if (any_letter && check_brandname (start, (gsize) (stop - start), r))
    return;

  if (letters)
    set_reason (r, REASON_LETTERS, 0);
  else if (significant > 1)
    pick_number (plan, runs, significant, r);
  else if (significant == 1)
    {
      classify_digits (plan, &runs[0], r);
      if (r->kind == PH_SOURCE_KIND_INVALID && is_two_numbers (plan, &runs[0]))
        set_reason (r, REASON_SEVERAL, 2);
    }
  else if (all_digits > 0)
    set_reason (r, REASON_TOO_SHORT, all_digits);
  else
    set_reason (r, REASON_NOTHING_FOUND, 0);
}

/* Writes the key (the store's identity of the source) into @buf. */
static gsize
write_key (const Result *r,
           char         *buf,
           gsize         size)
{
  gsize n = 0;

#define PUT(ch) G_STMT_START { if (n + 1 < size) buf[n] = (ch); n++; } G_STMT_END
  switch (r->kind)
    {
    case PH_SOURCE_KIND_MOBILE:
    case PH_SOURCE_KIND_LANDLINE:
    case PH_SOURCE_KIND_SPECIAL:
      PUT ('+');
      PUT ('8');
      PUT ('4');
      for (gsize i = 0; i < r->n; i++)
        PUT (r->digits[i]);
      break;

    case PH_SOURCE_KIND_INTERNATIONAL:
      PUT ('+');
      for (gsize i = 0; i < r->n; i++)
        PUT (r->digits[i]);
      break;

    case PH_SOURCE_KIND_SERVICE:
    case PH_SOURCE_KIND_SHORTCODE:
      for (gsize i = 0; i < r->n; i++)
        PUT (r->digits[i]);
      break;

    case PH_SOURCE_KIND_BRANDNAME:
      for (gsize i = 0; i < r->brand_len; i++)
        {
          /* Runs of spaces count as one, so "FE  CREDIT" is "FE CREDIT". */
          if (r->brand[i] == ' ' && i > 0 && r->brand[i - 1] == ' ')
            continue;
          PUT (g_ascii_toupper (r->brand[i]));
        }
      break;

    case PH_SOURCE_KIND_INVALID:
    default:
      break;
    }
#undef PUT

  if (size > 0)
    buf[MIN (n, size - 1)] = '\0';

  return n;
}

/* Digits grouped by @groups (sizes, 0-terminated); the rest goes in the last group. */
static char *
group_digits (const char *digits,
              gsize       n,
              const guint *groups)
{
  GString *out = g_string_sized_new (n + 4);
  gsize pos = 0;

  for (guint g = 0; groups[g] != 0 && pos < n; g++)
    {
      gsize take = groups[g + 1] == 0 ? n - pos : MIN (groups[g], n - pos);

      if (pos > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, digits + pos, (gssize) take);
      pos += take;
    }

  return g_string_free (out, FALSE);
}

static char *
national_display (const char        *nsn,
                  gsize              m,
                  PhSourceKind       kind,
                  const PhPlanEntry *entry)
{
  char national[DIGIT_BUF + 1];

  national[0] = '0';
  memcpy (national + 1, nsn, m);
  national[m + 1] = '\0';

  switch (kind)
    {
    case PH_SOURCE_KIND_MOBILE:
      {
        static const guint mobile[] = { 4, 3, 3, 0 };
        static const guint legacy[] = { 4, 3, 4, 0 };

        return group_digits (national, m + 1, m + 1 == 11 ? legacy : mobile);
      }

    case PH_SOURCE_KIND_LANDLINE:
      {
        gsize area = strlen (entry->prefix);
        gsize subscriber = m + 1 - area;
        guint groups[] = { (guint) area, subscriber == 8 ? 4 : 3, 4, 0 };

        return group_digits (national, m + 1, groups);
      }

    case PH_SOURCE_KIND_SPECIAL:
      {
        /* The way the police publish it: 069 2348560. */
        guint groups[] = { (guint) strlen (entry->prefix), 99, 0 };

        return group_digits (national, m + 1, groups);
      }

    case PH_SOURCE_KIND_INVALID:
    case PH_SOURCE_KIND_SERVICE:
    case PH_SOURCE_KIND_SHORTCODE:
    case PH_SOURCE_KIND_BRANDNAME:
    case PH_SOURCE_KIND_INTERNATIONAL:
    default:
      return g_strdup (national);
    }
}

static char *
format_reason (const PhNumberingPlan *plan,
               const Result          *r)
{
  gulong count = (gulong) r->count;

  switch (r->reason)
    {
    case REASON_EMPTY:
      return g_strdup (_("Nothing was entered"));

    case REASON_NOTHING_FOUND:
      return g_strdup (_("No phone number, short code or brandname was found in the text"));

    case REASON_SEVERAL:
      return g_strdup (_("The text holds more than one number; enter one number at a time"));

    case REASON_LETTERS:
      return g_strdup (_("The number has letters inside it; check what was typed"));

    case REASON_TOO_LONG:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "A phone number has at most 15 digits; this one has %lu",
                                           "A phone number has at most 15 digits; this one has %lu",
                                           count), count);

    case REASON_TOO_SHORT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Too short for a phone number: only %lu digit",
                                           "Too short for a phone number: only %lu digits",
                                           count), count);

    case REASON_PREFIX_UNKNOWN:
      return g_strdup_printf (_("Prefix %s is not in use"), r->prefix);

    case REASON_AREA_UNKNOWN:
      return g_strdup_printf (_("Area code %s is not in use"), r->prefix);

    case REASON_LENGTH:
      {
        g_autofree char *lengths = ph_numbering_plan_describe_lengths (plan, r->reason_kind, FALSE);

        switch (r->reason_kind)
          {
          case PH_SOURCE_KIND_MOBILE:
            /* Translators: the first %s is a length such as "10" */
            return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "A mobile number has %s digits; this one has %lu",
                                                 "A mobile number has %s digits; this one has %lu",
                                                 count), lengths, count);
          case PH_SOURCE_KIND_LANDLINE:
            return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "A landline number has %s digits with its area code; this one has %lu",
                                                 "A landline number has %s digits with its area code; this one has %lu",
                                                 count), lengths, count);
          case PH_SOURCE_KIND_SERVICE:
            /* Translators: the first %s is a list of lengths such as "8 or 10" */
            return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "A 1800/1900 service number has %s digits; this one has %lu",
                                                 "A 1800/1900 service number has %s digits; this one has %lu",
                                                 count), lengths, count);
          case PH_SOURCE_KIND_SPECIAL:
          case PH_SOURCE_KIND_INVALID:
          case PH_SOURCE_KIND_SHORTCODE:
          case PH_SOURCE_KIND_BRANDNAME:
          case PH_SOURCE_KIND_INTERNATIONAL:
          default:
            /* Translators: the first %s is a prefix such as 069, the second a length such as "10" */
            return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "A number with prefix %s has %s digits; this one has %lu",
                                                 "A number with prefix %s has %s digits; this one has %lu",
                                                 count),
                                    r->entry != NULL ? r->entry->prefix : "?", lengths, count);
          }
      }

    case REASON_LEGACY_LENGTH:
      {
        g_autofree char *lengths = ph_numbering_plan_describe_lengths (plan, PH_SOURCE_KIND_MOBILE, TRUE);

        /* Translators: "Prefix 0162 was replaced by 032 in 2018; an old number with it had 11 digits, …" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Prefix %s was replaced by %s in 2018; an old number with it had %s digits, this one has %lu",
                                             "Prefix %s was replaced by %s in 2018; an old number with it had %s digits, this one has %lu",
                                             count),
                                r->legacy->prefix, r->legacy->legacy_to, lengths, count);
      }

    case REASON_INTL_TOO_LONG:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "An international number has at most 15 digits; this one has %lu",
                                           "An international number has at most 15 digits; this one has %lu",
                                           count), count);

    case REASON_INTL_TOO_SHORT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "An international number has at least 7 digits with its country code; this one has %lu",
                                           "An international number has at least 7 digits with its country code; this one has %lu",
                                           count), count);

    case REASON_INTL_ZERO:
      return g_strdup (_("A country code never starts with 0; check the digits after + or 00"));

    case REASON_NEEDS_AREA_CODE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Only %lu digit: a short code has 3 to 5 digits, and a landline number needs its area code (e.g. 0237 for Thanh Hóa)",
                                           "Only %lu digits: a short code has 3 to 5 digits, and a landline number needs its area code (e.g. 0237 for Thanh Hóa)",
                                           count), count);

    case REASON_NOT_VIETNAMESE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%lu digit without a leading 0 is not a Vietnamese number; write a foreign number with + or 00",
                                           "%lu digits without a leading 0 is not a Vietnamese number; write a foreign number with + or 00",
                                           count), count);

    case REASON_BRAND_TOO_LONG:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "A brandname has at most 11 characters; this one has %lu",
                                           "A brandname has at most 11 characters; this one has %lu",
                                           count), count);

    case REASON_NONE:
    default:
      return g_strdup (_("Not a valid source"));
    }
}

static PhNumber *
build_number (const PhNumberingPlan *plan,
              const char            *input,
              const Result          *r)
{
  PhNumber *number = g_new0 (PhNumber, 1);
  char key[PH_NUMBER_KEY_SIZE];

  number->kind = r->kind;
  number->input = g_strdup (input);

  if (r->kind == PH_SOURCE_KIND_INVALID)
    {
      number->reason = format_reason (plan, r);
      number->display = g_strstrip (g_strdup (input));
      return number;
    }

  write_key (r, key, sizeof key);
  number->key = g_strdup (key);

  switch (r->kind)
    {
    case PH_SOURCE_KIND_MOBILE:
    case PH_SOURCE_KIND_LANDLINE:
    case PH_SOURCE_KIND_SPECIAL:
      number->e164 = g_strdup (key);
      number->display = national_display (r->digits, r->n, r->kind, r->entry);
      if (r->kind == PH_SOURCE_KIND_LANDLINE)
        number->province = g_strdup (r->entry->name);
      else
        number->network = g_strdup (r->entry->name);
      if (r->legacy != NULL)
        {
          number->converted_from = national_display (r->old_nsn, r->old_n, PH_SOURCE_KIND_MOBILE,
                                                     r->legacy);
          number->note = g_strdup_printf (_("Converted from the 11-digit number %s (2018 change of mobile prefixes)"),
                                          number->converted_from);
        }
      break;

    case PH_SOURCE_KIND_INTERNATIONAL:
      number->e164 = g_strdup (key);
      number->display = g_strdup (key);
      break;

    case PH_SOURCE_KIND_SERVICE:
      {
        static const guint short_groups[] = { 4, 4, 0 };
        static const guint long_groups[] = { 4, 3, 3, 0 };

        number->display = group_digits (r->digits, r->n, r->n <= 8 ? short_groups : long_groups);
        number->note = g_strdup (r->entry->name);
      }
      break;

    case PH_SOURCE_KIND_SHORTCODE:
      number->display = g_strdup (key);
      if (r->entry != NULL)
        number->note = g_strdup (r->entry->name);
      break;

    case PH_SOURCE_KIND_BRANDNAME:
      {
        GString *display = g_string_sized_new (r->brand_len);

        for (gsize i = 0; i < r->brand_len; i++)
          if (!(r->brand[i] == ' ' && i > 0 && r->brand[i - 1] == ' '))
            g_string_append_c (display, r->brand[i]);
        number->display = g_string_free (display, FALSE);
      }
      break;

    case PH_SOURCE_KIND_INVALID:
    default:
      g_assert_not_reached ();
    }

  return number;
}

/**
 * ph_number_parse_with_plan:
 * @plan: the numbering plan to classify with
 * @input: what the clerk typed or pasted (UTF-8; invalid bytes are tolerated)
 *
 * Like ph_number_parse() with another plan than the built-in one.
 *
 * Returns: (transfer full): the parsed source, never %NULL
 */
PhNumber *
ph_number_parse_with_plan (const PhNumberingPlan *plan,
                           const char            *input)
{
  g_autofree char *valid = NULL;
  Result r;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);

  /* The input is kept, shown and stored, so it has to be valid text. */
  if (!g_utf8_validate (input, -1, NULL))
    input = valid = g_utf8_make_valid (input, -1);

  scan (plan, input, strlen (input), &r);

  return build_number (plan, input, &r);
}

/**
 * ph_number_parse:
 * @input: what the clerk typed or pasted: `0912 345 678`, `+84 912 345 678`,
 *   `(091) 234-5678`, `0162 345 6789`, `1900 1234`, `113`, `VIETTEL`,
 *   `+855 12 345 678`, full-width digits, or any of them with text around
 *
 * Parses and classifies a source with the built-in numbering plan. The result
 * is never %NULL: an input that is not a valid source comes back with kind
 * %PH_SOURCE_KIND_INVALID and a @reason the clerk can act on.
 *
 * Returns: (transfer full): the parsed source
 */
PhNumber *
ph_number_parse (const char *input)
{
  g_return_val_if_fail (input != NULL, NULL);

  return ph_number_parse_with_plan (ph_numbering_plan_get_default (), input);
}

/**
 * ph_number_classify:
 * @input: what was typed (need not be valid UTF-8)
 * @len: length of @input in bytes, or -1 if nul-terminated
 * @key: (out) (optional): buffer for the key (see #PhNumber), empty when invalid
 * @key_size: size of @key; %PH_NUMBER_KEY_SIZE always suffices
 *
 * The allocation-free core of ph_number_parse(), for bulk work: the kind and
 * the key only.
 *
 * Returns: the kind of source, %PH_SOURCE_KIND_INVALID when it is not valid
 */
PhSourceKind
ph_number_classify (const char *input,
                    gssize      len,
                    char       *key,
                    gsize       key_size)
{
  Result r;

  g_return_val_if_fail (input != NULL, PH_SOURCE_KIND_INVALID);

  scan (ph_numbering_plan_get_default (), input, len < 0 ? strlen (input) : (gsize) len, &r);
  if (key != NULL)
    write_key (&r, key, key_size);

  return r.kind;
}

/**
 * ph_number_copy:
 * @number: a parsed source
 *
 * Returns: (transfer full): a deep copy of @number
 */
PhNumber *
ph_number_copy (const PhNumber *number)
{
  PhNumber *copy;

  g_return_val_if_fail (number != NULL, NULL);

  copy = g_new0 (PhNumber, 1);
  copy->kind = number->kind;
  copy->input = g_strdup (number->input);
  copy->key = g_strdup (number->key);
  copy->e164 = g_strdup (number->e164);
  copy->display = g_strdup (number->display);
  copy->network = g_strdup (number->network);
  copy->province = g_strdup (number->province);
  copy->converted_from = g_strdup (number->converted_from);
  copy->reason = g_strdup (number->reason);
  copy->note = g_strdup (number->note);

  return copy;
}

/**
 * ph_number_free:
 * @number: (nullable): a parsed source
 *
 * Frees @number and its strings.
 */
void
ph_number_free (PhNumber *number)
{
  if (number == NULL)
    return;

  g_free (number->input);
  g_free (number->key);
  g_free (number->e164);
  g_free (number->display);
  g_free (number->network);
  g_free (number->province);
  g_free (number->converted_from);
  g_free (number->reason);
  g_free (number->note);
  g_free (number);
}

/**
 * ph_number_is_valid:
 * @number: a parsed source
 *
 * Returns: whether @number is a source that can be reported
 */
gboolean
ph_number_is_valid (const PhNumber *number)
{
  g_return_val_if_fail (number != NULL, FALSE);

  return number->kind != PH_SOURCE_KIND_INVALID;
}

/**
 * ph_source_kind_to_string:
 * @kind: a kind of source
 *
 * Returns: the stable name used in the store and in JSON: `mobile`, `landline`,
 *   `service`, `shortcode`, `special`, `brandname`, `international`, `invalid`
 */
const char *
ph_source_kind_to_string (PhSourceKind kind)
{
  switch (kind)
    {
    case PH_SOURCE_KIND_MOBILE:
      return "mobile";
    case PH_SOURCE_KIND_LANDLINE:
      return "landline";
    case PH_SOURCE_KIND_SERVICE:
      return "service";
    case PH_SOURCE_KIND_SHORTCODE:
      return "shortcode";
    case PH_SOURCE_KIND_SPECIAL:
      return "special";
    case PH_SOURCE_KIND_BRANDNAME:
      return "brandname";
    case PH_SOURCE_KIND_INTERNATIONAL:
      return "international";
    case PH_SOURCE_KIND_INVALID:
    default:
      return "invalid";
    }
}

/**
 * ph_source_kind_get_label:
 * @kind: a kind of source
 *
 * Returns: the translated name of @kind for the UI
 */
const char *
ph_source_kind_get_label (PhSourceKind kind)
{
  switch (kind)
    {
    case PH_SOURCE_KIND_MOBILE:
      return C_("source kind", "Mobile");
    case PH_SOURCE_KIND_LANDLINE:
      return C_("source kind", "Landline");
    case PH_SOURCE_KIND_SERVICE:
      return C_("source kind", "Service number (1800/1900)");
    case PH_SOURCE_KIND_SHORTCODE:
      return C_("source kind", "Short code");
    case PH_SOURCE_KIND_SPECIAL:
      return C_("source kind", "Special network");
    case PH_SOURCE_KIND_BRANDNAME:
      return C_("source kind", "Brandname");
    case PH_SOURCE_KIND_INTERNATIONAL:
      return C_("source kind", "International");
    case PH_SOURCE_KIND_INVALID:
    default:
      return C_("source kind", "Invalid");
    }
}
