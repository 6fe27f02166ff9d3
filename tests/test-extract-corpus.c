/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extract-corpus.c — the HTML importer on the corpora of saved pages
 * in tests/fixtures/html-corpus*: the figures must not fall below their
 * floors (see extract-score.h for how pages are compared, and the
 * README's "Article extraction" for today's figures).
 */

#include "config.h"

#include <math.h>

#include "extract-score.h"

/* The floors, per corpus: html-corpus, the pages the rules were written
 * on; html-corpus-heldout and -heldout2, pages written blind and scored
 * before the rules saw them (README's "Article extraction, measured" has
 * the figures before and after). Every corpus reads at 100% titles, 98%
 * or more bylines and a mean F1 of 0.97 or more today; the floors are the
 * targets for pages nobody here has seen, which leaves room for a page or
 * two to change, not for a rule that breaks a kind of site. */
typedef struct
{
  const char *dir;
  guint       min_pages;   /* a corpus that shrank would make its floors mean little */
  double      title;
  double      byline;
  double      mean_f1;
} Corpus;

static const Corpus corpora[] = {
  { "html-corpus", 69, 0.95, 0.90, 0.96 },
  { "html-corpus-heldout", 57, 0.95, 0.90, 0.96 },
  { "html-corpus-heldout2", 15, 0.95, 0.90, 0.96 },
};

/* No page below this: the hardest pages today (a contribution appeal
 * printed inside the body) are at 0.84; a wrong article root — another
 * story, a comment thread, half the body — costs far more than the 0.04
 * margin, so it fails here even where the mean hides it. */
#define PAGE_F1_FLOOR 0.80

static ExtractReport *
run_corpus (const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  ExtractReport *report = extract_report_run (dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_corpus_floors (gconstpointer data)
{
  const Corpus *corpus = data;
  g_autoptr(ExtractReport) report = run_corpus (corpus->dir);
  guint low = 0, failed = 0, noted = 0;

  g_assert_cmpuint (report->pages->len, >=, corpus->min_pages);

  for (guint i = 0; i < report->pages->len; i++)
    {
      ExtractScore *s = g_ptr_array_index (report->pages, i);

      if (s->error != NULL)
        {
          g_test_message ("%s: import failed: %s", s->name, s->error);
          failed++;
        }
      /* Saved whole: no page looks cut off. */
      if (s->n_notes > 0)
        {
          g_test_message ("%s: %u notes", s->name, s->n_notes);
          noted++;
        }
      if (!s->title_ok)
        g_test_message ("%s: title '%s', expected '%s'", s->name,
                        s->title != NULL ? s->title : "", s->expected_title);
      if (!s->byline_ok)
        g_test_message ("%s: byline '%s', expected '%s'", s->name,
                        s->byline != NULL ? s->byline : "", s->expected_byline);
      if (s->f1 < PAGE_F1_FLOOR)
        {
          g_test_message ("%s: F1 %.3f (precision %.3f, recall %.3f) below %.2f", s->name,
                          s->f1, s->precision, s->recall, PAGE_F1_FLOOR);
          low++;
        }
    }
  g_test_message ("%s, %u pages: title %.1f%%, byline %.1f%%, mean F1 %.3f, min F1 %.3f (%s)",
                  corpus->dir, report->pages->len, 100 * report->title_accuracy,
                  100 * report->byline_accuracy, report->mean_f1, report->min_f1,
                  report->min_f1_page);

  g_assert_cmpfloat (report->title_accuracy, >=, corpus->title);
  g_assert_cmpfloat (report->byline_accuracy, >=, corpus->byline);
  g_assert_cmpfloat (report->mean_f1, >=, corpus->mean_f1);
  g_assert_cmpuint (low, ==, 0);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpuint (noted, ==, 0);
}

/* The scorer itself: it is what the floors rest on. */
static void
test_token_f1 (void)
{
  double p, r, f1;

  f1 = extract_token_f1 ("The bridge opens today.", "the bridge  OPENS today", &p, &r);
  g_assert_cmpfloat (fabs (f1 - 1.0), <, 1e-9);

  /* Half the text missing: recall 0.5, precision 1. */
  f1 = extract_token_f1 ("one two three four", "one two", &p, &r);
  g_assert_cmpfloat (fabs (p - 1.0), <, 1e-9);
  g_assert_cmpfloat (fabs (r - 0.5), <, 1e-9);
  g_assert_cmpfloat (fabs (f1 - 2.0 / 3.0), <, 1e-9);

  /* The same text twice: precision 0.5. */
  f1 = extract_token_f1 ("a b c", "a b c a b c", &p, &r);
  g_assert_cmpfloat (fabs (p - 0.5), <, 1e-9);
  g_assert_cmpfloat (fabs (r - 1.0), <, 1e-9);

  /* Chinese and Japanese by character, so a missing sentence counts. */
  f1 = extract_token_f1 ("长江水位上涨。", "长江水位", &p, &r);
  g_assert_cmpfloat (fabs (r - 4.0 / 6.0), <, 1e-9);

  /* Nothing found at all. */
  f1 = extract_token_f1 ("text", "", &p, &r);
  g_assert_cmpfloat (f1, ==, 0.0);
}

static void
test_title_match (void)
{
  g_assert_true (extract_title_match ("Mayor’s plan — approved", "mayor's plan - approved"));
  g_assert_true (extract_title_match ("  A  headline ", "A headline"));
  g_assert_false (extract_title_match ("A headline", "A headline | The Site"));
  g_assert_false (extract_title_match ("A headline", NULL));
}

static void
test_byline_match (void)
{
  g_assert_true (extract_byline_match ("Jane Doe, John Roe", "John Roe and Jane Doe"));
  g_assert_true (extract_byline_match ("Jane Doe", "JANE DOE"));
  g_assert_true (extract_byline_match ("王立新、陈佳", "王立新, 陈佳"));
  g_assert_true (extract_byline_match ("", NULL));
  g_assert_false (extract_byline_match ("", "The Site"));
  g_assert_false (extract_byline_match ("Jane Doe", "Jane Doe, John Roe"));
  g_assert_false (extract_byline_match ("Jane Doe", NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (corpora); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dossier/extract-corpus/floors/%s", corpora[i].dir);

      g_test_add_data_func (path, &corpora[i], test_corpus_floors);
    }
  g_test_add_func ("/dossier/extract-corpus/token-f1", test_token_f1);
  g_test_add_func ("/dossier/extract-corpus/title-match", test_title_match);
  g_test_add_func ("/dossier/extract-corpus/byline-match", test_byline_match);

  return g_test_run ();
}
