/* dossier-import-html-extract.c — the HTML importer's blocks: the article
 * root written out as title, headings, paragraphs, list items, quotes and
 * preformatted text, with the clutter that only shows once the page's
 * statistics are known (link lists, "Related" headings, ad labels, the
 * header's date and byline lines) left out.
 */

#include "config.h"

#include <string.h>

#include "dossier-import-html-private.h"

static const char *const clutter_headings[] = {
  "related", "related articles", "related stories", "related content", "related posts",
  "related news", "related topics", "related coverage", "related links", "read more",
  "read next", "more on this story", "more stories", "more news", "most read",
  "most popular", "most viewed", "most shared", "popular", "popular now", "trending",
  "trending now", "recommended", "recommended for you", "you may also like",
  "you might also like", "you may have missed", "don't miss", "don\u2019t miss", "also read",
  "see also", "share", "share this", "share this article", "share this story",
  "share this post", "comments", "leave a reply", "leave a comment", "join the conversation",
  "sign up", "newsletter", "subscribe", "advertisement", "topics", "tags", "follow us",
  "lo m\u00E1s le\u00EDdo", "lo m\u00E1s visto", "noticias relacionadas", "te puede interesar",
  "tambi\u00E9n te puede interesar", "comentarios", "relacionados", "m\u00E1s noticias",
  "\u0627\u0642\u0631\u0623 \u0623\u064A\u0636\u0627",
  "\u0627\u0642\u0631\u0623 \u0623\u064A\u0636\u0627\u064B",
  "\u0627\u0644\u0623\u0643\u062B\u0631 \u0642\u0631\u0627\u0621\u0629",
  "\u0645\u0648\u0627\u0636\u064A\u0639 \u0630\u0627\u062A \u0635\u0644\u0629",
  "\u0623\u062E\u0628\u0627\u0631 \u0630\u0627\u062A \u0635\u0644\u0629",
};

static const char *const clutter_heading_prefixes[] = {
  "related ", "more from ", "most read", "read more", "recommended ", "sign up ",
  "subscribe to ",
};

static const char *const read_more_prefixes[] = {
  "read more", "read also", "also read", "related:", "related coverage", "see also",
  "more:", "read:", "watch:", "listen:", "lea tambi\u00E9n", "lee tambi\u00E9n",
  "te puede interesar", "leer m\u00E1s", "\u0627\u0642\u0631\u0623 \u0623\u064A\u0636\u0627",
};

static const char *const label_texts[] = {
  "advertisement", "advertisements", "sponsored", "sponsored content", "publicidad",
  "anuncio", "\u0625\u0639\u0644\u0627\u0646", "story continues below advertisement",
  "article continues below advertisement", "continue reading below",
};

static const char *const byline_starts[] = {
  "by ", "written by ", "por ", "par ", "von ", "\u0628\u0642\u0644\u0645", "\u05DE\u05D0\u05EA ",
};

/* Case-folded, trimmed text of a small subtree, without a final colon. */
static char *
folded_text (xmlNode *node)
{
  g_autofree char *text = dossier_html_node_text (node);
  char *folded;
  gsize len;

  if (text == NULL)
    return NULL;
  folded = g_utf8_casefold (text, -1);
  len = strlen (folded);
  while (len > 0 && strchr (":. ", folded[len - 1]) != NULL)
    folded[--len] = '\0';
  return folded;
}

static gboolean
matches_any (const char         *text,
             const char * const *list,
             gsize               n,
             gboolean            prefix)
{
  if (text == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (prefix ? g_str_has_prefix (text, list[i]) : strcmp (text, list[i]) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  DossierBlockKind kind;
  int              level;
  int              list_depth;
  guint            merge : 1;         /* li, headings, pre: inner blocks don't split it */
  guint            pre : 1;
  guint            title_header : 1;  /* inside the <header> holding the title */
  guint            in_entry : 1;      /* inside an <article> below the root: a live-blog entry */
  guint            skipped : 1;
  guint            block : 1;
  guint            merged : 1;        /* a block inside a merging one: spaces around */
} Ctx;

typedef struct
{
  Reader             *r;
  DossierTextBuilder *builder;
  GArray             *stack;          /* Ctx; the bottom one is the default */
  xmlNode            *root;
  xmlNode            *title_node;
  gboolean            lenient;        /* last resort: only scripts and hidden parts go */
  gboolean            title_done;
  gboolean            body_seen;      /* a real paragraph is out: the header zone is over */
  gboolean            last_br;
  DossierBlockKind    open_kind;
  gboolean            open_in_header;
  guint               open_chars;
  guint               body_blocks;
} Extract;

static void
x_close (Extract *x)
{
  if (!dossier_text_builder_in_block (x->builder))
    return;
  dossier_text_builder_end_block (x->builder);
  if (x->open_chars > 0 && x->open_kind != DOSSIER_BLOCK_TITLE)
    x->body_blocks++;
  if (x->open_kind != DOSSIER_BLOCK_TITLE && x->open_kind != DOSSIER_BLOCK_HEADING &&
      !x->open_in_header && x->open_chars >= 80)
    x->body_seen = TRUE;
  x->open_chars = 0;
  x->last_br = FALSE;
}

static void
x_append (Extract    *x,
          const Ctx  *ctx,
          const char *text,
          guint       chars)
{

  if (!dossier_text_builder_in_block (x->builder))
    {
      if (chars == 0)
        return;
      dossier_text_builder_begin_block (x->builder, ctx->kind,
                                        ctx->kind == DOSSIER_BLOCK_HEADING ||
                                        ctx->kind == DOSSIER_BLOCK_LIST_ITEM ? ctx->level : 0);
      x->open_kind = ctx->kind;
      x->open_in_header = ctx->title_header;
      x->open_chars = 0;
    }
  dossier_text_builder_append (x->builder, text, -1);
  x->open_chars += chars;
  if (chars > 0)
    x->last_br = FALSE;
}

static void
x_space (Extract *x)
{
  if (dossier_text_builder_in_block (x->builder))
    dossier_text_builder_append (x->builder, " ", 1);
}

/* <br> is a space; two in a row end a paragraph (pages that have no <p>). */
static void
x_break (Extract   *x,
         const Ctx *ctx)
{
  if (!dossier_text_builder_in_block (x->builder))
    return;
  if (ctx->pre)
    {
      dossier_text_builder_append (x->builder, "\n", 1);
      return;
    }
  if (x->last_br && !ctx->merge)
    {
      x_close (x);
      return;
    }
  dossier_text_builder_append (x->builder, " ", 1);
  x->last_br = TRUE;
}

/* Whether the nearest sibling that way is running text or an inline
 * element (as opposed to nothing, a block or a <br>). */
static gboolean
inline_neighbour (Reader   *r,
                  xmlNode  *node,
                  gboolean  forward)
{
  for (xmlNode *n = forward ? node->next : node->prev; n != NULL; n = forward ? n->next : n->prev)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          if (dossier_html_text_info (r, n).chars > 0)
            return TRUE;
        }
      else if (n->type == XML_ELEMENT_NODE)
        {
          const TagInfo *tag = dossier_html_tag_info (n);

          return !(tag->props & (TP_BLOCK | TP_SKIP)) && tag->id != T_BR;
        }
    }
  return FALSE;
}

/* A paragraph or a div; a span or font only when it stands on its own
 * between blocks (a short link inside a sentence is not a line to drop). */
static gboolean
is_text_line (Reader   *r,
              xmlNode  *node,
              NodeInfo *info)
{
  if (info->tag == T_P || info->tag == T_DIV)
    return TRUE;
  if (info->tag != T_SPAN && info->tag != T_FONT)
    return FALSE;
  return !inline_neighbour (r, node, FALSE) && !inline_neighbour (r, node, TRUE);
}

/* <div><p>…</p></div>: the rules that read a line's text are left to the
 * inner element, so that a chain of wrappers reads it once, not once per
 * level. */
static gboolean
is_wrapper (Reader   *r,
            xmlNode  *node,
            NodeInfo *info)
{
  xmlNode *only = NULL;
  NodeInfo *inner;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_ELEMENT_NODE)
        {
          if (only != NULL)
            return FALSE;
          only = c;
        }
      else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
               dossier_html_text_info (r, c).chars > 0)
        return FALSE;
    }
  inner = only != NULL ? dossier_html_info (r, only) : NULL;
  return inner != NULL && inner->text == info->text && is_text_line (r, only, inner);
}

/* The article's own date line, wherever the page put it (a live-blog
 * entry's time is another matter: see in_entry). */
static gboolean
is_publication_time (Reader  *r,
                     xmlNode *node)
{
  const char *itemprop = dossier_html_attr (node, "itemprop");
  const char *datetime = dossier_html_attr (node, "datetime");
  const char *published[] = { r->published_article, r->published_itemprop, r->published_ld };

  if (dossier_html_has_word (itemprop, "datePublished") ||
      dossier_html_has_word (itemprop, "dateModified") ||
      dossier_html_has_word (itemprop, "dateCreated") ||
      dossier_html_attr (node, "pubdate") != NULL)
    return TRUE;
  if (datetime == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (published); i++)
    if (published[i] != NULL && strcmp (published[i], datetime) == 0)
      return TRUE;
  return FALSE;
}

/* Clutter that only shows once the statistics are known: link lists,
 * "Related" headings, "Read more:" lines, ad labels, the article header's
 * date and byline lines. */
static gboolean
x_should_skip (Extract   *x,
               xmlNode   *node,
               NodeInfo  *info,
               const Ctx *parent)
{
  gboolean header_zone;

  if (x->lenient)
    return (info->flags & (F_SKIP | F_HIDDEN)) != 0;
  if (!(info->flags & F_CLEAN))
    return TRUE;
  if (info->flags & F_HAS_TITLE)
    return FALSE;

  header_zone = (!x->body_seen && !parent->in_entry) || parent->title_header;
  switch ((TagId) info->tag)
    {
    case T_FOOTER:
      if (parent->kind != DOSSIER_BLOCK_QUOTE &&
          (info->text < 80 || info->link * 10 > info->text * 3))
        return TRUE;
      break;
    case T_UL:
    case T_OL:
      if (info->text > 0 && info->link * 10 >= info->text * 8)
        return TRUE;
      break;
    case T_DIV:
    case T_SECTION:
    case T_TABLE:
    case T_DL:
      if (info->text > 0 && info->link * 2 > info->text && info->text - info->link < 150)
        return TRUE;
      break;
    case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
      if (info->text <= 60)
        {
          g_autofree char *text = folded_text (node);

          if (matches_any (text, clutter_headings, G_N_ELEMENTS (clutter_headings), FALSE) ||
              matches_any (text, clutter_heading_prefixes,
                           G_N_ELEMENTS (clutter_heading_prefixes), TRUE))
            return TRUE;
        }
      break;
    case T_TIME:
      if (header_zone || (!parent->in_entry && is_publication_time (x->r, node)))
        return TRUE;
      break;
    default:
      break;
    }

  if (info->text > 0 && info->text <= 300 && is_text_line (x->r, node, info) &&
      !is_wrapper (x->r, node, info))
    {
      g_autofree char *text = NULL;

      if (info->text <= 40 || info->link * 2 > info->text || header_zone)
        text = folded_text (node);
      if (info->text <= 40 &&
          matches_any (text, label_texts, G_N_ELEMENTS (label_texts), FALSE))
        return TRUE;
      if (info->link * 2 > info->text &&
          matches_any (text, read_more_prefixes, G_N_ELEMENTS (read_more_prefixes), TRUE))
        return TRUE;
      if (header_zone && info->text <= 100 &&
          matches_any (text, byline_starts, G_N_ELEMENTS (byline_starts), TRUE))
        return TRUE;
      /* A section link above the headline ("Transport", "World › Europe"),
       * or a line that is nothing but a short link ("Our standards"). */
      if (header_zone && info->text <= 40 && info->link * 2 > info->text)
        return TRUE;
      if (info->text <= 60 && info->link * 10 >= info->text * 9)
        return TRUE;
      /* A label above the headline: "Live", "Analysis", "Exclusive". */
      if (x->title_node != NULL && !x->title_done && info->text <= 20)
        return TRUE;
    }

  if (header_zone && (info->flags & F_DATE))
    return TRUE;
  return FALSE;
}

static int
aria_heading_level (xmlNode *node)
{
  const char *level;

  if (!dossier_html_has_word (dossier_html_attr (node, "role"), "heading"))
    return 0;
  level = dossier_html_attr (node, "aria-level");
  if (level != NULL && level[0] >= '1' && level[0] <= '6' && level[1] == '\0')
    return level[0] - '0';
  return 2;
}

static gboolean
extract_enter (gpointer data,
               xmlNode *node)
{
  Extract *x = data;
  const Ctx *top = &g_array_index (x->stack, Ctx, x->stack->len - 1);
  Ctx ctx;
  NodeInfo *info;
  int heading_level = 0;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        x_append (x, top, (const char *) node->content, dossier_html_text_info (x->r, node).chars);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  ctx = *top;
  ctx.skipped = ctx.block = ctx.merged = 0;
  info = dossier_html_info (x->r, node);
  if (info == NULL || (node != x->root && x_should_skip (x, node, info, top)))
    {
      ctx.skipped = 1;
      g_array_append_val (x->stack, ctx);
      return FALSE;
    }
  if (info->tag == T_BR)
    {
      x_break (x, top);
      ctx.skipped = 1;
      g_array_append_val (x->stack, ctx);
      return FALSE;
    }

  if (dossier_html_is_heading (info->tag))
    heading_level = info->tag - T_H1 + 1;
  else if (!top->merge)
    heading_level = aria_heading_level (node);

  if ((info->props & TP_BLOCK) || heading_level > 0)
    {
      gboolean list = info->tag == T_UL || info->tag == T_OL || info->tag == T_LI;

      ctx.block = 1;
      if (top->merge && !list)
        {
          x_space (x);
          ctx.merged = 1;
        }
      else
        x_close (x);
    }

  if (heading_level > 0 && !top->merge)
    {
      if (node == x->title_node && !x->title_done)
        {
          ctx.kind = DOSSIER_BLOCK_TITLE;
          ctx.level = 0;
          x->title_done = TRUE;
        }
      else
        {
          ctx.kind = DOSSIER_BLOCK_HEADING;
          ctx.level = heading_level;
        }
      ctx.merge = 1;
    }
  else
    switch ((TagId) info->tag)
      {
      case T_LI:
        ctx.kind = DOSSIER_BLOCK_LIST_ITEM;
        ctx.level = MAX (top->list_depth, 1);
        ctx.list_depth = ctx.level;
        ctx.merge = 1;
        ctx.pre = 0;
        break;
      case T_UL:
      case T_OL:
        ctx.list_depth = top->list_depth + 1;
        ctx.kind = DOSSIER_BLOCK_LIST_ITEM;
        ctx.level = ctx.list_depth;
        ctx.merge = 0;
        ctx.pre = 0;
        break;
      case T_BLOCKQUOTE:
        if (!top->merge)
          {
            ctx.kind = DOSSIER_BLOCK_QUOTE;
            ctx.level = 0;
          }
        break;
      case T_PRE:
        if (!top->merge)
          {
            ctx.kind = DOSSIER_BLOCK_PREFORMATTED;
            ctx.level = 0;
            ctx.pre = 1;
            ctx.merge = 1;
          }
        break;
      case T_ARTICLE:
        if (node != x->root)
          ctx.in_entry = 1;
        break;
      default:
        break;
      }

  if (info->flags & F_TITLE_HEAD)
    ctx.title_header = 1;

  g_array_append_val (x->stack, ctx);
  return TRUE;
}

static void
extract_leave (gpointer data,
               xmlNode *node)
{
  Extract *x = data;
  Ctx ctx;

  if (node->type != XML_ELEMENT_NODE)
    return;
  ctx = g_array_index (x->stack, Ctx, x->stack->len - 1);
  g_array_set_size (x->stack, x->stack->len - 1);
  if (ctx.skipped)
    return;
  /* Whatever follows the title's header is the body. */
  if (dossier_html_info (x->r, node)->flags & F_TITLE_HEAD)
    x->body_seen = TRUE;
  if (!ctx.block)
    return;
  if (ctx.merged)
    x_space (x);
  else
    x_close (x);
}

/* The heading that becomes the TITLE block: the root's first <h1>, else
 * its first heading if it repeats the title; NULL to write the title
 * itself at the top. Its ancestors are marked so no clutter rule drops it. */
typedef struct
{
  Reader  *r;
  xmlNode *h1;
  xmlNode *first_heading;
} FindHeadings;

static gboolean
find_headings_enter (gpointer data,
                     xmlNode *node)
{
  FindHeadings *f = data;
  NodeInfo *info = dossier_html_info (f->r, node);

  if (f->h1 != NULL || info == NULL || !(info->flags & F_CLEAN))
    return FALSE;
  if (dossier_html_is_heading (info->tag) && info->text > 0)
    {
      if (info->tag == T_H1)
        f->h1 = node;
      else if (f->first_heading == NULL)
        f->first_heading = node;
      return FALSE;
    }
  return TRUE;
}

static xmlNode *
find_title_node (Reader     *r,
                 xmlNode    *root,
                 const char *title)
{
  FindHeadings f = { r, NULL, NULL };
  xmlNode *first_heading, *found;

  dossier_html_walk (root, find_headings_enter, NULL, &f);
  found = f.h1;
  first_heading = f.first_heading;

  if (found == NULL && first_heading != NULL && title != NULL)
    {
      g_autofree char *text = dossier_html_node_text (first_heading);
      g_autofree char *a = text != NULL ? dossier_html_comparable (text) : NULL;
      g_autofree char *b = dossier_html_comparable (title);

      if (a != NULL && *a != '\0' && strcmp (a, b) == 0)
        found = first_heading;
    }

  for (xmlNode *n = found; n != NULL; n = dossier_html_parent (n))
    {
      NodeInfo *info = dossier_html_info (r, n);

      info->flags |= F_HAS_TITLE;
      if (n == root)
        break;
      /* A <header>, or the small block right under the root that holds
       * the title with its kicker, standfirst, byline and date. */
      if (n != found &&
          (info->tag == T_HEADER ||
           (dossier_html_parent (n) == root && info->text <= 1000 &&
            (info->tag == T_DIV || info->tag == T_SECTION || info->tag == T_OTHER))))
        info->flags |= F_TITLE_HEAD;
    }
  return found;
}

static void
clear_title_marks (Reader  *r,
                   xmlNode *title_node)
{
  for (xmlNode *n = title_node; n != NULL; n = dossier_html_parent (n))
    dossier_html_info (r, n)->flags &= ~(F_HAS_TITLE | F_TITLE_HEAD);
}

/* Writes the blocks of @root; returns how many body blocks (not the
 * title) came out. */
guint
dossier_html_extract_blocks (Reader             *r,
                             xmlNode            *root,
                             const char         *title,
                             gboolean            lenient,
                             DossierTextBuilder *builder)
{
  Extract x = { 0 };
  Ctx base = { DOSSIER_BLOCK_PARAGRAPH, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

  x.r = r;
  x.builder = builder;
  x.root = root;
  x.lenient = lenient;
  x.stack = g_array_new (FALSE, FALSE, sizeof (Ctx));
  g_array_append_val (x.stack, base);

  x.title_node = find_title_node (r, root, title);
  if (x.title_node == NULL && title != NULL)
    {
      dossier_text_builder_add_block (builder, DOSSIER_BLOCK_TITLE, 0, title);
      x.title_done = TRUE;
    }

  dossier_html_walk (root, extract_enter, extract_leave, &x);
  x_close (&x);

  clear_title_marks (r, x.title_node);
  g_array_unref (x.stack);
  return x.body_blocks;
}
