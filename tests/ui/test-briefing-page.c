/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-briefing-page.c — the Briefing page: the notes of the project to
 * choose from, a new one from the template, typing committed to the
 * project as one undo step when typing pauses (and the project's undo
 * brought back into the editor), a citation inserted from a highlight and
 * shown numbered in the preview with its source, an unverifiable one
 * marked; exports told to the window, and one refused for a citation that
 * cannot be verified offered marked instead. */

#include "config.h"

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dossier-briefing-editor.h"
#include "dossier-briefing-page.h"
#include "dossier-cite-picker.h"
#include "dossier-name-dialog.h"
#include "dossier-source-row.h"
#include "dossier-window-private.h"
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
  /* The chips' UUIDs are hidden text. */
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* What the editor shows: its text without the chips' hidden UUIDs. */
static char *
editor_shown (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (f->page));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
body_committed (gpointer briefing)
{
  return g_strcmp0 (dossier_briefing_get_body (briefing), "# Bridge\n\nThe grant is large.") == 0;
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
  wait_until (body_committed, briefing, "typing to be committed");
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

  /* In the editor, a chip numbered 1 over the citation, its UUID hidden;
   * its text (and the body) whole. */
  {
    DossierBriefingEditor *editor = DOSSIER_BRIEFING_EDITOR (dossier_briefing_page_get_editor (f->page));
    g_autofree char *shown = editor_shown (f);
    gboolean unverified = TRUE;

    g_assert_cmpstr (shown, ==, "The grant []");
    g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 10, &unverified), ==, 1);
    g_assert_false (unverified);
    g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 48, NULL), ==, 1);
    g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 9, NULL), ==, 0);
    g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 49, NULL), ==, 0);
  }

  /* Deleting the highlight: the preview says the citation is unverified. */
  g_assert_true (dossier_project_delete_highlight (project, f->highlight, &error));
  g_assert_no_error (error);
  gtk_text_buffer_insert_at_cursor (buffer, ".", -1);
  dossier_briefing_page_commit (f->page);
  preview = gtk_label_get_text (dossier_briefing_page_get_preview (f->page));
  g_assert_cmpstr (preview, ==, "The grant [1⚠].");
  {
    gboolean unverified = FALSE;

    g_assert_cmpuint (dossier_briefing_editor_get_chip_at (DOSSIER_BRIEFING_EDITOR (dossier_briefing_page_get_editor (f->page)),
                                                           10, &unverified), ==, 1);
    g_assert_true (unverified);
  }

  /* Typing inside a chip makes it text again; undo brings the chip back. */
  {
    DossierBriefingEditor *editor = DOSSIER_BRIEFING_EDITOR (dossier_briefing_page_get_editor (f->page));
    GtkTextIter at;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_iter_at_offset (buffer, &at, 47);
    gtk_text_buffer_begin_user_action (buffer);
    gtk_text_buffer_insert (buffer, &at, "x", 1);
    gtk_text_buffer_end_user_action (buffer);
    dossier_briefing_page_commit (f->page);
    g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 10, NULL), ==, 0);
    shown = editor_shown (f);
    g_assert_true (g_str_has_prefix (shown, "The grant [@"));
    g_clear_pointer (&shown, g_free);
    gtk_text_buffer_undo (buffer);
    dossier_briefing_page_commit (f->page);
    g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 10, NULL), ==, 1);
    shown = editor_shown (f);
    g_assert_cmpstr (shown, ==, "The grant [].");
  }
}

/* The chips' tags (and the unbroken pieces') tagged or untagged. */
static void
on_chip_tag (GtkTextBuffer     *buffer,
             GtkTextTag        *tag,
             const GtkTextIter *start,
             const GtkTextIter *end,
             guint             *changes)
{
  g_autofree char *name = NULL;

  g_object_get (tag, "name", &name, NULL);
  if (name != NULL && (g_str_has_prefix (name, "dossier-chip") || g_str_has_prefix (name, "dossier-unbroken")))
    (*changes)++;
}

/* A pause in typing shows the citations again: the chips' tags are left
 * where they are when the chips did not change, and moved only where they
 * did. Hidden text changes its size for GTK, which lays out again every
 * line of a range tagged or untagged: untagging the whole note had it lay
 * a 4 MB note out again after each pause in typing. */
static void
test_chip_tags_untouched (Fixture       *f,
                          gconstpointer  data)
{
  DossierProject *project = f->base.project;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (f->page));
  DossierBriefingEditor *editor = DOSSIER_BRIEFING_EDITOR (dossier_briefing_page_get_editor (f->page));
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, &error);
  g_autofree char *body = NULL;
  g_autofree char *long_word = g_strnfill (3000, 'x');
  guint changes = 0;
  GtkTextIter at;

  g_assert_no_error (error);
  /* A citation, and a run without a space long enough to be cut in
   * pieces. */
  body = g_strdup_printf ("The grant [@%s] is large.\n\n%s\n", dossier_highlight_get_uuid (h), long_word);
  dossier_project_add_briefing (project, "Note", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);
  dossier_briefing_page_commit (f->page);
  g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 10, NULL), ==, 1);

  g_signal_connect (buffer, "apply-tag", G_CALLBACK (on_chip_tag), &changes);
  g_signal_connect (buffer, "remove-tag", G_CALLBACK (on_chip_tag), &changes);

  /* Typed at the end, and before the chip: its tags move with the text. */
  gtk_text_buffer_get_end_iter (buffer, &at);
  gtk_text_buffer_insert (buffer, &at, "More.", -1);
  dossier_briefing_page_commit (f->page);
  g_assert_cmpuint (changes, ==, 0);
  gtk_text_buffer_get_start_iter (buffer, &at);
  gtk_text_buffer_insert (buffer, &at, "So: ", -1);
  dossier_briefing_page_commit (f->page);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 14, NULL), ==, 1);

  /* Typed inside the chip: it is text again, its tags go. */
  gtk_text_buffer_get_iter_at_offset (buffer, &at, 4 + 47);
  gtk_text_buffer_insert (buffer, &at, "x", 1);
  dossier_briefing_page_commit (f->page);
  g_assert_cmpuint (changes, >, 0);
  g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 14, NULL), ==, 0);

  g_signal_handlers_disconnect_by_func (buffer, on_chip_tag, &changes);
}

static gboolean
preview_is (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (gtk_label_get_text (dossier_briefing_page_get_preview (args[0])), args[1]) == 0;
}

static gboolean
chip_unverified (Fixture *f)
{
  gboolean unverified = FALSE;

  g_assert_cmpuint (dossier_briefing_editor_get_chip_at (DOSSIER_BRIEFING_EDITOR (dossier_briefing_page_get_editor (f->page)),
                                                         10, &unverified), ==, 1);
  return unverified;
}

/* A citation shows its highlight as it is now, with nothing typed: its
 * highlight deleted (on show, or while the page is hidden), it is marked
 * unverified in the preview and its chip; undone, it is whole again. */
static void
test_citation_follows_highlight (Fixture       *f,
                                 gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, &error);
  g_autofree char *body = g_strdup_printf ("The grant [@%s].", dossier_highlight_get_uuid (h));
  gpointer whole[] = { f->page, "The grant [1]." };
  gpointer marked[] = { f->page, "The grant [1⚠]." };

  dossier_project_add_briefing (project, "Note", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);
  g_assert_true (preview_is (whole));
  g_assert_false (chip_unverified (f));

  g_assert_true (dossier_project_delete_highlight (project, f->highlight, &error));
  g_assert_no_error (error);
  wait_until (preview_is, marked, "the citation of a deleted highlight marked");
  g_assert_true (chip_unverified (f));

  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  wait_until (preview_is, whole, "the citation whole again after undo");
  g_assert_false (chip_unverified (f));

  /* Hidden meanwhile (another page on show): read again when shown. */
  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  g_assert_true (dossier_project_redo (project, &error));
  g_assert_no_error (error);
  flush_events ();
  gtk_widget_set_visible (GTK_WIDGET (f->page), TRUE);
  wait_until (preview_is, marked, "the citation marked once shown");
  g_assert_true (chip_unverified (f));
}

/* Adds a note to @project: @before, a citation of highlight @first,
 * @between, one of @second, and @after. */
static void
add_note_citing (DossierProject *project,
                 const char     *before,
                 gint64          first,
                 const char     *between,
                 gint64          second,
                 const char     *after)
{
  g_autoptr(DossierHighlight) a = dossier_project_get_highlight (project, first, NULL);
  g_autoptr(DossierHighlight) b = dossier_project_get_highlight (project, second, NULL);
  g_autofree char *body = g_strdup_printf ("%s[@%s]%s[@%s]%s", before, dossier_highlight_get_uuid (a), between,
                                           dossier_highlight_get_uuid (b), after);
  g_autoptr(GError) error = NULL;

  dossier_project_add_briefing (project, "Note", NULL, 0, body, &error);
  g_assert_no_error (error);
}

/* The rows of the Sources (DossierSourceRow), in order. */
static GPtrArray *
source_rows (GtkWidget *widget)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_descendants (widget, DOSSIER_TYPE_SOURCE_ROW, rows);
  return rows;
}

/* The text of the label with @css_class in the @i-th row of the Sources. */
static const char *
source_text (GtkWidget  *widget,
             guint       i,
             const char *css_class)
{
  g_autoptr(GPtrArray) rows = source_rows (widget);

  g_assert_cmpuint (i, <, rows->len);
  return label_with_class (g_ptr_array_index (rows, i), css_class);
}

/* The sources show each quote on one line, as the export prints them (a
 * passage across two paragraphs joined by a space), each led by the
 * page's direction mark, so that a quote in Arabic does not turn its row
 * right to left. */
static void
test_sources_lines (Fixture       *f,
                    gconstpointer  data)
{
  DossierProject *project = f->base.project;
  gint64 doc, tag, spanning, arabic;

  doc = add_document (project, DOSSIER_FORMAT_MARKDOWN,
                      "# Voices\n\nThe sign read: \"نحن نرفض هذا القرار\" all week.\n\n"
                      "It ended there.\n\nThen it began again.\n", "voices.md");
  tag = add_tag (project, "Voices", 0);
  arabic = add_highlight (project, doc, "\"نحن نرفض هذا القرار\"", &tag, 1, NULL);
  spanning = add_highlight (project, doc, "ended there.\n\nThen it", &tag, 1, NULL);
  add_note_citing (project, "They said ", arabic, ", and ", spanning, ".");
  dossier_briefing_page_set_project (f->page, project);

  g_assert_cmpuint (count_list_box_rows (GTK_WIDGET (f->page), "note-sources"), ==, 2);
  /* The first is a quotation already: its own marks, not “"…"”. */
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 0, "source-passage"), ==,
                   "\u200e\"نحن نرفض هذا القرار\"");
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 0, "source-title"), ==, "\u200e[1] Voices");
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 1, "source-passage"), ==, "\u200e“ended there. Then it”");
}

/* Briefing @briefing_id exported to Markdown, as the page exports it. */
static char *
export_markdown (DossierProject *project,
                 gint64          briefing)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  DossierExportFilter filter = { .briefing_id = briefing };
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_export_to_stream (project, DOSSIER_EXPORT_MARKDOWN, &filter, NULL, stream,
                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* The sources name a passage's source as the exports do: its title,
 * author, outlet and date, and its section, a heading that opens a list
 * ("Cons:") without its colon. */
static void
test_sources_section (Fixture       *f,
                      gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  gint64 doc, tag, id, briefing;
  g_autoptr(DossierHighlight) h = NULL;
  g_autofree char *body = NULL;
  g_autofree char *markdown = NULL;

  doc = add_document (project, DOSSIER_FORMAT_MARKDOWN,
                      "# Ferry\n\n## Cons:\n\nThe fare doubles in winter.\n", "ferry.md");
  tag = add_tag (project, "Fares", 0);
  id = add_highlight (project, doc, "fare doubles", &tag, 1, NULL);
  h = dossier_project_get_highlight (project, id, NULL);
  g_assert_true (dossier_project_set_document_metadata (project, doc, NULL, "Lena Hart", "Island Post",
                                                        NULL, "2026-05-02", &error));
  g_assert_no_error (error);
  body = g_strdup_printf ("It costs more [@%s].", dossier_highlight_get_uuid (h));
  briefing = dossier_project_add_briefing (project, "Note", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);

  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 0, "source-title"), ==, "\u200e[1] Ferry");
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 0, "source-passage"), ==, "\u200e“fare doubles”");
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 0, "source-details"), ==,
                   "\u200eLena Hart, Island Post, 2026-05-02, section “Cons”");

  /* The exported Markdown's footnote says the same after the quote (one
   * function makes both: dossier_citation_format_source ()), the title in
   * italics there as it is on the page. */
  markdown = export_markdown (project, briefing);
  g_assert_nonnull (strstr (markdown, "[^1]: “fare doubles” — *Ferry*, Lena Hart, Island Post, "
                                      "2026-05-02, section “Cons”.\n"));
}

static void
on_highlight_activated (DossierBriefingPage *page,
                        gint64               document_id,
                        gint64               highlight_id,
                        gint64              *activated)
{
  activated[0] = document_id;
  activated[1] = highlight_id;
}

static gboolean
third_source_deleted (gpointer page)
{
  g_autoptr(GPtrArray) rows = source_rows (page);

  return rows->len == 3 && gtk_widget_get_visible (find_with_class (rows->pdata[2], "source-problem"));
}

/* The Sources are a row per source, not one per citation, in the order of
 * the footnotes: the document's title, the passage's first words and the
 * footnote number, named for a screen reader. A row is reached with the
 * keyboard and activated with Enter: the page asks for its passage to be
 * shown. A source whose highlight was deleted says so and where the note
 * cites it, and opens nothing. A pause in typing that leaves the sources
 * as they were keeps their rows. */
static void
test_sources_rows (Fixture       *f,
                   gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) fare = NULL;
  g_autoptr(DossierHighlight) grant = NULL;
  g_autoptr(DossierHighlight) terms = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rows_after = NULL;
  g_autofree char *body = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (f->page));
  GtkWidget *list, *first;
  gint64 ferry, tag, fare_id, terms_id;
  gint64 activated[2] = { 0, 0 };
  GtkTextIter end;

  ferry = add_document (project, DOSSIER_FORMAT_MARKDOWN, "# Ferry\n\nThe fare doubles in winter.\n",
                        "ferry.md");
  tag = add_tag (project, "Fares", 0);
  fare_id = add_highlight (project, ferry, "fare doubles", &tag, 1, NULL);
  terms_id = add_highlight (project, f->document, "on condition", &tag, 1, NULL);
  fare = dossier_project_get_highlight (project, fare_id, NULL);
  grant = dossier_project_get_highlight (project, f->highlight, NULL);
  terms = dossier_project_get_highlight (project, terms_id, NULL);
  body = g_strdup_printf ("# Costs\n\nFares rise [@%s]. The grant [@%s]. Fares again [@%s]. "
                          "Its terms [@%s].", dossier_highlight_get_uuid (fare),
                          dossier_highlight_get_uuid (grant), dossier_highlight_get_uuid (fare),
                          dossier_highlight_get_uuid (terms));
  dossier_project_add_briefing (project, "Note", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);
  g_signal_connect (f->page, "highlight-activated", G_CALLBACK (on_highlight_activated), activated);
  flush_events ();

  /* Four citations of three highlights: three rows, as numbered. */
  list = find_with_class (GTK_WIDGET (f->page), "note-sources");
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_cmpuint (count_list_box_rows (GTK_WIDGET (f->page), "note-sources"), ==, 3);
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 0, "source-title"), ==, "\u200e[1] Ferry");
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 1, "source-title"), ==, "\u200e[2] Bridge");
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 1, "source-passage"), ==, "\u200e“£72 million”");
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 1, "source-details"), ==, "\u200esection “The money”");
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 2, "source-passage"), ==, "\u200e“on condition”");
  rows = source_rows (GTK_WIDGET (f->page));
  g_assert_false (gtk_widget_get_visible (find_with_class (rows->pdata[0], "source-problem")));
  /* A screen reader hears which source it is, not only its passage. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (rows->pdata[1]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Source 2: Bridge");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (rows->pdata[1]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "“£72 million”. section “The money”");

  /* From the keyboard: the row takes the focus, Enter opens its passage. */
  first = gtk_widget_get_parent (rows->pdata[0]);
  g_assert_true (gtk_widget_grab_focus (first));
  g_assert_true (gtk_widget_has_focus (first));
  g_assert_nonnull (press_key (f->window, GDK_KEY_Return, 0));
  g_assert_cmpint (activated[0], ==, ferry);
  g_assert_cmpint (activated[1], ==, fare_id);

  /* Typing that cites nothing new keeps the rows (and the focus). */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " More.", -1);
  dossier_briefing_page_commit (f->page);
  rows_after = source_rows (GTK_WIDGET (f->page));
  g_assert_cmpuint (rows_after->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (rows_after->pdata[i] == rows->pdata[i]);
  g_assert_true (gtk_widget_has_focus (first));
  g_clear_pointer (&rows_after, g_ptr_array_unref);

  /* The third highlight deleted: its row says so, and where it is cited. */
  g_assert_true (dossier_project_delete_highlight (project, terms_id, &error));
  g_assert_no_error (error);
  wait_until (third_source_deleted, f->page, "the deleted source marked");
  rows_after = source_rows (GTK_WIDGET (f->page));
  g_assert_true (rows_after->pdata[0] == rows->pdata[0]);
  g_assert_true (g_str_has_prefix (source_text (GTK_WIDGET (f->page), 2, "source-problem"),
                                   "\u200e⚠ Unverified: the cited highlight is no longer in this project"));
  g_assert_cmpstr (source_text (GTK_WIDGET (f->page), 2, "source-title"), ==,
                   "\u200e[3] Cited after “…The grant. Fares again. Its terms” in “Costs”");
  g_assert_false (gtk_widget_get_visible (find_with_class (rows_after->pdata[2], "source-passage")));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (rows_after->pdata[2]))));
  activated[0] = activated[1] = 0;
  g_signal_emit_by_name (list, "row-activated", gtk_widget_get_parent (rows_after->pdata[2]));
  g_assert_cmpint (activated[1], ==, 0);

  /* Nothing cited: no Sources. */
  gtk_text_buffer_set_text (buffer, "Nothing cited.", -1);
  dossier_briefing_page_commit (f->page);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (list)));
  g_assert_cmpuint (count_list_box_rows (GTK_WIDGET (f->page), "note-sources"), ==, 0);
}

static gboolean
reader_shows (gpointer data)
{
  DossierWindow *window = ((gpointer *) data)[0];
  DossierHighlight *highlight = ((gpointer *) data)[1];
  gint64 start, end;

  return adw_view_stack_get_visible_child (window->page_stack) == GTK_WIDGET (window->reader_page) &&
         dossier_reader_page_get_document_id (window->reader_page) == dossier_highlight_get_document_id (highlight) &&
         dossier_document_view_get_selection (dossier_window_get_document_view (window), &start, &end) &&
         start == dossier_highlight_get_start (highlight) && end == dossier_highlight_get_end (highlight);
}

/* In the window, a source activated opens its passage in the reader, in
 * its document, selected, as a highlight card does. */
static void
test_source_opens_passage (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierHighlight) second = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DossierProject *project = test_create_project ("sources", "Sources", &dir, &path);
  DossierWindow *window;
  gint64 bridge, ferry, tag, first_id, second_id;
  gpointer shown[2];

  bridge = add_document (project, DOSSIER_FORMAT_MARKDOWN,
                         "# Bridge\n\nThe grant is £72 million, on condition.\n", "bridge.md");
  ferry = add_document (project, DOSSIER_FORMAT_MARKDOWN,
                        "# Ferry\n\nThe fare doubles in winter, the crews say.\n", "ferry.md");
  tag = add_tag (project, "Costs", 0);
  first_id = add_highlight (project, bridge, "£72 million", &tag, 1, NULL);
  second_id = add_highlight (project, ferry, "the crews say", &tag, 1, NULL);
  second = dossier_project_get_highlight (project, second_id, NULL);
  add_note_citing (project, "The grant ", first_id, ". The crews ", second_id, ".");
  g_assert_finalize_object (project);

  window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1280);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "briefing"));
  flush_events ();
  wait_for_list_box_rows (window->briefing_page, "note-sources", 2);
  rows = source_rows (window->briefing_page);
  g_assert_true (gtk_widget_activate (gtk_widget_get_parent (rows->pdata[1])));
  shown[0] = window;
  shown[1] = second;
  wait_until (reader_shows, shown, "the reader to show the second source's passage");

  close_reader_window (&window);
  remove_tree (dir);
}

/* briefing.cite with a highlight's UUID cites it at the cursor (a new
 * note from the template when none is shown); a highlight dropped on the
 * editor is cited where it is dropped; a UUID that is no highlight's is
 * refused, the note unchanged. */
/* The point 5 px inside the editor's bottom right corner is past the end
 * of its text (it is allocated and its text laid out). */
static gboolean
end_at_corner (gpointer editor)
{
  int width = gtk_widget_get_width (editor);
  int height = gtk_widget_get_height (editor);
  GtkTextIter iter;
  int x, y;

  if (width <= 10 || height <= 10)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (editor, GTK_TEXT_WINDOW_WIDGET, width - 5, height - 5, &x, &y);
  gtk_text_view_get_iter_at_location (editor, &iter, x, y);
  return gtk_text_iter_is_end (&iter);
}

/* The editor's cursor lies inside the part of the note it shows. */
static gboolean
cursor_in_sight (gpointer editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor);
  GdkRectangle visible, cursor;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (editor, &visible);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (editor, &iter, &cursor);
  return visible.height > 0 && cursor.y >= visible.y &&
         cursor.y + cursor.height <= visible.y + visible.height;
}

/* The editor has laid out more text than it shows. */
static gboolean
taller_than_shown (gpointer editor)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (editor);

  return gtk_adjustment_get_page_size (vadjustment) > 0 &&
         gtk_adjustment_get_upper (vadjustment) > 2 * gtk_adjustment_get_page_size (vadjustment);
}

/* Cited from elsewhere (a card's menu, the Compare page) into a long
 * note opened at its start, with the cursor at its end: the editor
 * scrolls to where the citation went. */
static void
test_cite_scrolled_to (Fixture       *f,
                       gconstpointer  data)
{
  GtkTextView *editor = dossier_briefing_page_get_editor (f->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkAdjustment *vadjustment;
  GtkTextIter end;

  for (int i = 1; i <= 300; i++)
    g_string_append_printf (body, "Line %d of the note.\n\n", i);
  dossier_project_add_briefing (f->base.project, "Long", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, f->base.project);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (editor));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_adjustment_set_value (vadjustment, 0);
  wait_until (taller_than_shown, editor, "the editor to lay out its text");
  flush_events ();
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  g_assert_false (cursor_in_sight (editor));

  g_assert_true (dossier_briefing_page_cite_highlight (f->page, f->highlight));
  text = editor_text (f);
  g_assert_true (g_str_has_suffix (text, "]"));
  wait_until (cursor_in_sight, editor, "the citation to be scrolled into sight");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  /* Cited as the page is shown (from another page): scrolled once the
   * page has laid the note out at its width. */
  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  flush_events ();
  gtk_adjustment_set_value (vadjustment, 0);
  gtk_widget_set_visible (GTK_WIDGET (f->page), TRUE);
  g_assert_true (dossier_briefing_page_cite_highlight (f->page, f->highlight));
  wait_until (cursor_in_sight, editor, "the citation to be scrolled into sight");
  flush_events ();
  g_assert_true (cursor_in_sight (editor));

  /* Cited again from the top, the note cut short and the page hidden
   * right after: GTK 4.8's animated scroll, hidden mid-way, failed a
   * critical here (criticals are fatal in tests). */
  gtk_adjustment_set_value (vadjustment, 0);
  flush_events ();
  g_assert_false (cursor_in_sight (editor));
  g_assert_true (dossier_briefing_page_cite_highlight (f->page, f->highlight));
  /* An animated scroll would have started, not finished. */
  for (int i = 0; i < 3; i++)
    g_main_context_iteration (NULL, TRUE);
  gtk_text_buffer_set_text (buffer, "Short.", -1);
  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  flush_events ();
}

/* The line of the editor's cursor lies whole inside the part of the note
 * it shows (GTK 4.8 gives a position after hidden text no height: where
 * the cursor is after a chip, cursor_in_sight () sees it in sight with
 * its line below the view). */
static gboolean
cursor_line_in_sight (gpointer editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor);
  GdkRectangle visible;
  GtkTextIter iter;
  int y, height;

  gtk_text_view_get_visible_rect (editor, &visible);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_line_yrange (editor, &iter, &y, &height);
  return visible.height > 0 && height > 0 && y >= visible.y && y + height <= visible.y + visible.height;
}

/* Ctrl+End in a long note whose last line starts with a chip shows that
 * line whole, and Ctrl+Home then the first. Before, the last line was
 * left just under the view's bottom edge: GTK scrolled to the cursor as
 * it places a position after hidden text, at its line's top with no
 * height. */
static void
test_end_chip_in_sight (Fixture       *f,
                        gconstpointer  data)
{
  GtkTextView *editor = dossier_briefing_page_get_editor (f->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor);
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (f->base.project, f->highlight, NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkAdjustment *vadjustment;
  GtkTextIter start;

  for (int i = 1; i <= 120; i++)
    g_string_append_printf (body, "Line %d of the note.\n\n", i);
  g_string_append_printf (body, "[@%s] closes the note.", dossier_highlight_get_uuid (h));
  dossier_project_add_briefing (f->base.project, "Long", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, f->base.project);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (editor));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_adjustment_set_value (vadjustment, 0);
  wait_until (taller_than_shown, editor, "the editor to lay out its text");
  flush_events ();
  gtk_widget_grab_focus (GTK_WIDGET (editor));

  for (guint i = 0; i < 2; i++)
    {
      g_signal_emit_by_name (editor, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
      wait_until (cursor_line_in_sight, editor, "the last line in sight");
      /* And it stays there once GTK's own scroll is over. */
      wait_for_animations (GTK_WIDGET (editor));
      flush_events ();
      g_assert_true (cursor_line_in_sight (editor));
      g_signal_emit_by_name (editor, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
      wait_until (cursor_line_in_sight, editor, "the first line in sight");
      wait_for_animations (GTK_WIDGET (editor));
      flush_events ();
      g_assert_true (cursor_line_in_sight (editor));
    }
}

/* The Cite button's picker, from the keyboard: typing filters the
 * highlights (accents aside), Enter cites the first at the cursor and
 * closes it. */
static void
test_cite_picker (Fixture       *f,
                  gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, NULL);
  g_autofree char *expected = g_strdup_printf ("The grant [@%s]", dossier_highlight_get_uuid (h));
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkMenuButton *cite = NULL;
  GtkPopover *picker;
  GtkEditable *entry;

  dossier_project_add_briefing (project, "Note", NULL, 0, "The grant ", &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (f->page));
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
  }

  collect_descendants (GTK_WIDGET (f->page), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_menu_button_get_label (g_ptr_array_index (buttons, i)), "_Cite") == 0)
      cite = g_ptr_array_index (buttons, i);
  g_assert_nonnull (cite);
  picker = gtk_menu_button_get_popover (cite);
  g_assert_true (DOSSIER_IS_CITE_PICKER (picker));
  gtk_menu_button_popup (cite);
  flush_events ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));

  entry = dossier_filter_popover_get_entry (DOSSIER_FILTER_POPOVER (picker));
  gtk_editable_set_text (entry, "nothing like it");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (dossier_filter_popover_get_matches (DOSSIER_FILTER_POPOVER (picker))),
                    ==, 0);
  gtk_editable_set_text (entry, "72 MILLION");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (dossier_filter_popover_get_matches (DOSSIER_FILTER_POPOVER (picker))),
                    ==, 1);
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  text = editor_text (f);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_cite_action_and_drop (Fixture       *f,
                           gconstpointer  data)
{
  DossierProject *project = f->base.project;
  GtkTextView *editor = dossier_briefing_page_get_editor (f->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor);
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, NULL);
  const char *uuid = dossier_highlight_get_uuid (h);
  g_autofree char *citation = g_strdup_printf ("[@%s]", uuid);
  g_autofree char *text = NULL;
  GtkDropTarget *drop = NULL;

  dossier_briefing_page_set_project (f->page, project);
  g_assert_cmpint (dossier_briefing_page_get_briefing_id (f->page), ==, 0);

  /* No note yet: one is started, and the citation goes in. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "briefing.cite", "s", uuid);
  flush_events ();
  g_assert_cmpint (dossier_briefing_page_get_briefing_id (f->page), >, 0);
  text = editor_text (f);
  g_assert_true (g_str_has_prefix (text, "## Purpose\n"));
  g_assert_nonnull (strstr (text, citation));
  g_clear_pointer (&text, g_free);

  /* Not a highlight of this project: nothing changes. */
  gtk_text_buffer_set_text (buffer, "The grant", -1);
  g_assert_false (dossier_briefing_page_cite_uuid (f->page, "00000000-0000-4000-8000-000000000000"));
  g_assert_false (dossier_briefing_page_cite_uuid (f->page, "not a uuid"));
  text = editor_text (f);
  g_assert_cmpstr (text, ==, "The grant");
  g_clear_pointer (&text, g_free);

  /* Dropped on the editor, after the text. */
  {
    GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (editor));

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller) &&
            gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), NULL)[0] == DOSSIER_TYPE_HIGHLIGHT)
          drop = GTK_DROP_TARGET (controller);
      }
    g_object_unref (controllers);
  }
  g_assert_nonnull (drop);
  /* The text just set is laid out before a point is dropped on. */
  wait_until (end_at_corner, editor, "the editor to lay out its text");
  {
    GValue value = G_VALUE_INIT;
    gboolean accepted = FALSE;
    int width = gtk_widget_get_width (GTK_WIDGET (editor));
    int height = gtk_widget_get_height (GTK_WIDGET (editor));

    g_value_init (&value, DOSSIER_TYPE_HIGHLIGHT);
    g_value_set_object (&value, h);
    g_signal_emit_by_name (drop, "drop", &value, (double) width - 5, (double) height - 5, &accepted);
    g_value_unset (&value);
    g_assert_true (accepted);
  }
  text = editor_text (f);
  {
    g_autofree char *expected = g_strconcat ("The grant", citation, NULL);

    g_assert_cmpstr (text, ==, expected);
  }
}

/* What pdftotext reads in @path, its whitespace made single spaces. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);  /* poppler-utils: tools/install-deps.sh */
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  {
    GString *flat = g_string_new (NULL);

    for (const char *c = out; *c; c++)
      if (!g_ascii_isspace (*c))
        g_string_append_c (flat, *c);
      else if (flat->len > 0 && flat->str[flat->len - 1] != ' ')
        g_string_append_c (flat, ' ');
    return g_string_free (flat, FALSE);
  }
}

/* Printing draws what the PDF export draws: through GtkPrintOperation's
 * export action (no dialog), the note's text and each footnote's quote;
 * a citation that cannot be verified refuses to print, leaving no file. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, NULL);
  g_autofree char *dir = test_make_tmp_dir ("briefing-print");
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *body = g_strdup_printf ("## The money\n\nThe grant is conditional [@%s].\n",
                                           dossier_highlight_get_uuid (h));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  /* Nothing to print yet. */
  dossier_briefing_page_set_project (f->page, project);
  g_assert_false (dossier_briefing_page_print (f->page, GTK_PRINT_OPERATION_ACTION_EXPORT, path, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  id = dossier_project_add_briefing (project, "Grant note", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);
  g_assert_true (dossier_briefing_page_print (f->page, GTK_PRINT_OPERATION_ACTION_EXPORT, path, FALSE, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Grant note"));
  g_assert_nonnull (strstr (text, "The grant is conditional [1]"));
  g_assert_nonnull (strstr (text, "1. “£72 million” — Bridge, section “The money”."));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_true (strstr (text, "The grant is conditional") < strstr (text, "1. “£72 million”"));

  /* Its highlight deleted: refused, nothing written. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (dossier_project_delete_highlight (project, f->highlight, &error));
  g_assert_no_error (error);
  g_assert_false (dossier_briefing_page_print (f->page, GTK_PRINT_OPERATION_ACTION_EXPORT, path, FALSE, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_UNVERIFIED);
  g_assert_nonnull (strstr (error->message, "[1] cited after “The grant is conditional” in “The money”: "));
  g_assert_null (strstr (error->message, dossier_highlight_get_uuid (h)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Printed marked when the user says so. */
  g_assert_true (dossier_briefing_page_print (f->page, GTK_PRINT_OPERATION_ACTION_EXPORT, path, TRUE, &error));
  g_assert_no_error (error);
  g_free (text);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "1. Unverified: the cited highlight is no longer in this project"));
  remove_tree (dir);
}

typedef struct
{
  GtkWidget  *page;
  const char *line;
} MeterShows;

/* The evidence meter (the label under the preview that starts "Evidence by
 * section") has @line. */
static gboolean
meter_shows (gpointer data)
{
  MeterShows *m = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_descendants (m->page, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (g_str_has_prefix (text, "Evidence by section\n") && strstr (text, m->line) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The evidence meter says which sections cite nothing, and follows the
 * note as it changes. */
static void
test_evidence_meter (Fixture       *f,
                     gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, NULL);
  const char *uuid = dossier_highlight_get_uuid (h);
  g_autofree char *body = g_strdup_printf ("## Summary\n\nThe grant [@%s].\n\n"
                                           "## Background\n\nNothing cited yet.\n", uuid);
  g_autofree char *cited = g_strdup_printf ("## Summary\n\nThe grant [@%s].\n\n"
                                            "## Background\n\nThe money [@%s][@%s].\n",
                                            uuid, uuid, uuid);
  g_autoptr(GError) error = NULL;
  MeterShows summary = { GTK_WIDGET (f->page), "✓ Summary: 1 citation" };
  MeterShows bare = { GTK_WIDGET (f->page), "⚠ Background: no citation" };
  MeterShows backed = { GTK_WIDGET (f->page), "✓ Background: 2 citations" };
  gint64 id;

  dossier_briefing_page_set_project (f->page, project);
  id = dossier_project_add_briefing (project, "Meter", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);
  wait_until (meter_shows, &summary, "the meter's cited section");
  wait_until (meter_shows, &bare, "the meter's section citing nothing");

  g_assert_true (dossier_project_set_briefing_body (project, id, cited, &error));
  g_assert_no_error (error);
  wait_until (meter_shows, &backed, "the meter to follow the note");
  g_assert_false (meter_shows (&bare));
}

/* A note from the template holds its prompts: the meter says how many
 * are left (exports leave them out), and follows as they are replaced. */
static void
test_evidence_meter_prompts (Fixture       *f,
                             gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = dossier_project_make_briefing_template (project, NULL, 0);
  g_autofree char *replaced = NULL;
  MeterShows seven = { GTK_WIDGET (f->page), "⚠ 7 prompts not yet replaced (left out of exports)" };
  MeterShows six = { GTK_WIDGET (f->page), "⚠ 6 prompts not yet replaced (left out of exports)" };
  MeterShows none = { GTK_WIDGET (f->page), "prompt" };
  GRegex *prompt = g_regex_new ("^\\*[^*\n]+\\*$", G_REGEX_MULTILINE, 0, NULL);
  gint64 id;

  dossier_briefing_page_set_project (f->page, project);
  id = dossier_project_add_briefing (project, "Prompts", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);
  wait_until (meter_shows, &seven, "the meter to count the template's prompts");

  /* The purpose written: one fewer. */
  {
    const char *first = strstr (body, "\n*") + 1;
    g_autofree char *before = g_strndup (body, first - body);
    g_autofree char *first_replaced = g_strconcat (before, "For the council's transport committee.",
                                                   strchr (first, '\n'), NULL);

    g_assert_true (dossier_project_set_briefing_body (project, id, first_replaced, &error));
    g_assert_no_error (error);
  }
  wait_until (meter_shows, &six, "the meter to follow a prompt replaced");

  /* All of them: the line goes. */
  replaced = g_regex_replace_literal (prompt, body, -1, 0, "Written.", G_REGEX_MATCH_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_briefing_body (project, id, replaced, &error));
  g_assert_no_error (error);
  wait_until (meter_shows, &(MeterShows) { GTK_WIDGET (f->page), "Purpose: no citation" }, "the meter");
  g_assert_false (meter_shows (&none));
  g_regex_unref (prompt);
}

/* The evidence meter counts only the citations that verify: once a cited
 * highlight is deleted its citations back nothing, and the meter says how
 * many no longer verify, in each section that has them. */
static void
test_evidence_meter_unverified (Fixture       *f,
                                gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  gint64 tag = add_tag (project, "Terms", 0);
  gint64 other = add_highlight (project, f->document, "on condition", &tag, 1, NULL);
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, NULL);
  g_autoptr(DossierHighlight) o = dossier_project_get_highlight (project, other, NULL);
  g_autofree char *body = g_strdup_printf ("## Summary\n\nThe grant [@%s], with terms [@%s].\n\n"
                                           "## Background\n\nThe money [@%s][@%s].\n",
                                           dossier_highlight_get_uuid (h), dossier_highlight_get_uuid (o),
                                           dossier_highlight_get_uuid (h), dossier_highlight_get_uuid (h));
  MeterShows summary = { GTK_WIDGET (f->page), "✓ Summary: 2 citations\n" };
  MeterShows background = { GTK_WIDGET (f->page), "✓ Background: 2 citations" };
  MeterShows summary_after = { GTK_WIDGET (f->page), "⚠ Summary: 1 citation; 1 no longer verifies\n" };
  MeterShows background_after = { GTK_WIDGET (f->page), "⚠ Background: no citation; 2 no longer verify" };
  gint64 id;

  dossier_briefing_page_set_project (f->page, project);
  id = dossier_project_add_briefing (project, "Meter", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);
  wait_until (meter_shows, &summary, "the meter's first section");
  wait_until (meter_shows, &background, "the meter's second section");

  g_assert_true (dossier_project_delete_highlight (project, f->highlight, &error));
  g_assert_no_error (error);
  wait_until (meter_shows, &summary_after, "the section with one citation left");
  wait_until (meter_shows, &background_after, "the section with none left");

  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  wait_until (meter_shows, &summary, "the first section whole again after undo");
  wait_until (meter_shows, &background, "the second section whole again after undo");
}

/* What the window is told of exports ("win.exported"). */
static void
on_exported (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_free (*(char **) user_data);
  *(char **) user_data = g_variant_dup_string (parameter, NULL);
}

static gboolean
was_exported (gpointer user_data)
{
  return *(char **) user_data != NULL;
}

static gboolean
asks_to_mark (gpointer user_data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, user_data) != NULL;
}

static gboolean
has_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (data));

  return folder != NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (data)) != NULL;
}

/* The note's Export as… chooser opens in the project's folder, as the
 * Export dialog's does; it opened in the folder the program was started
 * from (GTK's choice), wherever the project was. */
static void
test_export_chooser_folder (Fixture       *f,
                            gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autofree char *project_folder = g_path_get_dirname (dossier_project_get_path (project));
  g_autoptr(GFile) expected = g_file_new_for_path (project_folder);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *name = NULL;
  GtkWindow *chooser;
  gint64 id;

  /* (else the test could not tell) */
  g_assert_cmpstr (cwd, !=, project_folder);
  dossier_briefing_page_set_project (f->page, project);
  id = dossier_project_add_briefing (project, "Grant note", NULL, 0, "The grant.\n", &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);

  /* GTK's chooser loads libcloudproviders, whose allocations while it
   * reads the session bus LeakSanitizer reports under frames it cannot
   * name (so lsan.supp cannot); the start page's test does not open it
   * for that reason. The leaks of this chooser's life are not counted. */
#ifdef __SANITIZE_ADDRESS__
  __lsan_disable ();
#endif
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "briefing.export", "s", "markdown"));
  wait_until (chooser_shown, f->window, "the file chooser");
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (f->window));
  wait_until (has_folder, chooser, "the chooser's folder");
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (folder);
  g_assert_true (g_file_equal (folder, expected));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Grant note.md");

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  flush_events ();
#ifdef __SANITIZE_ADDRESS__
  __lsan_enable ();
#endif
}

/* An export from the page ends in the window's toast (told its file); a
 * citation that cannot be verified is named in a question, not a dead
 * end: cancelled, nothing is written; accepted, the note is written with
 * it marked. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, NULL);
  g_autofree char *dir = test_make_tmp_dir ("briefing-export");
  g_autofree char *pdf = g_build_filename (dir, "note.pdf", NULL);
  g_autofree char *markdown = g_build_filename (dir, "note.md", NULL);
  g_autofree char *body = g_strdup_printf ("The grant is conditional [@%s].\n",
                                           dossier_highlight_get_uuid (h));
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) exported = g_simple_action_new ("exported", G_VARIANT_TYPE_STRING);
  g_autoptr(GError) error = NULL;
  g_autofree char *told = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  g_signal_connect (exported, "activate", G_CALLBACK (on_exported), &told);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (exported));
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));

  /* No note shown, or no such format: nothing. */
  dossier_briefing_page_set_project (f->page, project);
  g_assert_false (dossier_briefing_page_export (f->page, "pdf", pdf, FALSE));
  id = dossier_project_add_briefing (project, "Grant note", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);
  g_assert_false (dossier_briefing_page_export (f->page, "csv", pdf, FALSE));

  g_assert_true (dossier_briefing_page_export (f->page, "pdf", pdf, FALSE));
  wait_until (was_exported, &told, "the PDF export");
  uri = g_filename_to_uri (pdf, NULL, NULL);
  g_assert_cmpstr (told, ==, uri);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "The grant is conditional [1]"));
  g_clear_pointer (&told, g_free);
  g_clear_pointer (&text, g_free);

  /* Its highlight deleted: asked; cancelled, nothing written. */
  g_assert_true (dossier_project_delete_highlight (project, f->highlight, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_briefing_page_export (f->page, "markdown", markdown, FALSE));
  wait_until (asks_to_mark, f->window, "the question about unverified citations");
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Some Citations Cannot Be Verified");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Grant note” cites passages that cannot be verified"));
  /* Named as the user wrote it, not by the highlight's UUID. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "[1] cited after “The grant is conditional”: the cited highlight is no longer"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), dossier_highlight_get_uuid (h)));
  /* Answered as a click does: the answer, and the question closes. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  flush_events ();
  g_assert_false (g_file_test (markdown, G_FILE_TEST_EXISTS));
  g_assert_null (told);

  /* Asked again, and accepted: written, marked. */
  g_assert_true (dossier_briefing_page_export (f->page, "markdown", markdown, FALSE));
  wait_until (asks_to_mark, f->window, "the question again");
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (f->window)));
  adw_message_dialog_response (dialog, "marked");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (was_exported, &told, "the export marked");
  g_assert_true (g_file_get_contents (markdown, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Unverified"));
  remove_tree (dir);
}

static void
on_toast (GSimpleAction *action,
          GVariant      *parameter,
          char         **told)
{
  g_free (*told);
  *told = g_variant_dup_string (parameter, NULL);
}

/* A note can be renamed (F2, or the page's menu) and deleted (with the
 * window's toast to undo it); the page follows. */
static void
test_rename_and_delete (Fixture       *f,
                        gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toast = g_simple_action_new ("toast", G_VARIANT_TYPE_STRING);
  g_autoptr(GError) error = NULL;
  g_autofree char *told = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 first, second;

  g_signal_connect (toast, "activate", G_CALLBACK (on_toast), &told);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toast));
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));

  /* No note: nothing to rename or delete. */
  dossier_briefing_page_set_project (f->page, project);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "briefing.rename", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "briefing.delete", NULL);
  flush_events ();
  g_assert_null (find_toplevel (DOSSIER_TYPE_NAME_DIALOG, NULL));
  g_assert_null (told);

  first = dossier_project_add_briefing (project, "Untitled Briefing Note", NULL, 0, "One.\n", &error);
  g_assert_no_error (error);
  second = dossier_project_add_briefing (project, "Second", NULL, 0, "Two.\n", &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, first);

  /* F2 asks for the title, the old one to edit; an empty one is refused. */
  gtk_widget_grab_focus (GTK_WIDGET (dossier_briefing_page_get_editor (f->page)));
  g_assert_true (press_shortcut (GTK_WIDGET (f->page), GDK_KEY_F2));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (DOSSIER_TYPE_NAME_DIALOG, NULL));
  g_assert_nonnull (dialog);
  entry = find_descendant (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Untitled Briefing Note");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  gtk_editable_set_text (GTK_EDITABLE (entry), " Harbour vote ");
  adw_message_dialog_response (dialog, "ok");
  gtk_window_close (GTK_WINDOW (dialog));
  flush_events ();
  {
    DossierBriefing *b = dossier_project_get_briefing (project, first);

    g_assert_cmpstr (dossier_briefing_get_title (b), ==, "Harbour vote");
  }

  /* Deleted: gone, the next note shown, the toast told; undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "briefing.delete", NULL));
  g_assert_null (dossier_project_get_briefing (project, first));
  g_assert_cmpint (dossier_briefing_page_get_briefing_id (f->page), ==, second);
  g_assert_cmpstr (told, ==, "“Harbour vote” deleted");
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dossier_project_get_briefing (project, first));
}


/* The editor as it is drawn now; the colour at (@x, @y) of its buffer. */
static GdkRGBA
drawn_at (GtkTextView *view,
          double       x,
          double       y)
{
  GtkWidget *widget = GTK_WIDGET (view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int wx, wy;
  guchar *p;

  /* Drawn as GTK draws it in a frame: the text, then the layer above. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &wx, &wy);
  g_assert_cmpint (wx, >=, 0);
  g_assert_cmpint (wy, >=, 0);
  g_assert_cmpint (wx, <, width);
  g_assert_cmpint (wy, <, height);
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, (gsize) width * 4);
  p = data + ((gsize) wy * width + wx) * 4;   /* cairo ARGB32: B, G, R, A */
  return (GdkRGBA) { p[2] / 255.0, p[1] / 255.0, p[0] / 255.0, p[3] / 255.0 };
}

/* Whether the citation the test's mark ("test-citation") is on, from its
 * "[" to its "]", is in view, whole: the lines it is drawn on. */
static gboolean
citation_shown (gpointer data)
{
  GtkTextView *view = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter at;
  GdkRectangle open, close;
  int top, bottom, unused;

  gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_mark (buffer, "test-citation"));
  gtk_text_view_get_cursor_locations (view, &at, &open, NULL);
  gtk_text_iter_forward_chars (&at, 38);
  gtk_text_view_get_cursor_locations (view, &at, &close, NULL);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, open.y, &unused, &top);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, close.y + close.height,
                                         &unused, &bottom);
  if (top >= 0 && bottom <= gtk_widget_get_height (GTK_WIDGET (view)))
    return TRUE;
  /* Asked again: a scroll asked for before the lines' heights were known
   * may have gone to where GTK thought they were. */
  gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_mark (buffer, "test-citation"), 0.0, TRUE, 0.0, 0.5);
  return FALSE;
}

/* A chip's blue: not the page, not the text. */
static void
assert_chip_blue (GdkRGBA c)
{
  if (c.blue < 0.7 || c.red > 0.4 || c.blue - c.red < 0.4)
    g_error ("expected a chip's blue, found rgb(%.2f, %.2f, %.2f)", c.red, c.green, c.blue);
}

/* A citation the wrapping breaks — its "[" ending one line, its "]" the
 * next — is drawn as a pill on each line, the number in the second; one
 * that ends a line is still drawn whole. Paragraphs of growing words
 * glued to a citation put the line's end at every place in one. */
static void
test_chip_across_lines (Fixture       *f,
                        gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, &error);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkTextView *view = dossier_briefing_page_get_editor (f->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  guint n_split = 0, n_whole = 0;
  GtkTextMark *mark;
  GtkTextIter begin;

  g_assert_no_error (error);
  for (int i = 0; i < 40; i++)
    {
      g_string_append_len (body, "Wordswordswordswordswordswordswordswordswordswordswordswordswordswordswordswords",
                           40 + i);
      g_string_append_printf (body, "[@%s].\n\n", dossier_highlight_get_uuid (h));
    }
  dossier_project_add_briefing (project, "Note", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);
  flush_events ();
  gtk_text_buffer_get_start_iter (buffer, &begin);
  mark = gtk_text_buffer_create_mark (buffer, "test-citation", &begin, TRUE);

  for (int offset = 0; offset < gtk_text_buffer_get_char_count (buffer); offset++)
    {
      GtkTextIter start, close;
      GdkRectangle open_at, close_at;
      graphene_rect_t pills[2];
      guint label_pill = 9;
      guint n;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
      if (gtk_text_iter_get_char (&start) != '[')
        continue;
      close = start;
      gtk_text_iter_forward_chars (&close, 38);
      g_assert_cmpint (gtk_text_iter_get_char (&close), ==, ']');
      /* Shown, and so laid out for good (GTK lays out the rest later):
       * scrolled to by a mark, which waits for the lines' heights. */
      gtk_text_buffer_move_mark (buffer, mark, &start);
      gtk_text_view_scroll_to_mark (view, mark, 0.0, TRUE, 0.0, 0.5);
      wait_until (citation_shown, view, "the citation to be scrolled to");
      gtk_text_buffer_get_iter_at_mark (buffer, &start, mark);
      close = start;
      gtk_text_iter_forward_chars (&close, 38);
      gtk_text_view_get_cursor_locations (view, &start, &open_at, NULL);
      gtk_text_view_get_cursor_locations (view, &close, &close_at, NULL);

      n = dossier_briefing_editor_get_chip_pills (DOSSIER_BRIEFING_EDITOR (view), offset, pills, &label_pill);
      if (open_at.y == close_at.y)
        {
          /* One pill from the "[" past the "]". */
          g_assert_cmpuint (n, ==, 1);
          g_assert_cmpuint (label_pill, ==, 0);
          g_assert_cmpfloat (pills[0].origin.x, <=, open_at.x);
          g_assert_cmpfloat (pills[0].origin.x + pills[0].size.width, >, close_at.x + 4);
          n_whole++;
          continue;
        }
      /* Broken: a pill over the "[" on its line, one over the "]" and
       * the number on the next. */
      g_assert_cmpuint (n, ==, 2);
      g_assert_cmpuint (label_pill, ==, 1);
      g_assert_cmpfloat (pills[0].origin.y, >=, open_at.y);
      g_assert_cmpfloat (pills[0].origin.y, <, open_at.y + open_at.height);
      g_assert_cmpfloat (pills[0].origin.x, <=, open_at.x);
      g_assert_cmpfloat (pills[0].origin.x + pills[0].size.width, >, open_at.x + 4);
      g_assert_cmpfloat (pills[1].origin.y, >=, close_at.y);
      g_assert_cmpfloat (pills[1].origin.y, <, close_at.y + close_at.height);
      g_assert_cmpfloat (pills[1].origin.x, <=, close_at.x);
      g_assert_cmpfloat (pills[1].origin.x + pills[1].size.width, >, close_at.x + 4);
      /* And drawn there, both. */
      assert_chip_blue (drawn_at (view, pills[0].origin.x + pills[0].size.width / 2,
                                  pills[0].origin.y + pills[0].size.height / 2));
      assert_chip_blue (drawn_at (view, pills[1].origin.x + 2, pills[1].origin.y + pills[1].size.height / 2));
      n_split++;
    }
  gtk_text_buffer_delete_mark (buffer, mark);
  /* The scrolled window's scrollbars fade out after scrolling: let them,
   * before the tear-down hides the editor (GTK 4.8 complains otherwise). */
  {
    gint64 until = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;

    while (g_get_monotonic_time () < until)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
  }
  /* The paragraphs did break some. */
  g_assert_cmpuint (n_split, >, 0);
  g_assert_cmpuint (n_whole, >, 0);
}

typedef struct
{
  DossierBriefingEditor *editor;
  int                    offset;
} ChipAt;

static gboolean
chip_shown (gpointer data)
{
  ChipAt *chip = data;

  return dossier_briefing_editor_get_chip_at (chip->editor, chip->offset, NULL) != 0;
}

/* Shows the note "The grant [@UUID] holds.", citing the fixture's
 * highlight, with the focus in the editor; the note, its chip's start in
 * @chip (the editor's), its end in *@chip_end. */
static char *
show_note_with_chip (Fixture *f,
                     ChipAt  *chip,
                     int     *chip_end)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, &error);
  GtkTextView *view = dossier_briefing_page_get_editor (f->page);
  char *body;

  g_assert_no_error (error);
  body = g_strdup_printf ("The grant [@%s] holds.", dossier_highlight_get_uuid (h));
  dossier_project_add_briefing (project, "Note", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);
  wait_until (end_at_corner, view, "the editor to lay out its text");
  flush_events ();
  chip->editor = DOSSIER_BRIEFING_EDITOR (view);
  chip->offset = (int) (strchr (body, '[') - body);
  *chip_end = (int) (strchr (body, ']') - body) + 1;
  g_assert_true (chip_shown (chip));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  return body;
}

/* With the keys: BackSpace just after a chip, or Delete just before it,
 * takes the whole citation, and undo brings it back. Before, each took
 * one bracket and left "[@" and the UUID as text. Inside a chip (the
 * cursor after its "["), BackSpace still edits text. Undo brings the chip
 * back as a chip at once, typing paused in between or not, and BackSpace
 * after it takes it whole again: it showed as "[@UUID]" until typing
 * paused, and BackSpace took its "]" alone. */
static void
test_chip_deleted_whole (Fixture       *f,
                         gconstpointer  data)
{
  GtkTextView *view = dossier_briefing_page_get_editor (f->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  ChipAt chip;
  int end;
  g_autofree char *body = show_note_with_chip (f, &chip, &end);
  g_autofree char *text = NULL;

  for (guint i = 0; i < 4; i++)
    {
      GtkTextIter at;

      /* BackSpace after it, Delete before it, BackSpace inside it;
       * BackSpace after it and a pause in typing (the chips shown again
       * without it). */
      gtk_text_buffer_get_iter_at_offset (buffer, &at, i == 1 ? chip.offset : i == 2 ? chip.offset + 1 : end);
      gtk_text_buffer_place_cursor (buffer, &at);
      if (i == 1)
        g_signal_emit_by_name (view, "delete-from-cursor", GTK_DELETE_CHARS, 1);
      else
        g_signal_emit_by_name (view, "backspace");
      text = editor_text (f);
      if (i != 2)
        g_assert_cmpstr (text, ==, "The grant  holds.");
      else
        g_assert_true (g_str_has_prefix (text, "The grant @") && strlen (text) == strlen (body) - 1);
      g_clear_pointer (&text, g_free);
      if (i == 3)
        {
          dossier_briefing_page_commit (f->page);
          g_assert_false (chip_shown (&chip));
        }

      /* Back, and a chip before anything else runs. */
      gtk_text_buffer_undo (buffer);
      text = editor_text (f);
      g_assert_cmpstr (text, ==, body);
      g_clear_pointer (&text, g_free);
      g_assert_true (chip_shown (&chip));

      /* Whole to BackSpace again. */
      gtk_text_buffer_get_iter_at_offset (buffer, &at, end);
      gtk_text_buffer_place_cursor (buffer, &at);
      g_signal_emit_by_name (view, "backspace");
      text = editor_text (f);
      g_assert_cmpstr (text, ==, "The grant  holds.");
      g_clear_pointer (&text, g_free);
      gtk_text_buffer_undo (buffer);
      g_assert_true (chip_shown (&chip));
    }
}

static gboolean
buffer_says (gpointer data)
{
  LabelShown *wanted = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (wanted->widget));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  return g_strcmp0 (text, wanted->text) == 0;
}

/* The arrow keys step over a chip as over one character: Left after it
 * lands before it, Right before it after it, Shift+Left selects it
 * whole, so that cut and pasted elsewhere it is a citation still. Before,
 * a step stopped after its "[" (the UUID is hidden), and the chip that
 * looked selected was cut without its "[". */
static void
test_chip_one_step (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextView *view = dossier_briefing_page_get_editor (f->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  ChipAt chip;
  int chip_end;
  g_autofree char *body = show_note_with_chip (f, &chip, &chip_end);
  g_autofree char *moved = g_strdup_printf ("%.*sThe grant  holds.", chip_end - chip.offset, body + chip.offset);
  LabelShown wanted;
  GtkTextIter at, start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &at, chip_end);
  gtk_text_buffer_place_cursor (buffer, &at);
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_VISUAL_POSITIONS, -1, FALSE);
  gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&at), ==, chip.offset);
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_VISUAL_POSITIONS, 1, FALSE);
  gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&at), ==, chip_end);

  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_VISUAL_POSITIONS, -1, TRUE);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, chip.offset);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, chip_end);

  /* Cut, and pasted at the start: a citation there. */
  g_signal_emit_by_name (view, "cut-clipboard");
  gtk_text_buffer_get_start_iter (buffer, &at);
  gtk_text_buffer_place_cursor (buffer, &at);
  g_signal_emit_by_name (view, "paste-clipboard");
  wanted = (LabelShown) { GTK_WIDGET (view), moved };
  wait_until (buffer_says, &wanted, "the chip pasted at the start");
}

/* Chips are placed once, not at every frame (GTK draws frame after frame
 * while it lays out a long note, and placing a chip walks its line), and
 * again when the text moves: drawn where they are after typing above
 * them and before them on their line. */
static void
test_chip_placed_once (Fixture       *f,
                       gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, f->highlight, &error);
  g_autofree char *body = NULL;
  GtkTextView *view = dossier_briefing_page_get_editor (f->page);
  DossierBriefingEditor *editor = DOSSIER_BRIEFING_EDITOR (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  graphene_rect_t before[2], after[2];
  GtkTextIter at;
  guint64 placed;
  guint label_pill;
  int offset;

  g_assert_no_error (error);
  body = g_strdup_printf ("A first line.\n\nThe grant [@%s] holds.", dossier_highlight_get_uuid (h));
  dossier_project_add_briefing (project, "Note", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);
  wait_until (end_at_corner, view, "the editor to lay out its text");
  flush_events ();
  offset = (int) (strchr (body, '[') - body);

  g_assert_cmpuint (dossier_briefing_editor_get_chip_pills (editor, offset, before, &label_pill), ==, 1);
  assert_chip_blue (drawn_at (view, before[0].origin.x + 2, before[0].origin.y + before[0].size.height / 2));
  placed = dossier_briefing_editor_get_n_placed (editor);
  g_assert_cmpuint (placed, >, 0);
  for (guint i = 0; i < 3; i++)
    drawn_at (view, before[0].origin.x + 2, before[0].origin.y + before[0].size.height / 2);
  g_assert_cmpuint (dossier_briefing_editor_get_n_placed (editor), ==, placed);

  /* A line more above it, and words before it on its line. */
  gtk_text_buffer_get_start_iter (buffer, &at);
  gtk_text_buffer_insert (buffer, &at, "A line above.\n\n", -1);
  offset += (int) strlen ("A line above.\n\n");
  gtk_text_buffer_get_iter_at_offset (buffer, &at, offset);
  gtk_text_buffer_insert (buffer, &at, "indeed ", -1);
  offset += (int) strlen ("indeed ");
  flush_events ();
  g_assert_cmpuint (dossier_briefing_editor_get_chip_pills (editor, offset, after, &label_pill), ==, 1);
  g_assert_cmpfloat (after[0].origin.y, >, before[0].origin.y);
  g_assert_cmpfloat (after[0].origin.x, >, before[0].origin.x);
  assert_chip_blue (drawn_at (view, after[0].origin.x + 2, after[0].origin.y + after[0].size.height / 2));
  g_assert_cmpuint (dossier_briefing_editor_get_n_placed (editor), >, placed);
}

/* The page narrow at 360 px, and its toolbar laid out for it: the
 * switch between editor and preview shown (in an idle after the page
 * goes narrow), and within the page's width. */
static gboolean
page_goes_narrow (gpointer page)
{
  return dossier_briefing_page_get_narrow (page);
}

static gboolean
page_width_360 (gpointer page)
{
  GtkWidget *toolbar = gtk_widget_get_first_child (page);

  if (gtk_widget_get_width (page) != 360 || !dossier_briefing_page_get_narrow (page))
    return FALSE;
  for (GtkWidget *control = gtk_widget_get_first_child (toolbar); control != NULL;
       control = gtk_widget_get_next_sibling (control))
    {
      graphene_rect_t bounds;

      if (gtk_widget_has_css_class (control, "linked") && !gtk_widget_get_visible (control))
        return FALSE;
      if (gtk_widget_get_visible (control) &&
          (!gtk_widget_get_mapped (control) || !gtk_widget_compute_bounds (control, page, &bounds) ||
           bounds.origin.x + bounds.size.width > 360))
        return FALSE;
    }
  return TRUE;
}

/* At a phone's width the toolbar goes on to a second line rather than
 * squeezing the note's title to nothing (“…” beside the buttons, in
 * Spanish): the chooser gets what it asks for (up to 30 characters of the
 * title), every control inside the page's width, none over another. */
static void
test_toolbar_narrow (Fixture       *f,
                     gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  GtkWidget *toolbar = gtk_widget_get_first_child (GTK_WIDGET (f->page));
  GtkWidget *chooser = gtk_widget_get_first_child (toolbar);
  graphene_rect_t previous = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  int nat, min = 0;

  dossier_project_add_briefing (project, "Harbour Bridge: what the three reports say", NULL, 0, "", &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  /* The moment the page goes narrow, before it hides a pane, it asks for
   * no more than the window has: measured then (as a loaded machine may),
   * it widened the window to the two panes' width, for good. */
  wait_until (page_goes_narrow, f->page, "the page to go narrow");
  gtk_widget_queue_resize (GTK_WIDGET (f->page));
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  wait_until (page_width_360, f->page, "the page narrow at 360 px");
  flush_events ();
  wait_until (page_width_360, f->page, "the page still narrow at 360 px");

  g_assert_true (GTK_IS_DROP_DOWN (chooser));
  gtk_widget_measure (chooser, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (chooser) + gtk_widget_get_margin_start (chooser) +
                   gtk_widget_get_margin_end (chooser), >=, MIN (nat, 360 - 12));
  g_assert_cmpint (gtk_widget_get_width (chooser), >=, 200);
  for (GtkWidget *control = chooser; control != NULL; control = gtk_widget_get_next_sibling (control))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_visible (control))
        continue;
      g_assert_true (gtk_widget_get_mapped (control));
      g_assert_true (gtk_widget_compute_bounds (control, GTK_WIDGET (f->page), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 360);
      g_assert_false (graphene_rect_intersection (&bounds, &previous, NULL));
      previous = bounds;
    }
}

typedef struct
{
  GtkWidget  *popover;
  const char *short_title;
  const char *long_title;
} ChooserRows;

static gboolean
chooser_rows_laid_out (gpointer data)
{
  ChooserRows *rows = data;
  GtkWidget *short_label = find_label (rows->popover, rows->short_title);
  GtkWidget *long_label = find_label (rows->popover, rows->long_title);

  return short_label != NULL && long_label != NULL && gtk_widget_get_mapped (long_label) &&
         gtk_widget_get_height (short_label) > 0 && gtk_widget_get_height (long_label) > 0;
}

/* The chooser's list shows a long title over three lines at most, its
 * end cut with "…", as the other lists show one: a title of 500
 * characters made a row five lines tall, and the list reads 1,000 of a
 * file's from elsewhere. */
static void
test_chooser_rows (Fixture       *f,
                   gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_title = g_string_new (NULL);
  GtkWidget *chooser = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (f->page)));
  ChooserRows rows = { NULL, "Quay", NULL };
  GtkWidget *short_label, *long_label;
  int line;

  while (g_utf8_strlen (long_title->str, -1) + 20 <= DOSSIER_BRIEFING_MAX_TITLE)
    g_string_append (long_title, "Harbour bridge notes ");
  g_strchomp (long_title->str);
  rows.long_title = long_title->str;
  dossier_project_add_briefing (project, rows.short_title, NULL, 0, "", &error);
  g_assert_no_error (error);
  dossier_project_add_briefing (project, rows.long_title, NULL, 0, "", &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, project);
  flush_events ();

  g_assert_true (GTK_IS_DROP_DOWN (chooser));
  g_signal_emit_by_name (chooser, "activate");
  rows.popover = find_descendant (chooser, GTK_TYPE_POPOVER);
  g_assert_nonnull (rows.popover);
  wait_until (chooser_rows_laid_out, &rows, "the chooser's rows");

  short_label = find_label (rows.popover, rows.short_title);
  long_label = find_label (rows.popover, rows.long_title);
  line = gtk_widget_get_height (short_label);
  /* Wrapped, over three lines and no more, "…" at their end. */
  g_assert_cmpint (gtk_widget_get_height (long_label), >, 2 * line);
  g_assert_cmpint (gtk_widget_get_height (long_label), <=, 3 * line + 2);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (long_label))));
  gtk_popover_popdown (GTK_POPOVER (rows.popover));
}

static gboolean
page_wide (gpointer page)
{
  return gtk_widget_get_width (page) > 2000;
}

/* On a wide screen (2,560 px) the preview keeps a measure that reads, in
 * the middle of its pane: its lines were as long as the pane, ~1,400 px
 * beside the editor at 2,560 in the window, ~1,990 here. */
static void
test_preview_measure (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *preview = GTK_WIDGET (dossier_briefing_page_get_preview (f->page));
  graphene_rect_t bounds;
  g_autoptr(GError) error = NULL;
  gint64 id;

  dossier_briefing_page_set_project (f->page, f->base.project);
  id = dossier_project_add_briefing (f->base.project, "Note", NULL, 0,
                                     "The grant is large, and it comes on a condition that the works begin "
                                     "before the end of the year, which the council's own timetable does "
                                     "not promise.", &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);
  resize_toplevel (GTK_WINDOW (f->window), 2560, 700);
  wait_until (page_wide, f->page, "the page 2,560 px wide");
  flush_events ();

  g_assert_false (dossier_briefing_page_get_narrow (f->page));
  g_assert_true (gtk_widget_compute_bounds (preview, GTK_WIDGET (f->page), &bounds));
  g_assert_cmpfloat (bounds.size.width, <=, 720);
  g_assert_cmpfloat (bounds.size.width, >=, 600);
  /* Its text is on more than one line. */
  g_assert_cmpint (gtk_widget_get_height (preview), >,
                   2 * pango_font_description_get_size (pango_context_get_font_description (
                         gtk_widget_get_pango_context (preview))) / PANGO_SCALE);
}

/* The preview's labels: the first, then those made as it was scrolled. */
static GtkWidget *
preview_rest (Fixture *f)
{
  return gtk_widget_get_next_sibling (GTK_WIDGET (dossier_briefing_page_get_preview (f->page)));
}

/* The preview's text, its labels' joined (each but the last ends with a
 * line break, for the blank line between blocks), and how many there are. */
static char *
preview_text (Fixture *f,
              guint   *n_labels)
{
  GString *text = g_string_new (gtk_label_get_text (dossier_briefing_page_get_preview (f->page)));
  guint n = 1;

  for (GtkWidget *label = gtk_widget_get_first_child (preview_rest (f)); label != NULL;
       label = gtk_widget_get_next_sibling (label), n++)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, gtk_label_get_text (GTK_LABEL (label)));
    }
  *n_labels = n;
  return g_string_free (text, FALSE);
}

/* Whether a line of @label's layout begins with a citation's "[". */
static gboolean
label_has_line_at_citation (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      const char *start = text + ((PangoLayoutLine *) l->data)->start_index;

      if (*start == '[')
        return TRUE;
    }
  return FALSE;
}

static gboolean
widget_has_width (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

/* No line of the preview begins with a citation's number: paragraphs whose
 * words before "reported.[1] [1][1]" grow two characters at a time bring
 * the citations to the end of a line at every place. */
static void
test_preview_citations_stay (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (f->base.project, f->highlight, NULL);
  const char *uuid = dossier_highlight_get_uuid (h);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_labels = 0;

  for (guint i = 0; i < 28; i++)
    {
      for (guint j = 0; j < 24 + i; j++)
        g_string_append (body, "a ");
      g_string_append_printf (body, "reported.[@%s] [@%s][@%s]\n\n", uuid, uuid, uuid);
    }
  dossier_project_add_briefing (f->base.project, "Note", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, f->base.project);
  wait_until (widget_has_width, dossier_briefing_page_get_preview (f->page), "the preview laid out");

  for (GtkWidget *label = GTK_WIDGET (dossier_briefing_page_get_preview (f->page)); label != NULL;
       label = label == GTK_WIDGET (dossier_briefing_page_get_preview (f->page))
               ? gtk_widget_get_first_child (preview_rest (f)) : gtk_widget_get_next_sibling (label), n_labels++)
    {
      g_assert_cmpint (gtk_widget_get_width (label), >, 100);
      g_assert_cmpint (gtk_widget_get_width (label), <, 800);
      g_assert_false (label_has_line_at_citation (GTK_LABEL (label)));
    }
  g_assert_cmpuint (n_labels, >=, 1);
}

/* The text @clipboard holds, read from what this process put on it. */
static char *
clipboard_text (GdkClipboard *clipboard)
{
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  return g_value_dup_string (&value);
}

/* A paragraph copied from the preview (Copy, Ctrl+C, or selected for the
 * middle button) is the text the preview shows, without the word joiners
 * that keep each citation on the line of its word: they went into the
 * reader's e-mail as invisible characters. The preview still begins no
 * line with a citation (preview-citations-stay). */
static void
test_preview_copy (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (f->base.project, f->highlight, NULL);
  const char *uuid = dossier_highlight_get_uuid (h);
  g_autofree char *body = g_strdup_printf ("The grant is *large*.[@%s] It has a condition [@%s][@%s].",
                                           uuid, uuid, uuid);
  const char *expected = "The grant is large.[1] It has a condition [1][1].";
  GtkLabel *preview = dossier_briefing_page_get_preview (f->page);
  g_autoptr(GError) error = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *selected = NULL;

  dossier_project_add_briefing (f->base.project, "Note", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_project (f->page, f->base.project);
  gtk_label_select_region (preview, 0, -1);
  selected = clipboard_text (gtk_widget_get_primary_clipboard (GTK_WIDGET (preview)));
  g_assert_cmpstr (selected, ==, expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "clipboard.copy", NULL));
  copied = clipboard_text (gtk_widget_get_clipboard (GTK_WIDGET (preview)));
  g_assert_cmpstr (copied, ==, expected);
  g_assert_cmpstr (gtk_label_get_text (preview), ==, expected);
}

typedef struct
{
  Fixture *f;
  guint    n_labels;
} PreviewGrowth;

/* Scrolled to the end, whether another label came. */
static gboolean
preview_grew (gpointer data)
{
  PreviewGrowth *growth = data;
  guint n = 0;
  g_autofree char *text = preview_text (growth->f, &n);

  return n > growth->n_labels;
}

/* The words a preview cut short ends with, in its last label: the last
 * chunk, after which no label comes. */
#define PREVIEW_ENDS "The preview ends here: the note is too long to show whole. " \
                     "Export it to read all of it."

static gboolean
preview_at_end (gpointer data)
{
  guint n;
  g_autofree char *text = preview_text (data, &n);

  return g_str_has_suffix (text, PREVIEW_ENDS);
}

/* The preview (of a note too long to show whole) scrolled to its end,
 * each next label waited for, until the one that says where it ends:
 * not a moment's wait for a label that does not come. */
static void
scroll_preview_to_end (Fixture *f)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (preview_rest (f), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  while (!preview_at_end (f))
    {
      PreviewGrowth growth = { f, 0 };
      g_autofree char *text = preview_text (f, &growth.n_labels);

      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->page));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      wait_until (preview_grew, &growth, "the preview's next label");
    }
}

/* A note far longer than a preview can show (a project file may hold one
 * of megabytes): the preview shows its beginning and says where it stops,
 * as a label's markup of the whole note would take Pango minutes. What it
 * shows is laid out as it is scrolled to, in labels of about 4 KB of
 * markup cut between blocks: one label of 128 KB took Pango ~1.5 s of CPU
 * when the note was shown, and again at every change, a first label of
 * 16 KB ~190 ms. Scrolled to the
 * end, the labels are what the one label was; changed, the note's
 * preview starts again from its first label. */
static void
test_preview_long_note (Fixture       *f,
                        gconstpointer  data)
{
  GtkLabel *preview = dossier_briefing_page_get_preview (f->page);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  guint n_labels = 0;
  gint64 id;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (body, "Paragraph %u says *this* and **that**.\n\n", i);
  dossier_briefing_page_set_project (f->page, f->base.project);
  id = dossier_project_add_briefing (f->base.project, "Long", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);
  flush_events ();

  /* At first, the labels that fill the pane and a page more. */
  shown = preview_text (f, &n_labels);
  g_assert_true (g_str_has_prefix (shown, "Paragraph 0 says this and that.\n\nParagraph 1 says"));
  g_assert_cmpuint (strlen (gtk_label_get_label (preview)), <, 6 * 1024);
  g_assert_cmpuint (strlen (shown), <, 40 * 1024);
  g_clear_pointer (&shown, g_free);

  scroll_preview_to_end (f);
  shown = preview_text (f, &n_labels);
  g_assert_cmpuint (n_labels, >, 5);
  g_assert_true (g_str_has_prefix (shown, "Paragraph 0 says this and that.\n\nParagraph 1 says"));
  /* Cut between blocks, nothing lost or doubled. */
  for (guint i = 1; i < 2000; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n\nParagraph %u says this and that.\n\nParagraph %u says",
                                               i, i + 1);

      g_assert_nonnull (strstr (shown, line));
    }
  g_assert_null (strstr (shown, "Paragraph 4999 "));
  g_assert_true (g_str_has_suffix (shown, PREVIEW_ENDS));
  g_clear_pointer (&shown, g_free);

  /* Changed elsewhere: from its first label again. */
  g_assert_true (dossier_project_set_briefing_body (f->base.project, id, "# Short now\n\nA line.", &error));
  g_assert_no_error (error);
  flush_events ();
  shown = preview_text (f, &n_labels);
  g_assert_cmpstr (shown, ==, "Short now\n\nA line.");
  g_assert_cmpuint (n_labels, ==, 1);
}

/* The text of each of the preview's labels, in order. */
static GPtrArray *
preview_labels (Fixture *f)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (labels, g_strdup (gtk_label_get_text (dossier_briefing_page_get_preview (f->page))));
  for (GtkWidget *label = gtk_widget_get_first_child (preview_rest (f)); label != NULL;
       label = gtk_widget_get_next_sibling (label))
    g_ptr_array_add (labels, g_strdup (gtk_label_get_text (GTK_LABEL (label))));
  return labels;
}

/* The markup of the preview's label @n (0, the first). */
static const char *
preview_label_markup (Fixture *f,
                      guint    n)
{
  GtkWidget *label = GTK_WIDGET (dossier_briefing_page_get_preview (f->page));

  for (GtkWidget *rest = gtk_widget_get_first_child (preview_rest (f)); n > 0; n--)
    {
      label = rest;
      rest = gtk_widget_get_next_sibling (rest);
    }
  return gtk_label_get_label (GTK_LABEL (label));
}

/* A note of one paragraph of 150 KB (a file may hold one): the preview
 * is cut inside it, as between blocks, into labels of about 4 KB, at a
 * sentence's end: it was one label of 128 KB, which took Pango ~1 s of
 * CPU each time it was shown. The labels join up to what the one label
 * showed; each ends at a sentence's end and the next starts with the
 * next sentence; the bold span a cut falls in goes on in the next label;
 * no citation mark is cut from its word. */
static void
test_preview_long_paragraph (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (f->base.project, f->highlight, &error);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GPtrArray) labels = NULL;
  gint64 id;

  /* Sentences 0–299 of each 600 bold. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (body, "%sSentence %u says this [@%s].%s ", i % 600 == 0 ? "**" : "", i,
                            dossier_highlight_get_uuid (h), i % 600 == 299 ? "**" : "");
  dossier_briefing_page_set_project (f->page, f->base.project);
  id = dossier_project_add_briefing (f->base.project, "One paragraph", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);
  flush_events ();

  labels = preview_labels (f);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (labels, 0), "Sentence 0 says this [1]. Sentence 1 "));
  g_assert_cmpuint (strlen (g_ptr_array_index (labels, 0)), <, 6 * 1024);
  g_assert_cmpuint (strlen (preview_label_markup (f, 0)), <, 8 * 1024);
  g_clear_pointer (&labels, g_ptr_array_unref);

  scroll_preview_to_end (f);
  labels = preview_labels (f);
  g_assert_cmpuint (labels->len, >, 5);
  for (guint n = 0; n < labels->len; n++)
    {
      const char *text = g_ptr_array_index (labels, n);
      const char *markup = preview_label_markup (f, n);
      guint k;

      g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
      /* The last is cut where the preview ends. */
      if (n + 1 < labels->len)
        {
          g_assert_cmpuint (test_count_occurrences (text, "this [1]."), ==, test_count_occurrences (text, "this"));
          g_assert_true (g_str_has_suffix (text, "[1]. "));
        }
      if (n == 0)
        continue;
      /* Its first sentence, bold if it is in a bold run. */
      g_assert_cmpint (sscanf (text, "Sentence %u says", &k), ==, 1);
      g_assert_true (g_str_has_prefix (markup, "<b>") == (k % 600 < 300));
    }

  /* Nothing lost or doubled, up to the notice where it ends. */
  for (guint n = 0; n + 1 < labels->len; n++)
    g_string_append (joined, g_ptr_array_index (labels, n));
  for (guint i = 0; i < 1650; i++)
    {
      g_autofree char *sentence = g_strdup_printf ("Sentence %u says this [1]. Sentence %u says", i, i + 1);

      g_assert_nonnull (strstr (joined->str, sentence));
    }
  g_assert_true (g_str_has_suffix (g_ptr_array_index (labels, labels->len - 1), PREVIEW_ENDS));
}

/* A paragraph citing the same passage 200 times (a file may hold such a
 * note; on one line of 9,200 bytes, short enough to edit): the first
 * fifty citations of a paragraph are chips, the rest are left as written,
 * as chips on one line cost GTK time growing with their square at every
 * frame; a new paragraph has chips again. */
static void
test_chips_bounded (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextView *view = dossier_briefing_page_get_editor (f->page);
  DossierBriefingEditor *editor = DOSSIER_BRIEFING_EDITOR (view);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (f->base.project, f->highlight, &error);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *citation = g_strdup_printf ("[@%s]", dossier_highlight_get_uuid (h));
  /* "Claim [@…] " is 46 characters. */
  const int run = 6 + 39 + 1;
  gint64 id;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (body, "Claim %s ", citation);
  g_string_append_printf (body, "\n\nAgain %s.", citation);
  dossier_briefing_page_set_project (f->page, f->base.project);
  id = dossier_project_add_briefing (f->base.project, "Many", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);
  flush_events ();

  g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 6, NULL), ==, 1);
  g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 49 * run + 6, NULL), ==, 1);
  g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 50 * run + 6, NULL), ==, 0);
  g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 199 * run + 6, NULL), ==, 0);
  g_assert_cmpuint (dossier_briefing_editor_get_chip_at (editor, 200 * run + 2 + 6, NULL), ==, 1);
}

/* A note of 200,000 '[' (a file from someone else): with no space in
 * it, Pango wraps it character by character and shapes again, for each
 * line, all that is left of it; the label's measures took minutes and the
 * window hung. Cut in pieces, it is laid out as any text: the preview
 * shows its first 128 KB wrapped to the pane, in labels of about 4 KB
 * (one label of it took Pango ~1 s of CPU), the editor all of it. */
static void
test_unbroken_run (Fixture       *f,
                   gconstpointer  data)
{
  GtkLabel *preview = dossier_briefing_page_get_preview (f->page);
  g_autofree char *body = g_strnfill (200000, '[');
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  const char *shown;
  guint n_brackets = 0;
  gint64 id;

  dossier_briefing_page_set_project (f->page, f->base.project);
  id = dossier_project_add_briefing (f->base.project, "Brackets", NULL, 0, body, &error);
  g_assert_no_error (error);
  dossier_briefing_page_set_briefing_id (f->page, id);
  flush_events ();

  /* At first a label of about 4 KB of it, wrapped to its pane: taller
   * than wide. */
  shown = gtk_label_get_text (preview);
  g_assert_true (g_str_has_prefix (shown, "[[[[[[[["));
  g_assert_cmpuint (strlen (shown), <, 6 * 1024);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (preview)), >, gtk_widget_get_width (GTK_WIDGET (preview)));
  /* Scrolled to the end, labels of its first 128 KB, cut where there is
   * no space to cut at. */
  scroll_preview_to_end (f);
  labels = preview_labels (f);
  g_assert_cmpuint (labels->len, >=, 8);
  for (guint n = 0; n < labels->len; n++)
    {
      const char *label = g_ptr_array_index (labels, n);

      g_assert_cmpuint (strlen (label), <, 6 * 1024);
      n_brackets += test_count_occurrences (label, "[");
    }
  g_assert_cmpuint (n_brackets, ==, 128 * 1024);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (labels, labels->len - 1), "Export it to read all of it."));
  /* The editor shows all of it, read-only in lines of 1,000. */
  g_assert_false (gtk_text_view_get_editable (dossier_briefing_page_get_editor (f->page)));
  text = editor_text (f);
  g_assert_cmpuint (strlen (text), ==, 200000 + 199);
  g_assert_cmpuint (test_count_occurrences (text, "["), ==, 200000);
  dossier_briefing_page_commit (f->page);
  g_assert_cmpstr (dossier_briefing_get_body (dossier_project_get_briefing (f->base.project, id)), ==, body);
}

/* The first label at or below @widget whose text holds @part, or NULL. */
static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first menu button at or below @widget labelled @label, or NULL. */
static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *label)
{
  if (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether no line of @text is longer than @most bytes. */
static gboolean
lines_within (const char *text,
              gsize       most)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strlen (lines[i]) > most)
      return FALSE;
  return TRUE;
}

/* A note with a paragraph of 200 KB on one line (a file from someone
 * else): GTK lays out a paragraph whole, and the page took 31 s to show
 * it (15 s of CPU), again at each change. It is shown read-only, its long
 * line cut into lines of at most 1,000 bytes at spaces, with why above
 * it; nothing of it is saved back (the note stays byte for byte, no step
 * in the history), nothing can be cited into it. Another note, or the
 * same one after a change from elsewhere leaves no long line, is edited
 * as ever; undoing that change shows it read-only again. */
static void
test_long_line_read_only (Fixture       *f,
                          gconstpointer  data)
{
  DossierProject *project = f->base.project;
  GtkTextView *view = dossier_briefing_page_get_editor (f->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GString) body = g_string_new ("## Purpose\n\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *label;
  guint64 step;
  gint64 id, other;

  while (body->len < 200 * 1024)
    g_string_append (body, "The council voted on the bridge, and the traders wrote to the ministry. ");
  g_string_append (body, "\n\nA short paragraph after it.\n");
  dossier_briefing_page_set_project (f->page, project);
  other = dossier_project_add_briefing (project, "Short", NULL, 0, "# Short\n\nA note.", &error);
  g_assert_no_error (error);
  id = dossier_project_add_briefing (project, "Long", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  step = dossier_project_get_undo_step (project);
  dossier_briefing_page_set_briefing_id (f->page, id);
  flush_events ();

  /* Read-only, saying why, with all of the note's text. */
  g_assert_false (gtk_text_view_get_editable (view));
  label = find_label_containing (GTK_WIDGET (f->page), "characters on one line, too many to edit here");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_drawable (label));
  expected = g_strdup_printf ("%'u characters", (guint) (body->len - strlen ("## Purpose\n\n") -
                                                         strlen ("\n\nA short paragraph after it.\n")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), expected));
  text = editor_text (f);
  g_assert_true (lines_within (text, 1000));
  g_assert_true (g_str_has_prefix (text, "## Purpose\n\nThe council voted"));
  g_assert_true (g_str_has_suffix (text, "ministry. \n\nA short paragraph after it.\n"));
  {
    /* Cut at spaces (each line of the paragraph ends with one), and
     * nothing else: joined, the lines are the paragraph. */
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    guint n = g_strv_length (lines);
    g_autofree char *joined = NULL;
    gsize paragraph = body->len - strlen ("## Purpose\n\n") - strlen ("\n\nA short paragraph after it.\n");

    g_assert_cmpuint (n, >, 200 + 6);
    g_assert_cmpstr (lines[n - 3], ==, "");
    for (guint i = 2; i < n - 3; i++)
      g_assert_true (g_str_has_suffix (lines[i], " "));
    /* The cut lines alone: the array ends there for the join, then is
     * whole again, so that g_strfreev () frees the lines after it too. */
    {
      char *blank = lines[n - 3];

      lines[n - 3] = NULL;
      joined = g_strjoinv ("", lines + 2);
      lines[n - 3] = blank;
    }
    g_assert_cmpuint (strlen (joined), ==, paragraph);
    g_assert_true (strncmp (joined, body->str + strlen ("## Purpose\n\n"), paragraph) == 0);
  }
  g_clear_pointer (&text, g_free);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (dossier_briefing_page_get_preview (f->page)),
                                   "Purpose\n\nThe council voted"));

  /* Nothing goes back into the note, nothing is cited into it. */
  g_assert_false (gtk_widget_get_sensitive (find_menu_button (GTK_WIDGET (f->page), "_Cite")));
  g_assert_false (dossier_briefing_page_cite_highlight (f->page, f->highlight));
  dossier_briefing_page_commit (f->page);
  dossier_briefing_page_set_briefing_id (f->page, other);
  flush_events ();
  g_assert_cmpstr (dossier_briefing_get_body (dossier_project_get_briefing (project, id)), ==, body->str);
  g_assert_cmpuint (dossier_project_get_undo_step (project), ==, step);

  /* Another note is edited as before. */
  g_assert_true (gtk_text_view_get_editable (view));
  g_assert_false (gtk_widget_is_drawable (label));
  gtk_text_buffer_set_text (buffer, "# Short\n\nA note, edited.", -1);
  dossier_briefing_page_commit (f->page);
  g_assert_cmpstr (dossier_briefing_get_body (dossier_project_get_briefing (project, other)), ==,
                   "# Short\n\nA note, edited.");

  /* The long note made short elsewhere is edited; undone, read-only again. */
  dossier_briefing_page_set_briefing_id (f->page, id);
  flush_events ();
  g_assert_true (dossier_project_set_briefing_body (project, id, "Made short.", &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_true (gtk_text_view_get_editable (view));
  text = editor_text (f);
  g_assert_cmpstr (text, ==, "Made short.");
  g_clear_pointer (&text, g_free);
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_true (gtk_widget_is_drawable (label));
  dossier_briefing_page_commit (f->page);
  g_assert_cmpstr (dossier_briefing_get_body (dossier_project_get_briefing (project, id)), ==, body->str);
}

/* The count of characters above a note shown read-only is grouped as the
 * locale writes numbers: "208800" read as a jumble of digits. C has no
 * grouping; en_US and es_ES are checked where they are installed. */
static void
test_read_only_count_grouped (Fixture       *f,
                              gconstpointer  data)
{
  static const struct { const char *locale; const char *count; } cases[] = {
    { "C.UTF-8", "12345 characters" },
    { "en_US.UTF-8", "12,345 characters" },
    { "es_ES.UTF-8", "12.345 characters" },
  };
  g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *body = g_strnfill (12345, 'x');
  g_autoptr(GError) error = NULL;
  guint checked = 0;
  gint64 id, other;

  dossier_briefing_page_set_project (f->page, f->base.project);
  other = dossier_project_add_briefing (f->base.project, "Short", NULL, 0, "A note.", &error);
  g_assert_no_error (error);
  id = dossier_project_add_briefing (f->base.project, "Long", NULL, 0, body, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *label;

      if (setlocale (LC_NUMERIC, cases[i].locale) == NULL)
        {
          g_test_message ("%s is not installed: not checked", cases[i].locale);
          continue;
        }
      dossier_briefing_page_set_briefing_id (f->page, other);
      dossier_briefing_page_set_briefing_id (f->page, id);
      flush_events ();
      label = find_label_containing (GTK_WIDGET (f->page), "on one line, too many to edit here");
      g_assert_nonnull (label);
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), cases[i].count));
      checked++;
    }
  setlocale (LC_NUMERIC, numeric);
  if (checked < 2)
    g_test_skip ("no locale with grouping installed (en_US.UTF-8, es_ES.UTF-8)");
}

/* The toolbar's controls have their tooltips, set in code (in the
 * template GTK would ask X where the pointer is for each). */
static void
test_tooltips (Fixture       *f,
               gconstpointer  data)
{
  static const char *const tooltips[] = {
    "Briefing note to edit",
    "New Briefing Note",
    "Insert a citation of a highlight (Ctrl+K)",
    "Edit the Note",
    "Preview the Note",
    "Note Menu",
    "Export or Print the Note",
  };

  assert_tooltips (GTK_WIDGET (f->page), tooltips, G_N_ELEMENTS (tooltips));
}

int
main (int   argc,
      char *argv[])
{
  /* The rows' names read back (GTK's test backend for accessibility). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/dossier/briefing-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new-and-commit", test_new_and_commit);
  ADD ("tooltips", test_tooltips);
  ADD ("citations", test_citations);
  ADD ("chip-tags-untouched", test_chip_tags_untouched);
  ADD ("citation-follows-highlight", test_citation_follows_highlight);
  ADD ("sources-lines", test_sources_lines);
  ADD ("sources-section", test_sources_section);
  ADD ("sources-rows", test_sources_rows);
  g_test_add_func ("/dossier/briefing-page/source-opens-passage", test_source_opens_passage);
  ADD ("preview-citations-stay", test_preview_citations_stay);
  ADD ("preview-copy", test_preview_copy);
  ADD ("cite-picker", test_cite_picker);
  ADD ("export-chooser-folder", test_export_chooser_folder);
  ADD ("chip-across-lines", test_chip_across_lines);
  ADD ("chip-placed-once", test_chip_placed_once);
  ADD ("chip-deleted-whole", test_chip_deleted_whole);
  ADD ("chip-one-step", test_chip_one_step);
  ADD ("print", test_print);
  ADD ("export", test_export);
  ADD ("evidence-meter", test_evidence_meter);
  ADD ("evidence-meter-unverified", test_evidence_meter_unverified);
  ADD ("evidence-meter-prompts", test_evidence_meter_prompts);
  ADD ("cite-action-and-drop", test_cite_action_and_drop);
  ADD ("cite-scrolled-to", test_cite_scrolled_to);
  ADD ("end-chip-in-sight", test_end_chip_in_sight);
  ADD ("rename-and-delete", test_rename_and_delete);
  ADD ("toolbar-narrow", test_toolbar_narrow);
  ADD ("preview-measure", test_preview_measure);
  ADD ("preview-long-note", test_preview_long_note);
  ADD ("preview-long-paragraph", test_preview_long_paragraph);
  ADD ("chips-bounded", test_chips_bounded);
  ADD ("unbroken-run", test_unbroken_run);
  ADD ("long-line-read-only", test_long_line_read_only);
  ADD ("read-only-count-grouped", test_read_only_count_grouped);
  ADD ("chooser-rows", test_chooser_rows);

#undef ADD

  return g_test_run ();
}
