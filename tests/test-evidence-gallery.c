/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The evidence gallery and the image viewer, on real files: a PNG
 * screenshot, a WAV recording and a PDF. */

#include "config.h"

#include <adwaita.h>

#include "ph-evidence-gallery.h"
#include "ph-image-viewer.h"
#include "ph-test-util.h"

static void
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static GFile *
make_png (const char *dir,
          const char *name,
          int         width,
          int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GFile *
make_wav (const char *dir,
          const char *name)
{
  /* Half a second of silence, 8 kHz mono 16-bit: a minimal valid RIFF file. */
  guint32 rate = 8000, samples = 4000, data_size = samples * 2;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  guint32 u32;
  guint16 u16;

#define PUT(x) g_byte_array_append (bytes, (const guint8 *) (x), sizeof *(x))
  g_byte_array_append (bytes, (const guint8 *) "RIFF", 4);
  u32 = GUINT32_TO_LE (36 + data_size); PUT (&u32);
  g_byte_array_append (bytes, (const guint8 *) "WAVEfmt ", 8);
  u32 = GUINT32_TO_LE (16); PUT (&u32);
  u16 = GUINT16_TO_LE (1); PUT (&u16);
  u16 = GUINT16_TO_LE (1); PUT (&u16);
  u32 = GUINT32_TO_LE (rate); PUT (&u32);
  u32 = GUINT32_TO_LE (rate * 2); PUT (&u32);
  u16 = GUINT16_TO_LE (2); PUT (&u16);
  u16 = GUINT16_TO_LE (16); PUT (&u16);
  g_byte_array_append (bytes, (const guint8 *) "data", 4);
  u32 = GUINT32_TO_LE (data_size); PUT (&u32);
#undef PUT
  g_byte_array_set_size (bytes, bytes->len + data_size);
  memset (bytes->data + bytes->len - data_size, 0, data_size);

  g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GFile *
make_file (const char *dir,
           const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static gboolean
has_thumbnails (gpointer data)
{
  return ph_evidence_gallery_get_n_thumbnails (data) >= 1;
}

static void
test_gallery_new_destroy (void)
{
  GtkWidget *gallery = g_object_ref_sink (ph_evidence_gallery_new ());

  g_assert_true (PH_IS_EVIDENCE_GALLERY (gallery));
  g_assert_cmpuint (ph_evidence_gallery_get_n_items (PH_EVIDENCE_GALLERY (gallery)), ==, 0);
  g_assert_false (ph_evidence_gallery_get_removable (PH_EVIDENCE_GALLERY (gallery)));
  g_object_unref (gallery);
}

static void
on_remove_requested (PhEvidenceGallery *gallery,
                     guint              index,
                     int               *requested)
{
  *requested = index;
}

static void
test_gallery_files (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("gallery");
  g_autoptr(GFile) png = make_png (dir, "zalo.png", 400, 800);
  g_autoptr(GFile) wav = make_wav (dir, "ghi-am.wav");
  g_autoptr(GFile) pdf = make_file (dir, "cong-van.pdf", "%PDF-1.4\n%%EOF\n");
  GtkWidget *window = gtk_window_new ();
  PhEvidenceGallery *gallery = PH_EVIDENCE_GALLERY (ph_evidence_gallery_new ());
  int requested = -1;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (gallery));
  g_signal_connect (gallery, "remove-requested", G_CALLBACK (on_remove_requested), &requested);

  ph_evidence_gallery_add (gallery, png, "image/png", "Ảnh chụp màn hình Zalo.png");
  ph_evidence_gallery_add (gallery, wav, "audio/x-wav", NULL);
  ph_evidence_gallery_add (gallery, pdf, "application/pdf", "Công văn 125.pdf");
  g_assert_cmpuint (ph_evidence_gallery_get_n_items (gallery), ==, 3);
  g_assert_true (ph_evidence_gallery_get_file (gallery, 1) == wav);
  gtk_window_present (GTK_WINDOW (window));

  /* Only the screenshot gets a thumbnail, made in a worker thread. */
  wait_for (has_thumbnails, gallery);
  g_assert_cmpuint (ph_evidence_gallery_get_n_thumbnails (gallery), ==, 1);

  /* A recording plays in the gallery's own player; closing stops it. */
  g_assert_null (ph_evidence_gallery_get_media_stream (gallery));
  ph_evidence_gallery_open (gallery, 1);
  g_assert_true (GTK_IS_MEDIA_FILE (ph_evidence_gallery_get_media_stream (gallery)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gallery), "gallery.close-player", NULL));
  g_assert_null (ph_evidence_gallery_get_media_stream (gallery));

  /* Removing is the owner's decision: the gallery only asks, and only
   * when it was made removable. */
  gtk_widget_activate_action (GTK_WIDGET (gallery), "gallery.remove", "u", 3);
  g_assert_cmpint (requested, ==, -1);
  ph_evidence_gallery_set_removable (gallery, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (gallery), "gallery.remove", "u", 3);
  g_assert_cmpint (requested, ==, 2);

  ph_evidence_gallery_open (gallery, 1);
  ph_evidence_gallery_remove (gallery, 1);
  g_assert_null (ph_evidence_gallery_get_media_stream (gallery));
  g_assert_cmpuint (ph_evidence_gallery_get_n_items (gallery), ==, 2);
  g_assert_true (ph_evidence_gallery_get_file (gallery, 1) == pdf);

  /* Removing a tile whose thumbnail is still being made is safe. */
  ph_evidence_gallery_add (gallery, png, "image/png", NULL);
  ph_evidence_gallery_remove (gallery, 2);
  ph_evidence_gallery_clear (gallery);
  g_assert_cmpuint (ph_evidence_gallery_get_n_items (gallery), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
viewer_loaded (gpointer data)
{
  return ph_image_viewer_get_texture (data) != NULL;
}

static void
test_image_viewer_zoom (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("viewer");
  g_autoptr(GFile) png = make_png (dir, "sms.png", 300, 600);
  PhImageViewer *viewer = ph_image_viewer_new (NULL, png, "sms.png");

  g_assert_true (ph_image_viewer_get_file (viewer) == png);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (viewer)), ==, "sms.png");
  gtk_window_present (GTK_WINDOW (viewer));
  wait_for (viewer_loaded, viewer);
  g_assert_cmpint (gdk_texture_get_width (ph_image_viewer_get_texture (viewer)), ==, 300);

  /* Fit first; then the zoom buttons' actions. */
  g_assert_true (ph_image_viewer_get_zoom (viewer) == PH_IMAGE_VIEWER_ZOOM_FIT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-original", NULL));
  g_assert_cmpfloat (ph_image_viewer_get_zoom (viewer), ==, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-in", NULL);
  g_assert_cmpfloat (ph_image_viewer_get_zoom (viewer), ==, 1.25);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-out", NULL);
  g_assert_cmpfloat (ph_image_viewer_get_zoom (viewer), ==, 0.8);
  ph_image_viewer_set_zoom (viewer, 100.0);
  g_assert_cmpfloat (ph_image_viewer_get_zoom (viewer), ==, 8.0);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-fit", NULL);
  g_assert_true (ph_image_viewer_get_zoom (viewer) == PH_IMAGE_VIEWER_ZOOM_FIT);

  gtk_window_destroy (GTK_WINDOW (viewer));
}

static gboolean
viewer_failed (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "error") == 0;
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

static void
test_image_viewer_broken_file (void)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("viewer");
  g_autoptr(GFile) broken = make_file (dir, "broken.png", "not an image");
  PhImageViewer *viewer = ph_image_viewer_new (NULL, broken, "broken.png");
  GtkStack *stack = find_child (GTK_WIDGET (viewer), GTK_TYPE_STACK);
  AdwStatusPage *page;

  /* The viewer says why instead of showing nothing. */
  gtk_window_present (GTK_WINDOW (viewer));
  wait_for (viewer_failed, stack);
  g_assert_null (ph_image_viewer_get_texture (viewer));
  page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack));
  g_assert_nonnull (adw_status_page_get_description (page));
  /* There is nothing to zoom. */
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-in", NULL);
  g_assert_true (ph_image_viewer_get_zoom (viewer) == PH_IMAGE_VIEWER_ZOOM_FIT);

  gtk_window_destroy (GTK_WINDOW (viewer));
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phananh/evidence-gallery/new-destroy", test_gallery_new_destroy);
  g_test_add_func ("/phananh/evidence-gallery/files", test_gallery_files);
  g_test_add_func ("/phananh/evidence-gallery/viewer-zoom", test_image_viewer_zoom);
  g_test_add_func ("/phananh/evidence-gallery/viewer-broken-file", test_image_viewer_broken_file);

  return g_test_run ();
}
