/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-parsers.c: one libFuzzer entry point for every parser of untrusted text:
 * the number parser (both entry points), the 156/5656 message parser and builder,
 * search folding and the numbering-plan reader.
 *
 * Besides "no crash, no leak, no UB" it checks what must hold for any input, so
 * the fuzzer also finds wrong answers, not only memory errors. The same function
 * replays the committed corpus in `meson test` (replay.c), with gcc as well. */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ph-fold.h"
#include "ph-number.h"
#include "ph-numbering-plan.h"
#include "ph-sms.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(cond) \
  G_STMT_START { if (!(cond)) { g_printerr ("fuzz-parsers: %s:%d: %s\n", __FILE__, __LINE__, #cond); abort (); } } G_STMT_END

static void
check_number (const PhNumber *n)
{
  CHECK (n != NULL && n->input != NULL);
  CHECK (g_utf8_validate (n->input, -1, NULL));
  if (n->kind == PH_SOURCE_KIND_INVALID)
    {
      CHECK (n->reason != NULL && *n->reason != '\0');
      CHECK (n->key == NULL && n->e164 == NULL);
      return;
    }
  CHECK (n->reason == NULL && n->key != NULL && n->display != NULL);
  CHECK (strlen (n->key) < PH_NUMBER_KEY_SIZE);
  if (n->e164 != NULL)
    {
      gsize len = strlen (n->e164);

      CHECK (n->e164[0] == '+' && len >= 2 && len <= 16);
      for (gsize i = 1; i < len; i++)
        CHECK (g_ascii_isdigit (n->e164[i]));
    }

  /* A source the parser accepted reads back the same from its own forms. */
  if (n->e164 != NULL)
    {
      g_autoptr(PhNumber) again = ph_number_parse (n->e164);

      CHECK (again->kind == n->kind);
      CHECK (g_strcmp0 (again->key, n->key) == 0);
    }
  {
    g_autoptr(PhNumber) again = ph_number_parse (n->display);

    CHECK (again->kind == n->kind);
    CHECK (g_strcmp0 (again->key, n->key) == 0);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *bytes = (const char *) data;
  g_autofree char *text = g_strndup (bytes, size);   /* stops at the first nul */
  g_autoptr(PhNumber) number = NULL;
  g_autoptr(PhSmsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *digits = NULL;
  char key[PH_NUMBER_KEY_SIZE];
  PhSourceKind kind;

  /* The allocation-free classifier takes any bytes, nuls included. */
  kind = ph_number_classify (bytes, (gssize) size, key, sizeof key);
  CHECK (strlen (key) < sizeof key);
  CHECK ((kind == PH_SOURCE_KIND_INVALID) == (key[0] == '\0'));

  number = ph_number_parse (text);
  check_number (number);
  /* On valid text both entry points agree. */
  if (strlen (text) == size && g_utf8_validate (text, -1, NULL))
    {
      CHECK (kind == number->kind);
      CHECK (strcmp (key, number->key != NULL ? number->key : "") == 0);
    }

  report = ph_sms_parse (text, &error);
  CHECK ((report == NULL) != (error == NULL));
  if (report != NULL)
    {
      g_autofree char *message = NULL;

      CHECK (report->category <= PH_SMS_CATEGORY_SPAM_SMS);
      CHECK (ph_number_is_valid (report->source));
      check_number (report->source);
      CHECK (report->content != NULL && *report->content != '\0');
      CHECK (g_utf8_validate (report->content, -1, NULL));
      message = ph_sms_build (report->category, report->source, report->content);
      CHECK (message != NULL && g_utf8_validate (message, -1, NULL));
    }
  else
    {
      CHECK (error->domain == PH_SMS_ERROR);
      CHECK (error->message != NULL && *error->message != '\0');
    }

  folded = ph_fold (bytes, (gssize) size);
  CHECK (g_utf8_validate (folded, -1, NULL));
  for (const char *p = folded; *p != '\0'; p++)
    CHECK (!g_ascii_isupper (*p));
  digits = ph_fold_digits (text);
  for (const char *p = digits; *p != '\0'; p++)
    CHECK (g_ascii_isdigit (*p));

  /* The numbering-plan reader: a plan it accepts must classify without trouble. */
  if (size > 0 && size < 2048)
    {
      g_autoptr(GError) plan_error = NULL;
      g_autoptr(PhNumberingPlan) plan = ph_numbering_plan_new_from_data (bytes, (gssize) size,
                                                                         &plan_error);

      CHECK ((plan == NULL) != (plan_error == NULL));
      if (plan != NULL)
        {
          GPtrArray *entries = ph_numbering_plan_get_entries (plan);

          for (guint i = 0; i < entries->len && i < 16; i++)
            {
              const PhPlanEntry *e = g_ptr_array_index (entries, i);
              g_autofree char *sample = g_strconcat (e->prefix, "1234567", NULL);
              g_autoptr(PhNumber) n = ph_number_parse_with_plan (plan, sample);

              CHECK (n != NULL && g_utf8_validate (n->input, -1, NULL));
            }
        }
    }

  return 0;
}
