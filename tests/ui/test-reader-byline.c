/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reader-byline.c — the reader shows a document's author, outlet,
 * date and address under its title, over the text: the text makes room
 * for it (nothing overlaps), follows the details as they are edited, the
 * zoom and the width, and is not changed by a character (offsets,
 * highlights); in a document with no title, at the top of the text. A
 * file name is no source it shows. No details, no byline and no gap.
 * Runs under xvfb-run and dbus-run-session (suite "ui"). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-reader-page.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

#define TITLE     "Harbour Fares Rise Again"
#define PARAGRAPH "The ferry board agreed on Tuesday to raise the fares on the north pier."
#define TEXT      "# " TITLE "\n\n" PARAGRAPH "\n\nThe harbour master said the two new boats would " \
                  "need crews by the spring, and that diesel had cost the board more than planned.\n"

typedef struct
{
  DossierWindow *window;
  gint64         document_id;
} Reader;

static GtkTextView *
reader_text_view (DossierWindow *window)
{
  return dossier_document_view_get_text_view (dossier_window_get_document_view (window));
}

/* The top of the line at @offset and, in *@bottom, the bottom of its text
 * (no space below), in the text view's coordinates. */
static int
line_at (DossierWindow *window,
         gint64         offset,
         int           *bottom)
{
  GtkTextView *text_view = reader_text_view (window);
  GtkTextIter iter;
  GdkRectangle at;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, (int) offset);
  gtk_text_view_get_iter_location (text_view, &iter, &at);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, at.x, at.y, &x, &y);
  if (bottom != NULL)
    *bottom = y + at.height;
  return y;
}

/* The byline label (shown or not). */
static GtkWidget *
byline_label (DossierWindow *window)
{
  return find_with_class (GTK_WIDGET (reader_text_view (window)), "dossier-byline");
}

/* Whether the byline is shown, inside the text view's width; its bounds
 * in the text view. */
static gboolean
byline_shown (DossierWindow   *window,
              graphene_rect_t *bounds)
{
  GtkWidget *byline = byline_label (window);
  GtkTextView *text_view = reader_text_view (window);

  return gtk_widget_get_mapped (byline) &&
         gtk_widget_compute_bounds (byline, GTK_WIDGET (text_view), bounds) &&
         bounds->size.height > 0 &&
         bounds->origin.x >= 0 &&
         bounds->origin.x + bounds->size.width <= gtk_widget_get_width (GTK_WIDGET (text_view));
}

/* Whether the byline is shown between the title's last line and the
 * paragraph below it, inside the text view's width. */
static gboolean
byline_between (gpointer data)
{
  DossierWindow *window = data;
  graphene_rect_t bounds;
  int title_bottom, paragraph_top;

  if (!byline_shown (window, &bounds))
    return FALSE;
  line_at (window, strlen (TITLE), &title_bottom);
  paragraph_top = line_at (window, strlen (TITLE) + 2, NULL);
  return bounds.origin.y >= title_bottom && bounds.origin.y + bounds.size.height <= paragraph_top;
}

static gboolean
byline_says (gpointer data)
{
  const char **expected = data;
  DossierWindow *window = (DossierWindow *) expected[0];
  const char *shown = dossier_document_view_get_byline (dossier_window_get_document_view (window));

  return g_strcmp0 (shown, expected[1]) == 0;
}

/* What the reader shows between the title's text and the paragraph's. */
static int
gap_below_title (DossierWindow *window)
{
  int title_bottom;

  line_at (window, strlen (TITLE), &title_bottom);
  return line_at (window, strlen (TITLE) + 2, NULL) - title_bottom;
}

static int
byline_height (DossierWindow *window)
{
  return gtk_widget_get_height (byline_label (window));
}

static void
wait_for_frames (DossierWindow *window)
{
  wait_for_animations (GTK_WIDGET (window));
}

static void
test_byline (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  DossierProject *project;
  DossierDocumentView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown_text = NULL;
  g_autofree char *document_text = NULL;
  g_autofree char *quote = NULL;
  gint64 with_details, without_details, highlight_start, highlight_end;
  int gap_without, gap_with, height_wide, height_narrow, height_zoomed;
  const char *expect[2];

  {
    g_autoptr(DossierProject) made = test_create_project ("Byline", "Harbour", &dir, &path);
    g_autoptr(GArray) blocks = NULL;
    gint64 tag = add_tag (made, "Costs", 0);

    with_details = add_document (made, DOSSIER_FORMAT_MARKDOWN, TEXT, "fares.md");
    without_details = add_document (made, DOSSIER_FORMAT_MARKDOWN, TEXT, "fares-again.md");
    g_assert_true (dossier_project_set_document_metadata (made, with_details, NULL, "Ana Ruiz",
                                                          "The Harbour Gazette",
                                                          "https://gazette.example/fares",
                                                          "2026-03-02", &error));
    g_assert_no_error (error);
    add_highlight (made, with_details, "raise the fares", &tag, 1, NULL);
    blocks = dossier_project_get_document_blocks (made, with_details, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_array_index (blocks, DossierBlock, 0).kind, ==, DOSSIER_BLOCK_TITLE);
    dossier_project_close (made);
  }

  window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
  project = dossier_window_get_project (window);
  view = dossier_window_get_document_view (window);
  buffer = gtk_text_view_get_buffer (reader_text_view (window));

  /* No details: no byline, the title's own spacing. */
  dossier_window_open_document (window, without_details);
  wait_until (view_painted, window, "the document painted");
  wait_for_frames (window);
  g_assert_null (dossier_document_view_get_byline (view));
  g_assert_false (gtk_widget_get_visible (byline_label (window)));
  gap_without = gap_below_title (window);

  /* Author, outlet, date and address, under the title, the text moved
   * down to make room for them. */
  dossier_window_open_document (window, with_details);
  wait_until (view_painted, window, "the document painted");
  wait_until (byline_between, window, "the byline between the title and the text");
  g_assert_cmpstr (dossier_document_view_get_byline (view), ==,
                   "Ana Ruiz · The Harbour Gazette · 2\u00a0Mar\u00a02026\nhttps://gazette.example/fares");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (byline_label (window)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Byline: Ana Ruiz · The Harbour Gazette · 2\u00a0Mar\u00a02026, "
                                       "https://gazette.example/fares");
  gap_with = gap_below_title (window);
  height_wide = byline_height (window);
  g_assert_cmpint (gap_with, >=, gap_without + height_wide);

  /* The buffer is the document's text, and the highlight where it was. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown_text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  document_text = dossier_project_get_document_text (project, with_details, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (document_text, TITLE "\n\n" PARAGRAPH "\n"));
  g_assert_cmpstr (shown_text, ==, document_text);
  find_text_range (project, with_details, "raise the fares", &highlight_start, &highlight_end);
  g_assert_true (painted_at (window, highlight_start));
  g_assert_true (painted_at (window, highlight_end - 1));
  g_assert_false (painted_at (window, highlight_start - 1));
  g_assert_false (painted_at (window, highlight_end));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) highlight_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) highlight_end);
  quote = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (quote, ==, "raise the fares");

  /* An edit in Document Details shows at once. */
  g_assert_true (dossier_project_set_document_metadata (project, with_details, NULL, "Bea Soto",
                                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  expect[0] = (const char *) window;
  expect[1] = "Bea Soto · The Harbour Gazette · 2\u00a0Mar\u00a02026\nhttps://gazette.example/fares";
  g_assert_true (byline_says (expect));
  wait_until (byline_between, window, "the edited byline between the title and the text");

  /* Zoomed in, the byline grows with the text and the room with it. */
  dossier_document_view_set_zoom (view, 2.0);
  wait_for_frames (window);
  wait_until (byline_between, window, "the zoomed byline between the title and the text");
  height_zoomed = byline_height (window);
  g_assert_cmpint (height_zoomed, >, height_wide);
  dossier_document_view_set_zoom (view, 1.0);

  /* A byline of a line at 1,280 px wraps at a phone's width, inside the
   * text's width. */
  g_assert_true (dossier_project_set_document_metadata (project, with_details, NULL,
                                                        "Bea Soto, with reporting from the pier "
                                                        "by Carla Diaz", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  wait_for_frames (window);
  wait_until (byline_between, window, "the longer byline between the title and the text");
  height_wide = byline_height (window);
  resize_toplevel (GTK_WINDOW (window), 360, 800);
  wait_for_frames (window);
  wait_until (byline_between, window, "the byline between the title and the text at 360 px");
  height_narrow = byline_height (window);
  g_assert_cmpint (height_narrow, >, height_wide);
  resize_toplevel (GTK_WINDOW (window), 1280, 800);
  wait_for_frames (window);

  /* Every detail cleared: no byline, and no gap left. */
  g_assert_true (dossier_project_set_document_metadata (project, with_details, NULL, "", "", "", "",
                                                        &error));
  g_assert_no_error (error);
  g_assert_null (dossier_document_view_get_byline (view));
  wait_for_frames (window);
  g_assert_cmpint (gap_below_title (window), ==, gap_without);

  finish_reader_window (&window, &dir, &path);
}

/* Scrolled down, the byline goes up with the title it belongs to: it
 * is not left on the screen over the text (GTK 4.8 does not place a text
 * view's overlays again when it scrolls). */
static void
test_byline_scrolls (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("# " TITLE "\n\n" PARAGRAPH "\n\n");
  DossierWindow *window;
  GtkAdjustment *vadj;
  graphene_rect_t before, after;

  /* (long enough to scroll) */
  for (int i = 0; i < 60; i++)
    g_string_append (text, "The harbour master said the two new boats would need crews by the "
                           "spring, and that diesel had cost the board more than planned.\n\n");
  {
    g_autoptr(DossierProject) made = test_create_project ("Byline", "Harbour", &dir, &path);
    gint64 id = add_document (made, DOSSIER_FORMAT_MARKDOWN, text->str, "fares.md");

    g_assert_true (dossier_project_set_document_metadata (made, id, NULL, "Ana Ruiz",
                                                          "The Harbour Gazette", NULL,
                                                          "2026-03-02", &error));
    g_assert_no_error (error);
    dossier_project_close (made);
  }

  window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
  dossier_window_open_document (window, 1);
  wait_until (view_painted, window, "the document painted");
  wait_until (byline_between, window, "the byline between the title and the text");
  g_assert_true (gtk_widget_compute_bounds (byline_label (window),
                                            GTK_WIDGET (reader_text_view (window)), &before));

  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (reader_text_view (window)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj), >, 100);
  gtk_adjustment_set_value (vadj, 60);
  wait_for_frames (window);
  wait_until (byline_between, window, "the byline between the title and the text, scrolled");
  g_assert_true (gtk_widget_compute_bounds (byline_label (window),
                                            GTK_WIDGET (reader_text_view (window)), &after));
  g_assert_cmpfloat_with_epsilon (after.origin.y, before.origin.y - 60, 1);

  finish_reader_window (&window, &dir, &path);
}

/* A window on the project at @path showing document @id, painted; its
 * project and document view in *@project and *@view. */
static DossierWindow *
show_document (const char           *path,
               gint64                id,
               DossierProject      **project,
               DossierDocumentView **view)
{
  DossierWindow *window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);

  *project = dossier_window_get_project (window);
  *view = dossier_window_get_document_view (window);
  dossier_window_open_document (window, id);
  wait_until (view_painted, window, "the document painted");
  return window;
}

/* The byline of a document with no title block: at the top of the text,
 * inside its width, the first line below it. */
static gboolean
byline_above_text (gpointer data)
{
  DossierWindow *window = data;
  graphene_rect_t bounds;

  return byline_shown (window, &bounds) &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= line_at (window, 0, NULL);
}

/* A document with details but no title block (a text that starts with a
 * paragraph) shows its byline all the same, at the top of the text, with
 * the same look and accessible label; the text makes room below it. It
 * showed none. */
static void
test_byline_without_title (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  DossierProject *project;
  DossierDocumentView *view;
  gint64 with_details, without_details;
  int top_without, x;
  graphene_rect_t bounds;

  {
    g_autoptr(DossierProject) made = test_create_project ("Untitled", "Harbour", &dir, &path);
    g_autoptr(GArray) blocks = NULL;
    const char *text = PARAGRAPH "\n\nThe harbour master said the boats would need crews by the spring.\n";

    with_details = add_document (made, DOSSIER_FORMAT_MARKDOWN, text, "fares.md");
    without_details = add_document (made, DOSSIER_FORMAT_MARKDOWN, text, "fares-again.md");
    g_assert_true (dossier_project_set_document_metadata (made, with_details, NULL, "Ana Ruiz",
                                                          "The Harbour Gazette", NULL, "2026-03-02",
                                                          &error));
    g_assert_no_error (error);
    blocks = dossier_project_get_document_blocks (made, with_details, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < blocks->len; i++)
      g_assert_cmpint (g_array_index (blocks, DossierBlock, i).kind, !=, DOSSIER_BLOCK_TITLE);
    dossier_project_close (made);
  }

  window = show_document (path, without_details, &project, &view);

  /* No details: no byline, the text at the top. */
  wait_for_frames (window);
  g_assert_null (dossier_document_view_get_byline (view));
  top_without = line_at (window, 0, NULL);

  /* Details: the byline above the first line, which moves down for it,
   * aligned with the text, read out as under a title. */
  dossier_window_open_document (window, with_details);
  wait_until (view_painted, window, "the document painted");
  wait_until (byline_above_text, window, "the byline above the text");
  g_assert_cmpstr (dossier_document_view_get_byline (view), ==,
                   "Ana Ruiz · The Harbour Gazette · 2\u00a0Mar\u00a02026");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (byline_label (window)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Byline: Ana Ruiz · The Harbour Gazette · 2\u00a0Mar\u00a02026");
  g_assert_true (gtk_widget_has_css_class (byline_label (window), "dossier-byline"));
  g_assert_cmpint (line_at (window, 0, NULL), >=, top_without + byline_height (window));
  g_assert_true (gtk_widget_compute_bounds (byline_label (window), GTK_WIDGET (reader_text_view (window)),
                                            &bounds));
  {
    GtkTextView *text_view = reader_text_view (window);
    GtkTextIter iter;
    GdkRectangle at;

    gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (text_view), &iter);
    gtk_text_view_get_iter_location (text_view, &iter, &at);
    gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, at.x, at.y, &x, NULL);
  }
  g_assert_cmpint ((int) bounds.origin.x, ==, x);

  /* Zoomed, it stays above the text. */
  dossier_document_view_set_zoom (view, 2.0);
  wait_for_frames (window);
  wait_until (byline_above_text, window, "the zoomed byline above the text");
  dossier_document_view_set_zoom (view, 1.0);
  wait_for_frames (window);

  /* Every detail cleared: no byline, and the text back at the top. */
  g_assert_true (dossier_project_set_document_metadata (project, with_details, NULL, "", "", "", "",
                                                        &error));
  g_assert_no_error (error);
  g_assert_null (dossier_document_view_get_byline (view));
  wait_for_frames (window);
  g_assert_cmpint (line_at (window, 0, NULL), ==, top_without);

  finish_reader_window (&window, &dir, &path);
}

/* An imported file's source is its file name: kept in the document's
 * details, left out of the byline, which a reader reads for who wrote it
 * and where it was published ("lists.html" was shown under the author). A
 * document with nothing else to show shows no byline. */
static void
test_byline_leaves_out_file_name (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_path = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  DossierProject *project;
  DossierDocumentView *view;
  gint64 id;

  {
    g_autoptr(DossierProject) made = test_create_project ("Imported", "Harbour", &dir, &path);
    g_autoptr(GFile) file = NULL;
    g_autoptr(GPtrArray) outcomes = NULL;
    GListModel *documents = dossier_project_get_documents (made);
    g_autoptr(DossierDocument) doc = NULL;

    file_path = g_build_filename (dir, "lists.html", NULL);
    g_assert_true (g_file_set_contents (file_path,
                                        "<html><head><title>" TITLE "</title>"
                                        "<meta name=\"author\" content=\"Rita Voss\"></head><body>"
                                        "<article><h1>" TITLE "</h1><p>" PARAGRAPH "</p></article>"
                                        "</body></html>", -1, &error));
    g_assert_no_error (error);
    file = g_file_new_for_path (file_path);
    outcomes = import_and_wait (made, &file, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
    doc = g_list_model_get_item (documents, 0);
    id = dossier_document_get_id (doc);
    g_assert_cmpstr (dossier_document_get_source (doc), ==, "lists.html");
    g_assert_cmpstr (dossier_document_get_author (doc), ==, "Rita Voss");
    dossier_project_close (made);
  }

  window = show_document (path, id, &project, &view);
  wait_until (byline_between, window, "the byline between the title and the text");
  g_assert_cmpstr (dossier_document_view_get_byline (view), ==, "Rita Voss");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (byline_label (window)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Byline: Rita Voss");

  /* The author cleared: the file name alone is no byline. */
  g_assert_true (dossier_project_set_document_metadata (project, id, NULL, "", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_document_view_get_byline (view));
  g_assert_cmpstr (dossier_document_get_source (dossier_project_get_document (project, id)), ==,
                   "lists.html");

  finish_reader_window (&window, &dir, &path);
}

int
main (int   argc,
      char *argv[])
{
  /* The byline's accessible name can be asserted (the suite's
   * environment has none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/dossier/reader-byline/details-under-title", test_byline);
  g_test_add_func ("/dossier/reader-byline/scrolls-with-title", test_byline_scrolls);
  g_test_add_func ("/dossier/reader-byline/without-title", test_byline_without_title);
  g_test_add_func ("/dossier/reader-byline/leaves-out-file-name", test_byline_leaves_out_file_name);

  return g_test_run ();
}
