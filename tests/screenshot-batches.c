/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pictures of the Batches view for the documentation (build-aux/screenshot-batches):
 *
 *   [PHANANH_LOCALEDIR=DIR] screenshot-batches DATA_DIR LOGIN list|draft|approval OUT.png [WxH]
 *
 * Signs in to a demo store (password PH_DEMO_PASSWORD) as LOGIN, shows the
 * Batches view — with the first draft, or the first batch awaiting approval,
 * selected — in a window like the main one, and renders it to OUT.png. The
 * application itself always asks for a password, so it cannot be driven there. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "ph-batches-view.h"
#include "ph-demo-batches.h"
#include "ph-store-batches.h"
#include "ph-store-users.h"

static const char *out_path;
static GtkWidget *window;
static int status = 1;

static gboolean
take_picture (gpointer user_data)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (gdk_texture_save_to_png (texture, out_path))
    status = 0;
  else
    g_printerr ("could not write %s\n", out_path);
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static gint64
first_batch_in (PhStore      *store,
                PhBatchState  state)
{
  g_autoptr(GPtrArray) batches = ph_store_list_batches (store, state, NULL);

  return batches != NULL && batches->len > 0 ? ((PhBatch *) batches->pdata[0])->id : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhStore) store = NULL;
  g_autoptr(PhUser) user = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *box, *header, *view;
  int width = 1200, height = 780;

  setlocale (LC_ALL, "");
  /* The translations of an uninstalled build, when given. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PHANANH_LOCALEDIR") != NULL
                                   ? g_getenv ("PHANANH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 5)
    {
      g_printerr ("usage: %s DATA_DIR LOGIN list|draft|approval OUT.png [WIDTHxHEIGHT]\n", argv[0]);
      return 2;
    }
  out_path = argv[4];
  if (argc > 5 && sscanf (argv[5], "%dx%d", &width, &height) != 2)
    return 2;

  adw_init ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  store = ph_store_open (argv[1], &error);
  if (store != NULL)
    user = ph_store_sign_in (store, argv[2], PH_DEMO_PASSWORD, &error);
  if (user == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Phananh", user->full_name));
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  view = ph_batches_view_new ();
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  gtk_window_set_child (GTK_WINDOW (window), box);
  ph_batches_view_set_store (PH_BATCHES_VIEW (view), store);

  if (g_str_equal (argv[3], "draft"))
    gtk_widget_activate_action (view, "batches.select", "x",
                                first_batch_in (store, PH_BATCH_STATE_DRAFT));
  else if (g_str_equal (argv[3], "approval"))
    gtk_widget_activate_action (view, "batches.select", "x",
                                first_batch_in (store, PH_BATCH_STATE_SUBMITTED));

  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (1500, take_picture, NULL);
  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);
  return status;
}
