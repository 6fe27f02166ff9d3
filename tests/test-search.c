/* test-search.c — full-text search over documents and memos: what a user
 * types always works, hits point at the words, and the index follows
 * every change, undo and redo included.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <dossier/dossier.h>

#include "dossier-project-private.h"

typedef struct
{
  char           *dir;
  DossierProject *project;
  gint64          ferry, quai, tides;
  gint64          tag;
} Fixture;

static const char ferry_text[] =
  "Ferry fares rise by a fifth from May, the council says.\n"
  "Commuters on the island route call the rise “unfair”; the operator blames fuel.";
static const char quai_text[] =
  "Le quai sera reconstruit en pierre d’ici 2026 — coût estimé : 4 M€.\n"
  "Les pêcheurs craignent des retards ; 港の工事 doit durer deux ans. Café fermé.";
static const char tides_text[] =
  "Spring tides flooded the quay twice this year.\n"
  "The ferry could not dock, and the ferry office closed early.";

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static gint64
add_doc (DossierProject *project,
         const char     *title,
         const char     *text)
{
  g_autoptr(DossierParsedDocument) doc = dossier_parsed_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  doc->title = g_strdup (title);
  doc->format = g_strdup ("text");
  doc->text = g_strdup (text);
  id = dossier_project_add_document (project, doc, &error);
  g_assert_no_error (error);

  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-test-search-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "search.dossier", NULL);
  fixture->project = dossier_project_create (path, "Search", &error);
  g_assert_no_error (error);

  fixture->ferry = add_doc (fixture->project, "Fares", ferry_text);
  fixture->quai = add_doc (fixture->project, "Quai", quai_text);
  fixture->tides = add_doc (fixture->project, "Tides", tides_text);
  fixture->tag = dossier_project_add_tag (fixture->project, "Notes", 0, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->project);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GPtrArray *
search (DossierProject *project,
        const char     *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = dossier_project_search (project, query, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static char *
text_slice (DossierProject *project,
            gint64          document,
            gint64          start,
            gint64          end)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dossier_project_get_document_text (project, document, &error);

  g_assert_no_error (error);
  return dossier_text_slice (text, start, end);
}

static const DossierSearchHit *
find_hit (GPtrArray *hits,
          gint64     document,
          gint64     highlight)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const DossierSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->document_id == document && hit->highlight_id == highlight)
        return hit;
    }

  return NULL;
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (fixture->project, "ferry");
  const DossierSearchHit *hit;
  g_autofree char *word = NULL;

  g_assert_cmpuint (hits->len, ==, 2);
  /* "ferry" twice in a short text ranks above once. */
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->document_id, ==, fixture->tides);
  g_assert_cmpint (hit->highlight_id, ==, 0);
  word = text_slice (fixture->project, hit->document_id, hit->start, hit->end);
  g_assert_cmpstr (word, ==, "ferry");
  g_assert_nonnull (strstr (hit->snippet, "«ferry»"));
  g_assert_null (strchr (hit->snippet, '\n'));
  g_clear_pointer (&word, g_free);

  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpint (hit->document_id, ==, fixture->ferry);
  g_assert_cmpint (hit->start, ==, 0);
  g_assert_cmpint (hit->end, ==, 5);
  g_assert_true (g_str_has_prefix (hit->snippet, "«Ferry» fares rise"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Offsets are code points, after non-ASCII text; case and accents
   * are ignored. */
  hits = search (fixture->project, "cout");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  word = text_slice (fixture->project, hit->document_id, hit->start, hit->end);
  g_assert_cmpstr (word, ==, "coût");
  g_assert_nonnull (strstr (hit->snippet, "«coût»"));
  g_clear_pointer (&word, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->project, "CAFE");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  word = text_slice (fixture->project, hit->document_id, hit->start, hit->end);
  g_assert_cmpstr (word, ==, "Café");
  g_clear_pointer (&word, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* All words must match; a quoted phrase must match as a phrase. */
  hits = search (fixture->project, "ferry council");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((DossierSearchHit *) g_ptr_array_index (hits, 0))->document_id, ==, fixture->ferry);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->project, "\"ferry office\"");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  word = text_slice (fixture->project, hit->document_id, hit->start, hit->end);
  g_assert_cmpstr (word, ==, "ferry office");
  g_clear_pointer (&word, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->project, "\"office ferry\"");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->project, "港の工事");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->project, "submarine");
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_memos (Fixture       *fixture,
            gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const DossierSearchHit *hit;
  gint64 h;

  h = dossier_project_add_highlight (project, fixture->quai, 3, 7, &fixture->tag, 1,
                                     "Les armateurs s’inquiètent du calendrier.", &error);
  g_assert_no_error (error);

  hits = search (project, "armateurs");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->document_id, ==, fixture->quai);
  g_assert_cmpint (hit->highlight_id, ==, h);
  g_assert_cmpint (hit->start, ==, 3);
  g_assert_cmpint (hit->end, ==, 7);
  g_assert_cmpstr (hit->snippet, ==, "Les «armateurs» s’inquiètent du calendrier.");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A word in both a memo and a text gives both hits. */
  g_assert_true (dossier_project_set_highlight_memo (project, h, "The ferry is late.", &error));
  hits = search (project, "ferry");
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_nonnull (find_hit (hits, fixture->quai, h));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (project, "armateurs");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Undo and redo keep the memo index in step. */
  g_assert_true (dossier_project_undo (project, &error));
  hits = search (project, "armateurs");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_true (dossier_project_redo (project, &error));
  hits = search (project, "armateurs");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (dossier_project_delete_highlight (project, h, &error));
  hits = search (project, "ferry");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_true (dossier_project_undo (project, &error));
  hits = search (project, "ferry");
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_no_error (error);
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const queries[] = {
    "", " ", "\"", "\"\"", "\"\"\"", "'", "*", "**", "ferry*", "*ferry", "(", ")", "()",
    "(ferry", "ferry)", "AND", "OR", "NOT", "ferry AND", "AND ferry", "ferry OR tides",
    "ferry NOT tides", "NEAR", "NEAR(ferry tides)", "NEAR(ferry tides, 2)", "ferry NEAR tides",
    "-ferry", "+ferry", "^ferry", "text:ferry", "{text}: ferry", "ferry:", ":", "\\", "\\\"",
    "%", "_", "ferry'); DROP TABLE documents; --", "\"ferry", "ferry\"", "\"a\" \"b", "…",
    "“ferry”", "«ferry»", "😀", "\t\n", "ferry\x01", "\xff\xfe", "rowid=1", "MATCH", "rank",
  };
  DossierProject *project = fixture->project;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = dossier_project_search (project, queries[i], 0, &error);

      g_test_message ("query %u: %s", i, queries[i]);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }

  /* The words in them still count. */
  {
    g_autoptr(GPtrArray) a = search (project, "ferry AND");
    g_autoptr(GPtrArray) b = search (project, "(ferry");
    g_autoptr(GPtrArray) c = search (project, "“ferry”");
    g_autoptr(GPtrArray) d = search (project, "ferry*");

    g_assert_cmpuint (a->len, ==, 1);   /* "and" is just a word, in Tides only */
    g_assert_cmpuint (b->len, ==, 2);
    g_assert_cmpuint (c->len, ==, 2);
    g_assert_cmpuint (d->len, ==, 2);
  }

  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 3);
}

static void
test_in_step (Fixture       *fixture,
              gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(DossierParsedDocument) newer = dossier_parsed_document_new ();

  g_assert_true (dossier_project_delete_document (project, fixture->tides, &error));
  hits = search (project, "ferry");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (project, "tides");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  hits = search (project, "tides");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (dossier_project_redo (project, &error));
  hits = search (project, "tides");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A new version of a text replaces its words. */
  newer->title = g_strdup ("Fares");
  newer->format = g_strdup ("text");
  newer->text = g_strdup ("Bus fares fall; the island route gets a new hovercraft.");
  g_assert_true (dossier_project_replace_document_text (project, fixture->ferry, newer, NULL, &error));
  g_assert_no_error (error);
  hits = search (project, "hovercraft");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (project, "commuters");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (dossier_project_undo (project, &error));
  hits = search (project, "hovercraft");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (project, "commuters");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  {
    g_autofree char *report = NULL;

    dossier_project_check (project, &report, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (report, ==, "");
  }
}

static void
test_long_text (Fixture       *fixture,
                gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) hits = NULL;
  const DossierSearchHit *hit;
  g_autofree char *word = NULL;
  gint64 doc;
  gint64 expected;

  /* A long document whose only match is near its end, after many
   * multi-byte characters. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "Le café «du port» ferme tôt — été comme hiver. ");
  expected = g_utf8_strlen (text->str, -1);
  g_string_append (text, "Zeppelin spotted.");
  doc = add_doc (project, "Long", text->str);

  hits = search (project, "zeppelin");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->document_id, ==, doc);
  g_assert_cmpint (hit->start, ==, expected);
  word = text_slice (project, doc, hit->start, hit->end);
  g_assert_cmpstr (word, ==, "Zeppelin");
  g_assert_true (g_str_has_prefix (hit->snippet, "…"));
  g_assert_true (g_str_has_suffix (hit->snippet, "«Zeppelin» spotted."));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The limit holds. */
  {
    g_autoptr(GError) error = NULL;

    hits = dossier_project_search (project, "the", 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("text", test_text);
  ADD ("memos", test_memos);
  ADD ("hostile", test_hostile);
  ADD ("in-step", test_in_step);
  ADD ("long-text", test_long_text);

  return g_test_run ();
}
