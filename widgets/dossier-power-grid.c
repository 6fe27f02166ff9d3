/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-power-grid.c — the power/interest grid widget (see
 * dossier-power-grid.h). The core places dots and labels
 * (dossier-grid-layout.c); this widget measures the labels with pango,
 * follows the model, draws with GtkSnapshot, and handles pointer,
 * keyboard, tooltips and the accessible description.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include <dossier/dossier-stakeholder.h>
#include <dossier/dossier-text.h>

#include "dossier-power-grid.h"

struct _DossierPowerGrid
{
  GtkWidget           parent_instance;

  GListModel         *model;
  GPtrArray          *items;      /* DossierStakeholder, the model's order, followed */
  GPtrArray          *labels;     /* PangoLayout, one per item */
  PangoLayout        *titles[DOSSIER_GRID_N_QUADRANTS];
  PangoLayout        *axis_power;
  PangoLayout        *axis_interest;
  DossierGridItem    *grid_items;
  DossierGridLayout  *layout;
  int                 layout_width;
  int                 layout_height;
  gboolean            items_dirty;  /* the model changed: take and measure every item again */
  guint               font_serial;  /* of the Pango context the labels were measured with */
  guint               accessible_idle;
  gint64              selected_id;
  /* The selected stakeholder was taken out of the model: let go of once
   * the main loop runs, unless a move has put it back by then. */
  guint               taken_out_idle;
  gint64              drop_id;      /* the dot something dragged over would go to */
};

G_DEFINE_FINAL_TYPE (DossierPowerGrid, dossier_power_grid, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Following the model ------------------------------------------------------ */

static void queue_update_accessible (DossierPowerGrid *self);
static void measure_label (DossierPowerGrid *self,
                           guint             index);

/* The dots and labels are placed again at the next allocation or draw. */
static void
invalidate_layout (DossierPowerGrid *self)
{
  g_clear_pointer (&self->layout, dossier_grid_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate (DossierPowerGrid *self)
{
  self->items_dirty = TRUE;
  invalidate_layout (self);
  queue_update_accessible (self);
}

/* Only what the grid shows or says of a stakeholder matters, and only
 * that stakeholder is taken again (mention counts, for one, change for
 * every stakeholder at each import). */
static void
item_notify_cb (DossierPowerGrid *self,
                GParamSpec       *pspec,
                gpointer          item)
{
  static const char * const shown[] = {
    "power", "interest", "stance-position", "n-evidence", "power-backed", "interest-backed", NULL
  };
  gboolean renamed = g_str_equal (pspec->name, "name");
  guint index;

  if (!renamed && !g_strv_contains (shown, pspec->name))
    return;
  if (self->items_dirty || !g_ptr_array_find (self->items, item, &index))
    {
      invalidate (self);
      return;
    }
  if (renamed)
    measure_label (self, index);
  else
    {
      DossierGridItem *it = &self->grid_items[index];
      double width = it->label_width, height = it->label_height;

      dossier_grid_item_init (it, item);
      it->label_width = width;
      it->label_height = height;
    }
  invalidate_layout (self);
  queue_update_accessible (self);
}

static void
release_items (DossierPowerGrid *self)
{
  for (guint i = 0; i < self->items->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->items, i), item_notify_cb, self);
  g_ptr_array_set_size (self->items, 0);
}

static int
index_of (DossierPowerGrid *self,
          gint64            stakeholder_id)
{
  for (guint i = 0; i < self->items->len; i++)
    if (dossier_stakeholder_get_id (g_ptr_array_index (self->items, i)) == stakeholder_id)
      return i;
  return -1;
}

static void
let_go_of_selected (DossierPowerGrid *self)
{
  g_clear_handle_id (&self->taken_out_idle, g_source_remove);
  self->selected_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  queue_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

static gboolean
taken_out_cb (gpointer data)
{
  DossierPowerGrid *self = data;

  self->taken_out_idle = 0;
  if (self->selected_id != 0 && index_of (self, self->selected_id) < 0)
    let_go_of_selected (self);
  return G_SOURCE_REMOVE;
}

static void
model_changed_cb (DossierPowerGrid *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  release_items (self);
  for (guint i = 0; i < n; i++)
    {
      DossierStakeholder *s = g_list_model_get_item (self->model, i);

      g_signal_connect_object (s, "notify", G_CALLBACK (item_notify_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->items, s);
    }
  if (self->drop_id != 0 && index_of (self, self->drop_id) < 0)
    self->drop_id = 0;
  /* A deleted stakeholder is no longer selected. One only taken out may
   * be on its way back: a move takes it out of the list and puts it back
   * in its new place, in two changes. Let go of at once, then selected
   * again, it was said to be unselected (to a screen reader too) for
   * the time between: it stays selected, unless it is still out once the
   * main loop runs. */
  if (self->selected_id != 0 && index_of (self, self->selected_id) < 0)
    {
      if (removed > 0 && added == 0)
        {
          if (self->taken_out_idle == 0)
            self->taken_out_idle = g_idle_add_full (G_PRIORITY_HIGH, taken_out_cb, self, NULL);
        }
      else
        let_go_of_selected (self);
    }
  invalidate (self);
}

/* ---- Layout -------------------------------------------------------------------------- */

static PangoLayout *
make_layout (DossierPowerGrid *self,
             const char       *text,
             gboolean          bold,
             gboolean          small)
{
  /* A stakeholder's name of any length, from a file. */
  g_autofree char *shown = dossier_text_shown (text);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), shown);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  *width = w;
  *height = h;
}

/* Takes item @index again, its name laid out and measured. */
static void
measure_label (DossierPowerGrid *self,
               guint             index)
{
  DossierStakeholder *s = g_ptr_array_index (self->items, index);
  DossierGridItem *it = &self->grid_items[index];
  PangoLayout *label = make_layout (self, dossier_stakeholder_get_name (s), FALSE, FALSE);

  dossier_grid_item_init (it, s);
  layout_size (label, &it->label_width, &it->label_height);
  g_clear_object (&g_ptr_array_index (self->labels, index));
  g_ptr_array_index (self->labels, index) = label;
}

static void
measure_items (DossierPowerGrid *self)
{
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->labels, self->items->len);
  g_free (self->grid_items);
  self->grid_items = g_new0 (DossierGridItem, MAX (self->items->len, 1));
  for (guint i = 0; i < self->items->len; i++)
    measure_label (self, i);
  for (int q = 0; q < DOSSIER_GRID_N_QUADRANTS; q++)
    {
      g_clear_object (&self->titles[q]);
      self->titles[q] = make_layout (self, dossier_grid_quadrant_get_label (q), TRUE, TRUE);
    }
  g_clear_object (&self->axis_power);
  g_clear_object (&self->axis_interest);
  self->axis_power = make_layout (self, _("Power →"), FALSE, TRUE);
  self->axis_interest = make_layout (self, _("Interest →"), FALSE, TRUE);
  self->items_dirty = FALSE;
  self->font_serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));
}

static const DossierGridLayout *
ensure_layout (DossierPowerGrid *self,
               int               width,
               int               height)
{
  DossierGridMetrics m = DOSSIER_GRID_METRICS_INIT;
  double axis_w, axis_h;
  /* A new font, size or resolution (CSS, settings) changes the serial. */
  guint font_serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (font_serial != self->font_serial)
    self->items_dirty = TRUE;
  if (self->layout != NULL && !self->items_dirty &&
      self->layout_width == width && self->layout_height == height)
    return self->layout;

  if (self->items_dirty)
    measure_items (self);

  for (int q = 0; q < DOSSIER_GRID_N_QUADRANTS; q++)
    layout_size (self->titles[q], &m.title_width[q], &m.title_height[q]);
  layout_size (self->axis_power, &axis_w, &axis_h);
  m.margin_left = axis_h + 6;
  layout_size (self->axis_interest, &axis_w, &axis_h);
  m.margin_bottom = axis_h + 2;
  m.margin_top = 2;
  m.margin_right = 2;

  g_clear_pointer (&self->layout, dossier_grid_layout_free);
  self->layout = dossier_grid_layout_new (self->grid_items, self->items->len, width, height, &m);
  self->layout_width = width;
  self->layout_height = height;
  return self->layout;
}

/* ---- Drawing ---------------------------------------------------------------------- */

static void
get_color (GtkWidget *widget,
           GdkRGBA   *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
get_accent (GtkWidget *widget,
            GdkRGBA   *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", color))
    gdk_rgba_parse (color, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static void
append_rect (GtkSnapshot     *snapshot,
             const GdkRGBA   *color,
             double           x,
             double           y,
             double           w,
             double           h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               const GdkRGBA *color,
               double         x,
               double         y,
               double         angle)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  if (angle != 0)
    gtk_snapshot_rotate (snapshot, angle);
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_line (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x1,
             double         y1,
             double         x2,
             double         y2)
{
  double length = hypot (x2 - x1, y2 - y1);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x1, y1));
  gtk_snapshot_rotate (snapshot, atan2 (y2 - y1, x2 - x1) * 180 / G_PI);
  append_rect (snapshot, color, 0, -0.5, length, 1);
  gtk_snapshot_restore (snapshot);
}

static void
append_circle (GtkSnapshot   *snapshot,
               const GdkRGBA *color,
               double         x,
               double         y,
               double         radius,
               double         ring)   /* 0: filled */
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius);
  GskRoundedRect circle;

  gsk_rounded_rect_init_from_rect (&circle, &bounds, radius);
  if (ring == 0)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &circle);
      gtk_snapshot_append_color (snapshot, color, &bounds);
      gtk_snapshot_pop (snapshot);
    }
  else
    {
      const float widths[4] = { ring, ring, ring, ring };
      const GdkRGBA colors[4] = { *color, *color, *color, *color };

      gtk_snapshot_append_border (snapshot, &circle, widths, colors);
    }
}

static void
dossier_power_grid_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  DossierPowerGrid *self = DOSSIER_POWER_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const DossierGridLayout *layout = ensure_layout (self, width, height);
  const DossierGridRect *plot = &layout->plot;
  GdkRGBA fg, accent, tint, key_tint, rule, dim, leader;
  double half_w = plot->width / 2;
  double half_h = plot->height / 2;
  double axis_w, axis_h;
  int selected = index_of (self, self->selected_id);
  int dropping = index_of (self, self->drop_id);

  get_color (widget, &fg);
  get_accent (widget, &accent);
  tint = with_alpha (&fg, 0.03);
  key_tint = with_alpha (&fg, 0.08);
  rule = with_alpha (&fg, 0.2);
  dim = with_alpha (&fg, 0.65);
  leader = with_alpha (&fg, 0.45);

  /* The quadrants, key players a shade darker; the dividing lines. */
  append_rect (snapshot, &tint, plot->x, plot->y, half_w, half_h);
  append_rect (snapshot, &key_tint, plot->x + half_w, plot->y, half_w, half_h);
  append_rect (snapshot, &tint, plot->x, plot->y + half_h, half_w, half_h);
  append_rect (snapshot, &tint, plot->x + half_w, plot->y + half_h, half_w, half_h);
  append_rect (snapshot, &rule, plot->x + floor (half_w), plot->y, 1, plot->height);
  append_rect (snapshot, &rule, plot->x, plot->y + floor (half_h), plot->width, 1);
  for (int q = 0; q < DOSSIER_GRID_N_QUADRANTS; q++)
    append_layout (snapshot, self->titles[q], &dim, layout->titles[q].x, layout->titles[q].y, 0);
  layout_size (self->axis_power, &axis_w, &axis_h);
  append_layout (snapshot, self->axis_power, &dim, 0, plot->y + half_h + axis_w / 2, -90);
  layout_size (self->axis_interest, &axis_w, &axis_h);
  append_layout (snapshot, self->axis_interest, &dim, plot->x + half_w - axis_w / 2,
                 height - axis_h, 0);

  for (guint i = 0; i < layout->n_places; i++)
    {
      const DossierGridPlace *p = &layout->places[i];

      if (p->label_shown && p->leader)
        append_line (snapshot, &leader, p->leader_x1, p->leader_y1, p->leader_x2, p->leader_y2);
    }

  /* Where a dragged highlight would go: a halo under its dot. */
  if (dropping >= 0 && (guint) dropping < layout->n_places)
    {
      const DossierGridPlace *p = &layout->places[dropping];
      GdkRGBA halo = with_alpha (&accent, 0.3);

      append_circle (snapshot, &halo, p->x, p->y, p->radius + 8, 0);
      append_circle (snapshot, &accent, p->x, p->y, p->radius + 8, 2);
    }

  for (guint i = 0; i < layout->n_places; i++)
    {
      const DossierGridPlace *p = &layout->places[i];
      GdkRGBA color;

      gdk_rgba_parse (&color, dossier_grid_stance_color (self->grid_items[i].stance_position));
      if (p->hollow)
        append_circle (snapshot, &color, p->x, p->y, p->radius, 2);
      else
        append_circle (snapshot, &color, p->x, p->y, p->radius, 0);
    }

  /* The selection: a ring around its dot, thicker with keyboard focus. */
  if (selected >= 0 && (guint) selected < layout->n_places)
    {
      const DossierGridPlace *p = &layout->places[selected];
      double ring = gtk_widget_has_visible_focus (widget) ? 3 : 2;

      append_circle (snapshot, &accent, p->x, p->y, p->radius + 2 + ring, ring);
    }

  for (guint i = 0; i < layout->n_places; i++)
    {
      const DossierGridPlace *p = &layout->places[i];

      if (p->label_shown)
        append_layout (snapshot, g_ptr_array_index (self->labels, i),
                       (int) i == selected || (int) i == dropping ? &accent : &fg,
                       p->label.x, p->label.y, 0);
    }
}

static void
dossier_power_grid_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  /* Placed here rather than while drawing; the draw finds it done. */
  ensure_layout (DOSSIER_POWER_GRID (widget), width, height);
  gtk_widget_queue_draw (widget);
}

static GtkSizeRequestMode
dossier_power_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dossier_power_grid_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* A little taller than wide: labels spread more easily up and down
   * than across a sidebar's 300 pixels. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 360;
    }
  else
    {
      *minimum = 200;
      *natural = for_size > 0 ? MAX (200, (int) (for_size * 1.15)) : 360;
    }
}

static void
dossier_power_grid_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dossier_power_grid_parent_class)->css_changed (widget, change);
  /* The colours may have changed. A change of font shows in the Pango
   * context's serial, and ensure_layout measures the labels again then;
   * a change of state (focus, hover, backdrop) no longer does. */
  gtk_widget_queue_draw (widget);
}

/* ---- Selection, pointer and keys ----------------------------------------------- */

static DossierStakeholder *
selected_stakeholder (DossierPowerGrid *self)
{
  int i = index_of (self, self->selected_id);

  return i >= 0 ? g_ptr_array_index (self->items, i) : NULL;
}

static void
select_index (DossierPowerGrid *self,
              int               index)
{
  gint64 id = 0;

  if (index >= 0 && (guint) index < self->items->len)
    id = dossier_stakeholder_get_id (g_ptr_array_index (self->items, index));
  dossier_power_grid_set_selected_id (self, id);
}

static void
activate_selected (DossierPowerGrid *self)
{
  if (selected_stakeholder (self) != NULL)
    g_signal_emit (self, signals[ACTIVATE], 0, self->selected_id);
}

gboolean
dossier_power_grid_click (DossierPowerGrid *self,
                          double            x,
                          double            y,
                          int               n_press)
{
  const DossierGridLayout *layout;
  int hit;

  g_return_val_if_fail (DOSSIER_IS_POWER_GRID (self), FALSE);

  layout = dossier_power_grid_get_layout (self);
  hit = layout != NULL ? dossier_grid_layout_hit (layout, x, y) : -1;
  select_index (self, hit);
  if (hit >= 0 && n_press == 2)
    activate_selected (self);
  return hit >= 0;
}

static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            DossierPowerGrid *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (dossier_power_grid_click (self, x, y, n_press))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DossierPowerGrid      *self)
{
  const DossierGridLayout *layout = dossier_power_grid_get_layout (self);
  int from = index_of (self, self->selected_id);
  int dx = 0, dy = 0;

  if (layout == NULL || layout->n_places == 0)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = 1; break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      select_index (self, 0);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      select_index (self, layout->n_places - 1);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      activate_selected (self);
      return from >= 0;
    case GDK_KEY_Escape:
      if (from < 0)
        return FALSE;
      select_index (self, -1);
      return TRUE;
    default:
      return FALSE;
    }

  {
    int next = dossier_grid_layout_neighbor (layout, from, dx, dy);

    /* At the edge the selection stays, and the key is still ours (the
     * focus does not jump out of the grid under an arrow). */
    if (next >= 0)
      select_index (self, next);
    else
      gtk_widget_error_bell (GTK_WIDGET (self));
    return TRUE;
  }
}

static gboolean
dossier_power_grid_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_tooltip,
                                  GtkTooltip *tooltip)
{
  DossierPowerGrid *self = DOSSIER_POWER_GRID (widget);
  const DossierGridLayout *layout = dossier_power_grid_get_layout (self);
  g_autofree char *text = NULL;
  int i;

  if (layout == NULL)
    return FALSE;
  i = keyboard_tooltip ? index_of (self, self->selected_id) : dossier_grid_layout_hit (layout, x, y);
  if (i < 0 || (guint) i >= self->items->len)
    return FALSE;

  text = dossier_grid_describe (g_ptr_array_index (self->items, i));
  gtk_tooltip_set_text (tooltip, text);
  if (!keyboard_tooltip)
    {
      const DossierGridPlace *p = &layout->places[i];

      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { p->x - p->radius, p->y - p->radius,
                                                           2 * p->radius + 1, 2 * p->radius + 1 });
    }
  return TRUE;
}

/* Screen readers get every stakeholder in words: the selected one first,
 * then all of them in the list's order. */
static gboolean
update_accessible (gpointer data)
{
  DossierPowerGrid *self = data;
  GString *description = g_string_new (NULL);
  DossierStakeholder *selected = selected_stakeholder (self);

  if (selected != NULL)
    {
      g_autofree char *line = dossier_grid_describe (selected);

      /* TRANSLATORS: the grid's description for screen readers starts with the selected dot. */
      g_string_append_printf (description, _("Selected: %s."), line);
    }
  if (self->items->len == 0)
    g_string_append (description, _("No stakeholders yet."));
  for (guint i = 0; i < self->items->len; i++)
    {
      g_autofree char *line = dossier_grid_describe (g_ptr_array_index (self->items, i));

      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append_printf (description, "%s.", line);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  g_string_free (description, TRUE);
  self->accessible_idle = 0;
  return G_SOURCE_REMOVE;
}

/* Once for many changes: an import notifies every stakeholder, and each
 * description names them all. */
static void
queue_update_accessible (DossierPowerGrid *self)
{
  if (self->accessible_idle == 0)
    self->accessible_idle = g_idle_add (update_accessible, self);
}

/* ---- Properties ------------------------------------------------------------------ */

GListModel *
dossier_power_grid_get_model (DossierPowerGrid *self)
{
  g_return_val_if_fail (DOSSIER_IS_POWER_GRID (self), NULL);

  return self->model;
}

void
dossier_power_grid_set_model (DossierPowerGrid *self,
                              GListModel       *model)
{
  g_return_if_fail (DOSSIER_IS_POWER_GRID (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_changed_cb), self,
                             G_CONNECT_SWAPPED);
  model_changed_cb (self, 0, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gint64
dossier_power_grid_get_selected_id (DossierPowerGrid *self)
{
  g_return_val_if_fail (DOSSIER_IS_POWER_GRID (self), 0);

  return self->selected_id;
}

void
dossier_power_grid_set_selected_id (DossierPowerGrid *self,
                                    gint64            stakeholder_id)
{
  g_return_if_fail (DOSSIER_IS_POWER_GRID (self));

  if (index_of (self, stakeholder_id) < 0)
    stakeholder_id = 0;
  if (self->selected_id == stakeholder_id)
    return;

  self->selected_id = stakeholder_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  queue_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

gint64
dossier_power_grid_get_id_at (DossierPowerGrid *self,
                              double            x,
                              double            y)
{
  const DossierGridLayout *layout;
  int hit;

  g_return_val_if_fail (DOSSIER_IS_POWER_GRID (self), 0);

  layout = dossier_power_grid_get_layout (self);
  hit = layout != NULL ? dossier_grid_layout_hit (layout, x, y) : -1;
  if (hit < 0 || (guint) hit >= self->items->len)
    return 0;
  return dossier_stakeholder_get_id (g_ptr_array_index (self->items, hit));
}

gint64
dossier_power_grid_get_drop_id (DossierPowerGrid *self)
{
  g_return_val_if_fail (DOSSIER_IS_POWER_GRID (self), 0);

  return self->drop_id;
}

void
dossier_power_grid_set_drop_id (DossierPowerGrid *self,
                                gint64            stakeholder_id)
{
  g_return_if_fail (DOSSIER_IS_POWER_GRID (self));

  if (index_of (self, stakeholder_id) < 0)
    stakeholder_id = 0;
  if (self->drop_id == stakeholder_id)
    return;
  self->drop_id = stakeholder_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const DossierGridLayout *
dossier_power_grid_get_layout (DossierPowerGrid *self)
{
  int width, height;

  g_return_val_if_fail (DOSSIER_IS_POWER_GRID (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    return NULL;
  return ensure_layout (self, width, height);
}

GtkWidget *
dossier_power_grid_new (void)
{
  return g_object_new (DOSSIER_TYPE_POWER_GRID, NULL);
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
dossier_power_grid_dispose (GObject *object)
{
  DossierPowerGrid *self = DOSSIER_POWER_GRID (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
  g_clear_object (&self->model);
  if (self->items != NULL)
    release_items (self);
  g_clear_handle_id (&self->accessible_idle, g_source_remove);
  g_clear_handle_id (&self->taken_out_idle, g_source_remove);

  G_OBJECT_CLASS (dossier_power_grid_parent_class)->dispose (object);
}

static void
dossier_power_grid_finalize (GObject *object)
{
  DossierPowerGrid *self = DOSSIER_POWER_GRID (object);

  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->labels);
  for (int q = 0; q < DOSSIER_GRID_N_QUADRANTS; q++)
    g_clear_object (&self->titles[q]);
  g_clear_object (&self->axis_power);
  g_clear_object (&self->axis_interest);
  g_free (self->grid_items);
  dossier_grid_layout_free (self->layout);

  G_OBJECT_CLASS (dossier_power_grid_parent_class)->finalize (object);
}

static void
dossier_power_grid_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierPowerGrid *self = DOSSIER_POWER_GRID (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_power_grid_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierPowerGrid *self = DOSSIER_POWER_GRID (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      dossier_power_grid_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ID:
      dossier_power_grid_set_selected_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_power_grid_class_init (DossierPowerGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_power_grid_dispose;
  object_class->finalize = dossier_power_grid_finalize;
  object_class->get_property = dossier_power_grid_get_property;
  object_class->set_property = dossier_power_grid_set_property;

  widget_class->snapshot = dossier_power_grid_snapshot;
  widget_class->measure = dossier_power_grid_measure;
  widget_class->get_request_mode = dossier_power_grid_get_request_mode;
  widget_class->size_allocate = dossier_power_grid_size_allocate;
  widget_class->query_tooltip = dossier_power_grid_query_tooltip;
  widget_class->css_changed = dossier_power_grid_css_changed;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "powergrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_power_grid_init (DossierPowerGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->items_dirty = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Power/interest grid"), -1);
  queue_update_accessible (self);
}
