/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PH_TEMPLATE_ERROR (ph_template_error_quark ())

typedef enum
{
  PH_TEMPLATE_ERROR_SYNTAX,         /* the file is not a valid key file */
  PH_TEMPLATE_ERROR_MISSING_KEY,    /* a key the appendix needs is absent or empty */
  PH_TEMPLATE_ERROR_UNKNOWN_KEY,    /* a group or key the appendix does not know (a typo) */
  PH_TEMPLATE_ERROR_PLACEHOLDER,    /* a {word} that the key does not offer */
} PhTemplateError;

typedef struct _PhTemplate PhTemplate;

GQuark       ph_template_error_quark  (void);

PhTemplate  *ph_template_new_from_data (const char  *data,
                                        gssize       len,
                                        const char  *origin,
                                        GError     **error);
PhTemplate  *ph_template_load          (const char  *data_dir,
                                        GError     **error);
PhTemplate  *ph_template_ref           (PhTemplate  *tpl);
void         ph_template_unref         (PhTemplate  *tpl);

const char  *ph_template_get_origin    (PhTemplate  *tpl);
const char  *ph_template_get           (PhTemplate  *tpl,
                                        const char  *group,
                                        const char  *key,
                                        GError     **error);
char        *ph_template_expand        (PhTemplate  *tpl,
                                        const char  *group,
                                        const char  *key,
                                        GError     **error,
                                        ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhTemplate, ph_template_unref)

G_END_DECLS
