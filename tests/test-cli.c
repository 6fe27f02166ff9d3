/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c — dossier-cli as a user and a script see it: every command
 * of the tour, then every bad input we know of. Each failure must be one
 * clear line on stderr, exit status 1 or 2 (never a signal, never a GLib
 * warning or a sanitizer report), and leave the project exactly as it was
 * (compared through a JSON export before and after).
 */
/* posix_openpt (), grantpt (), unlockpt (), ptsname (), cfmakeraw () */
#define _GNU_SOURCE
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <dossier/dossier.h>
#include "test-util.h"

static const char *cli_path;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs dossier-cli with the NULL-terminated arguments. Whatever happens,
 * the process must exit (not die of a signal) and print nothing a user
 * should never see. */
static void
run_cli_v (Run        *r,
           const char *first,
           va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_path);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  g_ptr_array_add (argv, NULL);

  memset (r, 0, sizeof *r);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    g_error ("dossier-cli %s died of signal %d; stderr: %s", first,
             WIFSIGNALED (wait_status) ? WTERMSIG (wait_status) : -1, r->err);
  r->status = WEXITSTATUS (wait_status);
  g_assert_cmpint (r->status, <, 128);

  g_assert_null (strstr (r->err, "CRITICAL"));
  g_assert_null (strstr (r->err, "WARNING"));
  g_assert_null (strstr (r->err, "**"));
  g_assert_null (strstr (r->err, "Sanitizer"));
  g_assert_null (strstr (r->err, "runtime error"));
}

static void
run_cli (Run        *r,
         const char *first,
         ...)
{
  va_list args;

  va_start (args, first);
  run_cli_v (r, first, args);
  va_end (args);
}

/* Expects success; returns stdout. */
static char *
ok_cli (const char *first,
        ...)
{
  g_auto(Run) r = { 0 };
  va_list args;

  va_start (args, first);
  run_cli_v (&r, first, args);
  va_end (args);

  if (r.status != 0)
    g_error ("dossier-cli %s failed (%d): %s", first, r.status, r.err);
  g_assert_cmpstr (r.err, ==, "");
  return g_steal_pointer (&r.out);
}

/* A failure: the status expected, and exactly one line on stderr, starting
 * "dossier-cli: COMMAND: " and containing @needle (if given). */
static void
assert_failure (Run        *r,
                int         status,
                const char *command,
                const char *needle)
{
  g_autofree char *prefix = NULL;
  const char *newline;

  if (r->status != status)
    g_error ("expected exit %d, got %d; stdout: %s; stderr: %s", status, r->status, r->out, r->err);

  prefix = command != NULL ? g_strdup_printf ("dossier-cli: %s: ", command)
                           : g_strdup ("dossier-cli: ");
  if (!g_str_has_prefix (r->err, prefix))
    g_error ("stderr does not start with “%s”: %s", prefix, r->err);
  newline = strchr (r->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  if (needle != NULL && strstr (r->err, needle) == NULL)
    g_error ("stderr does not mention “%s”: %s", needle, r->err);
}

static void
expect_failure (int         status,
                const char *command,
                const char *needle,
                const char *first,
                ...)
{
  g_auto(Run) r = { 0 };
  va_list args;

  va_start (args, first);
  run_cli_v (&r, first, args);
  va_end (args);

  assert_failure (&r, status, command, needle);
}

/* ---- Fixture ----------------------------------------------------------- */

typedef struct
{
  char *dir;
  char *project;
  char *txt;
  char *md;
  char *html;
} Fixture;

static const char article_txt[] =
  "Ferry crews vote on the harbour timetable\n"
  "\n"
  "The ferry crews met on Monday at the Quai Mérové depot.\n"
  "\n"
  "What changes\n"
  "\n"
  "• Fares rise by 5 % from May\n"
  "• Night crossings end at 23:00\n"
  "\n"
  "Amélie Žáková, a deckhand for twelve years, said the union would “look at every line” 🚢.\n";

static const char article_md[] =
  "# Café notes on the tram plan\n"
  "\n"
  "The *mayor* said the tram is “a choice for decades”, not months.\n"
  "\n"
  "- Traders worry about footfall\n"
  "- Cyclists welcome the lane\n";

static const char article_html[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Bridge vote – The Quay Gazette</title>"
  "<meta property=\"og:site_name\" content=\"The Quay Gazette\">"
  "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>Bridge vote</h1>"
  "<p>Councillors voted 31 to 24 for the car-free bridge.</p>"
  "<p>Ferry crews said they would watch the numbers closely.</p></article>"
  "<script>document.write('nope')</script></body></html>";

static char *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("cli");
  f->project = g_build_filename (f->dir, "tour.dossier", NULL);
  f->txt = write_file (f, "ferry.txt", article_txt, -1);
  f->md = write_file (f, "cafe.md", article_md, -1);
  f->html = write_file (f, "bridge.html", article_html, -1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->project, 0644);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->project);
  g_free (f->txt);
  g_free (f->md);
  g_free (f->html);
}

/* The project's whole content, as the JSON export shows it. */
static char *
snapshot (Fixture *f)
{
  return ok_cli ("export", f->project, "--format", "json", NULL);
}

/* Makes a project with the three articles, two tags and a highlight;
 * returns the first document's id. */
static char *
make_project (Fixture *f)
{
  g_autofree char *out = NULL;
  g_autofree char *hl = NULL;
  char *id;

  g_free (ok_cli ("new", f->project, "--title", "Tour", NULL));
  out = ok_cli ("import", f->project, f->txt, f->md, f->html, NULL);
  id = g_strndup (out, strcspn (out, "\t"));
  g_free (ok_cli ("tag-add", f->project, "People", NULL));
  g_free (ok_cli ("tag-add", f->project, "Crews", "--parent", "People", NULL));
  hl = ok_cli ("highlight", f->project, id, "4", "15", "--tag", "Crews", "--memo", "first", NULL);
  return id;
}

/* ---- Help -------------------------------------------------------------- */

static const char *commands[] = {
  "new", "import", "documents", "text", "meta", "tags", "tag-add", "highlight", "autocode",
  "replace-text", "export", "check", "stakeholder-add", "stakeholders", "mentions", "question-add",
  "argument-add", "arguments", "evidence-add", "suggest", "briefings", "briefing", "briefing-new",
  "briefing-set", "compare", "diverge", "batch",
};

static void
test_help (void)
{
  g_autofree char *top = ok_cli ("--help", NULL);
  g_auto(Run) r = { 0 };

  g_assert_nonnull (strstr (top, "Usage:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *needle = g_strdup_printf ("  %s ", commands[i]);
      g_autofree char *help = NULL;
      g_autofree char *usage = g_strdup_printf ("dossier-cli %s [OPTION", commands[i]);
      g_autofree char *help2 = NULL;

      g_assert_nonnull (strstr (top, needle));

      help = ok_cli (commands[i], "--help", NULL);
      g_assert_nonnull (strstr (help, usage));
      help2 = ok_cli ("help", commands[i], NULL);
      g_assert_cmpstr (help, ==, help2);
    }

  /* Options are documented where they apply. */
  {
    g_autofree char *help = ok_cli ("export", "--help", NULL);

    g_assert_nonnull (strstr (help, "--format"));
    g_assert_nonnull (strstr (help, "--doc"));
    g_assert_nonnull (strstr (help, "--tag"));
    g_assert_nonnull (strstr (help, "-o, --output"));
    g_assert_nonnull (strstr (help, "--group-by=document|tag"));
    g_assert_nonnull (strstr (help, "--offsets"));
    g_assert_nonnull (strstr (help, "--context=N"));
    g_assert_nonnull (strstr (help, "--no-headings"));
    g_assert_nonnull (strstr (help, "--memos=notes|footnotes|none"));
  }
  /* …and in docs/export.md: every option export --help lists (its long
   * name, and its short one with it). */
  {
    g_autofree char *help = ok_cli ("export", "--help", NULL);
    g_autofree char *docs_path = g_test_build_filename (G_TEST_DIST, "..", "docs", "export.md", NULL);
    g_autofree char *docs = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GRegex) option = g_regex_new ("^  (?:(-[a-z]), )?(--[a-z-]+)", G_REGEX_MULTILINE, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    guint n = 0;

    g_assert_true (g_file_get_contents (docs_path, &docs, NULL, &error));
    g_assert_no_error (error);
    for (g_regex_match (option, help, 0, &match); g_match_info_matches (match);
         g_match_info_next (match, NULL))
      {
        g_autofree char *shrt = g_match_info_fetch (match, 1);
        g_autofree char *lng = g_match_info_fetch (match, 2);
        g_autofree char *row = NULL;

        if (g_str_equal (lng, "--help"))
          continue;
        row = *shrt != '\0' ? g_strdup_printf ("| `%s`, `%s", shrt, lng)
                            : g_strdup_printf ("| `%s", lng);
        if (strstr (docs, row) == NULL)
          g_error ("docs/export.md does not document %s (no row starting “%s”)", lng, row);
        n++;
      }
    g_assert_cmpuint (n, ==, 14);
  }
  {
    g_autofree char *help = ok_cli ("highlight", "--help", NULL);

    g_assert_nonnull (strstr (help, "PROJECT DOC START END"));
    g_assert_nonnull (strstr (help, "--memo"));
  }

  /* No command: the overview on stderr, exit 2. */
  run_cli (&r, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "Usage:"));
  run_clear (&r);

  expect_failure (2, NULL, "frobnicate", "frobnicate", NULL);
  expect_failure (2, NULL, "--verbose", "--verbose", NULL);
  expect_failure (2, "documents", "--bogus", "documents", "--bogus", "x.dossier", NULL);
  expect_failure (2, "documents", "PROJECT", "documents", NULL);
  expect_failure (2, "documents", "extra", "documents", "a.dossier", "extra", NULL);
  expect_failure (2, NULL, "nope", "help", "nope", NULL);
}

/* ---- The tour ---------------------------------------------------------- */

static gint64
codepoint_offset (const char *text,
                  const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

static void
test_tour (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *people = NULL;
  g_autofree char *crews = NULL;
  g_autofree char *hl = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *html_path = g_build_filename (f->dir, "out.html", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  gint64 s;

  out = ok_cli ("new", f->project, "--title", "Ferry tour", NULL);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_test (f->project, G_FILE_TEST_IS_REGULAR));
  expect_failure (1, "new", "already exists", "new", f->project, NULL);
  g_clear_pointer (&out, g_free);

  /* import: one "ID<tab>TITLE" line per file, in order. */
  out = ok_cli ("import", f->project, f->txt, f->md, f->html, NULL);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_cmpstr (fields[1], ==, "Ferry crews vote on the harbour timetable");
  g_assert_true (g_str_has_prefix (lines[1], "2\t") || g_ascii_isdigit (lines[1][0]));
  g_assert_nonnull (strstr (lines[1], "\tCafé notes on the tram plan"));
  g_assert_nonnull (strstr (lines[2], "\tBridge vote"));
  g_clear_pointer (&out, g_free);

  /* documents: id, title, outlet, date, highlights. */
  out = ok_cli ("documents", f->project, NULL);
  {
    g_auto(GStrv) doc_lines = g_strsplit (out, "\n", -1);
    g_auto(GStrv) cols = g_strsplit (doc_lines[0], "\t", -1);

    g_assert_cmpuint (g_strv_length (doc_lines), ==, 4);
    g_assert_cmpuint (g_strv_length (cols), ==, 5);
    g_assert_cmpstr (cols[0], ==, fields[0]);
    g_assert_cmpstr (cols[1], ==, "Ferry crews vote on the harbour timetable");
    g_assert_cmpstr (cols[4], ==, "0");
    g_assert_nonnull (strstr (doc_lines[2], "The Quay Gazette"));
  }
  g_clear_pointer (&out, g_free);

  /* text, then a highlight at code-point offsets found in it. */
  text = ok_cli ("text", f->project, fields[0], NULL);
  g_assert_true (g_str_has_prefix (text, "Ferry crews vote on the harbour timetable\n"));
  g_assert_nonnull (strstr (text, "Amélie Žáková"));

  people = ok_cli ("tag-add", f->project, "People", "--description", "Who is quoted", NULL);
  g_assert_cmpint (g_ascii_strtoll (people, NULL, 10), >, 0);
  crews = ok_cli ("tag-add", f->project, "Crews", "--parent", "People", "--color", "#123abc", NULL);
  g_assert_cmpint (g_ascii_strtoll (crews, NULL, 10), >, 0);
  expect_failure (1, "tag-add", "Nobody", "tag-add", f->project, "X", "--parent", "Nobody", NULL);
  expect_failure (2, "tag-add", "#12345", "tag-add", f->project, "Y", "--color", "#12345", NULL);
  {
    /* A name over the limit: refused, saying the limit. */
    g_autofree char *long_name = g_strnfill (DOSSIER_TAG_MAX_NAME + 1, 'x');
    g_autofree char *limit = g_strdup_printf ("at most %d characters", DOSSIER_TAG_MAX_NAME);

    expect_failure (1, "tag-add", limit, "tag-add", f->project, long_name, NULL);
  }

  out = ok_cli ("tags", f->project, NULL);
  g_assert_nonnull (strstr (out, "People\t#"));
  g_assert_nonnull (strstr (out, "\n  People/Crews\t#123abc\t0\n"));
  g_clear_pointer (&out, g_free);

  s = codepoint_offset (text, "Amélie Žáková, a deckhand");
  start = g_strdup_printf ("%" G_GINT64_FORMAT, s);
  end = g_strdup_printf ("%" G_GINT64_FORMAT, s + g_utf8_strlen ("Amélie Žáková, a deckhand", -1));
  hl = ok_cli ("highlight", f->project, fields[0], start, end, "--tag", "Crews", "--tag", "People",
               "--memo", "She speaks for the union, “officially”.", NULL);
  g_assert_cmpint (g_ascii_strtoll (hl, NULL, 10), >, 0);

  /* The document's highlight count went up. */
  out = ok_cli ("documents", f->project, NULL);
  {
    g_autofree char *first = g_strndup (out, strcspn (out, "\n"));

    g_assert_true (g_str_has_suffix (first, "\t1"));
  }
  g_clear_pointer (&out, g_free);

  out = ok_cli ("autocode", f->project, "--tag", "People", "--match", "FERRY CREWS", NULL);
  g_assert_cmpint (g_ascii_strtoll (out, NULL, 10), >=, 3);
  g_clear_pointer (&out, g_free);
  out = ok_cli ("autocode", f->project, "--tag", "Crews", "--regex", "tw\\w+ years", "--doc", fields[0], NULL);
  g_assert_cmpint (g_ascii_strtoll (out, NULL, 10), ==, 1);
  g_clear_pointer (&out, g_free);

  /* The quote went in exactly as it reads in the text. */
  json = ok_cli ("export", f->project, "--format", "json", NULL);
  g_assert_true (g_str_has_prefix (json, "{"));
  g_assert_nonnull (strstr (json, "\"quote\": \"Amélie Žáková, a deckhand\""));
  g_assert_nonnull (strstr (json, "\"memo\": \"She speaks for the union, “officially”.\""));

  out = ok_cli ("export", f->project, "--format", "csv", "-o", csv_path, NULL);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "document,document_id,tag,start,end,quote,memo,author,created,tag_id\r\n"));
  g_assert_nonnull (strstr (contents, ",People/Crews," ));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&contents, g_free);

  /* Format from the file name; a tag filter; one document. */
  g_free (ok_cli ("export", f->project, "-o", html_path, "--tag", "Crews", NULL));
  g_assert_true (g_file_get_contents (html_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (contents, "People/Crews"));
  g_clear_pointer (&contents, g_free);

  out = ok_cli ("export", f->project, "--format", "markdown", "--doc", fields[0], NULL);
  g_assert_nonnull (strstr (out, "## Ferry crews vote on the harbour timetable"));
  g_assert_nonnull (strstr (out, "### People/Crews"));
  g_assert_null (strstr (out, "Café notes"));
  g_clear_pointer (&out, g_free);

  out = ok_cli ("export", f->project, "--format", "text", NULL);
  g_assert_nonnull (strstr (out, "“Amélie Žáková, a deckhand”"));
  g_clear_pointer (&out, g_free);

  out = ok_cli ("check", f->project, NULL);
  g_assert_cmpstr (out, ==, "ok\n");
}

/* ---- Bad input --------------------------------------------------------- */

static void
assert_unchanged (Fixture    *f,
                  const char *before)
{
  g_autofree char *after = snapshot (f);

  g_assert_cmpstr (after, ==, before);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *unused_doc G_GNUC_UNUSED = make_project (f);
  g_autofree char *before = snapshot (f);
  g_autofree char *png = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *latin1 = NULL;
  g_autofree char *nul = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);
  static const char png_bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  static const char latin1_bytes[] = "Caf\xe9 cr\xe8me \xab quoted \xbb and more plain words here.\n";
  static const char nul_bytes[] = "Some text\0with\0NUL\0bytes\0inside\0it\0\0\0\0\0\0\0";

  png = write_file (f, "image.txt.png", png_bytes, sizeof png_bytes - 1);
  empty = write_file (f, "empty.txt", "", 0);
  latin1 = write_file (f, "latin1.txt", latin1_bytes, -1);
  nul = write_file (f, "nul.txt", nul_bytes, sizeof nul_bytes - 1);

  expect_failure (1, "import", "image.txt.png", "import", f->project, png, NULL);
  assert_unchanged (f, before);
  expect_failure (1, "import", "empty.txt", "import", f->project, empty, NULL);
  assert_unchanged (f, before);
  expect_failure (1, "import", "latin1.txt", "import", f->project, latin1, NULL);
  assert_unchanged (f, before);
  expect_failure (1, "import", "nul.txt", "import", f->project, nul, NULL);
  assert_unchanged (f, before);
  expect_failure (1, "import", "missing.txt", "import", f->project, missing, NULL);
  assert_unchanged (f, before);
  /* A folder given as a file to import. */
  expect_failure (1, "import", NULL, "import", f->project, f->dir, NULL);
  assert_unchanged (f, before);
  /* The project itself is not a text file. */
  expect_failure (1, "import", NULL, "import", f->project, f->project, NULL);
  assert_unchanged (f, before);
}

static void
test_import_continues (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *unused_doc G_GNUC_UNUSED = make_project (f);
  g_autofree char *empty = write_file (f, "blank.txt", "  \n\n ", -1);
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *docs = NULL;

  /* Good, bad, good: the good ones are imported, the bad one reported on
   * one line, and the exit status says something failed. */
  run_cli (&r, "import", f->project, f->txt, empty, f->md, NULL);
  assert_failure (&r, 1, "import", "blank.txt");
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "\tFerry crews vote"));
  g_assert_nonnull (strstr (lines[1], "\tCafé notes"));

  docs = ok_cli ("documents", f->project, NULL);
  {
    g_auto(GStrv) doc_lines = g_strsplit (docs, "\n", -1);

    /* 3 from make_project, 2 now, and the empty string after the last. */
    g_assert_cmpuint (g_strv_length (doc_lines), ==, 3 + 2 + 1);
  }
}

/* What to check in an imported file goes to standard error, one line a
 * note, while standard output keeps one "ID<tab>TITLE" line a document and
 * the exit status says it worked. */
static void
test_import_notes (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *unused_doc G_GNUC_UNUSED = make_project (f);
  g_autofree char *cut = write_file (f, "lock.html",
                                     "<!DOCTYPE html><html><head><title>Lock gates replaced</title>"
                                     "</head><body><article><h1>Lock gates replaced</h1><p>The "
                                     "canal trust fitted new gates at the top lock over the "
                                     "winter closure.</p><p>Boats can pass again from the first "
                                     "of March, the trust", -1);
  g_auto(Run) r = { 0 };
  g_auto(GStrv) out = NULL;
  g_auto(GStrv) err = NULL;

  run_cli (&r, "import", f->project, cut, f->txt, NULL);
  g_assert_cmpint (r.status, ==, 0);
  out = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (out), ==, 3);
  g_assert_nonnull (strstr (out[0], "\tLock gates replaced"));
  g_assert_nonnull (strstr (out[1], "\tFerry crews vote"));
  err = g_strsplit (r.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (err), ==, 2);
  g_assert_true (g_str_has_prefix (err[0], "dossier-cli: import: “lock.html” looks cut off"));
}

/* Bytes this process and the children it has reaped have read so far
 * (read(2) and the like), or -1 where the kernel does not say. */
static gint64
bytes_read (void)
{
  g_autofree char *io = NULL;
  const char *rchar;

  if (!g_file_get_contents ("/proc/self/io", &io, NULL, NULL) ||
      (rchar = strstr (io, "rchar: ")) == NULL)
    return -1;

  return g_ascii_strtoll (rchar + strlen ("rchar: "), NULL, 10);
}

static void
test_huge_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *unused_doc G_GNUC_UNUSED = make_project (f);
  g_autofree char *before = snapshot (f);
  g_autofree char *huge = g_build_filename (f->dir, "huge.txt", NULL);
  gint64 read_before;
  int fd;

  /* 200 MB, sparse: costs no disk, reads as zeros if anyone reads it. */
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 200 * 1024 * 1024), ==, 0);
  close (fd);

  read_before = bytes_read ();
  expect_failure (1, "import", "huge.txt", "import", f->project, huge, NULL);
  /* Refused from its size, not after reading it: the child's reads count
   * as ours once it is reaped, and they came nowhere near its 200 MB. */
  if (read_before >= 0)
    g_assert_cmpint (bytes_read () - read_before, <, 16 * 1024 * 1024);
  assert_unchanged (f, before);
}

static void
test_hostile_html (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autoptr(GString) nested = g_string_new ("<html><head><title>Deep</title></head><body>");
  g_autofree char *nested_path = NULL;
  g_autofree char *entities_path = NULL;
  g_autofree char *laughs_path = NULL;
  g_autofree char *secret_path = write_file (f, "secret.txt", "TOP-SECRET-CONTENT", -1);
  g_autofree char *entities = NULL;
  g_autoptr(GString) laughs = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                                            "<!ENTITY lol \"lol\">\n");
  static const char *inputs[3];

  for (guint i = 0; i < 10000; i++)
    g_string_append (nested, i % 2 ? "<div>" : "<span>");
  g_string_append (nested, "Deep inside the nesting.");
  for (guint i = 10000; i > 0; i--)
    g_string_append (nested, (i - 1) % 2 ? "</div>" : "</span>");
  g_string_append (nested, "</body></html>");
  nested_path = write_file (f, "nested.html", nested->str, nested->len);

  entities = g_strdup_printf ("<!DOCTYPE html [\n"
                              "<!ENTITY xxe SYSTEM \"file://%s\">\n"
                              "<!ENTITY boom \"EXPANDED-ENTITY\">\n"
                              "<!ENTITY remote SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                              "]>\n<html><head><title>Entities</title>"
                              "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/x.css\"></head>"
                              "<body><p>Before &xxe; middle &boom; &remote; after.</p>"
                              "<p><img src=\"http://127.0.0.1:9/x.png\">An image.</p></body></html>",
                              secret_path);
  entities_path = write_file (f, "entities.html", entities, -1);

  for (guint i = 1; i < 10; i++)
    {
      g_string_append_printf (laughs, "<!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (laughs, i == 1 ? "&lol;" : "&lol%u;", i - 1);
      g_string_append (laughs, "\">\n");
    }
  g_string_append (laughs, "]>\n<html><body><p>&lol9;</p><p>Laughs.</p></body></html>\n");
  laughs_path = write_file (f, "laughs.html", laughs->str, laughs->len);

  inputs[0] = nested_path;
  inputs[1] = entities_path;
  inputs[2] = laughs_path;

  /* Each either imports (with nothing expanded or fetched) or is refused
   * with a message; never a crash (a hang would meet the test timeout;
   * what these cost is bench-core's "hostile HTML" figure). */
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *before = snapshot (f);
      g_auto(Run) r = { 0 };

      run_cli (&r, "import", f->project, inputs[i], NULL);

      if (r.status == 0)
        {
          g_autofree char *id = g_strndup (r.out, strcspn (r.out, "\t"));
          g_autofree char *text = ok_cli ("text", f->project, id, NULL);

          g_assert_null (strstr (text, "TOP-SECRET-CONTENT"));
          g_assert_null (strstr (text, "EXPANDED-ENTITY"));
          g_assert_null (strstr (text, "lollollollollollol"));
          g_assert_cmpuint (strlen (text), <, 100000);
          if (i == 0)
            g_assert_nonnull (strstr (text, "Deep inside the nesting."));
        }
      else
        {
          assert_failure (&r, 1, "import", NULL);
          assert_unchanged (f, before);
        }
    }

  g_free (ok_cli ("check", f->project, NULL));
}

static void
test_bad_highlights (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *before = snapshot (f);

  expect_failure (1, "highlight", "END must be greater", "highlight", f->project, doc, "20", "10", "--tag", "Crews", NULL);
  expect_failure (1, "highlight", "empty", "highlight", f->project, doc, "10", "10", "--tag", "Crews", NULL);
  expect_failure (1, "highlight", "past the end", "highlight", f->project, doc, "10", "999999", "--tag", "Crews", NULL);
  expect_failure (1, "highlight", "Nobody", "highlight", f->project, doc, "1", "5", "--tag", "Nobody", NULL);
  expect_failure (1, "highlight", "tag-add", "highlight", f->project, doc, "1", "5", "--tag", "Crews", "--tag", "Nobody", NULL);
  expect_failure (1, "highlight", "9999", "highlight", f->project, "9999", "1", "5", "--tag", "Crews", NULL);
  expect_failure (2, "highlight", "-1", "highlight", f->project, doc, "-1", "5", "--tag", "Crews", NULL);
  expect_failure (2, "highlight", "five", "highlight", f->project, doc, "1", "five", "--tag", "Crews", NULL);
  expect_failure (2, "highlight", "DOC", "highlight", f->project, "first", "1", "5", "--tag", "Crews", NULL);
  expect_failure (2, "highlight", "--tag", "highlight", f->project, doc, "1", "5", NULL);
  expect_failure (2, "highlight", NULL, "highlight", f->project, doc, "1", NULL);
  expect_failure (1, "text", "9999", "text", f->project, "9999", NULL);
  expect_failure (2, "text", "DOC", "text", f->project, "x", NULL);
  expect_failure (1, "export", "9999", "export", f->project, "--format", "json", "--doc", "9999", NULL);
  expect_failure (1, "export", "Nobody", "export", f->project, "--format", "json", "--tag", "Nobody", NULL);
  expect_failure (2, "export", "pdf", "export", f->project, "--format", "pdf", NULL);
  expect_failure (2, "export", "--format", "export", f->project, NULL);
  expect_failure (1, "autocode", "Nobody", "autocode", f->project, "--tag", "Nobody", "--match", "x", NULL);
  expect_failure (2, "autocode", NULL, "autocode", f->project, "--tag", "Crews", NULL);
  expect_failure (2, "autocode", NULL, "autocode", f->project, "--tag", "Crews", "--match", "a", "--regex", "b", NULL);
  expect_failure (2, "autocode", "regular expression", "autocode", f->project, "--tag", "Crews", "--regex", "(unclosed", NULL);
  expect_failure (1, "autocode", "9999", "autocode", f->project, "--tag", "Crews", "--match", "x", "--doc", "9999", NULL);
  expect_failure (2, "import", "html5", "import", f->project, f->txt, "--format", "html5", NULL);

  assert_unchanged (f, before);
}

/* meta changes only the fields given, clears with "", and refuses a bad
 * date, an unknown document or an empty title without touching anything. */
static void
test_meta (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *before = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *title_line = NULL;

  g_free (ok_cli ("meta", f->project, doc, "--outlet", "Coastline Press Agency",
                  "--published", "2025-03-13", "--author", "Zoë Ångström", NULL));
  listing = ok_cli ("documents", f->project, NULL);
  expected = g_strdup_printf ("%s\t", doc);
  g_assert_true (g_str_has_prefix (listing, expected));
  g_assert_nonnull (strstr (listing, "\tCoastline Press Agency\t2025-03-13\t"));

  before = snapshot (f);
  expect_failure (1, "meta", "YYYY-MM-DD", "meta", f->project, doc, "--published", "13/03/2025", NULL);
  expect_failure (1, "meta", "9999", "meta", f->project, "9999", "--outlet", "x", NULL);
  expect_failure (2, "meta", "title", "meta", f->project, doc, "--title", "  ", NULL);
  expect_failure (2, "meta", "DOC", "meta", f->project, "first", NULL);
  assert_unchanged (f, before);

  g_free (ok_cli ("meta", f->project, doc, "--outlet", "", NULL));
  g_free (listing);
  listing = ok_cli ("documents", f->project, NULL);
  g_assert_null (strstr (listing, "Coastline"));
  g_assert_nonnull (strstr (listing, "\t2025-03-13\t"));
}

/* With no locale chosen (LANG=C, or LANG naming a locale that is not
 * installed: scripts, cron, a fresh container), an argument with an
 * accent is still read as UTF-8. It was refused ("Invalid byte sequence
 * in conversion input"), and so was building the bundled sample. */
static void
test_no_locale (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  const char *langs[] = { "C", "POSIX", "xx_YY.UTF-8" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_auto(GStrv) env = g_get_environ ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *listing = NULL;
      g_autofree char *outlet = g_strdup_printf ("Diário de Águeda %u", i);
      const char *argv[] = { cli_path, "meta", f->project, doc, "--outlet", outlet, NULL };
      const char *list_argv[] = { cli_path, "documents", f->project, NULL };
      int wait_status = 0;
      g_autoptr(GError) error = NULL;

      env = g_environ_unsetenv (env, "LC_ALL");
      env = g_environ_unsetenv (env, "LC_CTYPE");
      env = g_environ_setenv (env, "LANG", langs[i], TRUE);
      g_test_message ("LANG=%s", langs[i]);

      g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &wait_status, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);

      g_assert_true (g_spawn_sync (NULL, (char **) list_argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                                   &listing, NULL, &wait_status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (listing, outlet));
    }
}

static void
test_bad_projects (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.dossier", NULL);
  g_autofree char *not_project = write_file (f, "notes.dossier", "Just some notes, not a project.\n", -1);
  g_autofree char *other_db = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autofree char *out_missing = g_build_filename (f->dir, "nowhere", "out.json", NULL);
  g_autofree char *doc = make_project (f);
  g_autofree char *before = snapshot (f);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (other_db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  expect_failure (1, "documents", "missing.dossier", "documents", missing, NULL);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  expect_failure (1, "import", "missing.dossier", "import", missing, f->txt, NULL);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  expect_failure (1, "documents", NULL, "documents", f->dir, NULL);
  expect_failure (1, "tag-add", NULL, "tag-add", f->dir, "X", NULL);
  expect_failure (1, "documents", NULL, "documents", not_project, NULL);
  expect_failure (1, "import", NULL, "import", not_project, f->txt, NULL);
  expect_failure (1, "check", NULL, "check", other_db, NULL);
  expect_failure (1, "tag-add", NULL, "tag-add", other_db, "X", NULL);
  /* Neither was touched. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (not_project, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "Just some notes, not a project.\n");
  }

  /* An export that cannot be written names the file and leaves none. */
  expect_failure (1, "export", out_missing, "export", f->project, "--format", "json", "-o", out_missing, NULL);
  expect_failure (1, "export", f->dir, "export", f->project, "--format", "json", "-o", f->dir, NULL);

  assert_unchanged (f, before);
}

static gpointer
read_fifo (gpointer path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_steal_pointer (&contents);
}

/* export -o never turns what is not a regular file into one. */
static void
test_export_destinations (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *expected = ok_cli ("export", f->project, "--format", "csv", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "pipe", NULL);
  g_autofree char *target = g_build_filename (f->dir, "real.csv", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  GThread *reader;
  struct stat st;

  /* A FIFO: the reader gets the export; the FIFO stays. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("reader", read_fifo, fifo);
  out = ok_cli ("export", f->project, "--format", "csv", "-o", fifo, NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  contents = g_thread_join (reader);
  g_assert_cmpstr (contents, ==, expected);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* /dev/stdout is this command's standard output; /dev/null stays. */
  out = ok_cli ("export", f->project, "--format", "csv", "-o", "/dev/stdout", NULL);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  out = ok_cli ("export", f->project, "--format", "csv", "-o", "/dev/null", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (lstat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* A symbolic link is followed and stays a link. */
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.csv", link), ==, 0);
  g_free (ok_cli ("export", f->project, "--format", "csv", "-o", link, NULL));
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_clear_pointer (&contents, g_free);

  /* A folder is refused with one line naming it. */
  expect_failure (1, "export", "folder", "export", f->project, "--format", "csv", "-o", f->dir, NULL);
}

/* The summary options: grouping, context, offsets, headings, memos; and
 * the values they refuse. */
static void
test_export_options (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *plain = ok_cli ("export", f->project, "--format", "markdown", NULL);
  g_autofree char *out = NULL;

  /* The defaults: no offsets, the memo as a note. (The highlight is
   * characters 4–15 of the title line.) */
  g_assert_null (strstr (plain, "characters"));
  g_assert_nonnull (strstr (plain, "## Ferry crews vote on the harbour timetable\n"));
  g_assert_nonnull (strstr (plain, "### People/Crews (1)\n\n> y crews vot\n\n**Note:** first\n"));

  out = ok_cli ("export", f->project, "--format", "markdown", "--group-by", "tag", "--context", "2",
                "--offsets", "--memos", "footnotes", NULL);
  g_assert_nonnull (strstr (out, "*Tagged summary, by tag*\n"));
  g_assert_nonnull (strstr (out, "## People/Crews (1)\n\n> Ferr**y crews vot**e on…[^1]\n"));
  g_assert_nonnull (strstr (out, "> — *Ferry crews vote on the harbour timetable*"));
  g_assert_nonnull (strstr (out, "characters 4–15\n"));
  g_assert_nonnull (strstr (out, "[^1]: first\n"));
  g_clear_pointer (&out, g_free);

  out = ok_cli ("export", f->project, "--format", "text", "-g", "document", "-m", "none", "--no-headings",
                NULL);
  g_assert_nonnull (strstr (out, "    “y crews vot”\n\n"));
  g_assert_null (strstr (out, "first"));
  g_clear_pointer (&out, g_free);

  expect_failure (2, "export", "--context", "export", f->project, "--format", "markdown", "--context", "51", NULL);
  expect_failure (2, "export", "--context", "export", f->project, "--format", "markdown", "--context", "-1", NULL);
  expect_failure (2, "export", "paragraph", "export", f->project, "--format", "html", "--group-by", "paragraph", NULL);
  expect_failure (2, "export", "margin", "export", f->project, "--format", "html", "--memos", "margin", NULL);
}

static void
test_read_only_project (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *before = snapshot (f);
  g_autofree char *out = NULL;

  /* No write bit for anyone: the core treats it as read-only, even for
   * root, who could write it anyway. */
  g_assert_cmpint (g_chmod (f->project, 0444), ==, 0);

  expect_failure (1, "tag-add", NULL, "tag-add", f->project, "Blocked", NULL);
  expect_failure (1, "import", NULL, "import", f->project, f->md, NULL);
  expect_failure (1, "highlight", NULL, "highlight", f->project, doc, "1", "5", "--tag", "Crews", NULL);

  /* Reading still works. */
  out = ok_cli ("documents", f->project, NULL);
  g_assert_nonnull (strstr (out, "Ferry crews vote"));
  g_clear_pointer (&out, g_free);
  out = ok_cli ("check", f->project, NULL);
  g_assert_cmpstr (out, ==, "ok\n");

  assert_unchanged (f, before);
}

/* Every command that reads leaves the folder as it was: no empty log and
 * shared memory beside the project, whether the file can be written or
 * not. */
static void
test_read_commands_leave_folder (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *before = test_list_dir (f->dir);
  const char *reads[][4] = {
    { "documents" }, { "text", doc }, { "tags" }, { "export", "--format", "json" },
    { "check" }, { "stakeholders" }, { "mentions" }, { "arguments" }, { "suggest", doc },
    { "briefings" }, { "compare" }, { "diverge" },
  };

  g_assert_true (g_str_has_suffix (before, " tour.dossier"));
  for (guint pass = 0; pass < 2; pass++)
    {
      /* Then with no write bit for anyone. */
      if (pass == 1)
        g_assert_cmpint (g_chmod (f->project, 0444), ==, 0);

      for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
        {
          g_auto(Run) r = { 0 };
          g_autofree char *after = NULL;

          run_cli (&r, reads[i][0], f->project, reads[i][1], reads[i][2], NULL);
          if (r.status != 0)
            g_error ("dossier-cli %s failed (%d): %s", reads[i][0], r.status, r.err);
          after = test_list_dir (f->dir);
          if (g_strcmp0 (after, before) != 0)
            g_error ("dossier-cli %s left “%s” where there was “%s”", reads[i][0], after,
                     before);
        }
    }
}

/* A search index found damaged as a command opens the project is
 * rebuilt, and the command says so as it says everything else — one line,
 * "dossier-cli: COMMAND: …", naming the file as the user knows it — where
 * it printed GLib's "Dossier-Message: 02:37:17.263: The search index of
 * /full/path was damaged, and was rebuilt". */
static void
test_index_rebuilt_said (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_auto(Run) r = { 0 };

  test_sql_exec (f->project, "DELETE FROM documents_fts_data WHERE id = 10");

  run_cli (&r, "tag-add", f->project, "Cost", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "dossier-cli: tag-add: The search index of “tour.dossier” was "
                              "damaged, and was rebuilt.\n");

  /* Said once: the next command finds it whole. */
  g_free (ok_cli ("tag-add", f->project, "Fares", NULL));
}

/* Texts that cannot be indexed for search because the index is damaged
 * (its older segments gone, found only when FTS5 merges them with a new
 * one): the index is made again from the texts, as a search does, and
 * that is said as everything else is — one line, "dossier-cli: COMMAND:
 * …", the file named as the user knows it, translated — once. It said
 * "“tour.dossier” could not be indexed for search (…): “tour.dossier” is
 * damaged (…). Open a backup copy instead.", and the texts stayed out of
 * the index. */
static void
test_damaged_at_indexing_rebuilt (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *tags = NULL;
  g_autofree char *checked = NULL;
  g_auto(Run) r = { 0 };
  const char *expected = "dossier-cli: tag-add: The search index of “tour.dossier” was damaged, "
                         "and was rebuilt.\n";

  /* Fifteen segments at the first level: the sixteenth makes FTS5 merge
   * them, reading the ones deleted. */
  for (guint i = 0; i < 12; i++)
    test_sql_exec (f->project, "INSERT INTO documents_fts (rowid, text) "
                               "SELECT id, text FROM documents WHERE id = 1");
  test_sql_exec (f->project, "DELETE FROM documents_fts_data WHERE id > 10;"
                             "INSERT INTO documents_unindexed (document) VALUES (1)");

  run_cli (&r, "tag-add", f->project, "Cost", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, expected);

  /* The change was made, and the index holds the texts, no more. */
  tags = ok_cli ("tags", f->project, NULL);
  g_assert_nonnull (strstr (tags, "Cost\t"));
  checked = ok_cli ("check", f->project, NULL);
  g_assert_cmpstr (checked, ==, "ok\n");
}

/* Texts that cannot be indexed for search at all: the index's table is
 * damaged where SQLite itself reads it (a page of documents_fts_data that
 * is no b-tree page), so that indexing fails and so does making the index
 * again, which must empty that table. The command's own change is made;
 * one line says the texts could not be indexed, and what to do. */
static void
test_index_could_not_be_indexed (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autoptr(GString) words = g_string_new ("Harbour Word List\n\n");
  g_autofree char *list = NULL;
  g_autofree char *tags = NULL;
  g_auto(Run) r = { 0 };

  /* A text of 6,000 different words: its index fills many pages. */
  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (words, "w%05uq%s", i * 7919 % 100000, i % 12 == 11 ? ".\n" : " ");
  list = write_file (f, "words.txt", words->str, words->len);
  g_free (ok_cli ("import", f->project, list, NULL));

  test_break_search_index_page (f->project, 1);

  run_cli (&r, "tag-add", f->project, "Cost", NULL);
  g_test_message ("%s", r.err);
  g_assert_cmpint (r.status, ==, 0);
  assert_failure (&r, 0, "tag-add", "“tour.dossier” could not be indexed for search (everything "
                                    "else is saved): The search index of “tour.dossier” is damaged "
                                    "and could not be rebuilt");
  /* What to do: see what is damaged, and where to go if more is. */
  g_assert_nonnull (strstr (r.err, "Run “dossier-cli check "));
  g_assert_nonnull (strstr (r.err, f->project));
  g_assert_nonnull (strstr (r.err, "open a backup copy"));
  /* Not "tried again at the next search": that meets the same damage. */
  g_assert_null (strstr (r.err, "tried again"));
  tags = ok_cli ("tags", f->project, NULL);
  g_assert_nonnull (strstr (tags, "Cost\t"));
}

/* A tag whose id is 0 or below, which Dossier never gives one (a file made
 * elsewhere, or damaged): where the core would take its id for "no tag" —
 * a filter (every tag) or a parent (the top level) — a command that only
 * reads says so and does nothing, where it exported every highlight,
 * compared every tag, or put a new tag at the top level. A negative id
 * still filters. A command that writes opens the project for writing,
 * which gives each such tag a free id first (the core's
 * dossier_project_renumber_unkeyable ()): then it is a tag like any. */
static void
test_tag_id_not_above_zero (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *minus = NULL;
  g_autofree char *zero = NULL;
  g_autofree char *tags = NULL;

  g_free (ok_cli ("tag-add", f->project, "Zero", NULL));
  g_free (ok_cli ("tag-add", f->project, "Minus", NULL));
  g_free (ok_cli ("highlight", f->project, doc, "20", "25", "--tag", "Zero", NULL));
  g_free (ok_cli ("highlight", f->project, doc, "30", "35", "--tag", "Minus", NULL));
  test_sql_exec (f->project,
                 "PRAGMA foreign_keys = OFF;"
                 "UPDATE highlight_tags SET tag = 0 WHERE tag = (SELECT id FROM tags WHERE name = 'Zero');"
                 "UPDATE tags SET id = 0 WHERE name = 'Zero';"
                 "UPDATE highlight_tags SET tag = -5 WHERE tag = (SELECT id FROM tags WHERE name = 'Minus');"
                 "UPDATE tags SET id = -5 WHERE name = 'Minus';");
  before = snapshot (f);

  expect_failure (1, "export", "tag “Zero” cannot be used here: its id, 0, is one Dossier never",
                  "export", f->project, "--format", "csv", "--tag", "Zero", NULL);
  expect_failure (1, "compare", "tag “Zero” cannot be used here", "compare", f->project,
                  "--tag", "Zero", NULL);

  /* Filtering by the negative one works: its highlight alone. */
  minus = ok_cli ("export", f->project, "--format", "csv", "--tag", "Minus", NULL);
  g_assert_nonnull (strstr (minus, ",Minus,"));
  g_assert_null (strstr (minus, ",People/Crews,"));
  g_assert_null (strstr (minus, ",Zero,"));

  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* Opened for writing, each has an id above 0, and its highlight. */
  g_free (ok_cli ("tag-add", f->project, "Child", "--parent", "Zero", NULL));
  g_free (ok_cli ("tag-add", f->project, "Child", "--parent", "Minus", NULL));
  g_assert_cmpint (test_sql_int (f->project, "SELECT count (*) FROM tags WHERE id < 1"), ==, 0);
  tags = ok_cli ("tags", f->project, NULL);
  g_assert_nonnull (strstr (tags, "  Zero/Child\t"));
  g_assert_nonnull (strstr (tags, "  Minus/Child\t"));
  zero = ok_cli ("export", f->project, "--format", "csv", "--tag", "Zero", NULL);
  g_assert_nonnull (strstr (zero, ",Zero,"));
  g_assert_null (strstr (zero, ",Minus,"));
  g_assert_null (strstr (zero, ",People/Crews,"));
}

static void
test_locked_project (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *before = snapshot (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) holder = NULL;
  g_autofree char *out = NULL;

  /* This process holds the write lock, as the Dossier window would. */
  holder = dossier_project_open (f->project, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  expect_failure (1, "tag-add", NULL, "tag-add", f->project, "Blocked", NULL);
  expect_failure (1, "import", NULL, "import", f->project, f->md, NULL);
  expect_failure (1, "autocode", NULL, "autocode", f->project, "--tag", "Crews", "--match", "crews", NULL);

  /* Readers are not blocked by the writer. */
  out = ok_cli ("documents", f->project, NULL);
  g_assert_nonnull (strstr (out, "Ferry crews vote"));
  g_clear_pointer (&out, g_free);
  out = ok_cli ("export", f->project, "--format", "csv", NULL);
  g_assert_nonnull (strstr (out, "People/Crews"));
  g_clear_pointer (&out, g_free);
  out = ok_cli ("check", f->project, NULL);
  g_assert_cmpstr (out, ==, "ok\n");
  g_clear_pointer (&out, g_free);

  /* And a reader sees what the writer commits, at once. */
  g_assert_cmpint (dossier_project_add_tag (holder, "Committed", 0, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  out = ok_cli ("tags", f->project, NULL);
  g_assert_nonnull (strstr (out, "Committed\t"));
  g_clear_pointer (&out, g_free);

  dossier_project_close (holder);
  g_clear_object (&holder);

  /* Released: writing works again. */
  g_free (ok_cli ("tag-add", f->project, "After", NULL));
}

/* ---- batch ------------------------------------------------------------------ */

/* Runs "dossier-cli batch PROJECT -" with @input on its standard input. */
static void
run_batch_stdin (Run        *r,
                 const char *project,
                 const char *input)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  memset (r, 0, sizeof *r);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                              G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              cli_path, "batch", project, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  r->status = g_subprocess_get_exit_status (process);
  g_assert_null (strstr (r->err, "CRITICAL"));
  g_assert_null (strstr (r->err, "WARNING"));
  g_assert_null (strstr (r->err, "Sanitizer"));
  g_assert_null (strstr (r->err, "runtime error"));
}

/* A file named on the command line to be read (a note's body, a file of
 * commands, another tool's file to import) that is the project itself,
 * under whatever name, or its log or shared memory, is refused, saying
 * so, before it is opened: in a batch, whose project is open, a read
 * through a descriptor of dossier-cli's own would drop SQLite's locks on
 * it at its close, and another process could then write, checkpoint or
 * delete the log under it. Nothing is done. */
static void
test_project_as_input (Fixture       *f,
                       gconstpointer  data)
{
  static const char says[] = "is a Dossier project, or one of its files, not a file to read from";
  g_autofree char *doc = make_project (f);
  g_autofree char *wal = g_strconcat (f->project, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->project, "-shm", NULL);
  g_autofree char *link = g_build_filename (f->dir, "body.md", NULL);
  g_autofree char *qdc = g_build_filename (f->dir, "codebook.qdc", NULL);
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *inputs[] = { f->project, wal, shm, link };

  g_assert_cmpint (symlink (f->project, link), ==, 0);
  g_assert_cmpint (symlink (f->project, qdc), ==, 0);
  id = ok_cli ("briefing-new", f->project, "Note", "--body", "Nothing yet.", NULL);
  g_strchomp (id);
  before = snapshot (f);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *input = NULL;
      g_autofree char *quoted = g_shell_quote (inputs[i]);
      g_auto(Run) r = { 0 };

      input = g_strdup_printf ("tags\n"
                               "briefing-new Other --doc %s --body-file %s\n"
                               "tag-add After\n", doc, quoted);
      run_batch_stdin (&r, f->project, input);
      g_assert_cmpint (r.status, ==, 1);
      if (strstr (r.err, says) == NULL || strstr (r.err, "line 2 failed") == NULL)
        g_error ("batch with --body-file %s: %s", inputs[i], r.err);

      expect_failure (1, "briefing-new", says, "briefing-new", f->project, "Other",
                      "--body-file", inputs[i], NULL);
      expect_failure (1, "briefing-set", says, "briefing-set", f->project, id,
                      "--body-file", inputs[i], NULL);
      expect_failure (1, "batch", says, "batch", f->project, inputs[i], NULL);
    }
  expect_failure (1, "import", says, "import", f->project, qdc, NULL);

  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *commands_path = g_build_filename (f->dir, "commands.txt", NULL);
  g_autofree char *json_path = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) r = { 0 };

  /* Words quoted as in a shell, a memo over two lines, a command going on
   * after a backslash, a comment and a blank line; a tag used on the line
   * after the one that adds it; reads and an export among the changes. */
  text = g_strdup_printf ("# The codebook\n"
                              "tag-add 'Don'\\''t \"panic\"' --parent People\n"
                              "\n"
                              "highlight %s 0 5 --tag \"Don't \\\"panic\\\"\" \\\n"
                              "  --memo 'two\n"
                              "lines'\n"
                              "tags\n"
                              "export --format json -o %s\n",
                              doc, json_path);
  g_assert_true (g_file_set_contents (commands_path, text, -1, &error));
  g_assert_no_error (error);

  out = ok_cli ("batch", f->project, commands_path, NULL);
  /* What each prints alone, in order: two ids, then the codebook. */
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "3");
  g_assert_cmpstr (lines[1], ==, "2");
  g_assert_true (g_str_has_prefix (lines[2], "People\t"));
  g_assert_true (g_str_has_prefix (lines[3], "  People/Crews\t"));
  g_assert_true (g_str_has_prefix (lines[4], "  People/Don't \"panic\"\t"));
  g_assert_true (g_str_has_suffix (lines[4], "\t1"));
  g_assert_cmpstr (lines[5], ==, "");

  /* Done, each change committed, as if run one by one. */
  g_assert_true (g_file_get_contents (json_path, &json, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"memo\": \"two\\nlines\""));
  g_clear_pointer (&out, g_free);
  out = ok_cli ("tags", f->project, NULL);
  expected = g_strjoinv ("\n", lines + 2);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  out = ok_cli ("check", f->project, NULL);
  g_assert_cmpstr (out, ==, "ok\n");
  g_clear_pointer (&out, g_free);

  /* From standard input; a check among the commands (it opens the file
   * its own way). */
  run_batch_stdin (&r, f->project, "tag-add Stdin\ncheck\n");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "4\nok\n");
  g_assert_cmpstr (r.err, ==, "");
  run_clear (&r);

  /* The first failure stops the batch: what came before is done, what
   * comes after is not run, and its line is named, the command in full. */
  run_batch_stdin (&r, f->project,
                   "tag-add Before\n"
                   "\n"
                   "highlight 999 0 5 --tag Before --memo 'the one that fails'\n"
                   "tag-add After\n");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "5\n");
  lines = (g_strfreev (lines), g_strsplit (r.err, "\n", -1));
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "dossier-cli: highlight: "));
  g_assert_nonnull (strstr (lines[0], "999"));
  g_assert_true (g_str_has_prefix (lines[1], "dossier-cli: batch: line 3 failed: "));
  g_assert_nonnull (strstr (lines[1], "highlight 999 0 5 --tag Before --memo 'the one that fails'"));
  run_clear (&r);
  out = ok_cli ("tags", f->project, NULL);
  g_assert_nonnull (strstr (out, "\nBefore\t"));
  g_assert_null (strstr (out, "After"));
  g_clear_pointer (&out, g_free);

  /* What cannot go in a batch, or cannot be read: one line naming the
   * line, exit 2, and nothing done. */
  before = snapshot (f);
  {
    static const struct { const char *input; const char *needle; } refused[] = {
      { "\nfrobnicate 1\ntag-add Z1\n", "line 2: unknown command “frobnicate”" },
      { "new other.dossier\n", "line 1: “new” cannot run in a batch" },
      { "tags --help\n", "line 1: --help does not go in a batch" },
      { "\n# two lines, then a quote left open\ntag-add 'Z2\n\n", "line 3: " },
      { "tag-add Z3 --colour red\n", "tag-add" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autofree char *after = NULL;

        run_batch_stdin (&r, f->project, refused[i].input);
        g_assert_cmpint (r.status, ==, 2);
        if (strstr (r.err, refused[i].needle) == NULL)
          g_error ("batch of “%s”: stderr does not mention “%s”: %s", refused[i].input,
                   refused[i].needle, r.err);
        run_clear (&r);
        after = snapshot (f);
        g_assert_cmpstr (after, ==, before);
      }
  }

  /* An empty batch does nothing, and says nothing. */
  run_batch_stdin (&r, f->project, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "");
  run_clear (&r);

  /* A file of commands that is not there, or a folder. */
  expect_failure (1, "batch", "nowhere.txt", "batch", f->project, "nowhere.txt", NULL);
  expect_failure (1, "batch", "folder", "batch", f->project, f->dir, NULL);
  /* A project that is not there: as any command says it. */
  expect_failure (1, "batch", "does not exist", "batch", "missing.dossier", commands_path, NULL);
}

/* ---- Stakeholders and arguments ------------------------------------------ */

/* Field @n (from 0) of line @line (from 0) of tab-separated @out. */
static char *
field_of (const char *out,
          guint       line,
          guint       n)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_auto(GStrv) fields = NULL;

  g_assert_cmpuint (g_strv_length (lines), >, line);
  fields = g_strsplit (lines[line], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), >, n);
  return g_strdup (fields[n]);
}

static void
test_analysis_tour (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *amelie = NULL;
  g_autofree char *crews = NULL;
  g_autofree char *list = NULL;
  g_autofree char *question = NULL;
  g_autofree char *pro = NULL;
  g_autofree char *con = NULL;
  g_autofree char *arguments = NULL;
  g_autofree char *mentions = NULL;
  g_autofree char *unreviewed = NULL;
  g_autofree char *suggest = NULL;
  g_autofree char *json = NULL;
  g_autofree char *field = NULL;

  /* A stakeholder with everything, found by any of its names. */
  amelie = ok_cli ("stakeholder-add", f->project, "Amélie Žáková", "--alias", "Zakova",
                   "--alias", "the deckhand", "--kind", "person", "--position", "-1",
                   "--power", "2", "--interest", "5", "--stance", "Against late fares", NULL);
  g_assert_cmpstr (amelie, ==, "1\n");
  crews = ok_cli ("stakeholder-add", f->project, "Ferry crews", "--kind", "civil-society", NULL);
  g_assert_cmpstr (crews, ==, "2\n");

  list = ok_cli ("stakeholders", f->project, NULL);
  g_assert_cmpstr (list, ==,
                   "1\tAmélie Žáková\tperson\t-1\t2\t5\t1\t1\t0\tZakova; the deckhand\n"
                   "2\tFerry crews\tcivil-society\t-\t3\t3\t3\t2\t0\t\n");

  mentions = ok_cli ("mentions", f->project, "ZAKOVA", NULL);
  field = field_of (mentions, 0, 4);
  g_assert_cmpstr (field, ==, "Amélie Žáková");
  g_clear_pointer (&field, g_free);

  /* The tour's highlight covers the title's "Ferry crews": two mentions
   * are left to read, in the first document and in the HTML one. */
  unreviewed = ok_cli ("mentions", f->project, "Ferry crews", "--unreviewed", NULL);
  {
    g_auto(GStrv) lines = g_strsplit (unreviewed, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);  /* two lines, then "" */
  }
  field = field_of (unreviewed, 0, 4);
  g_assert_nonnull (strstr (field, "The «ferry crews» met"));
  g_clear_pointer (&field, g_free);
  field = field_of (unreviewed, 1, 4);
  g_assert_nonnull (strstr (field, "«Ferry crews» said"));
  g_clear_pointer (&field, g_free);

  /* A question, a pro and a con from a stakeholder's perspective. */
  question = ok_cli ("question-add", f->project, "Should fares rise in May?", NULL);
  g_assert_cmpstr (question, ==, "1\n");
  pro = ok_cli ("argument-add", f->project, "1", "--pro", "The timetable pays for itself",
                "--strength", "4", NULL);
  con = ok_cli ("argument-add", f->project, "should fares rise in may?", "--con",
                "Night crews lose shifts", "--stakeholder", "zakova", NULL);
  g_assert_cmpstr (con, ==, "2\n");
  g_free (ok_cli ("evidence-add", f->project, "1", "--argument", "2", "--note", "in her words",
                  NULL));
  g_free (ok_cli ("evidence-add", f->project, "1", "--stakeholder", "Ferry crews", "--role",
                  "stance", "--position", "1", NULL));

  /* A statement starting with a dash, after "--" where the options end
   * (after the project: "--" was taken for one more argument). */
  g_free (ok_cli ("argument-add", f->project, "--con", "--", "1", "-5 °C at the quay is no fare",
                  NULL));

  arguments = ok_cli ("arguments", f->project, NULL);
  g_assert_cmpstr (arguments, ==,
                   "1\tShould fares rise in May?\t1\t4\t2\t6\n"
                   "  1\tpro\t4\t0\t0\t\tThe timetable pays for itself\n"
                   "  2\tcon\t3\t1\t1\tAmélie Žáková\tNight crews lose shifts\n"
                   "  3\tcon\t3\t0\t0\t\t-5 °C at the quay is no fare\n");

  /* The JSON export carries them, evidence as highlight ids. */
  json = snapshot (f);
  g_assert_nonnull (strstr (json, "\"stance_position\": -1"));
  g_assert_nonnull (strstr (json, "\"evidence\": [{\"highlight\": 1, \"note\": \"\", "
                                  "\"role\": \"stance\", \"stance_position\": 1}]"));
  g_assert_nonnull (strstr (json, "\"questions\": [\n    {\"id\": 1"));

  /* Suggestions leave out who is already there. */
  suggest = ok_cli ("suggest", f->project, doc, NULL);
  g_assert_null (strstr (suggest, "Žáková"));
}

/* suggest says what the window says: another name of a stakeholder the
 * project has is offered as its alias ("alias", its id first), not as a
 * stakeholder; a suggestion the text never names but says otherwise is
 * followed by how it says it ("only-as", the words as the text has
 * them). The stakeholder lines keep their five fields. The traders who
 * object are a group that acts, and one stakeholder. */
static void
test_suggest_as_the_window (Fixture       *f,
                            gconstpointer  data)
{
  static const char tram[] =
    "# Tram plan\n\n"
    "PORT KESSEL, 4 May — The city council voted for the tram plan on Tuesday. Traders in "
    "Port Kessel objected, and the council will meet them.\n\n"
    "The Island Traders Guild said the plan would cost its members dear. The Island Traders "
    "Guild will write to every councillor, said Mara Quill, who runs the fish stall.\n";
  g_autofree char *md = write_file (f, "tram.md", tram, -1);
  g_autofree char *out = NULL;
  g_autofree char *guild = NULL;
  g_autofree char *suggest = NULL;

  g_free (ok_cli ("new", f->project, NULL));
  out = ok_cli ("import", f->project, md, NULL);
  g_assert_true (g_str_has_prefix (out, "1\t"));
  guild = ok_cli ("stakeholder-add", f->project, "Lindenport Island Traders Guild", "--kind",
                  "business", NULL);
  g_assert_cmpstr (guild, ==, "1\n");

  suggest = ok_cli ("suggest", f->project, "1", NULL);
  g_assert_cmpstr (suggest, ==,
                   "alias\t1\t2\tIsland Traders Guild\t\n"
                   "stakeholder\t1\tbusiness\tTraders in Port Kessel\t\n"
                   "stakeholder\t1\tperson\tMara Quill\t\n"
                   "stakeholder\t0\tgovernment\tPort Kessel council\t\n"
                   "only-as\tPort Kessel council\tthe council\n");
}

/* A name and an alias of 1 MB from someone else's file: listed as the
 * window shows them (dossier_text_shown ()), not whole — the alias cut
 * after its first DOSSIER_TEXT_SHOWN_MAX - 1 characters, the name's run
 * of letters after DOSSIER_TEXT_SHOWN_RUN_MAX - 1, each ending in "…". */
static void
test_huge_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *list = NULL;
  g_autofree char *name = NULL;
  g_autofree char *aliases = NULL;
  g_autofree char *letters = NULL;
  g_autofree char *expected_name = NULL;
  g_autoptr(GString) expected_aliases = g_string_new ("Crews; ");

  g_free (ok_cli ("stakeholder-add", f->project, "Ferry crews", "--alias", "Crews", NULL));
  test_sql_exec (f->project,
                 "UPDATE stakeholders SET name = printf ('%.*c', 1000000, 'n'), "
                 "  aliases = 'Crews' || char (10) || replace (printf ('%.*c', 200000, 'x'), 'x', 'word ');");

  list = ok_cli ("stakeholders", f->project, NULL);
  g_assert_cmpuint (strlen (list), <, 4 * DOSSIER_TEXT_SHOWN_MAX);

  name = field_of (list, 0, 1);
  letters = g_strnfill (DOSSIER_TEXT_SHOWN_RUN_MAX - 1, 'n');
  expected_name = g_strconcat (letters, "…", NULL);
  g_assert_cmpstr (name, ==, expected_name);

  aliases = field_of (list, 0, 9);
  while (g_utf8_strlen (expected_aliases->str, -1) < DOSSIER_TEXT_SHOWN_MAX - 1)
    g_string_append (expected_aliases, "word ");
  g_string_truncate (expected_aliases, DOSSIER_TEXT_SHOWN_MAX - 1);
  g_string_append (expected_aliases, "…");
  g_assert_cmpstr (aliases, ==, expected_aliases->str);
}

static void
test_analysis_bad_input (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_free (ok_cli ("stakeholder-add", f->project, "Ferry crews", NULL));
  g_free (ok_cli ("question-add", f->project, "Should fares rise?", NULL));
  before = snapshot (f);

  expect_failure (2, "stakeholder-add", "PROJECT NAME", "stakeholder-add", f->project, NULL);
  expect_failure (2, "stakeholder-add", "--power", "stakeholder-add", f->project, "X", "--power",
                  "6", NULL);
  expect_failure (2, "stakeholder-add", "--position", "stakeholder-add", f->project, "X",
                  "--position", "3", NULL);
  expect_failure (2, "stakeholder-add", "unknown kind", "stakeholder-add", f->project, "X",
                  "--kind", "alien", NULL);
  expect_failure (2, "stakeholder-add", "official, person, legislature", "stakeholder-add",
                  f->project, "X", "--kind", "alien", NULL);
  expect_failure (1, "stakeholder-add", "already", "stakeholder-add", f->project, "FERRY CREWS",
                  NULL);
  expect_failure (1, "stakeholder-add", "letter or digit", "stakeholder-add", f->project, "…",
                  NULL);
  expect_failure (1, "stakeholder-add", "colour", "stakeholder-add", f->project, "X", "--color",
                  "red", NULL);
  expect_failure (1, "mentions", "no stakeholder", "mentions", f->project, "Nobody", NULL);
  expect_failure (1, "mentions", "no document", "mentions", f->project, "--doc", "99", NULL);
  expect_failure (2, "argument-add", "--pro", "argument-add", f->project, "1", "x", NULL);
  expect_failure (2, "argument-add", "--pro", "argument-add", f->project, "1", "--pro", "--con",
                  "x", NULL);
  expect_failure (1, "argument-add", "no question", "argument-add", f->project, "7", "--pro", "x",
                  NULL);
  expect_failure (1, "argument-add", "statement", "argument-add", f->project, "1", "--con", " ",
                  NULL);
  expect_failure (1, "argument-add", "no stakeholder", "argument-add", f->project, "1", "--con",
                  "x", "--stakeholder", "Nobody", NULL);
  expect_failure (2, "argument-add", "--strength", "argument-add", f->project, "1", "--con", "x",
                  "--strength", "0", NULL);
  expect_failure (1, "question-add", "question", "question-add", f->project, "", NULL);
  expect_failure (2, "evidence-add", "--stakeholder or --argument", "evidence-add", f->project,
                  "1", NULL);
  expect_failure (2, "evidence-add", "unknown role", "evidence-add", f->project, "1",
                  "--stakeholder", "Ferry crews", "--role", "mood", NULL);
  expect_failure (2, "evidence-add", "--role stance", "evidence-add", f->project, "1",
                  "--stakeholder", "Ferry crews", "--position", "1", NULL);
  expect_failure (1, "evidence-add", "highlight 42", "evidence-add", f->project, "42",
                  "--stakeholder", "Ferry crews", NULL);
  expect_failure (1, "evidence-add", "argument 5", "evidence-add", f->project, "1",
                  "--argument", "5", NULL);
  expect_failure (1, "suggest", "no document", "suggest", f->project, "99", NULL);
  expect_failure (2, "suggest", "DOC", "suggest", f->project, "one", NULL);

  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

/* ---- Briefing notes ---------------------------------------------------- */

/* The UUID of the project's first highlight, from the JSON export. */
static char *
first_highlight_uuid (Fixture *f)
{
  g_autofree char *json = ok_cli ("export", f->project, "--format", "json", NULL);
  const char *highlights = strstr (json, "\"highlights\": [");
  const char *uuid;

  g_assert_nonnull (highlights);
  uuid = strstr (highlights, "\"uuid\": \"");
  g_assert_nonnull (uuid);
  return g_strndup (uuid + strlen ("\"uuid\": \""), 36);
}

static void
test_briefing (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *uuid = first_highlight_uuid (f);
  g_autofree char *body = g_strdup_printf ("## Crews\n\nThe crews [@%s] and <b>bold</b>.\n", uuid);
  g_autofree char *body_path = write_file (f, "body.md", body, -1);
  g_autofree char *latin1 = write_file (f, "latin1.md", "caf\xe9 [@x]\n", -1);
  g_autofree char *id = NULL;
  g_autofree char *list = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *md = NULL;
  g_autofree char *check = NULL;
  g_autofree char *sections = NULL;
  g_autofree char *before = NULL;
  g_autofree char *html_path = g_build_filename (f->dir, "note.html", NULL);
  g_autofree char *html = NULL;

  id = ok_cli ("briefing-new", f->project, "Ferry note", "--doc", doc, "--body-file", body_path, NULL);
  g_assert_cmpstr (id, ==, "1\n");
  id[1] = '\0';

  list = ok_cli ("briefings", f->project, NULL);
  expected = g_strdup_printf ("1\tFerry note\t%s\t1\t0\t", doc);
  g_assert_true (g_str_has_prefix (list, expected));

  shown = ok_cli ("briefing", f->project, id, NULL);
  g_assert_cmpstr (shown, ==, body);
  check = ok_cli ("briefing", f->project, id, "--check", NULL);
  g_assert_cmpstr (check, ==, "ok: 1 citation verified\n");
  sections = ok_cli ("briefing", f->project, id, "--sections", NULL);
  g_assert_cmpstr (sections, ==, "Crews\t1\n");
  /* A citation of a highlight not in the project backs nothing: counted
   * apart. */
  {
    g_autofree char *ghost = g_strdup_printf ("## Crews\n\nThe crews [@%s] [@%s].\n", uuid,
                                              "0c5bd1de-7a3c-4f0e-9a55-2d7b1f4e8a01");
    g_autofree char *counted = NULL;

    g_free (ok_cli ("briefing-set", f->project, id, "--body", ghost, NULL));
    counted = ok_cli ("briefing", f->project, id, "--sections", NULL);
    g_assert_cmpstr (counted, ==, "Crews\t1\t1 no longer verifies\n");
    g_free (ok_cli ("briefing-set", f->project, id, "--body-file", body_path, NULL));
  }

  /* The export: the quote as its footnote, the note's HTML as text. */
  md = ok_cli ("export", f->project, "--briefing", id, "--format", "markdown", NULL);
  g_assert_true (g_str_has_prefix (md, "# Ferry note\n"));
  g_assert_nonnull (strstr (md, "## Crews\n\nThe crews [^1] and \\<b\\>bold\\</b\\>.\n"));
  g_assert_nonnull (strstr (md, "[^1]: “y crews vot” — *Ferry crews vote on the harbour timetable*"));
  g_free (ok_cli ("export", f->project, "--briefing", id, "-o", html_path, "--appendix", NULL));
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (html, "<blockquote><p dir=\"auto\">y crews vot</p></blockquote>"));
  g_assert_nonnull (strstr (html, "Cited passages by source"));

  /* As PDF (the format from the name, or given), on Letter paper; its text
   * read back with pdftotext. */
  {
    g_autofree char *pdf_path = g_build_filename (f->dir, "note.pdf", NULL);
    g_autofree char *pdf = NULL;
    g_autofree char *text = NULL;
    gsize length = 0;
    int status = 0;
    const char *argv[] = { "pdftotext", pdf_path, "-", NULL };

    g_free (ok_cli ("export", f->project, "--briefing", id, "-o", pdf_path, "--paper", "letter", NULL));
    g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
    g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text,
                                 NULL, &status, NULL));
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (text, "Ferry note"));
    g_assert_nonnull (strstr (text, "1. “y crews vot” — Ferry crews vote on the harbour timetable"));
    g_clear_pointer (&pdf, g_free);
    g_free (ok_cli ("export", f->project, "--briefing", id, "--format", "PDF", "-o", pdf_path, NULL));
    g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
    g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  }

  /* Changes, each checked before anything is written. */
  g_free (ok_cli ("briefing-set", f->project, id, "--title", "Crews note", "--body", "Nothing cited.",
                  NULL));
  g_clear_pointer (&list, g_free);
  list = ok_cli ("briefings", f->project, NULL);
  g_assert_nonnull (strstr (list, "\tCrews note\t"));
  g_assert_nonnull (strstr (list, "\t0\t0\t"));

  before = snapshot (f);
  expect_failure (1, "briefing-set", "not UTF-8", "briefing-set", f->project, id, "--title", "New",
                  "--body-file", latin1, NULL);
  expect_failure (1, "briefing-set", "no document 99", "briefing-set", f->project, id, "--title", "New",
                  "--doc", "99", NULL);
  expect_failure (2, "briefing-set", "title", "briefing-set", f->project, id, "--title", "  ", NULL);
  expect_failure (2, "briefing-set", "nothing to change", "briefing-set", f->project, id, NULL);
  expect_failure (1, "briefing-set", "no briefing note 7", "briefing-set", f->project, "7",
                  "--title", "x", NULL);
  expect_failure (2, "briefing-new", "one of", "briefing-new", f->project, "x", "--template",
                  "--body", "y", NULL);
  expect_failure (1, "briefing-new", "title", "briefing-new", f->project, " ", NULL);
  expect_failure (2, "export", "markdown, html or pdf", "export", f->project, "--briefing", id,
                  "--format", "csv", NULL);
  expect_failure (2, "export", "unknown paper “a5”", "export", f->project, "--briefing", id,
                  "--format", "pdf", "--paper", "a5", NULL);
  expect_failure (2, "export", "--paper goes with", "export", f->project, "--briefing", id,
                  "--format", "html", "--paper", "a4", NULL);
  expect_failure (2, "export", "pdf is for a briefing note", "export", f->project, "--format", "pdf",
                  NULL);
  expect_failure (2, "export", "--doc", "export", f->project, "--briefing", id, "--doc", doc,
                  "--format", "html", NULL);
  expect_failure (2, "export", "--briefing", "export", f->project, "--appendix", "--format", "html", NULL);
  expect_failure (1, "export", "no briefing note", "export", f->project, "--briefing", "9",
                  "--format", "html", NULL);
  {
    g_autofree char *after = snapshot (f);

    g_assert_cmpstr (after, ==, before);
  }

  /* A note citing a highlight that is not there is refused, naming it by
   * where the note cites it (never by its UUID), unless allowed, then
   * marked. */
  g_free (ok_cli ("briefing-set", f->project, id, "--body",
                  "## Crews\n\nThe crews met on *Monday* [@00000000-0000-4000-8000-000000000000].", NULL));
  {
    g_auto(Run) r = { 0 };

    /* As "check" does: the problems on stdout, exit 1. */
    run_cli (&r, "briefing", f->project, id, "--check", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.out, ==, "[1] cited after “The crews met on Monday” in “Crews”: "
                                "the cited highlight is no longer in this project (it was deleted, "
                                "or the citation comes from another project)\n");
  }
  {
    g_auto(Run) r = { 0 };

    run_cli (&r, "export", f->project, "--briefing", id, "--format", "markdown", NULL);
    assert_failure (&r, 1, "export", "cannot be verified");
    g_assert_nonnull (strstr (r.err, "[1] cited after “The crews met on Monday” in “Crews”: "
                                     "the cited highlight is no longer in this project"));
    g_assert_null (strstr (r.err, "00000000-"));
  }
  g_clear_pointer (&md, g_free);
  md = ok_cli ("export", f->project, "--briefing", id, "--format", "markdown", "--allow-unverified",
               NULL);
  g_assert_nonnull (strstr (md, "[^1]: **Unverified:**"));

  /* The template; then deleting. */
  g_clear_pointer (&id, g_free);
  id = ok_cli ("briefing-new", f->project, "From the template", "--template", NULL);
  g_assert_cmpstr (id, ==, "2\n");
  g_clear_pointer (&shown, g_free);
  shown = ok_cli ("briefing", f->project, "2", NULL);
  g_assert_true (g_str_has_prefix (shown, "## Purpose\n"));
  g_assert_nonnull (strstr (shown, "## Options and recommendation\n"));
  g_free (ok_cli ("briefing-set", f->project, "2", "--delete", NULL));
  g_clear_pointer (&list, g_free);
  list = ok_cli ("briefings", f->project, NULL);
  g_assert_null (strstr (list, "From the template"));
}

/* ---- Exchange: REFI-QDA, W3C, replacing a text ---------------------------- */

static void
test_exchange (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = make_project (f);
  g_autofree char *qdpx = g_build_filename (f->dir, "out.qdpx", NULL);
  g_autofree char *qdc = g_build_filename (f->dir, "out.qdc", NULL);
  g_autofree char *w3c = g_build_filename (f->dir, "out.jsonld", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.dossier", NULL);
  g_autofree char *report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  /* Export: qdpx for a tool, qdc, W3C; the format from -o's extension. */
  g_free (ok_cli ("export", f->project, "--format", "qdpx", "--target", "maxqda", "-o", qdpx, NULL));
  g_assert_true (g_file_get_contents (qdpx, &contents, &len, NULL));
  g_assert_true (len > 4 && memcmp (contents, "PK\003\004", 4) == 0);
  g_free (ok_cli ("export", f->project, "-o", qdc, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (qdc, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""));
  g_free (ok_cli ("export", f->project, "--format", "w3c", "-o", w3c, NULL));

  expect_failure (2, "export", "--target", "export", f->project, "--format", "json", "--target", "nvivo", NULL);
  expect_failure (2, "export", "excel", "export", f->project, "--format", "qdpx", "--target", "excel",
                  "-o", qdpx, NULL);

  /* Import into a new project: the report says what came in. */
  g_free (ok_cli ("new", copy, NULL));
  report = ok_cli ("import", copy, qdpx, NULL);
  g_assert_true (g_str_has_prefix (report, "Imported “out.qdpx” (REFI-QDA project):\n"));
  g_assert_nonnull (strstr (report, "3 documents, 2 new tags, 1 highlight, 1 with a memo"));
  g_clear_pointer (&report, g_free);
  report = ok_cli ("import", copy, w3c, NULL);
  g_assert_nonnull (strstr (report, "(W3C Web Annotations)"));
  g_assert_nonnull (strstr (report, "1 highlight"));

  /* A hostile archive: one line, exit 1, nothing changed. */
  {
    g_autofree char *evil = g_build_filename (f->dir, "evil.qdpx", NULL);
    g_autofree char *zip = g_build_filename (f->dir, "evil-src", NULL);
    const char *argv[] = { "python3", "-c",
      "import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1], 'w')\n"
      "z.writestr('project.qde', '<Project name=\"x\"/>')\n"
      "z.writestr('../../escape.txt', 'owned')\n"
      "z.close()\n", evil, NULL };
    g_autofree char *python = g_find_program_in_path ("python3");

    (void) zip;
    if (python != NULL)
      {
        int status;

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                     NULL, NULL, &status, NULL));
        before = snapshot (f);
        expect_failure (1, "import", "outside the project", "import", f->project, evil, NULL);
        after = snapshot (f);
        g_assert_cmpstr (after, ==, before);
      }
  }

  /* Replace a text with a newer version: a line per highlight, a count. */
  {
    g_autofree char *text = ok_cli ("text", f->project, id, NULL);
    g_autofree char *newer = g_strconcat ("Correction: the meeting was on Tuesday.\n\n", text, NULL);
    g_autofree char *path = write_file (f, "newer.txt", newer, -1);
    g_autofree char *out = ok_cli ("replace-text", f->project, id, path, NULL);
    g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_str_has_prefix (lines[0], "moved\t"));
    g_assert_cmpstr (lines[1], ==, "0 exact, 1 moved, 0 approximate, 0 orphaned");
    g_clear_pointer (&out, g_free);
    out = ok_cli ("check", f->project, NULL);
    g_assert_cmpstr (out, ==, "ok\n");

    expect_failure (1, "replace-text", "no document 99", "replace-text", f->project, "99", path, NULL);
    expect_failure (2, "replace-text", NULL, "replace-text", f->project, id, NULL);
    expect_failure (1, "replace-text", "missing.txt", "replace-text", f->project, id,
                    "/nonexistent/missing.txt", NULL);
  }
}

/* ---- Texts over their most ------------------------------------------------ */

/* A project from elsewhere holding a title, memos, a question, an
 * argument, descriptions, a stance, interests and notes on evidence longer
 * than Dossier writes them: check lists each, with its row and length, as
 * it lists long names, and exits 1. */
static void
test_check_long_texts (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sample = NULL;
  gsize len = 0;
  GError *error = NULL;
  g_auto(Run) r = { 0 };

  g_assert_true (g_file_get_contents (g_getenv ("DOSSIER_SAMPLE_PROJECT"), &sample, &len, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (f->project, sample, len, &error));
  g_assert_no_error (error);
  /* Each one character over its most, the one after it at its most. */
  test_sql_exec (f->project,
                 "UPDATE project SET title = printf ('%.*c', 501, 'p');"
                 "UPDATE highlights SET memo = printf ('%.*c', 20001, 'm') WHERE id = 2;"
                 "UPDATE highlights SET memo = printf ('%.*c', 20000, 'm') WHERE id = 3;"
                 "UPDATE questions SET text = printf ('%.*c', 2001, 'q') WHERE id = 1;"
                 "UPDATE arguments SET statement = printf ('%.*c', 2001, 'a') WHERE id = 2;"
                 "UPDATE tags SET description = printf ('%.*c', 20001, 'd') WHERE id = 3;"
                 "UPDATE stakeholders SET description = printf ('%.*c', 20001, 'd'), "
                 "  stance = printf ('%.*c', 20002, 's'), interests = printf ('%.*c', 20003, 'i') "
                 "  WHERE id = 1;"
                 "UPDATE stakeholder_evidence SET note = printf ('%.*c', 20004, 'n') "
                 "  WHERE stakeholder = 2;"
                 "UPDATE argument_evidence SET note = printf ('%.*c', 20005, 'n') "
                 "  WHERE argument = (SELECT min (argument) FROM argument_evidence);");

  run_cli (&r, "check", f->project, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "The project’s title is 501 characters long, more than the 500 a "
                                   "title may have; rename it.\n"));
  g_assert_nonnull (strstr (r.out, "Highlight 2: its memo is 20001 characters long, more than the "
                                   "20000 a memo may have; edit it.\n"));
  g_assert_null (strstr (r.out, "Highlight 3:"));
  g_assert_nonnull (strstr (r.out, "Question 1: it is 2001 characters long, more than the 2000 a "
                                   "question may have; edit it.\n"));
  g_assert_nonnull (strstr (r.out, "Argument 2: its statement is 2001 characters long, more than the "
                                   "2000 a statement may have; edit it.\n"));
  g_assert_nonnull (strstr (r.out, "Tag 3: its description is 20001 characters long, more than the "
                                   "20000 a description may have; edit it.\n"));
  g_assert_nonnull (strstr (r.out, "Stakeholder 1: its description is 20001 characters long, more "
                                   "than the 20000 a description may have; edit it.\n"));
  g_assert_nonnull (strstr (r.out, "Stakeholder 1: its stance is 20002 characters long, more than "
                                   "the 20000 a stance may have; edit it.\n"));
  g_assert_nonnull (strstr (r.out, "Stakeholder 1: its interests are 20003 characters long, more "
                                   "than the 20000 they may have; edit them.\n"));
  g_assert_nonnull (strstr (r.out, "Stakeholder 2: a note on its evidence is 20004 characters long, "
                                   "more than the 20000 a note may have; edit it.\n"));
  g_assert_nonnull (strstr (r.out, ": a note on its evidence is 20005 characters long, more than the "
                                   "20000 a note may have; edit it.\n"));
  /* Nothing else is wrong with the sample. */
  {
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 11);  /* ten lines, then "" */
  }
}

/* ---- Comparing documents ------------------------------------------------ */

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sample = NULL;
  g_autofree char *table = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *shares = NULL;
  g_autofree char *diverge = NULL;
  g_autofree char *diverge_json = NULL;
  g_autofree char *md = NULL;
  g_autofree char *svg_path = g_build_filename (f->dir, "matrix.svg", NULL);
  g_autofree char *png_path = g_build_filename (f->dir, "matrix.png", NULL);
  g_autofree char *html_path = g_build_filename (f->dir, "excerpts.html", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *png = NULL;
  g_autofree char *html = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len = 0;
  GError *error = NULL;

  /* The bundled sample, copied: three reports of one vote. */
  g_assert_true (g_file_get_contents (g_getenv ("DOSSIER_SAMPLE_PROJECT"), &sample, &len, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (f->project, sample, len, &error));
  g_assert_no_error (error);
  g_free (ok_cli ("tag-add", f->project, "=HYPERLINK(\"x\")", NULL));
  before = snapshot (f);

  /* The matrix of every document: named above, counted below. */
  table = ok_cli ("compare", f->project, NULL);
  g_assert_true (g_str_has_prefix (table, "[1] Port Calder votes to close Harbour Bridge to cars — "
                                          "The Calder Tribune, 2025-03-12\n"));
  g_assert_nonnull (strstr (table, "[3] Port Calder Approves"));
  g_assert_nonnull (strstr (table, "\n  Costs "));
  g_assert_nonnull (strstr (table, "\nTotal "));

  /* CSV: the chosen documents in the chosen order, a formula made text. */
  csv = ok_cli ("compare", f->project, "3", "1", "--format", "csv", NULL);
  g_assert_true (g_str_has_prefix (csv, "id,row,detail,depth,Port Calder Approves Car-Free"));
  g_assert_nonnull (strstr (csv, ",Port Calder votes to close Harbour Bridge to cars,total\r\n"));
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"x\"\")\","));
  g_assert_null (strstr (csv, ",=HYPERLINK"));

  json = ok_cli ("compare", f->project, "--rows", "stakeholders", "--measure", "mentions",
                 "--format", "json", "--skip-empty", NULL);
  g_assert_true (g_str_has_prefix (json, "{\"rows_kind\": \"stakeholders\", \"measure\": \"mentions\""));
  g_assert_nonnull (strstr (json, "\"label\": \"Calder Sound Ferries\""));

  shares = ok_cli ("compare", f->project, "--by", "stakeholder", "--measure", "per-1000",
                   "--docs", "1,2", NULL);
  g_assert_nonnull (strstr (shares, "Port Calder City Council "));
  g_assert_null (strstr (shares, "[3]"));
  g_assert_nonnull (strstr (shares, "."));  /* shares, not counts */

  /* Sorted: stakeholders by total, largest first; documents by title. */
  {
    g_autofree char *sorted = ok_cli ("compare", f->project, "--rows", "stakeholders", "--sort", "total",
                                      "--format", "csv", NULL);
    g_autofree char *by_title = ok_cli ("compare", f->project, "1", "3", "--sort-documents", "title",
                                        "--format", "csv", NULL);
    g_autofree char *reversed = ok_cli ("compare", f->project, "1", "3", "--sort-documents", "title",
                                        "--sort", "name", "--reverse", "--format", "csv", NULL);
    g_auto(GStrv) lines = g_strsplit (sorted, "\r\n", -1);
    double last = G_MAXDOUBLE;
    guint n = 0;

    /* Every row but the header and the totals' line. */
    for (guint i = 1; lines[i] != NULL && lines[i + 1] != NULL && *lines[i + 1] != '\0'; i++, n++)
      {
        double total = g_ascii_strtod (strrchr (lines[i], ',') + 1, NULL);

        g_assert_cmpfloat (total, <=, last);
        last = total;
      }
    g_assert_cmpuint (n, >=, 3);
    g_assert_true (g_str_has_prefix (by_title, "id,row,detail,depth,Port Calder Approves Car-Free"));
    g_assert_true (g_str_has_prefix (reversed, "id,row,detail,depth,Port Calder Approves Car-Free"));
  }

  /* Pictures. */
  g_free (ok_cli ("compare", f->project, "--format", "svg", "-o", svg_path, "--per-1000", NULL));
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_free (ok_cli ("compare", f->project, "--format", "png", "-o", png_path, NULL));
  g_assert_true (g_file_get_contents (png_path, &png, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);

  /* Excerpts side by side: every row's, one section per document. */
  md = ok_cli ("compare", f->project, "--excerpts", "0", NULL);
  g_assert_true (g_str_has_prefix (md, "# Excerpts side by side\n\n## Port Calder votes"));
  g_assert_nonnull (strstr (md, "\n> "));
  /* Each passage names its tags, as --excerpts ROW's title names its row. */
  g_assert_cmpuint (test_count_occurrences (md, "\n\n> "), >, 0);
  g_assert_cmpuint (test_count_occurrences (md, "\n— *Tag"), ==, test_count_occurrences (md, "\n\n> "));
  g_free (ok_cli ("compare", f->project, "1", "2", "--excerpts", "0", "--format", "html",
                  "-o", html_path, NULL));
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_nonnull (strstr (html, "<section class=\"column\">"));
  g_assert_nonnull (strstr (html, "<blockquote><p dir=\"auto\">"));

  /* Divergences, with their passages. */
  diverge = ok_cli ("diverge", f->project, NULL);
  g_assert_true (g_str_has_prefix (diverge, "omission\t"));
  g_assert_nonnull (strstr (diverge, "\nplacement\t"));
  /* Figures of different things are not a disagreement: the grant offered
   * (£72 million), the sum above which the city pays (£164 million) and
   * the transit authority's share (£58 million). */
  g_assert_null (strstr (diverge, "\nfigures\tGovernment\t"));
  g_assert_null (strstr (diverge, "\nfigures\tCosts\t"));
  g_assert_nonnull (strstr (diverge, "\n  The Calder Tribune\t"));
  diverge_json = ok_cli ("diverge", f->project, "1", "3", "--format", "json", NULL);
  g_assert_true (g_str_has_prefix (diverge_json, "[\n {\"kind\": \"omission\""));

  /* Bad inputs: one clear line, nothing changed. */
  expect_failure (1, "diverge", "at least two", "diverge", f->project, "1", NULL);
  expect_failure (1, "compare", "no document 99", "compare", f->project, "1", "99", NULL);
  expect_failure (1, "compare", "chosen twice", "compare", f->project, "1", "1", NULL);
  expect_failure (1, "compare", "stakeholders only", "compare", f->project, "--measure", "mentions", NULL);
  expect_failure (2, "compare", "unknown rows", "compare", f->project, "--rows", "people", NULL);
  expect_failure (2, "compare", "unknown format", "compare", f->project, "--format", "pdf", NULL);
  expect_failure (2, "compare", "markdown or html", "compare", f->project, "--excerpts", "0",
                  "--format", "csv", NULL);
  expect_failure (2, "compare", NULL, "compare", f->project, "one", NULL);
  expect_failure (1, "compare", "among the rows", "compare", f->project, "--excerpts", "999", NULL);
  expect_failure (1, "compare", "folder", "compare", f->project, "-o", f->dir, NULL);
  expect_failure (2, "compare", "unknown sort", "compare", f->project, "--sort", "size", NULL);
  expect_failure (2, "compare", "unknown sort", "compare", f->project, "--sort-documents", "name-length", NULL);
  expect_failure (1, "compare", "not among those compared", "compare", f->project, "1", "2", "--sort", "3", NULL);
  expect_failure (2, "diverge", "unknown format", "diverge", f->project, "--format", "csv", NULL);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

/* ---- Text from someone else on a terminal ------------------------------ */

/* What a project from someone else can hold in any of its texts: a window
 * title set (OSC 0, ended by BEL), an OSC 8 link, the screen cleared, a
 * cursor move, a C1 CSI (as UTF-8, and as a lone byte that is not
 * UTF-8), a carriage return, DEL, and bidi controls that make the rest of
 * a line read backwards (RLO, RLI, PDF). */
#define HOSTILE \
  "\033]0;owned\007\033]8;;https://evil.example/\033\\\033[2J\033[1A\xc2\x9b" "31m\r\x7f" \
  "\xe2\x80\xae" "evil\xe2\x81\xa7" "txt\xe2\x80\xac"
/* A byte that is not UTF-8, 0x9b: CSI to an 8-bit terminal. (In a
 * document's text it makes the document damaged, and unused.) */
#define NOT_UTF8 "\x9b"
/* …and what must come through as it is. */
#define PLAIN "Café Žáková – مرحبا بالعالم – 你好 🚢"

/* @s as an SQL literal of type TEXT, whatever bytes it holds. */
static char *
sql_text_literal (const char *s)
{
  GString *sql = g_string_new ("cast(x'");

  for (const guchar *p = (const guchar *) s; *p != '\0'; p++)
    g_string_append_printf (sql, "%02x", *p);
  g_string_append (sql, "' AS TEXT)");
  return g_string_free (sql, FALSE);
}

/* Nothing in @out that a terminal would act on: no control but tab and
 * newline, no C1 control, no bidi embedding, override or isolate, and
 * only UTF-8. */
static void
assert_safe_for_terminal (const char *what,
                          const char *out)
{
  const char *end;

  if (!g_utf8_validate (out, -1, &end))
    g_error ("%s: not UTF-8 at byte %d: %s", what, (int) (end - out), out);
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0) ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        g_error ("%s: U+%04X at byte %d: %s", what, c, (int) (p - out), out);
    }
}

/* Runs dossier-cli as run_cli () does, but with stdout a terminal (a
 * pseudo-terminal in raw mode, so that it passes what it gets as it is).
 * FALSE when the system has none. */
static gboolean
run_cli_on_terminal (Run        *r,
                     const char *first,
                     ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) err = NULL;
  struct termios raw;
  va_list args;
  int master, slave;
  char buf[4096];
  ssize_t n;

  master = posix_openpt (O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt (master) != 0 || unlockpt (master) != 0)
    {
      if (master >= 0)
        close (master);
      return FALSE;
    }
  slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  g_assert_cmpint (slave, >=, 0);
  g_assert_cmpint (tcgetattr (slave, &raw), ==, 0);
  cfmakeraw (&raw);
  g_assert_cmpint (tcsetattr (slave, TCSANOW, &raw), ==, 0);

  g_ptr_array_add (argv, (char *) cli_path);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_take_stdout_fd (launcher, slave);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_clear_object (&launcher);  /* closes our end of the slave */

  g_subprocess_communicate (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  /* What it wrote waits in the terminal; once it has exited, reading
   * past it says EIO. */
  while ((n = read (master, buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
  close (master);

  memset (r, 0, sizeof *r);
  g_assert_true (g_subprocess_get_if_exited (process));
  r->status = g_subprocess_get_exit_status (process);
  r->out = g_string_free (g_steal_pointer (&out), FALSE);
  r->err = g_bytes_get_size (err) > 0 ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err))
                                      : g_strdup ("");
  return TRUE;
}

/* A terminal someone sits at: a pseudo-terminal in raw mode, held open,
 * whose screen (the master end) a thread reads all the time, so that a
 * command writing there never waits for room. */
typedef struct
{
  int       master;
  int       slave;
  char     *name;      /* of the slave: what /dev/tty is to a person at it */
  GThread  *reader;
  gint      stop;      /* atomic */
  gint      shown;     /* atomic: bytes that reached the screen */
  GMutex    lock;
  GString  *screen;    /* what reached it (under lock) */
} Terminal;

static gpointer
read_screen (gpointer data)
{
  Terminal *t = data;
  char buf[4096];

  while (!g_atomic_int_get (&t->stop))
    {
      struct pollfd pfd = { t->master, POLLIN, 0 };
      ssize_t n;

      if (poll (&pfd, 1, 50) <= 0 || (pfd.revents & POLLIN) == 0)
        continue;
      n = read (t->master, buf, sizeof buf);
      if (n <= 0)
        continue;
      g_mutex_lock (&t->lock);
      g_string_append_len (t->screen, buf, n);
      g_mutex_unlock (&t->lock);
      g_atomic_int_add (&t->shown, (gint) n);
    }
  return NULL;
}

/* FALSE when the system has no pseudo-terminal. */
static gboolean
terminal_open (Terminal *t)
{
  struct termios raw;

  memset (t, 0, sizeof *t);
  g_mutex_init (&t->lock);
  t->screen = g_string_new (NULL);
  t->master = posix_openpt (O_RDWR | O_NOCTTY);
  if (t->master < 0 || grantpt (t->master) != 0 || unlockpt (t->master) != 0)
    {
      if (t->master >= 0)
        close (t->master);
      return FALSE;
    }
  t->name = g_strdup (ptsname (t->master));
  t->slave = open (t->name, O_RDWR | O_NOCTTY);
  g_assert_cmpint (t->slave, >=, 0);
  g_assert_cmpint (tcgetattr (t->slave, &raw), ==, 0);
  cfmakeraw (&raw);
  g_assert_cmpint (tcsetattr (t->slave, TCSANOW, &raw), ==, 0);
  t->reader = g_thread_new ("screen", read_screen, t);
  return TRUE;
}

static void
terminal_close (Terminal *t)
{
  g_atomic_int_set (&t->stop, 1);
  g_thread_join (t->reader);
  close (t->slave);
  close (t->master);
  g_free (t->name);
  g_string_free (t->screen, TRUE);
  g_mutex_clear (&t->lock);
}

/* What reached @t's screen so far (free it). */
static char *
terminal_screen (Terminal *t)
{
  char *screen;

  g_mutex_lock (&t->lock);
  screen = g_strdup (t->screen->str);
  g_mutex_unlock (&t->lock);
  return screen;
}

/* Waits until @t's screen shows @needle, 30 s at most; what it shows. */
static char *
terminal_wait_for (Terminal   *t,
                   const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (;;)
    {
      char *screen = terminal_screen (t);

      if (strstr (screen, needle) != NULL)
        return screen;
      if (g_get_monotonic_time () > deadline)
        g_error ("the terminal never showed “%s”: %s", needle, screen);
      g_free (screen);
      g_usleep (1000);
    }
}

/* A PDF, a .qdpx (a zip archive) or a PNG asked for with -o naming a
 * terminal (/dev/tty, a /dev/pts/N, /dev/stdout on one) is refused as it
 * is when standard output is the terminal: it went to the terminal as
 * bytes, garbage there, its escape-like bytes acted on. Nothing reaches
 * the terminal; a text export to it is still written. */
static void
test_binary_to_terminal (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *id = NULL;
  Terminal t;

  id = ok_cli ("briefing-new", f->project, "Ferry note", "--doc", doc, NULL);
  g_strstrip (id);
  if (!terminal_open (&t))
    {
      g_test_skip ("no pseudo-terminal");
      return;
    }

  expect_failure (2, "export", "a PDF is no use on a terminal", "export", f->project,
                  "--briefing", id, "--format", "pdf", "-o", t.name, NULL);
  expect_failure (2, "export", "a .qdpx is a zip archive", "export", f->project,
                  "--format", "qdpx", "-o", t.name, NULL);
  expect_failure (2, "grid", "a PNG is an image", "grid", f->project, "--format", "png",
                  "-o", t.name, NULL);
  expect_failure (2, "compare", "a PNG is a picture", "compare", f->project, "--format", "png",
                  "-o", t.name, NULL);

  /* /dev/stdout when that is the terminal. */
  {
    g_auto(Run) r = { 0 };

    g_assert_true (run_cli_on_terminal (&r, "export", f->project, "--briefing", id,
                                        "--format", "pdf", "-o", "/dev/stdout", NULL));
    assert_failure (&r, 2, "export", "a PDF is no use on a terminal");
    g_assert_cmpstr (r.out, ==, "");
  }

  /* Text is for reading there: it arrives (and only now does anything). */
  g_assert_cmpint (g_atomic_int_get (&t.shown), ==, 0);
  g_free (ok_cli ("export", f->project, "--format", "csv", "-o", t.name, NULL));
  g_free (terminal_wait_for (&t, "Crews"));
  terminal_close (&t);
}

/* Everything dossier-cli prints for a person to read — document titles,
 * texts, tag names, stakeholders, questions, arguments, memos, notes,
 * error messages quoting a name — is made safe for the terminal: escape
 * sequences, other controls and bidi overrides from a project someone
 * else made show as harmless characters (ESC as ␛, a C1 control or a bidi
 * override as U+FFFD), one for one, while accents, Arabic, Chinese and
 * emoji print as they are. They reached the terminal raw: a window title
 * set, the screen cleared, a line reading backwards. */
static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *doc = make_project (f);
  g_autofree char *uuid = first_highlight_uuid (f);
  g_autofree char *body = g_strdup_printf ("## Crews\n\nThe crews [@%s].\n", uuid);
  g_autofree char *body_path = write_file (f, "body.md", body, -1);
  const char *hostile_tag = "Crews\033]0;owned\007";
  g_autofree char *hostile = NULL;
  g_autofree char *bad_name = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *new_text_sql = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *text = NULL;
  static const char *const readers[][6] = {
    { "documents", NULL },
    { "text", "1", NULL },
    { "tags", NULL },
    { "stakeholders", NULL },
    { "mentions", NULL },
    { "mentions", "--unreviewed", NULL },
    { "arguments", NULL },
    { "suggest", "1", NULL },
    { "briefings", NULL },
    { "briefing", "1", NULL },
    { "briefing", "1", "--check", NULL },
    { "briefing", "1", "--sections", NULL },
    { "compare", NULL },
    { "compare", "--rows", "stakeholders", "--measure", "mentions", NULL },
    { "diverge", NULL },
    { "check", NULL },
  };

  g_free (ok_cli ("stakeholder-add", f->project, "Ferry crews", "--alias", "crews", NULL));
  g_free (ok_cli ("question-add", f->project, "Should fares rise?", NULL));
  g_free (ok_cli ("argument-add", f->project, "1", "--pro", "Fares pay", "--stakeholder", "1",
                  NULL));
  g_free (ok_cli ("evidence-add", f->project, "1", "--argument", "1", "--note", "n", NULL));
  g_free (ok_cli ("briefing-new", f->project, "Note", "--doc", doc, "--body-file", body_path,
                  NULL));

  /* Every text a command prints, made hostile as a hand-made file can;
   * the first document's text too, its length and hash to match. */
  hostile = sql_text_literal (HOSTILE);
  bad_name = sql_text_literal (HOSTILE NOT_UTF8 " " PLAIN);
  old_text = test_sql_text (f->project, "SELECT text FROM documents WHERE id = 1");
  new_text = g_strconcat (old_text, HOSTILE PLAIN, NULL);
  new_text_sql = sql_text_literal (new_text);
  hash = dossier_text_hash (new_text);
  sql = g_strdup_printf (
    "UPDATE project SET title = 'Tour ' || %1$s;"
    "UPDATE documents SET title = title || %1$s || ' " PLAIN "', outlet = %2$s, author = %1$s,"
    "  published = %1$s;"
    "UPDATE documents SET text = %3$s, hash = '%4$s', length = %5$ld WHERE id = 1;"
    "UPDATE tags SET name = name || %2$s, description = %1$s;"
    "UPDATE highlights SET memo = %1$s, author = %1$s;"
    "UPDATE stakeholders SET name = name || %1$s || ' " PLAIN "', aliases = 'crews' || char(10) || %1$s,"
    "  stance = %1$s;"
    "UPDATE questions SET text = text || %1$s;"
    "UPDATE arguments SET statement = statement || %1$s;"
    "UPDATE argument_evidence SET note = %1$s;"
    "UPDATE briefings SET title = title || %1$s, body = body || %1$s || '" PLAIN "\n' || "
    "  '## ' || %1$s || '\n';",
    hostile, bad_name, new_text_sql, hash, (long) g_utf8_strlen (new_text, -1));
  test_sql_exec (f->project, sql);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      const char *const *c = readers[i];
      g_autofree char *what = g_strjoinv (" ", (char **) c);
      g_auto(Run) r = { 0 };

      /* The command, the project, then its arguments up to the NULL. */
      run_cli (&r, c[0], f->project, c[1], c[2], c[3], c[4], NULL);
      g_test_message ("%s: exit %d", what, r.status);
      g_assert_cmpint (r.status, !=, 2);
      assert_safe_for_terminal (what, r.out);
      assert_safe_for_terminal (what, r.err);
    }

  /* Shown visibly, one character for one; ordinary text as it is. */
  tags = ok_cli ("tags", f->project, NULL);
  {
    const char *expected = "/Crews␛]0;owned␇␛]8;;https://evil.example/␛\\␛[2J␛[1A\xef\xbf\xbd" "31m"
                           " ␡\xef\xbf\xbd" "evil\xef\xbf\xbd" "txt\xef\xbf\xbd\xef\xbf\xbd " PLAIN "\t";

    if (strstr (tags, expected) == NULL)
      g_error ("no “%s” in “%s”", expected, tags);
  }
  text = ok_cli ("text", f->project, "1", NULL);
  g_assert_nonnull (strstr (text, "\n\nThe ferry crews met on Monday at the Quai Mérové depot.\n"));
  g_assert_true (g_str_has_suffix (text, "␛[1A\xef\xbf\xbd" "31m␍␡\xef\xbf\xbd" "evil\xef\xbf\xbdtxt"
                                        "\xef\xbf\xbd" PLAIN "\n"));

  /* An error quoting a name says it as safely. */
  {
    g_auto(Run) r = { 0 };

    run_cli (&r, "export", f->project, "--format", "csv", "--tag", hostile_tag, NULL);
    assert_failure (&r, 1, "export", "there is no tag “Crews␛]0;owned␇”");
    assert_safe_for_terminal ("export --tag", r.err);
  }

  /* A file asked for on a terminal is shown there as safely; down a pipe
   * it is the file, exactly. */
  {
    static const char *const formats[] = { "markdown", "text", "csv", "html", "json" };

    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_auto(Run) r = { 0 };

        if (!run_cli_on_terminal (&r, "export", f->project, "--format", formats[i], NULL))
          {
            g_test_message ("no pseudo-terminal: exports to a terminal not tried");
            break;
          }
        g_assert_cmpstr (r.err, ==, "");
        g_assert_cmpint (r.status, ==, 0);
        assert_safe_for_terminal (formats[i], r.out);
        g_assert_nonnull (strstr (r.out, PLAIN));
      }
  }
  /* …and so is one -o names a terminal (/dev/tty, /dev/pts/N): it was
   * written there raw, escape sequences and all. */
  {
    static const char *const writers[][4] = {
      { "export", "--format", "markdown" }, { "export", "--format", "text" },
      { "export", "--format", "csv" }, { "export", "--format", "html" },
      { "export", "--format", "json" }, { "grid", "--format", "svg" },
      { "compare", "--format", "csv" },
    };
    Terminal t;

    if (terminal_open (&t))
      {
        for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
          {
            g_autofree char *what = g_strjoinv (" ", (char **) writers[i]);
            g_autofree char *end = g_strdup_printf ("\n(end of %u)\n", i);
            g_autofree char *screen = NULL;

            g_free (ok_cli (writers[i][0], f->project, writers[i][1], writers[i][2],
                            "-o", t.name, NULL));
            /* After what the command wrote, in order. */
            g_assert_cmpint (write (t.slave, end, strlen (end)), ==, strlen (end));
            screen = terminal_wait_for (&t, end);
            assert_safe_for_terminal (what, screen);
          }
        {
          g_autofree char *screen = terminal_screen (&t);

          g_assert_nonnull (strstr (screen, PLAIN));
          g_assert_nonnull (strstr (screen, "<svg"));
        }
        terminal_close (&t);
      }
  }
  {
    g_auto(Run) r = { 0 };

    if (run_cli_on_terminal (&r, "grid", f->project, "-o", "-", "--format", "svg", NULL))
      {
        g_assert_cmpint (r.status, ==, 0);
        assert_safe_for_terminal ("grid", r.out);
        g_assert_nonnull (strstr (r.out, "<svg"));
      }
    run_clear (&r);
    if (run_cli_on_terminal (&r, "compare", f->project, "--format", "csv", NULL))
      {
        g_assert_cmpint (r.status, ==, 0);
        assert_safe_for_terminal ("compare --format csv", r.out);
        g_assert_nonnull (strstr (r.out, PLAIN));
      }
  }
  {
    g_autofree char *json = snapshot (f);

    g_assert_nonnull (strstr (json, "\\u001b]0;owned\\u0007"));
    /* Kept in the project; the JSON export writes it escaped. */
    g_assert_nonnull (strstr (json, "\\u202e" "evil"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("DOSSIER_CLI");
  if (cli_path == NULL)
    {
      g_test_message ("DOSSIER_CLI is not set; run through meson test");
      return 77;
    }

  g_test_add_func ("/dossier/cli/help", test_help);
#define ADD(name, func) \
  g_test_add ("/dossier/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("tour", test_tour);
  ADD ("bad-files", test_bad_files);
  ADD ("import-continues", test_import_continues);
  ADD ("import-notes", test_import_notes);
  ADD ("huge-file", test_huge_file);
  ADD ("hostile-html", test_hostile_html);
  ADD ("bad-highlights", test_bad_highlights);
  ADD ("meta", test_meta);
  ADD ("no-locale", test_no_locale);
  ADD ("bad-projects", test_bad_projects);
  ADD ("export-destinations", test_export_destinations);
  ADD ("export-options", test_export_options);
  ADD ("briefing", test_briefing);
  ADD ("read-only-project", test_read_only_project);
  ADD ("read-commands-leave-folder", test_read_commands_leave_folder);
  ADD ("locked-project", test_locked_project);
  ADD ("index-rebuilt-said", test_index_rebuilt_said);
  ADD ("damaged-at-indexing-rebuilt", test_damaged_at_indexing_rebuilt);
  ADD ("index-could-not-be-indexed", test_index_could_not_be_indexed);
  ADD ("tag-id-not-above-zero", test_tag_id_not_above_zero);
  ADD ("analysis-tour", test_analysis_tour);
  ADD ("analysis-bad-input", test_analysis_bad_input);
  ADD ("huge-names", test_huge_names);
  ADD ("suggest-as-the-window", test_suggest_as_the_window);
  ADD ("exchange", test_exchange);
  ADD ("compare", test_compare);
  ADD ("check-long-texts", test_check_long_texts);
  ADD ("hostile-text", test_hostile_text);
  ADD ("binary-to-terminal", test_binary_to_terminal);
  ADD ("batch", test_batch);
  ADD ("project-as-input", test_project_as_input);
#undef ADD

  return g_test_run ();
}
