/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-argument-row.h — an argument in the Pros & Cons panel: its
 * statement, whose perspective, strength, how well it is backed (a flag
 * when it has no evidence or all of it from one outlet), its menu (edit,
 * strength, perspective, reorder, move to the other side, cite the
 * selection, delete) and, unfolded, the passages it cites. */
#pragma once

#include "dossier-row.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARGUMENT_ROW (dossier_argument_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierArgumentRow, dossier_argument_row, DOSSIER, ARGUMENT_ROW, DossierRow)

/* Signals: "highlight-activated" (gint64 document_id, gint64 highlight_id):
 * a cited passage was activated; "highlight-dropped" (DossierHighlight): a
 * highlight card was dropped on the row; "cite-selection": the user asked
 * to cite the reader's selection for this argument (from the menu, Ctrl+E,
 * or by dropping the selection on the row); "side-changed": its argument
 * became a pro or a con (its place in the project's list may not change).
 * Property: "expanded" (boolean): the passages it cites are shown. */
GtkWidget *dossier_argument_row_new              (DossierArgument    *argument);

/* Shows (or hides) the passages it cites. */
void       dossier_argument_row_set_expanded     (DossierArgumentRow *self,
                                                  gboolean            expanded);
gboolean   dossier_argument_row_get_expanded     (DossierArgumentRow *self);

/* "No evidence", "Only one outlet" or NULL: what a reader of the brief
 * should be warned of. */
const char *dossier_argument_describe_weakness   (DossierArgument    *argument);

G_END_DECLS
