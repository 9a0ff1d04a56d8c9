/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A window showing one screenshot large, with zoom: the evidence a clerk
 * must read (a sender's number, the time of a call) is often small print. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-image-viewer.h"
#include "ph-launch.h"

#define ZOOM_MIN  0.1
#define ZOOM_MAX  8.0
#define ZOOM_STEP 1.25

struct _PhImageViewer
{
  AdwWindow          parent_instance;

  GFile             *file;
  GdkTexture        *texture;
  GCancellable      *cancellable;
  double             zoom;
  double             gesture_start_zoom;

  AdwWindowTitle    *window_title;
  GtkLabel          *zoom_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkPicture        *picture;
  AdwStatusPage     *error_page;
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PhImageViewer, ph_image_viewer, ADW_TYPE_WINDOW)

/* The zoom the picture is shown at now: in fit mode, what fits. */
static double
ph_image_viewer_get_effective_zoom (PhImageViewer *self)
{
  double width, height;

  if (self->zoom != PH_IMAGE_VIEWER_ZOOM_FIT || self->texture == NULL)
    return self->zoom;

  width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  if (width <= 0 || height <= 0)
    return 1.0;

  return MIN (1.0, MIN (width / gdk_texture_get_width (self->texture),
                        height / gdk_texture_get_height (self->texture)));
}

static void
ph_image_viewer_update (PhImageViewer *self)
{
  g_autofree char *label = NULL;
  gboolean fit = self->zoom == PH_IMAGE_VIEWER_ZOOM_FIT;
  double zoom = ph_image_viewer_get_effective_zoom (self);
  int width = -1, height = -1;

  if (self->texture != NULL && !fit)
    {
      width = (int) (gdk_texture_get_width (self->texture) * zoom);
      height = (int) (gdk_texture_get_height (self->texture) * zoom);
    }

  /* Fitting is the viewport sizing the picture; zooming is the picture
   * sizing itself and the viewport scrolling over it. */
  gtk_scrolled_window_set_policy (self->scroller,
                                  fit ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  fit ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_picture_set_can_shrink (self->picture, fit);
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), width, height);
  gtk_widget_set_halign (GTK_WIDGET (self->picture), fit ? GTK_ALIGN_FILL : GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->picture), fit ? GTK_ALIGN_FILL : GTK_ALIGN_CENTER);

  /* Translators: a zoom level, e.g. "150 %" */
  label = g_strdup_printf (_("%d %%"), (int) (zoom * 100 + 0.5));
  gtk_label_set_label (self->zoom_label, label);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-in",
                                 self->texture != NULL && zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-out",
                                 self->texture != NULL && zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-original",
                                 self->texture != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-fit",
                                 self->texture != NULL && !fit);
}

static void
ph_image_viewer_loaded (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  PhImageViewer *self;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PH_IMAGE_VIEWER (source);
  if (texture == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->texture = g_steal_pointer (&texture);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->texture));
  gtk_stack_set_visible_child_name (self->stack, "image");
  ph_image_viewer_update (self);
}

static void
ph_image_viewer_load_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  GError *error = NULL;
  GdkTexture *texture;

  /* gdk_texture_new_from_file() is thread-safe: a large screenshot is
   * decoded here, not on the main thread. */
  texture = gdk_texture_new_from_file (G_FILE (task_data), &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
ph_image_viewer_load (PhImageViewer *self)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, self->cancellable, ph_image_viewer_loaded, NULL);
  g_task_set_source_tag (task, ph_image_viewer_load);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, ph_image_viewer_load_thread);
}

static void
ph_image_viewer_zoom_by (PhImageViewer *self,
                         double         factor)
{
  ph_image_viewer_set_zoom (self, ph_image_viewer_get_effective_zoom (self) * factor);
}

static void
ph_image_viewer_zoom_in (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ph_image_viewer_zoom_by (PH_IMAGE_VIEWER (widget), ZOOM_STEP);
}

static void
ph_image_viewer_zoom_out (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ph_image_viewer_zoom_by (PH_IMAGE_VIEWER (widget), 1.0 / ZOOM_STEP);
}

static void
ph_image_viewer_zoom_original (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ph_image_viewer_set_zoom (PH_IMAGE_VIEWER (widget), 1.0);
}

static void
ph_image_viewer_zoom_fit (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ph_image_viewer_set_zoom (PH_IMAGE_VIEWER (widget), PH_IMAGE_VIEWER_ZOOM_FIT);
}

static void
ph_image_viewer_open_external (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PhImageViewer *self = PH_IMAGE_VIEWER (widget);

  ph_launch_file (widget, self->file);
}

static gboolean
ph_image_viewer_scrolled (GtkEventControllerScroll *controller,
                          double                    dx,
                          double                    dy,
                          PhImageViewer            *self)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  ph_image_viewer_zoom_by (self, dy < 0 ? ZOOM_STEP : 1.0 / ZOOM_STEP);
  return TRUE;
}

static void
ph_image_viewer_zoom_begin (GtkGesture       *gesture,
                            GdkEventSequence *sequence,
                            PhImageViewer    *self)
{
  self->gesture_start_zoom = ph_image_viewer_get_effective_zoom (self);
}

static void
ph_image_viewer_zoom_changed (GtkGestureZoom *gesture,
                              double          scale,
                              PhImageViewer  *self)
{
  ph_image_viewer_set_zoom (self, self->gesture_start_zoom * scale);
}

static void
ph_image_viewer_size_changed (PhImageViewer *self)
{
  /* In fit mode the label follows the window's size. */
  if (self->zoom == PH_IMAGE_VIEWER_ZOOM_FIT)
    ph_image_viewer_update (self);
}

static void
ph_image_viewer_constructed (GObject *object)
{
  PhImageViewer *self = PH_IMAGE_VIEWER (object);

  G_OBJECT_CLASS (ph_image_viewer_parent_class)->constructed (object);

  ph_image_viewer_update (self);
  if (self->file != NULL)
    ph_image_viewer_load (self);
}

static void
ph_image_viewer_dispose (GObject *object)
{
  PhImageViewer *self = PH_IMAGE_VIEWER (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PH_TYPE_IMAGE_VIEWER);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (ph_image_viewer_parent_class)->dispose (object);
}

static void
ph_image_viewer_finalize (GObject *object)
{
  PhImageViewer *self = PH_IMAGE_VIEWER (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ph_image_viewer_parent_class)->finalize (object);
}

static void
ph_image_viewer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PhImageViewer *self = PH_IMAGE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_image_viewer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PhImageViewer *self = PH_IMAGE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_ZOOM:
      ph_image_viewer_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_image_viewer_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, ph_image_viewer_zoom_in);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL,
                                   ph_image_viewer_zoom_out);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-original", NULL,
                                   ph_image_viewer_zoom_original);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit", NULL,
                                   ph_image_viewer_zoom_fit);
  gtk_widget_class_install_action (widget_class, "viewer.open-external", NULL,
                                   ph_image_viewer_open_external);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "viewer.zoom-original", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "viewer.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "viewer.open-external", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ph_image_viewer_class_init (PhImageViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ph_image_viewer_constructed;
  object_class->dispose = ph_image_viewer_dispose;
  object_class->finalize = ph_image_viewer_finalize;
  object_class->get_property = ph_image_viewer_get_property;
  object_class->set_property = ph_image_viewer_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PhImageViewer:zoom:
   *
   * The scale the image is shown at (1 is one image pixel per screen
   * pixel), or %PH_IMAGE_VIEWER_ZOOM_FIT to fit it to the window.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.0, ZOOM_MAX, PH_IMAGE_VIEWER_ZOOM_FIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-image-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, PhImageViewer, window_title);
  gtk_widget_class_bind_template_child (widget_class, PhImageViewer, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, PhImageViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, PhImageViewer, scroller);
  gtk_widget_class_bind_template_child (widget_class, PhImageViewer, picture);
  gtk_widget_class_bind_template_child (widget_class, PhImageViewer, error_page);

  ph_image_viewer_class_actions_init (widget_class);
}

static void
ph_image_viewer_init (PhImageViewer *self)
{
  GtkEventController *scroll;
  GtkGesture *zoom;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->zoom = PH_IMAGE_VIEWER_ZOOM_FIT;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (ph_image_viewer_scrolled), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (ph_image_viewer_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (ph_image_viewer_zoom_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (zoom));

  /* The viewport's size is known once it is allocated: the adjustments say so. */
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                            G_CALLBACK (ph_image_viewer_size_changed), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                            G_CALLBACK (ph_image_viewer_size_changed), self);
}

/**
 * ph_image_viewer_new:
 * @parent: (nullable): the window it belongs to
 * @file: the image
 * @title: what to call it (its original file name)
 *
 * The image is read off the main thread once the viewer exists.
 *
 * Returns: (transfer full): a new viewer, not yet shown
 */
PhImageViewer *
ph_image_viewer_new (GtkWindow  *parent,
                     GFile      *file,
                     const char *title)
{
  PhImageViewer *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (PH_TYPE_IMAGE_VIEWER,
                       "file", file,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  adw_window_title_set_title (self->window_title, title);

  return self;
}

GFile *
ph_image_viewer_get_file (PhImageViewer *self)
{
  g_return_val_if_fail (PH_IS_IMAGE_VIEWER (self), NULL);

  return self->file;
}

/**
 * ph_image_viewer_get_texture:
 * @self: a #PhImageViewer
 *
 * Returns: (nullable): the image once it is loaded
 */
GdkTexture *
ph_image_viewer_get_texture (PhImageViewer *self)
{
  g_return_val_if_fail (PH_IS_IMAGE_VIEWER (self), NULL);

  return self->texture;
}

double
ph_image_viewer_get_zoom (PhImageViewer *self)
{
  g_return_val_if_fail (PH_IS_IMAGE_VIEWER (self), PH_IMAGE_VIEWER_ZOOM_FIT);

  return self->zoom;
}

/**
 * ph_image_viewer_set_zoom:
 * @self: a #PhImageViewer
 * @zoom: the scale, clamped to 10 %–800 %, or %PH_IMAGE_VIEWER_ZOOM_FIT
 */
void
ph_image_viewer_set_zoom (PhImageViewer *self,
                          double         zoom)
{
  g_return_if_fail (PH_IS_IMAGE_VIEWER (self));

  if (zoom != PH_IMAGE_VIEWER_ZOOM_FIT)
    zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);

  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  ph_image_viewer_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}
