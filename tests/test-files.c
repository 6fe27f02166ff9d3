/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-files.c — the project file among other files: made on a nearly
 * full disk, reached through a symbolic link, held by another process,
 * refused and left exactly as it was.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <dossier/dossier.h>

#include "dossier-project-private.h"
#include "test-util.h"

static const char article[] =
  "The ferry fare rises by a fifth in April.\n\n"
  "Commuters say the increase is unfair; the operator says fuel costs more.\n";

/* A schema version no Dossier has written yet. */
#define NEWER_SCHEMA 1000
/* A project of this version made one of version 4: version 5 added the
 * tags' number keys, version 6 the documents' lengths index. */
#define AS_VERSION_4 \
  "DROP INDEX documents_lengths; ALTER TABLE tags DROP COLUMN shortcut; PRAGMA user_version = 4"

#define add_test(path, func) \
  g_test_add ("/dossier/files/" path, TestDir, NULL, test_dir_set_up, func, test_dir_tear_down)

/* ---- Permissions -------------------------------------------------------------- */

/* A new project, and a copy made with Save As, get the mode any new file
 * gets (0666 less the umask), as the user's other files in the folder do:
 * they were made with mkstemp's 0600, so a project in a shared folder was
 * hidden from everyone else. */
static void
test_new_file_mode (TestDir       *fixture,
                    gconstpointer  data)
{
  static const mode_t masks[] = { 022, 077, 002 };

  for (guint i = 0; i < G_N_ELEMENTS (masks); i++)
    {
      g_autofree char *name = g_strdup_printf ("mode-%u.dossier", i);
      g_autofree char *copy_name = g_strdup_printf ("copy-%u.dossier", i);
      g_autofree char *path = test_dir_path (fixture, name);
      g_autofree char *copy = test_dir_path (fixture, copy_name);
      g_autoptr(DossierProject) project = NULL;
      g_autoptr(GError) error = NULL;
      mode_t saved = umask (masks[i]);
      struct stat st;

      project = dossier_project_create (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (dossier_project_save_as (project, copy, &error));
      g_assert_no_error (error);
      umask (saved);

      g_assert_cmpint (stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~masks[i]);
      g_assert_cmpint (stat (copy, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~masks[i]);
    }
}

/* ---- A new project on a nearly full disk ------------------------------------ */

/* With any amount of room left, "new" either makes a whole project that
 * passes its check, or fails saying the disk is full and leaves nothing
 * behind. It used to publish a file whose checkpoint had failed at close
 * (unheard of), and delete its log. */
static void
test_create_full_disk (TestDir       *fixture,
                       gconstpointer  data)
{
  gint64 needed;
  guint n_failed = 0, n_made = 0;

  /* How much a new project writes, all told. */
  {
    g_autofree char *path = test_dir_path (fixture, "measure.dossier");
    g_autoptr(DossierProject) project = NULL;
    g_autoptr(GError) error = NULL;

    test_full_disk_set_room (-1);
    project = dossier_project_create (path, "Measure", &error);
    g_assert_no_error (error);
    needed = test_full_disk_get_written ();
    dossier_project_close (project);
    remove_tree (fixture->dir);
    g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
  }
  g_test_message ("a new project writes %" G_GINT64_FORMAT " bytes", needed);

  /* Every amount of room up to that, in steps that fall at every offset
   * within a page over the run. */
  for (gint64 room = 0; room <= needed + 4096; room += 1021)
    {
      g_autofree char *dir = g_strdup_printf ("%s/room-%" G_GINT64_FORMAT, fixture->dir, room);
      g_autofree char *path = g_build_filename (dir, "new.dossier", NULL);
      g_autoptr(DossierProject) project = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *left = NULL;

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      test_full_disk_set_room (room);
      project = dossier_project_create (path, "Full", &error);
      test_full_disk_set_room (-1);

      if (project == NULL)
        {
          g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO);
          g_assert_nonnull (strstr (error->message, "disk is full"));
          left = test_list_dir (dir);
          if (left[0] != '\0')
            g_error ("with %" G_GINT64_FORMAT " bytes of room, a failed “new” left: %s",
                     room, left);
          n_failed++;
        }
      else
        {
          g_autofree char *report = NULL;

          dossier_project_close (project);
          g_clear_object (&project);
          project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
          g_assert_no_error (error);
          g_assert_true (dossier_project_check (project, &report, &error));
          g_assert_cmpstr (dossier_project_get_title (project), ==, "Full");
          n_made++;
        }
    }

  g_test_message ("%u attempts failed cleanly, %u made a project", n_failed, n_made);
  g_assert_cmpuint (n_failed, >, 10);
  g_assert_cmpuint (n_made, >, 0);
}

/* A real full disk: a small tmpfs, filled but for @free bytes, for
 * dossier-cli itself. Needs root (CI runs as root); elsewhere the full-disk
 * VFS above checks the same at every byte. */
static void
test_create_full_tmpfs (TestDir       *fixture,
                        gconstpointer  data)
{
  g_autofree char *mnt = test_dir_path (fixture, "mnt");
  guint n_failed = 0, n_made = 0;

  g_assert_cmpint (g_mkdir (mnt, 0700), ==, 0);
  if (geteuid () != 0 || mount ("tmpfs", mnt, "tmpfs", 0, "size=512k") != 0)
    {
      g_test_message ("no tmpfs here (%s): /dossier/files/create/full-disk checks the same "
                      "with a full disk at every byte", geteuid () != 0 ? "not root"
                                                                        : g_strerror (errno));
      return;
    }

  for (guint free_kb = 4; free_kb <= 400; free_kb += 12)
    {
      g_autofree char *fill = g_build_filename (mnt, "fill", NULL);
      g_autofree char *path = g_build_filename (mnt, "p.dossier", NULL);
      g_autofree char *zeros = g_malloc0 ((512 - free_kb) * 1024);
      g_autofree char *left = NULL;
      g_auto(TestRun) run = { 0 };

      g_assert_true (g_file_set_contents (fill, zeros, (512 - free_kb) * 1024, NULL));
      test_run_cli (&run, "new", path, NULL);
      g_unlink (fill);
      left = test_list_dir (mnt);

      if (run.status == 0)
        {
          test_run_cli (&run, "check", path, NULL);
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpstr (left, ==, "p.dossier");
          n_made++;
        }
      else
        {
          g_assert_cmpint (run.status, ==, 1);
          g_assert_nonnull (strstr (run.err, "disk is full"));
          if (left[0] != '\0')
            g_error ("with %u KB free, a failed “new” left: %s", free_kb, left);
          n_failed++;
        }
      remove_tree (path);
      {
        g_autofree char *all = test_list_dir (mnt);
        g_auto(GStrv) names = g_strsplit (all, " ", -1);

        for (guint i = 0; names[i] != NULL && names[i][0] != '\0'; i++)
          {
            g_autofree char *child = g_build_filename (mnt, names[i], NULL);

            g_unlink (child);
          }
      }
    }

  g_assert_cmpint (umount (mnt), ==, 0);
  g_test_message ("%u failed cleanly, %u made a project", n_failed, n_made);
  g_assert_cmpuint (n_failed, >, 0);
  g_assert_cmpuint (n_made, >, 0);
}

/* ---- Reached through a symbolic link ---------------------------------------- */

/* A project reached through a link opens — for writing too — as the file
 * it leads to: lock, log and shared memory beside that file. It used to
 * be refused as "cannot be written" (the lock followed the link, SQLite
 * was told not to). */
static void
test_symlink (TestDir       *fixture,
              gconstpointer  data)
{
  g_autofree char *real_dir = test_dir_path (fixture, "store");
  g_autofree char *link_dir = test_dir_path (fixture, "desktop");
  g_autofree char *real = g_build_filename (real_dir, "real.dossier", NULL);
  g_autofree char *link = g_build_filename (link_dir, "link.dossier", NULL);
  g_autofree char *chain = g_build_filename (link_dir, "chain.dossier", NULL);
  g_autofree char *dangling = g_build_filename (link_dir, "dangling.dossier", NULL);
  g_autofree char *real_lock = g_strconcat (real, ".lock", NULL);
  g_autofree char *link_lock = g_strconcat (link, ".lock", NULL);
  g_autofree char *canonical = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierProject) second = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) run = { 0 };

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (link_dir, 0700), ==, 0);
  test_make_project (real, article);
  g_assert_cmpint (symlink ("../store/real.dossier", link), ==, 0);
  g_assert_cmpint (symlink ("link.dossier", chain), ==, 0);
  g_assert_cmpint (symlink ("../store/gone.dossier", dangling), ==, 0);
  canonical = realpath (real, NULL);

  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? link : chain;

      project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (dossier_project_get_path (project), ==, canonical);
      g_assert_true (g_file_test (real_lock, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (link_lock, G_FILE_TEST_EXISTS));
      g_assert_cmpint (dossier_project_tag_range (project, 1, 4, 9, 1, &error), >, 0);
      g_assert_no_error (error);

      /* The same file by its own name is the same project: held. */
      second = dossier_project_open (real, DOSSIER_OPEN_READ_WRITE, &error);
      g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED);
      g_clear_error (&error);
      g_clear_object (&project);

      project = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_clear_object (&project);
    }
  g_assert_cmpint (test_sql_int (real, "SELECT count(*) FROM highlights"), ==, 1);

  test_run_cli (&run, "tag-add", link, "Cost", NULL);
  g_assert_cmpint (run.status, ==, 0);
  test_run_cli (&run, "check", chain, NULL);
  g_assert_cmpint (run.status, ==, 0);

  project = dossier_project_open (dangling, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "dangling.dossier"));
  g_clear_error (&error);

  /* Saving as a link to an existing file replaces that file; the link
   * stays a link. */
  {
    g_autofree char *copy = g_build_filename (real_dir, "copy.dossier", NULL);
    g_autofree char *copy_link = g_build_filename (link_dir, "copy-link.dossier", NULL);
    GStatBuf st;

    test_make_project (copy, "Another text.\n");
    g_assert_cmpint (symlink (copy, copy_link), ==, 0);
    project = dossier_project_open (real, DOSSIER_OPEN_READ_WRITE, &error);
    g_assert_no_error (error);
    g_assert_true (dossier_project_save_as (project, copy_link, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_lstat (copy_link, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
    g_assert_cmpint (test_sql_int (copy, "SELECT count(*) FROM highlights"), ==, 1);
  }
}

/* ---- Refused, and left as it was -------------------------------------------- */

/* A project whose refusal lies in its log — a newer schema, another
 * program's database, code planted — is refused before anything can
 * write: a writing command used to checkpoint the log into the file and
 * delete the log and shared memory on its way out. What the header says
 * is read from the file and its log without SQLite: nothing is touched.
 * Code planted in the log can only be seen through SQLite, which updates
 * the read marks in the log's shared-memory index as any reader does;
 * the file and the log stay as they were. */
static void
assert_untouched (TestFiles *before,
                  int        code,
                  gboolean   in_wal)
{
  if (code == DOSSIER_PROJECT_ERROR_UNTRUSTED && in_wal)
    test_files_assert_same_data (before);
  else
    test_files_assert_same (before);
}

static void
test_refused_untouched (TestDir       *fixture,
                        gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    int         code;
    const char *says;
    gboolean    file_only;   /* read-only, a log is not read to tell */
  } cases[] = {
    { "PRAGMA user_version = " G_STRINGIFY (NEWER_SCHEMA), DOSSIER_PROJECT_ERROR_NEWER_SCHEMA,
      "newer version" },
    { "PRAGMA application_id = 7", DOSSIER_PROJECT_ERROR_NOT_PROJECT, "not a Dossier project" },
    /* No Dossier wrote a schema 0 or below: no upgrade makes it a project
     * (read-only, it was told to open it once for writing). */
    { "PRAGMA user_version = 0", DOSSIER_PROJECT_ERROR_NOT_PROJECT, "not a Dossier project" },
    { "PRAGMA user_version = -1", DOSSIER_PROJECT_ERROR_NOT_PROJECT, "not a Dossier project" },
    /* Version 2's number on version 6's tables: its tables are not
     * version 2's (read-only, it was told to open it once for writing). */
    { "PRAGMA user_version = 2", DOSSIER_PROJECT_ERROR_UNTRUSTED, "does not create", TRUE },
    { "CREATE TRIGGER t AFTER INSERT ON tags BEGIN DELETE FROM documents; END",
      DOSSIER_PROJECT_ERROR_UNTRUSTED, "“t”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint in_wal = 0; in_wal < (cases[i].file_only ? 1 : 2); in_wal++)
      {
        g_autofree char *name = g_strdup_printf ("case-%u-%u.dossier", i, in_wal);
        g_autofree char *path = test_dir_path (fixture, name);
        g_autoptr(TestFiles) before = NULL;
        g_auto(TestRun) run = { 0 };

        g_test_message ("%s, %s", cases[i].sql, in_wal ? "in the log" : "in the file");
        test_make_project (path, article);
        /* In the log of a file without the log's stamp (an older
         * Dossier's), which is applied as found (beside a file with one,
         * a change without is refused for that: log/stampless). */
        if (in_wal)
          {
            test_sql_exec (path, "DELETE FROM sqlite_sequence WHERE name = '"
                                 DOSSIER_LOG_STAMP_NAME "'");
            test_sql_exec_in_wal (path, cases[i].sql);
          }
        else
          test_sql_exec (path, cases[i].sql);
        before = test_files_snapshot (path);

        for (guint flags = 0; flags < 2; flags++)
          {
            g_autoptr(DossierProject) project = NULL;
            g_autoptr(GError) error = NULL;

            project = dossier_project_open (path, flags == 0 ? DOSSIER_OPEN_READ_WRITE
                                                              : DOSSIER_OPEN_READ_ONLY, &error);
            g_assert_null (project);
            g_assert_error (error, DOSSIER_PROJECT_ERROR, cases[i].code);
            g_assert_nonnull (strstr (error->message, cases[i].says));
            assert_untouched (before, cases[i].code, in_wal);
          }

        test_run_cli (&run, "import", path, g_test_get_filename (G_TEST_DIST, "fixtures",
                                                                 "text", "harbour-pier.txt",
                                                                 NULL), NULL);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_nonnull (strstr (run.err, cases[i].says));
        assert_untouched (before, cases[i].code, in_wal);

        test_run_cli (&run, "documents", path, NULL);
        g_assert_cmpint (run.status, ==, 1);
        assert_untouched (before, cases[i].code, in_wal);
      }
}

/* ---- A rollback journal beside it ------------------------------------------ */

/* Opening @path, in every mode, and dossier-cli's reading, checking and
 * writing commands are refused for what lies beside it, the message
 * naming it (@says; @cli_says in dossier-cli's) and what to do; the
 * files stay as @before. */
static void
assert_refused_untouched (const char *path,
                          TestFiles  *before,
                          const char *says,
                          const char *cli_says)
{
  static const DossierOpenFlags modes[] = {
    DOSSIER_OPEN_READ_WRITE, DOSSIER_OPEN_READ_ONLY, DOSSIER_OPEN_INSPECT,
  };
  static const char *commands[] = { "documents", "check", "tag-add" };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(DossierProject) project = NULL;
      g_autoptr(GError) error = NULL;

      project = dossier_project_open (path, modes[i], &error);
      g_assert_null (project);
      g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_UNTRUSTED);
      g_assert_nonnull (strstr (error->message, says));
      g_assert_nonnull (strstr (error->message, "Move"));
      test_files_assert_same (before);
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(TestRun) run = { 0 };

      test_run_cli (&run, commands[i], path, i == 2 ? "Delays" : NULL, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, cli_says));
      test_files_assert_same (before);
    }
}

/* The hot journal a program killed in the middle of a transaction leaves
 * beside @other (a copy of a project switched to rollback mode, its
 * titles changed): its bytes, as copied while the transaction is open. */
static GBytes *
hot_journal_of (const char *other)
{
  g_autofree char *journal = g_strconcat (other, "-journal", NULL);
  sqlite3 *db = NULL;
  GBytes *bytes;

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  /* A small cache spills the changed pages into the file before the
   * commit, the journal's header written with its magic number first. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2;"
                                     "BEGIN; UPDATE documents SET title = 'Somebody else''s',"
                                     "  text = text || ' and more';"
                                     "UPDATE project SET title = 'Not yours';"
                                     "UPDATE documents SET original = zeroblob (60000);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  bytes = test_read_bytes (journal);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 8);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "\xd9\xd5\x05\xf9", 4);

  return bytes;
}

/* Another file's hot journal beside the project (copied with it, or left
 * by a tool that wrote another file of this name): SQLite played it back
 * into the project as it opened it — in every mode, dossier-cli's
 * read-only commands and check too — so the project showed the other
 * file's titles and was damaged ("row 1 missing from index"). It is now
 * refused, naming the journal and what to do, the files as they were;
 * moved away, the project opens as it was. */
static void
test_foreign_journal (TestDir       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "mine.dossier");
  g_autofree char *other = test_dir_path (fixture, "other.dossier");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *aside = test_dir_path (fixture, "journal-aside");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TestFiles) before = NULL;

  test_make_project (path, article);
  test_make_project (other, "Somebody else's text, about trains rather than ferries.\n");
  bytes = hot_journal_of (other);
  g_assert_true (g_file_set_contents (journal, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  before = test_files_snapshot (path);
  assert_refused_untouched (path, before, "“mine.dossier-journal”", "rollback journal");

  /* Moved out of the way: the project, as it was. */
  g_assert_cmpint (g_rename (journal, aside), ==, 0);
  {
    g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, NULL);
    g_autoptr(DossierDocument) document = NULL;

    g_assert_nonnull (project);
    document = g_list_model_get_item (dossier_project_get_documents (project), 0);
    g_assert_cmpstr (dossier_document_get_title (document), !=, "Somebody else's");
    assert_project_sound (project);
  }
}

/* ---- A log beside it that is not its own ------------------------------------ */

/* Run as "test-files --leave-log PATH HOW": a writer killed after its
 * action, leaving its log and shared memory. "copied": the action is
 * checkpointed into the file, as the window does a moment after it;
 * "in-flight": a second action follows and is only in the log;
 * "uncopied": the action alone, killed before its checkpoint; "other":
 * another program (an older Dossier) adds a tag, writing no stamp (the
 * page of sqlite_sequence, as the tag's number moves on, and in it the
 * stamp as it was, if there is one); "retitle": another program retitles
 * the project, writing nothing of sqlite_sequence. */
static int
leave_log (const char *path,
           const char *how)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (how, "other") || g_str_equal (how, "retitle"))
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, g_str_equal (how, "other")
                              ? "INSERT INTO tags (uuid, name, color) "
                                "VALUES ('other', 'Left by a crash', '#3584e4')"
                              : "UPDATE project SET title = 'Retitled elsewhere'",
                        NULL, NULL, NULL) != SQLITE_OK)
        {
          g_printerr ("%s\n", sqlite3_errmsg (db));
          return 1;
        }
      _exit (0);
    }

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  if (project == NULL || dossier_project_add_tag (project, "Left by a crash", 0, NULL, NULL,
                                                  &error) <= 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_str_equal (how, "uncopied"))
    _exit (0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (g_str_equal (how, "in-flight") &&
      dossier_project_add_tag (project, "In flight", 0, NULL, NULL, &error) <= 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  _exit (0);
}

static void
run_leave_log (const char *path,
               const char *how)
{
  const char *argv[] = { g_test_get_filename (G_TEST_BUILT, "test-files", NULL),
                         "--leave-log", path, how, NULL };
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static gboolean
has_tag (DossierProject *project,
         const char     *name)
{
  return dossier_project_find_tag (project, name) != NULL;
}

/* Opens the project at @path, adds a tag named @name and closes it: a
 * session that ends well, its log copied into the file and removed. */
static void
add_tag_and_close (const char *path,
                   const char *name)
{
  g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, NULL);

  g_assert_nonnull (project);
  add_tag (project, name, 0);
  dossier_project_close (project);
}

/* A log left by a crash beside a project, and another file put in the
 * project's place afterwards — another project, or a copy of this one
 * made before the session that crashed: SQLite applied the log's pages
 * to it, a mixture of two files that the first write made permanent (the
 * tags of one and the documents of the other, "row missing from index").
 * Such a log is refused now, before anything reads or writes, naming it
 * and what to do, the files as they were; with its shared memory gone
 * too. Moved away, the file opens as it is. */
static void
test_foreign_log (TestDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "mine.dossier");
  g_autofree char *other = test_dir_path (fixture, "other.dossier");
  g_autofree char *older = test_dir_path (fixture, "older.dossier");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *aside = test_dir_path (fixture, "log-aside");

  test_make_project (path, article);
  test_make_project (other, "Somebody else's text, about trains rather than ferries.\n");
  {
    g_autoptr(GBytes) bytes = test_read_bytes (path);

    g_assert_true (g_file_set_contents (older, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL));
  }
  add_tag_and_close (path, "Between");
  run_leave_log (path, "copied");

  for (guint replacement = 0; replacement < 2; replacement++)
    for (guint keep_shm = 0; keep_shm < 2; keep_shm++)
      {
        g_autoptr(GBytes) bytes = test_read_bytes (replacement == 0 ? other : older);
        g_autoptr(TestFiles) before = NULL;
        g_autoptr(GBytes) shm_bytes = keep_shm ? NULL : test_read_bytes (shm);

        g_test_message ("%s, %s", replacement == 0 ? "another project" : "an older copy",
                        keep_shm ? "with its shared memory" : "without");
        g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), NULL));
        if (!keep_shm)
          g_assert_cmpint (g_unlink (shm), ==, 0);
        before = test_files_snapshot (path);
        assert_refused_untouched (path, before, "“mine.dossier-wal”", "“mine.dossier-wal”");

        if (shm_bytes != NULL)
          g_assert_true (g_file_set_contents (shm, g_bytes_get_data (shm_bytes, NULL),
                                              g_bytes_get_size (shm_bytes), NULL));
      }

  /* Moved out of the way: the file, as it is. */
  g_assert_cmpint (g_rename (wal, aside), ==, 0);
  {
    g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, NULL);

    g_assert_nonnull (project);
    g_assert_false (has_tag (project, "Left by a crash"));
    assert_project_sound (project);
  }
}

/* The log a crash leaves beside the project's own file is still applied:
 * an action checkpointed before the crash, one only in the log, and the
 * first without its shared memory. */
static void
test_own_log (TestDir       *fixture,
              gconstpointer  data)
{
  static const char *hows[] = { "copied", "in-flight", "copied" };

  for (guint i = 0; i < G_N_ELEMENTS (hows); i++)
    {
      g_autofree char *name = g_strdup_printf ("own-%u.dossier", i);
      g_autofree char *path = test_dir_path (fixture, name);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autoptr(DossierProject) project = NULL;
      g_autoptr(GError) error = NULL;

      test_make_project (path, article);
      run_leave_log (path, hows[i]);
      if (i == 2)
        g_assert_cmpint (g_unlink (shm), ==, 0);

      project = dossier_project_open (path, i == 1 ? DOSSIER_OPEN_READ_ONLY
                                                   : DOSSIER_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      g_assert_true (has_tag (project, "Left by a crash"));
      g_assert_true (has_tag (project, "In flight") == g_str_equal (hows[i], "in-flight"));
      assert_project_sound (project);
      g_clear_object (&project);

      project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      g_assert_true (has_tag (project, "Left by a crash"));
    }
}

/* A copy of the file as it was when the log's first transaction began
 * (a copy made during the session that crashed, before any of its
 * actions), put back after a checkpoint copied the log into the file:
 * the log's pages, applied over it, make the file as the crash left it,
 * no mixture, and its first stamp follows the copy's. It is the file's
 * own, with the log's shared memory (which says what was copied, and the
 * copy lacks it) and without, and is applied. */
static void
test_own_log_over_copy (TestDir       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "mine.dossier");
  g_autofree char *copy = test_dir_path (fixture, "copy.dossier");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GBytes) wal_bytes = NULL;
  g_autoptr(GBytes) shm_bytes = NULL;

  test_make_project (path, article);
  {
    g_autoptr(GBytes) bytes = test_read_bytes (path);

    g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL));
  }
  run_leave_log (path, "copied");
  wal_bytes = test_read_bytes (wal);
  shm_bytes = test_read_bytes (shm);

  for (guint keep_shm = 0; keep_shm < 2; keep_shm++)
    {
      g_autoptr(GBytes) bytes = test_read_bytes (copy);
      g_autoptr(DossierProject) project = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", keep_shm ? "with its shared memory" : "without");
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), NULL));
      g_assert_true (g_file_set_contents (wal, g_bytes_get_data (wal_bytes, NULL),
                                          g_bytes_get_size (wal_bytes), NULL));
      if (keep_shm)
        g_assert_true (g_file_set_contents (shm, g_bytes_get_data (shm_bytes, NULL),
                                            g_bytes_get_size (shm_bytes), NULL));
      else
        g_unlink (shm);

      project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      g_assert_true (has_tag (project, "Left by a crash"));
      assert_project_sound (project);
      dossier_project_close (project);
    }
}

/* The same, with nothing yet copied from the log (a writer killed
 * within a moment of its action): only the log's stamps tie it to its
 * file. Another project's, and this project's over a copy of it made
 * before the session that crashed, are refused, the files as they were,
 * with the log's shared memory and without. */
static void
test_foreign_log_uncopied (TestDir       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "mine.dossier");
  g_autofree char *other = test_dir_path (fixture, "other.dossier");
  g_autofree char *older = test_dir_path (fixture, "older.dossier");
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GBytes) shm_bytes = NULL;

  test_make_project (path, article);
  test_make_project (other, "Somebody else's text, about trains rather than ferries.\n");
  {
    g_autoptr(GBytes) bytes = test_read_bytes (path);

    g_assert_true (g_file_set_contents (older, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), NULL));
  }
  add_tag_and_close (path, "Between");
  run_leave_log (path, "in-flight");
  shm_bytes = test_read_bytes (shm);

  for (guint replacement = 0; replacement < 2; replacement++)
    for (guint keep_shm = 0; keep_shm < 2; keep_shm++)
      {
        g_autoptr(GBytes) bytes = test_read_bytes (replacement == 0 ? other : older);
        g_autoptr(TestFiles) before = NULL;

        g_test_message ("%s, %s", replacement == 0 ? "another project" : "an older copy",
                        keep_shm ? "with its shared memory" : "without");
        g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), NULL));
        if (keep_shm)
          g_assert_true (g_file_set_contents (shm, g_bytes_get_data (shm_bytes, NULL),
                                              g_bytes_get_size (shm_bytes), NULL));
        else
          g_unlink (shm);
        before = test_files_snapshot (path);
        assert_refused_untouched (path, before, "“mine.dossier-wal”", "“mine.dossier-wal”");
      }
}

/* A log nothing was copied from, beside its own file, is applied: a
 * file with stamps; one written before them (its first is in the log);
 * a log an older Dossier (or another program) wrote, with no stamp at
 * all, beside a file without one either, which cannot tell; and, told by
 * its stamps, one whose shared memory is not the log's (a writer killed
 * in its commit, after the log was written but before the shared memory
 * was: test-crash met it), where the first transaction of the log is not
 * yet in the file; and one whose shared memory is gone (its first
 * transaction follows the file's own stamp, which no older copy has:
 * log/foreign-uncopied). */
static void
test_own_log_uncopied (TestDir       *fixture,
                       gconstpointer  data)
{
  static const char *hows[] = { "uncopied", "uncopied", "other", "uncopied", "uncopied" };

  for (guint i = 0; i < G_N_ELEMENTS (hows); i++)
    {
      g_autofree char *name = g_strdup_printf ("own-%u.dossier", i);
      g_autofree char *path = test_dir_path (fixture, name);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autoptr(DossierProject) project = NULL;
      g_autoptr(GError) error = NULL;

      test_make_project (path, article);
      if (i == 1 || i == 2)
        test_sql_exec (path, "DELETE FROM sqlite_sequence WHERE name = '" DOSSIER_LOG_STAMP_NAME "'");
      g_assert_cmpint (test_sql_int (path, "SELECT count (*) FROM sqlite_sequence "
                                           "WHERE name = '" DOSSIER_LOG_STAMP_NAME "'"),
                       ==, i != 1 && i != 2);
      run_leave_log (path, hows[i]);
      if (i == 3)
        {
          g_autoptr(GBytes) bytes = test_read_bytes (shm);
          g_autofree char *zeros = g_malloc0 (g_bytes_get_size (bytes));

          g_assert_true (g_file_set_contents (shm, zeros, g_bytes_get_size (bytes), NULL));
        }
      if (i == 4)
        g_assert_cmpint (g_unlink (shm), ==, 0);

      project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      g_assert_true (has_tag (project, "Left by a crash"));
      assert_project_sound (project);
    }
}

/* A log with transactions that carry no stamp beside a file that has
 * one: another project's log, from an older Dossier (or another
 * program), put beside it; or its own log, where another program (an
 * older Dossier) wrote after Dossier did. The file's chain of stamps
 * cannot hold them: refused, the files as they were, with the log's
 * shared memory and without. (SQLite applied both where the shared
 * memory was there: a mixture of the two projects, and a change the
 * chain does not know.) */
static void
test_stampless_log (TestDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "mine.dossier");
  g_autofree char *other = test_dir_path (fixture, "other.dossier");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  static const char * const suffixes[] = { "-wal", "-shm" };

  test_make_project (path, article);
  test_make_project (other, "Somebody else's text, about trains rather than ferries.\n");
  test_sql_exec (other, "DELETE FROM sqlite_sequence WHERE name = '" DOSSIER_LOG_STAMP_NAME "'");
  run_leave_log (other, "other");

  for (guint keep_shm = 0; keep_shm < 2; keep_shm++)
    {
      g_autoptr(TestFiles) before = NULL;

      g_test_message ("another project's, %s", keep_shm ? "with its shared memory" : "without");
      for (guint i = 0; i < 1 + keep_shm; i++)
        {
          g_autofree char *from = g_strconcat (other, suffixes[i], NULL);
          g_autofree char *to = g_strconcat (path, suffixes[i], NULL);
          g_autoptr(GBytes) bytes = test_read_bytes (from);

          g_assert_true (g_file_set_contents (to, g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes), NULL));
        }
      before = test_files_snapshot (path);
      assert_refused_untouched (path, before, "“mine.dossier-wal”", "“mine.dossier-wal”");
      g_assert_cmpint (g_unlink (wal), ==, 0);
      g_unlink (shm);
    }

  g_test_message ("its own, a transaction without a stamp after Dossier's");
  run_leave_log (path, "uncopied");
  run_leave_log (path, "retitle");
  {
    g_autoptr(GPtrArray) stamps = dossier_wal_read_stamps (path);
    g_autoptr(TestFiles) before = test_files_snapshot (path);

    g_assert_nonnull (stamps);
    g_assert_cmpuint (stamps->len, ==, 2);
    g_assert_nonnull (g_ptr_array_index (stamps, 0));
    g_assert_null (g_ptr_array_index (stamps, 1));
    assert_refused_untouched (path, before, "“mine.dossier-wal”", "“mine.dossier-wal”");
  }
}

#define STAMP_SQL \
  "SELECT seq FROM sqlite_sequence WHERE name = '" DOSSIER_LOG_STAMP_NAME "'"

/* Whether every transaction in the log of the file at @path wrote a
 * stamp naming @uuid, each following the one before, read as the look at
 * open reads them; and (@last: the newest token seen before, updated)
 * whether @what wrote any. */
static void
assert_log_stamped (const char  *path,
                    const char  *uuid,
                    char       **last,
                    const char  *what)
{
  g_autoptr(GPtrArray) stamps = dossier_wal_read_stamps (path);
  const guint n = DOSSIER_LOG_TOKEN_LENGTH;
  const char *newest = NULL;

  g_test_message ("%s", what);
  g_assert_nonnull (stamps);
  g_assert_cmpuint (stamps->len, >, 0);
  for (guint i = 0; i < stamps->len; i++)
    {
      const char *stamp = g_ptr_array_index (stamps, i);

      if (stamp == NULL)
        g_error ("%s: transaction %u of %u in the log has no stamp", what, i + 1, stamps->len);
      g_assert_cmpuint (strlen (stamp), ==, 2 * n + 2 + strlen (uuid));
      g_assert_cmpstr (stamp + 2 * n + 2, ==, uuid);
      if (newest != NULL)
        g_assert_cmpmem (stamp, n, newest, n);
      newest = stamp + n + 1;
    }
  /* It wrote a transaction of its own. */
  g_assert_true (*last == NULL || strncmp (*last, newest, n) != 0);
  g_free (*last);
  *last = g_strndup (newest, n);
}

/* Every transaction Dossier commits carries the log's stamp, whatever
 * writes it: actions of each kind, undo and redo, the search index (a
 * new text indexed, both indexes made again), an import from another
 * tool, a migration at open, and the repairs made at open (ids below 1,
 * wrong mention counts). A transaction without one would be taken for
 * another program's at the next open, after a crash. */
static void
test_every_commit_stamped (TestDir       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "stamped.dossier");
  g_autofree char *refi = g_build_filename (g_getenv ("DOSSIER_FIXTURES_DIR"), "refi-qda",
                                            "qualcoder", "project.qde", NULL);
  g_autofree char *last = NULL;
  g_autofree char *uuid = NULL;

  test_make_project (path, article);
  uuid = test_sql_text (path, "SELECT uuid FROM project");

  {
    g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, NULL);
    g_autoptr(DossierImportReport) report = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (refi);
    g_autoptr(GError) error = NULL;
    gint64 tag, document, highlight;

    g_assert_nonnull (project);
    tag = add_tag (project, "Fares", 0);
    assert_log_stamped (path, uuid, &last, "an action");
    g_assert_true (dossier_project_rename_tag (project, tag, "Fare rises", &error));
    g_assert_no_error (error);
    assert_log_stamped (path, uuid, &last, "a text set");
    highlight = add_phrase_highlight (project, 1, "ferry fare", tag, NULL);
    g_assert_true (dossier_project_set_highlight_memo (project, highlight, "Why a fifth?", &error));
    g_assert_no_error (error);
    assert_log_stamped (path, uuid, &last, "a memo");
    g_assert_true (dossier_project_undo (project, &error));
    g_assert_no_error (error);
    assert_log_stamped (path, uuid, &last, "undo");
    g_assert_true (dossier_project_redo (project, &error));
    g_assert_no_error (error);
    assert_log_stamped (path, uuid, &last, "redo");
    document = add_doc (project, "Buses", "The bus fare stays as it is.\n");
    g_assert_cmpuint (dossier_project_count_unindexed (project), ==, 0);
    assert_log_stamped (path, uuid, &last, "a document, indexed");
    g_assert_cmpint (dossier_project_autocode (project, tag, "fare", NULL, document, &error), >, 0);
    g_assert_no_error (error);
    assert_log_stamped (path, uuid, &last, "autocode");
    g_assert_cmpint (dossier_project_add_stakeholder (project, "The operator", NULL,
                                                      DOSSIER_STAKEHOLDER_ORGANISATION, &error), >, 0);
    g_assert_no_error (error);
    assert_log_stamped (path, uuid, &last, "a stakeholder, its mentions counted");
    g_assert_true (dossier_project_rebuild_search_index (project, &error));
    g_assert_no_error (error);
    assert_log_stamped (path, uuid, &last, "the search indexes made again");
    report = dossier_exchange_import (project, file, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (report);
    assert_log_stamped (path, uuid, &last, "an import from another tool");
    g_assert_true (dossier_project_delete_document (project, document, &error));
    g_assert_no_error (error);
    assert_log_stamped (path, uuid, &last, "a document deleted");
    assert_project_sound (project);
  }

  /* At open: each repair, then a migration. */
  test_sql_exec (path, "INSERT INTO tags (id, uuid, name, color) VALUES (0, 'zero', 'Zero', '#3584e4')");
  g_clear_pointer (&last, g_free);
  {
    g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, NULL);

    g_assert_nonnull (project);
    assert_log_stamped (path, uuid, &last, "ids below 1, at open");
  }
  test_sql_exec (path, "UPDATE stakeholder_mentions SET count = 999");
  g_clear_pointer (&last, g_free);
  {
    g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, NULL);

    g_assert_nonnull (project);
    assert_log_stamped (path, uuid, &last, "mention counts, at open");
  }

  /* A migration is copied into the file at once (its header must tell
   * the new version): its stamp is the file's. */
  test_sql_exec (path, AS_VERSION_4);
  g_free (last);
  last = test_sql_text (path, STAMP_SQL);
  {
    g_autoptr(DossierProject) project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, NULL);
    g_autofree char *stamp = test_sql_text (path, STAMP_SQL);

    g_assert_nonnull (project);
    g_assert_nonnull (stamp);
    g_test_message ("a migration, at open");
    g_assert_cmpstr (stamp + 2 * DOSSIER_LOG_TOKEN_LENGTH + 2, ==, uuid);
    g_assert_cmpmem (stamp, DOSSIER_LOG_TOKEN_LENGTH,
                     last + DOSSIER_LOG_TOKEN_LENGTH + 1, DOSSIER_LOG_TOKEN_LENGTH);
    assert_project_sound (project);
  }
}

/* ---- From an older version ---------------------------------------------------- */

/* Whether the file at @path is marked WAL in its header (bytes 18 and
 * 19, the versions SQLite reads and writes it with: 2 for WAL). */
static gboolean
marked_wal (const char *path)
{
  g_autoptr(GBytes) bytes = test_read_bytes (path);
  const guint8 *header = g_bytes_get_data (bytes, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), >=, 100);
  return header[18] == 2 && header[19] == 2;
}

/* A hot rollback journal beside a project is refused (8b721d5) on the
 * ground that Dossier never writes one, so that it is never the
 * project's own: every file Dossier writes — a new project, a copy by
 * Save As, the backup kept before an upgrade, the upgraded project — is
 * marked WAL before it has its name, and SQLite writes a file so marked
 * through its log alone. None is ever left beside it. */
static void
test_dossier_writes_no_journal (TestDir       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "new.dossier");
  g_autofree char *copy = test_dir_path (fixture, "copy.dossier");
  g_autofree char *older = test_dir_path (fixture, "older.dossier");
  g_autofree char *backup = g_strconcat (older, ".v4.bak", NULL);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = dossier_project_create (path, "New", &error);
  g_assert_no_error (error);
  g_assert_true (marked_wal (path));
  add_doc (project, "Ferry", article);
  g_assert_true (dossier_project_save_as (project, copy, &error));
  g_assert_no_error (error);
  g_assert_true (marked_wal (copy));
  dossier_project_close (project);
  g_clear_object (&project);
  g_assert_true (marked_wal (path));

  /* Version 4's tables (AS_VERSION_4). */
  test_make_project (older, article);
  test_sql_exec (older, AS_VERSION_4);
  project = dossier_project_open (older, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_true (marked_wal (backup));
  dossier_project_close (project);
  g_assert_true (marked_wal (older));

  {
    g_autofree char *listing = test_list_dir (fixture->dir);

    g_assert_null (strstr (listing, "-journal"));
  }
}

/* 'dossier-cli check' on a project of an older schema (read-only, it
 * cannot upgrade, and its queries are written for the current tables)
 * said "open it once for writing", which no dossier-cli command is
 * called. It names the command now, and that command upgrades the
 * project, keeping the old file beside it; then check says "ok". */
static void
test_older_check_says_how (TestDir       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "older.dossier");
  g_autofree char *backup = g_strconcat (path, ".v4.bak", NULL);
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *says = g_strdup_printf ("run “dossier-cli reindex %s”", quoted);
  g_autoptr(TestFiles) before = NULL;
  g_auto(TestRun) run = { 0 };

  /* Version 4's tables (AS_VERSION_4). */
  test_make_project (path, article);
  test_sql_exec (path, AS_VERSION_4);
  before = test_files_snapshot (path);

  test_run_cli (&run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  if (strstr (run.err, says) == NULL)
    g_error ("“%s” is not in “%s”", says, run.err);
  test_files_assert_same (before);
  test_run_clear (&run);

  test_run_cli (&run, "reindex", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  test_run_clear (&run);
  test_run_cli (&run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok\n");
  test_run_clear (&run);
  test_run_cli (&run, "tags", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Pro"));
}

/* ---- Held by another process -------------------------------------------------- */

/* "test-files --hold PATH KIND": holds PATH open for writing as KIND
 * ("window", "cli" or "program") until its standard input closes. */
static int
hold (const char *path,
      const char *kind)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  char c;

  g_set_prgname ("test-files");
  if (g_str_equal (kind, "window"))
    dossier_project_set_holder (DOSSIER_HOLDER_WINDOW);
  else if (g_str_equal (kind, "cli"))
    dossier_project_set_holder (DOSSIER_HOLDER_CLI);

  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("ready\n");
  fflush (stdout);
  while (read (STDIN_FILENO, &c, 1) > 0)
    ;
  return 0;
}

typedef struct
{
  GPid pid;
  int  in;     /* its standard input: closing it lets go */
} Holder;

static void
holder_start (Holder     *holder,
              const char *path,
              const char *kind)
{
  const char *argv[] = { g_test_get_filename (G_TEST_BUILT, "test-files", NULL),
                         "--hold", path, kind, NULL };
  g_autoptr(GError) error = NULL;
  char line[16] = { 0 };
  int out;
  gsize got = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &holder->pid, &holder->in, &out, NULL, &error);
  g_assert_no_error (error);
  while (got < 6)
    {
      ssize_t n = read (out, line + got, 6 - got);

      g_assert_cmpint (n, >, 0);
      got += n;
    }
  close (out);
  g_assert_cmpstr (line, ==, "ready\n");
}

static void
holder_stop (Holder *holder)
{
  int status = 0;

  close (holder->in);
  g_assert_cmpint (waitpid (holder->pid, &status, 0), ==, holder->pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_spawn_close_pid (holder->pid);
}

/* A second writer is told which process has the project: its id, host,
 * and whether it is the window, dossier-cli or some other program. */
static void
test_held_elsewhere (TestDir       *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    const char *kind;
    const char *says;
  } kinds[] = {
    { "window", "is already open in a Dossier window" },
    { "cli", "is being changed by dossier-cli" },
    { "program", "is already open for writing in “test-files”" },
  };
  g_autofree char *path = test_dir_path (fixture, "held.dossier");

  test_make_project (path, article);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(TestRun) run = { 0 };
      g_autofree char *says = NULL;
      Holder holder;

      holder_start (&holder, path, kinds[i].kind);
      says = g_strdup_printf ("%s (process %d on %s)", kinds[i].says, (int) holder.pid,
                              g_get_host_name ());

      test_run_cli (&run, "tag-add", path, "Cost", NULL);
      g_assert_cmpint (run.status, ==, 1);
      if (strstr (run.err, says) == NULL || strstr (run.err, "--wait SECONDS") == NULL)
        g_error ("“%s” does not say “%s” and suggest --wait", run.err, says);

      /* The core says the same to the window. */
      {
        g_autoptr(DossierProject) project = NULL;
        g_autoptr(GError) error = NULL;

        project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
        g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED);
        g_assert_nonnull (strstr (error->message, says));
      }

      holder_stop (&holder);
    }
}

/* --wait SECONDS on every command that writes: it waits for the other
 * process to let go, and says how long it waited when it did not. */
static void
test_wait (TestDir       *fixture,
           gconstpointer  data)
{
  static const char * const writers[] = {
    "import", "tag-add", "highlight", "autocode", "meta",
    "stakeholder-add", "question-add", "argument-add", "evidence-add",
  };
  g_autofree char *path = test_dir_path (fixture, "wait.dossier");
  g_autofree char *cli = g_strdup (g_getenv ("DOSSIER_CLI"));
  g_auto(TestRun) run = { 0 };
  Holder holder;

  test_make_project (path, article);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      test_run_cli (&run, writers[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      if (strstr (run.out, "--wait=SECONDS") == NULL)
        g_error ("dossier-cli %s has no --wait: %s", writers[i], run.out);
    }

  /* Given up after the time asked for. */
  holder_start (&holder, path, "window");
  {
    gint64 start = g_get_monotonic_time ();

    test_run_cli (&run, "tag-add", "--wait", "0.5", path, "Cost", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC / 2);
    g_assert_nonnull (strstr (run.err, "It was still open after 0.5 seconds."));
  }

  /* Done once the other lets go. */
  {
    const char *argv[] = { cli, "tag-add", "--wait", "60", path, "Cost", NULL };
    g_autoptr(GError) error = NULL;
    GPid pid;
    int status = 0;

    g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
    g_assert_no_error (error);
    g_usleep (G_USEC_PER_SEC / 4);
    holder_stop (&holder);
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_spawn_close_pid (pid);
  }
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM tags WHERE name = 'Cost'"), ==, 1);

  test_run_cli (&run, "tag-add", "--wait", "-1", path, "Cost", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* A text left unindexed (a writer closed or killed before indexing it,
 * or a damaged file's list, as test-mutate made) and no writer beside
 * the file: a read-only search says at once that it is not indexed, where
 * it waited 5 s for a writer that was not there — every search, in the
 * window's main loop too. */
static void
test_unindexed_no_writer (TestDir       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "unindexed.dossier");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 start;

  test_make_project (path, article);
  test_sql_exec (path, "INSERT INTO documents_unindexed (document) VALUES (1)");

  project = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  hits = dossier_project_search (project, "ferry", 0, &error);
  g_assert_null (hits);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "not indexed for search yet"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

/* ---- One file, one name ------------------------------------------------------- */

/* SQLite keeps a file's log and shared memory beside the name it was
 * given, and Dossier its lock file: a writer through each of two names
 * would not see the other's log and would write over its work. */

/* Opening @name for writing, here and from the command line, is refused
 * with a word on copying the file; nothing is made beside @name, and,
 * with @look, @name and @other_name and their logs are left exactly as
 * they were (not while this process has the file open: the close of the
 * test's own descriptors of it would drop the locks of its connection). */
static void
assert_no_writer (const char *name,
                  const char *other_name,
                  const char *says,
                  gboolean    look)
{
  g_autoptr(TestFiles) before = look ? test_files_snapshot (name) : NULL;
  g_autoptr(TestFiles) other_before = look ? test_files_snapshot (other_name) : NULL;
  g_autofree char *dir = g_path_get_dirname (name);
  g_autofree char *listed = test_list_dir (dir);
  g_autofree char *listed_after = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) run = { 0 };

  project = dossier_project_open (name, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_null (project);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, says));
  g_assert_nonnull (strstr (error->message, "copy the file and open the copy"));

  test_run_cli (&run, "tag-add", name, "Cost", NULL);
  g_assert_cmpint (run.status, ==, 1);
  if (strstr (run.err, says) == NULL || strstr (run.err, "copy the file") == NULL)
    g_error ("“%s” does not say “%s” and what to do", run.err, says);

  listed_after = test_list_dir (dir);
  g_assert_cmpstr (listed_after, ==, listed);
  if (look)
    {
      test_files_assert_same_data (before);
      test_files_assert_same_data (other_before);
    }
}

static void
test_hard_links (TestDir       *fixture,
                 gconstpointer  data)
{
  static const char says[] = "is also on this disk under another name";
  g_autofree char *path = test_dir_path (fixture, "held.dossier");
  g_autofree char *other = test_dir_path (fixture, "other.dossier");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  Holder holder;

  test_make_project (path, article);

  /* Open for writing by another process (a window) when the second name
   * is made: a writer through that name is refused, and so is one
   * through the first. */
  holder_start (&holder, path, "window");
  g_assert_cmpint (link (path, other), ==, 0);
  assert_no_writer (other, path, says, TRUE);
  holder_stop (&holder);
  {
    g_autofree char *listed = test_list_dir (fixture->dir);

    g_assert_cmpstr (listed, ==, "held.dossier other.dossier");
  }

  /* Nobody has it open: neither name opens for writing. */
  assert_no_writer (other, path, says, TRUE);
  assert_no_writer (path, other, says, TRUE);

  /* Read-only it opens, through either name, and says why it is so. */
  for (guint i = 0; i < 2; i++)
    {
      g_auto(TestRun) run = { 0 };

      project = dossier_project_open (i == 0 ? path : other, DOSSIER_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (dossier_project_get_shared_name (project), says));
      g_clear_object (&project);
      test_run_cli (&run, "tags", i == 0 ? path : other, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Pro"));
    }
  /* Read as it is on disk: no log is left beside either name. */
  {
    g_autofree char *listed = test_list_dir (fixture->dir);

    g_assert_cmpstr (listed, ==, "held.dossier other.dossier");
  }

  /* One name again: one project, for writing. */
  g_assert_cmpint (g_unlink (other), ==, 0);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_null (dossier_project_get_shared_name (project));
}

/* A file moved while it is open, here or in another process, is still
 * open under its old name: a writer through the new name is refused until
 * it is closed there. */
static void
test_moved_while_open (TestDir       *fixture,
                       gconstpointer  data)
{
  static const char says[] = "is already open under another name";
  g_autofree char *path = test_dir_path (fixture, "held.dossier");
  g_autofree char *moved = test_dir_path (fixture, "moved.dossier");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) run = { 0 };
  Holder holder;

  test_make_project (path, article);

  holder_start (&holder, path, "window");
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  assert_no_writer (moved, path, says, TRUE);
  /* Read-only, through the new name: it says why. */
  project = dossier_project_open (moved, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dossier_project_get_shared_name (project), says));
  g_clear_object (&project);
  holder_stop (&holder);

  test_run_cli (&run, "tag-add", moved, "Cost", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The same in this process. */
  project = dossier_project_open (moved, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (moved, path), ==, 0);
  assert_no_writer (path, moved, says, FALSE);
  g_clear_object (&project);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

/* ---- Another program's changes -------------------------------------------------- */

static void
exec_elsewhere (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A commit by another program (the sqlite3 shell) while the project is
 * open is seen at the next look, once, and everything is read again; the
 * project's own commits, its main connection's or a worker's (an
 * indexer's, an import's), are not another program's. */
static void
test_changed_elsewhere (TestDir       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "open.dossier");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(DossierProject) reader = NULL;
  g_autoptr(DossierProject) worker = NULL;
  g_autoptr(GError) error = NULL;

  test_make_project (path, article);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (dossier_project_reload_if_changed_elsewhere (project));

  g_assert_cmpint (dossier_project_add_tag (project, "Own", 0, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (dossier_project_reload_if_changed_elsewhere (project));

  worker = dossier_project_open_worker (project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_project_add_tag (worker, "Worker", 0, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&worker);
  g_assert_false (dossier_project_reload_if_changed_elsewhere (project));

  exec_elsewhere (path, "UPDATE tags SET name = 'Fares' WHERE name = 'Pro'");
  g_assert_null (dossier_project_find_tag (project, "Fares"));
  g_assert_true (dossier_project_reload_if_changed_elsewhere (project));
  g_assert_nonnull (dossier_project_find_tag (project, "Fares"));
  g_assert_nonnull (dossier_project_find_tag (project, "Worker"));
  g_assert_false (dossier_project_reload_if_changed_elsewhere (project));

  /* Read-only beside a writer, any change is another's. */
  reader = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_project_add_tag (project, "Later", 0, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (dossier_project_reload_if_changed_elsewhere (reader));
  g_assert_nonnull (dossier_project_find_tag (reader, "Later"));
  g_assert_false (dossier_project_reload_if_changed_elsewhere (project));
}

/* ---- SQLite's locks and this process's own reads ----------------------------- */

static gboolean
export_over (const char *path,
             gpointer    project)
{
  DossierExportOptions options;
  g_autoptr(GError) error = NULL;

  dossier_export_options_init (&options);
  g_assert_false (dossier_export_to_file (project, DOSSIER_EXPORT_MARKDOWN, NULL, &options,
                                          path, NULL, &error));
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO);
  return TRUE;
}

/* POSIX record locks belong to the process, and the close of any of its
 * descriptors of a file drops them all: the open's look at the header,
 * the log and the shared memory, an export's look at its destination, an
 * import's read of a file that is the project, must each leave the locks
 * of this process's own connection to that file (a window, a dossier-cli
 * batch) as they were. */
static void
test_own_reads_keep_locks (TestDir       *fixture,
                           gconstpointer  data)
{
  static const struct
  {
    const char       *what;
    const char       *name;     /* the path it is given, if not the project's */
    DossierOpenFlags  flags;
    int               refused;  /* its code, or -1 */
  } opens[] = {
    { "a second open for writing", NULL, DOSSIER_OPEN_READ_WRITE, DOSSIER_PROJECT_ERROR_LOCKED },
    { "an open read-only", NULL, DOSSIER_OPEN_READ_ONLY, -1 },
    { "a check", NULL, DOSSIER_OPEN_INSPECT, -1 },
    { "an open read-only through a link", "link.dossier", DOSSIER_OPEN_READ_ONLY, -1 },
  };
  g_autofree char *path = test_dir_path (fixture, "held.dossier");
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *link = test_dir_path (fixture, "link.dossier");
  g_autofree char *article_link = test_dir_path (fixture, "article.txt");
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int fd, shm_fd;

  test_make_project (path, article);
  g_assert_cmpint (symlink ("held.dossier", link), ==, 0);
  g_assert_cmpint (symlink ("held.dossier", article_link), ==, 0);

  /* Opened before the project and closed after it: the test's own
   * descriptors drop nothing. */
  fd = open (path, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_project_tag_range (project, 1, 4, 9, 1, &error), >, 0);
  g_assert_no_error (error);
  shm_fd = open (shm, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (shm_fd, >=, 0);
  g_assert_true (test_project_lock_held (fd));
  g_assert_true (test_shm_lock_held (shm_fd));

  for (guint i = 0; i < G_N_ELEMENTS (opens) + 2; i++)
    {
      if (i < G_N_ELEMENTS (opens))
        {
          g_autofree char *other = opens[i].name != NULL ? test_dir_path (fixture, opens[i].name)
                                                         : g_strdup (path);
          g_autoptr(DossierProject) second = NULL;

          g_test_message ("%s", opens[i].what);
          second = dossier_project_open (other, opens[i].flags, &error);
          if (opens[i].refused >= 0)
            {
              g_assert_error (error, DOSSIER_PROJECT_ERROR, opens[i].refused);
              g_clear_error (&error);
            }
          else
            g_assert_no_error (error);
        }
      else if (i == G_N_ELEMENTS (opens))
        {
          g_test_message ("an export over it");
          export_over (path, project);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_path (article_link);
          DossierParsedDocument *doc;

          g_test_message ("an import of it under another name");
          doc = dossier_import_file (file, DOSSIER_FORMAT_AUTO, NULL, &error);
          g_assert_null (doc);
          g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_TEXT);
          g_clear_error (&error);
        }

      g_assert_true (test_project_lock_held (fd));
      g_assert_true (test_shm_lock_held (shm_fd));
      g_assert_cmpint (dossier_project_tag_range (project, 1, 10, 14, 2, &error), >, 0);
      g_assert_no_error (error);
      g_assert_true (test_project_lock_held (fd));
    }

  dossier_project_close (project);
  g_assert_false (test_project_lock_held (fd));
  close (shm_fd);
  close (fd);
}

/* ---- Nothing left beside the project --------------------------------------- */

/* Each command of dossier-cli, run on its own, leaves the project's
 * folder as it was: no log, no shared memory, no lock. */
static void
test_cli_leaves_folder (TestDir       *fixture,
                        gconstpointer  data)
{
  static const char * const commands[][6] = {
    { "documents" }, { "text", "1" }, { "tags" }, { "stakeholders" }, { "mentions" },
    { "arguments" }, { "briefings" }, { "compare" }, { "check" },
    { "export", "--format", "json", "-o", "/dev/null" },
    { "export", "--format", "html", "-o", "/dev/null" },
    { "tag-add", "Cost" }, { "highlight", "1", "4", "9", "--tag", "Pro" },
    { "stakeholder-add", "Commuters" }, { "meta", "1", "--title", "Fares" }, { "reindex" },
  };
  g_autofree char *path = test_dir_path (fixture, "quiet.dossier");

  test_make_project (path, article);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(TestRun) run = { 0 };
      g_autofree char *listed = NULL;

      test_run_cli (&run, commands[i][0], path, commands[i][1], commands[i][2],
                    commands[i][3], commands[i][4], commands[i][5], NULL);
      g_assert_cmpint (run.status, ==, 0);
      listed = test_list_dir (fixture->dir);
      if (!g_str_equal (listed, "quiet.dossier"))
        g_error ("dossier-cli %s left: %s", commands[i][0], listed);
    }
}

/* Two read-only opens, the second beside the empty log the first made
 * (another dossier-cli reading, a window opened read-only), closed in
 * the order they were opened: the last to close, read-only too, takes
 * the log and shared memory away. */
static void
test_readers_leave_folder (TestDir       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "read.dossier");
  g_autoptr(DossierProject) first = NULL;
  g_autoptr(DossierProject) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;

  test_make_project (path, article);
  first = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  second = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (second)), ==, 1);
  g_clear_object (&first);
  g_clear_object (&second);

  listed = test_list_dir (fixture->dir);
  g_assert_cmpstr (listed, ==, "read.dossier");
}

/* dossier-cli reading the project beside a window that has it open
 * read-only, the window closed first: dossier-cli, the last, leaves
 * nothing. It prints a text larger than a pipe holds, so that it keeps
 * the project open until the test has closed its own. */
static void
test_cli_reader_outlives_window (TestDir       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "long.dossier");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DossierProject) window = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) rest = NULL;
  g_autofree char *listed = NULL;
  GInputStream *out;
  char first[4096];
  gssize n;

  while (text->len < 256 * 1024)
    g_string_append (text, "The ferry fare rises by a fifth in April, and commuters object.\n\n");
  test_make_project (path, text->str);

  window = dossier_project_open (path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("DOSSIER_CLI"),
                          "text", path, "1", NULL);
  g_assert_no_error (error);

  /* Its first bytes: it has the project open, and cannot write the rest
   * until they are read. */
  out = g_subprocess_get_stdout_pipe (cli);
  n = g_input_stream_read (out, first, sizeof first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, >, 0);
  g_clear_object (&window);

  g_assert_true (g_subprocess_communicate (cli, NULL, NULL, &rest, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (cli));
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);
  g_assert_cmpuint (n + g_bytes_get_size (rest), >=, text->len - 2);

  listed = test_list_dir (fixture->dir);
  g_assert_cmpstr (listed, ==, "long.dossier");
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--hold"))
    return hold (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "--leave-log"))
    return leave_log (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  add_test ("create/full-disk", test_create_full_disk);
  add_test ("create/mode", test_new_file_mode);
  add_test ("create/full-tmpfs", test_create_full_tmpfs);
  add_test ("symlink", test_symlink);
  add_test ("refused-untouched", test_refused_untouched);
  add_test ("journal/foreign", test_foreign_journal);
  add_test ("journal/dossier-writes-none", test_dossier_writes_no_journal);
  add_test ("log/foreign", test_foreign_log);
  add_test ("log/own", test_own_log);
  add_test ("log/own-over-copy", test_own_log_over_copy);
  add_test ("log/foreign-uncopied", test_foreign_log_uncopied);
  add_test ("log/own-uncopied", test_own_log_uncopied);
  add_test ("log/every-commit-stamped", test_every_commit_stamped);
  add_test ("log/stampless", test_stampless_log);
  add_test ("older/check-says-how", test_older_check_says_how);
  add_test ("lock/held-elsewhere", test_held_elsewhere);
  add_test ("lock/wait", test_wait);
  add_test ("lock/unindexed-no-writer", test_unindexed_no_writer);
  add_test ("lock/own-reads-keep-locks", test_own_reads_keep_locks);
  add_test ("lock/hard-links", test_hard_links);
  add_test ("lock/moved-while-open", test_moved_while_open);
  add_test ("changed-elsewhere", test_changed_elsewhere);
  add_test ("leftovers/cli", test_cli_leaves_folder);
  add_test ("leftovers/readers", test_readers_leave_folder);
  add_test ("leftovers/cli-outlives-window", test_cli_reader_outlives_window);

  return g_test_run ();
}
