/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile.c — the hostile projects of tests/hostile/make-hostile.py
 * in the window.
 *
 * Each file make-hostile.py makes for a case of its quick set (a case of
 * each kind of hostility, huge values of 1 MB: the set test-hostile-sweep
 * runs through dossier-cli) is opened as Open does: it opens, read-only
 * with the banner saying why, or a dialog says why not. Then every page
 * and panel is shown in turn (page-visits.c): the reader on each
 * document, the sidebar's tabs, Compare and Brief. Nothing may crash,
 * hang or log a warning (fatal here), and no label may show a text from
 * the file whole.
 */

#include "config.h"

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-window-private.h"
#include "page-visits.h"
#include "ui-test-util.h"

/* What make-hostile.py --quick prints, given @args (after its options). */
static char *
run_make_hostile (const char * const *args)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "hostile",
                                                   "make-hostile.py", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) "python3");
  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, (char *) "--quick");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("make-hostile.py failed: %s", err);
  return out;
}

/* @file opened as Open does, with no file chooser: it opens, or a dialog
 * says why not; one offering to open it read-only is taken up, and the
 * banner then says why it is read-only. Whether the window shows it. */
static gboolean
open_as_open_does (DossierWindow *window,
                   GFile         *file)
{
  AdwMessageDialog *dialog;
  gboolean read_only_offered;

  dossier_window_open_project_interactive (window, file);
  flush_events ();
  if (dossier_window_get_project (window) != NULL)
    return TRUE;

  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  assert_labels_short (GTK_WIDGET (dialog));
  read_only_offered = adw_message_dialog_has_response (dialog, "read-only");
  if (read_only_offered)
    adw_message_dialog_response (dialog, "read-only");
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
  if (!read_only_offered)
    return FALSE;

  g_assert_nonnull (dossier_window_get_project (window));
  g_assert_true (dossier_project_get_read_only (dossier_window_get_project (window)));
  g_assert_true (gtk_revealer_get_reveal_child (window->banner_revealer));
  g_assert_cmpstr (gtk_label_get_text (window->banner_label), !=, "");
  return TRUE;
}

/* Each file make-hostile.py makes for the case @data (a hard link has
 * two names), opened in a window of its own, every page visited. */
static void
test_hostile (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = test_make_tmp_dir ("hostile");
  g_autofree char *out = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  out = run_make_hostile ((const char *[]) { g_getenv ("DOSSIER_SAMPLE_PROJECT"), dir, name,
                                             NULL });
  listing = g_dir_open (dir, 0, NULL);
  /* Not the journal or log a case puts beside a project. */
  while ((entry = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (entry, ".dossier"))
      g_ptr_array_add (files, g_build_filename (dir, entry, NULL));
  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      DossierWindow *window = g_object_ref_sink (dossier_window_new (NULL));

      g_test_message ("%s", (char *) g_ptr_array_index (files, i));
      gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
      gtk_window_present (GTK_WINDOW (window));
      if (open_as_open_does (window, file))
        {
          wait_until (view_painted, window, "the first paint");
          visit_every_page (window, FALSE);
        }
      close_reader_window (&window);
    }
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = test_make_tmp_dir ("data");
  g_autofree char *list = NULL;
  g_auto(GStrv) cases = NULL;
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  list = run_make_hostile ((const char *[]) { "--list", NULL });
  cases = g_strsplit (g_strstrip (list), "\n", -1);
  for (guint i = 0; cases[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/dossier/hostile/%s", cases[i]);

      g_test_add_data_func (path, cases[i], test_hostile);
    }

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
