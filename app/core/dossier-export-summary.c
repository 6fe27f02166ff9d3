/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-summary.c — the tagged summaries' content, whatever the
 * format: the walk (by document: document → its sections; by tag: the
 * sections across all documents), the tags section (tags in codebook
 * order, full path, with their quotes), and placing a quote in its
 * document (the heading of its section, words of context). How it looks
 * is the formats' (dossier-export-markdown.c, -text.c, -html.c); see
 * dossier-export-summary-private.h for how a section plugs in.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-export-summary-private.h"
#include "dossier-project-private.h"

/* ---- Cleaning and formatting ------------------------------------------- */

char *
dossier_summary_clean (const char *s)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (s == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (s, -1, NULL))
    s = valid = g_utf8_make_valid (s, -1);

  out = g_string_sized_new (strlen (s));
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* C0 and C1 controls (a terminal escape sequence among them), DEL
       * and the bidi overrides and isolates (what follows them reads
       * backwards; the marks stay); newline and tab are text. */
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0) ||
          dossier_text_is_bidi_control (c))
        continue;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

char *
dossier_summary_clean_cut (const char     *s,
                           gsize           max_chars,
                           DossierTextCut  what)
{
  g_autofree char *note = NULL;
  g_autofree char *cut = dossier_text_cut (s, max_chars, what, &note);

  if (note != NULL)
    {
      char *with_note = g_strconcat (cut, " ", note, NULL);

      g_free (cut);
      cut = with_note;
    }
  return dossier_summary_clean (cut);
}

static const char *month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

char *
dossier_summary_format_date (const char *iso_date)
{
  guint year, month, day;

  if (iso_date == NULL)
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? iso_date[i] != '-' : !g_ascii_isdigit (iso_date[i]))
      return dossier_summary_clean (iso_date);
  if (iso_date[10] != '\0')
    return dossier_summary_clean (iso_date);
  year = g_ascii_strtoull (iso_date, NULL, 10);
  month = g_ascii_strtoull (iso_date + 5, NULL, 10);
  day = g_ascii_strtoull (iso_date + 8, NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    return dossier_summary_clean (iso_date);

  /* Month names of our own catalogue rather than the C library's, which
   * follow LC_TIME and could mix languages with ours. */

  /* TRANSLATORS: a published date: day, month name, year, e.g. "12 March
   * 2025"; reorder with %1$u, %2$s, %3$u */
  return g_strdup_printf (_("%1$u %2$s %3$u"), day,
                          g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]), year);
}

char *
dossier_summary_format_offsets (const DossierSummaryPassage *passage)
{
  /* TRANSLATORS: where a quote is in its document, counted in characters */
  return g_strdup_printf (_("characters %" PRId64 "–%" PRId64), passage->start, passage->end);
}

/* ---- Placing passages -------------------------------------------------- */

typedef struct
{
  gint64  end;      /* the heading's end, in characters */
  char   *title;
} Heading;

/* One document's text, read once for all its passages in a row. */
struct _DossierSummaryText
{
  gint64       document_id;
  char        *text;
  const char  *text_end;
  GArray      *headings;       /* of Heading, by position */
  /* Highlights come by start: walking on from the last one keeps placing
   * them linear in the text's length. */
  gint64       cursor_offset;
  const char  *cursor;
};

static void
heading_clear (gpointer data)
{
  g_free (((Heading *) data)->title);
}

static void
summary_text_free (struct _DossierSummaryText *t)
{
  if (t == NULL)
    return;
  g_free (t->text);
  g_clear_pointer (&t->headings, g_array_unref);
  g_free (t);
}

/* @n characters on from @p, never past @end (offsets from a damaged file
 * may point beyond the text). */
static const char *
advance (const char *p,
         const char *end,
         gint64      n)
{
  for (; n > 0 && p < end; n--)
    p = g_utf8_next_char (p);
  return MIN (p, end);
}

static const char *
text_at (struct _DossierSummaryText *t,
         gint64                      offset)
{
  offset = MAX (offset, 0);
  if (offset < t->cursor_offset)
    {
      t->cursor_offset = 0;
      t->cursor = t->text;
    }
  t->cursor = advance (t->cursor, t->text_end, offset - t->cursor_offset);
  t->cursor_offset = offset;
  return t->cursor;
}

/* A heading's text on one line: a title split over lines reads as one. */
static char *
one_line (const char *start,
          const char *end)
{
  g_autofree char *raw = g_strndup (start, end - start);
  char *line = dossier_summary_clean (raw);

  for (char *p = line; *p; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';
  return g_strstrip (line);
}

static struct _DossierSummaryText *
summary_text_load (DossierSummary  *s,
                   gint64           document_id,
                   GError         **error)
{
  struct _DossierSummaryText *t;
  g_autoptr(GArray) blocks = NULL;
  char *text;

  text = dossier_export_context_get_text (s->ctx, document_id, error);
  if (text == NULL)
    return NULL;
  if (s->options->headings)
    {
      blocks = dossier_export_context_get_blocks (s->ctx, document_id, error);
      if (blocks == NULL)
        {
          g_free (text);
          return NULL;
        }
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      text = valid;
    }

  t = g_new0 (struct _DossierSummaryText, 1);
  t->document_id = document_id;
  t->text = text;
  t->text_end = text + strlen (text);
  t->cursor = text;
  t->headings = g_array_new (FALSE, FALSE, sizeof (Heading));
  g_array_set_clear_func (t->headings, heading_clear);

  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      const DossierBlock *block = &g_array_index (blocks, DossierBlock, i);
      const char *start, *end;
      Heading heading;

      if (block->kind != DOSSIER_BLOCK_HEADING || block->end <= block->start)
        continue;
      start = text_at (t, block->start);
      end = advance (start, t->text_end, block->end - MAX (block->start, 0));
      heading.end = block->end;
      heading.title = one_line (start, end);
      if (*heading.title == '\0')
        {
          g_free (heading.title);
          continue;
        }
      g_array_append_val (t->headings, heading);
    }

  return t;
}

/* The last heading that ends at or before @start. */
static const char *
heading_before (struct _DossierSummaryText *t,
                gint64                      start)
{
  guint lo = 0, hi = t->headings->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (t->headings, Heading, mid).end <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? g_array_index (t->headings, Heading, lo - 1).title : NULL;
}

/* A word is a run of non-spaces; the context never crosses a line (the
 * paragraph's edge), and text without spaces (CJK) is cut at this many
 * characters per word asked for. */
#define CONTEXT_CHARS_PER_WORD 12

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200b;
}

/* Where context of up to @n words next to @p ends, walking towards
 * @limit (backwards when @limit is before @p): at the @n-th word's far
 * edge, at the line's edge, or at @limit. */
static const char *
context_edge (const char *p,
              const char *limit,
              guint       n,
              gboolean   *cut)
{
  gboolean forward = limit > p;
  const char *q = p;
  guint words = 0, chars = 0;
  gboolean in_word = FALSE;

  *cut = FALSE;
  while (q != limit)
    {
      const char *next = forward ? g_utf8_next_char (q) : g_utf8_prev_char (q);
      gunichar c = g_utf8_get_char (forward ? q : next);

      if (c == '\n')
        return q;
      if (is_space (c))
        {
          if (in_word && ++words == n)
            {
              *cut = TRUE;
              return q;
            }
          in_word = FALSE;
        }
      else
        in_word = TRUE;
      if (++chars > n * CONTEXT_CHARS_PER_WORD)
        {
          *cut = TRUE;
          return q;
        }
      q = next;
    }
  return q;
}

static void
passage_clear (gpointer data)
{
  DossierSummaryPassage *p = data;

  g_free (p->quote);
  g_free (p->memo);
  g_free (p->heading);
  g_free (p->before);
  g_free (p->after);
}

DossierSummaryPassage *
dossier_summary_passage_ref (DossierSummaryPassage *passage)
{
  return g_rc_box_acquire (passage);
}

void
dossier_summary_passage_unref (DossierSummaryPassage *passage)
{
  g_rc_box_release_full (passage, passage_clear);
}

static const DossierExportDocument *
find_document (DossierExportContext *ctx,
               gint64                id)
{
  for (guint i = 0; i < ctx->documents->len; i++)
    {
      const DossierExportDocument *d = g_ptr_array_index (ctx->documents, i);

      if (d->id == id)
        return d;
    }
  return NULL;
}

DossierSummaryPassage *
dossier_summary_passage_new (DossierSummary               *s,
                             const DossierExportHighlight *h,
                             GError                      **error)
{
  DossierSummaryPassage *p = g_rc_box_new0 (DossierSummaryPassage);
  guint words = s->options->context_words;

  p->highlight_id = h->id;
  p->start = h->start;
  p->end = h->end;
  /* Highlights come document by document: one lookup per document. */
  if (s->document == NULL || s->document->id != h->document_id)
    s->document = find_document (s->ctx, h->document_id);
  p->document = s->document;
  p->quote = dossier_summary_clean_cut (h->quote, DOSSIER_TEXT_MAX_PASSAGE, DOSSIER_TEXT_CUT_PASSAGE);
  if (h->memo != NULL && *h->memo != '\0')
    p->memo = dossier_summary_clean_cut (h->memo, DOSSIER_TEXT_MAX_FREE, DOSSIER_TEXT_CUT_MEMO);

  if (p->orphaned || (!s->options->headings && words == 0))
    return p;

  if (s->text == NULL || s->text->document_id != h->document_id)
    {
      g_clear_pointer (&s->text, summary_text_free);
      s->text = summary_text_load (s, h->document_id, error);
      if (s->text == NULL)
        {
          dossier_summary_passage_unref (p);
          return NULL;
        }
    }

  if (s->options->headings)
    p->heading = g_strdup (heading_before (s->text, h->start));

  if (words > 0)
    {
      const char *start = text_at (s->text, h->start);
      const char *end = advance (start, s->text->text_end, h->end - MAX (h->start, 0));
      const char *from = context_edge (start, s->text->text, words, &p->before_cut);
      const char *to = context_edge (end, s->text->text_end, words, &p->after_cut);

      if (from < start)
        {
          g_autofree char *raw = g_strndup (from, start - from);

          p->before = dossier_summary_clean (raw);
        }
      if (to > end)
        {
          g_autofree char *raw = g_strndup (end, to - end);

          p->after = dossier_summary_clean (raw);
        }
    }

  return p;
}

DossierSummaryPassage *
dossier_summary_passage_lookup (DossierSummary *s,
                                gint64          highlight_id,
                                GError        **error)
{
  DossierSummaryPassage *p;
  DossierExportHighlight h = { 0, };
  sqlite3_stmt *stmt;
  gboolean row;

  p = g_hash_table_lookup (s->passages, &highlight_id);
  if (p != NULL)
    return dossier_summary_passage_ref (p);

  stmt = dossier_export_context_prepare (s->ctx,
      "SELECT document, start, end, quote, memo, orphaned FROM highlights WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, highlight_id);
  if (!dossier_export_context_step (s->ctx, stmt, &row, error))
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  if (!row)
    {
      sqlite3_reset (stmt);
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND,
                   _("Highlight %" PRId64 " is not in the project; "
                     "run “dossier-cli check” on it"), highlight_id);
      return NULL;
    }

  h.id = highlight_id;
  h.document_id = sqlite3_column_int64 (stmt, 0);
  h.start = sqlite3_column_int64 (stmt, 1);
  h.end = sqlite3_column_int64 (stmt, 2);
  h.quote = dossier_export_context_column_text (s->ctx, stmt, 3);
  h.memo = dossier_export_context_column_text (s->ctx, stmt, 4);
  if (h.quote == NULL)
    h.quote = "";

  /* A document left out by the filter: nothing to show. */
  if (s->document == NULL || s->document->id != h.document_id)
    s->document = find_document (s->ctx, h.document_id);
  if (s->document == NULL)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  if (sqlite3_column_int64 (stmt, 5) != 0)
    {
      p = g_rc_box_new0 (DossierSummaryPassage);
      p->highlight_id = h.id;
      p->document = s->document;
      p->start = h.start;
      p->end = h.end;
      p->quote = dossier_summary_clean_cut (h.quote, DOSSIER_TEXT_MAX_PASSAGE,
                                            DOSSIER_TEXT_CUT_PASSAGE);
      if (h.memo != NULL && *h.memo != '\0')
        p->memo = dossier_summary_clean_cut (h.memo, DOSSIER_TEXT_MAX_FREE, DOSSIER_TEXT_CUT_MEMO);
      p->orphaned = TRUE;
    }
  else
    p = dossier_summary_passage_new (s, &h, error);
  sqlite3_reset (stmt);
  if (p == NULL)
    return NULL;

  g_hash_table_insert (s->passages, g_memdup2 (&highlight_id, sizeof highlight_id),
                       dossier_summary_passage_ref (p));
  return p;
}

/* ---- Writing ----------------------------------------------------------- */

void
dossier_summary_open_part (DossierSummary              *s,
                           const DossierSummaryHeading *heading)
{
  s->format->open_part (s, heading);
  s->depth++;
}

void
dossier_summary_close_part (DossierSummary *s)
{
  g_assert (s->depth > 0);
  s->format->close_part (s);
  s->depth--;
}

void
dossier_summary_remark (DossierSummary *s,
                        const char     *text)
{
  s->format->remark (s, text);
}

void
dossier_summary_paragraph (DossierSummary *s,
                           const char     *text)
{
  s->format->paragraph (s, text);
}

void
dossier_summary_document_fields (DossierSummary              *s,
                                 const DossierExportDocument *document)
{
  g_autofree char *date = dossier_summary_format_date (document->published);
  DossierSummaryField fields[4];
  guint n = 0;

  if (document->author != NULL)
    fields[n++] = (DossierSummaryField) { _("Author"), document->author, FALSE };
  if (document->outlet != NULL)
    fields[n++] = (DossierSummaryField) { _("Outlet"), document->outlet, FALSE };
  if (date != NULL)
    fields[n++] = (DossierSummaryField) { _("Date"), date, FALSE };
  if (document->source != NULL)
    fields[n++] = (DossierSummaryField) {
      _("Source"), document->source,
      g_str_has_prefix (document->source, "http://") ||
      g_str_has_prefix (document->source, "https://")
    };

  if (n > 0)
    s->format->fields (s, fields, n);
}

void
dossier_summary_write_quote (DossierSummary              *s,
                             const DossierSummaryPassage *passage,
                             const char                  *color)
{
  dossier_summary_write_quote_full (s, passage, color, NULL);
}

void
dossier_summary_write_quote_full (DossierSummary              *s,
                                  const DossierSummaryPassage *passage,
                                  const char                  *color,
                                  const char                  *comment)
{
  g_autofree char *date = NULL;
  DossierSummaryQuote q = { passage, };

  q.heading = passage->heading;
  /* An orphan's offsets are those of a text that is gone. */
  q.offsets = s->options->offsets && !passage->orphaned;
  q.color = color;
  q.comment = comment != NULL && *comment != '\0' ? comment : NULL;
  if (s->across && passage->document != NULL)
    {
      g_hash_table_add (s->cited, (gpointer) passage->document);
      q.source = passage->document;
      q.date = date = dossier_summary_format_date (passage->document->published);
    }

  if (passage->memo != NULL)
    {
      switch (s->options->memos)
        {
        case DOSSIER_EXPORT_MEMOS_NOTES:
          q.memo = passage->memo;
          break;
        case DOSSIER_EXPORT_MEMOS_FOOTNOTES:
          g_ptr_array_add (s->footnotes, g_strdup (passage->memo));
          q.footnote = s->footnotes->len;
          break;
        case DOSSIER_EXPORT_MEMOS_NONE:
        default:
          break;
        }
    }

  s->format->quote (s, &q);
}

/* ---- The tags section --------------------------------------------------- */

/* Per tag (by codebook order) the passages listed under it; last, those
 * with no tag (a stakeholder's or an argument's evidence is often not
 * tagged), each with what it is evidence for. */
typedef struct
{
  DossierSummary  *s;
  GPtrArray      **buckets;   /* of DossierSummaryPassage, by tag order, then untagged */
  GPtrArray       *untagged;  /* of char *: what each untagged passage is evidence for */
  guint            n_tags;
} TagsData;

static void
tags_data_free (gpointer user_data)
{
  TagsData *data = user_data;

  for (guint i = 0; i <= data->n_tags; i++)
    g_clear_pointer (&data->buckets[i], g_ptr_array_unref);
  g_clear_pointer (&data->untagged, g_ptr_array_unref);
  g_free (data->buckets);
  g_free (data);
}

/* "Evidence for Harbour Authority; “Fares will rise”" — the stakeholders
 * and arguments that cite @highlight_id; "" for none. */
static gboolean
evidence_for (DossierSummary  *s,
              gint64           highlight_id,
              char           **out,
              GError         **error)
{
  /* Each name read no further than it is written (a file from elsewhere
   * may hold one of 10 MB: it was copied whole for every passage). */
  static const char *const queries[] = {
    "SELECT " DOSSIER_SQL_SHOWN_ROW ("stakeholders", "st", "name", DOSSIER_STAKEHOLDER_MAX_NAME) " "
    "FROM stakeholder_evidence e JOIN stakeholders st ON st.id = e.stakeholder "
    "WHERE e.highlight = ?1 ORDER BY st.position, st.id",
    "SELECT " DOSSIER_SQL_SHOWN_ROW ("arguments", "a", "statement", DOSSIER_ARGUMENT_MAX_TEXT) " "
    "FROM argument_evidence e JOIN arguments a ON a.id = e.argument "
    "WHERE e.highlight = ?1 ORDER BY a.position, a.id",
  };
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = dossier_export_context_prepare (s->ctx, queries[i], error);
      gboolean row, ok;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, highlight_id);
      while ((ok = dossier_export_context_step (s->ctx, stmt, &row, error)) && row)
        {
          g_autofree char *clean = dossier_summary_clean (dossier_export_context_column_text (s->ctx, stmt, 0));
          g_autofree char *name = dossier_export_context_name (s->ctx, clean, i == 0 ? DOSSIER_STAKEHOLDER_MAX_NAME
                                                                                     : DOSSIER_ARGUMENT_MAX_TEXT);

          if (names->len > 0)
            g_string_append (names, "; ");
          if (i == 0)
            g_string_append (names, name);
          else
            /* Translators: an argument a passage is evidence for, in a summary. */
            g_string_append_printf (names, _("“%s”"), name);
        }
      sqlite3_reset (stmt);
      if (!ok)
        return FALSE;
    }
  /* Translators: what an untagged passage of a summary is evidence for:
   * stakeholders' names and arguments, e.g. "Evidence for Port Authority; “Fares rise”". */
  *out = names->len > 0 ? g_strdup_printf (_("Evidence for %s"), names->str) : g_strdup ("");
  return TRUE;
}

static gboolean
collect_tagged (const DossierExportHighlight *h,
                gpointer                      user_data,
                GError                      **error)
{
  TagsData *data = user_data;
  g_autoptr(DossierSummaryPassage) passage = NULL;
  g_autofree char *cites = NULL;

  /* Untagged: listed in a summary of the whole codebook, not of a tag. */
  if (h->n_tags == 0 && data->s->ctx->filter.tag_id == 0)
    {
      passage = dossier_summary_passage_new (data->s, h, error);
      if (passage == NULL || !evidence_for (data->s, h->id, &cites, error))
        return FALSE;
      if (data->buckets[data->n_tags] == NULL)
        data->buckets[data->n_tags] =
          g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_summary_passage_unref);
      g_ptr_array_add (data->buckets[data->n_tags], g_steal_pointer (&passage));
      g_ptr_array_add (data->untagged, g_steal_pointer (&cites));
      return TRUE;
    }

  for (guint i = 0; i < h->n_tags; i++)
    {
      DossierExportTag *tag = dossier_export_context_get_tag (data->s->ctx, h->tag_ids[i]);

      /* With a tag filter, a highlight also carrying tags outside the
       * subtree is listed under the selected ones only. */
      if (tag == NULL || !tag->selected)
        continue;

      if (passage == NULL)
        {
          passage = dossier_summary_passage_new (data->s, h, error);
          if (passage == NULL)
            return FALSE;
        }
      if (data->buckets[tag->order] == NULL)
        data->buckets[tag->order] =
          g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_summary_passage_unref);
      g_ptr_array_add (data->buckets[tag->order], dossier_summary_passage_ref (passage));
    }
  return TRUE;
}

static gboolean
tags_collect (DossierSummary               *s,
              const DossierExportDocument  *document,
              gpointer                     *out,
              guint                        *n_items,
              GError                      **error)
{
  TagsData *data = g_new0 (TagsData, 1);

  data->s = s;
  data->n_tags = s->ctx->tags->len;
  data->buckets = g_new0 (GPtrArray *, data->n_tags + 1);
  data->untagged = g_ptr_array_new_with_free_func (g_free);

  if (!dossier_export_context_foreach_highlight (s->ctx, document != NULL ? document->id : 0,
                                                 collect_tagged, data, error))
    {
      tags_data_free (data);
      return FALSE;
    }

  *n_items = 0;
  for (guint i = 0; i <= data->n_tags; i++)
    if (data->buckets[i] != NULL)
      *n_items += data->buckets[i]->len;
  *out = data;
  return TRUE;
}

static void
tags_write (DossierSummary *s,
            gpointer        user_data)
{
  TagsData *data = user_data;

  for (guint i = 0; i < data->n_tags; i++)
    {
      GPtrArray *passages = data->buckets[i];
      DossierExportTag *tag;
      g_autofree char *anchor = NULL;
      DossierSummaryHeading heading;

      if (passages == NULL)
        continue;

      tag = g_ptr_array_index (s->ctx->tags, i);
      if (s->depth == 0)
        anchor = g_strdup_printf ("tag-%" G_GINT64_FORMAT, tag->id);
      heading = (DossierSummaryHeading) { "tag", tag->path, anchor, tag->color, passages->len };
      dossier_summary_open_part (s, &heading);
      for (guint j = 0; j < passages->len; j++)
        {
          dossier_summary_write_quote (s, g_ptr_array_index (passages, j), tag->color);
          if (!dossier_export_writer_check (s->w))
            break;
        }
      dossier_summary_close_part (s);
    }

  if (data->buckets[data->n_tags] != NULL && dossier_export_writer_check (s->w))
    {
      GPtrArray *passages = data->buckets[data->n_tags];
      DossierSummaryHeading heading = { "tag", _("Untagged"), s->depth == 0 ? "untagged" : NULL,
                                        NULL, passages->len };

      dossier_summary_open_part (s, &heading);
      for (guint j = 0; j < passages->len; j++)
        {
          dossier_summary_write_quote_full (s, g_ptr_array_index (passages, j), NULL,
                                            g_ptr_array_index (data->untagged, j));
          if (!dossier_export_writer_check (s->w))
            break;
        }
      dossier_summary_close_part (s);
    }
}

const DossierSummarySection dossier_summary_tags_section = {
  "tags", DOSSIER_SUMMARY_IN_GROUPS, tags_collect, tags_write, tags_data_free,
};

/* What a summary is made of, in this order. */
static const DossierSummarySection *const summary_sections[] = {
  &dossier_summary_tags_section,
  &dossier_summary_stakeholders_section,
  &dossier_summary_arguments_section,
};

/* ---- The walk ------------------------------------------------------------ */

static const DossierSummaryFormat *
format_for (DossierExportFormat format)
{
  switch (format)
    {
    case DOSSIER_EXPORT_MARKDOWN:
      return &dossier_summary_markdown;
    case DOSSIER_EXPORT_HTML:
      return &dossier_summary_html;
    case DOSSIER_EXPORT_TEXT:
      return &dossier_summary_text;
    default:
      return NULL;
    }
}

/* The sections of one scope, collected together: what each shows and
 * how many items. */
typedef struct
{
  const DossierSummarySection *const *sections;
  guint                               n_sections;
  gpointer                           *data;
  guint                              *n_items;
  guint                               total;
} Collected;

static void
collected_clear (Collected *c)
{
  for (guint i = 0; i < c->n_sections; i++)
    if (c->data[i] != NULL)
      c->sections[i]->free (c->data[i]);
  g_clear_pointer (&c->data, g_free);
  g_clear_pointer (&c->n_items, g_free);
}

/* Collects the sections of @scope for @document (NULL = across
 * documents). */
static gboolean
collect_sections (DossierSummary                     *s,
                  const DossierSummarySection *const *sections,
                  guint                               n_sections,
                  DossierSummaryScope                 scope,
                  const DossierExportDocument        *document,
                  Collected                          *c,
                  GError                            **error)
{
  c->sections = sections;
  c->n_sections = n_sections;
  c->data = g_new0 (gpointer, n_sections);
  c->n_items = g_new0 (guint, n_sections);
  c->total = 0;
  for (guint i = 0; i < n_sections; i++)
    {
      if (sections[i]->scope != scope)
        continue;
      if (!sections[i]->collect (s, document, &c->data[i], &c->n_items[i], error))
        {
          collected_clear (c);
          return FALSE;
        }
      c->total += c->n_items[i];
    }
  return TRUE;
}

/* Writes what was collected (a section with nothing to show is left out)
 * and frees it. */
static void
write_sections (DossierSummary *s,
                Collected      *c)
{
  for (guint i = 0; i < c->n_sections; i++)
    if (c->n_items[i] > 0 && dossier_export_writer_check (s->w))
      {
        guint depth = s->depth;

        c->sections[i]->write (s, c->data[i]);
        g_assert (s->depth == depth);
      }
  collected_clear (c);
}

static gboolean
write_by_document (DossierSummary                     *s,
                   const DossierSummarySection *const *sections,
                   guint                               n_sections,
                   guint                              *n_written,
                   GError                            **error)
{
  for (guint d = 0; d < s->ctx->documents->len; d++)
    {
      const DossierExportDocument *doc = g_ptr_array_index (s->ctx->documents, d);
      Collected c;
      g_autofree char *anchor = NULL;
      DossierSummaryHeading heading;

      if (!collect_sections (s, sections, n_sections, DOSSIER_SUMMARY_IN_GROUPS, doc, &c, error))
        return FALSE;

      /* A tag summary lists only the documents that carry the tag. */
      if (s->ctx->filter.tag_id != 0 && c.total == 0)
        {
          collected_clear (&c);
          continue;
        }

      (*n_written)++;
      anchor = g_strdup_printf ("doc-%" G_GINT64_FORMAT, doc->id);
      heading = (DossierSummaryHeading) { "document", doc->title, anchor, NULL, -1 };
      dossier_summary_open_part (s, &heading);
      dossier_summary_document_fields (s, doc);
      if (c.total == 0)
        dossier_summary_remark (s, _("No highlights."));
      write_sections (s, &c);
      dossier_summary_close_part (s);

      if (!dossier_export_writer_check (s->w))
        return TRUE;  /* the writer holds the error */
    }
  return TRUE;
}

/* The documents quoted, with their metadata, as a list of sources that
 * the quotes' captions refer to. */
static void
write_sources (DossierSummary *s)
{
  DossierSummaryHeading sources = { "sources", _("Sources"), "sources", NULL, -1 };

  dossier_summary_open_part (s, &sources);
  for (guint d = 0; d < s->ctx->documents->len; d++)
    {
      const DossierExportDocument *doc = g_ptr_array_index (s->ctx->documents, d);
      g_autofree char *anchor = NULL;
      DossierSummaryHeading heading;

      if (!g_hash_table_contains (s->cited, doc))
        continue;
      anchor = g_strdup_printf ("doc-%" G_GINT64_FORMAT, doc->id);
      heading = (DossierSummaryHeading) { "document", doc->title, anchor, NULL, -1 };
      dossier_summary_open_part (s, &heading);
      dossier_summary_document_fields (s, doc);
      dossier_summary_close_part (s);
    }
  dossier_summary_close_part (s);
}

static gboolean
write_body (DossierSummary                     *s,
            const DossierSummarySection *const *sections,
            guint                               n_sections,
            guint                              *n_written,
            GError                            **error)
{
  gboolean by_tag = s->options->group_by == DOSSIER_EXPORT_GROUP_BY_TAG;
  Collected c;

  /* Quotes of several documents side by side say where they are from
   * (one document's are named once, in the subtitle). */
  s->across = by_tag && s->ctx->documents->len > 1;
  if (by_tag)
    {
      if (!collect_sections (s, sections, n_sections, DOSSIER_SUMMARY_IN_GROUPS, NULL, &c, error))
        return FALSE;
      *n_written += c.total;
      write_sections (s, &c);
    }
  else if (!write_by_document (s, sections, n_sections, n_written, error))
    return FALSE;

  /* The sections once span the documents: their quotes name their
   * source, which by document links to the document's part. */
  s->across = s->ctx->documents->len > 1;
  if (!collect_sections (s, sections, n_sections, DOSSIER_SUMMARY_ONCE, NULL, &c, error))
    return FALSE;
  *n_written += c.total;
  write_sections (s, &c);

  /* By document, every document is listed already. */
  if (by_tag && g_hash_table_size (s->cited) > 0)
    write_sources (s);
  return TRUE;
}

/* The title and what the summary covers. */
static void
write_title (DossierSummary *s)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean by_tag = s->options->group_by == DOSSIER_EXPORT_GROUP_BY_TAG;

  if (s->ctx->filter.tag_id != 0)
    {
      DossierExportTag *tag = dossier_export_context_get_tag (s->ctx, s->ctx->filter.tag_id);

      /* TRANSLATORS: heading of a summary restricted to one tag: project — tag */
      title = g_strdup_printf (_("%s — %s"), s->ctx->title, tag != NULL ? tag->path : "");
    }
  else
    title = g_strdup (s->ctx->title);

  if (by_tag && s->ctx->documents->len == 1)
    {
      const DossierExportDocument *doc = g_ptr_array_index (s->ctx->documents, 0);

      /* TRANSLATORS: subtitle of a summary of one document, grouped by
       * tag: "Tagged summary of “Title”" */
      subtitle = g_strdup_printf (_("Tagged summary of “%s”"), doc->title);
    }
  else
    subtitle = g_strdup (by_tag ? _("Tagged summary, by tag") : _("Tagged summary, by document"));

  s->format->begin (s, title, subtitle);
}

gboolean
dossier_summary_write (DossierExportContext               *ctx,
                       DossierExportWriter                *w,
                       DossierExportFormat                 format,
                       const DossierSummarySection *const *sections,
                       guint                               n_sections,
                       GError                            **error)
{
  DossierSummary s = { 0, };
  guint n_written = 0;
  gboolean ok;

  s.ctx = ctx;
  s.w = w;
  s.options = &ctx->options;
  s.format = format_for (format);
  s.footnotes = g_ptr_array_new_with_free_func (g_free);
  s.cited = g_hash_table_new (NULL, NULL);
  s.passages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) dossier_summary_passage_unref);
  g_assert (s.format != NULL);

  write_title (&s);
  ok = write_body (&s, sections, n_sections, &n_written, error);

  if (ok && n_written == 0)
    dossier_summary_remark (&s, ctx->filter.tag_id != 0 ? _("No highlights carry this tag.")
                                : ctx->documents->len == 0 ? _("This project has no documents.")
                                : _("No highlights."));
  if (ok && s.footnotes->len > 0)
    s.format->footnotes (&s, s.footnotes);

  if (ok && !s.format->end (&s, error))
    ok = FALSE;

  if (s.format->free_data != NULL)
    g_clear_pointer (&s.data, s.format->free_data);
  g_clear_pointer (&s.text, summary_text_free);
  g_ptr_array_unref (s.footnotes);
  g_hash_table_unref (s.cited);
  g_hash_table_unref (s.passages);
  return ok;
}

gboolean
dossier_export_write_summary (DossierExportContext *ctx,
                              DossierExportWriter  *w,
                              DossierExportFormat   format,
                              GError              **error)
{
  return dossier_summary_write (ctx, w, format, summary_sections,
                                G_N_ELEMENTS (summary_sections), error);
}
