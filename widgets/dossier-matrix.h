/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-matrix.h — a comparison's matrix as a grid of cells: documents
 * as columns (title, outlet, date), rows indented as their tree, each cell
 * a button shaded by its density (six steps, CSS classes "density-0" to
 * "density-5" on "matrix-cell"), totals last. Arrow keys move between
 * cells; clicking or activating a cell, a row's name or a column's heading
 * selects it.
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier-compare.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_MATRIX (dossier_matrix_get_type ())
G_DECLARE_FINAL_TYPE (DossierMatrix, dossier_matrix, DOSSIER, MATRIX, GtkWidget)

/* Signals:
 *   "selection-changed": what is selected changed (see _get_selection). */
GtkWidget         *dossier_matrix_new            (void);
/* NULL empties it; the selection is kept where the same row and column
 * are still there. */
void               dossier_matrix_set_comparison (DossierMatrix     *self,
                                                  DossierComparison *comparison);
DossierComparison *dossier_matrix_get_comparison (DossierMatrix     *self);
/* A cell (row, column); a whole row (column -1); a whole column (row -1);
 * nothing (both -1). */
void               dossier_matrix_select         (DossierMatrix     *self,
                                                  int                row,
                                                  int                column);
void               dossier_matrix_get_selection  (DossierMatrix     *self,
                                                  int               *row,
                                                  int               *column);
/* The button of a cell (row or column -1: a heading), for tests and focus. */
GtkWidget         *dossier_matrix_get_cell       (DossierMatrix     *self,
                                                  int                row,
                                                  int                column);

G_END_DECLS
