/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-briefing-page.c — how long the Brief page takes to show a note
 * a file from someone else may hold.
 *
 * A DossierBriefingPage in a 1,000 × 700 window: from
 * dossier_briefing_page_set_briefing_id () (what picking the note in the
 * page's chooser does) to the first frame drawn after it (and to the
 * frame once the main loop is idle, the labels filling the pane added), wall time and
 * this thread's CPU time, medians of several runs; and, from the first
 * frame until the main loop is idle (GTK laying the editor's text out in
 * idles, frame after frame), the longest a key press or a scroll would
 * have waited: a source at input's priority due every 5 ms, how late it
 * ran at worst. Between runs the page
 * shows a note of one line, so that each run loads its note afresh.
 * Floor: a normal note of 2 KB (a heading, paragraphs of words), measured
 * in the same run. Notes: 200,000 '[' in one paragraph, 200 KB of words
 * in one paragraph (and 200 KB of ordinary paragraphs, what a note of
 * that size costs), 20 KB of words in one paragraph, 4 MB of paragraphs
 * of words (a note holds at most 4 MB) and 50,000 citations of one
 * highlight on 500 lines, and 1,000 highlights each cited once (the
 * Sources a row each). Then, the 4 MB note shown and laid out, a
 * character typed at its end and the preview made again (what a pause in
 * typing does), to the frame once the main loop is idle, beside the same
 * in the 2 KB note.
 *
 * Needs a display:
 *   ninja -C _build tests/bench/bench-briefing-page &&
 *   xvfb-run -a dbus-run-session -- _build/tests/bench/bench-briefing-page [--runs N] [--only WORD]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "bench-clock.h"
#include "test-util.h"
#include "dossier-briefing-page.h"

static int opt_runs = 5;
static char *opt_only = NULL;

static const char paragraph[] =
  "The council voted on the bridge, and the traders wrote to the ministry about the deadline. ";

static double
median_of (double *values,
           int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

/* A stand-in for a key press: a source at the priority of input events,
 * due every PROBE_MS; the longest it waits past its time is the longest a
 * key press or a scroll would wait for the main loop. */
#define PROBE_MS 5

typedef struct
{
  gint64 due;       /* µs */
  gint64 longest;   /* µs */
} Probe;

static gboolean
probe_tick (gpointer data)
{
  Probe *probe = data;
  gint64 now = g_get_monotonic_time ();

  probe->longest = MAX (probe->longest, now - probe->due);
  probe->due = now + PROBE_MS * 1000;
  return G_SOURCE_CONTINUE;
}

/* Shows note @id in @page, from a note of one line: to the first frame
 * in @first, and to the frame after the main loop has nothing left to do
 * (returned); in @wait, the longest input would have waited (ms) from
 * the first frame on, while the rest is laid out. */
static Ms
time_show (DossierBriefingPage *page,
           gint64               id,
           gint64               other,
           Ms                  *first,
           double              *wait)
{
  Probe probe = { 0, 0 };
  Stamp t0;
  Ms settled;
  guint source;

  dossier_briefing_page_set_briefing_id (page, other);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (page));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  t0 = stamp ();
  dossier_briefing_page_set_briefing_id (page, id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (page));
  *first = since (t0);
  /* The labels that fill the pane and a page more, added in idles, and
   * GTK laying the editor's text out, in idles too. */
  probe.due = g_get_monotonic_time () + PROBE_MS * 1000;
  source = g_timeout_add_full (G_PRIORITY_DEFAULT, PROBE_MS, probe_tick, &probe, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (GTK_WIDGET (page));
  settled = since (t0);
  g_source_remove (source);
  *wait = probe.longest / 1000.0;
  return settled;
}

/* With note @id on show and laid out: a character typed at its end and
 * the preview brought up to date (what a pause in typing does), to the
 * frame once the main loop is idle; medians of the runs. */
static Ms
time_typing (DossierBriefingPage *page,
             gint64               id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_briefing_page_get_editor (page));
  g_autofree double *v = g_new (double, 2 * opt_runs);

  if (dossier_briefing_page_get_briefing_id (page) != id)
    dossier_briefing_page_set_briefing_id (page, id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (page));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (int run = 0; run < opt_runs; run++)
    {
      GtkTextIter end;
      Stamp t0 = stamp ();
      Ms ms;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, "x", 1);
      dossier_briefing_page_commit (page);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      gtk_test_widget_wait_for_draw (GTK_WIDGET (page));
      ms = since (t0);
      v[run] = ms.wall;
      v[opt_runs + run] = ms.cpu;
    }
  return (Ms) { median_of (v, opt_runs), median_of (v + opt_runs, opt_runs) };
}

/* Medians of the first frame's and the settled frame's figures, and of
 * the longest wait for input. */
typedef struct
{
  Ms     first;
  Ms     settled;
  double wait;
} Shown;

static Shown
time_shows (DossierBriefingPage *page,
            gint64               id,
            gint64               other)
{
  g_autofree double *v = g_new (double, 5 * opt_runs);
  Shown shown;

  for (int run = 0; run < opt_runs; run++)
    {
      Ms first;
      Ms settled = time_show (page, id, other, &first, &v[4 * opt_runs + run]);

      v[run] = first.wall;
      v[opt_runs + run] = first.cpu;
      v[2 * opt_runs + run] = settled.wall;
      v[3 * opt_runs + run] = settled.cpu;
    }
  shown.first.wall = median_of (v, opt_runs);
  shown.first.cpu = median_of (v + opt_runs, opt_runs);
  shown.settled.wall = median_of (v + 2 * opt_runs, opt_runs);
  shown.settled.cpu = median_of (v + 3 * opt_runs, opt_runs);
  shown.wait = median_of (v + 4 * opt_runs, opt_runs);
  return shown;
}

static void
print_row (const char  *what,
           const Shown *s,
           const Shown *floor)
{
  printf ("| %s | %.1f ms | %.1f ms | %.1f× | %.1f× | %.1f ms | %.1f× | %.0f ms | %.0f ms |\n", what,
          s->first.wall, s->first.cpu, s->first.wall / floor->first.wall, s->first.cpu / floor->first.cpu,
          s->settled.cpu, s->settled.cpu / floor->settled.cpu, s->wait, floor->wait);
  fflush (stdout);
}

static void
measure (DossierBriefingPage *page,
         const char          *what,
         gint64               id,
         gint64               other,
         const Shown         *floor)
{
  Shown shown;

  if (opt_only != NULL && strstr (what, opt_only) == NULL)
    return;
  shown = time_shows (page, id, other);
  print_row (what, &shown, floor);
}

static gint64
add_note (DossierProject *project,
          const char     *title,
          const char     *body)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_briefing (project, title, NULL, 0, body, &error);

  g_assert_no_error (error);
  return id;
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each measurement (default 5)", "N" },
    { "only", 'o', 0, G_OPTION_ARG_STRING, &opt_only, "Only the notes whose row holds WORD", "WORD" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  DossierBriefingPage *page;
  GtkWindow *window;
  gint64 other, floor_note;
  Shown floor;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  dir = g_dir_make_tmp ("bench-briefing-page-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("Cannot make a temporary folder: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "bench.dossier", NULL);
  opt_runs = MAX (opt_runs, 1);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();
  bench_count_thread_cpu ();

  project = dossier_project_create (path, "Bench", &error);
  g_assert_no_error (error);
  other = add_note (project, "One line", "A note of one line.");

  /* The floor: 2 KB, a heading and paragraphs of words. */
  g_string_append (body, "## Purpose\n\n");
  while (body->len < 2048)
    {
      g_string_append (body, paragraph);
      g_string_append (body, paragraph);
      g_string_append (body, "\n\n");
    }
  floor_note = add_note (project, "Floor", body->str);

  page = DOSSIER_BRIEFING_PAGE (dossier_briefing_page_new ());
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  dossier_briefing_page_set_project (page, project);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (page));

  printf ("The Brief page showing a note, from set_briefing_id to the first frame, and to the frame once "
          "the main loop is idle (the labels filling the pane added), medians of %d runs "
          "(renderer %s):\n\n", opt_runs, g_getenv ("GSK_RENDERER"));
  printf ("| note | wall | CPU | ratio to floor (wall) | ratio to floor (CPU) | CPU to idle | ratio (CPU to idle) "
          "| longest wait for input after the first frame | floor's |\n"
          "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
  floor = time_shows (page, floor_note, other);
  print_row ("a normal note of 2 KB (floor)", &floor, &floor);

  g_string_truncate (body, 0);
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (body, '[');
  measure (page, "200,000 '[' in one paragraph", add_note (project, "Brackets", body->str), other, &floor);

  g_string_truncate (body, 0);
  while (body->len < 200 * 1024)
    g_string_append (body, paragraph);
  measure (page, "200 KB of words in one paragraph", add_note (project, "Words", body->str), other, &floor);

  /* What a note of that size costs when its paragraphs are ordinary. */
  g_string_truncate (body, 0);
  while (body->len < 200 * 1024)
    {
      g_string_append (body, paragraph);
      g_string_append (body, paragraph);
      g_string_append (body, "\n\n");
    }
  measure (page, "200 KB of paragraphs of words", add_note (project, "Paragraphs", body->str), other, &floor);

  g_string_truncate (body, 0);
  while (body->len < 20 * 1024)
    g_string_append (body, paragraph);
  measure (page, "20 KB of words in one paragraph", add_note (project, "Words 20", body->str), other, &floor);

  g_string_truncate (body, 0);
  while (body->len < 4000000)
    {
      g_string_append (body, paragraph);
      g_string_append (body, paragraph);
      g_string_append (body, "\n\n");
    }
  {
    gint64 long_note = add_note (project, "Long", body->str);

    measure (page, "4 MB of paragraphs of words", long_note, other, &floor);
    if (opt_only == NULL || strstr ("4 MB of paragraphs of words", opt_only) != NULL)
      {
        Ms typed = time_typing (page, long_note);
        Ms typed_floor = time_typing (page, floor_note);

        printf ("\nThe 4 MB note shown and laid out, a character typed at its end and the preview made "
                "again (a pause in typing), to the frame once the main loop is idle: %.1f ms (%.1f ms CPU); "
                "the 2 KB note (floor): %.1f ms (%.1f ms CPU); ratio (CPU) %.1f×\n\n",
                typed.wall, typed.cpu, typed_floor.wall, typed_floor.cpu, typed.cpu / typed_floor.cpu);
        fflush (stdout);
      }
  }

  {
    gint64 tag = dossier_project_add_tag (project, "Evidence", 0, NULL, NULL, &error);
    g_autoptr(GBytes) bytes = g_bytes_new_static ("# Bridge\n\nThe grant is 72 million, on condition.\n", 49);
    DossierParsedDocument *parsed = dossier_import_bytes (bytes, DOSSIER_FORMAT_MARKDOWN, "bridge.md", &error);
    gint64 doc, highlight;
    g_autoptr(DossierHighlight) h = NULL;

    g_assert_no_error (error);
    doc = dossier_project_add_document (project, parsed, &error);
    g_assert_no_error (error);
    dossier_parsed_document_free (parsed);
    highlight = dossier_project_add_highlight (project, doc, 10, 30, &tag, 1, NULL, &error);
    g_assert_no_error (error);
    h = dossier_project_get_highlight (project, highlight, &error);
    g_assert_no_error (error);
    g_string_truncate (body, 0);
    for (guint line = 0; line < 500; line++)
      {
        for (guint i = 0; i < 100; i++)
          g_string_append_printf (body, "Claim [@%s] ", dossier_highlight_get_uuid (h));
        g_string_append (body, "\n\n");
      }
    measure (page, "50,000 citations on 500 lines", add_note (project, "Citations", body->str), other, &floor);
  }

  /* A note citing 1,000 passages, each once: the Sources a row each. */
  if (opt_only == NULL || strstr ("1,000 sources", opt_only) != NULL)
    {
      gint64 tag = dossier_project_add_tag (project, "Sources", 0, NULL, NULL, &error);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      DossierParsedDocument *parsed;
      gint64 doc;

      for (guint i = 0; i < 1000; i++)
        g_string_append_printf (text, "Claim %04u says the ferry runs late. ", i);
      g_string_append (text, "\n");
      bytes = g_bytes_new (text->str, text->len);
      parsed = dossier_import_bytes (bytes, DOSSIER_FORMAT_MARKDOWN, "claims.md", &error);
      g_assert_no_error (error);
      doc = dossier_project_add_document (project, parsed, &error);
      g_assert_no_error (error);
      dossier_parsed_document_free (parsed);
      /* Each sentence: 36 characters and a space. */
      g_string_truncate (body, 0);
      for (guint i = 0; i < 1000; i++)
        {
          gint64 start = (gint64) i * 37;
          gint64 id = dossier_project_add_highlight (project, doc, start, start + 36, &tag, 1, NULL, &error);
          g_autoptr(DossierHighlight) h = NULL;

          g_assert_no_error (error);
          h = dossier_project_get_highlight (project, id, &error);
          g_assert_no_error (error);
          g_string_append_printf (body, "Claim %u [@%s].\n\n", i, dossier_highlight_get_uuid (h));
        }
      measure (page, "1,000 sources, each cited once", add_note (project, "Sources", body->str), other, &floor);
    }

  dossier_briefing_page_set_project (page, NULL);
  gtk_window_destroy (window);
  dossier_project_close (project);
  g_clear_object (&project);
  remove_tree (dir);
  return 0;
}
