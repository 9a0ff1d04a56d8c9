/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-evidence-picker.c: the evidence of an entry (or the scan of a document)
 * while it is being registered. Files come by drag and drop or from the file
 * chooser, several at once; each is checked in a worker thread, in the order
 * given, and a refused file says why while the others still go in. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-evidence-gallery.h"
#include "ph-evidence-picker.h"

struct _PhEvidencePicker
{
  AdwPreferencesGroup  parent_instance;

  GListStore          *files;      /* PhIntakeFile */
  GQueue               pending;    /* GFile waiting for their check */
  GCancellable        *cancellable;
  GtkFileChooserNative *chooser;
  guint64              max_size;
  PhIntakeAccept       accept;
  gboolean             checking;

  GtkStack            *stack;
  PhEvidenceGallery   *gallery;
  GtkListBox          *refusal_list;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (PhEvidencePicker, ph_evidence_picker, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_N_FILES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define DEFAULT_MAX_SIZE (50 * 1024 * 1024)

static void check_next (PhEvidencePicker *self);

static void
update_busy (PhEvidencePicker *self,
             gboolean          checking)
{
  if (self->checking == checking)
    return;

  self->checking = checking;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), checking);
  gtk_spinner_set_spinning (self->spinner, checking);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
add_to_gallery (PhEvidencePicker *self,
                guint             position)
{
  g_autoptr(PhIntakeFile) file = g_list_model_get_item (G_LIST_MODEL (self->files), position);

  ph_evidence_gallery_add (self->gallery, ph_intake_file_get_file (file),
                           ph_intake_file_get_content_type (file), ph_intake_file_get_name (file));
}

/* The gallery shows the files (thumbnails, the player); it only appends, so
 * anything but an append or a removal rebuilds it. */
static void
on_files_changed (PhEvidencePicker *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *model)
{
  guint n = g_list_model_get_n_items (model);

  if (added == 0)
    {
      for (guint i = 0; i < removed; i++)
        ph_evidence_gallery_remove (self->gallery, position);
    }
  else if (removed == 0 && position + added == n)
    {
      for (guint i = position; i < n; i++)
        add_to_gallery (self, i);
    }
  else
    {
      ph_evidence_gallery_clear (self->gallery);
      for (guint i = 0; i < n; i++)
        add_to_gallery (self, i);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (model) > 0 ? "files" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FILES]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_refusal_dismiss (GtkButton        *button,
                    PhEvidencePicker *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  gtk_list_box_remove (self->refusal_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->refusal_list)) != NULL);
}

static void
add_refusal (PhEvidencePicker *self,
             const char       *name,
             const char       *reason)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");

  /* Translators: a file that was not attached; %s is its name */
  g_autofree char *title = g_strdup_printf (_("“%s” was not attached"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dismiss, _("Dismiss"));
  gtk_widget_add_css_class (dismiss, "flat");
  g_signal_connect (dismiss, "clicked", G_CALLBACK (on_refusal_dismiss), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);

  gtk_list_box_append (self->refusal_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_list), TRUE);
}

static gboolean
already_attached (PhEvidencePicker *self,
                  PhIntakeFile     *file)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->files));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhIntakeFile) other = g_list_model_get_item (G_LIST_MODEL (self->files), i);

      if (ph_intake_file_same (file, other))
        return TRUE;
    }
  return FALSE;
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PhEvidencePicker) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhIntakeFile) file = ph_intake_file_check_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (file == NULL)
    {
      g_autofree char *name = g_file_get_basename (G_FILE (source));

      add_refusal (self, name, error->message);
    }
  else if (already_attached (self, file))
    add_refusal (self, ph_intake_file_get_name (file), _("This file is attached already."));
  else
    g_list_store_append (self->files, file);

  check_next (self);
}

static void
check_next (PhEvidencePicker *self)
{
  g_autoptr(GFile) file = g_queue_pop_head (&self->pending);

  if (file == NULL)
    {
      update_busy (self, FALSE);
      return;
    }

  update_busy (self, TRUE);
  ph_intake_file_check_async (file, self->max_size, self->accept, self->cancellable,
                              on_checked, g_object_ref (self));
}

/**
 * ph_evidence_picker_add_file:
 * @file: a file the clerk chose
 *
 * Queues @file for its check; it appears among the files once accepted, or
 * among the refusals with the reason.
 */
void
ph_evidence_picker_add_file (PhEvidencePicker *self,
                             GFile            *file)
{
  g_return_if_fail (PH_IS_EVIDENCE_PICKER (self));
  g_return_if_fail (G_IS_FILE (file));

  g_queue_push_tail (&self->pending, g_object_ref (file));
  if (!self->checking)
    check_next (self);
}

/**
 * ph_evidence_picker_add_files:
 * @files: a list of #GFile
 */
void
ph_evidence_picker_add_files (PhEvidencePicker *self,
                              GListModel       *files)
{
  guint n;

  g_return_if_fail (PH_IS_EVIDENCE_PICKER (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      g_queue_push_tail (&self->pending, g_steal_pointer (&file));
    }
  if (!self->checking)
    check_next (self);
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         PhEvidencePicker *self)
{
  GSList *list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_queue_push_tail (&self->pending, g_object_ref (l->data));
  g_slist_free (list);

  if (!self->checking)
    check_next (self);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     PhEvidencePicker *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      ph_evidence_picker_add_files (self, files);
    }
  g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *const *mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PhEvidencePicker *self = PH_EVIDENCE_PICKER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  static const char *const evidence_types[] = {
    "image/png", "image/jpeg", "image/webp", "audio/AMR", "audio/mpeg", "audio/mp4",
    "audio/aac", "audio/x-wav", "audio/ogg", "audio/x-opus+ogg", "video/mp4",
    "application/pdf", NULL
  };
  static const char *const scan_types[] = {
    "application/pdf", "image/png", "image/jpeg", "image/webp", NULL
  };
  static const char *const all_types[] = { "application/octet-stream", NULL };

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Attach Evidence"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  if (self->accept == PH_INTAKE_ACCEPT_ALL)
    add_filter (GTK_FILE_CHOOSER (self->chooser),
                _("Screenshots, recordings, videos and PDFs"), evidence_types);
  else
    add_filter (GTK_FILE_CHOOSER (self->chooser), _("PDFs and images"), scan_types);
  /* The content decides, not the name: a recording saved without its
   * extension must still be choosable. */
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("All files"), all_types);

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_remove_requested (PhEvidencePicker *self,
                     guint             index)
{
  ph_evidence_picker_remove (self, index);
}

static void
ph_evidence_picker_dispose (GObject *object)
{
  PhEvidencePicker *self = PH_EVIDENCE_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_queue_clear_full (&self->pending, g_object_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PH_TYPE_EVIDENCE_PICKER);

  G_OBJECT_CLASS (ph_evidence_picker_parent_class)->dispose (object);
}

static void
ph_evidence_picker_finalize (GObject *object)
{
  PhEvidencePicker *self = PH_EVIDENCE_PICKER (object);

  g_clear_object (&self->files);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ph_evidence_picker_parent_class)->finalize (object);
}

static void
ph_evidence_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PhEvidencePicker *self = PH_EVIDENCE_PICKER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, ph_evidence_picker_get_busy (self));
      break;
    case PROP_N_FILES:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->files)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_evidence_picker_class_init (PhEvidencePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_evidence_picker_dispose;
  object_class->finalize = ph_evidence_picker_finalize;
  object_class->get_property = ph_evidence_picker_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FILES] =
    g_param_spec_uint ("n-files", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PhEvidencePicker::changed:
   *
   * The list of attached files changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PH_TYPE_EVIDENCE_GALLERY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-evidence-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, PhEvidencePicker, stack);
  gtk_widget_class_bind_template_child (widget_class, PhEvidencePicker, gallery);
  gtk_widget_class_bind_template_child (widget_class, PhEvidencePicker, refusal_list);
  gtk_widget_class_bind_template_child (widget_class, PhEvidencePicker, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_requested);

  gtk_widget_class_install_action (widget_class, "picker.add-files", NULL, add_files_action);
}

static void
ph_evidence_picker_init (PhEvidencePicker *self)
{
  GtkDropTarget *target;

  self->files = g_list_store_new (PH_TYPE_INTAKE_FILE);
  self->cancellable = g_cancellable_new ();
  self->max_size = DEFAULT_MAX_SIZE;
  self->accept = PH_INTAKE_ACCEPT_ALL;
  g_queue_init (&self->pending);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->files, "items-changed", G_CALLBACK (on_files_changed), self,
                           G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * ph_evidence_picker_get_files:
 *
 * Returns: (transfer none): the accepted files, #PhIntakeFile items
 */
GListModel *
ph_evidence_picker_get_files (PhEvidencePicker *self)
{
  g_return_val_if_fail (PH_IS_EVIDENCE_PICKER (self), NULL);
  return G_LIST_MODEL (self->files);
}

/**
 * ph_evidence_picker_set_items:
 * @items: #PhIntakeFile items already checked (an entry being edited again)
 *
 * Replaces the attached files without checking them again.
 */
void
ph_evidence_picker_set_items (PhEvidencePicker *self,
                              GListModel       *items)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_if_fail (PH_IS_EVIDENCE_PICKER (self));

  n = items != NULL ? g_list_model_get_n_items (items) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));

  g_list_store_splice (self->files, 0, g_list_model_get_n_items (G_LIST_MODEL (self->files)),
                       array->pdata, array->len);
}

void
ph_evidence_picker_remove (PhEvidencePicker *self,
                           guint             position)
{
  g_return_if_fail (PH_IS_EVIDENCE_PICKER (self));

  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->files)))
    g_list_store_remove (self->files, position);
}

/**
 * ph_evidence_picker_get_busy:
 *
 * Returns: whether files are still being checked
 */
gboolean
ph_evidence_picker_get_busy (PhEvidencePicker *self)
{
  g_return_val_if_fail (PH_IS_EVIDENCE_PICKER (self), FALSE);
  return self->checking;
}

/**
 * ph_evidence_picker_dup_refusals:
 *
 * Returns: (transfer full): one line per refused file, its title then its reason
 */
char **
ph_evidence_picker_dup_refusals (PhEvidencePicker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PH_IS_EVIDENCE_PICKER (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->refusal_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *line = NULL;

      if (!ADW_IS_ACTION_ROW (row))
        continue;
      line = g_strdup_printf ("%s: %s",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

void
ph_evidence_picker_clear_refusals (PhEvidencePicker *self)
{
  GtkWidget *row;

  g_return_if_fail (PH_IS_EVIDENCE_PICKER (self));

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->refusal_list))) != NULL)
    gtk_list_box_remove (self->refusal_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_list), FALSE);
}

/**
 * ph_evidence_picker_set_max_size:
 * @max_size: the largest file taken, in bytes; 0 for no limit
 */
void
ph_evidence_picker_set_max_size (PhEvidencePicker *self,
                                 guint64           max_size)
{
  g_return_if_fail (PH_IS_EVIDENCE_PICKER (self));
  self->max_size = max_size;
}

guint64
ph_evidence_picker_get_max_size (PhEvidencePicker *self)
{
  g_return_val_if_fail (PH_IS_EVIDENCE_PICKER (self), 0);
  return self->max_size;
}

/**
 * ph_evidence_picker_set_accept:
 * @accept: the kinds of file taken
 */
void
ph_evidence_picker_set_accept (PhEvidencePicker *self,
                               PhIntakeAccept    accept)
{
  g_return_if_fail (PH_IS_EVIDENCE_PICKER (self));
  self->accept = accept;
}
