/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-documents.c — documents: import, metadata, deletion,
 * text replacement with re-anchoring, and the documents list model.
 */

#include "config.h"

#include "dossier-project-private.h"
#include "dossier-text-private.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-anchor.h>
#include <dossier/dossier-text.h>

/* What a document is listed and titled by (a label each). */
#define DOCUMENT_NAMES \
  DOSSIER_SQL_SHOWN_ROW ("documents", "d", "title", DOSSIER_SHOWN_CHARS) ", " \
  DOSSIER_SQL_SHOWN_ROW ("documents", "d", "author", DOSSIER_SHOWN_CHARS) ", " \
  DOSSIER_SQL_SHOWN_ROW ("documents", "d", "outlet", DOSSIER_SHOWN_CHARS) ", " \
  DOSSIER_SQL_SHOWN_ROW ("documents", "d", "source", DOSSIER_SHOWN_CHARS)

/* (all in the row before the text, the length apart: none reads the text) */
#define DOCUMENT_COLUMNS \
  "d.id, d.uuid, " DOCUMENT_NAMES ", d.published, d.imported, " \
  "d.format, (SELECT length FROM " DOSSIER_SQL_LENGTHS " WHERE id = d.id), " \
  "(SELECT count(*) FROM highlights WHERE document = d.id)"

static void
read_document_data (sqlite3_stmt        *stmt,
                    DossierDocumentData *data)
{
  data->uuid = dossier_column_text (stmt, 1);
  data->title = dossier_column_text (stmt, 2);
  data->author = dossier_column_text (stmt, 3);
  data->outlet = dossier_column_text (stmt, 4);
  data->source = dossier_column_text (stmt, 5);
  data->published = dossier_column_text (stmt, 6);
  data->imported = dossier_column_text (stmt, 7);
  data->format = dossier_column_text (stmt, 8);
  data->length = sqlite3_column_int64 (stmt, 9);
  data->n_highlights = (guint) sqlite3_column_int64 (stmt, 10);
}

static GObject *
read_document_item (sqlite3_stmt *stmt,
                    GObject      *existing)
{
  DossierDocumentData data;

  read_document_data (stmt, &data);
  if (existing == NULL)
    return G_OBJECT (dossier_document_new (sqlite3_column_int64 (stmt, 0), &data));

  dossier_document_update (DOSSIER_DOCUMENT (existing), &data);
  return existing;
}

gboolean
dossier_project_load_documents (DossierProject  *self,
                                GError         **error)
{
  return dossier_project_load_model (self,
                                     "SELECT " DOCUMENT_COLUMNS " FROM documents d ORDER BY d.id",
                                     read_document_item, self->documents,
                                     self->documents_by_id, error);
}

static gboolean
find_document_position (DossierProject *self,
                        gint64          id,
                        guint          *position)
{
  GListModel *model = G_LIST_MODEL (self->documents);
  guint low = 0;
  guint high = g_list_model_get_n_items (model);

  /* The list is in import (= id) order. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      g_autoptr(DossierDocument) document = g_list_model_get_item (model, mid);
      gint64 mid_id = dossier_document_get_id (document);

      if (mid_id == id)
        {
          *position = mid;
          return TRUE;
        }
      if (mid_id < id)
        low = mid + 1;
      else
        high = mid;
    }

  *position = low;
  return FALSE;
}

void
dossier_project_sync_document (DossierProject *self,
                               gint64          document_id)
{
  g_auto(DossierStmt) stmt = NULL;
  DossierDocument *document;
  guint position;

  document = g_hash_table_lookup (self->documents_by_id, &document_id);

  stmt = dossier_project_prepare (self,
                                  "SELECT " DOCUMENT_COLUMNS " FROM documents d WHERE d.id = ?1",
                                  NULL);
  if (stmt == NULL)
    return;

  sqlite3_bind_int64 (stmt, 1, document_id);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DossierDocumentData data;

      read_document_data (stmt, &data);

      if (document != NULL)
        {
          dossier_document_update (document, &data);
        }
      else
        {
          document = dossier_document_new (document_id, &data);
          g_hash_table_insert (self->documents_by_id,
                               g_memdup2 (&document_id, sizeof document_id), document);
          find_document_position (self, document_id, &position);
          g_list_store_insert (self->documents, position, document);
        }
    }
  else if (document != NULL)
    {
      /* Out of the table before the list says it is gone: a handler of
       * its items-changed that looks it up must not find it (the list
       * holds it until then). */
      g_hash_table_remove (self->documents_by_id, &document_id);
      if (find_document_position (self, document_id, &position))
        g_list_store_remove (self->documents, position);
    }
}

/* Documents whose row, text or highlights changed are read again (their
 * counts with them); the list is reloaded if documents came or went in
 * bulk. */
void
dossier_project_apply_documents (DossierProject       *self,
                                 const DossierChanges *changes)
{
  static const char * const tables[] = { "documents", "blocks", "highlights" };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (dossier_changes_get_reload (changes, "documents"))
    {
      dossier_project_load_documents (self, NULL);
      return;
    }

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GArray) some = dossier_changes_get_sorted (changes, tables[t]);

      g_array_append_vals (ids, some->data, some->len);
    }
  g_array_sort (ids, dossier_compare_ids);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (i > 0 && id == g_array_index (ids, gint64, i - 1))
        continue;
      dossier_project_sync_document (self, id);
    }
}

GListModel *
dossier_project_get_documents (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->documents);
}

DossierDocument *
dossier_project_get_document (DossierProject *self,
                              gint64          document_id)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return g_hash_table_lookup (self->documents_by_id, &document_id);
}

/* ---- Validation ---------------------------------------------------------- */

static gboolean
valid_date (const char *date)
{
  static const char pattern[] = "dddd-dd-dd";

  if (strlen (date) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (date[i]) : date[i] != pattern[i])
      return FALSE;

  return g_date_valid_dmy ((date[8] - '0') * 10 + (date[9] - '0'),
                           (date[5] - '0') * 10 + (date[6] - '0'),
                           (date[0] - '0') * 1000 + (date[1] - '0') * 100 +
                           (date[2] - '0') * 10 + (date[3] - '0'));
}

static gboolean
validate_parsed (const DossierParsedDocument  *doc,
                 gint64                        length,
                 GError                      **error)
{
  if (doc->blocks == NULL)
    return TRUE;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const DossierBlock *block = &g_array_index (doc->blocks, DossierBlock, i);

      if (block->start < 0 || block->end < block->start || block->end > length)
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                       _("The document’s block %u (%" PRId64 "–%" PRId64
                         ") lies outside its text of %" PRId64 " characters."),
                       i, block->start, block->end, length);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
validate_text (const DossierParsedDocument  *doc,
               GError                      **error)
{
  /* (dossier_text_validate() skims ASCII; it also accepts NUL bytes, and
   * there are none before strlen().) */
  if (doc->text == NULL || !dossier_text_validate (doc->text, strlen (doc->text), NULL))
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("The document has no text, or its text is not valid UTF-8."));
      return FALSE;
    }

  return TRUE;
}

/* Blocks go in 64 to a statement: a long document has thousands, and
 * every statement has a cost of its own (a savepoint, in which the search
 * index's virtual tables take part). */
#define BLOCK_ROW "(?1, ?, ?, ?, ?)"
#define BLOCK_ROWS_4 BLOCK_ROW ", " BLOCK_ROW ", " BLOCK_ROW ", " BLOCK_ROW
#define BLOCK_ROWS_16 BLOCK_ROWS_4 ", " BLOCK_ROWS_4 ", " BLOCK_ROWS_4 ", " BLOCK_ROWS_4
#define BLOCKS_PER_INSERT 64

static gboolean
insert_blocks (DossierProject               *self,
               gint64                        document_id,
               const DossierParsedDocument  *doc,
               GError                      **error)
{
  static const char insert_many[] =
    "INSERT INTO blocks (document, start, end, kind, level) VALUES "
    BLOCK_ROWS_16 ", " BLOCK_ROWS_16 ", " BLOCK_ROWS_16 ", " BLOCK_ROWS_16;
  static const char insert_one[] =
    "INSERT INTO blocks (document, start, end, kind, level) VALUES " BLOCK_ROW;
  guint i = 0;

  if (doc->blocks == NULL || doc->blocks->len == 0)
    return TRUE;

  while (i < doc->blocks->len)
    {
      gboolean many = doc->blocks->len - i >= BLOCKS_PER_INSERT;
      guint n = many ? BLOCKS_PER_INSERT : 1;
      g_auto(DossierStmt) stmt = dossier_project_prepare (self, many ? insert_many : insert_one,
                                                          error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, document_id);
      for (guint k = 0; k < n; k++, i++)
        {
          const DossierBlock *block = &g_array_index (doc->blocks, DossierBlock, i);
          int column = 2 + 4 * k;

          sqlite3_bind_int64 (stmt, column, block->start);
          sqlite3_bind_int64 (stmt, column + 1, block->end);
          sqlite3_bind_text (stmt, column + 2, dossier_block_kind_to_string (block->kind), -1,
                             SQLITE_STATIC);
          sqlite3_bind_int (stmt, column + 3, block->level);
        }

      if (!dossier_project_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_original (sqlite3_stmt *stmt,
               int           index,
               GBytes       *original)
{
  gsize size = 0;
  gconstpointer data = original != NULL ? g_bytes_get_data (original, &size) : NULL;

  if (original == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob64 (stmt, index, size > 0 ? data : "", size, SQLITE_STATIC);
}

/* ---- Actions ------------------------------------------------------------ */

/* A document's title as stored: one line without controls (it comes
 * from the file), stripped, never empty, at most DOSSIER_DOCUMENT_MAX_TITLE
 * characters (a page's <title> may be of any length: shortened, not
 * refused). */
static char *
clean_title (const DossierParsedDocument *doc)
{
  g_autofree char *title = g_strstrip (dossier_text_from_elsewhere (doc->title != NULL ? doc->title : "",
                                                                    FALSE));

  if (title[0] == '\0')
    return g_strdup (_("Untitled Document"));
  return dossier_text_shorten (title, DOSSIER_DOCUMENT_MAX_TITLE);
}

/* An optional text from the file as stored: one line without controls,
 * at most @max_chars characters; NULL stays NULL. */
static char *
clean_optional (const char *text,
                guint       max_chars)
{
  g_autofree char *clean = dossier_text_from_elsewhere (text, FALSE);

  return clean != NULL ? dossier_text_shorten (clean, max_chars) : NULL;
}

/* Refuses @text (NULL: not given) longer than @max_chars characters,
 * with @message (one %d, the most). */
static gboolean
check_length (const char  *text,
              guint        max_chars,
              const char  *message,
              GError     **error)
{
  if (text == NULL || g_utf8_strlen (text, -1) <= max_chars)
    return TRUE;
  g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID, message);
  return FALSE;
}

gint64
dossier_project_insert_document (DossierProject               *self,
                                 const DossierParsedDocument  *doc,
                                 const char                   *uuid,
                                 const char                   *imported,
                                 GError                      **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *own_uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *source = NULL;
  gint64 length;
  gint64 id;

  g_assert (self->in_transaction);

  if (!validate_text (doc, error))
    return 0;

  length = dossier_text_length (doc->text);
  if (!validate_parsed (doc, length, error))
    return 0;

  title = clean_title (doc);

  if (uuid == NULL)
    uuid = own_uuid = g_uuid_string_random ();
  if (imported == NULL)
    imported = now = dossier_now_iso8601 ();
  hash = dossier_text_hash (doc->text);

  stmt = dossier_project_prepare (self,
                                  "INSERT INTO documents (uuid, title, author, outlet, source, "
                                  "  published, imported, format, original, text, hash, length) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                  error);
  if (stmt == NULL)
    return 0;

  dossier_bind_text (stmt, 1, uuid);
  dossier_bind_text (stmt, 2, title);
  /* What the page or the exchange file says, one line without controls,
   * shortened to what may be written. */
  author = clean_optional (doc->author, DOSSIER_DOCUMENT_MAX_AUTHOR);
  outlet = clean_optional (doc->outlet, DOSSIER_DOCUMENT_MAX_OUTLET);
  source = dossier_text_from_elsewhere (doc->source, FALSE);
  dossier_bind_optional_text (stmt, 3, author);
  dossier_bind_optional_text (stmt, 4, outlet);
  dossier_bind_optional_text (stmt, 5, source);
  /* An importer's guess at a date is kept only if it is a real date. */
  dossier_bind_optional_text (stmt, 6, doc->published != NULL && valid_date (doc->published) ?
                                       doc->published : NULL);
  dossier_bind_text (stmt, 7, imported);
  dossier_bind_text (stmt, 8, doc->format != NULL ? doc->format : "text");
  bind_original (stmt, 9, doc->original);
  sqlite3_bind_text (stmt, 10, doc->text, -1, SQLITE_STATIC);
  dossier_bind_text (stmt, 11, hash);
  sqlite3_bind_int64 (stmt, 12, length);

  id = dossier_project_insert_new_row (self, DOSSIER_ROW_DOCUMENT, stmt, error);
  if (id == 0 ||
      !insert_blocks (self, id, doc, error) ||
      !dossier_project_update_mentions (self, id, doc->text, error))
    return 0;

  /* Syncing the one document inserts it in place: no reload of all. */
  dossier_project_touch (self, "documents", id);
  return id;
}

gint64
dossier_project_add_document (DossierProject               *self,
                              const DossierParsedDocument  *doc,
                              GError                      **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);
  g_return_val_if_fail (doc != NULL, 0);

  if (!dossier_project_ensure_open (self, error) || !validate_text (doc, error))
    return 0;

  if (!dossier_action_begin (&action, self, error))
    return 0;

  id = dossier_project_insert_document (self, doc, NULL, NULL, error);
  if (id == 0)
    return 0;

  title = clean_title (doc);
  label = g_strdup_printf (_("Import “%s”"), title);
  if (!dossier_action_commit (&action, label, error))
    return 0;

  return id;
}

gboolean
dossier_project_set_document_metadata (DossierProject  *self,
                                       gint64           document_id,
                                       const char      *title,
                                       const char      *author,
                                       const char      *outlet,
                                       const char      *source,
                                       const char      *published,
                                       GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *stripped_title = NULL;
  g_autofree char *clean_author = dossier_text_from_elsewhere (author, FALSE);
  g_autofree char *clean_outlet = dossier_text_from_elsewhere (outlet, FALSE);
  g_autofree char *clean_source = dossier_text_from_elsewhere (source, FALSE);
  g_autofree char *title_message = NULL;
  g_autofree char *author_message = NULL;
  g_autofree char *outlet_message = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_document (self, document_id, NULL, error))
    return FALSE;

  if (title != NULL)
    {
      stripped_title = g_strstrip (dossier_text_from_elsewhere (title, FALSE));
      if (stripped_title[0] == '\0')
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                       _("A document needs a title."));
          return FALSE;
        }
    }

  title_message = g_strdup_printf (_("A document’s title can be at most %d characters long."),
                                   DOSSIER_DOCUMENT_MAX_TITLE);
  author_message = g_strdup_printf (_("A document’s author can be at most %d characters long."),
                                    DOSSIER_DOCUMENT_MAX_AUTHOR);
  outlet_message = g_strdup_printf (_("A document’s outlet can be at most %d characters long."),
                                    DOSSIER_DOCUMENT_MAX_OUTLET);
  if (!check_length (stripped_title, DOSSIER_DOCUMENT_MAX_TITLE, title_message, error) ||
      !check_length (clean_author, DOSSIER_DOCUMENT_MAX_AUTHOR, author_message, error) ||
      !check_length (clean_outlet, DOSSIER_DOCUMENT_MAX_OUTLET, outlet_message, error))
    return FALSE;

  if (published != NULL && published[0] != '\0' && !valid_date (published))
    {
      /* (quoted shortened: the field may hold a paragraph, or a megabyte) */
      g_autofree char *shown = dossier_text_shorten (published, 40);

      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, for example 2024-03-01."),
                   shown);
      return FALSE;
    }

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  /* A NULL parameter keeps the column (coalesce); "" becomes NULL. */
  stmt = dossier_project_prepare (self,
                                  "UPDATE documents SET "
                                  "  title = coalesce (?2, title),"
                                  "  author = CASE WHEN ?3 IS NULL THEN author ELSE nullif (?3, '') END,"
                                  "  outlet = CASE WHEN ?4 IS NULL THEN outlet ELSE nullif (?4, '') END,"
                                  "  source = CASE WHEN ?5 IS NULL THEN source ELSE nullif (?5, '') END,"
                                  "  published = CASE WHEN ?6 IS NULL THEN published ELSE nullif (?6, '') END "
                                  "WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, document_id);
  dossier_bind_text (stmt, 2, stripped_title);
  dossier_bind_text (stmt, 3, clean_author);
  dossier_bind_text (stmt, 4, clean_outlet);
  dossier_bind_text (stmt, 5, clean_source);
  dossier_bind_text (stmt, 6, published);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  dossier_project_touch (self, "documents", document_id);
  return dossier_action_commit (&action, _("Edit Document Details"), error);
}

/* Tags carried by a document's highlights: their counts change with it. */
static gboolean
touch_document_tags (DossierProject  *self,
                     gint64           document_id,
                     GError         **error)
{
  return dossier_project_touch_selected (self, "tags",
                                         "SELECT DISTINCT ht.tag FROM highlights h "
                                         "JOIN highlight_tags ht ON ht.highlight = h.id "
                                         "WHERE h.document = ?1",
                                         document_id, error);
}

gboolean
dossier_project_delete_document (DossierProject  *self,
                                 gint64           document_id,
                                 GError         **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_auto(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_document (self, document_id, NULL, error))
    return FALSE;

  if (!dossier_action_begin (&action, self, error) ||
      !touch_document_tags (self, document_id, error))
    return FALSE;

  /* Blocks, highlights, their tags and evidence go with it (cascade). */
  stmt = dossier_project_prepare (self, "DELETE FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  dossier_project_forget_text (self, document_id);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;

  dossier_project_touch (self, "highlights", document_id);
  /* Its mentions and evidence went too: the stakeholders and arguments
   * counting them are read again, and again after an undo or a redo. */
  dossier_project_touch (self, "documents", document_id);
  return dossier_action_commit (&action, _("Delete Document"), error);
}

char *
dossier_project_get_document_text (DossierProject  *self,
                                   gint64           document_id,
                                   GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return dossier_project_read_text (self, document_id, error);
}

/* The documents already in memory give the candidates (the same length);
 * only those are read, by id: the hash lies behind the original file and
 * the text in each row, and a scan for it would read every document. */
gint64
dossier_project_find_same_text (DossierProject  *self,
                                gint64           document_id,
                                GError         **error)
{
  DossierDocument *document;
  GListModel *documents;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), -1);

  if (!dossier_project_ensure_open (self, error))
    return -1;

  document = dossier_project_get_document (self, document_id);
  if (document == NULL)
    {
      dossier_set_not_found (error, DOSSIER_ROW_DOCUMENT, document_id);
      return -1;
    }

  documents = dossier_project_get_documents (self);
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) other = g_list_model_get_item (documents, i);
      g_auto(DossierStmt) stmt = NULL;
      int rc;

      if (dossier_document_get_id (other) == document_id
          || dossier_document_get_length (other) != dossier_document_get_length (document))
        continue;

      stmt = dossier_project_prepare (self,
                                      "SELECT a.hash = b.hash AND a.text = b.text "
                                      "FROM documents a, documents b WHERE a.id = ?1 AND b.id = ?2",
                                      error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int64 (stmt, 2, dossier_document_get_id (other));
      rc = dossier_project_step (self, stmt, error);
      if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0)
        return dossier_document_get_id (other);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return -1;
    }

  return 0;
}

GArray *
dossier_project_get_document_blocks (DossierProject  *self,
                                     gint64           document_id,
                                     GError         **error)
{
  gint64 length = 0;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  if (!dossier_project_require_document (self, document_id, &length, error))
    return NULL;
  return dossier_project_read_blocks (self, document_id, length, error);
}

GArray *
dossier_project_read_blocks (DossierProject  *self,
                             gint64           document_id,
                             gint64           length,
                             GError         **error)
{
  g_autoptr(GArray) blocks = NULL;
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT start, end, kind, level FROM blocks "
                                  "WHERE document = ?1 ORDER BY start, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      DossierBlock block = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        DOSSIER_BLOCK_PARAGRAPH,
        dossier_column_int_within (stmt, 3, 0, G_MAXINT),
      };

      /* An unknown kind (from a newer minor version) reads as a paragraph. */
      dossier_block_kind_from_string (dossier_column_text (stmt, 2), &block.kind);
      /* A block outside the text (only in a damaged file: "check" reports
       * it) would style nothing, or what is not there. */
      if (block.start < 0 || block.end < block.start || block.end > length)
        continue;
      g_array_append_val (blocks, block);
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&blocks);
}

GBytes *
dossier_project_get_document_original (DossierProject  *self,
                                       gint64           document_id,
                                       GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  stmt = dossier_project_prepare (self, "SELECT original FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));

  if (rc == SQLITE_DONE)
    dossier_set_not_found (error, DOSSIER_ROW_DOCUMENT, document_id);
  return NULL;
}

/* ---- Replacing the text ----------------------------------------------- */

typedef struct
{
  gint64  id;
  gint64  start;
  gint64  end;
  char   *quote;
  char   *prefix;
  char   *suffix;
} Anchored;

static void
anchored_clear (gpointer data)
{
  Anchored *a = data;

  g_free (a->quote);
  g_free (a->prefix);
  g_free (a->suffix);
}

static GArray *
read_anchors (DossierProject  *self,
              gint64           document_id,
              GError         **error)
{
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (Anchored));
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  g_array_set_clear_func (anchors, anchored_clear);

  stmt = dossier_project_prepare (self,
                                  "SELECT id, start, end, quote, prefix, suffix FROM highlights "
                                  "WHERE document = ?1 ORDER BY start, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      Anchored a = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
        dossier_column_dup (stmt, 3),
        dossier_column_dup (stmt, 4),
        dossier_column_dup (stmt, 5),
      };

      g_array_append_val (anchors, a);
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&anchors);
}

void
dossier_reanchor_free (DossierReanchor *reanchor)
{
  if (reanchor == NULL)
    return;

  g_free (reanchor->old_quote);
  g_free (reanchor->new_quote);
  g_free (reanchor);
}

/* Locates every highlight of the document in @text (the new version). */
static GPtrArray *
make_plan (DossierProject  *self,
           gint64           document_id,
           const char      *text,
           GError         **error)
{
  g_autoptr(GArray) anchors = read_anchors (self, document_id, error);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(DossierAnchorText) anchor_text = NULL;
  g_auto(DossierOffsetIndex) index = { 0 };
  g_auto(DossierStmt) stmt = NULL;
  g_autoptr(GHashTable) orphaned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 length;
  int rc;

  if (anchors == NULL)
    return NULL;

  stmt = dossier_project_prepare (self, "SELECT id FROM highlights WHERE document = ?1 AND orphaned = 1",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    g_hash_table_add (orphaned, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  if (rc != SQLITE_DONE)
    return NULL;

  /* One prepared text serves every highlight: cost linear in the text
   * plus the highlights, never text × highlights. */
  anchor_text = dossier_anchor_text_new (text);
  dossier_offset_index_init (&index, text);
  length = index.length;

  plan = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_reanchor_free);
  for (guint i = 0; i < anchors->len; i++)
    {
      const Anchored *a = &g_array_index (anchors, Anchored, i);
      DossierTextQuote quote = { a->quote, a->prefix, a->suffix, a->start, a->end };
      DossierReanchor *r = g_new0 (DossierReanchor, 1);
      gint64 start = -1, end = -1;

      r->highlight_id = a->id;
      r->was_orphaned = g_hash_table_contains (orphaned, &a->id);
      r->old_start = a->start;
      r->old_end = a->end;
      r->old_quote = g_strdup (a->quote);
      r->outcome = dossier_anchor_locate (anchor_text, &quote, &start, &end);
      if (r->outcome == DOSSIER_ANCHOR_ORPHANED || start < 0 || end <= start || end > length)
        {
          r->outcome = DOSSIER_ANCHOR_ORPHANED;
          r->new_start = r->new_end = -1;
        }
      else
        {
          r->new_start = start;
          r->new_end = end;
          r->new_quote = dossier_text_slice (text + dossier_offset_index_bytes (&index, start), 0,
                                             end - start);
        }
      r->decision = DOSSIER_REANCHOR_KEEP;
      g_ptr_array_add (plan, r);
    }

  return g_steal_pointer (&plan);
}

GPtrArray *
dossier_project_plan_text_replacement (DossierProject               *self,
                                       gint64                        document_id,
                                       const DossierParsedDocument  *doc,
                                       GError                      **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  g_return_val_if_fail (doc != NULL, NULL);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_document (self, document_id, NULL, error) ||
      !validate_text (doc, error))
    return NULL;

  return make_plan (self, document_id, doc->text, error);
}

static gboolean
apply_reanchor (DossierProject         *self,
                DossierOffsetIndex     *index,
                const DossierReanchor  *r,
                GError                **error)
{
  g_auto(DossierStmt) stmt = NULL;
  gint64 start = r->new_start, end = r->new_end;

  if (r->decision == DOSSIER_REANCHOR_DELETE)
    {
      return dossier_project_run_ids (self, "DELETE FROM highlights WHERE id = ?1",
                                      r->highlight_id, 0, error);
    }

  if (r->decision == DOSSIER_REANCHOR_PLACE)
    {
      start = r->place_start;
      end = r->place_end;
    }

  if (start < 0)
    {
      stmt = dossier_project_prepare (self, "UPDATE highlights SET orphaned = 1 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, r->highlight_id);
    }
  else
    {
      stmt = dossier_project_prepare (self,
                                      "UPDATE highlights SET start = ?2, end = ?3, quote = ?4, "
                                      "  prefix = ?5, suffix = ?6, orphaned = 0 "
                                      "WHERE id = ?1",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, r->highlight_id);
      dossier_bind_passage (stmt, 2, index, start, end);
    }

  return dossier_project_run (self, stmt, error);
}

gboolean
dossier_project_replace_text (DossierProject               *self,
                              gint64                        document_id,
                              const DossierParsedDocument  *doc,
                              GPtrArray                    *plan,
                              GError                      **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autoptr(GPtrArray) own_plan = NULL;
  g_autoptr(GHashTable) planned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *label = NULL;
  g_auto(DossierOffsetIndex) index = { 0 };
  DossierDocument *document;
  gboolean deleted = FALSE;
  gint64 length;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  if (!dossier_project_ensure_open (self, error) ||
      !dossier_project_require_document (self, document_id, NULL, error) ||
      !validate_text (doc, error))
    return FALSE;

  length = dossier_text_length (doc->text);
  if (!validate_parsed (doc, length, error))
    return FALSE;

  hash = dossier_text_hash (doc->text);

  if (!dossier_action_begin (&action, self, error))
    return FALSE;

  /* The plan is for this document's highlights and this text: its
   * places must lie in it. A highlight the plan does not know (made
   * since) is re-anchored here. */
  if (plan == NULL)
    plan = own_plan = make_plan (self, document_id, doc->text, error);
  if (plan == NULL)
    return FALSE;

  stmt = dossier_project_prepare (self, "SELECT id FROM highlights WHERE document = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    g_hash_table_add (planned, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  stmt = NULL;

  for (guint i = 0; i < plan->len; i++)
    {
      const DossierReanchor *r = g_ptr_array_index (plan, i);
      gint64 start = r->decision == DOSSIER_REANCHOR_PLACE ? r->place_start : r->new_start;
      gint64 end = r->decision == DOSSIER_REANCHOR_PLACE ? r->place_end : r->new_end;

      if (!g_hash_table_contains (planned, &r->highlight_id) ||
          (start >= 0 && (end <= start || end > length)) ||
          (r->decision == DOSSIER_REANCHOR_PLACE && start < 0))
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                       _("The review of highlight %" PRId64 " does not fit this document or its "
                         "new text; review the replacement again."), r->highlight_id);
          return FALSE;
        }
    }

  stmt = dossier_project_prepare (self,
                                  "UPDATE documents SET text = ?2, hash = ?3, length = ?4, "
                                  "  original = coalesce (?5, original), format = coalesce (?6, format) "
                                  "WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, doc->text, -1, SQLITE_STATIC);
  dossier_bind_text (stmt, 3, hash);
  sqlite3_bind_int64 (stmt, 4, length);
  bind_original (stmt, 5, doc->original);
  dossier_bind_text (stmt, 6, doc->format);
  if (!dossier_project_run (self, stmt, error))
    return FALSE;
  sqlite3_reset (stmt);
  stmt = NULL;

  if (!dossier_project_run_ids (self, "DELETE FROM blocks WHERE document = ?1",
                                document_id, 0, error))
    return FALSE;

  if (!insert_blocks (self, document_id, doc, error))
    return FALSE;

  dossier_offset_index_init (&index, doc->text);
  for (guint i = 0; i < plan->len; i++)
    {
      const DossierReanchor *r = g_ptr_array_index (plan, i);

      if (!apply_reanchor (self, &index, r, error))
        return FALSE;
      g_hash_table_remove (planned, &r->highlight_id);
      deleted = deleted || r->decision == DOSSIER_REANCHOR_DELETE;
    }

  /* Highlights made after the plan was: re-anchored like the others. */
  if (g_hash_table_size (planned) > 0)
    {
      g_autoptr(GPtrArray) rest = make_plan (self, document_id, doc->text, error);

      if (rest == NULL)
        return FALSE;
      for (guint i = 0; i < rest->len; i++)
        {
          const DossierReanchor *r = g_ptr_array_index (rest, i);

          if (g_hash_table_contains (planned, &r->highlight_id) && !apply_reanchor (self, &index, r, error))
            return FALSE;
        }
    }

  if (!dossier_project_update_mentions (self, document_id, doc->text, error))
    return FALSE;

  dossier_project_touch (self, "blocks", document_id);
  dossier_project_touch (self, "highlights", document_id);
  dossier_project_touch (self, "documents", document_id);
  if (deleted)
    dossier_project_touch_table (self, "tags");

  document = g_hash_table_lookup (self->documents_by_id, &document_id);
  label = g_strdup_printf (_("Replace Text of “%s”"),
                           document != NULL ? dossier_document_get_title (document) : "");
  return dossier_action_commit (&action, label, error);
}

gboolean
dossier_project_replace_document_text (DossierProject               *self,
                                       gint64                        document_id,
                                       const DossierParsedDocument  *doc,
                                       GArray                      **orphans,
                                       GError                      **error)
{
  g_autoptr(GPtrArray) plan = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  if (orphans != NULL)
    *orphans = NULL;

  plan = dossier_project_plan_text_replacement (self, document_id, doc, error);
  if (plan == NULL || !dossier_project_replace_text (self, document_id, doc, plan, error))
    return FALSE;

  if (orphans != NULL)
    {
      *orphans = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < plan->len; i++)
        {
          const DossierReanchor *r = g_ptr_array_index (plan, i);

          if (r->new_start < 0)
            g_array_append_val (*orphans, r->highlight_id);
        }
    }

  return TRUE;
}

GArray *
dossier_project_list_orphans (DossierProject  *self,
                              gint64           document_id,
                              GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  if (document_id != 0 && !dossier_project_require_document (self, document_id, NULL, error))
    return NULL;

  return dossier_project_read_ids (self,
                                   "SELECT id FROM highlights WHERE orphaned = 1 "
                                   "AND (?1 = 0 OR document = ?1) "
                                   "AND " DOSSIER_SQL_DOCUMENT_EXISTS ("highlights.document")
                                   " ORDER BY document, id",
                                   document_id, NULL, error);
}
