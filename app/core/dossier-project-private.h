/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-private.h — what the core's other modules (export, the
 * project's own split files) share of DossierProject. Not for the UI.
 *
 * The schema (version 4), for modules that read the database directly:
 *
 *   project (id = 1, uuid, title, created)
 *   documents (id, uuid, title, author, outlet, source, published,
 *              imported, format, original BLOB, text, hash, length)
 *       author/outlet/source/published are NULL or '' when unknown;
 *       length counts code points of text.
 *   blocks (id, document, start, end, kind, level)
 *       kind as dossier_block_kind_to_string().
 *   tags (id, uuid, name, parent NULL = top level, color "#rrggbb",
 *         description, position among siblings from 0)
 *   highlights (id, uuid, document, start, end, quote, prefix, suffix,
 *               memo, author, created, modified, orphaned)
 *       start/end are code points, end exclusive. text[start:end] = quote
 *       holds unless orphaned = 1 (the passage vanished from a new version
 *       of the text; start/end are then stale): filter "orphaned = 0"
 *       wherever that invariant matters. Every highlight has >= 1 tag,
 *       or is evidence for a stakeholder or an argument (or both).
 *   highlight_tags (highlight, tag, position = order applied)
 *   stakeholders (id, uuid, name, aliases (one per line), kind (as
 *                 dossier_stakeholder_kind_to_string ()), description,
 *                 stance, interests, power 1–5, interest 1–5, color,
 *                 position from 0, stance_position -2…2 or NULL)
 *   stakeholder_evidence (stakeholder, highlight, note, role NULL |
 *                 'stance' | 'power' | 'interest' | 'quote',
 *                 stance_position -2…2 or NULL)
 *   stakeholder_mentions (stakeholder, document, count > 0): how often its
 *                 name and aliases occur in the text (dossier-mentions.h)
 *   questions (id, uuid, text, position from 0)
 *   arguments (id, uuid, question, polarity 'pro'|'con', statement,
 *              stakeholder NULL = none, strength 1–5, position from 0
 *              among the question's arguments of its polarity)
 *   argument_evidence (argument, highlight, note)
 *   dismissed_suggestions (id, kind 'stakeholder'|'argument', document
 *              NULL = any, key = the folded name or statement)
 *   briefings (id, uuid, title, body, created, modified)
 *   briefing_documents (briefing, document, position)
 *   documents_fts, memos_fts: FTS5 over documents.text and highlights.memo;
 *       memos kept in step by triggers, texts indexed after the action
 *       that stored them (dossier-project-index.c).
 *   documents_unindexed (document): the texts waiting for that; not
 *       recorded for undo (the triggers keep it right).
 * Timestamps are ISO 8601 UTC ("2024-05-01T12:00:00Z").
 */
#pragma once

/* The session extension (undo) is compiled into Debian's SQLite, but its
 * prototypes are only declared when these are defined. */
#ifndef SQLITE_ENABLE_SESSION
# define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
# define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sys/stat.h>

#include <sqlite3.h>

#include <dossier/dossier-list-store.h>
#include <dossier/dossier-project.h>

#include <dossier/dossier-mentions.h>
#include <dossier/dossier-project-arguments.h>
#include <dossier/dossier-project-stakeholders.h>

#include "dossier-argument-private.h"
#include "dossier-document-private.h"
#include "dossier-highlight-private.h"
#include "dossier-question-private.h"
#include "dossier-stakeholder-private.h"
#include "dossier-tag-private.h"

G_BEGIN_DECLS

/* A second DossierProject on @main's file, for one thread to read and
 * write with its own connection: no lock (@main holds it), no models
 * loaded. What it commits reaches @main by dossier_project_adopt_step (). */
DossierProject *dossier_project_open_worker (DossierProject  *main,
                                             GError         **error);
/* Opens a worker of @self into *@worker (in @task's data: the thread
 * closes it), then runs @thread_func in a thread; or returns the error
 * on @task (dossier-project-import.c). */
void          dossier_project_start_worker     (DossierProject   *self,
                                                GTask            *task,
                                                DossierProject  **worker,
                                                GTaskThreadFunc   thread_func);

/* From a worker's thread: hands the worker's newest undo step to @main
 * in @context (where @main lives) and waits until @main took it, so that
 * steps and the task's result arrive in order. */
void          dossier_project_hand_over_step   (DossierProject   *main,
                                                DossierProject   *worker,
                                                GMainContext     *context);

/* The project's connection, for read-only queries (export, check). */
sqlite3 *dossier_project_get_db (DossierProject *self);

/* ---- Internals shared by dossier-project-*.c ------------------------- */

/* What an action changed, keyed by table, so that the models can be
 * brought up to date after it commits (and again after its undo or redo).
 * For each table, the ids of the rows whose model items must be read
 * again, and whether the table's set or order of rows changed (its model
 * is then reloaded whole). The id is the row's own, except for the tables
 * whose models list rows per parent, where it is the parent's:
 *
 *   project     1            the title
 *   documents   document     its row or its counts
 *   blocks      document     its text (and so its blocks) replaced
 *   highlights  document     its highlights, their tags and memos
 *   tags        tag          its row or its count; whole: the tree changed
 *
 * A new entity records its own table's name: no new field here, and one
 * model function in dossier_project_apply_changes ()'s list. */
typedef struct
{
  GHashTable *rows;     /* table name (interned) → GHashTable of gint64 ids */
  GHashTable *tables;   /* interned table names reloaded whole */
} DossierChanges;

typedef struct _DossierUndoStep DossierUndoStep;
typedef struct _DossierSqliteGuard DossierSqliteGuard;
typedef struct _DossierIndexer DossierIndexer;
typedef struct _DossierMentionCheck DossierMentionCheck;
typedef struct _DossierTextCache DossierTextCache;
typedef struct _DossierFileStamp DossierFileStamp;

/* Who indexes the texts an action stored (dossier-project-index.c). */
typedef enum
{
  DOSSIER_INDEX_AT_ONCE,        /* this connection, right after the action */
  DOSSIER_INDEX_IN_BACKGROUND,  /* a thread (DOSSIER_OPEN_INDEX_IN_BACKGROUND) */
  DOSSIER_INDEX_BY_MAIN,        /* a worker: the main project, once it adopts */
} DossierIndexMode;

/* How many kinds DossierRowKind (below) names. */
#define DOSSIER_N_ROW_KINDS 7

struct _DossierProject
{
  GObject          parent_instance;

  char            *path;
  char            *title;
  char            *uuid;
  char            *author;
  gboolean         read_only;
  gboolean         immutable;       /* read-only, as it is on disk: no log
                                     * beside it, and nobody writes it */
  gboolean         query_only;      /* read-only through a writable
                                     * connection (dossier_project_open) */
  char            *shared_name;     /* read-only because the file has another
                                     * name (dossier_project_get_shared_name ()) */

  sqlite3         *db;              /* NULL once closed */
  DossierSqliteGuard *guard;        /* the progress guard on db */
  gboolean         inspect;         /* opened for check, despite a foreign schema */
  GPtrArray       *schema_differences;  /* of DossierSchemaDifference, when inspecting */
  char            *unreadable;      /* inspecting: why the models could not be
                                     * loaded (a damaged file), else NULL */
  GHashTable      *statements;      /* SQL text → sqlite3_stmt */
  int              lock_fd;         /* -1 when read-only or closed */
  char            *lock_path;
  gint64           data_version;
  /* PRAGMA schema_version where the schema was last verified: another
   * program may change it while the file is open (a trigger of its own
   * would run at the next write). */
  gint64           verified_schema;
  /* PRAGMA data_version at the last look for another program's commits,
   * and how many commits this process's workers had begun then
   * (dossier_project_reload_if_changed_elsewhere ()). */
  gint64           others_version;
  int              seen_worker_commits;
  /* The number of the last commit the log's index had counted then. */
  guint32          seen_change;
  gboolean         seen_change_known;
  /* The file at path as the main connection's last checkpoint left it,
   * shared with its workers (dossier-project.c, "The file under its
   * name"): any other change to it is someone else's. */
  DossierFileStamp *file_stamp;
  GMainContext    *context;         /* where the main connection lives */
  GSource         *checkpoint_idle;     /* a checkpoint once the loop is idle… */
  GSource         *checkpoint_deadline; /* …or a second after the commit */

  GListStore      *documents;
  GHashTable      *documents_by_id; /* gint64 → DossierDocument */
  GListStore      *tags;
  GHashTable      *tags_by_id;      /* gint64 → DossierTag */
  GListStore      *briefings;
  GHashTable      *briefings_by_id; /* gint64 → DossierBriefing */

  /* Stakeholders, questions and arguments (dossier-project-stakeholders.c,
   * dossier-project-arguments.c). */
  GListStore      *stakeholders;
  GHashTable      *stakeholders_by_id;  /* gint64 → DossierStakeholder */
  GListStore      *questions;
  GHashTable      *questions_by_id;     /* gint64 → DossierQuestion */
  GListStore      *arguments;
  GHashTable      *arguments_by_id;     /* gint64 → DossierArgument */
  /* Every stakeholder's names, for listing mentions; NULL until asked
   * for, dropped when names change. */
  DossierMentionFinder *mention_finder;
  char            *mention_names;       /* the names it was made of */
  /* Read-only: the file's mention counts were wrong, and a table of the
   * true ones in the temporary schema stands in for them
   * (dossier_project_verify_mentions ()). */
  gboolean         mentions_shadowed;
  /* DOSSIER_OPEN_MENTIONS_IN_BACKGROUND: the counts the file stores are
   * not checked against its texts yet, and the models show none; the
   * thread checking them, or NULL (dossier-project-mentions.c). */
  gboolean         mentions_pending;
  gboolean         mentions_in_background;
  DossierMentionCheck *mention_check;
  /* A sum of a hash of each stakeholder's id, name and aliases as the
   * model holds them (kept up to date one stakeholder at a time), whether
   * it was taken yet, and whether an action changed them
   * ("stakeholder-names-changed"). */
  guint64          stakeholder_names;
  gboolean         stakeholder_names_read;
  gboolean         stakeholder_names_changed;
  /* How many stakeholders the model shows in each palette colour, for a
   * new one's; kept up to date with the model. */
  guint            stakeholder_colors[12];
  /* The stakeholders' names and aliases as the model shows them, folded
   * (dossier_text_fold ()): folded name → GArray of the gint64 ids that
   * have it, and id → its folded names (GStrv). Built from the model when
   * a name is first checked, NULL until then and after the model is read
   * again whole; patched with the rows read again alone. */
  GHashTable      *stakeholder_name_ids;
  GHashTable      *stakeholder_name_keys;

  /* The action in progress, between _begin() and _commit()/_rollback(). */
  gboolean         in_transaction;
  /* Counted among the files this process has open (dossier_project_open_here ()). */
  gboolean         noted_open_here;
  gint64           changes_at_begin;    /* of the action in progress: dossier_commit_stamped () */
  /* Per DossierRowKind, the highest id rows of other tables point at,
   * read once per action (dossier-project-ids.c); -1 until then. */
  gint64           highest_pointed_at[DOSSIER_N_ROW_KINDS];
  sqlite3_session *session;
  /* The same action's evidence and mentions alone, for the commit's look
   * at their citers (dossier_project_note_citers ()). */
  sqlite3_session *citer_session;
  DossierChanges   changes;

  GPtrArray       *undo_stack;      /* of DossierUndoStep, top last */
  GPtrArray       *redo_stack;
  guint64          last_undo_step;      /* the id the newest step took */
  guint64          notified_undo_step;  /* "undo-step" as last notified */

  /* The last listing of a few documents' highlights, kept for the next
   * one (dossier-project-highlights.c): of DossierHighlightCache, most
   * recently listed first. */
  GPtrArray       *highlight_caches;
  sqlite3_int64    cache_changes;       /* sqlite3_total_changes64 () they match */
  gint64           cache_data_version;  /* PRAGMA data_version they match */
  gboolean         cache_in_step;       /* when the write in progress began */

  /* The text the last action placing highlights read, checked and
   * indexed, for the next one on that document (dossier_project_borrow_
   * sound_text), or NULL. */
  DossierTextCache *text_cache;

  /* Live highlight lists handed out (DossierHighlightList, not owned:
   * each leaves on finalize). */
  GPtrArray       *highlight_lists;

  /* Indexing stored texts for search (dossier-project-index.c). */
  DossierIndexMode index_mode;
  DossierIndexer  *indexer;            /* the thread at work, or NULL */
  char            *not_indexed;        /* what dossier_project_say_not_indexed ()
                                        * said, until indexing works again; NULL */
  GSource         *index_retry;        /* the wait before trying a file busy in
                                        * another program again, or NULL */
  guint            index_retry_wait;   /* its length in seconds; 0 once indexing
                                        * met no busy file */
};

/* ---- The search index of texts (dossier-project-index.c) ------------- */

/* After @changes were applied: indexes the texts they listed, as
 * self->index_mode says. */
void          dossier_project_index_after    (DossierProject        *self,
                                              const DossierChanges  *changes);
/* Starts the thread if texts wait (DOSSIER_INDEX_IN_BACKGROUND); TRUE if
 * it did. */
gboolean      dossier_project_index_later    (DossierProject        *self);
/* At open (DOSSIER_INDEX_IN_BACKGROUND): the thread sees first whether
 * the indexes hold the rows they should, rebuilds them if not (then
 * "search-index-rebuilt"), and indexes the texts waiting. */
void          dossier_project_verify_index_later (DossierProject    *self);
/* Opened for writing: a search index FTS5 cannot open (damaged) is made
 * again from the texts and memos, with "search-index-rebuilt". */
void          dossier_project_mend_search_index (DossierProject *self);
/* After a search failed with *@error: TRUE if the search index was
 * damaged and has been rebuilt (search again; *@error cleared). FALSE
 * otherwise, *@error then saying what to do when the index is at fault
 * and the project is read-only. */
gboolean      dossier_project_search_failed_on_index (DossierProject  *self,
                                                      GError         **error);
/* Says that the texts waiting could not be indexed for search (@error
 * says why; it is tried again): once while the project is open, named as
 * the user knows it, to the log and to the person at the command line
 * (dossier-cli shows the core's messages as its own lines), and with
 * "not-indexed" to the window. */
void          dossier_project_say_not_indexed (DossierProject *self,
                                               const GError   *error);
/* Inside the caller's transaction: both indexes made again from the
 * texts and memos, whatever state they are in; no text is left waiting. */
gboolean      dossier_project_rebuild_indexes_within (DossierProject  *self,
                                                      GError         **error);
/* Emits "search-index-rebuilt" (dossier-project.c). */
void          dossier_project_emit_search_index_rebuilt (DossierProject *self);
/* Emits "not-indexed" with @message (dossier-project.c). */
void          dossier_project_emit_not_indexed (DossierProject *self,
                                                const char     *message);
/* Stops the thread, if any, and waits for it (closing). */
void          dossier_project_stop_indexing  (DossierProject        *self);
/* Before searching: every text stored is indexed, or @error says why it
 * cannot be (read-only, and no writer finished it in time). In the window
 * (DOSSIER_INDEX_IN_BACKGROUND), at once: the thread indexes what waits
 * (started if none is at work), and the search answers meanwhile from
 * what is indexed (dossier_project_count_unindexed () says how much it
 * leaves out). */
gboolean      dossier_project_ensure_indexed (DossierProject        *self,
                                              GError               **error);

/* The two search indexes: the documents' texts, the highlights' memos. */
typedef enum
{
  DOSSIER_SEARCH_INDEX_TEXTS,
  DOSSIER_SEARCH_INDEX_MEMOS,
} DossierSearchIndex;

/* A row the search index is out of step with: a document (or highlight)
 * whose words the index holds otherwise than its text (or memo) has them,
 * or not at all; or words held for a row that has no text to index
 * (@has_text FALSE: deleted, waiting to be indexed, without a memo). */
typedef struct
{
  gint64   id;
  gboolean has_text;
} DossierIndexDifference;

/* Compares @index with what it should hold, word by word, reading only:
 * the rows out of step, by id, in a new array of DossierIndexDifference
 * (empty if none), or NULL and @error if the index cannot be read
 * (damaged). Works on a read-only connection: FTS5's own integrity-check
 * needs a write transaction. */
GArray       *dossier_project_index_differences (DossierProject     *self,
                                                 DossierSearchIndex  index,
                                                 GError            **error);

/* ---- The listed-highlights cache (dossier-project-highlights.c) ------ */

typedef struct _DossierHighlightCache DossierHighlightCache;

void          dossier_highlight_cache_free   (DossierHighlightCache *cache);
void          dossier_project_cache_clear    (DossierProject        *self);
/* Around every write to the database: before its BEGIN; after its COMMIT,
 * with the changeset that recorded it (the highlights it names are read
 * again at the next listing); or after its ROLLBACK. */
void          dossier_project_cache_begin    (DossierProject        *self);
void          dossier_project_cache_commit   (DossierProject        *self,
                                              const void            *changeset,
                                              int                    n_changeset);
void          dossier_project_cache_rollback (DossierProject        *self);
/* After adopting a step a worker committed on its own connection. */
void          dossier_project_cache_adopt    (DossierProject        *self,
                                              const void            *changeset,
                                              int                    n_changeset);

/* The live highlight lists: brought up to date after @changes (one of
 * dossier_project_apply_changes ()'s models); let go of at finalize. */
void          dossier_project_apply_highlight_lists (DossierProject       *self,
                                                     const DossierChanges *changes);
void          dossier_project_forget_highlight_lists (DossierProject      *self);

/* A cached prepared statement, reset (and its bindings cleared) when it
 * goes out of scope so that no read transaction stays open. */
typedef sqlite3_stmt *DossierStmt;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (DossierStmt, sqlite3_reset, NULL)

/* The briefing notes (GPtrArray of DossierBriefing, transfer full, in the
 * model's order) that cite a highlight whose UUID @sql (a literal, ?1
 * bound to @id) gives in its first column: one query, and each note
 * parsed once. */
GPtrArray    *dossier_project_briefings_citing_query (DossierProject *self,
                                                      const char     *sql,
                                                      gint64          id);

/* Returns a cached statement for @sql (a string literal), reset. */
sqlite3_stmt *dossier_project_prepare      (DossierProject  *self,
                                            const char      *sql,
                                            GError         **error);
/* Steps once: SQLITE_ROW or SQLITE_DONE, else sets @error. */
int           dossier_project_step         (DossierProject  *self,
                                            sqlite3_stmt    *stmt,
                                            GError         **error);
/* Runs a statement that returns no rows. */
gboolean      dossier_project_run          (DossierProject  *self,
                                            sqlite3_stmt    *stmt,
                                            GError         **error);
/* Runs @sql (a literal that returns no rows) with ?1 bound to @first
 * and, if it has a ?2, that to @second. */
gboolean      dossier_project_run_ids      (DossierProject  *self,
                                            const char      *sql,
                                            gint64           first,
                                            gint64           second,
                                            GError         **error);
gboolean      dossier_project_exec         (DossierProject  *self,
                                            const char      *sql,
                                            GError         **error);
/* The same for @sql that only writes the connection's temporary schema:
 * a read-only project's query_only refuses that too. */
gboolean      dossier_project_exec_in_temp (DossierProject  *self,
                                            const char      *sql,
                                            GError         **error);
/* FALSE, with DOSSIER_PROJECT_ERROR_REPLACED, if another program wrote
 * over the file since the last checkpoint (what inotify said so far). */
gboolean      dossier_project_check_not_written_over (DossierProject  *self,
                                                      GError         **error);
/* Maps an SQLite result code to a DOSSIER_PROJECT_ERROR with a readable
 * message naming the project file. */
void          dossier_project_set_db_error (DossierProject  *self,
                                            GError         **error,
                                            int              rc);
void          dossier_set_sqlite_error     (GError         **error,
                                            const char      *path,
                                            sqlite3         *db,
                                            int              rc);
/* sqlite3_exec () on a bare connection, its error naming @path. */
gboolean      dossier_sqlite_exec          (sqlite3         *db,
                                            const char      *path,
                                            const char      *sql,
                                            GError         **error);
gboolean      dossier_project_ensure_open  (DossierProject  *self,
                                            GError         **error);

void          dossier_bind_text            (sqlite3_stmt    *stmt,
                                            int              index,
                                            const char      *text);
/* NULL for "" too: optional fields are NULL when unknown. */
void          dossier_bind_optional_text   (sqlite3_stmt    *stmt,
                                            int              index,
                                            const char      *text);
/* A stance position, or NULL for DOSSIER_STANCE_UNKNOWN. */
void          dossier_bind_stance          (sqlite3_stmt    *stmt,
                                            int              index,
                                            int              position);
/* SQL reading text column @col as a one-line label shows it: at most
 * DOSSIER_SHOWN_CHARS characters, then "…". Only a file made by hand holds
 * a title, an outlet or a name of a megabyte, and GTK's labels take minutes
 * to lay one out (the window did not open). */
#define DOSSIER_SHOWN_CHARS 1000
#define DOSSIER_SQL_SHOWN(col) DOSSIER_SQL_WITHIN (col, DOSSIER_SHOWN_CHARS)
/* SQL reading text column @col at most @max characters long (a plain
 * number), then "…": a free text (a description, a question) a model
 * holds, cut past the most Dossier writes (DOSSIER_TEXT_MAX_FREE), so
 * that nothing Dossier wrote is cut and a value of 10 MB from elsewhere
 * is not copied whole at each reading. */
#define DOSSIER_SQL_WITHIN(col, max) \
  "iif (length (" col ") > " G_STRINGIFY (max) ", substr (" col ", 1, " \
  G_STRINGIFY (max) ") || '…', " col ")"
/* The same for @column of @table (a plain name) read in the row of @alias
 * ("d"), without copying a long value whole out of SQLite first: the
 * first pages of one that is long are read through a blob handle
 * (dossier-project-shown.c), a short one as DOSSIER_SQL_WITHIN () reads it. */
#define DOSSIER_SQL_SHOWN_ROW(table, alias, column, max) \
  "coalesce (CASE WHEN typeof (" alias "." column ") = 'text' THEN dossier_shown ('" table "', '" \
  column "', " alias ".rowid, " G_STRINGIFY (max) ") END, " DOSSIER_SQL_WITHIN (alias "." column, max) ")"
/* The documents' lengths, to read "SELECT length FROM " this " WHERE id =
 * …": from the documents_lengths index, for in a document's row the
 * length lies after the text, whose overflow pages reading it there walks
 * (a millisecond per 2 MB). */
#define DOSSIER_SQL_LENGTHS "documents INDEXED BY documents_lengths"
/* The most characters of aliases Dossier writes: that many aliases, each
 * as long as a name may be, one a line. */
#define DOSSIER_STAKEHOLDER_ALIASES_MAX_CHARS \
  (DOSSIER_STAKEHOLDER_MAX_ALIASES * (DOSSIER_STAKEHOLDER_MAX_NAME + 1))
/* A stakeholder's aliases (in the row of @alias) read no further than
 * Dossier writes them: a file from elsewhere may hold 100,000 of them, or
 * one of 10 MB, copied whole and split at each opening. */
#define DOSSIER_SQL_ALIASES(alias) \
  DOSSIER_SQL_SHOWN_ROW ("stakeholders", alias, "aliases", DOSSIER_STAKEHOLDER_ALIASES_MAX_CHARS)
/* Registers dossier_shown () on a connection (dossier-project-shown.c). */
gboolean      dossier_shown_register           (sqlite3        *db);

char         *dossier_column_dup           (sqlite3_stmt    *stmt,
                                            int              column);
/* An integer column within [@min, @max], whatever the file holds there:
 * a number past 32 bits or a REAL is clamped, never cut to its low bits
 * (sqlite3_column_int () would make 2^32 + 3 a 3, and 2^63 - 1 a -1). */
int           dossier_column_int_within    (sqlite3_stmt    *stmt,
                                            int              column,
                                            int              min,
                                            int              max);
/* A stance position column: -2…2 as the file holds it, or
 * DOSSIER_STANCE_UNKNOWN for NULL or anything out of that range (never a
 * number cut to its low bits into it). */
int           dossier_column_stance        (sqlite3_stmt    *stmt,
                                            int              column);
const char   *dossier_column_text          (sqlite3_stmt    *stmt,
                                            int              column);
char         *dossier_now_iso8601          (void);
char         *dossier_display_name         (const char      *path);
/* @text (valid UTF-8) without what a name or text someone types or pastes
 * must not hold: C0 and C1 controls and DEL (a terminal acts on them,
 * a list shows them as boxes) and the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069: what follows reads backwards).
 * Where @multiline, line breaks (CR LF and CR as LF) and tabs are kept;
 * otherwise each becomes a space. */
char         *dossier_text_without_controls (const char     *text,
                                             gboolean        multiline);
/* The same for a text that arrives from a file or a caller (an import, a
 * memo given with a new highlight): NULL for NULL, invalid UTF-8 made
 * valid first. */
char         *dossier_text_from_elsewhere   (const char     *text,
                                             gboolean        multiline);

/* ---- Actions (dossier-project-action.c) ------------------------------ */

/* One action = one IMMEDIATE transaction recorded by a session, held by a
 * guard that rolls it back unless it was committed:
 *
 *   g_auto (DossierAction) action = DOSSIER_ACTION_INIT;
 *
 *   if (!dossier_action_begin (&action, self, error))
 *     return FALSE;
 *   if (!write_something (self, error))
 *     return FALSE;                      (rolled back: as it was)
 *   dossier_project_touch (self, "tags", tag_id);
 *   return dossier_action_commit (&action, _("Tag"), error);
 *
 * Declare the action before the statements it runs (g_auto cleans up in
 * reverse order: the statements are reset before the rollback). */
typedef struct
{
  DossierProject *project;   /* NULL unless begun and not yet ended */
} DossierAction;

#define DOSSIER_ACTION_INIT { NULL }

/* Checks that the project is open and writable, then begins. */
gboolean      dossier_action_begin         (DossierAction   *action,
                                            DossierProject  *self,
                                            GError         **error);
/* Commits: pushes the undo step labelled @label (unless nothing changed),
 * clears the redo stack, brings the models up to date and emits the
 * signals. On failure everything is rolled back and @error set. */
gboolean      dossier_action_commit        (DossierAction   *action,
                                            const char      *label,
                                            GError         **error);
/* Rolls back unless committed; the cleanup of g_auto (DossierAction). */
void          dossier_action_clear         (DossierAction   *action);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DossierAction, dossier_action_clear)

/* The same guard on a bare connection, where there is no project (yet):
 * creating or migrating the schema. BEGIN IMMEDIATE … COMMIT, rolled back
 * unless committed; errors name @path. */
typedef struct
{
  sqlite3    *db;     /* NULL unless begun and not yet ended */
  const char *path;
  gint64      changes_at_begin;   /* for dossier_commit_stamped () */
} DossierTransaction;

#define DOSSIER_TRANSACTION_INIT { NULL, NULL, 0 }

gboolean      dossier_transaction_begin    (DossierTransaction *transaction,
                                            sqlite3            *db,
                                            const char         *path,
                                            GError            **error);
/* On failure everything is rolled back and @error set. */
gboolean      dossier_transaction_commit   (DossierTransaction *transaction,
                                            GError            **error);
void          dossier_transaction_clear    (DossierTransaction *transaction);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DossierTransaction, dossier_transaction_clear)

/* Ends the action in progress, if any, leaving the project as it was
 * (for closing; actions use the guard). */
void          dossier_project_rollback     (DossierProject  *self);

/* Records, during an action, that the rows of @table named by @id (see
 * DossierChanges) changed. */
void          dossier_project_touch        (DossierProject  *self,
                                            const char      *table,
                                            gint64           id);
/* Records that @table's rows were added, removed or reordered. */
void          dossier_project_touch_table  (DossierProject  *self,
                                            const char      *table);
/* dossier_project_touch() for each row of @table whose id @sql (a literal
 * selecting one id a row, with ?1 bound to @id) returns. */
gboolean      dossier_project_touch_selected (DossierProject  *self,
                                              const char      *table,
                                              const char      *sql,
                                              gint64           id,
                                              GError         **error);

/* A text column that an action sets on its own: a project's title, a
 * tag's colour, a highlight's memo. */
typedef enum
{
  DOSSIER_TEXT_FLAGS_NONE     = 0,
  DOSSIER_TEXT_REQUIRED       = 1 << 0,  /* stripped; empty refused */
  DOSSIER_TEXT_TIMESTAMPED    = 1 << 1,  /* sets "modified" to now too */
  DOSSIER_TEXT_ONE_LINE       = 1 << 2,  /* line breaks and tabs become spaces */
} DossierTextFlags;

typedef struct
{
  const char       *table;
  const char       *column;
  /* The column whose value the change is recorded under (see
   * DossierChanges: "document" for highlights); NULL for the row's id. */
  const char       *parent;
  DossierTextFlags  flags;
  const char       *empty_message;    /* N_(), for DOSSIER_TEXT_REQUIRED */
  const char       *invalid_message;  /* N_(), for text that is not UTF-8 */
  guint             max_chars;        /* the most characters written; 0: no limit */
} DossierTextColumn;

/* Sets @column of row @row_id to @value (NULL = "") as one action
 * labelled @label; nothing happens, and no undo step is pushed, if the
 * value is already that. Refuses text that is not UTF-8, a blank value
 * where one is required, and a row that does not exist; drops controls
 * (dossier_text_without_controls ()). */
gboolean      dossier_project_set_text     (DossierProject          *self,
                                            const DossierTextColumn *column,
                                            gint64                   row_id,
                                            const char              *value,
                                            const char              *label,
                                            GError                 **error);

void          dossier_changes_init         (DossierChanges       *changes);
void          dossier_changes_clear        (DossierChanges       *changes);
void          dossier_changes_copy         (DossierChanges       *dest,
                                            const DossierChanges *src);
void          dossier_changes_add          (DossierChanges       *changes,
                                            const char           *table,
                                            gint64                id);
void          dossier_changes_add_table    (DossierChanges       *changes,
                                            const char           *table);
/* The ids recorded for @table (transfer none), NULL if none. */
GHashTable   *dossier_changes_get_rows     (const DossierChanges *changes,
                                            const char           *table);
/* Those ids in increasing order, so signals come in a stable order. */
GArray       *dossier_changes_get_sorted   (const DossierChanges *changes,
                                            const char           *table);
gboolean      dossier_changes_contains     (const DossierChanges *changes,
                                            const char           *table,
                                            gint64                id);
gboolean      dossier_changes_get_reload   (const DossierChanges *changes,
                                            const char           *table);
/* Orders gint64s, for g_array_sort (). */
int           dossier_compare_ids          (gconstpointer         a,
                                            gconstpointer         b);

/* Brings models up to date after @changes and emits the signals. */
void          dossier_project_apply_changes    (DossierProject       *self,
                                                const DossierChanges *changes);
/* Each model's share of that (dossier-project-documents.c, -tags.c). */
void          dossier_project_apply_documents  (DossierProject       *self,
                                                const DossierChanges *changes);
void          dossier_project_apply_tags       (DossierProject       *self,
                                                const DossierChanges *changes);
/* dossier-project-briefings.c */
void          dossier_project_apply_briefings  (DossierProject       *self,
                                                const DossierChanges *changes);
gboolean      dossier_project_load_briefings   (DossierProject       *self,
                                                GError              **error);

/* Models (dossier-project-documents.c, dossier-project-tags.c). */
gboolean      dossier_project_load_documents   (DossierProject *self,
                                                GError        **error);
/* Re-reads a document's row, length and count (none reads its text). */
void          dossier_project_sync_document    (DossierProject *self,
                                                gint64          document_id);
gboolean      dossier_project_load_tags        (DossierProject *self,
                                                GHashTable     *recount,
                                                GError        **error);
void          dossier_project_sync_tag         (DossierProject *self,
                                                gint64          tag_id);
gboolean      dossier_project_load_meta        (DossierProject *self,
                                                GError        **error);
/* Inserts @doc (text, metadata, blocks) inside the action in progress,
 * with @uuid and @imported (NULL: a new UUID, now); returns its id, or 0
 * with @error. */
gint64        dossier_project_insert_document  (DossierProject               *self,
                                                const DossierParsedDocument  *doc,
                                                const char                   *uuid,
                                                const char                   *imported,
                                                GError                      **error);

/* The tags under @parent_id (0: the top level) named @name ignoring
 * case, for a message: "“Fuel” (tag 3), “fuel” (tag 7)". */
char         *dossier_project_list_tags_named  (DossierProject  *self,
                                                gint64           parent_id,
                                                const char      *name);

/* The palette colour the fewest tags have, for a new tag. */
char         *dossier_project_next_tag_color   (DossierProject  *self,
                                                GError         **error);

/* Validation shared by the split files. */
gboolean      dossier_project_require_document (DossierProject *self,
                                                gint64          document_id,
                                                gint64         *length,
                                                GError        **error);
gboolean      dossier_project_require_tag      (DossierProject *self,
                                                gint64          tag_id,
                                                GError        **error);
/* The text of a document (transfer full), refused as DAMAGED unless it
 * is valid UTF-8 without NUL, as long as recorded: what showing it needs. */
char         *dossier_project_read_text        (DossierProject *self,
                                                gint64          document_id,
                                                GError        **error);
/* Told of the bytes of a text read so far, every so many: whether to go
 * on (FALSE: give up, the error set by whoever gave up). */
typedef gboolean (*DossierReadProgress) (guint64  bytes,
                                         gpointer data);
/* dossier_project_read_text(), read a piece at a time (a text of 50 MB
 * read in one go could not be given up for 0.2 s), telling @progress of
 * each piece (at most 65,536 bytes): NULL, when it gives up. Its length in
 * code points in *@length. */
char         *dossier_project_read_text_checked (DossierProject      *self,
                                                 gint64               document_id,
                                                 DossierReadProgress  progress,
                                                 gpointer             data,
                                                 gint64              *length,
                                                 GError             **error);
/* The same, also refused if a live highlight of the document lies outside
 * its text: what an action that places highlights needs. */
char         *dossier_project_read_sound_text  (DossierProject *self,
                                                gint64          document_id,
                                                GError        **error);
/* dossier_project_get_document_blocks () of a document known to be there,
 * its text @length code points long (as its read counted them): its
 * stored length comes after its text in the row, whose overflow pages are
 * walked to reach it (30 ms at 50 MB, past any cancel). */
GArray       *dossier_project_read_blocks       (DossierProject  *self,
                                                 gint64           document_id,
                                                 gint64           length,
                                                 GError         **error);
/* The mentions dossier_project_list_mentions () lists, in @text, a
 * document's text already read (reading it again took 0.2 s at 50 MB),
 * telling @progress of the characters gone over (DOSSIER_MENTIONS_PIECE at
 * a time): NULL when @progress gives up (the error is its to set) or the
 * names cannot be read. */
GArray       *dossier_project_find_mentions_checked (DossierProject       *self,
                                                     const char           *text,
                                                     DossierReadProgress   progress,
                                                     gpointer              data,
                                                     GError              **error);
/* The offsets of a text: see dossier_offset_index_init(). */
typedef struct _DossierOffsetIndex DossierOffsetIndex;
/* What read_sound_text gives, with its offset index, owned by the project:
 * kept for the next action on the same document (a writer's: nobody else
 * changes its texts), until an action, undo or redo touches the
 * document's row or blocks, or a transaction rolls back. Valid until
 * then; not for read-only projects (NULL and an error never come from
 * that: they read afresh). */
DossierOffsetIndex *dossier_project_borrow_sound_text (DossierProject *self,
                                                gint64          document_id,
                                                GError        **error);
/* Drops the kept text of @document_id (0: whichever). */
void          dossier_project_forget_text      (DossierProject *self,
                                                gint64          document_id);
/* Refuses (DAMAGED) a document with a live highlight whose offsets are
 * not whole numbers within 0…@length, start before end. */
gboolean      dossier_project_require_sound_ranges (DossierProject *self,
                                                gint64          document_id,
                                                gint64          length,
                                                GError        **error);

/* Undo (dossier-project-undo.c). */
/* Pops the newest undo step of @self (a worker) for its main project. */
DossierUndoStep *dossier_project_take_step     (DossierProject  *self);
/* In @self's context: pushes @step (transfer full), which a worker of
 * @self committed on its own connection, as if @self had committed it,
 * and brings the models up to date. Dropped if @self is closed. */
void          dossier_project_adopt_step       (DossierProject  *self,
                                                DossierUndoStep *step);
void          dossier_undo_step_free           (DossierUndoStep *step);
void          dossier_project_push_undo        (DossierProject  *self,
                                                const char      *label,
                                                void            *changeset,
                                                int              n_changeset,
                                                const DossierChanges *changes);
gboolean      dossier_project_attach_session   (DossierProject  *self,
                                                GError         **error);
/* Ends the action's sessions (dossier_project_attach_session ()). */
void          dossier_project_detach_sessions  (DossierProject  *self);
void          dossier_project_notify_undo      (DossierProject  *self,
                                                gboolean         could_undo,
                                                gboolean         could_redo,
                                                const char      *undo_label,
                                                const char      *redo_label);

/* Search (dossier-project-search.c). */
/* Registers the dossier_match() FTS5 function on a connection. */
gboolean      dossier_search_register          (sqlite3        *db);
/* What a user typed, as an FTS5 query that cannot fail; NULL if nothing
 * in it can be searched for. */
char         *dossier_search_build_query       (const char     *query);

/* Schema (dossier-project-schema.c). */
/* Checks the file's first 100 bytes without SQLite (so a refused file is
 * never touched): SQLite magic, application id, schema not newer. */
gboolean      dossier_schema_check_header      (const char     *path,
                                                int            *user_version,
                                                GError        **error);
/* Creates an empty project schema (the current version) in @db, in one
 * transaction, in whatever journal mode @db is in. */
gboolean      dossier_schema_create            (sqlite3        *db,
                                                const char     *path,
                                                const char     *uuid,
                                                const char     *title,
                                                GError        **error);
/* Migrates @db from @version to DOSSIER_SCHEMA_VERSION in one
 * transaction. The caller has made the backup. */
gboolean      dossier_schema_migrate           (sqlite3        *db,
                                                const char     *path,
                                                int             version,
                                                GError        **error);
/* Builds the schema of version @version (1 … DOSSIER_SCHEMA_VERSION) in
 * an empty database: the same statements that create and migrate
 * projects. */
gboolean      dossier_schema_build             (sqlite3        *db,
                                                const char     *path,
                                                int             version,
                                                GError        **error);
/* Copies the database @db to @dest with the backup API. */
gboolean      dossier_sqlite_backup            (sqlite3        *db,
                                                const char     *path,
                                                const char     *dest,
                                                GError        **error);

/* Trust (dossier-project-trust.c): a project file may come from anyone. */

/* A look at the bytes of a file that may be open in this process,
 * through an SQLite file handle (dossier-project-schema.c): a descriptor
 * of our own would drop SQLite's locks on the file at its close. Only
 * for a regular file (a pipe would block). */
typedef struct
{
  sqlite3      *db;
  sqlite3_file *file;
} DossierFileLook;

/* FALSE with *@saved_errno (the system's error) if it cannot be opened. */
gboolean      dossier_file_look_open           (DossierFileLook *look,
                                                const char      *path,
                                                int             *saved_errno);
/* @n bytes from @offset; FALSE if the file holds fewer, or on an error. */
gboolean      dossier_file_look_read           (DossierFileLook *look,
                                                void            *buf,
                                                gsize            n,
                                                goffset          offset);
void          dossier_file_look_close          (DossierFileLook *look);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DossierFileLook, dossier_file_look_close)
/* dossier_file_is_project_or_part (): in dossier-project.h. */

/* Copies the first 100 bytes of the newest committed page 1 in
 * "@path-wal" to @header; FALSE if the log holds none. Reads the log
 * without SQLite, so that a file refused for what it says is untouched. */
gboolean      dossier_wal_read_header          (const char     *path,
                                                guchar          header[100]);
/* The stamp (DOSSIER_LOG_STAMP_NAME) each transaction committed in
 * "@path-wal" wrote, in order, read as the look at open reads them: its
 * text, or NULL for a transaction that wrote none. NULL if there is no
 * log, or the file is not one to read it with (for tests). */
GPtrArray    *dossier_wal_read_stamps          (const char     *path);
/* Whether a project of this process has a connection to the file at
 * @path (its real path) through its log: then the log beside it is in
 * use, not left over. */
gboolean      dossier_project_open_here        (const char     *path);
/* Holds the list of those files as it is (recursive): no connection of
 * this process opens meanwhile, so none has locks a look through a
 * descriptor of its own could drop. */
void          dossier_project_hold_open_here   (void);
void          dossier_project_release_open_here (void);

/* Opened for writing: gives every document, tag, highlight, stakeholder,
 * question, argument and briefing whose id is below 1 (only a file made
 * elsewhere has one; the window takes 0 for "none") a free id, in every
 * table that refers to it, in one transaction outside the undo history.
 * *@renumbered: whether there was any (the models must be read again).
 * Costs one look at the start of each table otherwise. */
gboolean      dossier_project_renumber_unkeyable (DossierProject  *self,
                                                  gboolean        *renumbered,
                                                  GError         **error);
/* Whether that renumbering would fail (@error set, as it would be): the
 * same work, rolled back, nothing of it reaching the file, for a file in
 * rollback mode, which must not be turned to WAL (writing its header)
 * only to be refused. Sets the connection's journal mode to MEMORY. */
gboolean      dossier_project_renumber_unkeyable_would_fail (DossierProject  *self,
                                                             GError         **error);
/* The look: one row, TRUE if any such id is there (for tests). In the
 * documents' rows themselves, not the documents_lengths index, which the
 * planner would take instead (in a file from elsewhere, the two need not
 * hold the same ids). */
#define DOSSIER_UNKEYABLE_SQL \
  "SELECT EXISTS (SELECT 1 FROM documents NOT INDEXED WHERE id < 1)" \
  "    OR EXISTS (SELECT 1 FROM tags WHERE id < 1)" \
  "    OR EXISTS (SELECT 1 FROM highlights WHERE id < 1)" \
  "    OR EXISTS (SELECT 1 FROM stakeholders WHERE id < 1)" \
  "    OR EXISTS (SELECT 1 FROM questions WHERE id < 1)" \
  "    OR EXISTS (SELECT 1 FROM arguments WHERE id < 1)" \
  "    OR EXISTS (SELECT 1 FROM briefings WHERE id < 1)"

/* The log's stamp: a row of sqlite_sequence (no schema change; SQLite
 * reads that table's rows by table name only, and sessions skip a table
 * without a primary key, so undo never sees it) whose text, rewritten in
 * every transaction that changes anything, reads
 * "PREVIOUS-TOKEN NEW-TOKEN PROJECT-UUID": each commit of a log carries
 * its page, tying the log to its file (dossier_schema_check_header ()). */
#define DOSSIER_LOG_STAMP_NAME "dossier-log"
#define DOSSIER_LOG_STAMP_NONE "00000000-0000-0000-0000-000000000000"
#define DOSSIER_LOG_TOKEN_LENGTH 36

/* Commits the write transaction open on @db, with a new stamp if it
 * changed anything since sqlite3_total_changes64() was @changes_at_begin
 * (-1: whatever it changed; a change to the schema counts no row):
 * SQLite's result code. The only way Dossier commits a write — the
 * actions' commit, dossier_transaction_commit (), undo and redo go
 * through it — for a transaction without a stamp is taken for another
 * program's at the next open (test-files log/every-commit-stamped). A
 * failed COMMIT leaves the transaction open, for the caller to roll
 * back. */
int           dossier_commit_stamped           (sqlite3        *db,
                                                gint64          changes_at_begin);
/* Whether the commit under way in this thread, from SQLite's commit
 * hook, is one of dossier_commit_stamped ()'s that changed nothing (and
 * so writes nothing another connection would see). */
gboolean      dossier_committing_nothing       (void);
/* The token of the stamp the commit under way in this thread wrote, from
 * SQLite's commit hook, or NULL if it wrote none. */
const char   *dossier_committing_token         (void);
/* The token of the stamp the file at @path holds as it is on disk,
 * without its log, and its project's UUID (each NULL if it has none).
 * FALSE if the file cannot be read as a project. */
gboolean      dossier_file_read_stamp          (const char     *path,
                                                char          **uuid,
                                                char          **token);

/* Defensive mode, tighter limits, cell size checks. @inspect: the file is
 * opened only to be checked, despite objects Dossier did not create; none
 * of its triggers and views run. */
void          dossier_sqlite_harden            (sqlite3        *db,
                                                gboolean        inspect);

/* Stops, with SQLITE_INTERRUPT, a statement that runs far longer than the
 * size of the file at @path could need: more than this many virtual
 * machine instructions, and more than the file's size allows. */
#define DOSSIER_SQLITE_GUARD_BASE G_GUINT64_CONSTANT (50000000)
DossierSqliteGuard *dossier_sqlite_guard_new   (sqlite3        *db,
                                                const char     *path);
void          dossier_sqlite_guard_free        (DossierSqliteGuard *guard);
/* Whether the last statement was stopped by the guard. */
gboolean      dossier_sqlite_guard_tripped     (DossierSqliteGuard *guard);
/* The most instructions one run took so far (for tests). */
guint64       dossier_sqlite_guard_most        (DossierSqliteGuard *guard);
/* How many times a statement's start looked at every statement of the
 * connection, to tell whether another is running (for tests). */
guint64       dossier_sqlite_guard_walks       (DossierSqliteGuard *guard);

typedef enum
{
  DOSSIER_SCHEMA_FOREIGN,    /* an object Dossier does not create */
  DOSSIER_SCHEMA_ALTERED,    /* one of ours, with other SQL or settings */
  DOSSIER_SCHEMA_MISSING,    /* one of ours, absent */
} DossierSchemaChange;

typedef struct
{
  DossierSchemaChange change;
  char               *type;   /* "table", "index", "trigger", "view" */
  char               *name;
  char               *table;  /* what it belongs to */
} DossierSchemaDifference;

void          dossier_schema_difference_free   (DossierSchemaDifference *difference);
/* A phrase naming the object and what is wrong with it or, with
 * @sentence, a sentence saying so (for the check's report). */
char         *dossier_schema_difference_describe (const DossierSchemaDifference *difference,
                                                  gboolean                       sentence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSchemaDifference, dossier_schema_difference_free)

/* How @db's schema differs from what version @version creates (tables,
 * indexes, triggers, views by name and SQL; the search indexes' settings):
 * a GPtrArray of DossierSchemaDifference, empty if none; NULL on error. */
GPtrArray    *dossier_schema_differences       (sqlite3        *db,
                                                const char     *path,
                                                int             version,
                                                GError        **error);
/* Refuses, naming what was found, a schema that differs at all. */
gboolean      dossier_schema_verify            (sqlite3        *db,
                                                const char     *path,
                                                int             version,
                                                GError        **error);
/* Inside a write transaction: refuses (DOSSIER_PROJECT_ERROR_UNTRUSTED or
 * _DAMAGED) a schema another program changed since it was verified, and
 * notes one changed into what Dossier creates. One read of the header's
 * schema cookie when nothing changed. */
gboolean      dossier_project_verify_schema_unchanged (DossierProject  *self,
                                                       GError         **error);
/* What each write checks once its transaction has begun:
 * dossier_project_verify_in_place () and
 * dossier_project_verify_schema_unchanged (). */
gboolean      dossier_project_verify_before_write     (DossierProject  *self,
                                                       GError         **error);

/* Code-point offsets into a long text, mapped to bytes in O(1) after one
 * walk over it (for re-anchoring and checking thousands of highlights). */
struct _DossierOffsetIndex
{
  const char *text;
  gsize       n_bytes;
  gint64      length;          /* code points */
  GArray     *checkpoints;     /* gsize: byte offset of every 64th code point */
};

void          dossier_offset_index_init    (DossierOffsetIndex *index,
                                            const char         *text);
void          dossier_offset_index_clear   (DossierOffsetIndex *index);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DossierOffsetIndex, dossier_offset_index_clear)
/* Byte offset of code point @offset (clamped to the text). */
gsize         dossier_offset_index_bytes   (DossierOffsetIndex *index,
                                            gint64              offset);
/* Like dossier_text_quote_context() but in time proportional to the quote. */
void          dossier_offset_index_context (DossierOffsetIndex *index,
                                            gint64              start,
                                            gint64              end,
                                            char              **quote,
                                            char              **prefix,
                                            char              **suffix);
/* Binds where a highlight lies, [@start, @end) of @index, to @stmt's
 * parameters @first to @first + 4: start, end, then its quote, prefix and
 * suffix as dossier_offset_index_context () gives them. */
void          dossier_bind_passage         (sqlite3_stmt       *stmt,
                                            int                 first,
                                            DossierOffsetIndex *index,
                                            gint64              start,
                                            gint64              end);

/* ---- Stakeholders, questions, arguments, mentions ---------------------- */

/* The models (dossier-project-stakeholders.c, dossier-project-arguments.c):
 * made empty with the project, loaded when it opens, brought up to date
 * after every action ("stakeholders", "questions", "arguments" tables, and
 * the counts that highlights and documents change). */
void          dossier_project_init_analysis    (DossierProject       *self);
void          dossier_project_clear_analysis   (DossierProject       *self);
gboolean      dossier_project_load_analysis    (DossierProject       *self,
                                                GError              **error);
/* The stakeholders alone (their mention counts known at last). */
gboolean      dossier_project_load_stakeholders (DossierProject      *self,
                                                 GError             **error);
void          dossier_project_apply_stakeholders (DossierProject     *self,
                                                const DossierChanges *changes);
void          dossier_project_apply_arguments  (DossierProject       *self,
                                                const DossierChanges *changes);

/* The palette that tags and stakeholders take new colours from, and the
 * colour of it that the fewest rows use (@sql: "SELECT lower (color),
 * count(*) FROM … GROUP BY 1"; dossier-project-tags.c). */
extern const char * const dossier_palette[];
#define DOSSIER_PALETTE_SIZE 12
char         *dossier_project_least_used_color (DossierProject      *self,
                                                const char           *sql,
                                                GError              **error);

/* How many rows use each palette colour, for a caller that gives many new
 * rows colours in one action (an import of 5,000 codes): counted once,
 * then kept up to date as colours are taken or given, so that each row
 * gets what dossier_project_least_used_color() would have given it
 * without querying all rows again. */
typedef struct
{
  guint uses[DOSSIER_PALETTE_SIZE];
} DossierPaletteUses;

/* The count of @sql's colours (as for dossier_project_least_used_color()). */
gboolean      dossier_project_count_colors     (DossierProject      *self,
                                                const char           *sql,
                                                DossierPaletteUses   *uses,
                                                GError              **error);
/* The tags' colours (the count dossier_project_next_tag_color() makes). */
gboolean      dossier_project_count_tag_colors (DossierProject      *self,
                                                DossierPaletteUses   *uses,
                                                GError              **error);
/* Counts one more row of @color, if it is a palette colour (any case). */
void          dossier_palette_uses_add         (DossierPaletteUses   *uses,
                                                const char           *color);
/* The least used colour (the first in palette order among equals), then
 * counted as used once more. */
const char   *dossier_palette_uses_take        (DossierPaletteUses   *uses);

/* Evidence (dossier-project-highlights.c): within an action, the id of
 * the live highlight of exactly [start, end), or of a new one without a
 * tag; 0 and @error if the range is not in the document. */
gint64        dossier_project_evidence_highlight (DossierProject     *self,
                                                gint64                document_id,
                                                gint64                start,
                                                gint64                end,
                                                GError              **error);

/* What an import of many stakeholders in one action keeps between them,
 * so that each costs the same however many came before: the folded names
 * and aliases of the stakeholders (the project's and the import's), each
 * to the first stakeholder that has it, and the count of their colours.
 * Read from the file at the first dossier_project_import_stakeholder();
 * start from DOSSIER_STAKEHOLDER_IMPORT_INIT, clear after the import. */
typedef struct
{
  GHashTable         *ids;     /* folded name or alias → gint64 id */
  DossierPaletteUses  colors;  /* the stakeholders' colours */
} DossierStakeholderImport;

#define DOSSIER_STAKEHOLDER_IMPORT_INIT { NULL, { { 0 } } }

void          dossier_stakeholder_import_clear (DossierStakeholderImport *import);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DossierStakeholderImport, dossier_stakeholder_import_clear)

/* A new question's INSERT (?1 its UUID, ?2 its text), placed after the
 * last: max (position) + 1 is one seek in questions_by_position, where a
 * count of the rows walked the whole index (n added one by one, or by an
 * import, were quadratic), and after the last even where a file edited
 * by hand left gaps. Stakeholders and arguments are placed the same way. */
#define DOSSIER_INSERT_QUESTION_SQL \
  "INSERT INTO questions (uuid, text, position) " \
  "VALUES (?1, ?2, (SELECT coalesce (max (position) + 1, 0) FROM questions))"

/* Within an action (an import): the stakeholder called @fields->name,
 * by name or alias, if there is one (*@existed TRUE, nothing changed);
 * else a new one, every field checked as dossier_project_create_stakeholder()
 * does, its colour (if it brings none) the least used one. Mentions are
 * not counted: the caller does, once. */
gint64        dossier_project_import_stakeholder (DossierProject                 *self,
                                                DossierStakeholderImport       *import,
                                                const DossierStakeholderFields *fields,
                                                gboolean                       *existed,
                                                GError                        **error);

/* Deletes highlight ?1 if it carries no tag and is no evidence. */
#define DOSSIER_DELETE_BARE_HIGHLIGHT \
  "DELETE FROM highlights WHERE id = ?1 " \
  "AND NOT EXISTS (SELECT 1 FROM highlight_tags WHERE highlight = ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM stakeholder_evidence WHERE highlight = ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM argument_evidence WHERE highlight = ?1)"

/* Whether the document @col names exists. A file made by hand (foreign
 * keys off) may have deleted a document and kept its highlights, their
 * evidence and its mention counts: what Dossier shows, counts and exports
 * of those leaves them out, as if the deletion had cascaded. */
#define DOSSIER_SQL_DOCUMENT_EXISTS(col) \
  "EXISTS (SELECT 1 FROM documents WHERE documents.id = " col ")"
/* The same for a row of stakeholder_mentions. */
#define DOSSIER_SQL_MENTION_SHOWN DOSSIER_SQL_DOCUMENT_EXISTS ("stakeholder_mentions.document")
/* The same for a row of briefing_documents. */
#define DOSSIER_SQL_BRIEFING_DOCUMENT_SHOWN \
  DOSSIER_SQL_DOCUMENT_EXISTS ("briefing_documents.document")

/* Rows of the analysis entities (dossier-project-rows.c). */
typedef enum
{
  DOSSIER_ROW_DOCUMENT,
  DOSSIER_ROW_TAG,
  DOSSIER_ROW_HIGHLIGHT,
  DOSSIER_ROW_STAKEHOLDER,
  DOSSIER_ROW_QUESTION,
  DOSSIER_ROW_ARGUMENT,
  DOSSIER_ROW_BRIEFING,
} DossierRowKind;

/* New rows in a file that may have been edited by hand
 * (dossier-project-ids.c). */

/* Within an action: runs @stmt, an INSERT of one row of @kind whose id
 * SQLite gives, and returns that id, what a file edited by hand left
 * pointing at it cleared (dossier_project_clear_new_ids ()); or 0 and
 * @error, which says so (DAMAGED) if the table has no id left to give. */
gint64        dossier_project_insert_new_row   (DossierProject       *self,
                                                DossierRowKind        kind,
                                                sqlite3_stmt         *stmt,
                                                GError              **error);
/* Within an action, as rows of @kind take the ids @first…@last: deletes
 * what a file edited by hand (foreign keys off) left pointing at them, as
 * the foreign keys would have when their rows were deleted, so that the
 * new rows start clean, in the action's undo step. A few look-ups in
 * indexes; a hostile file costs a delete per row it left. */
gboolean      dossier_project_clear_new_ids    (DossierProject       *self,
                                                DossierRowKind        kind,
                                                gint64                first,
                                                gint64                last,
                                                GError              **error);
/* At the start of an action: what dossier_project_clear_new_ids () read
 * of the file is read again. */
void          dossier_project_forget_pointed_at (DossierProject      *self);
/* Sets DAMAGED: no id is left for a new row of @kind. */
void          dossier_set_out_of_ids           (GError              **error,
                                                DossierRowKind        kind);
/* The statements that clear, for tests (their query plans). */
guint         dossier_project_n_leftover_statements (void);
const char   *dossier_project_leftover_statement    (guint            index);

/* Evidence, for stakeholders and arguments alike
 * (dossier-project-stakeholders.c): what differs between the two is their
 * tables. The SQL are literals; ?1 is the citing row, ?2 the highlight. */
typedef struct
{
  DossierRowKind  kind;        /* of the citing rows */
  const char     *table;       /* theirs: touched when their evidence changes */
  const char     *cite_sql;    /* INSERT … ON CONFLICT: ?3 the note, and where
                                * there are roles ?4 the role, ?5 its stance */
  const char     *uncite_sql;  /* "DELETE … WHERE citer = ?1 AND highlight = ?2" */
  const char     *list_sql;    /* "SELECT highlight, note, role, stance_position
                                * … WHERE citer = ?1", ordered */
  const char     *cited_sql;   /* "SELECT highlight … WHERE citer = ?1" */
  const char     *of_document_sql; /* "SELECT citer … WHERE the highlight's
                                    * document = ?1": those whose rows show
                                    * something of the document (an
                                    * outlet); NULL if none does */
} DossierEvidenceTable;

/* Within an action: deletes those of @highlight_ids that carry no tag and
 * are no evidence any more. */
gboolean      dossier_project_drop_bare_highlights (DossierProject  *self,
                                                    GArray          *highlight_ids,
                                                    GError         **error);
/* What is cited — highlight @highlight_id, or with @by_range the range
 * [@start, @end) of @document_id — and how: a note, and for a stakeholder
 * the role of the evidence and the stance it shows (arguments: none,
 * unknown). */
typedef struct
{
  gboolean             by_range;
  gint64               highlight_id;
  gint64               document_id;
  gint64               start;
  gint64               end;
  const char          *note;
  DossierEvidenceRole  role;
  int                  stance_position;
} DossierCiting;

/* Within an action: @owner_id cites highlight @highlight_id (again, with
 * @citation's note and role); the owner is read again after the action. */
gboolean      dossier_project_cite             (DossierProject             *self,
                                                const DossierEvidenceTable *table,
                                                gint64                      owner_id,
                                                gint64                      highlight_id,
                                                const DossierCiting        *citation,
                                                GError                    **error);
/* The action of citing, labelled @label, everything checked first: returns
 * the highlight cited (for a range, the live one exactly there or a new
 * one without a tag), 0 on failure. */
gint64        dossier_project_add_evidence     (DossierProject             *self,
                                                const DossierEvidenceTable *table,
                                                gint64                      owner_id,
                                                const DossierCiting        *citation,
                                                const char                 *label,
                                                GError                    **error);
/* The action "Remove Evidence": the citation goes, the highlight with it
 * if nothing else holds it; NOT_FOUND if there was no such citation. */
gboolean      dossier_project_remove_evidence  (DossierProject             *self,
                                                const DossierEvidenceTable *table,
                                                gint64                      owner_id,
                                                gint64                      highlight_id,
                                                GError                    **error);
/* @owner_id's evidence, in the order of its list_sql: a GPtrArray of
 * DossierEvidence. */
GPtrArray    *dossier_project_list_evidence    (DossierProject             *self,
                                                const DossierEvidenceTable *table,
                                                gint64                      owner_id,
                                                GError                    **error);
/* After an action: adds to @ids the rows of @table it touched (those
 * whose evidence or mentions changed among them, and those citing a
 * document it changed); FALSE when the whole list must be read again
 * instead (documents or the table's rows changed in bulk), or on error. */
gboolean      dossier_project_collect_citers   (DossierProject             *self,
                                                const DossierChanges       *changes,
                                                const DossierEvidenceTable *table,
                                                GHashTable                 *ids);
/* Within an action, about to commit: touches the stakeholders and
 * arguments whose evidence rows it changed, and the stakeholders whose
 * mentions it changed, those a cascade deleted included (a highlight
 * deleted or merged away, a document deleted), so they are read again
 * after the action, its undo and its redo. Read from the action's
 * citer_session, which records those tables alone: the whole changeset
 * of an import (100,000 highlights) was read through for them. */
void          dossier_project_note_citers      (DossierProject             *self);
/* Attaches the tables dossier_project_note_citers () reads to @session. */
int           dossier_project_attach_citer_tables (sqlite3_session         *session);

/* Sets NOT_FOUND: "There is no stakeholder 7 in this project." */
void          dossier_set_not_found            (GError              **error,
                                                DossierRowKind        kind,
                                                gint64                id);
/* Reads the first column of the row @sql ("SELECT … WHERE id = ?1")
 * returns for @id into *@value (may be NULL); FALSE with NOT_FOUND naming
 * the row of @kind if there is none, or with the database's error. */
gboolean      dossier_project_read_row_int     (DossierProject       *self,
                                                DossierRowKind        kind,
                                                const char           *sql,
                                                gint64                id,
                                                gint64               *value,
                                                GError              **error);

/* TRUE if row @id of @kind exists; else FALSE, with NOT_FOUND ("There is
 * no stakeholder 7 in this project.") or the database's error. */
gboolean      dossier_project_require_row      (DossierProject       *self,
                                                DossierRowKind        kind,
                                                gint64                id,
                                                GError              **error);
/* The first column of every row @sql (?1 = @param, ?2 = @text_param if
 * not NULL) returns, as a GArray of gint64; NULL on failure. */
GArray       *dossier_project_read_ids         (DossierProject       *self,
                                                const char           *sql,
                                                gint64                param,
                                                const char           *text_param,
                                                GError              **error);
/* Within an action: numbers the rows @ids 0… in that order (@sql:
 * "UPDATE … SET position = ?2 WHERE id = ?1 AND position IS NOT ?2"). */
gboolean      dossier_project_renumber         (DossierProject       *self,
                                                const char           *sql,
                                                GArray               *ids,
                                                GError              **error);
/* Moves @id to @position (-1 or past the end: last) in @ids. */
void          dossier_array_move_id            (GArray               *ids,
                                                gint64                id,
                                                int                   position);
/* Within an action: numbers the rows of @kind (stakeholders or
 * questions, each one list) 0… in their order, with @moved_id (0: none,
 * the rest closing ranks) put at @position (-1 or past the end: last),
 * and notes that the list changed. */
gboolean      dossier_project_place_rows       (DossierProject       *self,
                                                DossierRowKind        kind,
                                                gint64                moved_id,
                                                int                   position,
                                                GError              **error);
/* The order of rows kept by place: by place, then id (as "ORDER BY
 * position, id"). */
int           dossier_compare_places           (int                   x_position,
                                                gint64                x_id,
                                                int                   y_position,
                                                gint64                y_id);
/* Deletes row @id of @kind (stakeholders or questions; it exists) and
 * closes ranks behind it, noting it and the rows whose places changed:
 * the order is the same, and deleting the last writes no other row. */
gboolean      dossier_project_delete_placed_row (DossierProject      *self,
                                                DossierRowKind        kind,
                                                gint64                id,
                                                GError              **error);
/* Moves row @id of @kind (as dossier_project_place_rows()) as one action
 * labelled @label; fails if there is no such row. */
gboolean      dossier_project_move_row         (DossierProject       *self,
                                                DossierRowKind        kind,
                                                gint64                id,
                                                int                   position,
                                                const char           *label,
                                                GError              **error);
/* Sets integer columns of row @row_id of @table as one action labelled
 * @label (@sql: "UPDATE … SET … = ?2[, … = ?3] WHERE id = ?1 AND (… IS
 * NOT …)"), binding NULL for a value equal to @null_value; a row already
 * holding them changes nothing. The caller checks the row and values. */
gboolean      dossier_project_set_ints         (DossierProject       *self,
                                                const char           *table,
                                                gint64                row_id,
                                                const char           *sql,
                                                const gint64         *values,
                                                guint                 n_values,
                                                gint64                null_value,
                                                const char           *label,
                                                GError              **error);
/* A citer's note: NULL or UTF-8. */
gboolean      dossier_check_note               (const char           *note,
                                                GError              **error);
/* A stance position: DOSSIER_STANCE_MIN…MAX or DOSSIER_STANCE_UNKNOWN,
 * else INVALID. */
gboolean      dossier_check_stance             (int                   position,
                                                GError              **error);
/* A colour a tag or stakeholder is given: "#rrggbb", else INVALID. */
gboolean      dossier_check_color              (const char           *color,
                                                GError              **error);
/* A set of row ids (gint64 keys, owned); adding one (> 0) to it, and
 * every id of @other (may be NULL). */
GHashTable   *dossier_id_set_new               (void);
void          dossier_id_set_add               (GHashTable           *set,
                                                gint64                id);
void          dossier_id_set_add_all           (GHashTable           *set,
                                                GHashTable           *other);
/* Whether @changes touch any of @tables (rows or a reload). */
gboolean      dossier_changes_touch_any        (const DossierChanges *changes,
                                                const char * const   *tables,
                                                guint                 n_tables);
/* Suggestions: what @suggest (dossier_suggest_stakeholders () or
 * dossier_suggest_arguments ()) finds in document @document_id, NULL
 * with @error if it cannot be read; the folded keys of @kind
 * ("stakeholder", "argument") dismissed for @document_id (0: for any
 * document). */
typedef GPtrArray *(*DossierSuggestFunc) (const char         *text,
                                          const DossierBlock *blocks,
                                          guint               n_blocks);
GPtrArray    *dossier_project_suggest          (DossierProject       *self,
                                                gint64                document_id,
                                                DossierSuggestFunc    suggest,
                                                GError              **error);
GHashTable   *dossier_project_dismissed_keys   (DossierProject       *self,
                                                const char           *kind,
                                                gint64                document_id,
                                                GError              **error);
/* The action of dismissing @n_suggestions suggestions of @kind: @keys, the
 * folded forms they go by, are not suggested again for @document_id (0:
 * for any document). */
gboolean      dossier_project_dismiss_suggested (DossierProject      *self,
                                                const char           *kind,
                                                gint64                document_id,
                                                GPtrArray            *keys,
                                                guint                 n_suggestions,
                                                GError              **error);
/* Reads every row of @sql (its first column the id), making the item of
 * an id not seen before or updating the one there with @read, and splices
 * @store where its order or membership changed: exact items-changed. */
typedef GObject *(*DossierReadItemFunc) (sqlite3_stmt *stmt,
                                         GObject      *existing);
gboolean      dossier_project_load_model       (DossierProject       *self,
                                                const char           *sql,
                                                DossierReadItemFunc   read,
                                                GListStore           *store,
                                                GHashTable           *by_id,
                                                GError              **error);
/* Reads the rows @ids (a set of gint64) of @store's model each alone with
 * @row_sql (its one parameter the id, its first column too): removes
 * those gone from @store and @by_id, adds a new one to @by_id and (a
 * reference) to @added, updates one there in place and adds it (borrowed)
 * to @updated. Where the new ones go is the caller's. */
gboolean      dossier_project_read_rows_alone  (DossierProject       *self,
                                                const char           *row_sql,
                                                DossierReadItemFunc   read,
                                                GListStore           *store,
                                                GHashTable           *by_id,
                                                GHashTable           *ids,
                                                GPtrArray            *added,
                                                GPtrArray            *updated,
                                                GError              **error);
/* Brings @store, kept in @compare's order, up to date with the rows @ids
 * (a set of gint64), each read alone by @row_sql (its one parameter the
 * id, its first column too): a row gone is removed, a new one inserted
 * where it goes, one there updated in place; only if an edit moved one is
 * the list put in order, in one splice over the run that differs. Exact
 * items-changed, and an add, an edit or a delete costs a row's reads (and
 * a look at its neighbours; a pass over the list when several rows were
 * read). */
gboolean      dossier_project_patch_model      (DossierProject       *self,
                                                const char           *row_sql,
                                                DossierReadItemFunc   read,
                                                GListStore           *store,
                                                GHashTable           *by_id,
                                                GCompareDataFunc      compare,
                                                gpointer              compare_data,
                                                GHashTable           *ids,
                                                GError              **error);
/* The questions and arguments models (dossier-project-arguments.c). */
gboolean      dossier_project_load_questions_and_arguments (DossierProject *self,
                                                GError              **error);
/* Mention counts (dossier-project-mentions.c). A finder of every
 * stakeholder's name and aliases as they are in @db now (key =
 * stakeholder id). */
DossierMentionFinder *dossier_mentions_finder_read (sqlite3        *db,
                                                    const char     *path,
                                                    GError        **error);
/* Counts the mentions in one document's @text (NULL: read it) and rewrites
 * its stakeholder_mentions rows where they differ; adds the ids of the
 * stakeholders whose counts changed to @changed (may be NULL). Inside the
 * caller's transaction. */
gboolean      dossier_mentions_count_document  (sqlite3              *db,
                                                const char           *path,
                                                DossierMentionFinder *finder,
                                                gint64                document_id,
                                                const char           *text,
                                                GHashTable           *changed,
                                                GError              **error);
/* At open, and when a read-only project follows a writer: counts the
 * mentions in every text and, if stakeholder_mentions (which a file from
 * someone else may fill at will) holds anything else, puts the true counts
 * in its place: written into the file in a transaction outside the undo
 * history, or, read-only, in a table of the connection's temporary schema
 * that every query of stakeholder_mentions then reads. *@corrected:
 * whether the counts read changed (the models must be read again). Costs
 * one pass over every text (tests/bench/bench-stakeholders "open"). */
gboolean      dossier_project_verify_mentions  (DossierProject       *self,
                                                gboolean             *corrected,
                                                GError              **error);
/* At open with DOSSIER_OPEN_MENTIONS_IN_BACKGROUND (mentions_pending set
 * before the models were read): the same check in a thread on its own
 * connection, its counts put in place by the thread-default main context
 * once done, unless the project was closed or written meanwhile by another
 * connection (then it counts again). With no stakeholder it checks at once
 * (nothing to read). */
gboolean      dossier_project_check_mentions_later (DossierProject   *self,
                                                    GError          **error);
/* If the check is still pending: gives up the thread and checks here and
 * now. Before anything that reads the stored counts or writes. */
gboolean      dossier_project_finish_mentions  (DossierProject       *self,
                                                GError              **error);
/* Cancels the thread and waits for it (at close); the counts stay pending. */
void          dossier_project_stop_mention_check (DossierProject     *self);
/* PRAGMA data_version of the project's connection. */
gboolean      dossier_project_query_data_version (DossierProject     *self,
                                                  gint64             *version);
/* Within an action, after stakeholders' names were added, removed or
 * replaced: counts mentions again in the documents where one of @names
 * (the old ones and the new) is found, the only ones where a count can
 * change, and records which stakeholders' counts changed. The finder of
 * every name is built only if one is found. */
gboolean      dossier_project_update_mentions_of (DossierProject     *self,
                                                const char * const *names,
                                                GError            **error);
/* The same for every document, with a finder read from @db. */
gboolean      dossier_mentions_rebuild         (sqlite3              *db,
                                                const char           *path,
                                                GHashTable           *changed,
                                                GError              **error);
/* Within an action: counts a new or replaced document's mentions, or (for
 * @document_id 0) every document's after names changed, and records which
 * stakeholders' counts changed. */
gboolean      dossier_project_update_mentions  (DossierProject       *self,
                                                gint64                document_id,
                                                const char           *text,
                                                GError              **error);

G_END_DECLS
