/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>

#include "ph-intake-entry.h"
#include "ph-intake-file.h"

G_DEFINE_FINAL_TYPE (PhIntakeEntry, ph_intake_entry, G_TYPE_OBJECT)

static void
ph_intake_entry_finalize (GObject *object)
{
  PhIntakeEntry *self = PH_INTAKE_ENTRY (object);

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->impersonated, g_free);
  g_clear_pointer (&self->occurred, g_date_time_unref);
  g_clear_pointer (&self->receiver, g_free);
  g_clear_pointer (&self->content, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_object (&self->evidence);

  G_OBJECT_CLASS (ph_intake_entry_parent_class)->finalize (object);
}

static void
ph_intake_entry_class_init (PhIntakeEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ph_intake_entry_finalize;
}

static void
ph_intake_entry_init (PhIntakeEntry *self)
{
  self->status = PH_ENTRY_STATUS_RECEIVED;
  self->category = PH_CATEGORY_SCAM;
  self->channel = PH_CHANNEL_CALL;
  self->evidence = g_list_store_new (PH_TYPE_INTAKE_FILE);
}

PhIntakeEntry *
ph_intake_entry_new (void)
{
  return g_object_new (PH_TYPE_INTAKE_ENTRY, NULL);
}

static char *
dup_or_null (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/**
 * ph_intake_entry_new_from_entry:
 * @store: the store holding its evidence files
 * @entry: an entry read from the store, with its evidence
 *
 * Returns: (transfer full): the entry, ready for the editor
 */
PhIntakeEntry *
ph_intake_entry_new_from_entry (PhStore       *store,
                                const PhEntry *entry)
{
  PhIntakeEntry *self = ph_intake_entry_new ();
  guint year, month, day, hour, minute;

  g_return_val_if_fail (entry != NULL, NULL);

  self->id = entry->id;
  self->status = entry->status;
  self->source = g_strdup (entry->source_input);
  self->category = entry->category;
  self->channel = entry->channel;
  self->impersonated = dup_or_null (entry->impersonated);
  self->receiver = dup_or_null (entry->receiving_number);
  self->content = dup_or_null (entry->content);
  self->notes = dup_or_null (entry->notes);

  if (entry->occurred_at != NULL)
    {
      if (sscanf (entry->occurred_at, "%4u-%2u-%2uT%2u:%2u", &year, &month, &day, &hour,
                  &minute) == 5)
        {
          self->occurred = g_date_time_new_local ((int) year, (int) month, (int) day,
                                                  (int) hour, (int) minute, 0);
          self->occurred_has_time = self->occurred != NULL;
        }
      else if (sscanf (entry->occurred_at, "%4u-%2u-%2u", &year, &month, &day) == 3)
        self->occurred = g_date_time_new_local ((int) year, (int) month, (int) day, 0, 0, 0);
    }

  if (entry->evidence != NULL)
    for (guint i = 0; i < entry->evidence->len; i++)
      {
        const PhEvidence *evidence = g_ptr_array_index (entry->evidence, i);
        g_autoptr(PhIntakeFile) file = ph_intake_file_new_stored (store, evidence);

        if (file != NULL)
          g_list_store_append (self->evidence, file);
      }

  return self;
}

/**
 * ph_intake_entry_to_entry:
 *
 * Returns: (transfer full): the fields a clerk edits as a store record; its
 *   evidence is left for the caller, who imports the files first
 */
PhEntry *
ph_intake_entry_to_entry (PhIntakeEntry *self)
{
  PhEntry *entry = ph_entry_new ();

  g_return_val_if_fail (PH_IS_INTAKE_ENTRY (self), NULL);

  entry->id = self->id;
  entry->status = self->status;
  entry->source_input = g_strdup (self->source);
  entry->category = self->category;
  entry->channel = self->channel;
  entry->impersonated = g_strdup (self->impersonated);
  entry->occurred_at = self->occurred == NULL ? NULL
                       : g_date_time_format (self->occurred, self->occurred_has_time
                                                             ? "%Y-%m-%dT%H:%M" : "%Y-%m-%d");
  entry->receiving_number = g_strdup (self->receiver);
  entry->content = g_strdup (self->content);
  entry->notes = g_strdup (self->notes);

  return entry;
}
