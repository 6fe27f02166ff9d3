/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-cancel.c — cancelling the import of a huge file while it is
 * being read: nothing is imported (the document was added anyway, seconds
 * after the user cancelled, when the cancel came during the parse). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <dossier/dossier.h>

#include "test-util.h"

/* Cancels the import as soon as it says it has started on the file. */
static void
on_message (DossierProgress *progress,
            GParamSpec      *pspec,
            GCancellable    *cancellable)
{
  if (dossier_progress_get_message (progress) != NULL)
    g_cancellable_cancel (cancellable);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* A Markdown file of one 8 MB paragraph (seconds to parse): cancelled
 * once its import has begun, it is not in the project, and the outcome
 * says it was cancelled. */
static void
test_cancel_during_parse (TestProject   *f,
                          gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("# Minutes\n\n");
  g_autofree char *path = g_build_filename (f->dir, "minutes.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierProgress) progress = dossier_progress_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  DossierImportOutcome *outcome;

  while (text->len < 8 * 1000 * 1000)
    g_string_append (text, "The council *voted* on the [bridge](https://example.org) again today. ");
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);

  g_signal_connect (progress, "notify::message", G_CALLBACK (on_message), cancellable);
  dossier_project_import_files_async (f->project, &file, 1, DOSSIER_FORMAT_AUTO, progress, cancellable,
                                      on_imported, &result);
  wait_until (has_result, &result, "the import");
  outcomes = dossier_project_import_files_finish (f->project, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->len, ==, 1);
  outcome = g_ptr_array_index (outcomes, 0);
  g_assert_error (outcome->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (outcome->document_id, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (f->project)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-cancel/during-parse", TestProject, NULL, test_project_set_up,
              test_cancel_during_parse, test_project_tear_down);

  return g_test_run ();
}
