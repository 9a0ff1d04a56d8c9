/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-window.h"

struct _PhWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (PhWindow, ph_window, ADW_TYPE_APPLICATION_WINDOW)

static void
ph_window_save_state (PhWindow *self)
{
  int width, height;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_delay (self->settings);

  /* The default size is the unmaximized size, which is what the next
   * start must restore; the current size would be the screen's. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  g_settings_apply (self->settings);
}

static gboolean
ph_window_close_request (GtkWindow *window)
{
  ph_window_save_state (PH_WINDOW (window));

  return GTK_WINDOW_CLASS (ph_window_parent_class)->close_request (window);
}

static void
ph_window_restore_state (PhWindow *self)
{
  int width, height;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
ph_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_WINDOW);

  G_OBJECT_CLASS (ph_window_parent_class)->dispose (object);
}

static void
ph_window_finalize (GObject *object)
{
  PhWindow *self = PH_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ph_window_parent_class)->finalize (object);
}

static void
ph_window_class_init (PhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ph_window_dispose;
  object_class->finalize = ph_window_finalize;

  window_class->close_request = ph_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PhWindow, empty_page);
}

static void
ph_window_init (PhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* The status page shows the application's own icon, whatever the profile. */
  adw_status_page_set_icon_name (self->empty_page, APP_ID "-symbolic");

  self->settings = g_settings_new (BASE_ID);
  ph_window_restore_state (self);
}
