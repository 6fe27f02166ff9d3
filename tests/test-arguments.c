/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-arguments.c — questions and their pros and cons: adding, editing,
 * reordering and moving arguments between sides, evidence and the flags
 * it drives (no evidence, a single outlet), the balance per question,
 * arguments accepted from an article's own lists (one step, highlights
 * made for them) or dismissed for good; and every action of stakeholders
 * and arguments undone and redone exactly.
 */

#include "config.h"

#include <string.h>

#include <dossier/dossier.h>

#include "dossier-project-private.h"
#include "test-util.h"

static const char text_a[] =
  "The ferry levy would pay for four new terminals. Islanders on low incomes "
  "say they cannot afford another crown a trip. Ministers call it fair.";
static const char text_b[] =
  "A levy of two crowns would rebuild the quays by 2031, the ministry says. "
  "Crews warn of a strike.";

typedef struct
{
  TestProject base;
  gint64      doc_a;     /* outlet "Coastal Courier" */
  gint64      doc_b;     /* outlet "Coastal Courier" too */
  gint64      doc_c;     /* no outlet */
  gint64      question;
} Fixture;

static gint64
add_doc_with_outlet (DossierProject *project,
                     const char     *title,
                     const char     *text,
                     const char     *outlet)
{
  DossierParsedDocument *doc = make_doc (title, text);

  g_free (doc->outlet);
  doc->outlet = g_strdup (outlet);
  return add_parsed_doc (project, doc);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_project_set_up (&f->base, data);
  f->doc_a = add_doc_with_outlet (f->base.project, "Levy", text_a, "Coastal Courier");
  f->doc_b = add_doc_with_outlet (f->base.project, "Quays", text_b, "Coastal Courier");
  f->doc_c = add_doc_with_outlet (f->base.project, "Note", text_a, NULL);
  f->question = dossier_project_add_question (f->base.project,
                                              "Should ferries carry a levy for the terminals?",
                                              &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_project_tear_down (&f->base, data);
}

#define P(f) ((f)->base.project)
/* What a new argument on the fixture's question says, nobody's perspective. */
#define ARGUMENT(f, polarity_, statement_, strength_) \
  ((DossierArgumentFields) { (f)->question, (polarity_), (statement_), 0, (strength_) })

static gint64
add_argument (Fixture         *f,
              DossierPolarity  polarity,
              const char      *statement)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_argument (P (f), f->question, polarity, statement, 0, 3, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The statements of the question's arguments in the model's order, as
 * "+Statement" and "-Statement", joined with "|". */
static char *
order_of (DossierProject *project,
          gint64          question_id)
{
  GListModel *model = dossier_project_get_arguments (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierArgument) a = g_list_model_get_item (model, i);

      if (dossier_argument_get_question_id (a) != question_id)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '|');
      g_string_append_c (out, dossier_argument_get_polarity (a) == DOSSIER_POLARITY_PRO ? '+' : '-');
      g_string_append (out, dossier_argument_get_statement (a));
      g_assert_cmpint (dossier_argument_get_position (a), >=, 0);
    }

  return g_string_free (out, FALSE);
}

static void
assert_order (Fixture    *f,
              const char *expected)
{
  g_autofree char *order = order_of (P (f), f->question);

  g_assert_cmpstr (order, ==, expected);
}

/* ---- Questions and arguments ----------------------------------------------------------- */

static void
test_questions (Fixture       *f,
                gconstpointer  data)
{
  GListModel *questions = dossier_project_get_questions (P (f));
  g_autoptr(GError) error = NULL;
  DossierQuestion *q = dossier_project_get_question (P (f), f->question);
  gint64 second, third;

  g_assert_nonnull (q);
  g_assert_cmpstr (dossier_question_get_text (q), ==, "Should ferries carry a levy for the terminals?");
  g_assert_true (g_uuid_string_is_valid (dossier_question_get_uuid (q)));

  second = dossier_project_add_question (P (f), "  Rebuild Vikhavn first? ", &error);
  third = dossier_project_add_question (P (f), "Strike in spring?", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_question_get_text (dossier_project_get_question (P (f), second)), ==,
                   "Rebuild Vikhavn first?");
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 3);

  g_assert_true (dossier_project_move_question (P (f), third, 0, &error));
  {
    g_autoptr(DossierQuestion) first = g_list_model_get_item (questions, 0);

    g_assert_cmpint (dossier_question_get_id (first), ==, third);
    g_assert_cmpint (dossier_question_get_position (first), ==, 0);
  }

  g_assert_true (dossier_project_set_question_text (P (f), second, "Rebuild Sørøy first?", &error));
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Edit Question");
  g_assert_false (dossier_project_set_question_text (P (f), second, "  ", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_question (P (f), "", &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting a question takes its arguments along; undo brings them back. */
  add_argument (f, DOSSIER_POLARITY_PRO, "Fair");
  g_assert_true (dossier_project_delete_question (P (f), f->question, &error));
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_arguments (P (f))), ==, 0);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 3);
  assert_order (f, "+Fair");
}

static void
test_arguments (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 fair, terminals, cost, strike;
  gint64 islanders = dossier_project_add_stakeholder (P (f), "Islanders", NULL,
                                                      DOSSIER_STAKEHOLDER_PUBLIC, &error);
  DossierQuestion *q = dossier_project_get_question (P (f), f->question);

  fair = add_argument (f, DOSSIER_POLARITY_PRO, "Users pay for what they use");
  cost = add_argument (f, DOSSIER_POLARITY_CON, "Too dear for islanders on low incomes");
  terminals = add_argument (f, DOSSIER_POLARITY_PRO, "Four terminals rebuilt");
  strike = add_argument (f, DOSSIER_POLARITY_CON, "Crews may strike");
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Add Con");
  assert_order (f, "+Users pay for what they use|+Four terminals rebuilt|"
                   "-Too dear for islanders on low incomes|-Crews may strike");

  /* The balance. */
  g_assert_cmpuint (dossier_question_get_n_pros (q), ==, 2);
  g_assert_cmpuint (dossier_question_get_n_cons (q), ==, 2);
  g_assert_true (dossier_project_set_argument_strength (P (f), cost, 5, &error));
  g_assert_cmpuint (dossier_question_get_pro_strength (q), ==, 6);
  g_assert_cmpuint (dossier_question_get_con_strength (q), ==, 8);

  /* Perspective, statement. */
  g_assert_true (dossier_project_set_argument_stakeholder (P (f), cost, islanders, &error));
  g_assert_cmpint (dossier_argument_get_stakeholder_id (dossier_project_get_argument (P (f), cost)),
                   ==, islanders);
  g_assert_true (dossier_project_set_argument_statement (P (f), fair, "Users pay", &error));
  g_assert_no_error (error);

  /* Reorder, and move to the other side. */
  g_assert_true (dossier_project_move_argument (P (f), terminals, DOSSIER_POLARITY_PRO, 0, &error));
  assert_order (f, "+Four terminals rebuilt|+Users pay|"
                   "-Too dear for islanders on low incomes|-Crews may strike");
  g_assert_true (dossier_project_move_argument (P (f), fair, DOSSIER_POLARITY_CON, 1, &error));
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Make Argument a Con");
  assert_order (f, "+Four terminals rebuilt|"
                   "-Too dear for islanders on low incomes|-Users pay|-Crews may strike");
  g_assert_cmpuint (dossier_question_get_n_pros (q), ==, 1);
  g_assert_true (dossier_project_undo (P (f), &error));
  assert_order (f, "+Four terminals rebuilt|+Users pay|"
                   "-Too dear for islanders on low incomes|-Crews may strike");

  /* Deleting closes ranks; deleting its stakeholder leaves it nobody's. */
  g_assert_true (dossier_project_delete_argument (P (f), strike, &error));
  assert_order (f, "+Four terminals rebuilt|+Users pay|-Too dear for islanders on low incomes");
  g_assert_true (dossier_project_delete_stakeholder (P (f), islanders, &error));
  g_assert_cmpint (dossier_argument_get_stakeholder_id (dossier_project_get_argument (P (f), cost)),
                   ==, 0);

  /* Refused. */
  g_assert_cmpint (dossier_project_add_argument (P (f), f->question, DOSSIER_POLARITY_PRO, "x", 0, 6,
                                                 &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_argument (P (f), f->question, 7, "x", 0, 3, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_argument (P (f), f->question, DOSSIER_POLARITY_PRO, " ", 0, 3,
                                                 &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_argument (P (f), 4242, DOSSIER_POLARITY_PRO, "x", 0, 3,
                                                 &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_argument (P (f), f->question, DOSSIER_POLARITY_PRO, "x", 4242,
                                                 3, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_argument_strength (P (f), cost, 0, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_move_argument (P (f), 4242, DOSSIER_POLARITY_PRO, 0, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* ---- New rows placed after the last ------------------------------------------------------ */

/* The virtual machine steps the statements of @project's connection whose
 * SQL begins with @prefix have taken. Fails if the plan of one of them
 * reads a whole table or index (SCAN): a count of rows is one step,
 * however many rows it reads, so steps alone would not see it. */
static guint64
steps_of (DossierProject *project,
          const char     *prefix)
{
  sqlite3 *db = dossier_project_get_db (project);
  guint64 steps = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    {
      const char *sql = sqlite3_sql (stmt);
      g_autofree char *explain = NULL;
      sqlite3_stmt *plan = NULL;

      if (sql == NULL || !g_str_has_prefix (sql, prefix))
        continue;
      steps += sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_VM_STEP, FALSE);

      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &plan, NULL), ==, SQLITE_OK);
      while (sqlite3_step (plan) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (plan, 3);

          if (detail != NULL && g_str_has_prefix (detail, "SCAN"))
            g_error ("“%s” reads every row: %s", sql, detail);
        }
      sqlite3_finalize (plan);
    }
  return steps;
}

/* A new question, stakeholder or argument goes after the last of its list
 * in one seek of the index on its place, however long the list: its place
 * was a count of the rows, which read them all (adding n was quadratic)
 * and put it among them where a file edited by hand left gaps. */
static void
test_added_last (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *questions, *stakeholders;
  g_autoptr(DossierQuestion) last_question = NULL;
  g_autoptr(DossierStakeholder) last_stakeholder = NULL;
  g_autofree char *order = NULL;
  g_autofree char *sql = NULL;
  guint64 steps, steps_long, steps_short;
  gint64 question, stakeholder;

  /* 3,000 of each, placed 10, 20, 30…, as another program may write them. */
  sql = g_strdup_printf ("WITH RECURSIVE c (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000) "
                         "INSERT INTO questions (uuid, text, position) "
                         "SELECT printf ('q-%%d', i), printf ('Question %%d', i), 10 * i FROM c; "
                         "WITH RECURSIVE c (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000) "
                         "INSERT INTO stakeholders (uuid, name, position) "
                         "SELECT printf ('s-%%d', i), printf ('Someone %%d', i), 10 * i FROM c; "
                         "WITH RECURSIVE c (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000) "
                         "INSERT INTO arguments (uuid, question, polarity, statement, position) "
                         "SELECT printf ('a-%%d', i), %" G_GINT64_FORMAT ", 'pro', "
                         "printf ('Reason %%d', i), 10 * i FROM c", f->question);
  dossier_project_close (P (f));
  g_object_unref (P (f));
  test_sql_exec (f->base.path, sql);
  P (f) = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  questions = dossier_project_get_questions (P (f));
  stakeholders = dossier_project_get_stakeholders (P (f));

  steps = steps_of (P (f), "INSERT INTO questions");
  question = dossier_project_add_question (P (f), "The last question?", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps_of (P (f), "INSERT INTO questions") - steps, <, 100);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 3002);
  last_question = g_list_model_get_item (questions, 3001);
  g_assert_cmpint (dossier_question_get_id (last_question), ==, question);

  stakeholder = dossier_project_add_stakeholder (P (f), "The last one", NULL, DOSSIER_STAKEHOLDER_OTHER,
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, 3001);
  last_stakeholder = g_list_model_get_item (stakeholders, 3000);
  g_assert_cmpint (dossier_stakeholder_get_id (last_stakeholder), ==, stakeholder);
  steps_of (P (f), "INSERT INTO stakeholders");

  /* An argument after 3,000 on its side costs what the first of a side does. */
  steps = steps_of (P (f), "INSERT INTO arguments");
  add_argument (f, DOSSIER_POLARITY_PRO, "The last reason");
  steps_long = steps_of (P (f), "INSERT INTO arguments") - steps;
  add_argument (f, DOSSIER_POLARITY_CON, "The first objection");
  steps_short = steps_of (P (f), "INSERT INTO arguments") - steps - steps_long;
  g_test_message ("an argument's INSERT: %" G_GUINT64_FORMAT " steps after 3,000 on its side, "
                  "%" G_GUINT64_FORMAT " as the first", steps_long, steps_short);
  g_assert_cmpuint (steps_long, <, steps_short + 20);
  order = order_of (P (f), f->question);
  g_assert_true (g_str_has_suffix (order, "|+Reason 3000|+The last reason|-The first objection"));
}

static void
test_evidence_flags (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 pro = add_argument (f, DOSSIER_POLARITY_PRO, "The terminals get rebuilt");
  DossierArgument *a = dossier_project_get_argument (P (f), pro);
  gint64 start, end, h_a, h_b, h_c;

  /* No evidence: flagged. */
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 0);
  g_assert_cmpuint (dossier_argument_get_n_sources (a), ==, 0);

  text_range (text_a, "would pay for four new terminals", &start, &end);
  h_a = dossier_project_add_argument_evidence_range (P (f), pro, f->doc_a, start, end, "Courier",
                                                     &error);
  g_assert_no_error (error);
  text_range (text_b, "would rebuild the quays by 2031", &start, &end);
  h_b = dossier_project_add_argument_evidence_range (P (f), pro, f->doc_b, start, end, NULL, &error);
  g_assert_no_error (error);
  /* Two documents, one outlet: still a single source. */
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 2);
  g_assert_cmpuint (dossier_argument_get_n_sources (a), ==, 1);

  /* A document without an outlet is a source of its own. */
  text_range (text_a, "four new terminals", &start, &end);
  h_c = dossier_project_add_argument_evidence_range (P (f), pro, f->doc_c, start, end, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_argument_get_n_sources (a), ==, 2);
  /* Another outlet on a document changes that too. */
  g_assert_true (dossier_project_set_document_metadata (P (f), f->doc_b, NULL, NULL, "Island Radio",
                                                        NULL, NULL, &error));
  g_assert_cmpuint (dossier_argument_get_n_sources (a), ==, 3);

  list = dossier_project_list_argument_evidence (P (f), pro, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (dossier_highlight_get_id (((DossierEvidence *) g_ptr_array_index (list, 0))->highlight),
                   ==, h_a);
  g_assert_cmpstr (((DossierEvidence *) g_ptr_array_index (list, 0))->note, ==, "Courier");
  g_assert_cmpint (((DossierEvidence *) g_ptr_array_index (list, 0))->role, ==, DOSSIER_EVIDENCE_NONE);

  /* Citing again updates the note. */
  g_assert_true (dossier_project_add_argument_evidence (P (f), pro, h_b, "Quoted", &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dossier_project_list_argument_evidence (P (f), pro, &error);
  g_assert_cmpstr (((DossierEvidence *) g_ptr_array_index (list, 1))->note, ==, "Quoted");

  /* Removing: the highlight without a tag goes with it. */
  g_assert_true (dossier_project_remove_argument_evidence (P (f), pro, h_c, &error));
  g_assert_null (dossier_project_get_highlight (P (f), h_c, NULL));
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 2);

  /* Deleting the argument drops its bare highlights; undo restores all. */
  g_assert_true (dossier_project_delete_argument (P (f), pro, &error));
  g_assert_null (dossier_project_get_highlight (P (f), h_a, NULL));
  g_assert_true (dossier_project_undo (P (f), &error));
  a = dossier_project_get_argument (P (f), pro);
  g_assert_nonnull (a);
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 2);
}

/* The live highlights of @document_id. */
static guint
count_highlights (DossierProject *project,
                  gint64          document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = dossier_project_list_highlights (project, document_id, 0, &error);

  g_assert_no_error (error);
  return list->len;
}

/* An argument added citing a passage (+ with a passage selected): the
 * argument and its evidence in one step, a new highlight without a tag or
 * the one already there; undone, both go (a highlight already there
 * stays); a passage out of the text adds nothing. */
static void
test_add_citing (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(DossierHighlight) bare = NULL;
  gint64 start, end, id, cited = 0, tagged, tag;
  guint n_tags = 1;

  text_range (text_b, "would rebuild the quays by 2031", &start, &end);
  id = dossier_project_add_argument_citing (P (f), &ARGUMENT (f, DOSSIER_POLARITY_PRO, " New quays ", 4),
                                            f->doc_b, end, start, &cited, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (dossier_argument_get_statement (dossier_project_get_argument (P (f), id)), ==, "New quays");
  g_assert_cmpint (dossier_argument_get_strength (dossier_project_get_argument (P (f), id)), ==, 4);
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Add Pro");
  list = dossier_project_list_argument_evidence (P (f), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (dossier_highlight_get_id (((DossierEvidence *) g_ptr_array_index (list, 0))->highlight), ==, cited);
  bare = dossier_project_get_highlight (P (f), cited, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_highlight_get_start (bare), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (bare), ==, end);
  dossier_highlight_get_tag_ids (bare, &n_tags);
  g_assert_cmpuint (n_tags, ==, 0);
  assert_order (f, "+New quays");

  /* One step takes back both. */
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_null (dossier_project_get_argument (P (f), id));
  g_assert_cmpuint (count_highlights (P (f), f->doc_b), ==, 0);
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_cmpuint (dossier_argument_get_n_evidence (dossier_project_get_argument (P (f), id)), ==, 1);
  g_assert_cmpuint (count_highlights (P (f), f->doc_b), ==, 1);

  /* A passage highlighted already is cited as it is, and outlives the undo. */
  tag = add_tag (P (f), "Costs", 0);
  text_range (text_a, "cannot afford another crown a trip", &start, &end);
  tagged = dossier_project_tag_range (P (f), f->doc_a, start, end, tag, &error);
  g_assert_no_error (error);
  id = dossier_project_add_argument_citing (P (f), &ARGUMENT (f, DOSSIER_POLARITY_CON, "Too dear", 3),
                                            f->doc_a, start, end, &cited, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cited, ==, tagged);
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Add Con");
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_null (dossier_project_get_argument (P (f), id));
  g_clear_object (&bare);
  bare = dossier_project_get_highlight (P (f), tagged, NULL);
  g_assert_nonnull (bare);

  /* Failures write nothing. */
  g_assert_cmpint (dossier_project_add_argument_citing (P (f), &ARGUMENT (f, DOSSIER_POLARITY_PRO, "Far", 3),
                                                        f->doc_a, 5, 100000, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_argument_citing (P (f), &ARGUMENT (f, DOSSIER_POLARITY_PRO, "  ", 3),
                                                        f->doc_a, 0, 4, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_order (f, "+New quays");
  g_assert_cmpuint (count_highlights (P (f), f->doc_a), ==, 1);
  g_assert_cmpstr (dossier_project_get_redo_label (P (f)), ==, "Add Con");
  assert_project_sound (P (f));
}

/* How many passages @a and @s cite, and from how many sources @a. */
static void
assert_cited (DossierArgument    *a,
              DossierStakeholder *s,
              guint               n)
{
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, n);
  g_assert_cmpuint (dossier_argument_get_n_sources (a), ==, n);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, n);
}

/* Deleting a highlight takes it from the evidence of every argument and
 * stakeholder citing it, in the models too, and undoing it gives it
 * back; whatever the other highlights of its document (one whose id is
 * the document's is cited by another argument here). */
static void
test_delete_highlight (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 other = add_argument (f, DOSSIER_POLARITY_CON, "Islanders cannot pay");
  gint64 pro = add_argument (f, DOSSIER_POLARITY_PRO, "The terminals get rebuilt");
  gint64 board = dossier_project_add_stakeholder (P (f), "Ferry Board", NULL, DOSSIER_STAKEHOLDER_BUSINESS,
                                                  &error);
  DossierArgument *a = dossier_project_get_argument (P (f), pro);
  DossierStakeholder *s = dossier_project_get_stakeholder (P (f), board);
  gint64 start, end, first, cited;

  g_assert_no_error (error);
  text_range (text_a, "cannot afford another crown a trip", &start, &end);
  first = dossier_project_add_argument_evidence_range (P (f), other, f->doc_a, start, end, NULL, &error);
  g_assert_cmpint (first, ==, f->doc_a);
  text_range (text_a, "would pay for four new terminals", &start, &end);
  cited = dossier_project_add_argument_evidence_range (P (f), pro, f->doc_a, start, end, NULL, &error);
  g_assert_true (dossier_project_add_stakeholder_evidence (P (f), board, cited, NULL, DOSSIER_EVIDENCE_NONE,
                                                           DOSSIER_STANCE_UNKNOWN, &error));
  g_assert_no_error (error);
  assert_cited (a, s, 1);

  g_assert_true (dossier_project_delete_highlight (P (f), cited, &error));
  assert_cited (a, s, 0);
  g_assert_true (dossier_project_undo (P (f), &error));
  assert_cited (a, s, 1);
  g_assert_true (dossier_project_redo (P (f), &error));
  assert_cited (a, s, 0);
  g_assert_no_error (error);
}

/* Tagging a passage that joins two highlights of the same tag merges
 * them into one: an argument citing both then cites one, in the model
 * too, and both again after the undo. */
static void
test_merge_highlights (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 pro = add_argument (f, DOSSIER_POLARITY_PRO, "The terminals get rebuilt");
  gint64 tag = dossier_project_add_tag (P (f), "Costs", 0, "#3584e4", NULL, &error);
  DossierArgument *a = dossier_project_get_argument (P (f), pro);
  gint64 first, second, joined;

  g_assert_no_error (error);
  /* Not cited, and first: the highlights below have ids other than the
   * document's, which the citers' look-up once took them for. */
  g_assert_cmpint (dossier_project_tag_range (P (f), f->doc_a, 40, 50, tag, &error), ==, f->doc_a);
  first = dossier_project_tag_range (P (f), f->doc_a, 0, 10, tag, &error);
  second = dossier_project_tag_range (P (f), f->doc_a, 20, 30, tag, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_add_argument_evidence (P (f), pro, first, "", &error));
  g_assert_true (dossier_project_add_argument_evidence (P (f), pro, second, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 2);

  joined = dossier_project_tag_range (P (f), f->doc_a, 5, 25, tag, &error);
  g_assert_no_error (error);
  g_assert_true (joined == first || joined == second);
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 1);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 2);
}

/* Autocoding a match that joins two highlights of its tag merges them
 * as tagging does: an argument and a stakeholder citing both then cite
 * one, in the models too, two again after the undo and one after the
 * redo. A highlight whose id is the document's is there, cited by
 * nobody: the citers' look-up once took the document's id for a
 * highlight's and read its citers only. */
static void
test_autocode_merge (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 pro = add_argument (f, DOSSIER_POLARITY_PRO, "The terminals get rebuilt");
  gint64 board = dossier_project_add_stakeholder (P (f), "Ferry Board", NULL, DOSSIER_STAKEHOLDER_BUSINESS,
                                                  &error);
  gint64 tag = dossier_project_add_tag (P (f), "Costs", 0, "#3584e4", NULL, &error);
  DossierArgument *a = dossier_project_get_argument (P (f), pro);
  DossierStakeholder *s = dossier_project_get_stakeholder (P (f), board);
  gint64 start, end, h[2];

  g_assert_no_error (error);
  text_range (text_a, "Ministers call it fair", &start, &end);
  g_assert_cmpint (dossier_project_tag_range (P (f), f->doc_a, start, end, tag, &error), ==, f->doc_a);
  text_range (text_a, "ferry levy", &start, &end);
  h[0] = dossier_project_tag_range (P (f), f->doc_a, start, end, tag, &error);
  text_range (text_a, "pay for four", &start, &end);
  h[1] = dossier_project_tag_range (P (f), f->doc_a, start, end, tag, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (h); i++)
    {
      g_assert_true (dossier_project_add_argument_evidence (P (f), pro, h[i], "", &error));
      g_assert_true (dossier_project_add_stakeholder_evidence (P (f), board, h[i], NULL, DOSSIER_EVIDENCE_NONE,
                                                               DOSSIER_STANCE_UNKNOWN, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 2);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 2);

  g_assert_cmpint (dossier_project_autocode (P (f), tag, "levy would pay", NULL, f->doc_a, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 1);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 1);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 2);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 2);
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_argument_get_n_evidence (a), ==, 1);
  g_assert_cmpuint (dossier_stakeholder_get_n_evidence (s), ==, 1);
}

/* ---- Suggestions -------------------------------------------------------------------------- */

static DossierParsedDocument *
import_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_FIXTURES_DIR"), "suggest", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc = dossier_import_file (file, DOSSIER_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_suggestions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 doc = add_parsed_doc (P (f), import_fixture ("ferry-levy.md"));
  DossierArgumentSuggestion *chosen[3];
  DossierQuestion *q = dossier_project_get_question (P (f), f->question);

  all = dossier_project_suggest_arguments (P (f), doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 10);

  /* Three accepted at once: one step, a highlight without a tag each. */
  for (guint i = 0; i < 3; i++)
    chosen[i] = g_ptr_array_index (all, i + 2);   /* a pro, then two cons */
  g_assert_true (dossier_project_accept_argument_suggestions (P (f), f->question, doc, chosen, 3,
                                                              &ids, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_undo_label (P (f)), ==, "Accept Suggested Arguments");
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpuint (dossier_question_get_n_pros (q), ==, 1);
  g_assert_cmpuint (dossier_question_get_n_cons (q), ==, 2);
  for (guint i = 0; i < ids->len; i++)
    {
      DossierArgument *a = dossier_project_get_argument (P (f), g_array_index (ids, gint64, i));
      g_autoptr(GPtrArray) evidence = dossier_project_list_argument_evidence (P (f),
                                                                              dossier_argument_get_id (a),
                                                                              &error);
      DossierHighlight *h = ((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight;
      guint n_tags = 1;

      g_assert_cmpstr (dossier_argument_get_statement (a), ==, chosen[i]->statement);
      g_assert_cmpint (dossier_argument_get_polarity (a), ==, chosen[i]->polarity);
      g_assert_cmpint (dossier_highlight_get_start (h), ==, chosen[i]->start);
      g_assert_cmpint (dossier_highlight_get_end (h), ==, chosen[i]->end);
      dossier_highlight_get_tag_ids (h, &n_tags);
      g_assert_cmpuint (n_tags, ==, 0);
    }

  /* Accepted ones are no longer suggested; dismissed ones neither. */
  chosen[0] = g_ptr_array_index (all, 0);
  g_assert_true (dossier_project_dismiss_argument_suggestions (P (f), doc, chosen, 1, &error));
  g_assert_no_error (error);
  left = dossier_project_suggest_arguments (P (f), doc, &error);
  g_assert_cmpuint (left->len, ==, 6);

  /* Undoing the dismissal, then the acceptance, brings them all back. */
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_cmpuint (dossier_question_get_n_cons (q), ==, 0);
  after_undo = dossier_project_suggest_arguments (P (f), doc, &error);
  g_assert_cmpuint (after_undo->len, ==, 10);
  assert_project_sound (P (f));

  /* Refused: a suggestion without a statement, a missing question. */
  g_free (chosen[0]->statement);
  chosen[0]->statement = g_strdup ("");
  g_assert_false (dossier_project_accept_argument_suggestions (P (f), f->question, doc, chosen, 1,
                                                               NULL, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  chosen[0] = g_ptr_array_index (all, 1);
  g_assert_false (dossier_project_accept_argument_suggestions (P (f), 4242, doc, chosen, 1, NULL,
                                                               &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
}

/* ---- Every action, undone and redone ----------------------------------------------------- */

static char *
dump (DossierProject *project)
{
  static const char * const queries[] = {
    "SELECT * FROM stakeholders ORDER BY id",
    "SELECT * FROM stakeholder_evidence ORDER BY 1, 2",
    "SELECT * FROM stakeholder_mentions ORDER BY 1, 2",
    "SELECT * FROM questions ORDER BY id",
    "SELECT * FROM arguments ORDER BY id",
    "SELECT * FROM argument_evidence ORDER BY 1, 2",
    "SELECT kind, document, key FROM dismissed_suggestions ORDER BY 1, 2, 3",
    "SELECT id, document, start, end, quote FROM highlights ORDER BY id",
    "SELECT * FROM highlight_tags ORDER BY 1, 2",
  };
  sqlite3 *db = dossier_project_get_db (project);
  GString *out = g_string_new (NULL);
  GListModel *models[] = {
    dossier_project_get_stakeholders (project),
    dossier_project_get_questions (project),
    dossier_project_get_arguments (project),
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "%s\n", queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s\t", sqlite3_column_type (stmt, c) == SQLITE_NULL ?
                                    "NULL" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }

  /* The models show the same, in order, with the same counts. */
  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; i < g_list_model_get_n_items (models[m]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (models[m], i);
        g_autofree char *names = NULL;
        gint64 id = 0, who = 0;
        guint n = 0;

        g_object_get (item, "id", &id, NULL);
        if (DOSSIER_IS_STAKEHOLDER (item))
          {
            DossierStakeholder *s = DOSSIER_STAKEHOLDER (item);
            g_autofree char *aliases = g_strjoinv ("|", (char **) dossier_stakeholder_get_aliases (s));

            n = dossier_stakeholder_get_n_mentions (s) * 1000 + dossier_stakeholder_get_n_evidence (s);
            names = g_strconcat (dossier_stakeholder_get_name (s), "|", aliases, NULL);
          }
        else if (DOSSIER_IS_ARGUMENT (item))
          {
            n = dossier_argument_get_n_evidence (DOSSIER_ARGUMENT (item)) * 1000 +
                dossier_argument_get_n_sources (DOSSIER_ARGUMENT (item));
            /* Its point of view: cleared when its stakeholder goes, back on undo. */
            who = dossier_argument_get_stakeholder_id (DOSSIER_ARGUMENT (item));
          }
        else
          n = dossier_question_get_n_pros (DOSSIER_QUESTION (item)) * 1000 +
              dossier_question_get_n_cons (DOSSIER_QUESTION (item));
        g_string_append_printf (out, "model %u: %" G_GINT64_FORMAT " %u %" G_GINT64_FORMAT " %s\n", m, id, n,
                                who, names != NULL ? names : "");
      }

  return g_string_free (out, FALSE);
}

typedef struct
{
  Fixture *f;
  gint64   varga, union_, pro, con, h;
} World;

#define OK(call) G_STMT_START { g_autoptr(GError) _e = NULL; \
                                gboolean _ok = (call); \
                                g_assert_no_error (_e); g_assert_true (_ok); } G_STMT_END
#define ERR (&_e)

static void act_add (World *w) { OK ((w->varga = dossier_project_add_stakeholder (P (w->f), "Ministers", NULL, DOSSIER_STAKEHOLDER_GOVERNMENT, ERR)) > 0); }
static void act_add2 (World *w) { OK ((w->union_ = dossier_project_add_stakeholder (P (w->f), "Crews", (const char *[]) { "crew", NULL }, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY, ERR)) > 0); }
static void act_rename (World *w) { OK (dossier_project_set_stakeholder_name (P (w->f), w->varga, "The ministry", ERR)); }
static void act_aliases (World *w) { OK (dossier_project_set_stakeholder_aliases (P (w->f), w->varga, (const char *[]) { "Ministers", NULL }, ERR)); }
static void act_kind (World *w) { OK (dossier_project_set_stakeholder_kind (P (w->f), w->varga, DOSSIER_STAKEHOLDER_OFFICIAL, ERR)); }
static void act_description (World *w) { OK (dossier_project_set_stakeholder_description (P (w->f), w->varga, "Runs the ferries", ERR)); }
static void act_stance (World *w) { OK (dossier_project_set_stakeholder_stance (P (w->f), w->varga, "For the levy", ERR)); }
static void act_position (World *w) { OK (dossier_project_set_stakeholder_stance_position (P (w->f), w->varga, 2, ERR)); }
static void act_interests (World *w) { OK (dossier_project_set_stakeholder_interests (P (w->f), w->varga, "Budget", ERR)); }
static void act_ratings (World *w) { OK (dossier_project_set_stakeholder_ratings (P (w->f), w->varga, 5, 2, ERR)); }
static void act_color (World *w) { OK (dossier_project_set_stakeholder_color (P (w->f), w->varga, "#123456", ERR)); }
static void act_move (World *w) { OK (dossier_project_move_stakeholder (P (w->f), w->union_, 0, ERR)); }
static void act_cite_range (World *w) { OK ((w->h = dossier_project_add_stakeholder_evidence_range (P (w->f), w->varga, w->f->doc_a, 0, 15, "n", DOSSIER_EVIDENCE_STANCE, 1, ERR)) > 0); }
static void act_cite (World *w) { OK (dossier_project_add_stakeholder_evidence (P (w->f), w->union_, w->h, NULL, DOSSIER_EVIDENCE_QUOTE, DOSSIER_STANCE_UNKNOWN, ERR)); }
static void act_uncite (World *w) { OK (dossier_project_remove_stakeholder_evidence (P (w->f), w->union_, w->h, ERR)); }
static void act_question (World *w) { OK (dossier_project_add_question (P (w->f), "Second question?", ERR) > 0); }
static void act_pro (World *w) { OK ((w->pro = dossier_project_add_argument (P (w->f), w->f->question, DOSSIER_POLARITY_PRO, "Fair", w->varga, 4, ERR)) > 0); }
static void act_con (World *w) { OK ((w->con = dossier_project_add_argument (P (w->f), w->f->question, DOSSIER_POLARITY_CON, "Dear", 0, 3, ERR)) > 0); }
static void act_statement (World *w) { OK (dossier_project_set_argument_statement (P (w->f), w->pro, "Users pay", ERR)); }
static void act_strength (World *w) { OK (dossier_project_set_argument_strength (P (w->f), w->con, 1, ERR)); }
static void act_perspective (World *w) { OK (dossier_project_set_argument_stakeholder (P (w->f), w->con, w->union_, ERR)); }
static void act_flip (World *w) { OK (dossier_project_move_argument (P (w->f), w->con, DOSSIER_POLARITY_PRO, 0, ERR)); }
static void act_arg_cite (World *w) { OK (dossier_project_add_argument_evidence (P (w->f), w->pro, w->h, "same passage", ERR)); }
static void act_arg_range (World *w) { OK (dossier_project_add_argument_evidence_range (P (w->f), w->con, w->f->doc_b, 2, 9, NULL, ERR) > 0); }
static void act_merge (World *w) { OK (dossier_project_merge_stakeholders (P (w->f), w->union_, w->varga, ERR)); }
static void act_delete_arg (World *w) { OK (dossier_project_delete_argument (P (w->f), w->con, ERR)); }
static void act_delete_highlight (World *w) { OK (dossier_project_delete_highlight (P (w->f), w->h, ERR)); }
static void act_delete_stakeholder (World *w) { OK (dossier_project_delete_stakeholder (P (w->f), w->varga, ERR)); }
static void act_delete_question (World *w) { OK (dossier_project_delete_question (P (w->f), w->f->question, ERR)); }

static void
test_every_action (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *name; void (*action) (World *); } actions[] = {
    { "add", act_add }, { "add2", act_add2 }, { "rename", act_rename }, { "aliases", act_aliases },
    { "kind", act_kind }, { "description", act_description }, { "stance", act_stance },
    { "position", act_position }, { "interests", act_interests }, { "ratings", act_ratings },
    { "color", act_color }, { "move", act_move }, { "cite-range", act_cite_range },
    { "cite", act_cite }, { "uncite", act_uncite }, { "question", act_question }, { "pro", act_pro },
    { "con", act_con }, { "statement", act_statement }, { "strength", act_strength },
    { "perspective", act_perspective }, { "flip", act_flip }, { "arg-cite", act_arg_cite },
    { "arg-range", act_arg_range }, { "merge", act_merge }, { "delete-arg", act_delete_arg },
    { "delete-highlight", act_delete_highlight }, { "delete-stakeholder", act_delete_stakeholder },
    { "delete-question", act_delete_question },
  };
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_free);
  World w = { f, 0, 0, 0, 0, 0 };
  GError *error = NULL;

  g_ptr_array_add (history, dump (P (f)));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *before = dump (P (f));
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      g_test_message ("action %s", actions[i].name);
      actions[i].action (&w);
      after = dump (P (f));
      g_assert_cmpstr (after, !=, before);

      g_assert_true (dossier_project_undo (P (f), &error));
      g_assert_no_error (error);
      undone = dump (P (f));
      g_assert_cmpstr (undone, ==, before);
      g_assert_true (dossier_project_redo (P (f), &error));
      redone = dump (P (f));
      g_assert_cmpstr (redone, ==, after);
      g_ptr_array_add (history, g_steal_pointer (&after));
      assert_project_sound (P (f));
    }

  /* All the way back, and forward again. */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (dossier_project_undo (P (f), &error));
  {
    g_autofree char *start = dump (P (f));

    g_assert_cmpstr (start, ==, g_ptr_array_index (history, 0));
  }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (dossier_project_redo (P (f), &error));
  {
    g_autofree char *end = dump (P (f));

    g_assert_cmpstr (end, ==, g_ptr_array_index (history, history->len - 1));
  }
}

static gboolean
finds_question (DossierProject *project,
                gpointer        item)
{
  return dossier_project_get_question (project, dossier_question_get_id (item)) != NULL;
}

static gboolean
finds_argument (DossierProject *project,
                gpointer        item)
{
  return dossier_project_get_argument (project, dossier_argument_get_id (item)) != NULL;
}

/* When a list says a question or an argument is gone, the project no
 * longer returns it (a panel looks up the one it shows in its handler of
 * items-changed): an add undone, a delete, a question deleted with its
 * arguments, and both lists read whole (a read-only view of a project
 * another connection changed). */
static void
test_removed_not_found (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestRemovalWatch) questions = NULL;
  g_autoptr(TestRemovalWatch) arguments = NULL;
  g_autoptr(DossierProject) viewer = NULL;
  gint64 question, pro, con;

  questions = test_removal_watch_new (P (f), dossier_project_get_questions (P (f)), finds_question);
  arguments = test_removal_watch_new (P (f), dossier_project_get_arguments (P (f)), finds_argument);

  question = dossier_project_add_question (P (f), "Should the levy end in 2031?", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_null (dossier_project_get_question (P (f), question));
  g_assert_cmpuint (test_removal_watch_get_n_removed (questions), ==, 1);

  pro = add_argument (f, DOSSIER_POLARITY_PRO, "New terminals");
  con = add_argument (f, DOSSIER_POLARITY_CON, "Dearer trips");
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_null (dossier_project_get_argument (P (f), con));
  g_assert_true (dossier_project_delete_argument (P (f), pro, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_removal_watch_get_n_removed (arguments), ==, 2);

  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_true (dossier_project_delete_question (P (f), f->question, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_removal_watch_get_n_removed (questions), ==, 2);
  g_assert_cmpuint (test_removal_watch_get_n_removed (arguments), ==, 3);
  g_clear_pointer (&questions, test_removal_watch_free);
  g_clear_pointer (&arguments, test_removal_watch_free);

  g_assert_true (dossier_project_undo (P (f), &error));
  viewer = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dossier_project_get_argument (viewer, pro));
  questions = test_removal_watch_new (viewer, dossier_project_get_questions (viewer), finds_question);
  arguments = test_removal_watch_new (viewer, dossier_project_get_arguments (viewer), finds_argument);
  g_assert_true (dossier_project_delete_question (P (f), f->question, &error));
  g_assert_true (dossier_project_refresh (viewer));
  g_assert_null (dossier_project_get_question (viewer, f->question));
  g_assert_null (dossier_project_get_argument (viewer, pro));
  g_assert_cmpuint (test_removal_watch_get_n_removed (questions), ==, 1);
  g_assert_cmpuint (test_removal_watch_get_n_removed (arguments), ==, 1);
  g_clear_pointer (&questions, test_removal_watch_free);
  g_clear_pointer (&arguments, test_removal_watch_free);
  dossier_project_close (viewer);
}

/* ---- A second process ----------------------------------------------------------------------- */

static void
test_read_only_view (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) viewer = NULL;
  gint64 id;

  viewer = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_questions (viewer)), ==, 1);

  id = dossier_project_add_stakeholder (P (f), "Islanders", NULL, DOSSIER_STAKEHOLDER_PUBLIC, &error);
  add_argument (f, DOSSIER_POLARITY_CON, "Too dear");
  g_assert_true (dossier_project_refresh (viewer));
  g_assert_nonnull (dossier_project_get_stakeholder (viewer, id));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_arguments (viewer)), ==, 1);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (viewer, id)),
                    ==, 2);

  g_assert_cmpint (dossier_project_add_question (viewer, "No", &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY);
  dossier_project_close (viewer);
}

/* The bundled sample is what a new user sees first: every stakeholder's
 * power and interest backed by a passage (no hollow dot on the grid), and
 * each question argued both ways, its arguments cited from more than one
 * outlet — all but one, left on a single outlet so the panel's flag shows.
 * Its codebook holds topics only: no tag stands in for an actor or a side
 * (that is what stakeholders and arguments are for), and every highlight
 * has a topic. Its three reports diverge in each way the Compare page
 * shows: an omission, a stance, a figure. */
static void
test_sample_analysis (void)
{
  const char *sample = g_getenv ("DOSSIER_SAMPLE_PROJECT");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *stakeholders;
  GListModel *questions;
  GListModel *arguments;
  guint single_outlet = 0;

  g_assert_nonnull (sample);
  project = dossier_project_open (sample, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  stakeholders = dossier_project_get_stakeholders (project);
  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), >=, 10);
  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (stakeholders, i);

      g_test_message ("%s", dossier_stakeholder_get_name (s));
      g_assert_true (dossier_stakeholder_get_power_backed (s));
      g_assert_true (dossier_stakeholder_get_interest_backed (s));
      g_assert_cmpuint (dossier_stakeholder_get_n_mentions (s), >, 0);
    }

  questions = dossier_project_get_questions (project);
  g_assert_cmpuint (g_list_model_get_n_items (questions), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(DossierQuestion) q = g_list_model_get_item (questions, i);

      g_assert_cmpuint (dossier_question_get_n_pros (q), >=, 2);
      g_assert_cmpuint (dossier_question_get_n_cons (q), >=, 2);
    }

  arguments = dossier_project_get_arguments (project);
  for (guint i = 0; i < g_list_model_get_n_items (arguments); i++)
    {
      g_autoptr(DossierArgument) a = g_list_model_get_item (arguments, i);

      g_test_message ("%s", dossier_argument_get_statement (a));
      g_assert_cmpuint (dossier_argument_get_n_evidence (a), >, 0);
      if (dossier_argument_get_n_sources (a) < 2)
        single_outlet++;
    }
  g_assert_cmpuint (single_outlet, ==, 1);

  {
    static const char *const imitations[] = {
      "Arguments", "Pro", "Con", "Stakeholders", "Government", "Transport operators",
      "Business", "Residents", "Civil society", "Emergency services",
    };
    g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (project, 0, 0, &error);
    g_autoptr(GPtrArray) divergences = NULL;
    gboolean kinds[DOSSIER_DIVERGENCE_PLACEMENT + 1] = { FALSE };
    gint64 doc_ids[3] = { 0 };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (imitations); i++)
      g_assert_null (dossier_project_find_tag (project, imitations[i]));
    g_assert_cmpuint (highlights->len, >=, 70);
    for (guint i = 0; i < highlights->len; i++)
      {
        guint n_tags = 0;

        dossier_highlight_get_tag_ids (g_ptr_array_index (highlights, i), &n_tags);
        g_assert_cmpuint (n_tags, >, 0);
      }

    g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(DossierDocument) d = g_list_model_get_item (dossier_project_get_documents (project), i);

        doc_ids[i] = dossier_document_get_id (d);
      }
    divergences = dossier_project_compare_divergences (project, doc_ids, 3, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < divergences->len; i++)
      kinds[((DossierDivergence *) g_ptr_array_index (divergences, i))->kind] = TRUE;
    g_assert_true (kinds[DOSSIER_DIVERGENCE_OMISSION]);
    g_assert_true (kinds[DOSSIER_DIVERGENCE_STANCE]);
    g_assert_true (kinds[DOSSIER_DIVERGENCE_FIGURES]);
  }
  dossier_project_close (project);
}

/* ---- one item changed, not the list read again ---------------------------------------- */

typedef struct
{
  guint count;           /* items-changed emitted */
  guint position, removed, added;   /* the last one */
} Spliced;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Spliced    *spliced)
{
  spliced->count++;
  spliced->position = position;
  spliced->removed = removed;
  spliced->added = added;
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
assert_spliced (Spliced *spliced,
                guint    position,
                guint    removed,
                guint    added)
{
  g_assert_cmpuint (spliced->count, ==, 1);
  g_assert_cmpuint (spliced->position, ==, position);
  g_assert_cmpuint (spliced->removed, ==, removed);
  g_assert_cmpuint (spliced->added, ==, added);
  spliced->count = 0;
}

/* With many arguments, each addition, edit, citation, deletion and undo
 * changes the live list by the one item it is about (or by none), and no
 * other argument hears of it; the list is as a fresh reading has it. */
static void
test_items_changed (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *arguments = dossier_project_get_arguments (P (f));
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArgument) other = NULL;
  g_autoptr(DossierArgument) added_item = NULL;
  Spliced spliced = { 0, };
  guint other_notified = 0;
  gint64 pro = 0, con, h, tag;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *statement = g_strdup_printf ("Argument %u", i);
      gint64 id = dossier_project_add_argument (P (f), f->question,
                                                i % 2 ? DOSSIER_POLARITY_CON : DOSSIER_POLARITY_PRO,
                                                statement, 0, 1 + i % 5, &error);

      g_assert_no_error (error);
      if (pro == 0)
        pro = id;
    }
  g_assert_cmpuint (g_list_model_get_n_items (arguments), ==, 40);
  tag = add_tag (P (f), "Quotes", 0);
  g_signal_connect (arguments, "items-changed", G_CALLBACK (on_items_changed), &spliced);
  other = g_object_ref (dossier_project_get_argument (P (f), pro));
  g_signal_connect_swapped (other, "notify", G_CALLBACK (count_notify), &other_notified);

  /* A pro added: one item, after the 20 pros, before the cons. */
  con = dossier_project_add_argument (P (f), f->question, DOSSIER_POLARITY_PRO, "Late pro", 0, 3, &error);
  g_assert_no_error (error);
  assert_spliced (&spliced, 20, 0, 1);
  added_item = g_list_model_get_item (arguments, 20);
  g_assert_cmpint (dossier_argument_get_id (added_item), ==, con);
  g_assert_cmpuint (dossier_question_get_n_pros (dossier_project_get_question (P (f), f->question)), ==, 21);

  /* A con added: at the end. */
  con = dossier_project_add_argument (P (f), f->question, DOSSIER_POLARITY_CON, "Late con", 0, 2, &error);
  g_assert_no_error (error);
  assert_spliced (&spliced, 41, 0, 1);

  /* Edited and cited: the argument changes in place, the list not at all. */
  g_assert_true (dossier_project_set_argument_strength (P (f), con, 5, &error));
  g_assert_true (dossier_project_set_argument_statement (P (f), con, "Later con", &error));
  h = dossier_project_add_highlight (P (f), f->doc_a, 0, 10, &tag, 1, "", &error);
  g_assert_no_error (error);
  spliced.count = 0;   /* a new highlight reads the lists again: not what is counted here */
  g_assert_true (dossier_project_add_argument_evidence (P (f), con, h, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (spliced.count, ==, 0);
  g_assert_cmpstr (dossier_argument_get_statement (dossier_project_get_argument (P (f), con)), ==, "Later con");
  g_assert_cmpuint (dossier_argument_get_n_evidence (dossier_project_get_argument (P (f), con)), ==, 1);
  g_assert_cmpuint (dossier_question_get_con_strength (dossier_project_get_question (P (f), f->question)),
                    >=, 5);

  /* Undoing the citation, the highlight, the two edits, then the
   * addition: only the last changes the list, by taking the item out. */
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (dossier_project_undo (P (f), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (spliced.count, ==, 0);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  assert_spliced (&spliced, 41, 1, 0);
  g_assert_null (dossier_project_get_argument (P (f), con));
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_no_error (error);
  assert_spliced (&spliced, 41, 0, 1);
  g_assert_nonnull (dossier_project_get_argument (P (f), con));

  /* Deleted: one item out, and back with undo. */
  g_assert_true (dossier_project_delete_argument (P (f), con, &error));
  g_assert_no_error (error);
  assert_spliced (&spliced, 41, 1, 0);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  assert_spliced (&spliced, 41, 0, 1);

  /* No other argument was told of any of it. */
  g_assert_cmpuint (other_notified, ==, 0);

  /* Moved within its side: one splice from its old place to its new one,
   * the same object there (a row showing it stays), the others between
   * renumbered; and back with undo. */
  {
    g_autoptr(DossierArgument) moved = g_list_model_get_item (arguments, 5);
    g_autoptr(DossierArgument) at_10 = NULL;
    g_autoptr(DossierArgument) at_5 = NULL;
    g_autoptr(DossierArgument) back = NULL;
    g_autoptr(DossierArgument) up = NULL;

    g_assert_true (dossier_project_move_argument (P (f), dossier_argument_get_id (moved),
                                                  DOSSIER_POLARITY_PRO, 10, &error));
    g_assert_no_error (error);
    assert_spliced (&spliced, 5, 6, 6);
    at_10 = g_list_model_get_item (arguments, 10);
    g_assert_true (at_10 == moved);
    g_assert_cmpint (dossier_argument_get_position (moved), ==, 10);
    at_5 = g_list_model_get_item (arguments, 5);
    g_assert_cmpint (dossier_argument_get_position (at_5), ==, 5);
    g_assert_true (dossier_project_undo (P (f), &error));
    g_assert_no_error (error);
    assert_spliced (&spliced, 5, 6, 6);
    back = g_list_model_get_item (arguments, 5);
    g_assert_true (back == moved);
    g_assert_cmpint (dossier_argument_get_position (moved), ==, 5);

    /* Up one (Alt+Up): the two places it swaps. */
    up = g_list_model_get_item (arguments, 7);
    g_assert_true (dossier_project_move_argument (P (f), dossier_argument_get_id (up),
                                                  DOSSIER_POLARITY_PRO, 6, &error));
    g_assert_no_error (error);
    assert_spliced (&spliced, 6, 2, 2);
    g_assert_true (dossier_project_undo (P (f), &error));
    g_assert_no_error (error);
    assert_spliced (&spliced, 6, 2, 2);
  }

  /* The last pro made the first con keeps its place in the list, yet is
   * spliced (one item out, the same in) so that lists filtered by side
   * see it change sides. */
  {
    g_autoptr(DossierArgument) last_pro = g_list_model_get_item (arguments, 20);
    g_autoptr(DossierArgument) there = NULL;

    g_assert_true (dossier_project_move_argument (P (f), dossier_argument_get_id (last_pro),
                                                  DOSSIER_POLARITY_CON, 0, &error));
    g_assert_no_error (error);
    assert_spliced (&spliced, 20, 1, 1);
    there = g_list_model_get_item (arguments, 20);
    g_assert_true (there == last_pro);
    g_assert_cmpint (dossier_argument_get_polarity (last_pro), ==, DOSSIER_POLARITY_CON);
    g_assert_cmpuint (dossier_question_get_n_pros (dossier_project_get_question (P (f), f->question)), ==, 20);
    g_assert_true (dossier_project_undo (P (f), &error));
    g_assert_no_error (error);
    assert_spliced (&spliced, 20, 1, 1);
    g_assert_cmpint (dossier_argument_get_polarity (last_pro), ==, DOSSIER_POLARITY_PRO);
  }

  /* A pro made the last con: one splice from its place to the end. */
  {
    g_autoptr(DossierArgument) flipped = g_list_model_get_item (arguments, 3);
    g_autoptr(DossierArgument) last = NULL;

    g_assert_true (dossier_project_move_argument (P (f), dossier_argument_get_id (flipped),
                                                  DOSSIER_POLARITY_CON, -1, &error));
    g_assert_no_error (error);
    assert_spliced (&spliced, 3, 39, 39);
    last = g_list_model_get_item (arguments, 41);
    g_assert_true (last == flipped);
    g_assert_true (dossier_project_undo (P (f), &error));
    g_assert_no_error (error);
    assert_spliced (&spliced, 3, 39, 39);
  }

  /* A pro deleted from the middle: one item out, the pros after it
   * renumbered in place; back with undo. */
  {
    g_autoptr(DossierArgument) deleted = g_list_model_get_item (arguments, 4);
    g_autoptr(DossierArgument) next = g_list_model_get_item (arguments, 5);
    gint64 id = dossier_argument_get_id (deleted);
    g_autoptr(DossierArgument) restored = NULL;

    g_assert_true (dossier_project_delete_argument (P (f), id, &error));
    g_assert_no_error (error);
    assert_spliced (&spliced, 4, 1, 0);
    g_assert_cmpint (dossier_argument_get_position (next), ==, 4);
    g_assert_true (dossier_project_undo (P (f), &error));
    g_assert_no_error (error);
    assert_spliced (&spliced, 4, 0, 1);
    restored = g_list_model_get_item (arguments, 4);
    g_assert_cmpint (dossier_argument_get_id (restored), ==, id);
    g_assert_cmpint (dossier_argument_get_position (next), ==, 5);
  }

  /* Each side numbered from 0 in the list's order. */
  for (guint i = 0, pros = 0, cons = 0; i < g_list_model_get_n_items (arguments); i++)
    {
      g_autoptr(DossierArgument) a = g_list_model_get_item (arguments, i);

      if (dossier_argument_get_polarity (a) == DOSSIER_POLARITY_PRO)
        g_assert_cmpint (dossier_argument_get_position (a), ==, pros++);
      else
        g_assert_cmpint (dossier_argument_get_position (a), ==, cons++);
    }

  /* And the list is the one a fresh reading gives. */
  {
    guint n = g_list_model_get_n_items (arguments);
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(DossierArgument) a = g_list_model_get_item (arguments, i);
        gint64 id = dossier_argument_get_id (a);

        g_array_append_val (ids, id);
      }
    g_assert_true (dossier_project_load_questions_and_arguments (P (f), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (spliced.count, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (arguments), ==, n);
  }
}

/* ---- a question added, edited or deleted among thousands ------------------------------- */

/* Each question of @project's model and each argument, as "id:text:place:pros/cons:strengths"
 * and "id:question", one a line. */
static char *
questions_listed (DossierProject *project)
{
  GListModel *questions = dossier_project_get_questions (project);
  GListModel *arguments = dossier_project_get_arguments (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(DossierQuestion) q = g_list_model_get_item (questions, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%s:%d:%u/%u:%u/%u\n", dossier_question_get_id (q),
                              dossier_question_get_text (q), dossier_question_get_position (q),
                              dossier_question_get_n_pros (q), dossier_question_get_n_cons (q),
                              dossier_question_get_pro_strength (q), dossier_question_get_con_strength (q));
    }
  for (guint i = 0; i < g_list_model_get_n_items (arguments); i++)
    {
      g_autoptr(DossierArgument) a = g_list_model_get_item (arguments, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT "\n", dossier_argument_get_id (a),
                              dossier_argument_get_question_id (a));
    }
  return g_string_free (out, FALSE);
}

/* The live models are what a fresh reading of the file lists. */
static void
assert_questions_as_read (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) fresh = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_ONLY, &error);
  g_autofree char *live = NULL;
  g_autofree char *read = NULL;

  g_assert_no_error (error);
  live = questions_listed (P (f));
  read = questions_listed (fresh);
  g_assert_cmpstr (live, ==, read);
  dossier_project_close (fresh);
}

/* @action reads a question's own rows, not the 2,000 others and their
 * counts again. */
#define ASSERT_FEW_STEPS(f, action) TEST_ASSERT_FEW_STEPS (P (f), 2000, action)

/* At 2,000 questions, a question added, renamed or deleted (and each
 * undone and redone) changes the questions' list by the one item, the
 * arguments' by its own, and reads the question's rows, not all of them:
 * it used to read every question and argument again. */
static void
test_questions_patched (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  GListModel *questions, *arguments;
  Spliced in_questions = { 0, }, in_arguments = { 0, };
  gint64 added = 0, middle;
  guint n;

  add_argument (f, DOSSIER_POLARITY_PRO, "Terminals");
  add_argument (f, DOSSIER_POLARITY_CON, "Fares");
  sql = g_strdup_printf ("WITH RECURSIVE c (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000) "
                         "INSERT INTO questions (uuid, text, position) "
                         "SELECT printf ('q-%%d', i), printf ('Question %%d', i), i FROM c; "
                         "INSERT INTO arguments (uuid, question, polarity, statement, strength, position) "
                         "SELECT printf ('a-%%d', id), id, 'pro', 'Because', 4, 0 FROM questions "
                         "WHERE id %% 100 = 0");
  dossier_project_close (P (f));
  g_object_unref (P (f));
  test_sql_exec (f->base.path, sql);
  P (f) = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  questions = dossier_project_get_questions (P (f));
  arguments = dossier_project_get_arguments (P (f));
  n = g_list_model_get_n_items (questions);
  g_assert_cmpuint (n, ==, 2001);
  g_signal_connect (questions, "items-changed", G_CALLBACK (on_items_changed), &in_questions);
  g_signal_connect (arguments, "items-changed", G_CALLBACK (on_items_changed), &in_arguments);

  ASSERT_FEW_STEPS (f, added = dossier_project_add_question (P (f), "A late question?", &error));
  g_assert_no_error (error);
  assert_spliced (&in_questions, n, 0, 1);
  g_assert_cmpuint (in_arguments.count, ==, 0);
  assert_questions_as_read (f);

  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_set_question_text (P (f), added, "A later question?",
                                                                         &error)));
  g_assert_cmpuint (in_questions.count, ==, 0);
  g_assert_cmpstr (dossier_question_get_text (dossier_project_get_question (P (f), added)), ==,
                   "A later question?");
  assert_questions_as_read (f);

  /* Undone: the rename, then the question; redone. */
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_undo (P (f), &error)));
  g_assert_cmpuint (in_questions.count, ==, 0);
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_undo (P (f), &error)));
  assert_spliced (&in_questions, n, 1, 0);
  g_assert_null (dossier_project_get_question (P (f), added));
  assert_questions_as_read (f);
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_redo (P (f), &error)));
  assert_spliced (&in_questions, n, 0, 1);
  assert_questions_as_read (f);

  /* The last deleted: one item out. */
  ASSERT_FEW_STEPS (f, g_assert_true (dossier_project_delete_question (P (f), added, &error)));
  assert_spliced (&in_questions, n, 1, 0);
  g_assert_cmpuint (in_arguments.count, ==, 0);
  assert_questions_as_read (f);

  /* One in the middle, with its argument: the two go, the rest close
   * ranks in the same order; and back. */
  middle = test_sql_int (f->base.path, "SELECT id FROM questions WHERE id % 100 = 0 "
                         "ORDER BY position LIMIT 1 OFFSET 9");
  g_assert_true (dossier_project_delete_question (P (f), middle, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (in_questions.count, ==, 1);
  g_assert_cmpuint (in_questions.removed, ==, 1);
  g_assert_cmpuint (in_questions.added, ==, 0);
  in_questions.count = 0;
  g_assert_cmpuint (in_arguments.count, ==, 1);
  g_assert_cmpuint (in_arguments.removed, ==, 1);
  in_arguments.count = 0;
  g_assert_null (dossier_project_get_question (P (f), middle));
  assert_questions_as_read (f);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  g_assert_nonnull (dossier_project_get_question (P (f), middle));
  assert_questions_as_read (f);
  g_assert_true (dossier_project_redo (P (f), &error));
  g_assert_no_error (error);
  assert_questions_as_read (f);
  g_assert_true (dossier_project_undo (P (f), &error));
  g_assert_no_error (error);
  assert_questions_as_read (f);

  g_signal_handlers_disconnect_by_data (questions, &in_questions);
  g_signal_handlers_disconnect_by_data (arguments, &in_arguments);
}

/* A question's text and an argument's statement may be
 * DOSSIER_ARGUMENT_MAX_TEXT characters long (counted in characters: "é"
 * is two bytes), not one more, whether added or edited; what is refused
 * changes nothing and says the limit. */
static void
test_text_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) most = g_string_new (NULL);
  g_autofree char *over = NULL;
  g_autofree char *limit = g_strdup_printf ("%d", DOSSIER_ARGUMENT_MAX_TEXT);
  GListModel *questions = dossier_project_get_questions (P (f));
  GListModel *arguments = dossier_project_get_arguments (P (f));
  guint n_questions = g_list_model_get_n_items (questions);
  gint64 question, argument;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < DOSSIER_ARGUMENT_MAX_TEXT; i++)
    g_string_append (most, "\u00E9");
  over = g_strconcat (most->str, "e", NULL);

  question = dossier_project_add_question (P (f), most->str, &error);
  g_assert_no_error (error);
  argument = add_argument (f, DOSSIER_POLARITY_PRO, most->str);
  g_assert_true (dossier_project_set_question_text (P (f), f->question, most->str, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_argument_statement (P (f), argument, "Short", &error));
  g_assert_true (dossier_project_set_argument_statement (P (f), argument, most->str, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_argument_get_statement (dossier_project_get_argument (P (f), argument)),
                   ==, most->str);

  g_assert_cmpint (dossier_project_add_question (P (f), over, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, limit));
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_argument (P (f), question, DOSSIER_POLARITY_CON, over, 0, 3,
                                                 &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_question_text (P (f), question, over, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_argument_statement (P (f), argument, over, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, n_questions + 1);
  g_assert_cmpuint (g_list_model_get_n_items (arguments), ==, 1);
  g_assert_cmpstr (dossier_question_get_text (dossier_project_get_question (P (f), question)), ==,
                   most->str);
  g_assert_cmpstr (dossier_argument_get_statement (dossier_project_get_argument (P (f), argument)),
                   ==, most->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/arguments/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("questions", test_questions);
  ADD ("arguments", test_arguments);
  ADD ("added-last", test_added_last);
  ADD ("evidence-flags", test_evidence_flags);
  ADD ("add-citing", test_add_citing);
  ADD ("delete-highlight", test_delete_highlight);
  ADD ("merge-highlights", test_merge_highlights);
  ADD ("autocode-merge", test_autocode_merge);
  ADD ("suggestions", test_suggestions);
  ADD ("every-action", test_every_action);
  ADD ("read-only-view", test_read_only_view);
  ADD ("removed-not-found", test_removed_not_found);
  ADD ("items-changed", test_items_changed);
  ADD ("questions-patched", test_questions_patched);
  ADD ("text-limit", test_text_limit);
#undef ADD
  g_test_add_func ("/dossier/arguments/sample-analysis", test_sample_analysis);

  return g_test_run ();
}
