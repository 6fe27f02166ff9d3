/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract-report.c — prints how well the HTML importer reads the corpus of
 * saved pages in tests/fixtures/html-corpus (or the folder given): title
 * and byline accuracy, token F1 of the article text, page by page.
 *
 *   _build/tests/extract-report [--verbose] [--show NAME] [DIR]
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-score.h"

int
main (int    argc,
      char **argv)
{
  gboolean verbose = FALSE;
  g_autofree char *show = NULL;
  GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      "Show the title and byline found where they are wrong", NULL },
    { "show", 's', 0, G_OPTION_ARG_STRING, &show,
      "Print the text imported from page NAME and the words it gets wrong", "NAME" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[DIR] — score the HTML importer");
  g_autoptr(GError) error = NULL;
  g_autoptr(ExtractReport) report = NULL;
  const char *dir;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "extract-report: %s\n", error->message);
      return 2;
    }
  dir = argc > 1 ? argv[1] : EXTRACT_CORPUS_DIR;
  report = extract_report_run (dir, &error);
  if (report == NULL)
    {
      fprintf (stderr, "extract-report: %s\n", error->message);
      return 1;
    }

  printf ("%-40s %5s %6s %6s %6s %6s\n", "page", "title", "byline", "P", "R", "F1");
  for (guint i = 0; i < report->pages->len; i++)
    {
      ExtractScore *s = g_ptr_array_index (report->pages, i);

      printf ("%-40s %5s %6s %6.3f %6.3f %6.3f\n", s->name, s->title_ok ? "ok" : "WRONG",
              s->byline_ok ? "ok" : "WRONG", s->precision, s->recall, s->f1);
      if (s->error != NULL)
        printf ("    import failed: %s\n", s->error);
      if (verbose && !s->title_ok)
        printf ("    title  want “%s”\n           got  “%s”\n", s->expected_title,
                s->title != NULL ? s->title : "(none)");
      if (verbose && !s->byline_ok)
        printf ("    byline want “%s”\n           got  “%s”\n", s->expected_byline,
                s->byline != NULL ? s->byline : "(none)");
      if (show != NULL && strcmp (show, s->name) == 0 && s->text != NULL)
        {
          g_autofree char *diff = extract_token_diff (s->expected_text, s->text);

          printf ("---- title: %s\n---- byline: %s\n%s---- words: %s\n",
                  s->title != NULL ? s->title : "(none)",
                  s->byline != NULL ? s->byline : "(none)", s->text, diff);
        }
    }
  printf ("\n%u pages: title %.1f%%, byline %.1f%%, token F1 mean %.3f, min %.3f (%s)\n",
          report->pages->len, 100 * report->title_accuracy, 100 * report->byline_accuracy,
          report->mean_f1, report->min_f1, report->min_f1_page);
  return 0;
}
