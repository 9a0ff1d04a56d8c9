/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The evidence of an entry as tiles: a thumbnail for a screenshot (made off
 * the main thread), an icon for a recording, a video or a document. A tile
 * opens a screenshot in the image viewer, plays a recording or a video in
 * the player under the tiles, and opens anything else with the desktop's
 * application. The detail pane and the intake dialog both use it. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-evidence-gallery.h"
#include "ph-image-viewer.h"
#include "ph-launch.h"

#define THUMBNAIL_WIDTH  136
#define THUMBNAIL_HEIGHT 102

typedef enum
{
  KIND_IMAGE,
  KIND_AUDIO,
  KIND_VIDEO,
  KIND_DOCUMENT,
  KIND_OTHER,
} Kind;

typedef struct
{
  guint         id;
  GFile        *file;
  char         *mime;
  char         *title;
  Kind          kind;
  GCancellable *cancellable;
  GtkWidget    *tile;
  GtkStack     *preview;
  GtkPicture   *thumbnail;
  GtkLabel     *caption;
} Item;

struct _PhEvidenceGallery
{
  GtkWidget        parent_instance;

  GPtrArray       *items;
  guint            last_id;
  gboolean         removable;
  guint            n_thumbnails;
  guint            playing_id;
  GtkMediaStream  *stream;

  GtkFlowBox      *flow_box;
  GtkRevealer     *player_revealer;
  GtkImage        *player_icon;
  GtkLabel        *player_title;
  GtkPicture      *video_picture;
  GtkLabel        *player_error;
  GtkMediaControls *media_controls;
};

enum {
  PROP_0,
  PROP_REMOVABLE,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PhEvidenceGallery, ph_evidence_gallery, GTK_TYPE_WIDGET)

static void
item_free (gpointer data)
{
  Item *item = data;

  g_cancellable_cancel (item->cancellable);
  g_clear_object (&item->cancellable);
  g_clear_object (&item->file);
  g_clear_pointer (&item->mime, g_free);
  g_clear_pointer (&item->title, g_free);
  g_free (item);
}

static Kind
kind_from_mime (const char *mime)
{
  if (mime == NULL)
    return KIND_OTHER;
  if (g_str_has_prefix (mime, "image/"))
    return KIND_IMAGE;
  if (g_str_has_prefix (mime, "audio/"))
    return KIND_AUDIO;
  if (g_str_has_prefix (mime, "video/"))
    return KIND_VIDEO;
  if (g_str_equal (mime, "application/pdf"))
    return KIND_DOCUMENT;
  return KIND_OTHER;
}

static const char *
kind_icon (Kind kind)
{
  switch (kind)
    {
    case KIND_IMAGE:
      return "image-x-generic-symbolic";
    case KIND_AUDIO:
      return "audio-x-generic-symbolic";
    case KIND_VIDEO:
      return "video-x-generic-symbolic";
    case KIND_DOCUMENT:
      return "x-office-document-symbolic";
    case KIND_OTHER:
    default:
      return "text-x-generic-symbolic";
    }
}

static const char *
kind_label (Kind kind)
{
  switch (kind)
    {
    case KIND_IMAGE:
      return _("Screenshot");
    case KIND_AUDIO:
      return _("Recording");
    case KIND_VIDEO:
      return _("Video");
    case KIND_DOCUMENT:
      return _("Document");
    case KIND_OTHER:
    default:
      return _("File");
    }
}

static Item *
ph_evidence_gallery_find (PhEvidenceGallery *self,
                          guint              id,
                          guint             *index)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->id == id)
        {
          if (index != NULL)
            *index = i;
          return item;
        }
    }

  return NULL;
}

static Item *
ph_evidence_gallery_find_tile (PhEvidenceGallery *self,
                               GtkWidget         *tile,
                               guint             *index)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->tile == tile)
        {
          if (index != NULL)
            *index = i;
          return item;
        }
    }

  return NULL;
}

/* Thumbnails and sizes are read in a worker thread. */

typedef struct
{
  GdkPixbuf *pixbuf;
  goffset    size;
  gboolean   has_size;
} Preview;

static void
preview_free (gpointer data)
{
  Preview *preview = data;

  g_clear_object (&preview->pixbuf);
  g_free (preview);
}

/* What the worker needs, copied: the item itself may go while it runs. */
typedef struct
{
  GFile *file;
  Kind   kind;
} PreviewRequest;

static void
preview_request_free (gpointer data)
{
  PreviewRequest *request = data;

  g_clear_object (&request->file);
  g_free (request);
}

static void
ph_evidence_gallery_preview_thread (GTask        *task,
                                    gpointer      source_object,
                                    gpointer      task_data,
                                    GCancellable *cancellable)
{
  PreviewRequest *item = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  Preview *preview = g_new0 (Preview, 1);

  info = g_file_query_info (item->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL)
    {
      preview->size = g_file_info_get_size (info);
      preview->has_size = TRUE;
    }

  if (item->kind == KIND_IMAGE)
    stream = g_file_read (item->file, cancellable, NULL);
  if (stream != NULL)
    preview->pixbuf = gdk_pixbuf_new_from_stream_at_scale (G_INPUT_STREAM (stream),
                                                           THUMBNAIL_WIDTH * 2,
                                                           THUMBNAIL_HEIGHT * 2,
                                                           TRUE, cancellable, NULL);

  g_task_return_pointer (task, preview, preview_free);
}

static void
ph_evidence_gallery_preview_done (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  PhEvidenceGallery *self = PH_EVIDENCE_GALLERY (source);
  Item *item = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = NULL;
  Preview *preview;

  /* A cancelled task means the item is gone: do not touch it. */
  preview = g_task_propagate_pointer (G_TASK (result), &error);
  if (preview == NULL)
    return;

  if (preview->has_size)
    {
      g_autofree char *size = g_format_size (preview->size);

      /* Translators: the kind of an evidence file and its size, e.g. "Recording · 24.1 kB" */
      caption = g_strdup_printf (_("%s · %s"), kind_label (item->kind), size);
      gtk_label_set_label (item->caption, caption);
    }

  if (preview->pixbuf != NULL)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (preview->pixbuf);

      gtk_picture_set_paintable (item->thumbnail, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (item->preview, "thumbnail");
      self->n_thumbnails++;
    }

  preview_free (preview);
}

static GMenuModel *
ph_evidence_gallery_tile_menu (PhEvidenceGallery *self,
                               Item              *item)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) open = NULL;
  g_autoptr(GMenuItem) external = NULL;

  open = g_menu_item_new (item->kind == KIND_AUDIO || item->kind == KIND_VIDEO
                          ? _("_Play") : _("_Open"), NULL);
  g_menu_item_set_action_and_target_value (open, "gallery.open", g_variant_new_uint32 (item->id));
  g_menu_append_item (menu, open);

  external = g_menu_item_new (_("Open With _Default Application"), NULL);
  g_menu_item_set_action_and_target_value (external, "gallery.open-external",
                                           g_variant_new_uint32 (item->id));
  g_menu_append_item (menu, external);

  if (self->removable)
    {
      g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove"), NULL);

      g_menu_item_set_action_and_target_value (remove, "gallery.remove",
                                               g_variant_new_uint32 (item->id));
      g_menu_append_item (menu, remove);
    }

  return G_MENU_MODEL (menu);
}

static void
ph_evidence_gallery_tile_pressed (GtkGestureClick *gesture,
                                  int              n_press,
                                  double           x,
                                  double           y,
                                  GtkMenuButton   *button)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (button);
}

static GtkWidget *
ph_evidence_gallery_make_tile (PhEvidenceGallery *self,
                               Item              *item)
{
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *child, *overlay, *box, *preview, *icon, *thumbnail, *title, *caption, *button;
  GtkGesture *click;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "evidence-tile");

  preview = gtk_stack_new ();
  gtk_widget_set_size_request (preview, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
  gtk_widget_add_css_class (preview, "evidence-preview");
  gtk_widget_set_overflow (preview, GTK_OVERFLOW_HIDDEN);
  icon = gtk_image_new_from_icon_name (kind_icon (item->kind));
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 48);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_stack_add_named (GTK_STACK (preview), icon, "icon");
  thumbnail = gtk_picture_new ();
  gtk_picture_set_content_fit (GTK_PICTURE (thumbnail), GTK_CONTENT_FIT_COVER);
  gtk_picture_set_can_shrink (GTK_PICTURE (thumbnail), TRUE);
  gtk_stack_add_named (GTK_STACK (preview), thumbnail, "thumbnail");
  gtk_box_append (GTK_BOX (box), preview);

  /* File names are long and have no spaces: two lines, broken anywhere. */
  title = gtk_label_new (item->title);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 16);
  gtk_label_set_width_chars (GTK_LABEL (title), 16);
  gtk_box_append (GTK_BOX (box), title);

  caption = gtk_label_new (kind_label (item->kind));
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);

  menu = ph_evidence_gallery_tile_menu (self, item);
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_tooltip_text (button, _("Evidence Actions"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 4);
  gtk_widget_set_margin_end (button, 4);
  gtk_widget_add_css_class (button, "osd");
  gtk_widget_add_css_class (button, "circular");

  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), box);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), button);

  child = gtk_flow_box_child_new ();
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), overlay);
  gtk_widget_set_tooltip_text (child, item->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, item->title, -1);

  /* A right click anywhere on the tile opens the same menu. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (ph_evidence_gallery_tile_pressed), button);
  gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (click));

  item->tile = child;
  item->preview = GTK_STACK (preview);
  item->thumbnail = GTK_PICTURE (thumbnail);
  item->caption = GTK_LABEL (caption);

  return child;
}

static void
ph_evidence_gallery_close_player (PhEvidenceGallery *self)
{
  if (self->stream != NULL)
    gtk_media_stream_pause (self->stream);

  gtk_media_controls_set_media_stream (self->media_controls, NULL);
  gtk_picture_set_paintable (self->video_picture, NULL);
  g_clear_object (&self->stream);
  self->playing_id = 0;
  gtk_revealer_set_reveal_child (self->player_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gallery.close-player", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gallery.open-playing-external", FALSE);
}

static void
ph_evidence_gallery_stream_error (GtkMediaStream    *stream,
                                  GParamSpec        *pspec,
                                  PhEvidenceGallery *self)
{
  const GError *error = gtk_media_stream_get_error (stream);
  g_autofree char *message = NULL;

  if (error == NULL)
    return;

  message = g_strdup_printf (_("This file cannot be played here: %s. "
                               "Open it with the default application instead."),
                             error->message);
  gtk_label_set_label (self->player_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->player_error), TRUE);
}

static void
ph_evidence_gallery_play (PhEvidenceGallery *self,
                          Item              *item)
{
  ph_evidence_gallery_close_player (self);

  self->stream = gtk_media_file_new_for_file (item->file);
  self->playing_id = item->id;
  g_signal_connect (self->stream, "notify::error",
                    G_CALLBACK (ph_evidence_gallery_stream_error), self);

  gtk_label_set_label (self->player_title, item->title);
  gtk_image_set_from_icon_name (self->player_icon, kind_icon (item->kind));
  gtk_widget_set_visible (GTK_WIDGET (self->player_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->video_picture), item->kind == KIND_VIDEO);
  if (item->kind == KIND_VIDEO)
    gtk_picture_set_paintable (self->video_picture, GDK_PAINTABLE (self->stream));
  gtk_media_controls_set_media_stream (self->media_controls, self->stream);
  gtk_revealer_set_reveal_child (self->player_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gallery.close-player", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gallery.open-playing-external", TRUE);

  ph_evidence_gallery_stream_error (self->stream, NULL, self);
  gtk_media_stream_play (self->stream);
}

static void
ph_evidence_gallery_open_item (PhEvidenceGallery *self,
                               Item              *item)
{
  GtkRoot *root;
  PhImageViewer *viewer;

  switch (item->kind)
    {
    case KIND_IMAGE:
      root = gtk_widget_get_root (GTK_WIDGET (self));
      viewer = ph_image_viewer_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    item->file, item->title);
      gtk_window_present (GTK_WINDOW (viewer));
      break;

    case KIND_AUDIO:
    case KIND_VIDEO:
      ph_evidence_gallery_play (self, item);
      break;

    case KIND_DOCUMENT:
    case KIND_OTHER:
    default:
      ph_launch_file (GTK_WIDGET (self), item->file);
      break;
    }
}

static void
ph_evidence_gallery_child_activated (PhEvidenceGallery *self,
                                     GtkFlowBoxChild   *child)
{
  Item *item = ph_evidence_gallery_find_tile (self, GTK_WIDGET (child), NULL);

  if (item != NULL)
    ph_evidence_gallery_open_item (self, item);
}

static void
ph_evidence_gallery_action_open (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  PhEvidenceGallery *self = PH_EVIDENCE_GALLERY (widget);
  Item *item = ph_evidence_gallery_find (self, g_variant_get_uint32 (parameter), NULL);

  if (item != NULL)
    ph_evidence_gallery_open_item (self, item);
}

static void
ph_evidence_gallery_action_open_external (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  PhEvidenceGallery *self = PH_EVIDENCE_GALLERY (widget);
  Item *item = ph_evidence_gallery_find (self, g_variant_get_uint32 (parameter), NULL);

  if (item != NULL)
    ph_launch_file (widget, item->file);
}

static void
ph_evidence_gallery_action_remove (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  PhEvidenceGallery *self = PH_EVIDENCE_GALLERY (widget);
  guint index;

  if (self->removable &&
      ph_evidence_gallery_find (self, g_variant_get_uint32 (parameter), &index) != NULL)
    g_signal_emit (self, signals[REMOVE_REQUESTED], 0, index);
}

static void
ph_evidence_gallery_action_close_player (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  ph_evidence_gallery_close_player (PH_EVIDENCE_GALLERY (widget));
}

static void
ph_evidence_gallery_action_open_playing_external (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *parameter)
{
  PhEvidenceGallery *self = PH_EVIDENCE_GALLERY (widget);
  Item *item = ph_evidence_gallery_find (self, self->playing_id, NULL);

  if (item != NULL)
    ph_launch_file (widget, item->file);
}

static gboolean
ph_evidence_gallery_key_pressed (GtkEventControllerKey *controller,
                                 guint                  keyval,
                                 guint                  keycode,
                                 GdkModifierType        state,
                                 PhEvidenceGallery     *self)
{
  GtkWidget *focus;
  Item *item;
  guint index;

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return FALSE;
  if (!self->removable)
    return FALSE;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  while (focus != NULL && !GTK_IS_FLOW_BOX_CHILD (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL)
    return FALSE;

  item = ph_evidence_gallery_find_tile (self, focus, &index);
  if (item == NULL)
    return FALSE;

  g_signal_emit (self, signals[REMOVE_REQUESTED], 0, index);
  return TRUE;
}

static void
ph_evidence_gallery_dispose (GObject *object)
{
  PhEvidenceGallery *self = PH_EVIDENCE_GALLERY (object);
  GtkWidget *child;

  ph_evidence_gallery_close_player (self);
  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), PH_TYPE_EVIDENCE_GALLERY);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ph_evidence_gallery_parent_class)->dispose (object);
}

static void
ph_evidence_gallery_finalize (GObject *object)
{
  PhEvidenceGallery *self = PH_EVIDENCE_GALLERY (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (ph_evidence_gallery_parent_class)->finalize (object);
}

static void
ph_evidence_gallery_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PhEvidenceGallery *self = PH_EVIDENCE_GALLERY (object);

  switch (prop_id)
    {
    case PROP_REMOVABLE:
      g_value_set_boolean (value, self->removable);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_evidence_gallery_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PhEvidenceGallery *self = PH_EVIDENCE_GALLERY (object);

  switch (prop_id)
    {
    case PROP_REMOVABLE:
      ph_evidence_gallery_set_removable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_evidence_gallery_class_init (PhEvidenceGalleryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_evidence_gallery_dispose;
  object_class->finalize = ph_evidence_gallery_finalize;
  object_class->get_property = ph_evidence_gallery_get_property;
  object_class->set_property = ph_evidence_gallery_set_property;

  /**
   * PhEvidenceGallery:removable:
   *
   * Whether the tiles offer "Remove" (and the Delete key works on them).
   * The gallery does not remove anything itself: it emits
   * #PhEvidenceGallery::remove-requested and the owner decides.
   */
  properties[PROP_REMOVABLE] =
    g_param_spec_boolean ("removable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PhEvidenceGallery::remove-requested:
   * @self: the gallery
   * @index: the position of the file the user wants removed
   */
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-evidence-gallery.ui");
  gtk_widget_class_bind_template_child (widget_class, PhEvidenceGallery, flow_box);
  gtk_widget_class_bind_template_child (widget_class, PhEvidenceGallery, player_revealer);
  gtk_widget_class_bind_template_child (widget_class, PhEvidenceGallery, player_icon);
  gtk_widget_class_bind_template_child (widget_class, PhEvidenceGallery, player_title);
  gtk_widget_class_bind_template_child (widget_class, PhEvidenceGallery, video_picture);
  gtk_widget_class_bind_template_child (widget_class, PhEvidenceGallery, player_error);
  gtk_widget_class_bind_template_child (widget_class, PhEvidenceGallery, media_controls);
  gtk_widget_class_bind_template_callback (widget_class, ph_evidence_gallery_child_activated);

  gtk_widget_class_install_action (widget_class, "gallery.open", "u",
                                   ph_evidence_gallery_action_open);
  gtk_widget_class_install_action (widget_class, "gallery.open-external", "u",
                                   ph_evidence_gallery_action_open_external);
  gtk_widget_class_install_action (widget_class, "gallery.remove", "u",
                                   ph_evidence_gallery_action_remove);
  gtk_widget_class_install_action (widget_class, "gallery.close-player", NULL,
                                   ph_evidence_gallery_action_close_player);
  gtk_widget_class_install_action (widget_class, "gallery.open-playing-external", NULL,
                                   ph_evidence_gallery_action_open_playing_external);
}

static void
ph_evidence_gallery_init (PhEvidenceGallery *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_ptr_array_new_with_free_func (item_free);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (ph_evidence_gallery_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->flow_box), keys);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gallery.close-player", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gallery.open-playing-external", FALSE);
}

GtkWidget *
ph_evidence_gallery_new (void)
{
  return g_object_new (PH_TYPE_EVIDENCE_GALLERY, NULL);
}

/**
 * ph_evidence_gallery_add:
 * @self: a #PhEvidenceGallery
 * @file: the evidence file
 * @mime: (nullable): its type as detected from its content (`image/png`, `audio/amr` …)
 * @title: (nullable): what to call it, usually its original file name; %NULL for @file's name
 *
 * Appends a tile. Its thumbnail and size are read in a worker thread.
 */
void
ph_evidence_gallery_add (PhEvidenceGallery *self,
                         GFile             *file,
                         const char        *mime,
                         const char        *title)
{
  g_autoptr(GTask) task = NULL;
  PreviewRequest *request;
  Item *item;

  g_return_if_fail (PH_IS_EVIDENCE_GALLERY (self));
  g_return_if_fail (G_IS_FILE (file));

  item = g_new0 (Item, 1);
  item->id = ++self->last_id;
  item->file = g_object_ref (file);
  item->mime = g_strdup (mime);
  item->title = title != NULL ? g_strdup (title) : g_file_get_basename (file);
  item->kind = kind_from_mime (mime);
  item->cancellable = g_cancellable_new ();
  g_ptr_array_add (self->items, item);

  gtk_flow_box_append (self->flow_box, ph_evidence_gallery_make_tile (self, item));

  task = g_task_new (self, item->cancellable, ph_evidence_gallery_preview_done, item);
  g_task_set_source_tag (task, ph_evidence_gallery_add);
  request = g_new0 (PreviewRequest, 1);
  request->file = g_object_ref (file);
  request->kind = item->kind;
  g_task_set_task_data (task, request, preview_request_free);
  g_task_run_in_thread (task, ph_evidence_gallery_preview_thread);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * ph_evidence_gallery_remove:
 * @self: a #PhEvidenceGallery
 * @index: the position of a tile
 *
 * Removes the tile (and stops it if it is playing).
 */
void
ph_evidence_gallery_remove (PhEvidenceGallery *self,
                            guint              index)
{
  Item *item;

  g_return_if_fail (PH_IS_EVIDENCE_GALLERY (self));
  g_return_if_fail (index < self->items->len);

  item = g_ptr_array_index (self->items, index);
  if (item->id == self->playing_id)
    ph_evidence_gallery_close_player (self);

  gtk_flow_box_remove (self->flow_box, item->tile);
  g_ptr_array_remove_index (self->items, index);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * ph_evidence_gallery_clear:
 * @self: a #PhEvidenceGallery
 *
 * Removes every tile and closes the player.
 */
void
ph_evidence_gallery_clear (PhEvidenceGallery *self)
{
  g_return_if_fail (PH_IS_EVIDENCE_GALLERY (self));

  if (self->items->len == 0)
    return;

  ph_evidence_gallery_close_player (self);
  while (self->items->len > 0)
    {
      Item *item = g_ptr_array_index (self->items, self->items->len - 1);

      gtk_flow_box_remove (self->flow_box, item->tile);
      g_ptr_array_remove_index (self->items, self->items->len - 1);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

guint
ph_evidence_gallery_get_n_items (PhEvidenceGallery *self)
{
  g_return_val_if_fail (PH_IS_EVIDENCE_GALLERY (self), 0);

  return self->items->len;
}

/**
 * ph_evidence_gallery_get_file:
 * @self: a #PhEvidenceGallery
 * @index: the position of a tile
 *
 * Returns: (transfer none): its file
 */
GFile *
ph_evidence_gallery_get_file (PhEvidenceGallery *self,
                              guint              index)
{
  g_return_val_if_fail (PH_IS_EVIDENCE_GALLERY (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return ((Item *) g_ptr_array_index (self->items, index))->file;
}

gboolean
ph_evidence_gallery_get_removable (PhEvidenceGallery *self)
{
  g_return_val_if_fail (PH_IS_EVIDENCE_GALLERY (self), FALSE);

  return self->removable;
}

void
ph_evidence_gallery_set_removable (PhEvidenceGallery *self,
                                   gboolean           removable)
{
  g_return_if_fail (PH_IS_EVIDENCE_GALLERY (self));

  removable = !!removable;
  if (self->removable == removable)
    return;

  self->removable = removable;

  /* The menus offer "Remove" or not. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      GtkWidget *overlay = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (item->tile));
      GtkWidget *button = gtk_widget_get_last_child (overlay);
      g_autoptr(GMenuModel) menu = ph_evidence_gallery_tile_menu (self, item);

      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOVABLE]);
}

/**
 * ph_evidence_gallery_open:
 * @self: a #PhEvidenceGallery
 * @index: the position of a tile
 *
 * Does what activating the tile does: shows a screenshot in the image
 * viewer, plays a recording or a video, opens anything else with the
 * default application.
 */
void
ph_evidence_gallery_open (PhEvidenceGallery *self,
                          guint              index)
{
  g_return_if_fail (PH_IS_EVIDENCE_GALLERY (self));
  g_return_if_fail (index < self->items->len);

  ph_evidence_gallery_open_item (self, g_ptr_array_index (self->items, index));
}

/**
 * ph_evidence_gallery_get_media_stream:
 * @self: a #PhEvidenceGallery
 *
 * Returns: (transfer none) (nullable): what the player plays, if it is open
 */
GtkMediaStream *
ph_evidence_gallery_get_media_stream (PhEvidenceGallery *self)
{
  g_return_val_if_fail (PH_IS_EVIDENCE_GALLERY (self), NULL);

  return self->stream;
}

/**
 * ph_evidence_gallery_get_n_thumbnails:
 * @self: a #PhEvidenceGallery
 *
 * Returns: how many thumbnails were made so far
 */
guint
ph_evidence_gallery_get_n_thumbnails (PhEvidenceGallery *self)
{
  g_return_val_if_fail (PH_IS_EVIDENCE_GALLERY (self), 0);

  return self->n_thumbnails;
}
