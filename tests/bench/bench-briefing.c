/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-briefing.c — how fast a briefing note is checked and printed.
 *
 * Builds a project of three long articles and 200 highlights, and a note
 * of some 20 pages citing each highlight once (200 paragraphs, one heading
 * every ten). Measures, as medians of several runs, with CPU time beside
 * wall time (the machine is shared):
 *
 *   - the preview's work on each pause in typing: parse the body, resolve
 *     its 200 citations from the project and verify each quote against its
 *     document's text; floor: parsing alone;
 *   - the PDF export (read the note, verify, lay out, paginate with
 *     footnotes, draw, write the file); floor: the same paragraphs' plain
 *     text laid out with Pango and shown on a cairo PDF surface, one layout
 *     per paragraph, no pagination, no footnotes.
 *
 * Target (issue 9): a 20-page briefing with 200 citations exports to PDF
 * in < 1 s.
 *
 * Then notes a file from someone else may hold (the hostile-note walk),
 * each exported to Markdown and to PDF, CPU medians beside the same number
 * of bytes of plain paragraphs (the floor): 200,000 '[' in one run,
 * 2,000 list levels, 100,000 '>' on one line, 5,000 emphases each in the
 * one before. None may pass DESIGN's "a hang is > 5 s", and each should
 * cost about what its floor does. Then 50,000 citations in one note (of
 * one highlight, of 200, of UUIDs no highlight has): the preview's work,
 * Markdown and PDF beside as many bytes of plain paragraphs; and the PDF
 * of 4 MB of paragraphs (the most a note holds) beside Pango laying them
 * out onto a cairo PDF. Then the PDF of 50,000 citations of UUIDs no
 * highlight has beside its own text (body and footnotes) through Pango
 * onto a cairo PDF. Then citations of UUIDs no highlight has, all in
 * one paragraph and 100 a paragraph: the preview's work. Then 200
 * citations after a word of 1 MB: the preview's work and what they keep.
 * Then 2,000 citations of 4 documents, and 200 of documents whose title,
 * author and outlet and whose tag's name are 10 MB long: the Markdown
 * export.
 * Not a test: run by hand (the tables after the first: all, or those
 * named of hostile, citations, output, long, paragraph, word, metadata),
 *   ninja -C _build tests/bench/bench-briefing && _build/tests/bench/bench-briefing [TABLE…]
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <dossier/dossier.h>

#include "bench-clock.h"
#include "test-util.h"
#include "dossier-briefing-layout.h"

#define N_CITATIONS 200
#define RUNS 5

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_doubles);
  return values[RUNS / 2];
}

static const char *words[] = {
  "harbour", "bridge", "council", "tram", "grant", "traders", "heritage", "commuters",
  "estimate", "deadline", "ministry", "inquiry", "ferry", "footfall", "bollards", "cyclists",
};

static void
append_words (GString *out,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (out, i + 1 < n ? ' ' : '.');
    }
}

/* Article number @number: @n_paragraphs of 80 words, a section every 12. */
static gint64
add_article (DossierProject *project,
             GRand          *rand,
             guint           number,
             guint           n_paragraphs)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *parsed;
  gint64 id;

  g_string_append_printf (text, "# Article %u\n\n", number);
  for (guint p = 0; p < n_paragraphs; p++)
    {
      if (p % 12 == 0)
        g_string_append_printf (text, "## Section %u\n\n", p / 12 + 1);
      append_words (text, rand, 80);
      g_string_append (text, "\n\n");
    }
  bytes = g_bytes_new (text->str, text->len);
  parsed = dossier_import_bytes (bytes, DOSSIER_FORMAT_MARKDOWN, "article.md", &error);
  g_assert_no_error (error);
  id = dossier_project_add_document (project, parsed, &error);
  g_assert_no_error (error);
  dossier_parsed_document_free (parsed);
  return id;
}

/* Markdown export of note @id to memory. */
static void
export_markdown (DossierProject *project,
                 gint64          id)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  DossierExportFilter filter = { 0 };
  DossierExportOptions options;

  filter.briefing_id = id;
  dossier_export_options_init (&options);
  options.allow_unverified = TRUE;
  g_assert_true (dossier_export_to_stream (project, DOSSIER_EXPORT_MARKDOWN, &filter, &options, out, NULL,
                                           &error));
  g_assert_no_error (error);
}

static void
export_pdf (DossierProject *project,
            gint64          id,
            const char     *pdf)
{
  g_autoptr(GError) error = NULL;
  DossierBriefingPdfOptions options;

  /* Citations that do not verify printed marked, as the page offers. */
  dossier_briefing_pdf_options_init (&options);
  options.allow_unverified = TRUE;
  g_assert_true (dossier_project_export_briefing_pdf (project, id, &options, pdf, NULL, &error));
  g_assert_no_error (error);
}

/* The Brief page's work when typing pauses: parse, resolve and verify
 * the citations, and the evidence by section. */
static void
preview_work (DossierProject *project,
              gint64          id)
{
  g_autoptr(GError) error = NULL;
  DossierBriefing *briefing = dossier_project_get_briefing (project, id);
  g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (dossier_briefing_get_body (briefing));
  g_autoptr(GPtrArray) citations = dossier_project_resolve_citations (project, root, &error);
  g_autoptr(GPtrArray) sections = NULL;

  g_assert_no_error (error);
  dossier_citations_verify (citations, NULL);
  sections = dossier_briefing_get_sections_verified (root, citations);
}

typedef enum
{
  WORK_PREVIEW,
  WORK_MARKDOWN,
  WORK_PDF,
} Work;

/* CPU ms, the median of RUNS, of @work on note @id. */
static double
median_cpu_of (DossierProject *project,
               gint64          id,
               Work            work,
               const char     *pdf)
{
  double values[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      Stamp t0 = stamp ();

      if (work == WORK_PDF)
        export_pdf (project, id, pdf);
      else if (work == WORK_MARKDOWN)
        export_markdown (project, id);
      else
        preview_work (project, id);
      values[run] = since (t0).cpu;
    }
  return median (values);
}

static double
median_cpu (DossierProject *project,
            gint64          id,
            const char     *pdf)
{
  return median_cpu_of (project, id, pdf != NULL ? WORK_PDF : WORK_MARKDOWN, pdf);
}

/* A note of as many bytes of paragraphs of words as @bytes. */
static gint64
add_floor_note (DossierProject *project,
                gsize           bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);
  gint64 id;

  while (plain->len < bytes)
    g_string_append (plain, "The council voted on the bridge, and the traders wrote to the ministry.\n\n");
  id = dossier_project_add_briefing (project, "Floor", NULL, 0, plain->str, &error);
  g_assert_no_error (error);
  return id;
}

static void
hostile_row (DossierProject *project,
             const char     *what,
             const char     *body,
             const char     *pdf)
{
  g_autoptr(GError) error = NULL;
  gint64 note, floor_note;
  double md, md_floor, out, out_floor;

  note = dossier_project_add_briefing (project, what, NULL, 0, body, &error);
  g_assert_no_error (error);
  floor_note = add_floor_note (project, strlen (body));

  md = median_cpu (project, note, NULL);
  md_floor = median_cpu (project, floor_note, NULL);
  out = median_cpu (project, note, pdf);
  out_floor = median_cpu (project, floor_note, pdf);
  printf ("| %s (%zu KB) | %.0f ms | %.0f ms | %.1f× | %.0f ms | %.0f ms | %.1f× |\n", what,
          strlen (body) / 1024, md, md_floor, md / md_floor, out, out_floor, out / out_floor);
}

static void
hostile_notes (DossierProject *project,
               const char     *pdf)
{
  g_autoptr(GString) body = g_string_new (NULL);

  printf ("\nNotes from someone else, CPU medians of %d runs, each beside as many bytes of plain "
          "paragraphs:\n\n", RUNS);
  printf ("| note | Markdown | floor | ratio | PDF | floor | ratio |\n");
  printf ("| --- | --- | --- | --- | --- | --- | --- |\n");

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (body, '[');
  hostile_row (project, "200,000 '[' in one run", body->str, pdf);

  g_string_truncate (body, 0);
  for (guint k = 0; k < 2000; k++)
    g_string_append_printf (body, "%*s- item %u\n", (int) (2 * k), "", k);
  hostile_row (project, "2,000 list levels", body->str, pdf);

  g_string_truncate (body, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (body, '>');
  hostile_row (project, "100,000 '>' on one line", body->str, pdf);

  g_string_truncate (body, 0);
  for (guint k = 0; k < 2500; k++)
    g_string_append (body, "*a _b ");
  g_string_append (body, "core");
  for (guint k = 0; k < 2500; k++)
    g_string_append (body, " b_ a*");
  hostile_row (project, "5,000 emphases nested", body->str, pdf);
}

static void
citation_row (DossierProject *project,
              const char     *what,
              const char     *body,
              const char     *pdf)
{
  g_autoptr(GError) error = NULL;
  gint64 note = dossier_project_add_briefing (project, what, NULL, 0, body, &error);
  gint64 floor_note = add_floor_note (project, strlen (body));
  double values[6];

  g_assert_no_error (error);
  for (Work work = WORK_PREVIEW; work <= WORK_PDF; work++)
    {
      values[2 * work] = median_cpu_of (project, note, work, pdf);
      values[2 * work + 1] = median_cpu_of (project, floor_note, work, pdf);
    }
  printf ("| %s (%zu KB) | %.0f ms | %.0f ms | %.1f× | %.0f ms | %.0f ms | %.1f× | %.0f ms | %.0f ms | %.1f× |\n",
          what, strlen (body) / 1024, values[0], values[1], values[0] / values[1], values[2], values[3],
          values[2] / values[3], values[4], values[5], values[4] / values[5]);
  fflush (stdout);
}

/* 50,000 citations, 100 a paragraph: of one highlight, of the note's
 * 200 highlights in turn, and of 50,000 UUIDs no highlight has (a note
 * from another project). */
static void
many_citations (DossierProject *project,
                char          **uuids,
                const char     *pdf)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (50);

  printf ("\n50,000 citations in one note, CPU medians of %d runs, each beside as many bytes of plain "
          "paragraphs (preview: parse, resolve, verify, evidence by section):\n\n", RUNS);
  printf ("| note | preview | floor | ratio | Markdown | floor | ratio | PDF | floor | ratio |\n");
  printf ("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (body, "Claim [@%s]%s", uuids[0], i % 100 == 99 ? "\n\n" : " ");
  citation_row (project, "of one highlight", body->str, pdf);

  g_string_truncate (body, 0);
  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (body, "Claim [@%s]%s", uuids[i % N_CITATIONS], i % 100 == 99 ? "\n\n" : " ");
  citation_row (project, "of 200 highlights", body->str, pdf);

  g_string_truncate (body, 0);
  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (body, "Claim [@%08x-%04x-4%03x-a%03x-%012x]%s", g_rand_int (rand),
                            i % 0x10000, i % 0x1000, i % 0x1000, i, i % 100 == 99 ? "\n\n" : " ");
  citation_row (project, "of 50,000 UUIDs no highlight has", body->str, pdf);
}

/* Citations of UUIDs no highlight has (a note from another project), all
 * in one paragraph and 100 a paragraph: the preview's work (CPU medians),
 * beside as many bytes of plain paragraphs. The words before each
 * citation, kept to name it by, are what one paragraph costs more; each
 * UUID's lookup, what 100 a paragraph costs more than plain text. */
static void
one_paragraph (DossierProject *project)
{
  static const guint counts[] = { 2000, 8000 };

  printf ("\nCitations of UUIDs no highlight has, the preview's work (parse, resolve, verify, evidence by "
          "section), CPU medians of %d runs:\n\n", RUNS);
  printf ("| citations | in one paragraph | 100 a paragraph | ratio | plain paragraphs (floor) "
          "| ratio of 100 a paragraph |\n");
  printf ("| --- | --- | --- | --- | --- | --- |\n");
  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(GString) one = g_string_new (NULL);
      g_autoptr(GString) spread = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      gint64 one_note, spread_note, floor_note;
      double t_one, t_spread, t_floor;

      for (guint i = 0; i < counts[c]; i++)
        {
          g_string_append_printf (one, "Claim [@%08x-0000-4000-a000-%012x] ", i, i);
          g_string_append_printf (spread, "Claim [@%08x-0000-4000-a000-%012x]%s", i, i,
                                  i % 100 == 99 ? "\n\n" : " ");
        }
      one_note = dossier_project_add_briefing (project, "One paragraph", NULL, 0, one->str, &error);
      g_assert_no_error (error);
      spread_note = dossier_project_add_briefing (project, "Spread", NULL, 0, spread->str, &error);
      g_assert_no_error (error);
      floor_note = add_floor_note (project, spread->len);
      t_one = median_cpu_of (project, one_note, WORK_PREVIEW, NULL);
      t_spread = median_cpu_of (project, spread_note, WORK_PREVIEW, NULL);
      t_floor = median_cpu_of (project, floor_note, WORK_PREVIEW, NULL);
      printf ("| %u (%zu KB) | %.0f ms | %.0f ms | %.1f× | %.1f ms | %.1f× |\n", counts[c], one->len / 1024,
              t_one, t_spread, t_one / t_spread, t_floor, t_spread / t_floor);
      fflush (stdout);
    }
}

/* 200 citations of UUIDs no highlight has after a "word" of 1 MB (a note
 * from elsewhere may hold any), all in one paragraph: the preview's work
 * (CPU median) and the bytes the citations keep of the words before them,
 * beside as many bytes of plain paragraphs. */
static void
long_word (DossierProject *project)
{
  g_autoptr(GString) body = g_string_new ("Before ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  gint64 note, floor_note;
  gsize kept = 0;
  double t, t_floor;

  while (body->len < 1024 * 1024)
    g_string_append (body, "abcdefghijklmnopqrstuvwxyz");
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (body, " [@%08x-0000-4000-a000-%012x]", i, i);
  note = dossier_project_add_briefing (project, "Long word", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  floor_note = add_floor_note (project, body->len);
  t = median_cpu_of (project, note, WORK_PREVIEW, NULL);
  t_floor = median_cpu_of (project, floor_note, WORK_PREVIEW, NULL);
  {
    g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (body->str);

    citations = dossier_project_resolve_citations (project, root, &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < citations->len; i++)
    kept += strlen (((DossierCitation *) g_ptr_array_index (citations, i))->note_context);
  printf ("\n| 200 citations after a word of 1 MB, the preview's work | %.0f ms CPU | words kept before them: "
          "%zu bytes | plain paragraphs (floor): %.0f ms | %.1f× |\n",
          t, kept, t_floor, t / t_floor);
}

/* A project of 4 articles and @n highlights (tag "Evidence"), and a note
 * citing each once, 20 a paragraph; the UUIDs cited in @uuids. */
static DossierProject *
make_cited_project (const char *path,
                    guint       n,
                    gint64     *note,
                    GPtrArray  *uuids)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (44);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  DossierProject *project = dossier_project_create (path, "Cited", &error);
  gint64 docs[4];
  gint64 tag;

  g_assert_no_error (error);
  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    docs[d] = add_article (project, rand, d + 1, 12 + n / 40);
  tag = dossier_project_add_tag (project, "Evidence", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      gint64 start = 40 + (i / G_N_ELEMENTS (docs)) * 60;
      gint64 id = dossier_project_add_highlight (project, docs[i % G_N_ELEMENTS (docs)], start, start + 40,
                                                 &tag, 1, NULL, &error);
      g_autoptr(DossierHighlight) h = NULL;

      g_assert_no_error (error);
      h = dossier_project_get_highlight (project, id, &error);
      g_assert_no_error (error);
      g_ptr_array_add (uuids, g_strdup (dossier_highlight_get_uuid (h)));
      g_string_append_printf (body, "Claim [@%s]%s", dossier_highlight_get_uuid (h),
                              i % 20 == 19 ? "\n\n" : " ");
    }
  *note = dossier_project_add_briefing (project, "Cited", docs, G_N_ELEMENTS (docs), body->str, &error);
  g_assert_no_error (error);
  return project;
}

/* CPU ms of reading the cited highlights' rows by UUID with raw SQLite
 * (quote and offsets), the least a resolution reads. */
static double
raw_reads_cpu (const char *path,
               GPtrArray  *uuids)
{
  double values[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      Stamp t0 = stamp ();
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT start, end, quote, memo FROM highlights WHERE uuid = ?1",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      for (guint i = 0; i < uuids->len; i++)
        {
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (uuids, i), -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_free (g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      values[run] = since (t0).cpu;
    }
  return median (values);
}

/* Citations of many highlights, then of highlights whose documents'
 * titles, authors and outlets and whose tag's name are 10 MB long (a file
 * from someone else): the Markdown export, CPU medians, beside the raw
 * reads of the same highlights' rows, and beside the same note with
 * short values. */
static void
citations_metadata (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "cited.dossier", NULL);
  g_autofree char *huge_path = g_build_filename (dir, "huge.dossier", NULL);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) few = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  DossierProject *project;
  gint64 note, few_note;
  double md, raw, short_md, huge_md;

  printf ("\nCitations and their documents' metadata: the Markdown export, CPU medians of %d runs:\n\n", RUNS);
  printf ("| note | Markdown | floor | ratio |\n");
  printf ("| --- | --- | --- | --- |\n");

  project = make_cited_project (path, 2000, &note, uuids);
  md = median_cpu (project, note, NULL);
  raw = raw_reads_cpu (path, uuids);
  printf ("| 2,000 citations of 4 documents | %.0f ms | raw SQLite reads of the 2,000 rows: %.1f ms | %.1f× |\n",
          md, raw, md / raw);
  fflush (stdout);
  dossier_project_close (project);
  g_object_unref (project);

  project = make_cited_project (huge_path, 200, &few_note, few);
  short_md = median_cpu (project, few_note, NULL);
  dossier_project_close (project);
  g_object_unref (project);
  test_sql_exec (huge_path,
                 "UPDATE documents SET title = printf ('%.*c', 10000000, 't'), "
                 "  author = printf ('%.*c', 10000000, 'a'), outlet = printf ('%.*c', 10000000, 'o');"
                 "UPDATE tags SET name = printf ('%.*c', 10000000, 'g');");
  project = dossier_project_open (huge_path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  huge_md = median_cpu (project, few_note, NULL);
  printf ("| 200 citations, titles, authors, outlets and the tag's name of 10 MB | %.0f ms "
          "| the same with short ones: %.0f ms | %.1f× |\n", huge_md, short_md, huge_md / short_md);
  dossier_project_close (project);
  g_object_unref (project);
}

/* One Pango layout per paragraph shown on a cairo PDF surface, paged. */
static void
pango_floor (GPtrArray  *paragraphs,
             const char *floor_pdf)
{
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_surface_t *surface = cairo_pdf_surface_create (floor_pdf, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Serif 10.5");
  double y = 64;

  pango_cairo_context_set_resolution (context, 72);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      PangoLayout *layout = pango_layout_new (context);
      int height;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) (459 * PANGO_SCALE));
      pango_layout_set_text (layout, g_ptr_array_index (paragraphs, i), -1);
      pango_layout_get_size (layout, NULL, &height);
      if (y + height / (double) PANGO_SCALE > 770)
        {
          cairo_show_page (cr);
          y = 64;
        }
      cairo_move_to (cr, 68, y);
      pango_cairo_show_layout (cr, layout);
      y += height / (double) PANGO_SCALE + 8;
      g_object_unref (layout);
    }
  pango_font_description_free (font);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_object_unref (context);
  g_object_unref (map);
}

/* What the PDF of @content shows, as text: each paragraph of its body with
 * its citations' numbers ("[3]", "[3⚠]"), then each footnote ("3.\t"
 * and what the PDF says of the passage or of what is wrong with it). */
static void
output_text (DossierBriefingContent *content,
             GPtrArray              *paragraphs,
             GPtrArray              *notes)
{
  for (guint i = 0; content->root->children != NULL && i < content->root->children->len; i++)
    {
      DossierMarkdownNode *block = g_ptr_array_index (content->root->children, i);
      GString *text = g_string_new (NULL);

      for (guint k = 0; block->children != NULL && k < block->children->len; k++)
        {
          DossierMarkdownNode *node = g_ptr_array_index (block->children, k);
          DossierCitation *c;

          if (node->kind == DOSSIER_MARKDOWN_TEXT)
            g_string_append (text, node->text);
          else if (node->kind == DOSSIER_MARKDOWN_CITATION &&
                   (c = dossier_citations_lookup_node (content->citations, node)) != NULL)
            g_string_append_printf (text, c->status == DOSSIER_CITATION_OK ? "[%u]" : "[%u⚠]", c->number);
        }
      g_ptr_array_add (paragraphs, g_string_free (text, FALSE));
    }
  for (guint i = 0; i < content->citations->len; i++)
    {
      DossierCitation *c = g_ptr_array_index (content->citations, i);
      g_autofree char *problem = dossier_citation_describe_problem (c);

      if (problem != NULL)
        g_ptr_array_add (notes, g_strdup_printf ("%u.\tUnverified: %s.", c->number, problem));
      else
        g_ptr_array_add (notes, g_strdup_printf ("%u.\t“%s” — %s.", c->number, c->quote, c->document_title));
    }
}

/* One Pango layout per paragraph, then per footnote (smaller, its number
 * hanging), shown whole on a cairo PDF, paged: no footnotes at the foot of
 * their pages, no links. */
static void
pango_output_floor (GPtrArray  *paragraphs,
                    GPtrArray  *notes,
                    const char *floor_pdf)
{
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_surface_t *surface = cairo_pdf_surface_create (floor_pdf, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoFontDescription *body_font = pango_font_description_from_string ("DejaVu Serif 10.5");
  PangoFontDescription *note_font = pango_font_description_from_string ("DejaVu Serif 8.5");
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT, 16 * PANGO_SCALE);
  double y = 64;

  pango_cairo_context_set_resolution (context, 72);
  for (guint i = 0; i < paragraphs->len + notes->len; i++)
    {
      PangoLayout *layout = pango_layout_new (context);
      gboolean note = i >= paragraphs->len;
      int height;

      pango_layout_set_font_description (layout, note ? note_font : body_font);
      pango_layout_set_width (layout, (int) (459 * PANGO_SCALE));
      if (note)
        {
          pango_layout_set_tabs (layout, tabs);
          pango_layout_set_indent (layout, -16 * PANGO_SCALE);
        }
      pango_layout_set_text (layout, note ? g_ptr_array_index (notes, i - paragraphs->len)
                                          : g_ptr_array_index (paragraphs, i), -1);
      pango_layout_get_size (layout, NULL, &height);
      if (y + height / (double) PANGO_SCALE > 770)
        {
          cairo_show_page (cr);
          y = 64;
        }
      cairo_move_to (cr, 68, y);
      pango_cairo_show_layout (cr, layout);
      y += height / (double) PANGO_SCALE + (note ? 3 : 8);
      g_object_unref (layout);
    }
  pango_tab_array_free (tabs);
  pango_font_description_free (body_font);
  pango_font_description_free (note_font);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_object_unref (context);
  g_object_unref (map);
}

/* The PDF of 50,000 citations of UUIDs no highlight has (50,000
 * footnotes, each saying so) beside its own text through Pango onto a
 * cairo PDF: what the footnotes cost, set apart from what its body's
 * bytes of plain paragraphs do (the floor of the citations table). */
static void
output_floor (DossierProject *project,
              const char     *pdf,
              const char     *floor_pdf)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (50);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  double values[RUNS], floors[RUNS];
  gint64 note;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (body, "Claim [@%08x-%04x-4%03x-a%03x-%012x]%s", g_rand_int (rand),
                            i % 0x10000, i % 0x1000, i % 0x1000, i, i % 100 == 99 ? "\n\n" : " ");
  note = dossier_project_add_briefing (project, "Unknown", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  {
    g_autoptr(DossierBriefingContent) content = dossier_project_read_briefing_content (project, note, TRUE, NULL,
                                                                                      &error);

    g_assert_no_error (error);
    output_text (content, paragraphs, notes);
  }
  for (guint run = 0; run < RUNS; run++)
    {
      Stamp t0 = stamp ();

      export_pdf (project, note, pdf);
      values[run] = since (t0).cpu;
      t0 = stamp ();
      pango_output_floor (paragraphs, notes, floor_pdf);
      floors[run] = since (t0).cpu;
    }
  printf ("\n| PDF of 50,000 citations of UUIDs no highlight has (%u paragraphs, %u footnotes) | %.0f ms CPU "
          "| its text through Pango onto a cairo PDF: %.0f ms | %.1f× |\n",
          paragraphs->len, notes->len, median (values), median (floors), median (values) / median (floors));
}

/* The CPU time of a PDF of 4 MB of paragraphs beside the same
 * paragraphs laid out by Pango onto a cairo PDF surface. */
static void
long_note (DossierProject *project,
           const char     *pdf,
           const char     *floor_pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  double values[RUNS], floors[RUNS];
  gint64 note;

  while (body->len < 4000000)
    {
      g_autoptr(GString) paragraph = g_string_new (NULL);

      append_words (paragraph, rand, 60);
      g_string_append_printf (body, "%s\n\n", paragraph->str);
      g_ptr_array_add (paragraphs, g_string_free (g_steal_pointer (&paragraph), FALSE));
    }
  note = dossier_project_add_briefing (project, "Long", NULL, 0, body->str, &error);
  g_assert_no_error (error);
  for (guint run = 0; run < RUNS; run++)
    {
      Stamp t0 = stamp ();

      export_pdf (project, note, pdf);
      values[run] = since (t0).cpu;
      t0 = stamp ();
      pango_floor (paragraphs, floor_pdf);
      floors[run] = since (t0).cpu;
    }
  printf ("\n| PDF of 4 MB of paragraphs (%u) | %.0f ms CPU | Pango onto a cairo PDF: %.0f ms | %.1f× |\n",
          paragraphs->len, median (values), median (floors), median (values) / median (floors));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-briefing-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.dossier", NULL);
  g_autofree char *pdf = g_build_filename (dir, "note.pdf", NULL);
  g_autofree char *floor_pdf = g_build_filename (dir, "floor.pdf", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  gint64 docs[3];
  g_autofree char **uuids = g_new0 (char *, N_CITATIONS + 1);
  double preview[RUNS], preview_cpu[RUNS], parse[RUNS], export[RUNS], export_cpu[RUNS], floor[RUNS];
  gint64 briefing;
  guint pages = 0;

  project = dossier_project_create (path, "Bench", &error);
  g_assert_no_error (error);

  /* Three articles of 60 paragraphs; 200 highlights spread over them. */
  for (guint d = 0; d < 3; d++)
    docs[d] = add_article (project, rand, d + 1, 60);
  {
    gint64 tag = dossier_project_add_tag (project, "Evidence", 0, NULL, NULL, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < N_CITATIONS; i++)
      {
        gint64 doc = docs[i % 3];
        gint64 start = 40 + (i / 3) * 70;
        gint64 id = dossier_project_add_highlight (project, doc, start, start + 40, &tag, 1, NULL, &error);
        g_autoptr(DossierHighlight) h = NULL;

        g_assert_no_error (error);
        h = dossier_project_get_highlight (project, id, &error);
        g_assert_no_error (error);
        uuids[i] = g_strdup (dossier_highlight_get_uuid (h));
      }
  }

  /* The note: 200 paragraphs of 36 words, each citing one highlight. */
  for (guint i = 0; i < N_CITATIONS; i++)
    {
      g_autoptr(GString) paragraph = g_string_new (NULL);

      if (i % 10 == 0)
        g_string_append_printf (body, "## Part %u\n\n", i / 10 + 1);
      append_words (paragraph, rand, 36);
      g_ptr_array_add (paragraphs, g_strdup (paragraph->str));
      g_string_append_printf (body, "%s *As reported* [@%s].\n\n", paragraph->str, uuids[i]);
    }
  briefing = dossier_project_add_briefing (project, "Bench note", docs, 3, body->str, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < RUNS; run++)
    {
      Stamp t0;
      Ms ms;

      /* The preview's work. */
      t0 = stamp ();
      {
        g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (body->str);
        g_autoptr(GPtrArray) citations = dossier_project_resolve_citations (project, root, &error);
        g_autoptr(GPtrArray) sections = dossier_briefing_get_sections (root);

        g_assert_no_error (error);
        g_assert_cmpuint (citations->len, ==, N_CITATIONS);
        g_assert_true (dossier_citations_verify (citations, NULL));
      }
      ms = since (t0);
      preview[run] = ms.wall;
      preview_cpu[run] = ms.cpu;
      t0 = stamp ();
      {
        g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (body->str);
      }
      parse[run] = since (t0).wall;

      /* The PDF export. */
      t0 = stamp ();
      g_assert_true (dossier_project_export_briefing_pdf (project, briefing, NULL, pdf, NULL, &error));
      g_assert_no_error (error);
      ms = since (t0);
      export[run] = ms.wall;
      export_cpu[run] = ms.cpu;

      /* The floor: the same text, one Pango layout per paragraph on a PDF. */
      t0 = stamp ();
      pango_floor (paragraphs, floor_pdf);
      floor[run] = since (t0).wall;
    }

  {
    g_autoptr(DossierBriefingContent) content =
      dossier_project_read_briefing_content (project, briefing, FALSE, NULL, &error);
    DossierBriefingLayout *layout;
    double width, height;

    g_assert_no_error (error);
    dossier_paper_get_size (DOSSIER_PAPER_A4, &width, &height);
    layout = dossier_briefing_layout_new (content, FALSE, width, height);
    pages = dossier_briefing_layout_get_n_pages (layout);
    dossier_briefing_layout_free (layout);
  }

  {
    double p = median (preview), pc = median (preview_cpu), f0 = median (parse);
    double e = median (export), ec = median (export_cpu), f1 = median (floor);

    printf ("A briefing note of %u A4 pages citing %d highlights, medians of %d runs:\n\n",
            pages, N_CITATIONS, RUNS);
    printf ("| operation | median | target | floor (same run) | ratio |\n");
    printf ("| --- | --- | --- | --- | --- |\n");
    printf ("| preview: parse, resolve and verify %d citations | %.1f ms (%.1f ms CPU) | — "
            "| parsing alone: %.1f ms | %.1f× |\n", N_CITATIONS, p, pc, f0, p / f0);
    printf ("| export to PDF (%u pages, %d footnotes) | %.0f ms (%.0f ms CPU) | < 1 s "
            "| the same text through Pango onto a cairo PDF: %.0f ms | %.1f× |\n",
            pages, N_CITATIONS, e, ec, f1, e / f1);
  }

  /* Each table, or those named: hostile, citations, output, long, paragraph, word. */
  if (argc < 2 || g_strv_contains ((const char * const *) argv + 1, "hostile"))
    hostile_notes (project, pdf);
  if (argc < 2 || g_strv_contains ((const char * const *) argv + 1, "citations"))
    many_citations (project, uuids, pdf);
  if (argc < 2 || g_strv_contains ((const char * const *) argv + 1, "output"))
    output_floor (project, pdf, floor_pdf);
  if (argc < 2 || g_strv_contains ((const char * const *) argv + 1, "long"))
    long_note (project, pdf, floor_pdf);
  if (argc < 2 || g_strv_contains ((const char * const *) argv + 1, "paragraph"))
    one_paragraph (project);
  if (argc < 2 || g_strv_contains ((const char * const *) argv + 1, "word"))
    long_word (project);
  if (argc < 2 || g_strv_contains ((const char * const *) argv + 1, "metadata"))
    citations_metadata (dir);

  g_strfreev (g_steal_pointer (&uuids));
  dossier_project_close (project);
  g_clear_object (&project);
  remove_tree (dir);
  return 0;
}
