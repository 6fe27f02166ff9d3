/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-citation.c — resolving a briefing's citations against the
 * highlights as they are now, and checking each quote against its
 * document's text character for character.
 *
 * A note cites tens or hundreds of passages from a handful of documents:
 * each document's text (and its code-point index) and metadata are read
 * once per resolution, as is each tag's path; each highlight is one
 * indexed lookup by UUID.
 */

#include "config.h"

#include <dossier/dossier-citation.h>

#include "dossier-project-private.h"
#include "dossier-text-private.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

void
dossier_citation_free (DossierCitation *citation)
{
  if (citation == NULL)
    return;

  g_free (citation->uuid);
  g_free (citation->quote);
  g_free (citation->memo);
  g_strfreev (citation->tags);
  g_free (citation->document_title);
  g_free (citation->author);
  g_free (citation->outlet);
  g_free (citation->published);
  g_free (citation->source);
  g_free (citation->section);
  g_free (citation->note_section);
  g_free (citation->note_context);
  g_free (citation);
}

/* Read from the file, shown to people: never invalid UTF-8; NULL for
 * NULL or "" where @optional. */
static char *
column_string (sqlite3_stmt *stmt,
               int           column,
               gboolean      optional)
{
  const char *text = dossier_column_text (stmt, column);
  int len = sqlite3_column_bytes (stmt, column);

  if (text == NULL || len == 0)
    return optional ? NULL : g_strdup ("");
  return g_utf8_make_valid (text, len);
}

/* A cited document, read once per resolution: a note of 2,000 citations
 * read its title, author and outlet again for each (a file from elsewhere
 * may hold 10 MB of each). */
typedef struct
{
  char               *text;     /* NULL if it could not be read as text */
  DossierOffsetIndex  index;
  GArray             *headings; /* DossierBlock of its headings, by start */
  /* As the exports and the Brief page show them (dossier-citation.h). */
  char               *title;
  char               *author;
  char               *outlet;
  char               *published;
  char               *source;
} CitedDocument;

/* What one resolution reads once. */
typedef struct
{
  GHashTable *documents;  /* document id → CitedDocument */
  GHashTable *tag_paths;  /* tag id → its path */
} ReadOnce;

static void
cited_document_free (gpointer data)
{
  CitedDocument *doc = data;

  if (doc->text != NULL)
    dossier_offset_index_clear (&doc->index);
  g_free (doc->text);
  g_clear_pointer (&doc->headings, g_array_unref);
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->outlet);
  g_free (doc->published);
  g_free (doc->source);
  g_free (doc);
}

/* SQL reading text column @col of the document's row ("d") at most
 * @max_chars characters long, then "…": dossier_text_shorten () cuts that
 * where it would cut the whole value, which is not copied out of SQLite
 * (a blob handle reads its head, dossier_shown ()). */
#define PREFIX_FOR(col, max_chars) DOSSIER_SQL_SHOWN_ROW ("documents", "d", col, max_chars)

/* @column of @stmt at most @max_chars characters long, "…" at its end if
 * cut (as dossier_text_shorten () cuts). */
static char *
column_shown (sqlite3_stmt *stmt,
              int           column,
              gboolean      optional,
              gsize         max_chars)
{
  g_autofree char *text = column_string (stmt, column, optional);

  return text != NULL ? dossier_text_shorten (text, max_chars) : NULL;
}

static gboolean
read_document_metadata (DossierProject  *project,
                        gint64           document_id,
                        CitedDocument   *doc,
                        GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (project,
                                  "SELECT " PREFIX_FOR ("title", DOSSIER_DOCUMENT_MAX_TITLE) ", "
                                  PREFIX_FOR ("author", DOSSIER_DOCUMENT_MAX_AUTHOR) ", "
                                  PREFIX_FOR ("outlet", DOSSIER_DOCUMENT_MAX_OUTLET) ", "
                                  PREFIX_FOR ("published", DOSSIER_SHOWN_CHARS) ", "
                                  PREFIX_FOR ("source", DOSSIER_SHOWN_CHARS) " "
                                  "FROM documents d WHERE d.id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = dossier_project_step (project, stmt, error);
  if (rc == SQLITE_ROW)
    {
      doc->title = column_shown (stmt, 0, FALSE, DOSSIER_DOCUMENT_MAX_TITLE);
      doc->author = column_shown (stmt, 1, TRUE, DOSSIER_DOCUMENT_MAX_AUTHOR);
      doc->outlet = column_shown (stmt, 2, TRUE, DOSSIER_DOCUMENT_MAX_OUTLET);
      doc->published = column_shown (stmt, 3, TRUE, DOSSIER_SHOWN_CHARS);
      doc->source = column_shown (stmt, 4, TRUE, DOSSIER_SHOWN_CHARS);
      return TRUE;
    }
  /* Gone since its highlight was read: titled as nothing. */
  doc->title = g_strdup ("");
  return rc == SQLITE_DONE;
}

static CitedDocument *
get_cited_document (DossierProject  *project,
                    GHashTable      *cache,
                    gint64           document_id,
                    GError         **error)
{
  CitedDocument *doc = g_hash_table_lookup (cache, &document_id);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) blocks = NULL;

  if (doc != NULL)
    return doc;

  doc = g_new0 (CitedDocument, 1);
  doc->headings = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  if (!read_document_metadata (project, document_id, doc, error))
    {
      cited_document_free (doc);
      return NULL;
    }
  doc->text = dossier_project_get_document_text (project, document_id, &local_error);
  if (doc->text != NULL && !g_utf8_validate (doc->text, -1, NULL))
    g_clear_pointer (&doc->text, g_free);
  if (doc->text == NULL && local_error != NULL &&
      !g_error_matches (local_error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED))
    {
      cited_document_free (doc);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (doc->text != NULL)
    dossier_offset_index_init (&doc->index, doc->text);

  blocks = dossier_project_get_document_blocks (project, document_id, NULL);
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      DossierBlock *block = &g_array_index (blocks, DossierBlock, i);

      if (block->kind == DOSSIER_BLOCK_HEADING)
        g_array_append_val (doc->headings, *block);
    }

  g_hash_table_insert (cache, g_memdup2 (&document_id, sizeof document_id), doc);
  return doc;
}

static char *
slice (CitedDocument *doc,
       gint64         start,
       gint64         end)
{
  gsize from = dossier_offset_index_bytes (&doc->index, start);
  gsize to = dossier_offset_index_bytes (&doc->index, end);

  return g_strndup (doc->text + from, to - from);
}

/* The heading of the section that @offset lies in: the last heading that
 * starts at or before it. */
static char *
section_heading (CitedDocument *doc,
                 gint64         offset)
{
  DossierBlock *found = NULL;
  char *heading;

  if (doc->text == NULL)
    return NULL;

  for (guint i = 0; i < doc->headings->len; i++)
    {
      DossierBlock *block = &g_array_index (doc->headings, DossierBlock, i);

      if (block->start > offset)
        break;
      found = block;
    }
  if (found == NULL || found->end <= found->start || found->end > doc->index.length)
    return NULL;

  heading = slice (doc, found->start, found->end);
  g_strstrip (heading);
  g_strdelimit (heading, "\n\t", ' ');
  return heading;
}

/* "Parent/Child": walked up in C, at most DOSSIER_TAG_MAX_DEPTH steps, so
 * that a cycle in a hostile file ends. Each name at most as long as
 * Dossier writes one (DOSSIER_TAG_MAX_NAME), cut in the query: a file from
 * elsewhere may hold a name of 10 MB, which was copied whole into the path
 * of every citation of a highlight with that tag (a briefing export of
 * such a file took 418 MB), and then out of SQLite once per tag (the
 * head read through a blob handle now). Read once per resolution
 * (read_tags ()). */
static char *
tag_path (DossierProject  *project,
          gint64           tag_id,
          GError         **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *path = g_string_new (NULL);

  for (guint depth = 0; tag_id > 0 && depth <= DOSSIER_TAG_MAX_DEPTH; depth++)
    {
      g_auto(DossierStmt) stmt = NULL;
      int rc;

      stmt = dossier_project_prepare (project,
                                      "SELECT " DOSSIER_SQL_SHOWN_ROW ("tags", "t", "name", DOSSIER_SHOWN_CHARS)
                                      ", t.parent FROM tags t WHERE t.id = ?1", error);
      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, tag_id);
      rc = dossier_project_step (project, stmt, error);
      if (rc != SQLITE_ROW)
        break;
      {
        g_autofree char *name = column_string (stmt, 0, FALSE);

        g_ptr_array_insert (names, 0, dossier_text_shorten (name, DOSSIER_TAG_MAX_NAME));
      }
      tag_id = sqlite3_column_int64 (stmt, 1);
    }

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append_c (path, '/');
      g_string_append (path, g_ptr_array_index (names, i));
    }
  return g_string_free (path, FALSE);
}

static char **
read_tags (DossierProject  *project,
           GHashTable      *tag_paths,
           gint64           highlight_id,
           GError         **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  ids = dossier_project_read_ids (project,
                                  "SELECT tag FROM highlight_tags WHERE highlight = ?1 "
                                  "ORDER BY position, tag",
                                  highlight_id, NULL, error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 tag_id = g_array_index (ids, gint64, i);
      const char *path = g_hash_table_lookup (tag_paths, &tag_id);

      if (path == NULL)
        {
          path = tag_path (project, tag_id, NULL);
          g_hash_table_insert (tag_paths, g_memdup2 (&tag_id, sizeof tag_id), (char *) path);
        }
      g_ptr_array_add (paths, g_strdup (path));
    }
  g_ptr_array_add (paths, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

/* No highlight has the UUID @citation cites. */
static void
mark_deleted (DossierCitation *citation)
{
  citation->status = DOSSIER_CITATION_DELETED;
  citation->tags = g_new0 (char *, 1);
}

/* Fills @citation from the highlight with its UUID; FALSE (and DELETED)
 * when there is none. */
static gboolean
read_highlight (DossierProject   *project,
                DossierCitation  *citation,
                gboolean         *orphaned,
                GError          **error)
{
  /* UUIDs are stored as their tools wrote them: ours in lower case, some
   * imported ones (REFI-QDA GUIDs) in upper case. All three spellings in
   * one query (a UUID no highlight has took three), the one as written
   * first, then lower case, as UNIQUE lets each spelling be another's. */
  g_autofree char *lower = g_ascii_strdown (citation->uuid, -1);
  g_autofree char *upper = g_ascii_strup (citation->uuid, -1);
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  /* Its document's metadata is read once (get_cited_document ()). */
  stmt = dossier_project_prepare (project,
                                  "SELECT h.id, h.document, h.start, h.end, h.quote, h.memo, "
                                  "  h.orphaned "
                                  "FROM highlights h JOIN documents d ON d.id = h.document "
                                  "WHERE h.uuid IN (?1, ?2, ?3) "
                                  "ORDER BY h.uuid = ?1 DESC, h.uuid = ?2 DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  dossier_bind_text (stmt, 1, citation->uuid);
  dossier_bind_text (stmt, 2, lower);
  dossier_bind_text (stmt, 3, upper);
  rc = dossier_project_step (project, stmt, error);
  if (rc == SQLITE_DONE)
    {
      mark_deleted (citation);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    return FALSE;

  citation->highlight_id = sqlite3_column_int64 (stmt, 0);
  citation->document_id = sqlite3_column_int64 (stmt, 1);
  citation->start = sqlite3_column_int64 (stmt, 2);
  citation->end = sqlite3_column_int64 (stmt, 3);
  citation->quote = column_string (stmt, 4, FALSE);
  citation->memo = column_string (stmt, 5, FALSE);
  *orphaned = sqlite3_column_int64 (stmt, 6) != 0;
  return TRUE;
}

static gboolean
resolve (DossierProject   *project,
         DossierCitation  *citation,
         ReadOnce         *once,
         GError          **error)
{
  gboolean orphaned = FALSE;
  CitedDocument *doc;
  g_autofree char *actual = NULL;

  if (!read_highlight (project, citation, &orphaned, error))
    return FALSE;
  if (citation->status == DOSSIER_CITATION_DELETED)
    return TRUE;

  citation->tags = read_tags (project, once->tag_paths, citation->highlight_id, error);
  if (citation->tags == NULL)
    return FALSE;

  doc = get_cited_document (project, once->documents, citation->document_id, error);
  if (doc == NULL)
    return FALSE;
  citation->document_title = g_strdup (doc->title);
  citation->author = g_strdup (doc->author);
  citation->outlet = g_strdup (doc->outlet);
  citation->published = g_strdup (doc->published);
  citation->source = g_strdup (doc->source);

  if (orphaned)
    {
      citation->status = DOSSIER_CITATION_ORPHANED;
      return TRUE;
    }

  /* The quote must be exactly what the document says there. */
  if (doc->text == NULL || citation->start < 0 || citation->end <= citation->start ||
      citation->end > doc->index.length)
    {
      citation->status = DOSSIER_CITATION_MISMATCH;
      return TRUE;
    }
  actual = slice (doc, citation->start, citation->end);
  citation->status = strcmp (actual, citation->quote) == 0 ? DOSSIER_CITATION_OK
                                                           : DOSSIER_CITATION_MISMATCH;
  citation->section = section_heading (doc, citation->start);
  return TRUE;
}

/* ---- Where the note cites it ---------------------------------------------- */

/* Words of the note kept before a citation, to find it by. */
#define CONTEXT_WORDS 8

/* At most this many characters of them kept, and of the heading of the
 * note's section: each citation keeps its own, and eight "words" of a
 * megabyte each (a note from elsewhere may hold any) were kept whole with
 * every citation after them. */
#define CONTEXT_MAX_CHARS 100

/* Appends the text of @node's inlines to @out, as a reader sees it (no
 * citations, no markup). */
static void
append_inline_text (GString             *out,
                    DossierMarkdownNode *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

      if (!dossier_markdown_kind_is_inline (child->kind))
        continue;
      switch (child->kind)
        {
        case DOSSIER_MARKDOWN_TEXT:
        case DOSSIER_MARKDOWN_CODE:
          g_string_append (out, child->text != NULL ? child->text : "");
          break;
        case DOSSIER_MARKDOWN_LINE_BREAK:
          g_string_append_c (out, ' ');
          break;
        case DOSSIER_MARKDOWN_CITATION:
          break;
        default:
          append_inline_text (out, child);
        }
    }
}

/* The last CONTEXT_WORDS words of a sequence, and how many it had. */
typedef struct
{
  char  *words[CONTEXT_WORDS];   /* word k at k % CONTEXT_WORDS */
  gsize  lens[CONTEXT_WORDS];    /* its length in bytes */
  guint  n;
} WordRing;

static void
word_ring_push (WordRing *ring,
                char     *word,
                gsize     len)
{
  g_free (ring->words[ring->n % CONTEXT_WORDS]);
  ring->words[ring->n % CONTEXT_WORDS] = word;
  ring->lens[ring->n % CONTEXT_WORDS] = len;
  ring->n++;
}

static void
word_ring_clear (WordRing *ring)
{
  for (guint i = 0; i < CONTEXT_WORDS; i++)
    g_clear_pointer (&ring->words[i], g_free);
  ring->n = 0;
}

/* The words of a block's text (a paragraph, list item or heading) read so
 * far, as a reader sees it: its text split at spaces, tabs and line breaks,
 * with white space of any kind at its ends left out. Read once, as the walk
 * of the note goes through the block; a citation takes the last words from
 * it (a paragraph of thousands of citations went over all its text before
 * each). */
typedef struct
{
  gboolean  started;   /* a character other than white space read */
  WordRing  words;     /* up to the last word with such a character */
  WordRing  blank;     /* words of other white space since (\r, \f, \v) */
  GString  *current;   /* the word being read */
  gboolean  current_blank;
} NoteWords;

static void
note_words_init (NoteWords *words)
{
  memset (words, 0, sizeof *words);
  words->current = g_string_new (NULL);
  words->current_blank = TRUE;
}

static void
note_words_clear (NoteWords *words)
{
  word_ring_clear (&words->words);
  word_ring_clear (&words->blank);
  g_string_free (words->current, TRUE);
}

static void
note_words_end_word (NoteWords *words)
{
  gsize len = words->current->len;
  char *word;

  if (len == 0)
    return;
  word = g_strndup (words->current->str, len);
  g_string_truncate (words->current, 0);
  if (words->current_blank)
    {
      /* A word only if more words follow it. */
      word_ring_push (&words->blank, word, len);
      return;
    }
  /* The last of the blank ones before it, and as many counted. */
  words->words.n += words->blank.n - MIN (words->blank.n, CONTEXT_WORDS);
  for (guint k = words->blank.n - MIN (words->blank.n, CONTEXT_WORDS); k < words->blank.n; k++)
    word_ring_push (&words->words, g_steal_pointer (&words->blank.words[k % CONTEXT_WORDS]),
                    words->blank.lens[k % CONTEXT_WORDS]);
  word_ring_clear (&words->blank);
  word_ring_push (&words->words, word, len);
  words->current_blank = TRUE;
}

static void
note_words_append (NoteWords  *words,
                   const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n')
        {
          note_words_end_word (words);
          continue;
        }
      /* White space before the first word is none. */
      if (!words->started && g_ascii_isspace (*p))
        continue;
      words->started = TRUE;
      g_string_append_c (words->current, *p);
      if (!g_ascii_isspace (*p))
        words->current_blank = FALSE;
    }
}

/* Where the last @budget characters of @word (@len bytes) start, or
 * NULL if it has no more than that: counted from its end, so that a
 * word of a megabyte costs no more than a short one. */
static const char *
tail_beyond (const char *word,
             gsize       len,
             guint       budget)
{
  const char *p = word + len;

  for (guint chars = 0; chars < budget && p != NULL; chars++)
    p = g_utf8_find_prev_char (word, p);
  return p;
}

/* The last CONTEXT_WORDS words read, at most CONTEXT_MAX_CHARS characters
 * of them (whole words, but for the last when it alone is longer), "…"
 * first if there were more. Punctuation that followed an earlier citation
 * ("Vote [@…], grant") closes up to the word before it. */
static char *
note_words_last (NoteWords *words)
{
  const char *last[CONTEXT_WORDS];
  gsize lens[CONTEXT_WORDS];
  g_autoptr(GString) out = g_string_new (NULL);
  const char *tail = NULL;
  guint n = 0, total, first, budget = CONTEXT_MAX_CHARS;

  /* The words, then the blank ones and the word being read if it is one,
   * in order: the last of them all are kept. */
  for (guint k = words->words.n - MIN (words->words.n, CONTEXT_WORDS); k < words->words.n; k++)
    {
      last[n] = words->words.words[k % CONTEXT_WORDS];
      lens[n++] = words->words.lens[k % CONTEXT_WORDS];
    }
  total = words->words.n;
  if (!words->current_blank)
    {
      for (guint k = words->blank.n - MIN (words->blank.n, CONTEXT_WORDS); k <= words->blank.n; k++)
        {
          if (n == CONTEXT_WORDS)
            {
              memmove (last, last + 1, --n * sizeof *last);
              memmove (lens, lens + 1, n * sizeof *lens);
            }
          last[n] = k < words->blank.n ? words->blank.words[k % CONTEXT_WORDS] : words->current->str;
          lens[n++] = k < words->blank.n ? words->blank.lens[k % CONTEXT_WORDS] : words->current->len;
        }
      total += words->blank.n + 1;
    }
  if (n == 0)
    return g_strdup ("");
  /* White space of any kind at the end is none. */
  while (lens[n - 1] > 0 && g_ascii_isspace (last[n - 1][lens[n - 1] - 1]))
    lens[n - 1]--;

  /* As many of the last words as fit, a space between each. */
  first = n;
  while (first > 0)
    {
      const char *beyond = tail_beyond (last[first - 1], lens[first - 1], budget);

      if (beyond != NULL)
        {
          /* The last word alone is too long: its end is kept. */
          if (first == n)
            tail = beyond;
          break;
        }
      budget -= MIN (budget, g_utf8_strlen (last[first - 1], lens[first - 1]) + 1);
      first--;
    }

  if (first > 0 || total > n)
    g_string_append (out, "…");
  if (tail != NULL)
    g_string_append_len (out, tail, last[n - 1] + lens[n - 1] - tail);
  for (guint i = first; i < n; i++)
    {
      if (i > first && strchr (",.;:!?)", last[i][0]) == NULL)
        g_string_append_c (out, ' ');
      g_string_append_len (out, last[i], lens[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @heading, at most CONTEXT_MAX_CHARS characters of it, cut after a word
 * (or in the one word it is) and "…" added where cut. */
static char *
heading_within (const char *heading)
{
  const char *end = heading, *space = NULL;

  for (guint chars = 0; *end != '\0'; chars++, end = g_utf8_next_char (end))
    {
      if (chars == CONTEXT_MAX_CHARS)
        {
          if (space != NULL)
            end = space;
          return g_strdup_printf ("%.*s…", (int) (end - heading), heading);
        }
      if (*end == ' ')
        space = end;
    }
  return g_strdup (heading);
}

/* Citations of UUIDs no highlight has, each looked up by its own query,
 * before the UUIDs of all the highlights are read to tell the others
 * without one. */
#define MISSES_BEFORE_ALL_UUIDS 32

/* One resolution: the note's citations as its walk finds them. */
typedef struct
{
  DossierProject      *project;
  DossierMarkdownNode *root;
  GPtrArray           *citations;
  GHashTable          *by_uuid;      /* lower-case UUID → DossierCitation */
  ReadOnce             once;
  char                *note_section; /* the heading of the note's section walked */
  GError             **error;
  gboolean             failed;
  guint                n_missing;    /* citations of UUIDs no highlight has */
  GHashTable          *all_uuids;    /* lower-case UUIDs of the highlights shown, once read */
} Resolution;

/* The lower-case UUIDs of all the highlights whose document there is: a
 * note from another project (50,000 UUIDs no highlight has) ran a query
 * for each, which cost ~8× what the rest of the preview's work does. */
static GHashTable *
read_all_uuids (DossierProject  *project,
                GError         **error)
{
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (project,
                                  "SELECT h.uuid FROM highlights h JOIN documents d ON d.id = h.document",
                                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = dossier_project_step (project, stmt, error)) == SQLITE_ROW)
    {
      const char *uuid = dossier_column_text (stmt, 0);

      if (uuid != NULL)
        g_hash_table_add (uuids, g_ascii_strdown (uuid, -1));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&uuids);
}

/* Whether no highlight can have the UUID @key (lower case), known
 * without a query of its own. */
static gboolean
known_missing (Resolution *resolution,
               const char *key)
{
  if (resolution->n_missing < MISSES_BEFORE_ALL_UUIDS)
    return FALSE;
  if (resolution->all_uuids == NULL)
    {
      resolution->all_uuids = read_all_uuids (resolution->project, resolution->error);
      if (resolution->all_uuids == NULL)
        {
          resolution->failed = TRUE;
          return FALSE;
        }
    }
  /* A query finds a highlight by the UUID as written, in lower case or
   * in upper case: each of those is the same as @key in lower case. */
  return !g_hash_table_contains (resolution->all_uuids, key);
}

static void
resolve_node (Resolution          *resolution,
              DossierMarkdownNode *node,
              NoteWords           *words)
{
  char *key = g_ascii_strdown (node->uuid, -1);
  DossierCitation *citation = g_hash_table_lookup (resolution->by_uuid, key);

  if (citation != NULL)
    {
      citation->n_uses++;
      node->number = citation->number;
      g_free (key);
      return;
    }

  citation = g_new0 (DossierCitation, 1);
  citation->number = resolution->citations->len + 1;
  citation->uuid = g_strdup (node->uuid);
  citation->n_uses = 1;
  node->number = citation->number;
  /* Where the note first cites it: the words before it in its paragraph,
   * list item or heading, and the heading of its section. */
  citation->note_context = note_words_last (words);
  citation->note_section = g_strdup (resolution->note_section);
  g_ptr_array_add (resolution->citations, citation);
  g_hash_table_insert (resolution->by_uuid, key, citation);

  if (known_missing (resolution, key))
    {
      mark_deleted (citation);
      return;
    }
  if (resolution->failed)
    return;
  if (!resolve (resolution->project, citation, &resolution->once, resolution->error))
    resolution->failed = TRUE;
  else if (citation->status == DOSSIER_CITATION_DELETED)
    resolution->n_missing++;
}

/* Resolves the citations under @node in the order of the note (as
 * dossier_markdown_collect_citations () gives them), @words being the
 * words read so far of the block that holds @node. */
static void
resolve_walk (Resolution          *resolution,
              DossierMarkdownNode *node,
              NoteWords           *words)
{
  NoteWords own;

  if (node->kind == DOSSIER_MARKDOWN_CITATION)
    resolve_node (resolution, node, words);
  if (node->children == NULL)
    return;

  /* A block's words are its own (a list item's nested list has its own). */
  if (!dossier_markdown_kind_is_inline (node->kind))
    {
      note_words_init (&own);
      words = &own;
    }
  for (guint i = 0; i < node->children->len && !resolution->failed; i++)
    {
      DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

      if (child->kind == DOSSIER_MARKDOWN_TEXT || child->kind == DOSSIER_MARKDOWN_CODE)
        note_words_append (words, child->text);
      else if (child->kind == DOSSIER_MARKDOWN_LINE_BREAK)
        note_words_append (words, " ");
      resolve_walk (resolution, child, words);

      /* What follows a heading is in its section; its own citations are
       * in the one before. */
      if (node == resolution->root && child->kind == DOSSIER_MARKDOWN_HEADING)
        {
          g_autoptr(GString) heading = g_string_new (NULL);

          append_inline_text (heading, child);
          g_free (resolution->note_section);
          resolution->note_section = heading_within (g_strstrip (heading->str));
        }
    }
  if (words == &own)
    note_words_clear (&own);
}

GPtrArray *
dossier_project_resolve_citations (DossierProject      *project,
                                   DossierMarkdownNode *root,
                                   GError             **error)
{
  g_autoptr(GPtrArray) citations = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_citation_free);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, cited_document_free);
  g_autoptr(GHashTable) tag_paths = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, g_free);
  Resolution resolution = {
    project, root, citations, by_uuid, { documents, tag_paths }, NULL, error, FALSE, 0, NULL
  };

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);
  g_return_val_if_fail (root != NULL, NULL);

  if (!dossier_project_ensure_open (project, error))
    return NULL;

  /* One walk: each block's words read once, each heading once. */
  resolve_walk (&resolution, root, NULL);
  g_free (resolution.note_section);
  g_clear_pointer (&resolution.all_uuids, g_hash_table_unref);
  if (resolution.failed)
    return NULL;
  return g_steal_pointer (&citations);
}

DossierCitation *
dossier_citations_lookup (GPtrArray  *citations,
                          const char *uuid)
{
  g_return_val_if_fail (citations != NULL, NULL);

  if (uuid == NULL)
    return NULL;
  for (guint i = 0; i < citations->len; i++)
    {
      DossierCitation *citation = g_ptr_array_index (citations, i);

      if (g_ascii_strcasecmp (citation->uuid, uuid) == 0)
        return citation;
    }
  return NULL;
}

DossierCitation *
dossier_citations_lookup_node (GPtrArray           *citations,
                               DossierMarkdownNode *node)
{
  g_return_val_if_fail (citations != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  /* A note of 50,000 citations looked each up through all of them: the
   * number resolving gave the node says where, if it is that one still. */
  if (node->uuid != NULL && node->number >= 1 && node->number <= citations->len)
    {
      DossierCitation *citation = g_ptr_array_index (citations, node->number - 1);

      if (g_ascii_strcasecmp (citation->uuid, node->uuid) == 0)
        return citation;
    }
  return dossier_citations_lookup (citations, node->uuid);
}

char *
dossier_citation_describe_problem (const DossierCitation *citation)
{
  g_return_val_if_fail (citation != NULL, NULL);

  switch (citation->status)
    {
    case DOSSIER_CITATION_OK:
      return NULL;
    case DOSSIER_CITATION_DELETED:
      return g_strdup (_("the cited highlight is no longer in this project (it was deleted, "
                         "or the citation comes from another project)"));
    case DOSSIER_CITATION_ORPHANED:
      return g_strdup_printf (_("a newer version of “%s” no longer contains the cited passage"),
                              citation->document_title);
    case DOSSIER_CITATION_MISMATCH:
      /* Where a person looks for it: the document and its section, never
       * character offsets (the quote's own words go with the report). */
      if (citation->section != NULL)
        /* TRANSLATORS: a citation that cannot be verified; the document's
         * title, the heading of the section the passage is in */
        return g_strdup_printf (_("the quote no longer matches the text of “%s”, in its section “%s”"),
                                citation->document_title, citation->section);
      /* TRANSLATORS: a citation that cannot be verified; the document's title */
      return g_strdup_printf (_("the quote no longer matches the text of “%s”"),
                              citation->document_title);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
dossier_citations_verify (GPtrArray  *citations,
                          char      **report)
{
  GString *out = g_string_new (NULL);
  gboolean ok = TRUE;

  g_return_val_if_fail (citations != NULL, FALSE);

  for (guint i = 0; i < citations->len; i++)
    {
      DossierCitation *citation = g_ptr_array_index (citations, i);
      g_autofree char *problem = dossier_citation_describe_problem (citation);
      g_autofree char *excerpt = NULL;

      if (problem == NULL)
        continue;
      ok = FALSE;
      if (citation->quote != NULL)
        {
          excerpt = dossier_text_excerpt (citation->quote);
          /* TRANSLATORS: a citation that cannot be printed: its number, the
           * start of its quote, what is wrong */
          g_string_append_printf (out, _("[%u] “%s”: %s"), citation->number, excerpt, problem);
        }
      /* Its highlight is gone, and with it its quote and document: named
       * by where the note cites it, never by its UUID. */
      else if (citation->note_context != NULL && *citation->note_context != '\0' &&
               citation->note_section != NULL)
        /* TRANSLATORS: a citation that cannot be printed: its number, the
         * note's words just before it, the heading of the note's section
         * it is in, what is wrong */
        g_string_append_printf (out, _("[%u] cited after “%s” in “%s”: %s"), citation->number,
                                citation->note_context, citation->note_section, problem);
      else if (citation->note_context != NULL && *citation->note_context != '\0')
        /* TRANSLATORS: a citation that cannot be printed: its number, the
         * note's words just before it, what is wrong */
        g_string_append_printf (out, _("[%u] cited after “%s”: %s"), citation->number,
                                citation->note_context, problem);
      else if (citation->note_section != NULL)
        /* TRANSLATORS: a citation that cannot be printed: its number, the
         * heading of the note's section it is in, what is wrong */
        g_string_append_printf (out, _("[%u] cited in “%s”: %s"), citation->number,
                                citation->note_section, problem);
      else
        /* TRANSLATORS: a citation that cannot be printed: its number, what
         * is wrong */
        g_string_append_printf (out, _("[%u]: %s"), citation->number, problem);
      g_string_append_c (out, '\n');
    }

  /* Nothing to report: NULL. */
  if (report != NULL)
    *report = g_string_free (out, ok);
  else
    g_string_free (out, TRUE);
  return ok;
}
