/* dossier-codebook-panel.c — the codebook in the left sidebar.
 *
 * The project hands out its tags as one flat GListModel in tree order
 * (depth first), each tag knowing its depth. The panel shows that list as
 * is, indented by depth, instead of rebuilding a GtkTreeListModel: child
 * models per parent would need their own bookkeeping on every move, while
 * the flat list already carries exact items-changed. Collapsing a tag is a
 * GtkCustomFilter that hides the descendants of collapsed tags.
 *
 * Every edit goes through the core (one undoable step each); errors from
 * the core are shown in a dialog, and name clashes are caught in the name
 * dialog before the user can confirm.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-codebook-panel.h"
#include "dossier-tag-chip.h"

#define INDENT_PX 14

struct _DossierCodebookPanel
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *box;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkWidget          *context_menu;

  DossierProject     *project;
  GListModel         *tags;        /* the project's tags, tree order */
  GtkCustomFilter    *filter;      /* hides descendants of collapsed tags */
  GtkFilterListModel *visible;
  GtkSingleSelection *selection;

  GHashTable         *collapsed;   /* gint64* tag ids */
  GHashTable         *parents;     /* gint64* ids of tags that have children */
  GHashTable         *rows;        /* bound row widgets (no refs) */
  gint64              slots[DOSSIER_CODEBOOK_N_SLOTS];
  gint64              selected_tag_id;
  guint               refresh_idle;
};

G_DEFINE_FINAL_TYPE (DossierCodebookPanel, dossier_codebook_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SELECTED_TAG_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The palette offered when recolouring: the core's palette for new tags
 * (dossier-project-tags.c), so that chosen and automatic colours match. */
static const char * const palette[] = {
  "#3584e4", "#e66100", "#2ec27e", "#c061cb", "#f5c211", "#e01b24",
  "#14a3a3", "#986a44", "#7b61ff", "#8cc63f", "#e64ca0", "#4dabf7",
};

/* ---- small helpers ----------------------------------------------------- */

static gint64 *
id_dup (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static void
set_id_data (gpointer    object,
             const char *key,
             gint64      id)
{
  g_object_set_data_full (G_OBJECT (object), key, id_dup (id), g_free);
}

static gint64
get_id_data (gpointer    object,
             const char *key)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), key);

  return id ? *id : 0;
}

static GtkWindow *
parent_window (DossierCodebookPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static DossierTag *
selected_tag (DossierCodebookPanel *self)
{
  if (self->project == NULL || self->selected_tag_id == 0)
    return NULL;

  return dossier_project_get_tag (self->project, self->selected_tag_id);
}

/* TRUE if @tag_id is @ancestor_id or lies below it. */
static gboolean
is_self_or_descendant (DossierCodebookPanel *self,
                       gint64                tag_id,
                       gint64                ancestor_id)
{
  guint guard = 0;

  while (tag_id != 0 && guard++ < 1000)
    {
      DossierTag *tag;

      if (tag_id == ancestor_id)
        return TRUE;
      tag = dossier_project_get_tag (self->project, tag_id);
      if (tag == NULL)
        return FALSE;
      tag_id = dossier_tag_get_parent_id (tag);
    }

  return FALSE;
}

/* The ids of @parent_id's children in order, leaving out @exclude_id. */
static GArray *
list_children (DossierCodebookPanel *self,
               gint64                parent_id,
               gint64                exclude_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = self->tags ? g_list_model_get_n_items (self->tags) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (self->tags, i);
      gint64 id = dossier_tag_get_id (tag);

      if (dossier_tag_get_parent_id (tag) == parent_id && id != exclude_id)
        g_array_append_val (ids, id);
    }

  return ids;
}

static int
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (int) i;

  return -1;
}

static gboolean
sibling_name_taken (DossierCodebookPanel *self,
                    gint64                parent_id,
                    const char           *name,
                    gint64                exclude_id)
{
  guint n = self->tags ? g_list_model_get_n_items (self->tags) : 0;
  g_autofree char *folded = g_utf8_casefold (name, -1);

  /* The core compares names without regard to case; so do we. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (self->tags, i);
      g_autofree char *other = NULL;

      if (dossier_tag_get_parent_id (tag) != parent_id || dossier_tag_get_id (tag) == exclude_id)
        continue;

      other = g_utf8_casefold (dossier_tag_get_name (tag), -1);
      if (g_str_equal (other, folded))
        return TRUE;
    }

  return FALSE;
}

static void
show_error (DossierCodebookPanel *self,
            const char           *heading,
            const GError         *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (DossierCodebookPanel *self,
       const char           *message)
{
  /* The window owns the toast overlay and its Undo button; outside a
   * window (tests) there is no such action and nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

/* ---- slots, expanders, rows ---------------------------------------------- */

gint64
dossier_codebook_slot_tag (DossierProject *project,
                           guint           slot)
{
  GListModel *tags;
  g_autoptr(DossierTag) tag = NULL;

  g_return_val_if_fail (project == NULL || DOSSIER_IS_PROJECT (project), 0);

  if (project == NULL || slot < 1 || slot > DOSSIER_CODEBOOK_N_SLOTS)
    return 0;

  tags = dossier_project_get_tags (project);
  if (tags == NULL || slot > g_list_model_get_n_items (tags))
    return 0;

  tag = g_list_model_get_item (tags, slot - 1);
  return dossier_tag_get_id (tag);
}

static int
slot_of (DossierCodebookPanel *self,
         gint64                tag_id)
{
  for (guint i = 0; i < DOSSIER_CODEBOOK_N_SLOTS; i++)
    if (self->slots[i] == tag_id && tag_id != 0)
      return (int) i + 1;

  return 0;
}

static void
update_row (DossierCodebookPanel *self,
            GtkWidget            *row)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "list-item");
  GtkWidget *expander = g_object_get_data (G_OBJECT (row), "expander");
  GtkWidget *slot_label = g_object_get_data (G_OBJECT (row), "slot");
  DossierTag *tag = list_item ? gtk_list_item_get_item (list_item) : NULL;
  gint64 id;
  gboolean has_children;
  gboolean collapsed;
  int slot;

  if (tag == NULL)
    return;

  id = dossier_tag_get_id (tag);
  has_children = g_hash_table_contains (self->parents, &id);
  collapsed = g_hash_table_contains (self->collapsed, &id);

  gtk_widget_set_opacity (expander, has_children ? 1.0 : 0.0);
  gtk_widget_set_can_target (expander, has_children);
  gtk_accessible_update_state (GTK_ACCESSIBLE (expander),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !has_children,
                               -1);
  gtk_button_set_icon_name (GTK_BUTTON (expander),
                            collapsed ? "pan-end-symbolic" : "pan-down-symbolic");
  gtk_widget_set_tooltip_text (expander, collapsed ? _("Expand") : _("Collapse"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  collapsed ? _("Expand") : _("Collapse"),
                                  -1);
  if (has_children)
    gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                 GTK_ACCESSIBLE_STATE_EXPANDED, !collapsed,
                                 -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED);

  slot = slot_of (self, id);
  if (slot > 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", slot);
      g_autofree char *tip = g_strdup_printf (_("Press %d to tag the selection with this tag"), slot);

      gtk_label_set_text (GTK_LABEL (slot_label), text);
      gtk_widget_set_tooltip_text (slot_label, tip);
      gtk_widget_add_css_class (slot_label, "has-slot");
    }
  else
    {
      /* Kept, empty, so that the counts stay in one column. */
      gtk_label_set_text (GTK_LABEL (slot_label), "");
      gtk_widget_set_tooltip_text (slot_label, NULL);
      gtk_widget_remove_css_class (slot_label, "has-slot");
    }
}

static void update_actions (DossierCodebookPanel *self);

/* Recomputes what depends on the whole list: which tags have children,
 * the nine slots, the empty state; then refreshes the bound rows. */
static void
refresh (DossierCodebookPanel *self)
{
  GHashTableIter iter;
  gpointer row;
  guint n = self->tags ? g_list_model_get_n_items (self->tags) : 0;

  g_hash_table_remove_all (self->parents);
  memset (self->slots, 0, sizeof self->slots);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (self->tags, i);
      gint64 parent_id = dossier_tag_get_parent_id (tag);

      if (i < DOSSIER_CODEBOOK_N_SLOTS)
        self->slots[i] = dossier_tag_get_id (tag);
      if (parent_id != 0 && !g_hash_table_contains (self->parents, &parent_id))
        g_hash_table_add (self->parents, id_dup (parent_id));
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_row (self, row);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "tags" : "empty");
  update_actions (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  DossierCodebookPanel *self = data;

  self->refresh_idle = 0;
  if (g_hash_table_size (self->collapsed) > 0)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* A tag moved in place (its parent changed without its place in tree
 * order changing): refresh once the core is done notifying. */
static void
queue_refresh (DossierCodebookPanel *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static gboolean
filter_visible (gpointer item,
                gpointer user_data)
{
  DossierCodebookPanel *self = user_data;
  gint64 parent_id;
  guint guard = 0;

  if (g_hash_table_size (self->collapsed) == 0 || self->project == NULL)
    return TRUE;

  parent_id = dossier_tag_get_parent_id (item);
  while (parent_id != 0 && guard++ < 1000)
    {
      DossierTag *parent;

      if (g_hash_table_contains (self->collapsed, &parent_id))
        return FALSE;
      parent = dossier_project_get_tag (self->project, parent_id);
      if (parent == NULL)
        break;
      parent_id = dossier_tag_get_parent_id (parent);
    }

  return TRUE;
}

static void
set_expanded (DossierCodebookPanel *self,
              gint64                tag_id,
              gboolean              expanded)
{
  gboolean changed;

  if (expanded)
    changed = g_hash_table_remove (self->collapsed, &tag_id);
  else if (g_hash_table_contains (self->parents, &tag_id))
    changed = g_hash_table_add (self->collapsed, id_dup (tag_id));
  else
    changed = FALSE;

  if (!changed)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter),
                      expanded ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  refresh (self);
}

static void
expander_clicked_cb (GtkButton            *button,
                     DossierCodebookPanel *self)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (button));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "list-item");
  DossierTag *tag = gtk_list_item_get_item (list_item);
  gint64 id;

  if (tag == NULL)
    return;

  id = dossier_tag_get_id (tag);
  set_expanded (self, id, g_hash_table_contains (self->collapsed, &id));
}

/* ---- selection ------------------------------------------------------------- */

static guint
visible_position_of (DossierCodebookPanel *self,
                     gint64                tag_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->visible));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (G_LIST_MODEL (self->visible), i);

      if (dossier_tag_get_id (tag) == tag_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
selection_changed_cb (DossierCodebookPanel *self)
{
  DossierTag *tag = gtk_single_selection_get_selected_item (self->selection);
  gint64 id = tag ? dossier_tag_get_id (tag) : 0;

  if (id != self->selected_tag_id)
    {
      self->selected_tag_id = id;
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TAG_ID]);
    }
}

void
dossier_codebook_panel_set_selected_tag_id (DossierCodebookPanel *self,
                                            gint64                tag_id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (DOSSIER_IS_CODEBOOK_PANEL (self));

  if (tag_id != 0 && self->project != NULL &&
      dossier_project_get_tag (self->project, tag_id) != NULL)
    {
      /* Show the tag: expand every collapsed ancestor. */
      DossierTag *tag = dossier_project_get_tag (self->project, tag_id);
      gint64 parent_id = dossier_tag_get_parent_id (tag);
      guint guard = 0;

      while (parent_id != 0 && guard++ < 1000)
        {
          DossierTag *parent = dossier_project_get_tag (self->project, parent_id);

          set_expanded (self, parent_id, TRUE);
          if (parent == NULL)
            break;
          parent_id = dossier_tag_get_parent_id (parent);
        }

      position = visible_position_of (self, tag_id);
    }

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  /* set_selected() notifies only on a change of position. */
  selection_changed_cb (self);
}

gint64
dossier_codebook_panel_get_selected_tag_id (DossierCodebookPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_CODEBOOK_PANEL (self), 0);

  return self->selected_tag_id;
}

/* ---- moving -------------------------------------------------------------- */

/* Moves @tag_id under @parent_id to index @position among its new
 * siblings (not counting itself). */
static void
move_tag (DossierCodebookPanel *self,
          gint64                tag_id,
          gint64                parent_id,
          int                   position)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_project_move_tag (self->project, tag_id, parent_id, position, &error))
    {
      show_error (self, _("Could Not Move Tag"), error);
      return;
    }

  set_expanded (self, parent_id, TRUE);
  dossier_codebook_panel_set_selected_tag_id (self, tag_id);
}

static void
move_by (DossierCodebookPanel *self,
         int                   delta)
{
  DossierTag *tag = selected_tag (self);
  g_autoptr(GArray) siblings = NULL;
  gint64 parent_id;
  int index;

  if (tag == NULL)
    return;

  parent_id = dossier_tag_get_parent_id (tag);
  siblings = list_children (self, parent_id, 0);
  index = index_of (siblings, dossier_tag_get_id (tag));
  if (index < 0 || index + delta < 0 || index + delta >= (int) siblings->len)
    return;

  move_tag (self, dossier_tag_get_id (tag), parent_id, index + delta);
}

typedef enum {
  DROP_NONE,
  DROP_BEFORE,
  DROP_INTO,
  DROP_AFTER,
} DropZone;

static DropZone
drop_zone (GtkWidget *row,
           double     y)
{
  int height = gtk_widget_get_height (row);

  if (height <= 0)
    return DROP_INTO;
  if (y < height * 0.25)
    return DROP_BEFORE;
  if (y > height * 0.75)
    return DROP_AFTER;
  return DROP_INTO;
}

static void
clear_drop_classes (GtkWidget *row)
{
  GtkWidget *item_widget = gtk_widget_get_parent (row);

  if (item_widget == NULL)
    return;

  gtk_widget_remove_css_class (item_widget, "drop-before");
  gtk_widget_remove_css_class (item_widget, "drop-into");
  gtk_widget_remove_css_class (item_widget, "drop-after");
}

/* Where a drop of @source_id on @target in @zone would put it, or FALSE if
 * that would put a tag under itself. */
static gboolean
drop_destination (DossierCodebookPanel *self,
                  gint64                source_id,
                  DossierTag           *target,
                  DropZone              zone,
                  gint64               *parent_id,
                  int                  *position)
{
  gint64 target_id = dossier_tag_get_id (target);
  g_autoptr(GArray) siblings = NULL;
  int index;

  if (source_id == target_id || dossier_project_get_tag (self->project, source_id) == NULL)
    return FALSE;

  if (zone == DROP_INTO)
    {
      if (is_self_or_descendant (self, target_id, source_id))
        return FALSE;
      *parent_id = target_id;
      *position = -1;
      return TRUE;
    }

  *parent_id = dossier_tag_get_parent_id (target);
  if (*parent_id != 0 && is_self_or_descendant (self, *parent_id, source_id))
    return FALSE;

  siblings = list_children (self, *parent_id, source_id);
  index = index_of (siblings, target_id);
  if (index < 0)
    return FALSE;
  *position = zone == DROP_BEFORE ? index : index + 1;

  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource        *source,
                 double                x,
                 double                y,
                 DossierCodebookPanel *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "list-item");
  DossierTag *tag = gtk_list_item_get_item (list_item);

  if (tag == NULL || dossier_project_get_read_only (self->project))
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_INT64, dossier_tag_get_id (tag));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static GdkDragAction
drop_motion_cb (GtkDropTarget        *target,
                double                x,
                double                y,
                DossierCodebookPanel *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "list-item");
  DossierTag *tag = gtk_list_item_get_item (list_item);
  const GValue *value = gtk_drop_target_get_value (target);
  DropZone zone = drop_zone (row, y);
  gint64 parent_id;
  int position;

  clear_drop_classes (row);

  if (tag == NULL || value == NULL || !G_VALUE_HOLDS_INT64 (value) ||
      !drop_destination (self, g_value_get_int64 (value), tag, zone, &parent_id, &position))
    return 0;

  gtk_widget_add_css_class (gtk_widget_get_parent (row),
                            zone == DROP_BEFORE ? "drop-before" :
                            zone == DROP_AFTER ? "drop-after" : "drop-into");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               gpointer       user_data)
{
  clear_drop_classes (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
}

static gboolean
drop_cb (GtkDropTarget        *target,
         const GValue         *value,
         double                x,
         double                y,
         DossierCodebookPanel *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "list-item");
  DossierTag *tag = gtk_list_item_get_item (list_item);
  gint64 parent_id;
  int position;

  clear_drop_classes (row);

  if (tag == NULL || !G_VALUE_HOLDS_INT64 (value) ||
      !drop_destination (self, g_value_get_int64 (value), tag, drop_zone (row, y),
                         &parent_id, &position))
    return FALSE;

  move_tag (self, g_value_get_int64 (value), parent_id, position);
  return TRUE;
}

/* ---- context menu ---------------------------------------------------------- */

static void
popup_menu_at (DossierCodebookPanel *self,
               GtkWidget            *widget,
               double                x,
               double                y)
{
  double px = x, py = y;

  if (widget != NULL)
    gtk_widget_translate_coordinates (widget, GTK_WIDGET (self), x, y, &px, &py);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) px, (int) py, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
row_pressed_cb (GtkGestureClick      *gesture,
                int                   n_press,
                double                x,
                double                y,
                DossierCodebookPanel *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "list-item");
  DossierTag *tag = gtk_list_item_get_item (list_item);

  if (tag == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  dossier_codebook_panel_set_selected_tag_id (self, dossier_tag_get_id (tag));
  popup_menu_at (self, row, x, y);
}

static GtkWidget *
find_bound_row (DossierCodebookPanel *self,
                gint64                tag_id)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "list-item");
      DossierTag *tag = gtk_list_item_get_item (list_item);

      if (tag != NULL && dossier_tag_get_id (tag) == tag_id)
        return row;
    }

  return NULL;
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (widget);
  GtkWidget *row = find_bound_row (self, self->selected_tag_id);

  if (self->selected_tag_id == 0)
    return;

  if (row != NULL)
    popup_menu_at (self, row, 24, gtk_widget_get_height (row));
  else
    popup_menu_at (self, GTK_WIDGET (self->list_view), 24, 24);
}

/* ---- the list factory ---------------------------------------------------------- */

static gboolean
depth_to_margin (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_int (to, (int) g_value_get_uint (from) * INDENT_PX);
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              DossierCodebookPanel     *self)
{
  GtkWidget *row, *expander, *swatch, *name, *count, *slot;
  GtkGesture *click;
  GtkDragSource *drag;
  GtkDropTarget *drop;

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (row, "dossier-tag-row");

  expander = gtk_button_new_from_icon_name ("pan-down-symbolic");
  gtk_widget_add_css_class (expander, "flat");
  gtk_widget_add_css_class (expander, "circular");
  gtk_widget_set_focusable (expander, FALSE);
  gtk_widget_set_valign (expander, GTK_ALIGN_CENTER);
  g_signal_connect_object (expander, "clicked", G_CALLBACK (expander_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (row), expander);

  swatch = dossier_tag_chip_new_swatch (NULL, NULL);
  gtk_box_append (GTK_BOX (row), swatch);

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "tag-name");
  gtk_box_append (GTK_BOX (row), name);

  count = gtk_label_new (NULL);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "tag-count");
  gtk_widget_set_tooltip_text (count, _("Highlights with this tag"));
  gtk_box_append (GTK_BOX (row), count);

  slot = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (slot), 1);
  gtk_widget_set_size_request (slot, 18, 18);
  gtk_widget_set_valign (slot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (slot, "caption");
  gtk_widget_add_css_class (slot, "dim-label");
  gtk_widget_add_css_class (slot, "tag-slot");
  gtk_widget_set_margin_end (slot, 4);
  gtk_box_append (GTK_BOX (row), slot);

  g_object_set_data (G_OBJECT (row), "list-item", list_item);
  g_object_set_data (G_OBJECT (row), "expander", expander);
  g_object_set_data (G_OBJECT (row), "swatch", swatch);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "count", count);
  g_object_set_data (G_OBJECT (row), "slot", slot);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (row_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect_object (drop, "motion", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (drop, "enter", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), NULL);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));

  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             DossierCodebookPanel     *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  DossierTag *tag = gtk_list_item_get_item (list_item);
  GPtrArray *bindings = g_ptr_array_new ();
  gulong handler;

  g_ptr_array_add (bindings, g_object_bind_property (tag, "name",
                                                     g_object_get_data (G_OBJECT (row), "name"), "label",
                                                     G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property (tag, "name",
                                                     g_object_get_data (G_OBJECT (row), "swatch"), "tag-name",
                                                     G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property (tag, "color",
                                                     g_object_get_data (G_OBJECT (row), "swatch"), "color",
                                                     G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property (tag, "n-highlights",
                                                     g_object_get_data (G_OBJECT (row), "count"), "label",
                                                     G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property_full (tag, "depth", row, "margin-start",
                                                          G_BINDING_SYNC_CREATE,
                                                          depth_to_margin, NULL, NULL, NULL));
  g_ptr_array_add (bindings, g_object_bind_property (tag, "description", row, "tooltip-text",
                                                     G_BINDING_SYNC_CREATE));
  g_object_set_data_full (G_OBJECT (row), "bindings", bindings, (GDestroyNotify) g_ptr_array_unref);

  handler = g_signal_connect_object (tag, "notify::parent-id", G_CALLBACK (queue_refresh), self,
                                     G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (row), "parent-handler", GSIZE_TO_POINTER (handler));

  g_hash_table_add (self->rows, row);
  update_row (self, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DossierCodebookPanel     *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  DossierTag *tag = gtk_list_item_get_item (list_item);
  GPtrArray *bindings = g_object_get_data (G_OBJECT (row), "bindings");
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "parent-handler"));

  for (guint i = 0; bindings != NULL && i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_object_set_data (G_OBJECT (row), "bindings", NULL);

  if (handler != 0 && tag != NULL)
    g_signal_handler_disconnect (tag, handler);
  g_object_set_data (G_OBJECT (row), "parent-handler", NULL);

  clear_drop_classes (row);
  g_hash_table_remove (self->rows, row);
}

static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 DossierCodebookPanel     *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (row != NULL)
    g_hash_table_remove (self->rows, row);
}

/* ---- dialogs ---------------------------------------------------------------- */

typedef struct
{
  DossierCodebookPanel *self;
  gint64                tag_id;      /* rename: the tag; add: the parent offered */
  gboolean              add;
  GtkWidget            *entry;
  GtkWidget            *inside;      /* add with a parent offered: "Inside …" */
  GtkWidget            *error_label;
} NameDialog;

static void
name_dialog_free (gpointer data)
{
  NameDialog *nd = data;

  g_object_unref (nd->self);
  g_free (nd);
}

static gint64
name_dialog_parent (NameDialog *nd)
{
  DossierTag *tag;

  if (nd->add)
    return (nd->inside != NULL &&
            gtk_check_button_get_active (GTK_CHECK_BUTTON (nd->inside))) ? nd->tag_id : 0;

  tag = dossier_project_get_tag (nd->self->project, nd->tag_id);
  return tag ? dossier_tag_get_parent_id (tag) : 0;
}

static void
name_dialog_validate (AdwMessageDialog *dialog)
{
  NameDialog *nd = g_object_get_data (G_OBJECT (dialog), "name-dialog");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (nd->entry))));
  const char *problem = NULL;

  if (name[0] == '\0')
    problem = "";
  else if (sibling_name_taken (nd->self, name_dialog_parent (nd), name,
                               nd->add ? 0 : nd->tag_id))
    problem = _("A tag with this name already exists here.");

  gtk_label_set_text (GTK_LABEL (nd->error_label), problem ? problem : "");
  gtk_widget_set_visible (nd->error_label, problem != NULL && problem[0] != '\0');
  if (problem != NULL && problem[0] != '\0')
    gtk_widget_add_css_class (nd->entry, "error");
  else
    gtk_widget_remove_css_class (nd->entry, "error");
  adw_message_dialog_set_response_enabled (dialog, "ok", problem == NULL);
}

static void
name_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  NameDialog *nd = g_object_get_data (G_OBJECT (dialog), "name-dialog");
  DossierCodebookPanel *self = nd->self;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0 || self->project == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (nd->entry))));
  if (nd->add)
    {
      gint64 parent_id = name_dialog_parent (nd);
      gint64 id = dossier_project_add_tag (self->project, name, parent_id, NULL, NULL, &error);

      if (id <= 0)
        {
          show_error (self, _("Could Not Add Tag"), error);
          return;
        }
      set_expanded (self, parent_id, TRUE);
      dossier_codebook_panel_set_selected_tag_id (self, id);
    }
  else if (!dossier_project_rename_tag (self->project, nd->tag_id, name, &error))
    {
      show_error (self, _("Could Not Rename Tag"), error);
    }
}

static void
open_name_dialog (DossierCodebookPanel *self,
                  gboolean              add,
                  gint64                tag_id,
                  gboolean              inside_active)
{
  DossierTag *tag = tag_id ? dossier_project_get_tag (self->project, tag_id) : NULL;
  NameDialog *nd = g_new0 (NameDialog, 1);
  GtkWidget *dialog, *box;

  nd->self = g_object_ref (self);
  nd->add = add;
  nd->tag_id = tag ? tag_id : 0;

  dialog = adw_message_dialog_new (parent_window (self),
                                   add ? _("New Tag") : _("Rename Tag"),
                                   NULL);
  g_object_set_data_full (G_OBJECT (dialog), "name-dialog", nd, name_dialog_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  nd->entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (nd->entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (nd->entry), _("Tag name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (nd->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag name"),
                                  -1);
  gtk_box_append (GTK_BOX (box), nd->entry);

  if (add && tag != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Inside “%s”"), dossier_tag_get_path (tag));

      nd->inside = gtk_check_button_new_with_label (label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (nd->inside), inside_active);
      g_signal_connect_object (nd->inside, "toggled", G_CALLBACK (name_dialog_validate), dialog,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), nd->inside);
    }
  else if (!add && tag != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("New name for “%s”"), dossier_tag_get_path (tag));

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
      gtk_editable_set_text (GTK_EDITABLE (nd->entry), dossier_tag_get_name (tag));
    }

  nd->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (nd->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (nd->error_label), 0);
  gtk_widget_add_css_class (nd->error_label, "error");
  gtk_widget_add_css_class (nd->error_label, "caption");
  gtk_widget_set_visible (nd->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), nd->error_label);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", add ? _("_Add") : _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect_object (nd->entry, "changed", G_CALLBACK (name_dialog_validate), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (name_dialog_response_cb), NULL);
  name_dialog_validate (ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (nd->entry);
}

void
dossier_codebook_panel_add_tag (DossierCodebookPanel *self,
                                gboolean              as_child)
{
  g_return_if_fail (DOSSIER_IS_CODEBOOK_PANEL (self));

  if (self->project == NULL)
    return;

  open_name_dialog (self, TRUE, self->selected_tag_id, as_child);
}

static void
color_response_cb (GtkDialog            *dialog,
                   int                   response,
                   DossierCodebookPanel *self)
{
  gint64 tag_id = get_id_data (dialog, "tag-id");

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (response == GTK_RESPONSE_OK && self->project != NULL)
    {
      GdkRGBA rgba;
      g_autofree char *color = NULL;
      g_autoptr(GError) error = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      color = g_strdup_printf ("#%02x%02x%02x",
                               (guint) (CLAMP (rgba.red, 0., 1.) * 255 + .5),
                               (guint) (CLAMP (rgba.green, 0., 1.) * 255 + .5),
                               (guint) (CLAMP (rgba.blue, 0., 1.) * 255 + .5));
      if (!dossier_project_set_tag_color (self->project, tag_id, color, &error))
        show_error (self, _("Could Not Change the Colour"), error);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
recolor_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (widget);
  DossierTag *tag = selected_tag (self);
  g_autofree char *title = NULL;
  GdkRGBA colors[G_N_ELEMENTS (palette)];
  GdkRGBA current;
  GtkWidget *dialog;

  if (tag == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    gdk_rgba_parse (&colors[i], palette[i]);

  title = g_strdup_printf (_("Colour of “%s”"), dossier_tag_get_name (tag));

  /* GtkColorChooserDialog is the 4.8 way; GtkColorDialog is 4.10. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_color_chooser_dialog_new (title, parent_window (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  gtk_color_chooser_add_palette (GTK_COLOR_CHOOSER (dialog), GTK_ORIENTATION_HORIZONTAL,
                                 6, G_N_ELEMENTS (colors), colors);
  if (gdk_rgba_parse (&current, dossier_tag_get_color (tag)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &current);
  G_GNUC_END_IGNORE_DEPRECATIONS

  set_id_data (dialog, "tag-id", dossier_tag_get_id (tag));
  g_signal_connect_object (dialog, "response", G_CALLBACK (color_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
describe_response_cb (AdwMessageDialog     *dialog,
                      const char           *response,
                      DossierCodebookPanel *self)
{
  gint64 tag_id = get_id_data (dialog, "tag-id");
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "buffer");
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->project == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!dossier_project_set_tag_description (self->project, tag_id, g_strstrip (text), &error))
    show_error (self, _("Could Not Save the Description"), error);
}

static void
describe_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (widget);
  DossierTag *tag = selected_tag (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *scrolled, *view;
  GtkTextBuffer *buffer;

  if (tag == NULL)
    return;

  heading = g_strdup_printf (_("Description of “%s”"), dossier_tag_get_name (tag));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("What this tag means, and when to apply it."));

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Description"),
                                  -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, dossier_tag_get_description (tag), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  set_id_data (dialog, "tag-id", dossier_tag_get_id (tag));
  g_object_set_data_full (G_OBJECT (dialog), "buffer", g_object_ref (buffer), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (describe_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* "Move To…" and "Merge Into…" both pick one tag from a searchable list. */
typedef enum {
  CHOOSE_MOVE,
  CHOOSE_MERGE,
} ChooseKind;

static void
choose_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    DossierCodebookPanel *self)
{
  ChooseKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));
  gint64 tag_id = get_id_data (dialog, "tag-id");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), "drop-down");
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;
  gint64 target_id;

  if (g_strcmp0 (response, "ok") != 0 || self->project == NULL || selected >= ids->len)
    return;

  target_id = g_array_index (ids, gint64, selected);
  if (kind == CHOOSE_MOVE)
    {
      move_tag (self, tag_id, target_id, -1);
      return;
    }

  if (!dossier_project_merge_tags (self->project, tag_id, target_id, &error))
    {
      show_error (self, _("Could Not Merge Tags"), error);
      return;
    }

  dossier_codebook_panel_set_selected_tag_id (self, target_id);
}

static void
open_choose_dialog (DossierCodebookPanel *self,
                    ChooseKind            kind)
{
  DossierTag *tag = selected_tag (self);
  GtkStringList *names;
  g_autofree char *heading = NULL;
  GArray *ids;
  GtkWidget *dialog, *drop_down;
  guint n;

  if (tag == NULL)
    return;

  names = gtk_string_list_new (NULL);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (kind == CHOOSE_MOVE)
    {
      gint64 top = 0;

      gtk_string_list_append (names, _("Top Level"));
      g_array_append_val (ids, top);
    }

  n = g_list_model_get_n_items (self->tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) other = g_list_model_get_item (self->tags, i);
      gint64 other_id = dossier_tag_get_id (other);

      /* A tag can go neither under nor into itself or its own children. */
      if (is_self_or_descendant (self, other_id, dossier_tag_get_id (tag)))
        continue;

      gtk_string_list_append (names, dossier_tag_get_path (other));
      g_array_append_val (ids, other_id);
    }

  if (kind == CHOOSE_MOVE)
    heading = g_strdup_printf (_("Move “%s” To"), dossier_tag_get_name (tag));
  else
    heading = g_strdup_printf (_("Merge “%s” Into"), dossier_tag_get_name (tag));

  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   kind == CHOOSE_MOVE
                                   ? _("The tag and its subtags move under the tag you choose.")
                                   : _("Its highlights get the tag you choose, its subtags move there, and it is deleted."));

  drop_down = gtk_drop_down_new (G_LIST_MODEL (names),
                                 gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == CHOOSE_MOVE ? _("New parent") : _("Tag to merge into"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), drop_down);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", kind == CHOOSE_MOVE ? _("_Move") : _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              kind == CHOOSE_MOVE ? ADW_RESPONSE_SUGGESTED
                                                                  : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok", ids->len > 0);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  set_id_data (dialog, "tag-id", dossier_tag_get_id (tag));
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (dialog), "drop-down", drop_down);
  g_signal_connect_object (dialog, "response", G_CALLBACK (choose_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- actions ---------------------------------------------------------------- */

static void
update_actions (DossierCodebookPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  DossierTag *tag = selected_tag (self);
  gboolean writable = self->project != NULL && !dossier_project_get_read_only (self->project);
  gboolean has = tag != NULL && writable;
  gboolean up = FALSE, down = FALSE;

  if (has)
    {
      g_autoptr(GArray) siblings = list_children (self, dossier_tag_get_parent_id (tag), 0);
      int index = index_of (siblings, dossier_tag_get_id (tag));

      up = index > 0;
      down = index >= 0 && index + 1 < (int) siblings->len;
    }

  gtk_widget_action_set_enabled (widget, "codebook.add", writable);
  gtk_widget_action_set_enabled (widget, "codebook.add-child", has);
  gtk_widget_action_set_enabled (widget, "codebook.rename", has);
  gtk_widget_action_set_enabled (widget, "codebook.recolor", has);
  gtk_widget_action_set_enabled (widget, "codebook.describe", has);
  gtk_widget_action_set_enabled (widget, "codebook.move-up", up);
  gtk_widget_action_set_enabled (widget, "codebook.move-down", down);
  gtk_widget_action_set_enabled (widget, "codebook.move-to", has);
  gtk_widget_action_set_enabled (widget, "codebook.merge", has && self->tags != NULL &&
                                 g_list_model_get_n_items (self->tags) > 1);
  gtk_widget_action_set_enabled (widget, "codebook.delete", has);
  gtk_widget_action_set_enabled (widget, "codebook.context-menu", tag != NULL);
  gtk_widget_action_set_enabled (widget, "codebook.unselect", self->selected_tag_id != 0);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  dossier_codebook_panel_add_tag (DOSSIER_CODEBOOK_PANEL (widget),
                                  g_str_equal (action_name, "codebook.add-child"));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (widget);

  if (selected_tag (self) != NULL)
    open_name_dialog (self, FALSE, self->selected_tag_id, FALSE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_by (DOSSIER_CODEBOOK_PANEL (widget),
           g_str_equal (action_name, "codebook.move-up") ? -1 : 1);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_choose_dialog (DOSSIER_CODEBOOK_PANEL (widget),
                      g_str_equal (action_name, "codebook.merge") ? CHOOSE_MERGE : CHOOSE_MOVE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (widget);
  DossierTag *tag = selected_tag (self);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (tag == NULL)
    return;

  name = g_strdup (dossier_tag_get_name (tag));
  if (!dossier_project_delete_tag (self->project, dossier_tag_get_id (tag), &error))
    {
      show_error (self, _("Could Not Delete Tag"), error);
      return;
    }

  message = g_strdup_printf (_("Deleted tag “%s”"), name);
  toast (self, message);
}

static void
unselect_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dossier_codebook_panel_set_selected_tag_id (DOSSIER_CODEBOOK_PANEL (widget), 0);
}

static void
expand_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (widget);

  if (self->selected_tag_id != 0)
    set_expanded (self, self->selected_tag_id, g_str_equal (action_name, "codebook.expand"));
}

/* ---- project ----------------------------------------------------------------- */

static void
tags_changed_cb (DossierCodebookPanel *self,
                 guint                 position,
                 guint                 removed,
                 guint                 added,
                 GListModel           *model)
{
  refresh (self);
}

DossierProject *
dossier_codebook_panel_get_project (DossierCodebookPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_CODEBOOK_PANEL (self), NULL);

  return self->project;
}

void
dossier_codebook_panel_set_project (DossierCodebookPanel *self,
                                    DossierProject       *project)
{
  g_return_if_fail (DOSSIER_IS_CODEBOOK_PANEL (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->tags != NULL)
    g_signal_handlers_disconnect_by_data (self->tags, self);
  g_clear_object (&self->tags);
  g_set_object (&self->project, project);
  g_hash_table_remove_all (self->collapsed);

  if (project != NULL)
    {
      self->tags = g_object_ref (dossier_project_get_tags (project));
      gtk_filter_list_model_set_model (self->visible, self->tags);
      /* After the filter model, so rows are up to date when we refresh. */
      g_signal_connect_object (self->tags, "items-changed", G_CALLBACK (tags_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      gtk_filter_list_model_set_model (self->visible, NULL);
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  selection_changed_cb (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gint64
dossier_codebook_panel_get_slot_tag (DossierCodebookPanel *self,
                                     guint                 slot)
{
  g_return_val_if_fail (DOSSIER_IS_CODEBOOK_PANEL (self), 0);

  return dossier_codebook_slot_tag (self->project, slot);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
ensure_css (void)
{
  static gboolean done;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done || display == NULL)
    return;
  done = TRUE;

  /* Drop indicators for re-parenting by drag; named colours only. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".dossier-codebook row.drop-before { box-shadow: inset 0 2px @accent_bg_color; }\n"
                                   ".dossier-codebook row.drop-after { box-shadow: inset 0 -2px @accent_bg_color; }\n"
                                   ".dossier-codebook row.drop-into { box-shadow: inset 0 0 0 2px @accent_bg_color; }\n"
                                   ".dossier-codebook .dossier-tag-row button.circular { min-width: 20px; min-height: 20px; padding: 0; }\n"
                                   /* The slot number as a key cap, so "5  3" does not read as 53. */
                                   ".dossier-codebook .tag-slot.has-slot { box-shadow: inset 0 0 0 1px alpha(currentColor, 0.35); border-radius: 5px; }\n",
                                   -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
dossier_codebook_panel_dispose (GObject *object)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->tags != NULL)
    g_signal_handlers_disconnect_by_data (self->tags, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_CODEBOOK_PANEL);

  g_clear_object (&self->selection);
  g_clear_object (&self->visible);
  g_clear_object (&self->filter);
  g_clear_object (&self->tags);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (dossier_codebook_panel_parent_class)->dispose (object);
}

static void
dossier_codebook_panel_finalize (GObject *object)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (object);

  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->parents, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_codebook_panel_parent_class)->finalize (object);
}

static void
dossier_codebook_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SELECTED_TAG_ID:
      g_value_set_int64 (value, self->selected_tag_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_codebook_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_codebook_panel_set_project (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_TAG_ID:
      dossier_codebook_panel_set_selected_tag_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_codebook_panel_class_init (DossierCodebookPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_codebook_panel_dispose;
  object_class->finalize = dossier_codebook_panel_finalize;
  object_class->get_property = dossier_codebook_panel_get_property;
  object_class->set_property = dossier_codebook_panel_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_TAG_ID] =
    g_param_spec_int64 ("selected-tag-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-codebook-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierCodebookPanel, box);
  gtk_widget_class_bind_template_child (widget_class, DossierCodebookPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierCodebookPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierCodebookPanel, context_menu);

  gtk_widget_class_install_action (widget_class, "codebook.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "codebook.add-child", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "codebook.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "codebook.recolor", NULL, recolor_action);
  gtk_widget_class_install_action (widget_class, "codebook.describe", NULL, describe_action);
  gtk_widget_class_install_action (widget_class, "codebook.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "codebook.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "codebook.move-to", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "codebook.merge", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "codebook.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "codebook.expand", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "codebook.collapse", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "codebook.context-menu", NULL, context_menu_action);
  gtk_widget_class_install_action (widget_class, "codebook.unselect", NULL, unselect_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "codebook.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "codebook.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "codebook.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "codebook.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "codebook.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "codebook.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "codebook.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "codebook.expand", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "codebook.expand", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "codebook.collapse", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "codebook.collapse", NULL);
  /* Escape goes back from one tag's highlights to the document's. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "codebook.unselect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "codebook.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "codebook.context-menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "codebook");
}

static void
dossier_codebook_panel_init (DossierCodebookPanel *self)
{
  GtkListItemFactory *factory;

  self->collapsed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rows = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "dossier-codebook");
  ensure_css ();

  self->filter = gtk_custom_filter_new (filter_visible, self, NULL);
  self->visible = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->visible)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (teardown_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  refresh (self);
}

GtkWidget *
dossier_codebook_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_CODEBOOK_PANEL, NULL);
}
