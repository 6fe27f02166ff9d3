/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project.h — a Dossier project file and everything in it.
 *
 * One SQLite database (WAL, foreign keys, PRAGMA application_id =
 * DOSSIER_APPLICATION_ID, PRAGMA user_version = DOSSIER_SCHEMA_VERSION).
 * Every mutation below is one committed transaction and one step on the
 * undo stack; on failure the project is left exactly as it was. Only one
 * process may open a project for writing (a lock file beside it); any
 * number may open it read-only and see every committed change.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-anchor.h"
#include "dossier-document.h"
#include "dossier-highlight.h"
#include "dossier-import.h"
#include "dossier-progress.h"
#include "dossier-tag.h"

G_BEGIN_DECLS

#define DOSSIER_APPLICATION_ID  0x44535352  /* "DSSR" */
#define DOSSIER_SCHEMA_VERSION  6

/* The codebook is at most this deep (a top-level tag is at depth 0). */
#define DOSSIER_TAG_MAX_DEPTH   100
/* A tag's name is at most this many characters: a code is named in a few
 * words, an "in vivo" code in a phrase (as a stakeholder's name). */
#define DOSSIER_TAG_MAX_NAME    200

#define DOSSIER_PROJECT_ERROR (dossier_project_error_quark ())
GQuark dossier_project_error_quark (void);

typedef enum
{
  DOSSIER_PROJECT_ERROR_NOT_SQLITE = 1,  /* not an SQLite database at all */
  DOSSIER_PROJECT_ERROR_NOT_PROJECT,     /* SQLite, but not a Dossier project */
  DOSSIER_PROJECT_ERROR_NEWER_SCHEMA,    /* written by a newer Dossier */
  DOSSIER_PROJECT_ERROR_LOCKED,          /* open for writing by another process */
  DOSSIER_PROJECT_ERROR_READ_ONLY,       /* opened read-only, or file not writable */
  DOSSIER_PROJECT_ERROR_NOT_FOUND,       /* no such document, tag or highlight */
  DOSSIER_PROJECT_ERROR_INVALID,         /* bad argument: range, empty name, cycle… */
  DOSSIER_PROJECT_ERROR_EXISTS,          /* file or name already exists */
  DOSSIER_PROJECT_ERROR_IO,              /* disk full, I/O error, corrupt file */
  DOSSIER_PROJECT_ERROR_NOTHING_TO_UNDO,
  DOSSIER_PROJECT_ERROR_UNTRUSTED,       /* holds database code Dossier did not create */
  DOSSIER_PROJECT_ERROR_DAMAGED,         /* data that cannot be used as it is */
  DOSSIER_PROJECT_ERROR_MOVED,           /* the file open was moved, deleted or replaced */
  DOSSIER_PROJECT_ERROR_REPLACED,        /* the file open was overwritten in place (a copy
                                          * put back over it, emptied, cut short) */
  DOSSIER_PROJECT_ERROR_AMBIGUOUS,       /* a name that fits more than one tag */
} DossierProjectError;

typedef enum
{
  DOSSIER_OPEN_READ_WRITE = 0,
  DOSSIER_OPEN_READ_ONLY  = 1 << 0,
  /* Read-only, for dossier_project_check(): a file holding database code
   * Dossier does not create is opened anyway, with its triggers and views
   * switched off, so that the check can list what is foreign. */
  DOSSIER_OPEN_INSPECT    = 1 << 1,
  /* Writable: the texts an action stores are indexed for search by a
   * thread after it commits (dossier_project_get_indexing ()), instead
   * of by the project's own connection right after it; needs a main loop
   * (the thread-default context's) to hear it finish. For the window. */
  DOSSIER_OPEN_INDEX_IN_BACKGROUND = 1 << 2,
  /* Read-only: a file holding a document, tag, highlight, stakeholder,
   * question, argument or briefing whose id is below 1 (only a file made
   * elsewhere has one; opened for writing it gets a free id) is refused
   * with DOSSIER_PROJECT_ERROR_DAMAGED, saying to open it for writing.
   * For the window, which keys them by id and takes 0 for none. */
  DOSSIER_OPEN_KEYED_IDS = 1 << 3,
  /* The mention counts the file stores (which a file from someone else
   * may set at will) are checked against its texts by a thread after the
   * open returns, instead of before: until then no stakeholder shows a
   * count (dossier_project_get_mentions_pending ()), and whatever reads
   * the counts (dossier_project_count_mentions (), a comparison) or writes
   * finishes the check first. Needs a main loop (the thread-default
   * context's) to hear it finish. For the window. */
  DOSSIER_OPEN_MENTIONS_IN_BACKGROUND = 1 << 4,
} DossierOpenFlags;

#define DOSSIER_TYPE_PROJECT (dossier_project_get_type ())
G_DECLARE_FINAL_TYPE (DossierProject, dossier_project, DOSSIER, PROJECT, GObject)

/* Signals:
 *   "highlights-changed" (gint64 document_id): that document's highlights
 *       were added, removed or changed (tags, memo, range), by an action,
 *       an undo or a redo.
 *   "document-text-changed" (gint64 document_id): text and blocks replaced.
 *   "stakeholder-names-changed": a stakeholder's name or aliases changed, or
 *       one was added or removed (what the texts mention), by an action, an
 *       undo or a redo.
 *   "dismissed-suggestions-changed": suggestions were dismissed, or a
 *       dismissal undone (what dossier_project_suggest_*() leave out).
 *   "search-index-rebuilt": the search indexes were found out of step with
 *       the texts and memos when the project was opened, and were made
 *       again (DOSSIER_OPEN_INDEX_IN_BACKGROUND).
 *   "not-indexed" (const char *message): texts stored could not be indexed
 *       for search; @message, translated, says why and what to do. Once
 *       while the project is open, until indexing works again (the same
 *       line goes to the log, which dossier-cli shows).
 * Properties: "path", "title", "uuid", "read-only", "can-undo", "can-redo",
 *   "undo-label", "redo-label", "undo-step", "author", "mentions-pending". */

/* What a second process is told holds a project this one has open for
 * writing, besides its process id and host. */
typedef enum
{
  DOSSIER_HOLDER_PROGRAM,   /* named by g_get_prgname () (the default) */
  DOSSIER_HOLDER_WINDOW,    /* the Dossier application */
  DOSSIER_HOLDER_CLI,       /* dossier-cli */
} DossierHolder;

/* Set once, at startup, by the program. */
void            dossier_project_set_holder   (DossierHolder      holder);

/* The most characters a project's title may have (as a document's). */
#define DOSSIER_PROJECT_MAX_TITLE 500

/* Fails with EXISTS if @path exists; with INVALID if @title is longer
 * than DOSSIER_PROJECT_MAX_TITLE. */
DossierProject *dossier_project_create       (const char        *path,
                                              const char        *title,
                                              GError           **error);
/* Migrates an older schema forward (after copying the file to
 * "PATH.vN.bak") unless opened read-only. */
DossierProject *dossier_project_open         (const char        *path,
                                              DossierOpenFlags   flags,
                                              GError           **error);
/* Releases the database and the lock; the object stays valid but unusable. */
void            dossier_project_close        (DossierProject    *self);

const char     *dossier_project_get_path     (DossierProject    *self);
const char     *dossier_project_get_title    (DossierProject    *self);
const char     *dossier_project_get_uuid     (DossierProject    *self);
gboolean        dossier_project_get_read_only (DossierProject   *self);
/* Why a project open read-only could not have been opened for writing,
 * when the reason is that its file has another name (a second hard link,
 * or open under another path here or in another process): one writer per
 * name would not see the other's log. A sentence saying what to do (copy
 * the file), or NULL. Opened for writing, such a file is refused with
 * DOSSIER_PROJECT_ERROR_READ_ONLY and the same sentence. */
const char     *dossier_project_get_shared_name (DossierProject *self);
gboolean        dossier_project_set_title    (DossierProject    *self,
                                              const char        *title,
                                              GError           **error);
/* Author recorded on new highlights; defaults to g_get_real_name(). */
const char     *dossier_project_get_author   (DossierProject    *self);
void            dossier_project_set_author   (DossierProject    *self,
                                              const char        *author);

/* Whether the file open is still the one its path names; else @error
 * (DOSSIER_PROJECT_ERROR_MOVED) says it was moved, deleted or replaced:
 * nothing more is written (SQLite would write into the file it has open,
 * gone or elsewhere), and what this session did lives only in that file
 * until dossier_project_save_as() copies it. Or the file was overwritten
 * where it is (DOSSIER_PROJECT_ERROR_REPLACED: a copy put back over it,
 * emptied, cut short): what this session did went with what it held, and
 * nothing more is written, so as not to damage what is there now. Every
 * write checks this. */
gboolean        dossier_project_verify_in_place (DossierProject  *self,
                                                 GError         **error);

/* Read-only windows: if another process committed changes since the last
 * look, re-reads the documents and tags models and emits
 * "highlights-changed" for every document. Returns TRUE if anything had
 * changed. (Queries always see every committed change; this is for the
 * models.) */
gboolean        dossier_project_refresh      (DossierProject    *self);
/* Whether a program other than this process's Dossier (the sqlite3
 * shell, a script) committed changes to the file since the last look —
 * PRAGMA data_version moved, and among the commits the log's index
 * counted since, one is not of this process's connections (each notes
 * its own as it commits, so one of another program's in the same moment
 * as a worker's is told apart): then everything is read again as
 * dossier_project_refresh () does, and TRUE is returned, for the window
 * to say so. Cheap: one pragma and a look at the shared memory. */
gboolean        dossier_project_reload_if_changed_elsewhere (DossierProject *self);

/* Whether @path is a Dossier project (by its header, or its log's), or
 * the log, shared memory, journal or lock file of one beside it, under
 * any name that leads to it — what an export must not be renamed over,
 * nor an import, or any other file a user names to be read, read as one.
 * Looks at it through an SQLite file handle, never a descriptor of its
 * own: the close of a descriptor of a project open in this process (a
 * window, a dossier-cli batch) would drop SQLite's locks on it (POSIX
 * record locks belong to the process), and another process could then
 * write, checkpoint or delete its log under it. So a caller refuses such
 * a file before it opens it. */
gboolean        dossier_file_is_project_or_part (const char       *path);

/* Copies the whole project to @dest with the SQLite backup API (atomic:
 * written beside @dest, then renamed). The project stays open at its path. */
gboolean        dossier_project_save_as      (DossierProject    *self,
                                              const char        *dest,
                                              GError           **error);

/* PRAGMA integrity_check plus Dossier's invariants (every quote equals its
 * text range, offsets in range, foreign keys). Returns FALSE with a report
 * of every problem found (one per line) in @report. */
gboolean        dossier_project_check        (DossierProject    *self,
                                              char             **report,
                                              GError           **error);

/* The search index of the documents' texts is written after the action
 * that stored a text commits, each text in its own transaction; a text
 * not yet indexed when the project closed (or was killed) is indexed
 * when it is next opened for writing. A search indexes what is left
 * first, so it never misses a stored document; but with
 * DOSSIER_OPEN_INDEX_IN_BACKGROUND it answers at once from what is
 * indexed (the thread indexes the rest: see "indexing"), and
 * dossier_project_count_unindexed () says how many texts it left out. */

/* How many documents' texts wait to be indexed. */
guint           dossier_project_count_unindexed (DossierProject *self);
/* Whether a thread is indexing them (DOSSIER_OPEN_INDEX_IN_BACKGROUND);
 * the "indexing" property, notified. */
gboolean        dossier_project_get_indexing (DossierProject    *self);
/* Whether the stakeholders' mention counts are still being checked
 * (DOSSIER_OPEN_MENTIONS_IN_BACKGROUND): their models show none until
 * then (dossier_stakeholder_get_mentions_pending ()). The
 * "mentions-pending" property, notified when it turns FALSE. */
gboolean        dossier_project_get_mentions_pending (DossierProject *self);
/* The message of "not-indexed" while it holds (until indexing works
 * again), or NULL: for a window that connects after it was emitted (at
 * open). Owned by the project. */
const char     *dossier_project_get_not_indexed (DossierProject *self);
/* Indexes every text waiting, now, on this thread: a writable project. */
gboolean        dossier_project_index_documents (DossierProject  *self,
                                                 GCancellable    *cancellable,
                                                 GError         **error);
/* Makes both search indexes again from the texts and memos, now, on this
 * thread: a writable project whose indexes are out of step with them
 * (dossier_project_check () names the rows). A project opened with
 * DOSSIER_OPEN_INDEX_IN_BACKGROUND sees at open, in its thread, whether
 * its indexes hold the rows they should (not their words: that reads
 * every text), rebuilds them there if not, and then emits
 * "search-index-rebuilt". */
gboolean        dossier_project_rebuild_search_index (DossierProject  *self,
                                                      GError         **error);

/* ---- Documents -------------------------------------------------------- */

/* GListModel of DossierDocument, in import order; exact items-changed. */
GListModel     *dossier_project_get_documents      (DossierProject *self);
DossierDocument *dossier_project_get_document      (DossierProject *self,
                                                    gint64          document_id);  /* transfer none, NULL if absent */

gint64          dossier_project_add_document       (DossierProject              *self,
                                                    const DossierParsedDocument *doc,
                                                    GError                     **error);
/* dossier_project_add_document () in a thread, with its own connection to
 * the project file (a long text is stored without holding the caller's
 * main loop): @doc is taken. The document joins the project's models in
 * the main context the call was made in, before the callback runs. */
void            dossier_project_add_document_async (DossierProject              *self,
                                                    DossierParsedDocument       *doc,
                                                    GCancellable                *cancellable,
                                                    GAsyncReadyCallback          callback,
                                                    gpointer                     user_data);
/* The new document's id; 0 with @error (read-only, closed, or the
 * project's error). */
gint64          dossier_project_add_document_finish (DossierProject             *self,
                                                    GAsyncResult                *result,
                                                    GError                     **error);

/* What became of one file of dossier_project_import_files_async (). */
typedef struct
{
  GFile  *file;
  gint64  document_id;  /* 0 when it was not imported */
  char   *title;        /* the new document's title, else NULL */
  GPtrArray *notes;     /* of char *: what to check in the new document (see
                         * DossierParsedDocument's notes), else NULL */
  GError *error;        /* why not: the importer's or the project's error
                         * (naming the file), or G_IO_ERROR_CANCELLED for the
                         * files not reached before a cancel */
} DossierImportOutcome;

void            dossier_import_outcome_free        (DossierImportOutcome *outcome);

/* Imports @files (@format, or each one's own with DOSSIER_FORMAT_AUTO),
 * each file one undoable action "Import “title”", in a thread that reads,
 * parses and writes with its own connection to the project file. Each
 * document joins the project's models as soon as it is stored, in the
 * main context the call was made in; @progress (may be NULL) says "Importing
 * 3 of 12…" and how far. Cancelling stops before the next file (and
 * reading the current one); what was imported stays. A file that fails
 * does not stop the others. */
void            dossier_project_import_files_async  (DossierProject       *self,
                                                     GFile               **files,
                                                     guint                 n_files,
                                                     DossierFormat         format,
                                                     DossierProgress      *progress,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
/* One DossierImportOutcome per file, in order (transfer full, free func
 * set); NULL with @error only if nothing could be tried: the project is
 * closed or read-only, or its file cannot be opened again. */
GPtrArray      *dossier_project_import_files_finish (DossierProject       *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* NULL arguments keep the current value; "" clears optional fields. */
gboolean        dossier_project_set_document_metadata (DossierProject *self,
                                                    gint64          document_id,
                                                    const char     *title,
                                                    const char     *author,
                                                    const char     *outlet,
                                                    const char     *source,
                                                    const char     *published,
                                                    GError        **error);
gboolean        dossier_project_delete_document    (DossierProject *self,
                                                    gint64          document_id,
                                                    GError        **error);
/* Another document with the very same text as @document_id (a file
 * imported twice): the first in import order, 0 if none, -1 on error. */
gint64          dossier_project_find_same_text     (DossierProject *self,
                                                    gint64          document_id,
                                                    GError        **error);
char           *dossier_project_get_document_text  (DossierProject *self,
                                                    gint64          document_id,
                                                    GError        **error);
GArray         *dossier_project_get_document_blocks (DossierProject *self,
                                                    gint64          document_id,
                                                    GError        **error);  /* of DossierBlock */
GBytes         *dossier_project_get_document_original (DossierProject *self,
                                                    gint64          document_id,
                                                    GError        **error);

/* Replacing a document's text with a newer version of the article: every
 * highlight is re-anchored (see dossier-anchor.h). A plan says where each
 * goes before anything changes, so that a person can review it: keep it
 * where the re-anchoring put it (orphaned, not lost, where it found no
 * place), place it on a passage they choose, or delete it. */
typedef enum
{
  DOSSIER_REANCHOR_KEEP,     /* as re-anchored (or orphaned) */
  DOSSIER_REANCHOR_PLACE,    /* at [place_start, place_end) of the new text */
  DOSSIER_REANCHOR_DELETE,   /* the highlight goes (its evidence links too) */
} DossierReanchorDecision;

typedef struct
{
  gint64                  highlight_id;
  DossierAnchorOutcome    outcome;       /* EXACT_POSITION: unchanged; EXACT_QUOTE: moved */
  gboolean                was_orphaned;  /* already orphaned by an earlier version */
  gint64                  old_start;     /* in the current text (stale if was_orphaned) */
  gint64                  old_end;
  char                   *old_quote;
  gint64                  new_start;     /* in the new text; -1 when orphaned */
  gint64                  new_end;
  char                   *new_quote;     /* NULL when orphaned */
  DossierReanchorDecision decision;      /* KEEP until someone decides */
  gint64                  place_start;   /* for PLACE */
  gint64                  place_end;
} DossierReanchor;

void            dossier_reanchor_free              (DossierReanchor *reanchor);

/* Where every highlight of the document would go in @doc's text, in the
 * order of the current text; nothing changes. A GPtrArray of
 * DossierReanchor (transfer full, free func set). */
GPtrArray      *dossier_project_plan_text_replacement (DossierProject              *self,
                                                    gint64                       document_id,
                                                    const DossierParsedDocument *doc,
                                                    GError                     **error);
/* Replaces the text and applies @plan's decisions (NULL: re-anchor and
 * keep everything) as one action. A plan made for another document or
 * text, or a PLACE outside the new text, fails with INVALID. */
gboolean        dossier_project_replace_text       (DossierProject              *self,
                                                    gint64                       document_id,
                                                    const DossierParsedDocument *doc,
                                                    GPtrArray                   *plan,
                                                    GError                     **error);
/* dossier_project_replace_text () with no plan; the ids of the highlights
 * left orphaned come back in @orphans. */
gboolean        dossier_project_replace_document_text (DossierProject              *self,
                                                    gint64                       document_id,
                                                    const DossierParsedDocument *doc,
                                                    GArray                     **orphans,
                                                    GError                     **error);
/* Ids of orphaned highlights of a document (0 = all documents). */
GArray         *dossier_project_list_orphans       (DossierProject *self,
                                                    gint64          document_id,
                                                    GError        **error);

/* ---- Tags ------------------------------------------------------------- */

/* GListModel of DossierTag in tree order (depth first, by position). */
GListModel     *dossier_project_get_tags           (DossierProject *self);
DossierTag     *dossier_project_get_tag            (DossierProject *self,
                                                    gint64          tag_id);     /* transfer none */
/* Finds the one tag @name_or_path names: its path ("Parent/Child"), else
 * its name, exactly, else ignoring case. NULL if none, or if it fits
 * several (Risks/Cost and Benefits/Cost for "Cost"; two tags of one name
 * in one place, in a file edited outside Dossier). */
DossierTag     *dossier_project_find_tag           (DossierProject *self,
                                                    const char     *name_or_path);
/* The same, with why not: DOSSIER_PROJECT_ERROR_NOT_FOUND, or
 * DOSSIER_PROJECT_ERROR_AMBIGUOUS with a message naming the tags it fits
 * and what to do. */
DossierTag     *dossier_project_lookup_tag         (DossierProject *self,
                                                    const char     *name_or_path,
                                                    GError        **error);
/* TRUE if tag @tag_id is @ancestor_id or lies below it. */
gboolean        dossier_project_tag_is_within      (DossierProject *self,
                                                    gint64          tag_id,
                                                    gint64          ancestor_id);

/* @parent_id 0 = top level; @color NULL picks the next palette colour;
 * names are unique among siblings (EXISTS). */
gint64          dossier_project_add_tag            (DossierProject *self,
                                                    const char     *name,
                                                    gint64          parent_id,
                                                    const char     *color,
                                                    const char     *description,
                                                    GError        **error);
gboolean        dossier_project_rename_tag         (DossierProject *self,
                                                    gint64          tag_id,
                                                    const char     *name,
                                                    GError        **error);
gboolean        dossier_project_set_tag_color      (DossierProject *self,
                                                    gint64          tag_id,
                                                    const char     *color,
                                                    GError        **error);
gboolean        dossier_project_set_tag_description (DossierProject *self,
                                                    gint64          tag_id,
                                                    const char     *description,
                                                    GError        **error);
/* Re-parents and/or reorders: @position among the new siblings (-1 = last).
 * Moving a tag under itself or a descendant fails with INVALID. */
gboolean        dossier_project_move_tag           (DossierProject *self,
                                                    gint64          tag_id,
                                                    gint64          parent_id,
                                                    int             position,
                                                    GError        **error);
/* Every highlight of @source gets @target instead; @source's children move
 * under @target; @source is deleted. */
gboolean        dossier_project_merge_tags         (DossierProject *self,
                                                    gint64          source_id,
                                                    gint64          target_id,
                                                    GError        **error);
/* Deletes the tag and its descendants; highlights keep their other tags,
 * highlights left with no tag are deleted (unless they are evidence). */
gboolean        dossier_project_delete_tag         (DossierProject *self,
                                                    gint64          tag_id,
                                                    GError        **error);
/* The same, saying in *@n_deleted (may be NULL) how many highlights went
 * with it, for the user to be told. */
gboolean        dossier_project_delete_tag_full    (DossierProject *self,
                                                    gint64          tag_id,
                                                    guint          *n_deleted,
                                                    GError        **error);

/* The number keys 1–9 that tag a selection. A tag pinned to a key
 * (dossier_tag_get_key()) has that key whatever happens to the tree; the
 * keys left go, in codebook order, to the tags left on
 * DOSSIER_TAG_KEY_AUTO that have no sub-tags (a tag with sub-tags groups
 * them, like "Arguments"; the user can still pin it). */
#define DOSSIER_N_TAG_KEYS 9

/* Fills @tag_ids[0] (key 1) to @tag_ids[8] (key 9); 0 where a key has no
 * tag. */
void            dossier_project_get_key_tags       (DossierProject *self,
                                                    gint64          tag_ids[DOSSIER_N_TAG_KEYS]);
/* The tag on key @key (1–9), or 0. */
gint64          dossier_project_get_key_tag        (DossierProject *self,
                                                    guint           key);
/* The key (1–9) that tags with @tag_id, or 0. */
guint           dossier_project_get_tag_key        (DossierProject *self,
                                                    gint64          tag_id);
/* Pins @tag_id to @key (1–9; a tag pinned there before loses it), or sets
 * it to DOSSIER_TAG_KEY_NONE or DOSSIER_TAG_KEY_AUTO. One undoable step. */
gboolean        dossier_project_set_tag_key        (DossierProject *self,
                                                    gint64          tag_id,
                                                    int             key,
                                                    GError        **error);

/* ---- Highlights ------------------------------------------------------- */

/* Tags [start, end) of a document with @tag_id — the user's "tag this
 * selection". If a highlight with exactly this range exists the tag is
 * added to it; else a highlight carrying only @tag_id that overlaps or
 * touches the range is extended over it (merging every such highlight);
 * else a new highlight is made. Returns the resulting highlight's id. */
gint64          dossier_project_tag_range          (DossierProject *self,
                                                    gint64          document_id,
                                                    gint64          start,
                                                    gint64          end,
                                                    gint64          tag_id,
                                                    GError        **error);
/* A new highlight with these tags and memo (no merging). A memo is at
 * most DOSSIER_TEXT_MAX_FREE characters, here and in
 * dossier_project_set_highlight_memo (). */
gint64          dossier_project_add_highlight      (DossierProject *self,
                                                    gint64          document_id,
                                                    gint64          start,
                                                    gint64          end,
                                                    const gint64   *tag_ids,
                                                    guint           n_tags,
                                                    const char     *memo,
                                                    GError        **error);
gboolean        dossier_project_add_highlight_tag  (DossierProject *self,
                                                    gint64          highlight_id,
                                                    gint64          tag_id,
                                                    GError        **error);
/* Removing the last tag deletes the highlight. */
gboolean        dossier_project_remove_highlight_tag (DossierProject *self,
                                                    gint64          highlight_id,
                                                    gint64          tag_id,
                                                    GError        **error);
gboolean        dossier_project_set_highlight_memo (DossierProject *self,
                                                    gint64          highlight_id,
                                                    const char     *memo,
                                                    GError        **error);
gboolean        dossier_project_delete_highlight   (DossierProject *self,
                                                    gint64          highlight_id,
                                                    GError        **error);
DossierHighlight *dossier_project_get_highlight    (DossierProject *self,
                                                    gint64          highlight_id,
                                                    GError        **error);   /* transfer full */
/* Highlights ordered by document, start, end; @document_id 0 = all
 * documents, @tag_id 0 = any tag (else that tag or its descendants).
 * Returns a GPtrArray of DossierHighlight (transfer full, free func set). */
GPtrArray      *dossier_project_list_highlights    (DossierProject *self,
                                                    gint64          document_id,
                                                    gint64          tag_id,
                                                    GError        **error);
/* The same listings as live GListModels of DossierHighlight (transfer
 * full): a document's highlights, or a tag's and its sub-tags' in every
 * document. The project keeps them in step after every action, undo and
 * redo before "highlights-changed" is emitted, with one items-changed per
 * run of highlights that changed (a changed highlight is a new snapshot;
 * the others stay the same objects). Asking again while one is alive
 * returns the same model. NULL with @error if the document or tag does
 * not exist. A model outlives the project's closing with what it held. */
GListModel     *dossier_project_get_highlights     (DossierProject *self,
                                                    gint64          document_id,
                                                    GError        **error);
GListModel     *dossier_project_get_tag_highlights (DossierProject *self,
                                                    gint64          tag_id,
                                                    GError        **error);

/* Tags every match of @match (plain, case-insensitive) or @regex (GRegex
 * syntax) in one document (0 = all) with @tag_id, in one undo step.
 * Returns the number of highlights made or extended, -1 on error. */
gint64          dossier_project_autocode           (DossierProject *self,
                                                    gint64          tag_id,
                                                    const char     *match,
                                                    const char     *regex,
                                                    gint64          document_id,
                                                    GError        **error);

/* ---- Search ----------------------------------------------------------- */

typedef struct
{
  gint64  document_id;
  gint64  highlight_id;  /* 0 for a match in the text, else a memo match */
  gint64  start;         /* code points of the first match in the text */
  gint64  end;           /*   (the highlight's range for a memo match) */
  char   *snippet;       /* a line of context, match between « and » */
} DossierSearchHit;

void            dossier_search_hit_free            (DossierSearchHit *hit);

/* Full-text search (FTS5) over documents' text and highlights' memos.
 * @query is what a user types (words, "a phrase"); it is never FTS syntax
 * that can fail. Returns a GPtrArray of DossierSearchHit, best first. */
GPtrArray      *dossier_project_search             (DossierProject *self,
                                                    const char     *query,
                                                    guint           limit,
                                                    GError        **error);

/* Every occurrence of @query, grouped by document: the documents best
 * first, and in each its matches in text order (every instance of every
 * word or phrase; a memo's match at its highlight's place, as one hit).
 * At most @limit hits (0: a default). Returns a GPtrArray of
 * DossierSearchHit. */
GPtrArray      *dossier_project_search_occurrences (DossierProject *self,
                                                    const char     *query,
                                                    guint           limit,
                                                    GError        **error);

/* ---- Undo ------------------------------------------------------------- */

gboolean        dossier_project_get_can_undo       (DossierProject *self);
gboolean        dossier_project_get_can_redo       (DossierProject *self);
/* A short translated description: "Tag “Risks”", "Delete document", … */
const char     *dossier_project_get_undo_label     (DossierProject *self);
const char     *dossier_project_get_redo_label     (DossierProject *self);
/* Which step Undo would undo: an id that a step keeps through undo and
 * redo and no other step has had in this project's life, 0 when there is
 * nothing to undo ("undo-step", notified when it changes). What offers to
 * undo one action (a toast's Undo) keeps it, to undo that action and no
 * later one. */
guint64         dossier_project_get_undo_step      (DossierProject *self);
/* Each is itself one committed transaction. */
gboolean        dossier_project_undo               (DossierProject *self,
                                                    GError        **error);
gboolean        dossier_project_redo               (DossierProject *self,
                                                    GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSearchHit, dossier_search_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierReanchor, dossier_reanchor_free)

G_END_DECLS
