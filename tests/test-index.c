/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-index.c — the search index of documents' texts, written after the
 * action that stored a text: a search never misses a stored document,
 * whether it is indexed at once, by a thread, or was left unindexed by a
 * close or a crash; undo and redo keep the index and its list right. */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "dossier-project-private.h"
#include "test-util.h"

/* Whether a search for @word lists a text match in @document_id. */
static gboolean
finds (DossierProject *project,
       const char     *word,
       gint64          document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dossier_project_search (project, word, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      DossierSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->document_id == document_id && hit->highlight_id == 0)
        return TRUE;
    }
  return FALSE;
}

/* A text of about @bytes bytes with @word once, in the middle. */
static char *
long_text (gsize       bytes,
           const char *word)
{
  GString *text = g_string_new (NULL);
  gboolean placed = FALSE;

  for (guint i = 0; text->len < bytes; i++)
    {
      g_string_append_printf (text, "Paragraph %u of the harbour report, with sums and dates.\n", i);
      if (!placed && text->len > bytes / 2)
        {
          g_string_append_printf (text, "The %s appears here once.\n", word);
          placed = TRUE;
        }
    }
  return g_string_free (text, FALSE);
}

/* The state a crash leaves between an import's commit and its indexing:
 * the text out of the index and on the list. */
static void
unindex_behind_the_back (const char *path,
                         gint64      document_id)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO documents_fts (documents_fts, rowid, text) "
                     "  SELECT 'delete', id, text FROM documents WHERE id = %" G_GINT64_FORMAT ";"
                     "INSERT INTO documents_unindexed (document) VALUES (%" G_GINT64_FORMAT ");",
                     document_id, document_id);

  test_sql_exec (path, sql);
}

static gboolean
not_indexing (gpointer data)
{
  return !dossier_project_get_indexing (DOSSIER_PROJECT (data));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

/* By default a stored text is indexed right after the action: found at
 * once, nothing left on the list. */
static void
test_at_once (TestProject   *f,
              gconstpointer  data)
{
  gint64 id = add_doc (f->project, "Harbour", "The cormorant nests on the breakwater.");

  g_assert_cmpuint (dossier_project_count_unindexed (f->project), ==, 0);
  g_assert_false (dossier_project_get_indexing (f->project));
  g_assert_true (finds (f->project, "cormorant", id));
  g_assert_true (finds (f->project, "breakwater", id));
}

/* Several texts waiting are indexed at once together, each of them: a
 * writable open finds three left on the list (and a deleted document's
 * row, which the list may still name) and indexes every one. */
static void
test_at_once_several (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("several", "Test", &dir, &path);
  g_autoptr(GError) error = NULL;
  const char *words[] = { "cormorant", "heron", "plover" };
  gint64 ids[G_N_ELEMENTS (words)];

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *text = g_strdup_printf ("The %s nests on the breakwater.", words[i]);

      ids[i] = add_doc (project, words[i], text);
    }
  dossier_project_close (project);
  g_clear_object (&project);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    unindex_behind_the_back (path, ids[i]);
  test_sql_exec (path, "INSERT INTO documents_unindexed (document) VALUES (9999)");

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_assert_true (finds (project, words[i], ids[i]));
      g_assert_false (finds (project, words[(i + 1) % G_N_ELEMENTS (words)], ids[i]));
    }
  assert_project_sound (project);

  test_finish_project (&project, &dir, &path);
}

/* In the background: a thread indexes it ("indexing" goes TRUE, then
 * FALSE); a search made before it is done still finds the document. */
static void
test_background (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("background", "Test", &dir, &path);
  g_autofree char *text = long_text (2 * 1024 * 1024, "cormorant");
  g_autoptr(GError) error = NULL;
  guint notified = 0;
  gint64 first, second;

  dossier_project_close (project);
  g_clear_object (&project);
  project = dossier_project_open (path, DOSSIER_OPEN_INDEX_IN_BACKGROUND, &error);
  g_assert_no_error (error);
  g_signal_connect (project, "notify::indexing", G_CALLBACK (count_notify), &notified);

  first = add_doc (project, "Long", text);
  g_assert_true (dossier_project_get_indexing (project));
  g_assert_cmpuint (notified, ==, 1);
  wait_until (not_indexing, project, "indexing to end");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_true (finds (project, "cormorant", first));

  /* Left to the thread alone. */
  second = add_doc (project, "Short", "The heron waits on the slipway.");
  g_assert_true (dossier_project_get_indexing (project));
  wait_until (not_indexing, project, "indexing to end");
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_true (finds (project, "heron", second));
  g_assert_false (finds (project, "heron", first));
  assert_project_sound (project);

  test_finish_project (&project, &dir, &path);
}

/* Closed while the thread may be in the middle of a long text: nothing
 * is lost or half-indexed, and what is left is indexed on the next open. */
static void
test_close_while_indexing (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("close", "Test", &dir, &path);
  g_autofree char *text = long_text (4 * 1024 * 1024, "cormorant");
  g_autoptr(GError) error = NULL;
  gint64 id;

  dossier_project_close (project);
  g_clear_object (&project);
  project = dossier_project_open (path, DOSSIER_OPEN_INDEX_IN_BACKGROUND, &error);
  g_assert_no_error (error);

  id = add_doc (project, "Long", text);
  g_assert_true (dossier_project_get_indexing (project));
  dossier_project_close (project);
  g_assert_false (dossier_project_get_indexing (project));
  /* What a stopped thread left: the text listed or indexed, never both. */
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM documents_unindexed"), <=, 1);
  g_clear_object (&project);
  flush_events ();

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_true (finds (project, "cormorant", id));
  assert_project_sound (project);

  test_finish_project (&project, &dir, &path);
}

/* Killed after the import committed, before its text was indexed: the
 * next writable open indexes it (in the background too); a read-only
 * open cannot, and its search says so instead of missing it. */
static void
test_killed_before_indexing (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("killed", "Test", &dir, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 id;

  id = add_doc (project, "Harbour", "The cormorant nests on the breakwater.");
  dossier_project_close (project);
  g_clear_object (&project);
  unindex_behind_the_back (path, id);

  project = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 1);
  hits = dossier_project_search (project, "cormorant", 50, &error);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "not indexed"));
  g_assert_null (hits);
  g_clear_error (&error);
  dossier_project_close (project);
  g_clear_object (&project);

  project = dossier_project_open (path, DOSSIER_OPEN_INDEX_IN_BACKGROUND, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_get_indexing (project));
  wait_until (not_indexing, project, "indexing to end");
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_true (finds (project, "cormorant", id));
  dossier_project_close (project);
  g_clear_object (&project);

  unindex_behind_the_back (path, id);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_true (finds (project, "cormorant", id));
  assert_project_sound (project);

  test_finish_project (&project, &dir, &path);
}

/* Undo of an import takes the text out of the index, or off the list if
 * it was not indexed yet; redo lists it again; replacing a text indexes
 * the new one only. The index stays exactly the texts (check). */
static void
test_undo_import (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("undo", "Test", &dir, &path);
  g_autoptr(GError) error = NULL;
  gint64 id;

  dossier_project_close (project);
  g_clear_object (&project);
  project = dossier_project_open (path, DOSSIER_OPEN_INDEX_IN_BACKGROUND, &error);
  g_assert_no_error (error);

  /* Undone before the thread got to it. */
  id = add_doc (project, "Harbour", "The cormorant nests on the breakwater.");
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  wait_until (not_indexing, project, "indexing to end");
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_false (finds (project, "cormorant", id));
  assert_project_sound (project);

  /* Redone, indexed, then undone: out of the index. */
  g_assert_true (dossier_project_redo (project, &error));
  g_assert_no_error (error);
  wait_until (not_indexing, project, "indexing to end");
  g_assert_true (finds (project, "cormorant", id));
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_false (finds (project, "cormorant", id));
  assert_project_sound (project);

  g_assert_true (dossier_project_redo (project, &error));
  g_assert_no_error (error);
  wait_until (not_indexing, project, "indexing to end");
  g_assert_true (finds (project, "cormorant", id));
  assert_project_sound (project);

  test_finish_project (&project, &dir, &path);
}

static void
collect_message (const char     *domain,
                 GLogLevelFlags  level,
                 const char     *message,
                 gpointer        data)
{
  g_ptr_array_add (data, g_strdup (message));
}

static void
count_rebuilt (DossierProject *project,
               guint          *n_rebuilt)
{
  (*n_rebuilt)++;
}

static gboolean
rebuilt (gpointer data)
{
  return *(guint *) data > 0;
}

/* An index edited behind its texts, found at a background open and made
 * again by the thread, is said once, the file named as the user knows it
 * (and translated), where the thread said "The search index of
 * /full/path/… was damaged or out of step…" in English whatever the
 * locale. */
static void
test_background_rebuild_said (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("rebuilt", "Test", &dir, &path);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint handler, n_rebuilt = 0;
  gint64 id;

  id = add_doc (project, "Harbour", "The cormorant nests on the breakwater.");
  dossier_project_close (project);
  g_clear_object (&project);
  /* Out of the index, and not listed as waiting. */
  test_sql_exec (path, "INSERT INTO documents_fts (documents_fts, rowid, text) "
                       "SELECT 'delete', id, text FROM documents");

  /* The core's domain, not this test's. */
  handler = g_log_set_handler ("Dossier", G_LOG_LEVEL_MESSAGE, collect_message, messages);
  project = dossier_project_open (path, DOSSIER_OPEN_INDEX_IN_BACKGROUND, &error);
  g_assert_no_error (error);
  g_signal_connect (project, "search-index-rebuilt", G_CALLBACK (count_rebuilt), &n_rebuilt);
  wait_until (rebuilt, &n_rebuilt, "the index to be rebuilt");
  g_assert_true (finds (project, "cormorant", id));
  flush_events ();
  g_log_remove_handler ("Dossier", handler);

  expected = g_strdup_printf ("The search index of “%s.dossier” was damaged or out of step with "
                              "its texts or memos, and was rebuilt.", "rebuilt");
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==, expected);
  assert_project_sound (project);

  test_finish_project (&project, &dir, &path);
}

/* FTS5's older segments of the text index gone, as a failing disk can
 * leave them: found only when indexing a new text makes FTS5 merge
 * them (fifteen at the first level, and the sixteenth). */
static void
damage_segments (const char *path)
{
  for (guint i = 0; i < 14; i++)
    test_sql_exec (path, "INSERT INTO documents_fts (rowid, text) "
                         "SELECT id, text FROM documents WHERE id = 1");
  test_sql_exec (path, "DELETE FROM documents_fts_data WHERE id > 10");
}

/* Indexing that finds the index damaged makes it again from the texts,
 * as a search does, and says so once — at once (a writable open, the
 * CLI) and in the background (the window) — where the texts stayed out
 * of the index, a "could not be indexed … is damaged, open a backup
 * copy" said after every change. */
static void
test_indexing_damaged_rebuilt (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("damaged", "Test", &dir, &path);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint handler, n_rebuilt = 0;
  gint64 id, second;

  id = add_doc (project, "Harbour", "The cormorant nests on the breakwater.");
  dossier_project_close (project);
  g_clear_object (&project);
  damage_segments (path);
  test_sql_exec (path, "INSERT INTO documents_unindexed (document) VALUES (1)");

  /* At once: the open indexes what waits. */
  handler = g_log_set_handler ("Dossier", G_LOG_LEVEL_MESSAGE, collect_message, messages);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==,
                   "The search index of “damaged.dossier” was damaged, and was rebuilt.");
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_true (finds (project, "cormorant", id));
  assert_project_sound (project);
  dossier_project_close (project);
  g_clear_object (&project);

  /* In the background: damaged while open, found by the thread. */
  g_ptr_array_set_size (messages, 0);
  project = dossier_project_open (path, DOSSIER_OPEN_INDEX_IN_BACKGROUND, &error);
  g_assert_no_error (error);
  while (project->indexer != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (project, "search-index-rebuilt", G_CALLBACK (count_rebuilt), &n_rebuilt);
  damage_segments (path);
  second = add_doc (project, "Slipway", "The heron waits on the slipway.");
  wait_until (rebuilt, &n_rebuilt, "the index to be rebuilt");
  while (project->indexer != NULL)
    g_main_context_iteration (NULL, TRUE);
  flush_events ();
  g_log_remove_handler ("Dossier", handler);
  g_assert_cmpuint (n_rebuilt, ==, 1);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==,
                   "The search index of “damaged.dossier” was damaged or out of step with its "
                   "texts or memos, and was rebuilt.");
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_true (finds (project, "cormorant", id));
  g_assert_true (finds (project, "heron", second));
  assert_project_sound (project);

  test_finish_project (&project, &dir, &path);
}

static void
count_not_indexed (DossierProject *project,
                   const char     *message,
                   guint          *n_said)
{
  (*n_said)++;
}

/* @project (at @path) opened again as the window opens it, with one text
 * indexed, then taken out of the index behind its back to wait on the
 * list; "not-indexed" counted in @n_said. Returns the text's id. */
static gint64
reopen_with_text_waiting (DossierProject **project,
                          const char      *path,
                          guint           *n_said)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  dossier_project_close (*project);
  g_clear_object (project);
  *project = dossier_project_open (path, DOSSIER_OPEN_INDEX_IN_BACKGROUND, &error);
  g_assert_no_error (error);
  id = add_doc (*project, "Harbour", "The cormorant nests on the breakwater.");
  while ((*project)->indexer != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (*project, "not-indexed", G_CALLBACK (count_not_indexed), n_said);
  unindex_behind_the_back (path, id);
  return id;
}

/* Another program holds the file at @path while a thread tries to index
 * what waits in @project: returns, the file still held, once that thread
 * has given up (after the busy timeout). let_go_and_index () ends it. */
static sqlite3 *
hold_while_indexing (DossierProject *project,
                     const char     *path)
{
  sqlite3 *other = NULL;
  DossierIndexer *first;

  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (dossier_project_index_later (project));
  first = project->indexer;
  while (project->indexer == first)
    g_main_context_iteration (NULL, TRUE);
  return other;
}

/* The other program lets go: the text @id is indexed, found, and nothing
 * was said (@n_said). */
static void
let_go_and_index (DossierProject *project,
                  sqlite3        *other,
                  gint64          id,
                  guint           n_said)
{
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  wait_until (not_indexing, project, "indexing to end");
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_true (finds (project, "cormorant", id));
  g_assert_cmpuint (n_said, ==, 0);
  assert_project_sound (project);
}

/* The thread meets the file busy in another program (a write in the
 * middle of its own): that is no news for the person at the window, who
 * learns it from whatever they were doing then (a search says what it
 * leaves out). It said “could not be indexed” in a toast that stays
 * until closed, a second one for the one busy file. The text waits on
 * the list, and the next thread indexes it once the file is free. */
static void
test_background_busy_not_said (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("busy", "Test", &dir, &path);
  sqlite3 *other;
  guint n_said = 0;
  gint64 id;

  id = reopen_with_text_waiting (&project, path, &n_said);
  /* It gave up waiting (after the busy timeout), and the next will try. */
  other = hold_while_indexing (project, path);
  g_assert_cmpuint (n_said, ==, 0);
  g_assert_null (dossier_project_get_not_indexed (project));
  g_assert_nonnull (project->index_retry);
  g_assert_true (dossier_project_get_indexing (project));

  let_go_and_index (project, other, id, n_said);

  test_finish_project (&project, &dir, &path);
}

/* Iterates the main loop for @msec; returns how many indexers started. */
static guint
count_starts (DossierProject *project,
              guint           msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;
  DossierIndexer *seen = project->indexer;
  guint starts = 0;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      /* A new one is made while the last is alive: another address. */
      if (project->indexer != NULL && project->indexer != seen)
        starts++;
      seen = project->indexer;
      g_usleep (2000);
    }
  return starts;
}

/* The wait before the next try ends now (a clock set forward); returns
 * once the indexer it starts has met the busy file in turn. */
static void
retry_now (DossierProject *project)
{
  DossierIndexer *next;

  g_assert_nonnull (project->index_retry);
  g_source_set_ready_time (project->index_retry, 0);
  while (project->index_retry != NULL)
    g_main_context_iteration (NULL, TRUE);
  next = project->indexer;
  g_assert_nonnull (next);
  while (project->indexer == next)
    g_main_context_iteration (NULL, TRUE);
}

/* Seconds from now until @source is ready. */
static double
seconds_to (GSource *source)
{
  return (g_source_get_ready_time (source) - g_get_monotonic_time ()) / (double) G_USEC_PER_SEC;
}

/* While another program holds the file, the next thread waits 5 s before
 * it tries, then 10 s, 20 s… up to a minute; a new text (or a search)
 * still indexes at once, and the file free, the text is indexed and the
 * wait starts again from 5 s. Before, each thread that met the busy file
 * started the next at once: one at work every 5 s (the busy timeout) for
 * as long as the other program held it. */
static void
test_background_busy_waits (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("busy-waits", "Test", &dir, &path);
  sqlite3 *other;
  guint n_said = 0;
  gint64 id;

  id = reopen_with_text_waiting (&project, path, &n_said);
  other = hold_while_indexing (project, path);

  /* None started in the second that follows: the next waits 5 s. */
  g_assert_cmpuint (count_starts (project, 1000), ==, 0);
  g_assert_null (project->indexer);
  g_assert_true (dossier_project_get_indexing (project));
  g_assert_cmpuint (project->index_retry_wait, ==, 5);
  g_assert_cmpfloat (seconds_to (project->index_retry), >, 3.0);

  /* Then 10 s; and at most a minute, however long it has been. */
  retry_now (project);
  g_assert_cmpuint (project->index_retry_wait, ==, 10);
  g_assert_cmpfloat (seconds_to (project->index_retry), >, 9.0);
  project->index_retry_wait = 40;
  retry_now (project);
  g_assert_cmpuint (project->index_retry_wait, ==, 60);
  g_assert_cmpfloat (seconds_to (project->index_retry), >, 59.0);
  g_assert_cmpuint (n_said, ==, 0);

  /* A new text stored (or a search) does not wait. */
  g_assert_true (dossier_project_index_later (project));
  g_assert_nonnull (project->indexer);
  g_assert_null (project->index_retry);

  let_go_and_index (project, other, id, n_said);
  g_assert_null (project->index_retry);
  g_assert_cmpuint (project->index_retry_wait, ==, 0);

  test_finish_project (&project, &dir, &path);
}

/* The thread meets a full disk, which fails again at once: it says so
 * once, and the text waits for the next change or search. The next
 * thread was started as soon as one ended with texts left, which failed
 * at once in turn: the window spent a core on it until space was freed. */
static void
test_background_full_disk_tried_later (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("full", "Test", &dir, &path);
  DossierIndexer *first;
  guint n_said = 0;
  gint64 id;

  id = reopen_with_text_waiting (&project, path, &n_said);
  test_full_disk_set_room (0);
  g_assert_true (dossier_project_index_later (project));
  first = project->indexer;
  while (project->indexer == first)
    g_main_context_iteration (NULL, TRUE);
  flush_events ();
  g_assert_null (project->indexer);
  g_assert_false (dossier_project_get_indexing (project));
  g_assert_cmpuint (n_said, ==, 1);
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 1);

  /* Room again: the next change or search indexes what waits, in the
   * thread: the search answers from the index meanwhile. */
  test_full_disk_set_room (-1);
  g_assert_false (finds (project, "cormorant", id));
  g_assert_true (dossier_project_get_indexing (project));
  g_assert_nonnull (project->indexer);
  wait_until (not_indexing, project, "indexing to end");
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_true (finds (project, "cormorant", id));
  assert_project_sound (project);

  test_finish_project (&project, &dir, &path);
}

/* The hits of @query in the texts and memos, by both searches, every
 * occurrence first (each checked to say as much as the other); neither
 * may fail. */
static guint
count_both (DossierProject *project,
            const char     *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) every = dossier_project_search_occurrences (project, query, 50, &error);
  g_autoptr(GPtrArray) ranked = NULL;

  g_assert_no_error (error);
  ranked = dossier_project_search (project, query, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked->len, ==, every->len);
  return ranked->len;
}

/* A search in the window (a project indexed in the background) while
 * another program holds the file answers at once from the index: the text
 * that waits is left out (dossier_project_count_unindexed () says so) and
 * left to the thread, which indexes it once the file is free. The search
 * indexed it itself, on the window's thread: it waited SQLite's busy
 * timeout, 5 s, then failed, the window frozen meanwhile. */
static void
test_background_search_leaves_indexing (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("search-busy", "Test", &dir, &path);
  sqlite3 *other;
  guint n_said = 0;
  gint64 id;

  add_doc (project, "Slipway", "The heron waits on the slipway.");
  id = reopen_with_text_waiting (&project, path, &n_said);
  other = hold_while_indexing (project, path);

  g_assert_cmpuint (count_both (project, "cormorant"), ==, 0);
  g_assert_cmpuint (count_both (project, "heron"), ==, 1);
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 1);
  /* The thread's next try stays where it was: the search started none. */
  g_assert_null (project->indexer);
  g_assert_nonnull (project->index_retry);

  let_go_and_index (project, other, id, n_said);
  g_assert_cmpuint (count_both (project, "cormorant"), ==, 1);

  test_finish_project (&project, &dir, &path);
}

/* Indexed at once (dossier-cli, a program without a main loop): both
 * searches index what a crash left waiting before they answer. */
static void
test_at_once_search_indexes (TestProject   *f,
                             gconstpointer  data)
{
  gint64 id = add_doc (f->project, "Harbour", "The cormorant nests on the breakwater.");

  unindex_behind_the_back (f->path, id);
  g_assert_cmpuint (dossier_project_count_unindexed (f->project), ==, 1);
  g_assert_cmpuint (count_both (f->project, "cormorant"), ==, 1);
  g_assert_cmpuint (dossier_project_count_unindexed (f->project), ==, 0);
}

/* The list is part of the schema of this version; a stored text leaves
 * nothing on it once indexed. */
static void
test_schema (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierProject) project = test_create_project ("migrated", "Test", &dir, &path);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = add_doc (project, "Harbour", "The cormorant nests on the breakwater.");
  g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
  g_assert_true (finds (project, "cormorant", id));
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema "
                                       "WHERE name = 'documents_unindexed'"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, DOSSIER_SCHEMA_VERSION);

  test_finish_project (&project, &dir, &path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/index/at-once", TestProject, NULL,
              test_project_set_up, test_at_once, test_project_tear_down);
  g_test_add_func ("/dossier/index/at-once-several", test_at_once_several);
  g_test_add_func ("/dossier/index/background", test_background);
  g_test_add_func ("/dossier/index/close-while-indexing", test_close_while_indexing);
  g_test_add_func ("/dossier/index/killed-before-indexing", test_killed_before_indexing);
  g_test_add_func ("/dossier/index/undo-import", test_undo_import);
  g_test_add_func ("/dossier/index/background-rebuild-said", test_background_rebuild_said);
  g_test_add_func ("/dossier/index/indexing-damaged-rebuilt", test_indexing_damaged_rebuilt);
  g_test_add_func ("/dossier/index/background-busy-not-said", test_background_busy_not_said);
  g_test_add_func ("/dossier/index/background-busy-waits", test_background_busy_waits);
  g_test_add_func ("/dossier/index/background-search-leaves-indexing",
                   test_background_search_leaves_indexing);
  g_test_add ("/dossier/index/at-once-search-indexes", TestProject, NULL,
              test_project_set_up, test_at_once_search_indexes, test_project_tear_down);
  g_test_add_func ("/dossier/index/background-full-disk-tried-later",
                   test_background_full_disk_tried_later);
  g_test_add_func ("/dossier/index/schema", test_schema);

  return g_test_run ();
}
