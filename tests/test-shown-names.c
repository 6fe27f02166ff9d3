/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shown-names.c — what the project's models hold of a file from
 * elsewhere whose names, titles and texts are 10 MB long: each cut past
 * the most Dossier writes in it ("…" at its end), the same values the
 * window showed before, everything else as it was; the exports still
 * read the whole values. */

#include "config.h"

#include <string.h>

#include "test-util.h"
#include "dossier-project-private.h"

typedef struct
{
  TestProject base;
  gint64      doc;
  gint64      tag;          /* its name and description made 10 MB long */
  gint64      child;        /* under it */
  gint64      kept_tag;     /* its name exactly DOSSIER_SHOWN_CHARS long */
  gint64      stakeholder;
  gint64      question;
  gint64      argument;
  gint64      note;         /* its title 10 MB of '中' */
  gint64      kept_note;    /* its title 1,000 'é' */
  gint64      cut_note;     /* its title 1,001 'é' */
  char       *tag_uuid;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  DossierProject *project;
  g_autoptr(GError) error = NULL;

  test_project_set_up (&f->base, data);
  project = f->base.project;
  f->doc = add_markdown_doc (project, "# Harbour bridge\n\nThe council voted.\n", "The Tribune", "2025-03-12");
  f->tag = add_tag (project, "Costs", 0);
  f->child = add_tag (project, "Repairs", f->tag);
  f->kept_tag = add_tag (project, "Benefits", 0);
  f->tag_uuid = g_strdup (dossier_tag_get_uuid (dossier_project_get_tag (project, f->tag)));
  f->stakeholder = dossier_project_add_stakeholder (project, "Harbour Board", NULL,
                                                    DOSSIER_STAKEHOLDER_ORGANISATION, &error);
  g_assert_no_error (error);
  f->question = dossier_project_add_question (project, "Should the bridge close?", &error);
  g_assert_no_error (error);
  f->argument = dossier_project_add_argument (project, f->question, DOSSIER_POLARITY_PRO,
                                              "Repairs cost less.", f->stakeholder, 4, &error);
  g_assert_no_error (error);
  f->note = dossier_project_add_briefing (project, "Note", &f->doc, 1, "The vote.\n", &error);
  g_assert_no_error (error);
  f->kept_note = dossier_project_add_briefing (project, "Kept", NULL, 0, "Kept.\n", &error);
  g_assert_no_error (error);
  f->cut_note = dossier_project_add_briefing (project, "Cut", NULL, 0, "Cut.\n", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->tag_uuid);
  test_project_tear_down (&f->base, data);
}

/* @n times @c, then "…" if @cut. */
static char *
run_of (const char *c,
        gsize       n,
        gboolean    cut)
{
  GString *s = g_string_sized_new (n * strlen (c) + 4);

  for (gsize i = 0; i < n; i++)
    g_string_append (s, c);
  if (cut)
    g_string_append (s, "…");
  return g_string_free (s, FALSE);
}

static void
assert_run (const char *text,
            const char *c,
            gsize       n,
            gboolean    cut)
{
  g_autofree char *expected = run_of (c, n, cut);

  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, strlen (expected));
  g_assert_true (strcmp (text, expected) == 0);
}

/* Each model holds a name cut at DOSSIER_SHOWN_CHARS characters and a
 * free text at DOSSIER_TEXT_MAX_FREE, as the window showed them, and what
 * is not longer than that whole; nothing else changes. The models copied
 * every value whole (opening such a file took seconds and 192 MB). */
static void
test_models (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf (
      "UPDATE project SET title = printf ('%%.*c', 10000000, 'P');"
      "UPDATE tags SET name = printf ('%%.*c', 10000000, 'N'), "
      "  description = printf ('%%.*c', 10000000, 'D') WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE tags SET name = printf ('%%.*c', 1000, 'k'), "
      "  description = printf ('%%.*c', 20000, 'd') WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE documents SET title = printf ('%%.*c', 10000000, 'T'), "
      "  author = printf ('%%.*c', 1000, 'a'), outlet = printf ('%%.*c', 10000000, 'O'), "
      "  source = printf ('%%.*c', 10000000, 's');"
      "UPDATE stakeholders SET name = printf ('%%.*c', 10000000, 'S'), "
      "  description = printf ('%%.*c', 10000000, 'E'), stance = printf ('%%.*c', 20001, 'x'), "
      "  interests = printf ('%%.*c', 20000, 'i');"
      "UPDATE questions SET text = printf ('%%.*c', 10000000, 'Q');"
      "UPDATE arguments SET statement = printf ('%%.*c', 10000000, 'R');"
      "UPDATE briefings SET title = (WITH RECURSIVE r (n, s) AS (SELECT 1, '中' UNION ALL "
      "  SELECT n * 2, s || s FROM r WHERE n < 2097152) SELECT s FROM r ORDER BY n DESC LIMIT 1) "
      "WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE briefings SET title = replace (printf ('%%.*c', 1000, 'e'), 'e', 'é') "
      "WHERE id = %" G_GINT64_FORMAT ";"
      "UPDATE briefings SET title = replace (printf ('%%.*c', 1001, 'e'), 'e', 'é') "
      "WHERE id = %" G_GINT64_FORMAT ";",
      f->tag, f->kept_tag, f->note, f->kept_note, f->cut_note);
  g_autoptr(GError) error = NULL;
  DossierProject *project;
  DossierTag *tag, *child, *kept;
  DossierDocument *doc;
  DossierStakeholder *s;
  DossierArgument *a;
  g_autofree char *path = NULL;

  g_clear_object (&f->base.project);
  test_sql_exec (f->base.path, sql);
  project = f->base.project = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  assert_run (dossier_project_get_title (project), "P", DOSSIER_SHOWN_CHARS, TRUE);

  tag = dossier_project_get_tag (project, f->tag);
  child = dossier_project_get_tag (project, f->child);
  kept = dossier_project_get_tag (project, f->kept_tag);
  assert_run (dossier_tag_get_name (tag), "N", DOSSIER_SHOWN_CHARS, TRUE);
  assert_run (dossier_tag_get_description (tag), "D", DOSSIER_TEXT_MAX_FREE, TRUE);
  path = g_strconcat (dossier_tag_get_name (tag), "/Repairs", NULL);
  g_assert_cmpstr (dossier_tag_get_path (child), ==, path);
  assert_run (dossier_tag_get_name (kept), "k", DOSSIER_SHOWN_CHARS, FALSE);
  assert_run (dossier_tag_get_description (kept), "d", DOSSIER_TEXT_MAX_FREE, FALSE);
  g_assert_cmpstr (dossier_tag_get_uuid (tag), ==, f->tag_uuid);
  g_assert_cmpint (dossier_tag_get_parent_id (child), ==, f->tag);
  g_assert_true (dossier_color_is_hex (dossier_tag_get_color (tag)));

  doc = dossier_project_get_document (project, f->doc);
  assert_run (dossier_document_get_title (doc), "T", DOSSIER_SHOWN_CHARS, TRUE);
  assert_run (dossier_document_get_author (doc), "a", DOSSIER_SHOWN_CHARS, FALSE);
  assert_run (dossier_document_get_outlet (doc), "O", DOSSIER_SHOWN_CHARS, TRUE);
  assert_run (dossier_document_get_source (doc), "s", DOSSIER_SHOWN_CHARS, TRUE);
  g_assert_cmpstr (dossier_document_get_published (doc), ==, "2025-03-12");

  s = dossier_project_get_stakeholder (project, f->stakeholder);
  assert_run (dossier_stakeholder_get_name (s), "S", DOSSIER_SHOWN_CHARS, TRUE);
  assert_run (dossier_stakeholder_get_description (s), "E", DOSSIER_TEXT_MAX_FREE, TRUE);
  assert_run (dossier_stakeholder_get_stance (s), "x", DOSSIER_TEXT_MAX_FREE, TRUE);
  assert_run (dossier_stakeholder_get_interests (s), "i", DOSSIER_TEXT_MAX_FREE, FALSE);
  g_assert_cmpint (dossier_stakeholder_get_kind (s), ==, DOSSIER_STAKEHOLDER_ORGANISATION);

  assert_run (dossier_question_get_text (dossier_project_get_question (project, f->question)), "Q",
              DOSSIER_TEXT_MAX_FREE, TRUE);
  a = dossier_project_get_argument (project, f->argument);
  assert_run (dossier_argument_get_statement (a), "R", DOSSIER_TEXT_MAX_FREE, TRUE);
  g_assert_cmpint (dossier_argument_get_strength (a), ==, 4);
  g_assert_cmpint (dossier_argument_get_stakeholder_id (a), ==, f->stakeholder);

  assert_run (dossier_briefing_get_title (dossier_project_get_briefing (project, f->note)), "中",
              DOSSIER_SHOWN_CHARS, TRUE);
  g_assert_cmpstr (dossier_briefing_get_body (dossier_project_get_briefing (project, f->note)), ==,
                   "The vote.\n");
  assert_run (dossier_briefing_get_title (dossier_project_get_briefing (project, f->kept_note)), "é",
              DOSSIER_SHOWN_CHARS, FALSE);
  assert_run (dossier_briefing_get_title (dossier_project_get_briefing (project, f->cut_note)), "é",
              DOSSIER_SHOWN_CHARS, TRUE);

  /* The JSON export keeps every value whole. */
  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_autofree char *whole = run_of ("N", 10000000, FALSE);
    DossierExportFilter filter = { 0 };
    DossierExportOptions options;
    const char *json;

    dossier_export_options_init (&options);
    g_assert_true (dossier_export_to_stream (project, DOSSIER_EXPORT_JSON, &filter, &options, out, NULL,
                                             &error));
    g_assert_no_error (error);
    g_output_stream_write (out, "", 1, NULL, NULL);
    g_output_stream_close (out, NULL, NULL);
    json = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
    g_assert_nonnull (strstr (json, whole));
  }

  /* Lengths the project's own check accepts, for the tear-down's. */
  g_clear_object (&f->base.project);
  test_sql_exec (f->base.path,
                 "UPDATE project SET title = 'Test'; UPDATE tags SET name = 'Tag ' || id, description = '';"
                 "UPDATE documents SET title = 'Harbour', author = NULL, outlet = NULL, source = NULL;"
                 "UPDATE stakeholders SET name = 'Board', description = '', stance = '', interests = '';"
                 "UPDATE questions SET text = 'Q?'; UPDATE arguments SET statement = 'R.';"
                 "UPDATE briefings SET title = 'Note ' || id;");
  f->base.project = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

/* A name read again after an edit is cut as it was at opening. */
static void
test_reread (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE tags SET name = printf ('%%.*c', 5000000, 'N') "
                                          "WHERE id = %" G_GINT64_FORMAT ";", f->tag);
  g_autoptr(GError) error = NULL;
  DossierProject *project;

  g_clear_object (&f->base.project);
  test_sql_exec (f->base.path, sql);
  project = f->base.project = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  g_assert_true (dossier_project_set_tag_color (project, f->tag, "#e01b24", &error));
  g_assert_no_error (error);
  assert_run (dossier_tag_get_name (dossier_project_get_tag (project, f->tag)), "N", DOSSIER_SHOWN_CHARS, TRUE);
  g_assert_cmpstr (dossier_tag_get_color (dossier_project_get_tag (project, f->tag)), ==, "#e01b24");

  g_assert_true (dossier_project_rename_tag (project, f->tag, "Costs", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_tag_get_name (dossier_project_get_tag (project, f->tag)), ==, "Costs");
}

/* A stakeholder with 100,000 aliases and one with an alias of 10 MB (a
 * file from elsewhere): the model holds the first aliases, as many as
 * Dossier writes, and that alias cut past what Dossier writes of all of
 * them ("…" at its end); the mentions are found by those first aliases.
 * Opening read and split every one (100,000 strings), and opening and a
 * new document's mentions each copied the alias of 10 MB whole out of
 * SQLite. */
static void
test_aliases (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  DossierProject *project;
  DossierStakeholder *many, *huge;
  const char * const *aliases;
  gint64 huge_id;
  guint n = 0;

  huge_id = dossier_project_add_stakeholder (f->base.project, "Port Trust", NULL,
                                             DOSSIER_STAKEHOLDER_ORGANISATION, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE stakeholders SET aliases = (WITH RECURSIVE r (i) AS (SELECT 0 UNION ALL "
                         "  SELECT i + 1 FROM r WHERE i < 99999) SELECT group_concat ('Council ' || i, char (10)) "
                         "  FROM r) WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE stakeholders SET aliases = printf ('%%.*c', 10000000, 'a') "
                         "WHERE id = %" G_GINT64_FORMAT ";", f->stakeholder, huge_id);
  g_clear_object (&f->base.project);
  test_sql_exec (f->base.path, sql);
  test_sqlite_largest_allocation ();
  project = f->base.project = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_largest_allocation (), <, 1000000);

  many = dossier_project_get_stakeholder (project, f->stakeholder);
  aliases = dossier_stakeholder_get_aliases (many);
  for (; aliases[n] != NULL; n++)
    {
      g_autofree char *expected = g_strdup_printf ("Council %u", n);

      g_assert_cmpstr (aliases[n], ==, expected);
    }
  g_assert_cmpuint (n, ==, DOSSIER_STAKEHOLDER_MAX_ALIASES);

  huge = dossier_project_get_stakeholder (project, huge_id);
  aliases = dossier_stakeholder_get_aliases (huge);
  g_assert_nonnull (aliases[0]);
  assert_run (aliases[0], "a", DOSSIER_STAKEHOLDER_ALIASES_MAX_CHARS, TRUE);
  g_assert_null (aliases[1]);

  /* Found by its first aliases: "Council 7" is one. */
  {
    DossierParsedDocument *doc = dossier_parsed_document_new ();
    gint64 id;

    doc->title = g_strdup ("Minutes");
    doc->format = g_strdup ("text");
    doc->text = g_strdup ("Council 7 voted. Council 70000 did not. The port trust abstained.");
    id = dossier_project_add_document (project, doc, &error);
    dossier_parsed_document_free (doc);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    g_assert_cmpuint (dossier_stakeholder_get_n_mentions (many), ==, 1);
    g_assert_cmpint (test_sqlite_largest_allocation (), <, 1000000);
  }

  /* Its aliases edited (the row, and the undo step, hold the old value
   * whole): its mentions counted again. */
  dossier_project_set_stakeholder_aliases (project, huge_id, (const char *[]) { "port trust", NULL }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_stakeholder_get_n_mentions (huge), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/shown-names/models", Fixture, NULL, fixture_set_up, test_models, fixture_tear_down);
  g_test_add ("/shown-names/reread", Fixture, NULL, fixture_set_up, test_reread, fixture_tear_down);
  g_test_add ("/shown-names/aliases", Fixture, NULL, fixture_set_up, test_aliases, fixture_tear_down);

  return g_test_run ();
}
