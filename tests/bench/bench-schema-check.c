/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-schema-check.c — what the schema re-check costs each write.
 *
 * Every action checks, once its transaction has begun, that the schema
 * cookie is the one verified at open (dossier_project_verify_schema_unchanged
 * (): a trigger another program plants in the open file would run at the
 * next write). Measured here as a user pays it: 1,000 passages tagged,
 * each its own action, in a fresh project each run; beside it the
 * re-check alone, 1,000 times on the same connection in one transaction,
 * as each action runs it. Tagging without the check is the first less the
 * second (the check cannot be left out of an action, by design). Medians
 * of --runs runs (5), wall and CPU milliseconds.
 *
 *   BUILD/tests/bench/bench-schema-check [--runs N]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-clock.h"
#include "dossier-project-private.h"
#include "test-util.h"

#define N_PASSAGES 1000

static int opt_runs = 5;

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* A document of N_PASSAGES lines of the same length (ASCII: characters
 * are bytes), the length of one line in *@line. */
static char *
make_text (gint64 *line)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < N_PASSAGES; i++)
    g_string_append_printf (text, "Passage %04u of the ferry fare report.\n", i);
  *line = text->len / N_PASSAGES;
  return g_string_free (text, FALSE);
}

/* One run: a fresh project, its document and tag; then the passages
 * tagged, one action each (*@tagging), and the re-check alone as many
 * times (*@check). */
static void
run_once (const char *text,
          gint64      line,
          Ms         *tagging,
          Ms         *check)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *db;
  gint64 document, tag;
  Stamp t0, t1;

  project = test_create_project ("schema-check", "Ferries", &dir, NULL);
  document = add_doc (project, "Fare report", text);
  tag = add_tag (project, "Costs", 0);

  t0 = stamp ();
  for (guint i = 0; i < N_PASSAGES; i++)
    if (dossier_project_add_highlight (project, document, i * line, i * line + line - 1,
                                       &tag, 1, NULL, &error) <= 0)
      g_error ("tagging passage %u: %s", i, error->message);
  t1 = stamp ();
  *tagging = between (t0, t1);

  db = dossier_project_get_db (project);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  t0 = stamp ();
  for (guint i = 0; i < N_PASSAGES; i++)
    if (!dossier_project_verify_schema_unchanged (project, &error))
      g_error ("the re-check: %s", error->message);
  t1 = stamp ();
  *check = between (t0, t1);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);

  dossier_project_close (project);
  g_clear_object (&project);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs to take the median of (5)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree double *tag_wall = NULL, *tag_cpu = NULL, *check_wall = NULL, *check_cpu = NULL;
  double tagging_wall, tagging_cpu, alone_wall, alone_cpu;
  gint64 line;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_runs < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--runs: at least 1");
      return 2;
    }

  text = make_text (&line);
  tag_wall = g_new (double, opt_runs);
  tag_cpu = g_new (double, opt_runs);
  check_wall = g_new (double, opt_runs);
  check_cpu = g_new (double, opt_runs);
  for (int r = 0; r < opt_runs; r++)
    {
      Ms tagging, check;

      run_once (text, line, &tagging, &check);
      tag_wall[r] = tagging.wall;
      tag_cpu[r] = tagging.cpu;
      check_wall[r] = check.wall;
      check_cpu[r] = check.cpu;
    }

  tagging_wall = median (tag_wall, opt_runs);
  tagging_cpu = median (tag_cpu, opt_runs);
  alone_wall = median (check_wall, opt_runs);
  alone_cpu = median (check_cpu, opt_runs);

  g_print ("The schema re-check, %d passages tagged, medians of %d runs (ms)\n",
           N_PASSAGES, opt_runs);
  g_print ("%-44s %10s %10s\n", "", "wall", "CPU");
  g_print ("%-44s %10.1f %10.1f\n", "tagging, one action each (with the check)",
           tagging_wall, tagging_cpu);
  g_print ("%-44s %10.2f %10.2f\n", "the re-check alone, as many times",
           alone_wall, alone_cpu);
  g_print ("%-44s %10.1f %10.1f\n", "tagging without the check (the difference)",
           tagging_wall - alone_wall, tagging_cpu - alone_cpu);
  g_print ("%-44s %9.2f%% %9.2f%%\n", "the check's cost, of tagging without it",
           100 * alone_wall / (tagging_wall - alone_wall),
           100 * alone_cpu / (tagging_cpu - alone_cpu));
  return 0;
}
