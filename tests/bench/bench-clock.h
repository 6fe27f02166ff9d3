/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-clock.h — what bench-view, bench-window and bench-briefing
 * share: wall and CPU time read together, figures in milliseconds, the
 * resident memory, and the words of generated articles. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A figure: wall and CPU milliseconds. */
typedef struct
{
  double wall;
  double cpu;
} Ms;

typedef struct
{
  gint64 wall;   /* µs, monotonic */
  gint64 cpu;    /* µs of CPU time, this process's or this thread's */
} Stamp;

/* Counts the CPU time of the calling thread from now on, not the
 * process's: what an operation costs on the thread GTK draws on,
 * whatever else the machine is doing. */
void        bench_count_thread_cpu (void);
Stamp       stamp                  (void);
Ms          between                (Stamp         a,
                                    Stamp         b);
Ms          since                  (Stamp         a);
/* The resident memory of this process, in MB (0 if unknown). */
double      resident_mb            (void);
/* For g_array_sort () of doubles. */
int         compare_doubles        (gconstpointer a,
                                    gconstpointer b);
/* A word for generated text (accents, curly quotes, CJK, emoji among
 * them), chosen with @rand. */
const char *random_word            (GRand        *rand);

G_END_DECLS
