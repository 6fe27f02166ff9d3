/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-mentions.c — where stakeholders are mentioned: the
 * counts a project keeps per stakeholder and document, the mentions of one
 * document (for underlining them), and the mentions no highlight covers
 * yet.
 *
 * Counts are stored (stakeholder_mentions) rather than computed when
 * shown: the list of stakeholders, the CLI and the exports read them in a
 * query, and keeping them costs one pass over a new document's text at
 * import (a few milliseconds per megabyte, dossier-mentions.h) and one
 * pass over every text when a stakeholder's names change (about 0.1 s for
 * 10 MB; tests/bench/bench-core's "mentions" group measures both). They
 * are written inside the action that changed them, so undo restores them
 * with the rest. A file from someone else may store any count: they are
 * checked against the texts at open (dossier_project_verify_mentions ()),
 * once, rather than computed at every reading.
 */

#include "config.h"

#include "dossier-mentions-private.h"
#include "dossier-project-private.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-text.h>

/* ---- Finders ----------------------------------------------------------------- */

/* A name one character longer than Dossier stores is too long to be
 * looked for, whatever follows, and aliases are read only as far as
 * Dossier writes them: no more of either is read (a name of 10 MB was
 * copied twice at each opening; an alias of 50 MB, whole, at each import
 * and export). Every connection that reads them is a project's, which
 * reads the head of a long one through a blob handle (dossier_shown ()). */
#define NAMES_SQL \
  "SELECT s.id, " DOSSIER_SQL_SHOWN_ROW ("stakeholders", "s", "name", DOSSIER_STAKEHOLDER_MAX_NAME) ", " \
  DOSSIER_SQL_ALIASES ("s") " FROM stakeholders s ORDER BY s.id"

/* Whether @name is one Dossier could have stored: a file made by hand may
 * hold names of megabytes, and the finder's automaton takes a kilobyte or
 * so per character of what it looks for. */
static gboolean
name_within_limit (const char *name)
{
  gsize bytes = name != NULL ? strlen (name) : 0;

  /* A character takes one to four bytes. */
  return name != NULL && bytes <= 4 * DOSSIER_STAKEHOLDER_MAX_NAME &&
         (bytes <= DOSSIER_STAKEHOLDER_MAX_NAME ||
          g_utf8_strlen (name, -1) <= DOSSIER_STAKEHOLDER_MAX_NAME);
}

/* Adds each row's name and aliases to @finder, and (if not NULL) the rows
 * as text to @signature. Names longer, or aliases more, than Dossier
 * stores are not looked for. */
static int
add_names (sqlite3_stmt         *stmt,
           DossierMentionFinder *finder,
           GString              *signature)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      g_auto(GStrv) aliases = dossier_stakeholder_split_aliases ((const char *) sqlite3_column_text (stmt, 2));

      if (name_within_limit (name))
        dossier_mention_finder_add (finder, id, name);
      for (guint i = 0; aliases[i] != NULL && i < DOSSIER_STAKEHOLDER_MAX_ALIASES; i++)
        if (name_within_limit (aliases[i]))
          dossier_mention_finder_add (finder, id, aliases[i]);

      if (signature != NULL)
        g_string_append_printf (signature, "%" G_GINT64_FORMAT "\t%s\t%s\n", id,
                                name != NULL ? name : "",
                                (const char *) sqlite3_column_text (stmt, 2));
    }

  return rc;
}

DossierMentionFinder *
dossier_mentions_finder_read (sqlite3     *db,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, NAMES_SQL, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = add_names (stmt, finder, NULL);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      dossier_set_sqlite_error (error, path, db, rc);
      return NULL;
    }

  return g_steal_pointer (&finder);
}

/* The project's finder for its stakeholders' names as they are now: kept
 * while the names are the same (building one costs more than reading the
 * names to compare). */
static DossierMentionFinder *
project_finder (DossierProject  *self,
                GError         **error)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  g_autoptr(GString) signature = g_string_new (NULL);
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self, NAMES_SQL, error);
  if (stmt == NULL)
    return NULL;

  rc = add_names (stmt, finder, signature);
  if (rc != SQLITE_DONE)
    {
      dossier_project_set_db_error (self, error, rc);
      return NULL;
    }

  if (self->mention_finder == NULL || g_strcmp0 (self->mention_names, signature->str) != 0)
    {
      g_clear_pointer (&self->mention_finder, dossier_mention_finder_unref);
      g_free (self->mention_names);
      self->mention_finder = g_steal_pointer (&finder);
      self->mention_names = g_string_free (g_steal_pointer (&signature), FALSE);
    }

  return dossier_mention_finder_ref (self->mention_finder);
}

/* ---- Counting ---------------------------------------------------------------- */

typedef struct
{
  sqlite3      *db;
  const char   *path;
  sqlite3_stmt *read_text;
  sqlite3_stmt *read_counts;
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *delete;
} Counter;

static void
counter_clear (Counter *counter)
{
  sqlite3_finalize (counter->read_text);
  sqlite3_finalize (counter->read_counts);
  sqlite3_finalize (counter->insert);
  sqlite3_finalize (counter->update);
  sqlite3_finalize (counter->delete);
}

static gboolean
counter_init (Counter     *counter,
              sqlite3     *db,
              const char  *path,
              GError     **error)
{
  static const char * const sql[] = {
    "SELECT text FROM documents WHERE id = ?1",
    "SELECT stakeholder, count FROM stakeholder_mentions WHERE document = ?1",
    "INSERT INTO stakeholder_mentions (stakeholder, document, count) VALUES (?1, ?2, ?3)",
    "UPDATE stakeholder_mentions SET count = ?3 WHERE stakeholder = ?1 AND document = ?2",
    "DELETE FROM stakeholder_mentions WHERE stakeholder = ?1 AND document = ?2",
  };
  sqlite3_stmt **stmts[] = {
    &counter->read_text, &counter->read_counts, &counter->insert, &counter->update,
    &counter->delete,
  };

  memset (counter, 0, sizeof *counter);
  counter->db = db;
  counter->path = path;

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      int rc = sqlite3_prepare_v2 (db, sql[i], -1, stmts[i], NULL);

      if (rc != SQLITE_OK)
        {
          dossier_set_sqlite_error (error, path, db, rc);
          counter_clear (counter);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
run_write (Counter       *counter,
           sqlite3_stmt  *stmt,
           gint64         stakeholder_id,
           gint64         document_id,
           gint64         count,
           GError       **error)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, stakeholder_id);
  sqlite3_bind_int64 (stmt, 2, document_id);
  if (count > 0)
    sqlite3_bind_int64 (stmt, 3, count);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dossier_set_sqlite_error (error, counter->path, counter->db, rc);
      return FALSE;
    }

  return TRUE;
}

static void
changed_add (GHashTable *changed,
             gint64      id)
{
  if (changed != NULL && !g_hash_table_contains (changed, &id))
    g_hash_table_add (changed, g_memdup2 (&id, sizeof id));
}

/* Counts @text's mentions and writes the rows that differ. */
static gboolean
count_text (Counter               *counter,
            DossierMentionFinder  *finder,
            gint64                 document_id,
            const char            *text,
            GHashTable            *changed,
            GError               **error)
{
  g_autoptr(GArray) mentions = dossier_mention_finder_find (finder, text);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  for (guint i = 0; i < mentions->len; i++)
    {
      gint64 id = g_array_index (mentions, DossierMention, i).key;
      gpointer n = g_hash_table_lookup (counts, &id);

      if (n == NULL)
        g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (1));
      else
        g_hash_table_insert (counts, g_memdup2 (&id, sizeof id),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
    }

  sqlite3_bind_int64 (counter->read_counts, 1, document_id);
  while ((rc = sqlite3_step (counter->read_counts)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (counter->read_counts, 0);

      g_hash_table_insert (old, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER ((guint) sqlite3_column_int64 (counter->read_counts, 1)));
    }
  sqlite3_reset (counter->read_counts);
  if (rc != SQLITE_DONE)
    {
      dossier_set_sqlite_error (error, counter->path, counter->db, rc);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = *(gint64 *) key;
      guint was = GPOINTER_TO_UINT (g_hash_table_lookup (old, &id));
      guint now = GPOINTER_TO_UINT (value);

      if (was == now)
        continue;
      if (!run_write (counter, was == 0 ? counter->insert : counter->update,
                      id, document_id, now, error))
        return FALSE;
      changed_add (changed, id);
    }

  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;

      if (g_hash_table_contains (counts, &id))
        continue;
      if (!run_write (counter, counter->delete, id, document_id, 0, error))
        return FALSE;
      changed_add (changed, id);
    }

  return TRUE;
}

gboolean
dossier_mentions_count_document (sqlite3               *db,
                                 const char            *path,
                                 DossierMentionFinder  *finder,
                                 gint64                 document_id,
                                 const char            *text,
                                 GHashTable            *changed,
                                 GError               **error)
{
  Counter counter;
  g_autofree char *own_text = NULL;
  gboolean ok;

  if (!counter_init (&counter, db, path, error))
    return FALSE;

  if (text == NULL)
    {
      int rc;

      sqlite3_bind_int64 (counter.read_text, 1, document_id);
      rc = sqlite3_step (counter.read_text);
      if (rc == SQLITE_ROW)
        own_text = g_strdup ((const char *) sqlite3_column_text (counter.read_text, 0));
      sqlite3_reset (counter.read_text);
      if (rc != SQLITE_ROW)
        {
          if (rc == SQLITE_DONE)
            dossier_set_not_found (error, DOSSIER_ROW_DOCUMENT, document_id);
          else
            dossier_set_sqlite_error (error, path, db, rc);
          counter_clear (&counter);
          return FALSE;
        }
      text = own_text != NULL ? own_text : "";
    }

  ok = count_text (&counter, finder, document_id, text, changed, error);
  counter_clear (&counter);
  return ok;
}

gboolean
dossier_mentions_rebuild (sqlite3     *db,
                          const char  *path,
                          GHashTable  *changed,
                          GError     **error)
{
  g_autoptr(DossierMentionFinder) finder = NULL;
  sqlite3_stmt *documents = NULL;
  Counter counter;
  gboolean ok = TRUE;
  int rc;

  finder = dossier_mentions_finder_read (db, path, error);
  if (finder == NULL || !counter_init (&counter, db, path, error))
    return FALSE;

  /* Each text is counted straight from the row, without a copy. */
  rc = sqlite3_prepare_v2 (db, "SELECT id, text FROM documents ORDER BY id", -1, &documents, NULL);
  while (rc == SQLITE_OK && ok && (rc = sqlite3_step (documents)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (documents, 1);

      ok = count_text (&counter, finder, sqlite3_column_int64 (documents, 0),
                       text != NULL ? text : "", changed, error);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (documents);
  counter_clear (&counter);

  if (ok && rc != SQLITE_DONE)
    {
      dossier_set_sqlite_error (error, path, db, rc);
      return FALSE;
    }

  return ok;
}

gboolean
dossier_project_update_mentions (DossierProject  *self,
                                 gint64           document_id,
                                 const char      *text,
                                 GError         **error)
{
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_assert (self->in_transaction);

  if (document_id > 0)
    {
      g_autoptr(DossierMentionFinder) finder = project_finder (self, error);

      if (finder == NULL ||
          !dossier_mentions_count_document (self->db, self->path, finder, document_id, text,
                                            changed, error))
        return FALSE;
    }
  else if (!dossier_mentions_rebuild (self->db, self->path, changed, error))
    return FALSE;

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    dossier_project_touch (self, "stakeholders", *(gint64 *) key);

  return TRUE;
}

gboolean
dossier_project_update_mentions_of (DossierProject       *self,
                                    const char * const   *names,
                                    GError              **error)
{
  g_autoptr(DossierMentionFinder) these = dossier_mention_finder_new ();
  g_autoptr(DossierMentionFinder) every = NULL;
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(DossierStmt) documents = NULL;
  Counter counter;
  gboolean ok = TRUE;
  GHashTableIter iter;
  gpointer key;
  int rc = SQLITE_DONE;

  g_assert (self->in_transaction);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (name_within_limit (names[i]))
      dossier_mention_finder_add (these, 1, names[i]);
  if (dossier_mention_finder_get_n_aliases (these) == 0)
    return TRUE;

  documents = dossier_project_prepare (self, "SELECT id, text FROM documents ORDER BY id", error);
  if (documents == NULL || !counter_init (&counter, self->db, self->path, error))
    return FALSE;

  /* Each text is looked at straight from the row, without a copy. */
  while (ok && (rc = dossier_project_step (self, documents, error)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (documents, 1);
      g_autoptr(GArray) found = NULL;

      text = text != NULL ? text : "";
      found = dossier_mention_finder_find (these, text);
      if (found->len == 0)
        continue;
      if (every == NULL)
        every = project_finder (self, error);
      ok = every != NULL &&
           count_text (&counter, every, sqlite3_column_int64 (documents, 0), text, changed, error);
    }
  counter_clear (&counter);
  if (!ok || rc != SQLITE_DONE)
    return FALSE;

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    dossier_project_touch (self, "stakeholders", *(gint64 *) key);

  return TRUE;
}

/* ---- Verified at open -------------------------------------------------------- */

/* One row of stakeholder_mentions. */
typedef struct
{
  gint64 stakeholder;
  gint64 document;
  guint  count;
} MentionRow;

/* A row as counted, before its stakeholder's id is put in. */
typedef struct
{
  gint64 document;
  guint  slot;
  guint  count;
} CountedRow;

/* Whether @x comes before (< 0), at or after the key (@stakeholder,
 * @document) in the table's order. */
static int
compare_mention_row (const MentionRow *x,
                     gint64            stakeholder,
                     gint64            document)
{
  if (x->stakeholder != stakeholder)
    return x->stakeholder < stakeholder ? -1 : 1;
  if (x->document != document)
    return x->document < document ? -1 : 1;
  return 0;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Every row stakeholder_mentions should hold, counted in each text, in
 * the order of its key (stakeholder, document), which is the table's.
 * At open this runs over every text (5,000 stakeholders × 100 texts:
 * ~50,000 rows), so a mention costs two array loads: its alias leads to
 * its stakeholder's slot (looked up once per alias), a slot to its count
 * in the text at hand; the rows are then put in key order by a counting
 * sort over the slots. */
static gboolean
go_on_unless_cancelled (guint64  chars,
                        gpointer data)
{
  return !g_cancellable_is_cancelled (data);
}

static GArray *
count_every_text (DossierProject        *self,
                  DossierMentionFinder  *finder,
                  GCancellable          *cancellable,
                  GError               **error)
{
  guint n_aliases = dossier_mention_finder_get_n_aliases (finder);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (CountedRow));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));  /* slot → stakeholder */
  g_autoptr(GHashTable) slot_of_key = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  g_autofree guint *slot_of_alias = NULL;
  g_autofree guint *counts = NULL;        /* per slot, in the text at hand */
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) sorted = NULL;
  g_autofree guint *rank = NULL;
  g_autofree guint *start = NULL;
  g_autofree gint64 *sorted_keys = NULL;
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  if (n_aliases == 0)
    return g_array_new (FALSE, FALSE, sizeof (MentionRow));

  slot_of_alias = g_new (guint, n_aliases);
  memset (slot_of_alias, 0xff, n_aliases * sizeof (guint));
  /* A stakeholder has at least one alias: no more slots than aliases. */
  counts = g_new0 (guint, n_aliases);

  stmt = dossier_project_prepare (self, "SELECT id, text FROM documents ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  /* Each text is looked at straight from the row, without a copy. */
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      gint64 document = sqlite3_column_int64 (stmt, 0);
      g_autoptr(GArray) found = NULL;

      if (text == NULL)
        continue;
      /* A text of 50 MB takes 0.4 s: a cancel stops in the middle. */
      found = dossier_mention_finder_find_checked (finder, text,
                                                   cancellable != NULL ? go_on_unless_cancelled : NULL,
                                                   cancellable);
      if (found == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      for (guint i = 0; i < found->len; i++)
        {
          const DossierMention *m = &g_array_index (found, DossierMention, i);
          guint slot = slot_of_alias[m->alias];

          if (G_UNLIKELY (slot == G_MAXUINT))
            {
              gpointer value;

              if (g_hash_table_lookup_extended (slot_of_key, &m->key, NULL, &value))
                slot = GPOINTER_TO_UINT (value);
              else
                {
                  slot = keys->len;
                  g_array_append_val (keys, m->key);
                  g_hash_table_insert (slot_of_key, g_memdup2 (&m->key, sizeof m->key),
                                       GUINT_TO_POINTER (slot));
                }
              slot_of_alias[m->alias] = slot;
            }
          if (counts[slot]++ == 0)
            g_array_append_val (touched, slot);
        }
      for (guint i = 0; i < touched->len; i++)
        {
          guint slot = g_array_index (touched, guint, i);

          g_array_append_val (rows, ((CountedRow) { document, slot, counts[slot] }));
          counts[slot] = 0;
        }
      g_array_set_size (touched, 0);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  if (rows->len == 0)
    return g_array_new (FALSE, FALSE, sizeof (MentionRow));

  /* Slots in key order, then the rows by slot: a stable counting sort,
   * so each stakeholder's rows stay in document order. */
  sorted_keys = g_memdup2 (keys->data, keys->len * sizeof (gint64));
  qsort (sorted_keys, keys->len, sizeof (gint64), compare_gint64);
  rank = g_new (guint, keys->len);
  for (guint s = 0; s < keys->len; s++)
    {
      gint64 *at = bsearch (&g_array_index (keys, gint64, s), sorted_keys, keys->len,
                            sizeof (gint64), compare_gint64);

      rank[s] = at - sorted_keys;
    }
  start = g_new0 (guint, keys->len + 1);
  for (guint i = 0; i < rows->len; i++)
    start[rank[g_array_index (rows, CountedRow, i).slot] + 1]++;
  for (guint r = 0; r < keys->len; r++)
    start[r + 1] += start[r];
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (MentionRow), rows->len);
  g_array_set_size (sorted, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const CountedRow *row = &g_array_index (rows, CountedRow, i);
      guint r = rank[row->slot];

      g_array_index (sorted, MentionRow, start[r]++) =
        (MentionRow) { sorted_keys[r], row->document, row->count };
    }

  return g_steal_pointer (&sorted);
}

/* The rows of stakeholder_mentions whose stakeholder and document exist:
 * those a count could be shown for. The others (a file made by hand,
 * foreign keys off, deleted one and kept them) are left as they are, as
 * every other row the deletion should have taken. */
#define SHOWN_MENTION_ROWS \
  "main.stakeholder_mentions WHERE " DOSSIER_SQL_MENTION_SHOWN " AND EXISTS " \
  "(SELECT 1 FROM stakeholders WHERE stakeholders.id = stakeholder_mentions.stakeholder)"

/* Whether the file's stakeholder_mentions holds exactly @rows (in key
 * order): one pass over both, side by side. */
static gboolean
stored_counts_match (DossierProject  *self,
                     GArray          *rows,
                     gboolean        *match,
                     GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  guint next = 0;   /* the first of @rows not met yet */
  int rc;

  /* The order is the table's own (its primary key): no sort. */
  stmt = dossier_project_prepare (self,
                                  "SELECT stakeholder, document, count "
                                  "FROM main.stakeholder_mentions ORDER BY stakeholder, document",
                                  error);
  if (stmt == NULL)
    return FALSE;

  *match = TRUE;
  while (*match && (rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 stakeholder = sqlite3_column_int64 (stmt, 0);
      gint64 document = sqlite3_column_int64 (stmt, 1);
      int order = 1;

      /* A row counted that comes before it is missing. */
      if (next < rows->len)
        order = compare_mention_row (&g_array_index (rows, MentionRow, next),
                                     stakeholder, document);
      if (order < 0)
        {
          *match = FALSE;
          break;
        }
      if (order == 0)
        {
          /* A count of text, a fraction or beyond a guint is wrong too. */
          *match = sqlite3_column_type (stmt, 2) == SQLITE_INTEGER &&
                   sqlite3_column_int64 (stmt, 2) ==
                   (gint64) g_array_index (rows, MentionRow, next).count;
          next++;
          continue;
        }

      /* A row not counted is wrong where it is shown: those of
       * SHOWN_MENTION_ROWS, told by the models (a look in SQL for each
       * row would cost more than the rest of the check). */
      *match = !g_hash_table_contains (self->documents_by_id, &document) ||
               !g_hash_table_contains (self->stakeholders_by_id, &stakeholder);
    }
  if (!*match)
    return TRUE;
  if (rc != SQLITE_DONE)
    return FALSE;

  *match = next == rows->len;
  return TRUE;
}

/* Writes @rows into @table (empty), a few hundred rows a statement. */
static gboolean
write_counts (DossierProject  *self,
              const char      *table,
              GArray          *rows,
              GError         **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const MentionRow *row = &g_array_index (rows, MentionRow, i);

      if (sql->len == 0)
        g_string_append_printf (sql, "INSERT INTO %s (stakeholder, document, count) VALUES ",
                                table);
      else
        g_string_append_c (sql, ',');
      g_string_append_printf (sql, "(%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%u)",
                              row->stakeholder, row->document, row->count);
      if ((i + 1) % 500 == 0 || i + 1 == rows->len)
        {
          if (!(self->read_only ? dossier_project_exec_in_temp (self, sql->str, error)
                                : dossier_project_exec (self, sql->str, error)))
            return FALSE;
          g_string_truncate (sql, 0);
        }
    }

  return TRUE;
}

/* Puts @rows, the true counts (count_every_text ()), in place of what
 * the file stores if that differs; *@corrected as
 * dossier_project_verify_mentions () says. */
static gboolean
apply_counts (DossierProject  *self,
              GArray          *rows,
              gboolean        *corrected,
              GError         **error)
{
  gboolean match = FALSE;

  *corrected = FALSE;
  if (self->mentions_shadowed)
    {
      if (!dossier_project_exec_in_temp (self, "DROP TABLE IF EXISTS temp.stakeholder_mentions",
                                         error))
        return FALSE;
      self->mentions_shadowed = FALSE;
      *corrected = TRUE;
    }

  if (!stored_counts_match (self, rows, &match, error))
    return FALSE;
  if (match)
    return TRUE;

  if (self->read_only)
    {
      /* The file stays as it is: the true counts stand in for its own in
       * this connection, under the same name (SQLite looks for a table
       * in the temporary schema first). */
      if (!dossier_project_exec_in_temp (self,
                                         "CREATE TABLE temp.stakeholder_mentions ("
                                         "  stakeholder INTEGER NOT NULL,"
                                         "  document    INTEGER NOT NULL,"
                                         "  count       INTEGER NOT NULL,"
                                         "  PRIMARY KEY (stakeholder, document)"
                                         ") WITHOUT ROWID;"
                                         "CREATE INDEX temp.stakeholder_mentions_by_document "
                                         "ON stakeholder_mentions (document)",
                                         error))
        return FALSE;
      self->mentions_shadowed = TRUE;
      if (!write_counts (self, "temp.stakeholder_mentions", rows, error))
        return FALSE;
    }
  else
    {
      g_auto(DossierTransaction) transaction = DOSSIER_TRANSACTION_INIT;

      /* Outside the undo history, as the ids moved at open: no undo
       * brings the wrong counts back. */
      if (!dossier_transaction_begin (&transaction, self->db, self->path, error) ||
          !dossier_project_verify_before_write (self, error) ||
          !dossier_project_exec (self, "DELETE FROM " SHOWN_MENTION_ROWS, error) ||
          !write_counts (self, "main.stakeholder_mentions", rows, error) ||
          !dossier_transaction_commit (&transaction, error))
        return FALSE;
    }

  *corrected = TRUE;
  return TRUE;
}

gboolean
dossier_project_verify_mentions (DossierProject  *self,
                                 gboolean        *corrected,
                                 GError         **error)
{
  g_autoptr(DossierMentionFinder) finder = NULL;
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (corrected != NULL, FALSE);

  *corrected = FALSE;
  if (self->inspect)
    return TRUE;

  finder = project_finder (self, error);
  if (finder == NULL)
    return FALSE;
  rows = count_every_text (self, finder, NULL, error);
  return rows != NULL && apply_counts (self, rows, corrected, error);
}

/* ---- Checked in the background ------------------------------------------------ */

/* With DOSSIER_OPEN_MENTIONS_IN_BACKGROUND the check above runs in a
 * thread on a connection of its own once the project is open: it read
 * every text before the window could show (29 % of opening three texts of
 * 50 MB). Until its counts are in place no stored count is shown
 * (mentions_pending: the models read none), anything that reads them
 * finishes the check first, and so does an action, so that no undo can
 * put back a count from before it. */
struct _DossierMentionCheck
{
  DossierProject *project;       /* not a reference: it stops the check first */
  DossierProject *worker;        /* the thread's connection, closed once joined */
  GThread        *thread;
  GCancellable   *cancellable;
  GMainContext   *context;
  GSource        *done;          /* attached by the thread as it ends */
  gint64          data_version;  /* the main connection's when it began */
  GArray         *rows;          /* set by the thread: the true counts */
  GError         *error;         /* or why not */
};

/* Frees @check, its thread joined. */
static void
check_free (DossierMentionCheck *check)
{
  g_assert (check->thread == NULL);

  if (check->done != NULL)
    g_source_destroy (check->done);
  g_clear_pointer (&check->done, g_source_unref);
  dossier_project_close (check->worker);
  g_clear_object (&check->worker);
  g_clear_object (&check->cancellable);
  g_main_context_unref (check->context);
  g_clear_pointer (&check->rows, g_array_unref);
  g_clear_error (&check->error);
  g_free (check);
}

static gboolean start_check (DossierProject *self);

/* The counts are known: the models show them. */
static void
end_pending (DossierProject *self)
{
  g_autoptr(GError) error = NULL;

  self->mentions_pending = FALSE;
  if (!dossier_project_load_stakeholders (self, &error))
    g_warning ("%s", error->message);
  g_object_notify (G_OBJECT (self), "mentions-pending");
}

/* The check failed where the open would have failed before: the counts
 * stay unshown, and the log says why (the next action or reading of them
 * tries again, and an action that fails says it to the person). */
static void
say_unchecked (DossierProject *self,
               const GError   *error)
{
  g_autofree char *name = dossier_display_name (self->path);

  g_message (_("The mentions of stakeholders in “%s” could not be counted: %s"),
             name, error->message);
}

static gboolean
check_finished (gpointer data)
{
  DossierMentionCheck *check = data;
  g_autoptr(DossierProject) self = g_object_ref (check->project);
  g_autoptr(GError) error = NULL;
  gboolean corrected = FALSE;
  gint64 version = 0;

  g_assert (self->mention_check == check);
  self->mention_check = NULL;
  g_thread_join (g_steal_pointer (&check->thread));
  /* Removed by returning: not destroyed again. */
  g_clear_pointer (&check->done, g_source_unref);

  if (check->error != NULL)
    {
      /* Tried once more here (what made the thread fail, a file held by
       * another program, may have passed), rather than leave the counts
       * unshown. */
      if (!dossier_project_finish_mentions (self, &error))
        say_unchecked (self, error);
    }
  else if (!dossier_project_query_data_version (self, &version) || version != check->data_version)
    {
      /* Another connection wrote meanwhile (a text imported by a thread,
       * another program followed read-only): counted again, from what is
       * there now. This connection's own writes finish the check first. */
      start_check (self);
    }
  else if (!apply_counts (self, check->rows, &corrected, &error))
    say_unchecked (self, error);
  else
    end_pending (self);

  check_free (check);
  return G_SOURCE_REMOVE;
}

static gpointer
check_thread (gpointer data)
{
  DossierMentionCheck *check = data;
  DossierProject *worker = check->worker;
  g_autoptr(DossierMentionFinder) finder = NULL;

  /* The names and the texts from one snapshot of the file. */
  if (dossier_project_exec (worker, "BEGIN", &check->error))
    {
      finder = project_finder (worker, &check->error);
      if (finder != NULL)
        check->rows = count_every_text (worker, finder, check->cancellable, &check->error);
      sqlite3_exec (worker->db, "ROLLBACK", NULL, NULL, NULL);
    }

  g_source_attach (check->done, check->context);
  return NULL;
}

/* Starts the thread; FALSE if it could not (then the counts stay unshown
 * until something finishes the check). */
static gboolean
start_check (DossierProject *self)
{
  g_autoptr(GError) error = NULL;
  DossierMentionCheck *check;
  DossierProject *worker;
  gint64 version = 0;

  g_assert (self->mention_check == NULL);

  if (!dossier_project_query_data_version (self, &version) ||
      (worker = dossier_project_open_worker (self, &error)) == NULL)
    {
      if (error != NULL)
        say_unchecked (self, error);
      return FALSE;
    }

  check = g_new0 (DossierMentionCheck, 1);
  check->project = self;
  check->worker = worker;
  check->cancellable = g_cancellable_new ();
  check->context = g_main_context_ref_thread_default ();
  check->data_version = version;
  check->done = g_idle_source_new ();
  /* As a finished GTask's: an idle's would wait behind the layout of a
   * long text (GtkTextView's validation comes first), 40 s for 60 MB. */
  g_source_set_priority (check->done, G_PRIORITY_DEFAULT);
  g_source_set_callback (check->done, check_finished, check, NULL);
  g_source_set_static_name (check->done, "[dossier] mentions counted");
  check->thread = g_thread_new ("dossier-mentions", check_thread, check);
  self->mention_check = check;
  return TRUE;
}

void
dossier_project_stop_mention_check (DossierProject *self)
{
  DossierMentionCheck *check = g_steal_pointer (&self->mention_check);

  if (check == NULL)
    return;

  /* A long text stops in the middle, a long read at its next step. */
  g_cancellable_cancel (check->cancellable);
  sqlite3_interrupt (check->worker->db);
  g_thread_join (g_steal_pointer (&check->thread));
  check_free (check);
}

gboolean
dossier_project_check_mentions_later (DossierProject  *self,
                                      GError         **error)
{
  gboolean corrected = FALSE;

  g_assert (self->mentions_pending);

  /* No name to look for: nothing to read, no need of a thread. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->stakeholders)) == 0)
    {
      self->mentions_pending = FALSE;
      if (!dossier_project_verify_mentions (self, &corrected, error))
        return FALSE;
      return !corrected || dossier_project_load_analysis (self, error);
    }

  dossier_project_stop_mention_check (self);
  start_check (self);
  return TRUE;
}

gboolean
dossier_project_finish_mentions (DossierProject  *self,
                                 GError         **error)
{
  gboolean corrected = FALSE;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!self->mentions_pending)
    return TRUE;

  /* Here and now, on this connection: what the thread has done so far is
   * given up. */
  dossier_project_stop_mention_check (self);
  if (!dossier_project_verify_mentions (self, &corrected, error))
    return FALSE;
  end_pending (self);
  return TRUE;
}

gboolean
dossier_project_get_mentions_pending (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return self->mentions_pending;
}

/* ---- Listing ------------------------------------------------------------------ */

GArray *
dossier_project_list_mentions (DossierProject  *self,
                               gint64           document_id,
                               gint64           stakeholder_id,
                               GError         **error)
{
  g_autoptr(DossierMentionFinder) finder = NULL;
  g_autofree char *text = NULL;
  GArray *mentions;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  if (!dossier_project_ensure_open (self, error))
    return NULL;

  text = dossier_project_read_text (self, document_id, error);
  if (text == NULL)
    return NULL;

  finder = project_finder (self, error);
  if (finder == NULL)
    return NULL;

  mentions = dossier_mention_finder_find (finder, text);
  if (stakeholder_id > 0)
    {
      guint kept = 0;

      for (guint i = 0; i < mentions->len; i++)
        if (g_array_index (mentions, DossierMention, i).key == stakeholder_id)
          g_array_index (mentions, DossierMention, kept++) = g_array_index (mentions, DossierMention, i);
      g_array_set_size (mentions, kept);
    }

  return mentions;
}

GArray *
dossier_project_find_mentions_checked (DossierProject       *self,
                                       const char           *text,
                                       DossierReadProgress   progress,
                                       gpointer              data,
                                       GError              **error)
{
  g_autoptr(DossierMentionFinder) finder = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!dossier_project_ensure_open (self, error))
    return NULL;
  finder = project_finder (self, error);
  if (finder == NULL)
    return NULL;
  return dossier_mention_finder_find_checked (finder, text, progress, data);
}

GArray *
dossier_project_count_mentions (DossierProject  *self,
                                gint64           stakeholder_id,
                                GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (DossierMentionCount));
  int rc;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  if (!dossier_project_ensure_open (self, error) || !dossier_project_finish_mentions (self, error))
    return NULL;

  stmt = dossier_project_prepare (self,
                                  "SELECT document, count FROM stakeholder_mentions "
                                  "WHERE stakeholder = ?1 AND " DOSSIER_SQL_MENTION_SHOWN
                                  " ORDER BY document",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, stakeholder_id);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      DossierMentionCount count = {
        sqlite3_column_int64 (stmt, 0), (guint) sqlite3_column_int64 (stmt, 1)
      };

      g_array_append_val (counts, count);
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&counts) : NULL;
}

void
dossier_mention_hit_free (DossierMentionHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->snippet);
  g_free (hit->before);
  g_free (hit->mention);
  g_free (hit->after);
  g_free (hit);
}

/* The line around [start, end) of @text, shortened to about 120
 * characters: @hit's snippet (the mention between « and ») and its three
 * parts. */
static void
set_snippet (DossierMentionHit  *hit,
             DossierOffsetIndex *index,
             gint64              start,
             gint64              end)
{
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  const char *line_start, *line_end;

  dossier_offset_index_context (index, start, end, &hit->mention, &prefix, &suffix);

  /* Within the line only. */
  line_start = strrchr (prefix, '\n');
  line_start = line_start != NULL ? line_start + 1 : prefix;
  line_end = strchr (suffix, '\n');
  if (line_end != NULL)
    suffix[line_end - suffix] = '\0';

  hit->before = g_strconcat (line_start == prefix && start > DOSSIER_CONTEXT_LENGTH ? "…" : "",
                             line_start, NULL);
  hit->after = g_strconcat (suffix, line_end == NULL && strlen (suffix) > 0 ? "…" : "", NULL);
  hit->snippet = g_strdup_printf ("%s«%s»%s", hit->before, hit->mention, hit->after);
}

GPtrArray *
dossier_project_list_unreviewed_mentions (DossierProject  *self,
                                          gint64           stakeholder_id,
                                          GError         **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_mention_hit_free);
  g_autoptr(GArray) documents = NULL;
  g_autoptr(DossierMentionFinder) finder = NULL;
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  if (!dossier_project_ensure_open (self, error))
    return NULL;

  /* Only the documents that mention it are read (those that exist); all
   * of them while the counts are not checked, as one may be missing. */
  documents = dossier_project_read_ids (self,
                                        self->mentions_pending
                                        ? "SELECT id FROM documents ORDER BY id"
                                        : stakeholder_id > 0
                                        ? "SELECT document FROM stakeholder_mentions "
                                          "WHERE stakeholder = ?1 AND "
                                          DOSSIER_SQL_MENTION_SHOWN
                                          " ORDER BY document"
                                        : "SELECT DISTINCT document FROM stakeholder_mentions "
                                          "WHERE " DOSSIER_SQL_MENTION_SHOWN
                                          " ORDER BY document",
                                        stakeholder_id, NULL, error);
  if (documents == NULL)
    return NULL;

  finder = project_finder (self, error);
  if (finder == NULL)
    return NULL;

  for (guint d = 0; d < documents->len; d++)
    {
      gint64 document_id = g_array_index (documents, gint64, d);
      g_autofree char *text = dossier_project_read_text (self, document_id, error);
      g_autoptr(GArray) mentions = NULL;
      g_autoptr(GArray) covered = g_array_new (FALSE, FALSE, sizeof (gint64));
      DossierOffsetIndex index = { 0 };
      gint64 reach = 0;
      guint c = 0;

      if (text == NULL)
        return NULL;

      /* The live highlights' ranges, in order of start. */
      stmt = dossier_project_prepare (self,
                                      "SELECT start, end FROM highlights "
                                      "WHERE document = ?1 AND orphaned = 0 ORDER BY start, end",
                                      error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, document_id);
      while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
        {
          gint64 range[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

          g_array_append_vals (covered, range, 2);
        }
      if (rc != SQLITE_DONE)
        return NULL;
      sqlite3_reset (stmt);
      stmt = NULL;

      mentions = dossier_mention_finder_find (finder, text);
      dossier_offset_index_init (&index, text);
      for (guint i = 0; i < mentions->len; i++)
        {
          const DossierMention *m = &g_array_index (mentions, DossierMention, i);
          gboolean reviewed = FALSE;
          DossierMentionHit *hit;

          if (stakeholder_id > 0 && m->key != stakeholder_id)
            continue;

          /* Some highlight overlaps the mention if one of those that
           * start before its end reaches past its start. Mentions come in
           * order, so the highlights are read once. */
          while (c < covered->len / 2 && g_array_index (covered, gint64, 2 * c) < m->end)
            {
              reach = MAX (reach, g_array_index (covered, gint64, 2 * c + 1));
              c++;
            }
          reviewed = reach > m->start;
          if (reviewed)
            continue;

          hit = g_new0 (DossierMentionHit, 1);
          hit->document_id = document_id;
          hit->stakeholder_id = m->key;
          hit->start = m->start;
          hit->end = m->end;
          set_snippet (hit, &index, m->start, m->end);
          g_ptr_array_add (hits, hit);
        }
      dossier_offset_index_clear (&index);
    }

  return g_steal_pointer (&hits);
}
