/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-import.c — importing files without blocking the caller:
 * a thread reads and parses each file and stores it through a worker
 * project (its own connection); each stored document's undo step is
 * handed to the main project in its main context, which pushes it and
 * brings its models up to date, before the thread goes on. A document
 * already parsed (pasted text) is stored the same way. */

#include "config.h"

#include "dossier-import-private.h"
#include "dossier-project-private.h"

#include <glib/gi18n.h>

void
dossier_project_start_worker (DossierProject   *self,
                              GTask            *task,
                              DossierProject  **worker,
                              GTaskThreadFunc   thread_func)
{
  g_autoptr(GError) error = NULL;

  /* Opened here, where @self is: the thread never touches @self. */
  *worker = dossier_project_open_worker (self, &error);
  if (*worker == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_run_in_thread (task, thread_func);
}

void
dossier_import_outcome_free (DossierImportOutcome *outcome)
{
  if (outcome == NULL)
    return;

  g_clear_object (&outcome->file);
  g_free (outcome->title);
  g_clear_pointer (&outcome->notes, g_ptr_array_unref);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

typedef struct
{
  DossierProject  *worker;
  GPtrArray       *files;      /* of GFile */
  DossierFormat    format;
  DossierProgress *progress;
  GMainContext    *context;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->worker);
  g_ptr_array_unref (data->files);
  g_clear_object (&data->progress);
  g_main_context_unref (data->context);
  g_free (data);
}

/* A step on its way from the thread to the main project. */
typedef struct
{
  GMutex           mutex;
  GCond            cond;
  gboolean         done;
  DossierProject  *project;
  DossierUndoStep *step;
} Handoff;

static gboolean
adopt_in_main (gpointer user_data)
{
  Handoff *handoff = user_data;

  dossier_project_adopt_step (handoff->project, g_steal_pointer (&handoff->step));

  g_mutex_lock (&handoff->mutex);
  handoff->done = TRUE;
  g_cond_signal (&handoff->cond);
  g_mutex_unlock (&handoff->mutex);

  return G_SOURCE_REMOVE;
}

void
dossier_project_hand_over_step (DossierProject *main,
                                DossierProject *worker,
                                GMainContext   *context)
{
  Handoff handoff = { 0 };
  g_autoptr(GSource) source = NULL;

  g_mutex_init (&handoff.mutex);
  g_cond_init (&handoff.cond);
  handoff.project = main;
  handoff.step = dossier_project_take_step (worker);

  /* A source, not g_main_context_invoke (): that would adopt the step
   * right here, in the worker's thread, whenever it could acquire the
   * context between two iterations of the main loop. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, adopt_in_main, &handoff, NULL);
  g_source_set_static_name (source, "[dossier] adopt a worker's step");
  g_source_attach (source, context);

  g_mutex_lock (&handoff.mutex);
  while (!handoff.done)
    g_cond_wait (&handoff.cond, &handoff.mutex);
  g_mutex_unlock (&handoff.mutex);

  g_mutex_clear (&handoff.mutex);
  g_cond_clear (&handoff.cond);
}

/* Where an import is: file @index of @n, and in it. Each file's share of
 * the bar goes to reading it (by the bytes read), then taking its text out,
 * then saving it, the two last of unknown length: the bar moves at each. */
typedef struct
{
  DossierProgress *progress;
  guint            index;
  guint            n;
  char            *name;     /* the file's, for the line */
} ImportStatus;

#define SHARE_READ     0.2
#define SHARE_EXTRACT  0.4   /* … of a file's share, once extracting */

/* @doing: what is done with the file, said when it is the only one
 * (several: which one it is). */
static void
say_stage (ImportStatus *status,
           double        within,   /* 0 to 1: how far in this file */
           char         *doing)    /* (transfer full) */
{
  g_autofree char *message = NULL;

  if (status->progress == NULL)
    {
      g_free (doing);
      return;
    }
  if (status->n == 1)
    message = doing;
  else
    /* Translators: progress of an import, e.g. "Importing 3 of 12…" */
    {
      g_free (doing);
      message = g_strdup_printf (_("Importing %u of %u…"), status->index + 1, status->n);
    }
  dossier_progress_update (status->progress, (status->index + CLAMP (within, 0.0, 1.0)) / status->n,
                           message);
}

static void
on_import_stage (DossierImportStage  stage,
                 double              fraction,
                 gpointer            user_data)
{
  ImportStatus *status = user_data;

  if (stage == DOSSIER_IMPORT_STAGE_READING)
    /* Translators: progress of importing one file; %s is its name */
    say_stage (status, SHARE_READ * fraction, g_strdup_printf (_("Reading “%s”…"), status->name));
  else
    /* Translators: progress of importing one file; %s is its name */
    say_stage (status, SHARE_READ, g_strdup_printf (_("Taking the text out of “%s”…"), status->name));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_import_outcome_free);
  guint n = data->files->len;

  for (guint i = 0; i < n; i++)
    {
      DossierImportOutcome *outcome = g_new0 (DossierImportOutcome, 1);
      g_autoptr(DossierParsedDocument) doc = NULL;
      g_autofree char *basename = NULL;
      ImportStatus status = { data->progress, i, n, NULL };

      outcome->file = g_object_ref (g_ptr_array_index (data->files, i));
      g_ptr_array_add (outcomes, outcome);

      if (g_cancellable_set_error_if_cancelled (cancellable, &outcome->error))
        continue;

      basename = g_file_get_basename (outcome->file);
      status.name = basename != NULL ? g_filename_display_name (basename)
                                     : g_file_get_parse_name (outcome->file);
      /* Translators: progress of importing one file; %s is its name */
      say_stage (&status, 0.0, g_strdup_printf (_("Reading “%s”…"), status.name));

      doc = dossier_import_file_staged (outcome->file, data->format,
                                        data->progress != NULL ? on_import_stage : NULL, &status,
                                        cancellable, &outcome->error);
      /* A cancel during the parse (seconds for a 50 MB file) is heeded
       * before the document is stored, not after. */
      if (doc == NULL || g_cancellable_set_error_if_cancelled (cancellable, &outcome->error))
        {
          g_free (status.name);
          continue;
        }

      /* Translators: progress of importing one file; %s is its name */
      say_stage (&status, SHARE_READ + SHARE_EXTRACT, g_strdup_printf (_("Saving “%s”…"), status.name));
      g_free (status.name);
      outcome->document_id = dossier_project_add_document (data->worker, doc, &outcome->error);
      if (outcome->document_id == 0)
        continue;

      {
        DossierDocument *document = dossier_project_get_document (data->worker,
                                                                  outcome->document_id);

        outcome->title = g_strdup (document != NULL ? dossier_document_get_title (document)
                                                    : doc->title);
      }
      if (doc->notes != NULL && doc->notes->len > 0)
        outcome->notes = g_ptr_array_ref (doc->notes);
      dossier_project_hand_over_step (g_task_get_source_object (task), data->worker, data->context);
    }

  if (data->progress != NULL)
    dossier_progress_update (data->progress, 1.0, NULL);

  /* The worker's connection closes in this thread, which used it. */
  dossier_project_close (data->worker);
  g_clear_object (&data->worker);

  g_task_return_pointer (task, g_steal_pointer (&outcomes), (GDestroyNotify) g_ptr_array_unref);
}

/* Returns @task's READ_ONLY error if @self is open read-only. */
static gboolean
refuse_read_only (DossierProject *self,
                  GTask          *task)
{
  g_autofree char *name = NULL;

  if (!dossier_project_get_read_only (self))
    return FALSE;

  name = dossier_display_name (self->path);
  g_task_return_new_error (task, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                           _("“%s” is open read-only: changes cannot be saved."), name);
  return TRUE;
}

void
dossier_project_import_files_async (DossierProject       *self,
                                    GFile               **files,
                                    guint                 n_files,
                                    DossierFormat         format,
                                    DossierProgress      *progress,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (DOSSIER_IS_PROJECT (self));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (progress == NULL || DOSSIER_IS_PROGRESS (progress));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_project_import_files_async);
  /* Cancelled, it still says what was imported before. */
  g_task_set_check_cancellable (task, FALSE);

  if (refuse_read_only (self, task))
    return;

  data = g_new0 (ImportData, 1);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  data->format = format;
  data->progress = progress != NULL ? g_object_ref (progress) : NULL;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);

  dossier_project_start_worker (self, task, &data->worker, import_thread);
}

GPtrArray *
dossier_project_import_files_finish (DossierProject  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- One parsed document ---------------------------------------------------- */

typedef struct
{
  DossierProject        *worker;
  DossierParsedDocument *doc;
  GMainContext          *context;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->worker);
  g_clear_pointer (&data->doc, dossier_parsed_document_free);
  g_main_context_unref (data->context);
  g_free (data);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AddData *data = task_data;
  GError *error = NULL;
  gint64 id;

  id = dossier_project_add_document (data->worker, data->doc, &error);
  if (id > 0)
    dossier_project_hand_over_step (source_object, data->worker, data->context);

  /* The worker's connection closes in this thread, which used it. */
  dossier_project_close (data->worker);
  g_clear_object (&data->worker);

  if (id > 0)
    g_task_return_int (task, id);
  else
    g_task_return_error (task, error);
}

void
dossier_project_add_document_async (DossierProject        *self,
                                    DossierParsedDocument *doc,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  AddData *data;

  g_return_if_fail (DOSSIER_IS_PROJECT (self));
  g_return_if_fail (doc != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_project_add_document_async);
  /* Once stored, it is in the project: the id is the caller's news. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (AddData, 1);
  data->doc = doc;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  if (refuse_read_only (self, task))
    return;

  dossier_project_start_worker (self, task, &data->worker, add_thread);
}

gint64
dossier_project_add_document_finish (DossierProject  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  id = (gint64) g_task_propagate_int (G_TASK (result), error);
  return id > 0 ? id : 0;
}
