/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-index.c — the search index of the documents' texts,
 * written after the action that stored a text has committed.
 *
 * FTS5 indexes about 17 MB of text a second here: inside the import's
 * transaction, indexing was 60 of the 146 ms it took to store a 1 MB
 * document. Since schema 4 the documents' triggers only list a new or
 * replaced text in documents_unindexed, in the action's own transaction
 * (so the list survives a crash, and undo and redo keep it right); the
 * texts on the list are indexed afterwards:
 *
 *  - at once, after the action, on the project's own connection, up to
 *    INDEX_BATCH characters of text to a transaction: the default
 *    (dossier-cli, tests, programs without a main loop);
 *  - for a project opened with DOSSIER_OPEN_INDEX_IN_BACKGROUND (the
 *    window), by a thread with its own connection while "indexing" is
 *    TRUE, one text to a transaction. Closing stops it between two texts
 *    or in the middle of one (rolled back); what is left is indexed when
 *    the project is next opened for writing.
 *
 * A search never misses a listed text silently. Where texts are indexed
 * at once, a writable project indexes what is left first
 * (dossier_project_index_documents ()); a read-only one waits a moment
 * for the writer that is indexing, and otherwise refuses, saying why. In
 * the window (DOSSIER_OPEN_INDEX_IN_BACKGROUND) a search neither indexes
 * nor waits, on the thread that draws it: it answers from the index and
 * its caller says how many texts it left out (they wait for the thread,
 * which the search starts if none is at work).
 */

#include "config.h"

#include "dossier-project-private.h"

#include <glib/gi18n.h>

/* Texts indexed at once go this many characters to a transaction: one
 * text each, the 1,000 documents of a .qdpx import took 1,000 commits
 * (0.9 s of CPU and, with their fsyncs, 5–7 s on a busy machine; 0.2 s of
 * CPU in batches). */
#define INDEX_BATCH (8 * 1024 * 1024)

/* How long a read-only search waits for another program's indexing. */
#define READER_WAIT_USEC (5 * G_USEC_PER_SEC)

/* After a thread met the file busy in another program (each waits the
 * connection's busy timeout, 5 s, first), the next waits this long, twice
 * as long after each that fails so, up to a minute. */
#define RETRY_FIRST_SECONDS 5
#define RETRY_MAX_SECONDS   60

struct _DossierIndexer
{
  gatomicrefcount  ref_count;
  GThread         *thread;
  GCancellable    *cancellable;
  GMainContext    *context;
  GWeakRef         project;
  GMutex           mutex;      /* guards worker: the thread closes it */
  DossierProject  *worker;
  GError          *error;      /* set by the thread before it ends */
  gboolean         verify;     /* first: is the index in step? (at open) */
  gboolean         rebuilt;    /* it was not, and was rebuilt */
  /* "indexing" is TRUE: texts wait for it (it only verifies otherwise).
   * The main thread's. */
  gboolean         announced;
};

static gboolean start_indexer (DossierProject *self,
                               gboolean        verify);
static gboolean rebuild_and_say (DossierProject  *self,
                                 GError         **error);

static DossierIndexer *
indexer_ref (DossierIndexer *indexer)
{
  g_atomic_ref_count_inc (&indexer->ref_count);
  return indexer;
}

static void
indexer_unref (DossierIndexer *indexer)
{
  if (!g_atomic_ref_count_dec (&indexer->ref_count))
    return;

  g_assert (indexer->thread == NULL && indexer->worker == NULL);
  g_clear_object (&indexer->cancellable);
  g_main_context_unref (indexer->context);
  g_weak_ref_clear (&indexer->project);
  g_mutex_clear (&indexer->mutex);
  g_clear_error (&indexer->error);
  g_free (indexer);
}

static gboolean
index_some_in (DossierProject      *project,
               DossierTransaction  *transaction,
               gint64               budget,
               gboolean            *done,
               GError             **error);

/* Indexes the first texts on the list, in one transaction on @project's
 * connection: at least one, then more while they come to fewer than
 * @budget characters in all; *@done when the list is empty. On failure,
 * *@damaged if SQLite found the file damaged: where indexing writes, the
 * index (FTS5 reads its older segments to merge them with the new). */
static gboolean
index_some (DossierProject  *project,
            gint64           budget,
            gboolean        *done,
            gboolean        *damaged,
            GError         **error)
{
  g_auto(DossierTransaction) transaction = DOSSIER_TRANSACTION_INIT;

  *damaged = FALSE;
  if (index_some_in (project, &transaction, budget, done, error))
    return TRUE;
  /* Asked before the transaction is rolled back, which would answer. */
  *damaged = (sqlite3_extended_errcode (project->db) & 0xff) == SQLITE_CORRUPT;
  return FALSE;
}

/* dossier_transaction_commit (), but leaving a failed COMMIT's
 * transaction for the caller to roll back: FTS5 writes what it holds
 * (and merges) as it commits, and index_some () asks what failed. */
static gboolean
commit_indexed (DossierTransaction  *transaction,
                GError             **error)
{
  int rc = dossier_commit_stamped (transaction->db, transaction->changes_at_begin);

  if (rc != SQLITE_OK)
    {
      dossier_set_sqlite_error (error, transaction->path, transaction->db, rc);
      return FALSE;
    }
  transaction->db = NULL;
  return TRUE;
}

static gboolean
index_some_in (DossierProject      *project,
               DossierTransaction  *transaction,
               gint64               budget,
               gboolean            *done,
               GError             **error)
{
  gint64 indexed = 0;

  *done = FALSE;

  if (!dossier_transaction_begin (transaction, project->db, project->path, error) ||
      !dossier_project_verify_before_write (project, error))
    return FALSE;

  do
    {
      g_auto(DossierStmt) stmt = NULL;
      gint64 document_id;
      int rc;

      stmt = dossier_project_prepare (project, "SELECT u.document, coalesce (d.length, 0) "
                                               "FROM documents_unindexed AS u "
                                               "LEFT JOIN documents AS d ON d.id = u.document "
                                               "ORDER BY u.document LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      rc = dossier_project_step (project, stmt, error);
      if (rc != SQLITE_ROW)
        {
          *done = rc == SQLITE_DONE;
          return *done && commit_indexed (transaction, error);
        }
      document_id = sqlite3_column_int64 (stmt, 0);
      indexed += MAX (sqlite3_column_int64 (stmt, 1), 1);
      sqlite3_reset (stmt);

      /* A document deleted meanwhile left the list with its row (the delete
       * trigger): the SELECT finds what is there, or nothing. */
      if (!dossier_project_run_ids (project, "INSERT INTO documents_fts (rowid, text) "
                                    "SELECT id, text FROM documents WHERE id = ?1",
                                    document_id, 0, error))
        return FALSE;

      if (!dossier_project_run_ids (project, "DELETE FROM documents_unindexed WHERE document = ?1",
                                    document_id, 0, error))
        return FALSE;
    }
  while (indexed < budget);

  return commit_indexed (transaction, error);
}

guint
dossier_project_count_unindexed (DossierProject *self)
{
  g_auto(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  if (self->db == NULL)
    return 0;

  stmt = dossier_project_prepare (self, "SELECT count(*) FROM documents_unindexed", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}

gboolean
dossier_project_get_indexing (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return (self->indexer != NULL && self->indexer->announced) || self->index_retry != NULL;
}

/* ---- Rebuilding -------------------------------------------------------- */

/* Whether FTS5 can open both indexes: it reads the record of their
 * segments as it does, and a statement that touches one (a search, a
 * memo's trigger, a document's deletion) fails while it is damaged.
 * *@damaged if it is not; FALSE if the file cannot be read at all. */
static gboolean
indexes_open (DossierProject  *project,
              gboolean        *damaged,
              GError         **error)
{
  int rc = sqlite3_exec (project->db, "SELECT 1 FROM documents_fts LIMIT 0;"
                                      "SELECT 1 FROM memos_fts LIMIT 0", NULL, NULL, NULL);

  *damaged = (rc & 0xff) == SQLITE_CORRUPT;
  if (rc != SQLITE_OK && !*damaged)
    {
      dossier_project_set_db_error (project, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Whether the rows the indexes hold are not those they should: a
 * document or memo missing from its index, or words held for one that
 * is not there (deleted, waiting to be indexed, without a memo). What a
 * file edited behind its indexes mostly shows, found by comparing ids
 * alone (the words themselves: dossier_project_index_differences, which
 * reads every text). */
static gboolean
index_rows_differ (DossierProject  *project,
                   gboolean        *differ,
                   GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  /* One FTS5 cannot open is damaged, and must be made again as well. */
  if (!indexes_open (project, differ, error))
    return FALSE;
  if (*differ)
    return TRUE;

  stmt = dossier_project_prepare (project,
    "SELECT (SELECT count(*) FROM documents_fts_docsize) <>"
    "         (SELECT count(*) FROM documents) - (SELECT count(*) FROM documents_unindexed)"
    "    OR EXISTS (SELECT 1 FROM documents_fts_docsize AS s"
    "               WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = s.id)"
    "                  OR EXISTS (SELECT 1 FROM documents_unindexed WHERE document = s.id))"
    "    OR (SELECT count(*) FROM memos_fts_docsize) <>"
    "         (SELECT count(*) FROM highlights WHERE memo <> '')"
    "    OR EXISTS (SELECT 1 FROM memos_fts_docsize AS s"
    "               WHERE NOT EXISTS (SELECT 1 FROM highlights"
    "                                 WHERE id = s.id AND memo <> ''))", error);
  if (stmt == NULL)
    return FALSE;
  rc = dossier_project_step (project, stmt, error);
  if (rc != SQLITE_ROW)
    return FALSE;
  *differ = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* @table's records replaced by those of a new, empty index made in this
 * connection's temporary schema. A file whose index is damaged where FTS5
 * reads first (the record of its segments, missing or garbage) cannot
 * even be opened by FTS5, so its own 'rebuild' cannot run. Its shadow
 * tables are written behind its back, which the defensive mode forbids:
 * for these statements alone, whose SQL is ours. */
static gboolean
reset_index (DossierProject  *project,
             const char      *table,
             GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM main.%s_data;"
                                          "DELETE FROM main.%s_idx;"
                                          "DELETE FROM main.%s_docsize;"
                                          "INSERT INTO main.%s_data (id, block) "
                                          "SELECT id, block FROM temp.dossier_fresh_data",
                                          table, table, table, table);
  gboolean ok;

  if (!dossier_project_exec_in_temp (project, "DROP TABLE IF EXISTS temp.dossier_fresh", error) ||
      !dossier_project_exec_in_temp (project, "CREATE VIRTUAL TABLE temp.dossier_fresh USING fts5 (text)", error))
    return FALSE;
  sqlite3_db_config (project->db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  ok = dossier_project_exec (project, sql, error);
  sqlite3_db_config (project->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  dossier_project_exec_in_temp (project, "DROP TABLE IF EXISTS temp.dossier_fresh", NULL);
  return ok;
}

/* FTS5's 'rebuild' of @table, on an index in any state: one FTS5 cannot
 * open (damaged) is reset first. */
static gboolean
rebuild_index (DossierProject  *project,
               const char      *table,
               GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')", table, table);
  g_autoptr(GError) local_error = NULL;

  if (dossier_project_exec (project, sql, &local_error))
    return TRUE;
  if ((sqlite3_extended_errcode (project->db) & 0xff) != SQLITE_CORRUPT ||
      sqlite3_get_autocommit (project->db))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return reset_index (project, table, error) && dossier_project_exec (project, sql, error);
}

gboolean
dossier_project_rebuild_indexes_within (DossierProject  *self,
                                        GError         **error)
{
  return rebuild_index (self, "documents_fts", error) &&
         dossier_project_exec (self, "DELETE FROM documents_unindexed", error) &&
         rebuild_index (self, "memos_fts", error);
}

/* Both indexes made again from the texts and memos, in one transaction:
 * every text, listed or not, so the list of those waiting is emptied.
 * *@damaged (may be NULL), when it fails: whether SQLite found the file
 * damaged where it read it. */
static gboolean
rebuild_indexes (DossierProject  *project,
                 gboolean        *damaged,
                 GError         **error)
{
  g_auto(DossierTransaction) transaction = DOSSIER_TRANSACTION_INIT;

  if (dossier_transaction_begin (&transaction, project->db, project->path, error) &&
      dossier_project_verify_before_write (project, error) &&
      dossier_project_rebuild_indexes_within (project, error) &&
      dossier_transaction_commit (&transaction, error))
    return TRUE;
  /* Asked before the transaction is rolled back, which would answer. */
  if (damaged != NULL)
    *damaged = (sqlite3_extended_errcode (project->db) & 0xff) == SQLITE_CORRUPT;
  return FALSE;
}

/* Replaces *@error, what indexing met, with what to do about a search
 * index SQLite finds damaged where making it again must read it too (a
 * page of its table that is no page): trying again meets the same. */
static void
set_beyond_rebuild_error (DossierProject  *project,
                          GError         **error)
{
  g_autofree char *name = dossier_display_name (project->path);
  g_autofree char *quoted = g_shell_quote (project->path);

  g_clear_error (error);
  /* TRANSLATORS: the project's name, then its path as typed in a shell */
  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED,
               _("The search index of “%s” is damaged and could not be rebuilt, so searches "
                 "miss the texts not yet indexed. Run “dossier-cli check %s” to see what is "
                 "damaged, and open a backup copy if more than the index is."),
               name, quoted);
}

/* Outside any action, on this connection: indexes every text waiting,
 * or (@rebuild) makes both indexes again. */
static gboolean
update_indexes (DossierProject  *self,
                gboolean         rebuild,
                GCancellable    *cancellable,
                GError         **error)
{
  gboolean done = FALSE;

  if (!dossier_project_ensure_open (self, error))
    return FALSE;

  if (self->read_only)
    {
      g_autofree char *name = dossier_display_name (self->path);

      if (rebuild)
        g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                     _("“%s” is open read-only: its search index cannot be rebuilt."), name);
      else
        g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                     _("“%s” is open read-only: its documents cannot be indexed for search."),
                     name);
      return FALSE;
    }
  g_return_val_if_fail (!self->in_transaction, FALSE);

  while (!done)
    {
      gboolean ok, damaged = FALSE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Not an action: the listed highlights stay as they are. */
      dossier_project_cache_begin (self);
      if (rebuild)
        ok = done = rebuild_indexes (self, NULL, error);
      else
        ok = index_some (self, INDEX_BATCH, &done, &damaged, error);
      if (!ok)
        {
          dossier_project_cache_rollback (self);
          /* The index is made again from the texts (which indexes every
           * one), as a search does; if that fails too, that is said. */
          if (damaged && rebuild_and_say (self, NULL))
            {
              g_clear_error (error);
              break;
            }
          if (damaged)
            set_beyond_rebuild_error (self, error);
          return FALSE;
        }
      dossier_project_cache_commit (self, NULL, 0);
    }

  /* Should it fail again, that is news. */
  g_clear_pointer (&self->not_indexed, g_free);
  return TRUE;
}

/* Both indexes made again, damaged as they were, and said (to the log
 * and the person at the command line; the window says it in a toast). */
static gboolean
rebuild_and_say (DossierProject  *self,
                 GError         **error)
{
  g_autofree char *name = NULL;

  if (!dossier_project_rebuild_search_index (self, error))
    return FALSE;
  name = dossier_display_name (self->path);
  g_message (_("The search index of “%s” was damaged, and was rebuilt."), name);
  dossier_project_emit_search_index_rebuilt (self);
  return TRUE;
}

gboolean
dossier_project_index_documents (DossierProject  *self,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return update_indexes (self, FALSE, cancellable, error);
}

gboolean
dossier_project_rebuild_search_index (DossierProject  *self,
                                      GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return update_indexes (self, TRUE, NULL, error);
}

void
dossier_project_mend_search_index (DossierProject *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean damaged = FALSE;

  if (self->db == NULL || self->read_only || self->in_transaction ||
      !indexes_open (self, &damaged, NULL) || !damaged)
    return;

  /* Said to the person at the command line (dossier-cli shows it as its
   * own message), and to the log: the window says it in a toast. */
  if (!rebuild_and_say (self, &error))
    {
      name = dossier_display_name (self->path);
      g_message (_("The search index of “%s” is damaged and could not be rebuilt: %s"),
                 name, error->message);
    }
}

void
dossier_project_say_not_indexed (DossierProject *self,
                                 const GError   *error)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* Tried again after every change: one line for a command, not one a
   * change. */
  if (self->not_indexed != NULL)
    return;

  name = dossier_display_name (self->path);
  /* Damage that stops indexing stops it again: what to do instead. */
  if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED))
    message = g_strdup_printf (_("“%s” could not be indexed for search (everything else is saved): %s"),
                               name, error->message);
  else
    message = g_strdup_printf (_("“%s” could not be indexed for search (it is tried again at the "
                                 "next search): %s"),
                               name, error->message);
  g_message ("%s", message);
  /* The window shows it: the log is no place a person looks. Kept for a
   * window that connects after it was said (at open). */
  self->not_indexed = g_steal_pointer (&message);
  dossier_project_emit_not_indexed (self, self->not_indexed);
}

const char *
dossier_project_get_not_indexed (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return self->not_indexed;
}

gboolean
dossier_project_search_failed_on_index (DossierProject  *self,
                                        GError         **error)
{
  g_autoptr(GError) rebuild_error = NULL;
  g_autofree char *name = NULL;

  if (self->db == NULL || (sqlite3_extended_errcode (self->db) & 0xff) != SQLITE_CORRUPT)
    return FALSE;

  name = dossier_display_name (self->path);
  if (self->read_only || self->in_transaction)
    {
      g_clear_error (error);
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED,
                   _("The search index of “%s” is damaged. Open the project for writing "
                     "once to rebuild it, or run “dossier-cli reindex” on it."), name);
      return FALSE;
    }

  /* The texts and memos may be sound: only the index is then at fault. */
  if (!rebuild_and_say (self, &rebuild_error))
    return FALSE;
  g_clear_error (error);
  return TRUE;
}

/* ---- Comparing the index with the texts ---------------------------------- */

/* FTS5 keeps at most this many bytes of a token (FTS5_MAX_TOKEN_SIZE). */
#define FTS5_MAX_TOKEN 32768

/* What one row holds, in the index and in its text: how many words, and
 * a sum of a hash of each word at its position (order does not matter,
 * as FTS5's own integrity-check sums its checksums). */
typedef struct
{
  guint64  n_index;
  guint64  sum_index;
  gint64   size;        /* the index's recorded number of words, -1: none */
  guint64  n_text;
  guint64  sum_text;
  gboolean has_text;
} IndexTally;

static guint64
word_hash (const char *word,
           gsize       n,
           gint64      position)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < n; i++)
    {
      h ^= (guchar) word[i];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  h ^= (guint64) position * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  h ^= h >> 30;
  h *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  h ^= h >> 27;
  h *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  h ^= h >> 31;
  return h;
}

static IndexTally *
tally_for (GHashTable *tallies,
           gint64      id)
{
  IndexTally *tally = g_hash_table_lookup (tallies, &id);

  if (tally == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      tally = g_new0 (IndexTally, 1);
      tally->size = -1;
      g_hash_table_insert (tallies, key, tally);
    }
  return tally;
}

static int
tally_word (void       *data,
            int         flags,
            const char *word,
            int         n,
            int         start,
            int         end)
{
  IndexTally *tally = data;

  /* As FTS5 stores it: truncated, and a colocated word at the same
   * position (unicode61 makes none). */
  if (n > FTS5_MAX_TOKEN)
    n = FTS5_MAX_TOKEN;
  if ((flags & FTS5_TOKEN_COLOCATED) == 0 || tally->n_text == 0)
    tally->n_text++;
  tally->sum_text += word_hash (word, n, (gint64) tally->n_text - 1);
  return SQLITE_OK;
}

/* A varint as FTS5's docsize records write it (SQLite's own format). */
static gint64
read_varint (const guchar *p,
             int           n)
{
  guint64 value = 0;

  for (int i = 0; i < n && i < 9; i++)
    {
      if (i == 8)
        return (gint64) ((value << 8) | p[i]);
      value = (value << 7) | (p[i] & 0x7f);
      if ((p[i] & 0x80) == 0)
        return (gint64) value;
    }
  return -2;   /* cut short: differs from any count */
}

static gboolean
tally_texts (DossierProject      *self,
             DossierSearchIndex   index,
             GHashTable          *tallies,
             GError             **error)
{
  /* The tokenizer of both indexes (dossier-project-schema.c). */
  static const char *arguments[] = { "remove_diacritics", "2" };
  g_auto(DossierStmt) stmt = NULL;
  sqlite3_stmt *api_stmt = NULL;
  fts5_api *api = NULL;
  fts5_tokenizer tokenizer;
  Fts5Tokenizer *instance = NULL;
  void *user_data = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT fts5(?1)", -1, &api_stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (api_stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (api_stmt);
    }
  sqlite3_finalize (api_stmt);
  if (api == NULL ||
      api->xFindTokenizer (api, "unicode61", &user_data, &tokenizer) != SQLITE_OK ||
      tokenizer.xCreate (user_data, arguments, G_N_ELEMENTS (arguments), &instance) != SQLITE_OK)
    {
      dossier_project_set_db_error (self, error, SQLITE_ERROR);
      return FALSE;
    }

  stmt = dossier_project_prepare (self, index == DOSSIER_SEARCH_INDEX_TEXTS ?
                                          "SELECT id, text FROM documents WHERE id NOT IN "
                                          "(SELECT document FROM documents_unindexed)" :
                                          "SELECT id, memo FROM highlights WHERE memo <> ''",
                                  error);
  if (stmt == NULL)
    {
      tokenizer.xDelete (instance);
      return FALSE;
    }
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      IndexTally *tally = tally_for (tallies, sqlite3_column_int64 (stmt, 0));
      const char *text = (const char *) sqlite3_column_text (stmt, 1);

      tally->has_text = TRUE;
      if (text != NULL)
        tokenizer.xTokenize (instance, tally, FTS5_TOKENIZE_DOCUMENT,
                             text, sqlite3_column_bytes (stmt, 1), tally_word);
    }
  tokenizer.xDelete (instance);

  return rc == SQLITE_DONE;
}

/* A read of the index itself failed: damage there is the index's, which
 * is made again from the texts and memos, not the file's. */
static void
set_index_error (DossierProject  *self,
                 GError         **error,
                 int              rc)
{
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;

  if ((rc & 0xff) != SQLITE_CORRUPT)
    {
      dossier_project_set_db_error (self, error, rc);
      return;
    }
  name = dossier_display_name (self->path);
  /* Text, whatever bytes of the file SQLite quotes. */
  detail = g_utf8_make_valid (sqlite3_errmsg (self->db), -1);
  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED,
               _("the search index of “%s” is damaged: %s"), name, detail);
}

static gboolean
tally_index (DossierProject      *self,
             DossierSearchIndex   index,
             GHashTable          *tallies,
             GError             **error)
{
  const char *table = index == DOSSIER_SEARCH_INDEX_TEXTS ? "documents_fts" : "memos_fts";
  g_autofree char *create = NULL;
  g_autofree char *sizes = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* In this connection's own temporary schema: nothing is written to the
   * file. */
  create = g_strdup_printf ("CREATE VIRTUAL TABLE temp.dossier_vocab "
                            "USING fts5vocab (main, %s, instance)", table);
  if (!dossier_project_exec_in_temp (self, "DROP TABLE IF EXISTS temp.dossier_vocab", error) ||
      !dossier_project_exec_in_temp (self, create, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db, "SELECT doc, term, offset FROM temp.dossier_vocab",
                           -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IndexTally *tally = tally_for (tallies, sqlite3_column_int64 (stmt, 0));
      const char *word = sqlite3_column_blob (stmt, 1);

      tally->n_index++;
      tally->sum_index += word_hash (word, sqlite3_column_bytes (stmt, 1),
                                     sqlite3_column_int64 (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    set_index_error (self, error, rc);
  sqlite3_finalize (stmt);
  stmt = NULL;
  dossier_project_exec_in_temp (self, "DROP TABLE IF EXISTS temp.dossier_vocab", NULL);
  if (rc != SQLITE_DONE)
    return FALSE;

  /* How many words the index recorded for each row (ranking reads it). */
  sizes = g_strdup_printf ("SELECT id, sz FROM \"%s_docsize\"", table);
  rc = sqlite3_prepare_v2 (self->db, sizes, -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tally_for (tallies, sqlite3_column_int64 (stmt, 0))->size =
      read_varint (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
  if (rc != SQLITE_DONE)
    set_index_error (self, error, rc);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static int
compare_differences (gconstpointer a,
                     gconstpointer b)
{
  const DossierIndexDifference *x = a;
  const DossierIndexDifference *y = b;

  return (x->id > y->id) - (x->id < y->id);
}

GArray *
dossier_project_index_differences (DossierProject      *self,
                                   DossierSearchIndex   index,
                                   GError             **error)
{
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         g_free, g_free);
  g_autoptr(GArray) differences = g_array_new (FALSE, FALSE, sizeof (DossierIndexDifference));
  gboolean in_transaction = self->in_transaction;
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok;

  /* Both sides from one snapshot of the file, whoever writes it. */
  if (!in_transaction && !dossier_project_exec (self, "BEGIN", error))
    return NULL;
  ok = tally_index (self, index, tallies, error) && tally_texts (self, index, tallies, error);
  if (!in_transaction)
    dossier_project_exec (self, "COMMIT", NULL);
  if (!ok)
    return NULL;

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      IndexTally *tally = value;

      if (tally->has_text ? (tally->size != (gint64) tally->n_text ||
                             tally->n_index != tally->n_text ||
                             tally->sum_index != tally->sum_text)
                          : (tally->size != -1 || tally->n_index != 0))
        {
          DossierIndexDifference difference = { *(gint64 *) key, tally->has_text };

          g_array_append_val (differences, difference);
        }
    }
  g_array_sort (differences, compare_differences);

  return g_steal_pointer (&differences);
}

/* ---- In the background --------------------------------------------------- */

static void
cancel_retry (DossierProject *self)
{
  if (self->index_retry == NULL)
    return;
  g_source_destroy (self->index_retry);
  g_clear_pointer (&self->index_retry, g_source_unref);
}

static gboolean
retry_indexing (gpointer data)
{
  DossierProject *self = data;

  g_clear_pointer (&self->index_retry, g_source_unref);
  /* Nothing left (the project closed meanwhile): no more. */
  if (!start_indexer (self, FALSE))
    g_object_notify (G_OBJECT (self), "indexing");
  return G_SOURCE_REMOVE;
}

/* The file busy in another program: a thread started at once waited the
 * busy timeout, failed, and another began — a thread at work every 5 s
 * for as long as the other program held the file (a long import, or one
 * left open in a transaction). The next tries after a while, longer each
 * time; a change or a search still indexes at once. */
static void
retry_later (DossierProject *self)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  if (self->db == NULL || dossier_project_count_unindexed (self) == 0)
    return;

  self->index_retry_wait = self->index_retry_wait == 0
                           ? RETRY_FIRST_SECONDS
                           : MIN (self->index_retry_wait * 2, RETRY_MAX_SECONDS);
  self->index_retry = g_timeout_source_new_seconds (self->index_retry_wait);
  g_source_set_callback (self->index_retry, retry_indexing, self, NULL);
  g_source_set_static_name (self->index_retry, "[dossier] index again when free");
  g_source_attach (self->index_retry, context);
}

static gboolean
indexer_finished (gpointer data)
{
  DossierIndexer *indexer = data;
  g_autoptr(DossierProject) self = g_weak_ref_get (&indexer->project);

  /* Closed (and joined) meanwhile, or a newer indexer: nothing to do. */
  if (self == NULL || self->indexer != indexer)
    return G_SOURCE_REMOVE;

  g_thread_join (g_steal_pointer (&indexer->thread));
  self->indexer = NULL;

  /* The file busy in another program is no news: whatever the person was
   * doing then says so, and the next indexer (started below, the texts
   * still wait) waits for the file again. */
  if (indexer->error != NULL && self->db != NULL &&
      !g_error_matches (indexer->error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED))
    dossier_project_say_not_indexed (self, indexer->error);
  else if (indexer->error == NULL)
    g_clear_pointer (&self->not_indexed, g_free);

  /* Only our threads write while we hold the lock: what moved the
   * database's version is the indexing, which no listing depends on. */
  if (self->db != NULL)
    dossier_project_cache_adopt (self, NULL, 0);

  /* Texts stored while it was finishing are indexed by the next one, and
   * a busy file is tried again after a while. Any other failure (a full
   * disk) would come back at once, thread after thread: what is left
   * waits for the next change or search, as the message says. */
  if (indexer->error == NULL)
    {
      self->index_retry_wait = 0;
      start_indexer (self, FALSE);
    }
  else if (g_error_matches (indexer->error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED))
    retry_later (self);
  else
    self->index_retry_wait = 0;
  if (dossier_project_get_indexing (self) != indexer->announced)
    g_object_notify (G_OBJECT (self), "indexing");

  if (indexer->rebuilt && self->db != NULL)
    {
      g_autofree char *name = dossier_display_name (self->path);

      /* To the log (the window says it in a toast), in the thread that
       * owns the project, once: the thread rebuilds at most once. */
      g_message (_("The search index of “%s” was damaged or out of step with its texts or "
                   "memos, and was rebuilt."), name);
      dossier_project_emit_search_index_rebuilt (self);
    }
  indexer_unref (indexer);

  return G_SOURCE_REMOVE;
}

static gpointer
indexer_thread (gpointer data)
{
  DossierIndexer *indexer = data;
  gboolean done = FALSE;
  g_autoptr(GSource) source = NULL;

  /* A file edited behind its indexes: a search in it misses what is there
   * or finds what is not, until they are made again. */
  if (indexer->verify)
    {
      gboolean differ = FALSE;

      if (!index_rows_differ (indexer->worker, &differ, &indexer->error))
        done = TRUE;
      else if (differ && !g_cancellable_is_cancelled (indexer->cancellable))
        {
          gboolean damaged = FALSE;

          if (rebuild_indexes (indexer->worker, &damaged, &indexer->error))
            indexer->rebuilt = TRUE;   /* said by indexer_finished () */
          else
            {
              /* What to do, as when indexing meets the damage: not
               * "open a backup copy" for an index. */
              if (damaged)
                set_beyond_rebuild_error (indexer->worker, &indexer->error);
              done = TRUE;
            }
        }
    }

  while (!done && !g_cancellable_is_cancelled (indexer->cancellable))
    {
      gboolean damaged = FALSE;

      if (index_some (indexer->worker, 0, &done, &damaged, &indexer->error))
        continue;
      /* Made again from the texts, every one indexed (as a search does). */
      if (damaged && !indexer->rebuilt && rebuild_indexes (indexer->worker, NULL, NULL))
        {
          g_clear_error (&indexer->error);
          indexer->rebuilt = TRUE;
          continue;
        }
      if (damaged)
        set_beyond_rebuild_error (indexer->worker, &indexer->error);
      break;
    }

  /* The worker's connection closes in this thread, which used it. */
  g_mutex_lock (&indexer->mutex);
  dossier_project_close (indexer->worker);
  g_clear_object (&indexer->worker);
  g_mutex_unlock (&indexer->mutex);

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, indexer_finished, indexer, (GDestroyNotify) indexer_unref);
  g_source_set_static_name (source, "[dossier] indexed for search");
  g_source_attach (source, indexer->context);

  return NULL;
}

/* Starts indexing in the background if texts wait (or @verify: to see
 * first whether the indexes are in step) and nothing indexes them yet;
 * TRUE if it did. */
static gboolean
start_indexer (DossierProject *self,
               gboolean        verify)
{
  g_autoptr(GError) error = NULL;
  DossierIndexer *indexer;
  DossierProject *worker;

  if (self->db == NULL || self->read_only || self->indexer != NULL ||
      self->index_mode != DOSSIER_INDEX_IN_BACKGROUND ||
      (!verify && dossier_project_count_unindexed (self) == 0))
    return FALSE;

  worker = dossier_project_open_worker (self, &error);
  if (worker == NULL)
    {
      dossier_project_say_not_indexed (self, error);
      return FALSE;
    }

  indexer = g_new0 (DossierIndexer, 1);
  g_atomic_ref_count_init (&indexer->ref_count);
  indexer->cancellable = g_cancellable_new ();
  indexer->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&indexer->project, self);
  g_mutex_init (&indexer->mutex);
  indexer->worker = worker;
  indexer->verify = verify;
  indexer->announced = !verify || dossier_project_count_unindexed (self) > 0;
  /* The thread's reference, handed on to the idle source it ends with. */
  indexer->thread = g_thread_new ("dossier-index", indexer_thread, indexer_ref (indexer));
  self->indexer = indexer;
  cancel_retry (self);
  return TRUE;
}

gboolean
dossier_project_index_later (DossierProject *self)
{
  /* The thread verifying the indexes at open goes on to index what is
   * listed by then. */
  if (self->indexer != NULL && !self->indexer->announced &&
      dossier_project_count_unindexed (self) > 0)
    self->indexer->announced = TRUE;
  else if (!start_indexer (self, FALSE))
    return FALSE;

  g_object_notify (G_OBJECT (self), "indexing");
  return TRUE;
}

void
dossier_project_verify_index_later (DossierProject *self)
{
  if (start_indexer (self, TRUE) && self->indexer->announced)
    g_object_notify (G_OBJECT (self), "indexing");
}

void
dossier_project_index_after (DossierProject       *self,
                             const DossierChanges *changes)
{
  g_autoptr(GError) error = NULL;

  /* Any action may list a text (storing, replacing, undoing a deletion,
   * importing an exchange file…): asking the list is cheaper than
   * keeping track of which do. */
  if (self->db == NULL || self->read_only || self->in_transaction)
    return;

  switch (self->index_mode)
    {
    case DOSSIER_INDEX_AT_ONCE:
      if (dossier_project_count_unindexed (self) > 0 &&
          !dossier_project_index_documents (self, NULL, &error))
        dossier_project_say_not_indexed (self, error);
      break;
    case DOSSIER_INDEX_IN_BACKGROUND:
      dossier_project_index_later (self);
      break;
    case DOSSIER_INDEX_BY_MAIN:
      break;
    }
}

void
dossier_project_stop_indexing (DossierProject *self)
{
  DossierIndexer *indexer = g_steal_pointer (&self->indexer);

  cancel_retry (self);
  if (indexer == NULL)
    return;

  /* A long text stops in the middle, rolled back: it stays listed. */
  g_cancellable_cancel (indexer->cancellable);
  g_mutex_lock (&indexer->mutex);
  if (indexer->worker != NULL && indexer->worker->db != NULL)
    sqlite3_interrupt (indexer->worker->db);
  g_mutex_unlock (&indexer->mutex);

  g_thread_join (g_steal_pointer (&indexer->thread));
  /* The idle source, when it runs, finds another indexer (or none). */
  indexer_unref (indexer);
}

gboolean
dossier_project_ensure_indexed (DossierProject  *self,
                                GError         **error)
{
  gint64 deadline = g_get_monotonic_time () + READER_WAIT_USEC;
  guint n;

  if (!dossier_project_ensure_open (self, error))
    return FALSE;

  if ((n = dossier_project_count_unindexed (self)) == 0)
    return TRUE;

  /* The window's: its thread indexes them (started here if none is at
   * work, or waits for the file to be free), or another program's does
   * (read-only). Indexed here, they held the window for as long as that
   * took, and when another program held the file, for SQLite's busy
   * timeout (5 s) before failing; waited for here, as long. */
  if (self->index_mode == DOSSIER_INDEX_IN_BACKGROUND)
    {
      if (!dossier_project_get_indexing (self))
        dossier_project_index_later (self);
      return TRUE;
    }

  if (!self->read_only)
    return dossier_project_index_documents (self, NULL, error);

  /* Another program is indexing what it stored: wait for it, a while.
   * Only if there is one: a writer holds the lock file beside the file
   * until it closes it (one that crashed may leave it). With none, no one
   * will index them — a file closed or damaged so — and waiting stalled
   * every search, in the window too, for the whole while. */
  while (g_file_test (self->lock_path, G_FILE_TEST_EXISTS) &&
         g_get_monotonic_time () < deadline)
    {
      g_usleep (20 * 1000);
      if ((n = dossier_project_count_unindexed (self)) == 0)
        return TRUE;
    }

  {
    g_autofree char *name = dossier_display_name (self->path);

    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%u document in “%s” is not indexed for search yet, and the "
                              "project is open read-only: open it for writing once to index it.",
                              "%u documents in “%s” are not indexed for search yet, and the "
                              "project is open read-only: open it for writing once to index them.",
                              n),
                 n, name);
  }
  return FALSE;
}
