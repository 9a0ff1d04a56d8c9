/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PH_DATE_INPUT_ERROR (ph_date_input_error_quark ())

typedef enum
{
  PH_DATE_INPUT_ERROR_FORMAT,
  PH_DATE_INPUT_ERROR_NO_SUCH_DATE,
  PH_DATE_INPUT_ERROR_FUTURE,
} PhDateInputError;

GQuark     ph_date_input_error_quark (void);

gboolean   ph_date_input_parse       (const char  *text,
                                      GDateTime   *now,
                                      gboolean     allow_time,
                                      GDateTime  **result,
                                      gboolean    *has_time,
                                      GError     **error);
char      *ph_date_input_format      (GDateTime   *datetime,
                                      gboolean     has_time);

G_END_DECLS
