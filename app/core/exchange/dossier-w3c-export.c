/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-w3c-export.c — highlights as a W3C Web Annotation collection
 * (JSON-LD, http://www.w3.org/ns/anno.jsonld), the format web annotation
 * tools exchange.
 *
 * Each highlight is an Annotation whose target is its document (the
 * source URL when the document has one, else urn:uuid:DOCUMENT) selected
 * by a TextQuoteSelector (quote with up to 32 code points of prefix and
 * suffix) and a TextPositionSelector (code points, end exclusive — the
 * model's own unit); each tag is a "tagging" TextualBody holding the tag's
 * path ("Parent/Child"), the memo a "commenting" one. Orphaned highlights
 * (their passage gone from a newer text) keep only their quote selector:
 * a tool that finds the quote can still place them. Streamed: one
 * annotation per line.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include "dossier-exchange-private.h"
#include "dossier-project-private.h"

static void
put_string (DossierExportWriter *w,
            const char          *s)
{
  g_string_append_c (w->buf, '"');
  dossier_export_append_json_string (w->buf, s, -1);
  g_string_append_c (w->buf, '"');
}

static gboolean
is_url (const char *s)
{
  return s != NULL && (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://"));
}

typedef struct
{
  DossierExportContext  *ctx;
  DossierExportWriter   *w;
  DossierExportDocument *doc;      /* the document being written */
  DossierOffsetIndex    *index;    /* its text; NULL for orphans */
  GHashTable            *by_id;    /* gint64 id → DossierExportDocument, for orphans */
  guint                  n;
} W3cWriter;

static gboolean
put_annotation (const DossierExportHighlight *h,
                gpointer                      user_data,
                GError                      **error)
{
  W3cWriter *ww = user_data;
  DossierExportWriter *w = ww->w;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *doc_urn = NULL;
  gboolean first_body = TRUE;

  if (ww->index == NULL)
    ww->doc = g_hash_table_lookup (ww->by_id, &h->document_id);
  if (ww->doc == NULL || h->document_id != ww->doc->id)
    return TRUE;

  if (ww->index != NULL)
    dossier_offset_index_context (ww->index, h->start, h->end, &quote, &prefix, &suffix);
  else
    {
      quote = g_strdup (h->quote);
      prefix = g_strdup (h->prefix != NULL ? h->prefix : "");
      suffix = g_strdup (h->suffix != NULL ? h->suffix : "");
    }

  dossier_export_writer_puts (w, ww->n > 0 ? ",\n      {" : "\n      {");
  ww->n++;
  dossier_export_writer_puts (w, "\"id\": \"urn:uuid:");
  dossier_export_append_json_string (w->buf, h->uuid, -1);
  dossier_export_writer_puts (w, "\", \"type\": \"Annotation\"");
  if (h->created[0] != '\0')
    {
      dossier_export_writer_puts (w, ", \"created\": ");
      put_string (w, h->created);
    }
  if (h->modified[0] != '\0')
    {
      dossier_export_writer_puts (w, ", \"modified\": ");
      put_string (w, h->modified);
    }
  if (h->author[0] != '\0')
    {
      dossier_export_writer_puts (w, ", \"creator\": {\"type\": \"Person\", \"name\": ");
      put_string (w, h->author);
      dossier_export_writer_puts (w, "}");
    }

  dossier_export_writer_puts (w, ", \"body\": [");
  for (guint i = 0; i < h->n_tags; i++)
    {
      DossierExportTag *tag = dossier_export_context_get_tag (ww->ctx, h->tag_ids[i]);

      if (tag == NULL)
        continue;
      dossier_export_writer_puts (w, first_body ? "" : ", ");
      first_body = FALSE;
      dossier_export_writer_puts (w, "{\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": ");
      put_string (w, tag->path);
      dossier_export_writer_puts (w, "}");
    }
  if (h->memo[0] != '\0')
    {
      dossier_export_writer_puts (w, first_body ? "" : ", ");
      dossier_export_writer_puts (w, "{\"type\": \"TextualBody\", \"purpose\": \"commenting\", "
                                     "\"format\": \"text/plain\", \"value\": ");
      put_string (w, h->memo);
      dossier_export_writer_puts (w, "}");
    }
  dossier_export_writer_puts (w, "]");

  doc_urn = g_strconcat ("urn:uuid:", ww->doc->uuid, NULL);
  dossier_export_writer_puts (w, ", \"target\": {\"source\": ");
  put_string (w, is_url (ww->doc->source) ? ww->doc->source : doc_urn);
  dossier_export_writer_puts (w, ", \"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": ");
  put_string (w, quote);
  if (prefix[0] != '\0')
    {
      dossier_export_writer_puts (w, ", \"prefix\": ");
      put_string (w, prefix);
    }
  if (suffix[0] != '\0')
    {
      dossier_export_writer_puts (w, ", \"suffix\": ");
      put_string (w, suffix);
    }
  dossier_export_writer_puts (w, "}");
  if (ww->index != NULL)
    {
      dossier_export_writer_puts (w, ", {\"type\": \"TextPositionSelector\", \"start\": ");
      dossier_export_append_int (w->buf, h->start);
      dossier_export_writer_puts (w, ", \"end\": ");
      dossier_export_append_int (w->buf, h->end);
      dossier_export_writer_puts (w, "}");
    }
  dossier_export_writer_puts (w, "]}}");

  return dossier_export_writer_check_walk (w, error);
}

gboolean
dossier_exchange_write_w3c (DossierExportContext *ctx,
                            DossierExportWriter  *w,
                            GError              **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  W3cWriter ww = { ctx, w, NULL, NULL, by_id, 0 };

  dossier_export_writer_puts (w, "{\n  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
                                 "  \"id\": \"urn:uuid:");
  dossier_export_append_json_string (w->buf, ctx->uuid, -1);
  dossier_export_writer_puts (w, "\",\n  \"type\": \"AnnotationCollection\",\n  \"label\": ");
  put_string (w, ctx->title);
  dossier_export_writer_puts (w, ",\n  \"generator\": {\"type\": \"Software\", \"name\": \"Dossier "
                                 PACKAGE_VERSION "\"},\n"
                                 "  \"first\": {\n    \"type\": \"AnnotationPage\",\n"
                                 "    \"startIndex\": 0,\n    \"items\": [");

  for (guint i = 0; i < ctx->documents->len; i++)
    {
      g_autofree char *text = NULL;
      DossierOffsetIndex index = { 0 };
      gboolean ok;

      ww.doc = g_ptr_array_index (ctx->documents, i);
      text = dossier_export_context_get_text (ctx, ww.doc->id, error);
      if (text == NULL)
        return FALSE;

      dossier_offset_index_init (&index, text);
      ww.index = &index;
      ok = dossier_export_context_foreach_highlight (ctx, ww.doc->id, put_annotation, &ww, error);
      ww.index = NULL;
      dossier_offset_index_clear (&index);
      if (!ok)
        return FALSE;
    }

  /* Orphans last, with their quote alone. */
  for (guint i = 0; i < ctx->documents->len; i++)
    {
      DossierExportDocument *doc = g_ptr_array_index (ctx->documents, i);

      g_hash_table_insert (by_id, &doc->id, doc);
    }
  ww.doc = NULL;
  if (!dossier_export_context_foreach_orphan (ctx, put_annotation, &ww, error))
    return FALSE;

  dossier_export_writer_puts (w, "\n    ]\n  },\n  \"total\": ");
  dossier_export_append_int (w->buf, ww.n);
  dossier_export_writer_puts (w, "\n}\n");

  return dossier_export_writer_check (w);
}
