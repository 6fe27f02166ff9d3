/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-find-bar.h — in-document search over a GtkTextView's buffer.
 *
 * A search bar (query, "n of m", previous and next) that finds every match
 * of the query, case-insensitively but keeping accents ("école" finds
 * "ÉCOLE", not "Ecole"), at code-point offsets, in time-sliced idles on a
 * long text. Matches are marked with the buffer tags
 * "dossier-search-match" and "dossier-search-current", kept above every
 * other tag. Closing the bar selects the match the user was looking at.
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-unbroken-runs.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_FIND_BAR (dossier_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (DossierFindBar, dossier_find_bar, DOSSIER, FIND_BAR, GtkWidget)

/* Searches @text_view's buffer, whose tag table gets the two match tags. */
GtkWidget *dossier_find_bar_new          (GtkTextView    *text_view);

/* Opens the bar (what Ctrl+F does): a short one-line selection becomes the
 * query; matches count from the selection or the caret. */
void       dossier_find_bar_start        (DossierFindBar *self);
void       dossier_find_bar_next         (DossierFindBar *self);
void       dossier_find_bar_previous     (DossierFindBar *self);
/* The buffer's whole text was replaced: forgets the matches, and searches
 * the new text if the bar is open. */
void       dossier_find_bar_text_changed (DossierFindBar *self);
/* Where the buffer holds a '\n' for another character of the text (a long
 * paragraph cut into lines), by offset: searched as that character.
 * Copied; takes effect at the next dossier_find_bar_text_changed(). */
void       dossier_find_bar_set_cuts     (DossierFindBar       *self,
                                          const DossierLineCut *cuts,
                                          guint                 n_cuts);

G_END_DECLS
