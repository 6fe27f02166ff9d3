/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare.c — comparing documents: the matrix (counts, the tag tree's
 * roll-up, per 1,000 words, totals, filters), the excerpts behind a row,
 * each kind of divergence (omission, stance, figures in their many
 * spellings, shared wire copy, lede or buried), and bad inputs: no
 * documents, one, a deleted one, one given twice.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <dossier/dossier.h>

#include <sqlite3.h>

#include "dossier-compare-private.h"
#include "dossier-mentions-private.h"
#include "dossier-project-private.h"
#include "dossier-render-matrix.h"
#include "test-util.h"

/* Three reports of one story, written for this test. The wire paragraph is
 * in the Northern Wire's story and, word for word, in the Evening Star's. */
#define WIRE_PARAGRAPH \
  "Engineers from the regional transport office said the first stretch of " \
  "track would run from the station to the hospital, with seven stops, and " \
  "that work could begin before the end of next summer if the weather allowed it."

static const char text_post[] =
  "Tram extension approved\n"
  "The council approved the tram extension on Monday. The grant deadline "
  "falls in March, officials said.\n"
  "Money\n"
  "The line will cost £164 million, according to the council. The Transit "
  "Authority opposed the plan, calling it rushed.\n"
  "Shopkeepers on the high street expect months of disruption while the "
  "road is dug up, and several said they had not been asked. A petition "
  "has gathered signatures from traders along the route, and a meeting is "
  "planned for the spring. The council says compensation will be offered "
  "where takings fall by more than a fifth.\n"
  "Residents near the depot worried about noise at night.";

static const char text_wire[] =
  "Council backs tram line\n"
  WIRE_PARAGRAPH "\n"
  "The line will cost £210m. The Transit Authority welcomed the plan.";

static const char text_star[] =
  "Noise fears as tram plan passes\n"
  "Noise from the depot worries residents of the estate.\n"
  WIRE_PARAGRAPH "\n"
  "The budget stands at £210 million, the Evening Star understands. "
  "Councillors will meet again in the autumn to agree the timetable, and "
  "the first trams are due to run the year after the works finish.";

typedef struct
{
  TestProject base;
  gint64      post, wire, star;
  gint64      cost, deadline, route, impacts, noise;
  gint64      authority;
  gint64      question, argument;
  gint64      docs[3];
} Fixture;

#define P(f) ((f)->base.project)

/* A document whose title is its first line and whose other lines are
 * paragraphs, except "Money", a heading. */
static gint64
add_article (DossierProject *project,
             const char     *text,
             const char     *outlet)
{
  DossierParsedDocument *doc = make_doc ("", text);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gint64 offset = 0;

  g_array_set_size (doc->blocks, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 len = dossier_text_length (lines[i]);
      DossierBlock b = { offset, offset + len, DOSSIER_BLOCK_PARAGRAPH, 0 };

      if (i == 0)
        {
          b.kind = DOSSIER_BLOCK_TITLE;
          g_free (doc->title);
          doc->title = g_strdup (lines[i]);
        }
      else if (strcmp (lines[i], "Money") == 0)
        {
          b.kind = DOSSIER_BLOCK_HEADING;
          b.level = 2;
        }
      g_array_append_val (doc->blocks, b);
      offset += len + 1;
    }
  doc->outlet = g_strdup (outlet);
  return add_parsed_doc (project, doc);
}

static void
cite_stance (Fixture    *f,
             gint64      doc,
             const char *phrase,
             int         stance)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dossier_project_get_document_text (P (f), doc, NULL);
  gint64 start = g_utf8_pointer_to_offset (text, strstr (text, phrase));

  dossier_project_add_stakeholder_evidence_range (P (f), f->authority, doc, start,
                                                  start + g_utf8_strlen (phrase, -1), NULL,
                                                  DOSSIER_EVIDENCE_STANCE, stance, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 both[2];

  test_project_set_up (&f->base, data);
  f->post = add_article (P (f), text_post, "Valley Post");
  f->wire = add_article (P (f), text_wire, "Northern Wire");
  f->star = add_article (P (f), text_star, "Evening Star");
  f->docs[0] = f->post;
  f->docs[1] = f->wire;
  f->docs[2] = f->star;

  f->cost = add_tag (P (f), "Cost", 0);
  f->deadline = add_tag (P (f), "Grant deadline", 0);
  f->route = add_tag (P (f), "Route", 0);
  f->impacts = add_tag (P (f), "Impacts", 0);
  f->noise = add_tag (P (f), "Noise", f->impacts);

  add_phrase_highlight (P (f), f->post, "The line will cost £164 million", f->cost, NULL);
  add_phrase_highlight (P (f), f->wire, "The line will cost £210m", f->cost, NULL);
  add_phrase_highlight (P (f), f->star, "The budget stands at £210 million", f->cost, NULL);
  add_phrase_highlight (P (f), f->post, "The grant deadline falls in March", f->deadline, NULL);
  add_phrase_highlight (P (f), f->wire, "the first stretch of track would run from the station", f->route, NULL);
  add_phrase_highlight (P (f), f->star, "the first stretch of track would run from the station", f->route, NULL);
  add_phrase_highlight (P (f), f->star, "Noise from the depot worries residents", f->noise, NULL);

  /* One passage under both the parent and its sub-tag: one highlight. */
  both[0] = f->impacts;
  both[1] = f->noise;
  {
    g_autofree char *text = dossier_project_get_document_text (P (f), f->post, NULL);
    const char *at = strstr (text, "Residents near the depot worried about noise");
    gint64 start = g_utf8_pointer_to_offset (text, at);

    dossier_project_add_highlight (P (f), f->post, start,
                                   start + (gint64) strlen ("Residents near the depot worried about noise"),
                                   both, 2, NULL, &error);
    g_assert_no_error (error);
  }

  f->authority = dossier_project_add_stakeholder (P (f), "Transit Authority", NULL,
                                                  DOSSIER_STAKEHOLDER_GOVERNMENT, &error);
  g_assert_no_error (error);
  cite_stance (f, f->post, "The Transit Authority opposed the plan", -1);
  cite_stance (f, f->wire, "The Transit Authority welcomed the plan", 1);

  f->question = dossier_project_add_question (P (f), "Should the tram line be built?", &error);
  g_assert_no_error (error);
  f->argument = dossier_project_add_argument (P (f), f->question, DOSSIER_POLARITY_CON,
                                              "Traders lose takings", 0, 3, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = dossier_project_get_document_text (P (f), f->post, NULL);
    const char *phrase = "Shopkeepers on the high street expect months of disruption";
    gint64 start = g_utf8_pointer_to_offset (text, strstr (text, phrase));

    dossier_project_add_argument_evidence_range (P (f), f->argument, f->post, start,
                                                 start + (gint64) strlen (phrase), NULL, &error);
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_project_tear_down (&f->base, data);
}

static DossierComparison *
compare (Fixture                     *f,
         const DossierCompareOptions *options)
{
  g_autoptr(GError) error = NULL;
  DossierComparison *c = dossier_project_compare (P (f), f->docs, 3, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

static guint
count_of (DossierComparison *c,
          gint64             row_id,
          guint              column)
{
  int row = dossier_comparison_find_row (c, row_id);

  g_assert_cmpint (row, >=, 0);
  return dossier_comparison_get_count (c, row, column);
}

/* ---- The matrix ---------------------------------------------------------- */

static void
test_matrix_tags (Fixture       *f,
                  gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(DossierComparison) c = compare (f, &options);
  int impacts, noise;

  g_assert_cmpuint (dossier_comparison_get_n_documents (c), ==, 3);
  g_assert_cmpint (dossier_comparison_get_document_id (c, 0), ==, f->post);
  g_assert_cmpstr (dossier_comparison_get_document_outlet (c, 2), ==, "Evening Star");
  g_assert_cmpstr (dossier_comparison_get_document_title (c, 1), ==, "Council backs tram line");

  /* The codebook's tree order, a sub-tag after its parent. */
  g_assert_cmpuint (dossier_comparison_get_n_rows (c), ==, 5);
  g_assert_cmpint (dossier_comparison_get_row_id (c, 0), ==, f->cost);
  impacts = dossier_comparison_find_row (c, f->impacts);
  noise = dossier_comparison_find_row (c, f->noise);
  g_assert_cmpint (noise, ==, impacts + 1);
  g_assert_cmpuint (dossier_comparison_get_row_depth (c, noise), ==, 1);
  g_assert_cmpstr (dossier_comparison_get_row_detail (c, noise), ==, "Impacts/Noise");

  g_assert_cmpuint (count_of (c, f->cost, 0), ==, 1);
  g_assert_cmpuint (count_of (c, f->cost, 1), ==, 1);
  g_assert_cmpuint (count_of (c, f->deadline, 1), ==, 0);
  g_assert_cmpuint (count_of (c, f->route, 2), ==, 1);
  /* The parent counts its sub-tag's highlights, a passage under both once. */
  g_assert_cmpuint (count_of (c, f->impacts, 0), ==, 1);
  g_assert_cmpuint (count_of (c, f->impacts, 2), ==, 1);
  g_assert_cmpuint (count_of (c, f->noise, 2), ==, 1);

  g_assert_cmpfloat (dossier_comparison_get_row_total (c, 0), ==, 3);
  /* Valley Post: cost, deadline, the noise passage (two tags, one highlight). */
  g_assert_cmpfloat (dossier_comparison_get_column_total (c, 0), ==, 3);
  g_assert_cmpfloat (dossier_comparison_get_column_total (c, 1), ==, 2);
  g_assert_cmpfloat (dossier_comparison_get_total (c), ==, 8);
  g_assert_cmpfloat (dossier_comparison_get_max_value (c), ==, 1);
  /* The table with its totals: a cell, then the last column and row. */
  {
    guint n_rows = dossier_comparison_get_n_rows (c);
    guint n_docs = dossier_comparison_get_n_documents (c);

    g_assert_cmpfloat (dossier_comparison_get_table_value (c, noise, 2), ==, 1);
    g_assert_cmpfloat (dossier_comparison_get_table_value (c, noise, 1), ==, 0);
    g_assert_cmpfloat (dossier_comparison_get_table_value (c, 0, n_docs), ==, 3);
    g_assert_cmpfloat (dossier_comparison_get_table_value (c, n_rows, 0), ==, 3);
    g_assert_cmpfloat (dossier_comparison_get_table_value (c, n_rows, 1), ==, 2);
    g_assert_cmpfloat (dossier_comparison_get_table_value (c, n_rows, n_docs), ==, 8);
  }

  /* Where each raises it: the noise comes last in the Post, first in the Star. */
  g_assert_cmpfloat (dossier_comparison_get_first_place (c, noise, 0), >, 0.8);
  g_assert_cmpfloat (dossier_comparison_get_first_place (c, noise, 2), <, 0.2);
  g_assert_cmpfloat (dossier_comparison_get_first_place (c, noise, 1), ==, -1);
}

static void
test_matrix_per_words (Fixture       *f,
                       gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierComparison) c = NULL;
  gint64 tiny = add_doc (P (f), "Tiny", "Tram fares rise. Tram fares fall.");
  gint64 docs[2] = { f->post, tiny };
  guint words_post;

  add_phrase_highlight (P (f), tiny, "Tram fares rise", f->cost, NULL);
  options.per_1000_words = TRUE;
  c = dossier_project_compare (P (f), docs, 2, &options, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (dossier_comparison_get_document_words (c, 1), ==, 6);
  words_post = dossier_comparison_get_document_words (c, 0);
  g_assert_cmpuint (words_post, >, 80);
  /* One highlight in six words weighs far more than one in a long article. */
  g_assert_cmpuint (dossier_comparison_get_count (c, 0, 1), ==, 1);
  g_assert_cmpfloat_with_epsilon (dossier_comparison_get_value (c, 0, 1), 1000.0 / 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (dossier_comparison_get_value (c, 0, 0), 1000.0 / words_post, 1e-9);
  g_assert_cmpfloat_with_epsilon (dossier_comparison_get_row_total (c, 0),
                                  2000.0 / (words_post + 6), 1e-9);
  g_assert_cmpfloat_with_epsilon (dossier_comparison_get_max_value (c), 1000.0 / 6, 1e-9);
}

/* The words of @document as the matrix per 1,000 words counts them,
 * compared beside the Valley Post. */
static guint
words_compared (Fixture *f,
                gint64   document)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierComparison) c = NULL;
  gint64 docs[2] = { f->post, document };

  options.per_1000_words = TRUE;
  c = dossier_project_compare (P (f), docs, 2, &options, &error);
  g_assert_no_error (error);
  return dossier_comparison_get_document_words (c, 1);
}

/* A document's words are counted once per text, not at every comparison:
 * right in accents, digits and CJK (emoji and symbols are no words), and
 * right again after its text is replaced, the replacement undone, and
 * another program's change. */
static void
test_matrix_words_edited (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 doc = add_doc (P (f), "Mixed", "Le café coûte 3 €, dit-il 😀 東京 l’été.");
  guint words_post = words_compared (f, f->wire);
  DossierParsedDocument *replacement = make_doc ("Mixed", "Deux mots");

  /* Le café coûte 3 dit il 東京 l été */
  g_assert_cmpuint (words_compared (f, doc), ==, 9);
  g_assert_cmpuint (words_compared (f, doc), ==, 9);

  g_assert_true (dossier_project_replace_document_text (P (f), doc, replacement, NULL, &error));
  g_assert_no_error (error);
  dossier_parsed_document_free (replacement);
  g_assert_cmpuint (words_compared (f, doc), ==, 2);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (words_compared (f, doc), ==, 9);
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_cmpuint (words_compared (f, doc), ==, 2);

  /* Another program writes the text (and its hash, as the core does). */
  {
    const char *text = "Trois mots ici, puis quatre";
    g_autofree char *hash = dossier_text_hash (text);
    g_autofree char *sql = g_strdup_printf ("UPDATE documents SET text = '%s', hash = '%s', length = %ld"
                                            " WHERE id = %" G_GINT64_FORMAT,
                                            text, hash, g_utf8_strlen (text, -1), doc);
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (dossier_project_get_path (P (f)), &db), ==, SQLITE_OK);
    sqlite3_busy_timeout (db, 5000);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_cmpuint (words_compared (f, doc), ==, 5);
  /* The other document's count was never disturbed. */
  g_assert_cmpuint (words_compared (f, f->wire), ==, words_post);
}

/* Comparing reads the texts of the documents compared only, once each:
 * a long document (2 MB: some 500 pages) beside them, or compared again,
 * is not read (with two of 50 MB, the matrix took 1.7 s). */
static void
test_matrix_words_read_once (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 dump;
  guint words;

  while (text->len < 2 * 1000 * 1000)
    g_string_append (text, "A pasted dump of the council’s minutes, line after line. ");
  dump = add_doc (P (f), "Dump", text->str);

  test_pages_fetched (P (f));
  g_assert_cmpuint (words_compared (f, f->wire), >, 0);
  g_assert_cmpint (test_pages_fetched (P (f)), <, 100);

  words = words_compared (f, dump);
  g_assert_cmpuint (words, ==, 11 * (text->len / strlen ("A pasted dump of the council’s minutes, line after line. ")));
  test_pages_fetched (P (f));
  g_assert_cmpuint (words_compared (f, dump), ==, words);
  g_assert_cmpint (test_pages_fetched (P (f)), <, 100);
}

typedef struct
{
  gboolean done;
  gboolean counted;
  GError  *error;
} Counting;

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Counting *counting = user_data;

  counting->counted = dossier_project_count_words_finish (DOSSIER_PROJECT (source), result, &counting->error);
  counting->done = TRUE;
}

static gboolean
counting_done (gpointer data)
{
  return ((Counting *) data)->done;
}

/* Starts counting the words of @doc beside the Valley Post's in a thread. */
static void
count_in_thread (Fixture      *f,
                 gint64        doc,
                 GCancellable *cancellable,
                 Counting     *counting)
{
  gint64 docs[2] = { f->post, doc };

  *counting = (Counting) { 0 };
  dossier_project_count_words_async (P (f), docs, 2, cancellable, on_counted, counting);
}

/* The words of long texts are counted in a thread, once: the comparison
 * that follows reads none of them again. Given up, the count keeps
 * nothing; a text replaced while it was counted is counted anew. (Two
 * texts of 50 MB took the first comparison 195 ms of the main thread.) */
static void
test_matrix_words_in_thread (Fixture       *f,
                             gconstpointer  data)
{
  const char *line = "A pasted dump of the council’s minutes, line after line. ";
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 docs[2], dump;
  Counting counting;
  guint words;

  while (text->len < 2 * 1000 * 1000)
    g_string_append (text, line);
  words = 11 * (text->len / strlen (line));
  dump = add_doc (P (f), "Dump", text->str);
  docs[0] = f->post;
  docs[1] = dump;
  g_assert_cmpint (dossier_project_compare_words_to_count (P (f), docs, 2), ==,
                   dossier_document_get_length (dossier_project_get_document (P (f), f->post)) +
                   dossier_document_get_length (dossier_project_get_document (P (f), dump)));

  /* Given up: nothing kept. */
  count_in_thread (f, dump, cancellable, &counting);
  g_cancellable_cancel (cancellable);
  wait_until (counting_done, &counting, "the count given up");
  g_assert_false (counting.counted);
  g_assert_error (counting.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&counting.error);
  g_assert_cmpint (dossier_project_compare_words_to_count (P (f), docs, 2), >, 1000000);

  /* Counted: the comparison reads no text. */
  count_in_thread (f, dump, NULL, &counting);
  wait_until (counting_done, &counting, "the words counted");
  g_assert_no_error (counting.error);
  g_assert_true (counting.counted);
  g_assert_cmpint (dossier_project_compare_words_to_count (P (f), docs, 2), ==, 0);
  test_pages_fetched (P (f));
  g_assert_cmpuint (words_compared (f, dump), ==, words);
  g_assert_cmpint (test_pages_fetched (P (f)), <, 100);

  /* The text replaced while its words are counted: that count is not kept. */
  g_string_append (text, "And one more.");
  {
    gint64 other = add_doc (P (f), "Other dump", text->str);
    DossierParsedDocument *replacement = make_doc ("Other dump", "Deux mots");

    docs[1] = other;
    count_in_thread (f, other, NULL, &counting);
    g_assert_true (dossier_project_replace_document_text (P (f), other, replacement, NULL, &error));
    g_assert_no_error (error);
    dossier_parsed_document_free (replacement);
    wait_until (counting_done, &counting, "the words of the text replaced counted");
    g_assert_true (counting.counted);
    g_assert_cmpint (dossier_project_compare_words_to_count (P (f), docs, 2), ==, strlen ("Deux mots"));
    g_assert_cmpuint (words_compared (f, other), ==, 2);
  }
}

static void
test_matrix_filters (Fixture       *f,
                     gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(DossierComparison) subtree = NULL;
  g_autoptr(DossierComparison) nonempty = NULL;
  g_autoptr(DossierComparison) two = NULL;
  g_autoptr(GError) error = NULL;
  gint64 reversed[2] = { f->star, f->post };

  options.tag_id = f->impacts;
  subtree = compare (f, &options);
  g_assert_cmpuint (dossier_comparison_get_n_rows (subtree), ==, 2);
  g_assert_cmpint (dossier_comparison_get_row_id (subtree, 0), ==, f->impacts);
  g_assert_cmpuint (dossier_comparison_get_row_depth (subtree, 1), ==, 1);
  /* Totals count what is in the subtree only. */
  g_assert_cmpfloat (dossier_comparison_get_column_total (subtree, 0), ==, 1);

  /* The documents chosen, in the order chosen. */
  options.tag_id = 0;
  options.skip_empty = TRUE;
  two = dossier_project_compare (P (f), reversed, 2, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_comparison_get_document_id (two, 0), ==, f->star);
  /* Between them the two have every tag: nothing is left out. */
  g_assert_cmpuint (dossier_comparison_get_n_rows (two), ==, 5);

  reversed[1] = f->wire;
  nonempty = dossier_project_compare (P (f), reversed, 2, &options, &error);
  g_assert_no_error (error);
  /* Neither the Star nor the Wire has the grant deadline. */
  g_assert_cmpint (dossier_comparison_find_row (nonempty, f->deadline), ==, -1);
  g_assert_cmpuint (dossier_comparison_get_n_rows (nonempty), ==, 4);
  /* The tree holds: Noise still follows Impacts, at depth 1. */
  g_assert_cmpint (dossier_comparison_find_row (nonempty, f->noise), ==,
                   dossier_comparison_find_row (nonempty, f->impacts) + 1);
}

/* ---- Arranged as shown: sorted, filtered, collapsed ------------------------- */

static DossierComparison *
arrange (DossierComparison               *c,
         const DossierCompareArrangement *a)
{
  g_autoptr(GError) error = NULL;
  DossierComparison *arranged = dossier_comparison_arrange (c, a, &error);

  g_assert_no_error (error);
  g_assert_nonnull (arranged);
  return arranged;
}

/* The rows' ids, in order, are @... (0-terminated). */
static void
assert_rows (DossierComparison *c,
             ...)
{
  va_list ap;
  guint i = 0;
  gint64 id;

  va_start (ap, c);
  while ((id = va_arg (ap, gint64)) != 0)
    {
      g_assert_cmpuint (i, <, dossier_comparison_get_n_rows (c));
      g_assert_cmpint (dossier_comparison_get_row_id (c, i), ==, id);
      i++;
    }
  va_end (ap);
  g_assert_cmpuint (dossier_comparison_get_n_rows (c), ==, i);
}

static void
test_arrange_sort (Fixture       *f,
                   gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  DossierCompareArrangement a = DOSSIER_COMPARE_ARRANGEMENT_INIT;
  g_autoptr(DossierComparison) c = NULL;
  g_autoptr(DossierComparison) s = NULL;
  gint64 etapes = add_tag (P (f), "Étapes", 0);
  gint64 dust = add_tag (P (f), "Dust", f->impacts);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *first_id = NULL;

  add_phrase_highlight (P (f), f->wire, "The Transit Authority welcomed the plan", dust, NULL);
  c = compare (f, &options);
  g_assert_cmpuint (dossier_comparison_get_row_n_below (c, dossier_comparison_find_row (c, f->impacts)), ==, 2);
  g_assert_cmpuint (dossier_comparison_get_row_n_below (c, dossier_comparison_find_row (c, f->cost)), ==, 0);
  g_assert_cmpint (dossier_comparison_get_row_parent (c, dossier_comparison_find_row (c, dust)), ==,
                   dossier_comparison_find_row (c, f->impacts));
  g_assert_cmpint (dossier_comparison_get_arrangement (c)->row_sort, ==, DOSSIER_COMPARE_SORT_ORDER);

  /* By name, folded: "Étapes" among the e's; sub-tags under their parent. */
  a.row_sort = DOSSIER_COMPARE_SORT_NAME;
  s = arrange (c, &a);
  assert_rows (s, f->cost, etapes, f->deadline, f->impacts, dust, f->noise, f->route, (gint64) 0);
  g_assert_cmpuint (dossier_comparison_get_row_depth (s, 4), ==, 1);
  g_assert_cmpint (dossier_comparison_get_row_parent (s, 4), ==, 3);
  g_assert_cmpint (dossier_comparison_get_row_parent (s, 3), ==, -1);
  g_clear_pointer (&s, dossier_comparison_unref);

  a.rows_descending = TRUE;
  s = arrange (c, &a);
  assert_rows (s, f->route, f->impacts, f->noise, dust, f->deadline, etapes, f->cost, (gint64) 0);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* By total, largest first; ties keep the codebook's order. Impacts
   * counts its sub-tags': 3, as much as Cost. */
  a.row_sort = DOSSIER_COMPARE_SORT_TOTAL;
  s = arrange (c, &a);
  assert_rows (s, f->cost, f->impacts, f->noise, dust, f->route, f->deadline, etapes, (gint64) 0);
  /* The cells moved with their rows. */
  g_assert_cmpuint (dossier_comparison_get_count (s, 1, 1), ==, 1);
  g_assert_cmpfloat (dossier_comparison_get_row_total (s, 1), ==, 3);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* By one document's column: the Evening Star's. */
  a.row_sort = DOSSIER_COMPARE_SORT_DOCUMENT;
  a.row_sort_document = f->star;
  s = arrange (c, &a);
  assert_rows (s, f->cost, f->route, f->impacts, f->noise, dust, f->deadline, etapes, (gint64) 0);
  g_assert_cmpint (dossier_comparison_get_arrangement (s)->row_sort_document, ==, f->star);
  g_clear_pointer (&s, dossier_comparison_unref);
  a.rows_descending = FALSE;
  s = arrange (c, &a);
  assert_rows (s, f->deadline, etapes, f->cost, f->route, f->impacts, dust, f->noise, (gint64) 0);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Documents: by outlet, by title; cells, words and totals go with them. */
  a = (DossierCompareArrangement) DOSSIER_COMPARE_ARRANGEMENT_INIT;
  a.column_sort = DOSSIER_COMPARE_SORT_OUTLET;
  s = arrange (c, &a);
  g_assert_cmpint (dossier_comparison_get_document_id (s, 0), ==, f->star);
  g_assert_cmpint (dossier_comparison_get_document_id (s, 1), ==, f->wire);
  g_assert_cmpint (dossier_comparison_get_document_id (s, 2), ==, f->post);
  g_assert_cmpuint (dossier_comparison_get_count (s, dossier_comparison_find_row (s, f->deadline), 2), ==, 1);
  g_assert_cmpuint (dossier_comparison_get_count (s, dossier_comparison_find_row (s, f->deadline), 0), ==, 0);
  g_assert_cmpuint (dossier_comparison_get_document_words (s, 2), ==, dossier_comparison_get_document_words (c, 0));
  g_assert_cmpfloat (dossier_comparison_get_column_total (s, 2), ==, dossier_comparison_get_column_total (c, 0));
  g_assert_cmpfloat (dossier_comparison_get_total (s), ==, dossier_comparison_get_total (c));
  g_assert_cmpfloat (dossier_comparison_get_first_place (s, dossier_comparison_find_row (s, f->noise), 0), ==,
                     dossier_comparison_get_first_place (c, dossier_comparison_find_row (c, f->noise), 2));
  g_clear_pointer (&s, dossier_comparison_unref);

  a.column_sort = DOSSIER_COMPARE_SORT_NAME;
  a.columns_descending = TRUE;
  s = arrange (c, &a);
  /* "Tram extension…", "Noise fears…", "Council backs…". */
  g_assert_cmpint (dossier_comparison_get_document_id (s, 0), ==, f->post);
  g_assert_cmpint (dossier_comparison_get_document_id (s, 1), ==, f->star);
  g_assert_cmpint (dossier_comparison_get_document_id (s, 2), ==, f->wire);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* What is written out follows: the CSV's first row is the first shown. */
  g_clear_pointer (&s, dossier_comparison_unref);
  a.row_sort = DOSSIER_COMPARE_SORT_NAME;
  a.rows_descending = TRUE;
  s = arrange (c, &a);
  csv = dossier_comparison_to_string (s, DOSSIER_COMPARE_FORMAT_CSV, NULL);
  g_assert_nonnull (csv);
  lines = g_strsplit (csv, "\n", -1);
  first_id = g_strdup_printf ("%" G_GINT64_FORMAT ",", f->route);
  g_assert_true (g_str_has_prefix (lines[1], first_id));
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Documents by total: one more passage in the wire copy puts it first;
   * the other two, tied, keep their order; smallest first, it goes last. */
  add_phrase_highlight (P (f), f->wire, "The Transit Authority welcomed the plan", f->noise, NULL);
  g_clear_pointer (&c, dossier_comparison_unref);
  c = compare (f, &options);
  a = (DossierCompareArrangement) DOSSIER_COMPARE_ARRANGEMENT_INIT;
  a.column_sort = DOSSIER_COMPARE_SORT_TOTAL;
  a.columns_descending = TRUE;
  s = arrange (c, &a);
  g_assert_cmpint (dossier_comparison_get_document_id (s, 0), ==, f->wire);
  g_assert_cmpint (dossier_comparison_get_document_id (s, 1), ==, dossier_comparison_get_document_id (c, 0));
  g_assert_cmpint (dossier_comparison_get_document_id (s, 2), ==, dossier_comparison_get_document_id (c, 2));
  g_assert_cmpfloat (dossier_comparison_get_column_total (s, 0), >, dossier_comparison_get_column_total (s, 1));
  g_clear_pointer (&s, dossier_comparison_unref);
  a.columns_descending = FALSE;
  s = arrange (c, &a);
  g_assert_cmpint (dossier_comparison_get_document_id (s, 2), ==, f->wire);
}

static void
test_arrange_filter_tree (Fixture       *f,
                          gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  DossierCompareArrangement a = DOSSIER_COMPARE_ARRANGEMENT_INIT;
  g_autoptr(DossierComparison) c = NULL;
  g_autoptr(DossierComparison) s = NULL;
  g_autoptr(GHashTable) collapsed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 etapes = add_tag (P (f), "Étapes", 0);
  gint64 dust = add_tag (P (f), "Dust", f->impacts);
  char filter[16];
  int impacts;

  add_phrase_highlight (P (f), f->wire, "The Transit Authority welcomed the plan", dust, NULL);
  c = compare (f, &options);

  /* A match keeps the rows it is under; case and accents aside. */
  g_strlcpy (filter, "NOI", sizeof filter);
  a.filter = filter;
  s = arrange (c, &a);
  assert_rows (s, f->impacts, f->noise, (gint64) 0);
  /* The arrangement keeps its own copy of the filter. */
  g_strlcpy (filter, "x", sizeof filter);
  g_assert_cmpstr (dossier_comparison_get_arrangement (s)->filter, ==, "NOI");
  g_clear_pointer (&s, dossier_comparison_unref);

  a.filter = "etap";
  s = arrange (c, &a);
  assert_rows (s, etapes, (gint64) 0);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Nothing matches: no rows, the documents stay, totalling nothing. */
  a.filter = "zzz";
  s = arrange (c, &a);
  g_assert_cmpuint (dossier_comparison_get_n_rows (s), ==, 0);
  g_assert_cmpuint (dossier_comparison_get_n_documents (s), ==, 3);
  g_assert_cmpfloat (dossier_comparison_get_total (s), ==, 0);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Blank keeps every row. */
  a.filter = "  ";
  s = arrange (c, &a);
  g_assert_cmpuint (dossier_comparison_get_n_rows (s), ==, dossier_comparison_get_n_rows (c));
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Collapsed: its sub-tags are gone, its counts still hold theirs. */
  g_hash_table_add (collapsed, g_memdup2 (&f->impacts, sizeof f->impacts));
  g_hash_table_add (collapsed, g_memdup2 (&f->cost, sizeof f->cost));
  a.filter = NULL;
  a.collapsed = collapsed;
  s = arrange (c, &a);
  assert_rows (s, f->cost, f->deadline, f->route, f->impacts, etapes, (gint64) 0);
  impacts = dossier_comparison_find_row (s, f->impacts);
  g_assert_true (dossier_comparison_get_row_collapsed (s, impacts));
  /* A row with nothing under it is never collapsed. */
  g_assert_false (dossier_comparison_get_row_collapsed (s, 0));
  g_assert_cmpuint (dossier_comparison_get_row_n_below (s, impacts), ==, 2);
  g_assert_cmpuint (dossier_comparison_get_count (s, impacts, 1), ==, 1);
  g_assert_cmpfloat (dossier_comparison_get_row_total (s, impacts), ==, 3);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Filtering for a sub-tag shows it under its collapsed parent; a
   * matching parent stays collapsed. */
  a.filter = "dust";
  s = arrange (c, &a);
  assert_rows (s, f->impacts, dust, (gint64) 0);
  /* Impacts is there for Dust's sake: it hides nothing, it is not collapsed. */
  g_assert_false (dossier_comparison_get_row_collapsed (s, 0));
  g_clear_pointer (&s, dossier_comparison_unref);
  a.filter = "pacts";
  s = arrange (c, &a);
  assert_rows (s, f->impacts, (gint64) 0);
  g_assert_true (dossier_comparison_get_row_collapsed (s, 0));
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Stakeholders are a flat list: sorted, filtered, never collapsed. */
  options.rows = DOSSIER_COMPARE_STAKEHOLDERS;
  g_clear_pointer (&c, dossier_comparison_unref);
  c = compare (f, &options);
  a.filter = "transit";
  a.row_sort = DOSSIER_COMPARE_SORT_TOTAL;
  s = arrange (c, &a);
  assert_rows (s, f->authority, (gint64) 0);
  g_assert_false (dossier_comparison_get_row_collapsed (s, 0));
}

/* The column totals of a filtered table, in the documents' order. */
static void
assert_column_totals (DossierComparison *c,
                      double             post,
                      double             wire,
                      double             star)
{
  guint n_rows = dossier_comparison_get_n_rows (c);

  g_assert_cmpfloat (dossier_comparison_get_table_value (c, n_rows, 0), ==, post);
  g_assert_cmpfloat (dossier_comparison_get_table_value (c, n_rows, 1), ==, wire);
  g_assert_cmpfloat (dossier_comparison_get_table_value (c, n_rows, 2), ==, star);
  g_assert_cmpfloat (dossier_comparison_get_table_value (c, n_rows, 3), ==, post + wire + star);
}

/* Filtered, the totals are those of the rows the filter keeps: a passage
 * once, a matching tag with what is under it, not a parent kept only for
 * a match under it. */
static void
test_arrange_filter_totals (Fixture       *f,
                            gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  DossierCompareArrangement a = DOSSIER_COMPARE_ARRANGEMENT_INIT;
  g_autoptr(DossierComparison) c = NULL;
  g_autoptr(DossierComparison) s = NULL;
  g_autoptr(GHashTable) collapsed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* An empty sub-tag ahead of the others, left out with the empty rows. */
  add_tag (P (f), "Overrun", f->cost);
  options.skip_empty = TRUE;
  c = compare (f, &options);
  assert_column_totals (c, 3, 2, 3);

  a.filter = "cost";
  s = arrange (c, &a);
  assert_column_totals (s, 1, 1, 1);
  g_assert_cmpfloat (dossier_comparison_get_table_value (s, 0, 3), ==, 3);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Impacts is shown for Noise's sake: only Noise's passages count. */
  a.filter = "noi";
  s = arrange (c, &a);
  assert_rows (s, f->impacts, f->noise, (gint64) 0);
  assert_column_totals (s, 1, 0, 1);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Impacts matches, collapsed or not: with Noise's, the Post's passage
   * under both once. */
  a.filter = "pacts";
  s = arrange (c, &a);
  assert_column_totals (s, 1, 0, 1);
  g_clear_pointer (&s, dossier_comparison_unref);
  g_hash_table_add (collapsed, g_memdup2 (&f->impacts, sizeof f->impacts));
  a.collapsed = collapsed;
  s = arrange (c, &a);
  assert_column_totals (s, 1, 0, 1);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Cost, Route and Noise: the Post's cost and its noise passage. */
  a.filter = "o";
  s = arrange (c, &a);
  assert_column_totals (s, 2, 2, 3);
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Per 1,000 words, over the same passages. */
  g_clear_pointer (&c, dossier_comparison_unref);
  options.per_1000_words = TRUE;
  c = compare (f, &options);
  a.filter = "cost";
  s = arrange (c, &a);
  g_assert_cmpfloat (dossier_comparison_get_column_total (s, 0), ==,
                     1000.0 / dossier_comparison_get_document_words (s, 0));
  g_clear_pointer (&s, dossier_comparison_unref);

  /* Stakeholders' evidence: none matching, nothing to total. */
  g_clear_pointer (&c, dossier_comparison_unref);
  options = (DossierCompareOptions) DOSSIER_COMPARE_OPTIONS_INIT;
  options.rows = DOSSIER_COMPARE_STAKEHOLDERS;
  options.measure = DOSSIER_COMPARE_EVIDENCE;
  c = compare (f, &options);
  a.filter = "transit";
  s = arrange (c, &a);
  assert_column_totals (s, 1, 1, 0);
  g_clear_pointer (&s, dossier_comparison_unref);
  a.filter = "nobody";
  s = arrange (c, &a);
  assert_column_totals (s, 0, 0, 0);
}

/* Arguments sorted stay under their question, questions in their order. */
static void
test_arrange_arguments (Fixture       *f,
                        gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  DossierCompareArrangement a = DOSSIER_COMPARE_ARRANGEMENT_INIT;
  g_autoptr(DossierComparison) c = NULL;
  g_autoptr(DossierComparison) s = NULL;
  g_autoptr(GError) error = NULL;
  const char *phrases[] = { "The line will cost £210m", "Council backs tram line" };
  gint64 fares_question, fares, jobs;

  jobs = dossier_project_add_argument (P (f), f->question, DOSSIER_POLARITY_PRO,
                                       "Jobs on the works", 0, 3, &error);
  g_assert_no_error (error);
  fares_question = dossier_project_add_question (P (f), "Should fares rise?", &error);
  g_assert_no_error (error);
  fares = dossier_project_add_argument (P (f), fares_question, DOSSIER_POLARITY_PRO,
                                        "Fares pay for the line", 0, 3, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      g_autofree char *text = dossier_project_get_document_text (P (f), f->wire, NULL);
      gint64 start = g_utf8_pointer_to_offset (text, strstr (text, phrases[i]));

      dossier_project_add_argument_evidence_range (P (f), fares, f->wire, start,
                                                   start + g_utf8_strlen (phrases[i], -1), NULL, &error);
      g_assert_no_error (error);
    }

  options.rows = DOSSIER_COMPARE_ARGUMENTS;
  c = compare (f, &options);
  a.row_sort = DOSSIER_COMPARE_SORT_TOTAL;
  a.rows_descending = TRUE;
  s = arrange (c, &a);
  /* Fares (2) is the largest, but its question comes second. */
  assert_rows (s, f->argument, jobs, fares, (gint64) 0);
  g_clear_pointer (&s, dossier_comparison_unref);
  a.rows_descending = FALSE;
  s = arrange (c, &a);
  assert_rows (s, jobs, f->argument, fares, (gint64) 0);
}

static void
test_arrange_bad (Fixture       *f,
                  gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  DossierCompareArrangement a = DOSSIER_COMPARE_ARRANGEMENT_INIT;
  g_autoptr(DossierComparison) c = compare (f, &options);
  g_autoptr(GError) error = NULL;
  DossierCompareSort sort;

  /* Rows have no date; documents are no row to sort by. */
  a.row_sort = DOSSIER_COMPARE_SORT_DATE;
  g_assert_null (dossier_comparison_arrange (c, &a, &error));
  g_assert_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_INVALID);
  g_clear_error (&error);
  a.row_sort = DOSSIER_COMPARE_SORT_ORDER;
  a.column_sort = DOSSIER_COMPARE_SORT_DOCUMENT;
  g_assert_null (dossier_comparison_arrange (c, &a, &error));
  g_assert_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_INVALID);
  g_clear_error (&error);

  /* Sorting by a document that is not compared. */
  a.column_sort = DOSSIER_COMPARE_SORT_ORDER;
  a.row_sort = DOSSIER_COMPARE_SORT_DOCUMENT;
  a.row_sort_document = 4242;
  g_assert_null (dossier_comparison_arrange (c, &a, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4242"));

  g_assert_true (dossier_compare_sort_from_string ("total", &sort));
  g_assert_cmpint (sort, ==, DOSSIER_COMPARE_SORT_TOTAL);
  g_assert_true (dossier_compare_sort_from_string ("Title", &sort));
  g_assert_cmpint (sort, ==, DOSSIER_COMPARE_SORT_NAME);
  g_assert_false (dossier_compare_sort_from_string ("size", &sort));
  g_assert_false (dossier_compare_sort_from_string (NULL, &sort));
  g_assert_cmpstr (dossier_compare_sort_to_string (DOSSIER_COMPARE_SORT_OUTLET), ==, "outlet");
}

/* An argument's statement may run to 2,000 characters: its row's label
 * is cut as a tag's or a stakeholder's is, at DOSSIER_TAG_MAX_NAME with
 * "…" (it was cut at DOSSIER_TEXT_SHOWN_MAX, a whole text's limit, which
 * an argument never reaches: a page of text in a matrix row). */
static void
test_argument_label_cut (Fixture       *f,
                         gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(DossierComparison) arguments = NULL;
  g_autoptr(GString) statement = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *label = NULL;

  while (g_utf8_strlen (statement->str, -1) < DOSSIER_ARGUMENT_MAX_TEXT - 20)
    g_string_append (statement, "Fares rise é ");
  g_strchomp (statement->str);
  dossier_project_add_argument (P (f), f->question, DOSSIER_POLARITY_PRO, statement->str, 0, 3, &error);
  g_assert_no_error (error);

  options.rows = DOSSIER_COMPARE_ARGUMENTS;
  arguments = compare (f, &options);
  for (guint i = 0; i < dossier_comparison_get_n_rows (arguments); i++)
    if (g_str_has_prefix (dossier_comparison_get_row_label (arguments, i), "Fares rise"))
      label = dossier_comparison_get_row_label (arguments, i);
  g_assert_nonnull (label);
  g_assert_cmpint (g_utf8_strlen (label, -1), ==, DOSSIER_TAG_MAX_NAME);
  g_assert_true (g_str_has_suffix (label, "…"));
  g_assert_true (strncmp (label, statement->str, strlen (label) - strlen ("…")) == 0);
}

static void
test_matrix_stakeholders_arguments (Fixture       *f,
                                    gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(DossierComparison) mentions = NULL;
  g_autoptr(DossierComparison) evidence = NULL;
  g_autoptr(DossierComparison) arguments = NULL;
  g_autoptr(DossierComparison) tag_evidence = NULL;

  options.rows = DOSSIER_COMPARE_STAKEHOLDERS;
  options.measure = DOSSIER_COMPARE_MENTIONS;
  mentions = compare (f, &options);
  g_assert_cmpuint (dossier_comparison_get_n_rows (mentions), ==, 1);
  g_assert_cmpstr (dossier_comparison_get_row_label (mentions, 0), ==, "Transit Authority");
  g_assert_cmpuint (dossier_comparison_get_count (mentions, 0, 0), ==, 1);
  g_assert_cmpuint (dossier_comparison_get_count (mentions, 0, 1), ==, 1);
  g_assert_cmpuint (dossier_comparison_get_count (mentions, 0, 2), ==, 0);
  g_assert_cmpfloat (dossier_comparison_get_first_place (mentions, 0, 0), ==, -1);

  options.measure = DOSSIER_COMPARE_EVIDENCE;
  evidence = compare (f, &options);
  g_assert_cmpuint (dossier_comparison_get_count (evidence, 0, 0), ==, 1);
  g_assert_cmpuint (dossier_comparison_get_count (evidence, 0, 2), ==, 0);

  options.rows = DOSSIER_COMPARE_ARGUMENTS;
  options.measure = DOSSIER_COMPARE_HIGHLIGHTS;
  arguments = compare (f, &options);
  g_assert_cmpuint (dossier_comparison_get_n_rows (arguments), ==, 1);
  g_assert_cmpstr (dossier_comparison_get_row_label (arguments, 0), ==, "Traders lose takings");
  g_assert_nonnull (strstr (dossier_comparison_get_row_detail (arguments, 0), "tram line"));
  g_assert_cmpuint (dossier_comparison_get_count (arguments, 0, 0), ==, 1);
  g_assert_cmpfloat (dossier_comparison_get_row_total (arguments, 0), ==, 1);

  /* Tags' evidence: no tagged highlight is cited, so nothing. */
  options.rows = DOSSIER_COMPARE_TAGS;
  options.measure = DOSSIER_COMPARE_EVIDENCE;
  tag_evidence = compare (f, &options);
  g_assert_cmpfloat (dossier_comparison_get_total (tag_evidence), ==, 0);
}

static void
test_bad_inputs (Fixture       *f,
                 gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierComparison) one = NULL;
  gint64 twice[2] = { f->post, f->post };
  gint64 gone[2];
  gint64 doomed = add_doc (P (f), "Doomed", "A story about to be deleted.");

  g_assert_null (dossier_project_compare (P (f), NULL, 0, &options, &error));
  g_assert_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_NO_DOCUMENTS);
  g_clear_error (&error);

  g_assert_null (dossier_project_compare (P (f), twice, 2, &options, &error));
  g_assert_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_DUPLICATE);
  g_clear_error (&error);

  gone[0] = f->post;
  gone[1] = doomed;
  g_assert_true (dossier_project_delete_document (P (f), doomed, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_compare (P (f), gone, 2, &options, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "dossier-cli documents"));
  g_clear_error (&error);
  g_assert_null (dossier_project_compare_divergences (P (f), gone, 2, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dossier_project_compare_excerpts (P (f), gone, 2, &options, f->cost, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Mentions are a stakeholder's. */
  options.measure = DOSSIER_COMPARE_MENTIONS;
  g_assert_null (dossier_project_compare (P (f), f->docs, 3, &options, &error));
  g_assert_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_INVALID);
  g_clear_error (&error);

  /* A tag filter naming no tag. */
  options.measure = DOSSIER_COMPARE_HIGHLIGHTS;
  options.tag_id = 9999;
  g_assert_null (dossier_project_compare (P (f), f->docs, 3, &options, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  options.tag_id = 0;

  /* One document is a matrix; it has nothing to diverge from. */
  one = dossier_project_compare (P (f), f->docs, 1, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_comparison_get_n_documents (one), ==, 1);
  g_assert_null (dossier_project_compare_divergences (P (f), f->docs, 1, &error));
  g_assert_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_NO_DOCUMENTS);
  g_clear_error (&error);

  /* An excerpt row that is not among the rows. */
  g_assert_null (dossier_project_compare_excerpts (P (f), f->docs, 3, &options, 9999, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (dossier_project_compare_excerpts (P (f), NULL, 0, &options, 0, &error));
  g_assert_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_NO_DOCUMENTS);
}

/* ---- Excerpts -------------------------------------------------------------- */

static void
test_excerpts (Fixture       *f,
               gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cost = NULL;
  g_autoptr(GPtrArray) impacts = NULL;
  g_autoptr(GPtrArray) column = NULL;
  g_autoptr(GPtrArray) stance = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  DossierExcerpt *x;

  cost = dossier_project_compare_excerpts (P (f), f->docs, 3, &options, f->cost, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cost->len, ==, 3);
  x = g_ptr_array_index (cost, 0);
  g_assert_cmpuint (x->column, ==, 0);
  g_assert_cmpint (x->document_id, ==, f->post);
  g_assert_cmpstr (x->quote, ==, "The line will cost £164 million");
  g_assert_cmpstr (x->heading, ==, "Money");
  g_assert_nonnull (x->highlight);
  x = g_ptr_array_index (cost, 2);
  g_assert_cmpuint (x->column, ==, 2);
  g_assert_null (x->heading);

  /* A tag's excerpts are its sub-tags' too, each passage once. */
  impacts = dossier_project_compare_excerpts (P (f), f->docs, 3, &options, f->impacts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (impacts->len, ==, 2);

  /* Row 0: a whole column's passages. */
  column = dossier_project_compare_excerpts (P (f), f->docs + 1, 1, &options, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (column->len, ==, 2);

  options.rows = DOSSIER_COMPARE_STAKEHOLDERS;
  options.measure = DOSSIER_COMPARE_EVIDENCE;
  stance = dossier_project_compare_excerpts (P (f), f->docs, 3, &options, f->authority, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stance->len, ==, 2);
  x = g_ptr_array_index (stance, 0);
  g_assert_cmpint (x->stance_position, ==, -1);
  x = g_ptr_array_index (stance, 1);
  g_assert_cmpint (x->stance_position, ==, 1);

  /* Mentions: the sentence each is in. */
  options.measure = DOSSIER_COMPARE_MENTIONS;
  mentions = dossier_project_compare_excerpts (P (f), f->docs, 3, &options, f->authority, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 2);
  x = g_ptr_array_index (mentions, 0);
  g_assert_null (x->highlight);
  g_assert_cmpstr (x->quote, ==, "The Transit Authority opposed the plan, calling it rushed.");
  g_assert_cmpstr (x->heading, ==, "Money");
}

/* ---- Divergences ----------------------------------------------------------- */

/* Tags' rows unless it is about a stance (ids of tags, stakeholders and
 * arguments may be the same numbers). */
static DossierDivergence *
find_divergence (GPtrArray             *all,
                 DossierDivergenceKind  kind,
                 gint64                 row_id)
{
  DossierCompareRows rows = kind == DOSSIER_DIVERGENCE_STANCE ? DOSSIER_COMPARE_STAKEHOLDERS
                                                              : DOSSIER_COMPARE_TAGS;

  for (guint i = 0; i < all->len; i++)
    {
      DossierDivergence *d = g_ptr_array_index (all, i);

      if (d->kind == kind && d->row_id == row_id &&
          (kind == DOSSIER_DIVERGENCE_SHARED_COPY || d->row_kind == rows))
        return d;
    }
  return NULL;
}

static gboolean
has_document (GArray *ids,
              gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* An article with no highlights yet, compared with the others, omits
 * no tag and no argument: it has not been read for them. It can still
 * leave a stakeholder unmentioned. */
static void
test_divergences_unread (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 fresh = add_doc (P (f), "Fresh", "The council met again on Monday. Nobody spoke of trams.");
  gint64 docs[4] = { f->post, f->wire, f->star, fresh };
  g_autoptr(GPtrArray) all = dossier_project_compare_divergences (P (f), docs, 4, &error);
  DossierDivergence *d;

  g_assert_no_error (error);
  d = find_divergence (all, DOSSIER_DIVERGENCE_OMISSION, f->deadline);
  g_assert_nonnull (d);
  g_assert_false (has_document (d->absent, fresh));
  g_assert_cmpstr (d->summary, ==,
                   "Only “Valley Post” has “Grant deadline”; “Northern Wire”, “Evening Star” do not");
  /* Everyone who read it reports the cost. */
  g_assert_null (find_divergence (all, DOSSIER_DIVERGENCE_OMISSION, f->cost));
  for (guint i = 0; i < all->len; i++)
    {
      DossierDivergence *o = g_ptr_array_index (all, i);

      if (o->kind == DOSSIER_DIVERGENCE_OMISSION && o->row_kind != DOSSIER_COMPARE_STAKEHOLDERS)
        g_assert_false (has_document (o->absent, fresh));
    }
}

static void
test_divergences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = dossier_project_compare_divergences (P (f), f->docs, 3, &error);
  g_autoptr(GPtrArray) again = NULL;
  DossierDivergence *d;
  DossierDivergencePassage *p;

  g_assert_no_error (error);

  /* Omission: only the Post has the grant deadline. */
  d = find_divergence (all, DOSSIER_DIVERGENCE_OMISSION, f->deadline);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->present->len, ==, 1);
  g_assert_cmpint (g_array_index (d->present, gint64, 0), ==, f->post);
  g_assert_cmpuint (d->absent->len, ==, 2);
  g_assert_cmpstr (d->summary, ==,
                   "Only “Valley Post” has “Grant deadline”; “Northern Wire”, “Evening Star” do not");
  g_assert_cmpuint (d->passages->len, ==, 1);
  p = g_ptr_array_index (d->passages, 0);
  g_assert_cmpstr (p->quote, ==, "The grant deadline falls in March");
  g_assert_cmpint (p->highlight_id, >, 0);

  /* The route is only in the shared wire copy: one source, not two. */
  d = find_divergence (all, DOSSIER_DIVERGENCE_OMISSION, f->route);
  g_assert_nonnull (d);
  g_assert_nonnull (strstr (d->summary, "Only one source"));
  g_assert_nonnull (strstr (d->summary, "share copy"));

  /* The parent says nothing its sub-tag does not: only Noise is reported. */
  g_assert_nonnull (find_divergence (all, DOSSIER_DIVERGENCE_OMISSION, f->noise));
  g_assert_null (find_divergence (all, DOSSIER_DIVERGENCE_OMISSION, f->impacts));
  /* Everyone reports the cost. */
  g_assert_null (find_divergence (all, DOSSIER_DIVERGENCE_OMISSION, f->cost));

  /* Stance: against in the Post, for in the Wire. */
  d = find_divergence (all, DOSSIER_DIVERGENCE_STANCE, f->authority);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->passages->len, ==, 2);
  g_assert_true (has_document (d->present, f->post));
  g_assert_true (has_document (d->present, f->wire));
  p = g_ptr_array_index (d->passages, 0);
  g_assert_cmpstr (p->detail, ==, dossier_stance_get_label (-1));

  /* Figures: £164 million against £210m and £210 million. */
  d = find_divergence (all, DOSSIER_DIVERGENCE_FIGURES, f->cost);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->passages->len, ==, 3);
  p = g_ptr_array_index (d->passages, 1);
  g_assert_cmpstr (p->detail, ==, "£210m");
  g_assert_cmpstr (d->summary, ==,
                   "Figures for “Cost” differ: “Valley Post”: £164 million; "
                   "“Northern Wire”: £210m; “Evening Star”: £210 million");

  /* Shared copy between the Wire and the Star. */
  d = find_divergence (all, DOSSIER_DIVERGENCE_SHARED_COPY, 0);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->present->len, ==, 2);
  g_assert_cmpint (g_array_index (d->present, gint64, 0), ==, f->wire);
  g_assert_cmpint (g_array_index (d->present, gint64, 1), ==, f->star);
  g_assert_cmpuint (d->passages->len, ==, 2);
  p = g_ptr_array_index (d->passages, 0);
  /* The paragraph, and the "The" that follows it in both. */
  g_assert_cmpstr (p->quote, ==, WIRE_PARAGRAPH "\nThe");

  /* Placement: noise opens the Star and closes the Post. */
  d = find_divergence (all, DOSSIER_DIVERGENCE_PLACEMENT, f->noise);
  g_assert_nonnull (d);
  g_assert_cmpstr (d->summary, ==,
                   "“Noise” is in the lede of “Evening Star” but comes later in “Valley Post”");

  /* By kind, in a fixed order, the same every time. */
  for (guint i = 1; i < all->len; i++)
    {
      DossierDivergence *a = g_ptr_array_index (all, i - 1);
      DossierDivergence *b = g_ptr_array_index (all, i);

      g_assert_cmpint (a->kind, <=, b->kind);
    }
  again = dossier_project_compare_divergences (P (f), f->docs, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (((DossierDivergence *) g_ptr_array_index (all, i))->summary, ==,
                     ((DossierDivergence *) g_ptr_array_index (again, i))->summary);
}

/* The omission of @row_id among rows of @rows, or NULL. */
static DossierDivergence *
find_omission (GPtrArray          *all,
               DossierCompareRows  rows,
               gint64              row_id)
{
  for (guint i = 0; i < all->len; i++)
    {
      DossierDivergence *d = g_ptr_array_index (all, i);

      if (d->kind == DOSSIER_DIVERGENCE_OMISSION && d->row_kind == rows && d->row_id == row_id)
        return d;
    }
  return NULL;
}

/* The quote of passage @i of @d, in document @document. */
static const char *
passage_quote (DossierDivergence *d,
               guint              i,
               gint64             document)
{
  DossierDivergencePassage *p = g_ptr_array_index (d->passages, i);

  g_assert_cmpint (p->document_id, ==, document);
  return p->quote;
}

/* An omission lists each passage once: a stakeholder's evidence where it
 * is named (a mention too) as the highlight, a sentence that names it
 * twice once, a highlight under a tag and its sub-tag once. */
static void
test_divergences_once (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 docs[3], ferries, effects, delays, vote, tags[2];
  DossierDivergence *d;

  docs[0] = add_article (P (f), "Ferry plans\n"
                                "Harbour Ferries will add sailings during the works, its manager said.\n"
                                "The tram opens in 2027.", "Quay News");
  docs[1] = add_article (P (f), "Ferry worries\n"
                                "Harbour Ferries fears the tram, and Harbour Ferries wants talks.\n"
                                "The bridge shuts in May.", "Dock Daily");
  docs[2] = add_article (P (f), "Bridge vote\n"
                                "The council voted for the tram.\n"
                                "It opens in 2027.", "City Bulletin");
  ferries = dossier_project_add_stakeholder (P (f), "Harbour Ferries", NULL,
                                             DOSSIER_STAKEHOLDER_ORGANISATION, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = dossier_project_get_document_text (P (f), docs[0], NULL);
    const char *phrase = "Harbour Ferries will add sailings";
    gint64 start = g_utf8_pointer_to_offset (text, strstr (text, phrase));

    dossier_project_add_stakeholder_evidence_range (P (f), ferries, docs[0], start,
                                                    start + (gint64) strlen (phrase), NULL,
                                                    DOSSIER_EVIDENCE_NONE, DOSSIER_STANCE_UNKNOWN, &error);
    g_assert_no_error (error);
  }
  effects = add_tag (P (f), "Effects", 0);
  delays = add_tag (P (f), "Delays", effects);
  vote = add_tag (P (f), "Vote", 0);
  tags[0] = effects;
  tags[1] = delays;
  {
    g_autofree char *text = dossier_project_get_document_text (P (f), docs[0], NULL);
    gint64 start = g_utf8_pointer_to_offset (text, strstr (text, "The tram opens in 2027"));

    dossier_project_add_highlight (P (f), docs[0], start, start + 22, tags, 2, NULL, &error);
    g_assert_no_error (error);
  }
  add_phrase_highlight (P (f), docs[1], "The bridge shuts in May", effects, NULL);
  add_phrase_highlight (P (f), docs[2], "The council voted for the tram", vote, NULL);

  all = dossier_project_compare_divergences (P (f), docs, 3, &error);
  g_assert_no_error (error);

  d = find_omission (all, DOSSIER_COMPARE_STAKEHOLDERS, ferries);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->passages->len, ==, 2);
  g_assert_cmpstr (passage_quote (d, 0, docs[0]), ==, "Harbour Ferries will add sailings");
  g_assert_cmpint (((DossierDivergencePassage *) g_ptr_array_index (d->passages, 0))->highlight_id, >, 0);
  g_assert_cmpstr (passage_quote (d, 1, docs[1]), ==,
                   "Harbour Ferries fears the tram, and Harbour Ferries wants talks.");

  d = find_omission (all, DOSSIER_COMPARE_TAGS, effects);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->passages->len, ==, 2);
  g_assert_cmpstr (passage_quote (d, 0, docs[0]), ==, "The tram opens in 2027");
  g_assert_cmpstr (passage_quote (d, 1, docs[1]), ==, "The bridge shuts in May");
}

static void
test_figures_agree (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 docs[3];
  gint64 grant = add_tag (P (f), "Grant", 0);
  gint64 wait = add_tag (P (f), "Waiting time", 0);

  docs[0] = add_doc (P (f), "One", "The grant is £72m. Patients wait 11 minutes.");
  docs[1] = add_doc (P (f), "Two", "A grant of £72 million was agreed. The wait is 11 minutes.");
  docs[2] = add_doc (P (f), "Tres", "La subvención es de 72 millones de libras. Esperan 12 minutos.");
  add_phrase_highlight (P (f), docs[0], "The grant is £72m", grant, NULL);
  add_phrase_highlight (P (f), docs[1], "A grant of £72 million was agreed", grant, NULL);
  add_phrase_highlight (P (f), docs[2], "La subvención es de 72 millones de libras", grant, NULL);
  add_phrase_highlight (P (f), docs[0], "Patients wait 11 minutes", wait, NULL);
  add_phrase_highlight (P (f), docs[1], "The wait is 11 minutes", wait, NULL);

  all = dossier_project_compare_divergences (P (f), docs, 3, &error);
  g_assert_no_error (error);
  /* Three spellings of one sum, one duration in two: no disagreement. */
  g_assert_null (find_divergence (all, DOSSIER_DIVERGENCE_FIGURES, grant));
  g_assert_null (find_divergence (all, DOSSIER_DIVERGENCE_FIGURES, wait));

  /* Twelve minutes in the third is a disagreement. */
  add_phrase_highlight (P (f), docs[2], "Esperan 12 minutos", wait, NULL);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = dossier_project_compare_divergences (P (f), docs, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_divergence (all, DOSSIER_DIVERGENCE_FIGURES, wait));
}

/* ---- Divergences given up ------------------------------------------------ */

typedef struct
{
  GCancellable *cancellable;
  guint64       cancel_at;     /* the units of work after which to cancel */
  const char   *cancel_in;     /* or the step (the probe's) in whose second look to */
  guint         looks_in;      /* the probe's calls in that step so far */
  guint64       cancelled_at;  /* the work done when it was, 0 if not */
  guint64       done;          /* the work done in all */
  GPtrArray    *divergences;
  GError       *error;
  gboolean      returned;
} Giving;

static void
giving_probe (guint64     work,
              const char *step,
              gpointer    data)
{
  Giving *g = data;
  gboolean now;

  g->done = work;
  if (g->cancel_in != NULL)
    now = g_strcmp0 (step, g->cancel_in) == 0 && ++g->looks_in == 2;
  else
    now = work >= g->cancel_at;
  if (g->cancelled_at == 0 && now)
    {
      g->cancelled_at = work;
      g_cancellable_cancel (g->cancellable);
    }
}

static void
giving_returned (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Giving *g = data;

  g->divergences = dossier_project_compare_divergences_finish (DOSSIER_PROJECT (source), result,
                                                               &g->error);
  g->returned = TRUE;
}

static gboolean
giving_done (gpointer data)
{
  return ((Giving *) data)->returned;
}

/* The divergences of @docs in a thread, cancelled once @cancel_at units
 * of work are done (never with G_MAXUINT64; before they start with 0),
 * or, with @step, at the second look the probe gets in that step. */
static void
diverge_giving_up_in (Fixture    *f,
                      gint64     *docs,
                      guint64     cancel_at,
                      const char *step,
                      Giving     *g)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  memset (g, 0, sizeof *g);
  g->cancellable = cancellable;
  g->cancel_at = cancel_at;
  g->cancel_in = step;
  if (cancel_at == 0)
    g_cancellable_cancel (cancellable);
  dossier_compare_set_diverge_probe (giving_probe, g);
  dossier_project_compare_divergences_async (P (f), docs, 2, cancellable, giving_returned, g);
  wait_until (giving_done, g, "the divergences");
  dossier_compare_set_diverge_probe (NULL, NULL);
  g->cancellable = NULL;
}

static void
diverge_giving_up (Fixture *f,
                   gint64  *docs,
                   guint64  cancel_at,
                   Giving  *g)
{
  diverge_giving_up_in (f, docs, cancel_at, NULL, g);
}

/* Cancelled (the Compare page left), the divergences of two long
 * documents stop at once, whatever step they are in — reading figures,
 * splitting words, shingles, mentions' sentences — not at the end of it:
 * at most two looks' worth of work is done after the cancel
 * (DOSSIER_DIVERGE_CHECK_EVERY units each), and the task says
 * G_IO_ERROR_CANCELLED. Counted in units of work, not timed. */
static void
test_divergences_cancelled (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  const double points[] = { 0.05, 0.3, 0.6, 0.9 };
  gint64 docs[2];
  guint64 total;
  Giving g;

  for (guint i = 1; a->len < 300 * 1000; i++)
    {
      g_string_append_printf (a, "The Transit Authority said the line will cost £%u million. "
                                 "Traders on the high street fear %u weeks of works.\n", i, i % 40);
      g_string_append_printf (b, "The budget stands at £%u million, the Transit Authority said. "
                                 "Residents near depot %u fear the noise at night.\n", 2 * i, i);
    }
  docs[0] = add_doc (P (f), "Long Post", a->str);
  docs[1] = add_doc (P (f), "Long Star", b->str);
  add_phrase_highlight (P (f), docs[0], "The Transit Authority said the line will cost £1 million", f->cost, NULL);
  add_phrase_highlight (P (f), docs[1], "The budget stands at £2 million", f->cost, NULL);

  /* Not cancelled: how much work it all is (many looks' worth). */
  diverge_giving_up (f, docs, G_MAXUINT64, &g);
  g_assert_no_error (g.error);
  g_assert_nonnull (g.divergences);
  g_assert_cmpuint (g.divergences->len, >, 0);
  g_clear_pointer (&g.divergences, g_ptr_array_unref);
  total = g.done;
  g_assert_cmpuint (total, >, 10 * DOSSIER_DIVERGE_CHECK_EVERY);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      diverge_giving_up (f, docs, (guint64) (points[i] * total), &g);
      g_assert_cmpuint (g.cancelled_at, >, 0);
      g_assert_error (g.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (g.divergences);
      g_clear_error (&g.error);
      if (g.done - g.cancelled_at > 2 * DOSSIER_DIVERGE_CHECK_EVERY)
        g_error ("cancelled after %" G_GUINT64_FORMAT " units of %" G_GUINT64_FORMAT ", it did %"
                 G_GUINT64_FORMAT " more", g.cancelled_at, total, g.done - g.cancelled_at);
    }
}

typedef struct
{
  guint   calls;
  guint   stop_at;     /* the call that gives up (0: none) */
  guint64 chars;
  guint64 most;        /* the most told at once */
} Pieces;

static gboolean
count_pieces (guint64  chars,
              gpointer data)
{
  Pieces *p = data;

  p->calls++;
  p->chars += chars;
  p->most = MAX (p->most, chars);
  return p->calls != p->stop_at;
}

/* The divergences find the stakeholders' mentions in the text they read,
 * a piece at a time (the whole text read again and gone over at once took
 * 0.4 s of a 50 MB one, past any cancel): the same mentions as listed,
 * every character told of, a piece at most at once, and a give-up stops
 * at once with no mentions. */
static void
test_mentions_in_pieces (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;
  Pieces all = { 0 }, stopped = { 0, 2, 0, 0 };
  glong n;
  gint64 doc;

  for (guint i = 0; text->len < 300 * 1000; i++)
    g_string_append_printf (text, "The Transit Authority met traders on day %u. ", i);
  n = g_utf8_strlen (text->str, -1);
  doc = add_doc (P (f), "Long Post", text->str);

  listed = dossier_project_list_mentions (P (f), doc, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, >, 1000);
  found = dossier_project_find_mentions_checked (P (f), text->str, count_pieces, &all, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, listed->len);
  g_assert_cmpmem (found->data, found->len * sizeof (DossierMention),
                   listed->data, listed->len * sizeof (DossierMention));
  g_assert_cmpuint (all.calls, >=, 4);
  g_assert_cmpuint (all.most, <=, DOSSIER_MENTIONS_PIECE);
  g_assert_cmpuint (all.chars, <=, (guint64) n);
  g_assert_cmpuint (all.chars + DOSSIER_MENTIONS_PIECE, >, (guint64) n);

  none = dossier_project_find_mentions_checked (P (f), text->str, count_pieces, &stopped, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_cmpuint (stopped.calls, ==, 2);
}

/* Two documents of one text of 2 MB, their divergences cancelled once
 * @cancel_at units of work are done, or, with 0, once the first text is
 * read (its bytes are the first units), or, with @step, at its second
 * look: G_IO_ERROR_CANCELLED, at most two looks' worth of work after the
 * cancel. The text's length in bytes. */
static gsize
cancel_long_pair (Fixture    *f,
                  guint64     cancel_at,
                  const char *step,
                  Giving     *g)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 docs[2];

  while (text->len < 2 * 1000 * 1000)
    g_string_append (text, "The Transit Authority said the line will cost £9 million. ");
  docs[0] = add_doc (P (f), "Long Post", text->str);
  docs[1] = add_doc (P (f), "Long Star", text->str);

  diverge_giving_up_in (f, docs, cancel_at > 0 ? cancel_at : text->len + 1, step, g);
  g_assert_cmpuint (g->cancelled_at, >, 0);
  g_assert_error (g->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (g->divergences);
  g_clear_error (&g->error);
  g_assert_cmpuint (g->done - g->cancelled_at, <=, 2 * DOSSIER_DIVERGE_CHECK_EVERY);
  return text->len;
}

/* Left before its thread starts, the divergences do no work at all: no
 * text is read (the worker loaded the list of documents first, which
 * walks past each text to its length: 0.1 s at 50 MB, past the cancel),
 * and the task says G_IO_ERROR_CANCELLED. */
static void
test_divergences_cancelled_at_start (Fixture       *f,
                                     gconstpointer  data)
{
  gint64 docs[2] = { f->post, f->star };
  Giving g;

  diverge_giving_up (f, docs, 0, &g);
  g_assert_error (g.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (g.divergences);
  g_clear_error (&g.error);
  g_assert_cmpuint (g.done, ==, 0);
}

/* Cancelled as the stakeholders' mentions in the first long text are
 * looked for (right after its read, in the text read: not read again and
 * gone over whole, 0.4 s at 50 MB), the divergences stop within a piece
 * or two of it. Counted in units of work, not timed. */
static void
test_divergences_cancelled_mentions (Fixture       *f,
                                     gconstpointer  data)
{
  Giving g;
  gsize len = cancel_long_pair (f, 0, NULL, &g);

  g_assert_cmpuint (g.cancelled_at, >, len);
}

/* Cancelled while the first long text is still being read (its bytes
 * are the first units of work), the divergences stop within a piece or
 * two of it, not once the whole text is read (0.2 s at 50 MB):
 * G_IO_ERROR_CANCELLED, at most two looks' worth of work after the
 * cancel, far less than the text. Counted in units of work, not timed. */
static void
test_divergences_cancelled_reading (Fixture       *f,
                                    gconstpointer  data)
{
  Giving g;
  gsize len = cancel_long_pair (f, 1, NULL, &g);

  g_assert_cmpuint (g.done, <, len / 4);
}

/* Cancelled while their passages are sorted (two documents of 2 MB,
 * 34,000 mentions of a stakeholder each: a sentence each to sort), the
 * divergences stop inside the sort, at most two looks' worth of work
 * after the cancel, and the task says G_IO_ERROR_CANCELLED: the sort was
 * one step no cancel reached (some 100 ms at 50 MB). Counted in units of
 * work, not timed. */
static void
test_divergences_cancelled_sorting (Fixture       *f,
                                    gconstpointer  data)
{
  Giving g;

  cancel_long_pair (f, 0, "sort", &g);
}

/* The sentence around a mention, found walking on from where the last
 * one was (eight ASCII bytes at a time, else a code point at a time):
 * the same range whether or not accents, guillemets and an emoji come
 * before it, from the text's start or from the last place. */
static void
test_sentence_after_accents (void)
{
  static const char *const openings[] = {
    "", "Él dijo: «ça va». ", "Ñandú 🚋 corre más. Los ríos crecen. ", "Short. ",
  };

  for (guint k = 0; k < G_N_ELEMENTS (openings); k++)
    {
      g_autofree char *text = g_strconcat (openings[k], "Ferries stop at ten. The Transit "
                                           "Authority met again on Friday. Ñ.", NULL);
      gint64 before = g_utf8_strlen (openings[k], -1);
      gint64 length = g_utf8_strlen (text, -1);
      gint64 at = before + (gint64) strlen ("Ferries stop at ten. The ");
      DossierTextPlace place = { NULL, 0 };
      gint64 s = -1, e = -1;

      /* (a first call leaves the place at the first sentence) */
      dossier_compare_sentence (text, length, NULL, &place, before, before + 7, &s, &e);
      g_assert_cmpint (s, ==, before);
      g_assert_cmpint (e, ==, before + 20);
      dossier_compare_sentence (text, length, NULL, &place, at, at + 17, &s, &e);
      g_assert_cmpint (s, ==, at - 4);
      g_assert_cmpint (e, ==, at + 38);
      dossier_compare_sentence (text, length, NULL, NULL, at, at + 17, &s, &e);
      g_assert_cmpint (s, ==, at - 4);
      g_assert_cmpint (e, ==, at + 38);
    }
}

/* A list shows each kind's first few divergences and how many more: a
 * project made by hand with 20,000 arguments diverged in as many rows,
 * which the Compare page took minutes to lay out, the figures last. */
static void
test_divergences_shown (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) shown = NULL;
  guint hidden[DOSSIER_DIVERGENCE_N_KINDS];
  guint n_kind[DOSSIER_DIVERGENCE_N_KINDS] = { 0 };
  guint listed[DOSSIER_DIVERGENCE_N_KINDS] = { 0 };
  gint64 money = add_tag (P (f), "Money", 0);
  gint64 docs[3];

  docs[0] = add_doc (P (f), "Gazette", "The harbour wall needs repair before the winter storms.");
  docs[1] = add_doc (P (f), "Courier", "The ministry has offered £72 million from its transit fund.");
  docs[2] = add_doc (P (f), "Herald", "The transit grant from the ministry is £80 million.");
  add_phrase_highlight (P (f), docs[1], "The ministry has offered £72 million from its transit fund", money, NULL);
  add_phrase_highlight (P (f), docs[2], "The transit grant from the ministry is £80 million", money, NULL);
  /* Sixty tags only the Gazette has. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Theme %u", i);

      add_phrase_highlight (P (f), docs[0], "The harbour wall needs repair", add_tag (P (f), name, 0), NULL);
    }

  all = dossier_project_compare_divergences (P (f), docs, 3, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    n_kind[((DossierDivergence *) g_ptr_array_index (all, i))->kind]++;
  g_assert_cmpuint (n_kind[DOSSIER_DIVERGENCE_OMISSION], ==, 61);
  g_assert_cmpuint (n_kind[DOSSIER_DIVERGENCE_FIGURES], ==, 1);

  shown = dossier_divergences_shown (all, 50, hidden);
  /* The first 50 omissions, in order, then every other divergence. */
  for (guint k = 0; k < shown->len; k++)
    {
      guint i = g_array_index (shown, guint, k);
      DossierDivergence *d = g_ptr_array_index (all, i);

      g_assert_true (k == 0 || i > g_array_index (shown, guint, k - 1));
      if (d->kind == DOSSIER_DIVERGENCE_OMISSION)
        g_assert_cmpuint (i, ==, k);
      listed[d->kind]++;
    }
  g_assert_cmpuint (listed[DOSSIER_DIVERGENCE_OMISSION], ==, 50);
  g_assert_cmpuint (hidden[DOSSIER_DIVERGENCE_OMISSION], ==, 11);
  g_assert_cmpuint (listed[DOSSIER_DIVERGENCE_FIGURES], ==, 1);
  for (guint k = 1; k < DOSSIER_DIVERGENCE_N_KINDS; k++)
    {
      g_assert_cmpuint (listed[k], ==, n_kind[k]);
      g_assert_cmpuint (hidden[k], ==, 0);
    }
  g_assert_cmpuint (shown->len, ==, all->len - 11);

  /* Fewer than the bound: all of them, nothing more. */
  g_clear_pointer (&shown, g_array_unref);
  shown = dossier_divergences_shown (all, 100, hidden);
  g_assert_cmpuint (shown->len, ==, all->len);
  g_assert_cmpuint (hidden[DOSSIER_DIVERGENCE_OMISSION], ==, 0);
}

/* Figures are compared only when they describe the same thing, and a
 * range is compared as a range. Articles written for this test: the
 * ministry's grant against the sum above which the city pays (two sums);
 * a tram trip against drivers' detours (two durations); and, kept, a grant
 * and a trip that sources do give differently. */
static guint
count_divergences (GPtrArray             *all,
                   DossierDivergenceKind  kind,
                   gint64                 row_id)
{
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      DossierDivergence *d = g_ptr_array_index (all, i);

      n += d->kind == kind && d->row_id == row_id;
    }
  return n;
}

/* Twenty words of their own, "PREFIX0 … PREFIX19 ", at the end of @text. */
static void
append_words (GString    *text,
              const char *prefix)
{
  for (guint k = 0; k < 20; k++)
    g_string_append_printf (text, "%s%u ", prefix, k);
}

/* Checks passage @i of @d: in @document, at the @nth place of @copy in
 * @text (code points: the texts are ASCII), quoting it. */
static void
assert_copy_passage (DossierDivergence *d,
                     guint              i,
                     gint64             document,
                     const char        *text,
                     const char        *copy,
                     guint              nth)
{
  DossierDivergencePassage *p = g_ptr_array_index (d->passages, i);
  const char *at = strstr (text, copy);

  for (guint k = 0; k < nth; k++)
    at = strstr (at + 1, copy);
  g_assert_nonnull (at);
  g_assert_cmpint (p->document_id, ==, document);
  g_assert_cmpint (p->start, ==, at - text);
  g_assert_cmpint (p->end, ==, at - text + (gint64) strlen (copy));
  g_assert_cmpstr (p->quote, ==, copy);
}

/* Shared copy goes by where each run of eight words was first seen: a
 * paragraph the first document has twice, the second twice and the last
 * twice (its own second time looked up, never kept), is one piece of
 * copy, cited at its first place in the first and at each place in the
 * others, in order, each once. Regression guard for the shingles' table:
 * one that kept a shingle's last place fails. */
static void
test_shared_copy_repeated (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) copy = g_string_new (NULL);
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(GString) c = g_string_new (NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  DossierDivergence *d;
  gint64 docs[3];

  for (guint k = 0; k < 40; k++)
    g_string_append_printf (copy, "%squay%u", k > 0 ? " " : "", k);
  append_words (a, "ant");
  g_string_append_printf (a, "%s ", copy->str);
  append_words (a, "bee");
  g_string_append_printf (a, "%s ", copy->str);
  append_words (a, "cow");
  append_words (b, "dog");
  g_string_append_printf (b, "%s ", copy->str);
  append_words (b, "eel");
  g_string_append_printf (b, "%s ", copy->str);
  append_words (b, "fox");
  append_words (c, "gnu");
  g_string_append_printf (c, "%s ", copy->str);
  append_words (c, "hen");
  g_string_append_printf (c, "%s ", copy->str);
  append_words (c, "jay");
  docs[0] = add_doc (P (f), "First", a->str);
  docs[1] = add_doc (P (f), "Second", b->str);
  docs[2] = add_doc (P (f), "Last", c->str);

  all = dossier_project_compare_divergences (P (f), docs, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_divergences (all, DOSSIER_DIVERGENCE_SHARED_COPY, 0), ==, 1);
  d = find_divergence (all, DOSSIER_DIVERGENCE_SHARED_COPY, 0);
  g_assert_cmpuint (d->present->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (g_array_index (d->present, gint64, i), ==, docs[i]);
  g_assert_cmpuint (d->passages->len, ==, 5);
  assert_copy_passage (d, 0, docs[0], a->str, copy->str, 0);
  assert_copy_passage (d, 1, docs[1], b->str, copy->str, 0);
  assert_copy_passage (d, 2, docs[1], b->str, copy->str, 1);
  assert_copy_passage (d, 3, docs[2], c->str, copy->str, 0);
  assert_copy_passage (d, 4, docs[2], c->str, copy->str, 1);
  g_assert_cmpstr (d->summary, ==, "40 words appear word for word in “First”, “Second”, “Last”: "
                                   "one source, not agreement");
}

static void
test_figures_same_thing (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 docs[3];
  gint64 money = add_tag (P (f), "Money", 0);
  gint64 time = add_tag (P (f), "Travel time", 0);
  DossierDivergence *d;

  docs[0] = add_doc (P (f), "Gazette",
                     "The ministry has offered £72 million from its transit fund. "
                     "The tram trip to the centre will take 11 minutes.");
  docs[1] = add_doc (P (f), "Courier",
                     "Every pound above £164 million falls on the city, not on the ministry. "
                     "Detours for drivers add 12 to 18 minutes each way.");
  docs[2] = add_doc (P (f), "Mercury",
                     "Officials said the ministry’s grant is £60–72 million. "
                     "Drivers face detours of 15 minutes.");
  add_phrase_highlight (P (f), docs[0], "The ministry has offered £72 million from its transit fund", money, NULL);
  add_phrase_highlight (P (f), docs[1], "Every pound above £164 million falls on the city", money, NULL);
  add_phrase_highlight (P (f), docs[0], "The tram trip to the centre will take 11 minutes", time, NULL);
  add_phrase_highlight (P (f), docs[1], "Detours for drivers add 12 to 18 minutes each way", time, NULL);
  add_phrase_highlight (P (f), docs[2], "the ministry’s grant is £60–72 million", money, NULL);
  add_phrase_highlight (P (f), docs[2], "Drivers face detours of 15 minutes", time, NULL);

  all = dossier_project_compare_divergences (P (f), docs, 3, &error);
  g_assert_no_error (error);
  /* A grant offered and a threshold; a trip and a detour: no disagreement.
   * The range £60–72 million allows the £72 million grant, and 15 minutes
   * of detour is within 12 to 18. */
  g_assert_cmpuint (count_divergences (all, DOSSIER_DIVERGENCE_FIGURES, money), ==, 0);
  g_assert_cmpuint (count_divergences (all, DOSSIER_DIVERGENCE_FIGURES, time), ==, 0);

  /* A fourth source puts the grant at £80 million and the trip at 14
   * minutes: both kept, each against the figures of the same thing only,
   * the range shown whole. */
  g_clear_pointer (&all, g_ptr_array_unref);
  {
    gint64 four[4] = { docs[0], docs[1], docs[2], 0 };

    four[3] = add_doc (P (f), "Herald",
                       "The transit grant from the ministry is £80 million. "
                       "A tram trip into the centre takes 14 minutes.");
    add_phrase_highlight (P (f), four[3], "The transit grant from the ministry is £80 million", money, NULL);
    add_phrase_highlight (P (f), four[3], "A tram trip into the centre takes 14 minutes", time, NULL);
    all = dossier_project_compare_divergences (P (f), four, 4, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_divergences (all, DOSSIER_DIVERGENCE_FIGURES, money), ==, 1);
  d = find_divergence (all, DOSSIER_DIVERGENCE_FIGURES, money);
  g_assert_cmpstr (d->summary, ==,
                   "Figures for “Money” differ: “Gazette”: £72 million; "
                   "“Mercury”: £60–72 million; “Herald”: £80 million");
  g_assert_cmpuint (d->passages->len, ==, 3);
  g_assert_cmpstr (((DossierDivergencePassage *) g_ptr_array_index (d->passages, 1))->detail,
                   ==, "£60–72 million");

  g_assert_cmpuint (count_divergences (all, DOSSIER_DIVERGENCE_FIGURES, time), ==, 1);
  d = find_divergence (all, DOSSIER_DIVERGENCE_FIGURES, time);
  g_assert_cmpstr (d->summary, ==,
                   "Figures for “Travel time” differ: “Gazette”: 11 minutes; "
                   "“Herald”: 14 minutes");
}

/* Two documents of one long paragraph each, tagged whole (a project from
 * elsewhere; 50 MB hung `dossier-cli diverge` and the Compare page for
 * hours): their 20,000 figures of one thing are compared in a time that
 * grows with their number, not with its square, and the divergence lists
 * a few of each, its passages quoting the start of each highlight (each
 * figure's passage quoted it whole: gigabytes). The time bound is far
 * above what it takes (well under a second); it took minutes. */
static void
test_figures_long_passage (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  gint64 money = add_tag (P (f), "Money", 0);
  gint64 docs[2];
  gint64 t0;
  DossierDivergence *d;

  for (guint i = 1; i <= 10000; i++)
    {
      g_string_append_printf (a, "%sThe ministry grant is £%u million.", i > 1 ? " " : "", i);
      g_string_append_printf (b, "%sThe ministry grant is £%u million.", i > 1 ? " " : "", 20000 + i);
    }
  docs[0] = add_doc (P (f), "Gazette", a->str);
  docs[1] = add_doc (P (f), "Courier", b->str);
  add_phrase_highlight (P (f), docs[0], a->str, money, NULL);
  add_phrase_highlight (P (f), docs[1], b->str, money, NULL);

  t0 = g_get_monotonic_time ();
  all = dossier_project_compare_divergences (P (f), docs, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 20 * G_USEC_PER_SEC);
  /* One thing, the grant: no figure of one source is in the other. */
  g_assert_cmpuint (count_divergences (all, DOSSIER_DIVERGENCE_FIGURES, money), ==, 1);
  d = find_divergence (all, DOSSIER_DIVERGENCE_FIGURES, money);
  /* Five of each source's listed, the rest counted; each passage's quote
   * the highlight's start, not all of it. */
  g_assert_cmpstr (d->summary, ==, "Figures for “Money” differ: “Gazette”: £1 million, £2 million, "
                   "£3 million, £4 million, £5 million … and 9995 more; “Courier”: £20001 million, "
                   "£20002 million, £20003 million, £20004 million, £20005 million … and 9995 more");
  g_assert_cmpuint (d->passages->len, ==, 10);
  for (guint i = 0; i < d->passages->len; i++)
    {
      DossierDivergencePassage *p = g_ptr_array_index (d->passages, i);

      g_assert_cmpint (g_utf8_strlen (p->quote, -1), <=, DOSSIER_TEXT_SHOWN_MAX);
      g_assert_cmpint (g_utf8_strlen (p->quote, -1), >, DOSSIER_TEXT_SHOWN_MAX - 10);
      g_assert_true (g_str_has_prefix (p->quote, "The ministry grant is £"));
      g_assert_true (g_str_has_suffix (p->quote, "…"));
    }
}

/* A detour's minutes are not a car journey's, though both are about cars:
 * a change is compared with changes only, never with the level it is added
 * to; two changes of one thing still disagree. Articles written for this
 * test. */
static void
test_figures_change (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 docs[3];
  gint64 time = add_tag (P (f), "Journey times", 0);
  DossierDivergence *d;

  docs[0] = add_doc (P (f), "Ledger", "Crossing town takes 20 to 35 minutes by car in the morning rush.");
  docs[1] = add_doc (P (f), "Bulletin",
                     "Slower car trips: detours of 10 to 15 minutes while the bridge is shut.");
  docs[2] = add_doc (P (f), "Post", "Drivers face detours of 25 minutes.");
  add_phrase_highlight (P (f), docs[0], "Crossing town takes 20 to 35 minutes by car in the morning rush", time, NULL);
  add_phrase_highlight (P (f), docs[1], "Slower car trips: detours of 10 to 15 minutes", time, NULL);

  all = dossier_project_compare_divergences (P (f), docs, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_divergences (all, DOSSIER_DIVERGENCE_FIGURES, time), ==, 0);

  /* Another detour, longer: that is a disagreement, the car journey out
   * of it. */
  g_clear_pointer (&all, g_ptr_array_unref);
  add_phrase_highlight (P (f), docs[2], "Drivers face detours of 25 minutes", time, NULL);
  all = dossier_project_compare_divergences (P (f), docs, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_divergences (all, DOSSIER_DIVERGENCE_FIGURES, time), ==, 1);
  d = find_divergence (all, DOSSIER_DIVERGENCE_FIGURES, time);
  g_assert_cmpstr (d->summary, ==,
                   "Figures for “Journey times” differ: “Bulletin”: 10 to 15 minutes; "
                   "“Post”: 25 minutes");
}

/* ---- Figures ------------------------------------------------------------------ */

static gboolean
is_change (const char *text)
{
  g_autoptr(GArray) figures = dossier_find_figures (text);

  g_test_message ("%s", text);
  g_assert_cmpuint (figures->len, ==, 1);
  return g_array_index (figures, DossierFigure, 0).change;
}

static void
assert_figure (const char *text,
               double      value,
               const char *unit,
               const char *literal)
{
  g_autoptr(GArray) figures = dossier_find_figures (text);
  const DossierFigure *fig;
  g_autofree char *slice = NULL;

  g_test_message ("%s", text);
  g_assert_cmpuint (figures->len, ==, 1);
  fig = &g_array_index (figures, DossierFigure, 0);
  g_assert_cmpfloat_with_epsilon (fig->value, value, value * 1e-12);
  g_assert_cmpstr (fig->unit, ==, unit);
  slice = dossier_text_slice (text, fig->start, fig->end);
  g_assert_cmpstr (slice, ==, literal);
}

static void
assert_range (const char *text,
              double      low,
              double      high,
              const char *unit,
              const char *literal)
{
  g_autoptr(GArray) figures = dossier_find_figures (text);
  const DossierFigure *fig;
  g_autofree char *slice = NULL;

  g_test_message ("%s", text);
  g_assert_cmpuint (figures->len, ==, 1);
  fig = &g_array_index (figures, DossierFigure, 0);
  g_assert_cmpfloat_with_epsilon (fig->value, low, low * 1e-12);
  g_assert_cmpfloat_with_epsilon (fig->high, high, high * 1e-12);
  g_assert_cmpstr (fig->unit, ==, unit);
  slice = dossier_text_slice (text, fig->start, fig->end);
  g_assert_cmpstr (slice, ==, literal);
}

static gboolean
has_context (const char *text,
             const char *word)
{
  g_autoptr(GArray) figures = dossier_find_figures (text);

  g_assert_cmpuint (figures->len, ==, 1);
  return g_strv_contains ((const char *const *) g_array_index (figures, DossierFigure, 0).context,
                          word);
}

/* Whether the one figure of @a and that of @b have a context word in
 * common. */
static gboolean
share_context (const char *a,
               const char *b)
{
  g_autoptr(GArray) in_a = dossier_find_figures (a);
  g_autoptr(GArray) in_b = dossier_find_figures (b);

  g_assert_cmpuint (in_a->len, ==, 1);
  g_assert_cmpuint (in_b->len, ==, 1);
  for (char **x = g_array_index (in_a, DossierFigure, 0).context; *x != NULL; x++)
    if (g_strv_contains ((const char *const *) g_array_index (in_b, DossierFigure, 0).context, *x))
      return TRUE;
  return FALSE;
}

static void
assert_no_figure (const char *text)
{
  g_autoptr(GArray) figures = dossier_find_figures (text);

  g_test_message ("%s", text);
  g_assert_cmpuint (figures->len, ==, 0);
}

static gboolean
go_on (guint64  chars,
       gpointer data)
{
  return TRUE;
}

/* The figure scan converts a text to code points a piece at a time
 * (DOSSIER_FIGURES_PIECE of them): a sentence with figures — a range of
 * two figures, a range with "between", a change, a figure's context —
 * placed so that a piece ends at each of its characters in turn gives
 * the figures it gives alone, at the same places after what comes before
 * (clause breaks, some of several bytes); and so does the scan that tells
 * of its progress (it goes from digit to digit no further than its next
 * report). */
static void
test_figures_across_pieces (void)
{
  static const char *const sentences[] = {
    "It will cost from £60m to £72m.",
    "Fares rise between 5 and 7 per cent.",
    "Longer car journeys: detours of 12 to 18 minutes, the ministry said.",
    "The ministry has offered £72 million from its fund, they said.",
  };

  for (guint s = 0; s < G_N_ELEMENTS (sentences); s++)
    {
      g_autoptr(GArray) alone = dossier_find_figures (sentences[s]);
      glong n = g_utf8_strlen (sentences[s], -1);

      g_assert_cmpuint (alone->len, >, 0);
      for (glong k = 0; k <= n; k++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autoptr(GArray) figures = NULL;
          g_autoptr(GArray) told = NULL;
          glong before = DOSSIER_FIGURES_PIECE - k;

          for (glong i = 0; i < before; i++)
            g_string_append (text, i % 2 == 0 ? "\n" : "—");
          g_string_append (text, sentences[s]);
          figures = dossier_find_figures (text->str);
          g_assert_cmpuint (figures->len, ==, alone->len);
          told = dossier_find_figures_checked (text->str, go_on, NULL);
          g_assert_cmpuint (told->len, ==, alone->len);
          for (guint i = 0; i < told->len; i++)
            g_assert_cmpint (g_array_index (told, DossierFigure, i).start, ==,
                             g_array_index (figures, DossierFigure, i).start);
          for (guint i = 0; i < figures->len; i++)
            {
              const DossierFigure *a = &g_array_index (alone, DossierFigure, i);
              const DossierFigure *b = &g_array_index (figures, DossierFigure, i);

              g_assert_cmpint (b->start, ==, a->start + before);
              g_assert_cmpint (b->end, ==, a->end + before);
              g_assert_cmpfloat (b->value, ==, a->value);
              g_assert_cmpfloat (b->high, ==, a->high);
              g_assert_cmpstr (b->unit, ==, a->unit);
              g_assert_true (g_strv_equal ((const char *const *) b->context, (const char *const *) a->context));
              g_assert_cmpint (b->change, ==, a->change);
            }
        }
    }
}

/* A run of letters is a word up to 40 code points (WORD_MAX): one
 * longer is no word — no unit, no context — and nothing past it is read
 * as the figure's; a word is "right before" a range ("between") over 40
 * spaces at most, and a change word is within the figure's reach (as its
 * context), not across a run of spaces of any length: a hostile text of
 * 50 MB of letters or spaces beside a figure was walked whole by each
 * scan that met it. */
static void
test_figures_word_bound (void)
{
  for (guint len = 40; len <= 41; len++)
    {
      g_autofree char *letters = g_strnfill (len, 'q');
      g_autofree char *spaces = g_strnfill (len, ' ');
      g_autofree char *unit_text = g_strdup_printf ("It was 5 %s.", letters);
      g_autofree char *unit_literal = g_strdup_printf ("5 %s", letters);
      g_autofree char *before = g_strdup_printf ("The ministry %s £5m.", letters);
      g_autofree char *after = g_strdup_printf ("It is £5m %s ministry.", letters);
      g_autofree char *between = g_strdup_printf ("Fares rise between%s5 and 7 per cent.", spaces);
      gboolean word = len == 40;

      if (word)
        {
          assert_figure (unit_text, 5, letters, unit_literal);
          assert_range (between, 5, 7, "%", "5 and 7 per cent");
        }
      else
        {
          assert_no_figure (unit_text);
          assert_figure (between, 7, "%", "7 per cent");
        }
      g_assert_cmpint (has_context (before, "ministry"), ==, word);
      g_assert_cmpint (has_context (after, "ministry"), ==, word);
    }

  for (guint gap = 100; gap <= 200; gap += 100)
    {
      g_autofree char *spaces = g_strnfill (gap, ' ');
      g_autofree char *before = g_strdup_printf ("Drivers face detours of%s12 minutes.", spaces);
      g_autofree char *after = g_strdup_printf ("The ride is 4 minutes%slonger.", spaces);
      /* (the reach: 160 code points on each side) */
      gboolean near = gap == 100;

      g_assert_cmpint (is_change (before), ==, near);
      g_assert_cmpint (is_change (after), ==, near);
    }
}

static void
test_find_figures (void)
{
  assert_figure ("It cost £72m.", 72e6, "GBP", "£72m");
  assert_figure ("It cost £72 million in all.", 72e6, "GBP", "£72 million");
  assert_figure ("Costó 72 millones de libras.", 72e6, "GBP", "72 millones de libras");
  assert_figure ("A grant of 72 million pounds.", 72e6, "GBP", "72 million pounds");
  assert_figure ("Some US$1.2bn was lent.", 1.2e9, "USD", "US$1.2bn");
  assert_figure ("Up to €3.5 billion.", 3.5e9, "EUR", "€3.5 billion");
  assert_figure ("Son 5 mil millones de euros.", 5e9, "EUR", "5 mil millones de euros");
  assert_figure ("Un total de 1.234,5 euros.", 1234.5, "EUR", "1.234,5 euros");
  assert_figure ("Fares rose 12.5 per cent.", 12.5, "%", "12.5 per cent");
  assert_figure ("Subió un 12,5 %.", 12.5, "%", "12,5 %");
  assert_figure ("Turnout was 61%.", 61, "%", "61%");
  assert_figure ("Some 1,200 people came.", 1200, "person", "1,200 people");
  assert_figure ("Unas 1.200.000 personas.", 1200000, "person", "1.200.000 personas");
  assert_figure ("The trip takes 11 minutes.", 11, "minute", "11 minutes");
  assert_figure ("El viaje dura 11 minutos.", 11, "minute", "11 minutos");
  assert_figure ("Nearly 300\u00a0000 homes.", 300000, "home", "300\u00a0000 homes");
  /* What a compound counts: stops, not trams. */
  assert_figure ("It will have 4 tram stops.", 4, "tram stop", "4 tram stops");
  assert_figure ("Some 11 minutes late.", 11, "minute", "11 minutes");

  /* A single figure is its own range. */
  assert_range ("It cost £72m.", 72e6, 72e6, "GBP", "£72m");

  /* Ranges, kept whole. */
  assert_range ("Detours add 12 to 18 minutes each way.", 12, 18, "minute", "12 to 18 minutes");
  assert_range ("It will cost £60–72 million.", 60e6, 72e6, "GBP", "£60–72 million");
  assert_range ("It will cost £60 to £72 million.", 60e6, 72e6, "GBP", "£60 to £72 million");
  assert_range ("It will cost from £60m to £72m.", 60e6, 72e6, "GBP", "£60m to £72m");
  assert_range ("Fares rise between 5 and 7 per cent.", 5, 7, "%", "5 and 7 per cent");
  assert_range ("Suben entre 5 y 7 por ciento.", 5, 7, "%", "5 y 7 por ciento");
  assert_range ("Desvíos de 12 a 18 minutos.", 12, 18, "minute", "12 a 18 minutos");
  assert_range ("Shares rose 5% to 7%.", 5, 7, "%", "5% to 7%");
  /* A score is no range; "and" without "between" joins no range. */
  assert_figure ("Approved 31 to 24 councillors.", 24, "councillor", "24 councillors");
  {
    g_autoptr(GArray) two = dossier_find_figures ("We saw 5 people and 7 people.");

    g_assert_cmpuint (two->len, ==, 2);
  }

  /* What a figure is about: its clause's nearest words, synonyms made one. */
  g_assert_true (has_context ("The ministry has offered £72 million from its fund, they said.",
                              "grant"));
  g_assert_true (has_context ("The ministry has offered £72 million from its fund, they said.",
                              "ministry"));
  g_assert_false (has_context ("The ministry has offered £72 million from its fund, they said.",
                               "said"));
  g_assert_true (has_context ("The budget stands at £210 million.", "cost"));
  g_assert_true (has_context ("Esperan 12 minutos.", "wait"));
  /* A word's forms are one: the saving one article gives and the sum
   * another says the closure will save are about one thing. */
  g_assert_true (share_context ("Shutting the branch will save £2.1m over five years.",
                                "The council said the saving was £2.5m in all."));
  g_assert_true (share_context ("Councillors voted to shut it for £2.1m.",
                                "Shutting it is worth £2.5m."));
  /* Nor beyond a conjunction or another figure: the city is what the £34
   * million is about, not the £58 million. */
  {
    g_autoptr(GArray) two = dossier_find_figures ("The authority is to contribute £58 million "
                                                  "and the city £34 million.");

    g_assert_cmpuint (two->len, ==, 2);
    g_assert_false (g_strv_contains ((const char *const *) g_array_index (two, DossierFigure, 0).context,
                                     "city"));
    g_assert_true (g_strv_contains ((const char *const *) g_array_index (two, DossierFigure, 1).context,
                                    "city"));
  }
  /* Never beyond its clause. */
  g_assert_false (has_context ("The fund is open; every pound above £164 million falls on the city.",
                               "grant"));

  /* A change, or a level. */
  g_assert_true (is_change ("Longer car journeys: detours of 12 to 18 minutes."));
  g_assert_true (is_change ("Detours add 12 to 18 minutes each way."));
  g_assert_true (is_change ("The council found an extra £5 million."));
  g_assert_true (is_change ("The ride is 4 minutes longer at night."));
  g_assert_true (is_change ("Tarda 12 minutos más."));
  g_assert_false (is_change ("It takes 25 to 40 minutes by car."));
  g_assert_false (is_change ("Tarda más de 12 minutos."));
  g_assert_false (is_change ("Extra buses run; the trip takes 12 minutes."));

  /* Numbers that are no figures: years, times, dates, codes, bare counts. */
  assert_no_figure ("In 2024 the council met.");
  assert_no_figure ("It opens at 10:30 on 3/4/2025.");
  assert_no_figure ("A 3D model and a 4G mast.");
  assert_no_figure ("Section 12 of the act.");
  assert_no_figure ("");
}

/* In the HTML of excerpts, a passage takes its direction from its first
 * letter (an Arabic one reads right to left, its full stop at its left),
 * and a section heading in a caption is isolated from the caption's
 * words, as in the other HTML exports. */
static void
test_excerpts_direction (Fixture       *f,
                         gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  /* Words of the test's own: "the tram is late again." */
  gint64 gazette = add_article (P (f), "Tram news\nMoney\nالترام متأخر مرة أخرى.", "Gazette");
  gint64 docs[2] = { f->post, gazette };
  g_autoptr(DossierComparison) c = NULL;
  g_autoptr(GPtrArray) excerpts = NULL;
  g_autofree char *html = NULL;

  add_phrase_highlight (P (f), gazette, "الترام متأخر مرة أخرى.", f->cost, NULL);
  c = dossier_project_compare (P (f), docs, 2, &options, &error);
  g_assert_no_error (error);
  excerpts = dossier_project_compare_excerpts (P (f), docs, 2, &options, f->cost, &error);
  g_assert_no_error (error);
  html = dossier_compare_excerpts_to_string (c, excerpts, "Cost", DOSSIER_COMPARE_FORMAT_HTML, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "<blockquote><p dir=\"auto\">الترام متأخر مرة أخرى.</p>"
                                  "<p class=\"caption\">Section: <bdi>Money</bdi></p></blockquote>"));
  g_assert_nonnull (strstr (html, "<blockquote><p dir=\"auto\">The line will cost £164 million</p>"));
}

/* The excerpts of every row (dossier-cli compare --excerpts 0; Compare's
 * column of a document) name the tags of each passage, as the title of
 * one row's excerpts ("Excerpts: Cost") names its tag: a reader could
 * not tell which tag a passage came from. One row's excerpts do not
 * repeat it. */
static void
test_excerpts_tags (Fixture       *f,
                    gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierComparison) c = compare (f, &options);
  g_autoptr(GPtrArray) every = NULL;
  g_autoptr(GPtrArray) cost = NULL;
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  g_autofree char *cost_md = NULL;
  g_autofree char *cost_html = NULL;

  every = dossier_project_compare_excerpts (P (f), f->docs, 3, &options, 0, &error);
  g_assert_no_error (error);
  md = dossier_compare_excerpts_to_string (c, every, NULL, DOSSIER_COMPARE_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (md, "> The line will cost £164 million\n\n— *Tag: Cost · Section: Money*\n"));
  g_assert_nonnull (strstr (md, "> Noise from the depot worries residents\n\n— *Tag: Noise"));
  /* One passage under a tag and its sub-tag. */
  g_assert_nonnull (strstr (md, "— *Tags: Impacts, Noise"));
  /* Every passage says its tags. */
  g_assert_cmpuint (test_count_occurrences (md, "\n— *Tag"), ==, every->len);

  html = dossier_compare_excerpts_to_string (c, every, NULL, DOSSIER_COMPARE_FORMAT_HTML, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "<p class=\"caption\">Tag: <bdi>Cost</bdi> · Section: <bdi>Money</bdi></p>"));
  g_assert_nonnull (strstr (html, "Tags: <bdi>Impacts</bdi>, <bdi>Noise</bdi>"));
  g_assert_cmpuint (test_count_occurrences (html, "<p class=\"caption\">Tag"), ==, every->len);

  cost = dossier_project_compare_excerpts (P (f), f->docs, 3, &options, f->cost, &error);
  g_assert_no_error (error);
  cost_md = dossier_compare_excerpts_to_string (c, cost, "Excerpts: Cost", DOSSIER_COMPARE_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (cost_md, "Tag: "));
  cost_html = dossier_compare_excerpts_to_string (c, cost, "Excerpts: Cost", DOSSIER_COMPARE_FORMAT_HTML, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (cost_html, "Tag: "));
}

/* So do those of every row of stakeholders or arguments: each passage
 * names the stakeholders or arguments it is evidence for (or, measuring
 * mentions, the stakeholder its sentence mentions); a passage of
 * evidence for two names both. One row's excerpts do not. */
static void
test_excerpts_rows (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const struct
  {
    DossierCompareRows    rows;
    DossierCompareMeasure measure;
    const char           *one;   /* the caption of a passage behind one row */
    const char           *label; /* of any */
  } cases[] = {
    { DOSSIER_COMPARE_STAKEHOLDERS, DOSSIER_COMPARE_EVIDENCE, "Stakeholder: Transit Authority", "Stakeholder" },
    { DOSSIER_COMPARE_STAKEHOLDERS, DOSSIER_COMPARE_MENTIONS, "Stakeholder: Transit Authority", "Stakeholder" },
    { DOSSIER_COMPARE_ARGUMENTS, DOSSIER_COMPARE_EVIDENCE, "Argument: Traders lose takings", "Argument" },
  };
  gint64 traders = dossier_project_add_stakeholder (P (f), "Valley Traders", NULL,
                                                    DOSSIER_STAKEHOLDER_BUSINESS, &error);

  g_assert_no_error (error);
  /* The authority's evidence in the Post is the traders' too. */
  {
    g_autofree char *text = dossier_project_get_document_text (P (f), f->post, NULL);
    const char *phrase = "The Transit Authority opposed the plan";
    gint64 start = g_utf8_pointer_to_offset (text, strstr (text, phrase));

    dossier_project_add_stakeholder_evidence_range (P (f), traders, f->post, start,
                                                    start + g_utf8_strlen (phrase, -1), NULL,
                                                    DOSSIER_EVIDENCE_STANCE, -1, &error);
    g_assert_no_error (error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
      g_autoptr(DossierComparison) c = NULL;
      g_autoptr(GPtrArray) every = NULL;
      g_autoptr(GPtrArray) one = NULL;
      g_autofree char *md = NULL;
      g_autofree char *html = NULL;
      g_autofree char *one_md = NULL;
      g_autofree char *one_html = NULL;
      g_autofree char *md_one = g_strdup_printf ("\n— *%s", cases[i].one);
      g_autofree char *md_label = g_strdup_printf ("\n— *%s", cases[i].label);
      g_autofree char *html_label = g_strdup_printf ("<p class=\"caption\">%s", cases[i].label);
      g_autofree char *label = g_strdup_printf ("%s: ", cases[i].label);

      options.rows = cases[i].rows;
      options.measure = cases[i].measure;
      c = compare (f, &options);
      every = dossier_project_compare_excerpts (P (f), f->docs, 3, &options, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (every->len, >, 0);
      md = dossier_compare_excerpts_to_string (c, every, NULL, DOSSIER_COMPARE_FORMAT_MARKDOWN, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (md, md_one));
      /* Every passage says what it is behind. */
      g_assert_cmpuint (test_count_occurrences (md, md_label), ==, every->len);
      html = dossier_compare_excerpts_to_string (c, every, NULL, DOSSIER_COMPARE_FORMAT_HTML, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (test_count_occurrences (html, html_label), ==, every->len);

      if (cases[i].rows == DOSSIER_COMPARE_STAKEHOLDERS && cases[i].measure == DOSSIER_COMPARE_EVIDENCE)
        {
          /* Listed once, naming both. */
          g_assert_cmpuint (test_count_occurrences (md, "> The Transit Authority opposed the plan"), ==, 1);
          g_assert_nonnull (strstr (md, "> The Transit Authority opposed the plan\n\n"
                                        "— *Stakeholders: Transit Authority, Valley Traders"));
          g_assert_nonnull (strstr (html, "Stakeholders: <bdi>Transit Authority</bdi>, <bdi>Valley Traders</bdi>"));
        }

      one = dossier_project_compare_excerpts (P (f), f->docs, 3, &options,
                                              cases[i].rows == DOSSIER_COMPARE_ARGUMENTS ? f->argument
                                                                                         : f->authority,
                                              &error);
      g_assert_no_error (error);
      g_assert_cmpuint (one->len, >, 0);
      one_md = dossier_compare_excerpts_to_string (c, one, "Excerpts", DOSSIER_COMPARE_FORMAT_MARKDOWN, &error);
      g_assert_no_error (error);
      g_assert_null (strstr (one_md, label));
      one_html = dossier_compare_excerpts_to_string (c, one, "Excerpts", DOSSIER_COMPARE_FORMAT_HTML, &error);
      g_assert_no_error (error);
      g_assert_null (strstr (one_html, label));
    }
}

/* Compare writes a document's published date as stored, ISO 8601, in
 * the excerpts (Markdown, HTML) and the matrix's table, as the briefing
 * notes and JSON do: it wrote "14 March 2026". */
static void
test_excerpts_dates (Fixture       *f,
                     gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierComparison) c = NULL;
  g_autoptr(GPtrArray) excerpts = NULL;
  const DossierCompareFormat formats[] = { DOSSIER_COMPARE_FORMAT_MARKDOWN, DOSSIER_COMPARE_FORMAT_HTML };

  g_assert_true (dossier_project_set_document_metadata (P (f), f->post, NULL, NULL, NULL, NULL,
                                                        "2026-03-14", &error));
  g_assert_no_error (error);
  c = dossier_project_compare (P (f), f->docs, 3, &options, &error);
  g_assert_no_error (error);
  excerpts = dossier_project_compare_excerpts (P (f), f->docs, 3, &options, f->cost, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = dossier_compare_excerpts_to_string (c, excerpts, "Cost", formats[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "Valley Post, 2026-03-14"));
      g_assert_null (strstr (out, "14 March"));
    }
  {
    g_autofree char *table = dossier_comparison_to_string (c, DOSSIER_COMPARE_FORMAT_TEXT, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (table, "Valley Post, 2026-03-14\n"));
    g_assert_null (strstr (table, "14 March"));
  }
}

/* ---- The matrix as a picture ----------------------------------------------- */

/* WCAG 2 relative luminance of an sRGB colour, channels 0–1. */
static double
luminance (double r,
           double g,
           double b)
{
  double c[3] = { r, g, b };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (double a,
          double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* The SVG's text reads at 4.5:1 or more (WCAG AA) on the white page and,
 * the numbers, on the densest shade of a cell (where every cell of this
 * comparison is: each counts one, the most there is): no white numbers on
 * a mid blue, no zeros in a grey too light to read. */
static void
test_picture_contrast (Fixture       *f,
                       gconstpointer  data)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(DossierComparison) c = compare (f, &options);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = dossier_render_matrix_bytes (c, DOSSIER_RENDER_SVG, &error);
  g_autofree char *text = NULL;
  /* The densest shade: #3686e3 at 90 % on white. */
  double densest = luminance (0.1 + 0.9 * 0.21, 0.1 + 0.9 * 0.52, 0.1 + 0.9 * 0.89);
  guint n_colours = 0;

  g_assert_no_error (error);
  g_assert_cmpfloat (dossier_comparison_get_max_value (c), ==, 1);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  /* cairo draws each run of glyphs in a group of its colour. */
  for (const char *p = strstr (text, "<g style=\"fill:rgb("); p != NULL;
       p = strstr (p + 1, "<g style=\"fill:rgb("))
    {
      double r, g, b, l;

      g_assert_cmpint (sscanf (p, "<g style=\"fill:rgb(%lf%%,%lf%%,%lf%%)", &r, &g, &b), ==, 3);
      l = luminance (r / 100, g / 100, b / 100);
      g_assert_cmpfloat (contrast (l, 1.0), >=, 4.5);
      if (l < 0.02)  /* the numbers' and the labels' near black */
        g_assert_cmpfloat (contrast (l, densest), >=, 4.5);
      n_colours++;
    }
  g_assert_cmpuint (n_colours, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/compare/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("matrix-tags", test_matrix_tags);
  ADD ("matrix-per-1000-words", test_matrix_per_words);
  ADD ("matrix-words-edited", test_matrix_words_edited);
  ADD ("matrix-words-read-once", test_matrix_words_read_once);
  ADD ("matrix-words-in-thread", test_matrix_words_in_thread);
  ADD ("matrix-filters", test_matrix_filters);
  ADD ("matrix-stakeholders-arguments", test_matrix_stakeholders_arguments);
  ADD ("argument-label-cut", test_argument_label_cut);
  ADD ("arrange-sort", test_arrange_sort);
  ADD ("arrange-filter-tree", test_arrange_filter_tree);
  ADD ("arrange-filter-totals", test_arrange_filter_totals);
  ADD ("arrange-arguments", test_arrange_arguments);
  ADD ("arrange-bad", test_arrange_bad);
  ADD ("bad-inputs", test_bad_inputs);
  ADD ("excerpts", test_excerpts);
  ADD ("excerpts-direction", test_excerpts_direction);
  ADD ("excerpts-dates", test_excerpts_dates);
  ADD ("excerpts-tags", test_excerpts_tags);
  ADD ("excerpts-rows", test_excerpts_rows);
  ADD ("divergences", test_divergences);
  ADD ("divergences-unread", test_divergences_unread);
  ADD ("divergences-once", test_divergences_once);
  ADD ("divergences-shown", test_divergences_shown);
  ADD ("shared-copy-repeated", test_shared_copy_repeated);
  ADD ("divergences-cancelled", test_divergences_cancelled);
  ADD ("divergences-cancelled-reading", test_divergences_cancelled_reading);
  ADD ("divergences-cancelled-mentions", test_divergences_cancelled_mentions);
  ADD ("divergences-cancelled-at-start", test_divergences_cancelled_at_start);
  ADD ("divergences-cancelled-sorting", test_divergences_cancelled_sorting);
  ADD ("mentions-in-pieces", test_mentions_in_pieces);
  ADD ("figures-agree", test_figures_agree);
  ADD ("figures-same-thing", test_figures_same_thing);
  ADD ("figures-change", test_figures_change);
  ADD ("figures-long-passage", test_figures_long_passage);
  ADD ("picture-contrast", test_picture_contrast);
  g_test_add_func ("/dossier/compare/find-figures", test_find_figures);
  g_test_add_func ("/dossier/compare/figures-across-pieces", test_figures_across_pieces);
  g_test_add_func ("/dossier/compare/sentence-after-accents", test_sentence_after_accents);
  g_test_add_func ("/dossier/compare/figures-word-bound", test_figures_word_bound);

  return g_test_run ();
}
