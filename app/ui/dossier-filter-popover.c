/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-filter-popover.c — the base of the pickers: a search entry over
 * a filtered list of the project's items, driven from the keyboard.
 *
 * The tag picker and the evidence picker used to carry a copy each of
 * this. A subclass gives the items (set_model), their rows (a factory),
 * what matches, what typing highlights and what activating a row does;
 * this class keeps the focus in the entry, moves the highlighted row,
 * says what it is to assistive technologies, and shows the empty state.
 *
 * The list is a GtkListView over a GtkFilterListModel: a project may have
 * thousands of items, and nothing is made for the rows out of sight.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-filter-popover.h"
#include "dossier-ui-utils.h"

/* How far Page Up and Page Down move the highlighted row. */
#define PAGE_ROWS 8

typedef struct
{
  /* template */
  GtkBox             *box;
  GtkSearchEntry     *entry;
  GtkWidget          *scrolled;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GtkLabel           *error_label;

  DossierProject     *project;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *needle;      /* folded; "" when nothing is typed */
  char               *no_items;
  char               *no_matches;
  gboolean            moved;       /* Up or Down since the text last changed */
} DossierFilterPopoverPrivate;

static void dossier_filter_popover_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (DossierFilterPopover, dossier_filter_popover, GTK_TYPE_POPOVER,
                         G_ADD_PRIVATE (DossierFilterPopover)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, dossier_filter_popover_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
dossier_filter_popover_text_matches (const char *text,
                                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (needle == NULL || needle[0] == '\0')
    return TRUE;
  folded = dossier_text_fold (text ? text : "");
  return strstr (folded, needle) != NULL;
}

void
dossier_filter_popover_offer_row (GListStore *row,
                                  const char *label)
{
  g_autoptr(GtkStringObject) item = NULL;

  g_return_if_fail (G_IS_LIST_STORE (row));

  if (label == NULL)
    {
      g_list_store_remove_all (row);
      return;
    }
  item = gtk_string_object_new (label);
  g_list_store_splice (row, 0, g_list_model_get_n_items (G_LIST_MODEL (row)), (gpointer *) &item, 1);
}

/* ---- the highlighted row ------------------------------------------------------- */

static void
describe_highlighted (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);
  DossierFilterPopoverClass *klass = DOSSIER_FILTER_POPOVER_GET_CLASS (self);
  gpointer item = dossier_filter_popover_get_highlighted (self);
  g_autofree char *what = item != NULL && klass->describe != NULL ? klass->describe (self, item) : NULL;

  /* The focus stays in the entry: what Enter would do is said there (a
   * name or a passage from a file, of any length: shortened). */
  if (what != NULL)
    {
      g_autofree char *shown = dossier_shown_text (what);

      gtk_accessible_update_property (GTK_ACCESSIBLE (priv->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (priv->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
highlight (DossierFilterPopover *self,
           guint                 position)
{
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);

  gtk_single_selection_set_selected (priv->selection, position);
  /* gtk_list_view_scroll_to() is GTK 4.12; the list's own action is 4.0. */
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (priv->list_view), "list.scroll-to-item", "u", position);
  describe_highlighted (self);
}

static void
move_highlight (DossierFilterPopover *self,
                int                   delta)
{
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->filtered));
  guint current = gtk_single_selection_get_selected (priv->selection);
  guint next;

  if (n == 0)
    return;

  /* Typing may highlight the last row (the tag picker's "Create"): Down
   * then starts from the top, at the first match, not nowhere. */
  if (!priv->moved && delta > 0 && current == n - 1)
    current = GTK_INVALID_LIST_POSITION;
  priv->moved = TRUE;

  if (current == GTK_INVALID_LIST_POSITION)
    next = delta > 0 ? 0 : n - 1;
  else if (delta < 0)
    next = current > (guint) -delta ? current + delta : 0;
  else
    next = MIN (current + delta, n - 1);

  highlight (self, next);
}

/* ---- filtering ------------------------------------------------------------------ */

static gboolean
match_item (gpointer item,
            gpointer data)
{
  DossierFilterPopover *self = data;
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);
  DossierFilterPopoverClass *klass = DOSSIER_FILTER_POPOVER_GET_CLASS (self);

  return klass->match == NULL || klass->match (self, item, priv->needle);
}

static void
update_empty (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->filtered));
  const char *text = NULL;

  if (n == 0)
    text = priv->needle[0] == '\0' ? priv->no_items : priv->no_matches;

  gtk_label_set_text (priv->empty_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->empty_label), text != NULL);
  gtk_widget_set_visible (priv->scrolled, n > 0);
}

static guint
dossier_filter_popover_real_pick_highlight (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);

  return g_list_model_get_n_items (G_LIST_MODEL (priv->filtered)) > 0 ? 0 : GTK_INVALID_LIST_POSITION;
}

guint
dossier_filter_popover_find_match (DossierFilterPopover *self,
                                   gpointer              item)
{
  GListModel *matches;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_FILTER_POPOVER (self), GTK_INVALID_LIST_POSITION);

  if (item == NULL)
    return GTK_INVALID_LIST_POSITION;
  matches = dossier_filter_popover_get_matches (self);
  n = g_list_model_get_n_items (matches);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) match = g_list_model_get_item (matches, i);

      if (match == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
dossier_filter_popover_refilter (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv;
  DossierFilterPopoverClass *klass;
  g_autofree char *text = NULL;

  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  priv = dossier_filter_popover_get_instance_private (self);
  klass = DOSSIER_FILTER_POPOVER_GET_CLASS (self);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (priv->entry))));

  g_free (priv->needle);
  priv->needle = dossier_text_fold (text);
  priv->moved = FALSE;
  if (klass->text_changed != NULL)
    klass->text_changed (self, text, priv->needle);
  gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), FALSE);
  update_empty (self);
  highlight (self, klass->pick_highlight (self));
}

/* ---- keys and signals -------------------------------------------------------------- */

static void
activate_item (DossierFilterPopover *self,
               gpointer              item)
{
  DossierFilterPopoverClass *klass = DOSSIER_FILTER_POPOVER_GET_CLASS (self);

  if (item != NULL && klass->activate != NULL)
    {
      /* Activating may pop the popover down, and its owner drop it. */
      g_object_ref (self);
      klass->activate (self, item);
      g_object_unref (self);
    }
}

static void
on_row_activate (DossierFilterPopover *self,
                 guint                 position)
{
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (priv->filtered), position);

  activate_item (self, item);
}

static void
on_entry_activate (DossierFilterPopover *self)
{
  activate_item (self, dossier_filter_popover_get_highlighted (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DossierFilterPopover  *self)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_highlight (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_highlight (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_highlight (self, -PAGE_ROWS);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_highlight (self, PAGE_ROWS);
      return TRUE;
    default:
      return FALSE;
    }
}

/* A popover is a surface of its own, and GTK gives a key pressed in it
 * to the widgets of that surface only: the window's shortcuts, the
 * application's accelerators among them, never saw it, so Ctrl+W and
 * Ctrl+Q did nothing while a picker had the focus. A key with Ctrl or Alt
 * that nothing in the picker took runs the application's action for it,
 * found from here as from the window (window.close, app.quit…). */
static gboolean
app_accel_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      DossierFilterPopover  *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  g_autofree char *accel = NULL;
  g_auto(GStrv) actions = NULL;

  if (app == NULL || (mods & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    return FALSE;
  accel = gtk_accelerator_name (gdk_keyval_to_lower (keyval), mods);
  actions = gtk_application_get_actions_for_accel (app, accel);
  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      gboolean done;

      if (!g_action_parse_detailed_name (actions[i], &name, &target, NULL))
        continue;
      /* Closing the window pops the picker down, and its owner may drop it. */
      g_object_ref (self);
      done = gtk_widget_activate_action_variant (GTK_WIDGET (self), name, target);
      g_object_unref (self);
      if (done)
        return TRUE;
    }
  return FALSE;
}

static void
on_stop_search (DossierFilterPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Hidden with the focus inside, a popover is held by its window until the
 * window's next frame moves the focus out (GTK 4.8): a window closed
 * before that frame never lets it go, nor the project it shows. The focus
 * leaves now, for where GTK would put it: the nearest shown ancestor that
 * takes it, else nowhere — by way of the window itself, the one focus
 * change that makes GTK 4.8 drop the popover when no widget takes it. */
static void
return_focus (DossierFilterPopover *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (self)); w != NULL; w = gtk_widget_get_parent (w))
    if (gtk_widget_get_visible (w) && gtk_widget_grab_focus (w))
      return;
  gtk_root_set_focus (root, GTK_WIDGET (root));
  gtk_root_set_focus (root, NULL);
}

static void
on_closed (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);

  return_focus (self);
  /* Start afresh next time. */
  gtk_editable_set_text (GTK_EDITABLE (priv->entry), "");
}

/* A window closed with the picker open (its close button, Alt+F4, Ctrl+W)
 * would go with the picker still shown: GTK 4.8 then keeps the picker,
 * the window and its project alive, and a tooltip the pointer asked for
 * over the picker later looks for the window's surface, which is gone
 * (a Gdk-CRITICAL). Closed first, the picker goes the way Escape takes. */
static gboolean
on_root_close_request (DossierFilterPopover *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_popover_popdown (GTK_POPOVER (self));
  return FALSE;   /* the window closes all the same */
}

static void
dossier_filter_popover_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (dossier_filter_popover_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "close-request", G_CALLBACK (on_root_close_request), widget,
                             G_CONNECT_SWAPPED);
}

static void
dossier_filter_popover_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, on_root_close_request, widget);

  GTK_WIDGET_CLASS (dossier_filter_popover_parent_class)->unroot (widget);
}

/* Filtered before GTK places it, so its list is measured as it will
 * show: where the picker opens, above or below, and how long its list
 * is, depend on that (GTK keeps it on the monitor, not in the window). */
static void
dossier_filter_popover_show (GtkWidget *widget)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (widget);
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);

  dossier_filter_popover_refilter (self);
  dossier_popover_keep_in_window (GTK_POPOVER (self), GTK_SCROLLED_WINDOW (priv->scrolled));

  GTK_WIDGET_CLASS (dossier_filter_popover_parent_class)->show (widget);
}

static void
dossier_filter_popover_map (GtkWidget *widget)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (widget);
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);

  GTK_WIDGET_CLASS (dossier_filter_popover_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (priv->entry));
}

/* ---- public ---------------------------------------------------------------------- */

DossierProject *
dossier_filter_popover_get_project (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv;

  g_return_val_if_fail (DOSSIER_IS_FILTER_POPOVER (self), NULL);

  priv = dossier_filter_popover_get_instance_private (self);
  return priv->project;
}

void
dossier_filter_popover_set_project (DossierFilterPopover *self,
                                    DossierProject       *project)
{
  DossierFilterPopoverPrivate *priv;
  DossierFilterPopoverClass *klass;

  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  priv = dossier_filter_popover_get_instance_private (self);
  klass = DOSSIER_FILTER_POPOVER_GET_CLASS (self);
  if (!g_set_object (&priv->project, project))
    return;

  if (klass->project_changed != NULL)
    klass->project_changed (self);
  dossier_filter_popover_refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
dossier_filter_popover_set_model (DossierFilterPopover *self,
                                  GListModel           *model)
{
  DossierFilterPopoverPrivate *priv;

  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  priv = dossier_filter_popover_get_instance_private (self);
  gtk_filter_list_model_set_model (priv->filtered, model);
  update_empty (self);
}

void
dossier_filter_popover_set_factory (DossierFilterPopover *self,
                                    GtkListItemFactory   *factory)
{
  DossierFilterPopoverPrivate *priv;

  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  priv = dossier_filter_popover_get_instance_private (self);
  gtk_list_view_set_factory (priv->list_view, factory);
}

GListModel *
dossier_filter_popover_get_matches (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv;

  g_return_val_if_fail (DOSSIER_IS_FILTER_POPOVER (self), NULL);

  priv = dossier_filter_popover_get_instance_private (self);
  return G_LIST_MODEL (priv->filtered);
}

void
dossier_filter_popover_rebind (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv;

  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  priv = dossier_filter_popover_get_instance_private (self);
  /* The items themselves are the same: only a new model binds again. */
  gtk_list_view_set_model (priv->list_view, NULL);
  gtk_list_view_set_model (priv->list_view, GTK_SELECTION_MODEL (priv->selection));
}

void
dossier_filter_popover_set_labels (DossierFilterPopover *self,
                                   const char           *placeholder,
                                   const char           *entry_label,
                                   const char           *list_label)
{
  DossierFilterPopoverPrivate *priv;

  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  priv = dossier_filter_popover_get_instance_private (self);
  g_object_set (priv->entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_label, -1);
}

GtkEditable *
dossier_filter_popover_get_entry (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv;

  g_return_val_if_fail (DOSSIER_IS_FILTER_POPOVER (self), NULL);

  priv = dossier_filter_popover_get_instance_private (self);
  return GTK_EDITABLE (priv->entry);
}

gpointer
dossier_filter_popover_get_highlighted (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv;

  g_return_val_if_fail (DOSSIER_IS_FILTER_POPOVER (self), NULL);

  priv = dossier_filter_popover_get_instance_private (self);
  return gtk_single_selection_get_selected_item (priv->selection);
}

void
dossier_filter_popover_set_empty_texts (DossierFilterPopover *self,
                                        const char           *no_items,
                                        const char           *no_matches)
{
  DossierFilterPopoverPrivate *priv;

  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  priv = dossier_filter_popover_get_instance_private (self);
  g_free (priv->no_items);
  g_free (priv->no_matches);
  priv->no_items = g_strdup (no_items);
  priv->no_matches = g_strdup (no_matches);
  update_empty (self);
}

void
dossier_filter_popover_show_error (DossierFilterPopover *self,
                                   const char           *message)
{
  DossierFilterPopoverPrivate *priv;

  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  priv = dossier_filter_popover_get_instance_private (self);
  gtk_label_set_text (priv->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), TRUE);
}

/* ---- GtkBuildable: a subclass's <child type="header|footer"> ----------------------- */

static void
dossier_filter_popover_add_child (GtkBuildable *buildable,
                                  GtkBuilder   *builder,
                                  GObject      *child,
                                  const char   *type)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (buildable);
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);

  if (g_strcmp0 (type, "header") == 0 && GTK_IS_WIDGET (child))
    gtk_box_insert_child_after (priv->box, GTK_WIDGET (child),
                                gtk_widget_get_prev_sibling (GTK_WIDGET (priv->entry)));
  else if (g_strcmp0 (type, "footer") == 0 && GTK_IS_WIDGET (child))
    gtk_box_append (priv->box, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
dossier_filter_popover_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = dossier_filter_popover_add_child;
}

/* ---- GObject ------------------------------------------------------------------- */

static void
dossier_filter_popover_dispose (GObject *object)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (object);
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_FILTER_POPOVER);

  g_clear_object (&priv->selection);
  g_clear_object (&priv->project);

  G_OBJECT_CLASS (dossier_filter_popover_parent_class)->dispose (object);
}

static void
dossier_filter_popover_finalize (GObject *object)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (object);
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);

  g_free (priv->needle);
  g_free (priv->no_items);
  g_free (priv->no_matches);

  G_OBJECT_CLASS (dossier_filter_popover_parent_class)->finalize (object);
}

static void
dossier_filter_popover_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, dossier_filter_popover_get_project (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_filter_popover_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_filter_popover_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_filter_popover_class_init (DossierFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_filter_popover_dispose;
  object_class->finalize = dossier_filter_popover_finalize;
  object_class->get_property = dossier_filter_popover_get_property;
  object_class->set_property = dossier_filter_popover_set_property;

  widget_class->show = dossier_filter_popover_show;
  widget_class->map = dossier_filter_popover_map;
  widget_class->root = dossier_filter_popover_root;
  widget_class->unroot = dossier_filter_popover_unroot;

  klass->pick_highlight = dossier_filter_popover_real_pick_highlight;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-filter-popover.ui");
  gtk_widget_class_bind_template_child_private (widget_class, DossierFilterPopover, box);
  gtk_widget_class_bind_template_child_private (widget_class, DossierFilterPopover, entry);
  gtk_widget_class_bind_template_child_private (widget_class, DossierFilterPopover, scrolled);
  gtk_widget_class_bind_template_child_private (widget_class, DossierFilterPopover, list_view);
  gtk_widget_class_bind_template_child_private (widget_class, DossierFilterPopover, empty_label);
  gtk_widget_class_bind_template_child_private (widget_class, DossierFilterPopover, error_label);
}

static void
dossier_filter_popover_init (DossierFilterPopover *self)
{
  DossierFilterPopoverPrivate *priv = dossier_filter_popover_get_instance_private (self);
  GtkEventController *keys;

  priv->needle = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "dossier-filter-popover");

  priv->filter = gtk_custom_filter_new (match_item, self, NULL);
  priv->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (priv->filter));
  priv->selection = gtk_single_selection_new (G_LIST_MODEL (priv->filtered));
  gtk_single_selection_set_autoselect (priv->selection, FALSE);
  gtk_single_selection_set_can_unselect (priv->selection, TRUE);
  gtk_list_view_set_model (priv->list_view, GTK_SELECTION_MODEL (priv->selection));

  g_signal_connect_swapped (priv->list_view, "activate", G_CALLBACK (on_row_activate), self);
  /* "changed", not "search-changed": filtering is quick, and the
   * highlighted row must follow each key at once. */
  g_signal_connect_swapped (priv->entry, "changed", G_CALLBACK (dossier_filter_popover_refilter), self);
  g_signal_connect_swapped (priv->entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect_swapped (priv->entry, "stop-search", G_CALLBACK (on_stop_search), self);
  g_signal_connect (self, "closed", G_CALLBACK (on_closed), NULL);
  g_signal_connect_swapped (priv->filtered, "items-changed", G_CALLBACK (update_empty), self);

  /* Capture phase: the entry would otherwise move the focus on Up/Down. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (priv->entry), keys);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (app_accel_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_empty (self);
}
