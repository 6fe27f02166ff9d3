/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-w3c.c — W3C Web Annotation collections: the export (JSON-LD with a
 * TextQuoteSelector carrying prefix and suffix and a TextPositionSelector
 * per target, tags as "tagging" bodies, memos as "commenting" ones, the
 * source URL as the target's source where there is one), and the import
 * onto documents whose text holds the quote: a round trip gives the same
 * highlights, an edited text still takes them, a web annotation tool's
 * collection comes in, and what cannot be placed is reported.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <dossier/dossier.h>

#include "exchange-fixture.h"
#include "test-util.h"

typedef ExchangeFixture Fixture;

static JsonNode *
export_json (DossierProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = exchange_export (project, DOSSIER_EXPORT_W3C, 0, 0, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, size, NULL));
  g_assert_true (json_parser_load_from_data (parser, data, size, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
find_annotation (JsonArray  *items,
                 const char *uuid)
{
  g_autofree char *id = g_strconcat ("urn:uuid:", uuid, NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *a = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (a, "id"), id) == 0)
        return a;
    }
  return NULL;
}

static JsonObject *
find_selector (JsonObject *target,
               const char *type)
{
  JsonArray *selectors = json_object_get_array_member (target, "selector");

  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonObject *s = json_array_get_object_element (selectors, i);

      if (g_strcmp0 (json_object_get_string_member (s, "type"), type) == 0)
        return s;
    }
  return NULL;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) root = export_json (f->project);
  JsonObject *collection = json_node_get_object (root);
  JsonArray *items;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (json_object_get_string_member (collection, "@context"), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "AnnotationCollection");
  g_assert_cmpstr (json_object_get_string_member (collection, "label"), ==,
                   "Harbour “Bridge” <Study> & Co");
  items = json_object_get_array_member (json_object_get_object_member (collection, "first"), "items");
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 5);
  g_assert_cmpuint (json_array_get_length (items), ==, 5);

  highlights = dossier_project_list_highlights (f->project, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < highlights->len; i++)
    {
      DossierHighlight *h = g_ptr_array_index (highlights, i);
      DossierDocument *d = dossier_project_get_document (f->project, dossier_highlight_get_document_id (h));
      JsonObject *a = find_annotation (items, dossier_highlight_get_uuid (h));
      JsonObject *target, *quote, *position;
      JsonArray *bodies;
      const gint64 *tags;
      guint n_tags, n_tagging = 0, n_commenting = 0;
      g_autofree char *urn = g_strconcat ("urn:uuid:", dossier_document_get_uuid (d), NULL);
      const char *source = dossier_document_get_source (d);

      g_assert_nonnull (a);
      g_assert_cmpstr (json_object_get_string_member (a, "type"), ==, "Annotation");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (a, "creator"), "name"),
                       ==, dossier_highlight_get_author (h));
      g_assert_cmpstr (json_object_get_string_member (a, "created"), ==, dossier_highlight_get_created (h));

      /* The target: the document's URL if it has one, selected by quote
       * with context and by position (code points). */
      target = json_object_get_object_member (a, "target");
      g_assert_cmpstr (json_object_get_string_member (target, "source"), ==,
                       source != NULL && g_str_has_prefix (source, "https://") ? source : urn);
      quote = find_selector (target, "TextQuoteSelector");
      position = find_selector (target, "TextPositionSelector");
      g_assert_nonnull (quote);
      g_assert_nonnull (position);
      g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, dossier_highlight_get_quote (h));
      g_assert_cmpstr (json_object_get_string_member_with_default (quote, "prefix", ""), ==,
                       dossier_highlight_get_prefix (h));
      g_assert_cmpstr (json_object_get_string_member_with_default (quote, "suffix", ""), ==,
                       dossier_highlight_get_suffix (h));
      g_assert_cmpint (json_object_get_int_member (position, "start"), ==, dossier_highlight_get_start (h));
      g_assert_cmpint (json_object_get_int_member (position, "end"), ==, dossier_highlight_get_end (h));

      /* A tagging body per tag (its path), a commenting body for the memo. */
      tags = dossier_highlight_get_tag_ids (h, &n_tags);
      bodies = json_object_get_array_member (a, "body");
      for (guint b = 0; b < json_array_get_length (bodies); b++)
        {
          JsonObject *body = json_array_get_object_element (bodies, b);
          const char *purpose = json_object_get_string_member (body, "purpose");

          g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "TextualBody");
          if (g_strcmp0 (purpose, "tagging") == 0)
            {
              g_assert_cmpuint (n_tagging, <, n_tags);
              g_assert_cmpstr (json_object_get_string_member (body, "value"), ==,
                               dossier_tag_get_path (dossier_project_get_tag (f->project, tags[n_tagging])));
              n_tagging++;
            }
          else
            {
              g_assert_cmpstr (purpose, ==, "commenting");
              g_assert_cmpstr (json_object_get_string_member (body, "value"), ==,
                               dossier_highlight_get_memo (h));
              n_commenting++;
            }
        }
      g_assert_cmpuint (n_tagging, ==, n_tags);
      g_assert_cmpuint (n_commenting, ==, dossier_highlight_get_memo (h)[0] != '\0' ? 1 : 0);
    }
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      len)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static DossierImportReport *
import_path (DossierProject *project,
             const char     *path,
             GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dossier_exchange_import (project, file, NULL, NULL, error);
}

/* A project with the fixture's documents (same texts and metadata) and no
 * highlights or tags. */
static DossierProject *
same_documents (Fixture    *f,
                const char *name,
                gboolean    edited)
{
  DossierProject *copy = exchange_new_project (f, name);
  g_autoptr(GString) tribune = g_string_new (exchange_tribune_text);

  if (edited)
    g_string_prepend (tribune, "Updated on Thursday with the vote count.\n\n");
  exchange_add_document (copy, "Port Calder closes the bridge", tribune->str, "Helena Strand",
                         "The Calder Tribune", "https://tribune.example/bridge?a=1&b=2", "2025-03-12");
  exchange_add_document (copy, "What the ledger found", exchange_ledger_text, NULL, NULL, "ledger.txt", NULL);
  exchange_add_document (copy, "Notes", exchange_notes_text, NULL, "Own notes", NULL, NULL);
  return copy;
}

static void
describe (DossierProject *project,
          GString        *out)
{
  g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (project, 0, 0, NULL);

  for (guint i = 0; i < highlights->len; i++)
    {
      DossierHighlight *h = g_ptr_array_index (highlights, i);
      const gint64 *tags;
      guint n;

      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|",
                              dossier_document_get_title (dossier_project_get_document (project,
                                  dossier_highlight_get_document_id (h))),
                              dossier_highlight_get_quote (h), dossier_highlight_get_memo (h),
                              dossier_highlight_get_author (h), dossier_highlight_get_created (h),
                              dossier_highlight_get_uuid (h));
      tags = dossier_highlight_get_tag_ids (h, &n);
      for (guint t = 0; t < n; t++)
        g_string_append_printf (out, "%s,", dossier_tag_get_path (dossier_project_get_tag (project, tags[t])));
      g_string_append_c (out, '\n');
    }
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = exchange_export (f->project, DOSSIER_EXPORT_W3C, 0, 0, &error);
  g_autofree char *path = write_file (f, "annotations.jsonld", g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes));
  g_autoptr(DossierProject) copy = same_documents (f, "copy.dossier", FALSE);
  g_autoptr(DossierProject) edited = same_documents (f, "edited.dossier", TRUE);
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GPtrArray) original = dossier_project_list_highlights (f->project, 0, 0, NULL);
  g_autoptr(GPtrArray) imported = NULL;

  describe (f->project, expected);

  /* Onto the same texts: the same highlights, at the same offsets. */
  report = import_path (copy, path, &error);
  g_assert_no_error (error);
  describe (copy, got);
  g_assert_cmpstr (got->str, ==, expected->str);
  imported = dossier_project_list_highlights (copy, 0, 0, NULL);
  for (guint i = 0; i < original->len; i++)
    {
      g_assert_cmpint (dossier_highlight_get_start (g_ptr_array_index (imported, i)), ==,
                       dossier_highlight_get_start (g_ptr_array_index (original, i)));
      g_assert_cmpint (dossier_highlight_get_end (g_ptr_array_index (imported, i)), ==,
                       dossier_highlight_get_end (g_ptr_array_index (original, i)));
    }
  g_assert_cmpuint (dossier_import_report_get_n_items (report), ==, 0);
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_DOCUMENTS), ==, 0);
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_HIGHLIGHTS), ==, 5);
  assert_project_sound (copy);

  /* Onto a newer version of one text: found by quote and context. */
  g_clear_pointer (&report, dossier_import_report_unref);
  report = import_path (edited, path, &error);
  g_assert_no_error (error);
  g_string_truncate (got, 0);
  describe (edited, got);
  g_assert_cmpstr (got->str, ==, expected->str);
  assert_project_sound (edited);

  dossier_project_close (copy);
  dossier_project_close (edited);
}

/* What a web annotation tool writes: one target with a selector array, a
 * creator as a nickname, tags with nested paths, a bodyValue, an
 * annotation of a page the project does not hold, one without a quote,
 * and one whose source names no document but whose quote is in one. */
static void
test_web_tool (Fixture       *f,
               gconstpointer  data)
{
  static const char collection[] =
    "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationPage\", \"items\": ["
    " {\"id\": \"https://anno.example/a/1\", \"type\": \"Annotation\", \"motivation\": \"commenting\","
    "  \"creator\": {\"type\": \"Person\", \"nickname\": \"marta\"}, \"created\": \"2024-02-03T10:11:12+01:00\","
    "  \"body\": [{\"type\": \"TextualBody\", \"value\": \"Check this figure\"},"
    "           {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"Money/Figures\"},"
    "           {\"type\": \"Image\", \"id\": \"https://anno.example/img.png\"}],"
    "  \"target\": {\"source\": \"https://tribune.example/bridge?a=1&b=2\", \"selector\": ["
    "     {\"type\": \"TextPositionSelector\", \"start\": 9999, \"end\": 10010},"
    "     {\"type\": \"TextQuoteSelector\", \"exact\": \"€164 million\", \"prefix\": \"would cost \", \"suffix\": \". Traders\"}]}},"
    " {\"type\": \"Annotation\", \"bodyValue\": \"A plain note\","
    "  \"target\": {\"source\": \"https://elsewhere.example/page\", \"selector\": "
    "     {\"type\": \"TextQuoteSelector\", \"exact\": \"signed the grant letter on Friday\"}}},"
    " {\"type\": \"Annotation\", \"bodyValue\": \"Not here\","
    "  \"target\": {\"source\": \"https://elsewhere.example/page\", \"selector\": "
    "     {\"type\": \"TextQuoteSelector\", \"exact\": \"words that are in no document at all\"}}},"
    " {\"type\": \"Annotation\", \"body\": {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"Pages\"},"
    "  \"target\": \"https://tribune.example/bridge?a=1&b=2\"}"
    "]}";
  g_autofree char *path = write_file (f, "page.json", collection, -1);
  g_autoptr(DossierProject) project = same_documents (f, "web.dossier", FALSE);
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  g_autofree char *text = NULL;

  report = import_path (project, path, &error);
  g_assert_no_error (error);
  text = dossier_import_report_to_text (report);
  g_test_message ("%s", text);
  describe (project, got);
  {
    g_auto(GStrv) lines = g_strsplit (got->str, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    /* Placed by its quote and context, not by the stale position; the
     * creator's nickname; the time in UTC; the nested tag path. */
    g_assert_true (g_str_has_prefix (lines[0], "Port Calder closes the bridge|€164 million|Check this figure|"
                                               "marta|2024-02-03T09:11:12Z|"));
    g_assert_true (g_str_has_suffix (lines[0], "|Money/Figures,"));
    /* Its source names no document, but its quote is in one. */
    g_assert_true (g_str_has_prefix (lines[1], "What the ledger found|signed the grant letter on Friday|"
                                               "A plain note||"));
    g_assert_true (g_str_has_suffix (lines[1], "|Imported without a code,"));
  }
  /* Only the tags of what came in: not "Pages", whose annotation did not. */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (project)), ==, 3);
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_HIGHLIGHTS), ==, 2);
  g_assert_cmpstr (dossier_import_report_get_format (report), ==, "W3C Web Annotations");
  g_assert_nonnull (strstr (text, "“words that are in no document at all”: its quoted text is in no document"));
  g_assert_nonnull (strstr (text, "“https://tribune.example/bridge?a=1&b=2”: it selects no quoted text"));
  g_assert_nonnull (strstr (text, "1 body that is not text"));
  assert_project_sound (project);
  dossier_project_close (project);
}

/* An annotation's fields from someone else — its text, its creator, its
 * tag — lose controls and bidi overrides as a text typed in does (JSON
 * carries even ESC); they were stored as they came. */
static void
test_controls (Fixture       *f,
               gconstpointer  data)
{
  static const char collection[] =
    "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationPage\", \"items\": ["
    " {\"type\": \"Annotation\", \"creator\": {\"type\": \"Person\", \"nickname\": \"mar\\u009bta\\u202e\"},"
    "  \"body\": [{\"type\": \"TextualBody\", \"value\": \"Check\\u001b]0;owned\\u0007 this\\u202e figure\\u007f\"},"
    "           {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"Money\\u2066\\u001b[2J\"}],"
    "  \"target\": {\"source\": \"https://tribune.example/bridge?a=1&b=2\", \"selector\": "
    "     {\"type\": \"TextQuoteSelector\", \"exact\": \"€164 million\"}}}"
    "]}";
  g_autofree char *path = write_file (f, "controls.json", collection, -1);
  g_autoptr(DossierProject) project = same_documents (f, "controls.dossier", FALSE);
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) got = g_string_new (NULL);

  report = import_path (project, path, &error);
  g_assert_no_error (error);
  describe (project, got);
  g_assert_true (g_str_has_prefix (got->str, "Port Calder closes the bridge|€164 million|"
                                             "Check]0;owned this figure|marta|"));
  g_assert_true (g_str_has_suffix (got->str, "|Money[2J,\n"));
  assert_project_sound (project);
  dossier_project_close (project);
}

static void
test_not_annotations (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *bad_json = write_file (f, "bad.jsonld", "{\"items\": [", -1);
  g_autofree char *other = write_file (f, "other.json", "{\"format\": \"dossier-export\", \"version\": 1}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierImportReport) report = NULL;

  report = import_path (f->project, bad_json, &error);
  g_assert_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
  g_clear_error (&error);
  report = import_path (f->project, other, &error);
  g_assert_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
  g_assert_false (dossier_project_get_can_redo (f->project));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/w3c/export", Fixture, NULL,
              exchange_fixture_set_up, test_export, exchange_fixture_tear_down);
  g_test_add ("/dossier/w3c/round-trip", Fixture, NULL,
              exchange_fixture_set_up, test_round_trip, exchange_fixture_tear_down);
  g_test_add ("/dossier/w3c/web-tool", Fixture, NULL,
              exchange_fixture_set_up, test_web_tool, exchange_fixture_tear_down);
  g_test_add ("/dossier/w3c/not-annotations", Fixture, NULL,
              exchange_fixture_set_up, test_not_annotations, exchange_fixture_tear_down);
  g_test_add ("/dossier/w3c/controls", Fixture, NULL,
              exchange_fixture_set_up, test_controls, exchange_fixture_tear_down);

  return g_test_run ();
}
