/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-replace-text.c — replacing a document's text with a newer version
 * of the article: the plan says where every highlight goes (unchanged,
 * moved, approximate, orphaned) with edits before, inside and across
 * highlights, and changes nothing; applying it with a person's decisions
 * (keep, place on a chosen passage, delete) is one undo step; evidence
 * follows its highlights; plans that do not fit are refused; a highlight
 * orphaned by one version comes back when a later one has its passage;
 * tagging reads the text there is after a replacement, its undo and redo.
 */
#include "config.h"

#include <string.h>

#include <dossier/dossier.h>

#include "dossier-project-private.h"
#include "test-util.h"

typedef TestProject Fixture;

static const char version1[] =
  "Harbour Bridge to close to cars\n\n"
  "The council voted on Tuesday to close the Harbour Bridge to cars from June. "
  "The mayor said the tram would carry twelve thousand riders a day. "
  "Ferry crews warned that the pier could not take more boats. "
  "Traders on the quay fear the loss of passing trade.\n\n"
  "The vote was seven to four.";

/* Text added before everything, a word inserted inside the mayor's
 * sentence, the crews' sentence rewritten across its start, the traders'
 * sentence gone, the vote unchanged but moved. */
static const char version2[] =
  "Updated on Wednesday.\n\n"
  "Harbour Bridge to close to cars\n\n"
  "The council voted on Tuesday to close the Harbour Bridge to cars from June. "
  "The mayor said the new tram would carry twelve thousand riders a day. "
  "But ferry crews warned that the pier could not take more boats. "
  "The vote was seven to four.";

typedef struct
{
  gint64 vote;      /* unchanged words, moved */
  gint64 council;   /* before the edits, moved */
  gint64 mayor;     /* a word inserted inside */
  gint64 crews;     /* edited across its start */
  gint64 traders;   /* gone */
  gint64 title;     /* at offset 0 in version 1 */
} Ids;

static gint64
highlight (DossierProject *project,
           gint64          doc,
           const char     *text,
           const char     *needle,
           gint64          tag)
{
  g_autoptr(GError) error = NULL;
  const char *p = strstr (text, needle);
  gint64 start, id;

  g_assert_nonnull (p);
  start = g_utf8_pointer_to_offset (text, p);
  id = dossier_project_add_highlight (project, doc, start, start + g_utf8_strlen (needle, -1), &tag, 1,
                                      NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
setup (DossierProject *project,
       Ids            *ids)
{
  gint64 doc = add_doc (project, "Bridge", version1);
  gint64 tag = add_tag (project, "Claims", 0);

  ids->title = highlight (project, doc, version1, "Harbour Bridge to close", tag);
  ids->council = highlight (project, doc, version1, "The council voted on Tuesday", tag);
  ids->mayor = highlight (project, doc, version1, "The mayor said the tram would carry twelve thousand riders a day.", tag);
  ids->crews = highlight (project, doc, version1, "Ferry crews warned that the pier could not take more boats.", tag);
  ids->traders = highlight (project, doc, version1, "Traders on the quay fear the loss of passing trade.", tag);
  ids->vote = highlight (project, doc, version1, "The vote was seven to four.", tag);
  return doc;
}

static DossierParsedDocument *
version (const char *text)
{
  return make_doc ("Bridge", text);
}

static const DossierReanchor *
entry (GPtrArray *plan,
       gint64     id)
{
  for (guint i = 0; i < plan->len; i++)
    if (((DossierReanchor *) g_ptr_array_index (plan, i))->highlight_id == id)
      return g_ptr_array_index (plan, i);
  g_assert_not_reached ();
}

static void
exec_sql (DossierProject *project,
          const char     *sql)
{
  char *message = NULL;

  if (sqlite3_exec (dossier_project_get_db (project), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
count_sql (DossierProject *project,
           const char     *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (dossier_project_get_db (project), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  Ids ids;
  gint64 doc = setup (f->project, &ids);
  g_autoptr(DossierParsedDocument) newer = version (version2);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *undo = NULL;

  undo = dossier_project_get_undo_label (f->project);
  plan = dossier_project_plan_text_replacement (f->project, doc, newer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->len, ==, 6);

  /* Unchanged words that moved: exact quotes elsewhere. */
  g_assert_cmpint (entry (plan, ids.title)->outcome, ==, DOSSIER_ANCHOR_EXACT_QUOTE);
  g_assert_cmpint (entry (plan, ids.council)->outcome, ==, DOSSIER_ANCHOR_EXACT_QUOTE);
  g_assert_cmpint (entry (plan, ids.vote)->outcome, ==, DOSSIER_ANCHOR_EXACT_QUOTE);
  g_assert_cmpstr (entry (plan, ids.vote)->new_quote, ==, "The vote was seven to four.");
  g_assert_cmpint (entry (plan, ids.vote)->new_start, ==,
                   g_utf8_pointer_to_offset (version2, strstr (version2, "The vote")));
  /* Edited inside, and across the start: approximately. */
  g_assert_cmpint (entry (plan, ids.mayor)->outcome, ==, DOSSIER_ANCHOR_APPROXIMATE);
  g_assert_cmpstr (entry (plan, ids.mayor)->new_quote, ==,
                   "The mayor said the new tram would carry twelve thousand riders a day.");
  g_assert_cmpstr (entry (plan, ids.mayor)->old_quote, ==,
                   "The mayor said the tram would carry twelve thousand riders a day.");
  g_assert_cmpint (entry (plan, ids.crews)->outcome, ==, DOSSIER_ANCHOR_APPROXIMATE);
  g_assert_nonnull (strstr (entry (plan, ids.crews)->new_quote, "erry crews warned that the pier could not take more boats."));
  /* Gone: orphaned, nowhere. */
  g_assert_cmpint (entry (plan, ids.traders)->outcome, ==, DOSSIER_ANCHOR_ORPHANED);
  g_assert_cmpint (entry (plan, ids.traders)->new_start, ==, -1);
  g_assert_null (entry (plan, ids.traders)->new_quote);
  for (guint i = 0; i < plan->len; i++)
    g_assert_cmpint (((DossierReanchor *) g_ptr_array_index (plan, i))->decision, ==, DOSSIER_REANCHOR_KEEP);

  /* Planning changed nothing. */
  text = dossier_project_get_document_text (f->project, doc, &error);
  g_assert_cmpstr (text, ==, version1);
  g_assert_cmpstr (dossier_project_get_undo_label (f->project), ==, undo);
}

static void
test_apply_decisions (Fixture       *f,
                      gconstpointer  data)
{
  Ids ids;
  gint64 doc = setup (f->project, &ids);
  g_autoptr(DossierParsedDocument) newer = version (version2);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  DossierReanchor *crews, *traders, *title;
  DossierHighlight *h;
  gint64 quay;

  /* Evidence for two highlights (the stakeholder model writes these). */
  exec_sql (f->project, "INSERT INTO stakeholders (uuid, name) VALUES ('5d6e8a9e-0000-4000-8000-000000000001', 'Ferry crews')");
  sql = g_strdup_printf ("INSERT INTO stakeholder_evidence (stakeholder, highlight) VALUES (1, %" G_GINT64_FORMAT "), "
                         "(1, %" G_GINT64_FORMAT ")", ids.crews, ids.title);
  exec_sql (f->project, sql);

  plan = dossier_project_plan_text_replacement (f->project, doc, newer, &error);
  g_assert_no_error (error);

  /* The reviewer places the crews' highlight on the whole new sentence,
   * deletes the title's, keeps the traders' orphaned. */
  crews = (DossierReanchor *) entry (plan, ids.crews);
  crews->decision = DOSSIER_REANCHOR_PLACE;
  crews->place_start = g_utf8_pointer_to_offset (version2, strstr (version2, "But ferry"));
  crews->place_end = crews->place_start + g_utf8_strlen ("But ferry crews warned that the pier could not take more boats.", -1);
  title = (DossierReanchor *) entry (plan, ids.title);
  title->decision = DOSSIER_REANCHOR_DELETE;
  traders = (DossierReanchor *) entry (plan, ids.traders);
  g_assert_cmpint (traders->decision, ==, DOSSIER_REANCHOR_KEEP);

  g_assert_true (dossier_project_replace_text (f->project, doc, newer, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_undo_label (f->project), ==, "Replace Text of “Bridge”");

  text = dossier_project_get_document_text (f->project, doc, &error);
  g_assert_cmpstr (text, ==, version2);
  h = dossier_project_get_highlight (f->project, ids.crews, &error);
  g_assert_cmpstr (dossier_highlight_get_quote (h), ==, "But ferry crews warned that the pier could not take more boats.");
  g_clear_object (&h);
  h = dossier_project_get_highlight (f->project, ids.traders, &error);
  g_assert_true (dossier_highlight_get_orphaned (h));
  g_clear_object (&h);
  h = dossier_project_get_highlight (f->project, ids.title, &error);
  g_assert_null (h);
  g_clear_error (&error);
  h = dossier_project_get_highlight (f->project, ids.mayor, &error);
  g_assert_cmpstr (dossier_highlight_get_quote (h), ==,
                   "The mayor said the new tram would carry twelve thousand riders a day.");
  g_clear_object (&h);

  /* Evidence followed its highlight; the deleted one's went with it. */
  g_assert_cmpint (count_sql (f->project, "SELECT count(*) FROM stakeholder_evidence"), ==, 1);
  quay = count_sql (f->project, "SELECT highlight FROM stakeholder_evidence");
  g_assert_cmpint (quay, ==, ids.crews);
  assert_project_sound (f->project);

  /* One undo gives everything back, text, highlights and evidence. */
  g_assert_true (dossier_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_free (text);
  text = dossier_project_get_document_text (f->project, doc, &error);
  g_assert_cmpstr (text, ==, version1);
  h = dossier_project_get_highlight (f->project, ids.title, &error);
  g_assert_nonnull (h);
  g_assert_cmpstr (dossier_highlight_get_quote (h), ==, "Harbour Bridge to close");
  g_clear_object (&h);
  h = dossier_project_get_highlight (f->project, ids.traders, &error);
  g_assert_false (dossier_highlight_get_orphaned (h));
  g_clear_object (&h);
  g_assert_cmpint (count_sql (f->project, "SELECT count(*) FROM stakeholder_evidence"), ==, 2);
  assert_project_sound (f->project);

  g_assert_true (dossier_project_redo (f->project, &error));
  g_assert_cmpint (count_sql (f->project, "SELECT count(*) FROM stakeholder_evidence"), ==, 1);
  assert_project_sound (f->project);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  Ids ids;
  gint64 doc = setup (f->project, &ids);
  gint64 other = add_doc (f->project, "Other", "Another article altogether.");
  g_autoptr(DossierParsedDocument) newer = version (version2);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DossierReanchor *mayor;

  plan = dossier_project_plan_text_replacement (f->project, doc, newer, &error);
  g_assert_no_error (error);

  /* A place outside the new text. */
  mayor = (DossierReanchor *) entry (plan, ids.mayor);
  mayor->decision = DOSSIER_REANCHOR_PLACE;
  mayor->place_start = 10;
  mayor->place_end = 100000;
  g_assert_false (dossier_project_replace_text (f->project, doc, newer, plan, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  mayor->place_end = 5;
  g_assert_false (dossier_project_replace_text (f->project, doc, newer, plan, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  mayor->decision = DOSSIER_REANCHOR_KEEP;

  /* This document's plan for another one. */
  g_assert_false (dossier_project_replace_text (f->project, other, newer, plan, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  text = dossier_project_get_document_text (f->project, doc, &error);
  g_assert_cmpstr (text, ==, version1);
  g_free (text);
  text = dossier_project_get_document_text (f->project, other, &error);
  g_assert_cmpstr (text, ==, "Another article altogether.");
}

/* Version 2 loses the traders' sentence, version 3 has it again: the
 * orphan comes back where it is. */
static void
test_orphan_returns (Fixture       *f,
                     gconstpointer  data)
{
  Ids ids;
  gint64 doc = setup (f->project, &ids);
  g_autoptr(DossierParsedDocument) v2 = version (version2);
  g_autoptr(DossierParsedDocument) v3 = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *v3_text = g_strconcat (version2, " Traders on the quay fear the loss of passing trade.", NULL);
  DossierHighlight *h;

  g_assert_true (dossier_project_replace_document_text (f->project, doc, v2, &orphans, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpint (g_array_index (orphans, gint64, 0), ==, ids.traders);

  v3 = version (v3_text);
  plan = dossier_project_plan_text_replacement (f->project, doc, v3, &error);
  g_assert_true (entry (plan, ids.traders)->was_orphaned);
  g_assert_cmpint (entry (plan, ids.traders)->outcome, ==, DOSSIER_ANCHOR_EXACT_QUOTE);
  g_assert_false (entry (plan, ids.vote)->was_orphaned);
  g_assert_cmpint (entry (plan, ids.vote)->outcome, ==, DOSSIER_ANCHOR_EXACT_POSITION);
  g_assert_true (dossier_project_replace_text (f->project, doc, v3, plan, &error));

  h = dossier_project_get_highlight (f->project, ids.traders, &error);
  g_assert_false (dossier_highlight_get_orphaned (h));
  g_assert_cmpstr (dossier_highlight_get_quote (h), ==, "Traders on the quay fear the loss of passing trade.");
  g_clear_object (&h);
  assert_project_sound (f->project);
}

/* The quote a new highlight stores, tagging [@start, @start + @length). */
static char *
tag_and_quote (DossierProject *project,
               gint64          doc,
               gint64          start,
               gint64          length,
               gint64          tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = NULL;
  gint64 id = dossier_project_tag_range (project, doc, start, start + length, tag, &error);

  g_assert_no_error (error);
  h = dossier_project_get_highlight (project, id, &error);
  g_assert_no_error (error);
  return g_strdup (dossier_highlight_get_quote (h));
}

/* Tagging keeps the text it read for the next tag: a new version, its
 * undo and redo, and deleting the document and undoing that, each make
 * the next tag read the text there is. */
static void
test_tag_after_replace (Fixture       *f,
                        gconstpointer  data)
{
  gint64 doc = add_doc (f->project, "Bridge", version1);
  gint64 tag = add_tag (f->project, "Claims", 0);
  g_autoptr(DossierParsedDocument) newer = version (version2);
  g_autoptr(GError) error = NULL;
  g_autofree char *quote = NULL;

  quote = tag_and_quote (f->project, doc, 0, 14, tag);
  g_assert_cmpstr (quote, ==, "Harbour Bridge");
  g_clear_pointer (&quote, g_free);

  g_assert_true (dossier_project_replace_document_text (f->project, doc, newer, NULL, &error));
  g_assert_no_error (error);
  quote = tag_and_quote (f->project, doc, 0, 20, tag);
  g_assert_cmpstr (quote, ==, "Updated on Wednesday");
  g_clear_pointer (&quote, g_free);

  /* Back to the first version (the tag, then the replacement undone). */
  g_assert_true (dossier_project_undo (f->project, &error));
  g_assert_true (dossier_project_undo (f->project, &error));
  g_assert_no_error (error);
  /* What tagging reads, kept (no action: the redo stays possible). */
  g_assert_cmpstr (dossier_project_borrow_sound_text (f->project, doc, &error)->text, ==, version1);
  g_assert_no_error (error);

  /* And forward again. */
  g_assert_true (dossier_project_redo (f->project, &error));
  g_assert_no_error (error);
  quote = tag_and_quote (f->project, doc, 0, 20, tag);
  g_assert_cmpstr (quote, ==, "Updated on Wednesday");
  g_clear_pointer (&quote, g_free);

  /* Undone with the new version's text kept. */
  g_assert_true (dossier_project_undo (f->project, &error));
  g_assert_true (dossier_project_undo (f->project, &error));
  g_assert_no_error (error);
  quote = tag_and_quote (f->project, doc, 0, 20, tag);
  g_assert_cmpstr (quote, ==, "Harbour Bridge to cl");
  g_clear_pointer (&quote, g_free);

  /* Deleted, and back. */
  g_assert_true (dossier_project_delete_document (f->project, doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_project_tag_range (f->project, doc, 0, 5, tag, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (dossier_project_undo (f->project, &error));
  g_assert_no_error (error);
  quote = tag_and_quote (f->project, doc, 0, 14, add_tag (f->project, "Places", 0));
  g_assert_cmpstr (quote, ==, "Harbour Bridge");
  assert_project_sound (f->project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/replace-text/plan", Fixture, NULL,
              test_project_set_up, test_plan, test_project_tear_down);
  g_test_add ("/dossier/replace-text/apply-decisions", Fixture, NULL,
              test_project_set_up, test_apply_decisions, test_project_tear_down);
  g_test_add ("/dossier/replace-text/refused", Fixture, NULL,
              test_project_set_up, test_refused, test_project_tear_down);
  g_test_add ("/dossier/replace-text/orphan-returns", Fixture, NULL,
              test_project_set_up, test_orphan_returns, test_project_tear_down);
  g_test_add ("/dossier/replace-text/tag-after-replace", Fixture, NULL,
              test_project_set_up, test_tag_after_replace, test_project_tear_down);

  return g_test_run ();
}
