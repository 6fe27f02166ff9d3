/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-highlights.c — highlights: code-point offsets over non-ASCII text,
 * "tag this selection" merging, tags and memos, listing, counts, autocode
 * and re-anchoring when a document's text is replaced.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <dossier/dossier.h>

#include "dossier-project-private.h"
#include "test-util.h"

/* Accents (precomposed and combining), curly quotes, guillemets, a dash,
 * emoji (one outside the BMP, one with a modifier), CJK. */
static const char sample[] =
  "Le café «Marée» rouvre — “enfin”, dit Zoë.\n"
  "The pier’s repair costs €2.4 m 😀 and the mayor 👍🏽 agrees.\n"
  "港の修理は来年に始まる。\n"
  "Cafe\xcc\x81s reopen; nai\xcc\x88ve plans end.";

typedef struct
{
  char           *dir;
  DossierProject *project;
  gint64          doc;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = test_create_project ("highlights", "Highlights", &fixture->dir, NULL);
  fixture->doc = add_doc (fixture->project, "Marée", sample);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_finish_project (&fixture->project, &fixture->dir, NULL);
}

static DossierHighlight *
get_highlight (DossierProject *project,
               gint64          id)
{
  g_autoptr(GError) error = NULL;
  DossierHighlight *h = dossier_project_get_highlight (project, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (h);
  return h;
}

static GPtrArray *
list (DossierProject *project,
      gint64          doc,
      gint64          tag)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *highlights = dossier_project_list_highlights (project, doc, tag, &error);

  g_assert_no_error (error);
  return highlights;
}

/* The slice of @text in code points, computed the slow, obvious way. */
static char *
slice (const char *text,
       gint64      start,
       gint64      end)
{
  glong n = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &n);

  start = CLAMP (start, 0, n);
  end = CLAMP (end, start, n);
  return g_ucs4_to_utf8 (chars + start, end - start, NULL, NULL, NULL);
}

/* ---- Offsets --------------------------------------------------------------------- */

static void
test_non_ascii (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const words[] = {
    "café", "«Marée»", "—", "“enfin”", "Zoë", "pier’s", "€2.4", "😀", "👍🏽",
    "港の修理", "。", "Cafe\xcc\x81s", "nai\xcc\x88ve", "end.",
  };
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  gint64 tag = add_tag (project, "Words", 0);
  gint64 length = dossier_document_get_length (dossier_project_get_document (project, fixture->doc));

  g_assert_cmpint (length, ==, g_utf8_strlen (sample, -1));

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *at = strstr (sample, words[i]);
      gint64 start = g_utf8_pointer_to_offset (sample, at);
      gint64 end = start + g_utf8_strlen (words[i], -1);
      g_autoptr(DossierHighlight) h = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *suffix = NULL;
      gint64 id;

      g_assert_nonnull (at);
      id = dossier_project_tag_range (project, fixture->doc, start, end, tag, &error);
      g_assert_no_error (error);

      h = get_highlight (project, id);
      g_assert_cmpint (dossier_highlight_get_start (h), ==, start);
      g_assert_cmpint (dossier_highlight_get_end (h), ==, end);
      g_assert_cmpstr (dossier_highlight_get_quote (h), ==, words[i]);

      /* Up to 32 code points of context each side, cut at the text's ends. */
      prefix = slice (sample, start - 32, start);
      suffix = slice (sample, end, end + 32);
      g_assert_cmpstr (dossier_highlight_get_prefix (h), ==, prefix);
      g_assert_cmpstr (dossier_highlight_get_suffix (h), ==, suffix);
      g_assert_cmpint (g_utf8_strlen (dossier_highlight_get_prefix (h), -1), ==, MIN (32, start));
    }

  /* Single code points inside a combining sequence and an emoji sequence
   * are still just code points. */
  {
    const char *at = strstr (sample, "👍🏽");
    gint64 start = g_utf8_pointer_to_offset (sample, at) + 1;
    g_autoptr(DossierHighlight) h = NULL;
    gint64 id;

    id = dossier_project_tag_range (project, fixture->doc, start, start + 1,
                                    add_tag (project, "Skin", 0), &error);
    g_assert_no_error (error);
    h = get_highlight (project, id);
    g_assert_cmpstr (dossier_highlight_get_quote (h), ==, "🏽");
  }

  /* The whole text, and the last code point. */
  {
    g_autoptr(DossierHighlight) whole = NULL;
    g_autoptr(DossierHighlight) last = NULL;
    gint64 all = add_tag (project, "All", 0);

    whole = get_highlight (project, dossier_project_tag_range (project, fixture->doc, 0, length,
                                                               all, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (dossier_highlight_get_quote (whole), ==, sample);
    g_assert_cmpstr (dossier_highlight_get_prefix (whole), ==, "");
    g_assert_cmpstr (dossier_highlight_get_suffix (whole), ==, "");

    /* (With "Words" it would merge into "end.", which touches it.) */
    last = get_highlight (project, dossier_project_tag_range (project, fixture->doc, length - 1,
                                                              length, add_tag (project, "Last", 0),
                                                              &error));
    g_assert_no_error (error);
    g_assert_cmpstr (dossier_highlight_get_quote (last), ==, ".");
  }
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  gint64 tag = add_tag (project, "Tag", 0);
  gint64 length = g_utf8_strlen (sample, -1);
  gint64 id;
  static const gint64 bad[][2] = { { -1, 3 }, { 5, 5 }, { 6, 5 }, { 0, G_MAXINT64 }, { 0, 0 } };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_cmpint (dossier_project_tag_range (project, fixture->doc, bad[i][0], bad[i][1],
                                                  tag, &error), ==, 0);
      g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (dossier_project_tag_range (project, fixture->doc, length - 2, length + 1,
                                              tag, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (dossier_project_tag_range (project, 999, 0, 1, tag, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_tag_range (project, fixture->doc, 0, 1, 999, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (dossier_project_add_highlight (project, fixture->doc, 0, 3, NULL, 0, "x",
                                                  &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_highlight (project, fixture->doc, 0, 3,
                                                  (gint64[]) { tag, 999 }, 2, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  id = dossier_project_tag_range (project, fixture->doc, 0, 2, tag, &error);
  g_assert_no_error (error);

  g_assert_false (dossier_project_set_highlight_memo (project, 999, "memo", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_project_delete_highlight (project, 999, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_project_add_highlight_tag (project, 999, tag, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_project_add_highlight_tag (project, id, 999, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_project_remove_highlight_tag (project, id, add_tag (project, "Unused", 0),
                                                        &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dossier_project_get_highlight (project, 999, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dossier_project_list_highlights (project, 999, 0, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dossier_project_list_highlights (project, 0, 999, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* None of it changed anything. */
  {
    g_autoptr(GPtrArray) all = list (project, 0, 0);

    g_assert_cmpuint (all->len, ==, 1);
  }
}

/* ---- tag_range ----------------------------------------------------------------------- */

static void
test_tag_range_merge (Fixture       *fixture,
                      gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(DossierHighlight) h = NULL;
  g_autofree char *expected = NULL;
  gint64 risks = add_tag (project, "Risks", 0);
  gint64 other = add_tag (project, "Other", 0);
  gint64 a, b, c, d, e;
  guint n_tags;

  /* Overlapping: [0, 10) then [5, 15) → one [0, 15). */
  a = dossier_project_tag_range (project, fixture->doc, 0, 10, risks, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_highlight_memo (project, a, "First.", &error));
  b = dossier_project_tag_range (project, fixture->doc, 5, 15, risks, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b, ==, a);
  h = get_highlight (project, a);
  g_assert_cmpint (dossier_highlight_get_start (h), ==, 0);
  g_assert_cmpint (dossier_highlight_get_end (h), ==, 15);
  expected = slice (sample, 0, 15);
  g_assert_cmpstr (dossier_highlight_get_quote (h), ==, expected);
  g_clear_object (&h);
  g_clear_pointer (&expected, g_free);

  /* Touching: [15, 20) → [0, 20). */
  b = dossier_project_tag_range (project, fixture->doc, 15, 20, risks, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b, ==, a);
  h = get_highlight (project, a);
  g_assert_cmpint (dossier_highlight_get_end (h), ==, 20);
  g_clear_object (&h);

  /* Inside it: nothing changes, not even the undo stack. */
  g_assert_cmpint (dossier_project_tag_range (project, fixture->doc, 3, 8, risks, &error), ==, a);
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Tag “Risks”");
  {
    g_autoptr(GPtrArray) all = list (project, fixture->doc, 0);

    g_assert_cmpuint (all->len, ==, 1);
  }

  /* Two apart, then a range bridging them: all three become one, memos
   * kept in order. */
  c = dossier_project_tag_range (project, fixture->doc, 30, 35, risks, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_highlight_memo (project, c, "Second.", &error));
  d = dossier_project_tag_range (project, fixture->doc, 40, 45, risks, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_highlight_memo (project, d, "Third.", &error));
  e = dossier_project_tag_range (project, fixture->doc, 18, 42, risks, &error);
  g_assert_no_error (error);
  g_assert_cmpint (e, ==, a);
  highlights = list (project, fixture->doc, 0);
  g_assert_cmpuint (highlights->len, ==, 1);
  h = g_object_ref (g_ptr_array_index (highlights, 0));
  g_assert_cmpint (dossier_highlight_get_start (h), ==, 0);
  g_assert_cmpint (dossier_highlight_get_end (h), ==, 45);
  g_assert_cmpstr (dossier_highlight_get_memo (h), ==, "First.\n\nSecond.\n\nThird.");
  expected = slice (sample, 0, 45);
  g_assert_cmpstr (dossier_highlight_get_quote (h), ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_object (&h);
  g_clear_pointer (&highlights, g_ptr_array_unref);

  /* Exactly the same range: the tag is added to it. */
  g_assert_cmpint (dossier_project_tag_range (project, fixture->doc, 0, 45, other, &error), ==, a);
  h = get_highlight (project, a);
  dossier_highlight_get_tag_ids (h, &n_tags);
  g_assert_cmpuint (n_tags, ==, 2);
  g_assert_cmpint (dossier_highlight_get_tag_ids (h, NULL)[0], ==, risks);
  g_assert_cmpint (dossier_highlight_get_tag_ids (h, NULL)[1], ==, other);
  g_clear_object (&h);

  /* A highlight with two tags is not merged: a new one is made. */
  b = dossier_project_tag_range (project, fixture->doc, 44, 50, risks, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b, !=, a);
  h = get_highlight (project, b);
  g_assert_cmpint (dossier_highlight_get_start (h), ==, 44);
  g_clear_object (&h);

  /* Another tag's highlight is not merged either. */
  c = dossier_project_tag_range (project, fixture->doc, 50, 55, other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c, !=, b);
  h = get_highlight (project, b);
  g_assert_cmpint (dossier_highlight_get_end (h), ==, 50);
  g_clear_object (&h);

  /* Counts follow. */
  g_assert_cmpuint (dossier_document_get_n_highlights (dossier_project_get_document (project, fixture->doc)), ==, 3);
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_get_tag (project, risks)), ==, 2);
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_get_tag (project, other)), ==, 2);
}

static void
test_merge_keeps_evidence (Fixture       *fixture,
                           gconstpointer  data)
{
  DossierProject *project = fixture->project;
  sqlite3 *db = dossier_project_get_db (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 tag = add_tag (project, "Mayor", 0);
  gint64 a, b;

  a = dossier_project_tag_range (project, fixture->doc, 0, 5, tag, &error);
  b = dossier_project_tag_range (project, fixture->doc, 10, 15, tag, &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("INSERT INTO stakeholders (id, uuid, name) VALUES (1, 'u1', 'Mayor');"
                         "INSERT INTO stakeholder_evidence (stakeholder, highlight, note) "
                         "VALUES (1, %" G_GINT64_FORMAT ", 'says so')", b);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (dossier_project_tag_range (project, fixture->doc, 4, 11, tag, &error), ==, a);
  g_assert_no_error (error);

  sqlite3_prepare_v2 (db, "SELECT highlight, note FROM stakeholder_evidence", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, a);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "says so");
  sqlite3_finalize (stmt);
}

/* ---- Tags and memos on highlights -------------------------------------------------------- */

typedef struct
{
  GArray *documents;
} Signals;

static void
on_highlights_changed (DossierProject *project,
                       gint64          document_id,
                       Signals        *signals)
{
  g_array_append_val (signals->documents, document_id);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_tags_and_memos (Fixture       *fixture,
                     gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = NULL;
  Signals signals = { g_array_new (FALSE, FALSE, sizeof (gint64)) };
  DossierDocument *document = dossier_project_get_document (project, fixture->doc);
  gint64 a = add_tag (project, "A", 0);
  gint64 b = add_tag (project, "B", 0);
  gint64 c = add_tag (project, "C", 0);
  guint doc_notifies = 0;
  guint tag_notifies = 0;
  const gint64 *ids;
  guint n_tags;
  gint64 id;

  g_signal_connect (project, "highlights-changed", G_CALLBACK (on_highlights_changed), &signals);
  g_signal_connect (document, "notify::n-highlights", G_CALLBACK (count_notify), &doc_notifies);
  g_signal_connect (dossier_project_get_tag (project, c), "notify::n-highlights",
                    G_CALLBACK (count_notify), &tag_notifies);

  id = dossier_project_add_highlight (project, fixture->doc, 3, 7, (gint64[]) { c, a, c }, 3,
                                      "Le café", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signals.documents->len, ==, 1);
  g_assert_cmpint (g_array_index (signals.documents, gint64, 0), ==, fixture->doc);
  g_assert_cmpuint (doc_notifies, ==, 1);
  g_assert_cmpuint (tag_notifies, ==, 1);
  g_assert_cmpuint (dossier_document_get_n_highlights (document), ==, 1);

  h = get_highlight (project, id);
  ids = dossier_highlight_get_tag_ids (h, &n_tags);
  g_assert_cmpuint (n_tags, ==, 2);
  g_assert_cmpint (ids[0], ==, c);
  g_assert_cmpint (ids[1], ==, a);
  g_assert_cmpstr (dossier_highlight_get_memo (h), ==, "Le café");
  g_assert_cmpstr (dossier_highlight_get_author (h), ==, dossier_project_get_author (project));
  g_assert_cmpstr (dossier_highlight_get_created (h), ==, dossier_highlight_get_modified (h));
  g_assert_true (g_str_has_suffix (dossier_highlight_get_created (h), "Z"));
  g_assert_true (g_uuid_string_is_valid (dossier_highlight_get_uuid (h)));
  g_assert_false (dossier_highlight_get_orphaned (h));
  g_clear_object (&h);

  /* Applied order is kept. */
  g_assert_true (dossier_project_add_highlight_tag (project, id, b, &error));
  g_assert_no_error (error);
  h = get_highlight (project, id);
  ids = dossier_highlight_get_tag_ids (h, &n_tags);
  g_assert_cmpuint (n_tags, ==, 3);
  g_assert_cmpint (ids[2], ==, b);
  g_clear_object (&h);

  /* Adding a tag it has is a no-op. */
  g_signal_handlers_block_by_func (project, on_highlights_changed, &signals);
  g_assert_true (dossier_project_add_highlight_tag (project, id, b, &error));
  g_signal_handlers_unblock_by_func (project, on_highlights_changed, &signals);

  g_assert_true (dossier_project_set_highlight_memo (project, id, "Une note — “courte”.", &error));
  g_assert_no_error (error);
  h = get_highlight (project, id);
  g_assert_cmpstr (dossier_highlight_get_memo (h), ==, "Une note — “courte”.");
  g_clear_object (&h);
  g_assert_true (dossier_project_set_highlight_memo (project, id, NULL, &error));
  h = get_highlight (project, id);
  g_assert_cmpstr (dossier_highlight_get_memo (h), ==, "");
  g_clear_object (&h);

  /* Removing tags; the last one takes the highlight with it. */
  g_assert_true (dossier_project_remove_highlight_tag (project, id, c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tag_notifies, ==, 2);
  g_assert_true (dossier_project_remove_highlight_tag (project, id, a, &error));
  g_assert_true (dossier_project_remove_highlight_tag (project, id, b, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_highlight (project, id, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (dossier_document_get_n_highlights (document), ==, 0);
  g_assert_cmpuint (doc_notifies, ==, 2);

  /* Delete. */
  id = dossier_project_tag_range (project, fixture->doc, 0, 2, a, &error);
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_get_tag (project, a)), ==, 1);
  g_assert_true (dossier_project_delete_highlight (project, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_get_tag (project, a)), ==, 0);
  g_assert_cmpuint (dossier_document_get_n_highlights (document), ==, 0);

  for (guint i = 0; i < signals.documents->len; i++)
    g_assert_cmpint (g_array_index (signals.documents, gint64, i), ==, fixture->doc);
  g_assert_cmpuint (signals.documents->len, ==, 9);

  g_signal_handlers_disconnect_by_data (project, &signals);
  g_signal_handlers_disconnect_by_data (document, &doc_notifies);
  g_signal_handlers_disconnect_by_data (dossier_project_get_tag (project, c), &tag_notifies);
  g_array_unref (signals.documents);
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) by_doc = NULL;
  g_autoptr(GPtrArray) by_tag = NULL;
  g_autoptr(GPtrArray) by_both = NULL;
  gint64 second = add_doc (project, "Second", "Another harbour, another pier, other costs.");
  gint64 risks = add_tag (project, "Risks", 0);
  gint64 cost = add_tag (project, "Cost", risks);
  gint64 jobs = add_tag (project, "Jobs", 0);

  dossier_project_tag_range (project, second, 8, 15, cost, &error);
  dossier_project_tag_range (project, fixture->doc, 20, 25, jobs, &error);
  dossier_project_tag_range (project, fixture->doc, 3, 7, risks, &error);
  dossier_project_tag_range (project, fixture->doc, 3, 9, cost, &error);
  g_assert_no_error (error);

  all = list (project, 0, 0);
  g_assert_cmpuint (all->len, ==, 4);
  /* Ordered by document, start, end. */
  g_assert_cmpint (dossier_highlight_get_document_id (g_ptr_array_index (all, 0)), ==, fixture->doc);
  g_assert_cmpint (dossier_highlight_get_end (g_ptr_array_index (all, 0)), ==, 7);
  g_assert_cmpint (dossier_highlight_get_end (g_ptr_array_index (all, 1)), ==, 9);
  g_assert_cmpint (dossier_highlight_get_start (g_ptr_array_index (all, 2)), ==, 20);
  g_assert_cmpint (dossier_highlight_get_document_id (g_ptr_array_index (all, 3)), ==, second);

  by_doc = list (project, second, 0);
  g_assert_cmpuint (by_doc->len, ==, 1);

  /* A tag includes its descendants. */
  by_tag = list (project, 0, risks);
  g_assert_cmpuint (by_tag->len, ==, 3);
  by_both = list (project, fixture->doc, cost);
  g_assert_cmpuint (by_both->len, ==, 1);
  g_assert_cmpint (dossier_highlight_get_end (g_ptr_array_index (by_both, 0)), ==, 9);
}

/* ---- Autocode ------------------------------------------------------------------------------- */

static void
test_autocode (Fixture       *fixture,
               gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  gint64 second = add_doc (project, "Second", "CAFÉ au lait; un café, deux cafés. Café!");
  gint64 drinks = add_tag (project, "Drinks", 0);
  gint64 numbers = add_tag (project, "Numbers", 0);
  gint64 n;

  /* Plain text, ignoring case, across documents. */
  n = dossier_project_autocode (project, drinks, "café", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 5);
  highlights = list (project, 0, drinks);
  g_assert_cmpuint (highlights->len, ==, 5);
  for (guint i = 0; i < highlights->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (dossier_highlight_get_quote (g_ptr_array_index (highlights, i)), -1);

      g_assert_cmpstr (folded, ==, "café");
    }
  g_clear_pointer (&highlights, g_ptr_array_unref);
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Autocode “Drinks”");

  /* Again: nothing new. */
  n = dossier_project_autocode (project, drinks, "CAFÉ", NULL, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);

  /* One undo step takes it all back. */
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  highlights = list (project, 0, drinks);
  g_assert_cmpuint (highlights->len, ==, 0);
  g_clear_pointer (&highlights, g_ptr_array_unref);

  /* A regular expression; adjacent matches merge (touching). */
  n = dossier_project_autocode (project, numbers, NULL, "[0-9]", fixture->doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 2);
  highlights = list (project, fixture->doc, numbers);
  g_assert_cmpuint (highlights->len, ==, 2);
  g_assert_cmpstr (dossier_highlight_get_quote (g_ptr_array_index (highlights, 0)), ==, "2");
  g_assert_cmpstr (dossier_highlight_get_quote (g_ptr_array_index (highlights, 1)), ==, "4");
  g_clear_pointer (&highlights, g_ptr_array_unref);
  n = dossier_project_autocode (project, numbers, NULL, "\\p{Han}+", fixture->doc, &error);
  g_assert_no_error (error);
  /* 港, 修理, 来年, 始, and 。 (Han by its script extensions). */
  g_assert_cmpint (n, ==, 5);
  highlights = list (project, fixture->doc, numbers);
  g_assert_cmpstr (dossier_highlight_get_quote (g_ptr_array_index (highlights, 2)), ==, "港");
  g_assert_cmpstr (dossier_highlight_get_quote (g_ptr_array_index (highlights, 3)), ==, "修理");
  g_clear_pointer (&highlights, g_ptr_array_unref);

  /* Empty matches are skipped. */
  n = dossier_project_autocode (project, numbers, NULL, "x*", fixture->doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);

  /* Errors. */
  g_assert_cmpint (dossier_project_autocode (project, numbers, NULL, "(unclosed", 0, &error), ==, -1);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "(unclosed"));
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_autocode (project, numbers, "a", "b", 0, &error), ==, -1);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_autocode (project, numbers, NULL, NULL, 0, &error), ==, -1);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_autocode (project, 999, "a", NULL, 0, &error), ==, -1);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_autocode (project, numbers, "a", NULL, 999, &error), ==, -1);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* Matches after emoji (outside the BMP), CJK, combining accents and curly
 * quotes land on the characters matched, not bytes or UTF-16 units away. */
static void
test_autocode_offsets (Fixture       *fixture,
                       gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  static const char text[] =
    "🚋😀 港湾の“Quai” — nai\xcc\x88ve Zoë.\n"
    "HARBOUR dues, harbour fees; Ἀθῆναι harbour🚋harbour.\n"
    "ΟΔΟΣ and οδος and οδοσ; Straße.";
  gint64 doc = add_doc (project, "Offsets", text);
  gint64 tag = add_tag (project, "Harbour", 0);
  gint64 other = add_tag (project, "Roads", 0);
  const gint64 expected[] = { 27, 34, 41, 48, 62, 69, 70, 77 };
  gint64 n;

  n = dossier_project_autocode (project, tag, "Harbour", NULL, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 4);
  highlights = list (project, doc, tag);
  g_assert_cmpuint (highlights->len, ==, 4);
  for (guint i = 0; i < highlights->len; i++)
    {
      DossierHighlight *h = g_ptr_array_index (highlights, i);
      g_autofree char *folded = g_utf8_casefold (dossier_highlight_get_quote (h), -1);

      g_assert_cmpint (dossier_highlight_get_start (h), ==, expected[2 * i]);
      g_assert_cmpint (dossier_highlight_get_end (h), ==, expected[2 * i + 1]);
      g_assert_cmpstr (folded, ==, "harbour");
    }
  g_assert_cmpstr (dossier_highlight_get_prefix (g_ptr_array_index (highlights, 3)), ==,
                   "s, harbour fees; Ἀθῆναι harbour🚋");
  g_clear_pointer (&highlights, g_ptr_array_unref);

  /* The same through a regular expression. */
  g_assert_true (dossier_project_undo (project, &error));
  n = dossier_project_autocode (project, tag, NULL, "(?i)harbour", doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 4);
  highlights = list (project, doc, tag);
  for (guint i = 0; i < highlights->len; i++)
    {
      g_assert_cmpint (dossier_highlight_get_start (g_ptr_array_index (highlights, i)), ==, expected[2 * i]);
      g_assert_cmpint (dossier_highlight_get_end (g_ptr_array_index (highlights, i)), ==, expected[2 * i + 1]);
    }
  g_clear_pointer (&highlights, g_ptr_array_unref);

  /* Case folding meets the forms of one letter (Σ, σ, final ς); a match
   * typed with a combining accent finds the composed text. */
  n = dossier_project_autocode (project, other, "οδοσ", NULL, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3);
  n = dossier_project_autocode (project, other, "NAI\xcc\x88VE", NULL, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);  /* the text keeps its combining accent: not NFC */
  n = dossier_project_autocode (project, other, "zoe\xcc\x88", NULL, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  highlights = list (project, doc, other);
  g_assert_cmpuint (highlights->len, ==, 4);
  g_assert_cmpstr (dossier_highlight_get_quote (g_ptr_array_index (highlights, 0)), ==, "Zoë");
  g_assert_cmpint (dossier_highlight_get_start (g_ptr_array_index (highlights, 0)), ==, 22);
  g_clear_pointer (&highlights, g_ptr_array_unref);

  /* Not UTF-8: refused, nothing done. */
  g_assert_cmpint (dossier_project_autocode (project, other, "caf\xe9", NULL, doc, &error), ==, -1);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
}

/* A pattern that backtracks deeply over a long text: PCRE2's JIT runs out
 * of stack where its interpreter does not, and the result is the same. */
static void
test_autocode_deep_pattern (Fixture       *fixture,
                            gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GString) text = g_string_new ("Long: ");
  gint64 doc, tag = add_tag (project, "Long", 0);

  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "abé");
  g_string_append (text, "c.");
  doc = add_doc (project, "Long", text->str);

  g_assert_cmpint (dossier_project_autocode (project, tag, NULL, "(a|b|é)*c", doc, &error), ==, 1);
  g_assert_no_error (error);
  highlights = list (project, doc, tag);
  g_assert_cmpuint (highlights->len, ==, 1);
  g_assert_cmpint (dossier_highlight_get_start (g_ptr_array_index (highlights, 0)), ==, 6);
  g_assert_cmpint (dossier_highlight_get_end (g_ptr_array_index (highlights, 0)), ==, 6 + 150000 + 1);
}

/* One highlight's state, to compare two projects by. */
static char *
describe_highlights (DossierProject *project,
                     gint64          doc)
{
  g_autoptr(GPtrArray) highlights = list (project, doc, 0);
  sqlite3 *db = dossier_project_get_db (project);
  GString *s = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < highlights->len; i++)
    {
      DossierHighlight *h = g_ptr_array_index (highlights, i);
      guint n_tags = 0;
      const gint64 *tags = dossier_highlight_get_tag_ids (h, &n_tags);

      g_string_append_printf (s, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " «%s» [%s|%s] memo=«%s» tags=",
                              dossier_highlight_get_start (h), dossier_highlight_get_end (h),
                              dossier_highlight_get_quote (h), dossier_highlight_get_prefix (h),
                              dossier_highlight_get_suffix (h), dossier_highlight_get_memo (h));
      for (guint t = 0; t < n_tags; t++)
        g_string_append_printf (s, "%" G_GINT64_FORMAT " ", tags[t]);
      g_string_append_c (s, '\n');
    }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT h.start, h.end, e.note FROM stakeholder_evidence e "
                                           "JOIN highlights h ON h.id = e.highlight "
                                           "ORDER BY h.start, h.end, e.note", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (s, "evidence %lld-%lld %s\n", sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_int64 (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);

  return g_string_free (s, FALSE);
}

/* Autocode gives what tagging each match in turn gives, over a text with
 * highlights already there: some of the tag alone (with memos and
 * evidence), some with other tags too, some of exactly a match's range,
 * matches that touch each other and bridge existing highlights. */
static void
test_autocode_same_as_tagging (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char *words[] = {
    "港湾", "café", "🚋", "naïve", "harbour", "ab", "12", "7", "“quay”", "Zoë", "é", "x",
  };
  static const char *patterns[] = {
    "[0-9]", "[0-9]+", "a|b", "港|湾", "\\w+", "[éa]+", "harbour \\w+", "(?<=b)\\w", "🚋|x",
  };
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "reference.dossier", NULL);
  g_autoptr(DossierProject) reference = dossier_project_create (path, "Reference", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GString) text = g_string_new (NULL);
  DossierProject *both[2] = { project, reference };
  gint64 doc[2], tags[2][3];
  gint64 length;

  g_assert_no_error (error);
  for (guint i = 0; i < 400; i++)
    {
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (text, g_rand_int_range (rand, 0, 4) == 0 ? "" : g_rand_boolean (rand) ? " " : ", ");
    }
  length = g_utf8_strlen (text->str, -1);

  for (guint p = 0; p < 2; p++)
    {
      doc[p] = add_doc (both[p], "Same", text->str);
      tags[p][0] = add_tag (both[p], "A", 0);
      tags[p][1] = add_tag (both[p], "B", 0);
      tags[p][2] = add_tag (both[p], "C", 0);
      g_assert_cmpint (sqlite3_exec (dossier_project_get_db (both[p]),
                                     "INSERT INTO stakeholders (id, uuid, name) VALUES (1, 'u1', 'Who')",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
    }

  /* The same highlights in both (ids included). */
  for (guint i = 0; i < 120; i++)
    {
      gint64 start = g_rand_int_range (rand, 0, length - 1);
      gint64 end = MIN (length, start + 1 + g_rand_int_range (rand, 0, i % 3 == 0 ? 40 : 6));
      guint kind = g_rand_int_range (rand, 0, 4);
      gint64 chosen[2] = { tags[0][kind % 2], tags[0][2] };
      g_autofree char *memo = g_rand_int_range (rand, 0, 3) == 0 ? g_strdup_printf ("memo %u", i) : NULL;
      gboolean evidence = g_rand_int_range (rand, 0, 5) == 0;

      for (guint p = 0; p < 2; p++)
        {
          gint64 id = dossier_project_add_highlight (both[p], doc[p], start, end, chosen,
                                                     kind >= 2 ? 2 : 1, memo, &error);

          g_assert_no_error (error);
          if (evidence)
            {
              g_autofree char *sql = g_strdup_printf ("INSERT INTO stakeholder_evidence "
                                                      "(stakeholder, highlight, note) "
                                                      "VALUES (1, %" G_GINT64_FORMAT ", 'note %u')",
                                                      id, i);

              g_assert_cmpint (sqlite3_exec (dossier_project_get_db (both[p]), sql, NULL, NULL, NULL),
                               ==, SQLITE_OK);
            }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[i], 0, 0, NULL);
      g_autoptr(GMatchInfo) match_info = NULL;
      g_autofree char *got = NULL;
      g_autofree char *want = NULL;
      gint64 tag = tags[0][i % 2];
      gint64 made;

      made = dossier_project_autocode (project, tag, NULL, patterns[i], doc[0], &error);
      g_assert_no_error (error);
      g_assert_cmpint (made, >, 0);

      /* The reference: each match tagged in turn. */
      g_regex_match (regex, text->str, G_REGEX_MATCH_NOTEMPTY, &match_info);
      while (g_match_info_matches (match_info))
        {
          int a, b;

          g_match_info_fetch_pos (match_info, 0, &a, &b);
          dossier_project_tag_range (reference, doc[1],
                                     g_utf8_pointer_to_offset (text->str, text->str + a),
                                     g_utf8_pointer_to_offset (text->str, text->str + b),
                                     tag, &error);
          g_assert_no_error (error);
          g_match_info_next (match_info, NULL);
        }

      got = describe_highlights (project, doc[0]);
      want = describe_highlights (reference, doc[1]);
      g_test_message ("%s", patterns[i]);
      g_assert_cmpstr (got, ==, want);
    }

  dossier_project_close (reference);
}

/* ---- Replacing the text --------------------------------------------------------------------- */

static void
on_text_changed (DossierProject *project,
                 gint64          document_id,
                 gint64         *seen)
{
  *seen = document_id;
}

static void
test_replace_text (Fixture       *fixture,
                   gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) newer = NULL;
  g_autoptr(GArray) orphans = NULL;
  g_autoptr(GArray) listed = NULL;
  g_autoptr(DossierHighlight) h = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GArray) blocks = NULL;
  const char *text = "Le café «Marée» rouvre — “enfin”.\nNothing about the pier any more.";
  gint64 tag = add_tag (project, "Tag", 0);
  gint64 seen = 0;
  gint64 cafe, enfin, pier, start;
  gint64 length_before = dossier_document_get_length (dossier_project_get_document (project, fixture->doc));

  start = g_utf8_pointer_to_offset (sample, strstr (sample, "café"));
  cafe = dossier_project_tag_range (project, fixture->doc, start, start + 4, tag, &error);
  start = g_utf8_pointer_to_offset (sample, strstr (sample, "“enfin”"));
  enfin = dossier_project_tag_range (project, fixture->doc, start, start + 7, tag, &error);
  start = g_utf8_pointer_to_offset (sample, strstr (sample, "repair costs €2.4 m 😀"));
  pier = dossier_project_tag_range (project, fixture->doc, start, start + 21, tag, &error);
  g_assert_no_error (error);

  g_signal_connect (project, "document-text-changed", G_CALLBACK (on_text_changed), &seen);

  newer = make_doc ("Marée", text);
  g_array_set_size (newer->blocks, 0);
  g_array_append_val (newer->blocks, ((DossierBlock) { 0, 33, DOSSIER_BLOCK_TITLE, 0 }));
  g_assert_true (dossier_project_replace_document_text (project, fixture->doc, newer, &orphans,
                                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen, ==, fixture->doc);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpint (g_array_index (orphans, gint64, 0), ==, pier);

  g_assert_cmpint (dossier_document_get_length (dossier_project_get_document (project, fixture->doc)),
                   ==, g_utf8_strlen (text, -1));
  blocks = dossier_project_get_document_blocks (project, fixture->doc, &error);
  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpint (g_array_index (blocks, DossierBlock, 0).kind, ==, DOSSIER_BLOCK_TITLE);

  h = get_highlight (project, cafe);
  g_assert_cmpstr (dossier_highlight_get_quote (h), ==, "café");
  g_assert_cmpint (dossier_highlight_get_start (h), ==, 3);
  g_clear_object (&h);
  h = get_highlight (project, enfin);
  g_assert_cmpstr (dossier_highlight_get_quote (h), ==, "“enfin”");
  g_assert_cmpint (dossier_highlight_get_start (h), ==, g_utf8_pointer_to_offset (text, strstr (text, "“enfin”")));
  g_clear_object (&h);

  /* The orphan is kept, flagged, and listed apart. */
  h = get_highlight (project, pier);
  g_assert_true (dossier_highlight_get_orphaned (h));
  g_assert_cmpstr (dossier_highlight_get_quote (h), ==, "repair costs €2.4 m 😀");
  g_clear_object (&h);
  listed = dossier_project_list_orphans (project, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (g_array_index (listed, gint64, 0), ==, pier);
  highlights = list (project, fixture->doc, 0);
  g_assert_cmpuint (highlights->len, ==, 2);
  g_clear_pointer (&highlights, g_ptr_array_unref);

  /* One undo step restores the old text and the highlights. */
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_document_get_length (dossier_project_get_document (project, fixture->doc)),
                   ==, length_before);
  h = get_highlight (project, pier);
  g_assert_false (dossier_highlight_get_orphaned (h));
  g_clear_object (&h);
  highlights = list (project, fixture->doc, 0);
  g_assert_cmpuint (highlights->len, ==, 3);
  g_clear_pointer (&listed, g_array_unref);
  listed = dossier_project_list_orphans (project, fixture->doc, &error);
  g_assert_cmpuint (listed->len, ==, 0);

  g_signal_handlers_disconnect_by_data (project, &seen);
}

/* ---- Code-point offsets ----------------------------------------------------------------------- */

/* The index that places quotes (counted eight bytes at a time) gives what
 * walking the text character by character gives: for every offset of
 * texts of 1–4-byte characters in every mix, around every checkpoint. */
static void
test_offset_index (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *chars[] = { "a", " ", "\xc3\xa9", "\xe2\x80\x9c", "\xe6\xb8\xaf", "\xf0\x9f\x98\x80", "\n" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = round < 100 ? round : (guint) g_rand_int_range (rand, 100, 2000);
      /* Some texts all ASCII, some all wide, most mixed. */
      guint lo = round % 3 == 1 ? 4 : 0;
      guint hi = round % 3 == 2 ? 2 : G_N_ELEMENTS (chars);
      DossierOffsetIndex index = { 0 };
      const char *p;

      for (guint i = 0; i < n; i++)
        g_string_append (text, chars[g_rand_int_range (rand, lo, hi)]);

      dossier_offset_index_init (&index, text->str);
      g_assert_cmpint (index.length, ==, g_utf8_strlen (text->str, -1));
      g_assert_cmpuint (index.n_bytes, ==, text->len);
      p = text->str;
      for (gint64 offset = 0; offset <= index.length; offset++)
        {
          g_assert_cmpuint (dossier_offset_index_bytes (&index, offset), ==, (gsize) (p - text->str));
          if (*p != '\0')
            p = g_utf8_next_char (p);
        }
      g_assert_cmpuint (dossier_offset_index_bytes (&index, index.length + 5), ==, text->len);
      dossier_offset_index_clear (&index);
    }
}

/* ---- Listing a document again ---------------------------------------------------------------- */

/* Everything a snapshot says, one line per highlight. */
static char *
describe_list (GPtrArray *highlights,
               gint64     doc)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < highlights->len; i++)
    {
      DossierHighlight *h = g_ptr_array_index (highlights, i);
      guint n_tags = 0;
      const gint64 *tags = dossier_highlight_get_tag_ids (h, &n_tags);

      if (dossier_highlight_get_document_id (h) != doc)
        continue;
      g_string_append_printf (s, "%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                              " «%s» [%s|%s] memo=«%s» by %s %s %s%s tags=",
                              dossier_highlight_get_id (h), dossier_highlight_get_uuid (h),
                              dossier_highlight_get_start (h), dossier_highlight_get_end (h),
                              dossier_highlight_get_quote (h), dossier_highlight_get_prefix (h),
                              dossier_highlight_get_suffix (h), dossier_highlight_get_memo (h),
                              dossier_highlight_get_author (h), dossier_highlight_get_created (h),
                              dossier_highlight_get_modified (h),
                              dossier_highlight_get_orphaned (h) ? " orphaned" : "");
      for (guint t = 0; t < n_tags; t++)
        g_string_append_printf (s, "%" G_GINT64_FORMAT " ", tags[t]);
      g_string_append_c (s, '\n');
    }

  return g_string_free (s, FALSE);
}

/* The project keeps a document's last listing and reads again only what
 * changed: whatever happened, listing a document gives what a project
 * opened afresh on the file lists, and what listing every document gives
 * for it. */
static void
assert_listing_fresh (DossierProject *project,
                      gint64          doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) fresh = dossier_project_open (dossier_project_get_path (project),
                                                          DOSSIER_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) listed = list (project, doc, 0);
  g_autoptr(GPtrArray) again = list (project, doc, 0);
  g_autoptr(GPtrArray) all = list (project, 0, 0);
  g_autoptr(GPtrArray) reopened = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *got_again = NULL;
  g_autofree char *from_all = NULL;

  g_assert_no_error (error);
  reopened = list (fresh, doc, 0);
  expected = describe_list (reopened, doc);
  got = describe_list (listed, doc);
  got_again = describe_list (again, doc);
  from_all = describe_list (all, doc);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpstr (got_again, ==, expected);
  g_assert_cmpstr (from_all, ==, expected);
  dossier_project_close (fresh);
}

static guint
index_of_id (GPtrArray *highlights,
             gint64     id)
{
  for (guint i = 0; i < highlights->len; i++)
    if (dossier_highlight_get_id (g_ptr_array_index (highlights, i)) == id)
      return i;
  g_assert_not_reached ();
}

static void
test_list_again (Fixture       *fixture,
                 gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(DossierParsedDocument) newer = NULL;
  g_autoptr(GArray) orphans = NULL;
  const char *other_text = "Another harbour, another pier, other costs; the harbour again.";
  gint64 other = add_doc (project, "Other", other_text);
  gint64 a = add_tag (project, "A", 0);
  gint64 b = add_tag (project, "B", 0);
  gint64 c = add_tag (project, "C", b);
  gint64 doc = fixture->doc;
  gint64 h1, h2, h3, h4;
  sqlite3 *raw = NULL;
  g_autofree char *sql = NULL;

  /* Listed before anything exists, then after each kind of change, both
   * documents in turn (each keeps its own listing). */
  assert_listing_fresh (project, doc);
  assert_listing_fresh (project, other);

  h1 = dossier_project_tag_range (project, doc, 3, 7, a, &error);
  g_assert_no_error (error);
  h2 = dossier_project_add_highlight (project, doc, 10, 20, (gint64[]) { c, a }, 2, "Deux tags", &error);
  g_assert_no_error (error);
  h3 = dossier_project_tag_range (project, other, 8, 15, b, &error);
  g_assert_no_error (error);
  assert_listing_fresh (project, doc);
  assert_listing_fresh (project, other);

  /* An unchanged highlight is handed out again as the same object; a
   * changed one as a new object, with the change. */
  before = list (project, doc, 0);
  g_assert_true (dossier_project_set_highlight_memo (project, h2, "Changée", &error));
  g_assert_no_error (error);
  after = list (project, doc, 0);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_true (g_ptr_array_index (after, index_of_id (after, h1)) ==
                 g_ptr_array_index (before, index_of_id (before, h1)));
  g_assert_true (g_ptr_array_index (after, index_of_id (after, h2)) !=
                 g_ptr_array_index (before, index_of_id (before, h2)));
  g_assert_cmpstr (dossier_highlight_get_memo (g_ptr_array_index (before, index_of_id (before, h2))), ==,
                   "Deux tags");
  g_assert_cmpstr (dossier_highlight_get_memo (g_ptr_array_index (after, index_of_id (after, h2))), ==,
                   "Changée");
  assert_listing_fresh (project, doc);

  /* Tags added and removed, in the order applied. */
  g_assert_true (dossier_project_add_highlight_tag (project, h1, b, &error));
  g_assert_true (dossier_project_add_highlight_tag (project, h1, c, &error));
  g_assert_true (dossier_project_remove_highlight_tag (project, h2, c, &error));
  g_assert_no_error (error);
  assert_listing_fresh (project, doc);

  /* Merging: the selection bridges two highlights of A alone. */
  h4 = dossier_project_tag_range (project, doc, 30, 35, a, &error);
  g_assert_no_error (error);
  assert_listing_fresh (project, doc);
  g_assert_cmpint (dossier_project_tag_range (project, doc, 33, 42, a, &error), ==, h4);
  assert_listing_fresh (project, doc);

  /* Deleting, undoing and redoing. */
  g_assert_true (dossier_project_delete_highlight (project, h2, &error));
  assert_listing_fresh (project, doc);
  g_assert_true (dossier_project_undo (project, &error));
  assert_listing_fresh (project, doc);
  g_assert_true (dossier_project_undo (project, &error));
  assert_listing_fresh (project, doc);
  g_assert_true (dossier_project_redo (project, &error));
  g_assert_no_error (error);
  assert_listing_fresh (project, doc);
  assert_listing_fresh (project, other);

  /* Many at once: autocode over both documents. */
  g_assert_cmpint (dossier_project_autocode (project, c, "harbour", NULL, 0, &error), ==, 2);
  g_assert_cmpint (dossier_project_autocode (project, b, NULL, "[a-zé]+", doc, &error), >, 10);
  g_assert_no_error (error);
  assert_listing_fresh (project, doc);
  assert_listing_fresh (project, other);

  /* Cascades: a deleted tag leaves its highlights (or deletes those it
   * was the only tag of); a merged one hands them to another. */
  g_assert_true (dossier_project_delete_tag (project, c, &error));
  g_assert_no_error (error);
  assert_listing_fresh (project, doc);
  assert_listing_fresh (project, other);
  g_assert_true (dossier_project_undo (project, &error));
  assert_listing_fresh (project, other);
  g_assert_true (dossier_project_merge_tags (project, b, a, &error));
  g_assert_no_error (error);
  assert_listing_fresh (project, doc);
  assert_listing_fresh (project, other);

  /* Re-anchoring: highlights move, some become orphans and leave the list. */
  newer = make_doc ("Marée", "Le café «Marée» rouvre — “enfin”, dit Zoë. Rien d’autre.");
  g_assert_true (dossier_project_replace_document_text (project, doc, newer, &orphans, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (orphans->len, >, 0);
  assert_listing_fresh (project, doc);
  g_assert_true (dossier_project_undo (project, &error));
  assert_listing_fresh (project, doc);

  /* Rows changed behind the project's back: through its own connection
   * outside any action, and by another connection. */
  sql = g_strdup_printf ("UPDATE highlights SET memo = 'changed raw' WHERE id = %" G_GINT64_FORMAT, h1);
  g_assert_cmpint (sqlite3_exec (dossier_project_get_db (project), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  assert_listing_fresh (project, doc);
  g_assert_cmpint (sqlite3_open (dossier_project_get_path (project), &raw), ==, SQLITE_OK);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE highlights SET memo = 'changed elsewhere' WHERE id = %" G_GINT64_FORMAT, h1);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list (project, doc, 0);
  g_assert_cmpstr (dossier_highlight_get_memo (g_ptr_array_index (after, index_of_id (after, h1))), ==,
                   "changed elsewhere");
  assert_listing_fresh (project, doc);

  /* A deleted document is not listed from what was kept. */
  g_assert_true (dossier_project_delete_document (project, other, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_list_highlights (project, other, 0, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_listing_fresh (project, doc);
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  assert_listing_fresh (project, other);
  (void) h3;
}

/* With the document's live list held (as the window holds it), tagging
 * finds the highlights it joins through the list: a long one deleted and
 * brought back by undo is found again, a passage inside it changes
 * nothing. */
static void
test_tag_range_live_list (Fixture       *fixture,
                          gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) live = dossier_project_get_highlights (project, fixture->doc, &error);
  gint64 length = dossier_document_get_length (dossier_project_get_document (project, fixture->doc));
  gint64 risks = add_tag (project, "Risks", 0);
  gint64 whole, short_one;

  g_assert_no_error (error);
  short_one = dossier_project_tag_range (project, fixture->doc, 2, 4, risks, &error);
  g_assert_no_error (error);
  whole = dossier_project_tag_range (project, fixture->doc, 10, length, risks, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 2);

  g_assert_true (dossier_project_delete_highlight (project, whole, &error));
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 2);

  /* Far from its start, inside it. */
  g_assert_cmpint (dossier_project_tag_range (project, fixture->doc, length - 5, length - 2, risks, &error),
                   ==, whole);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 2);
  /* Reaching from the short one into it: one highlight. */
  g_assert_cmpint (dossier_project_tag_range (project, fixture->doc, 3, 12, risks, &error), ==, short_one);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/highlights/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("non-ascii", test_non_ascii);
  ADD ("bad-input", test_bad_input);
  ADD ("tag-range-merge", test_tag_range_merge);
  ADD ("tag-range-live-list", test_tag_range_live_list);
  ADD ("merge-keeps-evidence", test_merge_keeps_evidence);
  ADD ("tags-and-memos", test_tags_and_memos);
  ADD ("list-filters", test_list_filters);
  ADD ("list-again", test_list_again);
  ADD ("offset-index", test_offset_index);
  ADD ("autocode", test_autocode);
  ADD ("autocode-offsets", test_autocode_offsets);
  ADD ("autocode-deep-pattern", test_autocode_deep_pattern);
  ADD ("autocode-same-as-tagging", test_autocode_same_as_tagging);
  ADD ("replace-text", test_replace_text);

  return g_test_run ();
}
