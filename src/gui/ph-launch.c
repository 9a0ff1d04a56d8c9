/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a file with the desktop's default application. GtkFileLauncher
 * is GTK 4.10; on 4.8 GIO does it, with the display's launch context so the
 * application starts on the right screen and gets the focus. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ph-launch.h"

static void
ph_launch_show_error (GtkWidget    *from,
                      const GError *error)
{
  g_autofree char *message = NULL;
  GtkWidget *overlay;
  GtkRoot *root;

  message = g_strdup_printf (_("The file could not be opened: %s. Install an application "
                               "that opens this kind of file, or copy the file elsewhere."),
                             error->message);

  overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  root = gtk_widget_get_root (from);
  if (GTK_IS_WINDOW (root))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root),
                                                  _("The File Could Not Be Opened"),
                                                  message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
ph_launch_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWidget) from = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    ph_launch_show_error (from, error);
}

/**
 * ph_launch_file:
 * @from: the widget the request comes from; errors are shown near it
 * @file: the file to open
 *
 * Opens @file with the default application for its type. Failure is shown
 * to the user, not returned.
 */
void
ph_launch_file (GtkWidget *from,
                GFile     *file)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (G_IS_FILE (file));

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (from));
  uri = g_file_get_uri (file);
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           ph_launch_done, g_object_ref (from));
}
