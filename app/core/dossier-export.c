/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export.c — writing a project (or part of it) out: format names,
 * the buffered writer and escaping shared by the formats, the export
 * context (codebook, documents, filter), and writing a file atomically.
 * The formats themselves live in dossier-export-{json,csv,summary,html}.c.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>
#include <dossier/dossier-document.h>

#include "dossier-export-private.h"
#include "dossier-text-private.h"
#include "dossier-project-private.h"
#include "exchange/dossier-exchange-private.h"

G_DEFINE_QUARK (dossier-export-error-quark, dossier_export_error)

/* ---- Format names ------------------------------------------------------ */

static const struct
{
  DossierExportFormat  format;
  const char          *name;
  const char          *alias;
  const char          *extension;
} formats[] = {
  { DOSSIER_EXPORT_JSON,     "json",     NULL,  "json" },
  { DOSSIER_EXPORT_MARKDOWN, "markdown", "md",  "md" },
  { DOSSIER_EXPORT_HTML,     "html",     "htm", "html" },
  { DOSSIER_EXPORT_CSV,      "csv",      NULL,  "csv" },
  { DOSSIER_EXPORT_TEXT,     "text",     "txt", "txt" },
  { DOSSIER_EXPORT_QDPX,     "qdpx",     NULL,  "qdpx" },
  { DOSSIER_EXPORT_QDC,      "qdc",      NULL,  "qdc" },
  { DOSSIER_EXPORT_W3C,      "w3c",      "jsonld", "jsonld" },
};

gboolean
dossier_export_format_from_string (const char          *str,
                                   DossierExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (str, formats[i].name) == 0 ||
          (formats[i].alias != NULL && g_ascii_strcasecmp (str, formats[i].alias) == 0))
        {
          *format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_export_format_to_string (DossierExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].name;
  return NULL;
}

const char *
dossier_export_format_extension (DossierExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;
  return NULL;
}

/* ---- Options ----------------------------------------------------------- */

void
dossier_export_options_init (DossierExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->group_by = DOSSIER_EXPORT_GROUP_BY_DOCUMENT;
  options->headings = TRUE;
  options->offsets = FALSE;
  options->context_words = 0;
  options->memos = DOSSIER_EXPORT_MEMOS_NOTES;
}

static const char * const grouping_names[] = { "document", "tag" };
static const char * const memos_names[] = { "notes", "footnotes", "none" };

static gboolean
name_to_index (const char         *str,
               const char * const *names,
               guint               n_names,
               guint              *index)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (str, names[i]) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
dossier_export_grouping_from_string (const char            *str,
                                     DossierExportGrouping *grouping)
{
  guint i;

  g_return_val_if_fail (grouping != NULL, FALSE);

  if (!name_to_index (str, grouping_names, G_N_ELEMENTS (grouping_names), &i))
    return FALSE;
  *grouping = (DossierExportGrouping) i;
  return TRUE;
}

const char *
dossier_export_grouping_to_string (DossierExportGrouping grouping)
{
  return (guint) grouping < G_N_ELEMENTS (grouping_names) ? grouping_names[grouping] : NULL;
}

gboolean
dossier_export_memos_from_string (const char         *str,
                                  DossierExportMemos *memos)
{
  guint i;

  g_return_val_if_fail (memos != NULL, FALSE);

  if (!name_to_index (str, memos_names, G_N_ELEMENTS (memos_names), &i))
    return FALSE;
  *memos = (DossierExportMemos) i;
  return TRUE;
}

const char *
dossier_export_memos_to_string (DossierExportMemos memos)
{
  return (guint) memos < G_N_ELEMENTS (memos_names) ? memos_names[memos] : NULL;
}

/* ---- Writer ------------------------------------------------------------ */

/* Large enough that a 100 MB export is a few thousand write() calls. */
#define WRITER_CHUNK (256 * 1024)

void
dossier_export_writer_init (DossierExportWriter *w,
                            GOutputStream       *stream,
                            GCancellable        *cancellable)
{
  w->stream = stream;
  w->cancellable = cancellable;
  w->buf = g_string_sized_new (WRITER_CHUNK + 4096);
  w->error = NULL;
}

static gboolean
writer_flush (DossierExportWriter *w)
{
  if (w->error != NULL)
    {
      g_string_truncate (w->buf, 0);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (w->cancellable, &w->error))
    return FALSE;

  if (w->buf->len > 0 &&
      !g_output_stream_write_all (w->stream, w->buf->str, w->buf->len,
                                  NULL, w->cancellable, &w->error))
    {
      g_string_truncate (w->buf, 0);
      return FALSE;
    }

  g_string_truncate (w->buf, 0);
  return TRUE;
}

gboolean
dossier_export_writer_check (DossierExportWriter *w)
{
  if (w->error != NULL)
    {
      g_string_truncate (w->buf, 0);
      return FALSE;
    }
  if (w->buf->len >= WRITER_CHUNK)
    return writer_flush (w);
  return TRUE;
}

/* libxml2 output callbacks into the writer's buffer. */
static int
save_write (void       *context,
            const char *buffer,
            int         len)
{
  DossierExportWriter *w = context;

  dossier_export_writer_put (w, buffer, len);
  return dossier_export_writer_check (w) ? len : -1;
}

static int
save_close (void *context)
{
  return 0;
}

/* libxml2 would print "I/O error : write error" on stderr when the
 * stream fails; the export reports the writer's own error instead. */
static void
save_error (void        *context,
            xmlErrorPtr  error)
{
}

gboolean
dossier_export_writer_save_html (DossierExportWriter  *w,
                                 struct _xmlDoc       *doc,
                                 GError              **error)
{
  xmlSaveCtxtPtr save = xmlSaveToIO (save_write, save_close, w, "UTF-8",
                                     XML_SAVE_FORMAT | XML_SAVE_AS_HTML);
  /* Per thread in libxml2, like the save itself. */
  xmlStructuredErrorFunc saved_handler = xmlStructuredError;
  void *saved_context = xmlStructuredErrorContext;

  if (save == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Cannot create the HTML writer"));
      return FALSE;
    }

  xmlSetStructuredErrorFunc (NULL, save_error);
  xmlSaveDoc (save, doc);
  xmlSaveClose (save);
  xmlSetStructuredErrorFunc (saved_context, saved_handler);
  return TRUE;
}

struct _xmlDoc *
dossier_export_html_new (const char       *lang,
                         const char       *title,
                         const char       *subtitle,
                         const char       *stylesheet,
                         struct _xmlNode **body,
                         struct _xmlNode **header)
{
  htmlDocPtr doc = htmlNewDocNoDtD (NULL, NULL);
  g_autofree char *clean_title = dossier_text_from_elsewhere (title, FALSE);
  xmlNodePtr html, head, meta, h;

  xmlCreateIntSubset (doc, BAD_CAST "html", NULL, NULL);
  html = xmlNewNode (NULL, BAD_CAST "html");
  xmlDocSetRootElement (doc, html);
  if (lang != NULL)
    xmlSetProp (html, BAD_CAST "lang", BAD_CAST lang);

  /* The serializer adds the charset declaration itself (a second one
   * would be invalid), matching the encoding it writes. */
  head = xmlNewChild (html, NULL, BAD_CAST "head", NULL);
  meta = xmlNewChild (head, NULL, BAD_CAST "meta", NULL);
  xmlSetProp (meta, BAD_CAST "name", BAD_CAST "viewport");
  xmlSetProp (meta, BAD_CAST "content", BAD_CAST "width=device-width, initial-scale=1");
  meta = xmlNewChild (head, NULL, BAD_CAST "meta", NULL);
  xmlSetProp (meta, BAD_CAST "name", BAD_CAST "generator");
  xmlSetProp (meta, BAD_CAST "content", BAD_CAST "Dossier " PACKAGE_VERSION);
  /* xmlNewTextChild escapes, so these are text nodes; the stylesheet is
   * ours, and the HTML serializer writes it raw inside <style>. */
  xmlNewTextChild (head, NULL, BAD_CAST "title", BAD_CAST clean_title);
  xmlNewTextChild (head, NULL, BAD_CAST "style", BAD_CAST stylesheet);

  *body = xmlNewChild (html, NULL, BAD_CAST "body", NULL);
  h = xmlNewChild (*body, NULL, BAD_CAST "header", NULL);
  xmlNewTextChild (h, NULL, BAD_CAST "h1", BAD_CAST clean_title);
  if (subtitle != NULL)
    xmlSetProp (xmlNewTextChild (h, NULL, BAD_CAST "p", BAD_CAST subtitle),
                BAD_CAST "class", BAD_CAST "subtitle");
  if (header != NULL)
    *header = h;
  return doc;
}

xmlNodePtr
dossier_html_element (xmlNodePtr  parent,
                      const char *name,
                      const char *klass)
{
  xmlNodePtr node = xmlNewChild (parent, NULL, BAD_CAST name, NULL);

  if (klass != NULL)
    xmlSetProp (node, BAD_CAST "class", BAD_CAST klass);
  return node;
}

gboolean
dossier_export_writer_check_walk (DossierExportWriter *w,
                                  GError             **error)
{
  if (dossier_export_writer_check (w))
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
  return FALSE;
}

void
dossier_export_writer_printf (DossierExportWriter *w,
                              const char          *format,
                              ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (w->buf, format, args);
  va_end (args);
}

gboolean
dossier_export_writer_finish (DossierExportWriter *w,
                              GError             **error)
{
  gboolean ok = writer_flush (w);

  if (ok && !g_output_stream_flush (w->stream, w->cancellable, &w->error))
    ok = FALSE;

  g_string_free (w->buf, TRUE);
  w->buf = NULL;

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&w->error));
      return FALSE;
    }
  return TRUE;
}

/* ---- Escaping ---------------------------------------------------------- */

void
dossier_export_append_json_string (GString    *out,
                                   const char *s,
                                   gssize      len)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p, *end, *run;

  if (s == NULL)
    return;
  if (len < 0)
    len = strlen (s);

  p = run = (const guchar *) s;
  end = p + len;

  /* Copy runs of plain bytes at once; stop only on what needs escaping,
   * on multi-byte sequences (to validate them) and on invalid bytes. */
  while (p < end)
    {
      guchar c = *p;

      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
        {
          p++;
          continue;
        }

      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);

      if (c < 0x80)
        {
          switch (c)
            {
            case '"':  g_string_append_len (out, "\\\"", 2); break;
            case '\\': g_string_append_len (out, "\\\\", 2); break;
            case '\n': g_string_append_len (out, "\\n", 2); break;
            case '\t': g_string_append_len (out, "\\t", 2); break;
            case '\r': g_string_append_len (out, "\\r", 2); break;
            case '\b': g_string_append_len (out, "\\b", 2); break;
            case '\f': g_string_append_len (out, "\\f", 2); break;
            default:
              {
                char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };
                g_string_append_len (out, esc, 6);
              }
              break;
            }
          p++;
        }
      else
        {
          const char *next = NULL;
          gunichar u;

          /* g_utf8_get_char_validated stops at @max_len, so a sequence cut
           * by the end of the buffer counts as invalid, not as a read past
           * it. */
          u = g_utf8_get_char_validated ((const char *) p, end - p);
          if (u == (gunichar) -1 || u == (gunichar) -2)
            {
              g_string_append_len (out, "\xef\xbf\xbd", 3);  /* U+FFFD */
              p++;
            }
          else
            {
              next = g_utf8_next_char (p);
              /* JSON may carry these raw, but a person who reads the file
               * in a terminal or an editor would be acted on or misled by
               * them: a C1 control (U+009B is a terminal's CSI), a bidi
               * override or isolate, JavaScript's line breaks. Escaped,
               * a parser gives the same value back. */
              if (u < 0xa0 || u == 0x2028 || u == 0x2029 || dossier_text_is_bidi_control (u))
                g_string_append_printf (out, "\\u%04x", u);
              else
                g_string_append_len (out, (const char *) p, next - (const char *) p);
              p = (const guchar *) next;
            }
        }
      run = p;
    }

  if (p > run)
    g_string_append_len (out, (const char *) run, p - run);
}

void
dossier_export_append_json_value (GString    *out,
                                  const char *s)
{
  if (s == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }
  g_string_append_c (out, '"');
  dossier_export_append_json_string (out, s, -1);
  g_string_append_c (out, '"');
}

void
dossier_export_append_int (GString *out,
                           gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = '0' + (v % 10);
      v /= 10;
    }
  while (v > 0);
  if (value < 0)
    *--p = '-';

  g_string_append_len (out, p, buf + sizeof buf - p);
}

/* OWASP's advice against CSV injection: a cell a spreadsheet would read as
 * a formula (or that Excel's DDE would run) gets a leading apostrophe,
 * inside quotes, so it is shown as text. */
static gboolean
csv_starts_formula (const char *s,
                    gsize       len)
{
  if (len == 0)
    return FALSE;
  switch (s[0])
    {
    case '=': case '+': case '-': case '@': case '\t': case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

void
dossier_export_append_csv_field (GString    *out,
                                 const char *s,
                                 gssize      len)
{
  g_autofree char *clean = NULL;
  const char *p, *end;
  gboolean formula;

  if (s == NULL)
    return;
  if (len < 0)
    len = strlen (s);

  /* A spreadsheet shows controls as boxes, a terminal acts on them, and a
   * bidi override makes what follows read backwards: a cell holds none
   * (a C1 control's and a bidi one's UTF-8 begins 0xc2 or 0xe2: only then
   * is the cell looked at closer). */
  for (p = s; p < s + len; p++)
    if (((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f ||
        (guchar) *p == 0xc2 || (guchar) *p == 0xe2)
      {
        g_autofree char *copy = g_strndup (s, len);

        s = clean = dossier_text_from_elsewhere (copy, TRUE);
        len = strlen (s);
        break;
      }

  end = s + len;
  formula = csv_starts_formula (s, len);

  for (p = s; p < end && !formula; p++)
    if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n')
      break;

  if (p == end && !formula)
    {
      g_string_append_len (out, s, len);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (p = s; p < end; )
    {
      const char *q = memchr (p, '"', end - p);

      if (q == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, q - p + 1);
      g_string_append_c (out, '"');
      p = q + 1;
    }
  g_string_append_c (out, '"');
}

/* ---- Context ----------------------------------------------------------- */

/* The exporter reads the database itself, inside one read transaction: a
 * consistent snapshot even while another process (the window) commits,
 * and 100,000 highlights read with one prepared statement per document
 * instead of 100,000 objects. */

static void
export_tag_free (gpointer data)
{
  DossierExportTag *tag = data;

  g_free (tag->uuid);
  g_free (tag->name);
  g_free (tag->path);
  g_free (tag->color);
  g_free (tag->description);
  g_free (tag);
}

static void
export_document_free (gpointer data)
{
  DossierExportDocument *doc = data;

  g_free (doc->uuid);
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->outlet);
  g_free (doc->source);
  g_free (doc->published);
  g_free (doc->imported);
  g_free (doc->format);
  g_free (doc);
}

/* Empty optional metadata is the same as none in every format. */
static char *
column_dup_or_null (sqlite3_stmt *stmt,
                    int           column)
{
  const char *s = (const char *) sqlite3_column_text (stmt, column);

  /* Whatever the file holds, what is exported is valid UTF-8. */
  return (s != NULL && *s != '\0') ? dossier_text_dup_valid (s, sqlite3_column_bytes (stmt, column))
                                   : NULL;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  char *s = column_dup_or_null (stmt, column);

  return s != NULL ? s : g_strdup ("");
}

const char *
dossier_export_context_column_text (DossierExportContext *ctx,
                                    sqlite3_stmt         *stmt,
                                    int                   column)
{
  const char *s = (const char *) sqlite3_column_text (stmt, column);
  GPtrArray *repaired;
  int n;

  if (s == NULL)
    return NULL;
  n = sqlite3_column_bytes (stmt, column);
  if (G_LIKELY (dossier_text_validate_stored (s, n, NULL)))
    return s;

  /* Kept per statement and column, until the next repair there: as long
   * as the row's own text would have lived. */
  repaired = g_hash_table_lookup (ctx->repaired, stmt);
  if (repaired == NULL)
    {
      repaired = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (ctx->repaired, stmt, repaired);
    }
  if (repaired->len <= (guint) column)
    g_ptr_array_set_size (repaired, column + 1);
  g_free (repaired->pdata[column]);
  repaired->pdata[column] = dossier_text_dup_valid (s, n);

  return repaired->pdata[column];
}

void
dossier_export_context_set_db_error (DossierExportContext  *ctx,
                                     GError               **error)
{
  int rc = sqlite3_extended_errcode (ctx->db);
  g_autofree char *name = NULL;

  switch (rc & 0xff)
    {
    /* What the project says of a file it cannot read (a failing disk, a
     * damaged or busy file, one replaced under it), in the same words. */
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
    case SQLITE_INTERRUPT:
      dossier_project_set_db_error (ctx->project, error, rc);
      return;
    default:
      break;
    }

  /* Anything else (a table gone, a changed schema) is another program's
   * doing, unless the file was moved or overwritten (which the user is
   * told). SQLite's English says nothing more to the user: the log. */
  g_debug ("%s: %s", dossier_project_get_path (ctx->project), sqlite3_errmsg (ctx->db));
  if (!dossier_project_verify_in_place (ctx->project, error))
    return;
  name = dossier_display_name (dossier_project_get_path (ctx->project));
  g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
               _("Could not read “%s” to export it: another program may have changed it. "
                 "Close the project, open it again and export again; if that fails, "
                 "run “dossier-cli check” on it."), name);
}

sqlite3_stmt *
dossier_export_context_prepare (DossierExportContext  *ctx,
                                const char            *sql,
                                GError               **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (ctx->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (ctx->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      dossier_export_context_set_db_error (ctx, error);
      return NULL;
    }
  g_hash_table_insert (ctx->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps once; FALSE with @error on a database error. */
static gboolean
step (DossierExportContext *ctx,
      sqlite3_stmt         *stmt,
      gboolean             *row,
      GError              **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *row = rc == SQLITE_ROW;
      return TRUE;
    }
  dossier_export_context_set_db_error (ctx, error);
  return FALSE;
}

gboolean
dossier_export_context_step (DossierExportContext *ctx,
                             sqlite3_stmt         *stmt,
                             gboolean             *row,
                             GError              **error)
{
  return step (ctx, stmt, row, error);
}

void
dossier_export_context_free (DossierExportContext *ctx)
{
  if (ctx == NULL)
    return;

  if (ctx->statements != NULL)
    {
      GHashTableIter iter;
      gpointer stmt;

      g_hash_table_iter_init (&iter, ctx->statements);
      while (g_hash_table_iter_next (&iter, NULL, &stmt))
        sqlite3_finalize (stmt);
      g_hash_table_unref (ctx->statements);
    }
  /* End the snapshot: a read transaction left open would keep the WAL
   * from being checkpointed. */
  if (ctx->in_transaction && ctx->db != NULL)
    sqlite3_exec (ctx->db, "COMMIT", NULL, NULL, NULL);

  g_clear_pointer (&ctx->repaired, g_hash_table_unref);
  g_clear_object (&ctx->project);
  g_clear_object (&ctx->cancellable);
  g_free (ctx->title);
  g_free (ctx->uuid);
  g_clear_pointer (&ctx->tags, g_ptr_array_unref);
  g_clear_pointer (&ctx->tag_by_id, g_hash_table_unref);
  g_clear_pointer (&ctx->documents, g_ptr_array_unref);
  dossier_export_context_clear_tag_index (ctx);
  g_free (ctx);
}

void
dossier_export_context_shorten (DossierExportContext  *ctx,
                                char                 **text,
                                gsize                  max_chars)
{
  if (!ctx->whole && *text != NULL && strlen (*text) > max_chars)
    {
      char *shown = dossier_text_shorten (*text, max_chars);

      g_free (*text);
      *text = shown;
    }
}

char *
dossier_export_context_name (DossierExportContext *ctx,
                             const char           *text,
                             gsize                 max_chars)
{
  if (ctx->whole)
    return g_strdup (text != NULL ? text : "");
  return dossier_text_shorten (text, max_chars);
}

/* Children of @parent_id by position, depth first: the codebook's order. */
static void
order_tags (DossierExportContext *ctx,
            GHashTable           *children,
            gint64                parent_id,
            const char           *parent_path,
            guint                 depth,
            gboolean              parent_selected)
{
  GPtrArray *kids = g_hash_table_lookup (children, &parent_id);

  if (kids == NULL || depth >= DOSSIER_TAG_MAX_DEPTH)
    return;

  for (guint i = 0; i < kids->len; i++)
    {
      DossierExportTag *t = g_ptr_array_index (kids, i);

      /* Each tag once, as the core's codebook lays it out: a tag whose
       * id is 0 (a damaged file's) is among the top level's "children"
       * and has none of its own — walking into it listed every top-level
       * tag again under it, and freed each twice. */
      if (t->path != NULL)
        continue;
      t->depth = depth;
      t->path = parent_path != NULL ? g_strconcat (parent_path, "/", t->name, NULL)
                                    : g_strdup (t->name);
      t->selected = ctx->filter.tag_id == 0 || parent_selected || t->id == ctx->filter.tag_id;
      t->order = ctx->tags->len;
      g_ptr_array_add (ctx->tags, t);
      if (t->id != 0)
        order_tags (ctx, children, t->id, t->path, depth + 1, t->selected);
    }
}

static gboolean
load_tags (DossierExportContext *ctx,
           GError              **error)
{
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  gboolean row;

  /* Names read no longer than they are written (see load_documents ()). */
  stmt = dossier_export_context_prepare (ctx, ctx->whole
                                         ? "SELECT id, uuid, name, ifnull (parent, 0), color, "
                                           "description FROM tags ORDER BY position, id"
                                         : "SELECT t.id, t.uuid, "
                                           DOSSIER_SQL_SHOWN_ROW ("tags", "t", "name", DOSSIER_TAG_MAX_NAME) ", "
                                           "ifnull (t.parent, 0), t.color, t.description "
                                           "FROM tags t ORDER BY t.position, t.id", error);
  if (stmt == NULL)
    return FALSE;

  while (step (ctx, stmt, &row, error) && row)
    {
      DossierExportTag *t = g_new0 (DossierExportTag, 1);
      GPtrArray *kids;

      t->id = sqlite3_column_int64 (stmt, 0);
      t->uuid = column_dup (stmt, 1);
      t->name = column_dup (stmt, 2);
      dossier_export_context_shorten (ctx, &t->name, DOSSIER_TAG_MAX_NAME);
      t->parent_id = sqlite3_column_int64 (stmt, 3);
      t->color = column_dup (stmt, 4);
      t->description = column_dup (stmt, 5);
      g_ptr_array_add (all, t);

      kids = g_hash_table_lookup (children, &t->parent_id);
      if (kids == NULL)
        {
          kids = g_ptr_array_new ();
          g_hash_table_insert (children, &t->parent_id, kids);
        }
      g_ptr_array_add (kids, t);
    }
  sqlite3_reset (stmt);

  ctx->tags = g_ptr_array_new_full (all->len, export_tag_free);
  order_tags (ctx, children, 0, NULL, 0, FALSE);

  /* A tag whose parent is missing (a damaged file) is still exported, at
   * the end, rather than dropped. */
  for (guint i = 0; i < all->len; i++)
    {
      DossierExportTag *t = g_ptr_array_index (all, i);

      if (t->path == NULL)
        {
          t->path = g_strdup (t->name);
          t->selected = ctx->filter.tag_id == 0 || t->id == ctx->filter.tag_id;
          t->order = ctx->tags->len;
          g_ptr_array_add (ctx->tags, t);
        }
    }

  for (guint i = 0; i < ctx->tags->len; i++)
    {
      DossierExportTag *t = g_ptr_array_index (ctx->tags, i);

      g_hash_table_insert (ctx->tag_by_id, &t->id, t);
    }

  return error == NULL || *error == NULL;
}

static gboolean
load_documents (DossierExportContext *ctx,
                GError              **error)
{
  sqlite3_stmt *stmt;
  gboolean row;

  /* Unless the context keeps values whole, titles and names are read no
   * further than they are written, as opening reads them: one of 10 MB
   * (a file from someone else) was copied whole out of SQLite, then cut. */
  stmt = dossier_export_context_prepare (ctx, ctx->whole
                                         ? "SELECT id, uuid, title, author, outlet, source, "
                                           "published, imported, format FROM documents "
                                           "WHERE ?1 = 0 OR id = ?1 ORDER BY id"
                                         : "SELECT d.id, d.uuid, "
                                           DOSSIER_SQL_SHOWN_ROW ("documents", "d", "title", DOSSIER_DOCUMENT_MAX_TITLE) ", "
                                           DOSSIER_SQL_SHOWN_ROW ("documents", "d", "author", DOSSIER_DOCUMENT_MAX_AUTHOR) ", "
                                           DOSSIER_SQL_SHOWN_ROW ("documents", "d", "outlet", DOSSIER_DOCUMENT_MAX_OUTLET) ", "
                                           DOSSIER_SQL_SHOWN_ROW ("documents", "d", "source", DOSSIER_SHOWN_CHARS) ", "
                                           "d.published, d.imported, d.format FROM documents d "
                                           "WHERE ?1 = 0 OR d.id = ?1 ORDER BY d.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->filter.document_id);

  ctx->documents = g_ptr_array_new_with_free_func (export_document_free);
  while (step (ctx, stmt, &row, error) && row)
    {
      DossierExportDocument *d = g_new0 (DossierExportDocument, 1);

      d->id = sqlite3_column_int64 (stmt, 0);
      d->uuid = column_dup (stmt, 1);
      d->title = column_dup (stmt, 2);
      d->author = column_dup_or_null (stmt, 3);
      d->outlet = column_dup_or_null (stmt, 4);
      d->source = column_dup_or_null (stmt, 5);
      d->published = column_dup_or_null (stmt, 6);
      d->imported = column_dup_or_null (stmt, 7);
      d->format = column_dup_or_null (stmt, 8);
      /* A title or an outlet of a megabyte (a file from someone else)
       * cut to the most Dossier writes in it, unless the context keeps
       * values whole (JSON, REFI-QDA); a source, which has no most, to
       * what the window shows of it. */
      dossier_export_context_shorten (ctx, &d->title, DOSSIER_DOCUMENT_MAX_TITLE);
      dossier_export_context_shorten (ctx, &d->author, DOSSIER_DOCUMENT_MAX_AUTHOR);
      dossier_export_context_shorten (ctx, &d->outlet, DOSSIER_DOCUMENT_MAX_OUTLET);
      dossier_export_context_shorten (ctx, &d->source, DOSSIER_SHOWN_CHARS);
      g_ptr_array_add (ctx->documents, d);
    }
  sqlite3_reset (stmt);

  return error == NULL || *error == NULL;
}

DossierExportContext *
dossier_export_context_new (DossierProject            *project,
                            const DossierExportFilter *filter,
                            gboolean                   whole,
                            GCancellable              *cancellable,
                            GError                   **error)
{
  g_autoptr(DossierExportContext) ctx = g_new0 (DossierExportContext, 1);
  sqlite3_stmt *stmt;
  gboolean row;

  ctx->project = g_object_ref (project);
  ctx->whole = whole;
  ctx->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  if (filter != NULL)
    ctx->filter = *filter;
  /* A briefing note is exported whole, with every document it cites. */
  if (ctx->filter.briefing_id != 0)
    ctx->filter.document_id = ctx->filter.tag_id = 0;
  dossier_export_options_init (&ctx->options);
  ctx->statements = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->repaired = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  ctx->tag_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!dossier_project_ensure_open (project, error))
    return NULL;
  ctx->db = dossier_project_get_db (project);

  if (sqlite3_get_autocommit (ctx->db))
    {
      if (sqlite3_exec (ctx->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        {
          dossier_export_context_set_db_error (ctx, error);
          return NULL;
        }
      ctx->in_transaction = TRUE;
    }

  stmt = dossier_export_context_prepare (ctx, whole ? "SELECT uuid, title FROM project WHERE id = 1"
                                                    : "SELECT p.uuid, "
                                                      DOSSIER_SQL_SHOWN_ROW ("project", "p", "title",
                                                                             DOSSIER_PROJECT_MAX_TITLE)
                                                      " FROM project p WHERE p.id = 1", error);
  if (stmt == NULL || !step (ctx, stmt, &row, error))
    return NULL;
  if (row)
    {
      ctx->uuid = column_dup (stmt, 0);
      ctx->title = column_dup (stmt, 1);
      dossier_export_context_shorten (ctx, &ctx->title, DOSSIER_PROJECT_MAX_TITLE);
    }
  else
    {
      ctx->uuid = g_strdup (dossier_project_get_uuid (project));
      ctx->title = g_strdup (dossier_project_get_title (project));
    }
  sqlite3_reset (stmt);

  if (!load_tags (ctx, error) || !load_documents (ctx, error))
    return NULL;

  if (ctx->filter.document_id != 0 && ctx->documents->len == 0)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND,
                   _("There is no document with id %" PRId64 " in “%s”"),
                   ctx->filter.document_id, dossier_project_get_path (project));
      return NULL;
    }
  if (ctx->filter.tag_id != 0 && dossier_export_context_get_tag (ctx, ctx->filter.tag_id) == NULL)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND,
                   _("There is no tag with id %" PRId64 " in “%s”"),
                   ctx->filter.tag_id, dossier_project_get_path (project));
      return NULL;
    }

  return g_steal_pointer (&ctx);
}

DossierExportTag *
dossier_export_context_get_tag (DossierExportContext *ctx,
                                gint64                tag_id)
{
  return g_hash_table_lookup (ctx->tag_by_id, &tag_id);
}

gboolean
dossier_export_highlight_selected (DossierExportContext         *ctx,
                                   const DossierExportHighlight *h)
{
  if (ctx->filter.tag_id == 0)
    return TRUE;

  for (guint i = 0; i < h->n_tags; i++)
    {
      DossierExportTag *tag = dossier_export_context_get_tag (ctx, h->tag_ids[i]);

      if (tag != NULL && tag->selected)
        return TRUE;
    }
  return FALSE;
}

char *
dossier_export_context_get_text (DossierExportContext *ctx,
                                 gint64                document_id,
                                 GError              **error)
{
  sqlite3_stmt *stmt;
  gboolean row;
  const char *text;
  gint64 length = 0;
  char *copy;
  int n_bytes;

  stmt = dossier_export_context_prepare (ctx, "SELECT text, length FROM documents WHERE id = ?1",
                                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (!step (ctx, stmt, &row, error))
    return NULL;
  if (!row)
    {
      sqlite3_reset (stmt);
      return g_strdup ("");
    }

  /* Offsets into the text are exported with it, and read against it: it
   * must be what it says it is, and so must they. */
  text = (const char *) sqlite3_column_text (stmt, 0);
  n_bytes = sqlite3_column_bytes (stmt, 0);
  if (text == NULL || !dossier_text_validate_stored (text, n_bytes, &length) ||
      length != sqlite3_column_int64 (stmt, 1))
    {
      g_autofree char *name = g_path_get_basename (dossier_project_get_path (ctx->project));

      sqlite3_reset (stmt);
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_DAMAGED,
                   _("Document %" PRId64 " of “%s” is damaged (its text is not valid UTF-8, "
                     "or not as long as recorded), so it cannot be exported. "
                     "“dossier-cli check” lists what is wrong; open a backup copy."),
                   document_id, name);
      return NULL;
    }
  copy = g_strndup (text, n_bytes);
  sqlite3_reset (stmt);

  if (!dossier_project_require_sound_ranges (ctx->project, document_id, length, error))
    {
      g_free (copy);
      return NULL;
    }

  return copy;
}

GArray *
dossier_export_context_get_blocks (DossierExportContext *ctx,
                                   gint64                document_id,
                                   GError              **error)
{
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  sqlite3_stmt *stmt;
  gboolean row;

  stmt = dossier_export_context_prepare (ctx,
                                         "SELECT start, end, kind, level FROM blocks "
                                         "WHERE document = ?1 ORDER BY start, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);

  while (step (ctx, stmt, &row, error) && row)
    {
      DossierBlock block = { 0, };

      block.start = sqlite3_column_int64 (stmt, 0);
      block.end = sqlite3_column_int64 (stmt, 1);
      if (!dossier_block_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &block.kind))
        block.kind = DOSSIER_BLOCK_PARAGRAPH;
      block.level = dossier_column_int_within (stmt, 3, 0, G_MAXINT);
      g_array_append_val (blocks, block);
    }
  sqlite3_reset (stmt);

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&blocks);
}

/* ---- Entry points ------------------------------------------------------ */

gboolean
dossier_export_to_stream (DossierProject             *project,
                          DossierExportFormat         format,
                          const DossierExportFilter  *filter,
                          const DossierExportOptions *options,
                          GOutputStream              *stream,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(DossierExportContext) ctx = NULL;
  DossierExportWriter w;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (dossier_export_format_to_string (format) == NULL)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT,
                   _("Unknown export format %d"), (int) format);
      return FALSE;
    }

  /* JSON and REFI-QDA carry the project to another program, which may
   * need every value as it is: an exchange format that loses data is
   * worse than a large file (and each name is written once in them). */
  ctx = dossier_export_context_new (project, filter,
                                    format == DOSSIER_EXPORT_JSON || format == DOSSIER_EXPORT_QDPX ||
                                    format == DOSSIER_EXPORT_QDC,
                                    cancellable, error);
  if (ctx == NULL)
    return FALSE;
  if (options != NULL)
    {
      ctx->options = *options;
      if (dossier_export_grouping_to_string (ctx->options.group_by) == NULL)
        ctx->options.group_by = DOSSIER_EXPORT_GROUP_BY_DOCUMENT;
      if (dossier_export_memos_to_string (ctx->options.memos) == NULL)
        ctx->options.memos = DOSSIER_EXPORT_MEMOS_NOTES;
      if (dossier_exchange_profile_get (ctx->options.target) == NULL)
        ctx->options.target = DOSSIER_EXCHANGE_TARGET_STANDARD;
      ctx->options.context_words = MIN (ctx->options.context_words,
                                        DOSSIER_EXPORT_MAX_CONTEXT_WORDS);
    }

  dossier_export_writer_init (&w, stream, cancellable);

  if (ctx->filter.briefing_id != 0)
    ok = dossier_export_write_briefing (ctx, &w, format, &local_error);
  else
    {
      switch (format)
        {
        case DOSSIER_EXPORT_JSON:
          ok = dossier_export_write_json (ctx, &w, &local_error);
          break;
        case DOSSIER_EXPORT_CSV:
          ok = dossier_export_write_csv (ctx, &w, &local_error);
          break;
        case DOSSIER_EXPORT_MARKDOWN:
        case DOSSIER_EXPORT_TEXT:
        case DOSSIER_EXPORT_HTML:
          ok = dossier_export_write_summary (ctx, &w, format, &local_error);
          break;
        case DOSSIER_EXPORT_QDPX:
          ok = dossier_exchange_write_qdpx (ctx, &w, &local_error);
          break;
        case DOSSIER_EXPORT_QDC:
          ok = dossier_exchange_write_qdc (ctx, &w, &local_error);
          break;
        case DOSSIER_EXPORT_W3C:
          ok = dossier_exchange_write_w3c (ctx, &w, &local_error);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* A write error kept by the writer is the real cause; prefer it over a
   * format's own error, which may only be its consequence (a walk
   * stopped with dossier_export_writer_check_walk()'s stand-in). */
  if (w.error != NULL)
    g_clear_error (&local_error);
  if (!dossier_export_writer_finish (&w, local_error == NULL ? error : NULL) || !ok)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* ---- Destinations ------------------------------------------------------ */

/* Why a file could not be written, for the usual failures in words that
 * say what to do (the file is written beside, then renamed: nothing is
 * left half-written); else the system's words. */
static const char *
write_failure (int saved_errno)
{
  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
      return _("you are not allowed to write there; choose another folder");
    case EROFS:
      return _("the disk is read-only; choose another place");
    case ENOSPC:
    case EDQUOT:
      return _("the disk is full; free some space, or choose another place");
    case ENOENT:
    case ENOTDIR:
      return _("its folder does not exist; choose one that does");
    default:
      return g_strerror (saved_errno);
    }
}

static gboolean
set_io_error (GError    **error,
              const char *path,
              int         saved_errno)
{
  g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
               _("Cannot write “%s”: %s"), path, write_failure (saved_errno));
  return FALSE;
}

/* The same for a GIO write error (@io_error). */
static void
set_stream_error (GError       **error,
                  const char    *path,
                  const GError  *io_error)
{
  static const struct { GIOErrorEnum code; int errnum; } known[] = {
    { G_IO_ERROR_PERMISSION_DENIED, EACCES },
    { G_IO_ERROR_READ_ONLY, EROFS },
    { G_IO_ERROR_NO_SPACE, ENOSPC },
    { G_IO_ERROR_NOT_FOUND, ENOENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_error_matches (io_error, G_IO_ERROR, known[i].code))
      {
        set_io_error (error, path, known[i].errnum);
        return;
      }
  g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
               _("Cannot write “%s”: %s"), path, io_error->message);
}

/* The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or
 * /proc/self/fd/N names, or -1. Writing to a dup of it keeps what the
 * shell set up (its offset, O_APPEND); opening the path anew would start
 * at offset 0 of a redirected file, and following the link would replace
 * that file. */
static int
descriptor_of_path (const char *path)
{
  const char *number = NULL;
  char *end;
  gint64 fd;

  if (strcmp (path, "/dev/stdout") == 0)
    return STDOUT_FILENO;
  if (strcmp (path, "/dev/stderr") == 0)
    return STDERR_FILENO;
  if (g_str_has_prefix (path, "/dev/fd/"))
    number = path + strlen ("/dev/fd/");
  else if (g_str_has_prefix (path, "/proc/self/fd/"))
    number = path + strlen ("/proc/self/fd/");
  if (number == NULL || !g_ascii_isdigit (*number))
    return -1;

  fd = g_ascii_strtoll (number, &end, 10);
  return *end == '\0' && fd <= G_MAXINT ? (int) fd : -1;
}

/* Follows @path's symbolic links (as many as the kernel would) to the name
 * that is really written: *@resolved, with *@exists and its *@st. A name
 * that does not exist yet (or a link pointing at one) is created there. */
static gboolean
resolve_destination (const char  *path,
                     char       **resolved,
                     gboolean    *exists,
                     struct stat *st,
                     GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= 40; hops++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GError) link_error = NULL;

      if (lstat (current, st) != 0)
        {
          int saved_errno = errno;

          if (saved_errno != ENOENT)
            return set_io_error (error, path, saved_errno);
          *exists = FALSE;
          *resolved = g_steal_pointer (&current);
          return TRUE;
        }

      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          *resolved = g_steal_pointer (&current);
          return TRUE;
        }

      target = g_file_read_link (current, &link_error);
      if (target == NULL)
        return set_io_error (error, path, EINVAL);
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          char *joined = g_build_filename (dir, target, NULL);

          g_free (target);
          target = joined;
        }
      g_free (current);
      current = g_steal_pointer (&target);
    }

  return set_io_error (error, path, ELOOP);
}

/* Creates a hidden temporary file beside @path (same directory, so the
 * final rename is atomic) and returns its name and an open descriptor.
 * open() with 0666 lets the umask decide the mode of a new file, as for
 * any document the user saves. */
static char *
create_temp_beside (const char  *path,
                    const char  *shown_path,
                    int         *fd_out,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *tmp = g_strdup_printf ("%s/.%s.%08x.tmp", dir, base, g_random_int ());
      int fd = open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);

      if (fd >= 0)
        {
          *fd_out = fd;
          return g_steal_pointer (&tmp);
        }
      if (errno != EEXIST)
        {
          set_io_error (error, shown_path, errno);
          return NULL;
        }
    }

  g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
               _("Cannot write “%s”: no temporary file could be created beside it"), shown_path);
  return NULL;
}

/* Opens a pipe or character device for writing, without creating or
 * truncating anything. A pipe nobody reads yet would block open() (and a
 * cancel with it), so it is opened non-blocking and retried until a
 * reader comes or @cancellable fires. */
static int
open_write_through (const char    *path,
                    const char    *shown_path,
                    gboolean       fifo,
                    GCancellable  *cancellable,
                    GError       **error)
{
  struct stat st;
  int fd, flags;

  for (;;)
    {
      fd = open (path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
      if (fd >= 0 || errno != ENXIO || !fifo)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      g_usleep (20 * 1000);
    }
  if (fd < 0)
    {
      set_io_error (error, shown_path, errno);
      return -1;
    }

  /* Still what was looked at: nothing swapped a regular file in, which
   * this would write into without truncating. */
  if (fstat (fd, &st) != 0 || !(S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode)))
    {
      close (fd);
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
                   _("Cannot write “%s”: it changed while it was being opened; try again"),
                   shown_path);
      return -1;
    }

  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

/* Exports into an open descriptor that is not replaced (a pipe, a device,
 * the shell's stdout); takes @fd. */
static gboolean
export_through (int                     fd,
                const char             *shown_path,
                DossierExportWriteFunc  write_func,
                gpointer                user_data,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(GOutputStream) stream = g_unix_output_stream_new (fd, TRUE);
  g_autoptr(GError) local_error = NULL;

  if (write_func (stream, user_data, cancellable, &local_error) &&
      g_output_stream_close (stream, cancellable, &local_error))
    return TRUE;

  if (local_error->domain == G_IO_ERROR &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_stream_error (error, shown_path, local_error);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
refuse_destination (const char  *path,
                    mode_t       mode,
                    GError     **error)
{
  const char *why;

  if (S_ISDIR (mode))
    why = _("it is a folder; choose a file name");
  else if (S_ISBLK (mode))
    why = _("it is a disk device, not a file; choose a file name");
  else if (S_ISSOCK (mode))
    why = _("it is a socket, not a file; choose a file name");
  else
    why = _("it is not a file; choose a file name");

  g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
               _("Cannot write “%s”: %s"), path, why);
  return FALSE;
}

static gboolean
sync_fd (int      fd,
         GError **error)
{
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_export_write_to_path (const char             *path,
                              DossierExportWriteFunc  write_func,
                              gpointer                user_data,
                              GCancellable           *cancellable,
                              GError                **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat st;
  gboolean exists = FALSE;
  gboolean ok;
  int descriptor;
  int fd = -1;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  descriptor = descriptor_of_path (path);
  if (descriptor >= 0)
    {
      fd = fcntl (descriptor, F_DUPFD_CLOEXEC, 3);
      if (fd < 0)
        return set_io_error (error, path, errno);
      return export_through (fd, path, write_func, user_data, cancellable, error);
    }

  if (!resolve_destination (path, &resolved, &exists, &st, error))
    return FALSE;

  if (exists && (S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode)))
    {
      fd = open_write_through (resolved, path, S_ISFIFO (st.st_mode), cancellable, error);
      if (fd < 0)
        return FALSE;
      return export_through (fd, path, write_func, user_data, cancellable, error);
    }
  if (exists && !S_ISREG (st.st_mode))
    return refuse_destination (path, st.st_mode, error);
  if (exists && dossier_file_is_project_or_part (resolved))
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
                   _("Cannot write “%s”: it is a Dossier project, or part of one, which the "
                     "export would replace; choose another name"), path);
      return FALSE;
    }
  /* A read-only file is protected: replacing it through its writable
   * folder would silently defeat that (root included, as for projects). */
  if (exists && ((st.st_mode & 0222) == 0 || access (resolved, W_OK) != 0))
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
                   _("Cannot write “%s”: it is read-only; choose another name or make it writable"),
                   path);
      return FALSE;
    }

  tmp = create_temp_beside (resolved, path, &fd, error);
  if (tmp == NULL)
    return FALSE;
  /* The replacement keeps the permissions of what it replaces (a private
   * file stays private). */
  if (exists)
    fchmod (fd, st.st_mode & 07777);

  stream = g_unix_output_stream_new (fd, FALSE);
  ok = write_func (stream, user_data, cancellable, &local_error) &&
       g_output_stream_close (stream, cancellable, &local_error);

  /* Make the bytes durable before the rename makes them visible, so a
   * crash never leaves an empty file under the real name. */
  ok = ok && sync_fd (fd, &local_error);
  close (fd);

  if (ok && g_rename (tmp, resolved) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    {
      g_unlink (tmp);

      /* Errors of the export itself (unknown tag, cancelled) keep their
       * domain; I/O failures say which file could not be written. */
      if (local_error->domain != G_IO_ERROR ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_stream_error (error, path, local_error);
      return FALSE;
    }

  /* The rename itself is durable once the folder is synced. */
  {
    g_autofree char *dir = g_path_get_dirname (resolved);
    int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        close (dir_fd);
      }
  }

  return TRUE;
}

typedef struct
{
  DossierProject             *project;
  DossierExportFormat         format;
  const DossierExportFilter  *filter;
  const DossierExportOptions *options;
} ExportCall;

static gboolean
write_export (GOutputStream  *stream,
              gpointer        user_data,
              GCancellable   *cancellable,
              GError        **error)
{
  ExportCall *call = user_data;

  return dossier_export_to_stream (call->project, call->format, call->filter, call->options,
                                   stream, cancellable, error);
}

gboolean
dossier_export_to_file (DossierProject             *project,
                        DossierExportFormat         format,
                        const DossierExportFilter  *filter,
                        const DossierExportOptions *options,
                        const char                 *path,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  ExportCall call = { project, format, filter, options };

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return dossier_export_write_to_path (path, write_export, &call, cancellable, error);
}

/* ---- Highlights -------------------------------------------------------- */

/* Every highlight's tags, read in one pass over highlight_tags and kept as
 * sorted arrays (highlight ids, offsets into one array of tag ids): a
 * binary search per highlight then replaces a join, which costs two more
 * B-tree seeks per row. */
struct _DossierExportTagIndex
{
  GArray *highlights;  /* gint64, ascending, unique */
  GArray *offsets;     /* guint: start in @tags of each highlight's tags; one more at the end */
  GArray *tags;        /* gint64 */
};

static void
tag_index_free (DossierExportTagIndex *index)
{
  g_array_unref (index->highlights);
  g_array_unref (index->offsets);
  g_array_unref (index->tags);
  g_free (index);
}

static DossierExportTagIndex *
get_tag_index (DossierExportContext  *ctx,
               GError               **error)
{
  DossierExportTagIndex *index;
  sqlite3_stmt *stmt;
  gboolean row;
  gint64 last = G_MININT64;

  if (ctx->tag_index != NULL)
    return ctx->tag_index;

  /* The sort is over small rows; the position column is only in the table. */
  stmt = dossier_export_context_prepare (ctx,
                                         "SELECT highlight, tag FROM highlight_tags "
                                         "ORDER BY highlight, position, tag", error);
  if (stmt == NULL)
    return NULL;

  index = g_new0 (DossierExportTagIndex, 1);
  index->highlights = g_array_new (FALSE, FALSE, sizeof (gint64));
  index->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  index->tags = g_array_new (FALSE, FALSE, sizeof (gint64));

  while (step (ctx, stmt, &row, error) && row)
    {
      gint64 highlight = sqlite3_column_int64 (stmt, 0);
      gint64 tag = sqlite3_column_int64 (stmt, 1);

      if (highlight != last)
        {
          guint offset = index->tags->len;

          g_array_append_val (index->highlights, highlight);
          g_array_append_val (index->offsets, offset);
          last = highlight;
        }
      g_array_append_val (index->tags, tag);
    }
  sqlite3_reset (stmt);

  if (error != NULL && *error != NULL)
    {
      tag_index_free (index);
      return NULL;
    }

  {
    guint end = index->tags->len;

    g_array_append_val (index->offsets, end);
  }
  ctx->tag_index = index;
  return index;
}

guint
dossier_export_count_below (const GArray *sorted,
                            gint64        value)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (sorted, gint64, mid) < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static const gint64 *
lookup_tags (DossierExportTagIndex *index,
             gint64                 highlight,
             guint                 *n_tags)
{
  guint i = dossier_export_count_below (index->highlights, highlight);

  if (i < index->highlights->len && g_array_index (index->highlights, gint64, i) == highlight)
    {
      guint start = g_array_index (index->offsets, guint, i);

      *n_tags = g_array_index (index->offsets, guint, i + 1) - start;
      return &g_array_index (index->tags, gint64, start);
    }

  *n_tags = 0;
  return NULL;
}

void
dossier_export_context_clear_tag_index (DossierExportContext *ctx)
{
  g_clear_pointer (&ctx->tag_index, tag_index_free);
}

static const char *
column_text_or_empty (DossierExportContext *ctx,
                      sqlite3_stmt         *stmt,
                      int                   column)
{
  const char *s = dossier_export_context_column_text (ctx, stmt, column);

  return s != NULL ? s : "";
}

/* Each row is one highlight; its strings point into the row, valid until
 * the next step, which is all the callbacks need. */
static gboolean
foreach_rows (DossierExportContext       *ctx,
              sqlite3_stmt               *stmt,
              gboolean                    orphans,
              DossierExportHighlightFunc  func,
              gpointer                    user_data,
              GError                    **error)
{
  DossierExportTagIndex *index = get_tag_index (ctx, error);
  gboolean row;
  guint n = 0;

  if (index == NULL)
    return FALSE;

  while (step (ctx, stmt, &row, error) && row)
    {
      DossierExportHighlight h;

      if (++n % 1024 == 0 && g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;

      h.id = sqlite3_column_int64 (stmt, 0);
      /* A highlight without a tag is evidence for a stakeholder or an
       * argument: listed under no tag (a tag filter leaves it out). */
      h.tag_ids = lookup_tags (index, h.id, &h.n_tags);

      h.uuid = column_text_or_empty (ctx, stmt, 1);
      h.document_id = sqlite3_column_int64 (stmt, 2);
      h.start = sqlite3_column_int64 (stmt, 3);
      h.end = sqlite3_column_int64 (stmt, 4);
      h.quote = column_text_or_empty (ctx, stmt, 5);
      h.memo = column_text_or_empty (ctx, stmt, 6);
      h.author = column_text_or_empty (ctx, stmt, 7);
      h.created = column_text_or_empty (ctx, stmt, 8);
      h.modified = column_text_or_empty (ctx, stmt, 9);
      h.prefix = orphans ? column_text_or_empty (ctx, stmt, 10) : NULL;
      h.suffix = orphans ? column_text_or_empty (ctx, stmt, 11) : NULL;

      if (dossier_export_highlight_selected (ctx, &h) && !func (&h, user_data, error))
        return FALSE;
    }

  return error == NULL || *error == NULL;
}

gboolean
dossier_export_context_foreach_highlight (DossierExportContext       *ctx,
                                          gint64                      document_id,
                                          DossierExportHighlightFunc  func,
                                          gpointer                    user_data,
                                          GError                    **error)
{
  /* Per document: the (document, orphaned, start, end) index gives the
   * order without sorting. Orphaned highlights (their passage vanished
   * from a newer text) have stale offsets and are not listed here; see
   * dossier_export_context_foreach_orphan(). */
  sqlite3_stmt *stmt = dossier_export_context_prepare (ctx,
      "SELECT id, uuid, document, start, end, quote, memo, author, created, modified "
      "FROM highlights WHERE document = ?1 AND orphaned = 0 ORDER BY start, end, id", error);

  if (stmt == NULL)
    return FALSE;

  for (guint d = 0; d < ctx->documents->len; d++)
    {
      DossierExportDocument *doc = g_ptr_array_index (ctx->documents, d);
      g_autoptr(GError) local_error = NULL;
      gboolean ok;

      if (document_id != 0 && doc->id != document_id)
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, doc->id);
      ok = foreach_rows (ctx, stmt, FALSE, func, user_data, &local_error);
      sqlite3_reset (stmt);
      if (!ok)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
dossier_export_context_foreach_orphan (DossierExportContext       *ctx,
                                       DossierExportHighlightFunc  func,
                                       gpointer                    user_data,
                                       GError                    **error)
{
  sqlite3_stmt *stmt = dossier_export_context_prepare (ctx,
      "SELECT id, uuid, document, start, end, quote, memo, author, created, modified, "
      "  prefix, suffix "
      "FROM highlights WHERE orphaned = 1 AND (?1 = 0 OR document = ?1) "
      "AND " DOSSIER_SQL_DOCUMENT_EXISTS ("highlights.document") " "
      "ORDER BY document, id", error);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->filter.document_id);
  ok = foreach_rows (ctx, stmt, TRUE, func, user_data, &local_error);
  sqlite3_reset (stmt);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}
