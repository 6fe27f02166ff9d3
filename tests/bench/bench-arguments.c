/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-arguments.c — the Pros & Cons panel at 200 and 2,000 arguments
 * (issue 8: open in < 100 ms at 2,000). Medians of several runs, CPU time
 * beside wall time (the machine is shared), each next to a floor measured
 * in the same run:
 *
 *   - the panel opened on a question of 200, then of 2,000 arguments
 *     (half pros, half cons), to its first frame; floor: a GtkListView of
 *     as many plain labels;
 *   - one argument's strength changed, to the next frame painted (one row
 *     rebound, not the column); floor: a label's text changed, repainted;
 *   - a highlight cited for an argument (as dropping its card does), to
 *     the next frame painted; same floor;
 *   - an argument added (the 2,001st, 2,002nd…), to the next frame
 *     painted: the core reads the one argument again, not the list (adding
 *     2,000 one after another took some 150 s when each read them all);
 *     same floor.
 *
 * Not a test. Needs a display:
 *   ninja -C _build tests/bench/bench-arguments &&
 *   xvfb-run -a dbus-run-session -- _build/tests/bench/bench-arguments
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <dossier/dossier.h>

#include "bench-panel-timing.h"
#include "dossier-arguments-panel.h"

/* The ranges under a report's medians: the machine is shared. */
static void
print_range (const Samples *s)
{
  double wall_min = s->wall[0], wall_max = s->wall[0], cpu_min = s->cpu[0], cpu_max = s->cpu[0];

  for (int i = 1; i < RUNS; i++)
    {
      wall_min = MIN (wall_min, s->wall[i]);
      wall_max = MAX (wall_max, s->wall[i]);
      cpu_min = MIN (cpu_min, s->cpu[i]);
      cpu_max = MAX (cpu_max, s->cpu[i]);
    }
  g_print ("%-46s %5.1f–%.1f ms (cpu %.1f–%.1f)\n", "  range", wall_min, wall_max, cpu_min, cpu_max);
}

static void
floor_label (GtkWindow *window,
             Samples   *s)
{
  GtkWidget *label = gtk_label_new ("Strength 1/5");

  gtk_window_set_child (window, label);
  gtk_test_widget_wait_for_draw (label);
  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *text = g_strdup_printf ("Strength %d/5", 1 + run % 5);
      double w, c;

      wait_refresh_interval ();
      w = now_ms ();
      c = cpu_ms ();
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_test_widget_wait_for_draw (label);
      s->wall[run] = now_ms () - w;
      s->cpu[run] = cpu_ms () - c;
    }
  gtk_window_set_child (window, NULL);
}

typedef struct
{
  DossierProject *project;
  gint64          question;
  gint64          doc;
  gint64          first;      /* the first pro */
  gint64          tag;
} Bench;

static void
make_project (Bench      *b,
              const char *dir,
              guint       n)
{
  g_autofree char *name = g_strdup_printf ("bench-%u.dossier", n);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  DossierParsedDocument *parsed;

  b->project = dossier_project_create (path, "Bench", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Paragraph %u says what the council and the ministry want.\n\n", i);
  parsed = dossier_import_bytes (g_bytes_new (text->str, text->len), DOSSIER_FORMAT_MARKDOWN,
                                 "article.md", &error);
  g_assert_no_error (error);
  b->doc = dossier_project_add_document (b->project, parsed, &error);
  g_assert_no_error (error);
  dossier_parsed_document_free (parsed);

  b->tag = dossier_project_add_tag (b->project, "Evidence", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  b->question = dossier_project_add_question (b->project, "Should the bridge close to cars?", &error);
  g_assert_no_error (error);
  dossier_project_close (b->project);
  g_clear_object (&b->project);

  /* Through the core one by one this takes minutes (each addition reads
   * the list again); the panel is what is measured, so SQL writes them. */
  {
    g_autofree char *sql = NULL;
    sqlite3 *db = NULL;

    sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                           "INSERT INTO arguments (uuid, question, polarity, statement, strength, position) "
                           "SELECT printf ('%%08x-0000-4000-8000-%%012x', i, i), %" G_GINT64_FORMAT ", "
                           "       CASE i %% 2 WHEN 0 THEN 'pro' ELSE 'con' END, "
                           "       printf ('Argument %%d about the bridge, said at length so that it "
                           "wraps over two lines in a column', i), 1 + i %% 5, i / 2 "
                           "FROM n",
                           n - 1, b->question);
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  b->project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(DossierArgument) first = g_list_model_get_item (dossier_project_get_arguments (b->project), 0);

    b->first = dossier_argument_get_id (first);
  }
}

static void
time_open (GtkWindow *window,
           Bench     *b,
           Samples   *s)
{
  for (int run = 0; run < RUNS; run++)
    {
      double w = now_ms (), c = cpu_ms ();
      GtkWidget *panel = dossier_arguments_panel_new ();

      dossier_panel_set_project (DOSSIER_PANEL (panel), b->project);
      dossier_arguments_panel_set_question_id (DOSSIER_ARGUMENTS_PANEL (panel), b->question);
      show_and_time (window, panel, w, c, s, run);
      gtk_window_set_child (window, NULL);
    }
}

static void
time_edits (GtkWindow *window,
            Bench     *b,
            Samples   *edit_s,
            Samples   *cite_s,
            Samples   *add_s)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *panel = dossier_arguments_panel_new ();

  dossier_panel_set_project (DOSSIER_PANEL (panel), b->project);
  dossier_arguments_panel_set_question_id (DOSSIER_ARGUMENTS_PANEL (panel), b->question);
  gtk_window_set_child (window, panel);
  gtk_test_widget_wait_for_draw (panel);

  for (int run = 0; run < RUNS; run++)
    {
      double w, c;

      wait_refresh_interval ();
      w = now_ms ();
      c = cpu_ms ();
      g_assert_true (dossier_project_set_argument_strength (b->project, b->first, 1 + (run + 1) % 5, &error));
      g_assert_no_error (error);
      gtk_test_widget_wait_for_draw (panel);
      edit_s->wall[run] = now_ms () - w;
      edit_s->cpu[run] = cpu_ms () - c;
    }

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start = run * 60, highlight;
      double w, c;

      /* A new passage each time, highlighted beforehand as a card is. */
      highlight = dossier_project_add_highlight (b->project, b->doc, start, start + 40, &b->tag, 1, "", &error);
      g_assert_no_error (error);
      gtk_test_widget_wait_for_draw (panel);
      wait_refresh_interval ();
      w = now_ms ();
      c = cpu_ms ();
      g_assert_true (dossier_arguments_panel_cite_highlight (DOSSIER_ARGUMENTS_PANEL (panel), b->first, highlight));
      gtk_test_widget_wait_for_draw (panel);
      cite_s->wall[run] = now_ms () - w;
      cite_s->cpu[run] = cpu_ms () - c;
    }

  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *statement = g_strdup_printf ("A late argument, number %d", run);
      double w, c;

      wait_refresh_interval ();
      w = now_ms ();
      c = cpu_ms ();

      g_assert_cmpint (dossier_project_add_argument (b->project, b->question,
                                                     run % 2 ? DOSSIER_POLARITY_CON : DOSSIER_POLARITY_PRO,
                                                     statement, 0, 3, &error), >, 0);
      g_assert_no_error (error);
      gtk_test_widget_wait_for_draw (panel);
      add_s->wall[run] = now_ms () - w;
      add_s->cpu[run] = cpu_ms () - c;
    }
  gtk_window_set_child (window, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-arguments-XXXXXX", NULL);
  Bench small = { 0, }, large = { 0, };
  Samples open_200, open_2000, edit_s, cite_s, add_s, floor_200, floor_2000, floor_edit;
  GtkWindow *window;
  double setup;
  int profile_runs = 0;

  use_default_renderer ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* --profile N: only the panel opened on 2,000 arguments, N times, for
   * perf record; nothing reported. */
  if (argc == 3 && g_str_equal (argv[1], "--profile"))
    profile_runs = atoi (argv[2]);

  setup = now_ms ();
  make_project (&small, dir, 200);
  make_project (&large, dir, 2000);
  g_print ("bench-arguments: 200 and 2,000 arguments (set up in %.0f ms); GSK_RENDERER=%s; medians of %d runs\n",
           now_ms () - setup, g_getenv ("GSK_RENDERER"), RUNS);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 360, 900);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  if (profile_runs > 0)
    {
      for (int i = 0; i < profile_runs; i += RUNS)
        time_open (window, &large, &open_2000);
      gtk_window_destroy (window);
      return 0;
    }
  floor_list (window, 200, "Argument about the bridge", &floor_200);
  floor_list (window, 2000, "Argument about the bridge", &floor_2000);
  floor_label (window, &floor_edit);
  time_open (window, &small, &open_200);
  report ("Pros & Cons panel, 200 arguments, first frame", &open_200, &floor_200, 100);
  print_range (&open_200);
  time_open (window, &large, &open_2000);
  report ("Pros & Cons panel, 2,000 arguments, first frame", &open_2000, &floor_2000, 100);
  print_range (&open_2000);
  time_edits (window, &large, &edit_s, &cite_s, &add_s);
  report ("2,000: one strength changed, repainted", &edit_s, &floor_edit, 16);
  print_range (&edit_s);
  report ("2,000: a highlight cited, repainted", &cite_s, &floor_edit, 16);
  print_range (&cite_s);
  report ("2,000: an argument added, repainted", &add_s, &floor_edit, 16);
  print_range (&add_s);

  gtk_window_destroy (window);
  g_clear_object (&small.project);
  g_clear_object (&large.project);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);

        g_unlink (p);
      }
    g_rmdir (dir);
  }
  return 0;
}
