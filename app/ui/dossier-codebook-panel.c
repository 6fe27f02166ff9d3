/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include "dossier-name-dialog.h"
#include "dossier-tag-choose-dialog.h"
#include "dossier-tag-color-dialog.h"
#include "dossier-tag-row.h"
#include "dossier-text-dialog.h"
#include "dossier-ui-utils.h"

struct _DossierCodebookPanel
{
  DossierPanel        parent_instance;

  /* template */
  GtkWidget          *box;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkWidget          *context_menu;

  GListModel         *tags;        /* the project's tags, tree order */
  GtkCustomFilter    *filter;      /* hides descendants of collapsed tags */
  GtkFilterListModel *visible;
  GtkSingleSelection *selection;

  GHashTable         *collapsed;   /* gint64* tag ids */
  GHashTable         *parents;     /* gint64* ids of tags that have children */
  GtkWidget          *drag_row;    /* weak: the row a drag started on */
  GtkWidget          *drop_row;    /* weak: the row showing where a drop goes */
  gint64              slots[DOSSIER_CODEBOOK_N_SLOTS];
  gint64              selected_tag_id;
  int                 selected_tag_key;
  guint               refresh_idle;
};

G_DEFINE_FINAL_TYPE (DossierCodebookPanel, dossier_codebook_panel, DOSSIER_TYPE_PANEL)

enum {
  PROP_0,
  PROP_SELECTED_TAG_ID,
  PROP_SELECTED_TAG_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PROJECT(self) dossier_panel_get_project (DOSSIER_PANEL (self))

/* ---- small helpers ----------------------------------------------------- */

static gint64 *
id_dup (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static DossierTag *
selected_tag (DossierCodebookPanel *self)
{
  if (PROJECT (self) == NULL || self->selected_tag_id == 0)
    return NULL;

  return dossier_project_get_tag (PROJECT (self), self->selected_tag_id);
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

/* ---- slots, expanders, rows ---------------------------------------------- */

static int
slot_of (DossierCodebookPanel *self,
         gint64                tag_id)
{
  for (guint i = 0; i < DOSSIER_CODEBOOK_N_SLOTS; i++)
    if (self->slots[i] == tag_id && tag_id != 0)
      return (int) i + 1;

  return 0;
}

/* What the row cannot know from its tag alone: its slot, and whether it
 * has children and they show. */
static void
dossier_codebook_panel_bind_row (DossierPanel *panel,
                                 DossierRow   *row)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (panel);
  DossierTag *tag;
  gint64 id;

  if (!DOSSIER_IS_TAG_ROW (row) || (tag = dossier_row_get_item (row)) == NULL)
    return;

  id = dossier_tag_get_id (tag);
  dossier_tag_row_set_slot (DOSSIER_TAG_ROW (row), slot_of (self, id));
  dossier_tag_row_set_expander (DOSSIER_TAG_ROW (row),
                                g_hash_table_contains (self->parents, &id),
                                !g_hash_table_contains (self->collapsed, &id));
}

static void update_actions (DossierCodebookPanel *self);

/* The selected tag's pinned key, for the "codebook.key" radio items. */
static void
update_selected_key (DossierCodebookPanel *self)
{
  DossierTag *tag = selected_tag (self);
  int key = tag != NULL ? dossier_tag_get_key (tag) : DOSSIER_TAG_KEY_AUTO;

  if (key == self->selected_tag_key)
    return;

  self->selected_tag_key = key;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TAG_KEY]);
}

static void
set_selected_tag_key (DossierCodebookPanel *self,
                      int                   key)
{
  DossierTag *tag = selected_tag (self);
  g_autoptr(GError) error = NULL;

  if (tag == NULL || key == dossier_tag_get_key (tag))
    return;

  if (!dossier_project_set_tag_key (PROJECT (self), dossier_tag_get_id (tag), key, &error))
    dossier_panel_show_error (DOSSIER_PANEL (self), _("Could Not Change the Tag’s Key"), error);
  update_selected_key (self);
}

/* Recomputes what depends on the whole list: which tags have children,
 * the nine slots, the empty state; then refreshes the bound rows. */
static void
refresh (DossierCodebookPanel *self)
{
  guint n = self->tags ? g_list_model_get_n_items (self->tags) : 0;

  g_hash_table_remove_all (self->parents);
  memset (self->slots, 0, sizeof self->slots);
  if (PROJECT (self) != NULL)
    dossier_project_get_key_tags (PROJECT (self), self->slots);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (self->tags, i);
      gint64 parent_id = dossier_tag_get_parent_id (tag);

      if (parent_id != 0 && !g_hash_table_contains (self->parents, &parent_id))
        g_hash_table_add (self->parents, id_dup (parent_id));
    }

  dossier_panel_update_rows (DOSSIER_PANEL (self));

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "tags" : "empty");
  update_actions (self);
  update_selected_key (self);
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

  if (g_hash_table_size (self->collapsed) == 0 || PROJECT (self) == NULL)
    return TRUE;

  parent_id = dossier_tag_get_parent_id (item);
  while (parent_id != 0 && guard++ < 1000)
    {
      DossierTag *parent;

      if (g_hash_table_contains (self->collapsed, &parent_id))
        return FALSE;
      parent = dossier_project_get_tag (PROJECT (self), parent_id);
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
toggle_expanded_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (widget);
  gint64 id = g_variant_get_int64 (parameter);

  set_expanded (self, id, g_hash_table_contains (self->collapsed, &id));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  queue_refresh (DOSSIER_CODEBOOK_PANEL (widget));
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
  update_selected_key (self);
}

void
dossier_codebook_panel_set_selected_tag_id (DossierCodebookPanel *self,
                                            gint64                tag_id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (DOSSIER_IS_CODEBOOK_PANEL (self));

  if (tag_id != 0 && PROJECT (self) != NULL &&
      dossier_project_get_tag (PROJECT (self), tag_id) != NULL)
    {
      /* Show the tag: expand every collapsed ancestor. */
      DossierTag *tag = dossier_project_get_tag (PROJECT (self), tag_id);
      gint64 parent_id = dossier_tag_get_parent_id (tag);
      guint guard = 0;

      while (parent_id != 0 && guard++ < 1000)
        {
          DossierTag *parent = dossier_project_get_tag (PROJECT (self), parent_id);

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

  if (!dossier_project_move_tag (PROJECT (self), tag_id, parent_id, position, &error))
    {
      dossier_panel_show_error (DOSSIER_PANEL (self), _("Could Not Move Tag"), error);
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

/* Where over @row (in its coordinates) a drop would go. */
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
clear_drop_classes (DossierCodebookPanel *self)
{
  GtkWidget *item_widget = self->drop_row ? gtk_widget_get_parent (self->drop_row) : NULL;

  if (item_widget != NULL)
    {
      gtk_widget_remove_css_class (item_widget, "drop-before");
      gtk_widget_remove_css_class (item_widget, "drop-into");
      gtk_widget_remove_css_class (item_widget, "drop-after");
    }
  g_clear_weak_pointer (&self->drop_row);
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

  if (source_id == target_id || dossier_project_get_tag (PROJECT (self), source_id) == NULL)
    return FALSE;

  if (zone == DROP_INTO)
    {
      if (dossier_project_tag_is_within (PROJECT (self), target_id, source_id))
        return FALSE;
      *parent_id = target_id;
      *position = -1;
      return TRUE;
    }

  *parent_id = dossier_tag_get_parent_id (target);
  if (*parent_id != 0 && dossier_project_tag_is_within (PROJECT (self), *parent_id, source_id))
    return FALSE;

  siblings = list_children (self, *parent_id, source_id);
  index = index_of (siblings, target_id);
  if (index < 0)
    return FALSE;
  *position = zone == DROP_BEFORE ? index : index + 1;

  return TRUE;
}

/* The tag row under (@x, @y) of the list, and (@x, @y) in its coordinates. */
static DossierTagRow *
row_at (DossierCodebookPanel *self,
        double                x,
        double                y,
        double               *row_y)
{
  DossierRow *row = dossier_panel_pick_row (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view), x, y);
  double row_x;

  if (!DOSSIER_IS_TAG_ROW (row) || dossier_row_get_item (row) == NULL)
    return NULL;
  if (row_y != NULL &&
      !gtk_widget_translate_coordinates (GTK_WIDGET (self->list_view), GTK_WIDGET (row),
                                         x, y, &row_x, row_y))
    *row_y = 0;

  return DOSSIER_TAG_ROW (row);
}

static GdkContentProvider *
drag_prepare_cb (DossierCodebookPanel *self,
                 double                x,
                 double                y)
{
  DossierTagRow *row = row_at (self, x, y, NULL);

  if (row == NULL || !dossier_panel_is_writable (DOSSIER_PANEL (self)))
    return NULL;

  g_set_weak_pointer (&self->drag_row, GTK_WIDGET (row));
  return gdk_content_provider_new_typed (G_TYPE_INT64,
                                         dossier_tag_get_id (dossier_row_get_item (DOSSIER_ROW (row))));
}

static void
drag_begin_cb (DossierCodebookPanel *self,
               GdkDrag              *drag,
               GtkDragSource        *source)
{
  g_autoptr(GdkPaintable) paintable = NULL;

  if (self->drag_row == NULL)
    return;

  paintable = gtk_widget_paintable_new (self->drag_row);
  gtk_drag_source_set_icon (source, paintable, 0, 0);
  g_clear_weak_pointer (&self->drag_row);
}

static GdkDragAction
drop_motion_cb (DossierCodebookPanel *self,
                double                x,
                double                y,
                GtkDropTarget        *target)
{
  const GValue *value = gtk_drop_target_get_value (target);
  DossierTagRow *row;
  DropZone zone;
  gint64 parent_id;
  int position;
  double row_y;

  clear_drop_classes (self);

  row = row_at (self, x, y, &row_y);
  if (row == NULL || value == NULL || !G_VALUE_HOLDS_INT64 (value))
    return 0;

  zone = drop_zone (GTK_WIDGET (row), row_y);
  if (!drop_destination (self, g_value_get_int64 (value), dossier_row_get_item (DOSSIER_ROW (row)), zone,
                         &parent_id, &position))
    return 0;

  /* On the list item, which draws the row's background. */
  g_set_weak_pointer (&self->drop_row, GTK_WIDGET (row));
  gtk_widget_add_css_class (gtk_widget_get_parent (GTK_WIDGET (row)),
                            zone == DROP_BEFORE ? "drop-before" :
                            zone == DROP_AFTER ? "drop-after" : "drop-into");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (DossierCodebookPanel *self)
{
  clear_drop_classes (self);
}

static gboolean
drop_cb (DossierCodebookPanel *self,
         const GValue         *value,
         double                x,
         double                y)
{
  DossierTagRow *row;
  gint64 parent_id;
  int position;
  double row_y;

  clear_drop_classes (self);

  row = row_at (self, x, y, &row_y);
  if (row == NULL || !G_VALUE_HOLDS_INT64 (value) ||
      !drop_destination (self, g_value_get_int64 (value), dossier_row_get_item (DOSSIER_ROW (row)),
                         drop_zone (GTK_WIDGET (row), row_y), &parent_id, &position))
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
  dossier_popup_returning_focus (GTK_POPOVER (self->context_menu));
}

/* Right click: select the tag, then its menu. */
static void
list_pressed_cb (DossierCodebookPanel *self,
                 int                   n_press,
                 double                x,
                 double                y,
                 GtkGestureClick      *gesture)
{
  DossierTagRow *row = row_at (self, x, y, NULL);

  if (row == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  dossier_codebook_panel_set_selected_tag_id (self, dossier_tag_get_id (dossier_row_get_item (DOSSIER_ROW (row))));
  popup_menu_at (self, GTK_WIDGET (self->list_view), x, y);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (widget);
  DossierRow *row;

  if (self->selected_tag_id == 0)
    return;

  row = dossier_panel_find_row (DOSSIER_PANEL (self), selected_tag (self));
  if (row != NULL)
    popup_menu_at (self, GTK_WIDGET (row), 24, gtk_widget_get_height (GTK_WIDGET (row)));
  else
    popup_menu_at (self, GTK_WIDGET (self->list_view), 24, 24);
}

/* ---- dialogs ---------------------------------------------------------------- */

/* A name asked for: a new tag (under the tag offered when the dialog's
 * option is on), or a new name for a tag. */
typedef struct
{
  DossierCodebookPanel *self;
  gint64                tag_id;      /* rename: the tag; add: the parent offered */
  gboolean              add;
} NameRequest;

static void
name_request_free (gpointer data)
{
  NameRequest *request = data;

  g_object_unref (request->self);
  g_free (request);
}

static gint64
name_request_parent (NameRequest       *request,
                     DossierNameDialog *dialog)
{
  DossierTag *tag;

  if (request->add)
    return dossier_name_dialog_get_option (dialog) ? request->tag_id : 0;

  tag = dossier_project_get_tag (PROJECT (request->self), request->tag_id);
  return tag ? dossier_tag_get_parent_id (tag) : 0;
}

static const char *
check_name (DossierNameDialog *dialog,
            const char        *name,
            gpointer           user_data)
{
  NameRequest *request = user_data;

  if (PROJECT (request->self) == NULL)
    return NULL;
  if (sibling_name_taken (request->self, name_request_parent (request, dialog), name,
                          request->add ? 0 : request->tag_id))
    return _("A tag with this name already exists here.");
  return NULL;
}

static void
name_response_cb (DossierNameDialog *dialog,
                  const char        *response,
                  NameRequest       *request)
{
  DossierCodebookPanel *self = request->self;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0 || PROJECT (self) == NULL)
    return;

  name = dossier_name_dialog_get_name (dialog);
  if (request->add)
    {
      gint64 parent_id = name_request_parent (request, dialog);
      gint64 id = dossier_project_add_tag (PROJECT (self), name, parent_id, NULL, NULL, &error);

      if (id <= 0)
        {
          dossier_panel_show_error (DOSSIER_PANEL (self), _("Could Not Add Tag"), error);
          return;
        }
      set_expanded (self, parent_id, TRUE);
      dossier_codebook_panel_set_selected_tag_id (self, id);
    }
  else if (!dossier_project_rename_tag (PROJECT (self), request->tag_id, name, &error))
    {
      dossier_panel_show_error (DOSSIER_PANEL (self), _("Could Not Rename Tag"), error);
    }
}

static void
open_name_dialog (DossierCodebookPanel *self,
                  gboolean              add,
                  gint64                tag_id,
                  gboolean              inside_active)
{
  DossierTag *tag = tag_id ? dossier_project_get_tag (PROJECT (self), tag_id) : NULL;
  NameRequest *request = g_new0 (NameRequest, 1);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  request->self = g_object_ref (self);
  request->add = add;
  request->tag_id = tag ? tag_id : 0;

  if (!add && tag != NULL)
    body = g_strdup_printf (_("New name for “%s”"), dossier_tag_get_path (tag));
  dialog = dossier_name_dialog_new (dossier_panel_get_window (DOSSIER_PANEL (self)),
                                    add ? _("New Tag") : _("Rename Tag"), body,
                                    add ? _("_Add") : _("_Rename"), _("Tag name"),
                                    !add && tag != NULL ? dossier_tag_get_name (tag) : NULL);
  if (add && tag != NULL)
    {
      g_autofree char *inside = g_strdup_printf (_("Inside “%s”"), dossier_tag_get_path (tag));

      dossier_name_dialog_set_option (DOSSIER_NAME_DIALOG (dialog), inside, inside_active);
    }
  /* The dialog owns the request; its response comes before it goes. */
  dossier_name_dialog_set_check (DOSSIER_NAME_DIALOG (dialog), check_name, request, name_request_free);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
dossier_codebook_panel_add_tag (DossierCodebookPanel *self,
                                gboolean              as_child)
{
  g_return_if_fail (DOSSIER_IS_CODEBOOK_PANEL (self));

  if (PROJECT (self) == NULL)
    return;

  open_name_dialog (self, TRUE, self->selected_tag_id, as_child);
}

static void
color_response_cb (DossierTagColorDialog *dialog,
                   const char            *response,
                   DossierCodebookPanel  *self)
{
  g_autofree char *color = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0 || PROJECT (self) == NULL)
    return;

  color = dossier_tag_color_dialog_get_color (dialog);
  if (!dossier_project_set_tag_color (PROJECT (self), dossier_tag_color_dialog_get_tag_id (dialog),
                                      color, &error))
    dossier_panel_show_error (DOSSIER_PANEL (self), _("Could Not Change the Colour"), error);
}

static void
recolor_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (widget);
  DossierTag *tag = selected_tag (self);
  GtkWidget *dialog;

  if (tag == NULL)
    return;

  dialog = dossier_tag_color_dialog_new (dossier_panel_get_window (DOSSIER_PANEL (self)), tag);
  g_signal_connect_object (dialog, "response", G_CALLBACK (color_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
describe_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (widget);
  DossierTag *tag = selected_tag (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (tag == NULL)
    return;

  heading = g_strdup_printf (_("Description of “%s”"), dossier_tag_get_name (tag));
  dialog = dossier_text_dialog_new (dossier_panel_get_window (DOSSIER_PANEL (self)), heading,
                                    _("What this tag means, and when to apply it."),
                                    _("Description"), dossier_tag_get_description (tag),
                                    PROJECT (self), dossier_tag_get_id (tag),
                                    dossier_project_set_tag_description,
                                    _("Could Not Save the Description"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_response_cb (DossierTagChooseDialog *dialog,
                    const char             *response,
                    DossierCodebookPanel   *self)
{
  gint64 tag_id = dossier_tag_choose_dialog_get_tag_id (dialog);
  gint64 target_id = dossier_tag_choose_dialog_get_chosen (dialog);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0 || PROJECT (self) == NULL || target_id < 0)
    return;

  if (dossier_tag_choose_dialog_get_kind (dialog) == DOSSIER_TAG_CHOOSE_MOVE)
    {
      move_tag (self, tag_id, target_id, -1);
      return;
    }

  if (!dossier_project_merge_tags (PROJECT (self), tag_id, target_id, &error))
    {
      dossier_panel_show_error (DOSSIER_PANEL (self), _("Could Not Merge Tags"), error);
      return;
    }

  dossier_codebook_panel_set_selected_tag_id (self, target_id);
}

static void
open_choose_dialog (DossierCodebookPanel *self,
                    DossierTagChooseKind  kind)
{
  DossierTag *tag = selected_tag (self);
  GtkWidget *dialog;

  if (tag == NULL)
    return;

  dialog = dossier_tag_choose_dialog_new (dossier_panel_get_window (DOSSIER_PANEL (self)),
                                          PROJECT (self), tag, kind);
  g_signal_connect_object (dialog, "response", G_CALLBACK (choose_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- actions ---------------------------------------------------------------- */

static void
update_actions (DossierCodebookPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  DossierTag *tag = selected_tag (self);
  gboolean writable = PROJECT (self) != NULL && !dossier_project_get_read_only (PROJECT (self));
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
  gtk_widget_action_set_enabled (widget, "codebook.key", has);
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
                      g_str_equal (action_name, "codebook.merge") ? DOSSIER_TAG_CHOOSE_MERGE
                                                                  : DOSSIER_TAG_CHOOSE_MOVE);
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
  guint n_deleted = 0;

  if (tag == NULL)
    return;

  name = g_strdup (dossier_tag_get_name (tag));
  if (!dossier_project_delete_tag_full (PROJECT (self), dossier_tag_get_id (tag), &n_deleted, &error))
    {
      dossier_panel_show_error (DOSSIER_PANEL (self), _("Could Not Delete Tag"), error);
      return;
    }

  /* Highlights that had no other tag went too: say so, the toast's Undo
   * brings them back. */
  if (n_deleted > 0)
    message = g_strdup_printf (ngettext ("Deleted tag “%s” and its %u highlight",
                                         "Deleted tag “%s” and its %u highlights", n_deleted),
                               name, n_deleted);
  else
    message = g_strdup_printf (_("Deleted tag “%s”"), name);
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
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

static void
dossier_codebook_panel_project_changed (DossierPanel *panel)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (panel);
  DossierProject *project = dossier_panel_get_project (panel);

  if (self->tags != NULL)
    g_signal_handlers_disconnect_by_data (self->tags, self);
  g_clear_object (&self->tags);
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
}

gint64
dossier_codebook_panel_get_slot_tag (DossierCodebookPanel *self,
                                     guint                 slot)
{
  g_return_val_if_fail (DOSSIER_IS_CODEBOOK_PANEL (self), 0);

  if (PROJECT (self) == NULL)
    return 0;

  return dossier_project_get_key_tag (PROJECT (self), slot);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
dossier_codebook_panel_dispose (GObject *object)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->tags != NULL)
    g_signal_handlers_disconnect_by_data (self->tags, self);
  g_clear_weak_pointer (&self->drag_row);
  g_clear_weak_pointer (&self->drop_row);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_CODEBOOK_PANEL);

  g_clear_object (&self->selection);
  g_clear_object (&self->visible);
  g_clear_object (&self->filter);
  g_clear_object (&self->tags);

  G_OBJECT_CLASS (dossier_codebook_panel_parent_class)->dispose (object);
}

static void
dossier_codebook_panel_finalize (GObject *object)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (object);

  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->parents, g_hash_table_unref);

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
    case PROP_SELECTED_TAG_ID:
      g_value_set_int64 (value, self->selected_tag_id);
      break;
    case PROP_SELECTED_TAG_KEY:
      g_value_set_int (value, self->selected_tag_key);
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
    case PROP_SELECTED_TAG_ID:
      dossier_codebook_panel_set_selected_tag_id (self, g_value_get_int64 (value));
      break;
    case PROP_SELECTED_TAG_KEY:
      set_selected_tag_key (self, g_value_get_int (value));
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
  DossierPanelClass *panel_class = DOSSIER_PANEL_CLASS (klass);

  object_class->dispose = dossier_codebook_panel_dispose;
  object_class->finalize = dossier_codebook_panel_finalize;
  object_class->get_property = dossier_codebook_panel_get_property;
  object_class->set_property = dossier_codebook_panel_set_property;
  panel_class->project_changed = dossier_codebook_panel_project_changed;
  panel_class->bind_row = dossier_codebook_panel_bind_row;

  properties[PROP_SELECTED_TAG_ID] =
    g_param_spec_int64 ("selected-tag-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_TAG_KEY] =
    g_param_spec_int ("selected-tag-key", NULL, NULL, DOSSIER_TAG_KEY_AUTO, DOSSIER_N_TAG_KEYS,
                      DOSSIER_TAG_KEY_AUTO,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (DOSSIER_TYPE_TAG_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-codebook-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierCodebookPanel, box);
  gtk_widget_class_bind_template_child (widget_class, DossierCodebookPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierCodebookPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierCodebookPanel, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, list_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_prepare_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, drop_motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, drop_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, drop_cb);

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
  /* Radio items "Key ▸ 1…9, Next Free Key, No Key". */
  gtk_widget_class_install_property_action (widget_class, "codebook.key", "selected-tag-key");
  gtk_widget_class_install_action (widget_class, "codebook.expand", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "codebook.collapse", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "codebook.context-menu", NULL, context_menu_action);
  gtk_widget_class_install_action (widget_class, "codebook.unselect", NULL, unselect_action);
  /* From the rows: their expander, and a tag that moved in place. */
  gtk_widget_class_install_action (widget_class, "codebook.toggle-expanded", "x", toggle_expanded_action);
  gtk_widget_class_install_action (widget_class, "codebook.refresh", NULL, refresh_action);

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

  gtk_widget_class_set_css_name (widget_class, "codebook");
}

static void
dossier_codebook_panel_init (DossierCodebookPanel *self)
{
  self->collapsed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->selected_tag_key = DOSSIER_TAG_KEY_AUTO;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "dossier-codebook");

  self->filter = gtk_custom_filter_new (filter_visible, self, NULL);
  self->visible = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->visible)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  refresh (self);
}

GtkWidget *
dossier_codebook_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_CODEBOOK_PANEL, NULL);
}
