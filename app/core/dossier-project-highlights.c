/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-highlights.c — highlights: tagging a range (with the
 * merging a user expects), tags and memos on highlights, listing them,
 * and autocoding.
 */

#include "config.h"

#include "dossier-project-private.h"
#include "dossier-highlight-list.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-text.h>

/* Rows come one per highlight–tag pair, those of a highlight together;
 * the tags' order (position, then id) is sorted here rather than by SQL:
 * ordering by ht.position there made SQLite sort every row in a temporary
 * B-tree (half the cost of listing a document), while (h.start, h.end,
 * h.id) alone comes straight out of highlights_by_document and the
 * highlight_tags primary key. */
#define HIGHLIGHT_COLUMNS \
  "h.id, h.uuid, h.document, h.start, h.end, h.quote, h.prefix, h.suffix, h.memo, " \
  "h.author, h.created, h.modified, h.orphaned, ht.tag, ht.position"

typedef struct
{
  gint64 position;
  gint64 tag;
} TagRef;

static void
finish_tags (DossierHighlight *highlight,
             GArray           *refs)
{
  TagRef *r = (TagRef *) (gpointer) refs->data;
  gint64 ids[8];
  g_autofree gint64 *heap = NULL;
  gint64 *out = ids;

  if (highlight == NULL)
    return;

  /* Insertion sort: a highlight has one or two tags, rarely more. */
  for (guint i = 1; i < refs->len; i++)
    for (guint j = i; j > 0 && (r[j - 1].position > r[j].position ||
                                (r[j - 1].position == r[j].position && r[j - 1].tag > r[j].tag)); j--)
      {
        TagRef t = r[j - 1];

        r[j - 1] = r[j];
        r[j] = t;
      }

  if (refs->len > G_N_ELEMENTS (ids))
    out = heap = g_new (gint64, refs->len);
  for (guint i = 0; i < refs->len; i++)
    out[i] = r[i].tag;

  dossier_highlight_set_tag_ids (highlight, out, refs->len);
  g_array_set_size (refs, 0);
}

/* Reads rows of HIGHLIGHT_COLUMNS (one per highlight–tag pair, grouped by
 * highlight) into snapshots. */
static gboolean
read_highlights (DossierProject  *self,
                 sqlite3_stmt    *stmt,
                 GPtrArray       *highlights,
                 GError         **error)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (TagRef));
  DossierHighlight *current = NULL;
  gint64 current_id = 0;
  int rc;

  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (current == NULL || id != current_id)
        {
          DossierHighlightData data = {
            id,
            dossier_column_text (stmt, 1),
            sqlite3_column_int64 (stmt, 2),
            sqlite3_column_int64 (stmt, 3),
            sqlite3_column_int64 (stmt, 4),
            dossier_column_text (stmt, 5),
            dossier_column_text (stmt, 6),
            dossier_column_text (stmt, 7),
            dossier_column_text (stmt, 8),
            dossier_column_text (stmt, 9),
            dossier_column_text (stmt, 10),
            dossier_column_text (stmt, 11),
            sqlite3_column_int64 (stmt, 12) != 0,
          };

          finish_tags (current, refs);
          current = dossier_highlight_new (&data);
          current_id = id;
          g_ptr_array_add (highlights, current);
        }

      if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
        {
          TagRef ref = { sqlite3_column_int64 (stmt, 14), sqlite3_column_int64 (stmt, 13) };

          g_array_append_val (refs, ref);
        }
    }
  finish_tags (current, refs);

  return rc == SQLITE_DONE;
}

DossierHighlight *
dossier_project_get_highlight (DossierProject  *self,
                               gint64           highlight_id,
                               GError         **error)
{
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  stmt = dossier_project_prepare (self,
                                  "SELECT " HIGHLIGHT_COLUMNS " FROM highlights h "
                                  "LEFT JOIN highlight_tags ht ON ht.highlight = h.id "
                                  "WHERE h.id = ?1",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, highlight_id);
  if (!read_highlights (self, stmt, highlights, error))
    return NULL;

  if (highlights->len == 0)
    {
      dossier_set_not_found (error, DOSSIER_ROW_HIGHLIGHT, highlight_id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (highlights, 0));
}

/* ---- The listed-highlights cache ----------------------------------------
 *
 * The window lists the open document's highlights after every action to
 * repaint them: reading 5,000 rows and making as many snapshots each time
 * would cost more than the whole frame. Snapshots never change, so the
 * last listing of a few documents is kept, and an action only makes the
 * highlights it touched be read again: those whose rows (in highlights or
 * highlight_tags, the first column of both being the highlight id) are in
 * the action's changeset, which records cascades too. Undo and redo apply
 * changesets with the same keys.
 *
 * Anything else that might have changed the rows drops the lot: another
 * connection committing (PRAGMA data_version moves), or this connection
 * changing rows outside a recorded action (sqlite3_total_changes64() is not
 * where the last recorded action left it). */

#define MAX_CACHED_DOCUMENTS 4

/* Orphaned highlights are left out: their offsets no longer hold
 * (dossier_project_list_orphans() lists them). */
#define DOCUMENT_HIGHLIGHTS_SQL \
  "SELECT " HIGHLIGHT_COLUMNS " FROM highlights h " \
  "LEFT JOIN highlight_tags ht ON ht.highlight = h.id " \
  "WHERE h.document = ?1 AND h.orphaned = 0 " \
  "ORDER BY h.start, h.end, h.id"

struct _DossierHighlightCache
{
  gint64     document_id;
  GPtrArray *highlights;  /* of DossierHighlight, as listed */
  GArray    *pending;     /* gint64 ids of highlights to read again */
};

void
dossier_highlight_cache_free (DossierHighlightCache *cache)
{
  if (cache == NULL)
    return;

  g_ptr_array_unref (cache->highlights);
  g_array_unref (cache->pending);
  g_free (cache);
}

void
dossier_project_cache_clear (DossierProject *self)
{
  g_ptr_array_set_size (self->highlight_caches, 0);
}

/* Whether the caches still describe the database. */
static gboolean
cache_in_step (DossierProject *self)
{
  g_auto(DossierStmt) stmt = NULL;
  gint64 version;

  if (self->db == NULL || sqlite3_total_changes64 (self->db) != self->cache_changes)
    return FALSE;

  stmt = dossier_project_prepare (self, "PRAGMA data_version", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  version = sqlite3_column_int64 (stmt, 0);

  return version == self->cache_data_version;
}

/* Starts caching from the database as it is now. */
static void
cache_restart (DossierProject *self)
{
  g_auto(DossierStmt) stmt = NULL;

  dossier_project_cache_clear (self);
  self->cache_changes = sqlite3_total_changes64 (self->db);
  stmt = dossier_project_prepare (self, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    self->cache_data_version = sqlite3_column_int64 (stmt, 0);
}

void
dossier_project_cache_begin (DossierProject *self)
{
  self->cache_in_step = self->highlight_caches->len > 0 &&
                        sqlite3_total_changes64 (self->db) == self->cache_changes;
}

void
dossier_project_cache_rollback (DossierProject *self)
{
  /* The database is back where the caches were. */
  if (self->cache_in_step && self->db != NULL)
    self->cache_changes = sqlite3_total_changes64 (self->db);
  self->cache_in_step = FALSE;
}

void
dossier_project_cache_commit (DossierProject *self,
                              const void     *changeset,
                              int             n_changeset)
{
  sqlite3_changeset_iter *iter = NULL;
  g_autoptr(GArray) ids = NULL;
  int rc;

  if (self->highlight_caches->len == 0)
    return;

  if (!self->cache_in_step)
    {
      dossier_project_cache_clear (self);
      return;
    }
  self->cache_in_step = FALSE;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rc = n_changeset > 0 ? sqlite3changeset_start (&iter, n_changeset, (void *) changeset) : SQLITE_OK;
  while (iter != NULL && (rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *table;
      sqlite3_value *key = NULL;
      int n_columns, op, indirect;
      gint64 id;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      if (strcmp (table, "highlights") != 0 && strcmp (table, "highlight_tags") != 0)
        continue;

      /* The key is in the new record of an insert, the old one otherwise. */
      if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, 0, &key);
      else
        sqlite3changeset_old (iter, 0, &key);
      if (key == NULL)
        {
          rc = SQLITE_CORRUPT;
          break;
        }
      id = sqlite3_value_int64 (key);
      g_array_append_val (ids, id);
    }
  if (iter != NULL && sqlite3changeset_finalize (iter) != SQLITE_OK)
    rc = SQLITE_ERROR;

  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      dossier_project_cache_clear (self);
      return;
    }

  for (guint i = 0; i < self->highlight_caches->len; )
    {
      DossierHighlightCache *cache = g_ptr_array_index (self->highlight_caches, i);

      g_array_append_vals (cache->pending, ids->data, ids->len);
      /* Reading a few highlights one by one beats listing them all; not
       * many: then the whole list is read again. */
      if (cache->pending->len > 64 + cache->highlights->len / 8)
        g_ptr_array_remove_index (self->highlight_caches, i);
      else
        i++;
    }

  self->cache_changes = sqlite3_total_changes64 (self->db);
}

void
dossier_project_cache_adopt (DossierProject *self,
                             const void     *changeset,
                             int             n_changeset)
{
  g_auto(DossierStmt) stmt = NULL;

  /* Nothing of ours wrote since the caches were last in step (another
   * process cannot: the lock keeps it out), so they are, but for what the
   * worker's changeset names. */
  self->cache_in_step = self->highlight_caches->len > 0 &&
                        sqlite3_total_changes64 (self->db) == self->cache_changes;
  dossier_project_cache_commit (self, changeset, n_changeset);

  stmt = dossier_project_prepare (self, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    self->data_version = self->cache_data_version = sqlite3_column_int64 (stmt, 0);
}

static int
compare_highlight_ptrs (gconstpointer a,
                        gconstpointer b)
{
  return dossier_highlight_compare (*(DossierHighlight **) a, *(DossierHighlight **) b);
}

static gboolean
id_in (const GArray *sorted,
       gint64        id)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 v = g_array_index (sorted, gint64, mid);

      if (v == id)
        return TRUE;
      if (v < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* Reads the pending highlights again and merges them into the list, in
 * order. */
static gboolean
cache_update (DossierProject         *self,
              DossierHighlightCache  *cache,
              GError                **error)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) merged = NULL;
  GArray *pending = cache->pending;
  guint kept = 0, i, j;

  if (pending->len == 0)
    return TRUE;

  g_array_sort (pending, dossier_compare_ids);
  for (i = 0; i < pending->len; i++)
    if (kept == 0 || g_array_index (pending, gint64, kept - 1) != g_array_index (pending, gint64, i))
      g_array_index (pending, gint64, kept++) = g_array_index (pending, gint64, i);
  g_array_set_size (pending, kept);

  for (i = 0; i < pending->len; i++)
    {
      g_auto(DossierStmt) stmt = NULL;

      stmt = dossier_project_prepare (self,
                                      "SELECT " HIGHLIGHT_COLUMNS " FROM highlights h "
                                      "LEFT JOIN highlight_tags ht ON ht.highlight = h.id "
                                      "WHERE h.id = ?1 AND h.document = ?2 AND h.orphaned = 0",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (pending, gint64, i));
      sqlite3_bind_int64 (stmt, 2, cache->document_id);
      if (!read_highlights (self, stmt, fresh, error))
        return FALSE;
    }
  g_ptr_array_sort (fresh, compare_highlight_ptrs);

  /* Unchanged snapshots move across with the reference the cache held;
   * the ones read again are dropped. */
  merged = g_ptr_array_new_full (cache->highlights->len + fresh->len, g_object_unref);
  g_ptr_array_set_free_func (cache->highlights, NULL);
  for (i = 0, j = 0; i < cache->highlights->len || j < fresh->len; )
    {
      DossierHighlight *old = i < cache->highlights->len ? g_ptr_array_index (cache->highlights, i) : NULL;
      DossierHighlight *new = j < fresh->len ? g_ptr_array_index (fresh, j) : NULL;

      if (old != NULL && id_in (pending, old->data.id))
        {
          g_object_unref (old);
          i++;
        }
      else if (new == NULL || (old != NULL && dossier_highlight_compare (old, new) < 0))
        {
          g_ptr_array_add (merged, old);
          i++;
        }
      else
        {
          g_ptr_array_add (merged, g_object_ref (new));
          j++;
        }
    }
  g_ptr_array_unref (cache->highlights);
  cache->highlights = g_steal_pointer (&merged);
  g_array_set_size (pending, 0);
  return TRUE;
}

static GPtrArray *
copy_highlights (GPtrArray *highlights)
{
  GPtrArray *copy = g_ptr_array_new_full (highlights->len, g_object_unref);

  for (guint i = 0; i < highlights->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (highlights, i)));

  return copy;
}

/* A document's live highlights, from the cache where it can. */
static GPtrArray *
list_document (DossierProject  *self,
               gint64           document_id,
               GError         **error)
{
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(DossierStmt) stmt = NULL;
  DossierHighlightCache *cache = NULL;

  if (!cache_in_step (self))
    cache_restart (self);

  for (guint i = 0; i < self->highlight_caches->len; i++)
    {
      DossierHighlightCache *c = g_ptr_array_index (self->highlight_caches, i);

      if (c->document_id == document_id)
        {
          /* Most recently listed first. */
          cache = g_ptr_array_steal_index (self->highlight_caches, i);
          g_ptr_array_insert (self->highlight_caches, 0, cache);
          break;
        }
    }

  if (cache != NULL)
    {
      if (!cache_update (self, cache, error))
        {
          g_ptr_array_remove_index (self->highlight_caches, 0);
          return NULL;
        }
      return copy_highlights (cache->highlights);
    }

  stmt = dossier_project_prepare (self, DOCUMENT_HIGHLIGHTS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (!read_highlights (self, stmt, highlights, error))
    return NULL;

  cache = g_new0 (DossierHighlightCache, 1);
  cache->document_id = document_id;
  cache->highlights = copy_highlights (highlights);
  cache->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_insert (self->highlight_caches, 0, cache);
  if (self->highlight_caches->len > MAX_CACHED_DOCUMENTS)
    g_ptr_array_set_size (self->highlight_caches, MAX_CACHED_DOCUMENTS);

  return g_steal_pointer (&highlights);
}

/* The listing itself, once the ids are known to be good. */
static GPtrArray *
list_query (DossierProject  *self,
            gint64           document_id,
            gint64           tag_id,
            GError         **error)
{
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(DossierStmt) stmt = NULL;
  const char *sql;

  /* Not inside an action: what it wrote may yet be rolled back. */
  if (tag_id == 0 && document_id != 0 && !self->in_transaction)
    return list_document (self, document_id, error);

  if (tag_id == 0 && document_id != 0)
    sql = DOCUMENT_HIGHLIGHTS_SQL;
  else if (tag_id == 0)
    sql = "SELECT " HIGHLIGHT_COLUMNS " FROM highlights h "
          "LEFT JOIN highlight_tags ht ON ht.highlight = h.id "
          "WHERE h.orphaned = 0 AND " DOSSIER_SQL_DOCUMENT_EXISTS ("h.document") " "
          "ORDER BY h.document, h.start, h.end, h.id";
  else
    sql = "WITH RECURSIVE subtree (id) AS ("
          "  SELECT ?2 UNION SELECT t.id FROM tags t JOIN subtree s ON t.parent = s.id) "
          "SELECT " HIGHLIGHT_COLUMNS " FROM highlights h "
          "LEFT JOIN highlight_tags ht ON ht.highlight = h.id "
          "WHERE h.id IN (SELECT highlight FROM highlight_tags WHERE tag IN subtree) "
          "AND (?1 = 0 OR h.document = ?1) AND h.orphaned = 0 "
          "AND " DOSSIER_SQL_DOCUMENT_EXISTS ("h.document") " "
          "ORDER BY h.document, h.start, h.end, h.id";

  stmt = dossier_project_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  if (tag_id != 0)
    sqlite3_bind_int64 (stmt, 2, tag_id);

  if (!read_highlights (self, stmt, highlights, error))
    return NULL;

  return g_steal_pointer (&highlights);
}

GPtrArray *
dossier_project_list_highlights (DossierProject  *self,
                                 gint64           document_id,
                                 gint64           tag_id,
                                 GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  if (!dossier_project_ensure_open (self, error))
    return NULL;
  if (document_id != 0 && !dossier_project_require_document (self, document_id, NULL, error))
    return NULL;
  if (tag_id != 0 && !dossier_project_require_tag (self, tag_id, error))
    return NULL;

  return list_query (self, document_id, tag_id, error);
}

/* ---- Live lists ------------------------------------------------------------
 *
 * Each list handed out is brought up to date after every committed change
 * (dossier_project_apply_changes ()): the documents whose highlights the
 * action touched are listed again — from the cache above, so that costs
 * what the action changed — and each list splices in what differs. */

static void
on_list_finalized (gpointer  data,
                   GObject  *where_the_object_was)
{
  DossierProject *self = data;

  g_ptr_array_remove_fast (self->highlight_lists, where_the_object_was);
}

void
dossier_project_forget_highlight_lists (DossierProject *self)
{
  if (self->highlight_lists == NULL)
    return;

  for (guint i = 0; i < self->highlight_lists->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->highlight_lists, i), on_list_finalized, self);
  g_clear_pointer (&self->highlight_lists, g_ptr_array_unref);
}

static GListModel *
get_list (DossierProject  *self,
          gint64           document_id,
          gint64           tag_id,
          GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  DossierHighlightList *list;

  g_return_val_if_fail (!self->in_transaction, NULL);

  for (guint i = 0; i < self->highlight_lists->len; i++)
    {
      list = g_ptr_array_index (self->highlight_lists, i);
      if (dossier_highlight_list_get_document_id (list) == document_id &&
          dossier_highlight_list_get_tag_id (list) == tag_id)
        return g_object_ref (G_LIST_MODEL (list));
    }

  items = list_query (self, document_id, tag_id, error);
  if (items == NULL)
    return NULL;

  list = dossier_highlight_list_new (document_id, tag_id, items);
  g_object_weak_ref (G_OBJECT (list), on_list_finalized, self);
  g_ptr_array_add (self->highlight_lists, list);

  return G_LIST_MODEL (list);
}

GListModel *
dossier_project_get_highlights (DossierProject  *self,
                                gint64           document_id,
                                GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_document (self, document_id, NULL, error))
    return NULL;

  return get_list (self, document_id, 0, error);
}

GListModel *
dossier_project_get_tag_highlights (DossierProject  *self,
                                    gint64           tag_id,
                                    GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_tag (self, tag_id, error))
    return NULL;

  return get_list (self, 0, tag_id, error);
}

/* Lists @document_id's highlights (0: all) in @list again and splices. */
static void
update_list (DossierProject       *self,
             DossierHighlightList *list,
             gint64                document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  gint64 tag_id = dossier_highlight_list_get_tag_id (list);

  fresh = list_query (self, document_id, tag_id, &error);
  if (fresh == NULL)
    {
      /* Left as it was; the next change tries again. A file moved or
       * overwritten under the project refuses every read, and the window
       * says so: no fault of ours. */
      if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_MOVED) ||
          g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED))
        g_debug ("Could not list highlights again: %s", error->message);
      else
        g_warning ("Could not list highlights again: %s", error->message);
      return;
    }

  dossier_highlight_list_update (list, document_id, fresh);
}

void
dossier_project_apply_highlight_lists (DossierProject       *self,
                                       const DossierChanges *changes)
{
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GArray) documents = NULL;
  g_autoptr(GArray) texts = NULL;
  gboolean tree;

  if (self->highlight_lists->len == 0)
    return;

  documents = dossier_changes_get_sorted (changes, "highlights");
  texts = dossier_changes_get_sorted (changes, "blocks");
  g_array_append_vals (documents, texts->data, texts->len);
  g_array_sort (documents, dossier_compare_ids);
  tree = dossier_changes_get_reload (changes, "tags");
  if (documents->len == 0 && !tree)
    return;

  /* A handler of items-changed may make lists or drop them. */
  lists = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->highlight_lists->len; i++)
    g_ptr_array_add (lists, g_object_ref (g_ptr_array_index (self->highlight_lists, i)));

  for (guint i = 0; i < lists->len; i++)
    {
      DossierHighlightList *list = g_ptr_array_index (lists, i);
      gint64 document_id = dossier_highlight_list_get_document_id (list);

      if (document_id == 0 && tree)
        {
          /* The tag's subtree, or the tag itself, may have changed. */
          update_list (self, list, 0);
          continue;
        }

      for (guint k = 0; k < documents->len; k++)
        {
          gint64 id = g_array_index (documents, gint64, k);

          if (k > 0 && id == g_array_index (documents, gint64, k - 1))
            continue;
          if (document_id == 0 || document_id == id)
            update_list (self, list, id);
        }
    }
}

/* ---- Building blocks of the actions -------------------------------------- */

static gboolean
check_range (DossierProject  *self,
             gint64           document_id,
             gint64           start,
             gint64           end,
             GError         **error)
{
  gint64 length = 0;

  if (!dossier_project_require_document (self, document_id, &length, error))
    return FALSE;

  if (start < 0 || end <= start || end > length)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("Cannot highlight %" PRId64 "–%" PRId64
                     ": a range must be non-empty and lie within the document’s %"
                     PRId64 " characters."),
                   start, end, length);
      return FALSE;
    }

  return TRUE;
}

static gboolean
highlight_document (DossierProject  *self,
                    gint64           highlight_id,
                    gint64          *document_id,
                    GError         **error)
{
  return dossier_project_read_row_int (self, DOSSIER_ROW_HIGHLIGHT,
                                       "SELECT document FROM highlights WHERE id = ?1",
                                       highlight_id, document_id, error);
}

static const char *
tag_name (DossierProject *self,
          gint64          tag_id)
{
  DossierTag *tag = dossier_project_get_tag (self, tag_id);

  return tag != NULL ? dossier_tag_get_name (tag) : "";
}

static gboolean
has_tag (DossierProject  *self,
         gint64           highlight_id,
         gint64           tag_id,
         gboolean        *result,
         GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT 1 FROM highlight_tags WHERE highlight = ?1 AND tag = ?2",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, highlight_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  rc = dossier_project_step (self, stmt, error);
  *result = rc == SQLITE_ROW;

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
insert_highlight_tag (DossierProject  *self,
                      gint64           highlight_id,
                      gint64           tag_id,
                      GError         **error)
{
  /* position: the order tags were applied in. */
  if (!dossier_project_run_ids (self,
                                "INSERT INTO highlight_tags (highlight, tag, position) "
                                "VALUES (?1, ?2, (SELECT coalesce (max (position) + 1, 0) "
                                "  FROM highlight_tags WHERE highlight = ?1))",
                                highlight_id, tag_id, error))
    return FALSE;

  dossier_project_touch (self, "tags", tag_id);
  return TRUE;
}

static gint64
insert_highlight (DossierProject      *self,
                  gint64               document_id,
                  DossierOffsetIndex  *index,
                  gint64               start,
                  gint64               end,
                  const char          *memo,
                  const char          *now,
                  GError             **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *own_now = now == NULL ? dossier_now_iso8601 () : NULL;
  /* A memo given with the highlight, as a memo set later (memo_column). */
  g_autofree char *clean_memo = dossier_text_from_elsewhere (memo, TRUE);
  gint64 id;

  stmt = dossier_project_prepare (self,
                                  "INSERT INTO highlights (uuid, document, start, end, quote, "
                                  "  prefix, suffix, memo, author, created, modified) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                                  error);
  if (stmt == NULL)
    return 0;

  dossier_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, document_id);
  dossier_bind_passage (stmt, 3, index, start, end);
  dossier_bind_text (stmt, 8, clean_memo != NULL ? clean_memo : "");
  dossier_bind_text (stmt, 9, self->author != NULL ? self->author : "");
  dossier_bind_text (stmt, 10, now != NULL ? now : own_now);
  id = dossier_project_insert_new_row (self, DOSSIER_ROW_HIGHLIGHT, stmt, error);
  if (id == 0)
    return 0;

  dossier_project_touch (self, "highlights", document_id);
  return id;
}

typedef struct
{
  gint64  id;
  gint64  start;
  gint64  end;
  char   *memo;
} Mergeable;

static void
mergeable_clear (gpointer data)
{
  g_free (((Mergeable *) data)->memo);
}

/* Widens [*union_start, *union_end) over a highlight being merged, and
 * appends its memo (if any) to @memo, a blank line between memos. */
static void
merge_into (gint64     *union_start,
            gint64     *union_end,
            GString    *memo,
            gint64      start,
            gint64      end,
            const char *m_memo)
{
  *union_start = MIN (*union_start, start);
  *union_end = MAX (*union_end, end);
  if (m_memo != NULL && m_memo[0] != '\0')
    {
      if (memo->len > 0)
        g_string_append (memo, "\n\n");
      g_string_append (memo, m_memo);
    }
}

/* Gives highlight @id, which the others merged into, its new range with
 * the quote and context read from @index, and the joined @memo. */
static gboolean
write_merged (DossierProject      *self,
              DossierOffsetIndex  *index,
              gint64               id,
              gint64               start,
              gint64               end,
              const char          *memo,
              const char          *now,
              GError             **error)
{
  g_auto(DossierStmt) stmt = NULL;

  stmt = dossier_project_prepare (self,
                                  "UPDATE highlights SET start = ?2, end = ?3, quote = ?4, "
                                  "  prefix = ?5, suffix = ?6, memo = ?7, modified = ?8 "
                                  "WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  dossier_bind_passage (stmt, 2, index, start, end);
  dossier_bind_text (stmt, 7, memo);
  dossier_bind_text (stmt, 8, now);
  return dossier_project_run (self, stmt, error);
}

static gboolean
delete_highlight_row (DossierProject  *self,
                      gint64           highlight_id,
                      GError         **error)
{
  /* Its tags and evidence go with it (cascade). */
  return dossier_project_run_ids (self, "DELETE FROM highlights WHERE id = ?1",
                                  highlight_id, 0, error);
}

/* Evidence citing a highlight about to be merged away cites the merged
 * highlight instead. */
static gboolean
move_evidence (DossierProject  *self,
               gint64           from_id,
               gint64           to_id,
               GError         **error)
{
  static const char * const sql[] = {
    "UPDATE OR IGNORE stakeholder_evidence SET highlight = ?2 WHERE highlight = ?1",
    "UPDATE OR IGNORE argument_evidence SET highlight = ?2 WHERE highlight = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_auto(DossierStmt) stmt = dossier_project_prepare (self, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, from_id);
      sqlite3_bind_int64 (stmt, 2, to_id);
      if (!dossier_project_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gint64
max_highlight_length (DossierProject  *self,
                      gint64           document_id,
                      GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;

  /* The window's live list of the document has every highlight at hand,
   * up to date after every action: asking the file reads them all. */
  for (guint i = 0; i < self->highlight_lists->len; i++)
    {
      DossierHighlightList *list = g_ptr_array_index (self->highlight_lists, i);

      if (dossier_highlight_list_get_document_id (list) == document_id
          && dossier_highlight_list_get_tag_id (list) == 0)
        return dossier_highlight_list_get_max_length (list);
    }

  stmt = dossier_project_prepare (self,
                                  "SELECT coalesce (max (end - start), 0) FROM highlights "
                                  "WHERE document = ?1 AND orphaned = 0",
                                  error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, document_id);
  if (dossier_project_step (self, stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/* The oldest live highlight of exactly [@start, @end) in the document:
 * its id, 0 if there is none, -1 on error. */
static gint64
find_same_range (DossierProject  *self,
                 gint64           document_id,
                 gint64           start,
                 gint64           end,
                 GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT id FROM highlights WHERE document = ?1 AND orphaned = 0 "
                                  "AND start = ?2 AND end = ?3 ORDER BY id LIMIT 1",
                                  error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return rc == SQLITE_DONE ? 0 : -1;
}

/* The heart of "tag this selection", inside the caller's transaction.
 * @max_length bounds the length of the document's highlights (kept up to
 * date here), so that finding the ones that overlap reads only those that
 * start near the range instead of every highlight before it. Sets
 * *@changed when the project changed. */
static gint64
tag_range_in (DossierProject      *self,
              gint64               document_id,
              DossierOffsetIndex  *index,
              gint64               start,
              gint64               end,
              gint64               tag_id,
              gint64              *max_length,
              gboolean            *changed,
              GError             **error)
{
  g_autoptr(GArray) merge = NULL;
  g_autoptr(GString) memo = NULL;
  g_autofree char *now = NULL;
  g_auto(DossierStmt) stmt = NULL;
  const Mergeable *keep;
  gint64 union_start = start;
  gint64 union_end = end;
  gint64 id;
  gboolean present;
  int rc;

  *changed = FALSE;

  /* 1. The very same range: add the tag to it. */
  id = find_same_range (self, document_id, start, end, error);
  if (id < 0)
    return 0;
  if (id > 0)
    {
      if (!has_tag (self, id, tag_id, &present, error))
        return 0;
      if (!present)
        {
          if (!insert_highlight_tag (self, id, tag_id, error))
            return 0;
          dossier_project_touch (self, "highlights", document_id);
          *changed = TRUE;
        }
      return id;
    }

  /* 2. Highlights carrying only this tag that overlap or touch the range:
   * extend the first over all of them. */
  merge = g_array_new (FALSE, FALSE, sizeof (Mergeable));
  g_array_set_clear_func (merge, mergeable_clear);
  stmt = dossier_project_prepare (self,
                                  "SELECT h.id, h.start, h.end, h.memo FROM highlights h "
                                  "JOIN highlight_tags ht ON ht.highlight = h.id AND ht.tag = ?4 "
                                  "WHERE h.document = ?1 AND h.orphaned = 0 "
                                  "AND h.start BETWEEN ?5 AND ?3 AND h.end >= ?2 "
                                  "AND (SELECT count(*) FROM highlight_tags x "
                                  "     WHERE x.highlight = h.id) = 1 "
                                  "ORDER BY h.start, h.id",
                                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  sqlite3_bind_int64 (stmt, 4, tag_id);
  sqlite3_bind_int64 (stmt, 5, start - *max_length);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      Mergeable m = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
        dossier_column_dup (stmt, 3),
      };

      g_array_append_val (merge, m);
    }
  if (rc != SQLITE_DONE)
    return 0;
  sqlite3_reset (stmt);
  stmt = NULL;

  if (merge->len == 0)
    {
      /* 3. A new highlight. */
      id = insert_highlight (self, document_id, index, start, end, NULL, NULL, error);
      if (id == 0 || !insert_highlight_tag (self, id, tag_id, error))
        return 0;
      *max_length = MAX (*max_length, end - start);
      *changed = TRUE;
      return id;
    }

  keep = &g_array_index (merge, Mergeable, 0);
  memo = g_string_new (NULL);
  for (guint i = 0; i < merge->len; i++)
    {
      const Mergeable *m = &g_array_index (merge, Mergeable, i);

      merge_into (&union_start, &union_end, memo, m->start, m->end, m->memo);
    }

  /* Already covered by a single highlight of this tag: nothing to do. */
  if (merge->len == 1 && union_start == keep->start && union_end == keep->end)
    return keep->id;

  for (guint i = 1; i < merge->len; i++)
    {
      const Mergeable *m = &g_array_index (merge, Mergeable, i);

      if (!move_evidence (self, m->id, keep->id, error) ||
          !delete_highlight_row (self, m->id, error))
        return 0;
    }

  now = dossier_now_iso8601 ();
  if (!write_merged (self, index, keep->id, union_start, union_end, memo->str, now, error))
    return 0;

  dossier_project_touch (self, "highlights", document_id);
  dossier_project_touch (self, "tags", tag_id);
  *max_length = MAX (*max_length, union_end - union_start);
  *changed = TRUE;

  return keep->id;
}

/* ---- Actions ------------------------------------------------------------ */

gint64
dossier_project_tag_range (DossierProject  *self,
                           gint64           document_id,
                           gint64           start,
                           gint64           end,
                           gint64           tag_id,
                           GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autofree char *label = NULL;
  DossierOffsetIndex *index;
  gint64 max_length;
  gboolean changed;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  if (!dossier_project_ensure_open (self, error) ||
      !check_range (self, document_id, start, end, error) ||
      !dossier_project_require_tag (self, tag_id, error))
    return 0;

  if (!dossier_action_begin (&action, self, error))
    return 0;

  index = dossier_project_borrow_sound_text (self, document_id, error);
  if (index == NULL)
    return 0;

  max_length = max_highlight_length (self, document_id, error);
  if (max_length < 0)
    return 0;

  id = tag_range_in (self, document_id, index, start, end, tag_id, &max_length, &changed, error);
  if (id == 0)
    return 0;

  label = g_strdup_printf (_("Tag “%s”"), tag_name (self, tag_id));
  if (!dossier_action_commit (&action, label, error))
    return 0;

  return id;
}

gint64
dossier_project_add_highlight (DossierProject  *self,
                               gint64           document_id,
                               gint64           start,
                               gint64           end,
                               const gint64    *tag_ids,
                               guint            n_tags,
                               const char      *memo,
                               GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  DossierOffsetIndex *index;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);
  g_return_val_if_fail (tag_ids != NULL || n_tags == 0, 0);

  if (!dossier_project_ensure_open (self, error) ||
      !check_range (self, document_id, start, end, error))
    return 0;

  if (n_tags == 0)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A highlight needs at least one tag."));
      return 0;
    }

  for (guint i = 0; i < n_tags; i++)
    if (!dossier_project_require_tag (self, tag_ids[i], error))
      return 0;

  if (memo != NULL && g_utf8_strlen (memo, -1) > DOSSIER_TEXT_MAX_FREE)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A memo can be at most %d characters long."), DOSSIER_TEXT_MAX_FREE);
      return 0;
    }

  if (!dossier_action_begin (&action, self, error))
    return 0;

  index = dossier_project_borrow_sound_text (self, document_id, error);
  if (index == NULL)
    return 0;

  id = insert_highlight (self, document_id, index, start, end, memo, NULL, error);
  if (id == 0)
    return 0;

  for (guint i = 0; i < n_tags; i++)
    {
      gboolean repeated = FALSE;

      for (guint j = 0; j < i; j++)
        repeated |= tag_ids[j] == tag_ids[i];

      if (!repeated && !insert_highlight_tag (self, id, tag_ids[i], error))
        return 0;
    }

  if (!dossier_action_commit (&action, _("Add Highlight"), error))
    return 0;

  return id;
}

/* Checks that the project is open and that the highlight and the tag
 * exist; the highlight's document, and whether it carries the tag. */
static gboolean
check_highlight_tag (DossierProject  *self,
                     gint64           highlight_id,
                     gint64           tag_id,
                     gint64          *document_id,
                     gboolean        *present,
                     GError         **error)
{
  return dossier_project_ensure_open (self, error) &&
         highlight_document (self, highlight_id, document_id, error) &&
         dossier_project_require_tag (self, tag_id, error) &&
         has_tag (self, highlight_id, tag_id, present, error);
}

gboolean
dossier_project_add_highlight_tag (DossierProject  *self,
                                   gint64           highlight_id,
                                   gint64           tag_id,
                                   GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autofree char *label = NULL;
  gint64 document_id;
  gboolean present;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!check_highlight_tag (self, highlight_id, tag_id, &document_id, &present, error))
    return FALSE;

  if (present)
    return TRUE;

  if (!dossier_action_begin (&action, self, error) ||
      !insert_highlight_tag (self, highlight_id, tag_id, error))
    return FALSE;

  dossier_project_touch (self, "highlights", document_id);
  label = g_strdup_printf (_("Tag “%s”"), tag_name (self, tag_id));
  return dossier_action_commit (&action, label, error);
}

gboolean
dossier_project_remove_highlight_tag (DossierProject  *self,
                                      gint64           highlight_id,
                                      gint64           tag_id,
                                      GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *label = NULL;
  gint64 document_id;
  gboolean present;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!check_highlight_tag (self, highlight_id, tag_id, &document_id, &present, error))
    return FALSE;

  if (!present)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                   _("Highlight %" PRId64 " is not tagged “%s”."),
                   highlight_id, tag_name (self, tag_id));
      return FALSE;
    }

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  if (!dossier_project_run_ids (self,
                                "DELETE FROM highlight_tags WHERE highlight = ?1 AND tag = ?2",
                                highlight_id, tag_id, error))
    return FALSE;

  /* A highlight lives only as long as it carries a tag or is evidence for
   * a stakeholder or an argument. */
  stmt = dossier_project_prepare (self, DOSSIER_DELETE_BARE_HIGHLIGHT, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  dossier_project_touch (self, "tags", tag_id);
  dossier_project_touch (self, "highlights", document_id);
  label = g_strdup_printf (_("Untag “%s”"), tag_name (self, tag_id));
  return dossier_action_commit (&action, label, error);
}

static const DossierTextColumn memo_column = {
  "highlights", "memo", "document", DOSSIER_TEXT_TIMESTAMPED,
  NULL, N_("The memo is not valid UTF-8 text."), DOSSIER_TEXT_MAX_FREE,
};

gboolean
dossier_project_set_highlight_memo (DossierProject  *self,
                                    gint64           highlight_id,
                                    const char      *memo,
                                    GError         **error)
{
  gint64 document_id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !highlight_document (self, highlight_id, &document_id, error))
    return FALSE;

  return dossier_project_set_text (self, &memo_column, highlight_id, memo, _("Edit Memo"), error);
}

gboolean
dossier_project_delete_highlight (DossierProject  *self,
                                  gint64           highlight_id,
                                  GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  gint64 document_id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !highlight_document (self, highlight_id, &document_id, error))
    return FALSE;

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  if (!dossier_project_touch_selected (self, "tags",
                                       "SELECT tag FROM highlight_tags WHERE highlight = ?1",
                                       highlight_id, error))
    return FALSE;

  if (!delete_highlight_row (self, highlight_id, error))
    return FALSE;

  dossier_project_touch (self, "highlights", document_id);
  return dossier_action_commit (&action, _("Delete Highlight"), error);
}

gint64
dossier_project_evidence_highlight (DossierProject  *self,
                                    gint64           document_id,
                                    gint64           start,
                                    gint64           end,
                                    GError         **error)
{
  DossierOffsetIndex *index;
  gint64 id;

  g_assert (self->in_transaction);

  if (!check_range (self, document_id, start, end, error))
    return 0;

  /* A passage already highlighted is cited as it is. */
  id = find_same_range (self, document_id, start, end, error);
  if (id != 0)
    return MAX (id, 0);

  index = dossier_project_borrow_sound_text (self, document_id, error);
  if (index == NULL)
    return 0;

  return insert_highlight (self, document_id, index, start, end, NULL, NULL, error);
}

/* ---- Autocoding ------------------------------------------------------------ */

/* A match, in code points. */
typedef struct
{
  gint64 start;
  gint64 end;
} Span;

/* What "ignore case" compares: the lower case of the upper case, so that
 * the variants of one letter (σ, ς and Σ; ſ and s; K and the Kelvin sign)
 * all meet. */
static inline gunichar
fold_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower (c);
  return g_unichar_tolower (g_unichar_toupper (c));
}

/* Every match of @needle in @text, ignoring case, leftmost first and not
 * overlapping, as code-point spans. One pass over the text (Knuth–Morris–
 * Pratt over folded code points), so its cost does not depend on how many
 * matches there are; offsets are counted along the way. */
static void
find_literal (const char *text,
              const char *needle,
              GArray     *spans)
{
  g_autofree char *nfc = g_utf8_normalize (needle, -1, G_NORMALIZE_NFC);
  g_autofree gunichar *pattern = NULL;
  g_autofree glong *fail = NULL;
  const guchar *p = (const guchar *) text;
  glong m = 0;
  glong k = 0;
  gint64 offset = 0;

  pattern = g_utf8_to_ucs4_fast (nfc, -1, &m);
  if (m == 0)
    return;
  for (glong i = 0; i < m; i++)
    pattern[i] = fold_char (pattern[i]);

  /* fail[i]: length of the longest proper border of pattern[0..i]. */
  fail = g_new0 (glong, m);
  for (glong i = 1, b = 0; i < m; i++)
    {
      while (b > 0 && pattern[i] != pattern[b])
        b = fail[b - 1];
      if (pattern[i] == pattern[b])
        b++;
      fail[i] = b;
    }

  while (*p != '\0')
    {
      gunichar c;

      if (*p < 0x80)
        c = g_ascii_tolower (*p++);
      else
        {
          c = fold_char (g_utf8_get_char ((const char *) p));
          p = (const guchar *) g_utf8_next_char (p);
        }
      offset++;

      while (k > 0 && pattern[k] != c)
        k = fail[k - 1];
      if (pattern[k] == c)
        k++;
      if (k == m)
        {
          Span span = { offset - m, offset };

          g_array_append_val (spans, span);
          k = 0;
        }
    }
}

/* Every non-empty match of @regex in @text as code-point spans. Offsets are
 * counted from one match to the next, so the text is walked once. */
static gboolean
find_regex (GRegex      *regex,
            const char  *text,
            GArray      *spans,
            GError     **error)
{
  g_autoptr(GMatchInfo) match_info = NULL;
  const char *counted_to = text;
  gint64 offset = 0;

  g_regex_match_full (regex, text, -1, 0, G_REGEX_MATCH_NOTEMPTY, &match_info, error);
  while (g_match_info_matches (match_info))
    {
      int start_byte, end_byte;

      /* A match that starts before the previous one ended (only \\K inside a
       * lookbehind can do that) is left out: matches are taken in order,
       * without overlaps. */
      if (g_match_info_fetch_pos (match_info, 0, &start_byte, &end_byte) &&
          end_byte > start_byte && text + start_byte >= counted_to)
        {
          Span span;

          offset += g_utf8_strlen (counted_to, text + start_byte - counted_to);
          span.start = offset;
          span.end = offset + g_utf8_strlen (text + start_byte, end_byte - start_byte);
          offset = span.end;
          counted_to = text + end_byte;
          g_array_append_val (spans, span);
        }

      if (!g_match_info_next (match_info, error) && error != NULL && *error != NULL)
        return FALSE;
    }

  return error == NULL || *error == NULL;
}

/* The compiled pattern of an autocode run. GLib 2.74's GRegex has PCRE2
 * check the UTF-8 of the whole rest of the text before every match, which
 * makes a long text with many matches cost quadratic time; its JIT path
 * skips that check. The JIT has a small fixed stack, though, and fails on
 * patterns that backtrack deeply where the interpreter succeeds, so the
 * interpreter stays as the fallback for those. */
typedef struct
{
  const char *match;      /* plain text, or NULL */
  GRegex     *jit;        /* NULL when matching plain text */
  GRegex     *interpreted;
} Matcher;

static void
matcher_clear (Matcher *matcher)
{
  g_clear_pointer (&matcher->jit, g_regex_unref);
  g_clear_pointer (&matcher->interpreted, g_regex_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Matcher, matcher_clear)

static gboolean
matcher_find (Matcher     *matcher,
              const char  *text,
              GArray      *spans,
              GError     **error)
{
  g_autoptr(GError) jit_error = NULL;
  g_autoptr(GError) match_error = NULL;

  if (matcher->match != NULL)
    {
      find_literal (text, matcher->match, spans);
      return TRUE;
    }

  if (find_regex (matcher->jit, text, spans, &jit_error))
    return TRUE;

  g_array_set_size (spans, 0);
  if (find_regex (matcher->interpreted, text, spans, &match_error))
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
               _("The pattern could not be matched: %s"), match_error->message);
  return FALSE;
}

/* ---- Applying the matches ---------------------------------------------------

 * Autocoding a document gives the same result as tagging each match in
 * turn with tag_range_in(), but without its queries per match: the
 * document's live highlights are read once, and the matches, which come in
 * order and do not overlap, are swept over them.
 *
 * What tag_range_in() does for a range, in memory here:
 *   1. a highlight with exactly that range gets the tag;
 *   2. else the highlights that carry only this tag and overlap or touch
 *      the range are merged into the first of them (by start, then id),
 *      extended over the range;
 *   3. else a new highlight is made.
 * Since the matches move forward, a highlight that ends before a match
 * starts is never touched again; one that a match made stays pending (not
 * yet written) while the next match may still extend it, so that a run of
 * touching matches is written once. */

typedef struct
{
  gint64 start;
  gint64 end;
} RangeKey;

typedef struct _Coded Coded;

struct _Coded
{
  gint64    id;          /* 0 while pending */
  gint64    start;
  gint64    end;
  RangeKey  read;        /* the range it was read with: its key in by_range */
  char     *memo;        /* only for those that carry only this tag */
  gboolean  only_tag;    /* carries this tag and no other */
  gboolean  has_tag;
  gboolean  deleted;
  Coded    *same_range;  /* next, by id, read with the same range */
};

typedef struct
{
  DossierProject     *self;
  gint64              document_id;
  gint64              tag_id;
  DossierOffsetIndex *index;
  const char         *now;

  Coded              *coded;       /* the live highlights read, by start then id */
  guint               n_coded;
  GHashTable         *by_range;    /* RangeKey → first Coded read with it */
  guint               next;        /* first of @coded not yet swept in */
  GPtrArray          *active;      /* of Coded: only this tag, may touch a match */
  GPtrArray          *made;        /* of Coded, owned: made by matches */
  Coded              *pending;     /* the last made, not yet written */
  gint64              count;       /* highlights made, extended or tagged */
} Sweep;

static guint
range_key_hash (gconstpointer key)
{
  const RangeKey *k = key;

  return (guint) (k->start * 1000003 + k->end);
}

static gboolean
range_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const RangeKey *x = a, *y = b;

  return x->start == y->start && x->end == y->end;
}

static void
sweep_clear (Sweep *sweep)
{
  for (guint i = 0; i < sweep->n_coded; i++)
    g_free (sweep->coded[i].memo);
  g_clear_pointer (&sweep->coded, g_free);
  g_clear_pointer (&sweep->by_range, g_hash_table_unref);
  g_clear_pointer (&sweep->active, g_ptr_array_unref);
  g_clear_pointer (&sweep->made, g_ptr_array_unref);
  sweep->pending = NULL;
}

static void
coded_free (gpointer data)
{
  Coded *c = data;

  g_free (c->memo);
  g_free (c);
}

/* Reads the document's live highlights: their range, and whether they carry
 * this tag, alone or with others. */
static gboolean
sweep_read (Sweep   *sweep,
            GError **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autoptr(GArray) coded = g_array_new (FALSE, TRUE, sizeof (Coded));
  int rc;

  sweep->by_range = g_hash_table_new (range_key_hash, range_key_equal);
  sweep->active = g_ptr_array_new ();
  sweep->made = g_ptr_array_new_with_free_func (coded_free);

  stmt = dossier_project_prepare (sweep->self,
                                  "SELECT h.id, h.start, h.end, count (ht.tag), "
                                  "  coalesce (max (ht.tag = ?2), 0), "
                                  "  CASE WHEN count (ht.tag) = 1 AND max (ht.tag = ?2) "
                                  "       THEN h.memo END "
                                  "FROM highlights h "
                                  "LEFT JOIN highlight_tags ht ON ht.highlight = h.id "
                                  "WHERE h.document = ?1 AND h.orphaned = 0 "
                                  "GROUP BY h.id ORDER BY h.start, h.id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sweep->document_id);
  sqlite3_bind_int64 (stmt, 2, sweep->tag_id);
  while ((rc = dossier_project_step (sweep->self, stmt, error)) == SQLITE_ROW)
    {
      Coded c = {
        .id = sqlite3_column_int64 (stmt, 0),
        .start = sqlite3_column_int64 (stmt, 1),
        .end = sqlite3_column_int64 (stmt, 2),
        .has_tag = sqlite3_column_int (stmt, 4) != 0,
        .memo = dossier_column_dup (stmt, 5),
      };

      c.read.start = c.start;
      c.read.end = c.end;
      c.only_tag = c.has_tag && sqlite3_column_int64 (stmt, 3) == 1;
      g_array_append_val (coded, c);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  sweep->n_coded = coded->len;
  sweep->coded = (Coded *) (void *) g_array_free (g_steal_pointer (&coded), FALSE);

  /* Chains of equal ranges, lowest id first (what "ORDER BY id LIMIT 1"
   * finds): ids ascend within a start, so walk backwards and push each on
   * the front of its chain. */
  for (guint i = sweep->n_coded; i-- > 0;)
    {
      Coded *c = &sweep->coded[i];

      c->same_range = g_hash_table_lookup (sweep->by_range, &c->read);
      g_hash_table_insert (sweep->by_range, &c->read, c);
    }

  return TRUE;
}

/* The live highlight with exactly this range, lowest id first. Only those
 * read are looked up: one that a match made or a merge moved always reaches
 * back before any later match starts (the matches move forward and do not
 * overlap), so no later match has its range. */
static Coded *
sweep_lookup (Sweep  *sweep,
              gint64  start,
              gint64  end)
{
  RangeKey key = { start, end };

  for (Coded *c = g_hash_table_lookup (sweep->by_range, &key); c != NULL; c = c->same_range)
    if (!c->deleted && c->start == start && c->end == end)
      return c;

  return NULL;
}

/* Writes the pending highlight: one INSERT of its final range. */
static gboolean
sweep_flush (Sweep   *sweep,
             GError **error)
{
  Coded *pending = g_steal_pointer (&sweep->pending);

  if (pending == NULL)
    return TRUE;

  pending->id = insert_highlight (sweep->self, sweep->document_id, sweep->index,
                                  pending->start, pending->end, NULL, sweep->now, error);
  if (pending->id == 0)
    return FALSE;

  /* A new highlight: this is its first tag. */
  return dossier_project_run_ids (sweep->self,
                                  "INSERT INTO highlight_tags (highlight, tag, position) "
                                  "VALUES (?1, ?2, 0)",
                                  pending->id, sweep->tag_id, error);
}

static int
compare_coded (gconstpointer a,
               gconstpointer b)
{
  const Coded *x = *(Coded * const *) a;
  const Coded *y = *(Coded * const *) b;
  /* The pending one was made last: its id will be the highest. */
  gint64 xid = x->id != 0 ? x->id : G_MAXINT64;
  gint64 yid = y->id != 0 ? y->id : G_MAXINT64;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return xid < yid ? -1 : xid > yid ? 1 : 0;
}

/* Merges @merge (by start, then id) into its first, extended over
 * start–end, as step 2 of tag_range_in() does. */
static gboolean
sweep_merge (Sweep      *sweep,
             GPtrArray  *merge,
             gint64      start,
             gint64      end,
             GError    **error)
{
  g_autoptr(GString) memo = g_string_new (NULL);
  Coded *keep = g_ptr_array_index (merge, 0);
  gint64 union_start = start;
  gint64 union_end = end;

  for (guint i = 0; i < merge->len; i++)
    {
      Coded *m = g_ptr_array_index (merge, i);

      merge_into (&union_start, &union_end, memo, m->start, m->end, m->memo);
    }

  /* The usual case: the pending highlight grows over the next match. */
  if (keep == sweep->pending && merge->len == 1)
    {
      keep->start = union_start;
      keep->end = union_end;
      return TRUE;
    }

  /* Otherwise the pending one either vanishes into the highlight kept (it
   * has no memo nor evidence to carry over), or is that highlight and is
   * written now so that the others can be merged into it. */
  if (keep == sweep->pending && !sweep_flush (sweep, error))
    return FALSE;

  for (guint i = 1; i < merge->len; i++)
    {
      Coded *m = g_ptr_array_index (merge, i);

      m->deleted = TRUE;
      if (m == sweep->pending)
        sweep->pending = NULL;
      else if (!move_evidence (sweep->self, m->id, keep->id, error) ||
               !delete_highlight_row (sweep->self, m->id, error))
        return FALSE;
    }

  if (!write_merged (sweep->self, sweep->index, keep->id, union_start, union_end,
                     memo->str, sweep->now, error))
    return FALSE;

  keep->start = union_start;
  keep->end = union_end;
  g_free (keep->memo);
  keep->memo = g_string_free (g_steal_pointer (&memo), FALSE);
  return TRUE;
}

/* Tags start–end as tag_range_in() would; matches come in order and do not
 * overlap. */
static gboolean
sweep_apply (Sweep   *sweep,
             gint64   start,
             gint64   end,
             GError **error)
{
  g_autoptr(GPtrArray) merge = NULL;
  Coded *same;
  guint kept = 0;

  /* 1. The very same range: add the tag to it. */
  same = sweep_lookup (sweep, start, end);
  if (same != NULL)
    {
      if (same->has_tag)
        return TRUE;
      if (!insert_highlight_tag (sweep->self, same->id, sweep->tag_id, error))
        return FALSE;
      same->has_tag = TRUE;
      sweep->count++;
      return TRUE;
    }

  /* 2. Those of this tag alone that overlap or touch the range. Sweep in
   * the ones that start by its end; drop the ones that end before its
   * start: no later match reaches them. The pending one is final then. */
  while (sweep->next < sweep->n_coded && sweep->coded[sweep->next].start <= end)
    {
      Coded *c = &sweep->coded[sweep->next++];

      if (c->only_tag && !c->deleted)
        g_ptr_array_add (sweep->active, c);
    }

  merge = g_ptr_array_new ();
  for (guint i = 0; i < sweep->active->len; i++)
    {
      Coded *c = g_ptr_array_index (sweep->active, i);

      if (c->deleted)
        continue;
      if (c->end < start)
        {
          if (c == sweep->pending && !sweep_flush (sweep, error))
            return FALSE;
          continue;
        }
      g_ptr_array_index (sweep->active, kept++) = c;
      g_ptr_array_add (merge, c);
    }
  g_ptr_array_set_size (sweep->active, kept);

  if (merge->len == 0)
    {
      /* 3. A new highlight, written once no later match can extend it. */
      Coded *made = g_new0 (Coded, 1);

      made->start = start;
      made->end = end;
      made->only_tag = TRUE;
      made->has_tag = TRUE;
      g_ptr_array_add (sweep->made, made);
      g_ptr_array_add (sweep->active, made);
      g_assert (sweep->pending == NULL);
      sweep->pending = made;
      sweep->count++;
      return TRUE;
    }

  g_ptr_array_sort (merge, compare_coded);

  /* Already covered by a single highlight of this tag: nothing to do. */
  if (merge->len == 1)
    {
      Coded *only = g_ptr_array_index (merge, 0);

      if (only->start <= start && only->end >= end)
        return TRUE;
    }

  if (!sweep_merge (sweep, merge, start, end, error))
    return FALSE;
  sweep->count++;
  return TRUE;
}

static gboolean
autocode_document (DossierProject  *self,
                   Matcher         *matcher,
                   gint64           document_id,
                   gint64           tag_id,
                   const char      *now,
                   gint64          *count,
                   GError         **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autofree char *text = NULL;
  DossierOffsetIndex index = { 0 };
  Sweep sweep = { self, document_id, tag_id, &index, now, };
  gboolean ok;

  text = dossier_project_read_sound_text (self, document_id, error);
  if (text == NULL)
    return FALSE;

  if (!matcher_find (matcher, text, spans, error))
    return FALSE;
  if (spans->len == 0)
    return TRUE;

  dossier_offset_index_init (&index, text);
  ok = sweep_read (&sweep, error);
  for (guint i = 0; ok && i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      ok = sweep_apply (&sweep, span->start, span->end, error);
    }
  ok = ok && sweep_flush (&sweep, error);

  if (ok && sweep.count > 0)
    {
      dossier_project_touch (self, "highlights", document_id);
      dossier_project_touch (self, "tags", tag_id);
    }
  *count += sweep.count;

  sweep_clear (&sweep);
  dossier_offset_index_clear (&index);
  return ok;
}

gint64
dossier_project_autocode (DossierProject  *self,
                          gint64           tag_id,
                          const char      *match,
                          const char      *regex,
                          gint64           document_id,
                          GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(Matcher) matcher = { NULL };
  g_autoptr(GError) regex_error = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GArray) documents = NULL;
  g_autofree char *label = NULL;
  gint64 count = 0;
  gboolean have_match = match != NULL && match[0] != '\0';
  gboolean have_regex = regex != NULL && regex[0] != '\0';

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), -1);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_tag (self, tag_id, error))
    return -1;

  if (have_match == have_regex)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("Autocoding needs either a text to match or a regular expression."));
      return -1;
    }

  if (document_id != 0 && !dossier_project_require_document (self, document_id, NULL, error))
    return -1;

  if (have_match)
    {
      if (!g_utf8_validate (match, -1, NULL))
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                       _("The text to match is not valid UTF-8."));
          return -1;
        }
      matcher.match = match;
    }
  else
    {
      matcher.interpreted = g_regex_new (regex, 0, 0, &regex_error);
      if (matcher.interpreted == NULL)
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                       _("“%s” is not a valid regular expression: %s"),
                       regex, regex_error->message);
          return -1;
        }
      /* G_REGEX_OPTIMIZE is what asks for the JIT. */
      matcher.jit = g_regex_new (regex, G_REGEX_OPTIMIZE, 0, NULL);
      if (matcher.jit == NULL)
        matcher.jit = g_regex_ref (matcher.interpreted);
    }

  documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (document_id != 0)
    {
      g_array_append_val (documents, document_id);
    }
  else
    {
      GListModel *model = G_LIST_MODEL (self->documents);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DossierDocument) document = g_list_model_get_item (model, i);
          gint64 id = dossier_document_get_id (document);

          g_array_append_val (documents, id);
        }
    }

  if (!dossier_action_begin (&action, self, error))
    return -1;

  /* One action, one time: every highlight it makes was made then. */
  now = dossier_now_iso8601 ();
  for (guint i = 0; i < documents->len; i++)
    if (!autocode_document (self, &matcher, g_array_index (documents, gint64, i), tag_id,
                            now, &count, error))
      return -1;

  label = g_strdup_printf (_("Autocode “%s”"), tag_name (self, tag_id));
  if (!dossier_action_commit (&action, label, error))
    return -1;

  return count;
}
