/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crafted.c — a project file from someone else, opened in the window.
 *
 * A .dossier file is untrusted input: whoever made it controls every byte.
 * The trust tests (tests/test-trust.c) open such files in the core and the
 * CLI; here each kind of file they craft — ids below 1, references to rows
 * that are gone, invalid UTF-8 in stored text, offsets past a text's end,
 * ranges reversed or negative, a codebook whose parents make a cycle, a
 * briefing citing a highlight that is gone, empty names, names and
 * texts of a megabyte (with spaces and without), NULs, one uuid for
 * rows of every kind, a search index whose pages are noise,
 * mention counts that lie — is opened in the window, for writing (and
 * some read-only too), and every page and panel is shown in turn: the reader on each
 * document, the codebook with each tag selected, Highlights, Search,
 * Stakeholders with each one's editor, Pros & Cons on each question,
 * Compare and Brief on each note. No warning or critical may be logged
 * (fatal in tests) and each page shows what the project holds.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-search-panel.h"
#include "dossier-window-private.h"
#include "page-visits.h"
#include "ui-test-util.h"

static const char harbour[] =
  "# Harbour Ferry Fares Rise\n"
  "\n"
  "The city council voted on Tuesday to raise ferry fares by ten percent, "
  "citing the cost of diesel and two new boats for the north pier.\n"
  "\n"
  "The Ferry Operator said the council had no choice.\n";

static const char pier[] =
  "# Commuters Queue at the Pier\n"
  "\n"
  "Commuters queued before dawn. The council met them at noon.\n";

/* What each crafted file does to the project make_project () builds
 * (documents 1 and 2; tags 1 Costs, 2 Fuel under it, 3 People; highlights
 * 1 "diesel" (Fuel), 2 "queued before dawn" (People), 3 "two new boats"
 * (Costs); stakeholders 1 City Council, 2 Ferry Operator; question 1 with
 * arguments 1 (pro, the council's, citing highlight 1) and 2 (con); note
 * 1 on both documents citing highlights 1 and 3). @unchecked: the table
 * whose NOT NULL and CHECK constraints are lifted while @sql runs. */
typedef struct
{
  const char *name;
  const char *unchecked;
  const char *sql;
  gboolean    read_only;      /* opened read-only too (each opening of
                               * every page takes seconds under ASan) */
  gboolean    dialogs;        /* each dialog and menu showing a text opened too */
} Craft;

static const Craft crafts[] = {
  { "ids-below-one", NULL,
    "PRAGMA foreign_keys = OFF;"
    "UPDATE tags SET id = 0 WHERE id = 1;"
    "UPDATE tags SET parent = 0 WHERE parent = 1;"
    "UPDATE highlight_tags SET tag = 0 WHERE tag = 1;"
    "UPDATE documents SET id = -2 WHERE id = 1;"
    "UPDATE blocks SET document = -2 WHERE document = 1;"
    "UPDATE highlights SET document = -2 WHERE document = 1;"
    "UPDATE stakeholder_mentions SET document = -2 WHERE document = 1;"
    "UPDATE briefing_documents SET document = -2 WHERE document = 1;"
    "UPDATE highlights SET id = 0 WHERE id = 1;"
    "UPDATE highlight_tags SET highlight = 0 WHERE highlight = 1;"
    "UPDATE stakeholder_evidence SET highlight = 0 WHERE highlight = 1;"
    "UPDATE argument_evidence SET highlight = 0 WHERE highlight = 1;"
    "UPDATE stakeholders SET id = 0 WHERE id = 1;"
    "UPDATE stakeholder_evidence SET stakeholder = 0 WHERE stakeholder = 1;"
    "UPDATE stakeholder_mentions SET stakeholder = 0 WHERE stakeholder = 1;"
    "UPDATE arguments SET stakeholder = 0 WHERE stakeholder = 1;"
    "UPDATE questions SET id = 0 WHERE id = 1;"
    "UPDATE arguments SET question = 0 WHERE question = 1;"
    "UPDATE arguments SET id = -1 WHERE id = 1;"
    "UPDATE argument_evidence SET argument = -1 WHERE argument = 1;"
    "UPDATE briefings SET id = 0 WHERE id = 1;"
    "UPDATE briefing_documents SET briefing = 0 WHERE briefing = 1;"
    "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');"
    "INSERT INTO memos_fts (memos_fts) VALUES ('rebuild');",
    TRUE },
  { "document-gone", NULL,
    "PRAGMA foreign_keys = OFF; DELETE FROM documents WHERE id = 2;", TRUE },
  { "tag-gone", NULL,
    "PRAGMA foreign_keys = OFF; DELETE FROM tags WHERE id IN (1, 3);" },
  { "highlight-gone", NULL,
    "PRAGMA foreign_keys = OFF; DELETE FROM highlights WHERE id IN (1, 3);" },
  { "stakeholder-and-question-gone", NULL,
    "PRAGMA foreign_keys = OFF; DELETE FROM stakeholders WHERE id = 1;"
    "DELETE FROM questions WHERE id = 1;"
    "INSERT INTO briefing_documents (briefing, document, position) VALUES (1, 77, 2);" },
  { "invalid-utf8", NULL,
    "UPDATE documents SET text = substr (text, 1, 30) || CAST (X'FF80C328' AS TEXT) || substr (text, 31);"
    "UPDATE documents SET title = 'Fares ' || CAST (X'C3' AS TEXT) WHERE id = 1;"
    "UPDATE tags SET name = 'Co' || CAST (X'FE' AS TEXT) WHERE id = 1;"
    "UPDATE highlights SET memo = 'memo ' || CAST (X'E282' AS TEXT), quote = quote || CAST (X'80' AS TEXT);"
    "UPDATE stakeholders SET name = 'Council ' || CAST (X'F0' AS TEXT), aliases = CAST (X'ED' AS TEXT) WHERE id = 1;"
    "UPDATE questions SET text = 'Fares? ' || CAST (X'C0AF' AS TEXT);"
    "UPDATE arguments SET statement = 'Dear ' || CAST (X'FF' AS TEXT);"
    "UPDATE briefings SET title = 'Note ' || CAST (X'FF' AS TEXT), body = body || CAST (X'C3' AS TEXT);",
    TRUE },
  { "offsets-past-end", NULL,
    "UPDATE highlights SET start = 100000, end = 100010 WHERE id = 1;"
    "UPDATE highlights SET end = 9000000000 WHERE id = 2;"
    "UPDATE blocks SET end = end + 5000 WHERE document = 1;"
    "UPDATE documents SET length = 3 WHERE id = 2;" },
  { "ranges", "highlights",
    "UPDATE highlights SET start = 30, end = 10 WHERE id = 1;"
    "UPDATE highlights SET start = -5, end = 4 WHERE id = 3;"
    "UPDATE highlights SET start = 0, end = 0 WHERE id = 2;" },
  { "overlapping-blocks", "blocks",
    "UPDATE blocks SET start = 0, end = 40;"
    "UPDATE blocks SET start = -3 WHERE id = (SELECT max (id) FROM blocks);" },
  { "cyclic-parents", NULL,
    "UPDATE tags SET parent = 2 WHERE id = 1;"
    "UPDATE tags SET parent = 3 WHERE id = 3;" },
  { "empty-names", "tags",
    "UPDATE tags SET name = '' WHERE id = 3;" },
  { "empty-stakeholder", "stakeholders",
    "UPDATE stakeholders SET name = '', aliases = '' WHERE id = 2;" },
  { "empty-titles", "documents",
    "UPDATE documents SET title = '' WHERE id = 2;" },
  { "empty-statements", "arguments",
    "UPDATE arguments SET statement = '';" },
  { "empty-question", "questions",
    "UPDATE questions SET text = '';" },
  { "empty-briefing", "briefings",
    "UPDATE briefings SET title = '', body = '';" },
  /* Names and texts of about a megabyte, which a GTK label measuring
   * them whole (a codebook row, a tag chip) took minutes over: words, then
   * one word, the worst case for wrapping. */
  { "huge-names", NULL,
    "UPDATE tags SET name = replace (hex (zeroblob (100000)), '0', 'Costs ') WHERE id = 1;"
    "UPDATE stakeholders SET name = replace (hex (zeroblob (100000)), '0', 'Council ') WHERE id = 2;"
    "UPDATE documents SET title = replace (hex (zeroblob (100000)), '0', 'Fares ') WHERE id = 2;"
    "UPDATE questions SET text = replace (hex (zeroblob (100000)), '0', 'Why ');"
    "UPDATE arguments SET statement = replace (hex (zeroblob (100000)), '0', 'Fuel ') WHERE id = 1;"
    "UPDATE briefings SET title = replace (hex (zeroblob (100000)), '0', 'Note ');"
    "UPDATE project SET title = replace (hex (zeroblob (100000)), '0', 'Ferry ');"
    "UPDATE documents SET author = replace (hex (zeroblob (100000)), '0', 'Ana ');"
    "UPDATE documents SET outlet = replace (hex (zeroblob (100000)), '0', 'Post ');"
    "UPDATE highlights SET quote = replace (hex (zeroblob (100000)), '0', 'Dear ') WHERE id = 1;",
    FALSE, TRUE },
  { "huge-names-no-spaces", NULL,
    "UPDATE tags SET name = replace (hex (zeroblob (524288)), '0', 'c') WHERE id = 2;"
    "UPDATE stakeholders SET name = replace (hex (zeroblob (524288)), '0', 'o') WHERE id = 1;"
    "UPDATE documents SET title = replace (hex (zeroblob (524288)), '0', 't') WHERE id = 1;"
    "UPDATE questions SET text = replace (hex (zeroblob (524288)), '0', 'q');"
    "UPDATE arguments SET statement = replace (hex (zeroblob (524288)), '0', 'a') WHERE id = 2;"
    "UPDATE briefings SET title = replace (hex (zeroblob (524288)), '0', 'n');"
    "UPDATE project SET title = replace (hex (zeroblob (524288)), '0', 'p');"
    "UPDATE documents SET author = replace (hex (zeroblob (524288)), '0', 'w');"
    "UPDATE documents SET outlet = replace (hex (zeroblob (524288)), '0', 'u');"
    "UPDATE highlights SET quote = replace (hex (zeroblob (524288)), '0', 'd') WHERE id = 3;",
    FALSE, TRUE },
  /* From the hostile-file sweep (tests/hostile): a tag its own parent
   * and one under a tag that is not there, rows that name a tag, a
   * highlight, a document or an argument's question and stakeholder that
   * are not there, a note citing a document's and a tag's uuid. */
  { "self-parent-and-dangling", NULL,
    "PRAGMA foreign_keys = OFF;"
    "UPDATE tags SET parent = id WHERE id = 1;"
    "UPDATE tags SET parent = 999 WHERE id = 3;"
    "UPDATE highlight_tags SET tag = 998 WHERE highlight = 2;"
    "UPDATE argument_evidence SET highlight = 888;"
    "UPDATE stakeholder_evidence SET highlight = 888;"
    "UPDATE arguments SET question = 444, stakeholder = 454 WHERE id = 2;"
    "UPDATE briefings SET body = body || char (10) || '[@' || (SELECT uuid FROM documents "
    "  WHERE id = 1) || '] [@' || (SELECT uuid FROM tags WHERE id = 2) || ']';",
    TRUE },
  /* A NUL in each kind of text (SQLite keeps the bytes after it). */
  { "nuls", NULL,
    "UPDATE documents SET title = title || CAST (X'00' AS TEXT) || 'after', "
    "  author = CAST (X'00' AS TEXT), outlet = 'Post' || CAST (X'0000' AS TEXT);"
    "UPDATE tags SET name = name || CAST (X'00' AS TEXT) || 'x', "
    "  description = CAST (X'00' AS TEXT);"
    "UPDATE highlights SET memo = 'memo' || CAST (X'00' AS TEXT) || 'x';"
    "UPDATE stakeholders SET name = name || CAST (X'00' AS TEXT), "
    "  aliases = CAST (X'000A00' AS TEXT);"
    "UPDATE questions SET text = CAST (X'00' AS TEXT) || text;"
    "UPDATE arguments SET statement = statement || CAST (X'00' AS TEXT);"
    "UPDATE briefings SET title = CAST (X'00' AS TEXT), "
    "  body = body || CAST (X'00' AS TEXT) || '[@x]';"
    "UPDATE project SET title = CAST (X'00' AS TEXT);" },
  /* One uuid for a document, a tag, a highlight, a stakeholder, a
   * question, an argument, a note and the project, and a search index
   * whose pages are noise. */
  { "duplicate-uuids-and-broken-index", NULL,
    "UPDATE tags SET uuid = (SELECT uuid FROM documents WHERE id = 1) WHERE id = 1;"
    "UPDATE highlights SET uuid = (SELECT uuid FROM documents WHERE id = 1) WHERE id = 1;"
    "UPDATE stakeholders SET uuid = (SELECT uuid FROM documents WHERE id = 1) WHERE id = 1;"
    "UPDATE questions SET uuid = (SELECT uuid FROM documents WHERE id = 1);"
    "UPDATE arguments SET uuid = (SELECT uuid FROM documents WHERE id = 1) WHERE id = 1;"
    "UPDATE briefings SET uuid = (SELECT uuid FROM documents WHERE id = 1);"
    "UPDATE project SET uuid = (SELECT uuid FROM documents WHERE id = 1);"
    "UPDATE documents_fts_data SET block = randomblob (length (block)) WHERE id > 1;",
    TRUE },
  { "mention-counts", NULL,
    "UPDATE stakeholder_mentions SET count = 999;"
    "INSERT OR REPLACE INTO stakeholder_mentions (stakeholder, document, count) VALUES (2, 2, 12);",
    TRUE },
};

static char *
make_project (char **dir)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *first = NULL;
  g_autofree char *third = NULL;
  const char *aliases[] = { "council", NULL };
  gint64 docs[2], costs, fuel, people, highlights[3], question;

  project = test_create_project ("base", "Crafted", dir, &path);
  docs[0] = add_document (project, DOSSIER_FORMAT_MARKDOWN, harbour, "harbour.md");
  docs[1] = add_document (project, DOSSIER_FORMAT_MARKDOWN, pier, "pier.md");
  costs = add_tag (project, "Costs", 0);
  fuel = add_tag (project, "Fuel", costs);
  people = add_tag (project, "People", 0);
  highlights[0] = add_highlight (project, docs[0], "diesel", &fuel, 1, "Fuel is dear");
  highlights[1] = add_highlight (project, docs[1], "queued before dawn", &people, 1, NULL);
  highlights[2] = add_highlight (project, docs[0], "two new boats", &costs, 1, NULL);
  g_assert_cmpint (dossier_project_add_stakeholder (project, "City Council", aliases,
                                                    DOSSIER_STAKEHOLDER_OFFICIAL, &error), ==, 1);
  g_assert_cmpint (dossier_project_add_stakeholder (project, "Ferry Operator", NULL,
                                                    DOSSIER_STAKEHOLDER_BUSINESS, &error), ==, 2);
  g_assert_true (dossier_project_add_stakeholder_evidence (project, 1, highlights[0], "",
                                                           DOSSIER_EVIDENCE_QUOTE,
                                                           DOSSIER_STANCE_UNKNOWN, &error));
  question = dossier_project_add_question (project, "Should fares rise?", &error);
  g_assert_cmpint (dossier_project_add_argument (project, question, DOSSIER_POLARITY_PRO,
                                                 "Fuel costs more", 1, 4, &error), ==, 1);
  g_assert_cmpint (dossier_project_add_argument (project, question, DOSSIER_POLARITY_CON,
                                                 "Commuters cannot pay", 0, 3, &error), ==, 2);
  g_assert_true (dossier_project_add_argument_evidence (project, 1, highlights[0], "", &error));
  g_assert_no_error (error);
  first = test_sql_text (path, "SELECT uuid FROM highlights WHERE id = 1");
  third = test_sql_text (path, "SELECT uuid FROM highlights WHERE id = 3");
  body = g_strdup_printf ("# Fares\n\nDiesel is dear [@%s]; new boats cost more [@%s].\n",
                          first, third);
  g_assert_cmpint (dossier_project_add_briefing (project, "Fares", docs, 2, body, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (highlights[2], ==, 3);
  dossier_project_close (project);

  return g_steal_pointer (&path);
}

static void
test_crafted (gconstpointer data)
{
  const Craft *craft = data;
  g_autofree char *dir = NULL;
  g_autofree char *base = make_project (&dir);

  for (guint mode = craft->read_only ? 0 : 1; mode < 2; mode++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u.dossier", craft->name, mode);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) from = g_file_new_for_path (base);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      DossierOpenFlags flags = mode == 0 ? DOSSIER_OPEN_READ_ONLY : DOSSIER_OPEN_READ_WRITE;
      DossierWindow *window;

      g_assert_true (g_file_copy (from, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      if (craft->unchecked != NULL)
        test_sql_exec_unchecked (path, craft->unchecked, craft->sql);
      else
        test_sql_exec (path, craft->sql);

      window = g_object_ref_sink (dossier_window_new (NULL));
      gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
      gtk_window_present (GTK_WINDOW (window));
      if (g_str_equal (craft->name, "ids-below-one") && flags == DOSSIER_OPEN_READ_ONLY)
        {
          /* Read-only, nothing can give its rows ids the window keys:
           * refused, saying how to repair it. */
          g_assert_false (dossier_window_open_project (window, file, flags, &error));
          g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED);
          close_reader_window (&window);
          continue;
        }
      g_assert_true (dossier_window_open_project (window, file, flags, &error));
      g_assert_no_error (error);
      wait_until (view_painted, window, "the first paint");
      visit_every_page (window, craft->dialogs);
      if (g_str_equal (craft->name, "duplicate-uuids-and-broken-index") &&
          flags == DOSSIER_OPEN_READ_ONLY)
        {
          /* Read-only, its index is not rebuilt: Search says so, not
           * "No Results" (nor a warning in the log). */
          show_right (window, window->search_panel);
          dossier_search_panel_search (DOSSIER_SEARCH_PANEL (window->search_panel), "ferry");
          wait_for_text (window->search_panel, "Search Failed");
        }
      close_reader_window (&window);
    }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = test_make_tmp_dir ("data");
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (crafts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dossier/crafted/%s", crafts[i].name);

      g_test_add_data_func (path, &crafts[i], test_crafted);
    }

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
