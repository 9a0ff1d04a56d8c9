/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ph-entry.h"
#include "ph-store.h"

G_BEGIN_DECLS

#define PH_TYPE_INTAKE_ENTRY (ph_intake_entry_get_type ())

G_DECLARE_FINAL_TYPE (PhIntakeEntry, ph_intake_entry, PH, INTAKE_ENTRY, GObject)

/**
 * PhIntakeEntry:
 * @id: the entry's id in the store, 0 for a new one
 * @status: its status in the store (received for a new one)
 * @source: the source as typed
 * @category: what kind of violation
 * @channel: call, SMS, app or other
 * @impersonated: (nullable): the body the caller pretended to be
 * @occurred: (nullable): when it happened, local time
 * @occurred_has_time: whether @occurred has a time of day
 * @receiver: (nullable): the number that received it, as typed
 * @content: (nullable): the SMS text or a summary of the call
 * @notes: (nullable): the clerk's notes
 * @evidence: #PhIntakeFile items
 *
 * One entry of an incoming document while it is being registered or edited:
 * a plain record the dialog and the editor pass between them (its fields are
 * public), a GObject so that a #GListStore can hold it.
 */
struct _PhIntakeEntry
{
  GObject        parent_instance;

  gint64         id;
  PhEntryStatus  status;
  char          *source;
  PhCategory     category;
  PhChannel      channel;
  char          *impersonated;
  GDateTime     *occurred;
  gboolean       occurred_has_time;
  char          *receiver;
  char          *content;
  char          *notes;
  GListStore    *evidence;
};

PhIntakeEntry *ph_intake_entry_new          (void);
PhIntakeEntry *ph_intake_entry_new_from_entry (PhStore       *store,
                                               const PhEntry *entry);
PhEntry       *ph_intake_entry_to_entry     (PhIntakeEntry *self);

G_END_DECLS
