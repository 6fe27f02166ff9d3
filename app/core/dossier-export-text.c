/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-text.c — the tagged summary as plain text, for a mail or
 * a terminal: underlined titles, parts and quotes indented by depth, each
 * quote in curly quotes with its caption and note. Control characters
 * from the project (a terminal's escape sequences) never reach the output.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-export-summary-private.h"

static void
append_spaces (GString *out,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* @s cleaned and on one line. */
static char *
text_line (const char *s)
{
  char *line = dossier_summary_clean (s);

  for (char *p = line; *p; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';
  return line;
}

/* Every line of @s after @indent (the first after @first_indent). */
static void
append_indented (GString    *out,
                 const char *s,
                 guint       first_indent,
                 guint       indent)
{
  g_auto(GStrv) lines = g_strsplit (s, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] != '\0')
        append_spaces (out, i == 0 ? first_indent : indent);
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
}

static void
underline (GString    *out,
           const char *title,
           char        c)
{
  g_autofree char *line = text_line (title);
  glong n = g_utf8_strlen (line, -1);

  g_string_append (out, line);
  g_string_append_c (out, '\n');
  for (glong i = 0; i < MAX (n, 3); i++)
    g_string_append_c (out, c);
  g_string_append (out, "\n\n");
}

/* Content of the part @depth parts deep. */
static guint
content_indent (DossierSummary *s)
{
  return s->depth > 0 ? 2 * (s->depth - 1) : 0;
}

static void
text_begin (DossierSummary *s,
            const char     *title,
            const char     *subtitle)
{
  underline (s->w->buf, title, '=');
  if (subtitle != NULL)
    {
      g_autofree char *line = text_line (subtitle);

      g_string_append_printf (s->w->buf, "%s\n\n", line);
    }
}

static void
text_open_part (DossierSummary              *s,
                const DossierSummaryHeading *heading)
{
  g_autofree char *title = NULL;

  if (heading->count >= 0)
    title = g_strdup_printf ("%s (%d)", heading->title, heading->count);
  else
    title = g_strdup (heading->title);

  if (s->depth == 0)
    underline (s->w->buf, title, '-');
  else
    {
      g_autofree char *line = text_line (title);

      append_spaces (s->w->buf, 2 * s->depth);
      g_string_append_printf (s->w->buf, "%s\n\n", line);
    }
}

static void
text_close_part (DossierSummary *s)
{
}

static void
text_fields (DossierSummary            *s,
             const DossierSummaryField *fields,
             guint                      n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = text_line (fields[i].value);

      append_spaces (s->w->buf, content_indent (s));
      g_string_append_printf (s->w->buf, "%s: %s\n", fields[i].label, value);
    }
  g_string_append_c (s->w->buf, '\n');
}

static void
text_remark (DossierSummary *s,
             const char     *text)
{
  append_spaces (s->w->buf, content_indent (s));
  g_string_append_printf (s->w->buf, "%s\n\n", text);
}

static void
text_paragraph (DossierSummary *s,
                const char     *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *clean = dossier_summary_clean (paragraphs[i]);

      g_strstrip (clean);
      if (*clean == '\0')
        continue;
      append_indented (s->w->buf, clean, content_indent (s), content_indent (s));
      g_string_append_c (s->w->buf, '\n');
    }
}

static void
text_quote (DossierSummary            *s,
            const DossierSummaryQuote *q)
{
  const DossierSummaryPassage *p = q->passage;
  GString *out = s->w->buf;
  guint indent = 2 * s->depth;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) caption = g_ptr_array_new_with_free_func (g_free);

  /* …words before “the quote” words after… */
  if (p->before != NULL)
    {
      if (p->before_cut)
        g_string_append (body, "…");
      g_string_append (body, p->before);
    }
  {
    const char *open, *close;

    /* A passage that is a quotation already keeps its own marks. */
    dossier_text_quote_marks (p->quote, &open, &close);
    g_string_append_printf (body, "%s%s%s", open, p->quote, close);
  }
  if (p->after != NULL)
    {
      g_string_append (body, p->after);
      if (p->after_cut)
        g_string_append (body, "…");
    }
  if (q->footnote > 0)
    g_string_append_printf (body, " [%u]", q->footnote);
  append_indented (out, body->str, indent, indent);

  if (q->source != NULL)
    {
      g_autoptr(GString) source = g_string_new (NULL);
      g_autofree char *title = text_line (q->source->title);

      g_string_append (source, title);
      if (q->source->outlet != NULL)
        {
          g_autofree char *outlet = text_line (q->source->outlet);

          g_string_append_printf (source, ", %s", outlet);
        }
      if (q->date != NULL)
        g_string_append_printf (source, ", %s", q->date);
      g_ptr_array_add (caption, g_string_free (g_steal_pointer (&source), FALSE));
    }
  if (q->heading != NULL)
    g_ptr_array_add (caption, g_strdup_printf (_("§ %s"), q->heading));
  if (q->offsets)
    g_ptr_array_add (caption, dossier_summary_format_offsets (p));
  if (caption->len > 0)
    {
      g_autofree char *line = NULL;

      g_ptr_array_add (caption, NULL);
      line = g_strjoinv (" · ", (char **) caption->pdata);
      append_spaces (out, indent);
      g_string_append_printf (out, "%s\n", line);
    }

  if (q->comment != NULL)
    {
      g_autofree char *comment = dossier_summary_clean (q->comment);

      append_indented (out, comment, indent, indent);
    }
  if (q->memo != NULL)
    {
      g_autofree char *note = g_strdup_printf ("%s %s", _("Note:"), q->memo);

      append_indented (out, note, indent, indent + 2);
    }
  g_string_append_c (out, '\n');
}

static void
text_footnotes (DossierSummary *s,
                GPtrArray      *memos)
{
  underline (s->w->buf, _("Notes"), '-');
  for (guint i = 0; i < memos->len; i++)
    {
      g_autofree char *note = g_strdup_printf ("[%u] %s", i + 1,
                                               (char *) g_ptr_array_index (memos, i));

      append_indented (s->w->buf, note, 0, 4);
    }
  g_string_append_c (s->w->buf, '\n');
}

static gboolean
text_end (DossierSummary  *s,
          GError         **error)
{
  return TRUE;
}

const DossierSummaryFormat dossier_summary_text = {
  text_begin,
  text_open_part,
  text_close_part,
  text_fields,
  text_remark,
  text_paragraph,
  text_quote,
  text_footnotes,
  text_end,
  NULL,
};
