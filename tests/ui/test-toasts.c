/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-toasts.c — a toast's Undo undoes what the toast names and nothing
 * done after it; closing toasts as a user does, quickly one after the
 * other, with freed memory scribbled over (glibc's M_PERTURB, as
 * MALLOC_PERTURB_ sets it; under ASan a use after free is caught anyway).
 *
 * libadwaita 1.2 frees a toast's bookkeeping when its hiding animation
 * ends, while its showing animation may still run and later write to it:
 * a toast shown while the one before is still hiding slides in for
 * 500 ms, hides in 300, so closing it within 200 ms crashed
 * (fixed upstream in 1.3, commit 1674ebc9). dossier_accessible_show_toast
 * holds such an early dismissal back until the toast is in. Runs under
 * xvfb-run and dbus-run-session (suite "ui"). */
#include "config.h"

#include <malloc.h>
#include <string.h>

#include <adwaita.h>
#include <sqlite3.h>
#include <dossier/dossier.h>

#include "dossier-accessible.h"
#include "dossier-project-private.h"
#include "dossier-toast-title.h"
#include "dossier-ui-utils.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  DossierWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = test_make_tmp_dir ("toasts");
  path = g_build_filename (f->dir, "Toasts.dossier", NULL);
  dossier_project_close (dossier_project_create (path, "Toasts", &error));
  g_assert_no_error (error);

  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  file = g_file_new_for_path (path);
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
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
  g_free (f->dir);
}

/* The close button of the toast on show saying @title, or NULL. */
static GtkWidget *
close_button (Fixture    *f,
              const char *title)
{
  GtkWidget *overlay = GTK_WIDGET (f->window->toast_overlay);
  GtkWidget *content = adw_toast_overlay_get_child (f->window->toast_overlay);

  for (GtkWidget *toast = gtk_widget_get_first_child (overlay); toast != NULL;
       toast = gtk_widget_get_next_sibling (toast))
    {
      GtkWidget *label = NULL;
      GtkWidget *button = NULL;

      if (toast == content || !gtk_widget_get_can_target (toast))
        continue;
      for (GtkWidget *child = gtk_widget_get_first_child (toast); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child) || ADW_IS_BIN (child))
          label = GTK_IS_LABEL (child) ? child : find_descendant (child, GTK_TYPE_LABEL);
        else if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "circular"))
          button = child;
      if (label != NULL && button != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) == 0)
        return button;
    }
  return NULL;
}

typedef struct
{
  Fixture    *f;
  const char *title;
  GtkWidget  *button;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;

  wait->button = close_button (wait->f, wait->title);
  return wait->button != NULL;
}

/* Clicks the close button of the toast saying @title as soon as it shows. */
static void
close_at_once (Fixture    *f,
               const char *title)
{
  ToastWait wait = { f, title, NULL };

  wait_until (toast_shown, &wait, title);
  g_signal_emit_by_name (wait.button, "clicked");
}

/* Three toasts queued; each closed with its close button as soon as it
 * shows (the second and third slide in while the one before slides
 * out). Every toast goes, nothing crashes, the window still shows
 * toasts and their text reaches screen readers. */
static void
test_close_quickly (Fixture       *f,
                    gconstpointer  data)
{
  const char *titles[] = { "First toast", "Second toast", "Third toast" };

  for (guint round = 0; round < 3; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        dossier_window_show_toast (f->window, titles[i], i == 1);
      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        close_at_once (f, titles[i]);
      wait_until (shows_no_toast, f->window, "every toast to go");
      /* Whatever was still to run has run. */
      wait_for_animations (GTK_WIDGET (f->window->toast_overlay));
    }

  dossier_window_show_toast (f->window, "Still working", FALSE);
  {
    ToastWait wait = { f, "Still working", NULL };

    wait_until (toast_shown, &wait, "the last toast");
  }
}

typedef struct
{
  Fixture    *f;
  const char *start;
  AdwToast   *toast;
} ToastSaying;

static gboolean
toast_saying (gpointer data)
{
  ToastSaying *wait = data;
  GtkWidget *overlay = GTK_WIDGET (wait->f->window->toast_overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(AdwToast) toast = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "toast") == NULL ||
          !gtk_widget_get_can_target (child))
        continue;
      g_object_get (child, "toast", &toast, NULL);
      if (toast != NULL && g_str_has_prefix (dossier_toast_get_text (toast), wait->start))
        {
          wait->toast = toast;   /* the widget holds it */
          return TRUE;
        }
    }
  return FALSE;
}

/* The toast on show saying @title (waited for), as the overlay holds it. */
static AdwToast *
toast_on_show (Fixture    *f,
               const char *title)
{
  ToastSaying wait = { f, title, NULL };

  wait_until (toast_saying, &wait, title);
  g_assert_cmpstr (dossier_toast_get_text (wait.toast), ==, title);
  return wait.toast;
}

/* A toast stays long enough to read what it says: a short one
 * libadwaita's 5 s, a long one (three lines at a phone's width) longer,
 * at no more than 15 characters a second; one that stays until closed
 * stays. Before, every toast went after 5 s, the advice at its end
 * (“Free some space and try again”) often unread. */
static void
test_long_enough_to_read (Fixture       *f,
                          gconstpointer  data)
{
  const char *shorter = "Highlight removed";
  const char *longer = "Could not tag the passage: The disk is full: the change to "
                       "“Toasts.dossier” was not saved. Free some space and try again.";
  AdwToast *toast;

  dossier_window_show_toast (f->window, shorter, FALSE);
  toast = toast_on_show (f, shorter);
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 5);
  dismiss_toasts (GTK_WIDGET (f->window));

  dossier_window_show_toast (f->window, longer, FALSE);
  toast = toast_on_show (f, longer);
  g_assert_cmpuint (adw_toast_get_timeout (toast) * 15, >=, g_utf8_strlen (longer, -1));
  g_assert_cmpuint (adw_toast_get_timeout (toast), >, 5);
  /* Not for ever: it goes by itself. */
  g_assert_cmpuint (adw_toast_get_timeout (toast), <=, 15);
  dismiss_toasts (GTK_WIDGET (f->window));

  /* One with Undo, naming a long name, too. */
  g_assert_cmpuint (dossier_toast_reading_time ("Removed tag “Costs of the new harbour ferries "
                                                "and the north pier”"), >, 5);
  g_assert_cmpuint (dossier_toast_reading_time (""), ==, 5);
}

/* Waits for a toast whose text starts with @start, and asserts that it is
 * in the user's words: no database's or system's jargon, and each of the
 * other strings (up to NULL), the advice among them. */
static void
assert_toast_plain (Fixture    *f,
                    const char *start,
                    ...)
{
  static const char * const jargon[] = {
    "sqlite", "database", "readonly", "locked", "malformed", "errno", "i/o", "disk image",
  };
  ToastSaying wait = { f, start, NULL };
  g_autofree char *folded = NULL;
  const char *text, *says;
  va_list args;

  wait_until (toast_saying, &wait, start);
  text = dossier_toast_get_text (wait.toast);
  folded = g_utf8_strdown (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (jargon); i++)
    if (strstr (folded, jargon[i]) != NULL)
      g_error ("the toast “%s” says “%s”", text, jargon[i]);
  va_start (args, start);
  while ((says = va_arg (args, const char *)) != NULL)
    if (strstr (text, says) == NULL)
      g_error ("the toast “%s” does not say “%s”", text, says);
  va_end (args);
}

static gboolean
not_indexing (gpointer data)
{
  return !dossier_project_get_indexing (DOSSIER_PROJECT (data));
}

typedef struct
{
  DossierProject *project;
  DossierIndexer *indexer;
} IndexerWait;

static gboolean
indexer_gave_up (gpointer data)
{
  IndexerWait *wait = data;

  return wait->project->indexer != wait->indexer;
}

static void
count_not_indexed (guint *n_said)
{
  (*n_said)++;
}

/* Failures a user can meet while working, as the window tells them: the
 * file busy in another program (here a plain SQLite connection in the
 * middle of a write), and the file made read-only under the window. Each
 * toast says what failed, on which file and what to do, in the user's
 * words: it said “(database is locked)” and “(attempt to write a readonly
 * database)”, SQLite's English. The busy file is said once, though the
 * search indexer meets it too. */
static void
test_failures_in_plain_words (Fixture       *f,
                              gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  GtkWidget *reader = GTK_WIDGET (dossier_window_get_reader_page (f->window));
  g_autofree char *path = g_build_filename (f->dir, "Toasts.dossier", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *other = NULL;
  guint n_not_indexed = 0;
  gint64 document, tag, first, second;

  document = add_document (project, DOSSIER_FORMAT_TEXT,
                           "Ferry Fares\n\nFares rise in May, the operator said, and again in June.\n",
                           "ferry.txt");
  tag = dossier_project_add_tag (project, "Costs", 0, "#e5a50a", NULL, &error);
  g_assert_no_error (error);
  first = add_highlight (project, document, "Fares rise", &tag, 1, NULL);
  second = add_highlight (project, document, "the operator", &tag, 1, NULL);
  dossier_window_open_document (f->window, document);
  flush_events ();
  /* The text indexed first: FTS5 calls a 'delete' of a row it does not
   * hold yet a corrupt database (SQLITE_CORRUPT, seen once in CI). */
  wait_until (not_indexing, project, "the text to be indexed");

  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  /* The window may be writing in the background (the search index):
   * wait for it, then hold the file as another program would. */
  sqlite3_busy_timeout (other, 10000);
  /* The text waits for the index again, as a crash leaves it: the
   * window's indexer meets the lock too. */
  sql = g_strdup_printf ("INSERT INTO documents_fts (documents_fts, rowid, text) "
                         "  SELECT 'delete', id, text FROM documents WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO documents_unindexed (document) VALUES (%" G_GINT64_FORMAT ");",
                         document, document);
  g_assert_cmpint (sqlite3_exec (other, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_signal_connect_swapped (project, "not-indexed", G_CALLBACK (count_not_indexed), &n_not_indexed);
  g_assert_true (dossier_project_index_later (project));
  /* The indexer gives up waiting (after the busy timeout) first. */
  {
    IndexerWait wait = { project, project->indexer };

    wait_until (indexer_gave_up, &wait, "the indexer to give up");
  }
  g_assert_true (gtk_widget_activate_action (reader, "reader.remove-highlight", "x", first));
  assert_toast_plain (f, "Could not remove the highlight", "“Toasts.dossier”",
                      "busy in another program", "Try again", NULL);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  /* One failure, one toast: the indexing is done once the file is free,
   * and had nothing to say (it said “could not be indexed” in a second
   * toast, which stayed). */
  wait_until (not_indexing, project, "the indexing to end");
  g_assert_cmpuint (n_not_indexed, ==, 0);
  dismiss_toasts (GTK_WIDGET (f->window));

  g_assert_cmpint (sqlite3_exec (dossier_project_get_db (project), "PRAGMA query_only = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gtk_widget_activate_action (reader, "reader.remove-highlight", "x", second));
  assert_toast_plain (f, "Could not remove the highlight", "“Toasts.dossier”", "cannot be written",
                      "save a copy", NULL);
  g_assert_cmpint (sqlite3_exec (dossier_project_get_db (project), "PRAGMA query_only = 0",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

/* The bounds of the mapped @widget in @toast's coordinates. */
static graphene_rect_t
bounds_in_toast (GtkWidget *widget,
                 GtkWidget *toast)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, toast, &bounds));
  return bounds;
}

/* Shows a toast saying @title with an Undo button, and asserts that the
 * button is beside the text, which takes @lines lines. */
static void
assert_beside (Fixture    *f,
               const char *title,
               int         lines)
{
  GtkWidget *toast, *label, *button;
  graphene_rect_t text, action;

  {
    AdwToast *removed = adw_toast_new (title);

    adw_toast_set_button_label (removed, "_Undo");
    adw_toast_set_action_name (removed, "win.undo-step");
    adw_toast_set_action_target_value (removed, g_variant_new_uint64 (0));
    dossier_accessible_show_toast (GTK_WIDGET (f->window->toast_overlay), removed);
  }
  wait_until (shows_toast, f->window, "the toast");
  toast = window_toast (f->window);
  wait_for_animations (toast);
  label = find_label (toast, title);
  button = find_button_with_action (toast, "win.undo-step");
  text = bounds_in_toast (label, toast);
  action = bounds_in_toast (button, toast);
  g_assert_cmpfloat (action.origin.y, <, text.origin.y + text.size.height);
  g_assert_cmpfloat (action.origin.x, >=, text.origin.x + text.size.width);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), ==, lines);
  g_assert_false (gtk_widget_has_css_class (toast, "dossier-stacked"));
  dismiss_toasts (GTK_WIDGET (f->window));
}

/* At a phone's width a toast's text gets the toast's width: its buttons
 * go below it, at the end, when beside them it would take more than two
 * lines (before, the text was a column of a few words a line beside them,
 * seven lines for this message); wide, and for a text of one or two
 * lines, they stay beside it, as libadwaita has them. Everything in the
 * toast, the toast in the window. */
static void
test_text_gets_the_width (Fixture       *f,
                          gconstpointer  data)
{
  const char *what = "Could not tag the passage";
  const char *message = "Could not tag the passage: the project’s file was moved, deleted or "
                        "replaced. Save As… to keep your work.";
  g_autoptr(GError) error = g_error_new_literal (DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_MOVED,
                                                 "moved");
  GtkWidget *toast, *label, *button, *close;
  graphene_rect_t text, action, closing, in_window;

  resize_toplevel (GTK_WINDOW (f->window), 360, 800);
  g_test_expect_message ("Dossier", G_LOG_LEVEL_MESSAGE, "moved");
  dossier_report_in_toast (GTK_WIDGET (f->window->toast_overlay), what, error);
  g_test_assert_expected_messages ();
  wait_until (shows_toast, f->window, "the toast");
  toast = window_toast (f->window);
  wait_for_animations (toast);
  label = find_label (toast, message);
  g_assert_nonnull (label);
  button = find_button_with_action (toast, "win.save-as");
  close = find_with_class (toast, "circular");
  text = bounds_in_toast (label, toast);
  action = bounds_in_toast (button, toast);
  closing = bounds_in_toast (close, toast);

  /* The buttons below the text, at the end; the text across the toast. */
  g_assert_cmpfloat (action.origin.y, >=, text.origin.y + text.size.height);
  g_assert_cmpfloat (closing.origin.y, >=, text.origin.y + text.size.height);
  g_assert_cmpfloat (closing.origin.x, >=, action.origin.x + action.size.width);
  g_assert_cmpfloat (text.size.width, >=, 0.75 * gtk_widget_get_width (toast));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), <=, 4);
  /* All of it in the toast, the toast in the window. */
  g_assert_cmpfloat (closing.origin.y + closing.size.height, <=, gtk_widget_get_height (toast));
  g_assert_cmpfloat (closing.origin.x + closing.size.width, <=, gtk_widget_get_width (toast));
  in_window = bounds_in_window (toast, f->window);
  g_assert_cmpfloat (in_window.origin.x, >=, 0);
  g_assert_cmpfloat (in_window.origin.x + in_window.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_true (gtk_widget_has_css_class (toast, "dossier-stacked"));

  /* Wide, one row again. */
  resize_toplevel (GTK_WINDOW (f->window), 1280, 800);
  wait_for_animations (toast);
  text = bounds_in_toast (label, toast);
  action = bounds_in_toast (button, toast);
  g_assert_cmpfloat (action.origin.y, <, text.origin.y + text.size.height);
  g_assert_cmpfloat (action.origin.x, >=, text.origin.x + text.size.width);
  g_assert_false (gtk_widget_has_css_class (toast, "dossier-stacked"));
  dismiss_toasts (GTK_WIDGET (f->window));

  /* Short, with a button, at a phone's width: one row; a text of two
   * lines beside the buttons too. */
  resize_toplevel (GTK_WINDOW (f->window), 360, 800);
  assert_beside (f, "Highlight removed", 1);
  assert_beside (f, "Undone: Tag “Transit times”", 2);
}

/* Whether the highlight @id is in the project. */
static gboolean
has_highlight (Fixture *f,
               gint64   id)
{
  g_autoptr(DossierHighlight) hl = dossier_project_get_highlight (dossier_window_get_project (f->window), id, NULL);

  return hl != NULL;
}

/* Presses the Undo (or Redo) button of @toast, as if it were still on show:
 * a click in its hiding animation, or one the held dismissal of an early
 * one leaves (see dossier_accessible_show_toast). */
static void
press_toast_button (Fixture  *f,
                    AdwToast *toast)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  flush_events ();
}

/* Each toast with Undo names one action, and its Undo undoes that one or
 * nothing: a newer action (tagging, which shows no toast) dismisses it;
 * a newer toast with Undo replaces it rather than queueing behind it; the
 * Undone toast's Redo goes with a newer action too. Through the reader's
 * Remove Highlight and the project, as a user does them. */
static void
test_undo_names_its_action (Fixture       *f,
                            gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  GtkWidget *reader = GTK_WIDGET (dossier_window_get_reader_page (f->window));
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) removed = NULL;
  gint64 document, tag, first, second, third;

  document = add_document (project, DOSSIER_FORMAT_TEXT,
                           "Ferry Fares\n\nFares rise in May, the operator said, and again in June.\n",
                           "ferry.txt");
  tag = dossier_project_add_tag (project, "Costs", 0, "#e5a50a", NULL, &error);
  g_assert_no_error (error);
  first = add_highlight (project, document, "Fares rise", &tag, 1, NULL);
  second = add_highlight (project, document, "the operator", &tag, 1, NULL);
  dossier_window_open_document (f->window, document);
  flush_events ();

  /* The first removed, Undo offered; then a passage tagged. */
  g_assert_true (gtk_widget_activate_action (reader, "reader.remove-highlight", "x", first));
  wait_for_text (GTK_WIDGET (f->window), "Highlight removed");
  g_assert_nonnull (f->window->undo_toast);
  g_assert_cmpstr (dossier_toast_get_text (f->window->undo_toast), ==, "Highlight removed");
  removed = g_object_ref (f->window->undo_toast);
  third = add_highlight (project, document, "again in June", &tag, 1, NULL);
  flush_events ();
  /* The toast goes: its Undo no longer names what Undo would take back. */
  g_assert_null (f->window->undo_toast);
  press_toast_button (f, removed);
  g_assert_true (has_highlight (f, third));
  g_assert_false (has_highlight (f, first));

  /* Two removals: the second's toast replaces the first's, and its Undo
   * brings back the second only. */
  g_clear_object (&removed);
  g_assert_true (gtk_widget_activate_action (reader, "reader.remove-highlight", "x", second));
  g_assert_nonnull (f->window->undo_toast);
  removed = g_object_ref (f->window->undo_toast);
  g_assert_true (gtk_widget_activate_action (reader, "reader.remove-highlight", "x", third));
  g_assert_nonnull (f->window->undo_toast);
  g_assert_true (f->window->undo_toast != removed);
  press_toast_button (f, removed);
  g_assert_false (has_highlight (f, second));
  press_toast_button (f, f->window->undo_toast);
  g_assert_true (has_highlight (f, third));
  g_assert_false (has_highlight (f, second));

  /* That undo's toast offers Redo, until something else is done. */
  g_clear_object (&removed);
  g_assert_nonnull (f->window->undo_toast);
  g_assert_cmpstr (dossier_toast_get_text (f->window->undo_toast), ==, "Undone: Delete Highlight");
  removed = g_object_ref (f->window->undo_toast);
  g_assert_true (dossier_project_rename_tag (project, tag, "Fares", &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_null (f->window->undo_toast);
  press_toast_button (f, removed);
  g_assert_true (has_highlight (f, third));
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Rename Tag “Fares”");
}

int
main (int   argc,
      char *argv[])
{
  /* Freed memory is scribbled over, as MALLOC_PERTURB_ does. */
  mallopt (M_PERTURB, 0xa5);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/dossier/toasts/undo-names-its-action", Fixture, NULL,
              fixture_set_up, test_undo_names_its_action, fixture_tear_down);
  g_test_add ("/dossier/toasts/close-quickly", Fixture, NULL,
              fixture_set_up, test_close_quickly, fixture_tear_down);
  g_test_add ("/dossier/toasts/long-enough-to-read", Fixture, NULL,
              fixture_set_up, test_long_enough_to_read, fixture_tear_down);
  g_test_add ("/dossier/toasts/failures-in-plain-words", Fixture, NULL,
              fixture_set_up, test_failures_in_plain_words, fixture_tear_down);
  g_test_add ("/dossier/toasts/text-gets-the-width", Fixture, NULL,
              fixture_set_up, test_text_gets_the_width, fixture_tear_down);

  return g_test_run ();
}
