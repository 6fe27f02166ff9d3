/* dossier-export-summary.c — tagged summaries in Markdown and plain text:
 * per document its metadata, then each tag (codebook order, full path)
 * with its quotes, their position in the text and their memos. With a tag
 * filter, only documents carrying that tag (or a descendant) appear.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-export-private.h"

/* ---- Markdown escaping ------------------------------------------------- */

/* Backslash-escapes what Markdown would otherwise read as markup, so a
 * quote is shown as written (and raw HTML in a quote stays text). @s is one
 * line: newlines become spaces. */
static void
md_inline (GString    *out,
           const char *s)
{
  gboolean line_start = TRUE;

  if (s == NULL)
    return;

  for (const char *p = s; *p; p++)
    {
      char c = *p;

      if (c == '\n' || c == '\r')
        c = ' ';

      switch (c)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']':
        case '<': case '>': case '&': case '|': case '~':
          g_string_append_c (out, '\\');
          break;
        case '#': case '+': case '-': case '=':
          if (line_start)
            g_string_append_c (out, '\\');
          break;
        default:
          break;
        }

      /* "1. " at the start of a line would become a list item. */
      if (line_start && g_ascii_isdigit (c))
        {
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
              c = *q;
            }
        }

      g_string_append_c (out, c);
      line_start = FALSE;
    }
}

/* A quote as a blockquote: each line prefixed with "> ", blank lines kept
 * as ">" so paragraphs stay inside the quote. */
static void
md_blockquote (GString    *out,
               const char *quote)
{
  g_auto(GStrv) lines = g_strsplit (quote != NULL ? quote : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ' || *line == '\t')
        line++;

      if (*line == '\0')
        g_string_append (out, ">\n");
      else
        {
          g_string_append (out, "> ");
          md_inline (out, line);
          g_string_append_c (out, '\n');
        }
    }
}

static gboolean
looks_like_url (const char *s)
{
  return (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://")) &&
         strpbrk (s, " \t\n<>") == NULL;
}

/* ---- Plain text -------------------------------------------------------- */

static void
text_underline (GString    *out,
                const char *title,
                char        c)
{
  glong n = g_utf8_strlen (title, -1);

  g_string_append (out, title);
  g_string_append_c (out, '\n');
  for (glong i = 0; i < MAX (n, 3); i++)
    g_string_append_c (out, c);
  g_string_append_c (out, '\n');
}

static void
text_indented (GString    *out,
               const char *s,
               const char *indent)
{
  g_auto(GStrv) lines = g_strsplit (s != NULL ? s : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] != '\0')
        g_string_append (out, indent);
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
}

/* ---- Summary ----------------------------------------------------------- */

static void
write_metadata (GString               *out,
                DossierExportDocument *doc,
                gboolean               markdown)
{
  const struct { const char *label; const char *value; } fields[] = {
    { N_("Author"), doc->author },
    { N_("Outlet"), doc->outlet },
    { N_("Date"), doc->published },
    { N_("Source"), doc->source },
  };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i].value == NULL)
        continue;
      any = TRUE;
      if (markdown)
        {
          g_string_append_printf (out, "- **%s:** ", _(fields[i].label));
          if (fields[i].value == doc->source && looks_like_url (doc->source))
            g_string_append_printf (out, "<%s>", doc->source);
          else
            md_inline (out, fields[i].value);
          g_string_append_c (out, '\n');
        }
      else
        g_string_append_printf (out, "%s: %s\n", _(fields[i].label), fields[i].value);
    }
  if (any)
    g_string_append_c (out, '\n');
}

static void
write_group (GString               *out,
             DossierExportTagGroup *group,
             gboolean               markdown)
{
  if (markdown)
    {
      g_string_append (out, "### ");
      md_inline (out, group->tag->path);
      g_string_append_printf (out, " (%u)\n\n", group->quotes->len);
    }
  else
    g_string_append_printf (out, "  [%s] (%u)\n\n", group->tag->path, group->quotes->len);

  for (guint i = 0; i < group->quotes->len; i++)
    {
      DossierExportQuote *q = g_ptr_array_index (group->quotes, i);
      g_autofree char *position = NULL;

      /* TRANSLATORS: where a quote is in its document, in characters */
      position = g_strdup_printf (_("(chars %" PRId64 "–%" PRId64 ")"),
                                  q->start, q->end);
      if (markdown)
        {
          md_blockquote (out, q->quote);
          g_string_append_printf (out, "\n%s", position);
          if (q->memo != NULL && *q->memo != '\0')
            {
              g_string_append_printf (out, " — *%s* ", _("Memo:"));
              md_inline (out, q->memo);
            }
          g_string_append (out, "\n\n");
        }
      else
        {
          g_autofree char *quoted = g_strdup_printf ("“%s”", q->quote);

          text_indented (out, quoted, "    ");
          g_string_append_printf (out, "    %s\n", position);
          if (q->memo != NULL && *q->memo != '\0')
            {
              g_autofree char *memo = g_strdup_printf ("%s %s", _("Memo:"), q->memo);

              text_indented (out, memo, "    ");
            }
          g_string_append_c (out, '\n');
        }
    }
}

gboolean
dossier_export_write_summary (DossierExportContext *ctx,
                              DossierExportWriter  *w,
                              gboolean              markdown,
                              GError              **error)
{
  GString *out = w->buf;
  g_autofree char *heading = NULL;
  guint n_written = 0;

  if (ctx->filter.tag_id != 0)
    {
      DossierExportTag *tag = dossier_export_context_get_tag (ctx, ctx->filter.tag_id);

      /* TRANSLATORS: heading of a summary restricted to one tag: project — tag */
      heading = g_strdup_printf (_("%s — %s"), ctx->title, tag != NULL ? tag->path : "");
    }
  else
    heading = g_strdup (ctx->title);

  if (markdown)
    {
      g_string_append (out, "# ");
      md_inline (out, heading);
      g_string_append (out, "\n\n");
    }
  else
    {
      text_underline (out, heading, '=');
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < ctx->documents->len; i++)
    {
      DossierExportDocument *doc = g_ptr_array_index (ctx->documents, i);
      g_autoptr(GPtrArray) groups = NULL;

      groups = dossier_export_context_group_document (ctx, doc->id, error);
      if (groups == NULL)
        return w->error != NULL;

      /* A tag summary lists only the documents that carry the tag. */
      if (ctx->filter.tag_id != 0 && groups->len == 0)
        continue;
      n_written++;

      if (markdown)
        {
          g_string_append (out, "## ");
          md_inline (out, doc->title);
          g_string_append (out, "\n\n");
        }
      else
        text_underline (out, doc->title, '-');

      write_metadata (out, doc, markdown);

      if (groups->len == 0)
        g_string_append_printf (out, markdown ? "*%s*\n\n" : "  %s\n\n", _("No highlights."));

      for (guint g = 0; g < groups->len; g++)
        {
          write_group (out, g_ptr_array_index (groups, g), markdown);
          if (!dossier_export_writer_check (w))
            return TRUE;  /* the writer holds the error */
        }
    }

  if (n_written == 0)
    g_string_append_printf (out, markdown ? "*%s*\n" : "%s\n",
                            ctx->filter.tag_id != 0 ? _("No highlights carry this tag.")
                                                    : _("This project has no documents."));

  return TRUE;
}
