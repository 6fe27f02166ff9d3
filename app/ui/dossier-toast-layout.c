/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-toast-layout.c — a toast's text and buttons in a row, or the
 * text across the toast and the buttons below it when beside them it
 * would take more than two lines.
 *
 * libadwaita 1.2 lays a toast out as a box: its title, then its button
 * ("Undo", "Save As…"), then its close button, in one row. At a phone's
 * width a toast with a button left its text a column of a few words a
 * line beside the buttons: four or five lines for a sentence of advice.
 * When the text would take more than two lines beside the buttons, this
 * puts it on lines of its own, as wide as the toast, and the buttons
 * under it at the end, as a phone's snack bar does; a toast with no
 * button but the close one keeps the row, its text wrapped beside it. The
 * order of the children, and so of Tab and of screen readers, is
 * libadwaita's.
 *
 * The toast overlay places a toast at its natural width and the height
 * for that width, then narrows it to the overlay's width if it is wider:
 * so the natural width is never more than the overlay leaves the toast,
 * and the height is measured for what it will get. (The title measures
 * again when the window's width changes: dossier-toast-title.c.) */

#include "config.h"

#include <adwaita.h>

#include "dossier-toast-layout.h"
#include "dossier-ui-utils.h"

/* libadwaita 1.2's toast: "border-spacing: 6px" between its children (CSS
 * that GTK 4.8 gives no getter for). */
#define SPACING 6

struct _DossierToastLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (DossierToastLayout, dossier_toast_layout, GTK_TYPE_LAYOUT_MANAGER)

/* The width of @widget's CSS margin, border and padding, and of its own
 * margins, across. */
static int
box_width (GtkWidget *widget)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GtkBorder margin, border, padding;

  gtk_style_context_get_margin (context, &margin);
  gtk_style_context_get_border (context, &border);
  gtk_style_context_get_padding (context, &padding);
  return margin.left + margin.right + border.left + border.right + padding.left + padding.right
         + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
}

typedef struct
{
  GtkWidget *title;
  int        title_min;
  int        title_nat;    /* the text on one line */
  int        n_buttons;
  int        buttons;      /* the buttons side by side, spaced */
  int        buttons_height;
  int        row;          /* all in one row, on one line */
  int        line_height;  /* the title on one line */
} Parts;

static void
measure_parts (GtkWidget *toast,
               Parts     *parts)
{
  *parts = (Parts) { NULL };

  for (GtkWidget *child = gtk_widget_get_first_child (toast); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat, height;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      if (parts->title == NULL)
        {
          parts->title = child;
          parts->title_min = min;
          parts->title_nat = nat;
          continue;
        }
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
      parts->buttons += (parts->n_buttons > 0 ? SPACING : 0) + nat;
      parts->buttons_height = MAX (parts->buttons_height, height);
      parts->n_buttons++;
    }
  parts->row = parts->title_nat + (parts->n_buttons > 0 ? SPACING + parts->buttons : 0);
  if (parts->title != NULL)
    gtk_widget_measure (parts->title, GTK_ORIENTATION_VERTICAL, parts->title_nat, NULL,
                        &parts->line_height, NULL, NULL);
}

/* Whether the buttons go below the text in a toast @width wide: there is
 * one besides the close button, and beside them the text would take more
 * than two lines (as a phone's snack bar keeps a two-line text beside its
 * action). Three lines' height, not two: a wrapped title has some padding
 * above and below its lines. */
static gboolean
stacked (const Parts *parts,
         int          width)
{
  int height;

  if (parts->n_buttons < 2 || parts->row <= width)
    return FALSE;
  gtk_widget_measure (parts->title, GTK_ORIENTATION_VERTICAL,
                      MAX (parts->title_min, width - SPACING - parts->buttons), NULL, &height, NULL,
                      NULL);
  return height > 3 * parts->line_height;
}

/* The width the title gets in a toast @width wide. */
static int
title_width (const Parts *parts,
             int          width)
{
  if (stacked (parts, width) || parts->n_buttons == 0)
    return width;
  return MAX (0, width - SPACING - parts->buttons);
}

static int
title_height (const Parts *parts,
              int          width)
{
  int height = 0;

  if (parts->title != NULL)
    gtk_widget_measure (parts->title, GTK_ORIENTATION_VERTICAL, title_width (parts, width), NULL,
                        &height, NULL, NULL);
  /* A line of text alone on its row is as high as a row of buttons. */
  return MAX (height, parts->buttons_height);
}

/* The widest the toast's content can be in its overlay as wide as it is
 * now, or G_MAXINT out of an overlay. */
static int
widest (GtkWidget *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (toast, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL || gtk_widget_get_width (overlay) <= 0)
    return G_MAXINT;
  return MAX (0, gtk_widget_get_width (overlay) - box_width (toast));
}

static void
dossier_toast_layout_measure (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              GtkOrientation    orientation,
                              int               for_size,
                              int              *minimum,
                              int              *natural,
                              int              *minimum_baseline,
                              int              *natural_baseline)
{
  Parts parts;
  int min, nat;

  measure_parts (widget, &parts);
  if (parts.n_buttons > 1)
    min = MAX (parts.title_min, parts.buttons);
  else
    min = parts.title_min + (parts.n_buttons > 0 ? SPACING + parts.buttons : 0);
  nat = MAX (min, MIN (parts.row, widest (widget)));

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int width = for_size < 0 ? nat : MAX (for_size, min);

      min = nat = title_height (&parts, width)
                  + (stacked (&parts, width) ? parts.buttons_height : 0);
    }

  dossier_layout_manager_measured (min, nat, minimum, natural, minimum_baseline, natural_baseline);
}

static void
dossier_toast_layout_allocate (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               int               width,
                               int               height,
                               int               baseline)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  Parts parts;
  gboolean below;
  int top, x, y;

  measure_parts (widget, &parts);
  if (parts.title == NULL)
    return;
  below = stacked (&parts, width);

  /* libadwaita rounds a toast into a pill, which would cut into the
   * corners of two rows (style.css). */
  if (below != gtk_widget_has_css_class (widget, "dossier-stacked"))
    {
      if (below)
        gtk_widget_add_css_class (widget, "dossier-stacked");
      else
        gtk_widget_remove_css_class (widget, "dossier-stacked");
    }

  top = below ? MIN (height, title_height (&parts, width)) : height;
  gtk_widget_size_allocate (parts.title,
                            &(GtkAllocation) { rtl ? width - title_width (&parts, width) : 0, 0,
                                               title_width (&parts, width), top },
                            -1);

  /* The buttons at the end: of the row, or of a row of their own. */
  x = width - parts.buttons;
  y = below ? top : 0;
  for (GtkWidget *child = gtk_widget_get_next_sibling (parts.title); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int w;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { rtl ? width - x - w : x, y, w, MAX (0, height - y) },
                                -1);
      x += w + SPACING;
    }
}

static void
dossier_toast_layout_class_init (DossierToastLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = dossier_layout_manager_height_for_width;
  layout_class->measure = dossier_toast_layout_measure;
  layout_class->allocate = dossier_toast_layout_allocate;
}

static void
dossier_toast_layout_init (DossierToastLayout *self)
{
}

GtkLayoutManager *
dossier_toast_layout_new (void)
{
  return g_object_new (DOSSIER_TYPE_TOAST_LAYOUT, NULL);
}
