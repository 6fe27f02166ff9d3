/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-other-writers.c — the window and a project's file that others reach
 * too: under another name (a hard link), which opens read-only with a
 * banner saying why and what to do; or another program (the sqlite3
 * shell) writing it while the window has it open, which the window reads
 * again, saying so, keeping what is typed in a note. Runs under
 * with-display.sh (suite "ui"). */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <dossier/dossier.h>

#include "dossier-briefing-page.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  DossierWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_make_tmp_dir ("other-writers");
  f->path = g_build_filename (f->dir, "Ferries.dossier", NULL);
  test_make_project (f->path, "The ferry fare rises by a fifth in April.\n");

  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  flush_events ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_toplevels (GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_assert_finalize_object (f->window);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

typedef struct
{
  GtkWindow        *parent;
  AdwMessageDialog *dialog;
} DialogWait;

static gboolean
dialog_shown (gpointer data)
{
  DialogWait *wait = data;

  wait->dialog = (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG, wait->parent);
  return wait->dialog != NULL;
}

static gboolean
banner_shown (gpointer data)
{
  DossierWindow *window = data;

  return gtk_revealer_get_child_revealed (window->banner_revealer) &&
         gtk_widget_get_mapped (GTK_WIDGET (window->banner_label));
}

static gboolean
banner_hidden (gpointer data)
{
  DossierWindow *window = data;

  return !gtk_revealer_get_child_revealed (window->banner_revealer);
}

/* A project also under another name: opening it asks to open it
 * read-only, saying why; read-only, the banner says why and what to do,
 * until dismissed; another project opened without a second name has no
 * banner. */
static void
test_hard_link (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "Copy.dossier", NULL);
  g_autofree char *single = g_build_filename (f->dir, "Single.dossier", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other);
  g_autoptr(GFile) single_file = g_file_new_for_path (single);
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  DialogWait wait = { GTK_WINDOW (f->window), NULL };
  DossierProject *project;
  const char *text;

  g_assert_cmpint (link (f->path, other), ==, 0);
  test_make_project (single, "The bridge opens in June.\n");

  dossier_window_open_project_interactive (f->window, file);
  wait_until (dialog_shown, &wait, "the dialog saying why it cannot be written");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (wait.dialog),
                            "is also on this disk under another name"));
  g_assert_true (adw_message_dialog_has_response (wait.dialog, "read-only"));
  adw_message_dialog_response (wait.dialog, "read-only");
  gtk_window_destroy (GTK_WINDOW (wait.dialog));
  flush_events ();

  project = dossier_window_get_project (f->window);
  g_assert_nonnull (project);
  g_assert_true (dossier_project_get_read_only (project));
  wait_until (banner_shown, f->window, "the banner");
  text = gtk_label_get_text (f->window->banner_label);
  g_assert_nonnull (strstr (text, "“Copy.dossier” is also on this disk under another name"));
  g_assert_nonnull (strstr (text, "copy the file and open the copy"));
  /* Read as it is on disk: nothing beside either name. */
  listed = test_list_dir (f->dir);
  g_assert_cmpstr (listed, ==, "Copy.dossier Ferries.dossier Single.dossier");

  /* Dismissed, it goes. */
  {
    GtkWidget *box = gtk_revealer_get_child (f->window->banner_revealer);
    GtkWidget *close = gtk_widget_get_last_child (box);

    g_assert_true (GTK_IS_BUTTON (close));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (close), ==, "Dismiss");
    g_signal_emit_by_name (close, "clicked");
  }
  wait_until (banner_hidden, f->window, "the banner gone");

  /* Opened again, it says so again; another project, not. */
  dossier_window_set_project (f->window, NULL);
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_ONLY, &error));
  g_assert_no_error (error);
  wait_until (banner_shown, f->window, "the banner again");
  g_assert_true (dossier_window_open_project (f->window, single_file, DOSSIER_OPEN_READ_WRITE,
                                              &error));
  g_assert_no_error (error);
  wait_until (banner_hidden, f->window, "no banner for a project of one name");
}

static const char reloaded[] = "The project was changed by another program and has been reloaded.";

static gboolean
banner_says_reloaded (gpointer data)
{
  DossierWindow *window = data;

  return banner_shown (window) &&
         g_strcmp0 (gtk_label_get_text (window->banner_label), reloaded) == 0;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Another program (here a second SQLite connection, as the sqlite3 shell
 * makes) changes the project the window has open: the window reads it
 * again and says so; what was typed in the note on show and not saved
 * yet stays, and is saved. The window's own changes say nothing. */
static void
test_changed_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *typed = NULL;
  DossierBriefingPage *page = DOSSIER_BRIEFING_PAGE (f->window->briefing_page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (page));
  DossierProject *project;
  GtkTextIter end;
  sqlite3 *db = NULL;
  gint64 id;

  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  project = dossier_window_get_project (f->window);
  id = dossier_project_add_briefing (project, "Plan", NULL, 0, "Nothing yet.", &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (page, id);
  g_assert_cmpint (dossier_project_add_tag (project, "Own", 0, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  flush_events ();
  g_assert_false (_dossier_window_check_changed_elsewhere (f->window));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->banner_revealer));

  /* Typed, not saved yet (the page saves once typing pauses). */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " Typed here.", -1);

  sql = g_strdup_printf ("UPDATE tags SET name = 'Fares' WHERE name = 'Pro';"
                         "UPDATE documents SET title = 'Renamed elsewhere' WHERE id = 1;"
                         "UPDATE briefings SET title = 'Retitled', body = 'Changed elsewhere.' "
                         "WHERE id = %" G_GINT64_FORMAT ";", id);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  /* The window looks by itself (every second, and when it becomes
   * active); a look now, with the typing still unsaved. */
  g_assert_true (_dossier_window_check_changed_elsewhere (f->window));
  wait_until (banner_says_reloaded, f->window, "the banner saying the project was reloaded");
  g_assert_nonnull (dossier_project_find_tag (project, "Fares"));
  g_assert_null (dossier_project_find_tag (project, "Pro"));
  g_assert_cmpstr (dossier_document_get_title (dossier_project_get_document (project, 1)), ==,
                   "Renamed elsewhere");
  wait_for_text (GTK_WIDGET (f->window->documents_panel), "Renamed elsewhere");
  g_assert_cmpstr (dossier_briefing_get_title (dossier_project_get_briefing (project, id)), ==,
                   "Retitled");

  typed = buffer_text (buffer);
  g_assert_cmpstr (typed, ==, "Nothing yet. Typed here.");
  dossier_briefing_page_commit (page);
  g_assert_cmpstr (dossier_briefing_get_body (dossier_project_get_briefing (project, id)), ==,
                   "Nothing yet. Typed here.");
  /* Its own save is not another program's. */
  g_assert_false (_dossier_window_check_changed_elsewhere (f->window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/dossier/other-writers/hard-link", Fixture, NULL,
              fixture_set_up, test_hard_link, fixture_tear_down);
  g_test_add ("/dossier/other-writers/changed-elsewhere", Fixture, NULL,
              fixture_set_up, test_changed_elsewhere, fixture_tear_down);

  return g_test_run ();
}
