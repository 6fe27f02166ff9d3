/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-compare.c — how fast documents are compared (issue 9).
 *
 * Measures, as medians of several runs, with CPU time beside wall time
 * (the machine is shared), each next to a floor measured in the same run:
 *
 *   - the matrix of 1,000 documents against 500 tags (50 tags with 9
 *     sub-tags each) over 20,000 highlights; target < 200 ms; floor: one
 *     raw SQLite query on its own connection counting the same highlights
 *     per document and tag (GROUP BY);
 *   - the divergences of the bundled sample (its three articles); target
 *     < 50 ms;
 *   - the divergences of 100 documents (30 tags, 10 stakeholders with
 *     aliases, figures, wire copy shared by some); target < 1 s;
 *     floor for both: reading the same texts and highlight rows raw;
 *   - a project file made by hand: the sample with 20,000 arguments citing
 *     its highlights, on one question and over 200: the divergences and
 *     what the Compare page lists of them (each kind's first 50), and the
 *     matrix by arguments; target < 1 s each; floor: reading the texts and
 *     highlights raw, and the arguments' evidence;
 *   - the matrix per 1,000 words on two documents of 50 MB (--huge-mb) in
 *     a project holding a third one, not compared: in a project just
 *     opened, and again; target < 200 ms; floor: reading the two texts
 *     raw;
 *   - the divergences of two such documents of 1 MB, 5 MB and 50 MB;
 *     target < 1 s; floor: reading the texts and highlights raw; and at
 *     50 MB, how long the work takes to stop when cancelled after 50 ms
 *     (the worker starting), after 1 s and after 3 s (the Compare page
 *     left in later steps): target < 100 ms; and the longest they go
 *     without a look at their cancellable (what a cancel waits at worst),
 *     beside the median time between two looks (--only-looks: this
 *     alone, with --only-huge).
 *   - the figures of a hostile text of --huge-mb: runs of 1 MB of letters,
 *     then of spaces, between figures; target < 1 s; floor: the same scan
 *     of the same text with no figure in it (--only-figures: this alone).
 *
 * The projects are generated (ASCII words, figures and names) except the
 * sample, which the build makes from data/samples. Not a test: run by hand,
 *   ninja -C _build tests/bench/bench-compare && _build/tests/bench/bench-compare [--quick]
 * With --only-huge --keep DIR the huge projects are made once (two minutes
 * at 50 MB) and used again by the next run, or a profiler's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <dossier/dossier.h>

#include "bench-compare-project.h"
#include "dossier-compare-private.h"

static gboolean opt_quick = FALSE;
static int opt_runs = 5;
static double opt_huge_mb = 50;
static gboolean opt_only_huge = FALSE;
static gboolean opt_only_looks = FALSE;
static gboolean opt_only_figures = FALSE;
static char *opt_keep = NULL;

/* ---- Timing -------------------------------------------------------------- */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* @clock's time in ms: this process's or this thread's CPU time. */
static double
clock_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
cpu_ms (void)
{
  return clock_ms (CLOCK_PROCESS_CPUTIME_ID);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
print_row (const char *name,
           double      ms,
           double      cpu,
           double      target,
           const char *floor_name,
           double      floor)
{
  printf ("| %s | %.1f ms (%.1f ms CPU) | < %.0f ms%s | %s: %.1f ms | %.1f× |\n",
          name, ms, cpu, target, ms > target ? " — **missed**" : "", floor_name, floor,
          floor > 0 ? ms / floor : 0);
  fflush (stdout);
}

/* ---- Floors ------------------------------------------------------------------ */

/* Counting highlights per document and tag, raw. */
static double
matrix_floor (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  double t0;
  guint n = 0;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  t0 = now_ms ();
  sqlite3_prepare_v2 (db, "SELECT h.document, t.tag, count(*) FROM highlights h"
                          " JOIN highlight_tags t ON t.highlight = h.id GROUP BY 1, 2", -1,
                      &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n += sqlite3_column_int (stmt, 2);
  sqlite3_finalize (stmt);
  t0 = now_ms () - t0;
  sqlite3_close (db);
  g_assert (n > 0);
  return t0;
}

/* Reading the texts of @ids and every highlight with its tag, raw. */
static double
read_floor (const char *path,
            GArray     *ids)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  double t0;
  gsize bytes = 0;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  t0 = now_ms ();
  sqlite3_prepare_v2 (db, "SELECT text FROM documents WHERE id = ?", -1, &stmt, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      /* The text itself, as the core reads it. */
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        bytes += sqlite3_column_bytes (stmt, 0);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "SELECT h.document, h.start, h.end, h.quote, t.tag FROM highlights h"
                          " JOIN highlight_tags t ON t.highlight = h.id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    bytes += sqlite3_column_bytes (stmt, 3);
  sqlite3_finalize (stmt);
  t0 = now_ms () - t0;
  sqlite3_close (db);
  g_assert (bytes > 0);
  return t0;
}

/* Reading the texts of @ids raw, alone. */
static double
text_floor (const char *path,
            GArray     *ids)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  double t0;
  gsize bytes = 0;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  t0 = now_ms ();
  sqlite3_prepare_v2 (db, "SELECT text FROM documents WHERE id = ?", -1, &stmt, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        bytes += sqlite3_column_bytes (stmt, 0);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  t0 = now_ms () - t0;
  sqlite3_close (db);
  g_assert (bytes > 0);
  return t0;
}

/* ---- The measurements ------------------------------------------------------- */

static void
bench_matrix (const char *dir)
{
  BenchShape shape = { 1000, 50, 9, 0, 20, 40, 0 };
  g_autofree char *path = g_build_filename (dir, "matrix.dossier", NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DossierProject) project = NULL;
  g_autofree double *wall = g_new (double, opt_runs);
  g_autofree double *cpu = g_new (double, opt_runs);
  g_autofree double *floor = g_new (double, opt_runs);
  g_autofree char *label = NULL;

  if (opt_quick)
    shape.n_docs = 100;
  project = bench_make_project (path, &shape, ids);
  for (int r = 0; r < opt_runs; r++)
    {
      DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
      g_autoptr(DossierComparison) comparison = NULL;
      g_autoptr(GError) error = NULL;
      double t0 = now_ms (), c0 = cpu_ms ();

      comparison = dossier_project_compare (project, (const gint64 *) (void *) ids->data, ids->len,
                                            &options, &error);
      wall[r] = now_ms () - t0;
      cpu[r] = cpu_ms () - c0;
      bench_die_on_error ("compare", error);
      g_assert (dossier_comparison_get_n_rows (comparison) == 500);
      g_assert (dossier_comparison_get_total (comparison) > 0);
      floor[r] = matrix_floor (path);
    }
  label = g_strdup_printf ("the matrix of %u documents × 500 tags (%u highlights)", shape.n_docs,
                           shape.n_docs * shape.highlights_per_doc);
  print_row (label, median (wall, opt_runs), median (cpu, opt_runs), 200,
             "raw `GROUP BY` count of the same highlights", median (floor, opt_runs));
  dossier_project_close (project);
}

static void
bench_divergences (const char     *name,
                   DossierProject *project,
                   GArray         *ids,
                   double          target)
{
  const char *path = dossier_project_get_path (project);
  g_autofree double *wall = g_new (double, opt_runs);
  g_autofree double *cpu = g_new (double, opt_runs);
  g_autofree double *floor = g_new (double, opt_runs);
  g_autofree double *floor_cpu = g_new (double, opt_runs);
  guint found = 0;

  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(GPtrArray) divergences = NULL;
      g_autoptr(GError) error = NULL;
      double t0 = now_ms (), c0 = cpu_ms ();

      divergences = dossier_project_compare_divergences (project, (const gint64 *) (void *) ids->data,
                                                         ids->len, &error);
      wall[r] = now_ms () - t0;
      cpu[r] = cpu_ms () - c0;
      bench_die_on_error ("divergences", error);
      found = divergences->len;
      c0 = cpu_ms ();
      floor[r] = read_floor (path, ids);
      floor_cpu[r] = cpu_ms () - c0;
    }
  {
    g_autofree char *label = g_strdup_printf ("%s (%u found)", name, found);
    /* (CPU too: on a machine shared by many, wall time is mostly waiting) */
    g_autofree char *floor_name = g_strdup_printf ("raw read of the texts and highlights (%.1f ms CPU)",
                                                   median (floor_cpu, opt_runs));

    print_row (label, median (wall, opt_runs), median (cpu, opt_runs), target, floor_name,
               median (floor, opt_runs));
  }
}

/* Three documents of @mb MB, each one paragraph, each with ten passages
 * tagged and two stakeholders named throughout, and 30 themes tagged
 * throughout the first only (what the second leaves out, each a
 * divergence citing a passage deep in a long text), at @path; the ids of
 * the first two, which are compared (the third is not), in @ids. */
static void
make_huge_project (const char *path,
                   double      mb,
                   GArray     *ids)
{
  g_autoptr(DossierProject) project = dossier_project_create (path, "Bench: huge", NULL);
  g_autoptr(GError) error = NULL;
  static const char *const stakeholders[] = { "Harbour Council", "Ferry Company" };
  gint64 tag, themes[30], t0 = g_get_monotonic_time ();

  g_assert (project != NULL);
  tag = dossier_project_add_tag (project, "Cost", 0, NULL, NULL, &error);
  bench_die_on_error ("add tag", error);
  for (guint k = 0; k < G_N_ELEMENTS (themes); k++)
    {
      g_autofree char *name = g_strdup_printf ("Theme %u", k + 1);

      themes[k] = dossier_project_add_tag (project, name, 0, NULL, NULL, &error);
      bench_die_on_error ("add tag", error);
    }
  /* (before the documents: their mentions are found as each is added) */
  for (guint s = 0; s < G_N_ELEMENTS (stakeholders); s++)
    {
      DossierStakeholderFields fields = DOSSIER_STAKEHOLDER_FIELDS_INIT;

      fields.name = stakeholders[s];
      dossier_project_create_stakeholder (project, &fields, &error);
      bench_die_on_error ("add a stakeholder", error);
    }
  for (guint d = 0; d < 3; d++)
    {
      DossierParsedDocument *doc = dossier_parsed_document_new ();
      DossierBlock block = { 0, 0, DOSSIER_BLOCK_PARAGRAPH, 0 };
      gint64 id;

      doc->title = g_strdup_printf ("Dump %u", d + 1);
      doc->format = g_strdup ("text");
      doc->text = bench_make_text (40 + d, (gsize) (mb * 1000 * 1000));
      block.end = g_utf8_strlen (doc->text, -1);
      g_array_append_val (doc->blocks, block);
      id = dossier_project_add_document (project, doc, &error);
      dossier_parsed_document_free (doc);
      bench_die_on_error ("add a huge document", error);
      g_array_append_val (ids, id);
      for (guint k = 0; k < 10; k++)
        {
          dossier_project_tag_range (project, id, block.end / 10 * k, block.end / 10 * k + 50, tag,
                                     &error);
          bench_die_on_error ("tag", error);
        }
      for (guint k = 0; d == 0 && k < G_N_ELEMENTS (themes); k++)
        {
          gint64 at = block.end / (G_N_ELEMENTS (themes) + 1) * (k + 1);

          dossier_project_tag_range (project, id, at, at + 80, themes[k], &error);
          bench_die_on_error ("tag", error);
        }
    }
  dossier_project_close (project);
  fprintf (stderr, "  (made 3 documents of %g MB in %.1f s)\n", mb,
           (g_get_monotonic_time () - t0) / 1e6);
  /* The third is not compared. */
  g_array_set_size (ids, 2);
}

/* Two documents of @mb MB (make_huge_project ()) compared per 1,000
 * words: in a project just opened (nothing of it known yet), then again. */
static void
bench_matrix_huge (const char *path,
                   GArray     *ids,
                   double      mb)
{
  g_autoptr(GError) error = NULL;
  g_autofree double *wall = g_new (double, opt_runs);
  g_autofree double *cpu = g_new (double, opt_runs);
  g_autofree double *again_wall = g_new (double, opt_runs);
  g_autofree double *again_cpu = g_new (double, opt_runs);
  g_autofree double *floor = g_new (double, opt_runs);
  g_autofree char *label = NULL, *again_label = NULL;
  guint words = 0;


  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
      DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;

      bench_die_on_error ("open", error);
      options.per_1000_words = TRUE;
      for (int pass = 0; pass < 2; pass++)
        {
          g_autoptr(DossierComparison) comparison = NULL;
          double t0 = now_ms (), c0 = cpu_ms ();

          comparison = dossier_project_compare (project, (const gint64 *) (void *) ids->data, ids->len,
                                                &options, &error);
          (pass == 0 ? wall : again_wall)[r] = now_ms () - t0;
          (pass == 0 ? cpu : again_cpu)[r] = cpu_ms () - c0;
          bench_die_on_error ("compare", error);
          words = dossier_comparison_get_document_words (comparison, 0);
          g_assert (words > 0 && dossier_comparison_get_total (comparison) > 0);
        }
      dossier_project_close (project);
      floor[r] = text_floor (path, ids);
    }
  label = g_strdup_printf ("the matrix per 1,000 words of 2 documents of %g MB (%u words) of 3, "
                           "just opened", mb, words);
  again_label = g_strdup_printf ("the same again");
  print_row (label, median (wall, opt_runs), median (cpu, opt_runs), 200,
             "raw read of the two texts", median (floor, opt_runs));
  print_row (again_label, median (again_wall, opt_runs), median (again_cpu, opt_runs), 200,
             "raw read of the two texts", median (floor, opt_runs));
}

/* The divergences of the two documents of @mb MB at @path, in a project
 * just opened (as the Compare page's worker does). */
/* A figure of /proc/self/status, in MB (0 if not there). */
static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen (field), NULL) / 1024.0;
}

/* The most memory the divergences of @ids take above what the process
 * held before them: the peak resident size (VmHWM, set back to the
 * resident size first), once more. */
static void
bench_divergences_memory (const char     *name,
                          DossierProject *project,
                          GArray         *ids)
{
  g_autoptr(GPtrArray) divergences = NULL;
  g_autoptr(GError) error = NULL;
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");
  double before;

  if (clear_refs == NULL)
    return;
  fputs ("5", clear_refs);
  fclose (clear_refs);
  before = status_mb ("VmRSS:");
  divergences = dossier_project_compare_divergences (project, (const gint64 *) (void *) ids->data,
                                                     ids->len, &error);
  bench_die_on_error ("divergences", error);
  printf ("| %s: peak memory above the %.0f MB held before | %.0f MB | | | |\n", name, before,
          status_mb ("VmHWM:") - before);
  fflush (stdout);
}

static void
bench_divergences_huge (const char *path,
                        GArray     *ids,
                        double      mb)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_autofree char *label = g_strdup_printf ("divergences of 2 documents of %g MB", mb);

  bench_die_on_error ("open", error);
  bench_divergences (label, project, ids, 1000);
  bench_divergences_memory (label, project, ids);
  dossier_project_close (project);
}

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  double        cancelled_at;   /* ms; 0 if it ended first */
  double        returned_at;
  double        cancelled_cpu;  /* this process's CPU ms, at the cancel and the return */
  double        returned_cpu;
  gboolean      was_cancelled;
} CancelRun;

static gboolean
cancel_now (gpointer data)
{
  CancelRun *run = data;

  run->cancelled_at = now_ms ();
  run->cancelled_cpu = cpu_ms ();
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_REMOVE;
}

static void
divergences_returned (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  CancelRun *run = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) divergences = NULL;

  run->returned_at = now_ms ();
  run->returned_cpu = cpu_ms ();
  divergences = dossier_project_compare_divergences_finish (DOSSIER_PROJECT (source), result, &error);
  run->was_cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_main_loop_quit (run->loop);
}

/* How long the divergences of the two documents of @mb MB take to stop
 * once cancelled after @after_ms (the Compare page left): from the
 * cancel to the task's callback. */
static void
bench_divergences_cancel (const char *path,
                          GArray     *ids,
                          double      mb,
                          guint       after_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_autofree double *latency = g_new (double, opt_runs);
  g_autofree double *latency_cpu = g_new (double, opt_runs);
  int n = 0;

  bench_die_on_error ("open", error);
  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      CancelRun run = { loop, cancellable, 0, 0, 0, 0, FALSE };
      guint timeout = g_timeout_add (after_ms, cancel_now, &run);

      dossier_project_compare_divergences_async (project, (const gint64 *) (void *) ids->data, ids->len,
                                                 cancellable, divergences_returned, &run);
      g_main_loop_run (loop);
      if (run.cancelled_at == 0)
        g_source_remove (timeout);
      else if (run.was_cancelled)
        {
          latency_cpu[n] = run.returned_cpu - run.cancelled_cpu;
          latency[n++] = run.returned_at - run.cancelled_at;
        }
    }
  dossier_project_close (project);
  if (n == 0)
    printf ("| divergences of 2 documents of %g MB cancelled after %u ms | ended before the cancel "
            "| | | |\n", mb, after_ms);
  else
    printf ("| divergences of 2 documents of %g MB cancelled after %u ms: until the task returns "
            "(%d of %d runs cancelled) | %.1f ms (%.1f ms CPU) | < 100 ms%s | | |\n", mb, after_ms, n,
            opt_runs, median (latency, n), median (latency_cpu, n), median (latency, n) > 100 ? " — **missed**" : "");
  fflush (stdout);
}

/* The ids of @project's documents, in order, appended to @ids. */
static void
append_document_ids (DossierProject *project,
                     GArray         *ids)
{
  GListModel *documents = dossier_project_get_documents (project);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
      gint64 id = dossier_document_get_id (document);

      g_array_append_val (ids, id);
    }
}

/* ---- A project made by hand ------------------------------------------------- */

#define HOSTILE_ARGUMENTS 20000

/* The sample at @path given @n_questions new questions and 20,000
 * arguments over them, each citing two of its highlights. */
static void
add_hostile_arguments (const char *path,
                       guint       n_questions)
{
  g_autofree char *sql = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE q(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM q WHERE i < %u)"
    "  INSERT INTO questions (uuid, text, position)"
    "  SELECT lower (hex (randomblob (16))), 'Question ' || i, 100 + i FROM q;"
    "CREATE TEMP TABLE first_question AS SELECT max (id) - %u + 1 AS id FROM questions;"
    "WITH RECURSIVE a(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM a WHERE i < %u - 1)"
    "  INSERT INTO arguments (uuid, question, polarity, statement, position)"
    "  SELECT lower (hex (randomblob (16))), (SELECT id FROM first_question) + i %% %u,"
    "         iif (i %% 2, 'con', 'pro'), 'Argument ' || i || ' about the bridge', i FROM a;"
    "CREATE TEMP TABLE numbered AS SELECT row_number () OVER (ORDER BY id) - 1 AS n, id FROM highlights;"
    "INSERT OR IGNORE INTO argument_evidence (argument, highlight)"
    "  SELECT a.id, h.id FROM arguments a JOIN numbered h"
    "    ON h.n IN ((a.id * 7) %% (SELECT count (*) FROM numbered),"
    "               (a.id * 13 + 5) %% (SELECT count (*) FROM numbered))"
    "  WHERE a.position >= 0 AND a.statement LIKE 'Argument %% about the bridge';"
    "COMMIT;",
    n_questions, n_questions, HOSTILE_ARGUMENTS, n_questions);
  sqlite3 *db;
  char *message = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      fprintf (stderr, "bench-compare: hostile project: %s\n",
               message != NULL ? message : sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_close (db);
}

/* Reading the texts and highlights raw, and the arguments' evidence. */
static double
arguments_floor (const char *path,
                 GArray     *ids)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  double t0;
  guint n = 0;

  t0 = read_floor (path, ids);
  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  t0 -= now_ms ();
  sqlite3_prepare_v2 (db, "SELECT a.id, a.statement, h.document, h.start FROM arguments a"
                          " JOIN argument_evidence e ON e.argument = a.id"
                          " JOIN highlights h ON h.id = e.highlight", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);
  t0 += now_ms ();
  sqlite3_close (db);
  g_assert (n > 0);
  return t0;
}

static void
bench_hostile (const char *dir,
               guint       n_questions)
{
  g_autofree char *path = g_strdup_printf ("%s/hostile-%u.dossier", dir, n_questions);
  g_autofree char *contents = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree double *wall = g_new (double, opt_runs);
  g_autofree double *cpu = g_new (double, opt_runs);
  g_autofree double *matrix_wall = g_new (double, opt_runs);
  g_autofree double *matrix_cpu = g_new (double, opt_runs);
  g_autofree double *floor = g_new (double, opt_runs);
  guint found = 0, listed = 0;
  gsize len;

  if (!g_file_get_contents (BENCH_SAMPLE_PROJECT, &contents, &len, NULL) ||
      !g_file_set_contents (path, contents, len, NULL))
    {
      fprintf (stderr, "  (no sample at %s: build it first)\n", BENCH_SAMPLE_PROJECT);
      return;
    }
  add_hostile_arguments (path, n_questions);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  bench_die_on_error ("open the hostile project", error);
  append_document_ids (project, ids);

  for (int r = 0; r < opt_runs; r++)
    {
      DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
      g_autoptr(GPtrArray) divergences = NULL;
      g_autoptr(GArray) shown = NULL;
      g_autoptr(DossierComparison) comparison = NULL;
      double t0 = now_ms (), c0 = cpu_ms ();

      divergences = dossier_project_compare_divergences (project, (const gint64 *) (void *) ids->data,
                                                         ids->len, &error);
      bench_die_on_error ("divergences", error);
      shown = dossier_divergences_shown (divergences, 50, NULL);
      wall[r] = now_ms () - t0;
      cpu[r] = cpu_ms () - c0;
      found = divergences->len;
      listed = shown->len;

      t0 = now_ms ();
      c0 = cpu_ms ();
      options.rows = DOSSIER_COMPARE_ARGUMENTS;
      comparison = dossier_project_compare (project, (const gint64 *) (void *) ids->data, ids->len,
                                            &options, &error);
      matrix_wall[r] = now_ms () - t0;
      matrix_cpu[r] = cpu_ms () - c0;
      bench_die_on_error ("compare by arguments", error);
      g_assert (dossier_comparison_get_n_rows (comparison) >= HOSTILE_ARGUMENTS);
      floor[r] = arguments_floor (path, ids);
    }
  {
    g_autofree char *label = g_strdup_printf ("divergences of the sample with 20,000 arguments over %u "
                                              "question%s (%u found, %u listed)",
                                              n_questions, n_questions == 1 ? "" : "s", found, listed);
    g_autofree char *matrix_label = g_strdup_printf ("the matrix by arguments of the same (%u question%s)",
                                                     n_questions, n_questions == 1 ? "" : "s");

    print_row (label, median (wall, opt_runs), median (cpu, opt_runs), 1000,
               "raw read of the texts, highlights and evidence", median (floor, opt_runs));
    print_row (matrix_label, median (matrix_wall, opt_runs), median (matrix_cpu, opt_runs), 1000,
               "raw read of the texts, highlights and evidence", median (floor, opt_runs));
  }
  dossier_project_close (project);
}

/* ---- Hostile texts for the figure scan ------------------------------------------ */

/* About @bytes of "£5m " and a run of @run letters (or spaces, @spaces)
 * over and over: each figure beside two runs far longer than any word.
 * With @no_figures the figures' digits are letters: the same text to
 * scan, no figure in it (the floor). */
static char *
make_run_text (gsize    bytes,
               gsize    run,
               gboolean spaces,
               gboolean no_figures)
{
  GString *text = g_string_sized_new (bytes + run + 16);

  while (text->len < bytes)
    {
      g_string_append (text, no_figures ? "£xm " : "£5m ");
      for (gsize i = 0; i < run; i++)
        g_string_append_c (text, spaces ? ' ' : (char) ('a' + i % 26));
      g_string_append_c (text, ' ');
    }
  return g_string_free (text, FALSE);
}

/* The figure scan of @mb MB of runs of 1 MB of letters (then of spaces)
 * between figures, beside the same scan of the same text with no figure
 * (a run walked by each scan near it, whole, made it many times that). */
static void
bench_figures_hostile (double mb)
{
  for (int spaces = 0; spaces <= 1; spaces++)
    {
      gsize bytes = (gsize) (mb * 1000 * 1000), run = 1000 * 1000;
      g_autofree char *text = make_run_text (bytes, run, spaces, FALSE);
      g_autofree char *plain = make_run_text (bytes, run, spaces, TRUE);
      g_autofree double *wall = g_new (double, opt_runs);
      g_autofree double *cpu = g_new (double, opt_runs);
      g_autofree double *floor = g_new (double, opt_runs);
      g_autofree double *floor_cpu = g_new (double, opt_runs);
      g_autofree char *label = NULL, *floor_name = NULL;
      guint found = 0;

      for (int r = 0; r < opt_runs; r++)
        {
          g_autoptr(GArray) figures = NULL;
          g_autoptr(GArray) none = NULL;
          double t0 = now_ms (), c0 = cpu_ms ();

          figures = dossier_find_figures (text);
          wall[r] = now_ms () - t0;
          cpu[r] = cpu_ms () - c0;
          found = figures->len;
          t0 = now_ms ();
          c0 = cpu_ms ();
          none = dossier_find_figures (plain);
          floor[r] = now_ms () - t0;
          floor_cpu[r] = cpu_ms () - c0;
          g_assert (none->len == 0);
        }
      label = g_strdup_printf ("the figures of %g MB: %u figures between runs of 1 MB of %s", mb,
                               found, spaces ? "spaces" : "letters");
      floor_name = g_strdup_printf ("the same scan of the same text, no figure in it (%.1f ms CPU)",
                                    median (floor_cpu, opt_runs));
      print_row (label, median (wall, opt_runs), median (cpu, opt_runs), 1000, floor_name,
                 median (floor, opt_runs));
    }
}

/* The looks at the cancellable one run of the divergences makes, as
 * worked () in dossier-compare-divergences.c makes them (a look when the
 * work reaches DOSSIER_DIVERGE_CHECK_EVERY units past the last). */
typedef struct
{
  guint64 next_look;
  double  last_at;   /* this thread's CPU ms */
  GArray *gaps;      /* of double: CPU ms between two looks */
} Looks;

static void
count_look (guint64     work,
            const char *step,
            gpointer    data)
{
  Looks *looks = data;
  /* (this thread's CPU time: on a machine shared by many, wall time
   * between two looks is mostly other programs' turns) */
  double now = clock_ms (CLOCK_THREAD_CPUTIME_ID);

  if (work < looks->next_look)
    return;
  looks->next_look = work + DOSSIER_DIVERGE_CHECK_EVERY;
  g_array_append_val (looks->gaps, (double) { now - looks->last_at });
  looks->last_at = now;
}

/* The longest the divergences of the two documents of @mb MB go without
 * a look at their cancellable, in CPU time (run in this thread): what a
 * cancel there waits, at worst (the steps between looks, measured one by
 * one, not a cancel's chance hit); floor: the median time between two
 * looks in the same runs. */
static void
bench_divergences_looks (const char *path,
                         GArray     *ids,
                         double      mb)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_autofree double *longest = g_new (double, opt_runs);
  g_autofree double *typical = g_new (double, opt_runs);
  g_autofree char *label = NULL;

  bench_die_on_error ("open", error);
  for (int r = 0; r < opt_runs; r++)
    {
      g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GPtrArray) divergences = NULL;
      Looks looks = { 0, clock_ms (CLOCK_THREAD_CPUTIME_ID), gaps };

      dossier_compare_set_diverge_probe (count_look, &looks);
      divergences = dossier_project_compare_divergences (project, (const gint64 *) (void *) ids->data,
                                                         ids->len, &error);
      dossier_compare_set_diverge_probe (NULL, NULL);
      bench_die_on_error ("divergences", error);
      /* (after the last look, to the end: a cancel there waits that too) */
      g_array_append_val (gaps, (double) { clock_ms (CLOCK_THREAD_CPUTIME_ID) - looks.last_at });
      g_array_sort (gaps, compare_double);
      longest[r] = g_array_index (gaps, double, gaps->len - 1);
      typical[r] = g_array_index (gaps, double, gaps->len / 2);
    }
  dossier_project_close (project);
  label = g_strdup_printf ("divergences of 2 documents of %g MB: the longest without a look at "
                           "the cancellable (CPU)", mb);
  printf ("| %s | %.1f ms | < 100 ms%s | median time between two looks: %.2f ms | |\n", label,
          median (longest, opt_runs), median (longest, opt_runs) > 100 ? " — **missed**" : "",
          median (typical, opt_runs));
  fflush (stdout);
}

/* Huge documents: the divergences at 1 MB, 5 MB and --huge-mb, with the
 * cancel's latency at the largest, then the matrix at --huge-mb. */
static void
bench_huge (const char *dir)
{
  const double sizes[] = { 1, 5, opt_huge_mb };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/huge-%g.dossier", dir, sizes[i]);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      /* (each size once, the largest last) */
      if (sizes[i] > opt_huge_mb || (i + 1 < G_N_ELEMENTS (sizes) && sizes[i] == opt_huge_mb))
        continue;
      if (opt_keep != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(DossierProject) kept = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);

          bench_die_on_error ("open a kept project", error);
          append_document_ids (kept, ids);
          g_array_set_size (ids, 2);
          dossier_project_close (kept);
        }
      else
        make_huge_project (path, sizes[i], ids);
      if (!opt_only_looks)
        bench_divergences_huge (path, ids, sizes[i]);
      if (i + 1 == G_N_ELEMENTS (sizes))
        bench_divergences_looks (path, ids, sizes[i]);
      if (i + 1 == G_N_ELEMENTS (sizes) && !opt_only_looks)
        {
          /* (after 50 ms: while the worker starts, before the texts are read) */
          bench_divergences_cancel (path, ids, sizes[i], 50);
          bench_divergences_cancel (path, ids, sizes[i], 1000);
          bench_divergences_cancel (path, ids, sizes[i], 3000);
          bench_matrix_huge (path, ids, sizes[i]);
        }
      if (opt_keep == NULL)
        g_unlink (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &opt_quick, "Smaller sizes", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs per measurement (5)", "N" },
    { "huge-mb", 0, 0, G_OPTION_ARG_DOUBLE, &opt_huge_mb,
      "The size of the huge documents compared, in MB (50; 5 with --quick)", "MB" },
    { "only-looks", 0, 0, G_OPTION_ARG_NONE, &opt_only_looks,
      "Only the longest the divergences of --huge-mb go without a look at their cancellable "
      "(with --only-huge)", NULL },
    { "only-huge", 0, 0, G_OPTION_ARG_NONE, &opt_only_huge,
      "Only the huge documents' divergences (1 MB, 5 MB, --huge-mb), cancel and matrix", NULL },
    { "only-figures", 0, 0, G_OPTION_ARG_NONE, &opt_only_figures,
      "Only the figure scan of hostile texts of --huge-mb (runs of letters, of spaces)", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &opt_keep,
      "With --only-huge: make the huge projects in DIR and keep them; those already there are "
      "used as they are (made once, for a profiler)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— compare benchmarks");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_runs < 1)
    {
      fprintf (stderr, "bench-compare: %s\n", error != NULL ? error->message : "--runs must be ≥ 1");
      return 2;
    }

  dir = opt_keep != NULL && opt_only_huge ? g_strdup (opt_keep) : g_dir_make_tmp ("bench-compare-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0700);

  printf ("| operation | median | target | floor (same run) | ratio |\n"
          "| --- | --- | --- | --- | --- |\n");

  if (opt_quick && opt_huge_mb == 50)
    opt_huge_mb = 5;
  if (opt_only_figures)
    {
      bench_figures_hostile (opt_huge_mb);
      bench_remove_dir (dir);
      return 0;
    }
  if (opt_only_huge)
    {
      bench_huge (dir);
      if (opt_keep == NULL)
        bench_remove_dir (dir);
      return 0;
    }

  /* The bundled sample, copied so that it is never written. */
  {
    g_autofree char *copy = g_build_filename (dir, "sample.dossier", NULL);
    g_autofree char *contents = NULL;
    gsize len;

    if (g_file_get_contents (BENCH_SAMPLE_PROJECT, &contents, &len, NULL) &&
        g_file_set_contents (copy, contents, len, NULL))
      {
        g_autoptr(DossierProject) project = dossier_project_open (copy, DOSSIER_OPEN_READ_WRITE,
                                                                  &error);
        g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

        bench_die_on_error ("open the sample", error);
        append_document_ids (project, ids);
        bench_divergences ("divergences of the bundled sample (3 articles)", project, ids, 50);
        dossier_project_close (project);
      }
    else
      fprintf (stderr, "  (no sample at %s: build it first)\n", BENCH_SAMPLE_PROJECT);
  }

  {
    BenchShape shape = { 100, 5, 5, 10, 20, 60, 10 };
    g_autofree char *path = g_build_filename (dir, "diverge.dossier", NULL);
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(DossierProject) project = bench_make_project (path, &shape, ids);

    bench_divergences ("divergences of 100 documents (30 tags, 10 stakeholders, 2,000 highlights)",
                       project, ids, 1000);
    dossier_project_close (project);
  }

  bench_hostile (dir, 1);
  bench_hostile (dir, 200);
  bench_matrix (dir);
  bench_figures_hostile (opt_huge_mb);
  bench_huge (dir);

  /* Leave nothing behind. */
  bench_remove_dir (dir);
  return 0;
}
