/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-row.h — a document in the documents sidebar: its title
 * on one line, outlet and date under it, and its highlight count. */
#pragma once

#include "dossier-row.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DOCUMENT_ROW (dossier_document_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierDocumentRow, dossier_document_row, DOSSIER, DOCUMENT_ROW, DossierRow)

/* "item": the DossierDocument shown; the row follows its changes.
 *
 * GTK 4.8's list view keeps 200 rows bound, most of them far out of view,
 * and laying out their texts was most of opening a large project. A row
 * in a list therefore shows its texts once it is rooted and its panel has
 * not said it is out of view (its accessible name and description, which
 * cost no layout, are always set); a row on its own shows them at once. */
void dossier_document_row_set_in_view (DossierDocumentRow *self,
                                       gboolean            in_view);

G_END_DECLS
