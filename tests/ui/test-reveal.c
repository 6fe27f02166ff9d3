/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reveal.c — a passage opened in the reader (a Brief source, a
 * search hit, a Compare excerpt, a highlight card: all through
 * dossier_reader_page_reveal_range ()) is selected and in view once the
 * text is laid out, and stays there: in another document, far down a
 * long one, in the one on show far from its place, at its very end, and
 * in a window 360 px wide. Runs under xvfb-run and dbus-run-session
 * (suite "ui"). */
#include "config.h"

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-reader-page.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  gint64         long_id;    /* ≈150 paragraphs of several lines */
  gint64         short_id;   /* three paragraphs */
  gint64         highlight;  /* of section 120, cited by the one note */
  DossierWindow *window;
} Reveal;

typedef struct
{
  DossierWindow *window;
  gint64         start, end;
} Passage;

static void
reveal_set_up (Reveal        *fixture,
               gconstpointer  data)
{
  g_autoptr(DossierProject) project = test_create_project ("Reveal", "Tramways", &fixture->dir,
                                                           &fixture->path);
  g_autoptr(GString) text = g_string_new ("# Tramway Inquiry\n\n");
  g_autoptr(DossierHighlight) cited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gint64 tag;

  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (text, "Section %u. The inquiry walked the old tram line from the depot "
                            "to the river crossing, counted the sleepers that had rotted, and "
                            "heard the signal keeper on the night the points froze; witness %u "
                            "gave the times of the last three cars from memory.\n\n", i, i);
  g_string_append (text, "Closing words: the tramway reopens in spring.\n");
  fixture->long_id = add_document (project, DOSSIER_FORMAT_MARKDOWN, text->str, "inquiry.md");
  fixture->short_id = add_document (project, DOSSIER_FORMAT_MARKDOWN,
                                    "# Depot Notice\n\nThe depot is shut on Sundays.\n\n"
                                    "Keys are with the night porter.\n\nAsk at the gate.\n",
                                    "notice.md");
  tag = add_tag (project, "Repairs", 0);
  fixture->highlight = add_highlight (project, fixture->long_id, "Section 120.", &tag, 1, NULL);
  cited = dossier_project_get_highlight (project, fixture->highlight, NULL);
  body = g_strdup_printf ("# Repairs\n\nThe sleepers rotted [@%s].", dossier_highlight_get_uuid (cited));
  dossier_project_add_briefing (project, "Repairs", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_project_close (project);
}

static void
reveal_tear_down (Reveal        *fixture,
                  gconstpointer  data)
{
  finish_reader_window (&fixture->window, &fixture->dir, &fixture->path);
}

static void
open_window (Reveal *fixture,
             int     width,
             gint64  document_id)
{
  fixture->window = open_reader_window (fixture->path, DOSSIER_OPEN_READ_WRITE, width);
  resize_toplevel (GTK_WINDOW (fixture->window), width, 800);
  dossier_window_open_document (fixture->window, document_id);
  wait_until (view_painted, fixture->window, "the document painted");
  wait_for_animations (GTK_WIDGET (fixture->window));
}

/* Whether the passage's first line lies whole inside the view. */
static gboolean
passage_in_view (gpointer data)
{
  Passage *passage = data;
  GtkTextView *text_view = dossier_document_view_get_text_view (
    dossier_reader_page_get_document_view (passage->window->reader_page));
  GtkTextIter start;
  GdkRectangle visible, at;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &start, (int) passage->start);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &start, &at);
  return at.y >= visible.y && at.y + at.height <= visible.y + visible.height;
}

typedef struct
{
  GtkAdjustment *vadjustment;
  double         upper;
  guint          same;     /* frames in a row with that height */
} Settle;

static gboolean
count_settled_frame (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  Settle *settle = data;
  double upper = gtk_adjustment_get_upper (settle->vadjustment);

  settle->same = upper == settle->upper ? settle->same + 1 : 0;
  settle->upper = upper;
  return G_SOURCE_CONTINUE;
}

static gboolean
settled (gpointer data)
{
  return ((Settle *) data)->same >= 30;
}

/* Waits until the text is laid out: its height the same for half a
 * second of frames. */
static void
wait_for_layout (DossierWindow *window)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (
    dossier_reader_page_get_document_view (window->reader_page));
  Settle settle = { gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view)), -1, 0 };
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (text_view), count_settled_frame, &settle, NULL);

  wait_until (settled, &settle, "the text laid out");
  gtk_widget_remove_tick_callback (GTK_WIDGET (text_view), id);
}

/* Asserts that the reader is on show with @document_id, and once its
 * text is laid out, the first @needle is the selection and in view, and
 * still is a few frames later. */
static void
assert_revealed (Reveal     *fixture,
                 gint64      document_id,
                 const char *needle)
{
  Passage passage = { fixture->window };
  gint64 start = -1, end = -1;

  find_text_range (dossier_window_get_project (fixture->window), document_id, needle,
                   &passage.start, &passage.end);
  g_assert_true (adw_view_stack_get_visible_child (fixture->window->page_stack) ==
                 GTK_WIDGET (fixture->window->reader_page));
  g_assert_cmpint (dossier_reader_page_get_document_id (fixture->window->reader_page), ==, document_id);
  wait_for_layout (fixture->window);

  g_assert_true (dossier_document_view_get_selection (
    dossier_reader_page_get_document_view (fixture->window->reader_page), &start, &end));
  g_assert_cmpint (start, ==, passage.start);
  g_assert_cmpint (end, ==, passage.end);
  g_assert_true (passage_in_view (&passage));

  wait_for_animations (GTK_WIDGET (fixture->window));
  g_assert_true (passage_in_view (&passage));
}

/* Reveals the first @needle of @document_id: assert_revealed (). */
static void
assert_reveals (Reveal     *fixture,
                gint64      document_id,
                const char *needle)
{
  gint64 start, end;

  find_text_range (dossier_window_get_project (fixture->window), document_id, needle, &start, &end);
  dossier_reader_page_reveal_range (fixture->window->reader_page, document_id, start, end);
  assert_revealed (fixture, document_id, needle);
}

static void
test_other_document (Reveal        *fixture,
                     gconstpointer  data)
{
  open_window (fixture, 1280, fixture->short_id);
  assert_reveals (fixture, fixture->long_id, "Section 120.");
}

static void
test_same_document_far (Reveal        *fixture,
                        gconstpointer  data)
{
  open_window (fixture, 1280, fixture->long_id);
  assert_reveals (fixture, fixture->long_id, "Section 140.");
  assert_reveals (fixture, fixture->long_id, "Section 12.");
}

static void
test_very_end (Reveal        *fixture,
               gconstpointer  data)
{
  open_window (fixture, 1280, fixture->short_id);
  assert_reveals (fixture, fixture->long_id, "the tramway reopens in spring");
}

static void
test_narrow_window (Reveal        *fixture,
                    gconstpointer  data)
{
  open_window (fixture, 360, fixture->short_id);
  assert_reveals (fixture, fixture->long_id, "Section 120.");
  assert_reveals (fixture, fixture->short_id, "Ask at the gate.");
  assert_reveals (fixture, fixture->long_id, "Section 75.");
}

/* Each place that opens a passage in the reader gets there, from
 * another document: a Brief source (Enter on its row), a search hit, a
 * Compare excerpt, a highlight card. */
static void
test_callers (Reveal        *fixture,
              gconstpointer  data)
{
  DossierWindow *window;
  GtkListBoxRow *row;
  gint64 start, end;

  open_window (fixture, 1280, fixture->short_id);
  window = fixture->window;
  find_text_range (dossier_window_get_project (window), fixture->long_id, "Section 120.", &start, &end);

  adw_view_stack_set_visible_child (window->page_stack, window->briefing_page);
  wait_for_list_box_rows (window->briefing_page, "note-sources", 1);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_with_class (window->briefing_page, "note-sources")), 0);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  g_assert_nonnull (press_key (window, GDK_KEY_Return, 0));
  assert_revealed (fixture, fixture->long_id, "Section 120.");

  dossier_window_open_document (window, fixture->short_id);
  g_signal_emit_by_name (window->search_panel, "hit-activated", fixture->long_id, start, end);
  assert_revealed (fixture, fixture->long_id, "Section 120.");

  dossier_window_open_document (window, fixture->short_id);
  adw_view_stack_set_visible_child (window->page_stack, window->compare_page);
  g_signal_emit_by_name (window->compare_page, "passage-activated", fixture->long_id, (gint64) 0, start, end);
  assert_revealed (fixture, fixture->long_id, "Section 120.");

  dossier_window_open_document (window, fixture->short_id);
  g_signal_emit_by_name (window->highlights_panel, "highlight-activated", fixture->long_id, fixture->highlight);
  assert_revealed (fixture, fixture->long_id, "Section 120.");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/dossier/reveal/other-document", Reveal, NULL, reveal_set_up, test_other_document,
              reveal_tear_down);
  g_test_add ("/dossier/reveal/same-document-far", Reveal, NULL, reveal_set_up, test_same_document_far,
              reveal_tear_down);
  g_test_add ("/dossier/reveal/very-end", Reveal, NULL, reveal_set_up, test_very_end, reveal_tear_down);
  g_test_add ("/dossier/reveal/callers", Reveal, NULL, reveal_set_up, test_callers, reveal_tear_down);
  g_test_add ("/dossier/reveal/narrow-window", Reveal, NULL, reveal_set_up, test_narrow_window,
              reveal_tear_down);

  return g_test_run ();
}
