/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c — the main window driven through its actions: opening
 * projects (good, bad, locked), tagging a selection (number keys, the
 * tag picker, merging), removing, undo and redo, the documents sidebar and
 * importing. Runs under xvfb-run and dbus-run-session (suite "ui"). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <dossier/dossier.h>

#include "dossier-application.h"
#include "dossier-briefing-page.h"
#include "dossier-codebook-panel.h"
#include "dossier-compare-page.h"
#include "dossier-export-dialog.h"
#include "dossier-highlight-card.h"
#include "dossier-highlights-panel.h"
#include "dossier-matrix.h"
#include "dossier-document-row.h"
#include "dossier-documents-panel.h"
#include "dossier-tag-picker.h"
#include "dossier-tag-picker-row.h"
#include "dossier-reader-page-private.h"
#include "dossier-arguments-panel.h"
#include "dossier-stakeholders-panel.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

/* Invented article with accents, curly quotes, a dash and an emoji, so that
 * every offset below is a code-point offset that bytes would get wrong. */
static const char article[] =
  "# Harbour Ferry Fares Rise\n"
  "\n"
  "The city council voted on Tuesday to raise ferry fares by ten percent, "
  "citing the cost of diesel and two new boats for the café-lined north pier.\n"
  "\n"
  "## Pros and Cons\n"
  "\n"
  "- Higher fares fund safer piers and quieter engines 🚢.\n"
  "- Commuters on low incomes will pay “far more than before”, said Zoë Márquez.\n"
  "\n"
  "The council’s vote — seven to four — ends a debate that lasted two years.\n";

typedef struct
{
  char          *dir;
  char          *path;
  gint64         document_id;
  gint64         risks_id;
  gint64         benefits_id;
  DossierWindow *window;
} Fixture;

/* ---- Helpers ------------------------------------------------------------------- */

/* Waits until the X server has answered every request made so far, then
 * handles what it sent: selection ownership notices come back from the
 * server a moment later, and a test that asserts on the selection must have
 * seen them (they are how GTK drops a selection another program took). */
static void
sync_display (void)
{
  gdk_display_sync (gdk_display_get_default ());
  flush_events ();
}

static gboolean
not_importing (gpointer data)
{
  return !dossier_window_is_importing (DOSSIER_WINDOW (data));
}

/* The project every case starts from (two tags, the article imported),
 * made once: each case opens a copy of its file in a folder of its own.
 * Made for each case it cost about 0.1 s of the ~60 cases' run. */
static char *template_dir;
static char *template_path;
static gint64 template_document_id;
static gint64 template_risks_id;
static gint64 template_benefits_id;

static void
create_template (void)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;

  project = test_create_project ("Ferries", "Ferry Fares", &template_dir, &template_path);
  template_risks_id = dossier_project_add_tag (project, "Risks", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  template_benefits_id = dossier_project_add_tag (project, "Benefits", 0, "#2ec27e", NULL, &error);
  g_assert_no_error (error);

  bytes = g_bytes_new_static (article, strlen (article));
  doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_MARKDOWN, "ferries.md", &error);
  g_assert_no_error (error);
  template_document_id = dossier_project_add_document (project, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (template_document_id, >, 0);

  dossier_project_close (project);
  /* Closed, the project is its file alone (no journal beside it): what
   * is copied is all of it. */
  dir = g_dir_open (template_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "Ferries.dossier");
  g_assert_null (g_dir_read_name (dir));
}

static void
create_project (Fixture *f)
{
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) error = NULL;

  if (template_path == NULL)
    create_template ();
  f->dir = test_make_tmp_dir ("Ferries");
  f->path = g_build_filename (f->dir, "Ferries.dossier", NULL);
  from = g_file_new_for_path (template_path);
  to = g_file_new_for_path (f->path);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  f->document_id = template_document_id;
  f->risks_id = template_risks_id;
  f->benefits_id = template_benefits_id;
}

/* Every copy has the template's UUID: what the window remembers of a
 * project by it (where it was read, its right panel) is forgotten
 * between cases, as it was when each case made a project of its own. */
static void
forget_project_places (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "reading-places");
  g_settings_reset (settings, "right-sidebar-panels");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  create_project (f);
  forget_project_places ();

  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  file = g_file_new_for_path (f->path);
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  wait_until (view_painted, f->window, "the first paint");
}

static void
close_dialogs (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (!DOSSIER_IS_WINDOW (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);
  flush_events ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_clear_object (&f->window);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
compare_span_ids (gconstpointer a,
                  gconstpointer b)
{
  gint64 ia = ((const DossierReaderSpan *) a)->id;
  gint64 ib = ((const DossierReaderSpan *) b)->id;

  return (ia > ib) - (ia < ib);
}

/* Code-point range of the first occurrence of @needle in the document. */
static void
find_range (Fixture    *f,
            const char *needle,
            gint64     *start,
            gint64     *end)
{
  find_text_range (dossier_window_get_project (f->window), f->document_id, needle, start, end);
}

static void
select_text (Fixture    *f,
             const char *needle,
             gint64     *start,
             gint64     *end)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);

  find_range (f, needle, start, end);
  dossier_document_view_select_range (view, *start, *end);
  flush_events ();
}

static GPtrArray *
list_highlights (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *highlights;

  highlights = dossier_project_list_highlights (dossier_window_get_project (f->window),
                                                f->document_id, 0, &error);
  g_assert_no_error (error);
  return highlights;
}

static char *
export_json (DossierProject *project)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (dossier_export_to_stream (project, DOSSIER_EXPORT_JSON, NULL, NULL, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == parent
        && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
action_enabled (Fixture    *f,
                GtkWidget  *button)
{
  return gtk_widget_get_sensitive (button);
}

/* What the centre shows: "no-project", or, with the reader on show, the
 * reader's "document" or "no-document". */
static const char *
centre_shows (DossierWindow *window)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (window->center_stack), "pages") != 0)
    return gtk_stack_get_visible_child_name (window->center_stack);
  if (adw_view_stack_get_visible_child (window->page_stack) != GTK_WIDGET (window->reader_page))
    return adw_view_stack_get_visible_child_name (window->page_stack);
  return gtk_stack_get_visible_child_name (window->reader_page->stack);
}

/* ---- Tests ------------------------------------------------------------------------ */

static void
test_open_project (Fixture       *f,
                   gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  GtkTextView *text_view = dossier_document_view_get_text_view (dossier_window_get_document_view (f->window));
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  g_assert_nonnull (project);
  g_assert_cmpstr (adw_view_switcher_title_get_title (f->window->window_title), ==, "Ferry Fares");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (f->window->window_title), ==, "Ferries.dossier");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Ferry Fares");

  /* The only document is opened and shown in the centre. */
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, f->document_id);
  g_assert_cmpstr (centre_shows (f->window), ==, "document");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_documents_panel_get_model (f->window->documents_panel)), ==, 1);

  text = dossier_project_get_document_text (project, f->document_id, NULL);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (text_view), &start, &end);
  shown = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (shown, ==, text);

  /* Nothing done yet: nothing to undo. */
  g_assert_false (action_enabled (f, GTK_WIDGET (f->window->undo_button)));

  /* The codebook's first tags are slots 1 and 2. */
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 1), ==, f->risks_id);
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 2), ==, f->benefits_id);
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 3), ==, 0);
}

static void
test_tag_selection (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) highlights = NULL;
  DossierHighlight *hl;
  gint64 start, end;
  guint n_tags;

  g_assert_false (painted_at (f->window, 0));
  select_text (f, "raise ferry fares by ten percent", &start, &end);
  g_assert_false (painted_at (f->window, start + 1));

  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();

  /* Committed to the project at once… */
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
  hl = g_ptr_array_index (highlights, 0);
  g_assert_cmpint (dossier_highlight_get_start (hl), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (hl), ==, end);
  g_assert_cmpstr (dossier_highlight_get_quote (hl), ==, "raise ferry fares by ten percent");
  g_assert_cmpint (dossier_highlight_get_tag_ids (hl, &n_tags)[0], ==, f->risks_id);
  g_assert_cmpuint (n_tags, ==, 1);

  /* …and repainted: inside yes, outside no. */
  g_assert_true (painted_at (f->window, start));
  g_assert_true (painted_at (f->window, end - 1));
  g_assert_false (painted_at (f->window, end + 1));
  g_assert_false (painted_at (f->window, start - 2));

  /* Undo is offered, labelled with what it undoes. */
  g_assert_true (action_enabled (f, GTK_WIDGET (f->window->undo_button)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (f->window->undo_button)), "Undo"));

  /* A second number on the same selection adds a second tag, not a second highlight. */
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 2);
  flush_events ();
  g_clear_pointer (&highlights, g_ptr_array_unref);
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
  hl = g_ptr_array_index (highlights, 0);
  g_assert_true (dossier_highlight_has_tag (hl, f->risks_id));
  g_assert_true (dossier_highlight_has_tag (hl, f->benefits_id));
}

static void
test_tag_without_selection (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) highlights = NULL;
  DossierDocumentView *view = dossier_window_get_document_view (f->window);

  /* A caret, no selection: the number does nothing to the project. */
  dossier_document_view_select_range (view, 5, 5);
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 0);

  /* An empty slot does nothing either. */
  {
    gint64 start, end;

    select_text (f, "two new boats", &start, &end);
    gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 7);
    flush_events ();
    g_clear_pointer (&highlights, g_ptr_array_unref);
    highlights = list_highlights (f);
    g_assert_cmpuint (highlights->len, ==, 0);
  }
}

/* The reader's keys, bound on the text: they act only while the text has
 * the focus, and leave to the view what they do not take. */
static void
test_number_keys (Fixture       *f,
                  gconstpointer  data)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (dossier_window_get_document_view (f->window));
  g_autoptr(GPtrArray) highlights = NULL;
  gint64 start, end;

  select_text (f, "safer piers and quieter engines 🚢", &start, &end);

  /* The view does not have the focus: the key is not taken. */
  dossier_documents_panel_focus_list (f->window->documents_panel);
  flush_events ();
  g_assert_false (gtk_widget_is_focus (GTK_WIDGET (text_view)));
  g_assert_null (press_key (f->window, GDK_KEY_2, 0));
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 0);
  g_clear_pointer (&highlights, g_ptr_array_unref);

  /* With the focus in the text: "2" tags with slot 2. */
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  flush_events ();
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (text_view)));
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), start, end);
  g_assert_cmpstr (press_key (f->window, GDK_KEY_2, 0), ==, "dossier-reader-keys");
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
  g_assert_true (dossier_highlight_has_tag (g_ptr_array_index (highlights, 0), f->benefits_id));
  g_assert_cmpstr (dossier_highlight_get_quote (g_ptr_array_index (highlights, 0)), ==,
                   "safer piers and quieter engines 🚢");
  g_assert_true (painted_at (f->window, start + 3));

  /* Without a selection a number tags nothing, and says why (a toast:
   * see test-reader-menus). */
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), 2, 2);
  flush_events ();
  g_assert_cmpstr (press_key (f->window, GDK_KEY_1, 0), ==, "dossier-reader-keys");
  g_clear_pointer (&highlights, g_ptr_array_unref);
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);

  /* Delete with the caret in it removes it; Ctrl+Z brings it back. */
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), start + 3, start + 3);
  flush_events ();
  g_assert_cmpstr (press_key (f->window, GDK_KEY_Delete, 0), ==, "dossier-reader-keys");
  g_clear_pointer (&highlights, g_ptr_array_unref);
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 0);
  g_assert_false (painted_at (f->window, start + 3));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  flush_events ();
  g_clear_pointer (&highlights, g_ptr_array_unref);
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
  g_assert_true (painted_at (f->window, start + 3));

  /* The menu key opens the highlight's menu. */
  g_assert_cmpstr (press_key (f->window, GDK_KEY_Menu, 0), ==, "dossier-reader-keys");
  g_assert_nonnull (f->window->reader_page->highlight_menu);
  g_assert_true (gtk_widget_get_visible (f->window->reader_page->highlight_menu));
  gtk_popover_popdown (GTK_POPOVER (f->window->reader_page->highlight_menu));
  flush_events ();

  /* Delete with the caret outside any highlight is left to the view. */
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), 2, 2);
  flush_events ();
  g_assert_cmpstr (press_key (f->window, GDK_KEY_Delete, 0), !=, "dossier-reader-keys");
  g_clear_pointer (&highlights, g_ptr_array_unref);
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
}

/* ---- Focus after menus and dialogs (issue 7, item 16b) ------------------------ */

/* The widget with the focus, and that it can be seen: mapped, in a
 * widget tree that is drawn. */
static GtkWidget *
visible_focus (DossierWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_test_message ("focus on %s%s%s", G_OBJECT_TYPE_NAME (focus),
                  gtk_widget_get_mapped (focus) ? "" : ", unmapped",
                  gtk_widget_get_focusable (focus) ? "" : ", not focusable");
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_true (gtk_widget_is_drawable (focus));
  return focus;
}

/* TRUE if the focus is @widget or inside it. */
static gboolean
focus_within (DossierWindow *window,
              GtkWidget     *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Escape in an open popover: its key controller pops it down. */
static void
escape_popover (DossierWindow *window,
                GtkWidget     *popover)
{
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (focus_within (window, popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  flush_events ();
  g_assert_false (gtk_widget_get_visible (popover));
}

/* The popover that is open in @window (a child of any widget), or NULL. */
static GtkWidget *
open_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
        return child;
      if ((found = open_popover (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_focus_after_menus (Fixture       *f,
                        gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (view));
  GtkWidget *codebook = f->window->codebook_panel;
  GtkWidget *popover, *focus;
  gint64 start, end;

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();

  /* The document text: the Menu key on a highlight, then Escape. */
  gtk_widget_grab_focus (text_view);
  dossier_document_view_select_range (view, start + 2, start + 2);
  flush_events ();
  g_assert_cmpstr (press_key (f->window, GDK_KEY_Menu, 0), ==, "dossier-reader-keys");
  popover = open_popover (GTK_WIDGET (f->window));
  g_assert_nonnull (popover);
  escape_popover (f->window, popover);
  focus = visible_focus (f->window);
  g_test_message ("after the text's menu: %s", G_OBJECT_TYPE_NAME (focus));
  g_assert_true (focus == text_view);

  /* Shift+F10 on a codebook row, then Escape. */
  dossier_codebook_panel_set_selected_tag_id (DOSSIER_CODEBOOK_PANEL (codebook), f->benefits_id);
  gtk_widget_grab_focus (find_descendant (codebook, GTK_TYPE_LIST_VIEW));
  flush_events ();
  focus = visible_focus (f->window);
  g_test_message ("codebook focus: %s", G_OBJECT_TYPE_NAME (focus));
  g_assert_true (focus_within (f->window, codebook));
  g_assert_nonnull (press_key (f->window, GDK_KEY_F10, GDK_SHIFT_MASK));
  popover = open_popover (GTK_WIDGET (f->window));
  g_assert_nonnull (popover);
  escape_popover (f->window, popover);
  focus = visible_focus (f->window);
  g_test_message ("after the codebook's menu: %s", G_OBJECT_TYPE_NAME (focus));
  g_assert_true (focus_within (f->window, codebook));
  g_assert_true (gtk_widget_get_focusable (focus));
  /* F6 goes to the next pane, Tab to the next widget: both somewhere
   * that can be seen and takes keys (from the split-pane container the
   * focus was left on, neither did). */
  g_assert_nonnull (press_key (f->window, GDK_KEY_F6, 0));
  focus = visible_focus (f->window);
  g_assert_true (gtk_widget_get_focusable (focus));
  g_assert_false (focus_within (f->window, codebook));
  dossier_codebook_panel_set_selected_tag_id (DOSSIER_CODEBOOK_PANEL (codebook), f->benefits_id);
  gtk_widget_grab_focus (find_descendant (codebook, GTK_TYPE_LIST_VIEW));
  g_assert_nonnull (press_key (f->window, GDK_KEY_Menu, 0));
  popover = open_popover (GTK_WIDGET (f->window));
  escape_popover (f->window, popover);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  focus = visible_focus (f->window);
  g_assert_true (gtk_widget_get_focusable (focus));

  /* A list is one Tab stop: Tab on a row leaves the codebook, Shift+Tab
   * too; the arrows move between rows. */
  dossier_codebook_panel_set_selected_tag_id (DOSSIER_CODEBOOK_PANEL (codebook), f->risks_id);
  gtk_widget_grab_focus (find_descendant (codebook, GTK_TYPE_LIST_VIEW));
  flush_events ();
  g_assert_true (focus_within (f->window, find_descendant (codebook, GTK_TYPE_LIST_VIEW)));
  g_assert_cmpstr (press_key (f->window, GDK_KEY_Tab, 0), ==, "dossier-list-tab");
  focus = visible_focus (f->window);
  g_assert_false (focus_within (f->window, find_descendant (codebook, GTK_TYPE_LIST_VIEW)));
  g_assert_true (gtk_widget_grab_focus (find_descendant (codebook, GTK_TYPE_LIST_VIEW)));
  flush_events ();
  focus = visible_focus (f->window);
  g_assert_true (focus_within (f->window, find_descendant (codebook, GTK_TYPE_LIST_VIEW)));
  g_assert_cmpstr (press_key (f->window, GDK_KEY_Tab, GDK_SHIFT_MASK), ==, "dossier-list-tab");
  focus = visible_focus (f->window);
  g_assert_false (focus_within (f->window, find_descendant (codebook, GTK_TYPE_LIST_VIEW)));

  /* The Menu key on a document row, then Escape. */
  dossier_documents_panel_select_document (f->window->documents_panel, f->document_id);
  dossier_documents_panel_focus_list (f->window->documents_panel);
  flush_events ();
  focus = visible_focus (f->window);
  g_assert_true (focus_within (f->window, GTK_WIDGET (f->window->documents_panel)));
  press_key (f->window, GDK_KEY_Menu, 0);  /* its controller has no name */
  popover = open_popover (GTK_WIDGET (f->window));
  g_assert_nonnull (popover);
  escape_popover (f->window, popover);
  focus = visible_focus (f->window);
  g_test_message ("after the documents' menu: %s", G_OBJECT_TYPE_NAME (focus));
  g_assert_true (focus_within (f->window, GTK_WIDGET (f->window->documents_panel)));
  g_assert_true (gtk_widget_get_focusable (focus));

  /* The memo dialog, opened from the text, cancelled. */
  gtk_widget_grab_focus (text_view);
  dossier_document_view_select_range (view, start + 2, start + 2);
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.edit-memo", NULL);
  flush_events ();
  {
    AdwMessageDialog *dialog = find_message_dialog (GTK_WINDOW (f->window));

    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "cancel");
    flush_events ();
  }
  focus = visible_focus (f->window);
  g_test_message ("after the memo dialog: %s", G_OBJECT_TYPE_NAME (focus));
  g_assert_true (focus == text_view);
}

/* A highlight's tags and memo can be read from the text: the text view's
 * accessible description says what the caret is in, Alt+Enter shows it in
 * a toast (an alert, read out), and Edit Tags checks the tags the
 * highlight has, taking off one chosen again (issue 7, item 16c). */
static void
test_highlight_readable_from_text (Fixture       *f,
                                   gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  DossierReaderPage *page = dossier_window_get_reader_page (f->window);
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (view));
  g_autofree char *described = NULL;
  g_autoptr(DossierHighlight) hl = NULL;
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  gint64 start, end, id;
  guint n_checked = 0;

  find_range (f, "two new boats", &start, &end);
  id = dossier_project_add_highlight (project, f->document_id, start, end,
                                      (gint64[]) { f->risks_id, f->benefits_id }, 2,
                                      "Paid for by the fares", NULL);
  g_assert_cmpint (id, >, 0);
  flush_events ();

  /* Outside: nothing said. Inside: its tags and memo. */
  gtk_widget_grab_focus (text_view);
  dossier_document_view_select_range (view, 0, 0);
  flush_events ();
  g_assert_null (page->caret_description);
  dossier_document_view_select_range (view, start + 3, start + 3);
  flush_events ();
  g_assert_cmpstr (page->caret_description, ==,
                   "Highlighted: Risks, Benefits, memo: Paid for by the fares");
  described = _dossier_reader_page_describe_caret (page);
  g_assert_cmpstr (described, ==, page->caret_description);

  /* A tag taken off elsewhere: said at once. */
  g_assert_true (dossier_project_remove_highlight_tag (project, id, f->benefits_id, NULL));
  flush_events ();
  g_assert_cmpstr (page->caret_description, ==, "Highlighted: Risks, memo: Paid for by the fares");
  g_assert_true (dossier_project_undo (project, NULL));
  flush_events ();

  /* Alt+Enter: a toast, and the live region says it. */
  g_assert_cmpstr (press_key (f->window, GDK_KEY_Return, GDK_ALT_MASK), ==, "dossier-reader-keys");
  collect_with_class (GTK_WIDGET (f->window), "dossier-live-region", regions);
  g_assert_cmpuint (regions->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (regions, 0)));
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (regions, 0)), ==,
                   "Highlighted: Risks, Benefits, memo: Paid for by the fares");

  /* Edit Tags: Risks and Benefits checked, nothing else. */
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.edit-highlight-tags", "x", id);
  flush_events ();
  g_assert_true (gtk_widget_get_visible (page->tag_picker));
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect_descendants (page->tag_picker, DOSSIER_TYPE_TAG_PICKER_ROW, rows);
    g_assert_cmpuint (rows->len, >=, 2);
    for (guint i = 0; i < rows->len; i++)
      {
        DossierTagPickerRow *row = g_ptr_array_index (rows, i);
        DossierTag *tag = dossier_row_get_item (DOSSIER_ROW (row));
        gboolean has = dossier_tag_get_id (tag) == f->risks_id || dossier_tag_get_id (tag) == f->benefits_id;

        g_assert_cmpint (dossier_tag_picker_row_get_applied (row), ==, has);
        g_assert_cmpint (gtk_widget_get_visible (find_with_class (GTK_WIDGET (row), "tag-applied")), ==, has);
        n_checked += has;
      }
  }
  g_assert_cmpuint (n_checked, ==, 2);

  /* Benefits chosen again: taken off. */
  g_signal_emit_by_name (page->tag_picker, "tag-chosen", f->benefits_id);
  flush_events ();
  hl = dossier_project_get_highlight (project, id, NULL);
  g_assert_true (dossier_highlight_has_tag (hl, f->risks_id));
  g_assert_false (dossier_highlight_has_tag (hl, f->benefits_id));

  /* Tagging a new passage: nothing checked. */
  select_text (f, "quieter engines", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.tag-selection", NULL);
  flush_events ();
  g_assert_false (dossier_tag_picker_is_applied (DOSSIER_TAG_PICKER (page->tag_picker), f->risks_id));
  gtk_popover_popdown (GTK_POPOVER (page->tag_picker));
}

/* Whether the highlight that starts at @start carries @tag_id. */
static gboolean
tagged_with (Fixture *f,
             gint64   start,
             gint64   tag_id)
{
  g_autoptr(GPtrArray) highlights = list_highlights (f);

  for (guint i = 0; i < highlights->len; i++)
    {
      DossierHighlight *hl = g_ptr_array_index (highlights, i);

      if (dossier_highlight_get_start (hl) == start)
        return dossier_highlight_has_tag (hl, tag_id);
    }
  return FALSE;
}

/* Keys 1–9 go to the tags that can be applied, not to a tag that only
 * groups others, and a key pinned from the codebook's menu stays on its
 * tag when the codebook changes (issue 7, item 12). */
static void
test_number_keys_pinned (Fixture       *f,
                         gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  GtkTextView *text_view = dossier_document_view_get_text_view (view);
  GtkWidget *codebook = f->window->codebook_panel;
  gint64 sides, harbour, start, end;

  sides = add_tag (project, "Sides", 0);
  harbour = add_tag (project, "Harbour", sides);
  flush_events ();
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 1), ==, f->risks_id);
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 2), ==, f->benefits_id);
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 3), ==, harbour);
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 4), ==, 0);

  /* Number Key ▸ Key 1 on Harbour, from the codebook. */
  dossier_codebook_panel_set_selected_tag_id (DOSSIER_CODEBOOK_PANEL (codebook), harbour);
  g_assert_true (gtk_widget_activate_action (codebook, "codebook.key", "i", 1));
  flush_events ();
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Put “Harbour” on Key 1");

  /* Nesting the others changes nothing for Harbour. */
  g_assert_true (dossier_project_move_tag (project, f->risks_id, sides, -1, NULL));
  flush_events ();
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 1), ==, harbour);
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 2), ==, f->benefits_id);
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 3), ==, f->risks_id);

  /* "1" in the text tags with Harbour, "3" with Risks. */
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  select_text (f, "safer piers and quieter engines", &start, &end);
  g_assert_cmpstr (press_key (f->window, GDK_KEY_1, 0), ==, "dossier-reader-keys");
  g_assert_true (tagged_with (f, start, harbour));
  g_assert_false (tagged_with (f, start, f->risks_id));
  select_text (f, "raise ferry fares by ten percent", &start, &end);
  g_assert_cmpstr (press_key (f->window, GDK_KEY_3, 0), ==, "dossier-reader-keys");
  g_assert_true (tagged_with (f, start, f->risks_id));

  /* "4" has no tag: said, nothing tagged. */
  select_text (f, "quieter engines", &start, &end);
  g_assert_cmpstr (press_key (f->window, GDK_KEY_4, 0), ==, "dossier-reader-keys");
  g_assert_false (tagged_with (f, start, harbour));
}

/* Selects @needle (its start in @start), opens the tag picker as Ctrl+T
 * does and types @typed; the picker's entry. */
static GtkEditable *
type_in_picker (Fixture    *f,
                const char *needle,
                const char *typed,
                gint64     *start)
{
  DossierReaderPage *page = dossier_window_get_reader_page (f->window);
  GtkEditable *entry;
  gint64 end;

  select_text (f, needle, start, &end);
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.tag-selection", NULL);
  flush_events ();
  g_assert_true (gtk_widget_get_visible (page->tag_picker));
  entry = dossier_tag_picker_get_entry (DOSSIER_TAG_PICKER (page->tag_picker));
  gtk_editable_set_text (entry, typed);
  flush_events ();
  return entry;
}

/* Enter in the tag picker applies a tag only when it is named exactly
 * what was typed (in any case) or when the user moved to it; a tag that
 * merely contains the text is listed, not applied: the typed tag is made
 * instead (issue 7, item 10). */
static void
test_tag_picker_enter (Fixture       *f,
                       gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  DossierReaderPage *page = dossier_window_get_reader_page (f->window);
  DossierTagPicker *picker;
  GListModel *tags = dossier_project_get_tags (project);
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *entry;
  DossierTag *crackdown;
  gint64 mexican, start;
  guint n_tags;

  mexican = dossier_project_add_tag (project, "Mexican crackdown", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  n_tags = g_list_model_get_n_items (tags);

  /* "Crackdown": listed, not highlighted; Enter makes "Crackdown". */
  entry = type_in_picker (f, "raise ferry fares", "Crackdown", &start);
  picker = DOSSIER_TAG_PICKER (page->tag_picker);   /* made on first use */
  g_assert_cmpuint (dossier_tag_picker_get_n_matches (picker), ==, 1);
  g_assert_cmpint (dossier_tag_picker_get_highlighted_tag (picker), ==, 0);
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  crackdown = dossier_project_find_tag (project, "Crackdown");
  g_assert_nonnull (crackdown);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n_tags + 1);
  g_assert_true (tagged_with (f, start, dossier_tag_get_id (crackdown)));
  g_assert_false (tagged_with (f, start, mexican));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));

  /* The exact name in another case: that tag, nothing made. */
  entry = type_in_picker (f, "two new boats", "mexican CRACKDOWN", &start);
  g_assert_cmpint (dossier_tag_picker_get_highlighted_tag (picker), ==, mexican);
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  g_assert_true (tagged_with (f, start, mexican));
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n_tags + 1);

  /* Part of a name, then Down to the tag wanted: that tag, nothing made. */
  entry = type_in_picker (f, "the cost of diesel", "crack", &start);
  g_assert_cmpuint (dossier_tag_picker_get_n_matches (picker), ==, 2);
  for (guint i = 0; i < 3 && dossier_tag_picker_get_highlighted_tag (picker) != mexican; i++)
    g_assert_true (press_key_on (GTK_WIDGET (entry), GDK_KEY_Down, 0));
  g_assert_cmpint (dossier_tag_picker_get_highlighted_tag (picker), ==, mexican);
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  g_assert_true (tagged_with (f, start, mexican));
  g_assert_null (dossier_project_find_tag (project, "crack"));
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, n_tags + 1);

  /* Nothing typed, nothing moved to: Enter applies nothing. */
  entry = type_in_picker (f, "quieter engines", "", &start);
  g_assert_cmpint (dossier_tag_picker_get_highlighted_tag (picker), ==, 0);
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 3);
  gtk_popover_popdown (GTK_POPOVER (picker));
  flush_events ();
}

/* Ctrl+T, Ctrl+M and Ctrl+F reach the reader with the focus anywhere in
 * the window: the window passes them on to the page on show. */
static void
test_window_keys_reach_reader (Fixture       *f,
                               gconstpointer  data)
{
  DossierReaderPage *page = dossier_window_get_reader_page (f->window);
  GtkWidget *search_bar = find_descendant (GTK_WIDGET (dossier_window_get_document_view (f->window)),
                                           GTK_TYPE_SEARCH_BAR);
  gint64 start, end;

  g_assert_nonnull (search_bar);
  select_text (f, "the cost of diesel", &start, &end);
  dossier_documents_panel_focus_list (f->window->documents_panel);
  flush_events ();

  g_assert_cmpstr (press_key (f->window, GDK_KEY_t, GDK_CONTROL_MASK), ==, "gtk-widget-class-shortcuts");
  g_assert_nonnull (page->tag_picker);
  g_assert_true (gtk_widget_get_visible (page->tag_picker));
  gtk_popover_popdown (GTK_POPOVER (page->tag_picker));
  flush_events ();

  /* Ctrl+M on the passage just tagged: its memo. */
  gtk_widget_activate_action (GTK_WIDGET (page), "reader.apply-tag", "i", 1);
  dossier_documents_panel_focus_list (f->window->documents_panel);
  flush_events ();
  g_assert_null (find_message_dialog (GTK_WINDOW (f->window)));
  g_assert_cmpstr (press_key (f->window, GDK_KEY_m, GDK_CONTROL_MASK), ==, "gtk-widget-class-shortcuts");
  g_assert_nonnull (find_message_dialog (GTK_WINDOW (f->window)));
  close_dialogs ();

  dossier_documents_panel_focus_list (f->window->documents_panel);
  flush_events ();
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  g_assert_cmpstr (press_key (f->window, GDK_KEY_f, GDK_CONTROL_MASK), ==, "gtk-widget-class-shortcuts");
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));

  /* With no project, nothing to pass them to. */
  dossier_window_set_project (f->window, NULL);
  flush_events ();
  g_assert_cmpstr (centre_shows (f->window), ==, "no-project");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->tag_selection_button)));
  g_assert_null (press_key (f->window, GDK_KEY_t, GDK_CONTROL_MASK));
}

/* The centre is a stack of pages (Read, Brief, …): the header shows a
 * switcher among them. */
static gboolean
switcher_shown (gpointer data)
{
  return !adw_view_switcher_title_get_title_visible (DOSSIER_WINDOW (data)->window_title);
}

static void
test_centre_pages (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *other = gtk_label_new ("Another page");

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 820);
  flush_events ();
  wait_until (switcher_shown, f->window, "the pages' switcher");
  g_assert_nonnull (adw_view_stack_get_child_by_name (f->window->page_stack, "briefing"));

  adw_view_stack_add_titled (f->window->page_stack, other, "other", "Other");

  /* Revealing a highlight or a hit brings the reader back. */
  adw_view_stack_set_visible_child (f->window->page_stack, other);
  g_assert_cmpstr (centre_shows (f->window), ==, "other");
  {
    gint64 start, end;

    find_range (f, "two new boats", &start, &end);
    g_signal_emit_by_name (f->window->search_panel, "hit-activated", f->document_id, start, end);
  }
  g_assert_cmpstr (centre_shows (f->window), ==, "document");

  adw_view_stack_remove (f->window->page_stack, other);
  flush_events ();
  g_assert_true (switcher_shown (f->window));
}

/* The tooltip of the switcher's button for the page titled @title. */
static const char *
switcher_tooltip (DossierWindow *window,
                  const char    *title)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_descendants (GTK_WIDGET (window->window_title), GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autofree char *label = NULL;

      g_object_get (g_ptr_array_index (buttons, i), "label", &label, NULL);
      if (g_strcmp0 (label, title) == 0)
        return gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i));
    }
  return NULL;
}

static gboolean
has_focus (gpointer widget)
{
  return gtk_widget_has_focus (widget);
}

/* Alt+2 pressed through the X server, from the reader's text: the matrix
 * takes the focus on its first cell, its ring shown at once (a sidebar's
 * does, taken by a key). Before, no cell was marked and no ring showed
 * until the first arrow key. Again, from the reader, it comes back to
 * what was left selected. */
static void
test_compare_key_ring (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (f->window)));
  DossierMatrix *matrix = DOSSIER_MATRIX (dossier_compare_page_get_matrix (DOSSIER_COMPARE_PAGE (f->window->compare_page)));
  graphene_rect_t area;
  int row, column;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 820);
  flush_events ();
  gtk_widget_grab_focus (text_view);
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), FALSE);
  keys_through_x (GTK_WIDGET (f->window), "alt+2");
  wait_until (has_focus, matrix, "the focus on the matrix");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->page_stack), ==, "compare");
  g_assert_true (dossier_matrix_get_cell_area (matrix, 0, 0, &area));
  dossier_matrix_get_selection (matrix, &row, &column);
  g_assert_cmpint (row, ==, 0);
  g_assert_cmpint (column, ==, 0);
  g_assert_true (gtk_widget_has_visible_focus (GTK_WIDGET (matrix)));

  /* The selection moved on (to the document's heading) is where the
   * focus comes back. */
  dossier_matrix_select (matrix, -1, 0);
  keys_through_x (GTK_WIDGET (f->window), "alt+1");
  wait_until (has_focus, text_view, "the focus on the text");
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), FALSE);
  keys_through_x (GTK_WIDGET (f->window), "alt+2");
  wait_until (has_focus, matrix, "the focus on the matrix");
  dossier_matrix_get_selection (matrix, &row, &column);
  g_assert_cmpint (row, ==, -1);
  g_assert_cmpint (column, ==, 0);
  g_assert_true (gtk_widget_has_visible_focus (GTK_WIDGET (matrix)));
}

/* Alt+1, Alt+2 and Alt+3 bring Read, Compare and Brief to the front, from
 * wherever the focus is, and put the focus where each page is worked;
 * the digits alone still tag in the reader; the switcher's tooltips name
 * the keys. */
static void
test_page_keys (Fixture       *f,
                gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (f->window)));
  DossierBriefingPage *briefing = DOSSIER_BRIEFING_PAGE (f->window->briefing_page);
  GtkWidget *editor = GTK_WIDGET (dossier_briefing_page_get_editor (briefing));
  g_autoptr(GError) error = NULL;
  gint64 start, end, id;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 820);
  flush_events ();
  wait_until (switcher_shown, f->window, "the pages' switcher");
  g_assert_cmpstr (switcher_tooltip (f->window, "Read"), ==, "Read (Alt+1)");
  g_assert_cmpstr (switcher_tooltip (f->window, "Compare"), ==, "Compare (Alt+2)");
  g_assert_cmpstr (switcher_tooltip (f->window, "Brief"), ==, "Brief (Alt+3)");

  /* From the reader's text: the matrix, then the page's button to start a
   * note (there is none yet). */
  gtk_widget_grab_focus (text_view);
  flush_events ();
  g_assert_nonnull (press_key (f->window, GDK_KEY_2, GDK_ALT_MASK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->page_stack), ==, "compare");
  g_assert_true (focus_within (f->window, dossier_compare_page_get_matrix (DOSSIER_COMPARE_PAGE (f->window->compare_page))));
  g_assert_nonnull (press_key (f->window, GDK_KEY_3, GDK_ALT_MASK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->page_stack), ==, "briefing");
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (f->window))));
  g_assert_true (focus_within (f->window, f->window->briefing_page));

  /* With a note, into its text; from there (the keypad's digit too) back
   * to the document's text, where 1 still tags. */
  id = dossier_project_add_briefing (project, "Ferries", NULL, 0, "Fares rise.\n", &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (briefing, id);
  g_assert_nonnull (press_key (f->window, GDK_KEY_2, GDK_ALT_MASK));
  g_assert_nonnull (press_key (f->window, GDK_KEY_3, GDK_ALT_MASK));
  g_assert_true (gtk_widget_is_focus (editor));
  /* Ctrl+E here offers the note on show in the Export dialog. */
  g_assert_nonnull (press_key (f->window, GDK_KEY_e, GDK_CONTROL_MASK));
  {
    GtkWindow *dialog = find_toplevel (DOSSIER_TYPE_EXPORT_DIALOG, GTK_WINDOW (f->window));

    g_assert_nonnull (dialog);
    g_assert_cmpint (dossier_export_dialog_get_briefing_id (DOSSIER_EXPORT_DIALOG (dialog)), ==, id);
    gtk_window_destroy (dialog);
  }
  g_assert_nonnull (press_key (f->window, GDK_KEY_KP_1, GDK_ALT_MASK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->page_stack), ==, "reader");
  g_assert_true (gtk_widget_is_focus (text_view));
  find_range (f, "two new boats", &start, &end);
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), start, end);
  flush_events ();
  g_assert_cmpstr (press_key (f->window, GDK_KEY_1, 0), ==, "dossier-reader-keys");
  {
    g_autoptr(GPtrArray) highlights = list_highlights (f);

    g_assert_cmpuint (highlights->len, ==, 1);
  }

  /* With no project there are no pages to go to. */
  dossier_window_set_project (f->window, NULL);
  flush_events ();
  g_assert_null (press_key (f->window, GDK_KEY_3, GDK_ALT_MASK));
  g_assert_cmpstr (centre_shows (f->window), ==, "no-project");

  /* The Keyboard Shortcuts window lists them. */
  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/dossier/Dossier/help-overlay.ui");
    g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
    const char *keys[][2] = {
      { "<Alt>1", "Read the documents" },
      { "<Alt>2", "Compare the documents" },
      { "<Alt>3", "Write the briefing note" },
    };
    guint listed = 0;

    for (GSList *l = objects; l != NULL; l = l->next)
      {
        g_autofree char *accelerator = NULL;
        g_autofree char *title = NULL;

        if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
          continue;
        g_object_get (l->data, "accelerator", &accelerator, "title", &title, NULL);
        for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
          if (g_strcmp0 (accelerator, keys[i][0]) == 0 && g_strcmp0 (title, keys[i][1]) == 0)
            listed++;
      }
    g_assert_cmpuint (listed, ==, G_N_ELEMENTS (keys));
    gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  }
}

/* ---- The adaptive window ---------------------------------------------------- */

typedef struct
{
  DossierWindow *window;
  int            width;
} WidthWait;

static gboolean
window_laid_out (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static gboolean
window_is_width (gpointer data)
{
  WidthWait *w = data;

  return gtk_widget_get_width (GTK_WIDGET (w->window)) == w->width
         && gtk_widget_get_width (GTK_WIDGET (w->window->center_stack)) > 0;
}

typedef struct
{
  guint ticks;
  guint wanted;
} FrameWait;

static gboolean
count_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  FrameWait *w = data;

  w->ticks++;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_drawn (gpointer data)
{
  FrameWait *w = data;

  return w->ticks >= w->wanted;
}

/* Waits until @n whole frames (each laid out, then painted) have been
 * drawn from now on: what was changed before is then allocated and on
 * screen. flush_events() is not enough: a frame is drawn when the frame
 * clock says, not when the main loop has nothing else to do. A tick comes
 * at the start of a frame, so the (n + 1)th starts after the nth ended. */
static void
wait_for_frames (GtkWidget *widget,
                 guint      n)
{
  FrameWait w = { 0, n + 1 };
  guint id = gtk_widget_add_tick_callback (widget, count_tick, &w, NULL);

  wait_until (frames_drawn, &w, "frames to be drawn");
  gtk_widget_remove_tick_callback (widget, id);
}

/* GTK 4.8 loses a relayout now and then: a widget that queues a resize
 * while it is being allocated (a GtkTextView validating its lines does)
 * under an ancestor reached only because a descendant of it asked for an
 * allocation (an AdwFlap sliding) leaves that ancestor marked as needing
 * one, without asking the window for a new layout. The frame then skips
 * drawing it, with this warning; the next relayout of the window heals it.
 * It is GTK's, and folding the sidebars brings it about under load, so it
 * is tolerated here, counted, and settle() checks that nothing stays
 * undrawn: a frame with it after everything stopped moving fails. */
static guint lost_allocations;

static GLogWriterOutput
tolerate_lost_allocation (GLogLevelFlags   log_level,
                          const GLogField *fields,
                          gsize            n_fields,
                          gpointer         data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length >= 0)
        continue;
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) != 0 && g_strcmp0 (domain, "Gtk") == 0 && message != NULL
      && g_str_has_prefix (message, "Trying to snapshot AdwFlap ")
      && g_str_has_suffix (message, " without a current allocation"))
    {
      lost_allocations++;
      return g_log_writer_standard_streams (log_level, fields, n_fields, data);
    }
  return g_log_writer_default (log_level, fields, n_fields, data);
}

static gboolean
sidebars_still (gpointer data)
{
  DossierWindow *window = data;
  AdwFlap *flaps[] = { window->left_flap, window->right_flap };

  for (guint i = 0; i < G_N_ELEMENTS (flaps); i++)
    {
      double progress = adw_flap_get_reveal_progress (flaps[i]);

      if (progress != (adw_flap_get_reveal_flap (flaps[i]) ? 1.0 : 0.0))
        return FALSE;
    }
  return gtk_action_bar_get_revealed (window->narrow_bar) == window->narrow;
}

/* Waits until the window has stopped moving (the sidebars have slid
 * where they go, the bottom bar is where the width puts it) and two more frames are drawn, then checks that those
 * frames drew every part of it. */
static void
settle (DossierWindow *window)
{
  guint lost;

  wait_until (sidebars_still, window, "the sidebars to stop sliding");
  wait_for_frames (GTK_WIDGET (window), 2);
  lost = lost_allocations;
  wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (lost_allocations, ==, lost);
}

/* Resizes the window as a person (through the window manager) does, and
 * waits for it to be laid out and drawn at that width, with what that
 * width brings (narrow mode, folded sidebars) in place. A window manager
 * keeps a window at least as wide as its minimum, which narrow mode
 * lowers: so narrower than that minimum, the window goes to it first, then
 * on. (On X11 a mapped window keeps its size whatever its default size
 * says: the window manager's to change, here the test's.) @width is the X
 * window's, with the window's frame (its shadow, outside its widget's
 * width). */
static void
resize_window (DossierWindow *window,
               int            width)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkDisplay *display = gdk_surface_get_display (surface);
  WidthWait w = { window, 0 };
  int frame;

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  wait_until (window_laid_out, window, "the window's first layout");
  frame = gdk_surface_get_width (surface) - gtk_widget_get_width (GTK_WIDGET (window));
  for (guint step = 0; w.width != width - frame; step++)
    {
      int min = 0;

      g_assert_cmpuint (step, <, 3);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      w.width = MAX (width - frame, min);
      XResizeWindow (gdk_x11_display_get_xdisplay (display), gdk_x11_surface_get_xid (surface),
                     (unsigned) (w.width + frame), 760);
      XFlush (gdk_x11_display_get_xdisplay (display));
      wait_until (window_is_width, &w, "the window to take the width");
      settle (window);
      g_assert_true (window_is_width (&w));
    }
}

static gboolean
sidebar_shown (AdwFlap *flap)
{
  return adw_flap_get_reveal_flap (flap) && adw_flap_get_reveal_progress (flap) >= 1.0;
}

static gboolean
left_shown (gpointer data)
{
  return sidebar_shown (DOSSIER_WINDOW (data)->left_flap);
}

static gboolean
left_gone (gpointer data)
{
  return adw_flap_get_reveal_progress (DOSSIER_WINDOW (data)->left_flap) <= 0.0;
}

static gboolean
right_shown (gpointer data)
{
  return sidebar_shown (DOSSIER_WINDOW (data)->right_flap);
}

static gboolean
right_gone (gpointer data)
{
  return adw_flap_get_reveal_progress (DOSSIER_WINDOW (data)->right_flap) <= 0.0;
}

/* The Stakeholders panel's name entry (in the popover of its +). */
static GtkWidget *
stakeholder_name_entry (DossierWindow *window)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect_descendants (window->stakeholders_panel, GTK_TYPE_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (gtk_entry_get_placeholder_text (g_ptr_array_index (entries, i)), "Name") == 0)
      return g_ptr_array_index (entries, i);
  g_error ("the stakeholders panel has no name entry");
  return NULL;
}

static gboolean
stakeholder_popover_placed (gpointer window)
{
  return popover_placed (gtk_widget_get_ancestor (stakeholder_name_entry (window), GTK_TYPE_POPOVER));
}

/* Whether "New Stakeholder from Selection" is on in the reader's text
 * menu, and there. */
static gboolean
new_stakeholder_item_on (Fixture *f)
{
  DossierReaderPage *page = dossier_window_get_reader_page (f->window);
  GtkWidget *item;
  gboolean on;

  _dossier_reader_page_popup_text_menu (page, 20, 20);
  flush_events ();
  item = find_menu_item (page->highlight_menu, "New Stakeholder from Selection");
  g_assert_nonnull (item);
  on = gtk_widget_get_sensitive (item);
  gtk_popover_popdown (GTK_POPOVER (page->highlight_menu));
  flush_events ();
  return on;
}

/* "New Stakeholder from Selection" (the reader's text menu, Shift+Ctrl+N)
 * opens the Stakeholders panel's + on the selection's name, the right
 * sidebar brought in first if hidden (or the panel in its editor); Enter
 * adds the stakeholder citing the passage, and one undo takes both back.
 * Greyed with nothing selected. */
static void
test_new_stakeholder_from_selection (Fixture       *f,
                                     gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  DossierHighlight *cited;
  DossierStakeholder *s;
  GtkWidget *entry;
  gint64 start, end;

  g_assert_false (new_stakeholder_item_on (f));

  /* The sidebar hidden: it comes in, on the panel. */
  g_object_set (f->window, "show-right-sidebar", FALSE, NULL);
  wait_until (right_gone, f->window, "the right sidebar to go");
  sync_display ();
  select_text (f, "Zoë Márquez", &start, &end);
  sync_display ();
  g_assert_true (new_stakeholder_item_on (f));
  g_assert_nonnull (press_key (f->window, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  wait_until (stakeholder_popover_placed, f->window, "the stakeholders' + to open");
  g_assert_true (right_shown (f->window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->right_stack), ==, "stakeholders");
  entry = stakeholder_name_entry (f->window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Zoë Márquez");
  g_assert_true (gtk_widget_has_focus (find_descendant (entry, GTK_TYPE_TEXT)));
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  s = dossier_project_find_stakeholder (project, "Zoë Márquez");
  g_assert_nonnull (s);
  evidence = dossier_project_list_stakeholder_evidence (project, dossier_stakeholder_get_id (s), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);
  cited = ((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight;
  g_assert_cmpint (dossier_highlight_get_start (cited), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (cited), ==, end);

  /* From the menu, with the editor of the one just added open: the list
   * and its + again. The entry held the primary selection: the X server's
   * word that it let go of it is heard before the reader takes it (heard
   * after, the reader would drop its selection). */
  sync_display ();
  select_text (f, "the café-lined north pier", &start, &end);
  sync_display ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dossier_window_get_reader_page (f->window)),
                                             "win.new-stakeholder", NULL));
  wait_until (stakeholder_popover_placed, f->window, "the stakeholders' + to open again");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "the café-lined north pier");
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER)));
  flush_events ();

  /* One undo: the stakeholder and the passage it cited. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  flush_events ();
  g_assert_null (dossier_project_find_stakeholder (project, "Zoë Márquez"));
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 0);

}

/* Nothing of the window is cut off: every part is at least as wide as it
 * needs, and within the window. */
static void
assert_fits (DossierWindow *window)
{
  GtkWidget *parts[] = {
    gtk_widget_get_parent (GTK_WIDGET (window->window_title)),
    GTK_WIDGET (window->center_stack),
    gtk_stack_get_visible_child (window->center_stack),
    GTK_WIDGET (dossier_window_get_document_view (window)),
  };
  int window_width;

  settle (window);
  window_width = gtk_widget_get_width (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      int min = 0;

      if (!gtk_widget_get_mapped (parts[i]))
        continue;

      gtk_widget_measure (parts[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (parts[i]), >=, min);
      g_assert_cmpint (gtk_widget_get_width (parts[i]), <=, window_width);
    }
}

/* Wide, both sidebars sit beside the reader; narrower, the right one,
 * then the left one, fold over it, hidden until asked for; at 360 pixels
 * the header's secondary buttons move to a bar at the bottom, and nothing
 * is cut off. The reading column never goes below its natural width with
 * a sidebar beside it. */
static void
test_folding (Fixture       *f,
              gconstpointer  data)
{
  DossierWindow *w = f->window;
  int centre_natural = 0;


  resize_window (w, 1280);
  wait_until (right_shown, w, "the right sidebar");
  g_assert_false (adw_flap_get_folded (w->left_flap));
  g_assert_false (adw_flap_get_folded (w->right_flap));
  g_assert_true (sidebar_shown (w->left_flap));
  gtk_widget_measure (GTK_WIDGET (w->center_stack), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &centre_natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (w->center_stack)), >=, centre_natural);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (w->left_sidebar)), ==, dossier_sidebar_get_width (w->left_sidebar));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (w->right_sidebar)), ==, dossier_sidebar_get_width (w->right_sidebar));
  g_assert_true (dossier_sidebar_is_docked (w->left_sidebar));
  g_assert_false (w->narrow);
  assert_fits (w);

  /* Wider (as wide as the test's screen): the reading column stays as
   * wide as it reads best, centred, and nothing in the window keeps it
   * from getting narrow again. */
  resize_window (w, 1600);
  assert_fits (w);
  {
    GtkTextView *text_view = dossier_document_view_get_text_view (dossier_window_get_document_view (w));
    int gutter = gtk_widget_get_width (gtk_text_view_get_gutter (text_view, GTK_TEXT_WINDOW_LEFT));
    int right = gtk_text_view_get_right_margin (text_view);
    int text_width = gtk_widget_get_width (GTK_WIDGET (text_view)) - gutter
                     - gtk_text_view_get_left_margin (text_view) - right;
    int min = 0;

    g_assert_cmpint (text_width, <, 700);
    g_assert_cmpint (ABS (gutter + gtk_text_view_get_left_margin (text_view) - right), <, 8);
    gtk_widget_measure (GTK_WIDGET (w), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <=, 600);
    gtk_widget_measure (GTK_WIDGET (dossier_window_get_document_view (w)), GTK_ORIENTATION_HORIZONTAL, -1,
                        &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <=, 340);
  }

  /* Too narrow for both beside the reader: the right one folds. */
  resize_window (w, 1000);
  wait_until (right_gone, w, "the right sidebar to fold away");
  g_assert_true (adw_flap_get_folded (w->right_flap));
  g_assert_false (adw_flap_get_folded (w->left_flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (w->center_stack)), >=, centre_natural);
  g_assert_false (dossier_sidebar_is_docked (w->right_sidebar));
  assert_fits (w);

  /* A phone's width: both fold, the header keeps what fits. */
  resize_window (w, 360);
  wait_until (left_gone, w, "the left sidebar to fold away");
  g_assert_true (adw_flap_get_folded (w->left_flap));
  g_assert_true (adw_flap_get_folded (w->right_flap));
  g_assert_true (w->narrow);
  g_assert_true (gtk_action_bar_get_revealed (w->narrow_bar));
  g_assert_false (gtk_widget_get_visible (w->undo_box));
  g_assert_true (gtk_widget_get_visible (w->import_button_narrow));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (w->search_button)));
  assert_fits (w);
  /* The window goes that narrow, its frame included, even with a title
   * bar's three buttons (GTK's own layout, which a window manager without
   * GNOME's settings, openbox's, gets): the sidebars' buttons go to the
   * bottom bar too. With them in the header, it wanted 357 px and the
   * window went no narrower than 365 px with its frame. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "menu:minimize,maximize,close", NULL);
  g_assert_false (gtk_widget_get_visible (w->left_sidebar_button));
  g_assert_false (gtk_widget_get_visible (w->right_sidebar_button));
  g_assert_true (gtk_widget_get_visible (w->left_sidebar_button_narrow));
  g_assert_true (gtk_widget_get_visible (w->right_sidebar_button_narrow));
  settle (w);
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (w));
    int frame = gdk_surface_get_width (surface) - gtk_widget_get_width (GTK_WIDGET (w));
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (w), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_test_message ("at 360 px: frame %d px, minimum %d px", frame, min);
    g_assert_cmpint (min, <=, 360 - frame);
  }
  /* From the bottom bar, the sidebars come and go as from the header. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (w->left_sidebar_button_narrow)), ==,
                   "win.show-left-sidebar");
  gtk_widget_activate (w->left_sidebar_button_narrow);
  wait_until (left_shown, w, "the left sidebar over the reader");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (w->left_sidebar_button_narrow)));
  gtk_widget_activate (w->left_sidebar_button_narrow);
  wait_until (left_gone, w, "the left sidebar to go");
  gtk_widget_activate (w->right_sidebar_button_narrow);
  wait_until (right_shown, w, "the right sidebar over the reader");
  gtk_widget_activate (w->right_sidebar_button_narrow);
  wait_until (right_gone, w, "the right sidebar to go");
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);

  /* With no project, the same. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (f->path);

    dossier_window_set_project (w, NULL);
    flush_events ();
    g_assert_cmpstr (centre_shows (w), ==, "no-project");
    assert_fits (w);
    g_assert_true (dossier_window_open_project (w, file, DOSSIER_OPEN_READ_WRITE, NULL));
  }

  /* Undo still works from the bottom bar. */
  {
    gint64 start, end;

    select_text (f, "two new boats", &start, &end);
    gtk_widget_activate_action (GTK_WIDGET (w->reader_page), "reader.apply-tag", "i", 1);
    flush_events ();
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (w->undo_button_narrow)));
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (w->undo_button_narrow)), "Undo "));
  }

  /* Wide again: both back beside the reader, the header whole. */
  resize_window (w, 1400);
  wait_until (left_shown, w, "the left sidebar back");
  wait_until (right_shown, w, "the right sidebar back");
  g_assert_false (w->narrow);
  g_assert_true (gtk_widget_get_visible (w->undo_box));
  g_assert_false (gtk_action_bar_get_revealed (w->narrow_bar));
  g_assert_true (gtk_widget_get_visible (w->left_sidebar_button));
  g_assert_true (gtk_widget_get_visible (w->right_sidebar_button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (w->undo_button)), "Undo "));
}

/* @widget (mapped) lies clear of @toast. */
static void
assert_clear_of (GtkWidget       *widget,
                 graphene_rect_t *toast,
                 DossierWindow   *window)
{
  graphene_rect_t bounds, overlap;

  g_assert_true (gtk_widget_get_mapped (widget));
  bounds = bounds_in_window (widget, window);
  if (graphene_rect_intersection (toast, &bounds, &overlap))
    g_error ("the toast (%g, %g, %g × %g) covers %s (%g, %g, %g × %g)",
             toast->origin.x, toast->origin.y, toast->size.width, toast->size.height,
             G_OBJECT_TYPE_NAME (widget), bounds.origin.x, bounds.origin.y, bounds.size.width,
             bounds.size.height);
}

/* At a phone's width (360 px) a toast with Undo sits above the bars at the
 * window's bottom (undo, redo and search; the pages' switcher), not over
 * them: the user can still reach them, and the toast's own button is in
 * the window. Before, the toast (an overlay around the whole window)
 * covered the bottom bar's Undo and Redo and most of the switcher. */
static void
test_toast_above_bottom_bars (Fixture       *f,
                              gconstpointer  data)
{
  DossierWindow *w = f->window;
  GtkWidget *toast, *button;
  graphene_rect_t toast_bounds, button_bounds, window_bounds;
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  gint64 start, end;

  resize_window (w, 360);
  g_assert_true (w->narrow);
  g_assert_true (gtk_action_bar_get_revealed (w->narrow_bar));
  g_assert_true (adw_view_switcher_bar_get_reveal (w->page_switcher_bar));

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (w->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (w->reader_page), "reader.delete-highlight", NULL);
  wait_until (shows_toast, w, "the toast of the removal");
  wait_for_animations (GTK_WIDGET (w->toast_overlay));

  toast = window_toast (w);
  toast_bounds = bounds_in_window (toast, w);
  assert_clear_of (GTK_WIDGET (w->undo_button_narrow), &toast_bounds, w);
  assert_clear_of (GTK_WIDGET (w->redo_button_narrow), &toast_bounds, w);
  assert_clear_of (find_button_with_action (GTK_WIDGET (w->narrow_bar), "win.search"), &toast_bounds, w);
  collect_descendants (GTK_WIDGET (w->page_switcher_bar), GTK_TYPE_TOGGLE_BUTTON, switches);
  g_assert_cmpuint (switches->len, ==, 3);
  for (guint i = 0; i < switches->len; i++)
    assert_clear_of (g_ptr_array_index (switches, i), &toast_bounds, w);

  /* Its Undo whole in the window. */
  button = find_button_labelled (toast, "_Undo");
  g_assert_nonnull (button);
  button_bounds = bounds_in_window (button, w);
  graphene_rect_init (&window_bounds, 0, 0, gtk_widget_get_width (GTK_WIDGET (w)),
                      gtk_widget_get_height (GTK_WIDGET (w)));
  g_assert_true (graphene_rect_contains_rect (&window_bounds, &button_bounds));

  /* Wide, with no bar below, the next one sits at the bottom again. */
  dismiss_toasts (GTK_WIDGET (w));
  resize_window (w, 1280);
  gtk_widget_activate_action (GTK_WIDGET (w), "win.undo", NULL);
  wait_until (shows_toast, w, "the toast of the undo");
  wait_for_animations (GTK_WIDGET (w->toast_overlay));
  g_assert_cmpint (gtk_widget_get_margin_bottom (window_toast (w)), ==, 0);
}

static gboolean
briefing_page_narrow (gpointer data)
{
  return dossier_briefing_page_get_narrow (DOSSIER_BRIEFING_PAGE (data));
}

/* The Brief page at a phone's width: the editor and the preview take turns
 * (a switch in the page's toolbar), so the window reaches 360 pixels on it
 * too, nothing cut off; wide again, they are side by side. */
static void
test_briefing_narrow (Fixture       *f,
                      gconstpointer  data)
{
  DossierWindow *w = f->window;
  DossierProject *project = dossier_window_get_project (w);
  GtkWidget *page = adw_view_stack_get_child_by_name (w->page_stack, "briefing");
  DossierBriefingPage *briefing = DOSSIER_BRIEFING_PAGE (page);
  GtkWidget *editor = GTK_WIDGET (dossier_briefing_page_get_editor (briefing));
  GtkWidget *preview = GTK_WIDGET (dossier_briefing_page_get_preview (briefing));
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = dossier_project_add_briefing (project, "Harbour Bridge", NULL, 0,
                                     "## Summary\n\nThe bridge closes to cars in 2027.\n", &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (briefing, id);
  resize_window (w, 1280);
  adw_view_stack_set_visible_child_name (w->page_stack, "briefing");
  settle (w);
  g_assert_false (dossier_briefing_page_get_narrow (briefing));
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (gtk_widget_get_mapped (preview));

  resize_window (w, 360);
  wait_until (briefing_page_narrow, briefing, "the Brief page to go narrow");
  settle (w);
  g_assert_true (w->narrow);
  assert_fits (w);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_false (gtk_widget_get_mapped (preview));
  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);

  /* The preview in its turn, then the editor again, with the focus. */
  dossier_briefing_page_show_preview (briefing, TRUE);
  settle (w);
  g_assert_false (gtk_widget_get_mapped (editor));
  g_assert_true (gtk_widget_get_mapped (preview));
  assert_fits (w);
  dossier_briefing_page_show_preview (briefing, FALSE);
  settle (w);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (gtk_widget_has_focus (editor));

  resize_window (w, 1280);
  g_assert_false (dossier_briefing_page_get_narrow (briefing));
  settle (w);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (gtk_widget_get_mapped (preview));
  assert_fits (w);

  /* Brief chosen in a window already at 360: the window stays at 360 (the
   * page asks for one pane, not both side by side) and the page goes
   * narrow. */
  adw_view_stack_set_visible_child_name (w->page_stack, "reader");
  resize_window (w, 360);
  settle (w);
  adw_view_stack_set_visible_child_name (w->page_stack, "briefing");
  wait_until (briefing_page_narrow, briefing, "the Brief page to go narrow");
  settle (w);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (w)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (page), <=, 360);
  assert_fits (w);
}

/* A new highlight of @needle (tagged Risks), cited as a note cites it:
 * "[@uuid]". */
static char *
cite_passage (Fixture    *f,
              const char *needle)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(DossierHighlight) highlight = NULL;
  gint64 start, end, id;

  find_range (f, needle, &start, &end);
  id = dossier_project_add_highlight (project, f->document_id, start, end, &f->risks_id, 1, NULL, NULL);
  g_assert_cmpint (id, >, 0);
  highlight = dossier_project_get_highlight (project, id, NULL);
  return g_strdup_printf ("[@%s]", dossier_highlight_get_uuid (highlight));
}

/* The Brief page's Sources are one Tab stop, as the other lists are: Tab
 * from the preview lands on a row, the arrows move between rows, Tab on a
 * row leaves the list for the next control (it walked each row), and
 * Shift+Tab from there comes back to the row left. Real key presses: the
 * window's own Tab is part of what is tested. */
static void
test_sources_one_tab_stop (Fixture       *f,
                           gconstpointer  data)
{
  DossierWindow *w = f->window;
  DossierBriefingPage *briefing = DOSSIER_BRIEFING_PAGE (w->briefing_page);
  GtkWidget *preview = GTK_WIDGET (dossier_briefing_page_get_preview (briefing));
  g_autofree char *fares = cite_passage (f, "raise ferry fares");
  g_autofree char *boats = cite_passage (f, "two new boats");
  g_autofree char *piers = cite_passage (f, "safer piers");
  g_autofree char *body = g_strdup_printf ("## Fares\n\nFares rise %s to pay for boats %s and piers %s.\n",
                                           fares, boats, piers);
  g_autoptr(GError) error = NULL;
  GtkListBox *sources;
  GtkWidget *focus;
  gint64 id;

  id = dossier_project_add_briefing (dossier_window_get_project (w), "Fares", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (briefing, id);
  resize_window (w, 1280);
  adw_view_stack_set_visible_child_name (w->page_stack, "briefing");
  wait_for_list_box_rows (w->briefing_page, "note-sources", 3);
  settle (w);
  sources = GTK_LIST_BOX (find_with_class (w->briefing_page, "note-sources"));

  /* Tab from the preview, the widget before the list: onto its first row;
   * Down: the next row. */
  g_assert_true (gtk_widget_grab_focus (preview));
  press_for_row (sources, "Tab", 0);
  press_for_row (sources, "Down", 1);

  /* Tab: out of the list, to a control that takes keys, not the third row. */
  press_for_row (sources, "Tab", -1);
  focus = visible_focus (w);
  g_test_message ("after the sources: %s", G_OBJECT_TYPE_NAME (focus));
  g_assert_true (gtk_widget_get_focusable (focus));

  /* Shift+Tab: back on the row left. */
  press_for_row (sources, "shift+Tab", 1);

  /* Shift+Tab on a row leaves the list backwards, for the preview. */
  press_for_row (sources, "shift+Tab", -1);
  g_assert_true (focus_within (w, preview));
}

static gboolean
card_shown (gpointer data)
{
  return find_descendant (DOSSIER_WINDOW (data)->highlights_panel, DOSSIER_TYPE_HIGHLIGHT_CARD) != NULL;
}

/* Menu and Shift+F10 on a highlight card in the right sidebar open its
 * menu, as the Keyboard Shortcuts window says; only a right click did. */
static void
test_highlight_card_menu_key (Fixture       *f,
                              gconstpointer  data)
{
  DossierWindow *w = f->window;
  const guint keys[][2] = { { GDK_KEY_Menu, 0 }, { GDK_KEY_F10, GDK_SHIFT_MASK } };
  GtkWidget *card, *item;
  gint64 start, end;

  resize_window (w, 1280);
  wait_until (right_shown, w, "the right sidebar");
  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (w->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  wait_until (card_shown, w, "a highlight card");
  card = find_descendant (w->highlights_panel, DOSSIER_TYPE_HIGHLIGHT_CARD);
  /* The focus where Tab puts it: on the card's list item. */
  item = gtk_widget_get_parent (card);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *menu;

      g_assert_true (gtk_widget_grab_focus (item));
      g_assert_nonnull (press_key (w, keys[i][0], keys[i][1]));
      menu = find_descendant (card, GTK_TYPE_POPOVER_MENU);
      g_assert_nonnull (menu);
      g_assert_true (gtk_widget_get_visible (menu));
      /* Closed (Escape), the focus goes back to the card. */
      gtk_popover_popdown (GTK_POPOVER (menu));
      flush_events ();
      g_assert_true (gtk_root_get_focus (GTK_ROOT (w)) == item);
    }
}

/* What the first highlight card of the Highlights panel says it is
 * evidence for (its shown caption), or NULL. */
static const char *
card_evidence (DossierWindow *w)
{
  GtkWidget *card = find_descendant (w->highlights_panel, DOSSIER_TYPE_HIGHLIGHT_CARD);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  if (card == NULL)
    return NULL;
  collect_with_class (card, "highlight-evidence", found);
  if (found->len == 0 || !gtk_widget_get_mapped (g_ptr_array_index (found, 0)))
    return NULL;
  return gtk_label_get_text (g_ptr_array_index (found, 0));
}

typedef struct
{
  DossierWindow *window;
  const char    *text;     /* NULL: no caption shown */
} CardEvidence;

static gboolean
card_says_evidence (gpointer data)
{
  CardEvidence *expected = data;

  return g_strcmp0 (card_evidence (expected->window), expected->text) == 0;
}

static void
wait_for_card_evidence (DossierWindow *w,
                        const char    *text)
{
  CardEvidence expected = { w, text };

  wait_until (card_says_evidence, &expected, text != NULL ? text : "no evidence caption");
}

/* A passage that is only evidence (no tag) says on its card what it is
 * evidence for, as a tagged one shows its tags, and follows the evidence
 * as it is added, removed, undone and renamed; a screen reader hears it
 * in the card's description. Before, the card showed its text alone. */
static void
test_card_evidence_caption (Fixture       *f,
                            gconstpointer  data)
{
  DossierWindow *w = f->window;
  DossierProject *project = dossier_window_get_project (w);
  g_autoptr(GError) error = NULL;
  gint64 merchants, question, argument, highlight, start, end;
  const char *both = "Evidence for: Harbour Merchants\u2019 Association \u00b7 Con: Fares hurt commuters";
  GtkWidget *card;

  resize_window (w, 1280);
  wait_until (right_shown, w, "the right sidebar");
  merchants = dossier_project_add_stakeholder (project, "Harbour Merchants\u2019 Association", NULL,
                                               DOSSIER_STAKEHOLDER_BUSINESS, &error);
  g_assert_no_error (error);
  question = dossier_project_add_question (project, "Should the fares rise?", &error);
  g_assert_no_error (error);
  argument = dossier_project_add_argument (project, question, DOSSIER_POLARITY_CON, "Fares hurt commuters",
                                           0, 3, &error);
  g_assert_no_error (error);

  find_range (f, "two new boats", &start, &end);
  highlight = dossier_project_add_stakeholder_evidence_range (project, merchants, f->document_id, start, end,
                                                              "", DOSSIER_EVIDENCE_NONE,
                                                              DOSSIER_STANCE_UNKNOWN, &error);
  g_assert_no_error (error);
  wait_until (card_shown, w, "a highlight card");
  wait_for_card_evidence (w, "Evidence for: Harbour Merchants\u2019 Association");

  g_assert_true (dossier_project_add_argument_evidence (project, argument, highlight, "", &error));
  g_assert_no_error (error);
  wait_for_card_evidence (w, both);
  card = find_descendant (w->highlights_panel, DOSSIER_TYPE_HIGHLIGHT_CARD);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, "two new boats");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, both);

  /* Removed, undone, renamed. */
  g_assert_true (dossier_project_remove_argument_evidence (project, argument, highlight, &error));
  g_assert_no_error (error);
  wait_for_card_evidence (w, "Evidence for: Harbour Merchants\u2019 Association");
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  wait_for_card_evidence (w, both);
  g_assert_true (dossier_project_set_argument_statement (project, argument, "Dearer fares hurt commuters",
                                                         &error));
  g_assert_no_error (error);
  wait_for_card_evidence (w, "Evidence for: Harbour Merchants\u2019 Association \u00b7 "
                             "Con: Dearer fares hurt commuters");

  /* Tagged and no longer evidence: its tag alone. */
  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (w->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  g_assert_true (dossier_project_remove_argument_evidence (project, argument, highlight, &error));
  g_assert_true (dossier_project_remove_stakeholder_evidence (project, merchants, highlight, &error));
  g_assert_no_error (error);
  wait_for_card_evidence (w, NULL);
  card = find_descendant (w->highlights_panel, DOSSIER_TYPE_HIGHLIGHT_CARD);
  g_assert_nonnull (card);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, NULL);
}

/* A highlight card's menu cites it in the briefing: briefing.cite with its
 * UUID, activated from the card in the right sidebar, brings the Brief
 * page and a note (started from the template) with the citation. */
static void
test_cite_from_highlight_card (Fixture       *f,
                               gconstpointer  data)
{
  DossierWindow *w = f->window;
  GtkWidget *page = adw_view_stack_get_child_by_name (w->page_stack, "briefing");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (DOSSIER_BRIEFING_PAGE (page)));
  DossierHighlightCard *card;
  DossierHighlight *h;
  g_autofree char *citation = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start_iter, end_iter;
  gint64 start, end;

  resize_window (w, 1280);
  wait_until (right_shown, w, "the right sidebar");
  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (w->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  wait_until (card_shown, w, "a highlight card");
  card = DOSSIER_HIGHLIGHT_CARD (find_descendant (w->highlights_panel, DOSSIER_TYPE_HIGHLIGHT_CARD));
  h = dossier_row_get_item (DOSSIER_ROW (card));
  g_assert_nonnull (h);
  citation = g_strdup_printf ("[@%s]", dossier_highlight_get_uuid (h));

  g_assert_true (dossier_highlight_card_popup_menu (card));
  gtk_popover_popdown (GTK_POPOVER (find_descendant (GTK_WIDGET (card), GTK_TYPE_POPOVER_MENU)));
  gtk_widget_activate_action (GTK_WIDGET (card), "briefing.cite", "s", dossier_highlight_get_uuid (h));
  flush_events ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (w->page_stack), ==, "briefing");
  g_assert_cmpint (dossier_briefing_page_get_briefing_id (DOSSIER_BRIEFING_PAGE (page)), >, 0);
  gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
  /* (The citation is a chip: its UUID hidden text.) */
  text = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, TRUE);
  g_assert_nonnull (strstr (text, citation));
}

static gboolean
focus_in_left (gpointer data)
{
  DossierWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (window->left_sidebar));
}

static gboolean
focus_in_right (gpointer data)
{
  DossierWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (window->right_sidebar));
}

static gboolean
shows_left (DossierWindow *window)
{
  gboolean shown = FALSE;

  g_object_get (window, "show-left-sidebar", &shown, NULL);
  return shown;
}

static gboolean
shows_right (DossierWindow *window)
{
  gboolean shown = FALSE;

  g_object_get (window, "show-right-sidebar", &shown, NULL);
  return shown;
}

/* F9 shows and hides the left sidebar, Shift+F9 the right one, as do the
 * header's buttons; folded, a sidebar shown gets the focus, and goes once
 * what was chosen in it is on show. */
static void
test_sidebar_keys (Fixture       *f,
                   gconstpointer  data)
{
  DossierWindow *w = f->window;
  GtkTextView *text_view = dossier_document_view_get_text_view (dossier_window_get_document_view (w));

  resize_window (w, 1280);
  wait_until (right_shown, w, "the right sidebar");
  gtk_widget_grab_focus (GTK_WIDGET (text_view));

  /* Beside the reader: hidden and shown again, the focus left alone. */
  g_assert_cmpstr (press_key (w, GDK_KEY_F9, 0), ==, "gtk-widget-class-shortcuts");
  g_assert_false (shows_left (w));
  wait_until (left_gone, w, "the left sidebar to hide");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (text_view)));
  g_assert_cmpstr (press_key (w, GDK_KEY_F9, 0), ==, "gtk-widget-class-shortcuts");
  g_assert_true (shows_left (w));
  wait_until (left_shown, w, "the left sidebar back");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (text_view)));

  g_assert_cmpstr (press_key (w, GDK_KEY_F9, GDK_SHIFT_MASK), ==, "gtk-widget-class-shortcuts");
  g_assert_false (shows_right (w));
  g_assert_true (shows_left (w));
  wait_until (right_gone, w, "the right sidebar to hide");
  gtk_widget_activate_action (GTK_WIDGET (w), "win.show-right-sidebar", NULL);
  g_assert_true (shows_right (w));

  /* Hiding a sidebar that has the focus hands it to the reader. */
  dossier_documents_panel_focus_list (w->documents_panel);
  flush_events ();
  g_assert_true (focus_in_left (w));
  g_assert_nonnull (press_key (w, GDK_KEY_F9, 0));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (text_view)));
  g_assert_nonnull (press_key (w, GDK_KEY_F9, 0));

  /* Folded: F9 brings the sidebar over the reader, with the focus in the
   * documents list; choosing a document takes it away. */
  resize_window (w, 360);
  wait_until (left_gone, w, "the left sidebar to fold away");
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  g_assert_nonnull (press_key (w, GDK_KEY_F9, 0));
  wait_until (focus_in_left, w, "the focus in the documents list");
  g_assert_true (adw_flap_get_folded (w->left_flap));
  g_signal_emit_by_name (w->documents_panel, "document-activated", f->document_id);
  g_assert_false (shows_left (w));
  wait_until (left_gone, w, "the left sidebar to go");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (text_view)));

  /* Shift+F9 likewise; Ctrl+Shift+F opens it on the search. */
  g_assert_nonnull (press_key (w, GDK_KEY_F9, GDK_SHIFT_MASK));
  wait_until (focus_in_right, w, "the focus in the right sidebar");
  g_assert_nonnull (press_key (w, GDK_KEY_F9, GDK_SHIFT_MASK));
  wait_until (right_gone, w, "the right sidebar to go");
  gtk_widget_activate_action (GTK_WIDGET (w), "win.search", NULL);
  wait_until (focus_in_right, w, "the focus in the search entry");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (w->right_stack), ==, "search");
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (w))));
  {
    gint64 start, end;

    find_range (f, "two new boats", &start, &end);
    g_signal_emit_by_name (w->search_panel, "hit-activated", f->document_id, start, end);
  }
  g_assert_false (shows_right (w));
}

/* A click, through the X server, on the document's row in the documents
 * list. */
static void
click_document_row (DossierWindow *w)
{
  GtkWidget *row = find_descendant (GTK_WIDGET (w->documents_panel), DOSSIER_TYPE_DOCUMENT_ROW);
  g_autofree char *xid = NULL, *x = NULL, *y = NULL;

  g_assert_nonnull (row);
  xid = xdotool_window (row);
  xdotool_point (row, gtk_widget_get_width (row) / 2.0, gtk_widget_get_height (row) / 2.0, &x, &y);
  run_xdotool ((const char *[]) { "xdotool", "mousemove", "--sync", "--window", xid, x, y,
                                  "click", "1", NULL });
}

/* Folded over the reader, a click on a document opens it and the sidebar
 * makes way for it, as Return does (it stayed over the document it had
 * opened, which the user could not see); beside the reader, a click only
 * selects: the sidebar stays, the focus in its list. */
static void
test_sidebar_document_click (Fixture       *f,
                             gconstpointer  data)
{
  DossierWindow *w = f->window;

  resize_window (w, 1280);
  wait_until (left_shown, w, "the left sidebar");
  click_document_row (w);
  wait_until (focus_in_left, w, "the focus in the documents list");
  g_assert_true (shows_left (w));

  resize_window (w, 360);
  wait_until (left_gone, w, "the left sidebar to fold away");
  g_assert_nonnull (press_key (w, GDK_KEY_F9, 0));
  wait_until (left_shown, w, "the left sidebar over the reader");
  click_document_row (w);
  wait_until (left_gone, w, "the left sidebar to go");
  g_assert_false (shows_left (w));
  g_assert_cmpint (dossier_reader_page_get_document_id (w->reader_page), ==, f->document_id);
}

/* At 800 px both sidebars fold over the reader: hidden, with the focus in
 * the reader's text, which is returned. */
static GtkWidget *
fold_sidebars (DossierWindow *w)
{
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (w)));

  resize_window (w, 800);
  if (shows_right (w))
    gtk_widget_activate_action (GTK_WIDGET (w), "win.show-right-sidebar", NULL);
  wait_until (left_gone, w, "the left sidebar to fold away");
  wait_until (right_gone, w, "the right sidebar to fold away");
  g_assert_true (adw_flap_get_folded (w->left_flap));
  g_assert_true (adw_flap_get_folded (w->right_flap));
  g_assert_true (gtk_widget_grab_focus (text_view));
  return text_view;
}

/* Folded, Shift+F9 over a document without highlights: the Highlights
 * panel has nothing to take the focus (its empty page's scrolled window
 * took it, showing no ring and doing nothing); the sidebar's switcher
 * takes it, from where the other panels are. */
static void
test_sidebar_empty_panel_focus (Fixture       *f,
                                gconstpointer  data)
{
  DossierWindow *w = f->window;
  GtkWidget *focus;

  fold_sidebars (w);
  adw_view_stack_set_visible_child_name (w->right_stack, "highlights");

  g_assert_nonnull (press_key (w, GDK_KEY_F9, GDK_SHIFT_MASK));
  wait_until (focus_in_right, w, "the focus in the right sidebar");
  focus = gtk_root_get_focus (GTK_ROOT (w));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_VIEW_SWITCHER));
  g_assert_true (gtk_widget_get_mapped (focus));
}

/* Folded over the reader, a sidebar goes when the focus leaves it for
 * what it covers: Tab past the codebook's last tag went on into the text
 * under the sidebar, where the keys worked on what could not be seen. */
static void
test_sidebar_focus_leaves (Fixture       *f,
                           gconstpointer  data)
{
  DossierWindow *w = f->window;
  GtkWidget *text_view = fold_sidebars (w);
  guint tabs = 0;

  g_assert_nonnull (press_key (w, GDK_KEY_F9, 0));
  wait_until (focus_in_left, w, "the focus in the documents list");

  /* Tab through the sidebar until the focus leaves it. */
  while (focus_in_left (w))
    {
      g_assert_cmpuint (++tabs, <, 20);
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (w), GTK_DIR_TAB_FORWARD));
      flush_events ();
    }
  g_assert_true (gtk_widget_is_focus (text_view));
  g_assert_false (shows_left (w));
  wait_until (left_gone, w, "the left sidebar to go");

  /* Shown again, and the reader's text given the focus (a click there). */
  g_assert_nonnull (press_key (w, GDK_KEY_F9, 0));
  wait_until (focus_in_left, w, "the focus in the documents list");
  gtk_widget_grab_focus (text_view);
  g_assert_false (shows_left (w));

  /* Over the reader, the right sidebar likewise. */
  g_assert_nonnull (press_key (w, GDK_KEY_F9, GDK_SHIFT_MASK));
  wait_until (focus_in_right, w, "the focus in the right sidebar");
  gtk_widget_grab_focus (text_view);
  g_assert_false (shows_right (w));
}

/* F9 brings the folded sidebar with its focus ring on: GTK shows rings
 * for a focus that a key moves while it is down, and this focus moves once
 * the sidebar slides in, after the key is up; the documents list had the
 * focus and nothing showed where. The header's button (a click) leaves
 * the ring as it was. */
static void
test_sidebar_key_ring (Fixture       *f,
                       gconstpointer  data)
{
  DossierWindow *w = f->window;

  fold_sidebars (w);
  gtk_window_set_focus_visible (GTK_WINDOW (w), FALSE);

  g_assert_cmpstr (press_key (w, GDK_KEY_F9, 0), ==, "gtk-widget-class-shortcuts");
  wait_until (focus_in_left, w, "the focus in the documents list");
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (w)));
  g_assert_true (gtk_widget_has_visible_focus (gtk_root_get_focus (GTK_ROOT (w))));

  /* Shift+F9 likewise. */
  g_assert_nonnull (press_key (w, GDK_KEY_F9, 0));
  wait_until (left_gone, w, "the left sidebar to go");
  gtk_window_set_focus_visible (GTK_WINDOW (w), FALSE);
  g_assert_cmpstr (press_key (w, GDK_KEY_F9, GDK_SHIFT_MASK), ==, "gtk-widget-class-shortcuts");
  wait_until (focus_in_right, w, "the focus in the right sidebar");
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (w)));

  /* By its button. */
  gtk_widget_activate_action (GTK_WIDGET (w), "win.show-right-sidebar", NULL);
  wait_until (right_gone, w, "the right sidebar to go");
  gtk_window_set_focus_visible (GTK_WINDOW (w), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (w), "win.show-left-sidebar", NULL);
  wait_until (focus_in_left, w, "the focus in the documents list");
  g_assert_false (gtk_window_get_focus_visible (GTK_WINDOW (w)));
}

static void
add_long_document (Fixture *f,
                   guint    days,
                   gint64  *long_id)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GString) text = g_string_new ("Pier Works Diary\n\n");
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint k = 1; k <= days; k++)
    g_string_append_printf (text, "Day %u: the crews lifted one more span of the old pier and "
                            "logged the weather, the tide and the boats that waited.\n\n", k);
  bytes = g_bytes_new (text->str, text->len);
  doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT, "diary.txt", &error);
  g_assert_no_error (error);
  *long_id = dossier_project_add_document (project, doc, &error);
  g_assert_no_error (error);
}

typedef struct
{
  DossierWindow *window;
  gint64         offset;
} TopWait;

static gboolean
top_is (gpointer data)
{
  TopWait *t = data;

  return dossier_reader_page_get_top_offset (dossier_window_get_reader_page (t->window)) == t->offset
         && view_painted (t->window);
}

static DossierWindow *
reopen_window (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;

  gtk_window_close (GTK_WINDOW (f->window));
  flush_events ();
  g_clear_object (&f->window);
  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  return f->window;
}

/* A project opened again shows the document it was left at, scrolled as
 * it was, and the sidebars keep the widths they were given. */
static void
test_restore_reading_place (Fixture       *f,
                            gconstpointer  data)
{
  DossierReaderPage *page = dossier_window_get_reader_page (f->window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *uuid = NULL;
  gint64 long_id, top;
  TopWait wait;

  add_long_document (f, 300, &long_id);
  flush_events ();
  dossier_window_open_document (f->window, long_id);
  wait_until (view_painted, f->window, "the long document");

  /* Scrolled to "Day 150" (the line's start is what comes back). */
  {
    g_autofree char *text = dossier_project_get_document_text (dossier_window_get_project (f->window),
                                                               long_id, NULL);
    top = g_utf8_pointer_to_offset (text, strstr (text, "Day 150:"));
  }
  dossier_reader_page_scroll_to_top_offset (page, top);
  wait = (TopWait) { f->window, top };
  wait_until (top_is, &wait, "the view to scroll");

  dossier_sidebar_set_width (f->window->left_sidebar, 333);
  dossier_sidebar_set_width (f->window->right_sidebar, 301);

  reopen_window (f);
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, long_id);
  wait = (TopWait) { f->window, top };
  wait_until (top_is, &wait, "the view to scroll where it was");
  g_assert_cmpint (dossier_sidebar_get_width (f->window->left_sidebar), ==, 333);
  g_assert_cmpint (dossier_sidebar_get_width (f->window->right_sidebar), ==, 301);
  g_assert_cmpint (g_settings_get_int (settings, "left-sidebar-width"), ==, 333);

  /* The document it was left at is gone: the first one, at the top. */
  g_assert_true (dossier_project_delete_document (dossier_window_get_project (f->window), long_id, NULL));
  flush_events ();
  /* (Deleting the document on show shows the one before it, the last.) */
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, f->document_id);
  reopen_window (f);
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, f->document_id);
  wait = (TopWait) { f->window, 0 };
  wait_until (top_is, &wait, "the first document at its top");

  /* One place remembered per project, the latest first. */
  uuid = g_strdup (dossier_project_get_uuid (dossier_window_get_project (f->window)));
  gtk_window_close (GTK_WINDOW (f->window));
  flush_events ();
  {
    g_autoptr(GVariant) places = g_settings_get_value (settings, "reading-places");
    guint mine = 0;

    for (gsize i = 0; i < g_variant_n_children (places); i++)
      {
        const char *other;
        gint64 document_id, offset;

        g_variant_get_child (places, i, "(&sxx)", &other, &document_id, &offset);
        if (g_strcmp0 (other, uuid) != 0)
          continue;
        mine++;
        g_assert_cmpuint (i, ==, 0);
        g_assert_cmpint (document_id, ==, f->document_id);
      }
    g_assert_cmpuint (mine, ==, 1);
  }
}

/* A project opened again shows the right sidebar's panel it was left at
 * (Pros & Cons, Search); a project with none remembered, or whose
 * remembered name is no panel's, shows the highlights. */
static void
test_restore_right_panel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *uuid = g_strdup (dossier_project_get_uuid (dossier_window_get_project (f->window)));

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->right_stack), ==, "highlights");
  adw_view_stack_set_visible_child_name (f->window->right_stack, "arguments");
  reopen_window (f);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->right_stack), ==, "arguments");

  adw_view_stack_set_visible_child_name (f->window->right_stack, "search");
  reopen_window (f);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->right_stack), ==, "search");
  g_assert_true (gtk_toggle_button_get_active (f->window->search_button));

  adw_view_stack_set_visible_child_name (f->window->right_stack, "stakeholders");
  reopen_window (f);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->right_stack), ==, "stakeholders");

  /* Another program's settings, or an older version's: any name. */
  for (guint i = 0; i < 2; i++)
    {
      gtk_window_close (GTK_WINDOW (f->window));
      flush_events ();
      g_settings_set_value (settings, "right-sidebar-panels",
                            g_variant_new_parsed ("[(%s, %s), ('other', 'arguments')]", uuid,
                                                  i == 0 ? "timeline" : ""));
      reopen_window (f);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->right_stack), ==, "highlights");
      g_assert_false (gtk_toggle_button_get_active (f->window->search_button));
    }

  /* One entry per project, the latest first; the others' kept. */
  adw_view_stack_set_visible_child_name (f->window->right_stack, "arguments");
  gtk_window_close (GTK_WINDOW (f->window));
  flush_events ();
  {
    g_autoptr(GVariant) panels = g_settings_get_value (settings, "right-sidebar-panels");
    g_autoptr(GVariant) expected = g_variant_new_parsed ("[(%s, 'arguments'), ('other', 'arguments')]",
                                                         uuid);

    g_assert_true (g_variant_equal (panels, expected));
  }
}

/* The caret at the end of the text, the text's last line in view. */
static gboolean
at_the_end (gpointer window)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (dossier_window_get_document_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter caret, bottom;
  GdkRectangle visible;

  gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &bottom, visible.y + visible.height - 1, NULL);
  return gtk_text_iter_is_end (&caret)
         && gtk_text_iter_get_line (&bottom) == gtk_text_buffer_get_line_count (buffer) - 1
         && view_painted (window);
}

static gboolean
first_lines_painted (gpointer window)
{
  return dossier_document_view_is_visible_painted (dossier_window_get_document_view (window));
}

/* Ctrl+End pressed as soon as a long document shows goes to its end,
 * while the view is still laying the text out: GTK scrolled to the end of
 * what it had laid out so far, a few screens down, and stayed there. */
static void
test_ctrl_end_while_laying_out (Fixture       *f,
                                gconstpointer  data)
{
  gint64 id;

  add_long_document (f, 6000, &id);
  flush_events ();

  dossier_window_open_document (f->window, id);
  wait_until (first_lines_painted, f->window, "the long document's first lines");
  gtk_widget_grab_focus (GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (f->window))));
  g_assert_nonnull (press_key (f->window, GDK_KEY_End, GDK_CONTROL_MASK));
  wait_until (at_the_end, f->window, "the end of the text in view");
}

static void
test_merge_touching (Fixture       *f,
                     gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  g_autoptr(GPtrArray) highlights = NULL;
  gint64 start, end, middle;

  find_range (f, "ends a debate that lasted two years", &start, &end);
  middle = start + 6;

  dossier_document_view_select_range (view, start, middle);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  dossier_document_view_select_range (view, middle, end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();

  /* Two touching selections with the same tag are one highlight. */
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
  g_assert_cmpint (dossier_highlight_get_start (g_ptr_array_index (highlights, 0)), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (g_ptr_array_index (highlights, 0)), ==, end);
  g_assert_true (painted_at (f->window, start));
  g_assert_true (painted_at (f->window, end - 1));

  /* A different tag touching it stays apart. */
  dossier_document_view_select_range (view, end, end + 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 2);
  flush_events ();
  g_clear_pointer (&highlights, g_ptr_array_unref);
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 2);
}

static void
test_undo_redo_exact (Fixture       *f,
                      gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autofree char *before = NULL;
  g_autofree char *tagged = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  gint64 start, end;

  before = export_json (project);
  select_text (f, "Commuters on low incomes", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  tagged = export_json (project);
  g_assert_cmpstr (tagged, !=, before);
  g_assert_true (painted_at (f->window, start));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  flush_events ();
  undone = export_json (project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (painted_at (f->window, start));
  g_assert_false (action_enabled (f, GTK_WIDGET (f->window->undo_button)));
  g_assert_true (action_enabled (f, GTK_WIDGET (f->window->redo_button)));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  flush_events ();
  redone = export_json (project);
  g_assert_cmpstr (redone, ==, tagged);
  g_assert_true (painted_at (f->window, start));
  g_assert_false (action_enabled (f, GTK_WIDGET (f->window->redo_button)));
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} TextGone;

static gboolean
text_gone (gpointer data)
{
  TextGone *gone = data;

  return !shows_text (gone->widget, gone->text);
}

/* Undo and Redo say what they did (it may be in another document or page
 * than the one on show), offering the way back; the next replaces the
 * toast before it rather than queueing behind it. */
static void
test_undo_redo_say_what (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  TextGone undone = { window, "Undone: Tag “Benefits”" };
  gint64 start, end;

  select_text (f, "Commuters on low incomes", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 2);
  flush_events ();
  g_assert_false (shows_text (window, undone.text));

  gtk_widget_activate_action (window, "win.undo", NULL);
  wait_for_text (window, undone.text);
  g_assert_true (f->window->undo_toast != NULL);
  g_assert_cmpstr (adw_toast_get_action_name (f->window->undo_toast), ==, "win.redo-step");

  gtk_widget_activate_action (window, "win.redo", NULL);
  wait_for_text (window, "Redone: Tag “Benefits”");
  wait_until (text_gone, &undone, "the Undone toast to go");
  g_assert_cmpstr (adw_toast_get_action_name (f->window->undo_toast), ==, "win.undo-step");
}

static void
test_tag_picker_creates_tag (Fixture       *f,
                             gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GPtrArray) highlights = NULL;
  GtkEditable *entry;
  DossierTag *tag;
  gint64 start, end;

  select_text (f, "the cost of diesel", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.tag-selection", NULL);
  flush_events ();
  g_assert_nonnull (f->window->reader_page->tag_picker);
  g_assert_true (gtk_widget_get_visible (f->window->reader_page->tag_picker));

  /* Typing a new name and Enter creates the tag and applies it. */
  entry = dossier_tag_picker_get_entry (DOSSIER_TAG_PICKER (f->window->reader_page->tag_picker));
  gtk_editable_set_text (entry, "Fuel Costs");
  flush_events ();
  g_signal_emit_by_name (entry, "activate");
  flush_events ();

  tag = dossier_project_find_tag (project, "Fuel Costs");
  g_assert_nonnull (tag);
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
  g_assert_true (dossier_highlight_has_tag (g_ptr_array_index (highlights, 0), dossier_tag_get_id (tag)));
  g_assert_cmpint (dossier_highlight_get_start (g_ptr_array_index (highlights, 0)), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (g_ptr_array_index (highlights, 0)), ==, end);
  g_assert_false (gtk_widget_get_visible (f->window->reader_page->tag_picker));
  g_assert_true (painted_at (f->window, start + 1));
}

/* "Cost/Fuel" typed where two tags are named Cost: the picker says which
 * two and asks for a path, creates nothing and stays open (before, it
 * refused the whole text as a name containing "/"). */
static void
test_tag_picker_ambiguous_parent (Fixture       *f,
                                  gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *picker, *error_label;
  GtkEditable *entry;
  gint64 start, end;

  g_assert_cmpint (dossier_project_add_tag (project, "Cost", f->risks_id, NULL, NULL, &error), >, 0);
  g_assert_cmpint (dossier_project_add_tag (project, "Cost", f->benefits_id, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  select_text (f, "the cost of diesel", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.tag-selection", NULL);
  flush_events ();
  picker = f->window->reader_page->tag_picker;
  g_assert_true (gtk_widget_get_visible (picker));
  entry = dossier_tag_picker_get_entry (DOSSIER_TAG_PICKER (picker));
  gtk_editable_set_text (entry, "Cost/Fuel");
  flush_events ();
  g_signal_emit_by_name (entry, "activate");
  flush_events ();

  error_label = find_with_class (picker, "error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)),
                            "“Cost” could be any of 2 tags: “Risks/Cost”"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "“Benefits/Cost”"));
  g_assert_true (gtk_widget_get_visible (picker));
  g_assert_null (dossier_project_find_tag (project, "Fuel"));
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 0);
  gtk_popover_popdown (GTK_POPOVER (picker));
}

static void
test_highlight_menu_actions (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) highlights = NULL;
  gint64 start, end, id;

  select_text (f, "seven to four", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 2);
  flush_events ();
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
  id = dossier_highlight_get_id (g_ptr_array_index (highlights, 0));

  /* The context menu opens for a highlight and offers its tags. */
  _dossier_reader_page_popup_highlight_menu (f->window->reader_page, id, 10, 10);
  flush_events ();
  g_assert_nonnull (f->window->reader_page->highlight_menu);
  g_assert_true (gtk_widget_get_visible (f->window->reader_page->highlight_menu));
  gtk_popover_popdown (GTK_POPOVER (f->window->reader_page->highlight_menu));

  /* Removing one tag keeps the highlight… */
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.remove-highlight-tag", "(xx)", id, f->risks_id);
  flush_events ();
  g_clear_pointer (&highlights, g_ptr_array_unref);
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
  g_assert_false (dossier_highlight_has_tag (g_ptr_array_index (highlights, 0), f->risks_id));
  g_assert_true (dossier_highlight_has_tag (g_ptr_array_index (highlights, 0), f->benefits_id));

  /* …and "Remove Highlight" removes it, with an Undo toast. */
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.remove-highlight", "x", id);
  flush_events ();
  g_clear_pointer (&highlights, g_ptr_array_unref);
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 0);
  g_assert_false (painted_at (f->window, start + 1));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  flush_events ();
  g_clear_pointer (&highlights, g_ptr_array_unref);
  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
}

static void
test_memo_at_caret (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) highlights = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *child;
  gint64 start, end;

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), start + 2, start + 2);
  flush_events ();

  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.edit-memo", NULL);
  flush_events ();
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);

  /* The memo is typed in the dialog's text view and saved. */
  for (child = adw_message_dialog_get_extra_child (dialog); child != NULL && !GTK_IS_TEXT_VIEW (child);)
    child = GTK_IS_SCROLLED_WINDOW (child) ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child))
                                           : gtk_widget_get_first_child (child);
  g_assert_nonnull (child);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child)), "Diesel is 40% of costs.", -1);
  adw_message_dialog_response (dialog, "save");
  flush_events ();

  highlights = list_highlights (f);
  g_assert_cmpuint (highlights->len, ==, 1);
  g_assert_cmpstr (dossier_highlight_get_memo (g_ptr_array_index (highlights, 0)), ==, "Diesel is 40% of costs.");
}

/* Select, tag, Ctrl+M: the memo of the passage just tagged (the caret is
 * at the selection's end, just outside the highlight); with only a caret
 * right after a highlight, that one; with nothing there, a toast says why. */
static void
test_memo_after_tagging (Fixture       *f,
                         gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  g_autoptr(GPtrArray) highlights = NULL;
  AdwMessageDialog *dialog;
  gint64 start, end, id;

  select_text (f, "two new boats", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  highlights = list_highlights (f);
  id = dossier_highlight_get_id (g_ptr_array_index (highlights, 0));
  g_assert_cmpint (dossier_document_view_get_caret (view), ==, end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.edit-memo", NULL));
  flush_events ();
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  close_dialogs ();
  g_assert_cmpint (_dossier_reader_page_highlight_at_caret (f->window->reader_page), ==, id);

  dossier_document_view_select_range (view, end, end);
  g_assert_cmpint (_dossier_reader_page_highlight_at_caret (f->window->reader_page), ==, id);

  dossier_document_view_select_range (view, end + 3, end + 3);
  g_assert_cmpint (_dossier_reader_page_highlight_at_caret (f->window->reader_page), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.edit-memo", NULL));
  flush_events ();
  g_assert_null (find_message_dialog (GTK_WINDOW (f->window)));
}

static void
test_open_not_a_project (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *bad_path = g_build_filename (f->dir, "notes.dossier", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  DossierProject *before = dossier_window_get_project (f->window);
  AdwMessageDialog *dialog;
  gint64 start, end;

  g_assert_true (g_file_set_contents (bad_path, "These are just my notes, not a project.\n", -1, NULL));

  /* The API refuses it with the core's error… */
  g_assert_false (dossier_window_open_project (f->window, bad, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_SQLITE);
  g_assert_true (dossier_window_get_project (f->window) == before);

  /* …and the menu's path shows that error in a dialog. */
  dossier_window_open_project_interactive (f->window, bad);
  flush_events ();
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, error->message);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "notes.dossier"));
  adw_message_dialog_response (dialog, "close");
  flush_events ();

  /* The window is still on its project and still works. */
  g_assert_true (dossier_window_get_project (f->window) == before);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (f->window->window_title), ==, "Ferries.dossier");
  select_text (f, "voted on Tuesday", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  {
    g_autoptr(GPtrArray) highlights = list_highlights (f);
    g_assert_cmpuint (highlights->len, ==, 1);
  }
}

static void
test_open_locked (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "Other.dossier", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(DossierProject) holder = NULL;
  g_autoptr(GError) error = NULL;
  DossierProject *before = dossier_window_get_project (f->window);
  AdwMessageDialog *dialog;

  /* Another writer holds Other.dossier. */
  holder = dossier_project_create (other_path, "Other", &error);
  g_assert_no_error (error);

  g_assert_false (dossier_window_open_project (f->window, other, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED);
  g_assert_true (dossier_window_get_project (f->window) == before);

  dossier_window_open_project_interactive (f->window, other);
  flush_events ();
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "read-only"));
  g_assert_true (dossier_window_get_project (f->window) == before);

  /* "Open Read-Only" shows it without writing. */
  adw_message_dialog_response (dialog, "read-only");
  flush_events ();
  g_assert_true (dossier_window_get_project (f->window) != before);
  g_assert_true (dossier_project_get_read_only (dossier_window_get_project (f->window)));
  g_assert_nonnull (strstr (adw_view_switcher_title_get_subtitle (f->window->window_title), "read-only"));
  /* Nothing that writes is on offer. */
  {
    g_autofree char *note = g_build_filename (f->dir, "note.txt", NULL);
    GFile *files[1];

    g_assert_true (g_file_set_contents (note, "A note\n\nShort text.\n", -1, NULL));
    files[0] = g_file_new_for_path (note);
    dossier_window_import_files (f->window, files, 1);
    g_assert_false (dossier_window_is_importing (f->window));
    g_object_unref (files[0]);
  }
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (f->window->undo_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->reader_page->tag_selection_button)));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (dossier_window_get_project (f->window))), ==, 0);

  dossier_project_close (holder);
}

static void
test_documents_panel (Fixture       *f,
                      gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  GListModel *shown = dossier_documents_panel_get_model (f->window->documents_panel);
  const char *titles[] = { "Zebra crossings", "Bus lanes downtown" };
  g_autoptr(DossierDocument) first = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[2];

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n\nA short invented note about %s.\n", titles[i], titles[i]);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (text), strlen (text));
      g_autoptr(DossierParsedDocument) doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT, "note.txt", &error);

      g_assert_no_error (error);
      g_free (doc->title);
      doc->title = g_strdup (titles[i]);
      ids[i] = dossier_project_add_document (project, doc, &error);
      g_assert_no_error (error);
    }
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* Filter by title, case-insensitively. */
  dossier_documents_panel_set_filter_text (f->window->documents_panel, "BUS");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  dossier_documents_panel_set_filter_text (f->window->documents_panel, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* Sort by title; the open document stays selected. */
  dossier_documents_panel_set_sort (f->window->documents_panel, DOSSIER_DOCUMENTS_SORT_TITLE);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (dossier_document_get_title (first), ==, "Bus lanes downtown");
  g_assert_cmpint (dossier_document_get_id (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown))),
                   ==, f->document_id);
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, f->document_id);

  /* Selecting a row opens its document. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown), 2);
  flush_events ();
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, ids[0]);

  /* Deleting the open document (the last listed) shows the one listed
   * before it; Undo brings it back. */
  {
    g_autoptr(DossierDocument) before = g_list_model_get_item (shown, 1);

    gtk_widget_activate_action (GTK_WIDGET (f->window->documents_panel), "documents.delete", "x", ids[0]);
    flush_events ();
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
    g_assert_cmpint (dossier_window_get_document_id (f->window), ==, dossier_document_get_id (before));
    g_assert_cmpstr (centre_shows (f->window), ==, "document");
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
}

/* The line under each title in the documents list. */
static void
collect_row_details (GtkWidget *widget,
                     gboolean   in_row,
                     GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (in_row && GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "caption")
          && gtk_widget_get_visible (child))
        g_ptr_array_add (out, (gpointer) gtk_label_get_label (GTK_LABEL (child)));
      collect_row_details (child, in_row || gtk_widget_has_css_class (child, "document-row"), out);
    }
}

/* Under each title: outlet and published date; a document with no
 * published date does not pass its import date off as one. */
static void
test_documents_dates (Fixture       *f,
                      gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GPtrArray) details = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y");

  g_assert_true (dossier_project_set_document_metadata (project, f->document_id, NULL, NULL,
                                                        "Harbour Gazette", NULL, NULL, &error));
  g_assert_no_error (error);
  flush_events ();
  collect_row_details (GTK_WIDGET (f->window->documents_panel), FALSE, details);
  g_assert_cmpuint (details->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (details, 0), "Harbour Gazette · Imported "));
  g_assert_nonnull (strstr (g_ptr_array_index (details, 0), today));

  g_assert_true (dossier_project_set_document_metadata (project, f->document_id, NULL, NULL,
                                                        NULL, NULL, "2026-03-02", &error));
  g_assert_no_error (error);
  flush_events ();
  g_ptr_array_set_size (details, 0);
  collect_row_details (GTK_WIDGET (f->window->documents_panel), FALSE, details);
  g_assert_cmpuint (details->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (details, 0), ==, "Harbour Gazette · 2 Mar 2026");
}

static void
test_import_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *good_path = g_build_filename (f->dir, "wire.txt", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "photo.txt", NULL);
  GFile *files[2];
  const char binary[] = { 'P', 'K', 3, 4, 0, 0, 0, 0, (char) 0xff, (char) 0xfe, 0, 1, 2 };
  GListModel *documents = dossier_project_get_documents (dossier_window_get_project (f->window));
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (good_path,
                                      "Pier Repairs Begin\n\nWork on the south pier starts in May, the port said.\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (bad_path, binary, sizeof binary, NULL));
  files[0] = g_file_new_for_path (bad_path);
  files[1] = g_file_new_for_path (good_path);

  dossier_window_import_files (f->window, files, 2);
  g_assert_true (dossier_window_is_importing (f->window));
  wait_until (not_importing, f->window, "the import");
  flush_events ();

  /* The good file is in, and shown; the bad one is reported by name. */
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  {
    g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, 1);

    g_assert_cmpstr (dossier_document_get_title (doc), ==, "Pier Repairs Begin");
    g_assert_cmpint (dossier_window_get_document_id (f->window), ==, dossier_document_get_id (doc));
  }
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "photo.txt"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "wire.txt"));

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* The one dialog @f's window shows over it, closed once its @heading and
 * the failures it lists are checked: each of @bad (file names) once, in
 * a paragraph of its own, and none of @good. */
static void
assert_import_failures (Fixture           *f,
                        const char        *heading,
                        const char        *body,
                        const char *const *bad,
                        guint              n_bad,
                        GPtrArray         *good)
{
  AdwMessageDialog *dialog = find_message_dialog (GTK_WINDOW (f->window));
  const char *list;
  g_auto(GStrv) paragraphs = NULL;

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  list = label_with_class (GTK_WIDGET (dialog), "import-failures");
  paragraphs = g_strsplit (list, "\n\n", -1);
  g_assert_cmpuint (g_strv_length (paragraphs), ==, n_bad);
  for (guint i = 0; i < n_bad; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i]);

      g_assert_nonnull (strstr (paragraphs[i], quoted));
      g_assert_null (strstr (list, "The document"));
      g_assert_null (strstr (list, f->dir));
    }
  for (guint i = 0; good != NULL && i < good->len; i++)
    g_assert_null (strstr (list, g_ptr_array_index (good, i)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

/* Thirty files dropped at once (or given on the command line), three of
 * them bad: a PNG named .html, an empty file, one gone since it was
 * chosen. The 27 good ones come in, in order, each once; the bad ones are
 * listed in one dialog, each with why, a paragraph each, in a list that
 * scrolls; a batch of bad files alone leaves the project as it was. */
static void
test_import_batch_failures (Fixture       *f,
                            gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06";
  static const char *const bad[] = { "quay-photo.html", "blank-notes.txt", "moved-away.html" };
  static const char *const topics[] = { "ferry timetable", "harbour wall", "tram depot", "library hours",
                                        "bridge tolls", "school meals", "river dredging", "bus lanes",
                                        "market square" };
  DossierProject *project = dossier_window_get_project (f->window);
  GListModel *documents = dossier_project_get_documents (project);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = export_json (project);
  g_autofree char *after = NULL;
  AdwMessageDialog *offer;
  guint n_before = g_list_model_get_n_items (documents);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, bad[i], NULL);

      if (i == 0)
        g_assert_true (g_file_set_contents (path, png, sizeof png - 1, NULL));
      else if (i == 1)
        g_assert_true (g_file_set_contents (path, "", 0, NULL));
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  /* The bad ones alone: nothing comes in, nothing changes. */
  dossier_window_import_files (f->window, (GFile **) files->pdata, files->len);
  wait_until (not_importing, f->window, "the import");
  flush_events ();
  assert_import_failures (f, "3 Files Could Not Be Imported", "Nothing was imported. Why, and what to do:",
                          bad, G_N_ELEMENTS (bad), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_before);
  g_assert_false (dossier_project_get_can_undo (project));
  after = export_json (project);
  g_assert_cmpstr (after, ==, before);

  /* Among 27 good ones, in the middle and at the end. */
  g_ptr_array_set_size (files, 0);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (i == 4 || i == 17 || i == 29)
        {
          const char *one = bad[i == 4 ? 0 : i == 17 ? 1 : 2];

          path = g_build_filename (f->dir, one, NULL);
        }
      else
        {
          const char *topic = topics[good->len % G_N_ELEMENTS (topics)];
          g_autofree char *title = g_strdup_printf ("Notes on the %s, part %u", topic, good->len + 1);
          g_autofree char *text = NULL;

          if (good->len % 2 == 0)
            {
              name = g_strdup_printf ("notes-%02u.html", good->len + 1);
              text = g_strdup_printf ("<!DOCTYPE html><html><head><title>%s</title></head><body><article>"
                                      "<h1>%s</h1><p>Members heard from residents about the %s, and "
                                      "asked officers for costs by the spring.</p></article></body></html>",
                                      title, title, topic);
            }
          else
            {
              name = g_strdup_printf ("notes-%02u.txt", good->len + 1);
              text = g_strdup_printf ("%s\n\nResidents wrote about the %s; a reply is due in %u weeks.\n",
                                      title, topic, good->len + 2);
            }
          path = g_build_filename (f->dir, name, NULL);
          g_assert_true (g_file_set_contents (path, text, -1, NULL));
          g_ptr_array_add (good, g_steal_pointer (&title));
        }
      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  g_assert_cmpuint (good->len, ==, 27);

  /* As "dossier PROJECT FILE…" offers them, then Import. */
  dossier_window_offer_articles (f->window, (GFile **) files->pdata, files->len);
  offer = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (offer);
  g_assert_cmpstr (adw_message_dialog_get_heading (offer), ==, "Import 30 Articles?");
  adw_message_dialog_response (offer, "import");
  gtk_window_destroy (GTK_WINDOW (offer));
  flush_events ();
  g_assert_true (dossier_window_is_importing (f->window));
  wait_until (not_importing, f->window, "the import");
  flush_events ();

  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_before + 27);
  for (guint i = 0; i < good->len; i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, n_before + i);

      g_assert_cmpstr (dossier_document_get_title (doc), ==, g_ptr_array_index (good, i));
    }
  assert_import_failures (f, "3 Files Could Not Be Imported",
                          "27 other files were imported. Why these were not, and what to do:",
                          bad, G_N_ELEMENTS (bad), good);
  g_assert_null (find_message_dialog (GTK_WINDOW (f->window)));
  wait_for_text (GTK_WIDGET (f->window), "Imported 27 documents");
}

/* The visible message dialogs over @f's window. */
static guint
count_message_dialogs (Fixture *f)
{
  GList *toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (f->window) &&
        gtk_widget_get_visible (l->data))
      n++;
  g_list_free (toplevels);
  return n;
}

/* A page cut short comes in, and the report says it looks cut off, by
 * name, so that the user checks it against its source. */
static void
test_import_cut_off (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "quay-wall.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *documents = dossier_project_get_documents (dossier_window_get_project (f->window));
  guint n_before = g_list_model_get_n_items (documents);
  AdwMessageDialog *dialog;
  const char *notes;

  g_assert_true (g_file_set_contents (path,
                                      "<!DOCTYPE html><html><head><title>Quay wall repaired</title>"
                                      "</head><body><article><h1>Quay wall repaired</h1><p>The "
                                      "harbour board finished the repairs on Friday.</p><p>Boats "
                                      "can moor there again from Mon", -1, NULL));
  dossier_window_import_files (f->window, &file, 1);
  wait_until (not_importing, f->window, "the import");
  flush_events ();

  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_before + 1);
  g_assert_cmpuint (count_message_dialogs (f), ==, 1);
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Check What Was Imported");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "1 file was imported. What to check in it:");
  {
    g_autoptr(GPtrArray) failures = g_ptr_array_new ();

    collect_with_class (GTK_WIDGET (dialog), "import-failures", failures);
    g_assert_cmpuint (failures->len, ==, 0);
  }
  notes = label_with_class (GTK_WIDGET (dialog), "import-notes");
  g_assert_nonnull (notes);
  g_assert_true (g_str_has_prefix (notes, "“quay-wall.html” looks cut off"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

static gboolean
duplicates_asked (gpointer data)
{
  Fixture *f = data;
  AdwMessageDialog *dialog = find_message_dialog (GTK_WINDOW (f->window));

  return dialog != NULL &&
         g_strcmp0 (adw_message_dialog_get_heading (dialog), "Already in the Project") == 0;
}

/* One import with a file that fails, a page cut short and a file already
 * in the project: one report says what failed and what to check, and only
 * once it is closed does the question about the copy come; never two
 * dialogs on top of one another. */
static void
test_import_report_one_at_a_time (Fixture       *f,
                                  gconstpointer  data)
{
  static const char wire[] = "Ferry Fares Rise\n\nThe island ferry will cost more from May, the operator said.\n";
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06";
  static const char *const names[] = { "ferry.txt", "pier-photo.html", "ferry-again.txt", "quay-wall.html" };
  GListModel *documents = dossier_project_get_documents (dossier_window_get_project (f->window));
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_before = g_list_model_get_n_items (documents);
  AdwMessageDialog *dialog;
  const char *failures, *notes;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);

      if (i == 1)
        g_assert_true (g_file_set_contents (path, png, sizeof png - 1, NULL));
      else if (i == 3)
        g_assert_true (g_file_set_contents (path,
                                            "<!DOCTYPE html><html><head><title>Quay wall repaired</title>"
                                            "</head><body><p>The harbour board finished the repairs "
                                            "on Friday.</p><p>Boats can moor th", -1, NULL));
      else
        g_assert_true (g_file_set_contents (path, wire, -1, NULL));
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  /* The first alone: nothing to report. */
  dossier_window_import_files (f->window, (GFile **) files->pdata, 1);
  wait_until (not_importing, f->window, "the import");
  flush_events ();
  g_assert_cmpuint (count_message_dialogs (f), ==, 0);

  dossier_window_import_files (f->window, (GFile **) files->pdata + 1, 3);
  wait_until (not_importing, f->window, "the import");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_before + 3);

  g_assert_cmpuint (count_message_dialogs (f), ==, 1);
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "A File Could Not Be Imported");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "2 other files were imported. Why this one was not, and what to do:");
  failures = label_with_class (GTK_WIDGET (dialog), "import-failures");
  g_assert_nonnull (strstr (failures, "“pier-photo.html”"));
  notes = label_with_class (GTK_WIDGET (dialog), "import-notes");
  g_assert_true (g_str_has_prefix (notes, "“quay-wall.html” looks cut off"));

  /* Closed, as its button does: then the question, alone. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (duplicates_asked, f, "the question about the copy");
  g_assert_cmpuint (count_message_dialogs (f), ==, 1);
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“ferry-again.txt”"));
  adw_message_dialog_response (dialog, "keep");
  gtk_window_close (GTK_WINDOW (dialog));
  flush_events ();
  g_assert_cmpuint (count_message_dialogs (f), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_before + 3);
}

static gboolean
focus_is_inside (DossierWindow *window,
                 GtkWidget     *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The keyboard starts where the user works: a project opened with a
 * document on show, in its text; an empty one, on the empty page's Import
 * button; a document that comes in while nothing has the focus (the
 * chooser just closed, the Import button gone with the empty page) takes
 * it; one that comes in while the user is elsewhere leaves the focus there. */
static void
test_import_focus (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (f->window)));
  g_autofree char *first_path = g_build_filename (f->dir, "ferry.txt", NULL);
  g_autofree char *second_path = g_build_filename (f->dir, "quay.txt", NULL);
  g_autofree char *empty_dir = NULL;
  g_autofree char *empty_path = NULL;
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(GFile) empty_file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *focus, *import_arrow;
  gint64 first_id;

  g_assert_true (g_file_set_contents (first_path, "Ferry Crossings Cut\n\nThe winter timetable loses two crossings.\n", -1, NULL));
  g_assert_true (g_file_set_contents (second_path, "Quay Lights Fixed\n\nThe lamps on the east quay work again.\n", -1, NULL));

  /* Opened with its document on show. */
  g_assert_true (gtk_widget_is_focus (text_view));

  /* An empty project, in a new window as from the command line: its
   * Import button. */
  dossier_project_close (test_create_project ("Empty", "Nothing Yet", &empty_dir, &empty_path));
  empty_file = g_file_new_for_path (empty_path);
  {
    g_autoptr(DossierWindow) window = g_object_ref_sink (dossier_window_new (NULL));

    gtk_window_present (GTK_WINDOW (window));
    flush_events ();
    g_assert_true (dossier_window_open_project (window, empty_file, DOSSIER_OPEN_READ_WRITE, &error));
    g_assert_no_error (error);
    flush_events ();
    g_assert_cmpint (dossier_window_get_document_id (window), ==, 0);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "win.import");
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (dossier_window_get_reader_page (window))));
    gtk_window_destroy (GTK_WINDOW (window));
    flush_events ();
  }

  /* And in the window that showed a document. */
  g_assert_true (dossier_window_open_project (f->window, empty_file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, 0);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "win.import");

  /* The import replaces the empty page: the text takes the focus. */
  dossier_window_import_files (f->window, &first, 1);
  wait_until (not_importing, f->window, "the import");
  flush_events ();
  first_id = dossier_window_get_document_id (f->window);
  g_assert_cmpint (first_id, >, 0);
  g_assert_true (gtk_widget_is_focus (text_view));

  /* The header's Import menu button has the focus: it keeps it. */
  import_arrow = _dossier_window_get_import_arrow (f->window);
  g_assert_true (gtk_widget_grab_focus (import_arrow));
  g_assert_true (focus_is_inside (f->window, import_arrow));
  dossier_window_import_files (f->window, &second, 1);
  wait_until (not_importing, f->window, "the import");
  flush_events ();
  g_assert_cmpint (dossier_window_get_document_id (f->window), !=, first_id);
  g_assert_true (focus_is_inside (f->window, import_arrow));

  /* Nothing has the focus (a chooser just closed): the new document takes it. */
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  dossier_window_open_document (f->window, first_id);
  flush_events ();
  g_assert_true (gtk_widget_is_focus (text_view));

  /* Back to the fixture's project, so that the empty one is closed. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (f->path);

    g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
    g_assert_no_error (error);
  }
  flush_events ();
  remove_tree (empty_dir);
}

/* The first article imported into a new project, made while a document
 * was on show, is drawn: the reader's page switch from the empty page
 * queued only an allocation, and the text view, laying the new text out
 * while allocated, asked for a resize that GTK 4.8 left on the centre's
 * stacks: the centre was never allocated again nor drawn ("Trying to
 * snapshot GtkStack … without a current allocation", fatal here), and the
 * reader stayed empty until the window was resized. */
static void
test_import_into_new_project (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *new_path = g_build_filename (f->dir, "Trams", NULL);
  g_autofree char *article_path = g_build_filename (f->dir, "tram.html", NULL);
  g_autoptr(GFile) fresh = g_file_new_for_path (new_path);
  g_autoptr(GFile) article_file = g_file_new_for_path (article_path);
  g_autoptr(GError) error = NULL;
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (f->window)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_assert_true (g_file_set_contents (article_path,
                                      "<html><head><title>Tram Depot Expands</title></head><body><article>"
                                      "<h1>Tram Depot Expands</h1>"
                                      "<p>The depot by the river gains four tracks and a wash hall next spring.</p>"
                                      "<p>Neighbours asked for a noise wall along the night shunting yard.</p>"
                                      "</article></body></html>", -1, NULL));

  /* A document on show, then a new, empty project in its place. */
  g_assert_cmpstr (centre_shows (f->window), ==, "document");
  g_assert_true (dossier_window_new_project (f->window, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (centre_shows (f->window), ==, "no-document");
  flush_events ();
  wait_for_frames (GTK_WIDGET (f->window), 2);

  dossier_window_import_files (f->window, &article_file, 1);
  wait_until (not_importing, f->window, "the import");
  flush_events ();
  wait_for_frames (GTK_WIDGET (f->window), 2);

  g_assert_cmpstr (centre_shows (f->window), ==, "document");
  g_assert_cmpint (dossier_window_get_document_id (f->window), >, 0);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "four tracks and a wash hall"));
  g_assert_true (gtk_widget_get_mapped (text_view));
  g_assert_cmpint (gtk_widget_get_width (text_view), >, 0);
  g_assert_cmpint (gtk_widget_get_height (text_view), >, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window->center_stack)), >, 0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window->center_stack)), >, 0);

  /* Back to the fixture's project, so that the new one is closed. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (f->path);

    g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
    g_assert_no_error (error);
  }
  flush_events ();
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closing the window cancels its import (the window's cancellable): what
 * was stored stays, the rest never starts, and nothing calls back into
 * the closed window. */
static void
test_import_then_close (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  gpointer window = f->window;
  gpointer project = dossier_window_get_project (f->window);
  guint n_documents;

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("brief-%u.txt", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_true (g_file_set_contents (path, "Harbour Brief\n\nThe ferry runs late again.\n",
                                          -1, NULL));
      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  dossier_window_import_files (f->window, (GFile **) files->pdata, files->len);
  g_assert_true (dossier_window_is_importing (f->window));
  g_object_add_weak_pointer (window, &window);
  g_object_add_weak_pointer (project, &project);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  /* Nothing of the import holds it: it goes, and its import stops. */
  wait_until (is_null, &window, "the closed window to be finalized");
  /* The import holds the project until it has stopped and said so. */
  wait_until (is_null, &project, "the import to stop");

  reopened = dossier_project_open (f->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  n_documents = g_list_model_get_n_items (dossier_project_get_documents (reopened));
  g_assert_cmpuint (n_documents, >=, 1);
  g_assert_cmpuint (n_documents, <, 1 + files->len);
  assert_project_sound (reopened);
  dossier_project_close (reopened);

  /* For the teardown. */
  f->window = g_object_ref_sink (dossier_window_new (NULL));
}

/* ---- Files dropped on the window from another program ---- */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GFile         *file)
{
  GValue value = G_VALUE_INIT;
  GdkContentProvider *provider;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
  provider = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  return provider;
}

/* This program run as "test-window --drag-source PATH": a window from
 * which PATH can be dragged, as from a file manager, its X window id
 * written on a line of its own once it is shown; it runs until killed. */
static int
run_drag_source (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window, *label;
  GtkDragSource *drag;
  g_autofree char *xid = NULL;

  gtk_init ();
  window = gtk_window_new ();
  label = gtk_label_new (path);
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), file);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (drag));
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 100);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (label))
    g_main_context_iteration (NULL, TRUE);
  xid = xdotool_window (label);
  g_print ("%s\n", xid);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static char *test_program;   /* this program, to run as a drag source */

/* The window's own drop target, for files (the widget holds it). */
static GtkDropTarget *
window_drop_target (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

static gboolean
drop_hovering (GtkDropTarget *target)
{
  return gtk_drop_target_get_current_drop (target) != NULL;
}

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (data) > 100 && gtk_widget_get_height (data) > 100;
}

/* A file dragged from another program (a file manager) and dropped on
 * the document's text is imported, as one dropped on the sidebars is.
 * The text view's own drop target took the drop, which another program
 * offers as text too, and refused it, the text being read-only: nothing
 * happened where a drop is most often aimed. The drag goes through the X
 * server (xdotool), from this program run as a drag source. */
static void
test_drop_on_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "pier.txt", NULL);
  g_autoptr(GSubprocess) source = NULL;
  g_autoptr(GDataInputStream) source_out = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *documents = dossier_project_get_documents (dossier_window_get_project (f->window));
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (f->window)));
  GtkWidget *picked;
  g_autofree char *source_xid = NULL;
  g_autofree char *window_xid = NULL;
  g_autofree char *at_x = NULL;
  g_autofree char *at_y = NULL;
  g_autofree char *near_x = NULL;
  g_autofree char *near_y = NULL;
  g_autofree char *corner_x = NULL;
  g_autofree char *corner_y = NULL;
  g_autofree char *source_x = NULL;
  g_autofree char *source_y = NULL;
  g_autofree char *middle_x = NULL;
  g_autofree char *middle_y = NULL;
  GtkDropTarget *drop_target;
  double x, y;
  gint64 deadline;

  g_assert_true (g_file_set_contents (path, "Pier Repairs Begin\n\nWork on the south pier starts in May.\n",
                                      -1, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);

  source = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             test_program, "--drag-source", path, NULL);
  g_assert_no_error (error);
  source_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (source));
  source_xid = g_data_input_stream_read_line (source_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source_xid);
  window_xid = xdotool_window (text_view);

  /* The source near the screen's far corner, away from the main window,
   * which opens where it does. */
  xdotool_corner (text_view, &corner_x, &corner_y);
  source_x = g_strdup_printf ("%d", atoi (corner_x) - 220);
  source_y = g_strdup_printf ("%d", atoi (corner_y) - 120);
  /* The pointer is left in the middle of the screen, where the X server
   * starts it: test-window-search, after, timed out waiting for a match
   * to be scrolled into view with it in the far corner. */
  middle_x = g_strdup_printf ("%d", atoi (corner_x) / 2);
  middle_y = g_strdup_printf ("%d", atoi (corner_y) / 2);
  run_xdotool ((const char *[]) { "xdotool", "windowmove", "--sync", source_xid, source_x, source_y,
                                  "windowraise", source_xid, NULL });

  /* The middle of the text, a third of the way down (the text itself,
   * not something over it). */
  wait_until (has_size, text_view, "the text laid out");
  x = gtk_widget_get_width (text_view) / 2.0;
  y = gtk_widget_get_height (text_view) / 3.0;
  picked = gtk_widget_pick (text_view, x, y, GTK_PICK_DEFAULT);
  /* (or the text view's own layer of overlays, the byline's, which GTK
   * lays over the whole text: its events are the text view's) */
  g_assert_true (picked == text_view ||
                 (gtk_widget_get_parent (picked) == text_view &&
                  g_strcmp0 (gtk_widget_get_css_name (picked), "child") == 0));
  xdotool_point (text_view, x, y, &at_x, &at_y);
  xdotool_point (text_view, x + 40, y + 30, &near_x, &near_y);
  run_xdotool ((const char *[]) { "xdotool", "mousemove", "--sync", "--window", source_xid, "100", "50",
                                  "mousedown", "1", "sleep", "0.2",
                                  "mousemove_relative", "--sync", "30", "20", "sleep", "0.2", NULL });

  /* The button goes up only once the window has seen the drag over it,
   * and so has told the source it takes it: on a loaded machine the
   * source started the drag late, the drop came before the window had
   * answered, and nothing was imported (CI, under ASan). A drag that
   * started after the pointer came in needs the pointer to move again,
   * so it goes back and forth until the window sees it. */
  drop_target = window_drop_target (GTK_WIDGET (f->window));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  for (guint i = 0; !drop_hovering (drop_target); i++)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      run_xdotool ((const char *[]) { "xdotool", "mousemove", "--window", window_xid,
                                      i % 2 ? near_x : at_x, i % 2 ? near_y : at_y, NULL });
      for (gint64 wait = g_get_monotonic_time () + G_USEC_PER_SEC / 5; g_get_monotonic_time () < wait;)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (2000);
    }
  run_xdotool ((const char *[]) { "xdotool", "mousemove", "--window", window_xid, at_x, at_y, "sleep", "0.3",
                                  "mouseup", "1", "sleep", "0.2",
                                  "mousemove", middle_x, middle_y, NULL });

  /* Imported, and shown. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((g_list_model_get_n_items (documents) < 2 || dossier_window_is_importing (f->window))
         && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  g_subprocess_force_exit (source);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  {
    g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, 1);

    g_assert_cmpstr (dossier_document_get_title (doc), ==, "Pier Repairs Begin");
  }
}

static void
test_highlight_spans_many (Fixture       *f,
                           gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
  gint64 length, t0, elapsed;
  guint made = 0;

  /* Many overlapping highlights: the spans are rebuilt in one pass. */
  length = dossier_document_get_length (dossier_project_get_document (project, f->document_id));
  for (gint64 s = 0; s + 12 < length && made < 200; s += 2, made++)
    {
      gint64 tags[] = { made % 2 ? f->risks_id : f->benefits_id };

      dossier_project_add_highlight (project, f->document_id, s, s + 12, tags, 1, NULL, &error);
      g_assert_no_error (error);
    }
  flush_events ();

  t0 = g_get_monotonic_time ();
  _dossier_reader_page_rebuild_highlights (f->window->reader_page);
  elapsed = g_get_monotonic_time () - t0;
  g_test_message ("Rebuilt %u highlight spans in %" G_GINT64_FORMAT " µs", made, elapsed);
  g_assert_true (painted_at (f->window, 1));
  g_assert_true (painted_at (f->window, 2 * (made - 1) + 5));
}

static void
test_reveal_from_panels (Fixture       *f,
                         gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  g_autoptr(GPtrArray) highlights = NULL;
  gint64 start, end, got_start, got_end, id;

  select_text (f, "seven to four", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  highlights = list_highlights (f);
  id = dossier_highlight_get_id (g_ptr_array_index (highlights, 0));

  /* A search hit: its document is shown with the hit selected. The caret
   * is placed first and the X server let see the selection go, as it has
   * long before a person can click a hit (GTK 4.8 drops a selection made in
   * the same millisecond as the one before was given up: see
   * keep_primary_across_switch in the window, and reveal-other-document). */
  dossier_document_view_select_range (view, 0, 0);
  sync_display ();
  g_signal_emit_by_name (f->window->search_panel, "hit-activated", f->document_id, start + 2, end - 2);
  sync_display ();
  g_assert_true (dossier_document_view_get_selection (view, &got_start, &got_end));
  g_assert_cmpint (got_start, ==, start + 2);
  g_assert_cmpint (got_end, ==, end - 2);

  /* A highlight card: the highlight is selected. */
  dossier_document_view_select_range (view, 0, 0);
  sync_display ();
  g_signal_emit_by_name (f->window->highlights_panel, "highlight-activated", f->document_id, id);
  sync_display ();
  g_assert_true (dossier_document_view_get_selection (view, &got_start, &got_end));
  g_assert_cmpint (got_start, ==, start);
  g_assert_cmpint (got_end, ==, end);

  /* A tag chosen in the codebook: the highlights panel lists that tag. */
  g_object_set (f->window->codebook_panel, "selected-tag-id", f->risks_id, NULL);
  flush_events ();
  {
    gint64 panel_tag = 0, panel_doc = -1;

    g_object_get (f->window->highlights_panel, "tag-id", &panel_tag, "document-id", &panel_doc, NULL);
    g_assert_cmpint (panel_tag, ==, f->risks_id);
    g_assert_cmpint (panel_doc, ==, 0);
  }
  g_object_set (f->window->codebook_panel, "selected-tag-id", (gint64) 0, NULL);
  flush_events ();
  {
    gint64 panel_tag = -1, panel_doc = 0;

    g_object_get (f->window->highlights_panel, "tag-id", &panel_tag, "document-id", &panel_doc, NULL);
    g_assert_cmpint (panel_tag, ==, 0);
    g_assert_cmpint (panel_doc, ==, f->document_id);
  }
}

/* The highlights panel's back button (a go-previous button in its header),
 * or NULL when there is none. */
static GtkWidget *
highlights_back_button (DossierWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_descendants (window->highlights_panel, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[i]), "go-previous-symbolic") == 0)
      return buttons->pdata[i];
  return NULL;
}

static void
assert_highlights_panel_on (Fixture *f,
                            gint64   tag_id,
                            gint64   document_id)
{
  gint64 panel_tag = -1, panel_doc = -1;

  g_object_get (f->window->highlights_panel, "tag-id", &panel_tag, "document-id", &panel_doc, NULL);
  g_assert_cmpint (panel_tag, ==, tag_id);
  g_assert_cmpint (panel_doc, ==, document_id);
  g_assert_cmpint (dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (f->window->codebook_panel)),
                   ==, tag_id);
}

/* A tag chosen in the codebook (or just added there, which chooses it)
 * holds the highlights panel on that tag's highlights; the user gets back
 * to the document's by the panel's back button or by choosing a document,
 * not only by Escape in the codebook. */
static void
test_highlights_back_to_document (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *back;
  gint64 start, end;

  select_text (f, "seven to four", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 2);
  flush_events ();
  assert_highlights_panel_on (f, 0, f->document_id);
  back = highlights_back_button (f->window);
  g_assert_nonnull (back);
  g_assert_false (gtk_widget_get_visible (back));

  /* Risks has no highlight (the passage is a benefit): the panel says so,
   * with its way back shown. */
  dossier_codebook_panel_set_selected_tag_id (DOSSIER_CODEBOOK_PANEL (f->window->codebook_panel), f->risks_id);
  flush_events ();
  assert_highlights_panel_on (f, f->risks_id, 0);
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_mapped (back));
  gtk_widget_grab_focus (back);

  g_signal_emit_by_name (back, "clicked");
  flush_events ();
  assert_highlights_panel_on (f, 0, f->document_id);
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_highlights_panel_get_model (DOSSIER_HIGHLIGHTS_PANEL (f->window->highlights_panel))),
                    ==, 1);
  /* Not left on the button that went: on the card in its place. */
  visible_focus (f->window);
  g_assert_true (focus_within (f->window, f->window->highlights_panel));

  /* Choosing the document in the documents panel also lets the tag go. */
  dossier_codebook_panel_set_selected_tag_id (DOSSIER_CODEBOOK_PANEL (f->window->codebook_panel), f->risks_id);
  flush_events ();
  assert_highlights_panel_on (f, f->risks_id, 0);
  g_signal_emit_by_name (f->window->documents_panel, "document-activated", f->document_id);
  flush_events ();
  assert_highlights_panel_on (f, 0, f->document_id);
}

/* The Stakeholders and Pros & Cons panels beside the reader: they follow
 * the document shown and the selection in it; citing the selection is one
 * step that win.undo takes back; a cited passage leads back to the reader. */
static void
test_cite_from_panels (Fixture       *f,
                       gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  g_autoptr(GError) error = NULL;
  DossierStakeholder *zoe;
  gint64 zoe_id, question, argument, start, end, got_start, got_end, doc_id = 0;
  g_autoptr(GPtrArray) evidence = NULL;

  zoe_id = dossier_project_add_stakeholder (project, "Zoë Márquez", NULL, DOSSIER_STAKEHOLDER_OFFICIAL, &error);
  g_assert_no_error (error);
  zoe = dossier_project_get_stakeholder (project, zoe_id);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (zoe), ==, 1);

  adw_view_stack_set_visible_child_name (f->window->right_stack, "stakeholders");
  g_object_get (f->window->stakeholders_panel, "document-id", &doc_id, NULL);
  g_assert_cmpint (doc_id, ==, f->document_id);
  dossier_stakeholders_panel_set_stakeholder_id (DOSSIER_STAKEHOLDERS_PANEL (f->window->stakeholders_panel), zoe_id);

  /* Nothing selected: nothing to cite. */
  dossier_document_view_select_range (view, 0, 0);
  flush_events ();
  g_assert_false (gtk_widget_activate_action (f->window->stakeholders_panel, "stakeholders.cite-selection", NULL)
                  && dossier_stakeholder_get_n_evidence (zoe) > 0);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (zoe), ==, 0);

  select_text (f, "far more than before", &start, &end);
  g_assert_true (gtk_widget_activate_action (f->window->stakeholders_panel, "stakeholders.cite-selection", NULL));
  flush_events ();
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (zoe), ==, 1);
  evidence = dossier_project_list_stakeholder_evidence (project, zoe_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_highlight_get_start (((DossierEvidence *) evidence->pdata[0])->highlight), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (((DossierEvidence *) evidence->pdata[0])->highlight), ==, end);

  /* Activating the evidence shows the passage, selected. */
  dossier_document_view_select_range (view, 0, 0);
  sync_display ();
  g_signal_emit_by_name (f->window->stakeholders_panel, "highlight-activated", f->document_id,
                         dossier_highlight_get_id (((DossierEvidence *) evidence->pdata[0])->highlight));
  sync_display ();
  g_assert_true (dossier_document_view_get_selection (view, &got_start, &got_end));
  g_assert_cmpint (got_start, ==, start);
  g_assert_cmpint (got_end, ==, end);

  /* Undo from the window takes the evidence (and its untagged highlight) back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  flush_events ();
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (zoe), ==, 0);

  /* Pros & Cons: the selection cited for an argument. */
  question = dossier_project_add_question (project, "Raise the fares?", &error);
  g_assert_no_error (error);
  argument = dossier_project_add_argument (project, question, DOSSIER_POLARITY_PRO, "Safer piers", 0, 3, &error);
  g_assert_no_error (error);
  adw_view_stack_set_visible_child_name (f->window->right_stack, "arguments");
  select_text (f, "Higher fares fund safer piers", &start, &end);
  g_assert_true (dossier_arguments_panel_cite_selection (DOSSIER_ARGUMENTS_PANEL (f->window->arguments_panel), argument));
  g_assert_cmpuint (dossier_argument_get_n_evidence (dossier_project_get_argument (project, argument)), ==, 1);
}

static void
count_primary_given_up (GdkClipboard *primary,
                        guint        *given_up)
{
  if (gdk_clipboard_is_local (primary) && gdk_clipboard_get_content (primary) == NULL)
    (*given_up)++;
}

/* Revealing a hit or a highlight in another document while this one has a
 * selection: the old selection goes with the old text and the new one is
 * made at once. GTK 4.8 on X11 takes the late notice of PRIMARY given up
 * for another program's claim when the claim that follows falls in the same
 * millisecond, and drops the new selection a moment later; the window keeps
 * PRIMARY claimed across the switch. Checked both ways: PRIMARY is never
 * given up in between (which is what lets the race happen, whatever the
 * timing), and over many switches, each checked once the X server's
 * notices are in, the revealed range stays selected. */
static void
test_reveal_other_document (Fixture       *f,
                            gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  GdkClipboard *primary =
    gtk_widget_get_primary_clipboard (GTK_WIDGET (dossier_document_view_get_text_view (view)));
  const char pier[] = "Pier Repairs\n\nWork on the south pier starts in May, the port said.\n";
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[2], id, start, end;
  guint given_up = 0;
  gulong handler;

  bytes = g_bytes_new_static (pier, strlen (pier));
  doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT, "pier.txt", &error);
  g_assert_no_error (error);
  ids[0] = f->document_id;
  ids[1] = dossier_project_add_document (project, doc, &error);
  g_assert_no_error (error);
  id = dossier_project_add_highlight (project, ids[1], 15, 19, &f->risks_id, 1, NULL, &error);
  g_assert_no_error (error);
  flush_events ();

  /* A highlight card, then a search hit, each in the other document. */
  handler = g_signal_connect (primary, "changed", G_CALLBACK (count_primary_given_up), &given_up);
  dossier_document_view_select_range (view, 3, 9);
  g_signal_emit_by_name (f->window->highlights_panel, "highlight-activated", ids[1], id);
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, ids[1]);
  dossier_document_view_select_range (view, 3, 9);
  g_signal_emit_by_name (f->window->search_panel, "hit-activated", ids[0], (gint64) 5, (gint64) 11);
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, ids[0]);
  g_signal_handler_disconnect (primary, handler);
  g_assert_cmpuint (given_up, ==, 0);
  sync_display ();
  g_assert_true (dossier_document_view_get_selection (view, &start, &end));
  g_assert_cmpint (start, ==, 5);
  g_assert_cmpint (end, ==, 11);

  for (guint k = 0; k < 40; k++)
    {
      gint64 target = ids[(k + 1) % 2];

      g_assert_cmpint (dossier_window_get_document_id (f->window), ==, ids[k % 2]);
      dossier_document_view_select_range (view, 3, 9);
      sync_display ();
      g_assert_true (dossier_document_view_get_selection (view, NULL, NULL));

      g_signal_emit_by_name (f->window->search_panel, "hit-activated", target, (gint64) 5, (gint64) 11);
      sync_display ();
      g_assert_cmpint (dossier_window_get_document_id (f->window), ==, target);
      if (!dossier_document_view_get_selection (view, &start, &end))
        g_error ("Switch %u: the revealed range is no longer selected", k);
      g_assert_cmpint (start, ==, 5);
      g_assert_cmpint (end, ==, 11);
    }
}

/* The page's spans as text, one line per highlight in id order (the
 * view's own description has their colours, labels and tooltips). */
static char *
describe_spans (DossierReaderPage *page)
{
  g_autoptr(GArray) sorted = g_array_copy (page->spans);
  GString *out = g_string_new (NULL);

  g_array_sort (sorted, compare_span_ids);
  for (guint i = 0; i < sorted->len; i++)
    {
      const DossierReaderSpan *span = &g_array_index (sorted, DossierReaderSpan, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT " [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")\n",
                              span->id, span->start, span->end);
    }
  return g_string_free (out, FALSE);
}

/* After a change, at once, the page's spans (spliced as the project's
 * live list announced) must be the document's highlights as listing them
 * again gives, in the list's order, and what making every span again
 * gives; no respan may be pending. */
static void
assert_spans_patched (Fixture    *f,
                      const char *what)
{
  DossierReaderPage *page = f->window->reader_page;
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *patched = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *view_patched = NULL;
  g_autofree char *view_listed = NULL;

  g_assert_cmpuint (page->respan_idle_id, ==, 0);
  highlights = dossier_project_list_highlights (dossier_window_get_project (f->window), f->document_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->spans->len, ==, highlights->len);
  for (guint i = 0; i < highlights->len; i++)
    g_assert_cmpint (g_array_index (page->spans, DossierReaderSpan, i).id, ==,
                     dossier_highlight_get_id (g_ptr_array_index (highlights, i)));
  while (!dossier_document_view_is_painted (view))
    g_main_context_iteration (NULL, TRUE);
  patched = describe_spans (f->window->reader_page);
  view_patched = dossier_document_view_describe_highlights (view);
  _dossier_reader_page_rebuild_highlights (f->window->reader_page);
  listed = describe_spans (f->window->reader_page);
  if (g_strcmp0 (patched, listed) != 0)
    g_error ("After %s the patched spans are\n%s\nbut the listed ones\n%s", what, patched, listed);
  /* The view, given the splice, shows what it shows given them all: the
   * same lanes, bands and stripes. */
  while (!dossier_document_view_is_painted (view))
    g_main_context_iteration (NULL, TRUE);
  view_listed = dossier_document_view_describe_highlights (view);
  if (g_strcmp0 (view_patched, view_listed) != 0)
    g_error ("After %s the view spliced shows\n%s\nbut given every highlight\n%s", what, view_patched,
             view_listed);
}

/* Tagging, merging, adding and removing tags, removing highlights, a
 * change made elsewhere and undo splice the view's spans as the project's
 * live list of the document's highlights says, in place of listing every
 * highlight (a keypress on a document with thousands would miss its
 * frame); the result is the same. */
static void
test_local_changes_patch_spans (Fixture       *f,
                                gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  g_autoptr(GError) error = NULL;
  gint64 start, end, other, id, costs_id;

  costs_id = dossier_project_add_tag (project, "Costs", 0, "#f6d32d", NULL, &error);
  g_assert_no_error (error);

  /* Some highlights already there, one with a memo, one overlapping. */
  find_range (f, "council voted on Tuesday", &start, &end);
  dossier_project_add_highlight (project, f->document_id, start, end, &f->benefits_id, 1,
                                 "Check the <date>", &error);
  g_assert_no_error (error);
  other = dossier_project_add_highlight (project, f->document_id, start + 8, end + 10, &f->risks_id, 1,
                                         NULL, &error);
  g_assert_no_error (error);
  flush_events ();
  _dossier_reader_page_rebuild_highlights (f->window->reader_page);

  /* A new highlight over others, with another tag. */
  g_assert_cmpint (dossier_window_get_tag_slot (f->window, 3), ==, costs_id);
  select_text (f, "on Tuesday to raise ferry", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 3);
  assert_spans_patched (f, "tagging over others");
  g_assert_cmpuint (f->window->reader_page->spans->len, ==, 3);

  /* A new highlight alone. */
  select_text (f, "north pier", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  assert_spans_patched (f, "tagging a passage alone");
  g_assert_cmpuint (f->window->reader_page->spans->len, ==, 4);

  /* Over one of the same tag: merged into it. */
  select_text (f, "voted on Tuesday to raise", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 2);
  assert_spans_patched (f, "a merge over");
  g_assert_cmpuint (f->window->reader_page->spans->len, ==, 4);

  /* Touching one of the same tag: merged into it. */
  dossier_document_view_select_range (view, end, end + 6);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 2);
  assert_spans_patched (f, "a merge beside");

  /* The exact range of a highlight: the tag is added to it. */
  {
    g_autoptr(DossierHighlight) hl = dossier_project_get_highlight (project, other, &error);

    g_assert_no_error (error);
    dossier_document_view_select_range (view, dossier_highlight_get_start (hl), dossier_highlight_get_end (hl));
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 2);
  assert_spans_patched (f, "adding a tag to a highlight");

  /* Removing one of its tags, then the highlight. */
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.remove-highlight-tag", "(xx)", other, f->risks_id);
  assert_spans_patched (f, "removing a tag");
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.remove-highlight", "x", other);
  assert_spans_patched (f, "removing a highlight");
  g_assert_cmpuint (g_hash_table_size (f->window->reader_page->span_lengths), ==, f->window->reader_page->spans->len);

  /* A change made elsewhere (a panel, the command line through the
   * project) and undo are spliced in the same way, at once. */
  id = dossier_project_add_highlight (project, f->document_id, 0, 5, &costs_id, 1, NULL, &error);
  g_assert_no_error (error);
  assert_spans_patched (f, "a highlight added by someone else");
  g_assert_true (g_hash_table_contains (f->window->reader_page->span_lengths, GSIZE_TO_POINTER ((gsize) id)));
  g_assert_true (dossier_project_delete_highlight (project, id, &error));
  g_assert_no_error (error);
  assert_spans_patched (f, "a highlight removed by someone else");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_spans_patched (f, "undoing a removal made elsewhere");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_spans_patched (f, "undoing an addition made elsewhere");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  id = other;
  g_assert_true (g_hash_table_contains (f->window->reader_page->span_lengths, GSIZE_TO_POINTER ((gsize) id)));
  assert_spans_patched (f, "undo");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  assert_spans_patched (f, "redo");

  /* Deleting a tag takes its highlights (and its colour off the others);
   * the codebook changed, so the spans are made again once it settles. */
  g_assert_true (dossier_project_delete_tag (project, costs_id, &error));
  g_assert_no_error (error);
  while (f->window->reader_page->respan_idle_id != 0)
    g_main_context_iteration (NULL, TRUE);
  assert_spans_patched (f, "deleting a tag");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  while (f->window->reader_page->respan_idle_id != 0)
    g_main_context_iteration (NULL, TRUE);
  assert_spans_patched (f, "undoing the deletion of a tag");
}

static void
test_new_and_save_as (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *copy_path = g_build_filename (f->dir, "Ferries copy", NULL);
  g_autofree char *new_path = g_build_filename (f->dir, "Fresh", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) fresh = g_file_new_for_path (new_path);
  g_autoptr(GFile) own = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) recent = NULL;
  gint64 start, end;

  select_text (f, "voted on Tuesday", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();

  /* Saving over its own file is refused, with a reason. */
  g_assert_false (dossier_window_save_as (f->window, own, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);

  /* Save As: the copy (".dossier" added) is what the window now shows. */
  g_assert_true (dossier_window_save_as (f->window, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (f->window->window_title), ==, "Ferries copy.dossier");
  g_assert_true (g_str_has_suffix (dossier_project_get_path (dossier_window_get_project (f->window)),
                                   "Ferries copy.dossier"));
  {
    g_autoptr(GPtrArray) highlights = list_highlights (f);
    g_assert_cmpuint (highlights->len, ==, 1);
  }
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_true (g_str_has_suffix (recent[0], "Ferries copy.dossier"));

  /* New Project: empty, titled after its file. */
  g_assert_true (dossier_window_new_project (f->window, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (adw_view_switcher_title_get_title (f->window->window_title), ==, "Fresh");
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, 0);
  g_assert_cmpstr (centre_shows (f->window), ==, "no-document");

  /* An existing file is not overwritten. */
  g_assert_false (dossier_window_new_project (f->window, own, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_assert_cmpstr (adw_view_switcher_title_get_title (f->window->window_title), ==, "Fresh");
}

/* Sizes in the settings that no window has (another program's, typed by
 * hand: negative, 0, 2^31 - 1) give the default size; the sidebars keep
 * to their bounds. A negative width was handed to GTK, which refused it
 * with a critical; 2^31 - 1 asked for a window of two billion pixels. */
static void
test_window_state_absurd (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const int absurd[][2] = { { -100, -1 }, { 0, 0 }, { G_MAXINT, G_MAXINT }, { 800, G_MININT } };

  for (guint i = 0; i < G_N_ELEMENTS (absurd); i++)
    {
      int width, height;

      gtk_window_close (GTK_WINDOW (f->window));
      flush_events ();
      g_settings_set_int (settings, "window-width", absurd[i][0]);
      g_settings_set_int (settings, "window-height", absurd[i][1]);
      g_settings_set_int (settings, "left-sidebar-width", absurd[i][0]);
      g_settings_set_int (settings, "right-sidebar-width", absurd[i][1]);
      reopen_window (f);
      gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
      g_assert_cmpint (width, ==, 1280);
      g_assert_cmpint (height, ==, 820);
      g_assert_cmpint (dossier_sidebar_get_width (f->window->left_sidebar), >=, DOSSIER_SIDEBAR_MIN_WIDTH);
      g_assert_cmpint (dossier_sidebar_get_width (f->window->right_sidebar), <=, DOSSIER_SIDEBAR_MAX_WIDTH);
    }
}

static void
test_window_state_saved (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1111, 777);
  flush_events ();
  gtk_window_close (GTK_WINDOW (f->window));
  flush_events ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 777);

  /* Zoom keys go through the setting the view is bound to. */
  g_settings_set_double (settings, "zoom", 1.0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), >, 1.05);
  g_assert_cmpfloat (dossier_document_view_get_zoom (dossier_window_get_document_view (f->window)), ==,
                     g_settings_get_double (settings, "zoom"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), ==, 1.0);
}

/* The first run copies the bundled sample into the user's data folder and
 * opens the copy: the sample itself is never written. */
static void
test_sample_project_copied (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "dossier", "Sample.dossier", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = NULL;
  gsize before_len, after_len;

  /* The fixture's project plays the bundled sample. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_setenv ("DOSSIER_SAMPLE_PROJECT", f->path, TRUE);
  g_unlink (expected);
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));

  copy = dossier_application_copy_sample_project (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy, ==, expected);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  /* The window opens the copy and works in it. */
  g_clear_object (&f->window);
  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  file = g_file_new_for_path (copy);
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  {
    gint64 start, end;

    select_text (f, "voted on Tuesday", &start, &end);
    gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
    flush_events ();
  }
  dossier_window_set_project (f->window, NULL);

  /* The sample is untouched; a second run keeps the user's copy. */
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  again = dossier_application_copy_sample_project (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, copy);
  {
    g_autoptr(DossierProject) user_copy = dossier_project_open (copy, DOSSIER_OPEN_READ_ONLY, &error);
    g_autoptr(GPtrArray) highlights = NULL;

    g_assert_no_error (error);
    highlights = dossier_project_list_highlights (user_copy, 0, 0, &error);
    g_assert_cmpuint (highlights->len, ==, 1);
    dossier_project_close (user_copy);
  }

  /* No sample anywhere: a clear error, not a crash. */
  g_unlink (expected);
  g_setenv ("DOSSIER_SAMPLE_PROJECT", "/nonexistent/sample.dossier", TRUE);
  {
    g_autofree char *found = dossier_application_find_sample_project ();

    if (found == NULL)
      {
        g_clear_pointer (&copy, g_free);
        copy = dossier_application_copy_sample_project (&error);
        g_assert_null (copy);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      }
  }
  g_unsetenv ("DOSSIER_SAMPLE_PROJECT");
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog (GTK_WINDOW (data)) != NULL;
}

static gboolean
pasted_document_shown (gpointer data)
{
  DossierWindow *window = data;
  GListModel *documents = dossier_project_get_documents (dossier_window_get_project (window));
  g_autoptr(DossierDocument) doc = g_list_model_get_n_items (documents) == 2 ?
                                   g_list_model_get_item (documents, 1) : NULL;

  return doc != NULL && dossier_window_get_document_id (window) == dossier_document_get_id (doc);
}

static void
test_paste_document (Fixture       *f,
                     gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  GListModel *documents = dossier_project_get_documents (dossier_window_get_project (f->window));
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *text = NULL;

  gdk_clipboard_set_text (clipboard,
                          "Night Buses Return\n\nThe night bus to the harbour runs again from June, "
                          "every half hour, the operator said.\n");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-document", NULL);
  wait_until (dialog_shown, f->window, "the title dialog");

  /* Its title is asked for, proposed from the text. */
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Night Buses Return");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Night buses (pasted)");
  adw_message_dialog_response (dialog, "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
  g_assert_null (find_message_dialog (GTK_WINDOW (f->window)));

  /* Stored in a thread, then shown. */
  wait_until (pasted_document_shown, f->window, "the pasted document stored and shown");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  {
    g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, 1);

    g_assert_cmpstr (dossier_document_get_title (doc), ==, "Night buses (pasted)");
    g_assert_cmpint (dossier_window_get_document_id (f->window), ==, dossier_document_get_id (doc));
    text = dossier_project_get_document_text (dossier_window_get_project (f->window),
                                              dossier_document_get_id (doc), NULL);
  }
  g_assert_nonnull (strstr (text, "every half hour"));

  /* Cancel adds nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-document", NULL);
  wait_until (dialog_shown, f->window, "the title dialog");
  adw_message_dialog_response (find_message_dialog (GTK_WINDOW (f->window)), "cancel");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
}

static gboolean
report_shown (gpointer data)
{
  AdwMessageDialog *dialog = find_message_dialog (GTK_WINDOW (data));

  return dialog != NULL &&
         g_strcmp0 (adw_message_dialog_get_heading (dialog), "Check What Was Imported") == 0;
}

typedef struct
{
  DossierWindow *window;
  guint          n_before;     /* documents before the paste */
  gint64         shown_before; /* the reader's document then */
} PasteOpened;

/* The pasted document stored and open in the reader. The list grows
 * first (the store hands it over as it commits); the window opens the
 * document, then presents its report, only when the store's task
 * returns, an iteration or more later: waiting for the list alone looked
 * for the report before it was up. */
static gboolean
paste_opened (gpointer data)
{
  PasteOpened *paste = data;
  GListModel *documents = dossier_project_get_documents (dossier_window_get_project (paste->window));
  gint64 shown = dossier_window_get_document_id (paste->window);

  return g_list_model_get_n_items (documents) > paste->n_before &&
         shown != 0 && shown != paste->shown_before;
}

/* Pastes @content (HTML, as a browser puts a page on the clipboard, if
 * @html; else text) under @title (NULL: the one proposed), and returns
 * the notes the window reports on it, or NULL if it reports none. */
static char *
paste_content (Fixture    *f,
               gboolean    html,
               const char *content,
               const char *title)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  GListModel *documents = dossier_project_get_documents (dossier_window_get_project (f->window));
  PasteOpened paste = { f->window, g_list_model_get_n_items (documents),
                        dossier_window_get_document_id (f->window) };
  AdwMessageDialog *dialog;
  char *notes;

  if (html)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
      g_autoptr(GdkContentProvider) provider = gdk_content_provider_new_for_bytes ("text/html", bytes);

      g_assert_true (gdk_clipboard_set_content (clipboard, provider));
    }
  else
    gdk_clipboard_set_text (clipboard, content);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-document", NULL);
  wait_until (dialog_shown, f->window, "the title dialog");
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  if (title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), title);
  adw_message_dialog_response (dialog, "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();

  wait_until (paste_opened, &paste, "the pasted document in the reader");
  flush_events ();
  if (!report_shown (f->window))
    return NULL;

  g_assert_cmpuint (count_message_dialogs (f), ==, 1);
  dialog = find_message_dialog (GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "The pasted text was added as a document. What to check in it:");
  notes = g_strdup (label_with_class (GTK_WIDGET (dialog), "import-notes"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
  return notes;
}

/* A pasted document's notes are reported as a file's: a page cut short
 * looks cut off, a title the project shortens is said; the title the
 * user gives instead of the one found is the one judged. They were not
 * reported at all (and pasting HTML crashed: see on_clipboard_html ()).
 * They name the document by its title (its first 60 characters), or by
 * its first words when it has none, not as "The document". */
static void
test_paste_document_notes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autofree char *long_heading = NULL;
  g_autofree char *notes = NULL;
  const char *cut_page = "<!DOCTYPE html><html><head><title>Quay wall repaired</title></head>"
                         "<body><article><p>The harbour board finished the repairs to the quay "
                         "wall on Friday.</p><p>Boats can moor there again from Mon";
  const char *whole_page = "<html><head><title>Quay wall repaired</title></head><body><p>The "
                           "harbour board finished the repairs on Friday.</p></body></html>";
  const char *cut_note = "“Quay wall (pasted)” looks cut off: the page stops before its end";
  const char *untitled_cut = "The harbour board met on Friday and read the minutes aloud.\n\n"
                             "```\nberth 4: closed until the divers report";
  g_autofree char *title_note = NULL;

  while (long_title->len < 600)
    g_string_append (long_title, "Quay wall repaired ");
  g_strchomp (long_title->str);
  title_note = g_strdup_printf ("The title of “%.59s…” has more than 500 characters", long_title->str);
  long_heading = g_strdup_printf ("# %s\n\nThe harbour board finished the repairs on Friday.\n",
                                  long_title->str);

  /* A page cut short: the cut. */
  notes = paste_content (f, TRUE, cut_page, "Quay wall (pasted)");
  g_assert_nonnull (notes);
  g_assert_true (g_str_has_prefix (notes, cut_note));
  g_assert_null (strstr (notes, title_note));
  g_clear_pointer (&notes, g_free);

  /* A text whose heading is too long for a title, kept: the title. */
  notes = paste_content (f, FALSE, long_heading, NULL);
  g_assert_nonnull (notes);
  g_assert_true (g_str_has_prefix (notes, title_note));
  g_clear_pointer (&notes, g_free);

  /* The same under a short title the user gives: nothing to report. */
  g_assert_null (paste_content (f, FALSE, long_heading, "Quay wall"));

  /* A whole page under a long title the user typed: the title. */
  notes = paste_content (f, TRUE, whole_page, long_title->str);
  g_assert_nonnull (notes);
  g_assert_true (g_str_has_prefix (notes, title_note));
  g_assert_null (strstr (notes, cut_note));
  g_clear_pointer (&notes, g_free);

  /* No title found, none given: its first words, cut after a word. */
  notes = paste_content (f, FALSE, untitled_cut, NULL);
  g_assert_nonnull (notes);
  g_assert_true (g_str_has_prefix (notes, "“The harbour board met on Friday and read the minutes…” "
                                          "looks cut off"));
  g_clear_pointer (&notes, g_free);
}

/* Not a timed assertion (timings belong to the benchmarks): prints what
 * rebuilding the spans of 5,000 highlights costs, the list from the core
 * apart. Run with -p /dossier/window/spans-5000 -m perf (or --verbose). */
static void
test_spans_5000 (Fixture       *f,
                 gconstpointer  data)
{
  DossierProject *project = dossier_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  gint64 length, t0, listed, rebuilt;

  /* A long article (about 30,000 characters) with 5,000 highlights, a
   * few overlapping at any point, as a densely coded report has. */
  for (guint k = 0; k < 80; k++)
    g_string_append (long_text, strchr (article, '\n') + 1);
  bytes = g_bytes_new (long_text->str, long_text->len);
  doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT, "long.txt", &error);
  g_assert_no_error (error);
  dossier_window_open_document (f->window, 0);
  f->document_id = dossier_project_add_document (project, doc, &error);
  g_assert_no_error (error);
  length = dossier_document_get_length (dossier_project_get_document (project, f->document_id));

  for (guint k = 0; k < 5000; k++)
    {
      gint64 tags[] = { k % 2 ? f->risks_id : f->benefits_id };
      gint64 s0 = (k * 6) % (length - 20);

      dossier_project_add_highlight (project, f->document_id, s0, s0 + 4 + k % 9, tags, 1,
                                     k % 5 ? NULL : "A memo <b>with</b> markup", &error);
      g_assert_no_error (error);
    }
  dossier_window_open_document (f->window, f->document_id);
  flush_events ();

  for (int k = 0; k < 3; k++)
    {
      g_autoptr(GPtrArray) list = NULL;

      t0 = g_get_monotonic_time ();
      list = dossier_project_list_highlights (project, f->document_id, 0, NULL);
      listed = g_get_monotonic_time () - t0;
      t0 = g_get_monotonic_time ();
      _dossier_reader_page_rebuild_highlights (f->window->reader_page);
      rebuilt = g_get_monotonic_time () - t0;
      g_test_message ("5000 highlights: listing %" G_GINT64_FORMAT " us, listing and spans %" G_GINT64_FORMAT " us",
                      listed, rebuilt);
    }
  g_assert_true (painted_at (f->window, 3));
}

/* ---- Widths and the start page ------------------------------------------------------ */

/* Every 40 px where libadwaita once warned (480–640), wider steps
 * elsewhere, up to 4K's width and back down. */
static const int sweep_widths[] = {
  360, 480, 520, 560, 600, 640, 800, 1024, 1280, 1600, 1920, 2560, 1100, 620, 360
};

/* The widest a window can be here: GTK keeps a window within its monitor. */
static int
monitor_width (void)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  g_assert_nonnull (monitor);
  gdk_monitor_get_geometry (monitor, &geometry);
  return geometry.width;
}

/* Resizes @window to each of sweep_widths that the screen holds (CI's is
 * 2600 px wide: tools/test.sh), checking each. */
static void
sweep (DossierWindow *window,
       const char    *what)
{
  int widest = monitor_width ();

  for (guint i = 0; i < G_N_ELEMENTS (sweep_widths); i++)
    {
      if (sweep_widths[i] > widest)
        {
          g_test_message ("%d px %s: wider than this screen (%d px), not tried", sweep_widths[i], what, widest);
          continue;
        }
      g_test_message ("%d px %s", sweep_widths[i], what);
      resize_window (window, sweep_widths[i]);
      assert_fits (window);
    }
}

/* From 360 to 2560 pixels wide and back, with a project open and with
 * none: no warning at any width (under g_test_init a warning ends the
 * test; libadwaita's "allocate … with width 0" among them), every frame
 * drawn whole, nothing cut off. */
static void
test_width_sweep (Fixture       *f,
                  gconstpointer  data)
{
  DossierWindow *empty;

  sweep (f->window, "with a project");

  empty = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_present (GTK_WINDOW (empty));
  sweep (empty, "without a project");
  gtk_window_destroy (GTK_WINDOW (empty));
  flush_events ();
  g_assert_finalize_object (empty);
}

/* With no project, the start page stands alone: no sidebars (which could
 * only say they are empty), no buttons or keys for them; opening a
 * project brings them, as they were. */
static void
test_start_page_no_sidebars (Fixture       *f,
                             gconstpointer  data)
{
  DossierWindow *w = g_object_ref_sink (dossier_window_new (NULL));
  g_autofree char *other = g_build_filename (f->dir, "Other.dossier", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other);
  g_autoptr(GError) error = NULL;

  /* Another project: the fixture's window holds its own. */
  dossier_project_close (dossier_project_create (other, "Other", &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (w));
  resize_window (w, 1280);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (w->center_stack), ==, "no-project");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (w->left_sidebar)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (w->right_sidebar)));
  g_assert_false (gtk_widget_get_mapped (adw_flap_get_separator (w->left_flap)));
  g_assert_false (gtk_widget_get_mapped (adw_flap_get_separator (w->right_flap)));
  g_assert_false (gtk_widget_get_visible (w->left_sidebar_button));
  g_assert_false (gtk_widget_get_visible (w->right_sidebar_button));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (w->search_button)));
  /* The start page has the whole width. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (w->center_stack)), ==, gtk_widget_get_width (GTK_WIDGET (w)));

  /* F9 and Shift+F9 (their actions) do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (w), "win.show-left-sidebar", NULL);
  gtk_widget_activate_action (GTK_WIDGET (w), "win.show-right-sidebar", NULL);
  flush_events ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (w->left_sidebar)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (w->right_sidebar)));

  g_assert_true (dossier_window_open_project (w, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  wait_until (right_shown, w, "the right sidebar");
  wait_until (left_shown, w, "the left sidebar");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (w->left_sidebar)));
  g_assert_true (gtk_widget_get_mapped (adw_flap_get_separator (w->left_flap)));
  g_assert_true (gtk_widget_get_visible (w->left_sidebar_button));
  g_assert_true (gtk_widget_get_visible (w->right_sidebar_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w->search_button)));

  gtk_window_destroy (GTK_WINDOW (w));
  flush_events ();
  g_assert_finalize_object (w);
}

/* Whether @filter lists a file named @name of the type @type. */
static gboolean
filter_lists (GtkFileFilter *filter,
              const char    *name,
              const char    *type)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, type);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

/* The Import chooser starts on a filter listing articles (plain text,
 * Markdown, web pages, in any case of their suffix) and other tools'
 * projects, not the CSV, source code and logs GLib counts as plain text
 * (its text/plain listed them all); Plain Text lists .txt alone; All
 * Files, last, lists an article saved without a suffix. */
static void
test_import_filters (void)
{
  static const struct
  {
    const char *name;
    const char *type;
    gboolean    article;
  } files[] = {
    { "ferries.txt", "text/plain", TRUE },
    { "FERRIES.TXT", "text/plain", TRUE },
    { "ferries.md", "text/markdown", TRUE },
    { "ferries.markdown", "text/markdown", TRUE },
    { "ferries.html", "text/html", TRUE },
    { "Ferries.HTM", "text/html", TRUE },
    { "harbour.qdpx", "application/zip", TRUE },
    { "harbour.jsonld", "application/ld+json", TRUE },
    { "fares.csv", "text/csv", FALSE },
    { "fares.c", "text/x-csrc", FALSE },
    { "fares.py", "text/x-python", FALSE },
    { "ferry.log", "text/x-log", FALSE },
    { "ferries", "text/plain", FALSE },
  };
  g_autoptr(GPtrArray) filters = _dossier_window_import_filters ();
  GtkFileFilter *articles = g_ptr_array_index (filters, 0);
  GtkFileFilter *plain = g_ptr_array_index (filters, 1);
  GtkFileFilter *all = g_ptr_array_index (filters, filters->len - 1);

  g_assert_cmpstr (gtk_file_filter_get_name (plain), ==, "Plain Text");
  g_assert_cmpstr (gtk_file_filter_get_name (all), ==, "All Files");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_test_message ("%s (%s)", files[i].name, files[i].type);
      g_assert_cmpint (filter_lists (articles, files[i].name, files[i].type), ==, files[i].article);
      g_assert_true (filter_lists (all, files[i].name, files[i].type));
    }
  g_assert_true (filter_lists (plain, "ferries.txt", "text/plain"));
  g_assert_false (filter_lists (plain, "fares.csv", "text/csv"));
  g_assert_false (filter_lists (plain, "ferries", "text/plain"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  if (argc == 3 && strcmp (argv[1], "--drag-source") == 0)
    return run_drag_source (argv[2]);
  test_program = g_find_program_in_path (argv[0]);
  data_home = test_make_tmp_dir ("data");
  /* The user's data folder (where the sample is copied) is the test's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* Accessible names and descriptions can be asserted (the suite's
   * environment has none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_log_set_writer_func (tolerate_lost_allocation, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The title bar's buttons as GNOME has them (a close button alone),
   * not GTK's fallback with minimize and maximize: the narrow widths are
   * measured with what the window shows there. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open-project", test_open_project);
  ADD ("tag-selection", test_tag_selection);
  ADD ("tag-without-selection", test_tag_without_selection);
  ADD ("number-keys", test_number_keys);
  ADD ("number-keys-pinned", test_number_keys_pinned);
  ADD ("focus-after-menus", test_focus_after_menus);
  ADD ("highlight-readable-from-text", test_highlight_readable_from_text);
  ADD ("window-keys-reach-reader", test_window_keys_reach_reader);
  ADD ("centre-pages", test_centre_pages);
  ADD ("page-keys", test_page_keys);
  ADD ("compare-key-ring", test_compare_key_ring);
  ADD ("folding", test_folding);
  ADD ("width-sweep", test_width_sweep);
  ADD ("toast-above-bottom-bars", test_toast_above_bottom_bars);
  ADD ("start-page-no-sidebars", test_start_page_no_sidebars);
  ADD ("briefing-narrow", test_briefing_narrow);
  ADD ("sources-one-tab-stop", test_sources_one_tab_stop);
  ADD ("cite-from-highlight-card", test_cite_from_highlight_card);
  ADD ("highlight-card-menu-key", test_highlight_card_menu_key);
  ADD ("card-evidence-caption", test_card_evidence_caption);
  ADD ("sidebar-keys", test_sidebar_keys);
  ADD ("sidebar-document-click", test_sidebar_document_click);
  ADD ("restore-reading-place", test_restore_reading_place);
  ADD ("restore-right-panel", test_restore_right_panel);
  ADD ("ctrl-end-while-laying-out", test_ctrl_end_while_laying_out);
  ADD ("merge-touching", test_merge_touching);
  ADD ("undo-redo-exact", test_undo_redo_exact);
  ADD ("undo-redo-say-what", test_undo_redo_say_what);
  ADD ("tag-picker-creates-tag", test_tag_picker_creates_tag);
  ADD ("tag-picker-ambiguous-parent", test_tag_picker_ambiguous_parent);
  ADD ("tag-picker-enter", test_tag_picker_enter);
  ADD ("highlight-menu-actions", test_highlight_menu_actions);
  ADD ("memo-at-caret", test_memo_at_caret);
  ADD ("memo-after-tagging", test_memo_after_tagging);
  ADD ("open-not-a-project", test_open_not_a_project);
  ADD ("open-locked", test_open_locked);
  ADD ("documents-panel", test_documents_panel);
  ADD ("documents-dates", test_documents_dates);
  ADD ("import-files", test_import_files);
  ADD ("import-batch-failures", test_import_batch_failures);
  ADD ("import-cut-off", test_import_cut_off);
  ADD ("import-report-one-at-a-time", test_import_report_one_at_a_time);
  ADD ("import-focus", test_import_focus);
  ADD ("import-into-new-project", test_import_into_new_project);
  ADD ("sidebar-empty-panel-focus", test_sidebar_empty_panel_focus);
  ADD ("sidebar-focus-leaves", test_sidebar_focus_leaves);
  ADD ("sidebar-key-ring", test_sidebar_key_ring);
  ADD ("import-then-close", test_import_then_close);
  ADD ("drop-on-text", test_drop_on_text);
  ADD ("paste-document", test_paste_document);
  ADD ("paste-document-notes", test_paste_document_notes);
  ADD ("reveal-from-panels", test_reveal_from_panels);
  ADD ("highlights-back-to-document", test_highlights_back_to_document);
  ADD ("cite-from-panels", test_cite_from_panels);
  ADD ("reveal-other-document", test_reveal_other_document);
  ADD ("local-changes-patch-spans", test_local_changes_patch_spans);
  ADD ("new-and-save-as", test_new_and_save_as);
  ADD ("window-state-saved", test_window_state_saved);
  ADD ("window-state-absurd", test_window_state_absurd);
  ADD ("sample-project-copied", test_sample_project_copied);
  ADD ("highlight-spans-many", test_highlight_spans_many);
  ADD ("new-stakeholder-from-selection", test_new_stakeholder_from_selection);
  g_test_add_func ("/dossier/window/import-filters", test_import_filters);
  if (g_test_perf ())
    ADD ("spans-5000", test_spans_5000);

#undef ADD

  status = g_test_run ();
  if (template_dir != NULL)
    remove_tree (template_dir);
  g_clear_pointer (&template_dir, g_free);
  g_clear_pointer (&template_path, g_free);
  remove_tree (data_home);
  g_free (test_program);
  return status;
}
