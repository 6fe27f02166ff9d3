/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-trust.c — a project file is untrusted input: it may come
 * from someone else, who controls every byte of it.
 *
 * Before SQLite touches a file, its header (and the newest first page in
 * its write-ahead log) says what it is. Once open, its schema must be
 * exactly the one this version of Dossier creates — every table, index,
 * trigger and view, by name and SQL — because a planted trigger runs on
 * the user's own actions and a view can stand in for data. The expected
 * schema is built by the very statements that create projects
 * (dossier-project-schema.c), in a database in memory, so a new schema
 * version needs nothing here. Every connection runs in SQLite's defensive
 * mode with tighter limits, and a progress guard stops any statement that
 * runs far longer than the data it can read would need.
 */

#include "config.h"

#include "dossier-project-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>

/* ---- Connection defences --------------------------------------------------- */

/* The progress guard: SQLite calls it every PROGRESS_PERIOD virtual
 * machine instructions. A statement — with whatever runs inside it, until
 * no statement of the connection is running — may run at most
 * DOSSIER_SQLITE_GUARD_BASE instructions, plus PAGE_BUDGET for each 512
 * bytes of the file and its log. Legitimate work stays far below: opening,
 * listing, exporting and checking a project of 1,000 documents and
 * 100,000 highlights takes 6.5 million at most (tests/test-trust.c), under
 * a seventh of the base alone; a statement that would never end is
 * stopped after a few seconds for a small file, and in time proportional
 * to the file's size for a large one. Counting instructions rather than
 * time, the same file gets the same answer on any machine. */
#define PROGRESS_PERIOD 10000
#define PAGE_BUDGET     G_GUINT64_CONSTANT (2000)
#define RUNNING_MAX     8

struct _DossierSqliteGuard
{
  sqlite3 *db;
  char    *path;
  guint64  instructions;   /* since the outermost running statement began */
  guint64  budget;         /* 0: not computed for this run yet */
  guint64  most;           /* the largest run seen, for tests */
  guint64  walks;          /* looks at every statement, for tests */
  gboolean tripped;
  /* The statements that may be running: each added as it starts or
   * returns a row, removed as it stops (SQLite's profile event, at a
   * reset, a finalize or its end). A statement that is running is always
   * in it; one that stopped unseen (no profile event) only sends the next
   * start to look at every statement, which refills it. Never
   * dereferenced: a pointer here may be a finalized statement's. */
  sqlite3_stmt *running[RUNNING_MAX];
  guint         n_running;   /* RUNNING_MAX + 1: too many, look */
};

static guint64
file_pages (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;
  guint64 bytes = 0;

  if (stat (path, &st) == 0)
    bytes += st.st_size;
  if (stat (wal, &st) == 0)
    bytes += st.st_size;

  /* In the smallest pages SQLite writes. */
  return bytes / 512;
}

static int
guard_progress (void *data)
{
  DossierSqliteGuard *guard = data;

  guard->instructions += PROGRESS_PERIOD;
  guard->most = MAX (guard->most, guard->instructions);

  if (guard->instructions <= DOSSIER_SQLITE_GUARD_BASE)
    return 0;

  /* Only long runs pay for looking at the file's size. */
  if (guard->budget == 0)
    guard->budget = DOSSIER_SQLITE_GUARD_BASE + PAGE_BUDGET * file_pages (guard->path);

  if (guard->instructions <= guard->budget)
    return 0;

  guard->tripped = TRUE;
  return 1;
}

static void
note_running (DossierSqliteGuard *guard,
              sqlite3_stmt       *stmt)
{
  if (guard->n_running > RUNNING_MAX)
    return;
  for (guint i = 0; i < guard->n_running; i++)
    if (guard->running[i] == stmt)
      return;
  if (guard->n_running < RUNNING_MAX)
    guard->running[guard->n_running] = stmt;
  guard->n_running++;
}

static void
forget_running (DossierSqliteGuard *guard,
                sqlite3_stmt       *stmt)
{
  /* Too many to list: the next start looks anyway. */
  if (guard->n_running > RUNNING_MAX)
    return;
  for (guint i = 0; i < guard->n_running; i++)
    if (guard->running[i] == stmt)
      {
        guard->running[i] = guard->running[--guard->n_running];
        return;
      }
}

/* Whether a statement other than @started is running, looking at every
 * statement of the connection; what is found running refills the list. */
static gboolean
other_running (DossierSqliteGuard *guard,
               sqlite3_stmt       *started)
{
  gboolean other = FALSE;

  guard->walks++;
  guard->n_running = 0;
  note_running (guard, started);
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (guard->db, NULL);
       stmt != NULL;
       stmt = sqlite3_next_stmt (guard->db, stmt))
    if (stmt != started && sqlite3_stmt_busy (stmt))
      {
        note_running (guard, stmt);
        other = TRUE;
      }
  return other;
}

/* A statement starts running (or a trigger inside one): if no other
 * statement of the connection is in progress, a new run begins. Most
 * starts are the only statement running, known from the list without
 * looking at every statement (a hundred prepared cost each start 2 µs).
 * The list cannot see a statement that SQLite runs again after a schema
 * change without a start event, until it returns a row; nor a statement
 * started inside another's step: SQLite gives the latter's text as "-- …",
 * so such a start, unless it is a trigger's ("-- TRIGGER …"), looks. */
static int
guard_trace (unsigned int  type,
             void         *data,
             void         *p,
             void         *x)
{
  DossierSqliteGuard *guard = data;
  sqlite3_stmt *started = p;
  const char *text = x;

  switch (type)
    {
    case SQLITE_TRACE_ROW:
      note_running (guard, started);
      return 0;
    case SQLITE_TRACE_PROFILE:
      forget_running (guard, started);
      return 0;
    case SQLITE_TRACE_STMT:
      break;
    default:
      return 0;
    }

  if (text != NULL && g_str_has_prefix (text, "-- ") && !g_str_has_prefix (text, "-- TRIGGER "))
    {
      if (other_running (guard, started))
        return 0;
    }
  else if (guard->n_running > 1 || (guard->n_running == 1 && guard->running[0] != started))
    {
      if (other_running (guard, started))
        return 0;
    }
  else
    note_running (guard, started);

  guard->instructions = 0;
  guard->budget = 0;
  guard->tripped = FALSE;
  return 0;
}

DossierSqliteGuard *
dossier_sqlite_guard_new (sqlite3    *db,
                          const char *path)
{
  DossierSqliteGuard *guard = g_new0 (DossierSqliteGuard, 1);

  guard->db = db;
  guard->path = g_strdup (path);
  sqlite3_progress_handler (db, PROGRESS_PERIOD, guard_progress, guard);
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT | SQLITE_TRACE_ROW | SQLITE_TRACE_PROFILE, guard_trace, guard);

  return guard;
}

void
dossier_sqlite_guard_free (DossierSqliteGuard *guard)
{
  if (guard == NULL)
    return;

  if (guard->db != NULL)
    {
      sqlite3_progress_handler (guard->db, 0, NULL, NULL);
      sqlite3_trace_v2 (guard->db, 0, NULL, NULL);
    }
  g_free (guard->path);
  g_free (guard);
}

gboolean
dossier_sqlite_guard_tripped (DossierSqliteGuard *guard)
{
  return guard != NULL && guard->tripped;
}

guint64
dossier_sqlite_guard_most (DossierSqliteGuard *guard)
{
  return guard != NULL ? guard->most : 0;
}

guint64
dossier_sqlite_guard_walks (DossierSqliteGuard *guard)
{
  return guard != NULL ? guard->walks : 0;
}

/* Limits well above anything Dossier asks of SQLite, well below what a
 * hostile file could make it allocate or recurse into. */
static const struct
{
  int id;
  int value;
} limits[] = {
  /* One value: a document's text or original file (the importer takes
   * files up to 64 MB; normalizing may grow them). */
  { SQLITE_LIMIT_LENGTH, 256 * 1024 * 1024 },
  { SQLITE_LIMIT_SQL_LENGTH, 100000 },
  { SQLITE_LIMIT_COLUMN, 100 },
  { SQLITE_LIMIT_EXPR_DEPTH, 100 },
  { SQLITE_LIMIT_COMPOUND_SELECT, 8 },
  { SQLITE_LIMIT_VDBE_OP, 250000 },
  { SQLITE_LIMIT_FUNCTION_ARG, 16 },
  { SQLITE_LIMIT_ATTACHED, 0 },
  { SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000 },
  { SQLITE_LIMIT_VARIABLE_NUMBER, 999 },
  /* Deleting a tag cascades down its subtree, one trigger level per
   * level of the codebook (DOSSIER_TAG_MAX_DEPTH). */
  { SQLITE_LIMIT_TRIGGER_DEPTH, DOSSIER_TAG_MAX_DEPTH + 20 },
};

void
dossier_sqlite_harden (sqlite3  *db,
                       gboolean  inspect)
{
  sqlite3_extended_result_codes (db, TRUE);

  /* No writable_schema, no writes to shadow tables or sqlite_dbpage: SQL
   * cannot corrupt the file, whatever runs. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  /* The schema is ours once verified (dossier_schema_verify), and its FTS5
   * triggers need a trusted schema; a file opened to be inspected despite
   * foreign objects runs none of its triggers or views. */
  if (inspect)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
      sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
      sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    sqlite3_limit (db, limits[i].id, limits[i].value);

  /* Damaged b-tree pages are caught as they are read, not later. */
  sqlite3_exec (db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
}

/* ---- The schema ------------------------------------------------------------ */

typedef struct
{
  char *type;
  char *name;
  char *table;
  char *sql;       /* canonical (canonical_sql()); NULL for automatic indexes */
} SchemaObject;

static void
schema_object_free (gpointer data)
{
  SchemaObject *object = data;

  g_free (object->type);
  g_free (object->name);
  g_free (object->table);
  g_free (object->sql);
  g_free (object);
}

static gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || (guchar) c >= 0x80;
}

/* The SQL of a schema object as a canonical string: comments dropped,
 * whitespace kept only where it separates two words, letters outside
 * quotes folded to lower case (SQL keywords and names ignore case), quoted
 * strings and names kept exactly. Two statements with the same canonical
 * string mean the same thing; SQLite stores the text as it was written,
 * and projects written by Dossier 1 spaced their statements differently. */
static char *
canonical_sql (const char *sql)
{
  GString *out = g_string_new (NULL);
  const char *p = sql;
  gboolean space = FALSE;

  while (*p != '\0')
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          p++;
          continue;
        }
      if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            p++;
          space = TRUE;
          continue;
        }
      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          p = end != NULL ? end + 2 : p + strlen (p);
          space = TRUE;
          continue;
        }

      if (space && out->len > 0 && is_word_byte (out->str[out->len - 1]) && is_word_byte (*p))
        g_string_append_c (out, ' ');
      space = FALSE;

      if (*p == '\'' || *p == '"' || *p == '`' || *p == '[')
        {
          char close = *p == '[' ? ']' : *p;

          g_string_append_c (out, *p++);
          while (*p != '\0')
            {
              if (*p == close)
                {
                  /* A doubled quote is one quote inside the string. */
                  if (close != ']' && p[1] == close)
                    {
                      g_string_append_len (out, p, 2);
                      p += 2;
                      continue;
                    }
                  break;
                }
              g_string_append_c (out, *p++);
            }
          if (*p != '\0')
            g_string_append_c (out, *p++);
          continue;
        }

      g_string_append_c (out, g_ascii_tolower (*p));
      p++;
    }

  return g_string_free (out, FALSE);
}

static int
compare_objects (gconstpointer a,
                 gconstpointer b)
{
  const SchemaObject *x = *(SchemaObject * const *) a;
  const SchemaObject *y = *(SchemaObject * const *) b;
  int c = strcmp (x->type, y->type);

  return c != 0 ? c : strcmp (x->name, y->name);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  int n = sqlite3_column_bytes (stmt, column);

  return text != NULL ? g_strndup (text, n) : NULL;
}

/* Every object of @db's main schema, sorted by type and name. */
static GPtrArray *
read_schema (sqlite3  *db,
             int      *rc)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (schema_object_free);
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema",
                            -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      while ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SchemaObject *object = g_new0 (SchemaObject, 1);
          g_autofree char *sql = dup_column (stmt, 3);

          object->type = dup_column (stmt, 0);
          object->name = dup_column (stmt, 1);
          object->table = dup_column (stmt, 2);
          object->sql = sql != NULL ? canonical_sql (sql) : NULL;
          if (object->type == NULL)
            object->type = g_strdup ("");
          if (object->name == NULL)
            object->name = g_strdup ("");
          if (object->table == NULL)
            object->table = g_strdup ("");
          g_ptr_array_add (objects, object);
        }
      if (*rc == SQLITE_DONE)
        *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (*rc != SQLITE_OK)
    return NULL;

  g_ptr_array_sort (objects, compare_objects);
  return g_steal_pointer (&objects);
}

/* The rows of an FTS5 table's configuration ("k=v;" sorted): its own
 * settings live there, and a file could set them to anything. */
static char *
read_fts_config (sqlite3    *db,
                 const char *table)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  char *sql = sqlite3_mprintf ("SELECT k, v FROM main.\"%w\" ORDER BY k", table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *k = dup_column (stmt, 0);
      g_autofree char *v = dup_column (stmt, 1);

      g_string_append_printf (rows, "%s=%s;", k != NULL ? k : "", v != NULL ? v : "");
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? g_strdup (rows->str) : NULL;
}

typedef struct
{
  GPtrArray  *objects;      /* SchemaObject, sorted */
  GHashTable *fts_config;   /* config table name → rows */
} ExpectedSchema;

G_LOCK_DEFINE_STATIC (expected);
static ExpectedSchema expected[DOSSIER_SCHEMA_VERSION + 1];

/* What version @version's statements create, built once per process in
 * a database in memory. */
static const ExpectedSchema *
expected_schema (int      version,
                 GError **error)
{
  const ExpectedSchema *result = NULL;
  sqlite3 *db = NULL;

  g_assert (version >= 1 && version <= DOSSIER_SCHEMA_VERSION);

  G_LOCK (expected);

  if (expected[version].objects != NULL)
    {
      result = &expected[version];
      goto out;
    }

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK &&
      dossier_schema_build (db, ":memory:", version, error))
    {
      int rc;
      GPtrArray *objects = read_schema (db, &rc);

      if (objects != NULL)
        {
          GHashTable *fts_config = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

          for (guint i = 0; i < objects->len; i++)
            {
              SchemaObject *object = g_ptr_array_index (objects, i);

              if (g_str_equal (object->type, "table") && object->sql != NULL &&
                  g_str_has_prefix (object->sql, "create virtual table "))
                {
                  g_autofree char *config = g_strconcat (object->name, "_config", NULL);
                  char *rows = read_fts_config (db, config);

                  if (rows != NULL)
                    g_hash_table_insert (fts_config, g_steal_pointer (&config), rows);
                }
            }

          expected[version].objects = objects;
          expected[version].fts_config = fts_config;
          result = &expected[version];
        }
      else
        {
          dossier_set_sqlite_error (error, ":memory:", db, rc);
        }
    }
  else if (error != NULL && *error == NULL)
    {
      dossier_set_sqlite_error (error, ":memory:", db, sqlite3_errcode (db));
    }
  sqlite3_close (db);

out:
  G_UNLOCK (expected);
  return result;
}

static void
add_difference (GPtrArray          *differences,
                DossierSchemaChange change,
                const SchemaObject *object)
{
  DossierSchemaDifference *difference = g_new0 (DossierSchemaDifference, 1);

  difference->change = change;
  difference->type = g_strdup (object->type);
  difference->name = g_strdup (object->name);
  difference->table = g_strdup (object->table);
  g_ptr_array_add (differences, difference);
}

void
dossier_schema_difference_free (DossierSchemaDifference *difference)
{
  if (difference == NULL)
    return;

  g_free (difference->type);
  g_free (difference->name);
  g_free (difference->table);
  g_free (difference);
}

GPtrArray *
dossier_schema_differences (sqlite3     *db,
                            const char  *path,
                            int          version,
                            GError     **error)
{
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const ExpectedSchema *want;
  GHashTableIter iter;
  gpointer key, value;
  guint i = 0, j = 0;
  int rc;

  want = expected_schema (version, error);
  if (want == NULL)
    return NULL;

  found = read_schema (db, &rc);
  if (found == NULL)
    {
      dossier_set_sqlite_error (error, path, db, rc);
      return NULL;
    }

  differences = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_schema_difference_free);

  /* Both are sorted: one merge walk. */
  while (i < want->objects->len || j < found->len)
    {
      SchemaObject *a = i < want->objects->len ? g_ptr_array_index (want->objects, i) : NULL;
      SchemaObject *b = j < found->len ? g_ptr_array_index (found, j) : NULL;
      int c = a == NULL ? 1 : b == NULL ? -1 : compare_objects (&a, &b);

      if (c < 0)
        {
          add_difference (differences, DOSSIER_SCHEMA_MISSING, a);
          i++;
        }
      else if (c > 0)
        {
          add_difference (differences, DOSSIER_SCHEMA_FOREIGN, b);
          j++;
        }
      else
        {
          if (g_strcmp0 (a->sql, b->sql) != 0 || g_strcmp0 (a->table, b->table) != 0)
            add_difference (differences, DOSSIER_SCHEMA_ALTERED, b);
          i++;
          j++;
        }
    }

  if (differences->len > 0)
    return g_steal_pointer (&differences);

  /* The same tables: now the search indexes' own settings. */
  g_hash_table_iter_init (&iter, want->fts_config);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *rows = read_fts_config (db, key);

      if (g_strcmp0 (rows, value) != 0)
        {
          /* Named after the search index whose settings they are. */
          g_autofree char *index = g_strndup (key, strlen (key) - strlen ("_config"));
          SchemaObject object = { (char *) "table", index, index, NULL };

          add_difference (differences, DOSSIER_SCHEMA_ALTERED, &object);
        }
    }

  return g_steal_pointer (&differences);
}

char *
dossier_schema_difference_describe (const DossierSchemaDifference *difference,
                                    gboolean                       sentence)
{
  const char *type = difference->type;
  const char *name = difference->name;
  const char *table = difference->table;

  /* Each kind of object has its own phrase and sentence, so that each can
   * be translated whole. */
  switch (difference->change)
    {
    case DOSSIER_SCHEMA_FOREIGN:
      if (g_str_equal (type, "trigger"))
        return g_strdup_printf (sentence
                                ? _("The trigger “%s” on “%s” was not created by Dossier: "
                                    "it could change or copy data as you work.")
                                : _("trigger “%s” on “%s”"), name, table);
      if (g_str_equal (type, "view"))
        return g_strdup_printf (sentence
                                ? _("The view “%s” was not created by Dossier.")
                                : _("view “%s”"), name);
      if (g_str_equal (type, "index"))
        return g_strdup_printf (sentence
                                ? _("The index “%s” on “%s” was not created by Dossier.")
                                : _("index “%s” on “%s”"), name, table);
      return g_strdup_printf (sentence
                              ? _("The table “%s” was not created by Dossier.")
                              : _("table “%s”"), name);

    case DOSSIER_SCHEMA_ALTERED:
      return g_strdup_printf (sentence
                              ? _("“%s” is not as Dossier created it.")
                              : _("“%s” (altered)"), name);

    case DOSSIER_SCHEMA_MISSING:
    default:
      return g_strdup_printf (sentence ? _("“%s” is missing.") : _("“%s” (missing)"), name);
    }
}

/* At most this many are named in the message that refuses a file. */
#define MAX_NAMED 3

/* How the schema of @db differs from what @version creates, if it does:
 * refused with a message naming the first few differences, as the file
 * is opened or, @since_open, as a write is refused. */
static gboolean
verify_schema (sqlite3     *db,
               const char  *path,
               int          version,
               gboolean     since_open,
               GError     **error)
{
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GString) list = NULL;
  g_autofree char *name = NULL;
  gboolean foreign = FALSE;

  differences = dossier_schema_differences (db, path, version, error);
  if (differences == NULL)
    return FALSE;
  if (differences->len == 0)
    return TRUE;

  /* What was added or altered first: it is why the file is refused, and a
   * table replaced by a view of its name has its indexes missing too,
   * which sort before it and would fill the list. */
  list = g_string_new (NULL);
  for (guint pass = 0, named = 0; pass < 2; pass++)
    for (guint i = 0; i < differences->len; i++)
      {
        DossierSchemaDifference *difference = g_ptr_array_index (differences, i);
        gboolean missing = difference->change == DOSSIER_SCHEMA_MISSING;

        if (missing != (pass == 1))
          continue;
        if (!missing)
          foreign = TRUE;
        if (named < MAX_NAMED)
          {
            g_autofree char *description = dossier_schema_difference_describe (difference, FALSE);

            if (named++ > 0)
              g_string_append (list, "; ");
            g_string_append (list, description);
          }
      }
  if (differences->len > MAX_NAMED)
    {
      g_string_append (list, "; ");
      g_string_append_printf (list, ngettext ("and %u more", "and %u more",
                                              differences->len - MAX_NAMED),
                              differences->len - MAX_NAMED);
    }

  name = dossier_display_name (path);
  if (foreign && since_open)
    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_UNTRUSTED,
                 _("Nothing was saved: since “%s” was opened, another program has added "
                   "database code or tables that Dossier does not create (%s), which "
                   "could change or copy your data. Close the project; “dossier-cli "
                   "check” lists everything found."),
                 name, list->str);
  else if (foreign)
    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_UNTRUSTED,
                 _("“%s” was not opened: it holds database code or tables that Dossier "
                   "does not create (%s), which could change or copy your data as you "
                   "work. Ask whoever sent it for a clean copy; “dossier-cli check” "
                   "lists everything found."),
                 name, list->str);
  else if (since_open)
    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED,
                 _("Nothing was saved: since “%s” was opened, another program has removed "
                   "parts of its structure (%s). Close the project and open a backup copy."),
                 name, list->str);
  else
    g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED,
                 _("“%s” is damaged: parts of its structure are missing (%s). "
                   "Open a backup copy instead."),
                 name, list->str);
  return FALSE;
}

gboolean
dossier_schema_verify (sqlite3     *db,
                       const char  *path,
                       int          version,
                       GError     **error)
{
  return verify_schema (db, path, version, FALSE, error);
}

/* SQLite adds one to the schema cookie at each change to the schema,
 * whoever makes it, and reads the schema again when it sees it moved: a
 * trigger another program adds to the open file runs at this
 * connection's next write. The verification at open holds as long as
 * the cookie has not moved; once it has, the schema is verified again
 * as at open, inside the write transaction, where no one else can change
 * it before the commit. */
gboolean
dossier_project_verify_schema_unchanged (DossierProject  *self,
                                         GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  gint64 cookie;

  g_assert (!sqlite3_get_autocommit (self->db));

  stmt = dossier_project_prepare (self, "PRAGMA schema_version", error);
  if (stmt == NULL || dossier_project_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  cookie = sqlite3_column_int64 (stmt, 0);
  if (cookie == self->verified_schema)
    return TRUE;

  if (!verify_schema (self->db, self->path, DOSSIER_SCHEMA_VERSION, TRUE, error))
    return FALSE;
  self->verified_schema = cookie;
  return TRUE;
}

/* ---- Ids the window cannot key ----------------------------------------------- */

/* The window keys documents, tags, highlights, stakeholders, questions,
 * arguments and briefings by id, and takes 0 for "none" (the panels, the
 * number-key slots, the pickers, the export dialogs); the core's record
 * of what an action changed skips ids below 1 too. Dossier never writes
 * one (AUTOINCREMENT starts at 1), but SQLite stores any id an INSERT
 * gives: a file made elsewhere may hold a tag 0 or a document -3, which
 * the window would list and never let the user select. Opened for
 * writing, such a row gets a free id before anything reads the project. */
static const char * const keyed_tables[] = {
  "documents", "tags", "highlights", "stakeholders", "questions", "arguments", "briefings",
};

/* References without a foreign key: a text waiting to be indexed. (The
 * search indexes, keyed by document and highlight ids too, are made
 * again.) */
static const struct
{
  const char *target;
  const char *table;
  const char *column;
} unchecked_references[] = {
  { "documents", "documents_unindexed", "document" },
};

/* Runs @format with @name and then @column put in its "%w" and "%Q"
 * (SQLite's printf knows no "%1$w": the column is given for a second and
 * a third), ?1 bound to @first and ?2 to @second where it has them;
 * *@value (if not NULL) the first column of its first row, 0 for NULL or
 * no row. */
static gboolean
run_on_table (DossierProject  *self,
              const char      *format,
              const char      *name,
              const char      *column,
              gint64           first,
              gint64           second,
              gint64          *value,
              GError         **error)
{
  char *sql = sqlite3_mprintf (format, name, column, column);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (value != NULL)
    *value = 0;
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc == SQLITE_OK)
    {
      if (sqlite3_bind_parameter_count (stmt) >= 1)
        sqlite3_bind_int64 (stmt, 1, first);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        sqlite3_bind_int64 (stmt, 2, second);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && value != NULL)
        *value = sqlite3_column_int64 (stmt, 0);
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      dossier_project_set_db_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* An id above every id @table has held (its AUTOINCREMENT sequence), so
 * that no id of a row deleted earlier comes back; a free one below if
 * the file took the largest there is. */
static gboolean
free_id (DossierProject  *self,
         const char      *table,
         gint64          *id,
         GError         **error)
{
  gint64 largest, sequence, taken;

  if (!run_on_table (self, "SELECT max (id) FROM main.\"%w\"", table, NULL, 0, 0, &largest,
                     error) ||
      !run_on_table (self, "SELECT seq FROM main.sqlite_sequence WHERE name = %Q", table, NULL,
                     0, 0, &sequence, error))
    return FALSE;

  largest = MAX (MAX (largest, sequence), 0);
  if (largest < G_MAXINT64)
    {
      *id = largest + 1;
      return TRUE;
    }

  if (!run_on_table (self, "SELECT count (*) FROM main.\"%w\" WHERE id = 1", table, NULL, 0, 0,
                     &taken, error))
    return FALSE;
  if (!taken)
    {
      *id = 1;
      return TRUE;
    }
  if (!run_on_table (self,
                     "SELECT a.id + 1 FROM main.\"%w\" AS a "
                     "WHERE a.id >= 1 AND a.id < 9223372036854775807 AND NOT EXISTS "
                     "  (SELECT 1 FROM main.\"%w\" AS b WHERE b.id = a.id + 1) "
                     "ORDER BY a.id LIMIT 1",
                     table, table, 0, 0, id, error))
    return FALSE;
  /* Every id taken: more rows than a file can hold. */
  if (*id < 1)
    {
      dossier_project_set_db_error (self, error, SQLITE_CORRUPT);
      return FALSE;
    }
  return TRUE;
}

/* "table\0column" of every column that refers to @target: its foreign
 * keys, read from the schema (verified to be ours: a table a later
 * version adds is found too), and the references without one. */
static GPtrArray *
references_to (DossierProject  *self,
               const char      *target,
               GError         **error)
{
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT m.name, f.\"from\" FROM main.sqlite_schema AS m, "
                           "  pragma_foreign_key_list (m.name) AS f "
                           "WHERE m.type = 'table' AND f.\"table\" = ?1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      dossier_bind_text (stmt, 1, target);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *table = (const char *) sqlite3_column_text (stmt, 0);
          const char *column = (const char *) sqlite3_column_text (stmt, 1);

          if (table != NULL && column != NULL)
            g_ptr_array_add (references, g_strjoin ("\n", table, column, NULL));
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      dossier_project_set_db_error (self, error, rc);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (unchecked_references); i++)
    if (g_str_equal (unchecked_references[i].target, target))
      g_ptr_array_add (references, g_strjoin ("\n", unchecked_references[i].table,
                                              unchecked_references[i].column, NULL));

  return g_steal_pointer (&references);
}

/* Every row of @table whose id is below 1 given a free id, and every
 * reference to it with it; *@moved: whether there was any. */
static gboolean
renumber_table (DossierProject  *self,
                const char      *table,
                gboolean        *moved,
                GError         **error)
{
  g_autoptr(GArray) old_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) references = NULL;
  char *sql = sqlite3_mprintf ("SELECT id FROM main.\"%w\" WHERE id < 1 ORDER BY id DESC",
                               table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  *moved = FALSE;
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (old_ids, id);
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      dossier_project_set_db_error (self, error, rc);
      return FALSE;
    }
  if (old_ids->len == 0)
    return TRUE;

  references = references_to (self, table, error);
  if (references == NULL)
    return FALSE;

  /* 0 first, then -1, -2…: they keep their order among themselves. */
  for (guint i = 0; i < old_ids->len; i++)
    {
      gint64 old_id = g_array_index (old_ids, gint64, i);
      gint64 new_id = 0;

      if (!free_id (self, table, &new_id, error) ||
          !run_on_table (self, "UPDATE main.\"%w\" SET id = ?1 WHERE id = ?2", table, NULL,
                         new_id, old_id, NULL, error) ||
          !run_on_table (self, "UPDATE main.sqlite_sequence SET seq = ?1 "
                               "WHERE name = %Q AND seq < ?1", table, NULL,
                         new_id, 0, NULL, error))
        return FALSE;

      for (guint j = 0; j < references->len; j++)
        {
          g_auto(GStrv) reference = g_strsplit (g_ptr_array_index (references, j), "\n", 2);

          if (!run_on_table (self, "UPDATE main.\"%w\" SET \"%w\" = ?1 WHERE \"%w\" = ?2",
                             reference[0], reference[1], new_id, old_id, NULL, error))
            return FALSE;
        }
    }

  *moved = TRUE;
  return TRUE;
}

/* The renumbering; @dry_run: all of it but its commit, rolled back,
 * nothing of it reaching the file (see
 * dossier_project_renumber_unkeyable_would_fail ()). */
static gboolean
renumber_unkeyable (DossierProject  *self,
                    gboolean         dry_run,
                    gboolean        *renumbered,
                    GError         **error)
{
  g_auto(DossierTransaction) transaction = DOSSIER_TRANSACTION_INIT;
  g_autoptr(GError) local_error = NULL;
  gboolean reindex = FALSE;
  gint64 any = 0;

  *renumbered = FALSE;
  if (self->read_only)
    return TRUE;

  {
    g_auto(DossierStmt) stmt = dossier_project_prepare (self, DOSSIER_UNKEYABLE_SQL, error);

    if (stmt == NULL || dossier_project_step (self, stmt, error) != SQLITE_ROW)
      return FALSE;
    any = sqlite3_column_int64 (stmt, 0);
  }
  if (!any)
    return TRUE;

  /* A file in rollback mode: its changes stay in memory, no journal
   * beside it and no page written before the commit, which never comes. */
  if (dry_run &&
      (!dossier_project_exec (self, "PRAGMA journal_mode = MEMORY", error) ||
       !dossier_project_exec (self, "PRAGMA cache_spill = OFF", error)))
    return FALSE;

  /* Each reference is moved after its row, or before: the foreign keys
   * are checked at the commit, once every one has moved. */
  if (!dossier_transaction_begin (&transaction, self->db, self->path, error) ||
      !dossier_project_verify_before_write (self, error) ||
      !dossier_project_exec (self, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (keyed_tables); i++)
    {
      gboolean moved = FALSE;

      if (!renumber_table (self, keyed_tables[i], &moved, &local_error))
        break;
      /* The indexes of texts and memos are keyed by document and
       * highlight ids. */
      if (moved && (g_str_equal (keyed_tables[i], "documents") ||
                    g_str_equal (keyed_tables[i], "highlights")))
        reindex = TRUE;
    }

  if (local_error == NULL &&
      (!reindex || dossier_project_rebuild_indexes_within (self, &local_error)))
    {
      if (!dry_run)
        dossier_transaction_commit (&transaction, &local_error);
      else
        {
          int broken = 0, most = 0;

          /* What the commit would find: a reference to no row. */
          if (sqlite3_db_status (self->db, SQLITE_DBSTATUS_DEFERRED_FKS, &broken, &most,
                                 FALSE) == SQLITE_OK && broken)
            g_set_error_literal (&local_error, DOSSIER_PROJECT_ERROR,
                                 DOSSIER_PROJECT_ERROR_INVALID, "FOREIGN KEY constraint failed");
        }
    }
  if (dry_run)
    {
      dossier_transaction_clear (&transaction);
      sqlite3_exec (self->db, "PRAGMA cache_spill = ON", NULL, NULL, NULL);
    }

  /* A row whose new id its references cannot take (a constraint the file
   * breaks once they move: a reference to a row the file lacks, say) was
   * rolled back with the rest: the user opened a file, made no change. */
  if (g_error_matches (local_error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID))
    {
      g_autofree char *name = dossier_display_name (self->path);
      g_autofree char *quoted = g_shell_quote (self->path);

      g_debug ("%s", local_error->message);
      /* TRANSLATORS: the project's name, then its path as typed in a shell */
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED,
                   _("“%s” holds ids below 1, which only another program writes, and Dossier "
                     "could not give them others: the rows that refer to them do not fit "
                     "together. The file was left as it was. Run “dossier-cli check %s” to "
                     "see what in it is wrong, or open a backup copy."), name, quoted);
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *renumbered = !dry_run;
  return TRUE;
}

gboolean
dossier_project_renumber_unkeyable (DossierProject  *self,
                                    gboolean        *renumbered,
                                    GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (renumbered != NULL, FALSE);

  return renumber_unkeyable (self, FALSE, renumbered, error);
}

gboolean
dossier_project_renumber_unkeyable_would_fail (DossierProject  *self,
                                               GError         **error)
{
  gboolean renumbered = FALSE;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), TRUE);

  return !renumber_unkeyable (self, TRUE, &renumbered, error);
}

/* ---- The log's stamp ----------------------------------------------------------------- */

/* Runs @sql with @token as ?1: SQLite's result code, SQLITE_OK once done.
 * A file without the tables it names (an old schema, in its upgrade)
 * goes without a stamp: a log with none is taken as its file's. */
static int
run_stamp (sqlite3    *db,
           const char *sql,
           const char *token)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return SQLITE_OK;
    }
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Set, in the thread, while dossier_commit_stamped () commits a
 * transaction that changed nothing (SQLite's commit hook runs in it), and
 * the token of the stamp it wrote ("" for none). */
static __thread gboolean committing_nothing;
static __thread char committing_token[DOSSIER_LOG_TOKEN_LENGTH + 1];

static int
log_stamp (sqlite3 *db,
           gint64   changes_at_begin)
{
  g_autofree char *token = NULL;
  int rc;

  committing_token[0] = '\0';

  /* A transaction that changed nothing writes nothing to the log. */
  if (changes_at_begin >= 0 && sqlite3_total_changes64 (db) == changes_at_begin)
    return SQLITE_OK;

  token = g_uuid_string_random ();
  g_strlcpy (committing_token, token, sizeof committing_token);
  rc = run_stamp (db,
                  "UPDATE main.sqlite_sequence "
                  "SET seq = substr (seq, 38, 36) || ' ' || ?1 || ' ' || "
                  "  (SELECT uuid FROM main.project WHERE id = 1) "
                  "WHERE name = '" DOSSIER_LOG_STAMP_NAME "'",
                  token);
  if (rc != SQLITE_OK || sqlite3_changes64 (db) > 0)
    return rc;

  /* A file written before stamps (or by another program): its first. */
  return run_stamp (db,
                    "INSERT INTO main.sqlite_sequence (name, seq) "
                    "SELECT '" DOSSIER_LOG_STAMP_NAME "', "
                    "  '" DOSSIER_LOG_STAMP_NONE "' || ' ' || ?1 || ' ' || uuid "
                    "FROM main.project WHERE id = 1",
                    token);
}

gboolean
dossier_committing_nothing (void)
{
  return committing_nothing;
}

const char *
dossier_committing_token (void)
{
  return committing_token[0] != '\0' ? committing_token : NULL;
}

int
dossier_commit_stamped (sqlite3 *db,
                        gint64   changes_at_begin)
{
  gboolean nothing;
  int rc;

  g_return_val_if_fail (db != NULL, SQLITE_MISUSE);

  nothing = changes_at_begin >= 0 && sqlite3_total_changes64 (db) == changes_at_begin;
  rc = log_stamp (db, changes_at_begin);
  if (rc == SQLITE_OK)
    {
      committing_nothing = nothing;
      rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      committing_nothing = FALSE;
    }
  return rc;
}
