/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-briefing-export.c — a briefing note exported as Markdown and HTML:
 * numbered footnotes with the quote, title, outlet, date and section
 * heading; a note's own text escaped and dangerous links disarmed; every
 * citation verified first (a deleted or altered passage refuses the export
 * and leaves no file, unless allowed, then marked); the appendix by
 * source; the template filled with the project's evidence. */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "briefing-fixture.h"
#include "dossier-project-private.h"

typedef BriefingFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  briefing_fixture_set_up (f, data, "«une perte» 🚋 for 周美林’s shop");
}

/* The export, or NULL with @error. */
static char *
export_briefing (Fixture             *f,
                 gint64               briefing,
                 DossierExportFormat  format,
                 gboolean             appendix,
                 gboolean             allow_unverified,
                 GError             **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  DossierExportFilter filter = { 0 };
  DossierExportOptions options;

  filter.briefing_id = briefing;
  dossier_export_options_init (&options);
  options.appendix = appendix;
  options.allow_unverified = allow_unverified;
  if (!dossier_export_to_stream (f->base.project, format, &filter, &options, out, NULL, error))
    return NULL;
  g_output_stream_write (out, "", 1, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export_ok (Fixture             *f,
           gint64               briefing,
           DossierExportFormat  format,
           gboolean             appendix)
{
  g_autoptr(GError) error = NULL;
  char *out = export_briefing (f, briefing, format, appendix, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (out);
  return out;
}

/* ---- Markdown ------------------------------------------------------------- */

static void
test_markdown (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf (
      "# Where things stand\n"
      "\n"
      "The vote was close [@%s], and the grant *conditional* [@%s].\n"
      "\n"
      "## Traders\n"
      "\n"
      "- Shops fear losses [@%s]\n"
      "  - nested, citing the vote again [@%s]\n"
      "\n"
      "> <script>alert(1)</script> [click](javascript:alert(1)) [ok](https://example.org/a)\n",
      f->vote_uuid, f->grant_uuid, f->traders_uuid, f->vote_uuid);
  gint64 id = briefing_fixture_add_note (f, "Bridge *note* <b>", body);
  g_autofree char *md = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, FALSE);
  g_autofree char *expected = NULL;

  expected = g_strdup_printf (
      "# Bridge \\*note\\* \\<b\\>\n"
      "\n"
      "**Compares:**\n"
      "\n"
      /* Titles of works in italics, as in the footnotes. */
      "1. *A tram dream with a bill to come* — The Civic Ledger, 2025-03-13\n"
      "2. *Port Calder closes its bridge* — The Calder Tribune, 2025-03-12\n"
      "\n"
      /* The body's top heading sits under the note's title. */
      "## Where things stand\n"
      "\n"
      "The vote was close [^1], and the grant *conditional* [^2].\n"
      "\n"
      "### Traders\n"
      "\n"
      "- Shops fear losses [^3]\n"
      "  - nested, citing the vote again [^1]\n"
      "\n"
      /* What the note shows as text stays text everywhere; a link that
       * could run something keeps only its words. */
      "> \\<script\\>alert(1)\\</script\\> click [ok](https://example.org/a)\n"
      "\n"
      "[^1]: “voted 31 to 24” — *Port Calder closes its bridge*, The Calder Tribune, 2025-03-12.\n"
      "[^2]: “£72 million” — *Port Calder closes its bridge*, The Calder Tribune, 2025-03-12, "
      "section “The money”.\n"
      "[^3]: “«une perte» 🚋 for 周美林’s shop” — *A tram dream with a bill to come*, "
      "The Civic Ledger, 2025-03-13, section “Traders”.\n");
  g_assert_cmpstr (md, ==, expected);
}

static void
fixture_set_up_quoted (Fixture       *f,
                       gconstpointer  data)
{
  briefing_fixture_set_up (f, data, "“we cannot wait for 2027”");
}

/* A passage that is a quotation already keeps its own marks in the
 * footnotes, not ““…”” (and is marked as any other when it is not). */
static void
test_markdown_quoted (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("Traders [@%s], the vote [@%s].\n", f->traders_uuid, f->vote_uuid);
  gint64 id = briefing_fixture_add_note (f, "Quoted", body);
  g_autofree char *md = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, FALSE);

  g_assert_nonnull (strstr (md, "\n[^1]: “we cannot wait for 2027” — *A tram dream with a bill to come*"));
  g_assert_nonnull (strstr (md, "\n[^2]: “voted 31 to 24” — *Port Calder closes its bridge*"));
  g_assert_null (strstr (md, "““"));
}

static void
test_markdown_appendix (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("Grant [@%s], traders [@%s], vote [@%s].\n",
                                           f->grant_uuid, f->traders_uuid, f->vote_uuid);
  gint64 id = briefing_fixture_add_note (f, "Appendix", body);
  g_autofree char *md = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, TRUE);
  const char *appendix = strstr (md, "## Cited passages by source\n");
  const char *ledger, *tribune, *vote, *grant;

  g_assert_nonnull (appendix);
  /* Sources in the note's order (the Ledger first), passages by position
   * in each, each with its footnote number. */
  ledger = strstr (appendix, "### A tram dream with a bill to come\n\n*The Civic Ledger, 2025-03-13*\n");
  tribune = strstr (appendix, "### Port Calder closes its bridge\n\n*The Calder Tribune, 2025-03-12*\n");
  vote = strstr (appendix, "> voted 31 to 24\n>\n> — [3]\n");
  grant = strstr (appendix, "> £72 million\n>\n> — [1], section “The money”\n");
  g_assert_nonnull (ledger);
  g_assert_nonnull (tribune);
  g_assert_nonnull (vote);
  g_assert_nonnull (grant);
  g_assert_true (ledger < tribune && tribune < vote && vote < grant);
  /* The footnotes still close the file. */
  g_assert_true (g_str_has_suffix (md, "\n[^3]: “voted 31 to 24” — *Port Calder closes its bridge*, "
                                      "The Calder Tribune, 2025-03-12.\n"));

  /* Without it: no appendix. */
  {
    g_autofree char *plain = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, FALSE);

    g_assert_null (strstr (plain, "Cited passages"));
  }
}

/* A document's author is named in its citations, after its title, and in
 * the list of documents compared and the appendix, before its outlet. */
static void
test_markdown_author (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("The vote [@%s].\n", f->vote_uuid);
  gint64 id = briefing_fixture_add_note (f, "Author", body);
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;

  g_assert_true (dossier_project_set_document_metadata (f->base.project, f->tribune, NULL, "Ana Ruiz",
                                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  md = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, TRUE);
  g_assert_nonnull (strstr (md, "\n2. *Port Calder closes its bridge* — Ana Ruiz, The Calder Tribune, 2025-03-12\n"));
  g_assert_nonnull (strstr (md, "\n### Port Calder closes its bridge\n\n*Ana Ruiz, The Calder Tribune, 2025-03-12*\n"));
  g_assert_true (g_str_has_suffix (md, "\n[^1]: “voted 31 to 24” — *Port Calder closes its bridge*, "
                                      "Ana Ruiz, The Calder Tribune, 2025-03-12.\n"));
  /* The other document has no author, and its lines no empty part. */
  g_assert_nonnull (strstr (md, "\n1. *A tram dream with a bill to come* — The Civic Ledger, 2025-03-13\n"));
}

/* ---- HTML ----------------------------------------------------------------- */

static xmlXPathObjectPtr
xpath (xmlDocPtr   doc,
       const char *expression)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST expression, ctx);

  xmlXPathFreeContext (ctx);
  g_assert_nonnull (result);
  return result;
}

static guint
count (xmlDocPtr   doc,
       const char *expression)
{
  xmlXPathObjectPtr result = xpath (doc, expression);
  guint n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

static char *
text_of (xmlDocPtr   doc,
         const char *expression)
{
  xmlXPathObjectPtr result = xpath (doc, expression);
  char *text;

  g_assert_nonnull (result->nodesetval);
  g_assert_cmpint (result->nodesetval->nodeNr, >=, 1);
  text = (char *) xmlNodeGetContent (result->nodesetval->nodeTab[0]);
  xmlXPathFreeObject (result);
  return text;
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf (
      "## Traders\n"
      "\n"
      "Shops fear losses [@%s]; the vote [@%s] and again [@%s].\n"
      "\n"
      "<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org/)\n",
      f->traders_uuid, f->vote_uuid, f->vote_uuid);
  gint64 id = briefing_fixture_add_note (f, "Note <script>alert(2)</script>", body);
  g_autofree char *html = export_ok (f, id, DOSSIER_EXPORT_HTML, TRUE);
  htmlDocPtr doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *source = NULL;
  g_autofree char *nowrap = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (doc);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  /* Self-contained and inert: one stylesheet, no script, no external
   * resource, no javascript: link. */
  g_assert_cmpuint (count (doc, "//script"), ==, 0);
  g_assert_cmpuint (count (doc, "//link | //img | //iframe"), ==, 0);
  g_assert_cmpuint (count (doc, "//style"), ==, 1);
  g_assert_cmpuint (count (doc, "//a[starts-with(@href, 'javascript')]"), ==, 0);
  g_assert_cmpuint (count (doc, "//a[@href='https://example.org/']"), ==, 1);

  title = text_of (doc, "//h1");
  g_assert_cmpstr (title, ==, "Note <script>alert(2)</script>");
  /* "Compares:" in bold, as in the Markdown and the PDF. */
  g_assert_cmpuint (count (doc, "//div[@class='compares']/p[. = 'Compares:']"), ==, 1);
  g_assert_nonnull (strstr (html, ".compares p{margin:0 0 .25rem;font-weight:bold}"));
  g_assert_cmpuint (count (doc, "//main/h2"), ==, 1);
  /* In the language of its captions, as the summaries; the note's blocks
   * and the quotes each in their own direction, so that one in Arabic
   * reads right to left. */
  g_assert_cmpuint (count (doc, "/html[@lang='en']"), ==, 1);
  g_assert_cmpuint (count (doc, "//main/h2[@dir='auto']"), ==, 1);
  g_assert_cmpuint (count (doc, "//main/p[not(@dir='auto')]"), ==, 0);
  g_assert_cmpuint (count (doc, "//li[@id='source-1']/blockquote/p[@dir='auto']"), ==, 1);

  /* Three references to two sources; each reference links to its source
   * and each source back to each of its references. */
  g_assert_cmpuint (count (doc, "//main//sup[@class='cite']"), ==, 3);
  /* Each with the word before it in a span that breaks no line, so that
   * no line begins with a citation's number; and nothing invisible in
   * the page (a word joiner, U+2060, did it once), which a copy would
   * take into an e-mail. */
  g_assert_null (strstr (html, "\u2060"));
  g_assert_nonnull (strstr (html, ".nowrap{white-space:nowrap}"));
  g_assert_cmpuint (count (doc, "//main//span[@class='nowrap']/sup[@class='cite']"), ==, 3);
  g_assert_cmpuint (count (doc, "//main//span[@class='nowrap']"), ==, 3);
  nowrap = text_of (doc, "(//main//span[@class='nowrap'])[1]");
  g_assert_cmpstr (nowrap, ==, "losses 1");
  g_clear_pointer (&nowrap, g_free);
  nowrap = text_of (doc, "(//main//span[@class='nowrap'])[3]");
  g_assert_cmpstr (nowrap, ==, "again 2");
  g_clear_pointer (&nowrap, g_free);
  text = text_of (doc, "//main/p[1]");
  g_assert_cmpstr (text, ==, "Shops fear losses 1; the vote 2 and again 2.");
  g_assert_cmpuint (count (doc, "//sup[@id='cite-2-2']/a[@href='#source-2']"), ==, 1);
  g_assert_cmpuint (count (doc, "//section[@class='footnotes']/ol/li"), ==, 2);
  g_assert_cmpuint (count (doc, "//li[@id='source-1']//a[@href='#cite-1-1']"), ==, 1);
  g_assert_cmpuint (count (doc, "//li[@id='source-2']//a[@href='#cite-2-2']"), ==, 1);
  first = text_of (doc, "//li[@id='source-1']/blockquote");
  g_assert_cmpstr (first, ==, "«une perte» 🚋 for 周美林’s shop");
  source = text_of (doc, "//li[@id='source-1']/p[@class='source']");
  g_assert_nonnull (strstr (source, "A tram dream with a bill to come, The Civic Ledger, 2025-03-13, "
                                    "section “Traders”."));
  /* The appendix: both sources, each passage once. */
  g_assert_cmpuint (count (doc, "//section[@class='appendix']/h3"), ==, 2);
  g_assert_cmpuint (count (doc, "//section[@class='appendix']/figure"), ==, 2);

  xmlFreeDoc (doc);
}

/* A citation right after a long emphasis or link keeps only its last
 * word on its line, the rest free to wrap: the element is cut in two
 * there, the text and the links the same. Code stays whole. Before, the
 * whole emphasis or link went in the span that breaks no line, past the
 * column's edge when long. */
static void
test_html_citation_last_word (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf (
      "Read *the long emphasised phrase that runs on*[@%s] and "
      "[a link of many words](https://example.org/) [@%s], "
      "**bold *nested words***[@%s], *one*[@%s] and `some code here`[@%s].\n",
      f->vote_uuid, f->grant_uuid, f->vote_uuid, f->vote_uuid, f->grant_uuid);
  gint64 id = briefing_fixture_add_note (f, "Words", body);
  g_autofree char *html = export_ok (f, id, DOSSIER_EXPORT_HTML, FALSE);
  htmlDocPtr doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  const char *held[] = { "on1", "words 2", "words1", "one1", "some code here2" };
  g_autofree char *text = NULL;

  g_assert_nonnull (doc);
  g_assert_cmpuint (count (doc, "//main//span[@class='nowrap']"), ==, G_N_ELEMENTS (held));
  for (guint i = 0; i < G_N_ELEMENTS (held); i++)
    {
      g_autofree char *expression = g_strdup_printf ("(//main//span[@class='nowrap'])[%u]", i + 1);
      g_autofree char *nowrap = text_of (doc, expression);

      g_assert_cmpstr (nowrap, ==, held[i]);
    }
  /* The emphasis in two, its last word with the citation. */
  g_assert_cmpuint (count (doc, "//main/p/em[. = 'the long emphasised phrase that runs ']"), ==, 1);
  g_assert_cmpuint (count (doc, "//main/p/span[@class='nowrap']/em[. = 'on']"), ==, 1);
  /* The link in two, both to the same place. */
  g_assert_cmpuint (count (doc, "//main/p/a[@href='https://example.org/'][. = 'a link of many ']"), ==, 1);
  g_assert_cmpuint (count (doc, "//main/p/span[@class='nowrap']/a[@href='https://example.org/'][. = 'words']"),
                    ==, 1);
  /* Nested: each element around the word is cut. */
  g_assert_cmpuint (count (doc, "//main/p/strong[. = 'bold nested ']/em[. = 'nested ']"), ==, 1);
  g_assert_cmpuint (count (doc, "//main/p/span[@class='nowrap']/strong/em[. = 'words']"), ==, 1);
  /* One word, and code: whole. */
  g_assert_cmpuint (count (doc, "//main/p/span[@class='nowrap']/em[. = 'one']"), ==, 1);
  g_assert_cmpuint (count (doc, "//main/p/span[@class='nowrap']/code[. = 'some code here']"), ==, 1);
  /* The text is the same. */
  text = text_of (doc, "//main/p[1]");
  g_assert_cmpstr (text, ==, "Read the long emphasised phrase that runs on1 and a link of many words 2, "
                             "bold nested words1, one1 and some code here2.");
  xmlFreeDoc (doc);
}

/* A source cited three times links back from its footnote to each of
 * the three ("↩ a b c", as Wikipedia writes it), each use its own
 * anchor; one cited once keeps its single "↩". Only the first use had a
 * link back. */
static void
test_html_back_links (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf (
      "The vote [@%s] was close [@%s].\n"
      "\n"
      "- Again the vote [@%s], *and* the grant [@%s]\n",
      f->vote_uuid, f->vote_uuid, f->vote_uuid, f->grant_uuid);
  gint64 id = briefing_fixture_add_note (f, "Uses <i>", body);
  g_autofree char *html = export_ok (f, id, DOSSIER_EXPORT_HTML, FALSE);
  htmlDocPtr doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  xmlXPathObjectPtr uses;
  g_autofree char *back = NULL;
  g_autofree char *title = NULL;

  g_assert_nonnull (doc);
  title = text_of (doc, "//h1");
  g_assert_cmpstr (title, ==, "Uses <i>");

  /* Every use has an id of its own, and its footnote links back to it. */
  uses = xpath (doc, "//main//sup[@class='cite']");
  g_assert_cmpint (uses->nodesetval->nodeNr, ==, 4);
  for (int i = 0; i < uses->nodesetval->nodeNr; i++)
    {
      g_autofree char *use_id = (char *) xmlGetProp (uses->nodesetval->nodeTab[i], BAD_CAST "id");
      g_autofree char *same = g_strdup_printf ("//*[@id='%s']", use_id);
      g_autofree char *link = NULL;
      guint number = 0;

      g_assert_nonnull (use_id);
      g_assert_cmpuint (count (doc, same), ==, 1);
      g_assert_cmpint (sscanf (use_id, "cite-%u-", &number), ==, 1);
      link = g_strdup_printf ("//section[@class='footnotes']//li[@id='source-%u']//a[@href='#%s']",
                              number, use_id);
      g_assert_cmpuint (count (doc, link), ==, 1);
    }
  xmlXPathFreeObject (uses);
  /* Each with the word before it, in a list item and after an emphasis
   * too. */
  g_assert_cmpuint (count (doc, "//main//span[@class='nowrap']/sup[@class='cite']"), ==, 4);
  g_assert_cmpuint (count (doc, "//main//li/span[@class='nowrap'][. = 'grant 2']"), ==, 1);

  /* The vote's footnote: "↩ a b c", each letter to its use in order. */
  g_assert_cmpuint (count (doc, "//li[@id='source-1']//a[starts-with(@href, '#cite-')]"), ==, 3);
  back = text_of (doc, "//li[@id='source-1']/p[@class='source']");
  g_assert_true (g_str_has_suffix (back, ". ↩ a b c"));
  g_assert_cmpuint (count (doc, "//li[@id='source-1']//a[@href='#cite-1-2' and text()='b']"), ==, 1);
  g_assert_cmpuint (count (doc, "//li[@id='source-1']//a[@href='#cite-1-3' and "
                                "@aria-label='Back to the text, citation 3 of 3']"), ==, 1);
  /* The grant's, cited once: one arrow. */
  g_assert_cmpuint (count (doc, "//li[@id='source-2']//a[starts-with(@href, '#cite-')]"), ==, 1);
  g_assert_cmpuint (count (doc, "//li[@id='source-2']//a[@href='#cite-2-1' and text()='↩' and "
                                "@aria-label='Back to the text']"), ==, 1);
  xmlFreeDoc (doc);
}

/* A passage under a heading that opens a list, "Cons:" (as the text
 * importer makes them), is in section “Cons” in its footnote, in every
 * format: “Cons:”. read as a stray colon. */
static void
test_section_colon (Fixture       *f,
                    gconstpointer  data)
{
  gint64 wire = add_markdown_doc (f->base.project,
                                  "# Port Calder approves the bridge plan\n"
                                  "\n"
                                  "## Cons:\n"
                                  "\n"
                                  "- Detours of 12 to 18 minutes for drivers\n",
                                  "Coastline Press Agency", "2025-03-13");
  g_autofree char *uuid = NULL;
  g_autofree char *body = NULL;
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  gint64 id;

  add_phrase_highlight (f->base.project, wire, "Detours of 12 to 18 minutes", f->tag, &uuid);
  body = g_strdup_printf ("Drivers face detours [@%s].\n", uuid);
  id = briefing_fixture_add_note (f, "Detours", body);
  md = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, TRUE);
  g_assert_nonnull (strstr (md, "[^1]: “Detours of 12 to 18 minutes” — *Port Calder approves the bridge "
                                "plan*, Coastline Press Agency, 2025-03-13, section “Cons”.\n"));
  g_assert_null (strstr (md, "Cons:"));
  html = export_ok (f, id, DOSSIER_EXPORT_HTML, TRUE);
  g_assert_nonnull (strstr (html, "section “Cons”."));
  g_assert_null (strstr (html, "Cons:"));
}

/* ---- Verification --------------------------------------------------------- */

static void
test_unverified (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("Vote [@%s], grant [@%s], traders [@%s].\n",
                                           f->vote_uuid, f->grant_uuid, f->traders_uuid);
  gint64 id = briefing_fixture_add_note (f, "Checked", body);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "note.md", NULL);
  DossierExportFilter filter = { 0 };
  g_autofree char *out = NULL;
  g_autofree char *html = NULL;

  /* The grant's highlight goes: the note is refused, naming it. */
  g_assert_true (dossier_project_delete_highlight (f->base.project, f->grant, &error));
  g_assert_no_error (error);
  out = export_briefing (f, id, DOSSIER_EXPORT_MARKDOWN, FALSE, FALSE, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_UNVERIFIED);
  g_assert_nonnull (strstr (error->message, "“Checked”"));
  g_assert_nonnull (strstr (error->message, "[2] cited after “Vote, grant”: the cited highlight is no "
                                            "longer in this project"));
  g_assert_null (strstr (error->message, f->grant_uuid));
  g_assert_null (strstr (error->message, "[1]"));
  g_clear_error (&error);

  /* …and no file is left behind. */
  filter.briefing_id = id;
  g_assert_false (dossier_export_to_file (f->base.project, DOSSIER_EXPORT_MARKDOWN, &filter, NULL,
                                          path, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_UNVERIFIED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Allowed: printed, and marked as what it is. */
  out = export_briefing (f, id, DOSSIER_EXPORT_MARKDOWN, FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Vote [^1], grant [^2], traders [^3].\n"));
  g_assert_nonnull (strstr (out, "[^2]: **Unverified:** the cited highlight is no longer in this project"));
  g_assert_nonnull (strstr (out, "[^1]: “voted 31 to 24”"));
  html = export_briefing (f, id, DOSSIER_EXPORT_HTML, FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "<sup class=\"cite unverified\" id=\"cite-2-1\">"));
  g_assert_nonnull (strstr (html, "<li class=\"unverified\" id=\"source-2\">"));
  g_clear_pointer (&out, g_free);

  /* Undo brings the passage back, and the note exports again. */
  g_assert_true (dossier_project_undo (f->base.project, &error));
  g_assert_no_error (error);
  out = export_briefing (f, id, DOSSIER_EXPORT_MARKDOWN, FALSE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (out, "Unverified"));
  g_clear_pointer (&out, g_free);

  /* A quote that no longer matches its text is refused too, with its words. */
  test_sql_exec (f->base.path, "UPDATE highlights SET quote = '£27 million' WHERE quote = '£72 million'");
  out = export_briefing (f, id, DOSSIER_EXPORT_HTML, FALSE, FALSE, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_UNVERIFIED);
  g_assert_nonnull (strstr (error->message, "[2] “£27 million”: the quote no longer matches"));
  g_clear_error (&error);
  test_sql_exec (f->base.path, "UPDATE highlights SET quote = '£72 million' WHERE quote = '£27 million'");
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = briefing_fixture_add_note (f, "Empty", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *empty = NULL;

  out = export_briefing (f, id + 100, DOSSIER_EXPORT_MARKDOWN, FALSE, FALSE, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  out = export_briefing (f, id, DOSSIER_EXPORT_CSV, FALSE, FALSE, &error);
  g_assert_null (out);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "Markdown or HTML"));
  g_clear_error (&error);

  /* An empty note says so rather than exporting nothing. */
  empty = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, TRUE);
  g_assert_nonnull (strstr (empty, "*This note is empty.*\n"));
  g_assert_null (strstr (empty, "[^"));
}

/* "The council", a stakeholder with the vote as its evidence; its id. */
static gint64
add_council (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 council = dossier_project_add_stakeholder (f->base.project, "The council", NULL,
                                                    DOSSIER_STAKEHOLDER_OTHER, &error);

  g_assert_no_error (error);
  g_assert_true (dossier_project_add_stakeholder_evidence (f->base.project, council, f->vote, "the vote",
                                                           DOSSIER_EVIDENCE_QUOTE,
                                                           DOSSIER_STANCE_UNKNOWN, &error));
  g_assert_no_error (error);
  return council;
}

/* ---- The template --------------------------------------------------------- */

static void
test_template (Fixture       *f,
               gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *tribune_only = NULL;
  g_autofree char *vote_cite = g_strdup_printf ("[@%s]", f->vote_uuid);
  g_autofree char *traders_cite = g_strdup_printf ("[@%s]", f->traders_uuid);
  g_autoptr(DossierMarkdownNode) root = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  const char *expected[] = {
    "Purpose", "Summary", "Background", "Stakeholders and their positions", "The council",
    "Pros and cons", "Close the bridge to cars?", "Where sources diverge",
    "Options and recommendation",
  };
  gint64 question, pro, con;
  gint64 tribune[] = { f->tribune };

  add_council (f);
  question = dossier_project_add_question (project, "Close the bridge to cars?", &error);
  g_assert_no_error (error);
  pro = dossier_project_add_argument (project, question, DOSSIER_POLARITY_PRO,
                                      "Cleaner air on the *quay*", 0, 3, &error);
  g_assert_no_error (error);
  con = dossier_project_add_argument (project, question, DOSSIER_POLARITY_CON,
                                      "Shops lose trade", 0, 3, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_add_argument_evidence (project, con, f->traders, NULL, &error));
  g_assert_no_error (error);
  (void) pro;

  all = dossier_project_make_briefing_template (project, NULL, 0);
  root = dossier_markdown_parse (all);
  sections = dossier_briefing_get_sections (root);
  g_assert_cmpuint (sections->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < sections->len; i++)
    g_assert_cmpstr (((DossierBriefingSection *) g_ptr_array_index (sections, i))->heading, ==,
                     expected[i]);
  g_assert_nonnull (strstr (all, vote_cite));
  g_assert_nonnull (strstr (all, "- Shops lose trade "));
  g_assert_nonnull (strstr (all, traders_cite));
  /* Names and statements are text, not markup. */
  g_assert_nonnull (strstr (all, "- Cleaner air on the \\*quay\\*\n"));
  /* What it cites is sound. */
  citations = dossier_project_resolve_citations (project, root, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (citations->len, ==, 2);
  g_assert_true (dossier_citations_verify (citations, NULL));

  /* Comparing one document: the other's evidence is left out. */
  tribune_only = dossier_project_make_briefing_template (project, tribune, 1);
  g_assert_nonnull (strstr (tribune_only, vote_cite));
  g_assert_null (strstr (tribune_only, traders_cite));
}

/* The template's prompts the writer left are counted, and every format
 * leaves them out, with the heading of a section that held nothing else;
 * what the writer wrote (in italics too) stays. */
static void
test_template_prompts (Fixture       *f,
                       gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *written = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  g_autoptr(DossierMarkdownNode) root = NULL;
  const char *prompts[] = {
    "What decision or discussion this note serves", "The answer in three sentences",
    "What happened, when", "Their position.", "The question at issue",
    "What one source reports and another", "The options open",
  };
  const char *gone[] = { "Purpose", "Summary", "Pros and cons", "Options and recommendation" };
  gint64 id;

  add_council (f);
  dossier_project_add_stakeholder (project, "The ferry operators", NULL, DOSSIER_STAKEHOLDER_OTHER,
                                   &error);
  g_assert_no_error (error);
  body = dossier_project_make_briefing_template (project, NULL, 0);
  root = dossier_markdown_parse (body);
  g_assert_cmpuint (dossier_briefing_count_prompts (root), ==, 8);
  g_clear_pointer (&root, dossier_markdown_node_free);

  /* The background written, and a line of the writer's own in italics. */
  {
    const char *prompt = strstr (body, "*What happened, when");
    g_autofree char *before = g_strndup (body, prompt - body);

    g_assert_nonnull (prompt);
    written = g_strconcat (before, "The council voted on 12 March.\n\n*Not a prompt: the writer's.*",
                           strchr (prompt, '\n'), NULL);
  }
  root = dossier_markdown_parse (written);
  g_assert_cmpuint (dossier_briefing_count_prompts (root), ==, 7);
  id = dossier_project_add_briefing (project, "Bridge", NULL, 0, written, &error);
  g_assert_no_error (error);

  markdown = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, FALSE);
  html = export_ok (f, id, DOSSIER_EXPORT_HTML, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (prompts); i++)
    {
      g_assert_null (strstr (markdown, prompts[i]));
      g_assert_null (strstr (html, prompts[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    {
      g_autofree char *heading = g_strdup_printf ("## %s\n", gone[i]);
      g_autofree char *h2 = g_strdup_printf (">%s</h2>", gone[i]);

      g_assert_null (strstr (markdown, heading));
      g_assert_null (strstr (html, h2));
    }
  g_assert_nonnull (strstr (markdown, "## Background\n\nThe council voted on 12 March.\n\n"
                                      "*Not a prompt: the writer's.*\n\n"));
  /* Each stakeholder's line keeps what followed its prompt, without the
   * space that stood between them; a line left with citations alone says
   * what the first quotes. */
  g_assert_nonnull (strstr (markdown, "## Stakeholders and their positions\n\n### The council\n\n"
                                      "“voted 31 to 24” [^1]\n\n"));
  g_assert_nonnull (strstr (html, "“voted 31 to <span class=\"nowrap\">24” <sup"));
  g_assert_nonnull (strstr (markdown, "### The ferry operators\n\n*(No evidence cited yet.)*\n\n"));
  g_assert_nonnull (strstr (html, "<p dir=\"auto\"><em>(No evidence cited yet.)</em></p>"));
  g_assert_nonnull (strstr (html, "The council voted on 12 March."));
  /* The stakeholder's line keeps its citation, the prompt before it gone. */
  g_assert_null (strstr (markdown, "Their position"));
  g_assert_nonnull (strstr (markdown, "[^1]"));
}

/* A stakeholder's line with no words of the writer's says its stance
 * when one is set, else what its evidence quotes: never a bare footnote
 * mark once the prompt is left out. */
static void
test_template_stakeholder_line (Fixture       *f,
                                gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  g_autofree char *council_line = NULL;
  g_autofree char *grant_uuid = NULL;
  gint64 council = add_council (f);
  gint64 treasury = dossier_project_add_stakeholder (project, "The treasury", NULL,
                                                     DOSSIER_STAKEHOLDER_GOVERNMENT, &error);
  gint64 grant;
  gint64 id;

  g_assert_no_error (error);
  grant = add_phrase_highlight (project, f->tribune, "The national grant is £72 million, on "
                                "condition that work begins before 2027.", f->tag, &grant_uuid);
  g_assert_true (dossier_project_add_stakeholder_evidence (project, treasury, grant, NULL,
                                                           DOSSIER_EVIDENCE_QUOTE,
                                                           DOSSIER_STANCE_UNKNOWN, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_stakeholder_stance_position (project, council, -1, &error));
  g_assert_no_error (error);

  body = dossier_project_make_briefing_template (project, NULL, 0);
  council_line = g_strdup_printf ("### The council\n\nOpposes. [@%s]\n\n", f->vote_uuid);
  g_assert_nonnull (strstr (body, council_line));
  id = dossier_project_add_briefing (project, "Bridge", NULL, 0, body, &error);
  g_assert_no_error (error);

  markdown = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, FALSE);
  html = export_ok (f, id, DOSSIER_EXPORT_HTML, FALSE);
  g_assert_nonnull (strstr (markdown, "### The council\n\nOpposes. [^1]\n\n"));
  /* The quote cut to a line. */
  g_assert_nonnull (strstr (markdown, "### The treasury\n\n“The national grant is £72 million, on "
                                      "condition that work…” [^2]\n\n"));
  g_assert_null (strstr (markdown, "\n[^1]\n"));
  g_assert_null (strstr (markdown, "\n[^2]\n"));
  g_assert_nonnull (strstr (html, "“The national grant is £72 million, on condition that "
                                  "<span class=\"nowrap\">work…” <sup"));
}

/* The divergence section lists what the compare core finds between the
 * compared documents, each with its highlighted passages cited. */
static void
test_template_divergences (Fixture       *f,
                           gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GError) error = NULL;
  g_autofree char *grant_uuid = NULL;
  g_autofree char *all = NULL;
  g_autofree char *both = NULL;
  g_autofree char *one = NULL;
  g_autofree char *line = NULL;
  g_autoptr(DossierMarkdownNode) root = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  const char *section;
  gint64 grant_tag = add_tag (project, "Grant", 0);
  gint64 both_ids[] = { f->ledger, f->tribune };
  gint64 tribune[] = { f->tribune };

  add_phrase_highlight (project, f->tribune, "The national grant is £72 million", grant_tag,
                        &grant_uuid);
  line = g_strdup_printf ("- **Omission**: Only “The Calder Tribune” has “Grant”; "
                          "“The Civic Ledger” does not [@%s]\n", grant_uuid);

  /* Every document when none are chosen; the chosen ones otherwise. */
  all = dossier_project_make_briefing_template (project, NULL, 0);
  both = dossier_project_make_briefing_template (project, both_ids, 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *body = i == 0 ? all : both;

      section = strstr (body, "## Where sources diverge\n");
      g_assert_nonnull (section);
      g_assert_nonnull (strstr (section, line));
      g_assert_true (strstr (section, line) < strstr (section, "## Options and recommendation"));
    }

  /* The citations resolve and verify. */
  root = dossier_markdown_parse (all);
  citations = dossier_project_resolve_citations (project, root, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (citations->len, >=, 1);
  g_assert_true (dossier_citations_verify (citations, NULL));

  /* One document diverges from nothing: the prompt alone. */
  one = dossier_project_make_briefing_template (project, tribune, 1);
  section = strstr (one, "## Where sources diverge\n");
  g_assert_nonnull (section);
  g_assert_null (strstr (section, "- **Omission**"));
  g_assert_true (g_str_has_prefix (section + strlen ("## Where sources diverge\n\n"), "*"));
}

/* A note of 2,000 list levels (a file from someone else): the Markdown
 * export took minutes (each level copied all the levels under it). Both
 * formats nest as the parser does, DOSSIER_MARKDOWN_MAX_NESTING levels,
 * the deeper items as text of the innermost, none lost. */
static void
test_deep_nesting (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  g_autofree char *innermost = NULL;
  gint64 id;

  for (guint k = 0; k < 2000; k++)
    g_string_append_printf (body, "%*s- item %u\n", (int) (2 * k), "", k);
  id = briefing_fixture_add_note (f, "Deep", body->str);

  md = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, FALSE);
  innermost = g_strdup_printf ("\n%*s- item 15 - item 16 - item 17 ",
                               2 * (DOSSIER_MARKDOWN_MAX_NESTING - 1), "");
  g_assert_nonnull (strstr (md, innermost));
  g_assert_nonnull (strstr (md, " - item 1999\n"));
  g_assert_cmpuint (test_count_occurrences (md, "- item "), ==, 2000);

  html = export_ok (f, id, DOSSIER_EXPORT_HTML, FALSE);
  g_assert_cmpuint (test_count_occurrences (html, "<ul"), ==, DOSSIER_MARKDOWN_MAX_NESTING);
  g_assert_nonnull (strstr (html, "item 15 - item 16 - item 17 "));
  g_assert_nonnull (strstr (html, " - item 1999<"));
}

/* The length of the first run of @c in @text that is at least @least
 * long (0 if none), and in *@after what follows it. */
static gsize
run_of (const char  *text,
        char         c,
        gsize        least,
        const char **after)
{
  for (const char *p = strchr (text, c); p != NULL; p = strchr (p, c))
    {
      gsize n = 0;

      while (p[n] == c)
        n++;
      if (n >= least)
        {
          *after = p + n;
          return n;
        }
      p += n;
    }
  return 0;
}

/* The first run of @c in @text is @most - 1 characters and "…", and no
 * run after it is longer. */
static void
assert_cut (const char *text,
            char        c,
            gsize       most)
{
  const char *after = NULL;

  g_assert_cmpuint (run_of (text, c, 100, &after), ==, most - 1);
  g_assert_true (g_str_has_prefix (after, "…"));
  /* Nowhere whole. */
  g_assert_cmpuint (run_of (after, c, most, &after), ==, 0);
}

/* A note's title and a cited document's title and outlet of a
 * megabyte (a file made by hand): each export prints them shortened to
 * the most Dossier writes in them (500, 500, 200), "…" at their end, where
 * the note's title and the documents compared were printed whole (the PDF
 * laid out a megabyte heading). */
static void
test_names_cut (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("The vote [@%s].\n", f->vote_uuid);
  gint64 id = briefing_fixture_add_note (f, "Short", body);
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;

  g_autofree char *grow = g_strdup_printf (
      "UPDATE briefings SET title = printf ('%%.*c', 1000000, 'n'); "
      "UPDATE documents SET title = printf ('%%.*c', 1000000, 't'), "
      "  outlet = printf ('%%.*c', 1000000, 'o') WHERE id = %" G_GINT64_FORMAT ";", f->tribune);
  g_autofree char *restore = g_strdup_printf (
      "UPDATE briefings SET title = 'Short'; "
      "UPDATE documents SET title = 'Port Calder closes its bridge', outlet = 'The Calder Tribune' "
      "WHERE id = %" G_GINT64_FORMAT ";", f->tribune);

  g_autoptr(GError) error = NULL;

  /* Changed with the project closed, as a file made by hand is. */
  g_clear_object (&f->base.project);
  test_sql_exec (f->base.path, grow);
  f->base.project = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  md = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, TRUE);
  g_assert_cmpuint (strlen (md), <, 100000);
  g_assert_true (g_str_has_prefix (md, "# nnn"));
  assert_cut (md, 'n', DOSSIER_BRIEFING_MAX_TITLE);
  assert_cut (md, 't', DOSSIER_DOCUMENT_MAX_TITLE);
  assert_cut (md, 'o', DOSSIER_DOCUMENT_MAX_OUTLET);

  html = export_ok (f, id, DOSSIER_EXPORT_HTML, TRUE);
  g_assert_cmpuint (strlen (html), <, 100000);
  assert_cut (html, 'n', DOSSIER_BRIEFING_MAX_TITLE);
  assert_cut (html, 't', DOSSIER_DOCUMENT_MAX_TITLE);
  assert_cut (html, 'o', DOSSIER_DOCUMENT_MAX_OUTLET);

  /* Lengths the project's own check accepts, for the tear-down's. */
  g_clear_object (&f->base.project);
  test_sql_exec (f->base.path, restore);
  f->base.project = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

/* A note citing passages whose tag, note title and document title are
 * 10 MB long (a file made by hand): the citations carry each tag name at
 * most as long as Dossier writes one, and the exports stay small. Each
 * citation carried its tag's 10 MB path, copied again for every one:
 * 418 MB and 3 to 8 s for a note of a few citations. */
static void
test_huge_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("The vote [@%s] and the grant [@%s].\n",
                                           f->vote_uuid, f->grant_uuid);
  gint64 id = briefing_fixture_add_note (f, "Short", body);
  g_autofree char *grow = g_strdup_printf (
      "UPDATE briefings SET title = printf ('%%.*c', 10000000, 'n'); "
      "UPDATE documents SET title = printf ('%%.*c', 10000000, 't') WHERE id = %" G_GINT64_FORMAT "; "
      "UPDATE tags SET name = printf ('%%.*c', 10000000, 'g') WHERE id = %" G_GINT64_FORMAT ";",
      f->tribune, f->tag);
  g_autofree char *restore = g_strdup_printf (
      "UPDATE briefings SET title = 'Short'; "
      "UPDATE documents SET title = 'Port Calder closes its bridge' WHERE id = %" G_GINT64_FORMAT "; "
      "UPDATE tags SET name = 'Evidence' WHERE id = %" G_GINT64_FORMAT ";", f->tribune, f->tag);
  g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (body);
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;

  g_clear_object (&f->base.project);
  test_sql_exec (f->base.path, grow);
  f->base.project = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  citations = dossier_project_resolve_citations (f->base.project, root, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (citations->len, ==, 2);
  for (guint i = 0; i < citations->len; i++)
    {
      DossierCitation *c = g_ptr_array_index (citations, i);

      g_assert_cmpuint (g_strv_length (c->tags), ==, 1);
      g_assert_cmpint (g_utf8_strlen (c->tags[0], -1), ==, DOSSIER_TAG_MAX_NAME);
      g_assert_true (g_str_has_suffix (c->tags[0], "g…"));
    }

  md = export_ok (f, id, DOSSIER_EXPORT_MARKDOWN, TRUE);
  g_assert_cmpuint (strlen (md), <, 100000);
  assert_cut (md, 'n', DOSSIER_BRIEFING_MAX_TITLE);
  assert_cut (md, 't', DOSSIER_DOCUMENT_MAX_TITLE);
  html = export_ok (f, id, DOSSIER_EXPORT_HTML, TRUE);
  g_assert_cmpuint (strlen (html), <, 100000);
  assert_cut (html, 'n', DOSSIER_BRIEFING_MAX_TITLE);

  g_clear_object (&f->base.project);
  test_sql_exec (f->base.path, restore);
  f->base.project = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

/* The source line after a quote, which the exports, the PDF and the
 * Brief page print alike (dossier_citation_format_source ()): the title
 * first, then what is known of author, outlet, date and section, in that
 * order; each one missing in turn is left out (not an empty part); a
 * title too long (a citation made elsewhere) is cut as the exports cut
 * it. */
static void
test_format_source (void)
{
  DossierCitation c = {
    .document_title = (char *) "Port Calder closes its bridge",
    .author = (char *) "Ana Ruiz",
    .outlet = (char *) "The Calder Tribune",
    .published = (char *) "2026-03-02",
    .section = (char *) "Costs:",
  };
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autofree char *whole = dossier_citation_format_source (&c, TRUE);
  g_autofree char *rest = dossier_citation_format_source (&c, FALSE);
  g_autofree char *cut_title = NULL;
  g_autofree char *with_long_title = NULL;
  const struct { glong field; const char *line; } missing[] = {
    { G_STRUCT_OFFSET (DossierCitation, author),
      "Port Calder closes its bridge, The Calder Tribune, 2026-03-02, section “Costs”" },
    { G_STRUCT_OFFSET (DossierCitation, outlet),
      "Port Calder closes its bridge, Ana Ruiz, 2026-03-02, section “Costs”" },
    { G_STRUCT_OFFSET (DossierCitation, published),
      "Port Calder closes its bridge, Ana Ruiz, The Calder Tribune, section “Costs”" },
    { G_STRUCT_OFFSET (DossierCitation, section),
      "Port Calder closes its bridge, Ana Ruiz, The Calder Tribune, 2026-03-02" },
    { G_STRUCT_OFFSET (DossierCitation, document_title),
      "Ana Ruiz, The Calder Tribune, 2026-03-02, section “Costs”" },
  };

  g_assert_cmpstr (whole, ==, "Port Calder closes its bridge, Ana Ruiz, The Calder Tribune, "
                              "2026-03-02, section “Costs”");
  g_assert_cmpstr (rest, ==, "Ana Ruiz, The Calder Tribune, 2026-03-02, section “Costs”");

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      DossierCitation without = c;
      g_autofree char *line = NULL;

      G_STRUCT_MEMBER (char *, &without, missing[i].field) = NULL;
      line = dossier_citation_format_source (&without, TRUE);
      g_assert_cmpstr (line, ==, missing[i].line);
    }

  /* A title a hundred times what Dossier writes: cut as the exports cut
   * it, the rest whole after it. */
  for (guint i = 0; i < DOSSIER_DOCUMENT_MAX_TITLE; i++)
    g_string_append (long_title, "Bridge é ");
  c.document_title = long_title->str;
  cut_title = dossier_text_shorten (long_title->str, DOSSIER_DOCUMENT_MAX_TITLE);
  g_assert_true (g_str_has_suffix (cut_title, "…"));
  with_long_title = dossier_citation_format_source (&c, TRUE);
  g_assert_true (g_str_has_prefix (with_long_title, cut_title));
  g_assert_cmpstr (with_long_title + strlen (cut_title), ==,
                   ", Ana Ruiz, The Calder Tribune, 2026-03-02, section “Costs”");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, briefing_fixture_tear_down)

  ADD ("/briefing-export/markdown", test_markdown);
  ADD ("/briefing-export/markdown-appendix", test_markdown_appendix);
  ADD ("/briefing-export/markdown-author", test_markdown_author);
  g_test_add ("/briefing-export/markdown-quoted", Fixture, NULL, fixture_set_up_quoted, test_markdown_quoted,
              briefing_fixture_tear_down);
  ADD ("/briefing-export/html", test_html);
  ADD ("/briefing-export/html-back-links", test_html_back_links);
  ADD ("/briefing-export/html-citation-last-word", test_html_citation_last_word);
  ADD ("/briefing-export/section-colon", test_section_colon);
  ADD ("/briefing-export/unverified", test_unverified);
  ADD ("/briefing-export/refusals", test_refusals);
  ADD ("/briefing-export/template", test_template);
  ADD ("/briefing-export/template-divergences", test_template_divergences);
  ADD ("/briefing-export/template-prompts", test_template_prompts);
  ADD ("/briefing-export/template-stakeholder-line", test_template_stakeholder_line);
  ADD ("/briefing-export/deep-nesting", test_deep_nesting);
  ADD ("/briefing-export/names-cut", test_names_cut);
  ADD ("/briefing-export/huge-names", test_huge_names);
  g_test_add_func ("/briefing-export/format-source", test_format_source);

#undef ADD

  return g_test_run ();
}
