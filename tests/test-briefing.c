/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-briefing.c — briefing notes in a project: each change one undoable
 * action, the model in step; citations read afresh from the highlights
 * (live after a memo, a tag or re-anchoring changes them, marked when the
 * highlight goes or its passage leaves the text, refused when the quote
 * no longer matches); the evidence meter. */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "dossier-project-private.h"
#include "test-util.h"

static const char article[] =
  "# Port Calder closes its bridge\n"
  "\n"
  "The council voted 31 to 24 on Tuesday.\n"
  "\n"
  "## The money\n"
  "\n"
  "The national grant is £72 million, on condition that work begins before 2027.\n"
  "\n"
  "## The shops\n"
  "\n"
  "64 per cent of traders expect to lose trade — «une perte» 🚋 for 周美林’s shop.\n";

static gint64
import_markdown (DossierProject *project,
                 const char     *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_MARKDOWN,
                                                     "article.md", &error);

  g_assert_no_error (error);
  return add_parsed_doc (project, doc);
}

static char *
uuid_of (DossierProject *project,
         gint64          highlight)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = dossier_project_get_highlight (project, highlight, &error);

  g_assert_no_error (error);
  return g_strdup (dossier_highlight_get_uuid (h));
}

typedef struct
{
  guint added;
  guint removed;
  guint changes;
} ItemsCount;

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     ItemsCount *count)
{
  count->added += added;
  count->removed += removed;
  count->changes++;
}

/* ---- The model and its actions ---------------------------------------------- */

static void
test_add_and_undo (TestProject   *fixture,
                   gconstpointer  data)
{
  DossierProject *project = fixture->project;
  GListModel *briefings = dossier_project_get_briefings (project);
  g_autoptr(GError) error = NULL;
  gint64 docs[2];
  const gint64 *ids;
  guint n_ids;
  ItemsCount count = { 0 };
  DossierBriefing *briefing;
  gint64 id;

  docs[0] = add_doc (project, "Tribune", "One article.");
  docs[1] = add_doc (project, "Ledger", "Another article.");
  g_signal_connect (briefings, "items-changed", G_CALLBACK (count_items_changed), &count);

  id = dossier_project_add_briefing (project, "  Harbour Bridge note  ", docs, 2,
                                     "# Purpose\r\n\r\nDecide.\rNow.\x01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 1);
  g_assert_cmpuint (count.added, ==, 1);
  briefing = dossier_project_get_briefing (project, id);
  g_assert_nonnull (briefing);
  g_assert_cmpstr (dossier_briefing_get_title (briefing), ==, "Harbour Bridge note");
  /* Line endings made LF, control characters dropped. */
  g_assert_cmpstr (dossier_briefing_get_body (briefing), ==, "# Purpose\n\nDecide.\nNow.");
  g_assert_true (dossier_markdown_is_uuid (dossier_briefing_get_uuid (briefing)));
  g_assert_nonnull (dossier_briefing_get_created (briefing));
  ids = dossier_briefing_get_document_ids (briefing, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpint (ids[0], ==, docs[0]);
  g_assert_cmpint (ids[1], ==, docs[1]);
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "New Briefing");

  /* Undo removes it, redo brings it back: the same UUID, the same body. */
  g_object_ref (briefing);
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 0);
  g_assert_null (dossier_project_get_briefing (project, id));
  g_assert_true (dossier_project_redo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 1);
  {
    DossierBriefing *again = dossier_project_get_briefing (project, id);

    g_assert_cmpstr (dossier_briefing_get_uuid (again), ==, dossier_briefing_get_uuid (briefing));
    g_assert_cmpstr (dossier_briefing_get_body (again), ==, "# Purpose\n\nDecide.\nNow.");
    ids = dossier_briefing_get_document_ids (again, &n_ids);
    g_assert_cmpuint (n_ids, ==, 2);
  }
  g_object_unref (briefing);

  /* Reopening reads the same. */
  {
    g_autoptr(DossierProject) reopened = NULL;

    g_clear_object (&fixture->project);
    reopened = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    briefing = dossier_project_get_briefing (reopened, id);
    g_assert_nonnull (briefing);
    g_assert_cmpstr (dossier_briefing_get_title (briefing), ==, "Harbour Bridge note");
    ids = dossier_briefing_get_document_ids (briefing, &n_ids);
    g_assert_cmpuint (n_ids, ==, 2);
    g_assert_cmpint (ids[1], ==, docs[1]);
    g_clear_object (&reopened);
    fixture->project = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_WRITE, &error);
    g_assert_no_error (error);
  }
}

static void
test_refusals (TestProject   *fixture,
               gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  gint64 doc = add_doc (project, "Tribune", "One article.");
  gint64 twice[2] = { doc, doc };
  gint64 missing = doc + 100;
  g_autofree char *huge = NULL;
  gint64 id;

  g_assert_cmpint (dossier_project_add_briefing (project, "   ", NULL, 0, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_briefing (project, "Note", twice, 2, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_briefing (project, "Note", &missing, 1, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_briefing (project, "Note", NULL, 0, "bad \xff", &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  huge = g_malloc (DOSSIER_BRIEFING_MAX_BODY + 2);
  memset (huge, 'a', DOSSIER_BRIEFING_MAX_BODY + 1);
  huge[DOSSIER_BRIEFING_MAX_BODY + 1] = '\0';
  g_assert_cmpint (dossier_project_add_briefing (project, "Note", NULL, 0, huge, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing was made, nothing to undo. */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_briefings (project)), ==, 0);
  g_assert_cmpstr (dossier_project_get_undo_label (project), !=, "New Briefing");

  id = dossier_project_add_briefing (project, "Note", &doc, 1, "Body", &error);
  g_assert_no_error (error);
  g_assert_false (dossier_project_set_briefing_title (project, id, "", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_briefing_body (project, id + 1, "x", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_briefing_documents (project, id, twice, 2, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_delete_briefing (project, id + 1, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (dossier_briefing_get_body (dossier_project_get_briefing (project, id)), ==, "Body");

  /* A read-only project refuses, saying so. */
  {
    g_autoptr(DossierProject) reader = NULL;

    reader = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_false (dossier_project_set_briefing_body (reader, id, "Changed", &error));
    g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_edits (TestProject   *fixture,
            gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  gint64 docs[3];
  gint64 reordered[2];
  DossierBriefing *briefing;
  const gint64 *ids;
  guint n_ids;
  gint64 id;

  docs[0] = add_doc (project, "A", "First.");
  docs[1] = add_doc (project, "B", "Second.");
  docs[2] = add_doc (project, "C", "Third.");
  id = dossier_project_add_briefing (project, "Note", docs, 2, "Draft one.", &error);
  g_assert_no_error (error);
  briefing = dossier_project_get_briefing (project, id);
  g_signal_connect (briefing, "notify", G_CALLBACK (on_notify), log);

  /* One edit, one step, labelled with the title. */
  g_assert_true (dossier_project_set_briefing_body (project, id, "Draft two.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_briefing_get_body (briefing), ==, "Draft two.");
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Edit “Note”");
  g_assert_nonnull (strstr (log->str, "body;"));
  g_assert_cmpstr (dossier_briefing_get_modified (briefing), >=, dossier_briefing_get_created (briefing));

  /* The same body again is no step at all. */
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_briefing_get_body (briefing), ==, "Draft one.");
  g_assert_true (dossier_project_redo (project, &error));
  g_assert_true (dossier_project_set_briefing_body (project, id, "Draft two.", &error));
  g_assert_no_error (error);
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_cmpstr (dossier_briefing_get_body (briefing), ==, "Draft one.");
  g_assert_true (dossier_project_redo (project, &error));

  g_assert_true (dossier_project_set_briefing_title (project, id, " Final note ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_briefing_get_title (briefing), ==, "Final note");
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Rename Briefing");

  /* Documents: chosen and ordered; the same list is no step. */
  reordered[0] = docs[2];
  reordered[1] = docs[0];
  g_string_truncate (log, 0);
  g_assert_true (dossier_project_set_briefing_documents (project, id, reordered, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, !=, "");
  ids = dossier_briefing_get_document_ids (briefing, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpint (ids[0], ==, docs[2]);
  g_assert_cmpint (ids[1], ==, docs[0]);
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Choose Documents to Compare");
  g_assert_true (dossier_project_set_briefing_documents (project, id, reordered, 2, &error));
  g_assert_true (dossier_project_undo (project, &error));
  ids = dossier_briefing_get_document_ids (briefing, &n_ids);
  g_assert_cmpint (ids[0], ==, docs[0]);
  g_assert_cmpint (ids[1], ==, docs[1]);
  g_assert_true (dossier_project_redo (project, &error));

  /* A deleted document leaves the briefing; undo puts it back in place. */
  g_assert_true (dossier_project_delete_document (project, docs[2], &error));
  g_assert_no_error (error);
  ids = dossier_briefing_get_document_ids (briefing, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, docs[0]);
  g_assert_true (dossier_project_undo (project, &error));
  ids = dossier_briefing_get_document_ids (briefing, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpint (ids[0], ==, docs[2]);

  /* Delete with undo. */
  g_assert_true (dossier_project_delete_briefing (project, id, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_briefing (project, id));
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Delete Briefing");
  g_assert_true (dossier_project_undo (project, &error));
  briefing = dossier_project_get_briefing (project, id);
  g_assert_nonnull (briefing);
  g_assert_cmpstr (dossier_briefing_get_body (briefing), ==, "Draft two.");
  ids = dossier_briefing_get_document_ids (briefing, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
}

/* ---- Citations -------------------------------------------------------------- */

/* A note of 50,000 citations of as many UUIDs (a note from another
 * project) took every export and the page seconds to minutes: each
 * citation was looked up through all the others (27 s of CPU for the
 * Markdown export). Resolving gives each citation's node its number, and
 * a node finds its citation by it, whatever the case of its UUID; a node
 * of another parse, or one whose number is another's, is still found by
 * its UUID. */
static void
test_citations_lookup_node (TestProject   *fixture,
                            gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GString) body = g_string_new ("# Note\n\n");
  g_autoptr(DossierMarkdownNode) root = NULL;
  g_autoptr(DossierMarkdownNode) other = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) other_nodes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *other_body = NULL;
  gint64 doc, tag;

  doc = import_markdown (project, article);
  tag = add_tag (project, "Costs", 0);
  grant = uuid_of (project, add_phrase_highlight (project, doc, "The national grant is £72 million", tag, NULL));
  upper = g_ascii_strup (grant, -1);
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (body, "Claim [@%08x-0000-4000-a000-%012x]. ", i, i);
  g_string_append_printf (body, "\n\nThe grant [@%s], again [@%s].\n", grant, upper);
  root = dossier_markdown_parse (body->str);
  citations = dossier_project_resolve_citations (project, root, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (citations->len, ==, 301);

  nodes = dossier_markdown_collect_citations (root);
  g_assert_cmpuint (nodes->len, ==, 302);
  for (guint i = 0; i < nodes->len; i++)
    {
      DossierMarkdownNode *node = g_ptr_array_index (nodes, i);
      DossierCitation *c = dossier_citations_lookup_node (citations, node);
      guint number = MIN (i + 1, 301);

      g_assert_cmpuint (node->number, ==, number);
      g_assert_true (c == g_ptr_array_index (citations, number - 1));
      g_assert_true (c == dossier_citations_lookup (citations, node->uuid));
    }
  g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, 300))->status, ==, DOSSIER_CITATION_OK);

  /* Another parse: the grant first, numbered by nothing. */
  other_body = g_strdup_printf ("[@%s] [@%08x-0000-4000-a000-%012x]", upper, 7, 7);
  other = dossier_markdown_parse (other_body);
  other_nodes = dossier_markdown_collect_citations (other);
  g_assert_true (dossier_citations_lookup_node (citations, g_ptr_array_index (other_nodes, 0)) ==
                 g_ptr_array_index (citations, 300));
  g_assert_true (dossier_citations_lookup_node (citations, g_ptr_array_index (other_nodes, 1)) ==
                 g_ptr_array_index (citations, 7));
  /* A number that is another citation's. */
  ((DossierMarkdownNode *) g_ptr_array_index (other_nodes, 0))->number = 5;
  g_assert_true (dossier_citations_lookup_node (citations, g_ptr_array_index (other_nodes, 0)) ==
                 g_ptr_array_index (citations, 300));
}

/* @uuid spelt in mixed case, neither as written nor all upper or lower. */
static char *
mixed_case (const char *uuid)
{
  char *mixed = g_strdup (uuid);
  g_autofree char *upper = g_ascii_strup (uuid, -1);
  g_autofree char *lower = g_ascii_strdown (uuid, -1);
  gboolean up = FALSE;

  /* Its letters in turn lower and upper case: unlike upper-casing all after
   * the first '-', which left a UUID whose first group has no letter (one
   * in 43) spelt as its upper case. */
  for (char *p = mixed; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      {
        *p = up ? g_ascii_toupper (*p) : g_ascii_tolower (*p);
        up = !up;
      }
  g_assert_cmpstr (mixed, !=, upper);
  g_assert_cmpstr (mixed, !=, lower);
  return mixed;
}

/* A UUID no highlight has is looked for in one query, in all three of its
 * spellings (as written, lower and upper case): it took a query for each,
 * three for each such citation in a note. A highlight stored in upper
 * case is still found by its UUID in mixed case; of two highlights whose
 * UUIDs differ in case alone, the one as written is found, else the one
 * in lower case, as before. Thousands of such UUIDs run a few dozen
 * queries in all. */
static void
test_citations_missing_one_query (TestProject   *fixture,
                                  gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GString) body = g_string_new ("# Note\n\n");
  g_autoptr(GPtrArray) citations = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *grant_upper = NULL;
  g_autofree char *grant_mixed = NULL;
  g_autofree char *shops_mixed = NULL;
  g_autofree char *sql = NULL;
  gint64 doc, tag, h_grant, h_shops, h_twin;
  guint64 runs;

  doc = import_markdown (project, article);
  tag = add_tag (project, "Evidence", 0);
  h_grant = add_phrase_highlight (project, doc, "The national grant is £72 million", tag, NULL);
  h_shops = add_phrase_highlight (project, doc, "«une perte» 🚋 for 周美林’s shop", tag, NULL);
  h_twin = add_phrase_highlight (project, doc, "The council voted 31 to 24", tag, NULL);
  grant = uuid_of (project, h_grant);
  grant_upper = g_ascii_strup (grant, -1);
  grant_mixed = mixed_case (grant);
  {
    g_autofree char *shops = uuid_of (project, h_shops);

    shops_mixed = mixed_case (shops);
  }
  /* The shops' highlight imported in upper case; the twin's UUID is the
   * grant's in upper case. */
  sql = g_strdup_printf ("UPDATE highlights SET uuid = upper (uuid) WHERE id = %" G_GINT64_FORMAT "; "
                         "UPDATE highlights SET uuid = '%s' WHERE id = %" G_GINT64_FORMAT,
                         h_shops, grant_upper, h_twin);
  g_assert_cmpint (sqlite3_exec (dossier_project_get_db (project), sql, NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (body, "Claim [@%08x-AbCd-4000-a000-%012x]. ", i, i);
  g_string_append_printf (body, "\n\nFound [@%s] and [@%s].\n", shops_mixed, grant);

  runs = test_statement_runs (project);
  citations = resolve_body (project, body->str);
  runs = test_statement_runs (project) - runs;
  g_assert_cmpuint (citations->len, ==, 202);
  for (guint i = 0; i < 200; i++)
    g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, i))->status, ==,
                     DOSSIER_CITATION_DELETED);
  /* One for each, and a few for each highlight found (its tags, its
   * document's text and headings). */
  g_test_message ("%" G_GUINT64_FORMAT " statements run", runs);
  g_assert_cmpuint (runs, <, 200 + 2 * 10);
  g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, 200))->highlight_id, ==, h_shops);
  g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, 200))->status, ==, DOSSIER_CITATION_OK);
  g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, 201))->highlight_id, ==, h_grant);
  g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, 201))->status, ==, DOSSIER_CITATION_OK);
  g_clear_pointer (&citations, g_ptr_array_unref);

  /* Thousands of them (a note from another project) run a few dozen
   * queries, not one each: past the first misses, the UUIDs of all the
   * highlights are read once, and a UUID none has is known without a
   * query. The highlights cited after them are found as before. */
  g_string_assign (body, "# Note\n\n");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (body, "Claim [@%08x-AbCd-4000-a000-%012x]%s", i, i, i % 100 == 99 ? "\n\n" : ". ");
  g_string_append_printf (body, "\n\nFound [@%s] and [@%s].\n", shops_mixed, grant);
  runs = test_statement_runs (project);
  citations = resolve_body (project, body->str);
  runs = test_statement_runs (project) - runs;
  g_assert_cmpuint (citations->len, ==, 3002);
  for (guint i = 0; i < 3000; i++)
    g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, i))->status, ==,
                     DOSSIER_CITATION_DELETED);
  g_test_message ("%" G_GUINT64_FORMAT " statements run", runs);
  g_assert_cmpuint (runs, <, 100);
  g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, 3000))->highlight_id, ==, h_shops);
  g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, 3000))->status, ==, DOSSIER_CITATION_OK);
  g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, 3001))->highlight_id, ==, h_grant);
  g_clear_pointer (&citations, g_ptr_array_unref);

  /* The grant's UUID in upper case is the twin's; in mixed case, the
   * grant's (lower case before upper). */
  g_string_printf (body, "Twin [@%s].", grant_upper);
  citations = resolve_body (project, body->str);
  g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, 0))->highlight_id, ==, h_twin);
  g_clear_pointer (&citations, g_ptr_array_unref);
  g_string_printf (body, "Grant [@%s].", grant_mixed);
  citations = resolve_body (project, body->str);
  g_assert_cmpint (((DossierCitation *) g_ptr_array_index (citations, 0))->highlight_id, ==, h_grant);
}

/* ---- Where the note cites it, as it was found before (the reference) ---- */

static gboolean
reference_inline_text (GString             *out,
                       DossierMarkdownNode *node,
                       DossierMarkdownNode *stop)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

      if (child == stop)
        return TRUE;
      if (!dossier_markdown_kind_is_inline (child->kind))
        continue;
      switch (child->kind)
        {
        case DOSSIER_MARKDOWN_TEXT:
        case DOSSIER_MARKDOWN_CODE:
          g_string_append (out, child->text != NULL ? child->text : "");
          break;
        case DOSSIER_MARKDOWN_LINE_BREAK:
          g_string_append_c (out, ' ');
          break;
        case DOSSIER_MARKDOWN_CITATION:
          break;
        default:
          if (reference_inline_text (out, child, stop))
            return TRUE;
        }
    }
  return FALSE;
}

/* The last 8 words of @text, split at spaces once its ends are stripped. */
static char *
reference_last_words (const char *text)
{
  g_autofree char *flat = g_strdup (text);
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);
  guint n = 0, first;

  g_strdelimit (flat, "\n\t", ' ');
  words = g_strsplit (g_strstrip (flat), " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      words[n++] = words[i];
    else
      g_free (words[i]);
  words[n] = NULL;
  first = n > 8 ? n - 8 : 0;
  if (first > 0)
    g_string_append (out, "…");
  for (guint i = first; i < n; i++)
    {
      if (i > first && strchr (",.;:!?)", words[i][0]) == NULL)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

/* Each citation of @body has the words before it and the section found
 * by looking back from it through its block and the note, as before. */
static void
assert_located_as_before (DossierProject *project,
                          const char     *body)
{
  g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (body);
  g_autoptr(GPtrArray) nodes = dossier_markdown_collect_citations (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) citations = dossier_project_resolve_citations (project, root, &error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < nodes->len; i++)
    {
      DossierMarkdownNode *node = g_ptr_array_index (nodes, i);
      DossierMarkdownNode *block = node->parent;
      DossierMarkdownNode *top = node;
      g_autoptr(GString) before = g_string_new (NULL);
      g_autofree char *context = NULL;
      g_autofree char *section = NULL;
      DossierCitation *c;

      if (!g_hash_table_add (seen, g_ascii_strdown (node->uuid, -1)))
        continue;
      c = g_ptr_array_index (citations, n++);
      g_assert_cmpuint (node->number, ==, c->number);
      while (block != NULL && dossier_markdown_kind_is_inline (block->kind))
        block = block->parent;
      reference_inline_text (before, block, node);
      context = reference_last_words (before->str);
      while (top->parent != NULL && top->parent != root)
        top = top->parent;
      for (guint k = 0; k < root->children->len; k++)
        {
          DossierMarkdownNode *child = g_ptr_array_index (root->children, k);

          if (child == top)
            break;
          if (child->kind == DOSSIER_MARKDOWN_HEADING)
            {
              g_autoptr(GString) heading = g_string_new (NULL);

              reference_inline_text (heading, child, NULL);
              g_free (section);
              section = g_strdup (g_strstrip (heading->str));
            }
        }
      g_assert_cmpstr (c->note_context, ==, context);
      g_assert_cmpstr (c->note_section, ==, section);
    }
  g_assert_cmpuint (n, ==, citations->len);
}

/* The words before each citation and its section are found in one walk
 * of the note: a paragraph of thousands of citations went over all the
 * text before each (bench-briefing paragraph). The same as they were,
 * checked against the way they were found before: in a paragraph of
 * 3,000 citations between words, emphasis, code, line breaks, doubled
 * spaces and tabs; in headings, list items and their nested lists,
 * quotes; before the first heading; between white space of every kind;
 * and in notes of such pieces drawn at random. */
static void
test_citations_located (TestProject   *fixture,
                        gconstpointer  data)
{
  static const char * const pieces[] = {
    "word ", "two words ", "*emphasis* ", "**strong *both*** ", "`code` ", "[a link](https://example.org) ",
    "  doubled  ", "\t", "tab\tword ", "line  \nbreak ", "end\\\nhard ", ", ", ". ", ") ", "!", "\r", "\f",
    " \v ", "x\ry ", "\v\v", "", "\n", "\n\n", "\n\n## Heading \f\n\n", "\n\n# *Emphasised* heading\n\n",
    "\n\n- item ", "\n  - nested ", "\n\n1. first ", "\n\n> quoted ", "\n\n---\n\n", "ünïcödé 周美林 ",
  };
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (26);

  /* One paragraph of 3,000 citations, some cited twice. */
  g_string_append (body, "# Note\n\n");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (body, "%s[@%08x-0000-4000-a000-%012x]%s", pieces[i % 19], i % 2900, i % 2900,
                            i % 7 == 0 ? ", and" : " ");
  assert_located_as_before (fixture->project, body->str);

  /* Citations in every kind of block and between white space. */
  g_string_assign (body,
                   "Before any heading [@00000000-0000-4000-a000-000000000001].\n\n"
                   "## The *first* heading [@00000000-0000-4000-a000-000000000002]\n\n"
                   "- an item [@00000000-0000-4000-a000-000000000003] and\n"
                   "  - a nested one [@00000000-0000-4000-a000-000000000004]\n"
                   "- again [@00000000-0000-4000-a000-000000000005]\n\n"
                   "> a quote of one two three four five six seven eight nine [@00000000-0000-4000-a000-000000000006]\n\n"
                   "\f \r word\r \f[@00000000-0000-4000-a000-000000000007] \v \f \v a \v\v b\f\r "
                   "[@00000000-0000-4000-a000-000000000008] \r \f \r \f \r \f \r \f \r \f z"
                   "[@00000000-0000-4000-a000-000000000009]\v\f\r\v \v\f[@00000000-0000-4000-a000-00000000000a]\n\n"
                   "[@00000000-0000-4000-a000-00000000000b] first in its paragraph\n");
  assert_located_as_before (fixture->project, body->str);

  /* Notes drawn at random from the pieces. */
  for (guint note = 0; note < 200; note++)
    {
      g_string_truncate (body, 0);
      for (guint i = 0, n = g_rand_int_range (rand, 1, 60); i < n; i++)
        {
          g_string_append (body, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          if (g_rand_boolean (rand))
            g_string_append_printf (body, "[@%08x-0000-4000-a000-%012x]", i % 40, i % 40);
        }
      assert_located_as_before (fixture->project, body->str);
    }
}

/* The words kept before a citation, and its section's heading, are at
 * most 100 characters: a citation after a "word" of a megabyte kept all
 * of it (and every citation after it kept it again), as did every one
 * under a heading of a megabyte. Whole words are kept, "…" first where
 * some were left out; a word longer than that alone keeps its end. The
 * report that names them stays as short. */
static void
test_citations_context_capped (TestProject   *fixture,
                               gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new ("# ");
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GPtrArray) citations = NULL;
  g_autofree char *report = NULL;
  g_auto(GStrv) lines = NULL;
  DossierCitation *c;

  /* A heading of 20,000 words, a paragraph holding a word of 1 MB (ending
   * in "é", two bytes) cited after 20 times, then words of 30 letters. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (body, "Heading%u ", i);
  g_string_append (body, "\n\nThe start ");
  while (word->len < 1024 * 1024)
    g_string_append (word, "abcdefghi");
  g_string_append (word, "é");
  g_string_append (body, word->str);
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (body, " [@00000000-0000-4000-a000-%012x]", i);
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (body, " %030u", i);
  g_string_append (body, " [@00000000-0000-4000-a000-000000000100]\n");
  citations = resolve_body (fixture->project, body->str);
  g_assert_cmpuint (citations->len, ==, 21);

  for (guint i = 0; i < 20; i++)
    {
      c = g_ptr_array_index (citations, i);
      g_assert_cmpuint (g_utf8_strlen (c->note_context, -1), ==, 101);
      g_assert_true (g_str_has_prefix (c->note_context, "…"));
      g_assert_true (g_str_has_suffix (word->str, c->note_context + strlen ("…")));
      g_assert_true (g_str_has_prefix (c->note_section, "Heading0 Heading1 "));
      g_assert_true (g_str_has_suffix (c->note_section, " Heading9 Heading10…"));
      g_assert_cmpuint (g_utf8_strlen (c->note_section, -1), ==, 100);
    }
  /* Three whole words of 30 fit in 100 characters, a space before each
   * but the first. */
  c = g_ptr_array_index (citations, 20);
  g_assert_cmpstr (c->note_context, ==,
                   "…000000000000000000000000000005 000000000000000000000000000006 "
                   "000000000000000000000000000007");

  g_assert_false (dossier_citations_verify (citations, &report));
  lines = g_strsplit (report, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpuint (strlen (lines[i]), <, 600);
}

static void
test_citations_resolved (TestProject   *fixture,
                         gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *shops = NULL;
  g_autofree char *body = NULL;
  g_autofree char *upper = NULL;
  gint64 parent, costs, trade, doc, h_grant, h_shops;
  DossierCitation *c;

  doc = import_markdown (project, article);
  g_assert_true (dossier_project_set_document_metadata (project, doc, NULL, "Ruairí Moss",
                                                        "The Civic Ledger", NULL, "2025-03-13",
                                                        &error));
  parent = add_tag (project, "Evidence", 0);
  costs = add_tag (project, "Costs", parent);
  trade = add_tag (project, "Trade", parent);
  h_grant = add_phrase_highlight (project, doc, "The national grant is £72 million", costs, NULL);
  h_shops = add_phrase_highlight (project, doc, "«une perte» 🚋 for 周美林’s shop", trade, NULL);
  g_assert_true (dossier_project_add_highlight_tag (project, h_grant, trade, &error));
  g_assert_true (dossier_project_set_highlight_memo (project, h_grant, "Tied to a date.", &error));
  grant = uuid_of (project, h_grant);
  shops = uuid_of (project, h_shops);
  upper = g_ascii_strup (shops, -1);

  /* Numbered by first appearance; cited twice is one citation. */
  body = g_strdup_printf ("# Note\n\nShops fear losses.[@%s] The grant[@%s] helps.[@%s]\n",
                          upper, grant, shops);
  citations = resolve_body (project, body);
  g_assert_cmpuint (citations->len, ==, 2);

  c = g_ptr_array_index (citations, 0);
  g_assert_cmpuint (c->number, ==, 1);
  g_assert_cmpuint (c->n_uses, ==, 2);
  g_assert_cmpint (c->status, ==, DOSSIER_CITATION_OK);
  g_assert_cmpint (c->highlight_id, ==, h_shops);
  g_assert_cmpstr (c->quote, ==, "«une perte» 🚋 for 周美林’s shop");
  g_assert_cmpstr (c->section, ==, "The shops");
  g_assert_cmpstr (c->document_title, ==, "Port Calder closes its bridge");
  g_assert_cmpstr (c->outlet, ==, "The Civic Ledger");
  g_assert_cmpstr (c->author, ==, "Ruairí Moss");
  g_assert_cmpstr (c->published, ==, "2025-03-13");
  g_assert_cmpuint (g_strv_length (c->tags), ==, 1);
  g_assert_cmpstr (c->tags[0], ==, "Evidence/Trade");
  g_assert_null (dossier_citation_describe_problem (c));

  c = g_ptr_array_index (citations, 1);
  g_assert_cmpuint (c->number, ==, 2);
  g_assert_cmpuint (c->n_uses, ==, 1);
  g_assert_cmpstr (c->section, ==, "The money");
  g_assert_cmpstr (c->memo, ==, "Tied to a date.");
  g_assert_cmpuint (g_strv_length (c->tags), ==, 2);
  g_assert_cmpstr (c->tags[0], ==, "Evidence/Costs");
  g_assert_cmpstr (c->tags[1], ==, "Evidence/Trade");
  g_assert_true (dossier_citations_lookup (citations, grant) == c);
  g_assert_true (dossier_citations_lookup (citations, upper) == g_ptr_array_index (citations, 0));
  g_assert_null (dossier_citations_lookup (citations, "00000000-0000-0000-0000-000000000000"));

  {
    g_autofree char *report = NULL;

    g_assert_true (dossier_citations_verify (citations, &report));
    g_assert_null (report);
  }
}

/* The same body, resolved after each change to what it cites, shows the
 * change: nothing is copied into the note. */
static void
test_citations_live (TestProject   *fixture,
                     gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *body = NULL;
  gint64 doc, tag, other, h;

  doc = import_markdown (project, article);
  tag = add_tag (project, "Costs", 0);
  other = add_tag (project, "Government", 0);
  h = add_phrase_highlight (project, doc, "£72 million", tag, NULL);
  uuid = uuid_of (project, h);
  body = g_strdup_printf ("The grant is large.[@%s]", uuid);

  /* A memo and a tag. */
  g_assert_true (dossier_project_set_highlight_memo (project, h, "Fixed sum.", &error));
  g_assert_true (dossier_project_add_highlight_tag (project, h, other, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) citations = resolve_body (project, body);
    DossierCitation *c = g_ptr_array_index (citations, 0);

    g_assert_cmpstr (c->memo, ==, "Fixed sum.");
    g_assert_cmpuint (g_strv_length (c->tags), ==, 2);
    g_assert_cmpstr (c->tags[1], ==, "Government");
  }

  /* Extended by tagging a longer range: the citation quotes the new range. */
  {
    g_autofree char *text = dossier_project_get_document_text (project, doc, NULL);
    gint64 start = g_utf8_pointer_to_offset (text, strstr (text, "The national grant"));
    gint64 end = g_utf8_pointer_to_offset (text, strstr (text, ", on condition"));
    g_autoptr(GPtrArray) citations = NULL;
    DossierCitation *c;

    g_assert_true (dossier_project_remove_highlight_tag (project, h, other, &error));
    g_assert_cmpint (dossier_project_tag_range (project, doc, start, end, tag, &error), ==, h);
    g_assert_no_error (error);
    citations = resolve_body (project, body);
    c = g_ptr_array_index (citations, 0);
    g_assert_cmpint (c->status, ==, DOSSIER_CITATION_OK);
    g_assert_cmpstr (c->quote, ==, "The national grant is £72 million");
  }

  /* Deleted: marked, not dropped; undo brings it back. */
  g_assert_true (dossier_project_delete_highlight (project, h, &error));
  {
    g_autoptr(GPtrArray) citations = resolve_body (project, body);
    DossierCitation *c = g_ptr_array_index (citations, 0);
    g_autofree char *problem = dossier_citation_describe_problem (c);
    g_autofree char *report = NULL;

    g_assert_cmpuint (citations->len, ==, 1);
    g_assert_cmpint (c->status, ==, DOSSIER_CITATION_DELETED);
    g_assert_cmpint (c->highlight_id, ==, 0);
    g_assert_null (c->quote);
    g_assert_nonnull (problem);
    g_assert_false (dossier_citations_verify (citations, &report));
    g_assert_true (g_str_has_prefix (report, "[1] cited after “The grant is large.”: the cited highlight "
                                             "is no longer in this project"));
    g_assert_null (strstr (report, uuid));
  }
  g_assert_true (dossier_project_undo (project, &error));
  {
    g_autoptr(GPtrArray) citations = resolve_body (project, body);
    DossierCitation *c = g_ptr_array_index (citations, 0);

    g_assert_cmpint (c->status, ==, DOSSIER_CITATION_OK);
    g_assert_cmpint (c->highlight_id, ==, h);
  }
}

/* Which notes cite a highlight: a citation in any case, not the UUID in a
 * code span, nor another highlight's; none for a highlight that is not. */
static void
test_citations_citing (TestProject   *fixture,
                       gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *cites = NULL;
  g_autofree char *shouts = NULL;
  g_autofree char *quotes_code = NULL;
  gint64 doc, tag, h, other, a, b;

  doc = import_markdown (project, article);
  tag = add_tag (project, "Costs", 0);
  h = add_phrase_highlight (project, doc, "£72 million", tag, NULL);
  other = add_phrase_highlight (project, doc, "31 to 24", tag, NULL);
  uuid = uuid_of (project, h);
  upper = g_ascii_strup (uuid, -1);
  cites = g_strdup_printf ("The grant is large [@%s].", uuid);
  shouts = g_strdup_printf ("Large [@%s].", upper);
  quotes_code = g_strdup_printf ("Write `[@%s]` to cite.", uuid);

  a = dossier_project_add_briefing (project, "Cites", NULL, 0, cites, &error);
  g_assert_no_error (error);
  dossier_project_add_briefing (project, "In code", NULL, 0, quotes_code, &error);
  g_assert_no_error (error);
  b = dossier_project_add_briefing (project, "Upper case", NULL, 0, shouts, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GPtrArray) notes = dossier_project_get_briefings_citing (project, h);

    g_assert_cmpuint (notes->len, ==, 2);
    g_assert_cmpint (dossier_briefing_get_id (g_ptr_array_index (notes, 0)), ==, a);
    g_assert_cmpint (dossier_briefing_get_id (g_ptr_array_index (notes, 1)), ==, b);
  }
  {
    g_autoptr(GPtrArray) notes = dossier_project_get_briefings_citing (project, other);

    g_assert_cmpuint (notes->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) notes = dossier_project_get_briefings_citing (project, other + 100);

    g_assert_cmpuint (notes->len, ==, 0);
  }
}

/* Which notes cite a highlight of a document, or one that deleting a tag
 * deletes with it (not one that keeps another tag, nor evidence). */
static void
test_citations_citing_sets (TestProject   *fixture,
                            gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *body_a = NULL;
  g_autofree char *body_b = NULL;
  g_autofree char *upper = NULL;
  gint64 doc, other_doc, costs, shops, grant, vote, traders, a, b;

  doc = import_markdown (project, article);
  other_doc = import_markdown (project, "# Elsewhere\n\nNothing is cited from here.\n");
  costs = add_tag (project, "Costs", 0);
  shops = add_tag (project, "Shops", 0);
  grant = add_phrase_highlight (project, doc, "£72 million", costs, NULL);
  vote = add_phrase_highlight (project, doc, "31 to 24", costs, NULL);
  traders = add_phrase_highlight (project, doc, "64 per cent", shops, NULL);
  add_phrase_highlight (project, other_doc, "Nothing is cited", shops, NULL);
  g_assert_true (dossier_project_add_highlight_tag (project, vote, shops, &error));
  g_assert_no_error (error);

  {
    g_autofree char *g = uuid_of (project, grant);

    upper = g_ascii_strup (g, -1);
  }
  body_a = g_strdup_printf ("Costly [@%s].", upper);
  {
    g_autofree char *v = uuid_of (project, vote);
    g_autofree char *t = uuid_of (project, traders);

    body_b = g_strdup_printf ("Voted [@%s]; traders [@%s].", v, t);
  }
  a = dossier_project_add_briefing (project, "A", NULL, 0, body_a, &error);
  g_assert_no_error (error);
  b = dossier_project_add_briefing (project, "B", NULL, 0, body_b, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GPtrArray) notes = dossier_project_get_briefings_citing_document (project, doc);

    g_assert_cmpuint (notes->len, ==, 2);
    g_assert_cmpint (dossier_briefing_get_id (g_ptr_array_index (notes, 0)), ==, a);
    g_assert_cmpint (dossier_briefing_get_id (g_ptr_array_index (notes, 1)), ==, b);
  }
  {
    g_autoptr(GPtrArray) notes = dossier_project_get_briefings_citing_document (project, other_doc);

    g_assert_cmpuint (notes->len, ==, 0);
  }
  /* Costs takes the grant (cited by A); the vote keeps Shops. */
  {
    g_autoptr(GPtrArray) notes = dossier_project_get_briefings_citing_tag (project, costs);

    g_assert_cmpuint (notes->len, ==, 1);
    g_assert_cmpint (dossier_briefing_get_id (g_ptr_array_index (notes, 0)), ==, a);
  }
  /* Shops takes the traders (cited by B); the vote keeps Costs. */
  {
    g_autoptr(GPtrArray) notes = dossier_project_get_briefings_citing_tag (project, shops);

    g_assert_cmpuint (notes->len, ==, 1);
    g_assert_cmpint (dossier_briefing_get_id (g_ptr_array_index (notes, 0)), ==, b);
  }
  /* Evidence stays when its tag goes: the traders, evidence for an
   * argument, are no longer counted. */
  {
    gint64 question = dossier_project_add_question (project, "Close the bridge?", &error);
    gint64 argument;

    g_assert_no_error (error);
    argument = dossier_project_add_argument (project, question, DOSSIER_POLARITY_CON, "Trade suffers",
                                             0, 3, &error);
    g_assert_no_error (error);
    g_assert_true (dossier_project_add_argument_evidence (project, argument, traders, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GPtrArray) notes = dossier_project_get_briefings_citing_tag (project, shops);

    g_assert_cmpuint (notes->len, ==, 0);
  }
}

static DossierParsedDocument *
parse_markdown (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_MARKDOWN,
                                                     "article.md", &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_citations_reanchored (TestProject   *fixture,
                           gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *uuid_grant = NULL;
  g_autofree char *uuid_vote = NULL;
  gint64 doc, tag, h_grant, h_vote, old_start;

  doc = import_markdown (project, article);
  tag = add_tag (project, "Costs", 0);
  h_grant = add_phrase_highlight (project, doc, "The national grant is £72 million", tag, NULL);
  h_vote = add_phrase_highlight (project, doc, "The council voted 31 to 24", tag, NULL);
  uuid_grant = uuid_of (project, h_grant);
  uuid_vote = uuid_of (project, h_vote);
  body = g_strdup_printf ("Grant.[@%s] Vote.[@%s]", uuid_grant, uuid_vote);
  {
    g_autoptr(GPtrArray) citations = resolve_body (project, body);

    old_start = ((DossierCitation *) g_ptr_array_index (citations, 0))->start;
  }

  /* A newer version moves the grant's sentence into another section and
   * drops the vote. */
  {
    g_autoptr(DossierParsedDocument) newer = parse_markdown (
      "# Port Calder closes its bridge\n"
      "\n"
      "A long new introduction comes first, with «accents» and 🚋.\n"
      "\n"
      "## Funding and its strings\n"
      "\n"
      "Officials confirmed it. The national grant is £72 million, on condition that work "
      "begins before 2027.\n");
    g_autoptr(GArray) orphans = NULL;

    g_assert_true (dossier_project_replace_document_text (project, doc, newer, &orphans, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (orphans->len, ==, 1);
  }

  {
    g_autoptr(GPtrArray) citations = resolve_body (project, body);
    DossierCitation *grant = g_ptr_array_index (citations, 0);
    DossierCitation *vote = g_ptr_array_index (citations, 1);
    g_autofree char *problem = dossier_citation_describe_problem (vote);
    g_autofree char *report = NULL;

    g_assert_cmpint (grant->status, ==, DOSSIER_CITATION_OK);
    g_assert_cmpint (grant->start, !=, old_start);
    g_assert_cmpstr (grant->quote, ==, "The national grant is £72 million");
    g_assert_cmpstr (grant->section, ==, "Funding and its strings");

    g_assert_cmpint (vote->status, ==, DOSSIER_CITATION_ORPHANED);
    g_assert_cmpstr (vote->quote, ==, "The council voted 31 to 24");
    g_assert_nonnull (strstr (problem, "no longer contains"));
    g_assert_false (dossier_citations_verify (citations, &report));
    g_assert_nonnull (strstr (report, "[2] “The council voted 31 to 24”"));
    g_assert_null (strstr (report, "[1]"));
  }
}

/* A quote that is not what the document says at its offsets (a file
 * edited by another tool) is reported, never printed as if it were. */
static void
test_citations_mismatch (TestProject   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *body = NULL;
  gint64 doc, tag, h;

  doc = import_markdown (fixture->project, article);
  tag = add_tag (fixture->project, "Costs", 0);
  h = add_phrase_highlight (fixture->project, doc, "£72 million", tag, NULL);
  uuid = uuid_of (fixture->project, h);
  body = g_strdup_printf ("Grant.[@%s]", uuid);
  g_clear_object (&fixture->project);

  test_sql_exec (fixture->path, "UPDATE highlights SET quote = '£27 million'");
  fixture->project = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) citations = resolve_body (fixture->project, body);
    DossierCitation *c = g_ptr_array_index (citations, 0);
    g_autofree char *report = NULL;

    g_assert_cmpint (c->status, ==, DOSSIER_CITATION_MISMATCH);
    g_assert_false (dossier_citations_verify (citations, &report));
    g_assert_nonnull (strstr (report, "[1] “£27 million”: the quote no longer matches"));
    /* Said where a person finds it: the document and its section, not
     * the passage's character offsets. */
    g_assert_nonnull (strstr (report, "the text of “Port Calder closes its bridge”, "
                                      "in its section “The money”"));
    g_assert_null (strstr (report, "characters"));
    g_assert_null (strstr (report, "–"));
  }

  /* Put it right so that the fixture's own check passes. */
  g_clear_object (&fixture->project);
  test_sql_exec (fixture->path, "UPDATE highlights SET quote = '£72 million'");
  fixture->project = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

/* A citation whose highlight is gone has no quote and no document left:
 * the report finds it for a person by where the note cites it first —
 * the note's last words before it (markup dropped, other citations left
 * out, eight words at most) and its section's heading — never by the
 * UUID only the file knows. */
static void
test_citations_where (TestProject   *fixture,
                      gconstpointer  data)
{
  const char *gone = "00000000-0000-4000-8000-00000000000";   /* + a digit */
  g_autofree char *kept = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autofree char *report = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 doc, tag;

  doc = import_markdown (fixture->project, article);
  tag = add_tag (fixture->project, "Costs", 0);
  kept = uuid_of (fixture->project, add_phrase_highlight (fixture->project, doc, "£72 million", tag, NULL));
  body = g_strdup_printf ("[@%s1] opens the note.\n"
                          "\n"
                          "# Costs\n"
                          "\n"
                          "[@%s2] opens a paragraph.\n"
                          "\n"
                          "The grant [@%s], as *the ministry* says [@%s3], is fixed.\n"
                          "\n"
                          "## Delays and the inquiry\n"
                          "\n"
                          "- One, two, three, four, five, six, seven, eight, nine, ten [@%s4]\n"
                          "- Again [@%s3]\n",
                          gone, gone, kept, gone, gone, gone);
  citations = resolve_body (fixture->project, body);
  g_assert_cmpuint (citations->len, ==, 5);
  g_assert_false (dossier_citations_verify (citations, &report));
  g_assert_null (strstr (report, gone));
  lines = g_strsplit (report, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* four, and the last newline */
  g_assert_true (g_str_has_prefix (lines[0], "[1]: the cited highlight is no longer in this project"));
  g_assert_true (g_str_has_prefix (lines[1], "[2] cited in “Costs”: the cited highlight"));
  g_assert_true (g_str_has_prefix (lines[2], "[4] cited after “The grant, as the ministry says” in “Costs”: "));
  g_assert_true (g_str_has_prefix (lines[3], "[5] cited after “…three, four, five, six, seven, eight, nine, ten” "
                                             "in “Delays and the inquiry”: "));
  g_assert_cmpstr (lines[4], ==, "");
}

/* ---- The evidence meter ---------------------------------------------------- */

static void
test_sections (void)
{
  const char *body =
    "Opening words.\n"
    "\n"
    "# Note\n"
    "\n"
    "## Summary\n"
    "\n"
    "Nothing cited here.\n"
    "\n"
    "## Positions\n"
    "\n"
    "### Mayor [@0c5bd1de-7a3c-4f0e-9a55-2d7b1f4e8a01]\n"
    "\n"
    "### Traders\n"
    "\n"
    "- fear losses [@0c5bd1de-7a3c-4f0e-9a55-2d7b1f4e8a02][@0c5bd1de-7a3c-4f0e-9a55-2d7b1f4e8a03]\n"
    "\n"
    "## Recommendation\n";
  g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (body);
  g_autoptr(GPtrArray) sections = dossier_briefing_get_sections (root);
  struct { const char *heading; guint level; guint n; guint own; gboolean text; } expected[] = {
    { NULL, 0, 0, 0, TRUE },
    { "Note", 1, 3, 0, TRUE },
    { "Summary", 2, 0, 0, TRUE },
    { "Positions", 2, 3, 0, TRUE },
    { "Mayor [@0c5bd1de-7a3c-4f0e-9a55-2d7b1f4e8a01]", 3, 1, 1, FALSE },
    { "Traders", 3, 2, 2, TRUE },
    { "Recommendation", 2, 0, 0, FALSE },
  };

  g_assert_cmpuint (sections->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < sections->len; i++)
    {
      DossierBriefingSection *s = g_ptr_array_index (sections, i);

      g_assert_cmpstr (s->heading, ==, expected[i].heading);
      g_assert_cmpuint (s->level, ==, expected[i].level);
      g_assert_cmpuint (s->n_citations, ==, expected[i].n);
      g_assert_cmpuint (s->n_own, ==, expected[i].own);
      g_assert_cmpint (s->has_text, ==, expected[i].text);
    }

  /* Ranges: a section runs to the next heading at its level or above. */
  {
    DossierBriefingSection *positions = g_ptr_array_index (sections, 3);
    DossierBriefingSection *recommendation = g_ptr_array_index (sections, 6);
    g_autofree char *text = g_utf8_substring (body, positions->start, positions->end);

    g_assert_true (g_str_has_prefix (text, "## Positions"));
    g_assert_true (g_str_has_suffix (text, "a03]\n\n"));
    g_assert_cmpint (recommendation->end, ==, g_utf8_strlen (body, -1));
  }

  /* An empty body has no sections. */
  {
    g_autoptr(DossierMarkdownNode) empty = dossier_markdown_parse ("");
    g_autoptr(GPtrArray) none = dossier_briefing_get_sections (empty);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* The meter counts only the citations that verify: one of a deleted
 * highlight backs nothing, and is counted apart, in its section and the
 * sections around it. */
static void
test_sections_verified (TestProject   *fixture,
                        gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *body = NULL;
  g_autoptr(DossierMarkdownNode) root = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  gint64 doc, tag, h, deleted;
  struct { const char *heading; guint n; guint own; guint unverified; } expected[] = {
    { "Note", 1, 0, 2 },
    { "Costs", 1, 1, 1 },
    { "Shops", 0, 0, 1 },
  };

  doc = import_markdown (project, article);
  tag = add_tag (project, "Costs", 0);
  h = add_phrase_highlight (project, doc, "£72 million", tag, NULL);
  deleted = add_phrase_highlight (project, doc, "64 per cent", tag, NULL);
  kept = uuid_of (project, h);
  gone = uuid_of (project, deleted);
  body = g_strdup_printf ("# Note\n\n## Costs\n\nLarge [@%s][@%s].\n\n## Shops\n\nThey fear [@%s].\n",
                          kept, gone, gone);
  g_assert_true (dossier_project_delete_highlight (project, deleted, &error));
  g_assert_no_error (error);

  root = dossier_markdown_parse (body);
  citations = dossier_project_resolve_citations (project, root, &error);
  g_assert_no_error (error);
  sections = dossier_briefing_get_sections_verified (root, citations);
  g_assert_cmpuint (sections->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < sections->len; i++)
    {
      DossierBriefingSection *s = g_ptr_array_index (sections, i);

      g_assert_cmpstr (s->heading, ==, expected[i].heading);
      g_assert_cmpuint (s->n_citations, ==, expected[i].n);
      g_assert_cmpuint (s->n_own, ==, expected[i].own);
      g_assert_cmpuint (s->n_unverified, ==, expected[i].unverified);
    }

  /* Undone, every citation counts again. */
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_clear_pointer (&citations, g_ptr_array_unref);
  g_clear_pointer (&sections, g_ptr_array_unref);
  citations = dossier_project_resolve_citations (project, root, &error);
  sections = dossier_briefing_get_sections_verified (root, citations);
  g_assert_cmpuint (((DossierBriefingSection *) g_ptr_array_index (sections, 0))->n_citations, ==, 3);
  g_assert_cmpuint (((DossierBriefingSection *) g_ptr_array_index (sections, 0))->n_unverified, ==, 0);
}

static gboolean
finds_briefing (DossierProject *project,
                gpointer        item)
{
  return dossier_project_get_briefing (project, dossier_briefing_get_id (item)) != NULL;
}

/* When the list says a note is gone, the project no longer returns it
 * (the Brief page looks up the note it shows in its handler of
 * items-changed): a delete, and an add undone. */
static void
test_removed_not_found (TestProject   *f,
                        gconstpointer  data)
{
  g_autoptr(TestRemovalWatch) watch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kept, id;

  kept = dossier_project_add_briefing (f->project, "Kept", NULL, 0, "Stays.", &error);
  g_assert_no_error (error);
  id = dossier_project_add_briefing (f->project, "Note", NULL, 0, "Body", &error);
  g_assert_no_error (error);
  watch = test_removal_watch_new (f->project, dossier_project_get_briefings (f->project), finds_briefing);
  g_assert_true (dossier_project_delete_briefing (f->project, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_removal_watch_get_n_removed (watch), ==, 1);
  g_assert_true (dossier_project_undo (f->project, &error));
  g_assert_true (dossier_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_briefing (f->project, id));
  g_assert_cmpuint (test_removal_watch_get_n_removed (watch), ==, 2);
  g_assert_nonnull (dossier_project_get_briefing (f->project, kept));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TestProject, NULL, test_project_set_up, func, test_project_tear_down)

  ADD ("/briefing/add-and-undo", test_add_and_undo);
  ADD ("/briefing/refusals", test_refusals);
  ADD ("/briefing/edits", test_edits);
  ADD ("/briefing/removed-not-found", test_removed_not_found);
  ADD ("/briefing/citations/resolved", test_citations_resolved);
  ADD ("/briefing/citations/live", test_citations_live);
  ADD ("/briefing/citations/citing", test_citations_citing);
  ADD ("/briefing/citations/citing-sets", test_citations_citing_sets);
  ADD ("/briefing/citations/re-anchored", test_citations_reanchored);
  ADD ("/briefing/citations/mismatch", test_citations_mismatch);
  ADD ("/briefing/citations/where", test_citations_where);
  ADD ("/briefing/citations/lookup-node", test_citations_lookup_node);
  ADD ("/briefing/citations/missing-one-query", test_citations_missing_one_query);
  ADD ("/briefing/citations/located", test_citations_located);
  ADD ("/briefing/citations/context-capped", test_citations_context_capped);
  g_test_add_func ("/briefing/sections", test_sections);
  ADD ("/briefing/sections/verified", test_sections_verified);

#undef ADD

  return g_test_run ();
}
