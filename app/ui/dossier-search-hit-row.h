/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-search-hit-row.h — a hit of a project search: the document's
 * title, "Memo" for a hit in a memo, and the snippet with the match in
 * bold. */
#pragma once

#include "dossier-row.h"
#include "dossier-search-hit-item.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_HIT_ROW (dossier_search_hit_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchHitRow, dossier_search_hit_row, DOSSIER, SEARCH_HIT_ROW, DossierRow)

/* "item": the DossierSearchHitItem shown. */

G_END_DECLS
