/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-source-row.h — a row of the Brief page's Sources: the footnote
 * number, the document's title, the passage's first words, the rest of
 * the source, and what is wrong with it, if anything. */
#pragma once

#include "dossier-row.h"
#include "dossier-source-item.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SOURCE_ROW (dossier_source_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierSourceRow, dossier_source_row, DOSSIER, SOURCE_ROW, DossierRow)

/* "item": the DossierSourceItem shown. */
GtkWidget *dossier_source_row_new (DossierSourceItem *item);

G_END_DECLS
