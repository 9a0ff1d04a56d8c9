/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The entry's channel and category, as the store names them. */
typedef enum
{
  PH_INTAKE_CHANNEL_CALL,
  PH_INTAKE_CHANNEL_SMS,
  PH_INTAKE_CHANNEL_APP,
  PH_INTAKE_N_CHANNELS
} PhIntakeChannel;

typedef enum
{
  PH_INTAKE_CATEGORY_SCAM,
  PH_INTAKE_CATEGORY_SPAM,
  PH_INTAKE_CATEGORY_IMPERSONATION,
  PH_INTAKE_CATEGORY_THREAT,
  PH_INTAKE_CATEGORY_DEBT,
  PH_INTAKE_CATEGORY_OTHER,
  PH_INTAKE_N_CATEGORIES
} PhIntakeCategory;

#define PH_TYPE_INTAKE_ENTRY (ph_intake_entry_get_type ())

G_DECLARE_FINAL_TYPE (PhIntakeEntry, ph_intake_entry, PH, INTAKE_ENTRY, GObject)

/**
 * PhIntakeEntry:
 *
 * One entry of an incoming document while it is being registered or edited:
 * a plain record the dialog and the editor pass between them (its fields are
 * public), a GObject so that a #GListStore can hold it.
 *
 * @id: the entry's id in the store, 0 for a new one
 * @source: the source as typed
 * @occurred: (nullable): when it happened, local time
 * @occurred_has_time: whether @occurred has a time of day
 * @receiver: (nullable): the number that received it, as typed
 * @evidence: #PhIntakeFile items
 */
struct _PhIntakeEntry
{
  GObject           parent_instance;

  gint64            id;
  char             *source;
  PhIntakeChannel   channel;
  PhIntakeCategory  category;
  char             *impersonated;
  GDateTime        *occurred;
  gboolean          occurred_has_time;
  char             *receiver;
  char             *content;
  char             *notes;
  GListStore       *evidence;
};

PhIntakeEntry *ph_intake_entry_new                  (void);
const char    *ph_intake_channel_to_string          (PhIntakeChannel  channel);
const char    *ph_intake_channel_get_label          (PhIntakeChannel  channel);
const char    *ph_intake_category_to_string         (PhIntakeCategory category);
const char    *ph_intake_category_get_label         (PhIntakeCategory category);

G_END_DECLS
