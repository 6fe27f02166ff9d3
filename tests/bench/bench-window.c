/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-window.c — the real DossierWindow against DESIGN.md's targets.
 *
 * Needs a display:
 *   xvfb-run -a dbus-run-session -- BUILD/tests/bench/bench-window [--quick]
 *
 * Generates its projects with the core API in a temporary folder (or
 * --keep DIR, reused when already there), then drives the window the way a
 * person does, in-process, and prints medians of several runs:
 *
 *  - showing a ~1 MB document carrying ~5,000 highlights: from the
 *    dossier_window_open_document() call (what picking it in the sidebar
 *    does) to the first frame painted with the visible range highlighted;
 *    floor: gtk_text_buffer_set_text of the same text into a bare
 *    GtkTextView, until its first frame;
 *  - tagging a selection in it with reader.apply-tag (keys 1–9), and undoing
 *    it with win.undo: until committed and the next frame after the view
 *    shows the change — pressed in a window that has painted nothing for a
 *    refresh interval, as a person's key comes, and (a row of its own)
 *    right after a frame, when the frame clock holds the next one back;
 *    floor: the same rows INSERTed with sqlite3 into a scratch database
 *    as durable as a project (WAL, synchronous = FULL); and the tagging
 *    until the main loop is idle, all its work done (what idles do after
 *    the frame: GTK laying out again what changed, …), and the main
 *    thread's CPU in the frames painted meanwhile (update and layout,
 *    paint; --verbose: each tagging's); with --mentions,
 *    the project also has 4 stakeholders the text names ~9,000 times,
 *    their mentions underlined (show-mentions);
 *  - opening a project of 1,000 documents and 100,000 highlights in a new
 *    window: until it is presented with its documents list populated;
 *    floor: sqlite3_open + SELECT count(*) FROM documents; and the
 *    same for the large project below (its 300 stakeholders' mention
 *    counts checked against every text: in a thread, until the main loop
 *    is idle);
 *  - importing a ~2 MB Markdown report into an open project as a drop on
 *    the window does (its import thread, then the window shows it): until
 *    it is listed and its first frame painted, until the main loop is
 *    idle, the main thread's CPU time in all, the main loop's longest
 *    iteration (what a key pressed meanwhile waits for) and the iteration
 *    that takes the document over from the import thread (its step
 *    adopted, the models and the window brought up to date); into a
 *    project of a short note, and into a large one: the big project below
 *    with 300 stakeholders and 1,000 arguments citing its passages;
 *    floor: the file read and its text and bytes INSERTed into a WAL
 *    database, committed; then, in the large project, a passage tagged
 *    and Ctrl+End pressed as soon as the report shows (while the view
 *    lays it out), and again once it is all laid out, each to the frame
 *    that shows it; floor of the last: Ctrl+End in a bare GtkTextView of
 *    the report's text, all laid out, to the frame that shows the end;
 *  - the process's resident memory with the long document shown.
 *
 * Wall time beside the process's CPU time: the machine is shared, and
 * CPU time is what an operation costs whatever else runs. The ratio is
 * wall ÷ the floor's wall, both measured in the same run.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>
#include <time.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>
#include <dossier/dossier.h>

#include "bench-clock.h"
#include "dossier-application.h"
#include "dossier-compare-page.h"
#include "dossier-documents-panel.h"
#include "dossier-reader-page-private.h"
#include "dossier-window-private.h"
#include "test-util.h"

static gboolean opt_quick = FALSE;
static gboolean opt_verbose = FALSE;
static gboolean opt_mentions = FALSE;
static int opt_runs = 0;
static int opt_tags_per_run = 9;
static char *opt_keep = NULL;
static char *opt_only = NULL;
static char *opt_file = NULL;
static char *opt_sizes = NULL;
static int opt_limit = 0;
static gboolean opt_cjk = FALSE;

static char *work_dir;

/* ---- Memory ------------------------------------------------------------- */

/* With --verbose: what the resident memory is made of — anonymous pages
 * (the heap, cairo's surfaces, big allocations) against mapped files
 * (libraries, fonts, caches) — and what malloc holds and uses. */
static void
print_memory_breakdown (const char *when)
{
  g_autofree char *rollup = NULL;
  struct mallinfo2 mi = mallinfo2 ();
  double anon = 0, file = 0;
  const char *line;

  if (g_file_get_contents ("/proc/self/smaps_rollup", &rollup, NULL, NULL))
    {
      if ((line = strstr (rollup, "\nAnonymous:")) != NULL)
        anon = g_ascii_strtod (line + 11, NULL) / 1024.0;
      if ((line = strstr (rollup, "\nRss:")) != NULL)
        file = g_ascii_strtod (line + 5, NULL) / 1024.0 - anon;
    }
  g_printerr ("  memory, %s: %.1f MB anonymous, %.1f MB files; malloc: %.1f MB in the heap "
              "(%.1f in use, %.1f free), %.1f MB mmapped\n",
              when, anon, file, mi.arena / 1048576.0, mi.uordblks / 1048576.0,
              mi.fordblks / 1048576.0, mi.hblkhd / 1048576.0);
}

/* ---- Samples: every measurement of one row, all runs -------------------- */

typedef struct
{
  GArray *wall;
  GArray *cpu;
} Samples;

static void
samples_init (Samples *s)
{
  s->wall = g_array_new (FALSE, FALSE, sizeof (double));
  s->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
samples_add (Samples *s,
             Ms       ms)
{
  g_array_append_val (s->wall, ms.wall);
  g_array_append_val (s->cpu, ms.cpu);
}

static double
median_of (GArray *values)
{
  g_autoptr(GArray) sorted = NULL;
  const double *v;
  guint n = values->len;

  if (n == 0)
    return 0;
  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  v = (const double *) (gpointer) sorted->data;
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static Ms
samples_median (const Samples *s)
{
  return (Ms) { median_of (s->wall), median_of (s->cpu) };
}

/* ---- Generated projects --------------------------------------------------- */

/* One invented word per tag: autocode finds them, nothing else contains them. */
static const char * const markers[] = {
  "quaysidex", "tollgatex", "ferrymenx", "pierheadx", "wharfagex", "mooringsx",
  "docklandx", "slipwayx", "breakwatx", "lockkeepx", "towpathx", "capstanx",
};
#define N_TAGS G_N_ELEMENTS (markers)

static const char * const tag_names[N_TAGS] = {
  "Costs", "Risks", "Benefits", "Stakeholders", "Environment", "Politics",
  "Timeline", "Funding", "Safety", "Traffic", "Local business", "Quotes",
};

static const char * const palette[N_TAGS] = {
  "#e01b24", "#3584e4", "#33d17a", "#f6d32d", "#9141ac", "#ff7800",
  "#2190a4", "#e66100", "#986a44", "#c061cb", "#26a269", "#1c71d8",
};

/* How far past its marker each tag's highlight reaches (characters, within
 * the sentence): short words to long passages, so that they overlap. */
static const int reach[N_TAGS] = { 0, 20, 60, 120, 250, 400, 30, 80, 15, 600, 45, 150 };

static G_NORETURN void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-window: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

typedef struct
{
  GRand  *rand;
  guint   every;     /* a marker every this many words (0: none) */
  guint   n_words;
  guint   n_markers;
} Writer;

static void
append_sentence (Writer  *w,
                 GString *s,
                 int      n)
{
  for (int i = 0; i < n; i++)
    {
      const char *word;

      if (w->every != 0 && ++w->n_words % w->every == 0)
        {
          word = markers[g_rand_int_range (w->rand, 0, N_TAGS)];
          w->n_markers++;
        }
      else
        word = random_word (w->rand);
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, word);
    }
  g_string_append (s, ". ");
}

/* An invented Markdown article of about @bytes: title, headings,
 * paragraphs, lists and quotes, with markers sprinkled for autocode. */
static char *
make_article (guint32  seed,
              gsize    bytes,
              guint    n_markers,
              guint   *made)
{
  Writer w = { g_rand_new_with_seed (seed), 0, 0, 0 };
  GString *s = g_string_sized_new (bytes + 4096);
  guint block = 0;

  /* About seven bytes a word. */
  w.every = n_markers > 0 ? MAX (1, (guint) (bytes / 7.2 / n_markers)) : 0;

  g_string_append (s, "# ");
  append_sentence (&w, s, 8);
  g_string_append (s, "\n\n");
  while (s->len < bytes)
    {
      if (block % 17 == 1)
        {
          g_string_append (s, "## ");
          append_sentence (&w, s, g_rand_int_range (w.rand, 2, 6));
        }
      else if (block % 11 == 5)
        for (int i = g_rand_int_range (w.rand, 3, 6); i > 0; i--)
          {
            g_string_append (s, "- ");
            append_sentence (&w, s, g_rand_int_range (w.rand, 6, 24));
            g_string_append_c (s, '\n');
          }
      else if (block % 13 == 7)
        {
          g_string_append (s, "> ");
          append_sentence (&w, s, g_rand_int_range (w.rand, 15, 40));
        }
      else
        for (int i = g_rand_int_range (w.rand, 3, 9); i > 0; i--)
          append_sentence (&w, s, g_rand_int_range (w.rand, 8, 24));
      g_string_append (s, "\n\n");
      block++;
    }

  g_rand_free (w.rand);
  if (made != NULL)
    *made = w.n_markers;
  return g_string_free (s, FALSE);
}

static gint64
add_article (DossierProject *project,
             const char     *text,
             const char     *name,
             const char     *outlet,
             const char     *published)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc;
  gint64 id;

  doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_MARKDOWN, name, &error);
  if (doc == NULL)
    die ("import", error);
  g_free (doc->outlet);
  doc->outlet = g_strdup (outlet);
  g_free (doc->published);
  doc->published = g_strdup (published);
  id = dossier_project_add_document (project, doc, &error);
  dossier_parsed_document_free (doc);
  if (id <= 0)
    die ("add a document", error);
  return id;
}

static void
add_tags (DossierProject *project,
          gint64         *ids)
{
  g_autoptr(GError) error = NULL;

  for (guint t = 0; t < N_TAGS; t++)
    {
      ids[t] = dossier_project_add_tag (project, tag_names[t], 0, palette[t], NULL, &error);
      if (ids[t] <= 0)
        die ("add a tag", error);
    }
}

static DossierProject *
create_project (const char *path,
                const char *title)
{
  g_autoptr(GError) error = NULL;
  DossierProject *project;

  g_unlink (path);
  project = dossier_project_create (path, title, &error);
  if (project == NULL)
    die (path, error);
  return project;
}

typedef struct
{
  char   *path;
  gint64  short_id;   /* a short note, shown first */
  gint64  long_id;    /* the long document */
  gsize   bytes;
  gint64  length;     /* code points */
  guint   n_highlights;
  gint64  tag_ids[N_TAGS];
} LongProject;

/* Stakeholders the generated texts name often ("council", "mayor", …:
 * about 2,000 times a MB each). */
static const char * const mentioned[][2] = {
  { "Harbour Council", "council" }, { "The Mayor", "mayor" }, { "Engineers", "engineers" },
  { "Residents", "residents" },
};

static void
add_mentioned_stakeholders (DossierProject *project)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (mentioned); i++)
    if (dossier_project_add_stakeholder (project, mentioned[i][0], (const char *[]) { mentioned[i][1], NULL },
                                         DOSSIER_STAKEHOLDER_OTHER, &error) <= 0)
      die ("add a stakeholder", error);
}

/* A short note, then the long document with its highlights: made by
 * autocode, one pass per tag (one transaction each), plus memos on some. */
static void
make_long_project (LongProject *lp,
                   gsize        bytes,
                   guint        n_highlights)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Stamp t0 = stamp ();
  guint markers_made = 0;

  lp->path = g_build_filename (work_dir, "long.dossier", NULL);
  project = create_project (lp->path, "Bench: a long document");
  add_tags (project, lp->tag_ids);
  if (opt_mentions)
    add_mentioned_stakeholders (project);

  lp->short_id = add_article (project,
                              "# Pier Notes\n\nWork on the south pier starts in May, the port said.\n",
                              "pier.md", "Harbour Gazette", "2026-03-02");
  /* A few more markers than highlights: neighbours of one tag merge. */
  text = make_article (42, bytes, n_highlights + n_highlights / 16, &markers_made);
  lp->bytes = strlen (text);
  lp->long_id = add_article (project, text, "long.md", "Regional Courier", "2026-04-17");

  for (guint t = 0; t < N_TAGS; t++)
    {
      g_autofree char *regex = g_strdup_printf ("%s[^\\n.]{0,%d}", markers[t], reach[t]);

      if (dossier_project_autocode (project, lp->tag_ids[t], NULL, regex, lp->long_id, &error) < 0)
        die ("autocode", error);
    }

  list = dossier_project_list_highlights (project, lp->long_id, 0, &error);
  if (list == NULL)
    die ("list highlights", error);
  lp->n_highlights = list->len;
  /* A memo on one highlight in 25 (tooltips carry them). */
  for (guint i = 0; i < list->len; i += 25)
    if (!dossier_project_set_highlight_memo (project, dossier_highlight_get_id (g_ptr_array_index (list, i)),
                                             "Check this figure against the “final” report — café owners disagree.",
                                             &error))
      die ("set a memo", error);
  lp->length = dossier_document_get_length (dossier_project_get_document (project, lp->long_id));
  dossier_project_close (project);

  g_printerr ("  (made %s: %zu bytes, %u highlights from %u markers, in %.1f s)\n",
              lp->path, lp->bytes, lp->n_highlights, markers_made, since (t0).wall / 1000);
}

typedef struct
{
  char  *path;
  guint  n_documents;
  guint  n_highlights;
} BigProject;

/* Counted with sqlite3: listing 100,000 highlights through the core would
 * leave the process's heap (and its memory figures) that much bigger. */
static guint
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The ids @sql ("SELECT id FROM …") returns. */
static GArray *
read_ids (const char *path,
          const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, id);
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (ids->len == 0)
    die (sql, NULL);
  return ids;
}

/* Many short articles (~3 KB), 100 highlights each, by autocode. */
static void
make_big_project (BigProject *bp,
                  guint       n_documents)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tag_ids[N_TAGS];
  Stamp t0 = stamp ();

  bp->path = g_build_filename (work_dir, "big.dossier", NULL);
  bp->n_documents = n_documents;
  if (g_file_test (bp->path, G_FILE_TEST_EXISTS) && count_rows (bp->path, "documents") == n_documents)
    {
      bp->n_highlights = count_rows (bp->path, "highlights");
      g_printerr ("  (reusing %s: %u documents, %u highlights)\n",
                  bp->path, n_documents, bp->n_highlights);
      return;
    }

  project = create_project (bp->path, "Bench: a big project");
  add_tags (project, tag_ids);
  for (guint d = 0; d < n_documents; d++)
    {
      g_autofree char *text = make_article (1000 + d, 3000, 100, NULL);
      g_autofree char *name = g_strdup_printf ("report-%04u.md", d);
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + d % 12, 1 + d % 28);

      add_article (project, text, name, d % 3 ? "Regional Courier" : "Harbour Gazette", date);
    }
  for (guint t = 0; t < N_TAGS; t++)
    {
      g_autofree char *regex = g_strdup_printf ("%s[^\\n.]{0,%d}", markers[t], reach[t] / 4);

      if (dossier_project_autocode (project, tag_ids[t], NULL, regex, 0, &error) < 0)
        die ("autocode", error);
    }
  dossier_project_close (project);
  bp->n_highlights = count_rows (bp->path, "highlights");

  g_printerr ("  (made %s: %u documents, %u highlights, in %.1f s)\n",
              bp->path, n_documents, bp->n_highlights, since (t0).wall / 1000);
}

/* The big project as a user's grows: 300 stakeholders (a few named as
 * the texts name them, so that documents mention them), 10 questions of
 * 100 arguments each citing two passages, a passage cited for each
 * stakeholder. Made through the core, once (--keep reuses it). */
#define LARGE_STAKEHOLDERS 300
#define LARGE_QUESTIONS 10
#define LARGE_ARGUMENTS 1000

static char *
make_large_project (const BigProject *bp)
{
  static const char * const named[][2] = {
    { "Harbour Council", "council" }, { "The Mayor", "mayor" }, { "Engineers", "engineers" },
    { "Residents", "residents" }, { "Ferry operators", "ferry" }, { "Shop owners", "shops" },
  };
  char *path = g_build_filename (work_dir, "large.dossier", NULL);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GArray) highlights = NULL;
  gint64 questions[LARGE_QUESTIONS];
  Stamp t0 = stamp ();

  if (g_file_test (path, G_FILE_TEST_EXISTS)
      && count_rows (path, "documents") == bp->n_documents
      && count_rows (path, "arguments") == LARGE_ARGUMENTS)
    {
      g_printerr ("  (reusing %s)\n", path);
      return path;
    }

  from = g_file_new_for_path (bp->path);
  to = g_file_new_for_path (path);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    die ("copy the big project", error);
  highlights = read_ids (path, "SELECT id FROM highlights ORDER BY id");
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  if (project == NULL)
    die (path, error);

  for (guint i = 0; i < LARGE_STAKEHOLDERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stakeholder %u", i);
      gint64 id;

      if (i < G_N_ELEMENTS (named))
        id = dossier_project_add_stakeholder (project, named[i][0], (const char *[]) { named[i][1], NULL },
                                              DOSSIER_STAKEHOLDER_OTHER, &error);
      else
        id = dossier_project_add_stakeholder (project, name, NULL, i % DOSSIER_STAKEHOLDER_N_KINDS, &error);
      if (id <= 0
          || !dossier_project_add_stakeholder_evidence (project, id, g_array_index (highlights, gint64, i * 97 % highlights->len),
                                                        NULL, DOSSIER_EVIDENCE_NONE,
                                                        DOSSIER_STANCE_UNKNOWN, &error))
        die ("add a stakeholder", error);
    }
  for (guint q = 0; q < LARGE_QUESTIONS; q++)
    {
      g_autofree char *text = g_strdup_printf ("Question %u: should the bridge close to cars?", q);

      if ((questions[q] = dossier_project_add_question (project, text, &error)) <= 0)
        die ("add a question", error);
    }
  for (guint i = 0; i < LARGE_ARGUMENTS; i++)
    {
      g_autofree char *statement = g_strdup_printf ("Argument %u about the bridge, its tolls and its costs", i);
      gint64 id = dossier_project_add_argument (project, questions[i % LARGE_QUESTIONS],
                                                i % 2 ? DOSSIER_POLARITY_CON : DOSSIER_POLARITY_PRO,
                                                statement, 0, 1 + i % 5, &error);

      if (id <= 0)
        die ("add an argument", error);
      for (guint k = 0; k < 2; k++)
        if (!dossier_project_add_argument_evidence (project, id,
                                                    g_array_index (highlights, gint64, (i * 89 + k * 50021) % highlights->len),
                                                    NULL, &error))
          die ("cite for an argument", error);
    }
  dossier_project_close (project);

  g_printerr ("  (made %s: the big project, %u stakeholders, %u arguments, in %.1f s)\n",
              path, LARGE_STAKEHOLDERS, LARGE_ARGUMENTS, since (t0).wall / 1000);
  return path;
}

static gint64
thread_cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The main thread's CPU in the frames painted, update and layout apart
 * from paint: a tagging's in all, and with --verbose an import's long
 * iterations', to tell their frames from the rest of their work. */
static gint64 frame_began_cpu, frame_laid_out_cpu;
static gint64 frame_layout_cpu, frame_paint_cpu;

static void
on_frame_before_paint (void)
{
  /* A frame that only paints has no layout phase. */
  frame_began_cpu = frame_laid_out_cpu = thread_cpu_now ();
}

static void
on_frame_layout (void)
{
  frame_laid_out_cpu = thread_cpu_now ();
  frame_layout_cpu += frame_laid_out_cpu - frame_began_cpu;
}

static void
on_frame_after_paint (void)
{
  frame_paint_cpu += thread_cpu_now () - frame_laid_out_cpu;
}

static void
frame_phases_watch (GtkWidget *window,
                    gboolean   watch)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (!watch)
    {
      g_signal_handlers_disconnect_by_func (clock, on_frame_before_paint, NULL);
      g_signal_handlers_disconnect_by_func (clock, on_frame_layout, NULL);
      g_signal_handlers_disconnect_by_func (clock, on_frame_after_paint, NULL);
      return;
    }
  /* After the window's own handlers: its layout is done when ours runs. */
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_before_paint), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (on_frame_layout), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_after_paint), NULL);
}

/* ---- Frames --------------------------------------------------------------- */

/* Counts the frames a window paints and stamps the last one. */
typedef struct
{
  GdkFrameClock *clock;
  guint          frames;
  Stamp          last;
} Frames;

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *f)
{
  f->frames++;
  f->last = stamp ();
}

static void
frames_watch (Frames    *f,
              GtkWidget *window)
{
  f->frames = 0;
  f->clock = gtk_widget_get_frame_clock (window);
  g_assert (f->clock != NULL);
  g_signal_connect (f->clock, "after-paint", G_CALLBACK (on_after_paint), f);
}

static void
frames_unwatch (Frames *f)
{
  g_signal_handlers_disconnect_by_data (f->clock, f);
}

/* Runs the main loop until @condition holds, then until the next frame is
 * painted (asking for one: a window with nothing new to draw would not
 * paint). Returns when that frame was painted. */
static Stamp
until_painted_after (Frames        *f,
                     GtkWidget     *redraw,
                     TestCondition  condition,
                     gpointer       data)
{
  guint frames;

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
  frames = f->frames;
  gtk_widget_queue_draw (redraw);
  while (f->frames == frames)
    g_main_context_iteration (NULL, TRUE);
  return f->last;
}

/* When the main loop's last poll returned, while the import part times
 * its iterations (0: not timing, or the bench asleep). */
static gint64 poll_returned;

/* Until nothing is pending (timeouts due within 100 ms included: the
 * highlights panel follows changes 40 ms later). Its sleeps are not the
 * main loop's work. */
static void
until_idle_since (Stamp *busy)
{
  gint64 quiet_since = g_get_monotonic_time ();

  while (g_get_monotonic_time () - quiet_since < 100000)
    {
      if (g_main_context_iteration (NULL, FALSE))
        {
          quiet_since = g_get_monotonic_time ();
          if (busy != NULL)
            *busy = stamp ();
        }
      else
        {
          poll_returned = 0;
          g_usleep (1000);
        }
    }
}

static void
until_idle (void)
{
  until_idle_since (NULL);
}

static void
wait_frames (Frames    *f,
             GtkWidget *redraw,
             guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      guint frames = f->frames;

      gtk_widget_queue_draw (redraw);
      while (f->frames == frames)
        g_main_context_iteration (NULL, TRUE);
    }
}

/* Until a refresh interval has passed since the last frame painted (the
 * main loop running meanwhile): the next frame is then not held back. */
static void
wait_refresh_interval (Frames *f)
{
  gint64 interval = 0;

  gdk_frame_clock_get_refresh_info (f->clock, gdk_frame_clock_get_frame_time (f->clock), &interval, NULL);
  if (interval <= 0)
    interval = 16667;
  while (g_get_monotonic_time () < f->last.wall + interval)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

static void
destroy_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- Floors --------------------------------------------------------------- */

static gboolean
always (gpointer data)
{
  return TRUE;
}

/* A bare GtkTextView, wrapping, in a window of the real one's size,
 * presented, its frames watched in @f. */
static GtkWidget *
present_bare_text_view (GtkWidget **text_view,
                        Frames     *f)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  *text_view = gtk_text_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (*text_view), GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), *text_view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  frames_watch (f, window);
  return window;
}

/* The same text into a bare GtkTextView in a window of the same size:
 * the call, and until its first frame. */
static void
floor_text_view (const char *text,
                 Samples    *call,
                 Samples    *first_frame)
{
  GtkWidget *text_view;
  Frames f;
  GtkWidget *window = present_bare_text_view (&text_view, &f);
  Stamp t0;

  wait_frames (&f, text_view, 2);

  t0 = stamp ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
  samples_add (call, since (t0));
  samples_add (first_frame, between (t0, until_painted_after (&f, text_view, always, NULL)));

  frames_unwatch (&f);
  destroy_window (window);
}

static const char floor_schema[] =
  "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
  "CREATE TABLE IF NOT EXISTS highlights (id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " uuid TEXT NOT NULL UNIQUE, document INTEGER NOT NULL, start INTEGER NOT NULL,"
  " end INTEGER NOT NULL, quote TEXT NOT NULL, prefix TEXT NOT NULL DEFAULT '',"
  " suffix TEXT NOT NULL DEFAULT '', memo TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '',"
  " created TEXT NOT NULL, modified TEXT NOT NULL, orphaned INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX IF NOT EXISTS highlights_by_document ON highlights (document, orphaned, start, end);"
  "CREATE TABLE IF NOT EXISTS highlight_tags (highlight INTEGER NOT NULL, tag INTEGER NOT NULL,"
  " position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (highlight, tag));"
  "CREATE INDEX IF NOT EXISTS highlight_tags_by_tag ON highlight_tags (tag, highlight);";

/* One highlight and its tag link, committed durably, as a project would. */
static Ms
floor_insert_highlight (sqlite3    *db,
                        gint64      start,
                        const char *quote)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  sqlite3_stmt *h = NULL, *t = NULL;
  Stamp t0 = stamp ();

  sqlite3_prepare_v2 (db, "INSERT INTO highlights (uuid, document, start, end, quote, prefix, suffix,"
                          " author, created, modified) VALUES (?, 2, ?, ?, ?, ?, ?, 'Bench', ?, ?)",
                      -1, &h, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO highlight_tags (highlight, tag) VALUES (?, 1)", -1, &t, NULL);
  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_bind_text (h, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (h, 2, start);
  sqlite3_bind_int64 (h, 3, start + 25);
  sqlite3_bind_text (h, 4, quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (h, 5, "the council said the future of ", -1, SQLITE_STATIC);
  sqlite3_bind_text (h, 6, " would be decided by Tuesday", -1, SQLITE_STATIC);
  sqlite3_bind_text (h, 7, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (h, 8, created, -1, SQLITE_STATIC);
  if (sqlite3_step (h) != SQLITE_DONE)
    g_printerr ("bench-window: floor insert: %s\n", sqlite3_errmsg (db));
  sqlite3_bind_int64 (t, 1, sqlite3_last_insert_rowid (db));
  sqlite3_step (t);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (h);
  sqlite3_finalize (t);
  return since (t0);
}

/* ---- The long document in the window -------------------------------------- */

/* One import's figures (see run_import ()). */
typedef struct
{
  Samples shown, idle, stall, main, takeover;
} ImportSamples;

typedef struct
{
  Samples floor_call, floor_frame;
  Samples show_call, show_first, show_all, show_idle;
  Samples tag_call, tag_frame, tag_frame_idle, tag_idle, tag_layout, tag_paint, undo_call, undo_frame, floor_insert;
  Samples open_call, open_frame, open_idle, empty_frame, floor_open;
  Samples large_call, large_frame, large_idle;   /* the large project opened */
  ImportSamples import_small, import_large;
  Samples fresh_tag, fresh_end, settled_tag, settled_end;
  Samples floor_end;   /* Ctrl+End in a bare GtkTextView of the report, laid out */
  Samples floor_fresh_end;   /* … its text just set */
  Samples floor_import;
  GArray *tag_frames;   /* frames painted until idle, each tagging */
  GArray *rss;
  GArray *rss_before;
  double  rss_first_before;   /* the first time, in a fresh process */
  double  rss_first;
} Results;

static gboolean
visible_painted (gpointer data)
{
  DossierWindow *window = data;

  return dossier_document_view_is_visible_painted (dossier_window_get_document_view (window));
}

static gboolean
all_painted (gpointer data)
{
  DossierWindow *window = data;

  return dossier_document_view_is_painted (dossier_window_get_document_view (window));
}

/* The change reached the view (the reader's respan ran) and the visible
 * lines carry it. */
static gboolean
respanned_and_painted (gpointer data)
{
  DossierWindow *window = data;

  return window->reader_page->respan_idle_id == 0 && visible_painted (window);
}

static GtkWidget *
text_view_of (DossierWindow *window)
{
  return GTK_WIDGET (dossier_document_view_get_text_view (dossier_window_get_document_view (window)));
}

static gboolean
highlights_differ (GArray *a,
                   GArray *b)
{
  return a->len != b->len || memcmp (a->data, b->data, a->len * sizeof (gint64)) != 0;
}

static void
run_long_document (LongProject *lp,
                   const char  *text,
                   sqlite3     *floor_db,
                   Results     *r,
                   gboolean     warm_up)
{
  DossierWindow *window = g_object_ref_sink (dossier_window_new (NULL));
  DossierDocumentView *view = dossier_window_get_document_view (window);
  g_autoptr(GFile) file = g_file_new_for_path (lp->path);
  g_autoptr(GError) error = NULL;
  Frames f;
  Stamp t0;
  guint frames;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  if (!dossier_window_open_project (window, file, DOSSIER_OPEN_READ_WRITE, &error))
    die ("open the long project in the window", error);
  frames_watch (&f, GTK_WIDGET (window));
  until_idle ();
  wait_frames (&f, GTK_WIDGET (window), 2);
  g_assert (dossier_window_get_document_id (window) == lp->short_id);
  if (!warm_up)
    g_array_append_vals (r->rss_before, (double[]) { resident_mb () }, 1);
  else
    r->rss_first_before = resident_mb ();
  if (opt_verbose)
    print_memory_breakdown ("the short note shown");

  /* Picking the long document in the sidebar. */
  t0 = stamp ();
  dossier_window_open_document (window, lp->long_id);
  if (!warm_up)
    samples_add (&r->show_call, since (t0));
  {
    Stamp first = until_painted_after (&f, text_view_of (window), visible_painted, window);
    Stamp all = until_painted_after (&f, text_view_of (window), all_painted, window);

    if (!warm_up)
      {
        samples_add (&r->show_first, between (t0, first));
        samples_add (&r->show_all, between (t0, all));
      }
  }
  until_idle ();
  if (!warm_up)
    {
      samples_add (&r->show_idle, since (t0));
      g_array_append_vals (r->rss, (double[]) { resident_mb () }, 1);
    }
  else
    r->rss_first = resident_mb ();
  if (opt_verbose)
    print_memory_breakdown ("the long document shown");

  frame_phases_watch (GTK_WIDGET (window), TRUE);
  /* Tagging a selection on screen with keys 1–9 (reader.apply-tag), then
   * undoing it; the highlights panel's relist (40 ms later) is let run
   * between two, as a person's pace would. */
  for (int k = 0; k < (warm_up ? 2 : opt_tags_per_run); k++)
    {
      gint64 start = 400 + 131 * k;
      g_autoptr(GArray) before = dossier_document_view_highlights_at (view, start + 10);
      g_autoptr(GArray) tagged = NULL;
      g_autoptr(GArray) undone = NULL;
      g_autofree char *quote = g_utf8_substring (text, start, start + 25);

      dossier_document_view_select_range (view, start, start + 25);
      until_idle ();
      wait_frames (&f, GTK_WIDGET (window), 1);
      /* Every other key comes as a person's does, the window having
       * painted nothing for a while: the frame clock may paint at once.
       * The others come right after a frame, its worst moment: it paints
       * no sooner than one refresh interval after that frame began. */
      if (k % 2 == 1)
        wait_refresh_interval (&f);

      frames = f.frames;
      frame_layout_cpu = frame_paint_cpu = 0;
      t0 = stamp ();
      gtk_widget_activate_action (GTK_WIDGET (window->reader_page), "reader.apply-tag", "i", 1 + k % 9);
      if (!warm_up)
        samples_add (&r->tag_call, since (t0));
      {
        Stamp done = until_painted_after (&f, text_view_of (window), respanned_and_painted, window);

        if (!warm_up)
          samples_add (k % 2 == 1 ? &r->tag_frame_idle : &r->tag_frame, between (t0, done));
      }
      tagged = dossier_document_view_highlights_at (view, start + 10);
      if (!highlights_differ (before, tagged))
        g_printerr ("bench-window: tagging at %" G_GINT64_FORMAT " changed nothing in the view\n", start);
      {
        /* All the tagging's work, what idles do after the frame too. */
        Stamp busy = t0;

        until_idle_since (&busy);
        if (!warm_up)
          {
            samples_add (&r->tag_idle, between (t0, busy));
            samples_add (&r->tag_layout, (Ms) { 0, frame_layout_cpu / 1000.0 });
            samples_add (&r->tag_paint, (Ms) { 0, frame_paint_cpu / 1000.0 });
            g_array_append_vals (r->tag_frames, (double[]) { f.frames - frames }, 1);
          }
        if (opt_verbose)
          g_printerr ("  tagging %d: idle after %.1f ms (%.1f ms CPU), %u frames: %.1f ms CPU update and "
                      "layout, %.1f paint\n", k + 1, between (t0, busy).wall, between (t0, busy).cpu,
                      f.frames - frames, frame_layout_cpu / 1000.0, frame_paint_cpu / 1000.0);
      }

      t0 = stamp ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
      if (!warm_up)
        samples_add (&r->undo_call, since (t0));
      {
        Stamp done = until_painted_after (&f, text_view_of (window), respanned_and_painted, window);

        if (!warm_up)
          samples_add (&r->undo_frame, between (t0, done));
      }
      undone = dossier_document_view_highlights_at (view, start + 10);
      if (highlights_differ (before, undone))
        g_printerr ("bench-window: undo at %" G_GINT64_FORMAT " did not restore the view\n", start);
      until_idle ();

      if (!warm_up)
        samples_add (&r->floor_insert, floor_insert_highlight (floor_db, start, quote));
    }

  frame_phases_watch (GTK_WIDGET (window), FALSE);
  frames_unwatch (&f);
  destroy_window (GTK_WIDGET (window));
  g_assert_finalize_object (window);
}

/* ---- The big project in a new window -------------------------------------- */

typedef struct
{
  DossierWindow *window;
  guint          n_documents;
} OpenProbe;

static gboolean
documents_listed (gpointer data)
{
  OpenProbe *p = data;
  GListModel *shown = dossier_documents_panel_get_model (p->window->documents_panel);

  return gtk_widget_get_mapped (GTK_WIDGET (p->window))
         && g_list_model_get_n_items (shown) == p->n_documents
         && gtk_widget_get_mapped (GTK_WIDGET (p->window->documents_panel));
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* A new window with no project, until presented: what the big project's
 * figure would be with no documents at all. */
static void
run_empty_window (Results  *r,
                  gboolean  warm_up)
{
  DossierWindow *window;
  Frames f;
  Stamp t0;

  t0 = stamp ();
  window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  frames_watch (&f, GTK_WIDGET (window));
  {
    Stamp done = until_painted_after (&f, GTK_WIDGET (window), window_mapped, window);

    if (!warm_up)
      samples_add (&r->empty_frame, between (t0, done));
  }
  until_idle ();
  frames_unwatch (&f);
  destroy_window (GTK_WIDGET (window));
  g_assert_finalize_object (window);
}

/* Into @call, @frame and @idle, and the floor into @floor (if not
 * NULL). */
static void
run_open_big (BigProject *bp,
              Samples    *call_s,
              Samples    *frame_s,
              Samples    *idle_s,
              Samples    *floor,
              gboolean    warm_up)
{
  g_autoptr(GFile) file = g_file_new_for_path (bp->path);
  g_autoptr(GError) error = NULL;
  OpenProbe probe = { NULL, bp->n_documents };
  Frames f;
  Stamp t0, call;

  /* What starting Dossier on a project does: a window, presented, then
   * the project opened in it. */
  t0 = stamp ();
  probe.window = g_object_ref_sink (dossier_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (probe.window), 1280, 820);
  gtk_window_present (GTK_WINDOW (probe.window));
  frames_watch (&f, GTK_WIDGET (probe.window));
  if (!dossier_window_open_project (probe.window, file, DOSSIER_OPEN_READ_WRITE, &error))
    die ("open the big project in the window", error);
  call = stamp ();
  {
    Stamp done = until_painted_after (&f, GTK_WIDGET (probe.window), documents_listed, &probe);

    if (!warm_up)
      {
        samples_add (call_s, between (t0, call));
        samples_add (frame_s, between (t0, done));
      }
  }
  until_idle ();
  if (!warm_up)
    samples_add (idle_s, since (t0));

  frames_unwatch (&f);
  destroy_window (GTK_WIDGET (probe.window));
  g_assert_finalize_object (probe.window);

  if (!warm_up && floor != NULL)
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      gint64 n = 0;

      t0 = stamp ();
      if (sqlite3_open_v2 (bp->path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
          && sqlite3_prepare_v2 (db, "SELECT count(*) FROM documents", -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      samples_add (floor, since (t0));
      if (n != bp->n_documents)
        g_printerr ("bench-window: the floor counted %" G_GINT64_FORMAT " documents\n", n);
    }
}

/* ---- Importing a long report into an open project ------------------------ */

/* The longest the main loop was held: from one poll's return to the next
 * poll, the work of one iteration (a key pressed meanwhile waits as long).
 * The bench's own sleeps between iterations are not counted. */
static GPollFunc default_poll;
static gint64 poll_returned_cpu;
static gint64 longest_hold;
static gint64 longest_hold_cpu;
static gint64 hold_t0;
/* Set when the window's project lists the imported document: the
 * iteration that took it over from the import thread. */
static gboolean taking_over;
static gint64 takeover_hold;
static gint64 takeover_hold_cpu;

static gint
timed_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_now ();
  gint rc;

  if (poll_returned > 0)
    {
      longest_hold = MAX (longest_hold, now - poll_returned);
      longest_hold_cpu = MAX (longest_hold_cpu, cpu - poll_returned_cpu);
      if (taking_over)
        {
          takeover_hold = now - poll_returned;
          takeover_hold_cpu = cpu - poll_returned_cpu;
          taking_over = FALSE;
        }
      if (opt_verbose && (now - poll_returned > 100000 || cpu - poll_returned_cpu > 8000))
        g_printerr ("  held %.1f ms (%.1f ms of CPU; frames: %.1f update and layout, %.1f paint), "
                    "%.1f ms in\n", (now - poll_returned) / 1000.0, (cpu - poll_returned_cpu) / 1000.0,
                    frame_layout_cpu / 1000.0, frame_paint_cpu / 1000.0, (now - hold_t0) / 1000.0);
    }
  frame_layout_cpu = frame_paint_cpu = 0;
  rc = default_poll (fds, n_fds, timeout);
  poll_returned = g_get_monotonic_time ();
  poll_returned_cpu = thread_cpu_now ();
  return rc;
}

typedef struct
{
  DossierWindow *window;
  gint64         before;   /* the document shown before the import */
} ImportProbe;

static gboolean
imported_and_shown (gpointer data)
{
  ImportProbe *p = data;

  return !dossier_window_is_importing (p->window)
         && dossier_window_get_document_id (p->window) != p->before
         && visible_painted (p->window);
}

static void
on_documents_changed (GListModel *documents,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  if (added > removed && poll_returned > 0)
    taking_over = TRUE;
}

/* The report's text and original bytes into a table, committed durably:
 * the rows an import writes, without parsing, blocks or index. */
static Ms
floor_import (const char *path,
              const char *text)
{
  g_autofree char *db_path = g_build_filename (work_dir, "floor-import.sqlite", NULL);
  g_autofree char *bytes = NULL;
  gsize n_bytes = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  Stamp t0;

  g_unlink (db_path);
  if (sqlite3_open (db_path, &db) != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                           "CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT, original BLOB)",
                       NULL, NULL, NULL) != SQLITE_OK)
    g_printerr ("bench-window: %s: %s\n", db_path, sqlite3_errmsg (db));

  t0 = stamp ();
  if (!g_file_get_contents (path, &bytes, &n_bytes, NULL))
    g_printerr ("bench-window: cannot read %s\n", path);
  sqlite3_prepare_v2 (db, "INSERT INTO documents (text, original) VALUES (?, ?)", -1, &stmt, NULL);
  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, bytes, (int) n_bytes, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_printerr ("bench-window: floor import: %s\n", sqlite3_errmsg (db));
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (stmt);
  {
    Ms ms = since (t0);

    sqlite3_close (db);
    g_unlink (db_path);
    return ms;
  }
}

/* A project as a user has it when a long report comes in: a short note
 * shown, a few stakeholders whose names the report mentions often. */
static char *
make_import_project (int run)
{
  g_autofree char *name = g_strdup_printf ("import-%d.dossier", run);
  char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(DossierProject) project = create_project (path, "Bench: an import");

  add_article (project, "# Pier Notes\n\nWork on the south pier starts in May, the council said.\n",
               "pier.md", "Harbour Gazette", "2026-03-02");
  add_mentioned_stakeholders (project);
  dossier_project_close (project);
  return path;
}

/* The end of @text_view's buffer in view, its line whole but for a
 * pixel: scrolled to its end, a bare GtkTextView (no bottom margin) left
 * its last line's last pixel out (the view at 270258–271078, the line at
 * 271063–271079), and the floor waited for ever. */
static gboolean
text_end_in_view (GtkTextView *text_view)
{
  GtkTextIter end;
  GdkRectangle visible, at;

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (text_view), &end);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &end, &at);
  return at.y >= visible.y && at.y + at.height <= visible.y + visible.height + 1;
}

/* The end of the text in view, and the visible lines painted. */
static gboolean
end_shown (gpointer data)
{
  DossierWindow *window = data;

  return text_end_in_view (GTK_TEXT_VIEW (text_view_of (window))) && visible_painted (window);
}

/* Ctrl+End (GtkTextView's binding: move-cursor to the buffer's end) in
 * @text_view, to the frame that shows the end (@shown holds); 30 s at
 * most, then said. */
static Ms
ctrl_end_until_shown (GtkWidget     *text_view,
                      Frames        *f,
                      TestCondition  shown,
                      gpointer       data)
{
  Stamp t0 = stamp ();
  gint64 deadline = t0.wall + 30 * G_USEC_PER_SEC;

  g_signal_emit_by_name (text_view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  /* GTK 4.8 scrolls to the end of what it has laid out so far; the
   * reader keeps the caret in view until it is all laid out. */
  while (!shown (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          GtkTextIter end, caret;
          GdkRectangle visible, at;
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));

          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
          gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (text_view), &visible);
          gtk_text_view_get_iter_location (GTK_TEXT_VIEW (text_view), &end, &at);
          g_printerr ("bench-window: Ctrl+End: the end not in view 30 s after (the view at %d–%d, the end "
                      "at %d–%d, the caret %s)\n", visible.y, visible.y + visible.height, at.y,
                      at.y + at.height, gtk_text_iter_is_end (&caret) ? "there" : "elsewhere");
          return (Ms) { 30000, since (t0).cpu };
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return between (t0, until_painted_after (f, text_view, shown, data));
}

/* Ctrl+End in the reader, to the frame that shows the end; Ctrl+Home
 * first if @home, let settle. */
static Ms
press_ctrl_end (DossierWindow *window,
                Frames        *f,
                gboolean       home)
{
  GtkWidget *text_view = text_view_of (window);

  if (home)
    {
      g_signal_emit_by_name (text_view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
      until_idle ();
      wait_frames (f, GTK_WIDGET (window), 1);
      wait_refresh_interval (f);
    }
  return ctrl_end_until_shown (text_view, f, end_shown, window);
}

static gboolean
bare_end_shown (gpointer data)
{
  return text_end_in_view (data);
}

/* The floor of Ctrl+End once laid out: the same text in a bare
 * GtkTextView in a window of the same size, all laid out, the caret at
 * the start (Ctrl+Home, let settle, as press_ctrl_end () does); its
 * binding's move-cursor to the buffer's end, to the frame that shows the
 * end. */
static void
floor_ctrl_end (const char *text,
                Samples    *end)
{
  GtkWidget *text_view;
  Frames f;
  GtkWidget *window = present_bare_text_view (&text_view, &f);

  wait_frames (&f, text_view, 2);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
  /* GtkTextView lays the rest out in idles; set_text leaves the caret at
   * the end. */
  g_signal_emit_by_name (text_view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
  until_idle ();
  wait_frames (&f, text_view, 1);
  wait_refresh_interval (&f);

  samples_add (end, ctrl_end_until_shown (text_view, &f, bare_end_shown, text_view));

  frames_unwatch (&f);
  destroy_window (window);
}

/* The end in view, the caret aimed at again until it is: GTK 4.8 scrolls
 * to the end of what it has laid out so far, and a bare view left there
 * would never show the end (the reader aims each frame, aim_tick ()). */
static gboolean
bare_end_aimed (gpointer data)
{
  GtkTextView *text_view = data;

  if (text_end_in_view (text_view))
    return TRUE;
  gtk_text_view_scroll_mark_onscreen (text_view, gtk_text_buffer_get_insert (gtk_text_view_get_buffer (text_view)));
  return FALSE;
}

/* The floor of Ctrl+End right after the report is shown: its text set in
 * a bare GtkTextView in a window of the same size, its first frame drawn,
 * the caret at the start, then Ctrl+End to the frame that shows the end,
 * laying the text out on the way as the view must. */
static void
floor_fresh_ctrl_end (const char *text,
                      Samples    *end)
{
  GtkWidget *text_view;
  Frames f;
  GtkWidget *window = present_bare_text_view (&text_view, &f);

  wait_frames (&f, text_view, 2);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
  g_signal_emit_by_name (text_view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
  wait_frames (&f, text_view, 1);

  samples_add (end, ctrl_end_until_shown (text_view, &f, bare_end_aimed, text_view));

  frames_unwatch (&f);
  destroy_window (window);
}

/* The passage at @start selected and tagged with the codebook's first tag
 * (key 1), to the frame that shows it. */
static Ms
tag_passage (DossierWindow *window,
             Frames        *f,
             gint64         start)
{
  Stamp t0;

  dossier_document_view_select_range (dossier_window_get_document_view (window), start, start + 25);
  t0 = stamp ();
  gtk_widget_activate_action (GTK_WIDGET (window->reader_page), "reader.apply-tag", "i", 1);
  return between (t0, until_painted_after (f, text_view_of (window), respanned_and_painted, window));
}

/* A copy of @template to import into, named for @run. */
static char *
copy_project (const char *template,
              int         run)
{
  g_autofree char *name = g_strdup_printf ("import-large-%d.dossier", run);
  char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (template);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* A run stopped half-way leaves its log beside it: not the copy's. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *beside = g_strconcat (path, i == 0 ? "-wal" : "-shm", NULL);

      g_unlink (beside);
    }
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    die ("copy the project to import into", error);
  return path;
}

/* The report dropped on a window showing the project made for @run, or
 * a copy of @template. */
static void
run_import (const char    *template,
            const char    *report_path,
            int            run,
            ImportSamples *s,
            Results       *act,
            gboolean       warm_up)
{
  g_autofree char *path = template != NULL ? copy_project (template, run) : make_import_project (run);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) report = g_file_new_for_path (report_path);
  g_autoptr(GError) error = NULL;
  ImportProbe probe = { g_object_ref_sink (dossier_window_new (NULL)), 0 };
  GListModel *documents;
  Frames f;
  Stamp t0, shown;
  gint64 main0;

  gtk_window_set_default_size (GTK_WINDOW (probe.window), 1280, 820);
  gtk_window_present (GTK_WINDOW (probe.window));
  if (!dossier_window_open_project (probe.window, file, DOSSIER_OPEN_READ_WRITE, &error))
    die ("open the project to import into", error);
  frames_watch (&f, GTK_WIDGET (probe.window));
  until_idle ();
  wait_frames (&f, GTK_WIDGET (probe.window), 2);
  probe.before = dossier_window_get_document_id (probe.window);
  documents = dossier_project_get_documents (dossier_window_get_project (probe.window));
  g_signal_connect (documents, "items-changed", G_CALLBACK (on_documents_changed), NULL);
  taking_over = FALSE;
  takeover_hold = takeover_hold_cpu = 0;

  if (opt_verbose)
    frame_phases_watch (GTK_WIDGET (probe.window), TRUE);

  /* Dropping the report on the window. */
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  longest_hold = longest_hold_cpu = 0;
  t0 = stamp ();
  main0 = poll_returned_cpu = thread_cpu_now ();
  poll_returned = hold_t0 = t0.wall;
  dossier_window_import_files (probe.window, &report, 1);
  shown = until_painted_after (&f, text_view_of (probe.window), imported_and_shown, &probe);
  if (act != NULL)
    {
      /* While the view lays the text out in the background. */
      Ms tagged = tag_passage (probe.window, &f, 200);
      Ms ended = press_ctrl_end (probe.window, &f, FALSE);

      if (!warm_up)
        {
          samples_add (&act->fresh_tag, tagged);
          samples_add (&act->fresh_end, ended);
        }
    }
  until_idle ();
  poll_returned = 0;
  g_main_context_set_poll_func (NULL, default_poll);
  g_signal_handlers_disconnect_by_func (documents, on_documents_changed, NULL);
  if (opt_verbose)
    frame_phases_watch (GTK_WIDGET (probe.window), FALSE);
  if (act != NULL)
    {
      /* Once it is all laid out. */
      Ms ended = press_ctrl_end (probe.window, &f, TRUE);
      Ms tagged;

      until_idle ();
      wait_refresh_interval (&f);
      tagged = tag_passage (probe.window, &f, 400);
      until_idle ();
      if (!warm_up)
        {
          samples_add (&act->settled_tag, tagged);
          samples_add (&act->settled_end, ended);
        }
    }
  if (!warm_up && s != NULL)
    {
      samples_add (&s->shown, between (t0, shown));
      samples_add (&s->idle, since (t0));
      samples_add (&s->stall, (Ms) { longest_hold / 1000.0, longest_hold_cpu / 1000.0 });
      samples_add (&s->main, (Ms) { 0, (thread_cpu_now () - main0) / 1000.0 });
      samples_add (&s->takeover, (Ms) { takeover_hold / 1000.0, takeover_hold_cpu / 1000.0 });
    }

  frames_unwatch (&f);
  destroy_window (GTK_WIDGET (probe.window));
  g_assert_finalize_object (probe.window);
  g_unlink (path);
}

/* ---- The table ------------------------------------------------------------ */

static void
row (const char    *what,
     const Samples *s,
     const Samples *floor,
     const char    *target)
{
  Ms ms = samples_median (s);
  g_autofree char *ratio = NULL;

  if (floor != NULL && samples_median (floor).wall > 0)
    ratio = g_strdup_printf ("%7.1f×", ms.wall / samples_median (floor).wall);
  g_print ("%-58s %9.2f %9.2f %8s   %s\n", what, ms.wall, ms.cpu, ratio != NULL ? ratio : "", target);
}

static void
import_rows (const char          *what,
             const ImportSamples *s,
             const Samples       *floor)
{
  g_autofree char *shown = g_strdup_printf ("%s: listed and shown (first frame)", what);
  g_autofree char *idle = g_strdup_printf ("%s: main loop idle", what);

  row (shown, &s->shown, floor, "");
  row (idle, &s->idle, floor, "");
  /* CPU: the main thread's alone, where the rows above count the import
   * thread's too. */
  g_print ("%-58s %9s %9.2f\n", "  of which the main thread's (cpu)", "–", samples_median (&s->main).cpu);
  row ("  the main loop's longest iteration (cpu: main thread's)", &s->stall, NULL, "");
  row ("  the iteration taking the document over (cpu: main's)", &s->takeover, NULL, "");
}

/* ---- One paragraph of N MB ------------------------------------------------ */

/* A project from elsewhere, or an import: one document whose text is a
 * single paragraph of @mb MB (sentences, no blank line), beside two short
 * notes. Built through the core, the big text as a parsed document made by
 * hand (the importers are not what is timed here). */
typedef struct
{
  double  mb;
  char   *path;
  gint64  note_id;     /* shown first */
  gint64  floor_id;    /* a short note: the floor */
  gint64  long_id;
  gint64  length;      /* code points */
  Samples floor, first, stall;
  GArray *peak;        /* MB resident at most, from the switch on */
  gboolean gave_up;
} ParagraphCase;

static void
make_paragraph_project (ParagraphCase *pc)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc;
  Writer w = { g_rand_new_with_seed (1234), 0, 0, 0 };
  gsize bytes = (gsize) (pc->mb * 1000 * 1000);
  GString *s = g_string_sized_new (bytes + 256);
  DossierBlock block = { 0, 0, DOSSIER_BLOCK_PARAGRAPH, 0 };
  Stamp t0 = stamp ();

  if (opt_cjk)
    {
      /* Chinese: clauses of a few phrases, no space anywhere. */
      static const char *const phrases[] = {
        "港口", "大桥", "通行费", "议会", "今天", "再次", "上涨", "市民", "表示", "不满",
        "渡轮", "码头", "工程", "预算", "百万", "英镑", "交通", "部门", "批准", "计划",
      };

      while (s->len < bytes)
        {
          for (int i = g_rand_int_range (w.rand, 4, 12); i > 0; i--)
            g_string_append (s, phrases[g_rand_int_range (w.rand, 0, G_N_ELEMENTS (phrases))]);
          g_string_append (s, g_rand_int_range (w.rand, 0, 3) == 0 ? "，" : "。");
        }
    }
  else
    {
      while (s->len < bytes)
        append_sentence (&w, s, g_rand_int_range (w.rand, 8, 24));
      g_string_truncate (s, s->len - 1);   /* the last sentence's space */
    }
  g_rand_free (w.rand);

  pc->path = g_strdup_printf ("%s/paragraph-%g%s.dossier", work_dir, pc->mb, opt_cjk ? "-cjk" : "");
  pc->length = (gint64) g_utf8_strlen (s->str, (gssize) s->len);
  /* Kept (--keep) from an earlier run: made the same way, in this order. */
  if (opt_keep != NULL && g_file_test (pc->path, G_FILE_TEST_EXISTS) && count_rows (pc->path, "documents") == 3)
    {
      pc->note_id = 1;
      pc->floor_id = 2;
      pc->long_id = 3;
      g_string_free (s, TRUE);
      g_printerr ("  (reused %s)\n", pc->path);
      return;
    }
  project = create_project (pc->path, "Bench: one long paragraph");
  pc->note_id = add_article (project, "# Pier Notes\n\nWork on the south pier starts in May, the port said.\n",
                             "pier.md", "Harbour Gazette", "2026-03-02");
  pc->floor_id = add_article (project, "# Ferry Notes\n\nThe ferry runs every hour from June, the operator said.\n",
                              "ferry.md", "Harbour Gazette", "2026-03-03");

  doc = dossier_parsed_document_new ();
  doc->title = g_strdup ("One long paragraph");
  doc->format = g_strdup ("text");
  block.end = pc->length;
  g_array_append_val (doc->blocks, block);
  doc->text = g_string_free (s, FALSE);
  pc->long_id = dossier_project_add_document (project, doc, &error);
  dossier_parsed_document_free (doc);
  if (pc->long_id <= 0)
    die ("add the long paragraph", error);
  dossier_project_close (project);
  g_printerr ("  (made %s: one paragraph of %" G_GINT64_FORMAT " code points, in %.1f s)\n",
              pc->path, pc->length, since (t0).wall / 1000);
}

/* The process's peak resident memory (VmHWM), in MB, and its reset. */
static double
peak_resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "\nVmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + 7, NULL) / 1024.0;
}

static void
reset_peak_resident (void)
{
  /* "5" resets the peak to the current resident size (Linux 4.0); in
   * place (g_file_set_contents would write a new file and rename it). */
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");

  if (clear_refs != NULL)
    {
      fputs ("5", clear_refs);
      fclose (clear_refs);
    }
}

/* A watchdog: the old view lays a long paragraph out in one call that
 * does not come back for minutes; past --limit the bench says so and
 * exits, rather than wait. */
static GMutex watch_lock;
static GCond watch_cond;
static gint64 watch_deadline;   /* 0: nothing watched */
static char *watch_what;

static gpointer
watchdog (gpointer data)
{
  g_mutex_lock (&watch_lock);
  for (;;)
    {
      if (watch_deadline == 0)
        g_cond_wait (&watch_cond, &watch_lock);
      else if (!g_cond_wait_until (&watch_cond, &watch_lock, watch_deadline)
               && watch_deadline != 0 && g_get_monotonic_time () >= watch_deadline)
        {
          g_print ("%s: gave up after %d s (peak %.0f MB resident so far)\n",
                   watch_what, opt_limit, peak_resident_mb ());
          fflush (stdout);
          _exit (3);
        }
    }
  return NULL;
}

static void
watch_start (const char *what)
{
  static GThread *thread;

  if (opt_limit <= 0)
    return;
  if (thread == NULL)
    thread = g_thread_new ("bench-watchdog", watchdog, NULL);
  g_mutex_lock (&watch_lock);
  g_free (watch_what);
  watch_what = g_strdup (what);
  watch_deadline = g_get_monotonic_time () + (gint64) opt_limit * G_USEC_PER_SEC;
  g_cond_signal (&watch_cond);
  g_mutex_unlock (&watch_lock);
}

static void
watch_stop (void)
{
  g_mutex_lock (&watch_lock);
  watch_deadline = 0;
  g_cond_signal (&watch_cond);
  g_mutex_unlock (&watch_lock);
}

typedef struct
{
  DossierWindow *window;
  gint64         document_id;
} ShownProbe;

static gboolean
document_shown_and_painted (gpointer data)
{
  ShownProbe *p = data;

  return dossier_window_get_document_id (p->window) == p->document_id && visible_painted (p->window);
}

/* Runs the main loop for @usec and returns its longest iteration: what a
 * key pressed meanwhile would wait for. */
static Ms
longest_iteration (gint64 usec)
{
  gint64 until = g_get_monotonic_time () + usec;
  Ms longest = { 0, 0 };

  while (g_get_monotonic_time () < until)
    {
      Stamp t0 = stamp ();

      if (g_main_context_iteration (NULL, FALSE))
        {
          Ms took = since (t0);

          if (took.wall > longest.wall)
            longest = took;
        }
      else
        g_usleep (1000);
    }
  return longest;
}

static void
run_paragraph (ParagraphCase *pc,
               gboolean       warm_up)
{
  DossierWindow *window = g_object_ref_sink (dossier_window_new (NULL));
  g_autoptr(GFile) file = g_file_new_for_path (pc->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf ("%g MB paragraph: first frame", pc->mb);
  ShownProbe probe = { window, pc->floor_id };
  Frames f;
  Stamp t0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  if (!dossier_window_open_project (window, file, DOSSIER_OPEN_READ_WRITE, &error))
    die ("open the paragraph's project in the window", error);
  frames_watch (&f, GTK_WIDGET (window));
  until_idle ();
  wait_frames (&f, GTK_WIDGET (window), 2);

  /* The floor: a short note picked in the sidebar. */
  t0 = stamp ();
  dossier_window_open_document (window, pc->floor_id);
  {
    Stamp first = until_painted_after (&f, text_view_of (window), document_shown_and_painted, &probe);

    if (!warm_up)
      samples_add (&pc->floor, between (t0, first));
  }
  until_idle ();

  /* The long paragraph picked in the sidebar. */
  malloc_trim (0);
  reset_peak_resident ();
  probe.document_id = pc->long_id;
  watch_start (what);
  t0 = stamp ();
  dossier_window_open_document (window, pc->long_id);
  {
    Stamp first = until_painted_after (&f, text_view_of (window), document_shown_and_painted, &probe);
    Ms stall;

    watch_stop ();
    if (!warm_up)
      samples_add (&pc->first, between (t0, first));
    /* What follows the first frame: a person scrolls or types now. */
    watch_start (what);
    stall = longest_iteration (3 * G_USEC_PER_SEC);
    watch_stop ();
    if (!warm_up)
      {
        samples_add (&pc->stall, stall);
        g_array_append_vals (pc->peak, (double[]) { peak_resident_mb () }, 1);
      }
    if (opt_verbose)
      g_printerr ("  %g MB: first frame %.1f ms, then the longest iteration %.1f ms, peak %.0f MB\n",
                  pc->mb, between (t0, first).wall, stall.wall, peak_resident_mb ());
  }

  frames_unwatch (&f);
  destroy_window (GTK_WIDGET (window));
  g_assert_finalize_object (window);
}

static void
paragraph_rows (GPtrArray *cases)
{
  for (guint i = 0; i < cases->len; i++)
    {
      ParagraphCase *pc = g_ptr_array_index (cases, i);
      const char *what = opt_cjk ? "paragraph of Chinese" : "paragraph";
      g_autofree char *floor = g_strdup_printf ("%g MB %s: floor, a short note shown", pc->mb, what);
      g_autofree char *first = g_strdup_printf ("%g MB %s: shown, first frame", pc->mb, what);

      row (floor, &pc->floor, NULL, "");
      row (first, &pc->first, &pc->floor, pc->mb <= 1 ? "< 200" : "< 1000");
      row ("  then the main loop's longest iteration (3 s)", &pc->stall, NULL, "< 100");
      g_print ("%-58s %9.1f MB resident\n", "  peak memory, from the switch on (whole process)",
               median_of (pc->peak));
    }
}


/* ---- Compare on two long documents --------------------------------------- */

typedef struct
{
  double  mb;
  char   *path;
  gint64  notes[2];    /* two short notes: the floor */
  gint64  docs[2];     /* two long documents */
  Samples floor, before, stall, done;
  /* The first comparison of the long ones, their words not counted yet:
   * counted in that iteration (as the page did) or in a thread. */
  Samples first_here, first_here_done, first_thread, first_thread_done;
} CompareCase;

static void
make_compare_project (CompareCase *cc)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tags[N_TAGS];
  Stamp t0 = stamp ();

  cc->path = g_strdup_printf ("%s/compare-%g.dossier", work_dir, cc->mb);
  /* Kept (--keep) from an earlier run: made the same way, in this order. */
  if (opt_keep != NULL && g_file_test (cc->path, G_FILE_TEST_EXISTS) && count_rows (cc->path, "documents") == 4)
    {
      cc->notes[0] = 1;
      cc->notes[1] = 2;
      cc->docs[0] = 3;
      cc->docs[1] = 4;
      g_printerr ("  (reused %s)\n", cc->path);
      return;
    }
  project = create_project (cc->path, "Bench: Compare on long documents");
  add_tags (project, tags);
  cc->notes[0] = add_article (project, "# Pier Notes\n\nWork on the south pier will cost £4 million, the port said.\n",
                              "pier.md", "Harbour Gazette", "2026-03-02");
  cc->notes[1] = add_article (project, "# Pier Works\n\nThe south pier will cost £6 million, the council said.\n",
                              "works.md", "Evening Post", "2026-03-03");
  for (guint d = 0; d < 2; d++)
    {
      g_autofree char *text = make_article (77 + d, (gsize) (cc->mb * 1000 * 1000), 0, NULL);
      g_autofree char *name = g_strdup_printf ("long-%u.md", d);
      g_autofree char *stored = NULL;
      gint64 length;

      cc->docs[d] = add_article (project, text, name, d == 0 ? "Harbour Gazette" : "Evening Post",
                                 "2026-03-04");
      stored = dossier_project_get_document_text (project, cc->docs[d], &error);
      if (stored == NULL)
        die ("read a long document", error);
      length = (gint64) g_utf8_strlen (stored, -1);
      /* A passage of each tag every tenth of the text, a sentence long. */
      for (guint t = 0; t < N_TAGS; t++)
        for (guint k = 0; k < 10; k++)
          {
            gint64 start = length / 10 * k + (gint64) t * 997 % (length / 10 - 400);

            if (dossier_project_tag_range (project, cc->docs[d], start, start + 120, tags[t], &error) <= 0)
              die ("tag a passage", error);
          }
    }
  for (guint i = 0; i < 2; i++)
    if (dossier_project_tag_range (project, cc->notes[i], 0, 20, tags[0], &error) <= 0)
      die ("tag a note", error);
  add_mentioned_stakeholders (project);
  dossier_project_close (project);
  g_printerr ("  (made %s: two documents of %g MB, in %.1f s)\n", cc->path, cc->mb, since (t0).wall / 1000);
}

typedef struct
{
  DossierComparePage *page;
  const gint64       *docs;
  gboolean            sync;   /* also the divergences, on this thread */
  gboolean            count_here;  /* the words counted first, on this thread */
  gboolean            done;
  Ms                  took;   /* the switch itself */
} CompareSwitch;

static gboolean
switch_to_compare (gpointer data)
{
  CompareSwitch *cs = data;
  Stamp t0 = stamp ();

  if (cs->count_here)
    {
      /* What the page did before its count in a thread: a comparison that
       * counts the words, in this iteration. */
      DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
      g_autoptr(DossierComparison) comparison = dossier_project_compare (
        dossier_compare_page_get_project (cs->page), cs->docs, 2, &options, NULL);

      if (comparison == NULL)
        die ("the comparison", NULL);
    }
  dossier_compare_page_set_documents (cs->page, cs->docs, 2);
  if (cs->sync)
    {
      /* What the page did before its thread: the same, in this iteration. */
      g_autoptr(GPtrArray) divergences = dossier_project_compare_divergences (
        dossier_compare_page_get_project (cs->page), cs->docs, 2, NULL);

      if (divergences == NULL)
        die ("the divergences", NULL);
    }
  cs->took = since (t0);
  cs->done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Compare shown on @docs from an idle, as a click would: the main loop's
 * longest iteration until the divergences are listed and all is idle, and
 * the time to that. */
static void
time_compare (DossierWindow *window,
              const gint64  *docs,
              gboolean       sync,
              gboolean       count_here,
              Samples       *stall,
              Samples       *done)
{
  DossierComparePage *page = DOSSIER_COMPARE_PAGE (window->compare_page);
  CompareSwitch cs = { page, docs, sync, count_here, FALSE, { 0, 0 } };
  Ms longest = { 0, 0 };
  Stamp t0 = stamp ();

  g_idle_add (switch_to_compare, &cs);
  while (!cs.done || dossier_compare_page_get_counting_words (page) ||
         dossier_compare_page_get_finding_divergences (page) || g_main_context_pending (NULL))
    {
      Stamp i0 = stamp ();

      if (g_main_context_iteration (NULL, FALSE))
        {
          Ms took = since (i0);

          if (took.wall > longest.wall)
            longest = took;
        }
      else
        g_usleep (1000);
    }
  if (stall != NULL)
    samples_add (stall, longest);
  if (done != NULL)
    samples_add (done, since (t0));
  if (opt_verbose)
    g_printerr ("  %s: longest iteration %.1f ms (%.1f CPU), the switch %.1f ms (%.1f CPU), "
                "divergences listed after %.1f ms\n", sync ? "on this thread" : "in a thread",
                longest.wall, longest.cpu, cs.took.wall, cs.took.cpu, since (t0).wall);
}

static void
run_compare (CompareCase *cc,
             gboolean     warm_up,
             gboolean     first_here,
             gboolean     first_only)
{
  DossierWindow *window = g_object_ref_sink (dossier_window_new (NULL));
  g_autoptr(GFile) file = g_file_new_for_path (cc->path);
  g_autoptr(GError) error = NULL;
  Frames f;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  if (!dossier_window_open_project (window, file, DOSSIER_OPEN_READ_WRITE, &error))
    die ("open the project in the window", error);
  frames_watch (&f, GTK_WIDGET (window));
  until_idle ();
  wait_frames (&f, GTK_WIDGET (window), 2);
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "compare"))
    die ("show the Compare page", NULL);
  until_idle ();

  /* The floor: the two short notes. */
  time_compare (window, cc->notes, FALSE, FALSE, warm_up ? NULL : &cc->floor, NULL);
  /* The long ones the first time, their words not counted: counted here
   * (as the page did) or in a thread (as it does). */
  time_compare (window, cc->docs, FALSE, first_here,
                warm_up ? NULL : first_here ? &cc->first_here : &cc->first_thread,
                warm_up ? NULL : first_here ? &cc->first_here_done : &cc->first_thread_done);
  if (first_only)
    {
      frames_unwatch (&f);
      destroy_window (GTK_WIDGET (window));
      g_assert_finalize_object (window);
      return;
    }
  time_compare (window, cc->notes, FALSE, FALSE, NULL, NULL);
  /* Again, their words counted: the divergences as the page did (all in
   * one iteration), then as it does. */
  time_compare (window, cc->docs, TRUE, FALSE, warm_up ? NULL : &cc->before, NULL);
  time_compare (window, cc->notes, FALSE, FALSE, NULL, NULL);
  time_compare (window, cc->docs, FALSE, FALSE, warm_up ? NULL : &cc->stall, warm_up ? NULL : &cc->done);

  frames_unwatch (&f);
  destroy_window (GTK_WIDGET (window));
  g_assert_finalize_object (window);
}

static void
compare_rows (CompareCase *cc,
              gboolean     first_only)
{
  g_autofree char *floor = g_strdup ("Compare, 2 short notes: longest iteration (floor)");
  g_autofree char *before = g_strdup_printf ("%g MB ×2: longest iteration, divergences here (before)", cc->mb);
  g_autofree char *after = g_strdup_printf ("%g MB ×2: longest iteration, in a thread (after)", cc->mb);
  g_autofree char *done = g_strdup_printf ("%g MB ×2: until the divergences are listed", cc->mb);
  g_autofree char *first_here = g_strdup_printf ("%g MB ×2 first: longest iteration, words here (before)", cc->mb);
  g_autofree char *first_thread = g_strdup_printf ("%g MB ×2 first: longest iteration, words in a thread", cc->mb);

  row (floor, &cc->floor, NULL, "");
  row (first_here, &cc->first_here, &cc->floor, "");
  row ("  until the divergences are listed", &cc->first_here_done, NULL, "");
  row (first_thread, &cc->first_thread, &cc->floor, "< 100");
  row ("  until the divergences are listed", &cc->first_thread_done, NULL, "");
  if (first_only)
    return;
  row (before, &cc->before, &cc->floor, "");
  row (after, &cc->stall, &cc->floor, "< 100");
  row (done, &cc->done, NULL, "");
}

static gboolean
selected (const char *name)
{
  return opt_only == NULL || g_strcmp0 (opt_only, name) == 0;
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "quick", 'q', 0, G_OPTION_ARG_NONE, &opt_quick,
      "Fewer runs, 100 documents in the big project (a quick look, not figures to quote)", NULL },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each measurement (default 5, 3 with --quick)", "N" },
    { "tags", 't', 0, G_OPTION_ARG_INT, &opt_tags_per_run, "Tagging actions per run (default 9)", "N" },
    { "only", 'o', 0, G_OPTION_ARG_STRING, &opt_only, "Only one part: show (with tagging), open or import; or paragraph (not run otherwise): "
      "one document of N MB in a single paragraph; or compare (not run otherwise): the Compare page "
      "on two documents of N MB each; or compare-first: its first comparison of them alone", "PART" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &opt_keep,
      "Make the projects in DIR and keep them (the big one is reused when there)", "DIR" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print each run", NULL },
    { "mentions", 'm', 0, G_OPTION_ARG_NONE, &opt_mentions,
      "The long document's project with 4 stakeholders it names ~9,000 times, their mentions underlined", NULL },
    { "sizes", 's', 0, G_OPTION_ARG_STRING, &opt_sizes,
      "With --only paragraph: the long paragraph's sizes, in MB (default 1,5,20,50); with --only "
      "compare: the documents' (default 20,50)", "MB,…" },
    { "cjk", 0, 0, G_OPTION_ARG_NONE, &opt_cjk,
      "With --only paragraph: the long paragraph in Chinese, without a space", NULL },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &opt_limit,
      "With --only paragraph: give up on a size whose first frame or what follows takes more than S s", "S" },
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &opt_file,
      "Only time opening FILE (a copy is opened) in a new window, to the first frame with its "
      "documents listed: a project from elsewhere", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the Dossier window");
  g_autoptr(GError) error = NULL;
  LongProject lp = { 0 };
  BigProject bp = { 0 };
  g_autofree char *report = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *report_text = NULL;
  g_autofree char *large_path = NULL;
  Results r;
  g_autofree char *text = NULL;
  g_autofree char *floor_path = NULL;
  sqlite3 *floor_db = NULL;
  double load[3] = { 0 };
  gsize bytes = 1000000;
  guint n_highlights = 5000;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-window: %s\n", error->message);
      return 2;
    }
  if (opt_runs <= 0)
    opt_runs = opt_quick ? 3 : 5;
  opt_tags_per_run = CLAMP (opt_tags_per_run, 1, 50);

  /* The settings of an uninstalled build, kept in memory: the bench does
   * not touch the user's. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (opt_mentions)
    {
      g_autoptr(GSettings) settings = g_settings_new ("org.dossier.Dossier");

      g_settings_set_boolean (settings, "show-mentions", TRUE);
    }
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* As Dossier starts (main.c). */
  dossier_application_skip_unused_gl ();
  if (!gtk_init_check ())
    {
      g_printerr ("bench-window: no display; run it as: xvfb-run -a dbus-run-session -- %s\n", argv[0]);
      return 2;
    }
  adw_init ();

  if (opt_keep != NULL)
    {
      work_dir = g_strdup (opt_keep);
      g_mkdir_with_parents (work_dir, 0700);
    }
  else
    {
      work_dir = g_dir_make_tmp ("dossier-bench-window-XXXXXX", &error);
      if (work_dir == NULL)
        die ("a temporary folder", error);
    }

  memset (&r, 0, sizeof r);
  for (Samples *s = &r.floor_call; s <= &r.floor_import; s++)
    samples_init (s);
  r.rss = g_array_new (FALSE, FALSE, sizeof (double));
  r.tag_frames = g_array_new (FALSE, FALSE, sizeof (double));
  r.rss_before = g_array_new (FALSE, FALSE, sizeof (double));

  /* A given project: opened in a window as the big one is (a copy, as
   * the window may write to it). */
  if (opt_file != NULL)
    {
      g_autoptr(GFile) from = g_file_new_for_path (opt_file);
      g_autoptr(GFile) to = NULL;
      BigProject fp = { g_build_filename (work_dir, "given.dossier", NULL), 0, 0 };
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      Ms median;

      to = g_file_new_for_path (fp.path);
      if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        die (opt_file, error);
      if (sqlite3_open_v2 (fp.path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
          && sqlite3_prepare_v2 (db, "SELECT count(*) FROM documents", -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        fp.n_documents = (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      sqlite3_close (db);

      run_open_big (&fp, &r.open_call, &r.open_frame, &r.open_idle, &r.floor_open, TRUE);
      for (int i = 0; i < opt_runs; i++)
        run_open_big (&fp, &r.open_call, &r.open_frame, &r.open_idle, &r.floor_open, FALSE);
      median = samples_median (&r.open_frame);
      printf ("%s opened, first frame with its %u documents listed: median %.1f ms wall, "
              "%.1f ms CPU (%d runs)\n", opt_file, fp.n_documents, median.wall, median.cpu, opt_runs);
      g_free (fp.path);
      return 0;
    }

  if (g_strcmp0 (opt_only, "compare") == 0 || g_strcmp0 (opt_only, "compare-first") == 0)
    {
      /* (only the first comparisons: the divergences worked out on this
       * thread take minutes at 50 MB on a loaded machine) */
      gboolean first_only = g_strcmp0 (opt_only, "compare-first") == 0;
      g_auto(GStrv) sizes = g_strsplit (opt_sizes != NULL ? opt_sizes : "20,50", ",", -1);

      g_printerr ("bench-window: making the projects in %s\n", work_dir);
      if (getloadavg (load, 3) < 0)
        load[0] = -1;
      g_print ("\nbench-window: the real DossierWindow, 1280×820, GSK_RENDERER=%s, medians of %d runs, "
               "load average %.1f (2 cores, shared).\nThe Compare page shown on two long documents "
               "(Markdown, 12 tags × 10 passages each, 4 stakeholders named throughout) from an idle; "
               "the floor: on two short notes.\n", g_getenv ("GSK_RENDERER"), opt_runs, load[0]);
      for (guint i = 0; sizes[i] != NULL; i++)
        {
          CompareCase cc = { 0 };

          cc.mb = g_ascii_strtod (sizes[i], NULL);
          if (cc.mb <= 0)
            {
              g_printerr ("bench-window: --sizes: “%s” is not a size in MB\n", sizes[i]);
              return 2;
            }
          samples_init (&cc.floor);
          samples_init (&cc.before);
          samples_init (&cc.stall);
          samples_init (&cc.done);
          samples_init (&cc.first_here);
          samples_init (&cc.first_here_done);
          samples_init (&cc.first_thread);
          samples_init (&cc.first_thread_done);
          make_compare_project (&cc);
          malloc_trim (0);
          run_compare (&cc, TRUE, FALSE, first_only);
          /* (a window each: the words are counted once a project) */
          for (int k = 0; k < opt_runs; k++)
            {
              run_compare (&cc, FALSE, TRUE, first_only);
              run_compare (&cc, FALSE, FALSE, first_only);
            }
          g_print ("\n%-58s %9s %9s %8s   %s\n", "operation (ms)", "wall", "cpu", "× floor", "target");
          compare_rows (&cc, first_only);
          fflush (stdout);
          g_free (cc.path);
        }
      if (opt_keep == NULL)
        remove_tree (work_dir);
      return 0;
    }

  if (g_strcmp0 (opt_only, "paragraph") == 0)
    {
      g_auto(GStrv) sizes = g_strsplit (opt_sizes != NULL ? opt_sizes : "1,5,20,50", ",", -1);
      g_autoptr(GPtrArray) cases = g_ptr_array_new ();

      g_printerr ("bench-window: making the projects in %s\n", work_dir);
      for (guint i = 0; sizes[i] != NULL; i++)
        {
          ParagraphCase *pc = g_new0 (ParagraphCase, 1);

          pc->mb = g_ascii_strtod (sizes[i], NULL);
          if (pc->mb <= 0)
            {
              g_printerr ("bench-window: --sizes: “%s” is not a size in MB\n", sizes[i]);
              return 2;
            }
          samples_init (&pc->floor);
          samples_init (&pc->first);
          samples_init (&pc->stall);
          pc->peak = g_array_new (FALSE, FALSE, sizeof (double));
          make_paragraph_project (pc);
          g_ptr_array_add (cases, pc);
        }
      malloc_trim (0);
      /* Warmed up on the first size; each size's runs in turn, the table
       * as far as it got if one gives up (--limit). */
      run_paragraph (g_ptr_array_index (cases, 0), TRUE);
      if (getloadavg (load, 3) < 0)
        load[0] = -1;
      g_print ("\nbench-window: the real DossierWindow, 1280×820, GSK_RENDERER=%s, medians of %d runs, "
               "load average %.1f (2 cores, shared).\nA document of one paragraph (%s, no blank "
               "line) picked in the sidebar, to its first frame; the floor: a short note, the same way.\n",
               g_getenv ("GSK_RENDERER"), opt_runs, load[0],
               opt_cjk ? "Chinese sentences without a space" : "sentences");
      g_print ("\n%-58s %9s %9s %8s   %s\n", "operation (ms)", "wall", "cpu", "× floor", "target");
      for (guint i = 0; i < cases->len; i++)
        {
          ParagraphCase *pc = g_ptr_array_index (cases, i);
          g_autoptr(GPtrArray) one = g_ptr_array_new ();

          for (int k = 0; k < opt_runs; k++)
            run_paragraph (pc, FALSE);
          g_ptr_array_add (one, pc);
          paragraph_rows (one);
          fflush (stdout);
        }
      if (opt_keep == NULL)
        remove_tree (work_dir);
      return 0;
    }

  g_printerr ("bench-window: making the projects in %s\n", work_dir);
  if (selected ("show"))
    {
      g_autoptr(DossierProject) project = NULL;

      make_long_project (&lp, bytes, n_highlights);
      project = dossier_project_open (lp.path, DOSSIER_OPEN_READ_ONLY, &error);
      if (project == NULL)
        die (lp.path, error);
      text = dossier_project_get_document_text (project, lp.long_id, &error);
      if (text == NULL)
        die ("the long document's text", error);
      dossier_project_close (project);

      floor_path = g_build_filename (work_dir, "floor.sqlite", NULL);
      g_unlink (floor_path);
      if (sqlite3_open (floor_path, &floor_db) != SQLITE_OK
          || sqlite3_exec (floor_db, floor_schema, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_printerr ("bench-window: %s: %s\n", floor_path, sqlite3_errmsg (floor_db));
          return 1;
        }
    }
  if (selected ("open") || selected ("import"))
    make_big_project (&bp, opt_quick ? 100 : 1000);
  if (selected ("open") || selected ("import"))
    large_path = make_large_project (&bp);
  if (selected ("import"))
    {
      g_autoptr(DossierParsedDocument) parsed = NULL;
      g_autoptr(GBytes) report_bytes = NULL;

      report = make_article (7, 2 * 1000 * 1000, 0, NULL);
      report_path = g_build_filename (work_dir, "long-report.md", NULL);
      if (!g_file_set_contents (report_path, report, -1, &error))
        die (report_path, error);
      report_bytes = g_bytes_new_static (report, strlen (report));
      parsed = dossier_import_bytes (report_bytes, DOSSIER_FORMAT_MARKDOWN, "long-report.md", &error);
      if (parsed == NULL)
        die ("import the report", error);
      report_text = g_strdup (parsed->text);
    }
  /* What making the data left in the heap is not the window's. */
  malloc_trim (0);

  /* Each part after a warm-up (fonts, glyph caches, the theme, the page
   * cache); the long document first, so that its memory figure is not
   * that of a process which has had a 1,000-document project open. */
  if (selected ("show"))
    {
      run_long_document (&lp, text, floor_db, &r, TRUE);
      for (int i = 0; i < opt_runs; i++)
        {
          floor_text_view (text, &r.floor_call, &r.floor_frame);
          run_long_document (&lp, text, floor_db, &r, FALSE);
          if (opt_verbose)
            g_printerr ("run %d: first paint %.1f ms, tagged and repainted %.1f ms (wall), %.1f MB\n", i + 1,
                        g_array_index (r.show_first.wall, double, i),
                        samples_median (&r.tag_frame_idle).wall, g_array_index (r.rss, double, i));
        }
    }
  if (selected ("open"))
    {
      BigProject large = { large_path, bp.n_documents, bp.n_highlights };

      run_empty_window (&r, TRUE);
      run_open_big (&bp, &r.open_call, &r.open_frame, &r.open_idle, &r.floor_open, TRUE);
      run_open_big (&large, &r.large_call, &r.large_frame, &r.large_idle, NULL, TRUE);
      for (int i = 0; i < opt_runs; i++)
        {
          run_empty_window (&r, FALSE);
          run_open_big (&bp, &r.open_call, &r.open_frame, &r.open_idle, &r.floor_open, FALSE);
          run_open_big (&large, &r.large_call, &r.large_frame, &r.large_idle, NULL, FALSE);
          if (opt_verbose)
            g_printerr ("run %d: big project presented and listed in %.1f ms (wall)\n", i + 1,
                        g_array_index (r.open_frame.wall, double, i));
        }
    }

  if (selected ("import"))
    {
      run_import (NULL, report_path, 0, &r.import_small, NULL, TRUE);
      run_import (large_path, report_path, 0, &r.import_large, NULL, TRUE);
      run_import (large_path, report_path, 0, NULL, &r, TRUE);
      for (int i = 0; i < opt_runs; i++)
        {
          samples_add (&r.floor_import, floor_import (report_path, report_text));
          floor_ctrl_end (report_text, &r.floor_end);
          floor_fresh_ctrl_end (report_text, &r.floor_fresh_end);
          run_import (NULL, report_path, i + 1, &r.import_small, NULL, FALSE);
          run_import (large_path, report_path, i + 1, &r.import_large, NULL, FALSE);
          run_import (large_path, report_path, i + 1, NULL, &r, FALSE);
          if (opt_verbose)
            g_printerr ("run %d: imported and shown in %.1f ms, the main loop held %.1f ms at most, "
                        "taking it over %.1f ms (wall); into the large project: %.1f, %.1f, %.1f ms\n",
                        i + 1, g_array_index (r.import_small.shown.wall, double, i),
                        g_array_index (r.import_small.stall.wall, double, i),
                        g_array_index (r.import_small.takeover.wall, double, i),
                        g_array_index (r.import_large.shown.wall, double, i),
                        g_array_index (r.import_large.stall.wall, double, i),
                        g_array_index (r.import_large.takeover.wall, double, i));
        }
    }

  if (getloadavg (load, 3) < 0)
    load[0] = -1;
  g_print ("\nbench-window: the real DossierWindow, 1280×820, GSK_RENDERER=%s (GDK_DEBUG=%s), medians of %d runs%s,\n"
           "load average %.1f (2 cores, shared). wall = elapsed; cpu = this process's CPU time;\n"
           "× floor = wall ÷ the floor's wall in the same runs.\n",
           g_getenv ("GSK_RENDERER"), g_getenv ("GDK_DEBUG"), opt_runs, opt_quick ? " (--quick)" : "", load[0]);
  if (selected ("show"))
    g_print ("long document: %zu bytes, %" G_GINT64_FORMAT " code points, %u highlights in %u tags; "
             "%d taggings per run%s\n", lp.bytes, lp.length, lp.n_highlights, (guint) N_TAGS,
             opt_tags_per_run, opt_mentions ? "; 4 stakeholders it names, their mentions underlined" : "");
  if (selected ("open"))
    g_print ("big project: %u documents, %u highlights\n", bp.n_documents, bp.n_highlights);
  if (selected ("import"))
    g_print ("import: a %zu-byte Markdown report, by the window (its import thread), into a project of "
             "a short note and 4 stakeholders it mentions, and into a large one: %u documents, "
             "%u highlights, %u stakeholders, %u arguments citing two passages each\n",
             strlen (report), bp.n_documents, bp.n_highlights, LARGE_STAKEHOLDERS, LARGE_ARGUMENTS);
  g_print ("\n%-58s %9s %9s %8s   %s\n", "operation (ms)", "wall", "cpu", "× floor", "target");

  if (selected ("show"))
    {
      row ("floor: bare GtkTextView, set_text (the call)", &r.floor_call, NULL, "");
      row ("floor: bare GtkTextView, set_text until its first frame", &r.floor_frame, NULL, "");
      row ("show the long document: open_document (the call)", &r.show_call, &r.floor_frame, "");
      row ("show the long document: first frame, visible range painted", &r.show_first, &r.floor_frame,
           "< 200");
      row ("show the long document: every highlight painted", &r.show_all, &r.floor_frame, "");
      row ("show the long document: main loop idle (panels listed)", &r.show_idle, &r.floor_frame, "");
      row ("floor: sqlite3 INSERT highlight + tag, WAL, synchronous=FULL", &r.floor_insert, NULL, "");
      row ("tag a selection (reader.apply-tag): the call, committed", &r.tag_call, &r.floor_insert, "");
      row ("tag a selection: committed and repainted (next frame)", &r.tag_frame_idle, &r.floor_insert,
           "< 16");
      row ("  the same, pressed right after a frame (60 Hz: waits)", &r.tag_frame, &r.floor_insert, "");
      row ("  all its work done: the main loop idle", &r.tag_idle, &r.floor_insert, "");
      g_print ("%-58s %9s %9.2f\n", "    of which frames: update and layout (cpu)", "–", samples_median (&r.tag_layout).cpu);
      g_print ("%-58s %9s %9.2f   (%.0f frames)\n", "    of which frames: paint (cpu)", "–", samples_median (&r.tag_paint).cpu,
               median_of (r.tag_frames));
      row ("undo it (win.undo): the call, committed", &r.undo_call, &r.floor_insert, "");
      row ("undo it: committed and repainted (next frame)", &r.undo_frame, &r.floor_insert, "< 16");
    }
  if (selected ("open"))
    {
      row ("floor: sqlite3_open + SELECT count(*) FROM documents", &r.floor_open, NULL, "");
      row ("reference: a new window with no project, presented (frame)", &r.empty_frame, &r.floor_open, "");
      row ("open the big project: new window + open_project (calls)", &r.open_call, &r.floor_open, "");
      row ("open the big project: presented, documents listed (frame)", &r.open_frame, &r.floor_open,
           "< 300");
      row ("open the big project: main loop idle", &r.open_idle, &r.floor_open, "");
      row ("the same with 300 stakeholders, 1,000 arguments: (calls)", &r.large_call, &r.floor_open, "");
      row ("  presented, documents listed (frame)", &r.large_frame, &r.floor_open, "< 300");
      row ("  main loop idle (mentions counted)", &r.large_idle, &r.floor_open, "");
    }
  if (selected ("import"))
    {
      row ("floor: read the file, INSERT text + original, WAL, FULL", &r.floor_import, NULL, "");
      import_rows ("import the report", &r.import_small, &r.floor_import);
      import_rows ("into the large project", &r.import_large, &r.floor_import);
      row ("  then at once: tag a selection, committed and repainted", &r.fresh_tag, NULL, "< 16");
      row ("floor: bare GtkTextView of the report just set, Ctrl+End", &r.floor_fresh_end, NULL, "");
      row ("  then at once: Ctrl+End, the end painted", &r.fresh_end, &r.floor_fresh_end, "");
      row ("floor: bare GtkTextView of the report laid out, Ctrl+End", &r.floor_end, NULL, "");
      row ("  once laid out: Ctrl+End, the end painted", &r.settled_end, &r.floor_end, "");
      row ("  once laid out: tag a selection, committed and repainted", &r.settled_tag, NULL, "< 16");
    }
  if (selected ("show"))
    {
      /* The first window's figures are the user's: every run opens and
       * closes a window, and each that showed the long document leaves
       * ~3 MB the process keeps (an empty window leaves nothing; the
       * window, project, panels and view are finalized, LeakSanitizer
       * finds none of ours: heap or library caches, not found yet). */
      g_print ("%-58s %9.1f MB resident\n",
               "reference: memory, the short note shown", r.rss_first_before);
      g_print ("%-58s %9.1f MB resident                  < 150 MB\n",
               "memory with the long document shown (whole process)", r.rss_first);
      g_print ("%-58s %9.1f MB resident\n",
               "reference: the same after more windows (median of runs)", median_of (r.rss));
    }

  if (floor_db != NULL)
    sqlite3_close (floor_db);
  if (opt_keep == NULL)
    remove_tree (work_dir);
  return 0;
}
