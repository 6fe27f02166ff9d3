/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-row.h — a document in the documents sidebar: its title
 * on one line, outlet and date under it, and its highlight count. */
#pragma once

#include "dossier-row.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DOCUMENT_ROW (dossier_document_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierDocumentRow, dossier_document_row, DOSSIER, DOCUMENT_ROW, DossierRow)

/* "item": the DossierDocument shown; the row follows its changes. */

G_END_DECLS
