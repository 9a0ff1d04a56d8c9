/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-store.h"

G_BEGIN_DECLS

gint64    ph_store_find_document   (PhStore     *self,
                                    const char  *unit_name,
                                    const char  *number,
                                    GError     **error);
gboolean  ph_store_update_document (PhStore     *self,
                                    PhDocument  *document,
                                    GError     **error);
gint64    ph_store_add_document_evidence (PhStore          *self,
                                          gint64            document_id,
                                          const PhEvidence *evidence,
                                          GError          **error);

G_END_DECLS
