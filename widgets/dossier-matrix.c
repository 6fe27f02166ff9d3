/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-matrix.c — the comparison matrix as a grid of buttons.
 *
 * A grid of real buttons rather than one drawn surface: each cell is
 * focusable, reachable with the arrow keys (GtkGrid's directional focus),
 * activatable and read by screen readers with its row, document and
 * value. Comparisons are of a handful of documents, so the grid stays
 * small; the core computes the numbers.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-matrix.h"

struct _DossierMatrix
{
  GtkWidget          parent_instance;

  GtkWidget         *grid;
  DossierComparison *comparison;
  GPtrArray         *cells;     /* GtkWidget, (n_rows + 1) × (n_columns + 1), headings at -1 */
  guint              n_rows;
  guint              n_columns;
  int                row;       /* the selection */
  int                column;
};

G_DEFINE_FINAL_TYPE (DossierMatrix, dossier_matrix, GTK_TYPE_WIDGET)

enum { SELECTION_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GQuark cell_quark;

static guint
cell_index (DossierMatrix *self,
            int            row,
            int            column)
{
  return (guint) (row + 1) * (self->n_columns + 1) + (guint) (column + 1);
}

GtkWidget *
dossier_matrix_get_cell (DossierMatrix *self,
                         int            row,
                         int            column)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), NULL);

  if (self->cells == NULL || row < -1 || column < -1 ||
      row >= (int) self->n_rows || column >= (int) self->n_columns)
    return NULL;
  return g_ptr_array_index (self->cells, cell_index (self, row, column));
}

static void
update_selected (DossierMatrix *self)
{
  for (int r = -1; self->cells != NULL && r < (int) self->n_rows; r++)
    for (int c = -1; c < (int) self->n_columns; c++)
      {
        GtkWidget *cell = dossier_matrix_get_cell (self, r, c);
        gboolean selected;

        if (cell == NULL)
          continue;
        if (r == -1 && c == -1)
          continue;
        /* A cell; its row's name and column's heading show the way to it. */
        selected = (r == self->row || self->row == -1) && (c == self->column || self->column == -1) &&
                   !(self->row == -1 && self->column == -1);
        if (r == -1)
          selected = c == self->column && self->column != -1;
        if (c == -1)
          selected = r == self->row && self->row != -1;
        if (selected)
          gtk_widget_add_css_class (cell, "selected");
        else
          gtk_widget_remove_css_class (cell, "selected");
      }
}

void
dossier_matrix_select (DossierMatrix *self,
                       int            row,
                       int            column)
{
  g_return_if_fail (DOSSIER_IS_MATRIX (self));

  row = CLAMP (row, -1, (int) self->n_rows - 1);
  column = CLAMP (column, -1, (int) self->n_columns - 1);
  if (row == self->row && column == self->column)
    return;
  self->row = row;
  self->column = column;
  update_selected (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
dossier_matrix_get_selection (DossierMatrix *self,
                              int           *row,
                              int           *column)
{
  g_return_if_fail (DOSSIER_IS_MATRIX (self));

  if (row != NULL)
    *row = self->row;
  if (column != NULL)
    *column = self->column;
}

static void
on_cell_clicked (GtkButton     *button,
                 DossierMatrix *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (button), cell_quark)) - 1;
  int row = (int) (index / (self->n_columns + 1)) - 1;
  int column = (int) (index % (self->n_columns + 1)) - 1;

  dossier_matrix_select (self, row, column);
}

static char *
format_value (DossierComparison *c,
              double             value)
{
  if (dossier_comparison_get_options (c)->per_1000_words)
    return g_strdup_printf ("%.1f", value);
  return g_strdup_printf ("%.0f", value);
}

static GtkWidget *
add_button (DossierMatrix *self,
            int            row,
            int            column,
            GtkWidget     *child)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "matrix-cell");
  g_object_set_qdata (G_OBJECT (button), cell_quark,
                      GUINT_TO_POINTER (cell_index (self, row, column) + 1));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_cell_clicked), self, 0);
  gtk_grid_attach (GTK_GRID (self->grid), button, column + 1, row + 1, 1, 1);
  g_ptr_array_index (self->cells, cell_index (self, row, column)) = button;
  return button;
}

static GtkWidget *
add_total (DossierMatrix *self,
           guint          grid_row,
           guint          grid_column,
           const char    *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "matrix-total");
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_grid_attach (GTK_GRID (self->grid), label, grid_column, grid_row, 1, 1);
  return label;
}

static void
clear_grid (DossierMatrix *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  self->n_rows = self->n_columns = 0;
}

static void
build (DossierMatrix *self)
{
  DossierComparison *c = self->comparison;
  double max = dossier_comparison_get_max_value (c);

  self->n_rows = dossier_comparison_get_n_rows (c);
  self->n_columns = dossier_comparison_get_n_documents (c);
  self->cells = g_ptr_array_new ();
  g_ptr_array_set_size (self->cells, (self->n_rows + 1) * (self->n_columns + 1));

  /* Headings: each document's title, and its outlet and date below. */
  for (guint col = 0; col < self->n_columns; col++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *title = gtk_label_new (dossier_comparison_get_document_title (c, col));
      const char *outlet = dossier_comparison_get_document_outlet (c, col);
      const char *date = dossier_comparison_get_document_date (c, col);
      g_autofree char *below = NULL;
      GtkWidget *button;

      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_lines (GTK_LABEL (title), 2);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 14);
      gtk_label_set_width_chars (GTK_LABEL (title), 10);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (box), title);
      below = outlet != NULL && date != NULL ? g_strdup_printf ("%s · %s", outlet, date)
              : g_strdup (outlet != NULL ? outlet : date != NULL ? date : "");
      if (*below != '\0')
        {
          GtkWidget *sub = gtk_label_new (below);

          gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (sub), 14);
          gtk_widget_add_css_class (sub, "caption");
          gtk_widget_add_css_class (sub, "dim-label");
          gtk_box_append (GTK_BOX (box), sub);
        }
      button = add_button (self, -1, (int) col, box);
      gtk_widget_set_tooltip_text (button, dossier_comparison_get_document_title (c, col));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dossier_comparison_get_document_title (c, col), -1);
    }
  {
    GtkWidget *total = gtk_label_new (_("Total"));

    gtk_widget_add_css_class (total, "heading");
    gtk_widget_set_valign (total, GTK_ALIGN_END);
    gtk_grid_attach (GTK_GRID (self->grid), total, self->n_columns + 1, 0, 1, 1);
  }

  for (guint r = 0; r < self->n_rows; r++)
    {
      const char *label_text = dossier_comparison_get_row_label (c, r);
      GtkWidget *label = gtk_label_new (label_text);
      GtkWidget *button;
      g_autofree char *total = format_value (c, dossier_comparison_get_row_total (c, r));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_widget_set_margin_start (label, 14 * dossier_comparison_get_row_depth (c, r));
      button = add_button (self, (int) r, -1, label);
      gtk_widget_add_css_class (button, "matrix-row-name");
      gtk_widget_set_tooltip_text (button, dossier_comparison_get_row_detail (c, r));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label_text, -1);

      for (guint col = 0; col < self->n_columns; col++)
        {
          double value = dossier_comparison_get_value (c, r, col);
          double place = dossier_comparison_get_first_place (c, r, col);
          g_autofree char *text = format_value (c, value);
          g_autofree char *density = NULL;
          g_autofree char *name = NULL;
          g_autofree char *where = NULL;
          GtkWidget *number = gtk_label_new (text);
          int step = max > 0 && value > 0 ? 1 + (int) (4.999 * value / max) : 0;

          gtk_label_set_xalign (GTK_LABEL (number), 1.0);
          gtk_widget_add_css_class (number, "numeric");
          button = add_button (self, (int) r, (int) col, number);
          density = g_strdup_printf ("density-%d", CLAMP (step, 0, 5));
          gtk_widget_add_css_class (button, density);
          if (place >= 0)
            /* Translators: where a document first raises a row, e.g. "First at 12 % of the text". */
            where = g_strdup_printf (_("First at %.0f %% of the text"), place * 100);
          /* Translators: a cell of the matrix for screen readers: row, document, value. */
          name = g_strdup_printf (_("%s in %s: %s"), label_text,
                                  dossier_comparison_get_document_title (c, col), text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          if (where != NULL)
            {
              gtk_widget_set_tooltip_text (button, where);
              if (place < 0.2)
                gtk_widget_add_css_class (button, "lede");
            }
        }
      add_total (self, r + 1, self->n_columns + 1, total);
    }

  {
    GtkWidget *label = gtk_label_new (_("Total"));

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "heading");
    gtk_widget_set_margin_start (label, 8);
    gtk_grid_attach (GTK_GRID (self->grid), label, 0, self->n_rows + 1, 1, 1);
    for (guint col = 0; col <= self->n_columns; col++)
      {
        g_autofree char *total = format_value (c, col < self->n_columns
                                                  ? dossier_comparison_get_column_total (c, col)
                                                  : dossier_comparison_get_total (c));
        add_total (self, self->n_rows + 1, col + 1, total);
      }
  }
}

void
dossier_matrix_set_comparison (DossierMatrix     *self,
                               DossierComparison *comparison)
{
  int row = -1, column = -1;

  g_return_if_fail (DOSSIER_IS_MATRIX (self));

  /* Keep the selection on the same row and document if they remain. */
  if (self->comparison != NULL && comparison != NULL)
    {
      if (self->row >= 0)
        row = dossier_comparison_find_row (comparison,
                                           dossier_comparison_get_row_id (self->comparison, self->row));
      if (self->column >= 0)
        {
          gint64 id = dossier_comparison_get_document_id (self->comparison, self->column);

          for (guint c = 0; c < dossier_comparison_get_n_documents (comparison); c++)
            if (dossier_comparison_get_document_id (comparison, c) == id)
              column = (int) c;
        }
    }

  clear_grid (self);
  g_clear_pointer (&self->comparison, dossier_comparison_unref);
  if (comparison != NULL)
    {
      self->comparison = dossier_comparison_ref (comparison);
      build (self);
    }

  self->row = self->column = -2;  /* forces the update */
  dossier_matrix_select (self, row, column);
}

DossierComparison *
dossier_matrix_get_comparison (DossierMatrix *self)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), NULL);
  return self->comparison;
}

GtkWidget *
dossier_matrix_new (void)
{
  return g_object_new (DOSSIER_TYPE_MATRIX, NULL);
}

static void
dossier_matrix_dispose (GObject *object)
{
  DossierMatrix *self = DOSSIER_MATRIX (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_clear_pointer (&self->comparison, dossier_comparison_unref);
  G_OBJECT_CLASS (dossier_matrix_parent_class)->dispose (object);
}

static void
dossier_matrix_class_init (DossierMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_matrix_dispose;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  cell_quark = g_quark_from_static_string ("dossier-matrix-cell");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_matrix_init (DossierMatrix *self)
{
  self->row = self->column = -1;
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 2);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 2);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
}
