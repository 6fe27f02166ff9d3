/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-line-cuts.c — where the reader cuts one huge line into lines
 * (dossier_unbroken_runs_line_cuts), on what a document from someone else
 * may be: one line of 5 or 50 MB of flags, of family emoji, of hands with
 * a skin tone, of words. The floor is a plain ASCII line of the same size
 * without a space, cut in the same run: the least a cut every so many
 * characters costs.
 *
 *   bench-line-cuts [--runs N] [--mb N]…
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "bench-clock.h"
#include "dossier-unbroken-runs.h"

typedef struct
{
  const char *name;
  const char *unit;   /* repeated to the size */
} Line;

static const Line lines[] = {
  { "floor: ASCII, no space", "x" },
  { "ASCII words", "bridge " },
  { "flags", "🇫🇷🇩🇪🇯🇵" },
  { "families (ZWJ)", "👨\u200D👩\u200D👧" },
  { "hands with a skin tone", "👋\U0001F3FD" },
};

static char *
make_line (const char *unit,
           gsize       bytes)
{
  gsize n = strlen (unit);
  GString *text = g_string_sized_new (bytes + n);

  while (text->len + n <= bytes)
    g_string_append_len (text, unit, n);
  return g_string_free (text, FALSE);
}

/* The median CPU and wall time of cutting @text, in @ms; its cuts in
 * @n_cuts. */
static void
time_cuts (const char *text,
           int         n_runs,
           Ms         *ms,
           guint      *n_cuts)
{
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  gsize length = strlen (text);

  for (int r = 0; r < n_runs; r++)
    {
      Stamp t = stamp ();
      g_autoptr(GArray) cuts = dossier_unbroken_runs_line_cuts (text, length, DOSSIER_UNBROKEN_LINE_CHARS);
      Ms took = since (t);

      g_array_append_val (cpu, took.cpu);
      g_array_append_val (wall, took.wall);
      *n_cuts = cuts->len;
    }
  g_array_sort (cpu, compare_doubles);
  g_array_sort (wall, compare_doubles);
  ms->cpu = g_array_index (cpu, double, n_runs / 2);
  ms->wall = g_array_index (wall, double, n_runs / 2);
}

int
main (int   argc,
      char *argv[])
{
  int n_runs = 5;
  g_auto(GStrv) sizes = NULL;
  GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Runs per line (default 5)", "N" },
    { "mb", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &sizes, "A line's size in MB (default 5 and 50)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the cuts of one huge line");
  g_autoptr(GError) error = NULL;
  const char *const default_sizes[] = { "5", "50", NULL };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-line-cuts: %s\n", error->message);
      return 2;
    }
  n_runs = CLAMP (n_runs, 1, 64);

  printf ("bench-line-cuts: one line, cut every %d code points at most; medians of %d runs\n"
           "cpu = this process's CPU time; ÷ floor = cpu ÷ cpu of the ASCII line of the same size\n\n",
           DOSSIER_UNBROKEN_LINE_CHARS, n_runs);
  printf ("%-30s %6s %9s %9s %9s %9s\n", "line", "MB", "wall ms", "cpu ms", "÷ floor", "cuts");
  for (const char *const *size = sizes != NULL ? (const char *const *) sizes : default_sizes; *size != NULL; size++)
    {
      gsize bytes = (gsize) (g_ascii_strtod (*size, NULL) * 1000 * 1000);
      double floor_cpu = 0;

      for (gsize l = 0; l < G_N_ELEMENTS (lines); l++)
        {
          g_autofree char *text = make_line (lines[l].unit, bytes);
          Ms ms;
          guint n_cuts = 0;

          time_cuts (text, n_runs, &ms, &n_cuts);
          if (l == 0)
            floor_cpu = ms.cpu;
          printf ("%-30s %6s %9.1f %9.1f %7.1f× %9u\n", lines[l].name, *size, ms.wall, ms.cpu,
                   floor_cpu > 0 ? ms.cpu / floor_cpu : 0, n_cuts);
        }
    }
  return 0;
}
