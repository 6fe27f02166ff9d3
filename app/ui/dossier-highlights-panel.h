/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-highlights-panel.h — the "Highlights" panel of the right sidebar.
 *
 * Lists the highlights of one document, or, when a tag is set, that tag's
 * highlights across every document, as cards: quote, tag chips, memo.
 * Activating a card asks the window to show that highlight.
 */
#pragma once

#include "dossier-panel.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_HIGHLIGHTS_PANEL (dossier_highlights_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierHighlightsPanel, dossier_highlights_panel, DOSSIER, HIGHLIGHTS_PANEL, DossierPanel)

/* Properties: "document-id" (gint64, 0 = none), "tag-id" (gint64; non-zero:
 * that tag's highlights in all documents, else the document's).
 * Signal: "highlight-activated" (gint64 document_id, gint64 highlight_id). */
GtkWidget      *dossier_highlights_panel_new             (void);

gint64          dossier_highlights_panel_get_document_id (DossierHighlightsPanel *self);
void            dossier_highlights_panel_set_document_id (DossierHighlightsPanel *self,
                                                          gint64                  document_id);
gint64          dossier_highlights_panel_get_tag_id      (DossierHighlightsPanel *self);
void            dossier_highlights_panel_set_tag_id      (DossierHighlightsPanel *self,
                                                          gint64                  tag_id);

/* The listed highlights: a GListModel of DossierHighlight (transfer none),
 * in document order (orphaned ones last). Changes in the project reach it
 * about 40 ms later, once per burst; property changes at once. */
GListModel     *dossier_highlights_panel_get_model       (DossierHighlightsPanel *self);

G_END_DECLS
