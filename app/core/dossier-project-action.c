/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-action.c — one action, one transaction: the guard that
 * rolls it back unless committed, the record of what it changed (keyed by
 * table), and the one setter of a text column that entities share.
 *
 * An action is an IMMEDIATE transaction watched by a session (undo,
 * dossier-project-undo.c). Its commit pushes the undo step and brings the
 * models up to date from the changes it recorded; anything that fails
 * before leaves the file as it was.
 */

#include "config.h"

#include "dossier-project-private.h"

#include <glib/gi18n.h>

/* ---- Changes ------------------------------------------------------------- */

GHashTable *
dossier_id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

void
dossier_id_set_add (GHashTable *set,
                    gint64      id)
{
  if (id > 0 && !g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

void
dossier_id_set_add_all (GHashTable *set,
                        GHashTable *other)
{
  GHashTableIter iter;
  gpointer key;

  if (other == NULL)
    return;

  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    dossier_id_set_add (set, *(gint64 *) key);
}

int
dossier_compare_ids (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

void
dossier_changes_init (DossierChanges *changes)
{
  /* Keys are interned: compared by pointer, never freed. */
  changes->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  changes->tables = g_hash_table_new (NULL, NULL);
}

void
dossier_changes_clear (DossierChanges *changes)
{
  g_clear_pointer (&changes->rows, g_hash_table_unref);
  g_clear_pointer (&changes->tables, g_hash_table_unref);
}

void
dossier_changes_add (DossierChanges *changes,
                     const char     *table,
                     gint64          id)
{
  const char *key = g_intern_string (table);
  GHashTable *ids = g_hash_table_lookup (changes->rows, key);

  if (id <= 0)
    return;

  if (ids == NULL)
    {
      ids = dossier_id_set_new ();
      g_hash_table_insert (changes->rows, (gpointer) key, ids);
    }
  dossier_id_set_add (ids, id);
}

void
dossier_changes_add_table (DossierChanges *changes,
                           const char     *table)
{
  g_hash_table_add (changes->tables, (gpointer) g_intern_string (table));
}

void
dossier_changes_copy (DossierChanges       *dest,
                      const DossierChanges *src)
{
  GHashTableIter iter;
  gpointer key, value;

  dossier_changes_init (dest);

  g_hash_table_iter_init (&iter, src->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTableIter ids;
      gpointer id;

      g_hash_table_iter_init (&ids, value);
      while (g_hash_table_iter_next (&ids, &id, NULL))
        dossier_changes_add (dest, key, *(gint64 *) id);
    }

  g_hash_table_iter_init (&iter, src->tables);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (dest->tables, key);
}

GHashTable *
dossier_changes_get_rows (const DossierChanges *changes,
                          const char           *table)
{
  return g_hash_table_lookup (changes->rows, g_intern_string (table));
}

GArray *
dossier_changes_get_sorted (const DossierChanges *changes,
                            const char           *table)
{
  GHashTable *set = dossier_changes_get_rows (changes, table);
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                   set != NULL ? g_hash_table_size (set) : 0);
  GHashTableIter iter;
  gpointer key;

  if (set == NULL)
    return ids;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, dossier_compare_ids);

  return ids;
}

gboolean
dossier_changes_contains (const DossierChanges *changes,
                          const char           *table,
                          gint64                id)
{
  GHashTable *set = dossier_changes_get_rows (changes, table);

  return set != NULL && g_hash_table_contains (set, &id);
}

gboolean
dossier_changes_get_reload (const DossierChanges *changes,
                            const char           *table)
{
  return g_hash_table_contains (changes->tables, g_intern_string (table));
}

void
dossier_project_touch (DossierProject *self,
                       const char     *table,
                       gint64          id)
{
  g_assert (self->in_transaction);
  dossier_changes_add (&self->changes, table, id);
  /* Its text may be about to change: the next read is the file's. */
  if (g_str_equal (table, "documents") || g_str_equal (table, "blocks"))
    dossier_project_forget_text (self, id);
}

void
dossier_project_touch_table (DossierProject *self,
                             const char     *table)
{
  g_assert (self->in_transaction);
  dossier_changes_add_table (&self->changes, table);
  if (g_str_equal (table, "documents") || g_str_equal (table, "blocks"))
    dossier_project_forget_text (self, 0);
}

gboolean
dossier_project_touch_selected (DossierProject  *self,
                                const char      *table,
                                const char      *sql,
                                gint64           id,
                                GError         **error)
{
  g_auto(DossierStmt) stmt = dossier_project_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    dossier_project_touch (self, table, sqlite3_column_int64 (stmt, 0));
  return rc == SQLITE_DONE;
}

/* ---- Transactions ---------------------------------------------------------- */

static gboolean
check_writable (DossierProject  *self,
                GError         **error)
{
  g_autofree char *name = NULL;

  if (!dossier_project_ensure_open (self, error))
    return FALSE;

  if (!self->read_only)
    return TRUE;

  name = dossier_display_name (self->path);
  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
               _("“%s” is open read-only: changes cannot be saved."), name);
  return FALSE;
}

static gboolean
begin (DossierProject  *self,
       GError         **error)
{
  if (!check_writable (self, error))
    return FALSE;

  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* The counts the file stores, checked before an action keeps what it
   * did not change of them in its undo step. */
  if (!dossier_project_finish_mentions (self, error))
    return FALSE;

  dossier_project_cache_begin (self);
  if (!dossier_project_exec (self, "BEGIN IMMEDIATE", error))
    {
      dossier_project_cache_rollback (self);
      return FALSE;
    }

  if (!dossier_project_verify_before_write (self, error) ||
      !dossier_project_attach_session (self, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      dossier_project_cache_rollback (self);
      return FALSE;
    }

  self->in_transaction = TRUE;
  self->changes_at_begin = sqlite3_total_changes64 (self->db);
  dossier_changes_clear (&self->changes);
  dossier_changes_init (&self->changes);
  dossier_project_forget_pointed_at (self);

  return TRUE;
}

void
dossier_project_rollback (DossierProject *self)
{
  if (!self->in_transaction)
    return;

  dossier_project_detach_sessions (self);

  /* Some errors (SQLITE_FULL, SQLITE_IOERR…) already rolled back. */
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  dossier_project_cache_rollback (self);
  /* What it read may have been the transaction's own text. */
  dossier_project_forget_text (self, 0);

  self->in_transaction = FALSE;
  dossier_changes_clear (&self->changes);
  dossier_changes_init (&self->changes);
}

static gboolean
commit (DossierProject  *self,
        const char      *label,
        GError         **error)
{
  DossierChanges changes;
  void *changeset = NULL;
  int n_changeset = 0;
  int rc;

  g_return_val_if_fail (self->in_transaction, FALSE);

  /* The file written over while the action ran: its statements did not
   * look (dossier_project_prepare ()), and none of it goes into the file. */
  if (!dossier_project_check_not_written_over (self, error))
    {
      dossier_project_rollback (self);
      return FALSE;
    }

  rc = sqlite3session_changeset (self->session, &n_changeset, &changeset);
  if (rc != SQLITE_OK)
    {
      dossier_project_set_db_error (self, error, rc);
      dossier_project_rollback (self);
      return FALSE;
    }

  /* Cascades change evidence too: its citers are known from the rows. */
  dossier_project_note_citers (self);
  dossier_project_detach_sessions (self);

  rc = dossier_commit_stamped (self->db, self->changes_at_begin);
  if (rc != SQLITE_OK)
    {
      dossier_project_set_db_error (self, error, rc);
      sqlite3_free (changeset);
      dossier_project_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  changes = self->changes;
  dossier_changes_init (&self->changes);
  /* Before anyone hears of the change and lists highlights again. */
  dossier_project_cache_commit (self, changeset, n_changeset);

  if (n_changeset > 0)
    dossier_project_push_undo (self, label, changeset, n_changeset, &changes);
  else
    sqlite3_free (changeset);

  dossier_project_apply_changes (self, &changes);
  dossier_changes_clear (&changes);

  return TRUE;
}

gboolean
dossier_action_begin (DossierAction   *action,
                      DossierProject  *self,
                      GError         **error)
{
  g_assert (action->project == NULL);

  if (!begin (self, error))
    return FALSE;

  action->project = self;
  return TRUE;
}

gboolean
dossier_action_commit (DossierAction  *action,
                       const char     *label,
                       GError        **error)
{
  DossierProject *self = g_steal_pointer (&action->project);

  g_assert (self != NULL);

  /* Rolls back by itself on failure. */
  return commit (self, label, error);
}

void
dossier_action_clear (DossierAction *action)
{
  DossierProject *self = g_steal_pointer (&action->project);

  if (self != NULL)
    dossier_project_rollback (self);
}

/* ---- On a bare connection ------------------------------------------------ */

gboolean
dossier_sqlite_exec (sqlite3     *db,
                     const char  *path,
                     const char  *sql,
                     GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      dossier_set_sqlite_error (error, path, db, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_transaction_begin (DossierTransaction  *transaction,
                           sqlite3             *db,
                           const char          *path,
                           GError             **error)
{
  g_assert (transaction->db == NULL);

  if (!dossier_sqlite_exec (db, path, "BEGIN IMMEDIATE", error))
    return FALSE;

  transaction->db = db;
  transaction->path = path;
  transaction->changes_at_begin = sqlite3_total_changes64 (db);
  return TRUE;
}

gboolean
dossier_transaction_commit (DossierTransaction  *transaction,
                           GError             **error)
{
  int rc;

  g_assert (transaction->db != NULL);

  rc = dossier_commit_stamped (transaction->db, transaction->changes_at_begin);
  if (rc != SQLITE_OK)
    {
      dossier_set_sqlite_error (error, transaction->path, transaction->db, rc);
      dossier_transaction_clear (transaction);
      return FALSE;
    }

  transaction->db = NULL;
  return TRUE;
}

void
dossier_transaction_clear (DossierTransaction *transaction)
{
  sqlite3 *db = g_steal_pointer (&transaction->db);

  /* Some errors (SQLITE_FULL, SQLITE_IOERR…) already rolled back. */
  if (db != NULL && !sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- The text setter ------------------------------------------------------- */

/* "UPDATE table SET column = …" for @column, built once: the statement
 * cache keys statements by their text, which must outlive it. */
static const char *
text_sql (const DossierTextColumn *column,
          gboolean                 update)
{
  g_autofree char *sql = NULL;

  if (!update)
    sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                           column->parent != NULL ? column->parent : "id", column->table);
  else if (column->flags & DOSSIER_TEXT_TIMESTAMPED)
    sql = g_strdup_printf ("UPDATE %s SET %s = ?2, modified = ?3 WHERE id = ?1 AND %s IS NOT ?2",
                           column->table, column->column, column->column);
  else
    sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1 AND %s IS NOT ?2",
                           column->table, column->column, column->column);

  return g_intern_string (sql);
}

gboolean
dossier_project_set_text (DossierProject          *self,
                          const DossierTextColumn *column,
                          gint64                   row_id,
                          const char              *value,
                          const char              *label,
                          GError                 **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *cleaned = NULL;
  g_autofree char *now = NULL;
  gint64 touched_id;
  int rc;

  g_assert (column != NULL && column->table != NULL && column->column != NULL);

  if (!dossier_project_ensure_open (self, error))
    return FALSE;

  /* The row must exist; its parent is where the change is recorded. */
  stmt = dossier_project_prepare (self, text_sql (column, FALSE), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                         _("What you are editing is no longer in this project: it may have "
                           "been deleted."));
  if (rc != SQLITE_ROW)
    return FALSE;
  touched_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  stmt = NULL;

  if (value == NULL)
    value = "";
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           column->invalid_message != NULL ?
                           _(column->invalid_message) : _("The text is not valid UTF-8."));
      return FALSE;
    }
  cleaned = dossier_text_without_controls (value, !(column->flags & DOSSIER_TEXT_ONE_LINE));
  value = cleaned;

  if (column->flags & DOSSIER_TEXT_REQUIRED)
    {
      stripped = g_strstrip (g_strdup (value));
      if (stripped[0] == '\0')
        {
          g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                               column->empty_message != NULL ?
                               _(column->empty_message) : _("This cannot be left empty."));
          return FALSE;
        }
      value = stripped;
    }

  if (column->max_chars > 0 && g_utf8_strlen (value, -1) > column->max_chars)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   /* TRANSLATORS: a text typed or given is longer than may be written */
                   _("This can be at most %u characters long; it is %ld."),
                   column->max_chars, g_utf8_strlen (value, -1));
      return FALSE;
    }

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  stmt = dossier_project_prepare (self, text_sql (column, TRUE), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  dossier_bind_text (stmt, 2, value);
  if (column->flags & DOSSIER_TEXT_TIMESTAMPED)
    {
      now = dossier_now_iso8601 ();
      dossier_bind_text (stmt, 3, now);
    }
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  dossier_project_touch (self, column->table, touched_id);
  return dossier_action_commit (&action, label, error);
}
