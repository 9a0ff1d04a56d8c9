/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-intake-entry.h"
#include "ph-intake-file.h"

G_DEFINE_FINAL_TYPE (PhIntakeEntry, ph_intake_entry, G_TYPE_OBJECT)

static const struct
{
  const char *id;
  const char *label;
} channels[] = {
  [PH_INTAKE_CHANNEL_CALL] = { "call", N_("Call") },
  [PH_INTAKE_CHANNEL_SMS] = { "sms", N_("SMS") },
  [PH_INTAKE_CHANNEL_APP] = { "app", N_("Other app (Zalo, Viber…)") },
};

static const struct
{
  const char *id;
  const char *label;
} categories[] = {
  [PH_INTAKE_CATEGORY_SCAM] = { "scam", N_("Scam") },
  [PH_INTAKE_CATEGORY_SPAM] = { "spam", N_("Spam advertising") },
  [PH_INTAKE_CATEGORY_IMPERSONATION] = { "impersonation", N_("Impersonation of a state body") },
  [PH_INTAKE_CATEGORY_THREAT] = { "threat", N_("Threat or harassment") },
  [PH_INTAKE_CATEGORY_DEBT] = { "debt", N_("Debt collection") },
  [PH_INTAKE_CATEGORY_OTHER] = { "other", N_("Other") },
};

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
  self->evidence = g_list_store_new (PH_TYPE_INTAKE_FILE);
}

PhIntakeEntry *
ph_intake_entry_new (void)
{
  return g_object_new (PH_TYPE_INTAKE_ENTRY, NULL);
}

/* "call", "sms", "app": the names the store and the exports use. */
const char *
ph_intake_channel_to_string (PhIntakeChannel channel)
{
  g_return_val_if_fail (channel < PH_INTAKE_N_CHANNELS, NULL);
  return channels[channel].id;
}

const char *
ph_intake_channel_get_label (PhIntakeChannel channel)
{
  g_return_val_if_fail (channel < PH_INTAKE_N_CHANNELS, NULL);
  return _(channels[channel].label);
}

const char *
ph_intake_category_to_string (PhIntakeCategory category)
{
  g_return_val_if_fail (category < PH_INTAKE_N_CATEGORIES, NULL);
  return categories[category].id;
}

const char *
ph_intake_category_get_label (PhIntakeCategory category)
{
  g_return_val_if_fail (category < PH_INTAKE_N_CATEGORIES, NULL);
  return _(categories[category].label);
}
