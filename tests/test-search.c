/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search.c — full-text search over documents and memos: what a user
 * types always works, hits point at the words, and the index follows
 * every change, undo and redo included.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <dossier/dossier.h>

#include "dossier-project-private.h"
#include "test-util.h"

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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = test_create_project ("search", "Search", &fixture->dir, NULL);
  fixture->ferry = add_doc (fixture->project, "Fares", ferry_text);
  fixture->quai = add_doc (fixture->project, "Quai", quai_text);
  fixture->tides = add_doc (fixture->project, "Tides", tides_text);
  fixture->tag = add_tag (fixture->project, "Notes", 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_finish_project (&fixture->project, &fixture->dir, NULL);
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

/* Hits land on their word however the text before it mixes characters
 * that are or are not part of words: combining accents and variation
 * selectors (joined), zero-width joiners and spaces, soft hyphens, curly
 * apostrophes, digits, superscripts, CJK, emoji, private use, letters
 * outside the BMP; in a short text and in a long one (whose ASCII is
 * skimmed sixteen bytes at a time), at every alignment. */
static void
test_match_offsets (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const pieces[] = {
    "cafe\xcc\x81s", "l’île", "don't", "co-op", "3.14", "a_b", "x²", "①②", "Ⅻ", "ǅemal",
    "👍🏽", "👩\xe2\x80\x8d👩\xe2\x80\x8d👧", "٣٤", "Straße", "港の工事", "한국어", "नमस्ते",
    "\xef\xac\x81n", "Ａｂｃ", "𝐀𝐁", "ไทย", "soft\xc2\xadhyphen", "zero\xe2\x80\x8bspace",
    "nb\xc2\xa0sp", "tab\there", "“quoted”", "—", "«x»", "\xee\x80\x80pua", "❤\xef\xb8\x8f",
    "e\xcc\x81\xcc\x81", "\xcc\x81lone", "…", "x\xe2\x80\x8dy", "",
  };
  DossierProject *project = fixture->project;

  for (guint length = 0; length < 2; length++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GPtrArray) markers = g_ptr_array_new_with_free_func (g_free);
      guint rounds = length == 0 ? 1 : 40;
      gint64 doc;

      for (guint r = 0; r < rounds; r++)
        for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
          {
            /* Shift the next marker by 0 to 15 bytes. */
            for (guint pad = 0; pad < (r + i) % 16; pad++)
              g_string_append_c (text, pad % 3 == 0 ? ' ' : 'w');
            g_string_append_c (text, ' ');
            g_string_append (text, pieces[i]);
            if ((r + i) % 5 == 0)
              g_string_append (text, "\n\n");
            if (r == rounds - 1 || i % 7 == 0)
              {
                char *marker = g_strdup_printf ("qmark%c%c%c", 'a' + length, 'a' + r % 26,
                                                'a' + (i + r / 26) % 26);

                g_string_append_printf (text, " %s ", marker);
                g_ptr_array_add (markers, marker);
              }
          }
      g_assert_true (length == 0 ? text->len < 4096 : text->len > 8192);
      doc = add_doc (project, length == 0 ? "Short" : "Long", text->str);

      for (guint m = 0; m < markers->len; m++)
        {
          const char *marker = g_ptr_array_index (markers, m);
          g_autofree char *spaced = g_strdup_printf (" %s ", marker);
          const char *at = strstr (text->str, spaced);
          g_autoptr(GPtrArray) hits = search (project, marker);
          const DossierSearchHit *hit;
          g_autofree char *word = NULL;

          g_assert_nonnull (at);
          g_test_message ("%s", marker);
          g_assert_cmpuint (hits->len, ==, 1);
          hit = g_ptr_array_index (hits, 0);
          g_assert_cmpint (hit->document_id, ==, doc);
          g_assert_cmpint (hit->start, ==, g_utf8_pointer_to_offset (text->str, at + 1));
          word = text_slice (project, doc, hit->start, hit->end);
          g_assert_cmpstr (word, ==, marker);
        }
    }
}

static GPtrArray *
search_all (DossierProject *project,
            const char     *query,
            guint           limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = dossier_project_search_occurrences (project, query, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* Each hit is the word it points at; the hits of a document come
 * together, in text order. */
static void
assert_occurrences (DossierProject *project,
                    GPtrArray      *hits,
                    const char     *word)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      const DossierSearchHit *hit = g_ptr_array_index (hits, i);
      const DossierSearchHit *previous = i > 0 ? g_ptr_array_index (hits, i - 1) : NULL;

      if (previous != NULL && previous->document_id == hit->document_id)
        g_assert_cmpint (previous->start, <, hit->start);
      else
        {
          g_assert_false (g_hash_table_contains (done, &hit->document_id));
          g_hash_table_add (done, g_memdup2 (&hit->document_id, sizeof (gint64)));
        }

      if (hit->highlight_id == 0 && word != NULL)
        {
          g_autofree char *slice = text_slice (project, hit->document_id, hit->start, hit->end);
          g_autofree char *folded = g_utf8_casefold (slice, -1);

          g_assert_cmpstr (folded, ==, word);
        }
    }
}

static guint
count_documents (GPtrArray *hits)
{
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    {
      const DossierSearchHit *hit = g_ptr_array_index (hits, i);

      if (i == 0 || ((DossierSearchHit *) g_ptr_array_index (hits, i - 1))->document_id != hit->document_id)
        n++;
    }

  return n;
}

static void
test_occurrences (Fixture       *fixture,
                  gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const DossierSearchHit *hit;
  gint64 h;

  /* Twice in "Tides", once in "Fares": three results in two documents,
   * the document with more first. */
  hits = search_all (project, "ferry", 0);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpuint (count_documents (hits), ==, 2);
  assert_occurrences (project, hits, "ferry");
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->document_id, ==, fixture->tides);
  g_assert_cmpint (hit->start, ==, 51);
  g_assert_cmpstr (hit->snippet, ==, "The «ferry» could not dock, and the ferry office closed early.");
  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpint (hit->document_id, ==, fixture->tides);
  g_assert_cmpint (hit->start, ==, 81);
  g_assert_nonnull (strstr (hit->snippet, "the «ferry» office"));
  hit = g_ptr_array_index (hits, 2);
  g_assert_cmpint (hit->document_id, ==, fixture->ferry);
  g_assert_cmpint (hit->start, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A phrase is one match; words each match where they are. */
  hits = search_all (project, "\"ferry office\"", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  assert_occurrences (project, hits, "ferry office");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search_all (project, "ferry council", 0);
  g_assert_cmpuint (hits->len, ==, 2);
  hit = g_ptr_array_index (hits, 1);
  g_assert_nonnull (strstr (hit->snippet, "«council»"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* A word and a phrase over it: one match, not two. */
  hits = search_all (project, "\"ferry office\" office", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  assert_occurrences (project, hits, "ferry office");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* After accents and CJK, offsets are still code points. */
  hits = search_all (project, "quai", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  assert_occurrences (project, hits, "quai");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search_all (project, "cafe", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  assert_occurrences (project, hits, "café");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A memo match joins its document's group at its highlight's place. */
  h = dossier_project_add_highlight (project, fixture->tides, 0, 6, &fixture->tag, 1,
                                     "Check the ferry timetable.", &error);
  g_assert_no_error (error);
  hits = search_all (project, "ferry", 0);
  g_assert_cmpuint (hits->len, ==, 4);
  g_assert_cmpuint (count_documents (hits), ==, 2);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->highlight_id, ==, h);
  g_assert_cmpint (hit->start, ==, 0);
  g_assert_cmpstr (hit->snippet, ==, "Check the «ferry» timetable.");
  assert_occurrences (project, hits, "ferry");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A memo alone brings its document in. */
  g_assert_true (dossier_project_set_highlight_memo (project, h, "Ask the harbour master.", &error));
  hits = search_all (project, "harbour", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((DossierSearchHit *) g_ptr_array_index (hits, 0))->highlight_id, ==, h);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The limit counts every hit. */
  hits = search_all (project, "ferry", 2);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpuint (count_documents (hits), ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Nothing searchable, nothing found. */
  hits = search_all (project, "  * ( ", 0);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search_all (project, "submarine", 0);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* "sovereignty" twice in each of two documents: four results in two
 * documents, over texts long enough to be walked sixteen bytes at a time,
 * with accents, curly quotes and CJK between the matches. */
static void
test_occurrences_long (Fixture       *fixture,
                       gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 a, b;

  for (guint i = 0; i < 400; i++)
    {
      if (i == 7 || i == 311)
        {
          gint64 at;

          g_string_append (text, "Their “");
          at = g_utf8_strlen (text->str, -1);
          g_array_append_val (expected, at);
          g_string_append (text, "sovereignty");
          g_string_append (text, "” was at stake.\n");
        }
      g_string_append_printf (text, "Paragraph %u: the café’s owner, 港の工事, naïve résumé — fine.\n", i);
    }
  a = add_doc (project, "Sovereignty A", text->str);
  b = add_doc (project, "Sovereignty B", text->str);

  hits = search_all (project, "sovereignty", 0);
  g_assert_cmpuint (hits->len, ==, 4);
  g_assert_cmpuint (count_documents (hits), ==, 2);
  assert_occurrences (project, hits, "sovereignty");
  for (guint i = 0; i < hits->len; i++)
    {
      const DossierSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_true (hit->document_id == a || hit->document_id == b);
      g_assert_cmpint (hit->start, ==, g_array_index (expected, gint64, i % 2));
      g_assert_cmpint (hit->end, ==, hit->start + 11);
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Every one of 800 in text order, and the limit stops within a
   * document. */
  hits = search_all (project, "paragraph", 1000);
  g_assert_cmpuint (hits->len, ==, 800);
  assert_occurrences (project, hits, "paragraph");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search_all (project, "paragraph", 450);
  g_assert_cmpuint (hits->len, ==, 450);
  g_assert_cmpuint (count_documents (hits), ==, 2);
  assert_occurrences (project, hits, "paragraph");
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* (and once in "Quai") */
  hits = search_all (project, "港の工事", 1000);
  g_assert_cmpuint (hits->len, ==, 801);
  assert_occurrences (project, hits, "港の工事");
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
  ADD ("match-offsets", test_match_offsets);
  ADD ("occurrences", test_occurrences);
  ADD ("occurrences-long", test_occurrences_long);

  return g_test_run ();
}
