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
 * A search never misses a listed text silently: a writable project
 * indexes what is left first (dossier_project_index_documents ()); a
 * read-only one waits a moment for the writer that is indexing, and
 * otherwise refuses, saying why.
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
};

static gboolean start_indexer (DossierProject *self);

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

/* Indexes the first texts on the list, in one transaction on @project's
 * connection: at least one, then more while they come to fewer than
 * @budget characters in all; *@done when the list is empty. */
static gboolean
index_some (DossierProject  *project,
            gint64           budget,
            gboolean        *done,
            GError         **error)
{
  g_auto(DossierTransaction) transaction = DOSSIER_TRANSACTION_INIT;
  gint64 indexed = 0;

  *done = FALSE;

  if (!dossier_transaction_begin (&transaction, project->db, project->path, error))
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
          return *done && dossier_transaction_commit (&transaction, error);
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

  return dossier_transaction_commit (&transaction, error);
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

  return self->indexer != NULL;
}

gboolean
dossier_project_index_documents (DossierProject  *self,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  gboolean done = FALSE;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!dossier_project_ensure_open (self, error))
    return FALSE;

  if (self->read_only)
    {
      g_autofree char *name = dossier_display_name (self->path);

      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is open read-only: its documents cannot be indexed for search."), name);
      return FALSE;
    }
  g_return_val_if_fail (!self->in_transaction, FALSE);

  while (!done)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Not an action: the listed highlights stay as they are. */
      dossier_project_cache_begin (self);
      if (!index_some (self, INDEX_BATCH, &done, error))
        {
          dossier_project_cache_rollback (self);
          return FALSE;
        }
      dossier_project_cache_commit (self, NULL, 0);
    }

  return TRUE;
}

/* ---- In the background --------------------------------------------------- */

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

  if (indexer->error != NULL && self->db != NULL)
    g_message ("Indexing %s for search: %s (it is tried again at the next search)",
               self->path, indexer->error->message);

  /* Only our threads write while we hold the lock: what moved the
   * database's version is the indexing, which no listing depends on. */
  if (self->db != NULL)
    dossier_project_cache_adopt (self, NULL, 0);

  indexer_unref (indexer);

  /* Texts stored while it was finishing are indexed by the next one. */
  if (!start_indexer (self))
    g_object_notify (G_OBJECT (self), "indexing");

  return G_SOURCE_REMOVE;
}

static gpointer
indexer_thread (gpointer data)
{
  DossierIndexer *indexer = data;
  gboolean done = FALSE;
  g_autoptr(GSource) source = NULL;

  while (!done && !g_cancellable_is_cancelled (indexer->cancellable))
    if (!index_some (indexer->worker, 0, &done, &indexer->error))
      break;

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

/* Starts indexing in the background if texts wait and nothing indexes
 * them yet; TRUE if it did. */
static gboolean
start_indexer (DossierProject *self)
{
  g_autoptr(GError) error = NULL;
  DossierIndexer *indexer;
  DossierProject *worker;

  if (self->db == NULL || self->read_only || self->indexer != NULL ||
      self->index_mode != DOSSIER_INDEX_IN_BACKGROUND ||
      dossier_project_count_unindexed (self) == 0)
    return FALSE;

  worker = dossier_project_open_worker (self, &error);
  if (worker == NULL)
    {
      g_message ("Indexing %s for search: %s (it is tried again at the next search)",
                 self->path, error->message);
      return FALSE;
    }

  indexer = g_new0 (DossierIndexer, 1);
  g_atomic_ref_count_init (&indexer->ref_count);
  indexer->cancellable = g_cancellable_new ();
  indexer->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&indexer->project, self);
  g_mutex_init (&indexer->mutex);
  indexer->worker = worker;
  /* The thread's reference, handed on to the idle source it ends with. */
  indexer->thread = g_thread_new ("dossier-index", indexer_thread, indexer_ref (indexer));
  self->indexer = indexer;
  return TRUE;
}

gboolean
dossier_project_index_later (DossierProject *self)
{
  if (!start_indexer (self))
    return FALSE;

  g_object_notify (G_OBJECT (self), "indexing");
  return TRUE;
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
        g_message ("Indexing %s for search: %s (it is tried again at the next search)",
                   self->path, error->message);
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

  /* On this connection, or alongside the thread (each text in its own
   * transaction: the busy timeout waits for the thread's). */
  if (!self->read_only)
    return dossier_project_index_documents (self, NULL, error);

  /* Another program is indexing what it stored: wait for it, a while. */
  while (g_get_monotonic_time () < deadline)
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
