/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-refi-tools.c — importing what other tools write: the fixtures in
 * tests/fixtures/refi-qda/{maxqda,atlasti,nvivo,qualcoder} imitate each
 * tool's habits (see make-fixtures.py there) and are zipped up here the way
 * the tool would. Each import must bring in what Dossier can hold, placed
 * exactly (whatever the tool's way of counting positions), and list in its
 * report everything else.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <zip.h>
#include <dossier/dossier.h>

#include "exchange-fixture.h"
#include "test-util.h"

typedef TestProject Fixture;

/* Zips the files under fixtures/refi-qda/@tool into @dest. */
static void
zip_fixture (const char *tool,
             const char *dest)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "fixtures", "refi-qda", tool, NULL);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  int ze = 0;
  zip_t *za = zip_open (dest, ZIP_CREATE | ZIP_TRUNCATE, &ze);

  g_assert_nonnull (za);
  g_ptr_array_add (pending, g_strdup (""));
  while (pending->len > 0)
    {
      g_autofree char *rel = g_ptr_array_steal_index (pending, pending->len - 1);
      g_autofree char *dir_path = g_build_filename (root, rel, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *entry = rel[0] != '\0' ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
          g_autofree char *path = g_build_filename (root, entry, NULL);
          char *contents;
          gsize len;

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            {
              g_ptr_array_add (pending, g_steal_pointer (&entry));
              continue;
            }
          g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
          g_assert_cmpint (zip_file_add (za, entry, zip_source_buffer (za, contents, len, 1),
                                         ZIP_FL_ENC_UTF_8), >=, 0);
        }
    }
  g_assert_cmpint (zip_close (za), ==, 0);
}

static DossierImportReport *
import_tool (Fixture    *f,
             const char *tool)
{
  g_autofree char *name = g_strdup_printf ("%s.qdpx", tool);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierImportReport *report;
  g_autofree char *text = NULL;

  zip_fixture (tool, path);
  report = dossier_exchange_import (f->project, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  text = dossier_import_report_to_text (report);
  g_test_message ("%s", text);
  return report;
}

/* The report has an item of @kind whose text holds both @what and @why. */
static void
assert_item (DossierImportReport   *report,
             DossierImportItemKind  kind,
             const char            *what,
             const char            *why)
{
  for (guint i = 0; i < dossier_import_report_get_n_items (report); i++)
    {
      const char *w, *y;

      if (dossier_import_report_get_item (report, i, &w, &y) == kind &&
          strstr (w, what) != NULL && strstr (y, why) != NULL)
        return;
    }
  g_error ("no %s item “%s: …%s…” in the report", kind == DOSSIER_IMPORT_ITEM_SKIPPED ? "skipped" : "changed",
           what, why);
}

/* The highlights of the project's only document (or @title's), as
 * "QUOTE | TAG PATHS | AUTHOR | MEMO" lines in order. */
static char *
describe_highlights (DossierProject *project,
                     const char     *title)
{
  GListModel *documents = dossier_project_get_documents (project);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, d);
      g_autoptr(GPtrArray) highlights = NULL;

      if (title != NULL && strcmp (dossier_document_get_title (doc), title) != 0)
        continue;
      highlights = dossier_project_list_highlights (project, dossier_document_get_id (doc), 0, NULL);
      for (guint i = 0; i < highlights->len; i++)
        {
          DossierHighlight *h = g_ptr_array_index (highlights, i);
          const gint64 *tags;
          guint n;

          g_string_append_printf (out, "%s |", dossier_highlight_get_quote (h));
          tags = dossier_highlight_get_tag_ids (h, &n);
          for (guint t = 0; t < n; t++)
            g_string_append_printf (out, " %s", dossier_tag_get_path (dossier_project_get_tag (project, tags[t])));
          g_string_append_printf (out, " | %s | %s\n", dossier_highlight_get_author (h),
                                  dossier_highlight_get_memo (h));
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
tag_summary (DossierProject *project)
{
  GListModel *tags = dossier_project_get_tags (project);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);

      g_string_append_printf (out, "%s %s %s\n", dossier_tag_get_path (tag), dossier_tag_get_color (tag),
                              dossier_tag_get_description (tag));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_maxqda (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DossierImportReport) report = import_tool (f, "maxqda");
  GListModel *documents = dossier_project_get_documents (f->project);
  g_autoptr(DossierDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *highlights = NULL;
  g_autofree char *tags = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  doc = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (dossier_document_get_title (doc), ==, "Ferry captain");
  g_assert_cmpstr (dossier_document_get_author (doc), ==, "Marta Lind");
  g_assert_cmpstr (dossier_document_get_uuid (doc), ==, "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
  text = dossier_project_get_document_text (f->project, dossier_document_get_id (doc), NULL);
  g_assert_true (g_str_has_prefix (text, "Interview with a ferry captain\n\nQ: How did"));
  g_assert_null (strchr (text, '\r'));

  /* The codebook: nesting, colours (short ones too), descriptions; the
   * "/" of a name replaced, the category a tag like any other. */
  tags = tag_summary (f->project);
  g_assert_cmpstr (tags, ==,
                   "Transport #0000ff Everything about moving people\n"
                   "Transport/Ferries #00aaff Boats across the harbour\n"
                   "Transport/Ferries/Queues\u2215Delays #ff8000 \n"
                   "Money #00a000 Costs, grants and fares\n"
                   "Imported without a code #9a9996 Selections that came without a code from another tool (often memos).\n");

  /* Positions counted "\r\n" as one: every quote is exact. Two coders
   * on one selection: a highlight each; a memo without a code kept. */
  highlights = describe_highlights (f->project, NULL);
  g_assert_cmpstr (highlights, ==,
                   "We carried twice the passengers in March. | Transport/Ferries | Marta | \n"
                   "We carried twice the passengers in March. | Transport/Ferries/Queues\u2215Delays | Jonas | \n"
                   "The queues at the pier were long. | Imported without a code | Jonas | Compare with the wire report.\n"
                   "Fuel went up, but the council’s grant paid for the extra boat. | Money | Marta | "
                   "Grant: check the amount.\nAsk the council.\n");

  assert_item (report, DOSSIER_IMPORT_ITEM_CHANGED, "Ferry captain", "as one character");
  assert_item (report, DOSSIER_IMPORT_ITEM_CHANGED, "Ferry captain", "one highlight per coder");
  assert_item (report, DOSSIER_IMPORT_ITEM_CHANGED, "Ferry captain", "without a code");
  assert_item (report, DOSSIER_IMPORT_ITEM_CHANGED, "Queues/Delays", "renamed");
  assert_item (report, DOSSIER_IMPORT_ITEM_CHANGED, "Codebook", "1 category");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "Set “Key themes”", "tag groups");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "Set “Crew interviews”", "document groups");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "Variable “Interviewee age”", "1 document");
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_AUTHORS), ==, 2);
}

static void
test_atlasti (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DossierImportReport) report = import_tool (f, "atlasti");
  g_autofree char *highlights = describe_highlights (f->project, NULL);
  g_autofree char *tags = tag_summary (f->project);
  g_autoptr(GPtrArray) all = dossier_project_list_highlights (f->project, 0, 0, NULL);

  /* Its project file is named after the project; selection names cut
   * short with an ellipsis still confirm the positions; memos come from
   * notes, a code's note joins its description. */
  g_assert_cmpstr (highlights, ==,
                   "The board heard that tram works would start in June. | Trams | Rosa Pérez | \n"
                   "Members asked who would pay for the new pier lights. | Costs | Rosa Pérez | "
                   "Nobody answered the question about the lights.\n"
                   "The chair promised a costed plan before the summer recess. | Costs | Rosa Pérez | "
                   "Check whether the plan was published.\n");
  g_assert_cmpstr (tags, ==, "Trams #2ec27e \nCosts #c01c28 Only money the council commits counts.\n");
  g_assert_cmpstr (dossier_highlight_get_created (g_ptr_array_index (all, 0)), ==, "2024-01-10T12:00:00Z");

  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "PDF source “Tram plan.pdf”", "text representation");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "Picture “Pier photo.jpg”", "text only");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "Links", "1 link");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "Graphs", "1 graph");
  /* The note about the project as a whole is a briefing note. */
  assert_item (report, DOSSIER_IMPORT_ITEM_CHANGED, "Notes", "1 note");
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_NOTES), ==, 1);
  {
    GListModel *briefings = dossier_project_get_briefings (f->project);
    g_autoptr(DossierBriefing) memo = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 1);
    memo = g_list_model_get_item (briefings, 0);
    g_assert_cmpstr (dossier_briefing_get_title (memo), ==, "Project memo");
    g_assert_cmpstr (dossier_briefing_get_body (memo), ==, "Start with the board minutes.");
  }
}

static void
test_nvivo (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DossierImportReport) report = import_tool (f, "nvivo");
  g_autofree char *survey = describe_highlights (f->project, "Survey results");
  g_autofree char *plan = describe_highlights (f->project, "Tram plan");
  g_autofree char *tags = tag_summary (f->project);

  /* Positions in UTF-16 units, over text with emoji: converted. */
  g_assert_cmpstr (survey, ==,
                   "Most riders 👍 liked the new timetable. | Timetable | Sam Okafor | \n"
                   "Several wrote that the 07:10 boat was always full. | Capacity | Sam Okafor | \n"
                   "Cyclists 🚲 asked for more racks on deck. | Capacity | Sam Okafor | \n");
  /* A PDF's text representation comes in as a document of its own. */
  g_assert_cmpstr (plan, ==, "Phase one runs from the station to the pier. | Trams |  | \n");
  g_assert_nonnull (strstr (tags, "Timetable #9141ac Anything about departure times.\n"));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (f->project)), ==, 2);

  assert_item (report, DOSSIER_IMPORT_ITEM_CHANGED, "Survey results", "UTF-16");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "PDF source “Tram plan”", "1 area");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "Audio “Focus group”", "1 selection");

  /* A case is a stakeholder, its selection its evidence. */
  {
    DossierStakeholder *respondent = dossier_project_find_stakeholder (f->project, "Respondent 12");
    g_autoptr(GPtrArray) evidence = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (respondent);
    g_assert_cmpint (dossier_stakeholder_get_kind (respondent), ==, DOSSIER_STAKEHOLDER_OTHER);
    evidence = dossier_project_list_stakeholder_evidence (f->project, dossier_stakeholder_get_id (respondent),
                                                          &error);
    g_assert_no_error (error);
    g_assert_cmpuint (evidence->len, ==, 1);
    g_assert_cmpstr (dossier_highlight_get_quote (((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight),
                     ==, "Most riders 👍 liked the new timetable.");
    g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_STAKEHOLDERS), ==, 1);
  }
}

static void
test_qualcoder (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierImportReport) report = import_tool (f, "qualcoder");
  g_autofree char *highlights = describe_highlights (f->project, NULL);

  /* Inline text written with "\r\n", which XML reads back as "\n", and
   * positions that still count both characters. */
  g_assert_cmpstr (highlights, ==,
                   "The bridge was ours for ninety years. | Loss | default | \n"
                   "Now I walk, and my knees complain. | Health |  | \n"
                   "A. Reader, East Quay | Imported without a code | default | \n");

  assert_item (report, DOSSIER_IMPORT_ITEM_CHANGED, "Letter 3", "each line break as");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "Text source “Scanned letter”", "rich text");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "Codings", "1 coding");
  assert_item (report, DOSSIER_IMPORT_ITEM_CHANGED, "Coders", "1 coder");
}

/* A codebook alone: codes, no documents; its Sets reported. */
static void
test_codebook (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "themes.qdc", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  g_autofree char *tags = NULL;
  static const char qdc[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"MAXQDA 2022\">\n"
    " <Codes>\n"
    "  <Code guid=\"{0C3F4A10-0000-4000-8000-000000000001}\" name=\"Transport\" isCodable=\"false\" color=\"#00F\">\n"
    "   <Description>Moving people</Description>\n"
    "   <Code guid=\"{0C3F4A10-0000-4000-8000-000000000002}\" name=\"Ferries\" isCodable=\"true\"/>\n"
    "  </Code>\n"
    "  <Code guid=\"{0C3F4A10-0000-4000-8000-000000000003}\" name=\"Money\" isCodable=\"true\" color=\"not a colour\"/>\n"
    " </Codes>\n"
    " <Sets>\n"
    "  <Set guid=\"{5E700000-0000-4000-8000-000000000001}\" name=\"Key themes\">\n"
    "   <MemberCode guid=\"{0C3F4A10-0000-4000-8000-000000000002}\"/>\n"
    "  </Set>\n"
    " </Sets>\n"
    "</CodeBook>\n";

  add_tag (f->project, "Money", 0);
  g_assert_true (g_file_set_contents (path, qdc, -1, NULL));
  report = dossier_exchange_import (f->project, file, NULL, NULL, &error);
  g_assert_no_error (error);

  tags = tag_summary (f->project);
  g_assert_true (g_str_has_prefix (tags, "Money "));
  g_assert_nonnull (strstr (tags, "Transport #0000ff Moving people\nTransport/Ferries "));
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_TAGS), ==, 2);
  g_assert_cmpuint (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_TAGS_MERGED), ==, 1);
  g_assert_cmpstr (dossier_import_report_get_format (report), ==, "REFI-QDA codebook");
  assert_item (report, DOSSIER_IMPORT_ITEM_SKIPPED, "Set “Key themes”", "“Ferries”");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (f->project)), ==, 0);

  /* A project is not a codebook. */
  g_assert_true (g_file_set_contents (path, "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"/>", -1, NULL));
  g_clear_pointer (&report, dossier_import_report_unref);
  report = dossier_exchange_import (f->project, file, NULL, NULL, &error);
  g_assert_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT);
  g_assert_null (report);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/refi-tools/maxqda", Fixture, NULL,
              test_project_set_up, test_maxqda, test_project_tear_down);
  g_test_add ("/dossier/refi-tools/atlasti", Fixture, NULL,
              test_project_set_up, test_atlasti, test_project_tear_down);
  g_test_add ("/dossier/refi-tools/nvivo", Fixture, NULL,
              test_project_set_up, test_nvivo, test_project_tear_down);
  g_test_add ("/dossier/refi-tools/qualcoder", Fixture, NULL,
              test_project_set_up, test_qualcoder, test_project_tear_down);
  g_test_add ("/dossier/refi-tools/codebook", Fixture, NULL,
              test_project_set_up, test_codebook, test_project_tear_down);

  return g_test_run ();
}
