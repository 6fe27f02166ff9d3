/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-briefings.c — briefing notes in a project: the model the
 * window lists, and the actions that make, edit and delete them.
 *
 * Tables: briefings (id, uuid, title, body, created, modified) and
 * briefing_documents (briefing, document, position). A change is recorded
 * under "briefings" with the briefing's id; the model reads the few
 * briefings a project holds again whole, which costs less than tracking
 * them (a deleted document also takes its place in every briefing).
 */

#include "config.h"

#include "dossier-briefing-private.h"
#include "dossier-project-private.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

/* ---- The model ------------------------------------------------------------ */

/* Text read from the file is shown and exported: invalid UTF-8 (a file
 * from elsewhere) becomes U+FFFD rather than reaching a label. */
static char *
column_valid (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = dossier_column_text (stmt, column);
  int len = sqlite3_column_bytes (stmt, column);

  return text != NULL ? g_utf8_make_valid (text, len) : g_strdup ("");
}

gboolean
dossier_project_load_briefings (DossierProject  *self,
                                GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(DossierStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT briefing, document FROM briefing_documents "
                                  "WHERE " DOSSIER_SQL_BRIEFING_DOCUMENT_SHOWN " "
                                  "ORDER BY briefing, position, document",
                                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 briefing = sqlite3_column_int64 (stmt, 0);
      gint64 document = sqlite3_column_int64 (stmt, 1);
      GArray *ids = g_hash_table_lookup (documents, &briefing);

      if (ids == NULL)
        {
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (documents, g_memdup2 (&briefing, sizeof briefing), ids);
        }
      g_array_append_val (ids, document);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  stmt = NULL;

  stmt = dossier_project_prepare (self,
                                  /* The body whole: it is edited. */
                                  "SELECT b.id, b.uuid, "
                                  DOSSIER_SQL_SHOWN_ROW ("briefings", "b", "title", DOSSIER_SHOWN_CHARS)
                                  ", b.body, b.created, b.modified FROM briefings b ORDER BY b.id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *uuid = column_valid (stmt, 1);
      g_autofree char *title = column_valid (stmt, 2);
      g_autofree char *body = column_valid (stmt, 3);
      g_autofree char *created = column_valid (stmt, 4);
      g_autofree char *modified = column_valid (stmt, 5);
      GArray *ids = g_hash_table_lookup (documents, &id);
      DossierBriefingData data = {
        uuid, title, body, created, modified,
        ids != NULL ? (const gint64 *) ids->data : NULL, ids != NULL ? ids->len : 0,
      };
      DossierBriefing *briefing = g_hash_table_lookup (self->briefings_by_id, &id);

      if (briefing != NULL)
        dossier_briefing_update (briefing, &data);
      else
        {
          briefing = dossier_briefing_new (id, &data);
          g_hash_table_insert (self->briefings_by_id, g_memdup2 (&id, sizeof id), briefing);
        }

      g_ptr_array_add (items, g_object_ref (briefing));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  /* Out of the table before the list says they are gone, as with the
   * other lists: a handler of its items-changed must not find them. */
  g_hash_table_iter_init (&iter, self->briefings_by_id);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      g_hash_table_iter_remove (&iter);

  dossier_list_store_reconcile (self->briefings, items, NULL);

  return TRUE;
}

void
dossier_project_apply_briefings (DossierProject       *self,
                                 const DossierChanges *changes)
{
  gboolean reload = dossier_changes_get_rows (changes, "briefings") != NULL ||
                    dossier_changes_get_reload (changes, "briefings") ||
                    dossier_changes_get_reload (changes, "documents");

  /* A deleted document leaves every briefing that compared it, and its
   * undo puts it back: the rows of briefing_documents are then not those
   * the model holds. (A document's actions record its id under
   * "highlights"; counting is one index scan over a few rows, each
   * looked up in documents.) */
  if (!reload && dossier_changes_get_rows (changes, "highlights") != NULL)
    {
      GListModel *model = G_LIST_MODEL (self->briefings);
      g_auto(DossierStmt) stmt = NULL;
      gint64 held = 0;

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DossierBriefing) briefing = g_list_model_get_item (model, i);
          guint n;

          dossier_briefing_get_document_ids (briefing, &n);
          held += n;
        }

      stmt = dossier_project_prepare (self,
                                      "SELECT count(*) FROM briefing_documents "
                                      "WHERE " DOSSIER_SQL_BRIEFING_DOCUMENT_SHOWN,
                                      NULL);
      reload = stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW ||
               sqlite3_column_int64 (stmt, 0) != held;
    }

  if (reload)
    dossier_project_load_briefings (self, NULL);
}

GListModel *
dossier_project_get_briefings (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->briefings);
}

DossierBriefing *
dossier_project_get_briefing (DossierProject *self,
                              gint64          briefing_id)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return g_hash_table_lookup (self->briefings_by_id, &briefing_id);
}

GPtrArray *
dossier_project_briefings_citing_query (DossierProject *self,
                                        const char     *sql,
                                        gint64          id)
{
  GPtrArray *citing = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(DossierStmt) stmt = NULL;
  GListModel *briefings;
  guint n;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), citing);

  briefings = G_LIST_MODEL (self->briefings);
  n = g_list_model_get_n_items (briefings);
  if (n == 0 || (stmt = dossier_project_prepare (self, sql, NULL)) == NULL)
    return citing;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = dossier_project_step (self, stmt, NULL)) == SQLITE_ROW)
    {
      const char *uuid = dossier_column_text (stmt, 0);

      if (uuid != NULL)
        g_hash_table_add (uuids, g_ascii_strdown (uuid, -1));
    }
  if (rc != SQLITE_DONE || g_hash_table_size (uuids) == 0)
    return citing;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierBriefing) briefing = g_list_model_get_item (briefings, i);

      if (dossier_markdown_cites_any (dossier_briefing_get_body (briefing), uuids))
        g_ptr_array_add (citing, g_object_ref (briefing));
    }

  return citing;
}

GPtrArray *
dossier_project_get_briefings_citing (DossierProject *self,
                                      gint64          highlight_id)
{
  return dossier_project_briefings_citing_query (self, "SELECT uuid FROM highlights WHERE id = ?1",
                                                 highlight_id);
}

GPtrArray *
dossier_project_get_briefings_citing_document (DossierProject *self,
                                               gint64          document_id)
{
  return dossier_project_briefings_citing_query (self, "SELECT uuid FROM highlights WHERE document = ?1",
                                                 document_id);
}

/* ---- Validation ----------------------------------------------------------- */

static gboolean
require_briefing (DossierProject  *self,
                  gint64           briefing_id,
                  char           **title,
                  GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self, "SELECT title FROM briefings WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, briefing_id);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    dossier_set_not_found (error, DOSSIER_ROW_BRIEFING, briefing_id);
  if (rc != SQLITE_ROW)
    return FALSE;
  if (title != NULL)
    *title = column_valid (stmt, 0);
  return TRUE;
}

static gboolean
validate_documents (DossierProject  *self,
                    const gint64    *document_ids,
                    guint            n_documents,
                    GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (n_documents == 0 || document_ids != NULL, FALSE);

  if (n_documents > DOSSIER_BRIEFING_MAX_DOCUMENTS)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A briefing can compare at most %d documents."),
                   DOSSIER_BRIEFING_MAX_DOCUMENTS);
      return FALSE;
    }

  for (guint i = 0; i < n_documents; i++)
    {
      if (!g_hash_table_add (seen, (gpointer) &document_ids[i]))
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                       _("Document %" PRId64 " is listed twice: a briefing compares each "
                         "document once."), document_ids[i]);
          return FALSE;
        }
      if (!dossier_project_require_document (self, document_ids[i], NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* LF line endings, no control characters but tab and newline (an editor
 * counts them as characters, but nothing prints them), at most the
 * maximum. */
static char *
normalize_body (const char  *body,
                GError     **error)
{
  GString *out;

  if (body == NULL)
    return g_strdup ("");

  if (strlen (body) > DOSSIER_BRIEFING_MAX_BODY)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("The briefing is too long (more than %d MB). Split it into several "
                     "briefings."), DOSSIER_BRIEFING_MAX_BODY / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate (body, -1, NULL))
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           _("The briefing’s text is not valid UTF-8: save it as UTF-8 and "
                             "try again."));
      return NULL;
    }

  out = g_string_sized_new (strlen (body));
  for (const char *p = body; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (c < 0x20 && c != '\n' && c != '\t')
        continue;
      else if (c == 0x7f)
        continue;
      else
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
insert_documents (DossierProject  *self,
                  gint64           briefing_id,
                  const gint64    *document_ids,
                  guint            n_documents,
                  GError         **error)
{
  for (guint i = 0; i < n_documents; i++)
    {
      g_auto(DossierStmt) stmt = NULL;

      stmt = dossier_project_prepare (self,
                                      "INSERT INTO briefing_documents (briefing, document, position) "
                                      "VALUES (?1, ?2, ?3)",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, briefing_id);
      sqlite3_bind_int64 (stmt, 2, document_ids[i]);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!dossier_project_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- Actions -------------------------------------------------------------- */

static const DossierTextColumn title_column = {
  "briefings", "title", NULL, DOSSIER_TEXT_REQUIRED | DOSSIER_TEXT_TIMESTAMPED | DOSSIER_TEXT_ONE_LINE,
  N_("A briefing needs a title."), N_("The title is not valid UTF-8."), DOSSIER_BRIEFING_MAX_TITLE,
};

static const DossierTextColumn body_column = {
  "briefings", "body", NULL, DOSSIER_TEXT_TIMESTAMPED,
  NULL, N_("The briefing’s text is not valid UTF-8: save it as UTF-8 and try again."),
};

gint64
dossier_project_add_briefing (DossierProject  *self,
                              const char      *title,
                              const gint64    *document_ids,
                              guint            n_documents,
                              const char      *body,
                              GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *clean_title = NULL;
  g_autofree char *clean_body = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  if (!dossier_project_ensure_open (self, error))
    return 0;

  if (title == NULL || !g_utf8_validate (title, -1, NULL))
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           _("The title is not valid UTF-8."));
      return 0;
    }
  clean_title = g_strstrip (g_strdup (title));
  if (clean_title[0] == '\0')
    {
      g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           _("A briefing needs a title."));
      return 0;
    }
  if (g_utf8_strlen (clean_title, -1) > DOSSIER_BRIEFING_MAX_TITLE)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A note’s title can be at most %d characters long."), DOSSIER_BRIEFING_MAX_TITLE);
      return 0;
    }
  clean_body = normalize_body (body, error);
  if (clean_body == NULL)
    return 0;

  if (!dossier_action_begin (&action, self, error) ||
      !validate_documents (self, document_ids, n_documents, error))
    return 0;

  uuid = g_uuid_string_random ();
  now = dossier_now_iso8601 ();
  stmt = dossier_project_prepare (self,
                                  "INSERT INTO briefings (uuid, title, body, created, modified) "
                                  "VALUES (?1, ?2, ?3, ?4, ?4)",
                                  error);
  if (stmt == NULL)
    return 0;
  dossier_bind_text (stmt, 1, uuid);
  dossier_bind_text (stmt, 2, clean_title);
  dossier_bind_text (stmt, 3, clean_body);
  dossier_bind_text (stmt, 4, now);
  id = dossier_project_insert_new_row (self, DOSSIER_ROW_BRIEFING, stmt, error);
  if (id == 0)
    return 0;

  if (!insert_documents (self, id, document_ids, n_documents, error))
    return 0;

  dossier_project_touch (self, "briefings", id);
  if (!dossier_action_commit (&action, _("New Briefing"), error))
    return 0;
  return id;
}

gboolean
dossier_project_set_briefing_title (DossierProject  *self,
                                    gint64           briefing_id,
                                    const char      *title,
                                    GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return dossier_project_set_text (self, &title_column, briefing_id, title,
                                   _("Rename Briefing"), error);
}

gboolean
dossier_project_set_briefing_body (DossierProject  *self,
                                   gint64           briefing_id,
                                   const char      *body,
                                   GError         **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !require_briefing (self, briefing_id, &title, error))
    return FALSE;
  clean = normalize_body (body, error);
  if (clean == NULL)
    return FALSE;

  /* TRANSLATORS: an undo step; %s is the briefing's title */
  label = g_strdup_printf (_("Edit “%s”"), title);
  return dossier_project_set_text (self, &body_column, briefing_id, clean, label, error);
}

gboolean
dossier_project_set_briefing_documents (DossierProject  *self,
                                        gint64           briefing_id,
                                        const gint64    *document_ids,
                                        guint            n_documents,
                                        GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *now = NULL;
  DossierBriefing *current;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !require_briefing (self, briefing_id, NULL, error))
    return FALSE;

  /* The same documents in the same order: nothing to do, no undo step. */
  current = dossier_project_get_briefing (self, briefing_id);
  if (current != NULL)
    {
      guint n_current;
      const gint64 *ids = dossier_briefing_get_document_ids (current, &n_current);

      if (n_current == n_documents &&
          (n_documents == 0 || memcmp (ids, document_ids, n_documents * sizeof (gint64)) == 0))
        return TRUE;
    }

  if (!dossier_action_begin (&action, self, error) ||
      !validate_documents (self, document_ids, n_documents, error))
    return FALSE;

  if (!dossier_project_run_ids (self, "DELETE FROM briefing_documents WHERE briefing = ?1",
                                briefing_id, 0, error))
    return FALSE;

  if (!insert_documents (self, briefing_id, document_ids, n_documents, error))
    return FALSE;

  now = dossier_now_iso8601 ();
  stmt = dossier_project_prepare (self, "UPDATE briefings SET modified = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, briefing_id);
  dossier_bind_text (stmt, 2, now);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  dossier_project_touch (self, "briefings", briefing_id);
  return dossier_action_commit (&action, _("Choose Documents to Compare"), error);
}

gboolean
dossier_project_delete_briefing (DossierProject  *self,
                                 gint64           briefing_id,
                                 GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !require_briefing (self, briefing_id, NULL, error))
    return FALSE;

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  /* Its documents go with it (cascade). */
  if (!dossier_project_run_ids (self, "DELETE FROM briefings WHERE id = ?1", briefing_id, 0, error))
    return FALSE;

  dossier_project_touch (self, "briefings", briefing_id);
  return dossier_action_commit (&action, _("Delete Briefing"), error);
}
