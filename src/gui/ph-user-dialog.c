/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-user-dialog.c: an administrator creates an account or changes one. A
 * new approver gets a signing key sealed under the password typed here; a
 * new password given to an approver gives them a new key (the old one stays
 * on record so that what they signed still verifies). */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-store-users.h"
#include "ph-user-dialog.h"

struct _PhUserDialog
{
  AdwWindow             parent_instance;

  PhStore              *store;
  PhUser               *user;   /* NULL for a new account */
  char                 *message;

  AdwWindowTitle       *window_title;
  GtkLabel             *message_label;
  AdwEntryRow          *login_row;
  AdwEntryRow          *name_row;
  AdwComboRow          *role_row;
  GtkStringList        *role_model;
  AdwEntryRow          *authority_row;
  AdwEntryRow          *title_row;
  AdwActionRow         *active_row;
  GtkSwitch            *active_switch;
  AdwPreferencesGroup  *password_group;
  AdwPasswordEntryRow  *password_row;
};

G_DEFINE_FINAL_TYPE (PhUserDialog, ph_user_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
user_save (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  PhUserDialog *self = PH_USER_DIALOG (widget);
  g_autoptr(PhUser) user = self->user != NULL ? ph_user_copy (self->user) : ph_user_new ();
  g_autoptr(GError) error = NULL;
  const char *password = text_of (self->password_row);
  gboolean ok;

  g_free (user->login);
  user->login = g_strdup (text_of (self->login_row));
  g_free (user->full_name);
  user->full_name = g_strdup (text_of (self->name_row));
  g_free (user->authority);
  user->authority = g_strdup (text_of (self->authority_row));
  g_free (user->title);
  user->title = g_strdup (text_of (self->title_row));
  user->role = (PhRole) (adw_combo_row_get_selected (self->role_row) + PH_ROLE_CLERK);
  user->active = gtk_switch_get_active (self->active_switch);

  if (self->user == NULL)
    ok = ph_store_create_user (self->store, user, password, &error) != 0;
  else
    ok = ph_store_update_user (self->store, user, &error)
         && (*password == '\0'
             || ph_store_reset_password (self->store, user->id, password, &error));
  if (!ok)
    {
      g_free (self->message);
      self->message = g_strdup (error->message);
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ph_user_dialog_dispose (GObject *object)
{
  PhUserDialog *self = PH_USER_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_USER_DIALOG);

  G_OBJECT_CLASS (ph_user_dialog_parent_class)->dispose (object);
}

static void
ph_user_dialog_finalize (GObject *object)
{
  PhUserDialog *self = PH_USER_DIALOG (object);

  g_clear_pointer (&self->user, ph_user_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (ph_user_dialog_parent_class)->finalize (object);
}

static void
ph_user_dialog_class_init (PhUserDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_user_dialog_dispose;
  object_class->finalize = ph_user_dialog_finalize;

  /**
   * PhUserDialog::saved:
   *
   * The account was created or changed; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, role_model);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, authority_row);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, active_row);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, PhUserDialog, password_row);

  gtk_widget_class_install_action (widget_class, "user.save", NULL, user_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ph_user_dialog_init (PhUserDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Index + PH_ROLE_CLERK = PhRole. */
  for (PhRole r = PH_ROLE_CLERK; r <= PH_ROLE_ADMIN; r++)
    gtk_string_list_append (self->role_model, ph_role_get_label (r));
}

/**
 * ph_user_dialog_new:
 * @store: a store signed in as an administrator
 * @user_id: the account to change, or 0 for a new one
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
ph_user_dialog_new (PhStore *store,
                    gint64   user_id)
{
  PhUserDialog *self = g_object_new (PH_TYPE_USER_DIALOG, NULL);

  self->store = g_object_ref (store);
  if (user_id != 0)
    self->user = ph_store_get_user_by_id (store, user_id, NULL);

  if (self->user != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Change Account"));
      adw_window_title_set_subtitle (self->window_title, self->user->full_name);
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), self->user->login);
      gtk_widget_set_sensitive (GTK_WIDGET (self->login_row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->user->full_name);
      gtk_editable_set_text (GTK_EDITABLE (self->authority_row), self->user->authority);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->user->title);
      adw_combo_row_set_selected (self->role_row, self->user->role - PH_ROLE_CLERK);
      gtk_switch_set_active (self->active_switch, self->user->active);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row),
                                     _("New password (leave empty to keep it)"));
      adw_preferences_group_set_description (self->password_group,
                                             _("For a forgotten password. An approver also gets "
                                               "a new signing key; what they signed before stays "
                                               "valid."));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("New Account"));
      gtk_widget_set_visible (GTK_WIDGET (self->active_row), FALSE);
      adw_preferences_group_set_description (self->password_group,
                                             _("At least 8 characters. Tell it to the person, who "
                                               "can change it in Preferences."));
    }
  return GTK_WIDGET (self);
}

const char *
ph_user_dialog_get_message (PhUserDialog *self)
{
  g_return_val_if_fail (PH_IS_USER_DIALOG (self), NULL);
  return self->message;
}
