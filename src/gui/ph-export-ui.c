/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-export-ui.c: how the window runs an export: a save dialog, then the job in a worker
 * thread while a toast shows its progress with a Cancel button, then a toast that offers
 * to open the folder. Closing the window cancels the export. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ph-export-ui.h"
#include "ph-launch.h"
#include "ph-store-appendix.h"
#include "ph-store-batches.h"
#include "ph-store-export.h"

typedef struct
{
  GtkWidget       *from;
  AdwToastOverlay *overlay;
  AdwToast        *toast;
  GtkProgressBar  *bar;
  PhExportJob     *job;
  GCancellable    *cancellable;
  gulong           notify_id;
} ExportRun;

static void
export_run_free (ExportRun *run)
{
  g_clear_signal_handler (&run->notify_id, run->job);
  g_clear_object (&run->from);
  g_clear_object (&run->overlay);
  g_clear_object (&run->toast);
  g_clear_object (&run->bar);
  g_clear_object (&run->job);
  g_clear_object (&run->cancellable);
  g_free (run);
}

static void
show_toast (ExportRun  *run,
            AdwToast   *toast)
{
  if (run->overlay != NULL && gtk_widget_get_root (GTK_WIDGET (run->overlay)) != NULL)
    adw_toast_overlay_add_toast (run->overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
on_open_folder (AdwToast *toast,
                gpointer  data)
{
  GtkWidget *from = g_object_get_data (G_OBJECT (toast), "ph-export-from");
  GFile *folder = g_object_get_data (G_OBJECT (toast), "ph-export-folder");

  if (from != NULL && gtk_widget_get_root (from) != NULL)
    ph_launch_file (from, folder);
}

static void
on_progress (PhExportJob *job,
             GParamSpec  *pspec,
             ExportRun   *run)
{
  gtk_progress_bar_set_fraction (run->bar, ph_export_job_get_fraction (job));
}

static void
on_cancel_clicked (AdwToast  *toast,
                   ExportRun *run)
{
  g_cancellable_cancel (run->cancellable);
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  ExportRun *run = data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  /* The progress toast goes; the Cancel button must not outlive the job. */
  g_signal_handlers_disconnect_by_func (run->toast, on_cancel_clicked, run);
  adw_toast_dismiss (run->toast);

  if (ph_export_job_run_finish (run->job, result, &error))
    {
      g_autoptr(GFile) file = g_file_new_for_path (ph_export_job_get_path (run->job));
      g_autofree char *name = g_file_get_basename (file);

      toast = adw_toast_new_format (_("Saved “%s”"), name);
      adw_toast_set_button_label (toast, _("_Open Folder"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data_full (G_OBJECT (toast), "ph-export-from", g_object_ref (run->from),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (toast), "ph-export-folder", g_file_get_parent (file),
                              g_object_unref);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (on_open_folder), NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast = adw_toast_new (_("Export cancelled; nothing was saved"));
  else
    {
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
    }

  show_toast (run, toast);
  export_run_free (run);
}

/**
 * ph_export_ui_run:
 * @from: the widget the export was asked from, inside the window's toast overlay
 * @job: a job not yet run
 * @running_label: what the progress toast says ("Exporting the appendix…")
 *
 * Runs @job in a worker thread with a progress toast and a Cancel button; when it is
 * done, a toast offers to open the folder, or says what went wrong.
 *
 * Returns: (transfer none): the export's cancellable; it is cancelled when the window
 *   goes away
 */
GCancellable *
ph_export_ui_run (GtkWidget   *from,
                  PhExportJob *job,
                  const char  *running_label)
{
  ExportRun *run = g_new0 (ExportRun, 1);
  GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (running_label);
  GtkRoot *root = gtk_widget_get_root (from);

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (PH_IS_EXPORT_JOB (job), NULL);

  run->from = g_object_ref (from);
  run->overlay = overlay != NULL ? g_object_ref (ADW_TOAST_OVERLAY (overlay)) : NULL;
  run->job = g_object_ref (job);
  run->cancellable = g_cancellable_new ();

  run->bar = g_object_ref (GTK_PROGRESS_BAR (gtk_progress_bar_new ()));
  gtk_widget_set_valign (GTK_WIDGET (run->bar), GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (run->bar));

  run->toast = g_object_ref (adw_toast_new (running_label));
  adw_toast_set_custom_title (run->toast, box);
  adw_toast_set_button_label (run->toast, _("_Cancel"));
  adw_toast_set_timeout (run->toast, 0);
  adw_toast_set_priority (run->toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (run->toast, "button-clicked", G_CALLBACK (on_cancel_clicked), run);
  show_toast (run, g_object_ref (run->toast));

  run->notify_id = g_signal_connect (job, "notify::fraction", G_CALLBACK (on_progress), run);

  /* A window that closes takes its exports with it. */
  if (root != NULL)
    g_signal_connect_object (root, "destroy", G_CALLBACK (g_cancellable_cancel),
                             run->cancellable, G_CONNECT_SWAPPED);

  ph_export_job_run_async (job, run->cancellable, on_done, run);

  return run->cancellable;
}

typedef struct
{
  GtkWidget       *from;
  char            *running_label;
  PhExportMakeJob  make_job;
  gpointer         user_data;
  GDestroyNotify   destroy;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_clear_object (&request->from);
  g_free (request->running_label);
  g_free (request);
}

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         data)
{
  SaveRequest *request = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(PhExportJob) job = NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Choose a folder on this computer"));
      else
        job = request->make_job (path, request->user_data, &error);

      if (job != NULL)
        ph_export_ui_run (request->from, job, request->running_label);
      else
        {
          GtkWidget *overlay = gtk_widget_get_ancestor (request->from, ADW_TYPE_TOAST_OVERLAY);
          AdwToast *toast = adw_toast_new (error->message);

          adw_toast_set_timeout (toast, 0);
          if (overlay != NULL)
            adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
          else
            g_object_unref (g_object_ref_sink (toast));
        }
    }

  save_request_free (request);
  g_object_unref (dialog);
}

/**
 * ph_export_ui_save:
 * @from: the widget the export is asked from
 * @dialog_title: the save dialog's title
 * @suggested_name: the file name offered
 * @running_label: what the progress toast says
 * @make_job: (scope notified): makes the job once a file is chosen
 * @user_data: data for @make_job
 * @destroy: frees @user_data
 *
 * Asks where to save, then runs the export with ph_export_ui_run().
 */
void
ph_export_ui_save (GtkWidget       *from,
                   const char      *dialog_title,
                   const char      *suggested_name,
                   const char      *running_label,
                   PhExportMakeJob  make_job,
                   gpointer         user_data,
                   GDestroyNotify   destroy)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (from);

  request->from = g_object_ref (from);
  request->running_label = g_strdup (running_label);
  request->make_job = make_job;
  request->user_data = user_data;
  request->destroy = destroy;

  chooser = gtk_file_chooser_native_new (dialog_title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Batches and the entries list */

static const char *
running_label (PhExportKind kind)
{
  switch (kind)
    {
    case PH_EXPORT_APPENDIX:
      return _("Exporting the appendix…");
    case PH_EXPORT_PREVIEW:
      return _("Exporting a draft of the appendix…");
    case PH_EXPORT_BUNDLE:
      return _("Exporting the evidence bundle…");
    case PH_EXPORT_CSV:
      return _("Exporting the list…");
    default:
      g_assert_not_reached ();
    }
}

/**
 * ph_export_kind_from_string:
 * @name: `appendix`, `preview`, `bundle` or `csv`
 *
 * Returns: the kind, or -1 for another name
 */
PhExportKind
ph_export_kind_from_string (const char *name)
{
  static const char *names[] = { "appendix", "preview", "bundle", "csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      return (PhExportKind) i;

  return (PhExportKind) -1;
}

typedef struct
{
  PhStore       *store;
  gint64         batch_id;
  PhExportKind   kind;
  PhEntryFilter *filter;
  PhEntrySort    sort;
  gboolean       descending;
} JobSource;

static void
job_source_free (gpointer data)
{
  JobSource *source = data;

  g_clear_object (&source->store);
  g_clear_pointer (&source->filter, ph_entry_filter_free);
  g_free (source);
}

/* In the main thread: copy the batch out of the store, so the worker needs no store. */
static PhExportJob *
make_batch_job (const char  *path,
                gpointer     data,
                GError     **error)
{
  JobSource *source = data;
  g_autoptr(PhAppendixBatch) batch = NULL;
  g_autoptr(PhTemplate) tpl = NULL;

  batch = ph_store_get_appendix_batch (source->store, source->batch_id, error);
  if (batch == NULL)
    return NULL;
  tpl = ph_template_load (ph_store_get_data_dir (source->store), error);
  if (tpl == NULL)
    return NULL;

  return ph_export_job_new_for_batch (source->kind, g_steal_pointer (&batch), tpl, path);
}

static PhExportJob *
make_entries_job (const char  *path,
                  gpointer     data,
                  GError     **error)
{
  JobSource *source = data;

  return ph_export_job_new_for_entries (ph_store_get_data_dir (source->store), source->filter,
                                        source->sort, source->descending, path);
}

static char *
batch_file_name (PhStore      *store,
                 gint64        batch_id,
                 PhExportKind  kind)
{
  g_autoptr(PhBatch) batch = ph_store_get_batch (store, batch_id, NULL);
  const char *code = batch != NULL ? batch->code : "";

  /* File names stay ASCII: they travel by e-mail and onto other systems. */
  switch (kind)
    {
    case PH_EXPORT_APPENDIX:
      return g_strdup_printf ("phu-luc_%s.xlsx", code);
    case PH_EXPORT_PREVIEW:
      return g_strdup_printf ("du-thao-phu-luc_%s.xlsx", code);
    case PH_EXPORT_BUNDLE:
      return g_strdup_printf ("ho-so-chung-cu_%s.zip", code);
    case PH_EXPORT_CSV:
    default:
      g_assert_not_reached ();
    }
}

/**
 * ph_export_ui_save_batch:
 * @from: the widget asking
 * @store: the store
 * @batch_id: the batch
 * @kind: %PH_EXPORT_APPENDIX, %PH_EXPORT_PREVIEW or %PH_EXPORT_BUNDLE
 *
 * Asks where to save the batch's appendix, draft or bundle, and exports it.
 */
void
ph_export_ui_save_batch (GtkWidget    *from,
                         PhStore      *store,
                         gint64        batch_id,
                         PhExportKind  kind)
{
  JobSource *source = g_new0 (JobSource, 1);
  g_autofree char *name = batch_file_name (store, batch_id, kind);
  const char *title = kind == PH_EXPORT_BUNDLE ? _("Export Evidence Bundle")
                      : kind == PH_EXPORT_PREVIEW ? _("Export Draft Appendix")
                      : _("Export Appendix");

  source->store = g_object_ref (store);
  source->batch_id = batch_id;
  source->kind = kind;
  ph_export_ui_save (from, title, name, running_label (kind), make_batch_job, source,
                     job_source_free);
}

/**
 * ph_export_ui_start_batch:
 * @from: the widget asking
 * @store: the store
 * @batch_id: the batch
 * @kind: what to export
 * @path: where
 * @error: return location for a #GError
 *
 * ph_export_ui_save_batch() without the dialog.
 *
 * Returns: %TRUE if the export started (its end is shown in a toast)
 */
gboolean
ph_export_ui_start_batch (GtkWidget     *from,
                          PhStore       *store,
                          gint64         batch_id,
                          PhExportKind   kind,
                          const char    *path,
                          GError       **error)
{
  JobSource source = { .store = store, .batch_id = batch_id, .kind = kind };
  g_autoptr(PhExportJob) job = make_batch_job (path, &source, error);

  if (job == NULL)
    return FALSE;
  ph_export_ui_run (from, job, running_label (kind));
  return TRUE;
}

/**
 * ph_export_ui_save_entries:
 * @from: the widget asking
 * @store: the store
 * @filter: (nullable): the list's filter
 * @sort: its order
 * @descending: reversed
 *
 * Asks where to save the entries list as CSV, and exports it.
 */
void
ph_export_ui_save_entries (GtkWidget           *from,
                           PhStore             *store,
                           const PhEntryFilter *filter,
                           PhEntrySort          sort,
                           gboolean             descending)
{
  JobSource *source = g_new0 (JobSource, 1);

  source->store = g_object_ref (store);
  source->kind = PH_EXPORT_CSV;
  source->filter = ph_entry_filter_copy (filter);
  source->sort = sort;
  source->descending = descending;
  ph_export_ui_save (from, _("Export List"), "danh-sach-phan-anh.csv",
                     running_label (PH_EXPORT_CSV), make_entries_job, source, job_source_free);
}

/**
 * ph_export_ui_start_entries:
 * @from: the widget asking
 * @store: the store
 * @filter: (nullable): the list's filter
 * @sort: its order
 * @descending: reversed
 * @path: where
 * @error: return location for a #GError
 *
 * ph_export_ui_save_entries() without the dialog.
 *
 * Returns: %TRUE if the export started
 */
gboolean
ph_export_ui_start_entries (GtkWidget            *from,
                            PhStore              *store,
                            const PhEntryFilter  *filter,
                            PhEntrySort           sort,
                            gboolean              descending,
                            const char           *path,
                            GError              **error)
{
  JobSource source = { .store = store, .filter = (PhEntryFilter *) filter, .sort = sort,
                       .descending = descending };
  g_autoptr(PhExportJob) job = make_entries_job (path, &source, error);

  if (job == NULL)
    return FALSE;
  ph_export_ui_run (from, job, running_label (PH_EXPORT_CSV));
  return TRUE;
}
