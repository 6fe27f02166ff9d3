/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-core.c — the core's performance against DESIGN.md's targets.
 *
 * Generates its own data (invented words, with accents, curly quotes,
 * emoji and CJK so code-point handling is exercised), runs each operation
 * several times and prints the median, next to a floor measured in the
 * same run: the least any implementation must pay for the same work (raw
 * SQLite inserts of the same rows, one FTS5 query on a raw table of the
 * same text, fwrite of the same bytes, …). The ratio says how much the
 * core adds on top of that floor.
 *
 *   bench-core [--quick] [--runs N] [--only NAME] [--keep DIR]
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <sqlite3.h>
#include <zip.h>
#include <dossier/dossier.h>

#include "dossier-project-private.h"
#include "test-util.h"

static gboolean opt_quick = FALSE;
static int opt_runs = 5;
static char *opt_only = NULL;
static char *opt_keep = NULL;

static char *work_dir;

/* ---- Timing and the table ---------------------------------------------- */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The machine is shared: CPU time of the measured part, next to the wall
 * time, tells contention apart from cost. */
static double cpu_mark;

static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Starts a measurement: returns the wall clock, remembers the CPU clock. */
static double
mark (void)
{
  cpu_mark = process_cpu_ms ();
  return now_ms ();
}

static double
cpu_since (void)
{
  return process_cpu_ms () - cpu_mark;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

typedef struct
{
  char   *name;
  double  ms;
  double  cpu_ms;
  char   *floor_name;
  double  floor_ms;
  double  target_ms;   /* 0 = none */
  char   *note;
} Row;

static GPtrArray *rows;

static void
add_row (const char *name,
         double      ms,
         double      cpu_ms,
         const char *floor_name,
         double      floor_ms,
         double      target_ms,
         const char *note)
{
  Row *row = g_new0 (Row, 1);

  row->name = g_strdup (name);
  row->ms = ms;
  row->cpu_ms = cpu_ms;
  row->floor_name = g_strdup (floor_name);
  row->floor_ms = floor_ms;
  row->target_ms = target_ms;
  row->note = g_strdup (note);
  g_ptr_array_add (rows, row);

  /* Progress as we go: the whole run takes a while. */
  fprintf (stderr, "  %-48s %10.2f ms (cpu %10.2f ms)   floor %10.2f ms\n",
           name, ms, cpu_ms, floor_ms);
}

static char *
format_ms (double ms)
{
  if (ms >= 10000)
    return g_strdup_printf ("%.1f s", ms / 1000);
  if (ms >= 100)
    return g_strdup_printf ("%.0f ms", ms);
  if (ms >= 1)
    return g_strdup_printf ("%.1f ms", ms);
  return g_strdup_printf ("%.0f µs", ms * 1000);
}

/* Pads @s to @width display columns (µ and – are one column, two bytes). */
static void
print_cell (const char *s,
            int         width,
            gboolean    right)
{
  int pad = width - (int) g_utf8_strlen (s, -1);

  if (right)
    printf ("%*s%s", MAX (pad, 0), "", s);
  else
    printf ("%s%*s", s, MAX (pad, 0), "");
}

static void
print_table (void)
{
  printf ("\n");
  print_cell ("operation", 50, FALSE);
  print_cell ("median", 10, TRUE);
  print_cell ("cpu", 10, TRUE);
  print_cell ("target", 10, TRUE);
  print_cell ("floor", 10, TRUE);
  print_cell ("ratio", 8, TRUE);
  printf ("  floor measured\n");
  for (int i = 0; i < 50 + 10 + 10 + 10 + 10 + 8 + 30; i++)
    printf ("-");
  printf ("\n");

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autofree char *ms = format_ms (row->ms);
      g_autofree char *cpu = format_ms (row->cpu_ms);
      g_autofree char *floor_ms = row->floor_ms > 0 ? format_ms (row->floor_ms) : g_strdup ("–");
      g_autofree char *target = row->target_ms > 0 ? g_strdup_printf ("< %s", format_ms (row->target_ms))
                                                   : g_strdup ("–");
      g_autofree char *ratio = row->floor_ms > 0 ? g_strdup_printf ("%.1f×", row->ms / row->floor_ms)
                                                 : g_strdup ("–");
      const char *verdict = row->target_ms <= 0 ? " " : row->ms <= row->target_ms ? " " : "!";

      print_cell (row->name, 50, FALSE);
      print_cell (ms, 10, TRUE);
      print_cell (cpu, 10, TRUE);
      print_cell (target, 10, TRUE);
      print_cell (floor_ms, 10, TRUE);
      print_cell (ratio, 8, TRUE);
      printf ("%s %s%s%s%s\n", verdict, row->floor_name ? row->floor_name : "",
              row->note ? " (" : "", row->note ? row->note : "", row->note ? ")" : "");
    }
  printf ("\n%s: median of %d runs (wall clock; cpu = this process's CPU time, which\n"
          "contention on a shared machine does not inflate); ratio = median / floor;\n"
          "“!” = over target.\n",
          opt_quick ? "quick sizes" : "full sizes", opt_runs);
}

static gboolean
selected (const char *name)
{
  return opt_only == NULL || strstr (name, opt_only) != NULL;
}

/* ---- Data -------------------------------------------------------------- */

static const char *syllables[] = {
  "har", "bour", "brid", "ge", "tram", "fer", "ry", "coun", "cil", "vo", "te", "mé",
  "ro", "vé", "quai", "sta", "tion", "mer", "chant", "tra", "ffic", "ci", "ty", "pla",
  "nó", "lis", "ka", "zé", "rö", "dal", "mun", "sen", "tór", "ba", "lin", "gu",
};

/* A reproducible stream of invented words: mostly short and common, now
 * and then accented, quoted, or not Latin at all. */
typedef struct
{
  GRand *rand;
} Words;

static void
append_word (Words   *w,
             GString *s)
{
  guint r = g_rand_int_range (w->rand, 0, 1000);
  guint n = 1 + g_rand_int_range (w->rand, 0, 3);

  if (r < 3)
    {
      g_string_append (s, r == 0 ? "🚋" : r == 1 ? "港湾" : "“quoted”");
      return;
    }
  for (guint i = 0; i < n; i++)
    g_string_append (s, syllables[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (syllables))]);
}

static void
append_sentence (Words   *w,
                 GString *s)
{
  guint n = 6 + g_rand_int_range (w->rand, 0, 14);

  for (guint i = 0; i < n; i++)
    {
      gsize at = s->len;

      if (i > 0)
        g_string_append_c (s, ' ');
      at = s->len;
      append_word (w, s);
      if (i == 0)
        s->str[at] = g_ascii_toupper (s->str[at]);
    }
  g_string_append (s, ". ");
}

/* About @bytes of plain text: a title, headings, paragraphs, bullet lists. */
static char *
make_text (guint32 seed,
           gsize   bytes,
           const char *marker)
{
  Words w = { g_rand_new_with_seed (seed) };
  GString *s = g_string_sized_new (bytes + 1024);
  guint para = 0;

  g_string_append (s, "Harbour report ");
  g_string_append_printf (s, "%u\n\n", seed);
  while (s->len < bytes)
    {
      if (para % 12 == 0)
        {
          append_word (&w, s);
          g_string_append (s, " and ");
          append_word (&w, s);
          g_string_append (s, "\n\n");
        }
      else if (para % 7 == 0)
        {
          for (guint i = 0; i < 3; i++)
            {
              g_string_append (s, "• ");
              append_sentence (&w, s);
              g_string_append_c (s, '\n');
            }
          g_string_append_c (s, '\n');
        }
      else
        {
          guint n = 2 + g_rand_int_range (w.rand, 0, 5);

          for (guint i = 0; i < n; i++)
            append_sentence (&w, s);
          if (marker != NULL)
            g_string_append_printf (s, "%s ", marker);
          g_string_append (s, "\n\n");
        }
      para++;
    }
  g_rand_free (w.rand);
  return g_string_free (s, FALSE);
}

/* About @bytes of a saved news page: head metadata, navigation, scripts,
 * share bars and an article of headings, paragraphs and lists. */
static char *
make_html (guint32 seed,
           gsize   bytes)
{
  Words w = { g_rand_new_with_seed (seed) };
  GString *s = g_string_sized_new (bytes + 4096);
  guint para = 0;

  g_string_append (s,
                   "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<title>Harbour bridge vote – The Quay Gazette</title>"
                   "<meta property=\"og:title\" content=\"Harbour bridge vote\">"
                   "<meta property=\"og:site_name\" content=\"The Quay Gazette\">"
                   "<meta name=\"author\" content=\"Zoë Marlow\">"
                   "<meta property=\"article:published_time\" content=\"2025-03-04T08:00:00Z\">"
                   "<style>body{font:16px serif}</style>"
                   "<script>window.dataLayer=[];function track(){}</script></head><body>"
                   "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
                   "<li><a href=\"/sport\">Sport</a></li></ul></nav></header><main><article>"
                   "<h1>Harbour bridge vote</h1><p class=\"byline\">By Zoë Marlow</p>");
  while (s->len < bytes)
    {
      if (para % 15 == 0)
        {
          g_string_append (s, "<h2>");
          append_word (&w, s);
          g_string_append (s, " &amp; ");
          append_word (&w, s);
          g_string_append (s, "</h2>\n");
        }
      else if (para % 9 == 0)
        {
          g_string_append (s, "<ul>");
          for (guint i = 0; i < 4; i++)
            {
              g_string_append (s, "<li>");
              append_sentence (&w, s);
              g_string_append (s, "</li>");
            }
          g_string_append (s, "</ul>\n");
        }
      else if (para % 23 == 0)
        g_string_append (s, "<aside class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></aside>"
                            "<figure><img src=\"x.jpg\" alt=\"\"><figcaption>A caption</figcaption></figure>\n");
      else
        {
          guint n = 2 + g_rand_int_range (w.rand, 0, 5);

          g_string_append (s, "<p>");
          for (guint i = 0; i < n; i++)
            {
              if (i == 1)
                g_string_append (s, "<em>");
              append_sentence (&w, s);
              if (i == 1)
                g_string_append (s, "</em> ");
            }
          g_string_append (s, "</p>\n");
        }
      para++;
    }
  g_string_append (s, "</article></main><footer><p>© The Quay Gazette</p></footer>"
                      "<script>track('view')</script></body></html>\n");
  g_rand_free (w.rand);
  return g_string_free (s, FALSE);
}

static char *
scratch_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

static void
remove_project (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      g_unlink (p);
    }
}

static void
die_on_error (const char *what,
              GError     *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "bench-core: %s: %s\n", what, error->message);
      exit (1);
    }
}

static DossierProject *
new_project (const char *name)
{
  g_autofree char *path = scratch_path (name);
  g_autoptr(GError) error = NULL;
  DossierProject *project;

  remove_project (path);
  project = dossier_project_create (path, name, &error);
  die_on_error ("create a project", error);
  return project;
}

static gint64
add_text_document (DossierProject *project,
                   const char     *text,
                   const char     *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  gint64 id;

  doc = dossier_import_bytes (g_bytes_new_static (text, strlen (text)), DOSSIER_FORMAT_TEXT,
                              "bench.txt", &error);
  die_on_error ("import text", error);
  if (title != NULL)
    {
      g_free (doc->title);
      doc->title = g_strdup (title);
    }
  id = dossier_project_add_document (project, doc, &error);
  die_on_error ("add a document", error);
  return id;
}

/* ---- Moves and merges in the lists ------------------------------------ */

static sqlite3 *raw_db (const char *name,
                        gboolean    wal);

/* What a list model said it changed: its items-changed signals and the
 * items they took out and put in. */
typedef struct
{
  guint signals;
  guint removed;
  guint added;
} Churn;

static void
count_churn (GListModel *model,
             guint       position,
             guint       removed,
             guint       added,
             Churn      *churn)
{
  churn->signals++;
  churn->removed += removed;
  churn->added += added;
}

static char *
churn_note (const Churn *tags,
            const Churn *highlights,
            int          runs)
{
  return g_strdup_printf ("per action: codebook %u signal(s), %u out / %u in; "
                          "the document's highlights %u signal(s), %u out / %u in",
                          tags->signals / runs, tags->removed / runs, tags->added / runs,
                          highlights->signals / runs, highlights->removed / runs,
                          highlights->added / runs);
}

/* A row of @runs actions timed in @t and @c, with what they changed per
 * action; the counts start again. */
static void
add_moves_row (const char *name,
               double     *t,
               double     *c,
               double      floor_ms,
               int         runs,
               Churn      *tags,
               Churn      *highlights)
{
  g_autofree char *note = churn_note (tags, highlights, runs);

  add_row (name, median (t, runs), median (c, runs), "one UPDATE committed", floor_ms, 0, note);
  *tags = (Churn) { 0 };
  *highlights = (Churn) { 0 };
}

/* A codebook of 200 tags over 5,000 highlights (25 each, in one
 * document): a tag moved to the end of the codebook and back, two tags
 * merged (and undone), each timed from the call to the models brought up
 * to date (the project does that before the call returns), with what the
 * codebook's and the document's live lists said changed (items-changed
 * with exact runs rebuild only the rows that changed in a view); floor:
 * one UPDATE of a tag's row committed with sqlite3 in a WAL database. */
static void
bench_moves (void)
{
  guint n_tags = 200, n_highlights = opt_quick ? 2000 : 5000;
  int runs = opt_runs * 2;
  g_autofree char *path = scratch_path ("moves.dossier");
  g_autoptr(DossierProject) project = new_project ("moves.dossier");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) highlights = NULL;
  g_autofree gint64 *tags = g_new (gint64, n_tags);
  double t[64], c[64], f[64];
  Churn tag_churn = { 0 }, highlight_churn = { 0 };
  GListModel *codebook;
  gint64 doc;
  sqlite3 *db;
  gulong id_tags, id_highlights;
  double floor_ms;

  g_assert (runs <= 64);
  for (guint i = 0; i < n_highlights; i++)
    g_string_append_printf (text, "Sentence %u is about topic%03u and nothing else.\n", i, i % n_tags);
  doc = add_text_document (project, text->str, "Topics");
  for (guint i = 0; i < n_tags; i++)
    {
      g_autofree char *name = g_strdup_printf ("Topic %03u", i);
      g_autofree char *word = g_strdup_printf ("topic%03u", i);

      tags[i] = dossier_project_add_tag (project, name, 0, NULL, NULL, &error);
      die_on_error ("add tag", error);
      if (dossier_project_autocode (project, tags[i], word, NULL, doc, &error) < 0)
        die_on_error ("autocode", error);
    }

  codebook = dossier_project_get_tags (project);
  highlights = dossier_project_get_highlights (project, doc, &error);
  die_on_error ("highlights", error);
  g_assert (g_list_model_get_n_items (highlights) == n_highlights);
  id_tags = g_signal_connect (codebook, "items-changed", G_CALLBACK (count_churn), &tag_churn);
  id_highlights = g_signal_connect (highlights, "items-changed", G_CALLBACK (count_churn),
                                    &highlight_churn);

  /* The first tag to the end of the codebook, and back. */
  for (int r = 0; r < runs; r++)
    {
      double t0 = mark ();

      if (!dossier_project_move_tag (project, tags[0], 0, r % 2 == 0 ? -1 : 0, &error))
        die_on_error ("move a tag", error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
    }

  db = raw_db ("raw-moves.sqlite", TRUE);
  sqlite3_exec (db, "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT, position INTEGER);"
                    "INSERT INTO tags VALUES (1, 'Topic', 1)", NULL, NULL, NULL);
  for (int r = 0; r < runs; r++)
    {
      double t0 = now_ms ();

      sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE tags SET position = position + 1 WHERE id = 1; COMMIT",
                    NULL, NULL, NULL);
      f[r] = now_ms () - t0;
    }
  sqlite3_close (db);

  floor_ms = median (f, runs);
  add_moves_row ("move a tag of 200 to the end (5,000 highlights)", t, c, floor_ms, runs,
                 &tag_churn, &highlight_churn);

  /* Two tags merged, then undone: tag 2i + 1 into tag 2i + 2. */
  for (int r = 0; r < runs; r++)
    {
      double t0 = mark ();

      if (!dossier_project_merge_tags (project, tags[1 + 2 * r], tags[2 + 2 * r], &error))
        die_on_error ("merge tags", error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
    }
  add_moves_row ("merge two tags of 200 (25 highlights each)", t, c, floor_ms, runs,
                 &tag_churn, &highlight_churn);
  for (int r = 0; r < runs; r++)
    {
      double t0 = mark ();

      if (!dossier_project_undo (project, &error))
        die_on_error ("undo a merge", error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
    }
  add_moves_row ("undo a merge", t, c, floor_ms, runs, &tag_churn, &highlight_churn);

  g_signal_handler_disconnect (codebook, id_tags);
  g_signal_handler_disconnect (highlights, id_highlights);
}

/* ---- Import ------------------------------------------------------------ */

static void
bench_import (void)
{
  gsize size = opt_quick ? 256 * 1024 : 1024 * 1024;
  g_autofree char *html = make_html (1, size);
  g_autofree char *text = make_text (2, size, NULL);
  g_autofree char *label = NULL;
  g_autoptr(GBytes) html_bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(GBytes) text_bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(DossierProject) project = new_project ("import.dossier");
  double t[64], c[64], f[64];
  const char *unit = opt_quick ? "256 KB" : "1 MB";

  /* HTML: parse and extract; floor = libxml2 parsing the same bytes. */
  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(GError) error = NULL;
      DossierParsedDocument *doc;
      htmlDocPtr hdoc;
      double t0;

      t0 = mark ();
      doc = dossier_import_bytes (html_bytes, DOSSIER_FORMAT_HTML, "page.html", &error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      die_on_error ("import HTML", error);
      dossier_parsed_document_free (doc);

      t0 = now_ms ();
      hdoc = htmlReadMemory (html, strlen (html), "page.html", "UTF-8",
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_COMPACT);
      f[r] = now_ms () - t0;
      xmlFreeDoc (hdoc);
    }
  label = g_strdup_printf ("import %s HTML (parse + extract)", unit);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "htmlReadMemory alone", median (f, opt_runs),
           opt_quick ? 0 : 100, NULL);
  g_clear_pointer (&label, g_free);

  /* Text: parse; floor = normalizing the same bytes. */
  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(GError) error = NULL;
      DossierParsedDocument *doc;
      char *norm;
      double t0;

      t0 = mark ();
      doc = dossier_import_bytes (text_bytes, DOSSIER_FORMAT_TEXT, "wire.txt", &error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      die_on_error ("import text", error);
      dossier_parsed_document_free (doc);

      t0 = now_ms ();
      norm = dossier_text_normalize (text, strlen (text), &error);
      f[r] = now_ms () - t0;
      die_on_error ("normalize", error);
      g_free (norm);
    }
  label = g_strdup_printf ("import %s text (parse)", unit);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "dossier_text_normalize alone", median (f, opt_runs),
           opt_quick ? 0 : 100, NULL);
  g_clear_pointer (&label, g_free);

  /* What the user waits for: read, parse, store (one transaction); the
   * search index is written after it commits, by a thread (as in the
   * window), and timed apart: from the commit until it is done. Floors:
   * reading the file, normalizing it and one raw durable INSERT of the
   * text; then one raw durable INSERT of it into the same FTS5 index. */
  {
    g_autofree char *file_path = scratch_path ("wire.txt");
    g_autofree char *raw_path = scratch_path ("import-raw.sqlite");
    g_autofree char *project_path = g_strdup (dossier_project_get_path (project));
    g_autoptr(GFile) file = g_file_new_for_path (file_path);
    g_autoptr(GError) open_error = NULL;
    double ti[64], ci[64], fi[64];
    sqlite3 *raw;
    sqlite3_stmt *insert, *index;

    dossier_project_close (project);
    g_clear_object (&project);
    project = dossier_project_open (project_path, DOSSIER_OPEN_INDEX_IN_BACKGROUND, &open_error);
    die_on_error ("open the project", open_error);

    g_file_set_contents (file_path, text, -1, NULL);
    remove_project (raw_path);
    sqlite3_open (raw_path, &raw);
    sqlite3_exec (raw,
                  "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                  "CREATE TABLE documents (id INTEGER PRIMARY KEY, original BLOB, text TEXT);"
                  "CREATE VIRTUAL TABLE documents_fts USING fts5 (text, content = 'documents',"
                  " content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');",
                  NULL, NULL, NULL);
    sqlite3_prepare_v2 (raw, "INSERT INTO documents (original, text) VALUES (?1, ?2)", -1,
                        &insert, NULL);
    sqlite3_prepare_v2 (raw, "INSERT INTO documents_fts (rowid, text) VALUES (?1, ?2)", -1,
                        &index, NULL);

    for (int r = 0; r < opt_runs; r++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(DossierParsedDocument) doc = NULL;
        char *data, *norm;
        gsize len;
        double t0;

        t0 = mark ();
        doc = dossier_import_file (file, DOSSIER_FORMAT_AUTO, NULL, &error);
        die_on_error ("import file", error);
        dossier_project_add_document (project, doc, &error);
        t[r] = now_ms () - t0;
        c[r] = cpu_since ();
        die_on_error ("add document", error);

        t0 = mark ();
        while (dossier_project_get_indexing (project))
          g_main_context_iteration (NULL, TRUE);
        ti[r] = now_ms () - t0;
        ci[r] = cpu_since ();
        if (dossier_project_count_unindexed (project) != 0)
          {
            fprintf (stderr, "bench-core: the thread left the text unindexed\n");
            exit (1);
          }

        t0 = now_ms ();
        g_file_get_contents (file_path, &data, &len, NULL);
        norm = dossier_text_normalize (data, len, NULL);
        sqlite3_exec (raw, "BEGIN", NULL, NULL, NULL);
        sqlite3_bind_blob (insert, 1, data, len, SQLITE_STATIC);
        sqlite3_bind_text (insert, 2, norm, -1, SQLITE_STATIC);
        sqlite3_step (insert);
        sqlite3_reset (insert);
        sqlite3_exec (raw, "COMMIT", NULL, NULL, NULL);
        f[r] = now_ms () - t0;

        t0 = now_ms ();
        sqlite3_exec (raw, "BEGIN", NULL, NULL, NULL);
        sqlite3_bind_int64 (index, 1, sqlite3_last_insert_rowid (raw));
        sqlite3_bind_text (index, 2, norm, -1, SQLITE_STATIC);
        sqlite3_step (index);
        sqlite3_reset (index);
        sqlite3_exec (raw, "COMMIT", NULL, NULL, NULL);
        fi[r] = now_ms () - t0;
        g_free (norm);
        g_free (data);
      }
    sqlite3_finalize (insert);
    sqlite3_finalize (index);
    sqlite3_close (raw);
    label = g_strdup_printf ("import %s text file into a project", unit);
    add_row (label, median (t, opt_runs), median (c, opt_runs),
             "read + normalize + raw INSERT", median (f, opt_runs),
             opt_quick ? 0 : 100, "read, parse, store; indexed after");
    g_clear_pointer (&label, g_free);
    label = g_strdup_printf ("then index the %s for search (thread)", unit);
    add_row (label, median (ti, opt_runs), median (ci, opt_runs),
             "raw INSERT into the FTS5 index", median (fi, opt_runs), 0, NULL);
  }

  dossier_project_close (project);
}

/* ---- Raw SQLite floors ------------------------------------------------- */

static sqlite3 *
raw_db (const char *name,
        gboolean    wal)
{
  g_autofree char *path = scratch_path (name);
  sqlite3 *db;

  remove_project (path);
  if (sqlite3_open (path, &db) != SQLITE_OK)
    {
      fprintf (stderr, "bench-core: sqlite3_open %s failed\n", path);
      exit (1);
    }
  if (wal)
    /* As the core sets a project up: every commit durable. */
    sqlite3_exec (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", NULL, NULL, NULL);
  sqlite3_exec (db,
                "CREATE TABLE highlight (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
                " document_id INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
                " quote TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,"
                " memo TEXT NOT NULL, author TEXT NOT NULL, created TEXT NOT NULL,"
                " modified TEXT NOT NULL);"
                "CREATE INDEX highlight_doc ON highlight (document_id, start, end);"
                "CREATE TABLE highlight_tag (highlight_id INTEGER NOT NULL, tag_id INTEGER NOT NULL,"
                " position INTEGER NOT NULL, PRIMARY KEY (highlight_id, tag_id)) WITHOUT ROWID;",
                NULL, NULL, NULL);
  return db;
}

/* Inserts @n highlight rows (with their tag link) like the core would:
 * in one transaction, or each in its own (and copied into the file after
 * each with a passive checkpoint when @checkpoint_each). */
static double
raw_insert_highlights (sqlite3 *db,
                       guint    n,
                       gboolean one_transaction,
                       gboolean checkpoint_each)
{
  sqlite3_stmt *h, *t;
  double t0 = now_ms ();

  sqlite3_prepare_v2 (db, "INSERT INTO highlight (uuid, document_id, start, end, quote, prefix,"
                          " suffix, memo, author, created, modified)"
                          " VALUES (?, 1, ?, ?, ?, ?, ?, '', 'Bench', ?, ?)", -1, &h, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO highlight_tag VALUES (?, 1, 0)", -1, &t, NULL);

  if (one_transaction)
    sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autoptr(GDateTime) dt = g_date_time_new_now_utc ();
      g_autofree char *created = g_date_time_format_iso8601 (dt);

      if (!one_transaction)
        sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
      sqlite3_bind_text (h, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (h, 2, i * 10);
      sqlite3_bind_int64 (h, 3, i * 10 + 7);
      sqlite3_bind_text (h, 4, "harbour", -1, SQLITE_STATIC);
      sqlite3_bind_text (h, 5, "the council said the future of the ", -1, SQLITE_STATIC);
      sqlite3_bind_text (h, 6, " bridge would be decided by Tuesday", -1, SQLITE_STATIC);
      sqlite3_bind_text (h, 7, created, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (h, 8, created, -1, SQLITE_TRANSIENT);
      sqlite3_step (h);
      sqlite3_reset (h);
      sqlite3_bind_int64 (t, 1, sqlite3_last_insert_rowid (db));
      sqlite3_step (t);
      sqlite3_reset (t);
      if (!one_transaction)
        sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      if (checkpoint_each)
        sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
  if (one_transaction)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  sqlite3_finalize (h);
  sqlite3_finalize (t);
  return now_ms () - t0;
}

/* ---- Highlights -------------------------------------------------------- */

/* A document where "harbour" occurs @n times (plus text between). */
static char *
make_marked_text (guint32 seed,
                  guint   n)
{
  Words w = { g_rand_new_with_seed (seed) };
  GString *s = g_string_new ("Marked report\n\n");

  for (guint i = 0; i < n; i++)
    {
      append_word (&w, s);
      g_string_append (s, " harbour ");
      append_word (&w, s);
      g_string_append (s, i % 10 == 9 ? ".\n\n" : ", ");
    }
  g_rand_free (w.rand);
  return g_string_free (s, FALSE);
}

/* @sample highlights added one action each into a new project holding
 * @text, per run: the time per action in @t and @c, the floor (each raw
 * INSERT in its own transaction) in @f. With @let_idle, the main loop
 * runs until idle after each, as a window's would, so that the action
 * also goes into the file itself (the main connection's checkpoint), and
 * the floor checkpoints after each too. */
static void
add_highlights_sampled (const char *text,
                        guint       sample,
                        gboolean    let_idle,
                        double     *t,
                        double     *c,
                        double     *f)
{
  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(DossierProject) project = new_project ("highlights.dossier");
      g_autoptr(GError) error = NULL;
      gint64 doc = add_text_document (project, text, "Marked");
      gint64 tag = dossier_project_add_tag (project, "Harbour", 0, NULL, NULL, &error);
      gint64 length = dossier_document_get_length (dossier_project_get_document (project, doc));
      sqlite3 *db;
      double t0;

      die_on_error ("add tag", error);
      while (let_idle && g_main_context_iteration (NULL, FALSE))
        ;
      t0 = mark ();
      for (guint i = 0; i < sample; i++)
        {
          gint64 start = ((gint64) i * 97) % (length - 40);

          if (dossier_project_add_highlight (project, doc, start, start + 7 + i % 30,
                                             &tag, 1, NULL, &error) <= 0)
            die_on_error ("add highlight", error);
          while (let_idle && g_main_context_iteration (NULL, FALSE))
            ;
        }
      t[r] = (now_ms () - t0) / sample;
      c[r] = cpu_since () / sample;
      dossier_project_close (project);

      db = raw_db ("raw-each.sqlite", TRUE);
      f[r] = raw_insert_highlights (db, sample, FALSE, let_idle) / sample;
      sqlite3_close (db);
    }
}

static void
bench_highlights (void)
{
  guint total = opt_quick ? 10000 : 100000;
  /* One transaction per action is the design, and each commit is made
   * durable (synchronous = FULL), so the disk's flush dominates: a sample
   * of actions gives the per-action cost honestly without minutes of
   * fsync; the total is that times @total. */
  guint sample = opt_quick ? 200 : 500;
  /* The batched path over many documents (the usual case: one code across
   * a corpus), and within one document, where its cost per match must not
   * grow with the number of matches. */
  guint n_docs = 100;
  guint one_doc = opt_quick ? 2000 : 10000;
  g_autofree char *text = make_marked_text (3, sample * 4);
  g_autofree char *one_text = make_marked_text (4, one_doc);
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  double t[64], c[64], f[64];

  for (guint d = 0; d < n_docs; d++)
    g_ptr_array_add (texts, make_marked_text (500 + d, total / n_docs));

  add_highlights_sampled (text, sample, FALSE, t, c, f);
  label = g_strdup_printf ("add a highlight (one action, ×%u sampled)", sample);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "raw INSERT, one transaction each",
           median (f, opt_runs), 16, "per action");
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf ("add %u highlights one action at a time", total);
  add_row (label, median (t, opt_runs) * total, median (c, opt_runs) * total,
           "raw INSERT, one transaction each", median (f, opt_runs) * total, 0,
           "per-action median × count");
  g_clear_pointer (&label, g_free);

  /* The same actions, each let into the file itself as a window idle
   * after it would be. */
  add_highlights_sampled (text, sample, TRUE, t, c, f);
  label = g_strdup_printf ("add a highlight, into the file once idle (×%u sampled)", sample);
  add_row (label, median (t, opt_runs), median (c, opt_runs),
           "raw INSERT, one transaction and checkpoint each", median (f, opt_runs), 16,
           "per action");
  g_clear_pointer (&label, g_free);

  /* Autocode makes every highlight in one transaction and one undo step.
   * Floor: the same number of rows inserted raw in one transaction. */
  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(DossierProject) project = new_project ("autocode.dossier");
      g_autoptr(GError) error = NULL;
      gint64 tag;
      gint64 n;
      sqlite3 *db;
      double t0;

      for (guint d = 0; d < n_docs; d++)
        add_text_document (project, g_ptr_array_index (texts, d), NULL);
      tag = dossier_project_add_tag (project, "Harbour", 0, NULL, NULL, &error);
      die_on_error ("add tag", error);

      t0 = mark ();
      n = dossier_project_autocode (project, tag, "harbour", NULL, 0, &error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      die_on_error ("autocode", error);
      /* The invented words sometimes spell "harbour" too: a few more. */
      if (n < (gint64) total)
        fprintf (stderr, "bench-core: autocode made %" G_GINT64_FORMAT " highlights, expected %u\n",
                 n, total);
      dossier_project_close (project);

      db = raw_db ("raw-one.sqlite", TRUE);
      f[r] = raw_insert_highlights (db, n, TRUE, FALSE);
      sqlite3_close (db);
    }
  label = g_strdup_printf ("autocode %u highlights in %u documents", total, n_docs);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "raw INSERTs, one transaction",
           median (f, opt_runs), 0, "one transaction");
  g_clear_pointer (&label, g_free);

  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(DossierProject) project = new_project ("autocode-one.dossier");
      g_autoptr(GError) error = NULL;
      gint64 tag;
      sqlite3 *db;
      double t0;

      add_text_document (project, one_text, "One");
      tag = dossier_project_add_tag (project, "Harbour", 0, NULL, NULL, &error);
      die_on_error ("add tag", error);

      t0 = mark ();
      dossier_project_autocode (project, tag, "harbour", NULL, 0, &error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      die_on_error ("autocode", error);
      dossier_project_close (project);

      db = raw_db ("raw-one.sqlite", TRUE);
      f[r] = raw_insert_highlights (db, one_doc, TRUE, FALSE);
      sqlite3_close (db);
    }
  label = g_strdup_printf ("autocode %u highlights in one document", one_doc);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "raw INSERTs, one transaction",
           median (f, opt_runs), 0, "one transaction");
}

/* ---- Listing a document's highlights ------------------------------------ */

/* About @bytes of text with @n markers spread evenly: "quay" every fifth,
 * "wharf" the others (the invented syllables spell neither). */
static char *
make_spread_text (guint32 seed,
                  gsize   bytes,
                  guint   n)
{
  Words w = { g_rand_new_with_seed (seed) };
  GString *s = g_string_sized_new (bytes + 1024);
  gsize spacing = bytes / n;
  gsize next = spacing;
  guint made = 0, sentences = 0;

  g_string_append (s, "Quayside report\n\n");
  while (made < n || s->len < bytes)
    {
      append_sentence (&w, s);
      if (++sentences % 5 == 0)
        g_string_append (s, "\n\n");
      while (made < n && s->len >= next)
        {
          g_string_append (s, made % 5 == 4 ? "Quay " : "Wharf ");
          made++;
          next += spacing;
        }
    }
  g_rand_free (w.rand);
  return g_string_free (s, FALSE);
}

/* What the window does: list the open document's highlights (with their
 * tags) when it shows the document, and again after every tagging action
 * to repaint them. A 1 MB document with 5,000 highlights, 1,000 of them
 * carrying two tags. Floor: the same rows read by one raw SELECT (joined
 * with their tags) without making objects. */
static void
bench_list (void)
{
  guint n = opt_quick ? 1000 : 5000;
  gsize bytes = opt_quick ? 200 * 1024 : 1024 * 1024;
  int runs = opt_runs * 4;
  g_autofree char *text = make_spread_text (7, bytes, n);
  g_autofree char *path = scratch_path ("list.dossier");
  g_autoptr(DossierProject) project = new_project ("list.dossier");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  const char *names[] = { "Wharf", "Quay", "Quay works" };
  const char *words[] = { "wharf", "quay", "quay" };
  gint64 doc, tags[3], listed = 0;
  double t[256], c[256], f[256], lt[256], lc[256];
  sqlite3 *db;
  sqlite3_stmt *stmt;

  doc = add_text_document (project, text, "Quayside");
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      tags[i] = dossier_project_add_tag (project, names[i], 0, NULL, NULL, &error);
      die_on_error ("add tag", error);
      if (dossier_project_autocode (project, tags[i], words[i], NULL, doc, &error) < 0)
        die_on_error ("autocode", error);
    }
  dossier_project_close (project);
  g_clear_object (&project);

  db = raw_db ("raw-list.sqlite", TRUE);
  raw_insert_highlights (db, n, TRUE, FALSE);

  /* The first listing of a project just opened. */
  for (int r = 0; r < runs; r++)
    {
      g_autoptr(GPtrArray) list = NULL;
      double t0;

      project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
      die_on_error ("open", error);
      t0 = mark ();
      list = dossier_project_list_highlights (project, doc, 0, &error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      die_on_error ("list highlights", error);
      listed = list->len;
      dossier_project_close (project);
      g_clear_object (&project);

      t0 = now_ms ();
      sqlite3_prepare_v2 (db, "SELECT h.id, h.uuid, h.document_id, h.start, h.end, h.quote, h.prefix,"
                              " h.suffix, h.memo, h.author, h.created, h.modified, t.tag_id"
                              " FROM highlight h LEFT JOIN highlight_tag t ON t.highlight_id = h.id"
                              " WHERE h.document_id = 1 ORDER BY h.start, h.end, h.id",
                          -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int col = 0; col < 13; col++)
          if (sqlite3_column_type (stmt, col) == SQLITE_TEXT)
            sqlite3_column_text (stmt, col);
          else
            sqlite3_column_int64 (stmt, col);
      sqlite3_finalize (stmt);
      f[r] = now_ms () - t0;
    }
  sqlite3_close (db);
  if (listed != n)
    fprintf (stderr, "bench-core: listed %" G_GINT64_FORMAT " highlights, expected %u\n", listed, n);

  label = g_strdup_printf ("list %u highlights of a %zu KB document", n, bytes / 1024);
  add_row (label, median (t, runs), median (c, runs), "raw SELECT of the same rows", median (f, runs),
           0, "first time, as the document is shown");
  g_clear_pointer (&label, g_free);

  /* The step the window waits for: tag a selection (committed), list
   * again. */
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  die_on_error ("open", error);
  g_ptr_array_unref (dossier_project_list_highlights (project, doc, 0, &error));
  die_on_error ("list highlights", error);
  for (int r = 0; r < runs; r++)
    {
      g_autoptr(GPtrArray) list = NULL;
      gint64 start = 17 + (gint64) r * 211;
      double t0 = mark (), t1, c1;

      if (dossier_project_tag_range (project, doc, start, start + 9, tags[r % 3], &error) <= 0)
        die_on_error ("tag a range", error);
      t1 = now_ms ();
      c1 = cpu_since ();
      list = dossier_project_list_highlights (project, doc, 0, &error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      lt[r] = t[r] - (t1 - t0);
      lc[r] = c[r] - c1;
      die_on_error ("list highlights", error);
    }
  label = g_strdup_printf ("list them again after tagging a selection");
  add_row (label, median (lt, runs), median (lc, runs), NULL, 0, 0,
           "only what the action changed is read");
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf ("tag a selection + list %u highlights", n);
  add_row (label, median (t, runs), median (c, runs), NULL, 0, 16, "committed, ready to repaint");

  dossier_project_close (project);
}

/* ---- A big project: export and open ----------------------------------- */

/* 1,000 documents (~3 KB each) and 100,000 highlights (100 per document,
 * made by autocode), closed; returns its path. Made once per run. */
static char *
make_big_project (guint *n_docs,
                  guint *n_highlights)
{
  guint docs = opt_quick ? 100 : 1000;
  guint per_doc = 100;
  char *path = scratch_path ("big.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project = NULL;
  gint64 tags[4];
  double t0 = now_ms ();

  *n_docs = docs;
  *n_highlights = docs * per_doc;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  project = new_project ("big.dossier");
  tags[0] = dossier_project_add_tag (project, "Stakeholders", 0, NULL, "Who", &error);
  tags[1] = dossier_project_add_tag (project, "Government", tags[0], NULL, NULL, &error);
  tags[2] = dossier_project_add_tag (project, "Costs", 0, NULL, "Money", &error);
  tags[3] = dossier_project_add_tag (project, "Risks, “quoted”", 0, NULL, NULL, &error);
  die_on_error ("add tags", error);

  for (guint d = 0; d < docs; d++)
    {
      g_autofree char *text = make_marked_text (100 + d, per_doc);
      g_autofree char *title = g_strdup_printf ("Report %u — Quai Mérové, “part” %u", d, d);

      add_text_document (project, text, title);
    }
  if (dossier_project_autocode (project, tags[1], "harbour", NULL, 0, &error) < 0)
    die_on_error ("autocode", error);
  dossier_project_close (project);

  fprintf (stderr, "  (made a project of %u documents and %u highlights in %.1f s)\n",
           docs, docs * per_doc, (now_ms () - t0) / 1000);
  return path;
}

static double
fwrite_floor (const char *data,
              gsize       len,
              const char *name)
{
  g_autofree char *path = scratch_path (name);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  double t0 = now_ms ();
  FILE *f = fopen (tmp, "wb");

  fwrite (data, 1, len, f);
  fflush (f);
  fsync (fileno (f));
  fclose (f);
  g_rename (tmp, path);
  return now_ms () - t0;
}

static void
bench_export (void)
{
  guint n_docs, n_highlights;
  g_autofree char *path = make_big_project (&n_docs, &n_highlights);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  const struct { DossierExportFormat format; const char *name; } formats[] = {
    { DOSSIER_EXPORT_CSV, "CSV" },
    { DOSSIER_EXPORT_JSON, "JSON" },
    { DOSSIER_EXPORT_MARKDOWN, "Markdown" },
    { DOSSIER_EXPORT_HTML, "HTML" },
  };

  die_on_error ("open the big project", error);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = g_strdup_printf ("export.%s", dossier_export_format_extension (formats[i].format));
      g_autofree char *out_path = scratch_path (out);
      g_autofree char *label = NULL;
      g_autofree char *note = NULL;
      double t[64], c[64], f[64];
      char *data = NULL;
      gsize len = 0;

      for (int r = 0; r < opt_runs; r++)
        {
          double t0 = mark ();

          if (!dossier_export_to_file (project, formats[i].format, NULL, NULL, out_path, NULL, &error))
            die_on_error ("export", error);
          t[r] = now_ms () - t0;
          c[r] = cpu_since ();

          if (data == NULL)
            g_file_get_contents (out_path, &data, &len, NULL);
          f[r] = fwrite_floor (data, len, "floor.out");
        }

      label = g_strdup_printf ("export %u highlights to %s", n_highlights, formats[i].name);
      note = g_strdup_printf ("%.1f MB", len / 1e6);
      add_row (label, median (t, opt_runs), median (c, opt_runs), "fwrite+fsync of the same bytes", median (f, opt_runs),
               i < 2 ? 1000 : 0, note);
      g_free (data);
    }

  dossier_project_close (project);
}

static void
bench_open (void)
{
  guint n_docs, n_highlights;
  g_autofree char *path = make_big_project (&n_docs, &n_highlights);
  g_autofree char *label = NULL;
  double t[64], c[64], f[64];

  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(GError) error = NULL;
      DossierProject *project;
      GListModel *documents, *tags;
      guint n = 0;
      sqlite3 *db;
      sqlite3_stmt *stmt;
      double t0;

      /* What the window needs to show the project: open it for writing,
       * list documents (with titles and counts) and the codebook. */
      t0 = mark ();
      project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
      die_on_error ("open", error);
      documents = dossier_project_get_documents (project);
      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, i);

          n += dossier_document_get_n_highlights (doc) + strlen (dossier_document_get_title (doc));
        }
      tags = dossier_project_get_tags (project);
      for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
        {
          g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);

          n += dossier_tag_get_n_highlights (tag);
        }
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      dossier_project_close (project);
      g_object_unref (project);
      if (n == 0)
        fprintf (stderr, "bench-core: the big project looks empty\n");

      t0 = now_ms ();
      sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
      if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM documents", -1, &stmt, NULL) != SQLITE_OK &&
          sqlite3_prepare_v2 (db, "SELECT count(*) FROM document", -1, &stmt, NULL) != SQLITE_OK)
        sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL);
      sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      f[r] = now_ms () - t0;
    }

  label = g_strdup_printf ("open %u docs / %u highlights + list docs, tags", n_docs, n_highlights);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "sqlite3_open + SELECT count(*)", median (f, opt_runs),
           300, NULL);
}

/* ---- Opening a project with values of 10 MB ---------------------------- */

/* Opens @path and reads what the window lists first (documents, tags,
 * stakeholders, questions, briefings); wall ms, CPU ms in *@cpu. */
static double
open_and_list (const char *path,
               double     *cpu)
{
  g_autoptr(GError) error = NULL;
  GListModel *lists[5];
  DossierProject *project;
  double t0, ms;
  gsize n = 0;

  t0 = mark ();
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  die_on_error ("open", error);
  lists[0] = dossier_project_get_documents (project);
  lists[1] = dossier_project_get_tags (project);
  lists[2] = dossier_project_get_stakeholders (project);
  lists[3] = dossier_project_get_questions (project);
  lists[4] = dossier_project_get_briefings (project);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    n += g_list_model_get_n_items (lists[l]);
  ms = now_ms () - t0;
  *cpu = cpu_since ();
  dossier_project_close (project);
  g_object_unref (project);
  if (n == 0)
    fprintf (stderr, "bench-core: the project of huge names looks empty\n");
  return ms;
}

/* Closes @project and copies its file to @copy: the same project, to be
 * made into one from someone else. */
static void
close_and_copy (DossierProject *project,
                const char     *copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (dossier_project_get_path (project));
  g_autoptr(GFile) to = g_file_new_for_path (copy);

  dossier_project_close (project);
  g_object_unref (project);
  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  die_on_error ("copy the project", error);
}

/* A project of 5 documents, 20 tags, 5 stakeholders, a question with 4
 * arguments and a note, as Dossier writes them; then a copy from
 * someone else whose project title, first document's title, author and
 * outlet, first tag's name and description, first stakeholder's name and
 * description, question, argument and note's title are 10 MB each (what
 * tests/hostile's huge-title case holds, and more). Opening each and
 * listing what the window lists first; the first is the floor. */
static void
bench_huge_open (void)
{
  g_autofree char *path = scratch_path ("names.dossier");
  g_autofree char *huge = scratch_path ("huge-names.dossier");
  g_autoptr(GError) error = NULL;
  DossierProject *project = new_project ("names.dossier");
  gint64 docs[5], question;
  double t[64], c[64], f[64], fc[64];

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *text = make_text (700 + i, 20000, NULL);
      g_autofree char *title = g_strdup_printf ("Article %u", i + 1);

      docs[i] = add_text_document (project, text, title);
    }
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Theme %u", i + 1);

      dossier_project_add_tag (project, name, 0, NULL, NULL, &error);
      die_on_error ("add a tag", error);
    }
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Harbour Board %u", i + 1);

      dossier_project_add_stakeholder (project, name, NULL, DOSSIER_STAKEHOLDER_ORGANISATION, &error);
      die_on_error ("add a stakeholder", error);
    }
  question = dossier_project_add_question (project, "Should the bridge close?", &error);
  die_on_error ("add a question", error);
  for (guint i = 0; i < 4; i++)
    {
      dossier_project_add_argument (project, question, i % 2 ? DOSSIER_POLARITY_CON : DOSSIER_POLARITY_PRO,
                                    "The repairs cost less than a new deck.", 0, 3, &error);
      die_on_error ("add an argument", error);
    }
  dossier_project_add_briefing (project, "Where things stand", docs, G_N_ELEMENTS (docs), "A note.\n", &error);
  die_on_error ("add a note", error);
  close_and_copy (project, huge);
  test_sql_exec (huge,
                 "UPDATE project SET title = printf ('%.*c', 10000000, 'P');"
                 "UPDATE documents SET title = printf ('%.*c', 10000000, 'T'), "
                 "  author = printf ('%.*c', 10000000, 'A'), outlet = printf ('%.*c', 10000000, 'O') "
                 "WHERE id = (SELECT min (id) FROM documents);"
                 "UPDATE tags SET name = printf ('%.*c', 10000000, 'N'), "
                 "  description = printf ('%.*c', 10000000, 'D') WHERE id = (SELECT min (id) FROM tags);"
                 "UPDATE stakeholders SET name = printf ('%.*c', 10000000, 'S'), "
                 "  description = printf ('%.*c', 10000000, 'D') "
                 "WHERE id = (SELECT min (id) FROM stakeholders);"
                 "UPDATE questions SET text = printf ('%.*c', 10000000, 'Q');"
                 "UPDATE arguments SET statement = printf ('%.*c', 10000000, 'R') "
                 "WHERE id = (SELECT min (id) FROM arguments);"
                 "UPDATE briefings SET title = printf ('%.*c', 10000000, 'B');");

  for (int r = 0; r < opt_runs; r++)
    {
      t[r] = open_and_list (huge, &c[r]);
      f[r] = open_and_list (path, &fc[r]);
    }
  {
    g_autofree char *note = g_strdup_printf ("cpu %.0f ms beside %.1f ms", median (c, opt_runs),
                                             median (fc, opt_runs));

    add_row ("open + list, names and titles of 10 MB", median (t, opt_runs), median (c, opt_runs),
             "the same project, short names", median (f, opt_runs), 300, note);
  }
  remove_project (huge);
  remove_project (path);
}

/* ---- Opening a project of long texts --------------------------------- */

/* A project of 10 documents of 50 MB each (5 MB with --quick), made once
 * and kept with --keep (it takes minutes), as Dossier writes them. */
static char *
make_long_texts_project (gsize bytes)
{
  g_autofree char *name = g_strdup_printf ("long-texts-%zu.dossier", bytes);
  char *path = scratch_path (name);
  DossierProject *project;

  if (opt_keep != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  project = new_project (name);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *text = make_text (900 + i, bytes, NULL);
      g_autofree char *title = g_strdup_printf ("Dump %u", i + 1);

      add_text_document (project, text, title);
    }
  dossier_project_close (project);
  g_object_unref (project);
  return path;
}

/* @path's text of document @id read raw, in one pass: the floor. */
static double
raw_text_read (const char *path,
               gint64      id)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  double t0 = now_ms (), ms;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db, "SELECT text FROM documents WHERE id = ?1", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_bytes (stmt, 0) == 0)
    fprintf (stderr, "bench-core: no text %" G_GINT64_FORMAT " in %s\n", id, path);
  ms = now_ms () - t0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ms;
}

/* Opening a project of 10 documents of 50 MB and listing what the window
 * lists first, beside the same for 10 documents of 1 KB (the floor): a
 * document's length, listed, lies after its text in its row. Then a long
 * text read in a project open read-only (a program that follows a
 * writer, which asks the file for the length to check the text by),
 * beside a raw read of the same text. */
static void
bench_long_texts (void)
{
  gsize bytes = opt_quick ? 5 * 1000 * 1000 : 50 * 1000 * 1000;
  g_autofree char *path = make_long_texts_project (bytes);
  g_autofree char *small = make_long_texts_project (1000);
  double t[64], c[64], f[64], fc[64];
  g_autofree char *label = NULL;
  DossierProject *project;
  g_autoptr(GError) error = NULL;

  for (int r = 0; r < opt_runs; r++)
    {
      t[r] = open_and_list (path, &c[r]);
      f[r] = open_and_list (small, &fc[r]);
    }
  label = g_strdup_printf ("open + list, 10 documents of %zu MB", bytes / 1000000);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "the same, 10 documents of 1 KB",
           median (f, opt_runs), 300, NULL);

  project = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  die_on_error ("open read-only", error);
  for (int r = 0; r < opt_runs; r++)
    {
      g_autofree char *text = NULL;
      double t0 = mark ();

      text = dossier_project_read_text (project, 1, &error);
      die_on_error ("read a text", error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      f[r] = raw_text_read (path, 1);
    }
  dossier_project_close (project);
  g_object_unref (project);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf ("read a text of %zu MB, read-only", bytes / 1000000);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "raw SELECT text", median (f, opt_runs),
           0, NULL);
  if (opt_keep == NULL)
    {
      remove_project (path);
      remove_project (small);
    }
}

/* Opens @path, lists its stakeholders with their aliases, stores @text
 * (its mentions found by every name) and closes it: what a project of
 * someone else's costs before the window shows its stakeholders and a
 * first import. Wall ms, CPU ms in *@cpu. */
static double
open_list_and_find (const char *path,
                    const char *text,
                    double     *cpu)
{
  g_autoptr(GError) error = NULL;
  DossierProject *project;
  GListModel *stakeholders;
  guint n, aliases = 0, mentions = 0;
  double t0, ms;

  t0 = mark ();
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  die_on_error ("open", error);
  stakeholders = dossier_project_get_stakeholders (project);
  n = g_list_model_get_n_items (stakeholders);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (stakeholders, i);

      aliases += g_strv_length ((char **) dossier_stakeholder_get_aliases (s));
    }
  add_text_document (project, text, "Minutes");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (stakeholders, i);

      mentions += dossier_stakeholder_get_n_mentions (s);
    }
  ms = now_ms () - t0;
  *cpu = cpu_since ();
  dossier_project_close (project);
  g_object_unref (project);
  if (aliases == 0 || mentions == 0)
    fprintf (stderr, "bench-core: no aliases or no mentions in %s\n", path);
  return ms;
}

/* 5 documents and 5 stakeholders of two aliases each, named in them; then
 * a copy from someone else where the first stakeholder's aliases are one
 * of 50 MB. Opening each, listing the stakeholders and storing a new
 * document (its mentions found); the first is the floor. The aliases were
 * copied whole out of SQLite and split, at opening and at each import. */
static void
bench_huge_aliases (void)
{
  g_autofree char *path = scratch_path ("aliases.dossier");
  g_autofree char *huge = scratch_path ("huge-aliases.dossier");
  g_autofree char *minutes = make_text (799, 20000, "The Harbour Board 1 and the board 2 voted.");
  g_autoptr(GError) error = NULL;
  DossierProject *project = new_project ("aliases.dossier");
  double t[64], c[64], f[64], fc[64];

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = make_text (700 + i, 20000, "The Harbour Board 3 met the board 4.");
      g_autofree char *title = g_strdup_printf ("Article %u", i + 1);
      g_autofree char *name = g_strdup_printf ("Harbour Board %u", i + 1);
      g_autofree char *alias = g_strdup_printf ("the board %u", i + 1);
      g_autofree char *short_alias = g_strdup_printf ("HB%u", i + 1);

      add_text_document (project, text, title);
      dossier_project_add_stakeholder (project, name, (const char *[]) { alias, short_alias, NULL },
                                       DOSSIER_STAKEHOLDER_ORGANISATION, &error);
      die_on_error ("add a stakeholder", error);
    }
  close_and_copy (project, huge);
  test_sql_exec (huge, "UPDATE stakeholders SET aliases = printf ('%.*c', 50000000, 'a') "
                       "WHERE id = (SELECT min (id) FROM stakeholders);");

  for (int r = 0; r < opt_runs; r++)
    {
      t[r] = open_list_and_find (huge, minutes, &c[r]);
      f[r] = open_list_and_find (path, minutes, &fc[r]);
    }
  {
    g_autofree char *note = g_strdup_printf ("cpu %.0f ms beside %.1f ms", median (c, opt_runs),
                                             median (fc, opt_runs));

    add_row ("open + list stakeholders + a document's mentions, an alias of 50 MB", median (t, opt_runs),
             median (c, opt_runs), "the same project, short aliases", median (f, opt_runs), 300, note);
  }
  remove_project (huge);
  remove_project (path);
}

/* ---- Stakeholders loaded ------------------------------------------------ */

#define LOAD_STAKEHOLDERS 5000
#define LOAD_DOCUMENTS 100
#define LOAD_CITED 500

/* 5,000 stakeholders (two aliases each) named across 100 documents of
 * 24 kB, their mentions counted and stored; 500 of them with evidence (a
 * power, an interest or a quote). */
static char *
make_stakeholders_project (void)
{
  g_autoptr(DossierProject) project = new_project ("stakeholders-load.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(GArray) docs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  double t0 = now_ms ();
  sqlite3 *db = NULL;

  for (guint d = 0; d < LOAD_DOCUMENTS; d++)
    {
      gint64 id;

      g_string_truncate (text, 0);
      for (guint i = 0; text->len < 24000; i++)
        g_string_append_printf (text, "Paragraph %u: Person %u met Group %u about the bridge, "
                                      "and the ferry board said nothing of it.\n\n",
                                i, (d * 131 + i * 7) % LOAD_STAKEHOLDERS, (d * 17 + i * 3) % LOAD_STAKEHOLDERS);
      id = add_text_document (project, text->str, NULL);
      g_array_append_val (docs, id);
    }
  dossier_project_close (project);
  g_clear_object (&project);

  /* Written raw, as a file made elsewhere could be: the first open counts
   * their mentions and stores them. */
  for (guint i = 0; i < LOAD_STAKEHOLDERS; i++)
    g_string_append_printf (sql, "INSERT INTO stakeholders (uuid, name, aliases, position) "
                                 "VALUES ('bench-%u', 'Stakeholder %u', 'Person %u\nGroup %u', %u);",
                            i, i, i, i, i);
  g_string_append (sql, "COMMIT;");
  if (sqlite3_open (path, &db) != SQLITE_OK || sqlite3_exec (db, sql->str, NULL, NULL, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "bench-core: stakeholders: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_close (db);

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  die_on_error ("open the stakeholders' project", error);
  for (guint i = 0; i < LOAD_CITED; i++)
    {
      DossierEvidenceRole roles[] = { DOSSIER_EVIDENCE_POWER, DOSSIER_EVIDENCE_INTEREST, DOSSIER_EVIDENCE_QUOTE };
      gint64 start = (i * 97) % 20000;

      dossier_project_add_stakeholder_evidence_range (project, 1 + (i * 7) % LOAD_STAKEHOLDERS,
                                                      g_array_index (docs, gint64, i % docs->len),
                                                      start, start + 30, NULL, roles[i % 3],
                                                      DOSSIER_STANCE_UNKNOWN, &error);
      die_on_error ("cite evidence", error);
    }
  dossier_project_close (project);
  fprintf (stderr, "  (%u stakeholders, %u documents, %u cited, in %.1f s)\n", LOAD_STAKEHOLDERS,
           LOAD_DOCUMENTS, LOAD_CITED, (now_ms () - t0) / 1000);
  return g_steal_pointer (&path);
}

/* The stakeholders' list read at open (with each one's mention count, the
 * documents naming it, its evidence and whether its ratings are backed),
 * timed alone by reading it again in an open project; and the whole open.
 * Floor: the same rows' own columns SELECTed raw, no count. */
static void
bench_stakeholders_load (void)
{
  g_autofree char *path = make_stakeholders_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project = NULL;
  double t[64], c[64], o[64], oc[64], f[64], fc[64];
  g_autofree char *note = NULL;
  sqlite3 *db = NULL;

  project = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  die_on_error ("open", error);
  g_assert (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
  for (int r = 0; r < opt_runs; r++)
    {
      sqlite3_stmt *stmt = NULL;
      DossierProject *again;
      gsize bytes = 0;
      double t0;

      t0 = mark ();
      dossier_project_load_analysis (project, &error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      die_on_error ("load the stakeholders", error);

      t0 = mark ();
      again = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
      o[r] = now_ms () - t0;
      oc[r] = cpu_since ();
      die_on_error ("open", error);
      dossier_project_close (again);
      g_object_unref (again);

      t0 = mark ();
      sqlite3_prepare_v2 (db, "SELECT id, uuid, name, aliases, kind, description, stance, stance_position, "
                              "interests, power, interest, color, position FROM stakeholders "
                              "ORDER BY position, id", -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int i = 1; i < 12; i++)
          bytes += sqlite3_column_bytes (stmt, i);
      sqlite3_finalize (stmt);
      f[r] = now_ms () - t0;
      fc[r] = cpu_since ();
      g_assert (bytes > 0);
    }
  sqlite3_close (db);
  g_assert (g_list_model_get_n_items (dossier_project_get_stakeholders (project)) == LOAD_STAKEHOLDERS);

  note = g_strdup_printf ("the list read again in an open project, as at open; floor cpu %.1f ms",
                          median (fc, opt_runs));
  add_row ("5,000 stakeholders read with their counts", median (t, opt_runs), median (c, opt_runs),
           "SELECT their own columns", median (f, opt_runs), 0, note);
  add_row ("open 5,000 stakeholders / 100 docs, read-only", median (o, opt_runs), median (oc, opt_runs),
           "SELECT their own columns", median (f, opt_runs), 300, NULL);
  dossier_project_close (project);
}

/* ---- Search ------------------------------------------------------------ */

static void
bench_search (void)
{
  gsize total = opt_quick ? 10 * 1024 * 1024 : 100 * 1024 * 1024;
  gsize per_doc = 1024 * 1024;
  guint docs = total / per_doc;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  sqlite3 *raw;
  sqlite3_stmt *insert;
  double t0 = now_ms ();
  const struct { const char *query; const char *fts; const char *what; } queries[] = {
    { "lighthouse", "lighthouse", "a rare word" },
    { "harbour", "harbour", "a common word" },
    { "\"tram ferry\"", "\"tram ferry\"", "a phrase" },
  };

  project = new_project ("search.dossier");
  raw = raw_db ("search-raw.sqlite", TRUE);
  sqlite3_exec (raw, "CREATE VIRTUAL TABLE t USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2')",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (raw, "INSERT INTO t (text) VALUES (?)", -1, &insert, NULL);

  for (guint d = 0; d < docs; d++)
    {
      /* Every tenth document mentions the lighthouse once per paragraph. */
      g_autofree char *text = make_text (1000 + d, per_doc, d % 10 == 3 ? "lighthouse" : "harbour");
      g_autofree char *title = g_strdup_printf ("Long report %u", d);

      add_text_document (project, text, title);
      sqlite3_bind_text (insert, 1, text, -1, SQLITE_STATIC);
      sqlite3_step (insert);
      sqlite3_reset (insert);
    }
  sqlite3_finalize (insert);
  fprintf (stderr, "  (indexed %u MB twice in %.1f s)\n", docs, (now_ms () - t0) / 1000);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double t[64], c[64], f[64];

      for (int r = 0; r < opt_runs; r++)
        {
          g_autoptr(GPtrArray) hits = NULL;
          sqlite3_stmt *stmt;
          int n = 0;

          t0 = mark ();
          hits = dossier_project_search (project, queries[q].query, 50, &error);
          t[r] = now_ms () - t0;
          c[r] = cpu_since ();
          die_on_error ("search", error);

          t0 = now_ms ();
          /* The least a ranked search does: the best 50 rows by bm25. */
          sqlite3_prepare_v2 (raw, "SELECT rowid, rank FROM t WHERE t MATCH ? ORDER BY rank LIMIT 50",
                              -1, &stmt, NULL);
          sqlite3_bind_text (stmt, 1, queries[q].fts, -1, SQLITE_STATIC);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            n++;
          sqlite3_finalize (stmt);
          f[r] = now_ms () - t0;
        }
      label = g_strdup_printf ("search %u MB of text: %s", docs, queries[q].what);
      add_row (label, median (t, opt_runs), median (c, opt_runs), "one FTS5 query (rank, LIMIT 50)", median (f, opt_runs),
               opt_quick ? 0 : 50, NULL);
      g_clear_pointer (&label, g_free);
    }

  sqlite3_close (raw);
  dossier_project_close (project);
}

/* ---- Mentions (issue 8) -------------------------------------------------- */

#define MENTION_STAKEHOLDERS 200

/* Stakeholder @i's surname: an invented word, unique, capitalised. */
static char *
mention_surname (guint i)
{
  return g_strdup_printf ("Kerrow%c%c", 'a' + i % 26, 'a' + (i / 26) % 26);
}

/* @project gets 200 stakeholders of three names each: "Ana Kerrowab",
 * "Kerrowab" and "Minister Kerrowab" (overlapping: the longest wins). */
static void
add_mention_stakeholders (DossierProject *project)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < MENTION_STAKEHOLDERS; i++)
    {
      g_autofree char *surname = mention_surname (i);
      g_autofree char *name = g_strdup_printf ("Ana %s", surname);
      g_autofree char *titled = g_strdup_printf ("Minister %s", surname);
      const char *aliases[] = { surname, titled, NULL };

      dossier_project_add_stakeholder (project, name, aliases, DOSSIER_STAKEHOLDER_OFFICIAL, &error);
      die_on_error ("add a stakeholder", error);
    }
}

/* A document of about @bytes whose paragraphs each name two stakeholders. */
static char *
make_mention_text (guint32 seed,
                   gsize   bytes)
{
  g_autofree char *a = mention_surname (seed % MENTION_STAKEHOLDERS);
  g_autofree char *b = mention_surname ((seed * 7 + 3) % MENTION_STAKEHOLDERS);
  g_autofree char *marker = g_strdup_printf ("Minister %s said so, and Ana %s agreed.", a, b);

  return make_text (seed, bytes, marker);
}

/* Issue 8's targets: every mention of 200 stakeholders × 3 names counted
 * again over 1,000 documents (10 MB) in < 500 ms — what renaming one or
 * editing its aliases does, committed — and one new 1 MB document's
 * mentions counted as it is stored in < 50 ms (the difference from the
 * same document stored among the same documents, without stakeholders). The engine
 * alone (DossierMentionFinder over the same texts) is shown too. */
static void
bench_mentions (void)
{
  guint docs = opt_quick ? 100 : 1000;
  gsize per_doc = 10 * 1024, big = opt_quick ? 256 * 1024 : 1024 * 1024;
  g_autoptr(DossierProject) project = new_project ("mentions.dossier");
  g_autoptr(DossierProject) plain = new_project ("mentions-none.dossier");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *big_text = make_mention_text (424242, big);
  g_autofree char *label = NULL;
  gsize total = 0;
  gint64 first_id;
  double t[64], c[64], f[64], t0 = now_ms ();
  sqlite3 *raw;

  add_mention_stakeholders (project);
  for (guint d = 0; d < docs; d++)
    {
      char *text = make_mention_text (d, per_doc);
      g_autofree char *title = g_strdup_printf ("Report %u", d);

      total += strlen (text);
      add_text_document (project, text, title);
      add_text_document (plain, text, title);
      g_ptr_array_add (texts, text);
    }
  fprintf (stderr, "  (%u documents, %.1f MB, %u stakeholders, in %.1f s)\n", docs, total / 1048576.0,
           MENTION_STAKEHOLDERS, (now_ms () - t0) / 1000);
  {
    g_autoptr(DossierStakeholder) s = g_list_model_get_item (dossier_project_get_stakeholders (project), 0);

    first_id = dossier_stakeholder_get_id (s);
  }

  /* Counted again over everything: an alias added, then taken back. */
  raw = NULL;
  g_assert (sqlite3_open_v2 (dossier_project_get_path (project), &raw, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
  for (int r = 0; r < opt_runs; r++)
    {
      g_autofree char *surname = mention_surname (0);
      g_autofree char *titled = g_strdup_printf ("Minister %s", surname);
      const char *aliases[] = { surname, titled, r % 2 ? NULL : "the minister", NULL };
      sqlite3_stmt *stmt;
      gsize read = 0;

      t0 = mark ();
      dossier_project_set_stakeholder_aliases (project, first_id, aliases, &error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      die_on_error ("set aliases", error);

      /* The least it takes: reading the texts. */
      t0 = now_ms ();
      sqlite3_prepare_v2 (raw, "SELECT text FROM documents", -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        read += sqlite3_column_bytes (stmt, 0);
      sqlite3_finalize (stmt);
      f[r] = now_ms () - t0;
      g_assert (read > total / 2);
    }
  sqlite3_close (raw);
  label = g_strdup_printf ("mentions of %u × 3 names in %u docs, counted again", MENTION_STAKEHOLDERS, docs);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "SELECT text FROM documents", median (f, opt_runs),
           opt_quick ? 0 : 500, "an alias edited: every document counted again, committed");
  g_clear_pointer (&label, g_free);

  /* The engine alone, over the same texts in memory. */
  for (guint i = 0; i < MENTION_STAKEHOLDERS; i++)
    {
      g_autofree char *surname = mention_surname (i);
      g_autofree char *name = g_strdup_printf ("Ana %s", surname);
      g_autofree char *titled = g_strdup_printf ("Minister %s", surname);

      dossier_mention_finder_add (finder, i + 1, name);
      dossier_mention_finder_add (finder, i + 1, surname);
      dossier_mention_finder_add (finder, i + 1, titled);
    }
  for (int r = 0; r < opt_runs; r++)
    {
      gsize n = 0;

      t0 = mark ();
      for (guint d = 0; d < texts->len; d++)
        {
          g_autoptr(GArray) found = dossier_mention_finder_find (finder, g_ptr_array_index (texts, d));

          n += found->len;
        }
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      g_assert (n > 0);

      t0 = now_ms ();
      for (guint d = 0; d < texts->len; d++)
        n += g_utf8_strlen (g_ptr_array_index (texts, d), -1);
      f[r] = now_ms () - t0;
      /* Used, so that the pure calls are made. */
      g_assert (n > total / 2);
    }
  label = g_strdup_printf ("find 600 names in %.0f MB (the engine alone)", total / 1048576.0);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "g_utf8_strlen over the same texts",
           median (f, opt_runs), 0, NULL);
  g_clear_pointer (&label, g_free);

  /* One new document, stored with its mentions counted, and stored in the
   * same documents where there is no one to count: the difference is the
   * mentions' cost. */
  for (int r = 0; r < opt_runs; r++)
    {
      gint64 with, without;
      double w, wc;

      t0 = mark ();
      with = add_text_document (project, big_text, "New long report");
      w = now_ms () - t0;
      wc = cpu_since ();

      t0 = mark ();
      without = add_text_document (plain, big_text, "New long report");
      f[r] = now_ms () - t0;
      t[r] = w - f[r];
      c[r] = wc - cpu_since ();

      dossier_project_delete_document (project, with, &error);
      die_on_error ("delete a document", error);
      dossier_project_delete_document (plain, without, &error);
      die_on_error ("delete a document", error);
    }
  label = g_strdup_printf ("mentions of a new %s document, counted", opt_quick ? "256 KB" : "1 MB");
  add_row (label, median (t, opt_runs), median (c, opt_runs), "storing it where no one is named",
           median (f, opt_runs), opt_quick ? 0 : 50,
           "stored among the 1,000 documents, less the same stored among them without stakeholders");
  dossier_project_close (project);
  dossier_project_close (plain);
}

/* ---- Suggestions -------------------------------------------------------- */

/* Stakeholders suggested from a long article: the three sample articles
 * (data/samples), their texts one after the other 24 times (about 700 KB,
 * a long report), as dossier-cli suggest and the panel read one. Next to
 * it, the floor: splitting the same text into words. */
static void
bench_suggest (void)
{
  static const char * const samples[] = {
    "harbor-bridge-civic-ledger.md", "harbor-bridge-tribune.html", "harbor-bridge-wire.txt",
  };
  guint times = opt_quick ? 4 : 24;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  double t[64], c[64], f[64];
  guint n_suggested = 0;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_build_filename (BENCH_SAMPLES_DIR, samples[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(DossierParsedDocument) sample = dossier_import_file (file, DOSSIER_FORMAT_AUTO, NULL,
                                                                     &error);

      die_on_error ("import a sample", error);
      g_string_append (all, sample->text);
      g_string_append (all, "\n\n");
    }
  {
    g_autofree char *one = g_strdup (all->str);

    for (guint i = 1; i < times; i++)
      g_string_append (all, one);
  }
  doc = dossier_import_bytes (g_bytes_new_static (all->str, all->len), DOSSIER_FORMAT_TEXT,
                              "suggest.txt", &error);
  die_on_error ("import the long article", error);

  for (int r = 0; r < opt_runs; r++)
    {
      double t0 = mark ();
      g_autoptr(GPtrArray) s = dossier_suggest_stakeholders (doc->text, (DossierBlock *) (void *) doc->blocks->data,
                                                            doc->blocks->len);
      gsize words = 0;
      gboolean in_word = FALSE;

      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      n_suggested = s->len;

      /* The floor: the same text split into words. */
      t0 = now_ms ();
      for (const char *p = doc->text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gboolean letter = g_unichar_isalnum (g_utf8_get_char (p));

          words += letter && !in_word;
          in_word = letter;
        }
      f[r] = now_ms () - t0;
      g_assert (words > 0);
    }
  label = g_strdup_printf ("stakeholders suggested from a %.0f KB article", strlen (doc->text) / 1024.0);
  {
    g_autofree char *note = g_strdup_printf ("the three samples %u times over; %u suggested", times,
                                             n_suggested);

    add_row (label, median (t, opt_runs), median (c, opt_runs), "splitting it into words",
             median (f, opt_runs), 0, note);
  }
}

/* ---- Scaling: what the unit tests check on big inputs, timed ----------- */

/* The unit tests feed these big and hostile inputs and check the result;
 * whether the cost stays linear is read here, from the per-MB figures at
 * two sizes or against the 1 MB rows above. */

#define MIXED_LINE "The harbour\xe2\x80\x99s caf\xc3\xa9 opened at dawn, and the " \
                   "\xe2\x80\x9cnew\xe2\x80\x9d pier (\xe6\xb8\xaf) was e\xcc\x81lectric.\r\n"

static char *
repeat (const char *unit,
        gsize       bytes)
{
  GString *s = g_string_sized_new (bytes + strlen (unit));

  while (s->len < bytes)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

static void
bench_normalize (gsize mb)
{
  g_autofree char *text = repeat (MIXED_LINE, mb * 1024 * 1024);
  g_autofree char *label = g_strdup_printf ("normalize %zu MB of mixed text", mb);
  g_autofree char *note = NULL;
  gsize len = strlen (text);
  double t[64], c[64];

  for (int r = 0; r < opt_runs; r++)
    {
      double t0 = mark ();
      g_autofree char *out = dossier_text_normalize (text, len, NULL);

      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
    }
  note = g_strdup_printf ("%.1f ms per MB", median (c, opt_runs) / mb);
  add_row (label, median (t, opt_runs), median (c, opt_runs), NULL, 0, 0, note);
}

static void
bench_scaling (void)
{
  static const char *md_units[] = { "[", "(", "[a](", "![", "<https://", "*_", "_a *b ", "&#", "<a " };
  g_autofree char *label = NULL;
  g_autofree char *big_text = NULL;
  double t[64], c[64];

  bench_normalize (1);
  bench_normalize (8);

  /* Quote contexts near the end of a big text: a walk to each, once. */
  {
    g_autofree char *text = repeat ("Quay \xc3\xa9 \xe6\xb8\xaf \xe2\x80\x94 ", 4 * 1024 * 1024);
    gint64 len = dossier_text_length (text);

    for (int r = 0; r < opt_runs; r++)
      {
        double t0 = mark ();

        for (int i = 0; i < 200; i++)
          {
            g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;

            dossier_text_quote_context (text, len - 100 - i, len - 50, &quote, &prefix, &suffix);
          }
        t[r] = now_ms () - t0;
        c[r] = cpu_since ();
      }
    add_row ("200 quote contexts near the end of 4 MB", median (t, opt_runs), median (c, opt_runs),
             NULL, 0, 0, "each walks the text once");
  }

  /* 20 MB of plain text (paragraphs, headings, bullets): against the 1 MB
   * row above, per MB. */
  {
    GString *s = g_string_new ("A Very Long Harbour Archive\n\n");
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *note = NULL;
    gsize mb = opt_quick ? 4 : 20;

    for (guint p = 0; s->len < mb * 1024 * 1024; p++)
      {
        if (p % 50 == 0)
          g_string_append_printf (s, "Section %u of the Archive\n\n", p / 50);
        g_string_append (s, "The harbour\xe2\x80\x99s caf\xc3\xa9 opened at dawn and the \xe2\x80\x9cnew"
                            "\xe2\x80\x9d pier (\xe6\xb8\xaf) was busy all day; fishermen landed their\n"
                            "catch while the crane lifted timber for the works on the east quay.\n\n"
                            "  \xe2\x80\xa2 An item about tides\n  \xe2\x80\xa2 Another about ferries\n\n");
      }
    big_text = g_string_free (s, FALSE);
    bytes = g_bytes_new_static (big_text, strlen (big_text));
    for (int r = 0; r < opt_runs; r++)
      {
        g_autoptr(GError) error = NULL;
        DossierParsedDocument *doc;
        double t0 = mark ();

        doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT, "archive.txt", &error);
        t[r] = now_ms () - t0;
        c[r] = cpu_since ();
        die_on_error ("import text", error);
        dossier_parsed_document_free (doc);
      }
    label = g_strdup_printf ("import %zu MB of text (parse)", mb);
    note = g_strdup_printf ("%.1f ms per MB", median (c, opt_runs) / mb);
    add_row (label, median (t, opt_runs), median (c, opt_runs), NULL, 0, 0, note);
    g_clear_pointer (&label, g_free);
  }

  /* Hostile Markdown: 1 MB of each unclosed construct; the slowest. */
  {
    double worst_t = 0, worst_c = 0;
    const char *worst = NULL;
    g_autofree char *note = NULL;

    for (guint u = 0; u <= G_N_ELEMENTS (md_units); u++)
      {
        g_autofree char *text = NULL;
        g_autoptr(GBytes) bytes = NULL;

        if (u < G_N_ELEMENTS (md_units))
          text = repeat (md_units[u], 1024 * 1024);
        else
          {
            /* Backtick runs of every length, none closed. */
            GString *s = g_string_new (NULL);

            for (guint n = 1; s->len < 1024 * 1024; n++)
              {
                for (guint k = 0; k < n % 40 + 1; k++)
                  g_string_append_c (s, '`');
                g_string_append_c (s, 'a');
              }
            text = g_string_free (s, FALSE);
          }
        bytes = g_bytes_new_static (text, strlen (text));

        for (int r = 0; r < opt_runs; r++)
          {
            g_autoptr(GError) error = NULL;
            DossierParsedDocument *doc;
            double t0 = mark ();

            doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_MARKDOWN, "hostile.md", &error);
            t[r] = now_ms () - t0;
            c[r] = cpu_since ();
            die_on_error ("import Markdown", error);
            dossier_parsed_document_free (doc);
          }
        if (median (c, opt_runs) > worst_c)
          {
            worst_c = median (c, opt_runs);
            worst_t = median (t, opt_runs);
            worst = u < G_N_ELEMENTS (md_units) ? md_units[u] : "`…`a";
          }
      }
    note = g_strdup_printf ("slowest of %u: “%s” repeated", (guint) G_N_ELEMENTS (md_units) + 1, worst);
    add_row ("import 1 MB of hostile Markdown", worst_t, worst_c, NULL, 0, 0, note);
  }

  /* Hostile HTML: 10,000 nested elements. */
  {
    GString *s = g_string_new ("<html><head><title>Deep</title></head><body>");
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *html = NULL;

    for (guint i = 0; i < 10000; i++)
      g_string_append (s, i % 2 ? "<div>" : "<span>");
    g_string_append (s, "Deep inside the nesting.");
    for (guint i = 10000; i > 0; i--)
      g_string_append (s, (i - 1) % 2 ? "</div>" : "</span>");
    g_string_append (s, "</body></html>");
    html = g_string_free (s, FALSE);
    bytes = g_bytes_new_static (html, strlen (html));
    for (int r = 0; r < opt_runs; r++)
      {
        g_autoptr(GError) error = NULL;
        DossierParsedDocument *doc;
        double t0 = mark ();

        doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_HTML, "nested.html", &error);
        t[r] = now_ms () - t0;
        c[r] = cpu_since ();
        g_clear_pointer (&doc, dossier_parsed_document_free);
      }
    add_row ("import hostile HTML: 10,000 nested elements", median (t, opt_runs), median (c, opt_runs),
             NULL, 0, 0, NULL);
  }

  /* Re-anchoring: 3,000 highlights after an edit near the start and one in
   * the middle of 1 MB; then 300 quotes with a character changed. */
  {
    g_autofree char *text = make_text (9, 1024 * 1024, NULL);
    g_autoptr(GString) edited = g_string_new (text);
    g_autoptr(GRand) rand = g_rand_new_with_seed (20240305);
    gint64 len = dossier_text_length (text);
    guint n = 3000;
    DossierTextQuote *quotes = g_new0 (DossierTextQuote, n);
    g_autofree char *altered_note = NULL;
    double at[64], ac[64];

    for (guint i = 0; i < n; i++)
      {
        gint64 start = g_rand_int_range (rand, 0, (gint32) (len - 300));
        gint64 end = start + g_rand_int_range (rand, 20, 200);
        char *quote, *prefix, *suffix;

        dossier_text_quote_context (text, start, end, &quote, &prefix, &suffix);
        quotes[i] = (DossierTextQuote) { quote, prefix, suffix, start, end };
      }
    g_string_prepend (edited, "Editor\xe2\x80\x99s note: this report was updated.\n\n");
    g_string_insert (edited, g_utf8_offset_to_pointer (edited->str, len / 2) - edited->str, " INSERTED ");

    for (int r = 0; r < opt_runs; r++)
      {
        g_autoptr(DossierAnchorText) anchor_text = NULL;
        double t0 = mark ();
        gint64 s0, e0;

        anchor_text = dossier_anchor_text_new (edited->str);
        for (guint i = 0; i < n; i++)
          dossier_anchor_locate (anchor_text, &quotes[i], &s0, &e0);
        t[r] = now_ms () - t0;
        c[r] = cpu_since ();

        t0 = mark ();
        for (guint i = 0; i < 300; i++)
          {
            g_autofree char *q = g_strdup (quotes[i].quote);
            DossierTextQuote tq = quotes[i];
            gsize mid = strlen (q) / 2;

            if ((q[mid] & 0x80) == 0)
              q[mid] = '#';
            tq.quote = q;
            dossier_anchor_locate (anchor_text, &tq, &s0, &e0);
          }
        at[r] = now_ms () - t0;
        ac[r] = cpu_since ();
      }
    add_row ("re-anchor 3,000 highlights in 1 MB after edits", median (t, opt_runs), median (c, opt_runs),
             NULL, 0, 0, "exact quotes, moved");
    altered_note = g_strdup ("one character changed in each: approximate");
    add_row ("re-anchor 300 altered quotes in 1 MB", median (at, opt_runs), median (ac, opt_runs),
             NULL, 0, 0, altered_note);

    for (guint i = 0; i < n; i++)
      {
        g_free ((char *) quotes[i].quote);
        g_free ((char *) quotes[i].prefix);
        g_free ((char *) quotes[i].suffix);
      }
    g_free (quotes);
  }
}

/* ---- Main -------------------------------------------------------------- */

/* ---- Exchange: REFI-QDA export and import ------------------------------ */

/* Resident memory now and at its peak since the last reset, in MB. */
static void
read_rss (double *now,
          double *peak)
{
  g_autofree char *status = NULL;
  const char *p;

  *now = *peak = 0;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  if ((p = strstr (status, "VmRSS:")) != NULL)
    *now = g_ascii_strtod (p + 6, NULL) / 1024;
  if ((p = strstr (status, "VmHWM:")) != NULL)
    *peak = g_ascii_strtod (p + 6, NULL) / 1024;
}

/* Starts a new peak: the kernel forgets the old one ("5" to clear_refs). */
static double
reset_peak_rss (void)
{
  double now, peak;

  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
  read_rss (&now, &peak);
  return now;
}

static void
bench_exchange (void)
{
  guint n_docs, n_highlights;
  g_autofree char *path = make_big_project (&n_docs, &n_highlights);
  g_autofree char *qdpx = scratch_path ("export.qdpx");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  double t[64], c[64], f[64], fc[64];
  double base, now, peak, export_peak = 0, import_peak = 0;
  char *data = NULL;
  gsize len = 0;

  die_on_error ("open the big project", error);

  /* The highlights it really has (autocode may find a few more). */
  {
    GListModel *docs = dossier_project_get_documents (project);

    n_highlights = 0;
    for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
      {
        g_autoptr(DossierDocument) d = g_list_model_get_item (docs, i);

        n_highlights += dossier_document_get_n_highlights (d);
      }
  }

  /* Export. */
  for (int r = 0; r < opt_runs; r++)
    {
      double t0;

      base = reset_peak_rss ();
      t0 = mark ();
      if (!dossier_export_to_file (project, DOSSIER_EXPORT_QDPX, NULL, NULL, qdpx, NULL, &error))
        die_on_error ("export qdpx", error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      read_rss (&now, &peak);
      export_peak = MAX (export_peak, peak - base);

      if (data == NULL)
        g_file_get_contents (qdpx, &data, &len, NULL);
      f[r] = fwrite_floor (data, len, "floor.qdpx");
    }
  label = g_strdup_printf ("export %u docs / %u highlights to .qdpx", n_docs, n_highlights);
  note = g_strdup_printf ("%.1f MB zip; peak +%.0f MB resident", len / 1e6, export_peak);
  add_row (label, median (t, opt_runs), median (c, opt_runs), "fwrite+fsync of the same bytes",
           median (f, opt_runs), 5000, note);
  g_free (data);

  /* Import into a new project each time. */
  {
    GListModel *docs = dossier_project_get_documents (project);

    for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
      {
        g_autoptr(DossierDocument) d = g_list_model_get_item (docs, i);

        g_ptr_array_add (texts, dossier_project_get_document_text (project, dossier_document_get_id (d), NULL));
      }
  }
  for (int r = 0; r < opt_runs; r++)
    {
      g_autofree char *name = g_strdup_printf ("import-%d.dossier", r);
      g_autoptr(DossierProject) target = new_project (name);
      g_autoptr(GFile) file = g_file_new_for_path (qdpx);
      g_autoptr(DossierImportReport) report = NULL;
      sqlite3 *db;
      sqlite3_stmt *stmt;
      double t0;

      base = reset_peak_rss ();
      t0 = mark ();
      report = dossier_exchange_import (target, file, NULL, NULL, &error);
      die_on_error ("import qdpx", error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      read_rss (&now, &peak);
      import_peak = MAX (import_peak, peak - base);
      if (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_HIGHLIGHTS) != n_highlights)
        {
          fprintf (stderr, "bench-core: the import brought %u highlights, not %u\n",
                   dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_HIGHLIGHTS), n_highlights);
          exit (1);
        }
      dossier_project_close (target);

      /* The floor: the same documents (indexed by FTS5) and highlight
       * rows written raw, in one durable transaction. */
      db = raw_db ("floor-import.db", TRUE);
      sqlite3_exec (db, "CREATE TABLE doc (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
                        "CREATE VIRTUAL TABLE doc_fts USING fts5 (text, content = 'doc', content_rowid = 'id');",
                    NULL, NULL, NULL);
      t0 = mark ();
      sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
      sqlite3_prepare_v2 (db, "INSERT INTO doc (text) VALUES (?)", -1, &stmt, NULL);
      for (guint i = 0; i < texts->len; i++)
        {
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (texts, i), -1, SQLITE_STATIC);
          sqlite3_step (stmt);
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
      sqlite3_exec (db, "INSERT INTO doc_fts (rowid, text) SELECT id, text FROM doc; COMMIT", NULL, NULL, NULL);
      f[r] = now_ms () - t0 + raw_insert_highlights (db, n_highlights, TRUE, FALSE);
      fc[r] = cpu_since ();
      sqlite3_close (db);
    }
  g_free (label);
  g_free (note);
  label = g_strdup_printf ("import that .qdpx into a new project");
  note = g_strdup_printf ("floor's cpu %.0f ms; peak +%.0f MB resident", median (fc, opt_runs), import_peak);
  add_row (label, median (t, opt_runs), median (c, opt_runs),
           "raw INSERTs of the documents (FTS5) and highlights", median (f, opt_runs), 5000, note);

  dossier_project_close (project);
}

/* ---- REFI-QDA import of one large source --------------------------------- */

/* A .qdpx of one source of about @bytes kept as a file in the archive
 * (sources/GUID.txt, as Dossier, MAXQDA and the standard write it), with
 * @n_codings selections coded with one of two codes. Each selection is
 * named after its text as tools name them: its first 60 characters, line
 * breaks made spaces; one in 50 has positions a few characters off (a
 * tool's miscount), to be placed by its name. Returns the text. */
static char *
write_large_qdpx (const char *path,
                  gsize       bytes,
                  guint       n_codings)
{
  const char *guid = "cccccccc-2222-3333-4444-555555555503";
  char *text = make_text (23, bytes, NULL);
  g_autofree gunichar *chars = NULL;
  g_autoptr(GString) qde = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autofree char *entry = g_strdup_printf ("sources/%s.txt", guid);
  glong n_chars = 0;
  int ze = 0;
  zip_t *za;

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  g_string_append_printf (qde, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Large\">"
                          "<CodeBook><Codes>"
                          "<Code guid=\"aaaaaaaa-0000-0000-0000-000000000001\" name=\"Fares\" isCodable=\"true\"/>"
                          "<Code guid=\"aaaaaaaa-0000-0000-0000-000000000002\" name=\"Delays\" isCodable=\"true\"/>"
                          "</Codes></CodeBook><Sources>"
                          "<TextSource guid=\"%s\" name=\"Annual report\" plainTextPath=\"internal://%s.txt\">",
                          guid, guid);
  for (guint i = 0; i < n_codings; i++)
    {
      glong start = g_rand_int_range (rand, 0, (gint32) (n_chars - 400));
      glong end = start + g_rand_int_range (rand, 20, 300);
      glong off = i % 50 == 49 ? 5 : 0;
      g_autofree char *name = g_ucs4_to_utf8 (chars + start, MIN (end - start, 60), NULL, NULL, NULL);
      g_autofree char *escaped = NULL;

      g_strdelimit (name, "\n", ' ');
      escaped = g_markup_escape_text (name, -1);
      g_string_append_printf (qde, "<PlainTextSelection guid=\"bbbbbbbb-0000-0000-0000-%012u\" name=\"%s\" "
                              "startPosition=\"%ld\" endPosition=\"%ld\">"
                              "<Coding guid=\"dddddddd-0000-0000-0000-%012u\">"
                              "<CodeRef targetGUID=\"aaaaaaaa-0000-0000-0000-00000000000%u\"/></Coding>"
                              "</PlainTextSelection>",
                              i, escaped, start + off, end + off, i, 1 + i % 2);
    }
  g_string_append (qde, "</TextSource></Sources></Project>\n");

  za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
  if (za == NULL ||
      zip_file_add (za, "project.qde", zip_source_buffer (za, qde->str, qde->len, 0), ZIP_FL_ENC_UTF_8) < 0 ||
      zip_file_add (za, entry, zip_source_buffer (za, text, strlen (text), 0), ZIP_FL_ENC_UTF_8) < 0 ||
      zip_close (za) != 0)
    {
      fprintf (stderr, "bench-core: could not write %s\n", path);
      exit (1);
    }
  return text;
}

/* A new project that indexes its texts for search in a thread after each
 * action, as the window's does: what the user waits for is apart from
 * the indexing. */
static DossierProject *
new_project_indexing_apart (const char *name)
{
  g_autoptr(DossierProject) created = new_project (name);
  g_autofree char *path = g_strdup (dossier_project_get_path (created));
  g_autoptr(GError) error = NULL;
  DossierProject *project;

  dossier_project_close (created);
  project = dossier_project_open (path, DOSSIER_OPEN_INDEX_IN_BACKGROUND, &error);
  die_on_error ("open the project", error);
  return project;
}

static void
wait_indexed_and_close (DossierProject *project)
{
  while (dossier_project_get_indexing (project))
    g_main_context_iteration (NULL, TRUE);
  dossier_project_close (project);
}

/* DESIGN.md: import 1 MB < 100 ms. The floor is the same text imported
 * as a plain text file (read, normalize, store), into a project like it. */
static void
bench_refi_large (void)
{
  gsize mb = opt_quick ? 3 : 15;
  guint n_codings = opt_quick ? 1000 : 5000;
  g_autofree char *qdpx = scratch_path ("large.qdpx");
  g_autofree char *txt = scratch_path ("large.txt");
  g_autofree char *text = write_large_qdpx (qdpx, mb * 1024 * 1024, n_codings);
  g_autoptr(GFile) qdpx_file = g_file_new_for_path (qdpx);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt);
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  double t[64], c[64], f[64], fc[64];
  guint by_name = 0;

  g_file_set_contents (txt, text, -1, NULL);
  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierProject) project = new_project_indexing_apart ("refi-large.dossier");
      g_autoptr(DossierProject) floor_project = NULL;
      g_autoptr(DossierImportReport) report = NULL;
      g_autoptr(DossierParsedDocument) doc = NULL;
      double t0;

      t0 = mark ();
      report = dossier_exchange_import (project, qdpx_file, NULL, NULL, &error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      die_on_error ("import the large .qdpx", error);
      if (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_HIGHLIGHTS) != n_codings)
        {
          fprintf (stderr, "bench-core: the import brought %u highlights, not %u\n",
                   dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_HIGHLIGHTS), n_codings);
          exit (1);
        }
      by_name = 0;
      for (guint i = 0; i < dossier_import_report_get_n_items (report); i++)
        {
          const char *what = NULL, *why = NULL;

          dossier_import_report_get_item (report, i, &what, &why);
          if (why != NULL && strstr (why, "placed by") != NULL)
            by_name++;
        }
      wait_indexed_and_close (project);

      floor_project = new_project_indexing_apart ("refi-floor.dossier");
      t0 = mark ();
      doc = dossier_import_file (txt_file, DOSSIER_FORMAT_AUTO, NULL, &error);
      die_on_error ("import the text", error);
      dossier_project_add_document (floor_project, doc, &error);
      f[r] = now_ms () - t0;
      fc[r] = cpu_since ();
      die_on_error ("add the text", error);
      wait_indexed_and_close (floor_project);
    }
  label = g_strdup_printf ("import a .qdpx: %zu MB source, %u codings", mb, n_codings);
  note = g_strdup_printf ("floor's cpu %.0f ms; 1 in 50 placed by name: %s; indexed after",
                          median (fc, opt_runs), by_name > 0 ? "yes" : "no");
  add_row (label, median (t, opt_runs), median (c, opt_runs), "the same text as a .txt file",
           median (f, opt_runs), opt_quick ? 0 : 100.0 * mb, note);
}

/* ---- REFI-QDA import of a large codebook --------------------------------- */

/* A codebook of @n codes without colours, in groups of 50 (a group's
 * code and 49 under it), as a large coding frame is. */
static void
write_codebook (const char *path,
                guint       n)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                         "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>");

  for (guint i = 0; i < n; i++)
    {
      if (i % 50 == 0 && i > 0)
        g_string_append (xml, "</Code>");
      g_string_append_printf (xml, "<Code guid=\"aaaaaaaa-0000-0000-0000-%012u\" name=\"Code %u.%u\" "
                              "isCodable=\"true\"%s>", i, i / 50, i % 50, i % 50 == 0 ? "" : "/");
    }
  g_string_append (xml, "</Code></Codes></CodeBook>\n");
  if (!g_file_set_contents (path, xml->str, xml->len, NULL))
    {
      fprintf (stderr, "bench-core: could not write %s\n", path);
      exit (1);
    }
}

/* The raw INSERTs an import's floor makes of its @n rows, in one durable
 * transaction: ms. */
typedef double (*RawInserts) (guint n);

/* Imports @file, @n rows of @count, into a new project, and makes @floor's
 * raw INSERTs of the same rows, opt_runs times; adds the row. */
static void
bench_import_rows (GFile              *file,
                   guint               n,
                   DossierImportCount  count,
                   RawInserts          floor,
                   const char         *label,
                   const char         *floor_label,
                   const char         *note)
{
  double t[64], c[64], f[64];

  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierProject) project = new_project ("import-rows.dossier");
      g_autoptr(DossierImportReport) report = NULL;
      double t0;

      t0 = mark ();
      report = dossier_exchange_import (project, file, NULL, NULL, &error);
      t[r] = now_ms () - t0;
      c[r] = cpu_since ();
      die_on_error (label, error);
      if (dossier_import_report_get_count (report, count) != n)
        {
          fprintf (stderr, "bench-core: %s: the import brought %u rows, not %u\n", label,
                   dossier_import_report_get_count (report, count), n);
          exit (1);
        }
      dossier_project_close (project);
      f[r] = floor (n);
    }
  add_row (label, median (t, opt_runs), median (c, opt_runs), floor_label, median (f, opt_runs), 0, note);
}

/* Binds row @i of a floor's raw INSERTs. */
typedef void (*BindRow) (sqlite3_stmt *stmt,
                         guint         i);

/* @n rows INSERTed raw into a new table (@create) of @name, in one durable
 * transaction, or each in its own if @each (as actions one by one commit
 * theirs): ms, and the CPU ms in *@cpu_ms if not NULL. */
static double
raw_inserts_timed (const char *name,
                   const char *create,
                   const char *insert,
                   guint       n,
                   BindRow     bind,
                   gboolean    each,
                   double     *cpu_ms)
{
  sqlite3 *db = raw_db (name, TRUE);
  sqlite3_stmt *stmt;
  double t0, ms;

  sqlite3_exec (db, create, NULL, NULL, NULL);
  t0 = mark ();
  if (!each)
    sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, insert, -1, &stmt, NULL);
  for (guint i = 0; i < n; i++)
    {
      if (each)
        sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
      bind (stmt, i);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (each)
        sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }
  sqlite3_finalize (stmt);
  if (!each)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  ms = now_ms () - t0;
  if (cpu_ms != NULL)
    *cpu_ms = cpu_since ();
  sqlite3_close (db);
  return ms;
}

static double
raw_inserts (const char *name,
             const char *create,
             const char *insert,
             guint       n,
             BindRow     bind)
{
  return raw_inserts_timed (name, create, insert, n, bind, FALSE, NULL);
}

static void
bind_tag (sqlite3_stmt *stmt,
          guint         i)
{
  g_autofree char *uuid = g_strdup_printf ("aaaaaaaa-0000-0000-0000-%012u", i);
  g_autofree char *name = g_strdup_printf ("Code %u.%u", i / 50, i % 50);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (i % 50 == 0)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_int64 (stmt, 3, i - i % 50 + 1);
  sqlite3_bind_text (stmt, 4, "#3584e4", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, (int) (i % 50));
}

static double
raw_tag_inserts (guint n)
{
  return raw_inserts ("floor-codebook.db",
                      "CREATE TABLE tag (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
                      " name TEXT NOT NULL, parent INTEGER, color TEXT NOT NULL,"
                      " description TEXT NOT NULL, position INTEGER NOT NULL)",
                      "INSERT INTO tag (uuid, name, parent, color, description, position)"
                      " VALUES (?, ?, ?, ?, '', ?)", n, bind_tag);
}

/* Each code without a colour counted the colours of all tags (quadratic:
 * 5,000 codes took 8 s). The floor is the same rows INSERTed raw, in one
 * durable transaction. */
static void
bench_refi_codebook (void)
{
  guint n = opt_quick ? 1000 : 5000;
  g_autofree char *qdc = scratch_path ("codebook.qdc");
  g_autoptr(GFile) file = g_file_new_for_path (qdc);
  g_autofree char *label = g_strdup_printf ("import a .qdc of %u codes without colours", n);

  write_codebook (qdc, n);
  bench_import_rows (file, n, DOSSIER_IMPORT_COUNT_TAGS, raw_tag_inserts, label,
                     "raw INSERTs of the tags", "groups of 50");
}

/* ---- REFI-QDA import of many cases ---------------------------------------- */

/* A project file of @n cases, each with an alias and no colour. */
static void
write_cases (const char *path,
             guint       n)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                         "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"cases\">"
                                         "<Variables><Variable guid=\"77777777-0000-0000-0000-000000000001\" "
                                         "name=\"Aliases\" typeOfVariable=\"Text\"/></Variables><Cases>");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml, "<Case guid=\"99999999-0000-0000-0000-%012u\" name=\"Case %u\">"
                            "<VariableValue><VariableRef targetGUID=\"77777777-0000-0000-0000-000000000001\"/>"
                            "<TextValue>Alias %u</TextValue></VariableValue></Case>", i, i, i);
  g_string_append (xml, "</Cases></Project>\n");
  if (!g_file_set_contents (path, xml->str, xml->len, NULL))
    {
      fprintf (stderr, "bench-core: could not write %s\n", path);
      exit (1);
    }
}

static void
bind_stakeholder (sqlite3_stmt *stmt,
                  guint         i)
{
  g_autofree char *uuid = g_strdup_printf ("99999999-0000-0000-0000-%012u", i);
  g_autofree char *name = g_strdup_printf ("Case %u", i);
  g_autofree char *alias = g_strdup_printf ("Alias %u", i);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, alias, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, "#3584e4", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, (int) i);
}

static double
raw_stakeholder_inserts (guint n)
{
  return raw_inserts ("floor-cases.db",
                      "CREATE TABLE stakeholder (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
                      " name TEXT NOT NULL, aliases TEXT NOT NULL, color TEXT NOT NULL,"
                      " position INTEGER NOT NULL)",
                      "INSERT INTO stakeholder (uuid, name, aliases, color, position)"
                      " VALUES (?, ?, ?, ?, ?)", n, bind_stakeholder);
}

/* Each case was matched against every stakeholder's name and aliases, and
 * counted the colours of all stakeholders (quadratic: 4,000 cases took
 * 8 s of CPU). The floor is the same rows INSERTed raw, in one durable
 * transaction. */
static void
bench_refi_cases (void)
{
  guint n = opt_quick ? 1000 : 4000;
  g_autofree char *qde = scratch_path ("cases.qde");
  g_autoptr(GFile) file = g_file_new_for_path (qde);
  g_autofree char *label = g_strdup_printf ("import a .qde of %u cases as stakeholders", n);

  write_cases (qde, n);
  bench_import_rows (file, n, DOSSIER_IMPORT_COUNT_STAKEHOLDERS, raw_stakeholder_inserts, label,
                     "raw INSERTs of the stakeholders", "each with an alias");
}

/* ---- Stakeholders and questions added one by one, and by import ----------- */

#define RAW_QUESTIONS_TABLE \
  "CREATE TABLE question (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE," \
  " text TEXT NOT NULL, position INTEGER NOT NULL)"
#define RAW_QUESTIONS_INSERT "INSERT INTO question (uuid, text, position) VALUES (?, ?, ?)"
#define RAW_STAKEHOLDERS_TABLE \
  "CREATE TABLE stakeholder (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE," \
  " name TEXT NOT NULL, aliases TEXT NOT NULL, color TEXT NOT NULL," \
  " position INTEGER NOT NULL)"
#define RAW_STAKEHOLDERS_INSERT \
  "INSERT INTO stakeholder (uuid, name, aliases, color, position) VALUES (?, ?, ?, ?, ?)"

static char *
question_text (guint i)
{
  return g_strdup_printf ("Question %u: should the harbour bridge be rebuilt?", i);
}

static void
bind_question (sqlite3_stmt *stmt,
               guint         i)
{
  g_autofree char *uuid = g_strdup_printf ("99999999-1111-0000-0000-%012u", i);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, question_text (i), -1, g_free);
  sqlite3_bind_int (stmt, 3, (int) i);
}

/* @n questions and @n stakeholders written raw into @project's file (placed
 * 0…n-1, as the project places them), then the project opened again. */
static DossierProject *
fill_raw (DossierProject *project,
          guint           n)
{
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  DossierProject *reopened;
  char *message = NULL;

  sql = g_strdup_printf ("WITH RECURSIVE c (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < %u) "
                         "INSERT INTO questions (uuid, text, position) "
                         "SELECT printf ('99999999-1111-0000-0000-%%012d', i), "
                         "  printf ('Question %%d: should the harbour bridge be rebuilt?', i), i FROM c; "
                         "WITH RECURSIVE c (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < %u) "
                         "INSERT INTO stakeholders (uuid, name, kind, color, position) "
                         "SELECT printf ('99999999-0000-0000-0000-%%012d', i), printf ('Case %%d', i), "
                         "  'official', '#3584e4', i FROM c",
                         n - 1, n - 1);
  if (sqlite3_exec (dossier_project_get_db (project), sql, NULL, NULL, &message) != SQLITE_OK)
    {
      fprintf (stderr, "bench-core: %s\n", message);
      exit (1);
    }
  dossier_project_close (project);
  g_object_unref (project);
  reopened = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  die_on_error ("open the project again", error);
  return reopened;
}

/* A new stakeholder or question took its place from a count of the rows
 * inside its INSERT, which reads them all: adding n of them, one by one
 * or by an import, was quadratic. Here the last @k of @n questions, then
 * of @n stakeholders, are added one action each, per action, and the @k
 * stakeholders renamed (the floor: a raw INSERT in its own durable
 * transaction), and a stakeholder looked for by name @k times as "Add as
 * Evidence For" does, a key typed each (the floor: the text folded and
 * looked up in a table of the names folded);
 * then the @n of each, exported to a .qdpx, are imported into a new
 * project (the floor: the same rows INSERTed raw in one durable
 * transaction). */
static void
bench_rows_added (void)
{
  guint n = opt_quick ? 1000 : 5000;
  guint k = 200;
  g_autofree char *qdpx = scratch_path ("added.qdpx");
  g_autoptr(GFile) file = g_file_new_for_path (qdpx);
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  double tq[64], cq[64], ts[64], cs[64], tr[64], cr[64], ti[64], ci[64];
  double fq[64], fqc[64], fs[64], fsc[64], fi[64], tf[64], cf[64], ff[64], ffc[64];

  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierProject) project = fill_raw (new_project ("added.dossier"), n - k);
      g_autoptr(DossierProject) target = NULL;
      g_autoptr(DossierImportReport) report = NULL;
      g_autoptr(GArray) added = g_array_sized_new (FALSE, FALSE, sizeof (gint64), k);
      double t0;

      t0 = mark ();
      for (guint i = n - k; i < n; i++)
        {
          g_autofree char *text = question_text (i);

          if (dossier_project_add_question (project, text, &error) == 0)
            die_on_error ("add a question", error);
        }
      tq[r] = (now_ms () - t0) / k;
      cq[r] = cpu_since () / k;

      t0 = mark ();
      for (guint i = n - k; i < n; i++)
        {
          g_autofree char *name = g_strdup_printf ("Case %u", i);
          gint64 id = dossier_project_add_stakeholder (project, name, NULL, DOSSIER_STAKEHOLDER_OFFICIAL, &error);

          if (id == 0)
            die_on_error ("add a stakeholder", error);
          g_array_append_val (added, id);
        }
      ts[r] = (now_ms () - t0) / k;
      cs[r] = cpu_since () / k;

      t0 = mark ();
      for (guint i = 0; i < k; i++)
        {
          g_autofree char *name = g_strdup_printf ("Case %u (renamed)", n - k + i);

          if (!dossier_project_set_stakeholder_name (project, g_array_index (added, gint64, i), name, &error))
            die_on_error ("rename a stakeholder", error);
        }
      tr[r] = (now_ms () - t0) / k;
      cr[r] = cpu_since () / k;

      {
        g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        g_autoptr(GPtrArray) typed = g_ptr_array_new_with_free_func (g_free);
        guint found = 0, floor_found = 0;

        /* What is typed: "c", "ca", … "case 1234", across the list. */
        for (guint i = 0; i < k; i++)
          {
            g_autofree char *name = g_strdup_printf ("case %u", (i / 9 * 997) % (n - k));

            g_ptr_array_add (typed, g_strndup (name, MIN (strlen (name), 1 + i % 9)));
          }
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(DossierStakeholder) s = g_list_model_get_item (dossier_project_get_stakeholders (project), i);

            g_hash_table_add (names, dossier_text_fold (dossier_stakeholder_get_name (s)));
          }

        t0 = mark ();
        for (guint i = 0; i < k; i++)
          found += dossier_project_find_stakeholder (project, g_ptr_array_index (typed, i)) != NULL;
        tf[r] = (now_ms () - t0) / k;
        cf[r] = cpu_since () / k;

        t0 = mark ();
        for (guint i = 0; i < k; i++)
          {
            g_autofree char *folded = dossier_text_fold (g_ptr_array_index (typed, i));

            floor_found += g_hash_table_contains (names, folded);
          }
        ff[r] = (now_ms () - t0) / k;
        ffc[r] = cpu_since () / k;
        if (found != floor_found || found == 0)
          {
            fprintf (stderr, "bench-core: %u of the names typed found, not %u\n", found, floor_found);
            exit (1);
          }
      }

      if (r == 0 && !dossier_export_to_file (project, DOSSIER_EXPORT_QDPX, NULL, NULL, qdpx, NULL, &error))
        die_on_error ("export qdpx", error);
      dossier_project_close (project);

      /* Per row, of k each in its own durable transaction. */
      fq[r] = raw_inserts_timed ("floor-questions.db", RAW_QUESTIONS_TABLE, RAW_QUESTIONS_INSERT, k,
                                 bind_question, TRUE, &fqc[r]) / k;
      fqc[r] /= k;
      fs[r] = raw_inserts_timed ("floor-cases.db", RAW_STAKEHOLDERS_TABLE, RAW_STAKEHOLDERS_INSERT, k,
                                 bind_stakeholder, TRUE, &fsc[r]) / k;
      fsc[r] /= k;

      target = new_project ("added-import.dossier");
      t0 = mark ();
      report = dossier_exchange_import (target, file, NULL, NULL, &error);
      ti[r] = now_ms () - t0;
      ci[r] = cpu_since ();
      die_on_error ("import the questions and stakeholders", error);
      if (dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_QUESTIONS) != n ||
          dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_STAKEHOLDERS) != n)
        {
          fprintf (stderr, "bench-core: the import brought %u questions and %u stakeholders, not %u\n",
                   dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_QUESTIONS),
                   dossier_import_report_get_count (report, DOSSIER_IMPORT_COUNT_STAKEHOLDERS), n);
          exit (1);
        }
      dossier_project_close (target);
      fi[r] = raw_inserts ("floor-questions.db", RAW_QUESTIONS_TABLE, RAW_QUESTIONS_INSERT, n, bind_question) +
              raw_inserts ("floor-cases.db", RAW_STAKEHOLDERS_TABLE, RAW_STAKEHOLDERS_INSERT, n, bind_stakeholder);
    }

  label = g_strdup_printf ("add a question at %u (the last %u, one action each)", n, k);
  note = g_strdup_printf ("floor's cpu %.2f ms", median (fqc, opt_runs));
  add_row (label, median (tq, opt_runs), median (cq, opt_runs), "a raw INSERT in its own transaction",
           median (fq, opt_runs), 0, note);
  g_free (label);
  g_free (note);
  label = g_strdup_printf ("then a stakeholder at %u (the same)", n);
  note = g_strdup_printf ("floor's cpu %.2f ms", median (fsc, opt_runs));
  add_row (label, median (ts, opt_runs), median (cs, opt_runs), "a raw INSERT in its own transaction",
           median (fs, opt_runs), 0, note);
  g_free (label);
  label = g_strdup_printf ("then a stakeholder renamed at %u (the same)", n);
  add_row (label, median (tr, opt_runs), median (cr, opt_runs), "a raw INSERT in its own transaction",
           median (fs, opt_runs), 0, note);
  g_free (label);
  label = g_strdup_printf ("a stakeholder found by what is typed at %u (a key each)", n);
  g_free (note);
  note = g_strdup_printf ("floor's cpu %.4f ms", median (ffc, opt_runs));
  add_row (label, median (tf, opt_runs), median (cf, opt_runs), "the text folded, a hash look-up",
           median (ff, opt_runs), 0, note);
  g_free (label);
  label = g_strdup_printf ("import %u of each (.qdpx) into a new project", n);
  add_row (label, median (ti, opt_runs), median (ci, opt_runs), "raw INSERTs of both, one transaction",
           median (fi, opt_runs), 0, NULL);
}

/* ---- The file's check before each query ---------------------------------- */

/* @n runs of one cached query (a document's length, as
 * dossier_project_require_document () reads it) through the project,
 * inside an action's transaction if @in_transaction; in @floor, the same
 * query on the same connection through a raw statement of its own. CPU ms. */
static double
time_queries (DossierProject *project,
              gint64          doc,
              guint           n,
              gboolean        in_transaction,
              double         *floor)
{
  static const char sql[] = "SELECT length FROM documents WHERE id = ?1";
  sqlite3 *db = dossier_project_get_db (project);
  sqlite3_stmt *raw = NULL;
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autoptr(GError) begun = NULL;
  double c;

  if (in_transaction && !dossier_action_begin (&action, project, &begun))
    die_on_error ("begin", begun);
  mark ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      sqlite3_stmt *stmt = dossier_project_prepare (project, sql, &error);

      die_on_error ("prepare", error);
      sqlite3_bind_int64 (stmt, 1, doc);
      if (dossier_project_step (project, stmt, &error) != SQLITE_ROW)
        die_on_error ("step", error);
      sqlite3_reset (stmt);
    }
  c = cpu_since ();

  sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, NULL);
  mark ();
  for (guint i = 0; i < n; i++)
    {
      sqlite3_reset (raw);
      sqlite3_clear_bindings (raw);
      sqlite3_bind_int64 (raw, 1, doc);
      if (sqlite3_step (raw) != SQLITE_ROW)
        die_on_error ("raw step", g_error_new_literal (G_FILE_ERROR, 0, sqlite3_errmsg (db)));
      sqlite3_reset (raw);
    }
  *floor = cpu_since ();
  sqlite3_finalize (raw);
  if (in_transaction && !dossier_action_commit (&action, "Nothing", &begun))
    die_on_error ("commit", begun);
  return c;
}

/* @n runs of the query of time_queries () through a raw statement on
 * @db. CPU ms. */
static double
time_raw_queries (sqlite3 *db,
                  gint64   doc,
                  guint    n)
{
  sqlite3_stmt *raw = NULL;
  double c;

  if (sqlite3_prepare_v3 (db, "SELECT length FROM documents WHERE id = ?1", -1, SQLITE_PREPARE_PERSISTENT, &raw,
                          NULL) != SQLITE_OK)
    die_on_error ("prepare", g_error_new_literal (G_FILE_ERROR, 0, sqlite3_errmsg (db)));
  mark ();
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (raw, 1, doc);
      if (sqlite3_step (raw) != SQLITE_ROW)
        die_on_error ("raw step", g_error_new_literal (G_FILE_ERROR, 0, sqlite3_errmsg (db)));
      sqlite3_reset (raw);
    }
  c = cpu_since ();
  sqlite3_finalize (raw);
  return c;
}

static guint
count_statements (sqlite3 *db)
{
  guint n = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    n++;
  return n;
}

/* What the progress guard's look at the connection's other statements,
 * as each statement starts, costs as more are prepared: a raw query on
 * the project's connection with 10 and 100 more statements prepared,
 * beside the same query on a connection of its own to the same file,
 * with no guard (the floor). */
static void
bench_guard_statements (DossierProject *project,
                        gint64          doc,
                        guint           n)
{
  static const guint extra[] = { 0, 10, 100 };
  sqlite3 *db = dossier_project_get_db (project);
  GPtrArray *prepared = g_ptr_array_new ();
  sqlite3 *bare = NULL;
  double c[64], f[64];

  if (sqlite3_open_v2 (dossier_project_get_path (project), &bare, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    die_on_error ("open", g_error_new_literal (G_FILE_ERROR, 0, sqlite3_errmsg (bare)));
  for (guint e = 0; e < G_N_ELEMENTS (extra); e++)
    {
      g_autofree char *label = NULL;
      g_autofree char *note = NULL;
      guint n_statements;

      while (prepared->len < extra[e])
        {
          sqlite3_stmt *stmt = NULL;

          sqlite3_prepare_v3 (db, "SELECT count(*) FROM documents", -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
          g_ptr_array_add (prepared, stmt);
        }
      n_statements = count_statements (db) + 1;
      for (int r = 0; r < opt_runs; r++)
        {
          c[r] = time_raw_queries (db, doc, n);
          f[r] = time_raw_queries (bare, doc, n);
        }
      label = g_strdup_printf ("%u raw queries, %u statements prepared on the connection", n, n_statements);
      note = g_strdup_printf ("%.2f µs a query more than the floor's %.2f µs",
                              (median (c, opt_runs) - median (f, opt_runs)) * 1000 / n,
                              median (f, opt_runs) * 1000 / n);
      add_row (label, median (c, opt_runs), median (c, opt_runs), "same query, own connection, no guard",
               median (f, opt_runs), 0, note);
    }
  for (guint i = 0; i < prepared->len; i++)
    sqlite3_finalize (g_ptr_array_index (prepared, i));
  g_ptr_array_unref (prepared);
  sqlite3_close (bare);
}

/* What the project adds to each query (its look at whether the file was
 * written over by another program, the statement cache), outside a
 * transaction and within one; the look alone (a read () of an inotify
 * watch with nothing to say); and how many queries busy actions run. */
static void
bench_queries (void)
{
  guint n = opt_quick ? 20000 : 100000;
  g_autoptr(DossierProject) project = new_project ("queries.dossier");
  g_autofree char *text = make_marked_text (9, opt_quick ? 2000 : 10000);
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  double t[64], c[64], f[64];
  double per_check;
  gint64 doc, tag;
  guint64 runs;

  doc = add_text_document (project, text, "Queries");
  for (int in_transaction = 0; in_transaction < 2; in_transaction++)
    {
      for (int r = 0; r < opt_runs; r++)
        t[r] = c[r] = time_queries (project, doc, n, in_transaction, &f[r]);
      label = g_strdup_printf ("%u queries through the project, %s", n,
                               in_transaction ? "in an action" : "each its own");
      note = g_strdup_printf ("%.2f µs a query more than the floor's %.2f µs",
                              (median (c, opt_runs) - median (f, opt_runs)) * 1000 / n,
                              median (f, opt_runs) * 1000 / n);
      add_row (label, median (t, opt_runs), median (c, opt_runs), "raw statement, same connection",
               median (f, opt_runs), 0, note);
      g_clear_pointer (&label, g_free);
      g_clear_pointer (&note, g_free);
    }
  bench_guard_statements (project, doc, n);

  /* The look alone: an inotify watch of the file, read with nothing in it. */
  {
    int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
    char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));

    inotify_add_watch (fd, dossier_project_get_path (project), IN_MODIFY | IN_ATTRIB);
    for (int r = 0; r < opt_runs; r++)
      {
        mark ();
        for (guint i = 0; i < n; i++)
          if (read (fd, buffer, sizeof buffer) > 0)
            fprintf (stderr, "bench-core: the watch said something\n");
        c[r] = cpu_since ();
      }
    close (fd);
    per_check = median (c, opt_runs) / n;
    label = g_strdup_printf ("%u reads of an inotify watch with nothing to say", n);
    note = g_strdup_printf ("%.2f µs each", per_check * 1000);
    add_row (label, median (c, opt_runs), median (c, opt_runs), NULL, 0, 0, note);
    g_clear_pointer (&label, g_free);
    g_clear_pointer (&note, g_free);
  }

  /* Busy paths: how many statements they run, and what a look before
   * each would cost them (medians of @opt_runs: autocode, its undo). */
  tag = dossier_project_add_tag (project, "Harbour", 0, NULL, NULL, &error);
  die_on_error ("add tag", error);
  {
    const char *what[] = { "autocode", "list the document's highlights", "tag a selection",
                           "undo the tagging and the autocode" };
    double ut[4][64], uc[4][64];
    guint64 n_runs[4] = { 0 };

    for (int r = 0; r < opt_runs; r++)
      for (guint a = 0; a < G_N_ELEMENTS (what); a++)
        {
          double t0;

          runs = test_statement_runs (project);
          t0 = mark ();
          if (a == 0 && dossier_project_autocode (project, tag, "harbour", NULL, 0, &error) < 0)
            die_on_error ("autocode", error);
          if (a == 1)
            g_ptr_array_unref (dossier_project_list_highlights (project, doc, 0, &error));
          if (a == 2 && dossier_project_tag_range (project, doc, 5, 20, tag, &error) <= 0)
            die_on_error ("tag a range", error);
          if (a == 3)
            {
              /* Both: the next run's autocode makes them all again. */
              dossier_project_undo (project, &error);
              die_on_error ("undo", error);
              dossier_project_undo (project, &error);
            }
          ut[a][r] = now_ms () - t0;
          uc[a][r] = cpu_since ();
          die_on_error (what[a], error);
          n_runs[a] = test_statement_runs (project) - runs;
        }
    for (guint a = 0; a < G_N_ELEMENTS (what); a++)
      {
        double cpu = median (uc[a], opt_runs);

        label = g_strdup_printf ("%s (%" G_GUINT64_FORMAT " statements)", what[a], n_runs[a]);
        note = g_strdup_printf ("a look before each: %.2f ms, %.1f%% of its CPU", n_runs[a] * per_check,
                                100 * n_runs[a] * per_check / cpu);
        add_row (label, median (ut[a], opt_runs), cpu, NULL, 0, 0, note);
        g_clear_pointer (&label, g_free);
        g_clear_pointer (&note, g_free);
      }
  }
  dossier_project_close (project);
}

static void
remove_work_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (work_dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (work_dir);
}

int
main (int    argc,
      char **argv)
{
  GOptionEntry entries[] = {
    { "quick", 'q', 0, G_OPTION_ARG_NONE, &opt_quick, "Smaller sizes (a quick check, not the targets)", NULL },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Runs per operation (default 5)", "N" },
    { "only", 'o', 0, G_OPTION_ARG_STRING, &opt_only, "Only benchmarks whose name contains NAME "
      "(import, highlights, list, moves, export, open, search, scaling, exchange, refi-large, refi-codebook, refi-cases, "
      "rows-added, queries, stakeholders-load, suggest, huge-open, huge-aliases, long-texts)", "NAME" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &opt_keep, "Work in DIR and keep the projects", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— measure Dossier's core");
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  double t0 = now_ms ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-core: %s\n", error->message);
      return 2;
    }
  opt_runs = CLAMP (opt_runs, 1, 64);

  if (opt_keep != NULL)
    {
      g_mkdir_with_parents (opt_keep, 0755);
      work_dir = g_strdup (opt_keep);
    }
  else
    {
      work_dir = g_dir_make_tmp ("dossier-bench-XXXXXX", &error);
      die_on_error ("make a scratch folder", error);
    }

  rows = g_ptr_array_new ();
  dossier_text_length ("");  /* link the core's text module first */

  fprintf (stderr, "bench-core: %s sizes, %d runs each, in %s\n",
           opt_quick ? "quick" : "full", opt_runs, work_dir);

  if (selected ("import"))
    bench_import ();
  if (selected ("highlights"))
    bench_highlights ();
  if (selected ("list"))
    bench_list ();
  if (selected ("moves"))
    bench_moves ();
  if (selected ("export"))
    bench_export ();
  if (selected ("open"))
    bench_open ();
  if (selected ("huge-open"))
    bench_huge_open ();
  if (selected ("huge-aliases"))
    bench_huge_aliases ();
  if (selected ("long-texts"))
    bench_long_texts ();
  if (selected ("stakeholders-load"))
    bench_stakeholders_load ();
  if (selected ("search"))
    bench_search ();
  if (selected ("mentions"))
    bench_mentions ();
  if (selected ("scaling"))
    bench_scaling ();
  if (selected ("exchange"))
    bench_exchange ();
  if (selected ("refi-large"))
    bench_refi_large ();
  if (selected ("refi-codebook"))
    bench_refi_codebook ();
  if (selected ("refi-cases"))
    bench_refi_cases ();
  if (selected ("rows-added"))
    bench_rows_added ();
  if (selected ("queries"))
    bench_queries ();
  if (selected ("suggest"))
    bench_suggest ();

  print_table ();

  getrusage (RUSAGE_SELF, &usage);
  printf ("total %.0f s, peak resident memory %.0f MB\n",
          (now_ms () - t0) / 1000, usage.ru_maxrss / 1024.0);

  if (opt_keep == NULL)
    remove_work_dir ();
  return 0;
}
