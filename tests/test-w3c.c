/* test-w3c.c — W3C Web Annotation collections: the export (JSON-LD with a
 * TextQuoteSelector carrying prefix and suffix and a TextPositionSelector
 * per target, tags as "tagging" bodies, memos as "commenting" ones, the
 * source URL as the target's source where there is one).
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <dossier/dossier.h>

#include "exchange-fixture.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/w3c/export", Fixture, NULL,
              exchange_fixture_set_up, test_export, exchange_fixture_tear_down);

  return g_test_run ();
}
