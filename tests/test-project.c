/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-project.c — the project file: create, open, refuse, lock, save as,
 * check; documents and the codebook tree.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <dossier/dossier.h>

#include "dossier-project-private.h"
#include "test-util.h"

/* ---- Helpers -------------------------------------------------------------- */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_tmp_dir ("project");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static DossierProject *
create_project (Fixture    *fixture,
                const char *name)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr(GError) error = NULL;
  DossierProject *project;

  project = dossier_project_create (path, "Harbour inquiry", &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
run_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
lock_file_exists (const char *path)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);

  return g_file_test (lock_path, G_FILE_TEST_EXISTS);
}

static void
assert_no_companions (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (companion, G_FILE_TEST_EXISTS));
    }
}

/* Opens @path, expects @code, and checks the file was left alone. */
static void
assert_refused (const char *path,
                DossierOpenFlags flags,
                int         code)
{
  g_autoptr(GBytes) before = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? test_read_bytes (path) : NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = dossier_project_open (path, flags, &error);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, code);
  g_assert_null (project);

  /* One sentence, naming the file. */
  {
    g_autofree char *name = g_path_get_basename (path);

    g_assert_nonnull (strstr (error->message, name));
    g_assert_null (strchr (error->message, '\n'));
  }

  if (before != NULL)
    {
      g_autoptr(GBytes) after = test_read_bytes (path);

      g_assert_true (g_bytes_equal (before, after));
      assert_no_companions (path);
    }
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* ---- Create, open, close ------------------------------------------------- */

static void
test_create_open (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "inquiry.dossier");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  gint64 doc;
  gint64 tag;

  project = dossier_project_create (path, "Harbour inquiry", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_title (project), ==, "Harbour inquiry");
  g_assert_true (g_uuid_string_is_valid (dossier_project_get_uuid (project)));
  g_assert_false (dossier_project_get_read_only (project));
  g_assert_false (dossier_project_get_can_undo (project));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 0);
  uuid = g_strdup (dossier_project_get_uuid (project));

  doc = add_doc (project, "Ferry fares", "Fares rise by a fifth, the council says.");
  tag = add_tag (project, "Cost", 0);
  g_assert_cmpint (dossier_project_tag_range (project, doc, 0, 5, tag, &error), >, 0);
  g_assert_no_error (error);

  /* Creating over an existing file is refused and leaves it alone. */
  {
    g_autoptr(GBytes) before = test_read_bytes_elsewhere (path);
    g_autoptr(DossierProject) other = dossier_project_create (path, "Other", &error);
    g_autoptr(GBytes) after = test_read_bytes_elsewhere (path);

    g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
    g_assert_null (other);
    g_assert_true (g_bytes_equal (before, after));
    g_assert_true (test_project_lock_held_at (path));
    g_clear_error (&error);
  }

  dossier_project_close (project);
  g_assert_false (lock_file_exists (path));

  /* A closed project refuses work without crashing. */
  g_assert_null (dossier_project_get_document_text (project, doc, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO);
  g_clear_error (&error);

  again = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_title (again), ==, "Harbour inquiry");
  g_assert_cmpstr (dossier_project_get_uuid (again), ==, uuid);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (again)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (again)), ==, 1);
  text = dossier_project_get_document_text (again, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Fares rise by a fifth, the council says.");
  g_assert_cmpuint (dossier_document_get_n_highlights (dossier_project_get_document (again, doc)), ==, 1);
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_get_tag (again, tag)), ==, 1);

  /* The file is what the design says it is. */
  {
    sqlite3 *db = dossier_project_get_db (again);
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, DOSSIER_APPLICATION_ID);
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, DOSSIER_SCHEMA_VERSION);
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }

  /* Title: one undoable action. */
  g_assert_true (dossier_project_set_title (again, "Harbour inquiry, 2024", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_title (again), ==, "Harbour inquiry, 2024");
  g_assert_false (dossier_project_set_title (again, "   ", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (dossier_project_undo (again, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_title (again), ==, "Harbour inquiry");
}

static void
test_default_title (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "Ferry Study.dossier");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = dossier_project_create (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_title (project), ==, "Ferry Study");
}

/* ---- Refusals ---------------------------------------------------------------- */

static void
test_refuse_text_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "notes.dossier");
  const char text[] = "Notes on the ferry study, not a project at all.\n";

  write_bytes (path, text, strlen (text));
  assert_refused (path, DOSSIER_OPEN_READ_WRITE, DOSSIER_PROJECT_ERROR_NOT_SQLITE);
  assert_refused (path, DOSSIER_OPEN_READ_ONLY, DOSSIER_PROJECT_ERROR_NOT_SQLITE);

  /* Empty and short files too. */
  write_bytes (path, "", 0);
  assert_refused (path, DOSSIER_OPEN_READ_WRITE, DOSSIER_PROJECT_ERROR_NOT_SQLITE);
  write_bytes (path, "SQLite format 3", 16);
  assert_refused (path, DOSSIER_OPEN_READ_WRITE, DOSSIER_PROJECT_ERROR_NOT_SQLITE);
}

static void
test_refuse_png (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "picture.dossier");
  guchar png[256] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

  for (guint i = 16; i < sizeof png; i++)
    png[i] = (guchar) (i * 7);
  write_bytes (path, png, sizeof png);
  assert_refused (path, DOSSIER_OPEN_READ_WRITE, DOSSIER_PROJECT_ERROR_NOT_SQLITE);
}

static void
test_refuse_foreign_sqlite (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "contacts.dossier");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ana');"
                "PRAGMA application_id = 1234");
  sqlite3_close (db);

  assert_refused (path, DOSSIER_OPEN_READ_WRITE, DOSSIER_PROJECT_ERROR_NOT_PROJECT);
  assert_refused (path, DOSSIER_OPEN_READ_ONLY, DOSSIER_PROJECT_ERROR_NOT_PROJECT);
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "future.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  dossier_project_close (project);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %d", DOSSIER_SCHEMA_VERSION + 1);
  exec_sql (db, sql);
  exec_sql (db, "PRAGMA journal_mode = DELETE");
  sqlite3_close (db);

  assert_refused (path, DOSSIER_OPEN_READ_WRITE, DOSSIER_PROJECT_ERROR_NEWER_SCHEMA);
  assert_refused (path, DOSSIER_OPEN_READ_ONLY, DOSSIER_PROJECT_ERROR_NEWER_SCHEMA);
}

static void
test_refuse_directory (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "folder.dossier");

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  assert_refused (path, DOSSIER_OPEN_READ_WRITE, DOSSIER_PROJECT_ERROR_NOT_PROJECT);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

static void
test_refuse_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "nowhere.dossier");

  assert_refused (path, DOSSIER_OPEN_READ_WRITE, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  assert_refused (path, DOSSIER_OPEN_READ_ONLY, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_companions (path);
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "archived.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autoptr(DossierProject) viewer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 doc;

  doc = add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  dossier_project_close (project);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  assert_refused (path, DOSSIER_OPEN_READ_WRITE, DOSSIER_PROJECT_ERROR_READ_ONLY);

  /* Read-only on purpose works, and refuses changes. */
  viewer = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_get_read_only (viewer));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (viewer)), ==, 1);
  g_assert_cmpint (dossier_project_add_tag (viewer, "Cost", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (dossier_project_delete_document (viewer, doc, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (dossier_project_get_can_undo (viewer));
  g_assert_false (lock_file_exists (path));

  g_chmod (path, 0644);
}

/* The names in @dir are @expected (test_list_dir ()). */
static void
assert_listed (const char *dir,
               const char *expected)
{
  g_autofree char *listed = test_list_dir (dir);

  g_assert_cmpstr (listed, ==, expected);
}

/* Read-only use leaves the folder as it was: SQLite reads a file in WAL
 * mode through a log and shared memory beside it, which a read-only
 * connection makes, empty, and cannot take away; a project opened
 * read-only (to read, to be checked, a file nobody may write, alongside a
 * writer) leaves none of them once closed. Its connection still refuses
 * every change, and sees a writer's. */
static void
test_read_only_leaves_folder (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "shelf.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *before = NULL;
  g_autoptr(DossierProject) viewer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  g_clear_object (&project);
  before = test_list_dir (fixture->dir);
  g_assert_cmpstr (before, ==, "shelf.dossier");

  viewer = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (viewer)), ==, 1);
  g_assert_cmpint (sqlite3_exec (dossier_project_get_db (viewer), "DELETE FROM documents",
                                 NULL, NULL, NULL), ==, SQLITE_READONLY);
  g_clear_object (&viewer);
  assert_listed (fixture->dir, before);

  viewer = dossier_project_open (path, DOSSIER_OPEN_INSPECT, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_check (viewer, &report, &error));
  g_assert_no_error (error);
  g_clear_object (&viewer);
  assert_listed (fixture->dir, before);

  /* Alongside a writer, who closes first: the reader sees its change,
   * and, the last to close the file, leaves nothing beside it. */
  viewer = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  add_doc (project, "Ferry", "The ferry runs while the pier is shut.");
  g_clear_object (&project);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (dossier_project_get_db (viewer), "SELECT count(*) FROM documents", -1,
                        &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    sqlite3_finalize (stmt);
  }
  g_clear_object (&viewer);
  assert_listed (fixture->dir, before);

  /* A file nobody may write. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  viewer = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (viewer)), ==, 2);
  g_clear_object (&viewer);
  g_chmod (path, 0644);
  assert_listed (fixture->dir, before);
}

/* A project in rollback (DELETE) journal mode, as a file from elsewhere
 * may be, opened read-only and read leaves nothing beside it once closed
 * (7f34745: its log index was mapped, making a -shm SQLite never took
 * away), and its bytes as they were. */
static void
test_read_only_rollback_leaves_folder (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "mailed.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autoptr(DossierProject) viewer = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *text = NULL;
  sqlite3 *db = NULL;
  gint64 doc;

  doc = add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  g_clear_object (&project);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "PRAGMA journal_mode = DELETE");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  assert_listed (fixture->dir, "mailed.dossier");
  before = test_read_bytes (path);

  viewer = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (viewer)), ==, 1);
  text = dossier_project_get_document_text (viewer, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "The pier closes for repairs in May.");
  g_clear_object (&viewer);
  assert_listed (fixture->dir, "mailed.dossier");

  viewer = dossier_project_open (path, DOSSIER_OPEN_INSPECT, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_check (viewer, &report, &error));
  g_assert_no_error (error);
  g_clear_object (&viewer);
  assert_listed (fixture->dir, "mailed.dossier");

  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* What a process that cannot write @folder (not root: root writes any
 * folder) finds opening @path in it: 0 if read-only works, shows the
 * document, leaves the folder as it was, and a writable open says to open
 * it read-only; else which of these failed. */
static int
open_in_unwritable_folder (const char *folder,
                           const char *path)
{
  g_autoptr(DossierProject) viewer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    return 10;
  if (access (folder, W_OK) == 0)
    return 11;

  viewer = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  if (viewer == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_list_model_get_n_items (dossier_project_get_documents (viewer)) != 1)
    return 2;
  g_clear_object (&viewer);

  viewer = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  if (!g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY))
    return 3;

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n_files++;
  return n_files == 1 ? 0 : 4;
}

/* A project in a folder it cannot write (a read-only share, a disc,
 * someone else's folder) opens read-only, as the refusal to open it for
 * writing says: SQLite cannot make the shared memory it reads a file in
 * WAL mode with beside it, so the file is read as it is on disk. */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = path_in (fixture, "shelf");
  g_autofree char *path = g_build_filename (folder, "archived.dossier", NULL);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestFiles) before = NULL;
  int status;
  pid_t pid;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  project = dossier_project_create (path, "Archive", &error);
  g_assert_no_error (error);
  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  g_clear_object (&project);
  before = test_files_snapshot (path);

  /* Readable by anyone, written by nobody. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (open_in_unwritable_folder (folder, path));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_chmod (folder, 0755);

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  test_files_assert_same (before);
}

/* ---- The file moved under an open project ------------------------------------ */

typedef enum
{
  MOVE_RENAME,
  MOVE_DELETE,
  MOVE_REPLACE_PROJECT,
  MOVE_REPLACE_TEXT,
  MOVE_COPY_IN_PLACE,
} MoveKind;

/* The project file moved, deleted or replaced (by another project, by a
 * text) while open: SQLite would go on writing into the file it has open —
 * gone at close when deleted, and what its log held left beside whatever
 * has the name now. The next change is refused, saying so, and writes
 * nothing anywhere; Save As still copies the session's work; closing puts
 * that work into the file it belongs to (moved: there, complete) and
 * leaves the replacement as it was, with no log of ours beside a file
 * that is gone. */
static void
assert_move_refused (Fixture  *fixture,
                     MoveKind  kind)
{
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *moved = path_in (fixture, "moved.dossier");
  g_autofree char *copy = path_in (fixture, "copy.dossier");
  g_autofree char *other_path = path_in (fixture, "other.dossier");
  g_autoptr(GBytes) replacement = NULL;
  g_autoptr(DossierProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  int code = kind == MOVE_COPY_IN_PLACE ? DOSSIER_PROJECT_ERROR_REPLACED
                                        : DOSSIER_PROJECT_ERROR_MOVED;

  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");

  switch (kind)
    {
    case MOVE_RENAME:
      g_assert_cmpint (g_rename (path, moved), ==, 0);
      break;
    case MOVE_DELETE:
      g_assert_cmpint (g_unlink (path), ==, 0);
      break;
    case MOVE_REPLACE_PROJECT:
      {
        g_autoptr(DossierProject) other = create_project (fixture, "other.dossier");

        add_doc (other, "Ferry", "The ferry runs all winter.");
        add_doc (other, "Bridge", "The bridge opens in June.");
      }
      g_assert_cmpint (g_rename (other_path, path), ==, 0);
      replacement = test_read_bytes (path);
      break;
    case MOVE_REPLACE_TEXT:
      write_bytes (path, "Not a project.\n", 15);
      replacement = test_read_bytes (path);
      break;
    case MOVE_COPY_IN_PLACE:
      {
        g_autoptr(DossierProject) other = create_project (fixture, "other.dossier");
        g_autoptr(GBytes) bytes = NULL;
        GStatBuf before, after;

        add_doc (other, "Ferry", "The ferry runs all winter.");
        add_doc (other, "Bridge", "The bridge opens in June.");
        dossier_project_close (other);
        bytes = test_read_bytes (other_path);

        /* cp other.dossier open.dossier: the same file, another content. */
        g_assert_cmpint (g_stat (path, &before), ==, 0);
        test_write_over_elsewhere (path, bytes);
        g_assert_cmpint (g_stat (path, &after), ==, 0);
        g_assert_cmpuint (before.st_ino, ==, after.st_ino);
        replacement = test_read_bytes_elsewhere (path);
        g_assert_true (test_project_lock_held_at (path));
      }
      break;
    }

  /* Overwritten in place, the file SQLite has open holds another's content
   * now; moved, deleted or another file renamed over it, it is still ours,
   * elsewhere or gone. */
  g_assert_cmpint (dossier_project_add_tag (project, "Costs", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, code);
  if (kind == MOVE_COPY_IN_PLACE)
    g_assert_cmpstr (error->message, ==, "“open.dossier” was overwritten on disk since it was "
                                         "opened (a copy put back over it, or another "
                                         "program), so Dossier saves nothing more into it and "
                                         "leaves what it holds now as it is.");
  else
    g_assert_cmpstr (error->message, ==, "“open.dossier” was moved, deleted or replaced since "
                                         "it was opened, so nothing more can be saved into it.");
  g_clear_error (&error);
  g_assert_true (dossier_project_get_can_undo (project));
  g_assert_false (dossier_project_undo (project, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, code);
  g_clear_error (&error);

  /* The session's work, copied. */
  g_assert_true (dossier_project_save_as (project, copy, &error));
  g_assert_no_error (error);
  g_clear_object (&project);

  reopened = dossier_project_open (copy, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reopened)), ==, 1);
  g_assert_null (dossier_project_find_tag (reopened, "Costs"));
  g_clear_object (&reopened);

  if (kind == MOVE_RENAME)
    {
      reopened = dossier_project_open (moved, DOSSIER_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reopened)), ==, 1);
      assert_project_sound (reopened);
      g_clear_object (&reopened);
    }
  if (replacement != NULL)
    {
      g_autoptr(GBytes) after = test_read_bytes (path);

      g_assert_true (g_bytes_equal (replacement, after));
    }
  if (kind == MOVE_REPLACE_PROJECT || kind == MOVE_COPY_IN_PLACE)
    {
      reopened = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reopened)), ==, 2);
      assert_project_sound (reopened);
      g_clear_object (&reopened);
    }
  if (kind == MOVE_RENAME || kind == MOVE_DELETE)
    assert_no_companions (path);
}

static void
test_moved_while_open (Fixture       *fixture,
                       gconstpointer  data)
{
  assert_move_refused (fixture, GPOINTER_TO_INT (data));
}

/* Save As onto the project's own name once its file was deleted or moved
 * away: refused while the file is there, then the work goes back where it
 * was, and the file there is a project like any other (writes, undo,
 * reopen); a moved file stays complete where it went. */
static void
test_save_as_own_name (Fixture       *fixture,
                       gconstpointer  data)
{
  MoveKind kind = GPOINTER_TO_INT (data);
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *moved = path_in (fixture, "moved.dossier");
  g_autoptr(DossierProject) reopened = NULL;
  g_autoptr(GError) error = NULL;

  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");

  g_assert_false (dossier_project_save_as (project, path, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  if (kind == MOVE_RENAME)
    g_assert_cmpint (g_rename (path, moved), ==, 0);
  else
    g_assert_cmpint (g_unlink (path), ==, 0);

  g_assert_true (dossier_project_save_as (project, path, &error));
  g_assert_no_error (error);
  /* The file this connection has open is still the one that went. */
  g_assert_cmpint (dossier_project_add_tag (project, "Costs", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_MOVED);
  g_clear_error (&error);
  g_clear_object (&project);
  assert_no_companions (path);

  reopened = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reopened)), ==, 1);
  add_tag (reopened, "Costs", 0);
  g_assert_true (dossier_project_undo (reopened, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_find_tag (reopened, "Costs"));
  g_assert_true (dossier_project_redo (reopened, &error));
  g_assert_no_error (error);
  assert_project_sound (reopened);
  g_clear_object (&reopened);
  assert_no_companions (path);

  reopened = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reopened)), ==, 1);
  g_assert_nonnull (dossier_project_find_tag (reopened, "Costs"));
  g_clear_object (&reopened);

  if (kind == MOVE_RENAME)
    {
      reopened = dossier_project_open (moved, DOSSIER_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reopened)), ==, 1);
      g_assert_null (dossier_project_find_tag (reopened, "Costs"));
      assert_project_sound (reopened);
    }
}

/* Our file replaced by another project moved in with its log and shared
 * memory (mv other.dossier* open.dossier*), the other's commits still in
 * its log: closing ours checkpoints what it did into its own file and
 * leaves the other's log and shared memory alone, so the project now at
 * the name opens whole. */
static void
test_replaced_with_log (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *other_path = path_in (fixture, "other.dossier");
  g_autoptr(DossierProject) other = create_project (fixture, "other.dossier");
  g_autoptr(DossierProject) reopened = NULL;
  g_autoptr(GBytes) log = NULL;
  g_autoptr(GBytes) log_after = NULL;
  g_autoptr(GError) error = NULL;
  const char * const companions[] = { "", "-wal", "-shm" };

  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  add_doc (other, "Ferry", "The ferry runs all winter.");
  add_doc (other, "Bridge", "The bridge opens in June.");

  /* The other project's last commits stay in its log, as after a crash. */
  sqlite3_db_config (dossier_project_get_db (other), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_clear_object (&other);
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (other_path, companions[i], NULL);
      g_autofree char *to = g_strconcat (path, companions[i], NULL);

      g_assert_cmpint (g_rename (from, to), ==, 0);
    }
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    log = test_read_bytes (wal);
    g_assert_cmpuint (g_bytes_get_size (log), >, 0);
  }

  g_assert_cmpint (dossier_project_add_tag (project, "Costs", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_MOVED);
  g_clear_error (&error);
  g_clear_object (&project);

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    log_after = test_read_bytes (wal);
    g_assert_true (g_bytes_equal (log, log_after));
  }
  reopened = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reopened)), ==, 2);
  assert_project_sound (reopened);
}

/* ---- The file alone holds every action ------------------------------------------ */

/* Each action reaches the file itself once the main loop is idle, not
 * only the log beside it (whose 1000 pages hold hours of work). */
static void
test_file_alone_action (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  const char *path = dossier_project_get_path (project);
  gint64 doc;

  doc = add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  flush_events ();
  g_assert_cmpint (test_sql_int_file_alone (path, "SELECT count(*) FROM documents"), ==, 1);

  g_assert_cmpint (dossier_project_tag_range (project, doc, 4, 8, add_tag (project, "Costs", 0),
                                              NULL), >, 0);
  flush_events ();
  g_assert_cmpint (test_sql_int_file_alone (path, "SELECT count(*) FROM tags WHERE name = 'Costs'"),
                   ==, 1);
  g_assert_cmpint (test_sql_int_file_alone (path, "SELECT count(*) FROM highlights"), ==, 1);
}

static gboolean
tag_in_file_alone (gpointer path)
{
  return test_sql_int_file_alone (path, "SELECT count(*) FROM tags") == 1;
}

/* A reader holding an older view of the project (another process, an
 * export's or a worker's connection) keeps a checkpoint from copying what
 * came after it: once the reader is done, that reaches the file too,
 * without waiting for another action. */
static void
test_file_alone_reader (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  char *path = (char *) dossier_project_get_path (project);
  sqlite3 *reader = NULL;

  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  flush_events ();

  g_assert_cmpint (sqlite3_open_v2 (path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN; SELECT count(*) FROM documents", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  add_tag (project, "Costs", 0);
  flush_events ();
  g_assert_cmpint (test_sql_int_file_alone (path, "SELECT count(*) FROM tags"), ==, 0);

  g_assert_cmpint (sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (reader), ==, SQLITE_OK);
  wait_until (tag_in_file_alone, path, "the tag in the file alone");
}

/* What a worker's connection stores (an import) reaches the file too,
 * through the main connection: a worker copies nothing into the file
 * itself, even past SQLite's 1000 pages, so the file changes only where
 * the main connection knows it (and the next action is not refused). */
static void
test_file_alone_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  const char *path = dossier_project_get_path (project);
  g_autofree char *article = path_in (fixture, "quay.md");
  g_autoptr(GString) text = g_string_new ("# The quay\n\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;

  /* Over SQLite's 1000 pages of log at once. */
  for (guint i = 0; text->len < 6 * 1024 * 1024; i++)
    g_string_append_printf (text, "Paragraph %u: the quay will be rebuilt in stone, "
                            "stretch %u of the harbour wall first.\n\n", i, i * 7 % 1000);
  write_bytes (article, text->str, text->len);
  file = g_file_new_for_path (article);

  outcomes = import_and_wait (project, &file, 1, &error);
  g_assert_no_error (error);
  g_assert_no_error (((DossierImportOutcome *) g_ptr_array_index (outcomes, 0))->error);

  flush_events ();
  g_assert_cmpint (test_sql_int_file_alone (path, "SELECT count(*) FROM documents"), ==, 1);

  add_tag (project, "Stone", 0);
  flush_events ();
  g_assert_cmpint (test_sql_int_file_alone (path, "SELECT count(*) FROM tags"), ==, 1);
}

/* The file at @path, restored from @backup while *@project had it open:
 * an action is refused with @code (MOVED for a file renamed over it,
 * REPLACED for one overwritten in place), and closing leaves the copy
 * byte for byte as it was put there, whole, with its one document and no
 * tag @later (made after the copy was taken). */
static void
assert_restore_refused (DossierProject **project,
                        const char      *path,
                        GBytes          *backup,
                        const char      *later,
                        int              code)
{
  g_autoptr(DossierProject) reopened = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dossier_project_add_tag (*project, "Repairs", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, code);
  g_clear_error (&error);
  flush_events ();
  g_clear_object (project);
  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (backup, after));

  reopened = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reopened)), ==, 1);
  g_assert_null (dossier_project_find_tag (reopened, later));
  assert_project_sound (reopened);
}

/* A copy of the file taken earlier (a backup) copied back over it in place
 * while it is open (cp backup.dossier open.dossier): the same inode and
 * the same project, which only its content tells from our own checkpoints.
 * The next action is refused as for any other file put in its place, and
 * nothing of ours goes into it: the restored copy stays byte for byte as it
 * was copied, open or closed, and opens whole. */
static void
test_restored_backup (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, restored;

  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  flush_events ();
  backup = test_read_bytes_elsewhere (path);
  g_assert_true (test_project_lock_held_at (path));

  add_doc (project, "Ferry", "The ferry runs all winter.");
  add_tag (project, "Costs", 0);
  flush_events ();

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  test_write_over_elsewhere (path, backup);
  g_assert_cmpint (g_stat (path, &restored), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, restored.st_ino);

  g_assert_false (dossier_project_undo (project, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED);
  g_clear_error (&error);
  flush_events ();
  after = test_read_bytes_elsewhere (path);
  g_assert_true (test_project_lock_held_at (path));
  g_assert_true (g_bytes_equal (backup, after));

  assert_restore_refused (&project, path, backup, "Costs", DOSSIER_PROJECT_ERROR_REPLACED);
}

/* The ways people put a file back, each while the project is open, with
 * an earlier copy of it: each is refused as a replacement and leaves the
 * copy as it was put there, except those that leave the content as it
 * was (touch, a second Dossier reading it), after which work goes on. */
typedef enum
{
  RESTORE_CP_SAME_SIZE,  /* cp of a copy as long as the file: its times and content */
  RESTORE_CP_PRESERVE,   /* cp --preserve=all: the copy's times back too */
  RESTORE_RENAME,        /* mv, rsync, an editor's save: a new file renamed over */
  RESTORE_TOUCH,         /* only the times change */
  RESTORE_READER,        /* a second Dossier opens it read-only, reads, closes */
} RestoreKind;

static void
test_restored_by (Fixture       *fixture,
                  gconstpointer  data)
{
  RestoreKind kind = GPOINTER_TO_INT (data);
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *backup_path = path_in (fixture, "backup.dossier");
  g_autofree char *tmp = path_in (fixture, ".open.dossier.tmp");
  g_autoptr(DossierProject) reopened = NULL;
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same_content = kind == RESTORE_TOUCH || kind == RESTORE_READER;

  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  flush_events ();
  backup = test_read_bytes_elsewhere (path);
  g_assert_true (test_project_lock_held_at (path));
  write_bytes (backup_path, g_bytes_get_data (backup, NULL), g_bytes_get_size (backup));

  /* A tag takes no new page: the copy is as long as the file. */
  if (kind == RESTORE_CP_SAME_SIZE)
    add_tag (project, "Ferry", 0);
  else
    add_doc (project, "Ferry", "The ferry runs all winter.");
  flush_events ();
  if (same_content)
    {
      g_clear_pointer (&backup, g_bytes_unref);
      backup = test_read_bytes_elsewhere (path);
    }

  switch (kind)
    {
    case RESTORE_CP_SAME_SIZE:
      {
        g_autoptr(GBytes) now = test_read_bytes_elsewhere (path);

        g_assert_cmpuint (g_bytes_get_size (now), ==, g_bytes_get_size (backup));
        g_assert_false (g_bytes_equal (now, backup));
        run_command ((const char *[]) { "cp", backup_path, path, NULL });
      }
      break;
    case RESTORE_CP_PRESERVE:
      run_command ((const char *[]) { "cp", "--preserve=all", backup_path, path, NULL });
      break;
    case RESTORE_RENAME:
      write_bytes (tmp, g_bytes_get_data (backup, NULL), g_bytes_get_size (backup));
      g_assert_cmpint (g_rename (tmp, path), ==, 0);
      break;
    case RESTORE_TOUCH:
      run_command ((const char *[]) { "touch", path, NULL });
      break;
    case RESTORE_READER:
      {
        /* A second Dossier as its own program: a fork of this threaded
         * process could inherit a lock another thread held, and hung so
         * once in CI. */
        g_auto(TestRun) run = { 0 };

        test_run_cli (&run, "documents", path, NULL);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_nonnull (strstr (run.out, "Pier repairs"));
        g_assert_nonnull (strstr (run.out, "Ferry"));
      }
      break;
    }

  if (same_content)
    {
      add_tag (project, "Costs", 0);
      flush_events ();
      g_assert_cmpint (test_sql_int_file_alone (path, "SELECT count(*) FROM tags"), ==, 1);
      g_clear_object (&project);
      reopened = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reopened)), ==, 2);
      g_assert_nonnull (dossier_project_find_tag (reopened, "Costs"));
      assert_project_sound (reopened);
      return;
    }

  assert_restore_refused (&project, path, backup, "Ferry",
                          kind == RESTORE_RENAME ? DOSSIER_PROJECT_ERROR_MOVED
                                                 : DOSSIER_PROJECT_ERROR_REPLACED);
}

/* The file touched right after the open, before the main loop ran
 * (bbdca68 hashed its pages in idle time after the open, and took a touch
 * before that was done, the first seconds of a large project, for a
 * replacement): work goes on, into the file. */
static void
test_touched_at_open (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autoptr(GError) error = NULL;

  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  g_clear_object (&project);

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  /* A time of its own, so that the change shows whatever the clock's grain. */
  run_command ((const char *[]) { "touch", "-d", "@1600000000", path, NULL });
  g_assert_cmpint (dossier_project_add_tag (project, "Costs", 0, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  flush_events ();
  g_assert_cmpint (test_sql_int_file_alone (path, "SELECT count(*) FROM tags"), ==, 1);
}

/* The open file emptied or cut short under the project (: > open.dossier,
 * truncate -s 4096, cp of a smaller file over it): reading through the
 * project afterwards (a document's text, its highlights, a search, an
 * action and its checkpoint) must never crash (SQLite read the file
 * through a memory map, and a page past the file's new end is SIGBUS);
 * what cannot be read is refused, as a file overwritten where it is when
 * SQLite finds it damaged. Run in a child, so that a crash fails the test
 * rather than ends the run. */
typedef enum
{
  SHORTEN_EMPTY,      /* : > open.dossier */
  SHORTEN_TRUNCATE,   /* truncate -s 4096 open.dossier */
  SHORTEN_CP_SMALLER, /* cp small.dossier open.dossier */
} ShortenKind;

/* A read from the file cut short: what it gave before (@same), or a
 * refusal saying that the file was overwritten (never what another
 * project's content copied there says: that our document is not there,
 * another's highlights). */
static void
assert_read_or_refused (gboolean   same,
                        GError   **error)
{
  if (*error == NULL)
    g_assert_true (same);
  else
    g_assert_error (*error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED);
  g_clear_error (error);
}

static void
read_shortened (Fixture     *fixture,
                ShortenKind  kind)
{
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *small = path_in (fixture, "small.dossier");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  gint64 doc, tag;

  /* Far more pages than the page cache keeps of a fresh open. */
  for (guint i = 0; text->len < 2 * 1024 * 1024; i++)
    g_string_append_printf (text, "Paragraph %u: the pier needs new piles, section %u first.\n\n",
                            i, i * 13 % 997);
  doc = add_doc (project, "Pier repairs", text->str);
  tag = add_tag (project, "Piles", 0);
  g_assert_cmpint (dossier_project_tag_range (project, doc, 0, 9, tag, NULL), >, 0);
  flush_events ();
  g_clear_object (&project);

  {
    g_autoptr(DossierProject) other = create_project (fixture, "small.dossier");

    dossier_project_close (other);
  }

  /* Opened again, so that the text is not in SQLite's page cache; an
   * action leaves its log holding the file's length as it was. */
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  add_tag (project, "Quay", 0);
  flush_events ();

  switch (kind)
    {
    case SHORTEN_EMPTY:
      g_assert_cmpint (truncate (path, 0), ==, 0);
      break;
    case SHORTEN_TRUNCATE:
      g_assert_cmpint (truncate (path, 4096), ==, 0);
      break;
    case SHORTEN_CP_SMALLER:
      run_command ((const char *[]) { "cp", small, path, NULL });
      break;
    }

  /* Each read gives what it gave before or is refused. */
  read = dossier_project_get_document_text (project, doc, &error);
  assert_read_or_refused (read == NULL || g_str_equal (read, text->str), &error);
  highlights = dossier_project_list_highlights (project, 0, 0, &error);
  assert_read_or_refused (highlights == NULL || highlights->len == 1, &error);
  hits = dossier_project_search (project, "section 500", 0, &error);
  assert_read_or_refused (hits == NULL || hits->len > 0, &error);

  g_assert_cmpint (dossier_project_add_tag (project, "Costs", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED);
  g_clear_error (&error);
  flush_events ();
  g_clear_object (&project);
}

static void
test_shortened (Fixture       *fixture,
                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      read_shortened (fixture, GPOINTER_TO_INT (data));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Another program writing over the file (cp of another project) between
 * two statements of an action: an action looks at the file as it begins
 * and before its commit, not before each statement, so it is its commit
 * (or a statement, if one finds the file changed) that is refused, saying
 * so; nothing of the action goes into the file, which keeps the other's
 * content, and the project stays as it was. */
static void
test_written_over_mid_action (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "open.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *other_path = path_in (fixture, "other.dossier");
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autoptr(GBytes) replacement = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(DossierProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  gint64 doc = add_doc (project, "Pier repairs", "The pier closes for repairs in May.");

  {
    g_autoptr(DossierProject) other = create_project (fixture, "other.dossier");

    add_doc (other, "Ferry", "The ferry runs all winter.");
    add_doc (other, "Bridge", "The bridge opens in June.");
    dossier_project_close (other);
  }
  flush_events ();

  g_assert_true (dossier_action_begin (&action, project, &error));
  g_assert_true (dossier_project_run_ids (project, "UPDATE documents SET title = 'Pier works' WHERE id = ?1",
                                          doc, 0, &error));
  run_command ((const char *[]) { "cp", other_path, path, NULL });
  replacement = test_read_bytes_elsewhere (path);
  g_assert_true (test_project_lock_held_at (path));
  if (dossier_project_run_ids (project, "UPDATE documents SET outlet = 'Gazette' WHERE id = ?1",
                               doc, 0, &error))
    g_assert_false (dossier_action_commit (&action, "Rename", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED);
  g_clear_error (&error);
  dossier_action_clear (&action);

  g_assert_cmpint (dossier_project_add_tag (project, "Costs", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED);
  g_clear_error (&error);
  flush_events ();
  g_clear_object (&project);

  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (replacement, after));
  reopened = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reopened)), ==, 2);
  assert_project_sound (reopened);
}

/* ---- The lock ------------------------------------------------------------------ */

static void
test_lock_same_process (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DossierProject) writer = create_project (fixture, "shared.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (writer));
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  g_autofree char *pid = g_strdup_printf ("process %d", (int) getpid ());
  g_autoptr(DossierProject) second = NULL;
  g_autoptr(DossierProject) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  gint64 doc, tag;

  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  second = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED);
  g_assert_null (second);
  g_assert_nonnull (strstr (error->message, "shared.dossier"));
  g_assert_nonnull (strstr (error->message, pid));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_clear_error (&error);

  reader = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  /* The reader sees each commit of the writer. */
  doc = add_doc (writer, "Tides", "Spring tides flood the quay twice a year.");
  tag = add_tag (writer, "Flooding", 0);
  g_assert_cmpint (dossier_project_tag_range (writer, doc, 0, 12, tag, &error), >, 0);
  g_assert_no_error (error);

  text = dossier_project_get_document_text (reader, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Spring tides flood the quay twice a year.");
  highlights = dossier_project_list_highlights (reader, doc, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reader)), ==, 0);
  g_assert_true (dossier_project_refresh (reader));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (reader)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (reader)), ==, 1);
  g_assert_false (dossier_project_refresh (reader));

  /* Closing releases the lock. */
  dossier_project_close (writer);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  second = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

static void
test_lock_other_process (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "crashy.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autoptr(DossierProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  int ready[2];
  int status;
  pid_t child;
  char byte;

  dossier_project_close (project);
  g_assert_cmpint (pipe (ready), ==, 0);

  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      DossierProject *held = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, NULL);

      if (write (ready[1], held != NULL ? "y" : "n", 1) != 1)
        _exit (2);
      for (;;)
        pause ();
    }

  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  g_assert_cmpint (byte, ==, 'y');
  close (ready[0]);

  again = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED);
  expected = g_strdup_printf ("process %d on", (int) child);
  g_assert_nonnull (strstr (error->message, expected));
  g_clear_error (&error);

  /* kill -9: the kernel drops the lock, the stale lock file is taken over. */
  kill (child, SIGKILL);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (lock_file_exists (path));

  again = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  add_doc (again, "After the crash", "Work goes on.");
}

static void
test_stale_lock_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "stale.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *mine = g_strdup_printf ("%d\n", (int) getpid ());

  dossier_project_close (project);
  write_bytes (lock_path, "99999\nelsewhere\n", 16);

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  g_file_get_contents (lock_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, mine));
}

/* ---- Documents ------------------------------------------------------------------ */

typedef struct
{
  guint position, removed, added;
  guint count;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->count++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "documents.dossier");
  GListModel *documents = dossier_project_get_documents (project);
  ItemsChanged record = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) parsed = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autoptr(GBytes) original = NULL;
  DossierDocument *document;
  guint title_notifies = 0;
  guint author_notifies = 0;
  gint64 a, b, c;

  g_signal_connect (documents, "items-changed", G_CALLBACK (on_items_changed), &record);

  parsed = make_doc ("Ferry fares", "Fares rise.\nThe council explains why.");
  parsed->author = g_strdup ("R. Okafor");
  parsed->outlet = g_strdup ("Harbour Gazette");
  parsed->source = g_strdup ("https://example.org/fares");
  parsed->published = g_strdup ("2024-03-01");
  g_array_set_size (parsed->blocks, 0);
  g_array_append_val (parsed->blocks, ((DossierBlock) { 0, 11, DOSSIER_BLOCK_TITLE, 0 }));
  g_array_append_val (parsed->blocks, ((DossierBlock) { 12, 37, DOSSIER_BLOCK_PARAGRAPH, 0 }));
  a = dossier_project_add_document (project, parsed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record.count, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);

  b = add_doc (project, "Pier repairs", "The pier closes in May.");
  c = add_doc (project, "Tides", "Spring tides.");
  g_assert_cmpuint (record.count, ==, 3);
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);

  document = dossier_project_get_document (project, a);
  g_assert_true (DOSSIER_IS_DOCUMENT (document));
  g_assert_cmpint (dossier_document_get_id (document), ==, a);
  g_assert_true (g_uuid_string_is_valid (dossier_document_get_uuid (document)));
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Ferry fares");
  g_assert_cmpstr (dossier_document_get_author (document), ==, "R. Okafor");
  g_assert_cmpstr (dossier_document_get_outlet (document), ==, "Harbour Gazette");
  g_assert_cmpstr (dossier_document_get_source (document), ==, "https://example.org/fares");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2024-03-01");
  g_assert_cmpstr (dossier_document_get_format (document), ==, "text");
  g_assert_nonnull (dossier_document_get_imported (document));
  g_assert_cmpint (dossier_document_get_length (document), ==, 37);
  g_assert_cmpuint (dossier_document_get_n_highlights (document), ==, 0);
  {
    g_autoptr(DossierDocument) first = g_list_model_get_item (documents, 0);

    g_assert_true (first == document);
  }

  blocks = dossier_project_get_document_blocks (project, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpint (g_array_index (blocks, DossierBlock, 0).kind, ==, DOSSIER_BLOCK_TITLE);
  g_assert_cmpint (g_array_index (blocks, DossierBlock, 1).start, ==, 12);
  g_assert_cmpint (g_array_index (blocks, DossierBlock, 1).end, ==, 37);

  original = dossier_project_get_document_original (project, a, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (original, NULL), g_bytes_get_size (original),
                   "Fares rise.\nThe council explains why.", 37);

  /* Metadata: NULL keeps, "" clears, notify only on real change. */
  g_signal_connect (document, "notify::title", G_CALLBACK (count_notify), &title_notifies);
  g_signal_connect (document, "notify::author", G_CALLBACK (count_notify), &author_notifies);
  g_assert_true (dossier_project_set_document_metadata (project, a, "Ferry fares rise", NULL,
                                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Ferry fares rise");
  g_assert_cmpstr (dossier_document_get_author (document), ==, "R. Okafor");
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_cmpuint (author_notifies, ==, 0);
  g_assert_true (dossier_project_set_document_metadata (project, a, NULL, "", NULL, NULL,
                                                        "2024-02-29", &error));
  g_assert_no_error (error);
  g_assert_null (dossier_document_get_author (document));
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2024-02-29");
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_cmpuint (author_notifies, ==, 1);

  g_assert_false (dossier_project_set_document_metadata (project, a, NULL, NULL, NULL, NULL,
                                                         "2023-02-29", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_document_metadata (project, a, " ", NULL, NULL, NULL,
                                                         NULL, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_document_metadata (project, 999, "X", NULL, NULL, NULL,
                                                         NULL, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Delete the middle one: one exact removal. */
  record.count = 0;
  g_assert_true (dossier_project_delete_document (project, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.count, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_null (dossier_project_get_document (project, b));
  g_assert_null (dossier_project_get_document_text (project, b, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_project_delete_document (project, b, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dossier_project_get_document_blocks (project, b, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo puts it back in its place. */
  record.count = 0;
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.count, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpstr (dossier_document_get_title (dossier_project_get_document (project, b)), ==,
                   "Pier repairs");
  g_assert_cmpint (c, >, b);

  /* Text that is not UTF-8 is refused. */
  {
    g_autoptr(DossierParsedDocument) bad = make_doc ("Bad", "ok");

    g_free (bad->text);
    bad->text = g_strdup ("caf\xe9");
    g_assert_cmpint (dossier_project_add_document (project, bad, &error), ==, 0);
    g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);

  g_signal_handlers_disconnect_by_data (documents, &record);
}

/* ---- The codebook ---------------------------------------------------------------- */

static char *
tree_names (DossierProject *project)
{
  GListModel *tags = dossier_project_get_tags (project);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, dossier_tag_get_path (tag));
      g_assert_cmpuint (dossier_tag_get_depth (tag), ==,
                        dossier_tag_get_parent_id (tag) == 0 ? 0 :
                        dossier_tag_get_depth (dossier_project_get_tag (project,
                                                                        dossier_tag_get_parent_id (tag))) + 1);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_tree(project, expected) \
  G_STMT_START { \
    g_autofree char *_names = tree_names (project); \
    g_assert_cmpstr (_names, ==, expected); \
  } G_STMT_END

static void
test_tags_tree (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "codebook.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *tags = dossier_project_get_tags (project);
  ItemsChanged record = { 0 };
  DossierTag *tag;
  guint name_notifies = 0;
  guint color_notifies = 0;
  gint64 risks, cost, delay, benefits, jobs, actors;

  risks = add_tag (project, "Risks", 0);
  benefits = add_tag (project, "Benefits", 0);
  actors = add_tag (project, "Actors", 0);
  cost = add_tag (project, "Cost", risks);
  delay = add_tag (project, "Delay", risks);
  jobs = add_tag (project, "Jobs", benefits);
  assert_tree (project, "Risks, Risks/Cost, Risks/Delay, Benefits, Benefits/Jobs, Actors");

  /* A tag is within itself and its ancestors, and nothing else. */
  g_assert_true (dossier_project_tag_is_within (project, risks, risks));
  g_assert_true (dossier_project_tag_is_within (project, delay, risks));
  g_assert_false (dossier_project_tag_is_within (project, risks, delay));
  g_assert_false (dossier_project_tag_is_within (project, jobs, risks));
  g_assert_false (dossier_project_tag_is_within (project, 999, risks));

  tag = dossier_project_get_tag (project, delay);
  g_assert_cmpstr (dossier_tag_get_name (tag), ==, "Delay");
  g_assert_cmpint (dossier_tag_get_parent_id (tag), ==, risks);
  g_assert_cmpint (dossier_tag_get_position (tag), ==, 1);
  g_assert_cmpuint (dossier_tag_get_depth (tag), ==, 1);
  g_assert_cmpstr (dossier_tag_get_description (tag), ==, "");
  g_assert_true (g_uuid_string_is_valid (dossier_tag_get_uuid (tag)));

  /* New tags take distinct palette colours, all #rrggbb. */
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(DossierTag) t = g_list_model_get_item (tags, i);
      const char *color = dossier_tag_get_color (t);

      g_assert_cmpuint (strlen (color), ==, 7);
      g_assert_cmpint (color[0], ==, '#');
      g_assert_false (g_hash_table_contains (colors, color));
      g_hash_table_add (colors, (gpointer) color);
    }

  /* Bad input. */
  g_assert_cmpint (dossier_project_add_tag (project, "cost", risks, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_tag (project, "  ", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_tag (project, "Cost\xff", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_tag (project, "A/B", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_tag (project, "Odd", 0, "red", NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_tag (project, "Odd", 0, "#12345g", NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dossier_project_add_tag (project, "Orphan", 999, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* The same name elsewhere in the tree is fine. */
  g_assert_cmpint (dossier_project_add_tag (project, "Cost", benefits, "#AABBCC", "Savings",
                                            &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_tag_get_color (dossier_project_find_tag (project, "Benefits/Cost")),
                   ==, "#aabbcc");
  g_assert_cmpstr (dossier_tag_get_description (dossier_project_find_tag (project, "Benefits/Cost")),
                   ==, "Savings");
  assert_tree (project, "Risks, Risks/Cost, Risks/Delay, Benefits, Benefits/Jobs, Benefits/Cost, Actors");

  /* find_tag: path first, then name; a name two tags have fits neither. */
  g_assert_true (dossier_project_find_tag (project, "Risks/Cost") ==
                 dossier_project_get_tag (project, cost));
  g_assert_null (dossier_project_find_tag (project, "Cost"));
  g_assert_true (dossier_project_find_tag (project, "jobs") ==
                 dossier_project_get_tag (project, jobs));
  g_assert_null (dossier_project_find_tag (project, "Nothing"));

  /* Rename: the tag, and its children's paths. */
  g_signal_connect (tag, "notify::name", G_CALLBACK (count_notify), &name_notifies);
  g_signal_connect (tag, "notify::color", G_CALLBACK (count_notify), &color_notifies);
  g_assert_true (dossier_project_rename_tag (project, risks, "Threats", &error));
  g_assert_no_error (error);
  assert_tree (project, "Threats, Threats/Cost, Threats/Delay, Benefits, Benefits/Jobs, Benefits/Cost, Actors");
  g_assert_cmpuint (name_notifies, ==, 0);
  g_assert_false (dossier_project_rename_tag (project, delay, "COST", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (dossier_project_rename_tag (project, delay, "Delays", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (name_notifies, ==, 1);
  g_assert_true (dossier_project_rename_tag (project, delay, "Delays", &error));
  g_assert_cmpuint (name_notifies, ==, 1);
  g_assert_false (dossier_project_rename_tag (project, 999, "X", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Colour and description. */
  g_assert_true (dossier_project_set_tag_color (project, delay, "#FF0000", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_tag_get_color (tag), ==, "#ff0000");
  g_assert_cmpuint (color_notifies, ==, 1);
  g_assert_false (dossier_project_set_tag_color (project, delay, "#ff00", &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (dossier_tag_get_color (tag), ==, "#ff0000");
  g_assert_true (dossier_project_set_tag_description (project, delay, "Late works", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_tag_get_description (tag), ==, "Late works");

  /* Reorder among siblings: the tag taken out and put back, the others
   * left in place (the last splice puts it in). */
  g_signal_connect (tags, "items-changed", G_CALLBACK (on_items_changed), &record);
  g_assert_true (dossier_project_move_tag (project, actors, 0, 0, &error));
  g_assert_no_error (error);
  assert_tree (project, "Actors, Threats, Threats/Cost, Threats/Delays, Benefits, Benefits/Jobs, Benefits/Cost");
  g_assert_cmpuint (record.count, ==, 2);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpint (dossier_tag_get_position (dossier_project_get_tag (project, actors)), ==, 0);
  g_assert_cmpint (dossier_tag_get_position (dossier_project_get_tag (project, benefits)), ==, 2);

  /* Re-parent, with a position among the new siblings. */
  g_assert_true (dossier_project_move_tag (project, jobs, risks, 0, &error));
  g_assert_no_error (error);
  assert_tree (project, "Actors, Threats, Threats/Jobs, Threats/Cost, Threats/Delays, Benefits, Benefits/Cost");
  g_assert_cmpint (dossier_tag_get_position (dossier_project_get_tag (project, cost)), ==, 1);
  g_assert_cmpuint (dossier_tag_get_depth (dossier_project_get_tag (project, jobs)), ==, 1);
  g_assert_true (dossier_project_move_tag (project, risks, actors, -1, &error));
  g_assert_no_error (error);
  assert_tree (project, "Actors, Actors/Threats, Actors/Threats/Jobs, Actors/Threats/Cost, "
                        "Actors/Threats/Delays, Benefits, Benefits/Cost");
  g_assert_cmpint (dossier_tag_get_position (dossier_project_get_tag (project, benefits)), ==, 1);
  g_assert_cmpuint (dossier_tag_get_depth (dossier_project_get_tag (project, jobs)), ==, 2);

  /* Cycles refused, nothing changed. */
  g_assert_false (dossier_project_move_tag (project, actors, jobs, 0, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_move_tag (project, actors, actors, 0, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* A name taken among the new siblings. */
  g_assert_false (dossier_project_move_tag (project, cost, benefits, 0, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);
  assert_tree (project, "Actors, Actors/Threats, Actors/Threats/Jobs, Actors/Threats/Cost, "
                        "Actors/Threats/Delays, Benefits, Benefits/Cost");

  g_signal_handlers_disconnect_by_data (tags, &record);
  g_signal_handlers_disconnect_by_data (tag, &name_notifies);
  g_signal_handlers_disconnect_by_data (tag, &color_notifies);
}

/* A tag's name is at most DOSSIER_TAG_MAX_NAME characters, counted as
 * characters, not bytes, wherever a name is given: a longer one (pasted
 * by mistake, or a megabyte from a script) would keep every row and chip
 * that shows it measuring. */
static void
test_tags_name_length (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "names.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autofree char *over = NULL;
  g_autofree char *huge = g_strnfill (1024 * 1024, 'x');
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  g_autofree char *report = NULL;
  gint64 id;

  /* "é" is two bytes: the limit is in characters. */
  for (guint i = 0; i < DOSSIER_TAG_MAX_NAME; i++)
    g_string_append (longest, "é");
  id = dossier_project_add_tag (project, longest->str, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (dossier_tag_get_name (dossier_project_get_tag (project, id)), ==, longest->str);

  over = g_strconcat (longest->str, "é", NULL);
  g_assert_cmpint (dossier_project_add_tag (project, over, 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  message = g_strdup_printf ("A tag name can be at most %d characters long.", DOSSIER_TAG_MAX_NAME);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_assert_false (dossier_project_rename_tag (project, id, over, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (dossier_tag_get_name (dossier_project_get_tag (project, id)), ==, longest->str);

  /* Spaces around it do not count; a megabyte is refused, and not
   * quoted in the message (a "/" in it would have it quoted). */
  g_assert_true (dossier_project_rename_tag (project, id, "  Cost  ", &error));
  g_assert_no_error (error);
  huge[1000] = '/';
  g_assert_cmpint (dossier_project_add_tag (project, huge, 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_tags (project)), ==, 1);
  g_assert_cmpstr (dossier_tag_get_name (dossier_project_get_tag (project, id)), ==, "Cost");

  /* A stakeholder's name or alias: the length is checked first, before
   * the messages that quote it ("spans several lines", "no letter"). */
  message = (g_free (message),
             g_strdup_printf ("A name or alias can be at most %d characters long.",
                              DOSSIER_STAKEHOLDER_MAX_NAME));
  huge[1000] = '\n';
  g_assert_cmpint (dossier_project_add_stakeholder (project, huge, NULL,
                                                    DOSSIER_STAKEHOLDER_OFFICIAL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  memset (huge, '-', 1024 * 1024);
  g_assert_cmpint (dossier_project_add_stakeholder (project, huge, NULL,
                                                    DOSSIER_STAKEHOLDER_OFFICIAL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* A file from elsewhere holding longer names: check lists them. */
  g_assert_cmpint (dossier_project_add_stakeholder (project, "Council", NULL,
                                                    DOSSIER_STAKEHOLDER_OFFICIAL, &error), >, 0);
  g_assert_no_error (error);
  dossier_project_close (project);
  g_clear_object (&project);
  path = path_in (fixture, "names.dossier");
  test_sql_exec (path, "UPDATE tags SET name = replace (hex (zeroblob (150)), '0', 'ab');"
                       "UPDATE stakeholders SET name = replace (hex (zeroblob (101)), '0', 'c');");
  project = dossier_project_open (path, DOSSIER_OPEN_INSPECT, &error);
  g_assert_no_error (error);
  g_assert_false (dossier_project_check (project, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "Tag 1: its name is 600 characters long, more than the 200 a "
                                    "tag’s name may have; rename it.\n"));
  g_assert_nonnull (strstr (report, "Stakeholder 1: its name is 202 characters long, more than the "
                                    "200 a stakeholder’s name may have; rename it.\n"));
}

/* What reading a text in pieces was told: how many pieces, how many
 * bytes; the piece to give up at (0: none). */
typedef struct
{
  guint   pieces;
  guint64 bytes;
  guint   give_up_at;
} Reading;

static gboolean
reading_told (guint64  bytes,
              gpointer data)
{
  Reading *r = data;

  g_assert_cmpuint (bytes, >, 0);
  g_assert_cmpuint (bytes, <=, 65536);
  r->pieces++;
  r->bytes += bytes;
  return r->pieces != r->give_up_at;
}

/* A long text is read a piece at a time, each told as it is read (a text
 * of 50 MB read in one go could not be given up): read whole, it is the
 * text stored, characters of one to four bytes across the pieces' ends,
 * its length counted; given up at the first piece, no more is read and
 * nothing is given; a byte that is not UTF-8 in a later piece makes it
 * damaged, as in the first. */
static void
test_text_read_in_pieces (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *const letters[] = { "a", "é", "漢", "😀", "b", "c" };
  g_autofree char *path = path_in (fixture, "pieces.dossier");
  g_autoptr(DossierProject) project = create_project (fixture, "pieces.dossier");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  Reading r = { 0 };
  gint64 id, length = 0, n_chars = 0;

  for (guint i = 0; text->len < 1000 * 1000; i++, n_chars++)
    g_string_append (text, letters[(i * 7 + i / 5) % G_N_ELEMENTS (letters)]);
  id = add_doc (project, "Pieces", text->str);

  read = dossier_project_read_text_checked (project, id, reading_told, &r, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, text->str);
  g_assert_cmpint (length, ==, n_chars);
  g_assert_cmpuint (r.bytes, ==, text->len);
  g_assert_cmpuint (r.pieces, >=, text->len / 65536);

  memset (&r, 0, sizeof r);
  r.give_up_at = 1;
  g_clear_pointer (&read, g_free);
  read = dossier_project_read_text_checked (project, id, reading_told, &r, &length, &error);
  g_assert_null (read);
  g_assert_no_error (error);
  g_assert_cmpuint (r.pieces, ==, 1);

  /* A byte not UTF-8 halfway. */
  dossier_project_close (project);
  g_clear_object (&project);
  test_sql_exec (path, "UPDATE documents SET text = CAST (substr (CAST (text AS BLOB), 1, 500000) "
                       "|| X'FF' || substr (CAST (text AS BLOB), 500001) AS TEXT)");
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  memset (&r, 0, sizeof r);
  read = dossier_project_read_text_checked (project, id, reading_told, &r, &length, &error);
  g_assert_null (read);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "not valid UTF-8"));
  g_assert_cmpuint (r.pieces, >=, 500000 / 65536);
}

/* The pages fetched to walk to the length in document @id's row, past its
 * text: what a read of the length there costs. */
static int
length_walk_pages (DossierProject *project,
                   gint64          id)
{
  sqlite3_stmt *stmt = NULL;

  test_pages_fetched (project);
  g_assert_cmpint (sqlite3_prepare_v2 (dossier_project_get_db (project),
                                       "SELECT length FROM documents NOT INDEXED WHERE id = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);
  return test_pages_fetched (project);
}

/* A document's length is read apart from its text: opening a project and
 * listing its documents with their lengths fetches fewer pages than half
 * a walk past one text of 4 MB (in its row the length comes after the
 * text and the original file: a project of 10 documents of 50 MB read
 * 500 MB to be listed), and a text read where the project is open
 * read-only walks its row once, to the text's end, not twice (the length
 * it is checked by was read past it first). */
static void
test_lengths_read_apart (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "long.dossier");
  g_autoptr(DossierProject) project = create_project (fixture, "long.dossier");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) listed = NULL;
  g_autofree char *read = NULL;
  int opening, walk, reading;
  gint64 id;

  while (text->len < 4 * 1000 * 1000)
    g_string_append (text, "The harbour board met on Tuesday. ");
  id = add_doc (project, "Long", text->str);
  dossier_project_close (project);
  g_clear_object (&project);

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  listed = g_list_model_get_item (dossier_project_get_documents (project), 0);
  g_assert_cmpint (dossier_document_get_length (listed), ==, g_utf8_strlen (text->str, -1));
  opening = test_pages_fetched (project);
  walk = length_walk_pages (project, id);
  g_assert_cmpint (walk, >, 500);
  g_assert_cmpint (opening, <, walk / 2);
  dossier_project_close (project);
  g_clear_object (&project);

  /* Read-only: the text read, no walk past it besides. */
  project = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  test_pages_fetched (project);
  read = dossier_project_read_text (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, text->str);
  reading = test_pages_fetched (project);
  walk = length_walk_pages (project, id);
  g_assert_cmpint (reading, <, walk * 3 / 2);
}

/* Titles, authors, outlets, notes' titles and free texts have a stored
 * most: what a file or a page brings is shortened (an imported page's
 * <title> of 100 KB is not refused), what is typed or given is refused
 * with a message saying the most, and check lists what a file from
 * elsewhere holds beyond it. */
static void
test_text_lengths (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "lengths.dossier");
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (100 * 1024, 't');
  g_autofree char *over_free = g_strnfill (DOSSIER_TEXT_MAX_FREE + 1, 'd');
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  g_autofree char *report = NULL;
  DossierParsedDocument *doc = make_doc (huge, "Fares rise.");
  DossierDocument *document;
  gint64 id, note, stakeholder, highlight, tag;

  /* Brought by a file: shortened, not refused. */
  doc->author = g_strdup (huge);
  doc->outlet = g_strdup (huge);
  id = add_parsed_doc (project, doc);
  document = dossier_project_get_document (project, id);
  g_assert_cmpint (g_utf8_strlen (dossier_document_get_title (document), -1), ==,
                   DOSSIER_DOCUMENT_MAX_TITLE);
  g_assert_true (g_str_has_suffix (dossier_document_get_title (document), "t…"));
  g_assert_cmpint (g_utf8_strlen (dossier_document_get_author (document), -1), ==,
                   DOSSIER_DOCUMENT_MAX_AUTHOR);
  g_assert_cmpint (g_utf8_strlen (dossier_document_get_outlet (document), -1), ==,
                   DOSSIER_DOCUMENT_MAX_OUTLET);

  /* Typed or given: refused, saying the most. */
  g_assert_false (dossier_project_set_document_metadata (project, id, huge, NULL, NULL, NULL, NULL,
                                                         &error));
  message = g_strdup_printf ("A document’s title can be at most %d characters long.",
                             DOSSIER_DOCUMENT_MAX_TITLE);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_document_metadata (project, id, NULL, huge, NULL, NULL, NULL,
                                                         &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_document_metadata (project, id, NULL, NULL, huge, NULL, NULL,
                                                         &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (dossier_project_set_document_metadata (project, id, "Fares", "Ana", "Post", NULL,
                                                        NULL, &error));
  g_assert_no_error (error);
  /* Not a date: the message quotes the start of it, not all of it. */
  g_assert_false (dossier_project_set_document_metadata (project, id, NULL, NULL, NULL, NULL, huge,
                                                         &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_true (g_str_has_prefix (error->message, "“tttttttttt"));
  g_assert_nonnull (strstr (error->message, "t…” is not a date: write it as YYYY-MM-DD"));
  g_clear_error (&error);

  /* The project's title. */
  g_assert_false (dossier_project_set_title (project, huge, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This can be at most 500 characters long; it is 102400.");
  g_clear_error (&error);
  {
    g_autofree char *other = path_in (fixture, "long-title.dossier");
    g_autoptr(DossierProject) refused = dossier_project_create (other, huge, &error);

    g_assert_null (refused);
    g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "A project’s title can be at most 500 characters long.");
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }
  huge[DOSSIER_PROJECT_MAX_TITLE] = '\0';
  g_assert_true (dossier_project_set_title (project, huge, &error));
  g_assert_no_error (error);
  huge[DOSSIER_PROJECT_MAX_TITLE] = 't';

  g_assert_cmpint (dossier_project_add_briefing (project, huge, &id, 1, "", &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  note = dossier_project_add_briefing (project, "Fares", &id, 1, "", &error);
  g_assert_no_error (error);
  g_assert_false (dossier_project_set_briefing_title (project, note, huge, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  stakeholder = dossier_project_add_stakeholder (project, "Council", NULL,
                                                 DOSSIER_STAKEHOLDER_OFFICIAL, &error);
  g_assert_no_error (error);
  g_assert_false (dossier_project_set_stakeholder_description (project, stakeholder, over_free,
                                                               &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  tag = dossier_project_add_tag (project, "Fares", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  highlight = dossier_project_add_highlight (project, id, 0, 5, &tag, 1, NULL, &error);
  g_assert_no_error (error);
  /* A highlight's memo. */
  g_assert_cmpint (dossier_project_add_highlight (project, id, 0, 5, &tag, 1, over_free, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A memo can be at most 20000 characters long.");
  g_clear_error (&error);
  g_assert_false (dossier_project_set_highlight_memo (project, highlight, over_free, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This can be at most 20000 characters long; it is 20001.");
  g_clear_error (&error);
  g_assert_false (dossier_project_add_stakeholder_evidence (project, stakeholder, highlight, over_free,
                                                            DOSSIER_EVIDENCE_QUOTE,
                                                            DOSSIER_STANCE_UNKNOWN, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  over_free[DOSSIER_TEXT_MAX_FREE] = '\0';
  g_assert_true (dossier_project_set_stakeholder_description (project, stakeholder, over_free,
                                                              &error));
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_highlight_memo (project, highlight, over_free, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_project_add_stakeholder_evidence (project, stakeholder, highlight, over_free,
                                                           DOSSIER_EVIDENCE_QUOTE,
                                                           DOSSIER_STANCE_UNKNOWN, &error));
  g_assert_no_error (error);

  /* A file from elsewhere holding longer ones: check lists them. */
  dossier_project_close (project);
  g_clear_object (&project);
  path = path_in (fixture, "lengths.dossier");
  test_sql_exec (path, "UPDATE documents SET title = replace (hex (zeroblob (300)), '0', 'ab'),"
                       "  author = replace (hex (zeroblob (251)), '0', 'w'),"
                       "  outlet = replace (hex (zeroblob (101)), '0', 'o');"
                       "UPDATE briefings SET title = replace (hex (zeroblob (251)), '0', 'n');");
  project = dossier_project_open (path, DOSSIER_OPEN_INSPECT, &error);
  g_assert_no_error (error);
  g_assert_false (dossier_project_check (project, &report, &error));
  g_assert_no_error (error);
  /* Each kind of text its own line, in the order the check lists them. */
  g_assert_nonnull (strstr (report, "Document 1: its title is 1200 characters long, more than the "
                                    "500 a title may have; rename it.\n"
                                    "Document 1: its author is 502 characters long, more than the "
                                    "500 an author may have; edit its details.\n"
                                    "Document 1: its outlet is 202 characters long, more than the "
                                    "200 an outlet may have; edit its details.\n"
                                    "Note 1: its title is 502 characters long, more than the "
                                    "500 a note’s title may have; rename it.\n"));
}

static gint64
highlight_with_tags (DossierProject *project,
                     gint64          doc,
                     gint64          start,
                     gint64          end,
                     const gint64   *tags,
                     guint           n_tags)
{
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_project_add_highlight (project, doc, start, end, tags, n_tags, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_tags_merge_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "merge.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierHighlight) h = NULL;
  gint64 risks, cost, money, money_cost, budget, other, doc;
  gint64 h1, h2, h3, h4;
  guint n_tags;
  const gint64 *ids;

  doc = add_doc (project, "Budget", "The budget doubles; the costs are hidden; nobody knows.");
  risks = add_tag (project, "Risks", 0);
  cost = add_tag (project, "Cost", risks);
  budget = add_tag (project, "Budget", cost);
  money = add_tag (project, "Money", 0);
  money_cost = add_tag (project, "cost", money);
  other = add_tag (project, "Other", 0);

  h1 = highlight_with_tags (project, doc, 0, 10, (gint64[]) { cost }, 1);
  h2 = highlight_with_tags (project, doc, 12, 20, (gint64[]) { cost, money }, 2);
  h3 = highlight_with_tags (project, doc, 22, 30, (gint64[]) { budget, other }, 2);
  h4 = highlight_with_tags (project, doc, 32, 40, (gint64[]) { money_cost }, 1);

  /* Merging into itself or into a descendant is refused. */
  g_assert_false (dossier_project_merge_tags (project, risks, risks, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_merge_tags (project, risks, budget, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_merge_tags (project, risks, 999, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Risks/Cost into Money/cost: its highlights and its child follow. */
  g_assert_true (dossier_project_merge_tags (project, cost, money_cost, &error));
  g_assert_no_error (error);
  assert_tree (project, "Risks, Money, Money/cost, Money/cost/Budget, Other");
  g_assert_null (dossier_project_get_tag (project, cost));

  h = dossier_project_get_highlight (project, h1, &error);
  g_assert_no_error (error);
  ids = dossier_highlight_get_tag_ids (h, &n_tags);
  g_assert_cmpuint (n_tags, ==, 1);
  g_assert_cmpint (ids[0], ==, money_cost);
  g_clear_object (&h);
  h = dossier_project_get_highlight (project, h2, &error);
  ids = dossier_highlight_get_tag_ids (h, &n_tags);
  g_assert_cmpuint (n_tags, ==, 2);
  g_assert_cmpint (ids[0], ==, money_cost);
  g_assert_cmpint (ids[1], ==, money);
  g_clear_object (&h);
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_get_tag (project, money_cost)), ==, 3);

  /* Delete Money/cost: its subtree goes; h3 keeps Other, h1 and h4 (no
   * other tag) go, h2 keeps Money; the two deleted are counted (for the
   * window's toast). */
  {
    guint n_deleted = 99;

    g_assert_true (dossier_project_delete_tag_full (project, money_cost, &n_deleted, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_deleted, ==, 2);
  }
  assert_tree (project, "Risks, Money, Other");
  g_assert_null (dossier_project_get_tag (project, budget));

  h = dossier_project_get_highlight (project, h1, &error);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  h = dossier_project_get_highlight (project, h4, &error);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  h = dossier_project_get_highlight (project, h2, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_highlight_has_tag (h, money));
  g_assert_false (dossier_highlight_has_tag (h, money_cost));
  g_clear_object (&h);
  h = dossier_project_get_highlight (project, h3, &error);
  g_assert_no_error (error);
  ids = dossier_highlight_get_tag_ids (h, &n_tags);
  g_assert_cmpuint (n_tags, ==, 1);
  g_assert_cmpint (ids[0], ==, other);
  g_clear_object (&h);

  g_assert_cmpuint (dossier_document_get_n_highlights (dossier_project_get_document (project, doc)), ==, 2);
  g_assert_cmpint (dossier_tag_get_position (dossier_project_get_tag (project, other)), ==, 2);
  g_assert_false (dossier_project_delete_tag (project, money_cost, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting a top-level tag renumbers its siblings; it had no
   * highlights left, none are counted. */
  {
    guint n_deleted = 99;

    g_assert_true (dossier_project_delete_tag_full (project, risks, &n_deleted, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_deleted, ==, 0);
  }
  g_assert_cmpint (dossier_tag_get_position (dossier_project_get_tag (project, money)), ==, 0);
  g_assert_cmpint (dossier_tag_get_position (dossier_project_get_tag (project, other)), ==, 1);

  assert_project_sound (project);
}

/* ---- Save As, check, errors -------------------------------------------------------- */

static void
test_save_as (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "original.dossier");
  g_autofree char *copy_path = path_in (fixture, "copy.dossier");
  g_autoptr(DossierProject) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 doc, tag;

  doc = add_doc (project, "Quay", "The quay is rebuilt in stone.");
  tag = add_tag (project, "Works", 0);
  dossier_project_tag_range (project, doc, 4, 8, tag, &error);
  g_assert_no_error (error);

  g_assert_false (dossier_project_save_as (project, dossier_project_get_path (project), &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* A stale log beside an old file of that name must not be replayed. */
  write_bytes (copy_path, "old", 3);
  {
    g_autofree char *wal = g_strconcat (copy_path, "-wal", NULL);

    write_bytes (wal, "garbage", 7);
  }

  g_assert_true (dossier_project_save_as (project, copy_path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_path (project), !=, copy_path);

  /* Both keep working. */
  add_doc (project, "Later", "Only in the original.");

  copy = dossier_project_open (copy_path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (copy)), ==, 1);
  text = dossier_project_get_document_text (copy, doc, &error);
  g_assert_cmpstr (text, ==, "The quay is rebuilt in stone.");
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_get_tag (copy, tag)), ==, 1);
  g_assert_cmpstr (dossier_project_get_uuid (copy), ==, dossier_project_get_uuid (project));

  /* Not over a project that is open. */
  g_assert_false (dossier_project_save_as (project, copy_path, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);

  {
    g_autofree char *report = NULL;

    g_assert_true (dossier_project_check (copy, &report, &error));
    g_assert_no_error (error);
  }
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "check.dossier");
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gint64 doc, tag, h;

  doc = add_doc (project, "Café", "Le café «Marée» ouvre à 7 h — 😀 日本語.");
  tag = add_tag (project, "Places", 0);
  h = dossier_project_tag_range (project, doc, 3, 14, tag, &error);
  g_assert_no_error (error);

  g_assert_true (dossier_project_check (project, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "");
  g_clear_pointer (&report, g_free);

  /* Tamper with a quote behind the project's back. */
  {
    sqlite3 *db = dossier_project_get_db (project);
    g_autofree char *sql = g_strdup_printf ("UPDATE highlights SET quote = 'café «Maree»' "
                                            "WHERE id = %" G_GINT64_FORMAT, h);

    exec_sql (db, sql);
  }

  g_assert_false (dossier_project_check (project, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "quote"));
  g_clear_pointer (&report, g_free);

  /* An orphaned highlight is exempt. */
  {
    sqlite3 *db = dossier_project_get_db (project);
    g_autofree char *sql = g_strdup_printf ("UPDATE highlights SET orphaned = 1 "
                                            "WHERE id = %" G_GINT64_FORMAT, h);

    exec_sql (db, sql);
  }
  g_assert_true (dossier_project_check (project, &report, &error));
  g_clear_pointer (&report, g_free);

  {
    sqlite3 *db = dossier_project_get_db (project);
    g_autofree char *sql = g_strdup_printf ("UPDATE documents SET length = 3 "
                                            "WHERE id = %" G_GINT64_FORMAT, doc);

    exec_sql (db, sql);
  }
  g_assert_false (dossier_project_check (project, &report, &error));
  g_assert_nonnull (strstr (report, "length"));
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "full.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(DossierParsedDocument) doc = NULL;
  sqlite3 *db = dossier_project_get_db (project);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  int pages;

  add_doc (project, "Small", "Fits.");

  sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  /* The file may not grow: like a full disk. */
  sql = g_strdup_printf ("PRAGMA max_page_count = %d", pages + 2);
  exec_sql (db, sql);

  for (guint i = 0; i < 20000; i++)
    g_string_append (big, "The ferry sails at dawn and returns at dusk. ");
  doc = make_doc ("Big", big->str);
  g_assert_cmpint (dossier_project_add_document (project, doc, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);

  /* Nothing half-done. */
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 1);
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Import “Small”");
  {
    g_autofree char *report = NULL;

    g_assert_true (dossier_project_check (project, &report, &error));
    g_assert_no_error (error);
  }

  exec_sql (db, "PRAGMA max_page_count = 1073741823");
  g_assert_cmpint (dossier_project_add_document (project, doc, &error), >, 0);
  g_assert_no_error (error);
}

/* The number keys: groups get none, pins hold through nesting, merging,
 * undo and reopening, and a bad key is refused with the project as it was. */
static void
assert_keys (DossierProject *project,
             const gint64   *expected,
             guint           n_expected)
{
  gint64 keys[DOSSIER_N_TAG_KEYS];

  dossier_project_get_key_tags (project, keys);
  for (guint i = 0; i < DOSSIER_N_TAG_KEYS; i++)
    {
      gint64 want = i < n_expected ? expected[i] : 0;

      g_assert_cmpint (keys[i], ==, want);
      g_assert_cmpint (dossier_project_get_key_tag (project, i + 1), ==, want);
      if (want != 0)
        g_assert_cmpuint (dossier_project_get_tag_key (project, want), ==, i + 1);
    }
  g_assert_cmpint (dossier_project_get_key_tag (project, 0), ==, 0);
  g_assert_cmpint (dossier_project_get_key_tag (project, 10), ==, 0);
}

static void
test_tag_keys (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "keys.dossier");
  g_autoptr(DossierProject) project = create_project (fixture, "keys.dossier");
  g_autoptr(DossierProject) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 arguments, pro, con, government, students, cost;

  arguments = add_tag (project, "Arguments", 0);
  pro = add_tag (project, "Pro", arguments);
  con = add_tag (project, "Con", arguments);
  government = add_tag (project, "Government", 0);
  students = add_tag (project, "Students", 0);

  /* "Arguments" only groups Pro and Con: it takes no key. */
  assert_keys (project, (gint64[]) { pro, con, government, students }, 4);
  g_assert_cmpint (dossier_tag_get_key (dossier_project_get_tag (project, government)), ==,
                   DOSSIER_TAG_KEY_AUTO);
  g_assert_cmpuint (dossier_project_get_tag_key (project, arguments), ==, 0);

  /* Pinned: Students on 1; the tag that had 1 takes the next free key. */
  g_assert_true (dossier_project_set_tag_key (project, students, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_tag_get_key (dossier_project_get_tag (project, students)), ==, 1);
  assert_keys (project, (gint64[]) { students, pro, con, government }, 4);

  /* A group can be pinned; a pinned key moves from one tag to another. */
  g_assert_true (dossier_project_set_tag_key (project, arguments, 5, &error));
  g_assert_true (dossier_project_set_tag_key (project, government, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_tag_get_key (dossier_project_get_tag (project, arguments)), ==,
                   DOSSIER_TAG_KEY_AUTO);
  assert_keys (project, (gint64[]) { students, pro, con, 0, government }, 5);

  /* Nesting the pinned tags moves nothing; the tags on automatic keys
   * follow the codebook's order. */
  g_assert_true (dossier_project_move_tag (project, students, arguments, 0, &error));
  g_assert_true (dossier_project_move_tag (project, government, con, -1, &error));
  g_assert_no_error (error);
  assert_tree (project, "Arguments, Arguments/Students, Arguments/Pro, Arguments/Con, "
                        "Arguments/Con/Government");
  /* Con now groups Government: it loses its key. */
  assert_keys (project, (gint64[]) { students, pro, 0, 0, government }, 5);

  /* No key: the tag is passed over. */
  g_assert_true (dossier_project_set_tag_key (project, pro, DOSSIER_TAG_KEY_NONE, &error));
  g_assert_no_error (error);
  assert_keys (project, (gint64[]) { students, 0, 0, 0, government }, 5);
  cost = add_tag (project, "Cost", 0);
  assert_keys (project, (gint64[]) { students, cost, 0, 0, government }, 5);

  /* Undo and redo restore the keys exactly. */
  g_assert_true (dossier_project_undo (project, &error));  /* add Cost */
  g_assert_true (dossier_project_undo (project, &error));  /* Pro: none */
  g_assert_no_error (error);
  assert_keys (project, (gint64[]) { students, pro, 0, 0, government }, 5);
  g_assert_true (dossier_project_undo (project, &error));  /* move Government */
  g_assert_true (dossier_project_undo (project, &error));  /* move Students */
  g_assert_true (dossier_project_undo (project, &error));  /* Government on 5 */
  g_assert_no_error (error);
  g_assert_cmpint (dossier_tag_get_key (dossier_project_get_tag (project, arguments)), ==, 5);
  assert_keys (project, (gint64[]) { students, pro, con, government, arguments }, 5);
  g_assert_true (dossier_project_redo (project, &error));
  g_assert_no_error (error);
  assert_keys (project, (gint64[]) { students, pro, con, 0, government }, 5);

  /* Merging a pinned tag: what it became keeps its key. */
  cost = add_tag (project, "Cost", 0);
  g_assert_true (dossier_project_set_tag_key (project, cost, 9, &error));
  g_assert_true (dossier_project_merge_tags (project, cost, pro, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_tag_get_key (dossier_project_get_tag (project, pro)), ==, 9);
  assert_keys (project, (gint64[]) { students, con, 0, 0, government, 0, 0, 0, pro }, 9);

  /* Bad keys and tags are refused, and nothing changed. */
  g_assert_false (dossier_project_set_tag_key (project, pro, 10, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_tag_key (project, pro, -2, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_project_set_tag_key (project, 999, 1, &error));
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_keys (project, (gint64[]) { students, con, 0, 0, government, 0, 0, 0, pro }, 9);
  g_assert_cmpstr (dossier_project_get_undo_label (project), ==, "Merge “Cost” into “Pro”");

  /* Stored in the project. */
  assert_project_sound (project);
  dossier_project_close (project);
  again = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  assert_keys (again, (gint64[]) { students, con, 0, 0, government, 0, 0, 0, pro }, 9);
}

/* A file imported twice is found by its text, whatever its title; a text
 * of the same length but different is not. */
static void
test_same_text (TestProject   *fixture,
                gconstpointer  data)
{
  DossierProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  gint64 first, other, again, third;

  first = add_doc (project, "Quai", "Le quai sera reconstruit — coût : 4 M€. 港の工事.");
  other = add_doc (project, "Quay", "Le quai sera reconstruit — coût : 5 M€. 港の工事.");
  g_assert_cmpint (dossier_project_find_same_text (project, first, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_project_find_same_text (project, other, &error), ==, 0);

  again = add_doc (project, "Quai (again)", "Le quai sera reconstruit — coût : 4 M€. 港の工事.");
  third = add_doc (project, "Quai (third)", "Le quai sera reconstruit — coût : 4 M€. 港の工事.");
  g_assert_cmpint (dossier_project_find_same_text (project, again, &error), ==, first);
  g_assert_cmpint (dossier_project_find_same_text (project, third, &error), ==, first);
  g_assert_cmpint (dossier_project_find_same_text (project, first, &error), ==, again);
  g_assert_no_error (error);

  /* No such document: an error that says so. */
  g_assert_cmpint (dossier_project_find_same_text (project, 999, &error), ==, -1);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
}

/* A disk with no room left, not even for the shared memory SQLite reads
 * a log through: a project with nothing in its log is still read
 * (read-only, as it is on disk); opening it for writing says the disk is
 * full, not that a change was lost. The file is as it was. */
static void
test_disk_full_open (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "full.dossier");
  g_autofree char *path = g_strdup (dossier_project_get_path (project));
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(DossierProject) viewer = NULL;
  g_autoptr(DossierProject) writer = NULL;
  g_autoptr(GError) error = NULL;

  add_doc (project, "Pier repairs", "The pier closes for repairs in May.");
  g_clear_object (&project);
  before = test_read_bytes (path);

  test_full_disk_set_room (0);

  viewer = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (viewer)), ==, 1);
  g_clear_object (&viewer);

  writer = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_null (writer);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO);
  g_assert_cmpstr (error->message, ==,
                   "The disk is full, so “full.dossier” cannot be opened. Free some space and "
                   "try again.");

  test_full_disk_set_room (-1);
  after = test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Names a person types or pastes — tags, stakeholders and their aliases,
 * questions, the title — lose C0 and C1 controls and bidi overrides and
 * isolates (a tab or a line break becomes a space), and a name of nothing
 * else is refused as empty; multi-line texts (a description, a memo) keep
 * their line breaks and tabs and lose the rest. They were stored as typed:
 * an ESC or a U+202E in a tag's name reached every list, export and
 * terminal. */
static void
test_names_without_controls (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(DossierProject) project = create_project (fixture, "controls.dossier");
  g_autoptr(GError) error = NULL;
  const char * const aliases[] = { "Crews\u2066\u2069", NULL };
  g_autoptr(DossierHighlight) hl = NULL;
  gint64 tag, stakeholder, question, doc, highlight;

  tag = dossier_project_add_tag (project, "Risk\033]0;owned\007", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_tag_get_name (dossier_project_get_tag (project, tag)), ==, "Risk]0;owned");
  g_assert_true (dossier_project_rename_tag (project, tag, "\u202eCost\tof\xc2\x85 it\x7f", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_tag_get_name (dossier_project_get_tag (project, tag)), ==, "Cost of it");
  g_assert_cmpint (dossier_project_add_tag (project, "\033\u202e", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* A line break is refused in a tag's name, as before. */
  g_assert_cmpint (dossier_project_add_tag (project, "A\nB", 0, NULL, NULL, &error), ==, 0);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (dossier_project_set_tag_description (project, tag, "Line one\r\n\tLine\033[2J two\u202d",
                                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_tag_get_description (dossier_project_get_tag (project, tag)), ==,
                   "Line one\n\tLine[2J two");

  stakeholder = dossier_project_add_stakeholder (project, "Ferry\007 crews\u202c", aliases,
                                                 DOSSIER_STAKEHOLDER_PUBLIC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_stakeholder_get_name (dossier_project_get_stakeholder (project, stakeholder)),
                   ==, "Ferry crews");
  g_assert_cmpstr (dossier_stakeholder_get_aliases (dossier_project_get_stakeholder (project,
                                                                                     stakeholder))[0],
                   ==, "Crews");
  g_assert_true (dossier_project_set_stakeholder_name (project, stakeholder, "Port\x1b[31m authority",
                                                       &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_stakeholder_get_name (dossier_project_get_stakeholder (project, stakeholder)),
                   ==, "Port[31m authority");

  question = dossier_project_add_question (project, "Should fares\nrise?\u2067", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_question_get_text (dossier_project_get_question (project, question)), ==,
                   "Should fares rise?");
  g_assert_true (dossier_project_set_question_text (project, question, "\xc2\x9bShould fares fall?",
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_question_get_text (dossier_project_get_question (project, question)), ==,
                   "Should fares fall?");

  g_assert_true (dossier_project_set_title (project, "Harbour\r\nstudy\033", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_project_get_title (project), ==, "Harbour  study");

  doc = add_doc (project, "Harbour", "The ferry crews met on Monday.");
  highlight = add_phrase_highlight (project, doc, "ferry crews", tag, NULL);
  g_assert_true (dossier_project_set_highlight_memo (project, highlight, "First\n\u202eSecond\001",
                                                     &error));
  g_assert_no_error (error);
  hl = dossier_project_get_highlight (project, highlight, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_highlight_get_memo (hl), ==, "First\nSecond");

  assert_project_sound (project);
}

static gboolean
finds_document (DossierProject *project,
                gpointer        item)
{
  return dossier_project_get_document (project, dossier_document_get_id (item)) != NULL;
}

/* When the documents list says a document is gone, the project no longer
 * returns it (a view that looks up the document it shows in its handler
 * of items-changed): an import undone, a delete, and the delete undone
 * and redone. */
static void
test_documents_removed_not_found (TestProject   *f,
                                  gconstpointer  data)
{
  g_autoptr(TestRemovalWatch) watch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kept, doc;

  kept = add_doc (f->project, "Kept", "The pier stays open.");
  watch = test_removal_watch_new (f->project, dossier_project_get_documents (f->project), finds_document);
  doc = add_doc (f->project, "Ferry", "The ferry fare doubles in winter.");
  g_assert_true (dossier_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_document (f->project, doc));
  g_assert_cmpuint (test_removal_watch_get_n_removed (watch), ==, 1);

  g_assert_true (dossier_project_redo (f->project, &error));
  g_assert_true (dossier_project_delete_document (f->project, doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_removal_watch_get_n_removed (watch), ==, 2);
  g_assert_true (dossier_project_undo (f->project, &error));
  g_assert_true (dossier_project_redo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_removal_watch_get_n_removed (watch), ==, 3);
  g_assert_nonnull (dossier_project_get_document (f->project, kept));
}

/* Each kind of row has its own message for an id the project lacks, in
 * the language of the person (here the C locale's), naming the id. */
static void
test_not_found_messages (void)
{
  static const struct {
    DossierRowKind kind;
    const char    *message;
  } cases[] = {
    { DOSSIER_ROW_DOCUMENT, "There is no document 7 in this project." },
    { DOSSIER_ROW_TAG, "There is no tag 7 in this project." },
    { DOSSIER_ROW_HIGHLIGHT, "There is no highlight 7 in this project." },
    { DOSSIER_ROW_STAKEHOLDER, "There is no stakeholder 7 in this project." },
    { DOSSIER_ROW_QUESTION, "There is no question 7 in this project." },
    { DOSSIER_ROW_ARGUMENT, "There is no argument 7 in this project." },
    { DOSSIER_ROW_BRIEFING, "There is no briefing 7 in this project." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      dossier_set_not_found (&error, cases[i].kind, 7);
      g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/project/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-open", test_create_open);
  g_test_add_func ("/dossier/project/not-found-messages", test_not_found_messages);
  g_test_add ("/dossier/project/documents-removed-not-found", TestProject, NULL, test_project_set_up,
              test_documents_removed_not_found, test_project_tear_down);
  ADD ("default-title", test_default_title);
  ADD ("refuse-text-file", test_refuse_text_file);
  ADD ("refuse-png", test_refuse_png);
  ADD ("refuse-foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("refuse-newer-schema", test_refuse_newer);
  ADD ("refuse-directory", test_refuse_directory);
  ADD ("refuse-missing", test_refuse_missing);
  ADD ("read-only-file", test_read_only_file);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("read-only-leaves-folder", test_read_only_leaves_folder);
  ADD ("read-only-rollback-leaves-folder", test_read_only_rollback_leaves_folder);
  ADD ("lock-same-process", test_lock_same_process);
  ADD ("lock-other-process", test_lock_other_process);
  ADD ("stale-lock-file", test_stale_lock_file);
  ADD ("documents", test_documents);
  ADD ("tags-tree", test_tags_tree);
  ADD ("tags-merge-delete", test_tags_merge_delete);
  ADD ("tags-name-length", test_tags_name_length);
  ADD ("text-lengths", test_text_lengths);
  ADD ("text-read-in-pieces", test_text_read_in_pieces);
  ADD ("lengths-read-apart", test_lengths_read_apart);
  ADD ("names-without-controls", test_names_without_controls);
  ADD ("tag-keys", test_tag_keys);
  ADD ("save-as", test_save_as);
  ADD ("check", test_check);
  ADD ("disk-full", test_disk_full);
  ADD ("disk-full-open", test_disk_full_open);
  g_test_add ("/dossier/project/moved-while-open/rename", Fixture, GINT_TO_POINTER (MOVE_RENAME),
              fixture_set_up, test_moved_while_open, fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/delete", Fixture, GINT_TO_POINTER (MOVE_DELETE),
              fixture_set_up, test_moved_while_open, fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/replace-project", Fixture,
              GINT_TO_POINTER (MOVE_REPLACE_PROJECT), fixture_set_up, test_moved_while_open,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/replace-text", Fixture,
              GINT_TO_POINTER (MOVE_REPLACE_TEXT), fixture_set_up, test_moved_while_open,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/copy-in-place", Fixture,
              GINT_TO_POINTER (MOVE_COPY_IN_PLACE), fixture_set_up, test_moved_while_open,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/save-as-own-name/delete", Fixture,
              GINT_TO_POINTER (MOVE_DELETE), fixture_set_up, test_save_as_own_name,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/save-as-own-name/rename", Fixture,
              GINT_TO_POINTER (MOVE_RENAME), fixture_set_up, test_save_as_own_name,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/replaced-with-log", Fixture, NULL,
              fixture_set_up, test_replaced_with_log, fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/restored-backup", Fixture, NULL,
              fixture_set_up, test_restored_backup, fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/restored-by/cp-same-size", Fixture,
              GINT_TO_POINTER (RESTORE_CP_SAME_SIZE), fixture_set_up, test_restored_by,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/restored-by/cp-preserve", Fixture,
              GINT_TO_POINTER (RESTORE_CP_PRESERVE), fixture_set_up, test_restored_by,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/restored-by/rename", Fixture,
              GINT_TO_POINTER (RESTORE_RENAME), fixture_set_up, test_restored_by,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/restored-by/touch", Fixture,
              GINT_TO_POINTER (RESTORE_TOUCH), fixture_set_up, test_restored_by,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/restored-by/reader", Fixture,
              GINT_TO_POINTER (RESTORE_READER), fixture_set_up, test_restored_by,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/restored-by/touch-at-open", Fixture, NULL,
              fixture_set_up, test_touched_at_open, fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/shortened/empty", Fixture,
              GINT_TO_POINTER (SHORTEN_EMPTY), fixture_set_up, test_shortened, fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/shortened/truncate", Fixture,
              GINT_TO_POINTER (SHORTEN_TRUNCATE), fixture_set_up, test_shortened,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/shortened/cp-smaller", Fixture,
              GINT_TO_POINTER (SHORTEN_CP_SMALLER), fixture_set_up, test_shortened,
              fixture_tear_down);
  g_test_add ("/dossier/project/moved-while-open/written-over-mid-action", Fixture, NULL,
              fixture_set_up, test_written_over_mid_action, fixture_tear_down);
  g_test_add ("/dossier/project/file-alone/action", Fixture, NULL,
              fixture_set_up, test_file_alone_action, fixture_tear_down);
  g_test_add ("/dossier/project/file-alone/reader", Fixture, NULL,
              fixture_set_up, test_file_alone_reader, fixture_tear_down);
  g_test_add ("/dossier/project/file-alone/import", Fixture, NULL,
              fixture_set_up, test_file_alone_import, fixture_tear_down);
  g_test_add ("/dossier/project/same-text", TestProject, NULL,
              test_project_set_up, test_same_text, test_project_tear_down);

  return g_test_run ();
}
