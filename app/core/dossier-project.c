/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project.c — a Dossier project file: opening, creating, locking,
 * the statement cache, transactions, and the checks.
 *
 * The entities live in dossier-project-documents.c, -tags.c,
 * -highlights.c; search and undo in -search.c and -undo.c; the schema and
 * its migrations in -schema.c. They share the struct through
 * dossier-project-private.h.
 */

#include "config.h"

#include "dossier-project-private.h"
#include "dossier-text-private.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <dossier/dossier-briefing.h>
#include <dossier/dossier-text.h>

G_DEFINE_QUARK (dossier-project-error-quark, dossier_project_error)

G_DEFINE_FINAL_TYPE (DossierProject, dossier_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_TITLE,
  PROP_UUID,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_UNDO_STEP,
  PROP_AUTHOR,
  PROP_INDEXING,
  PROP_MENTIONS_PENDING,
  N_PROPS
};

enum {
  HIGHLIGHTS_CHANGED,
  DOCUMENT_TEXT_CHANGED,
  STAKEHOLDER_NAMES_CHANGED,
  DISMISSED_SUGGESTIONS_CHANGED,
  SEARCH_INDEX_REBUILT,
  NOT_INDEXED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Small helpers ----------------------------------------------------- */

char *
dossier_display_name (const char *path)
{
  return g_filename_display_basename (path);
}

char *
dossier_text_without_controls (const char *text,
                               gboolean    multiline)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t' || c == '\r')
        {
          /* CR LF (or CR alone) is one line break. */
          if (multiline && c == '\r' && p[1] != '\n')
            g_string_append_c (out, '\n');
          else if (multiline && c != '\r')
            g_string_append_c (out, (char) c);
          else if (!multiline)
            g_string_append_c (out, ' ');
        }
      else if (!(c < 0x20 || (c >= 0x7f && c < 0xa0) || dossier_text_is_bidi_control (c)))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

char *
dossier_text_from_elsewhere (const char *text,
                             gboolean    multiline)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  return dossier_text_without_controls (text, multiline);
}

char *
dossier_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
dossier_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
dossier_bind_optional_text (sqlite3_stmt *stmt,
                            int           index,
                            const char   *text)
{
  dossier_bind_text (stmt, index, text != NULL && text[0] != '\0' ? text : NULL);
}

void
dossier_bind_stance (sqlite3_stmt *stmt,
                     int           index,
                     int           position)
{
  if (position == DOSSIER_STANCE_UNKNOWN)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, position);
}

const char *
dossier_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

char *
dossier_column_dup (sqlite3_stmt *stmt,
                    int           column)
{
  const char *text = dossier_column_text (stmt, column);

  /* Whatever the file holds, what leaves the core is valid UTF-8. */
  return dossier_text_dup_valid (text, text != NULL ? sqlite3_column_bytes (stmt, column) : 0);
}

int
dossier_column_int_within (sqlite3_stmt *stmt,
                           int           column,
                           int           min,
                           int           max)
{
  return (int) CLAMP (sqlite3_column_int64 (stmt, column), min, max);
}

int
dossier_column_stance (sqlite3_stmt *stmt,
                       int           column)
{
  gint64 stance = sqlite3_column_int64 (stmt, column);

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL ||
      stance < DOSSIER_STANCE_MIN || stance > DOSSIER_STANCE_MAX)
    return DOSSIER_STANCE_UNKNOWN;
  return (int) stance;
}

void
dossier_set_sqlite_error (GError    **error,
                          const char *path,
                          sqlite3    *db,
                          int         rc)
{
  g_autofree char *name = dossier_display_name (path);
  /* SQLite's message may quote the file (the SQL of a damaged schema),
   * bytes that need not be text; an error message must be. */
  g_autofree char *detail = g_utf8_make_valid (db != NULL ? sqlite3_errmsg (db)
                                                          : sqlite3_errstr (rc), -1);

  /* A full disk also shows as an I/O error (growing the log's shared
   * memory, say): the system's own error says which. */
  if (db != NULL && sqlite3_system_errno (db) == ENOSPC)
    rc = SQLITE_FULL;

  /* SQLite's own words ("database is locked", "attempt to write a
   * readonly database", "database disk image is malformed") are English
   * and a database's, not the user's, who learns nothing from them that
   * the message does not say: they go to the log. */
  g_debug ("%s: %s", path, detail);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("The disk is full: the change to “%s” was not saved. "
                     "Free some space and try again."), name);
      break;
    case SQLITE_IOERR:
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("Could not read or write “%s”: the disk it is on reported an error. "
                     "Check that the disk is still there, then try again."), name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("“%s” is damaged and cannot be read. Open a backup copy instead."), name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                   _("“%s” cannot be written: the file, its folder or its disk is read-only. "
                     "Make it writable, or save a copy elsewhere."), name);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED,
                   _("“%s” is busy in another program. Try again in a moment."), name);
      break;
    case SQLITE_NOMEM:
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("Out of memory while working on “%s”."), name);
      break;
    case SQLITE_INTERRUPT:
      /* The progress guard (dossier-project-trust.c) stopped a statement
       * that ran far longer than the file's size could need. */
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED,
                   _("Reading “%s” took far too long and was stopped: the file may be "
                     "damaged, or built to stall Dossier. Run “dossier-cli check” on it."),
                   name);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("The change would make “%s” inconsistent, so it was not made."), name);
      break;
    default:
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("Could not update “%s” (%s)."), name, detail);
      break;
    }
}

static gboolean file_replaced_in_place (DossierProject *self);
static gboolean file_written_over (DossierProject *self);
static void set_replaced_error (DossierProject  *self,
                                GError         **error);

void
dossier_project_set_db_error (DossierProject  *self,
                              GError         **error,
                              int              rc)
{
  int primary = rc & 0xff;

  /* What SQLite takes for damage, a failed read or a missing table may be
   * the file emptied, cut short or overwritten under the open project:
   * that is what the user is told, as the next action would. */
  if (primary != SQLITE_BUSY && primary != SQLITE_LOCKED && file_replaced_in_place (self))
    {
      set_replaced_error (self, error);
      return;
    }
  dossier_set_sqlite_error (error, self->path, self->db, rc);
}

gboolean
dossier_project_ensure_open (DossierProject  *self,
                             GError         **error)
{
  if (self->db != NULL)
    return TRUE;

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
               _("The project has been closed."));
  return FALSE;
}

sqlite3_stmt *
dossier_project_prepare (DossierProject  *self,
                         const char      *sql,
                         GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!dossier_project_ensure_open (self, error))
    return NULL;
  /* Another's content read as ours would say wrong things (a document
   * missing, another title), and a statement prepared from it fails. An
   * action looks as it begins and before its commit, not at each of its
   * statements: the look is a read (), a tenth of autocode's work. */
  if (!self->in_transaction && !dossier_project_check_not_written_over (self, error))
    return NULL;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* A file overwritten under us is no fault of the statement's, nor
       * a damaged one (a search index FTS5 cannot open fails the
       * statements that touch it, its triggers too, as they are
       * prepared; one whose records claim absurd sizes fails them as
       * out of memory), nor an interrupted one (the mention check's
       * thread, stopped as its project closes). */
      if ((rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOMEM &&
          (rc & 0xff) != SQLITE_INTERRUPT && !file_replaced_in_place (self))
        g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      dossier_project_set_db_error (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

int
dossier_project_step (DossierProject  *self,
                      sqlite3_stmt    *stmt,
                      GError         **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    dossier_project_set_db_error (self, error, rc);

  return rc;
}

gboolean
dossier_project_run (DossierProject  *self,
                     sqlite3_stmt    *stmt,
                     GError         **error)
{
  int rc;

  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    ;

  return rc == SQLITE_DONE;
}

gboolean
dossier_project_run_ids (DossierProject  *self,
                         const char      *sql,
                         gint64           first,
                         gint64           second,
                         GError         **error)
{
  g_auto(DossierStmt) stmt = dossier_project_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, first);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, second);
  return dossier_project_run (self, stmt, error);
}

gboolean
dossier_project_exec (DossierProject  *self,
                      const char      *sql,
                      GError         **error)
{
  int rc;

  if (!dossier_project_ensure_open (self, error))
    return FALSE;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      dossier_project_set_db_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

gboolean
dossier_project_exec_in_temp (DossierProject  *self,
                              const char      *sql,
                              GError         **error)
{
  gboolean ok;

  if (self->query_only)
    sqlite3_exec (self->db, "PRAGMA query_only = OFF", NULL, NULL, NULL);
  ok = dossier_project_exec (self, sql, error);
  if (self->query_only)
    sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  return ok;
}

/* See dossier_project_borrow_sound_text(). */
struct _DossierTextCache
{
  gint64             document_id;
  char              *text;
  DossierOffsetIndex index;
};

/* ---- Bringing the models up to date ------------------------------------ */

typedef void (*ApplyFunc) (DossierProject       *self,
                           const DossierChanges *changes);

static void
apply_meta (DossierProject       *self,
            const DossierChanges *changes)
{
  if (dossier_changes_get_rows (changes, "project") != NULL)
    dossier_project_load_meta (self, NULL);
}

/* Each model catches up with the tables it shows (see DossierChanges), in
 * this order; then the signals. A new model is one more line here. */
static const ApplyFunc appliers[] = {
  apply_meta,
  dossier_project_apply_documents,
  dossier_project_apply_tags,
  dossier_project_apply_stakeholders,
  dossier_project_apply_arguments,
  dossier_project_apply_highlight_lists,
  dossier_project_apply_briefings,
};

void
dossier_project_apply_changes (DossierProject       *self,
                               const DossierChanges *changes)
{
  g_autoptr(GArray) text_ids = NULL;
  g_autoptr(GArray) highlight_ids = NULL;

  if (self->db == NULL)
    return;

  /* An undo, a redo or another connection's work may have changed it. */
  if (self->text_cache != NULL
      && (dossier_changes_get_reload (changes, "documents") || dossier_changes_get_reload (changes, "blocks")
          || dossier_changes_contains (changes, "documents", self->text_cache->document_id)
          || dossier_changes_contains (changes, "blocks", self->text_cache->document_id)))
    dossier_project_forget_text (self, 0);

  for (guint i = 0; i < G_N_ELEMENTS (appliers); i++)
    appliers[i] (self, changes);
  dossier_project_index_after (self, changes);

  /* Copies: a handler may well start another action. */
  text_ids = dossier_changes_get_sorted (changes, "blocks");
  highlight_ids = dossier_changes_get_sorted (changes, "highlights");

  for (guint i = 0; i < text_ids->len; i++)
    g_signal_emit (self, signals[DOCUMENT_TEXT_CHANGED], 0, g_array_index (text_ids, gint64, i));
  for (guint i = 0; i < highlight_ids->len; i++)
    g_signal_emit (self, signals[HIGHLIGHTS_CHANGED], 0, g_array_index (highlight_ids, gint64, i));
  if (self->stakeholder_names_changed)
    {
      self->stakeholder_names_changed = FALSE;
      g_signal_emit (self, signals[STAKEHOLDER_NAMES_CHANGED], 0);
    }
  if (dossier_changes_touch_any (changes, (const char * const[]) { "dismissed_suggestions" }, 1))
    g_signal_emit (self, signals[DISMISSED_SUGGESTIONS_CHANGED], 0);
}

/* ---- Validation shared by the split files ------------------------------ */

gboolean
dossier_project_require_document (DossierProject  *self,
                                  gint64           document_id,
                                  gint64          *length,
                                  GError         **error)
{
  return dossier_project_read_row_int (self, DOSSIER_ROW_DOCUMENT,
                                       length != NULL
                                       ? "SELECT length FROM " DOSSIER_SQL_LENGTHS " WHERE id = ?1"
                                       : "SELECT 1 FROM documents WHERE id = ?1",
                                       document_id, length, error);
}

gboolean
dossier_project_require_tag (DossierProject  *self,
                             gint64           tag_id,
                             GError         **error)
{
  return dossier_project_require_row (self, DOSSIER_ROW_TAG, tag_id, error);
}

/* Refuses document @document_id, as damaged because of @why. */
static void
set_damaged (DossierProject  *self,
             gint64           document_id,
             const char      *why,
             GError         **error)
{
  g_autofree char *name = dossier_display_name (self->path);

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED,
               /* TRANSLATORS: the second %s says what is wrong, e.g. "its
                * text is not valid UTF-8" */
               _("Document %" PRId64 " of “%s” is damaged (%s): it cannot be used as "
                 "it is. “dossier-cli check” lists what is wrong; open a backup copy."),
               document_id, name, why);
}

/* The bytes read from the file at once (a text is read in pieces): between
 * two, the caller may give up — a text of 50 MB read in one go took 0.2 s,
 * all of it past a cancel. */
#define TEXT_PIECE 65536

/* The text of document @document_id from the blob handle @blob (its
 * *@n_chars code points), read in pieces and validated as they come,
 * telling @progress of each piece: NULL if it is damaged, or if @progress
 * gives up (with the error @progress sets). */
static char *
read_text_pieces (DossierProject       *self,
                  sqlite3_blob         *blob,
                  gint64                document_id,
                  gint64               *n_chars,
                  DossierReadProgress   progress,
                  gpointer              data,
                  GError              **error)
{
  int n_bytes = sqlite3_blob_bytes (blob);
  g_autofree char *text = g_malloc ((gsize) n_bytes + 1);
  int read = 0;
  int valid = 0;   /* validated up to here: a character's start */

  *n_chars = 0;
  while (read < n_bytes)
    {
      int n = MIN (TEXT_PIECE, n_bytes - read);
      int rc = sqlite3_blob_read (blob, text + read, n, read);
      int upto = read + n;

      if (rc != SQLITE_OK)
        {
          dossier_project_set_db_error (self, error, rc);
          return NULL;
        }
      read += n;
      /* Up to the character that may not be whole yet, then the rest;
       * a valid text cut where a character starts is valid on each side.
       * No character has more than three continuation bytes: past those,
       * the text is not valid wherever it is cut (and a scan back to
       * @valid, piece after piece, took 6 s on 50 MB of them). */
      if (read < n_bytes)
        for (upto = read - 4; upto > MAX (valid, read - 7) && ((guchar) text[upto] & 0xC0) == 0x80;
             upto--)
          ;
      if (upto > valid)
        {
          gint64 chars = 0;

          if (!dossier_text_validate_stored (text + valid, upto - valid, &chars))
            {
              set_damaged (self, document_id, _("its text is not valid UTF-8"), error);
              return NULL;
            }
          *n_chars += chars;
          valid = upto;
        }
      if (progress != NULL && !progress (n, data))
        return NULL;
    }
  text[n_bytes] = '\0';
  return g_steal_pointer (&text);
}

/* Whether the file stores its texts as UTF-8, as a blob handle reads them
 * (SQLite converts those of a UTF-16 file as it gives them out). */
static gboolean
stores_utf8 (DossierProject *self)
{
  g_auto(DossierStmt) stmt = dossier_project_prepare (self, "PRAGMA encoding", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW
         && g_strcmp0 (dossier_column_text (stmt, 0), "UTF-8") == 0;
}

/* @sql (of document @document_id's row, ?1 its id) at that row; NULL when
 * there is none (not found) or on an error. */
static sqlite3_stmt *
step_document_row (DossierProject  *self,
                   const char      *sql,
                   gint64           document_id,
                   GError         **error)
{
  sqlite3_stmt *stmt = dossier_project_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    return stmt;
  if (rc == SQLITE_DONE)
    dossier_set_not_found (error, DOSSIER_ROW_DOCUMENT, document_id);
  sqlite3_reset (stmt);
  return NULL;
}

/* The text of document @document_id, validated; its length in *@length.
 * Read a piece at a time (see read_text_pieces ()) where it is text or a
 * blob in a UTF-8 file, the rest (a number, NULL: damaged) as SQLite
 * gives it. */
static char *
read_text (DossierProject       *self,
           gint64                document_id,
           gint64               *length,
           DossierReadProgress   progress,
           gpointer              data,
           GError              **error)
{
  g_auto(DossierStmt) stmt = NULL;
  DossierDocument *document = dossier_project_get_document (self, document_id);
  g_autofree char *owned = NULL;
  const char *text;
  const char *type;
  gint64 n_chars = 0;
  int n_bytes;
  int rc;

  /* Offsets, the view and every walk over the text rely on it being valid
   * UTF-8 of the length recorded. A writer's model has it (nobody else
   * writes): no read. A reader's may lag behind the writer it follows. */
  if (document != NULL && !self->read_only)
    *length = dossier_document_get_length (document);
  else if (!dossier_project_require_document (self, document_id, length, error))
    return NULL;

  /* (its type alone: SQLite reads no text for it) */
  stmt = step_document_row (self, "SELECT typeof (text) FROM documents WHERE id = ?1", document_id, error);
  if (stmt == NULL)
    return NULL;
  type = dossier_column_text (stmt, 0);
  if ((g_strcmp0 (type, "text") == 0 || g_strcmp0 (type, "blob") == 0) && stores_utf8 (self))
    {
      sqlite3_blob *blob = NULL;

      rc = sqlite3_blob_open (self->db, "main", "documents", "text", document_id, 0, &blob);
      if (rc != SQLITE_OK)
        {
          sqlite3_blob_close (blob);
          dossier_project_set_db_error (self, error, rc);
          return NULL;
        }
      owned = read_text_pieces (self, blob, document_id, &n_chars, progress, data, error);
      sqlite3_blob_close (blob);
      if (owned == NULL)
        return NULL;
    }
  else
    {
      sqlite3_reset (stmt);
      stmt = step_document_row (self, "SELECT text FROM documents WHERE id = ?1", document_id, error);
      if (stmt == NULL)
        return NULL;
      text = dossier_column_text (stmt, 0);
      n_bytes = sqlite3_column_bytes (stmt, 0);
      if (text == NULL || !dossier_text_validate_stored (text, n_bytes, &n_chars))
        {
          set_damaged (self, document_id, _("its text is not valid UTF-8"), error);
          return NULL;
        }
      owned = g_strndup (text, n_bytes);
    }
  if (n_chars != *length)
    {
      g_autofree char *why = g_strdup_printf (_("its text has %" PRId64 " characters, "
                                                "not the %" PRId64 " recorded"),
                                              n_chars, *length);

      set_damaged (self, document_id, why, error);
      return NULL;
    }

  return g_steal_pointer (&owned);
}

char *
dossier_project_read_text (DossierProject  *self,
                           gint64           document_id,
                           GError         **error)
{
  gint64 length;

  return read_text (self, document_id, &length, NULL, NULL, error);
}

char *
dossier_project_read_text_checked (DossierProject       *self,
                                   gint64                document_id,
                                   DossierReadProgress   progress,
                                   gpointer              data,
                                   gint64               *length,
                                   GError              **error)
{
  return read_text (self, document_id, length, progress, data, error);
}

gboolean
dossier_project_require_sound_ranges (DossierProject  *self,
                                      gint64           document_id,
                                      gint64           length,
                                      GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  /* An index scan of the document's live highlights. */
  stmt = dossier_project_prepare (self,
                                  "SELECT id FROM highlights "
                                  "WHERE document = ?1 AND orphaned = 0 AND "
                                  "  (typeof (start) <> 'integer' OR typeof (end) <> 'integer' "
                                  "   OR start < 0 OR end <= start OR end > ?2) "
                                  "LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, length);

  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *why = g_strdup_printf (_("highlight %" PRId64 " lies outside its text"),
                                              (gint64) sqlite3_column_int64 (stmt, 0));

      set_damaged (self, document_id, why, error);
      return FALSE;
    }

  return rc == SQLITE_DONE;
}

char *
dossier_project_read_sound_text (DossierProject  *self,
                                 gint64           document_id,
                                 GError         **error)
{
  gint64 length = 0;
  g_autofree char *text = read_text (self, document_id, &length, NULL, NULL, error);

  if (text == NULL || !dossier_project_require_sound_ranges (self, document_id, length, error))
    return NULL;

  return g_steal_pointer (&text);
}

/* ---- The text actions read, kept ---------------------------------------- */

static void
text_cache_free (DossierTextCache *cache)
{
  dossier_offset_index_clear (&cache->index);
  g_free (cache->text);
  g_free (cache);
}

void
dossier_project_forget_text (DossierProject *self,
                             gint64          document_id)
{
  if (self->text_cache != NULL
      && (document_id == 0 || self->text_cache->document_id == document_id))
    g_clear_pointer (&self->text_cache, text_cache_free);
}

DossierOffsetIndex *
dossier_project_borrow_sound_text (DossierProject  *self,
                                   gint64           document_id,
                                   GError         **error)
{
  DossierTextCache *cache;
  char *text;

  /* Tagging one passage after another in a long document read, checked
   * and indexed its text (1 MB: ~2.5 ms) on every action. */
  if (self->text_cache != NULL && self->text_cache->document_id == document_id)
    return &self->text_cache->index;

  text = dossier_project_read_sound_text (self, document_id, error);
  if (text == NULL)
    return NULL;

  dossier_project_forget_text (self, 0);
  cache = g_new0 (DossierTextCache, 1);
  /* A reader's texts may change behind it: what it reads is never found
   * again (and goes with the next read or the project). */
  cache->document_id = self->read_only ? 0 : document_id;
  cache->text = text;
  dossier_offset_index_init (&cache->index, cache->text);
  self->text_cache = cache;
  return &cache->index;
}

/* ---- Code-point offsets ------------------------------------------------ */

#define CHECKPOINT_SHIFT 6

/* Every action that tags a range indexes the whole document (1 MB: a
 * million bytes) to place the quote and its context: eight bytes at a
 * time, one by one only in the words where a checkpoint falls. */
void
dossier_offset_index_init (DossierOffsetIndex *index,
                           const char         *text)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guchar *p = (const guchar *) text;
  gsize n_bytes = strlen (text);
  gsize i = 0, n_checkpoints = 0;
  gint64 n = 0;
  gsize *checkpoints;

  index->text = text;
  index->n_bytes = n_bytes;
  /* One checkpoint per 64 code points: no more than one per 64 bytes. */
  index->checkpoints = g_array_sized_new (FALSE, FALSE, sizeof (gsize),
                                          (n_bytes >> CHECKPOINT_SHIFT) + 1);
  g_array_set_size (index->checkpoints, (n_bytes >> CHECKPOINT_SHIFT) + 1);
  checkpoints = (gsize *) (gpointer) index->checkpoints->data;

  while (i < n_bytes)
    {
      guint phase = n & ((1 << CHECKPOINT_SHIFT) - 1);

      /* A word holds at most 8 code points: none of them is a checkpoint
       * while the count is past one and at least 8 short of the next. */
      while (phase >= 1 && phase <= (1 << CHECKPOINT_SHIFT) - 8 && n_bytes - i >= 8)
        {
          guint64 w, cont;

          memcpy (&w, p + i, 8);
          /* Continuation bytes are 10xxxxxx; a code point starts at every
           * other byte. The multiplication sums the eight flags in the top
           * byte (no popcount instruction in the baseline x86-64). */
          cont = w & ~(w << 1) & high;
          n += 8 - (gint64) (((cont >> 7) * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
          i += 8;
          phase = n & ((1 << CHECKPOINT_SHIFT) - 1);
        }
      if (i >= n_bytes)
        break;

      if ((p[i] & 0xc0) != 0x80)
        {
          if (phase == 0)
            checkpoints[n_checkpoints++] = i;
          n++;
        }
      i++;
    }

  g_array_set_size (index->checkpoints, n_checkpoints);
  index->length = n;
}

void
dossier_offset_index_clear (DossierOffsetIndex *index)
{
  g_clear_pointer (&index->checkpoints, g_array_unref);
}

gsize
dossier_offset_index_bytes (DossierOffsetIndex *index,
                            gint64              offset)
{
  const char *p;

  if (offset <= 0)
    return 0;
  if (offset >= index->length)
    return index->n_bytes;

  p = index->text + g_array_index (index->checkpoints, gsize, offset >> CHECKPOINT_SHIFT);
  for (gint64 i = offset & ((1 << CHECKPOINT_SHIFT) - 1); i > 0; i--)
    p = g_utf8_next_char (p);

  return p - index->text;
}

void
dossier_offset_index_context (DossierOffsetIndex  *index,
                              gint64               start,
                              gint64               end,
                              char               **quote,
                              char               **prefix,
                              char               **suffix)
{
  gint64 window_start = MAX (0, start - DOSSIER_CONTEXT_LENGTH);
  gint64 window_end = MIN (index->length, end + DOSSIER_CONTEXT_LENGTH);
  gsize from = dossier_offset_index_bytes (index, window_start);
  gsize to = dossier_offset_index_bytes (index, window_end);
  g_autofree char *window = g_strndup (index->text + from, to - from);

  /* The window holds all the context there is, so the result is the same
   * as over the whole text, without walking it from the start. */
  dossier_text_quote_context (window, start - window_start, end - window_start,
                              quote, prefix, suffix);
}

void
dossier_bind_passage (sqlite3_stmt       *stmt,
                      int                 first,
                      DossierOffsetIndex *index,
                      gint64              start,
                      gint64              end)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  dossier_offset_index_context (index, start, end, &quote, &prefix, &suffix);
  sqlite3_bind_int64 (stmt, first, start);
  sqlite3_bind_int64 (stmt, first + 1, end);
  dossier_bind_text (stmt, first + 2, quote);
  dossier_bind_text (stmt, first + 3, prefix);
  dossier_bind_text (stmt, first + 4, suffix);
}

/* ---- The file under its name ---------------------------------------------- */

/* Whether the file SQLite has open is no longer the one at self->path:
 * moved or deleted (SQLite would go on writing into it, and a deleted
 * one is gone at close), or another file put in its place. */
static gboolean
file_has_moved (DossierProject *self)
{
  int moved = 0;

  if (self->db == NULL || self->immutable ||
      sqlite3_file_control (self->db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) != SQLITE_OK)
    return FALSE;
  return moved != 0;
}

static gboolean
same_stamp (const struct stat *a,
            const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* The count of commits the log's index (the shared memory beside a
 * project in WAL mode) keeps, whoever made them: iChange in its header,
 * laid out in SQLite's file format documentation (walformat.html). Read
 * through the mapping of @db's own connection, never a descriptor of
 * ours, whose close would drop SQLite's locks on the file. FALSE if @db
 * has no such index. */
#define WAL_INDEX_HEADER_WORDS 12   /* 48 bytes, written twice */
#define WAL_INDEX_CHANGE       2    /* the word that counts commits */
#define WAL_INDEX_IS_INIT      12   /* the byte set once the header is */

static gboolean
wal_index_read_change (sqlite3 *db,
                       guint32 *change)
{
  sqlite3_file *file = NULL;
  volatile void *region = NULL;

  if (db == NULL ||
      sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL || file->pMethods->iVersion < 2 ||
      file->pMethods->xShmMap == NULL ||
      file->pMethods->xShmMap (file, 0, 32 * 1024, 0, &region) != SQLITE_OK || region == NULL)
    return FALSE;

  /* A writer writes the header's second copy, then its first: two alike
   * are a whole header, as SQLite's own readers take them. */
  for (guint attempt = 0; attempt < 1000; attempt++)
    {
      guint32 first[WAL_INDEX_HEADER_WORDS], second[WAL_INDEX_HEADER_WORDS];

      memcpy (first, (const void *) region, sizeof first);
      __atomic_thread_fence (__ATOMIC_SEQ_CST);
      memcpy (second, (const guint32 *) region + WAL_INDEX_HEADER_WORDS, sizeof second);
      if (memcmp (first, second, sizeof first) == 0 && ((const guchar *) first)[WAL_INDEX_IS_INIT])
        {
          *change = first[WAL_INDEX_CHANGE];
          return TRUE;
        }
      g_thread_yield ();
    }
  return FALSE;
}

/* The file at the path as the main connection's last checkpoint left it.
 * Only that connection copies its log into the file (its workers leave
 * checkpoints to it), and it notes the file's stamp after each, under a
 * lock that its workers' looks wait for: any other change to the file,
 * whatever it holds, is someone else's. */
struct _DossierFileStamp
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  struct stat      stat;
  GMainContext    *context;       /* the main connection's */
  GWeakRef         main;          /* DossierProject */
  int              asked;         /* a worker's commit waits for a checkpoint */
  int              worker_commits;  /* begun by the workers, so far (atomic) */

  /* This process's commits, main connection's and workers', each noted
   * in SQLite's commit hook, before any other connection can see it,
   * under ledger_mutex: the number the log's index gives it, until the
   * main connection's look for others' commits passes it; and the token
   * of its stamp, since the stamp the file held at the last checkpoint
   * of the main connection's that copied the whole log (the first). */
  GMutex           ledger_mutex;
  GArray          *own_changes;   /* of guint32 */
  GPtrArray       *own_tokens;    /* of char * (NULL: a file without a stamp) */

  /* What the kernel says was done to the file since the stamp, to tell a
   * change of its times alone (touch, a backup tool) from content written
   * over it; -1 where it cannot say (then any change is a replacement). */
  int              watch_fd;      /* inotify */
  gboolean         written;       /* written, cut, or the watch lost */
  gboolean         attributes;    /* its times, mode or links changed */
};

static DossierFileStamp *
file_stamp_new (DossierProject *main)
{
  DossierFileStamp *stamp = g_new0 (DossierFileStamp, 1);

  g_atomic_ref_count_init (&stamp->ref_count);
  g_mutex_init (&stamp->mutex);
  stamp->context = g_main_context_ref (main->context);
  g_weak_ref_init (&stamp->main, main);
  stamp->watch_fd = -1;
  g_mutex_init (&stamp->ledger_mutex);
  stamp->own_changes = g_array_new (FALSE, FALSE, sizeof (guint32));
  stamp->own_tokens = g_ptr_array_new_with_free_func (g_free);
  return stamp;
}

static DossierFileStamp *
file_stamp_ref (DossierFileStamp *stamp)
{
  g_atomic_ref_count_inc (&stamp->ref_count);
  return stamp;
}

static void
file_stamp_unref (DossierFileStamp *stamp)
{
  if (!g_atomic_ref_count_dec (&stamp->ref_count))
    return;

  g_weak_ref_clear (&stamp->main);
  if (stamp->watch_fd >= 0)
    close (stamp->watch_fd);
  g_main_context_unref (stamp->context);
  g_mutex_clear (&stamp->mutex);
  g_mutex_clear (&stamp->ledger_mutex);
  g_array_unref (stamp->own_changes);
  g_ptr_array_unref (stamp->own_tokens);
  g_free (stamp);
}

/* From now on the kernel tells what is done to the file at @path: written
 * (IN_MODIFY: cp over it, emptied, cut short) or only its times or mode
 * changed (IN_ATTRIB: touch). */
static void
watch_file (DossierFileStamp *stamp,
            const char       *path)
{
  stamp->watch_fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  if (stamp->watch_fd >= 0 && inotify_add_watch (stamp->watch_fd, path, IN_MODIFY | IN_ATTRIB) < 0)
    {
      close (stamp->watch_fd);
      stamp->watch_fd = -1;
    }
}

/* Takes in what the kernel said since the last look (it says it before
 * the write that caused it returns); the stamp's lock held. */
static void
read_file_events_locked (DossierFileStamp *stamp)
{
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  ssize_t n;

  if (stamp->watch_fd < 0)
    return;
  while ((n = read (stamp->watch_fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    for (ssize_t at = 0; at < n;)
      {
        const struct inotify_event *event = (const struct inotify_event *) (buffer + at);

        /* Anything but a change of attributes (a write, a lost event, the
         * watch gone with the file) may have changed the content. */
        if (event->mask == IN_ATTRIB)
          stamp->attributes = TRUE;
        else
          stamp->written = TRUE;
        at += sizeof *event + event->len;
      }
  if (n < 0 && errno != EAGAIN)
    stamp->written = TRUE;
}

/* Notes the file at the path as the main connection now left it; the
 * stamp's lock held, or the stamp not shared yet. */
static void
stamp_file_locked (DossierProject *self)
{
  DossierFileStamp *stamp = self->file_stamp;

  /* What our own checkpoint wrote is no one else's. */
  read_file_events_locked (stamp);
  stamp->written = FALSE;
  stamp->attributes = FALSE;
  if (stat (self->path, &stamp->stat) != 0)
    memset (&stamp->stat, 0, sizeof stamp->stat);
}

/* Whether what wrote the file at the path (@st) since the stamp was a
 * checkpoint of another connection's (the sqlite3 shell's PRAGMA
 * wal_checkpoint, or its own every 1000 pages), which copies the log of
 * this same database into it: the same file, holding this project at one
 * of this process's commits since the last whole checkpoint — its stamp
 * says which, and is new at each commit. A copy put back over it (an
 * older stamp), another project, content cut short hold none of them.
 * Then the file is stamped again as it is; the stamp's lock held. */
static gboolean
checkpointed_elsewhere_locked (DossierProject    *self,
                               const struct stat *st)
{
  DossierFileStamp *stamp = self->file_stamp;
  g_autofree char *uuid = NULL;
  g_autofree char *token = NULL;
  gboolean ours = FALSE;

  if (st->st_dev != stamp->stat.st_dev || st->st_ino != stamp->stat.st_ino ||
      !dossier_file_read_stamp (self->path, &uuid, &token) || g_strcmp0 (uuid, self->uuid) != 0)
    return FALSE;

  g_mutex_lock (&stamp->ledger_mutex);
  for (guint i = 0; i < stamp->own_tokens->len && !ours; i++)
    ours = g_strcmp0 (g_ptr_array_index (stamp->own_tokens, i), token) == 0;
  g_mutex_unlock (&stamp->ledger_mutex);
  if (!ours)
    return FALSE;

  stamp->written = FALSE;
  stamp->attributes = FALSE;
  stamp->stat = *st;
  return TRUE;
}

/* Whether the file at the path changed since the main connection's last
 * checkpoint (cp backup.dossier p.dossier: the same inode, which SQLite
 * does not see, and another content, even an older copy of this same
 * project, into whose pages our log would go); the stamp's lock held. A
 * change of its times alone (touch) is none. */
static gboolean
file_changed_locked (DossierProject *self)
{
  DossierFileStamp *stamp = self->file_stamp;
  struct stat st;

  read_file_events_locked (stamp);
  if (stat (self->path, &st) != 0)
    return FALSE;
  if (stamp->written)
    return !checkpointed_elsewhere_locked (self, &st);
  if (same_stamp (&st, &stamp->stat))
    return FALSE;
  if (st.st_dev != stamp->stat.st_dev || st.st_ino != stamp->stat.st_ino ||
      st.st_size != stamp->stat.st_size || !stamp->attributes)
    return !checkpointed_elsewhere_locked (self, &st);
  stamp->stat = st;
  stamp->attributes = FALSE;
  return FALSE;
}

static gboolean
file_written_over (DossierProject *self)
{
  DossierFileStamp *stamp = self->file_stamp;
  gboolean written;

  /* A checkpoint under way holds the lock: the next statement looks. */
  if (self->db == NULL || self->read_only || stamp == NULL || stamp->watch_fd < 0 ||
      !g_mutex_trylock (&stamp->mutex))
    return FALSE;

  read_file_events_locked (stamp);
  written = stamp->written;
  g_mutex_unlock (&stamp->mutex);
  return written;
}

gboolean
dossier_project_check_not_written_over (DossierProject  *self,
                                        GError         **error)
{
  if (!file_written_over (self))
    return TRUE;
  set_replaced_error (self, error);
  return FALSE;
}

static gboolean
file_replaced_in_place (DossierProject *self)
{
  gboolean changed;

  if (self->db == NULL || self->read_only || self->file_stamp == NULL)
    return FALSE;

  g_mutex_lock (&self->file_stamp->mutex);
  changed = file_changed_locked (self);
  g_mutex_unlock (&self->file_stamp->mutex);
  return changed;
}

static void checkpoint_again_later (DossierProject *self);

/* Copies what the log holds into the file, as far as no reader keeps it
 * from doing so, so that the file alone (mailed, copied, backed up while
 * the project is open) holds every action; never into a file that is no
 * longer ours. What a transaction of ours or a reader's older view (an
 * export's, a worker's, another process's) keeps in the log is tried again
 * a moment later, not left there until the next commit. */
static void
checkpoint (DossierProject *self)
{
  DossierFileStamp *stamp = self->file_stamp;

  if (self->db == NULL || self->read_only || stamp == NULL)
    return;
  if (!sqlite3_get_autocommit (self->db))
    {
      checkpoint_again_later (self);
      return;
    }

  g_mutex_lock (&stamp->mutex);
  if (!file_has_moved (self) && !file_changed_locked (self))
    {
      int n_log = -1, n_copied = -1;
      guint n_tokens;

      g_mutex_lock (&stamp->ledger_mutex);
      n_tokens = stamp->own_tokens->len;
      g_mutex_unlock (&stamp->ledger_mutex);

      if (sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &n_log,
                                     &n_copied) == SQLITE_OK)
        {
          if (n_copied < n_log)
            checkpoint_again_later (self);
          else if (n_tokens > 1)
            {
              /* The whole log is in the file: it holds the newest stamp
               * of those before, and of none older can it hold one again. */
              g_mutex_lock (&stamp->ledger_mutex);
              g_ptr_array_remove_range (stamp->own_tokens, 0, n_tokens - 1);
              g_mutex_unlock (&stamp->ledger_mutex);
            }
        }
      stamp_file_locked (self);
    }
  g_mutex_unlock (&stamp->mutex);
}

static void
cancel_checkpoint (DossierProject *self)
{
  if (self->checkpoint_idle != NULL)
    g_source_destroy (self->checkpoint_idle);
  if (self->checkpoint_deadline != NULL)
    g_source_destroy (self->checkpoint_deadline);
  g_clear_pointer (&self->checkpoint_idle, g_source_unref);
  g_clear_pointer (&self->checkpoint_deadline, g_source_unref);
}

static gboolean
checkpoint_due (gpointer user_data)
{
  DossierProject *self = user_data;

  cancel_checkpoint (self);
  checkpoint (self);
  return G_SOURCE_REMOVE;
}

static GSource *
add_checkpoint_source (DossierProject *self,
                       GSource        *source,
                       int             priority)
{
  g_source_set_priority (source, priority);
  g_source_set_callback (source, checkpoint_due, self, NULL);
  g_source_set_static_name (source, "[dossier] checkpoint");
  g_source_attach (source, self->context);
  return source;
}

/* A checkpoint when the main loop has nothing else to do, so that it
 * never delays what the user sees, and within a second of the commit
 * however busy the loop is. */
static void
checkpoint_soon (DossierProject *self)
{
  if (self->db == NULL || self->checkpoint_idle != NULL)
    return;

  self->checkpoint_idle = add_checkpoint_source (self, g_idle_source_new (),
                                                 G_PRIORITY_DEFAULT_IDLE);
  checkpoint_again_later (self);
}

/* A checkpoint in a second (not at idle: what holds the log back may
 * last, and the loop would spin on it). */
static void
checkpoint_again_later (DossierProject *self)
{
  if (self->db == NULL || self->checkpoint_deadline != NULL)
    return;

  self->checkpoint_deadline = add_checkpoint_source (self, g_timeout_source_new (1000),
                                                     G_PRIORITY_DEFAULT);
}

/* The commit this thread is making, noted by SQLite's commit hook, until
 * its log hook (done) or its rollback hook (undone) runs, in this same
 * thread. */
static __thread DossierFileStamp *committing_stamp;
static __thread guint32 committing_change;

/* A connection of this process's commits (SQLite's commit hook: before
 * any other connection can see it, the write lock held, so the log's
 * index counts every commit before it): its number there and its stamp
 * go into the ledger. */
static void
note_committing (DossierProject *self)
{
  DossierFileStamp *stamp = self->file_stamp;
  const char *token = dossier_committing_token ();
  guint32 change;
  gboolean noted = FALSE;

  committing_stamp = NULL;
  /* One that writes nothing makes no commit in the log. */
  if (dossier_committing_nothing ())
    return;

  g_mutex_lock (&stamp->ledger_mutex);
  if (wal_index_read_change (self->db, &change))
    {
      change++;
      for (guint i = 0; i < stamp->own_changes->len && !noted; i++)
        noted = g_array_index (stamp->own_changes, guint32, i) == change;
      if (!noted)
        g_array_append_val (stamp->own_changes, change);
      committing_stamp = stamp;
      committing_change = change;
    }
  if (token != NULL)
    g_ptr_array_add (stamp->own_tokens, g_strdup (token));
  g_mutex_unlock (&stamp->ledger_mutex);
}

/* The commit noted failed, and was rolled back: its number is another's
 * to take. */
static void
note_rolled_back (void *user_data)
{
  DossierProject *self = user_data;
  DossierFileStamp *stamp = self->file_stamp;

  if (committing_stamp != stamp || stamp == NULL)
    return;

  committing_stamp = NULL;
  g_mutex_lock (&stamp->ledger_mutex);
  for (guint i = 0; i < stamp->own_changes->len; i++)
    if (g_array_index (stamp->own_changes, guint32, i) == committing_change)
      {
        g_array_remove_index_fast (stamp->own_changes, i);
        break;
      }
  g_mutex_unlock (&stamp->ledger_mutex);
}

static int
main_committing (void *user_data)
{
  note_committing (user_data);
  return 0;
}

/* The main connection committed (SQLite's hook for a log, which takes
 * the place of its own checkpoint every 1000 pages). */
static int
main_committed (void       *user_data,
                sqlite3    *db,
                const char *name,
                int         n_frames)
{
  DossierProject *self = user_data;

  committing_stamp = NULL;

  /* A log that long goes into the file at once, as SQLite's own would. */
  if (n_frames >= 1000)
    checkpoint (self);
  else
    checkpoint_soon (self);
  return SQLITE_OK;
}

static gboolean
worker_committed_in_main (gpointer user_data)
{
  DossierFileStamp *stamp = user_data;
  g_autoptr(DossierProject) main = g_weak_ref_get (&stamp->main);

  g_atomic_int_set (&stamp->asked, 0);
  if (main != NULL)
    checkpoint_soon (main);
  return G_SOURCE_REMOVE;
}

/* A worker commits, in its thread, before any other connection can see
 * it: the main connection takes the change of PRAGMA data_version that
 * it then sees for one of this process's (dossier_project_reload_if_
 * changed_elsewhere ()). */
static int
worker_committing (void *user_data)
{
  DossierProject *self = user_data;

  note_committing (self);
  /* One that writes nothing moves no one's PRAGMA data_version. */
  if (!dossier_committing_nothing ())
    g_atomic_int_inc (&self->file_stamp->worker_commits);
  return 0;
}

/* A worker committed, in its thread: the main connection copies it into
 * the file, in its own context. */
static int
worker_committed (void       *user_data,
                  sqlite3    *db,
                  const char *name,
                  int         n_frames)
{
  DossierFileStamp *stamp = user_data;
  g_autoptr(GSource) source = NULL;

  committing_stamp = NULL;
  if (!g_atomic_int_compare_and_exchange (&stamp->asked, 0, 1))
    return SQLITE_OK;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, worker_committed_in_main, file_stamp_ref (stamp),
                         (GDestroyNotify) file_stamp_unref);
  g_source_set_static_name (source, "[dossier] a worker committed");
  g_source_attach (source, stamp->context);
  return SQLITE_OK;
}

/* The file SQLite has open was written over at its name (cp of a copy,
 * emptied, cut short): what this session saved into it is gone with what
 * it held, unlike a file moved or deleted, which SQLite still has whole. */
static void
set_replaced_error (DossierProject  *self,
                    GError         **error)
{
  g_autofree char *name = dossier_display_name (self->path);

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED,
               _("“%s” was overwritten on disk since it was opened (a copy put back over it, "
                 "or another program), so Dossier saves nothing more into it and leaves what it "
                 "holds now as it is."), name);
}

gboolean
dossier_project_verify_in_place (DossierProject  *self,
                                 GError         **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (file_has_moved (self))
    {
      name = dossier_display_name (self->path);
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_MOVED,
                   _("“%s” was moved, deleted or replaced since it was opened, so nothing more "
                     "can be saved into it."), name);
      return FALSE;
    }
  if (file_replaced_in_place (self))
    {
      set_replaced_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_project_verify_before_write (DossierProject  *self,
                                     GError         **error)
{
  return dossier_project_verify_in_place (self, error) &&
         dossier_project_verify_schema_unchanged (self, error);
}

/* ---- The lock file ----------------------------------------------------- */

static gboolean
same_file (int         fd,
           const char *path)
{
  struct stat a, b;

  return fstat (fd, &a) == 0 && stat (path, &b) == 0 &&
         a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* What this process is, for a second one that finds a project it holds
 * (dossier_project_set_holder ()). */
static DossierHolder holder_kind = DOSSIER_HOLDER_PROGRAM;

static const char * const holder_names[] = { "program", "window", "cli" };

void
dossier_project_set_holder (DossierHolder holder)
{
  g_return_if_fail (holder <= DOSSIER_HOLDER_CLI);

  holder_kind = holder;
}

/* The lock file says "PID\nHOST\nKIND\nPROGRAM\n" (older ones only the
 * first two lines). */
typedef struct
{
  int           pid;
  char          host[256];
  int           kind;         /* DossierHolder, or -1 if not said */
  char          program[256];
} Holder;

static void
read_line (char      **p,
           char       *out,
           gsize       size)
{
  char *end = *p != NULL ? strchr (*p, '\n') : NULL;

  out[0] = '\0';
  if (end == NULL)
    {
      *p = NULL;
      return;
    }
  *end = '\0';
  g_strlcpy (out, *p, size);
  *p = end + 1;
}

static void
describe_holder (int     fd,
                 Holder *holder)
{
  char buf[1024] = { 0 };
  ssize_t n = pread (fd, buf, sizeof buf - 1, 0);
  char line[256];
  char *p = buf;

  memset (holder, 0, sizeof *holder);
  holder->kind = -1;
  if (n <= 0)
    return;

  read_line (&p, line, sizeof line);
  holder->pid = atoi (line);
  read_line (&p, holder->host, sizeof holder->host);
  read_line (&p, line, sizeof line);
  for (guint i = 0; i < G_N_ELEMENTS (holder_names); i++)
    if (g_str_equal (line, holder_names[i]))
      holder->kind = i;
  read_line (&p, holder->program, sizeof holder->program);

  /* Shown to a person: nothing but text. */
  if (!g_utf8_validate (holder->host, -1, NULL))
    holder->host[0] = '\0';
  if (!g_utf8_validate (holder->program, -1, NULL))
    holder->program[0] = '\0';
}

/* "“NAME” is already open …", saying which process has it. */
static void
set_locked_error (GError       **error,
                  const char    *name,
                  const Holder  *holder)
{
  const char *host = holder->host[0] != '\0' ? holder->host : _("this computer");

  if (holder->pid <= 0)
    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED,
                 _("“%s” is already open in another Dossier window."), name);
  else if (holder->kind == DOSSIER_HOLDER_CLI)
    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED,
                 _("“%s” is being changed by dossier-cli (process %d on %s)."),
                 name, holder->pid, host);
  else if (holder->kind == DOSSIER_HOLDER_PROGRAM && holder->program[0] != '\0')
    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED,
                 _("“%s” is already open for writing in “%s” (process %d on %s)."),
                 name, holder->program, holder->pid, host);
  else if (holder->kind == DOSSIER_HOLDER_PROGRAM)
    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED,
                 _("“%s” is already open for writing in another program (process %d on %s)."),
                 name, holder->pid, host);
  else
    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED,
                 _("“%s” is already open in a Dossier window (process %d on %s)."),
                 name, holder->pid, host);
}

/* Takes "PATH.lock" with flock(): the kernel drops it when the process
 * dies, so a lock file left by a crash has no holder and is taken over.
 * flock() locks belong to the open file, so a second DossierProject in
 * this same process is refused too. */
static int
acquire_lock (const char  *path,
              const char  *lock_path,
              GError     **error)
{
  g_autofree char *name = dossier_display_name (path);

  for (guint attempt = 0; attempt < 10; attempt++)
    {
      int fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
      g_autofree char *contents = NULL;
      int saved_errno;

      if (fd < 0)
        {
          saved_errno = errno;
          if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
            g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                         _("The folder of “%s” is read-only, so it can only be opened read-only."),
                         name);
          else
            g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                         _("Could not create the lock file for “%s”: %s."),
                         name, g_strerror (saved_errno));
          return -1;
        }

      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          saved_errno = errno;
          if (saved_errno == EWOULDBLOCK)
            {
              Holder holder;

              describe_holder (fd, &holder);
              close (fd);
              set_locked_error (error, name, &holder);
              return -1;
            }

          close (fd);
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                       _("Could not lock “%s”: %s."), name, g_strerror (saved_errno));
          return -1;
        }

      /* The holder we waited for may have unlinked the file it locked:
       * then this lock is on a dead file, start again. */
      if (!same_file (fd, lock_path))
        {
          close (fd);
          continue;
        }

      contents = g_strdup_printf ("%d\n%s\n%s\n%s\n", (int) getpid (), g_get_host_name (),
                                  holder_names[holder_kind],
                                  g_get_prgname () != NULL ? g_get_prgname () : "");
      if (ftruncate (fd, 0) != 0 ||
          pwrite (fd, contents, strlen (contents), 0) != (ssize_t) strlen (contents))
        {
          /* Not fatal: the lock is what matters, the text only helps. */
          g_debug ("Could not write %s: %s", lock_path, g_strerror (errno));
        }

      return fd;
    }

  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED,
               _("“%s” is being opened and closed by another program; try again."), name);
  return -1;
}

static void
release_lock (int        *fd,
              const char *lock_path)
{
  if (*fd < 0)
    return;

  /* Unlink while still holding it, so nobody locks a file about to vanish
   * without noticing (see the same_file() check). */
  g_unlink (lock_path);
  close (*fd);
  *fd = -1;
}

/* ---- GObject ----------------------------------------------------------- */

/* The files this process has a connection to, through their log (real
 * path → how many): a log beside one is in use, not left over. Its
 * locks, this process's own, are not what fcntl () shows this process,
 * and a look through a descriptor of its own would drop them at its
 * close (POSIX record locks), so the look at open asks here first
 * (dossier_schema_check_header ()), and holds the table meanwhile: a
 * connection opened in another thread is noted before it takes a lock,
 * and so waits for the look to be over. */
static GRecMutex open_here_mutex;
static GHashTable *open_here;

/* What open_here keeps of a file: how many connections, and which file
 * it was at the first one's open (its name may go to another since). */
typedef struct
{
  guint n;
  dev_t dev;
  ino_t ino;
} OpenHere;

void
dossier_project_hold_open_here (void)
{
  g_rec_mutex_lock (&open_here_mutex);
}

void
dossier_project_release_open_here (void)
{
  g_rec_mutex_unlock (&open_here_mutex);
}

static void
note_open_here (const char *path,
                gboolean    open)
{
  OpenHere *here;

  g_rec_mutex_lock (&open_here_mutex);
  if (open_here == NULL)
    open_here = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  here = g_hash_table_lookup (open_here, path);
  if (open && here != NULL)
    here->n++;
  else if (open)
    {
      struct stat st;

      here = g_new0 (OpenHere, 1);
      here->n = 1;
      if (stat (path, &st) == 0)
        {
          here->dev = st.st_dev;
          here->ino = st.st_ino;
        }
      g_hash_table_insert (open_here, g_strdup (path), here);
    }
  else if (here != NULL && here->n > 1)
    here->n--;
  else
    g_hash_table_remove (open_here, path);
  g_rec_mutex_unlock (&open_here_mutex);
}

gboolean
dossier_project_open_here (const char *path)
{
  gboolean open;

  g_rec_mutex_lock (&open_here_mutex);
  open = open_here != NULL && g_hash_table_contains (open_here, path);
  g_rec_mutex_unlock (&open_here_mutex);
  return open;
}

/* ---- One file, one name -------------------------------------------------- */

/* Where SQLite's unix VFS locks (os_unix.c): a connection to a file in WAL
 * mode holds a read lock on the file's SHARED range, and one on byte 128
 * of its shared memory (DMS), for as long as it is open. */
#define SQLITE_SHARED_FIRST (0x40000000 + 2)
#define SQLITE_SHARED_SIZE  510
#define SQLITE_SHM_DMS      128

/* Whether another process holds a lock on @len bytes from @start of
 * @fd's file that a write lock would wait for. */
static gboolean
locked_elsewhere (int   fd,
                  off_t start,
                  off_t len)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start,
                        .l_len = len };

  return fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
}

/* Whether a process other than this one has the file @st (at @path, in
 * WAL mode) open through SQLite under another name: it holds its lock on
 * the file, and none on the shared memory beside this name. Only when
 * this process has no connection to the file: the close of a descriptor
 * of ours would drop its locks (POSIX record locks). */
static gboolean
open_elsewhere_under_another_name (const char        *path,
                                   const struct stat *st)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  guchar mode[2] = { 0 };
  struct stat now;
  gboolean other = FALSE;
  int fd, shm_fd;

  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0)
    return FALSE;
  /* The write and read versions (bytes 18 and 19) say WAL (2): only
   * then is SQLite's lock on the file held for as long as it is open,
   * not for each read alone. */
  if (fstat (fd, &now) == 0 && now.st_dev == st->st_dev && now.st_ino == st->st_ino &&
      pread (fd, mode, sizeof mode, 18) == sizeof mode && mode[0] == 2 && mode[1] == 2 &&
      locked_elsewhere (fd, SQLITE_SHARED_FIRST, SQLITE_SHARED_SIZE))
    {
      shm_fd = open (shm, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
      other = shm_fd < 0 || !locked_elsewhere (shm_fd, SQLITE_SHM_DMS, 1);
      if (shm_fd >= 0)
        close (shm_fd);
    }
  close (fd);
  return other;
}

/* NULL if the file at @path has no other name that SQLite could be given;
 * else a sentence saying that it is open read-only and what to do. SQLite
 * keeps a file's log and shared memory beside the name it was given, and
 * Dossier its lock file: two writers through two names (a hard link, or
 * the file moved while open) would each see only their own log and write
 * over each other. Read-only through another name is safe enough: it
 * reads what the file holds. */
static char *
describe_shared_name (const char *path)
{
  g_autofree char *name = dossier_display_name (path);
  gboolean here = FALSE, elsewhere = FALSE, same_name_here = FALSE;
  struct stat st;

  if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;

  if (st.st_nlink > 1)
    /* TRANSLATORS: the file's name */
    return g_strdup_printf (_("“%s” is also on this disk under another name (the same file, not "
                              "a copy), and changes made through one name could overwrite those "
                              "made through the other, so it can only be opened read-only. To "
                              "change it, copy the file and open the copy."), name);

  /* Held meanwhile, so that no connection of another thread opens the
   * file between the look here and the look at its locks. */
  g_rec_mutex_lock (&open_here_mutex);
  if (open_here != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, open_here);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (((OpenHere *) value)->dev == st.st_dev && ((OpenHere *) value)->ino == st.st_ino)
          {
            if (g_str_equal (key, path))
              same_name_here = TRUE;
            else
              here = TRUE;
          }
    }
  if (!here && !same_name_here)
    elsewhere = open_elsewhere_under_another_name (path, &st);
  g_rec_mutex_unlock (&open_here_mutex);

  if (here || elsewhere)
    return g_strdup_printf (_("“%s” is already open under another name (it was moved or renamed "
                              "while open), and changes made through one name could overwrite "
                              "those made through the other, so it can only be opened read-only. "
                              "Close it where it is open, or copy the file and open the copy."),
                            name);
  return NULL;
}

static void
close_db (DossierProject *self)
{
  cancel_checkpoint (self);
  dossier_project_stop_indexing (self);
  dossier_project_stop_mention_check (self);

  if (self->in_transaction)
    dossier_project_rollback (self);

  dossier_project_detach_sessions (self);
  if (self->highlight_caches != NULL)
    dossier_project_cache_clear (self);
  dossier_project_forget_text (self, 0);
  if (self->statements != NULL)
    g_hash_table_remove_all (self->statements);

  g_clear_pointer (&self->guard, dossier_sqlite_guard_free);

  /* Moved or deleted under us, SQLite leaves what its log holds there at
   * close, beside whatever has the name now: it goes into the file it
   * belongs to first, and an empty log and shared memory beside no file
   * go too. */
  if (self->db != NULL && !self->read_only && self->index_mode != DOSSIER_INDEX_BY_MAIN &&
      !file_has_moved (self) && file_replaced_in_place (self))
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

      /* Another file copied over ours in place: what our log holds would
       * go into its pages, and, left beside it, be read as its own at its
       * next open. Our work went with what the file held (the window
       * offers to reopen what is there now); the file copied there stays
       * as it was. */
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
      g_unlink (wal);
      g_unlink (shm);
    }
  else if (self->db != NULL && !self->read_only && self->index_mode != DOSSIER_INDEX_BY_MAIN &&
           file_has_moved (self))
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
      if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
        {
          g_unlink (wal);
          g_unlink (shm);
        }
    }

  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_warning ("Closing %s: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }
  /* Its locks held until now. */
  if (self->noted_open_here)
    {
      note_open_here (self->path, FALSE);
      self->noted_open_here = FALSE;
    }

  release_lock (&self->lock_fd, self->lock_path);
}

static void
dossier_project_dispose (GObject *object)
{
  DossierProject *self = DOSSIER_PROJECT (object);

  close_db (self);

  G_OBJECT_CLASS (dossier_project_parent_class)->dispose (object);
}

static void
dossier_project_finalize (GObject *object)
{
  DossierProject *self = DOSSIER_PROJECT (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->highlight_caches, g_ptr_array_unref);
  dossier_project_forget_text (self, 0);
  g_clear_pointer (&self->schema_differences, g_ptr_array_unref);
  g_clear_pointer (&self->unreadable, g_free);
  dossier_project_forget_highlight_lists (self);
  g_clear_object (&self->documents);
  g_clear_pointer (&self->documents_by_id, g_hash_table_unref);
  g_clear_object (&self->tags);
  g_clear_pointer (&self->tags_by_id, g_hash_table_unref);
  dossier_project_clear_analysis (self);
  g_clear_object (&self->briefings);
  g_clear_pointer (&self->briefings_by_id, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  dossier_changes_clear (&self->changes);
  g_clear_pointer (&self->file_stamp, file_stamp_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_free (self->lock_path);
  g_free (self->shared_name);
  g_free (self->title);
  g_free (self->uuid);
  g_free (self->author);
  g_free (self->not_indexed);

  G_OBJECT_CLASS (dossier_project_parent_class)->finalize (object);
}

static void
dossier_project_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierProject *self = DOSSIER_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, dossier_project_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, dossier_project_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, dossier_project_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, dossier_project_get_redo_label (self));
      break;
    case PROP_UNDO_STEP:
      g_value_set_uint64 (value, dossier_project_get_undo_step (self));
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_INDEXING:
      g_value_set_boolean (value, dossier_project_get_indexing (self));
      break;
    case PROP_MENTIONS_PENDING:
      g_value_set_boolean (value, self->mentions_pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_project_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DossierProject *self = DOSSIER_PROJECT (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      dossier_project_set_author (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_project_class_init (DossierProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = dossier_project_dispose;
  object_class->finalize = dossier_project_finalize;
  object_class->get_property = dossier_project_get_property;
  object_class->set_property = dossier_project_set_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  properties[PROP_UNDO_STEP] = g_param_spec_uint64 ("undo-step", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);

  properties[PROP_INDEXING] = g_param_spec_boolean ("indexing", NULL, NULL, FALSE, flags);
  properties[PROP_MENTIONS_PENDING] = g_param_spec_boolean ("mentions-pending", NULL, NULL, FALSE,
                                                            flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIGHLIGHTS_CHANGED] =
    g_signal_new ("highlights-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DOCUMENT_TEXT_CHANGED] =
    g_signal_new ("document-text-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[STAKEHOLDER_NAMES_CHANGED] =
    g_signal_new ("stakeholder-names-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DISMISSED_SUGGESTIONS_CHANGED] =
    g_signal_new ("dismissed-suggestions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SEARCH_INDEX_REBUILT] =
    g_signal_new ("search-index-rebuilt", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[NOT_INDEXED] =
    g_signal_new ("not-indexed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
dossier_project_emit_search_index_rebuilt (DossierProject *self)
{
  g_signal_emit (self, signals[SEARCH_INDEX_REBUILT], 0);
}

void
dossier_project_emit_not_indexed (DossierProject *self,
                                  const char     *message)
{
  g_signal_emit (self, signals[NOT_INDEXED], 0, message);
}

static void
dossier_project_init (DossierProject *self)
{
  const char *real_name = g_get_real_name ();

  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->documents = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  self->documents_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                 g_free, g_object_unref);
  self->tags = g_list_store_new (DOSSIER_TYPE_TAG);
  self->tags_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                            g_free, g_object_unref);
  dossier_project_init_analysis (self);
  self->briefings = g_list_store_new (DOSSIER_TYPE_BRIEFING);
  self->briefings_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                 g_free, g_object_unref);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_undo_step_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_undo_step_free);
  self->highlight_caches = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_highlight_cache_free);
  self->highlight_lists = g_ptr_array_new ();
  dossier_changes_init (&self->changes);

  if (real_name == NULL || real_name[0] == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = g_get_user_name ();
  self->author = g_strdup (real_name);
}

/* ---- Opening ------------------------------------------------------------ */

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gboolean
file_is_writable (const char *path)
{
  struct stat st;

  /* Also honour a file marked read-only when running as root, where
   * access() would say yes. */
  if (stat (path, &st) != 0)
    return FALSE;
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;

  return access (path, W_OK) == 0;
}

/* "PATH.v1.bak", or "PATH.v1.2.bak"… if that exists already. */
static char *
backup_path (const char *path,
             int         version)
{
  char *dest = g_strdup_printf ("%s.v%d.bak", path, version);

  for (guint i = 2; g_file_test (dest, G_FILE_TEST_EXISTS); i++)
    {
      g_free (dest);
      dest = g_strdup_printf ("%s.v%d.%u.bak", path, version, i);
    }

  return dest;
}

gboolean
dossier_sqlite_backup (sqlite3     *db,
                       const char  *path,
                       const char  *dest,
                       GError     **error)
{
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (dest, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (out, "main", db, "main");
      if (backup == NULL)
        {
          rc = sqlite3_errcode (out);
        }
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_OK)
            rc = sqlite3_errcode (out);
        }
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = dossier_display_name (dest);

      if ((rc & 0xff) == SQLITE_FULL)
        g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                     _("The disk is full: could not write “%s”."), name);
      else
        g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                     _("Could not write “%s” (%s)."), name,
                     out != NULL ? sqlite3_errmsg (out) : sqlite3_errstr (rc));
      sqlite3_close (out);
      return FALSE;
    }

  rc = sqlite3_close (out);
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = dossier_display_name (dest);

      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("Could not write “%s” (%s)."), name, sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (DossierProject  *self,
         int              version,
         GError         **error)
{
  g_autofree char *dest = backup_path (self->path, version);
  g_autofree char *tmp = g_strconcat (dest, ".tmp", NULL);

  /* The backup is written aside and renamed, so a "PATH.vN.bak" is
   * always complete. */
  g_unlink (tmp);
  if (!dossier_sqlite_backup (self->db, self->path, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, dest) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = dossier_display_name (dest);

      g_unlink (tmp);
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("Could not write the backup copy “%s”: %s."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!dossier_schema_migrate (self->db, self->path, version, error))
    return FALSE;

  /* Into the main file at once, so that its header (read before any
   * later open) tells the new version. */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  return TRUE;
}

gboolean
dossier_project_load_meta (DossierProject  *self,
                           GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  int rc;

  /* The title as the window shows it (exports read their own). */
  stmt = dossier_project_prepare (self, "SELECT p.uuid, "
                                  DOSSIER_SQL_SHOWN_ROW ("project", "p", "title", DOSSIER_SHOWN_CHARS)
                                  " FROM project p WHERE p.id = 1", error);
  if (stmt == NULL)
    return FALSE;

  rc = dossier_project_step (self, stmt, error);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        {
          g_autofree char *name = dossier_display_name (self->path);

          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                       _("“%s” is damaged: its project record is missing."), name);
        }
      return FALSE;
    }

  /* Valid UTF-8, never NULL, whatever the file holds. */
  uuid = dossier_column_dup (stmt, 0);
  title = dossier_column_dup (stmt, 1);
  if (uuid == NULL)
    uuid = g_strdup ("");
  if (title == NULL)
    title = g_strdup ("");

  if (g_strcmp0 (self->uuid, uuid) != 0)
    {
      g_free (self->uuid);
      self->uuid = g_steal_pointer (&uuid);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
    }

  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  return TRUE;
}

/* dossier_schema_verify (), on the connection that will be used noting
 * the schema cookie it verified, which each write compares with
 * (dossier_project_verify_schema_unchanged ()). Read before the schema:
 * a change made as it is read is verified again at the first write. */
static gboolean
verify_schema (DossierProject  *self,
               sqlite3         *db,
               int              version,
               GError         **error)
{
  if (db == self->db && !query_int (db, "PRAGMA schema_version", &self->verified_schema))
    {
      dossier_set_sqlite_error (error, self->path, db, sqlite3_errcode (db));
      return FALSE;
    }
  return dossier_schema_verify (db, self->path, version, error);
}

/* Checks what @db holds: a Dossier project of a version this Dossier
 * knows (*@version), whose schema is exactly what that version creates —
 * or, when inspecting, records how it differs. */
static gboolean
verify_database (DossierProject  *self,
                 sqlite3         *db,
                 gint64          *version,
                 GError         **error)
{
  g_autofree char *name = dossier_display_name (self->path);
  gint64 application_id = 0;

  if (!query_int (db, "PRAGMA application_id", &application_id) ||
      !query_int (db, "PRAGMA user_version", version))
    {
      dossier_set_sqlite_error (error, self->path, db, sqlite3_errcode (db));
      return FALSE;
    }

  /* The header said yes, but a write-ahead log may say otherwise. */
  if (application_id != DOSSIER_APPLICATION_ID || *version < 1)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is a database, but not a Dossier project."), name);
      return FALSE;
    }
  if (*version > DOSSIER_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NEWER_SCHEMA,
                   _("“%s” was saved by a newer version of Dossier; update Dossier to open it."),
                   name);
      return FALSE;
    }

  if (self->inspect)
    {
      g_clear_pointer (&self->schema_differences, g_ptr_array_unref);
      self->schema_differences = dossier_schema_differences (db, self->path, (int) *version,
                                                             error);
      return self->schema_differences != NULL;
    }

  return verify_schema (self, db, (int) *version, error);
}

/* Read-only, an older schema cannot be upgraded: what does it, from the
 * window and from a shell (dossier-cli check is read-only, and its
 * queries are written for the current tables). */
static void
set_older_schema_error (DossierProject  *self,
                        GError         **error)
{
  g_autofree char *name = dossier_display_name (self->path);
  g_autofree char *quoted = g_shell_quote (self->path);

  /* TRANSLATORS: the project's name, then its path as typed in a shell */
  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
               _("“%s” was saved by an older version of Dossier and must be upgraded: open "
                 "it once for writing in Dossier, or run “dossier-cli reindex %s”, which "
                 "upgrades it and keeps a copy of the old file beside it."), name, quoted);
}

/* With no write-ahead log beside it, a file can be read without SQLite
 * writing anything: no lock, no log, no shared memory. Refusing it from
 * such a look leaves its folder exactly as it was. */
static gboolean
verify_untouched (DossierProject  *self,
                  GError         **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  gint64 version = 0;
  gboolean ok;
  int rc;

  if (self->inspect || g_file_test (wal, G_FILE_TEST_EXISTS))
    return TRUE;

  escaped = g_uri_escape_string (self->path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      dossier_set_sqlite_error (error, self->path, db, rc);
      sqlite3_close (db);
      return FALSE;
    }

  dossier_sqlite_harden (db, FALSE);
  ok = verify_database (self, db, &version, error);
  sqlite3_close (db);

  return ok;
}

/* A connection to the file: read-only, read as it is on disk when
 * self->immutable (SQLite reads a file in WAL mode through shared memory
 * it makes beside it, which a folder that is not writable cannot take);
 * read-only by query_only when self->query_only. */
static int
open_connection (DossierProject  *self,
                 sqlite3        **db)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  int rc;

  if (!self->immutable)
    {
      rc = sqlite3_open_v2 (self->path, db,
                            (self->read_only && !self->query_only ? SQLITE_OPEN_READONLY
                                                                  : SQLITE_OPEN_READWRITE) |
                            SQLITE_OPEN_NOFOLLOW, NULL);
      if (rc == SQLITE_OK && self->query_only)
        rc = sqlite3_exec (*db, "PRAGMA query_only = ON", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        {
          note_open_here (self->path, TRUE);
          self->noted_open_here = TRUE;
        }
      return rc;
    }

  escaped = g_uri_escape_string (self->path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  return sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW,
                          NULL);
}

/* WAL: readers never block the writer and see each commit at once.
 * synchronous = FULL: an action the user saw done survives a power cut
 * too. For a file in WAL mode already (every file Dossier writes), this
 * writes nothing. */
static gboolean
set_journal (DossierProject  *self,
             GError         **error)
{
  return dossier_project_exec (self, "PRAGMA journal_mode = WAL", error) &&
         dossier_project_exec (self, "PRAGMA synchronous = FULL", error);
}

static gboolean
open_database (DossierProject  *self,
               GError         **error)
{
  g_autofree char *name = dossier_display_name (self->path);
  gint64 version = 0;
  int rc;

  if (!verify_untouched (self, error))
    return FALSE;

  rc = open_connection (self, &self->db);
  if (rc != SQLITE_OK)
    {
      dossier_set_sqlite_error (error, self->path, self->db, rc);
      sqlite3_close (self->db);
      self->db = NULL;
      return FALSE;
    }

  dossier_sqlite_harden (self->db, self->inspect);
  self->guard = dossier_sqlite_guard_new (self->db, self->path);
  sqlite3_busy_timeout (self->db, 5000);

  if (!dossier_search_register (self->db))
    g_warning ("Full-text search is not available: SQLite lacks FTS5");
  dossier_shown_register (self->db);

  /* Again on the connection that will be used: the file may have changed
   * since the look above. Nothing has been written yet. */
  if (!verify_database (self, self->db, &version, error))
    return FALSE;

  /* No memory map (SQLite's default): a page of it past the file's end,
   * once another program empties the file or cuts it short (: > p.dossier,
   * cp of a smaller file over it), kills the process (SIGBUS) at the next
   * read, where a read(2) comes back short and is refused. SQLite's own
   * page cache, up to 128 MB, keeps a large project's searches and lists
   * as fast as the map did (bench-core). */
  if (!dossier_project_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !dossier_project_exec (self, "PRAGMA cache_size = -131072", error))
    return FALSE;

  if (version < DOSSIER_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          set_older_schema_error (self, error);
          return FALSE;
        }

      if (!set_journal (self, error) ||
          !migrate (self, (int) version, error) ||
          !verify_schema (self, self->db, DOSSIER_SCHEMA_VERSION, error))
        return FALSE;
    }

  /* Inspecting a file whose own tables differ from ours: the check lists
   * how, and reads nothing through queries written for our tables. */
  if (self->inspect)
    for (guint i = 0; i < self->schema_differences->len; i++)
      {
        DossierSchemaDifference *difference = g_ptr_array_index (self->schema_differences, i);

        if (difference->change != DOSSIER_SCHEMA_FOREIGN)
          return TRUE;
      }

  {
    g_autoptr(GError) local_error = NULL;

    /* Read whole before anything is written: a file that cannot be is
     * refused as it was (turning a file in rollback mode to WAL writes
     * its header). */
    if (dossier_project_load_meta (self, &local_error) &&
        dossier_project_load_documents (self, &local_error) &&
        dossier_project_load_tags (self, NULL, &local_error) &&
        dossier_project_load_analysis (self, &local_error) &&
        dossier_project_load_briefings (self, &local_error))
      {
        gint64 wal = 1;

        if (self->read_only)
          return TRUE;
        /* Nor a file whose ids below 1 cannot be given others: the open
         * fails then (dossier_project_renumber_unkeyable ()), and a file
         * in rollback mode is tried first. */
        if (query_int (self->db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode",
                       &wal) && !wal &&
            dossier_project_renumber_unkeyable_would_fail (self, error))
          return FALSE;
        return set_journal (self, error);
      }

    /* A damaged file is what the check is for: it stays open, inert and
     * with what could be read, and the check says what could not. */
    if (self->inspect)
      {
        self->unreadable = g_strdup (local_error->message);
        return TRUE;
      }
    g_propagate_error (error, g_steal_pointer (&local_error));
    return FALSE;
  }
}

DossierProject *
dossier_project_open_worker (DossierProject  *main,
                             GError         **error)
{
  g_autoptr(DossierProject) self = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (main), NULL);

  if (!dossier_project_ensure_open (main, error))
    return NULL;

  self = g_object_new (DOSSIER_TYPE_PROJECT, NULL);
  self->path = g_strdup (main->path);
  self->lock_path = g_strdup (main->lock_path);
  self->read_only = main->read_only;
  self->immutable = main->immutable;
  self->query_only = main->query_only;
  self->index_mode = DOSSIER_INDEX_BY_MAIN;

  /* @main verified the file and holds the lock: this connection only
   * needs the same settings. */
  rc = open_connection (self, &self->db);
  if (rc != SQLITE_OK)
    {
      dossier_set_sqlite_error (error, self->path, self->db, rc);
      sqlite3_close (self->db);
      self->db = NULL;
      return NULL;
    }

  dossier_sqlite_harden (self->db, FALSE);
  self->guard = dossier_sqlite_guard_new (self->db, self->path);
  sqlite3_busy_timeout (self->db, 5000);
  dossier_search_register (self->db);
  dossier_shown_register (self->db);

  if (!dossier_project_exec (self, "PRAGMA foreign_keys = ON", error) ||
      (!self->read_only && !dossier_project_exec (self, "PRAGMA synchronous = FULL", error)) ||
      !dossier_project_load_meta (self, error))
    return NULL;

  /* The project @main knows, whatever the file holds now; and the schema
   * it verified, as this connection's writes check it. */
  g_free (self->uuid);
  self->uuid = g_strdup (main->uuid);
  self->verified_schema = main->verified_schema;
  /* Checkpoints are the main connection's: a worker's would change the
   * file under the main connection's stamp. Its hook takes the place of
   * SQLite's checkpoint every 1000 pages. */
  self->file_stamp = file_stamp_ref (main->file_stamp);
  if (!self->read_only)
    {
      sqlite3_wal_hook (self->db, worker_committed, self->file_stamp);
      sqlite3_commit_hook (self->db, worker_committing, self);
      sqlite3_rollback_hook (self->db, note_rolled_back, self);
    }

  return g_steal_pointer (&self);
}

DossierProject *
dossier_project_open (const char        *path,
                      DossierOpenFlags   flags,
                      GError           **error)
{
  g_autoptr(DossierProject) self = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refusals first, from the header bytes alone: a file we refuse is
   * never touched, not even by a -wal or -shm beside it. */
  if (!dossier_schema_check_header (path, &version, error))
    return NULL;

  name = dossier_display_name (path);
  self = g_object_new (DOSSIER_TYPE_PROJECT, NULL);
  /* The real file, whatever link led to it: its lock, its log and its
   * shared memory live beside it, and SQLite opens it without following
   * links (so nothing can swap one in afterwards). */
  {
    char *real = realpath (path, NULL);

    self->path = real != NULL ? g_strdup (real) : g_canonicalize_filename (path, NULL);
    free (real);
  }
  self->lock_path = g_strconcat (self->path, ".lock", NULL);
  self->inspect = (flags & DOSSIER_OPEN_INSPECT) != 0;
  self->read_only = (flags & DOSSIER_OPEN_READ_ONLY) != 0 || self->inspect;
  /* Set before the models are read: they show no stored count. */
  self->mentions_in_background = (flags & DOSSIER_OPEN_MENTIONS_IN_BACKGROUND) != 0 &&
                                 !self->inspect;
  self->mentions_pending = self->mentions_in_background;

  /* Read-only, whether it could have been opened for writing (the
   * window says why not). */
  if (self->read_only && !self->inspect)
    self->shared_name = describe_shared_name (self->path);

  if (self->read_only && version < DOSSIER_SCHEMA_VERSION)
    {
      /* Tables that are not those of the version it claims are refused
       * for what they are, as opening it for writing would refuse them. */
      if (!verify_untouched (self, error))
        return NULL;
      set_older_schema_error (self, error);
      return NULL;
    }

  if (!self->read_only)
    {
      dir = g_path_get_dirname (self->path);

      if (!file_is_writable (self->path))
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                       _("“%s” is read-only on disk: open it read-only, or make it "
                         "writable first."), name);
          return NULL;
        }

      if (access (dir, W_OK) != 0)
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                       _("The folder of “%s” is read-only, so it can only be opened read-only."),
                       name);
          return NULL;
        }

      /* Before its lock file: a file refused is left as it was. */
      self->shared_name = describe_shared_name (self->path);
      if (self->shared_name != NULL)
        {
          g_set_error_literal (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                               self->shared_name);
          return NULL;
        }

      self->lock_fd = acquire_lock (self->path, self->lock_path, error);
      if (self->lock_fd < 0)
        return NULL;
    }

  {
    g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
    GStatBuf wal_st;
    gboolean had_wal = g_stat (wal, &wal_st) == 0;
    g_autofree char *folder = g_path_get_dirname (self->path);
    gboolean writable = access (folder, W_OK) == 0 && file_is_writable (self->path);

    /* Read-only with no log beside the file, so nobody has it open for
     * writing: SQLite would make an empty log and shared memory beside it
     * that a read-only connection cannot take away at its close, and the
     * folder must stay as it was. A file nobody may write (read-only on
     * disk, or in a folder nobody without write access to it can write a
     * log into: a read-only share, a disc, someone else's folder) is read
     * as it is on disk; any other through a writable connection that
     * refuses every change (query_only), which, as the last to close the
     * file, takes them away as a writer does — and sees the changes of a
     * writer that opens it meanwhile. An empty log is no one's changes:
     * another reader's (a second dossier-cli, a window opened read-only)
     * or a writer's that has written nothing yet, that this connection may
     * outlive; it is read so too, or, a read-only connection the last to
     * close, the log and shared memory stay behind. A log that holds
     * anything is read without a checkpoint (SQLITE_OPEN_READONLY): it may
     * be one a crash left, which a look must not write into the file. */
    /* A file with another name is read as it is on disk too: a writer
     * through that name keeps its log beside that name, and a log beside
     * this one would be left behind. */
    if (self->read_only && !had_wal)
      {
        self->immutable = !writable || self->shared_name != NULL;
        self->query_only = !self->immutable;
      }
    else if (self->read_only && S_ISREG (wal_st.st_mode) && wal_st.st_size == 0 && writable)
      self->query_only = TRUE;

    gboolean full = FALSE;
    GStatBuf st;

    for (guint attempt = 0; !open_database (self, error); attempt++)
      {
        full = self->db != NULL && sqlite3_system_errno (self->db) == ENOSPC;

        /* Closing would checkpoint a log that was there into the file it
         * just refused; a log SQLite made itself is empty and goes. */
        if (self->db != NULL && had_wal)
          sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
        close_db (self);

        /* A full disk has no room for the shared memory either: read-only,
         * a file with nothing in its log (which nobody can write into
         * meanwhile) is read as it is on disk. */
        if (attempt == 0 && full && self->read_only && !self->immutable &&
            (g_stat (wal, &st) != 0 || st.st_size == 0))
          {
            g_clear_error (error);
            self->immutable = TRUE;
            self->query_only = FALSE;
            continue;
          }

        if (full)
          {
            g_clear_error (error);
            g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                         _("The disk is full, so “%s” cannot be opened. Free some space and "
                           "try again."), name);
          }
        return NULL;
      }
  }

  query_int (self->db, "PRAGMA data_version", &self->data_version);
  self->others_version = self->data_version;
  self->context = g_main_context_ref_thread_default ();
  self->file_stamp = file_stamp_new (self);
  if (!self->read_only)
    {
      g_autofree char *file_uuid = NULL;
      g_autofree char *file_token = NULL;

      watch_file (self->file_stamp, self->path);
      sqlite3_wal_hook (self->db, main_committed, self);
      sqlite3_commit_hook (self->db, main_committing, self);
      sqlite3_rollback_hook (self->db, note_rolled_back, self);
      if (dossier_file_read_stamp (self->path, &file_uuid, &file_token))
        g_ptr_array_add (self->file_stamp->own_tokens, g_steal_pointer (&file_token));
    }
  /* Only in WAL mode: mapping the index of a file in rollback mode (one
   * from elsewhere, opened read-only) makes a -shm beside it that SQLite
   * never unmaps (LeakSanitizer found its memory). */
  {
    gint64 wal = 0;

    self->seen_change_known = !self->immutable &&
                              query_int (self->db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode",
                                         &wal) && wal &&
                              wal_index_read_change (self->db, &self->seen_change);
  }
  stamp_file_locked (self);

  /* Read whole, before anything else reads it: a row the window could
   * not select gets an id it can, mention counts are those of the texts,
   * and the models are read again. */
  {
    gboolean renumbered = FALSE;
    gboolean recounted = FALSE;

    if (!dossier_project_renumber_unkeyable (self, &renumbered, error) ||
        !(self->mentions_pending ? dossier_project_check_mentions_later (self, error)
                                 : dossier_project_verify_mentions (self, &recounted, error)))
      return NULL;
    if (recounted && !renumbered &&
        !dossier_project_load_analysis (self, error))
      return NULL;
    if (renumbered &&
        !(dossier_project_load_documents (self, error) &&
          dossier_project_load_tags (self, NULL, error) &&
          dossier_project_load_analysis (self, error) &&
          dossier_project_load_briefings (self, error)))
      return NULL;
  }

  if (self->read_only && !self->inspect && (flags & DOSSIER_OPEN_KEYED_IDS) != 0)
    {
      g_auto(DossierStmt) stmt = dossier_project_prepare (self, DOSSIER_UNKEYABLE_SQL, error);

      if (stmt == NULL || dossier_project_step (self, stmt, error) != SQLITE_ROW)
        return NULL;
      if (sqlite3_column_int64 (stmt, 0))
        {
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED,
                       _("“%s” was made by another program and needs a repair that opening it "
                         "read-only cannot make. Open it normally, not read-only (close it first "
                         "where it is open), and Dossier repairs it."), name);
          return NULL;
        }
    }

  /* Texts left unindexed by a close or a crash in the middle of it. */
  self->index_mode = (flags & DOSSIER_OPEN_INDEX_IN_BACKGROUND) != 0 ? DOSSIER_INDEX_IN_BACKGROUND
                                                                     : DOSSIER_INDEX_AT_ONCE;
  if (!self->read_only)
    {
      g_autoptr(GError) local_error = NULL;

      if (self->index_mode == DOSSIER_INDEX_IN_BACKGROUND)
        {
          dossier_project_verify_index_later (self);
        }
      else
        {
          dossier_project_mend_search_index (self);
          if (dossier_project_count_unindexed (self) > 0 &&
              !dossier_project_index_documents (self, NULL, &local_error))
            dossier_project_say_not_indexed (self, local_error);
        }
    }

  return g_steal_pointer (&self);
}

gboolean
dossier_project_query_data_version (DossierProject *self,
                                    gint64         *version)
{
  return self->db != NULL && query_int (self->db, "PRAGMA data_version", version);
}

/* Deletes @path and the files SQLite may have left beside it. */
static void
remove_with_companions (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* So that a name just linked survives a power cut. */
static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Writes a complete, empty project into @tmp, or fails. The schema is
 * committed with a rollback journal, straight into the file, so that a
 * full disk fails the commit rather than a checkpoint at close that
 * nobody hears of; the file then turns to WAL, is checked, and reaches
 * the disk before it is given a name. */
static gboolean
build_new_file (const char  *tmp,
                const char  *path,
                const char  *uuid,
                const char  *title,
                GError     **error)
{
  g_autofree char *mode = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;
  int fd;

  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      dossier_set_sqlite_error (error, path, db, rc);
      sqlite3_close (db);
      return FALSE;
    }
  dossier_sqlite_harden (db, FALSE);

  if (!dossier_schema_create (db, path, uuid, title, error))
    goto out;

  /* journal_mode answers with the mode it is in: anything but "wal" is a
   * failure (it did not say why). */
  rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (mode, "wal") != 0)
    {
      dossier_set_sqlite_error (error, path, db, rc == SQLITE_ROW ? SQLITE_IOERR : rc);
      goto out;
    }

  ok = TRUE;

out:
  rc = sqlite3_close (db);
  if (ok && rc != SQLITE_OK)
    {
      dossier_set_sqlite_error (error, path, NULL, rc);
      ok = FALSE;
    }
  if (!ok)
    return FALSE;

  fd = open (tmp, O_RDONLY | O_CLOEXEC);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = dossier_display_name (path);

      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("Could not create “%s”: %s."), name, g_strerror (saved_errno));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  close (fd);

  return TRUE;
}

DossierProject *
dossier_project_create (const char  *path,
                        const char  *title,
                        GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *default_title = NULL;
  g_autofree char *uuid = NULL;
  DossierProject *project;
  struct stat st;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = dossier_display_name (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS,
                   _("“%s” already exists; choose another name."), name);
      return NULL;
    }

  if (title != NULL && g_utf8_strlen (title, -1) > DOSSIER_PROJECT_MAX_TITLE)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("A project’s title can be at most %d characters long."),
                   DOSSIER_PROJECT_MAX_TITLE);
      return NULL;
    }

  if (title == NULL || title[0] == '\0')
    {
      default_title = g_path_get_basename (path);
      if (g_str_has_suffix (default_title, ".dossier") &&
          strlen (default_title) > strlen (".dossier"))
        default_title[strlen (default_title) - strlen (".dossier")] = '\0';
      title = default_title;
    }

  /* Built aside and linked into place, so a project file is complete
   * from the moment it has its name, and an existing file is never
   * overwritten (link() fails if the name was taken meanwhile). */
  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".dossier-new-XXXXXX", NULL);
  /* As any new file: readable by whom the umask allows (mkstemp's 0600
   * would hide a project from the rest of a shared folder). */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, DOSSIER_PROJECT_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ?
                   DOSSIER_PROJECT_ERROR_READ_ONLY : DOSSIER_PROJECT_ERROR_IO,
                   _("Could not create “%s”: %s."), name, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  uuid = g_uuid_string_random ();
  ok = build_new_file (tmp, path, uuid, title, error);

  if (ok && link (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, DOSSIER_PROJECT_ERROR,
                   saved_errno == EEXIST ? DOSSIER_PROJECT_ERROR_EXISTS : DOSSIER_PROJECT_ERROR_IO,
                   saved_errno == EEXIST ? _("“%s” already exists; choose another name.")
                                         : _("Could not create “%s”."),
                   name);
      ok = FALSE;
    }
  if (ok)
    {
      sync_folder (dir);
      ok = stat (path, &st) == 0;
    }

  /* Nothing of the attempt stays behind, whatever failed. */
  remove_with_companions (tmp);

  if (!ok)
    return NULL;

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, error);
  if (project == NULL)
    {
      struct stat now;

      /* Opening it needs room too (its log): the file was never used, and
       * is still the one made here — so it goes, rather than a project
       * that "could not be created" but is there. */
      if (stat (path, &now) == 0 && now.st_dev == st.st_dev && now.st_ino == st.st_ino)
        remove_with_companions (path);
      return NULL;
    }

  return project;
}


void
dossier_project_close (DossierProject *self)
{
  g_return_if_fail (DOSSIER_IS_PROJECT (self));

  close_db (self);
}

sqlite3 *
dossier_project_get_db (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return self->db;
}

/* ---- Properties -------------------------------------------------------- */

const char *
dossier_project_get_path (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  return self->path;
}

const char *
dossier_project_get_title (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  return self->title;
}

const char *
dossier_project_get_uuid (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  return self->uuid;
}

gboolean
dossier_project_get_read_only (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), TRUE);
  return self->read_only;
}

const char *
dossier_project_get_shared_name (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return self->shared_name;
}

const char *
dossier_project_get_author (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  return self->author;
}

void
dossier_project_set_author (DossierProject *self,
                            const char     *author)
{
  g_return_if_fail (DOSSIER_IS_PROJECT (self));

  if (author == NULL)
    author = "";
  if (g_strcmp0 (self->author, author) == 0)
    return;

  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

static const DossierTextColumn title_column = {
  "project", "title", NULL, DOSSIER_TEXT_REQUIRED | DOSSIER_TEXT_ONE_LINE,
  N_("A project needs a title."), NULL, DOSSIER_PROJECT_MAX_TITLE,
};

gboolean
dossier_project_set_title (DossierProject  *self,
                           const char      *title,
                           GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  return dossier_project_set_text (self, &title_column, 1, title, _("Rename Project"), error);
}

/* Everything read again: another program may have changed anything. */
static void
reload_all (DossierProject *self)
{
  DossierChanges changes;
  GListModel *documents;

  dossier_project_forget_text (self, 0);
  /* Anything may have changed: every count, every document's highlights. */
  dossier_project_load_documents (self, NULL);
  dossier_project_load_tags (self, NULL, NULL);
  /* The writer counted the mentions again at its open: those this
   * connection stood in with may be out of date. In the background, none
   * is shown until counted again (a check under way counts again anyway:
   * the file changed under it). */
  if (self->mentions_in_background && (self->mentions_shadowed || self->mentions_pending))
    {
      gboolean was_pending = self->mentions_pending;

      self->mentions_pending = TRUE;
      dossier_project_check_mentions_later (self, NULL);
      if (self->mentions_pending != was_pending)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTIONS_PENDING]);
    }
  else if (self->mentions_shadowed)
    {
      gboolean recounted;

      dossier_project_verify_mentions (self, &recounted, NULL);
    }
  dossier_project_load_analysis (self, NULL);
  dossier_project_load_briefings (self, NULL);
  dossier_changes_init (&changes);
  dossier_changes_add (&changes, "project", 1);
  /* Tag lists are read again whole: documents may have gone. */
  dossier_changes_add_table (&changes, "tags");
  documents = G_LIST_MODEL (self->documents);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);

      dossier_changes_add (&changes, "highlights", dossier_document_get_id (document));
    }
  dossier_project_apply_changes (self, &changes);
  dossier_changes_clear (&changes);
}

/* Re-reads everything if another process committed since we last looked
 * (a read-only window following a writer). */
gboolean
dossier_project_refresh (DossierProject *self)
{
  gint64 version = 0;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (self->db == NULL || self->in_transaction)
    return FALSE;

  if (!query_int (self->db, "PRAGMA data_version", &version) || version == self->data_version)
    return FALSE;
  self->data_version = version;

  reload_all (self);
  return TRUE;
}

/* How many commits the log's index counted since the last look
 * (self->seen_change), up to @now, and how many of them this process's
 * connections noted as theirs. */
static guint32
own_commits_since (DossierProject *self,
                   guint32         now)
{
  DossierFileStamp *stamp = self->file_stamp;
  guint32 since = now - self->seen_change;
  guint32 ours = 0;

  g_mutex_lock (&stamp->ledger_mutex);
  for (guint i = 0; i < stamp->own_changes->len; i++)
    if (g_array_index (stamp->own_changes, guint32, i) - self->seen_change - 1 < since)
      ours++;
  g_mutex_unlock (&stamp->ledger_mutex);
  return ours;
}

/* The look goes past @now: the numbers up to it are no one's to note. */
static void
pass_commits (DossierProject *self,
              guint32         now)
{
  DossierFileStamp *stamp = self->file_stamp;

  g_mutex_lock (&stamp->ledger_mutex);
  for (guint i = stamp->own_changes->len; i-- > 0;)
    if ((gint32) (g_array_index (stamp->own_changes, guint32, i) - now) <= 0)
      g_array_remove_index_fast (stamp->own_changes, i);
  g_mutex_unlock (&stamp->ledger_mutex);
  self->seen_change = now;
}

/* Whether a commit not of this process's came since the last look, and
 * the look goes past them. The log's index counts every commit, whoever
 * made it; this process's connections noted theirs as they made them
 * (note_committing ()), so another's is one they did not note, however
 * close in time to one of theirs. Without that index, @otherwise. With
 * @take FALSE, the look goes past only commits all this process's. */
static gboolean
others_committed_since (DossierProject *self,
                        gboolean        otherwise,
                        gboolean        take)
{
  guint32 now;
  gboolean others;

  if (!self->seen_change_known || !wal_index_read_change (self->db, &now))
    return otherwise;

  /* A count gone back (an index rebuilt) is the same as others': all. */
  others = own_commits_since (self, now) != now - self->seen_change;
  if (!others || take)
    pass_commits (self, now);
  return others;
}

gboolean
dossier_project_reload_if_changed_elsewhere (DossierProject *self)
{
  gint64 version = 0;
  gboolean workers;
  int commits;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  /* Read as it is on disk, nothing of anyone's shows (nor is written). */
  if (self->db == NULL || self->immutable || self->in_transaction || self->file_stamp == NULL ||
      !query_int (self->db, "PRAGMA data_version", &version))
    return FALSE;
  if (version == self->others_version)
    {
      /* Only this process's own commits since (the main connection's
       * move no version): passed, so that the ledger stays short. */
      others_committed_since (self, FALSE, FALSE);
      return FALSE;
    }
  self->others_version = version;

  /* A file moved, or written over in place (a copy put back over it):
   * the window says so at the next write, and what is there now is not
   * this project's to show. */
  if (file_has_moved (self) || file_replaced_in_place (self))
    return FALSE;

  /* After the version: a worker counts its commit before it shows. */
  commits = g_atomic_int_get (&self->file_stamp->worker_commits);
  workers = commits != self->seen_worker_commits;
  self->seen_worker_commits = commits;
  if (!others_committed_since (self, !workers, TRUE))
    return FALSE;

  self->data_version = version;
  reload_all (self);
  return TRUE;
}

/* ---- Save As ------------------------------------------------------------ */

gboolean
dossier_project_save_as (DossierProject  *self,
                         const char      *dest,
                         GError         **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *lock_path = NULL;
  gboolean own_name;
  int lock_fd;
  int fd;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (!dossier_project_ensure_open (self, error))
    return FALSE;

  /* A link to an existing file means that file (the link stays), as for
   * the project itself. */
  {
    char *real = realpath (dest, NULL);

    canonical = real != NULL ? g_strdup (real) : g_canonicalize_filename (dest, NULL);
    free (real);
  }
  name = dossier_display_name (dest);

  /* Its own name is refused while the file there is the project; once
   * that file was moved, deleted or replaced, the name is where the user
   * wants the work back (the lock on it is ours already). */
  own_name = g_strcmp0 (canonical, self->path) == 0;
  if (own_name && dossier_project_verify_in_place (self, NULL))
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                   _("“%s” is the project itself; choose another name."), name);
      return FALSE;
    }

  if (g_file_test (canonical, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS,
                   _("“%s” is a folder; choose a file name."), name);
      return FALSE;
    }

  /* Never pull the file out from under another window that has it open. */
  lock_path = g_strconcat (canonical, ".lock", NULL);
  lock_fd = -1;
  if (!(own_name && self->lock_fd >= 0) &&
      (lock_fd = acquire_lock (canonical, lock_path, error)) < 0)
    return FALSE;

  dir = g_path_get_dirname (canonical);
  tmp = g_build_filename (dir, ".dossier-copy-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);  /* the umask's mode, as for "new" */
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, DOSSIER_PROJECT_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ?
                   DOSSIER_PROJECT_ERROR_READ_ONLY : DOSSIER_PROJECT_ERROR_IO,
                   _("Could not write “%s”: %s."), name, g_strerror (saved_errno));
      release_lock (&lock_fd, lock_path);
      return FALSE;
    }
  close (fd);

  ok = dossier_sqlite_backup (self->db, self->path, tmp, error);

  if (ok)
    {
      g_autofree char *wal = g_strconcat (canonical, "-wal", NULL);
      g_autofree char *shm = g_strconcat (canonical, "-shm", NULL);

      /* A log left beside an old file of that name would be replayed
       * into the new one. */
      g_unlink (wal);
      g_unlink (shm);

      if (g_rename (tmp, canonical) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                       _("Could not write “%s”: %s."), name, g_strerror (saved_errno));
          ok = FALSE;
        }
    }

  if (!ok)
    g_unlink (tmp);
  {
    g_autofree char *wal = g_strconcat (tmp, "-wal", NULL);
    g_autofree char *shm = g_strconcat (tmp, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }

  release_lock (&lock_fd, lock_path);
  return ok;
}
