/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-briefing-session.c — a briefing note written in the real window
 * from the three sample articles, as a person would: a new project, the
 * articles imported, a passage of each highlighted in the reader, a note
 * started on the Brief page, sentences typed and each passage cited — one
 * from its card's "Cite in Briefing" (briefing.cite, answered by the
 * window), one by dropping its card on the editor, one from the page's own
 * action — and, once typing pauses, the note exported (Markdown) and
 * printed to a PDF, both read back: every quote, its document's title and
 * outlet, numbered in the order cited, nothing unverified. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-briefing-page.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  const char *file;
  const char *outlet;
  const char *passage;   /* plain words, unchanged by escaping */
} Article;

static const Article articles[] = {
  { "harbor-bridge-tribune.html", "The Calder Tribune", "the city council voted 31 to 24 late on Tuesday night" },
  { "harbor-bridge-civic-ledger.md", "The Civic Ledger", "neither of which is costed" },
  { "harbor-bridge-wire.txt", NULL, "apply to every city equally" },
};

static gboolean
not_importing (gpointer data)
{
  return !dossier_window_is_importing (DOSSIER_WINDOW (data));
}

/* Highlights @passage in the document shown, with the codebook's first tag
 * (its number key), as the reader does. Returns the highlight. */
static DossierHighlight *
highlight_passage (DossierWindow *window,
                   const char    *passage)
{
  DossierProject *project = dossier_window_get_project (window);
  gint64 document = dossier_window_get_document_id (window);
  g_autofree char *text = dossier_project_get_document_text (project, document, NULL);
  g_autoptr(GPtrArray) highlights = NULL;
  const char *hit;
  gint64 start;

  g_assert_nonnull (text);
  hit = strstr (text, passage);
  if (hit == NULL)
    g_error ("The sample article no longer contains “%s”", passage);
  start = g_utf8_pointer_to_offset (text, hit);
  dossier_document_view_select_range (dossier_window_get_document_view (window), start,
                                      start + g_utf8_strlen (passage, -1));
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (window->reader_page), "reader.apply-tag", "i", 1);
  flush_events ();
  highlights = dossier_project_list_highlights (project, document, 0, NULL);
  for (guint i = 0; highlights != NULL && i < highlights->len; i++)
    {
      DossierHighlight *h = g_ptr_array_index (highlights, i);

      if (g_str_equal (dossier_highlight_get_quote (h), passage))
        return g_object_ref (h);
    }
  g_error ("“%s” was not highlighted", passage);
  return NULL;
}

typedef struct
{
  DossierProject      *project;
  DossierBriefingPage *page;
  const char          *words;
} NoteEnds;

static gboolean
note_ends (gpointer data)
{
  NoteEnds *ends = data;
  DossierBriefing *briefing = dossier_project_get_briefing (ends->project,
                                                            dossier_briefing_page_get_briefing_id (ends->page));

  return briefing != NULL && strstr (dossier_briefing_get_body (briefing), ends->words) != NULL;
}

static void
type_at_end (GtkTextBuffer *buffer,
             const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static char *
flat_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  GString *flat = g_string_new (NULL);
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);  /* poppler-utils: tools/install-deps.sh */
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char *c = out; *c; c++)
    if (!g_ascii_isspace (*c))
      g_string_append_c (flat, *c);
    else if (flat->len > 0 && flat->str[flat->len - 1] != ' ')
      g_string_append_c (flat, ' ');
  return g_string_free (flat, FALSE);
}

static void
test_briefing_session (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-test-briefing-XXXXXX", &error);
  g_autofree char *project_path = g_build_filename (dir, "Harbour.dossier", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "note.pdf", NULL);
  g_autoptr(DossierProject) created = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *markdown = NULL;
  g_autofree char *pdf = NULL;
  DossierHighlight *cited[G_N_ELEMENTS (articles)] = { NULL };
  const char *samples_dir = g_getenv ("DOSSIER_SAMPLES_DIR");
  GFile *files[G_N_ELEMENTS (articles)];
  DossierExportFilter filter = { 0 };
  DossierBriefingPage *page;
  GtkTextBuffer *buffer;
  DossierWindow *window;
  DossierProject *project;
  GListModel *documents;

  g_assert_no_error (error);
  g_assert_nonnull (samples_dir);

  window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  created = dossier_project_create (project_path, "Harbour", &error);
  g_assert_no_error (error);
  dossier_window_set_project (window, created);
  flush_events ();
  project = dossier_window_get_project (window);
  g_assert_cmpint (dossier_project_add_tag (project, "Evidence", 0, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* The three articles, imported as Import… does. */
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *path = g_build_filename (samples_dir, articles[i].file, NULL);

      files[i] = g_file_new_for_path (path);
    }
  dossier_window_import_files (window, files, G_N_ELEMENTS (files));
  wait_until (not_importing, window, "the import");
  flush_events ();
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  documents = dossier_project_get_documents (project);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);

  /* A passage of each, in the reader. */
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);

      dossier_window_open_document (window, dossier_document_get_id (document));
      flush_events ();
      cited[i] = highlight_passage (window, articles[i].passage);
    }

  /* A new note on the Brief page, written and cited three ways. */
  page = DOSSIER_BRIEFING_PAGE (adw_view_stack_get_child_by_name (window->page_stack, "briefing"));
  adw_view_stack_set_visible_child (window->page_stack, GTK_WIDGET (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "briefing.new", NULL);
  flush_events ();
  g_assert_cmpint (dossier_briefing_page_get_briefing_id (page), >, 0);
  buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (page));
  gtk_text_buffer_set_text (buffer, "## Summary\n\nThe vote was narrow ", -1);

  /* 1: from the highlight's card (its menu's action, answered by the window). */
  type_at_end (buffer, "");
  gtk_widget_activate_action (GTK_WIDGET (window->highlights_panel), "briefing.cite", "s",
                              dossier_highlight_get_uuid (cited[0]));
  flush_events ();
  g_assert_true (adw_view_stack_get_visible_child (window->page_stack) == GTK_WIDGET (page));

  /* 2: the page's own action. */
  type_at_end (buffer, ". The heritage work is not costed ");
  gtk_widget_activate_action (GTK_WIDGET (page), "briefing.cite", "s", dossier_highlight_get_uuid (cited[1]));

  /* 3: and the ministry will not wait ("Cite" again from the window). */
  type_at_end (buffer, ", and the ministry will not wait ");
  gtk_widget_activate_action (GTK_WIDGET (window), "briefing.cite", "s", dossier_highlight_get_uuid (cited[2]));
  type_at_end (buffer, ".\n");

  /* Typing pauses: the note is committed, with its last words. */
  wait_until (note_ends, &(NoteEnds) { project, page, "and the ministry will not wait " },
              "the note to be committed");
  {
    DossierBriefing *briefing = dossier_project_get_briefing (project, dossier_briefing_page_get_briefing_id (page));

    for (guint i = 0; i < G_N_ELEMENTS (cited); i++)
      {
        g_autofree char *citation = g_strdup_printf ("[@%s]", dossier_highlight_get_uuid (cited[i]));

        g_assert_nonnull (strstr (dossier_briefing_get_body (briefing), citation));
      }
  }

  /* Exported: three footnotes in the order cited, each quote with its
   * document and outlet; nothing unverified. */
  filter.briefing_id = dossier_briefing_page_get_briefing_id (page);
  g_assert_true (dossier_export_to_stream (project, DOSSIER_EXPORT_MARKDOWN, &filter, NULL, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write (out, "", 1, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  markdown = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_test_message ("Exported:\n%s", markdown);
  g_assert_nonnull (strstr (markdown, "The vote was narrow [^1]. The heritage work is not costed [^2], "
                                      "and the ministry will not wait [^3]."));
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *note = g_strdup_printf ("[^%u]: “%s” — *", i + 1, articles[i].passage);
      const char *at = strstr (markdown, note);

      g_assert_nonnull (at);
      g_assert_true (g_str_has_prefix (at + strlen (note), dossier_document_get_title (document)) ||
                     strstr (at, dossier_document_get_title (document)) != NULL);
      if (articles[i].outlet != NULL)
        g_assert_nonnull (strstr (at, articles[i].outlet));
    }
  g_assert_null (strstr (markdown, "Unverified"));

  /* Printed to a PDF: the same, read back. */
  g_assert_true (dossier_briefing_page_print (page, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf_path, FALSE, &error));
  g_assert_no_error (error);
  pdf = flat_pdf_text (pdf_path);
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *note = g_strdup_printf ("%u. “%s” —", i + 1, articles[i].passage);

      g_assert_nonnull (strstr (pdf, note));
    }

  for (guint i = 0; i < G_N_ELEMENTS (cited); i++)
    g_object_unref (cited[i]);
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_object_unref (window);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/dossier/briefing-session/three-articles", test_briefing_session);

  return g_test_run ();
}
