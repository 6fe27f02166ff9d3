/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-util.h — what the tests share: temporary folders, documents and
 * tags made in one call, a project fixture whose teardown runs the
 * project's own check, and waiting on the main loop. Each helper fails the
 * test at once if what it does fails. */
#pragma once

#include <dossier/dossier.h>

G_BEGIN_DECLS

/* A new folder "dossier-test-@name-XXXXXX" in g_get_tmp_dir (): under
 * meson, the TMPDIR with-tmpdir.sh (unit) or with-display.sh (UI) made,
 * removed with all in it however the test ends. */
char                  *test_make_tmp_dir     (const char     *name);
/* The bytes of the file at @path (which must be readable). */
GBytes                *test_read_bytes       (const char     *path);
/* The names in @dir, sorted, separated by spaces ("" when empty or
 * absent): to show that a failure left nothing beside a file. */
char                  *test_list_dir         (const char     *dir);
/* How many times @needle occurs in @text (overlapping ones too). */
guint                  test_count_occurrences (const char    *text,
                                               const char    *needle);
/* Removes @path and everything below it, read-only files included,
 * without following symbolic links. */
void                   remove_tree           (const char     *path);

/* A plain-text document: @title, @text, one paragraph block, and @text as
 * its original file. */
DossierParsedDocument *make_doc              (const char     *title,
                                              const char     *text);
/* Adds @doc (transfer full) to @project; returns its id. */
gint64                 add_parsed_doc        (DossierProject        *project,
                                              DossierParsedDocument *doc);
/* Adds make_doc (@title, @text) to @project; returns its id. */
gint64                 add_doc               (DossierProject *project,
                                              const char     *title,
                                              const char     *text);
/* Imports @text as Markdown with @outlet and @published ("YYYY-MM-DD");
 * returns its id. */
gint64                 add_markdown_doc      (DossierProject *project,
                                              const char     *text,
                                              const char     *outlet,
                                              const char     *published);
/* [start, end) of the first @needle in @text, in code points (asserts
 * that it is there). */
void                   text_range            (const char     *text,
                                              const char     *needle,
                                              gint64         *start,
                                              gint64         *end);
/* Highlights the first @phrase in @document's text with @tag (0: no tag,
 * as evidence is); returns its id, its UUID in *@uuid (transfer full; may
 * be NULL). */
gint64                 add_phrase_highlight  (DossierProject *project,
                                              gint64          document,
                                              const char     *phrase,
                                              gint64          tag,
                                              char          **uuid);
/* The citations of a note whose body is @body (transfer full). */
GPtrArray             *resolve_body          (DossierProject *project,
                                              const char     *body);
/* Adds a tag named @name under @parent (0: top level), next colour, no
 * description; returns its id. */
gint64                 add_tag               (DossierProject *project,
                                              const char     *name,
                                              gint64          parent);

/* Asserts that dossier_project_check () finds nothing wrong in @project. */
void                   assert_project_sound  (DossierProject *project);

/* How many pages of @project's file SQLite has fetched since the last
 * call (from its cache or the file). */
int                    test_pages_fetched    (DossierProject *project);

/* Creates "@name.dossier", titled @title, in a new temporary folder;
 * stores the folder in *@dir and the file in *@path (if not NULL). */
DossierProject        *test_create_project   (const char      *name,
                                              const char      *title,
                                              char           **dir,
                                              char           **path);
/* The end of a project fixture: whatever the test did, the project holds
 * together (its own check), no one holds it any more (it is finalized),
 * and its folder goes. Clears all three. */
void                   test_finish_project   (DossierProject **project,
                                              char           **dir,
                                              char           **path);

/* A fixture for g_test_add (): an empty project titled "Test" in a
 * folder of its own, checked and removed after the test. */
typedef struct
{
  char           *dir;
  char           *path;
  DossierProject *project;
} TestProject;

void                   test_project_set_up    (TestProject    *fixture,
                                               gconstpointer   data);
void                   test_project_tear_down (TestProject    *fixture,
                                               gconstpointer   data);

/* Runs the default main context while it has something pending. */
void                   flush_events          (void);

typedef gboolean (*TestCondition) (gpointer data);

/* Runs the default main context until @condition (@data) holds; after 30 s
 * the test fails, saying it timed out waiting for @what. */
void                   wait_until            (TestCondition   condition,
                                              gpointer        data,
                                              const char     *what);

/* dossier_project_import_files_async () of @files run to its end: its
 * outcomes, as dossier_project_import_files_finish () gives them. */
GPtrArray             *import_and_wait       (DossierProject  *project,
                                              GFile          **files,
                                              guint            n_files,
                                              GError         **error);

/* ---- Project files made behind the core's back --------------------------- */

/* A fixture for g_test_add (): a new empty folder, removed after the test. */
typedef struct
{
  char *dir;
} TestDir;

void                   test_dir_set_up        (TestDir       *fixture,
                                               gconstpointer  data);
void                   test_dir_tear_down     (TestDir       *fixture,
                                               gconstpointer  data);
/* A path in the fixture's folder (free it). */
char                  *test_dir_path          (TestDir       *fixture,
                                               const char    *name);

/* Runs @sql on the file at @path with a connection of its own, outside
 * the core — no defences, no lock — as someone else's tool, or an
 * attacker, would. Fails the test on an SQL error. */
void                   test_sql_exec          (const char    *path,
                                               const char    *sql);
/* The same, and leaves whatever it wrote in the write-ahead log, as a
 * process killed before its checkpoint would. */
void                   test_sql_exec_in_wal   (const char    *path,
                                               const char    *sql);
/* The same with @table's NOT NULL and CHECK constraints lifted while @sql
 * runs, then its schema restored word for word: rows no SQL could write
 * into a table as Dossier made it, as a hand-crafted file holds. */
void                   test_sql_exec_unchecked (const char   *path,
                                               const char    *table,
                                               const char    *sql);
/* The first column of the first row of @sql, as an integer. */
gint64                 test_sql_int           (const char    *path,
                                               const char    *sql);
/* The same, as text (transfer full; NULL for NULL). */
char                  *test_sql_text          (const char    *path,
                                               const char    *sql);
/* The same from the file at @path read as it is on disk, without its
 * write-ahead log (as a copy mailed or backed up while the project is open
 * is), even while a project has it open. */
gint64                 test_sql_int_file_alone (const char   *path,
                                                const char   *sql);
/* The largest piece SQLite allocated since the last call (in this
 * process): a value copied whole out of a file takes one as large. */
int                    test_sqlite_largest_allocation (void);

/* Damages the search index of the project at @path (closed, its texts'
 * index filling more than two leaf pages) where SQLite itself reads it:
 * the last leaf page of documents_fts_data made no b-tree page, and
 * @document_id listed as waiting to be indexed. Indexing then fails, and
 * so does making the index again, which must empty that table. */
void                   test_break_search_index_page (const char *path,
                                                     gint64      document_id);

/* A new project at @path with one document of @text and the tags "Pro"
 * (id 1) and "Con" (id 2), closed. Returns the document's id. */
gint64                 test_make_project      (const char    *path,
                                               const char    *text);

/* What a run of dossier-cli ($DOSSIER_CLI) did. */
typedef struct
{
  int   status;   /* its exit status */
  char *out;
  char *err;
} TestRun;

void                   test_run_clear         (TestRun       *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRun, test_run_clear)

/* Runs dossier-cli with the arguments up to NULL; fails the test if it
 * dies of a signal, or says anything a user should never see (a critical,
 * a warning, a sanitizer's report), or writes more than one line on
 * stderr. */
void                   test_run_cli           (TestRun       *run,
                                               const char    *first,
                                               ...) G_GNUC_NULL_TERMINATED;

/* A full disk, for SQLite: once installed (the default VFS of the
 * process from then on), every write through SQLite fails with SQLITE_FULL
 * when it would take the bytes written since test_full_disk_set_room()
 * past @room (-1: no limit, the default); with no room at all, the shared
 * memory of a log cannot grow either (ENOSPC). No root, no mount, no preload:
 * the same property as a real ENOSPC, at any byte. */
void                   test_full_disk_set_room (gint64        room);
/* Bytes written through SQLite since the last test_full_disk_set_room(). */
gint64                 test_full_disk_get_written (void);

/* The bytes of @path and of its "-wal", "-shm", "-journal" and ".lock"
 * companions (absent ones recorded as absent), to prove that something
 * left them alone. */
typedef struct _TestFiles TestFiles;

TestFiles             *test_files_snapshot    (const char    *path);
/* Fails the test unless every file is exactly as in @before. */
void                   test_files_assert_same (TestFiles     *before);
/* The same, except that the "-shm" file, SQLite's index of the log that
 * any reader updates (its read marks), need only still exist or not. */
void                   test_files_assert_same_data (TestFiles *before);
void                   test_files_free        (TestFiles     *files);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestFiles, test_files_free)

/* How many statements @project's connection has run so far: the
 * difference over a call is how many queries it made. */
guint64                test_statement_runs    (DossierProject *project);
/* How many virtual machine steps they took, all together: the
 * difference over a call is the work of its queries, whatever their
 * number (a query that reads all rows costs as many steps as rows). */
guint64                test_statement_steps   (DossierProject *project);
/* Runs @action and fails if @project's statements took @most virtual
 * machine steps or more for it (the figure goes to the test's log). */
#define TEST_ASSERT_FEW_STEPS(project, most, action) \
  G_STMT_START { \
    guint64 steps_ = test_statement_steps (project); \
    action; \
    steps_ = test_statement_steps (project) - steps_; \
    g_test_message ("%s: %" G_GUINT64_FORMAT " steps", #action, steps_); \
    g_assert_cmpuint (steps_, <, (most)); \
  } G_STMT_END

/* Whether a connection holds its read lock on the project file @fd
 * (SQLite's SHARED range), or on its shared memory @fd (the DMS byte),
 * as every connection in WAL mode does while it is open: a process whose
 * descriptor of the file closes loses its own, and another process then
 * takes itself for the only one. So the descriptors are opened before
 * the project is and closed after. */
gboolean               test_project_lock_held (int            fd);
gboolean               test_shm_lock_held     (int            fd);
/* The same as another process finds it (it forks one), for @path: no
 * descriptor of the file is opened or closed here. */
gboolean               test_project_lock_held_at (const char *path);
/* The bytes of the file at @path, read by another process; @bytes written
 * over it in place (the same inode, as cp does), by another process. For
 * a file a project of this process has open: closing a descriptor of it
 * here would drop the locks above. */
GBytes                *test_read_bytes_elsewhere (const char *path);
void                   test_write_over_elsewhere (const char *path,
                                                  GBytes     *bytes);

/* ---- Lists that let go of what they say is gone ---------------------------- */

/* Whether @project still returns @item when asked for it by its id. */
typedef gboolean (*TestFindItem) (DossierProject *project,
                                  gpointer        item);

typedef struct _TestRemovalWatch TestRemovalWatch;

/* Follows @model's items-changed and fails the test, inside the handler,
 * if an item it says is removed is one @project still returns (@find):
 * a panel that looks up the item it shows when its list changes must not
 * find one that is gone. A move takes an item out and puts it back, and
 * it is still there meanwhile: watch actions that move nothing. */
TestRemovalWatch      *test_removal_watch_new (DossierProject *project,
                                               GListModel     *model,
                                               TestFindItem    find);
/* How many items @model has said were removed since the watch began. */
guint                  test_removal_watch_get_n_removed (TestRemovalWatch *watch);
void                   test_removal_watch_free (TestRemovalWatch *watch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestRemovalWatch, test_removal_watch_free)

G_END_DECLS
