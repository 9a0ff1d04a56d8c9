/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log, newest first, read a page at a time: who did what, when. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-audit-object.h"
#include "ph-audit-view.h"
#include "ph-format.h"
#include "ph-paged-model.h"
#include "ph-text-column.h"

struct _PhAuditView
{
  GtkWidget      parent_instance;

  PhStore       *store;
  gulong         changed_id;
  guint          refresh_id;
  PhPagedModel  *model;

  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkLabel      *count_label;
  GtkColumnView *column_view;
  GtkColumnViewColumn *when_column;
  GtkColumnViewColumn *who_column;
  GtkColumnViewColumn *what_column;
};

G_DEFINE_FINAL_TYPE (PhAuditView, ph_audit_view, GTK_TYPE_WIDGET)

static guint
ph_audit_view_count (gpointer   user_data,
                     GError   **error)
{
  PhAuditView *self = user_data;
  gint64 n = ph_store_count_audit (self->store, error);

  return ph_paged_count_from_store (n);
}

static GPtrArray *
ph_audit_view_fetch (gpointer   user_data,
                     guint      offset,
                     guint      limit,
                     GError   **error)
{
  PhAuditView *self = user_data;
  GPtrArray *rows;

  rows = ph_store_list_audit (self->store, NULL, 0, offset, limit, error);
  return ph_paged_wrap_rows (rows, (PhPagedWrapFunc) ph_audit_object_new);
}

static void
ph_audit_view_update (PhAuditView *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *n_text = ph_format_count (n);
  g_autofree char *label = NULL;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s change", "%s changes", n), n_text);
  gtk_label_set_label (self->count_label, label);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static gboolean
ph_audit_view_refresh_idle (gpointer data)
{
  PhAuditView *self = data;

  self->refresh_id = 0;
  ph_paged_model_reload (self->model);
  ph_audit_view_update (self);

  return G_SOURCE_REMOVE;
}

static void
ph_audit_view_store_changed (PhStore    *store,
                             const char *what,
                             gint64      id,
                             gpointer    user_data)
{
  PhAuditView *self = user_data;

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (ph_audit_view_refresh_idle, self);
}

static void
ph_audit_view_dispose (GObject *object)
{
  PhAuditView *self = PH_AUDIT_VIEW (object);

  ph_audit_view_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_AUDIT_VIEW);

  G_OBJECT_CLASS (ph_audit_view_parent_class)->dispose (object);
}

static void
ph_audit_view_class_init (PhAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_audit_view_dispose;

  g_type_ensure (PH_TYPE_AUDIT_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PhAuditView, stack);
  gtk_widget_class_bind_template_child (widget_class, PhAuditView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PhAuditView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PhAuditView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PhAuditView, when_column);
  gtk_widget_class_bind_template_child (widget_class, PhAuditView, who_column);
  gtk_widget_class_bind_template_child (widget_class, PhAuditView, what_column);
}

static void
ph_audit_view_init (PhAuditView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ph_text_column_set_property (self->when_column, "when", PH_TEXT_COLUMN_NUMERIC);
  ph_text_column_set_property (self->who_column, "who", PH_TEXT_COLUMN_NONE);
  ph_text_column_set_property (self->what_column, "what", PH_TEXT_COLUMN_ELLIPSIZE);
}

GtkWidget *
ph_audit_view_new (void)
{
  return g_object_new (PH_TYPE_AUDIT_VIEW, NULL);
}

/**
 * ph_audit_view_set_store:
 * @self: a #PhAuditView
 * @store: (nullable): the store whose log to show
 */
void
ph_audit_view_set_store (PhAuditView *self,
                         PhStore     *store)
{
  g_return_if_fail (PH_IS_AUDIT_VIEW (self));
  g_return_if_fail (store == NULL || PH_IS_STORE (store));

  if (self->store == store)
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->model);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_autoptr(GtkSelectionModel) selection = NULL;

      self->changed_id = g_signal_connect (store, "changed",
                                           G_CALLBACK (ph_audit_view_store_changed), self);
      self->model = ph_paged_model_new (PH_TYPE_AUDIT_OBJECT, ph_audit_view_count,
                                        ph_audit_view_fetch, self, NULL);
      selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
      gtk_column_view_set_model (self->column_view, selection);
    }

  ph_audit_view_update (self);
}

/**
 * ph_audit_view_get_model:
 * @self: a #PhAuditView
 *
 * Returns: (transfer none) (nullable): the paged log
 */
GListModel *
ph_audit_view_get_model (PhAuditView *self)
{
  g_return_val_if_fail (PH_IS_AUDIT_VIEW (self), NULL);

  return self->model != NULL ? G_LIST_MODEL (self->model) : NULL;
}
