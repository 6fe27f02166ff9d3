/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reader-place.c — the reader keeps its place when the window is
 * resized: the passage at the top of the view stays at the top, from
 * 1,280 px to 360 (the sidebars fold into the bottom bar below 600) and
 * back. Runs under xvfb-run and dbus-run-session (suite "ui"). */
#include "config.h"

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-reader-page.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  DossierWindow *window;
  gint64         start;   /* of the passage that was at the top */
} Place;

/* Whether the passage begins at the top of the reader: its first line
 * in the top quarter of the view (the line GTK finds at the view's first
 * pixel may be the blank one above it). */
static gboolean
passage_at_top (gpointer data)
{
  Place *place = data;
  GtkTextView *text_view = dossier_document_view_get_text_view (
    dossier_reader_page_get_document_view (place->window->reader_page));
  GtkTextIter start;
  GdkRectangle visible, at;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &start, (int) place->start);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &start, &at);
  return at.y >= visible.y && at.y < visible.y + visible.height / 4;
}

static void
test_resize_keeps_place (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new ("# Harbour Minutes\n\n");
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  Place place = { NULL };
  gint64 document_id, end;

  {
    g_autoptr(DossierProject) project = test_create_project ("Place", "Harbour", &dir, &path);

    /* Paragraphs of a few lines each at 1,280 px, more at 360. */
    for (guint i = 1; i <= 150; i++)
      g_string_append_printf (text, "Paragraph %u. The ferry board met again on the north pier and "
                              "heard the harbour master on diesel, fares and the two new boats; "
                              "the minutes of item %u were read and approved.\n\n", i, i);
    document_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, text->str, "minutes.md");
    dossier_project_close (project);
  }

  window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
  resize_toplevel (GTK_WINDOW (window), 1280, 800);
  dossier_window_open_document (window, document_id);
  wait_until (view_painted, window, "the document painted");

  place.window = window;
  find_text_range (dossier_window_get_project (window), document_id, "Paragraph 90.", &place.start, &end);
  dossier_reader_page_scroll_to_top_offset (window->reader_page, place.start);
  wait_until (passage_at_top, &place, "paragraph 90 at the top");
  wait_for_animations (GTK_WIDGET (window));
  g_assert_true (passage_at_top (&place));

  /* The view is aimed at it again over a few frames, as the text is
   * wrapped anew: waited for (it never came back without). */
  resize_toplevel (GTK_WINDOW (window), 360, 800);
  wait_until (passage_at_top, &place, "paragraph 90 at the top at 360 px");
  wait_for_animations (GTK_WIDGET (window));
  g_assert_true (passage_at_top (&place));

  resize_toplevel (GTK_WINDOW (window), 1280, 800);
  wait_until (passage_at_top, &place, "paragraph 90 at the top at 1,280 px");
  wait_for_animations (GTK_WIDGET (window));
  g_assert_true (passage_at_top (&place));
  finish_reader_window (&window, &dir, &path);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/dossier/reader-place/resize-keeps-place", test_resize_keeps_place);

  return g_test_run ();
}
