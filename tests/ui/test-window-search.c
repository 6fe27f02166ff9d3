/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-search.c — the project search in the window: every
 * occurrence listed, grouped by document with counts, and stepped through
 * (F3 / Shift+F3 in the window, Ctrl+G / Shift+Ctrl+G and Enter in the
 * entry), the reader showing each in its document, scrolled to and
 * selected. Runs under xvfb-run and dbus-run-session (suite "ui"). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-search-panel.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  gint64         first;
  gint64         second;
  DossierWindow *window;
} Fixture;

/* A long article (so that its second match is far below the first) with
 * accents, curly quotes and an emoji before the matches. */
static char *
make_article (const char *title,
              const char *outlet)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "# %s\n\n", title);
  g_string_append_printf (text, "The %s’s correspondent writes — from the café by the quay 🚢 — "
                          "that “sovereignty” is the word on every bench.\n\n", outlet);
  for (guint i = 0; i < 80; i++)
    g_string_append_printf (text, "Paragraph %u goes on about fishing quotas, the harbour and its fees.\n\n", i);
  g_string_append (text, "At the end, the minister spoke of sovereignty once more.\n");

  return g_string_free (text, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *one = make_article ("Fish and Flags", "Courier");
  g_autofree char *two = make_article ("A Quota Too Far", "Gazette");

  project = test_create_project ("Quotas", "Quotas", &f->dir, &f->path);
  f->first = add_document (project, DOSSIER_FORMAT_MARKDOWN, one, "fish.md");
  f->second = add_document (project, DOSSIER_FORMAT_MARKDOWN, two, "quota.md");
  /* Not the word: a document without it is not listed. */
  add_document (project, DOSSIER_FORMAT_MARKDOWN, "# Weather\n\nRain all week.\n", "weather.md");
  dossier_project_close (project);

  f->window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  file = g_file_new_for_path (f->path);
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_WRITE, &error));
  g_assert_no_error (error);
  wait_until (view_painted, f->window, "the first paint");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_clear_object (&f->window);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The X server has answered, and what it sent is handled (a selection
 * made in the same moment as the last was given up would be dropped). */
static void
sync_display (void)
{
  gdk_display_sync (gdk_display_get_default ());
  flush_events ();
}

typedef struct
{
  DossierWindow *window;
  gint64         offset;
} Visible;

/* Whether the text at offset lies in the reader's visible part. */
static gboolean
offset_visible (gpointer data)
{
  Visible *visible = data;
  GtkTextView *text_view = dossier_document_view_get_text_view (dossier_window_get_document_view (visible->window));
  GdkRectangle rect, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, visible->offset);
  gtk_text_view_get_visible_rect (text_view, &rect);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  return location.y >= rect.y && location.y + location.height <= rect.y + rect.height;
}

/* The reader shows @document with @word at [@start, @end) selected, on
 * screen. */
static void
assert_shown (Fixture    *f,
              gint64      document,
              gint64      start,
              const char *word)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  g_autofree char *text = NULL;
  g_autofree char *selected = NULL;
  gint64 got_start = -1, got_end = -1;
  Visible visible = { f->window, start };

  sync_display ();
  g_assert_cmpint (dossier_reader_page_get_document_id (f->window->reader_page), ==, document);
  g_assert_true (dossier_document_view_get_selection (view, &got_start, &got_end));
  g_assert_cmpint (got_start, ==, start);
  text = dossier_project_get_document_text (f->window->project, document, NULL);
  selected = g_utf8_substring (text, got_start, got_end);
  g_assert_cmpstr (selected, ==, word);
  wait_until (offset_visible, &visible, "the match scrolled into view");
}

static gboolean
five_hits (gpointer data)
{
  return dossier_search_panel_get_n_hits (data) == 5;
}

static gint64
nth_offset (Fixture    *f,
            gint64      document,
            const char *word,
            guint       n)
{
  g_autofree char *text = dossier_project_get_document_text (f->window->project, document, NULL);
  const char *at = text;

  for (guint i = 0; i <= n; i++)
    {
      at = strstr (i == 0 ? at : at + 1, word);
      g_assert_nonnull (at);
    }
  return g_utf8_pointer_to_offset (text, at);
}

static gboolean
four_rows (gpointer panel)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new ();

  collect_with_class (panel, "hit-count", counts);
  return counts->len == 4;
}

static void
test_every_occurrence (Fixture       *f,
                       gconstpointer  data)
{
  DossierSearchPanel *panel = DOSSIER_SEARCH_PANEL (f->window->search_panel);
  g_autoptr(GPtrArray) counts = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  gint64 order[4][2];
  guint n_visible_titles = 0;

  /* "sovereignty" twice in each of two documents: four results in two. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  g_assert_cmpuint (dossier_search_panel_search (panel, "sovereignty"), ==, 4);
  g_assert_cmpuint (dossier_search_panel_get_n_documents (panel), ==, 2);
  wait_until (four_rows, panel, "the four results' rows");

  {
    GtkWidget *count_label = NULL;
    g_autoptr(GPtrArray) captions = g_ptr_array_new ();

    collect_with_class (GTK_WIDGET (panel), "caption", captions);
    for (guint i = 0; i < captions->len; i++)
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (captions, i)), "4 results in 2 documents") == 0)
        count_label = g_ptr_array_index (captions, i);
    g_assert_nonnull (count_label);
    g_assert_true (gtk_widget_get_visible (count_label));
  }

  /* Each document heads its group once, with its count. */
  collect_with_class (GTK_WIDGET (panel), "hit-count", counts);
  collect_with_class (GTK_WIDGET (panel), "hit-title", titles);
  g_assert_cmpuint (counts->len, ==, 4);
  for (guint i = 0; i < titles->len; i++)
    if (gtk_widget_get_visible (gtk_widget_get_parent (g_ptr_array_index (titles, i))))
      {
        g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (counts, i)), ==, "2 matches");
        n_visible_titles++;
      }
  g_assert_cmpuint (n_visible_titles, ==, 2);

  /* The order the panel lists them in: by document, then in the text. */
  order[0][0] = order[1][0] = f->first;
  order[2][0] = order[3][0] = f->second;

  /* F3 steps through all four, each shown and selected in its document;
   * then round to the first. Which document comes first is the ranking's:
   * take it from the first step. */
  g_assert_cmpuint (dossier_search_panel_get_position (panel), ==, GTK_INVALID_LIST_POSITION);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-next", NULL);
  sync_display ();
  if (dossier_reader_page_get_document_id (f->window->reader_page) == f->second)
    {
      order[0][0] = order[1][0] = f->second;
      order[2][0] = order[3][0] = f->first;
    }
  for (guint i = 0; i < 4; i++)
    order[i][1] = nth_offset (f, order[i][0], "sovereignty", i % 2);

  assert_shown (f, order[0][0], order[0][1], "sovereignty");
  g_assert_cmpuint (dossier_search_panel_get_position (panel), ==, 0);
  for (guint i = 1; i < 4; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-next", NULL);
      assert_shown (f, order[i][0], order[i][1], "sovereignty");
      g_assert_cmpuint (dossier_search_panel_get_position (panel), ==, i);
    }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-next", NULL);
  assert_shown (f, order[0][0], order[0][1], "sovereignty");

  /* Shift+F3 goes back, round to the last. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-previous", NULL);
  assert_shown (f, order[3][0], order[3][1], "sovereignty");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-previous", NULL);
  assert_shown (f, order[2][0], order[2][1], "sovereignty");

  /* In the entry: Ctrl+G and Shift+Ctrl+G (the entry's next and previous
   * match), and Enter, which goes on from the one shown. */
  {
    GtkWidget *entry = find_descendant (GTK_WIDGET (panel), GTK_TYPE_SEARCH_ENTRY);

    g_signal_emit_by_name (entry, "next-match");
    assert_shown (f, order[3][0], order[3][1], "sovereignty");
    g_signal_emit_by_name (entry, "previous-match");
    assert_shown (f, order[2][0], order[2][1], "sovereignty");
    g_signal_emit_by_name (entry, "activate");
    assert_shown (f, order[3][0], order[3][1], "sovereignty");
  }

  /* A change to the project searches again, and the hit shown stays the
   * current one. */
  {
    g_autoptr(GError) error = NULL;
    gint64 tag = dossier_project_add_tag (f->window->project, "Quotas", 0, "#3584e4", NULL, &error);

    g_assert_no_error (error);
    add_highlight (f->window->project, f->first, "fishing quotas", &tag, 1, "sovereignty again");
  }
  wait_until (five_hits, panel, "the search run again");
  g_assert_cmpuint (dossier_search_panel_get_n_documents (panel), ==, 2);
  g_assert_cmpuint (dossier_search_panel_get_position (panel), !=, GTK_INVALID_LIST_POSITION);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-previous", NULL);
  sync_display ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search-next", NULL);
  assert_shown (f, order[3][0], order[3][1], "sovereignty");

  /* A phrase is one match per place; nothing found, no step. */
  g_assert_cmpuint (dossier_search_panel_search (panel, "\"the minister spoke\""), ==, 2);
  g_assert_cmpuint (dossier_search_panel_search (panel, "zeppelin"), ==, 0);
  g_assert_false (dossier_search_panel_step (panel, TRUE));
}

/* What the search panel says of a text waiting for the index. */
static const char left_out_one[] =
  "1 document is not indexed for search yet: the results leave it out.";

static gboolean
not_indexing (gpointer project)
{
  return !dossier_project_get_indexing (project);
}

static gboolean
one_hit (gpointer panel)
{
  return dossier_search_panel_get_n_hits (panel) == 1;
}

/* A query run while a new document's text waits for the index in the
 * background does not find it there; the query is run again when the
 * indexing ends, and lists it. */
static void
test_after_indexing (Fixture       *f,
                     gconstpointer  data)
{
  DossierSearchPanel *panel = DOSSIER_SEARCH_PANEL (f->window->search_panel);
  g_autoptr(GString) text = g_string_new ("# Long\n\n");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);

  /* Long enough that the index is still being written when the query
   * runs, just after. */
  while (text->len < 4 * 1024 * 1024)
    g_string_append (text, "The tide turns by the breakwater and the boats come home.\n\n");
  g_string_append (text, "A cormorant dries its wings on the last post.\n");
  add_document (f->window->project, DOSSIER_FORMAT_MARKDOWN, text->str, "long.md");
  if (dossier_search_panel_search (panel, "cormorant") != 0)
    {
      g_test_skip ("the text was indexed before the query ran");
      return;
    }
  g_assert_true (dossier_project_get_indexing (f->window->project));
  /* Said, not missed silently. */
  g_assert_true (shows_text (GTK_WIDGET (panel), left_out_one));

  wait_until (not_indexing, f->window->project, "the background indexing to end");
  wait_until (one_hit, panel, "the query run again with the new text indexed");
  g_assert_cmpuint (dossier_search_panel_get_n_documents (panel), ==, 1);
  g_assert_false (shows_text (GTK_WIDGET (panel), left_out_one));
}

/* A project open read-only (another program writes it) with a text that
 * program has not indexed yet: the search lists what is indexed, and says
 * that one document is left out, at once (a text the window cannot index
 * was left out without a word). */
static void
test_not_indexed_said (Fixture       *f,
                       gconstpointer  data)
{
  DossierSearchPanel *panel = DOSSIER_SEARCH_PANEL (f->window->search_panel);
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  dossier_window_set_project (f->window, NULL);
  sql = g_strdup_printf ("INSERT INTO documents_fts (documents_fts, rowid, text) "
                         "  SELECT 'delete', id, text FROM documents WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO documents_unindexed (document) VALUES (%" G_GINT64_FORMAT ");",
                         f->second, f->second);
  test_sql_exec (f->path, sql);
  g_assert_true (dossier_window_open_project (f->window, file, DOSSIER_OPEN_READ_ONLY, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);

  g_assert_cmpuint (dossier_search_panel_search (panel, "sovereignty"), ==, 2);
  g_assert_cmpuint (dossier_search_panel_get_n_documents (panel), ==, 1);
  wait_for_text (GTK_WIDGET (panel), left_out_one);
  g_assert_false (dossier_project_get_indexing (f->window->project));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Scrolled at once, not over frames that a loaded machine may space out. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/dossier/window-search/every-occurrence", Fixture, NULL,
              fixture_set_up, test_every_occurrence, fixture_tear_down);
  g_test_add ("/dossier/window-search/after-indexing", Fixture, NULL,
              fixture_set_up, test_after_indexing, fixture_tear_down);
  g_test_add ("/dossier/window-search/not-indexed-said", Fixture, NULL,
              fixture_set_up, test_not_indexed_said, fixture_tear_down);

  return g_test_run ();
}
