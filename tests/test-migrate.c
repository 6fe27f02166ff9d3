/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-migrate.c — a version 1 project (built here with raw SQL, the way
 * Dossier 1 wrote it) opens as version 2 with all its data, after a
 * backup copy.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <dossier/dossier.h>

#include "dossier-project-private.h"
#include "test-util.h"

/* The version 1 layout, as it was. */
static const char schema_v1[] =
  "CREATE TABLE project (id INTEGER PRIMARY KEY CHECK (id = 1), uuid TEXT NOT NULL,"
  "  title TEXT NOT NULL, created TEXT NOT NULL);"
  "CREATE TABLE documents (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL, author TEXT, outlet TEXT, source TEXT, published TEXT,"
  "  imported TEXT NOT NULL, format TEXT NOT NULL, original BLOB, text TEXT NOT NULL,"
  "  hash TEXT NOT NULL, length INTEGER NOT NULL);"
  "CREATE TABLE blocks (id INTEGER PRIMARY KEY,"
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL, kind TEXT NOT NULL,"
  "  level INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX blocks_by_document ON blocks (document, start);"
  "CREATE TABLE tags (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL, parent INTEGER REFERENCES tags (id) ON DELETE CASCADE,"
  "  color TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX tags_by_parent ON tags (parent, position);"
  "CREATE TABLE highlights (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE,"
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL, quote TEXT NOT NULL,"
  "  prefix TEXT NOT NULL DEFAULT '', suffix TEXT NOT NULL DEFAULT '',"
  "  memo TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL, modified TEXT NOT NULL, CHECK (start >= 0 AND end > start));"
  "CREATE INDEX highlights_by_document ON highlights (document, start, end);"
  "CREATE TABLE highlight_tags ("
  "  highlight INTEGER NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,"
  "  tag INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (highlight, tag));"
  "CREATE INDEX highlight_tags_by_tag ON highlight_tags (tag, highlight);"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 (text, content = 'documents',"
  "  content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
  "  INSERT INTO documents_fts (rowid, text) VALUES (new.id, new.text); END;"
  "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', old.id, old.text); END;"
  "CREATE TRIGGER documents_fts_update AFTER UPDATE OF text ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO documents_fts (rowid, text) VALUES (new.id, new.text); END;";

static const char text1[] = "Ferry fares rise by a fifth — “unfair”, say commuters.";
static const char text2[] = "Le quai sera reconstruit en pierre. Coût : 4 M€.";

/* What a user sees of the data, in both versions. */
static const char data_query[] =
  "SELECT 'p', uuid, title, created, NULL, NULL, NULL FROM project UNION ALL "
  "SELECT 'd', id, uuid, title, author, text, hash || length || coalesce (published, '') FROM documents UNION ALL "
  "SELECT 'b', document, start, end, kind, level, NULL FROM blocks UNION ALL "
  "SELECT 't', id, uuid, name, parent, color, description || position FROM tags UNION ALL "
  "SELECT 'h', id, uuid, document, start || '-' || end, quote || prefix || suffix, memo || author || created || modified FROM highlights UNION ALL "
  "SELECT 'ht', highlight, tag, position, NULL, NULL, NULL FROM highlight_tags "
  "ORDER BY 1, 2, 3, 4";

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
insert_document (sqlite3    *db,
                 const char *uuid,
                 const char *title,
                 const char *text)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "INSERT INTO documents (uuid, title, author, imported, format, original, "
                          "text, hash, length) VALUES (?1, ?2, 'A. Writer', '2023-06-01T10:00:00Z', "
                          "'text', ?3, ?3, ?4, ?5)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, g_utf8_strlen (text, -1));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
insert_highlight (sqlite3    *db,
                  int         id,
                  int         document,
                  const char *text,
                  int         start,
                  int         end,
                  const char *memo)
{
  g_autofree char *quote = dossier_text_slice (text, start, end);
  g_autofree char *prefix = dossier_text_slice (text, MAX (0, start - 32), start);
  g_autofree char *suffix = dossier_text_slice (text, end, end + 32);
  g_autofree char *uuid = g_strdup_printf ("h-%d", id);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "INSERT INTO highlights (id, uuid, document, start, end, quote, prefix, "
                          "suffix, memo, author, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                          "?7, ?8, ?9, 'Ana', '2023-06-02T09:00:00Z', '2023-06-02T09:30:00Z')",
                      -1, &stmt, NULL);
  sqlite3_bind_int (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, document);
  sqlite3_bind_int (stmt, 4, start);
  sqlite3_bind_int (stmt, 5, end);
  sqlite3_bind_text (stmt, 6, quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, suffix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, memo, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
build_v1 (const char *path)
{
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", DOSSIER_APPLICATION_ID);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "PRAGMA journal_mode = WAL");
  exec_sql (db, app_id);
  exec_sql (db, "PRAGMA user_version = 1");
  exec_sql (db, schema_v1);
  exec_sql (db, "INSERT INTO project VALUES (1, 'p-1', 'Old harbour study', '2023-06-01T09:00:00Z')");
  insert_document (db, "d-1", "Fares", text1);
  insert_document (db, "d-2", "Quai", text2);
  exec_sql (db, "INSERT INTO blocks (document, start, end, kind, level) VALUES "
                "(1, 0, 54, 'paragraph', 0), (2, 0, 35, 'heading', 2), (2, 36, 48, 'paragraph', 0)");
  exec_sql (db, "INSERT INTO tags (id, uuid, name, parent, color, position) VALUES "
                "(1, 't-1', 'Risks', NULL, '#e01b24', 0), (2, 't-2', 'Cost', 1, '#e66100', 0),"
                "(3, 't-3', 'Actors', NULL, '#3584e4', 1)");
  insert_highlight (db, 1, 1, text1, 0, 11, "Fares: how much?");
  insert_highlight (db, 2, 1, text1, 31, 39, "");
  insert_highlight (db, 3, 2, text2, 36, 40, "Le coût annoncé");
  exec_sql (db, "INSERT INTO highlight_tags VALUES (1, 2, 0), (2, 3, 0), (3, 2, 0), (3, 1, 1)");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
dump_data (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, data_query, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 7; i++)
        g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, i) == SQLITE_NULL ?
                                            "NULL" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
pragma_int (const char *path,
            const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_tmp_dir ("migrate");
  fixture->path = g_build_filename (fixture->dir, "old.dossier", NULL);
  build_v1 (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *before = dump_data (fixture->path);
  g_autofree char *backup = g_strconcat (fixture->path, ".v1.bak", NULL);
  g_autofree char *second_backup = g_strconcat (fixture->path, ".v1.2.bak", NULL);
  g_autofree char *after = NULL;
  g_autofree char *backed_up = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GArray) blocks = NULL;
  GListModel *tags;

  g_assert_cmpint (pragma_int (fixture->path, "user_version"), ==, 1);

  project = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  /* The backup is the old file, whole. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (pragma_int (backup, "user_version"), ==, 1);
  g_assert_cmpint (pragma_int (backup, "application_id"), ==, DOSSIER_APPLICATION_ID);
  backed_up = dump_data (backup);
  g_assert_cmpstr (backed_up, ==, before);

  /* The project is version 2, with every row it had. */
  g_assert_cmpint (pragma_int (fixture->path, "user_version"), ==, DOSSIER_SCHEMA_VERSION);
  after = dump_data (fixture->path);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpstr (dossier_project_get_title (project), ==, "Old harbour study");
  g_assert_cmpstr (dossier_project_get_uuid (project), ==, "p-1");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_project_get_documents (project)), ==, 2);
  g_assert_cmpuint (dossier_document_get_n_highlights (dossier_project_get_document (project, 1)), ==, 2);
  tags = dossier_project_get_tags (project);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 3);
  g_assert_cmpstr (dossier_tag_get_path (dossier_project_find_tag (project, "Cost")), ==, "Risks/Cost");
  g_assert_cmpuint (dossier_tag_get_n_highlights (dossier_project_find_tag (project, "Cost")), ==, 2);

  highlights = dossier_project_list_highlights (project, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (highlights->len, ==, 3);
  g_assert_cmpstr (dossier_highlight_get_memo (g_ptr_array_index (highlights, 0)), ==, "Fares: how much?");
  g_assert_false (dossier_highlight_get_orphaned (g_ptr_array_index (highlights, 0)));
  {
    DossierHighlight *h = g_ptr_array_index (highlights, 2);
    guint n_tags;
    const gint64 *ids = dossier_highlight_get_tag_ids (h, &n_tags);

    g_assert_cmpuint (n_tags, ==, 2);
    g_assert_cmpint (ids[0], ==, 2);
    g_assert_cmpint (ids[1], ==, 1);
    g_assert_cmpstr (dossier_highlight_get_quote (h), ==, "Coût");
  }

  blocks = dossier_project_get_document_blocks (project, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpint (g_array_index (blocks, DossierBlock, 0).kind, ==, DOSSIER_BLOCK_HEADING);
  g_assert_cmpint (g_array_index (blocks, DossierBlock, 0).level, ==, 2);

  /* Memos written in version 1 are searchable now, texts still are. */
  hits = dossier_project_search (project, "annoncé", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((DossierSearchHit *) g_ptr_array_index (hits, 0))->highlight_id, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = dossier_project_search (project, "commuters", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);

  assert_project_sound (project);

  /* The new tables work, and so does everything else. */
  {
    sqlite3 *db = dossier_project_get_db (project);

    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO stakeholders (uuid, name) VALUES ('s', 'Port');"
                                       "INSERT INTO stakeholder_evidence (stakeholder, highlight) "
                                       "VALUES (1, 1)", NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_cmpint (dossier_project_tag_range (project, 2, 0, 2, 3, &error), >, 3);
  g_assert_no_error (error);
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);

  /* Opening again does not migrate, nor back up, again. */
  dossier_project_close (project);
  g_clear_object (&project);
  project = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (second_backup, G_FILE_TEST_EXISTS));
}

/* A version 5 project (this version's, without the documents' lengths
 * index version 6 added) opens as version 6, backed up first: the index
 * made and holding every length as stored, each document listed with
 * its length, the data as it was. An older Dossier refuses the version 6
 * file as it refuses any newer one (by its user_version). */
static void
test_v5_to_v6 (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".v5.bak", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* (version 1 made version 6, then made version 5's) */
  project = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  dossier_project_close (project);
  g_clear_object (&project);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  exec_sql (db, "DROP INDEX documents_lengths; PRAGMA user_version = 5");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  before = dump_data (fixture->path);

  project = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (backup, "user_version"), ==, 5);
  g_assert_cmpint (pragma_int (fixture->path, "user_version"), ==, 6);
  after = dump_data (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM documents "
                                                "INDEXED BY documents_lengths "
                                                "WHERE length = (SELECT length FROM documents "
                                                "AS d NOT INDEXED WHERE d.id = documents.id)"), ==, 2);
  g_assert_cmpint (dossier_document_get_length (dossier_project_get_document (project, 1)), ==,
                   g_utf8_strlen (text1, -1));
  g_assert_cmpint (dossier_document_get_length (dossier_project_get_document (project, 2)), ==,
                   g_utf8_strlen (text2, -1));
  assert_project_sound (project);
}

static void
test_read_only_refuses (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".v1.bak", NULL);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  g_file_get_contents (fixture->path, &before, &before_length, NULL);

  /* Read-only cannot upgrade: it says so, and leaves the file alone. */
  project = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_ONLY, &error);
  g_assert_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "older version"));
  g_assert_null (project);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_file_get_contents (fixture->path, &after, &after_length, NULL);
  g_assert_cmpmem (before, before_length, after, after_length);
  {
    g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpint (pragma_int (fixture->path, "user_version"), ==, 1);
}

static void
test_backup_name_taken (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->path, ".v1.bak", NULL);
  g_autofree char *second = g_strconcat (fixture->path, ".v1.2.bak", NULL);
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  /* An older backup is never overwritten. */
  g_file_set_contents (backup, "an older backup", -1, &error);
  g_assert_no_error (error);

  project = dossier_project_open (fixture->path, DOSSIER_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  g_file_get_contents (backup, &kept, NULL, &error);
  g_assert_cmpstr (kept, ==, "an older backup");
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (pragma_int (second, "user_version"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/migrate/v1-to-v2", Fixture, NULL, fixture_set_up, test_migrate,
              fixture_tear_down);
  g_test_add ("/dossier/migrate/v5-to-v6", Fixture, NULL, fixture_set_up, test_v5_to_v6,
              fixture_tear_down);
  g_test_add ("/dossier/migrate/read-only-refuses", Fixture, NULL, fixture_set_up,
              test_read_only_refuses, fixture_tear_down);
  g_test_add ("/dossier/migrate/backup-name-taken", Fixture, NULL, fixture_set_up,
              test_backup_name_taken, fixture_tear_down);

  return g_test_run ();
}
