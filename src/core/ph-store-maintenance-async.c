/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-store-maintenance-async.c: verify and backup in a worker thread. The
 * worker opens its own connection to the data folder (a PhStore's statement
 * cache belongs to the thread that uses it); WAL lets it read while the
 * window keeps writing. */

#include "config.h"

#include "ph-store-maintenance.h"

typedef struct
{
  char           *data_dir;
  char           *destination;
  PhProgressFunc  progress;
  gpointer        progress_data;
  GDestroyNotify  progress_data_free;
  GMainContext   *context;
  PhVerifyCounts  counts;
  guint           last_permille;
} Job;

typedef struct
{
  Job     *job;
  GTask   *task;
  guint64  done;
  guint64  total;
} Report;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->data_dir);
  g_free (job->destination);
  if (job->progress_data_free != NULL)
    job->progress_data_free (job->progress_data);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static Job *
job_new (PhStore        *store,
         const char     *destination,
         PhProgressFunc  progress,
         gpointer        progress_data,
         GDestroyNotify  progress_data_free)
{
  Job *job = g_new0 (Job, 1);

  job->data_dir = g_strdup (ph_store_get_data_dir (store));
  job->destination = g_strdup (destination);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_data_free = progress_data_free;
  job->context = g_main_context_ref_thread_default ();
  job->last_permille = G_MAXUINT;
  return job;
}

static gboolean
report_cb (gpointer data)
{
  Report *report = data;

  report->job->progress (report->done, report->total, report->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
report_free (gpointer data)
{
  Report *report = data;

  g_object_unref (report->task);
  g_free (report);
}

static void
thread_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);
  Report *report;
  guint permille;

  if (job->progress == NULL || total == 0)
    return;
  permille = (guint) (MIN (done, total) * 1000 / total);
  if (permille == job->last_permille && done < total)
    return;
  job->last_permille = permille;

  report = g_new0 (Report, 1);
  report->job = job;
  report->task = g_object_ref (task);
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_cb, report, report_free);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(PhStore) store = NULL;
  GError *error = NULL;
  GPtrArray *problems;

  store = ph_store_open (job->data_dir, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  problems = ph_store_verify (store, &job->counts, thread_progress, task, cancellable, &error);
  if (problems == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, problems, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * ph_store_verify_async:
 *
 * ph_store_verify() in a worker thread.
 */
void
ph_store_verify_async (PhStore             *self,
                       PhProgressFunc       progress,
                       gpointer             progress_data,
                       GDestroyNotify       progress_data_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PH_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ph_store_verify_async);
  g_task_set_task_data (task, job_new (self, NULL, progress, progress_data, progress_data_free),
                        job_free);
  g_task_run_in_thread (task, verify_thread);
}

/**
 * ph_store_verify_finish:
 * @counts: (out caller-allocates) (optional): what was checked
 *
 * Returns: (transfer full) (element-type PhProblem): as ph_store_verify()
 */
GPtrArray *
ph_store_verify_finish (PhStore         *self,
                        GAsyncResult    *result,
                        PhVerifyCounts  *counts,
                        GError         **error)
{
  GPtrArray *problems;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  problems = g_task_propagate_pointer (G_TASK (result), error);
  if (problems != NULL && counts != NULL)
    *counts = ((Job *) g_task_get_task_data (G_TASK (result)))->counts;
  return problems;
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(PhStore) store = NULL;
  GError *error = NULL;

  store = ph_store_open (job->data_dir, &error);
  if (store == NULL || !ph_store_backup (store, job->destination, thread_progress, task,
                                         cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * ph_store_backup_async:
 *
 * ph_store_backup() in a worker thread.
 */
void
ph_store_backup_async (PhStore             *self,
                       const char          *destination,
                       PhProgressFunc       progress,
                       gpointer             progress_data,
                       GDestroyNotify       progress_data_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PH_IS_STORE (self));
  g_return_if_fail (destination != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ph_store_backup_async);
  g_task_set_task_data (task, job_new (self, destination, progress, progress_data,
                                       progress_data_free), job_free);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
ph_store_backup_finish (PhStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
