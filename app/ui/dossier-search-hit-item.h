/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-search-hit-item.h — one hit of a project search as a list item:
 * the document it is in (live, for its title), where, and the snippet as
 * Pango markup. */
#pragma once

#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_HIT_ITEM (dossier_search_hit_item_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchHitItem, dossier_search_hit_item, DOSSIER, SEARCH_HIT_ITEM, GObject)

/* Property: "document" (DossierDocument, may be NULL if it went away). */
DossierSearchHitItem   *dossier_search_hit_item_new          (const DossierSearchHit *hit,
                                                              DossierDocument        *document);
DossierDocument        *dossier_search_hit_item_get_document (DossierSearchHitItem   *self);
/* The hit as the core found it (where, in which memo, the snippet). */
const DossierSearchHit *dossier_search_hit_item_get_hit      (DossierSearchHitItem   *self);
/* Its place among its document's hits: the first (1) heads the group. */
void                    dossier_search_hit_item_set_place    (DossierSearchHitItem   *self,
                                                              guint                   index,
                                                              guint                   n_in_document);
guint                   dossier_search_hit_item_get_index    (DossierSearchHitItem   *self);
guint                   dossier_search_hit_item_get_n_in_document (DossierSearchHitItem *self);
/* The snippet with the match in bold, everything else escaped. */
const char             *dossier_search_hit_item_get_markup   (DossierSearchHitItem   *self);

/* "«match»" markers of a snippet → Pango markup with the match in bold,
 * everything else escaped. */
char                   *dossier_search_snippet_to_markup     (const char             *snippet);

G_END_DECLS
