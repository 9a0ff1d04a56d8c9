/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>

#include "ph-audit-object.h"
#include "ph-audit-view.h"
#include "ph-batches-view.h"
#include "ph-demo.h"
#include "ph-entries-view.h"
#include "ph-entry-detail.h"
#include "ph-entry-object.h"
#include "ph-evidence-gallery.h"
#include "ph-setup-dialog.h"
#include "ph-sign-in-dialog.h"
#include "ph-source-object.h"
#include "ph-sources-view.h"
#include "ph-store-entries.h"
#include "ph-store-sources.h"
#include "ph-store-users.h"
#include "ph-test-batches.h"
#include "ph-test-util.h"
#include "ph-window.h"

#define N_DEMO 250

/* One demo store for the tests that drive the window, made once. */
static char *demo_dir;
static guint n_demo;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
find_child (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* A template child by its id in the .ui. */
static gpointer
find_by_id (GtkWidget  *widget,
            const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return child;
      if ((found = find_by_id (child, id)) != NULL)
        return found;
    }

  return NULL;
}

static void
test_views_new_destroy (void)
{
  GType types[] = { PH_TYPE_ENTRIES_VIEW, PH_TYPE_SOURCES_VIEW, PH_TYPE_AUDIT_VIEW,
                    PH_TYPE_ENTRY_DETAIL, PH_TYPE_BATCHES_VIEW };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *view = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (view, types[i]));
      /* Without a store each shows its empty state. */
      g_assert_nonnull (find_child (view, ADW_TYPE_STATUS_PAGE));
      g_object_unref (view);
    }
}

static const char *
visible_view (GtkWidget *window)
{
  AdwViewStack *stack = find_by_id (window, "view_stack");

  return adw_view_stack_get_visible_child_name (stack);
}

static PhWindow *open_demo_window (void);

static void
test_window_switches_views (void)
{
  GtkWidget *window = GTK_WIDGET (open_demo_window ());
  const char *expected[] = { "entries", "sources", "batches", "audit" };

  g_assert_cmpstr (visible_view (window), ==, "entries");
  for (guint i = G_N_ELEMENTS (expected); i > 0; i--)
    {
      g_assert_true (gtk_widget_activate_action (window, "win.show-view", "u", i - 1));
      g_assert_cmpstr (visible_view (window), ==, expected[i - 1]);
    }

  /* A key with no view behind it changes nothing. */
  gtk_widget_activate_action (window, "win.show-view", "u", 8);
  g_assert_cmpstr (visible_view (window), ==, "entries");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_store_error (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("not-a-folder");
  g_autofree char *file = g_build_filename (dir, "store", NULL);
  GtkWidget *window;
  GtkStack *main_stack;
  AdwStatusPage *page;
  const char *description;

  /* A file where the store's folder should be cannot hold a store. */
  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  window = GTK_WIDGET (ph_window_new (NULL, file));
  main_stack = find_by_id (window, "main_stack");
  g_assert_nonnull (main_stack);
  g_assert_cmpstr (ph_window_get_data_dir (PH_WINDOW (window)), ==, file);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "error");

  page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (main_stack));
  description = adw_status_page_get_description (page);
  g_assert_nonnull (strstr (description, file));
  g_assert_nonnull (strstr (description, "--data-dir"));

  /* The views cannot be reached while there is no store. */
  gtk_widget_activate_action (window, "win.show-view", "u", 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "error");

  /* Once the folder is usable, trying again opens the store, which shows
   * nothing until somebody signs in. */
  g_assert_cmpint (g_unlink (file), ==, 0);
  g_assert_true (gtk_widget_activate_action (window, "win.reopen", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "signed-out");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_new_destroy (void)
{
  GtkWidget *window = g_object_new (PH_TYPE_WINDOW, NULL);

  g_assert_true (PH_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Phananh");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_remembers_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  GtkWidget *window;
  int width, height;

  g_settings_set (settings, "window-size", "(ii)", 900, 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = g_object_new (PH_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  /* Only a realized window is closed (and so saves its state). */
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_window_close (GTK_WINDOW (window));

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static const char *
get_demo_dir (void)
{
  g_autoptr(PhStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (demo_dir != NULL)
    return demo_dir;

  demo_dir = ph_test_make_tmp_dir ("demo");
  store = ph_store_open (demo_dir, &error);
  g_assert_no_error (error);
  ph_demo_fill (store, N_DEMO, 7, PH_DEMO_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ph_test_set_up_accounts (store);
  {
    PhEntryFilter all = { 0, };

    /* The demo ends on a whole document, so it may make a few more. */
    n_demo = (guint) ph_store_count_entries (store, &all, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_demo, >=, N_DEMO);
  }
  ph_store_close (store);

  return demo_dir;
}

/* A window on the demo store with its clerk signed in. */
static PhWindow *
open_demo_window (void)
{
  PhWindow *window = ph_window_new (NULL, get_demo_dir ());
  g_autoptr(PhUser) user = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (ph_window_get_store (window));
  user = ph_store_sign_in (ph_window_get_store (window), "lan", PH_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  return window;
}

/* Before anybody signs in the window shows nothing of the store, and the
 * views come back when somebody does. */
static void
test_window_signed_out (void)
{
  PhWindow *window = ph_window_new (NULL, get_demo_dir ());
  GtkStack *main_stack = find_by_id (GTK_WIDGET (window), "main_stack");
  PhStore *store = ph_window_get_store (window);
  g_autoptr(PhUser) user = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "signed-out");

  user = ph_store_sign_in (store, "lan", PH_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "views");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL));
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "signed-out");

  gtk_window_destroy (GTK_WINDOW (window));
}

static const PhEntry *
entry_at (GListModel *model,
          guint       position)
{
  g_autoptr(PhEntryObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  /* The list items stay alive in the model's page cache. */
  return ph_entry_object_get_entry (item);
}

static guint
n_items (PhEntriesView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ph_entries_view_get_model (view)));
}

static void
test_entries_list (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  PhPagedModel *model = ph_entries_view_get_model (view);
  PhEntryFilter all = { 0, };
  g_autoptr(GPtrArray) first = NULL;

  g_assert_cmpuint (n_items (view), ==, n_demo);
  g_assert_cmpint (ph_store_count_entries (ph_window_get_store (window), &all, NULL), ==, n_demo);

  /* The list shows what the store lists, newest received first, and reads
   * only the pages on screen. */
  first = ph_store_list_entries (ph_window_get_store (window), &all, PH_ENTRY_SORT_RECEIVED, TRUE,
                                 0, 10, NULL);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpint (entry_at (G_LIST_MODEL (model), i)->id, ==,
                     ((PhEntry *) g_ptr_array_index (first, i))->id);
  g_assert_cmpuint (ph_paged_model_get_rows_read (model), <=, 2 * ph_paged_model_get_page_size (model));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The list as filtered, as CSV, written off the main thread. */
static void
test_entries_export_csv (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  g_autofree char *dir = ph_test_make_tmp_dir ("csv");
  g_autofree char *path = g_build_filename (dir, "danh-sach.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) records = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint n, n_records = 0;

  ph_entries_view_set_category_filter (view, PH_CATEGORY_SCAM);
  n = n_items (view);
  g_assert_cmpuint (n, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "entries.export-csv-to", "s",
                                             path));
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  records = g_strsplit (text + 3, "\r\n", -1);
  for (guint i = 0; records[i] != NULL; i++)
    if (*records[i] != '\0')
      n_records++;
  g_assert_cmpuint (n_records, ==, n + 1);
  for (guint i = 1; i <= n; i++)
    g_assert_nonnull (strstr (records[i], ",Scam,"));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
test_entries_search (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  GListModel *model = G_LIST_MODEL (ph_entries_view_get_model (view));
  g_autofree char *digits = NULL;
  g_autofree char *display = NULL;
  guint n;

  /* The digits of one number, written without its spaces, find it. */
  display = g_strdup (entry_at (model, 0)->source_display);
  {
    GString *all = g_string_new (NULL);

    for (const char *p = display; *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        g_string_append_c (all, *p);
    digits = g_string_free (all, FALSE);
  }
  g_assert_cmpuint (strlen (digits), >=, 6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ph_entries_view_set_search_text (view, digits);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_demo);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (entry_at (model, i)->source_display, ==, display);

  /* Nothing found is a page that says so, not an empty table. */
  ph_entries_view_set_search_text (view, "khong-co-dau-ca-zzz");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  ph_entries_view_set_search_text (view, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_demo);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entries_filter (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  GListModel *model = G_LIST_MODEL (ph_entries_view_get_model (view));
  const PhEntry *last;
  g_autofree char *day = NULL;
  guint n;

  ph_entries_view_set_category_filter (view, PH_CATEGORY_SCAM);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_demo);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (entry_at (model, i)->category, ==, PH_CATEGORY_SCAM);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "entries.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_demo);

  /* A date range: only the day of the oldest entry. */
  last = entry_at (model, n_demo - 1);
  day = g_strdup (last->received_on);
  ph_entries_view_set_date_filter (view, day, day);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_demo);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (entry_at (model, i)->received_on, ==, day);

  /* Filters add up. */
  ph_entries_view_set_status_filter (view, PH_ENTRY_STATUS_REJECTED);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_assert_cmpint (entry_at (model, i)->status, ==, PH_ENTRY_STATUS_REJECTED);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entries_sort (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  GListModel *model = G_LIST_MODEL (ph_entries_view_get_model (view));
  gboolean descending = FALSE;

  g_assert_cmpint (ph_entries_view_get_sort (view, &descending), ==, PH_ENTRY_SORT_RECEIVED);
  g_assert_true (descending);

  /* Clicking a header is sorting by its column: the store's SQL order. */
  ph_entries_view_sort_by (view, PH_ENTRY_SORT_SOURCE, FALSE);
  g_assert_cmpint (ph_entries_view_get_sort (view, &descending), ==, PH_ENTRY_SORT_SOURCE);
  g_assert_false (descending);
  for (guint i = 1; i < n_demo; i++)
    g_assert_cmpstr (entry_at (model, i - 1)->source_key, <=, entry_at (model, i)->source_key);

  ph_entries_view_sort_by (view, PH_ENTRY_SORT_SOURCE, TRUE);
  g_assert_cmpint (ph_entries_view_get_sort (view, &descending), ==, PH_ENTRY_SORT_SOURCE);
  g_assert_true (descending);
  for (guint i = 1; i < n_demo; i++)
    g_assert_cmpstr (entry_at (model, i - 1)->source_key, >=, entry_at (model, i)->source_key);

  ph_entries_view_sort_by (view, PH_ENTRY_SORT_CODE, FALSE);
  for (guint i = 1; i < n_demo; i++)
    g_assert_cmpstr (entry_at (model, i - 1)->code, <, entry_at (model, i)->code);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const PhEntry *
select_first_received (PhEntriesView *view)
{
  GListModel *model = G_LIST_MODEL (ph_entries_view_get_model (view));
  PhEntryDetail *detail = ph_entries_view_get_detail (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (entry_at (model, i)->status == PH_ENTRY_STATUS_RECEIVED &&
        entry_at (model, i)->evidence_count > 1)
      {
        ph_entries_view_select (view, i);
        g_assert_nonnull (ph_entry_detail_get_entry (detail));
        g_assert_cmpint (ph_entry_detail_get_entry (detail)->id, ==, entry_at (model, i)->id);
        return ph_entry_detail_get_entry (detail);
      }

  g_assert_not_reached ();
  return NULL;
}

static void
test_entries_detail (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  PhEntryDetail *detail = ph_entries_view_get_detail (view);
  PhStore *store = ph_window_get_store (window);
  const PhEntry *entry;
  gint64 others;

  g_assert_null (ph_entry_detail_get_entry (detail));
  entry = select_first_received (view);

  /* All of it: the evidence in the gallery, the history, the other entries. */
  g_assert_cmpuint (ph_evidence_gallery_get_n_items (ph_entry_detail_get_gallery (detail)), ==,
                    entry->evidence->len);
  g_assert_cmpuint (ph_entry_detail_get_n_history (detail), >=, 1);
  others = ph_store_count_other_entries (store, entry->source_key, entry->id, NULL);
  g_assert_cmpint (ph_entry_detail_get_other_count (detail), ==, others);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entries_verify (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  PhEntryDetail *detail = ph_entries_view_get_detail (view);
  PhStore *store = ph_window_get_store (window);
  g_autoptr(PhEntry) stored = NULL;
  GtkMediaStream *stream;
  gint64 id, audit_before;
  guint history_before;

  id = select_first_received (view)->id;
  audit_before = ph_store_count_audit (store, NULL);
  history_before = ph_entry_detail_get_n_history (detail);

  /* A recording being listened to keeps playing through the change. */
  stream = NULL;
  for (guint i = 0; i < ph_entry_detail_get_entry (detail)->evidence->len; i++)
    {
      const PhEvidence *evidence = g_ptr_array_index (ph_entry_detail_get_entry (detail)->evidence, i);

      if (evidence->kind == PH_EVIDENCE_KIND_AUDIO)
        {
          ph_evidence_gallery_open (ph_entry_detail_get_gallery (detail), i);
          stream = ph_evidence_gallery_get_media_stream (ph_entry_detail_get_gallery (detail));
          break;
        }
    }
  g_assert_nonnull (stream);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "entries.verify", NULL));
  g_assert_true (ph_evidence_gallery_get_media_stream (ph_entry_detail_get_gallery (detail)) ==
                 stream);

  stored = ph_store_get_entry (store, id, NULL);
  g_assert_cmpint (stored->status, ==, PH_ENTRY_STATUS_VERIFIED);
  g_assert_cmpint (ph_store_count_audit (store, NULL), ==, audit_before + 1);

  /* The pane shows the new status and the new line of history at once. */
  g_assert_cmpint (ph_entry_detail_get_entry (detail)->id, ==, id);
  g_assert_cmpint (ph_entry_detail_get_entry (detail)->status, ==, PH_ENTRY_STATUS_VERIFIED);
  g_assert_cmpuint (ph_entry_detail_get_n_history (detail), ==, history_before + 1);

  /* A verified entry cannot be verified again, but can be reopened. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "entries.verify", NULL) &&
                  ph_store_count_audit (store, NULL) != audit_before + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "entries.reopen", NULL));
  g_clear_pointer (&stored, ph_entry_free);
  stored = ph_store_get_entry (store, id, NULL);
  g_assert_cmpint (stored->status, ==, PH_ENTRY_STATUS_RECEIVED);

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
test_entries_reject (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  PhStore *store = ph_window_get_store (window);
  g_autoptr(PhEntry) stored = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *reason;
  gint64 id;

  id = select_first_received (view)->id;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "entries.reject", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);

  /* No reason, no rejection. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reject"));
  reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (reason, "số chính thức của cơ quan");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reject"));
  adw_message_dialog_response (dialog, "reject");
  gtk_window_destroy (GTK_WINDOW (dialog));

  stored = ph_store_get_entry (store, id, NULL);
  g_assert_cmpint (stored->status, ==, PH_ENTRY_STATUS_REJECTED);
  g_assert_cmpstr (stored->reject_reason, ==, "số chính thức của cơ quan");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entries_copy_message (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autofree char *expected = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  const PhEntry *entry;

  entry = select_first_received (view);
  expected = ph_entries_view_dup_message (entry);
  g_assert_nonnull (expected);
  g_assert_true (g_str_has_prefix (expected, "LD ") || g_str_has_prefix (expected, "V ") ||
                 g_str_has_prefix (expected, "S "));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "entries.copy-message", NULL));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entries_show_source (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  PhEntryDetail *detail = ph_entries_view_get_detail (view);
  GListModel *model = G_LIST_MODEL (ph_entries_view_get_model (view));
  g_autofree char *key = NULL;
  guint i;

  /* Find an entry whose source was reported more than once. */
  for (i = 0; i < n_demo; i++)
    {
      ph_entries_view_select (view, i);
      if (ph_entry_detail_get_other_count (detail) > 0)
        break;
    }
  g_assert_cmpuint (i, <, n_demo);
  key = g_strdup (ph_entry_detail_get_entry (detail)->source_key);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "entries.show-source", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    ph_entry_detail_get_other_count (detail) + 1);
  for (i = 0; i < g_list_model_get_n_items (model); i++)
    g_assert_cmpstr (entry_at (model, i)->source_key, ==, key);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "entries.clear-source", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_demo);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_start_options (void)
{
  PhWindow *window = open_demo_window ();
  PhEntriesView *view = ph_window_get_entries_view (window);
  PhEntryDetail *detail = ph_entries_view_get_detail (view);
  g_autofree char *names = ph_window_dup_view_names (window);
  g_autofree char *code = NULL;

  /* --view and --entry of the command line. */
  g_assert_nonnull (strstr (names, "entries"));
  g_assert_nonnull (strstr (names, "audit"));
  g_assert_true (ph_window_show_view_named (window, "sources"));
  g_assert_cmpstr (visible_view (GTK_WIDGET (window)), ==, "sources");
  g_assert_false (ph_window_show_view_named (window, "no-such-view"));
  g_assert_cmpstr (visible_view (GTK_WIDGET (window)), ==, "sources");

  code = g_strdup (entry_at (G_LIST_MODEL (ph_entries_view_get_model (view)), 5)->code);
  g_assert_true (ph_window_show_entry_code (window, code));
  g_assert_cmpstr (visible_view (GTK_WIDGET (window)), ==, "entries");
  g_assert_cmpstr (ph_entry_detail_get_entry (detail)->code, ==, code);
  g_assert_false (ph_window_show_entry_code (window, "PA-1999-999999"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sources_view (void)
{
  PhWindow *window = open_demo_window ();
  PhSourcesView *view = find_child (GTK_WIDGET (window), PH_TYPE_SOURCES_VIEW);
  PhStore *store = ph_window_get_store (window);
  GListModel *model = ph_sources_view_get_model (view);
  g_autoptr(PhSourceObject) first = NULL;
  const PhSource *source;

  g_assert_cmpint (g_list_model_get_n_items (model), ==, ph_store_count_sources (store, NULL));

  /* Selecting a source lists its entries; the button takes them to the Entries view. */
  first = g_list_model_get_item (model, 0);
  source = ph_source_object_get_source (first);
  ph_sources_view_select (view, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ph_sources_view_get_entries_model (view)), ==,
                    source->entry_count);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "sources.show-entries", NULL));
  g_assert_cmpstr (visible_view (GTK_WIDGET (window)), ==, "entries");
  g_assert_cmpuint (n_items (ph_window_get_entries_view (window)), ==, source->entry_count);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_audit_view (void)
{
  PhWindow *window = open_demo_window ();
  PhAuditView *view = find_child (GTK_WIDGET (window), PH_TYPE_AUDIT_VIEW);
  PhStore *store = ph_window_get_store (window);
  GListModel *model = ph_audit_view_get_model (view);
  g_autoptr(PhAuditObject) newest = NULL;
  g_autoptr(PhAuditObject) older = NULL;
  g_autofree char *what = NULL;

  g_assert_cmpint (g_list_model_get_n_items (model), ==, ph_store_count_audit (store, NULL));

  /* Newest first, in words. */
  newest = g_list_model_get_item (model, 0);
  older = g_list_model_get_item (model, 1);
  g_assert_cmpint (ph_audit_object_get_row (newest)->id, >, ph_audit_object_get_row (older)->id);
  g_object_get (newest, "what", &what, NULL);
  g_assert_false (g_str_has_prefix (what, "{"));
  g_assert_cmpstr (what, !=, ph_audit_object_get_row (newest)->action);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* A new store asks for the agency and the first administrator; signing out
 * asks for a password again. */
static void
test_window_session (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("session");
  GtkWidget *window = GTK_WIDGET (ph_window_new (NULL, dir));
  GtkWindow *setup, *sign_in;
  GtkWidget *user_button;

  gtk_window_present (GTK_WINDOW (window));
  drain ();
  setup = find_toplevel (PH_TYPE_SETUP_DIALOG);
  g_assert_nonnull (setup);
  user_button = find_by_id (window, "user_button");
  g_assert_false (gtk_widget_get_visible (user_button));

  gtk_editable_set_text (find_by_id (GTK_WIDGET (setup), "parent_row"), "UBND TỈNH THANH HÓA");
  gtk_editable_set_text (find_by_id (GTK_WIDGET (setup), "place_row"), "Thanh Hóa");
  gtk_editable_set_text (find_by_id (GTK_WIDGET (setup), "name_row"), "Quản trị viên");
  gtk_editable_set_text (find_by_id (GTK_WIDGET (setup), "password_row"), "quan-tri-123");
  gtk_editable_set_text (find_by_id (GTK_WIDGET (setup), "confirm_row"), "quan-tri-123");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (setup), "setup.submit", NULL));
  drain ();
  g_assert_null (find_toplevel (PH_TYPE_SETUP_DIALOG));
  g_assert_true (gtk_widget_get_visible (user_button));

  g_assert_true (gtk_widget_activate_action (window, "win.sign-out", NULL));
  drain ();
  g_assert_false (gtk_widget_get_visible (user_button));
  sign_in = find_toplevel (PH_TYPE_SIGN_IN_DIALOG);
  g_assert_nonnull (sign_in);
  gtk_editable_set_text (find_by_id (GTK_WIDGET (sign_in), "password_row"), "quan-tri-123");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sign_in), "sign-in.submit", NULL));
  drain ();
  g_assert_true (gtk_widget_get_visible (user_button));

  /* A clerk's workstation set to stay signed in opens signed in, without asking. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PhUser) clerk = ph_user_new ();
    g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
    GtkWidget *second;

    clerk->login = g_strdup ("lan");
    clerk->full_name = g_strdup ("Nguyễn Thị Lan");
    clerk->role = PH_ROLE_CLERK;
    g_assert_cmpint (ph_store_create_user (ph_window_get_store (PH_WINDOW (window)), clerk,
                                           "chuyen-vien-1", &error), >, 0);
    g_assert_no_error (error);
    g_settings_set_string (settings, "stay-signed-in-as", "lan");

    second = GTK_WIDGET (ph_window_new (NULL, dir));
    gtk_window_present (GTK_WINDOW (second));
    drain ();
    g_assert_null (find_toplevel (PH_TYPE_SIGN_IN_DIALOG));
    g_assert_cmpstr (ph_store_get_user (ph_window_get_store (PH_WINDOW (second)))->login, ==,
                     "lan");
    g_assert_true (gtk_widget_get_visible (find_by_id (second, "user_button")));

    /* signing out forgets it */
    g_assert_true (gtk_widget_activate_action (second, "win.sign-out", NULL));
    drain ();
    {
      g_autofree char *kept = g_settings_get_string (settings, "stay-signed-in-as");

      g_assert_cmpstr (kept, ==, "");
    }
    g_assert_nonnull (find_toplevel (PH_TYPE_SIGN_IN_DIALOG));
    gtk_window_destroy (GTK_WINDOW (second));
    g_settings_reset (settings, "stay-signed-in-as");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phananh/window/new-destroy", test_window_new_destroy);
  g_test_add_func ("/phananh/window/remembers-size", test_window_remembers_size);
  g_test_add_func ("/phananh/window/views-new-destroy", test_views_new_destroy);
  g_test_add_func ("/phananh/window/switches-views", test_window_switches_views);
  g_test_add_func ("/phananh/window/store-error", test_window_store_error);
  g_test_add_func ("/phananh/window/signed-out", test_window_signed_out);
  g_test_add_func ("/phananh/window/session", test_window_session);
  g_test_add_func ("/phananh/window/entries-list", test_entries_list);
  g_test_add_func ("/phananh/window/entries-export-csv", test_entries_export_csv);
  g_test_add_func ("/phananh/window/entries-search", test_entries_search);
  g_test_add_func ("/phananh/window/entries-filter", test_entries_filter);
  g_test_add_func ("/phananh/window/entries-sort", test_entries_sort);
  g_test_add_func ("/phananh/window/entries-detail", test_entries_detail);
  g_test_add_func ("/phananh/window/entries-verify", test_entries_verify);
  g_test_add_func ("/phananh/window/entries-reject", test_entries_reject);
  g_test_add_func ("/phananh/window/entries-copy-message", test_entries_copy_message);
  g_test_add_func ("/phananh/window/entries-show-source", test_entries_show_source);
  g_test_add_func ("/phananh/window/start-options", test_window_start_options);
  g_test_add_func ("/phananh/window/sources-view", test_sources_view);
  g_test_add_func ("/phananh/window/audit-view", test_audit_view);

  return g_test_run ();
}
