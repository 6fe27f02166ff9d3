/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-row.h — a tag in the codebook: colour, name, highlight
 * count and the 1–9 key that tags with it. */
#pragma once

#include "dossier-row.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TAG_ROW (dossier_tag_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierTagRow, dossier_tag_row, DOSSIER, TAG_ROW, DossierRow)

/* "item": the DossierTag shown (the row follows its changes).
 *
 * What the codebook knows beyond the tag: its slot (1–9, 0 for none),
 * whether it has children and whether they show (said to assistive
 * technologies; the codebook's GtkTreeExpander draws the arrow). A change
 * of parent or key activates codebook.refresh (the tree's shape or the
 * keys changed). */
void dossier_tag_row_set_slot     (DossierTagRow *self,
                                   guint          slot);
void dossier_tag_row_set_expander (DossierTagRow *self,
                                   gboolean       expandable,
                                   gboolean       expanded);

G_END_DECLS
