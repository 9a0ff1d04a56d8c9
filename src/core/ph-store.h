/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ph-entry.h"

G_BEGIN_DECLS

#define PH_STORE_ERROR (ph_store_error_quark ())

typedef enum
{
  PH_STORE_ERROR_FAILED,          /* the database failed; the message says how */
  PH_STORE_ERROR_NOT_FOUND,       /* no such entry, document, unit … */
  PH_STORE_ERROR_NOT_ALLOWED,     /* a status rule refuses the change */
  PH_STORE_ERROR_INVALID,         /* the input is not acceptable (empty source, bad date …) */
  PH_STORE_ERROR_READ_ONLY,       /* the data folder or database cannot be written */
  PH_STORE_ERROR_BUSY,            /* another program holds the database */
  PH_STORE_ERROR_CORRUPT,         /* the database or an evidence file is damaged */
  PH_STORE_ERROR_TOO_NEW,         /* made by a newer version of the application */
  PH_STORE_ERROR_EVIDENCE_TYPE,   /* not a screenshot, recording, video or PDF */
  PH_STORE_ERROR_EVIDENCE_EMPTY,
  PH_STORE_ERROR_EVIDENCE_TOO_BIG,
  PH_STORE_ERROR_EVIDENCE_NOT_FILE, /* a folder, a device … */
  PH_STORE_ERROR_EVIDENCE_UNREADABLE,
  PH_STORE_ERROR_CANCELLED,
} PhStoreError;

#define PH_STORE_DATABASE_NAME "phananh.db"
#define PH_STORE_EVIDENCE_DIR  "evidence"
/* The default limit of one evidence file: 50 MiB (setting "evidence.max-size"). */
#define PH_STORE_DEFAULT_MAX_EVIDENCE_SIZE (G_GINT64_CONSTANT (50) * 1024 * 1024)

#define PH_TYPE_STORE (ph_store_get_type ())
G_DECLARE_FINAL_TYPE (PhStore, ph_store, PH, STORE, GObject)

GQuark       ph_store_error_quark            (void);

PhStore     *ph_store_open                   (const char   *data_dir,
                                              GError      **error);
const char  *ph_store_get_data_dir           (PhStore      *self);
const char  *ph_store_get_database_path      (PhStore      *self);
const char  *ph_store_get_evidence_dir       (PhStore      *self);
int          ph_store_get_schema_version     (PhStore      *self);
int          ph_store_get_latest_schema_version (void);
void         ph_store_close                  (PhStore      *self);

const char  *ph_store_get_actor              (PhStore      *self);
void         ph_store_set_actor              (PhStore      *self,
                                              const char   *login);

/* Transactions nest (savepoints); "changed" is emitted after the outermost commit. */
gboolean     ph_store_begin                  (PhStore      *self,
                                              GError      **error);
gboolean     ph_store_commit                 (PhStore      *self,
                                              GError      **error);
void         ph_store_rollback               (PhStore      *self);
void         ph_store_emit_changed           (PhStore      *self,
                                              const char   *what,
                                              gint64        id);

/* Settings: the agency profile ("agency.parent", "agency.name", "agency.place",
 * "agency.symbol") and limits ("evidence.max-size"). */
char        *ph_store_dup_setting            (PhStore      *self,
                                              const char   *key,
                                              GError      **error);
gboolean     ph_store_set_setting            (PhStore      *self,
                                              const char   *key,
                                              const char   *value,
                                              GError      **error);
gint64       ph_store_get_max_evidence_size  (PhStore      *self);

/* Units */
typedef struct
{
  gint64  id;
  char   *name;
  guint   entry_count;
} PhUnit;

void         ph_unit_free                    (PhUnit       *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhUnit, ph_unit_free)

GPtrArray   *ph_store_list_units             (PhStore      *self,
                                              GError      **error);
gint64       ph_store_create_unit            (PhStore      *self,
                                              const char   *name,
                                              GError      **error);
gint64       ph_store_ensure_unit            (PhStore      *self,
                                              const char   *name,
                                              GError      **error);

/* The exclusion list: sources that must never be reported. */
typedef struct
{
  gint64  id;
  char   *source_key;
  char   *display;
  char   *reason;
  char   *created_at;
} PhExclusion;

void         ph_exclusion_free               (PhExclusion  *exclusion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhExclusion, ph_exclusion_free)

GPtrArray   *ph_store_list_exclusions        (PhStore      *self,
                                              GError      **error);
gint64       ph_store_add_exclusion          (PhStore      *self,
                                              const char   *source,
                                              const char   *reason,
                                              GError      **error);
gboolean     ph_store_remove_exclusion       (PhStore      *self,
                                              gint64        id,
                                              GError      **error);
PhExclusion *ph_store_find_exclusion         (PhStore      *self,
                                              const char   *source,
                                              GError      **error);

/* The audit log */
typedef struct
{
  gint64  id;
  char   *at;
  char   *actor;
  char   *action;
  char   *object_type;
  gint64  object_id;
  char   *details;
  char   *prev_hash;
  char   *hash;
  char   *object_code;  /* the entry's or batch's code now, for rows whose details lack it */
} PhAuditRow;

void         ph_audit_row_free               (PhAuditRow   *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhAuditRow, ph_audit_row_free)

gboolean     ph_store_audit                  (PhStore      *self,
                                              const char   *action,
                                              const char   *object_type,
                                              gint64        object_id,
                                              const char   *details_json,
                                              GError      **error);
GPtrArray   *ph_store_list_audit             (PhStore      *self,
                                              const char   *object_type,
                                              gint64        object_id,
                                              gint64        offset,
                                              guint         limit,
                                              GError      **error);
gint64       ph_store_count_audit            (PhStore      *self,
                                              GError      **error);
char        *ph_audit_compute_hash           (const char   *prev_hash,
                                              gint64        id,
                                              const char   *at,
                                              const char   *actor,
                                              const char   *action,
                                              const char   *object_type,
                                              gint64        object_id,
                                              const char   *details);

G_END_DECLS
