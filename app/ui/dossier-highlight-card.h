/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-highlight-card.h — a highlight as a card: the quote, its tags as
 * chips in their colours, the memo, what it is evidence for; the
 * document's title when the list spans documents; a mark when the passage
 * left the document's text. */
#pragma once

#include "dossier-row.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_HIGHLIGHT_CARD (dossier_highlight_card_get_type ())
G_DECLARE_FINAL_TYPE (DossierHighlightCard, dossier_highlight_card, DOSSIER, HIGHLIGHT_CARD, DossierRow)

/* "item": the DossierHighlight shown (a snapshot: a changed highlight is a
 * new item). The card needs the project to show tag chips and the
 * document's title, bound to the live tags and document. */
void dossier_highlight_card_set_project       (DossierHighlightCard *self,
                                               DossierProject       *project);
/* Whether the card names the highlight's document (lists that span
 * documents). */
void dossier_highlight_card_set_show_document (DossierHighlightCard *self,
                                               gboolean              show_document);

/* Whether the card says what its highlight is evidence for (the
 * stakeholders and arguments citing it), under its tags. The card reads
 * it when it is shown a highlight; dossier_highlight_card_update_evidence ()
 * reads it again after the evidence, or those it cites, changed. */
void dossier_highlight_card_set_show_evidence (DossierHighlightCard *self,
                                               gboolean              show_evidence);
void dossier_highlight_card_update_evidence   (DossierHighlightCard *self);

/* Shows the card's menu (Cite in Briefing, Add as Evidence…) as a right
 * click does; whether it is shown. */
gboolean dossier_highlight_card_popup_menu (DossierHighlightCard *self);

G_END_DECLS
