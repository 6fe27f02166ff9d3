/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-codebook-panel.c — the codebook in the left sidebar.
 *
 * The project hands out its tags as one flat GListModel in tree order
 * (depth first), each tag knowing its depth. The panel makes a tree of it:
 * one GListStore per family (the top level, and the children of each tag
 * that has some), each brought up to date with one exact splice whenever
 * the project's list changes, under a GtkTreeListModel shown through
 * GtkTreeExpander rows. So tags expand and collapse as in any tree, a
 * change touches only the families it changes, and a tag's count, name and
 * colour (updated in place by the core) never relist anything.
 *
 * Families follow the order and depths of the flat list, not the tags'
 * parent ids: what a damaged file leaves unreachable is listed at the top
 * level, as the core lists it, and no cycle can reach the tree. Which tags
 * are collapsed is the panel's own (by id), so that it survives a tag
 * moving, an undo bringing a deleted tag back, and the tree reloading.
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
  GListStore         *roots;       /* DossierTag: the top level */
  GHashTable         *families;    /* gint64* tag id → GListStore of its children */
  GHashTable         *parent_of;   /* gint64* tag id → gint64* parent's id (0: top) */
  GHashTable         *watched;     /* DossierTag (ref) → "notify::depth" handler */
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;

  GHashTable         *collapsed;   /* gint64* tag ids */
  GtkWidget          *drag_row;    /* weak: the row a drag started on */
  GtkWidget          *drop_row;    /* weak: the row showing where a drop goes */
  GtkWidget          *menu_row;    /* weak: the row whose tooltip the menu holds off */
  gint64              slots[DOSSIER_CODEBOOK_N_SLOTS];
  gint64              selected_tag_id;
  int                 selected_tag_key;
  guint               refresh_idle;
  guint               focus_tick;
  gint64              focus_tag_id; /* the row to focus once it is made */
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

/* ---- the tree ------------------------------------------------------------ */

static gboolean
has_children (DossierCodebookPanel *self,
              gint64                tag_id)
{
  return g_hash_table_contains (self->families, &tag_id);
}

/* The parent the tree shows @tag_id under (0: the top level). */
static gint64
tree_parent (DossierCodebookPanel *self,
             gint64                tag_id)
{
  gint64 *parent = g_hash_table_lookup (self->parent_of, &tag_id);

  return parent != NULL ? *parent : 0;
}

static GListModel *
create_family (gpointer item,
               gpointer user_data)
{
  DossierCodebookPanel *self = user_data;
  gint64 id = dossier_tag_get_id (item);
  GListStore *family = g_hash_table_lookup (self->families, &id);

  return family != NULL ? g_object_ref (G_LIST_MODEL (family)) : NULL;
}

/* The tree's row of @tag_id, or NULL if it is not in the tree or a tag
 * above it is collapsed (transfer full). */
static GtkTreeListRow *
tree_row_of (DossierCodebookPanel *self,
             gint64                tag_id)
{
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkTreeListRow *row = NULL;

  if (PROJECT (self) == NULL || !g_hash_table_contains (self->parent_of, &tag_id))
    return NULL;

  /* From the tag up to the top, then down again through the rows. */
  for (gint64 id = tag_id; id != 0 && chain->len <= DOSSIER_TAG_MAX_DEPTH; id = tree_parent (self, id))
    g_array_prepend_val (chain, id);

  for (guint i = 0; i < chain->len; i++)
    {
      gint64 id = g_array_index (chain, gint64, i);
      DossierTag *tag = dossier_project_get_tag (PROJECT (self), id);
      GListStore *family = i == 0 ? self->roots
                                  : g_hash_table_lookup (self->families, &g_array_index (chain, gint64, i - 1));
      GtkTreeListRow *child;
      guint index;

      if (tag == NULL || family == NULL || !g_list_store_find (family, tag, &index))
        child = NULL;
      else if (row == NULL)
        child = gtk_tree_list_model_get_child_row (self->tree, index);
      else
        child = gtk_tree_list_row_get_child_row (row, index);

      g_clear_object (&row);
      row = child;
      if (row == NULL)
        return NULL;
    }

  return row;
}

static DossierTag *
row_tag (GtkTreeListRow *row)
{
  return row != NULL ? DOSSIER_TAG (gtk_tree_list_row_get_item (row)) : NULL;  /* full */
}

static void
watch_depth_cb (DossierCodebookPanel *self);

/* Follows the tags' depths: a tag can change family without the flat
 * list changing order (moved under the tag before it, or back), and only
 * its depth then tells. */
static void
watch_tags (DossierCodebookPanel *self,
            GPtrArray            *tags)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer tag, handler;

  for (guint i = 0; i < tags->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (tags, i));

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &tag, &handler))
    if (!g_hash_table_contains (seen, tag))
      {
        g_signal_handler_disconnect (tag, GPOINTER_TO_SIZE (handler));
        g_hash_table_iter_remove (&iter);
      }

  for (guint i = 0; i < tags->len; i++)
    {
      tag = g_ptr_array_index (tags, i);
      if (!g_hash_table_contains (self->watched, tag))
        g_hash_table_insert (self->watched, g_object_ref (tag),
                             GSIZE_TO_POINTER (g_signal_connect_swapped (tag, "notify::depth",
                                                                         G_CALLBACK (watch_depth_cb), self)));
    }
}

static void
unwatch_tags (DossierCodebookPanel *self)
{
  GHashTableIter iter;
  gpointer tag, handler;

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &tag, &handler))
    {
      g_signal_handler_disconnect (tag, GPOINTER_TO_SIZE (handler));
      g_hash_table_iter_remove (&iter);
    }
}

/* A tag that gained its first child or lost its last one: its row is
 * made again, so that the tree asks whether it can expand. */
static void
remake_row (DossierCodebookPanel *self,
            gint64                tag_id)
{
  DossierTag *tag = PROJECT (self) ? dossier_project_get_tag (PROJECT (self), tag_id) : NULL;
  gint64 parent_id = tree_parent (self, tag_id);
  GListStore *family = parent_id == 0 ? self->roots : g_hash_table_lookup (self->families, &parent_id);
  guint index;

  if (tag != NULL && family != NULL && g_list_store_find (family, tag, &index))
    g_list_store_splice (family, index, 1, (gpointer *) &tag, 1);
}

/* Brings every family up to date with the project's flat list: one pass
 * over it, then one splice per family that changed. */
static void
rebuild (DossierCodebookPanel *self)
{
  guint n = self->tags ? g_list_model_get_n_items (self->tags) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GPtrArray) parents = g_ptr_array_new ();   /* tags with children, tree order */
  g_autoptr(GHashTable) children = g_hash_table_new_full (NULL, NULL, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) remade = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (self->parent_of);
  for (guint i = 0; i < n; i++)
    {
      DossierTag *tag = g_list_model_get_item (self->tags, i);
      guint depth = MIN (dossier_tag_get_depth (tag), stack->len);
      DossierTag *parent = depth > 0 ? g_ptr_array_index (stack, depth - 1) : NULL;
      gint64 id = dossier_tag_get_id (tag);

      g_ptr_array_add (items, tag);
      g_ptr_array_set_size (stack, depth);
      g_ptr_array_add (stack, tag);

      if (parent == NULL)
        g_ptr_array_add (top, tag);
      else
        {
          GPtrArray *family = g_hash_table_lookup (children, parent);

          if (family == NULL)
            {
              family = g_ptr_array_new ();
              g_hash_table_insert (children, parent, family);
              g_ptr_array_add (parents, parent);
            }
          g_ptr_array_add (family, tag);
        }
      g_hash_table_insert (self->parent_of, id_dup (id),
                           id_dup (parent ? dossier_tag_get_id (parent) : 0));
    }
  watch_tags (self, items);

  /* Tags that stop having children: emptied, forgotten, their row made
   * again once the families are right. */
  g_hash_table_iter_init (&iter, self->families);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      DossierTag *tag = PROJECT (self) ? dossier_project_get_tag (PROJECT (self), *(gint64 *) key) : NULL;

      if (tag != NULL && g_hash_table_contains (children, tag))
        continue;
      g_list_store_remove_all (value);
      if (tag != NULL)
        g_array_append_val (remade, *(gint64 *) key);
      g_hash_table_iter_remove (&iter);
    }

  /* Deepest families first, so that a tag shows with its children. */
  for (guint i = parents->len; i > 0; i--)
    {
      DossierTag *parent = g_ptr_array_index (parents, i - 1);
      gint64 id = dossier_tag_get_id (parent);
      GListStore *family = g_hash_table_lookup (self->families, &id);

      if (family == NULL)
        {
          family = g_list_store_new (DOSSIER_TYPE_TAG);
          g_hash_table_insert (self->families, id_dup (id), family);
          g_array_append_val (remade, id);
        }
      dossier_list_store_reconcile_moves (family, g_hash_table_lookup (children, parent), NULL);
    }
  dossier_list_store_reconcile_moves (self->roots, top, NULL);

  for (guint i = 0; i < remade->len; i++)
    remake_row (self, g_array_index (remade, gint64, i));
}

/* Rows made in the tree (a tag added, moved, brought back, or its parent
 * expanded) are expanded by the tree; those of tags the user collapsed
 * close again. After the selection has followed the change. */
static void
tree_items_changed_cb (DossierCodebookPanel *self,
                       guint                 position,
                       guint                 removed,
                       guint                 added,
                       GListModel           *tree)
{
  guint end = position + added;

  if (g_hash_table_size (self->collapsed) == 0)
    return;

  for (guint i = position; i < end && i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(DossierTag) tag = row_tag (row);
      guint before;
      gint64 id;

      if (tag == NULL || !gtk_tree_list_row_get_expanded (row))
        continue;
      id = dossier_tag_get_id (tag);
      if (!g_hash_table_contains (self->collapsed, &id))
        continue;

      before = g_list_model_get_n_items (tree);
      gtk_tree_list_row_set_expanded (row, FALSE);
      end -= MIN (end - i - 1, before - g_list_model_get_n_items (tree));
    }
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

/* The tree's row a tag row shows (it sits in a GtkTreeExpander). */
static GtkTreeListRow *
list_row_of (DossierRow *row)
{
  GtkWidget *expander = gtk_widget_get_parent (GTK_WIDGET (row));

  return GTK_IS_TREE_EXPANDER (expander) ? gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander))
                                         : NULL;
}

/* What the row cannot know from its tag alone: its slot, and whether it
 * has children and they show. */
static void
dossier_codebook_panel_bind_row (DossierPanel *panel,
                                 DossierRow   *row)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (panel);
  GtkTreeListRow *list_row = list_row_of (row);
  DossierTag *tag;
  gint64 id;

  if (!DOSSIER_IS_TAG_ROW (row) || (tag = dossier_row_get_item (row)) == NULL)
    return;

  id = dossier_tag_get_id (tag);
  dossier_tag_row_set_slot (DOSSIER_TAG_ROW (row), slot_of (self, id));
  dossier_tag_row_set_expander (DOSSIER_TAG_ROW (row), has_children (self, id),
                                list_row != NULL ? gtk_tree_list_row_get_expanded (list_row)
                                                 : !g_hash_table_contains (self->collapsed, &id));
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

/* Recomputes what depends on the whole codebook: the nine slots, the
 * empty state; then refreshes the bound rows. */
static void
refresh (DossierCodebookPanel *self)
{
  guint n = self->tags ? g_list_model_get_n_items (self->tags) : 0;

  memset (self->slots, 0, sizeof self->slots);
  if (PROJECT (self) != NULL)
    dossier_project_get_key_tags (PROJECT (self), self->slots);

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
  rebuild (self);
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* The tree's shape or the keys changed without the list changing:
 * refresh once the core is done notifying. */
static void
queue_refresh (DossierCodebookPanel *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
watch_depth_cb (DossierCodebookPanel *self)
{
  queue_refresh (self);
}

/* Expands or collapses @tag_id, remembered for when it shows again. */
static void
set_expanded (DossierCodebookPanel *self,
              gint64                tag_id,
              gboolean              expanded)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (tag_id == 0)
    return;

  if (expanded)
    g_hash_table_remove (self->collapsed, &tag_id);
  else if (has_children (self, tag_id))
    g_hash_table_add (self->collapsed, id_dup (tag_id));
  else
    return;

  row = tree_row_of (self, tag_id);
  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, expanded);
}

/* A row expanded or collapsed by its expander (a click, its keys). */
static void
list_row_expanded_cb (DossierCodebookPanel *self,
                      GParamSpec           *pspec,
                      GtkTreeListRow       *row)
{
  g_autoptr(DossierTag) tag = row_tag (row);
  gint64 id;

  /* A row whose tag left the tree says it is collapsed: not the user. */
  if (tag == NULL || !gtk_tree_list_row_is_expandable (row))
    return;

  id = dossier_tag_get_id (tag);
  if (gtk_tree_list_row_get_expanded (row))
    g_hash_table_remove (self->collapsed, &id);
  else if (!g_hash_table_contains (self->collapsed, &id))
    g_hash_table_add (self->collapsed, id_dup (id));
  dossier_panel_update_rows (DOSSIER_PANEL (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  queue_refresh (DOSSIER_CODEBOOK_PANEL (widget));
}

/* ---- the rows' factory ------------------------------------------------------ */

/* Each row: a GtkTreeExpander (indent, the arrow, the level and the
 * expanded state) around the tag's row. */
static void
setup_row_cb (DossierCodebookPanel *self,
              GtkListItem          *item)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  /* The whole width, so that the counts and keys line up at the end. */
  gtk_widget_set_hexpand (expander, TRUE);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander),
                               g_object_new (DOSSIER_TYPE_TAG_ROW, "hexpand", TRUE, NULL));
  gtk_list_item_set_child (item, expander);
}

static void
bind_row_cb (DossierCodebookPanel *self,
             GtkListItem          *item)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(DossierTag) tag = row_tag (row);

  gtk_tree_expander_set_list_row (expander, row);
  dossier_row_set_item (DOSSIER_ROW (gtk_tree_expander_get_child (expander)), tag);
  /* GTK 4.8 binds a row again when it only moves. */
  g_signal_handlers_disconnect_by_func (row, list_row_expanded_cb, self);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (list_row_expanded_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
unbind_row_cb (DossierCodebookPanel *self,
               GtkListItem          *item)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkTreeListRow *row = gtk_tree_expander_get_list_row (expander);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, list_row_expanded_cb, self);
  gtk_tree_expander_set_list_row (expander, NULL);
  dossier_row_set_item (DOSSIER_ROW (gtk_tree_expander_get_child (expander)), NULL);
}

/* ---- selection ------------------------------------------------------------- */

static void
selection_changed_cb (DossierCodebookPanel *self)
{
  g_autoptr(DossierTag) tag = row_tag (gtk_single_selection_get_selected_item (self->selection));
  gint64 id = tag ? dossier_tag_get_id (tag) : 0;

  if (id != self->selected_tag_id)
    {
      self->selected_tag_id = id;
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TAG_ID]);
    }
  update_selected_key (self);
}

/* Shows @tag_id: expands every collapsed tag above it. */
static void
reveal_tag (DossierCodebookPanel *self,
            gint64                tag_id)
{
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gint64 id = tree_parent (self, tag_id); id != 0 && chain->len <= DOSSIER_TAG_MAX_DEPTH;
       id = tree_parent (self, id))
    g_array_prepend_val (chain, id);
  for (guint i = 0; i < chain->len; i++)
    set_expanded (self, g_array_index (chain, gint64, i), TRUE);
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
      g_autoptr(GtkTreeListRow) row = NULL;

      reveal_tag (self, tag_id);
      row = tree_row_of (self, tag_id);
      if (row != NULL)
        position = gtk_tree_list_row_get_position (row);
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

/* ---- keyboard: moving about the tree ------------------------------------------ */

/* The list item (what takes the focus) around the row of @tag_id, if made. */
static GtkWidget *
focus_target (DossierCodebookPanel *self,
              gint64                tag_id)
{
  DossierTag *tag = PROJECT (self) ? dossier_project_get_tag (PROJECT (self), tag_id) : NULL;
  GtkWidget *widget = tag ? GTK_WIDGET (dossier_panel_find_row (DOSSIER_PANEL (self), tag)) : NULL;

  while (widget != NULL && gtk_widget_get_parent (widget) != GTK_WIDGET (self->list_view))
    widget = gtk_widget_get_parent (widget);

  return widget;
}

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (data);
  GtkWidget *target = focus_target (self, self->focus_tag_id);

  self->focus_tick = 0;
  if (target != NULL)
    gtk_widget_grab_focus (target);

  return G_SOURCE_REMOVE;
}

/* Selects @tag_id and moves the keyboard focus to its row (once the list
 * has made it, if it scrolled). */
static void
select_and_focus (DossierCodebookPanel *self,
                  gint64                tag_id)
{
  GtkWidget *target;

  dossier_codebook_panel_set_selected_tag_id (self, tag_id);
  if (self->selected_tag_id != tag_id)
    return;

  target = focus_target (self, tag_id);
  if (target != NULL)
    {
      gtk_widget_grab_focus (target);
      return;
    }

  self->focus_tag_id = tag_id;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), focus_tick_cb, self, NULL);
}

/* The list takes the focus on the selected tag's row if it is made, else
 * where the list last had it (its first row at first). */
void
dossier_codebook_panel_focus_list (DossierCodebookPanel *self)
{
  GtkWidget *target;

  g_return_if_fail (DOSSIER_IS_CODEBOOK_PANEL (self));

  target = focus_target (self, self->selected_tag_id);
  if (target == NULL || !gtk_widget_grab_focus (target))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Right opens a collapsed tag, or goes to the first child of an open one;
 * Left closes an open tag, or goes to the parent; Shift+Left goes to the
 * parent (as in a file manager's tree). In the capture phase: the list
 * would otherwise take Left and Right as its own. */
static gboolean
tree_key_pressed_cb (DossierCodebookPanel  *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  gboolean forward, back;
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  g_autoptr(GtkTreeListRow) row = NULL;
  gint64 id = self->selected_tag_id;

  if (keyval == GDK_KEY_KP_Right)
    keyval = GDK_KEY_Right;
  else if (keyval == GDK_KEY_KP_Left)
    keyval = GDK_KEY_Left;
  forward = keyval == (rtl ? GDK_KEY_Left : GDK_KEY_Right);
  back = keyval == (rtl ? GDK_KEY_Right : GDK_KEY_Left);

  if ((!forward && !back) || id == 0 || (mods & ~GDK_SHIFT_MASK) != 0)
    return FALSE;

  row = tree_row_of (self, id);
  if (row == NULL)
    return FALSE;

  if (back && (mods & GDK_SHIFT_MASK) == 0 && gtk_tree_list_row_get_expanded (row))
    set_expanded (self, id, FALSE);
  else if (back && tree_parent (self, id) != 0)
    select_and_focus (self, tree_parent (self, id));
  else if (forward && (mods & GDK_SHIFT_MASK) == 0 && gtk_tree_list_row_is_expandable (row))
    {
      if (!gtk_tree_list_row_get_expanded (row))
        set_expanded (self, id, TRUE);
      else
        {
          g_autoptr(GtkTreeListRow) child = gtk_tree_list_row_get_child_row (row, 0);
          g_autoptr(DossierTag) tag = row_tag (child);

          if (tag != NULL)
            select_and_focus (self, dossier_tag_get_id (tag));
        }
    }

  /* Left and Right mean nothing else in the codebook. */
  return TRUE;
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

/* The list's item around @row (it draws the row's background). */
static GtkWidget *
item_widget (DossierCodebookPanel *self,
             GtkWidget            *row)
{
  while (row != NULL && gtk_widget_get_parent (row) != GTK_WIDGET (self->list_view))
    row = gtk_widget_get_parent (row);

  return row;
}

static void
clear_drop_classes (DossierCodebookPanel *self)
{
  GtkWidget *item = item_widget (self, self->drop_row);

  if (item != NULL)
    {
      gtk_widget_remove_css_class (item, "drop-before");
      gtk_widget_remove_css_class (item, "drop-into");
      gtk_widget_remove_css_class (item, "drop-after");
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
  gtk_widget_add_css_class (item_widget (self, GTK_WIDGET (row)),
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

/* The menu's tag: its row's tooltip (the tag's description) stays off
 * the menu while it is open. */
static void
hold_row_tooltip (DossierCodebookPanel *self)
{
  DossierTag *tag = selected_tag (self);
  GtkWidget *row = tag ? GTK_WIDGET (dossier_panel_find_row (DOSSIER_PANEL (self), tag)) : NULL;

  g_set_weak_pointer (&self->menu_row, row);
  if (row != NULL && gtk_widget_get_has_tooltip (row))
    {
      gtk_widget_set_has_tooltip (row, FALSE);
      gtk_widget_trigger_tooltip_query (row);
    }
}

static void
context_menu_closed_cb (DossierCodebookPanel *self)
{
  if (self->menu_row != NULL)
    gtk_widget_set_has_tooltip (self->menu_row, gtk_widget_get_tooltip_text (self->menu_row) != NULL);
  g_clear_weak_pointer (&self->menu_row);
}

static void
popup_menu_at (DossierCodebookPanel *self,
               GtkWidget            *widget,
               double                x,
               double                y)
{
  double px = x, py = y;

  hold_row_tooltip (self);

  if (widget != NULL)
    gtk_widget_translate_coordinates (widget, GTK_WIDGET (self), x, y, &px, &py);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) px, (int) py, 1, 1 });
  /* And what is under the pointer: the count's tooltip, the key's. */
  if (widget != NULL)
    dossier_hold_tooltip_under (GTK_POPOVER (self->context_menu), widget, x, y);
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
  char                 *too_long;    /* the message for a name over the limit */
} NameRequest;

static void
name_request_free (gpointer data)
{
  NameRequest *request = data;

  g_object_unref (request->self);
  g_free (request->too_long);
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
  if (g_utf8_strlen (name, -1) > DOSSIER_TAG_MAX_NAME)
    {
      if (request->too_long == NULL)
        request->too_long = g_strdup_printf (_("A tag name can be at most %d characters long."),
                                             DOSSIER_TAG_MAX_NAME);
      return request->too_long;
    }
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
                                    !add && tag != NULL ? dossier_tag_get_name (tag) : NULL,
                                    DOSSIER_TAG_MAX_NAME);
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
  g_autoptr(GPtrArray) citing = NULL;
  guint n_deleted = 0;

  if (tag == NULL)
    return;

  name = g_strdup (dossier_tag_get_name (tag));
  /* Read before the highlights that go with it are gone. */
  citing = dossier_project_get_briefings_citing_tag (PROJECT (self), dossier_tag_get_id (tag));
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
  /* Notes that cited those highlights now cite what cannot be verified. */
  if (n_deleted > 0 && citing->len > 0)
    {
      g_autofree char *deleted = g_steal_pointer (&message);

      if (n_deleted == 1)
        message = g_strdup_printf (ngettext ("%s; %u briefing note cited it",
                                             "%s; %u briefing notes cited it", citing->len),
                                   deleted, citing->len);
      else
        message = g_strdup_printf (ngettext ("%s; %u briefing note cited them",
                                             "%s; %u briefing notes cited them", citing->len),
                                   deleted, citing->len);
    }
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
    {
      set_expanded (self, self->selected_tag_id, g_str_equal (action_name, "codebook.expand"));
      dossier_panel_update_rows (DOSSIER_PANEL (self));
    }
}

/* ---- project ----------------------------------------------------------------- */

static void
tags_changed_cb (DossierCodebookPanel *self,
                 guint                 position,
                 guint                 removed,
                 guint                 added,
                 GListModel           *model)
{
  rebuild (self);
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
  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  if (project != NULL)
    {
      self->tags = g_object_ref (dossier_project_get_tags (project));
      g_signal_connect_object (self->tags, "items-changed", G_CALLBACK (tags_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  rebuild (self);

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
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick);
  self->focus_tick = 0;
  if (self->tags != NULL)
    g_signal_handlers_disconnect_by_data (self->tags, self);
  g_clear_weak_pointer (&self->drag_row);
  g_clear_weak_pointer (&self->drop_row);
  g_clear_weak_pointer (&self->menu_row);
  unwatch_tags (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_CODEBOOK_PANEL);

  if (self->tree != NULL)
    g_signal_handlers_disconnect_by_data (self->tree, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->roots);
  g_clear_object (&self->tags);

  G_OBJECT_CLASS (dossier_codebook_panel_parent_class)->dispose (object);
}

static void
dossier_codebook_panel_finalize (GObject *object)
{
  DossierCodebookPanel *self = DOSSIER_CODEBOOK_PANEL (object);

  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->families, g_hash_table_unref);
  g_clear_pointer (&self->parent_of, g_hash_table_unref);
  g_clear_pointer (&self->watched, g_hash_table_unref);

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
  gtk_widget_class_bind_template_callback (widget_class, tree_key_pressed_cb);

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
  /* From the rows: a tag that moved in place, or changed keys. */
  gtk_widget_class_install_action (widget_class, "codebook.refresh", NULL, refresh_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "codebook.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "codebook.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "codebook.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "codebook.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "codebook.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "codebook.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "codebook.move-down", NULL);
  /* As GtkTreeExpander's own keys (which GTK 4.8 gives only to a focused
   * expander, not the list item that has the focus). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "codebook.expand", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "codebook.expand", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_asterisk, 0, "codebook.expand", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Multiply, 0, "codebook.expand", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "codebook.collapse", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "codebook.collapse", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_slash, 0, "codebook.collapse", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Divide, 0, "codebook.collapse", NULL);
  /* Escape goes back from one tag's highlights to the document's. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "codebook.unselect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "codebook.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "codebook.context-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "codebook");
}

static void
dossier_codebook_panel_init (DossierCodebookPanel *self)
{
  GtkListItemFactory *factory;

  self->collapsed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->families = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->parent_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->selected_tag_key = DOSSIER_TAG_KEY_AUTO;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "dossier-codebook");

  self->roots = g_list_store_new (DOSSIER_TYPE_TAG);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->roots)), FALSE, TRUE,
                                        create_family, self, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* After the selection, which must see the rows made before they close. */
  g_signal_connect_object (self->tree, "items-changed", G_CALLBACK (tree_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->context_menu, "closed", G_CALLBACK (context_menu_closed_cb), self,
                           G_CONNECT_SWAPPED);

  refresh (self);
}

GtkWidget *
dossier_codebook_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_CODEBOOK_PANEL, NULL);
}
