/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-export-job.c: one export (appendix, draft, bundle, entries CSV) run in a worker
 * thread on data copied beforehand, with its progress as a property that changes in the
 * thread that started it, so a window can bind a progress bar to it. */

#include "config.h"

#include "ph-bundle.h"
#include "ph-export-job.h"
#include "ph-store-export.h"

struct _PhExportJob
{
  GObject           parent_instance;

  PhExportKind      kind;
  char             *path;
  PhAppendixBatch  *batch;
  PhTemplate       *tpl;
  char             *data_dir;
  PhEntryFilter    *filter;
  PhEntrySort       sort;
  gboolean          descending;
  gboolean          running;

  double            fraction;

  /* Written by the worker, read by the idle that publishes it. */
  GMutex            lock;
  double            pending_fraction;
  GSource          *pending_source;
  GMainContext     *context;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_PATH,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PhExportJob, ph_export_job, G_TYPE_OBJECT)

static void
ph_export_job_finalize (GObject *object)
{
  PhExportJob *self = PH_EXPORT_JOB (object);

  g_free (self->path);
  g_clear_pointer (&self->batch, ph_appendix_batch_free);
  g_clear_pointer (&self->tpl, ph_template_unref);
  g_free (self->data_dir);
  g_clear_pointer (&self->filter, ph_entry_filter_free);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (ph_export_job_parent_class)->finalize (object);
}

static void
ph_export_job_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PhExportJob *self = PH_EXPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_export_job_class_init (PhExportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ph_export_job_finalize;
  object_class->get_property = ph_export_job_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, PH_EXPORT_APPENDIX, PH_EXPORT_CSV, PH_EXPORT_APPENDIX,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ph_export_job_init (PhExportJob *self)
{
  g_mutex_init (&self->lock);
}

/**
 * ph_export_job_new_for_batch:
 * @kind: %PH_EXPORT_APPENDIX, %PH_EXPORT_PREVIEW or %PH_EXPORT_BUNDLE
 * @batch: (transfer full): the batch, copied out of the store
 *   (ph_store_get_appendix_batch()); the job owns it from now on
 * @tpl: the appendix wording
 * @path: the file to write
 *
 * Returns: (transfer full): a job ready to run
 */
PhExportJob *
ph_export_job_new_for_batch (PhExportKind     kind,
                             PhAppendixBatch *batch,
                             PhTemplate      *tpl,
                             const char      *path)
{
  PhExportJob *self;

  g_return_val_if_fail (kind != PH_EXPORT_CSV, NULL);
  g_return_val_if_fail (batch != NULL && tpl != NULL && path != NULL, NULL);

  self = g_object_new (PH_TYPE_EXPORT_JOB, NULL);
  self->kind = kind;
  self->batch = batch;
  self->tpl = ph_template_ref (tpl);
  self->path = g_strdup (path);

  return self;
}

/**
 * ph_export_job_new_for_entries:
 * @data_dir: the store's data folder; the job opens its own connection in its thread
 * @filter: (nullable): the list's filter (copied)
 * @sort: the list's order
 * @descending: whether it is reversed
 * @path: the CSV file to write
 *
 * Returns: (transfer full): a job ready to run
 */
PhExportJob *
ph_export_job_new_for_entries (const char          *data_dir,
                               const PhEntryFilter *filter,
                               PhEntrySort          sort,
                               gboolean             descending,
                               const char          *path)
{
  PhExportJob *self;

  g_return_val_if_fail (data_dir != NULL && path != NULL, NULL);

  self = g_object_new (PH_TYPE_EXPORT_JOB, NULL);
  self->kind = PH_EXPORT_CSV;
  self->data_dir = g_strdup (data_dir);
  self->filter = ph_entry_filter_copy (filter);
  self->sort = sort;
  self->descending = descending;
  self->path = g_strdup (path);

  return self;
}

PhExportKind
ph_export_job_get_kind (PhExportJob *self)
{
  g_return_val_if_fail (PH_IS_EXPORT_JOB (self), PH_EXPORT_APPENDIX);
  return self->kind;
}

const char *
ph_export_job_get_path (PhExportJob *self)
{
  g_return_val_if_fail (PH_IS_EXPORT_JOB (self), NULL);
  return self->path;
}

/**
 * ph_export_job_get_fraction:
 * @self: a job
 *
 * Returns: how much of the job is done, from 0 to 1; it changes (with a notification)
 *   in the thread-default main context of the caller of ph_export_job_run_async()
 */
double
ph_export_job_get_fraction (PhExportJob *self)
{
  g_return_val_if_fail (PH_IS_EXPORT_JOB (self), 0.0);
  return self->fraction;
}

static gboolean
publish_fraction (gpointer data)
{
  PhExportJob *self = data;
  double fraction;

  g_mutex_lock (&self->lock);
  fraction = self->pending_fraction;
  g_clear_pointer (&self->pending_source, g_source_unref);
  g_mutex_unlock (&self->lock);

  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }

  return G_SOURCE_REMOVE;
}

/* In the worker: remember the fraction; one idle at a time carries it over. */
static void
worker_progress (double   fraction,
                 gpointer data)
{
  PhExportJob *self = data;

  g_mutex_lock (&self->lock);
  self->pending_fraction = fraction;
  if (self->pending_source == NULL)
    {
      self->pending_source = g_idle_source_new ();
      g_source_set_priority (self->pending_source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (self->pending_source, publish_fraction, g_object_ref (self),
                             g_object_unref);
      g_source_attach (self->pending_source, self->context);
    }
  g_mutex_unlock (&self->lock);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PhExportJob *self = source_object;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (self->kind)
    {
    case PH_EXPORT_APPENDIX:
    case PH_EXPORT_PREVIEW:
      ok = ph_appendix_write_with_template (self->batch, self->tpl, self->path,
                                            self->kind == PH_EXPORT_PREVIEW, cancellable,
                                            worker_progress, self, &error);
      break;
    case PH_EXPORT_BUNDLE:
      ok = ph_bundle_write (self->batch, self->tpl, self->path, cancellable,
                            worker_progress, self, &error);
      break;
    case PH_EXPORT_CSV:
      {
        g_autoptr(PhStore) store = ph_store_open (self->data_dir, &error);

        ok = store != NULL &&
             ph_store_export_entries_csv (store, self->filter, self->sort, self->descending,
                                          self->path, cancellable, worker_progress, self,
                                          &error);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * ph_export_job_run_async:
 * @self: a job, not yet run
 * @cancellable: (nullable): cancels the export; nothing is left at the path
 * @callback: called in the current thread-default main context when it is done
 * @user_data: data for @callback
 *
 * Runs the export in a worker thread.
 */
void
ph_export_job_run_async (PhExportJob         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PH_IS_EXPORT_JOB (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  self->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ph_export_job_run_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * ph_export_job_run_finish:
 * @self: a job
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file at ph_export_job_get_path() is complete
 */
gboolean
ph_export_job_run_finish (PhExportJob   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* Progress reported just before the end arrives before the result does. */
  publish_fraction (self);

  return g_task_propagate_boolean (G_TASK (result), error);
}
