/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-markdown.c — the tagged summary as Markdown that reads
 * well raw and rendered (CommonMark, GitHub, pandoc): headings, a field
 * list per document, each quote a blockquote with its caption and note.
 * Everything that comes from the project is escaped, so a title, quote or
 * memo is shown as written and never becomes a link, image, HTML, a
 * heading, a list, a table, math or a footnote.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-export-summary-private.h"
#include "dossier-markdown-private.h"

/* ---- Escaping ------------------------------------------------------------ */

static gboolean
ends_with_scheme (GString *out,
                  gsize    from)
{
  static const char *schemes[] = { "http", "https", "ftp", "mailto", "file", "javascript" };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      gsize n = strlen (schemes[i]);

      if (out->len - from >= n &&
          g_ascii_strncasecmp (out->str + out->len - n, schemes[i], n) == 0 &&
          (out->len - from == n || !g_ascii_isalnum (out->str[out->len - n - 1])))
        return TRUE;
    }
  return FALSE;
}

/* Appends @s as inline text: backslash before what Markdown (and its
 * common extensions) would read as markup; line breaks and tabs become
 * spaces; @line_start says whether @s starts a line, where more
 * characters are markup. */
static void
md_inline (GString    *out,
           const char *s,
           gboolean    line_start)
{
  g_autofree char *clean = dossier_summary_clean (s);
  gsize from = out->len;

  for (const char *p = clean; *p; p++)
    {
      char c = *p;

      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';

      switch (c)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
        case '&': case '|': case '~': case '#': case '^': case '$': case '@': case '{':
        case '}':
          g_string_append_c (out, '\\');
          break;
        case '+': case '-': case '=': case ':':
          if (line_start)
            g_string_append_c (out, '\\');
          /* "http:" would be linked by GitHub's autolinks. */
          else if (c == ':' && ends_with_scheme (out, from))
            g_string_append_c (out, '\\');
          break;
        case '.':
          /* So would "www.". */
          if (out->len - from >= 3 && g_ascii_strncasecmp (out->str + out->len - 3, "www", 3) == 0)
            g_string_append_c (out, '\\');
          break;
        default:
          break;
        }

      /* "1. " or "1) " at the start of a line would be a list item. */
      if (line_start && g_ascii_isdigit (c))
        {
          p = dossier_markdown_escape_list_number (out, p);
          c = *p;
        }

      g_string_append_c (out, c);
      if (c != ' ')
        line_start = FALSE;
    }
}

/* Lines of @s without empty ones; leading and trailing spaces removed. */
static GPtrArray *
text_lines (const char *s)
{
  g_auto(GStrv) lines = g_strsplit (s != NULL ? s : "", "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0')
        g_ptr_array_add (out, g_strdup (line));
    }
  return out;
}

/* A memo as one paragraph, its lines kept as hard line breaks; @indent
 * starts every line after the first (a footnote's continuation);
 * @line_start: the first line starts a line (else it follows a label). */
static void
md_paragraph_lines (GString    *out,
                    const char *text,
                    const char *indent,
                    gboolean    line_start)
{
  g_autoptr(GPtrArray) lines = text_lines (text);

  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        {
          g_string_append (out, "\\\n");
          g_string_append (out, indent);
        }
      md_inline (out, g_ptr_array_index (lines, i), i > 0 || line_start);
    }
}

/* ---- The format ------------------------------------------------------- */

static void
md_begin (DossierSummary *s,
          const char     *title,
          const char     *subtitle)
{
  GString *out = s->w->buf;

  g_string_append (out, "# ");
  md_inline (out, title, FALSE);
  g_string_append (out, "\n\n");
  if (subtitle != NULL)
    {
      g_string_append_c (out, '*');
      md_inline (out, subtitle, FALSE);
      g_string_append (out, "*\n\n");
    }
}

static void
md_open_part (DossierSummary              *s,
              const DossierSummaryHeading *heading)
{
  GString *out = s->w->buf;

  for (guint i = 0; i < MIN (s->depth + 2, 6); i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  md_inline (out, heading->title, FALSE);
  if (heading->count >= 0)
    g_string_append_printf (out, " (%d)", heading->count);
  g_string_append (out, "\n\n");
}

static void
md_close_part (DossierSummary *s)
{
}

static gboolean
autolink_safe (const char *url)
{
  for (const guchar *p = (const guchar *) url; *p; p++)
    if (*p <= ' ' || *p == 0x7f || *p == '<' || *p == '>')
      return FALSE;
  return g_utf8_validate (url, -1, NULL);
}

static void
md_fields (DossierSummary            *s,
           const DossierSummaryField *fields,
           guint                      n_fields)
{
  GString *out = s->w->buf;

  for (guint i = 0; i < n_fields; i++)
    {
      g_string_append (out, "- **");
      md_inline (out, fields[i].label, FALSE);
      g_string_append (out, ":** ");
      /* An autolink's content is not parsed: only a URL without spaces,
       * controls or angle brackets may go there. */
      if (fields[i].link && autolink_safe (fields[i].value))
        g_string_append_printf (out, "<%s>", fields[i].value);
      else
        md_inline (out, fields[i].value, FALSE);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
md_remark (DossierSummary *s,
           const char     *text)
{
  g_string_append_c (s->w->buf, '*');
  md_inline (s->w->buf, text, FALSE);
  g_string_append (s->w->buf, "*\n\n");
}

static void
md_paragraph (DossierSummary *s,
              const char     *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) lines = text_lines (paragraphs[i]);

      if (lines->len == 0)
        continue;
      md_paragraph_lines (s->w->buf, paragraphs[i], "", TRUE);
      g_string_append (s->w->buf, "\n\n");
    }
}

/* CommonMark reads "**" as emphasis only when it flanks its text: an
 * opening one must not have a letter before and punctuation after, a
 * closing one punctuation before and a letter after. A space between
 * them keeps the bold. */
static gboolean
is_word_char (gunichar c)
{
  return c != 0 && !g_unichar_isspace (c) && !g_unichar_ispunct (c);
}

static gboolean
opening_needs_space (gunichar before,
                     gunichar first)
{
  return is_word_char (before) && first != 0 && g_unichar_ispunct (first);
}

static gboolean
closing_needs_space (gunichar last,
                     gunichar after)
{
  return last != 0 && g_unichar_ispunct (last) && is_word_char (after);
}

static gunichar
last_char (const char *s)
{
  return s != NULL && *s ? g_utf8_get_char (g_utf8_prev_char (s + strlen (s))) : 0;
}

static gunichar
first_char (const char *s)
{
  return s != NULL && *s ? g_utf8_get_char (s) : 0;
}

/* The quote as a blockquote. With context, the quote is in bold between
 * the words around it, which are cut with an ellipsis. */
static void
md_blockquote (GString                   *out,
               const DossierSummaryQuote *q)
{
  const DossierSummaryPassage *p = q->passage;
  gboolean context = p->before != NULL || p->after != NULL;
  g_auto(GStrv) lines = g_strsplit (p->quote, "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    {
      char *line = g_strstrip (lines[i]);
      gboolean first = i == 0, last = i == n - 1;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (*line == '\0' && !(first && p->before != NULL) && !(last && (p->after != NULL || q->footnote)))
        {
          g_string_append (out, ">\n");
          continue;
        }

      g_string_append (out, "> ");
      if (first && p->before != NULL)
        {
          before = g_strchug (g_strdup (p->before));
          if (p->before_cut)
            g_string_append (out, "…");
          md_inline (out, before, !p->before_cut);
        }

      if (*line != '\0')
        {
          if (context)
            {
              if (opening_needs_space (last_char (before), first_char (line)))
                g_string_append_c (out, ' ');
              g_string_append (out, "**");
            }
          md_inline (out, line, !context && before == NULL);
          if (context)
            g_string_append (out, "**");
        }

      if (last && p->after != NULL)
        {
          after = g_strchomp (g_strdup (p->after));
          if (context && closing_needs_space (last_char (line), first_char (after)))
            g_string_append_c (out, ' ');
          md_inline (out, after, FALSE);
          if (p->after_cut)
            g_string_append (out, "…");
        }
      if (last && q->footnote > 0)
        g_string_append_printf (out, "[^%u]", q->footnote);
      g_string_append_c (out, '\n');
    }
}

/* Where the quote is from, as the quote's last line (an attribution):
 * after the quote, outside it, it would read as the next one's heading. */
static void
md_caption (GString                   *out,
            const DossierSummaryQuote *q)
{
  gsize start = out->len;
  gboolean any = FALSE;

  g_string_append (out, ">\n> — ");

  if (q->source != NULL)
    {
      g_autofree char *title = g_strstrip (dossier_summary_clean (q->source->title));

      if (*title != '\0')
        {
          g_string_append_c (out, '*');
          md_inline (out, title, FALSE);
          g_string_append_c (out, '*');
          any = TRUE;
        }
      if (q->source->outlet != NULL)
        {
          g_string_append (out, any ? ", " : "");
          md_inline (out, q->source->outlet, FALSE);
          any = TRUE;
        }
      if (q->date != NULL)
        {
          g_string_append (out, any ? ", " : "");
          md_inline (out, q->date, FALSE);
          any = TRUE;
        }
    }
  if (q->heading != NULL)
    {
      /* TRANSLATORS: the section of its article a quote comes from */
      g_autofree char *section = g_strdup_printf (_("§ %s"), q->heading);

      g_string_append (out, any ? " · " : "");
      md_inline (out, section, FALSE);
      any = TRUE;
    }
  if (q->offsets)
    {
      g_autofree char *offsets = dossier_summary_format_offsets (q->passage);

      g_string_append (out, any ? " · " : "");
      md_inline (out, offsets, FALSE);
      any = TRUE;
    }
  if (any)
    g_string_append_c (out, '\n');
  else
    g_string_truncate (out, start);
}

static void
md_quote (DossierSummary            *s,
          const DossierSummaryQuote *q)
{
  GString *out = s->w->buf;

  md_blockquote (out, q);
  md_caption (out, q);
  g_string_append_c (out, '\n');
  if (q->comment != NULL)
    {
      md_paragraph_lines (out, q->comment, "", TRUE);
      g_string_append (out, "\n\n");
    }
  if (q->memo != NULL)
    {
      g_string_append (out, "**");
      md_inline (out, _("Note:"), FALSE);
      g_string_append (out, "** ");
      md_paragraph_lines (out, q->memo, "", FALSE);
      g_string_append (out, "\n\n");
    }
}

static void
md_footnotes (DossierSummary *s,
              GPtrArray      *memos)
{
  GString *out = s->w->buf;

  for (guint i = 0; i < memos->len; i++)
    {
      g_string_append_printf (out, "[^%u]: ", i + 1);
      md_paragraph_lines (out, g_ptr_array_index (memos, i), "    ", FALSE);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static gboolean
md_end (DossierSummary  *s,
        GError         **error)
{
  return TRUE;
}

const DossierSummaryFormat dossier_summary_markdown = {
  md_begin,
  md_open_part,
  md_close_part,
  md_fields,
  md_remark,
  md_paragraph,
  md_quote,
  md_footnotes,
  md_end,
  NULL,
};

void
dossier_summary_markdown_inline (GString    *out,
                                 const char *s,
                                 gboolean    line_start)
{
  md_inline (out, s, line_start);
}
