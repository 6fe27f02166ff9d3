/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-panel-timing.c — timing and reporting shared by the panel benches. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench-panel-timing.h"

double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
median (const double *values)
{
  double sorted[RUNS];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, RUNS, sizeof (double), compare_double);
  return sorted[RUNS / 2];
}

void
report (const char    *what,
        const Samples *s,
        const Samples *floor,
        double         target)
{
  double wall = median (s->wall);
  double floor_wall = median (floor->wall);

  g_print ("%-46s %8.1f ms (cpu %6.1f)  floor %7.2f ms  ×%-6.1f target < %3.0f ms  %s\n",
           what, wall, median (s->cpu), floor_wall, floor_wall > 0 ? wall / floor_wall : 0,
           target, wall < target ? "ok" : "OVER");
}

void
use_default_renderer (void)
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
}

void
wait_refresh_interval (void)
{
  gint64 until = g_get_monotonic_time () + 16667;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

void
show_and_time (GtkWindow *window,
               GtkWidget *child,
               double     start_wall,
               double     start_cpu,
               Samples   *s,
               int        run)
{
  gtk_window_set_child (window, child);
  gtk_test_widget_wait_for_draw (child);
  s->wall[run] = now_ms () - start_wall;
  s->cpu[run] = cpu_ms () - start_cpu;
}

static const char item_ui[] =
  "<interface><template class=\"GtkListItem\"><property name=\"child\">"
  "<object class=\"GtkLabel\"><binding name=\"label\">"
  "<lookup name=\"string\" type=\"GtkStringObject\">"
  "<lookup name=\"item\">GtkListItem</lookup></lookup></binding></object>"
  "</property></template></interface>";

/* A GtkListView of @n labels "@noun 0", "@noun 1"…, scrolled. */
static GtkWidget *
plain_list (guint       n,
            const char *noun)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", noun, i);

      gtk_string_list_append (strings, name);
    }
  factory = gtk_builder_list_item_factory_new_from_bytes (NULL, g_bytes_new_static (item_ui,
                                                                                   strlen (item_ui)));
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&strings)))),
                            factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  return scrolled;
}

void
floor_list (GtkWindow  *window,
            guint       n,
            const char *noun,
            Samples    *s)
{
  for (int run = 0; run < RUNS; run++)
    {
      double w = now_ms (), c = cpu_ms ();

      show_and_time (window, plain_list (n, noun), w, c, s, run);
      gtk_window_set_child (window, NULL);
    }
}
