/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-clock.c — clocks, memory and words for the benches (see
 * bench-clock.h). */
#include "config.h"

#include <string.h>
#include <time.h>

#include "bench-clock.h"

static clockid_t cpu_clock = CLOCK_PROCESS_CPUTIME_ID;

void
bench_count_thread_cpu (void)
{
  cpu_clock = CLOCK_THREAD_CPUTIME_ID;
}

static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (cpu_clock, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

Stamp
stamp (void)
{
  return (Stamp) { g_get_monotonic_time (), cpu_now () };
}

Ms
between (Stamp a,
         Stamp b)
{
  return (Ms) { (b.wall - a.wall) / 1000.0, (b.cpu - a.cpu) / 1000.0 };
}

Ms
since (Stamp a)
{
  return between (a, stamp ());
}

double
resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}

int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static const char * const words[] = {
  "the", "council", "harbour", "bridge", "vote", "budget", "residents", "plan", "of",
  "and", "to", "a", "in", "ferry", "tolls", "traffic", "would", "said", "engineers",
  "report", "costs", "risks", "café", "naïve", "résumé", "façade", "déjà", "Zürich",
  "“temporary”", "“final”", "years", "million", "works", "shops", "district", "mayor",
  "opposition", "referendum", "funding", "regional", "transport", "office", "estimate",
  "construction", "summer", "delays", "noise", "2027", "€212", "for", "with", "on",
  "市议会", "桥梁", "😀", "🚋", "impact", "study", "survey", "public", "hearing",
};

const char *
random_word (GRand *rand)
{
  return words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
}
