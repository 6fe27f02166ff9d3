/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-panel-timing.h — what the panel benches (bench-stakeholders,
 * bench-arguments) share: RUNS samples of wall and CPU time, their medians,
 * one report line beside a floor, a widget timed to its first frame, and
 * the floor of a list: a GtkListView of plain labels. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RUNS 7

typedef struct
{
  double wall[RUNS];
  double cpu[RUNS];
} Samples;

double now_ms         (void);
/* This process's CPU time, user and system. */
double cpu_ms         (void);
double median         (const double  *values);
/* One line: @s's medians, @floor's wall median, the ratio and @target. */
void   report         (const char    *what,
                       const Samples *s,
                       const Samples *floor,
                       double         target);
/* The renderer the benches draw with unless GSK_RENDERER says otherwise:
 * cairo, as bench-window and the tests (with no GPU here, GL is Mesa's
 * software rasterizer). Call before GTK is initialized. */
void   use_default_renderer (void);
/* Runs the main loop for one refresh interval (60 Hz) after a frame, so
 * that the next action's frame is not held back by the frame clock: an
 * action comes as a person's does, not the instant after a frame (GDK
 * paints no sooner than a refresh interval after the last frame began). */
void   wait_refresh_interval (void);
/* Shows @child in @window and waits for its first frame; the time from
 * @start_wall / @start_cpu goes into @s at @run. */
void   show_and_time  (GtkWindow     *window,
                       GtkWidget     *child,
                       double         start_wall,
                       double         start_cpu,
                       Samples       *s,
                       int            run);
/* The floor of a list panel: a GtkListView of @n plain labels ("@noun
 * 0", "@noun 1"…) shown in @window, timed to its first frame, RUNS times
 * into @s. */
void   floor_list     (GtkWindow     *window,
                       guint          n,
                       const char    *noun,
                       Samples       *s);

G_END_DECLS
