/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-matrix.c — the comparison matrix, drawn with GtkSnapshot.
 *
 * One widget rather than a grid of buttons: at 50 documents × 100 tags
 * the button grid took over a second and tens of megabytes to show and
 * relaid out every cell when the selection moved (tests/bench/
 * bench-matrix-widget). Here a comparison is measured once (row names'
 * widths), only the cells in view are drawn, and the headings stay put
 * while the body scrolls. What the buttons gave for free is done by
 * hand: keys, clicks, tooltips, and the selected cell in words for
 * screen readers (GTK 4.8 has no accessible children for a drawn widget).
 */
#include "config.h"

#include <glib/gi18n.h>

#include <dossier/dossier-text.h>

#include "dossier-contrast.h"
#include "dossier-matrix.h"

#define PAD          8     /* inside a cell, each side */
#define INDENT       14    /* per depth of a row in its tree */
#define COLUMN_CHARS 18    /* a document's column at least, in average characters */
#define COLUMN_CHARS_MAX 45 /* … and at most, for its title: a measure read at ease */
#define TITLE_LINES  3     /* of a document's title in its heading */
#define LABEL_CHARS  32    /* the row names' column at most */
#define RADIUS       4
#define EXPANDER     16    /* a tree's expander, and a heading's sort arrow */

struct _DossierMatrix
{
  GtkWidget          parent_instance;

  DossierComparison *source;     /* as set */
  DossierComparison *comparison; /* as shown: the source arranged */
  /* How the person arranged it (see arrange ()). */
  DossierCompareSort row_sort;
  gint64             row_sort_document;
  gboolean           rows_descending;
  DossierCompareSort column_sort;
  gboolean           columns_descending;
  char              *filter;
  GHashTable        *collapsed;  /* gint64 row ids */
  gboolean           tree;       /* a row has rows under it: room for expanders */
  guint              n_rows;
  guint              n_columns;
  double             max;
  int                row;        /* the selection */
  int                column;

  /* Measured for the font in use (see measure_all). */
  gboolean           measured;
  int                label_width;    /* the row names' column */
  int                column_width;   /* as allocated, between the two below */
  int                min_column_width;
  int                natural_column_width; /* every title on its lines, or the most */
  int                total_width;    /* the totals' column, narrower: numbers only */
  int                header_height;
  int                row_height;
  int                line_height;
  PangoLayout       *text;           /* reused for every string drawn */
  GskRenderNode     *cells;          /* the cells as last drawn (see draw_body), or NULL */
  double             cells_x;        /* … at this scrolling and size */
  double             cells_y;
  int                cells_width;
  int                cells_height;

  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;
};

static void dossier_matrix_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierMatrix, dossier_matrix, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      dossier_matrix_scrollable_init))

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum { SELECTION_CHANGED, ACTIVATE, ARRANGEMENT_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *rows_heading (DossierMatrix *self);
static void sort_by_heading (DossierMatrix *self,
                             int            column);

/* ---- Values in words ---------------------------------------------------------- */

static char *
format_number (DossierMatrix *self,
               double         value)
{
  if (dossier_comparison_get_options (self->comparison)->per_1000_words)
    return g_strdup_printf ("%.1f", value);
  return g_strdup_printf ("%.0f", value);
}

/* "3 highlights", "2.4 mentions per 1,000 words". */
static char *
format_amount (DossierMatrix *self,
               double         value)
{
  const DossierCompareOptions *o = dossier_comparison_get_options (self->comparison);
  g_autofree char *number = format_number (self, value);
  gulong n = (gulong) (value + 0.5);

  if (o->per_1000_words)
    switch (o->measure)
      {
      case DOSSIER_COMPARE_MENTIONS:
        return g_strdup_printf (_("%s mentions per 1,000 words"), number);
      case DOSSIER_COMPARE_EVIDENCE:
        return g_strdup_printf (_("%s pieces of evidence per 1,000 words"), number);
      case DOSSIER_COMPARE_HIGHLIGHTS:
      default:
        return g_strdup_printf (_("%s highlights per 1,000 words"), number);
      }
  switch (o->measure)
    {
    case DOSSIER_COMPARE_MENTIONS:
      return g_strdup_printf (ngettext ("%s mention", "%s mentions", n), number);
    case DOSSIER_COMPARE_EVIDENCE:
      return g_strdup_printf (ngettext ("%s piece of evidence", "%s pieces of evidence", n), number);
    case DOSSIER_COMPARE_HIGHLIGHTS:
    default:
      return g_strdup_printf (ngettext ("%s highlight", "%s highlights", n), number);
    }
}

/* The amount of @row (a row of the matrix, or n_rows: none), saying
 * when it holds its sub-tags' too: "7 highlights, including 3 sub-tags". */
static char *
with_sub_tags (DossierMatrix *self,
               guint          row,
               char          *amount)
{
  guint below = row < self->n_rows ? dossier_comparison_get_row_n_below (self->comparison, row) : 0;
  char *with;

  if (below == 0)
    return amount;
  /* Translators: a tag's count with its sub-tags', e.g. "7 highlights, including 3 sub-tags". */
  with = g_strdup_printf (ngettext ("%s, including %u sub-tag", "%s, including %u sub-tags", below),
                          amount, below);
  g_free (amount);
  return with;
}

static char *
row_amount (DossierMatrix *self,
            guint          row,
            double         value)
{
  return with_sub_tags (self, row, format_amount (self, value));
}

/* What sorts the rows, in words: "by name, A to Z", "by The Post,
 * largest first"; NULL in the codebook's order. */
static char *
row_sort_words (DossierMatrix *self)
{
  const DossierCompareArrangement *a = dossier_comparison_get_arrangement (self->comparison);

  switch (a->row_sort)
    {
    case DOSSIER_COMPARE_SORT_NAME:
      return g_strdup (a->rows_descending ? _("Rows sorted by name, Z to A.") : _("Rows sorted by name, A to Z."));
    case DOSSIER_COMPARE_SORT_TOTAL:
      return g_strdup (a->rows_descending ? _("Rows sorted by their total, largest first.")
                                          : _("Rows sorted by their total, smallest first."));
    case DOSSIER_COMPARE_SORT_DOCUMENT:
      for (guint c = 0; c < self->n_columns; c++)
        if (dossier_comparison_get_document_id (self->comparison, c) == a->row_sort_document)
          /* Translators: the rows sorted by one document's column, e.g. "Rows sorted by The Post, largest first." */
          return g_strdup_printf (a->rows_descending ? _("Rows sorted by %s, largest first.")
                                                     : _("Rows sorted by %s, smallest first."),
                                  dossier_comparison_get_document_title (self->comparison, c));
      return NULL;
    case DOSSIER_COMPARE_SORT_ORDER:
    default:
      return NULL;
    }
}

static gboolean
sorted_by_column (DossierMatrix *self,
                  guint          column)
{
  const DossierCompareArrangement *a = dossier_comparison_get_arrangement (self->comparison);

  if (column == self->n_columns)
    return a->row_sort == DOSSIER_COMPARE_SORT_TOTAL;
  return a->row_sort == DOSSIER_COMPARE_SORT_DOCUMENT &&
         a->row_sort_document == dossier_comparison_get_document_id (self->comparison, column);
}

/* A heading's word on sorting by it: what it does now, what a click does. */
static char *
heading_sort_hint (DossierMatrix *self,
                   guint          column)
{
  const DossierCompareArrangement *a = dossier_comparison_get_arrangement (self->comparison);

  if (!sorted_by_column (self, column))
    return g_strdup (column == self->n_columns ? _("Click to sort the rows by their total")
                                               : _("Click or press Space to sort the rows by this document"));
  return g_strdup (a->rows_descending ? _("Rows sorted by this, largest first: click to reverse")
                                      : _("Rows sorted by this, smallest first: click to reverse"));
}

static double
value_at (DossierMatrix *self,
          guint          row,
          guint          column)
{
  return dossier_comparison_get_table_value (self->comparison, row, column);
}

static gboolean
in_matrix (DossierMatrix *self,
           int            row,
           int            column)
{
  return self->comparison != NULL && row >= -1 && column >= -1 &&
         row <= (int) self->n_rows && column <= (int) self->n_columns &&
         !(row == -1 && column == -1);
}

/* "Outlet · date", either alone, or "". */
static char *
document_byline (DossierMatrix *self,
                 guint          column)
{
  const char *outlet = dossier_comparison_get_document_outlet (self->comparison, column);
  const char *date = dossier_comparison_get_document_date (self->comparison, column);

  if (outlet != NULL && date != NULL)
    return g_strdup_printf ("%s · %s", outlet, date);
  return g_strdup (outlet != NULL ? outlet : date != NULL ? date : "");
}

char *
dossier_matrix_get_cell_text (DossierMatrix *self,
                              int            row,
                              int            column)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), NULL);

  if (!in_matrix (self, row, column))
    return NULL;
  if (row == -1)
    return g_strdup (column < (int) self->n_columns
                     ? dossier_comparison_get_document_title (self->comparison, column)
                     : _("Total"));
  if (column == -1)
    return g_strdup (row < (int) self->n_rows
                     ? dossier_comparison_get_row_label (self->comparison, row)
                     : _("Total"));
  return format_number (self, value_at (self, row, column));
}

int
dossier_matrix_get_density (DossierMatrix *self,
                            int            row,
                            int            column)
{
  double value;
  int step;

  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), -1);

  if (self->comparison == NULL || row < 0 || column < 0 ||
      row >= (int) self->n_rows || column >= (int) self->n_columns)
    return -1;
  value = dossier_comparison_get_value (self->comparison, row, column);
  step = self->max > 0 && value > 0 ? 1 + (int) (4.999 * value / self->max) : 0;
  return CLAMP (step, 0, 5);
}

char *
dossier_matrix_get_tooltip (DossierMatrix *self,
                            int            row,
                            int            column)
{
  DossierComparison *c;
  g_autofree char *amount = NULL;

  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), NULL);

  if (self->comparison != NULL && row == -1 && column == -1)
    {
      const DossierCompareArrangement *a = dossier_comparison_get_arrangement (self->comparison);

      if (a->row_sort != DOSSIER_COMPARE_SORT_NAME)
        return g_strdup (_("Click to sort the rows by name"));
      return g_strdup (a->rows_descending ? _("Rows sorted by name, Z to A: click to reverse")
                                          : _("Rows sorted by name, A to Z: click to reverse"));
    }
  if (!in_matrix (self, row, column))
    return NULL;
  c = self->comparison;
  if (row == -1 && column == (int) self->n_columns)
    {
      g_autofree char *hint = heading_sort_hint (self, column);

      return g_strdup_printf ("%s\n%s", _("Each row's total over the documents"), hint);
    }
  if (column == -1 && row == (int) self->n_rows)
    {
      const char *filter = dossier_comparison_get_arrangement (self->comparison)->filter;

      if (filter != NULL)
        /* Translators: the totals' row of the matrix while Filter Rows holds %s. */
        return g_strdup_printf (_("Each document's total over the rows matching “%s”: "
                                  "a passage in several rows counts once"), filter);
      return g_strdup (_("Each document's total: a passage in several rows counts once"));
    }

  amount = row_amount (self, row == -1 ? self->n_rows : (guint) row,
                       value_at (self, row == -1 ? self->n_rows : (guint) row,
                                 column == -1 ? self->n_columns : (guint) column));
  if (row == -1)
    {
      g_autofree char *byline = document_byline (self, column);
      g_autofree char *hint = heading_sort_hint (self, column);
      g_autofree char *words = g_strdup_printf (ngettext ("%u word", "%u words",
                                                          dossier_comparison_get_document_words (c, column)),
                                                dossier_comparison_get_document_words (c, column));

      /* Translators: a document's heading in the matrix: its title, outlet and date,
       * its length ("1,200 words") and its total ("12 highlights"), then what a
       * click on it does. */
      return g_strdup_printf (_("%s\n%s\n%s, %s in all\n%s"), dossier_comparison_get_document_title (c, column),
                              byline, words, amount, hint);
    }
  if (column == -1)
    {
      g_autofree char *total = format_amount (self, value_at (self, row, self->n_columns));
      /* Translators: a row's total, e.g. "5 highlights in all". */
      g_autofree char *in_all = with_sub_tags (self, row, g_strdup_printf (_("%s in all"), total));

      /* Its name, its path or detail, its total; for a tag with sub-tags,
       * whether they are shown. */
      if (dossier_comparison_get_row_n_below (c, row) > 0)
        return g_strdup_printf ("%s\n%s\n%s\n%s", dossier_comparison_get_row_label (c, row),
                                dossier_comparison_get_row_detail (c, row), in_all,
                                dossier_comparison_get_row_collapsed (c, row)
                                ? _("Collapsed: click the arrow or press Right to show its sub-tags")
                                : _("Expanded: click the arrow or press Left to hide its sub-tags"));
      return g_strdup_printf ("%s\n%s\n%s", dossier_comparison_get_row_label (c, row),
                              dossier_comparison_get_row_detail (c, row), in_all);
    }
  if (row == (int) self->n_rows)
    /* Translators: a document's total, e.g. "Total in The Post: 12 highlights". */
    return g_strdup_printf (_("Total in %s: %s"), dossier_comparison_get_document_title (c, column), amount);
  if (column == (int) self->n_columns)
    /* Translators: a row's total, e.g. "Total for Cost: 5 highlights". */
    return g_strdup_printf (_("Total for %s: %s"), dossier_comparison_get_row_label (c, row), amount);
  {
    double place = dossier_comparison_get_first_place (c, row, column);
    /* Translators: a cell of the matrix: row, document, value ("Cost in The Post: 3 highlights"). */
    g_autofree char *line = g_strdup_printf (_("%s in %s: %s"), dossier_comparison_get_row_label (c, row),
                                             dossier_comparison_get_document_title (c, column), amount);

    g_autofree char *where = NULL;

    if (place < 0)
      return g_steal_pointer (&line);
    /* Translators: where a document first raises a row, e.g. "First at 12 % of the text". */
    where = g_strdup_printf (_("First at %.0f %% of the text"), place * 100);
    return g_strdup_printf ("%s\n%s", line, where);
  }
}

/* ---- Measuring ------------------------------------------------------------------ */

static void
set_text (DossierMatrix *self,
          const char    *text,
          gboolean       bold,
          gboolean       small,
          int            width,
          int            lines)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autofree char *shown = NULL;

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (self->text, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (self->text, width > 0 ? width * PANGO_SCALE : -1);
  pango_layout_set_height (self->text, -lines);
  pango_layout_set_wrap (self->text, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (self->text, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  /* A heading may be a name or a title of any length from a file. */
  shown = dossier_text_shown (text);
  pango_layout_set_text (self->text, shown, -1);
}

static int
text_width (DossierMatrix *self)
{
  int w, h;

  pango_layout_get_pixel_size (self->text, &w, &h);
  return w;
}

static int
text_height (DossierMatrix *self)
{
  int w, h;

  pango_layout_get_pixel_size (self->text, &w, &h);
  return h;
}

/* The documents' columns' natural width: the least, up to @max, at which
 * every title is whole on its lines (clear of a sort arrow). A wide window
 * cut the sample's titles to three lines of 18 characters with room to
 * spare; a narrow one keeps the least width and cuts them. */
static void
measure_titles (DossierMatrix *self,
                int            max,
                int            step)
{
  int width = self->min_column_width;

  for (guint c = 0; self->comparison != NULL && c < dossier_comparison_get_n_documents (self->comparison); c++)
    {
      const char *title = dossier_comparison_get_document_title (self->comparison, c);
      g_autofree char *byline = document_byline (self, c);

      set_text (self, title, TRUE, FALSE, width - 2 * PAD - EXPANDER, TITLE_LINES);
      while (pango_layout_is_ellipsized (self->text) && width < max)
        {
          width = MIN (max, width + step);
          set_text (self, title, TRUE, FALSE, width - 2 * PAD - EXPANDER, TITLE_LINES);
        }
      /* Its outlet and date on their line. */
      set_text (self, byline, FALSE, TRUE, width - 2 * PAD, 1);
      while (pango_layout_is_ellipsized (self->text) && width < max)
        {
          width = MIN (max, width + step);
          set_text (self, byline, FALSE, TRUE, width - 2 * PAD, 1);
        }
    }
  self->natural_column_width = width;
}

/* The documents' columns share the room there is, each between its least
 * and its natural width. */
static void
fit_columns (DossierMatrix *self,
             int            width)
{
  int column_width = self->min_column_width;

  if (self->n_columns > 0 && width > 0)
    column_width = CLAMP ((width - self->label_width - self->total_width) / (int) self->n_columns,
                          self->min_column_width, self->natural_column_width);
  if (column_width != self->column_width)
    {
      self->column_width = column_width;
      g_clear_pointer (&self->cells, gsk_render_node_unref);
    }
}

/* Sizes from the font: a line's height, an average character's width,
 * the widest row name. */
static void
measure_all (DossierMatrix *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int char_width = MAX (4, pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE);
  int small_height, widest = 0;

  pango_font_metrics_unref (metrics);

  if (self->text == NULL)
    self->text = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  else
    pango_layout_context_changed (self->text);

  set_text (self, "Xg", TRUE, FALSE, -1, 1);
  self->line_height = text_height (self);
  set_text (self, "Xg", FALSE, TRUE, -1, 1);
  small_height = text_height (self);
  self->row_height = MAX (28, self->line_height + 10);
  self->header_height = TITLE_LINES * self->line_height + small_height + 14;

  set_text (self, "00000.0", TRUE, FALSE, -1, 1);
  self->min_column_width = MAX (COLUMN_CHARS * char_width, text_width (self) + 2 * PAD);
  self->total_width = text_width (self);
  measure_titles (self, MAX (self->min_column_width, COLUMN_CHARS_MAX * char_width), char_width);

  set_text (self, _("Total"), TRUE, FALSE, -1, 1);
  widest = text_width (self);
  /* Its arrow, when it sorts the rows, sits above it. */
  self->total_width = MAX (MAX (self->total_width, widest), EXPANDER) + 2 * PAD;
  if (self->comparison != NULL)
    {
      /* The corner's "Tags" and its sort arrow. */
      set_text (self, rows_heading (self), TRUE, FALSE, -1, 1);
      widest = MAX (widest, text_width (self) + 2 + EXPANDER - (self->tree ? EXPANDER : 0));
    }
  /* Every row, shown or not: the names' column keeps its width while the
   * rows are filtered or collapsed. */
  for (guint r = 0; self->source != NULL && r < dossier_comparison_get_n_rows (self->source); r++)
    {
      /* Bold, as when its row is selected. */
      set_text (self, dossier_comparison_get_row_label (self->source, r), TRUE, FALSE, -1, 1);
      widest = MAX (widest, text_width (self) +
                            INDENT * (int) dossier_comparison_get_row_depth (self->source, r));
    }
  self->label_width = CLAMP (widest, 10 * char_width, LABEL_CHARS * char_width) + 2 * PAD +
                      (self->tree ? EXPANDER : 0);
  self->measured = TRUE;
  fit_columns (self, gtk_widget_get_width (GTK_WIDGET (self)));
}

static void
ensure_measured (DossierMatrix *self)
{
  if (!self->measured)
    measure_all (self);
}

static int
content_width (DossierMatrix *self)
{
  ensure_measured (self);
  if (self->comparison == NULL)
    return 0;
  return self->label_width + (int) self->n_columns * self->column_width + self->total_width;
}

static int
content_height (DossierMatrix *self)
{
  ensure_measured (self);
  if (self->comparison == NULL)
    return 0;
  return self->header_height + (int) (self->n_rows + 1) * self->row_height;
}

static double
scroll_x (DossierMatrix *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
scroll_y (DossierMatrix *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

gboolean
dossier_matrix_get_cell_area (DossierMatrix   *self,
                              int              row,
                              int              column,
                              graphene_rect_t *area)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (!in_matrix (self, row, column))
    return FALSE;
  ensure_measured (self);
  /* The headings stay in place; the body moves under them. */
  area->origin.x = column == -1 ? 0 : self->label_width + column * self->column_width - scroll_x (self);
  area->origin.y = row == -1 ? 0 : self->header_height + row * self->row_height - scroll_y (self);
  area->size.width = column == -1 ? self->label_width
                     : column == (int) self->n_columns ? self->total_width : self->column_width;
  area->size.height = row == -1 ? self->header_height : self->row_height;
  return TRUE;
}

gboolean
dossier_matrix_heading_is_whole (DossierMatrix *self,
                                 int            column)
{
  g_autofree char *byline = NULL;
  int text_w;
  gboolean whole;

  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), FALSE);

  if (!in_matrix (self, -1, column) || column < 0 || column >= (int) self->n_columns)
    return FALSE;
  ensure_measured (self);
  /* As draw_headings () sets them out. */
  text_w = self->column_width - 2 * PAD;
  set_text (self, dossier_comparison_get_document_title (self->comparison, column), TRUE, FALSE,
            sorted_by_column (self, column) ? text_w - EXPANDER : text_w, TITLE_LINES);
  whole = !pango_layout_is_ellipsized (self->text);
  byline = document_byline (self, column);
  set_text (self, byline, FALSE, TRUE, text_w, 1);
  return whole && !pango_layout_is_ellipsized (self->text);
}

/* What is at (@x, @y): a cell, a heading, a total, or nothing (FALSE). */
static gboolean
hit (DossierMatrix *self,
     double         x,
     double         y,
     int           *row,
     int           *column)
{
  if (self->comparison == NULL || x < 0 || y < 0)
    return FALSE;
  ensure_measured (self);
  *column = x < self->label_width ? -1
            : (int) ((x + scroll_x (self) - self->label_width) / self->column_width);
  *row = y < self->header_height ? -1
         : (int) ((y + scroll_y (self) - self->header_height) / self->row_height);
  /* Past the totals' narrower column: nothing. */
  if (*column >= (int) self->n_columns &&
      x + scroll_x (self) - self->label_width >= self->n_columns * self->column_width + self->total_width)
    *column = self->n_columns + 1;
  return in_matrix (self, *row, *column);
}

/* ---- Scrolling -------------------------------------------------------------------- */

static void
configure_adjustments (DossierMatrix *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  ensure_measured (self);
  if (self->hadjustment != NULL)
    {
      double upper = MAX (content_width (self), width);

      gtk_adjustment_configure (self->hadjustment,
                                CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, upper - width),
                                0, upper, self->column_width,
                                MAX (self->column_width, width - self->label_width), width);
    }
  if (self->vadjustment != NULL)
    {
      double upper = MAX (content_height (self), height);

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, upper - height),
                                0, upper, self->row_height,
                                MAX (self->row_height, height - self->header_height), height);
    }
}

/* Scrolls the least that shows the selection whole below and beside the
 * headings. */
static void
scroll_to_selection (DossierMatrix *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->comparison == NULL || width <= 0 || height <= 0)
    return;
  if (self->hadjustment != NULL && self->column >= 0)
    {
      double left = self->column * self->column_width;
      double shown = width - self->label_width;
      double value = gtk_adjustment_get_value (self->hadjustment);

      if (left < value)
        gtk_adjustment_set_value (self->hadjustment, left);
      else if (left + self->column_width > value + shown)
        gtk_adjustment_set_value (self->hadjustment, left + self->column_width - shown);
    }
  if (self->vadjustment != NULL && self->row >= 0)
    {
      double top = self->row * self->row_height;
      double shown = height - self->header_height;
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (top < value)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if (top + self->row_height > value + shown)
        gtk_adjustment_set_value (self->vadjustment, top + self->row_height - shown);
    }
}

static void
on_adjustment_changed (DossierMatrix *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (DossierMatrix  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
  g_clear_object (slot);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self,
                           G_CONNECT_SWAPPED);
  configure_adjustments (self);
}

/* ---- Drawing --------------------------------------------------------------------- */

/* The shades of the stylesheet's former cells: the accent at 15 % to
 * 100 %, light and dark alike. */
static const float density_alpha[] = { 0, 0.15f, 0.3f, 0.45f, 0.65f, 1.0f };

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA rule;
  GdkRGBA bg;
  GdkRGBA accent;     /* the selection's outline */
  GdkRGBA accent_bg;  /* the shades */
  GdkRGBA number[G_N_ELEMENTS (density_alpha)];  /* a cell's number on each shade */
} Colors;

static void
lookup (GtkWidget  *widget,
        const char *name,
        const char *fallback,
        GdkRGBA    *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
get_colors (GtkWidget *widget,
            Colors    *c)
{
  GdkRGBA page = dossier_contrast_page_color (widget);
  GdkRGBA accent_fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &c->fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* As style.css dims labels: 4.5:1, where Adwaita's 55 % is 3.2:1. */
  c->dim = c->fg;
  c->dim.alpha *= 0.72;
  c->rule = c->fg;
  c->rule.alpha *= 0.15;
  lookup (widget, "window_bg_color", "#fafafa", &c->bg);
  lookup (widget, "accent_color", "#1c71d8", &c->accent);
  lookup (widget, "accent_bg_color", "#3584e4", &c->accent_bg);
  lookup (widget, "accent_fg_color", "#ffffff", &accent_fg);

  /* A number reads at 4.5:1 on its shade: the text colour or the
   * accent's, whichever reads better, darkened or lightened if neither
   * does (white on two thirds of the accent was 2.3:1 in light style,
   * on the whole accent 3.8:1 in both). */
  c->number[0] = c->dim;
  for (guint step = 1; step < G_N_ELEMENTS (c->number); step++)
    {
      GdkRGBA shade = c->accent_bg;
      GdkRGBA text, on_accent;

      shade.alpha *= density_alpha[step];
      shade = dossier_contrast_composite (&shade, &page);
      text = dossier_contrast_composite (&c->fg, &shade);
      on_accent = dossier_contrast_composite (&accent_fg, &shade);
      if (dossier_contrast_ratio (&on_accent, &shade) > dossier_contrast_ratio (&text, &shade))
        text = on_accent;
      c->number[step] = dossier_contrast_adjust (&text, &shade, DOSSIER_CONTRAST_TEXT);
    }
}

static void
append_text (DossierMatrix *self,
             GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->text, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *color,
                float                  width)
{
  GskRoundedRect outline;
  const GdkRGBA colors[4] = { *color, *color, *color, *color };
  const float widths[4] = { width, width, width, width };

  gsk_rounded_rect_init_from_rect (&outline, rect, RADIUS);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

/* A symbolic icon of the theme, EXPANDER square, at (@x, @y). */
static void
append_icon (DossierMatrix *self,
             GtkSnapshot   *snapshot,
             const char    *name,
             const GdkRGBA *color,
             double         x,
             double         y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, name, NULL, EXPANDER,
                                                                 gtk_widget_get_scale_factor (widget),
                                                                 gtk_widget_get_direction (widget), 0);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, EXPANDER, EXPANDER,
                                            color, 1);
  gtk_snapshot_restore (snapshot);
}

/* The arrow of a heading that sorts the rows. */
static const char *
sort_icon (DossierMatrix *self)
{
  return dossier_comparison_get_arrangement (self->comparison)->rows_descending ? "pan-down-symbolic"
                                                                                 : "pan-up-symbolic";
}

/* What the rows are, over their names. */
static const char *
rows_heading (DossierMatrix *self)
{
  switch (dossier_comparison_get_options (self->comparison)->rows)
    {
    case DOSSIER_COMPARE_STAKEHOLDERS:
      return _("Stakeholders");
    case DOSSIER_COMPARE_ARGUMENTS:
      return _("Arguments");
    case DOSSIER_COMPARE_TAGS:
    default:
      return _("Tags");
    }
}

/* A number, right-aligned in its cell @width wide. */
static void
draw_number (DossierMatrix *self,
             GtkSnapshot   *snapshot,
             const char    *text,
             gboolean       bold,
             const GdkRGBA *color,
             double         x,
             double         y,
             int            width)
{
  set_text (self, text, bold, FALSE, -1, 1);
  append_text (self, snapshot, color, x + width - PAD - text_width (self),
               y + (self->row_height - text_height (self)) / 2.0);
}

/* The cells in view, shaded, with their numbers and the rules. */
static void
draw_cells (DossierMatrix *self,
            GtkSnapshot   *snapshot,
            const Colors  *colors,
            int            width,
            int            height)
{
  double sx = scroll_x (self), sy = scroll_y (self);
  int first_col = MAX (0, (int) (sx / self->column_width));
  int last_col = MIN ((int) self->n_columns, (int) ((sx + width - self->label_width) / self->column_width));
  int first_row = MAX (0, (int) (sy / self->row_height));
  int last_row = MIN ((int) self->n_rows, (int) ((sy + height - self->header_height) / self->row_height));

  for (int r = first_row; r <= last_row; r++)
    {
      double y = self->header_height + r * self->row_height - sy;
      gboolean total_row = r == (int) self->n_rows;

      /* A rule between rows, a stronger one above the totals. */
      gtk_snapshot_append_color (snapshot, &colors->rule,
                                 &GRAPHENE_RECT_INIT (self->label_width, y - (total_row ? 1 : 0),
                                                      width - self->label_width, total_row ? 2 : 1));
      for (int col = first_col; col <= last_col; col++)
        {
          double x = self->label_width + col * self->column_width - sx;
          gboolean total = total_row || col == (int) self->n_columns;
          int step = total ? -1 : dossier_matrix_get_density (self, r, col);
          g_autofree char *text = format_number (self, value_at (self, r, col));
          const GdkRGBA *color = &colors->fg;

          if (step > 0)
            {
              GdkRGBA shade = colors->accent_bg;

              shade.alpha *= density_alpha[step];
              /* Square: a rounded clip per cell costs GL an offscreen each. */
              gtk_snapshot_append_color (snapshot, &shade,
                                         &GRAPHENE_RECT_INIT (x + 1, y + 1, self->column_width - 2,
                                                              self->row_height - 2));
            }
          if (step >= 0)
            color = &colors->number[step];
          draw_number (self, snapshot, text, total, color, x, y,
                       col == (int) self->n_columns ? self->total_width : self->column_width);
        }
    }
}

/* The cells are kept as one render node while the comparison, the
 * scrolling, the size and the style stay: a selection moved draws only
 * its outline anew (and GTK repaints only where it was and is). */
static void
draw_body (DossierMatrix *self,
           GtkSnapshot   *snapshot,
           const Colors  *colors,
           int            width,
           int            height)
{
  double sx = scroll_x (self), sy = scroll_y (self);

  if (self->cells != NULL &&
      (self->cells_x != sx || self->cells_y != sy ||
       self->cells_width != width || self->cells_height != height))
    g_clear_pointer (&self->cells, gsk_render_node_unref);
  if (self->cells == NULL)
    {
      GtkSnapshot *cells = gtk_snapshot_new ();

      draw_cells (self, cells, colors, width, height);
      self->cells = gtk_snapshot_free_to_node (cells);
      self->cells_x = sx;
      self->cells_y = sy;
      self->cells_width = width;
      self->cells_height = height;
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->label_width, self->header_height,
                                                         width - self->label_width,
                                                         height - self->header_height));
  if (self->cells != NULL)
    gtk_snapshot_append_node (snapshot, self->cells);

  /* The selection: a cell, or the band of its row or column. */
  if (self->row >= 0 || self->column >= 0)
    {
      graphene_rect_t band;
      float thick = gtk_widget_has_focus (GTK_WIDGET (self)) ? 3 : 2;

      if (self->row >= 0 && self->column >= 0)
        dossier_matrix_get_cell_area (self, self->row, self->column, &band);
      else if (self->row >= 0)
        {
          dossier_matrix_get_cell_area (self, self->row, 0, &band);
          band.size.width = self->n_columns * self->column_width;
        }
      else
        {
          dossier_matrix_get_cell_area (self, 0, self->column, &band);
          band.size.height = self->n_rows * self->row_height;
        }
      append_outline (snapshot, &band, &colors->accent, thick);
    }
  gtk_snapshot_pop (snapshot);
}

static void
draw_row_names (DossierMatrix *self,
                GtkSnapshot   *snapshot,
                const Colors  *colors,
                int            height)
{
  double sy = scroll_y (self);
  int first_row = MAX (0, (int) (sy / self->row_height));
  int last_row = MIN ((int) self->n_rows, (int) ((sy + height - self->header_height) / self->row_height));

  gtk_snapshot_append_color (snapshot, &colors->bg,
                             &GRAPHENE_RECT_INIT (0, self->header_height, self->label_width,
                                                  height - self->header_height));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->header_height, self->label_width,
                                                         height - self->header_height));
  for (int r = first_row; r <= last_row; r++)
    {
      double y = self->header_height + r * self->row_height - sy;
      gboolean total = r == (int) self->n_rows;
      gboolean selected = r == self->row && self->column == -1;
      int indent = total ? 0 : INDENT * (int) dossier_comparison_get_row_depth (self->comparison, r);
      const GdkRGBA *color = selected ? &colors->accent : &colors->fg;

      if (selected)
        {
          GdkRGBA tint = colors->accent_bg;

          tint.alpha *= 0.15f;
          append_rounded (snapshot, &GRAPHENE_RECT_INIT (1, y + 1, self->label_width - 2, self->row_height - 2),
                          &tint);
        }
      if (self->tree && !total)
        {
          /* Every row keeps the expander's room, so that names line up. */
          if (dossier_comparison_get_row_n_below (self->comparison, r) > 0)
            append_icon (self, snapshot,
                         /* The theme turns "end" round for right-to-left text. */
                         dossier_comparison_get_row_collapsed (self->comparison, r) ? "pan-end-symbolic"
                                                                                    : "pan-down-symbolic",
                         color, PAD + indent, y + (self->row_height - EXPANDER) / 2.0);
          indent += EXPANDER;
        }
      set_text (self, total ? _("Total") : dossier_comparison_get_row_label (self->comparison, r),
                total || r == self->row, FALSE, self->label_width - 2 * PAD - indent, 1);
      append_text (self, snapshot, color, PAD + indent, y + (self->row_height - text_height (self)) / 2.0);
    }
  gtk_snapshot_pop (snapshot);
}

static void
draw_headings (DossierMatrix *self,
               GtkSnapshot   *snapshot,
               const Colors  *colors,
               int            width)
{
  double sx = scroll_x (self);
  int first_col = MAX (0, (int) (sx / self->column_width));
  int last_col = MIN ((int) self->n_columns, (int) ((sx + width - self->label_width) / self->column_width));
  int text_w = self->column_width - 2 * PAD;

  gtk_snapshot_append_color (snapshot, &colors->bg, &GRAPHENE_RECT_INIT (0, 0, width, self->header_height));

  /* The corner: what the rows are; a click there sorts them by name. */
  {
    gboolean by_name = dossier_comparison_get_arrangement (self->comparison)->row_sort == DOSSIER_COMPARE_SORT_NAME;
    double y;

    set_text (self, rows_heading (self), TRUE, FALSE, self->label_width - 2 * PAD - EXPANDER, 1);
    y = self->header_height - 6 - text_height (self);
    append_text (self, snapshot, by_name ? &colors->accent : &colors->dim, PAD, y);
    if (by_name)
      append_icon (self, snapshot, sort_icon (self), &colors->accent, PAD + text_width (self) + 2,
                   y + (text_height (self) - EXPANDER) / 2.0);
  }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->label_width, 0, width - self->label_width,
                                                         self->header_height));
  for (int col = first_col; col <= last_col; col++)
    {
      double x = self->label_width + col * self->column_width - sx;
      gboolean selected = col == self->column && self->row == -1;
      double y;

      if (selected)
        {
          GdkRGBA tint = colors->accent_bg;

          tint.alpha *= 0.15f;
          append_rounded (snapshot, &GRAPHENE_RECT_INIT (x + 1, 1, self->column_width - 2,
                                                         self->header_height - 2), &tint);
        }
      if (sorted_by_column (self, col))
        {
          int w = col == (int) self->n_columns ? self->total_width : self->column_width;

          append_icon (self, snapshot, sort_icon (self), &colors->accent, x + w - PAD - EXPANDER, 4);
        }
      if (col == (int) self->n_columns)
        {
          set_text (self, _("Total"), TRUE, FALSE, -1, 1);
          append_text (self, snapshot, sorted_by_column (self, col) ? &colors->accent : &colors->fg,
                       x + self->total_width - PAD - text_width (self),
                       self->header_height - 6 - text_height (self));
          continue;
        }
      {
        g_autofree char *byline = document_byline (self, col);
        /* Clear of the sort arrow. */
        int title_w = sorted_by_column (self, col) ? text_w - EXPANDER : text_w;

        /* The title on up to three lines, its outlet and date below, all
         * at the bottom of the heading, next to the numbers. */
        set_text (self, byline, FALSE, TRUE, text_w, 1);
        y = self->header_height - 6 - (*byline != '\0' ? text_height (self) : 0);
        if (*byline != '\0')
          append_text (self, snapshot, &colors->dim, x + PAD, y);
        set_text (self, dossier_comparison_get_document_title (self->comparison, col), TRUE, FALSE,
                  title_w, TITLE_LINES);
        append_text (self, snapshot, selected ? &colors->accent : &colors->fg, x + PAD,
                     y - text_height (self));
      }
    }
  gtk_snapshot_pop (snapshot);
  /* The rule under the headings. */
  gtk_snapshot_append_color (snapshot, &colors->rule,
                             &GRAPHENE_RECT_INIT (0, self->header_height - 1, width, 1));
}

static void
dossier_matrix_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  DossierMatrix *self = DOSSIER_MATRIX (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Colors colors;

  if (self->comparison == NULL || width <= 0 || height <= 0)
    return;
  ensure_measured (self);
  get_colors (widget, &colors);
  draw_body (self, snapshot, &colors, width, height);
  draw_row_names (self, snapshot, &colors, height);
  draw_headings (self, snapshot, &colors, width);

  /* With the focus and nothing selected, the whole matrix is ringed. */
  if (gtk_widget_has_visible_focus (widget) && self->row == -1 && self->column == -1)
    append_outline (snapshot, &GRAPHENE_RECT_INIT (1, 1, MIN (width, content_width (self)) - 2,
                                                   MIN (height, content_height (self)) - 2),
                    &colors.accent, 2);
}

static void
dossier_matrix_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  DossierMatrix *self = DOSSIER_MATRIX (widget);

  ensure_measured (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Room for the titles whole, when there is that much. */
      *natural = self->comparison == NULL ? 0
                 : self->label_width + (int) self->n_columns * self->natural_column_width + self->total_width;
      /* Scrolled, the names and one document at least. */
      *minimum = self->comparison == NULL ? 0 : MIN (*natural, self->label_width + self->min_column_width);
    }
  else
    {
      *natural = content_height (self);
      *minimum = self->comparison == NULL ? 0 : MIN (*natural, self->header_height + 2 * self->row_height);
    }
}

static void
dossier_matrix_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DossierMatrix *self = DOSSIER_MATRIX (widget);

  ensure_measured (self);
  fit_columns (self, width);
  configure_adjustments (self);
}

static void
dossier_matrix_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  DossierMatrix *self = DOSSIER_MATRIX (widget);

  GTK_WIDGET_CLASS (dossier_matrix_parent_class)->css_changed (widget, change);
  /* The font or the colours may have changed: measure and draw again. */
  self->measured = FALSE;
  g_clear_pointer (&self->cells, gsk_render_node_unref);
  gtk_widget_queue_resize (widget);
}

/* ---- Selection, keys, pointer, screen readers ----------------------------------- */

/* The selection in words, for screen readers: where it is and what it
 * counts; with nothing selected, what the matrix holds. */
static void
update_accessible (DossierMatrix *self)
{
  g_autofree char *description = NULL;
  g_autofree char *sorted = NULL;
  const char *filter = self->comparison != NULL
                       ? dossier_comparison_get_arrangement (self->comparison)->filter : NULL;

  if (self->comparison == NULL || self->n_columns == 0)
    description = g_strdup (_("No documents compared."));
  else if (self->row >= 0 && self->column >= 0)
    description = dossier_matrix_get_tooltip (self, self->row, self->column);
  else if (self->row >= 0)
    {
      g_autofree char *amount = row_amount (self, self->row, value_at (self, self->row, self->n_columns));
      const char *state = NULL;

      if (dossier_comparison_get_row_n_below (self->comparison, self->row) > 0)
        state = dossier_comparison_get_row_collapsed (self->comparison, self->row)
                ? _("Collapsed; Right shows its sub-tags.") : _("Expanded; Left hides its sub-tags.");
      /* Translators: a whole row selected in the matrix, e.g. "Cost in every document: 5 highlights". */
      description = g_strdup_printf (_("%s in every document: %s"),
                                     dossier_comparison_get_row_label (self->comparison, self->row), amount);
      if (state != NULL)
        {
          char *with = g_strdup_printf ("%s. %s", description, state);

          g_free (description);
          description = with;
        }
    }
  else if (self->column >= 0)
    {
      g_autofree char *amount = format_amount (self, value_at (self, self->n_rows, self->column));
      g_autofree char *hint = heading_sort_hint (self, self->column);

      /* Translators: a whole document selected in the matrix, e.g. "Everything in The Post: 12 highlights",
       * then what a click or Space on its heading does. */
      description = g_strdup_printf (_("Everything in %s: %s. %s."),
                                     dossier_comparison_get_document_title (self->comparison, self->column),
                                     amount, hint);
    }
  else if (self->n_rows == 0 && filter != NULL)
    /* Translators: the matrix filtered to nothing, for screen readers. */
    description = g_strdup_printf (_("No rows match “%s”."), filter);
  else
    {
      g_autofree char *rows = g_strdup_printf (ngettext ("%u row", "%u rows", self->n_rows), self->n_rows);
      g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", self->n_columns),
                                                    self->n_columns);

      /* Translators: the matrix with nothing selected, for screen readers ("4 rows by 3 documents. …"). */
      description = g_strdup_printf (_("%s by %s. The arrow keys move between cells."), rows, documents);
      if (filter != NULL)
        {
          /* Translators: said after the size of a filtered matrix. */
          char *with = g_strdup_printf (_("%s Rows matching “%s”."), description, filter);

          g_free (description);
          description = with;
        }
    }

  /* How the rows are sorted, said once more wherever the selection is. */
  sorted = self->comparison != NULL ? row_sort_words (self) : NULL;
  /* (A heading that sorts the rows has said so.) */
  if (sorted != NULL && !(self->row < 0 && self->column >= 0 && sorted_by_column (self, self->column)))
    {
      char *with = g_strdup_printf ("%s%s %s", description, g_str_has_suffix (description, ".") ? "" : ".",
                                    sorted);

      g_free (description);
      description = with;
    }

  /* The tooltip's other lines are sentences of their own. */
  g_strdelimit (description, "\n", ' ');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) self->n_rows,
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, (int) self->n_columns,
                                  -1);
}

static void
select_and_notify (DossierMatrix *self,
                   int            row,
                   int            column,
                   gboolean       force)
{
  row = CLAMP (row, -1, (int) self->n_rows - 1);
  column = CLAMP (column, -1, (int) self->n_columns - 1);
  if (!force && row == self->row && column == self->column)
    return;
  self->row = row;
  self->column = column;
  scroll_to_selection (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
dossier_matrix_select (DossierMatrix *self,
                       int            row,
                       int            column)
{
  g_return_if_fail (DOSSIER_IS_MATRIX (self));

  select_and_notify (self, row, column, FALSE);
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
activate_selection (DossierMatrix *self)
{
  if (self->row >= 0 || self->column >= 0)
    g_signal_emit (self, signals[ACTIVATE], 0);
}

/* The expander of @row's name at @x, if it has one. */
static gboolean
on_expander (DossierMatrix *self,
             int            row,
             double         x)
{
  double left;

  if (!self->tree || row < 0 || row >= (int) self->n_rows ||
      dossier_comparison_get_row_n_below (self->comparison, row) == 0)
    return FALSE;
  left = PAD + INDENT * (int) dossier_comparison_get_row_depth (self->comparison, row);
  /* A little wider than drawn: an easy target. */
  return x >= left - 4 && x < left + EXPANDER + 4;
}

static void
toggle_row (DossierMatrix *self,
            int            row)
{
  gint64 id = dossier_comparison_get_row_id (self->comparison, row);

  dossier_matrix_set_row_expanded (self, id, !dossier_matrix_get_row_expanded (self, id));
}

gboolean
dossier_matrix_click (DossierMatrix *self,
                      double         x,
                      double         y,
                      int            n_press)
{
  int row, column;

  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), FALSE);

  if (self->comparison == NULL)
    return FALSE;
  ensure_measured (self);
  /* The corner sorts the rows by name. */
  if (x >= 0 && y >= 0 && x < self->label_width && y < self->header_height)
    {
      sort_by_heading (self, -1);
      return TRUE;
    }
  if (!hit (self, x, y, &row, &column))
    {
      dossier_matrix_select (self, -1, -1);
      return FALSE;
    }
  /* A heading sorts the rows by its document (or the totals), each press
   * turning the order round; it selects its document too. */
  if (row == -1)
    {
      if (column < (int) self->n_columns)
        dossier_matrix_select (self, -1, column);
      sort_by_heading (self, column);
      return TRUE;
    }
  if (column == -1 && on_expander (self, row, x))
    {
      toggle_row (self, row);
      return TRUE;
    }
  /* A total stands for its row or its column. */
  if (row == (int) self->n_rows)
    row = -1;
  if (column == (int) self->n_columns)
    column = -1;
  dossier_matrix_select (self, row, column);
  if (n_press == 2)
    activate_selection (self);
  return row >= 0 || column >= 0;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            DossierMatrix   *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (dossier_matrix_click (self, x, y, n_press))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Rows in view below the headings, less one: a page for Page Up/Down. */
static int
page_rows (DossierMatrix *self)
{
  int shown = gtk_widget_get_height (GTK_WIDGET (self)) - self->header_height;

  return MAX (1, shown / MAX (1, self->row_height) - 1);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DossierMatrix         *self)
{
  int row = self->row, column = self->column;
  int last_row = (int) self->n_rows - 1, last_column = (int) self->n_columns - 1;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;

  if (self->comparison == NULL || self->n_columns == 0)
    return FALSE;

  /* + and − show and hide the sub-tags of the row selected (+ may need
   * Shift). */
  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_KP_Add: case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) || row < 0 ||
          dossier_comparison_get_row_n_below (self->comparison, row) == 0)
        return FALSE;
      dossier_matrix_set_row_expanded (self, dossier_comparison_get_row_id (self->comparison, row),
                                       keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add);
      return TRUE;
    default:
      break;
    }

  if (state & (GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      /* On a heading, Space sorts by it, as a click does. */
      if (row == -1 && column >= 0)
        {
          sort_by_heading (self, column);
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      if (row < 0 && column < 0)
        return FALSE;
      activate_selection (self);
      return TRUE;
    case GDK_KEY_Escape:
      if (row < 0 && column < 0)
        return FALSE;
      dossier_matrix_select (self, -1, -1);
      return TRUE;
    default:
      break;
    }

  /* The first key into an unselected matrix lands on its first cell
   * (its first column's heading when it has no rows). */
  if (row < 0 && column < 0)
    {
      switch (keyval)
        {
        case GDK_KEY_Left: case GDK_KEY_KP_Left: case GDK_KEY_Right: case GDK_KEY_KP_Right:
        case GDK_KEY_Up: case GDK_KEY_KP_Up: case GDK_KEY_Down: case GDK_KEY_KP_Down:
        case GDK_KEY_Home: case GDK_KEY_KP_Home: case GDK_KEY_End: case GDK_KEY_KP_End:
        case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
          dossier_matrix_select (self, last_row >= 0 ? 0 : -1, 0);
          return TRUE;
        default:
          return FALSE;
        }
    }

  /* Headings are reached as a row's name left of its first cell and a
   * column's heading above its first cell, as in the table they read. */
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      if (ctrl)
        return FALSE;
      /* On a tag's name, as in a tree: hide its sub-tags, else go up to
       * its parent. */
      if (column == -1 && row >= 0)
        {
          gint64 id = dossier_comparison_get_row_id (self->comparison, row);
          int parent = dossier_comparison_get_row_parent (self->comparison, row);

          if (dossier_comparison_get_row_n_below (self->comparison, row) > 0 &&
              dossier_matrix_get_row_expanded (self, id))
            {
              dossier_matrix_set_row_expanded (self, id, FALSE);
              return TRUE;
            }
          if (parent >= 0)
            {
              dossier_matrix_select (self, parent, -1);
              return TRUE;
            }
        }
      column--;
      break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      if (ctrl)
        return FALSE;
      /* On a collapsed tag's name: show its sub-tags. */
      if (column == -1 && row >= 0 && dossier_comparison_get_row_collapsed (self->comparison, row))
        {
          dossier_matrix_set_row_expanded (self, dossier_comparison_get_row_id (self->comparison, row), TRUE);
          return TRUE;
        }
      column = column < 0 ? 0 : column + 1;
      break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      if (ctrl)
        return FALSE;
      row--;
      break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      if (ctrl)
        return FALSE;
      row = row < 0 ? 0 : row + 1;
      break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      if (ctrl)
        row = last_row >= 0 ? 0 : -1;
      column = row >= 0 ? -1 : 0;
      if (ctrl)
        column = 0;
      break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      if (ctrl)
        row = last_row;
      column = last_column;
      break;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      if (row < 0)
        return FALSE;
      row = MAX (0, row - page_rows (self));
      break;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
      if (row < 0)
        return FALSE;
      row = MIN (last_row, row + page_rows (self));
      break;
    default:
      return FALSE;
    }

  /* At an edge the selection stays and the key is still ours: an arrow
   * does not throw the focus out of the matrix. */
  if (row > last_row || column > last_column || row < -1 || column < -1 ||
      (row < 0 && column < 0) || (row == self->row && column == self->column))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  dossier_matrix_select (self, row, column);
  return TRUE;
}

static gboolean
dossier_matrix_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  DossierMatrix *self = DOSSIER_MATRIX (widget);
  g_autofree char *text = NULL;
  graphene_rect_t area;
  int row = self->row, column = self->column;

  if (!keyboard_tooltip && !hit (self, x, y, &row, &column))
    return FALSE;
  text = dossier_matrix_get_tooltip (self, row, column);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  if (dossier_matrix_get_cell_area (self, row, column, &area))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { area.origin.x, area.origin.y,
                                                         area.size.width, area.size.height });
  return TRUE;
}

static void
dossier_matrix_focus_changed (DossierMatrix *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- The comparison ----------------------------------------------------------------- */

/* Shows @shown (the source arranged), the selection kept on the same row
 * and document if they remain; else on @fallback_row_id's row. Unless
 * @changed (new numbers), "selection-changed" is for a selection of
 * another row or document only, not the same one moved. */
static void
show (DossierMatrix     *self,
      DossierComparison *shown,
      gint64             fallback_row_id,
      gboolean           changed)
{
  int row = -1, column = -1;
  gboolean same = FALSE;

  if (self->comparison != NULL && shown != NULL)
    {
      if (self->row >= 0)
        row = dossier_comparison_find_row (shown, dossier_comparison_get_row_id (self->comparison, self->row));
      if (row < 0 && fallback_row_id != 0)
        row = dossier_comparison_find_row (shown, fallback_row_id);
      if (self->column >= 0)
        {
          gint64 id = dossier_comparison_get_document_id (self->comparison, self->column);

          for (guint c = 0; c < dossier_comparison_get_n_documents (shown); c++)
            if (dossier_comparison_get_document_id (shown, c) == id)
              column = (int) c;
        }
      same = (row >= 0) == (self->row >= 0) && (column >= 0) == (self->column >= 0) &&
             (row < 0 || dossier_comparison_get_row_id (shown, row) ==
                         dossier_comparison_get_row_id (self->comparison, self->row));
    }

  if (shown != NULL)
    dossier_comparison_ref (shown);
  g_clear_pointer (&self->comparison, dossier_comparison_unref);
  self->comparison = shown;
  self->n_rows = shown != NULL ? dossier_comparison_get_n_rows (shown) : 0;
  self->n_columns = shown != NULL ? dossier_comparison_get_n_documents (shown) : 0;
  self->max = shown != NULL ? dossier_comparison_get_max_value (shown) : 0;
  g_clear_pointer (&self->cells, gsk_render_node_unref);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (changed || !same)
    {
      select_and_notify (self, row, column, TRUE);
      return;
    }
  /* The same row and document, maybe elsewhere: kept in view. */
  self->row = row;
  self->column = column;
  scroll_to_selection (self);
  update_accessible (self);
}

/* The source as the person arranged it, shown. */
static void
arrange (DossierMatrix *self,
         gint64         fallback_row_id,
         gboolean       changed)
{
  DossierCompareArrangement a = DOSSIER_COMPARE_ARRANGEMENT_INIT;
  g_autoptr(DossierComparison) shown = NULL;
  g_autoptr(GError) error = NULL;

  if (self->source == NULL)
    {
      show (self, NULL, 0, changed);
      return;
    }
  a.row_sort = self->row_sort;
  a.row_sort_document = self->row_sort_document;
  a.rows_descending = self->rows_descending;
  a.column_sort = self->column_sort;
  a.columns_descending = self->columns_descending;
  a.filter = self->filter;
  a.collapsed = self->collapsed;
  /* The document sorted by is no longer compared: back to the codebook's order. */
  if (a.row_sort == DOSSIER_COMPARE_SORT_DOCUMENT)
    {
      guint c, n = dossier_comparison_get_n_documents (self->source);

      for (c = 0; c < n; c++)
        if (dossier_comparison_get_document_id (self->source, c) == a.row_sort_document)
          break;
      if (c == n)
        {
          self->row_sort = a.row_sort = DOSSIER_COMPARE_SORT_ORDER;
          self->rows_descending = a.rows_descending = FALSE;
        }
    }
  shown = dossier_comparison_arrange (self->source, &a, &error);
  if (shown == NULL)
    {
      g_warning ("Cannot arrange the comparison: %s", error->message);
      shown = dossier_comparison_ref (self->source);
    }
  show (self, shown, fallback_row_id, changed);
}

static void
rearrange (DossierMatrix *self,
           gint64         fallback_row_id)
{
  arrange (self, fallback_row_id, FALSE);
  g_signal_emit (self, signals[ARRANGEMENT_CHANGED], 0);
}

void
dossier_matrix_set_comparison (DossierMatrix     *self,
                               DossierComparison *comparison)
{
  gboolean tree = FALSE;

  g_return_if_fail (DOSSIER_IS_MATRIX (self));

  if (comparison != NULL)
    dossier_comparison_ref (comparison);
  g_clear_pointer (&self->source, dossier_comparison_unref);
  self->source = comparison;
  for (guint r = 0; comparison != NULL && r < dossier_comparison_get_n_rows (comparison) && !tree; r++)
    tree = dossier_comparison_get_row_n_below (comparison, r) > 0;
  self->tree = tree;
  self->measured = FALSE;
  arrange (self, 0, TRUE);
}

DossierComparison *
dossier_matrix_get_comparison (DossierMatrix *self)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), NULL);
  return self->comparison;
}

void
dossier_matrix_sort_rows (DossierMatrix      *self,
                          DossierCompareSort  sort,
                          gint64              document_id,
                          gboolean            descending)
{
  g_return_if_fail (DOSSIER_IS_MATRIX (self));
  g_return_if_fail (sort <= DOSSIER_COMPARE_SORT_DOCUMENT);

  if (sort != DOSSIER_COMPARE_SORT_DOCUMENT)
    document_id = 0;
  if (self->row_sort == sort && self->row_sort_document == document_id &&
      self->rows_descending == descending)
    return;
  self->row_sort = sort;
  self->row_sort_document = document_id;
  self->rows_descending = descending;
  rearrange (self, 0);
}

void
dossier_matrix_sort_columns (DossierMatrix      *self,
                             DossierCompareSort  sort,
                             gboolean            descending)
{
  g_return_if_fail (DOSSIER_IS_MATRIX (self));
  g_return_if_fail (sort != DOSSIER_COMPARE_SORT_DOCUMENT && sort <= DOSSIER_COMPARE_SORT_OUTLET);

  if (self->column_sort == sort && self->columns_descending == descending)
    return;
  self->column_sort = sort;
  self->columns_descending = descending;
  rearrange (self, 0);
}

/* Sorts by what a heading stands for (a document's column, the totals,
 * the names), or turns round the sort it already gives. */
static void
sort_by_heading (DossierMatrix *self,
                 int            column)
{
  const DossierCompareArrangement *a = dossier_comparison_get_arrangement (self->comparison);
  DossierCompareSort sort = column < 0 ? DOSSIER_COMPARE_SORT_NAME
                            : column == (int) self->n_columns ? DOSSIER_COMPARE_SORT_TOTAL
                            : DOSSIER_COMPARE_SORT_DOCUMENT;
  gint64 id = sort == DOSSIER_COMPARE_SORT_DOCUMENT ? dossier_comparison_get_document_id (self->comparison, column) : 0;

  if (a->row_sort == sort && a->row_sort_document == id)
    dossier_matrix_sort_rows (self, sort, id, !a->rows_descending);
  else
    /* Names from A, numbers largest first: what one looks for first. */
    dossier_matrix_sort_rows (self, sort, id, sort != DOSSIER_COMPARE_SORT_NAME);
}

void
dossier_matrix_set_filter (DossierMatrix *self,
                           const char    *filter)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (DOSSIER_IS_MATRIX (self));

  stripped = g_strstrip (g_strdup (filter != NULL ? filter : ""));
  if (g_strcmp0 (stripped, self->filter != NULL ? self->filter : "") == 0)
    return;
  g_free (self->filter);
  self->filter = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
  rearrange (self, 0);
}

const char *
dossier_matrix_get_filter (DossierMatrix *self)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), NULL);
  return self->filter;
}

gboolean
dossier_matrix_get_row_expanded (DossierMatrix *self,
                                 gint64         row_id)
{
  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), FALSE);
  return !g_hash_table_contains (self->collapsed, &row_id);
}

void
dossier_matrix_set_row_expanded (DossierMatrix *self,
                                 gint64         row_id,
                                 gboolean       expanded)
{
  gint64 fallback = 0;

  g_return_if_fail (DOSSIER_IS_MATRIX (self));

  if (expanded == dossier_matrix_get_row_expanded (self, row_id))
    return;
  if (expanded)
    g_hash_table_remove (self->collapsed, &row_id);
  else
    {
      g_hash_table_add (self->collapsed, g_memdup2 (&row_id, sizeof row_id));
      /* A row selected under it: the selection goes up to it. */
      if (self->comparison != NULL && self->row >= 0)
        for (int r = dossier_comparison_get_row_parent (self->comparison, self->row); r >= 0;
             r = dossier_comparison_get_row_parent (self->comparison, r))
          if (dossier_comparison_get_row_id (self->comparison, r) == row_id)
            fallback = row_id;
    }
  rearrange (self, fallback);
}

const DossierCompareArrangement *
dossier_matrix_get_arrangement (DossierMatrix *self)
{
  static const DossierCompareArrangement none = DOSSIER_COMPARE_ARRANGEMENT_INIT;

  g_return_val_if_fail (DOSSIER_IS_MATRIX (self), NULL);
  return self->comparison != NULL ? dossier_comparison_get_arrangement (self->comparison) : &none;
}

GtkWidget *
dossier_matrix_new (void)
{
  return g_object_new (DOSSIER_TYPE_MATRIX, NULL);
}

/* ---- GObject ---------------------------------------------------------------------- */

static void
dossier_matrix_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierMatrix *self = DOSSIER_MATRIX (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_matrix_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DossierMatrix *self = DOSSIER_MATRIX (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
    case PROP_VSCROLL_POLICY:
      {
        GtkScrollablePolicy *policy = prop_id == PROP_HSCROLL_POLICY ? &self->hscroll_policy
                                                                     : &self->vscroll_policy;

        if (*policy != (GtkScrollablePolicy) g_value_get_enum (value))
          {
            *policy = g_value_get_enum (value);
            gtk_widget_queue_resize (GTK_WIDGET (self));
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_matrix_dispose (GObject *object)
{
  DossierMatrix *self = DOSSIER_MATRIX (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->text);
  g_clear_pointer (&self->cells, gsk_render_node_unref);
  g_clear_pointer (&self->comparison, dossier_comparison_unref);
  g_clear_pointer (&self->source, dossier_comparison_unref);
  G_OBJECT_CLASS (dossier_matrix_parent_class)->dispose (object);
}

static void
dossier_matrix_finalize (GObject *object)
{
  DossierMatrix *self = DOSSIER_MATRIX (object);

  g_free (self->filter);
  g_hash_table_unref (self->collapsed);
  G_OBJECT_CLASS (dossier_matrix_parent_class)->finalize (object);
}

static gboolean
dossier_matrix_get_border (GtkScrollable *scrollable,
                           GtkBorder     *border)
{
  DossierMatrix *self = DOSSIER_MATRIX (scrollable);

  /* The headings: a scrolled window keeps its overshoot clear of them. */
  ensure_measured (self);
  border->top = self->header_height;
  border->left = self->label_width;
  return TRUE;
}

static void
dossier_matrix_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = dossier_matrix_get_border;
}

static void
dossier_matrix_class_init (DossierMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_matrix_get_property;
  object_class->set_property = dossier_matrix_set_property;
  object_class->dispose = dossier_matrix_dispose;
  object_class->finalize = dossier_matrix_finalize;
  widget_class->snapshot = dossier_matrix_snapshot;
  widget_class->measure = dossier_matrix_measure;
  widget_class->size_allocate = dossier_matrix_size_allocate;
  widget_class->css_changed = dossier_matrix_css_changed;
  widget_class->query_tooltip = dossier_matrix_query_tooltip;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
  signals[ARRANGEMENT_CHANGED] = g_signal_new ("arrangement-changed", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
dossier_matrix_init (DossierMatrix *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->row = self->column = -1;
  self->collapsed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (dossier_matrix_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (dossier_matrix_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  update_accessible (self);
}
