/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include <glib/gstdio.h>

#include "ph-audit-view.h"
#include "ph-entries-view.h"
#include "ph-sources-view.h"
#include "ph-test-util.h"
#include "ph-window.h"

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
  GType types[] = { PH_TYPE_ENTRIES_VIEW, PH_TYPE_SOURCES_VIEW, PH_TYPE_AUDIT_VIEW };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *view = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (view, types[i]));
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

static void
test_window_switches_views (void)
{
  GtkWidget *window = GTK_WIDGET (ph_window_new (NULL, NULL));
  const char *expected[] = { "entries", "sources", "audit" };

  gtk_window_present (GTK_WINDOW (window));
  drain ();

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

  /* Once the folder is usable, trying again opens the views. */
  g_assert_cmpint (g_unlink (file), ==, 0);
  g_assert_true (gtk_widget_activate_action (window, "win.reopen", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "views");

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

  return g_test_run ();
}
