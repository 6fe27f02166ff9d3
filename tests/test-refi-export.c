/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-refi-export.c — REFI-QDA export: .qdpx archives whose project.qde
 * is valid against the published QDA-XML schema, sources stored inside and
 * referred to by internal:// paths, selections in code points that slice
 * the stored text to each highlight's quote, one Coding per tag, memos,
 * users, codebook and document variables; reproducible bytes; each target
 * tool's profile; .qdc codebooks valid against the codebook schema.
 */
#include "config.h"

#include <string.h>

#include <dossier/dossier.h>

#include "exchange-fixture.h"
#include "test-util.h"

typedef ExchangeFixture Fixture;

static GBytes *
export_ok (DossierProject        *project,
           DossierExportFormat    format,
           DossierExchangeTarget  target)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = exchange_export (project, format, target, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* Code points [start, end) of @text. */
static char *
slice (const char *text,
       gint64      start,
       gint64      end)
{
  return dossier_text_slice (text, start, end);
}

static char *
with_crlf (const char *s)
{
  g_autoptr(GString) out = g_string_new (s);

  g_string_replace (out, "\n", "\r\n", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static xmlNodePtr
find_by_guid (xmlDocPtr   doc,
              const char *element,
              const char *guid)
{
  g_autofree char *expr = g_strdup_printf ("//q:%s[@guid='%s']", element, guid);
  g_autoptr(xmlXPathObject) found = exchange_xpath (doc, NULL, expr);

  if (found->nodesetval == NULL || found->nodesetval->nodeNr != 1)
    return NULL;
  return found->nodesetval->nodeTab[0];
}

static int
count (xmlDocPtr   doc,
       xmlNodePtr  context,
       const char *expr)
{
  g_autoptr(xmlXPathObject) found = exchange_xpath (doc, context, expr);

  return found->nodesetval != NULL ? found->nodesetval->nodeNr : 0;
}

/* Every selection of every source, checked against the project: the
 * stored text sliced at its positions is the highlight's quote (with
 * "\r\n" for @crlf targets), one Coding per tag pointing at the tag's
 * GUID, memo and author as expected. */
static void
check_selections (Fixture  *f,
                  xmlDocPtr doc,
                  GBytes   *archive,
                  const char *folder,
                  gboolean  crlf)
{
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  highlights = dossier_project_list_highlights (f->project, 0, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < highlights->len; i++)
    {
      DossierHighlight *h = g_ptr_array_index (highlights, i);
      DossierDocument *d = dossier_project_get_document (f->project, dossier_highlight_get_document_id (h));
      xmlNodePtr source = find_by_guid (doc, "TextSource", dossier_document_get_uuid (d));
      xmlNodePtr sel = find_by_guid (doc, "PlainTextSelection", dossier_highlight_get_uuid (h));
      g_autofree char *path = NULL;
      g_autofree char *entry = NULL;
      g_autofree char *expected_path = NULL;
      g_autofree char *start_s = NULL;
      g_autofree char *end_s = NULL;
      g_autofree char *quote = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *creator = NULL;
      g_autofree char *user_expr = NULL;
      g_autoptr(GBytes) text = NULL;
      const gint64 *tags;
      guint n_tags;

      g_assert_nonnull (source);
      g_assert_nonnull (sel);
      g_assert_true (sel->parent == source);

      /* The source's text is inside, referred to by an internal path only. */
      path = exchange_attr (source, "plainTextPath");
      expected_path = g_strdup_printf ("internal://%s.txt", dossier_document_get_uuid (d));
      g_assert_cmpstr (path, ==, expected_path);
      g_assert_null (exchange_attr (source, "richTextPath"));
      g_assert_null (exchange_child_text (source, "PlainTextContent"));
      entry = g_strdup_printf ("%s/%s.txt", folder, dossier_document_get_uuid (d));
      text = exchange_zip_entry (archive, entry);
      g_assert_nonnull (text);

      /* Positions are code points of that text. */
      start_s = exchange_attr (sel, "startPosition");
      end_s = exchange_attr (sel, "endPosition");
      quote = slice (g_bytes_get_data (text, NULL), g_ascii_strtoll (start_s, NULL, 10),
                     g_ascii_strtoll (end_s, NULL, 10));
      expected = crlf ? with_crlf (dossier_highlight_get_quote (h))
                      : g_strdup (dossier_highlight_get_quote (h));
      g_assert_cmpstr (quote, ==, expected);

      /* One Coding per tag, in the order applied. */
      tags = dossier_highlight_get_tag_ids (h, &n_tags);
      g_assert_cmpint (count (doc, sel, "q:Coding"), ==, n_tags);
      for (guint t = 0; t < n_tags; t++)
        {
          DossierTag *tag = dossier_project_get_tag (f->project, tags[t]);
          g_autofree char *expr = g_strdup_printf ("q:Coding[%u]/q:CodeRef/@targetGUID", t + 1);
          g_autoptr(xmlXPathObject) ref = exchange_xpath (doc, sel, expr);
          g_autofree char *target = NULL;

          g_assert_cmpint (ref->nodesetval->nodeNr, ==, 1);
          target = (char *) xmlNodeGetContent (ref->nodesetval->nodeTab[0]);
          g_assert_cmpstr (target, ==, dossier_tag_get_uuid (tag));
          g_assert_nonnull (find_by_guid (doc, "Code", target));
          xmlFree (g_steal_pointer (&target));
        }

      /* The author is a User. */
      creator = exchange_attr (sel, "creatingUser");
      g_assert_nonnull (creator);
      user_expr = g_strdup_printf ("/q:Project/q:Users/q:User[@guid='%s' and @name='%s']", creator,
                                   dossier_highlight_get_author (h));
      g_assert_cmpint (count (doc, NULL, user_expr), ==, 1);
      checked++;
    }

  g_assert_cmpuint (checked, ==, 5);
}

static void
test_qdpx_standard (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) archive = export_ok (f->project, DOSSIER_EXPORT_QDPX, DOSSIER_EXCHANGE_TARGET_STANDARD);
  g_autoptr(GBytes) qde = exchange_zip_entry (archive, "project.qde");
  g_autoptr(xmlDoc) doc = NULL;
  g_auto(GStrv) names = exchange_zip_names (archive);
  xmlNodePtr node;
  g_autofree char *text = NULL;

  g_assert_nonnull (qde);
  doc = exchange_parse_valid (qde, "Project-mrt2019.xsd");

  /* project.qde, the extra data, and one plain text file per document in
   * "sources/". */
  g_assert_cmpuint (g_strv_length (names), ==, 5);
  g_assert_true (g_strv_contains ((const char * const *) names, "project.qde"));
  g_assert_true (g_strv_contains ((const char * const *) names, "dossier.json"));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (strcmp (names[i], "project.qde") == 0 || strcmp (names[i], "dossier.json") == 0 ||
                   (g_str_has_prefix (names[i], "sources/") && g_str_has_suffix (names[i], ".txt")));

  /* The text stored is exactly the document's, in UTF-8 with LF. */
  {
    DossierDocument *d = dossier_project_get_document (f->project, f->doc_tribune);
    g_autofree char *entry = g_strdup_printf ("sources/%s.txt", dossier_document_get_uuid (d));
    g_autoptr(GBytes) stored = exchange_zip_entry (archive, entry);

    g_assert_nonnull (stored);
    g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored),
                     exchange_tribune_text, strlen (exchange_tribune_text));
  }

  /* The project: name, the codebook's hierarchy, colours, descriptions. */
  node = xmlDocGetRootElement (doc);
  text = exchange_attr (node, "name");
  g_assert_cmpstr (text, ==, "Harbour “Bridge” <Study> & Co");
  g_assert_cmpint (count (doc, NULL, "/q:Project/q:CodeBook/q:Codes/q:Code"), ==, 3);
  g_assert_cmpint (count (doc, NULL, "//q:Code"), ==, 5);
  g_assert_cmpint (count (doc, NULL, "//q:Code[@isCodable='true']"), ==, 5);
  g_assert_cmpint (count (doc, NULL,
                          "/q:Project/q:CodeBook/q:Codes/q:Code[@name='Actors' and @color='#3584e4']"
                          "/q:Code[@name='Government' and @color='#1c71d8']/q:Code[@name='Minister']"), ==, 1);
  node = find_by_guid (doc, "Code", dossier_tag_get_uuid (dossier_project_get_tag (f->project, f->tag_gov)));
  g_assert_nonnull (node);
  g_clear_pointer (&text, g_free);
  text = exchange_child_text (node, "Description");
  g_assert_cmpstr (text, ==, "State actors: <ministers> & “officials”");
  node = find_by_guid (doc, "Code", dossier_tag_get_uuid (dossier_project_get_tag (f->project, f->tag_costs)));
  g_clear_pointer (&text, g_free);
  text = exchange_child_text (node, "Description");
  g_assert_cmpstr (text, ==, "Money, line one\nline two");

  /* Users: the two authors. */
  g_assert_cmpint (count (doc, NULL, "/q:Project/q:Users/q:User"), ==, 2);

  /* Sources, selections, codings, memos. */
  g_assert_cmpint (count (doc, NULL, "/q:Project/q:Sources/q:TextSource"), ==, 3);
  check_selections (f, doc, archive, "sources", FALSE);
  node = find_by_guid (doc, "PlainTextSelection",
                       dossier_highlight_get_uuid (dossier_project_get_highlight (f->project, f->h_mayor, NULL)));
  g_clear_pointer (&text, g_free);
  text = exchange_child_text (node, "Description");
  g_assert_cmpstr (text, ==, "Her framing:\n“car-free” & <cheap>");
  /* Memos go in the Description only, for the standard. */
  g_assert_cmpint (count (doc, NULL, "//q:NoteRef"), ==, 0);
  g_assert_cmpint (count (doc, NULL, "/q:Project/q:Notes"), ==, 0);

  /* Document metadata as variables: author, outlet, date, source. */
  g_assert_cmpint (count (doc, NULL, "/q:Project/q:Variables/q:Variable"), ==, 4);
  g_assert_cmpint (count (doc, NULL,
                          "/q:Project/q:Variables/q:Variable[@name='Published' and @typeOfVariable='Date']"), ==, 1);
  {
    DossierDocument *d = dossier_project_get_document (f->project, f->doc_tribune);
    xmlNodePtr source = find_by_guid (doc, "TextSource", dossier_document_get_uuid (d));
    g_autoptr(xmlXPathObject) published = exchange_xpath (doc, source,
        "q:VariableValue[q:VariableRef/@targetGUID = /q:Project/q:Variables/q:Variable[@name='Published']/@guid]/q:DateValue");
    g_autoptr(xmlXPathObject) url = exchange_xpath (doc, source,
        "q:VariableValue[q:VariableRef/@targetGUID = /q:Project/q:Variables/q:Variable[@name='Source']/@guid]/q:TextValue");
    g_autofree char *name = exchange_attr (source, "name");
    g_autofree char *date = NULL;
    g_autofree char *link = NULL;

    g_assert_cmpstr (name, ==, "Port Calder closes the bridge");
    g_assert_cmpint (published->nodesetval->nodeNr, ==, 1);
    date = (char *) xmlNodeGetContent (published->nodesetval->nodeTab[0]);
    g_assert_cmpstr (date, ==, "2025-03-12");
    g_assert_cmpint (url->nodesetval->nodeNr, ==, 1);
    link = (char *) xmlNodeGetContent (url->nodesetval->nodeTab[0]);
    g_assert_cmpstr (link, ==, "https://tribune.example/bridge?a=1&b=2");
    xmlFree (g_steal_pointer (&date));
    xmlFree (g_steal_pointer (&link));
  }
  /* A document without metadata has no values. */
  {
    DossierDocument *d = dossier_project_get_document (f->project, f->doc_ledger);
    xmlNodePtr source = find_by_guid (doc, "TextSource", dossier_document_get_uuid (d));

    g_assert_cmpint (count (doc, source, "q:VariableValue"), ==, 1);  /* its file name */
  }
}

static void
test_qdpx_reproducible (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) first = export_ok (f->project, DOSSIER_EXPORT_QDPX, DOSSIER_EXCHANGE_TARGET_STANDARD);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  /* Again, after closing and opening the project again. */
  dossier_project_close (f->project);
  g_clear_object (&f->project);
  f->project = dossier_project_open (f->path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  second = export_ok (f->project, DOSSIER_EXPORT_QDPX, DOSSIER_EXCHANGE_TARGET_STANDARD);

  g_assert_true (g_bytes_equal (first, second));

  /* A change changes it. */
  dossier_project_close (f->project);
  g_clear_object (&f->project);
  f->project = dossier_project_open (f->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_highlight_memo (f->project, f->h_emoji, "changed", &error));
  g_clear_pointer (&second, g_bytes_unref);
  second = export_ok (f->project, DOSSIER_EXPORT_QDPX, DOSSIER_EXCHANGE_TARGET_STANDARD);
  g_assert_false (g_bytes_equal (first, second));
}

static void
test_qdpx_targets (Fixture       *f,
                   gconstpointer  data)
{
  static const struct
  {
    DossierExchangeTarget target;
    const char           *folder;
    gboolean              crlf;
    gboolean              description;
    gboolean              note;
  } cases[] = {
    { DOSSIER_EXCHANGE_TARGET_STANDARD,  "sources", FALSE, TRUE, FALSE },
    { DOSSIER_EXCHANGE_TARGET_MAXQDA,    "sources", TRUE,  TRUE, FALSE },
    { DOSSIER_EXCHANGE_TARGET_ATLASTI,   "sources", FALSE, TRUE, TRUE },
    { DOSSIER_EXCHANGE_TARGET_NVIVO,     "Sources", TRUE,  TRUE, TRUE },
    { DOSSIER_EXCHANGE_TARGET_QUALCODER, "Sources", FALSE, TRUE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const DossierExchangeProfile *profile = dossier_exchange_profile_get (cases[i].target);
      g_autoptr(GBytes) archive = export_ok (f->project, DOSSIER_EXPORT_QDPX, cases[i].target);
      g_autoptr(GBytes) qde = exchange_zip_entry (archive, "project.qde");
      g_autoptr(xmlDoc) doc = exchange_parse_valid (qde, "Project-mrt2019.xsd");
      DossierHighlight *mayor = dossier_project_get_highlight (f->project, f->h_mayor, NULL);
      xmlNodePtr sel = find_by_guid (doc, "PlainTextSelection", dossier_highlight_get_uuid (mayor));
      g_autofree char *description = exchange_child_text (sel, "Description");
      g_auto(GStrv) names = exchange_zip_names (archive);
      DossierExchangeTarget parsed;

      g_test_message ("target %s", profile->name);
      g_assert_true (dossier_exchange_target_from_string (profile->name, &parsed));
      g_assert_cmpint (parsed, ==, cases[i].target);

      for (guint n = 0; names[n] != NULL; n++)
        if (g_str_has_suffix (names[n], ".txt"))
          g_assert_true (g_str_has_prefix (names[n], cases[i].folder) &&
                         names[n][strlen (cases[i].folder)] == '/');

      check_selections (f, doc, archive, cases[i].folder, cases[i].crlf);

      if (cases[i].description)
        g_assert_cmpstr (description, ==, "Her framing:\n“car-free” & <cheap>");
      else
        g_assert_null (description);
      /* Memos as notes too: a Note per memo, referred to by its selection. */
      g_assert_cmpint (count (doc, sel, "q:NoteRef"), ==, cases[i].note ? 1 : 0);
      g_assert_cmpint (count (doc, NULL, "/q:Project/q:Notes/q:Note"), ==, cases[i].note ? 2 : 0);
      if (cases[i].note)
        {
          g_assert_cmpint (count (doc, NULL, "/q:Project/q:Notes/q:Note/q:PlainTextContent["
                                             ". = 'See <b>page 3</b>\tfor the letter']"), ==, 1);
        }

      g_clear_object (&mayor);
    }

  g_assert_false (dossier_exchange_target_from_string ("excel", &(DossierExchangeTarget) { 0 }));
  g_assert_null (dossier_exchange_profile_get ((DossierExchangeTarget) 99));
}

/* A highlight whose passage vanished from a newer text travels as a note
 * of its document, quote and memo included. */
static void
test_qdpx_orphan (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DossierParsedDocument) newer = dossier_parsed_document_new ();
  g_autoptr(GArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) archive = NULL;
  g_autoptr(GBytes) qde = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  DossierDocument *ledger = dossier_project_get_document (f->project, f->doc_ledger);
  xmlNodePtr source;
  g_autofree char *expr = NULL;

  newer->text = g_strdup ("What the ledger found\n\nNothing was signed.\n\nNobody has seen the costs.");
  newer->title = g_strdup ("What the ledger found");
  g_assert_true (dossier_project_replace_document_text (f->project, f->doc_ledger, newer, &orphans, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (orphans->len, ==, 1);

  archive = export_ok (f->project, DOSSIER_EXPORT_QDPX, DOSSIER_EXCHANGE_TARGET_STANDARD);
  qde = exchange_zip_entry (archive, "project.qde");
  doc = exchange_parse_valid (qde, "Project-mrt2019.xsd");

  source = find_by_guid (doc, "TextSource", dossier_document_get_uuid (ledger));
  g_assert_cmpint (count (doc, source, "q:PlainTextSelection"), ==, 0);
  g_assert_cmpint (count (doc, source, "q:NoteRef"), ==, 1);
  expr = g_strdup_printf ("/q:Project/q:Notes/q:Note[contains (q:PlainTextContent, '%s') and "
                          "contains (q:PlainTextContent, 'page 3')]",
                          "The Transport Minister signed the grant letter");
  g_assert_cmpint (count (doc, NULL, expr), ==, 1);
}

/* A document a file made by hand deleted (foreign keys off) leaves its
 * highlights: one whose passage had gone from a newer text travelled as a
 * note, quote and memo, of a document the project no longer holds. Only
 * the orphaned highlight of the document there is does. */
static void
test_qdpx_without_document (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DossierProject) project = exchange_new_project (f, "deleted.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) archive = NULL;
  g_autoptr(GBytes) qde = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  gint64 ledger, notes, tag;

  tag = add_tag (project, "Costs", 0);
  ledger = exchange_add_document (project, "What the ledger found", exchange_ledger_text,
                                  NULL, NULL, NULL, NULL);
  notes = exchange_add_document (project, "Notes", exchange_notes_text, NULL, NULL, NULL, NULL);
  exchange_add_highlight (project, ledger, exchange_ledger_text, "signed the grant letter",
                          &tag, 1, "Signed in haste");
  exchange_add_highlight (project, notes, exchange_notes_text, "Second line", &tag, 1, NULL);
  dossier_project_close (project);
  g_clear_object (&project);
  test_sql_exec (path, "UPDATE highlights SET orphaned = 1;"
                       "PRAGMA foreign_keys = OFF; DELETE FROM documents WHERE id = 1;");

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  archive = export_ok (project, DOSSIER_EXPORT_QDPX, DOSSIER_EXCHANGE_TARGET_STANDARD);
  qde = exchange_zip_entry (archive, "project.qde");
  doc = exchange_parse_valid (qde, "Project-mrt2019.xsd");
  g_assert_cmpint (count (doc, NULL, "//q:TextSource"), ==, 1);
  g_assert_cmpint (count (doc, NULL, "/q:Project/q:Notes/q:Note[contains (q:PlainTextContent, "
                                     "'Second line')]"), ==, 1);
  g_assert_cmpint (count (doc, NULL, "/q:Project/q:Notes/q:Note[contains (q:PlainTextContent, "
                                     "'grant letter')]"), ==, 0);
  g_assert_null (g_strstr_len (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde), "Signed in haste"));
  dossier_project_close (project);
}

static void
test_qdc (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GBytes) qdc = export_ok (f->project, DOSSIER_EXPORT_QDC, DOSSIER_EXCHANGE_TARGET_STANDARD);
  g_autoptr(xmlDoc) doc = exchange_parse_valid (qdc, "Codebook.xsd");
  g_autoptr(GBytes) subtree = NULL;
  g_autoptr(xmlDoc) sub = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) again = NULL;

  g_assert_cmpint (count (doc, NULL, "/c:CodeBook/c:Codes/c:Code"), ==, 3);
  g_assert_cmpint (count (doc, NULL, "//c:Code"), ==, 5);
  g_assert_cmpint (count (doc, NULL,
                          "/c:CodeBook/c:Codes/c:Code[@name='Actors']/c:Code[@name='Government' and "
                          "c:Description = 'State actors: <ministers> & “officials”']/c:Code[@name='Minister' "
                          "and @color='#99c1f1']"), ==, 1);

  again = export_ok (f->project, DOSSIER_EXPORT_QDC, DOSSIER_EXCHANGE_TARGET_STANDARD);
  g_assert_true (g_bytes_equal (qdc, again));

  /* For one tag: its subtree, rooted at the top. */
  subtree = exchange_export (f->project, DOSSIER_EXPORT_QDC, DOSSIER_EXCHANGE_TARGET_STANDARD,
                             f->tag_gov, &error);
  g_assert_no_error (error);
  sub = exchange_parse_valid (subtree, "Codebook.xsd");
  g_assert_cmpint (count (sub, NULL, "/c:CodeBook/c:Codes/c:Code[@name='Government']/c:Code[@name='Minister']"), ==, 1);
  g_assert_cmpint (count (sub, NULL, "//c:Code"), ==, 2);
}

static void
test_qdc_empty (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierProject) empty = exchange_new_project (f, "empty.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) qdc = exchange_export (empty, DOSSIER_EXPORT_QDC, DOSSIER_EXCHANGE_TARGET_STANDARD, 0,
                                           &error);
  g_autofree char *path = g_build_filename (f->dir, "empty.qdc", NULL);
  g_autoptr(GBytes) qdpx = NULL;
  g_autoptr(GBytes) qde = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  DossierExportFilter filter = { 0 };

  /* A codebook needs a code: refused, with a reason, and no file left. */
  g_assert_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_EMPTY);
  g_assert_null (qdc);
  g_clear_error (&error);
  g_assert_false (dossier_export_to_file (empty, DOSSIER_EXPORT_QDC, &filter, NULL, path, NULL, &error));
  g_assert_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_EMPTY);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* An empty project is still a valid project. */
  qdpx = export_ok (empty, DOSSIER_EXPORT_QDPX, DOSSIER_EXCHANGE_TARGET_STANDARD);
  qde = exchange_zip_entry (qdpx, "project.qde");
  doc = exchange_parse_valid (qde, "Project-mrt2019.xsd");
  g_assert_cmpint (count (doc, NULL, "/q:Project/*"), ==, 0);
  dossier_project_close (empty);
}

static void
test_format_names (void)
{
  DossierExportFormat format;

  g_assert_true (dossier_export_format_from_string ("qdpx", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_QDPX);
  g_assert_true (dossier_export_format_from_string ("QDC", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_QDC);
  g_assert_true (dossier_export_format_from_string ("w3c", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_W3C);
  g_assert_true (dossier_export_format_from_string ("jsonld", &format));
  g_assert_cmpint (format, ==, DOSSIER_EXPORT_W3C);
  g_assert_cmpstr (dossier_export_format_extension (DOSSIER_EXPORT_QDPX), ==, "qdpx");
  g_assert_cmpstr (dossier_export_format_extension (DOSSIER_EXPORT_W3C), ==, "jsonld");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/refi-export/format-names", test_format_names);
  g_test_add ("/dossier/refi-export/qdpx-standard", Fixture, NULL,
              exchange_fixture_set_up, test_qdpx_standard, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-export/qdpx-reproducible", Fixture, NULL,
              exchange_fixture_set_up, test_qdpx_reproducible, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-export/qdpx-targets", Fixture, NULL,
              exchange_fixture_set_up, test_qdpx_targets, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-export/qdpx-orphan", Fixture, NULL,
              exchange_fixture_set_up, test_qdpx_orphan, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-export/qdpx-without-document", Fixture, NULL,
              exchange_fixture_set_up, test_qdpx_without_document, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-export/qdc", Fixture, NULL,
              exchange_fixture_set_up, test_qdc, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-export/qdc-empty", Fixture, NULL,
              exchange_fixture_set_up, test_qdc_empty, exchange_fixture_tear_down);

  return g_test_run ();
}
