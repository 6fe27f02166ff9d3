/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-anchor.h — re-placing a highlight in a new version of a text.
 *
 * A highlight is anchored by its offsets and by its exact quote with up to
 * 32 code points of prefix and suffix (like W3C TextQuoteSelector). When the
 * text changes, dossier_anchor_locate() finds it again: the exact match of
 * the quote whose context agrees best (the old offsets winning ties, nearest
 * otherwise), else an approximate match; else it is orphaned. An identical
 * quote that an edit moved onto the old offsets does not keep the highlight
 * there unless its context agrees as well as any other occurrence's.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_ANCHOR_EXACT_POSITION,  /* quote still at the old offsets, best context there */
  DOSSIER_ANCHOR_EXACT_QUOTE,     /* quote found elsewhere (best context, nearest) */
  DOSSIER_ANCHOR_APPROXIMATE,     /* fuzzy match of the quote */
  DOSSIER_ANCHOR_ORPHANED,        /* not found: keep the highlight, list it */
} DossierAnchorOutcome;

typedef struct
{
  const char *quote;
  const char *prefix;   /* may be NULL or "" */
  const char *suffix;   /* may be NULL or "" */
  gint64      start;    /* old offsets, code points */
  gint64      end;
} DossierTextQuote;

/* A text prepared once for locating many quotes in it (UCS-4 copy). */
typedef struct _DossierAnchorText DossierAnchorText;

DossierAnchorText    *dossier_anchor_text_new    (const char             *text);
void                  dossier_anchor_text_free   (DossierAnchorText      *self);
gint64                dossier_anchor_text_length (DossierAnchorText      *self);

/* On success other than ORPHANED, *start and *end are the new offsets and
 * the text at them is what the highlight now quotes. */
DossierAnchorOutcome  dossier_anchor_locate      (DossierAnchorText      *text,
                                                  const DossierTextQuote *quote,
                                                  gint64                 *start,
                                                  gint64                 *end);

const char           *dossier_anchor_outcome_to_string (DossierAnchorOutcome outcome);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierAnchorText, dossier_anchor_text_free)

G_END_DECLS
