/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-view.c — the document view on a long, densely highlighted document.
 *
 * Needs a display: run it as  xvfb-run -a ./_build/tests/bench/bench-view
 * (GSK_RENDERER=cairo is set unless the environment says otherwise).
 *
 * In an open window, shows a generated ~1 MB document carrying 5,000
 * overlapping highlights, and measures, as medians over several runs:
 * set_text with its blocks, set_highlights, the first frame painted with
 * the visible range highlighted, all highlights applied, adding one
 * highlight (the call, and until its frame is painted), and frames while
 * scrolling. The floor is gtk_text_buffer_set_text of the same text into a
 * bare buffer, measured in the same run. Prints a table.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gtk/gtk.h>

#include "bench-clock.h"
#include "dossier-document-view.h"

#define N_COLORS 12

static const char * const tag_names[] = {
  "Costs", "Risks", "Benefits", "Stakeholders", "Environment", "Politics",
  "Timeline", "Funding", "Safety", "Traffic", "Local business", "Quotes",
};

static const char * const palette[N_COLORS] = {
  "#e01b24", "#3584e4", "#33d17a", "#f6d32d", "#9141ac", "#ff7800",
  "#2190a4", "#e66100", "#986a44", "#c061cb", "#26a269", "#1c71d8",
};

typedef struct
{
  char   *text;
  gint64  length;          /* code points */
  GArray *blocks;          /* DossierBlock */
  GArray *highlights;      /* DossierViewHighlight */
  GStringChunk *strings;
} Document;

static void
append_words (GString *s,
              GRand   *rand,
              int      n,
              gint64  *length)
{
  for (int i = 0; i < n; i++)
    {
      const char *w = random_word (rand);

      if (i > 0)
        {
          g_string_append_c (s, ' ');
          (*length)++;
        }
      g_string_append (s, w);
      *length += g_utf8_strlen (w, -1);
    }
  g_string_append_c (s, '.');
  (*length)++;
}

/* An invented article: title, sections with headings, paragraphs, lists,
 * quotes, about @bytes long. */
static Document *
make_document (gsize bytes,
               guint n_highlights)
{
  Document *doc = g_new0 (Document, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GString *s = g_string_new (NULL);
  gint64 length = 0;
  int block = 0;

  doc->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));

  while (s->len < bytes)
    {
      DossierBlock b = { 0 };
      int kind = block == 0 ? 0 : block % 17 == 1 ? 1 : block % 11 == 5 ? 2 : block % 13 == 7 ? 3 : 4;

      if (block > 0)
        {
          g_string_append (s, "\n\n");
          length += 2;
        }

      if (kind == 2)
        {
          /* A list of three to five items, one line each. */
          int items = g_rand_int_range (rand, 3, 6);

          for (int i = 0; i < items; i++)
            {
              if (i > 0)
                {
                  g_string_append_c (s, '\n');
                  length++;
                }
              b.start = length;
              append_words (s, rand, g_rand_int_range (rand, 6, 24), &length);
              b.end = length;
              b.kind = DOSSIER_BLOCK_LIST_ITEM;
              b.level = 1;
              g_array_append_val (doc->blocks, b);
            }
          block++;
          continue;
        }

      b.start = length;
      switch (kind)
        {
        case 0:
          append_words (s, rand, 9, &length);
          b.kind = DOSSIER_BLOCK_TITLE;
          break;
        case 1:
          append_words (s, rand, g_rand_int_range (rand, 2, 6), &length);
          b.kind = DOSSIER_BLOCK_HEADING;
          b.level = 2;
          break;
        case 3:
          append_words (s, rand, g_rand_int_range (rand, 15, 40), &length);
          b.kind = DOSSIER_BLOCK_QUOTE;
          break;
        default:
          append_words (s, rand, g_rand_int_range (rand, 40, 140), &length);
          b.kind = DOSSIER_BLOCK_PARAGRAPH;
          break;
        }
      b.end = length;
      g_array_append_val (doc->blocks, b);
      block++;
    }

  doc->length = length;
  doc->text = g_string_free (s, FALSE);
  g_assert (g_utf8_strlen (doc->text, -1) == length);

  /* Highlights: mostly a sentence or two, some long, many overlapping. */
  doc->strings = g_string_chunk_new (4096);
  doc->highlights = g_array_new (FALSE, FALSE, sizeof (DossierViewHighlight));
  for (guint i = 0; i < n_highlights; i++)
    {
      DossierViewHighlight h = { 0 };
      int c = g_rand_int_range (rand, 0, N_COLORS);
      gint64 len = g_rand_int_range (rand, 0, 10) == 0 ? g_rand_int_range (rand, 400, 3000)
                                                      : g_rand_int_range (rand, 20, 400);
      g_autofree char *tooltip = g_strdup_printf ("<b>%s</b>\nMemo %u", tag_names[c], i);

      h.id = i + 1;
      h.start = g_rand_int_range (rand, 0, (gint32) (length - 1));
      h.end = MIN (length, h.start + len);
      gdk_rgba_parse (&h.color, palette[c]);
      h.label = g_string_chunk_insert_const (doc->strings, tag_names[c]);
      h.tooltip = g_string_chunk_insert (doc->strings, tooltip);
      g_array_append_val (doc->highlights, h);
    }

  return doc;
}

/* ---- Measuring --------------------------------------------------------------- */

static double
percentile (GArray *values,
            double  p)
{
  double *v;
  guint i;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  v = (double *) (gpointer) values->data;
  i = (guint) (p * (values->len - 1) + 0.5);
  return v[MIN (i, values->len - 1)];
}

typedef struct
{
  DossierDocumentView *view;            /* NULL for the bare text view */
  GtkWidget           *queue;           /* what wait_frames redraws */
  guint                frames;
  Stamp                first_painted;   /* first after-paint with the visible range painted */
  gboolean             have_first;
  Stamp                frame_start;
  gboolean             recording;
  GArray              *frame_wall;      /* double ms per frame, while recording */
  GArray              *frame_cpu;
} Watch;

static void
on_update (GdkFrameClock *clock,
           Watch         *w)
{
  w->frame_start = stamp ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Watch         *w)
{
  w->frames++;
  if (!w->have_first && (w->view == NULL || dossier_document_view_is_visible_painted (w->view)))
    {
      w->first_painted = stamp ();
      w->have_first = TRUE;
    }
  if (w->recording && w->frame_start.wall != 0)
    {
      Ms ms = since (w->frame_start);

      g_array_append_val (w->frame_wall, ms.wall);
      g_array_append_val (w->frame_cpu, ms.cpu);
    }
  w->frame_start.wall = 0;
}

static void
watch_init (Watch               *w,
            GtkWidget           *window,
            GtkWidget           *queue,
            DossierDocumentView *view)
{
  memset (w, 0, sizeof *w);
  w->view = view;
  w->queue = queue;
  w->frame_wall = g_array_new (FALSE, FALSE, sizeof (double));
  w->frame_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  while (!gtk_widget_get_mapped (queue))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "update", G_CALLBACK (on_update), w);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), w);
}

static void
watch_finish (Watch     *w,
              GtkWidget *window)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (window), w);
  g_array_unref (w->frame_wall);
  g_array_unref (w->frame_cpu);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits for @n more frames, asking for them: a view with nothing to
 * redraw would not produce any. */
static void
wait_frames (Watch *w,
             guint  n)
{
  guint target = w->frames + n;

  while (w->frames < target)
    {
      guint frames = w->frames;

      gtk_widget_queue_draw (w->queue);
      while (w->frames == frames)
        g_main_context_iteration (NULL, TRUE);
    }
}

static Ms
wait_first_paint (Watch *w,
                  Stamp  t0)
{
  while (!w->have_first)
    g_main_context_iteration (NULL, TRUE);
  return (Ms) { (w->first_painted.wall - t0.wall) / 1000.0, (w->first_painted.cpu - t0.cpu) / 1000.0 };
}

/* Until every line is laid out and nothing is pending (or 30 s). */
static Ms
wait_idle (Stamp t0)
{
  while (g_main_context_pending (NULL) && since (t0).wall < 30000)
    g_main_context_iteration (NULL, FALSE);
  return since (t0);
}

typedef struct
{
  GtkAdjustment *adj;
  double         step;
  int            left;
} Scroll;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Scroll *sc = data;

  if (sc->left-- <= 0)
    return G_SOURCE_REMOVE;
  gtk_adjustment_set_value (sc->adj, gtk_adjustment_get_value (sc->adj) + sc->step);
  return G_SOURCE_CONTINUE;
}

/* 150 frames of 60 px from the top; the median and 95th percentile. */
static void
scroll_frames (Watch         *w,
               GtkAdjustment *adj,
               Ms            *median,
               Ms            *p95)
{
  Scroll scroll = { adj, 60, 150 };

  gtk_adjustment_set_value (adj, 0);
  wait_frames (w, 2);
  g_array_set_size (w->frame_wall, 0);
  g_array_set_size (w->frame_cpu, 0);
  w->recording = TRUE;
  gtk_widget_add_tick_callback (w->queue, scroll_tick, &scroll, NULL);
  while (scroll.left > 0)
    g_main_context_iteration (NULL, TRUE);
  wait_frames (w, 1);
  w->recording = FALSE;
  *median = (Ms) { percentile (w->frame_wall, 0.5), percentile (w->frame_cpu, 0.5) };
  *p95 = (Ms) { percentile (w->frame_wall, 0.95), percentile (w->frame_cpu, 0.95) };
}

typedef struct
{
  Ms     floor;
  Ms     plain_first;
  Ms     plain_idle;
  Ms     plain_scroll;
  Ms     plain_scroll_p95;
  Ms     set_text;
  Ms     set_highlights;
  Ms     first_paint;
  Ms     all_applied;
  Ms     idle;
  Ms     add_call;
  Ms     add_frame;
  Ms     remove_call;
  Ms     scroll;
  Ms     scroll_p95;
  Ms     jump;
  double rss;
} Run;

static GtkWidget *
bench_window (void)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  return window;
}

/* The same text in a bare GtkTextView (no tags, no margin, fixed side
 * margins): what GTK itself costs to show and scroll it. */
static void
run_plain (Document *doc,
           Run      *r)
{
  GtkWidget *window = bench_window ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text_view = gtk_text_view_new ();
  Watch watch;
  Stamp t0;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 250);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 250);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  watch_init (&watch, window, text_view, NULL);
  wait_frames (&watch, 2);

  t0 = stamp ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), doc->text, -1);
  watch.have_first = FALSE;
  r->plain_first = wait_first_paint (&watch, t0);
  r->plain_idle = wait_idle (t0);
  scroll_frames (&watch, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view)),
                 &r->plain_scroll, &r->plain_scroll_p95);

  watch_finish (&watch, window);
}

static Ms
median_ms (GArray *wall,
           GArray *cpu)
{
  return (Ms) { percentile (wall, 0.5), percentile (cpu, 0.5) };
}

static void
run_view (Document *doc,
          Run      *r)
{
  g_autoptr(GtkTextBuffer) floor_buffer = gtk_text_buffer_new (NULL);
  g_autoptr(GArray) call_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) call_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GtkWidget *window = bench_window ();
  DossierDocumentView *view;
  Watch watch;
  Stamp t0;
  Ms ms;

  /* The floor: the text into a bare buffer. */
  t0 = stamp ();
  gtk_text_buffer_set_text (floor_buffer, doc->text, -1);
  r->floor = since (t0);

  view = DOSSIER_DOCUMENT_VIEW (dossier_document_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  watch_init (&watch, window, GTK_WIDGET (view), view);
  wait_frames (&watch, 2);

  /* Show the document, as when the user picks it in the sidebar. */
  t0 = stamp ();
  dossier_document_view_set_text (view, doc->text,
                                  (const DossierBlock *) (gpointer) doc->blocks->data,
                                  doc->blocks->len);
  r->set_text = since (t0);
  dossier_document_view_set_highlights (view,
                                        (const DossierViewHighlight *) (gpointer) doc->highlights->data,
                                        doc->highlights->len);
  ms = since (t0);
  r->set_highlights = (Ms) { ms.wall - r->set_text.wall, ms.cpu - r->set_text.cpu };
  watch.have_first = FALSE;
  r->first_paint = wait_first_paint (&watch, t0);
  while (!dossier_document_view_is_painted (view))
    g_main_context_iteration (NULL, TRUE);
  r->all_applied = since (t0);
  r->idle = wait_idle (t0);
  r->rss = resident_mb ();

  /* Tag a selection: one more highlight in view; the call, then its frame. */
  spans = g_array_copy (doc->highlights);
  for (int k = 0; k < 9; k++)
    {
      DossierViewHighlight h = g_array_index (doc->highlights, DossierViewHighlight, k);
      guint frames = watch.frames;

      h.id = 100000 + k;
      h.start = 200 + 40 * k;
      h.end = h.start + 30;
      g_array_append_val (spans, h);

      t0 = stamp ();
      dossier_document_view_set_highlights (view, (const DossierViewHighlight *) (gpointer) spans->data,
                                            spans->len);
      ms = since (t0);
      g_array_append_val (call_wall, ms.wall);
      g_array_append_val (call_cpu, ms.cpu);
      g_assert (dossier_document_view_is_painted (view));
      while (watch.frames == frames)
        g_main_context_iteration (NULL, TRUE);
      ms = since (t0);
      g_array_append_val (frame_wall, ms.wall);
      g_array_append_val (frame_cpu, ms.cpu);
    }
  r->add_call = median_ms (call_wall, call_cpu);
  r->add_frame = median_ms (frame_wall, frame_cpu);

  /* Remove one (undo): the same path the other way. */
  g_array_set_size (call_wall, 0);
  g_array_set_size (call_cpu, 0);
  for (int k = 0; k < 5; k++)
    {
      g_array_remove_index (spans, spans->len - 1);
      t0 = stamp ();
      dossier_document_view_set_highlights (view, (const DossierViewHighlight *) (gpointer) spans->data,
                                            spans->len);
      ms = since (t0);
      g_array_append_val (call_wall, ms.wall);
      g_array_append_val (call_cpu, ms.cpu);
      wait_frames (&watch, 1);
    }
  r->remove_call = median_ms (call_wall, call_cpu);

  scroll_frames (&watch, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (dossier_document_view_get_text_view (view))),
                 &r->scroll, &r->scroll_p95);

  /* Jumps to random places (a highlight activated in the side panel):
   * the slower of the two frames that follow. */
  for (int k = 0; k < 15; k++)
    {
      g_array_set_size (watch.frame_wall, 0);
      g_array_set_size (watch.frame_cpu, 0);
      watch.recording = TRUE;
      dossier_document_view_scroll_to (view, g_rand_int_range (rand, 0, (gint32) doc->length));
      wait_frames (&watch, 2);
      watch.recording = FALSE;
      ms = (Ms) { percentile (watch.frame_wall, 1.0), percentile (watch.frame_cpu, 1.0) };
      g_array_append_val (jump_wall, ms.wall);
      g_array_append_val (jump_cpu, ms.cpu);
    }
  r->jump = median_ms (jump_wall, jump_cpu);

  watch_finish (&watch, window);
}

#define MEDIAN_OF(field) median_of (runs, n_runs, G_STRUCT_OFFSET (Run, field))

static Ms
median_of (const Run *runs,
           guint      n,
           gsize      offset)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      const Ms *ms = &G_STRUCT_MEMBER (Ms, &runs[i], offset);

      g_array_append_val (wall, ms->wall);
      g_array_append_val (cpu, ms->cpu);
    }
  return median_ms (wall, cpu);
}

static void
row (const char *what,
     Ms          ms,
     Ms          floor,
     const char *target)
{
  g_autofree char *ratio = floor.cpu > 0 ? g_strdup_printf ("%6.1f×", ms.cpu / floor.cpu) : g_strdup ("");

  g_print ("%-48s %9.1f %9.1f %8s   %s\n", what, ms.wall, ms.cpu, ratio, target);
}

int
main (int   argc,
      char *argv[])
{
  int n_runs = 5;
  int bytes = 1000000;
  int n_highlights = 5000;
  gboolean verbose = FALSE;
  GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Number of runs (default 5)", "N" },
    { "bytes", 'b', 0, G_OPTION_ARG_INT, &bytes, "Document size in bytes (default 1000000)", "N" },
    { "highlights", 'n', 0, G_OPTION_ARG_INT, &n_highlights, "Highlights (default 5000)", "N" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print each run", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the document view");
  g_autoptr(GError) error = NULL;
  g_autofree Run *runs = NULL;
  double load[3] = { 0 };
  Document *doc;
  Ms floor, none = { 0, 0 };

  /* The CPU time of this thread: GTK draws on it too, and what else the
   * machine does (wall time counts the waits for a core) is left out. */
  bench_count_thread_cpu ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-view: %s\n", error->message);
      return 2;
    }
  n_runs = MAX (n_runs, 1);

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-view: no display; run it as: xvfb-run -a %s\n", argv[0]);
      return 2;
    }

  doc = make_document ((gsize) bytes, (guint) n_highlights);
  runs = g_new0 (Run, n_runs);

  /* A warm-up run: fonts, glyph caches, the theme. */
  run_view (doc, &runs[0]);
  for (int i = 0; i < n_runs; i++)
    {
      run_plain (doc, &runs[i]);
      run_view (doc, &runs[i]);
      if (verbose)
        g_printerr ("run %d: set_text %.1f, first paint %.1f, all applied %.1f, add one %.2f ms (wall)\n",
                    i + 1, runs[i].set_text.wall, runs[i].first_paint.wall,
                    runs[i].all_applied.wall, runs[i].add_call.wall);
    }

  if (getloadavg (load, 3) < 0)
    load[0] = -1;
  floor = MEDIAN_OF (floor);
  g_print ("bench-view: %zu bytes, %" G_GINT64_FORMAT " code points, %u blocks, %u highlights in %d colours\n"
           "window 1100×800, GSK_RENDERER=%s, medians of %d runs, load average %.1f\n"
           "wall = elapsed time; cpu = this thread's CPU time (what it costs on an idle machine);\n"
           "÷ floor = cpu ÷ cpu of gtk_text_buffer_set_text on a bare buffer\n\n",
           strlen (doc->text), doc->length, doc->blocks->len, doc->highlights->len, N_COLORS,
           g_getenv ("GSK_RENDERER"), n_runs, load[0]);
  g_print ("%-48s %9s %9s %8s   %s\n", "operation (ms)", "wall", "cpu", "÷ floor", "target");
  row ("floor: gtk_text_buffer_set_text, bare buffer", floor, floor, "");
  row ("reference: bare GtkTextView, first frame", MEDIAN_OF (plain_first), floor, "");
  row ("reference: bare GtkTextView, all lines laid out", MEDIAN_OF (plain_idle), floor, "");
  row ("set_text with blocks", MEDIAN_OF (set_text), floor, "");
  row ("set_highlights, all (the call)", MEDIAN_OF (set_highlights), floor, "");
  row ("first frame, visible range highlighted", MEDIAN_OF (first_paint), floor, "< 200");
  row ("all highlights applied", MEDIAN_OF (all_applied), floor, "");
  row ("all lines laid out, main loop idle", MEDIAN_OF (idle), floor, "");
  row ("add one highlight: set_highlights call", MEDIAN_OF (add_call), none, "< 16");
  row ("add one highlight: until its frame is painted", MEDIAN_OF (add_frame), none, "(waits for the frame clock)");
  row ("remove one highlight: set_highlights call", MEDIAN_OF (remove_call), none, "< 16");
  row ("reference: bare GtkTextView scrolling, frame", MEDIAN_OF (plain_scroll), none, "");
  row ("reference: bare GtkTextView scrolling, 95th pct", MEDIAN_OF (plain_scroll_p95), none, "");
  row ("scrolling 60 px per frame: frame", MEDIAN_OF (scroll), none, "< 16");
  row ("scrolling 60 px per frame: frame, 95th pct", MEDIAN_OF (scroll_p95), none, "< 16");
  row ("jump to a random offset: slower of 2 frames", MEDIAN_OF (jump), none, "");
  {
    g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));

    for (int i = 0; i < n_runs; i++)
      g_array_append_val (rss, runs[i].rss);
    g_print ("%-48s %9.1f MB resident                 < 150 MB\n", "memory after showing it (whole process)",
             percentile (rss, 0.5));
  }

  return 0;
}
