/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-html.c — the tagged summary as one self-contained HTML
 * page (embedded CSS, no scripts, no external resources), readable on
 * screen, in dark mode and on paper. Built with libxml2's tree API, so
 * every piece of project text reaches the page as a text node and is
 * escaped by the serializer: a quote holding "<script>" comes out as
 * text, never markup; attributes get only ids we make, validated colours
 * and http(s) URLs.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <dossier/dossier-text.h>

#include "dossier-export-summary-private.h"

static const char stylesheet[] =
  ":root{color-scheme:light dark;--fg:#1e1e1e;--muted:#5e5c64;--bg:#ffffff;"
  "--card:#f6f5f4;--rule:#deddda;--accent:#1c71d8;--note:#fbf6e6}\n"
  "@media (prefers-color-scheme:dark){:root{--fg:#f6f5f4;--muted:#c0bfbc;"
  "--bg:#1e1e1e;--card:#2a2a2a;--rule:#3d3846;--accent:#78aeed;--note:#2f2b22}}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0 auto;max-width:46rem;padding:2.5rem 1.5rem 4rem;background:var(--bg);"
  "color:var(--fg);font:16px/1.6 \"Cantarell\",\"Noto Sans\",\"Helvetica Neue\",Arial,sans-serif}\n"
  "h1{font-size:2rem;line-height:1.2;margin:0 0 .25rem}\n"
  "h2{font-size:1.45rem;line-height:1.25;margin:0 0 .75rem}\n"
  "h3,h4,h5,h6{font-size:1.05rem;margin:2rem 0 .75rem;display:flex;align-items:center;gap:.5rem}\n"
  "article>h2{display:flex;align-items:center;gap:.6rem}\n"
  "a{color:var(--accent)}\n"
  ".subtitle{color:var(--muted);margin:0 0 2rem}\n"
  "nav{border-top:1px solid var(--rule);padding:.75rem 0 1.5rem}\n"
  "nav ol{margin:0;padding-left:1.5rem}\n"
  "article{margin:0 0 3rem;padding-top:1.5rem;border-top:3px solid var(--rule)}\n"
  "dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;"
  "margin:0 0 1rem;color:var(--muted);font-size:.95rem}\n"
  "dl.meta dt{font-weight:bold}\n"
  "dl.meta dd{margin:0;overflow-wrap:anywhere}\n"
  ".swatch{display:inline-block;width:.85rem;height:.85rem;border-radius:50%;"
  "flex:none;border:1px solid rgba(0,0,0,.2)}\n"
  ".count{color:var(--muted);font-weight:normal}\n"
  "figure{margin:0 0 1.25rem;padding:.8rem 1rem .7rem;background:var(--card);"
  "border-left:4px solid var(--rule);border-radius:0 6px 6px 0}\n"
  "blockquote{margin:0;font-family:\"Georgia\",\"Noto Serif\",serif;font-size:1.05rem;"
  "overflow-wrap:anywhere}\n"
  "blockquote p{margin:0 0 .5rem;white-space:pre-wrap}\n"
  "blockquote p:last-child{margin:0}\n"
  ".context{color:var(--muted)}\n"
  "mark{background:none;color:inherit;font-weight:600}\n"
  "sup.ref{font-family:sans-serif;font-size:.7rem;margin-left:.15rem}\n"
  "sup.ref a{text-decoration:none}\n"
  "figcaption{margin-top:.45rem;color:var(--muted);font-size:.85rem}\n"
  "figcaption p{margin:0}\n"
  "cite{font-style:italic}\n"
  "cite a{color:inherit;text-decoration:underline;text-decoration-color:var(--rule)}\n"
  "article.sources section{margin-bottom:1.25rem}\n"
  "article.sources h3{margin:1rem 0 .35rem}\n"
  "aside.memo{margin:.55rem 0 0;padding:.35rem .7rem;background:var(--note);border-radius:4px;"
  "color:var(--fg);font-size:.9rem;white-space:pre-wrap}\n"
  "aside.memo strong{margin-right:.2rem}\n"
  ".empty{color:var(--muted);font-style:italic}\n"
  "section.notes{margin-top:3rem;padding-top:1rem;border-top:3px solid var(--rule);font-size:.9rem}\n"
  "section.notes li{margin-bottom:.35rem;white-space:pre-wrap}\n"
  "section.notes a.back{text-decoration:none;margin-left:.3rem}\n"
  "p.text{margin:0 0 1rem;white-space:pre-wrap}\n"
  "figcaption p.comment{margin-top:.25rem;color:var(--fg)}\n"
  ".columns{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));column-gap:1.5rem;align-items:start}\n"
  ".columns>:not(section){grid-column:1/-1}\n"
  "@media (max-width:40rem){.columns{grid-template-columns:minmax(0,1fr)}}\n"
  "@media print{@page{margin:2cm 1.8cm}"
  "body{max-width:none;padding:0;font-size:10.5pt;color:#000;background:#fff}"
  ":root{--fg:#000;--muted:#444;--card:#fff;--note:#fff;--rule:#999}"
  "nav{display:none}a{color:inherit;text-decoration:none}sup.ref a{color:inherit}"
  "article.document{break-before:page;border-top:none}article.document:first-of-type{break-before:auto}"
  "figure{break-inside:avoid;margin:0 0 .8rem;padding:.2rem 0 .2rem .8rem;border-left-width:3pt}"
  "aside.memo{padding:0;border-left:none;font-style:italic}"
  "h2,h3,h4,h5,h6{break-after:avoid}section.notes{break-before:page}"
  ".swatch{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  "figure{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

typedef struct
{
  xmlDocPtr   doc;
  xmlNodePtr  main;
  xmlNodePtr  nav;
  xmlNodePtr  nav_list;
  guint       nav_entries;
  GPtrArray  *parts;   /* xmlNodePtr: the open parts, innermost last */
} HtmlData;

static void
html_data_free (gpointer user_data)
{
  HtmlData *data = user_data;

  if (data->doc != NULL)
    xmlFreeDoc (data->doc);
  g_ptr_array_unref (data->parts);
  g_free (data);
}

/* ---- Building the tree ---------------------------------------------------- */

/* A text node of @text, cleaned of what XML cannot hold. */
static void
add_text (xmlNodePtr  parent,
          const char *text)
{
  g_autofree char *clean = dossier_summary_clean (text);

  xmlAddChild (parent, xmlNewText (BAD_CAST clean));
}

/* An element holding @text: the text is a child text node (escaped when
 * serialized), never parsed. */
static xmlNodePtr
add_text_element (xmlNodePtr  parent,
                  const char *name,
                  const char *klass,
                  const char *text)
{
  xmlNodePtr node = dossier_html_element (parent, name, klass);

  add_text (node, text != NULL ? text : "");
  return node;
}

/* Marks @node as holding the project's or a document's text, whose
 * direction is its own (from its first strong letter): a passage or a
 * title in Arabic or Hebrew reads right to left on a page whose captions
 * do not, as in the briefing note's HTML. */
static xmlNodePtr
own_direction (xmlNodePtr node)
{
  xmlSetProp (node, BAD_CAST "dir", BAD_CAST "auto");
  return node;
}

static void
set_style_color (xmlNodePtr  node,
                 const char *property,
                 const char *color)
{
  g_autofree char *style = NULL;

  if (!dossier_color_is_hex (color))
    return;
  style = g_strdup_printf ("%s:%s", property, color);
  xmlSetProp (node, BAD_CAST "style", BAD_CAST style);
}

/* Classes and ids are ours, but only letters, digits and "-" pass. */
static gboolean
is_name (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static xmlNodePtr
current (DossierSummary *s)
{
  HtmlData *data = s->data;

  return data->parts->len > 0 ? g_ptr_array_index (data->parts, data->parts->len - 1)
                              : data->main;
}

/* ---- The format ----------------------------------------------------------- */

static void
html_begin (DossierSummary *s,
            const char     *title,
            const char     *subtitle)
{
  HtmlData *data = g_new0 (HtmlData, 1);
  g_autofree char *clean_title = dossier_summary_clean (title != NULL ? title : "");
  g_autofree char *clean_subtitle = subtitle != NULL ? dossier_summary_clean (subtitle) : NULL;
  xmlNodePtr body, header;

  data->parts = g_ptr_array_new ();
  s->data = data;

  /* TRANSLATORS: the language code of this translation, for the HTML
   * export's lang attribute ("es" for Spanish) */
  data->doc = dossier_export_html_new (_("en"), clean_title, clean_subtitle, stylesheet,
                                       &body, &header);
  /* The project's title, and a tag's or a document's name after it. */
  own_direction (xmlFirstElementChild (header));

  data->nav = dossier_html_element (body, "nav", NULL);
  xmlSetProp (data->nav, BAD_CAST "aria-label", BAD_CAST _("Contents"));
  data->nav_list = dossier_html_element (data->nav, "ol", NULL);
  data->main = dossier_html_element (body, "main", NULL);
}

static void
html_open_part (DossierSummary              *s,
                const DossierSummaryHeading *heading)
{
  HtmlData *data = s->data;
  g_autofree char *level = g_strdup_printf ("h%u", MIN (s->depth + 2, 6));
  xmlNodePtr part, h;

  g_autofree char *klass = NULL;

  if (is_name (heading->kind))
    klass = g_strconcat (heading->kind, heading->columns ? " columns" : "", NULL);
  else if (heading->columns)
    klass = g_strdup ("columns");
  part = dossier_html_element (current (s), s->depth == 0 ? "article" : "section", klass);
  if (is_name (heading->anchor))
    xmlSetProp (part, BAD_CAST "id", BAD_CAST heading->anchor);

  h = own_direction (dossier_html_element (part, level, NULL));
  if (dossier_color_is_hex (heading->color))
    {
      xmlNodePtr swatch = dossier_html_element (h, "span", "swatch");

      set_style_color (swatch, "background", heading->color);
      /* The swatch only repeats the tag's colour; screen readers skip it. */
      xmlSetProp (swatch, BAD_CAST "aria-hidden", BAD_CAST "true");
    }
  add_text (h, heading->title);
  if (heading->count >= 0)
    {
      g_autofree char *count = g_strdup_printf ("(%d)", heading->count);

      add_text (h, " ");
      add_text_element (h, "span", "count", count);
    }

  if (s->depth == 0 && is_name (heading->anchor))
    {
      g_autofree char *href = g_strconcat ("#", heading->anchor, NULL);
      xmlNodePtr li = own_direction (dossier_html_element (data->nav_list, "li", NULL));
      xmlNodePtr a = add_text_element (li, "a", NULL, heading->title);

      xmlSetProp (a, BAD_CAST "href", BAD_CAST href);
      data->nav_entries++;
    }

  g_ptr_array_add (data->parts, part);
}

static void
html_close_part (DossierSummary *s)
{
  HtmlData *data = s->data;

  g_ptr_array_set_size (data->parts, data->parts->len - 1);
}

static void
html_fields (DossierSummary            *s,
             const DossierSummaryField *fields,
             guint                      n_fields)
{
  xmlNodePtr dl = dossier_html_element (current (s), "dl", "meta");

  for (guint i = 0; i < n_fields; i++)
    {
      add_text_element (dl, "dt", NULL, fields[i].label);
      if (fields[i].link)
        {
          xmlNodePtr dd = own_direction (dossier_html_element (dl, "dd", NULL));
          xmlNodePtr a = add_text_element (dd, "a", NULL, fields[i].value);

          /* The attribute is escaped by the serializer; only http(s)
           * reaches here, so no javascript: or data: link. */
          xmlSetProp (a, BAD_CAST "href", BAD_CAST fields[i].value);
          xmlSetProp (a, BAD_CAST "rel", BAD_CAST "noreferrer");
        }
      else
        own_direction (add_text_element (dl, "dd", NULL, fields[i].value));
    }
}

static void
html_remark (DossierSummary *s,
             const char     *text)
{
  add_text_element (current (s), "p", "empty", text);
}

static void
html_paragraph (DossierSummary *s,
                const char     *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *para = g_strstrip (g_strdup (paragraphs[i]));

      if (*para != '\0')
        own_direction (add_text_element (current (s), "p", "text", para));
    }
}

/* One <p> per paragraph of the quote, so its structure survives; with
 * context, the quote is a <mark> between the muted words around it. */
static void
add_blockquote (xmlNodePtr                 figure,
                const DossierSummaryQuote *q)
{
  const DossierSummaryPassage *p = q->passage;
  gboolean context = p->before != NULL || p->after != NULL;
  xmlNodePtr blockquote = dossier_html_element (figure, "blockquote", NULL);
  g_auto(GStrv) paragraphs = g_strsplit (p->quote, "\n\n", -1);
  guint n = g_strv_length (paragraphs);

  for (guint i = 0; i < n; i++)
    {
      xmlNodePtr para;

      /* Blank lines between paragraphs, not paragraphs of their own. */
      if (*paragraphs[i] == '\0' && n > 1 && i != 0 && i != n - 1)
        continue;

      para = own_direction (dossier_html_element (blockquote, "p", NULL));
      if (i == 0 && p->before != NULL)
        {
          g_autofree char *before = g_strconcat (p->before_cut ? "…" : "", p->before, NULL);

          add_text_element (para, "span", "context", before);
        }
      if (context)
        add_text_element (para, "mark", NULL, paragraphs[i]);
      else
        add_text (para, paragraphs[i]);
      if (i == n - 1 && p->after != NULL)
        {
          g_autofree char *after = g_strconcat (p->after, p->after_cut ? "…" : "", NULL);

          add_text_element (para, "span", "context", after);
        }
      if (i == n - 1 && q->footnote > 0)
        {
          g_autofree char *number = g_strdup_printf ("%u", q->footnote);
          g_autofree char *ref = g_strdup_printf ("ref-%u", q->footnote);
          g_autofree char *href = g_strdup_printf ("#note-%u", q->footnote);
          xmlNodePtr sup = dossier_html_element (para, "sup", "ref");
          xmlNodePtr a = add_text_element (sup, "a", NULL, number);

          xmlSetProp (a, BAD_CAST "id", BAD_CAST ref);
          xmlSetProp (a, BAD_CAST "href", BAD_CAST href);
        }
    }
}

static void
add_separator (xmlNodePtr node)
{
  if (node->children != NULL)
    add_text (node, " · ");
}

static void
html_quote (DossierSummary            *s,
            const DossierSummaryQuote *q)
{
  xmlNodePtr figure, caption, where;

  figure = dossier_html_element (current (s), "figure", "quote");
  set_style_color (figure, "border-left-color", q->color);
  add_blockquote (figure, q);

  if (q->source == NULL && q->heading == NULL && !q->offsets && q->memo == NULL &&
      q->comment == NULL)
    return;

  caption = dossier_html_element (figure, "figcaption", NULL);
  where = dossier_html_element (caption, "p", NULL);
  if (q->source != NULL)
    {
      xmlNodePtr source = dossier_html_element (where, "span", "source");

      g_autofree char *href = g_strdup_printf ("#doc-%" G_GINT64_FORMAT, q->source->id);
      xmlNodePtr cite = dossier_html_element (source, "cite", NULL);
      xmlNodePtr a = add_text_element (cite, "a", NULL, q->source->title);

      xmlSetProp (a, BAD_CAST "href", BAD_CAST href);
      if (q->source->outlet != NULL)
        {
          add_text (source, ", ");
          add_text (source, q->source->outlet);
        }
      if (q->date != NULL)
        {
          add_text (source, ", ");
          add_text (source, q->date);
        }
    }
  if (q->heading != NULL)
    {
      g_autofree char *section = g_strdup_printf (_("§ %s"), q->heading);

      add_separator (where);
      add_text_element (where, "span", "section", section);
    }
  if (q->offsets)
    {
      g_autofree char *offsets = dossier_summary_format_offsets (q->passage);

      add_separator (where);
      add_text_element (where, "span", "offsets", offsets);
    }
  if (where->children == NULL)
    {
      xmlUnlinkNode (where);
      xmlFreeNode (where);
    }

  if (q->comment != NULL)
    own_direction (add_text_element (caption, "p", "comment", q->comment));

  if (q->memo != NULL)
    {
      xmlNodePtr aside = dossier_html_element (caption, "aside", "memo");

      /* The caption in ours, the memo in its own direction. */
      add_text_element (aside, "strong", NULL, _("Note:"));
      add_text (aside, " ");
      own_direction (add_text_element (aside, "span", NULL, q->memo));
    }
}

static void
html_footnotes (DossierSummary *s,
                GPtrArray      *memos)
{
  HtmlData *data = s->data;
  xmlNodePtr section = dossier_html_element (data->main, "section", "notes");
  xmlNodePtr ol;

  add_text_element (section, "h2", NULL, _("Notes"));
  ol = dossier_html_element (section, "ol", NULL);
  for (guint i = 0; i < memos->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("note-%u", i + 1);
      g_autofree char *href = g_strdup_printf ("#ref-%u", i + 1);
      xmlNodePtr li = own_direction (dossier_html_element (ol, "li", NULL));
      xmlNodePtr back;

      xmlSetProp (li, BAD_CAST "id", BAD_CAST id);
      add_text (li, g_ptr_array_index (memos, i));
      add_text (li, " ");
      back = add_text_element (li, "a", "back", "↩");
      xmlSetProp (back, BAD_CAST "href", BAD_CAST href);
      xmlSetProp (back, BAD_CAST "aria-label", BAD_CAST _("Back to the quote"));
    }
}

static gboolean
html_end (DossierSummary  *s,
          GError         **error)
{
  HtmlData *data = s->data;

  /* Contents are for more than one part. */
  if (data->nav_entries < 2)
    {
      xmlUnlinkNode (data->nav);
      xmlFreeNode (data->nav);
      data->nav = NULL;
    }

  return dossier_export_writer_save_html (s->w, data->doc, error);
}

const DossierSummaryFormat dossier_summary_html = {
  html_begin,
  html_open_part,
  html_close_part,
  html_fields,
  html_remark,
  html_paragraph,
  html_quote,
  html_footnotes,
  html_end,
  html_data_free,
};
