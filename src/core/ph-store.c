/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store.c: the case store — one SQLite database and one evidence folder in a
 * data directory. This file opens it, upgrades its schema, runs transactions and
 * keeps the small tables (settings, units, exclusion list, audit log). Entries
 * are in ph-store-entries.c, evidence files in ph-store-evidence.c. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ph-number.h"
#include "ph-paths.h"
#include "ph-store-migrations.h"
#include "ph-store-private.h"

#define BUSY_TIMEOUT_MS 5000
#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct
{
  char   *what;
  gint64  id;
} Change;

struct _PhStore
{
  GObject     parent_instance;

  char       *data_dir;
  char       *db_path;
  char       *evidence_dir;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  char       *actor;
  guint       depth;        /* transaction nesting */
  GArray     *changes;      /* Change, emitted after the outermost commit */
  gint64      max_evidence_size;  /* read by import threads: atomic */
  int         schema_version;
};

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_ACTOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PhStore, ph_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (ph-store-error-quark, ph_store_error)

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_pointer (&change->what, g_free);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

/**
 * ph_store_close:
 * @self: a #PhStore
 *
 * Closes the database (checkpointing the WAL). Further calls fail with an error.
 */
void
ph_store_close (PhStore *self)
{
  g_return_if_fail (PH_IS_STORE (self));

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

static void
ph_store_finalize (GObject *object)
{
  PhStore *self = PH_STORE (object);

  ph_store_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->evidence_dir, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (ph_store_parent_class)->finalize (object);
}

static void
ph_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PhStore *self = PH_STORE (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PhStore *self = PH_STORE (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      ph_store_set_actor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_store_class_init (PhStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ph_store_finalize;
  object_class->get_property = ph_store_get_property;
  object_class->set_property = ph_store_set_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * PhStore:actor:
   *
   * The login written into the audit log as the author of every change.
   */
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PhStore::changed:
   * @store: the store
   * @what: the kind of object: "entries", "documents", "evidence", "units",
   *   "exclusions", "settings", "batches", "users"
   * @id: the changed object, or 0 when many changed
   *
   * Emitted after a transaction that changed something has been committed.
   * The detail is @what, so a list can connect to `changed::entries`.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
ph_store_init (PhStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, change_clear);
  self->actor = g_strdup (g_get_user_name ());
  self->max_evidence_size = PH_STORE_DEFAULT_MAX_EVIDENCE_SIZE;
}

/* ---- errors ---------------------------------------------------------------- */

typedef struct
{
  const char *tag;
  const char *message;
} TriggerMessage;

/* The RAISE() messages of the schema's triggers, told in words a clerk understands. */
static const TriggerMessage trigger_messages[] = {
  { "ph:status-change", N_("This status change is not allowed. An entry goes received → verified → in a batch → sent → answered, or received → rejected.") },
  { "ph:not-in-batch", N_("An entry is marked “in a batch” only by adding it to a batch.") },
  { "ph:not-verified", N_("Only verified entries can go into a batch. Verify the entry first.") },
  { "ph:entry-frozen", N_("This entry is in a batch or has been sent, so it can no longer be changed.") },
  { "ph:entry-not-deletable", N_("Only received or rejected entries can be deleted. Reject the entry instead, with a reason.") },
  { "ph:audit-append-only", N_("The audit log cannot be changed or deleted; it only grows.") },
  { "ph:evidence-immutable", N_("Evidence cannot be changed once added; remove it and add the right file.") },
};

/**
 * ph_store_set_db_error:
 * @rc: the SQLite result code
 *
 * Sets @error from the database's last error, in words that say what to do.
 */
void
ph_store_set_db_error (PhStore  *self,
                       int       rc,
                       GError  **error)
{
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  for (gsize i = 0; i < G_N_ELEMENTS (trigger_messages); i++)
    {
      if (message != NULL && strstr (message, trigger_messages[i].tag) != NULL)
        {
          g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_ALLOWED,
                               _(trigger_messages[i].message));
          return;
        }
    }

  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_READ_ONLY,
                   _("The case database “%s” cannot be written to. Check the permissions of the data folder, or choose another one."),
                   self->db_path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_BUSY,
                           _("The case database is in use by another program. Close it and try again."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_CORRUPT,
                   _("The case database “%s” is damaged. Restore it from a backup."),
                   self->db_path);
      break;
    case SQLITE_FULL:
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_FAILED,
                           _("The disk is full. Free some space and try again."));
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_READ_ONLY,
                   _("The case database “%s” cannot be opened. Check that the data folder exists and can be written to."),
                   self->db_path);
      break;
    default:
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_FAILED,
                   _("The case database reported an error: %s"), message);
      break;
    }
}

static gboolean
check_open (PhStore  *self,
            GError  **error)
{
  if (self->db != NULL)
    return TRUE;

  g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_FAILED,
                       _("The case store has been closed."));
  return FALSE;
}

/* ---- statements ------------------------------------------------------------ */

sqlite3 *
ph_store_get_db (PhStore *self)
{
  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  return self->db;
}

/**
 * ph_store_prepare:
 * @sql: one statement, never containing user text (bind it instead)
 *
 * Returns: (transfer none): the cached statement for @sql, reset and with its
 *   bindings cleared, or %NULL with @error set
 */
sqlite3_stmt *
ph_store_prepare (PhStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!check_open (self, error))
    return NULL;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * ph_store_step_done:
 *
 * Runs @stmt to completion (an INSERT, UPDATE or DELETE) and resets it.
 */
gboolean
ph_store_step_done (PhStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ph_store_exec (PhStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc;

  if (!check_open (self, error))
    return FALSE;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ph_store_set_db_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

char *
ph_store_dup_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

void
ph_store_bind_text_or_null (sqlite3_stmt *stmt,
                            int           index,
                            const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * ph_store_now:
 *
 * Returns: (transfer full): the current UTC time as `2025-08-14T09:30:00Z`
 */
char *
ph_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* ---- transactions ---------------------------------------------------------- */

/**
 * ph_store_begin:
 *
 * Starts a write transaction, or a savepoint inside the current one. Pair
 * with ph_store_commit() or ph_store_rollback().
 */
gboolean
ph_store_begin (PhStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT ph_%u", self->depth);

  if (!ph_store_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static void
emit_changes (PhStore *self)
{
  g_autoptr(GArray) changes = g_steal_pointer (&self->changes);

  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, change_clear);

  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (change->what),
                     change->what, change->id);
    }
}

gboolean
ph_store_commit (PhStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE ph_%u", self->depth - 1);

  if (!ph_store_exec (self, sql, error))
    {
      ph_store_rollback (self);
      return FALSE;
    }
  self->depth--;

  if (self->depth == 0)
    emit_changes (self);
  return TRUE;
}

void
ph_store_rollback (PhStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (PH_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO ph_%u; RELEASE ph_%u", self->depth - 1, self->depth - 1);

  /* A failed ROLLBACK means SQLite already rolled back (after an I/O error). */
  if (self->db != NULL)
    sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->depth--;

  if (self->depth == 0)
    g_array_set_size (self->changes, 0);
}

/**
 * ph_store_emit_changed:
 * @what: see #PhStore::changed
 * @id: the object, or 0
 *
 * Queues #PhStore::changed for the end of the current transaction, or emits
 * it now outside of one.
 */
void
ph_store_emit_changed (PhStore    *self,
                       const char *what,
                       gint64      id)
{
  Change change = { g_strdup (what), id };

  g_return_if_fail (PH_IS_STORE (self));

  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *queued = &g_array_index (self->changes, Change, i);

      if (g_str_equal (queued->what, what))
        {
          if (queued->id != id)
            queued->id = 0;
          g_free (change.what);
          return;
        }
    }

  g_array_append_val (self->changes, change);
  if (self->depth == 0)
    emit_changes (self);
}

/* ---- opening --------------------------------------------------------------- */

static gboolean
make_dir (const char  *path,
          GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) == 0)
    return TRUE;

  g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_READ_ONLY,
               _("Cannot create the folder “%s”: %s. Check its permissions or choose another data folder."),
               path, g_strerror (errno));
  return FALSE;
}

static int
query_int (PhStore    *self,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
migrate (PhStore  *self,
         int       up_to,
         GError  **error)
{
  const PhMigration *migrations;
  guint n_migrations;
  int version;

  migrations = ph_store_get_migrations (&n_migrations);
  version = query_int (self, "PRAGMA user_version");
  if (version < 0)
    {
      ph_store_set_db_error (self, sqlite3_errcode (self->db), error);
      return FALSE;
    }

  if (version > migrations[n_migrations - 1].version)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_TOO_NEW,
                   _("The case database “%s” was made by a newer version of Phananh (schema %d). Update the application to open it."),
                   self->db_path, version);
      return FALSE;
    }

  for (guint i = 0; i < n_migrations; i++)
    {
      const PhMigration *m = &migrations[i];
      g_autofree char *set_version = NULL;

      if (m->version <= version || m->version > up_to)
        continue;

      if (!ph_store_begin (self, error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", m->version);
      if ((m->sql != NULL && !ph_store_exec (self, m->sql, error)) ||
          (m->func != NULL && !m->func (self, error)) ||
          !ph_store_exec (self, set_version, error))
        {
          ph_store_rollback (self);
          g_prefix_error (error, _("Cannot upgrade the case database to schema %d: "), m->version);
          return FALSE;
        }

      if (!ph_store_commit (self, error))
        return FALSE;

      /* Prepared statements may refer to the old schema. */
      g_hash_table_remove_all (self->statements);
      version = m->version;
    }

  self->schema_version = version;
  return TRUE;
}

/**
 * ph_store_open:
 * @data_dir: (nullable): the data folder; %NULL for the default (see
 *   ph_paths_dup_data_dir(): `$PHANANH_DATA_DIR` or `$XDG_DATA_HOME/phananh`)
 * @error: return location for an error
 *
 * Opens the case store in @data_dir, creating it and upgrading its schema as
 * needed.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PhStore *
ph_store_open (const char  *data_dir,
               GError     **error)
{
  return ph_store_open_at_version (data_dir, G_MAXINT, error);
}

/**
 * ph_store_open_at_version:
 * @up_to: the schema version to stop at
 *
 * Like ph_store_open(), but runs the migrations only up to @up_to: how the
 * tests build a database of an earlier schema, to test the upgrade from it.
 */
PhStore *
ph_store_open_at_version (const char  *data_dir,
                          int          up_to,
                          GError     **error)
{
  g_autoptr(PhStore) self = g_object_new (PH_TYPE_STORE, NULL);
  g_autofree char *staging = NULL;
  g_autofree char *journal = NULL;
  sqlite3_stmt *stmt;
  int rc;

  self->data_dir = ph_paths_dup_data_dir (data_dir);
  self->db_path = g_build_filename (self->data_dir, PH_STORE_DATABASE_NAME, NULL);
  self->evidence_dir = g_build_filename (self->data_dir, PH_STORE_EVIDENCE_DIR, NULL);
  staging = g_build_filename (self->evidence_dir, ".staging", NULL);

  if (!make_dir (self->data_dir, error) || !make_dir (self->evidence_dir, error) ||
      !make_dir (staging, error))
    return NULL;

  rc = sqlite3_open_v2 (self->db_path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  ph_store_register_functions (self->db);

  /* WAL lets readers (a backup, a second window) work while a clerk writes;
   * synchronous=FULL makes a commit durable even in WAL mode. */
  journal = NULL;
  stmt = NULL;
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    journal = ph_store_dup_column_text (stmt, 0);
  sqlite3_finalize (stmt);
  if (journal == NULL)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  if (g_ascii_strcasecmp (journal, "wal") != 0)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_FAILED,
                   _("The case database “%s” cannot use write-ahead logging. Keep the data folder on a local disk, not a network share."),
                   self->db_path);
      return NULL;
    }

  /* A page cache big enough for the indexes of a million entries: fewer pages
   * spilled to the WAL in the middle of a transaction, fewer reads in lists. */
  if (!ph_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !ph_store_exec (self, "PRAGMA cache_size = -32768", error) ||
      !ph_store_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !ph_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !migrate (self, up_to, error))
    return NULL;

  /* A read-only database still opens; find out now rather than at the first save. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      ph_store_set_db_error (self, SQLITE_READONLY, error);
      return NULL;
    }

  self->max_evidence_size = ph_store_get_max_evidence_size (self);
  ph_store_clean_staging (self);

  return g_steal_pointer (&self);
}

const char *
ph_store_get_data_dir (PhStore *self)
{
  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  return self->data_dir;
}

const char *
ph_store_get_database_path (PhStore *self)
{
  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  return self->db_path;
}

const char *
ph_store_get_evidence_dir (PhStore *self)
{
  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  return self->evidence_dir;
}

int
ph_store_get_schema_version (PhStore *self)
{
  g_return_val_if_fail (PH_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * ph_store_get_latest_schema_version:
 *
 * Returns: the schema version this build creates and upgrades to
 */
int
ph_store_get_latest_schema_version (void)
{
  guint n;
  const PhMigration *migrations = ph_store_get_migrations (&n);

  return migrations[n - 1].version;
}

const char *
ph_store_get_actor (PhStore *self)
{
  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  return self->actor;
}

void
ph_store_set_actor (PhStore    *self,
                    const char *login)
{
  g_return_if_fail (PH_IS_STORE (self));

  if (login == NULL || *login == '\0')
    login = g_get_user_name ();
  if (g_strcmp0 (self->actor, login) == 0)
    return;

  g_free (self->actor);
  self->actor = g_strdup (login);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

/* ---- settings -------------------------------------------------------------- */

/**
 * ph_store_dup_setting:
 * @key: a setting name
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when unset (then
 *   @error is not set) or on error
 */
char *
ph_store_dup_setting (PhStore     *self,
                      const char  *key,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = ph_store_prepare (self, "SELECT value FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = ph_store_dup_column_text (stmt, 0);
  else if (rc != SQLITE_DONE)
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return value;
}

/**
 * ph_store_json_string:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): @text as a JSON string, quotes included (`null`
 *   for %NULL); the canonical form the audit log's details are written in
 */
char *
ph_store_json_string (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("null");

  out = g_string_sized_new (strlen (text) + 2);
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static char *
json_object_1 (const char *name,
               const char *value)
{
  g_autofree char *quoted_name = ph_store_json_string (name);
  g_autofree char *quoted_value = ph_store_json_string (value);

  return g_strdup_printf ("{%s:%s}", quoted_name, quoted_value);
}

/**
 * ph_store_set_setting:
 * @key: a setting name
 * @value: (nullable): its value, or %NULL to unset it
 */
gboolean
ph_store_set_setting (PhStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_str_equal (key, "evidence.max-size") && value != NULL)
    {
      guint64 size;

      if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT64, &size, NULL))
        {
          g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                       _("The evidence size limit must be a number of bytes, not “%s”."), value);
          return FALSE;
        }
    }

  if (!ph_store_begin (self, error))
    return FALSE;

  if (value != NULL)
    stmt = ph_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                   " ON CONFLICT (key) DO UPDATE SET value = ?2", error);
  else
    stmt = ph_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (!ph_store_step_done (self, stmt, error))
    goto fail;

  details = json_object_1 (key, value);
  if (!ph_store_audit (self, "settings.set", "settings", 0, details, error))
    goto fail;

  ph_store_emit_changed (self, "settings", 0);
  if (!ph_store_commit (self, error))
    return FALSE;

  if (g_str_equal (key, "evidence.max-size"))
    __atomic_store_n (&self->max_evidence_size, ph_store_get_max_evidence_size (self),
                      __ATOMIC_SEQ_CST);
  return TRUE;

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_get_max_evidence_size:
 *
 * Returns: the largest evidence file accepted, in bytes (setting
 *   "evidence.max-size", by default 50 MiB)
 */
gint64
ph_store_get_max_evidence_size (PhStore *self)
{
  g_autofree char *value = NULL;
  guint64 size;

  g_return_val_if_fail (PH_IS_STORE (self), PH_STORE_DEFAULT_MAX_EVIDENCE_SIZE);

  value = ph_store_dup_setting (self, "evidence.max-size", NULL);
  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT64, &size, NULL))
    return (gint64) size;
  return PH_STORE_DEFAULT_MAX_EVIDENCE_SIZE;
}

/* Called from import threads: only the cached value, no database access. */
gint64
ph_store_get_cached_max_evidence_size (PhStore *self)
{
  return __atomic_load_n (&self->max_evidence_size, __ATOMIC_SEQ_CST);
}

/* ---- units ----------------------------------------------------------------- */

void
ph_unit_free (PhUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit);
}

/**
 * ph_store_list_units:
 *
 * Returns: (transfer full) (element-type PhUnit): every unit by name, with
 *   its number of entries
 */
GPtrArray *
ph_store_list_units (PhStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_unit_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  stmt = ph_store_prepare (self,
                           "SELECT u.id, u.name,"
                           " (SELECT count(*) FROM entries e WHERE e.unit_id = u.id)"
                           " FROM units u ORDER BY u.name COLLATE NOCASE, u.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhUnit *unit = g_new0 (PhUnit, 1);

      unit->id = sqlite3_column_int64 (stmt, 0);
      unit->name = ph_store_dup_column_text (stmt, 1);
      unit->entry_count = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (units, unit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&units);
}

static gint64
find_unit (PhStore     *self,
           const char  *name,
           GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = ph_store_prepare (self, "SELECT id FROM units WHERE name = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

static gint64
insert_unit (PhStore     *self,
             const char  *name,
             GError     **error)
{
  g_autofree char *now = ph_store_now ();
  g_autofree char *details = json_object_1 ("name", name);
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = ph_store_prepare (self, "INSERT INTO units (name, created_at) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!ph_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  if (!ph_store_audit (self, "unit.create", "unit", id, details, error))
    return 0;
  ph_store_emit_changed (self, "units", id);
  return id;
}

/* Finds or adds the unit named @name in one transaction; a unit of that name
 * that exists already is an error unless @existing_ok. */
static gint64
add_unit (PhStore     *self,
          const char  *name,
          gboolean     existing_ok,
          GError     **error)
{
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (PH_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  clean = g_strstrip (g_utf8_normalize (name, -1, G_NORMALIZE_NFC));
  if (clean == NULL || *clean == '\0')
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           _("Enter the name of the unit."));
      return 0;
    }

  if (!ph_store_begin (self, error))
    return 0;

  id = find_unit (self, clean, error);
  if (id > 0 && !existing_ok)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                   _("A unit named “%s” already exists."), clean);
      id = 0;
    }
  else if (id == 0)
    id = insert_unit (self, clean, error);

  if (id <= 0)
    {
      ph_store_rollback (self);
      return 0;
    }
  if (!ph_store_commit (self, error))
    return 0;
  return id;
}

/**
 * ph_store_create_unit:
 * @name: the unit's name, e.g. "UBND xã Quảng Xương"
 *
 * Returns: the new unit's id, or 0 with @error set (also when the name exists)
 */
gint64
ph_store_create_unit (PhStore     *self,
                      const char  *name,
                      GError     **error)
{
  return add_unit (self, name, FALSE, error);
}

/**
 * ph_store_ensure_unit:
 * @name: the unit's name
 *
 * Returns: the id of the unit named @name, created if there is none, or 0
 *   with @error set
 */
gint64
ph_store_ensure_unit (PhStore     *self,
                      const char  *name,
                      GError     **error)
{
  return add_unit (self, name, TRUE, error);
}

/* ---- exclusion list -------------------------------------------------------- */

void
ph_exclusion_free (PhExclusion *exclusion)
{
  if (exclusion == NULL)
    return;
  g_free (exclusion->source_key);
  g_free (exclusion->display);
  g_free (exclusion->reason);
  g_free (exclusion->created_at);
  g_free (exclusion);
}

static PhExclusion *
read_exclusion (sqlite3_stmt *stmt)
{
  PhExclusion *exclusion = g_new0 (PhExclusion, 1);

  exclusion->id = sqlite3_column_int64 (stmt, 0);
  exclusion->source_key = ph_store_dup_column_text (stmt, 1);
  exclusion->display = ph_store_dup_column_text (stmt, 2);
  exclusion->reason = ph_store_dup_column_text (stmt, 3);
  exclusion->created_at = ph_store_dup_column_text (stmt, 4);
  return exclusion;
}

/**
 * ph_store_list_exclusions:
 *
 * Returns: (transfer full) (element-type PhExclusion): the exclusion list
 */
GPtrArray *
ph_store_list_exclusions (PhStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_exclusion_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

  stmt = ph_store_prepare (self, "SELECT id, source_key, display, reason, created_at"
                                 " FROM exclusions ORDER BY source_key", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_exclusion (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static PhNumber *
parse_source (const char  *source,
              GError     **error)
{
  g_autoptr(PhNumber) number = ph_number_parse (source);

  if (!ph_number_is_valid (number))
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                           number->reason != NULL ? number->reason
                                                  : _("This is not a phone number, short code or brandname."));
      return NULL;
    }
  return g_steal_pointer (&number);
}

/**
 * ph_store_find_exclusion:
 * @source: a source as typed
 *
 * Returns: (transfer full) (nullable): the exclusion list's row for @source,
 *   or %NULL when it is not on the list (or is not a valid source; @error is
 *   set only when the database fails)
 */
PhExclusion *
ph_store_find_exclusion (PhStore     *self,
                         const char  *source,
                         GError     **error)
{
  g_autoptr(PhNumber) number = NULL;
  PhExclusion *exclusion = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  number = ph_number_parse (source);
  if (!ph_number_is_valid (number))
    return NULL;

  stmt = ph_store_prepare (self, "SELECT id, source_key, display, reason, created_at"
                                 " FROM exclusions WHERE source_key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number->key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    exclusion = read_exclusion (stmt);
  else if (rc != SQLITE_DONE)
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return exclusion;
}

/**
 * ph_store_add_exclusion:
 * @source: a source as typed
 * @reason: (nullable): why it must never be reported
 *
 * Returns: the new row's id, or 0 with @error set
 */
gint64
ph_store_add_exclusion (PhStore     *self,
                        const char  *source,
                        const char  *reason,
                        GError     **error)
{
  g_autoptr(PhNumber) number = NULL;
  g_autofree char *now = ph_store_now ();
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (PH_IS_STORE (self), 0);
  g_return_val_if_fail (source != NULL, 0);

  number = parse_source (source, error);
  if (number == NULL)
    return 0;

  if (!ph_store_begin (self, error))
    return 0;

  stmt = ph_store_prepare (self, "INSERT INTO exclusions (source_key, display, reason, created_at)"
                                 " VALUES (?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, number->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, number->display, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reason != NULL ? reason : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!ph_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PH_STORE_ERROR, PH_STORE_ERROR_INVALID,
                   _("%s is already on the exclusion list."), number->display);
      goto fail;
    }
  id = sqlite3_last_insert_rowid (self->db);

  details = json_object_1 ("source", number->key);
  if (!ph_store_audit (self, "exclusion.add", "exclusion", id, details, error))
    goto fail;
  ph_store_emit_changed (self, "exclusions", id);
  if (!ph_store_commit (self, error))
    return 0;
  return id;

fail:
  ph_store_rollback (self);
  return 0;
}

gboolean
ph_store_remove_exclusion (PhStore     *self,
                           gint64       id,
                           GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);

  if (!ph_store_begin (self, error))
    return FALSE;

  stmt = ph_store_prepare (self, "DELETE FROM exclusions WHERE id = ? RETURNING source_key", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    key = ph_store_dup_column_text (stmt, 0);
  if (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      goto fail;
    }
  if (key == NULL)
    {
      g_set_error_literal (error, PH_STORE_ERROR, PH_STORE_ERROR_NOT_FOUND,
                           _("This source is no longer on the exclusion list."));
      goto fail;
    }

  details = json_object_1 ("source", key);
  if (!ph_store_audit (self, "exclusion.remove", "exclusion", id, details, error))
    goto fail;
  ph_store_emit_changed (self, "exclusions", id);
  return ph_store_commit (self, error);

fail:
  ph_store_rollback (self);
  return FALSE;
}

/* ---- audit log ------------------------------------------------------------- */

void
ph_audit_row_free (PhAuditRow *row)
{
  if (row == NULL)
    return;
  g_free (row->at);
  g_free (row->actor);
  g_free (row->action);
  g_free (row->object_type);
  g_free (row->details);
  g_free (row->prev_hash);
  g_free (row->hash);
  g_free (row->object_code);
  g_free (row);
}

static void
checksum_field (GChecksum  *checksum,
                const char *value)
{
  char length[24];

  if (value == NULL)
    value = "";
  /* Length-prefixed, so no choice of field contents can shift the boundaries. */
  g_snprintf (length, sizeof length, "%zu:", strlen (value));
  g_checksum_update (checksum, (const guchar *) length, -1);
  g_checksum_update (checksum, (const guchar *) value, -1);
}

/**
 * ph_audit_compute_hash:
 *
 * The chain link of one audit row: the SHA-256 of the previous row's hash and
 * of this row's fields, each written as `LENGTH:BYTES`. `verify` recomputes it.
 *
 * Returns: (transfer full): hex SHA-256
 */
char *
ph_audit_compute_hash (const char *prev_hash,
                       gint64      id,
                       const char *at,
                       const char *actor,
                       const char *action,
                       const char *object_type,
                       gint64      object_id,
                       const char *details)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char number[24];

  checksum_field (checksum, prev_hash);
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, id);
  checksum_field (checksum, number);
  checksum_field (checksum, at);
  checksum_field (checksum, actor);
  checksum_field (checksum, action);
  checksum_field (checksum, object_type);
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, object_id);
  checksum_field (checksum, number);
  checksum_field (checksum, details);
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * ph_store_audit:
 * @action: what happened, e.g. "entry.create", "entry.verify"
 * @object_type: "entry", "document", "unit", "batch" …
 * @object_id: the object's id, or 0
 * @details_json: (nullable): a JSON object with the particulars
 *
 * Appends a row to the audit log, chained to the previous one. Call it
 * inside the transaction that makes the change.
 */
gboolean
ph_store_audit (PhStore     *self,
                const char  *action,
                const char  *object_type,
                gint64       object_id,
                const char  *details_json,
                GError     **error)
{
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *at = ph_store_now ();
  sqlite3_stmt *stmt;
  gint64 id = 1;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL && object_type != NULL, FALSE);

  if (details_json == NULL)
    details_json = "{}";

  if (!ph_store_begin (self, error))
    return FALSE;

  stmt = ph_store_prepare (self, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    goto fail;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0) + 1;
      prev_hash = ph_store_dup_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      goto fail;
    }
  if (prev_hash == NULL)
    prev_hash = g_strdup (ZERO_HASH);

  hash = ph_audit_compute_hash (prev_hash, id, at, self->actor, action, object_type,
                                object_id, details_json);

  stmt = ph_store_prepare (self, "INSERT INTO audit_log (id, at, actor, action, object_type,"
                                 " object_id, details, prev_hash, hash)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, self->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, object_type, -1, SQLITE_TRANSIENT);
  if (object_id != 0)
    sqlite3_bind_int64 (stmt, 6, object_id);
  sqlite3_bind_text (stmt, 7, details_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, hash, -1, SQLITE_TRANSIENT);
  if (!ph_store_step_done (self, stmt, error))
    goto fail;

  return ph_store_commit (self, error);

fail:
  ph_store_rollback (self);
  return FALSE;
}

/**
 * ph_store_list_audit:
 * @object_type: (nullable): only rows about this kind of object
 * @object_id: with @object_type, only rows about this object; 0 for all
 * @offset: rows to skip, newest first
 * @limit: rows to return
 *
 * Returns: (transfer full) (element-type PhAuditRow): audit rows, newest first
 */
GPtrArray *
ph_store_list_audit (PhStore     *self,
                     const char  *object_type,
                     gint64       object_id,
                     gint64       offset,
                     guint        limit,
                     GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_audit_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), NULL);

/* Some rows (a batch edited) do not repeat the code in their details; the
 * history names the object by its code all the same. */
#define AUDIT_SELECT \
  "SELECT id, at, actor, action, object_type, object_id, details, prev_hash, hash," \
  " CASE object_type" \
  "  WHEN 'entry' THEN (SELECT code FROM entries WHERE entries.id = audit_log.object_id)" \
  "  WHEN 'batch' THEN (SELECT code FROM batches WHERE batches.id = audit_log.object_id)" \
  " END FROM audit_log"
#define AUDIT_PAGE " ORDER BY id DESC LIMIT ?4 OFFSET ?3"

  if (object_type != NULL && object_id != 0)
    stmt = ph_store_prepare (self, AUDIT_SELECT " WHERE object_type = ?1 AND object_id = ?2"
                                   AUDIT_PAGE, error);
  else if (object_type != NULL)
    stmt = ph_store_prepare (self, AUDIT_SELECT " WHERE object_type = ?1" AUDIT_PAGE, error);
  else
    stmt = ph_store_prepare (self, AUDIT_SELECT AUDIT_PAGE, error);
#undef AUDIT_SELECT
#undef AUDIT_PAGE
  if (stmt == NULL)
    return NULL;

  if (object_type != NULL)
    sqlite3_bind_text (stmt, 1, object_type, -1, SQLITE_TRANSIENT);
  if (object_type != NULL && object_id != 0)
    sqlite3_bind_int64 (stmt, 2, object_id);
  sqlite3_bind_int64 (stmt, 3, MAX (offset, 0));
  sqlite3_bind_int64 (stmt, 4, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PhAuditRow *row = g_new0 (PhAuditRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->at = ph_store_dup_column_text (stmt, 1);
      row->actor = ph_store_dup_column_text (stmt, 2);
      row->action = ph_store_dup_column_text (stmt, 3);
      row->object_type = ph_store_dup_column_text (stmt, 4);
      row->object_id = sqlite3_column_int64 (stmt, 5);
      row->details = ph_store_dup_column_text (stmt, 6);
      row->prev_hash = ph_store_dup_column_text (stmt, 7);
      row->hash = ph_store_dup_column_text (stmt, 8);
      row->object_code = ph_store_dup_column_text (stmt, 9);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ph_store_set_db_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * ph_store_count_audit:
 *
 * Returns: the number of rows in the audit log, or -1 with @error set
 */
gint64
ph_store_count_audit (PhStore  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (PH_IS_STORE (self), -1);

  stmt = ph_store_prepare (self, "SELECT count(*) FROM audit_log", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    ph_store_set_db_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}
