/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ph-number.h"

G_BEGIN_DECLS

#define PH_SMS_ERROR (ph_sms_error_quark ())

typedef enum
{
  PH_SMS_ERROR_EMPTY,
  PH_SMS_ERROR_NO_KEYWORD,
  PH_SMS_ERROR_NO_SOURCE,
  PH_SMS_ERROR_INVALID_SOURCE,
  PH_SMS_ERROR_NO_CONTENT,
  PH_SMS_ERROR_UNCLOSED,
} PhSmsError;

/* The three kinds of report the 156 / 5656 channels take by SMS. */
typedef enum
{
  PH_SMS_CATEGORY_SCAM,       /* LD: lừa đảo */
  PH_SMS_CATEGORY_SPAM_CALL,  /* V: cuộc gọi rác */
  PH_SMS_CATEGORY_SPAM_SMS,   /* S: tin nhắn rác */
} PhSmsCategory;

/**
 * PhSmsReport:
 * @category: scam, spam call or spam SMS
 * @source: the reported number or brandname, always valid
 * @content: what the call or message said, trimmed, never empty
 */
typedef struct
{
  PhSmsCategory  category;
  PhNumber      *source;
  char          *content;
} PhSmsReport;

GQuark        ph_sms_error_quark          (void);

PhSmsReport  *ph_sms_parse                (const char          *message,
                                           GError             **error);
char         *ph_sms_build                (PhSmsCategory        category,
                                           const PhNumber      *source,
                                           const char          *content);
PhSmsReport  *ph_sms_report_copy          (const PhSmsReport   *report);
void          ph_sms_report_free          (PhSmsReport         *report);

const char   *ph_sms_category_to_string   (PhSmsCategory        category);  /* "scam", … */
const char   *ph_sms_category_get_keyword (PhSmsCategory        category);  /* "LD", "V", "S" */
const char   *ph_sms_category_get_label   (PhSmsCategory        category);  /* translated */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhSmsReport, ph_sms_report_free)

G_END_DECLS
