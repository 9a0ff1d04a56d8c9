/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-migrations.c: the database schema, as the list of steps that build it.
 *
 * HOW TO CHANGE THE SCHEMA: append ONE entry to migrations[] at the bottom of
 * this file, with version = the last version + 1, its SQL and, if rows must be
 * computed in C, a function. That is the only place to touch: the store runs
 * every step above the database's `PRAGMA user_version` in order, each in its
 * own transaction, and sets user_version after it. Never edit a step that has
 * been released; databases out there already ran it. Add the old schema to
 * tests/test-store-migrations.c so the upgrade from it stays tested.
 *
 * The status rules and the append-only audit log live in triggers, so that
 * nothing — not even a script with the sqlite3 shell — can bypass them without
 * dropping a trigger first (which `phananh-cli verify` reports). */

#include "config.h"

#include "ph-number.h"
#include "ph-store-migrations.h"
#include "ph-store-private.h"

static const char schema_v1[] =
  /* Who sent a report: a department, a commune, the police, a carrier, a citizen. */
  "CREATE TABLE units ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  created_at TEXT NOT NULL"
  ");"

  /* The people who use the application. The batches work extends this table. */
  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY,"
  "  login TEXT NOT NULL UNIQUE CHECK (length(login) > 0),"
  "  full_name TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL DEFAULT 'clerk' CHECK (role IN ('clerk', 'approver', 'admin')),"
  "  created_at TEXT NOT NULL"
  ");"

  /* The agency profile and limits, as key/value text. */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  /* Per-year counters for entry codes. */
  "CREATE TABLE sequences ("
  "  name TEXT PRIMARY KEY,"
  "  value INTEGER NOT NULL"
  ") WITHOUT ROWID;"

  /* One written report as received (văn bản đến). */
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  number TEXT NOT NULL DEFAULT '',"
  "  dated_on TEXT,"
  "  unit_id INTEGER NOT NULL REFERENCES units (id),"
  "  delivery TEXT NOT NULL CHECK (delivery IN ('paper', 'electronic', 'email', 'in-person')),"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  created_by TEXT NOT NULL,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE INDEX documents_unit ON documents (unit_id);"
  "CREATE INDEX documents_received ON documents (received_on, id);"

  /* One reported source (phản ánh). unit_id and received_on repeat the document's
   * so that lists filter and sort on one table's indexes. */
  "CREATE TABLE entries ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT UNIQUE,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id),"
  "  unit_id INTEGER NOT NULL REFERENCES units (id),"
  "  received_on TEXT NOT NULL,"
  "  source_input TEXT NOT NULL,"
  "  source_key TEXT NOT NULL CHECK (length(source_key) > 0),"
  "  source_e164 TEXT,"
  "  source_display TEXT NOT NULL,"
  "  source_kind TEXT NOT NULL,"
  "  network TEXT,"
  "  province TEXT,"
  "  category TEXT NOT NULL CHECK (category IN ('scam', 'spam', 'impersonation', 'threat',"
  "                                             'debt-collection', 'other')),"
  "  channel TEXT NOT NULL CHECK (channel IN ('call', 'sms', 'app', 'other')),"
  "  impersonated TEXT NOT NULL DEFAULT '',"
  "  occurred_at TEXT,"
  "  receiving_number TEXT NOT NULL DEFAULT '',"
  "  content TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'verified', 'in-batch',"
  "                                                            'sent', 'answered', 'rejected')),"
  "  reject_reason TEXT,"
  "  evidence_count INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (status <> 'rejected' OR length(trim(reject_reason)) > 0)"
  ");"
  /* Every sort column ends in (received_on, id), the order lists break ties in,
   * so that a sorted page (and the filter on its first column) is an index walk. */
  "CREATE INDEX entries_received ON entries (received_on, id);"
  "CREATE INDEX entries_status ON entries (status, received_on, id);"
  "CREATE INDEX entries_category ON entries (category, received_on, id);"
  "CREATE INDEX entries_network ON entries (network, received_on, id);"
  "CREATE INDEX entries_unit ON entries (unit_id, received_on, id);"
  "CREATE INDEX entries_source ON entries (source_key, received_on, id);"
  "CREATE INDEX entries_channel ON entries (channel, received_on, id);"
  "CREATE INDEX entries_evidence_count ON entries (evidence_count, received_on, id);"
  "CREATE INDEX entries_document ON entries (document_id);"

  /* Status rules of DESIGN.md "Entry statuses", the same table as
   * ph_entry_status_can_change(). */
  "CREATE TRIGGER entries_status_rule BEFORE UPDATE OF status ON entries"
  " WHEN OLD.status <> NEW.status AND NOT ("
  "   (OLD.status = 'received' AND NEW.status IN ('verified', 'rejected')) OR"
  "   (OLD.status = 'verified' AND NEW.status IN ('in-batch', 'received')) OR"
  "   (OLD.status = 'in-batch' AND NEW.status IN ('sent', 'verified')) OR"
  "   (OLD.status = 'sent' AND NEW.status = 'answered') OR"
  "   (OLD.status = 'rejected' AND NEW.status = 'received'))"
  " BEGIN SELECT RAISE (ABORT, 'ph:status-change'); END;"
  "CREATE TRIGGER entries_insert_status BEFORE INSERT ON entries"
  " WHEN NEW.status NOT IN ('received', 'verified', 'rejected')"
  " BEGIN SELECT RAISE (ABORT, 'ph:status-change'); END;"
  /* Only a verified entry goes into a batch, and only through batch_entries. */
  "CREATE TRIGGER entries_in_batch BEFORE UPDATE OF status ON entries"
  " WHEN NEW.status = 'in-batch' AND OLD.status <> 'in-batch'"
  "  AND NOT EXISTS (SELECT 1 FROM batch_entries WHERE entry_id = NEW.id)"
  " BEGIN SELECT RAISE (ABORT, 'ph:not-in-batch'); END;"
  /* Once in a batch, an entry's content is what was signed: it cannot change. */
  "CREATE TRIGGER entries_frozen BEFORE UPDATE OF code, document_id, unit_id, received_on,"
  "  source_input, source_key, source_e164, source_display, source_kind, network, province,"
  "  category, channel, impersonated, occurred_at, receiving_number, content, notes,"
  "  evidence_count ON entries"
  " WHEN OLD.status NOT IN ('received', 'verified', 'rejected')"
  " BEGIN SELECT RAISE (ABORT, 'ph:entry-frozen'); END;"
  "CREATE TRIGGER entries_delete_rule BEFORE DELETE ON entries"
  " WHEN OLD.status NOT IN ('received', 'rejected')"
  " BEGIN SELECT RAISE (ABORT, 'ph:entry-not-deletable'); END;"

  /* Evidence files: stored once by SHA-256 under evidence/ab/abcd…; a row per
   * attachment (the same file may be attached to several entries). */
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  entry_id INTEGER REFERENCES entries (id) ON DELETE CASCADE,"
  "  document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,"
  "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  size INTEGER NOT NULL CHECK (size > 0),"
  "  mime TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('image', 'audio', 'video', 'document')),"
  "  original_name TEXT NOT NULL,"
  "  added_by TEXT NOT NULL,"
  "  added_at TEXT NOT NULL,"
  "  CHECK ((entry_id IS NULL) <> (document_id IS NULL))"
  ");"
  "CREATE INDEX evidence_entry ON evidence (entry_id);"
  "CREATE INDEX evidence_document ON evidence (document_id);"
  "CREATE INDEX evidence_sha256 ON evidence (sha256);"
  "CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence"
  " BEGIN SELECT RAISE (ABORT, 'ph:evidence-immutable'); END;"
  "CREATE TRIGGER evidence_count_insert AFTER INSERT ON evidence WHEN NEW.entry_id IS NOT NULL"
  " BEGIN UPDATE entries SET evidence_count = evidence_count + 1 WHERE id = NEW.entry_id; END;"
  "CREATE TRIGGER evidence_count_delete AFTER DELETE ON evidence WHEN OLD.entry_id IS NOT NULL"
  " BEGIN UPDATE entries SET evidence_count = evidence_count - 1 WHERE id = OLD.entry_id; END;"

  /* Sources that must never be reported. */
  "CREATE TABLE exclusions ("
  "  id INTEGER PRIMARY KEY,"
  "  source_key TEXT NOT NULL UNIQUE,"
  "  display TEXT NOT NULL,"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL"
  ");"

  /* A batch (đợt gửi) and its entries. Kept minimal here: the batches work adds
   * signing and its rules in a later migration. */
  "CREATE TABLE batches ("
  "  id INTEGER PRIMARY KEY,"
  "  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'approved',"
  "                                                       'returned', 'sent', 'closed')),"
  "  number TEXT NOT NULL DEFAULT '',"
  "  symbol TEXT NOT NULL DEFAULT '',"
  "  dated_on TEXT,"
  "  recipient TEXT NOT NULL DEFAULT '',"
  "  subject TEXT NOT NULL DEFAULT '',"
  "  created_by TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE batch_entries ("
  "  batch_id INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,"
  "  entry_id INTEGER NOT NULL REFERENCES entries (id),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (batch_id, entry_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX batch_entries_entry ON batch_entries (entry_id);"
  "CREATE TRIGGER batch_entries_verified BEFORE INSERT ON batch_entries"
  " WHEN (SELECT status FROM entries WHERE id = NEW.entry_id) IS NOT 'verified'"
  " BEGIN SELECT RAISE (ABORT, 'ph:not-verified'); END;"

  /* The source record (số vi phạm): one row per normalised source, kept in step
   * with entries by the triggers below; the Authority's answer lives here. */
  "CREATE TABLE sources ("
  "  key TEXT PRIMARY KEY,"
  "  display TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  network TEXT,"
  "  first_seen TEXT NOT NULL,"
  "  last_seen TEXT NOT NULL,"
  "  entry_count INTEGER NOT NULL DEFAULT 0,"
  "  answer TEXT NOT NULL DEFAULT 'not-sent' CHECK (answer IN ('not-sent', 'sent',"
  "    'blocked-one-way', 'blocked-two-way', 'handled', 'rejected')),"
  "  answer_note TEXT NOT NULL DEFAULT '',"
  "  answered_at TEXT"
  ") WITHOUT ROWID;"
  "CREATE INDEX sources_last_seen ON sources (last_seen);"
  "CREATE INDEX sources_count ON sources (entry_count);"
  "CREATE TRIGGER sources_entry_insert AFTER INSERT ON entries BEGIN"
  "  INSERT INTO sources (key, display, kind, network, first_seen, last_seen, entry_count)"
  "  VALUES (NEW.source_key, NEW.source_display, NEW.source_kind, NEW.network,"
  "          NEW.received_on, NEW.received_on, 1)"
  "  ON CONFLICT (key) DO UPDATE SET entry_count = entry_count + 1,"
  "    first_seen = min(first_seen, excluded.first_seen),"
  "    last_seen = max(last_seen, excluded.last_seen);"
  " END;"
  "CREATE TRIGGER sources_entry_delete AFTER DELETE ON entries BEGIN"
  "  UPDATE sources SET entry_count = entry_count - 1,"
  "    first_seen = coalesce ((SELECT min(received_on) FROM entries WHERE source_key = OLD.source_key), first_seen),"
  "    last_seen = coalesce ((SELECT max(received_on) FROM entries WHERE source_key = OLD.source_key), last_seen)"
  "  WHERE key = OLD.source_key;"
  "  DELETE FROM sources WHERE key = OLD.source_key AND entry_count <= 0 AND answer = 'not-sent';"
  " END;"
  "CREATE TRIGGER sources_entry_update AFTER UPDATE OF source_key, received_on ON entries"
  " WHEN OLD.source_key <> NEW.source_key OR OLD.received_on <> NEW.received_on BEGIN"
  "  UPDATE sources SET entry_count = entry_count - 1 WHERE key = OLD.source_key;"
  "  UPDATE sources SET"
  "    first_seen = coalesce ((SELECT min(received_on) FROM entries WHERE source_key = OLD.source_key), first_seen),"
  "    last_seen = coalesce ((SELECT max(received_on) FROM entries WHERE source_key = OLD.source_key), last_seen)"
  "  WHERE key = OLD.source_key;"
  "  DELETE FROM sources WHERE key = OLD.source_key AND entry_count <= 0 AND answer = 'not-sent';"
  "  INSERT INTO sources (key, display, kind, network, first_seen, last_seen, entry_count)"
  "  VALUES (NEW.source_key, NEW.source_display, NEW.source_kind, NEW.network,"
  "          NEW.received_on, NEW.received_on, 1)"
  "  ON CONFLICT (key) DO UPDATE SET entry_count = entry_count + 1,"
  "    first_seen = min(first_seen, excluded.first_seen),"
  "    last_seen = max(last_seen, excluded.last_seen);"
  " END;"

  /* Full-text search over folded text (ph_fold(): "lua dao" finds "lừa đảo"), and
   * a trigram index over the digits of the numbers so that any run of three or more
   * digits finds the numbers containing it. Both keyed by the entry id. */
  "CREATE VIRTUAL TABLE entries_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE VIRTUAL TABLE entries_digits USING fts5 (digits, tokenize = 'trigram');"
  "CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN"
  "  INSERT INTO entries_fts (rowid, body) VALUES (NEW.id, ph_fold_concat ("
  "    NEW.code, NEW.source_display, NEW.source_input, NEW.network, NEW.province,"
  "    NEW.impersonated, NEW.receiving_number, NEW.content, NEW.notes,"
  "    (SELECT name FROM units WHERE id = NEW.unit_id),"
  "    (SELECT number || ' ' || summary FROM documents WHERE id = NEW.document_id)));"
  "  INSERT INTO entries_digits (rowid, digits)"
  "  VALUES (NEW.id, ph_digits_terms (NEW.source_e164, NEW.source_input, NEW.receiving_number));"
  " END;"
  "CREATE TRIGGER entries_fts_update AFTER UPDATE OF source_input, source_display, network,"
  "  province, impersonated, receiving_number, content, notes, unit_id, document_id ON entries BEGIN"
  "  DELETE FROM entries_fts WHERE rowid = OLD.id;"
  "  DELETE FROM entries_digits WHERE rowid = OLD.id;"
  "  INSERT INTO entries_fts (rowid, body) VALUES (NEW.id, ph_fold_concat ("
  "    NEW.code, NEW.source_display, NEW.source_input, NEW.network, NEW.province,"
  "    NEW.impersonated, NEW.receiving_number, NEW.content, NEW.notes,"
  "    (SELECT name FROM units WHERE id = NEW.unit_id),"
  "    (SELECT number || ' ' || summary FROM documents WHERE id = NEW.document_id)));"
  "  INSERT INTO entries_digits (rowid, digits)"
  "  VALUES (NEW.id, ph_digits_terms (NEW.source_e164, NEW.source_input, NEW.receiving_number));"
  " END;"
  "CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN"
  "  DELETE FROM entries_fts WHERE rowid = OLD.id;"
  "  DELETE FROM entries_digits WHERE rowid = OLD.id;"
  " END;"

  /* Every change, who and when. Each row's hash is the SHA-256 of the previous
   * row's hash and its own canonical content (ph_audit_compute_hash()), so an
   * edit behind the application's back breaks the chain; the triggers make the
   * table append-only. */
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  object_type TEXT NOT NULL,"
  "  object_id INTEGER,"
  "  details TEXT NOT NULL DEFAULT '{}',"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ");"
  "CREATE INDEX audit_log_object ON audit_log (object_type, object_id, id);"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  " BEGIN SELECT RAISE (ABORT, 'ph:audit-append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  " BEGIN SELECT RAISE (ABORT, 'ph:audit-append-only'); END;";

/* Sources that must never be reported, named in the seeds and DESIGN.md: the
 * emergency numbers, the 156/5656 report lines, the police duty line and a
 * carrier's care line. The reason is the numbering plan's own name for the
 * number unless the plan has none; like the plan, it is stored in Vietnamese. */
static const struct {
  const char *source;
  const char *reason;
} seed_exclusions[] = {
  { "111", NULL },
  { "112", NULL },
  { "113", NULL },
  { "114", NULL },
  { "115", NULL },
  { "156", NULL },
  { "5656", NULL },
  { "069 2348560", "Đường dây trực ban của Công an tỉnh" },
  { "18001091", NULL },
};

static gboolean
seed_v1 (PhStore  *store,
         GError  **error)
{
  g_autofree char *now = ph_store_now ();
  sqlite3_stmt *stmt;

  stmt = ph_store_prepare (store,
                           "INSERT OR IGNORE INTO exclusions (source_key, display, reason, created_at)"
                           " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (seed_exclusions); i++)
    {
      g_autoptr(PhNumber) number = ph_number_parse (seed_exclusions[i].source);
      const char *reason;

      if (!ph_number_is_valid (number))
        continue;

      reason = seed_exclusions[i].reason != NULL ? seed_exclusions[i].reason : number->note;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, number->key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, number->display, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, reason != NULL ? reason : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      if (!ph_store_step_done (store, stmt, error))
        return FALSE;
    }

  stmt = ph_store_prepare (store,
                           "INSERT OR IGNORE INTO settings (key, value) VALUES ('evidence.max-size', ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, PH_STORE_DEFAULT_MAX_EVIDENCE_SIZE);
  return ph_store_step_done (store, stmt, error);
}

/* Users, roles and signing keys; batches from draft to closed with their
 * sign-off (ph-store-users.c, ph-store-batches.c). batches and batch_entries
 * are rebuilt: the state list grows ("answered") and a signed batch needs
 * columns that a CHECK cannot be added to in place. The rebuild keeps every
 * row; batch_entries is moved to the new batches table before the old one is
 * dropped, so that ON DELETE CASCADE never fires on it. */
static const char schema_v2[] =
  "ALTER TABLE users ADD COLUMN authority TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE users ADD COLUMN password_hash TEXT;"
  "ALTER TABLE users ADD COLUMN public_key TEXT;"
  "ALTER TABLE users ADD COLUMN sealed_key TEXT;"
  "ALTER TABLE users ADD COLUMN updated_at TEXT;"

  /* Every public key an approver ever had: a batch signed before a password
   * reset gave them a new key still verifies against the old one. */
  "CREATE TABLE user_keys ("
  "  id INTEGER PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id),"
  "  public_key TEXT NOT NULL UNIQUE CHECK (length(public_key) = 64),"
  "  created_at TEXT NOT NULL,"
  "  retired_at TEXT"
  ");"
  "CREATE INDEX user_keys_user ON user_keys (user_id);"
  "CREATE TRIGGER user_keys_no_delete BEFORE DELETE ON user_keys"
  " BEGIN SELECT RAISE (ABORT, 'ph:key-history'); END;"
  "CREATE TRIGGER user_keys_no_change BEFORE UPDATE OF user_id, public_key, created_at ON user_keys"
  " BEGIN SELECT RAISE (ABORT, 'ph:key-history'); END;"

  "CREATE TABLE batches_v2 ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT UNIQUE,"
  "  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'returned',"
  "    'approved', 'sent', 'answered', 'closed')),"
  "  number TEXT NOT NULL DEFAULT '',"
  "  symbol TEXT NOT NULL DEFAULT '',"
  "  dated_on TEXT,"
  "  recipient TEXT NOT NULL DEFAULT '',"
  "  subject TEXT NOT NULL DEFAULT '',"
  "  signer_id INTEGER REFERENCES users (id),"
  "  signer_authority TEXT NOT NULL DEFAULT '',"
  "  signer_title TEXT NOT NULL DEFAULT '',"
  "  signer_name TEXT NOT NULL DEFAULT '',"
  "  created_by TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  submitted_at TEXT,"
  "  returned_by TEXT,"
  "  returned_at TEXT,"
  "  return_comment TEXT NOT NULL DEFAULT '',"
  "  approved_by INTEGER REFERENCES users (id),"
  "  approved_at TEXT,"
  "  digest TEXT,"
  "  signature TEXT,"
  "  public_key TEXT,"
  "  sent_on TEXT,"
  "  sent_by TEXT,"
  "  closed_at TEXT,"
  "  closed_by TEXT"
  ");"
  "INSERT INTO batches_v2 (id, code, state, number, symbol, dated_on, recipient, subject,"
  "  created_by, created_at, updated_at)"
  " SELECT id, 'DG-' || substr (created_at, 1, 4) || '-' || printf ('%03d', id),"
  "  CASE WHEN state IN ('draft', 'submitted', 'returned') THEN state ELSE 'draft' END,"
  "  number, symbol, dated_on, recipient, subject, created_by, created_at, updated_at"
  " FROM batches;"
  "CREATE TABLE batch_entries_v2 ("
  "  batch_id INTEGER NOT NULL REFERENCES batches_v2 (id) ON DELETE CASCADE,"
  "  entry_id INTEGER NOT NULL REFERENCES entries (id),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (batch_id, entry_id)"
  ") WITHOUT ROWID;"
  "INSERT INTO batch_entries_v2 (batch_id, entry_id, position)"
  " SELECT batch_id, entry_id, position FROM batch_entries;"
  /* A rename checks every trigger; this one names the table being replaced. */
  "DROP TRIGGER entries_in_batch;"
  "DROP TABLE batch_entries;"
  "ALTER TABLE batch_entries_v2 RENAME TO batch_entries;"
  "DROP TABLE batches;"
  "ALTER TABLE batches_v2 RENAME TO batches;"
  "CREATE INDEX batch_entries_entry ON batch_entries (entry_id);"
  "CREATE TRIGGER entries_in_batch BEFORE UPDATE OF status ON entries"
  " WHEN NEW.status = 'in-batch' AND OLD.status <> 'in-batch'"
  "  AND NOT EXISTS (SELECT 1 FROM batch_entries WHERE entry_id = NEW.id)"
  " BEGIN SELECT RAISE (ABORT, 'ph:not-in-batch'); END;"
  "CREATE INDEX batches_state ON batches (state, id);"
  /* The application gives each batch its code (DG-2026-003); a row made any
   * other way gets one from its id. */
  "CREATE TRIGGER batches_code AFTER INSERT ON batches WHEN NEW.code IS NULL BEGIN"
  "  UPDATE batches SET code = 'DG-' || substr (NEW.created_at, 1, 4) || '-'"
  "   || printf ('%03d', NEW.id) WHERE id = NEW.id;"
  " END;"
  "CREATE TRIGGER batch_entries_verified BEFORE INSERT ON batch_entries"
  " WHEN (SELECT status FROM entries WHERE id = NEW.entry_id) IS NOT 'verified'"
  " BEGIN SELECT RAISE (ABORT, 'ph:not-verified'); END;"

  /* Who built or filled each batch: none of them may approve it (four-eyes). */
  "CREATE TABLE batch_contributors ("
  "  batch_id INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,"
  "  login TEXT NOT NULL,"
  "  what TEXT NOT NULL CHECK (what IN ('created', 'entries', 'fields', 'submitted')),"
  "  at TEXT NOT NULL,"
  "  PRIMARY KEY (batch_id, login, what)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER batch_contributors_signed BEFORE INSERT ON batch_contributors"
  " WHEN (SELECT state FROM batches WHERE id = NEW.batch_id) NOT IN ('draft', 'returned', 'submitted')"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-signed'); END;"
  "CREATE TRIGGER batch_contributors_no_delete BEFORE DELETE ON batch_contributors"
  " WHEN (SELECT state FROM batches WHERE id = OLD.batch_id) IS NOT NULL"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-signed'); END;"

  /* The Authority's answer per source of a sent batch. */
  "CREATE TABLE batch_answers ("
  "  batch_id INTEGER NOT NULL REFERENCES batches (id),"
  "  source_key TEXT NOT NULL,"
  "  answer TEXT NOT NULL CHECK (answer IN ('blocked-one-way', 'blocked-two-way', 'handled',"
  "    'rejected')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  recorded_by TEXT NOT NULL,"
  "  recorded_at TEXT NOT NULL,"
  "  PRIMARY KEY (batch_id, source_key)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER batch_answers_state BEFORE INSERT ON batch_answers"
  " WHEN (SELECT state FROM batches WHERE id = NEW.batch_id) NOT IN ('sent', 'answered')"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-state'); END;"
  "CREATE TRIGGER batch_answers_closed BEFORE UPDATE ON batch_answers"
  " WHEN (SELECT state FROM batches WHERE id = OLD.batch_id) NOT IN ('sent', 'answered')"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-state'); END;"
  "CREATE TRIGGER batch_answers_no_delete BEFORE DELETE ON batch_answers"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-state'); END;"

  /* A batch's life (ph_batch_state_can_change()). */
  "CREATE TRIGGER batches_insert_state BEFORE INSERT ON batches WHEN NEW.state <> 'draft'"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-state'); END;"
  "CREATE TRIGGER batches_state_rule BEFORE UPDATE OF state ON batches"
  " WHEN OLD.state <> NEW.state AND NOT ("
  "   (OLD.state IN ('draft', 'returned') AND NEW.state = 'submitted') OR"
  "   (OLD.state = 'submitted' AND NEW.state IN ('approved', 'returned')) OR"
  "   (OLD.state = 'approved' AND NEW.state = 'sent') OR"
  "   (OLD.state = 'sent' AND NEW.state IN ('answered', 'closed')) OR"
  "   (OLD.state = 'answered' AND NEW.state = 'closed'))"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-state'); END;"
  "CREATE TRIGGER batches_approval_signed BEFORE UPDATE OF state ON batches"
  " WHEN NEW.state = 'approved' AND (NEW.digest IS NULL OR NEW.signature IS NULL"
  "   OR NEW.public_key IS NULL OR NEW.approved_by IS NULL)"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-unsigned'); END;"
  /* Once approved, what was signed stays as it was signed. */
  "CREATE TRIGGER batches_signed BEFORE UPDATE OF code, number, symbol, dated_on, recipient,"
  "  subject, signer_id, signer_authority, signer_title, signer_name, created_by, created_at,"
  "  submitted_at, approved_by, approved_at, digest, signature, public_key ON batches"
  " WHEN OLD.state IN ('approved', 'sent', 'answered', 'closed')"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-signed'); END;"
  "CREATE TRIGGER batches_no_delete BEFORE DELETE ON batches"
  " WHEN OLD.state NOT IN ('draft', 'returned')"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-signed'); END;"

  /* Entries join and leave only a draft; their status follows the batch. */
  "CREATE TRIGGER batch_entries_insert_locked BEFORE INSERT ON batch_entries"
  " WHEN (SELECT state FROM batches WHERE id = NEW.batch_id) NOT IN ('draft', 'returned')"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-locked'); END;"
  "CREATE TRIGGER batch_entries_delete_locked BEFORE DELETE ON batch_entries"
  " WHEN (SELECT state FROM batches WHERE id = OLD.batch_id) NOT IN ('draft', 'returned')"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-locked'); END;"
  "CREATE TRIGGER batch_entries_no_update BEFORE UPDATE ON batch_entries"
  " WHEN (SELECT state FROM batches WHERE id = OLD.batch_id) NOT IN ('draft', 'returned')"
  "   OR (SELECT state FROM batches WHERE id = NEW.batch_id) NOT IN ('draft', 'returned')"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-locked'); END;"
  "CREATE TRIGGER batch_entries_status_in AFTER INSERT ON batch_entries BEGIN"
  "  UPDATE entries SET status = 'in-batch' WHERE id = NEW.entry_id AND status = 'verified';"
  " END;"
  "CREATE TRIGGER batch_entries_status_out AFTER DELETE ON batch_entries BEGIN"
  "  UPDATE entries SET status = 'verified' WHERE id = OLD.entry_id AND status = 'in-batch';"
  " END;"
  "CREATE TRIGGER batches_sent AFTER UPDATE OF state ON batches"
  " WHEN NEW.state = 'sent' AND OLD.state <> 'sent' BEGIN"
  "  UPDATE entries SET status = 'sent' WHERE status = 'in-batch'"
  "   AND id IN (SELECT entry_id FROM batch_entries WHERE batch_id = NEW.id);"
  "  UPDATE sources SET answer = 'sent' WHERE answer = 'not-sent' AND key IN"
  "   (SELECT e.source_key FROM batch_entries be JOIN entries e ON e.id = be.entry_id"
  "    WHERE be.batch_id = NEW.id);"
  " END;"
  "CREATE TRIGGER batch_answers_insert AFTER INSERT ON batch_answers BEGIN"
  "  UPDATE entries SET status = 'answered' WHERE status = 'sent' AND source_key = NEW.source_key"
  "   AND id IN (SELECT entry_id FROM batch_entries WHERE batch_id = NEW.batch_id);"
  "  UPDATE sources SET answer = NEW.answer, answer_note = NEW.note, answered_at = NEW.recorded_at"
  "   WHERE key = NEW.source_key;"
  " END;"
  "CREATE TRIGGER batch_answers_update AFTER UPDATE ON batch_answers BEGIN"
  "  UPDATE sources SET answer = NEW.answer, answer_note = NEW.note, answered_at = NEW.recorded_at"
  "   WHERE key = NEW.source_key;"
  " END;"

  /* An entry of a signed batch keeps its status path and its evidence. The
   * content itself is frozen by entries_frozen (schema v1) from "in batch" on. */
  "CREATE TRIGGER entries_signed_status BEFORE UPDATE OF status ON entries"
  " WHEN NEW.status NOT IN ('sent', 'answered') AND OLD.status <> NEW.status AND EXISTS ("
  "   SELECT 1 FROM batch_entries be JOIN batches b ON b.id = be.batch_id"
  "   WHERE be.entry_id = OLD.id AND b.state IN ('approved', 'sent', 'answered', 'closed'))"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-signed'); END;"
  "CREATE TRIGGER entries_signed_content BEFORE UPDATE OF code, document_id, unit_id, received_on,"
  "  source_input, source_key, source_e164, source_display, source_kind, network, province,"
  "  category, channel, impersonated, occurred_at, receiving_number, content, notes,"
  "  evidence_count ON entries"
  " WHEN EXISTS (SELECT 1 FROM batch_entries be JOIN batches b ON b.id = be.batch_id"
  "   WHERE be.entry_id = OLD.id AND b.state IN ('approved', 'sent', 'answered', 'closed'))"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-signed'); END;"
  "CREATE TRIGGER entries_signed_delete BEFORE DELETE ON entries"
  " WHEN EXISTS (SELECT 1 FROM batch_entries WHERE entry_id = OLD.id)"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-signed'); END;"
  "CREATE TRIGGER evidence_signed_insert BEFORE INSERT ON evidence"
  " WHEN NEW.entry_id IS NOT NULL AND EXISTS (SELECT 1 FROM batch_entries be"
  "   JOIN batches b ON b.id = be.batch_id WHERE be.entry_id = NEW.entry_id"
  "   AND b.state IN ('approved', 'sent', 'answered', 'closed'))"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-signed'); END;"
  "CREATE TRIGGER evidence_signed_delete BEFORE DELETE ON evidence"
  " WHEN OLD.entry_id IS NOT NULL AND EXISTS (SELECT 1 FROM batch_entries be"
  "   JOIN batches b ON b.id = be.batch_id WHERE be.entry_id = OLD.entry_id"
  "   AND b.state IN ('approved', 'sent', 'answered', 'closed'))"
  " BEGIN SELECT RAISE (ABORT, 'ph:batch-signed'); END;";

/* Search that stays fast at a million entries. Both full-text indexes are keyed
 * by the entry's sort key, (julianday (received_on) << 32) + id, instead of its
 * id: FTS5 returns matches in key order by itself, so "newest first" pages of a
 * search read the index lazily and stop after a page, however common the words
 * (ph-store-entries.c). The body index keeps no positions (no phrase queries,
 * only words and prefixes) and no column sizes (no ranking), and indexes the
 * two- and three-letter prefixes so that a word being typed ("cong a…") is one
 * lookup, not a merge of every word it starts; the trigram index of digits
 * needs its positions for substrings. */
#define SORT_KEY(e) "((CAST (julianday (" e ".received_on) AS INTEGER) << 32) + " e ".id)"
#define FTS_BODY(e) \
  "ph_fold_concat (" e ".code, " e ".source_display, " e ".source_input, " e ".network, " \
  e ".province, " e ".impersonated, " e ".receiving_number, " e ".content, " e ".notes," \
  " (SELECT name FROM units WHERE id = " e ".unit_id)," \
  " (SELECT number || ' ' || summary FROM documents WHERE id = " e ".document_id))"
#define FTS_DIGITS(e) \
  "ph_digits_terms (" e ".source_e164, " e ".source_input, " e ".receiving_number)"
#define FTS_SOURCE_DIGITS(e) \
  "ph_digits_terms (" e ".source_e164, " e ".source_input)"

static const char schema_v3[] =
  "DROP TRIGGER entries_fts_insert;"
  "DROP TRIGGER entries_fts_update;"
  "DROP TRIGGER entries_fts_delete;"
  "DROP TABLE entries_fts;"
  "DROP TABLE entries_digits;"
  "CREATE VIRTUAL TABLE entries_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2',"
  "  prefix = '2 3', detail = none, columnsize = 0);"
  "CREATE VIRTUAL TABLE entries_digits USING fts5 (digits, tokenize = 'trigram', columnsize = 0);"
  "INSERT INTO entries_fts (rowid, body) SELECT " SORT_KEY ("e") ", " FTS_BODY ("e") " FROM entries e;"
  "INSERT INTO entries_digits (rowid, digits) SELECT " SORT_KEY ("e") ", " FTS_DIGITS ("e")
  " FROM entries e;"
  "CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN"
  "  INSERT INTO entries_fts (rowid, body) VALUES (" SORT_KEY ("NEW") ", " FTS_BODY ("NEW") ");"
  "  INSERT INTO entries_digits (rowid, digits) VALUES (" SORT_KEY ("NEW") ", " FTS_DIGITS ("NEW") ");"
  " END;"
  "CREATE TRIGGER entries_fts_update AFTER UPDATE OF received_on, source_input, source_display,"
  "  network, province, impersonated, receiving_number, content, notes, unit_id, document_id"
  "  ON entries BEGIN"
  "  DELETE FROM entries_fts WHERE rowid = " SORT_KEY ("OLD") ";"
  "  DELETE FROM entries_digits WHERE rowid = " SORT_KEY ("OLD") ";"
  "  INSERT INTO entries_fts (rowid, body) VALUES (" SORT_KEY ("NEW") ", " FTS_BODY ("NEW") ");"
  "  INSERT INTO entries_digits (rowid, digits) VALUES (" SORT_KEY ("NEW") ", " FTS_DIGITS ("NEW") ");"
  " END;"
  "CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN"
  "  DELETE FROM entries_fts WHERE rowid = " SORT_KEY ("OLD") ";"
  "  DELETE FROM entries_digits WHERE rowid = " SORT_KEY ("OLD") ";"
  " END;";

/* The source record follows the batches: a source whose entry is sent is "sent",
 * and the Authority's answer recorded for a batch (batch_answers, schema v2)
 * becomes the source's answer. Existing rows are brought in step first. */
static const char schema_v4[] =
  "UPDATE sources SET answer = 'sent' WHERE answer = 'not-sent' AND EXISTS"
  " (SELECT 1 FROM entries WHERE source_key = sources.key AND status IN ('sent', 'answered'));"
  "UPDATE sources SET (answer, answer_note, answered_at) ="
  " (SELECT answer, note, recorded_at FROM batch_answers b WHERE b.source_key = sources.key"
  "  ORDER BY recorded_at DESC, batch_id DESC LIMIT 1)"
  " WHERE key IN (SELECT source_key FROM batch_answers);"
  "CREATE TRIGGER sources_entry_sent AFTER UPDATE OF status ON entries"
  " WHEN NEW.status = 'sent' AND OLD.status <> 'sent' BEGIN"
  "  UPDATE sources SET answer = 'sent' WHERE key = NEW.source_key AND answer = 'not-sent';"
  " END;"
  "CREATE TRIGGER sources_answer_insert AFTER INSERT ON batch_answers BEGIN"
  "  UPDATE sources SET answer = NEW.answer, answer_note = NEW.note, answered_at = NEW.recorded_at"
  "  WHERE key = NEW.source_key;"
  " END;"
  "CREATE TRIGGER sources_answer_update AFTER UPDATE ON batch_answers BEGIN"
  "  UPDATE sources SET answer = NEW.answer, answer_note = NEW.note, answered_at = NEW.recorded_at"
  "  WHERE key = NEW.source_key;"
  " END;";

/* Search, measured at a million entries (tests/bench/bench-store.c):
 *  - FTS5 merges the doclists of every word a prefix starts up front unless a
 *    prefix index covers that length, so a search whose last word was "tien*"
 *    took 200 ms; the index now keeps prefixes of two to four letters, and the
 *    query makes only such a word a prefix (ph-store-entries.c);
 *  - the digits index holds the source's digits only: a digits search looks
 *    for a reported number, and half the index is half the work;
 *  - counting by status, category, network, unit or channel reads one covering
 *    index instead of a row per entry. */
static const char schema_v5[] =
  "DROP TABLE entries_fts;"
  "DROP TABLE entries_digits;"
  "DROP TRIGGER entries_fts_insert;"
  "DROP TRIGGER entries_fts_update;"
  "DROP TRIGGER entries_fts_delete;"
  "CREATE VIRTUAL TABLE entries_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2',"
  "  prefix = '2 3 4', detail = none, columnsize = 0);"
  "CREATE VIRTUAL TABLE entries_digits USING fts5 (digits, tokenize = 'trigram', columnsize = 0);"
  "INSERT INTO entries_fts (rowid, body) SELECT " SORT_KEY ("e") ", " FTS_BODY ("e") " FROM entries e;"
  "INSERT INTO entries_digits (rowid, digits) SELECT " SORT_KEY ("e") ", " FTS_SOURCE_DIGITS ("e")
  " FROM entries e;"
  "CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN"
  "  INSERT INTO entries_fts (rowid, body) VALUES (" SORT_KEY ("NEW") ", " FTS_BODY ("NEW") ");"
  "  INSERT INTO entries_digits (rowid, digits) VALUES (" SORT_KEY ("NEW") ", " FTS_SOURCE_DIGITS ("NEW") ");"
  " END;"
  "CREATE TRIGGER entries_fts_update AFTER UPDATE OF received_on, source_input, source_display,"
  "  network, province, impersonated, receiving_number, content, notes, unit_id, document_id"
  "  ON entries BEGIN"
  "  DELETE FROM entries_fts WHERE rowid = " SORT_KEY ("OLD") ";"
  "  DELETE FROM entries_digits WHERE rowid = " SORT_KEY ("OLD") ";"
  "  INSERT INTO entries_fts (rowid, body) VALUES (" SORT_KEY ("NEW") ", " FTS_BODY ("NEW") ");"
  "  INSERT INTO entries_digits (rowid, digits) VALUES (" SORT_KEY ("NEW") ", " FTS_SOURCE_DIGITS ("NEW") ");"
  " END;"
  "CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN"
  "  DELETE FROM entries_fts WHERE rowid = " SORT_KEY ("OLD") ";"
  "  DELETE FROM entries_digits WHERE rowid = " SORT_KEY ("OLD") ";"
  " END;"
  "CREATE INDEX entries_counts ON entries (status, category, network, unit_id, channel, received_on);";

/* The inbox's most common page, a status and a category newest first, from one
 * index: the counting index gains the order columns (received_on, id) right
 * after them, and still covers the other filters for counts. */
static const char schema_v6[] =
  "DROP INDEX entries_counts;"
  "CREATE INDEX entries_counts ON entries (status, category, received_on, id, network, unit_id,"
  "  channel);";

/* The search text of an entry holds its document's number and summary and its
 * unit's name: keep it in step when those change. */
static const char schema_v7[] =
  "CREATE TRIGGER documents_fts_update AFTER UPDATE OF number, summary ON documents BEGIN"
  "  DELETE FROM entries_fts WHERE rowid IN"
  "   (SELECT " SORT_KEY ("e") " FROM entries e WHERE e.document_id = NEW.id);"
  "  INSERT INTO entries_fts (rowid, body)"
  "   SELECT " SORT_KEY ("e") ", " FTS_BODY ("e") " FROM entries e WHERE e.document_id = NEW.id;"
  " END;"
  "CREATE TRIGGER units_fts_update AFTER UPDATE OF name ON units BEGIN"
  "  DELETE FROM entries_fts WHERE rowid IN"
  "   (SELECT " SORT_KEY ("e") " FROM entries e WHERE e.unit_id = NEW.id);"
  "  INSERT INTO entries_fts (rowid, body)"
  "   SELECT " SORT_KEY ("e") ", " FTS_BODY ("e") " FROM entries e WHERE e.unit_id = NEW.id;"
  " END;";

/* Append new steps at the end; see the comment at the top of this file. */
static const PhMigration migrations[] = {
  { 1, schema_v1, seed_v1 },
  { 2, schema_v2, NULL },
  { 3, schema_v3, NULL },
  { 4, schema_v4, NULL },
  { 5, schema_v5, NULL },
  { 6, schema_v6, NULL },
  { 7, schema_v7, NULL },
};

const PhMigration *
ph_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
