/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-briefing-pdf.c — a briefing note as PDF (libdossier-render), read
 * back with poppler's pdftotext and pdfinfo: the title, the documents
 * compared, the body's text, each citation's footnote (its quote, title,
 * outlet, date and section) in order at the foot of the page that first
 * cites it, the appendix by source, page numbers, A4 and Letter; an
 * unverifiable citation refuses the export and leaves no file (or is
 * printed marked, when allowed); a note that is not there, a cancel;
 * links (a Markdown link to its address, a citation to its footnote and
 * back); a footnote longer than a page continues on the next, every word
 * inside the margins. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "dossier-briefing-layout.h"
#include "dossier-unbroken-runs.h"
#include "briefing-fixture.h"

/* A name in CJK characters, drawn with Noto Sans CJK (fonts-noto-cjk), a
 * CFF font: cairo 1.16 leaks 768 bytes each time it subsets one into a PDF
 * (its own bug, with no symbol LeakSanitizer could suppress without hiding
 * every leak in cairo), so the AddressSanitizer build uses a Latin name. */
#if defined(__SANITIZE_ADDRESS__)
#define OWNER "Zhou Meilin"
#else
#define OWNER "周美林"
#endif

typedef BriefingFixture Fixture;

/* A stream in memory that counts the writes it is given. */
typedef struct
{
  GMemoryOutputStream parent_instance;
  guint               writes;
} CountingStream;

typedef GMemoryOutputStreamClass CountingStreamClass;

static GType counting_stream_get_type (void);
G_DEFINE_TYPE (CountingStream, counting_stream, G_TYPE_MEMORY_OUTPUT_STREAM)

static gssize
counting_stream_write (GOutputStream  *stream,
                       const void     *buffer,
                       gsize           count,
                       GCancellable   *cancellable,
                       GError        **error)
{
  ((CountingStream *) stream)->writes++;
  return G_OUTPUT_STREAM_CLASS (counting_stream_parent_class)->write_fn (stream, buffer, count, cancellable, error);
}

static void
counting_stream_class_init (CountingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = counting_stream_write;
}

static void
counting_stream_init (CountingStream *self)
{
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  briefing_fixture_set_up (f, data, "«une perte» for " OWNER "’s shop");
}

/* What a poppler tool (with an option: "pdfinfo -url") prints for @path,
 * its whitespace made single spaces (lines and columns are the layout's,
 * not the text's). */
static char *
poppler (const char *tool,
         const char *path)
{
  g_auto(GStrv) words = g_strsplit (tool, " ", -1);
  const char *argv[] = { words[0], path, NULL, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) flat = g_string_new (NULL);
  int status = 0;

  if (strcmp (tool, "pdftotext") == 0)
    argv[2] = "-";
  else if (words[1] != NULL)
    {
      argv[1] = words[1];
      argv[2] = path;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);  /* poppler-utils: tools/install-deps.sh */
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char *p = out; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (flat->len > 0 && flat->str[flat->len - 1] != ' ')
            g_string_append_c (flat, ' ');
        }
      else
        g_string_append_c (flat, *p);
    }
  return g_string_free (g_steal_pointer (&flat), FALSE);
}

/* Asserts that each of @parts (NULL-terminated) is in @text after the one
 * before it. */
static void
assert_in_order (const char         *text,
                 const char * const *parts)
{
  const char *at = text;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *found = strstr (at, parts[i]);

      if (found == NULL)
        g_error ("“%s” is not in the PDF's text after “%.60s”:\n%s", parts[i],
                 i > 0 ? parts[i - 1] : "(start)", text);
      at = found + strlen (parts[i]);
    }
}

/* The PDF's bytes (its annotations are plain objects, not in streams). */
static char *
read_raw (const char *path,
          gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *raw = NULL;

  g_assert_true (g_file_get_contents (path, &raw, length, &error));
  g_assert_no_error (error);
  return raw;
}

static guint
count_in (const char *raw,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (raw + i, needle, n) == 0)
      count++;
  return count;
}

typedef struct
{
  guint  page;     /* from 1 */
  double width;    /* the page's */
  double height;
  double x0, y0, x1, y1;
  char  *text;
} Word;

static void
word_clear (Word *word)
{
  g_free (word->text);
}

static double
attribute (const char *at,
           const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s=\"", name);
  const char *p = strstr (at, key);

  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen (key), NULL);
}

/* Every word of @path with its box, as `pdftotext -bbox` finds it. */
static GArray *
read_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  double width = 0, height = 0;
  guint page = 0;
  int status = 0;

  g_array_set_clear_func (words, (GDestroyNotify) word_clear);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char *p = out; (p = strchr (p, '<')) != NULL; p++)
    {
      if (g_str_has_prefix (p, "<page "))
        {
          page++;
          width = attribute (p, "width");
          height = attribute (p, "height");
        }
      else if (g_str_has_prefix (p, "<word "))
        {
          const char *text = strchr (p, '>') + 1;
          const char *end = strstr (text, "</word>");
          Word word = { page, width, height, attribute (p, "xMin"), attribute (p, "yMin"),
                        attribute (p, "xMax"), attribute (p, "yMax"), g_strndup (text, end - text) };

          g_array_append_val (words, word);
        }
    }
  return words;
}

/* Every word of @path is inside the page's margins, but for the page
 * number in the bottom one (a point or two for the glyphs' ascent and
 * descent, which the lines' boxes need not hold). */
static void
assert_inside_margins (const char *path)
{
  g_autoptr(GArray) words = read_words (path);

  g_assert_cmpuint (words->len, >, 0);
  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);
      double bottom = w->height - DOSSIER_BRIEFING_MARGIN_BOTTOM;

      if (w->y0 > bottom)
        {
          /* "Page 3 of 4" */
          g_assert_true (g_str_equal (w->text, "Page") || g_str_equal (w->text, "of") ||
                         g_ascii_isdigit (w->text[0]));
          g_assert_cmpfloat (w->y1, <, w->height - 20);
          continue;
        }
      if (w->y1 > bottom + 2 || w->y0 < DOSSIER_BRIEFING_MARGIN_TOP - 2 ||
          w->x0 < DOSSIER_BRIEFING_MARGIN_X - 1 || w->x1 > w->width - DOSSIER_BRIEFING_MARGIN_X + 1)
        g_error ("“%s” on page %u is outside the margins: %.1f,%.1f–%.1f,%.1f", w->text, w->page,
                 w->x0, w->y0, w->x1, w->y1);
    }
}

static char *
export_pdf (Fixture                         *f,
            gint64                           id,
            const DossierBriefingPdfOptions *options,
            const char                      *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (dossier_project_export_briefing_pdf (f->base.project, id, options, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_text_in_order (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf (
      "# Where things stand\n"
      "\n"
      "The vote was *close* [@%s], and the grant **conditional** [@%s].\n"
      "\n"
      "## Traders\n"
      "\n"
      "- Shops fear losses [@%s]\n"
      "  - the vote again [@%s]\n"
      "\n"
      "> Quoted with `code` and [a link](https://example.org/a)\n",
      f->vote_uuid, f->grant_uuid, f->traders_uuid, f->vote_uuid);
  gint64 id = briefing_fixture_add_note (f, "Bridge note", body);
  DossierBriefingPdfOptions options;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  dossier_briefing_pdf_options_init (&options);
  options.appendix = TRUE;
  path = export_pdf (f, id, &options, "note.pdf");
  text = poppler ("pdftotext", path);
  assert_in_order (text, (const char * const[]) {
    "Bridge note", "Briefing note", "Compares:",
    "A tram dream with a bill to come — The Civic Ledger, 2025-03-13",
    "Port Calder closes its bridge — The Calder Tribune, 2025-03-12",
    "Where things stand", "The vote was close", "and the grant conditional",
    "Traders", "Shops fear losses", "the vote again", "Quoted with code and a link",
    /* the footnotes, numbered in order of first use */
    "1. “voted 31 to 24” — Port Calder closes its bridge, The Calder Tribune, 2025-03-12",
    "2. “£72 million” — Port Calder closes its bridge, The Calder Tribune, 2025-03-12, section “The money”",
    "3. “«une perte» for " OWNER "’s shop” — A tram dream with a bill to come, The Civic Ledger, 2025-03-13, section “Traders”",
    /* the appendix, on a page of its own, by source */
    "Page 1 of 2",
    "Cited passages by source",
    "A tram dream with a bill to come", "The Civic Ledger, 2025-03-13",
    /* (the CJK in italics comes back from pdftotext with a space after it) */
    "“«une perte» for " OWNER, "s shop”", "— [3], section “Traders”",
    "Port Calder closes its bridge", "The Calder Tribune, 2025-03-12",
    "“voted 31 to 24”", "— [1]", "“£72 million”", "— [2], section “The money”",
    "Page 2 of 2",
    NULL });
  /* The vote's second citation has no footnote of its own. */
  g_assert_null (strstr (text, "4. “"));

  info = poppler ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "Title: Bridge note"));
  g_assert_nonnull (strstr (info, "Pages: 2"));
  g_assert_nonnull (strstr (info, "Page size: 595.276 x 841.89 pts (A4)"));

  /* "Compares:" in bold, as in the Markdown and the HTML (pdftohtml
   * marks a bold font's text <b>). */
  {
    const char *argv[] = { "pdftohtml", "-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", path, NULL };
    g_autofree char *xml = NULL;
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                  NULL, &xml, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (xml, "><b>Compares:</b></text>"));
  }
}

/* A passage of a document of one huge paragraph (a file from elsewhere),
 * cited: its footnote and its appendix entry print the passage's start
 * and say it was cut short. Whole, 50 MB of it were ten thousand pages
 * that Pango took minutes to lay out; here 300 KB, twice, were dozens. */
static void
test_long_quote (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *note = NULL;
  DossierBriefingPdfOptions options;
  const char *pages;
  gint64 doc, id;

  while (text->len < 300000)
    g_string_append (text, "The council voted on the bridge again today. ");
  g_string_truncate (text, text->len - 1);
  doc = add_doc (f->base.project, "Minutes", text->str);
  add_phrase_highlight (f->base.project, doc, text->str, f->tag, &uuid);
  body = g_strdup_printf ("The minutes say it all [@%s].\n", uuid);
  id = briefing_fixture_add_note (f, "Minutes note", body);

  dossier_briefing_pdf_options_init (&options);
  options.appendix = TRUE;
  path = export_pdf (f, id, &options, "minutes.pdf");
  pdf_text = poppler ("pdftotext", path);
  info = poppler ("pdfinfo", path);
  /* Once in the footnote, once in the appendix. */
  note = g_strdup_printf ("[cut short: the passage is %zu characters long]", text->len);
  g_assert_cmpuint (test_count_occurrences (pdf_text, note), ==, 2);
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpuint (g_ascii_strtoull (pages + 6, NULL, 10), <=, 30);
}

/* A long note: its footnotes at the foot of the page that first cites each,
 * in order, every page numbered; Letter paper. */
static void
test_many_pages (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) lorem = g_string_new (NULL);
  const char *uuids[] = { f->vote_uuid, f->grant_uuid, f->traders_uuid };
  const char *quotes[] = { "“voted 31 to 24”", "“£72 million”", "“«une perte» for " OWNER "’s shop”" };
  DossierBriefingPdfOptions options;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *last_page = NULL;
  const char *at;

  for (guint w = 0; w < 120; w++)
    g_string_append (lorem, "words of the paragraph ");
  for (guint i = 0; i < 30; i++)
    {
      if (i % 10 == 0)
        g_string_append_printf (body, "## Part %u\n\n", i / 10 + 1);
      g_string_append_printf (body, "Paragraph %u says %s", i, lorem->str);
      if (i == 12 || i == 20 || i == 27)
        g_string_append_printf (body, "[@%s]", uuids[(i == 12) ? 0 : (i == 20) ? 1 : 2]);
      g_string_append (body, ".\n\n");
    }
  dossier_briefing_pdf_options_init (&options);
  options.paper = DOSSIER_PAPER_LETTER;
  path = export_pdf (f, briefing_fixture_add_note (f, "A long note", body->str), &options, "long.pdf");
  text = poppler ("pdftotext", path);
  info = poppler ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "Page size: 612 x 792 pts (letter)"));
  g_assert_null (strstr (info, "Pages: 1 "));

  /* Each footnote comes after the paragraph that cites it and before the
   * next page's text. */
  at = text;
  for (guint n = 0; n < 3; n++)
    {
      guint paragraph = n == 0 ? 12 : n == 1 ? 20 : 27;
      g_autofree char *cites = g_strdup_printf ("Paragraph %u says", paragraph);
      g_autofree char *note = g_strdup_printf ("%u. %s", n + 1, quotes[n]);
      const char *cite_at = strstr (at, cites);
      const char *note_at;
      const char *page_end;

      g_assert_nonnull (cite_at);
      note_at = strstr (cite_at, note);
      g_assert_nonnull (note_at);
      page_end = strstr (cite_at, "Page ");
      g_assert_nonnull (page_end);
      /* The note is on the citing page (unless the paragraph runs on to
       * the next page, where its citation is) — before two page footers. */
      g_assert_true (note_at < strstr (page_end + 5, "Page ") || strstr (page_end + 5, "Page ") == NULL);
      at = note_at;
    }

  /* Every page numbered, the last "N of N". */
  {
    g_autofree char *pages = NULL;
    const char *p = strstr (info, "Pages:");
    guint n;

    g_assert_nonnull (p);
    n = (guint) g_ascii_strtoull (p + 6, NULL, 10);
    g_assert_cmpuint (n, >=, 3);
    for (guint i = 1; i <= n; i++)
      {
        g_autofree char *footer = g_strdup_printf ("Page %u of %u", i, n);

        g_assert_nonnull (strstr (text, footer));
      }
  }
}

/* The lines (a GArray of guint: each line's page, in order) that the
 * words of @words starting with @prefix are on. */
static GArray *
lines_of (GArray     *words,
          const char *prefix)
{
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (guint));
  guint page = 0;
  double y = -1;

  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);

      if (!g_str_has_prefix (w->text, prefix))
        continue;
      if (w->page != page || w->y0 > y + 1)
        g_array_append_val (pages, w->page);
      page = w->page;
      y = w->y0;
    }
  return pages;
}

/* After a paragraph of @n_lines lines (hard line breaks), @target. */
static GArray *
export_after_lines (Fixture    *f,
                    guint       n_lines,
                    const char *target,
                    const char *name)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *path = NULL;
  DossierBriefingPdfOptions options;

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (body, "Filler line %u%s\n", i, i + 1 < n_lines ? "\\" : "");
  g_string_append_printf (body, "\n%s\n", target);
  dossier_briefing_pdf_options_init (&options);
  path = export_pdf (f, briefing_fixture_add_note (f, name, body->str), &options, name);
  return read_words (path);
}

/* How many lines of filler the first page holds. */
static guint
filler_lines_per_page (Fixture *f)
{
  g_autoptr(GArray) words = export_after_lines (f, 100, "End", "keep-probe.pdf");
  g_autoptr(GArray) filler = lines_of (words, "Filler");
  guint n = 0;

  while (n < filler->len && g_array_index (filler, guint, n) == 1)
    n++;
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpuint (n, <, filler->len);
  return n;
}

typedef void (*CheckPages) (GArray *lines);

/* Puts @target after a paragraph of fewer and fewer lines, from one line
 * short of a full first page, until the lines of @target (its words
 * beginning with @prefix) are all on that page: one line at a time, so
 * that it falls at every height of the page's foot it can straddle (at
 * the step before the last, its first line had room and its last did
 * not). Each time, @check is given the page of each of its lines. A
 * sweep of every filler length from 30 to 66 lines did the same with 111
 * PDFs, 90 s under AddressSanitizer. */
static void
sweep_foot (Fixture    *f,
            guint       per_page,
            const char *target,
            const char *prefix,
            CheckPages  check)
{
  for (guint n = per_page - 1; n + 12 > per_page; n--)
    {
      g_autofree char *name = g_strdup_printf ("keep-%s-%u.pdf", prefix, n);
      g_autoptr(GArray) words = export_after_lines (f, n, target, name);
      g_autoptr(GArray) lines = lines_of (words, prefix);
      g_autoptr(GArray) filler = lines_of (words, "Filler");
      guint last = g_array_index (filler, guint, filler->len - 1);

      check (lines);
      if (n == per_page - 1)
        /* No room for it: it went on to the next page. */
        g_assert_cmpuint (g_array_index (lines, guint, 0), >, last);
      if (g_array_index (lines, guint, lines->len - 1) == last)
        {
          g_test_message ("%s: on the first page after %u lines of %u", prefix, n, per_page);
          return;
        }
    }
  g_assert_not_reached ();
}

/* @lines: a heading's, then its paragraph's four. The heading goes with
 * the paragraph's first two lines, and its last two stay together. */
static void
check_heading (GArray *lines)
{
  g_assert_cmpuint (lines->len, ==, 5);
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, g_array_index (lines, guint, 0));
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, g_array_index (lines, guint, 0));
  g_assert_cmpuint (g_array_index (lines, guint, 3), ==, g_array_index (lines, guint, 4));
}

/* A block of two or three lines is never split. */
static void
check_whole (GArray *lines)
{
  g_assert_cmpuint (lines->len, >=, 2);
  for (guint i = 1; i < lines->len; i++)
    g_assert_cmpuint (g_array_index (lines, guint, i), ==, g_array_index (lines, guint, 0));
}

/* Wherever the page ends, a heading is never left alone at the foot of a
 * page, nor with a single line of its paragraph; that paragraph's last
 * line never stands alone at the top of the next; a block quote of two
 * lines and a list item of three are never split. Each is put at every
 * height of the foot of the first page in turn. */
static void
test_keep_together (Fixture       *f,
                    gconstpointer  data)
{
  guint per_page = filler_lines_per_page (f);

  /* Each word's first letters name its block (lines_of finds them). */
  sweep_foot (f, per_page,
              "## Keepword heading\n\n"
              "Keepword one of the paragraph\\\nKeepword two\\\nKeepword three\\\nKeepword four",
              "Keepword", check_heading);
  sweep_foot (f, per_page, "> Qline one of the quoted passage\\\n> Qline two of it", "Qline",
              check_whole);
  sweep_foot (f, per_page,
              "- Iline one of the item\\\n  Iline two of it\\\n  Iline three of it", "Iline",
              check_whole);
}

/* A citation that cannot be verified refuses the export and leaves
 * nothing; allowed, it is printed marked. */
static void
test_unverified (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("The grant [@%s].\n", f->grant_uuid);
  gint64 id = briefing_fixture_add_note (f, "Grant", body);
  g_autofree char *path = g_build_filename (f->dir, "grant.pdf", NULL);
  g_autoptr(GError) error = NULL;
  DossierBriefingPdfOptions options;
  g_autofree char *text = NULL;

  g_assert_true (dossier_project_delete_highlight (f->base.project, f->grant, &error));
  g_assert_no_error (error);

  g_assert_false (dossier_project_export_briefing_pdf (f->base.project, id, NULL, path, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_UNVERIFIED);
  g_assert_nonnull (strstr (error->message, "“Grant” cites passages that cannot be verified"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *left = test_list_dir (f->dir);

    g_assert_cmpstr (left, ==, "");
  }
  g_clear_error (&error);

  dossier_briefing_pdf_options_init (&options);
  options.allow_unverified = TRUE;
  g_free (export_pdf (f, id, &options, "grant.pdf"));
  text = poppler ("pdftotext", path);
  assert_in_order (text, (const char * const[]) {
    "The grant", "1. Unverified: the cited highlight is no longer in this project", NULL });
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "none.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = briefing_fixture_add_note (f, "Empty", "");
  g_autofree char *text = NULL;

  /* No such note. */
  g_assert_false (dossier_project_export_briefing_pdf (f->base.project, id + 1, NULL, path, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A folder is not replaced. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (dossier_project_export_briefing_pdf (f->base.project, id, NULL, folder, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  /* Cancelled: nothing left. */
  g_cancellable_cancel (cancellable);
  g_assert_false (dossier_project_export_briefing_pdf (f->base.project, id, NULL, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  {
    g_autofree char *left = test_list_dir (f->dir);

    g_assert_cmpstr (left, ==, "");
  }
  g_clear_error (&error);

  /* An empty note says so. */
  g_free (export_pdf (f, id, NULL, "none.pdf"));
  text = poppler ("pdftotext", path);
  assert_in_order (text, (const char * const[]) { "Empty", "This note is empty.", "Page 1 of 1", NULL });
}

/* The bundled sample's note compares its three articles, cites real
 * highlights of each, every one verified, and exports (as Markdown and as
 * PDF) with nothing marked unverified. */
static void
test_sample_note (void)
{
  const char *sample = g_getenv ("DOSSIER_SAMPLE_PROJECT");
  g_autofree char *dir = test_make_tmp_dir ("briefing-sample");
  g_autofree char *copy = g_build_filename (dir, "sample.dossier", NULL);
  g_autofree char *pdf = g_build_filename (dir, "note.pdf", NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierBriefingContent) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *markdown = NULL;
  g_autofree char *text = NULL;
  DossierExportFilter filter = { 0 };
  DossierBriefingPdfOptions options;
  DossierBriefing *briefing;
  g_autoptr(GHashTable) documents = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_assert_nonnull (sample);
  from = g_file_new_for_path (sample);
  to = g_file_new_for_path (copy);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  project = dossier_project_open (copy, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_briefings (project)), ==, 1);
  briefing = g_list_model_get_item (dossier_project_get_briefings (project), 0);
  g_object_unref (briefing);  /* the project keeps it */
  g_assert_cmpstr (dossier_briefing_get_title (briefing), ==, "Harbour Bridge: what the three reports say");
  {
    guint n = 0;

    dossier_briefing_get_document_ids (briefing, &n);
    g_assert_cmpuint (n, ==, 3);
  }

  /* Every citation sound, from each of the three articles. */
  content = dossier_project_read_briefing_content (project, dossier_briefing_get_id (briefing), FALSE,
                                                   NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (content->citations->len, >=, 20);
  for (guint i = 0; i < content->citations->len; i++)
    {
      DossierCitation *c = g_ptr_array_index (content->citations, i);

      g_assert_cmpint (c->status, ==, DOSSIER_CITATION_OK);
      g_hash_table_add (documents, &c->document_id);
    }
  g_assert_cmpuint (g_hash_table_size (documents), ==, 3);
  g_assert_cmpuint (content->cited->len, ==, 3);

  /* Exported without --allow-unverified: nothing marked. */
  filter.briefing_id = dossier_briefing_get_id (briefing);
  g_assert_true (dossier_export_to_stream (project, DOSSIER_EXPORT_MARKDOWN, &filter, NULL, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write (out, "", 1, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  markdown = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_null (strstr (markdown, "Unverified"));
  g_assert_nonnull (strstr (markdown, "[^23]: "));

  dossier_briefing_pdf_options_init (&options);
  options.appendix = TRUE;
  g_assert_true (dossier_project_export_briefing_pdf (project, filter.briefing_id, &options, pdf, NULL, &error));
  g_assert_no_error (error);
  text = poppler ("pdftotext", pdf);
  g_assert_null (strstr (text, "Unverified"));
  assert_in_order (text, (const char * const[]) {
    "Harbour Bridge: what the three reports say", "Purpose", "Summary",
    "Where the sources diverge", "Options and recommendation", "Cited passages by source", NULL });

  dossier_project_close (project);
  remove_tree (dir);
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* As the window exports: the note read at once, drawn and written in a
 * worker; the project can be changed meanwhile; a refusal comes back
 * through the callback, with no file. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("The grant [@%s].\n", f->grant_uuid);
  gint64 id = briefing_fixture_add_note (f, "Grant", body);
  g_autofree char *path = g_build_filename (f->dir, "async.pdf", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DossierBriefingPdfOptions options;

  dossier_briefing_pdf_options_init (&options);
  options.paper = DOSSIER_PAPER_LETTER;
  dossier_project_export_briefing_pdf_async (f->base.project, id, &options, path, NULL, on_async_done, &result);
  /* The note changes after the call: the PDF is the note as it was. */
  g_assert_true (dossier_project_set_briefing_body (f->base.project, id, "Changed.", &error));
  g_assert_no_error (error);
  wait_until (have_result, &result, "the PDF export");
  g_assert_true (dossier_project_export_briefing_pdf_finish (f->base.project, result, &error));
  g_assert_no_error (error);
  text = poppler ("pdftotext", path);
  assert_in_order (text, (const char * const[]) { "Grant", "The grant [1].", "1. “£72 million”", NULL });
  g_clear_object (&result);

  /* Refused: its highlight deleted. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (dossier_project_set_briefing_body (f->base.project, id, body, &error));
  g_assert_true (dossier_project_delete_highlight (f->base.project, f->grant, &error));
  g_assert_no_error (error);
  dossier_project_export_briefing_pdf_async (f->base.project, id, NULL, path, NULL, on_async_done, &result);
  wait_until (have_result, &result, "the refusal");
  g_assert_false (dossier_project_export_briefing_pdf_finish (f->base.project, result, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_UNVERIFIED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* On the PDF, a Markdown link goes to its address (never a javascript:
 * one), each citation's number to its footnote, and the footnote's number
 * back to where the note first cites it; the appendix's numbers go to the
 * footnotes too. */
static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf (
      "The vote [@%s], see [the minutes](https://example.org/minutes?year=2025&item=4) "
      "and [the map](https://example.org/mapas/río’s) but not [this](javascript:alert(1)).\n"
      "\n"
      "The grant [@%s] and the vote again [@%s].\n",
      f->vote_uuid, f->grant_uuid, f->vote_uuid);
  gint64 id = briefing_fixture_add_note (f, "Links", body);
  DossierBriefingPdfOptions options;
  g_autofree char *path = NULL;
  g_autofree char *urls = NULL;
  g_autofree char *dests = NULL;
  g_autofree char *raw = NULL;
  gsize length = 0;

  dossier_briefing_pdf_options_init (&options);
  options.appendix = TRUE;
  path = export_pdf (f, id, &options, "links.pdf");

  /* pdfinfo -url: page, kind, address */
  urls = poppler ("pdfinfo -url", path);
  g_assert_nonnull (strstr (urls, "1 Annotation https://example.org/minutes?year=2025&item=4"));
  /* (no letter outside ASCII in a PDF link: escaped as a browser would) */
  g_assert_nonnull (strstr (urls, "1 Annotation https://example.org/mapas/r%C3%ADo%E2%80%99s"));
  g_assert_null (strstr (urls, "javascript"));

  /* Each citation's number links to its footnote: the vote twice in the
   * body and once in the appendix, the grant once and once. */
  raw = read_raw (path, &length);
  g_assert_cmpuint (count_in (raw, length, "/Dest (note-1)"), ==, 3);
  g_assert_cmpuint (count_in (raw, length, "/Dest (note-2)"), ==, 2);
  g_assert_cmpuint (count_in (raw, length, "/Dest (cite-1)"), ==, 1);
  g_assert_cmpuint (count_in (raw, length, "/Dest (cite-2)"), ==, 1);

  /* The footnotes and the citations they go back to are on page 1. */
  dests = poppler ("pdfinfo -dests", path);
  assert_in_order (dests, (const char * const[]) { "1 [ XYZ", "\"cite-1\"", NULL });
  assert_in_order (dests, (const char * const[]) { "1 [ XYZ", "\"note-1\"", NULL });
  assert_in_order (dests, (const char * const[]) { "1 [ XYZ", "\"note-2\"", NULL });
  g_assert_null (strstr (dests, "note-3"));
}

/* The text of each page of @path, as pdftotext gives it (pages end in a
 * form feed), its whitespace made single spaces as poppler() does. */
static char **
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  GPtrArray *flat = g_ptr_array_new ();
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = g_strsplit (out, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (pages[i], " \t\n\r", -1);
      GString *page = g_string_new (NULL);

      for (guint k = 0; words[k] != NULL; k++)
        if (*words[k] != '\0')
          g_string_append_printf (page, "%s%s", page->len > 0 ? " " : "", words[k]);
      g_ptr_array_add (flat, g_string_free (page, FALSE));
    }
  g_ptr_array_add (flat, NULL);
  return (char **) g_ptr_array_free (flat, FALSE);
}

/* A quote longer than a page: its footnote continues at the foot of the
 * next pages instead of running off its own, every word of it there in
 * order, every page's text inside the margins — the appendix's entry too;
 * on each page it goes on to, it is headed "1. (continued)", and only
 * there. */
static void
test_long_footnote (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) passage = g_string_new (NULL);
  g_autoptr(GString) document = g_string_new ("# The long report\n\n");
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  DossierBriefingPdfOptions options;
  const char *at;
  gint64 doc;

  for (guint i = 1; i <= 1400; i++)
    g_string_append_printf (passage, "%sword%04u", i > 1 ? " " : "", i);
  g_string_append (document, passage->str);
  g_string_append (document, "\n");
  doc = add_markdown_doc (f->base.project, document->str, "The Long Report", "2025-04-01");
  add_phrase_highlight (f->base.project, doc, passage->str, add_tag (f->base.project, "Long", 0), &uuid);

  for (guint i = 0; i < 6; i++)
    g_string_append_printf (body, "Opening paragraph %u, long enough to take a few lines of the "
                            "page before the citation comes and brings its footnote along.\n\n", i);
  g_string_append_printf (body, "The whole report [@%s] and the vote [@%s].\n\n", uuid, f->vote_uuid);
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (body, "Closing paragraph %u, which comes after the long note.\n\n", i);

  dossier_briefing_pdf_options_init (&options);
  options.appendix = TRUE;
  path = export_pdf (f, briefing_fixture_add_note (f, "Long note", body->str), &options, "long-note.pdf");
  assert_inside_margins (path);

  /* Nothing lost: the footnote's words in order, then the vote's note,
   * then the appendix with the whole passage again. */
  text = poppler ("pdftotext", path);
  at = strstr (text, "1. “word0001");
  g_assert_nonnull (at);
  for (guint i = 2; i <= 1400; i++)
    {
      g_autofree char *word = g_strdup_printf ("word%04u", i);
      const char *found = strstr (at, word);

      if (found == NULL)
        g_error ("%s of the long footnote is not in the PDF", word);
      at = found;
    }
  assert_in_order (at, (const char * const[]) {
    "word1400” — The long report, The Long Report, 2025-04-01.",
    "2. “voted 31 to 24”", "Cited passages by source", "“word0001", "word0700", "word1400”",
    NULL });
  /* The body goes on after the citation, on the pages the note leaves. */
  assert_in_order (text, (const char * const[]) {
    "Opening paragraph 5", "The whole report", "Closing paragraph 0", "Closing paragraph 29",
    NULL });
  info = poppler ("pdfinfo", path);
  g_assert_null (strstr (info, "Pages: 1 "));
  g_assert_null (strstr (info, "Pages: 2 "));

  {
    g_auto(GStrv) pages = pdf_pages (path);
    guint first = 0, last = 0, n_continued = 0;

    for (guint i = 0; pages[i] != NULL; i++)
      {
        if (strstr (pages[i], "1. “word0001") != NULL)
          first = i + 1;
        if (strstr (pages[i], "word1400” — The long report") != NULL)
          last = i + 1;
      }
    g_assert_cmpuint (first, >, 0);
    g_assert_cmpuint (last, >, first);
    for (guint i = 0; pages[i] != NULL; i++)
      {
        const char *mark = strstr (pages[i], "1. (continued)");
        guint page = i + 1;

        if (page <= first || page > last)
          {
            g_assert_null (strstr (pages[i], "(continued)"));
            continue;
          }
        /* Above the words it goes on with. */
        if (mark == NULL)
          g_error ("page %u goes on with footnote 1 without saying so:\n%s", page, pages[i]);
        if (strstr (mark + strlen ("1. (continued)"), "(continued)") != NULL)
          g_error ("page %u says twice that footnote 1 goes on:\n%s", page, pages[i]);
        g_assert_nonnull (strstr (mark, "word"));
        g_assert_null (g_strstr_len (pages[i], mark - pages[i], "word"));
        n_continued++;
      }
    g_assert_cmpuint (n_continued, ==, last - first);
  }
}

static void
test_paper_names (void)
{
  DossierPaper paper = DOSSIER_PAPER_A4;
  double width, height;

  g_assert_true (dossier_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, DOSSIER_PAPER_LETTER);
  g_assert_true (dossier_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, DOSSIER_PAPER_A4);
  g_assert_false (dossier_paper_from_string ("a5", &paper));
  g_assert_false (dossier_paper_from_string (NULL, &paper));
  g_assert_cmpstr (dossier_paper_to_string (DOSSIER_PAPER_LETTER), ==, "letter");
  dossier_paper_get_size (DOSSIER_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
}

/* Where a run without a space is cut: pieces of at most
 * DOSSIER_UNBROKEN_PIECE bytes at characters' starts, every other one,
 * only in runs longer than that. */
static void
test_unbroken_pieces (void)
{
  g_autoptr(GString) text = g_string_new ("A short run, then ");
  g_autoptr(GArray) pieces = NULL;
  gsize run_start, run_end;

  run_start = text->len;
  for (guint i = 0; i < 300; i++)
    g_string_append (text, "é");  /* two bytes each */
  run_end = text->len;
  g_string_append (text, " and short words again.");
  pieces = dossier_unbroken_runs_pieces (text->str, text->len);

  /* 600 bytes: cut at 64, 128, … into ten pieces, five marked. */
  g_assert_cmpuint (pieces->len, ==, 5);
  for (guint i = 0; i < pieces->len; i++)
    {
      DossierUnbrokenPiece *piece = &g_array_index (pieces, DossierUnbrokenPiece, i);

      g_assert_cmpuint (piece->start, ==, run_start + 2 * i * DOSSIER_UNBROKEN_PIECE);
      g_assert_cmpuint (piece->end - piece->start, ==, DOSSIER_UNBROKEN_PIECE);
      g_assert_cmpuint (piece->end, <=, run_end);
      g_assert_true (g_utf8_validate (text->str + piece->start, piece->end - piece->start, NULL));
    }
  g_clear_pointer (&pieces, g_array_unref);

  pieces = dossier_unbroken_runs_pieces ("words, none longer than sixty-four bytes", 40);
  g_assert_cmpuint (pieces->len, ==, 0);
}

/* A note of 5,000 citations (a file may hold 50,000): cairo hands the PDF
 * over in pieces of a few bytes, dozens for each citation's link, and
 * each went to the file as a write of its own, 70% of the export's time.
 * The stream is given the PDF in writes of 64 KB. */
static void
test_buffered_writes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new ("## Claims\n\n");
  g_autoptr(DossierBriefingContent) content = NULL;
  g_autoptr(GError) error = NULL;
  CountingStream *stream = g_object_new (counting_stream_get_type (), "realloc-function", g_realloc,
                                         "destroy-function", g_free, NULL);
  gsize size;
  gint64 id;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (body, "Claim [@%s]%s", i % 2 == 0 ? f->vote_uuid : f->grant_uuid,
                            i % 50 == 49 ? "\n\n" : " ");
  id = briefing_fixture_add_note (f, "Claims", body->str);
  content = dossier_project_read_briefing_content (f->base.project, id, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_briefing_write_pdf (content, NULL, G_OUTPUT_STREAM (stream), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  g_assert_no_error (error);

  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_cmpuint (size, >, 100 * 1024);
  g_assert_true (g_str_has_prefix (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), "%PDF-"));
  g_assert_cmpuint (stream->writes, <=, size / (64 * 1024) + 2);
  g_object_unref (stream);
}

/* A paragraph of 200 KB of words on one line (a file from someone else):
 * Pango goes over all of the run of words that is left for each line it
 * breaks, and a label measuring its least width breaks after every word.
 * Cut into stretches of about DOSSIER_UNBROKEN_STRETCH bytes at spaces,
 * every other one marked, it is laid out in runs of at most two
 * stretches, on the same lines as uncut. Short lines are not cut. */
static void
test_long_stretches (void)
{
  g_autoptr(GString) text = g_string_new ("A short line.\n");
  g_autoptr(GArray) stretches = NULL;
  g_autoptr(PangoFontMap) map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(PangoLayout) cut = pango_layout_new (context);
  g_autoptr(PangoLayout) whole = pango_layout_new (context);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  gsize line_start = text->len;
  GList *items;
  int cut_height, whole_height;

  while (text->len < line_start + 200 * 1024)
    g_string_append (text, "The council voted on the bridge, and the traders wrote to the ministry. ");
  g_string_append (text, "\nAnother short line.");
  stretches = dossier_unbroken_runs_stretches (text->str, text->len);
  g_assert_cmpuint (stretches->len, >, 90);
  for (guint i = 0; i < stretches->len; i++)
    {
      DossierUnbrokenPiece *stretch = &g_array_index (stretches, DossierUnbrokenPiece, i);

      g_assert_cmpuint (stretch->start, >=, line_start);
      g_assert_cmpuint (stretch->end, <=, text->len - strlen ("\nAnother short line."));
      /* The line's last may be shorter. */
      if (stretch->end < text->len - strlen ("\nAnother short line."))
        g_assert_cmpuint (stretch->end - stretch->start, >, DOSSIER_UNBROKEN_STRETCH);
      g_assert_cmpuint (stretch->end - stretch->start, <, DOSSIER_UNBROKEN_STRETCH + 80);
      g_assert_true (stretch->start == line_start || text->str[stretch->start - 1] == ' ');
      g_assert_cmpint (text->str[stretch->end - 1], ==, ' ');
      /* Every other one: an unmarked stretch between. */
      if (i > 0)
        g_assert_cmpuint (stretch->start, >, g_array_index (stretches, DossierUnbrokenPiece, i - 1).end +
                                             DOSSIER_UNBROKEN_STRETCH);
    }

  pango_layout_set_width (whole, 300 * PANGO_SCALE);
  pango_layout_set_wrap (whole, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (whole, text->str, (int) text->len);
  pango_layout_set_width (cut, 300 * PANGO_SCALE);
  pango_layout_set_wrap (cut, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (cut, text->str, (int) text->len);
  dossier_unbroken_runs_add_attrs (attrs, text->str, text->len);
  pango_layout_set_attributes (cut, attrs);
  g_assert_cmpint (pango_layout_get_line_count (cut), ==, pango_layout_get_line_count (whole));
  pango_layout_get_size (cut, NULL, &cut_height);
  pango_layout_get_size (whole, NULL, &whole_height);
  g_assert_cmpint (cut_height, ==, whole_height);
  /* Pango's items (what it goes over again for each line) are short. */
  items = pango_itemize (context, text->str, 0, (int) text->len, attrs, NULL);
  g_assert_cmpuint (g_list_length (items), >, 180);
  for (GList *l = items; l != NULL; l = l->next)
    g_assert_cmpint (((PangoItem *) l->data)->length, <, DOSSIER_UNBROKEN_STRETCH + 80);
  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  g_object_unref (context);
  g_clear_pointer (&stretches, g_array_unref);

  stretches = dossier_unbroken_runs_stretches ("words on a line\nand short lines", 31);
  g_assert_cmpuint (stretches->len, ==, 0);
}

/* A note of 200,000 '[' (a file from someone else): Pango wrapped the
 * run character by character, shaping again for each line all that was
 * left of it, and the export took minutes. Cut in pieces, it is printed
 * whole, wrapped within the margins, in a second or two. */
static void
test_unbroken_run (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new ("Before the run. ");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint brackets = 0;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (body, '[');
  g_string_append (body, " After the run.");
  path = export_pdf (f, briefing_fixture_add_note (f, "Brackets", body->str), NULL, "run.pdf");
  text = poppler ("pdftotext", path);
  for (const char *p = text; *p; p++)
    brackets += *p == '[';
  g_assert_cmpuint (brackets, ==, 200000);
  assert_in_order (text, (const char * const []) { "Before the run. [", "[ After the run.", NULL });
  assert_inside_margins (path);
}

/* A citation's number stays with the word it follows and with a number
 * beside it: no line of the body begins with one. Paragraphs whose words
 * before the citations grow a letter at a time bring every citation to a
 * line's end once; Pango broke the line before "[1]" after "reported."
 * and before "[2]" after "[1] ", and the number began the next line. */
static void
test_citations_stay (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GArray) words = NULL;
  g_autofree char *path = NULL;
  DossierBriefingPdfOptions options;
  guint line_starts = 0, citations = 0;

  for (guint i = 0; i < 100; i++)
    {
      g_string_append (body, "Seen");
      for (guint k = 0; k < i; k++)
        g_string_append_c (body, "ab "[k % 3]);
      g_string_append_printf (body, " as reported.[@%s] [@%s][@%s] Then more words follow.\n\n",
                              f->vote_uuid, f->grant_uuid, f->traders_uuid);
    }
  dossier_briefing_pdf_options_init (&options);
  path = export_pdf (f, briefing_fixture_add_note (f, "Citations", body->str), &options,
                     "citations.pdf");
  words = read_words (path);
  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);

      citations += strchr (w->text, '[') != NULL;
      /* A body line's first word is at the left margin (a footnote's
       * number too, but that has no bracket). */
      if (w->x0 > DOSSIER_BRIEFING_MARGIN_X + 1)
        continue;
      line_starts++;
      if (w->text[0] == '[')
        g_error ("A line on page %u begins with the citation “%s”", w->page, w->text);
    }
  /* Every paragraph's citations, each paragraph on a line or two. */
  g_assert_cmpuint (citations, >=, 200);
  g_assert_cmpuint (line_starts, >=, 150);
}

/* A traders' passage in Arabic (words of the test's own). */
static void
fixture_set_up_arabic (Fixture       *f,
                       gconstpointer  data)
{
  briefing_fixture_set_up (f, data, "خسارة كبيرة للمتجر الصغير");
}

/* A footnote quoting Arabic reads left to right as the others do — its
 * number first, then the quote, then the title — and the quote keeps its
 * own direction inside it. Its direction found from its first letter, the
 * footnote put its number at the right and the title before the quote. */
static void
test_rtl_quote (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("Traders fear losses [@%s], the vote was close [@%s].",
                                           f->traders_uuid, f->vote_uuid);
  g_autofree char *path = export_pdf (f, briefing_fixture_add_note (f, "Traders", body), NULL, "rtl.pdf");
  g_autofree char *text = poppler ("pdftotext", path);

  assert_in_order (text, (const char * const []) {
    "Traders fear losses [1], the vote was close [2].",
    /* (pdftotext gives the Arabic, the closing mark and the dash in an
     * order of its own) */
    "1. “", "A tram dream with a bill to come, The Civic Ledger, 2025-03-13, section “Traders”. "
    "2. “voted 31 to 24” — Port Calder closes its bridge, The Calder Tribune, 2025-03-12.",
    NULL });
  assert_inside_margins (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/briefing-pdf/" path, Fixture, NULL, fixture_set_up, func, \
              briefing_fixture_tear_down)

  ADD ("text-in-order", test_text_in_order);
  ADD ("many-pages", test_many_pages);
  ADD ("long-quote", test_long_quote);
  ADD ("unverified", test_unverified);
  ADD ("refusals", test_refusals);
  ADD ("async", test_async);
  ADD ("links", test_links);
  ADD ("long-footnote", test_long_footnote);
  ADD ("keep-together", test_keep_together);
  ADD ("unbroken-run", test_unbroken_run);
  ADD ("citations-stay", test_citations_stay);
  g_test_add ("/dossier/briefing-pdf/rtl-quote", Fixture, NULL, fixture_set_up_arabic, test_rtl_quote,
              briefing_fixture_tear_down);
  g_test_add_func ("/dossier/briefing-pdf/unbroken-pieces", test_unbroken_pieces);
  g_test_add_func ("/dossier/briefing-pdf/long-stretches", test_long_stretches);
  ADD ("buffered-writes", test_buffered_writes);
  g_test_add_func ("/dossier/briefing-pdf/paper-names", test_paper_names);
  g_test_add_func ("/dossier/briefing-pdf/sample-note", test_sample_note);

#undef ADD

  return g_test_run ();
}
