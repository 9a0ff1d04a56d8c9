/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A GListModel over a query that is read page by page: the view asks for
 * the rows it shows, the model fetches the page holding each one and keeps
 * the few most recently used pages. n_items comes from a count, so a
 * hundred thousand rows cost one COUNT and a few pages, never the list. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-paged-model.h"

typedef struct
{
  guint      index;
  GPtrArray *items;
  GList      lru_link;
} Page;

struct _PhPagedModel
{
  GObject           parent_instance;

  GType             item_type;
  PhPagedCountFunc  count_func;
  PhPagedFetchFunc  fetch_func;
  gpointer          user_data;
  GDestroyNotify    user_data_free;

  guint             page_size;
  guint             max_pages;
  guint             n_items;

  GHashTable       *pages;      /* page index → Page */
  GQueue            lru;        /* most recently used first */

  GError           *error;
  guint             reload_id;

  guint64           rows_read;
  guint64           fetches;
};

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ph_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PhPagedModel, ph_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ph_paged_model_list_model_init))

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page);
}

static void
ph_paged_model_drop_pages (PhPagedModel *self)
{
  /* The links live inside the pages: forget them, do not free them. */
  g_hash_table_remove_all (self->pages);
  g_queue_init (&self->lru);
}

static void
ph_paged_model_set_error (PhPagedModel *self,
                          GError       *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static guint
ph_paged_model_count (PhPagedModel *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  n = self->count_func (self->user_data, &error);
  if (error != NULL)
    {
      ph_paged_model_set_error (self, g_steal_pointer (&error));
      return 0;
    }

  return n;
}

static gboolean
ph_paged_model_reload_idle (gpointer data)
{
  PhPagedModel *self = data;

  self->reload_id = 0;
  ph_paged_model_reload (self);

  return G_SOURCE_REMOVE;
}

static void
ph_paged_model_queue_reload (PhPagedModel *self)
{
  /* Not from inside get_item(): the view is in the middle of reading us. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT, ph_paged_model_reload_idle,
                                       g_object_ref (self), g_object_unref);
}

static Page *
ph_paged_model_fetch_page (PhPagedModel *self,
                           guint         index)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  guint offset = index * self->page_size;
  guint limit = MIN (self->page_size, self->n_items - offset);
  Page *page;

  items = self->fetch_func (self->user_data, offset, limit, &error);
  self->fetches++;
  if (items == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The list could not be read. Close the window and open it again."));
      ph_paged_model_set_error (self, g_steal_pointer (&error));
      return NULL;
    }

  self->rows_read += items->len;

  /* The query changed under us (a row added or removed since the count):
   * serve what we have and recount soon, so the view is told properly. */
  if (items->len != limit)
    ph_paged_model_queue_reload (self);

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = items;
  page->lru_link.data = page;

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head_link (&self->lru, &page->lru_link);

  while (self->lru.length > self->max_pages)
    {
      GList *last = g_queue_pop_tail_link (&self->lru);
      Page *old = last->data;

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old->index));
    }

  return page;
}

static GType
ph_paged_model_get_item_type (GListModel *model)
{
  return PH_PAGED_MODEL (model)->item_type;
}

static guint
ph_paged_model_get_n_items (GListModel *model)
{
  return PH_PAGED_MODEL (model)->n_items;
}

static gpointer
ph_paged_model_get_item (GListModel *model,
                         guint       position)
{
  PhPagedModel *self = PH_PAGED_MODEL (model);
  guint index;
  guint in_page;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  index = position / self->page_size;
  in_page = position % self->page_size;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page != NULL)
    {
      g_queue_unlink (&self->lru, &page->lru_link);
      g_queue_push_head_link (&self->lru, &page->lru_link);
    }
  else
    {
      page = ph_paged_model_fetch_page (self, index);
      if (page == NULL)
        return NULL;
    }

  if (in_page >= page->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->items, in_page));
}

static void
ph_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ph_paged_model_get_item_type;
  iface->get_n_items = ph_paged_model_get_n_items;
  iface->get_item = ph_paged_model_get_item;
}

static void
ph_paged_model_dispose (GObject *object)
{
  PhPagedModel *self = PH_PAGED_MODEL (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  ph_paged_model_drop_pages (self);

  if (self->user_data_free != NULL)
    g_clear_pointer (&self->user_data, self->user_data_free);
  self->user_data = NULL;

  G_OBJECT_CLASS (ph_paged_model_parent_class)->dispose (object);
}

static void
ph_paged_model_finalize (GObject *object)
{
  PhPagedModel *self = PH_PAGED_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ph_paged_model_parent_class)->finalize (object);
}

static void
ph_paged_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PhPagedModel *self = PH_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_paged_model_class_init (PhPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ph_paged_model_dispose;
  object_class->finalize = ph_paged_model_finalize;
  object_class->get_property = ph_paged_model_get_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PhPagedModel:error:
   *
   * Why the last count or page could not be read, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ph_paged_model_init (PhPagedModel *self)
{
  self->page_size = PH_PAGED_MODEL_DEFAULT_PAGE_SIZE;
  self->max_pages = PH_PAGED_MODEL_DEFAULT_MAX_PAGES;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  g_queue_init (&self->lru);
}

/**
 * ph_paged_model_new:
 * @item_type: the type of the objects @fetch_func returns
 * @count_func: counts the rows
 * @fetch_func: reads a page of rows
 * @user_data: passed to both
 * @user_data_free: (nullable): frees @user_data when the model is disposed
 *
 * The rows are counted now; no row is read before a view asks for one.
 *
 * Returns: (transfer full): a new #PhPagedModel
 */
PhPagedModel *
ph_paged_model_new (GType            item_type,
                    PhPagedCountFunc count_func,
                    PhPagedFetchFunc fetch_func,
                    gpointer         user_data,
                    GDestroyNotify   user_data_free)
{
  PhPagedModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (count_func != NULL, NULL);
  g_return_val_if_fail (fetch_func != NULL, NULL);

  self = g_object_new (PH_TYPE_PAGED_MODEL, NULL);
  self->item_type = item_type;
  self->count_func = count_func;
  self->fetch_func = fetch_func;
  self->user_data = user_data;
  self->user_data_free = user_data_free;
  self->n_items = ph_paged_model_count (self);

  return self;
}

/**
 * ph_paged_model_set_page_size:
 * @self: a #PhPagedModel
 * @page_size: rows read at once, at least 1
 *
 * Drops the pages read so far; the rows themselves do not change.
 */
void
ph_paged_model_set_page_size (PhPagedModel *self,
                              guint         page_size)
{
  g_return_if_fail (PH_IS_PAGED_MODEL (self));
  g_return_if_fail (page_size > 0);

  if (self->page_size == page_size)
    return;

  ph_paged_model_drop_pages (self);
  self->page_size = page_size;
}

guint
ph_paged_model_get_page_size (PhPagedModel *self)
{
  g_return_val_if_fail (PH_IS_PAGED_MODEL (self), 0);

  return self->page_size;
}

/**
 * ph_paged_model_set_max_pages:
 * @self: a #PhPagedModel
 * @max_pages: how many pages to keep, at least 1
 */
void
ph_paged_model_set_max_pages (PhPagedModel *self,
                              guint         max_pages)
{
  g_return_if_fail (PH_IS_PAGED_MODEL (self));
  g_return_if_fail (max_pages > 0);

  self->max_pages = max_pages;
  while (self->lru.length > self->max_pages)
    {
      GList *last = g_queue_pop_tail_link (&self->lru);
      Page *old = last->data;

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old->index));
    }
}

/**
 * ph_paged_model_reload:
 * @self: a #PhPagedModel
 *
 * Counts the rows again and forgets every page read, for when the query or
 * the data under it changed. Views are told that every row changed.
 */
void
ph_paged_model_reload (PhPagedModel *self)
{
  guint old_n;
  guint new_n;

  g_return_if_fail (PH_IS_PAGED_MODEL (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  ph_paged_model_drop_pages (self);
  ph_paged_model_set_error (self, NULL);

  old_n = self->n_items;
  new_n = ph_paged_model_count (self);

  /* Any row may have moved, so the whole range changed even when the count
   * is the same. It is said in two steps, all removed then all added: told
   * (0, old, new) at once, GTK's list item manager looks for the rows it
   * tracks (focus, anchor) among the added items by identity, reading every
   * one of them; our items are new objects, so it would read the whole
   * query. Removing first leaves it nothing to track. */
  if (old_n > 0)
    {
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
    }
  self->n_items = new_n;
  if (new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * ph_paged_model_get_error:
 * @self: a #PhPagedModel
 *
 * Returns: (nullable): why the last count or page failed, or %NULL
 */
const GError *
ph_paged_model_get_error (PhPagedModel *self)
{
  g_return_val_if_fail (PH_IS_PAGED_MODEL (self), NULL);

  return self->error;
}

/**
 * ph_paged_model_get_rows_read:
 * @self: a #PhPagedModel
 *
 * Returns: how many rows the fetch function returned since the model was made
 */
guint64
ph_paged_model_get_rows_read (PhPagedModel *self)
{
  g_return_val_if_fail (PH_IS_PAGED_MODEL (self), 0);

  return self->rows_read;
}

/**
 * ph_paged_model_get_fetches:
 * @self: a #PhPagedModel
 *
 * Returns: how many times the fetch function was called
 */
guint64
ph_paged_model_get_fetches (PhPagedModel *self)
{
  g_return_val_if_fail (PH_IS_PAGED_MODEL (self), 0);

  return self->fetches;
}

/**
 * ph_paged_model_get_n_cached:
 * @self: a #PhPagedModel
 *
 * Returns: how many rows the model holds in memory now
 */
guint
ph_paged_model_get_n_cached (PhPagedModel *self)
{
  guint n = 0;

  g_return_val_if_fail (PH_IS_PAGED_MODEL (self), 0);

  for (GList *l = self->lru.head; l != NULL; l = l->next)
    n += ((Page *) l->data)->items->len;

  return n;
}

/**
 * ph_paged_count_from_store:
 * @n: a count a store query returned, or -1 on error
 *
 * Returns: @n as a #PhPagedCountFunc returns it: 0 for an error, at most %G_MAXUINT
 */
guint
ph_paged_count_from_store (gint64 n)
{
  return n < 0 ? 0 : (guint) MIN (n, G_MAXUINT);
}

/**
 * ph_paged_wrap_rows:
 * @rows: (transfer full) (nullable): the rows a store query returned, or %NULL on error
 * @wrap: makes a list item of one row, taking the row
 *
 * Returns: (transfer full) (nullable): the items as a #PhPagedFetchFunc returns
 *   them, or %NULL when @rows is %NULL
 */
GPtrArray *
ph_paged_wrap_rows (GPtrArray       *rows,
                    PhPagedWrapFunc  wrap)
{
  GPtrArray *items;

  if (rows == NULL)
    return NULL;

  /* The rows move into the list items. */
  g_ptr_array_set_free_func (rows, NULL);
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, wrap (g_ptr_array_index (rows, i)));
  g_ptr_array_unref (rows);

  return items;
}
