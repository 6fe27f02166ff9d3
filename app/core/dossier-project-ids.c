/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-ids.c — the id a new row takes, in a project file that
 * may have been edited by hand.
 *
 * Such a file may have deleted rows with foreign keys off, keeping what
 * pointed at them, and reset the table's sequence: a new row then takes a
 * freed id and, with it, all that was left. It may also have set the
 * sequence to its maximum, when SQLite refuses any new row with
 * SQLITE_FULL, which reads as a full disk. Every insert of an analysis
 * entity goes through here, so that one copy handles both.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-project-private.h"

/* What points at a row of each kind, as the schema's foreign keys say,
 * cleared as the foreign key's action would have: the rows a cascade
 * deletes go (their own cascades run), the references it sets to NULL are
 * set so. A tag under a missing parent is listed at the end of the
 * codebook, at the top level (dossier_project_load_tags ()), and can be
 * used: it stays, at the top level after the others, not deleted with its
 * highlights. Every statement looks the ids up in an index. */
#define DELETE_ROWS(table, column) \
  "DELETE FROM " table " WHERE " column " BETWEEN ?1 AND ?2"
#define SET_NULL(table, column) \
  "UPDATE " table " SET " column " = NULL WHERE " column " BETWEEN ?1 AND ?2"
#define HIGHEST(table, column) "SELECT max (" column ") FROM " table

typedef struct
{
  DossierRowKind  kind;
  const char     *sql;      /* ?1, ?2: the first and last id taken */
  const char     *highest;  /* the highest id the rows point at */
  const char     *model;    /* reloaded whole if a row changed: it holds the id */
} Leftover;

#define CASCADE(kind, table, column) \
  { kind, DELETE_ROWS (table, column), HIGHEST (table, column), NULL }

static const Leftover leftovers[] = {
  CASCADE (DOSSIER_ROW_DOCUMENT, "blocks", "document"),
  CASCADE (DOSSIER_ROW_DOCUMENT, "highlights", "document"),
  CASCADE (DOSSIER_ROW_DOCUMENT, "stakeholder_mentions", "document"),
  CASCADE (DOSSIER_ROW_DOCUMENT, "briefing_documents", "document"),
  CASCADE (DOSSIER_ROW_DOCUMENT, "dismissed_suggestions", "document"),
  CASCADE (DOSSIER_ROW_TAG, "highlight_tags", "tag"),
  { DOSSIER_ROW_TAG,
    "UPDATE tags SET parent = NULL, position = (SELECT count(*) FROM tags WHERE parent IS NULL) "
    "WHERE parent BETWEEN ?1 AND ?2",
    HIGHEST ("tags", "parent"), "tags" },
  CASCADE (DOSSIER_ROW_HIGHLIGHT, "highlight_tags", "highlight"),
  CASCADE (DOSSIER_ROW_HIGHLIGHT, "stakeholder_evidence", "highlight"),
  CASCADE (DOSSIER_ROW_HIGHLIGHT, "argument_evidence", "highlight"),
  CASCADE (DOSSIER_ROW_STAKEHOLDER, "stakeholder_evidence", "stakeholder"),
  CASCADE (DOSSIER_ROW_STAKEHOLDER, "stakeholder_mentions", "stakeholder"),
  { DOSSIER_ROW_STAKEHOLDER, SET_NULL ("arguments", "stakeholder"),
    HIGHEST ("arguments", "stakeholder"), "arguments" },
  CASCADE (DOSSIER_ROW_QUESTION, "arguments", "question"),
  CASCADE (DOSSIER_ROW_ARGUMENT, "argument_evidence", "argument"),
  CASCADE (DOSSIER_ROW_BRIEFING, "briefing_documents", "briefing"),
};

G_STATIC_ASSERT (DOSSIER_ROW_BRIEFING + 1 == DOSSIER_N_ROW_KINDS);

guint
dossier_project_n_leftover_statements (void)
{
  return 2 * G_N_ELEMENTS (leftovers);
}

const char *
dossier_project_leftover_statement (guint index)
{
  g_return_val_if_fail (index < 2 * G_N_ELEMENTS (leftovers), NULL);

  return index % 2 == 0 ? leftovers[index / 2].sql : leftovers[index / 2].highest;
}

void
dossier_project_forget_pointed_at (DossierProject *self)
{
  for (guint i = 0; i < DOSSIER_N_ROW_KINDS; i++)
    self->highest_pointed_at[i] = -1;
}

/* The highest id of @kind any row points at. A new id is above every id
 * the table holds: only a row left by a hand edit can point at it, and
 * none does if they all point lower. Read once per action (what the
 * action itself writes points at rows that exist), so that an action
 * making thousands of rows (autocode, an import) pays a few look-ups in
 * indexes once, not for each. A value that is not an id (a hand edit's
 * text) answers "any". */
static gboolean
read_highest_pointed_at (DossierProject  *self,
                         DossierRowKind   kind,
                         gint64          *highest,
                         GError         **error)
{
  gint64 most = 0;

  if (self->highest_pointed_at[kind] >= 0)
    {
      *highest = self->highest_pointed_at[kind];
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_auto(DossierStmt) stmt = NULL;
      int type;

      if (leftovers[i].kind != kind)
        continue;
      stmt = dossier_project_prepare (self, leftovers[i].highest, error);
      if (stmt == NULL || dossier_project_step (self, stmt, error) != SQLITE_ROW)
        return FALSE;
      type = sqlite3_column_type (stmt, 0);
      if (type == SQLITE_INTEGER)
        most = MAX (most, sqlite3_column_int64 (stmt, 0));
      else if (type != SQLITE_NULL)
        most = G_MAXINT64;
    }

  self->highest_pointed_at[kind] = most;
  *highest = most;
  return TRUE;
}

gboolean
dossier_project_clear_new_ids (DossierProject  *self,
                               DossierRowKind   kind,
                               gint64           first,
                               gint64           last,
                               GError         **error)
{
  gint64 highest;

  g_assert (self->in_transaction);
  g_assert ((guint) kind < DOSSIER_N_ROW_KINDS);

  if (!read_highest_pointed_at (self, kind, &highest, error))
    return FALSE;
  if (highest < first)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      if (leftovers[i].kind != kind)
        continue;
      if (!dossier_project_run_ids (self, leftovers[i].sql, first, last, error))
        return FALSE;
      if (leftovers[i].model != NULL && sqlite3_changes64 (self->db) > 0)
        dossier_project_touch_table (self, leftovers[i].model);
    }

  return TRUE;
}

/* The highest id a table gave or holds: SQLite's AUTOINCREMENT gives the
 * next one, and has none to give past G_MAXINT64. */
#define LAST_ID(table) \
  "SELECT max (coalesce ((SELECT seq FROM sqlite_sequence WHERE name = '" table "'), 0), " \
  "            coalesce ((SELECT max (id) FROM " table "), 0))"

static gboolean
out_of_ids (DossierProject *self,
            DossierRowKind  kind)
{
  static const char * const sql[] = {
    [DOSSIER_ROW_DOCUMENT] = LAST_ID ("documents"),
    [DOSSIER_ROW_TAG] = LAST_ID ("tags"),
    [DOSSIER_ROW_HIGHLIGHT] = LAST_ID ("highlights"),
    [DOSSIER_ROW_STAKEHOLDER] = LAST_ID ("stakeholders"),
    [DOSSIER_ROW_QUESTION] = LAST_ID ("questions"),
    [DOSSIER_ROW_ARGUMENT] = LAST_ID ("arguments"),
    [DOSSIER_ROW_BRIEFING] = LAST_ID ("briefings"),
  };
  g_auto(DossierStmt) stmt = NULL;

  g_assert ((guint) kind < G_N_ELEMENTS (sql));

  stmt = dossier_project_prepare (self, sql[kind], NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW &&
         sqlite3_column_int64 (stmt, 0) == G_MAXINT64;
}

void
dossier_set_out_of_ids (GError         **error,
                        DossierRowKind   kind)
{
  const char *message;

  switch (kind)
    {
    case DOSSIER_ROW_DOCUMENT:
      message = _("This project has run out of numbers for new documents, so none can be "
                  "added. Its file may have been edited outside Dossier.");
      break;
    case DOSSIER_ROW_TAG:
      message = _("This project has run out of numbers for new tags, so none can be "
                  "added. Its file may have been edited outside Dossier.");
      break;
    case DOSSIER_ROW_HIGHLIGHT:
      message = _("This project has run out of numbers for new highlights, so none can be "
                  "added. Its file may have been edited outside Dossier.");
      break;
    case DOSSIER_ROW_STAKEHOLDER:
      message = _("This project has run out of numbers for new stakeholders, so none can be "
                  "added. Its file may have been edited outside Dossier.");
      break;
    case DOSSIER_ROW_QUESTION:
      message = _("This project has run out of numbers for new questions, so none can be "
                  "added. Its file may have been edited outside Dossier.");
      break;
    case DOSSIER_ROW_ARGUMENT:
      message = _("This project has run out of numbers for new arguments, so none can be "
                  "added. Its file may have been edited outside Dossier.");
      break;
    case DOSSIER_ROW_BRIEFING:
      message = _("This project has run out of numbers for new briefing notes, so none can be "
                  "added. Its file may have been edited outside Dossier.");
      break;
    default:
      g_assert_not_reached ();
    }

  g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED, message);
}

gint64
dossier_project_insert_new_row (DossierProject  *self,
                                DossierRowKind   kind,
                                sqlite3_stmt    *stmt,
                                GError         **error)
{
  gint64 id;
  int rc;

  g_assert (self->in_transaction);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      g_autoptr(GError) db_error = NULL;

      /* Read before any other statement changes the connection's error. */
      dossier_project_set_db_error (self, &db_error, rc);
      /* A full disk says SQLITE_FULL too, at any statement: only a
       * sequence at its end makes it the sequence's. */
      if ((rc & 0xff) == SQLITE_FULL && out_of_ids (self, kind))
        dossier_set_out_of_ids (error, kind);
      else
        g_propagate_error (error, g_steal_pointer (&db_error));
      return 0;
    }

  id = sqlite3_last_insert_rowid (self->db);
  if (!dossier_project_clear_new_ids (self, kind, id, id, error))
    return 0;

  return id;
}
