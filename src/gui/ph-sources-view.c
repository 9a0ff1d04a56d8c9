/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The source records (số vi phạm): one row per reported source with its
 * counts and the Authority's answer, read a page at a time; selecting one
 * lists the entries that report it. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-entry-object.h"
#include "ph-format.h"
#include "ph-paged-model.h"
#include "ph-source-object.h"
#include "ph-sources-view.h"
#include "ph-store-sources.h"
#include "ph-text-column.h"

struct _PhSourcesView
{
  GtkWidget            parent_instance;

  PhStore             *store;
  gulong               changed_id;
  guint                refresh_id;
  PhPagedModel        *model;
  GtkSingleSelection  *selection;
  PhPagedModel        *entries_model;
  PhSource            *selected;
  PhSourceSort         sort;
  gboolean             descending;

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkLabel            *count_label;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *source_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *entries_column;
  GtkColumnViewColumn *units_column;
  GtkColumnViewColumn *first_column;
  GtkColumnViewColumn *last_column;
  GtkColumnViewColumn *answer_column;
  GtkColumnViewColumn *source_code_column;
  GtkColumnViewColumn *source_received_column;
  GtkColumnViewColumn *source_unit_column;
  GtkColumnViewColumn *source_category_column;
  GtkColumnViewColumn *source_status_column;
  GtkStack            *entries_stack;
  GtkLabel            *entries_title;
  GtkColumnView       *entries_view;
};

G_DEFINE_FINAL_TYPE (PhSourcesView, ph_sources_view, GTK_TYPE_WIDGET)

static guint
ph_sources_view_count (gpointer   user_data,
                       GError   **error)
{
  PhSourcesView *self = user_data;
  gint64 n = ph_store_count_sources (self->store, error);

  return ph_paged_count_from_store (n);
}

static GPtrArray *
ph_sources_view_fetch (gpointer   user_data,
                       guint      offset,
                       guint      limit,
                       GError   **error)
{
  PhSourcesView *self = user_data;
  GPtrArray *sources;

  sources = ph_store_list_sources (self->store, self->sort, self->descending, offset, limit,
                                   error);
  return ph_paged_wrap_rows (sources, (PhPagedWrapFunc) ph_source_object_new);
}

/* The entries of the selected source. */

static void
ph_sources_view_get_entry_filter (PhSourcesView *self,
                                  PhEntryFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->source_key = self->selected != NULL ? self->selected->key : NULL;
}

static guint
ph_sources_view_count_entries (gpointer   user_data,
                               GError   **error)
{
  PhSourcesView *self = user_data;
  PhEntryFilter filter;
  gint64 n;

  if (self->selected == NULL)
    return 0;

  ph_sources_view_get_entry_filter (self, &filter);
  n = ph_store_count_entries (self->store, &filter, error);

  return ph_paged_count_from_store (n);
}

static GPtrArray *
ph_sources_view_fetch_entries (gpointer   user_data,
                               guint      offset,
                               guint      limit,
                               GError   **error)
{
  PhSourcesView *self = user_data;
  GPtrArray *entries;
  PhEntryFilter filter;

  if (self->selected == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  ph_sources_view_get_entry_filter (self, &filter);
  entries = ph_store_list_entries (self->store, &filter, PH_ENTRY_SORT_RECEIVED, TRUE,
                                   offset, limit, error);
  return ph_paged_wrap_rows (entries, (PhPagedWrapFunc) ph_entry_object_new);
}

static void
ph_sources_view_update (PhSourcesView *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *n_text = ph_format_count (n);
  g_autofree char *label = NULL;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s source", "%s sources", n), n_text);
  gtk_label_set_label (self->count_label, label);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.show-entries",
                                 self->selected != NULL);
  gtk_stack_set_visible_child_name (self->entries_stack,
                                    self->selected != NULL ? "entries" : "none");
  if (self->selected != NULL)
    {
      g_autofree char *count = ph_format_count (self->selected->entry_count);
      g_autofree char *title = NULL;

      /* Translators: "0912 345 678: 3 entries" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s entry", "%s: %s entries",
                                            self->selected->entry_count),
                               self->selected->display, count);
      gtk_label_set_label (self->entries_title, title);
    }
}

static void
ph_sources_view_selection_changed (PhSourcesView *self)
{
  PhSourceObject *item = gtk_single_selection_get_selected_item (self->selection);

  /* A reload drops the selection; keep listing the source being looked at. */
  if (item == NULL)
    return;

  g_clear_pointer (&self->selected, ph_source_free);
  {
    const PhSource *source = ph_source_object_get_source (item);
    PhSource *copy = g_new0 (PhSource, 1);

    copy->key = g_strdup (source->key);
    copy->display = g_strdup (source->display);
    copy->kind = source->kind;
    copy->network = g_strdup (source->network);
    copy->first_seen = g_strdup (source->first_seen);
    copy->last_seen = g_strdup (source->last_seen);
    copy->entry_count = source->entry_count;
    copy->unit_count = source->unit_count;
    copy->categories = g_strdup (source->categories);
    copy->batch_count = source->batch_count;
    copy->answer = g_strdup (source->answer);
    self->selected = copy;
  }

  ph_paged_model_reload (self->entries_model);
  ph_sources_view_update (self);
}

static void
ph_sources_view_refresh (PhSourcesView *self)
{
  if (self->model == NULL)
    return;

  ph_paged_model_reload (self->model);

  /* The selected source may have new entries, or be gone. */
  if (self->selected != NULL)
    {
      g_autofree char *key = g_strdup (self->selected->key);

      g_clear_pointer (&self->selected, ph_source_free);
      self->selected = ph_store_get_source (self->store, key, NULL);
    }
  ph_paged_model_reload (self->entries_model);
  ph_sources_view_update (self);
}

static gboolean
ph_sources_view_refresh_idle (gpointer data)
{
  PhSourcesView *self = data;

  self->refresh_id = 0;
  ph_sources_view_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
ph_sources_view_store_changed (PhStore    *store,
                               const char *what,
                               gint64      id,
                               gpointer    user_data)
{
  PhSourcesView *self = user_data;

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (ph_sources_view_refresh_idle, self);
}

/* Sorting: the column headers set the SQL order. */

static void
ph_sources_view_sorter_changed (PhSourcesView *self)
{
  int key;

  /* The columns go when the view is disposed, and the sorter says so. */
  if (self->column_view == NULL)
    return;

  key = ph_text_column_get_sort_key (self->column_view, &self->descending);
  self->sort = key >= 0 ? (PhSourceSort) key : PH_SOURCE_SORT_LAST_SEEN;
  if (key < 0)
    self->descending = TRUE;

  if (self->model != NULL)
    {
      ph_paged_model_reload (self->model);
      ph_sources_view_update (self);
    }
}

static void
ph_sources_view_show_entries (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PhSourcesView *self = PH_SOURCES_VIEW (widget);

  if (self->selected != NULL)
    gtk_widget_activate_action (widget, "win.show-source-entries", "(ss)",
                                self->selected->key, self->selected->display);
}

static void
ph_sources_view_entry_activated (PhSourcesView *self,
                                 guint          position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sources.show-entries", NULL);
}

/* The first page of sources costs tens of milliseconds (a count of units per
 * source): it is read when the view is first shown, not when the window opens. */
static void
ph_sources_view_map (GtkWidget *widget)
{
  PhSourcesView *self = PH_SOURCES_VIEW (widget);

  if (self->selection != NULL && gtk_column_view_get_model (self->column_view) == NULL)
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  GTK_WIDGET_CLASS (ph_sources_view_parent_class)->map (widget);
}

static void
ph_sources_view_dispose (GObject *object)
{
  PhSourcesView *self = PH_SOURCES_VIEW (object);

  ph_sources_view_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_SOURCES_VIEW);

  G_OBJECT_CLASS (ph_sources_view_parent_class)->dispose (object);
}

static void
ph_sources_view_class_init (PhSourcesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_sources_view_dispose;

  widget_class->map = ph_sources_view_map;

  g_type_ensure (PH_TYPE_ENTRY_OBJECT);
  g_type_ensure (PH_TYPE_SOURCE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-sources-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, stack);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, source_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, entries_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, units_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, first_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, last_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, answer_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, source_code_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, source_received_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, source_unit_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, source_category_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, source_status_column);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, entries_stack);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, entries_title);
  gtk_widget_class_bind_template_child (widget_class, PhSourcesView, entries_view);
  gtk_widget_class_bind_template_callback (widget_class, ph_sources_view_entry_activated);

  gtk_widget_class_install_action (widget_class, "sources.show-entries", NULL,
                                   ph_sources_view_show_entries);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "sources.show-entries", NULL);
}

static void
ph_sources_view_init (PhSourcesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sort = PH_SOURCE_SORT_LAST_SEEN;
  self->descending = TRUE;

  ph_text_column_set_property (self->source_column, "source", PH_TEXT_COLUMN_NUMERIC);
  ph_text_column_set_property (self->kind_column, "kind", PH_TEXT_COLUMN_ELLIPSIZE);
  ph_text_column_set_property (self->entries_column, "entries",
                               PH_TEXT_COLUMN_NUMERIC | PH_TEXT_COLUMN_END);
  ph_text_column_set_property (self->units_column, "units",
                               PH_TEXT_COLUMN_NUMERIC | PH_TEXT_COLUMN_END);
  ph_text_column_set_property (self->first_column, "first-seen", PH_TEXT_COLUMN_NUMERIC);
  ph_text_column_set_property (self->last_column, "last-seen", PH_TEXT_COLUMN_NUMERIC);
  ph_text_column_set_property (self->answer_column, "answer", PH_TEXT_COLUMN_ELLIPSIZE);
  ph_text_column_set_property (self->source_code_column, "code", PH_TEXT_COLUMN_NUMERIC);
  ph_text_column_set_property (self->source_received_column, "received",
                               PH_TEXT_COLUMN_NUMERIC);
  ph_text_column_set_property (self->source_unit_column, "unit", PH_TEXT_COLUMN_ELLIPSIZE);
  ph_text_column_set_property (self->source_category_column, "category",
                               PH_TEXT_COLUMN_ELLIPSIZE);
  ph_text_column_set_property (self->source_status_column, "status", PH_TEXT_COLUMN_STATUS);

  ph_text_column_set_sort_key (self->source_column, PH_SOURCE_SORT_KEY);
  ph_text_column_set_sort_key (self->entries_column, PH_SOURCE_SORT_ENTRIES);
  ph_text_column_set_sort_key (self->last_column, PH_SOURCE_SORT_LAST_SEEN);
  gtk_column_view_sort_by_column (self->column_view, self->last_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (ph_sources_view_sorter_changed), self,
                           G_CONNECT_SWAPPED);

  ph_sources_view_update (self);
}

GtkWidget *
ph_sources_view_new (void)
{
  return g_object_new (PH_TYPE_SOURCES_VIEW, NULL);
}

/**
 * ph_sources_view_set_store:
 * @self: a #PhSourcesView
 * @store: (nullable): the store whose sources to list
 */
void
ph_sources_view_set_store (PhSourcesView *self,
                           PhStore       *store)
{
  g_return_if_fail (PH_IS_SOURCES_VIEW (self));
  g_return_if_fail (store == NULL || PH_IS_STORE (store));

  if (self->store == store)
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_column_view_set_model (self->column_view, NULL);
  gtk_column_view_set_model (self->entries_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->entries_model);
  g_clear_pointer (&self->selected, ph_source_free);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_autoptr(GtkSelectionModel) entries_selection = NULL;

      self->changed_id = g_signal_connect (store, "changed",
                                           G_CALLBACK (ph_sources_view_store_changed), self);
      self->model = ph_paged_model_new (PH_TYPE_SOURCE_OBJECT, ph_sources_view_count,
                                        ph_sources_view_fetch, self, NULL);
      /* Nothing is selected until the clerk picks a row: the model comes
       * after autoselect is off, or the first row would be taken. */
      self->selection = gtk_single_selection_new (NULL);
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
      g_signal_connect_swapped (self->selection, "notify::selected",
                                G_CALLBACK (ph_sources_view_selection_changed), self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

      self->entries_model = ph_paged_model_new (PH_TYPE_ENTRY_OBJECT,
                                                ph_sources_view_count_entries,
                                                ph_sources_view_fetch_entries, self, NULL);
      entries_selection = GTK_SELECTION_MODEL (
        gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->entries_model))));
      gtk_column_view_set_model (self->entries_view, entries_selection);
    }

  ph_sources_view_update (self);
}

/**
 * ph_sources_view_get_model:
 * @self: a #PhSourcesView
 *
 * Returns: (transfer none) (nullable): the paged list of sources
 */
GListModel *
ph_sources_view_get_model (PhSourcesView *self)
{
  g_return_val_if_fail (PH_IS_SOURCES_VIEW (self), NULL);

  return self->model != NULL ? G_LIST_MODEL (self->model) : NULL;
}

/**
 * ph_sources_view_get_entries_model:
 * @self: a #PhSourcesView
 *
 * Returns: (transfer none) (nullable): the entries of the selected source
 */
GListModel *
ph_sources_view_get_entries_model (PhSourcesView *self)
{
  g_return_val_if_fail (PH_IS_SOURCES_VIEW (self), NULL);

  return self->entries_model != NULL ? G_LIST_MODEL (self->entries_model) : NULL;
}

/**
 * ph_sources_view_select:
 * @self: a #PhSourcesView
 * @position: a row of the sources list
 */
void
ph_sources_view_select (PhSourcesView *self,
                        guint          position)
{
  g_return_if_fail (PH_IS_SOURCES_VIEW (self));

  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, position);
}
