/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-intake-actions.c: the application actions of the intake, on the store of
 * the active window — app.new-document (Ctrl+N), app.edit-entry (an entry id),
 * app.edit-document (a document id) and app.preferences (Ctrl+,). */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-document-dialog.h"
#include "ph-intake-actions.h"
#include "ph-preferences-window.h"
#include "ph-store-entries.h"
#include "ph-store-users.h"
#include "ph-window.h"

static PhWindow *
get_window (GtkApplication *app,
            PhStore       **store)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  /* The dialogs are transient for the main window; from one of them, go up. */
  while (window != NULL && !PH_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window == NULL)
    return NULL;

  /* Registering and the preferences need somebody signed in, as the window
   * shows nothing of the store before that. */
  *store = ph_window_get_store (PH_WINDOW (window));
  if (*store == NULL || ph_store_get_user (*store) == NULL)
    return NULL;
  return PH_WINDOW (window);
}

static void
on_document_saved (PhDocumentDialog *dialog,
                   gint64            id,
                   PhWindow         *window)
{
  guint n = g_list_model_get_n_items (ph_document_dialog_get_entries (dialog));
  g_autofree char *title =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Document saved with %u entry",
                                  "Document saved with %u entries", n), n);

  ph_window_add_toast (window, adw_toast_new (title));
}

static void
present_dialog (PhDocumentDialog *dialog,
                PhWindow         *window)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_document_saved), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_document (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PhStore *store = NULL;
  PhWindow *window = get_window (GTK_APPLICATION (user_data), &store);

  if (window != NULL)
    present_dialog (ph_document_dialog_new (GTK_WINDOW (window), store), window);
}

static void
show_error (PhWindow     *window,
            const GError *error)
{
  ph_window_add_toast (window, adw_toast_new (error->message));
}

static void
edit_document (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PhStore *store = NULL;
  PhWindow *window = get_window (GTK_APPLICATION (user_data), &store);
  g_autoptr(GError) error = NULL;
  PhDocumentDialog *dialog;

  if (window == NULL)
    return;
  dialog = ph_document_dialog_new_for_document (GTK_WINDOW (window), store,
                                                g_variant_get_int64 (parameter), &error);
  if (dialog == NULL)
    show_error (window, error);
  else
    present_dialog (dialog, window);
}

static void
edit_entry (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  PhStore *store = NULL;
  PhWindow *window = get_window (GTK_APPLICATION (user_data), &store);
  gint64 entry_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(PhEntry) entry = NULL;
  PhDocumentDialog *dialog;

  if (window == NULL)
    return;

  /* An entry is edited within its document, which shows what else it reported. */
  entry = ph_store_get_entry (store, entry_id, &error);
  dialog = entry == NULL ? NULL
           : ph_document_dialog_new_for_document (GTK_WINDOW (window), store, entry->document_id,
                                                  &error);
  if (dialog == NULL)
    {
      show_error (window, error);
      return;
    }
  present_dialog (dialog, window);
  ph_document_dialog_edit_entry (dialog, entry_id);
}

static void
preferences (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PhStore *store = NULL;
  PhWindow *window = get_window (GTK_APPLICATION (user_data), &store);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (ph_preferences_window_new (GTK_WINDOW (window), store)));
}

/**
 * ph_intake_actions_install:
 * @app: the application
 *
 * Adds the intake's actions and their shortcuts to @app.
 */
void
ph_intake_actions_install (GtkApplication *app)
{
  static const GActionEntry actions[] = {
    { "new-document", new_document },
    { "edit-document", edit_document, "x" },
    { "edit-entry", edit_entry, "x" },
    { "preferences", preferences },
  };
  static const char *new_document_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  g_return_if_fail (GTK_IS_APPLICATION (app));

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (app, "app.new-document", new_document_accels);
  gtk_application_set_accels_for_action (app, "app.preferences", preferences_accels);
}
