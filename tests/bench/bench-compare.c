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
 *     floor for both: reading the same texts and highlight rows raw.
 *
 * The projects are generated (ASCII words, figures and names) except the
 * sample, which the build makes from data/samples. Not a test: run by hand,
 *   ninja -C _build tests/bench/bench-compare && _build/tests/bench/bench-compare [--quick]
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <dossier/dossier.h>

static gboolean opt_quick = FALSE;
static int opt_runs = 5;

/* ---- Timing -------------------------------------------------------------- */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
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
die_on_error (const char *what,
              GError     *error)
{
  if (error == NULL)
    return;
  fprintf (stderr, "bench-compare: %s: %s\n", what, error->message);
  exit (1);
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

/* ---- Generated projects ---------------------------------------------------- */

static const char *const words[] = {
  "harbour", "bridge", "council", "tram", "grant", "traders", "heritage", "commuters",
  "deadline", "ministry", "inquiry", "ferry", "footfall", "bollards", "cyclists", "quay",
  "review", "vote", "deck", "toll", "tunnel", "shops", "fares", "depot",
};

static const char *const names[] = {
  "Harbour Council", "Transit Authority", "Merchants Association", "Heritage Trust",
  "Cyclists Union", "Ferry Company", "Commuters Forum", "Fire Service", "Ministry",
  "University",
};

static void
append_sentence (GString *out,
                 GRand   *rand,
                 guint    n_stakeholders)
{
  guint n = g_rand_int_range (rand, 8, 16);
  int kind = g_rand_int_range (rand, 0, 4);

  if (kind == 0 && n_stakeholders > 0)
    g_string_append_printf (out, "%s said ", names[g_rand_int_range (rand, 0, n_stakeholders)]);
  else if (kind == 1)
    {
      guint a = g_rand_int_range (rand, 5, 90);
      guint b = a + g_rand_int_range (rand, 1, 9);

      /* Figures of several kinds, some the same thing in other words. */
      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0: g_string_append_printf (out, "The cost is £%u million", a); break;
        case 1: g_string_append_printf (out, "The grant is worth £%u million", a); break;
        case 2: g_string_append_printf (out, "The trip takes %u minutes", a); break;
        case 3: g_string_append_printf (out, "Detours add %u to %u minutes", a, b); break;
        case 4: g_string_append_printf (out, "Some %u per cent of traders expect losses", a); break;
        case 5: g_string_append_printf (out, "The deck carries %u,000 vehicles", a); break;
        default: g_string_append_printf (out, "About %u passengers ride daily", b); break;
        }
      g_string_append (out, " and ");
    }
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (out, i + 1 < n ? " " : ". ");
    }
}

typedef struct
{
  guint n_docs;
  guint n_parents;            /* top-level tags */
  guint n_children;           /* sub-tags of each */
  guint n_stakeholders;
  guint highlights_per_doc;
  guint sentences_per_doc;
  guint shared_every;         /* every Nth document carries wire copy; 0 = none */
} Shape;

/* One highlight per chosen sentence of every document, tagged round the
 * leaves of the codebook, written straight into the closed project file
 * (the core would take one action each: minutes for 20,000). */
static void
add_highlights (const char  *path,
                const Shape *shape,
                GArray      *doc_ids,
                GArray      *tag_ids)
{
  sqlite3 *db;
  sqlite3_stmt *text_stmt, *h_stmt, *t_stmt;
  guint next_tag = 0;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    {
      fprintf (stderr, "bench-compare: cannot open %s\n", path);
      exit (1);
    }
  sqlite3_prepare_v2 (db, "SELECT text FROM documents WHERE id = ?", -1, &text_stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO highlights (uuid, document, start, end, quote, prefix,"
                          " suffix, author, created, modified)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, 'Bench', ?, ?)", -1, &h_stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO highlight_tags (highlight, tag) VALUES (?, ?)", -1,
                      &t_stmt, NULL);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint d = 0; d < doc_ids->len; d++)
    {
      gint64 doc = g_array_index (doc_ids, gint64, d);
      g_autofree char *text = NULL;
      g_autofree gunichar *u = NULL;
      glong n = 0;
      guint sentence = 0, made = 0;
      gint64 start = 0;
      guint step = MAX (1, shape->sentences_per_doc / shape->highlights_per_doc);

      sqlite3_bind_int64 (text_stmt, 1, doc);
      sqlite3_step (text_stmt);
      text = g_strdup ((const char *) sqlite3_column_text (text_stmt, 0));
      sqlite3_reset (text_stmt);
      u = g_utf8_to_ucs4_fast (text, -1, &n);

      for (glong i = 0; i < n && made < shape->highlights_per_doc; i++)
        {
          gint64 end = i;
          g_autofree char *uuid = NULL;
          g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
          gint64 ps, se;

          if (u[i] != '.')
            continue;
          if (sentence++ % step != 0 || end - start < 2)
            {
              start = i + 2;
              continue;
            }
          ps = MAX (0, start - 32);
          se = MIN (n, end + 32);
          uuid = g_uuid_string_random ();
          quote = g_ucs4_to_utf8 (u + start, end - start, NULL, NULL, NULL);
          prefix = g_ucs4_to_utf8 (u + ps, start - ps, NULL, NULL, NULL);
          suffix = g_ucs4_to_utf8 (u + end, se - end, NULL, NULL, NULL);
          sqlite3_bind_text (h_stmt, 1, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (h_stmt, 2, doc);
          sqlite3_bind_int64 (h_stmt, 3, start);
          sqlite3_bind_int64 (h_stmt, 4, end);
          sqlite3_bind_text (h_stmt, 5, quote, -1, SQLITE_STATIC);
          sqlite3_bind_text (h_stmt, 6, prefix, -1, SQLITE_STATIC);
          sqlite3_bind_text (h_stmt, 7, suffix, -1, SQLITE_STATIC);
          sqlite3_bind_text (h_stmt, 8, "2026-12-03T00:00:00Z", -1, SQLITE_STATIC);
          sqlite3_bind_text (h_stmt, 9, "2026-12-03T00:00:00Z", -1, SQLITE_STATIC);
          if (sqlite3_step (h_stmt) != SQLITE_DONE)
            {
              fprintf (stderr, "bench-compare: insert: %s\n", sqlite3_errmsg (db));
              exit (1);
            }
          sqlite3_reset (h_stmt);
          sqlite3_bind_int64 (t_stmt, 1, sqlite3_last_insert_rowid (db));
          sqlite3_bind_int64 (t_stmt, 2, g_array_index (tag_ids, gint64, next_tag++ % tag_ids->len));
          sqlite3_step (t_stmt);
          sqlite3_reset (t_stmt);
          made++;
          start = i + 2;
        }
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (text_stmt);
  sqlite3_finalize (h_stmt);
  sqlite3_finalize (t_stmt);
  sqlite3_close (db);
}

/* Makes the project at @path; its documents' ids in @doc_ids. */
static DossierProject *
make_project (const char  *path,
              const Shape *shape,
              GArray      *doc_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(GArray) leaves = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DossierProject) project = dossier_project_create (path, "Bench", &error);
  g_autoptr(GPtrArray) wire = g_ptr_array_new_with_free_func (g_free);
  double t0 = now_ms ();

  die_on_error ("create", error);
  for (guint w = 0; w < 5; w++)
    {
      GString *p = g_string_new (NULL);

      for (guint s = 0; s < 4; s++)
        append_sentence (p, rand, shape->n_stakeholders);
      g_ptr_array_add (wire, g_string_free (p, FALSE));
    }

  for (guint d = 0; d < shape->n_docs; d++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      DossierParsedDocument *parsed;
      gint64 id;

      g_string_append_printf (text, "Report %u on the harbour bridge\n\n", d + 1);
      for (guint s = 0; s < shape->sentences_per_doc; s++)
        {
          append_sentence (text, rand, shape->n_stakeholders);
          if (s % 6 == 5)
            g_string_append (text, "\n\n");
          if (s == shape->sentences_per_doc / 2 && shape->shared_every > 0 &&
              d % shape->shared_every == 0)
            {
              g_string_append (text, g_ptr_array_index (wire, d % wire->len));
              g_string_append (text, "\n\n");
            }
        }
      bytes = g_bytes_new (text->str, text->len);
      parsed = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT, "report.txt", &error);
      die_on_error ("import", error);
      id = dossier_project_add_document (project, parsed, &error);
      dossier_parsed_document_free (parsed);
      die_on_error ("add document", error);
      g_array_append_val (doc_ids, id);
    }

  for (guint p = 0; p < shape->n_parents; p++)
    {
      g_autofree char *name = g_strdup_printf ("Theme %u", p + 1);
      gint64 parent = dossier_project_add_tag (project, name, 0, NULL, NULL, &error);

      die_on_error ("add tag", error);
      for (guint c = 0; c < shape->n_children; c++)
        {
          g_autofree char *child_name = g_strdup_printf ("Theme %u.%u", p + 1, c + 1);
          gint64 child = dossier_project_add_tag (project, child_name, parent, NULL, NULL, &error);

          die_on_error ("add tag", error);
          g_array_append_val (leaves, child);
        }
      if (shape->n_children == 0)
        g_array_append_val (leaves, parent);
    }

  for (guint s = 0; s < shape->n_stakeholders; s++)
    {
      g_auto(GStrv) parts = g_strsplit (names[s], " ", 2);
      const char *aliases[] = { parts[0], NULL };

      dossier_project_add_stakeholder (project, names[s], aliases, DOSSIER_STAKEHOLDER_ORGANISATION,
                                       &error);
      die_on_error ("add stakeholder", error);
    }
  dossier_project_close (project);
  g_clear_object (&project);

  add_highlights (path, shape, doc_ids, leaves);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  die_on_error ("open", error);
  fprintf (stderr, "  (made %u documents, %u tags, %u highlights in %.1f s)\n", shape->n_docs,
           shape->n_parents * (1 + shape->n_children), shape->n_docs * shape->highlights_per_doc,
           (now_ms () - t0) / 1000);
  return g_steal_pointer (&project);
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

/* ---- The measurements ------------------------------------------------------- */

static void
bench_matrix (const char *dir)
{
  Shape shape = { 1000, 50, 9, 0, 20, 40, 0 };
  g_autofree char *path = g_build_filename (dir, "matrix.dossier", NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DossierProject) project = NULL;
  g_autofree double *wall = g_new (double, opt_runs);
  g_autofree double *cpu = g_new (double, opt_runs);
  g_autofree double *floor = g_new (double, opt_runs);
  g_autofree char *label = NULL;

  if (opt_quick)
    shape.n_docs = 100;
  project = make_project (path, &shape, ids);
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
      die_on_error ("compare", error);
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
      die_on_error ("divergences", error);
      found = divergences->len;
      floor[r] = read_floor (path, ids);
    }
  {
    g_autofree char *label = g_strdup_printf ("%s (%u found)", name, found);

    print_row (label, median (wall, opt_runs), median (cpu, opt_runs), target,
               "raw read of the texts and highlights", median (floor, opt_runs));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-compare-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &opt_quick, "Smaller sizes", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs per measurement (5)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— compare benchmarks");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_runs < 1)
    {
      fprintf (stderr, "bench-compare: %s\n", error != NULL ? error->message : "--runs must be ≥ 1");
      return 2;
    }

  printf ("| operation | median | target | floor (same run) | ratio |\n"
          "| --- | --- | --- | --- | --- |\n");

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
        GListModel *documents;

        die_on_error ("open the sample", error);
        documents = dossier_project_get_documents (project);
        for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
          {
            g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
            gint64 id = dossier_document_get_id (document);

            g_array_append_val (ids, id);
          }
        bench_divergences ("divergences of the bundled sample (3 articles)", project, ids, 50);
        dossier_project_close (project);
      }
    else
      fprintf (stderr, "  (no sample at %s: build it first)\n", BENCH_SAMPLE_PROJECT);
  }

  {
    Shape shape = { 100, 5, 5, 10, 20, 60, 10 };
    g_autofree char *path = g_build_filename (dir, "diverge.dossier", NULL);
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(DossierProject) project = make_project (path, &shape, ids);

    bench_divergences ("divergences of 100 documents (30 tags, 10 stakeholders, 2,000 highlights)",
                       project, ids, 1000);
    dossier_project_close (project);
  }

  bench_matrix (dir);

  /* Leave nothing behind. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
