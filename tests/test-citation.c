/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-citation.c — what a resolved citation says of its document and
 * tags: the same as the documents list and the codebook do, read once per
 * resolution however often the note cites the document, and cut where the
 * exports cut it when a file from elsewhere holds values of megabytes. */

#include "config.h"

#include <string.h>

#include "briefing-fixture.h"
#include "dossier-project-private.h"

typedef BriefingFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  briefing_fixture_set_up (f, data, "«une perte» 🚋 for 周美林’s shop");
}

/* Each citation names its document as the documents list does, and its
 * tags by their paths in the codebook, whichever of several citations of
 * one document it is. */
static void
test_metadata (Fixture       *f,
               gconstpointer  data)
{
  DossierProject *project = f->base.project;
  gint64 costs = add_tag (project, "Costs", f->tag);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) citations = NULL;

  dossier_project_add_highlight_tag (project, f->grant, costs, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_document_metadata (project, f->tribune, "Port Calder closes its bridge",
                                                        "Ana Ruiz", "The Calder Tribune",
                                                        "https://tribune.example/bridge", "2025-03-12", &error));
  g_assert_no_error (error);

  body = g_strdup_printf ("Vote [@%s], grant [@%s], traders [@%s], vote again [@%s].\n",
                          f->vote_uuid, f->grant_uuid, f->traders_uuid, f->vote_uuid);
  citations = resolve_body (project, body);
  g_assert_cmpuint (citations->len, ==, 3);
  for (guint i = 0; i < citations->len; i++)
    {
      DossierCitation *c = g_ptr_array_index (citations, i);
      DossierDocument *doc = dossier_project_get_document (project, c->document_id);

      g_assert_cmpint (c->status, ==, DOSSIER_CITATION_OK);
      g_assert_cmpstr (c->document_title, ==, dossier_document_get_title (doc));
      g_assert_cmpstr (c->author, ==, dossier_document_get_author (doc));
      g_assert_cmpstr (c->outlet, ==, dossier_document_get_outlet (doc));
      g_assert_cmpstr (c->published, ==, dossier_document_get_published (doc));
      g_assert_cmpstr (c->source, ==, dossier_document_get_source (doc));
    }
  {
    DossierCitation *vote = g_ptr_array_index (citations, 0);
    DossierCitation *grant = g_ptr_array_index (citations, 1);
    DossierCitation *traders = g_ptr_array_index (citations, 2);
    const char *const evidence[] = { "Evidence", NULL };
    const char *const both[] = { "Evidence", "Evidence/Costs", NULL };

    g_assert_cmpstr (vote->document_title, ==, "Port Calder closes its bridge");
    g_assert_cmpstr (vote->author, ==, "Ana Ruiz");
    g_assert_cmpstr (vote->source, ==, "https://tribune.example/bridge");
    g_assert_cmpstr (grant->document_title, ==, "Port Calder closes its bridge");
    g_assert_cmpstr (grant->outlet, ==, "The Calder Tribune");
    g_assert_cmpstr (traders->document_title, ==, "A tram dream with a bill to come");
    g_assert_null (traders->author);
    g_assert_cmpstr (traders->outlet, ==, "The Civic Ledger");
    g_assert_cmpstr (traders->published, ==, "2025-03-13");
    g_assert_cmpstrv (vote->tags, evidence);
    g_assert_cmpstrv (grant->tags, both);
    g_assert_cmpstrv (traders->tags, evidence);
    g_assert_cmpuint (vote->n_uses, ==, 2);
  }
}

typedef struct
{
  guint titles;   /* statements that read a document's title */
  guint tags;     /* statements that read the tags table */
} Reads;

static int
count_reads (unsigned  type,
             void     *user_data,
             void     *p,
             void     *x)
{
  Reads *reads = user_data;
  const char *sql = x;

  if (type == SQLITE_TRACE_STMT && sql != NULL)
    {
      if (strstr (sql, "title") != NULL)
        reads->titles++;
      if (strstr (sql, "FROM tags") != NULL)
        reads->tags++;
    }
  return 0;
}

/* A note citing 40 passages of two documents, all tagged alike, reads
 * each document's title once and the tag once: it read them again for
 * each citation (2,000 citations of a file with 10 MB titles took
 * gigabytes of copying). */
static void
test_read_once (Fixture       *f,
                gconstpointer  data)
{
  DossierProject *project = f->base.project;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) citations = NULL;
  sqlite3 *db = dossier_project_get_db (project);
  Reads reads = { 0 };

  for (guint i = 0; i < 40; i++)
    {
      gint64 doc = i % 2 == 0 ? f->tribune : f->ledger;
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierHighlight) h = NULL;
      gint64 id = dossier_project_add_highlight (project, doc, i, i + 1, &f->tag, 1, NULL, &error);

      g_assert_no_error (error);
      h = dossier_project_get_highlight (project, id, &error);
      g_assert_no_error (error);
      g_string_append_printf (body, "Claim [@%s]. ", dossier_highlight_get_uuid (h));
    }

  /* The project's own guard traces too: it is off for this resolution. */
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_reads, &reads);
  citations = resolve_body (project, body->str);
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  g_assert_cmpuint (citations->len, ==, 40);
  for (guint i = 0; i < citations->len; i++)
    {
      DossierCitation *c = g_ptr_array_index (citations, i);

      g_assert_cmpint (c->status, ==, DOSSIER_CITATION_OK);
      g_assert_cmpstr (c->document_title, ==, i % 2 == 0 ? "Port Calder closes its bridge"
                                                         : "A tram dream with a bill to come");
      g_assert_cmpstr (c->tags[0], ==, "Evidence");
    }
  g_assert_cmpuint (reads.titles, ==, 2);
  g_assert_cmpuint (reads.tags, ==, 1);
}

/* The length in characters of the longest run of @c in @text. */
static gsize
longest_run (const char *text,
             char        c)
{
  gsize best = 0, run = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      run = *p == c ? run + 1 : 0;
      best = MAX (best, run);
    }
  return best;
}

/* A cited document whose title, author, outlet, date and source are
 * 10 MB long (a file made by hand): the citation carries each cut where
 * the exports cut it ("…" at its end), and the Markdown export prints
 * that. It carried 1,000 characters of each, which the export cut again. */
static void
test_huge_metadata (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("The vote [@%s] and the grant [@%s].\n",
                                           f->vote_uuid, f->grant_uuid);
  gint64 id = briefing_fixture_add_note (f, "Short", body);
  g_autofree char *grow = g_strdup_printf (
      "UPDATE documents SET title = printf ('%%.*c', 10000000, 't'), "
      "  author = printf ('%%.*c', 10000000, 'a'), outlet = printf ('%%.*c', 10000000, 'o'), "
      "  published = printf ('%%.*c', 10000000, 'p'), source = printf ('%%.*c', 10000000, 's') "
      "WHERE id = %" G_GINT64_FORMAT, f->tribune);
  g_autofree char *restore = g_strdup_printf (
      "UPDATE documents SET title = 'Port Calder closes its bridge', author = NULL, "
      "  outlet = 'The Calder Tribune', published = '2025-03-12', source = NULL "
      "WHERE id = %" G_GINT64_FORMAT, f->tribune);
  g_autofree char *big = g_strnfill (10000000, 't');
  g_autofree char *title = dossier_text_shorten (big, DOSSIER_DOCUMENT_MAX_TITLE);
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  DossierExportFilter filter = { 0 };
  DossierExportOptions options;
  const char *md;

  g_clear_object (&f->base.project);
  test_sql_exec (f->base.path, grow);
  f->base.project = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  citations = resolve_body (f->base.project, body);
  g_assert_cmpuint (citations->len, ==, 2);
  for (guint i = 0; i < citations->len; i++)
    {
      DossierCitation *c = g_ptr_array_index (citations, i);

      g_assert_cmpint (c->status, ==, DOSSIER_CITATION_OK);
      g_assert_cmpstr (c->document_title, ==, title);
      g_assert_cmpint (g_utf8_strlen (c->document_title, -1), ==, DOSSIER_DOCUMENT_MAX_TITLE);
      g_assert_cmpint (g_utf8_strlen (c->author, -1), ==, DOSSIER_DOCUMENT_MAX_AUTHOR);
      g_assert_true (g_str_has_suffix (c->author, "a…"));
      g_assert_cmpint (g_utf8_strlen (c->outlet, -1), ==, DOSSIER_DOCUMENT_MAX_OUTLET);
      g_assert_true (g_str_has_suffix (c->outlet, "o…"));
      g_assert_cmpint (g_utf8_strlen (c->published, -1), <=, 1000);
      g_assert_true (g_str_has_suffix (c->published, "p…"));
      g_assert_cmpint (g_utf8_strlen (c->source, -1), <=, 1000);
      g_assert_true (g_str_has_suffix (c->source, "s…"));
    }

  filter.briefing_id = id;
  dossier_export_options_init (&options);
  g_assert_true (dossier_export_to_stream (f->base.project, DOSSIER_EXPORT_MARKDOWN, &filter, &options, out,
                                           NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write (out, "", 1, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  md = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (md, title));
  g_assert_cmpuint (longest_run (md, 't'), ==, DOSSIER_DOCUMENT_MAX_TITLE - 1);

  /* Lengths the project's own check accepts, for the tear-down's. */
  g_clear_object (&f->base.project);
  test_sql_exec (f->base.path, restore);
  f->base.project = dossier_project_open (f->base.path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, briefing_fixture_tear_down)

  ADD ("/citation/metadata", test_metadata);
  ADD ("/citation/read-once", test_read_once);
  ADD ("/citation/huge-metadata", test_huge_metadata);

#undef ADD

  return g_test_run ();
}
