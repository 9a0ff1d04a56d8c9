/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-setup-dialog.c: the first start of a case store — the agency profile
 * printed on every dispatch, and the first administrator. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-setup-dialog.h"
#include "ph-store-users.h"

struct _PhSetupDialog
{
  AdwWindow             parent_instance;

  PhStore              *store;
  char                 *message;

  GtkLabel             *message_label;
  AdwEntryRow          *parent_row;
  AdwEntryRow          *department_row;
  AdwEntryRow          *issuer_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *symbol_row;
  AdwEntryRow          *recipient_row;
  AdwEntryRow          *login_row;
  AdwEntryRow          *name_row;
  AdwPasswordEntryRow  *password_row;
  AdwPasswordEntryRow  *confirm_row;
};

G_DEFINE_FINAL_TYPE (PhSetupDialog, ph_setup_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_message (PhSetupDialog *self,
             const char    *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

static void
setup_submit (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PhSetupDialog *self = PH_SETUP_DIALOG (widget);
  g_autoptr(PhAgencyProfile) profile = ph_agency_profile_new ();
  g_autoptr(PhUser) admin = ph_user_new ();
  g_autoptr(PhUser) created = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text_of (self->password_row), text_of (self->confirm_row)) != 0)
    {
      set_message (self, _("The two passwords differ; type the same password twice"));
      return;
    }

  profile->parent_body = g_strdup (text_of (self->parent_row));
  profile->department = g_strdup (text_of (self->department_row));
  profile->issuer = g_strdup (text_of (self->issuer_row));
  profile->place = g_strdup (text_of (self->place_row));
  profile->symbol = g_strdup (text_of (self->symbol_row));
  profile->recipient = g_strdup (text_of (self->recipient_row));
  admin->login = g_strdup (text_of (self->login_row));
  admin->full_name = g_strdup (text_of (self->name_row));
  admin->title = g_strdup ("");

  created = ph_store_set_up (self->store, profile, admin, text_of (self->password_row), &error);
  if (created == NULL)
    {
      set_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DONE], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ph_setup_dialog_dispose (GObject *object)
{
  PhSetupDialog *self = PH_SETUP_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_SETUP_DIALOG);

  G_OBJECT_CLASS (ph_setup_dialog_parent_class)->dispose (object);
}

static void
ph_setup_dialog_finalize (GObject *object)
{
  g_clear_pointer (&PH_SETUP_DIALOG (object)->message, g_free);

  G_OBJECT_CLASS (ph_setup_dialog_parent_class)->finalize (object);
}

static void
ph_setup_dialog_class_init (PhSetupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_setup_dialog_dispose;
  object_class->finalize = ph_setup_dialog_finalize;

  /**
   * PhSetupDialog::done:
   *
   * The store is set up and signed in as its first administrator.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-setup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, symbol_row);
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, PhSetupDialog, confirm_row);

  gtk_widget_class_install_action (widget_class, "setup.submit", NULL, setup_submit);
}

static void
ph_setup_dialog_init (PhSetupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ph_setup_dialog_new:
 * @store: a store that needs setting up (ph_store_needs_setup())
 *
 * Returns: (transfer none): the first-start dialog
 */
GtkWidget *
ph_setup_dialog_new (PhStore *store)
{
  PhSetupDialog *self = g_object_new (PH_TYPE_SETUP_DIALOG, NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

const char *
ph_setup_dialog_get_message (PhSetupDialog *self)
{
  g_return_val_if_fail (PH_IS_SETUP_DIALOG (self), NULL);
  return self->message;
}
