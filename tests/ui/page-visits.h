/* SPDX-License-Identifier: GPL-3.0-or-later */
/* page-visits.h — every page and panel of the window shown in turn
 * (test-crafted, test-hostile). No warning may be logged on the way
 * (fatal in the tests), and no label may show a text from the project
 * whole. */
#pragma once

#include "dossier-window.h"

G_BEGIN_DECLS

/* Fails on a label at or below @widget showing more of a text than the
 * window shows of any (DOSSIER_TEXT_SHOWN_MAX characters), or a word
 * longer than it shows; or an entry prefilled with more than that. */
void assert_labels_short (GtkWidget     *widget);
/* Shows @panel in the right sidebar (and checks the labels). */
void show_right          (DossierWindow *window,
                          GtkWidget     *panel);
/* Shows the page @name ("reader", "compare", "briefing"). */
void show_page           (DossierWindow *window,
                          const char    *name);
/* The reader on each document, the codebook with each tag selected,
 * Highlights, Search, Stakeholders with each one's editor, Pros & Cons
 * on each question, Compare with every document a column, Brief on each
 * note; with @dialogs, each dialog and menu that shows a text too. Ends
 * on the reader. */
void visit_every_page    (DossierWindow *window,
                          gboolean       dialogs);

G_END_DECLS
