/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The entries list of the window against a real store of 100 000 entries:
 * the model agrees with the store's own list, row for row, and reads only
 * the pages asked for. The store is filled with one INSERT … SELECT (its
 * triggers keep the sources and the search indexes as they would), which
 * takes seconds where the demo generator takes a minute. */

#include "config.h"

#include <adwaita.h>

#include "ph-entries-view.h"
#include "ph-entry-object.h"
#include "ph-paged-model.h"
#include "ph-store-entries.h"
#include "ph-store-private.h"
#include "ph-test-util.h"

#define N_ENTRIES 100000

static PhStore *
make_store (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("large");
  g_autoptr(GError) error = NULL;
  g_autoptr(PhDocument) document = ph_document_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
  PhEntry *entry = ph_entry_new ();
  PhStore *store;

  store = ph_store_open (dir, &error);
  g_assert_no_error (error);

  /* One entry made the ordinary way gives the document and the unit. */
  document->received_on = g_strdup ("2025-01-01");
  document->number = g_strdup ("1/UBND-VP");
  document->unit_name = g_strdup ("UBND xã Quảng Xương");
  entry->source_input = g_strdup ("0912 000 000");
  entry->category = PH_CATEGORY_SCAM;
  entry->channel = PH_CHANNEL_CALL;
  entry->content = g_strdup ("Gọi điện mạo danh công an");
  g_ptr_array_add (entries, entry);
  g_assert_cmpint (ph_store_create_document (store, document, entries, &error), >, 0);
  g_assert_no_error (error);

  /* The rest copy it with their own code, number and date. */
  g_assert_true (ph_store_exec (store,
    "BEGIN;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)"
    " INSERT INTO entries (code, document_id, unit_id, received_on, source_input, source_key,"
    "  source_e164, source_display, source_kind, network, category, channel, content,"
    "  created_at, updated_at)"
    " SELECT printf ('PA-2025-%06d', i + 1), e.document_id, e.unit_id,"
    "  date ('2025-01-01', printf ('+%d days', i % 700)),"
    "  printf ('0912%06d', i % 60000), printf ('+84912%06d', i % 60000),"
    "  printf ('+84912%06d', i % 60000),"
    "  printf ('0912 %03d %03d', (i % 60000) / 1000, i % 1000), 'mobile', 'VinaPhone',"
    "  CASE i % 3 WHEN 0 THEN 'scam' WHEN 1 THEN 'spam' ELSE 'threat' END, 'call',"
    "  'Gọi điện lừa đảo', e.created_at, e.updated_at"
    " FROM n, (SELECT * FROM entries LIMIT 1) e;"
    "COMMIT;", &error));
  g_assert_no_error (error);

  return store;
}

static void
test_entries_model_large (void)
{
  g_autoptr(PhStore) store = make_store ();
  GtkWidget *view = g_object_ref_sink (ph_entries_view_new ());
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  PhEntryFilter all = { 0, };
  PhPagedModel *model;
  guint page;

  ph_entries_view_set_store (PH_ENTRIES_VIEW (view), store);
  model = ph_entries_view_get_model (PH_ENTRIES_VIEW (view));
  page = ph_paged_model_get_page_size (model);

  /* Counted, not read: at most the first page, for the rows a view shows. */
  g_assert_cmpint (ph_store_count_entries (store, &all, NULL), ==, N_ENTRIES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_ENTRIES);
  g_assert_cmpuint (ph_paged_model_get_rows_read (model), <=, page);

  /* Row for row what the store lists at that place: the first, the last and
   * a hundred anywhere between. */
  for (guint i = 0; i < 102; i++)
    {
      guint position = i == 0 ? 0 : i == 1 ? N_ENTRIES - 1 : g_rand_int_range (rand, 0, N_ENTRIES);
      g_autoptr(PhEntryObject) item = g_list_model_get_item (G_LIST_MODEL (model), position);
      g_autoptr(GPtrArray) expected = NULL;

      expected = ph_store_list_entries (store, &all, PH_ENTRY_SORT_RECEIVED, TRUE, position, 1, NULL);
      g_assert_nonnull (item);
      g_assert_cmpuint (expected->len, ==, 1);
      g_assert_cmpint (ph_entry_object_get_entry (item)->id, ==,
                       ((PhEntry *) g_ptr_array_index (expected, 0))->id);
    }

  /* At most a page per lookup, far from the whole table, and only a few
   * pages held. */
  g_assert_cmpuint (ph_paged_model_get_rows_read (model), <=, 103 * page);
  g_assert_cmpuint (ph_paged_model_get_rows_read (model), <, N_ENTRIES / 2);
  g_assert_cmpuint (ph_paged_model_get_n_cached (model), <=,
                    PH_PAGED_MODEL_DEFAULT_MAX_PAGES * page);

  /* A search narrows it without reading it. */
  ph_entries_view_set_search_text (PH_ENTRIES_VIEW (view), "0912 001 234");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, 10);

  ph_entries_view_set_store (PH_ENTRIES_VIEW (view), NULL);
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phananh/entries-model/large", test_entries_model_large);

  return g_test_run ();
}
