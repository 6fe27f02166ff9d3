/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-matrix.h — a comparison's matrix, drawn: documents as columns
 * (title, outlet, date), rows indented as their tree, each cell shaded
 * by its density (six steps, 0 to 5), totals last. The headings stay in
 * place while it scrolls (it is a GtkScrollable: put it in a
 * GtkScrolledWindow). Arrow keys, Home, End, Page Up and Page Down move
 * the selection, Enter activates it; clicking a cell, a row's name or a
 * column's heading selects it. Screen readers get the selection in the
 * widget's accessible description.
 *
 * It shows the comparison as the person arranges it (see
 * dossier_comparison_arrange ()): a click on a document's heading (or
 * Space on it) sorts the rows by that document, a click on "Total" by
 * their total, on the corner by name, each again the other way round; a
 * tag with sub-tags has an expander (a click on it, + and −, Left and
 * Right on its name). The selection stays on its row and document.
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier-compare.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_MATRIX (dossier_matrix_get_type ())
G_DECLARE_FINAL_TYPE (DossierMatrix, dossier_matrix, DOSSIER, MATRIX, GtkWidget)

/* Signals:
 *   "selection-changed": what is selected changed (see _get_selection).
 *   "activate": Enter, or a double click, on what is selected.
 *   "arrangement-changed": sorted, filtered, expanded or collapsed anew. */
GtkWidget         *dossier_matrix_new            (void);
/* NULL empties it; the selection is kept where the same row and column
 * are still there. It is shown arranged as the matrix is. */
void               dossier_matrix_set_comparison (DossierMatrix     *self,
                                                  DossierComparison *comparison);
/* The comparison as shown (arranged): what the selection, the cells and
 * the exports of the page go by. */
DossierComparison *dossier_matrix_get_comparison (DossierMatrix     *self);

/* How the rows are sorted: ORDER, NAME, TOTAL, or DOCUMENT (@document_id's
 * column); sub-tags stay under their tag. A document no longer compared
 * falls back to ORDER. */
void               dossier_matrix_sort_rows      (DossierMatrix      *self,
                                                  DossierCompareSort  sort,
                                                  gint64              document_id,
                                                  gboolean            descending);
/* How the documents are sorted: ORDER (as compared), NAME (title), TOTAL,
 * DATE or OUTLET. */
void               dossier_matrix_sort_columns   (DossierMatrix      *self,
                                                  DossierCompareSort  sort,
                                                  gboolean            descending);
/* Shows only the rows whose name holds @filter (case and accents aside),
 * with the tags they are under; NULL or blank shows every row. */
void               dossier_matrix_set_filter     (DossierMatrix      *self,
                                                  const char         *filter);
const char        *dossier_matrix_get_filter     (DossierMatrix      *self);  /* NULL: none */
/* Whether a tag's sub-tags are shown (they are, until collapsed; kept by
 * id across comparisons). */
void               dossier_matrix_set_row_expanded (DossierMatrix    *self,
                                                  gint64              row_id,
                                                  gboolean            expanded);
gboolean           dossier_matrix_get_row_expanded (DossierMatrix    *self,
                                                  gint64              row_id);
/* As now arranged; never NULL. */
const DossierCompareArrangement *
                   dossier_matrix_get_arrangement (DossierMatrix     *self);
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
/* Whether the heading of document @column shows its title (on its
 * lines) and its outlet and date whole, not cut with "…", at the
 * column's width now. */
gboolean           dossier_matrix_heading_is_whole (DossierMatrix   *self,
                                                  int                column);
/* A click at (@x, @y), as the pointer gives it: selects what is there
 * (a total selects its row or column); a second press activates. A
 * document's heading, "Total" or the corner sorts by it; an expander
 * shows or hides sub-tags. TRUE when it landed on a cell or a heading. */
gboolean           dossier_matrix_click          (DossierMatrix     *self,
                                                  double             x,
                                                  double             y,
                                                  int                n_press);

G_END_DECLS
