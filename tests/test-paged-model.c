/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The paged list model against a fake query of 100 000 rows: it must agree
 * with the query row for row while holding only a few pages. */

#include "config.h"

#include <gio/gio.h>

#include "ph-paged-model.h"
#include "ph-test-util.h"

#define N_ROWS 100000

/* A row of the fake query: its position is its value. */
#define TEST_TYPE_ROW (test_row_get_type ())
G_DECLARE_FINAL_TYPE (TestRow, test_row, TEST, ROW, GObject)

struct _TestRow
{
  GObject parent_instance;
  guint   value;
};

G_DEFINE_FINAL_TYPE (TestRow, test_row, G_TYPE_OBJECT)

static void test_row_class_init (TestRowClass *klass) { }
static void test_row_init (TestRow *self) { }

typedef struct
{
  guint    n_rows;
  guint    shift;       /* rows read start at value offset + shift */
  gboolean fail_count;
  gboolean fail_fetch;
  guint    fetches;
} Backend;

static guint
backend_count (gpointer  user_data,
               GError  **error)
{
  Backend *backend = user_data;

  if (backend->fail_count)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "count failed");
      return 0;
    }

  return backend->n_rows;
}

static GPtrArray *
backend_fetch (gpointer  user_data,
               guint     offset,
               guint     limit,
               GError  **error)
{
  Backend *backend = user_data;
  GPtrArray *rows;

  backend->fetches++;
  if (backend->fail_fetch)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "fetch failed");
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = offset; i < offset + limit && i < backend->n_rows; i++)
    {
      TestRow *row = g_object_new (TEST_TYPE_ROW, NULL);

      row->value = i + backend->shift;
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static PhPagedModel *
make_model (Backend *backend)
{
  return ph_paged_model_new (TEST_TYPE_ROW, backend_count, backend_fetch, backend, NULL);
}

static guint
row_value (GListModel *model,
           guint       position)
{
  g_autoptr(TestRow) row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  return row->value;
}

static void
test_paged_model_counts_without_reading (void)
{
  Backend backend = { .n_rows = N_ROWS };
  g_autoptr(PhPagedModel) model = make_model (&backend);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_ROWS);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == TEST_TYPE_ROW);
  g_assert_cmpuint (ph_paged_model_get_rows_read (model), ==, 0);
  g_assert_cmpuint (backend.fetches, ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_ROWS));
}

static void
test_paged_model_reads_one_page (void)
{
  Backend backend = { .n_rows = N_ROWS };
  g_autoptr(PhPagedModel) model = make_model (&backend);
  guint page = ph_paged_model_get_page_size (model);

  g_assert_cmpuint (row_value (G_LIST_MODEL (model), 0), ==, 0);
  g_assert_cmpuint (ph_paged_model_get_rows_read (model), ==, page);

  /* The rest of the first page comes from memory. */
  for (guint i = 0; i < page; i++)
    g_assert_cmpuint (row_value (G_LIST_MODEL (model), i), ==, i);
  g_assert_cmpuint (ph_paged_model_get_rows_read (model), ==, page);
  g_assert_cmpuint (backend.fetches, ==, 1);

  /* The last row reads only the last, short page. */
  g_assert_cmpuint (row_value (G_LIST_MODEL (model), N_ROWS - 1), ==, N_ROWS - 1);
  g_assert_cmpuint (ph_paged_model_get_rows_read (model), ==, page + N_ROWS % page);
  g_assert_cmpuint (backend.fetches, ==, 2);
}

static void
test_paged_model_agrees_with_backend (void)
{
  Backend backend = { .n_rows = N_ROWS };
  g_autoptr(PhPagedModel) model = make_model (&backend);
  guint max_cached = PH_PAGED_MODEL_DEFAULT_MAX_PAGES * ph_paged_model_get_page_size (model);

  /* Every row, in order: each is read exactly once and the memory held
   * stays at a few pages. */
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_assert_cmpuint (row_value (G_LIST_MODEL (model), i), ==, i);
      g_assert_cmpuint (ph_paged_model_get_n_cached (model), <=, max_cached);
    }
  g_assert_cmpuint (ph_paged_model_get_rows_read (model), ==, N_ROWS);
  g_assert_cmpuint (ph_paged_model_get_n_cached (model), <=, max_cached);
}

static void
test_paged_model_random_access (void)
{
  Backend backend = { .n_rows = N_ROWS };
  g_autoptr(PhPagedModel) model = make_model (&backend);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  guint page = ph_paged_model_get_page_size (model);

  for (guint i = 0; i < 2000; i++)
    {
      guint position = g_rand_int_range (rand, 0, N_ROWS);

      g_assert_cmpuint (row_value (G_LIST_MODEL (model), position), ==, position);
    }

  /* Never more than a page per lookup, and far from the whole table. */
  g_assert_cmpuint (ph_paged_model_get_rows_read (model), <=, 2000 * page);
  g_assert_cmpuint (ph_paged_model_get_n_cached (model), <=,
                    PH_PAGED_MODEL_DEFAULT_MAX_PAGES * page);
}

static void
test_paged_model_keeps_recent_pages (void)
{
  Backend backend = { .n_rows = N_ROWS };
  g_autoptr(PhPagedModel) model = make_model (&backend);

  ph_paged_model_set_page_size (model, 100);
  ph_paged_model_set_max_pages (model, 2);

  row_value (G_LIST_MODEL (model), 0);      /* page 0 */
  row_value (G_LIST_MODEL (model), 150);    /* page 1 */
  row_value (G_LIST_MODEL (model), 10);     /* page 0 again: used last */
  g_assert_cmpuint (backend.fetches, ==, 2);

  row_value (G_LIST_MODEL (model), 250);    /* page 2 pushes page 1 out */
  g_assert_cmpuint (backend.fetches, ==, 3);
  row_value (G_LIST_MODEL (model), 20);     /* page 0 stayed */
  g_assert_cmpuint (backend.fetches, ==, 3);
  row_value (G_LIST_MODEL (model), 120);    /* page 1 is read again */
  g_assert_cmpuint (backend.fetches, ==, 4);
  g_assert_cmpuint (ph_paged_model_get_n_cached (model), ==, 200);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *record)
{
  /* The GListModel contract: the count already says what the signal says. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, record[4] - removed + added);
  record[4] = g_list_model_get_n_items (model);

  record[0] = position;
  record[1] = removed;
  record[2] = added;
  record[3]++;
}

static void
test_paged_model_reload (void)
{
  Backend backend = { .n_rows = N_ROWS };
  g_autoptr(PhPagedModel) model = make_model (&backend);
  guint record[5] = { 0, 0, 0, 0, N_ROWS };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), record);
  g_assert_cmpuint (row_value (G_LIST_MODEL (model), 5), ==, 5);

  /* The query now gives other rows and fewer of them. */
  backend.n_rows = 40;
  backend.shift = 1000;
  ph_paged_model_reload (model);

  /* All removed, then all added (see ph_paged_model_reload() for why). */
  g_assert_cmpuint (record[3], ==, 2);
  g_assert_cmpuint (record[0], ==, 0);
  g_assert_cmpuint (record[1], ==, 0);
  g_assert_cmpuint (record[2], ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 40);
  g_assert_cmpuint (ph_paged_model_get_n_cached (model), ==, 0);
  g_assert_cmpuint (row_value (G_LIST_MODEL (model), 5), ==, 1005);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 40));

  /* Empty to empty is no change at all. */
  backend.n_rows = 0;
  ph_paged_model_reload (model);
  g_assert_cmpuint (record[3], ==, 3);
  g_assert_cmpuint (record[1], ==, 40);
  g_assert_cmpuint (record[2], ==, 0);
  ph_paged_model_reload (model);
  g_assert_cmpuint (record[3], ==, 3);
}

static void
test_paged_model_shrinks_under_reader (void)
{
  Backend backend = { .n_rows = 1000 };
  g_autoptr(PhPagedModel) model = make_model (&backend);
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  guint record[5] = { 0, 0, 0, 0, 1000 };
  TestRow *row;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), record);

  /* Rows vanish after the count: the missing ones are NULL, and the model
   * tells its views soon after, not from inside get_item(). */
  backend.n_rows = 900;
  row = g_list_model_get_item (G_LIST_MODEL (model), 950);
  g_assert_null (row);
  g_assert_cmpuint (record[3], ==, 0);

  while (record[3] < 2)
    g_main_context_iteration (context, TRUE);
  g_assert_cmpuint (record[1], ==, 0);
  g_assert_cmpuint (record[2], ==, 900);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 900);
}

static void
test_paged_model_errors (void)
{
  Backend backend = { .n_rows = N_ROWS, .fail_count = TRUE };
  g_autoptr(PhPagedModel) model = make_model (&backend);
  const GError *error;

  /* A failed count is an empty list that says why. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  error = ph_paged_model_get_error (model);
  g_assert_error ((GError *) error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE);

  backend.fail_count = FALSE;
  ph_paged_model_reload (model);
  g_assert_null (ph_paged_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_ROWS);

  /* A failed page is no row, and the model says why. */
  backend.fail_fetch = TRUE;
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 10));
  error = ph_paged_model_get_error (model);
  g_assert_error ((GError *) error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE);

  backend.fail_fetch = FALSE;
  g_assert_cmpuint (row_value (G_LIST_MODEL (model), 10), ==, 10);
}

static void
free_counter (gpointer data)
{
  (*(guint *) data)++;
}

static guint
counter_count (gpointer  user_data,
               GError  **error)
{
  return 3;
}

static GPtrArray *
counter_fetch (gpointer  user_data,
               guint     offset,
               guint     limit,
               GError  **error)
{
  return g_ptr_array_new ();
}

static void
test_paged_model_frees_user_data (void)
{
  guint freed = 0;
  PhPagedModel *model = ph_paged_model_new (TEST_TYPE_ROW, counter_count, counter_fetch,
                                            &freed, free_counter);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_object_unref (model);
  g_assert_cmpuint (freed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);

  g_test_add_func ("/phananh/paged-model/counts-without-reading",
                   test_paged_model_counts_without_reading);
  g_test_add_func ("/phananh/paged-model/reads-one-page", test_paged_model_reads_one_page);
  g_test_add_func ("/phananh/paged-model/agrees-with-backend",
                   test_paged_model_agrees_with_backend);
  g_test_add_func ("/phananh/paged-model/random-access", test_paged_model_random_access);
  g_test_add_func ("/phananh/paged-model/keeps-recent-pages",
                   test_paged_model_keeps_recent_pages);
  g_test_add_func ("/phananh/paged-model/reload", test_paged_model_reload);
  g_test_add_func ("/phananh/paged-model/shrinks-under-reader",
                   test_paged_model_shrinks_under_reader);
  g_test_add_func ("/phananh/paged-model/errors", test_paged_model_errors);
  g_test_add_func ("/phananh/paged-model/frees-user-data", test_paged_model_frees_user_data);

  return g_test_run ();
}
