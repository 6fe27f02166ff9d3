/* dossier-project-highlights.c — highlights: tagging a range (with the
 * merging a user expects), tags and memos on highlights, listing them,
 * and autocoding.
 */

#include "config.h"

#include "dossier-project-private.h"

#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-text.h>

#define HIGHLIGHT_COLUMNS \
  "h.id, h.uuid, h.document, h.start, h.end, h.quote, h.prefix, h.suffix, h.memo, " \
  "h.author, h.created, h.modified, h.orphaned, ht.tag"

/* Reads rows of HIGHLIGHT_COLUMNS (one per highlight–tag pair, grouped by
 * highlight) into snapshots. */
static gboolean
read_highlights (DossierProject  *self,
                 sqlite3_stmt    *stmt,
                 GPtrArray       *highlights,
                 GError         **error)
{
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
            sqlite3_column_int (stmt, 12) != 0,
          };

          current = dossier_highlight_new (&data);
          current_id = id;
          g_ptr_array_add (highlights, current);
        }

      if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
        dossier_highlight_add_tag_id (current, sqlite3_column_int64 (stmt, 13));
    }

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
                                  "WHERE h.id = ?1 ORDER BY ht.position, ht.tag",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, highlight_id);
  if (!read_highlights (self, stmt, highlights, error))
    return NULL;

  if (highlights->len == 0)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                   _("There is no highlight %" G_GINT64_FORMAT " in this project."),
                   highlight_id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (highlights, 0));
}

GPtrArray *
dossier_project_list_highlights (DossierProject  *self,
                                 gint64           document_id,
                                 gint64           tag_id,
                                 GError         **error)
{
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(DossierStmt) stmt = NULL;
  const char *sql;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  if (!dossier_project_ensure_open (self, error))
    return NULL;
  if (document_id != 0 && !dossier_project_require_document (self, document_id, NULL, error))
    return NULL;
  if (tag_id != 0 && !dossier_project_require_tag (self, tag_id, error))
    return NULL;

  /* Orphaned highlights are left out: their offsets no longer hold
   * (dossier_project_list_orphans() lists them). */
  if (tag_id == 0 && document_id != 0)
    sql = "SELECT " HIGHLIGHT_COLUMNS " FROM highlights h "
          "LEFT JOIN highlight_tags ht ON ht.highlight = h.id "
          "WHERE h.document = ?1 AND h.orphaned = 0 "
          "ORDER BY h.start, h.end, h.id, ht.position, ht.tag";
  else if (tag_id == 0)
    sql = "SELECT " HIGHLIGHT_COLUMNS " FROM highlights h "
          "LEFT JOIN highlight_tags ht ON ht.highlight = h.id "
          "WHERE h.orphaned = 0 "
          "ORDER BY h.document, h.start, h.end, h.id, ht.position, ht.tag";
  else
    sql = "WITH RECURSIVE subtree (id) AS ("
          "  SELECT ?2 UNION SELECT t.id FROM tags t JOIN subtree s ON t.parent = s.id) "
          "SELECT " HIGHLIGHT_COLUMNS " FROM highlights h "
          "LEFT JOIN highlight_tags ht ON ht.highlight = h.id "
          "WHERE h.id IN (SELECT highlight FROM highlight_tags WHERE tag IN subtree) "
          "AND (?1 = 0 OR h.document = ?1) AND h.orphaned = 0 "
          "ORDER BY h.document, h.start, h.end, h.id, ht.position, ht.tag";

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
                   _("Cannot highlight %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                     ": a range must be non-empty and lie within the document’s %"
                     G_GINT64_FORMAT " characters."),
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
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self, "SELECT document FROM highlights WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, highlight_id);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *document_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                 _("There is no highlight %" G_GINT64_FORMAT " in this project."),
                 highlight_id);
  return FALSE;
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
  g_auto(DossierStmt) stmt = NULL;

  /* position: the order tags were applied in. */
  stmt = dossier_project_prepare (self,
                                  "INSERT INTO highlight_tags (highlight, tag, position) "
                                  "VALUES (?1, ?2, (SELECT coalesce (max (position) + 1, 0) "
                                  "  FROM highlight_tags WHERE highlight = ?1))",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, highlight_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  dossier_project_touch_tag (self, tag_id);
  return TRUE;
}

static gint64
insert_highlight (DossierProject      *self,
                  gint64               document_id,
                  DossierOffsetIndex  *index,
                  gint64               start,
                  gint64               end,
                  const char          *memo,
                  GError             **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = dossier_now_iso8601 ();
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  dossier_offset_index_context (index, start, end, &quote, &prefix, &suffix);

  stmt = dossier_project_prepare (self,
                                  "INSERT INTO highlights (uuid, document, start, end, quote, "
                                  "  prefix, suffix, memo, author, created, modified) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                                  error);
  if (stmt == NULL)
    return 0;

  dossier_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, document_id);
  sqlite3_bind_int64 (stmt, 3, start);
  sqlite3_bind_int64 (stmt, 4, end);
  dossier_bind_text (stmt, 5, quote);
  dossier_bind_text (stmt, 6, prefix);
  dossier_bind_text (stmt, 7, suffix);
  dossier_bind_text (stmt, 8, memo != NULL ? memo : "");
  dossier_bind_text (stmt, 9, self->author != NULL ? self->author : "");
  dossier_bind_text (stmt, 10, now);
  if (!dossier_project_run (self, stmt, error))
    return 0;

  dossier_project_touch_highlights (self, document_id);
  return sqlite3_last_insert_rowid (self->db);
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

static gboolean
delete_highlight_row (DossierProject  *self,
                      gint64           highlight_id,
                      GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;

  /* Its tags and evidence go with it (cascade). */
  stmt = dossier_project_prepare (self, "DELETE FROM highlights WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, highlight_id);
  return dossier_project_run (self, stmt, error);
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
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
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
  stmt = dossier_project_prepare (self,
                                  "SELECT id FROM highlights WHERE document = ?1 AND orphaned = 0 "
                                  "AND start = ?2 AND end = ?3 ORDER BY id LIMIT 1",
                                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (!has_tag (self, id, tag_id, &present, error))
        return 0;
      if (!present)
        {
          if (!insert_highlight_tag (self, id, tag_id, error))
            return 0;
          dossier_project_touch_highlights (self, document_id);
          *changed = TRUE;
        }
      return id;
    }
  if (rc != SQLITE_DONE)
    return 0;
  sqlite3_reset (stmt);
  stmt = NULL;

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
      id = insert_highlight (self, document_id, index, start, end, NULL, error);
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

      union_start = MIN (union_start, m->start);
      union_end = MAX (union_end, m->end);
      if (m->memo != NULL && m->memo[0] != '\0')
        {
          if (memo->len > 0)
            g_string_append (memo, "\n\n");
          g_string_append (memo, m->memo);
        }
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

  dossier_offset_index_context (index, union_start, union_end, &quote, &prefix, &suffix);
  now = dossier_now_iso8601 ();
  stmt = dossier_project_prepare (self,
                                  "UPDATE highlights SET start = ?2, end = ?3, quote = ?4, "
                                  "  prefix = ?5, suffix = ?6, memo = ?7, modified = ?8 "
                                  "WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, keep->id);
  sqlite3_bind_int64 (stmt, 2, union_start);
  sqlite3_bind_int64 (stmt, 3, union_end);
  dossier_bind_text (stmt, 4, quote);
  dossier_bind_text (stmt, 5, prefix);
  dossier_bind_text (stmt, 6, suffix);
  dossier_bind_text (stmt, 7, memo->str);
  dossier_bind_text (stmt, 8, now);
  if (!dossier_project_run (self, stmt, error))
    return 0;

  dossier_project_touch_highlights (self, document_id);
  dossier_project_touch_tag (self, tag_id);
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
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  DossierOffsetIndex index = { 0 };
  gint64 max_length;
  gboolean changed;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  if (!dossier_project_ensure_open (self, error) ||
      !check_range (self, document_id, start, end, error) ||
      !dossier_project_require_tag (self, tag_id, error))
    return 0;

  if (!dossier_project_begin (self, error))
    return 0;

  text = dossier_project_read_text (self, document_id, error);
  if (text == NULL)
    goto fail;

  max_length = max_highlight_length (self, document_id, error);
  if (max_length < 0)
    goto fail;

  dossier_offset_index_init (&index, text);
  id = tag_range_in (self, document_id, &index, start, end, tag_id, &max_length, &changed, error);
  dossier_offset_index_clear (&index);
  if (id == 0)
    goto fail;

  label = g_strdup_printf (_("Tag “%s”"), tag_name (self, tag_id));
  if (!dossier_project_commit (self, label, error))
    return 0;

  return id;

fail:
  dossier_project_rollback (self);
  return 0;
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
  g_autofree char *text = NULL;
  DossierOffsetIndex index = { 0 };
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

  if (!dossier_project_begin (self, error))
    return 0;

  text = dossier_project_read_text (self, document_id, error);
  if (text == NULL)
    goto fail;

  dossier_offset_index_init (&index, text);
  id = insert_highlight (self, document_id, &index, start, end, memo, error);
  dossier_offset_index_clear (&index);
  if (id == 0)
    goto fail;

  for (guint i = 0; i < n_tags; i++)
    {
      gboolean repeated = FALSE;

      for (guint j = 0; j < i; j++)
        repeated |= tag_ids[j] == tag_ids[i];

      if (!repeated && !insert_highlight_tag (self, id, tag_ids[i], error))
        goto fail;
    }

  if (!dossier_project_commit (self, _("Add Highlight"), error))
    return 0;

  return id;

fail:
  dossier_project_rollback (self);
  return 0;
}

gboolean
dossier_project_add_highlight_tag (DossierProject  *self,
                                   gint64           highlight_id,
                                   gint64           tag_id,
                                   GError         **error)
{
  g_autofree char *label = NULL;
  gint64 document_id;
  gboolean present;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !highlight_document (self, highlight_id, &document_id, error) ||
      !dossier_project_require_tag (self, tag_id, error) ||
      !has_tag (self, highlight_id, tag_id, &present, error))
    return FALSE;

  if (present)
    return TRUE;

  if (!dossier_project_begin (self, error))
    return FALSE;

  if (!insert_highlight_tag (self, highlight_id, tag_id, error))
    {
      dossier_project_rollback (self);
      return FALSE;
    }

  dossier_project_touch_highlights (self, document_id);
  label = g_strdup_printf (_("Tag “%s”"), tag_name (self, tag_id));
  return dossier_project_commit (self, label, error);
}

gboolean
dossier_project_remove_highlight_tag (DossierProject  *self,
                                      gint64           highlight_id,
                                      gint64           tag_id,
                                      GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *label = NULL;
  gint64 document_id;
  gboolean present;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !highlight_document (self, highlight_id, &document_id, error) ||
      !dossier_project_require_tag (self, tag_id, error) ||
      !has_tag (self, highlight_id, tag_id, &present, error))
    return FALSE;

  if (!present)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                   _("Highlight %" G_GINT64_FORMAT " is not tagged “%s”."),
                   highlight_id, tag_name (self, tag_id));
      return FALSE;
    }

  if (!dossier_project_begin (self, error))
    return FALSE;

  stmt = dossier_project_prepare (self,
                                  "DELETE FROM highlight_tags WHERE highlight = ?1 AND tag = ?2",
                                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  if (!dossier_project_run (self, stmt, error))
    goto fail;
  sqlite3_reset (stmt);
  stmt = NULL;

  /* A highlight lives only as long as it carries a tag. */
  stmt = dossier_project_prepare (self,
                                  "DELETE FROM highlights WHERE id = ?1 AND NOT EXISTS "
                                  "(SELECT 1 FROM highlight_tags WHERE highlight = ?1)",
                                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  if (!dossier_project_run (self, stmt, error))
    goto fail;

  dossier_project_touch_tag (self, tag_id);
  dossier_project_touch_highlights (self, document_id);
  label = g_strdup_printf (_("Untag “%s”"), tag_name (self, tag_id));
  return dossier_project_commit (self, label, error);

fail:
  dossier_project_rollback (self);
  return FALSE;
}

gboolean
dossier_project_set_highlight_memo (DossierProject  *self,
                                    gint64           highlight_id,
                                    const char      *memo,
                                    GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *now = NULL;
  gint64 document_id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !highlight_document (self, highlight_id, &document_id, error))
    return FALSE;

  if (memo == NULL)
    memo = "";
  if (!g_utf8_validate (memo, -1, NULL))
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("The memo is not valid UTF-8 text."));
      return FALSE;
    }

  if (!dossier_project_begin (self, error))
    return FALSE;

  now = dossier_now_iso8601 ();
  stmt = dossier_project_prepare (self,
                                  "UPDATE highlights SET memo = ?2, modified = ?3 "
                                  "WHERE id = ?1 AND memo IS NOT ?2",
                                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  dossier_bind_text (stmt, 2, memo);
  dossier_bind_text (stmt, 3, now);
  if (!dossier_project_run (self, stmt, error))
    goto fail;

  dossier_project_touch_highlights (self, document_id);
  return dossier_project_commit (self, _("Edit Memo"), error);

fail:
  dossier_project_rollback (self);
  return FALSE;
}

gboolean
dossier_project_delete_highlight (DossierProject  *self,
                                  gint64           highlight_id,
                                  GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  gint64 document_id;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !highlight_document (self, highlight_id, &document_id, error))
    return FALSE;

  if (!dossier_project_begin (self, error))
    return FALSE;

  stmt = dossier_project_prepare (self, "SELECT tag FROM highlight_tags WHERE highlight = ?1",
                                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    dossier_project_touch_tag (self, sqlite3_column_int64 (stmt, 0));
  if (rc != SQLITE_DONE)
    goto fail;

  if (!delete_highlight_row (self, highlight_id, error))
    goto fail;

  dossier_project_touch_highlights (self, document_id);
  return dossier_project_commit (self, _("Delete Highlight"), error);

fail:
  dossier_project_rollback (self);
  return FALSE;
}

/* ---- Autocoding ------------------------------------------------------------ */

static gboolean
autocode_document (DossierProject  *self,
                   GRegex          *regex,
                   gint64           document_id,
                   gint64           tag_id,
                   gint64          *count,
                   GError         **error)
{
  g_autoptr(GMatchInfo) match_info = NULL;
  g_autoptr(GError) match_error = NULL;
  g_autofree char *text = NULL;
  DossierOffsetIndex index = { 0 };
  const char *counted_to;
  gint64 offset = 0;
  gint64 max_length;
  gboolean ok = TRUE;

  text = dossier_project_read_text (self, document_id, error);
  if (text == NULL)
    return FALSE;

  max_length = max_highlight_length (self, document_id, error);
  if (max_length < 0)
    return FALSE;

  dossier_offset_index_init (&index, text);

  /* Matches come in order: count code points from one to the next, so
   * the whole text is walked once. */
  counted_to = text;
  g_regex_match_full (regex, text, -1, 0, G_REGEX_MATCH_NOTEMPTY, &match_info, &match_error);
  while (ok && g_match_info_matches (match_info))
    {
      int start_byte, end_byte;
      gint64 start, end;
      gboolean changed;

      if (g_match_info_fetch_pos (match_info, 0, &start_byte, &end_byte) && end_byte > start_byte)
        {
          offset += g_utf8_strlen (counted_to, text + start_byte - counted_to);
          start = offset;
          end = start + g_utf8_strlen (text + start_byte, end_byte - start_byte);
          offset = end;
          counted_to = text + end_byte;

          if (tag_range_in (self, document_id, &index, start, end, tag_id,
                            &max_length, &changed, error) == 0)
            ok = FALSE;
          else if (changed)
            (*count)++;
        }

      if (ok)
        g_match_info_next (match_info, &match_error);
    }

  dossier_offset_index_clear (&index);

  if (ok && match_error != NULL)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("The pattern could not be matched: %s"), match_error->message);
      ok = FALSE;
    }

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
  g_autoptr(GRegex) compiled = NULL;
  g_autoptr(GError) regex_error = NULL;
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
      g_autofree char *escaped = g_regex_escape_string (match, -1);

      compiled = g_regex_new (escaped, G_REGEX_CASELESS, 0, &regex_error);
    }
  else
    {
      compiled = g_regex_new (regex, 0, 0, &regex_error);
    }

  if (compiled == NULL)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("“%s” is not a valid regular expression: %s"),
                   have_match ? match : regex, regex_error->message);
      return -1;
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

  if (!dossier_project_begin (self, error))
    return -1;

  for (guint i = 0; i < documents->len; i++)
    if (!autocode_document (self, compiled, g_array_index (documents, gint64, i), tag_id,
                            &count, error))
      {
        dossier_project_rollback (self);
        return -1;
      }

  label = g_strdup_printf (_("Autocode “%s”"), tag_name (self, tag_id));
  if (!dossier_project_commit (self, label, error))
    return -1;

  return count;
}
