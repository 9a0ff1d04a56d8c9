/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_APPROVAL_PAGE (ph_approval_page_get_type ())

G_DECLARE_FINAL_TYPE (PhApprovalPage, ph_approval_page, PH, APPROVAL_PAGE, AdwBin)

GtkWidget  *ph_approval_page_new              (void);
void        ph_approval_page_set_store        (PhApprovalPage *self,
                                               PhStore        *store);
void        ph_approval_page_set_batch_id     (PhApprovalPage *self,
                                               gint64          batch_id);
gint64      ph_approval_page_get_batch_id     (PhApprovalPage *self);
const char *ph_approval_page_get_message      (PhApprovalPage *self);
guint       ph_approval_page_get_n_flagged    (PhApprovalPage *self);
void        ph_approval_page_show_evidence    (PhApprovalPage *self,
                                               guint           position);
guint       ph_approval_page_get_n_evidence   (PhApprovalPage *self);
guint       ph_approval_page_get_n_entries    (PhApprovalPage *self);

G_END_DECLS
