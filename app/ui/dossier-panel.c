/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-panel.c — the base class of the sidebar panels: the project
 * property, toasts and errors, and the rows rooted in the panel. */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-accessible.h"
#include "dossier-panel-private.h"
#include "dossier-ui-utils.h"

typedef struct
{
  DossierProject *project;
  /* DossierRow widgets rooted in the panel (no refs: they leave on unroot) */
  GHashTable     *rows;
  /* a key acted on a row: the ring shown again once it is up */
  gboolean        ring_on_release;
  /* the "id" of an item deleted from a list of the panel, the list (weak)
   * and its model, watched for the item to come back (an undo) */
  gint64          return_id;
  GtkWidget      *return_list;
  GListModel     *return_model;
  gulong          return_handler;
  /* a list whose model just changed (a row moved), held where it was
   * until its next layout (dossier_panel_keep_in_view ()) */
  GtkWidget      *hold_list;
  GdkFrameClock  *hold_clock;
  gulong          hold_handler;
  double          hold_value;
  guint           hold_position;
} DossierPanelPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DossierPanel, dossier_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

DossierProject *
dossier_panel_get_project (DossierPanel *self)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_PANEL (self), NULL);

  return priv->project;
}

void
dossier_panel_set_project (DossierPanel   *self,
                           DossierProject *project)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_PANEL (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (!g_set_object (&priv->project, project))
    return;

  if (DOSSIER_PANEL_GET_CLASS (self)->project_changed != NULL)
    DOSSIER_PANEL_GET_CLASS (self)->project_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
dossier_panel_is_writable (DossierPanel *self)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_PANEL (self), FALSE);

  return priv->project != NULL && !dossier_project_get_read_only (priv->project);
}

GtkWindow *
dossier_panel_get_window (DossierPanel *self)
{
  GtkRoot *root;

  g_return_val_if_fail (DOSSIER_IS_PANEL (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- Messages -------------------------------------------------------------- */

gboolean
dossier_panel_show_toast (DossierPanel *self,
                          const char   *message,
                          gboolean      undo)
{
  g_return_val_if_fail (DOSSIER_IS_PANEL (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  /* The window's overlay, found by the widget tree rather than through
   * the window's type: a panel works in any window that has one. */
  return dossier_show_toast (GTK_WIDGET (self), message, undo);
}

void
dossier_panel_report_error (DossierPanel *self,
                            const char   *what,
                            const GError *error)
{
  g_return_if_fail (DOSSIER_IS_PANEL (self));

  dossier_report_in_toast (GTK_WIDGET (self), what, error);
}

void
dossier_panel_show_error (DossierPanel *self,
                          const char   *heading,
                          const GError *error)
{
  g_return_if_fail (DOSSIER_IS_PANEL (self));
  g_return_if_fail (heading != NULL);

  dossier_present_error (dossier_panel_get_window (self), heading, error ? error->message : NULL);
}

/* ---- Rows ------------------------------------------------------------------ */

void
_dossier_panel_bind_row (DossierPanel *self,
                         DossierRow   *row)
{
  if (DOSSIER_PANEL_GET_CLASS (self)->bind_row != NULL)
    DOSSIER_PANEL_GET_CLASS (self)->bind_row (self, row);
}

void
_dossier_panel_add_row (DossierPanel *self,
                        DossierRow   *row)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  g_hash_table_add (priv->rows, row);
  _dossier_panel_bind_row (self, row);
}

void
_dossier_panel_remove_row (DossierPanel *self,
                           DossierRow   *row)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  if (priv->rows != NULL)
    g_hash_table_remove (priv->rows, row);
}

void
dossier_panel_update_rows (DossierPanel *self)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (DOSSIER_IS_PANEL (self));

  if (DOSSIER_PANEL_GET_CLASS (self)->bind_row == NULL)
    return;

  g_hash_table_iter_init (&iter, priv->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    DOSSIER_PANEL_GET_CLASS (self)->bind_row (self, row);
}

DossierRow *
dossier_panel_find_row (DossierPanel *self,
                        gpointer      item)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);
  GHashTableIter iter;
  gpointer row;

  g_return_val_if_fail (DOSSIER_IS_PANEL (self), NULL);

  if (item == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, priv->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    if (dossier_row_get_item (row) == item)
      return row;

  return NULL;
}

/* The row of the list item of @list (a list or grid view) that holds
 * @widget (the list's children are its list items): the item's child, or
 * a tree's row in its expander. */
static DossierRow *
item_row (GtkWidget *list,
          GtkWidget *widget)
{
  while (widget != NULL && gtk_widget_get_parent (widget) != list)
    widget = gtk_widget_get_parent (widget);
  widget = widget ? gtk_widget_get_first_child (widget) : NULL;
  if (GTK_IS_TREE_EXPANDER (widget))
    widget = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (widget));

  return DOSSIER_IS_ROW (widget) ? DOSSIER_ROW (widget) : NULL;
}

DossierRow *
dossier_panel_pick_row (DossierPanel *self,
                        GtkWidget    *list,
                        double        x,
                        double        y)
{
  GtkWidget *widget;

  g_return_val_if_fail (DOSSIER_IS_PANEL (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);

  widget = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
  if (widget == NULL || widget == list)
    return NULL;
  if (gtk_widget_get_ancestor (widget, DOSSIER_TYPE_ROW) != NULL)
    return DOSSIER_ROW (gtk_widget_get_ancestor (widget, DOSSIER_TYPE_ROW));

  /* In a list item's padding, or beside an indented row. */
  return item_row (list, widget);
}

DossierRow *
dossier_panel_get_focus_row (DossierPanel *self,
                             GtkWidget    *list)
{
  GtkWidget *focus;

  g_return_val_if_fail (DOSSIER_IS_PANEL (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);

  focus = dossier_focus_within (list);
  if (focus == NULL || focus == list)
    return NULL;
  /* The focus is on a list item, or on something in its row (a button,
   * a card of the row's own). */
  return item_row (list, focus);
}

static gboolean
menu_key (GtkWidget *list,
          GVariant  *args,
          gpointer   data)
{
  DossierRow *row = dossier_panel_get_focus_row (DOSSIER_PANEL (data), list);

  return row != NULL && dossier_row_popup_menu (row, -1, -1);
}

void
dossier_panel_add_menu_keys (DossierPanel *self,
                             GtkWidget    *list)
{
  GtkEventController *keys;

  g_return_if_fail (DOSSIER_IS_PANEL (self));
  g_return_if_fail (GTK_IS_WIDGET (list));

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                          gtk_callback_action_new (menu_key, self, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (menu_key, self, NULL)));
  gtk_widget_add_controller (list, keys);
}

/* GTK 4.8 hides the focus ring three seconds after a key, and a key shows
 * it again only if the focus moved while it was down (the window decides
 * when the key is released, before the panel sees it). A row's keys
 * leave the focus where it is (Enter unfolding an argument), or move it
 * only once the list has made the row it goes to (a move, a deletion):
 * the ring is shown now and again once the key is up. */
static void
set_ring_visible (DossierPanel *self)
{
  GtkWindow *window = dossier_panel_get_window (self);

  if (window != NULL)
    gtk_window_set_focus_visible (window, TRUE);
}

void
dossier_panel_show_focus_ring (DossierPanel *self)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_PANEL (self));

  set_ring_visible (self);
  priv->ring_on_release = TRUE;
}

static void
on_key_released (DossierPanel *self)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  if (!priv->ring_on_release)
    return;
  priv->ring_on_release = FALSE;
  set_ring_visible (self);
}

/* Frames to wait, at most, for a list to make the row scrolled to. */
#define FOCUS_ITEM_FRAMES 10

typedef struct
{
  DossierPanel *panel;
  gpointer      item;        /* a reference */
  guint         frames;
} FocusItem;

static void
focus_item_free (gpointer data)
{
  FocusItem *focus = data;

  g_object_unref (focus->item);
  g_free (focus);
}

/* Gives the focus to the list item of @item's row in @list; FALSE if
 * @list has not made it. */
static gboolean
grab_row_of (DossierPanel *self,
             GtkWidget    *list,
             gpointer      item)
{
  DossierRow *row = dossier_panel_find_row (self, item);
  GtkWidget *list_item = row != NULL ? gtk_widget_get_parent (GTK_WIDGET (row)) : NULL;

  if (list_item == NULL || !gtk_widget_is_ancestor (list_item, list))
    return FALSE;
  gtk_widget_grab_focus (list_item);
  return TRUE;
}

static gboolean
focus_item_tick (GtkWidget     *list,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  FocusItem *focus = data;

  if (grab_row_of (focus->panel, list, focus->item) || ++focus->frames >= FOCUS_ITEM_FRAMES)
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

void
dossier_panel_focus_item (DossierPanel *self,
                          GtkWidget    *list,
                          guint         position,
                          gpointer      item)
{
  FocusItem *focus;

  g_return_if_fail (DOSSIER_IS_PANEL (self));
  g_return_if_fail (GTK_IS_WIDGET (list));
  g_return_if_fail (G_IS_OBJECT (item));

  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  if (grab_row_of (self, list, item) || !gtk_widget_get_mapped (list))
    return;
  /* GTK 4.8's lists make the row scrolled to when they next lay out. */
  focus = g_new0 (FocusItem, 1);
  focus->panel = self;
  focus->item = g_object_ref (item);
  gtk_widget_add_tick_callback (list, focus_item_tick, focus, focus_item_free);
}

/* Disconnects *@handler from the object at *@instance_ptr, if it still
 * is connected, and drops both: a frame clock goes with its window's
 * surface, and its handlers with it (the window may close before the
 * layout came); a list's model may be replaced. */
static void
forget_handler (gpointer  instance_ptr,
                gulong   *handler)
{
  GObject **instance = instance_ptr;

  if (*instance != NULL && *handler != 0 && g_signal_handler_is_connected (*instance, *handler))
    g_signal_handler_disconnect (*instance, *handler);
  *handler = 0;
  g_clear_object (instance);
}

static void
forget_hold (DossierPanel *self)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  forget_handler (&priv->hold_clock, &priv->hold_handler);
  g_clear_weak_pointer (&priv->hold_list);
}

/* After the frame's layout (GTK's own handler, connected first, has laid
 * the window out; GDK lays it out again, before it paints, for what this
 * changes): the list back where it was, then scrolled as little as its
 * row needs, from where the rows now are. */
static void
on_hold_layout (GdkFrameClock *clock,
                DossierPanel  *self)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);
  GtkWidget *list = priv->hold_list;
  double value = priv->hold_value;
  guint position = priv->hold_position;

  if (list != NULL)
    g_object_ref (list);
  forget_hold (self);
  if (list == NULL)
    return;
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list)), value);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  g_object_unref (list);
}

void
dossier_panel_keep_in_view (DossierPanel *self,
                            GtkWidget    *list,
                            double        value,
                            guint         position)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);
  GdkFrameClock *clock;

  g_return_if_fail (DOSSIER_IS_PANEL (self));
  g_return_if_fail (GTK_IS_LIST_VIEW (list) || GTK_IS_GRID_VIEW (list));

  forget_hold (self);
  clock = gtk_widget_get_frame_clock (list);
  if (clock == NULL)
    return;
  priv->hold_clock = g_object_ref (clock);
  g_set_weak_pointer (&priv->hold_list, list);
  priv->hold_value = value;
  priv->hold_position = position;
  priv->hold_handler = g_signal_connect (clock, "layout", G_CALLBACK (on_hold_layout), self);
  gtk_widget_queue_allocate (list);
}

static void
forget_return (DossierPanel *self)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  forget_handler (&priv->return_model, &priv->return_handler);
  g_clear_weak_pointer (&priv->return_list);
  priv->return_id = 0;
}

/* The "id" of @item (an argument, a stakeholder), or 0. */
static gint64
item_id (gpointer item)
{
  gint64 id = 0;

  if (item != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (item), "id") != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

static void
on_return_model_changed (DossierPanel *self,
                         guint         position,
                         guint         removed,
                         guint         added,
                         GListModel   *model)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *list = priv->return_list;

      if (item_id (item) != priv->return_id)
        continue;
      /* Back where the user still is: the focus in the panel, or nowhere
       * (the list it was in emptied by the deletion). */
      if (list != NULL && root != NULL &&
          (gtk_root_get_focus (root) == NULL || dossier_focus_within (GTK_WIDGET (self)) != NULL))
        dossier_panel_focus_item (self, list, i, item);
      forget_return (self);
      return;
    }
}

void
dossier_panel_focus_on_return (DossierPanel *self,
                               GtkWidget    *list,
                               gpointer      item)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);
  GListModel *model = NULL;

  g_return_if_fail (DOSSIER_IS_PANEL (self));
  g_return_if_fail (GTK_IS_LIST_VIEW (list) || GTK_IS_GRID_VIEW (list));
  g_return_if_fail (G_IS_OBJECT (item));

  forget_return (self);
  model = GTK_IS_LIST_VIEW (list) ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))
                                  : G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
  if (model == NULL || item_id (item) == 0)
    return;
  priv->return_id = item_id (item);
  g_set_weak_pointer (&priv->return_list, list);
  priv->return_model = g_object_ref (model);
  priv->return_handler = g_signal_connect_object (model, "items-changed", G_CALLBACK (on_return_model_changed),
                                                  self, G_CONNECT_SWAPPED);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
dossier_panel_dispose (GObject *object)
{
  DossierPanel *self = DOSSIER_PANEL (object);
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);
  GtkWidget *child;

  /* Subclasses have disposed of their templates already. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->project);
  forget_return (self);
  forget_hold (self);

  G_OBJECT_CLASS (dossier_panel_parent_class)->dispose (object);
}

static void
dossier_panel_finalize (GObject *object)
{
  DossierPanel *self = DOSSIER_PANEL (object);
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);

  g_clear_pointer (&priv->rows, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_panel_parent_class)->finalize (object);
}

static void
dossier_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, dossier_panel_get_project (DOSSIER_PANEL (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_panel_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_panel_set_project (DOSSIER_PANEL (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_panel_class_init (DossierPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_panel_dispose;
  object_class->finalize = dossier_panel_finalize;
  object_class->get_property = dossier_panel_get_property;
  object_class->set_property = dossier_panel_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dossier_panel_init (DossierPanel *self)
{
  DossierPanelPrivate *priv = dossier_panel_get_instance_private (self);
  GtkEventController *released = gtk_event_controller_key_new ();

  priv->rows = g_hash_table_new (NULL, NULL);
  /* Captured: the key's release reaches the panel whatever has the focus in it. */
  gtk_event_controller_set_propagation_phase (released, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (released, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), released);
}
