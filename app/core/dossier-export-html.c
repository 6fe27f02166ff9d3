/* dossier-export-html.c — the tagged summary as one self-contained HTML
 * page (embedded CSS, no scripts, no external resources), readable on
 * screen and on paper. Built with libxml2's tree API, so every piece of
 * document text reaches the page as a text node and is escaped by the
 * serializer: a quote holding "<script>" comes out as text, never markup.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "dossier-export-private.h"

static const char stylesheet[] =
  ":root{color-scheme:light dark;--fg:#1e1e1e;--muted:#5e5c64;--bg:#ffffff;"
  "--card:#f6f5f4;--rule:#deddda;--accent:#1c71d8}\n"
  "@media (prefers-color-scheme:dark){:root{--fg:#f6f5f4;--muted:#c0bfbc;"
  "--bg:#1e1e1e;--card:#2a2a2a;--rule:#3d3846;--accent:#78aeed}}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0 auto;max-width:48rem;padding:2.5rem 1.5rem 4rem;background:var(--bg);"
  "color:var(--fg);font:16px/1.6 \"Cantarell\",\"Noto Sans\",\"Helvetica Neue\",Arial,sans-serif}\n"
  "h1{font-size:2rem;line-height:1.2;margin:0 0 .25rem}\n"
  "h2{font-size:1.45rem;line-height:1.25;margin:0 0 .5rem}\n"
  "h3{font-size:1.05rem;margin:1.75rem 0 .75rem;display:flex;align-items:center;gap:.5rem}\n"
  "a{color:var(--accent)}\n"
  ".subtitle{color:var(--muted);margin:0 0 2rem}\n"
  "nav{border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);"
  "padding:.75rem 0;margin-bottom:2.5rem}\n"
  "nav ol{margin:0;padding-left:1.5rem}\n"
  "article{margin:0 0 3rem;padding-top:1.5rem;border-top:3px solid var(--rule)}\n"
  "dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;"
  "margin:0 0 1rem;color:var(--muted);font-size:.95rem}\n"
  "dl.meta dt{font-weight:bold}\n"
  "dl.meta dd{margin:0;overflow-wrap:anywhere}\n"
  ".swatch{display:inline-block;width:.85rem;height:.85rem;border-radius:50%;"
  "flex:none;border:1px solid rgba(0,0,0,.2)}\n"
  ".count{color:var(--muted);font-weight:normal}\n"
  "figure{margin:0 0 1rem;padding:.75rem 1rem;background:var(--card);"
  "border-left:4px solid var(--rule);border-radius:0 6px 6px 0}\n"
  "blockquote{margin:0;font-family:\"Georgia\",\"Noto Serif\",serif;font-size:1.05rem;"
  "overflow-wrap:anywhere}\n"
  "blockquote p{margin:0 0 .5rem;white-space:pre-wrap}\n"
  "blockquote p:last-child{margin:0}\n"
  "figcaption{margin-top:.4rem;color:var(--muted);font-size:.85rem}\n"
  ".memo{display:block;color:var(--fg);font-style:italic;white-space:pre-wrap}\n"
  ".empty{color:var(--muted);font-style:italic}\n"
  "@media print{body{max-width:none;padding:0;font-size:11pt;color:#000;background:#fff}"
  "nav{display:none}a{color:inherit;text-decoration:none}"
  "article{break-before:page;border-top:none}article:first-of-type{break-before:auto}"
  "figure{break-inside:avoid;background:none;border-left-width:3pt}"
  "h2,h3{break-after:avoid}}\n";

/* A text child: xmlNewTextChild escapes, unlike xmlNewChild, which would
 * read "&amp;" in document text as an entity reference. */
static xmlNodePtr
add_text_element (xmlNodePtr  parent,
                  const char *name,
                  const char *text)
{
  return xmlNewTextChild (parent, NULL, BAD_CAST name, BAD_CAST (text != NULL ? text : ""));
}

static xmlNodePtr
add_element (xmlNodePtr  parent,
             const char *name,
             const char *klass)
{
  xmlNodePtr node = xmlNewChild (parent, NULL, BAD_CAST name, NULL);

  if (klass != NULL)
    xmlSetProp (node, BAD_CAST "class", BAD_CAST klass);
  return node;
}

static void
add_text (xmlNodePtr  parent,
          const char *text)
{
  xmlAddChild (parent, xmlNewText (BAD_CAST text));
}

/* Only a well-formed "#rrggbb" may reach a style attribute. */
static gboolean
is_hex_color (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_web_url (const char *s)
{
  return s != NULL &&
         (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://"));
}

static void
add_metadata (xmlNodePtr             article,
              DossierExportDocument *doc)
{
  const struct { const char *label; const char *value; } fields[] = {
    { N_("Author"), doc->author },
    { N_("Outlet"), doc->outlet },
    { N_("Date"), doc->published },
    { N_("Source"), doc->source },
  };
  xmlNodePtr dl = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      xmlNodePtr dd;

      if (fields[i].value == NULL)
        continue;
      if (dl == NULL)
        dl = add_element (article, "dl", "meta");

      add_text_element (dl, "dt", _(fields[i].label));
      if (fields[i].value == doc->source && is_web_url (doc->source))
        {
          xmlNodePtr a;

          dd = add_element (dl, "dd", NULL);
          a = add_text_element (dd, "a", doc->source);
          xmlSetProp (a, BAD_CAST "href", BAD_CAST doc->source);
          xmlSetProp (a, BAD_CAST "rel", BAD_CAST "noreferrer");
        }
      else
        add_text_element (dl, "dd", fields[i].value);
    }
}

static void
add_quote (xmlNodePtr          section,
           DossierExportTag   *tag,
           DossierExportQuote *q)
{
  xmlNodePtr figure, blockquote, caption;
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *position = NULL;

  figure = add_element (section, "figure", "quote");
  if (is_hex_color (tag->color))
    {
      g_autofree char *style = g_strdup_printf ("border-left-color:%s", tag->color);

      xmlSetProp (figure, BAD_CAST "style", BAD_CAST style);
    }

  /* One <p> per paragraph of the quote, so its structure survives. */
  blockquote = add_element (figure, "blockquote", NULL);
  paragraphs = g_strsplit (q->quote != NULL ? q->quote : "", "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    if (*paragraphs[i] != '\0' || paragraphs[1] == NULL)
      add_text_element (blockquote, "p", paragraphs[i]);

  caption = add_element (figure, "figcaption", NULL);
  position = g_strdup_printf (_("(chars %" PRId64 "–%" PRId64 ")"),
                              q->start, q->end);
  add_text (caption, position);
  if (q->memo != NULL && *q->memo != '\0')
    {
      g_autofree char *memo = g_strdup_printf ("%s %s", _("Memo:"), q->memo);

      add_text_element (caption, "span", memo);
      xmlSetProp (caption->last, BAD_CAST "class", BAD_CAST "memo");
    }
}

static void
add_group (xmlNodePtr             article,
           DossierExportTagGroup *group)
{
  xmlNodePtr section, h3, swatch, count;
  g_autofree char *count_text = g_strdup_printf ("(%u)", group->quotes->len);

  section = add_element (article, "section", "tag");
  h3 = add_element (section, "h3", NULL);
  swatch = add_element (h3, "span", "swatch");
  if (is_hex_color (group->tag->color))
    {
      g_autofree char *style = g_strdup_printf ("background:%s", group->tag->color);

      xmlSetProp (swatch, BAD_CAST "style", BAD_CAST style);
    }
  /* The swatch only repeats the tag's colour; screen readers skip it. */
  xmlSetProp (swatch, BAD_CAST "aria-hidden", BAD_CAST "true");
  add_text (h3, group->tag->path);
  add_text (h3, " ");
  count = add_text_element (h3, "span", count_text);
  xmlSetProp (count, BAD_CAST "class", BAD_CAST "count");

  for (guint i = 0; i < group->quotes->len; i++)
    add_quote (section, group->tag, g_ptr_array_index (group->quotes, i));
}

/* libxml2 output callbacks into the export writer's buffer. */
static int
save_write (void       *context,
            const char *buffer,
            int         len)
{
  DossierExportWriter *w = context;

  dossier_export_writer_put (w, buffer, len);
  return dossier_export_writer_check (w) ? len : -1;
}

static int
save_close (void *context)
{
  return 0;
}

gboolean
dossier_export_write_html (DossierExportContext *ctx,
                           DossierExportWriter  *w,
                           GError              **error)
{
  xmlDocPtr doc;
  xmlNodePtr html, head, body, meta, header, nav = NULL, ol = NULL;
  xmlSaveCtxtPtr save;
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;
  guint n_written = 0;
  gboolean ok = TRUE;

  if (ctx->filter.tag_id != 0)
    {
      DossierExportTag *tag = dossier_export_context_get_tag (ctx, ctx->filter.tag_id);

      heading = g_strdup_printf (_("%s — %s"), ctx->title, tag != NULL ? tag->path : "");
    }
  else
    heading = g_strdup (ctx->title);

  doc = htmlNewDocNoDtD (NULL, NULL);
  xmlCreateIntSubset (doc, BAD_CAST "html", NULL, NULL);
  html = xmlNewNode (NULL, BAD_CAST "html");
  xmlDocSetRootElement (doc, html);

  /* The serializer adds the charset declaration itself (a second one
   * would be invalid), matching the encoding it writes. */
  head = add_element (html, "head", NULL);
  meta = add_element (head, "meta", NULL);
  xmlSetProp (meta, BAD_CAST "name", BAD_CAST "viewport");
  xmlSetProp (meta, BAD_CAST "content", BAD_CAST "width=device-width, initial-scale=1");
  meta = add_element (head, "meta", NULL);
  xmlSetProp (meta, BAD_CAST "name", BAD_CAST "generator");
  xmlSetProp (meta, BAD_CAST "content", BAD_CAST "Dossier " PACKAGE_VERSION);
  add_text_element (head, "title", heading);
  add_text_element (head, "style", stylesheet);

  body = add_element (html, "body", NULL);
  header = add_element (body, "header", NULL);
  add_text_element (header, "h1", heading);
  /* TRANSLATORS: subtitle of an exported HTML summary */
  subtitle = g_strdup (_("Tagged summary"));
  add_text_element (header, "p", subtitle);
  xmlSetProp (header->last, BAD_CAST "class", BAD_CAST "subtitle");

  if (ctx->documents->len > 1)
    {
      nav = add_element (body, "nav", NULL);
      xmlSetProp (nav, BAD_CAST "aria-label", BAD_CAST _("Documents"));
      ol = add_element (nav, "ol", NULL);
    }

  for (guint i = 0; i < ctx->documents->len && ok; i++)
    {
      DossierExportDocument *d = g_ptr_array_index (ctx->documents, i);
      g_autoptr(GPtrArray) groups = NULL;
      g_autofree char *anchor = NULL;
      xmlNodePtr article, li, a;

      groups = dossier_export_context_group_document (ctx, d->id, error);
      if (groups == NULL)
        {
          ok = FALSE;
          break;
        }
      if (ctx->filter.tag_id != 0 && groups->len == 0)
        continue;
      n_written++;

      anchor = g_strdup_printf ("doc-%" G_GINT64_FORMAT, d->id);
      article = add_element (body, "article", "document");
      xmlSetProp (article, BAD_CAST "id", BAD_CAST anchor);
      add_text_element (article, "h2", d->title);
      add_metadata (article, d);

      if (ol != NULL)
        {
          g_autofree char *href = g_strconcat ("#", anchor, NULL);

          li = add_element (ol, "li", NULL);
          a = add_text_element (li, "a", d->title);
          xmlSetProp (a, BAD_CAST "href", BAD_CAST href);
        }

      if (groups->len == 0)
        add_text_element (article, "p", _("No highlights."));
      for (guint g = 0; g < groups->len; g++)
        add_group (article, g_ptr_array_index (groups, g));
    }

  if (ok && n_written == 0)
    {
      add_text_element (body, "p", ctx->filter.tag_id != 0 ? _("No highlights carry this tag.")
                                                           : _("This project has no documents."));
      xmlSetProp (body->last, BAD_CAST "class", BAD_CAST "empty");
    }
  if (ok && nav != NULL && ol->children == NULL)
    {
      xmlUnlinkNode (nav);
      xmlFreeNode (nav);
    }

  if (ok)
    {
      save = xmlSaveToIO (save_write, save_close, w, "UTF-8", XML_SAVE_FORMAT | XML_SAVE_AS_HTML);
      if (save == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Cannot create the HTML writer"));
          ok = FALSE;
        }
      else
        {
          xmlSaveDoc (save, doc);
          xmlSaveClose (save);
        }
    }

  xmlFreeDoc (doc);
  return ok;
}
