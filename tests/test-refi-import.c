/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-refi-import.c — REFI-QDA import: Dossier → .qdpx → Dossier gives
 * back the same project, entity by entity, for every target tool's
 * profile; importing is one action (one undo step) that merges codes into
 * the codebook; hostile archives (path traversal, absolute paths, symbolic
 * links, a zip bomb, XXE, billion laughs) are refused and leave the
 * project as it was; progress, cancellation and the async variant.
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <zip.h>
#include <dossier/dossier.h>

#include "exchange-fixture.h"
#include "test-util.h"

typedef ExchangeFixture Fixture;

static char *
export_file (Fixture               *f,
             DossierExchangeTarget  target,
             const char            *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = exchange_export (f->project, DOSSIER_EXPORT_QDPX, target, 0, &error);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  return path;
}

static DossierImportReport *
import_ok (DossierProject *project,
           const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierImportReport *report = dossier_exchange_import (project, file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Every entity of @a is in @b, the same. */
static void
assert_same_project (DossierProject *a,
                     DossierProject *b)
{
  GListModel *docs_a = dossier_project_get_documents (a);
  GListModel *docs_b = dossier_project_get_documents (b);
  GListModel *tags_a = dossier_project_get_tags (a);
  GListModel *tags_b = dossier_project_get_tags (b);
  g_autoptr(GPtrArray) hs_a = NULL;
  g_autoptr(GPtrArray) hs_b = NULL;
  g_autoptr(GError) error = NULL;

  /* Documents: metadata, text, blocks, in the same order. */
  g_assert_cmpuint (g_list_model_get_n_items (docs_b), ==, g_list_model_get_n_items (docs_a));
  for (guint i = 0; i < g_list_model_get_n_items (docs_a); i++)
    {
      g_autoptr(DossierDocument) da = g_list_model_get_item (docs_a, i);
      g_autoptr(DossierDocument) db = g_list_model_get_item (docs_b, i);
      g_autofree char *ta = dossier_project_get_document_text (a, dossier_document_get_id (da), NULL);
      g_autofree char *tb = dossier_project_get_document_text (b, dossier_document_get_id (db), NULL);
      g_autoptr(GArray) ba = dossier_project_get_document_blocks (a, dossier_document_get_id (da), NULL);
      g_autoptr(GArray) bb = dossier_project_get_document_blocks (b, dossier_document_get_id (db), NULL);

      g_assert_cmpstr (dossier_document_get_uuid (db), ==, dossier_document_get_uuid (da));
      g_assert_cmpstr (dossier_document_get_title (db), ==, dossier_document_get_title (da));
      g_assert_cmpstr (dossier_document_get_author (db), ==, dossier_document_get_author (da));
      g_assert_cmpstr (dossier_document_get_outlet (db), ==, dossier_document_get_outlet (da));
      g_assert_cmpstr (dossier_document_get_source (db), ==, dossier_document_get_source (da));
      g_assert_cmpstr (dossier_document_get_published (db), ==, dossier_document_get_published (da));
      g_assert_cmpstr (dossier_document_get_imported (db), ==, dossier_document_get_imported (da));
      g_assert_cmpstr (dossier_document_get_format (db), ==, dossier_document_get_format (da));
      g_assert_cmpstr (tb, ==, ta);
      g_assert_cmpuint (bb->len, ==, ba->len);
      for (guint k = 0; k < ba->len; k++)
        g_assert_cmpmem (&g_array_index (bb, DossierBlock, k), sizeof (DossierBlock),
                         &g_array_index (ba, DossierBlock, k), sizeof (DossierBlock));
    }

  /* Tags: the same tree, colours and descriptions. */
  g_assert_cmpuint (g_list_model_get_n_items (tags_b), ==, g_list_model_get_n_items (tags_a));
  for (guint i = 0; i < g_list_model_get_n_items (tags_a); i++)
    {
      g_autoptr(DossierTag) ta = g_list_model_get_item (tags_a, i);
      g_autoptr(DossierTag) tb = g_list_model_get_item (tags_b, i);

      g_assert_cmpstr (dossier_tag_get_uuid (tb), ==, dossier_tag_get_uuid (ta));
      g_assert_cmpstr (dossier_tag_get_path (tb), ==, dossier_tag_get_path (ta));
      g_assert_cmpstr (dossier_tag_get_color (tb), ==, dossier_tag_get_color (ta));
      g_assert_cmpstr (dossier_tag_get_description (tb), ==, dossier_tag_get_description (ta));
    }

  /* Highlights: range, quote, tags in order, memo, author, times. */
  hs_a = dossier_project_list_highlights (a, 0, 0, &error);
  g_assert_no_error (error);
  hs_b = dossier_project_list_highlights (b, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hs_b->len, ==, hs_a->len);
  for (guint i = 0; i < hs_a->len; i++)
    {
      DossierHighlight *ha = g_ptr_array_index (hs_a, i);
      DossierHighlight *hb = g_ptr_array_index (hs_b, i);
      guint na, nb;
      const gint64 *tags_of_a = dossier_highlight_get_tag_ids (ha, &na);
      const gint64 *tags_of_b = dossier_highlight_get_tag_ids (hb, &nb);
      DossierDocument *da = dossier_project_get_document (a, dossier_highlight_get_document_id (ha));
      DossierDocument *db = dossier_project_get_document (b, dossier_highlight_get_document_id (hb));

      g_assert_cmpstr (dossier_highlight_get_uuid (hb), ==, dossier_highlight_get_uuid (ha));
      g_assert_cmpstr (dossier_document_get_uuid (db), ==, dossier_document_get_uuid (da));
      g_assert_cmpint (dossier_highlight_get_start (hb), ==, dossier_highlight_get_start (ha));
      g_assert_cmpint (dossier_highlight_get_end (hb), ==, dossier_highlight_get_end (ha));
      g_assert_cmpstr (dossier_highlight_get_quote (hb), ==, dossier_highlight_get_quote (ha));
      g_assert_cmpstr (dossier_highlight_get_prefix (hb), ==, dossier_highlight_get_prefix (ha));
      g_assert_cmpstr (dossier_highlight_get_suffix (hb), ==, dossier_highlight_get_suffix (ha));
      g_assert_cmpstr (dossier_highlight_get_memo (hb), ==, dossier_highlight_get_memo (ha));
      g_assert_cmpstr (dossier_highlight_get_author (hb), ==, dossier_highlight_get_author (ha));
      g_assert_cmpstr (dossier_highlight_get_created (hb), ==, dossier_highlight_get_created (ha));
      g_assert_cmpstr (dossier_highlight_get_modified (hb), ==, dossier_highlight_get_modified (ha));
      g_assert_cmpuint (nb, ==, na);
      for (guint k = 0; k < na; k++)
        g_assert_cmpstr (dossier_tag_get_uuid (dossier_project_get_tag (b, tags_of_b[k])), ==,
                         dossier_tag_get_uuid (dossier_project_get_tag (a, tags_of_a[k])));
    }
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  static const DossierExchangeTarget targets[] = {
    DOSSIER_EXCHANGE_TARGET_STANDARD, DOSSIER_EXCHANGE_TARGET_MAXQDA, DOSSIER_EXCHANGE_TARGET_ATLASTI,
    DOSSIER_EXCHANGE_TARGET_NVIVO, DOSSIER_EXCHANGE_TARGET_QUALCODER,
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const DossierExchangeProfile *profile = dossier_exchange_profile_get (targets[i]);
      g_autofree char *file_name = g_strdup_printf ("%s.qdpx", profile->name);
      g_autofree char *project_name = g_strdup_printf ("%s.dossier", profile->name);
      g_autofree char *qdpx = export_file (f, targets[i], file_name);
      g_autoptr(DossierProject) copy = exchange_new_project (f, project_name);
      g_autoptr(DossierImportReport) report = import_ok (copy, qdpx);
      g_autofree char *text = dossier_import_report_to_text (report);

      g_test_message ("%s:\n%s", profile->name, text);
      assert_same_project (f->project, copy);

      g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_DOCUMENTS), ==, 3);
      g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_TAGS), ==, 5);
      g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_HIGHLIGHTS), ==, 5);
      g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_MEMOS), ==, 2);
      g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_AUTHORS), ==, 2);
      /* Nothing lost, nothing changed on the way. */
      g_assert_cmpuint (dossier_import_report_get_n_items (report), ==, 0);
      g_assert_cmpuint (dossier_import_report_get_documents (report)->len, ==, 3);

      assert_project_sound (copy);
      dossier_project_close (copy);
    }
}

static void
assert_same_evidence (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (b->len, ==, a->len);
  for (guint i = 0; i < a->len; i++)
    {
      DossierEvidence *ea = g_ptr_array_index (a, i);
      DossierEvidence *eb = g_ptr_array_index (b, i);

      g_assert_cmpstr (dossier_highlight_get_uuid (eb->highlight), ==, dossier_highlight_get_uuid (ea->highlight));
      g_assert_cmpstr (eb->note, ==, ea->note);
      g_assert_cmpint (eb->role, ==, ea->role);
      g_assert_cmpint (eb->stance_position, ==, ea->stance_position);
    }
}

static const char *
stakeholder_uuid (DossierProject *project,
                  gint64          id)
{
  return id != 0 ? dossier_stakeholder_get_uuid (dossier_project_get_stakeholder (project, id)) : NULL;
}

/* Stakeholders, questions, arguments and briefings of @a are in @b, the
 * same, with the same evidence. */
static void
assert_same_analysis (DossierProject *a,
                      DossierProject *b)
{
  GListModel *sa = dossier_project_get_stakeholders (a);
  GListModel *sb = dossier_project_get_stakeholders (b);
  GListModel *qa = dossier_project_get_questions (a);
  GListModel *qb = dossier_project_get_questions (b);
  GListModel *aa = dossier_project_get_arguments (a);
  GListModel *ab = dossier_project_get_arguments (b);
  GListModel *ba = dossier_project_get_briefings (a);
  GListModel *bb = dossier_project_get_briefings (b);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (sb), ==, g_list_model_get_n_items (sa));
  for (guint i = 0; i < g_list_model_get_n_items (sa); i++)
    {
      g_autoptr(DossierStakeholder) x = g_list_model_get_item (sa, i);
      g_autoptr(DossierStakeholder) y = g_list_model_get_item (sb, i);
      g_autoptr(GPtrArray) ex = dossier_project_list_stakeholder_evidence (a, dossier_stakeholder_get_id (x), &error);
      g_autoptr(GPtrArray) ey = dossier_project_list_stakeholder_evidence (b, dossier_stakeholder_get_id (y), &error);
      g_autofree char *aliases_x = g_strjoinv ("|", (char **) dossier_stakeholder_get_aliases (x));
      g_autofree char *aliases_y = g_strjoinv ("|", (char **) dossier_stakeholder_get_aliases (y));

      g_assert_no_error (error);
      g_assert_cmpstr (dossier_stakeholder_get_uuid (y), ==, dossier_stakeholder_get_uuid (x));
      g_assert_cmpstr (dossier_stakeholder_get_name (y), ==, dossier_stakeholder_get_name (x));
      g_assert_cmpstr (aliases_y, ==, aliases_x);
      g_assert_cmpint (dossier_stakeholder_get_kind (y), ==, dossier_stakeholder_get_kind (x));
      g_assert_cmpstr (dossier_stakeholder_get_description (y), ==, dossier_stakeholder_get_description (x));
      g_assert_cmpstr (dossier_stakeholder_get_stance (y), ==, dossier_stakeholder_get_stance (x));
      g_assert_cmpint (dossier_stakeholder_get_stance_position (y), ==, dossier_stakeholder_get_stance_position (x));
      g_assert_cmpstr (dossier_stakeholder_get_interests (y), ==, dossier_stakeholder_get_interests (x));
      g_assert_cmpint (dossier_stakeholder_get_power (y), ==, dossier_stakeholder_get_power (x));
      g_assert_cmpint (dossier_stakeholder_get_interest (y), ==, dossier_stakeholder_get_interest (x));
      g_assert_cmpstr (dossier_stakeholder_get_color (y), ==, dossier_stakeholder_get_color (x));
      g_assert_cmpuint (dossier_stakeholder_get_n_mentions (y), ==, dossier_stakeholder_get_n_mentions (x));
      assert_same_evidence (ex, ey);
    }

  g_assert_cmpuint (g_list_model_get_n_items (qb), ==, g_list_model_get_n_items (qa));
  for (guint i = 0; i < g_list_model_get_n_items (qa); i++)
    {
      g_autoptr(DossierQuestion) x = g_list_model_get_item (qa, i);
      g_autoptr(DossierQuestion) y = g_list_model_get_item (qb, i);

      g_assert_cmpstr (dossier_question_get_uuid (y), ==, dossier_question_get_uuid (x));
      g_assert_cmpstr (dossier_question_get_text (y), ==, dossier_question_get_text (x));
    }

  g_assert_cmpuint (g_list_model_get_n_items (ab), ==, g_list_model_get_n_items (aa));
  for (guint i = 0; i < g_list_model_get_n_items (aa); i++)
    {
      g_autoptr(DossierArgument) x = g_list_model_get_item (aa, i);
      g_autoptr(DossierArgument) y = g_list_model_get_item (ab, i);
      g_autoptr(GPtrArray) ex = dossier_project_list_argument_evidence (a, dossier_argument_get_id (x), &error);
      g_autoptr(GPtrArray) ey = dossier_project_list_argument_evidence (b, dossier_argument_get_id (y), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (dossier_argument_get_uuid (y), ==, dossier_argument_get_uuid (x));
      g_assert_cmpstr (dossier_question_get_uuid (dossier_project_get_question (b, dossier_argument_get_question_id (y))),
                       ==, dossier_question_get_uuid (dossier_project_get_question (a, dossier_argument_get_question_id (x))));
      g_assert_cmpint (dossier_argument_get_polarity (y), ==, dossier_argument_get_polarity (x));
      g_assert_cmpstr (dossier_argument_get_statement (y), ==, dossier_argument_get_statement (x));
      g_assert_cmpstr (stakeholder_uuid (b, dossier_argument_get_stakeholder_id (y)), ==,
                       stakeholder_uuid (a, dossier_argument_get_stakeholder_id (x)));
      g_assert_cmpint (dossier_argument_get_strength (y), ==, dossier_argument_get_strength (x));
      g_assert_cmpint (dossier_argument_get_position (y), ==, dossier_argument_get_position (x));
      assert_same_evidence (ex, ey);
    }

  g_assert_cmpuint (g_list_model_get_n_items (bb), ==, g_list_model_get_n_items (ba));
  for (guint i = 0; i < g_list_model_get_n_items (ba); i++)
    {
      g_autoptr(DossierBriefing) x = g_list_model_get_item (ba, i);
      g_autoptr(DossierBriefing) y = g_list_model_get_item (bb, i);
      guint nx, ny;
      const gint64 *dx = dossier_briefing_get_document_ids (x, &nx);
      const gint64 *dy = dossier_briefing_get_document_ids (y, &ny);

      g_assert_cmpstr (dossier_briefing_get_uuid (y), ==, dossier_briefing_get_uuid (x));
      g_assert_cmpstr (dossier_briefing_get_title (y), ==, dossier_briefing_get_title (x));
      g_assert_cmpstr (dossier_briefing_get_body (y), ==, dossier_briefing_get_body (x));
      g_assert_cmpstr (dossier_briefing_get_created (y), ==, dossier_briefing_get_created (x));
      g_assert_cmpstr (dossier_briefing_get_modified (y), ==, dossier_briefing_get_modified (x));
      g_assert_cmpuint (ny, ==, nx);
      for (guint k = 0; k < nx; k++)
        g_assert_cmpstr (dossier_document_get_uuid (dossier_project_get_document (b, dy[k])), ==,
                         dossier_document_get_uuid (dossier_project_get_document (a, dx[k])));
    }
}

/* Stakeholders as Cases, questions, arguments and briefings as Notes tied
 * by Links: schema-valid, and back entity by entity, for every target;
 * passages cited as evidence without a tag stay without one. */
static void
test_analysis_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  static const DossierExchangeTarget targets[] = {
    DOSSIER_EXCHANGE_TARGET_STANDARD, DOSSIER_EXCHANGE_TARGET_MAXQDA, DOSSIER_EXCHANGE_TARGET_ATLASTI,
    DOSSIER_EXCHANGE_TARGET_NVIVO, DOSSIER_EXCHANGE_TARGET_QUALCODER,
  };

  exchange_fixture_add_analysis (f);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const DossierExchangeProfile *profile = dossier_exchange_profile_get (targets[i]);
      g_autofree char *file_name = g_strdup_printf ("analysis-%s.qdpx", profile->name);
      g_autofree char *project_name = g_strdup_printf ("analysis-%s.dossier", profile->name);
      g_autofree char *qdpx = export_file (f, targets[i], file_name);
      g_autoptr(DossierProject) copy = exchange_new_project (f, project_name);
      g_autoptr(DossierImportReport) report = NULL;
      g_autofree char *text = NULL;
      g_autofree char *contents = NULL;
      gsize len;
      g_autoptr(GBytes) archive = NULL;
      g_autoptr(GBytes) qde = NULL;
      g_autoptr(xmlDoc) doc = NULL;
      g_autoptr(xmlXPathObject) cases = NULL;
      g_autoptr(xmlXPathObject) links = NULL;

      /* Valid against the schema, stakeholders as Cases. */
      g_assert_true (g_file_get_contents (qdpx, &contents, &len, NULL));
      archive = g_bytes_new_take (g_steal_pointer (&contents), len);
      qde = exchange_zip_entry (archive, "project.qde");
      doc = exchange_parse_valid (qde, "Project-mrt2019.xsd");
      cases = exchange_xpath (doc, NULL, "/q:Project/q:Cases/q:Case");
      g_assert_cmpint (xmlXPathNodeSetGetLength (cases->nodesetval), ==, 2);
      links = exchange_xpath (doc, NULL, "/q:Project/q:Links/q:Link[@name='con']");
      g_assert_cmpint (xmlXPathNodeSetGetLength (links->nodesetval), ==, 1);

      report = import_ok (copy, qdpx);
      text = dossier_import_report_to_text (report);
      g_test_message ("%s:\n%s", profile->name, text);

      assert_same_project (f->project, copy);
      assert_same_analysis (f->project, copy);
      g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_STAKEHOLDERS), ==, 2);
      g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_NOTES), ==, 1);
      g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_QUESTIONS), ==, 1);
      g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_ARGUMENTS), ==, 2);
      g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_HIGHLIGHTS), ==, 7);
      {
        g_autofree char *counts = dossier_import_report_describe_counts (report);

        g_assert_nonnull (strstr (counts, "2 stakeholders, 1 question, 2 arguments, 1 note"));
      }
      /* No "Imported without a code", nothing lost or changed. */
      g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (copy)), ==, 5);
      g_assert_cmpuint (dossier_import_report_get_n_items (report), ==, 0);

      assert_project_sound (copy);
      dossier_project_close (copy);
    }
}

/* Imported twice into the same project: stakeholders, questions and
 * arguments are the same ones (the second import adds nothing to them but
 * says so), the highlights come again with new UUIDs, and the second
 * briefing's citations follow them. */
static void
test_analysis_twice (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *qdpx = NULL;
  g_autoptr(DossierProject) copy = exchange_new_project (f, "twice.dossier");
  g_autoptr(DossierImportReport) first = NULL;
  g_autoptr(DossierImportReport) second = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *briefings;
  g_autoptr(DossierBriefing) again = NULL;
  DossierStakeholder *mayor;
  g_autoptr(GPtrArray) evidence = NULL;

  exchange_fixture_add_analysis (f);
  qdpx = export_file (f, DOSSIER_EXCHANGE_TARGET_STANDARD, "twice.qdpx");
  first = import_ok (copy, qdpx);
  second = import_ok (copy, qdpx);

  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_stakeholders (copy)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_questions (copy)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_arguments (copy)), ==, 2);
  g_assert_cmpuint (dossier_import_report_get_count (second, DOSSIER_IMPORT_COUNT_STAKEHOLDERS), ==, 0);
  g_assert_cmpuint (dossier_import_report_get_count (second, DOSSIER_IMPORT_COUNT_QUESTIONS), ==, 0);
  g_assert_cmpuint (dossier_import_report_get_count (second, DOSSIER_IMPORT_COUNT_ARGUMENTS), ==, 0);
  /* Two stakeholders and two arguments that were there: each said. */
  g_assert_cmpuint (dossier_import_report_get_n_items (second), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (dossier_import_report_get_item (second, i, NULL, NULL), ==, DOSSIER_IMPORT_ITEM_CHANGED);
  {
    const char *why = NULL;

    dossier_import_report_get_item (second, 3, NULL, &why);
    g_assert_cmpstr (why, ==, "already an argument of the project, on the same side of the same "
                              "question: its evidence was added to it");
  }

  /* The mayor's evidence: both copies of both passages. */
  mayor = dossier_project_find_stakeholder (copy, "Inés Calderón");
  evidence = dossier_project_list_stakeholder_evidence (copy, dossier_stakeholder_get_id (mayor), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 4);

  briefings = dossier_project_get_briefings (copy);
  g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 2);
  again = g_list_model_get_item (briefings, 1);
  highlights = dossier_project_list_highlights (copy, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 14);
  {
    GListModel *fb = dossier_project_get_briefings (f->project);
    g_autoptr(DossierBriefing) original = g_list_model_get_item (fb, 0);
    g_autoptr(DossierHighlight) h = dossier_project_get_highlight (f->project, f->h_mayor, &error);
    const char *body = dossier_briefing_get_body (again);

    g_assert_no_error (error);
    g_assert_cmpstr (body, !=, dossier_briefing_get_body (original));
    g_assert_null (strstr (body, dossier_highlight_get_uuid (h)));
    /* It cites highlights of this project, each once. */
    for (guint i = 0; i < highlights->len; i++)
      {
        const char *uuid = dossier_highlight_get_uuid (g_ptr_array_index (highlights, i));
        g_autofree char *cite = g_strdup_printf ("[@%s]", uuid);

        if (strstr (body, cite) != NULL)
          g_assert_null (strstr (dossier_briefing_get_body (original), cite));
      }
    g_assert_nonnull (strstr (body, "The mayor says it [@"));
  }

  assert_project_sound (copy);
  dossier_project_close (copy);
}

/* Into a project that has some of the codes already, twice: codes merge by
 * name under the same parent, the second copy gets new UUIDs, and each
 * import is one undo step. */
static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *qdpx = export_file (f, DOSSIER_EXCHANGE_TARGET_STANDARD, "study.qdpx");
  g_autoptr(DossierProject) other = exchange_new_project (f, "other.dossier");
  g_autoptr(DossierImportReport) first = NULL;
  g_autoptr(DossierImportReport) second = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  gint64 actors = add_tag (other, "actors", 0);  /* same name, other case */

  (void) actors;
  first = import_ok (other, qdpx);
  g_assert_cmpuint (dossier_import_report_get_count (first, DOSSIER_IMPORT_COUNT_TAGS_MERGED), ==, 1);
  g_assert_cmpuint (dossier_import_report_get_count (first, DOSSIER_IMPORT_COUNT_TAGS), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (other)), ==, 5);
  g_assert_cmpstr (dossier_project_get_undo_label (other), ==, "Import “study.qdpx”");

  second = import_ok (other, qdpx);
  g_assert_cmpuint (dossier_import_report_get_count (second, DOSSIER_IMPORT_COUNT_TAGS_MERGED), ==, 5);
  g_assert_cmpuint (dossier_import_report_get_count (second, DOSSIER_IMPORT_COUNT_TAGS), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (other)), ==, 6);

  highlights = dossier_project_list_highlights (other, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 10);
  for (guint i = 0; i < highlights->len; i++)
    g_assert_true (g_hash_table_add (uuids, (gpointer) dossier_highlight_get_uuid (g_ptr_array_index (highlights, i))));
  assert_project_sound (other);

  /* One undo each. */
  g_assert_true (dossier_project_undo (other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (other)), ==, 3);
  g_assert_true (dossier_project_undo (other, &error));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (other)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (other)), ==, 1);
  g_assert_true (dossier_project_redo (other, &error));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (other)), ==, 3);
  assert_project_sound (other);
  dossier_project_close (other);
}

/* A project file whose highlight ids are near the largest there is (made
 * so by hand) takes no more highlights from an import: a clear error, and
 * the project as it was, rather than ids that wrap round to negative ones
 * (the import gives its highlights' ids itself). */
static void
test_ids_used_up (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *qdpx = export_file (f, DOSSIER_EXCHANGE_TARGET_STANDARD, "study.qdpx");
  g_autofree char *path = g_build_filename (f->dir, "full.dossier", NULL);
  g_autoptr(DossierProject) full = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (qdpx);
  g_autoptr(GError) error = NULL;
  g_autofree char *undo_label = NULL;
  gint64 document = test_make_project (path, "A passage to keep, and nothing else.");

  full = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  add_phrase_highlight (full, document, "A passage to keep", 1, NULL);
  dossier_project_close (g_steal_pointer (&full));
  test_sql_exec (path, "UPDATE sqlite_sequence SET seq = 9223372036854775805 WHERE name = 'highlights'");

  full = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  undo_label = g_strdup (dossier_project_get_undo_label (full));
  report = dossier_exchange_import (full, file, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (full)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (full)), ==, 2);
  g_assert_cmpstr (dossier_project_get_undo_label (full), ==, undo_label);
  dossier_project_close (g_steal_pointer (&full));
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM highlights"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT min (id) FROM highlights"), ==, 1);
}

/* Many highlights in one document go in batches: twice into the same
 * project, the second time with their UUIDs taken, every one must still
 * be there, each with its own tags. */
static void
test_many_highlights (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Many\n\n");
  g_autoptr(DossierProject) other = exchange_new_project (f, "many.dossier");
  g_autoptr(DossierImportReport) first = NULL;
  g_autoptr(DossierImportReport) second = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *qdpx = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 doc, tags[3];

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "Sentence %03u about the pier. ", i);
  doc = exchange_add_document (f->project, "Many", text->str, NULL, NULL, NULL, NULL);
  tags[0] = f->tag_costs;
  tags[1] = f->tag_minister;
  tags[2] = f->tag_actors;
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *needle = g_strdup_printf ("Sentence %03u", i);

      exchange_add_highlight (f->project, doc, text->str, needle, tags + (i % 2), 1 + (i % 3 == 0),
                              i % 5 == 0 ? "memo" : NULL);
    }
  qdpx = export_file (f, DOSSIER_EXCHANGE_TARGET_STANDARD, "many.qdpx");

  first = import_ok (other, qdpx);
  assert_same_project (f->project, other);
  second = import_ok (other, qdpx);
  g_assert_cmpuint (dossier_import_report_get_count (second, DOSSIER_IMPORT_COUNT_HIGHLIGHTS), ==, 155);

  highlights = dossier_project_list_highlights (other, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 310);
  for (guint i = 0; i < highlights->len; i++)
    {
      DossierHighlight *h = g_ptr_array_index (highlights, i);
      guint n;

      g_assert_true (g_hash_table_add (uuids, (gpointer) dossier_highlight_get_uuid (h)));
      dossier_highlight_get_tag_ids (h, &n);
      g_assert_cmpuint (n, >=, 1);
    }
  assert_project_sound (other);
  dossier_project_close (other);
}

/* ---- Hostile input ------------------------------------------------------- */

static const char minimal_qde[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>"
  "<TextSource guid=\"11111111-2222-3333-4444-555555555555\" name=\"Doc\" "
  "plainTextPath=\"internal://doc.txt\"/></Sources></Project>\n";

/* Imports @path into the fixture's project and expects @code; the project
 * must be left exactly as it was. */
static char *
refused_message (Fixture    *f,
                 const char *path,
                 GQuark      domain,
                 int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  guint n_docs = g_list_model_get_n_items (dossier_project_get_documents (f->project));
  guint n_tags = g_list_model_get_n_items (dossier_project_get_tags (f->project));
  g_autofree char *undo = g_strdup (dossier_project_get_undo_label (f->project));

  report = dossier_exchange_import (f->project, file, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, domain, code);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (f->project)), ==, n_docs);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (f->project)), ==, n_tags);
  g_assert_cmpstr (dossier_project_get_undo_label (f->project), ==, undo);
  return g_strdup (error->message);
}

static void
assert_refused (Fixture    *f,
                const char *path,
                GQuark      domain,
                int         code)
{
  g_free (refused_message (f, path, domain, code));
}

/* An unsafe name is refused with what is wrong with it, the name cut
 * short: a name of 2,000 characters is not printed whole. */
static void
test_unsafe_names (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *backslash = g_build_filename (f->dir, "backslash.qdpx", NULL);
  g_autofree char *long_name = g_build_filename (f->dir, "long-name.qdpx", NULL);
  g_autofree char *traversal = g_build_filename (f->dir, "traversal.qdpx", NULL);
  g_autofree char *name = g_strconcat ("sources/", "", NULL);
  g_autofree char *message = NULL;

  /* A Windows path unsafe once its "\\" are read as "/": said as such. */
  exchange_write_zip (backslash, "project.qde", minimal_qde, "sources\\doc.txt", "text",
                      "sources\\..\\..\\doc.txt", "owned", NULL);
  message = refused_message (f, backslash, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);
  g_assert_cmpstr (message, ==, "“backslash.qdpx” was refused: its file “sources\\..\\..\\doc.txt” "
                   "would be written outside the project (an absolute path or “..”). The archive may "
                   "have been tampered with.");
  g_clear_pointer (&message, g_free);

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *longer = g_strconcat (name, "é", NULL);

      g_free (name);
      name = g_steal_pointer (&longer);
    }
  exchange_write_zip (long_name, "project.qde", minimal_qde, name, "text", NULL);
  message = refused_message (f, long_name, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);
  g_assert_true (g_str_has_prefix (message, "“long-name.qdpx” was refused: its file “sources/ééé"));
  g_assert_nonnull (strstr (message, "é…” has a name longer than 1024 bytes, which no project "
                                     "needs. The archive may have been tampered with."));
  g_assert_cmpuint (g_utf8_strlen (message, -1), <, 250);
  g_clear_pointer (&message, g_free);

  exchange_write_zip (traversal, "project.qde", minimal_qde, "sources/../../doc.txt", "text", NULL);
  message = refused_message (f, traversal, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);
  g_assert_nonnull (strstr (message, "its file “sources/../../doc.txt” would be written outside the project"));
}

/* Windows tools name files with "\\" ("sources\\doc.txt"): read as "/",
 * the source is found; "\\" and "/" naming one file twice, a drive or an
 * absolute path are refused. */
static void
test_backslash_names (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "windows.qdpx", NULL);
  g_autofree char *twice = g_build_filename (f->dir, "twice.qdpx", NULL);
  g_autofree char *drive = g_build_filename (f->dir, "drive.qdpx", NULL);
  g_autofree char *absolute = g_build_filename (f->dir, "absolute.qdpx", NULL);
  g_autoptr(DossierProject) project = exchange_new_project (f, "windows.dossier");
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(DossierDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  GListModel *docs = dossier_project_get_documents (project);

  exchange_write_zip (path, "project.qde", minimal_qde, "sources\\doc.txt", "Written on Windows.", NULL);
  report = import_ok (project, path);
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_DOCUMENTS), ==, 1);
  doc = g_list_model_get_item (docs, 0);
  text = dossier_project_get_document_text (project, dossier_document_get_id (doc), NULL);
  g_assert_cmpstr (text, ==, "Written on Windows.");

  exchange_write_zip (twice, "project.qde", minimal_qde, "sources\\doc.txt", "one",
                      "sources/doc.txt", "other", NULL);
  message = refused_message (f, twice, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);
  g_assert_cmpstr (message, ==, "“twice.qdpx” was refused: it holds two files named “sources/doc.txt”.");
  g_clear_pointer (&message, g_free);

  exchange_write_zip (drive, "project.qde", minimal_qde, "C:\\sources\\doc.txt", "text", NULL);
  message = refused_message (f, drive, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);
  g_assert_nonnull (strstr (message, "its file “C:\\sources\\doc.txt” would be written outside"));
  g_clear_pointer (&message, g_free);

  exchange_write_zip (absolute, "project.qde", minimal_qde, "\\sources\\doc.txt", "text", NULL);
  message = refused_message (f, absolute, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);
  g_assert_nonnull (strstr (message, "its file “\\sources\\doc.txt” would be written outside"));
}

/* A project's folder zipped whole: project.qde one folder down, its
 * sources beside it, is imported; two such folders are refused, saying
 * why; a project.qde deeper down is not looked for. */
static void
test_qde_in_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "folder.qdpx", NULL);
  g_autofree char *two = g_build_filename (f->dir, "two.qdpx", NULL);
  g_autofree char *deeper = g_build_filename (f->dir, "deeper.qdpx", NULL);
  g_autoptr(DossierProject) project = exchange_new_project (f, "folder.dossier");
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(DossierDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  /* A "sources/doc.txt" at the top is another project's: not read. */
  exchange_write_zip (path, "My Project/project.qde", minimal_qde, "sources/doc.txt", "Not this one.",
                      "My Project/sources/doc.txt", "Zipped as a folder.", NULL);
  report = import_ok (project, path);
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_DOCUMENTS), ==, 1);
  doc = g_list_model_get_item (dossier_project_get_documents (project), 0);
  text = dossier_project_get_document_text (project, dossier_document_get_id (doc), NULL);
  g_assert_cmpstr (text, ==, "Zipped as a folder.");

  exchange_write_zip (two, "One/project.qde", minimal_qde, "One/sources/doc.txt", "one",
                      "Two/Project.qde", minimal_qde, "Two/sources/doc.txt", "two", NULL);
  message = refused_message (f, two, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
  g_assert_cmpstr (message, ==, "“two.qdpx” holds no project.qde of its own but one in each of the "
                   "folders “One”, “Two”: it is not clear which project to import. Zip each "
                   "project’s folder on its own and import them one by one.");
  g_clear_pointer (&message, g_free);

  exchange_write_zip (deeper, "a/b/project.qde", minimal_qde, "a/b/sources/doc.txt", "text", NULL);
  message = refused_message (f, deeper, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
  g_assert_cmpstr (message, ==, "“deeper.qdpx” is not a REFI-QDA project: the archive holds no "
                   "project.qde.");
}

/* What tools write out of the schema's order or empty is not lost without
 * a word: Variables after the Sources still give the documents their
 * author (and the rest is reported as ever), a value of a variable
 * declared nowhere is reported, a note with a title and no text comes in
 * as a briefing note of its title, and a note of neither is reported. */
static void
test_late_variables_empty_notes (Fixture       *f,
                                 gconstpointer  data)
{
  static const char qde[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>"
    "<TextSource guid=\"11111111-2222-3333-4444-555555555555\" name=\"Doc\" "
    "plainTextPath=\"internal://doc.txt\">"
    "<VariableValue><VariableRef targetGUID=\"77777777-0000-0000-0000-000000000001\"/>"
    "<TextValue>Ana Ruiz</TextValue></VariableValue>"
    "<VariableValue><VariableRef targetGUID=\"77777777-0000-0000-0000-000000000002\"/>"
    "<IntegerValue>41</IntegerValue></VariableValue>"
    "<VariableValue><VariableRef targetGUID=\"77777777-0000-0000-0000-000000000009\"/>"
    "<TextValue>nowhere</TextValue></VariableValue>"
    "</TextSource></Sources>"
    "<Notes>"
    "<Note guid=\"88888888-0000-0000-0000-000000000001\" name=\"Call the harbour office\"/>"
    "<Note guid=\"88888888-0000-0000-0000-000000000002\"><PlainTextContent> </PlainTextContent></Note>"
    "</Notes>"
    "<Variables>"
    "<Variable guid=\"77777777-0000-0000-0000-000000000001\" name=\"Author\" typeOfVariable=\"Text\"/>"
    "<Variable guid=\"77777777-0000-0000-0000-000000000002\" name=\"Age\" typeOfVariable=\"Integer\"/>"
    "</Variables></Project>\n";
  g_autofree char *path = g_build_filename (f->dir, "late.qdpx", NULL);
  g_autoptr(DossierProject) project = exchange_new_project (f, "late.dossier");
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(DossierDocument) doc = NULL;
  g_autoptr(DossierBriefing) briefing = NULL;
  g_autofree char *text = NULL;
  GListModel *briefings = dossier_project_get_briefings (project);

  exchange_write_zip (path, "project.qde", qde, "sources/doc.txt", "A short text.", NULL);
  report = import_ok (project, path);
  text = dossier_import_report_to_text (report);
  g_test_message ("%s", text);

  doc = g_list_model_get_item (dossier_project_get_documents (project), 0);
  g_assert_cmpstr (dossier_document_get_author (doc), ==, "Ana Ruiz");
  g_assert_nonnull (strstr (text, "Variable “Age”: its value on 1 document has no place in Dossier"));
  g_assert_nonnull (strstr (text, "Variables: 1 value of a variable the project does not declare"));

  g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 1);
  briefing = g_list_model_get_item (briefings, 0);
  g_assert_cmpstr (dossier_briefing_get_title (briefing), ==, "Call the harbour office");
  g_assert_cmpstr (dossier_briefing_get_body (briefing), ==, "");
  g_assert_nonnull (strstr (text, "Notes: 1 note has neither a title nor a text: nothing to import"));
}

/* A project of one source @text whose unnamed selections are @n pairs of
 * positions, each coded; returns the import's report as text and the
 * quotes of its highlights, in order, in @quotes. */
static char *
import_unnamed (Fixture     *f,
                const char  *file_name,
                const char  *text,
                const gint64 positions[][2],
                guint        n,
                GString     *quotes)
{
  g_autofree char *path = g_build_filename (f->dir, file_name, NULL);
  g_autofree char *project_name = g_strconcat (file_name, ".dossier", NULL);
  g_autoptr(DossierProject) project = exchange_new_project (f, project_name);
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GString) qde = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                         "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
                                         "<CodeBook><Codes><Code guid=\"aaaaaaaa-0000-0000-0000-000000000001\" "
                                         "name=\"Votes\" isCodable=\"true\"/></Codes></CodeBook><Sources>"
                                         "<TextSource guid=\"11111111-2222-3333-4444-555555555555\" "
                                         "name=\"Doc\" plainTextPath=\"internal://doc.txt\">");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (qde, "<PlainTextSelection guid=\"bbbbbbbb-0000-0000-0000-%012u\" "
                            "startPosition=\"%" G_GINT64_FORMAT "\" endPosition=\"%" G_GINT64_FORMAT "\">"
                            "<Coding guid=\"dddddddd-0000-0000-0000-%012u\"><CodeRef "
                            "targetGUID=\"aaaaaaaa-0000-0000-0000-000000000001\"/></Coding>"
                            "</PlainTextSelection>", i, positions[i][0], positions[i][1], i);
  g_string_append (qde, "</TextSource></Sources></Project>\n");
  exchange_write_zip (path, "project.qde", qde->str, "sources/doc.txt", text, NULL);

  report = import_ok (project, path);
  highlights = dossier_project_list_highlights (project, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < highlights->len; i++)
    g_string_append_printf (quotes, "[%s]", dossier_highlight_get_quote (g_ptr_array_index (highlights, i)));
  return dossier_import_report_to_text (report);
}

/* Positions counted in UTF-16 units, with no name to check them by: when
 * code points put a selection past the end and UTF-16 units do not, UTF-16
 * units are used, and the report says so; when nothing tells, code points
 * are used, and the report says which selections may be off. */
static void
test_utf16_unnamed (Fixture       *f,
                    gconstpointer  data)
{
  static const char text[] = "Harbour 🚢 plan: the council votes 🗳 today on the ferry fares.";
  static const gint64 to_the_end[][2] = { { 21, 28 }, { 51, 63 } };   /* UTF-16 units */
  static const gint64 inside[][2] = { { 21, 28 } };
  static const gint64 before[][2] = { { 2, 7 } };
  g_autoptr(GString) quotes = g_string_new (NULL);
  g_autofree char *report = NULL;

  report = import_unnamed (f, "to-the-end.qdpx", text, to_the_end, G_N_ELEMENTS (to_the_end), quotes);
  g_test_message ("%s", report);
  g_assert_cmpstr (quotes->str, ==, "[council][ferry fares.]");
  g_assert_nonnull (strstr (report, "its positions were counted with UTF-16 units; they were "
                                    "converted to code points"));
  g_assert_null (strstr (report, "placed by its position alone"));
  g_clear_pointer (&report, g_free);
  g_string_truncate (quotes, 0);

  report = import_unnamed (f, "inside.qdpx", text, inside, G_N_ELEMENTS (inside), quotes);
  g_test_message ("%s", report);
  g_assert_cmpstr (quotes->str, ==, "[ouncil ]");
  g_assert_nonnull (strstr (report, "Text source “Doc”: 1 selection after an emoji or another "
                                    "character beyond U+FFFF was placed by its position alone, "
                                    "with no quoted text to check it by"));
  g_clear_pointer (&report, g_free);
  g_string_truncate (quotes, 0);

  /* Before the first emoji, nothing is in doubt. */
  report = import_unnamed (f, "before.qdpx", text, before, G_N_ELEMENTS (before), quotes);
  g_assert_cmpstr (quotes->str, ==, "[rbour]");
  g_assert_null (strstr (report, "placed by its position alone"));
  g_assert_null (strstr (report, "UTF-16"));
}

/* A source that is not UTF-8 (which the standard requires, and Windows
 * tools do not always write) is read as Windows-1252, its positions
 * counted in its characters, and the report says so; bytes that
 * Windows-1252 does not define are still refused. */
static void
test_windows_1252 (Fixture       *f,
                   gconstpointer  data)
{
  static const char qde[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><CodeBook><Codes>"
    "<Code guid=\"aaaaaaaa-0000-0000-0000-000000000001\" name=\"Prices\" isCodable=\"true\"/>"
    "</Codes></CodeBook><Sources>"
    "<TextSource guid=\"11111111-2222-3333-4444-555555555555\" name=\"Doc\" "
    "plainTextPath=\"internal://doc.txt\">"
    "<PlainTextSelection guid=\"bbbbbbbb-0000-0000-0000-000000000001\" startPosition=\"12\" "
    "endPosition=\"25\"><Coding guid=\"dddddddd-0000-0000-0000-000000000001\"><CodeRef "
    "targetGUID=\"aaaaaaaa-0000-0000-0000-000000000001\"/></Coding></PlainTextSelection>"
    "</TextSource></Sources></Project>\n";
  g_autofree char *path = g_build_filename (f->dir, "windows.qdpx", NULL);
  g_autofree char *undefined = g_build_filename (f->dir, "undefined.qdpx", NULL);
  g_autoptr(DossierProject) project = exchange_new_project (f, "windows.dossier");
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(DossierImportReport) refused = NULL;
  g_autoptr(DossierDocument) doc = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *report_text = NULL;

  /* "Café crème: “€5 a coffee” – too much", in Windows-1252. */
  exchange_write_zip (path, "project.qde", qde, "sources/doc.txt",
                      "Caf\xe9 cr\xe8me: \x93\x80" "5 a coffee\x94 \x96 too much", NULL);
  report = import_ok (project, path);
  report_text = dossier_import_report_to_text (report);
  g_test_message ("%s", report_text);
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_DOCUMENTS), ==, 1);
  doc = g_list_model_get_item (dossier_project_get_documents (project), 0);
  text = dossier_project_get_document_text (project, dossier_document_get_id (doc), NULL);
  g_assert_cmpstr (text, ==, "Café crème: “€5 a coffee” – too much");
  highlights = dossier_project_list_highlights (project, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 1);
  g_assert_cmpstr (dossier_highlight_get_quote (g_ptr_array_index (highlights, 0)), ==, "“€5 a coffee”");
  g_assert_nonnull (strstr (report_text, "Text source “Doc”: its text is not UTF-8, as the standard "
                                         "requires: it was read as Windows-1252 (Western European)"));
  g_clear_pointer (&report_text, g_free);

  exchange_write_zip (undefined, "project.qde", qde, "sources/doc.txt", "Caf\xe9 \x81 cr\xe8me", NULL);
  file = g_file_new_for_path (undefined);
  refused = dossier_exchange_import (project, file, NULL, NULL, &error);
  g_assert_no_error (error);
  report_text = dossier_import_report_to_text (refused);
  g_assert_nonnull (strstr (report_text, "Text source “Doc”: its text is not UTF-8, as the standard "
                                         "requires\n"));
}

static void
test_hostile_archives (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *traversal = g_build_filename (f->dir, "traversal.qdpx", NULL);
  g_autofree char *absolute = g_build_filename (f->dir, "absolute.qdpx", NULL);
  g_autofree char *backslash = g_build_filename (f->dir, "backslash.qdpx", NULL);
  g_autofree char *symlink = g_build_filename (f->dir, "symlink.qdpx", NULL);
  g_autofree char *bomb = g_build_filename (f->dir, "bomb.qdpx", NULL);
  g_autofree char *not_zip = g_build_filename (f->dir, "not-a-zip.qdpx", NULL);
  g_autofree char *no_qde = g_build_filename (f->dir, "no-qde.qdpx", NULL);
  g_autofree char *outside = g_build_filename (f->dir, "escape-target.txt", NULL);

  exchange_write_zip (traversal, "project.qde", minimal_qde, "sources/doc.txt", "text",
                      "../escape-target.txt", "owned", NULL);
  assert_refused (f, traversal, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));

  exchange_write_zip (absolute, "project.qde", minimal_qde, "/tmp/dossier-owned.txt", "owned", NULL);
  assert_refused (f, absolute, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);

  exchange_write_zip (backslash, "project.qde", minimal_qde, "sources\\..\\..\\owned.txt", "owned", NULL);
  assert_refused (f, backslash, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);

  /* Two files of one name (the second would be read in place of the
   * first): said so, where libzip's “File already exists” read as if the
   * import were writing over a file of the user's. */
  {
    g_autofree char *twice = g_build_filename (f->dir, "twice.qdpx", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (twice);
    g_autoptr(DossierImportReport) report = NULL;
    g_autofree char *bytes = NULL;
    gsize length;

    exchange_write_zip (twice, "project.qde", minimal_qde, "sources/doc.txt", "text",
                        "sources/doX.txt", "other", NULL);
    g_assert_true (g_file_get_contents (twice, &bytes, &length, NULL));
    /* In the local header and in the central directory alike. */
    for (gsize i = 0; i + 15 <= length; i++)
      if (memcmp (bytes + i, "sources/doX.txt", 15) == 0)
        bytes[i + 10] = 'c';
    g_assert_true (g_file_set_contents (twice, bytes, (gssize) length, NULL));
    assert_refused (f, twice, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);
    report = dossier_exchange_import (f->project, file, NULL, NULL, &error);
    g_assert_nonnull (strstr (error->message, "holds two files named “sources/doc.txt”"));
  }

  /* A symbolic link to a file of the user's, named like the source. */
  {
    int ze = 0;
    zip_t *za = zip_open (symlink, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    zip_int64_t index;

    zip_file_add (za, "project.qde", zip_source_buffer (za, minimal_qde, strlen (minimal_qde), 0), 0);
    index = zip_file_add (za, "sources/doc.txt", zip_source_buffer (za, "/etc/passwd", 11, 0), 0);
    g_assert_cmpint (zip_file_set_external_attributes (za, index, 0, ZIP_OPSYS_UNIX,
                                                       (guint32) (S_IFLNK | 0777) << 16), ==, 0);
    g_assert_cmpint (zip_close (za), ==, 0);
  }
  assert_refused (f, symlink, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);

  /* Permission bits without a file type (as Python's zipfile writes
   * them) are an ordinary file. */
  {
    g_autofree char *plain = g_build_filename (f->dir, "plain-mode.qdpx", NULL);
    g_autoptr(DossierProject) other = exchange_new_project (f, "plain-mode.dossier");
    g_autoptr(DossierImportReport) report = NULL;
    int ze = 0;
    zip_t *za = zip_open (plain, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    zip_int64_t index;

    index = zip_file_add (za, "project.qde", zip_source_buffer (za, minimal_qde, strlen (minimal_qde), 0), 0);
    zip_file_set_external_attributes (za, index, 0, ZIP_OPSYS_UNIX, (guint32) 0600 << 16);
    index = zip_file_add (za, "sources/doc.txt", zip_source_buffer (za, "Some text.", 10, 0), 0);
    zip_file_set_external_attributes (za, index, 0, ZIP_OPSYS_UNIX, (guint32) 0644 << 16);
    g_assert_cmpint (zip_close (za), ==, 0);
    report = import_ok (other, plain);
    g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_DOCUMENTS), ==, 1);
    dossier_project_close (other);
  }

  /* 64 MB of zeros deflate to ~64 KB: a thousandfold. */
  {
    int ze = 0;
    zip_t *za = zip_open (bomb, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    gsize size = 64 * 1024 * 1024;
    char *zeros = g_malloc0 (size);

    zip_file_add (za, "project.qde", zip_source_buffer (za, minimal_qde, strlen (minimal_qde), 0), 0);
    zip_file_add (za, "sources/doc.txt", zip_source_buffer (za, zeros, size, 1), 0);
    g_assert_cmpint (zip_close (za), ==, 0);
  }
  assert_refused (f, bomb, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE);

  g_assert_true (g_file_set_contents (not_zip, "PK but not really a zip archive", -1, NULL));
  assert_refused (f, not_zip, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);

  exchange_write_zip (no_qde, "sources/doc.txt", "text", NULL);
  assert_refused (f, no_qde, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
}

static void
test_hostile_xml (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *xxe = g_build_filename (f->dir, "xxe.qdpx", NULL);
  g_autofree char *laughs = g_build_filename (f->dir, "laughs.qdpx", NULL);
  g_autofree char *param = g_build_filename (f->dir, "param.qdpx", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.qdpx", NULL);
  g_autofree char *wrong_root = g_build_filename (f->dir, "wrong-root.qdpx", NULL);
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.qdpx", NULL);
  g_autofree char *deep = g_build_filename (f->dir, "deep.qdpx", NULL);
  g_autoptr(GString) deep_qde = g_string_new ("<?xml version=\"1.0\"?>\n"
                                              "<Project xmlns=\"urn:QDA-XML:project:1.0\" "
                                              "name=\"x\"><CodeBook><Codes>");
  g_autofree char *secret = g_build_filename (f->dir, "secret.txt", NULL);
  g_autofree char *xxe_qde = NULL;
  g_autoptr(GString) billion = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE Project [\n"
                                             "<!ENTITY lol \"lol\">\n");

  /* XXE: an external entity that would read a file into a code's name. */
  g_assert_true (g_file_set_contents (secret, "the user's secret", -1, NULL));
  xxe_qde = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                             "<!DOCTYPE Project [ <!ENTITY xxe SYSTEM \"file://%s\"> ]>\n"
                             "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><CodeBook><Codes>"
                             "<Code guid=\"11111111-2222-3333-4444-555555555555\" name=\"&xxe;\" "
                             "isCodable=\"true\"/></Codes></CodeBook></Project>", secret);
  exchange_write_zip (xxe, "project.qde", xxe_qde, NULL);
  assert_refused (f, xxe, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);

  /* Billion laughs: ten levels of tenfold entities. */
  for (int i = 1; i <= 10; i++)
    {
      g_string_append_printf (billion, "<!ENTITY lol%d \"", i);
      for (int k = 0; k < 10; k++)
        {
          if (i == 1)
            g_string_append (billion, "&lol;");
          else
            g_string_append_printf (billion, "&lol%d;", i - 1);
        }
      g_string_append (billion, "\">\n");
    }
  g_string_append (billion, "]>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&lol10;\"/>\n");
  exchange_write_zip (laughs, "project.qde", billion->str, NULL);
  assert_refused (f, laughs, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);

  /* A DTD after a comment and processing instructions is still found. */
  exchange_write_zip (param, "project.qde",
                      "\xef\xbb\xbf<?xml version=\"1.0\"?><!-- a comment --><?pi x?>\n"
                      "<!DOCTYPE Project SYSTEM \"http://example.invalid/evil.dtd\">"
                      "<Project name=\"x\"/>", NULL);
  assert_refused (f, param, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE);

  exchange_write_zip (broken, "project.qde", "<Project name=\"x\"><Sources><TextSource", NULL);
  assert_refused (f, broken, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);

  exchange_write_zip (wrong_root, "project.qde", "<html><body/></html>", NULL);
  assert_refused (f, wrong_root, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);

  /* Cut off inside a source, after a whole codebook: nothing of it comes
   * in (the codebook's tag was added, the rest let go, and the import
   * said it was done). */
  exchange_write_zip (truncated, "project.qde",
                      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><CodeBook><Codes>"
                      "<Code guid=\"11111111-2222-3333-4444-555555555555\" name=\"Cut\" "
                      "isCodable=\"true\"/></Codes></CodeBook><Sources>"
                      "<TextSource guid=\"11111111-2222-3333-4444-555555555556\" name=\"S\">"
                      "<PlainTextContent>Some text</PlainTextContent>"
                      "<PlainTextSelection guid=\"11111111-2222-3333-4444-555555555557\" "
                      "startPosition=\"0\" endPosition=\"4\"><Coding guid=\"11111111-2222-3333-"
                      "4444-555555555558\"><CodeRef targetGUID=\"11111111-2222-3333-4444-"
                      "555555555555\"/></Coding></PlainTextSel", NULL);
  assert_refused (f, truncated, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);

  /* Codes nested deeper than the parser goes (libxml2 stops at 256
   * levels): refused, where the import said it brought in nothing. */
  for (int i = 0; i < 300; i++)
    g_string_append_printf (deep_qde, "<Code guid=\"11111111-2222-3333-4444-%012d\" name=\"L%d\" "
                            "isCodable=\"true\">", i, i);
  for (int i = 0; i < 300; i++)
    g_string_append (deep_qde, "</Code>");
  g_string_append (deep_qde, "</Codes></CodeBook></Project>");
  exchange_write_zip (deep, "project.qde", deep_qde->str, NULL);
  assert_refused (f, deep, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE);
}

/* A source's text outside the archive is read only from beside the .qdpx,
 * by its name: never from the path the file names. */
static void
test_paths_outside (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *secret = g_build_filename (sub, "secret.txt", NULL);
  g_autofree char *beside = g_build_filename (f->dir, "interview.txt", NULL);
  g_autofree char *qdpx = g_build_filename (f->dir, "paths.qdpx", NULL);
  g_autofree char *qde = NULL;
  g_autoptr(DossierProject) project = exchange_new_project (f, "paths.dossier");
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GString) skipped = g_string_new (NULL);
  GListModel *docs;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (secret, "The user's secret, not to be imported.", -1, NULL));
  g_assert_true (g_file_set_contents (beside, "An interview kept beside the project.", -1, NULL));

  qde = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                         "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>"
                         "<TextSource guid=\"11111111-2222-3333-4444-555555555551\" name=\"Secret\" "
                         "plainTextPath=\"absolute://%s\"/>"
                         "<TextSource guid=\"11111111-2222-3333-4444-555555555552\" name=\"Etc\" "
                         "plainTextPath=\"relative://../../../../../../etc/hostname\"/>"
                         "<TextSource guid=\"11111111-2222-3333-4444-555555555553\" name=\"Interview\" "
                         "plainTextPath=\"absolute://C:\\Users\\Ann\\QDA\\interview.txt\"/>"
                         "</Sources></Project>", secret);
  exchange_write_zip (qdpx, "project.qde", qde, NULL);

  report = import_ok (project, qdpx);
  docs = dossier_project_get_documents (project);
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 1);
  {
    g_autoptr(DossierDocument) d = g_list_model_get_item (docs, 0);
    g_autofree char *text = dossier_project_get_document_text (project, dossier_document_get_id (d), NULL);

    g_assert_cmpstr (dossier_document_get_title (d), ==, "Interview");
    g_assert_cmpstr (text, ==, "An interview kept beside the project.");
  }
  for (guint i = 0; i < dossier_import_report_get_n_items (report); i++)
    {
      const char *what, *why;

      if (dossier_import_report_get_item (report, i, &what, &why) == DOSSIER_IMPORT_ITEM_SKIPPED)
        g_string_append_printf (skipped, "%s: %s\n", what, why);
    }
  g_assert_nonnull (strstr (skipped->str, "“Secret”"));
  g_assert_nonnull (strstr (skipped->str, "“Etc”"));
  dossier_project_close (project);
}

/* A file in another vocabulary, whose root is named Project or CodeBook,
 * is not REFI-QDA and is refused saying so; a valid project or codebook
 * that holds nothing to import says that, and the project is left as it
 * was. One without a namespace at all is read. */
static void
test_not_refi (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.qdpx", NULL);
  g_autofree char *other_qde = g_build_filename (f->dir, "other.qde", NULL);
  g_autofree char *other_qdc = g_build_filename (f->dir, "other.qdc", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.qdpx", NULL);
  g_autofree char *users = g_build_filename (f->dir, "users.qde", NULL);
  g_autofree char *empty_qdc = g_build_filename (f->dir, "empty.qdc", NULL);
  g_autofree char *bare = g_build_filename (f->dir, "bare.qdc", NULL);
  const char *codes =
    "<Codes><Code guid=\"11111111-2222-3333-4444-555555555501\" name=\"Fares\" isCodable=\"true\"/></Codes>";
  g_autofree char *other_project = g_strconcat ("<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:example:tasks\" "
                                                "name=\"x\"><CodeBook>", codes, "</CodeBook></Project>", NULL);
  g_autofree char *other_codebook = g_strconcat ("<CodeBook xmlns=\"urn:QDA-XML:project:1.0\">", codes,
                                                 "</CodeBook>", NULL);
  g_autofree char *bare_codebook = g_strconcat ("<CodeBook>", codes, "</CodeBook>", NULL);
  g_autofree char *message = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierImportReport) report = NULL;

  exchange_write_zip (other, "project.qde", other_project, NULL);
  message = refused_message (f, other, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
  g_assert_cmpstr (message, ==, "“other.qdpx” is not a REFI-QDA project: its Project is in the namespace "
                                "“urn:example:tasks”, not urn:QDA-XML:project:1.0.");
  g_clear_pointer (&message, g_free);
  g_assert_true (g_file_set_contents (other_qde, other_project, -1, NULL));
  assert_refused (f, other_qde, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
  g_assert_true (g_file_set_contents (other_qdc, other_codebook, -1, NULL));
  message = refused_message (f, other_qdc, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
  g_assert_cmpstr (message, ==, "“other.qdc” is not a REFI-QDA codebook: its CodeBook is in the namespace "
                                "“urn:QDA-XML:project:1.0”, not urn:QDA-XML:codebook:1.0.");
  g_clear_pointer (&message, g_free);

  exchange_write_zip (empty, "project.qde", "<?xml version=\"1.0\"?>\n"
                      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"/>", NULL);
  message = refused_message (f, empty, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_EMPTY);
  g_assert_cmpstr (message, ==, "“empty.qdpx” holds nothing to import: its project has no sources, codes "
                                "or notes.");
  g_clear_pointer (&message, g_free);
  /* Its users alone are nothing to import either: they are the coders of
   * highlights it does not have. */
  g_assert_true (g_file_set_contents (users, "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Users>"
                                      "<User guid=\"11111111-2222-3333-4444-555555555509\" name=\"Ann\"/>"
                                      "</Users><Description>Nothing yet.</Description></Project>", -1, NULL));
  assert_refused (f, users, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_EMPTY);
  g_assert_true (g_file_set_contents (empty_qdc, "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes/></CodeBook>",
                                      -1, NULL));
  message = refused_message (f, empty_qdc, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_EMPTY);
  g_assert_cmpstr (message, ==, "“empty.qdc” holds nothing to import: its codebook has no codes.");

  /* No namespace: read as REFI-QDA. */
  project = exchange_new_project (f, "bare.dossier");
  g_assert_true (g_file_set_contents (bare, bare_codebook, -1, NULL));
  report = import_ok (project, bare);
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_TAGS), ==, 1);
  dossier_project_close (project);
}

/* Two codes, or two sources, of one GUID leave what refers to it
 * ambiguous (a coding's code, a case's passage): the file is refused,
 * naming both, and the project is left as it was. GUIDs are compared
 * without regard to case or braces. */
static void
test_duplicate_guids (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *codes = g_build_filename (f->dir, "codes.qdpx", NULL);
  g_autofree char *sources = g_build_filename (f->dir, "sources.qdpx", NULL);
  g_autofree char *codebook = g_build_filename (f->dir, "codebook.qdc", NULL);
  g_autofree char *message = NULL;

  exchange_write_zip (codes, "project.qde",
                      "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
                      "<CodeBook><Codes>"
                      "<Code guid=\"aaaaaaaa-2222-3333-4444-555555555501\" name=\"Fares\" isCodable=\"true\"/>"
                      "<Code guid=\"bbbbbbbb-2222-3333-4444-555555555502\" name=\"Effects\" isCodable=\"true\">"
                      "<Code guid=\"{AAAAAAAA-2222-3333-4444-555555555501}\" name=\"Delays\" isCodable=\"true\"/>"
                      "</Code></Codes></CodeBook><Sources>"
                      "<TextSource guid=\"cccccccc-2222-3333-4444-555555555503\" name=\"Doc\">"
                      "<PlainTextContent>Fares rise and trains are late.</PlainTextContent>"
                      "<PlainTextSelection guid=\"dddddddd-2222-3333-4444-555555555504\" startPosition=\"0\" "
                      "endPosition=\"5\"><Coding guid=\"eeeeeeee-2222-3333-4444-555555555505\">"
                      "<CodeRef targetGUID=\"aaaaaaaa-2222-3333-4444-555555555501\"/></Coding>"
                      "</PlainTextSelection></TextSource></Sources></Project>\n", NULL);
  message = refused_message (f, codes, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
  g_assert_cmpstr (message, ==, "“codes.qdpx” is damaged: the codes “Fares” and “Delays” have the same GUID "
                                "(aaaaaaaa-2222-3333-4444-555555555501), so what refers to it is ambiguous.");
  g_clear_pointer (&message, g_free);

  g_assert_true (g_file_set_contents (codebook, "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
                                      "<Code guid=\"aaaaaaaa-2222-3333-4444-555555555501\" name=\"Fares\"/>"
                                      "<Code guid=\"aaaaaaaa-2222-3333-4444-555555555501\" name=\"Tolls\"/>"
                                      "</Codes></CodeBook>", -1, NULL));
  assert_refused (f, codebook, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);

  exchange_write_zip (sources, "project.qde",
                      "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
                      "<Sources>"
                      "<TextSource guid=\"cccccccc-2222-3333-4444-555555555503\" name=\"Morning report\">"
                      "<PlainTextContent>Fares rise.</PlainTextContent></TextSource>"
                      "<TextSource guid=\"CCCCCCCC-2222-3333-4444-555555555503\" name=\"Evening report\">"
                      "<PlainTextContent>Trains are late.</PlainTextContent></TextSource>"
                      "</Sources></Project>\n", NULL);
  message = refused_message (f, sources, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
  g_assert_cmpstr (message, ==, "“sources.qdpx” is damaged: the sources “Morning report” and “Evening report” "
                                "have the same GUID (cccccccc-2222-3333-4444-555555555503), so what refers "
                                "to it is ambiguous.");
}

/* Tools name a selection after its text on one line, its line breaks made
 * spaces: such a name agrees with its text, and when the positions are a
 * few characters off the selection is placed where its name occurs. */
static void
test_flattened_names (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "flat.qdpx", NULL);
  g_autoptr(DossierProject) project = exchange_new_project (f, "flat.dossier");
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  const char *why = NULL;
  guint n_by_name = 0;

  /* "rise.\n\nThe ferry" is at 6–22; the second selection counts from 9. */
  exchange_write_zip (path, "project.qde",
                      "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
                      "<CodeBook><Codes><Code guid=\"aaaaaaaa-0000-0000-0000-000000000001\" name=\"Fares\" "
                      "isCodable=\"true\"/></Codes></CodeBook><Sources>"
                      "<TextSource guid=\"cccccccc-2222-3333-4444-555555555504\" name=\"Wire\" "
                      "plainTextPath=\"internal://cccccccc-2222-3333-4444-555555555504.txt\">"
                      "<PlainTextSelection guid=\"bbbbbbbb-0000-0000-0000-000000000001\" name=\"rise. The ferry\" "
                      "startPosition=\"6\" endPosition=\"22\"><Coding guid=\"dddddddd-0000-0000-0000-000000000001\">"
                      "<CodeRef targetGUID=\"aaaaaaaa-0000-0000-0000-000000000001\"/></Coding></PlainTextSelection>"
                      "<PlainTextSelection guid=\"bbbbbbbb-0000-0000-0000-000000000002\" name=\"rise. The ferry\" "
                      "startPosition=\"9\" endPosition=\"25\"><Coding guid=\"dddddddd-0000-0000-0000-000000000002\">"
                      "<CodeRef targetGUID=\"aaaaaaaa-0000-0000-0000-000000000001\"/></Coding></PlainTextSelection>"
                      "</TextSource></Sources></Project>\n",
                      "sources/cccccccc-2222-3333-4444-555555555504.txt",
                      "Fares rise.\n\nThe ferry to the quay runs late.\n", NULL);
  report = import_ok (project, path);
  highlights = dossier_project_list_highlights (project, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 2);
  for (guint i = 0; i < highlights->len; i++)
    {
      DossierHighlight *h = g_ptr_array_index (highlights, i);

      g_assert_cmpint (dossier_highlight_get_start (h), ==, 6);
      g_assert_cmpint (dossier_highlight_get_end (h), ==, 22);
      g_assert_cmpstr (dossier_highlight_get_quote (h), ==, "rise.\n\nThe ferry");
    }
  /* The first agreed as it was; the second was placed by its name. */
  for (guint i = 0; i < dossier_import_report_get_n_items (report); i++)
    {
      dossier_import_report_get_item (report, i, NULL, &why);
      if (strstr (why, "placed by") != NULL)
        {
          g_assert_cmpstr (why, ==, "1 selection was placed by its quoted text: its positions pointed at other text");
          n_by_name++;
        }
    }
  g_assert_cmpuint (n_by_name, ==, 1);
}

/* A file from someone else may put controls in any text: codes' names
 * and descriptions, a source's name, a case's name and description, a
 * selection's memo, a note's title and text. They were stored as they
 * came (an ESC sequence reached every list and terminal); now each loses
 * C1 controls, DEL and the bidi overrides as a text typed in does, one
 * line or several, and the document's own text is untouched. */
static void
test_controls (Fixture       *f,
               gconstpointer  data)
{
  static const char qde[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
    "<CodeBook><Codes><Code guid=\"aaaaaaaa-0000-0000-0000-000000000001\" name=\"Fares&#x202E; rise&#x9B;\" "
    "isCodable=\"true\"><Description>Line one&#xA;Line&#x7F; two&#x2066;</Description></Code>"
    "</Codes></CodeBook><Sources>"
    "<TextSource guid=\"cccccccc-2222-3333-4444-555555555504\" name=\"Wire&#x202D;&#x85;\" "
    "plainTextPath=\"internal://cccccccc-2222-3333-4444-555555555504.txt\">"
    "<PlainTextSelection guid=\"bbbbbbbb-0000-0000-0000-000000000001\" "
    "startPosition=\"0\" endPosition=\"5\"><Description>Memo&#x9B;2J&#xA;here&#x202E;</Description>"
    "<Coding guid=\"dddddddd-0000-0000-0000-000000000001\">"
    "<CodeRef targetGUID=\"aaaaaaaa-0000-0000-0000-000000000001\"/></Coding></PlainTextSelection>"
    "</TextSource></Sources>"
    "<Cases><Case guid=\"eeeeeeee-0000-0000-0000-000000000001\" name=\"Ferry&#x9D; crews&#x202C;\">"
    "<Description>Work&#x7F; the&#xA;boats&#x2067;</Description></Case></Cases>"
    "<Notes><Note guid=\"88888888-0000-0000-0000-000000000001\" name=\"Call&#x202E; the office\">"
    "<PlainTextContent>Body&#x9B;31m&#xA;text</PlainTextContent></Note></Notes>"
    "</Project>\n";
  g_autofree char *path = g_build_filename (f->dir, "controls.qdpx", NULL);
  g_autoptr(DossierProject) project = exchange_new_project (f, "controls.dossier");
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(DossierDocument) doc = NULL;
  g_autoptr(DossierTag) tag = NULL;
  g_autoptr(DossierStakeholder) stakeholder = NULL;
  g_autoptr(DossierBriefing) briefing = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  exchange_write_zip (path, "project.qde", qde,
                      "sources/cccccccc-2222-3333-4444-555555555504.txt",
                      "Fares\u202e rise.\n", NULL);
  report = import_ok (project, path);

  tag = g_list_model_get_item (dossier_project_get_tags (project), 0);
  g_assert_cmpstr (dossier_tag_get_name (tag), ==, "Fares rise");
  g_assert_cmpstr (dossier_tag_get_description (tag), ==, "Line one\nLine two");
  doc = g_list_model_get_item (dossier_project_get_documents (project), 0);
  g_assert_cmpstr (dossier_document_get_title (doc), ==, "Wire");
  text = dossier_project_get_document_text (project, dossier_document_get_id (doc), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Fares\u202e rise.\n");
  highlights = dossier_project_list_highlights (project, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 1);
  g_assert_cmpstr (dossier_highlight_get_memo (g_ptr_array_index (highlights, 0)), ==,
                   "Memo2J\nhere");
  stakeholder = g_list_model_get_item (dossier_project_get_stakeholders (project), 0);
  g_assert_cmpstr (dossier_stakeholder_get_name (stakeholder), ==, "Ferry crews");
  g_assert_cmpstr (dossier_stakeholder_get_description (stakeholder), ==, "Work the\nboats");
  briefing = g_list_model_get_item (dossier_project_get_briefings (project), 0);
  g_assert_cmpstr (dossier_briefing_get_title (briefing), ==, "Call the office");
  g_assert_cmpstr (dossier_briefing_get_body (briefing), ==, "Body31m\ntext");
  assert_project_sound (project);
}

/* Codes of one name under one parent (other tools allow it; a codebook
 * here does not) are numbered from the name the tool gave them —
 * "Other", "Other (2)", "Other (3)", never "Other (2) (3)" — and many of
 * them are read at once; a code without a name is said to be one. */
static void
test_same_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "same.qdpx", NULL);
  g_autoptr(DossierProject) project = exchange_new_project (f, "same.dossier");
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
                                         "<CodeBook><Codes>"
                                         "<Code guid=\"aaaaaaaa-0000-0000-0000-000000000000\" name=\" \" "
                                         "isCodable=\"true\"/>");
  g_autoptr(GString) paths = g_string_new (NULL);
  GListModel *tags = dossier_project_get_tags (project);
  guint n_renamed = 0, n_unnamed = 0;

  for (guint i = 1; i <= 400; i++)
    g_string_append_printf (xml, "<Code guid=\"aaaaaaaa-0000-0000-0000-%012u\" name=\"%s\" "
                            "isCodable=\"true\"/>", i, i % 2 ? "Other" : "other");
  g_string_append (xml, "</Codes></CodeBook></Project>\n");
  exchange_write_zip (path, "project.qde", xml->str, NULL);

  report = import_ok (project, path);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);

      if (i < 4 || i == g_list_model_get_n_items (tags) - 1)
        g_string_append_printf (paths, "%s\n", dossier_tag_get_path (tag));
    }
  g_assert_cmpstr (paths->str, ==, "Unnamed code\nOther\nother (2)\nOther (3)\nother (400)\n");

  for (guint i = 0; i < dossier_import_report_get_n_items (report); i++)
    {
      const char *what, *why;

      dossier_import_report_get_item (report, i, &what, &why);
      if (strcmp (what, "A code without a name") == 0)
        {
          g_assert_cmpstr (why, ==, "named “Unnamed code” (a tag needs a name)");
          n_unnamed++;
        }
      else if (g_str_has_prefix (why, "renamed to"))
        n_renamed++;
    }
  g_assert_cmpuint (n_unnamed, ==, 1);
  g_assert_cmpuint (n_renamed, ==, 399);
}

/* A code named with a megabyte (of words, or of one word) becomes a tag
 * whose name is within DOSSIER_TAG_MAX_NAME, ending in "…", and the
 * report says so, naming the code by the start of its name: the import
 * goes on. Two of one long name are numbered within the limit too. */
static void
test_long_code_names (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "long.qdpx", NULL);
  g_autoptr(DossierProject) project = exchange_new_project (f, "long.dossier");
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *word = g_strnfill (1024 * 1024, 'x');
  g_autofree char *xml = NULL;
  GListModel *tags = dossier_project_get_tags (project);
  guint n_shortened = 0;

  while (words->len < 1024 * 1024)
    g_string_append (words, "Fares rise ");
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
                         "<CodeBook><Codes>"
                         "<Code guid=\"aaaaaaaa-0000-0000-0000-000000000001\" name=\"%s\" isCodable=\"true\"/>"
                         "<Code guid=\"aaaaaaaa-0000-0000-0000-000000000002\" name=\"%s\" isCodable=\"true\"/>"
                         "<Code guid=\"aaaaaaaa-0000-0000-0000-000000000003\" name=\"%s\" isCodable=\"true\"/>"
                         "<Code guid=\"aaaaaaaa-0000-0000-0000-000000000004\" name=\"Costs\" isCodable=\"true\"/>"
                         "</Codes></CodeBook></Project>\n",
                         words->str, word, words->str);
  exchange_write_zip (path, "project.qde", xml, NULL);

  report = import_ok (project, path);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);
      const char *name = dossier_tag_get_name (tag);

      g_assert_cmpint (g_utf8_strlen (name, -1), <=, DOSSIER_TAG_MAX_NAME);
      g_assert_cmpint (g_utf8_strlen (name, -1), >, DOSSIER_TAG_MAX_NAME - 20);
      if (i == 0)
        g_assert_true (g_str_has_prefix (name, "Fares rise Fares") && g_str_has_suffix (name, "e…"));
      else if (i == 1)
        g_assert_true (g_str_has_prefix (name, "xxx") && g_str_has_suffix (name, "x…"));
      else
        g_assert_true (g_str_has_suffix (name, "… (2)") || g_str_has_suffix (name, " (2)"));
    }

  for (guint i = 0; i < dossier_import_report_get_n_items (report); i++)
    {
      const char *what, *why;

      dossier_import_report_get_item (report, i, &what, &why);
      g_assert_cmpint (g_utf8_strlen (what, -1), <=, DOSSIER_TAG_MAX_NAME);
      g_assert_cmpint (g_utf8_strlen (why, -1), <=, 2 * DOSSIER_TAG_MAX_NAME);
      if (g_str_has_prefix (why, "shortened to"))
        n_shortened++;
    }
  g_assert_cmpuint (n_shortened, ==, 3);
  assert_project_sound (project);
}

/* Imports @path into @project, expecting @n new rows of @count; returns
 * the virtual machine steps its queries took. */
static guint64
import_steps (DossierProject     *project,
              const char         *path,
              DossierImportCount  count,
              guint               n)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint64 steps = test_statement_steps (project);

  report = dossier_exchange_import (project, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_import_report_get_count (report, count), ==, n);
  return test_statement_steps (project) - steps;
}

/* Imports @n rows of a kind into @project; the virtual machine steps. */
typedef guint64 (*ImportRows) (Fixture        *f,
                               DossierProject *project,
                               guint           n);

/* Four times the rows (2,000 against 500), not sixteen times the work. */
static void
assert_linear (Fixture    *f,
               ImportRows  import,
               const char *what)
{
  g_autoptr(DossierProject) smaller = exchange_new_project (f, "smaller.dossier");
  g_autoptr(DossierProject) larger = exchange_new_project (f, "larger.dossier");
  guint64 steps_smaller = import (f, smaller, 500);
  guint64 steps_larger = import (f, larger, 2000);

  g_test_message ("500 %s: %" G_GUINT64_FORMAT " steps; 2,000: %" G_GUINT64_FORMAT,
                  what, steps_smaller, steps_larger);
  g_assert_cmpuint (steps_larger, <, 6 * steps_smaller);
}

/* Imports a codebook of @n codes without a colour (the first one blue in
 * capitals) into @project; returns the virtual machine steps its queries
 * took. */
static guint64
import_codes (Fixture        *f,
              DossierProject *project,
              guint           n)
{
  g_autofree char *name = g_strdup_printf ("codes-%u.qdc", n);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
                                         "<Code guid=\"aaaaaaaa-0000-0000-0000-000000000000\" "
                                         "name=\"Code 0\" color=\"#3584E4\" isCodable=\"true\"/>");

  for (guint i = 1; i < n; i++)
    g_string_append_printf (xml, "<Code guid=\"aaaaaaaa-0000-0000-0000-%012u\" name=\"Code %u\" "
                            "isCodable=\"true\"/>", i, i);
  g_string_append (xml, "</Codes></CodeBook>\n");
  g_assert_true (g_file_set_contents (path, xml->str, -1, NULL));
  return import_steps (project, path, DOSSIER_IMPORT_COUNT_TAGS, n);
}

/* Codes without a colour take the palette's least used one, counting the
 * project's tags and the codes before them, as a tag added by hand
 * does; and a large codebook costs in proportion to its size (each code
 * counted the colours of all tags again: 5,000 codes took 8 s). */
static void
test_many_codes (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const expected[] = {
    "#3584e4",  /* the project's tag */
    "#3584e4",  /* Code 0, as the file says (in capitals there) */
    "#e66100", "#2ec27e", "#c061cb", "#f5c211", "#e01b24", "#14a3a3", "#986a44",
    "#7b61ff", "#8cc63f", "#e64ca0", "#4dabf7",
    "#e66100",  /* Code 12: blue is used twice */
    "#2ec27e",
  };
  g_autoptr(DossierProject) small = exchange_new_project (f, "small.dossier");
  g_autoptr(GError) error = NULL;
  GListModel *tags = dossier_project_get_tags (small);

  g_assert_cmpint (dossier_project_add_tag (small, "Mine", 0, NULL, NULL, &error), !=, 0);
  g_assert_no_error (error);
  import_codes (f, small, 14);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);

      g_assert_cmpstr (dossier_tag_get_color (tag), ==, expected[i]);
    }
  /* The next tag added by hand goes on from there. */
  g_assert_cmpint (dossier_project_add_tag (small, "Next", 0, NULL, NULL, &error), !=, 0);
  {
    g_autoptr(DossierTag) tag = g_list_model_get_item (tags, G_N_ELEMENTS (expected));

    g_assert_cmpstr (dossier_tag_get_color (tag), ==, "#c061cb");
  }

  assert_linear (f, import_codes, "codes");
}

/* A .qde of the cases @names (each "name" or "name|alias|colour", the
 * alias and colour optional, empty for none), with the variables they
 * need; returns its path. With @evidence, a .qdpx whose source has a
 * selection for each case (the i-th character), its evidence. */
static char *
write_cases (Fixture            *f,
             const char         *file_name,
             const char * const *names,
             guint               n,
             gboolean            evidence)
{
  g_autofree char *path = g_build_filename (f->dir, file_name, NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">");

  if (evidence)
    {
      g_string_append (xml, "<Sources><TextSource guid=\"11111111-2222-3333-4444-555555555555\" "
                       "name=\"Doc\" plainTextPath=\"internal://doc.txt\">");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (xml, "<PlainTextSelection guid=\"bbbbbbbb-0000-0000-0000-%012u\" "
                                "startPosition=\"%u\" endPosition=\"%u\"/>", i, i, i + 1);
      g_string_append (xml, "</TextSource></Sources>");
    }
  g_string_append (xml, "<Variables>"
                                         "<Variable guid=\"77777777-0000-0000-0000-000000000001\" "
                                         "name=\"Aliases\" typeOfVariable=\"Text\"/>"
                                         "<Variable guid=\"77777777-0000-0000-0000-000000000002\" "
                                         "name=\"Colour\" typeOfVariable=\"Text\"/>"
                                         "</Variables><Cases>");

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) parts = g_strsplit (names[i], "|", 3);
      g_autofree char *name = g_markup_escape_text (parts[0], -1);

      g_string_append_printf (xml, "<Case guid=\"99999999-0000-0000-0000-%012u\" name=\"%s\">", i, name);
      if (evidence)
        g_string_append_printf (xml, "<SelectionRef targetGUID=\"bbbbbbbb-0000-0000-0000-%012u\"/>", i);
      if (parts[1] != NULL && parts[1][0] != '\0')
        {
          g_autofree char *alias = g_markup_escape_text (parts[1], -1);

          g_string_append_printf (xml, "<VariableValue><VariableRef targetGUID=\"77777777-0000-0000-0000-"
                                  "000000000001\"/><TextValue>%s</TextValue></VariableValue>", alias);
        }
      if (parts[1] != NULL && parts[2] != NULL && parts[2][0] != '\0')
        g_string_append_printf (xml, "<VariableValue><VariableRef targetGUID=\"77777777-0000-0000-0000-"
                                "000000000002\"/><TextValue>%s</TextValue></VariableValue>", parts[2]);
      g_string_append (xml, "</Case>");
    }
  g_string_append (xml, "</Cases></Project>\n");
  if (evidence)
    exchange_write_zip (path, "project.qde", xml->str, "sources/doc.txt", "abcdefghijklmnopqrstuvwxyz", NULL);
  else
    g_assert_true (g_file_set_contents (path, xml->str, -1, NULL));
  return g_steal_pointer (&path);
}

/* Cases join the stakeholder whose name or alias folds as theirs does
 * (case, accents and runs of spaces aside), the project's or one the
 * same import made, the first of them if two are so called, and no other
 * (its evidence shows which); the new ones take the palette's least
 * used colour, counting the colours given before them. */
static void
test_cases_join (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const cases[] = {
    "la  MINISTRA",               /* Ana Ruiz's alias */
    "Ána Ruíz",                   /* Ana Ruiz */
    "PUERTO DE VIGO",
    "Cofradía|Pescadores|#C061CB",
    "pescadores",                 /* the Cofradía, new in this import */
    "Ana",                        /* no one's name: a part of one */
    "Puerto|Puerto de Vigo",      /* new: an alias that is another's name */
    "puerto de vigo",             /* still the first stakeholder so named */
  };
  static const struct { const char *name; const char *color; guint n_cases; } expected[] = {
    { "Ana Ruiz", "#3584e4", 2 },
    { "Puerto de Vigo", "#e66100", 2 },
    { "Cofradía", "#c061cb", 2 },
    { "Ana", "#2ec27e", 1 },
    { "Puerto", "#f5c211", 1 },
  };
  g_autoptr(DossierProject) project = exchange_new_project (f, "cases.dossier");
  g_autofree char *path = write_cases (f, "cases.qdpx", cases, G_N_ELEMENTS (cases), TRUE);
  static const char * const ana_aliases[] = { "La Ministra", NULL };
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *stakeholders = dossier_project_get_stakeholders (project);
  guint n_joined = 0;

  g_assert_cmpint (dossier_project_add_stakeholder (project, "Ana Ruiz", ana_aliases,
                                                    DOSSIER_STAKEHOLDER_OFFICIAL, &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_project_add_stakeholder (project, "Puerto de Vigo", NULL,
                                                    DOSSIER_STAKEHOLDER_ORGANISATION, &error), !=, 0);
  g_assert_no_error (error);

  report = import_ok (project, path);
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_STAKEHOLDERS), ==, 3);
  for (guint i = 0; i < dossier_import_report_get_n_items (report); i++)
    {
      const char *what, *why;

      dossier_import_report_get_item (report, i, &what, &why);
      if (g_str_has_prefix (why, "already a stakeholder"))
        n_joined++;
    }
  g_assert_cmpuint (n_joined, ==, 5);

  g_assert_cmpuint (g_list_model_get_n_items (stakeholders), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (stakeholders, i);

      g_autoptr(GPtrArray) evidence = NULL;

      g_assert_cmpstr (dossier_stakeholder_get_name (s), ==, expected[i].name);
      g_assert_cmpstr (dossier_stakeholder_get_color (s), ==, expected[i].color);
      /* Each case's selection is evidence of the stakeholder it joined. */
      evidence = dossier_project_list_stakeholder_evidence (project, dossier_stakeholder_get_id (s), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (evidence->len, ==, expected[i].n_cases);
    }
  {
    g_autoptr(DossierStakeholder) s = g_list_model_get_item (stakeholders, 2);

    g_assert_cmpstr (dossier_stakeholder_get_aliases (s)[0], ==, "Pescadores");
  }
}

/* Imports @n cases, each with an alias, into @project; returns the
 * virtual machine steps its queries took. */
static guint64
import_cases (Fixture        *f,
              DossierProject *project,
              guint           n)
{
  g_autofree char *name = g_strdup_printf ("cases-%u.qde", n);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, g_strdup_printf ("Case %u|Alias %u|", i, i));
  path = write_cases (f, name, (const char * const *) names->pdata, n, FALSE);
  return import_steps (project, path, DOSSIER_IMPORT_COUNT_STAKEHOLDERS, n);
}

/* Many cases cost in proportion to their number: each new one was
 * matched against every stakeholder's names, and counted every
 * stakeholder's colour (4,000 cases took 8 s). */
static void
test_many_cases (Fixture       *f,
                 gconstpointer  data)
{
  assert_linear (f, import_cases, "cases");
}

/* Imports @n questions ("Question 0?" … ) into @project, which has the
 * first one already; returns the virtual machine steps its queries took. */
static guint64
import_questions (Fixture        *f,
                  DossierProject *project,
                  guint           n)
{
  g_autofree char *name = g_strdup_printf ("questions-%u.qde", n);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
                                         "<Notes>");
  g_autoptr(GError) error = NULL;
  guint64 steps;

  g_assert_cmpint (dossier_project_add_question (project, "Question 0?", &error), !=, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml, "<Note guid=\"88888888-0000-0000-0000-%012u\">"
                            "<PlainTextContent>Question %u?</PlainTextContent>"
                            "<VariableValue><VariableRef targetGUID=\"77777777-0000-0000-0000-"
                            "000000000001\"/><TextValue>question</TextValue></VariableValue></Note>",
                            i, i);
  /* The same text twice in the file: one question. */
  g_string_append (xml, "<Note guid=\"88888888-1111-0000-0000-000000000000\">"
                   "<PlainTextContent>Question 1?</PlainTextContent>"
                   "<VariableValue><VariableRef targetGUID=\"77777777-0000-0000-0000-"
                   "000000000001\"/><TextValue>question</TextValue></VariableValue></Note>");
  g_string_append (xml, "</Notes><Variables><Variable guid=\"77777777-0000-0000-0000-000000000001\" "
                   "name=\"Note type\" typeOfVariable=\"Text\"/></Variables></Project>\n");
  g_assert_true (g_file_set_contents (path, xml->str, -1, NULL));
  steps = import_steps (project, path, DOSSIER_IMPORT_COUNT_QUESTIONS, n - 1);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_questions (project)), ==, n);
  return steps;
}

/* A question of the same text as one of the project's, or as one before
 * it in the file, is that question; and many cost in proportion to their
 * number (each new one was looked for in all questions, by a query no
 * index serves). */
static void
test_many_questions (Fixture       *f,
                     gconstpointer  data)
{
  assert_linear (f, import_questions, "questions");
}

/* Imports @n arguments for one question ("Argument 1" … , all pro) into
 * @project, which has the question, "Argument 2" pro and "Argument 3"
 * con already; returns the virtual machine steps its queries took. */
static guint64
import_arguments (Fixture        *f,
                  DossierProject *project,
                  guint           n)
{
  g_autofree char *name = g_strdup_printf ("arguments-%u.qde", n);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Notes>"
                                         "<Note guid=\"88888888-0000-0000-0000-000000000000\">"
                                         "<PlainTextContent>Should the bridge be built?</PlainTextContent>"
                                         "<VariableValue><VariableRef targetGUID=\"77777777-0000-0000-0000-"
                                         "000000000001\"/><TextValue>question</TextValue></VariableValue></Note>");
  g_autoptr(GError) error = NULL;
  gint64 question = dossier_project_add_question (project, "Should the bridge be built?", &error);

  g_assert_no_error (error);
  g_assert_cmpint (dossier_project_add_argument (project, question, DOSSIER_POLARITY_PRO, "Argument 2", 0, 3,
                                                 &error), !=, 0);
  g_assert_cmpint (dossier_project_add_argument (project, question, DOSSIER_POLARITY_CON, "Argument 3", 0, 3,
                                                 &error), !=, 0);
  g_assert_no_error (error);
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (xml, "<Note guid=\"88888888-0000-0000-0000-%012u\">"
                            "<PlainTextContent>Argument %u</PlainTextContent>"
                            "<VariableValue><VariableRef targetGUID=\"77777777-0000-0000-0000-"
                            "000000000001\"/><TextValue>argument</TextValue></VariableValue></Note>",
                            i, i);
  g_string_append (xml, "</Notes><Links>");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (xml, "<Link guid=\"66666666-0000-0000-0000-%012u\" name=\"pro\" "
                            "originGUID=\"88888888-0000-0000-0000-%012u\" "
                            "targetGUID=\"88888888-0000-0000-0000-000000000000\"/>", i, i);
  g_string_append (xml, "</Links><Variables><Variable guid=\"77777777-0000-0000-0000-000000000001\" "
                   "name=\"Note type\" typeOfVariable=\"Text\"/></Variables></Project>\n");
  g_assert_true (g_file_set_contents (path, xml->str, -1, NULL));
  return import_steps (project, path, DOSSIER_IMPORT_COUNT_ARGUMENTS, n - 1);
}

/* An argument of the same statement on the same side of the same question
 * is that argument, and a new one goes at the end of its side; many of
 * one side cost in proportion to their number (each was looked for among
 * all of its side, which were counted again for its position). */
static void
test_many_arguments (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *statement; DossierPolarity polarity; int position; } expected[] = {
    { "Argument 2", DOSSIER_POLARITY_PRO, 0 },
    { "Argument 3", DOSSIER_POLARITY_CON, 0 },
    { "Argument 1", DOSSIER_POLARITY_PRO, 1 },
    { "Argument 3", DOSSIER_POLARITY_PRO, 2 },
    { "Argument 4", DOSSIER_POLARITY_PRO, 3 },
  };
  g_autoptr(DossierProject) project = exchange_new_project (f, "arguments.dossier");
  GListModel *arguments = dossier_project_get_arguments (project);

  import_arguments (f, project, 4);
  g_assert_cmpuint (g_list_model_get_n_items (arguments), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint found = 0;

      for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
        {
          g_autoptr(DossierArgument) a = g_list_model_get_item (arguments, k);

          if (g_str_equal (dossier_argument_get_statement (a), expected[i].statement) &&
              dossier_argument_get_polarity (a) == expected[i].polarity)
            {
              g_assert_cmpint (dossier_argument_get_position (a), ==, expected[i].position);
              found++;
            }
        }
      g_assert_cmpuint (found, ==, 1);
    }

  assert_linear (f, import_arguments, "arguments");
}

/* A source's text over the 10 MB the XML reader takes inside project.qde
 * imports when the archive keeps it as a file (sources/GUID.txt); one
 * written inline is refused, naming the source and the limit. */
static void
test_large_source (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *as_file = g_build_filename (f->dir, "as-file.qdpx", NULL);
  g_autofree char *inline_ = g_build_filename (f->dir, "inline.qdpx", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GString) inline_qde = g_string_new ("<?xml version=\"1.0\"?>\n"
                                                "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>"
                                                "<TextSource guid=\"cccccccc-2222-3333-4444-555555555503\" "
                                                "name=\"Annual report\"><PlainTextContent>");
  g_autofree char *message = NULL;
  g_autoptr(DossierProject) created = exchange_new_project (f, "large.dossier");
  g_autofree char *project_path = g_strdup (dossier_project_get_path (created));
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *docs;

  /* Its text indexed for search in a thread, as in the window, and the
   * project closed before that is done: the index of 10.5 MB is not what
   * this test is about, and was half of what it cost. */
  dossier_project_close (created);
  project = dossier_project_open (project_path, DOSSIER_OPEN_INDEX_IN_BACKGROUND, &error);
  g_assert_no_error (error);

  /* 10.5 MB of words that do not repeat enough to look like a zip bomb. */
  while (text->len < 10 * 1024 * 1024 + 512 * 1024)
    {
      g_string_append_printf (text, "fare%u quay%u ", g_rand_int_range (rand, 0, 1000000),
                              g_rand_int_range (rand, 0, 1000000));
      if (g_rand_int_range (rand, 0, 40) == 0)
        g_string_append (text, "end.\n\n");
    }
  g_string_append (text, "end.");

  exchange_write_zip (as_file, "project.qde",
                      "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>"
                      "<TextSource guid=\"cccccccc-2222-3333-4444-555555555503\" name=\"Annual report\" "
                      "plainTextPath=\"internal://cccccccc-2222-3333-4444-555555555503.txt\"/>"
                      "</Sources></Project>\n",
                      "sources/cccccccc-2222-3333-4444-555555555503.txt", text->str, NULL);
  report = import_ok (project, as_file);
  docs = dossier_project_get_documents (project);
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 1);
  {
    g_autoptr(DossierDocument) d = g_list_model_get_item (docs, 0);
    g_autofree char *stored = dossier_project_get_document_text (project, dossier_document_get_id (d), NULL);

    g_assert_cmpstr (dossier_document_get_title (d), ==, "Annual report");
    g_assert_cmpuint (strlen (stored), ==, text->len);
  }
  dossier_project_close (project);

  g_string_append (inline_qde, text->str);
  g_string_append (inline_qde, "</PlainTextContent></TextSource></Sources></Project>\n");
  exchange_write_zip (inline_, "project.qde", inline_qde->str, NULL);
  message = refused_message (f, inline_, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_cmpstr (message, ==, "“inline.qdpx” was refused: the source “Annual report” holds its text inside "
                                "the project file, and a text there can be at most 10 MB long (one kept as a "
                                "file of its own in the archive can be longer).");
}

/* ---- Progress, cancellation, async --------------------------------------- */

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *qdpx = export_file (f, DOSSIER_EXCHANGE_TARGET_STANDARD, "cancel.qdpx");
  g_autoptr(DossierProject) other = exchange_new_project (f, "cancel.dossier");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DossierProgress) progress = dossier_progress_new ();
  g_autoptr(GFile) file = g_file_new_for_path (qdpx);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierImportReport) report = NULL;

  g_cancellable_cancel (cancellable);
  report = dossier_exchange_import (other, file, progress, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (other)), ==, 0);
  g_assert_false (dossier_project_get_can_undo (other));

  g_clear_error (&error);
  report = dossier_exchange_import (other, file, progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (dossier_progress_get_fraction (progress), ==, 1.0);
  g_assert_nonnull (dossier_progress_get_message (progress));
  dossier_project_close (other);
}

typedef struct
{
  GAsyncResult *result;
  guint         notified;
  double        last;
  GThread      *main_thread;
} AsyncState;

static void
on_fraction (DossierProgress *progress,
             GParamSpec      *pspec,
             AsyncState      *state)
{
  double fraction = dossier_progress_get_fraction (progress);

  /* Notified in the caller's context, never going back. */
  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpfloat (fraction, >=, state->last);
  state->last = fraction;
  state->notified++;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((AsyncState *) data)->result != NULL;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *qdpx = export_file (f, DOSSIER_EXCHANGE_TARGET_NVIVO, "async.qdpx");
  g_autoptr(DossierProject) other = exchange_new_project (f, "async.dossier");
  g_autoptr(DossierProgress) progress = dossier_progress_new ();
  g_autoptr(GFile) file = g_file_new_for_path (qdpx);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  AsyncState state = { NULL, 0, 0.0, g_thread_self () };

  g_signal_connect (progress, "notify::fraction", G_CALLBACK (on_fraction), &state);
  dossier_exchange_import_async (other, file, progress, NULL, on_imported, &state);
  wait_until (has_result, &state, "the import to finish");
  report = dossier_exchange_import_finish (other, state.result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  flush_events ();
  g_assert_cmpuint (state.notified, >, 0);
  g_assert_cmpfloat (dossier_progress_get_fraction (progress), ==, 1.0);
  assert_same_project (f->project, other);
  assert_project_sound (other);

  /* Made in a worker, undone in the project like any other step. */
  g_assert_cmpstr (dossier_project_get_undo_label (other), ==, "Import “async.qdpx”");
  g_assert_true (dossier_project_undo (other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (other)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (other)), ==, 0);
  g_object_unref (state.result);
  g_signal_handlers_disconnect_by_data (progress, &state);
  dossier_project_close (other);
}

/* The window imports through dossier_exchange_import_async (). A file
 * given to it that is the open project under another name (a link, a
 * hard link), its log, or a source beside a .qdpx that is one, is
 * refused before any descriptor of this process reads it: that
 * descriptor's close would drop SQLite's locks on the project, and
 * another process could then write, checkpoint or delete its log under
 * the window. */
static DossierImportReport *
import_async (DossierProject  *project,
              const char      *path,
              GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncState state = { NULL, 0, 0.0, g_thread_self () };
  DossierImportReport *report;

  dossier_exchange_import_async (project, file, NULL, NULL, on_imported, &state);
  wait_until (has_result, &state, "the import to finish");
  report = dossier_exchange_import_finish (project, state.result, error);
  g_object_unref (state.result);
  return report;
}

static void
test_project_itself (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const links[][2] = {
    { "self.qdpx", "held.dossier" },
    { "log.qdpx", "held.dossier-wal" },
    { "self.qdc", "held.dossier" },
    { "self.qde", "held.dossier" },
    { "self.jsonld", "held.dossier" },
  };
  g_autofree char *path = g_build_filename (f->dir, "held.dossier", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *hard = g_build_filename (f->dir, "hard.qdpx", NULL);
  g_autofree char *beside = g_build_filename (f->dir, "beside.qdpx", NULL);
  g_autoptr(DossierProject) project = exchange_new_project (f, "held.dossier");
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GString) skipped = g_string_new (NULL);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int fd, shm_fd;

  exchange_add_document (project, "Kept", "A document the project holds.", NULL, NULL, NULL, NULL);
  dossier_project_close (project);
  g_clear_object (&project);

  g_ptr_array_add (inputs, g_strdup (wal));
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      char *name = g_build_filename (f->dir, links[i][0], NULL);

      g_assert_cmpint (symlink (links[i][1], name), ==, 0);
      g_ptr_array_add (inputs, name);
    }
  exchange_write_zip (beside, "project.qde",
                      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>"
                      "<TextSource guid=\"11111111-2222-3333-4444-555555555551\" name=\"Itself\" "
                      "plainTextPath=\"relative://held.dossier\"/>"
                      "<TextSource guid=\"11111111-2222-3333-4444-555555555552\" name=\"Its log\" "
                      "plainTextPath=\"relative://held.dossier-wal\"/>"
                      "<TextSource guid=\"11111111-2222-3333-4444-555555555553\" name=\"Article\" "
                      "plainTextPath=\"internal://article.txt\"/>"
                      "</Sources></Project>",
                      "sources/article.txt", "An article in the archive.", NULL);

  /* Opened before the project and closed after it: the test's own
   * descriptors drop nothing. */
  fd = open (path, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (add_tag (project, "Written", 0), >, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  shm_fd = open (shm, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (shm_fd, >=, 0);
  /* Linked once open: a file with two names opens only read-only. */
  g_assert_cmpint (link (path, hard), ==, 0);
  g_ptr_array_add (inputs, g_strdup (hard));

  for (guint i = 0; i < inputs->len; i++)
    {
      const char *input = g_ptr_array_index (inputs, i);

      g_test_message ("%s", input);
      report = import_async (project, input, &error);
      g_assert_null (report);
      g_assert_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
      g_assert_nonnull (strstr (error->message, "is a Dossier project, or one of its files"));
      g_clear_error (&error);
      g_assert_true (test_project_lock_held (fd));
      g_assert_true (test_shm_lock_held (shm_fd));
    }

  report = import_async (project, beside, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 2);
  for (guint i = 0; i < dossier_import_report_get_n_items (report); i++)
    {
      const char *what, *why;

      if (dossier_import_report_get_item (report, i, &what, &why) == DOSSIER_IMPORT_ITEM_SKIPPED)
        g_string_append_printf (skipped, "%s: %s\n", what, why);
    }
  g_test_message ("%s", skipped->str);
  g_assert_cmpuint (test_count_occurrences (skipped->str, "is a Dossier project, or one of its files"), ==, 2);
  g_assert_true (test_project_lock_held (fd));
  g_assert_true (test_shm_lock_held (shm_fd));

  g_assert_cmpint (add_tag (project, "Still written", 0), >, 0);
  assert_project_sound (project);
  dossier_project_close (project);
  g_assert_false (test_project_lock_held (fd));
  close (shm_fd);
  close (fd);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/refi-import/round-trip", Fixture, NULL,
              exchange_fixture_set_up, test_round_trip, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/analysis-round-trip", Fixture, NULL,
              exchange_fixture_set_up, test_analysis_round_trip, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/analysis-twice", Fixture, NULL,
              exchange_fixture_set_up, test_analysis_twice, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/merge-and-undo", Fixture, NULL,
              exchange_fixture_set_up, test_merge_and_undo, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/many-highlights", Fixture, NULL,
              exchange_fixture_set_up, test_many_highlights, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/ids-used-up", Fixture, NULL,
              exchange_fixture_set_up, test_ids_used_up, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/hostile-archives", Fixture, NULL,
              exchange_fixture_set_up, test_hostile_archives, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/unsafe-names", Fixture, NULL,
              exchange_fixture_set_up, test_unsafe_names, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/backslash-names", Fixture, NULL,
              exchange_fixture_set_up, test_backslash_names, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/qde-in-folder", Fixture, NULL,
              exchange_fixture_set_up, test_qde_in_folder, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/late-variables-empty-notes", Fixture, NULL,
              exchange_fixture_set_up, test_late_variables_empty_notes, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/utf16-unnamed", Fixture, NULL,
              exchange_fixture_set_up, test_utf16_unnamed, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/windows-1252", Fixture, NULL,
              exchange_fixture_set_up, test_windows_1252, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/hostile-xml", Fixture, NULL,
              exchange_fixture_set_up, test_hostile_xml, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/paths-outside", Fixture, NULL,
              exchange_fixture_set_up, test_paths_outside, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/not-refi", Fixture, NULL,
              exchange_fixture_set_up, test_not_refi, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/duplicate-guids", Fixture, NULL,
              exchange_fixture_set_up, test_duplicate_guids, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/flattened-names", Fixture, NULL,
              exchange_fixture_set_up, test_flattened_names, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/same-names", Fixture, NULL,
              exchange_fixture_set_up, test_same_names, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/long-code-names", Fixture, NULL,
              exchange_fixture_set_up, test_long_code_names, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/many-codes", Fixture, NULL,
              exchange_fixture_set_up, test_many_codes, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/cases-join", Fixture, NULL,
              exchange_fixture_set_up, test_cases_join, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/many-cases", Fixture, NULL,
              exchange_fixture_set_up, test_many_cases, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/many-questions", Fixture, NULL,
              exchange_fixture_set_up, test_many_questions, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/many-arguments", Fixture, NULL,
              exchange_fixture_set_up, test_many_arguments, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/large-source", Fixture, NULL,
              exchange_fixture_set_up, test_large_source, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/cancel", Fixture, NULL,
              exchange_fixture_set_up, test_cancel, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/async", Fixture, NULL,
              exchange_fixture_set_up, test_async, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/project-itself", Fixture, NULL,
              exchange_fixture_set_up, test_project_itself, exchange_fixture_tear_down);
  g_test_add ("/dossier/refi-import/controls", Fixture, NULL,
              exchange_fixture_set_up, test_controls, exchange_fixture_tear_down);

  return g_test_run ();
}
