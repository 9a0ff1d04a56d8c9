/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-entries-view.h"

struct _PhEntriesView
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (PhEntriesView, ph_entries_view, GTK_TYPE_WIDGET)

static void
ph_entries_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_ENTRIES_VIEW);

  G_OBJECT_CLASS (ph_entries_view_parent_class)->dispose (object);
}

static void
ph_entries_view_class_init (PhEntriesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_entries_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-entries-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, stack);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, empty_page);
}

static void
ph_entries_view_init (PhEntriesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The inbox shows the application's own icon, whatever the profile. */
  adw_status_page_set_icon_name (self->empty_page, APP_ID "-symbolic");
}

GtkWidget *
ph_entries_view_new (void)
{
  return g_object_new (PH_TYPE_ENTRIES_VIEW, NULL);
}
