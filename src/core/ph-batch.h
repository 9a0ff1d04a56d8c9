/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Enumerations start at 1 so that 0 means "any" or "none"; the strings of
 * the *_to_string() functions are what the database stores. */

/* A batch's life (DESIGN.md "Batch"): draft → submitted → approved, or
 * submitted → returned → submitted again; approved → sent → answered → closed. */
typedef enum
{
  PH_BATCH_STATE_ANY = 0,
  PH_BATCH_STATE_DRAFT,
  PH_BATCH_STATE_SUBMITTED,
  PH_BATCH_STATE_RETURNED,
  PH_BATCH_STATE_APPROVED,
  PH_BATCH_STATE_SENT,
  PH_BATCH_STATE_ANSWERED,
  PH_BATCH_STATE_CLOSED,
} PhBatchState;

typedef enum
{
  PH_ROLE_NONE = 0,
  PH_ROLE_CLERK,
  PH_ROLE_APPROVER,
  PH_ROLE_ADMIN,
} PhRole;

/* What the Telecommunications Authority did with one reported source. */
typedef enum
{
  PH_ANSWER_NONE = 0,
  PH_ANSWER_BLOCKED_ONE_WAY,
  PH_ANSWER_BLOCKED_TWO_WAY,
  PH_ANSWER_HANDLED,
  PH_ANSWER_REJECTED,
} PhAnswer;

/**
 * PhUser:
 * @id: row id
 * @login: short name used to sign in and in the audit log
 * @full_name: as printed under a signature (`Nguyễn Văn A`)
 * @authority: the signing authority line (`KT. GIÁM ĐỐC`), or empty
 * @title: the position (`PHÓ GIÁM ĐỐC`, `Chuyên viên`)
 * @role: clerk, approver or admin
 * @active: %FALSE once the account is disabled
 * @public_key: an approver's Ed25519 public key (hex), or %NULL
 * @created_at: UTC, ISO 8601
 *
 * One account. The password hash and the sealed secret key never leave the store.
 */
typedef struct
{
  gint64  id;
  char   *login;
  char   *full_name;
  char   *authority;
  char   *title;
  PhRole  role;
  gboolean active;
  char   *public_key;
  char   *created_at;
} PhUser;

/**
 * PhAgencyProfile:
 * @parent_body: the body above the department, upper case (`UBND TỈNH THANH HÓA`)
 * @department: the department, upper case (`SỞ KHOA HỌC VÀ CÔNG NGHỆ`)
 * @issuer: the department as named in a sentence (`Sở Khoa học và Công nghệ tỉnh Thanh Hóa`)
 * @place: the place name written before the date (`Thanh Hóa`)
 * @symbol: the symbol of outgoing dispatches (`SKHCN-BCVT`)
 * @recipient: the default recipient (`Cục Viễn thông`)
 *
 * Who sends the dispatches; set up at first start by the first admin.
 */
typedef struct
{
  char *parent_body;
  char *department;
  char *issuer;
  char *place;
  char *symbol;
  char *recipient;
} PhAgencyProfile;

/**
 * PhBatch:
 * @id: row id, 0 until stored
 * @code: (read-only) the register code (`DG-2026-003`)
 * @state: where the batch is in its life
 * @number: the dispatch number (`125`), or empty until it is known
 * @symbol: the dispatch symbol (`SKHCN-BCVT`)
 * @dated_on: the dispatch date, `YYYY-MM-DD`, or %NULL
 * @subject: the subject line (`V/v đề nghị xử lý …`)
 * @recipient: who it is addressed to (`Cục Viễn thông`)
 * @signer_id: the approver who is to sign, or 0 for any eligible approver
 * @signer_authority: the signature block's authority line (`KT. GIÁM ĐỐC`)
 * @signer_title: the signature block's title (`PHÓ GIÁM ĐỐC`)
 * @signer_name: the signature block's name
 * @created_by: (read-only) the user who created it
 * @created_by_login: (read-only) their login
 * @created_by_name: (read-only) their full name
 * @created_at: (read-only) UTC, ISO 8601
 * @updated_at: (read-only) UTC, ISO 8601
 * @submitted_at: (read-only) when it was last submitted, or %NULL
 * @returned_at: (read-only) when it was last returned, or %NULL
 * @return_comment: (read-only) the approver's comment when returned
 * @approved_by: (read-only) the approver, or 0
 * @approved_by_name: (read-only) their full name, or %NULL
 * @approved_at: (read-only) UTC, ISO 8601, or %NULL
 * @digest: (read-only) hex SHA-256 of the canonical content, once approved
 * @signature: (read-only) hex Ed25519 signature of @digest, once approved
 * @public_key: (read-only) the approver's public key, once approved
 * @sent_on: (read-only) the day it was sent, `YYYY-MM-DD`, or %NULL
 * @closed_at: (read-only) UTC, ISO 8601, or %NULL
 * @entry_count: (read-only) entries in it
 * @source_count: (read-only) distinct sources in it
 * @answered_count: (read-only) sources with the Authority's answer recorded
 *
 * One batch (đợt gửi): the entries that go out as one công văn.
 */
typedef struct
{
  gint64        id;
  char         *code;
  PhBatchState  state;
  char         *number;
  char         *symbol;
  char         *dated_on;
  char         *subject;
  char         *recipient;
  gint64        signer_id;
  char         *signer_authority;
  char         *signer_title;
  char         *signer_name;
  gint64        created_by;
  char         *created_by_login;
  char         *created_by_name;
  char         *created_at;
  char         *updated_at;
  char         *submitted_at;
  char         *returned_at;
  char         *return_comment;
  gint64        approved_by;
  char         *approved_by_name;
  char         *approved_at;
  char         *digest;
  char         *signature;
  char         *public_key;
  char         *sent_on;
  char         *closed_at;
  guint         entry_count;
  guint         source_count;
  guint         answered_count;
} PhBatch;

/* The subject line every batch starts with. */
#define PH_BATCH_DEFAULT_SUBJECT "V/v đề nghị xử lý các số điện thoại có dấu hiệu vi phạm pháp luật"
/* … and the recipient, unless the agency profile names another. */
#define PH_BATCH_DEFAULT_RECIPIENT "Cục Viễn thông"

PhUser          *ph_user_new                    (void);
PhUser          *ph_user_copy                   (const PhUser          *user);
void             ph_user_free                   (PhUser                *user);

PhAgencyProfile *ph_agency_profile_new          (void);
PhAgencyProfile *ph_agency_profile_copy         (const PhAgencyProfile *profile);
void             ph_agency_profile_free         (PhAgencyProfile       *profile);

PhBatch         *ph_batch_new                   (void);
PhBatch         *ph_batch_copy                  (const PhBatch         *batch);
void             ph_batch_free                  (PhBatch               *batch);
char            *ph_batch_dup_reference         (const PhBatch         *batch);

GType            ph_user_get_type               (void) G_GNUC_CONST;
GType            ph_agency_profile_get_type     (void) G_GNUC_CONST;
GType            ph_batch_get_type              (void) G_GNUC_CONST;
#define PH_TYPE_USER           (ph_user_get_type ())
#define PH_TYPE_AGENCY_PROFILE (ph_agency_profile_get_type ())
#define PH_TYPE_BATCH          (ph_batch_get_type ())

const char      *ph_batch_state_to_string       (PhBatchState  state);
PhBatchState     ph_batch_state_from_string     (const char   *string);
const char      *ph_batch_state_get_label       (PhBatchState  state);
gboolean         ph_batch_state_is_editable     (PhBatchState  state);
gboolean         ph_batch_state_is_signed       (PhBatchState  state);
gboolean         ph_batch_state_can_change      (PhBatchState  from,
                                                 PhBatchState  to);

const char      *ph_role_to_string              (PhRole        role);
PhRole           ph_role_from_string            (const char   *string);
const char      *ph_role_get_label              (PhRole        role);

const char      *ph_answer_to_string            (PhAnswer      answer);
PhAnswer         ph_answer_from_string          (const char   *string);
const char      *ph_answer_get_label            (PhAnswer      answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhUser, ph_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhAgencyProfile, ph_agency_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhBatch, ph_batch_free)

G_END_DECLS
