/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-sources-view.h"

struct _PhSourcesView
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (PhSourcesView, ph_sources_view, GTK_TYPE_WIDGET)

static void
ph_sources_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_SOURCES_VIEW);

  G_OBJECT_CLASS (ph_sources_view_parent_class)->dispose (object);
}

static void
ph_sources_view_class_init (PhSourcesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_sources_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-sources-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, stack);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, empty_page);
}

static void
ph_sources_view_init (PhSourcesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ph_sources_view_new (void)
{
  return g_object_new (PH_TYPE_SOURCES_VIEW, NULL);
}
