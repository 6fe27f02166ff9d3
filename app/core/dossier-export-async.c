/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-async.c — exporting without blocking the caller: the
 * export runs in a thread on a worker project (its own connection to the
 * file), which reads one snapshot of it from start to end. */

#include "config.h"

#include <dossier/dossier-export.h>

#include "dossier-project-private.h"

#include <glib/gi18n.h>

typedef struct
{
  DossierProject       *worker;
  DossierExportFormat   format;
  DossierExportFilter   filter;
  DossierExportOptions  options;
  char                 *path;
  DossierProgress      *progress;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->worker);
  g_free (data->path);
  g_clear_object (&data->progress);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;
  gboolean ok;

  if (data->progress != NULL)
    {
      g_autofree char *name = g_filename_display_basename (data->path);
      /* Translators: %s is the name of the file being written */
      g_autofree char *message = g_strdup_printf (_("Exporting “%s”…"), name);

      dossier_progress_update (data->progress, 0.0, message);
    }

  ok = dossier_export_to_file (data->worker, data->format, &data->filter, &data->options,
                               data->path, cancellable, &error);

  /* The worker's connection closes in this thread, which used it. */
  dossier_project_close (data->worker);
  g_clear_object (&data->worker);

  if (data->progress != NULL)
    dossier_progress_update (data->progress, 1.0, NULL);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dossier_export_to_file_async (DossierProject             *project,
                              DossierExportFormat         format,
                              const DossierExportFilter  *filter,
                              const DossierExportOptions *options,
                              const char                 *path,
                              DossierProgress            *progress,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (DOSSIER_IS_PROJECT (project));
  g_return_if_fail (path != NULL);
  g_return_if_fail (progress == NULL || DOSSIER_IS_PROGRESS (progress));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_export_to_file_async);

  data = g_new0 (ExportData, 1);
  data->format = format;
  if (filter != NULL)
    data->filter = *filter;
  if (options != NULL)
    data->options = *options;
  else
    dossier_export_options_init (&data->options);
  data->path = g_strdup (path);
  data->progress = progress != NULL ? g_object_ref (progress) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  dossier_project_start_worker (project, task, &data->worker, export_thread);
}

gboolean
dossier_export_to_file_finish (DossierProject  *project,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
