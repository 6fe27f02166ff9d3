/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-private.h — what the export formats share: a buffered
 * writer over a GOutputStream, the codebook and documents of a project
 * resolved against a filter, and a fast cursor over highlights read with
 * the exporter's own prepared SELECTs. Not for the UI or the CLI.
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>
#include <dossier/dossier-export.h>
#include <dossier/dossier-project.h>

G_BEGIN_DECLS

/* libxml2's document, declared here so that this header needs no libxml2
 * include for the writers that serialize none. */
struct _xmlDoc;

/* ---- Writer ------------------------------------------------------------ */

/* Appends go to a buffer flushed to the stream in large writes; the first
 * error (I/O or cancellation) is kept and later writes are dropped, so the
 * formats check once at the end instead of after every field. */
typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buf;
  GError        *error;
} DossierExportWriter;

void     dossier_export_writer_init   (DossierExportWriter *w,
                                       GOutputStream       *stream,
                                       GCancellable        *cancellable);
/* Flushes and frees the buffer; returns FALSE with the first error. */
gboolean dossier_export_writer_finish (DossierExportWriter *w,
                                       GError             **error);
/* Flushes when the buffer is full; FALSE once an error happened. */
gboolean dossier_export_writer_check  (DossierExportWriter *w);
/* The same for a callback of a walk over highlights, which must set an
 * error to stop the walk: a stand-in, since the writer keeps the real
 * one for dossier_export_writer_finish(). */
gboolean dossier_export_writer_check_walk (DossierExportWriter *w,
                                           GError             **error);

static inline void
dossier_export_writer_put (DossierExportWriter *w,
                           const char          *s,
                           gsize                len)
{
  g_string_append_len (w->buf, s, len);
}

#define dossier_export_writer_puts(w, s) \
  dossier_export_writer_put ((w), (s), strlen (s))

/* Serializes @doc (an xmlDocPtr) as HTML into the writer; FALSE only
 * when libxml2 cannot make its writer (a write error is the writer's, for
 * dossier_export_writer_finish()). */
gboolean dossier_export_writer_save_html (DossierExportWriter *w,
                                          struct _xmlDoc      *doc,
                                          GError             **error);

/* A new HTML document: <html lang="@lang"> (none if NULL), a <head> with
 * the viewport and generator metas, <title>@title</title> and
 * <style>@stylesheet</style>, and a <body> (in *@body) that begins with a
 * <header> (in *@header, may be NULL) holding <h1>@title</h1> and, unless
 * NULL, <p class="subtitle">@subtitle</p>. Texts are escaped, not parsed:
 * clean them of what XML cannot hold first. */
struct _xmlNode;
struct _xmlDoc *dossier_export_html_new (const char       *lang,
                                         const char       *title,
                                         const char       *subtitle,
                                         const char       *stylesheet,
                                         struct _xmlNode **body,
                                         struct _xmlNode **header);
/* A new element @name under @parent, of class @klass (none if NULL). */
struct _xmlNode *dossier_html_element   (struct _xmlNode  *parent,
                                         const char       *name,
                                         const char       *klass);

void     dossier_export_writer_printf (DossierExportWriter *w,
                                       const char          *format,
                                       ...) G_GNUC_PRINTF (2, 3);

/* Escapes for a JSON string body (without the surrounding quotes): '"',
 * '\\', control characters as \n, \t, … or \u00XX, U+2028/U+2029 as \uXXXX;
 * invalid UTF-8 bytes become U+FFFD so the output is always valid UTF-8.
 * @len -1 = NUL-terminated. */
void     dossier_export_append_json_string (GString    *out,
                                            const char *s,
                                            gssize      len);
/* @s as a JSON value: in quotes, escaped as above; null for NULL. */
void     dossier_export_append_json_value  (GString    *out,
                                            const char *s);
/* Appends a decimal integer, without printf's parsing (it shows in
 * profiles of 100,000-row exports). */
void     dossier_export_append_int         (GString    *out,
                                            gint64      value);
/* Appends an RFC 4180 field: quoted (quotes doubled) when it holds a comma,
 * a quote, CR or LF, else as is. A field starting with =, +, -, @, tab or
 * CR is quoted with an apostrophe before it, so that a spreadsheet shows
 * it as text instead of running it as a formula. */
void     dossier_export_append_csv_field   (GString    *out,
                                            const char *s,
                                            gssize      len);
/* How many values of @sorted (gint64, ascending) are less than @value:
 * the index where @value is, or would go. */
guint    dossier_export_count_below        (const GArray *sorted,
                                            gint64        value);

/* ---- Project data ------------------------------------------------------ */

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  char   *path;         /* "Parent/Child" */
  gint64  parent_id;    /* 0 = top level */
  char   *color;        /* "#rrggbb" */
  char   *description;  /* never NULL */
  guint   depth;
  guint   order;        /* index in codebook (tree) order */
  gboolean selected;    /* in the tag filter's subtree (all when no filter) */
} DossierExportTag;

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *title;
  char   *author;     /* NULL when unknown */
  char   *outlet;
  char   *source;
  char   *published;
  char   *imported;
  char   *format;
} DossierExportDocument;

/* One highlight as the cursor yields it: strings point into the cursor's
 * current row and are only valid until the next step. */
typedef struct
{
  gint64        id;
  const char   *uuid;
  gint64        document_id;
  gint64        start;
  gint64        end;
  const char   *quote;     /* as stored */
  const char   *memo;      /* never NULL */
  const char   *author;    /* never NULL */
  const char   *created;   /* never NULL */
  const char   *modified;  /* never NULL */
  const char   *prefix;    /* orphans only, else NULL */
  const char   *suffix;
  const gint64 *tag_ids;   /* every tag of the highlight, in applied order */
  guint         n_tags;
} DossierExportHighlight;

typedef struct _DossierExportTagIndex DossierExportTagIndex;

typedef struct
{
  DossierProject      *project;
  sqlite3             *db;
  gboolean             in_transaction;  /* the snapshot is ours to end */
  GHashTable          *statements;      /* SQL → sqlite3_stmt */
  GCancellable        *cancellable;
  DossierExportFilter  filter;
  DossierExportOptions options;     /* validated: context clamped */
  char                *title;
  char                *uuid;
  GPtrArray           *tags;        /* of DossierExportTag, codebook order */
  GHashTable          *tag_by_id;   /* gint64* → DossierExportTag* */
  GPtrArray           *documents;   /* of DossierExportDocument, import order, filtered */
  DossierExportTagIndex *tag_index; /* every highlight's tags, read on first use */
  GHashTable          *repaired;    /* sqlite3_stmt → GPtrArray of repaired texts, by column */
  gboolean             whole;       /* names and titles as stored (JSON, REFI-QDA) */
} DossierExportContext;

/* Resolves the filter (NOT_FOUND when it names no document or tag) and
 * reads the codebook and the documents' metadata. With @whole (a format
 * for programs: JSON, REFI-QDA) every value is as stored; else (a
 * document for people) a name or title over the most Dossier writes in it
 * — only a file from elsewhere holds one, of any length — is shortened to
 * that most, "…" at its end (dossier_text_shorten ()): the project's
 * title, a tag's name (so its path), a document's title, author and
 * outlet, its source to DOSSIER_SHOWN_CHARS. */
DossierExportContext *dossier_export_context_new  (DossierProject            *project,
                                                   const DossierExportFilter *filter,
                                                   gboolean                   whole,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);

/* A name or title read from the project (NULL is "") as the context
 * writes it: whole when the context keeps values whole, else shortened to
 * @max_chars characters, the most Dossier writes in it, "…" at its end. */
char                 *dossier_export_context_name (DossierExportContext      *ctx,
                                                   const char                *text,
                                                   gsize                      max_chars);
/* The same in place: *@text (NULL stays NULL) replaced by its shortened
 * copy when the context shortens it. */
void                  dossier_export_context_shorten (DossierExportContext   *ctx,
                                                      char                  **text,
                                                      gsize                   max_chars);
void                  dossier_export_context_free (DossierExportContext      *ctx);
void                  dossier_export_context_clear_tag_index (DossierExportContext *ctx);

DossierExportTag     *dossier_export_context_get_tag (DossierExportContext *ctx,
                                                      gint64                tag_id);

/* A statement for @sql (a string literal), prepared once per export and
 * reset; finalized with the context. */
sqlite3_stmt         *dossier_export_context_prepare (DossierExportContext *ctx,
                                                      const char           *sql,
                                                      GError              **error);

/* Sets @error to why the project could not be read (the database's last
 * error), in words, its file named but not its folder. */
void                  dossier_export_context_set_db_error (DossierExportContext  *ctx,
                                                           GError               **error);

/* Steps @stmt once: *@row tells whether a row came; FALSE with @error on a
 * database error. */
gboolean              dossier_export_context_step    (DossierExportContext *ctx,
                                                      sqlite3_stmt         *stmt,
                                                      gboolean             *row,
                                                      GError              **error);

/* Whether @h passes the tag filter (carries a selected tag). */
gboolean              dossier_export_highlight_selected (DossierExportContext         *ctx,
                                                         const DossierExportHighlight *h);

/* Calls @func for every highlight that passes the filter, ordered by
 * document (import order), start, end; @document_id 0 = every document of
 * the context. Stops at the first FALSE (with @error set) or cancellation. */
typedef gboolean (*DossierExportHighlightFunc) (const DossierExportHighlight *h,
                                                gpointer                      user_data,
                                                GError                      **error);

gboolean dossier_export_context_foreach_highlight (DossierExportContext       *ctx,
                                                   gint64                      document_id,
                                                   DossierExportHighlightFunc  func,
                                                   gpointer                    user_data,
                                                   GError                    **error);

/* Orphaned highlights (kept when a newer text lost their passage; their
 * offsets are stale), of the filter's document or all, by document and
 * id; prefix and suffix are set. */
gboolean dossier_export_context_foreach_orphan (DossierExportContext       *ctx,
                                                DossierExportHighlightFunc  func,
                                                gpointer                    user_data,
                                                GError                    **error);

/* A document's text and blocks. */
/* Column @column of @stmt's row as valid UTF-8 (NULL for NULL), living as
 * long as the row: for strings read from a file anyone may have written. */
const char *dossier_export_context_column_text (DossierExportContext *ctx,
                                                sqlite3_stmt         *stmt,
                                                int                   column);
/* A document's text; refused (DAMAGED) unless it is valid UTF-8 of the
 * length recorded, with every live highlight within it. */
char     *dossier_export_context_get_text   (DossierExportContext *ctx,
                                             gint64                document_id,
                                             GError              **error);
GArray   *dossier_export_context_get_blocks (DossierExportContext *ctx,
                                             gint64                document_id,
                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierExportContext, dossier_export_context_free)

/* ---- Formats ----------------------------------------------------------- */

gboolean dossier_export_write_json    (DossierExportContext *ctx,
                                       DossierExportWriter  *w,
                                       GError              **error);
gboolean dossier_export_write_csv     (DossierExportContext *ctx,
                                       DossierExportWriter  *w,
                                       GError              **error);
/* A tagged summary: Markdown, HTML or plain text, laid out by
 * ctx->options (dossier-export-summary.c). */
gboolean dossier_export_write_summary (DossierExportContext *ctx,
                                       DossierExportWriter  *w,
                                       DossierExportFormat   format,
                                       GError              **error);
/* The briefing note of the filter's briefing_id (dossier-export-briefing.c). */
gboolean dossier_export_write_briefing (DossierExportContext *ctx,
                                        DossierExportWriter  *w,
                                        DossierExportFormat   format,
                                        GError              **error);

G_END_DECLS
