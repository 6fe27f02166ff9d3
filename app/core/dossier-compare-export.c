/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-compare-export.c — a comparison written out: the matrix as a
 * terminal table, CSV or JSON; the excerpts side by side as Markdown or a
 * self-contained HTML page; the divergences as text or JSON.
 *
 * Escaping is the exports' own: CSV fields and JSON strings through
 * dossier-export.c's writers (formula-safe CSV), Markdown through the
 * summary's inline escaping, HTML through g_markup_escape_text () of
 * text cleaned like the summary's (project files come from others).
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-compare-private.h"
#include "dossier-export-summary-private.h"

gboolean
dossier_compare_format_from_string (const char           *str,
                                    DossierCompareFormat *format)
{
  static const struct { const char *name; DossierCompareFormat format; } names[] = {
    { "text", DOSSIER_COMPARE_FORMAT_TEXT }, { "csv", DOSSIER_COMPARE_FORMAT_CSV },
    { "json", DOSSIER_COMPARE_FORMAT_JSON }, { "markdown", DOSSIER_COMPARE_FORMAT_MARKDOWN },
    { "md", DOSSIER_COMPARE_FORMAT_MARKDOWN }, { "html", DOSSIER_COMPARE_FORMAT_HTML },
  };

  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (str, names[i].name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }
  return FALSE;
}

static gboolean
refuse_format (GError **error)
{
  g_set_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_INVALID,
               _("This cannot be written in that format; choose another"));
  return FALSE;
}

/* A value as a person reads it: counts whole, shares with two decimals. */
static void
append_value (GString           *out,
              DossierComparison *c,
              double             value)
{
  if (dossier_comparison_get_options (c)->per_1000_words)
    g_string_append_printf (out, "%.2f", value);
  else
    g_string_append_printf (out, "%.0f", value);
}

static void
json_number (GString *out,
             double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

/* The members after an object's first: `, "key": value`. */
static void
json_member_string (GString    *out,
                    const char *key,
                    const char *value)
{
  g_string_append_printf (out, ", \"%s\": ", key);
  dossier_export_append_json_value (out, value);
}

static void
json_member_int (GString    *out,
                 const char *key,
                 gint64      value)
{
  g_string_append_printf (out, ", \"%s\": ", key);
  dossier_export_append_int (out, value);
}

static void
json_member_number (GString    *out,
                    const char *key,
                    double      value)
{
  g_string_append_printf (out, ", \"%s\": ", key);
  json_number (out, value);
}

static void
csv_field (GString    *out,
           const char *s)
{
  dossier_export_append_csv_field (out, s != NULL ? s : "", -1);
}

/* ---- The matrix ------------------------------------------------------------- */

static char *
matrix_csv (DossierComparison *c)
{
  GString *out = g_string_new (NULL);
  guint n_docs = dossier_comparison_get_n_documents (c);
  guint n_rows = dossier_comparison_get_n_rows (c);

  /* Column names for programs, the same in every language (like the
   * highlights' CSV export). */
  g_string_append (out, "id,row,detail,depth");
  for (guint col = 0; col < n_docs; col++)
    {
      g_string_append_c (out, ',');
      csv_field (out, dossier_comparison_get_document_title (c, col));
    }
  g_string_append (out, ",total\r\n");

  for (guint r = 0; r < n_rows; r++)
    {
      dossier_export_append_int (out, dossier_comparison_get_row_id (c, r));
      g_string_append_c (out, ',');
      csv_field (out, dossier_comparison_get_row_label (c, r));
      g_string_append_c (out, ',');
      csv_field (out, dossier_comparison_get_row_detail (c, r));
      g_string_append_c (out, ',');
      dossier_export_append_int (out, dossier_comparison_get_row_depth (c, r));
      for (guint col = 0; col < n_docs; col++)
        {
          g_string_append_c (out, ',');
          append_value (out, c, dossier_comparison_get_value (c, r, col));
        }
      g_string_append_c (out, ',');
      append_value (out, c, dossier_comparison_get_row_total (c, r));
      g_string_append (out, "\r\n");
    }

  g_string_append (out, ",total,,");
  for (guint col = 0; col < n_docs; col++)
    {
      g_string_append_c (out, ',');
      append_value (out, c, dossier_comparison_get_column_total (c, col));
    }
  g_string_append_c (out, ',');
  append_value (out, c, dossier_comparison_get_total (c));
  g_string_append (out, "\r\n");
  return g_string_free (out, FALSE);
}

/* What a row gives for each document in the JSON matrix. */
typedef enum
{
  CELLS_COUNTS,
  CELLS_VALUES,
  CELLS_FIRST_PLACE,
} Cells;

/* Row @r's @cells across the documents, as a member: `, "counts": [...]`;
 * no first place is null. */
static void
json_row_cells (GString           *out,
                DossierComparison *c,
                guint              r,
                Cells              cells)
{
  static const char * const keys[] = { "counts", "values", "first_place" };
  guint n_docs = dossier_comparison_get_n_documents (c);

  g_string_append_printf (out, ", \"%s\": [", keys[cells]);
  for (guint col = 0; col < n_docs; col++)
    {
      double place;

      if (col > 0)
        g_string_append (out, ", ");
      switch (cells)
        {
        case CELLS_COUNTS:
          dossier_export_append_int (out, dossier_comparison_get_count (c, r, col));
          break;
        case CELLS_VALUES:
          json_number (out, dossier_comparison_get_value (c, r, col));
          break;
        case CELLS_FIRST_PLACE:
          place = dossier_comparison_get_first_place (c, r, col);
          if (place < 0)
            g_string_append (out, "null");
          else
            json_number (out, place);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append_c (out, ']');
}

static char *
matrix_json (DossierComparison *c)
{
  const DossierCompareOptions *o = dossier_comparison_get_options (c);
  GString *out = g_string_new ("{\"rows_kind\": ");
  guint n_docs = dossier_comparison_get_n_documents (c);
  guint n_rows = dossier_comparison_get_n_rows (c);

  dossier_export_append_json_value (out, dossier_compare_rows_to_string (o->rows));
  g_string_append (out, ", \"measure\": ");
  dossier_export_append_json_value (out, dossier_compare_measure_to_string (o->measure));
  g_string_append_printf (out, ", \"per_1000_words\": %s", o->per_1000_words ? "true" : "false");
  g_string_append (out, ",\n \"documents\": [");
  for (guint col = 0; col < n_docs; col++)
    {
      g_string_append (out, col > 0 ? ",\n  " : "\n  ");
      g_string_append (out, "{\"id\": ");
      dossier_export_append_int (out, dossier_comparison_get_document_id (c, col));
      json_member_string (out, "title", dossier_comparison_get_document_title (c, col));
      json_member_string (out, "outlet", dossier_comparison_get_document_outlet (c, col));
      json_member_string (out, "published", dossier_comparison_get_document_date (c, col));
      json_member_int (out, "words", dossier_comparison_get_document_words (c, col));
      json_member_number (out, "total", dossier_comparison_get_column_total (c, col));
      g_string_append (out, "}");
    }
  g_string_append (out, "],\n \"rows\": [");
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (out, r > 0 ? ",\n  " : "\n  ");
      g_string_append (out, "{\"id\": ");
      dossier_export_append_int (out, dossier_comparison_get_row_id (c, r));
      json_member_string (out, "label", dossier_comparison_get_row_label (c, r));
      json_member_string (out, "detail", dossier_comparison_get_row_detail (c, r));
      json_member_int (out, "depth", dossier_comparison_get_row_depth (c, r));
      json_row_cells (out, c, r, CELLS_COUNTS);
      json_row_cells (out, c, r, CELLS_VALUES);
      json_row_cells (out, c, r, CELLS_FIRST_PLACE);
      json_member_number (out, "total", dossier_comparison_get_row_total (c, r));
      g_string_append (out, "}");
    }
  g_string_append (out, "],\n \"total\": ");
  json_number (out, dossier_comparison_get_total (c));
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

/* Pads @s to @width characters (counted, not bytes). */
static void
append_padded (GString    *out,
               const char *s,
               guint       width,
               gboolean    right)
{
  glong len = g_utf8_strlen (s, -1);

  if (right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, s);
  if (!right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
}

static char *
document_caption (DossierComparison *c,
                  guint              col)
{
  const char *title = dossier_comparison_get_document_title (c, col);
  const char *outlet = dossier_comparison_get_document_outlet (c, col);
  const char *date = dossier_comparison_get_document_date (c, col);
  /* The date as stored (ISO 8601, 2026-03-14), as the briefing notes
   * that cite these passages and the matrix's JSON ("published") write it. */
  g_autofree char *when = date != NULL && *date != '\0' ? dossier_summary_clean (date) : NULL;
  g_autofree char *clean = dossier_summary_clean (title);

  if (outlet != NULL && when != NULL)
    /* Translators: a document's title, outlet and date. */
    return g_strdup_printf (_("%s — %s, %s"), clean, outlet, when);
  if (outlet != NULL)
    return g_strdup_printf (_("%s — %s"), clean, outlet);
  if (when != NULL)
    return g_strdup_printf (_("%s — %s"), clean, when);
  return g_steal_pointer (&clean);
}

static char *
matrix_text (DossierComparison *c)
{
  GString *out = g_string_new (NULL);
  guint n_docs = dossier_comparison_get_n_documents (c);
  guint n_rows = dossier_comparison_get_n_rows (c);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint label_width = g_utf8_strlen (_("Total"), -1);
  guint cell_width = 6;

  /* The documents are numbered columns, named above the table. */
  for (guint col = 0; col < n_docs; col++)
    {
      g_autofree char *caption = document_caption (c, col);

      g_string_append_printf (out, "[%u] %s\n", col + 1, caption);
    }
  g_string_append_c (out, '\n');

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *clean = dossier_summary_clean (dossier_comparison_get_row_label (c, r));
      GString *label = g_string_new (NULL);

      for (guint d = 0; d < dossier_comparison_get_row_depth (c, r); d++)
        g_string_append (label, "  ");
      g_strdelimit (clean, "\n\t", ' ');
      g_string_append (label, clean);
      label_width = MAX (label_width, (guint) g_utf8_strlen (label->str, -1));
      g_ptr_array_add (labels, g_string_free (label, FALSE));
    }
  label_width = MIN (label_width, 48);

  append_padded (out, "", label_width, FALSE);
  for (guint col = 0; col < n_docs; col++)
    {
      g_autofree char *head = g_strdup_printf ("[%u]", col + 1);

      g_string_append_c (out, ' ');
      append_padded (out, head, cell_width, TRUE);
    }
  g_string_append_c (out, ' ');
  append_padded (out, _("Total"), cell_width, TRUE);
  g_string_append_c (out, '\n');

  for (guint r = 0; r <= n_rows; r++)
    {
      const char *label = r < n_rows ? g_ptr_array_index (labels, r) : _("Total");
      g_autofree char *cut = NULL;

      if ((guint) g_utf8_strlen (label, -1) > label_width)
        {
          g_autofree char *start = g_utf8_substring (label, 0, label_width - 1);

          label = cut = g_strconcat (start, "…", NULL);
        }
      append_padded (out, label, label_width, FALSE);
      for (guint col = 0; col <= n_docs; col++)
        {
          GString *cell = g_string_new (NULL);

          append_value (cell, c, dossier_comparison_get_table_value (c, r, col));
          g_string_append_c (out, ' ');
          append_padded (out, cell->str, cell_width, TRUE);
          g_string_free (cell, TRUE);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
dossier_comparison_to_string (DossierComparison     *self,
                              DossierCompareFormat   format,
                              GError               **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (format)
    {
    case DOSSIER_COMPARE_FORMAT_TEXT:
      return matrix_text (self);
    case DOSSIER_COMPARE_FORMAT_CSV:
      return matrix_csv (self);
    case DOSSIER_COMPARE_FORMAT_JSON:
      return matrix_json (self);
    case DOSSIER_COMPARE_FORMAT_MARKDOWN:
    case DOSSIER_COMPARE_FORMAT_HTML:
    default:
      refuse_format (error);
      return NULL;
    }
}

/* ---- Excerpts ------------------------------------------------------------------ */

/* An excerpt's memo and note (NULL when none), each at most
 * DOSSIER_TEXT_MAX_FREE characters and then a note that it was cut: a file
 * from elsewhere may hold a megabyte. */
static char *
excerpt_memo (const DossierExcerpt *x)
{
  const char *memo = x->highlight != NULL ? dossier_highlight_get_memo (x->highlight) : NULL;

  if (memo == NULL || *memo == '\0')
    return NULL;
  return dossier_summary_clean_cut (memo, DOSSIER_TEXT_MAX_FREE, DOSSIER_TEXT_CUT_MEMO);
}

static char *
excerpt_note (const DossierExcerpt *x)
{
  return x->note != NULL ? dossier_summary_clean_cut (x->note, DOSSIER_TEXT_MAX_FREE,
                                                      DOSSIER_TEXT_CUT_NOTE) : NULL;
}

static void
md_excerpt (GString              *out,
            DossierComparison    *c,
            const DossierExcerpt *x)
{
  g_autofree char *quote = dossier_summary_clean_cut (x->quote, DOSSIER_TEXT_MAX_PASSAGE,
                                                      DOSSIER_TEXT_CUT_PASSAGE);
  g_auto(GStrv) lines = g_strsplit (quote, "\n", -1);
  g_auto(GStrv) tags = dossier_comparison_excerpt_rows (c, x);
  GString *caption = g_string_new (NULL);
  g_autofree char *memo = excerpt_memo (x);
  g_autofree char *note = excerpt_note (x);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (out, "> ");
      dossier_summary_markdown_inline (out, lines[i], TRUE);
      g_string_append_c (out, '\n');
    }
  /* Excerpts of every row: the tags each passage is behind, as the
   * title of one row's excerpts names its tag. */
  if (tags != NULL)
    {
      g_string_append (caption, dossier_comparison_rows_caption (c, g_strv_length (tags)));
      for (guint i = 0; tags[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (caption, ", ");
          dossier_summary_markdown_inline (caption, tags[i], FALSE);
        }
    }
  if (x->heading != NULL)
    {
      if (caption->len > 0)
        g_string_append (caption, " · ");
      /* Translators: the section a quote is in. */
      g_string_append (caption, _("Section: "));
      dossier_summary_markdown_inline (caption, x->heading, FALSE);
    }
  if (x->stance_position != DOSSIER_STANCE_UNKNOWN)
    {
      if (caption->len > 0)
        g_string_append (caption, " · ");
      /* Translators: the stance a passage shows. */
      g_string_append (caption, _("Stance: "));
      dossier_summary_markdown_inline (caption, dossier_stance_get_label (x->stance_position), FALSE);
    }
  if (caption->len > 0)
    g_string_append_printf (out, "\n— *%s*\n", caption->str);
  if (memo != NULL && *memo != '\0')
    {
      g_string_append (out, "\n");
      /* Translators: a highlight's memo, before it. */
      g_string_append (out, _("Memo: "));
      dossier_summary_markdown_inline (out, memo, FALSE);
      g_string_append_c (out, '\n');
    }
  if (note != NULL)
    {
      g_string_append (out, "\n");
      /* Translators: an evidence note, before it. */
      g_string_append (out, _("Note: "));
      dossier_summary_markdown_inline (out, note, FALSE);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  g_string_free (caption, TRUE);
}

static char *
excerpts_markdown (DossierComparison *c,
                   GPtrArray         *excerpts,
                   const char        *title)
{
  GString *out = g_string_new ("# ");
  guint n_docs = dossier_comparison_get_n_documents (c);

  dossier_summary_markdown_inline (out, title, FALSE);
  g_string_append (out, "\n\n");
  for (guint col = 0; col < n_docs; col++)
    {
      g_autofree char *caption = document_caption (c, col);
      guint n = 0;

      g_string_append (out, "## ");
      dossier_summary_markdown_inline (out, caption, FALSE);
      g_string_append (out, "\n\n");
      for (guint i = 0; i < excerpts->len; i++)
        {
          const DossierExcerpt *x = g_ptr_array_index (excerpts, i);

          /* By document: @c may be the comparison arranged, its columns sorted. */
          if (x->document_id != dossier_comparison_get_document_id (c, col))
            continue;
          md_excerpt (out, c, x);
          n++;
        }
      if (n == 0)
        g_string_append_printf (out, "*%s*\n\n", _("Nothing here."));
    }
  return g_string_free (out, FALSE);
}

static void
html_text (GString    *out,
           const char *s)
{
  g_autofree char *clean = dossier_summary_clean (s != NULL ? s : "");
  g_autofree char *escaped = g_markup_escape_text (clean, -1);

  g_string_append (out, escaped);
}

static const char html_style[] =
  "body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1d1d1d;background:#fff}"
  "h1{font-size:1.6rem}"
  ".columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1.5rem}"
  ".column h2{font-size:1.05rem;border-bottom:2px solid #3584e4;padding-bottom:.3rem}"
  "blockquote{margin:0 0 1rem;padding:.5rem .8rem;border-left:4px solid #c0bfbc;background:#f6f5f4}"
  "blockquote p{margin:0}"
  ".caption,.memo,.note{font-size:.85rem;color:#5e5c64;margin:.3rem 0 0}"
  ".empty{color:#77767b;font-style:italic}"
  "@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#eee}"
  "blockquote{background:#2a2a2a;border-color:#5e5c64}.caption,.memo,.note{color:#c0bfbc}}"
  "@media print{.columns{display:block}.column{break-inside:avoid-page}}";

/* @text (a heading, memo or note, in any script) in a caption: isolated,
 * its own direction neither set by the caption's words nor reordering
 * them. */
static void
html_isolated (GString    *out,
               const char *text)
{
  g_string_append (out, "<bdi>");
  html_text (out, text);
  g_string_append (out, "</bdi>");
}

static char *
excerpts_html (DossierComparison *c,
               GPtrArray         *excerpts,
               const char        *title)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html lang=\"");
  guint n_docs = dossier_comparison_get_n_documents (c);

  /* In the language of its captions, as the other HTML exports are. */
  html_text (out, _("en"));
  g_string_append (out, "\"><head><meta charset=\"utf-8\">\n<title>");

  html_text (out, title);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", html_style);
  html_text (out, title);
  g_string_append (out, "</h1>\n<div class=\"columns\">\n");
  for (guint col = 0; col < n_docs; col++)
    {
      g_autofree char *caption = document_caption (c, col);
      guint n = 0;

      g_string_append (out, "<section class=\"column\">\n<h2>");
      html_text (out, caption);
      g_string_append (out, "</h2>\n");
      for (guint i = 0; i < excerpts->len; i++)
        {
          const DossierExcerpt *x = g_ptr_array_index (excerpts, i);
          g_autofree char *quote = NULL;
          g_autofree char *memo = NULL;
          g_autofree char *note = NULL;
          g_auto(GStrv) paragraphs = NULL;
          g_auto(GStrv) tags = NULL;

          /* By document: @c may be the comparison arranged, its columns sorted. */
          if (x->document_id != dossier_comparison_get_document_id (c, col))
            continue;
          n++;
          quote = dossier_summary_clean_cut (x->quote, DOSSIER_TEXT_MAX_PASSAGE, DOSSIER_TEXT_CUT_PASSAGE);
          memo = excerpt_memo (x);
          note = excerpt_note (x);
          tags = dossier_comparison_excerpt_rows (c, x);
          g_string_append (out, "<blockquote>");
          /* A document's words take their direction from their first
           * letter (a passage in Arabic or Hebrew reads right to left),
           * the captions around them not, as in the other HTML exports. */
          paragraphs = g_strsplit (quote, "\n", -1);
          for (guint p = 0; paragraphs[p] != NULL; p++)
            {
              g_string_append (out, "<p dir=\"auto\">");
              html_text (out, paragraphs[p]);
              g_string_append (out, "</p>");
            }
          if (tags != NULL || x->heading != NULL || x->stance_position != DOSSIER_STANCE_UNKNOWN)
            {
              g_string_append (out, "<p class=\"caption\">");
              if (tags != NULL)
                {
                  html_text (out, dossier_comparison_rows_caption (c, g_strv_length (tags)));
                  for (guint t = 0; tags[t] != NULL; t++)
                    {
                      if (t > 0)
                        g_string_append (out, ", ");
                      html_isolated (out, tags[t]);
                    }
                }
              if (x->heading != NULL)
                {
                  if (tags != NULL)
                    g_string_append (out, " · ");
                  html_text (out, _("Section: "));
                  html_isolated (out, x->heading);
                }
              if (x->stance_position != DOSSIER_STANCE_UNKNOWN)
                {
                  if (tags != NULL || x->heading != NULL)
                    g_string_append (out, " · ");
                  html_text (out, _("Stance: "));
                  html_text (out, dossier_stance_get_label (x->stance_position));
                }
              g_string_append (out, "</p>");
            }
          if (memo != NULL)
            {
              g_string_append (out, "<p class=\"memo\">");
              html_text (out, _("Memo: "));
              html_isolated (out, memo);
              g_string_append (out, "</p>");
            }
          if (note != NULL)
            {
              g_string_append (out, "<p class=\"note\">");
              html_text (out, _("Note: "));
              html_isolated (out, note);
              g_string_append (out, "</p>");
            }
          g_string_append (out, "</blockquote>\n");
        }
      if (n == 0)
        {
          g_string_append (out, "<p class=\"empty\">");
          html_text (out, _("Nothing here."));
          g_string_append (out, "</p>\n");
        }
      g_string_append (out, "</section>\n");
    }
  g_string_append (out, "</div>\n</body></html>\n");
  return g_string_free (out, FALSE);
}

char *
dossier_compare_excerpts_to_string (DossierComparison     *comparison,
                                    GPtrArray             *excerpts,
                                    const char            *title,
                                    DossierCompareFormat   format,
                                    GError               **error)
{
  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (excerpts != NULL, NULL);

  if (title == NULL)
    title = _("Excerpts side by side");
  if (format == DOSSIER_COMPARE_FORMAT_MARKDOWN)
    return excerpts_markdown (comparison, excerpts, title);
  if (format == DOSSIER_COMPARE_FORMAT_HTML)
    return excerpts_html (comparison, excerpts, title);
  refuse_format (error);
  return NULL;
}

/* ---- Divergences --------------------------------------------------------------- */

static char *
one_line (const char *s)
{
  char *clean = dossier_summary_clean (s != NULL ? s : "");

  return g_strdelimit (clean, "\t\n\r", ' ');
}

static const char *
document_name (DossierComparison *c,
               gint64             document_id)
{
  for (guint col = 0; col < dossier_comparison_get_n_documents (c); col++)
    if (dossier_comparison_get_document_id (c, col) == document_id)
      {
        const char *outlet = dossier_comparison_get_document_outlet (c, col);
        return outlet != NULL ? outlet : dossier_comparison_get_document_title (c, col);
      }
  return "";
}

static char *
divergences_text (DossierComparison *c,
                  GPtrArray         *divergences)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < divergences->len; i++)
    {
      const DossierDivergence *d = g_ptr_array_index (divergences, i);
      g_autofree char *label = one_line (d->row_label);
      g_autofree char *summary = one_line (d->summary);

      g_string_append_printf (out, "%s\t%s\t%s\n", dossier_divergence_kind_to_string (d->kind),
                              label, summary);
      for (guint p = 0; p < d->passages->len; p++)
        {
          const DossierDivergencePassage *x = g_ptr_array_index (d->passages, p);
          g_autofree char *name = one_line (document_name (c, x->document_id));
          g_autofree char *detail = one_line (x->detail);
          g_autofree char *quote = one_line (x->quote);

          g_string_append_printf (out, "  %s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
                                  "\t%s\t%s\n", name, x->start, x->end, detail, quote);
        }
    }
  return g_string_free (out, FALSE);
}

static void
json_ids (GString *out,
          GArray  *ids)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      dossier_export_append_int (out, g_array_index (ids, gint64, i));
    }
  g_string_append_c (out, ']');
}

static char *
divergences_json (GPtrArray *divergences)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < divergences->len; i++)
    {
      const DossierDivergence *d = g_ptr_array_index (divergences, i);

      g_string_append (out, i > 0 ? ",\n " : "\n ");
      g_string_append (out, "{\"kind\": ");
      dossier_export_append_json_value (out, dossier_divergence_kind_to_string (d->kind));
      if (d->kind != DOSSIER_DIVERGENCE_SHARED_COPY)
        {
          json_member_string (out, "rows", dossier_compare_rows_to_string (d->row_kind));
          json_member_int (out, "row", d->row_id);
          json_member_string (out, "label", d->row_label);
        }
      json_member_string (out, "summary", d->summary);
      g_string_append (out, ", \"present\": ");
      json_ids (out, d->present);
      g_string_append (out, ", \"absent\": ");
      json_ids (out, d->absent);
      g_string_append (out, ",\n  \"passages\": [");
      for (guint p = 0; p < d->passages->len; p++)
        {
          const DossierDivergencePassage *x = g_ptr_array_index (d->passages, p);

          g_string_append (out, p > 0 ? ",\n   " : "\n   ");
          g_string_append (out, "{\"document\": ");
          dossier_export_append_int (out, x->document_id);
          g_string_append (out, ", \"highlight\": ");
          if (x->highlight_id > 0)
            dossier_export_append_int (out, x->highlight_id);
          else
            g_string_append (out, "null");
          json_member_int (out, "start", x->start);
          json_member_int (out, "end", x->end);
          json_member_string (out, "detail", x->detail);
          json_member_string (out, "quote", x->quote);
          g_string_append (out, "}");
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, divergences->len > 0 ? "\n]\n" : "]\n");
  return g_string_free (out, FALSE);
}

char *
dossier_compare_divergences_to_string (DossierComparison     *comparison,
                                       GPtrArray             *divergences,
                                       DossierCompareFormat   format,
                                       GError               **error)
{
  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (divergences != NULL, NULL);

  if (format == DOSSIER_COMPARE_FORMAT_TEXT)
    return divergences_text (comparison, divergences);
  if (format == DOSSIER_COMPARE_FORMAT_JSON)
    return divergences_json (divergences);
  refuse_format (error);
  return NULL;
}
