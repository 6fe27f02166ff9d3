/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-sidebar.c — a sidebar of the window: natural width from its
 * "width" property, and a handle on its inner edge that resizes it.
 *
 * The handle is no widget of its own: the sidebar claims presses near its
 * inner edge in the capture phase, and its hit area reaches a few pixels
 * past that edge into the centre (as GtkPaned's handle does on both sides
 * of its one-pixel line), since an AdwFlap's flap is picked before its
 * separator and content.
 *
 * A toast of the window (an AdwToastOverlay around it, centred at its
 * bottom) that reaches into the sidebar would hide the bottom of the panel
 * there (Pros & Cons' "Arguments Listed in This Document" in a window 800 px
 * high, where the sidebar folds over the reader): while one shows, the
 * child is laid out above it, the sidebar's background below. */
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

  /* While mapped: the toast overlay around it (NULL if none) and its
   * children, watched for toasts coming and going. */
  GtkWidget   *overlay;
  GListModel  *overlay_children;
  guint        toast_tick_id;
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

/* How far up from the sidebar's bottom (@width × @height) the toasts of
 * its overlay reach, where one covers part of it: AdwToastOverlay puts a
 * toast at its bottom, centred, at the toast's own size (at least 450 px
 * wide with a button, once it is laid out), margins included. What a
 * toast covers is its box inside those margins (libadwaita's 12 px around
 * it, 24 below; and the window's, see lift_toasts): a toast whose margin
 * alone reaches into a docked sidebar takes nothing from it, and one that
 * does reach in takes what lies below its top, not its top margin too.
 * Computed where the toast ends up, not where its sliding in has it now. */
static int
toast_inset (DossierSidebar *self,
             int             width,
             int             height)
{
  GtkWidget *content;
  graphene_point_t bottom;
  int overlay_width, overlay_height, left, inset = 0;

  if (self->overlay == NULL
      || !gtk_widget_compute_point (GTK_WIDGET (self), self->overlay,
                                    &GRAPHENE_POINT_INIT (0, height), &bottom))
    return 0;

  content = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (self->overlay));
  overlay_width = gtk_widget_get_width (self->overlay);
  overlay_height = gtk_widget_get_height (self->overlay);
  /* Where it is when shown: against its edge of the window (a folded
   * flap slides, and is laid out again only when its size changes). */
  left = handle_on_right (self) ? 0 : overlay_width - width;

  for (GtkWidget *toast = gtk_widget_get_first_child (self->overlay); toast != NULL;
       toast = gtk_widget_get_next_sibling (toast))
    {
      GtkRequisition size;
      GtkBorder margin;
      graphene_rect_t box;
      int toast_width, toast_height, x, top;

      if (toast == content || !gtk_widget_get_visible (toast))
        continue;
      gtk_style_context_get_margin (gtk_widget_get_style_context (toast), &margin);
      gtk_widget_get_preferred_size (toast, NULL, &size);
      toast_width = size.width;
      /* Laid out, it may be wider than it asks. */
      if (gtk_widget_compute_bounds (toast, toast, &box))
        toast_width = MAX (toast_width, (int) box.size.width + margin.left + margin.right);
      toast_width = MIN (toast_width, overlay_width);
      toast_height = MIN (size.height, overlay_height);
      x = (overlay_width - toast_width) / 2;
      top = overlay_height - toast_height + margin.top + gtk_widget_get_margin_top (toast);
      if (x + margin.left < left + width && x + toast_width - margin.right > left)
        inset = MAX (inset, (int) (bottom.y + 0.5f) - top);
    }
  return CLAMP (inset, 0, height);
}

static void
dossier_sidebar_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (widget);
  int inset, minimum = 0;

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  /* Never less than the child needs: a window too low for both keeps
   * the toast over the child's bottom, as before. */
  inset = toast_inset (self, width, height);
  if (inset > 0)
    {
      gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, width, &minimum, NULL, NULL, NULL);
      inset = CLAMP (height - minimum, 0, inset);
    }
  gtk_widget_allocate (self->child, width, height - inset, inset > 0 ? -1 : baseline, NULL);
}

/* A resize, not only an allocation, though the sidebar's size stays: a
 * child laid out above a toast comes out another height, and may ask for
 * a resize while it is allocated (a list view binding rows, a text view
 * wrapping its lines). GTK 4.8 loses that request on the ancestors an
 * allocation of the sidebar alone only passes through — they stay marked,
 * unallocated, and the window's box was not drawn that frame ("Trying to
 * snapshot GtkBox without a current allocation"). A resize has them all
 * allocated, and a request made meanwhile ends with theirs. */
static void
queue_relayout (DossierSidebar *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The next frame lays the child out again: a toast just added has its
 * width once the overlay has laid it out, after the sidebar. */
static gboolean
toast_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (widget);

  self->toast_tick_id = 0;
  queue_relayout (self);
  return G_SOURCE_REMOVE;
}

static void
on_overlay_children_changed (DossierSidebar *self)
{
  queue_relayout (self);
  if (self->toast_tick_id == 0)
    self->toast_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), toast_tick, NULL, NULL);
}

static void
dossier_sidebar_map (GtkWidget *widget)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (widget);

  GTK_WIDGET_CLASS (dossier_sidebar_parent_class)->map (widget);

  self->overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (self->overlay != NULL)
    {
      self->overlay_children = gtk_widget_observe_children (self->overlay);
      g_signal_connect_object (self->overlay_children, "items-changed",
                               G_CALLBACK (on_overlay_children_changed), self, G_CONNECT_SWAPPED);
      on_overlay_children_changed (self);
    }
}

static void
dossier_sidebar_unmap (GtkWidget *widget)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (widget);

  if (self->overlay_children != NULL)
    g_signal_handlers_disconnect_by_func (self->overlay_children, on_overlay_children_changed, self);
  g_clear_object (&self->overlay_children);
  self->overlay = NULL;
  if (self->toast_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->toast_tick_id);
      self->toast_tick_id = 0;
    }

  GTK_WIDGET_CLASS (dossier_sidebar_parent_class)->unmap (widget);
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
  widget_class->map = dossier_sidebar_map;
  widget_class->unmap = dossier_sidebar_unmap;
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
