/* test-briefing-page.c — the Briefing page: the notes of the project to
 * choose from, a new one from the template, typing committed to the
 * project as one undo step when typing pauses (and the project's undo
 * brought back into the editor), a citation inserted from a highlight and
 * shown numbered in the preview with its source, an unverifiable one
 * marked. */

#include "config.h"

#include <string.h>

#include "dossier-briefing-page.h"
#include "ui-test-util.h"

typedef struct
{
  TestProject base;
  gint64      document;
  gint64      highlight;
  GtkWidget  *window;
  DossierBriefingPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 tag;

  test_project_set_up (&f->base, data);
  f->document = add_document (f->base.project, DOSSIER_FORMAT_MARKDOWN,
                              "# Bridge\n\n## The money\n\nThe grant is £72 million, on condition.\n",
                              "bridge.md");
  tag = add_tag (f->base.project, "Costs", 0);
  f->highlight = add_highlight (f->base.project, f->document, "£72 million", &tag, 1, NULL);
  f->page = DOSSIER_BRIEFING_PAGE (dossier_briefing_page_new ());
  f->window = show_in_window (GTK_WIDGET (f->page), 1000, 700);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  dossier_briefing_page_set_project (f->page, NULL);
  close_window (f->window);
  test_project_tear_down (&f->base, data);
}

static char *
editor_text (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (f->page));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_new_and_commit (Fixture       *f,
                     gconstpointer  data)
{
  DossierProject *project = f->base.project;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (f->page));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DossierBriefing *briefing;
  gint64 id;

  dossier_briefing_page_set_project (f->page, project);
  g_assert_cmpint (dossier_briefing_page_get_briefing_id (f->page), ==, 0);

  /* A new note starts from the template, shown and selected. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "briefing.new", NULL);
  flush_events ();
  id = dossier_briefing_page_get_briefing_id (f->page);
  g_assert_cmpint (id, >, 0);
  briefing = dossier_project_get_briefing (project, id);
  g_assert_nonnull (briefing);
  text = editor_text (f);
  g_assert_true (g_str_has_prefix (text, "## Purpose\n"));
  g_assert_cmpstr (text, ==, dossier_briefing_get_body (briefing));
  g_clear_pointer (&text, g_free);

  /* Typing is committed once typing pauses, as one step. */
  gtk_text_buffer_set_text (buffer, "# Bridge\n\nThe grant", -1);
  gtk_text_buffer_insert_at_cursor (buffer, " is large.", -1);
  g_assert_true (g_str_has_prefix (dossier_briefing_get_body (briefing), "## Purpose"));
  wait_ms (1000);
  g_assert_cmpstr (dossier_briefing_get_body (briefing), ==, "# Bridge\n\nThe grant is large.");

  /* The project's undo takes the body back, and the editor follows. */
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  flush_events ();
  text = editor_text (f);
  g_assert_true (g_str_has_prefix (text, "## Purpose\n"));
  g_clear_pointer (&text, g_free);
  g_assert_true (dossier_project_redo (project, &error));
  g_assert_no_error (error);
  flush_events ();
  text = editor_text (f);
  g_assert_cmpstr (text, ==, "# Bridge\n\nThe grant is large.");
}

static void
test_citations (Fixture       *f,
                gconstpointer  data)
{
  DossierProject *project = f->base.project;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (f->page));
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, &error);
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  const char *preview;
  gint64 id;

  g_assert_no_error (error);
  id = dossier_project_add_briefing (project, "Note", NULL, 0, "The grant ", &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);
  g_assert_cmpint (dossier_briefing_page_get_briefing_id (f->page), ==, id);

  /* Cited at the cursor, numbered in the preview, its source listed. */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
  }
  g_assert_true (dossier_briefing_page_cite_highlight (f->page, f->highlight));
  g_assert_false (dossier_briefing_page_cite_highlight (f->page, f->highlight + 100));
  text = editor_text (f);
  expected = g_strdup_printf ("The grant [@%s]", dossier_highlight_get_uuid (h));
  g_assert_cmpstr (text, ==, expected);
  dossier_briefing_page_commit (f->page);
  g_assert_cmpstr (dossier_briefing_get_body (dossier_project_get_briefing (project, id)), ==, expected);
  preview = gtk_label_get_text (dossier_briefing_page_get_preview (f->page));
  g_assert_cmpstr (preview, ==, "The grant [1]");

  /* Deleting the highlight: the preview says the citation is unverified. */
  g_assert_true (dossier_project_delete_highlight (project, f->highlight, &error));
  g_assert_no_error (error);
  gtk_text_buffer_insert_at_cursor (buffer, ".", -1);
  dossier_briefing_page_commit (f->page);
  preview = gtk_label_get_text (dossier_briefing_page_get_preview (f->page));
  g_assert_cmpstr (preview, ==, "The grant [1⚠].");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/dossier/briefing-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new-and-commit", test_new_and_commit);
  ADD ("citations", test_citations);

#undef ADD

  return g_test_run ();
}
