/* SPDX-License-Identifier: GPL-3.0-or-later */
/* exchange-fixture.c — see exchange-fixture.h. */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "exchange-fixture.h"
#include "test-util.h"

/* Invented articles, NFC, full of what breaks offset code: accents, curly
 * quotes, an emoji outside the BMP, CJK, tabs, several paragraphs. */
const char exchange_tribune_text[] =
  "Port Calder closes the bridge\n\n"
  "The mayor, Inés Calderón, said the “car-free crossing” would cost €164 million. "
  "Traders on the quay 🚲 warned of lost trade; 港口 officials disagreed.\n\n"
  "The vote was 7 to 4.";

const char exchange_ledger_text[] =
  "What the ledger found\n\n"
  "The Transport Minister signed the grant letter on Friday.\t(Page 3.)\n\n"
  "Nobody has seen the costs.";

const char exchange_notes_text[] =
  "Notes\n\nFirst line of the notes.\nSecond line.\n\nLast paragraph.";

gint64
exchange_add_document (DossierProject *project,
                       const char     *title,
                       const char     *text,
                       const char     *author,
                       const char     *outlet,
                       const char     *source,
                       const char     *published)
{
  g_autoptr(DossierParsedDocument) doc = dossier_parsed_document_new ();
  g_autoptr(GError) error = NULL;
  const char *p = text;
  gint64 id;

  doc->title = g_strdup (title);
  doc->author = g_strdup (author);
  doc->outlet = g_strdup (outlet);
  doc->source = g_strdup (source);
  doc->published = g_strdup (published);
  doc->format = g_strdup ("text");
  doc->original = g_bytes_new (text, strlen (text));
  doc->text = g_strdup (text);

  /* One block per paragraph, the first a title. */
  while (*p)
    {
      const char *q = strstr (p, "\n\n");
      DossierBlock block;

      if (q == NULL)
        q = p + strlen (p);
      block.start = g_utf8_pointer_to_offset (text, p);
      block.end = g_utf8_pointer_to_offset (text, q);
      block.kind = p == text ? DOSSIER_BLOCK_TITLE : DOSSIER_BLOCK_PARAGRAPH;
      block.level = 0;
      g_array_append_val (doc->blocks, block);
      p = *q ? q + 2 : q;
    }

  id = dossier_project_add_document (project, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
exchange_add_highlight (DossierProject *project,
                        gint64          document_id,
                        const char     *text,
                        const char     *needle,
                        const gint64   *tags,
                        guint           n_tags,
                        const char     *memo)
{
  g_autoptr(GError) error = NULL;
  const char *p = strstr (text, needle);
  gint64 start, end, id;

  g_assert_nonnull (p);
  start = g_utf8_pointer_to_offset (text, p);
  end = start + g_utf8_strlen (needle, -1);
  id = dossier_project_add_highlight (project, document_id, start, end, tags, n_tags, memo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_described_tag (DossierProject *project,
                   const char     *name,
                   gint64          parent,
                   const char     *color,
                   const char     *description)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_tag (project, name, parent, color, description, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

DossierProject *
exchange_new_project (ExchangeFixture *f,
                      const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  DossierProject *project = dossier_project_create (path, "Imported", &error);

  g_assert_no_error (error);
  return project;
}

void
exchange_fixture_set_up (ExchangeFixture *f,
                         gconstpointer    data)
{
  f->project = test_create_project ("exchange", "Harbour “Bridge” <Study> & Co", &f->dir, &f->path);

  f->doc_tribune = exchange_add_document (f->project, "Port Calder closes the bridge",
                                          exchange_tribune_text, "Helena Strand",
                                          "The Calder Tribune",
                                          "https://tribune.example/bridge?a=1&b=2", "2025-03-12");
  f->doc_ledger = exchange_add_document (f->project, "What the ledger found", exchange_ledger_text,
                                         NULL, NULL, "ledger.txt", NULL);
  f->doc_notes = exchange_add_document (f->project, "Notes", exchange_notes_text,
                                        NULL, "Own notes", NULL, NULL);

  f->tag_actors = add_described_tag (f->project, "Actors", 0, "#3584e4", "");
  f->tag_gov = add_described_tag (f->project, "Government", f->tag_actors, "#1c71d8",
                        "State actors: <ministers> & “officials”");
  f->tag_minister = add_described_tag (f->project, "Minister", f->tag_gov, "#99c1f1", "");
  f->tag_costs = add_described_tag (f->project, "Costs", 0, "#e66100", "Money, line one\nline two");
  f->tag_unused = add_described_tag (f->project, "Unused", 0, "#c0bfbc", "");

  {
    gint64 gov_costs[] = { f->tag_gov, f->tag_costs };
    gint64 costs[] = { f->tag_costs };
    gint64 actors[] = { f->tag_actors };
    gint64 minister[] = { f->tag_minister };

    dossier_project_set_author (f->project, "Ann Analyst");
    f->h_mayor = exchange_add_highlight (f->project, f->doc_tribune, exchange_tribune_text,
                                         "The mayor, Inés Calderón, said", gov_costs, 2,
                                         "Her framing:\n“car-free” & <cheap>");
    f->h_cjk = exchange_add_highlight (f->project, f->doc_tribune, exchange_tribune_text,
                                       "quay 🚲 warned of lost trade; 港口 officials", actors, 1, NULL);
    dossier_project_set_author (f->project, "Bea Coder");
    f->h_emoji = exchange_add_highlight (f->project, f->doc_tribune, exchange_tribune_text,
                                         "🚲 warned", costs, 1, "");
    f->h_ledger = exchange_add_highlight (f->project, f->doc_ledger, exchange_ledger_text,
                                          "The Transport Minister signed the grant letter", minister, 1,
                                          "See <b>page 3</b>\tfor the letter");
    dossier_project_set_author (f->project, "Ann Analyst");
    f->h_notes = exchange_add_highlight (f->project, f->doc_notes, exchange_notes_text,
                                         "Second line.\n\nLast", costs, 1, NULL);
  }
}

void
exchange_fixture_add_analysis (ExchangeFixture *f)
{
  static const char * const aliases[] = { "The mayor", "Mayor Calderón", NULL };
  DossierStakeholderFields fields = DOSSIER_STAKEHOLDER_FIELDS_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gint64 start, end;
  gint64 documents[2];

  fields.name = "Inés Calderón";
  fields.aliases = aliases;
  fields.kind = DOSSIER_STAKEHOLDER_OFFICIAL;
  fields.description = "Mayor of Port Calder since 2021.\nRuns again in <2026> & after.";
  fields.stance = "For closing the bridge to cars";
  fields.stance_position = 2;
  fields.interests = "Clean air; re-election";
  fields.power = 5;
  fields.interest = 4;
  fields.color = "#a51d2d";
  f->s_mayor = dossier_project_create_stakeholder (f->project, &fields, &error);
  g_assert_no_error (error);
  f->s_traders = dossier_project_add_stakeholder (f->project, "Quay traders", NULL,
                                                  DOSSIER_STAKEHOLDER_BUSINESS, &error);
  g_assert_no_error (error);

  g_assert_true (dossier_project_add_stakeholder_evidence (f->project, f->s_mayor, f->h_mayor,
                                                           "Her framing “car-free”", DOSSIER_EVIDENCE_STANCE,
                                                           1, &error));
  g_assert_no_error (error);
  text_range (exchange_ledger_text, "signed the grant letter on Friday", &start, &end);
  f->h_quote = dossier_project_add_stakeholder_evidence_range (f->project, f->s_mayor, f->doc_ledger,
                                                               start, end, "", DOSSIER_EVIDENCE_QUOTE,
                                                               DOSSIER_STANCE_UNKNOWN, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_add_stakeholder_evidence (f->project, f->s_traders, f->h_cjk, NULL,
                                                           DOSSIER_EVIDENCE_NONE, DOSSIER_STANCE_UNKNOWN,
                                                           &error));
  g_assert_no_error (error);

  f->q_bridge = dossier_project_add_question (f->project, "Should the bridge close to cars?", &error);
  g_assert_no_error (error);
  f->a_air = dossier_project_add_argument (f->project, f->q_bridge, DOSSIER_POLARITY_PRO,
                                           "Cleaner air on the quay", f->s_mayor, 4, &error);
  g_assert_no_error (error);
  f->a_trade = dossier_project_add_argument (f->project, f->q_bridge, DOSSIER_POLARITY_CON,
                                             "Shops lose trade\nfrom drivers", f->s_traders, 2, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_add_argument_evidence (f->project, f->a_air, f->h_emoji,
                                                        "Costs & benefits", &error));
  g_assert_true (dossier_project_add_argument_evidence (f->project, f->a_trade, f->h_cjk, NULL, &error));
  g_assert_no_error (error);
  text_range (exchange_notes_text, "First line", &start, &end);
  f->h_untagged = dossier_project_add_argument_evidence_range (f->project, f->a_trade, f->doc_notes,
                                                               start, end, "", &error);
  g_assert_no_error (error);

  {
    g_autoptr(DossierHighlight) mayor = dossier_project_get_highlight (f->project, f->h_mayor, &error);
    g_autoptr(DossierHighlight) quote = dossier_project_get_highlight (f->project, f->h_quote, &error);

    g_assert_no_error (error);
    body = g_strdup_printf ("# Purpose\n\nThe mayor says it [@%s], and signed [@%s].\n",
                            dossier_highlight_get_uuid (mayor), dossier_highlight_get_uuid (quote));
  }
  documents[0] = f->doc_tribune;
  documents[1] = f->doc_ledger;
  f->b_note = dossier_project_add_briefing (f->project, "Bridge <note> & co", documents, 2, body, &error);
  g_assert_no_error (error);
}

void
exchange_fixture_tear_down (ExchangeFixture *f,
                            gconstpointer    data)
{
  test_finish_project (&f->project, &f->dir, &f->path);
}

GBytes *
exchange_export (DossierProject        *project,
                 DossierExportFormat    format,
                 DossierExchangeTarget  target,
                 gint64                 tag_id,
                 GError               **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  DossierExportFilter filter = { 0, tag_id };
  DossierExportOptions options;

  dossier_export_options_init (&options);
  options.target = target;
  if (!dossier_export_to_stream (project, format, &filter, &options, out, NULL, error))
    return NULL;
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static zip_t *
open_archive (GBytes *archive)
{
  zip_error_t ze;
  zip_source_t *source;
  zip_t *za;
  gsize size;
  gconstpointer data = g_bytes_get_data (archive, &size);

  zip_error_init (&ze);
  source = zip_source_buffer_create (data, size, 0, &ze);
  g_assert_nonnull (source);
  za = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  if (za == NULL)
    g_error ("not a zip archive: %s", zip_error_strerror (&ze));
  zip_error_fini (&ze);
  return za;
}

GStrv
exchange_zip_names (GBytes *archive)
{
  zip_t *za = open_archive (archive);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  zip_int64_t n = zip_get_num_entries (za, 0);

  for (zip_int64_t i = 0; i < n; i++)
    g_strv_builder_add (names, zip_get_name (za, i, 0));
  zip_discard (za);
  return g_strv_builder_end (names);
}

GBytes *
exchange_zip_entry (GBytes     *archive,
                    const char *name)
{
  zip_t *za = open_archive (archive);
  zip_stat_t st;
  zip_file_t *file;
  char *data;

  if (zip_stat (za, name, 0, &st) != 0)
    {
      zip_discard (za);
      return NULL;
    }
  file = zip_fopen (za, name, 0);
  g_assert_nonnull (file);
  data = g_malloc (st.size + 1);
  g_assert_cmpint (zip_fread (file, data, st.size), ==, (zip_int64_t) st.size);
  data[st.size] = '\0';
  zip_fclose (file);
  zip_discard (za);
  return g_bytes_new_take (data, st.size);
}

void
exchange_write_zip (const char *path,
                    ...)
{
  va_list args;
  int ze = 0;
  zip_t *za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
  const char *name;

  g_assert_nonnull (za);
  va_start (args, path);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *contents = va_arg (args, const char *);
      gsize len = strlen (contents);
      zip_source_t *source = zip_source_buffer (za, g_memdup2 (contents, len), len, 1);
      zip_int64_t index = zip_file_add (za, name, source, ZIP_FL_ENC_UTF_8);

      g_assert_cmpint (index, >=, 0);
      /* Megabytes are stored, not deflated: compressing them was most of
       * what a test of a large source cost (the reader takes either). */
      if (len > 1024 * 1024)
        g_assert_cmpint (zip_set_file_compression (za, index, ZIP_CM_STORE, 0), ==, 0);
    }
  va_end (args);
  g_assert_cmpint (zip_close (za), ==, 0);
}

xmlDocPtr
exchange_parse_valid (GBytes     *xml,
                      const char *schema)
{
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "fixtures", "refi-qda",
                                                        schema, NULL);
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (schema_path);
  xmlSchemaPtr compiled = xmlSchemaParse (parser);
  xmlSchemaValidCtxtPtr valid;
  xmlDocPtr doc;
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);
  int rc;

  g_assert_nonnull (compiled);
  doc = xmlReadMemory (data, (int) size, "project.qde", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);

  valid = xmlSchemaNewValidCtxt (compiled);
  rc = xmlSchemaValidateDoc (valid, doc);
  if (rc != 0)
    g_error ("not valid against %s (%d):\n%.*s", schema, rc, (int) MIN (size, 4000), data);

  xmlSchemaFreeValidCtxt (valid);
  xmlSchemaFree (compiled);
  xmlSchemaFreeParserCtxt (parser);
  return doc;
}

xmlXPathObjectPtr
exchange_xpath (xmlDocPtr   doc,
                xmlNodePtr  context,
                const char *expr)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (ctx, BAD_CAST "q", BAD_CAST "urn:QDA-XML:project:1.0");
  xmlXPathRegisterNs (ctx, BAD_CAST "c", BAD_CAST "urn:QDA-XML:codebook:1.0");
  if (context != NULL)
    ctx->node = context;
  result = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  xmlXPathFreeContext (ctx);
  g_assert_nonnull (result);
  return result;
}

char *
exchange_attr (xmlNodePtr  node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

char *
exchange_child_text (xmlNodePtr  node,
                     const char *name)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
        {
          xmlChar *text = xmlNodeGetContent (c);
          char *copy = g_strdup ((const char *) text);

          xmlFree (text);
          return copy;
        }
    }
  return NULL;
}
