/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PH_SOURCE_KIND_INVALID,
  PH_SOURCE_KIND_MOBILE,
  PH_SOURCE_KIND_LANDLINE,
  PH_SOURCE_KIND_SERVICE,        /* 1800 / 1900 */
  PH_SOURCE_KIND_SHORTCODE,      /* 113, 156, 5656 … */
  PH_SOURCE_KIND_SPECIAL,        /* special networks, e.g. the police network 069 */
  PH_SOURCE_KIND_BRANDNAME,      /* alphanumeric SMS sender, up to 11 characters */
  PH_SOURCE_KIND_INTERNATIONAL,
} PhSourceKind;

/**
 * PhNumber:
 * @kind: what the source is
 * @input: the text as typed
 * @key: the normalised form that identifies the source in the store: E.164
 *   (`+84912345678`) for numbers, the digits for short codes and service numbers,
 *   the upper-case name for brandnames; %NULL when invalid
 * @e164: the E.164 form, or %NULL when the source has none (brandname, short code)
 * @display: how to show it (`0912 345 678` for a mobile number)
 * @network: the original network of a mobile number (numbers can be ported), or %NULL
 * @province: the province of a landline, or %NULL
 * @converted_from: for a legacy 11-digit mobile number, the old number in display
 *   form (`0162 345 6789`), or %NULL
 * @reason: why the input is invalid, in words a clerk understands (translated), or %NULL
 * @note: more for the clerk, or %NULL: that a legacy number was converted (translated),
 *   or the name the numbering plan gives a short code or service number (`Cấp cứu y tế`)
 */
typedef struct
{
  PhSourceKind  kind;
  char         *input;
  char         *key;
  char         *e164;
  char         *display;
  char         *network;
  char         *province;
  char         *converted_from;
  char         *reason;
  char         *note;
} PhNumber;

typedef struct _PhNumberingPlan PhNumberingPlan;

/* Big enough for any key ph_number_classify() writes. */
#define PH_NUMBER_KEY_SIZE 32

PhNumber   *ph_number_parse              (const char   *input);
PhNumber   *ph_number_copy               (const PhNumber *number);
void        ph_number_free               (PhNumber     *number);
gboolean    ph_number_is_valid           (const PhNumber *number);
PhNumber   *ph_number_parse_with_plan    (const PhNumberingPlan *plan,
                                          const char   *input);
PhSourceKind ph_number_classify          (const char   *input,
                                          gssize        len,
                                          char         *key,
                                          gsize         key_size);
const char *ph_source_kind_to_string     (PhSourceKind  kind);   /* "mobile", "landline", … */
const char *ph_source_kind_get_label     (PhSourceKind  kind);   /* translated, for the UI */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhNumber, ph_number_free)

G_END_DECLS
