/* dossier-export.c — writing a project (or part of it) out: format names,
 * the buffered writer and escaping shared by the formats, the export
 * context (codebook, documents, filter), and writing a file atomically.
 * The formats themselves live in dossier-export-{json,csv,summary,html}.c.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dossier-export-private.h"

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

      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
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
              if (u == 0x2028 || u == 0x2029)
                g_string_append (out, u == 0x2028 ? "\\u2028" : "\\u2029");
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
dossier_export_append_csv_field (GString    *out,
                                 const char *s,
                                 gssize      len)
{
  const char *p, *end;

  if (s == NULL)
    return;
  if (len < 0)
    len = strlen (s);
  end = s + len;

  for (p = s; p < end; p++)
    if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n')
      break;

  if (p == end)
    {
      g_string_append_len (out, s, len);
      return;
    }

  g_string_append_c (out, '"');
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

/* ---- Code-point index -------------------------------------------------- */

#define INDEX_STEP 64

struct _DossierTextIndex
{
  const char *text;
  gsize       len;
  gint64      length;   /* code points */
  GArray     *samples;  /* gsize: byte offset of code point i * INDEX_STEP */
};

DossierTextIndex *
dossier_text_index_new (const char *text,
                        gsize       len)
{
  DossierTextIndex *index = g_new0 (DossierTextIndex, 1);
  const guchar *p = (const guchar *) text;
  gsize i = 0;
  gint64 n = 0;

  index->text = text;
  index->len = len;
  index->samples = g_array_sized_new (FALSE, FALSE, sizeof (gsize), len / INDEX_STEP + 1);

  /* A code point starts at every byte that is not a continuation byte. */
  while (i < len)
    {
      if ((p[i] & 0xc0) != 0x80)
        {
          if (n % INDEX_STEP == 0)
            g_array_append_val (index->samples, i);
          n++;
        }
      i++;
    }
  index->length = n;

  return index;
}

void
dossier_text_index_free (DossierTextIndex *index)
{
  if (index == NULL)
    return;
  g_array_unref (index->samples);
  g_free (index);
}

gint64
dossier_text_index_length (DossierTextIndex *index)
{
  return index->length;
}

gsize
dossier_text_index_byte (DossierTextIndex *index,
                         gint64            offset)
{
  const guchar *p = (const guchar *) index->text;
  gsize i;
  gint64 n;

  if (offset <= 0)
    return 0;
  if (offset >= index->length)
    return index->len;

  i = g_array_index (index->samples, gsize, offset / INDEX_STEP);
  n = offset % INDEX_STEP;
  while (n > 0)
    {
      i++;
      while (i < index->len && (p[i] & 0xc0) == 0x80)
        i++;
      n--;
    }
  return i;
}

/* ---- Context ----------------------------------------------------------- */

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
dup_or_null (const char *s)
{
  return (s != NULL && *s != '\0') ? g_strdup (s) : NULL;
}

void
dossier_export_context_free (DossierExportContext *ctx)
{
  if (ctx == NULL)
    return;

  g_clear_object (&ctx->project);
  g_clear_object (&ctx->cancellable);
  g_free (ctx->title);
  g_free (ctx->uuid);
  g_clear_pointer (&ctx->tags, g_ptr_array_unref);
  g_clear_pointer (&ctx->tag_by_id, g_hash_table_unref);
  g_clear_pointer (&ctx->documents, g_ptr_array_unref);
  g_free (ctx);
}

DossierExportContext *
dossier_export_context_new (DossierProject            *project,
                            const DossierExportFilter *filter,
                            GCancellable              *cancellable,
                            GError                   **error)
{
  g_autoptr(DossierExportContext) ctx = g_new0 (DossierExportContext, 1);
  GListModel *tags, *documents;
  guint n;

  ctx->project = g_object_ref (project);
  ctx->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  if (filter != NULL)
    ctx->filter = *filter;
  ctx->title = g_strdup (dossier_project_get_title (project));
  ctx->uuid = g_strdup (dossier_project_get_uuid (project));

  if (ctx->filter.document_id != 0 &&
      dossier_project_get_document (project, ctx->filter.document_id) == NULL)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND,
                   _("There is no document with id %" G_GINT64_FORMAT " in this project"),
                   ctx->filter.document_id);
      return NULL;
    }
  if (ctx->filter.tag_id != 0 &&
      dossier_project_get_tag (project, ctx->filter.tag_id) == NULL)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND,
                   _("There is no tag with id %" G_GINT64_FORMAT " in this project"),
                   ctx->filter.tag_id);
      return NULL;
    }

  /* The codebook, in tree order. A tag is selected when it is the filter's
   * tag or has a selected parent; tree order lists parents first. */
  tags = dossier_project_get_tags (project);
  n = g_list_model_get_n_items (tags);
  ctx->tags = g_ptr_array_new_full (n, export_tag_free);
  ctx->tag_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);
      DossierExportTag *t = g_new0 (DossierExportTag, 1);

      t->id = dossier_tag_get_id (tag);
      t->uuid = g_strdup (dossier_tag_get_uuid (tag));
      t->name = g_strdup (dossier_tag_get_name (tag));
      t->path = g_strdup (dossier_tag_get_path (tag));
      t->parent_id = dossier_tag_get_parent_id (tag);
      t->color = g_strdup (dossier_tag_get_color (tag));
      t->description = g_strdup (dossier_tag_get_description (tag));
      if (t->description == NULL)
        t->description = g_strdup ("");
      t->depth = dossier_tag_get_depth (tag);
      t->order = i;

      if (ctx->filter.tag_id == 0 || t->id == ctx->filter.tag_id)
        t->selected = TRUE;
      else if (t->parent_id != 0)
        {
          DossierExportTag *parent = g_hash_table_lookup (ctx->tag_by_id, &t->parent_id);
          t->selected = parent != NULL && parent->selected;
        }

      g_ptr_array_add (ctx->tags, t);
      g_hash_table_insert (ctx->tag_by_id, &t->id, t);
    }

  documents = dossier_project_get_documents (project);
  n = g_list_model_get_n_items (documents);
  ctx->documents = g_ptr_array_new_full (n, export_document_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, i);
      DossierExportDocument *d;

      if (ctx->filter.document_id != 0 &&
          dossier_document_get_id (doc) != ctx->filter.document_id)
        continue;

      d = g_new0 (DossierExportDocument, 1);
      d->id = dossier_document_get_id (doc);
      d->uuid = g_strdup (dossier_document_get_uuid (doc));
      d->title = g_strdup (dossier_document_get_title (doc));
      d->author = dup_or_null (dossier_document_get_author (doc));
      d->outlet = dup_or_null (dossier_document_get_outlet (doc));
      d->source = dup_or_null (dossier_document_get_source (doc));
      d->published = dup_or_null (dossier_document_get_published (doc));
      d->imported = dup_or_null (dossier_document_get_imported (doc));
      d->format = dup_or_null (dossier_document_get_format (doc));
      if (d->title == NULL)
        d->title = g_strdup ("");
      g_ptr_array_add (ctx->documents, d);
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
  return dossier_project_get_document_text (ctx->project, document_id, error);
}

GArray *
dossier_export_context_get_blocks (DossierExportContext *ctx,
                                   gint64                document_id,
                                   GError              **error)
{
  return dossier_project_get_document_blocks (ctx->project, document_id, error);
}

/* ---- Grouping for summaries ------------------------------------------- */

static void
export_quote_free (gpointer data)
{
  DossierExportQuote *q = data;

  g_free (q->quote);
  g_free (q->memo);
  g_free (q);
}

static void
tag_group_free (gpointer data)
{
  DossierExportTagGroup *group = data;

  g_ptr_array_unref (group->quotes);
  g_free (group);
}

typedef struct
{
  DossierExportContext *ctx;
  GPtrArray           **buckets;  /* by tag order */
} GroupData;

static gboolean
group_highlight (const DossierExportHighlight *h,
                 gpointer                      user_data,
                 GError                      **error)
{
  GroupData *data = user_data;

  for (guint i = 0; i < h->n_tags; i++)
    {
      DossierExportTag *tag = dossier_export_context_get_tag (data->ctx, h->tag_ids[i]);
      DossierExportQuote *q;

      /* With a tag filter, a highlight also carrying tags outside the
       * subtree is listed under the selected ones only. */
      if (tag == NULL || !tag->selected)
        continue;

      if (data->buckets[tag->order] == NULL)
        data->buckets[tag->order] = g_ptr_array_new_with_free_func (export_quote_free);

      q = g_new0 (DossierExportQuote, 1);
      q->id = h->id;
      q->start = h->start;
      q->end = h->end;
      q->quote = g_strdup (h->quote);
      q->memo = g_strdup (h->memo);
      g_ptr_array_add (data->buckets[tag->order], q);
    }
  return TRUE;
}

GPtrArray *
dossier_export_context_group_document (DossierExportContext *ctx,
                                       gint64                document_id,
                                       GError              **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (tag_group_free);
  GroupData data = { ctx, g_new0 (GPtrArray *, ctx->tags->len + 1) };
  gboolean ok;

  ok = dossier_export_context_foreach_highlight (ctx, document_id, group_highlight, &data, error);

  for (guint i = 0; i < ctx->tags->len; i++)
    {
      if (data.buckets[i] == NULL)
        continue;
      if (ok)
        {
          DossierExportTagGroup *group = g_new0 (DossierExportTagGroup, 1);

          group->tag = g_ptr_array_index (ctx->tags, i);
          group->quotes = g_steal_pointer (&data.buckets[i]);
          g_ptr_array_add (groups, group);
        }
      else
        g_clear_pointer (&data.buckets[i], g_ptr_array_unref);
    }
  g_free (data.buckets);

  return ok ? g_steal_pointer (&groups) : NULL;
}

/* ---- Entry points ------------------------------------------------------ */

gboolean
dossier_export_to_stream (DossierProject            *project,
                          DossierExportFormat        format,
                          const DossierExportFilter *filter,
                          GOutputStream             *stream,
                          GCancellable              *cancellable,
                          GError                   **error)
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

  ctx = dossier_export_context_new (project, filter, cancellable, error);
  if (ctx == NULL)
    return FALSE;

  dossier_export_writer_init (&w, stream, cancellable);

  switch (format)
    {
    case DOSSIER_EXPORT_JSON:
      ok = dossier_export_write_json (ctx, &w, &local_error);
      break;
    case DOSSIER_EXPORT_CSV:
      ok = dossier_export_write_csv (ctx, &w, &local_error);
      break;
    case DOSSIER_EXPORT_MARKDOWN:
      ok = dossier_export_write_summary (ctx, &w, TRUE, &local_error);
      break;
    case DOSSIER_EXPORT_TEXT:
      ok = dossier_export_write_summary (ctx, &w, FALSE, &local_error);
      break;
    case DOSSIER_EXPORT_HTML:
      ok = dossier_export_write_html (ctx, &w, &local_error);
      break;
    default:
      g_assert_not_reached ();
    }

  /* A write error kept by the writer is the real cause; prefer it over a
   * format's own error, which may only be its consequence. */
  if (!dossier_export_writer_finish (&w, local_error == NULL ? error : NULL) || !ok)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Creates a hidden temporary file beside @path (same directory, so the
 * final rename is atomic) and returns its name. open() with 0666 lets the
 * umask decide the mode, as for any document the user saves. */
static char *
create_temp_beside (const char *path,
                    GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *tmp = g_strdup_printf ("%s/.%s.%08x.tmp", dir, base, g_random_int ());
      int fd = open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&tmp);
        }
      if (errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
                       _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
               _("Cannot write “%s”: no temporary file could be created beside it"), path);
  return NULL;
}

gboolean
dossier_export_to_file (DossierProject            *project,
                        DossierExportFormat        format,
                        const DossierExportFilter *filter,
                        const char                *path,
                        GCancellable              *cancellable,
                        GError                   **error)
{
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
                   _("Cannot write “%s”: it is a folder; choose a file name"), path);
      return FALSE;
    }

  tmp = create_temp_beside (path, error);
  if (tmp == NULL)
    return FALSE;

  tmp_file = g_file_new_for_path (tmp);
  stream = g_file_append_to (tmp_file, G_FILE_CREATE_NONE, cancellable, &local_error);
  ok = stream != NULL &&
       dossier_export_to_stream (project, format, filter, G_OUTPUT_STREAM (stream),
                                 cancellable, &local_error) &&
       g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error);

  /* Make the bytes durable before the rename makes them visible, so a
   * crash never leaves an empty file under the real name. */
  if (ok && (fd = open (tmp, O_RDONLY | O_CLOEXEC)) >= 0)
    {
      if (fsync (fd) != 0)
        {
          int saved_errno = errno;

          g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          ok = FALSE;
        }
      close (fd);
    }

  if (ok && g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    {
      if (stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
        g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_unlink (tmp);

      /* Errors of the export itself (unknown tag, cancelled) keep their
       * domain; I/O failures say which file could not be written. */
      if (local_error->domain == DOSSIER_EXPORT_ERROR ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          local_error->domain != G_IO_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_IO,
                     _("Cannot write “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* ---- Highlights -------------------------------------------------------- */

gboolean
dossier_export_context_foreach_highlight (DossierExportContext       *ctx,
                                          gint64                      document_id,
                                          DossierExportHighlightFunc  func,
                                          gpointer                    user_data,
                                          GError                    **error)
{
  for (guint d = 0; d < ctx->documents->len; d++)
    {
      DossierExportDocument *doc = g_ptr_array_index (ctx->documents, d);
      g_autoptr(GPtrArray) highlights = NULL;

      if (document_id != 0 && doc->id != document_id)
        continue;

      highlights = dossier_project_list_highlights (ctx->project, doc->id, 0, error);
      if (highlights == NULL)
        return FALSE;

      for (guint i = 0; i < highlights->len; i++)
        {
          DossierHighlight *hl = g_ptr_array_index (highlights, i);
          DossierExportHighlight h;

          if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
            return FALSE;

          h.id = dossier_highlight_get_id (hl);
          h.uuid = dossier_highlight_get_uuid (hl);
          h.document_id = dossier_highlight_get_document_id (hl);
          h.start = dossier_highlight_get_start (hl);
          h.end = dossier_highlight_get_end (hl);
          h.quote = dossier_highlight_get_quote (hl);
          h.memo = dossier_highlight_get_memo (hl);
          h.author = dossier_highlight_get_author (hl);
          h.created = dossier_highlight_get_created (hl);
          h.tag_ids = dossier_highlight_get_tag_ids (hl, &h.n_tags);
          if (h.memo == NULL)
            h.memo = "";
          if (h.author == NULL)
            h.author = "";
          if (h.created == NULL)
            h.created = "";

          if (!dossier_export_highlight_selected (ctx, &h))
            continue;
          if (!func (&h, user_data, error))
            return FALSE;
        }
    }

  return TRUE;
}
