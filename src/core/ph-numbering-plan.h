/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ph-number.h"

G_BEGIN_DECLS

#define PH_NUMBERING_PLAN_ERROR (ph_numbering_plan_error_quark ())

typedef enum
{
  PH_NUMBERING_PLAN_ERROR_SYNTAX,
  PH_NUMBERING_PLAN_ERROR_MISSING,
} PhNumberingPlanError;

/* Longest prefix (trunk 0 included) and longest number the plan can describe. */
#define PH_NUMBERING_PLAN_MAX_PREFIX 12
#define PH_NUMBERING_PLAN_MAX_LENGTH 31

/**
 * PhPlanEntry:
 * @kind: what numbers with this prefix are (%PH_SOURCE_KIND_MOBILE … ); legacy
 *   prefixes use %PH_SOURCE_KIND_MOBILE with @legacy set
 * @prefix: the prefix as dialled in Vietnam (`0912`, `0237`, `1800`, `113`)
 * @name: network, province or service name from the plan (Vietnamese, not
 *   translated), or %NULL
 * @legacy_to: for a 2018 legacy prefix, the prefix that replaced it (`032`), else %NULL
 */
typedef struct
{
  PhSourceKind  kind;
  char         *prefix;
  char         *name;
  char         *legacy_to;
} PhPlanEntry;

GQuark              ph_numbering_plan_error_quark   (void);

PhNumberingPlan    *ph_numbering_plan_new_from_data (const char       *data,
                                                     gssize            len,
                                                     GError          **error);
PhNumberingPlan    *ph_numbering_plan_ref           (PhNumberingPlan  *plan);
void                ph_numbering_plan_unref         (PhNumberingPlan  *plan);
PhNumberingPlan    *ph_numbering_plan_get_default   (void);

const PhPlanEntry  *ph_numbering_plan_lookup_national (const PhNumberingPlan *plan,
                                                       const char            *nsn,
                                                       gsize                  len,
                                                       gsize                 *matched);
const PhPlanEntry  *ph_numbering_plan_lookup_service  (const PhNumberingPlan *plan,
                                                       const char            *digits,
                                                       gsize                  len);
const PhPlanEntry  *ph_numbering_plan_lookup_shortcode (const PhNumberingPlan *plan,
                                                        const char            *digits,
                                                        gsize                  len);
gboolean            ph_numbering_plan_length_ok     (const PhNumberingPlan *plan,
                                                     PhSourceKind           kind,
                                                     gboolean               legacy,
                                                     gsize                  length);
char               *ph_numbering_plan_describe_lengths (const PhNumberingPlan *plan,
                                                        PhSourceKind           kind,
                                                        gboolean               legacy);
GPtrArray          *ph_numbering_plan_get_entries   (const PhNumberingPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhNumberingPlan, ph_numbering_plan_unref)

G_END_DECLS
