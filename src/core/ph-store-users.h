/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ph-batch.h"
#include "ph-store.h"

G_BEGIN_DECLS

#define PH_ACCESS_ERROR (ph_access_error_quark ())

/* Refusals of who may do what; a wrong password is PH_CRYPTO_ERROR_WRONG_PASSWORD. */
typedef enum
{
  PH_ACCESS_ERROR_NOT_SIGNED_IN,  /* nobody is signed in on this store handle */
  PH_ACCESS_ERROR_ROLE,           /* the signed-in user's role does not allow it */
  PH_ACCESS_ERROR_FOUR_EYES,      /* an approver reviewing their own work */
  PH_ACCESS_ERROR_NO_SUCH_USER,   /* no active account of that name */
  PH_ACCESS_ERROR_SET_UP,         /* first start: the profile and first admin exist already */
  PH_ACCESS_ERROR_INVALID,        /* a field is missing or wrong */
} PhAccessError;

GQuark           ph_access_error_quark          (void);

/* First start */
gboolean         ph_store_needs_setup           (PhStore                *self,
                                                 GError                **error);
PhUser          *ph_store_set_up                (PhStore                *self,
                                                 const PhAgencyProfile  *profile,
                                                 const PhUser           *admin,
                                                 const char             *password,
                                                 GError                **error);

/* The agency profile */
PhAgencyProfile *ph_store_get_agency_profile    (PhStore                *self,
                                                 GError                **error);
gboolean         ph_store_set_agency_profile    (PhStore                *self,
                                                 const PhAgencyProfile  *profile,
                                                 GError                **error);

/* Signing in: the store handle then acts as that user, and the core enforces
 * what the user's role allows. */
PhUser          *ph_store_sign_in               (PhStore                *self,
                                                 const char             *login,
                                                 const char             *password,
                                                 GError                **error);
PhUser          *ph_store_resume_session        (PhStore                *self,
                                                 const char             *login,
                                                 GError                **error);
void             ph_store_sign_out              (PhStore                *self);
const PhUser    *ph_store_get_user              (PhStore                *self);
gboolean         ph_store_require_role          (PhStore                *self,
                                                 PhRole                  role,
                                                 GError                **error);

/* Accounts */
GPtrArray       *ph_store_list_users            (PhStore                *self,
                                                 gboolean                include_inactive,
                                                 GError                **error);
PhUser          *ph_store_get_user_by_id        (PhStore                *self,
                                                 gint64                  id,
                                                 GError                **error);
PhUser          *ph_store_find_user             (PhStore                *self,
                                                 const char             *login,
                                                 GError                **error);
gint64           ph_store_create_user           (PhStore                *self,
                                                 const PhUser           *user,
                                                 const char             *password,
                                                 GError                **error);
gboolean         ph_store_update_user           (PhStore                *self,
                                                 const PhUser           *user,
                                                 GError                **error);
gboolean         ph_store_change_password       (PhStore                *self,
                                                 const char             *old_password,
                                                 const char             *new_password,
                                                 GError                **error);
gboolean         ph_store_reset_password        (PhStore                *self,
                                                 gint64                  user_id,
                                                 const char             *new_password,
                                                 GError                **error);
gboolean         ph_store_is_key_of_user        (PhStore                *self,
                                                 gint64                  user_id,
                                                 const char             *public_key,
                                                 GError                **error);

G_END_DECLS
