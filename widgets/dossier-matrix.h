/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-matrix.h — a comparison's matrix, drawn: documents as columns
 * (title, outlet, date), rows indented as their tree, each cell shaded
 * by its density (six steps, 0 to 5), totals last. The headings stay in
 * place while it scrolls (it is a GtkScrollable: put it in a
 * GtkScrolledWindow). Arrow keys, Home, End, Page Up and Page Down move
 * the selection, Enter activates it; clicking a cell, a row's name or a
 * column's heading selects it. Screen readers get the selection in the
 * widget's accessible description.
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier-compare.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_MATRIX (dossier_matrix_get_type ())
G_DECLARE_FINAL_TYPE (DossierMatrix, dossier_matrix, DOSSIER, MATRIX, GtkWidget)

/* Signals:
 *   "selection-changed": what is selected changed (see _get_selection).
 *   "activate": Enter, or a double click, on what is selected. */
GtkWidget         *dossier_matrix_new            (void);
/* NULL empties it; the selection is kept where the same row and column
 * are still there. */
void               dossier_matrix_set_comparison (DossierMatrix     *self,
                                                  DossierComparison *comparison);
DossierComparison *dossier_matrix_get_comparison (DossierMatrix     *self);
/* A cell (row, column); a whole row (column -1); a whole column (row -1);
 * nothing (both -1). Out of range is clamped. */
void               dossier_matrix_select         (DossierMatrix     *self,
                                                  int                row,
                                                  int                column);
void               dossier_matrix_get_selection  (DossierMatrix     *self,
                                                  int               *row,
                                                  int               *column);

/* What is drawn where, for tests and for the page. Cells are (row,
 * column); -1 is a heading (a row's name, a column's title); the row
 * n_rows and the column n_documents are the totals. */

/* The text shown (a heading's name, a cell's number), or NULL outside
 * the matrix. Free it. */
char              *dossier_matrix_get_cell_text  (DossierMatrix     *self,
                                                  int                row,
                                                  int                column);
/* A cell's shade, 0 (empty) to 5 (the largest value); -1 for headings
 * and totals. */
int                dossier_matrix_get_density    (DossierMatrix     *self,
                                                  int                row,
                                                  int                column);
/* What the pointer shows over a cell or heading (free it), or NULL. */
char              *dossier_matrix_get_tooltip    (DossierMatrix     *self,
                                                  int                row,
                                                  int                column);
/* Where a cell or heading is drawn, in the widget's coordinates as
 * scrolled now; FALSE when the matrix has no such cell. */
gboolean           dossier_matrix_get_cell_area  (DossierMatrix     *self,
                                                  int                row,
                                                  int                column,
                                                  graphene_rect_t   *area);
/* A click at (@x, @y), as the pointer gives it: selects what is there
 * (a total selects its row or column; the corner, nothing); a second
 * press activates. TRUE when it landed on a cell or a heading. */
gboolean           dossier_matrix_click          (DossierMatrix     *self,
                                                  double             x,
                                                  double             y,
                                                  int                n_press);

G_END_DECLS
