/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-users-page.c: the preferences page of accounts — everyone changes their
 * own password here; administrators also keep the accounts and the agency
 * profile. The store refuses the rest to anyone else: the page only hides
 * what would be refused. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-store-users.h"
#include "ph-user-dialog.h"
#include "ph-users-page.h"

struct _PhUsersPage
{
  AdwPreferencesPage    parent_instance;

  PhStore              *store;
  char                 *message;

  GtkLabel             *message_label;
  AdwPreferencesGroup  *account_group;
  AdwPasswordEntryRow  *old_password_row;
  AdwPasswordEntryRow  *new_password_row;
  AdwPasswordEntryRow  *confirm_password_row;
  AdwPreferencesGroup  *users_group;
  GtkListBox           *users_list;
  AdwPreferencesGroup  *agency_group;
  AdwEntryRow          *parent_row;
  AdwEntryRow          *department_row;
  AdwEntryRow          *issuer_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *symbol_row;
  AdwEntryRow          *recipient_row;
};

G_DEFINE_FINAL_TYPE (PhUsersPage, ph_users_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_message (PhUsersPage *self,
              const char  *message,
              gboolean     is_error)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
ph_users_page_reload (PhUsersPage *self)
{
  const PhUser *me = ph_store_get_user (self->store);
  gboolean admin = me != NULL && me->role == PH_ROLE_ADMIN;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(PhAgencyProfile) profile = NULL;
  GtkListBoxRow *row;

  gtk_widget_set_visible (GTK_WIDGET (self->account_group), me != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->users_group), admin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.add", admin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.edit", admin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.save-profile", admin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.change-password", me != NULL);

  profile = ph_store_get_agency_profile (self->store, NULL);
  if (profile != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->parent_row), profile->parent_body);
      gtk_editable_set_text (GTK_EDITABLE (self->department_row), profile->department);
      gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), profile->issuer);
      gtk_editable_set_text (GTK_EDITABLE (self->place_row), profile->place);
      gtk_editable_set_text (GTK_EDITABLE (self->symbol_row), profile->symbol);
      gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), profile->recipient);
    }
  for (GtkWidget *w = GTK_WIDGET (self->parent_row); w != NULL; w = gtk_widget_get_next_sibling (w))
    gtk_widget_set_sensitive (w, admin);

  while ((row = gtk_list_box_get_row_at_index (self->users_list, 0)) != NULL)
    gtk_list_box_remove (self->users_list, GTK_WIDGET (row));
  if (admin)
    users = ph_store_list_users (self->store, TRUE, NULL);
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      PhUser *user = g_ptr_array_index (users, i);
      GtkWidget *action_row = adw_action_row_new ();
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf ("%s · %s%s%s%s", user->login, ph_role_get_label (user->role),
                                  *user->title != '\0' ? " · " : "", user->title,
                                  user->active ? "" : _(" · disabled"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), user->full_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, _("Change the account"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "users.edit");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit),
                                              g_variant_new_int64 (user->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), edit);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (action_row), edit);
      gtk_list_box_append (self->users_list, action_row);
    }
}

static void
on_user_saved (PhUsersPage *self)
{
  show_message (self, _("The account was saved"), FALSE);
  ph_users_page_reload (self);
}

static void
open_user_dialog (PhUsersPage *self,
                  gint64       user_id)
{
  GtkWidget *dialog = ph_user_dialog_new (self->store, user_id);

  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_user_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
users_add (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  open_user_dialog (PH_USERS_PAGE (widget), 0);
}

static void
users_edit (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_user_dialog (PH_USERS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
users_save_profile (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PhUsersPage *self = PH_USERS_PAGE (widget);
  g_autoptr(PhAgencyProfile) profile = ph_agency_profile_new ();
  g_autoptr(GError) error = NULL;

  profile->parent_body = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->parent_row)));
  profile->department = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->department_row)));
  profile->issuer = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->issuer_row)));
  profile->place = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
  profile->symbol = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->symbol_row)));
  profile->recipient = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->recipient_row)));
  if (!ph_store_set_agency_profile (self->store, profile, &error))
    show_message (self, error->message, TRUE);
  else
    show_message (self, _("The agency profile was saved"), FALSE);
}

static void
users_change_password (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PhUsersPage *self = PH_USERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *new_password = gtk_editable_get_text (GTK_EDITABLE (self->new_password_row));

  if (g_strcmp0 (new_password,
                 gtk_editable_get_text (GTK_EDITABLE (self->confirm_password_row))) != 0)
    {
      show_message (self, _("The two new passwords differ; type the same password twice"), TRUE);
      return;
    }
  if (!ph_store_change_password (self->store,
                                 gtk_editable_get_text (GTK_EDITABLE (self->old_password_row)),
                                 new_password, &error))
    {
      show_message (self, error->message, TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->old_password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_password_row), "");
  show_message (self, _("Your password was changed"), FALSE);
}

static void
on_confirm_activated (PhUsersPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "users.change-password", NULL);
}

static void
ph_users_page_dispose (GObject *object)
{
  PhUsersPage *self = PH_USERS_PAGE (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_USERS_PAGE);

  G_OBJECT_CLASS (ph_users_page_parent_class)->dispose (object);
}

static void
ph_users_page_finalize (GObject *object)
{
  g_clear_pointer (&PH_USERS_PAGE (object)->message, g_free);

  G_OBJECT_CLASS (ph_users_page_parent_class)->finalize (object);
}

static void
ph_users_page_class_init (PhUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_users_page_dispose;
  object_class->finalize = ph_users_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, account_group);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, old_password_row);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, new_password_row);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, confirm_password_row);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, users_group);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, users_list);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, agency_group);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, parent_row);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, place_row);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, symbol_row);
  gtk_widget_class_bind_template_child (widget_class, PhUsersPage, recipient_row);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_activated);

  gtk_widget_class_install_action (widget_class, "users.add", NULL, users_add);
  gtk_widget_class_install_action (widget_class, "users.edit", "x", users_edit);
  gtk_widget_class_install_action (widget_class, "users.save-profile", NULL, users_save_profile);
  gtk_widget_class_install_action (widget_class, "users.change-password", NULL,
                                   users_change_password);
}

static void
ph_users_page_init (PhUsersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ph_users_page_new:
 * @store: the store, signed in
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
ph_users_page_new (PhStore *store)
{
  PhUsersPage *self = g_object_new (PH_TYPE_USERS_PAGE, NULL);

  self->store = g_object_ref (store);
  ph_users_page_reload (self);
  return GTK_WIDGET (self);
}

const char *
ph_users_page_get_message (PhUsersPage *self)
{
  g_return_val_if_fail (PH_IS_USERS_PAGE (self), NULL);
  return self->message;
}
