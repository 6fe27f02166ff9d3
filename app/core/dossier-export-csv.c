/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-csv.c — one row per highlight–tag pair (an untagged
 * highlight: one row, its tag empty), for spreadsheets
 * and statistics packages: RFC 4180 (fields with a comma, quote, CR or LF
 * quoted, quotes doubled, CRLF line ends), a header row, UTF-8.
 *
 * A document's title and a tag's names are written at most as long as
 * Dossier writes them (the context shortens a longer one from a file made
 * elsewhere, "…" at its end) and a memo at most DOSSIER_TEXT_MAX_FREE
 * characters, then a note that it was cut; a quote is written whole, as
 * the JSON's: text[start:end] == quote holds in the CSV too.
 *
 * A tag is its path ("Economy/Jobs") and, last, its id, the JSON's: two
 * tags whose paths read alike (a top-level "Economy/Jobs" and "Jobs"
 * under "Economy", same-named siblings from an import) stay two.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include <dossier/dossier-text.h>

#include "dossier-export-private.h"

typedef struct
{
  DossierExportContext *ctx;
  DossierExportWriter  *w;
  GHashTable           *documents;  /* gint64* id → DossierExportDocument* */
} CsvData;

static void
write_row (CsvData                      *data,
           const DossierExportHighlight *h,
           const DossierExportTag       *tag)
{
  GString *buf = data->w->buf;
  DossierExportDocument *doc = g_hash_table_lookup (data->documents, &h->document_id);
  g_autofree char *memo = NULL;
  g_autofree char *cut_note = NULL;

  dossier_export_append_csv_field (buf, doc != NULL ? doc->title : "", -1);
  g_string_append_c (buf, ',');
  dossier_export_append_int (buf, h->document_id);
  g_string_append_c (buf, ',');
  dossier_export_append_csv_field (buf, tag != NULL ? tag->path : "", -1);
  g_string_append_c (buf, ',');
  dossier_export_append_int (buf, h->start);
  g_string_append_c (buf, ',');
  dossier_export_append_int (buf, h->end);
  g_string_append_c (buf, ',');
  dossier_export_append_csv_field (buf, h->quote, -1);
  g_string_append_c (buf, ',');
  if (strlen (h->memo) <= DOSSIER_TEXT_MAX_FREE)
    dossier_export_append_csv_field (buf, h->memo, -1);
  else
    {
      /* Only a file from elsewhere holds a memo over its most: cut, and
       * said so in the cell. */
      memo = dossier_text_cut (h->memo, DOSSIER_TEXT_MAX_FREE, DOSSIER_TEXT_CUT_MEMO, &cut_note);
      if (cut_note != NULL)
        {
          char *with_note = g_strconcat (memo, " ", cut_note, NULL);

          g_free (memo);
          memo = with_note;
        }
      dossier_export_append_csv_field (buf, memo, -1);
    }
  g_string_append_c (buf, ',');
  dossier_export_append_csv_field (buf, h->author, -1);
  g_string_append_c (buf, ',');
  dossier_export_append_csv_field (buf, h->created, -1);
  g_string_append_c (buf, ',');
  if (tag != NULL)
    dossier_export_append_int (buf, tag->id);
  g_string_append_len (buf, "\r\n", 2);
}

static gboolean
write_rows (const DossierExportHighlight *h,
            gpointer                      user_data,
            GError                      **error)
{
  CsvData *data = user_data;

  /* A highlight without a tag (a stakeholder's or an argument's
   * evidence) is one row with an empty tag; a tag filter leaves it out. */
  if (h->n_tags == 0 && data->ctx->filter.tag_id == 0)
    write_row (data, h, NULL);

  for (guint i = 0; i < h->n_tags; i++)
    {
      DossierExportTag *tag = dossier_export_context_get_tag (data->ctx, h->tag_ids[i]);

      /* With a tag filter, only the pairs of the selected subtree. */
      if (tag == NULL || !tag->selected)
        continue;
      write_row (data, h, tag);
    }

  return dossier_export_writer_check_walk (data->w, error);
}

gboolean
dossier_export_write_csv (DossierExportContext *ctx,
                          DossierExportWriter  *w,
                          GError              **error)
{
  g_autoptr(GHashTable) documents = g_hash_table_new (g_int64_hash, g_int64_equal);
  CsvData data = { ctx, w, documents };

  for (guint i = 0; i < ctx->documents->len; i++)
    {
      DossierExportDocument *doc = g_ptr_array_index (ctx->documents, i);

      g_hash_table_insert (documents, &doc->id, doc);
    }

  /* Column names are a format, not prose: not translated. tag_id came
   * later: last, so that a reader counting columns still finds the
   * others where they were. */
  dossier_export_writer_puts (w, "document,document_id,tag,start,end,quote,memo,author,created,"
                                 "tag_id\r\n");

  /* A walk stopped by a write error fails with a stand-in error, which
   * dossier_export_to_stream () replaces with the writer's own. */
  return dossier_export_context_foreach_highlight (ctx, 0, write_rows, &data, error);
}
