/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare-page.c — the Compare page on a real project built here:
 * the matrix of the documents chosen (their order, the rows switched to
 * stakeholders, shares per 1,000 words), a cell's excerpts side by side
 * with "Cite in Briefing", the divergences whose passages open in the
 * reader, the matrix recomputed when a highlight is added, exports, the
 * sort menu and the headings, the filter (Ctrl+F) and its "no rows match",
 * exports that follow what is shown, and the page at 360 px wide, its
 * toolbar's controls all shown and reached by Tab. */

#include "config.h"

#include <string.h>

#include "dossier-compare-page.h"
#include "dossier-matrix.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

#define WIRE \
  "Engineers said the first stretch of track would run from the station to the " \
  "hospital, with seven stops, and that work could begin before the end of next " \
  "summer if the weather allowed it and the contractor kept to its timetable."

typedef struct
{
  TestProject         base;
  gint64              docs[3];
  gint64              cost;
  gint64              route;
  gint64              noise;
  GtkWidget          *window;
  DossierComparePage *page;
  gint64              activated_document;
  gint64              activated_highlight;
  gint64              cited;
  char               *text;
} Fixture;

static void
on_passage_activated (DossierComparePage *page,
                      gint64              document_id,
                      gint64              highlight_id,
                      gint64              start,
                      gint64              end,
                      Fixture            *f)
{
  f->activated_document = document_id;
  f->activated_highlight = highlight_id;
}

static void
on_cite (DossierComparePage *page,
         gint64              highlight_id,
         Fixture            *f)
{
  f->cited = highlight_id;
}

static gboolean
divergences_found (gpointer page)
{
  return !dossier_compare_page_get_finding_divergences (page);
}

/* The divergences are worked out in a thread: until they come. */
static void
wait_for_divergences (DossierComparePage *page)
{
  wait_until (divergences_found, page, "the divergences");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  DossierProject *p;

  test_project_set_up (&f->base, data);
  p = f->base.project;
  f->docs[0] = add_document (p, DOSSIER_FORMAT_MARKDOWN,
                             "# Tram line approved\n\nThe line will cost £164 million. "
                             "The grant deadline falls in March.\n\n## Later\n\n"
                             "Residents near the depot worried about noise.\n", "post.md");
  f->docs[1] = add_document (p, DOSSIER_FORMAT_MARKDOWN,
                             "# Council backs tram\n\n" WIRE "\n\nThe line will cost £210m.\n", "wire.md");
  f->docs[2] = add_document (p, DOSSIER_FORMAT_MARKDOWN,
                             "# Noise fears\n\nNoise from the depot worries residents.\n\n" WIRE
                             "\n\nThe budget is £210 million.\n", "star.md");
  f->cost = add_tag (p, "Cost", 0);
  f->route = add_tag (p, "Route", 0);
  f->noise = add_tag (p, "Noise", 0);
  add_highlight (p, f->docs[0], "The line will cost £164 million", &f->cost, 1, "The council's figure");
  add_highlight (p, f->docs[1], "The line will cost £210m", &f->cost, 1, NULL);
  add_highlight (p, f->docs[2], "The budget is £210 million", &f->cost, 1, NULL);
  add_highlight (p, f->docs[1], "the first stretch of track", &f->route, 1, NULL);
  add_highlight (p, f->docs[2], "the first stretch of track", &f->route, 1, NULL);
  add_highlight (p, f->docs[0], "Residents near the depot worried about noise", &f->noise, 1, NULL);

  /* Held: the divergences' thread holds it too, until its work is done. */
  f->page = g_object_ref_sink (DOSSIER_COMPARE_PAGE (dossier_compare_page_new ()));
  g_signal_connect (f->page, "passage-activated", G_CALLBACK (on_passage_activated), f);
  g_signal_connect (f->page, "cite-highlight", G_CALLBACK (on_cite), f);
  f->window = show_in_window (GTK_WIDGET (f->page), 1100, 800);
  dossier_compare_page_set_project (f->page, p);
  wait_for_divergences (f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    {
      dossier_compare_page_set_project (f->page, NULL);
      close_window (f->window);
    }
  /* Any work on the divergences given up, its thread gone: the project
   * is held by nothing else when it closes. */
  wait_for_refs (f->page, 1);
  g_assert_finalize_object (g_steal_pointer (&f->page));
  g_clear_pointer (&f->text, g_free);
  test_project_tear_down (&f->base, data);
}

/* What the matrix draws in a cell (the fixture keeps it until the next). */
static const char *
cell_text (Fixture *f,
           int      row,
           int      column)
{
  g_free (f->text);
  f->text = dossier_matrix_get_cell_text (DOSSIER_MATRIX (dossier_compare_page_get_matrix (f->page)),
                                          row, column);
  g_assert_nonnull (f->text);
  return f->text;
}

/* A click in the middle of a cell or heading, where it is drawn. */
static void
click_cell (DossierMatrix *matrix,
            int            row,
            int            column)
{
  graphene_rect_t area;

  g_assert_true (dossier_matrix_get_cell_area (matrix, row, column, &area));
  g_assert_true (dossier_matrix_click (matrix, area.origin.x + area.size.width / 2,
                                       area.origin.y + area.size.height / 2, 1));
}

static gboolean
cell_counts_one (gpointer f)
{
  return g_strcmp0 (cell_text (f, 2, 0), "1") == 0;
}

static gboolean
page_narrow (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->page)) > 0 && gtk_widget_get_width (GTK_WIDGET (f->page)) <= 360;
}

static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  DossierComparison *c = dossier_compare_page_get_comparison (f->page);
  DossierMatrix *matrix = DOSSIER_MATRIX (dossier_compare_page_get_matrix (f->page));
  gint64 reversed[2];
  GPtrArray *divergences;
  int row, column;

  /* Every document, in import order, against the codebook. */
  g_assert_nonnull (c);
  g_assert_cmpuint (dossier_comparison_get_n_documents (c), ==, 3);
  g_assert_cmpuint (dossier_comparison_get_n_rows (c), ==, 3);
  g_assert_cmpstr (cell_text (f, 0, 0), ==, "1");
  g_assert_cmpstr (cell_text (f, 2, 1), ==, "0");
  g_assert_cmpint (dossier_matrix_get_density (matrix, 0, 0), ==, 5);
  g_assert_cmpint (dossier_matrix_get_density (matrix, 2, 1), ==, 0);

  /* Where they diverge: the cost's figures, the route only in shared copy. */
  divergences = dossier_compare_page_get_divergences (f->page);
  g_assert_nonnull (divergences);
  g_assert_cmpuint (divergences->len, >=, 3);

  /* Clicking a cell selects it: its excerpts, side by side. */
  click_cell (matrix, 0, 0);
  dossier_matrix_get_selection (matrix, &row, &column);
  g_assert_cmpint (row, ==, 0);
  g_assert_cmpint (column, ==, 0);
  g_assert_cmpuint (dossier_compare_page_get_excerpts (f->page)->len, ==, 3);

  /* A row's name: the row in every document. */
  click_cell (matrix, 1, -1);
  dossier_matrix_get_selection (matrix, &row, &column);
  g_assert_cmpint (row, ==, 1);
  g_assert_cmpint (column, ==, -1);
  g_assert_cmpuint (dossier_compare_page_get_excerpts (f->page)->len, ==, 2);

  /* Two documents, the Star first. */
  reversed[0] = f->docs[2];
  reversed[1] = f->docs[0];
  dossier_compare_page_set_documents (f->page, reversed, 2);
  c = dossier_compare_page_get_comparison (f->page);
  g_assert_cmpuint (dossier_comparison_get_n_documents (c), ==, 2);
  g_assert_cmpint (dossier_comparison_get_document_id (c, 0), ==, f->docs[2]);
  /* The row selected is still selected. */
  dossier_matrix_get_selection (matrix, &row, &column);
  g_assert_cmpint (row, ==, 1);

  /* A new highlight is counted at the next idle. */
  add_highlight (f->base.project, f->docs[2], "Noise from the depot worries residents", &f->noise, 1, NULL);
  wait_until (cell_counts_one, f, "the new highlight counted");
  g_assert_cmpstr (cell_text (f, 2, 0), ==, "1");

  /* Rows that count nothing anywhere hidden on request: the three tags
   * all count, a new one does not. */
  add_tag (f->base.project, "Ferries", 0);
  dossier_compare_page_update (f->page);
  c = dossier_compare_page_get_comparison (f->page);
  g_assert_cmpuint (dossier_comparison_get_n_rows (c), ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "compare.hide-empty-rows", NULL);
  dossier_compare_page_update (f->page);
  c = dossier_compare_page_get_comparison (f->page);
  g_assert_cmpuint (dossier_comparison_get_n_rows (c), ==, 3);
  g_assert_cmpint (dossier_comparison_find_row (c, f->noise), ==, 2);
  g_object_set (f->page, "hide-empty-rows", FALSE, NULL);

  /* Stakeholders' rows, and shares per 1,000 words. */
  g_object_set (f->page, "per-1000-words", TRUE, NULL);
  dossier_compare_page_update (f->page);
  c = dossier_compare_page_get_comparison (f->page);
  g_assert_true (dossier_comparison_get_options (c)->per_1000_words);
  g_assert_nonnull (strchr (cell_text (f, 0, 0), '.'));
  g_object_set (f->page, "rows", DOSSIER_COMPARE_STAKEHOLDERS, "measure", DOSSIER_COMPARE_MENTIONS, NULL);
  dossier_compare_page_update (f->page);
  c = dossier_compare_page_get_comparison (f->page);
  g_assert_cmpint (dossier_comparison_get_options (c)->rows, ==, DOSSIER_COMPARE_STAKEHOLDERS);
  g_assert_cmpuint (dossier_comparison_get_n_rows (c), ==, 0);
  /* Mentions are a stakeholder's: back to tags, back to highlights. */
  g_object_set (f->page, "rows", DOSSIER_COMPARE_TAGS, NULL);
  dossier_compare_page_update (f->page);
  c = dossier_compare_page_get_comparison (f->page);
  g_assert_cmpint (dossier_comparison_get_options (c)->measure, ==, DOSSIER_COMPARE_HIGHLIGHTS);
}

static void
test_excerpts_and_divergences (Fixture       *f,
                               gconstpointer  data)
{
  DossierMatrix *matrix = DOSSIER_MATRIX (dossier_compare_page_get_matrix (f->page));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *divergences;
  GtkListBoxRow *first;
  GPtrArray *excerpts;
  DossierExcerpt *x;

  /* The cost in the Post: its memo shown, the passage cited on request. */
  dossier_matrix_select (matrix, 0, 0);
  excerpts = dossier_compare_page_get_excerpts (f->page);
  g_assert_cmpuint (excerpts->len, ==, 3);
  x = g_ptr_array_index (excerpts, 0);
  g_assert_cmpstr (x->quote, ==, "The line will cost £164 million");

  /* Enter on the matrix goes on to the first passage. */
  g_signal_emit_by_name (matrix, "activate");
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_window_get_focus (GTK_WINDOW (f->window))));
  collect_with_class (GTK_WIDGET (f->page), "flat", buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *b = g_ptr_array_index (buttons, i);

      if (GTK_IS_BUTTON (b) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (b)), "C_ite in Briefing") == 0)
        {
          g_signal_emit_by_name (b, "clicked");
          break;
        }
    }
  g_assert_cmpint (f->cited, ==, dossier_highlight_get_id (x->highlight));

  /* A divergence opens its first passage in the reader. */
  divergences = find_descendant (GTK_WIDGET (f->page), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (divergences);
  collect_with_class (GTK_WIDGET (f->page), "boxed-list", rows);
  divergences = g_ptr_array_index (rows, rows->len - 1);
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (divergences), 0);
  g_assert_nonnull (first);
  g_signal_emit_by_name (divergences, "row-activated", first);
  g_assert_cmpint (f->activated_document, >, 0);
}

static gboolean
page_laid_out_at (gpointer data)
{
  GtkWidget *page = data;

  return gtk_widget_get_width (page) > 2000;
}

/* On a wide screen (2,560 px) the divergences keep to a width a line can
 * be read at: their quotes, one line each, were ~1,800 px long. */
static void
test_wide (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  GtkWidget *divergences;
  graphene_rect_t bounds;

  resize_toplevel (GTK_WINDOW (f->window), 2560, 800);
  wait_until (page_laid_out_at, f->page, "the page 2,560 px wide");
  flush_events ();
  collect_with_class (GTK_WIDGET (f->page), "boxed-list", lists);
  divergences = g_ptr_array_index (lists, lists->len - 1);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (divergences), 0));
  g_assert_true (gtk_widget_compute_bounds (divergences, GTK_WIDGET (f->page), &bounds));
  g_assert_cmpfloat (bounds.size.width, <=, 960);
  g_assert_cmpfloat (bounds.size.width, >, 200);
  /* Under the matrix, at the page's start, as it was. */
  g_assert_cmpfloat (bounds.origin.x, <, 40);
}

/* The documents' columns take the room there is, up to a comfortable
 * measure: at 2,560 px a title of 80 characters was cut to three lines of
 * 18 with room to spare; now it is whole, with its outlet and date. At
 * 360 px the columns keep their least width, the title cut, as before. */
static void
test_titles_wide (Fixture       *f,
                  gconstpointer  data)
{
  DossierMatrix *matrix = DOSSIER_MATRIX (dossier_compare_page_get_matrix (f->page));
  gint64 docs[3] = { f->docs[0], f->docs[1], 0 };
  graphene_rect_t narrow, wide;

  docs[2] = add_document (f->base.project, DOSSIER_FORMAT_MARKDOWN,
                          "---\noutlet: The Evening Courier\ndate: 2026-03-05\n---\n"
                          "# Councillors back the harbour tram line as the ministry's grant deadline nears\n\n"
                          "The budget is £210 million.\n", "courier.md");
  dossier_compare_page_set_documents (f->page, docs, 3);
  dossier_compare_page_update (f->page);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  wait_until (page_narrow, f, "the page laid out at 360 px");
  flush_events ();
  g_assert_true (dossier_matrix_get_cell_area (matrix, -1, 2, &narrow));
  g_assert_false (dossier_matrix_heading_is_whole (matrix, 2));

  resize_toplevel (GTK_WINDOW (f->window), 2560, 800);
  wait_until (page_laid_out_at, f->page, "the page 2,560 px wide");
  flush_events ();
  g_assert_true (dossier_matrix_get_cell_area (matrix, -1, 2, &wide));
  for (int c = 0; c < 3; c++)
    g_assert_true (dossier_matrix_heading_is_whole (matrix, c));
  g_assert_cmpfloat (wide.size.width, >, narrow.size.width);
  /* Not spread over the whole width: a measure a title reads at. */
  g_assert_cmpfloat (wide.size.width, <, 400);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (f->base.dir, "matrix.csv", NULL);
  g_autofree char *png_path = g_build_filename (f->base.dir, "matrix.png", NULL);
  g_autofree char *html_path = g_build_filename (f->base.dir, "excerpts.html", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *html = NULL;
  g_autofree char *png = NULL;
  gsize len;

  g_assert_true (dossier_compare_page_export (f->page, DOSSIER_COMPARE_EXPORT_CSV, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "id,row,detail,depth,Tram line approved,"));

  g_assert_true (dossier_compare_page_export (f->page, DOSSIER_COMPARE_EXPORT_PNG, png_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png_path, &png, &len, NULL));
  g_assert_cmpmem (png, 4, "\x89PNG", 4);

  /* Nothing selected: no excerpts, and no file of none. */
  g_assert_false (dossier_compare_page_export (f->page, DOSSIER_COMPARE_EXPORT_HTML, html_path, &error));
  g_assert_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (html_path, G_FILE_TEST_EXISTS));

  dossier_matrix_select (DOSSIER_MATRIX (dossier_compare_page_get_matrix (f->page)), 0, -1);
  g_assert_true (dossier_compare_page_export (f->page, DOSSIER_COMPARE_EXPORT_HTML, html_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "<h1>Side by Side: Cost</h1>"));
  g_assert_nonnull (strstr (html, "<p class=\"memo\">"));
  g_assert_null (strstr (html, "Tag: "));
  g_clear_pointer (&html, g_free);

  /* A document's passages of every row each name their tag, on the page
   * and in the file, as the title of one row's names it. */
  dossier_matrix_select (DOSSIER_MATRIX (dossier_compare_page_get_matrix (f->page)), -1, 0);
  wait_for_text (GTK_WIDGET (f->page), "Tag: Noise · Later");
  g_assert_true (shows_text (GTK_WIDGET (f->page), "Tag: Cost · The council's figure"));
  g_assert_true (dossier_compare_page_export (f->page, DOSSIER_COMPARE_EXPORT_HTML, html_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "<p class=\"caption\">Tag: <bdi>Noise</bdi> · Section: <bdi>Later</bdi></p>"));

  /* A folder is no place to write to. */
  g_assert_false (dossier_compare_page_export (f->page, DOSSIER_COMPARE_EXPORT_CSV, f->base.dir, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
}

/* Evidence for @stakeholder: the first @phrase in document @doc. */
static void
add_evidence (Fixture    *f,
              gint64      stakeholder,
              int         doc,
              const char *phrase)
{
  g_autofree char *text = dossier_project_get_document_text (f->base.project, f->docs[doc], NULL);
  g_autoptr(GError) error = NULL;
  gint64 start, end;

  text_range (text, phrase, &start, &end);
  dossier_project_add_stakeholder_evidence_range (f->base.project, stakeholder, f->docs[doc], start, end, NULL,
                                                  DOSSIER_EVIDENCE_QUOTE, DOSSIER_STANCE_UNKNOWN, &error);
  g_assert_no_error (error);
}

/* With stakeholders' rows, a document's passages of every row name the
 * stakeholders each is evidence for, on the page as in its exports
 * ("Stakeholder: …", "Stakeholders: …"). Before, the page named only
 * tags, so a passage of evidence had no name on it. */
static void
test_excerpts_name_stakeholders (Fixture       *f,
                                 gconstpointer  data)
{
  DossierProject *p = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autofree char *html_path = g_build_filename (f->base.dir, "stakeholders.html", NULL);
  g_autofree char *html = NULL;
  gint64 council, traders;

  council = dossier_project_add_stakeholder (p, "City Council", NULL, DOSSIER_STAKEHOLDER_OTHER, &error);
  g_assert_no_error (error);
  traders = dossier_project_add_stakeholder (p, "Depot Traders", NULL, DOSSIER_STAKEHOLDER_BUSINESS, &error);
  g_assert_no_error (error);
  add_evidence (f, council, 0, "The line will cost £164 million");
  add_evidence (f, traders, 0, "The line will cost £164 million");
  add_evidence (f, traders, 0, "Residents near the depot worried about noise");

  g_object_set (f->page, "rows", DOSSIER_COMPARE_STAKEHOLDERS, "measure", DOSSIER_COMPARE_EVIDENCE, NULL);
  dossier_compare_page_update (f->page);
  g_assert_cmpuint (dossier_comparison_get_n_rows (dossier_compare_page_get_comparison (f->page)), ==, 2);
  dossier_matrix_select (DOSSIER_MATRIX (dossier_compare_page_get_matrix (f->page)), -1, 0);
  wait_for_text (GTK_WIDGET (f->page), "Stakeholders: City Council, Depot Traders · The council's figure");
  g_assert_true (shows_text (GTK_WIDGET (f->page), "Stakeholder: Depot Traders · Later"));
  g_assert_false (shows_text (GTK_WIDGET (f->page), "Tag: Cost"));

  g_assert_true (dossier_compare_page_export (f->page, DOSSIER_COMPARE_EXPORT_HTML, html_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "<p class=\"caption\">Stakeholders: <bdi>City Council</bdi>, <bdi>Depot Traders</bdi></p>"));
  g_assert_nonnull (strstr (html, "<p class=\"caption\">Stakeholder: <bdi>Depot Traders</bdi> · Section: <bdi>Later</bdi>"));
}

static gboolean
matrix_has_rows (Fixture *f,
                 guint    n)
{
  DossierComparison *c = dossier_compare_page_get_comparison (f->page);

  return c != NULL && dossier_comparison_get_n_rows (c) == n;
}

static gboolean
one_row (gpointer f)
{
  return matrix_has_rows (f, 1);
}

static gboolean
no_rows (gpointer f)
{
  return matrix_has_rows (f, 0);
}

static gboolean
four_rows (gpointer f)
{
  return matrix_has_rows (f, 4);
}

static char *
sort_rows (Fixture *f)
{
  char *value = NULL;

  g_object_get (f->page, "sort-rows", &value, NULL);
  return value;
}

/* The sort menu's choices and the headings; the side by side and the
 * exports in the order shown. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  DossierMatrix *matrix = DOSSIER_MATRIX (dossier_compare_page_get_matrix (f->page));
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (f->base.dir, "sorted.csv", NULL);
  g_autofree char *md_path = g_build_filename (f->base.dir, "sorted.md", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *md = NULL;
  g_autofree char *value = NULL;
  g_autofree char *first = NULL;
  GPtrArray *excerpts;
  int row, column;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "compare.sort-rows", "s", "name-desc");
  g_assert_cmpstr (cell_text (f, 0, -1), ==, "Route");
  g_assert_cmpstr (cell_text (f, 2, -1), ==, "Cost");
  value = sort_rows (f);
  g_assert_cmpstr (value, ==, "name-desc");
  g_clear_pointer (&value, g_free);

  /* The Post's heading: Cost 1, Noise 1, Route 0, largest first; the
   * menu then has none of its choices checked. */
  click_cell (matrix, -1, 0);
  g_assert_cmpstr (cell_text (f, 0, -1), ==, "Cost");
  g_assert_cmpstr (cell_text (f, 1, -1), ==, "Noise");
  g_assert_cmpstr (cell_text (f, 2, -1), ==, "Route");
  value = sort_rows (f);
  g_assert_cmpstr (value, ==, "document");

  /* Documents by title: the Wire ("Council backs tram"), the Star
   * ("Noise fears"), the Post. A row's excerpts follow that order. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "compare.sort-documents", "s", "title");
  g_assert_cmpstr (cell_text (f, -1, 0), ==, "Council backs tram");
  g_assert_cmpstr (cell_text (f, -1, 2), ==, "Tram line approved");
  /* The Post's column stayed selected where it went. */
  dossier_matrix_get_selection (matrix, &row, &column);
  g_assert_cmpint (row, ==, -1);
  g_assert_cmpint (column, ==, 2);
  dossier_matrix_select (matrix, 0, -1);
  excerpts = dossier_compare_page_get_excerpts (f->page);
  g_assert_cmpuint (excerpts->len, ==, 3);
  g_assert_true (dossier_compare_page_export (f->page, DOSSIER_COMPARE_EXPORT_MARKDOWN, md_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (md_path, &md, NULL, NULL));
  g_assert_nonnull (strstr (md, "## Council backs tram"));
  g_assert_true (strstr (md, "## Council backs tram") < strstr (md, "## Noise fears"));
  g_assert_true (strstr (md, "## Noise fears") < strstr (md, "## Tram line approved"));
  g_assert_true (strstr (md, "£210m") < strstr (md, "£164 million"));

  /* The CSV: the columns and rows as shown. */
  g_assert_true (dossier_compare_page_export (f->page, DOSSIER_COMPARE_EXPORT_CSV, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "id,row,detail,depth,Council backs tram,Noise fears,Tram line approved,total\r\n"));
  first = g_strdup_printf ("\r\n%" G_GINT64_FORMAT ",Cost,", f->cost);
  g_assert_nonnull (strstr (csv, first));

  /* Back to the codebook's order. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "compare.sort-rows", "s", "order");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "compare.sort-documents", "s", "order");
  g_assert_cmpstr (cell_text (f, 0, -1), ==, "Cost");
  g_assert_cmpstr (cell_text (f, 1, -1), ==, "Route");
  g_assert_cmpstr (cell_text (f, -1, 0), ==, "Tram line approved");
}

/* The action the widget's own shortcut for @keyval with @mods names, or NULL. */
static const char *
shortcut_action (GtkWidget       *widget,
                 guint            keyval,
                 GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

/* Ctrl+F goes to the filter; what is typed keeps the rows whose name
 * holds it, accents aside; nothing matching says so. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *entry = NULL;
  GtkWidget *focus;
  GtkWidget *no_match;
  g_autofree char *png_path = g_build_filename (f->base.dir, "filtered.svg", NULL);
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;

  /* The toolbar's (a drop-down's popover has one of its own). */
  collect_descendants (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (entries, i)))
      entry = g_ptr_array_index (entries, i);
  g_assert_nonnull (entry);
  {
    g_autofree char *placeholder = NULL;

    g_object_get (entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Filter Rows");
  }
  add_tag (f->base.project, "Émissions", 0);
  dossier_compare_page_update (f->page);
  g_assert_true (matrix_has_rows (f, 4));

  /* Ctrl+F in the page; the window passes it on as reader.find. */
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (f->page), GDK_KEY_f, GDK_CONTROL_MASK), ==, "compare.find");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "compare.find", NULL));
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  gtk_widget_grab_focus (GTK_WIDGET (dossier_compare_page_get_matrix (f->page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "reader.find", NULL));
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "EMIS");
  wait_until (one_row, f, "the rows filtered");
  g_assert_cmpstr (cell_text (f, 0, -1), ==, "Émissions");

  /* The picture is of what is shown. */
  g_assert_true (dossier_compare_page_export (f->page, DOSSIER_COMPARE_EXPORT_SVG, png_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png_path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<svg"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "ferries");
  wait_until (no_rows, f, "no rows left");
  no_match = find_label (GTK_WIDGET (f->page), "No rows match “ferries”. Clear the filter to see them all.");
  g_assert_nonnull (no_match);
  g_assert_true (gtk_widget_get_visible (no_match));

  /* Escape in the entry empties it. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  wait_until (four_rows, f, "every row back");
  g_assert_false (gtk_widget_get_visible (no_match));
  /* Escape again goes back to the matrix. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) ==
                 dossier_compare_page_get_matrix (f->page));
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  int width;

  /* At 360 px the page still fits: the matrix and the excerpts scroll. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  dossier_matrix_select (DOSSIER_MATRIX (dossier_compare_page_get_matrix (f->page)), 0, -1);
  wait_until (page_narrow, f, "the page laid out at 360 px");
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);
}

typedef struct
{
  GtkAdjustment *adjustment;
  double         from;
  int            way;  /* 1 down, -1 up */
} Moved;

static gboolean
adjustment_moved (gpointer data)
{
  Moved *moved = data;

  return (gtk_adjustment_get_value (moved->adjustment) - moved->from) * moved->way > 0;
}

/* Turns the wheel two notches down (@way 1) or up (-1) with the pointer
 * over @widget, 40 by 20 px in from its top left corner, then waits for
 * @adjustment to move that way. A real wheel, through X. */
static void
wheel_moves (Fixture       *f,
             GtkWidget     *widget,
             int            way,
             GtkAdjustment *adjustment,
             const char    *what)
{
  g_autofree char *xid = xdotool_window (f->window);
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  graphene_rect_t bounds;
  double surface_x, surface_y;
  Moved moved;

  g_assert_true (gtk_widget_compute_bounds (widget, f->window, &bounds));
  g_test_message ("wheel over %s at %g,%g %gx%g; %s at %g of %g-%g", G_OBJECT_TYPE_NAME (widget),
                  bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height, what,
                  gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment),
                  gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (bounds.origin.y + 30, <, gtk_widget_get_height (f->window));
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &surface_x, &surface_y);
  x = g_strdup_printf ("%d", (int) (surface_x + bounds.origin.x + 40));
  y = g_strdup_printf ("%d", (int) (surface_y + bounds.origin.y + 20));
  moved = (Moved) { adjustment, gtk_adjustment_get_value (adjustment), way };
  run_xdotool ((const char *[]) { "xdotool", "mousemove", "--window", xid, x, y,
                                  "click", "--repeat", "2", "--delay", "50", way > 0 ? "5" : "4", NULL });
  wait_until (adjustment_moved, &moved, what);
}

/* The page's own scroller, that holding @scroller. */
static GtkScrolledWindow *
page_scroller (GtkWidget *scroller)
{
  return GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW));
}

/* Scrolls the page so that @scroller's top is @y px under the top of the
 * page's view. */
static void
scroll_page_to (Fixture   *f,
                GtkWidget *scroller,
                double     y)
{
  GtkScrolledWindow *view = page_scroller (scroller);
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (view);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (scroller, GTK_WIDGET (view), &bounds));
  gtk_adjustment_set_value (page, gtk_adjustment_get_value (page) + bounds.origin.y - y);
  wait_for_animations (f->window);
}

/* At 360 px the passages, side by side, are wider than the page and fill
 * its view: the wheel turned over them scrolls the page down (their
 * scroller, which only scrolls sideways, took it). */
static void
test_wheel_past_excerpts (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) scrollers = g_ptr_array_new ();
  GtkScrolledWindow *excerpts = NULL;
  GtkAdjustment *page, *sideways;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 420);
  dossier_matrix_select (DOSSIER_MATRIX (dossier_compare_page_get_matrix (f->page)), 0, -1);
  wait_until (page_narrow, f, "the page laid out at 360 px");
  wait_for_animations (f->window);

  /* The passages' scroller scrolls only sideways; the page's holds it. */
  collect_descendants (GTK_WIDGET (f->page), GTK_TYPE_SCROLLED_WINDOW, scrollers);
  for (guint i = 0; i < scrollers->len; i++)
    {
      GtkPolicyType h, v;

      gtk_scrolled_window_get_policy (g_ptr_array_index (scrollers, i), &h, &v);
      if (v == GTK_POLICY_NEVER)
        excerpts = g_ptr_array_index (scrollers, i);
    }
  g_assert_nonnull (excerpts);
  sideways = gtk_scrolled_window_get_hadjustment (excerpts);
  g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), >, gtk_adjustment_get_page_size (sideways));
  page = gtk_scrolled_window_get_vadjustment (page_scroller (GTK_WIDGET (excerpts)));

  /* The passages' top near the view's top, the page still able to go down. */
  scroll_page_to (f, GTK_WIDGET (excerpts), 20);
  g_assert_cmpfloat (gtk_adjustment_get_value (page), <,
                     gtk_adjustment_get_upper (page) - gtk_adjustment_get_page_size (page));

  /* Two notches down over a passage. */
  wheel_moves (f, GTK_WIDGET (excerpts), 1, page, "the page to scroll down");
  g_assert_cmpfloat (gtk_adjustment_get_value (sideways), ==, 0);
}

static gboolean
matrix_scrolls (gpointer data)
{
  GtkAdjustment *rows = data;

  return gtk_adjustment_get_upper (rows) > gtk_adjustment_get_page_size (rows) + 100;
}

/* The wheel over the matrix scrolls it while it can go that way, then
 * the page, as a web page's inner box does; a matrix that fits its height
 * lets it go to the page at once. Its scroller (up to 520 px tall) kept
 * every turn: at 360 px the page could not be wheeled past it. */
static void
test_wheel_past_matrix (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *matrix = dossier_compare_page_get_matrix (f->page);
  GtkWidget *own = gtk_widget_get_parent (matrix);
  GtkAdjustment *rows = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (own));
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (page_scroller (own));
  double from;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  wait_until (page_narrow, f, "the page laid out at 360 px");
  wait_for_animations (f->window);

  /* Three rows: the matrix fits its height (wider than the page). */
  g_assert_cmpfloat (gtk_adjustment_get_upper (rows), <=, gtk_adjustment_get_page_size (rows));
  scroll_page_to (f, own, 20);
  wheel_moves (f, own, 1, page, "the page to scroll down past a matrix that fits");

  /* Forty rows: the matrix scrolls in its own 520 px. */
  for (guint i = 0; i < 37; i++)
    {
      g_autofree char *name = g_strdup_printf ("Theme %02u", i);
      gint64 tag = add_tag (f->base.project, name, 0);

      add_highlight (f->base.project, f->docs[0], "The grant deadline falls in March", &tag, 1, NULL);
    }
  dossier_compare_page_update (f->page);
  wait_until (matrix_scrolls, rows, "the matrix to scroll in its own box");
  gtk_adjustment_set_value (page, 0);
  wait_for_animations (f->window);
  scroll_page_to (f, own, 20);

  /* Down: the matrix's rows first, the page staying. */
  from = gtk_adjustment_get_value (page);
  wheel_moves (f, own, 1, rows, "the matrix's rows to scroll down");
  g_assert_cmpfloat (gtk_adjustment_get_value (page), ==, from);

  /* At its last row: the page. */
  gtk_adjustment_set_value (rows, gtk_adjustment_get_upper (rows) - gtk_adjustment_get_page_size (rows));
  wheel_moves (f, own, 1, page, "the page to scroll down past the matrix's last row");

  /* Up, at its first row: the page. */
  gtk_adjustment_set_value (rows, 0);
  scroll_page_to (f, own, 20);
  g_assert_cmpfloat (gtk_adjustment_get_value (page), >, 0);
  wheel_moves (f, own, -1, page, "the page to scroll up past the matrix's first row");
  g_assert_cmpfloat (gtk_adjustment_get_value (rows), ==, 0);
}

static gboolean
page_width_is (gpointer data)
{
  Fixture *f = data;
  int width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (f->page), "test-width"));

  return gtk_widget_get_width (GTK_WIDGET (f->page)) == width;
}

/* With the page @width wide, each control of its toolbar is shown whole
 * inside the page's width, with no sideways scrolling, and Tab goes from
 * one to the next in the order they are seen; the number of lines they
 * take. */
static guint
assert_toolbar_reachable (Fixture *f,
                          int      width)
{
  GtkWidget *page = GTK_WIDGET (f->page);
  GtkWidget *toolbar = gtk_widget_get_first_child (page);
  GtkWidget *previous = NULL;
  double line_y = -1;
  guint n = 0, lines = 0;

  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 700);
  g_object_set_data (G_OBJECT (f->page), "test-width", GINT_TO_POINTER (width));
  wait_until (page_width_is, f, "the page laid out at its width");
  g_assert_false (GTK_IS_SCROLLED_WINDOW (toolbar));
  g_assert_null (gtk_widget_get_ancestor (toolbar, GTK_TYPE_SCROLLED_WINDOW));

  for (GtkWidget *control = gtk_widget_get_first_child (toolbar); control != NULL;
       control = gtk_widget_get_next_sibling (control))
    {
      graphene_rect_t bounds;
      GtkWidget *focus;
      int min;

      g_assert_true (gtk_widget_get_mapped (control));
      g_assert_true (gtk_widget_compute_bounds (control, page, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      /* Whole: not squeezed below what it needs. */
      gtk_widget_measure (control, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_assert_cmpfloat (bounds.size.width + gtk_widget_get_margin_start (control) +
                         gtk_widget_get_margin_end (control), >=, min);
      if (bounds.origin.y > line_y)
        {
          lines++;
          line_y = bounds.origin.y;
        }
      else
        g_assert_cmpfloat (bounds.origin.y, ==, line_y);

      /* Tab from the one before comes here. */
      if (previous == NULL)
        g_assert_true (gtk_widget_grab_focus (control));
      else
        g_assert_true (gtk_widget_child_focus (f->window, GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_assert_nonnull (focus);
      g_assert_true (focus == control || gtk_widget_is_ancestor (focus, control));
      previous = control;
      n++;
    }
  /* Documents, rows, measure, per 1,000 words, empty rows hidden, sort, export. */
  g_assert_cmpuint (n, ==, 7);
  return lines;
}

/* The toolbar's controls have their tooltips, set in code (in the
 * template GTK would ask X where the pointer is for each). */
static void
test_tooltips (Fixture       *f,
               gconstpointer  data)
{
  static const char *const tooltips[] = {
    "Choose and order the documents compared",
    "What the rows are",
    "What a cell counts",
    "Count per 1,000 words, so that long and short articles compare fairly",
    "Leave out the rows that count nothing in any of the documents compared",
    "Sort the rows and the documents (a click on a document’s heading sorts the rows by it)",
    "Export",
    "Show only the rows whose name holds this (Ctrl+F)",
  };

  assert_tooltips (GTK_WIDGET (f->page), tooltips, G_N_ELEMENTS (tooltips));
}

/* No tooltip of the toolbar's drop-downs and menu buttons shows over the
 * list or menu each opens. */
static void
test_toolbar_tooltips (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *toolbar = gtk_widget_get_first_child (GTK_WIDGET (f->page));
  guint n = 0;

  for (GtkWidget *control = gtk_widget_get_first_child (toolbar); control != NULL;
       control = gtk_widget_get_next_sibling (control))
    {
      GtkPopover *popover = NULL;

      if (GTK_IS_MENU_BUTTON (control))
        popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (control));
      else if (GTK_IS_DROP_DOWN (control))
        popover = GTK_POPOVER (find_descendant (control, GTK_TYPE_POPOVER));
      if (popover == NULL)
        continue;
      g_assert_true (gtk_widget_get_has_tooltip (control));
      gtk_popover_popup (popover);
      flush_events ();
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      g_assert_false (gtk_widget_get_has_tooltip (control));
      gtk_popover_popdown (popover);
      flush_events ();
      g_assert_true (gtk_widget_get_has_tooltip (control));
      n++;
    }
  /* Documents, rows, measure, sort, export. */
  g_assert_cmpuint (n, ==, 5);
}

/* The toolbar at a phone's width goes on to more lines, every control
 * shown and reached by Tab; wide, it is one line. */
static void
test_toolbar (Fixture       *f,
              gconstpointer  data)
{
  g_assert_cmpuint (assert_toolbar_reachable (f, 1280), ==, 1);
  g_assert_cmpuint (assert_toolbar_reachable (f, 360), >, 1);
  g_assert_cmpuint (assert_toolbar_reachable (f, 1280), ==, 1);
}

static gboolean
popover_laid_out (gpointer popover)
{
  return gtk_widget_get_mapped (popover) && gtk_widget_get_width (popover) > 0;
}

/* The Documents list fits a phone's screen: its titles wrap, whole,
 * rather than making it as wide as the longest (650 px for the sample's),
 * each with its Move buttons beside it. */
static void
test_documents_narrow (Fixture       *f,
                       gconstpointer  data)
{
  static const char long_title[] = "Port Calder Approves Car-Free Harbour Bridge as National Grant Deadline Looms";
  g_autofree char *text = g_strdup_printf ("# %s\n\nThe council voted on Tuesday.\n", long_title);
  GtkWidget *toolbar = gtk_widget_get_first_child (GTK_WIDGET (f->page));
  GtkWidget *button = gtk_widget_get_first_child (toolbar);
  GtkWidget *popover, *label;
  int min;

  add_document (f->base.project, DOSSIER_FORMAT_MARKDOWN, text, "long.md");
  dossier_compare_page_update (f->page);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  wait_until (page_narrow, f, "the page laid out at 360 px");

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  wait_until (popover_laid_out, popover, "the Documents list laid out");
  gtk_widget_measure (popover, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  label = assert_label_whole (popover, long_title);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_true (GTK_IS_CHECK_BUTTON (gtk_widget_get_parent (label)));
  g_assert_true (gtk_widget_get_mapped (gtk_widget_get_last_child (gtk_widget_get_parent (gtk_widget_get_parent (label)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  flush_events ();
}

/* Each kind's first 50 divergences are listed, then how many more: 20,000
 * arguments in a project made by hand made as many rows, minutes of
 * layout. Sixty tags only the Post has (a phrase tagged sixty times). */
static void
test_divergences_bounded (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GPtrArray) more = g_ptr_array_new ();
  g_autofree char *expected = NULL;
  GPtrArray *divergences;
  GtkWidget *list;
  guint omissions = 0, omission_rows = 0, rows = 0;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Theme %u", i);
      gint64 tag = add_tag (f->base.project, name, 0);

      add_highlight (f->base.project, f->docs[0], "The grant deadline falls in March", &tag, 1, NULL);
    }
  dossier_compare_page_update (f->page);
  wait_for_divergences (f->page);
  divergences = dossier_compare_page_get_divergences (f->page);
  for (guint i = 0; i < divergences->len; i++)
    omissions += ((DossierDivergence *) g_ptr_array_index (divergences, i))->kind == DOSSIER_DIVERGENCE_OMISSION;
  g_assert_cmpuint (omissions, >=, 60);

  collect_with_class (GTK_WIDGET (f->page), "boxed-list", lists);
  list = g_ptr_array_index (lists, lists->len - 1);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) kind = g_ptr_array_new ();

      collect_with_class (row, "divergence-omission", kind);
      rows++;
      omission_rows += kind->len;
    }
  g_assert_cmpuint (omission_rows, ==, 50);
  /* Below the last omission listed, how many more; the others all listed. */
  collect_with_class (list, "divergences-more", more);
  g_assert_cmpuint (more->len, ==, 1);
  expected = g_strdup_printf ("… and %u more of this kind", omissions - 50);
  g_assert_nonnull (find_label (GTK_WIDGET (g_ptr_array_index (more, 0)), expected));
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 50) == g_ptr_array_index (more, 0));
  g_assert_cmpuint (rows, ==, divergences->len - (omissions - 50) + 1);
}

/* Whether every divergence in @divergences is about @docs only. */
static gboolean
only_about (GPtrArray    *divergences,
            const gint64 *docs,
            guint         n_docs)
{
  for (guint i = 0; i < divergences->len; i++)
    {
      DossierDivergence *d = g_ptr_array_index (divergences, i);
      GArray *ids[2] = { d->present, d->absent };

      for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
        for (guint j = 0; j < ids[k]->len; j++)
          {
            gint64 id = g_array_index (ids[k], gint64, j);
            gboolean known = FALSE;

            for (guint n = 0; n < n_docs; n++)
              known |= docs[n] == id;
            if (!known)
              return FALSE;
          }
      for (guint j = 0; j < d->passages->len; j++)
        {
          DossierDivergencePassage *p = g_ptr_array_index (d->passages, j);
          gboolean known = FALSE;

          for (guint n = 0; n < n_docs; n++)
            known |= docs[n] == p->document_id;
          if (!known)
            return FALSE;
        }
    }
  return TRUE;
}

/* The divergences are worked out in a thread (5 to 9 s on two documents
 * of 50 MB froze the window): the page says so meanwhile, with the
 * matrix already there, then lists them; a selection changed meanwhile
 * gets its own, never the one before's. */
static void
test_divergences_in_thread (Fixture       *f,
                            gconstpointer  data)
{
  const gint64 wire_star[] = { f->docs[1], f->docs[2] };
  const gint64 post_wire[] = { f->docs[0], f->docs[1] };
  guint refs = G_OBJECT (f->page)->ref_count;
  GtkWidget *busy;
  GPtrArray *divergences;

  busy = find_label (GTK_WIDGET (f->page), "Finding where these documents diverge…");
  g_assert_nonnull (busy);
  g_assert_false (gtk_widget_is_visible (busy));

  dossier_compare_page_set_documents (f->page, wire_star, 2);
  g_assert_true (dossier_compare_page_get_finding_divergences (f->page));
  g_assert_null (dossier_compare_page_get_divergences (f->page));
  g_assert_true (gtk_widget_is_visible (busy));
  /* The matrix does not wait for them. */
  g_assert_cmpuint (dossier_comparison_get_n_documents (dossier_compare_page_get_comparison (f->page)), ==, 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->page));

  /* Another selection before they come. */
  dossier_compare_page_set_documents (f->page, post_wire, 2);
  g_assert_true (dossier_compare_page_get_finding_divergences (f->page));
  wait_for_divergences (f->page);
  g_assert_false (gtk_widget_is_visible (busy));
  divergences = dossier_compare_page_get_divergences (f->page);
  g_assert_nonnull (divergences);
  g_assert_cmpuint (divergences->len, >, 0);
  g_assert_true (only_about (divergences, post_wire, 2));

  /* Every task's answer has come (each holds the page): the first
   * selection's did not replace the second's. */
  wait_for_refs (f->page, refs);
  g_assert_true (dossier_compare_page_get_divergences (f->page) == divergences);
  g_assert_true (only_about (divergences, post_wire, 2));
  g_assert_false (dossier_compare_page_get_finding_divergences (f->page));

  /* And the shared copy the first selection had is not listed. */
  for (guint i = 0; i < divergences->len; i++)
    g_assert_cmpint (((DossierDivergence *) g_ptr_array_index (divergences, i))->kind, !=,
                     DOSSIER_DIVERGENCE_SHARED_COPY);
}

/* The page closed while the divergences are worked out: the work is given
 * up, nothing lands on the page gone, and the page is freed once the
 * thread is done. */
static void
test_divergences_page_closed (Fixture       *f,
                              gconstpointer  data)
{
  const gint64 post_wire[] = { f->docs[0], f->docs[1] };

  dossier_compare_page_set_documents (f->page, post_wire, 2);
  g_assert_true (dossier_compare_page_get_finding_divergences (f->page));
  close_window (g_steal_pointer (&f->window));
  /* The tear-down waits for the thread and finalizes the page. */
}

/* A long document, with tagged passages across it. */
static char *
long_text (guint paragraphs)
{
  GString *s = g_string_new ("# Long report\n\n");

  for (guint i = 0; i < paragraphs; i++)
    g_string_append_printf (s, "Paragraph %u says the line will cost £%u million and run past the "
                            "harbour, the depot and the hospital, as the council said in March.\n\n",
                            i, 100 + i % 97);
  return g_string_free (s, FALSE);
}

/* The window closed on the Compare page while the divergences of two
 * long documents are worked out: the project closes under the thread's
 * own connection, and all is freed (run under ASan by CI). */
static void
test_divergences_window_closed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = long_text (4000);
  DossierProject *project = test_create_project ("closed", "Closed", &dir, &path);
  DossierWindow *window;
  DossierComparePage *page;
  gint64 docs[2];
  gint64 cost;

  docs[0] = add_document (project, DOSSIER_FORMAT_MARKDOWN, text, "one.md");
  docs[1] = add_document (project, DOSSIER_FORMAT_MARKDOWN, text, "two.md");
  cost = add_tag (project, "Cost", 0);
  add_highlight (project, docs[0], "Paragraph 7 says the line will cost £107 million", &cost, 1, NULL);
  add_highlight (project, docs[1], "Paragraph 9 says the line will cost £109 million", &cost, 1, NULL);
  g_assert_finalize_object (project);

  window = open_reader_window (path, DOSSIER_OPEN_READ_WRITE, 1100);
  page = g_object_ref (DOSSIER_COMPARE_PAGE (window->compare_page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "compare"));
  flush_events ();
  dossier_compare_page_set_documents (page, docs, 2);
  g_assert_true (dossier_compare_page_get_finding_divergences (page));

  close_reader_window (&window);
  wait_for_refs (page, 1);
  g_assert_finalize_object (page);
  remove_tree (dir);
}

static gboolean
words_counted (gpointer page)
{
  return !dossier_compare_page_get_counting_words (page);
}

/* A document of 1.5 MB: the words its first comparison needs are counted
 * in a thread (two of 50 MB took 195 ms of the main thread). Meanwhile the
 * matrix shown before stays, greyed, with no "Counting…" at once (a quick
 * count flashes nothing); then the comparison of the new documents, its
 * words right. Left while counting, the page gives the count up and counts
 * again when shown. */
static void
test_words_in_thread (Fixture       *f,
                      gconstpointer  data)
{
  const char *line = "The ferry timetable changes on Monday, said the harbour master. ";
  g_autoptr(GString) text = g_string_new ("# Minutes\n\n");
  GtkWidget *matrix = dossier_compare_page_get_matrix (f->page);
  GtkWidget *counting_label;
  DossierComparison *before, *c;
  gint64 docs[2];
  guint lines = 0;

  /* Documents chosen: one added is not compared (its words not counted)
   * until it is chosen too. */
  dossier_compare_page_set_documents (f->page, f->docs, 2);
  wait_for_divergences (f->page);
  while (text->len < 1500 * 1000)
    {
      g_string_append (text, line);
      lines++;
    }
  docs[0] = f->docs[0];
  docs[1] = add_document (f->base.project, DOSSIER_FORMAT_MARKDOWN, text->str, "minutes.md");
  flush_events ();
  before = dossier_compare_page_get_comparison (f->page);
  g_assert_false (dossier_compare_page_get_counting_words (f->page));

  dossier_compare_page_set_documents (f->page, docs, 2);
  g_assert_true (dossier_compare_page_get_counting_words (f->page));
  g_assert_true (dossier_compare_page_get_comparison (f->page) == before);
  g_assert_false (gtk_widget_get_sensitive (matrix));
  counting_label = find_label (GTK_WIDGET (f->page), "Counting the documents’ words…");
  g_assert_nonnull (counting_label);
  g_assert_false (gtk_widget_is_visible (counting_label));

  wait_until (words_counted, f->page, "the words counted");
  c = dossier_compare_page_get_comparison (f->page);
  g_assert_nonnull (c);
  g_assert_cmpuint (dossier_comparison_get_n_documents (c), ==, 2);
  g_assert_cmpuint (dossier_comparison_get_document_words (c, 1), ==, 1 + 10 * lines);
  g_assert_true (gtk_widget_get_sensitive (matrix));
  g_assert_false (gtk_widget_is_visible (counting_label));
  wait_for_divergences (f->page);

  /* Left while counting: given up; shown again: counted. */
  docs[1] = add_document (f->base.project, DOSSIER_FORMAT_MARKDOWN, text->str, "minutes-again.md");
  flush_events ();
  dossier_compare_page_set_documents (f->page, docs, 2);
  g_assert_true (dossier_compare_page_get_counting_words (f->page));
  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  g_assert_false (dossier_compare_page_get_counting_words (f->page));
  g_assert_true (gtk_widget_get_sensitive (matrix));
  gtk_widget_set_visible (GTK_WIDGET (f->page), TRUE);
  g_assert_true (dossier_compare_page_get_counting_words (f->page));
  wait_until (words_counted, f->page, "the words counted again");
  c = dossier_compare_page_get_comparison (f->page);
  g_assert_cmpuint (dossier_comparison_get_document_words (c, 1), ==, 1 + 10 * lines);
  wait_for_divergences (f->page);
}

static void
test_no_project (void)
{
  DossierComparePage *page = g_object_ref_sink (DOSSIER_COMPARE_PAGE (dossier_compare_page_new ()));

  g_assert_null (dossier_compare_page_get_comparison (page));
  g_assert_null (dossier_compare_page_get_divergences (page));
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/dossier/compare-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("matrix", test_matrix);
  ADD ("excerpts-and-divergences", test_excerpts_and_divergences);
  ADD ("excerpts-name-stakeholders", test_excerpts_name_stakeholders);
  ADD ("wide", test_wide);
  ADD ("titles-wide", test_titles_wide);
  ADD ("export", test_export);
  ADD ("sort", test_sort);
  ADD ("filter", test_filter);
  ADD ("narrow", test_narrow);
  ADD ("wheel-past-excerpts", test_wheel_past_excerpts);
  ADD ("wheel-past-matrix", test_wheel_past_matrix);
  ADD ("toolbar", test_toolbar);
  ADD ("toolbar-tooltips", test_toolbar_tooltips);
  ADD ("tooltips", test_tooltips);
  ADD ("documents-narrow", test_documents_narrow);
  ADD ("divergences-bounded", test_divergences_bounded);
  ADD ("divergences-in-thread", test_divergences_in_thread);
  ADD ("divergences-page-closed", test_divergences_page_closed);
  ADD ("words-in-thread", test_words_in_thread);
  g_test_add_func ("/dossier/compare-page/divergences-window-closed", test_divergences_window_closed);
  g_test_add_func ("/dossier/compare-page/no-project", test_no_project);

  return g_test_run ();
}
