/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-util.c — helpers shared by the tests (see test-util.h). */

/* F_OFD_GETLK */
#define _GNU_SOURCE

#include "config.h"

#include "test-util.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dossier-project-private.h"

GBytes *
test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

char *
test_make_tmp_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("dossier-test-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char *
test_list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* The array holds pointers to the names. */
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

guint
test_count_occurrences (const char *text,
                        const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (!S_ISDIR (st.st_mode))
    {
      g_unlink (path);
      return;
    }

  /* A test may have taken the write bit away to see a write fail. */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

DossierParsedDocument *
make_doc (const char *title,
          const char *text)
{
  DossierParsedDocument *doc = dossier_parsed_document_new ();
  DossierBlock block = { 0, dossier_text_length (text), DOSSIER_BLOCK_PARAGRAPH, 0 };

  doc->title = g_strdup (title);
  doc->format = g_strdup ("text");
  doc->text = g_strdup (text);
  doc->original = g_bytes_new (text, strlen (text));
  g_array_append_val (doc->blocks, block);

  return doc;
}

gint64
add_parsed_doc (DossierProject        *project,
                DossierParsedDocument *doc)
{
  g_autoptr(DossierParsedDocument) owned = doc;
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_document (project, owned, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
add_doc (DossierProject *project,
         const char     *title,
         const char     *text)
{
  return add_parsed_doc (project, make_doc (title, text));
}

gint64
add_markdown_doc (DossierProject *project,
                  const char     *text,
                  const char     *outlet,
                  const char     *published)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_MARKDOWN,
                                                     "article.md", &error);

  g_assert_no_error (error);
  g_free (doc->outlet);
  doc->outlet = g_strdup (outlet);
  g_free (doc->published);
  doc->published = g_strdup (published);
  return add_parsed_doc (project, doc);
}

void
text_range (const char *text,
            const char *needle,
            gint64     *start,
            gint64     *end)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  *start = g_utf8_pointer_to_offset (text, at);
  *end = *start + g_utf8_strlen (needle, -1);
}

GPtrArray *
resolve_body (DossierProject *project,
              const char     *body)
{
  g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (body);
  g_autoptr(GError) error = NULL;
  GPtrArray *citations = dossier_project_resolve_citations (project, root, &error);

  g_assert_no_error (error);
  g_assert_nonnull (citations);
  return citations;
}

gint64
add_phrase_highlight (DossierProject *project,
                      gint64          document,
                      const char     *phrase,
                      gint64          tag,
                      char          **uuid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dossier_project_get_document_text (project, document, &error);
  g_autoptr(DossierHighlight) h = NULL;
  const char *at;
  gint64 start, id;

  g_assert_no_error (error);
  at = strstr (text, phrase);
  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  id = dossier_project_add_highlight (project, document, start, start + g_utf8_strlen (phrase, -1),
                                      &tag, tag != 0 ? 1 : 0, NULL, &error);
  g_assert_no_error (error);
  h = dossier_project_get_highlight (project, id, &error);
  g_assert_no_error (error);
  if (uuid != NULL)
    *uuid = g_strdup (dossier_highlight_get_uuid (h));
  return id;
}

gint64
add_tag (DossierProject *project,
         const char     *name,
         gint64          parent)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_tag (project, name, parent, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

int
test_pages_fetched (DossierProject *project)
{
  sqlite3 *db = dossier_project_get_db (project);
  int hits = 0, misses = 0, highwater;

  sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_HIT, &hits, &highwater, TRUE);
  sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_MISS, &misses, &highwater, TRUE);
  return hits + misses;
}

void
assert_project_sound (DossierProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  g_assert_true (dossier_project_check (project, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "");
}

DossierProject *
test_create_project (const char  *name,
                     const char  *title,
                     char       **dir,
                     char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = test_make_tmp_dir (name);
  g_autofree char *file = g_strconcat (name, ".dossier", NULL);
  g_autofree char *full = g_build_filename (folder, file, NULL);
  DossierProject *project = dossier_project_create (full, title, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  *dir = g_steal_pointer (&folder);
  if (path != NULL)
    *path = g_steal_pointer (&full);

  return project;
}

void
test_finish_project (DossierProject **project,
                     char           **dir,
                     char           **path)
{
  if (*project != NULL)
    {
      assert_project_sound (*project);
      g_assert_finalize_object (g_steal_pointer (project));
    }
  if (*dir != NULL)
    remove_tree (*dir);
  g_clear_pointer (dir, g_free);
  if (path != NULL)
    g_clear_pointer (path, g_free);
}

void
test_project_set_up (TestProject   *fixture,
                     gconstpointer  data)
{
  fixture->project = test_create_project ("project", "Test", &fixture->dir, &fixture->path);
}

void
test_project_tear_down (TestProject   *fixture,
                        gconstpointer  data)
{
  test_finish_project (&fixture->project, &fixture->dir, &fixture->path);
}

void
flush_events (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
wait_until (TestCondition  condition,
            gpointer       data,
            const char    *what)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GPtrArray *
import_and_wait (DossierProject  *project,
                 GFile          **files,
                 guint            n_files,
                 GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dossier_project_import_files_async (project, files, n_files, DOSSIER_FORMAT_AUTO, NULL, NULL,
                                      on_imported, &result);
  wait_until (has_result, &result, "the import");
  return dossier_project_import_files_finish (project, result, error);
}

/* ---- Project files made behind the core's back --------------------------- */

void
test_dir_set_up (TestDir       *fixture,
                 gconstpointer  data)
{
  fixture->dir = test_make_tmp_dir ("files");
}

void
test_dir_tear_down (TestDir       *fixture,
                    gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

char *
test_dir_path (TestDir    *fixture,
               const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("cannot open %s: %s", path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 5000);

  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

void
test_sql_exec (const char *path,
               const char *sql)
{
  sqlite3 *db = raw_open (path);

  raw_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
test_sql_exec_in_wal (const char *path,
                      const char *sql)
{
  sqlite3 *db = raw_open (path);

  raw_exec (db, "PRAGMA wal_autocheckpoint = 0");
  raw_exec (db, sql);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
test_sql_exec_unchecked (const char *path,
                         const char *table,
                         const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *original = NULL;
  char *update;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  original = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  update = sqlite3_mprintf ("PRAGMA writable_schema = ON;"
                            "UPDATE sqlite_schema SET sql = replace (%Q, 'NOT NULL', '') "
                            "WHERE name = %Q;", original, table);
  raw_exec (db, update);
  sqlite3_free (update);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  db = raw_open (path);
  raw_exec (db, "PRAGMA ignore_check_constraints = ON");
  raw_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  db = raw_open (path);
  update = sqlite3_mprintf ("PRAGMA writable_schema = ON;"
                            "UPDATE sqlite_schema SET sql = %Q WHERE name = %Q;", original, table);
  raw_exec (db, update);
  sqlite3_free (update);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* @sql's first value from @db, which it closes. */
static gint64
int_and_close (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return value;
}

void
test_break_search_index_page (const char *path,
                              gint64      document_id)
{
  static const guchar garbage[16] = { 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
  g_autofree char *waiting = NULL;
  gint64 page, page_size;
  int fd;

  /* Its last page (where the next texts' words go) made no page at all,
   * and a text waiting to be indexed. */
  page = test_sql_int (path, "SELECT pageno FROM dbstat WHERE name = 'documents_fts_data' "
                             "AND pagetype = 'leaf' ORDER BY path DESC LIMIT 1");
  page_size = test_sql_int (path, "PRAGMA page_size");
  g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM dbstat "
                                       "WHERE name = 'documents_fts_data' AND pagetype = 'leaf'"),
                   >, 2);
  waiting = g_strdup_printf ("INSERT INTO documents_unindexed (document) VALUES (%" G_GINT64_FORMAT ")",
                             document_id);
  test_sql_exec (path, waiting);

  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, (page - 1) * page_size), ==, sizeof garbage);
  g_assert_cmpint (close (fd), ==, 0);
}

gint64
test_sql_int (const char *path,
              const char *sql)
{
  return int_and_close (raw_open (path), sql);
}

char *
test_sql_text (const char *path,
               const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return value;
}

gint64
test_sql_int_file_alone (const char *path,
                         const char *sql)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  sqlite3 *db = NULL;

  /* immutable: SQLite neither reads the log nor takes a lock, so the
   * answer is the file's bytes alone, whoever has it open. */
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    g_error ("cannot open %s: %s", path, sqlite3_errmsg (db));
  return int_and_close (db, sql);
}

int
test_sqlite_largest_allocation (void)
{
  int current = 0, largest = 0;

  sqlite3_status (SQLITE_STATUS_MALLOC_SIZE, &current, &largest, TRUE);
  return largest;
}

gint64
test_make_project (const char *path,
                   const char *text)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  project = dossier_project_create (path, "Files test", &error);
  g_assert_no_error (error);

  g_assert_cmpint (add_tag (project, "Pro", 0), ==, 1);
  g_assert_cmpint (add_tag (project, "Con", 0), ==, 2);
  id = add_doc (project, "Harbour ferry", text);

  dossier_project_close (project);
  return id;
}

/* ---- Snapshots ------------------------------------------------------------ */

static const char * const companions[] = { "", "-wal", "-shm", "-journal", ".lock" };

struct _TestFiles
{
  char   *path;
  GBytes *bytes[G_N_ELEMENTS (companions)];   /* NULL: absent */
};

TestFiles *
test_files_snapshot (const char *path)
{
  TestFiles *files = g_new0 (TestFiles, 1);

  files->path = g_strdup (path);
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *name = g_strconcat (path, companions[i], NULL);
      char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (name, &contents, &length, NULL))
        files->bytes[i] = g_bytes_new_take (contents, length);
    }

  return files;
}

static void
assert_same (TestFiles *before,
             gboolean   shm_data)
{
  g_autoptr(TestFiles) after = test_files_snapshot (before->path);

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *name = g_strconcat (before->path, companions[i], NULL);

      if (before->bytes[i] == NULL)
        {
          if (after->bytes[i] != NULL)
            g_error ("%s was created", name);
          continue;
        }
      if (after->bytes[i] == NULL)
        g_error ("%s was deleted", name);
      if (!shm_data && g_str_equal (companions[i], "-shm"))
        continue;
      if (!g_bytes_equal (before->bytes[i], after->bytes[i]))
        g_error ("%s was changed (%zu bytes, now %zu)", name,
                 g_bytes_get_size (before->bytes[i]), g_bytes_get_size (after->bytes[i]));
    }
}

void
test_files_assert_same (TestFiles *before)
{
  assert_same (before, TRUE);
}

void
test_files_assert_same_data (TestFiles *before)
{
  assert_same (before, FALSE);
}

void
test_files_free (TestFiles *files)
{
  if (files == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    g_clear_pointer (&files->bytes[i], g_bytes_unref);
  g_free (files->path);
  g_free (files);
}

/* ---- dossier-cli ------------------------------------------------------------- */

void
test_run_clear (TestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
test_run_cli (TestRun    *run,
              const char *first,
              ...)
{
  const char *cli = g_getenv ("DOSSIER_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  test_run_clear (run);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    g_error ("dossier-cli %s died of signal %d; stderr: %s", first,
             WIFSIGNALED (wait_status) ? WTERMSIG (wait_status) : -1, run->err);
  run->status = WEXITSTATUS (wait_status);

  if (strstr (run->err, "CRITICAL") != NULL || strstr (run->err, "WARNING") != NULL ||
      strstr (run->err, "Sanitizer") != NULL || strstr (run->err, "runtime error") != NULL)
    g_error ("dossier-cli %s said: %s", first, run->err);
  {
    const char *newline = strchr (run->err, '\n');

    if (newline != NULL && newline[1] != '\0')
      g_error ("dossier-cli %s wrote more than one line on stderr: %s", first, run->err);
  }
}

/* ---- A full disk ------------------------------------------------------------ */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* follows this struct */
} FullFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs full_vfs;
static gint64 full_room = -1;
static gint64 full_written;

#define REAL(file) (((FullFile *) (file))->real)

static int
full_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
full_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
full_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  if (full_room >= 0 && full_written + amount > full_room)
    return SQLITE_FULL;
  full_written += amount;
  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
full_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
full_sync (sqlite3_file *file, int flags)
{
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
full_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
full_lock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
full_unlock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
full_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
full_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
full_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
full_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
full_shm_map (sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
  /* No room at all: not even for the shared memory of a log, as SQLite
   * finds it on a full disk (its system error too). */
  if (extend && full_room == 0)
    {
      errno = ENOSPC;
      return SQLITE_IOERR_SHMSIZE;
    }
  return REAL (file)->pMethods->xShmMap (REAL (file), page, size, extend, out);
}

static int
full_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
full_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
full_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
full_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
full_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *p)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, p);
}

static const sqlite3_io_methods full_methods = {
  3,
  full_close, full_read, full_write, full_truncate, full_sync, full_file_size,
  full_lock, full_unlock, full_check_reserved_lock, full_file_control,
  full_sector_size, full_device_characteristics,
  full_shm_map, full_shm_lock, full_shm_barrier, full_shm_unmap,
  full_fetch, full_unfetch,
};

static int
full_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  FullFile *full = (FullFile *) file;
  int rc;

  full->real = (sqlite3_file *) (full + 1);
  rc = real_vfs->xOpen (real_vfs, name, full->real, flags, out_flags);
  /* SQLite calls xClose only on a file whose methods are set. */
  full->base.pMethods = full->real->pMethods != NULL ? &full_methods : NULL;
  return rc;
}

static int
full_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
full_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
full_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void
full_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  full_vfs = *real_vfs;
  full_vfs.zName = "dossier-test-full";
  full_vfs.szOsFile = sizeof (FullFile) + real_vfs->szOsFile;
  full_vfs.pNext = NULL;
  full_vfs.xOpen = full_open;
  full_vfs.xDelete = full_delete;
  full_vfs.xAccess = full_access;
  full_vfs.xFullPathname = full_full_pathname;
  g_assert_cmpint (sqlite3_vfs_register (&full_vfs, 1), ==, SQLITE_OK);
}

void
test_full_disk_set_room (gint64 room)
{
  full_install ();
  full_room = room;
  full_written = 0;
}

gint64
test_full_disk_get_written (void)
{
  return full_written;
}

/* A counter of SQLite's, summed over the statements of the connection. */
static guint64
statement_status_sum (DossierProject *project,
                      int             counter)
{
  sqlite3 *db = dossier_project_get_db (project);
  guint64 sum = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    sum += sqlite3_stmt_status (stmt, counter, FALSE);
  return sum;
}

guint64
test_statement_runs (DossierProject *project)
{
  return statement_status_sum (project, SQLITE_STMTSTATUS_RUN);
}

guint64
test_statement_steps (DossierProject *project)
{
  return statement_status_sum (project, SQLITE_STMTSTATUS_VM_STEP);
}

/* Where SQLite's unix VFS locks (os_unix.c): a connection to a file in WAL
 * mode holds a read lock on the file's SHARED range and one on byte 128
 * of its shared memory (DMS) for as long as it is open. Another process
 * that finds them gone takes itself for the only one: it rebuilds the
 * shared memory, or checkpoints and deletes the log, under our feet. */
#define SQLITE_SHARED_FIRST (0x40000000 + 2)
#define SQLITE_SHARED_SIZE  510
#define SQLITE_SHM_DMS      128

/* Whether any process — this one included: a lock on an open file
 * description (F_OFD_GETLK) conflicts with this process's own POSIX locks,
 * which F_GETLK does not show it — holds a lock on @len bytes from @start
 * of @fd's file that a write lock would wait for. */
static gboolean
lock_held (int   fd,
           off_t start,
           off_t len)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start,
                        .l_len = len, .l_pid = 0 };

  g_assert_cmpint (fcntl (fd, F_OFD_GETLK, &lock), ==, 0);
  return lock.l_type != F_UNLCK;
}

gboolean
test_project_lock_held (int fd)
{
  return lock_held (fd, SQLITE_SHARED_FIRST, SQLITE_SHARED_SIZE);
}

gboolean
test_shm_lock_held (int fd)
{
  return lock_held (fd, SQLITE_SHM_DMS, 1);
}

gboolean
test_project_lock_held_at (const char *path)
{
  pid_t child = fork ();
  int status = 0;

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      int fd = open (path, O_RDONLY | O_CLOEXEC);

      _exit (fd < 0 ? 2 : test_project_lock_held (fd) ? 0 : 1);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), <, 2);
  return WEXITSTATUS (status) == 0;
}

GBytes *
test_read_bytes_elsewhere (const char *path)
{
  g_autoptr(GSubprocess) cat = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  cat = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "cat", "--", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (cat, NULL, NULL, &bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (cat));

  return g_steal_pointer (&bytes);
}

void
test_write_over_elsewhere (const char *path,
                           GBytes     *bytes)
{
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GError) error = NULL;

  /* The shell's > truncates the file and writes into it: the same inode. */
  shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error,
                            "sh", "-c", "cat > \"$1\"", "sh", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (shell, bytes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (shell));
}

/* ---- Lists that let go of what they say is gone ---------------------------- */

struct _TestRemovalWatch
{
  DossierProject *project;
  GListModel     *model;
  TestFindItem    find;
  GPtrArray      *mirror;     /* the model's items as its signals said */
  guint           n_removed;
};

static void
removal_watch_items_changed (GListModel       *model,
                             guint             position,
                             guint             removed,
                             guint             added,
                             TestRemovalWatch *watch)
{
  for (guint i = 0; i < removed; i++)
    {
      gpointer item = g_ptr_array_index (watch->mirror, position + i);

      if (watch->find (watch->project, item))
        g_error ("the list says %s %p is gone, and the project still returns it",
                 G_OBJECT_TYPE_NAME (item), item);
    }
  watch->n_removed += removed;
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (model, position + i));
}

TestRemovalWatch *
test_removal_watch_new (DossierProject *project,
                        GListModel     *model,
                        TestFindItem    find)
{
  TestRemovalWatch *watch = g_new0 (TestRemovalWatch, 1);
  guint n = g_list_model_get_n_items (model);

  watch->project = project;
  watch->model = g_object_ref (model);
  watch->find = find;
  watch->mirror = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (watch->mirror, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (removal_watch_items_changed), watch);
  return watch;
}

guint
test_removal_watch_get_n_removed (TestRemovalWatch *watch)
{
  return watch->n_removed;
}

void
test_removal_watch_free (TestRemovalWatch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->model, watch);
  g_object_unref (watch->model);
  g_ptr_array_unref (watch->mirror);
  g_free (watch);
}
