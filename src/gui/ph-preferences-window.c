/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-preferences-window.c: the preferences of a case store; each subject is a
 * page of its own (the exclusion list first). */

#include "config.h"

#include "ph-exclusions-page.h"
#include "ph-preferences-window.h"
#include "ph-users-page.h"

struct _PhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
};

G_DEFINE_FINAL_TYPE (PhPreferencesWindow, ph_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
ph_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ph_preferences_window_parent_class)->dispose (object);
}

static void
ph_preferences_window_class_init (PhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-preferences-window.ui");
}

static void
ph_preferences_window_init (PhPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ph_preferences_window_new:
 * @parent: (nullable): the main window
 * @store: the case store the preferences belong to
 *
 * Returns: (transfer none): a new preferences window
 */
PhPreferencesWindow *
ph_preferences_window_new (GtkWindow *parent,
                           PhStore   *store)
{
  PhPreferencesWindow *self;

  g_return_val_if_fail (PH_IS_STORE (store), NULL);

  self = g_object_new (PH_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (ph_exclusions_page_new (store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (ph_users_page_new (store)));
  return self;
}
