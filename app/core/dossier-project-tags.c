/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-tags.c — the codebook: a tree of tags, its list model
 * (in tree order), and the actions on it.
 */

#include "config.h"

#include "dossier-project-private.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-text.h>
#include <dossier/dossier-briefing.h>

/* Distinguishable, pleasant colours, light and dark enough to paint text
 * with; new tags take the least used one, in this order. */
const char * const dossier_palette[DOSSIER_PALETTE_SIZE] = {
  "#3584e4",  /* blue */
  "#e66100",  /* orange */
  "#2ec27e",  /* green */
  "#c061cb",  /* purple */
  "#f5c211",  /* yellow */
  "#e01b24",  /* red */
  "#14a3a3",  /* teal */
  "#986a44",  /* brown */
  "#7b61ff",  /* violet */
  "#8cc63f",  /* lime */
  "#e64ca0",  /* pink */
  "#4dabf7",  /* sky */
};

/* The name and description as the codebook shows them: a file from
 * elsewhere may hold 10 MB of each, which opening copied into the tag, its
 * path and its sub-tags' paths (seconds). The exports read their own. */
#define TAG_COLUMNS \
  "t.id, t.uuid, " DOSSIER_SQL_SHOWN_ROW ("tags", "t", "name", DOSSIER_SHOWN_CHARS) ", " \
  "coalesce (t.parent, 0), t.color, " \
  DOSSIER_SQL_SHOWN_ROW ("tags", "t", "description", DOSSIER_TEXT_MAX_FREE) ", t.position, t.shortcut"

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  gint64  parent;
  char   *color;
  char   *description;
  int     position;
  int     key;
  guint   n_highlights;
  gboolean placed;
  char   *path;          /* once placed */
} TagRow;

static void
tag_row_clear (gpointer data)
{
  TagRow *row = data;

  g_free (row->uuid);
  g_free (row->name);
  g_free (row->color);
  g_free (row->description);
  g_free (row->path);
}

/* What stands in for a colour a file got wrong: a neutral grey. */
#define FALLBACK_COLOR "#9a9996"

static void
read_tag_row (sqlite3_stmt *stmt,
              TagRow       *row)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->uuid = dossier_column_dup (stmt, 1);
  row->name = dossier_column_dup (stmt, 2);
  row->parent = sqlite3_column_int64 (stmt, 3);
  row->color = dossier_column_dup (stmt, 4);
  row->description = dossier_column_dup (stmt, 5);
  row->position = dossier_column_int_within (stmt, 6, 0, G_MAXINT);
  /* Out of range reads as none of the keys 1–9, and then as automatic. */
  row->key = sqlite3_column_type (stmt, 7) == SQLITE_NULL
             ? DOSSIER_TAG_KEY_AUTO
             : dossier_column_int_within (stmt, 7, DOSSIER_TAG_KEY_AUTO - 1,
                                          DOSSIER_N_TAG_KEYS + 1);
  row->n_highlights = 0;
  row->placed = FALSE;
  row->path = NULL;

  /* A file may hold anything: what is drawn and listed must still make
   * sense ("check" reports the row). */
  if (row->name == NULL)
    row->name = g_strdup ("");
  if (!dossier_color_is_hex (row->color))
    {
      g_free (row->color);
      row->color = g_strdup (FALLBACK_COLOR);
    }
  if (row->key < DOSSIER_TAG_KEY_AUTO || row->key > DOSSIER_N_TAG_KEYS)
    row->key = DOSSIER_TAG_KEY_AUTO;
}

/* A tag's highlights are counted where they can be opened: a file made by
 * hand may keep a highlight (or its tag's row) whose document it deleted. */
#define COUNTED_HIGHLIGHT \
  "EXISTS (SELECT 1 FROM highlights h WHERE h.id = highlight AND " \
  DOSSIER_SQL_DOCUMENT_EXISTS ("h.document") ")"

static guint
count_highlights (DossierProject *self,
                  gint64          tag_id)
{
  g_auto(DossierStmt) stmt = NULL;

  stmt = dossier_project_prepare (self, "SELECT count(*) FROM highlight_tags WHERE tag = ?1 AND " COUNTED_HIGHLIGHT,
                                  NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, tag_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* Every tag's count in one pass over the index (a query per tag costs
 * more as soon as there are more than a few tags). Links whose highlight
 * or document a damaged file lost are not counted, as in
 * count_highlights(). */
static gboolean
count_all_highlights (DossierProject  *self,
                      GHashTable      *counts,
                      GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  /* The same condition as COUNTED_HIGHLIGHT, written as joins: a link
   * costs one seek of its highlight and one of its document, 11 virtual
   * machine steps, where the two correlated subqueries took 27 (a count
   * with no check takes 7) and three times the CPU. Both joins are on
   * primary keys, so a link is counted at most once. */
  stmt = dossier_project_prepare (self,
                                  "SELECT ht.tag, count(*) FROM highlight_tags ht "
                                  "JOIN highlights h ON h.id = ht.highlight "
                                  "JOIN documents d ON d.id = h.document "
                                  "GROUP BY ht.tag",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 tag_id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (counts, g_memdup2 (&tag_id, sizeof tag_id),
                           GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
    }

  return rc == SQLITE_DONE;
}

typedef struct
{
  DossierProject *self;
  GArray         *rows;       /* TagRow, by parent, position, id */
  GHashTable     *children;   /* gint64 parent → index + 1 of its next unplaced child */
  GPtrArray      *items;      /* DossierTag, in tree order */
} TreeWalk;

/* Makes (or updates) the tag of row @index at @depth under @parent_path. */
static void
place_tag (TreeWalk   *walk,
           guint       index,
           guint       depth,
           const char *parent_path)
{
  TagRow *row = &g_array_index (walk->rows, TagRow, index);
  DossierTag *tag;
  DossierTagData data;

  g_assert (!row->placed);
  row->placed = TRUE;
  row->path = parent_path != NULL ? g_strconcat (parent_path, "/", row->name, NULL)
                                  : g_strdup (row->name);
  data = (DossierTagData) {
    row->uuid, row->name, row->parent, row->color, row->description,
    row->position, depth, row->path, row->n_highlights, row->key,
  };

  tag = g_hash_table_lookup (walk->self->tags_by_id, &row->id);
  if (tag != NULL)
    {
      dossier_tag_update (tag, &data);
    }
  else
    {
      tag = dossier_tag_new (row->id, &data);
      g_hash_table_insert (walk->self->tags_by_id, g_memdup2 (&row->id, sizeof row->id), tag);
    }
  g_ptr_array_add (walk->items, g_object_ref (tag));
}

/* The row of @parent_id's next child not yet placed, or G_MAXUINT.
 * Siblings are consecutive rows (the query orders by parent); the walk
 * remembers how far it got in each family, so that every row is looked
 * at a bounded number of times. */
static guint
next_child (TreeWalk *walk,
            gint64    parent_id)
{
  gpointer next = NULL;
  guint i;

  /* Parent 0 is the top level (NULL reads as 0): a tag whose id is 0 —
   * SQLite takes one, a hostile or damaged file can hold it — has no
   * children, or it would adopt every top-level tag before the walk
   * places them at the top. */
  if (parent_id == 0 ||
      !g_hash_table_lookup_extended (walk->children, &parent_id, NULL, &next))
    return G_MAXUINT;

  for (i = GPOINTER_TO_UINT (next) - 1; i < walk->rows->len; i++)
    {
      TagRow *row = &g_array_index (walk->rows, TagRow, i);

      if (row->parent != parent_id)
        break;
      if (!row->placed)
        {
          g_hash_table_insert (walk->children, g_memdup2 (&parent_id, sizeof parent_id),
                               GUINT_TO_POINTER (i + 2));
          return i;
        }
    }

  g_hash_table_remove (walk->children, &parent_id);
  return G_MAXUINT;
}

/* Places @root and its subtree depth first, by position — without
 * recursion, however deep a file's tree is, and no deeper than
 * DOSSIER_TAG_MAX_DEPTH levels: what lies below is left unplaced. */
static void
place_subtree (TreeWalk *walk,
               guint     root,
               GArray   *stack)
{
  place_tag (walk, root, 0, NULL);
  g_array_set_size (stack, 0);
  g_array_append_val (stack, root);

  while (stack->len > 0)
    {
      TagRow *parent = &g_array_index (walk->rows, TagRow,
                                       g_array_index (stack, guint, stack->len - 1));
      guint child = G_MAXUINT;

      if (stack->len < DOSSIER_TAG_MAX_DEPTH)
        child = next_child (walk, parent->id);

      if (child == G_MAXUINT)
        {
          g_array_set_size (stack, stack->len - 1);
          continue;
        }

      place_tag (walk, child, stack->len, parent->path);
      g_array_append_val (stack, child);
    }
}

/* @recount: the tags whose counts may have changed; NULL = all. Other
 * tags keep the count they have (a rename or a move changes none, and
 * counting every tag is a walk over every highlight). */
gboolean
dossier_project_load_tags (DossierProject  *self,
                           GHashTable      *recount,
                           GError         **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (TagRow));
  g_autoptr(GHashTable) children = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(DossierStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  TreeWalk walk;
  int rc;

  g_array_set_clear_func (rows, tag_row_clear);
  children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  stmt = dossier_project_prepare (self,
                                  "SELECT " TAG_COLUMNS " FROM tags t "
                                  "ORDER BY coalesce (t.parent, 0), t.position, t.id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      TagRow row;
      guint index = rows->len;

      read_tag_row (stmt, &row);
      {
        DossierTag *known = g_hash_table_lookup (self->tags_by_id, &row.id);

        if (known != NULL && recount != NULL && !g_hash_table_contains (recount, &row.id))
          row.n_highlights = dossier_tag_get_n_highlights (known);
        else
          row.n_highlights = G_MAXUINT;  /* counted below, once the rows are read */
      }
      g_array_append_val (rows, row);

      /* Where each family of siblings starts. */
      if (!g_hash_table_contains (children, &row.parent))
        g_hash_table_insert (children, g_memdup2 (&row.parent, sizeof row.parent),
                             GUINT_TO_POINTER (index + 1));
    }

  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  if (recount == NULL)
    {
      counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      if (!count_all_highlights (self, counts, error))
        return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      TagRow *row = &g_array_index (rows, TagRow, i);

      if (row->n_highlights != G_MAXUINT)
        continue;
      if (counts != NULL)
        row->n_highlights = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &row->id));
      else
        row->n_highlights = count_highlights (self, row->id);
    }

  walk = (TreeWalk) { self, rows, children, items };
  for (guint i = 0; i < rows->len && g_array_index (rows, TagRow, i).parent == 0; i++)
    place_subtree (&walk, i, stack);

  /* What no path from the top reaches within DOSSIER_TAG_MAX_DEPTH levels
   * — only a damaged or hostile file has any: a cycle, a missing parent, a
   * chain too deep — is still listed, at the end and flat, so that it can
   * be moved back into the tree; dossier_project_check() reports it. */
  for (guint i = 0; i < rows->len; i++)
    if (!g_array_index (rows, TagRow, i).placed)
      place_tag (&walk, i, 0, NULL);

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (seen, &g_array_index (rows, TagRow, i).id);

  dossier_list_store_reconcile_moves (self->tags, items, NULL);

  g_hash_table_iter_init (&iter, self->tags_by_id);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      g_hash_table_iter_remove (&iter);

  return TRUE;
}

/* A tag's own fields and count changed, not its place in the tree. */
void
dossier_project_sync_tag (DossierProject *self,
                          gint64          tag_id)
{
  g_auto(DossierStmt) stmt = NULL;
  DossierTag *tag = g_hash_table_lookup (self->tags_by_id, &tag_id);
  TagRow row = { 0 };

  if (tag == NULL)
    {
      dossier_project_load_tags (self, NULL, NULL);
      return;
    }

  stmt = dossier_project_prepare (self, "SELECT " TAG_COLUMNS " FROM tags t WHERE t.id = ?1",
                                  NULL);
  if (stmt == NULL)
    return;

  sqlite3_bind_int64 (stmt, 1, tag_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      dossier_project_load_tags (self, NULL, NULL);
      return;
    }

  read_tag_row (stmt, &row);
  sqlite3_reset (stmt);
  row.n_highlights = count_highlights (self, tag_id);
  {
    DossierTagData data = {
      row.uuid, row.name, row.parent, row.color, row.description, row.position,
      dossier_tag_get_depth (tag), dossier_tag_get_path (tag), row.n_highlights, row.key,
    };

    dossier_tag_update (tag, &data);
  }
  tag_row_clear (&row);
}

/* Tags whose row or count changed are read again; the tree is read again
 * whole if it changed (recounting only those). */
void
dossier_project_apply_tags (DossierProject       *self,
                            const DossierChanges *changes)
{
  GHashTable *touched = dossier_changes_get_rows (changes, "tags");

  if (dossier_changes_get_reload (changes, "tags"))
    {
      g_autoptr(GHashTable) none = NULL;

      if (touched == NULL)
        touched = none = g_hash_table_new (g_int64_hash, g_int64_equal);
      dossier_project_load_tags (self, touched, NULL);
    }
  else
    {
      g_autoptr(GArray) ids = dossier_changes_get_sorted (changes, "tags");

      for (guint i = 0; i < ids->len; i++)
        dossier_project_sync_tag (self, g_array_index (ids, gint64, i));
    }
}

GListModel *
dossier_project_get_tags (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->tags);
}

DossierTag *
dossier_project_get_tag (DossierProject *self,
                         gint64          tag_id)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return g_hash_table_lookup (self->tags_by_id, &tag_id);
}

gboolean
dossier_project_tag_is_within (DossierProject *self,
                               gint64          tag_id,
                               gint64          ancestor_id)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  /* The tree has no cycles (moves refuse them); the bound guards a
   * damaged file all the same. */
  for (guint depth = 0; tag_id != 0 && depth < 1000; depth++)
    {
      DossierTag *tag;

      if (tag_id == ancestor_id)
        return TRUE;
      tag = dossier_project_get_tag (self, tag_id);
      if (tag == NULL)
        return FALSE;
      tag_id = dossier_tag_get_parent_id (tag);
    }

  return FALSE;
}

/* "“Risks/Cost” (tag 3), “Benefits/Cost” (tag 6)", and whether two
 * of them share a path. */
static char *
list_tags (GPtrArray *tags,
           gboolean  *same_path)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);

  *same_path = FALSE;
  for (guint i = 0; i < tags->len; i++)
    {
      DossierTag *tag = g_ptr_array_index (tags, i);
      const char *path = dossier_tag_get_path (tag);

      if (!g_hash_table_add (paths, (gpointer) path))
        *same_path = TRUE;
      if (i > 0)
        g_string_append (list, ", ");
      /* TRANSLATORS: a tag's path in the codebook and its id */
      g_string_append_printf (list, _("“%s” (tag %" PRId64 ")"),
                              path, dossier_tag_get_id (tag));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

char *
dossier_project_list_tags_named (DossierProject *self,
                                 gint64          parent_id,
                                 const char     *name)
{
  g_autoptr(GPtrArray) named = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GListModel *tags = G_LIST_MODEL (self->tags);
  gboolean same_path;

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      DossierTag *tag = g_list_model_get_item (tags, i);
      g_autofree char *other = g_utf8_casefold (dossier_tag_get_name (tag), -1);

      if (dossier_tag_get_parent_id (tag) == parent_id && g_str_equal (other, folded))
        g_ptr_array_add (named, tag);
      else
        g_object_unref (tag);
    }

  return list_tags (named, &same_path);
}

DossierTag *
dossier_project_lookup_tag (DossierProject  *self,
                            const char      *name_or_path,
                            GError         **error)
{
  enum { BY_PATH, BY_NAME, BY_FOLDED, N_WAYS };
  g_autoptr(GPtrArray) by_path = g_ptr_array_new ();
  g_autoptr(GPtrArray) by_name = g_ptr_array_new ();
  g_autoptr(GPtrArray) by_folded = g_ptr_array_new ();
  GPtrArray *found[N_WAYS] = { by_path, by_name, by_folded };
  g_autofree char *folded = NULL;
  GListModel *tags;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name_or_path != NULL, NULL);

  tags = G_LIST_MODEL (self->tags);
  n = g_list_model_get_n_items (tags);
  folded = g_utf8_casefold (name_or_path, -1);

  /* The model holds each tag: the pointers outlive the loop. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);
      g_autofree char *path = g_utf8_casefold (dossier_tag_get_path (tag), -1);
      g_autofree char *name = g_utf8_casefold (dossier_tag_get_name (tag), -1);

      if (g_strcmp0 (dossier_tag_get_path (tag), name_or_path) == 0)
        g_ptr_array_add (found[BY_PATH], tag);
      else if (g_strcmp0 (dossier_tag_get_name (tag), name_or_path) == 0)
        g_ptr_array_add (found[BY_NAME], tag);
      else if (g_strcmp0 (path, folded) == 0 || g_strcmp0 (name, folded) == 0)
        g_ptr_array_add (found[BY_FOLDED], tag);
    }

  /* An exact path wins, then an exact name, then the same ignoring case;
   * where one way fits several tags, the user must say which. */
  for (guint w = 0; w < N_WAYS; w++)
    {
      g_autofree char *list = NULL;
      gboolean same_path;

      if (found[w]->len == 1)
        return g_ptr_array_index (found[w], 0);
      if (found[w]->len == 0)
        continue;

      list = list_tags (found[w], &same_path);
      if (same_path)
        g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_AMBIGUOUS,
                     _("“%s” could be any of %u tags: %s. Tags of one name in one place cannot "
                       "be told apart: rename one of them in Dossier’s codebook, then try "
                       "again."),
                     name_or_path, found[w]->len, list);
      else
        g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_AMBIGUOUS,
                     _("“%s” could be any of %u tags: %s. Give the path of the one you mean."),
                     name_or_path, found[w]->len, list);
      return NULL;
    }

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
               _("There is no tag “%s”."), name_or_path);
  return NULL;
}

DossierTag *
dossier_project_find_tag (DossierProject *self,
                          const char     *name_or_path)
{
  return dossier_project_lookup_tag (self, name_or_path, NULL);
}

/* ---- Validation ---------------------------------------------------------- */

/* Returns the cleaned name, or NULL with @error set. */
static char *
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *cleaned = NULL;

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    {
      stripped = g_strstrip (g_utf8_normalize (name, -1, G_NORMALIZE_NFC));
      /* Controls typed or pasted go (a tab becomes a space). */
      cleaned = g_strstrip (dossier_text_without_controls (stripped, FALSE));
    }
  /* Nothing, not text, or only spaces and controls. */
  if (cleaned == NULL || cleaned[0] == '\0')
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A tag needs a name."));
      return NULL;
    }

  /* Before the name is quoted in a message below. */
  if (g_utf8_strlen (cleaned, -1) > DOSSIER_TAG_MAX_NAME)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A tag name can be at most %d characters long."), DOSSIER_TAG_MAX_NAME);
      return NULL;
    }

  /* "/" separates a tag from its parent in paths ("Risks/Cost"). */
  if (strchr (stripped, '/') != NULL || strchr (stripped, '\n') != NULL)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A tag name cannot contain “/” or a line break: “%s”."), stripped);
      return NULL;
    }

  return g_steal_pointer (&cleaned);
}

static void
bind_parent (sqlite3_stmt *stmt,
             int           index,
             gint64        parent_id)
{
  if (parent_id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, parent_id);
}

/* The child of @parent_id (0: the top level), other than @except_id,
 * whose name is @name ignoring case: its id in *@child_id (0 if none)
 * and, if @child_name is not NULL, its name as stored. */
static gboolean
find_child_named (DossierProject  *self,
                  gint64           parent_id,
                  const char      *name,
                  gint64           except_id,
                  gint64          *child_id,
                  char           **child_name,
                  GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *folded = g_utf8_casefold (name, -1);
  int rc;

  *child_id = 0;
  stmt = dossier_project_prepare (self, "SELECT id, name FROM tags WHERE parent IS ?1", error);
  if (stmt == NULL)
    return FALSE;

  bind_parent (stmt, 1, parent_id);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      /* A name a file holds as NULL is "", as the model reads it. */
      const char *stored = dossier_column_text (stmt, 1);
      g_autofree char *other = g_utf8_casefold (stored != NULL ? stored : "", -1);

      if (sqlite3_column_int64 (stmt, 0) != except_id && g_strcmp0 (other, folded) == 0)
        {
          *child_id = sqlite3_column_int64 (stmt, 0);
          if (child_name != NULL)
            *child_name = g_strdup (stored != NULL ? stored : "");
          return TRUE;
        }
    }

  return rc == SQLITE_DONE;
}

/* Sibling names are unique, ignoring case. */
static gboolean
check_unique_name (DossierProject  *self,
                   gint64           parent_id,
                   const char      *name,
                   gint64           except_id,
                   GError         **error)
{
  g_autofree char *other = NULL;
  gint64 other_id;

  if (!find_child_named (self, parent_id, name, except_id, &other_id, &other, error))
    return FALSE;
  if (other_id == 0)
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS,
               _("There is already a tag named “%s” there."), other);
  return FALSE;
}

static gboolean
get_parent (DossierProject  *self,
            gint64           tag_id,
            gint64          *parent_id,
            GError         **error)
{
  return dossier_project_read_row_int (self, DOSSIER_ROW_TAG,
                                       "SELECT coalesce (parent, 0) FROM tags WHERE id = ?1",
                                       tag_id, parent_id, error);
}

/* TRUE if @tag_id is @ancestor_id or lies under it. */
static gboolean
is_within (DossierProject  *self,
           gint64           tag_id,
           gint64           ancestor_id,
           gboolean        *within,
           GError         **error)
{
  guint guard = 0;

  *within = FALSE;
  while (tag_id != 0 && guard++ < 100000)
    {
      if (tag_id == ancestor_id)
        {
          *within = TRUE;
          return TRUE;
        }
      if (!get_parent (self, tag_id, &tag_id, error))
        return FALSE;
    }

  return TRUE;
}

/* Whether @tag_id (0: a new tag, with nothing under it) may sit under
 * @parent_id (0: the top level): the codebook nests at most
 * DOSSIER_TAG_MAX_DEPTH levels, counting the tags already under it, and
 * the loader lists anything deeper flat at the end — so nothing may make
 * it deeper. */
static gboolean
check_depth (DossierProject  *self,
             gint64           tag_id,
             gint64           parent_id,
             const char      *name,
             GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  gint64 level = 0;
  gint64 height = 0;

  for (gint64 id = parent_id; id != 0 && level <= DOSSIER_TAG_MAX_DEPTH; level++)
    if (!get_parent (self, id, &id, error))
      return FALSE;

  if (tag_id != 0)
    {
      int rc;

      /* As it will be: a cycle through the tag (in a crafted file) is
       * broken by the move; bounded, whatever else the parents say. */
      stmt = dossier_project_prepare (self,
                                      "WITH RECURSIVE below (id, depth) AS ("
                                      "  SELECT ?1, 0"
                                      "  UNION ALL SELECT tags.id, below.depth + 1"
                                      "  FROM tags JOIN below ON tags.parent = below.id"
                                      "  WHERE below.depth < ?2 AND tags.id != ?1) "
                                      "SELECT max (depth) FROM below",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, tag_id);
      sqlite3_bind_int (stmt, 2, DOSSIER_TAG_MAX_DEPTH);
      rc = dossier_project_step (self, stmt, error);
      if (rc != SQLITE_ROW)
        return FALSE;
      height = sqlite3_column_int64 (stmt, 0);
    }

  if (level + height >= DOSSIER_TAG_MAX_DEPTH)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("“%s” cannot go there: tags nest at most %d levels deep."),
                   name, DOSSIER_TAG_MAX_DEPTH);
      return FALSE;
    }
  return TRUE;
}

static const char *
tag_name (DossierProject *self,
          gint64          tag_id)
{
  DossierTag *tag = g_hash_table_lookup (self->tags_by_id, &tag_id);

  return tag != NULL ? dossier_tag_get_name (tag) : "";
}

static GArray *
children_of (DossierProject  *self,
             gint64           parent_id,
             GError         **error)
{
  /* A top-level tag's parent is NULL; nullif keeps the index on parent. */
  return dossier_project_read_ids (self,
                                   "SELECT id FROM tags WHERE parent IS nullif (?1, 0) "
                                   "ORDER BY position, id",
                                   parent_id, NULL, error);
}

/* Writes @ids as the children of @parent_id in that order, touching only
 * the rows whose parent or position really changes (small undo steps). */
static gboolean
set_children (DossierProject  *self,
              gint64           parent_id,
              GArray          *ids,
              GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;

  stmt = dossier_project_prepare (self,
                                  "UPDATE tags SET parent = ?2, position = ?3 "
                                  "WHERE id = ?1 AND (parent IS NOT ?2 OR position IS NOT ?3)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      bind_parent (stmt, 2, parent_id);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!dossier_project_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
renumber_children (DossierProject  *self,
                   gint64           parent_id,
                   GError         **error)
{
  g_autoptr(GArray) ids = children_of (self, parent_id, error);

  return ids != NULL && set_children (self, parent_id, ids, error);
}

gboolean
dossier_project_count_colors (DossierProject      *self,
                              const char          *sql,
                              DossierPaletteUses  *uses,
                              GError             **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  memset (uses, 0, sizeof *uses);
  stmt = dossier_project_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    for (guint i = 0; i < DOSSIER_PALETTE_SIZE; i++)
      if (g_strcmp0 (dossier_palette[i], dossier_column_text (stmt, 0)) == 0)
        uses->uses[i] = (guint) sqlite3_column_int64 (stmt, 1);

  return rc == SQLITE_DONE;
}

void
dossier_palette_uses_add (DossierPaletteUses *uses,
                          const char         *color)
{
  for (guint i = 0; color != NULL && i < DOSSIER_PALETTE_SIZE; i++)
    if (g_ascii_strcasecmp (dossier_palette[i], color) == 0)
      uses->uses[i]++;
}

const char *
dossier_palette_uses_take (DossierPaletteUses *uses)
{
  guint best = 0;

  for (guint i = 1; i < DOSSIER_PALETTE_SIZE; i++)
    if (uses->uses[i] < uses->uses[best])
      best = i;

  uses->uses[best]++;
  return dossier_palette[best];
}

char *
dossier_project_least_used_color (DossierProject  *self,
                                  const char      *sql,
                                  GError         **error)
{
  DossierPaletteUses uses;

  if (!dossier_project_count_colors (self, sql, &uses, error))
    return NULL;
  return g_strdup (dossier_palette_uses_take (&uses));
}

gboolean
dossier_project_count_tag_colors (DossierProject      *self,
                                  DossierPaletteUses  *uses,
                                  GError             **error)
{
  return dossier_project_count_colors (self, "SELECT lower (color), count(*) FROM tags GROUP BY 1", uses, error);
}

char *
dossier_project_next_tag_color (DossierProject  *self,
                                GError         **error)
{
  DossierPaletteUses uses;

  if (!dossier_project_count_tag_colors (self, &uses, error))
    return NULL;
  return g_strdup (dossier_palette_uses_take (&uses));
}

/* ---- Actions ------------------------------------------------------------ */

gint64
dossier_project_add_tag (DossierProject  *self,
                         const char      *name,
                         gint64           parent_id,
                         const char      *color,
                         const char      *description,
                         GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;
  g_autoptr(GArray) siblings = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_color = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  if (!dossier_project_ensure_open (self, error))
    return 0;

  clean_name = check_name (name, error);
  if (clean_name == NULL)
    return 0;

  if (color != NULL)
    {
      if (!dossier_check_color (color, error))
        return 0;
      clean_color = g_ascii_strdown (color, -1);
    }

  if (parent_id != 0 && !dossier_project_require_tag (self, parent_id, error))
    return 0;

  if (!check_depth (self, 0, parent_id, clean_name, error))
    return 0;

  if (!dossier_action_begin (&action, self, error))
    return 0;

  if (!check_unique_name (self, parent_id, clean_name, 0, error))
    return 0;

  if (clean_color == NULL && (clean_color = dossier_project_next_tag_color (self, error)) == NULL)
    return 0;

  siblings = children_of (self, parent_id, error);
  if (siblings == NULL)
    return 0;

  uuid = g_uuid_string_random ();
  stmt = dossier_project_prepare (self,
                                  "INSERT INTO tags (uuid, name, parent, color, description, position) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                  error);
  if (stmt == NULL)
    return 0;

  dossier_bind_text (stmt, 1, uuid);
  dossier_bind_text (stmt, 2, clean_name);
  bind_parent (stmt, 3, parent_id);
  dossier_bind_text (stmt, 4, clean_color);
  dossier_bind_text (stmt, 5, description != NULL ? description : "");
  sqlite3_bind_int (stmt, 6, (int) siblings->len);
  id = dossier_project_insert_new_row (self, DOSSIER_ROW_TAG, stmt, error);
  if (id == 0)
    return 0;
  dossier_project_touch_table (self, "tags");

  label = g_strdup_printf (_("New Tag “%s”"), clean_name);
  if (!dossier_action_commit (&action, label, error))
    return 0;

  return id;
}

gboolean
dossier_project_rename_tag (DossierProject  *self,
                            gint64           tag_id,
                            const char      *name,
                            GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *label = NULL;
  gint64 parent_id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !get_parent (self, tag_id, &parent_id, error))
    return FALSE;

  clean_name = check_name (name, error);
  if (clean_name == NULL)
    return FALSE;

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  if (!check_unique_name (self, parent_id, clean_name, tag_id, error))
    return FALSE;

  stmt = dossier_project_prepare (self, "UPDATE tags SET name = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  dossier_bind_text (stmt, 2, clean_name);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  /* The paths of its descendants change too. */
  dossier_project_touch_table (self, "tags");
  label = g_strdup_printf (_("Rename Tag “%s”"), clean_name);
  return dossier_action_commit (&action, label, error);
}

static const DossierTextColumn color_column = {
  "tags", "color", NULL, DOSSIER_TEXT_ONE_LINE, NULL, NULL,
};

static const DossierTextColumn description_column = {
  "tags", "description", NULL, DOSSIER_TEXT_FLAGS_NONE, NULL, NULL, DOSSIER_TEXT_MAX_FREE,
};

gboolean
dossier_project_set_tag_color (DossierProject  *self,
                               gint64           tag_id,
                               const char      *color,
                               GError         **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_tag (self, tag_id, error) ||
      !dossier_check_color (color, error))
    return FALSE;

  lower = g_ascii_strdown (color, -1);
  label = g_strdup_printf (_("Change Colour of “%s”"), tag_name (self, tag_id));
  return dossier_project_set_text (self, &color_column, tag_id, lower, label, error);
}

gboolean
dossier_project_set_tag_description (DossierProject  *self,
                                     gint64           tag_id,
                                     const char      *description,
                                     GError         **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_tag (self, tag_id, error))
    return FALSE;

  label = g_strdup_printf (_("Describe “%s”"), tag_name (self, tag_id));
  return dossier_project_set_text (self, &description_column, tag_id, description, label,
                                   error);
}

gboolean
dossier_project_move_tag (DossierProject  *self,
                          gint64           tag_id,
                          gint64           parent_id,
                          int              position,
                          GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autoptr(GArray) new_siblings = NULL;
  g_autofree char *label = NULL;
  gint64 old_parent;
  gboolean within;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !get_parent (self, tag_id, &old_parent, error))
    return FALSE;

  if (parent_id != 0)
    {
      if (!dossier_project_require_tag (self, parent_id, error) ||
          !is_within (self, parent_id, tag_id, &within, error))
        return FALSE;

      if (within)
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                       _("“%s” cannot be moved under itself or one of its own sub-tags."),
                       tag_name (self, tag_id));
          return FALSE;
        }
    }

  if (parent_id != old_parent && !check_depth (self, tag_id, parent_id, tag_name (self, tag_id), error))
    return FALSE;

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  if (parent_id != old_parent &&
      !check_unique_name (self, parent_id, tag_name (self, tag_id), tag_id, error))
    return FALSE;

  new_siblings = children_of (self, parent_id, error);
  if (new_siblings == NULL)
    return FALSE;

  for (guint i = 0; i < new_siblings->len; i++)
    if (g_array_index (new_siblings, gint64, i) == tag_id)
      {
        g_array_remove_index (new_siblings, i);
        break;
      }

  if (position < 0 || (guint) position > new_siblings->len)
    position = (int) new_siblings->len;
  g_array_insert_val (new_siblings, position, tag_id);

  if (!set_children (self, parent_id, new_siblings, error))
    return FALSE;

  /* Close the gap it left. */
  if (parent_id != old_parent && !renumber_children (self, old_parent, error))
    return FALSE;

  dossier_project_touch_table (self, "tags");
  label = g_strdup_printf (_("Move Tag “%s”"), tag_name (self, tag_id));
  return dossier_action_commit (&action, label, error);
}

/* @tag_id (?1) and the tags below it, as the table "subtree". */
#define SUBTREE \
  "WITH RECURSIVE subtree (id) AS (" \
  "  SELECT ?1 UNION SELECT t.id FROM tags t JOIN subtree s ON t.parent = s.id) "

/* Documents whose highlights carry @tag_id (with @subtree, or a tag below
 * it): their highlights change. */
static gboolean
touch_tag_documents (DossierProject  *self,
                     gint64           tag_id,
                     gboolean         subtree,
                     GError         **error)
{
  return dossier_project_touch_selected (self, "highlights",
                                         subtree ?
                                         SUBTREE
                                         "SELECT DISTINCT h.document FROM highlight_tags ht "
                                         "JOIN highlights h ON h.id = ht.highlight "
                                         "WHERE ht.tag IN subtree" :
                                         "SELECT DISTINCT h.document FROM highlight_tags ht "
                                         "JOIN highlights h ON h.id = ht.highlight "
                                         "WHERE ht.tag = ?1",
                                         tag_id, error);
}

/* Moves @source's highlights and children to @target and deletes it. A
 * child named like one of @target's children is merged into it in turn,
 * so names stay unique among siblings. */
static gboolean
merge_into (DossierProject  *self,
            gint64           source_id,
            gint64           target_id,
            GError         **error)
{
  g_autoptr(GArray) children = NULL;

  children = children_of (self, source_id, error);
  if (children == NULL)
    return FALSE;

  for (guint i = 0; i < children->len; i++)
    {
      gint64 child = g_array_index (children, gint64, i);
      g_autofree char *name = NULL;
      gint64 twin;

      {
        g_auto(DossierStmt) name_stmt = dossier_project_prepare (self,
                                                                 "SELECT name FROM tags WHERE id = ?1",
                                                                 error);
        if (name_stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (name_stmt, 1, child);
        if (dossier_project_step (self, name_stmt, error) != SQLITE_ROW)
          return FALSE;
        name = dossier_column_dup (name_stmt, 0);
      }

      if (!find_child_named (self, target_id, name, 0, &twin, NULL, error))
        return FALSE;

      if (twin != 0)
        {
          if (!merge_into (self, child, twin, error))
            return FALSE;
        }
      else
        {
          g_autoptr(GArray) siblings = children_of (self, target_id, error);

          if (siblings == NULL)
            return FALSE;
          g_array_append_val (siblings, child);
          if (!set_children (self, target_id, siblings, error))
            return FALSE;
        }
    }

  if (!touch_tag_documents (self, source_id, FALSE, error))
    return FALSE;
  dossier_project_touch (self, "tags", target_id);

  if (!dossier_project_run_ids (self,
                                "DELETE FROM highlight_tags WHERE tag = ?1 AND highlight IN "
                                "(SELECT highlight FROM highlight_tags WHERE tag = ?2)",
                                source_id, target_id, error))
    return FALSE;

  if (!dossier_project_run_ids (self, "UPDATE highlight_tags SET tag = ?2 WHERE tag = ?1",
                                source_id, target_id, error))
    return FALSE;

  /* The key the user pinned the merged tag to stays with what it became,
   * unless that has a key of its own. */
  if (!dossier_project_run_ids (self,
                                "UPDATE tags SET shortcut = "
                                "  (SELECT shortcut FROM tags WHERE id = ?1 AND shortcut > 0) "
                                "WHERE id = ?2 AND shortcut IS NULL AND "
                                "  EXISTS (SELECT 1 FROM tags WHERE id = ?1 AND shortcut > 0)",
                                source_id, target_id, error))
    return FALSE;

  return dossier_project_run_ids (self, "DELETE FROM tags WHERE id = ?1", source_id, 0, error);
}

gboolean
dossier_project_merge_tags (DossierProject  *self,
                            gint64           source_id,
                            gint64           target_id,
                            GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autofree char *label = NULL;
  gint64 source_parent;
  gboolean within;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !get_parent (self, source_id, &source_parent, error) ||
      !dossier_project_require_tag (self, target_id, error) ||
      !is_within (self, target_id, source_id, &within, error))
    return FALSE;

  if (within)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   source_id == target_id ? _("A tag cannot be merged into itself.")
                                          : _("“%s” cannot be merged into one of its own sub-tags."),
                   tag_name (self, source_id));
      return FALSE;
    }

  label = g_strdup_printf (_("Merge “%s” into “%s”"),
                           tag_name (self, source_id), tag_name (self, target_id));

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  if (!merge_into (self, source_id, target_id, error) ||
      !renumber_children (self, source_parent, error))
    return FALSE;

  dossier_project_touch_table (self, "tags");
  return dossier_action_commit (&action, label, error);
}

/* The highlights that go with the subtree: those that carry no other tag
 * and are not evidence for a stakeholder or an argument. */
#define GOES_WITH_SUBTREE \
  "id IN (SELECT highlight FROM highlight_tags WHERE tag IN subtree) " \
  "AND NOT EXISTS (SELECT 1 FROM highlight_tags x " \
  "  WHERE x.highlight = highlights.id AND x.tag NOT IN subtree) " \
  "AND NOT EXISTS (SELECT 1 FROM stakeholder_evidence WHERE highlight = highlights.id) " \
  "AND NOT EXISTS (SELECT 1 FROM argument_evidence WHERE highlight = highlights.id)"

GPtrArray *
dossier_project_get_briefings_citing_tag (DossierProject *self,
                                          gint64          tag_id)
{
  return dossier_project_briefings_citing_query (self, SUBTREE "SELECT uuid FROM highlights WHERE "
                                                       GOES_WITH_SUBTREE, tag_id);
}

gboolean
dossier_project_delete_tag (DossierProject  *self,
                            gint64           tag_id,
                            GError         **error)
{
  return dossier_project_delete_tag_full (self, tag_id, NULL, error);
}

gboolean
dossier_project_delete_tag_full (DossierProject  *self,
                                 gint64           tag_id,
                                 guint           *n_deleted,
                                 GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  guint deleted;
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *label = NULL;
  gint64 parent_id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !get_parent (self, tag_id, &parent_id, error))
    return FALSE;

  label = g_strdup_printf (_("Delete Tag “%s”"), tag_name (self, tag_id));

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  if (!touch_tag_documents (self, tag_id, TRUE, error))
    return FALSE;

  /* Highlights that carry no other tag go, unless they are evidence; the
   * others keep their tags. */
  stmt = dossier_project_prepare (self, SUBTREE "DELETE FROM highlights WHERE " GOES_WITH_SUBTREE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;
  deleted = sqlite3_changes (self->db);
  sqlite3_reset (stmt);
  stmt = NULL;

  /* Its sub-tags and their highlight_tags rows cascade. */
  if (!dossier_project_run_ids (self, "DELETE FROM tags WHERE id = ?1", tag_id, 0, error))
    return FALSE;

  if (!renumber_children (self, parent_id, error))
    return FALSE;

  dossier_project_touch_table (self, "tags");
  if (!dossier_action_commit (&action, label, error))
    return FALSE;
  if (n_deleted != NULL)
    *n_deleted = deleted;
  return TRUE;
}

/* ---- Number keys ------------------------------------------------------------ */

void
dossier_project_get_key_tags (DossierProject *self,
                              gint64          tag_ids[DOSSIER_N_TAG_KEYS])
{
  GListModel *tags;
  guint n, next = 0;

  memset (tag_ids, 0, sizeof (gint64) * DOSSIER_N_TAG_KEYS);
  g_return_if_fail (DOSSIER_IS_PROJECT (self));

  tags = G_LIST_MODEL (self->tags);
  n = g_list_model_get_n_items (tags);

  /* Pins first (a file that pins two tags to one key: the first in
   * codebook order has it). */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);
      int key = dossier_tag_get_key (tag);

      if (key >= 1 && key <= DOSSIER_N_TAG_KEYS && tag_ids[key - 1] == 0)
        tag_ids[key - 1] = dossier_tag_get_id (tag);
    }

  /* Then the free keys, in codebook order, to the tags that are not
   * there only to group others. In tree order a tag's sub-tags follow
   * it, so the next item says whether it has any. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);
      g_autoptr(DossierTag) following = i + 1 < n ? g_list_model_get_item (tags, i + 1) : NULL;

      if (dossier_tag_get_key (tag) != DOSSIER_TAG_KEY_AUTO)
        continue;
      if (following != NULL && dossier_tag_get_parent_id (following) == dossier_tag_get_id (tag))
        continue;

      while (next < DOSSIER_N_TAG_KEYS && tag_ids[next] != 0)
        next++;
      if (next == DOSSIER_N_TAG_KEYS)
        break;
      tag_ids[next] = dossier_tag_get_id (tag);
    }
}

gint64
dossier_project_get_key_tag (DossierProject *self,
                             guint           key)
{
  gint64 tag_ids[DOSSIER_N_TAG_KEYS];

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  if (key < 1 || key > DOSSIER_N_TAG_KEYS)
    return 0;

  dossier_project_get_key_tags (self, tag_ids);
  return tag_ids[key - 1];
}

guint
dossier_project_get_tag_key (DossierProject *self,
                             gint64          tag_id)
{
  gint64 tag_ids[DOSSIER_N_TAG_KEYS];

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  if (tag_id == 0)
    return 0;

  dossier_project_get_key_tags (self, tag_ids);
  for (guint i = 0; i < DOSSIER_N_TAG_KEYS; i++)
    if (tag_ids[i] == tag_id)
      return i + 1;

  return 0;
}

gboolean
dossier_project_set_tag_key (DossierProject  *self,
                             gint64           tag_id,
                             int              key,
                             GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *label = NULL;
  DossierTag *tag;
  const char *name;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_tag (self, tag_id, error))
    return FALSE;

  if (key < DOSSIER_TAG_KEY_AUTO || key > DOSSIER_N_TAG_KEYS)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("Tags can be put on the keys 1 to 9 only, not on %d."), key);
      return FALSE;
    }

  tag = dossier_project_get_tag (self, tag_id);
  if (tag != NULL && dossier_tag_get_key (tag) == key)
    return TRUE;

  name = tag_name (self, tag_id);
  if (key > 0)
    label = g_strdup_printf (_("Put “%s” on Key %d"), name, key);
  else if (key == DOSSIER_TAG_KEY_NONE)
    label = g_strdup_printf (_("Take “%s” off the Number Keys"), name);
  else
    label = g_strdup_printf (_("Give “%s” the Next Free Key"), name);

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  /* One tag per key: whoever had it goes back to the next free one. */
  if (key > 0)
    {
      stmt = dossier_project_prepare (self,
                                      "UPDATE tags SET shortcut = NULL "
                                      "WHERE shortcut = ?1 AND id <> ?2",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, key);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      if (!dossier_project_run (self, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
      stmt = NULL;
    }

  stmt = dossier_project_prepare (self, "UPDATE tags SET shortcut = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  if (key == DOSSIER_TAG_KEY_AUTO)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_int (stmt, 2, key);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  /* Every tag whose key may have moved is read again. */
  dossier_project_touch_table (self, "tags");
  return dossier_action_commit (&action, label, error);
}
