/* dossier-export-json.c — the "dossier-export" version 1 JSON format of
 * DESIGN.md, a contract other tools rely on: field names never change,
 * later versions only add fields. Written as a stream, one array element
 * per line, so a 100,000-highlight project never sits in memory twice.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include <dossier/dossier-text.h>

#include "dossier-export-private.h"

static void
put_string (DossierExportWriter *w,
            const char          *s)
{
  if (s == NULL)
    {
      dossier_export_writer_put (w, "null", 4);
      return;
    }
  g_string_append_c (w->buf, '"');
  dossier_export_append_json_string (w->buf, s, -1);
  g_string_append_c (w->buf, '"');
}

/* ", "key": "value" — keys are ours and need no escaping. */
static void
put_member (DossierExportWriter *w,
            const char          *key,
            const char          *value)
{
  g_string_append_printf (w->buf, ", \"%s\": ", key);
  put_string (w, value);
}

static void
put_int (DossierExportWriter *w,
         const char          *key,
         gint64               value)
{
  g_string_append_printf (w->buf, ", \"%s\": %" G_GINT64_FORMAT, key, value);
}

static gboolean
write_documents (DossierExportContext *ctx,
                 DossierExportWriter  *w,
                 GError              **error)
{
  dossier_export_writer_puts (w, ",\n  \"documents\": [");

  for (guint i = 0; i < ctx->documents->len; i++)
    {
      DossierExportDocument *doc = g_ptr_array_index (ctx->documents, i);
      g_autofree char *text = NULL;
      g_autoptr(GArray) blocks = NULL;

      text = dossier_export_context_get_text (ctx, doc->id, error);
      if (text == NULL)
        return FALSE;
      blocks = dossier_export_context_get_blocks (ctx, doc->id, error);
      if (blocks == NULL)
        return FALSE;

      g_string_append_printf (w->buf, "%s\n    {\"id\": %" G_GINT64_FORMAT,
                              i > 0 ? "," : "", doc->id);
      put_member (w, "uuid", doc->uuid);
      put_member (w, "title", doc->title);
      put_member (w, "author", doc->author);
      put_member (w, "outlet", doc->outlet);
      put_member (w, "source", doc->source);
      put_member (w, "published", doc->published);
      put_member (w, "imported", doc->imported);
      put_member (w, "format", doc->format);
      put_member (w, "text", text);

      dossier_export_writer_puts (w, ", \"blocks\": [");
      for (guint b = 0; b < blocks->len; b++)
        {
          const DossierBlock *block = &g_array_index (blocks, DossierBlock, b);

          g_string_append_printf (w->buf,
                                  "%s{\"kind\": \"%s\", \"level\": %d, "
                                  "\"start\": %" G_GINT64_FORMAT ", \"end\": %" G_GINT64_FORMAT "}",
                                  b > 0 ? ", " : "",
                                  dossier_block_kind_to_string (block->kind),
                                  block->level, block->start, block->end);
          if (!dossier_export_writer_check (w))
            return TRUE;  /* the writer holds the error */
        }
      dossier_export_writer_puts (w, "]}");

      if (!dossier_export_writer_check (w))
        return TRUE;
    }

  dossier_export_writer_puts (w, ctx->documents->len > 0 ? "\n  ]" : "]");
  return TRUE;
}

static void
write_tags (DossierExportContext *ctx,
            DossierExportWriter  *w)
{
  dossier_export_writer_puts (w, ",\n  \"tags\": [");

  for (guint i = 0; i < ctx->tags->len; i++)
    {
      DossierExportTag *tag = g_ptr_array_index (ctx->tags, i);

      g_string_append_printf (w->buf, "%s\n    {\"id\": %" G_GINT64_FORMAT,
                              i > 0 ? "," : "", tag->id);
      put_member (w, "uuid", tag->uuid);
      put_member (w, "name", tag->name);
      if (tag->parent_id != 0)
        put_int (w, "parent", tag->parent_id);
      else
        dossier_export_writer_puts (w, ", \"parent\": null");
      put_member (w, "color", tag->color);
      put_member (w, "description", tag->description);
      put_member (w, "path", tag->path);
      dossier_export_writer_puts (w, "}");
    }

  dossier_export_writer_puts (w, ctx->tags->len > 0 ? "\n  ]" : "]");
}

typedef struct
{
  DossierExportWriter *w;
  guint                n;
} HighlightsData;

static gboolean
write_highlight (const DossierExportHighlight *h,
                 gpointer                      user_data,
                 GError                      **error)
{
  HighlightsData *data = user_data;
  DossierExportWriter *w = data->w;

  g_string_append_printf (w->buf,
                          "%s\n    {\"id\": %" G_GINT64_FORMAT,
                          data->n++ > 0 ? "," : "", h->id);
  put_member (w, "uuid", h->uuid);
  put_int (w, "document", h->document_id);
  put_int (w, "start", h->start);
  put_int (w, "end", h->end);
  put_member (w, "quote", h->quote);

  dossier_export_writer_puts (w, ", \"tags\": [");
  for (guint i = 0; i < h->n_tags; i++)
    g_string_append_printf (w->buf, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", h->tag_ids[i]);
  dossier_export_writer_puts (w, "]");

  put_member (w, "memo", h->memo);
  put_member (w, "author", h->author);
  put_member (w, "created", h->created);
  dossier_export_writer_puts (w, "}");

  /* Stop the walk as soon as the stream failed or was cancelled; the
   * writer keeps the error for dossier_export_writer_finish(). */
  if (!dossier_export_writer_check (w))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_export_write_json (DossierExportContext *ctx,
                           DossierExportWriter  *w,
                           GError              **error)
{
  HighlightsData data = { w, 0 };
  g_autoptr(GError) local_error = NULL;

  dossier_export_writer_puts (w, "{\n  \"format\": \"dossier-export\",\n  \"version\": 1,\n");
  dossier_export_writer_puts (w, "  \"project\": {\"title\": ");
  put_string (w, ctx->title);
  dossier_export_writer_puts (w, ", \"uuid\": ");
  put_string (w, ctx->uuid);
  dossier_export_writer_puts (w, "}");

  if (!write_documents (ctx, w, error))
    return FALSE;
  if (w->error != NULL)
    return TRUE;

  write_tags (ctx, w);

  dossier_export_writer_puts (w, ",\n  \"highlights\": [");
  if (!dossier_export_context_foreach_highlight (ctx, 0, write_highlight, &data, &local_error))
    {
      /* A writer failure is reported by the writer itself. */
      if (w->error != NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  dossier_export_writer_puts (w, data.n > 0 ? "\n  ]" : "]");

  /* Stakeholders, arguments and briefings are not in the schema yet; the
   * keys are there so readers can rely on them. */
  dossier_export_writer_puts (w, ",\n  \"stakeholders\": [],\n  \"arguments\": [],\n"
                                 "  \"briefings\": []\n}\n");
  return TRUE;
}
