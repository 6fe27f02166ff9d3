/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-rows.c — what the actions on the project's rows share:
 * a row that must exist (and the message when it does not), the ids a
 * query returns, rows numbered in a new order or moved in one list, integer columns set as one
 * action, notes on evidence, colours, and which changes make a model read again.
 * One copy, so that a fix to one reaches all.
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include <dossier/dossier-text.h>

#include "dossier-project-private.h"

void
dossier_set_not_found (GError         **error,
                       DossierRowKind   kind,
                       gint64           id)
{
  /* A message for each kind, translated whole; each takes the id alone. */
  static const char * const formats[] = {
    [DOSSIER_ROW_DOCUMENT] = N_("There is no document %" PRId64 " in this project."),
    [DOSSIER_ROW_TAG] = N_("There is no tag %" PRId64 " in this project."),
    [DOSSIER_ROW_HIGHLIGHT] = N_("There is no highlight %" PRId64 " in this project."),
    [DOSSIER_ROW_STAKEHOLDER] = N_("There is no stakeholder %" PRId64 " in this project."),
    [DOSSIER_ROW_QUESTION] = N_("There is no question %" PRId64 " in this project."),
    [DOSSIER_ROW_ARGUMENT] = N_("There is no argument %" PRId64 " in this project."),
    [DOSSIER_ROW_BRIEFING] = N_("There is no briefing %" PRId64 " in this project."),
  };

  g_assert ((guint) kind < G_N_ELEMENTS (formats) && formats[kind] != NULL);

  /* The compiler cannot check a format from a table against the id;
   * msgfmt -c checks each translation against its format. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
               _(formats[kind]), id);
#pragma GCC diagnostic pop
}

gboolean
dossier_project_read_row_int (DossierProject  *self,
                              DossierRowKind   kind,
                              const char      *sql,
                              gint64           id,
                              gint64          *value,
                              GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    {
      if (value != NULL)
        *value = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    dossier_set_not_found (error, kind, id);
  return FALSE;
}

gboolean
dossier_project_require_row (DossierProject  *self,
                             DossierRowKind   kind,
                             gint64           id,
                             GError         **error)
{
  static const char * const sql[] = {
    [DOSSIER_ROW_DOCUMENT] = "SELECT 1 FROM documents WHERE id = ?1",
    [DOSSIER_ROW_TAG] = "SELECT 1 FROM tags WHERE id = ?1",
    [DOSSIER_ROW_HIGHLIGHT] = "SELECT 1 FROM highlights WHERE id = ?1",
    [DOSSIER_ROW_STAKEHOLDER] = "SELECT 1 FROM stakeholders WHERE id = ?1",
    [DOSSIER_ROW_QUESTION] = "SELECT 1 FROM questions WHERE id = ?1",
    [DOSSIER_ROW_ARGUMENT] = "SELECT 1 FROM arguments WHERE id = ?1",
    [DOSSIER_ROW_BRIEFING] = "SELECT 1 FROM briefings WHERE id = ?1",
  };

  g_assert ((guint) kind < G_N_ELEMENTS (sql));

  return dossier_project_read_row_int (self, kind, sql[kind], id, NULL, error);
}

GArray *
dossier_project_read_ids (DossierProject  *self,
                          const char      *sql,
                          gint64           param,
                          const char      *text_param,
                          GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, param);
  if (text_param != NULL)
    dossier_bind_text (stmt, 2, text_param);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

gboolean
dossier_project_renumber (DossierProject  *self,
                          const char      *sql,
                          GArray          *ids,
                          GError         **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(DossierStmt) stmt = dossier_project_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i);
      if (!dossier_project_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

int
dossier_compare_places (int    x_position,
                        gint64 x_id,
                        int    y_position,
                        gint64 y_id)
{
  if (x_position != y_position)
    return x_position < y_position ? -1 : 1;
  return x_id < y_id ? -1 : x_id > y_id;
}

void
dossier_array_move_id (GArray *ids,
                       gint64  id,
                       int     position)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      g_array_remove_index (ids, i--);

  if (position < 0 || (guint) position > ids->len)
    position = ids->len;
  g_array_insert_val (ids, position, id);
}

/* A row's place, for closing ranks behind it: -1 if it is no number. */
#define PLACE_SQL(table) \
  "SELECT CASE WHEN typeof (position) = 'integer' AND position >= 0 THEN position ELSE -1 END " \
  "FROM " table " WHERE id = ?1"
/* The rows after place ?1 and id ?2, in order. */
#define AFTER_SQL(table) \
  "SELECT id FROM " table " WHERE position >= ?1 AND (position > ?1 OR id > ?2) ORDER BY position, id"

/* The rows kept in one list by their place. The statements are cached by
 * their text: static strings. */
static const struct
{
  const char *table;
  const char *order_sql;
  const char *renumber_sql;
  const char *place_sql;
  const char *delete_sql;
  const char *after_sql;
} ordered_rows[] = {
  [DOSSIER_ROW_STAKEHOLDER] = {
    "stakeholders",
    "SELECT id FROM stakeholders WHERE ?1 = ?1 ORDER BY position, id",
    "UPDATE stakeholders SET position = ?2 WHERE id = ?1 AND position IS NOT ?2",
    PLACE_SQL ("stakeholders"),
    "DELETE FROM stakeholders WHERE id = ?1",
    AFTER_SQL ("stakeholders"),
  },
  [DOSSIER_ROW_QUESTION] = {
    "questions",
    "SELECT id FROM questions WHERE ?1 = ?1 ORDER BY position, id",
    "UPDATE questions SET position = ?2 WHERE id = ?1 AND position IS NOT ?2",
    PLACE_SQL ("questions"),
    "DELETE FROM questions WHERE id = ?1",
    AFTER_SQL ("questions"),
  },
};

gboolean
dossier_project_place_rows (DossierProject  *self,
                            DossierRowKind   kind,
                            gint64           moved_id,
                            int              position,
                            GError         **error)
{
  g_autoptr(GArray) ids = NULL;

  g_assert ((guint) kind < G_N_ELEMENTS (ordered_rows) && ordered_rows[kind].table != NULL);

  ids = dossier_project_read_ids (self, ordered_rows[kind].order_sql, 0, NULL, error);
  if (ids == NULL)
    return FALSE;
  if (moved_id != 0)
    dossier_array_move_id (ids, moved_id, position);
  if (!dossier_project_renumber (self, ordered_rows[kind].renumber_sql, ids, error))
    return FALSE;

  dossier_project_touch_table (self, ordered_rows[kind].table);
  return TRUE;
}

gboolean
dossier_project_delete_placed_row (DossierProject  *self,
                                   DossierRowKind   kind,
                                   gint64           id,
                                   GError         **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 position;

  g_assert ((guint) kind < G_N_ELEMENTS (ordered_rows) && ordered_rows[kind].table != NULL);

  if (!dossier_project_read_row_int (self, kind, ordered_rows[kind].place_sql, id, &position, error) ||
      !dossier_project_run_ids (self, ordered_rows[kind].delete_sql, id, 0, error))
    return FALSE;
  dossier_project_touch (self, ordered_rows[kind].table, id);

  /* A place that is no number (a file made by hand): every row numbered
   * again, as after a move. */
  if (position < 0)
    return dossier_project_place_rows (self, kind, 0, -1, error);

  /* The rows after it close ranks from its place, in the same order
   * (those before keep theirs): only they are written and read again. */
  {
    g_auto(DossierStmt) stmt = dossier_project_prepare (self, ordered_rows[kind].after_sql, error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    sqlite3_bind_int64 (stmt, 1, position);
    sqlite3_bind_int64 (stmt, 2, id);
    while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
      {
        gint64 after = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, after);
      }
    if (rc != SQLITE_DONE)
      return FALSE;
  }

  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(DossierStmt) stmt = dossier_project_prepare (self, ordered_rows[kind].renumber_sql, error);
      gint64 after = g_array_index (ids, gint64, i);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, after);
      sqlite3_bind_int64 (stmt, 2, position + i);
      if (!dossier_project_run (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (self->db) > 0)
        dossier_project_touch (self, ordered_rows[kind].table, after);
    }
  return TRUE;
}

gboolean
dossier_project_move_row (DossierProject  *self,
                          DossierRowKind   kind,
                          gint64           id,
                          int              position,
                          const char      *label,
                          GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;

  return dossier_project_ensure_open (self, error) &&
         dossier_project_require_row (self, kind, id, error) &&
         dossier_action_begin (&action, self, error) &&
         dossier_project_place_rows (self, kind, id, position, error) &&
         dossier_action_commit (&action, label, error);
}

gboolean
dossier_project_set_ints (DossierProject  *self,
                          const char      *table,
                          gint64           row_id,
                          const char      *sql,
                          const gint64    *values,
                          guint            n_values,
                          gint64           null_value,
                          const char      *label,
                          GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  stmt = dossier_project_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row_id);
  for (guint i = 0; i < n_values; i++)
    {
      if (values[i] == null_value)
        sqlite3_bind_null (stmt, 2 + i);
      else
        sqlite3_bind_int64 (stmt, 2 + i, values[i]);
    }
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  dossier_project_touch (self, table, row_id);
  return dossier_action_commit (&action, label, error);
}

gboolean
dossier_check_note (const char  *note,
                    GError     **error)
{
  if (note == NULL || g_utf8_validate (note, -1, NULL))
    return TRUE;

  g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                       _("The note is not valid UTF-8 text."));
  return FALSE;
}

gboolean
dossier_check_stance (int          position,
                      GError     **error)
{
  if ((position >= DOSSIER_STANCE_MIN && position <= DOSSIER_STANCE_MAX) ||
      position == DOSSIER_STANCE_UNKNOWN)
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
               _("A stance goes from %d (strongly against) to %d (strongly for), not %d."),
               DOSSIER_STANCE_MIN, DOSSIER_STANCE_MAX, position);
  return FALSE;
}

gboolean
dossier_check_color (const char  *color,
                     GError     **error)
{
  if (dossier_color_is_hex (color))
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
               _("“%s” is not a colour: write it as #rrggbb, for example #3584e4."),
               color != NULL ? color : "");
  return FALSE;
}

gboolean
dossier_changes_touch_any (const DossierChanges *changes,
                           const char * const   *tables,
                           guint                 n_tables)
{
  for (guint i = 0; i < n_tables; i++)
    if (dossier_changes_get_reload (changes, tables[i]) ||
        dossier_changes_get_rows (changes, tables[i]) != NULL)
      return TRUE;
  return FALSE;
}
