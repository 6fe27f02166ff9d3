/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-source-item.h — one source a briefing note cites, as a row of
 * the Brief page's Sources shows it: its footnote number, the highlight
 * it opens, the document's title, the passage's first words, the rest of
 * the source as the exports print it, and what is wrong with it. Made
 * from a citation as it was resolved; the page makes new ones when the
 * citations are read again. */
#pragma once

#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_SOURCE_ITEM (dossier_source_item_get_type ())
G_DECLARE_FINAL_TYPE (DossierSourceItem, dossier_source_item, DOSSIER, SOURCE_ITEM, GObject)

DossierSourceItem *dossier_source_item_new             (const DossierCitation *citation);

/* The footnote number: 1, 2, … in the order the note first cites them. */
guint              dossier_source_item_get_number      (DossierSourceItem *self);
/* The highlight cited and its document; 0 when it was deleted. */
gint64             dossier_source_item_get_highlight_id (DossierSourceItem *self);
gint64             dossier_source_item_get_document_id (DossierSourceItem *self);
/* The document's title; for a deleted highlight, where the note cites it
 * ("Cited after “…the words before it” in “Heading”"). */
const char        *dossier_source_item_get_title       (DossierSourceItem *self);
/* The passage's first words on one line, between quotation marks; ""
 * for a deleted highlight. */
const char        *dossier_source_item_get_passage     (DossierSourceItem *self);
/* Author, outlet, date and section, as the exports print them after the
 * title (may be ""). */
const char        *dossier_source_item_get_details     (DossierSourceItem *self);
/* What is wrong with it ("the quote no longer matches …"), or NULL. */
const char        *dossier_source_item_get_problem     (DossierSourceItem *self);

/* Whether @a and @b show the same: a row need not be made again. */
gboolean           dossier_source_item_equal           (DossierSourceItem *a,
                                                        DossierSourceItem *b);

G_END_DECLS
