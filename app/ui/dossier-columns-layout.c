/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-columns-layout.c — two columns where they fit, else one.
 *
 * A flow box decides from the children's natural widths, which for
 * wrapping text are whole paragraphs: it stacked the columns of a sidebar
 * wide enough for both. Here the columns go side by side as soon as each
 * gets its minimum width, and are as tall as the taller one. */

#include "config.h"

#include "dossier-columns-layout.h"
#include "dossier-ui-utils.h"

struct _DossierColumnsLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
};

G_DEFINE_FINAL_TYPE (DossierColumnsLayout, dossier_columns_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The visible children, at most two. */
static guint
get_children (GtkWidget  *widget,
              GtkWidget **children)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && n < 2;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      children[n++] = child;
  return n;
}

/* Whether @width holds the columns side by side. */
static gboolean
fits_side_by_side (DossierColumnsLayout *self,
                   GtkWidget           **children,
                   guint                 n,
                   int                   width)
{
  int needed = 0;

  if (n < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      int min;

      gtk_widget_measure (children[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      needed = MAX (needed, min);
    }
  return width >= 2 * needed + self->spacing;
}

/* The height of the rows of @list, a list of one column, at @width; -1
 * unless all of its rows are built (a long list's own estimate stands:
 * it is taller than any column anyway). */
static int
rows_height (GtkWidget *list,
             int        width)
{
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
  guint n_rows = 0;
  int height = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_should_layout (row))
      {
        int row_nat;

        gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, NULL, &row_nat, NULL, NULL);
        height += row_nat;
        n_rows++;
      }
  return model != NULL && n_rows == g_list_model_get_n_items (model) ? height : -1;
}

/* The height @column asks for at @width. GTK 4.8's grid view measures its
 * rows at their narrowest whatever width it is given (it says its height
 * does not depend on its width), far taller than they are for wrapping
 * text: a column of few rows then asked for some hundreds of pixels more
 * than it needs, left empty below its last row (above the Cons, stacked).
 * A list that scrolls in @column asks instead for its rows' height at the
 * column's width, when it has built them all. */
static void
measure_column_height (GtkWidget *column,
                       int        width,
                       int       *minimum,
                       int       *natural)
{
  gtk_widget_measure (column, GTK_ORIENTATION_VERTICAL, width, minimum, natural, NULL, NULL);
  if (width < 0)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (column); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *list;
      int list_nat, rows;

      if (!gtk_widget_should_layout (child) || !GTK_IS_SCROLLED_WINDOW (child) ||
          !GTK_IS_GRID_VIEW (list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child))))
        continue;
      gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, width, NULL, &list_nat, NULL, NULL);
      rows = rows_height (list, width);
      if (rows >= 0 && rows < list_nat)
        *natural = MAX (*minimum, *natural - (list_nat - rows));
    }
}

static void
dossier_columns_layout_measure (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                GtkOrientation    orientation,
                                int               for_size,
                                int              *minimum,
                                int              *natural,
                                int              *minimum_baseline,
                                int              *natural_baseline)
{
  DossierColumnsLayout *self = DOSSIER_COLUMNS_LAYOUT (manager);
  GtkWidget *children[2];
  guint n = get_children (widget, children);
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At least the wider minimum (one above the other); at best side by side. */
      dossier_measure_line (widget, GTK_ORIENTATION_HORIZONTAL, orientation, -1,
                            self->spacing, TRUE, &min, &nat);
    }
  else if (for_size >= 0 && fits_side_by_side (self, children, n, for_size))
    {
      int column = (for_size - self->spacing) / 2;

      for (guint i = 0; i < n; i++)
        {
          int child_min, child_nat;

          measure_column_height (children[i], column, &child_min, &child_nat);
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          int child_min, child_nat;

          measure_column_height (children[i], for_size, &child_min, &child_nat);
          min += child_min + (i > 0 ? self->spacing : 0);
          nat += child_nat + (i > 0 ? self->spacing : 0);
        }
    }

  dossier_layout_manager_measured (min, nat, minimum, natural, minimum_baseline, natural_baseline);
}

static void
dossier_columns_layout_allocate (GtkLayoutManager *manager,
                                 GtkWidget        *widget,
                                 int               width,
                                 int               height,
                                 int               baseline)
{
  DossierColumnsLayout *self = DOSSIER_COLUMNS_LAYOUT (manager);
  GtkWidget *children[2];
  guint n = get_children (widget, children);

  if (fits_side_by_side (self, children, n, width))
    {
      int column = (width - self->spacing) / 2;

      gtk_widget_size_allocate (children[0], &(GtkAllocation) { 0, 0, column, height }, -1);
      gtk_widget_size_allocate (children[1],
                                &(GtkAllocation) { width - column, 0, column, height }, -1);
      return;
    }

  /* One above the other: each as tall as it wants when both fit; else the
   * shorter keeps up to half the height and the other (each scrolling its
   * own list) takes the rest. */
  {
    int mins[2] = { 0, 0 }, nats[2] = { 0, 0 }, heights[2] = { 0, 0 };
    int room = height - (n > 1 ? self->spacing : 0);
    int y = 0;

    for (guint i = 0; i < n; i++)
      measure_column_height (children[i], width, &mins[i], &nats[i]);

    if (n < 2 || nats[0] + nats[1] <= room)
      {
        heights[0] = nats[0];
        heights[1] = nats[1];
        if (n == 1)
          heights[0] = MAX (nats[0], room);
      }
    else
      {
        guint shorter = nats[0] <= nats[1] ? 0 : 1;

        heights[shorter] = MAX (mins[shorter], MIN (nats[shorter], room / 2));
        heights[!shorter] = MAX (mins[!shorter], room - heights[shorter]);
      }

    for (guint i = 0; i < n; i++)
      {
        gtk_widget_size_allocate (children[i], &(GtkAllocation) { 0, y, width, heights[i] }, -1);
        y += heights[i] + self->spacing;
      }
  }
}

static void
dossier_columns_layout_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierColumnsLayout *self = DOSSIER_COLUMNS_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_columns_layout_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierColumnsLayout *self = DOSSIER_COLUMNS_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      dossier_layout_manager_set_int (GTK_LAYOUT_MANAGER (self), &self->spacing, value, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_columns_layout_class_init (DossierColumnsLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = dossier_columns_layout_get_property;
  object_class->set_property = dossier_columns_layout_set_property;
  layout_class->measure = dossier_columns_layout_measure;
  layout_class->allocate = dossier_columns_layout_allocate;

  properties[PROP_SPACING] = dossier_layout_manager_pixels_pspec ("spacing");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_columns_layout_init (DossierColumnsLayout *self)
{
}

GtkLayoutManager *
dossier_columns_layout_new (void)
{
  return g_object_new (DOSSIER_TYPE_COLUMNS_LAYOUT, NULL);
}
