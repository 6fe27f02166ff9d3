/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract-score.h — how well the HTML importer reads a corpus of saved
 * pages whose title, byline and article text are known.
 *
 * Each page NAME.html in the corpus folder has a sidecar NAME.expected:
 *
 *   title: The headline as a reader would write it down
 *   byline: Jane Doe, John Roe          (empty: the page names nobody)
 *   # comments
 *   ---
 *   the article's text, one block a line (standfirst, paragraphs,
 *   headings, list items, quotes, captions), without the title
 *
 * Titles match when equal after case folding, NFKC, white space and
 * typographic quotes and dashes; bylines when they name the same set of
 * people (in any order, joined by commas or "and"). The body is scored by
 * token F1 against the expected text: the multiset of words (each CJK
 * character a word of its own), case-folded, of the imported text without
 * its title block, as reader-mode evaluations do.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char    *name;            /* NAME, without .html */
  char    *expected_title;
  char    *expected_byline; /* "" when the page names nobody */
  char    *title;           /* as imported; NULL if the import failed */
  char    *byline;
  char    *text;            /* the imported text without its title, a block a line */
  char    *expected_text;
  char    *error;           /* the import's error message, or NULL */
  guint    n_notes;         /* the import's notes (a page that looks cut off…) */
  gboolean title_ok;
  gboolean byline_ok;
  double   precision;
  double   recall;
  double   f1;
} ExtractScore;

typedef struct
{
  GPtrArray *pages;         /* ExtractScore */
  double     title_accuracy;
  double     byline_accuracy;
  double     mean_f1;
  double     min_f1;
  const char *min_f1_page;
} ExtractReport;

/* Imports and scores every NAME.html that has a NAME.expected in @dir, in
 * name order. NULL with @error set if @dir cannot be read or holds no page,
 * or a sidecar is malformed. */
ExtractReport *extract_report_run  (const char     *dir,
                                    GError        **error);
void           extract_report_free (ExtractReport  *report);

/* Exposed for the scorer's own tests. */
double         extract_token_f1    (const char     *expected,
                                    const char     *got,
                                    double         *precision,
                                    double         *recall);
gboolean       extract_title_match (const char     *expected,
                                    const char     *got);
gboolean       extract_byline_match (const char    *expected,
                                     const char    *got);
/* The words @got has more of than @expected ("+word ×2"), then the ones it
 * has fewer of ("-word"), most frequent first: what a page got wrong. */
char          *extract_token_diff   (const char    *expected,
                                     const char    *got);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExtractReport, extract_report_free)

G_END_DECLS
