/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-sidebar.c — a sidebar of the window: natural width from its
 * "width" property, and a handle on its inner edge that resizes it.
 *
 * The handle is no widget of its own: the sidebar claims presses near its
 * inner edge in the capture phase, and its hit area reaches a few pixels
 * past that edge into the centre (as GtkPaned's handle does on both sides
 * of its one-pixel line), since an AdwFlap's flap is picked before its
 * separator and content. */
#include "config.h"

#include <adwaita.h>

#include "dossier-sidebar.h"

/* The handle: this far inside the sidebar's inner edge, and this far past
 * it over the centre. */
#define HANDLE_INSIDE  4
#define HANDLE_OUTSIDE 6

struct _DossierSidebar
{
  GtkWidget    parent_instance;

  GtkWidget   *child;
  int          width;
  GtkPackType  edge;

  /* During a drag */
  int          drag_start_width;
  int          drag_max_width;
};

G_DEFINE_FINAL_TYPE (DossierSidebar, dossier_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_WIDTH,
  PROP_EDGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether the inner edge is the right one on screen. */
static gboolean
handle_on_right (DossierSidebar *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  return (self->edge == GTK_PACK_START) != rtl;
}

static gboolean
in_handle (DossierSidebar *self,
           double          x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (handle_on_right (self))
    return x >= width - HANDLE_INSIDE && x < width + HANDLE_OUTSIDE;
  return x >= -HANDLE_OUTSIDE && x < HANDLE_INSIDE;
}

gboolean
dossier_sidebar_is_docked (DossierSidebar *self)
{
  GtkWidget *parent;

  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), FALSE);

  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  return ADW_IS_FLAP (parent)
         && !adw_flap_get_folded (ADW_FLAP (parent))
         && adw_flap_get_reveal_flap (ADW_FLAP (parent))
         && gtk_widget_get_child_visible (GTK_WIDGET (self));
}

/* ---- Layout ----------------------------------------------------------------- */

static void
dossier_sidebar_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (widget);
  int child_min = 0, child_nat = 0;

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_measure (self->child, orientation, for_size, &child_min, &child_nat, NULL, NULL);

  *minimum = child_min;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (child_min, self->width);
  else
    *natural = child_nat;
}

static void
dossier_sidebar_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static gboolean
dossier_sidebar_contains (GtkWidget *widget,
                          double     x,
                          double     y)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (widget);

  if (GTK_WIDGET_CLASS (dossier_sidebar_parent_class)->contains (widget, x, y))
    return TRUE;
  return y >= 0 && y < gtk_widget_get_height (widget)
         && dossier_sidebar_is_docked (self) && in_handle (self, x);
}

/* ---- The handle ---------------------------------------------------------------- */

static void
on_motion (DossierSidebar           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  gboolean handle = dossier_sidebar_is_docked (self) && in_handle (self, x);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), handle ? "col-resize" : NULL);
}

static void
on_leave (DossierSidebar *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_drag_begin (DossierSidebar *self,
               double          x,
               double          y,
               GtkGesture     *gesture)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *content;
  int room = 0;

  if (!dossier_sidebar_is_docked (self) || !in_handle (self, x))
    {
      gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);

  /* Wider only as far as the centre stays at its natural width or more:
   * beyond, the flap would fold. */
  content = adw_flap_get_content (ADW_FLAP (parent));
  if (content != NULL)
    {
      int natural = 0;

      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      room = MAX (0, gtk_widget_get_width (content) - natural);
    }
  self->drag_start_width = gtk_widget_get_width (GTK_WIDGET (self));
  self->drag_max_width = MAX (self->drag_start_width, MIN (DOSSIER_SIDEBAR_MAX_WIDTH, self->drag_start_width + room));
}

static void
on_drag_update (DossierSidebar *self,
                double          offset_x,
                double          offset_y,
                GtkGesture     *gesture)
{
  int width = self->drag_start_width + (int) (handle_on_right (self) ? offset_x : -offset_x);

  dossier_sidebar_set_width (self, CLAMP (width, DOSSIER_SIDEBAR_MIN_WIDTH, self->drag_max_width));
}

/* ---- Properties ------------------------------------------------------------------ */

GtkWidget *
dossier_sidebar_get_child (DossierSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), NULL);

  return self->child;
}

void
dossier_sidebar_set_child (DossierSidebar *self,
                           GtkWidget      *child)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (child == self->child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

int
dossier_sidebar_get_width (DossierSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), 0);

  return self->width;
}

void
dossier_sidebar_set_width (DossierSidebar *self,
                           int             width)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));

  width = CLAMP (width, DOSSIER_SIDEBAR_MIN_WIDTH, DOSSIER_SIDEBAR_MAX_WIDTH);
  if (width == self->width)
    return;

  self->width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
}

static void
dossier_sidebar_dispose (GObject *object)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (dossier_sidebar_parent_class)->dispose (object);
}

static void
dossier_sidebar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_WIDTH:
      g_value_set_int (value, self->width);
      break;
    case PROP_EDGE:
      g_value_set_enum (value, self->edge);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_sidebar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      dossier_sidebar_set_child (self, g_value_get_object (value));
      break;
    case PROP_WIDTH:
      dossier_sidebar_set_width (self, g_value_get_int (value));
      break;
    case PROP_EDGE:
      self->edge = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_sidebar_class_init (DossierSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_sidebar_dispose;
  object_class->get_property = dossier_sidebar_get_property;
  object_class->set_property = dossier_sidebar_set_property;
  widget_class->measure = dossier_sidebar_measure;
  widget_class->size_allocate = dossier_sidebar_size_allocate;
  widget_class->contains = dossier_sidebar_contains;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH] =
    g_param_spec_int ("width", NULL, NULL, DOSSIER_SIDEBAR_MIN_WIDTH, DOSSIER_SIDEBAR_MAX_WIDTH, 280,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDGE] =
    g_param_spec_enum ("edge", NULL, NULL, GTK_TYPE_PACK_TYPE, GTK_PACK_START,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "dossier-sidebar");
}

static void
dossier_sidebar_init (DossierSidebar *self)
{
  GtkEventController *motion;
  GtkGesture *drag;

  self->width = 280;

  drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

GtkWidget *
dossier_sidebar_new (void)
{
  return g_object_new (DOSSIER_TYPE_SIDEBAR, NULL);
}
