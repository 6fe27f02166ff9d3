/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-schema.c — the project file's schema, its migrations,
 * and the checks that refuse a file before SQLite ever touches it.
 *
 * A new project is made by running the version 1 schema and then every
 * migration, so that new and migrated projects are built by the very same
 * statements. Never edit a released step: add a new one.
 */

#include "config.h"

#include "dossier-project-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>

/* Version 1: documents, blocks, the codebook, highlights, text search. */
static const char schema_v1[] =
  "CREATE TABLE project ("
  "  id      INTEGER PRIMARY KEY CHECK (id = 1),"
  "  uuid    TEXT NOT NULL,"
  "  title   TEXT NOT NULL,"
  "  created TEXT NOT NULL"
  ");"
  "CREATE TABLE documents ("
  "  id        INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uuid      TEXT NOT NULL UNIQUE,"
  "  title     TEXT NOT NULL,"
  "  author    TEXT,"
  "  outlet    TEXT,"
  "  source    TEXT,"
  "  published TEXT,"
  "  imported  TEXT NOT NULL,"
  "  format    TEXT NOT NULL,"
  "  original  BLOB,"
  "  text      TEXT NOT NULL,"
  "  hash      TEXT NOT NULL,"
  "  length    INTEGER NOT NULL"
  ");"
  "CREATE TABLE blocks ("
  "  id       INTEGER PRIMARY KEY,"
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  start    INTEGER NOT NULL,"
  "  end      INTEGER NOT NULL,"
  "  kind     TEXT NOT NULL,"
  "  level    INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX blocks_by_document ON blocks (document, start);"
  "CREATE TABLE tags ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  name        TEXT NOT NULL,"
  "  parent      INTEGER REFERENCES tags (id) ON DELETE CASCADE,"
  "  color       TEXT NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  position    INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX tags_by_parent ON tags (parent, position);"
  "CREATE TABLE highlights ("
  "  id       INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uuid     TEXT NOT NULL UNIQUE,"
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  start    INTEGER NOT NULL,"
  "  end      INTEGER NOT NULL,"
  "  quote    TEXT NOT NULL,"
  "  prefix   TEXT NOT NULL DEFAULT '',"
  "  suffix   TEXT NOT NULL DEFAULT '',"
  "  memo     TEXT NOT NULL DEFAULT '',"
  "  author   TEXT NOT NULL DEFAULT '',"
  "  created  TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  CHECK (start >= 0 AND end > start)"
  ");"
  "CREATE INDEX highlights_by_document ON highlights (document, start, end);"
  "CREATE TABLE highlight_tags ("
  "  highlight INTEGER NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,"
  "  tag       INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  position  INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (highlight, tag)"
  ");"
  "CREATE INDEX highlight_tags_by_tag ON highlight_tags (tag, highlight);"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
  "  text, content = 'documents', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
  "  INSERT INTO documents_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;"
  "CREATE TRIGGER documents_fts_update AFTER UPDATE OF text ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO documents_fts (rowid, text) VALUES (new.id, new.text);"
  "END;";

/* Version 2: orphaned highlights, stakeholders, pros and cons, briefings,
 * memo search. */
static const char migrate_v1_to_v2[] =
  "ALTER TABLE highlights ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0;"
  /* A document's live highlights in order, and its count, from the index. */
  "DROP INDEX highlights_by_document;"
  "CREATE INDEX highlights_by_document ON highlights (document, orphaned, start, end);"
  "CREATE TABLE stakeholders ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  name        TEXT NOT NULL,"
  "  aliases     TEXT NOT NULL DEFAULT '',"
  "  kind        TEXT NOT NULL DEFAULT 'other',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  stance      TEXT NOT NULL DEFAULT '',"
  "  interests   TEXT NOT NULL DEFAULT '',"
  "  power       INTEGER NOT NULL DEFAULT 3 CHECK (power BETWEEN 1 AND 5),"
  "  interest    INTEGER NOT NULL DEFAULT 3 CHECK (interest BETWEEN 1 AND 5),"
  "  color       TEXT,"
  "  position    INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE stakeholder_evidence ("
  "  stakeholder INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,"
  "  highlight   INTEGER NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,"
  "  note        TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (stakeholder, highlight)"
  ");"
  "CREATE INDEX stakeholder_evidence_by_highlight ON stakeholder_evidence (highlight);"
  "CREATE TABLE questions ("
  "  id       INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uuid     TEXT NOT NULL UNIQUE,"
  "  text     TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE arguments ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  question    INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,"
  "  polarity    TEXT NOT NULL CHECK (polarity IN ('pro', 'con')),"
  "  statement   TEXT NOT NULL,"
  "  stakeholder INTEGER REFERENCES stakeholders (id) ON DELETE SET NULL,"
  "  strength    INTEGER NOT NULL DEFAULT 3 CHECK (strength BETWEEN 1 AND 5),"
  "  position    INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX arguments_by_question ON arguments (question, polarity, position);"
  "CREATE INDEX arguments_by_stakeholder ON arguments (stakeholder);"
  "CREATE TABLE argument_evidence ("
  "  argument  INTEGER NOT NULL REFERENCES arguments (id) ON DELETE CASCADE,"
  "  highlight INTEGER NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,"
  "  note      TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (argument, highlight)"
  ");"
  "CREATE INDEX argument_evidence_by_highlight ON argument_evidence (highlight);"
  "CREATE TABLE briefings ("
  "  id       INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uuid     TEXT NOT NULL UNIQUE,"
  "  title    TEXT NOT NULL,"
  "  body     TEXT NOT NULL DEFAULT '',"
  "  created  TEXT NOT NULL,"
  "  modified TEXT NOT NULL"
  ");"
  "CREATE TABLE briefing_documents ("
  "  briefing INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,"
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (briefing, document)"
  ");"
  "CREATE INDEX briefing_documents_by_document ON briefing_documents (document);"
  /* Only highlights with a memo are indexed (the triggers keep it so), and
   * the index's content is exactly those, so its integrity check holds. */
  "CREATE VIEW highlight_memos AS SELECT id, memo FROM highlights WHERE memo <> '';"
  "CREATE VIRTUAL TABLE memos_fts USING fts5 ("
  "  memo, content = 'highlight_memos', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO memos_fts (rowid, memo) SELECT id, memo FROM highlights WHERE memo <> '';"
  "CREATE TRIGGER memos_fts_insert AFTER INSERT ON highlights WHEN new.memo <> '' BEGIN"
  "  INSERT INTO memos_fts (rowid, memo) VALUES (new.id, new.memo);"
  "END;"
  "CREATE TRIGGER memos_fts_delete AFTER DELETE ON highlights WHEN old.memo <> '' BEGIN"
  "  INSERT INTO memos_fts (memos_fts, rowid, memo) VALUES ('delete', old.id, old.memo);"
  "END;"
  "CREATE TRIGGER memos_fts_update AFTER UPDATE OF memo ON highlights BEGIN"
  "  INSERT INTO memos_fts (memos_fts, rowid, memo)"
  "    SELECT 'delete', old.id, old.memo WHERE old.memo <> '';"
  "  INSERT INTO memos_fts (rowid, memo) SELECT new.id, new.memo WHERE new.memo <> '';"
  "END;";

/* Version 3: what stakeholders and arguments need beyond version 2's
 * tables: a stance position (the user's, and the one each stance evidence
 * shows), evidence roles, the mention counts kept per stakeholder and
 * document, and the suggestions a user dismissed. */
static const char migrate_v2_to_v3[] =
  "ALTER TABLE stakeholders ADD COLUMN stance_position INTEGER"
  "  CHECK (stance_position BETWEEN -2 AND 2);"
  "CREATE INDEX stakeholders_by_position ON stakeholders (position);"
  "ALTER TABLE stakeholder_evidence ADD COLUMN role TEXT"
  "  CHECK (role IN ('stance', 'power', 'interest', 'quote'));"
  "ALTER TABLE stakeholder_evidence ADD COLUMN stance_position INTEGER"
  "  CHECK (stance_position BETWEEN -2 AND 2);"
  "CREATE INDEX questions_by_position ON questions (position);"
  /* Derived from the texts and the stakeholders' names, kept in step by
   * every action that changes either (so undo restores them too). */
  "CREATE TABLE stakeholder_mentions ("
  "  stakeholder INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,"
  "  document    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  count       INTEGER NOT NULL CHECK (count > 0),"
  "  PRIMARY KEY (stakeholder, document)"
  ") WITHOUT ROWID;"
  "CREATE INDEX stakeholder_mentions_by_document ON stakeholder_mentions (document);"
  /* A stakeholder suggestion is dismissed for every document (document
   * NULL), an argument suggestion for its document; key = the folded name
   * or statement. */
  "CREATE TABLE dismissed_suggestions ("
  "  id       INTEGER PRIMARY KEY,"
  "  kind     TEXT NOT NULL CHECK (kind IN ('stakeholder', 'argument')),"
  "  document INTEGER REFERENCES documents (id) ON DELETE CASCADE,"
  "  key      TEXT NOT NULL"
  ");"
  "CREATE UNIQUE INDEX dismissed_suggestions_by_key"
  "  ON dismissed_suggestions (kind, ifnull (document, 0), key);"
  "CREATE INDEX dismissed_suggestions_by_document ON dismissed_suggestions (document);";

/* Version 4: a stored text is indexed for search after its action
 * commits (dossier-project-index.c): the triggers list it instead, and
 * take out of the index only what is in it (FTS5 must be given exactly
 * the text it indexed). Texts indexed before stay so. */
static const char migrate_v3_to_v4[] =
  "CREATE TABLE documents_unindexed ("
  "  document INTEGER PRIMARY KEY"
  ");"
  "DROP TRIGGER documents_fts_insert;"
  "DROP TRIGGER documents_fts_delete;"
  "DROP TRIGGER documents_fts_update;"
  "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
  "  INSERT INTO documents_unindexed (document) VALUES (new.id);"
  "END;"
  "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text)"
  "    SELECT 'delete', old.id, old.text"
  "    WHERE NOT EXISTS (SELECT 1 FROM documents_unindexed WHERE document = old.id);"
  "  DELETE FROM documents_unindexed WHERE document = old.id;"
  "END;"
  "CREATE TRIGGER documents_fts_update AFTER UPDATE OF text ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text)"
  "    SELECT 'delete', old.id, old.text"
  "    WHERE NOT EXISTS (SELECT 1 FROM documents_unindexed WHERE document = old.id);"
  "  INSERT OR IGNORE INTO documents_unindexed (document) VALUES (new.id);"
  "END;";

/* Version 5: the number key a tag is pinned to (NULL: the next free key
 * by codebook order, 0: none, 1–9). */
static const char migrate_v4_to_v5[] =
  "ALTER TABLE tags ADD COLUMN shortcut INTEGER CHECK (shortcut BETWEEN 0 AND 9);";

/* Version 6: each document's length where reading it reads no text. In
 * the documents row it comes after the text (and the original file), so
 * reading it walked their overflow pages: listing a project of 10
 * documents of 50 MB read 500 MB. The lengths are read from this covering
 * index (INDEXED BY documents_lengths), which SQLite keeps in step with
 * the rows; PRAGMA integrity_check (dossier-cli check) finds one that
 * disagrees with them, and a text is checked against the length read as
 * ever. */
static const char migrate_v5_to_v6[] =
  "CREATE INDEX documents_lengths ON documents (id, length);";

/* migrations[n] takes a project from version n + 1 to n + 2. */
static const char * const migrations[] = {
  migrate_v1_to_v2,
  migrate_v2_to_v3,
  migrate_v3_to_v4,
  migrate_v4_to_v5,
  migrate_v5_to_v6,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == DOSSIER_SCHEMA_VERSION - 1);

#define SQLITE_HEADER_SIZE 100

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* ---- The write-ahead log ------------------------------------------------- */

#define WAL_HEADER_SIZE  32
#define WAL_FRAME_HEADER 24

/* SQLite's WAL checksum over @n bytes (a multiple of 8), continuing
 * @sum. */
static void
wal_checksum (gboolean      big_endian,
              const guchar *data,
              gsize         n,
              guint32       sum[2])
{
  guint32 s0 = sum[0], s1 = sum[1];

  for (gsize i = 0; i + 8 <= n; i += 8)
    {
      guint32 a, b;

      if (big_endian)
        {
          a = read_be32 (data + i);
          b = read_be32 (data + i + 4);
        }
      else
        {
          memcpy (&a, data + i, 4);
          memcpy (&b, data + i + 4, 4);
          a = GUINT32_FROM_LE (a);
          b = GUINT32_FROM_LE (b);
        }
      s0 += a + s1;
      s1 += b + s0;
    }

  sum[0] = s0;
  sum[1] = s1;
}

/* @n bytes of @fd from @offset; FALSE if it holds fewer. */
static gboolean
read_exactly (int     fd,
              guchar *buf,
              gsize   n,
              goffset offset)
{
  gsize got = 0;

  while (got < n)
    {
      ssize_t r = pread (fd, buf + got, n - got, offset + got);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        return FALSE;
      got += r;
    }

  return TRUE;
}

/* ---- A look at a file this process may have open ---------------------- */

/* POSIX record locks belong to the process, and the close of any of its
 * descriptors of a file drops every lock it holds on it: a look at a
 * project's bytes through a descriptor of our own would take SQLite's
 * locks from a connection of this process to that file (a window, a
 * dossier-cli batch, a reader in another thread) at its close, and
 * another process could then write, checkpoint or delete the log under
 * it. SQLite's unix VFS knows every descriptor it has of a file (by
 * device and inode, whatever the path): it keeps one of a look's open
 * while a connection holds locks there. So a project's file is read
 * through an SQLite file handle of its own, opened as immutable (no
 * lock, no log, no shared memory; nothing read but what is asked). */

gboolean
dossier_file_look_open (DossierFileLook  *look,
                        const char       *path,
                        int              *saved_errno)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  int rc;

  look->db = NULL;
  look->file = NULL;
  *saved_errno = 0;
  rc = sqlite3_open_v2 (uri, &look->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_file_control (look->db, "main", SQLITE_FCNTL_FILE_POINTER, &look->file);
  if (rc != SQLITE_OK || look->file == NULL || look->file->pMethods == NULL)
    {
      *saved_errno = look->db != NULL && sqlite3_system_errno (look->db) != 0
                       ? sqlite3_system_errno (look->db) : EIO;
      dossier_file_look_close (look);
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_file_look_read (DossierFileLook *look,
                        void            *buf,
                        gsize            n,
                        goffset          offset)
{
  return n <= G_MAXINT && offset >= 0 &&
         look->file->pMethods->xRead (look->file, buf, (int) n, offset) == SQLITE_OK;
}

void
dossier_file_look_close (DossierFileLook *look)
{
  look->file = NULL;
  g_clear_pointer (&look->db, sqlite3_close);
}

typedef struct
{
  guint32 page;
  guint32 commit;     /* a transaction's last frame: the file's size after it, in pages */
} WalFrame;

/* "PATH-wal" as SQLite recovers it: frames are valid while their salts
 * and running checksum hold, and count once a commit frame closes their
 * transaction. */
typedef struct
{
  int      fd;
  guint32  page_size;
  guchar   salts[8];
  GArray  *frames;    /* WalFrame: the committed ones, in order */
} WalLog;

static void
wal_log_clear (WalLog *log)
{
  if (log->fd >= 0)
    close (log->fd);
  log->fd = -1;
  g_clear_pointer (&log->frames, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WalLog, wal_log_clear)

#define WAL_LOG_INIT { .fd = -1 }

static const WalFrame *
wal_frame (WalLog *log,
           guint   i)
{
  return &g_array_index (log->frames, WalFrame, i);
}

/* Where frame @i's copy of its page begins in the log. */
static goffset
wal_page_offset (WalLog *log,
                 guint   i)
{
  return WAL_HEADER_SIZE + (goffset) i * (WAL_FRAME_HEADER + log->page_size) + WAL_FRAME_HEADER;
}

/* FALSE if "PATH-wal" is absent or no log (SQLite ignores it then). */
static gboolean
wal_log_read (const char *path,
              WalLog     *log)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree guchar *frame = NULL;
  guchar wal_header[WAL_HEADER_SIZE];
  gboolean big_endian;
  guint32 magic, sum[2] = { 0, 0 };
  guint committed = 0;

  log->fd = open (wal_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (log->fd < 0 || !read_exactly (log->fd, wal_header, sizeof wal_header, 0))
    return FALSE;

  magic = read_be32 (wal_header);
  log->page_size = read_be32 (wal_header + 8);
  if ((magic & 0xfffffffe) != 0x377f0682 || log->page_size < 512 || log->page_size > 65536 ||
      (log->page_size & (log->page_size - 1)) != 0)
    return FALSE;
  big_endian = (magic & 1) != 0;

  wal_checksum (big_endian, wal_header, 24, sum);
  if (sum[0] != read_be32 (wal_header + 24) || sum[1] != read_be32 (wal_header + 28))
    return FALSE;
  memcpy (log->salts, wal_header + 16, sizeof log->salts);

  log->frames = g_array_new (FALSE, FALSE, sizeof (WalFrame));
  frame = g_malloc (WAL_FRAME_HEADER + log->page_size);
  while (read_exactly (log->fd, frame, WAL_FRAME_HEADER + log->page_size,
                       wal_page_offset (log, log->frames->len) - WAL_FRAME_HEADER))
    {
      WalFrame f = { read_be32 (frame), read_be32 (frame + 4) };

      if (f.page == 0 || memcmp (frame + 8, log->salts, 8) != 0)
        break;
      wal_checksum (big_endian, frame, 8, sum);
      wal_checksum (big_endian, frame + WAL_FRAME_HEADER, log->page_size, sum);
      if (sum[0] != read_be32 (frame + 16) || sum[1] != read_be32 (frame + 20))
        break;

      g_array_append_val (log->frames, f);
      if (f.commit != 0)
        committed = log->frames->len;
    }
  g_array_set_size (log->frames, committed);

  return TRUE;
}

/* The first 100 bytes of the newest committed copy of page 1 in
 * "PATH-wal". FALSE if the log holds none (or is absent): then the main
 * file's header is the one SQLite will read. */
gboolean
dossier_wal_read_header (const char *path,
                         guchar      header[100])
{
  g_auto(WalLog) log = WAL_LOG_INIT;

  if (!wal_log_read (path, &log))
    return FALSE;

  for (guint i = log.frames->len; i-- > 0;)
    if (wal_frame (&log, i)->page == 1)
      return read_exactly (log.fd, header, 100, wal_page_offset (&log, i));

  return FALSE;
}

/* ---- A log that is not the file's ---------------------------------------- */

/* A log names no file: SQLite applies whatever "PATH-wal" lies beside the
 * file, so a log left by a crash (or copied along) and a file put in its
 * place afterwards — another project, an older copy of this one — are
 * mixed, page by page, and the first write makes the mixture permanent.
 * What ties a log to its file is the checkpoint: the pages it copied are
 * in the file, as the log has them. Dossier checkpoints a moment after
 * every action, so a log left behind has usually been copied whole.
 *
 * The log's shared memory, which a crash leaves beside it, says how many
 * frames were copied; the file must hold each page they hold as the
 * newest of them has it (or as a later frame does: a checkpoint cut short
 * may have copied some of those). Without shared memory that is the log's,
 * its first transaction must be in the file. A log no checkpoint copied
 * anything from (a writer killed within a moment of its last action)
 * shows nothing of its file in its pages: its stamps must fit the file's
 * (log_stamps_fit ()). Beside a file with a stamp, every transaction of
 * the log must have one; a log without any is applied as SQLite finds it
 * only beside a file without one (both an older Dossier's, or another
 * program's), the one case nothing ties to its file. */

/* Byte offsets in SQLite's shared memory (wal.c; its own byte order). */
#define SHM_HEADER_SIZE  48
#define SHM_VERSION      3007000
#define SHM_BACKFILLED   96       /* after the header's two copies */
#define SHM_DMS_LOCK     128      /* every connection to the log holds it */

/* Whether the first @n frames of @log are in @file: each page they
 * hold, up to the file's size after the last of them. */
static gboolean
file_holds_frames (WalLog          *log,
                   DossierFileLook *file,
                   guint            n)
{
  g_autoptr(GHashTable) newest = g_hash_table_new (NULL, NULL);
  g_autofree guchar *in_file = g_malloc (log->page_size);
  g_autofree guchar *in_log = g_malloc (log->page_size);
  guint32 size = wal_frame (log, n - 1)->commit;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n; i++)
    if (wal_frame (log, i)->page <= size)
      g_hash_table_insert (newest, GUINT_TO_POINTER (wal_frame (log, i)->page),
                           GUINT_TO_POINTER (i));

  g_hash_table_iter_init (&iter, newest);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 page = GPOINTER_TO_UINT (key);
      gboolean found = FALSE;

      if (!dossier_file_look_read (file, in_file, log->page_size,
                                   (goffset) (page - 1) * log->page_size))
        return FALSE;
      for (guint i = GPOINTER_TO_UINT (value); i < log->frames->len && !found; i++)
        found = wal_frame (log, i)->page == page &&
                read_exactly (log->fd, in_log, log->page_size, wal_page_offset (log, i)) &&
                memcmp (in_file, in_log, log->page_size) == 0;
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* How many frames of @log a checkpoint copied into the file, as its
 * shared memory says: -1 if there is none, -2 if it is not this log's
 * (a writer killed in its commit, once it wrote the log, before it wrote
 * the shared memory, leaves an older one). *@in_use:
 * another process has the log open (then it is not left over: the file
 * is being written, and what it holds may be a moment behind). */
static gint64
wal_backfilled (const char *path,
                WalLog     *log,
                gboolean   *in_use)
{
  g_autofree char *shm_path = g_strconcat (path, "-shm", NULL);
  guchar shm[SHM_BACKFILLED + 4];
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = SHM_DMS_LOCK,
                        .l_len = 1 };
  guint32 version, max_frame, backfilled;
  gboolean valid;
  int fd;

  *in_use = FALSE;
  fd = open (shm_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    return -1;
  *in_use = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  valid = read_exactly (fd, shm, sizeof shm, 0);
  close (fd);
  if (!valid)
    return -2;

  memcpy (&version, shm, 4);
  memcpy (&max_frame, shm + 16, 4);
  memcpy (&backfilled, shm + SHM_BACKFILLED, 4);
  if (memcmp (shm, shm + SHM_HEADER_SIZE, SHM_HEADER_SIZE) != 0 || version != SHM_VERSION ||
      shm[12] != 1 || memcmp (shm + 32, log->salts, sizeof log->salts) != 0 ||
      backfilled > max_frame || backfilled > log->frames->len ||
      (backfilled > 0 && wal_frame (log, backfilled - 1)->commit == 0))
    return -2;

  return backfilled;
}

/* ---- The log's stamp (see DOSSIER_LOG_STAMP_NAME) ------------------------- */

/* A varint as SQLite writes it at @p, before @end: its length, 0 if it
 * runs past @end. */
static guint
read_varint (const guchar *p,
             const guchar *end,
             guint64      *value)
{
  guint64 v = 0;

  for (guint i = 0; i < 9; i++)
    {
      if (p + i >= end)
        return 0;
      if (i == 8)
        {
          *value = (v << 8) | p[i];
          return 9;
        }
      v = (v << 7) | (p[i] & 0x7f);
      if ((p[i] & 0x80) == 0)
        {
          *value = v;
          return i + 1;
        }
    }
  return 0;
}

/* The stamp's text in @page (page @number of a file with @page_size-byte
 * pages), a leaf of sqlite_sequence: its cell whose name is the stamp's,
 * read from the cells the page lists (not from its free space, which may
 * hold an older copy). NULL if there is none. */
static char *
page_stamp (const guchar *page,
            guint32       number,
            guint32       page_size,
            guint32       usable_size)
{
  guint header = number == 1 ? SQLITE_HEADER_SIZE : 0;
  const guchar *end = page + page_size;
  guint n_cells;

  if (page[header] != 0x0d || usable_size < 480)
    return NULL;
  n_cells = ((guint) page[header + 3] << 8) | page[header + 4];

  for (guint i = 0; i < n_cells && header + 8 + 2 * i + 2 <= page_size; i++)
    {
      guint offset = ((guint) page[header + 8 + 2 * i] << 8) | page[header + 8 + 2 * i + 1];
      const guchar *p = page + offset, *record, *body;
      guint64 payload, rowid, header_size, types[2], lengths[2];
      guint n;

      if (offset >= page_size)
        continue;
      if ((n = read_varint (p, end, &payload)) == 0)
        continue;
      p += n;
      if ((n = read_varint (p, end, &rowid)) == 0)
        continue;
      p += n;
      /* Only a record held whole in the page: the stamp's is short. */
      if (payload > usable_size - 35 || payload > (guint64) (end - p))
        continue;
      record = p;
      if ((n = read_varint (p, record + payload, &header_size)) == 0 || header_size > payload)
        continue;
      p += n;
      for (guint c = 0; c < 2; c++)
        {
          types[c] = 0;
          if (p < record + header_size && (n = read_varint (p, record + header_size, &types[c])) > 0)
            p += n;
        }
      /* Two texts: the name, then the stamp. */
      if (types[0] < 13 || types[0] % 2 == 0 || types[1] < 13 || types[1] % 2 == 0)
        continue;
      lengths[0] = (types[0] - 13) / 2;
      lengths[1] = (types[1] - 13) / 2;
      body = record + header_size;
      if (lengths[0] + lengths[1] > payload - header_size ||
          lengths[0] != strlen (DOSSIER_LOG_STAMP_NAME) ||
          memcmp (body, DOSSIER_LOG_STAMP_NAME, lengths[0]) != 0)
        continue;

      return g_strndup ((const char *) body + lengths[0], lengths[1]);
    }

  return NULL;
}

/* The token a stamp ends with (SQL's substr (seq, 38, 36)), its first,
 * and the project it names. FALSE unless it has them all. */
static gboolean
split_stamp (const char  *stamp,
             char        *previous,
             char        *token,
             const char **uuid)
{
  const guint n = DOSSIER_LOG_TOKEN_LENGTH;

  if (stamp == NULL || strlen (stamp) < 2 * n + 2 || stamp[n] != ' ' || stamp[2 * n + 1] != ' ')
    return FALSE;
  memcpy (previous, stamp, n);
  previous[n] = '\0';
  memcpy (token, stamp + n + 1, n);
  token[n] = '\0';
  *uuid = stamp + 2 * n + 2;
  return TRUE;
}

/* What the file at @path holds as it is on disk, without its log (an
 * immutable connection reads no log): its project's UUID, the page of
 * sqlite_sequence and the token of its stamp (NULL if it has none yet).
 * FALSE if it cannot be read so (SQLite then says why, as it opens it). */
static gboolean
read_file_stamp (const char  *path,
                 char       **uuid,
                 guint32     *page,
                 char       **token)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  DossierSqliteGuard *guard = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  *uuid = NULL;
  *token = NULL;
  *page = 0;
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW,
                       NULL) == SQLITE_OK)
    {
      dossier_sqlite_harden (db, TRUE);
      guard = dossier_sqlite_guard_new (db, path);
      if (sqlite3_prepare_v2 (db,
                              "SELECT (SELECT rootpage FROM main.sqlite_schema "
                              "        WHERE type = 'table' AND name = 'sqlite_sequence'), "
                              "  (SELECT uuid FROM main.project WHERE id = 1), "
                              "  (SELECT substr (seq, 38, 36) FROM main.sqlite_sequence "
                              "   WHERE name = '" DOSSIER_LOG_STAMP_NAME "')",
                              -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW &&
          sqlite3_column_type (stmt, 1) == SQLITE_TEXT)
        {
          gint64 root = sqlite3_column_int64 (stmt, 0);

          *page = root > 0 && root <= G_MAXUINT32 ? (guint32) root : 0;
          *uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          if (sqlite3_column_type (stmt, 2) == SQLITE_TEXT)
            *token = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          ok = TRUE;
        }
      sqlite3_finalize (stmt);
    }
  /* The guard lets go of the connection first. */
  g_clear_pointer (&guard, dossier_sqlite_guard_free);
  sqlite3_close (db);

  return ok;
}

gboolean
dossier_file_read_stamp (const char  *path,
                         char       **uuid,
                         char       **token)
{
  guint32 page;

  g_return_val_if_fail (path != NULL, FALSE);

  return read_file_stamp (path, uuid, &page, token);
}

/* The stamp each transaction of @log committed, in order: the text of
 * the stamp's row in its newest copy of page @stamp_page (of
 * sqlite_sequence; @usable_size bytes of each page in use), or NULL where
 * it wrote none. */
static GPtrArray *
wal_commit_stamps (WalLog  *log,
                   guint32  stamp_page,
                   guint32  usable_size)
{
  g_autoptr(GPtrArray) stamps = g_ptr_array_new_with_free_func (g_free);
  g_autofree guchar *page = g_malloc (log->page_size);
  guint first = 0;

  for (guint i = 0; i < log->frames->len; i++)
    {
      gint64 newest = -1;

      if (wal_frame (log, i)->commit == 0)
        continue;

      /* Transaction [first, i]: its stamp page as it committed it. */
      for (guint j = first; j <= i; j++)
        if (wal_frame (log, j)->page == stamp_page)
          newest = j;
      first = i + 1;
      if (newest >= 0 && read_exactly (log->fd, page, log->page_size,
                                       wal_page_offset (log, (guint) newest)))
        g_ptr_array_add (stamps, page_stamp (page, stamp_page, log->page_size, usable_size));
      else
        g_ptr_array_add (stamps, NULL);
    }

  return g_steal_pointer (&stamps);
}

GPtrArray *
dossier_wal_read_stamps (const char *path)
{
  g_auto(WalLog) log = WAL_LOG_INIT;
  g_autofree char *uuid = NULL;
  g_autofree char *token = NULL;
  g_auto(DossierFileLook) file = { 0 };
  guchar header[SQLITE_HEADER_SIZE];
  guint32 stamp_page;
  int saved_errno;

  g_return_val_if_fail (path != NULL, NULL);

  if (!dossier_file_look_open (&file, path, &saved_errno) ||
      !dossier_file_look_read (&file, header, sizeof header, 0) || !wal_log_read (path, &log) ||
      !read_file_stamp (path, &uuid, &stamp_page, &token) || stamp_page == 0)
    return NULL;

  return wal_commit_stamps (&log, stamp_page, log.page_size - header[20]);
}

typedef enum
{
  STAMPS_UNTOLD,      /* none, beside a file without one */
  STAMPS_FIRST,       /* a first stamp, on a file without one */
  STAMPS_CONTINUES,   /* the first follows the file's own */
  STAMPS_FIT,         /* the file's own is among them */
  STAMPS_MISFIT,
} StampsVerdict;

/* Whether the stamps in @log's transactions are those of the file at
 * @path. Each names its project and follows the one before, and once a
 * stamp is there — the file's own, or one in the log — every transaction
 * after it has one: Dossier stamps every write it commits
 * (dossier_commit_stamped ()), and a transaction without is another
 * program's, or an older Dossier's, which the file's chain cannot hold.
 * Then either the first follows the file's own stamp (STAMPS_CONTINUES:
 * the file is the one the log's transactions began from, whatever was
 * copied; the stamp is new at each write, so no other state of any file
 * has it), or the file's own is among them (STAMPS_FIT: a checkpoint
 * copied it; the shared memory, or the log's first transaction, must
 * then be in the file); a file without a stamp may have transactions
 * without one before the log's first stamp (an older Dossier, before
 * this one wrote its first: STAMPS_FIRST, which any copy of that file
 * would take, so what was copied must tell). A log without any stamp
 * beside a file without one (both an older Dossier's, or another
 * program's) cannot tell: STAMPS_UNTOLD, applied as SQLite finds it
 * unless what was copied says otherwise. */
static StampsVerdict
log_stamps_fit (const char *path,
                WalLog     *log,
                guint32     usable_size)
{
  g_autoptr(GPtrArray) stamps = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *file_token = NULL;
  char previous[DOSSIER_LOG_TOKEN_LENGTH + 1], token[DOSSIER_LOG_TOKEN_LENGTH + 1];
  char last[DOSSIER_LOG_TOKEN_LENGTH + 1] = "";
  gboolean any = FALSE, unstamped = FALSE, continues = FALSE, holds = FALSE;
  guint32 stamp_page;

  if (!read_file_stamp (path, &uuid, &stamp_page, &file_token) || stamp_page == 0)
    return STAMPS_UNTOLD;

  stamps = wal_commit_stamps (log, stamp_page, usable_size);
  for (guint i = 0; i < stamps->len; i++)
    {
      const char *stamp = g_ptr_array_index (stamps, i);
      const char *stamp_uuid = NULL;

      if (stamp == NULL)
        {
          if (any)
            return STAMPS_MISFIT;
          unstamped = TRUE;
          continue;
        }
      if (!split_stamp (stamp, previous, token, &stamp_uuid) ||
          g_strcmp0 (stamp_uuid, uuid) != 0)
        return STAMPS_MISFIT;

      if (!any)
        {
          /* Unstamped transactions came before it: on a file without a
           * stamp, or it would have followed that file's own. */
          if (unstamped && !g_str_equal (previous, DOSSIER_LOG_STAMP_NONE))
            return STAMPS_MISFIT;
          continues = g_str_equal (previous, file_token != NULL ? file_token
                                                                : DOSSIER_LOG_STAMP_NONE);
        }
      else if (!g_str_equal (previous, last))
        return STAMPS_MISFIT;
      any = TRUE;
      memcpy (last, token, sizeof last);
      if (file_token != NULL && g_str_equal (token, file_token))
        holds = TRUE;
    }

  if (!any)
    return file_token == NULL ? STAMPS_UNTOLD : STAMPS_MISFIT;
  if (file_token == NULL)
    return continues ? STAMPS_FIRST : STAMPS_MISFIT;
  if (continues)
    return STAMPS_CONTINUES;
  return holds ? STAMPS_FIT : STAMPS_MISFIT;
}

/* Whether "PATH-wal" is the log of the file at @path, whose header is
 * @header; TRUE if it cannot tell. */
static gboolean
wal_is_files_held (const char   *path,
                   const guchar  header[SQLITE_HEADER_SIZE])
{
  g_auto(WalLog) log = WAL_LOG_INIT;
  g_auto(DossierFileLook) file = { 0 };
  guint32 page_size = ((guint32) header[16] << 8) | header[17];
  gboolean in_use;
  StampsVerdict verdict;
  gint64 backfilled;
  guint first = 0;
  int saved_errno;

  /* Open in this process: in use, and not to be looked at through a
   * descriptor of ours, whose close would drop its locks. */
  if (dossier_project_open_here (path))
    return TRUE;
  if (!wal_log_read (path, &log) || log.frames->len == 0)
    return TRUE;
  backfilled = wal_backfilled (path, &log, &in_use);
  if (in_use)
    return TRUE;

  if (page_size == 1)
    page_size = 65536;
  if (page_size != log.page_size)
    return backfilled == 0;

  /* What nothing was copied from yet shows nothing of its file but its
   * stamps; nor does a log whose shared memory a writer killed in its
   * commit left behind it, or is gone. A log whose first transaction
   * follows the file's own stamp began from this very file, whatever was
   * copied or not: each write draws a new stamp, which no other state of
   * any file has. Else, without shared memory, the file may be a copy put
   * back after a checkpoint: its first transaction must be in it, below.
   * A writer in this process (whose locks fcntl () does not show) may
   * have checkpointed between the two reads: once more, afresh. */
  verdict = log_stamps_fit (path, &log, page_size - header[20]);
  if (verdict == STAMPS_MISFIT)
    {
      g_auto(WalLog) again = WAL_LOG_INIT;

      if (!wal_log_read (path, &again) || again.frames->len == 0)
        return TRUE;
      if (again.page_size != log.page_size)
        return FALSE;
      verdict = log_stamps_fit (path, &again, page_size - header[20]);
      if (verdict == STAMPS_MISFIT)
        return FALSE;
    }
  if (verdict == STAMPS_CONTINUES || backfilled == 0 ||
      (verdict == STAMPS_FIT && backfilled == -2))
    return TRUE;

  if (backfilled < 0)
    while (wal_frame (&log, first++)->commit == 0)
      ;

  if (!dossier_file_look_open (&file, path, &saved_errno))
    return TRUE;
  return file_holds_frames (&log, &file, backfilled > 0 ? (guint) backfilled : first);
}

/* The same, while no connection of this process to it opens: the log's
 * shared memory is read through a descriptor of our own, and SQLite
 * holds its locks there on a descriptor of its own. */
static gboolean
wal_is_files (const char   *path,
              const guchar  header[SQLITE_HEADER_SIZE])
{
  gboolean is_files;

  dossier_project_hold_open_here ();
  is_files = wal_is_files_held (path, header);
  dossier_project_release_open_here ();
  return is_files;
}

/* Whether "PATH-journal" (beside the file a link leads to, where SQLite
 * looks) is a rollback journal SQLite would play back into the file as
 * it opens it: one that begins with the journal's magic number. Dossier
 * keeps its projects in WAL mode and never writes one; another program
 * did, for this file or for another whose journal was copied or left
 * here, and its pages would overwrite the project's.
 *
 * Refusing it never loses a Dossier user's transaction, in this version
 * or any earlier one (the history since the first, 422c41e): every file
 * Dossier writes is marked WAL in its header (bytes 18 and 19) before
 * it takes the project's name — a new project is made aside and set to
 * WAL before it is linked into place (its own journal, if it crashes
 * first, is beside the temporary file, not the project); a copy made by
 * Save As or before an upgrade (the backup API) carries the source's
 * header, WAL — and a writable open sets WAL before any write, an
 * upgrade included; no migration changes the journal mode, and nothing
 * runs VACUUM or an exclusive locking mode. In a file so marked, SQLite
 * writes through the log, never a rollback journal. Only a file another
 * tool turned to rollback mode gets one, when Dossier turns it back to
 * WAL at its open: a crash in that single header write leaves it, and
 * what it would restore is the other tool's mode, no data. test-files
 * journal/dossier-writes-none holds Dossier to this. */
static gboolean
hot_journal_beside (const char  *path,
                    char       **journal)
{
  static const guchar magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  char *real = realpath (path, NULL);
  guchar head[sizeof magic];
  gboolean hot;
  int fd;

  *journal = g_strconcat (real != NULL ? real : path, "-journal", NULL);
  free (real);
  fd = open (*journal, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return FALSE;
  hot = read_exactly (fd, head, sizeof head, 0) && memcmp (head, magic, sizeof magic) == 0;
  close (fd);
  return hot;
}

gboolean
dossier_file_is_project_or_part (const char *path)
{
  static const char * const parts[] = { "-wal", "-shm", "-journal", ".lock" };
  g_auto(DossierFileLook) file = { 0 };
  guchar header[SQLITE_HEADER_SIZE] = { 0 };
  gboolean whole = FALSE;
  struct stat st;
  int saved_errno;

  /* A link to a project's log or shared memory: by the name it leads to. */
  {
    g_autofree char *real = NULL;
    char *resolved = realpath (path, NULL);

    real = g_strdup (resolved);
    free (resolved);
    if (real != NULL && strcmp (real, path) != 0)
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (g_str_has_suffix (real, parts[i]) && dossier_file_is_project_or_part (real))
          return TRUE;
  }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_has_suffix (path, parts[i]))
      {
        g_autofree char *project = g_strndup (path, strlen (path) - strlen (parts[i]));

        if (dossier_file_is_project_or_part (project))
          return TRUE;
      }

  /* Only a regular file: a look at a pipe would wait for a writer. */
  if (stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
      dossier_file_look_open (&file, path, &saved_errno))
    whole = dossier_file_look_read (&file, header, sizeof header, 0);
  if (dossier_wal_read_header (path, header))
    whole = TRUE;

  return whole && memcmp (header, "SQLite format 3", 16) == 0 &&
         read_be32 (header + 68) == DOSSIER_APPLICATION_ID;
}

gboolean
dossier_schema_check_header (const char  *path,
                             int         *user_version,
                             GError     **error)
{
  g_autofree char *name = dossier_display_name (path);
  g_auto(DossierFileLook) file = { 0 };
  guchar header[SQLITE_HEADER_SIZE];
  struct stat st;
  gboolean whole;
  int saved_errno;

  if (stat (path, &st) != 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                     _("“%s” does not exist."), name);
      else
        g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                     _("Could not open “%s”: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is a folder, not a Dossier project."), name);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is not a regular file, so it cannot be a Dossier project."), name);
      return FALSE;
    }

  /* Through SQLite's own handle: the file may be open in this process. */
  if (!dossier_file_look_open (&file, path, &saved_errno))
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("Could not open “%s”: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }
  whole = dossier_file_look_read (&file, header, sizeof header, 0);
  dossier_file_look_close (&file);

  if (!whole || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_SQLITE,
                   _("“%s” is not a Dossier project (it is not a database file). Open a "
                     "project Dossier saved, or a backup copy if this one was a project."), name);
      return FALSE;
    }

  {
    g_autofree char *journal = NULL;

    if (hot_journal_beside (path, &journal))
      {
        g_autofree char *journal_name = dossier_display_name (journal);

        g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_UNTRUSTED,
                     _("“%s” was not opened: beside it lies “%s”, a rollback journal that "
                       "Dossier never writes (another program left it, perhaps for another "
                       "file), and opening the project would apply it to the project. Move "
                       "“%s” out of the folder, then open the project again."),
                     name, journal_name, journal_name);
        return FALSE;
      }
  }

  {
    char *real = realpath (path, NULL);
    g_autofree char *wal = g_strconcat (real != NULL ? real : path, "-wal", NULL);
    gboolean is_files = wal_is_files (real != NULL ? real : path, header);

    free (real);
    if (!is_files)
      {
        g_autofree char *wal_name = dossier_display_name (wal);

        g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_UNTRUSTED,
                     _("“%s” was not opened: beside it lies “%s”, a log of changes made to "
                       "another file (another project, or another copy of this one), and "
                       "opening the project would write them into it. Move “%s” out of the "
                       "folder, then open the project again."),
                     name, wal_name, wal_name);
        return FALSE;
      }
  }

  /* A change not yet checkpointed lives in the log: its first page is
   * the header SQLite will read. */
  dossier_wal_read_header (path, header);

  if (read_be32 (header + 68) != DOSSIER_APPLICATION_ID)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is a database, but not a Dossier project."), name);
      return FALSE;
    }

  /* Dossier writes UTF-8; SQLite would convert UTF-16 text as it reads
   * it, and offsets count the characters of the text as stored. */
  if (read_be32 (header + 56) != 1)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is not a Dossier project (its text is not stored as UTF-8)."), name);
      return FALSE;
    }

  /* Dossier's schemas are numbered from 1: 0 or below (read as a signed
   * number, as SQLite does) was never one, and no upgrade makes it one. */
  *user_version = (int) read_be32 (header + 60);
  if (*user_version < 1)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is a database, but not a Dossier project."), name);
      return FALSE;
    }
  if (*user_version > DOSSIER_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NEWER_SCHEMA,
                   _("“%s” was saved by a newer version of Dossier; update Dossier to open it."),
                   name);
      return FALSE;
    }

  return TRUE;
}

/* Runs migrations from @version up to the current one; inside the
 * caller's transaction. */
static gboolean
run_migrations (sqlite3     *db,
                const char  *path,
                int          version,
                GError     **error)
{
  g_autofree char *set_version = NULL;

  for (int v = version; v < DOSSIER_SCHEMA_VERSION; v++)
    if (!dossier_sqlite_exec (db, path, migrations[v - 1], error))
      return FALSE;

  set_version = g_strdup_printf ("PRAGMA user_version = %d", DOSSIER_SCHEMA_VERSION);
  return dossier_sqlite_exec (db, path, set_version, error);
}

gboolean
dossier_schema_build (sqlite3     *db,
                      const char  *path,
                      int          version,
                      GError     **error)
{
  g_return_val_if_fail (version >= 1 && version <= DOSSIER_SCHEMA_VERSION, FALSE);

  if (!dossier_sqlite_exec (db, path, schema_v1, error))
    return FALSE;

  for (int v = 1; v < version; v++)
    if (!dossier_sqlite_exec (db, path, migrations[v - 1], error))
      return FALSE;

  return TRUE;
}

gboolean
dossier_schema_create (sqlite3     *db,
                       const char  *path,
                       const char  *uuid,
                       const char  *title,
                       GError     **error)
{
  g_auto(DossierTransaction) transaction = DOSSIER_TRANSACTION_INIT;
  g_autofree char *application_id = NULL;
  g_autofree char *now = dossier_now_iso8601 ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!dossier_transaction_begin (&transaction, db, path, error))
    return FALSE;

  application_id = g_strdup_printf ("PRAGMA application_id = %d", DOSSIER_APPLICATION_ID);
  if (!dossier_sqlite_exec (db, path, application_id, error) ||
      !dossier_sqlite_exec (db, path, schema_v1, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "INSERT INTO project (id, uuid, title, created) "
                               "VALUES (1, ?1, ?2, ?3)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      dossier_bind_text (stmt, 1, uuid);
      dossier_bind_text (stmt, 2, title);
      dossier_bind_text (stmt, 3, now);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      dossier_set_sqlite_error (error, path, db, rc);
      return FALSE;
    }

  if (!run_migrations (db, path, 1, error))
    return FALSE;

  return dossier_transaction_commit (&transaction, error);
}

gboolean
dossier_schema_migrate (sqlite3     *db,
                        const char  *path,
                        int          version,
                        GError     **error)
{
  g_auto(DossierTransaction) transaction = DOSSIER_TRANSACTION_INIT;

  g_return_val_if_fail (version >= 1 && version < DOSSIER_SCHEMA_VERSION, FALSE);

  if (!dossier_transaction_begin (&transaction, db, path, error))
    return FALSE;
  /* A change to the schema counts no row: stamped all the same. */
  transaction.changes_at_begin = -1;

  /* Stakeholders from before version 3 get their mentions counted in the
   * same transaction. */
  if (!run_migrations (db, path, version, error) ||
      (version < 3 && !dossier_mentions_rebuild (db, path, NULL, error)))
    return FALSE;

  return dossier_transaction_commit (&transaction, error);
}
