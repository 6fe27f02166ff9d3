/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-wrap-layout.c — children side by side, wrapped onto new lines.
 *
 * Each child takes its natural width (no more than the whole width) and
 * goes on the line it fits on, in the order of the children, so that what
 * is seen left to right and top to bottom is also the order of Tab; what
 * a line leaves goes to the children on it that expand (hexpand). A
 * GtkFlowBox wraps too, but puts every child in a GtkFlowBoxChild of its
 * own and makes the whole box one Tab stop, moved in with the arrow keys:
 * a toolbar's buttons are each a stop of their own. */

#include "config.h"

#include "dossier-wrap-layout.h"
#include "dossier-ui-utils.h"

struct _DossierWrapLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
  int              line_spacing;
};

G_DEFINE_FINAL_TYPE (DossierWrapLayout, dossier_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_LINE_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A child's width on a line @width wide: its natural width, or less down
 * to its minimum when the line is narrower. */
static int
child_width (GtkWidget *child,
             int        width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return MAX (min, MIN (nat, width));
}

/* Lays the children out on lines @width wide: with @allocate, gives each
 * its place; the height of all the lines in any case. */
static int
lay_out (DossierWrapLayout *self,
         GtkWidget         *widget,
         int                width,
         gboolean           allocate)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *line_start = gtk_widget_get_first_child (widget);
  int y = 0;

  while (line_start != NULL)
    {
      GtkWidget *line_end = NULL;   /* the first child of the next line */
      GtkWidget *child;
      int x = 0, line_height = 0, n_expand = 0, extra;
      gboolean empty = TRUE;

      /* Which children go on this line, and its height. */
      for (child = line_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w, h;

          if (!gtk_widget_should_layout (child))
            continue;
          w = child_width (child, width);
          if (!empty && x + self->spacing + w > width)
            break;
          x += (empty ? 0 : self->spacing) + w;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
          line_height = MAX (line_height, h);
          if (gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
            n_expand++;
          empty = FALSE;
        }
      line_end = child;
      if (empty)
        break;

      if (allocate)
        {
          /* What the line leaves goes to the children on it that expand. */
          extra = MAX (0, width - x);
          x = 0;
          for (child = line_start; child != line_end; child = gtk_widget_get_next_sibling (child))
            {
              int w;

              if (!gtk_widget_should_layout (child))
                continue;
              w = child_width (child, width);
              if (n_expand > 0 && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
                {
                  int share = extra / n_expand;

                  w += share;
                  extra -= share;
                  n_expand--;
                }
              gtk_widget_size_allocate (child,
                                        &(GtkAllocation) { rtl ? width - x - w : x, y, w, line_height },
                                        -1);
              x += w + self->spacing;
            }
        }
      y += line_height + self->line_spacing;
      line_start = line_end;
    }
  return MAX (0, y - self->line_spacing);
}

static void
dossier_wrap_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  DossierWrapLayout *self = DOSSIER_WRAP_LAYOUT (manager);
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At least the widest child (one a line); at best all on one line. */
      dossier_measure_line (widget, GTK_ORIENTATION_HORIZONTAL, orientation, -1,
                            self->spacing, TRUE, &min, &nat);
    }
  else
    {
      int width = for_size;

      if (width < 0)
        dossier_wrap_layout_measure (manager, widget, GTK_ORIENTATION_HORIZONTAL, -1,
                                     NULL, &width, NULL, NULL);
      min = nat = lay_out (self, widget, width, FALSE);
    }

  dossier_layout_manager_measured (min, nat, minimum, natural, minimum_baseline, natural_baseline);
}

static void
dossier_wrap_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              int               width,
                              int               height,
                              int               baseline)
{
  lay_out (DOSSIER_WRAP_LAYOUT (manager), widget, width, TRUE);
}

static void
dossier_wrap_layout_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierWrapLayout *self = DOSSIER_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_LINE_SPACING:
      g_value_set_int (value, self->line_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_wrap_layout_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierWrapLayout *self = DOSSIER_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      dossier_layout_manager_set_int (GTK_LAYOUT_MANAGER (self), &self->spacing, value, pspec);
      break;
    case PROP_LINE_SPACING:
      dossier_layout_manager_set_int (GTK_LAYOUT_MANAGER (self), &self->line_spacing, value,
                                      pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_wrap_layout_class_init (DossierWrapLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = dossier_wrap_layout_get_property;
  object_class->set_property = dossier_wrap_layout_set_property;
  layout_class->get_request_mode = dossier_layout_manager_height_for_width;
  layout_class->measure = dossier_wrap_layout_measure;
  layout_class->allocate = dossier_wrap_layout_allocate;

  properties[PROP_SPACING] = dossier_layout_manager_pixels_pspec ("spacing");
  properties[PROP_LINE_SPACING] = dossier_layout_manager_pixels_pspec ("line-spacing");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_wrap_layout_init (DossierWrapLayout *self)
{
}

GtkLayoutManager *
dossier_wrap_layout_new (void)
{
  return g_object_new (DOSSIER_TYPE_WRAP_LAYOUT, NULL);
}
