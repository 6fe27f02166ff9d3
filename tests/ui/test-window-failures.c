/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-failures.c — what the window tells the user when an action
 * fails, and that the failure changed nothing: tagging, undo and a memo on
 * a full disk or a file that cannot be written (the memo dialog stays open
 * with the text) (test-util's full-disk VFS, and SQLite's max_page_count),
 * tagging while another program holds the file's write lock, a project
 * open read-only, and exports that cannot be written or fail midway.
 * Each failure is looked for where the user sees it: a toast in the
 * window's overlay, or a message dialog.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>
#include <dossier/dossier.h>

#include "dossier-application.h"
#include "dossier-codebook-panel.h"
#include "dossier-export-dialog.h"
#include "dossier-project-private.h"
#include "dossier-reader-page-private.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

static const char article[] =
  "# Harbour Ferry Fares Rise\n"
  "\n"
  "The city council voted on Tuesday to raise ferry fares by ten percent, "
  "citing the cost of diesel and two new boats for the café-lined north pier.\n"
  "\n"
  "The council’s vote — seven to four — ends a debate that lasted two years.\n";

typedef struct
{
  char          *dir;
  char          *path;
  gint64         document_id;
  gint64         risks_id;
  DossierWindow *window;
  gboolean       damaged;    /* left damaged on purpose: not checked */
} Fixture;

/* ---- Helpers ------------------------------------------------------------------- */

static void
open_window (Fixture          *f,
             DossierOpenFlags  flags)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  /* Every connection from here on goes through the full-disk VFS, which
   * has room until a test takes it away. */
  test_full_disk_set_room (-1);

  project = test_create_project ("Ferries", "Ferry Fares", &f->dir, &f->path);
  f->risks_id = dossier_project_add_tag (project, "Risks", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  f->document_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, article, "ferries.md");
  dossier_project_close (project);

  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  file = g_file_new_for_path (f->path);
  g_assert_true (dossier_window_open_project (f->window, file, flags, &error));
  g_assert_no_error (error);
  dossier_window_open_document (f->window, f->document_id);
  wait_until (view_painted, f->window, "the first paint");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  open_window (f, DOSSIER_OPEN_READ_WRITE);
}

static void
fixture_set_up_read_only (Fixture       *f,
                          gconstpointer  data)
{
  open_window (f, DOSSIER_OPEN_READ_ONLY);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_full_disk_set_room (-1);
  close_toplevels (GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_clear_object (&f->window);

  /* Whatever failed, the project holds together (but the damage a test
   * made on purpose). */
  if (!f->damaged)
    {
      g_autoptr(DossierProject) project = NULL;
      g_autoptr(GError) error = NULL;

      project = dossier_project_open (f->path, DOSSIER_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      assert_project_sound (project);
    }

  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static DossierProject *
project_of (Fixture *f)
{
  return dossier_window_get_project (f->window);
}

static void
select_text (Fixture    *f,
             const char *needle,
             gint64     *start,
             gint64     *end)
{
  find_text_range (project_of (f), f->document_id, needle, start, end);
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), *start, *end);
  flush_events ();
}

static guint
n_highlights (Fixture *f)
{
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;

  highlights = dossier_project_list_highlights (project_of (f), f->document_id, 0, &error);
  g_assert_no_error (error);
  return highlights->len;
}

/* ---- What the user is shown ------------------------------------------------------ */

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* The text of the toasts on show: every widget of the window's toast
 * overlay but its content. */
static char *
shown_toasts (Fixture *f)
{
  GtkWidget *overlay = GTK_WIDGET (f->window->toast_overlay);
  GtkWidget *content = adw_toast_overlay_get_child (f->window->toast_overlay);
  GString *out = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content)
      collect_labels (child, out);
  return g_string_free (out, FALSE);
}

typedef struct
{
  Fixture    *f;
  const char *needle;
} ToastWait;

static gboolean
toast_shows (gpointer data)
{
  ToastWait *wait = data;
  g_autofree char *toasts = shown_toasts (wait->f);

  return strstr (toasts, wait->needle) != NULL;
}

/* Waits for a toast saying @first and then each of the other strings,
 * up to NULL, in that order. A toast shown before it is on screen for
 * its few seconds first: the overlay queues them. (Closing them quickly
 * with their close buttons is test-toasts'.) */
static void
assert_toast (Fixture    *f,
              const char *first,
              ...)
{
  ToastWait wait = { f, first };
  g_autofree char *toasts = NULL;
  const char *at, *next;
  va_list args;

  wait_until (toast_shows, &wait, first);
  toasts = shown_toasts (f);
  at = strstr (toasts, first);
  va_start (args, first);
  while ((next = va_arg (args, const char *)) != NULL)
    {
      const char *found = strstr (at, next);

      if (found == NULL)
        g_error ("the toast “%s” does not say “%s”", toasts, next);
      at = found + strlen (next);
    }
  va_end (args);
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

static AdwMessageDialog *
wait_for_dialog (GtkWindow  *parent,
                 const char *what)
{
  DialogWait wait = { parent, NULL };

  wait_until (dialog_shown, &wait, what);
  return wait.dialog;
}

/* ---- Tagging, undo and memos on a full disk ---------------------------------------- */

/* Tagging with no room left: a toast says that the passage was not tagged
 * and why; nothing is stored or painted, nothing to undo. With room, the
 * same key tags it. */
static void
test_tag_full_disk (Fixture       *f,
                    gconstpointer  data)
{
  gint64 start, end;

  select_text (f, "two new boats", &start, &end);
  test_full_disk_set_room (0);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  test_full_disk_set_room (-1);

  assert_toast (f, "Could not tag the passage", "The disk is full", "Ferries.dossier",
                "Free some space", NULL);
  g_assert_cmpuint (n_highlights (f), ==, 0);
  g_assert_false (painted_at (f->window, start + 1));
  g_assert_false (dossier_project_get_can_undo (project_of (f)));

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 1);
  g_assert_true (painted_at (f->window, start + 1));
}

/* Undo and redo with no room left: a toast names the step and the full
 * disk; the highlight stays, painted, and is still the step to undo. */
static void
test_undo_full_disk (Fixture       *f,
                     gconstpointer  data)
{
  DossierProject *project = project_of (f);
  gint64 start, end;

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 1);

  test_full_disk_set_room (0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  flush_events ();
  test_full_disk_set_room (-1);

  assert_toast (f, "Could not undo", "Tag “Risks”", "The disk is full", NULL);
  g_assert_cmpuint (n_highlights (f), ==, 1);
  g_assert_true (painted_at (f->window, start + 1));
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Tag “Risks”");
  g_assert_false (dossier_project_get_can_redo (project));
  /* Read: the toasts after it need not wait for it to time out. */
  dismiss_toasts (GTK_WIDGET (f->window));

  /* With room, undo; then redo on a full disk fails the same way. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 0);
  g_assert_false (painted_at (f->window, start + 1));
  /* Shift+Ctrl+Z redoes the same with its toast ("Undone: …", Redo) on
   * show or not. */
  dismiss_toasts (GTK_WIDGET (f->window));

  test_full_disk_set_room (0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  flush_events ();
  test_full_disk_set_room (-1);
  assert_toast (f, "Could not redo", "Tag “Risks”", "The disk is full", NULL);
  g_assert_cmpuint (n_highlights (f), ==, 0);
  g_assert_cmpstr (dossier_project_get_redo_label (project), ==, "Tag “Risks”");
}

static GtkTextView *
memo_view (AdwMessageDialog *dialog)
{
  GtkWidget *child = adw_message_dialog_get_extra_child (dialog);

  while (child != NULL && !GTK_IS_TEXT_VIEW (child))
    child = GTK_IS_SCROLLED_WINDOW (child) ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child))
                                           : gtk_widget_get_first_child (child);
  g_assert_nonnull (child);
  return GTK_TEXT_VIEW (child);
}

/* The response button of @dialog labelled @label, clicked as a user
 * clicks it (libadwaita closes the dialog before it answers). */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, dialog);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        {
          g_assert_true (gtk_widget_is_sensitive (widget));
          g_signal_emit_by_name (widget, "clicked");
          flush_events ();
          return;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_error ("no button “%s” in the dialog", label);
}

/* Opens the memo dialog of the highlight at the caret and types @memo. */
static AdwMessageDialog *
write_memo (Fixture    *f,
            const char *memo)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.edit-memo", NULL);
  flush_events ();
  dialog = (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (memo_view (dialog)), memo, -1);
  return dialog;
}

/* After a failed Save: the memo dialog is still open with the text as
 * typed, and says why under it (its heading, then @reason…, up to
 * NULL); no other dialog. */
static void
assert_memo_kept (Fixture          *f,
                  AdwMessageDialog *dialog,
                  const char       *memo,
                  ...)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (memo_view (dialog));
  GtkWidget *error_label = find_with_class (GTK_WIDGET (dialog), "error");
  g_autofree char *text = NULL;
  const char *reason;
  GtkTextIter a, b;
  va_list args;

  g_assert_true ((AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)) == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  g_assert_cmpstr (text, ==, memo);

  g_assert_true (gtk_widget_get_visible (error_label));
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (error_label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (error_label)), "Could Not Save the Memo\n"));
  va_start (args, memo);
  while ((reason = va_arg (args, const char *)) != NULL)
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), reason));
  va_end (args);
}

static const char *
memo_of_first (Fixture *f)
{
  static char *memo;
  g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (project_of (f), f->document_id, 0, NULL);

  g_assert_cmpuint (highlights->len, ==, 1);
  g_free (memo);
  memo = g_strdup (dossier_highlight_get_memo (g_ptr_array_index (highlights, 0)));
  return memo;
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (data)) == NULL;
}

/* A memo too large for what the file may still grow to (SQLite's
 * max_page_count, set on the window's own connection): Save keeps the
 * dialog open with the text and says it was not saved and why; the
 * highlight keeps its memo. */
static void
test_memo_full_file (Fixture       *f,
                     gconstpointer  data)
{
  DossierProject *project = project_of (f);
  sqlite3 *db = dossier_project_get_db (project);
  g_autoptr(GString) memo = g_string_new (NULL);
  g_autofree char *limit = NULL;
  sqlite3_stmt *stmt = NULL;
  AdwMessageDialog *dialog;
  gint64 start, end;

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), start + 2, start + 2);
  flush_events ();

  /* The file may not grow any more. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  /* 17,500 characters: under a memo's limit (20,000), over what fits in
   * the pages the file has. */
  for (guint i = 0; i < 700; i++)
    g_string_append (memo, "Diesel costs rose again. ");
  dialog = write_memo (f, memo->str);
  click_response (dialog, "_Save");

  assert_memo_kept (f, dialog, memo->str, "The disk is full", "Ferries.dossier", NULL);
  g_assert_cmpstr (memo_of_first (f), ==, "");
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Tag “Risks”");

  /* Cancel still closes it. */
  click_response (dialog, "_Cancel");
  wait_until (no_message_dialog, f->window, "the memo dialog to close");
  g_assert_cmpstr (memo_of_first (f), ==, "");

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL), ==, SQLITE_OK);
}

/* The file cannot be written any more while the memo dialog is open (the
 * connection made read-only under it): Save keeps the dialog and the text
 * and says why; once the file can be written again, Save stores the memo
 * as typed and closes the dialog. */
static void
test_memo_read_only (Fixture       *f,
                     gconstpointer  data)
{
  static const char memo[] = "Ask the council for the diesel figures.\nCheck the vote count.";
  DossierProject *project = project_of (f);
  sqlite3 *db = dossier_project_get_db (project);
  AdwMessageDialog *dialog;
  gint64 start, end;

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), start + 2, start + 2);
  flush_events ();

  dialog = write_memo (f, memo);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  click_response (dialog, "_Save");
  assert_memo_kept (f, dialog, memo, "Ferries.dossier", "cannot be written", NULL);
  g_assert_cmpstr (memo_of_first (f), ==, "");

  /* Saving again, now that it can be written. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  click_response (dialog, "_Save");
  wait_until (no_message_dialog, f->window, "the memo dialog to close");
  g_assert_cmpstr (memo_of_first (f), ==, memo);
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Edit Memo");
}

/* ---- Another program holds the file --------------------------------------------------- */

/* Another program (here a plain SQLite connection) is in the middle of
 * writing the file: tagging waits its turn for a while, then a toast says
 * the file is busy and to try again; once it is done, tagging works. */
static void
test_tag_locked (Fixture       *f,
                 gconstpointer  data)
{
  sqlite3 *other = NULL;
  gint64 start, end;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  /* The window may be writing in the background (the search index):

   * wait for it, then hold the file as another program would. */

  sqlite3_busy_timeout (other, 10000);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  assert_toast (f, "Could not tag the passage", "Ferries.dossier", "busy in another program",
                "Try again", NULL);
  g_assert_cmpuint (n_highlights (f), ==, 0);
  g_assert_false (painted_at (f->window, start + 1));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 1);
}

/* ---- The file moved away ------------------------------------------------------------- */

/* The project's file moved (or deleted, or replaced) while open: tagging
 * is refused, and a toast that stays says so and offers Save As, which
 * keeps the session's work and goes on in the copy. */
static void
test_moved (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *moved = g_build_filename (f->dir, "Moved.dossier", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "Kept.dossier", NULL);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  gint64 start, end;

  g_assert_cmpint (g_rename (f->path, moved), ==, 0);
  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  assert_toast (f, "Could not tag the passage: the project’s file was moved, deleted or "
                "replaced. Save As… to keep your work.", "Save As…", NULL);
  g_assert_cmpuint (n_highlights (f), ==, 0);

  g_assert_true (dossier_window_save_as (f->window, copy_file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_path (project_of (f)), ==, copy);
  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 1);

  /* The teardown checks the file the test began with. */
  g_assert_cmpint (g_rename (moved, f->path), ==, 0);
}

/* The toast on show says @text whole: its label (a toast's text is one
 * label) is not ellipsized, is as high as its text at its width, and lies
 * in the toast, which lies in the window; and the toast's buttons are
 * there beside it. The label. */
static GtkWidget *
assert_toast_whole (Fixture    *f,
                    const char *text)
{
  GtkWidget *toast = window_toast (f->window);
  GtkWidget *label;
  graphene_rect_t in_toast, in_window;
  int text_height;

  g_assert_nonnull (toast);
  wait_for_animations (toast);
  label = find_label (toast, text);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (label)), NULL, &text_height);
  g_assert_cmpint (text_height, <=, gtk_widget_get_height (label));
  g_assert_true (gtk_widget_compute_bounds (label, toast, &in_toast));
  g_assert_cmpfloat (in_toast.origin.y + in_toast.size.height, <=, gtk_widget_get_height (toast));
  g_assert_cmpfloat (in_toast.origin.x + in_toast.size.width, <=, gtk_widget_get_width (toast));
  in_window = bounds_in_window (toast, f->window);
  g_assert_cmpfloat (in_window.origin.x, >=, 0);
  g_assert_cmpfloat (in_window.origin.x + in_window.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpfloat (in_window.origin.y + in_window.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (f->window)));
  return label;
}

/* A long message (the file moved away, in a toast that stays and offers
 * Save As) is shown whole, on more lines where one is not enough: at
 * 1,280 px, at 360 and back at 1,280 while it shows. libadwaita 1.2
 * shows a toast's title on one line and cut the rest ("… Save As… to
 * keep your work" went at 360 px, and a core message's advice at any
 * width). A short toast stays on one line; a name with "&" shows as it
 * is (libadwaita's title is markup: the toast was empty, with a
 * warning). What a screen reader is told stays the whole text. */
static void
test_long_toast_whole (Fixture       *f,
                       gconstpointer  data)
{
  const char *message = "Could not tag the passage: the project’s file was moved, deleted or "
                        "replaced. Save As… to keep your work.";
  g_autofree char *moved = g_build_filename (f->dir, "Moved.dossier", NULL);
  GtkWidget *label, *button, *region;
  graphene_rect_t in_window;
  int wide_lines, narrow_lines;
  gint64 start, end;

  resize_toplevel (GTK_WINDOW (f->window), 1280, 800);
  dossier_window_show_toast (f->window, "Tags “R&D” and “Q&A” merged", FALSE);
  wait_until (shows_toast, f->window, "the short toast");
  label = assert_toast_whole (f, "Tags “R&D” and “Q&A” merged");
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), ==, 1);
  dismiss_toasts (GTK_WIDGET (f->window));

  g_assert_cmpint (g_rename (f->path, moved), ==, 0);
  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  assert_toast (f, message, "Save As…", NULL);
  label = assert_toast_whole (f, message);
  wide_lines = pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label)));
  /* Screen readers have it whole from the live region, which no one sees
   * (it showed at the window's bottom edge without the application's
   * style.css, as here). */
  region = find_label (adw_toast_overlay_get_child (f->window->toast_overlay), message);
  g_assert_nonnull (region);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (region)), ==,
                   GTK_ACCESSIBLE_ROLE_ALERT);
  g_assert_cmpfloat (gtk_widget_get_opacity (region), ==, 0);
  g_assert_cmpint (gtk_widget_get_height (region), <=, 2);

  resize_toplevel (GTK_WINDOW (f->window), 360, 800);
  label = assert_toast_whole (f, message);
  narrow_lines = pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label)));
  g_assert_cmpint (narrow_lines, >, 1);
  button = find_button_with_action (window_toast (f->window), "win.save-as");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  in_window = bounds_in_window (button, f->window);
  g_assert_cmpfloat (in_window.origin.x + in_window.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (f->window)));

  /* Wide again, the text takes the room there is again. */
  resize_toplevel (GTK_WINDOW (f->window), 1280, 800);
  label = assert_toast_whole (f, message);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), ==,
                   wide_lines);
  g_assert_cmpint (wide_lines, <, narrow_lines);

  g_assert_cmpint (g_rename (moved, f->path), ==, 0);
}

/* Save As onto the project's own name once its file was deleted puts the
 * work back where it was (the same name is refused while the file is
 * there), and the window goes on in that file: the passage tagged before
 * is there, tagging and undo work. */
static void
test_moved_save_as_own_name (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  gint64 start, end;

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 1);

  g_assert_false (dossier_window_save_as (f->window, file, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (dossier_window_save_as (f->window, file, &error));
  g_assert_no_error (error);
  /* A project of the new file: the old one's is gone. */
  g_assert_cmpstr (dossier_project_get_path (project_of (f)), ==, f->path);
  g_assert_true (dossier_project_verify_in_place (project_of (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_highlights (f), ==, 1);

  select_text (f, "ferry fares", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 2);
}

/* Closing the window after its file was moved or deleted asks first (a
 * deleted file takes the session's work with it): Cancel keeps the
 * window and the project open, Close Anyway closes. */
static void
test_moved_close (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *moved = g_build_filename (f->dir, "Moved.dossier", NULL);
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_rename (f->path, moved), ==, 0);
  gtk_window_close (GTK_WINDOW (f->window));
  flush_events ();
  dialog = wait_for_dialog (GTK_WINDOW (f->window), "the dialog asking before closing");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save a Copy Before Closing?");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "“Ferries.dossier” was moved, deleted or replaced since it was opened"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save-as");

  click_response (dialog, "_Cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_nonnull (project_of (f));

  gtk_window_close (GTK_WINDOW (f->window));
  flush_events ();
  dialog = wait_for_dialog (GTK_WINDOW (f->window), "the dialog asking before closing, again");
  click_response (dialog, "Close _Anyway");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* The teardown checks the file the test began with. */
  g_assert_cmpint (g_rename (moved, f->path), ==, 0);
}

/* A passage tagged, another selected, then @backup copied over the file:
 * tagging the selection is refused, the toast says what happened and
 * offers Reopen, not Save As (a copy would only copy what is there now:
 * the session's work went with what the file held), and the copy is left
 * as it was put there. The selection comes first: the text, like every
 * read, is refused once the file is overwritten. */
static void
tag_then_copy_over (Fixture *f,
                    GBytes  *backup)
{
  g_autoptr(GBytes) after = NULL;
  g_autofree char *toasts = NULL;
  gint64 start, end;

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 1);

  select_text (f, "ferry fares", &start, &end);
  test_write_over_elsewhere (f->path, backup);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  assert_toast (f, "Could not tag the passage: the project’s file was overwritten on disk. "
                "Reopen it to see what it holds now.", "Reopen", NULL);
  toasts = shown_toasts (f);
  g_assert_null (strstr (toasts, "Save As"));
  after = test_read_bytes_elsewhere (f->path);
  g_assert_true (g_bytes_equal (backup, after));
}

/* An earlier copy of the project (a backup) copied back over its file in
 * place while the window has it open (cp Backup.dossier Ferries.dossier):
 * the same inode and the same project. What this session did went with
 * what the file held (it is saved into the file within a second of each
 * action), so Save a Copy would only save the backup again: tagging is
 * refused saying the file was overwritten and offering to reopen it;
 * closing says so too and offers Reopen, or Close, which loses nothing
 * more; the restored copy is left byte for byte as it was copied, sound. */
static void
test_moved_restored_backup (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) backup = test_read_bytes_elsewhere (f->path);
  g_autoptr(GBytes) after = NULL;
  AdwMessageDialog *dialog;

  tag_then_copy_over (f, backup);

  gtk_window_close (GTK_WINDOW (f->window));
  flush_events ();
  dialog = wait_for_dialog (GTK_WINDOW (f->window), "the dialog asking before closing");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Project File Overwritten");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“Ferries.dossier” was overwritten on disk since it was opened (a copy put "
                   "back over it, or another program), so Dossier saves nothing more into it "
                   "and leaves what it holds now as it is. Changes made here that it lacks "
                   "cannot be saved. Reopen it to see what it holds now.");
  g_assert_true (adw_message_dialog_has_response (dialog, "reopen"));
  g_assert_false (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "reopen");
  click_response (dialog, "_Cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  gtk_window_close (GTK_WINDOW (f->window));
  flush_events ();
  dialog = wait_for_dialog (GTK_WINDOW (f->window), "the dialog asking before closing, again");
  click_response (dialog, "_Close");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  flush_events ();

  after = test_read_bytes_elsewhere (f->path);
  g_assert_true (g_bytes_equal (backup, after));
}

/* Reopen, from the toast or from the dialog before closing, shows the
 * copy now in the file, in the same window, and work goes on in it. The
 * toast saying the file was overwritten goes with the project it was
 * about (it stayed over the reopened one, offering Reopen again). */
static void
test_moved_restored_reopen (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) backup = test_read_bytes_elsewhere (f->path);
  AdwMessageDialog *dialog;
  gint64 start, end;

  for (guint way = 0; way < 2; way++)
    {
      tag_then_copy_over (f, backup);
      if (way == 0)
        gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reopen-project", NULL);
      else
        {
          gtk_window_close (GTK_WINDOW (f->window));
          flush_events ();
          dialog = wait_for_dialog (GTK_WINDOW (f->window), "the dialog asking before closing");
          click_response (dialog, "_Reopen");
        }
      flush_events ();
      wait_until (shows_no_toast, f->window, "the toasts of the project before Reopen going");

      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
      g_assert_nonnull (project_of (f));
      g_assert_cmpstr (dossier_project_get_path (project_of (f)), ==, f->path);
      g_assert_true (dossier_project_verify_in_place (project_of (f), NULL));
      g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
      /* The backup's content: the tag made before it was put back is not
       * there. */
      g_assert_cmpuint (n_highlights (f), ==, 0);
    }

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  g_assert_cmpuint (n_highlights (f), ==, 1);
}

/* Where the documents list @model lists the document @document_id. */
static guint
list_position (GtkSelectionModel *model,
               gint64             document_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (dossier_document_get_id (doc) == document_id)
        return i;
    }
  g_error ("Document %" G_GINT64_FORMAT " is not in the documents list", document_id);
}

/* After the copy, another document picked in the list cannot be read: the
 * reader keeps the text on show (it was emptied: the text the user was
 * reading gone, though nothing had changed for them yet), the list goes
 * back to it, and one toast says why, with Reopen: picked again, no
 * second toast queues behind it, nor one for the highlights. */
static void
test_moved_restored_document_kept (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GError) error = NULL;
  GtkSelectionModel *list;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  g_autofree char *toasts = NULL;
  gint64 other_id;

  dossier_window_set_project (f->window, NULL);
  {
    g_autoptr(DossierProject) project = dossier_project_open (f->path, DOSSIER_OPEN_READ_WRITE, &error);

    g_assert_no_error (error);
    other_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, "# Pier Repairs\n\nThe north pier shuts in May.\n",
                             "pier.md");
    dossier_project_close (project);
  }
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  dossier_window_open_document (f->window, f->document_id);
  flush_events ();
  backup = test_read_bytes_elsewhere (f->path);

  tag_then_copy_over (f, backup);
  list = gtk_list_view_get_model (GTK_LIST_VIEW (find_descendant (GTK_WIDGET (f->window->documents_panel),
                                                                   GTK_TYPE_LIST_VIEW)));
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (gtk_selection_model_select_item (list, list_position (list, other_id), TRUE));
      flush_events ();

      g_assert_cmpint (dossier_window_get_document_id (f->window), ==, f->document_id);
      buffer = gtk_text_view_get_buffer (dossier_document_view_get_text_view (
                                           dossier_window_get_document_view (f->window)));
      g_object_get (buffer, "text", &text, NULL);
      g_assert_nonnull (strstr (text, "The council’s vote — seven to four"));
      g_clear_pointer (&text, g_free);
      g_assert_true (gtk_selection_model_is_selected (list, list_position (list, f->document_id)));
      assert_toast (f, "Could not show the document: the project’s file was overwritten on disk. "
                    "Reopen it to see what it holds now.", "Reopen", NULL);
    }

  /* Closed, no toast comes up after it. */
  toasts = shown_toasts (f);
  g_assert_null (strstr (toasts, "highlights"));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->window->toast_overlay)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *button = gtk_widget_get_first_child (child); button != NULL && gtk_widget_get_can_target (child);
         button = gtk_widget_get_next_sibling (button))
      if (GTK_IS_BUTTON (button) && gtk_widget_has_css_class (button, "circular"))
        gtk_widget_activate (button);
  wait_until (shows_no_toast, f->window, "the toast's going, and no other");
}

/* ---- A search index out of step ---------------------------------------------------------- */

static guint
n_search_hits (Fixture    *f,
               const char *query)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = dossier_project_search (project_of (f), query, 0, &error);
  g_assert_no_error (error);
  return hits->len;
}

/* A project whose search index another program left out of step (the
 * article's words taken out of it, a document that does not exist put
 * in): opened for writing, the index is made again in the background and
 * a toast says so; searches then find the article's words, and nothing
 * of the document that is not there. */
static void
test_index_out_of_step (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;

  dossier_window_set_project (f->window, NULL);
  test_sql_exec (f->path, "INSERT INTO documents_fts (documents_fts, rowid, text) "
                          "SELECT 'delete', id, text FROM documents;"
                          "INSERT INTO documents_fts (rowid, text) VALUES (77, 'ghost ferry')");

  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  assert_toast (f, "The search index was out of step with the documents and has been rebuilt",
                NULL);
  g_assert_cmpuint (n_search_hits (f, "diesel"), ==, 1);
  g_assert_cmpuint (n_search_hits (f, "ghost"), ==, 0);
}

/* Makes the project's search index damaged where SQLite reads it (a page
 * of its table no page), beyond being made again, with a text of 6,000
 * words waiting to be indexed (test_break_search_index_page ()). */
static void
break_search_index (Fixture *f)
{
  g_autoptr(GString) words = g_string_new ("# Harbour Word List\n\n");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 list_id;

  dossier_window_set_project (f->window, NULL);
  project = dossier_project_open (f->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  /* A text of 6,000 different words: its index fills many pages. */
  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (words, "w%05uq%s", i * 7919 % 100000, i % 12 == 11 ? ".\n" : " ");
  list_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, words->str, "words.md");
  dossier_project_close (project);
  test_break_search_index_page (f->path, list_id);
  f->damaged = TRUE;
}

/* A project whose search index is damaged where SQLite itself reads it
 * (a page of its table no page at all), so that texts cannot be indexed
 * for search and the index cannot be made again: a text imported in the
 * window is saved, and a toast says, in the core's words, that it could
 * not be indexed and what to do. The window only logged it: searches
 * missed the text and nobody using the window learned why. */
static void
test_index_not_indexed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;

  break_search_index (f);
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  add_document (project_of (f), DOSSIER_FORMAT_MARKDOWN, "# Fares Again\n\nThe pier reopens.\n",
                "again.md");
  assert_toast (f, "“Ferries.dossier” could not be indexed for search (everything else is saved)",
                "Run “dossier-cli check ", f->path, "open a backup copy", NULL);
}

/* Such a project opened for writing before the window listens, its texts
 * indexed at once (as dossier-cli and programs without a main loop open
 * one): its open tries to make the index again, fails, and says so with
 * "not-indexed", to no one yet. The window given it says it in a toast:
 * it only went to the log, and the project says it once. */
static void
test_index_damaged_before_window (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  break_search_index (f);
  project = dossier_project_open (f->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dossier_project_get_not_indexed (project));

  dossier_window_set_project (f->window, project);
  assert_toast (f, "“Ferries.dossier” could not be indexed for search (everything else is saved)",
                "Run “dossier-cli check ", f->path, "open a backup copy", NULL);
}

/* Drops @file on the window, as a file manager does. */
static void
drop_file (Fixture *f,
           GFile   *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean dropped = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_assert_true (dropped);
  flush_events ();
}

/* Every way of closing the project for another asks first once its file
 * was moved or deleted, as closing the window does: Open, Recent (the
 * start page's list too), New, a project dropped on the window. Cancel
 * leaves the project open and the other file alone; Close Anyway opens
 * the other. */
static void
test_moved_open_other (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *moved = g_build_filename (f->dir, "Moved.dossier", NULL);
  g_autofree char *other = g_build_filename (f->dir, "Other.dossier", NULL);
  g_autofree char *other_lock = g_strconcat (other, ".lock", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "Fresh.dossier", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GFile) moved_file = g_file_new_for_path (moved);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  project = dossier_project_create (other, "Other", &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  g_assert_cmpint (g_rename (f->path, moved), ==, 0);

  for (guint way = 0; way < 4; way++)
    {
      switch (way)
        {
        case 0:
          dossier_window_open_project_interactive (f->window, other_file);
          break;
        case 1:
          gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-recent", "s", other);
          break;
        case 2:
          _dossier_window_new_project_interactive (f->window, fresh_file);
          break;
        default:
          drop_file (f, other_file);
          break;
        }
      flush_events ();
      dialog = wait_for_dialog (GTK_WINDOW (f->window), "the dialog asking before closing");
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save a Copy Before Closing?");
      g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                       "“Ferries.dossier” was moved, deleted or replaced since it was opened"));
      click_response (dialog, "_Cancel");
      g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
      g_assert_cmpstr (dossier_project_get_path (project_of (f)), ==, f->path);
      g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project_of (f))), ==, 1);
      g_assert_false (g_file_test (other_lock, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
    }

  dossier_window_open_project_interactive (f->window, other_file);
  flush_events ();
  dialog = wait_for_dialog (GTK_WINDOW (f->window), "the dialog asking before closing, again");
  click_response (dialog, "Close _Anyway");
  g_assert_cmpstr (dossier_project_get_path (project_of (f)), ==, other);

  /* A project in place is closed for another without a word (here by a
   * project dropped on the window). */
  drop_file (f, moved_file);
  flush_events ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
  g_assert_cmpstr (dossier_project_get_path (project_of (f)), ==, moved);
  dossier_window_set_project (f->window, NULL);

  /* The teardown checks the file the test began with. */
  g_assert_cmpint (g_rename (moved, f->path), ==, 0);
}

/* "Notes" typed in Save As's or New Project's chooser, where Notes.dossier
 * is: the chooser asked about "Notes" only. Save As asks before replacing
 * Notes.dossier (Cancel leaves it as it was), New Project refuses it
 * saying so; a name typed whole (the chooser asked) is not asked again. */
static void
test_suffix_added (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *notes = g_build_filename (f->dir, "Notes.dossier", NULL);
  g_autofree char *typed = g_build_filename (f->dir, "Notes", NULL);
  g_autofree char *whole = g_build_filename (f->dir, "Whole.dossier", NULL);
  g_autoptr(GFile) typed_file = g_file_new_for_path (typed);
  g_autoptr(GFile) whole_file = g_file_new_for_path (whole);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  project = dossier_project_create (notes, "Notes", &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  before = test_read_bytes (notes);

  _dossier_window_new_project_interactive (f->window, typed_file);
  flush_events ();
  dialog = wait_for_dialog (GTK_WINDOW (f->window), "the refusal to create");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Create “Notes.dossier”");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“Notes.dossier” already exists; choose another name.");
  click_response (dialog, "_Close");
  g_assert_cmpstr (dossier_project_get_path (project_of (f)), ==, f->path);

  _dossier_window_save_as_interactive (f->window, typed_file);
  flush_events ();
  dialog = wait_for_dialog (GTK_WINDOW (f->window), "the question before replacing");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Replace “Notes.dossier”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), f->dir));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  click_response (dialog, "_Cancel");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
  g_assert_cmpstr (dossier_project_get_path (project_of (f)), ==, f->path);
  after = test_read_bytes (notes);
  g_assert_true (g_bytes_equal (before, after));

  _dossier_window_save_as_interactive (f->window, typed_file);
  flush_events ();
  dialog = wait_for_dialog (GTK_WINDOW (f->window), "the question before replacing, again");
  click_response (dialog, "_Replace");
  g_assert_cmpstr (dossier_project_get_path (project_of (f)), ==, notes);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project_of (f))), ==, 1);

  /* Typed whole, the chooser asked: nothing more. */
  g_assert_true (g_file_set_contents (whole, "", 0, NULL));
  _dossier_window_save_as_interactive (f->window, whole_file);
  flush_events ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
  g_assert_cmpstr (dossier_project_get_path (project_of (f)), ==, whole);
}

/* ---- A project open read-only ---------------------------------------------------------- */

/* Nothing that would write can be set off (tagging, memos, undo are
 * disabled: the keys and buttons do nothing, the file is untouched); the
 * project can still be read and exported. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "briefing.md", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(TestFiles) before = test_files_snapshot (f->path);
  DossierExportDialog *export;
  gint64 start, end;

  g_assert_true (dossier_project_get_read_only (project_of (f)));
  select_text (f, "two new boats", &start, &end);
  /* The keys and menus set these off; disabled, they do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.tag-selection", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.edit-memo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  flush_events ();
  g_assert_null ((AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
  g_assert_cmpuint (n_highlights (f), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (f->window->undo_button)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (f->window->redo_button)));

  /* A toast on show would hold the export's back for its few seconds. */
  dismiss_toasts (GTK_WIDGET (f->window));
  export = dossier_export_dialog_new (GTK_WINDOW (f->window), project_of (f), 0);
  dossier_export_dialog_set_format (export, DOSSIER_EXPORT_MARKDOWN);
  dossier_export_dialog_set_destination (export, out_file);
  gtk_window_present (GTK_WINDOW (export));
  dossier_export_dialog_export (export);
  assert_toast (f, "Exported to “briefing.md”", NULL);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  close_toplevels (GTK_WINDOW (f->window));
  test_files_assert_same_data (before);

  /* Closed, it leaves the folder as it was: no log or shared memory
   * beside the file (SQLite made them, empty, and a read-only connection
   * could not take them away). */
  dossier_window_set_project (f->window, NULL);
  {
    g_autofree char *listed = test_list_dir (f->dir);

    g_assert_cmpstr (listed, ==, "Ferries.dossier briefing.md");
  }
}

/* A project file nobody may write (chmod a-w, a read-only share): the
 * open error says to open it read-only, and the dialog offers just that.
 * Opened so, it is read as it is on disk: no log, shared memory or lock
 * appears beside it, before or after it is closed. */
static void
test_open_read_only_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *shared_dir = g_build_filename (f->dir, "shared", NULL);
  g_autofree char *shared = g_build_filename (shared_dir, "Shared.dossier", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (shared);
  g_autoptr(TestFiles) before = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  DossierProject *project;

  g_assert_cmpint (g_mkdir (shared_dir, 0755), ==, 0);
  {
    g_autoptr(DossierProject) made = dossier_project_create (shared, "Shared", &error);

    g_assert_no_error (error);
    add_document (made, DOSSIER_FORMAT_MARKDOWN, article, "ferries.md");
    dossier_project_close (made);
  }
  g_assert_cmpint (g_chmod (shared, 0444), ==, 0);
  before = test_files_snapshot (shared);

  dossier_window_open_project_interactive (f->window, file);
  dialog = wait_for_dialog (GTK_WINDOW (f->window), "the open error");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "open it read-only"));
  g_assert_true (adw_message_dialog_has_response (dialog, "read-only"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "read-only");
  g_assert_cmpstr (dossier_project_get_path (dossier_window_get_project (f->window)), ==, f->path);

  adw_message_dialog_response (dialog, "read-only");
  flush_events ();
  project = dossier_window_get_project (f->window);
  g_assert_cmpstr (dossier_project_get_path (project), ==, shared);
  g_assert_true (dossier_project_get_read_only (project));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 1);
  {
    g_autofree char *listed = test_list_dir (shared_dir);

    g_assert_cmpstr (listed, ==, "Shared.dossier");
  }

  dossier_window_set_project (f->window, NULL);
  test_files_assert_same (before);
  {
    g_autofree char *listed = test_list_dir (shared_dir);

    g_assert_cmpstr (listed, ==, "Shared.dossier");
  }
}

/* ---- Exports that fail ----------------------------------------------------------------- */

typedef struct
{
  gboolean failed;
  char    *message;
} ExportOutcome;

static void
on_export_failed (DossierExportDialog *dialog,
                  const char          *message,
                  ExportOutcome       *outcome)
{
  outcome->failed = TRUE;
  outcome->message = g_strdup (message);
}

static gboolean
export_failed (gpointer data)
{
  return ((ExportOutcome *) data)->failed;
}

/* Exports @f's project as @format to @path through the dialog, expecting
 * a failure: returns the dialog's error dialog (transient for it), the
 * export dialog staying open so that the user can choose again. */
static AdwMessageDialog *
export_expecting_failure (Fixture             *f,
                          DossierExportFormat  format,
                          const char          *path,
                          DossierExportDialog **export_out,
                          ExportOutcome       *outcome)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierExportDialog *export;
  AdwMessageDialog *alert;

  export = dossier_export_dialog_new (GTK_WINDOW (f->window), project_of (f), 0);
  g_signal_connect (export, "failed", G_CALLBACK (on_export_failed), outcome);
  dossier_export_dialog_set_format (export, format);
  dossier_export_dialog_set_destination (export, file);
  gtk_window_present (GTK_WINDOW (export));
  dossier_export_dialog_export (export);
  wait_until (export_failed, outcome, "the export to fail");

  alert = wait_for_dialog (GTK_WINDOW (export), "the export's error dialog");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (export)));
  *export_out = export;
  return alert;
}

/* A destination that cannot be written (its folder is a file), whoever
 * runs the test: a dialog names the file and says why; nothing is made. */
static void
test_export_unwritable (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *not_a_folder = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *path = g_build_filename (not_a_folder, "briefing.html", NULL);
  ExportOutcome outcome = { 0 };
  DossierExportDialog *export;
  AdwMessageDialog *alert;

  g_assert_true (g_file_set_contents (not_a_folder, "just notes", -1, NULL));
  alert = export_expecting_failure (f, DOSSIER_EXPORT_HTML, path, &export, &outcome);

  g_assert_cmpstr (adw_message_dialog_get_heading (alert), ==, "Could Not Export to “briefing.html”");
  g_assert_cmpstr (adw_message_dialog_get_body (alert), ==, outcome.message);
  g_assert_nonnull (strstr (outcome.message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_free (outcome.message);
}

/* A real write error midway: the process may write no more than 64
 * bytes into any file (RLIMIT_FSIZE, which binds root too), so the
 * kernel refuses the export's writes (EFBIG). A dialog says so; the
 * previous export at that name is intact, nothing is left beside it. */
static void
test_export_write_error (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "briefing.json", NULL);
  g_autofree char *files = NULL;
  g_autofree char *files_after = NULL;
  g_autofree char *contents = NULL;
  ExportOutcome outcome = { 0 };
  DossierExportDialog *export;
  AdwMessageDialog *alert;
  struct rlimit saved, limited;
  void (*saved_handler) (int);

  g_assert_true (g_file_set_contents (path, "last week's export", -1, NULL));
  files = test_list_dir (f->dir);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 64;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  alert = export_expecting_failure (f, DOSSIER_EXPORT_JSON, path, &export, &outcome);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_cmpstr (adw_message_dialog_get_heading (alert), ==, "Could Not Export to “briefing.json”");
  g_assert_cmpstr (adw_message_dialog_get_body (alert), ==, outcome.message);
  g_assert_nonnull (strstr (outcome.message, "briefing.json"));
  g_assert_nonnull (strstr (outcome.message, g_strerror (EFBIG)));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "last week's export");
  files_after = test_list_dir (f->dir);
  g_assert_cmpstr (files_after, ==, files);
  g_free (outcome.message);

  /* The user tries again, with room: the export is written and said so. */
  close_toplevels (GTK_WINDOW (f->window));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    export = dossier_export_dialog_new (GTK_WINDOW (f->window), project_of (f), 0);
    dossier_export_dialog_set_format (export, DOSSIER_EXPORT_JSON);
    dossier_export_dialog_set_destination (export, file);
    gtk_window_present (GTK_WINDOW (export));
    dossier_export_dialog_export (export);
    assert_toast (f, "Exported to “briefing.json”", NULL);
  }
}

/* A tag whose id is 0, as only a file made elsewhere holds (SQLite
 * stores any id an INSERT gives): the codebook listed it, but selecting
 * its row selected "no tag" (0 is none for the panels, the number keys,
 * the Highlights panel), so it could be neither selected, filtered by nor
 * applied. Opened for writing, it has an id above 0 like any tag: its
 * row selects it, its number key applies it, its highlight is its own. */
static void
test_tag_id_zero_selectable (void)
{
  g_autoptr(DossierProject) project = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  DossierWindow *window;
  GtkSelectionModel *selection;
  GtkWidget *panel;
  DossierTag *tag;
  gint64 document_id, tag_id, zero = 1;

  project = test_create_project ("Elsewhere", "Made Elsewhere", &dir, &path);
  document_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, article, "ferries.md");
  g_assert_cmpint (add_tag (project, "Zero", 0), ==, zero);
  add_highlight (project, document_id, "diesel", &zero, 1, NULL);
  dossier_project_close (project);
  g_clear_object (&project);
  test_sql_exec (path, "PRAGMA foreign_keys = OFF;"
                       "UPDATE highlight_tags SET tag = 0 WHERE tag = 1;"
                       "UPDATE tags SET id = 0 WHERE id = 1;");

  window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1200);
  tag = dossier_project_find_tag (dossier_window_get_project (window), "Zero");
  tag_id = dossier_tag_get_id (tag);
  g_assert_cmpint (tag_id, >, 0);
  g_assert_cmpuint (dossier_tag_get_n_highlights (tag), ==, 1);

  /* Its row, clicked, selects it. */
  panel = window->codebook_panel;
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (find_descendant (panel, GTK_TYPE_LIST_VIEW)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (panel)), ==,
                   tag_id);
  /* The first number key applies it. */
  g_assert_cmpint (dossier_codebook_panel_get_slot_tag (DOSSIER_CODEBOOK_PANEL (panel), 1), ==,
                   tag_id);

  finish_reader_window (&window, &dir, &path);
}

/* The same file opened read-only (another program has it open for
 * writing, or the window follows a writer): nothing renumbers its rows,
 * and the window takes 0 for none. A document 0 was listed but never
 * shown (the reader stayed empty: no first paint), its tag could not be
 * selected nor its highlight activated. The window refuses such a file
 * read-only, saying how to repair it; opened normally, it is repaired. */
static void
test_ids_below_one_read_only (void)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  DossierWindow *window;
  gint64 document_id, zero = 1;

  project = test_create_project ("Elsewhere", "Made Elsewhere", &dir, &path);
  document_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, article, "ferries.md");
  g_assert_cmpint (add_tag (project, "Zero", 0), ==, zero);
  add_highlight (project, document_id, "diesel", &zero, 1, NULL);
  dossier_project_close (project);
  g_clear_object (&project);
  test_sql_exec (path, "PRAGMA foreign_keys = OFF;"
                       "UPDATE highlight_tags SET tag = 0 WHERE tag = 1;"
                       "UPDATE tags SET id = 0 WHERE id = 1;"
                       "UPDATE highlights SET document = 0 WHERE document = 1;"
                       "UPDATE blocks SET document = 0 WHERE document = 1;"
                       "UPDATE documents SET id = 0 WHERE id = 1;"
                       "UPDATE highlight_tags SET highlight = 0 WHERE highlight = 1;"
                       "UPDATE highlights SET id = 0 WHERE id = 1;"
                       "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');"
                       "INSERT INTO memos_fts (memos_fts) VALUES ('rebuild');");

  window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (path);
  g_assert_false (dossier_window_open_project (window, file, DOSSIER_OPEN_READ_ONLY, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "not read-only"));
  g_assert_null (dossier_window_get_project (window));
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM documents WHERE id = 0"), ==, 1);
  g_clear_error (&error);

  /* Opened normally, as it says: every row has an id the window keys. */
  g_assert_true (dossier_window_open_project (window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  wait_until (view_painted, window, "the first paint");
  g_assert_cmpint (dossier_window_get_document_id (window), >, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM documents WHERE id < 1"), ==, 0);

  finish_reader_window (&window, &dir, &path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = test_make_tmp_dir ("data");
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/dossier/window-failures/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("tag-full-disk", test_tag_full_disk);
  ADD ("undo-full-disk", test_undo_full_disk);
  ADD ("memo-full-file", test_memo_full_file);
  ADD ("memo-read-only", test_memo_read_only);
  ADD ("moved", test_moved);
  ADD ("moved-close", test_moved_close);
  ADD ("long-toast-whole", test_long_toast_whole);
  ADD ("moved-save-as-own-name", test_moved_save_as_own_name);
  ADD ("moved-open-other", test_moved_open_other);
  ADD ("moved-restored-backup", test_moved_restored_backup);
  ADD ("moved-restored-reopen", test_moved_restored_reopen);
  ADD ("moved-restored-document-kept", test_moved_restored_document_kept);
  ADD ("suffix-added", test_suffix_added);
  ADD ("tag-locked", test_tag_locked);
  ADD ("index-out-of-step", test_index_out_of_step);
  ADD ("index-not-indexed", test_index_not_indexed);
  ADD ("index-damaged-before-window", test_index_damaged_before_window);
  g_test_add ("/dossier/window-failures/read-only", Fixture, NULL, fixture_set_up_read_only,
              test_read_only, fixture_tear_down);
  ADD ("open-read-only-file", test_open_read_only_file);
  ADD ("export-unwritable", test_export_unwritable);
  ADD ("export-write-error", test_export_write_error);
  g_test_add_func ("/dossier/window-failures/tag-id-zero-selectable", test_tag_id_zero_selectable);
  g_test_add_func ("/dossier/window-failures/ids-below-one-read-only", test_ids_below_one_read_only);

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
