/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-matrix-widget.c — the Compare page's matrix widget
 * (widgets/dossier-matrix.c) at 10 × 20, 50 × 100 and 100 × 500
 * (documents × tags). Medians of several runs, CPU time beside wall time
 * (the machine is shared), each next to a floor measured in the same run:
 *
 *   - a comparison set on the matrix, to its first frame, in a scrolled
 *     window of a 1,600 × 1,000 window as on the page (target < 100 ms);
 *     floor: one label set in the same place, to its first frame;
 *   - the selection moved one cell, to the next frame (target < 16 ms);
 *     floor: the same label's text changed, to the next frame;
 *   - the rows sorted anew by another document's column (as a click on
 *     its heading does), to the next frame (target < 50 ms); floor: the
 *     label's text changed;
 *   - the memory the matrix holds: resident set size after its first
 *     frame less before the comparison was set (no target; MB).
 *
 * --huge-title: 10 × 20 again, the first document titled with a megabyte
 * of one word (a file from someone else): set, to its first frame, as
 * above (target < 100 ms as well).
 *
 * Not a test. Needs a display:
 *   ninja -C _build tests/bench/bench-matrix-widget &&
 *   xvfb-run -a -s '-screen 0 1600x1200x24' _build/tests/bench/bench-matrix-widget [--quick]
 * --quick leaves out 100 × 500.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>

#include "bench-compare-project.h"
#include "bench-panel-timing.h"
#include "dossier-matrix.h"

static gboolean opt_quick = FALSE;
static gboolean opt_huge_title = FALSE;

/* Resident set size in MB, from /proc. */
static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%lu %lu", &size, &resident);
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static void
wait_for_frame (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
}

static void
bench_size (const char *dir,
            GtkWindow  *window,
            guint       n_docs,
            guint       n_parents,
            guint       n_children,
            gboolean    huge_title)
{
  BenchShape shape = { n_docs, n_parents, n_children, 0, 20, 40, 0 };
  g_autofree char *name = g_strdup_printf ("matrix-%u.dossier", n_docs);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DossierProject) project = bench_make_project (path, &shape, ids);
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(DossierComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = n_parents * (1 + n_children);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  /* Both kept: the scrolled window takes each in and out. */
  GtkWidget *matrix = g_object_ref_sink (dossier_matrix_new ());
  GtkWidget *label = g_object_ref_sink (gtk_label_new (""));
  Samples set = { 0 }, set_floor = { 0 }, move = { 0 }, move_floor = { 0 }, sort = { 0 };
  g_autofree char *what = NULL;
  double rss_before = 0, rss_after = 0;

  if (huge_title)
    {
      sqlite3 *db = NULL;

      /* Written behind the project's back: it keeps its documents. */
      dossier_project_close (project);
      g_clear_object (&project);
      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "UPDATE documents SET title = "
                            "replace (hex (zeroblob (524288)), '0', 't') WHERE id = "
                            "(SELECT min (id) FROM documents)", NULL, NULL, NULL) != SQLITE_OK)
        {
          fprintf (stderr, "bench-matrix-widget: %s\n", sqlite3_errmsg (db));
          exit (1);
        }
      sqlite3_close (db);
      project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
      bench_die_on_error ("open", error);
    }

  comparison = dossier_project_compare (project, (const gint64 *) (void *) ids->data, ids->len,
                                        &options, &error);
  bench_die_on_error ("compare", error);
  g_assert (dossier_comparison_get_n_rows (comparison) == n_rows);

  gtk_window_set_child (window, scrolled);

  /* Floors: a label, set and changed. */
  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *text = g_strdup_printf ("%u documents × %u tags, run %d", n_docs, n_rows, run);
      double t0, c0;

      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), NULL);
      wait_for_frame (scrolled);
      t0 = now_ms ();
      c0 = cpu_ms ();
      gtk_label_set_text (GTK_LABEL (label), "");
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      wait_for_frame (label);
      set_floor.wall[run] = now_ms () - t0;
      set_floor.cpu[run] = cpu_ms () - c0;

      t0 = now_ms ();
      c0 = cpu_ms ();
      gtk_label_set_text (GTK_LABEL (label), text);
      wait_for_frame (label);
      move_floor.wall[run] = now_ms () - t0;
      move_floor.cpu[run] = cpu_ms () - c0;
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), matrix);
  wait_for_frame (matrix);

  for (int run = 0; run < RUNS; run++)
    {
      double t0, c0;

      dossier_matrix_set_comparison (DOSSIER_MATRIX (matrix), NULL);
      wait_for_frame (matrix);
      if (run == 0)
        rss_before = rss_mb ();
      t0 = now_ms ();
      c0 = cpu_ms ();
      dossier_matrix_set_comparison (DOSSIER_MATRIX (matrix), comparison);
      wait_for_frame (matrix);
      set.wall[run] = now_ms () - t0;
      set.cpu[run] = cpu_ms () - c0;
      if (run == 0)
        rss_after = rss_mb ();

      /* Along the first row, as the arrow keys would. */
      dossier_matrix_select (DOSSIER_MATRIX (matrix), 0, run % (int) n_docs);
      wait_for_frame (matrix);
      t0 = now_ms ();
      c0 = cpu_ms ();
      dossier_matrix_select (DOSSIER_MATRIX (matrix), 0, (run + 1) % (int) n_docs);
      wait_for_frame (matrix);
      move.wall[run] = now_ms () - t0;
      move.cpu[run] = cpu_ms () - c0;

      /* Sorted by another document's column, the selection kept. */
      t0 = now_ms ();
      c0 = cpu_ms ();
      dossier_matrix_sort_rows (DOSSIER_MATRIX (matrix), DOSSIER_COMPARE_SORT_DOCUMENT,
                                g_array_index (ids, gint64, (run + 1) % n_docs), TRUE);
      wait_for_frame (matrix);
      sort.wall[run] = now_ms () - t0;
      sort.cpu[run] = cpu_ms () - c0;
    }

  what = g_strdup_printf ("%u × %u%s: set, to the first frame", n_docs, n_rows,
                          huge_title ? ", a title of 1 MB in one word" : "");
  report (what, &set, &set_floor, 100);
  g_free (what);
  what = g_strdup_printf ("%u × %u: selection moved, to the next frame", n_docs, n_rows);
  report (what, &move, &move_floor, 16);
  g_free (what);
  what = g_strdup_printf ("%u × %u: rows re-sorted, to the next frame", n_docs, n_rows);
  report (what, &sort, &move_floor, 50);
  g_print ("%u × %u: the floors' CPU: a label set %.1f ms, changed %.1f ms\n", n_docs, n_rows,
           median (set_floor.cpu), median (move_floor.cpu));
  g_print ("%u × %u: memory held (RSS after its first frame less before) %.1f MB\n",
           n_docs, n_rows, rss_after - rss_before);

  gtk_window_set_child (window, NULL);
  g_object_unref (matrix);
  g_object_unref (label);
  dossier_project_close (project);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-matrix-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &opt_quick, "Leave out 100 × 500", NULL },
    { "huge-title", 0, 0, G_OPTION_ARG_NONE, &opt_huge_title,
      "Only 10 × 20 with a document titled with a megabyte of one word", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the matrix widget's benchmarks");
  GtkWindow *window;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-matrix-widget: %s\n", error->message);
      return 2;
    }
  gtk_init ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1600, 1000);
  gtk_window_present (window);

  if (opt_huge_title)
    bench_size (dir, window, 10, 4, 4, TRUE);
  else
    {
      bench_size (dir, window, 10, 4, 4, FALSE);      /* 10 documents × 20 tags */
      bench_size (dir, window, 50, 10, 9, FALSE);     /* 50 × 100 */
      if (!opt_quick)
        bench_size (dir, window, 100, 50, 9, FALSE);  /* 100 × 500 */
    }

  gtk_window_destroy (window);
  /* Leave nothing behind. */
  bench_remove_dir (dir);
  return 0;
}
