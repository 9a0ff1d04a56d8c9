/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PH_TYPE_PAGED_MODEL (ph_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (PhPagedModel, ph_paged_model, PH, PAGED_MODEL, GObject)

/**
 * PhPagedCountFunc:
 * @user_data: the data given to ph_paged_model_new()
 * @error: return location for a #GError
 *
 * Returns: how many rows the query has now, or 0 with @error set
 */
typedef guint (*PhPagedCountFunc) (gpointer   user_data,
                                   GError   **error);

/**
 * PhPagedFetchFunc:
 * @user_data: the data given to ph_paged_model_new()
 * @offset: the first row wanted
 * @limit: how many rows at most
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GObject): the rows @offset … @offset + @limit - 1 that
 *   exist, as objects of the model's item type, with a free function that unrefs them; or %NULL
 *   with @error set
 */
typedef GPtrArray *(*PhPagedFetchFunc) (gpointer   user_data,
                                        guint      offset,
                                        guint      limit,
                                        GError   **error);

/**
 * PhPagedWrapFunc:
 * @row: (transfer full): one row a store query returned
 *
 * Returns: (transfer full): the list item that holds @row
 */
typedef gpointer (*PhPagedWrapFunc) (gpointer row);

#define PH_PAGED_MODEL_DEFAULT_PAGE_SIZE 256
#define PH_PAGED_MODEL_DEFAULT_MAX_PAGES 8

PhPagedModel *ph_paged_model_new            (GType              item_type,
                                             PhPagedCountFunc   count_func,
                                             PhPagedFetchFunc   fetch_func,
                                             gpointer           user_data,
                                             GDestroyNotify     user_data_free);
void          ph_paged_model_set_page_size  (PhPagedModel      *self,
                                             guint              page_size);
guint         ph_paged_model_get_page_size  (PhPagedModel      *self);
void          ph_paged_model_set_max_pages  (PhPagedModel      *self,
                                             guint              max_pages);
void          ph_paged_model_reload         (PhPagedModel      *self);
const GError *ph_paged_model_get_error      (PhPagedModel      *self);
guint64       ph_paged_model_get_rows_read  (PhPagedModel      *self);
guint64       ph_paged_model_get_fetches    (PhPagedModel      *self);
guint         ph_paged_model_get_n_cached   (PhPagedModel      *self);

guint         ph_paged_count_from_store     (gint64             n);
GPtrArray    *ph_paged_wrap_rows            (GPtrArray         *rows,
                                             PhPagedWrapFunc    wrap);

G_END_DECLS
