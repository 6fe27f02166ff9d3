/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-start-page.c — what a user meets around projects: the start page's
 * recent projects (opened with one click; a vanished file offered for
 * removal; one Tab stop), New Project starting in the Documents folder rather than the
 * app's own, an article opened as if it were a project offered for
 * import, a file imported twice warned about, and deleting the document
 * on show showing the next. Runs under xvfb-run and dbus-run-session
 * (suite "ui"). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-application.h"
#include "dossier-start-page.h"
#include "dossier-toast-title.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  GSettings     *settings;
  DossierWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("dossier-test-start-XXXXXX", &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "recent-projects");
  g_settings_reset (f->settings, "recent-project-info");

  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 900);
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
  g_clear_object (&f->window);
  g_clear_object (&f->settings);
  remove_tree (f->dir);
  g_free (f->dir);
}

/* A project "@name.dossier" in the fixture's folder with @n_documents
 * documents; its path. */
static char *
make_project (Fixture    *f,
              const char *name,
              const char *title,
              guint       n_documents)
{
  g_autofree char *file = g_strconcat (name, ".dossier", NULL);
  char *path = g_build_filename (f->dir, file, NULL);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = dossier_project_create (path, title, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_documents; i++)
    {
      g_autofree char *text = g_strdup_printf ("# Article %u\n\nThe ferry fares rose by %u percent.\n", i + 1, i + 5);

      add_document (project, DOSSIER_FORMAT_MARKDOWN, text, "article.md");
    }
  dossier_project_close (project);
  return path;
}

static void
open_path (Fixture    *f,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  flush_events ();
}

static GtkListBox *
recent_list (Fixture *f)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (f->window), DOSSIER_TYPE_START_PAGE);

  g_assert_nonnull (page);
  return dossier_start_page_get_list (DOSSIER_START_PAGE (page));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static AdwMessageDialog *
message_dialog (Fixture *f)
{
  flush_events ();

  return ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
}

/* Answers @dialog as its button would: the response, then it closes
 * (adw_message_dialog_response () alone leaves it open). */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

static gboolean
not_importing (gpointer data)
{
  return !dossier_window_is_importing (DOSSIER_WINDOW (data));
}

static void
test_recent_projects (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *ferries = make_project (f, "Ferries", "Ferry Fares", 3);
  g_autofree char *harbour = make_project (f, "Harbour", "Harbour Works", 1);
  g_autofree char *vanished = make_project (f, "Old", "Old Notes", 0);
  g_autofree char *basename = NULL;
  GtkListBox *list;
  AdwActionRow *row;
  AdwMessageDialog *dialog;

  /* Each project opened once, then closed: the window records its title,
   * its documents and when it was opened. */
  open_path (f, vanished);
  open_path (f, harbour);
  open_path (f, ferries);
  g_assert_cmpint (g_unlink (vanished), ==, 0);
  dossier_window_set_project (f->window, NULL);
  flush_events ();

  /* No project: the start page, most recent first. */
  list = recent_list (f);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (list)));
  g_assert_cmpuint (count_rows (list), ==, 3);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Ferry Fares");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Ferries.dossier"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "3 documents"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Opened today"));
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Harbour Works");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "1 document"));

  /* The vanished one says so. */
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 2));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Old Notes");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Not found"));

  /* One click on it: an offer to take it off the list; kept, it stays. */
  g_signal_emit_by_name (list, "row-activated", row);
  dialog = message_dialog (f);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Old.dossier"));
  respond (dialog, "keep");
  g_assert_cmpuint (count_rows (recent_list (f)), ==, 3);
  g_assert_null (dossier_window_get_project (f->window));

  g_signal_emit_by_name (recent_list (f), "row-activated", gtk_list_box_get_row_at_index (recent_list (f), 2));
  dialog = message_dialog (f);
  respond (dialog, "remove");
  g_assert_cmpuint (count_rows (recent_list (f)), ==, 2);
  {
    g_auto(GStrv) recent = g_settings_get_strv (f->settings, "recent-projects");

    g_assert_cmpuint (g_strv_length (recent), ==, 2);
    g_assert_false (g_strv_contains ((const char * const *) recent, vanished));
  }

  /* One click on a project opens it. */
  list = recent_list (f);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  flush_events ();
  g_assert_nonnull (dossier_window_get_project (f->window));
  basename = g_path_get_basename (dossier_project_get_path (dossier_window_get_project (f->window)));
  g_assert_cmpstr (basename, ==, "Harbour.dossier");

  /* Its remove button takes one off the list, and nothing else. */
  dossier_window_set_project (f->window, NULL);
  flush_events ();
  list = recent_list (f);
  g_assert_cmpuint (count_rows (list), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "start.remove-recent", "s", ferries));
  flush_events ();
  g_assert_cmpuint (count_rows (recent_list (f)), ==, 1);
  g_assert_true (g_file_test (ferries, G_FILE_TEST_IS_REGULAR));
}

/* The recent projects are one Tab stop: Tab from Open Project lands on
 * the first, Down on the next, Tab on a row reaches its Remove button and
 * Tab again leaves the list (it went through each row and its button);
 * Shift+Tab comes back to the row left. Enter on Remove takes that project
 * off, the focus on the one now in its place. Real key presses. */
static void
test_recent_one_tab_stop (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *ferries = make_project (f, "Ferries", "Ferry Fares", 0);
  g_autofree char *harbour = make_project (f, "Harbour", "Harbour Works", 0);
  g_autofree char *piers = make_project (f, "Piers", "Pier Repairs", 0);
  g_auto(GStrv) recent = NULL;
  GtkWidget *open, *focus;
  GtkListBox *list;

  dossier_application_add_recent (f->settings, piers);
  dossier_application_add_recent (f->settings, harbour);
  dossier_application_add_recent (f->settings, ferries);
  flush_events ();
  list = recent_list (f);
  g_assert_cmpuint (count_rows (list), ==, 3);
  open = find_button_with_action (GTK_WIDGET (f->window), "win.open-project");
  g_assert_nonnull (open);

  g_assert_true (gtk_widget_grab_focus (open));
  press_for_row (list, "Tab", 0);
  press_for_row (list, "Down", 1);
  press_for_row (list, "Tab", 1);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "start.remove-recent");
  press_for_row (list, "Tab", -1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) != open);

  /* Back: on the row left (its button first, as Shift+Tab goes), then out
   * to Open Project. */
  press_for_row (list, "shift+Tab", 1);
  press_for_row (list, "shift+Tab", 1);
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (GTK_ROOT (f->window))));
  press_for_row (list, "shift+Tab", -1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == open);

  /* Tab, Tab, Enter: Harbour off the list; the focus on Piers, in its place. */
  press_for_row (list, "Tab", 1);
  press_for_row (list, "Tab", 1);
  keys_through_x (GTK_WIDGET (list), "Return");
  list = recent_list (f);
  g_assert_cmpuint (count_rows (list), ==, 2);
  recent = g_settings_get_strv (f->settings, "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_false (g_strv_contains ((const char * const *) recent, harbour));
  wait_until (row_focused, &(RowFocus) { list, 1 }, "the focus on the row in its place");
  /* Named after its file: never opened, the window recorded no title. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_root_get_focus (GTK_ROOT (f->window)))),
                   ==, "Piers");
}

/* New Project starts in the Documents folder (or home), not in the app's
 * data folder where the sample project and its lock and WAL files are;
 * beside a project of the user's own, it starts there. */
static void
test_new_project_folder (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *private_dir = g_build_filename (g_get_user_data_dir (), "dossier", NULL);
  g_autofree char *sample = g_build_filename (private_dir, "Sample.dossier", NULL);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *expected = g_strdup (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                        ? documents : g_get_home_dir ());
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *mine = make_project (f, "Mine", "Mine", 0);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (private_dir, 0700), ==, 0);
  project = dossier_project_create (sample, "Sample", &error);
  g_assert_no_error (error);
  dossier_project_close (project);

  /* No project. */
  folder = _dossier_window_get_project_folder (f->window);
  folder_path = g_file_get_path (folder);
  g_assert_cmpstr (folder_path, ==, expected);
  g_clear_object (&folder);
  g_clear_pointer (&folder_path, g_free);

  /* The sample, in the app's data folder. */
  open_path (f, sample);
  folder = _dossier_window_get_project_folder (f->window);
  folder_path = g_file_get_path (folder);
  g_assert_cmpstr (folder_path, ==, expected);
  g_assert_false (g_str_has_prefix (folder_path, private_dir));
  g_clear_object (&folder);
  g_clear_pointer (&folder_path, g_free);

  /* (The chooser is given that folder; it is not opened here: GTK's own
   * dialog loads libcloudproviders, whose caches LeakSanitizer reports
   * under frames it cannot name.) */

  /* A project of the user's own: beside it. */
  open_path (f, mine);
  folder = _dossier_window_get_project_folder (f->window);
  folder_path = g_file_get_path (folder);
  g_assert_cmpstr (folder_path, ==, f->dir);

  dossier_window_set_project (f->window, NULL);
  g_assert_cmpint (g_unlink (sample), ==, 0);
}

/* An article opened as a project is offered for import: into the project
 * open, or into a new one. */
static void
test_open_article (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *ferries = make_project (f, "Ferries", "Ferry Fares", 1);
  g_autofree char *page_path = g_build_filename (f->dir, "pier.html", NULL);
  g_autoptr(GFile) page = g_file_new_for_path (page_path);
  AdwMessageDialog *dialog;
  GListModel *documents;

  g_assert_true (g_file_set_contents (page_path,
                                      "<html><head><title>Pier Repairs Begin</title></head><body>"
                                      "<article><h1>Pier Repairs Begin</h1><p>Work on the south pier "
                                      "starts in May, the port said.</p></article></body></html>",
                                      -1, NULL));

  /* No project open: a new project for it is offered. */
  dossier_window_open_project_interactive (f->window, page);
  dialog = message_dialog (f);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "pier.html"));
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));
  g_assert_false (adw_message_dialog_has_response (dialog, "import"));
  respond (dialog, "cancel");
  g_assert_null (dossier_window_get_project (f->window));

  /* A project open: imported into it. */
  open_path (f, ferries);
  documents = dossier_project_get_documents (dossier_window_get_project (f->window));
  dossier_window_open_project_interactive (f->window, page);
  dialog = message_dialog (f);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Ferry Fares"));
  respond (dialog, "import");
  wait_until (not_importing, f->window, "the import");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  {
    g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, 1);

    g_assert_cmpstr (dossier_document_get_title (doc), ==, "Pier Repairs Begin");
  }
  /* The project is still the one open. */
  g_assert_true (g_str_has_suffix (dossier_project_get_path (dossier_window_get_project (f->window)),
                                   "Ferries.dossier"));
}

/* Importing a file whose text is already in the project warns, and can
 * take the new copy out again. */
static void
test_import_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *ferries = make_project (f, "Ferries", "Ferry Fares", 0);
  g_autofree char *wire = g_build_filename (f->dir, "wire.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.txt", NULL);
  g_autoptr(GFile) wire_file = g_file_new_for_path (wire);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  AdwMessageDialog *dialog;
  GListModel *documents;
  gint64 first_id;

  g_assert_true (g_file_set_contents (wire, "Pier Repairs Begin\n\nWork on the south pier starts in May.\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (other, "Pier Repairs Delayed\n\nWork on the south pier waits for June.\n",
                                      -1, NULL));
  open_path (f, ferries);
  documents = dossier_project_get_documents (dossier_window_get_project (f->window));

  /* The first time, and another file: no warning. */
  dossier_window_import_files (f->window, &wire_file, 1);
  wait_until (not_importing, f->window, "the import");
  dossier_window_import_files (f->window, &other_file, 1);
  wait_until (not_importing, f->window, "the import");
  g_assert_null (message_dialog (f));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  {
    g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, 0);

    first_id = dossier_document_get_id (doc);
  }

  /* Again: a warning naming both; kept, both stay. */
  dossier_window_import_files (f->window, &wire_file, 1);
  wait_until (not_importing, f->window, "the import");
  dialog = message_dialog (f);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Already in the Project");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "wire.txt"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Pier Repairs Begin"));
  respond (dialog, "keep");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);

  /* Once more, and the new copy removed: the original is shown. A
   * briefing note cited the copy's highlight (as one a REFI-QDA project
   * imported twice brings): the toast says so, as deleting a document's
   * does. */
  dossier_window_import_files (f->window, &wire_file, 1);
  wait_until (not_importing, f->window, "the import");
  dialog = message_dialog (f);
  g_assert_nonnull (dialog);
  {
    DossierProject *project = dossier_window_get_project (f->window);
    g_autoptr(DossierDocument) copy = g_list_model_get_item (documents, 3);
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierHighlight) added = NULL;
    g_autofree char *body = NULL;
    gint64 tag = dossier_project_add_tag (project, "Piers", 0, NULL, NULL, &error);
    gint64 highlight;

    g_assert_no_error (error);
    highlight = dossier_project_add_highlight (project, dossier_document_get_id (copy), 0, 4, &tag, 1, NULL, &error);
    g_assert_no_error (error);
    added = dossier_project_get_highlight (project, highlight, &error);
    g_assert_no_error (error);
    body = g_strdup_printf ("The pier [@%s].", dossier_highlight_get_uuid (added));
    g_assert_cmpint (dossier_project_add_briefing (project, "Piers", NULL, 0, body, &error), >, 0);
    g_assert_no_error (error);
  }
  respond (dialog, "remove");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, first_id);
  g_assert_nonnull (f->window->undo_toast);
  g_assert_cmpstr (dossier_toast_get_text (f->window->undo_toast), ==,
                   "Removed 1 new copy; 1 briefing note cited its highlights");
}

/* Deleting the document on show shows the next one in the list (the one
 * before, for the last); deleting the last document shows none. */
static void
test_delete_shows_next (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *ferries = make_project (f, "Ferries", "Ferry Fares", 3);
  DossierProject *project;
  GListModel *documents;
  gint64 ids[3];
  g_autoptr(GError) error = NULL;

  open_path (f, ferries);
  project = dossier_window_get_project (f->window);
  documents = dossier_project_get_documents (project);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, i);

      ids[i] = dossier_document_get_id (doc);
    }

  /* The middle one, deleted from the documents list as a user does. */
  dossier_window_open_document (f->window, ids[1]);
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->documents_panel), "documents.delete",
                                             "x", ids[1]));
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, ids[2]);

  /* The last one: the one before it. */
  g_assert_true (dossier_project_delete_document (project, ids[2], &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, ids[0]);

  /* Deleting the only one left shows none. */
  g_assert_true (dossier_project_delete_document (project, ids[0], &error));
  flush_events ();
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, 0);
}

/* A switcher among the pages shown, at or below @widget (header or bar). */
static gboolean
switcher_shown (GtkWidget *widget)
{
  g_autoptr(GPtrArray) switchers = g_ptr_array_new ();

  collect_descendants (widget, ADW_TYPE_VIEW_SWITCHER, switchers);
  for (guint i = 0; i < switchers->len; i++)
    {
      GtkWidget *switcher = g_ptr_array_index (switchers, i);
      GtkWidget *button = gtk_widget_get_first_child (switcher);

      /* Mapped, with buttons: the switcher of a stack that has pages. */
      if (gtk_widget_get_mapped (switcher) && gtk_widget_is_drawable (switcher) && button != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The start page's header has no Read / Compare / Brief switcher (there is
 * nothing to switch between), in a wide window or a narrow one (where it
 * would be the bar at the bottom); a project open, it is there. */
static void
test_no_switcher_without_project (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *ferries = make_project (f, "Ferries", "Ferry Fares", 1);
  GtkWidget *window = GTK_WIDGET (f->window);

  g_assert_null (dossier_window_get_project (f->window));
  g_assert_false (switcher_shown (window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 560, 900);
  flush_events ();
  g_assert_false (switcher_shown (window));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 900);
  open_path (f, ferries);
  flush_events ();
  g_assert_true (switcher_shown (window));

  dossier_window_set_project (f->window, NULL);
  flush_events ();
  g_assert_false (switcher_shown (window));
}

/* The list keeps the ten last opened, newest first, each once; a path
 * taken off it goes and the others keep their order. */
static void
test_recent_list (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(GStrv) recent = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *path = g_strdup_printf ("/tmp/recent-%u.dossier", i);

      dossier_application_add_recent (f->settings, path);
    }
  dossier_application_add_recent (f->settings, "/tmp/recent-5.dossier");
  recent = g_settings_get_strv (f->settings, "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, 10);
  g_assert_cmpstr (recent[0], ==, "/tmp/recent-5.dossier");
  g_assert_cmpstr (recent[1], ==, "/tmp/recent-11.dossier");
  g_assert_cmpstr (recent[9], ==, "/tmp/recent-2.dossier");
  g_clear_pointer (&recent, g_strfreev);

  dossier_application_remove_recent (f->settings, "/tmp/recent-11.dossier");
  recent = g_settings_get_strv (f->settings, "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, 9);
  g_assert_cmpstr (recent[0], ==, "/tmp/recent-5.dossier");
  g_assert_cmpstr (recent[1], ==, "/tmp/recent-10.dossier");
  g_assert_cmpstr (recent[8], ==, "/tmp/recent-2.dossier");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = test_make_tmp_dir ("data");
  int status;

  /* The user's data folder (the app's own, where the sample goes) is the
   * test's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/dossier/start/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("recent-projects", test_recent_projects);
  ADD ("recent-list", test_recent_list);
  ADD ("recent-one-tab-stop", test_recent_one_tab_stop);
  ADD ("new-project-folder", test_new_project_folder);
  ADD ("open-article", test_open_article);
  ADD ("import-twice", test_import_twice);
  ADD ("delete-shows-next", test_delete_shows_next);
  ADD ("no-switcher-without-project", test_no_switcher_without_project);

#undef ADD

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
