/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-intake-file.c: a file the clerk attached as evidence, checked before it is
 * taken: it exists, is a regular file, is not empty, is within the size limit,
 * and its content (never its name) is a screenshot, a recording, a video or a PDF.
 * The check runs in a worker thread: a folder of photos from a
 * phone must not freeze the dialog. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-intake-file.h"
#include "ph-store-evidence.h"

#define SNIFF_SIZE 4096

struct _PhIntakeFile
{
  GObject           parent_instance;

  GFile            *file;
  char             *name;
  char             *content_type;
  guint64           size;
  PhEvidenceKind    kind;
  gint64            evidence_id;
};

G_DEFINE_FINAL_TYPE (PhIntakeFile, ph_intake_file, G_TYPE_OBJECT)
G_DEFINE_QUARK (ph-intake-file-error-quark, ph_intake_file_error)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ph_intake_file_finalize (GObject *object)
{
  PhIntakeFile *self = PH_INTAKE_FILE (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->content_type, g_free);

  G_OBJECT_CLASS (ph_intake_file_parent_class)->finalize (object);
}

static void
ph_intake_file_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PhIntakeFile *self = PH_INTAKE_FILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_intake_file_class_init (PhIntakeFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ph_intake_file_finalize;
  object_class->get_property = ph_intake_file_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ph_intake_file_init (PhIntakeFile *self)
{
}

static char *
describe_accept (PhIntakeAccept accept)
{
  if (accept == (PH_INTAKE_ACCEPT_IMAGE | PH_INTAKE_ACCEPT_DOCUMENT))
    return g_strdup (_("A scan of the document must be a PDF or an image (PNG, JPEG, WebP)."));
  return g_strdup (_("Evidence must be a screenshot (PNG, JPEG, WebP), a recording (AMR, MP3, "
                     "M4A, WAV, OGG), a video (MP4) or a PDF."));
}

typedef struct
{
  guint64        max_size;
  PhIntakeAccept accept;
} CheckData;

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = source_object;
  CheckData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(PhIntakeFile) self = NULL;
  g_autofree char *path = g_file_get_path (file);
  guchar buffer[SNIFF_SIZE];
  gsize n_read = 0;
  const char *mime;

  /* The store copies files by path; a file on a phone or a network place is
   * copied to this computer first. */
  if (path == NULL)
    {
      g_task_return_new_error (task, PH_INTAKE_FILE_ERROR, PH_INTAKE_FILE_ERROR_NOT_LOCAL,
                               _("This file is not on this computer. Copy it to a folder here "
                                 "first, then attach it."));
      return;
    }

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_new_error (task, PH_INTAKE_FILE_ERROR, PH_INTAKE_FILE_ERROR_NOT_FOUND,
                                 _("The file no longer exists."));
      else
        g_task_return_new_error (task, PH_INTAKE_FILE_ERROR, PH_INTAKE_FILE_ERROR_UNREADABLE,
                                 _("The file cannot be read: %s"), error->message);
      return;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, PH_INTAKE_FILE_ERROR, PH_INTAKE_FILE_ERROR_NOT_REGULAR,
                               g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                               ? _("This is a folder; attach the files inside it instead.")
                               : _("This is not a regular file."));
      return;
    }

  self = g_object_new (PH_TYPE_INTAKE_FILE, NULL);
  self->file = g_object_ref (file);
  self->name = g_strdup (g_file_info_get_display_name (info));
  self->size = (guint64) g_file_info_get_size (info);

  if (self->size == 0)
    {
      g_task_return_new_error (task, PH_INTAKE_FILE_ERROR, PH_INTAKE_FILE_ERROR_EMPTY,
                               _("The file is empty."));
      return;
    }

  if (data->max_size > 0 && self->size > data->max_size)
    {
      g_autofree char *size = g_format_size (self->size);
      g_autofree char *limit = g_format_size (data->max_size);

      g_task_return_new_error (task, PH_INTAKE_FILE_ERROR, PH_INTAKE_FILE_ERROR_TOO_BIG,
                               /* Translators: the first %s is the file's size, the second the limit */
                               _("The file is %s, over the limit of %s. Ask for a shorter "
                                 "recording or a smaller copy, or raise the limit in Preferences."),
                               size, limit);
      return;
    }

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer, &n_read,
                                   cancellable, &error))
    {
      g_task_return_new_error (task, PH_INTAKE_FILE_ERROR, PH_INTAKE_FILE_ERROR_UNREADABLE,
                               _("The file cannot be read: %s"), error->message);
      return;
    }

  /* The store's own detection, from the content alone (never the name): what is
   * accepted here is what it will take. */
  mime = ph_evidence_sniff (buffer, n_read, &self->kind);
  if (mime == NULL || !(data->accept & (1 << self->kind)))
    {
      g_autofree char *sniffed = g_content_type_guess (NULL, buffer, n_read, NULL);
      g_autofree char *what = g_content_type_get_description (sniffed);
      g_autofree char *expected = describe_accept (data->accept);

      g_task_return_new_error (task, PH_INTAKE_FILE_ERROR, PH_INTAKE_FILE_ERROR_WRONG_TYPE,
                               /* Translators: %s is a file type, such as "plain text document" */
                               _("This file is a %s. %s"), what, expected);
      return;
    }
  self->content_type = g_strdup (mime);

  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/**
 * ph_intake_file_new_stored:
 * @store: the store holding the file
 * @evidence: an evidence row read from @store
 *
 * Returns: (transfer full): the evidence already in the store, as the editor
 *   shows it when an entry is edited again
 */
PhIntakeFile *
ph_intake_file_new_stored (PhStore          *store,
                           const PhEvidence *evidence)
{
  PhIntakeFile *self;
  g_autofree char *path = NULL;

  g_return_val_if_fail (PH_IS_STORE (store), NULL);
  g_return_val_if_fail (evidence != NULL, NULL);

  path = ph_store_dup_evidence_path (store, evidence->sha256);
  self = g_object_new (PH_TYPE_INTAKE_FILE, NULL);
  self->file = g_file_new_for_path (path);
  self->name = g_strdup (evidence->original_name);
  self->size = (guint64) evidence->size;
  self->content_type = g_strdup (evidence->mime);
  self->kind = evidence->kind;
  self->evidence_id = evidence->id;
  return self;
}

/**
 * ph_intake_file_check_async:
 * @file: the file the clerk chose or dropped
 * @max_size: the size limit in bytes, 0 for none
 * @accept: the kinds of evidence taken
 *
 * Checks @file in a worker thread; the result is a #PhIntakeFile, or an error
 * in the %PH_INTAKE_FILE_ERROR domain whose message says why the file is refused.
 */
void
ph_intake_file_check_async (GFile               *file,
                            guint64              max_size,
                            PhIntakeAccept       accept,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (CheckData, 1);
  data->max_size = max_size;
  data->accept = accept;

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, ph_intake_file_check_async);
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, check_thread);
}

PhIntakeFile *
ph_intake_file_check_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
ph_intake_file_get_file (PhIntakeFile *self)
{
  g_return_val_if_fail (PH_IS_INTAKE_FILE (self), NULL);
  return self->file;
}

const char *
ph_intake_file_get_name (PhIntakeFile *self)
{
  g_return_val_if_fail (PH_IS_INTAKE_FILE (self), NULL);
  return self->name;
}

guint64
ph_intake_file_get_size (PhIntakeFile *self)
{
  g_return_val_if_fail (PH_IS_INTAKE_FILE (self), 0);
  return self->size;
}

const char *
ph_intake_file_get_content_type (PhIntakeFile *self)
{
  g_return_val_if_fail (PH_IS_INTAKE_FILE (self), NULL);
  return self->content_type;
}

PhEvidenceKind
ph_intake_file_get_kind (PhIntakeFile *self)
{
  g_return_val_if_fail (PH_IS_INTAKE_FILE (self), PH_EVIDENCE_KIND_DOCUMENT);
  return self->kind;
}

const char *
ph_intake_file_get_icon_name (PhIntakeFile *self)
{
  g_return_val_if_fail (PH_IS_INTAKE_FILE (self), NULL);

  switch (self->kind)
    {
    case PH_EVIDENCE_KIND_IMAGE:
      return "image-x-generic-symbolic";
    case PH_EVIDENCE_KIND_AUDIO:
      return "audio-x-generic-symbolic";
    case PH_EVIDENCE_KIND_VIDEO:
      return "video-x-generic-symbolic";
    case PH_EVIDENCE_KIND_ANY:
    case PH_EVIDENCE_KIND_DOCUMENT:
    default:
      return "x-office-document-symbolic";
    }
}

/**
 * ph_intake_file_get_evidence_id:
 *
 * Returns: the id of this evidence in the store once it is saved, or 0
 */
gint64
ph_intake_file_get_evidence_id (PhIntakeFile *self)
{
  g_return_val_if_fail (PH_IS_INTAKE_FILE (self), 0);
  return self->evidence_id;
}

void
ph_intake_file_set_evidence_id (PhIntakeFile *self,
                                gint64        evidence_id)
{
  g_return_if_fail (PH_IS_INTAKE_FILE (self));
  self->evidence_id = evidence_id;
}

/**
 * ph_intake_file_same:
 *
 * Returns: whether both stand for the same file on disk
 */
gboolean
ph_intake_file_same (PhIntakeFile *self,
                     PhIntakeFile *other)
{
  g_return_val_if_fail (PH_IS_INTAKE_FILE (self), FALSE);
  g_return_val_if_fail (PH_IS_INTAKE_FILE (other), FALSE);

  return g_file_equal (self->file, other->file);
}
