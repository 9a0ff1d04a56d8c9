/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-sign-in-dialog.c: pick an account, type its password. A clerk may ask
 * for their workstation to stay signed in (the core refuses that to anyone
 * else); the dialog only reports it with #PhSignInDialog::signed-in. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-sign-in-dialog.h"
#include "ph-store-users.h"

struct _PhSignInDialog
{
  AdwWindow             parent_instance;

  PhStore              *store;
  GPtrArray            *users;   /* PhUser, parallel to user_model */
  char                 *message;

  AdwWindowTitle       *window_title;
  AdwComboRow          *user_row;
  GtkStringList        *user_model;
  AdwPasswordEntryRow  *password_row;
  AdwActionRow         *keep_row;
  GtkSwitch            *keep_switch;
  GtkLabel             *message_label;
};

G_DEFINE_FINAL_TYPE (PhSignInDialog, ph_sign_in_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PhUser *
selected_user (PhSignInDialog *self)
{
  guint i = adw_combo_row_get_selected (self->user_row);

  return self->users != NULL && i < self->users->len ? g_ptr_array_index (self->users, i) : NULL;
}

static void
on_user_selected (PhSignInDialog *self)
{
  PhUser *user = selected_user (self);
  gboolean clerk = user != NULL && user->role == PH_ROLE_CLERK;

  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_row), clerk);
  if (!clerk)
    gtk_switch_set_active (self->keep_switch, FALSE);
}

static void
sign_in_submit (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PhSignInDialog *self = PH_SIGN_IN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PhUser) user = NULL;
  PhUser *chosen = selected_user (self);

  if (chosen == NULL)
    return;
  user = ph_store_sign_in (self->store, chosen->login,
                           gtk_editable_get_text (GTK_EDITABLE (self->password_row)), &error);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  if (user == NULL)
    {
      g_free (self->message);
      self->message = g_strdup (error->message);
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  g_signal_emit (self, signals[SIGNED_IN], 0,
                 user->role == PH_ROLE_CLERK && gtk_switch_get_active (self->keep_switch));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_password_activated (PhSignInDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.submit", NULL);
}

static void
ph_sign_in_dialog_dispose (GObject *object)
{
  PhSignInDialog *self = PH_SIGN_IN_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_SIGN_IN_DIALOG);

  G_OBJECT_CLASS (ph_sign_in_dialog_parent_class)->dispose (object);
}

static void
ph_sign_in_dialog_finalize (GObject *object)
{
  PhSignInDialog *self = PH_SIGN_IN_DIALOG (object);

  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (ph_sign_in_dialog_parent_class)->finalize (object);
}

static void
ph_sign_in_dialog_class_init (PhSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_sign_in_dialog_dispose;
  object_class->finalize = ph_sign_in_dialog_finalize;

  /**
   * PhSignInDialog::signed-in:
   * @keep: whether the clerk wants this workstation to stay signed in
   *
   * The store is now signed in; the dialog closes.
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PhSignInDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PhSignInDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, PhSignInDialog, user_model);
  gtk_widget_class_bind_template_child (widget_class, PhSignInDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, PhSignInDialog, keep_row);
  gtk_widget_class_bind_template_child (widget_class, PhSignInDialog, keep_switch);
  gtk_widget_class_bind_template_child (widget_class, PhSignInDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_user_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL, sign_in_submit);
}

static void
ph_sign_in_dialog_init (PhSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ph_sign_in_dialog_new:
 * @store: the store to sign in to
 *
 * Returns: (transfer none): the dialog, listing the active accounts
 */
GtkWidget *
ph_sign_in_dialog_new (PhStore *store)
{
  PhSignInDialog *self = g_object_new (PH_TYPE_SIGN_IN_DIALOG, NULL);
  g_autoptr(PhAgencyProfile) profile = ph_store_get_agency_profile (store, NULL);

  self->store = g_object_ref (store);
  self->users = ph_store_list_users (store, FALSE, NULL);
  for (guint i = 0; self->users != NULL && i < self->users->len; i++)
    {
      PhUser *user = g_ptr_array_index (self->users, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", user->full_name,
                                                ph_role_get_label (user->role));

      gtk_string_list_append (self->user_model, label);
    }
  if (profile != NULL)
    adw_window_title_set_subtitle (self->window_title, profile->department);
  on_user_selected (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  return GTK_WIDGET (self);
}

/**
 * ph_sign_in_dialog_select_login:
 * @self: the dialog
 * @login: the account to offer first (the last one used)
 */
void
ph_sign_in_dialog_select_login (PhSignInDialog *self,
                                const char     *login)
{
  g_return_if_fail (PH_IS_SIGN_IN_DIALOG (self));

  for (guint i = 0; self->users != NULL && i < self->users->len; i++)
    if (g_strcmp0 (((PhUser *) g_ptr_array_index (self->users, i))->login, login) == 0)
      adw_combo_row_set_selected (self->user_row, i);
}

const char *
ph_sign_in_dialog_get_message (PhSignInDialog *self)
{
  g_return_val_if_fail (PH_IS_SIGN_IN_DIALOG (self), NULL);
  return self->message;
}
