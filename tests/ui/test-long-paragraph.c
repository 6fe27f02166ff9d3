/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-long-paragraph.c — a document of one paragraph of megabytes (a
 * project from someone else, a huge import) in the reader: shown at once,
 * its lines laid out a few thousand characters at a time (the text view
 * laid the whole paragraph out before its first frame: minutes at 50 MB);
 * a passage across a place where the paragraph is cut into lines tagged
 * with exact offsets and quote, found by search, copied with its space,
 * its paragraph selected whole by a triple click's bounds, given with its
 * spaces to the PRIMARY selection and a drag; a paragraph of Chinese,
 * without a space, cut at characters the same way, each given back where
 * text leaves the view. Runs under xvfb-run and dbus-run-session (suite
 * "ui"). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-reader-page-private.h"
#include "dossier-unbroken-runs.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

/* Enough that the old view, laying the paragraph out whole, took longer
 * than wait_until () waits (30 s) for its first frame, and its first line
 * was the paragraph: hundreds of thousands of pixels tall. */
#define PARAGRAPH_BYTES (3 * 1000 * 1000)

typedef struct
{
  char          *dir;
  char          *path;
  char          *text;
  gint64         document_id;
  gint64         tag_id;
  DossierWindow *window;
  guint          frames;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_sized_new (PARAGRAPH_BYTES + 100);

  /* ("cjk": Chinese sentences, no space at all) */
  for (guint i = 1; text->len < PARAGRAPH_BYTES; i++)
    if (g_strcmp0 (data, "cjk") == 0)
      g_string_append_printf (text, "第%u项：港口大桥的通行费再次上涨，市民表示不满。", i);
    else
      g_string_append_printf (text, "%sItem %u: the harbour toll rises again.", i > 1 ? " " : "", i);
  f->text = g_string_free (g_steal_pointer (&text), FALSE);

  project = test_create_project ("Tolls", "One long paragraph", &f->dir, &f->path);
  f->tag_id = dossier_project_add_tag (project, "Costs", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  /* (one paragraph block) */
  f->document_id = add_doc (project, "Tolls", f->text);
  dossier_project_close (project);

  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, 1200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  finish_reader_window (&f->window, &f->dir, &f->path);
  g_free (f->text);
}

static void
on_after_paint (GdkFrameClock *clock,
                Fixture       *f)
{
  f->frames++;
}

static gboolean
frames_painted (gpointer data)
{
  Fixture *f = data;

  return f->frames >= 2;
}

static GtkTextView *
text_view_of (Fixture *f)
{
  return dossier_document_view_get_text_view (dossier_window_get_document_view (f->window));
}

/* Two frames painted with the document shown: its first line laid out. */
static void
wait_for_frames (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));

  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, f->document_id);
  f->frames = 0;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), f);
  gtk_widget_queue_draw (GTK_WIDGET (text_view_of (f)));
  wait_until (frames_painted, f, "the long paragraph's first frames");
  g_signal_handlers_disconnect_by_data (clock, f);
}

static gboolean
tagged (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) list = dossier_project_list_highlights (dossier_window_get_project (f->window),
                                                               f->document_id, 0, NULL);

  return list != NULL && list->len > 0 && f->window->reader_page->respan_idle_id == 0;
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
one_match_found (gpointer data)
{
  Fixture *f = data;

  return find_matching (GTK_WIDGET (dossier_window_get_document_view (f->window)), is_label_with, "1 of 1") != NULL;
}

/* The view shows the paragraph at once, as lines of a few thousand
 * characters; a passage across the first place it is cut is tagged with
 * the document's offsets and quote (a space there, not a line break),
 * copied with its space and found by a search that spans it. */
static void
test_tag_across_cut (Fixture       *f,
                     gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  GtkTextView *text_view = text_view_of (f);
  g_autoptr(GArray) cuts = dossier_unbroken_runs_line_cuts (f->text, strlen (f->text),
                                                            DOSSIER_UNBROKEN_LINE_CHARS);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *query = NULL;
  DossierHighlight *hl;
  GtkTextIter iter;
  GtkWidget *entry;
  gint64 cut, start, end, selected_start, selected_end;
  int y, height;

  wait_for_frames (f);

  /* The first line is a few thousand characters, not the paragraph. */
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (text_view), &iter);
  gtk_text_view_get_line_yrange (text_view, &iter, &y, &height);
  g_assert_cmpint (height, <, 20 * gtk_widget_get_height (GTK_WIDGET (text_view)));

  /* From the start of the sentence before the first cut to the end of
   * the item number after it: "Item 71: … again. Item 72". */
  g_assert_cmpuint (cuts->len, >, 100);
  cut = g_array_index (cuts, DossierLineCut, 0).offset;
  g_assert_cmpint (f->text[cut], ==, ' ');
  start = g_strrstr_len (f->text, cut, "Item ") - f->text;
  end = strchr (f->text + cut + 1, ':') - f->text;
  expected = g_strndup (f->text + start, end - start);
  g_assert_nonnull (strstr (expected, "again. Item "));

  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  dossier_document_view_select_range (view, start, end);
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (f->window->reader_page), "reader.apply-tag", "i", 1);
  wait_until (tagged, f, "the passage to be tagged");

  list = dossier_project_list_highlights (dossier_window_get_project (f->window), f->document_id, 0, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  hl = g_ptr_array_index (list, 0);
  g_assert_cmpint (dossier_highlight_get_start (hl), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (hl), ==, end);
  g_assert_cmpstr (dossier_highlight_get_quote (hl), ==, expected);
  /* Painted on both sides of the cut. */
  g_assert_true (painted_at (f->window, cut - 1));
  g_assert_true (painted_at (f->window, cut + 1));
  g_assert_true (dossier_document_view_get_selection (view, &selected_start, &selected_end));
  g_assert_cmpint (selected_start, ==, start);
  g_assert_cmpint (selected_end, ==, end);

  /* Copied: the space, not the line the view shows. */
  gtk_widget_activate_action (GTK_WIDGET (text_view), "clipboard.copy", NULL);
  copied = read_clipboard_text (gtk_widget_get_clipboard (GTK_WIDGET (text_view)));
  g_assert_cmpstr (copied, ==, expected);

  /* Found across the cut: "again. Item 72:" is there once. */
  query = g_strndup (f->text + cut - 6, end + 1 - (cut - 6));
  dossier_document_view_start_search (view);
  entry = find_descendant (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  wait_until (one_match_found, f, "the search across the cut");
}

/* The PRIMARY selection (middle-click paste) and a drag of the selection
 * give the text as the document has it: the space at a cut, not the line
 * break the view shows there. */
static void
test_primary_across_cut (Fixture       *f,
                         gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  GtkTextView *text_view = text_view_of (f);
  g_autoptr(GArray) cuts = dossier_unbroken_runs_line_cuts (f->text, strlen (f->text),
                                                            DOSSIER_UNBROKEN_LINE_CHARS);
  g_autoptr(GdkContentProvider) dragged = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *expected = NULL;
  g_autofree char *primary = NULL;
  GtkDragSource *drag = NULL;
  GdkRectangle location;
  GtkTextIter iter;
  gint64 cut, start, end;
  int x, y;

  wait_for_frames (f);
  cut = g_array_index (cuts, DossierLineCut, 0).offset;
  start = g_strrstr_len (f->text, cut, "Item ") - f->text;
  end = strchr (f->text + cut + 1, ':') - f->text;
  expected = g_strndup (f->text + start, end - start);
  g_assert_nonnull (strstr (expected, "again. Item "));

  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  dossier_document_view_select_range (view, start, end);
  flush_events ();
  primary = read_clipboard_text (gtk_widget_get_primary_clipboard (GTK_WIDGET (text_view)));
  g_assert_cmpstr (primary, ==, expected);

  /* Dragged from inside the selection: the same text. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (text_view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drag == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        drag = GTK_DRAG_SOURCE (controller);
    }
  g_assert_nonnull (drag);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, (int) start + 2);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &x, &y);
  g_signal_emit_by_name (drag, "prepare", (double) x, (double) y, &dragged);
  g_assert_nonnull (dragged);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (dragged, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, expected);
}

/* Chinese without a space: cut at characters (after a full stop), each
 * line a few thousand characters; a passage across a cut is selected,
 * copied, given to PRIMARY and dragged as the document has it (the
 * character there, not a line break), and found by a search across it. */
static void
test_cjk_across_cut (Fixture       *f,
                     gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  GtkTextView *text_view = text_view_of (f);
  g_autoptr(GArray) cuts = dossier_unbroken_runs_line_cuts (f->text, strlen (f->text),
                                                            DOSSIER_UNBROKEN_LINE_CHARS);
  g_autoptr(GdkContentProvider) dragged = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *expected = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *query = NULL;
  const DossierLineCut *cut;
  GtkDragSource *drag = NULL;
  GdkRectangle location;
  GtkTextIter iter;
  GtkWidget *entry;
  gint64 start, end;
  int x, y, height;

  wait_for_frames (f);
  g_assert_null (strchr (f->text, ' '));
  g_assert_cmpuint (cuts->len, >, 100);
  cut = &g_array_index (cuts, DossierLineCut, 0);
  g_assert_cmpuint (cut->ch, ==, g_utf8_get_char ("第"));

  /* The first line is a few thousand characters, not the paragraph; the
   * buffer holds a line break where the text has "第". */
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (text_view), &iter);
  gtk_text_view_get_line_yrange (text_view, &iter, &y, &height);
  g_assert_cmpint (height, <, 20 * gtk_widget_get_height (GTK_WIDGET (text_view)));
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, (int) cut->offset);
  g_assert_cmpuint (gtk_text_iter_get_char (&iter), ==, '\n');

  /* From four characters before the cut to eight after: "满。第12…". */
  start = cut->offset - 4;
  end = cut->offset + 8;
  expected = g_utf8_substring (f->text, start, end);
  g_assert_nonnull (strstr (expected, "。第"));

  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  dossier_document_view_select_range (view, start, end);
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (text_view), "clipboard.copy", NULL);
  copied = read_clipboard_text (gtk_widget_get_clipboard (GTK_WIDGET (text_view)));
  g_assert_cmpstr (copied, ==, expected);
  primary = read_clipboard_text (gtk_widget_get_primary_clipboard (GTK_WIDGET (text_view)));
  g_assert_cmpstr (primary, ==, expected);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (text_view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drag == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        drag = GTK_DRAG_SOURCE (controller);
    }
  g_assert_nonnull (drag);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, (int) start + 1);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &x, &y);
  g_signal_emit_by_name (drag, "prepare", (double) x, (double) y, &dragged);
  g_assert_nonnull (dragged);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (dragged, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, expected);

  /* Found across the cut: this passage is there once. */
  query = g_utf8_substring (f->text, cut->offset - 3, cut->offset + 6);
  dossier_document_view_start_search (view);
  entry = find_descendant (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  wait_until (one_match_found, f, "the search across the cut");
}

static void
record_primary (GdkClipboard *primary,
                GPtrArray    *texts)
{
  GdkContentProvider *content = gdk_clipboard_get_content (primary);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  if (content != NULL && gdk_content_provider_get_value (content, &value, NULL))
    g_ptr_array_add (texts, g_value_dup_string (&value));
}

/* A selection across a cut, kept in PRIMARY while the reader goes to
 * another document (a search hit's, a highlight card's), is the document's
 * text there: its space, not the line break the view holds in its place. */
static void
test_primary_across_switch (Fixture       *f,
                            gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  DossierProject *project = dossier_window_get_project (f->window);
  GdkClipboard *primary = gtk_widget_get_primary_clipboard (GTK_WIDGET (text_view_of (f)));
  g_autoptr(GArray) cuts = dossier_unbroken_runs_line_cuts (f->text, strlen (f->text),
                                                            DOSSIER_UNBROKEN_LINE_CHARS);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected = NULL;
  gint64 cut, start, end, other;
  gulong handler;

  wait_for_frames (f);
  other = add_doc (project, "Ferries", "The ferry fare stays as it is.");
  cut = g_array_index (cuts, DossierLineCut, 0).offset;
  start = g_strrstr_len (f->text, cut, "Item ") - f->text;
  end = strchr (f->text + cut + 1, ':') - f->text;
  expected = g_strndup (f->text + start, end - start);
  g_assert_nonnull (strstr (expected, "again. Item "));

  gtk_widget_grab_focus (GTK_WIDGET (text_view_of (f)));
  dossier_document_view_select_range (view, start, end);
  flush_events ();
  handler = g_signal_connect (primary, "changed", G_CALLBACK (record_primary), texts);
  dossier_reader_page_reveal_range (f->window->reader_page, other, 4, 9);
  g_signal_handler_disconnect (primary, handler);
  g_assert_cmpint (dossier_window_get_document_id (f->window), ==, other);
  g_assert_cmpuint (texts->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, expected);
}

/* Scrolled to the end at once, the last sentence is there to select. */
static void
test_end (Fixture       *f,
          gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  gint64 length = (gint64) strlen (f->text);
  gint64 start, end;

  wait_for_frames (f);
  gtk_widget_grab_focus (GTK_WIDGET (text_view_of (f)));
  dossier_document_view_select_range (view, length - 7, length);
  dossier_document_view_scroll_to (view, length - 7);
  wait_for_frames (f);
  g_assert_true (dossier_document_view_get_selection (view, &start, &end));
  g_assert_cmpint (start, ==, length - 7);
  g_assert_cmpint (end, ==, length);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/dossier/long-paragraph/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("tag-across-cut", test_tag_across_cut);
  ADD ("end", test_end);
  ADD ("primary-across-cut", test_primary_across_cut);
  ADD ("primary-across-switch", test_primary_across_switch);
  g_test_add ("/dossier/long-paragraph/cjk-across-cut", Fixture, "cjk", fixture_set_up, test_cjk_across_cut,
              fixture_tear_down);

  return g_test_run ();
}
