/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-users.c: accounts, signing in, the agency profile.
 *
 * A store handle is signed in as one user at a time; every other module of
 * the core asks it who that is and what their role allows, so that a button
 * hidden in the window is never the only thing standing between a clerk and
 * an approval. Passwords are Argon2id hashes; an approver's signing key is
 * sealed under their password (ph-crypto.c) and its public half is kept in
 * user_keys for as long as the database lives, so that a batch signed with a
 * key that was later replaced still verifies. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ph-crypto.h"
#include "ph-store-users-private.h"

G_DEFINE_QUARK (ph-access-error-quark, ph_access_error)

static GQuark session_quark;

typedef struct
{
  PhUser *user;
} Session;

static void
session_free (gpointer data)
{
  Session *session = data;

  ph_user_free (session->user);
  g_free (session);
}

static Session *
get_session (PhStore *self)
{
  if (session_quark == 0)
    session_quark = g_quark_from_static_string ("ph-store-session");
  return g_object_get_qdata (G_OBJECT (self), session_quark);
}

static void
set_session_user (PhStore      *self,
                  const PhUser *user)
{
  Session *session;

  if (session_quark == 0)
    session_quark = g_quark_from_static_string ("ph-store-session");

  if (user == NULL)
    {
      g_object_set_qdata (G_OBJECT (self), session_quark, NULL);
      ph_store_set_actor (self, NULL);
      return;
    }

  session = g_new0 (Session, 1);
  session->user = ph_user_copy (user);
  g_object_set_qdata_full (G_OBJECT (self), session_quark, session, session_free);
  ph_store_set_actor (self, user->login);
}

/* Prepared statements are cached by the store; start each use from a clean slate. */
static sqlite3_stmt *
prepare (PhStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = ph_store_prepare (self, sql, error);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  return stmt;
}

/**
 * ph_store_audit_fields:
 * @self: a store
 * @action: what was done (`user.create`)
 * @object_type: `user`, `batch` …
 * @object_id: its id
 * @error: return location for a #GError
 * @...: pairs of key and string value (a %NULL value is written as null), ending with %NULL
 *
 * Writes an audit row whose details are a JSON object of the pairs.
 */
gboolean
ph_store_audit_fields (PhStore     *self,
                       const char  *action,
                       const char  *object_type,
                       gint64       object_id,
                       GError     **error,
                       ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  const char *key;
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, error);
  while ((key = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      json_builder_set_member_name (builder, key);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  va_end (args);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  return ph_store_audit (self, action, object_type, object_id, json, error);
}

/* Binds @text without the white space around it; %NULL binds an empty string. */
void
ph_store_bind_trimmed (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  sqlite3_bind_text (stmt, index, copy, -1, SQLITE_TRANSIENT);
}

static PhUser *
read_user (sqlite3_stmt *stmt)
{
  PhUser *user = ph_user_new ();

  user->id = sqlite3_column_int64 (stmt, 0);
  user->login = ph_store_dup_column_text (stmt, 1);
  user->full_name = ph_store_dup_column_text (stmt, 2);
  user->authority = ph_store_dup_column_text (stmt, 3);
  user->title = ph_store_dup_column_text (stmt, 4);
  user->role = ph_role_from_string ((const char *) sqlite3_column_text (stmt, 5));
  user->active = sqlite3_column_int (stmt, 6) != 0;
  user->public_key = ph_store_dup_column_text (stmt, 7);
  user->created_at = ph_store_dup_column_text (stmt, 8);
  return user;
}

#define USER_COLUMNS "id, login, full_name, authority, title, role, active, public_key, created_at"

static PhUser *
query_one_user (PhStore     *self,
                const char  *sql,
                gint64       id,
                const char  *login,
                GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  PhUser *user = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (login != NULL)
    sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    user = read_user (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NO_SUCH_USER,
                 _("There is no account “%s”; check the name or ask an administrator"),
                 login != NULL ? login : "");
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return user;
}

/**
 * ph_store_get_user_by_id:
 * @self: a store
 * @id: a user id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the account, active or not, or %NULL
 */
PhUser *
ph_store_get_user_by_id (PhStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  return query_one_user (self, "SELECT " USER_COLUMNS " FROM users WHERE id = ?", id, NULL, error);
}

/**
 * ph_store_find_user:
 * @self: a store
 * @login: a login name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the account, active or not, or %NULL with
 *   %PH_ACCESS_ERROR_NO_SUCH_USER
 */
PhUser *
ph_store_find_user (PhStore     *self,
                    const char  *login,
                    GError     **error)
{
  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  g_return_val_if_fail (login != NULL, NULL);
  return query_one_user (self, "SELECT " USER_COLUMNS " FROM users WHERE login = ?", 0, login,
                         error);
}

/**
 * ph_store_list_users:
 * @self: a store
 * @include_inactive: whether disabled accounts are listed too
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type PhUser): the accounts, by full name
 */
GPtrArray *
ph_store_list_users (PhStore   *self,
                     gboolean   include_inactive,
                     GError   **error)
{
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_user_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " USER_COLUMNS " FROM users WHERE active OR ?"
                        " ORDER BY full_name COLLATE NOCASE, login", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_inactive);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (users, read_user (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&users);
}

static char *
dup_user_text (PhStore     *self,
               const char  *sql,
               gint64       user_id,
               GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  char *text = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = ph_store_dup_column_text (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NO_SUCH_USER,
                         _("The account no longer exists; sign in again"));
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return text;
}

/* The sealed secret key of @user_id, or %NULL (and no error) if they have none. */
char *
ph_store_dup_sealed_key (PhStore  *self,
                         gint64    user_id,
                         GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  char *sealed = dup_user_text (self, "SELECT sealed_key FROM users WHERE id = ?", user_id,
                                &local_error);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return sealed;
}

static gboolean
check_password (PhStore     *self,
                gint64       user_id,
                const char  *password,
                GError     **error)
{
  g_autofree char *hash = dup_user_text (self, "SELECT password_hash FROM users WHERE id = ?",
                                         user_id, error);

  if (hash == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, PH_CRYPTO_ERROR, PH_CRYPTO_ERROR_INVALID,
                             _("This account has no password yet; an administrator must set one"));
      return FALSE;
    }
  return ph_crypto_verify_password (hash, password, error);
}

/**
 * ph_store_verify_own_password:
 * @self: a signed-in store
 * @password: what the user typed
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @password is the signed-in user's
 */
gboolean
ph_store_verify_own_password (PhStore     *self,
                              const char  *password,
                              GError     **error)
{
  const PhUser *user = ph_store_get_user (self);

  if (user == NULL)
    return ph_store_require_role (self, PH_ROLE_NONE, error);
  return check_password (self, user->id, password, error);
}

/**
 * ph_store_get_user:
 * @self: a store
 *
 * Returns: (transfer none) (nullable): who is signed in on this handle
 */
const PhUser *
ph_store_get_user (PhStore *self)
{
  Session *session;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  session = get_session (self);
  return session != NULL ? session->user : NULL;
}

/**
 * ph_store_require_role:
 * @self: a store
 * @role: the role needed, or %PH_ROLE_NONE for anyone signed in
 * @error: return location for a #GError
 *
 * Returns: %TRUE when someone is signed in and their role is @role
 */
gboolean
ph_store_require_role (PhStore  *self,
                       PhRole    role,
                       GError  **error)
{
  const PhUser *user = ph_store_get_user (self);
  g_autoptr(PhUser) current = NULL;

  if (user == NULL)
    {
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NOT_SIGNED_IN,
                           _("Nobody is signed in; sign in first"));
      return FALSE;
    }

  /* The account as it is now, not as it was at sign-in: an administrator may
   * have changed its role or disabled it since, on this computer or another. */
  current = ph_store_get_user_by_id (self, user->id, NULL);
  if (current == NULL || !current->active)
    {
      set_session_user (self, NULL);
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NOT_SIGNED_IN,
                           _("Your account was disabled; ask an administrator"));
      return FALSE;
    }
  set_session_user (self, current);
  user = ph_store_get_user (self);
  if (role != PH_ROLE_NONE && user->role != role)
    {
      const char *message = NULL;

      switch (role)
        {
        case PH_ROLE_APPROVER:
          message = _("Only an approver can do this; ask a deputy director to sign in");
          break;
        case PH_ROLE_ADMIN:
          message = _("Only an administrator can do this");
          break;
        case PH_ROLE_CLERK:
        case PH_ROLE_NONE:
        default:
          message = _("Your role does not allow this");
          break;
        }
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_ROLE, message);
      return FALSE;
    }
  return TRUE;
}

/**
 * ph_store_sign_in:
 * @self: a store
 * @login: the account
 * @password: its password
 * @error: return location for a #GError
 *
 * Checks the password and makes this handle act as that user.
 *
 * Returns: (transfer full): the user, or %NULL with
 *   %PH_CRYPTO_ERROR_WRONG_PASSWORD or %PH_ACCESS_ERROR_NO_SUCH_USER
 */
PhUser *
ph_store_sign_in (PhStore     *self,
                  const char  *login,
                  const char  *password,
                  GError     **error)
{
  g_autoptr(PhUser) user = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  g_return_val_if_fail (login != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  user = ph_store_find_user (self, login, error);
  if (user == NULL)
    return NULL;
  if (!user->active)
    {
      g_set_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_NO_SUCH_USER,
                   _("The account “%s” is disabled; ask an administrator"), login);
      return NULL;
    }
  if (!check_password (self, user->id, password, error))
    return NULL;

  set_session_user (self, user);
  return g_steal_pointer (&user);
}

/**
 * ph_store_resume_session:
 * @self: a store
 * @login: the clerk who stayed signed in on this workstation
 * @error: return location for a #GError
 *
 * Signs a clerk in again without a password, for a workstation set to stay
 * signed in. Approvers and administrators always type their password.
 *
 * Returns: (transfer full): the user, or %NULL
 */
PhUser *
ph_store_resume_session (PhStore     *self,
                         const char  *login,
                         GError     **error)
{
  g_autoptr(PhUser) user = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  user = ph_store_find_user (self, login, error);
  if (user == NULL)
    return NULL;
  if (!user->active || user->role != PH_ROLE_CLERK)
    {
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_ROLE,
                           _("Only a clerk’s workstation can stay signed in; sign in with "
                             "your password"));
      return NULL;
    }

  set_session_user (self, user);
  return g_steal_pointer (&user);
}

/**
 * ph_store_sign_out:
 * @self: a store
 *
 * The handle acts as nobody until the next sign-in.
 */
void
ph_store_sign_out (PhStore *self)
{
  g_return_if_fail (PH_IS_STORE (self));
  set_session_user (self, NULL);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy == '\0';
}

static gboolean
is_login_char (char c)
{
  return g_ascii_islower (c) || g_ascii_isdigit (c) || c == '.' || c == '-' || c == '_';
}

static gboolean
validate_user (const PhUser  *user,
               GError       **error)
{
  gsize len = user->login != NULL ? strlen (user->login) : 0;

  if (len == 0 || len > 32)
    {
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID,
                           _("Enter a login name of 1 to 32 characters"));
      return FALSE;
    }
  for (gsize i = 0; i < len; i++)
    if (!is_login_char (user->login[i]))
      {
        g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID,
                             _("A login name may only have lower-case letters without accents, "
                               "digits, dots, dashes and underscores"));
        return FALSE;
      }
  if (is_blank (user->full_name))
    {
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID,
                           _("Enter the person’s full name"));
      return FALSE;
    }
  if (user->role == PH_ROLE_NONE)
    {
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID,
                           _("Choose a role: clerk, approver or administrator"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_key (PhStore     *self,
            gint64       user_id,
            const char  *public_key,
            const char  *now,
            GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self, "UPDATE user_keys SET retired_at = ?"
                        " WHERE user_id = ? AND retired_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, user_id);
  if (!ph_store_step_done (self, stmt, error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO user_keys (user_id, public_key, created_at) VALUES (?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, public_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return ph_store_step_done (self, stmt, error);
}

/* Sets the password (and, for an approver, a fresh key pair sealed under it). */
static gboolean
set_credentials (PhStore     *self,
                 gint64       user_id,
                 PhRole       role,
                 const char  *password,
                 GError     **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *public_key = NULL;
  g_autofree char *sealed = NULL;
  g_autofree char *now = ph_store_now ();
  sqlite3_stmt *stmt;

  if (!ph_crypto_check_password_strength (password, error))
    return FALSE;
  hash = ph_crypto_hash_password (password, error);
  if (hash == NULL)
    return FALSE;
  if (role == PH_ROLE_APPROVER)
    {
      if (!ph_crypto_generate_key_pair (password, &public_key, &sealed, error))
        return FALSE;
      if (!insert_key (self, user_id, public_key, now, error))
        return FALSE;
    }

  stmt = prepare (self, "UPDATE users SET password_hash = ?, public_key = ?, sealed_key = ?,"
                        " updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  ph_store_bind_text_or_null (stmt, 2, public_key);
  ph_store_bind_text_or_null (stmt, 3, sealed);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, user_id);
  return ph_store_step_done (self, stmt, error);
}

static gint64
insert_user (PhStore       *self,
             const PhUser  *user,
             const char    *password,
             GError       **error)
{
  g_autofree char *now = ph_store_now ();
  g_autoptr(PhUser) existing = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!validate_user (user, error))
    return 0;
  if (!ph_crypto_check_password_strength (password, error))
    return 0;

  existing = ph_store_find_user (self, user->login, NULL);
  if (existing != NULL)
    {
      g_set_error (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID,
                   _("There is already an account “%s”; choose another login name"), user->login);
      return 0;
    }

  stmt = prepare (self, "INSERT INTO users (login, full_name, authority, title, role, active,"
                        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, user->login, -1, SQLITE_TRANSIENT);
  ph_store_bind_trimmed (stmt, 2, user->full_name);
  sqlite3_bind_text (stmt, 3, user->authority != NULL ? user->authority : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, user->title != NULL ? user->title : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, ph_role_to_string (user->role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (!ph_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (ph_store_get_db (self));

  if (!set_credentials (self, id, user->role, password, error))
    return 0;
  if (!ph_store_audit_fields (self, "user.create", "user", id, error,
                              "login", user->login, "role", ph_role_to_string (user->role),
                              NULL))
    return 0;
  ph_store_emit_changed (self, "user", id);
  return id;
}

/**
 * ph_store_needs_setup:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: %TRUE while the store has no account yet: the first start, which
 *   asks for the agency profile and the first administrator
 */
gboolean
ph_store_needs_setup (PhStore  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean needs = FALSE;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  stmt = prepare (self, "SELECT NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND active)",
                  error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    needs = sqlite3_column_int (stmt, 0) != 0;
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return needs;
}

static gboolean
write_profile (PhStore                *self,
               const PhAgencyProfile  *profile,
               GError                **error)
{
  const struct { const char *key; const char *value; } fields[] = {
    { "agency.parent", profile->parent_body },
    { "agency.name", profile->department },
    { "agency.issuer", profile->issuer },
    { "agency.place", profile->place },
    { "agency.symbol", profile->symbol },
    { "agency.recipient", profile->recipient },
  };

  if (profile->department == NULL || *profile->department == '\0'
      || profile->parent_body == NULL || *profile->parent_body == '\0')
    {
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID,
                           _("Enter the department and the body it belongs to, as printed on "
                             "dispatches"));
      return FALSE;
    }
  if (profile->symbol == NULL || *profile->symbol == '\0')
    {
      g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID,
                           _("Enter the symbol of outgoing dispatches, such as SKHCN-BCVT"));
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *raw = fields[i].value != NULL ? fields[i].value : "";
      g_autofree char *value = g_strstrip (g_strdup (raw));

      if (!ph_store_set_setting (self, fields[i].key, value, error))
        return FALSE;
    }
  return ph_store_audit_fields (self, "agency.update", "settings", 0, error,
                                "parent", profile->parent_body, "name", profile->department,
                                "issuer", profile->issuer,
                                "place", profile->place, "symbol", profile->symbol,
                                "recipient", profile->recipient, NULL);
}

/**
 * ph_store_set_up:
 * @self: a store that needs setting up (ph_store_needs_setup())
 * @profile: the agency profile
 * @admin: the first administrator (its role is ignored: it is an admin)
 * @password: their password
 * @error: return location for a #GError
 *
 * The first start: writes the profile and the first administrator in one
 * transaction and signs them in.
 *
 * Returns: (transfer full): the administrator, or %NULL
 */
PhUser *
ph_store_set_up (PhStore                *self,
                 const PhAgencyProfile  *profile,
                 const PhUser           *admin,
                 const char             *password,
                 GError                **error)
{
  g_autoptr(PhUser) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  PhUser *created;
  gint64 id;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (admin != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  if (!ph_store_needs_setup (self, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_SET_UP,
                             _("This case store is already set up; sign in instead"));
      return NULL;
    }

  copy = ph_user_copy (admin);
  copy->role = PH_ROLE_ADMIN;

  if (!ph_store_begin (self, error))
    return NULL;
  /* The audit rows of the setup name the administrator being created. */
  ph_store_set_actor (self, copy->login);
  if (!write_profile (self, profile, error)
      || (id = insert_user (self, copy, password, error)) == 0
      || !ph_store_commit (self, error))
    {
      ph_store_rollback (self);
      set_session_user (self, NULL);
      return NULL;
    }

  created = ph_store_get_user_by_id (self, id, error);
  if (created != NULL)
    set_session_user (self, created);
  return created;
}

/**
 * ph_store_get_agency_profile:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the profile; fields not set yet are empty strings
 */
PhAgencyProfile *
ph_store_get_agency_profile (PhStore  *self,
                             GError  **error)
{
  g_autoptr(PhAgencyProfile) profile = ph_agency_profile_new ();
  char **fields[] = { &profile->parent_body, &profile->department, &profile->issuer,
                      &profile->place, &profile->symbol, &profile->recipient };
  const char *keys[] = { "agency.parent", "agency.name", "agency.issuer", "agency.place",
                         "agency.symbol", "agency.recipient" };

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) local_error = NULL;
      char *value = ph_store_dup_setting (self, keys[i], &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      *fields[i] = value != NULL ? value : g_strdup ("");
    }
  return g_steal_pointer (&profile);
}

/**
 * ph_store_set_agency_profile:
 * @self: a store signed in as an administrator
 * @profile: the new profile
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_set_agency_profile (PhStore                *self,
                             const PhAgencyProfile  *profile,
                             GError                **error)
{
  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!ph_store_require_role (self, PH_ROLE_ADMIN, error))
    return FALSE;
  if (!ph_store_begin (self, error))
    return FALSE;
  if (!write_profile (self, profile, error) || !ph_store_commit (self, error))
    {
      ph_store_rollback (self);
      return FALSE;
    }
  ph_store_emit_changed (self, "settings", 0);
  return TRUE;
}

/**
 * ph_store_create_user:
 * @self: a store signed in as an administrator
 * @user: the account (login, full name, authority, title, role)
 * @password: its first password
 * @error: return location for a #GError
 *
 * An approver gets an Ed25519 key pair, its secret half sealed under @password.
 *
 * Returns: the new user's id, or 0
 */
gint64
ph_store_create_user (PhStore       *self,
                      const PhUser  *user,
                      const char    *password,
                      GError       **error)
{
  gint64 id;

  g_return_val_if_fail (PH_IS_STORE (self), 0);
  g_return_val_if_fail (user != NULL, 0);
  g_return_val_if_fail (password != NULL, 0);

  if (!ph_store_require_role (self, PH_ROLE_ADMIN, error))
    return 0;
  if (!ph_store_begin (self, error))
    return 0;
  id = insert_user (self, user, password, error);
  if (id == 0 || !ph_store_commit (self, error))
    {
      ph_store_rollback (self);
      return 0;
    }
  return id;
}

static gboolean
is_last_admin (PhStore  *self,
               gint64    user_id,
               GError  **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin'"
                                      " AND active AND id <> ?)", error);
  gboolean last = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    last = sqlite3_column_int (stmt, 0) != 0;
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return last;
}

/**
 * ph_store_update_user:
 * @self: a store signed in as an administrator
 * @user: the account with its new full name, authority, title, role and
 *   active flag (the login cannot change)
 * @error: return location for a #GError
 *
 * Making someone an approver needs a signing key, which only their password
 * can seal: give them a new password with ph_store_reset_password() after.
 * Until then they cannot approve.
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_update_user (PhStore       *self,
                      const PhUser  *user,
                      GError       **error)
{
  g_autoptr(PhUser) old = NULL;
  g_autofree char *now = ph_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (user != NULL, FALSE);

  if (!ph_store_require_role (self, PH_ROLE_ADMIN, error))
    return FALSE;
  old = ph_store_get_user_by_id (self, user->id, error);
  if (old == NULL)
    return FALSE;
  {
    g_autoptr(PhUser) check = ph_user_copy (user);

    g_free (check->login);
    check->login = g_strdup (old->login);
    if (!validate_user (check, error))
      return FALSE;
  }

  if (old->role == PH_ROLE_ADMIN && old->active
      && (user->role != PH_ROLE_ADMIN || !user->active))
    {
      g_autoptr(GError) local_error = NULL;

      if (is_last_admin (self, old->id, &local_error))
        {
          g_set_error_literal (error, PH_ACCESS_ERROR, PH_ACCESS_ERROR_INVALID,
                               _("This is the last administrator; make someone else an "
                                 "administrator first"));
          return FALSE;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!ph_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE users SET full_name = ?, authority = ?, title = ?, role = ?,"
                        " active = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  ph_store_bind_trimmed (stmt, 1, user->full_name);
  sqlite3_bind_text (stmt, 2, user->authority != NULL ? user->authority : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, user->title != NULL ? user->title : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, ph_role_to_string (user->role), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, user->active ? 1 : 0);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, user->id);
  if (!ph_store_step_done (self, stmt, error))
    goto fail;
  if (!ph_store_audit_fields (self, "user.update", "user", user->id, error,
                              "login", old->login,
                              "role", ph_role_to_string (user->role),
                              "active", user->active ? "yes" : "no", NULL))
    goto fail;
  if (!ph_store_commit (self, error))
    goto fail;
  ph_store_emit_changed (self, "user", user->id);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_change_password:
 * @self: a signed-in store
 * @old_password: the current password
 * @new_password: the new one
 * @error: return location for a #GError
 *
 * An approver's signing key is opened with the old password and sealed
 * again under the new one: the key pair itself stays.
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_change_password (PhStore     *self,
                          const char  *old_password,
                          const char  *new_password,
                          GError     **error)
{
  const PhUser *user;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sealed = NULL;
  g_autofree char *resealed = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = ph_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (old_password != NULL, FALSE);
  g_return_val_if_fail (new_password != NULL, FALSE);

  if (!ph_store_require_role (self, PH_ROLE_NONE, error))
    return FALSE;
  user = ph_store_get_user (self);

  if (!check_password (self, user->id, old_password, error))
    return FALSE;
  if (!ph_crypto_check_password_strength (new_password, error))
    return FALSE;

  sealed = ph_store_dup_sealed_key (self, user->id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (sealed != NULL)
    {
      g_autofree char *public_key = NULL;

      public_key = dup_user_text (self, "SELECT public_key FROM users WHERE id = ?", user->id,
                                  error);

      if (public_key == NULL)
        return FALSE;
      resealed = ph_crypto_reseal_secret_key (sealed, public_key, old_password, new_password,
                                              error);
      if (resealed == NULL)
        return FALSE;
    }
  hash = ph_crypto_hash_password (new_password, error);
  if (hash == NULL)
    return FALSE;

  if (!ph_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE users SET password_hash = ?, sealed_key = coalesce (?, sealed_key),"
                        " updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  ph_store_bind_text_or_null (stmt, 2, resealed);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, user->id);
  if (!ph_store_step_done (self, stmt, error)
      || !ph_store_audit_fields (self, "user.password", "user", user->id, error,
                                 "login", user->login, NULL)
      || !ph_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_reset_password:
 * @self: a store signed in as an administrator
 * @user_id: the account
 * @new_password: its new password
 * @error: return location for a #GError
 *
 * For a forgotten password. An approver's old signing key cannot be opened
 * without the old password, so they get a new key pair; batches signed with
 * the old key still verify against it (user_keys keeps every public key).
 *
 * Returns: %TRUE on success
 */
gboolean
ph_store_reset_password (PhStore     *self,
                         gint64       user_id,
                         const char  *new_password,
                         GError     **error)
{
  g_autoptr(PhUser) user = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (new_password != NULL, FALSE);

  if (!ph_store_require_role (self, PH_ROLE_ADMIN, error))
    return FALSE;
  user = ph_store_get_user_by_id (self, user_id, error);
  if (user == NULL)
    return FALSE;

  if (!ph_store_begin (self, error))
    return FALSE;
  if (!set_credentials (self, user_id, user->role, new_password, error)
      || !ph_store_audit_fields (self, "user.reset-password", "user", user_id, error,
                                 "login", user->login, NULL)
      || !ph_store_commit (self, error))
    {
      ph_store_rollback (self);
      return FALSE;
    }
  ph_store_emit_changed (self, "user", user_id);
  return TRUE;
}

/**
 * ph_store_is_key_of_user:
 * @self: a store
 * @user_id: an account
 * @public_key: a public key, hex
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @public_key is, or once was, @user_id's signing key
 */
gboolean
ph_store_is_key_of_user (PhStore     *self,
                         gint64       user_id,
                         const char  *public_key,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  if (public_key == NULL)
    return FALSE;
  stmt = prepare (self, "SELECT 1 FROM user_keys WHERE user_id = ? AND public_key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, public_key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    found = TRUE;
  else if (rc != SQLITE_DONE)
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return found;
}
