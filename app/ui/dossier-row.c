/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-row.c — the base class of the rows of Dossier's lists: the
 * "item" property, registering with the panel the row is rooted in, and
 * the row's menu. */

#include "config.h"

#include "dossier-panel-private.h"
#include "dossier-row.h"
#include "dossier-ui-utils.h"

typedef struct
{
  GObject       *item;
  GBindingGroup *bindings;    /* from the item to the row's widgets */
  GSignalGroup  *signals;     /* of the item, to the row */
  DossierPanel  *panel;       /* weak: the panel the row is rooted in */
  GtkListItem   *list_item;   /* weak: the list item whose item it shows */
  gulong         list_item_handler;
  char          *label;       /* for assistive technologies */
  char          *description;
  GtkWidget     *menu;        /* popover, made when first asked for */
  gboolean       menu_from_keyboard;
} DossierRowPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DossierRow, dossier_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_LIST_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GQuark item_type_quark;
static GQuark template_quark;

static GType
item_type (DossierRow *self)
{
  for (GType type = G_OBJECT_TYPE (self); type != DOSSIER_TYPE_ROW; type = g_type_parent (type))
    {
      GType item = GPOINTER_TO_SIZE (g_type_get_qdata (type, item_type_quark));

      if (item != 0)
        return item;
    }

  return G_TYPE_OBJECT;
}

void
dossier_row_class_set_item_type (DossierRowClass *row_class,
                                 GType            type)
{
  g_return_if_fail (DOSSIER_IS_ROW_CLASS (row_class));
  g_return_if_fail (g_type_is_a (type, G_TYPE_OBJECT));

  g_type_set_qdata (G_TYPE_FROM_CLASS (row_class), item_type_quark, GSIZE_TO_POINTER (type));
}

void
dossier_row_class_set_template (DossierRowClass *row_class,
                                GType            type,
                                const char      *resource)
{
  g_return_if_fail (DOSSIER_IS_ROW_CLASS (row_class));
  g_return_if_fail (resource != NULL);

  dossier_row_class_set_item_type (row_class, type);
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (row_class), resource);
  g_type_set_qdata (G_TYPE_FROM_CLASS (row_class), template_quark, GINT_TO_POINTER (TRUE));
}

void
dossier_row_bind_item (DossierRow            *self,
                       const char            *source_property,
                       gpointer               target,
                       const char            *target_property,
                       GBindingTransformFunc  transform_to)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_ROW (self));

  if (priv->bindings == NULL)
    priv->bindings = g_binding_group_new ();
  g_binding_group_bind_full (priv->bindings, source_property, target, target_property,
                             G_BINDING_SYNC_CREATE, transform_to, NULL, NULL, NULL);
}

void
dossier_row_connect_item (DossierRow *self,
                          const char *detailed_signal,
                          GCallback   callback)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_ROW (self));

  if (priv->signals == NULL)
    priv->signals = g_signal_group_new (item_type (self));
  g_signal_group_connect_object (priv->signals, detailed_signal, callback, self, G_CONNECT_SWAPPED);
}

gpointer
dossier_row_get_item (DossierRow *self)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_ROW (self), NULL);

  return priv->item;
}

void
dossier_row_set_item (DossierRow *self,
                      gpointer    item)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_ROW (self));
  g_return_if_fail (item == NULL || G_TYPE_CHECK_INSTANCE_TYPE (item, item_type (self)));

  /* GTK 4.8 binds a row again when it only moves: the same item costs
   * nothing. */
  if (!g_set_object (&priv->item, item))
    return;

  if (priv->bindings != NULL)
    g_binding_group_set_source (priv->bindings, item);
  if (priv->signals != NULL)
    g_signal_group_set_target (priv->signals, item);

  /* What the panel knows first, so that the row shows its item once. */
  if (priv->panel != NULL)
    _dossier_panel_bind_row (priv->panel, self);
  if (DOSSIER_ROW_GET_CLASS (self)->item_changed != NULL)
    DOSSIER_ROW_GET_CLASS (self)->item_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

static void
follow_list_item (DossierRow *self)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);

  dossier_row_set_item (self, priv->list_item ? gtk_list_item_get_item (priv->list_item) : NULL);
}

/* A signal handler rather than a GtkExpression binding to the list item's
 * "item": GTK 4.8 makes up to 200 rows at once when a list fills, and the
 * expression's watch cost a tenth of each row's making. */
static void
set_list_item (DossierRow  *self,
               GtkListItem *list_item)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);

  if (priv->list_item == list_item)
    return;

  if (priv->list_item != NULL)
    g_signal_handler_disconnect (priv->list_item, priv->list_item_handler);
  priv->list_item_handler = 0;
  g_set_weak_pointer (&priv->list_item, list_item);
  if (list_item != NULL)
    priv->list_item_handler = g_signal_connect_swapped (list_item, "notify::item",
                                                        G_CALLBACK (follow_list_item), self);
  follow_list_item (self);
}

/* The list's row around @self (GtkListView's item widget, a GtkListBoxRow:
 * CSS name "row"; GtkGridView's: "child"), at most two levels up; NULL if
 * none. */
static GtkWidget *
list_row (DossierRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  for (guint i = 0; i < 2 && (widget = gtk_widget_get_parent (widget)) != NULL; i++)
    if (g_str_equal (gtk_widget_get_css_name (widget), "row") ||
        (g_str_equal (gtk_widget_get_css_name (widget), "child") &&
         GTK_IS_GRID_VIEW (gtk_widget_get_parent (widget))))
      return widget;

  return NULL;
}

static void
name_accessible (GtkAccessible *accessible,
                 const char    *label,
                 const char    *description)
{
  if (label != NULL)
    gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (description != NULL)
    gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
name_list_row (DossierRow *self)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);
  GtkWidget *row = list_row (self);

  if (row != NULL && (priv->label != NULL || priv->description != NULL))
    name_accessible (GTK_ACCESSIBLE (row), priv->label, priv->description);
}

void
dossier_row_set_accessible (DossierRow *self,
                            const char *label,
                            const char *description)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);
  g_autofree char *shown_label = label != NULL ? dossier_shown_text (label) : NULL;
  g_autofree char *shown_description = description != NULL ? dossier_shown_text (description) : NULL;

  g_return_if_fail (DOSSIER_IS_ROW (self));

  dossier_set_str (&priv->label, shown_label);
  dossier_set_str (&priv->description, shown_description);
  name_accessible (GTK_ACCESSIBLE (self), shown_label, shown_description);
  name_list_row (self);
}

DossierPanel *
dossier_row_get_panel (DossierRow *self)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_ROW (self), NULL);

  return priv->panel;
}

GtkListItem *
dossier_row_get_list_item (DossierRow *self)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_ROW (self), NULL);

  return priv->list_item;
}

/* ---- the menu ------------------------------------------------------------------ */

/* The part of @self in sight, in its native's coordinates: within its
 * scrolling list, and the native itself. FALSE if none. */
static gboolean
visible_bounds (DossierRow      *self,
                GtkWidget       *native,
                graphene_rect_t *visible)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLABLE);
  graphene_rect_t clip;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (self), native, visible))
    return FALSE;
  graphene_rect_init (&clip, 0, 0, gtk_widget_get_width (native), gtk_widget_get_height (native));
  if (!graphene_rect_intersection (visible, &clip, visible))
    return FALSE;
  if (scroller != NULL && gtk_widget_compute_bounds (scroller, native, &clip) &&
      !graphene_rect_intersection (visible, &clip, visible))
    return FALSE;
  return TRUE;
}

/* Points @menu, opened from the keyboard, at @self: under the row, or
 * over it, from near its start, where the window has room for the whole
 * menu, @menu_height tall. X places a popover on the screen, not in the
 * window: under a row taller than its list (an unfolded argument), it
 * opened below the window's edge. A row with no such room, it points
 * into from the top of the part in sight, high enough for the menu to
 * end in the window. Where it points (@x, @y), in @self. */
static void
point_from_keyboard (DossierRow *self,
                     GtkWidget  *menu,
                     int         menu_height,
                     double     *x,
                     double     *y)
{
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (self)));
  graphene_rect_t row, visible;
  GtkPositionType position = GTK_POS_BOTTOM;
  GdkRectangle rect;
  int window_height;

  *x = MIN (12, gtk_widget_get_width (GTK_WIDGET (self)) / 2);
  rect = (GdkRectangle) { (int) *x, 0, 1, gtk_widget_get_height (GTK_WIDGET (self)) };
  if (native != NULL && gtk_widget_compute_bounds (GTK_WIDGET (self), native, &row) &&
      visible_bounds (self, native, &visible))
    {
      window_height = gtk_widget_get_height (native);
      rect.y = (int) (visible.origin.y - row.origin.y);
      rect.height = (int) visible.size.height;
      if (visible.origin.y + visible.size.height + menu_height > window_height)
        {
          if (visible.origin.y >= menu_height)
            position = GTK_POS_TOP;
          else
            {
              rect.y = (int) (MAX (0, MIN (visible.origin.y, window_height - menu_height)) - row.origin.y);
              rect.height = 1;
            }
        }
    }
  *y = rect.y + rect.height / 2.0;
  gtk_popover_set_position (GTK_POPOVER (menu), position);
  gtk_popover_set_pointing_to (GTK_POPOVER (menu), &rect);
}

/* Between a popover without an arrow and what it points at (Adwaita
 * leaves 5 px), and a little room. */
#define MENU_GAP 8

/* The menu's height is known once it is shown (hidden, it measures
 * nothing, and its contents less than they will be): placed again then,
 * before it is drawn. */
static void
on_menu_map (GtkWidget  *menu,
             DossierRow *self)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);
  int height;
  double x, y;

  if (!priv->menu_from_keyboard)
    return;
  gtk_widget_measure (menu, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  point_from_keyboard (self, menu, height + MENU_GAP, &x, &y);
}

gboolean
dossier_row_popup_menu (DossierRow *self,
                        double      x,
                        double      y)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);
  g_autoptr(GMenuModel) model = NULL;

  g_return_val_if_fail (DOSSIER_IS_ROW (self), FALSE);

  if (DOSSIER_ROW_GET_CLASS (self)->create_menu == NULL ||
      (model = DOSSIER_ROW_GET_CLASS (self)->create_menu (self)) == NULL)
    return FALSE;

  if (priv->menu == NULL)
    {
      priv->menu = dossier_context_menu_new (GTK_WIDGET (self));
      g_signal_connect (priv->menu, "map", G_CALLBACK (on_menu_map), self);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (priv->menu), model);
  priv->menu_from_keyboard = x < 0;
  if (x >= 0)
    {
      gtk_popover_set_position (GTK_POPOVER (priv->menu), GTK_POS_BOTTOM);
      gtk_popover_set_pointing_to (GTK_POPOVER (priv->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
    }
  else
    point_from_keyboard (self, priv->menu, 0, &x, &y);
  /* The tooltip of what is under the point (a chip, the row) would open
   * over the menu. */
  dossier_hold_tooltip_under (GTK_POPOVER (priv->menu), GTK_WIDGET (self), x, y);
  dossier_popup_returning_focus (GTK_POPOVER (priv->menu));
  return gtk_widget_get_visible (priv->menu);
}

static void
on_secondary_click (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    DossierRow      *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  dossier_row_popup_menu (self, x, y);
}

static void
on_long_press (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               DossierRow          *self)
{
  dossier_row_popup_menu (self, x, y);
}

/* Only rows with a menu listen for it: a list makes hundreds of rows. */
static void
dossier_row_constructed (GObject *object)
{
  DossierRow *self = DOSSIER_ROW (object);
  GtkGesture *click, *press;

  G_OBJECT_CLASS (dossier_row_parent_class)->constructed (object);

  if (DOSSIER_ROW_GET_CLASS (self)->create_menu == NULL)
    return;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (press));
}

static void
leave_panel (DossierRow *self)
{
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);

  if (priv->panel == NULL)
    return;

  _dossier_panel_remove_row (priv->panel, self);
  g_clear_weak_pointer (&priv->panel);
}

static void
dossier_row_root (GtkWidget *widget)
{
  DossierRow *self = DOSSIER_ROW (widget);
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);
  GtkWidget *panel;

  GTK_WIDGET_CLASS (dossier_row_parent_class)->root (widget);

  /* A row named before it was put in its list names the list's row now. */
  name_list_row (self);

  panel = gtk_widget_get_ancestor (widget, DOSSIER_TYPE_PANEL);
  if (panel == NULL)
    return;

  g_set_weak_pointer (&priv->panel, DOSSIER_PANEL (panel));
  _dossier_panel_add_row (priv->panel, self);
}

static void
dossier_row_unroot (GtkWidget *widget)
{
  leave_panel (DOSSIER_ROW (widget));

  GTK_WIDGET_CLASS (dossier_row_parent_class)->unroot (widget);
}

static void
dossier_row_dispose (GObject *object)
{
  DossierRow *self = DOSSIER_ROW (object);
  DossierRowPrivate *priv = dossier_row_get_instance_private (self);
  GtkWidget *child;

  leave_panel (self);
  set_list_item (self, NULL);
  g_clear_pointer (&priv->menu, gtk_widget_unparent);
  g_clear_object (&priv->bindings);
  g_clear_object (&priv->signals);
  if (g_type_get_qdata (G_OBJECT_TYPE (self), template_quark) != NULL)
    gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->item);
  g_clear_pointer (&priv->label, g_free);
  g_clear_pointer (&priv->description, g_free);

  G_OBJECT_CLASS (dossier_row_parent_class)->dispose (object);
}

static void
dossier_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, dossier_row_get_item (DOSSIER_ROW (object)));
      break;
    case PROP_LIST_ITEM:
      g_value_set_object (value, ((DossierRowPrivate *) dossier_row_get_instance_private (DOSSIER_ROW (object)))->list_item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      dossier_row_set_item (DOSSIER_ROW (object), g_value_get_object (value));
      break;
    case PROP_LIST_ITEM:
      set_list_item (DOSSIER_ROW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_row_class_init (DossierRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_row_constructed;
  object_class->dispose = dossier_row_dispose;
  object_class->get_property = dossier_row_get_property;
  object_class->set_property = dossier_row_set_property;

  widget_class->root = dossier_row_root;
  widget_class->unroot = dossier_row_unroot;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST_ITEM] =
    g_param_spec_object ("list-item", NULL, NULL, GTK_TYPE_LIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  item_type_quark = g_quark_from_static_string ("dossier-row-item-type");
  template_quark = g_quark_from_static_string ("dossier-row-template");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dossier_row_init (DossierRow *self)
{
}
