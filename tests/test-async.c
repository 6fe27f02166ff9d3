/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-async.c — importing and exporting without blocking: the work runs
 * in a thread with its own connection, documents join the project's
 * models one by one, each import is its own undo step, progress is
 * reported in the caller's context, and cancelling stops cleanly.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <dossier/dossier.h>

#include "test-util.h"

static GFile *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((Waiter *) data)->result != NULL;
}

typedef struct
{
  GArray    *fractions;   /* double */
  GPtrArray *messages;    /* char * */
} Seen;

static void
on_fraction (DossierProgress *progress,
             GParamSpec      *pspec,
             Seen            *seen)
{
  double fraction = dossier_progress_get_fraction (progress);

  g_array_append_val (seen->fractions, fraction);
}

static void
on_message (DossierProgress *progress,
            GParamSpec      *pspec,
            Seen            *seen)
{
  g_ptr_array_add (seen->messages, g_strdup (dossier_progress_get_message (progress)));
}

/* ---- Import ------------------------------------------------------------------------ */

typedef struct
{
  guint         added;
  GCancellable *cancel_after_first;
} Watch;

static void
on_documents_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      Watch      *watch)
{
  watch->added += added;
  if (watch->cancel_after_first != NULL)
    g_cancellable_cancel (watch->cancel_after_first);
}

static void
test_import (TestProject   *fixture,
             gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(DossierProgress) progress = dossier_progress_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  Seen seen = { g_array_new (FALSE, FALSE, sizeof (double)),
                g_ptr_array_new_with_free_func (g_free) };
  Waiter waiter = { NULL };
  Watch watch = { 0 };
  DossierImportOutcome *o;

  g_ptr_array_add (files, write_file (fixture->dir, "ferry.txt",
                                      "Ferry fares\n\nFares rise by a fifth from May.", -1));
  g_ptr_array_add (files, write_file (fixture->dir, "empty.txt", "", 0));
  g_ptr_array_add (files, write_file (fixture->dir, "quay.md",
                                      "# The quay\n\nThe quay will be rebuilt in stone.", -1));

  g_signal_connect (progress, "notify::fraction", G_CALLBACK (on_fraction), &seen);
  g_signal_connect (progress, "notify::message", G_CALLBACK (on_message), &seen);
  g_signal_connect (dossier_project_get_documents (project), "items-changed",
                    G_CALLBACK (on_documents_changed), &watch);

  dossier_project_import_files_async (project, (GFile **) files->pdata, files->len,
                                      DOSSIER_FORMAT_AUTO, progress, NULL, on_done, &waiter);
  wait_until (has_result, &waiter, "the import");
  outcomes = dossier_project_import_files_finish (project, waiter.result, &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);

  /* One outcome per file, in order; the empty one failed alone. */
  g_assert_cmpuint (outcomes->len, ==, 3);
  o = g_ptr_array_index (outcomes, 0);
  g_assert_true (g_file_equal (o->file, g_ptr_array_index (files, 0)));
  g_assert_cmpint (o->document_id, >, 0);
  g_assert_cmpstr (o->title, ==, "Ferry fares");
  g_assert_no_error (o->error);
  o = g_ptr_array_index (outcomes, 1);
  g_assert_cmpint (o->document_id, ==, 0);
  g_assert_null (o->title);
  g_assert_error (o->error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
  o = g_ptr_array_index (outcomes, 2);
  g_assert_cmpstr (o->title, ==, "The quay");

  /* The models have them, each as it was stored; each is one undo step. */
  g_assert_cmpuint (watch.added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 2);
  g_assert_nonnull (dossier_project_get_document (project, o->document_id));
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Import “The quay”");
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_document (project, o->document_id));
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Import “Ferry fares”");
  g_assert_true (dossier_project_redo (project, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dossier_project_get_document (project, o->document_id));

  /* The project works on its own connection as before: tag what came in. */
  {
    gint64 tag = add_tag (project, "Prices", 0);

    g_assert_cmpint (dossier_project_tag_range (project, o->document_id, 0, 9, tag, &error), >, 0);
    g_assert_no_error (error);
  }

  /* Progress came in this context, in order, and ended at 1. */
  g_assert_cmpuint (seen.messages->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (seen.messages, 0), ==, "Importing 1 of 3…");
  g_assert_cmpstr (g_ptr_array_index (seen.messages, 2), ==, "Importing 3 of 3…");
  for (guint i = 1; i < seen.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (seen.fractions, double, i), >, g_array_index (seen.fractions, double, i - 1));
  g_assert_cmpfloat (dossier_progress_get_fraction (progress), ==, 1.0);

  g_signal_handlers_disconnect_by_data (dossier_project_get_documents (project), &watch);
  g_array_unref (seen.fractions);
  g_ptr_array_unref (seen.messages);
}

/* One big file's import moves the bar as it goes (reading it, taking its
 * text out, saving it) and says what it does: one of 8 MB sat at "Importing
 * 1 of 1…", its bar still, for seconds. */
static void
test_import_one_big_file (TestProject   *fixture,
                          gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(DossierProgress) progress = dossier_progress_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("A long report\n\n");
  Seen seen = { g_array_new (FALSE, FALSE, sizeof (double)),
                g_ptr_array_new_with_free_func (g_free) };
  Waiter waiter = { NULL };
  guint within = 0;
  gboolean reading = FALSE, extracting = FALSE, saving = FALSE;

  while (text->len < 8 * 1024 * 1024)
    g_string_append (text, "The quay will be rebuilt in stone, the harbour board said on Monday. ");
  file = write_file (fixture->dir, "report.txt", text->str, (gssize) text->len);

  g_signal_connect (progress, "notify::fraction", G_CALLBACK (on_fraction), &seen);
  g_signal_connect (progress, "notify::message", G_CALLBACK (on_message), &seen);
  dossier_project_import_files_async (project, &file, 1, DOSSIER_FORMAT_AUTO, progress, NULL,
                                      on_done, &waiter);
  wait_until (has_result, &waiter, "the import");
  outcomes = dossier_project_import_files_finish (project, waiter.result, &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpuint (outcomes->len, ==, 1);
  g_assert_cmpint (((DossierImportOutcome *) g_ptr_array_index (outcomes, 0))->document_id, >, 0);

  /* Fractions that only go up, several of them inside the one file. */
  for (guint i = 0; i < seen.fractions->len; i++)
    {
      double f = g_array_index (seen.fractions, double, i);

      if (i > 0)
        g_assert_cmpfloat (f, >, g_array_index (seen.fractions, double, i - 1));
      within += f > 0.0 && f < 1.0;
    }
  g_assert_cmpuint (within, >=, 4);
  g_assert_cmpfloat (dossier_progress_get_fraction (progress), ==, 1.0);

  /* The line says what is done with the file, in that order. */
  for (guint i = 0; i < seen.messages->len; i++)
    {
      const char *m = g_ptr_array_index (seen.messages, i);

      g_assert_cmpstr (m, !=, "Importing 1 of 1…");
      if (g_strcmp0 (m, "Reading “report.txt”…") == 0)
        reading = !extracting && !saving;
      else if (g_strcmp0 (m, "Taking the text out of “report.txt”…") == 0)
        extracting = reading && !saving;
      else if (g_strcmp0 (m, "Saving “report.txt”…") == 0)
        saving = extracting;
    }
  g_assert_true (reading);
  g_assert_true (extracting);
  g_assert_true (saving);

  g_array_unref (seen.fractions);
  g_ptr_array_unref (seen.messages);
}

static void
test_import_cancel (TestProject   *fixture,
                    gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { NULL };
  Watch watch = { 0, cancellable };

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("note-%u.txt", i);

      g_ptr_array_add (files, write_file (fixture->dir, name, "A short note about the quay.", -1));
    }

  /* Cancelled as the first document arrives: it stays, the others never start. */
  g_signal_connect (dossier_project_get_documents (project), "items-changed",
                    G_CALLBACK (on_documents_changed), &watch);
  dossier_project_import_files_async (project, (GFile **) files->pdata, files->len,
                                      DOSSIER_FORMAT_TEXT, NULL, cancellable, on_done, &waiter);
  wait_until (has_result, &waiter, "the import");
  outcomes = dossier_project_import_files_finish (project, waiter.result, &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);

  g_assert_cmpuint (outcomes->len, ==, 4);
  g_assert_cmpint (((DossierImportOutcome *) g_ptr_array_index (outcomes, 0))->document_id, >, 0);
  for (guint i = 1; i < 4; i++)
    {
      DossierImportOutcome *o = g_ptr_array_index (outcomes, i);

      g_assert_cmpint (o->document_id, ==, 0);
      g_assert_error (o->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 1);
  g_signal_handlers_disconnect_by_data (dossier_project_get_documents (project), &watch);
}

static void
test_import_read_only (TestProject   *fixture,
                       gconstpointer  data)
{
  g_autoptr(DossierProject) reader = NULL;
  g_autoptr(GFile) file = write_file (fixture->dir, "a.txt", "Text.", -1);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { NULL };

  reader = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  dossier_project_import_files_async (reader, &file, 1, DOSSIER_FORMAT_AUTO, NULL, NULL,
                                      on_done, &waiter);
  wait_until (has_result, &waiter, "the refusal");
  outcomes = dossier_project_import_files_finish (reader, waiter.result, &error);
  g_assert_null (outcomes);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY);
  g_clear_object (&waiter.result);
}

/* A parsed document (pasted text) stored in a thread: it joins the
 * models in the caller's context before the callback, as one undoable
 * step; a read-only project refuses it. */
static void
test_add_document (TestProject   *fixture,
                   gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(DossierProject) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Waiter waiter = { NULL };
  Watch watch = { 0 };
  gint64 id;

  g_signal_connect (dossier_project_get_documents (project), "items-changed",
                    G_CALLBACK (on_documents_changed), &watch);
  dossier_project_add_document_async (project, make_doc ("Night buses", "The night bus runs again from June."),
                                      NULL, on_done, &waiter);
  g_assert_cmpuint (watch.added, ==, 0);
  wait_until (has_result, &waiter, "the document stored");
  g_assert_cmpuint (watch.added, ==, 1);
  id = dossier_project_add_document_finish (project, waiter.result, &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_nonnull (dossier_project_get_document (project, id));
  text = dossier_project_get_document_text (project, id, &error);
  g_assert_cmpstr (text, ==, "The night bus runs again from June.");
  g_assert_true (dossier_project_get_can_undo (project));
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_document (project, id));
  g_signal_handlers_disconnect_by_data (dossier_project_get_documents (project), &watch);

  reader = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  dossier_project_add_document_async (reader, make_doc ("Refused", "Not stored."), NULL, on_done, &waiter);
  wait_until (has_result, &waiter, "the refusal");
  g_assert_cmpint (dossier_project_add_document_finish (reader, waiter.result, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY);
  g_clear_object (&waiter.result);
}

/* ---- Export ------------------------------------------------------------------------ */

static void
test_export (TestProject   *fixture,
             gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(DossierProgress) progress = dossier_progress_new ();
  g_autofree char *sync_path = g_build_filename (fixture->dir, "sync.md", NULL);
  g_autofree char *async_path = g_build_filename (fixture->dir, "async.md", NULL);
  g_autofree char *cancelled_path = g_build_filename (fixture->dir, "cancelled.md", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { NULL };
  gint64 doc = add_doc (project, "Ferry fares", "Fares rise by a fifth from May.");
  gint64 tag = add_tag (project, "Prices", 0);

  g_assert_cmpint (dossier_project_tag_range (project, doc, 0, 5, tag, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (dossier_export_to_file (project, DOSSIER_EXPORT_MARKDOWN, NULL, NULL, sync_path,
                                         NULL, &error));
  g_assert_no_error (error);

  dossier_export_to_file_async (project, DOSSIER_EXPORT_MARKDOWN, NULL, NULL, async_path,
                                progress, NULL, on_done, &waiter);
  wait_until (has_result, &waiter, "the export");
  g_assert_true (dossier_export_to_file_finish (project, waiter.result, &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);

  g_file_get_contents (sync_path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (async_path, &got, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpstr (dossier_progress_get_message (progress), ==, "Exporting “async.md”…");
  g_assert_cmpfloat (dossier_progress_get_fraction (progress), ==, 1.0);

  /* Cancelled: an error that says so, and no file. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    dossier_export_to_file_async (project, DOSSIER_EXPORT_MARKDOWN, NULL, NULL, cancelled_path,
                                  NULL, cancellable, on_done, &waiter);
    wait_until (has_result, &waiter, "the cancelled export");
    g_assert_false (dossier_export_to_file_finish (project, waiter.result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_clear_object (&waiter.result);
    g_assert_false (g_file_test (cancelled_path, G_FILE_TEST_EXISTS));
  }

  /* A closed project: refused at once, with a message. */
  dossier_project_close (project);
  dossier_export_to_file_async (project, DOSSIER_EXPORT_MARKDOWN, NULL, NULL, async_path,
                                NULL, NULL, on_done, &waiter);
  wait_until (has_result, &waiter, "the refusal");
  g_assert_false (dossier_export_to_file_finish (project, waiter.result, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO);
  g_clear_error (&error);
  g_clear_object (&waiter.result);

  /* The fixture's check needs it open. */
  g_clear_object (&fixture->project);
  fixture->project = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/async/import", TestProject, NULL,
              test_project_set_up, test_import, test_project_tear_down);
  g_test_add ("/dossier/async/import-one-big-file", TestProject, NULL,
              test_project_set_up, test_import_one_big_file, test_project_tear_down);
  g_test_add ("/dossier/async/import-cancel", TestProject, NULL,
              test_project_set_up, test_import_cancel, test_project_tear_down);
  g_test_add ("/dossier/async/import-read-only", TestProject, NULL,
              test_project_set_up, test_import_read_only, test_project_tear_down);
  g_test_add ("/dossier/async/add-document", TestProject, NULL,
              test_project_set_up, test_add_document, test_project_tear_down);
  g_test_add ("/dossier/async/export", TestProject, NULL,
              test_project_set_up, test_export, test_project_tear_down);

  return g_test_run ();
}
