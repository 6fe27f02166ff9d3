/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-briefing.c — a briefing note as Markdown or as one
 * self-contained HTML page, with numbered footnotes that give each cited
 * passage as it is now: its quote, the document's title, outlet and date,
 * and the heading of the section it comes from.
 *
 * Both formats are made from the one parse of the body
 * (dossier-markdown.h). Markdown keeps the writer's own markup and turns
 * each citation into a footnote reference ("[^3]", as Pandoc and GitHub
 * read it); HTML is built with libxml2's tree API, so that nothing written
 * in a note or a document can become markup. Every citation is verified
 * first: a note citing a deleted, orphaned or altered passage is refused,
 * naming each, unless the caller allows it; then each such citation is
 * printed marked as unverified, never as if it were sound.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <dossier/dossier-briefing.h>
#include <dossier/dossier-briefing-content.h>
#include <dossier/dossier-citation.h>
#include <dossier/dossier-markdown.h>
#include <dossier/dossier-text.h>

#include "dossier-export-private.h"
#include "dossier-project-private.h"
#include "dossier-text-private.h"

typedef struct
{
  char                *title;
  char                *body;
  char                *modified;
  GPtrArray           *documents;   /* DossierExportDocument (the context's), in the note's order */
  DossierMarkdownNode *root;
  GPtrArray           *citations;   /* DossierCitation */
  guint                heading_shift; /* added to the body's heading levels */
} Briefing;

static void
briefing_clear (Briefing *b)
{
  g_clear_pointer (&b->title, g_free);
  g_clear_pointer (&b->body, g_free);
  g_clear_pointer (&b->modified, g_free);
  g_clear_pointer (&b->documents, g_ptr_array_unref);
  g_clear_pointer (&b->root, dossier_markdown_node_free);
  g_clear_pointer (&b->citations, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Briefing, briefing_clear)

static DossierExportDocument *
find_document (DossierExportContext *ctx,
               gint64                document_id)
{
  for (guint i = 0; i < ctx->documents->len; i++)
    {
      DossierExportDocument *d = g_ptr_array_index (ctx->documents, i);

      if (d->id == document_id)
        return d;
    }
  return NULL;
}

/* The body's top level is written one level below the note's title. */
static guint
heading_shift (DossierMarkdownNode *root)
{
  guint min_level = 6;

  for (guint i = 0; root->children != NULL && i < root->children->len; i++)
    {
      DossierMarkdownNode *block = g_ptr_array_index (root->children, i);

      if (block->kind == DOSSIER_MARKDOWN_HEADING)
        min_level = MIN (min_level, block->level);
    }
  return min_level < 2 ? 2 - min_level : 0;
}

/* Before the citations of @node, which holds nothing else once the
 * template's prompt before them went ('*Their position.* [@…]'), the
 * first one's quote, short and in quotation marks: a line of bare
 * footnote marks tells a reader nothing. */
static void
quote_bare_citations (Briefing            *b,
                      DossierMarkdownNode *node)
{
  DossierMarkdownNode *first = NULL;
  DossierMarkdownNode *text;
  DossierCitation *citation;
  g_autofree char *excerpt = NULL;
  const char *open, *close;

  for (guint i = 0; i < node->children->len && first == NULL; i++)
    if (((DossierMarkdownNode *) g_ptr_array_index (node->children, i))->kind == DOSSIER_MARKDOWN_CITATION)
      first = g_ptr_array_index (node->children, i);
  citation = first != NULL ? dossier_citations_lookup_node (b->citations, first) : NULL;
  if (citation == NULL || citation->quote == NULL || *citation->quote == '\0')
    return;

  excerpt = dossier_text_excerpt (citation->quote);
  dossier_text_quote_marks (excerpt, &open, &close);
  text = g_new0 (DossierMarkdownNode, 1);
  text->kind = DOSSIER_MARKDOWN_TEXT;
  text->start = text->inner_start = first->start;
  text->end = text->inner_end = first->start;
  text->text = g_strconcat (open, g_strstrip (excerpt), close, " ", NULL);
  text->parent = node;
  g_ptr_array_insert (node->children, 0, text);
}

static gboolean
read_briefing (DossierExportContext *ctx,
               Briefing             *b,
               GError              **error)
{
  sqlite3_stmt *stmt, *documents;
  g_autoptr(GPtrArray) cites_only = NULL;
  gboolean row;

  /* The title read no further than it is written, as the documents' are. */
  stmt = dossier_export_context_prepare (ctx,
      "SELECT " DOSSIER_SQL_SHOWN_ROW ("briefings", "b", "title", DOSSIER_BRIEFING_MAX_TITLE) ", "
      "b.body, b.modified FROM briefings b WHERE b.id = ?1", error);
  documents = dossier_export_context_prepare (ctx,
      "SELECT document FROM briefing_documents WHERE briefing = ?1 ORDER BY position, document",
      error);
  if (stmt == NULL || documents == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ctx->filter.briefing_id);
  if (!dossier_export_context_step (ctx, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      sqlite3_reset (stmt);
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND,
                   _("There is no briefing note with id %" PRId64 " in “%s”"),
                   ctx->filter.briefing_id, dossier_project_get_path (ctx->project));
      return FALSE;
    }
  b->title = dossier_export_context_name (ctx, dossier_export_context_column_text (ctx, stmt, 0),
                                         DOSSIER_BRIEFING_MAX_TITLE);
  b->body = g_strdup (dossier_export_context_column_text (ctx, stmt, 1));
  b->modified = g_strdup (dossier_export_context_column_text (ctx, stmt, 2));
  sqlite3_reset (stmt);
  if (b->title == NULL)
    b->title = g_strdup ("");
  if (b->body == NULL)
    b->body = g_strdup ("");

  b->documents = g_ptr_array_new ();
  sqlite3_bind_int64 (documents, 1, ctx->filter.briefing_id);
  while (dossier_export_context_step (ctx, documents, &row, error) && row)
    {
      DossierExportDocument *d = find_document (ctx, sqlite3_column_int64 (documents, 0));

      if (d != NULL)
        g_ptr_array_add (b->documents, d);
    }
  sqlite3_reset (documents);
  if (error != NULL && *error != NULL)
    return FALSE;

  b->root = dossier_markdown_parse (b->body);
  /* The template's prompts the writer left are not content: every format
   * leaves them out (the Brief page counts them beside the meter). */
  cites_only = dossier_briefing_drop_prompts (b->root);
  b->heading_shift = heading_shift (b->root);
  b->citations = dossier_project_resolve_citations (ctx->project, b->root, error);
  if (b->citations == NULL)
    return FALSE;
  for (guint i = 0; i < cites_only->len; i++)
    quote_bare_citations (b, g_ptr_array_index (cites_only, i));
  /* A source as the documents above print it: at most as long as Dossier
   * writes a title, an author, an outlet (a file from elsewhere may hold
   * a megabyte; the citation read DOSSIER_SHOWN_CHARS of it). */
  for (guint i = 0; i < b->citations->len; i++)
    {
      DossierCitation *c = g_ptr_array_index (b->citations, i);

      dossier_export_context_shorten (ctx, &c->document_title, DOSSIER_DOCUMENT_MAX_TITLE);
      dossier_export_context_shorten (ctx, &c->author, DOSSIER_DOCUMENT_MAX_AUTHOR);
      dossier_export_context_shorten (ctx, &c->outlet, DOSSIER_DOCUMENT_MAX_OUTLET);
    }
  return TRUE;
}

/* Refuses a note with a citation that is not sound, unless allowed. */
static gboolean
verify (DossierExportContext *ctx,
        Briefing             *b,
        GError              **error)
{
  g_autofree char *report = NULL;

  if (dossier_citations_verify (b->citations, &report) || ctx->options.allow_unverified)
    return TRUE;

  g_strchomp (report);
  g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_UNVERIFIED,
               /* TRANSLATORS: the note's title, then one line per citation */
               _("“%s” cites passages that cannot be verified; fix or remove these "
                 "citations, or export it with them marked as unverified:\n%s"),
               b->title, report);
  return FALSE;
}

/* The source of a citation after its quote, as every rendering of a note
 * prints it (the exports; the Brief page's Sources and the PDF through
 * dossier_citation_format_source ()), in the order a reader wants it: the
 * document's title (first, always: "" if unknown), author, outlet, date,
 * the section's heading; the parts known only. Title, author and outlet
 * at most as long as Dossier writes them, "…" at the end of one cut (a
 * citation made elsewhere may carry a megabyte). */
static GPtrArray *
source_parts (const DossierCitation *citation)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, dossier_text_shorten (citation->document_title != NULL
                                                ? citation->document_title : "",
                                                DOSSIER_DOCUMENT_MAX_TITLE));
  if (citation->author != NULL)
    g_ptr_array_add (parts, dossier_text_shorten (citation->author, DOSSIER_DOCUMENT_MAX_AUTHOR));
  if (citation->outlet != NULL)
    g_ptr_array_add (parts, dossier_text_shorten (citation->outlet, DOSSIER_DOCUMENT_MAX_OUTLET));
  if (citation->published != NULL)
    g_ptr_array_add (parts, g_strdup (citation->published));
  if (citation->section != NULL)
    g_ptr_array_add (parts, dossier_citation_format_section (citation));
  return parts;
}

static char *
document_line (DossierExportDocument *d)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (d->author != NULL && *d->author != '\0')
    g_ptr_array_add (parts, d->author);
  if (d->outlet != NULL && *d->outlet != '\0')
    g_ptr_array_add (parts, d->outlet);
  if (d->published != NULL && *d->published != '\0')
    g_ptr_array_add (parts, d->published);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* The documents whose passages the note cites, the compared ones first in
 * the note's order, then the others in the project's; for the appendix. */
static GPtrArray *
cited_documents (DossierExportContext *ctx,
                 Briefing             *b)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GHashTable) cited = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < b->citations->len; i++)
    {
      DossierCitation *c = g_ptr_array_index (b->citations, i);

      if (c->status != DOSSIER_CITATION_DELETED)
        g_hash_table_add (cited, &c->document_id);
    }
  for (guint i = 0; i < b->documents->len; i++)
    {
      DossierExportDocument *d = g_ptr_array_index (b->documents, i);

      if (g_hash_table_remove (cited, &d->id))
        g_ptr_array_add (out, d);
    }
  for (guint i = 0; i < ctx->documents->len; i++)
    {
      DossierExportDocument *d = g_ptr_array_index (ctx->documents, i);

      if (g_hash_table_remove (cited, &d->id))
        g_ptr_array_add (out, d);
    }
  return out;
}

/* A document's cited passages, by position in it. */
static gint
compare_start (gconstpointer a,
               gconstpointer b)
{
  const DossierCitation *x = *(DossierCitation **) a;
  const DossierCitation *y = *(DossierCitation **) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->number < y->number ? -1 : x->number > y->number;
}

static GPtrArray *
document_citations (Briefing *b,
                    gint64    document_id)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < b->citations->len; i++)
    {
      DossierCitation *c = g_ptr_array_index (b->citations, i);

      if (c->status != DOSSIER_CITATION_DELETED && c->document_id == document_id)
        g_ptr_array_add (out, c);
    }
  g_ptr_array_sort (out, compare_start);
  return out;
}

/* ---- Markdown ------------------------------------------------------------- */

static void
md_escaped (GString    *out,
            const char *text)
{
  g_autofree char *flat = dossier_text_join_lines (text);
  g_autofree char *escaped = dossier_markdown_escape (flat);

  g_string_append (out, escaped);
}

/* The body is written again from its parse, not copied: what the editor
 * read as text (a "<script>" included) is escaped for every other
 * Markdown reader, a link that could run something keeps only its text,
 * and each citation becomes a footnote reference. */
static void md_inlines (GString *out, Briefing *b, DossierMarkdownNode *node);

static void
md_code (GString    *out,
         const char *text)
{
  guint longest = 0, run = 0;
  gboolean pad;

  for (const char *p = text; *p; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  pad = *text == '`' || (*text != '\0' && text[strlen (text) - 1] == '`');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
  g_string_append (out, pad ? " " : "");
  g_string_append (out, text);
  g_string_append (out, pad ? " " : "");
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
}

static void
md_inline (GString             *out,
           Briefing            *b,
           DossierMarkdownNode *node)
{
  DossierCitation *c;

  switch (node->kind)
    {
    case DOSSIER_MARKDOWN_TEXT:
      {
        g_autofree char *escaped = dossier_markdown_escape (node->text);

        g_string_append (out, escaped);
      }
      break;
    case DOSSIER_MARKDOWN_CODE:
      md_code (out, node->text);
      break;
    case DOSSIER_MARKDOWN_EMPHASIS:
      g_string_append_c (out, '*');
      md_inlines (out, b, node);
      g_string_append_c (out, '*');
      break;
    case DOSSIER_MARKDOWN_STRONG:
      g_string_append (out, "**");
      md_inlines (out, b, node);
      g_string_append (out, "**");
      break;
    case DOSSIER_MARKDOWN_LINK:
      if (!dossier_markdown_url_is_safe (node->url))
        {
          md_inlines (out, b, node);
          break;
        }
      g_string_append_c (out, '[');
      md_inlines (out, b, node);
      g_string_append (out, "](");
      for (const char *p = node->url; *p; p++)
        if (strchr (" ()<>\\", *p) != NULL || (guchar) *p < 0x20)
          g_string_append_printf (out, "%%%02X", (guchar) *p);
        else
          g_string_append_c (out, *p);
      g_string_append_c (out, ')');
      break;
    case DOSSIER_MARKDOWN_CITATION:
      c = dossier_citations_lookup_node (b->citations, node);
      g_string_append_printf (out, "[^%u]", c != NULL ? c->number : 0);
      break;
    case DOSSIER_MARKDOWN_LINE_BREAK:
      g_string_append (out, "\\\n");
      break;
    default:
      break;
    }
}

static void
md_inlines (GString             *out,
            Briefing            *b,
            DossierMarkdownNode *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

      if (dossier_markdown_kind_is_inline (child->kind))
        md_inline (out, b, child);
    }
}

/* Appends @text with @first before its first line and @rest before the
 * others (a list marker and its indent, or a quote's "> "). */
static void
md_prefixed (GString    *out,
             const char *text,
             const char *first,
             const char *rest)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *prefix = i == 0 ? first : rest;

      if (i > 0)
        g_string_append_c (out, '\n');
      if (*lines[i] == '\0')
        {
          /* No trailing spaces: they could read as a line break. */
          g_autofree char *bare = g_strchomp (g_strdup (prefix));

          g_string_append (out, bare);
        }
      else
        {
          g_string_append (out, prefix);
          g_string_append (out, lines[i]);
        }
    }
}

static char *md_block (Briefing *b, DossierMarkdownNode *node);

static char *
md_blocks (Briefing            *b,
           DossierMarkdownNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      g_autofree char *block = md_block (b, g_ptr_array_index (node->children, i));

      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, block);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
md_block (Briefing            *b,
          DossierMarkdownNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  switch (node->kind)
    {
    case DOSSIER_MARKDOWN_HEADING:
      for (guint l = 0; l < MIN (node->level + b->heading_shift, 6); l++)
        g_string_append_c (out, '#');
      g_string_append_c (out, ' ');
      md_inlines (out, b, node);
      break;
    case DOSSIER_MARKDOWN_PARAGRAPH:
      md_inlines (out, b, node);
      break;
    case DOSSIER_MARKDOWN_RULE:
      g_string_append (out, "---");
      break;
    case DOSSIER_MARKDOWN_QUOTE:
      {
        g_autofree char *inner = md_blocks (b, node);

        md_prefixed (out, inner, "> ", "> ");
      }
      break;
    case DOSSIER_MARKDOWN_LIST:
      for (guint i = 0; node->children != NULL && i < node->children->len; i++)
        {
          DossierMarkdownNode *item = g_ptr_array_index (node->children, i);
          g_autoptr(GString) content = g_string_new (NULL);
          g_autofree char *marker = node->ordered ? g_strdup_printf ("%u. ", item->number)
                                                  : g_strdup ("- ");
          g_autofree char *indent = g_strnfill (strlen (marker), ' ');

          md_inlines (content, b, item);
          for (guint k = 0; item->children != NULL && k < item->children->len; k++)
            {
              DossierMarkdownNode *child = g_ptr_array_index (item->children, k);
              g_autofree char *nested = NULL;

              if (dossier_markdown_kind_is_inline (child->kind))
                continue;
              nested = md_block (b, child);
              g_string_append_c (content, '\n');
              g_string_append (content, nested);
            }
          if (i > 0)
            g_string_append_c (out, '\n');
          md_prefixed (out, content->str, marker, indent);
        }
      break;
    default:
      break;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
md_body (GString  *out,
         Briefing *b)
{
  g_autofree char *body = md_blocks (b, b->root);

  g_string_append (out, body);
  g_string_append (out, "\n\n");
}

static void
md_citation_source (GString               *out,
                    const DossierCitation *c)
{
  g_autoptr(GPtrArray) parts = source_parts (c);

  g_string_append_c (out, '*');
  md_escaped (out, g_ptr_array_index (parts, 0));
  g_string_append_c (out, '*');
  for (guint i = 1; i < parts->len; i++)
    {
      g_string_append (out, ", ");
      md_escaped (out, g_ptr_array_index (parts, i));
    }
}

static void
md_footnote (GString               *out,
             const DossierCitation *c)
{
  g_autofree char *problem = dossier_citation_describe_problem (c);
  g_autofree char *cut_note = NULL;
  g_autofree char *quote = dossier_text_cut (c->quote, DOSSIER_TEXT_MAX_PASSAGE,
                                             DOSSIER_TEXT_CUT_PASSAGE, &cut_note);
  const char *open, *close;

  /* A passage that is a quotation already keeps its own marks. */
  dossier_text_quote_marks (c->quote, &open, &close);
  g_string_append_printf (out, "[^%u]: ", c->number);
  if (problem != NULL)
    {
      g_string_append_printf (out, "**%s** ", _("Unverified:"));
      md_escaped (out, problem);
      g_string_append (out, ".");
      if (c->quote == NULL)
        {
          g_string_append (out, "\n");
          return;
        }
      g_string_append_printf (out, " %s ", _("Last known quote:"));
    }

  g_string_append (out, open);
  md_escaped (out, quote);
  g_string_append (out, close);
  if (cut_note != NULL)
    {
      g_string_append_c (out, ' ');
      md_escaped (out, cut_note);
    }
  g_string_append (out, " — ");
  md_citation_source (out, c);
  g_string_append (out, ".\n");
}

static void
md_appendix (GString              *out,
             DossierExportContext *ctx,
             Briefing             *b)
{
  g_autoptr(GPtrArray) documents = cited_documents (ctx, b);

  if (documents->len == 0)
    return;

  g_string_append_printf (out, "## %s\n\n", _("Cited passages by source"));
  for (guint i = 0; i < documents->len; i++)
    {
      DossierExportDocument *d = g_ptr_array_index (documents, i);
      g_autoptr(GPtrArray) cited = document_citations (b, d->id);
      g_autofree char *line = document_line (d);

      g_string_append (out, "### ");
      md_escaped (out, d->title);
      g_string_append (out, "\n\n");
      if (*line != '\0')
        {
          g_string_append_c (out, '*');
          md_escaped (out, line);
          g_string_append (out, "*\n\n");
        }
      for (guint k = 0; k < cited->len; k++)
        {
          DossierCitation *c = g_ptr_array_index (cited, k);
          g_autofree char *cut_note = NULL;
          g_autofree char *quote = dossier_text_cut (c->quote, DOSSIER_TEXT_MAX_PASSAGE,
                                                     DOSSIER_TEXT_CUT_PASSAGE, &cut_note);

          g_string_append (out, "> ");
          md_escaped (out, quote);
          if (cut_note != NULL)
            {
              g_string_append (out, "\n>\n> ");
              md_escaped (out, cut_note);
            }
          g_string_append_printf (out, "\n>\n> — [%u]", c->number);
          if (c->section != NULL)
            {
              g_autofree char *section = dossier_citation_format_section (c);

              g_string_append (out, ", ");
              md_escaped (out, section);
            }
          g_string_append (out, "\n\n");
        }
    }
}

static void
write_markdown (DossierExportContext *ctx,
                DossierExportWriter  *w,
                Briefing             *b)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append (out, "# ");
  md_escaped (out, b->title);
  g_string_append (out, "\n\n");

  if (b->documents->len > 0)
    {
      /* The label in bold, as in the HTML and the PDF. */
      g_string_append_printf (out, "**%s**\n\n", _("Compares:"));
      for (guint i = 0; i < b->documents->len; i++)
        {
          DossierExportDocument *d = g_ptr_array_index (b->documents, i);
          g_autofree char *line = document_line (d);

          g_string_append_printf (out, "%u. ", i + 1);
          /* A work's title in italics, as in the footnotes, the HTML
           * (<cite>) and the PDF. */
          if (d->title != NULL && *d->title != '\0')
            {
              g_string_append_c (out, '*');
              md_escaped (out, d->title);
              g_string_append_c (out, '*');
            }
          if (*line != '\0')
            {
              g_string_append (out, " — ");
              md_escaped (out, line);
            }
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }

  if (b->root->children == NULL || b->root->children->len == 0)
    g_string_append_printf (out, "*%s*\n\n", _("This note is empty."));
  else
    md_body (out, b);

  if (ctx->options.appendix)
    md_appendix (out, ctx, b);

  for (guint i = 0; i < b->citations->len; i++)
    md_footnote (out, g_ptr_array_index (b->citations, i));

  /* The file ends with one newline. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  dossier_export_writer_put (w, out->str, out->len);
}

/* ---- HTML ----------------------------------------------------------------- */

static const char stylesheet[] =
  ":root{color-scheme:light dark;--fg:#1e1e1e;--muted:#5e5c64;--bg:#ffffff;"
  "--card:#f6f5f4;--rule:#deddda;--accent:#1c71d8;--warn:#c01c28}\n"
  "@media (prefers-color-scheme:dark){:root{--fg:#f6f5f4;--muted:#c0bfbc;"
  "--bg:#1e1e1e;--card:#2a2a2a;--rule:#3d3846;--accent:#78aeed;--warn:#ff7b63}}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0 auto;max-width:46rem;padding:2.5rem 1.5rem 4rem;background:var(--bg);"
  "color:var(--fg);font:17px/1.65 \"Cantarell\",\"Noto Sans\",\"Helvetica Neue\",Arial,sans-serif}\n"
  "h1{font-size:2rem;line-height:1.2;margin:0 0 .25rem}\n"
  "h2{font-size:1.4rem;line-height:1.25;margin:2.25rem 0 .75rem}\n"
  "h3{font-size:1.15rem;margin:1.75rem 0 .5rem}\n"
  "h4,h5,h6{font-size:1rem;margin:1.5rem 0 .5rem}\n"
  "a{color:var(--accent)}\n"
  ".subtitle{color:var(--muted);margin:0 0 1.5rem}\n"
  ".compares{border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);"
  "padding:.75rem 0;margin-bottom:2rem;color:var(--muted);font-size:.95rem}\n"
  ".compares p{margin:0 0 .25rem;font-weight:bold}\n"
  ".compares ol{margin:0;padding-left:1.5rem}\n"
  "main blockquote{margin:1rem 0;padding:.25rem 1rem;border-left:4px solid var(--rule);"
  "color:var(--muted)}\n"
  "code{font-family:\"Source Code Pro\",\"DejaVu Sans Mono\",monospace;font-size:.9em;"
  "background:var(--card);padding:.1em .3em;border-radius:4px}\n"
  ".nowrap{white-space:nowrap}\n"
  "sup.cite{line-height:0;font-size:.75em}\n"
  "sup.cite a{text-decoration:none;padding:0 .1em}\n"
  "sup.cite.unverified a{color:var(--warn)}\n"
  ".footnotes{margin-top:3rem;border-top:3px solid var(--rule);font-size:.95rem}\n"
  ".footnotes li{margin:0 0 1rem}\n"
  ".footnotes li:target{background:var(--card)}\n"
  ".footnotes blockquote,.appendix blockquote{margin:0;font-family:\"Georgia\",\"Noto Serif\",serif;"
  "overflow-wrap:anywhere}\n"
  ".footnotes blockquote p,.appendix blockquote p{margin:0 0 .35rem;white-space:pre-wrap}\n"
  ".source{margin:0;color:var(--muted)}\n"
  ".unverified .problem{color:var(--warn);font-weight:bold}\n"
  ".appendix{margin-top:3rem;border-top:3px solid var(--rule)}\n"
  ".appendix figure{margin:0 0 1rem;padding:.75rem 1rem;background:var(--card);"
  "border-left:4px solid var(--rule);border-radius:0 6px 6px 0}\n"
  "figcaption{margin-top:.4rem;color:var(--muted);font-size:.85rem}\n"
  ".empty{color:var(--muted);font-style:italic}\n"
  "@media print{body{max-width:none;padding:0;font-size:11pt;color:#000;background:#fff}"
  "a{color:inherit;text-decoration:none}.footnotes li,.appendix figure{break-inside:avoid}"
  "h2,h3{break-after:avoid}.appendix{break-before:page}}\n";

/* xmlNewTextChild escapes its text, unlike xmlNewChild; neither drops
 * controls or bidi overrides, which a browser would act on. */
static xmlNodePtr
add_text_element (xmlNodePtr  parent,
                  const char *name,
                  const char *text)
{
  g_autofree char *clean = dossier_text_from_elsewhere (text != NULL ? text : "", TRUE);

  return xmlNewTextChild (parent, NULL, BAD_CAST name, BAD_CAST clean);
}

static void
add_text (xmlNodePtr  parent,
          const char *text)
{
  g_autofree char *clean = dossier_text_from_elsewhere (text != NULL ? text : "", TRUE);

  xmlAddChild (parent, xmlNewText (BAD_CAST clean));
}

typedef struct
{
  Briefing   *b;
  GHashTable *uses;   /* citation number → references written so far */
} HtmlState;

static void html_inlines (HtmlState *state, xmlNodePtr parent, DossierMarkdownNode *node);
static void html_block (HtmlState *state, xmlNodePtr parent, DossierMarkdownNode *node);

static gboolean
is_nowrap (xmlNodePtr node)
{
  g_autofree char *klass = NULL;

  if (node == NULL || node->type != XML_ELEMENT_NODE || !xmlStrEqual (node->name, BAD_CAST "span"))
    return FALSE;
  klass = (char *) xmlGetProp (node, BAD_CAST "class");
  return g_strcmp0 (klass, "nowrap") == 0;
}

/* Moves NODE to the end of SPAN (a text node merges with the text
 * before it). */
static void
move_into (xmlNodePtr span,
           xmlNodePtr node)
{
  xmlUnlinkNode (node);
  xmlAddChild (span, node);
}

/* Where the last word of an element begins: a text node in it and the
 * byte after the last space before that word (spaces at the element's end
 * are not the word's). A span of a citation with its word counts as part
 * of a word, and code as one word (cut in two, its background would show
 * the seam). */
typedef struct
{
  xmlNodePtr text;
  gsize      at;
  gboolean   in_word;
} WordStart;

static gboolean
find_last_word (xmlNodePtr  node,
                WordStart  *word)
{
  for (xmlNodePtr child = node->last; child != NULL; child = child->prev)
    {
      if (xmlNodeIsText (child))
        {
          const char *s = child->content != NULL ? (const char *) child->content : "";

          for (gsize i = strlen (s); i > 0; i--)
            {
              if (!g_ascii_isspace (s[i - 1]))
                word->in_word = TRUE;
              else if (word->in_word)
                {
                  word->text = child;
                  word->at = i;
                  return TRUE;
                }
            }
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          if (is_nowrap (child) || xmlStrEqual (child->name, BAD_CAST "code"))
            word->in_word = TRUE;
          else if (find_last_word (child, word))
            return TRUE;
        }
    }
  return FALSE;
}

/* The part of ELEMENT (an emphasis, a link) that a citation right after
 * it keeps on its line: its last word. ELEMENT is cut in two where that
 * word begins, the rest going to a copy of it (and of each element
 * between) put right after it, which is returned; ELEMENT itself when it
 * is one word (or code). The whole of a long link or emphasis kept from
 * breaking went past the column's edge. */
static xmlNodePtr
last_word_of (xmlNodePtr element)
{
  WordStart word = { NULL, 0, FALSE };
  xmlNodePtr carry = NULL;
  xmlNodePtr after;
  const char *s;

  if (xmlStrEqual (element->name, BAD_CAST "code") || !find_last_word (element, &word))
    return element;

  s = (const char *) word.text->content;
  after = word.text->next;
  if (s[word.at] != '\0')
    {
      g_autofree char *head = g_strndup (s, word.at);

      carry = xmlNewText (BAD_CAST (s + word.at));
      xmlNodeSetContent (word.text, BAD_CAST head);
    }
  for (xmlNodePtr p = word.text->parent;; p = p->parent)
    {
      /* The element and its attributes, without its children. */
      xmlNodePtr copy = xmlCopyNode (p, 2);
      xmlNodePtr next_after = p->next;

      if (carry != NULL)
        xmlAddChild (copy, carry);
      while (after != NULL)
        {
          xmlNodePtr next = after->next;

          move_into (copy, after);
          after = next;
        }
      if (p == element)
        {
          xmlAddNextSibling (element, copy);
          return copy;
        }
      carry = copy;
      after = next_after;
    }
}

/* Where a citation goes: with the word before it (and the spaces
 * between) in a span that breaks no line, so that no line begins with
 * the number (as in the PDF and the preview). The span holds the
 * citations that follow, too. The page carries nothing invisible: a word
 * joiner (U+2060) did this once, and a copy of the text took it into an
 * e-mail. */
static xmlNodePtr
citation_holder (xmlNodePtr parent)
{
  xmlNodePtr last = parent->last;
  xmlNodePtr before;
  xmlNodePtr span;

  if (last == NULL || (last->type == XML_ELEMENT_NODE && xmlStrEqual (last->name, BAD_CAST "br")))
    return parent;
  if (is_nowrap (last))
    return last;
  if (xmlNodeIsText (last))
    {
      const char *s = last->content != NULL ? (const char *) last->content : "";
      gsize len = strlen (s);
      gsize end = len;
      gsize start;

      /* A citation at the beginning of a line of the source stays there. */
      if (len > 0 && s[len - 1] == '\n')
        return parent;
      while (end > 0 && g_ascii_isspace (s[end - 1]))
        end--;
      start = end;
      while (start > 0 && !g_ascii_isspace (s[start - 1]))
        start--;
      if (start == end)
        {
          /* Only spaces since the last element: a citation, an emphasis,
           * a link; it (an emphasis's or a link's last word) goes in the
           * span with the spaces. */
          before = last->prev;
          if (start > 0 || before == NULL || before->type != XML_ELEMENT_NODE ||
              xmlStrEqual (before->name, BAD_CAST "br"))
            return parent;
          if (!is_nowrap (before))
            {
              before = last_word_of (before);
              span = xmlNewNode (NULL, BAD_CAST "span");
              xmlSetProp (span, BAD_CAST "class", BAD_CAST "nowrap");
              xmlAddPrevSibling (before, span);
              move_into (span, before);
              before = span;
            }
          move_into (before, last);
          return before;
        }
      span = dossier_html_element (parent, "span", "nowrap");
      if (start == 0)
        move_into (span, last);
      else
        {
          g_autofree char *head = g_strndup (s, start);

          add_text (span, s + start);
          xmlNodeSetContent (last, BAD_CAST head);
        }
      return span;
    }
  /* An emphasis, a link or code right before it: its last word. */
  last = last_word_of (last);
  span = xmlNewNode (NULL, BAD_CAST "span");
  xmlSetProp (span, BAD_CAST "class", BAD_CAST "nowrap");
  xmlAddPrevSibling (last, span);
  move_into (span, last);
  return span;
}

static void
html_citation (HtmlState           *state,
               xmlNodePtr           parent,
               DossierMarkdownNode *node)
{
  DossierCitation *c = dossier_citations_lookup_node (state->b->citations, node);
  g_autofree char *problem = NULL;
  g_autofree char *number = NULL;
  g_autofree char *href = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  guint use;
  xmlNodePtr sup, a;

  g_assert (c != NULL);
  problem = dossier_citation_describe_problem (c);
  use = GPOINTER_TO_UINT (g_hash_table_lookup (state->uses, GUINT_TO_POINTER (c->number))) + 1;
  g_hash_table_insert (state->uses, GUINT_TO_POINTER (c->number), GUINT_TO_POINTER (use));

  number = g_strdup_printf ("%u", c->number);
  href = g_strdup_printf ("#source-%u", c->number);
  id = g_strdup_printf ("cite-%u-%u", c->number, use);
  sup = dossier_html_element (citation_holder (parent), "sup", problem != NULL ? "cite unverified" : "cite");
  xmlSetProp (sup, BAD_CAST "id", BAD_CAST id);
  a = add_text_element (sup, "a", number);
  xmlSetProp (a, BAD_CAST "href", BAD_CAST href);
  if (problem != NULL)
    /* TRANSLATORS: the tooltip of a citation that could not be verified */
    label = g_strdup_printf (_("Source %u (unverified: %s)"), c->number, problem);
  else
    label = g_strdup_printf (_("Source %u"), c->number);
  xmlSetProp (a, BAD_CAST "title", BAD_CAST label);
  xmlSetProp (a, BAD_CAST "aria-label", BAD_CAST label);
}

static void
html_inline (HtmlState           *state,
             xmlNodePtr           parent,
             DossierMarkdownNode *node)
{
  xmlNodePtr element;

  switch (node->kind)
    {
    case DOSSIER_MARKDOWN_TEXT:
      add_text (parent, node->text);
      break;
    case DOSSIER_MARKDOWN_CODE:
      add_text_element (parent, "code", node->text);
      break;
    case DOSSIER_MARKDOWN_EMPHASIS:
      html_inlines (state, dossier_html_element (parent, "em", NULL), node);
      break;
    case DOSSIER_MARKDOWN_STRONG:
      html_inlines (state, dossier_html_element (parent, "strong", NULL), node);
      break;
    case DOSSIER_MARKDOWN_LINK:
      /* A link that could run something is shown as its text only. */
      if (dossier_markdown_url_is_safe (node->url))
        {
          element = dossier_html_element (parent, "a", NULL);
          xmlSetProp (element, BAD_CAST "href", BAD_CAST node->url);
          xmlSetProp (element, BAD_CAST "rel", BAD_CAST "noreferrer");
        }
      else
        element = dossier_html_element (parent, "span", NULL);
      html_inlines (state, element, node);
      break;
    case DOSSIER_MARKDOWN_CITATION:
      html_citation (state, parent, node);
      break;
    case DOSSIER_MARKDOWN_LINE_BREAK:
      dossier_html_element (parent, "br", NULL);
      break;
    default:
      html_block (state, parent, node);
      break;
    }
}

static void
html_inlines (HtmlState           *state,
              xmlNodePtr           parent,
              DossierMarkdownNode *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    html_inline (state, parent, g_ptr_array_index (node->children, i));
}

/* A block of the writer's or a document's text: its direction is its own
 * (dir="auto", from its first strong letter), so that a paragraph in
 * Arabic or Hebrew reads right to left in a page whose captions do not. */
static xmlNodePtr
text_block (xmlNodePtr  parent,
            const char *name)
{
  xmlNodePtr element = dossier_html_element (parent, name, NULL);

  xmlSetProp (element, BAD_CAST "dir", BAD_CAST "auto");
  return element;
}

static void
html_block (HtmlState           *state,
            xmlNodePtr           parent,
            DossierMarkdownNode *node)
{
  xmlNodePtr element;
  char name[3] = "h1";

  switch (node->kind)
    {
    case DOSSIER_MARKDOWN_HEADING:
      name[1] = '0' + MIN (node->level + state->b->heading_shift, 6);
      html_inlines (state, text_block (parent, name), node);
      break;
    case DOSSIER_MARKDOWN_PARAGRAPH:
      html_inlines (state, text_block (parent, "p"), node);
      break;
    case DOSSIER_MARKDOWN_LIST:
      element = dossier_html_element (parent, node->ordered ? "ol" : "ul", NULL);
      if (node->ordered && node->number != 1)
        {
          g_autofree char *start = g_strdup_printf ("%u", node->number);

          xmlSetProp (element, BAD_CAST "start", BAD_CAST start);
        }
      for (guint i = 0; node->children != NULL && i < node->children->len; i++)
        html_block (state, element, g_ptr_array_index (node->children, i));
      break;
    case DOSSIER_MARKDOWN_ITEM:
      /* Its inlines, then its nested list, if any. */
      html_inlines (state, text_block (parent, "li"), node);
      break;
    case DOSSIER_MARKDOWN_QUOTE:
      element = dossier_html_element (parent, "blockquote", NULL);
      for (guint i = 0; node->children != NULL && i < node->children->len; i++)
        html_block (state, element, g_ptr_array_index (node->children, i));
      break;
    case DOSSIER_MARKDOWN_RULE:
      dossier_html_element (parent, "hr", NULL);
      break;
    case DOSSIER_MARKDOWN_DOCUMENT:
      for (guint i = 0; node->children != NULL && i < node->children->len; i++)
        html_block (state, parent, g_ptr_array_index (node->children, i));
      break;
    default:
      html_inline (state, parent, node);
      break;
    }
}

/* The quote, one <p> per paragraph, so its structure survives; a passage
 * of more than DOSSIER_TEXT_MAX_PASSAGE characters cut there, a <p> after
 * it saying so. */
static void
html_quote (xmlNodePtr  parent,
            const char *whole)
{
  xmlNodePtr blockquote = dossier_html_element (parent, "blockquote", NULL);
  g_autofree char *cut_note = NULL;
  g_autofree char *quote = dossier_text_cut (whole, DOSSIER_TEXT_MAX_PASSAGE,
                                             DOSSIER_TEXT_CUT_PASSAGE, &cut_note);
  g_auto(GStrv) paragraphs = g_strsplit (quote, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    if (*paragraphs[i] != '\0' || paragraphs[1] == NULL)
      add_text (text_block (blockquote, "p"), paragraphs[i]);
  if (cut_note != NULL)
    add_text_element (parent, "p", cut_note);
}

static void
html_source (xmlNodePtr             parent,
             const DossierCitation *c)
{
  g_autoptr(GPtrArray) parts = source_parts (c);
  xmlNodePtr p = dossier_html_element (parent, "p", "source");

  add_text (p, "— ");
  add_text_element (p, "cite", g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      add_text (p, ", ");
      add_text (p, g_ptr_array_index (parts, i));
    }
  add_text (p, ". ");
}

/* "a", "b", … "z", "aa", "ab", …: the letter of use @use (from 1). */
static char *
use_letters (guint use)
{
  char letters[16];
  guint i = sizeof letters - 1;

  letters[i] = '\0';
  for (; use > 0 && i > 0; use = (use - 1) / 26)
    letters[--i] = (char) ('a' + (use - 1) % 26);
  return g_strdup (letters + i);
}

/* The links from the footnote of citation @number back to where the
 * note cites it (html_citation () numbers the uses): "↩" when it is
 * cited once; "↩ a b c", as Wikipedia writes it, when more often, each
 * letter leading to one use, in the note's order. */
static void
html_back_links (xmlNodePtr  p,
                 guint       number,
                 guint       n_uses)
{
  xmlNodePtr a;

  if (n_uses <= 1)
    {
      g_autofree char *back = g_strdup_printf ("#cite-%u-1", number);

      a = add_text_element (p, "a", "↩");
      xmlSetProp (a, BAD_CAST "href", BAD_CAST back);
      xmlSetProp (a, BAD_CAST "aria-label", BAD_CAST _("Back to the text"));
      return;
    }

  add_text (p, "↩");
  for (guint use = 1; use <= n_uses; use++)
    {
      g_autofree char *back = g_strdup_printf ("#cite-%u-%u", number, use);
      g_autofree char *letters = use_letters (use);
      /* TRANSLATORS: the label of a link from a footnote back to one of
       * the places that cite it: "Back to the text, citation 2 of 3" */
      g_autofree char *label = g_strdup_printf (_("Back to the text, citation %u of %u"), use,
                                                n_uses);

      add_text (p, " ");
      a = add_text_element (p, "a", letters);
      xmlSetProp (a, BAD_CAST "href", BAD_CAST back);
      xmlSetProp (a, BAD_CAST "aria-label", BAD_CAST label);
    }
}

static void
html_footnotes (HtmlState  *state,
                xmlNodePtr  body)
{
  xmlNodePtr section, ol;

  if (state->b->citations->len == 0)
    return;

  section = dossier_html_element (body, "section", "footnotes");
  xmlSetProp (section, BAD_CAST "aria-label", BAD_CAST _("Sources"));
  add_text_element (section, "h2", _("Sources"));
  ol = dossier_html_element (section, "ol", NULL);

  for (guint i = 0; i < state->b->citations->len; i++)
    {
      DossierCitation *c = g_ptr_array_index (state->b->citations, i);
      g_autofree char *problem = dossier_citation_describe_problem (c);
      g_autofree char *id = g_strdup_printf ("source-%u", c->number);
      guint n_uses = GPOINTER_TO_UINT (g_hash_table_lookup (state->uses,
                                                             GUINT_TO_POINTER (c->number)));
      xmlNodePtr li, p;

      li = dossier_html_element (ol, "li", problem != NULL ? "unverified" : NULL);
      xmlSetProp (li, BAD_CAST "id", BAD_CAST id);
      if (problem != NULL)
        {
          g_autofree char *sentence = g_strdup_printf ("%s.", problem);

          p = dossier_html_element (li, "p", NULL);
          add_text_element (p, "span", _("Unverified:"));
          xmlSetProp (p->last, BAD_CAST "class", BAD_CAST "problem");
          add_text (p, " ");
          add_text (p, sentence);
          if (c->quote != NULL)
            {
              add_text (p, " ");
              add_text (p, _("Last known quote:"));
            }
        }
      if (c->quote != NULL)
        {
          html_quote (li, c->quote);
          html_source (li, c);
          p = li->last;
        }
      else
        p = li->last;

      html_back_links (p, c->number, n_uses);
    }
}

static void
html_appendix (DossierExportContext *ctx,
               Briefing             *b,
               xmlNodePtr            body)
{
  g_autoptr(GPtrArray) documents = cited_documents (ctx, b);
  xmlNodePtr section;

  if (documents->len == 0)
    return;

  section = dossier_html_element (body, "section", "appendix");
  add_text_element (section, "h2", _("Cited passages by source"));
  for (guint i = 0; i < documents->len; i++)
    {
      DossierExportDocument *d = g_ptr_array_index (documents, i);
      g_autoptr(GPtrArray) cited = document_citations (b, d->id);
      g_autofree char *line = document_line (d);

      add_text_element (section, "h3", d->title);
      if (*line != '\0')
        {
          add_text_element (section, "p", line);
          xmlSetProp (section->last, BAD_CAST "class", BAD_CAST "source");
        }
      for (guint k = 0; k < cited->len; k++)
        {
          DossierCitation *c = g_ptr_array_index (cited, k);
          g_autofree char *href = g_strdup_printf ("#source-%u", c->number);
          g_autofree char *number = g_strdup_printf ("[%u]", c->number);
          xmlNodePtr figure, caption, a;

          figure = dossier_html_element (section, "figure", NULL);
          html_quote (figure, c->quote);
          caption = dossier_html_element (figure, "figcaption", NULL);
          a = add_text_element (caption, "a", number);
          xmlSetProp (a, BAD_CAST "href", BAD_CAST href);
          if (c->section != NULL)
            {
              g_autofree char *where = dossier_citation_format_section (c);

              add_text (caption, ", ");
              add_text (caption, where);
            }
        }
    }
}

static gboolean
write_html (DossierExportContext *ctx,
            DossierExportWriter  *w,
            Briefing             *b,
            GError              **error)
{
  g_autoptr(GHashTable) uses = g_hash_table_new (NULL, NULL);
  HtmlState state = { b, uses };
  xmlDocPtr doc;
  xmlNodePtr body, header, main;
  gboolean ok;

  /* In the language of its headings and captions, as the summaries are;
   * the note's own text and quotes may be in another (see html_block). */
  /* TRANSLATORS: subtitle of an exported briefing note */
  doc = dossier_export_html_new (_("en"), b->title != NULL ? b->title : "", _("Briefing note"),
                                 stylesheet, &body, &header);

  if (b->documents->len > 0)
    {
      xmlNodePtr aside = dossier_html_element (header, "div", "compares");
      xmlNodePtr ol;

      add_text_element (aside, "p", _("Compares:"));
      ol = dossier_html_element (aside, "ol", NULL);
      for (guint i = 0; i < b->documents->len; i++)
        {
          DossierExportDocument *d = g_ptr_array_index (b->documents, i);
          g_autofree char *line = document_line (d);
          xmlNodePtr li = dossier_html_element (ol, "li", NULL);

          add_text_element (li, "cite", d->title);
          if (*line != '\0')
            {
              add_text (li, " — ");
              add_text (li, line);
            }
        }
    }

  main = dossier_html_element (body, "main", NULL);
  if (b->root->children == NULL || b->root->children->len == 0)
    {
      add_text_element (main, "p", _("This note is empty."));
      xmlSetProp (main->last, BAD_CAST "class", BAD_CAST "empty");
    }
  else
    html_block (&state, main, b->root);

  html_footnotes (&state, body);
  if (ctx->options.appendix)
    html_appendix (ctx, b, body);

  ok = dossier_export_writer_save_html (w, doc, error);

  xmlFreeDoc (doc);
  return ok;
}

/* ---- Entry point ---------------------------------------------------------- */

gboolean
dossier_export_write_briefing (DossierExportContext *ctx,
                               DossierExportWriter  *w,
                               DossierExportFormat   format,
                               GError              **error)
{
  g_auto(Briefing) b = { 0 };

  if (format != DOSSIER_EXPORT_MARKDOWN && format != DOSSIER_EXPORT_HTML)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FORMAT,
                   _("A briefing note is exported as Markdown or HTML, not as %s"),
                   dossier_export_format_to_string (format));
      return FALSE;
    }

  if (!read_briefing (ctx, &b, error) || !verify (ctx, &b, error))
    return FALSE;

  if (format == DOSSIER_EXPORT_MARKDOWN)
    {
      write_markdown (ctx, w, &b);
      return TRUE;
    }
  return write_html (ctx, w, &b, error);
}

/* ---- For renderers outside the core --------------------------------------- */

char *
dossier_citation_format_source (const DossierCitation *citation,
                                gboolean               with_title)
{
  g_autoptr(GPtrArray) parts = NULL;

  g_return_val_if_fail (citation != NULL, NULL);

  if (citation->status == DOSSIER_CITATION_DELETED)
    return g_strdup ("");
  parts = source_parts (citation);
  if (!with_title || *(const char *) g_ptr_array_index (parts, 0) == '\0')
    g_ptr_array_remove_index (parts, 0);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

char *
dossier_citation_format_section (const DossierCitation *citation)
{
  g_autofree char *heading = NULL;
  gsize len;

  g_return_val_if_fail (citation != NULL, NULL);

  if (citation->section == NULL)
    return NULL;
  /* A heading that opens a list ("Cons:", as articles saved as text have
   * them) is named without its colon: section “Cons”, not “Cons:”. */
  heading = g_strdup (citation->section);
  len = strlen (heading);
  while (len > 1 && (heading[len - 1] == ':' || g_ascii_isspace (heading[len - 1])))
    heading[--len] = '\0';
  /* TRANSLATORS: where a cited passage is in its document */
  return g_strdup_printf (_("section “%s”"), heading);
}

static void
source_free (DossierBriefingSource *source)
{
  g_free (source->title);
  g_free (source->details);
  g_ptr_array_unref (source->citations);
  g_free (source);
}

static DossierBriefingSource *
source_new (DossierExportDocument *d,
            GPtrArray             *citations)
{
  DossierBriefingSource *source = g_new0 (DossierBriefingSource, 1);

  source->title = g_strdup (d->title);
  source->details = document_line (d);
  source->citations = citations != NULL ? citations : g_ptr_array_new ();
  return source;
}

void
dossier_briefing_content_free (DossierBriefingContent *content)
{
  if (content == NULL)
    return;
  g_free (content->title);
  g_free (content->modified);
  g_clear_pointer (&content->root, dossier_markdown_node_free);
  /* The sources borrow the citations: they go first. */
  g_clear_pointer (&content->compared, g_ptr_array_unref);
  g_clear_pointer (&content->cited, g_ptr_array_unref);
  g_clear_pointer (&content->citations, g_ptr_array_unref);
  g_free (content);
}

DossierBriefingContent *
dossier_project_read_briefing_content (DossierProject  *project,
                                       gint64           briefing_id,
                                       gboolean         allow_unverified,
                                       GCancellable    *cancellable,
                                       GError         **error)
{
  DossierExportFilter filter = { 0, 0, briefing_id };
  g_autoptr(DossierExportContext) ctx = NULL;
  g_auto(Briefing) b = { 0 };
  g_autoptr(GPtrArray) documents = NULL;
  DossierBriefingContent *content;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);
  g_return_val_if_fail (briefing_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ctx = dossier_export_context_new (project, &filter, FALSE, cancellable, error);
  if (ctx == NULL)
    return NULL;
  ctx->options.allow_unverified = allow_unverified;
  if (!read_briefing (ctx, &b, error) || !verify (ctx, &b, error))
    return NULL;

  content = g_new0 (DossierBriefingContent, 1);
  content->title = g_steal_pointer (&b.title);
  content->modified = g_steal_pointer (&b.modified);
  content->root = g_steal_pointer (&b.root);
  content->heading_shift = b.heading_shift;
  content->compared = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  for (guint i = 0; i < b.documents->len; i++)
    g_ptr_array_add (content->compared, source_new (g_ptr_array_index (b.documents, i), NULL));
  content->cited = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  documents = cited_documents (ctx, &b);
  for (guint i = 0; i < documents->len; i++)
    {
      DossierExportDocument *d = g_ptr_array_index (documents, i);

      g_ptr_array_add (content->cited, source_new (d, document_citations (&b, d->id)));
    }
  content->citations = g_steal_pointer (&b.citations);
  return content;
}
