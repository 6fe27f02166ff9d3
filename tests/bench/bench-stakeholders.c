/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-stakeholders.c — the Stakeholders and Pros & Cons panels at the
 * scale issue 8 sets: 500 stakeholders, one question with 2,000 arguments.
 * Medians of several runs, CPU time beside wall time (the machine is
 * shared), each next to a floor measured in the same run:
 *
 *   - Stakeholders panel opened on the project, to its first frame
 *     (target < 100 ms); floor: a GtkListView of 500 plain labels;
 *   - the power/interest grid of the 500, to its first frame; same floor;
 *   - Pros & Cons panel opened on the question, to its first frame
 *     (target < 100 ms); floor: a GtkListView of 2,000 plain labels;
 *   - the reader's selection cited as evidence for the open stakeholder:
 *     the call (committed, the panel's evidence list read again), then to
 *     the next frame painted (target < 16 ms), cited a refresh interval
 *     after the last frame as a person's click comes (bench-window's idle
 *     key; the instant after a frame, the frame clock would hold it to its
 *     tick); floor: one row INSERTed with sqlite3 into a WAL database,
 *     committed.
 *   - a project of 5,000 stakeholders (two aliases each) and 100
 *     documents (2.4 MB) opened, for writing and read-only, the mention
 *     counts it stores checked against its texts (dossier_project_
 *     verify_mentions ()); once with the counts wrong, written; floor: the
 *     texts read raw and a finder of the 5,000 names run over them, the
 *     work the check adds, and what each reading of the counts would pay
 *     if they were computed instead of stored; and opened as the window
 *     opens it (DOSSIER_OPEN_MENTIONS_IN_BACKGROUND): the call, and until
 *     the thread's counts are in place;
 *   - the same for three book-length texts (20 MB each) and 300
 *     stakeholders ("books", not run otherwise).
 *
 * Drawn with cairo unless GSK_RENDERER says otherwise (GSK_RENDERER=gl:
 * GTK's GL renderer, in software on a machine without a GPU).
 *
 * Not a test. Needs a display:
 *   ninja -C _build tests/bench/bench-stakeholders &&
 *   xvfb-run -a dbus-run-session -- _build/tests/bench/bench-stakeholders [PART…]
 * PART is any of stakeholders, grid, arguments, cite, open, books (default:
 * all of them but books); without arguments the 2,000 arguments are not
 * made.
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <dossier/dossier.h>

#include "bench-panel-timing.h"
#include "dossier-arguments-panel.h"
#include "dossier-power-grid.h"
#include "dossier-stakeholders-panel.h"

#define N_STAKEHOLDERS 500
#define N_ARGUMENTS 2000

static char **parts;   /* from the command line; NULL: all */

static gboolean
wanted (const char *part)
{
  return parts == NULL || parts[0] == NULL || g_strv_contains ((const char * const *) parts, part);
}

static void
floor_insert (const char *dir,
              Samples    *s)
{
  g_autofree char *path = g_build_filename (dir, "floor.sqlite", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                    "CREATE TABLE evidence (stakeholder INTEGER, highlight INTEGER, note TEXT)",
                NULL, NULL, NULL);
  for (int run = 0; run < RUNS; run++)
    {
      double w = now_ms (), c = cpu_ms ();

      g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO evidence VALUES (1, 2, ''); "
                                         "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
      s->wall[run] = now_ms () - w;
      s->cpu[run] = cpu_ms () - c;
    }
  sqlite3_close (db);
}

/* The floor of the check at open: every text read raw, and a finder of
 * every name and alias run over it. */
static void
floor_count_mentions (const char *path,
                      Samples    *s)
{
  for (int run = 0; run < RUNS; run++)
    {
      double w = now_ms (), c = cpu_ms ();
      g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      guint found = 0;

      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, name, aliases FROM stakeholders", -1, &stmt,
                                           NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_auto(GStrv) aliases = g_strsplit ((const char *) sqlite3_column_text (stmt, 2), "\n", -1);

          dossier_mention_finder_add (finder, sqlite3_column_int64 (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1));
          for (guint i = 0; aliases[i] != NULL; i++)
            dossier_mention_finder_add (finder, sqlite3_column_int64 (stmt, 0), aliases[i]);
        }
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT text FROM documents", -1, &stmt, NULL), ==,
                       SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(GArray) mentions = dossier_mention_finder_find (finder,
                                                                    (const char *) sqlite3_column_text (stmt, 0));

          found += mentions->len;
        }
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      s->wall[run] = now_ms () - w;
      s->cpu[run] = cpu_ms () - c;
      g_assert_cmpuint (found, >, 0);
    }
}

static gboolean
mentions_checked (gpointer data)
{
  return !dossier_project_get_mentions_pending (data);
}

/* A project of @n_documents texts of @text_bytes each and @n_stakeholders
 * (two aliases each) opened: for writing and read-only, the counts checked
 * in the open; and as the window opens it, the check in a thread: the call,
 * and until the counts are in place (the main loop run meanwhile). */
static void
bench_open (const char *dir,
            const char *label,
            guint       n_documents,
            gsize       text_bytes,
            guint       n_stakeholders)
{
  g_autofree char *name = g_strdup_printf ("open-%u.dossier", n_documents);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(GError) error = NULL;
  Samples rw, ro, later, checked, floor;
  double w, c, first_wall, first_cpu, setup = now_ms ();
  sqlite3 *db = NULL;

  {
    g_autoptr(DossierProject) project = dossier_project_create (path, "Open", &error);

    g_assert_no_error (error);
    for (guint d = 0; d < n_documents; d++)
      {
        DossierParsedDocument *parsed;

        g_string_truncate (text, 0);
        for (guint i = 0; text->len < text_bytes; i++)
          g_string_append_printf (text, "Paragraph %u: Person %u met Group %u about the bridge, "
                                        "and the ferry board said nothing of it.\n\n",
                                  i, (d * 131 + i * 7) % n_stakeholders,
                                  (d * 17 + i * 3) % n_stakeholders);
        parsed = dossier_import_bytes (g_bytes_new (text->str, text->len), DOSSIER_FORMAT_MARKDOWN,
                                       "article.md", &error);
        g_assert_no_error (error);
        dossier_project_add_document (project, parsed, &error);
        g_assert_no_error (error);
        dossier_parsed_document_free (parsed);
      }
  }

  /* The stakeholders written raw, as a file made elsewhere could be: no
   * mention counted yet. */
  for (guint i = 0; i < n_stakeholders; i++)
    g_string_append_printf (sql, "INSERT INTO stakeholders (uuid, name, aliases, position) "
                                 "VALUES ('bench-%u', 'Stakeholder %u', 'Person %u\nGroup %u', %u);",
                            i, i, i, i, i);
  g_string_append (sql, "COMMIT;");
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_print ("open: %u stakeholders, %u documents of %.0f kB (set up in %.0f ms)\n",
           n_stakeholders, n_documents, text_bytes / 1000.0, now_ms () - setup);

  w = now_ms ();
  c = cpu_ms ();
  {
    g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);

    g_assert_no_error (error);
    first_wall = now_ms () - w;
    first_cpu = cpu_ms () - c;
    g_print ("open for writing, every count wrong (counted and written): %.1f ms (CPU %.1f ms); "
             "mentions of the first: %u\n", first_wall, first_cpu,
             dossier_stakeholder_get_n_mentions (dossier_project_get_stakeholder (project, 1)));
  }

  for (int run = 0; run < RUNS; run++)
    {
      for (int mode = 0; mode < 3; mode++)
        {
          Samples *s = mode == 0 ? &rw : mode == 1 ? &ro : &later;
          DossierProject *project;

          w = now_ms ();
          c = cpu_ms ();
          project = dossier_project_open (path, mode == 0 ? DOSSIER_OPEN_READ_WRITE
                                                : mode == 1 ? DOSSIER_OPEN_READ_ONLY
                                                : DOSSIER_OPEN_MENTIONS_IN_BACKGROUND, &error);
          g_assert_no_error (error);
          s->wall[run] = now_ms () - w;
          s->cpu[run] = cpu_ms () - c;
          if (mode == 2)
            {
              /* (CPU: this process's, the thread's included) */
              while (!mentions_checked (project))
                g_main_context_iteration (NULL, TRUE);
              checked.wall[run] = now_ms () - w;
              checked.cpu[run] = cpu_ms () - c;
            }
          dossier_project_close (project);
          g_object_unref (project);
        }
    }
  floor_count_mentions (path, &floor);

  g_print ("%s:\n", label);
  report ("  opened for writing, checked in the open", &rw, &floor, 300);
  report ("  the same, read-only", &ro, &floor, 300);
  report ("  opened for writing, checked in a thread (the call)", &later, &floor, 300);
  g_print ("%-46s %8.1f ms (cpu %6.1f)  floor %7.2f ms  ×%.1f (no target: nothing waits)\n",
           "    until the counts are checked", median (checked.wall), median (checked.cpu),
           median (floor.wall), median (checked.wall) / median (floor.wall));
  g_print ("  floor alone: %.1f ms (CPU %.1f ms)\n", median (floor.wall), median (floor.cpu));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-stakeholders-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.dossier", NULL);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWindow *window;
  Samples open_s, grid_s, args_s, cite_s, call_s, floor_500, floor_2000, floor_cite;
  gint64 question, doc, first = 0;
  DossierParsedDocument *parsed;
  double setup;

  use_default_renderer ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  parts = argv + 1;

  if (parts != NULL && parts[0] != NULL && g_strv_contains ((const char * const *) parts, "books"))
    {
      /* A few book-length texts: the check is the texts' length. */
      bench_open (dir, "3 book-length texts (20 MB each), 300 stakeholders", 3, 20 * 1000 * 1000, 300);
      if (parts != NULL && parts[0] != NULL && parts[1] == NULL)
        goto done;
    }
  if (wanted ("open"))
    {
      bench_open (dir, "5,000 stakeholders, 100 documents", 100, 24000, 5000);
      if (parts != NULL && parts[0] != NULL && parts[1] == NULL)
        goto done;
    }

  setup = now_ms ();
  project = dossier_project_create (path, "Bench", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "Paragraph %u says what the council and the ministry want.\n\n", i);
  parsed = dossier_import_bytes (g_bytes_new (text->str, text->len), DOSSIER_FORMAT_MARKDOWN,
                                 "article.md", &error);
  g_assert_no_error (error);
  doc = dossier_project_add_document (project, parsed, &error);
  g_assert_no_error (error);
  dossier_parsed_document_free (parsed);

  for (guint i = 0; i < N_STAKEHOLDERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stakeholder %u", i);
      gint64 id = dossier_project_add_stakeholder (project, name, NULL, i % DOSSIER_STAKEHOLDER_N_KINDS,
                                                   &error);

      g_assert_no_error (error);
      dossier_project_set_stakeholder_ratings (project, id, 1 + i % 5, 1 + (i / 5) % 5, &error);
      g_assert_no_error (error);
      if (first == 0)
        first = id;
    }
  question = dossier_project_add_question (project, "Should the bridge close to cars?", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < (wanted ("arguments") ? N_ARGUMENTS : 0); i++)
    {
      g_autofree char *statement = g_strdup_printf ("Argument %u about the bridge", i);

      dossier_project_add_argument (project, question, i % 2 ? DOSSIER_POLARITY_CON : DOSSIER_POLARITY_PRO,
                                    statement, 0, 1 + i % 5, &error);
      g_assert_no_error (error);
    }
  g_print ("bench-stakeholders: %d stakeholders, %d arguments (set up in %.0f ms); GSK_RENDERER=%s; "
           "medians of %d runs\n",
           N_STAKEHOLDERS, wanted ("arguments") ? N_ARGUMENTS : 0, now_ms () - setup, g_getenv ("GSK_RENDERER"),
           RUNS);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 360, 900);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  floor_list (window, N_STAKEHOLDERS, "Stakeholder", &floor_500);
  floor_list (window, N_ARGUMENTS, "Stakeholder", &floor_2000);
  floor_insert (dir, &floor_cite);

  for (int run = 0; run < RUNS && wanted ("stakeholders"); run++)
    {
      double w = now_ms (), c = cpu_ms ();
      GtkWidget *panel = dossier_stakeholders_panel_new ();

      dossier_panel_set_project (DOSSIER_PANEL (panel), project);
      show_and_time (window, panel, w, c, &open_s, run);
      gtk_window_set_child (window, NULL);
    }

  for (int run = 0; run < RUNS && wanted ("grid"); run++)
    {
      double w = now_ms (), c = cpu_ms ();
      GtkWidget *grid = dossier_power_grid_new ();

      dossier_power_grid_set_model (DOSSIER_POWER_GRID (grid), dossier_project_get_stakeholders (project));
      show_and_time (window, grid, w, c, &grid_s, run);
      gtk_window_set_child (window, NULL);
    }

  for (int run = 0; run < RUNS && wanted ("arguments"); run++)
    {
      double w = now_ms (), c = cpu_ms ();
      GtkWidget *panel = dossier_arguments_panel_new ();

      dossier_panel_set_project (DOSSIER_PANEL (panel), project);
      dossier_arguments_panel_set_question_id (DOSSIER_ARGUMENTS_PANEL (panel), question);
      show_and_time (window, panel, w, c, &args_s, run);
      gtk_window_set_child (window, NULL);
    }

  if (wanted ("cite"))
    {
      GtkWidget *panel = dossier_stakeholders_panel_new ();
      DossierStakeholdersPanel *sp = DOSSIER_STAKEHOLDERS_PANEL (panel);

      dossier_panel_set_project (DOSSIER_PANEL (panel), project);
      dossier_stakeholders_panel_set_document_id (sp, doc);
      dossier_stakeholders_panel_set_stakeholder_id (sp, first);
      gtk_window_set_child (window, panel);
      gtk_test_widget_wait_for_draw (panel);
      for (int run = 0; run < RUNS; run++)
        {
          double w, c;

          /* A new passage each time: a new highlight and a new link. */
          dossier_stakeholders_panel_set_selection (sp, run * 60, run * 60 + 40);
          gtk_test_widget_wait_for_draw (panel);
          wait_refresh_interval ();
          w = now_ms ();
          c = cpu_ms ();
          g_assert_true (dossier_stakeholders_panel_cite_selection (sp));
          call_s.wall[run] = now_ms () - w;
          call_s.cpu[run] = cpu_ms () - c;
          gtk_test_widget_wait_for_draw (panel);
          cite_s.wall[run] = now_ms () - w;
          cite_s.cpu[run] = cpu_ms () - c;
        }
      gtk_window_set_child (window, NULL);
    }

  if (wanted ("stakeholders"))
    report ("Stakeholders panel, 500, first frame", &open_s, &floor_500, 100);
  if (wanted ("grid"))
    report ("power/interest grid, 500, first frame", &grid_s, &floor_500, 100);
  if (wanted ("arguments"))
    report ("Pros & Cons panel, 2,000 arguments, first frame", &args_s, &floor_2000, 100);
  if (wanted ("cite"))
    {
      report ("selection cited as evidence: the call, committed", &call_s, &floor_cite, 16);
      report ("the same, repainted (next frame)", &cite_s, &floor_cite, 16);
    }

  gtk_window_destroy (window);
  g_clear_object (&project);
done:
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
