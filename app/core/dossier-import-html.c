/* dossier-import-html.c — HTML import, the way a reader mode reads a page.
 *
 * The bytes are decoded here (BOM, else <meta charset>, else UTF-8) and the
 * UTF-8 result is handed to libxml2's HTML parser with the network off, no
 * entity substitution beyond HTML's own, and the internal DTD subset blanked
 * out, so nothing is ever fetched or expanded. The tree is then read in a few
 * passes that never recurse (a hostile page can nest a million elements):
 *
 *  1. metadata (<title>, <meta>, <link>, JSON-LD, bylines, <time>) and the
 *     paragraph text each element holds;
 *  2. clutter: navigation, share bars, cookie notices, related lists,
 *     comments, ads… judged by tag, role, class/id tokens and hidden flags,
 *     with clean text statistics and a Readability-like score per element;
 *  3. the article root: <article>, articleBody, main, a content class, else
 *     the element with the best text-density score;
 *  4. blocks — title, headings, paragraphs, list items, quotes, preformatted
 *     text — written through a DossierTextBuilder.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "dossier-import-private.h"
#include "dossier-text-builder.h"

/* A <meta charset> is looked for this far into the file: the HTML standard
 * says 1024 bytes, but saved pages often carry long heads. */
#define SNIFF_BYTES (16 * 1024)

/* XML_PARSE_HUGE lifts libxml2's nesting limit of 256 elements: without it
 * a deep page stops parsing there and the rest of its text is lost. Every
 * walk below is iterative, so depth costs us nothing. */
#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                      HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | \
                      XML_PARSE_HUGE)

/* Bounds for the few places that read a subtree's text for a decision. */
#define PEEK_NODES 256
#define MAX_JSONLD 16
#define MAX_JSONLD_BYTES (512 * 1024)
#define MAX_META_NODES 16

/* ------------------------------------------------------------------------
 * Tags
 * ------------------------------------------------------------------------ */

typedef enum
{
  T_OTHER,
  T_A,
  T_ARTICLE,
  T_BLOCKQUOTE,
  T_BODY,
  T_BR,
  T_CENTER,
  T_DD,
  T_DIV,
  T_DL,
  T_DT,
  T_FIGCAPTION,
  T_FONT,
  T_FOOTER,
  T_FORM,
  T_H1, T_H2, T_H3, T_H4, T_H5, T_H6,
  T_HEAD,
  T_HEADER,
  T_HTML,
  T_LI,
  T_LINK,
  T_MAIN,
  T_META,
  T_OL,
  T_P,
  T_PRE,
  T_SCRIPT,
  T_SECTION,
  T_SPAN,
  T_SVG,
  T_TABLE,
  T_TD,
  T_TH,
  T_TIME,
  T_TITLE,
  T_UL,
} TagId;

enum
{
  TP_BLOCK   = 1 << 0,  /* a block boundary: text before and after is not joined */
  TP_SKIP    = 1 << 1,  /* never holds readable text: script, style, svg, button… */
  TP_CLUTTER = 1 << 2,  /* page furniture by definition: nav, aside, menu */
  TP_PARA    = 1 << 3,  /* its text is paragraph text for the density score */
  TP_IMPLICIT = 1 << 4, /* loose text directly inside is a paragraph of its own */
};

typedef struct
{
  const char *name;
  TagId       id;
  guint       props;
} TagInfo;

static const TagInfo tag_table[] = {
  { "a", T_A, 0 },
  { "address", T_OTHER, TP_BLOCK },
  { "amp-ad", T_OTHER, TP_SKIP },
  { "amp-analytics", T_OTHER, TP_SKIP },
  { "amp-consent", T_OTHER, TP_SKIP },
  { "amp-embed", T_OTHER, TP_SKIP },
  { "amp-geo", T_OTHER, TP_SKIP },
  { "amp-iframe", T_OTHER, TP_SKIP },
  { "amp-sidebar", T_OTHER, TP_CLUTTER | TP_BLOCK },
  { "amp-social-share", T_OTHER, TP_SKIP },
  { "amp-user-notification", T_OTHER, TP_SKIP },
  { "amp-video", T_OTHER, TP_SKIP },
  { "applet", T_OTHER, TP_SKIP },
  { "article", T_ARTICLE, TP_BLOCK | TP_IMPLICIT },
  { "aside", T_OTHER, TP_CLUTTER | TP_BLOCK },
  { "audio", T_OTHER, TP_SKIP },
  { "base", T_OTHER, TP_SKIP },
  { "blockquote", T_BLOCKQUOTE, TP_BLOCK | TP_PARA | TP_IMPLICIT },
  { "body", T_BODY, TP_BLOCK | TP_IMPLICIT },
  { "br", T_BR, 0 },
  { "button", T_OTHER, TP_SKIP },
  { "canvas", T_OTHER, TP_SKIP },
  { "caption", T_OTHER, TP_BLOCK },
  { "center", T_CENTER, TP_BLOCK | TP_IMPLICIT },
  { "datalist", T_OTHER, TP_SKIP },
  { "dd", T_DD, TP_BLOCK | TP_PARA },
  { "details", T_OTHER, TP_BLOCK },
  { "dialog", T_OTHER, TP_SKIP },
  { "dir", T_UL, TP_BLOCK },
  { "div", T_DIV, TP_BLOCK | TP_IMPLICIT },
  { "dl", T_DL, TP_BLOCK },
  { "dt", T_DT, TP_BLOCK },
  { "embed", T_OTHER, TP_SKIP },
  { "fieldset", T_OTHER, TP_BLOCK },
  { "figcaption", T_FIGCAPTION, TP_BLOCK },
  { "figure", T_OTHER, TP_BLOCK },
  { "font", T_FONT, TP_IMPLICIT },
  { "footer", T_FOOTER, TP_BLOCK },
  { "form", T_FORM, TP_BLOCK },
  { "frame", T_OTHER, TP_SKIP },
  { "frameset", T_OTHER, TP_SKIP },
  { "h1", T_H1, TP_BLOCK },
  { "h2", T_H2, TP_BLOCK },
  { "h3", T_H3, TP_BLOCK },
  { "h4", T_H4, TP_BLOCK },
  { "h5", T_H5, TP_BLOCK },
  { "h6", T_H6, TP_BLOCK },
  { "head", T_HEAD, TP_SKIP },
  { "header", T_HEADER, TP_BLOCK },
  { "hgroup", T_OTHER, TP_BLOCK },
  { "hr", T_OTHER, TP_BLOCK },
  { "html", T_HTML, TP_BLOCK },
  { "iframe", T_OTHER, TP_SKIP },
  { "input", T_OTHER, TP_SKIP },
  { "label", T_OTHER, 0 },
  { "legend", T_OTHER, TP_BLOCK },
  { "li", T_LI, TP_BLOCK | TP_PARA },
  { "link", T_LINK, TP_SKIP },
  { "listing", T_PRE, TP_BLOCK | TP_PARA },
  { "main", T_MAIN, TP_BLOCK | TP_IMPLICIT },
  { "map", T_OTHER, TP_SKIP },
  { "math", T_OTHER, TP_SKIP },
  { "menu", T_OTHER, TP_CLUTTER | TP_BLOCK },
  { "meta", T_META, TP_SKIP },
  { "meter", T_OTHER, TP_SKIP },
  { "nav", T_OTHER, TP_CLUTTER | TP_BLOCK },
  { "noembed", T_OTHER, TP_SKIP },
  { "noframes", T_OTHER, TP_SKIP },
  { "noscript", T_OTHER, TP_SKIP },
  { "object", T_OTHER, TP_SKIP },
  { "ol", T_OL, TP_BLOCK },
  { "optgroup", T_OTHER, TP_SKIP },
  { "option", T_OTHER, TP_SKIP },
  { "output", T_OTHER, TP_SKIP },
  { "p", T_P, TP_BLOCK | TP_PARA },
  { "param", T_OTHER, TP_SKIP },
  { "picture", T_OTHER, TP_SKIP },
  { "plaintext", T_PRE, TP_BLOCK | TP_PARA },
  { "pre", T_PRE, TP_BLOCK | TP_PARA },
  { "progress", T_OTHER, TP_SKIP },
  { "rp", T_OTHER, TP_SKIP },
  { "rt", T_OTHER, TP_SKIP },
  { "script", T_SCRIPT, TP_SKIP },
  { "section", T_SECTION, TP_BLOCK | TP_IMPLICIT },
  { "select", T_OTHER, TP_SKIP },
  { "source", T_OTHER, TP_SKIP },
  { "span", T_SPAN, 0 },
  { "style", T_OTHER, TP_SKIP },
  { "summary", T_OTHER, TP_BLOCK },
  { "svg", T_SVG, TP_SKIP },
  { "table", T_TABLE, TP_BLOCK },
  { "tbody", T_OTHER, TP_BLOCK },
  { "td", T_TD, TP_BLOCK | TP_IMPLICIT },
  { "template", T_OTHER, TP_SKIP },
  { "textarea", T_OTHER, TP_SKIP },
  { "tfoot", T_OTHER, TP_BLOCK },
  { "th", T_TH, TP_BLOCK },
  { "thead", T_OTHER, TP_BLOCK },
  { "time", T_TIME, 0 },
  { "title", T_TITLE, TP_SKIP },
  { "tr", T_OTHER, TP_BLOCK },
  { "track", T_OTHER, TP_SKIP },
  { "ul", T_UL, TP_BLOCK },
  { "video", T_OTHER, TP_SKIP },
  { "xmp", T_PRE, TP_BLOCK | TP_PARA },
};

static const TagInfo other_tag = { NULL, T_OTHER, 0 };

/* ------------------------------------------------------------------------
 * Class and id tokens
 * ------------------------------------------------------------------------ */

enum
{
  K_JUNK     = 1 << 0,  /* page furniture: share, related, cookie, ad… */
  K_COMMENTS = 1 << 1,  /* a comment section: junk however long it is */
  K_BYLINE   = 1 << 2,  /* a byline box: read for the author, then dropped */
  K_DATE     = 1 << 3,  /* a date line: dropped in the article's header */
  K_HIDDEN   = 1 << 4,  /* junk only as the last word ("is-hidden", not "hidden-xs") */
  K_SIDEBAR  = 1 << 5,  /* junk unless a layout flag ("has-sidebar") */
  K_LAYOUT   = 1 << 6,  /* has, with, no, without */
  K_TONE     = 1 << 7,  /* "tone-comment" is an opinion piece, not comments */
};

typedef struct
{
  const char *token;
  guint       kind;
} TokenInfo;

static const TokenInfo token_table[] = {
  { "ad", K_JUNK }, { "ads", K_JUNK }, { "adslot", K_JUNK }, { "adunit", K_JUNK },
  { "adsense", K_JUNK }, { "advert", K_JUNK }, { "adverts", K_JUNK },
  { "advertisement", K_JUNK }, { "advertising", K_JUNK }, { "dfp", K_JUNK },
  { "sponsor", K_JUNK }, { "sponsored", K_JUNK }, { "sponsors", K_JUNK },
  { "promo", K_JUNK }, { "promos", K_JUNK }, { "promoted", K_JUNK },
  { "nav", K_JUNK }, { "navbar", K_JUNK }, { "navigation", K_JUNK },
  { "menu", K_JUNK }, { "menus", K_JUNK }, { "megamenu", K_JUNK }, { "submenu", K_JUNK },
  { "breadcrumb", K_JUNK }, { "breadcrumbs", K_JUNK },
  { "share", K_JUNK }, { "shares", K_JUNK }, { "sharing", K_JUNK }, { "sharebar", K_JUNK },
  { "social", K_JUNK }, { "socials", K_JUNK }, { "socialmedia", K_JUNK },
  { "related", K_JUNK }, { "recommended", K_JUNK }, { "recommendations", K_JUNK },
  { "recommend", K_JUNK }, { "recirc", K_JUNK }, { "recirculation", K_JUNK },
  { "trending", K_JUNK }, { "popular", K_JUNK }, { "mostread", K_JUNK },
  { "outbrain", K_JUNK }, { "taboola", K_JUNK },
  { "cookie", K_JUNK }, { "cookies", K_JUNK }, { "cookiebanner", K_JUNK },
  { "consent", K_JUNK }, { "gdpr", K_JUNK }, { "onetrust", K_JUNK },
  { "newsletter", K_JUNK }, { "newsletters", K_JUNK }, { "subscribe", K_JUNK },
  { "subscription", K_JUNK }, { "subscriptions", K_JUNK }, { "signup", K_JUNK },
  { "paywall", K_JUNK }, { "readtime", K_JUNK }, { "readingtime", K_JUNK }, { "pullquote", K_JUNK }, { "pullout", K_JUNK },
  { "footer", K_JUNK }, { "sidebar", K_SIDEBAR },
  { "popup", K_JUNK }, { "modal", K_JUNK }, { "overlay", K_JUNK }, { "lightbox", K_JUNK },
  { "toolbar", K_JUNK }, { "masthead", K_JUNK }, { "skiplink", K_JUNK },
  { "noprint", K_JUNK }, { "navbox", K_JUNK }, { "editsection", K_JUNK },
  { "catlinks", K_JUNK }, { "instagram", K_JUNK }, { "tiktok", K_JUNK },
  { "hidden", K_HIDDEN }, { "hide", K_HIDDEN }, { "invisible", K_HIDDEN },
  { "visuallyhidden", K_JUNK }, { "offscreen", K_JUNK },
  { "comment", K_COMMENTS }, { "comments", K_COMMENTS }, { "commentlist", K_COMMENTS },
  { "disqus", K_COMMENTS }, { "respond", K_COMMENTS },
  { "byline", K_BYLINE }, { "bylines", K_BYLINE }, { "author", K_BYLINE },
  { "authors", K_BYLINE }, { "contributor", K_BYLINE }, { "contributors", K_BYLINE },
  { "date", K_DATE }, { "dates", K_DATE }, { "timestamp", K_DATE }, { "published", K_DATE },
  { "updated", K_DATE }, { "pubdate", K_DATE }, { "publishdate", K_DATE },
  { "dateline", K_DATE }, { "datelines", K_DATE }, { "meta-date", K_DATE },
  { "has", K_LAYOUT }, { "with", K_LAYOUT }, { "no", K_LAYOUT }, { "without", K_LAYOUT },
  { "tone", K_TONE }, { "tonal", K_TONE }, { "kicker", K_TONE }, { "label", K_TONE },
  { "opinion", K_TONE }, { "series", K_TONE }, { "pillar", K_TONE }, { "genre", K_TONE },
};

/* Two-word names of clutter ("most-read", "sr-only", "sign-up"). */
static const char *const token_pairs[][2] = {
  { "most", "read" }, { "most", "popular" }, { "most", "viewed" }, { "most", "shared" },
  { "most", "commented" }, { "most", "emailed" }, { "most", "watched" },
  { "read", "more" }, { "read", "next" }, { "read", "time" }, { "reading", "time" }, { "read", "also" }, { "also", "read" },
  { "more", "stories" }, { "more", "from" }, { "you", "may" }, { "you", "might" },
  { "sign", "up" }, { "sign", "in" }, { "skip", "link" }, { "skip", "links" },
  { "skip", "to" }, { "pull", "quote" }, { "pull", "out" }, { "sr", "only" }, { "screen", "reader" }, { "d", "none" },
};

/* Per byte: 1 if it starts a visible character (not a UTF-8 continuation
 * byte, not ASCII white space), 2 more for bytes that may start a comma. */
static guint8 byte_class[256];

static void
init_byte_class (void)
{
  for (guint b = 0; b < 256; b++)
    byte_class[b] = (b & 0xC0) != 0x80 && b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0;
  byte_class[','] |= 2;
  byte_class[0xD8] |= 2;  /* Arabic comma, U+060C */
  byte_class[0xEF] |= 2;  /* fullwidth comma, U+FF0C */
}

static GHashTable *tag_index;    /* name → TagInfo */
static GHashTable *token_index;  /* token → TokenInfo */

static void
init_once (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* libxml2 2.9 wants its globals set up once, before any thread
       * parses; imports run in worker threads. */
      xmlInitParser ();
      init_byte_class ();

      tag_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize i = 0; i < G_N_ELEMENTS (tag_table); i++)
        g_hash_table_insert (tag_index, (gpointer) tag_table[i].name, (gpointer) &tag_table[i]);

      token_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize i = 0; i < G_N_ELEMENTS (token_table); i++)
        g_hash_table_insert (token_index, (gpointer) token_table[i].token,
                             (gpointer) &token_table[i]);

      g_once_init_leave (&initialized, 1);
    }
}

static const TagInfo *
tag_info (xmlNode *node)
{
  const TagInfo *info;

  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return &other_tag;
  info = g_hash_table_lookup (tag_index, node->name);
  return info != NULL ? info : &other_tag;
}

static inline gboolean
is_heading (TagId id)
{
  return id >= T_H1 && id <= T_H6;
}

static inline gboolean
is_space_byte (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The value of an attribute, without allocating; "" for a bare attribute
 * (<div hidden>), NULL when absent. libxml2's HTML parser lower-cases
 * attribute names, and @name is lower case. */
static const char *
attr (xmlNode         *node,
      const char      *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      if (a->name == NULL || a->name[0] != (xmlChar) name[0] ||
          strcmp ((const char *) a->name, name) != 0)
        continue;
      if (a->children != NULL && a->children->type == XML_TEXT_NODE &&
          a->children->content != NULL)
        return (const char *) a->children->content;
      return "";
    }
  return NULL;
}

/* Whether the space-separated @list holds @word (case-insensitive). */
static gboolean
has_word (const char *list,
          const char *word)
{
  gsize wlen = strlen (word);

  if (list == NULL)
    return FALSE;
  for (const char *p = list; *p != '\0';)
    {
      const char *start;

      while (*p != '\0' && is_space_byte (*p))
        p++;
      start = p;
      while (*p != '\0' && !is_space_byte (*p))
        p++;
      if ((gsize) (p - start) == wlen && g_ascii_strncasecmp (start, word, wlen) == 0)
        return TRUE;
    }
  return FALSE;
}

#define ALL_01 G_GUINT64_CONSTANT (0x0101010101010101)
#define ALL_7F G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F)
#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)

/* Bit 7 of each byte of @w that equals @b, exactly (no carries between
 * bytes, so the flags can be counted). */
static inline guint64
bytes_equal (guint64 w,
             guchar  b)
{
  guint64 v = w ^ (ALL_01 * b);

  return ~(((v & ALL_7F) + ALL_7F) | v) & HIGH_BITS;
}

/* How many bytes of @w have their flag (bit 7) set in @flags. */
static inline guint
count_flags (guint64 flags)
{
  return ((flags >> 7) * ALL_01) >> 56;
}

/* Visible characters (code points other than white space) and commas. */
static guint
count_chars (const char *text,
             guint      *commas)
{
  guint n = 0, c = 0;
  const guchar *p = (const guchar *) text;
  const guchar *end = p + strlen (text);

  while (p < end)
    {
      guint8 k;

      /* Eight bytes at a time: all but continuation bytes and spaces are
       * visible, unless a byte needs a look (another control or white
       * space character, or one that may start a comma). */
      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, 8);
          if (((w - ALL_01 * 0x20) & ~w & HIGH_BITS) != 0 ||
              (bytes_equal (w, ',') | bytes_equal (w, 0xD8) | bytes_equal (w, 0xEF)) != 0)
            break;
          n += 8 - count_flags (w & ~(w << 1) & HIGH_BITS) - count_flags (bytes_equal (w, ' '));
          p += 8;
        }
      if (p >= end)
        break;

      k = byte_class[*p];
      n += k & 1;
      if (G_UNLIKELY (k & 2))
        c += p[0] == ',' || (p[0] == 0xD8 && p[1] == 0x8C) ||
             (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C);
      p++;
    }
  if (commas != NULL)
    *commas += c;
  return n;
}

/* ------------------------------------------------------------------------
 * Class and id classification
 * ------------------------------------------------------------------------ */

#define TOKEN_MAX 32
#define ITEM_TOKENS 12

static guint
token_kind (const char *token)
{
  const TokenInfo *info = g_hash_table_lookup (token_index, token);

  return info != NULL ? info->kind : 0;
}

static void
classify_token (const char *token,
                const char *prev,
                gboolean    last,
                guint      *kinds)
{
  guint kind = token_kind (token);
  guint prev_kind = prev != NULL ? token_kind (prev) : 0;

  if (kind & K_JUNK)
    *kinds |= K_JUNK;
  if ((kind & K_COMMENTS) && !(prev_kind & K_TONE))
    *kinds |= K_COMMENTS;
  if (kind & K_BYLINE)
    *kinds |= K_BYLINE;
  if (kind & K_DATE)
    *kinds |= K_DATE;
  if ((kind & K_HIDDEN) && last)
    *kinds |= K_JUNK;
  if ((kind & K_SIDEBAR) && !(prev_kind & K_LAYOUT))
    *kinds |= K_JUNK;

  if (prev != NULL)
    for (gsize i = 0; i < G_N_ELEMENTS (token_pairs); i++)
      if (strcmp (prev, token_pairs[i][0]) == 0 && strcmp (token, token_pairs[i][1]) == 0)
        *kinds |= K_JUNK;
}

/* Splits one class name ("c-share-bar", "ArticleBody_shareBar__x1") into
 * lower-case words and classifies them. */
static void
classify_item (const char *item,
               gsize       len,
               guint      *kinds)
{
  char tokens[ITEM_TOKENS][TOKEN_MAX];
  int n = 0;
  gsize i = 0;

  while (i < len && n < ITEM_TOKENS)
    {
      gsize start, tl = 0;

      while (i < len && !g_ascii_isalnum (item[i]))
        i++;
      start = i;
      while (i < len && g_ascii_isalnum (item[i]))
        {
          if (i > start && g_ascii_isupper (item[i]) &&
              (g_ascii_islower (item[i - 1]) || g_ascii_isdigit (item[i - 1])))
            break;
          if (tl < TOKEN_MAX - 1)
            tokens[n][tl++] = g_ascii_tolower (item[i]);
          i++;
        }
      if (i > start)
        {
          tokens[n][tl] = '\0';
          n++;
        }
    }

  for (int t = 0; t < n; t++)
    classify_token (tokens[t], t > 0 ? tokens[t - 1] : NULL, t == n - 1, kinds);
}

static guint
classify_names (const char *value)
{
  guint kinds = 0;
  const char *p = value;

  if (value == NULL)
    return 0;
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && is_space_byte (*p))
        p++;
      start = p;
      while (*p != '\0' && !is_space_byte (*p))
        p++;
      if (p > start)
        classify_item (start, p - start, &kinds);
    }
  return kinds;
}

/* Class names and ids that say "the article's text is here". */
static const char *const content_names[] = {
  "article-body", "articlebody", "article__body", "article-content", "article__content",
  "articlecontent", "article-text", "article__text", "article-body-text", "story-body",
  "storybody", "story-content", "story__body", "story-text", "entry-content",
  "entry__content", "entry-body", "post-content", "post__content", "post-body", "postbody",
  "post-entry", "content-body", "body-text", "bodytext", "main-content", "maincontent",
  "content-main", "page-content", "td-post-content", "field-body", "field--name-body",
  "rich-text", "richtext", "single-content", "c-article-body", "news-body", "news-content",
  "text-content", "article-main", "story-main",
};

static const char *const weak_content_names[] = {
  "story", "article", "content", "post", "entry", "main", "text", "body",
};

/* 2 when a class or the id names the article body, 1 for a vaguer name. */
static int
content_rank (xmlNode *node)
{
  const char *values[2] = { attr (node, "class"), attr (node, "id") };
  int rank = 0;

  for (int v = 0; v < 2; v++)
    {
      const char *p = values[v];

      if (p == NULL)
        continue;
      while (*p != '\0')
        {
          const char *start;
          gsize len;

          while (*p != '\0' && is_space_byte (*p))
            p++;
          start = p;
          while (*p != '\0' && !is_space_byte (*p))
            p++;
          len = p - start;
          if (len == 0)
            continue;
          for (gsize i = 0; i < G_N_ELEMENTS (content_names); i++)
            if (strlen (content_names[i]) == len &&
                g_ascii_strncasecmp (start, content_names[i], len) == 0)
              return 2;
          for (gsize i = 0; i < G_N_ELEMENTS (weak_content_names); i++)
            if (strlen (weak_content_names[i]) == len &&
                g_ascii_strncasecmp (start, weak_content_names[i], len) == 0)
              rank = 1;
        }
    }
  return rank;
}

static gboolean
role_is_clutter (const char *role)
{
  static const char *const roles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    "dialog", "alertdialog", "alert", "tooltip", "toolbar", "marquee",
  };

  if (role == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (roles); i++)
    if (has_word (role, roles[i]))
      return TRUE;
  return FALSE;
}

/* style="display: none" or "visibility: hidden". */
static gboolean
style_is_hidden (const char *style)
{
  g_autofree char *compact = NULL;
  char *w;

  if (style == NULL || strchr (style, ':') == NULL)
    return FALSE;
  compact = g_ascii_strdown (style, -1);
  w = compact;
  for (const char *r = compact; *r != '\0'; r++)
    if (!is_space_byte (*r))
      *w++ = *r;
  *w = '\0';
  return strstr (compact, "display:none") != NULL ||
         strstr (compact, "visibility:hidden") != NULL;
}

/* ------------------------------------------------------------------------
 * Encoding
 * ------------------------------------------------------------------------ */

static gboolean
has_bom (const guint8 *data,
         gsize         len)
{
  return (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) ||
         (len >= 2 && data[0] == 0xFF && data[1] == 0xFE) ||
         (len >= 2 && data[0] == 0xFE && data[1] == 0xFF) ||
         (len >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF);
}

/* Maps a charset label to a name iconv knows, following the HTML
 * standard's aliases (ISO-8859-1 and ASCII mean windows-1252; a UTF-16
 * label in an ASCII-compatible file means UTF-8). NULL if unusable. */
static char *
canonical_charset (const char *label,
                   gsize       len)
{
  static const struct { const char *label; const char *charset; } aliases[] = {
    { "utf-8", "UTF-8" }, { "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
    { "x-unicode20utf8", "UTF-8" }, { "unicode20utf8", "UTF-8" },
    { "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
    { "ansi_x3.4-1968", "WINDOWS-1252" }, { "iso-8859-1", "WINDOWS-1252" },
    { "iso8859-1", "WINDOWS-1252" }, { "iso_8859-1", "WINDOWS-1252" },
    { "iso88591", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
    { "cp819", "WINDOWS-1252" }, { "ibm819", "WINDOWS-1252" },
    { "iso-ir-100", "WINDOWS-1252" }, { "csisolatin1", "WINDOWS-1252" },
    { "windows-1252", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
    { "x-cp1252", "WINDOWS-1252" }, { "x-user-defined", "WINDOWS-1252" },
    { "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
    { "iso-8859-11", "CP874" }, { "tis-620", "CP874" },
    { "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
    { "chinese", "GB18030" }, { "csgb2312", "GB18030" }, { "gb18030", "GB18030" },
    { "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
    { "x-sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" },
    { "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" }, { "windows-949", "CP949" },
    { "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" },
  };
  g_autofree char *l = NULL;

  l = g_ascii_strdown (label, len);
  g_strstrip (l);
  if (*l == '\0' || strlen (l) > 40)
    return NULL;
  for (const char *p = l; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.:", *p) == NULL)
      return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (l, aliases[i].label) == 0)
      return g_strdup (aliases[i].charset);
  if (g_str_has_prefix (l, "utf-16") || g_str_has_prefix (l, "utf-32") ||
      g_str_has_prefix (l, "ucs-") || strcmp (l, "unicode") == 0)
    return g_strdup ("UTF-8");
  return g_ascii_strup (l, -1);
}

static const char *
find_bytes (const char *hay,
            gsize       hay_len,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= hay_len; i++)
    if (hay[i] == needle[0] && memcmp (hay + i, needle, n) == 0)
      return hay + i;
  return NULL;
}

/* "text/html; charset=windows-1252" → "windows-1252" */
static char *
charset_from_content_type (const char *s,
                           gsize       len)
{
  for (gsize i = 0; i + 7 <= len; i++)
    {
      gsize j, start;

      if (g_ascii_strncasecmp (s + i, "charset", 7) != 0)
        continue;
      j = i + 7;
      while (j < len && is_space_byte (s[j]))
        j++;
      if (j >= len || s[j] != '=')
        continue;
      j++;
      while (j < len && (is_space_byte (s[j]) || s[j] == '"' || s[j] == '\''))
        j++;
      start = j;
      while (j < len && !is_space_byte (s[j]) && s[j] != ';' && s[j] != '"' && s[j] != '\'')
        j++;
      if (j > start)
        return canonical_charset (s + start, j - start);
    }
  return NULL;
}

/* Reads the attributes of the <meta tag at *pos (prescan, as browsers do). */
static char *
charset_from_meta (const char *s,
                   gsize       n,
                   gsize      *pos)
{
  gsize j = *pos + 5;
  const char *charset = NULL, *content = NULL;
  gsize charset_len = 0, content_len = 0;
  gboolean content_type = FALSE;

  while (j < n)
    {
      gsize name_start, name_len;
      const char *value = NULL;
      gsize value_len = 0;

      while (j < n && (is_space_byte (s[j]) || s[j] == '/'))
        j++;
      if (j >= n || s[j] == '>')
        break;
      name_start = j;
      while (j < n && !is_space_byte (s[j]) && s[j] != '=' && s[j] != '>' && s[j] != '/')
        j++;
      name_len = j - name_start;
      while (j < n && is_space_byte (s[j]))
        j++;
      if (j < n && s[j] == '=')
        {
          j++;
          while (j < n && is_space_byte (s[j]))
            j++;
          if (j < n && (s[j] == '"' || s[j] == '\''))
            {
              char quote = s[j++];
              gsize start = j;

              while (j < n && s[j] != quote)
                j++;
              value = s + start;
              value_len = j - start;
              if (j < n)
                j++;
            }
          else
            {
              gsize start = j;

              while (j < n && !is_space_byte (s[j]) && s[j] != '>')
                j++;
              value = s + start;
              value_len = j - start;
            }
        }

      if (value == NULL)
        continue;
      if (name_len == 7 && g_ascii_strncasecmp (s + name_start, "charset", 7) == 0)
        {
          charset = value;
          charset_len = value_len;
        }
      else if (name_len == 10 && g_ascii_strncasecmp (s + name_start, "http-equiv", 10) == 0)
        content_type = value_len == 12 && g_ascii_strncasecmp (value, "content-type", 12) == 0;
      else if (name_len == 7 && g_ascii_strncasecmp (s + name_start, "content", 7) == 0)
        {
          content = value;
          content_len = value_len;
        }
    }
  *pos = j;

  if (charset != NULL && charset_len > 0)
    return canonical_charset (charset, charset_len);
  if (content_type && content != NULL)
    return charset_from_content_type (content, content_len);
  return NULL;
}

/* The encoding the page declares: <?xml encoding>, <meta charset>,
 * <meta http-equiv="Content-Type">. NULL when it declares none. */
static char *
sniff_charset (const guint8 *data,
               gsize         len)
{
  const char *s = (const char *) data;
  gsize n = MIN (len, SNIFF_BYTES);
  gsize i = 0;

  if (n >= 5 && memcmp (s, "<?xml", 5) == 0)
    {
      const char *end = memchr (s, '>', n);
      const char *enc = end != NULL ? find_bytes (s, end - s, "encoding") : NULL;

      if (enc != NULL)
        {
          const char *q = enc + 8;

          while (q < end && (is_space_byte (*q) || *q == '='))
            q++;
          if (q < end && (*q == '"' || *q == '\''))
            {
              const char *close = memchr (q + 1, *q, end - q - 1);

              if (close != NULL)
                return canonical_charset (q + 1, close - q - 1);
            }
        }
    }

  while (i < n)
    {
      const char *lt = memchr (s + i, '<', n - i);

      if (lt == NULL)
        break;
      i = lt - s;
      if (i + 4 <= n && memcmp (s + i, "<!--", 4) == 0)
        {
          const char *end = find_bytes (s + i + 4, n - i - 4, "-->");

          if (end == NULL)
            break;
          i = end - s + 3;
          continue;
        }
      if (i + 6 <= n && g_ascii_strncasecmp (s + i, "<meta", 5) == 0 &&
          (is_space_byte (s[i + 5]) || s[i + 5] == '/'))
        {
          char *charset = charset_from_meta (s, n, &i);

          if (charset != NULL)
            return charset;
          continue;
        }
      i++;
    }
  return NULL;
}

/* A page that declares a legacy encoding but is valid UTF-8 with non-ASCII
 * text is UTF-8: legacy text almost never forms valid multi-byte
 * sequences, and such mislabelled pages are common. */
static gboolean
is_non_ascii_utf8 (const guint8 *data,
                   gsize         len)
{
  gboolean high = FALSE;

  for (gsize i = 0; i < len && !high; i++)
    high = data[i] >= 0x80;
  return high && g_utf8_validate_len ((const char *) data, len, NULL);
}

static char *
decode_page (const guint8  *data,
             gsize          len,
             gsize         *out_len,
             GError       **error)
{
  g_autofree char *charset = NULL;
  g_autoptr(GError) local_error = NULL;
  char *utf8;

  if (!has_bom (data, len))
    {
      charset = sniff_charset (data, len);
      if (charset != NULL && strcmp (charset, "UTF-8") != 0 && is_non_ascii_utf8 (data, len))
        g_clear_pointer (&charset, g_free);
    }

  utf8 = dossier_import_decode (data, len, charset, out_len, &local_error);
  if (utf8 != NULL)
    return utf8;

  if (charset == NULL &&
      g_error_matches (local_error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING))
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                 _("The page is not valid UTF-8 and does not declare another encoding "
                   "with <meta charset>. Save it again as UTF-8, or add its encoding, "
                   "and import it again."));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* Blanks out the internal subset of the DOCTYPE (<!DOCTYPE html [ … ]>):
 * libxml2's HTML parser ignores entity declarations anyway, but reads the
 * rest of the subset as page text and loses the <head>. */
static void
blank_internal_subset (char  *s,
                       gsize  len)
{
  gsize i = 0;

  for (;;)
    {
      while (i < len && is_space_byte (s[i]))
        i++;
      if (i + 4 <= len && memcmp (s + i, "<!--", 4) == 0)
        {
          const char *end = find_bytes (s + i + 4, len - i - 4, "-->");

          if (end == NULL)
            return;
          i = end - s + 3;
        }
      else if (i + 2 <= len && memcmp (s + i, "<?", 2) == 0)
        {
          const char *end = memchr (s + i, '>', len - i);

          if (end == NULL)
            return;
          i = end - s + 1;
        }
      else
        break;
    }

  if (i + 9 > len || g_ascii_strncasecmp (s + i, "<!doctype", 9) != 0)
    return;

  for (gsize j = i + 9; j < len; j++)
    {
      gsize k;
      char quote = 0;

      if (s[j] == '>')
        return;
      if (s[j] != '[')
        continue;

      /* The subset ends at the first "]" outside quotes followed by ">". */
      for (k = j + 1; k < len; k++)
        {
          if (quote != 0)
            {
              if (s[k] == quote)
                quote = 0;
              continue;
            }
          if (s[k] == '"' || s[k] == '\'')
            quote = s[k];
          else if (s[k] == ']')
            {
              gsize m = k + 1;

              while (m < len && is_space_byte (s[m]))
                m++;
              if (m < len && s[m] == '>')
                break;
            }
        }
      if (k >= len)
        {
          /* Unterminated: blank it up to the first '>' as libxml2 would. */
          const char *gt = memchr (s + j, '>', len - j);

          k = gt != NULL ? (gsize) (gt - s) - 1 : len - 1;
        }
      memset (s + j, ' ', k - j + 1);
      return;
    }
}

/* NUL bytes end libxml2's text nodes early; the text keeps none anyway. */
static gsize
remove_nul_bytes (char  *s,
                  gsize  len)
{
  char *w = memchr (s, '\0', len);

  if (w == NULL)
    return len;
  for (const char *r = w; r < s + len; r++)
    if (*r != '\0')
      *w++ = *r;
  *w = '\0';
  return w - s;
}

/* ------------------------------------------------------------------------
 * Reading the tree
 * ------------------------------------------------------------------------ */

enum
{
  F_SKIP        = 1 << 0,   /* tag never holds article text */
  F_CLUTTER     = 1 << 1,   /* nav, aside, menu, a furniture role */
  F_HIDDEN      = 1 << 2,   /* hidden, aria-hidden="true" */
  F_SOFT_JUNK   = 1 << 3,   /* clutter by class/id, <form>, display:none: junk unless
                             * it holds most of the page's text */
  F_COMMENTS    = 1 << 4,   /* a comment section: junk however long */
  F_BYLINE      = 1 << 5,
  F_DATE        = 1 << 6,
  F_EXEMPT      = 1 << 7,   /* html, body, main, article, articleBody: class ignored */
  F_JUNK        = 1 << 8,   /* judged clutter by pass 2 */
  F_CLEAN       = 1 << 9,   /* reached by pass 2 and not clutter */
  F_HEADFOOT    = 1 << 10,  /* inside a <header> or <footer> */
  F_HAS_TITLE   = 1 << 11,  /* holds the title heading */
  F_TITLE_HEAD  = 1 << 12,  /* the header around the title: date lines go, standfirst stays */
  F_QUIET       = F_SKIP | F_CLUTTER | F_HIDDEN,
};

typedef struct
{
  guint16 tag;      /* TagId */
  guint16 props;    /* TP_* */
  guint   flags;    /* F_* */
  guint   raw_ptext;  /* paragraph text, clutter by class included (pass 1) */
  guint   text;     /* visible characters outside clutter */
  guint   link;     /* of which inside links */
  guint   ptext;    /* of which paragraph text outside links */
  guint   commas;
  float   score;    /* Readability-like content score */
} NodeInfo;

/* Counted once per text node, used by every pass. */
typedef struct
{
  guint chars;
  guint commas;
} TextInfo;

typedef struct
{
  xmlNode   *body;
  GArray    *infos;       /* NodeInfo; an element's _private holds index + 1 */
  GArray    *texts;       /* TextInfo; a text node's _private holds index + 1 */

  /* walk state */
  guint      quiet;
  guint      svg_depth;
  guint      p_depth;
  guint      link_depth;
  guint      raw_total;
  guint      clean_total;

  /* candidates for the article root, in document order */
  GPtrArray *articles;
  GPtrArray *article_bodies;
  GPtrArray *mains;
  GPtrArray *content_nodes;
  GPtrArray *h1s;         /* clean <h1>s, the first ones */
  xmlNode   *best_scored;
  float      best_score;

  /* metadata as found */
  char      *html_title;
  char      *og_title;
  char      *twitter_title;
  char      *og_site_name;
  char      *application_name;
  char      *og_url;
  char      *canonical;
  char      *meta_author;
  char      *article_author;
  char      *byl;
  char      *published_article;   /* article:published_time */
  char      *published_itemprop;  /* itemprop=datePublished */
  char      *published_other;     /* date, dc.date, pubdate… */
  char      *published_ld;        /* JSON-LD datePublished */
  GPtrArray *jsonld;              /* char * */
  GPtrArray *rel_authors;         /* <a rel=author> */
  GPtrArray *itemprop_authors;    /* [itemprop=author] */
  GPtrArray *byline_nodes;
  GPtrArray *time_nodes;
} Reader;

static inline NodeInfo *
info_of (Reader  *r,
         xmlNode *node)
{
  gsize index;

  if (node == NULL || node->type != XML_ELEMENT_NODE || node->_private == NULL)
    return NULL;
  index = GPOINTER_TO_SIZE (node->_private);
  return &g_array_index (r->infos, NodeInfo, index - 1);
}

static TextInfo
text_info (Reader  *r,
           xmlNode *node)
{
  TextInfo info = { 0, 0 };

  if (node->_private != NULL)
    return g_array_index (r->texts, TextInfo, GPOINTER_TO_SIZE (node->_private) - 1);
  if (node->content != NULL)
    info.chars = count_chars ((const char *) node->content, &info.commas);
  return info;
}

static inline xmlNode *
parent_element (xmlNode *node)
{
  xmlNode *p = node->parent;

  return p != NULL && p->type == XML_ELEMENT_NODE ? p : NULL;
}

typedef gboolean (*EnterFunc) (gpointer data, xmlNode *node);
typedef void     (*LeaveFunc) (gpointer data, xmlNode *node);

/* Pre- and post-order walk of @top's subtree without recursion: enter()
 * says whether to go into an element's children; leave() is called for
 * every node entered, children or not. Only elements are descended into
 * (entity references would lead into the DTD). */
static void
walk (xmlNode   *top,
      EnterFunc  enter,
      LeaveFunc  leave,
      gpointer   data)
{
  xmlNode *node = top;

  while (node != NULL)
    {
      if (enter (data, node) && node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      for (;;)
        {
          if (leave != NULL)
            leave (data, node);
          if (node == top)
            return;
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == NULL)
            return;
        }
    }
}

/* Appends the text of @top's subtree to @out, up to @max_bytes and
 * PEEK_NODES nodes: enough to judge a heading or a byline. */
typedef struct
{
  xmlNode *top;
  GString *out;
  gsize    max_bytes;
  guint    nodes;
  gboolean skip_time;
} Peek;

static gboolean
peek_enter (gpointer data,
            xmlNode *node)
{
  Peek *peek = data;

  if (++peek->nodes > PEEK_NODES || peek->out->len >= peek->max_bytes)
    return FALSE;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        g_string_append (peek->out, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (node != peek->top && (tag_info (node)->props & TP_SKIP))
    return FALSE;
  if (peek->skip_time && tag_info (node)->id == T_TIME)
    return FALSE;
  if (tag_info (node)->id == T_BR || (tag_info (node)->props & TP_BLOCK))
    g_string_append_c (peek->out, ' ');
  return TRUE;
}

static char *
peek_text (xmlNode  *top,
           gsize     max_bytes,
           gboolean  skip_time)
{
  Peek peek = { top, g_string_new (NULL), max_bytes, 0, skip_time };

  walk (top, peek_enter, NULL, &peek);
  return g_string_free (peek.out, FALSE);
}

/* Collapses white space, trims, normalizes (NFC, no control characters);
 * NULL when nothing is left. */
static char *
clean_text (const char *s)
{
  g_autofree char *norm = NULL;
  GString *out;
  gboolean space = FALSE;

  if (s == NULL)
    return NULL;
  norm = dossier_text_normalize (s, -1, NULL);
  if (norm == NULL)
    return NULL;

  out = g_string_sized_new (strlen (norm));
  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
take_first (char       **slot,
            const char  *value)
{
  if (*slot == NULL && value != NULL)
    *slot = clean_text (value);
}

static void
add_node (GPtrArray *array,
          xmlNode   *node,
          guint      max)
{
  if (array->len < max)
    g_ptr_array_add (array, node);
}

/* Collects what <head> and the page say about the article. */
static void
read_metadata (Reader   *r,
               xmlNode  *node,
               NodeInfo *info)
{
  const char *itemprop = attr (node, "itemprop");
  const char *rel;

  switch ((TagId) info->tag)
    {
    case T_TITLE:
      /* (an <svg> has titles of its own) */
      if (r->html_title == NULL && r->svg_depth == 0)
        {
          g_autofree char *text = peek_text (node, 4096, FALSE);

          r->html_title = clean_text (text);
        }
      break;

    case T_META:
      {
        const char *content = attr (node, "content");
        const char *name = attr (node, "property");

        if (name == NULL)
          name = attr (node, "name");
        if (name == NULL)
          name = itemprop;
        if (name == NULL || content == NULL)
          break;

        if (g_ascii_strcasecmp (name, "og:title") == 0)
          take_first (&r->og_title, content);
        else if (g_ascii_strcasecmp (name, "twitter:title") == 0)
          take_first (&r->twitter_title, content);
        else if (g_ascii_strcasecmp (name, "og:site_name") == 0)
          take_first (&r->og_site_name, content);
        else if (g_ascii_strcasecmp (name, "application-name") == 0)
          take_first (&r->application_name, content);
        else if (g_ascii_strcasecmp (name, "og:url") == 0)
          take_first (&r->og_url, content);
        else if (g_ascii_strcasecmp (name, "author") == 0 ||
                 g_ascii_strcasecmp (name, "dc.creator") == 0 ||
                 g_ascii_strcasecmp (name, "citation_author") == 0)
          {
            if (!g_str_has_prefix (content, "http"))
              take_first (&r->meta_author, content);
          }
        else if (g_ascii_strcasecmp (name, "article:author") == 0)
          {
            if (!g_str_has_prefix (content, "http"))
              take_first (&r->article_author, content);
          }
        else if (g_ascii_strcasecmp (name, "byl") == 0)
          take_first (&r->byl, content);
        else if (g_ascii_strcasecmp (name, "article:published_time") == 0 ||
                 g_ascii_strcasecmp (name, "og:article:published_time") == 0)
          take_first (&r->published_article, content);
        else if (g_ascii_strcasecmp (name, "datePublished") == 0)
          take_first (&r->published_itemprop, content);
        else if (g_ascii_strcasecmp (name, "date") == 0 ||
                 g_ascii_strcasecmp (name, "dc.date") == 0 ||
                 g_ascii_strcasecmp (name, "dc.date.issued") == 0 ||
                 g_ascii_strcasecmp (name, "dcterms.date") == 0 ||
                 g_ascii_strcasecmp (name, "dcterms.issued") == 0 ||
                 g_ascii_strcasecmp (name, "pubdate") == 0 ||
                 g_ascii_strcasecmp (name, "publishdate") == 0 ||
                 g_ascii_strcasecmp (name, "publish-date") == 0 ||
                 g_ascii_strcasecmp (name, "publication_date") == 0 ||
                 g_ascii_strcasecmp (name, "sailthru.date") == 0 ||
                 g_ascii_strcasecmp (name, "parsely-pub-date") == 0 ||
                 g_ascii_strcasecmp (name, "citation_publication_date") == 0 ||
                 g_ascii_strcasecmp (name, "citation_date") == 0)
          take_first (&r->published_other, content);
        return;
      }

    case T_LINK:
      rel = attr (node, "rel");
      if (has_word (rel, "canonical"))
        take_first (&r->canonical, attr (node, "href"));
      return;

    case T_SCRIPT:
      {
        const char *type = attr (node, "type");

        if (type != NULL && g_ascii_strncasecmp (type, "application/ld+json", 19) == 0 &&
            r->jsonld->len < MAX_JSONLD)
          {
            GString *json = g_string_new (NULL);

            for (xmlNode *c = node->children; c != NULL; c = c->next)
              if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
                  c->content != NULL && json->len < MAX_JSONLD_BYTES)
                g_string_append (json, (const char *) c->content);
            g_ptr_array_add (r->jsonld, g_string_free (json, FALSE));
          }
        return;
      }

    case T_TIME:
      if (attr (node, "datetime") != NULL)
        add_node (r->time_nodes, node, MAX_META_NODES);
      break;

    default:
      break;
    }

  if (itemprop != NULL)
    {
      if (has_word (itemprop, "author") || has_word (itemprop, "creator"))
        add_node (r->itemprop_authors, node, MAX_META_NODES);
      else if (has_word (itemprop, "datePublished"))
        {
          const char *value = attr (node, "content");

          if (value == NULL)
            value = attr (node, "datetime");
          take_first (&r->published_itemprop, value);
        }
    }
  rel = attr (node, "rel");
  if (rel != NULL && has_word (rel, "author") && info->tag == T_A)
    add_node (r->rel_authors, node, MAX_META_NODES);
  if (info->flags & F_BYLINE)
    add_node (r->byline_nodes, node, MAX_META_NODES);
}

/* Pass 1: tags, flags, metadata, and each element's paragraph text
 * counting clutter by class (to tell a "hidden" article body from a
 * hidden popup). */

static gboolean
is_implicit_paragraph (NodeInfo *parent,
                       guint     chars,
                       guint     p_depth,
                       guint     link_depth)
{
  return parent != NULL && (parent->props & TP_IMPLICIT) && chars >= 25 &&
         p_depth == 0 && link_depth == 0;
}

static gboolean
pass1_enter (gpointer data,
             xmlNode *node)
{
  Reader *r = data;
  const TagInfo *tag;
  NodeInfo new_info = { 0 }, *info;
  const char *value;
  guint kinds;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      NodeInfo *parent = info_of (r, node->parent);
      TextInfo ti;

      if (node->content == NULL)
        return FALSE;
      ti.commas = 0;
      ti.chars = count_chars ((const char *) node->content, &ti.commas);
      g_array_append_val (r->texts, ti);
      node->_private = GSIZE_TO_POINTER ((gsize) r->texts->len);
      if (r->quiet > 0 || parent == NULL)
        return FALSE;
      if ((r->p_depth > 0 && r->link_depth == 0) ||
          is_implicit_paragraph (parent, ti.chars, r->p_depth, r->link_depth))
        parent->raw_ptext += ti.chars;
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  tag = tag_info (node);
  new_info.tag = tag->id;
  new_info.props = tag->props;
  if (tag->props & TP_SKIP)
    new_info.flags |= F_SKIP;
  if (tag->props & TP_CLUTTER)
    new_info.flags |= F_CLUTTER;
  if (tag->id == T_FORM)
    new_info.flags |= F_SOFT_JUNK;
  if (tag->id == T_HTML || tag->id == T_BODY || tag->id == T_MAIN || tag->id == T_ARTICLE)
    new_info.flags |= F_EXEMPT;

  if (attr (node, "hidden") != NULL)
    new_info.flags |= F_HIDDEN;
  value = attr (node, "aria-hidden");
  if (value != NULL && g_ascii_strcasecmp (value, "true") == 0)
    new_info.flags |= F_HIDDEN;
  value = attr (node, "role");
  if (role_is_clutter (value))
    new_info.flags |= F_CLUTTER;
  else if (has_word (value, "main") || has_word (value, "article"))
    new_info.flags |= F_EXEMPT;
  value = attr (node, "itemprop");
  if (has_word (value, "articleBody"))
    new_info.flags |= F_EXEMPT;
  else if (has_word (value, "author") || has_word (value, "creator"))
    new_info.flags |= F_SOFT_JUNK | F_BYLINE;  /* a byline: read, then dropped */
  if (style_is_hidden (attr (node, "style")))
    new_info.flags |= F_SOFT_JUNK;

  kinds = classify_names (attr (node, "class")) | classify_names (attr (node, "id"));
  if (kinds & (K_JUNK | K_COMMENTS | K_BYLINE))
    new_info.flags |= F_SOFT_JUNK;
  if (kinds & K_COMMENTS)
    new_info.flags |= F_COMMENTS;
  if (kinds & K_BYLINE)
    new_info.flags |= F_BYLINE;
  if (kinds & K_DATE)
    new_info.flags |= F_DATE;

  g_array_append_val (r->infos, new_info);
  node->_private = GSIZE_TO_POINTER ((gsize) r->infos->len);
  info = info_of (r, node);

  read_metadata (r, node, info);

  if (info->tag == T_SVG)
    r->svg_depth++;
  if (info->flags & F_QUIET)
    r->quiet++;
  if (info->props & TP_PARA)
    r->p_depth++;
  if (info->tag == T_A)
    r->link_depth++;
  return TRUE;
}

static void
pass1_leave (gpointer data,
             xmlNode *node)
{
  Reader *r = data;
  NodeInfo *info = info_of (r, node), *parent;

  if (info == NULL)
    return;
  if (info->tag == T_SVG)
    r->svg_depth--;
  if (info->flags & F_QUIET)
    r->quiet--;
  if (info->props & TP_PARA)
    r->p_depth--;
  if (info->tag == T_A)
    r->link_depth--;
  parent = info_of (r, parent_element (node));
  if (parent != NULL && !(info->flags & F_QUIET))
    parent->raw_ptext += info->raw_ptext;
}

/* Pass 2: decides what is clutter, then counts the text outside it and
 * scores containers as Readability does: each paragraph adds
 * 1 + commas + length/100 (at most 3) to its parent, half to the
 * grandparent, a sixth to the great-grandparent. */

static void
add_score (Reader  *r,
           xmlNode *unit_parent,
           guint    chars,
           guint    commas)
{
  float contribution = 1.0f + commas + MIN (chars / 100, 3);
  static const float dividers[] = { 1.0f, 2.0f, 6.0f };
  xmlNode *node = unit_parent;

  for (gsize level = 0; level < G_N_ELEMENTS (dividers) && node != NULL; level++)
    {
      NodeInfo *info = info_of (r, node);

      if (info == NULL)
        break;
      info->score += contribution / dividers[level];
      node = parent_element (node);
    }
}

static gboolean
pass2_enter (gpointer data,
             xmlNode *node)
{
  Reader *r = data;
  NodeInfo *info, *parent;
  guint flags;
  gboolean junk;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      TextInfo ti;
      guint chars, commas;

      parent = info_of (r, node->parent);
      if (parent == NULL || node->content == NULL)
        return FALSE;
      ti = text_info (r, node);
      chars = ti.chars;
      commas = ti.commas;
      parent->text += chars;
      parent->commas += commas;
      if (r->link_depth > 0)
        parent->link += chars;
      else if (r->p_depth > 0)
        parent->ptext += chars;
      else if (is_implicit_paragraph (parent, chars, r->p_depth, r->link_depth))
        {
          parent->ptext += chars;
          add_score (r, node->parent, chars, commas);
        }
      return FALSE;
    }

  info = info_of (r, node);
  if (info == NULL)
    return FALSE;
  parent = info_of (r, parent_element (node));
  flags = info->flags;

  junk = (flags & F_QUIET) != 0;
  if (!junk && (flags & F_SOFT_JUNK) && !(flags & F_EXEMPT))
    {
      /* A wrapper classed "has-ads" or a collapsed "rest of the story"
       * holds most of the page's text: it is the article, not clutter. */
      gboolean holds_article = !(flags & F_COMMENTS) && info->raw_ptext >= 500 &&
                               (guint64) info->raw_ptext * 2 >= r->raw_total;

      junk = !holds_article;
    }
  if (junk)
    {
      info->flags |= F_JUNK;
      return FALSE;
    }

  info->flags |= F_CLEAN;
  if (info->tag == T_HEADER || info->tag == T_FOOTER ||
      (parent != NULL && (parent->flags & F_HEADFOOT)))
    info->flags |= F_HEADFOOT;

  if (info->tag == T_ARTICLE && !(info->flags & F_HEADFOOT))
    g_ptr_array_add (r->articles, node);
  if (has_word (attr (node, "itemprop"), "articleBody"))
    g_ptr_array_add (r->article_bodies, node);
  if (info->tag == T_MAIN || has_word (attr (node, "role"), "main"))
    g_ptr_array_add (r->mains, node);
  if ((info->tag == T_DIV || info->tag == T_SECTION || info->tag == T_ARTICLE ||
       info->tag == T_TD) && content_rank (node) > 0)
    g_ptr_array_add (r->content_nodes, node);
  if (info->tag == T_H1)
    add_node (r->h1s, node, 64);

  if (info->props & TP_PARA)
    r->p_depth++;
  if (info->tag == T_A)
    r->link_depth++;
  return TRUE;
}

static void
pass2_leave (gpointer data,
             xmlNode *node)
{
  Reader *r = data;
  NodeInfo *info = info_of (r, node), *parent;
  float score;

  if (info == NULL || !(info->flags & F_CLEAN))
    return;
  if (info->props & TP_PARA)
    r->p_depth--;
  if (info->tag == T_A)
    r->link_depth--;

  if ((info->tag == T_P || info->tag == T_PRE) && info->text >= 25)
    add_score (r, parent_element (node), info->text, info->commas);

  parent = info_of (r, parent_element (node));
  if (parent != NULL)
    {
      parent->text += info->text;
      parent->link += info->link;
      parent->ptext += info->ptext;
      parent->commas += info->commas;
    }

  /* Every paragraph below has scored this element by now. */
  score = info->score;
  if (score > 0 && info->text > 0)
    {
      score *= 1.0f - (float) info->link / info->text;
      switch ((TagId) info->tag)
        {
        case T_DIV:
          score += 5;
          break;
        case T_PRE: case T_TD: case T_BLOCKQUOTE:
          score += 3;
          break;
        case T_OL: case T_UL: case T_DL: case T_DD: case T_DT: case T_LI: case T_FORM:
          score -= 3;
          break;
        case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_TH:
          score -= 5;
          break;
        default:
          break;
        }
      if (score > r->best_score)
        {
          r->best_score = score;
          r->best_scored = node;
        }
    }
}

/* ------------------------------------------------------------------------
 * The article root
 * ------------------------------------------------------------------------ */

static gboolean
is_inside (xmlNode *node,
           xmlNode *ancestor)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* A candidate must hold a fair share of the page's paragraph text: an
 * <article> teaser or a <main> around a stub is not the story. */
static gboolean
holds_enough (Reader   *r,
              xmlNode  *node)
{
  NodeInfo *info = info_of (r, node);

  return info != NULL && info->ptext > 0 &&
         ((guint64) info->ptext * 10 >= (guint64) r->clean_total * 3 || info->ptext >= 1500);
}

/* The candidate with the most paragraph text; the first (outermost) on a tie. */
static xmlNode *
most_text (Reader    *r,
           GPtrArray *nodes,
           int        min_rank)
{
  xmlNode *best = NULL;
  guint best_ptext = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (nodes, i);
      NodeInfo *info = info_of (r, node);

      if (min_rank > 0 && content_rank (node) < min_rank)
        continue;
      if (info->ptext > best_ptext)
        {
          best = node;
          best_ptext = info->ptext;
        }
    }
  return best != NULL && holds_enough (r, best) ? best : NULL;
}

static xmlNode *
choose_root (Reader *r)
{
  xmlNode *root;

  root = most_text (r, r->articles, 0);
  if (root != NULL)
    {
      /* A live blog without a wrapper: its entries are sibling articles. */
      xmlNode *parent = parent_element (root);
      guint sum = 0, n = 0;

      for (xmlNode *c = parent != NULL ? parent->children : NULL; c != NULL; c = c->next)
        {
          NodeInfo *ci = info_of (r, c);

          if (ci != NULL && ci->tag == T_ARTICLE && (ci->flags & F_CLEAN) && ci->ptext >= 100)
            {
              sum += ci->ptext;
              n++;
            }
        }
      if (n >= 2 && (guint64) sum * 2 >= (guint64) info_of (r, root)->ptext * 3)
        root = parent;
      return root;
    }

  root = most_text (r, r->article_bodies, 0);
  if (root == NULL)
    root = most_text (r, r->mains, 0);
  if (root == NULL)
    root = most_text (r, r->content_nodes, 2);
  if (root == NULL)
    root = most_text (r, r->content_nodes, 1);
  if (root != NULL)
    return root;

  root = r->best_scored;
  if (root != NULL)
    {
      /* Paragraphs split over sibling containers belong together, as
       * Readability's sibling pass has it. */
      NodeInfo *info = info_of (r, root);
      xmlNode *parent = parent_element (root);

      for (xmlNode *c = parent != NULL ? parent->children : NULL; c != NULL; c = c->next)
        {
          NodeInfo *ci = info_of (r, c);

          if (c == root || ci == NULL || !(ci->flags & F_CLEAN) || ci->ptext < 80 ||
              ci->link * 4 > ci->text)
            continue;
          if (ci->tag == T_P || ci->score >= info->score * 0.2f)
            return parent;
        }
      return root;
    }
  return r->body;
}

/* ------------------------------------------------------------------------
 * JSON-LD: a small tolerant scanner for the few fields needed
 * ------------------------------------------------------------------------ */

#define JSON_MAX_DEPTH 32

typedef struct _JNode JNode;
struct _JNode
{
  char       type;   /* 'o' object, 'a' array, 's' string, 'x' other scalar */
  char      *str;
  GPtrArray *keys;   /* 'o': char * */
  GPtrArray *items;  /* 'o', 'a': JNode * */
};

typedef struct
{
  const char *p;
  const char *end;
} JScan;

static void
jnode_free (JNode *node)
{
  if (node == NULL)
    return;
  g_free (node->str);
  if (node->keys != NULL)
    g_ptr_array_unref (node->keys);
  if (node->items != NULL)
    g_ptr_array_unref (node->items);
  g_free (node);
}

static void
j_skip_ws (JScan *s)
{
  while (s->p < s->end && (is_space_byte (*s->p) || *s->p == '\v'))
    s->p++;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static int
j_read_hex4 (JScan *s)
{
  int value = 0;

  if (s->end - s->p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (s->p[i]);

      if (h < 0)
        return -1;
      value = value * 16 + h;
    }
  s->p += 4;
  return value;
}

/* At the opening quote; malformed escapes are kept as text. */
static char *
j_parse_string (JScan *s)
{
  GString *out = g_string_new (NULL);

  s->p++;
  while (s->p < s->end && *s->p != '"')
    {
      char c = *s->p++;

      if (c != '\\' || s->p >= s->end)
        {
          g_string_append_c (out, c);
          continue;
        }
      c = *s->p++;
      switch (c)
        {
        case 'n': case 'r': case 't': case 'f': case 'b':
          g_string_append_c (out, ' ');
          break;
        case 'u':
          {
            int cp = j_read_hex4 (s);

            if (cp >= 0xD800 && cp <= 0xDBFF && s->end - s->p >= 6 &&
                s->p[0] == '\\' && s->p[1] == 'u')
              {
                JScan low_scan = { s->p + 2, s->end };
                int low = j_read_hex4 (&low_scan);

                if (low >= 0xDC00 && low <= 0xDFFF)
                  {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    s->p = low_scan.p;
                  }
              }
            if (cp > 0 && g_unichar_validate ((gunichar) cp))
              g_string_append_unichar (out, (gunichar) cp);
            else if (cp != 0)
              g_string_append (out, "\xEF\xBF\xBD");
            break;
          }
        default:
          g_string_append_c (out, c);
          break;
        }
    }
  if (s->p < s->end)
    s->p++;
  return g_string_free (out, FALSE);
}

/* Skips a value nested too deep, without recursing. */
static void
j_skip_value (JScan *s)
{
  int depth = 0;

  while (s->p < s->end)
    {
      char c = *s->p;

      if (c == '"')
        {
          g_free (j_parse_string (s));
          if (depth == 0)
            return;
          continue;
        }
      /* A delimiter at the outer level belongs to the caller. */
      if (depth == 0 && (c == ',' || c == '}' || c == ']' || is_space_byte (c)))
        return;
      s->p++;
      if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && --depth == 0)
        return;
    }
}

static JNode *
j_parse_value (JScan *s,
               int    depth)
{
  JNode *node;

  j_skip_ws (s);
  if (s->p >= s->end)
    return NULL;
  if (depth > JSON_MAX_DEPTH)
    {
      j_skip_value (s);
      return NULL;
    }

  node = g_new0 (JNode, 1);
  switch (*s->p)
    {
    case '{':
    case '[':
      {
        gboolean object = *s->p == '{';

        node->type = object ? 'o' : 'a';
        node->items = g_ptr_array_new_with_free_func ((GDestroyNotify) jnode_free);
        if (object)
          node->keys = g_ptr_array_new_with_free_func (g_free);
        s->p++;
        for (;;)
          {
            char *key = NULL;
            JNode *value;

            j_skip_ws (s);
            if (s->p >= s->end)
              break;
            if (*s->p == (object ? '}' : ']'))
              {
                s->p++;
                break;
              }
            if (*s->p == (object ? ']' : '}'))
              break;  /* mismatched: let the caller close */
            if (*s->p == ',')
              {
                s->p++;
                continue;
              }
            if (object)
              {
                if (*s->p != '"')
                  {
                    s->p++;  /* garbage in place of a key */
                    continue;
                  }
                key = j_parse_string (s);
                j_skip_ws (s);
                if (s->p < s->end && *s->p == ':')
                  s->p++;
              }
            value = j_parse_value (s, depth + 1);
            if (value == NULL)
              {
                g_free (key);
                continue;
              }
            if (object)
              g_ptr_array_add (node->keys, key);
            g_ptr_array_add (node->items, value);
          }
        return node;
      }

    case '"':
      node->type = 's';
      node->str = j_parse_string (s);
      return node;

    default:
      {
        const char *start = s->p;

        while (s->p < s->end && *s->p != ',' && *s->p != '}' && *s->p != ']' &&
               !is_space_byte (*s->p))
          s->p++;
        if (s->p == start)
          {
            g_free (node);
            return NULL;
          }
        node->type = 'x';
        node->str = g_strndup (start, s->p - start);
        return node;
      }
    }
}

static JNode *
j_parse (const char *text)
{
  JScan s = { text, text + strlen (text) };

  /* Skip "<!--", "//<![CDATA[" and other wrappers. */
  while (s.p < s.end && *s.p != '{' && *s.p != '[')
    s.p++;
  return j_parse_value (&s, 0);
}

static JNode *
j_get (JNode      *node,
       const char *key)
{
  if (node == NULL || node->type != 'o')
    return NULL;
  for (guint i = 0; i < node->keys->len; i++)
    if (strcmp (g_ptr_array_index (node->keys, i), key) == 0)
      return g_ptr_array_index (node->items, i);
  return NULL;
}

static const char *
j_string (JNode *node)
{
  return node != NULL && node->type == 's' ? node->str : NULL;
}

/* 3 for articles and posts, 2 for the publisher's site or organization,
 * 1 for a web page, 0 for anything else. */
static int
j_type_rank (JNode *node)
{
  JNode *type = j_get (node, "@type");
  int rank = 0;

  if (type == NULL)
    return 0;
  for (guint i = 0; i < (type->type == 'a' ? type->items->len : 1); i++)
    {
      JNode *t = type->type == 'a' ? g_ptr_array_index (type->items, i) : type;
      const char *name = j_string (t), *slash;

      if (name == NULL)
        continue;
      slash = strrchr (name, '/');
      if (slash != NULL)
        name = slash + 1;
      if (g_str_has_prefix (name, "schema:"))
        name += 7;
      if (g_str_has_suffix (name, "Article") || g_str_has_suffix (name, "Posting") ||
          strcmp (name, "Report") == 0 || strcmp (name, "PressRelease") == 0)
        rank = MAX (rank, 3);
      else if (strcmp (name, "WebSite") == 0 || strcmp (name, "NewsMediaOrganization") == 0)
        rank = MAX (rank, 2);
      else if (strcmp (name, "WebPage") == 0 || strcmp (name, "ItemPage") == 0)
        rank = MAX (rank, 1);
    }
  return rank;
}

typedef struct
{
  JNode      *article;   /* best rank 3, else rank 1 */
  int         article_rank;
  JNode      *site;      /* rank 2 */
  GHashTable *ids;       /* "@id" → JNode with more than an @id */
} JFound;

static void
j_search (JNode  *node,
          JFound *found,
          int     depth)
{
  int rank;
  const char *id;

  if (node == NULL || depth > JSON_MAX_DEPTH || (node->type != 'o' && node->type != 'a'))
    return;
  if (node->type == 'o')
    {
      rank = j_type_rank (node);
      if ((rank == 3 || rank == 1) && rank > found->article_rank)
        {
          found->article = node;
          found->article_rank = rank;
        }
      if (rank == 2 && found->site == NULL)
        found->site = node;
      id = j_string (j_get (node, "@id"));
      if (id != NULL && node->keys->len > 1 && !g_hash_table_contains (found->ids, id))
        g_hash_table_insert (found->ids, (gpointer) id, node);
    }
  for (guint i = 0; i < node->items->len; i++)
    j_search (g_ptr_array_index (node->items, i), found, depth + 1);
}

/* Follows {"@id": "#org"} to the full object. */
static JNode *
j_resolve (JFound *found,
           JNode  *node)
{
  const char *id;
  JNode *full;

  if (node == NULL || node->type != 'o' || j_get (node, "name") != NULL)
    return node;
  id = j_string (j_get (node, "@id"));
  full = id != NULL ? g_hash_table_lookup (found->ids, id) : NULL;
  return full != NULL ? full : node;
}

/* HTML entities in JSON strings (WordPress writes "&#8217;" there). */
static char *
decode_entities (const char *s)
{
  GString *out;

  if (s == NULL)
    return NULL;
  if (strchr (s, '&') == NULL)
    return g_strdup (s);
  out = g_string_new (NULL);
  while (*s != '\0')
    {
      const char *semi;
      gunichar c = 0;

      if (*s != '&' || (semi = strchr (s, ';')) == NULL || semi - s > 10 || semi - s < 2)
        {
          g_string_append_c (out, *s++);
          continue;
        }
      if (s[1] == '#')
        {
          char *end;
          gboolean hex = s[2] == 'x' || s[2] == 'X';
          guint64 v = g_ascii_strtoull (s + (hex ? 3 : 2), &end, hex ? 16 : 10);

          if (end == semi && v > 0 && v <= 0x10FFFF && g_unichar_validate ((gunichar) v))
            c = (gunichar) v;
        }
      else
        {
          g_autofree char *name = g_strndup (s + 1, semi - s - 1);
          const htmlEntityDesc *desc = htmlEntityLookup ((const xmlChar *) name);

          if (desc != NULL)
            c = desc->value;
        }
      if (c == 0)
        {
          g_string_append_c (out, *s++);
          continue;
        }
      g_string_append_unichar (out, c);
      s = semi + 1;
    }
  return g_string_free (out, FALSE);
}

static char *
j_clean (const char *s)
{
  g_autofree char *decoded = decode_entities (s);

  return clean_text (decoded);
}

static void
j_names (JFound  *found,
         JNode   *node,
         GString *out,
         int      depth)
{
  g_autofree char *name = NULL;

  if (node == NULL || depth > 4)
    return;
  if (node->type == 'a')
    {
      for (guint i = 0; i < node->items->len; i++)
        j_names (found, g_ptr_array_index (node->items, i), out, depth + 1);
      return;
    }
  node = j_resolve (found, node);
  name = j_clean (node->type == 's' ? node->str : j_string (j_get (node, "name")));
  if (name == NULL || (out->len > 0 && strstr (out->str, name) != NULL))
    return;
  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append (out, name);
}

typedef struct
{
  char *headline;
  char *author;
  char *publisher;
  char *published;
  char *url;
  char *site_name;
} JsonLd;

static void
json_ld_clear (JsonLd *ld)
{
  g_free (ld->headline);
  g_free (ld->author);
  g_free (ld->publisher);
  g_free (ld->published);
  g_free (ld->url);
  g_free (ld->site_name);
}

static void
read_json_ld (Reader *r,
              JsonLd *ld)
{
  g_autoptr(GPtrArray) trees = g_ptr_array_new_with_free_func ((GDestroyNotify) jnode_free);
  JFound found = { NULL, 0, NULL, g_hash_table_new (g_str_hash, g_str_equal) };
  JNode *a, *v;

  for (guint i = 0; i < r->jsonld->len; i++)
    {
      JNode *tree = j_parse (g_ptr_array_index (r->jsonld, i));

      if (tree != NULL)
        {
          g_ptr_array_add (trees, tree);
          j_search (tree, &found, 0);
        }
    }

  a = found.article;
  if (a != NULL)
    {
      ld->headline = j_clean (j_string (j_get (a, "headline")));
      if (ld->headline == NULL)
        ld->headline = j_clean (j_string (j_get (a, "name")));

      v = j_get (a, "author");
      if (v == NULL)
        v = j_get (a, "creator");
      if (v != NULL)
        {
          GString *names = g_string_new (NULL);

          j_names (&found, v, names, 0);
          ld->author = clean_text (names->str);
          g_string_free (names, TRUE);
        }

      v = j_get (a, "publisher");
      if (v == NULL)
        v = j_get (a, "sourceOrganization");
      if (v != NULL && v->type == 'a' && v->items->len > 0)
        v = g_ptr_array_index (v->items, 0);
      v = j_resolve (&found, v);
      if (v != NULL)
        ld->publisher = j_clean (v->type == 's' ? v->str : j_string (j_get (v, "name")));

      ld->published = j_clean (j_string (j_get (a, "datePublished")));
      r->published_ld = g_strdup (ld->published);
      if (ld->published == NULL)
        ld->published = j_clean (j_string (j_get (a, "dateCreated")));

      ld->url = j_clean (j_string (j_get (a, "url")));
      if (ld->url == NULL)
        {
          v = j_get (a, "mainEntityOfPage");
          ld->url = j_clean (v != NULL && v->type == 'o' ? j_string (j_get (v, "@id"))
                                                         : j_string (v));
        }
    }
  if (found.site != NULL)
    ld->site_name = j_clean (j_string (j_get (found.site, "name")));

  g_hash_table_unref (found.ids);
}

/* ------------------------------------------------------------------------
 * Metadata
 * ------------------------------------------------------------------------ */

static char *
format_date (int y,
             int m,
             int d)
{
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static int
read_digits (const char **p,
             int          max_digits,
             int         *n_digits)
{
  int value = 0, n = 0;

  while (n < max_digits && g_ascii_isdigit (**p))
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *n_digits = n;
  return value;
}

/* "2024-03-05T10:00:00+01:00", "2024/3/5", "20240305", "5.3.2024",
 * "March 5, 2024", "5 de marzo de 2024" → "2024-03-05"; the date as the
 * page wrote it, whatever the time zone. Ambiguous "3/5/2024" is refused. */
static char *
normalize_date (const char *s)
{
  static const struct { const char *name; int month; } months[] = {
    { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 },
    { "june", 6 }, { "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 },
    { "november", 11 }, { "december", 12 }, { "jan", 1 }, { "feb", 2 }, { "mar", 3 },
    { "apr", 4 }, { "jun", 6 }, { "jul", 7 }, { "aug", 8 }, { "sep", 9 }, { "sept", 9 },
    { "oct", 10 }, { "nov", 11 }, { "dec", 12 }, { "enero", 1 }, { "febrero", 2 },
    { "marzo", 3 }, { "abril", 4 }, { "mayo", 5 }, { "junio", 6 }, { "julio", 7 },
    { "agosto", 8 }, { "septiembre", 9 }, { "setiembre", 9 }, { "octubre", 10 },
    { "noviembre", 11 }, { "diciembre", 12 },
  };
  const char *p;
  int y = 0, m = 0, d = 0, n, tokens = 0;

  if (s == NULL)
    return NULL;
  while (is_space_byte (*s))
    s++;

  p = s;
  y = read_digits (&p, 4, &n);
  if (n == 4)
    {
      if (*p == '-' || *p == '/' || *p == '.')
        {
          char sep = *p++;

          m = read_digits (&p, 2, &n);
          if (n == 0 || *p != sep)
            return NULL;
          p++;
          d = read_digits (&p, 2, &n);
          return n > 0 ? format_date (y, m, d) : NULL;
        }
      m = read_digits (&p, 2, &n);
      if (n == 2)
        {
          d = read_digits (&p, 2, &n);
          if (n == 2 && !g_ascii_isdigit (*p))
            return format_date (y, m, d);
        }
      return NULL;
    }

  /* Day-first with dots, as in much of Europe. */
  p = s;
  d = read_digits (&p, 2, &n);
  if (n > 0 && *p == '.')
    {
      p++;
      m = read_digits (&p, 2, &n);
      if (n > 0 && *p == '.')
        {
          p++;
          y = read_digits (&p, 4, &n);
          return n == 4 ? format_date (y, m, d) : NULL;
        }
    }

  /* Words: a month name, a day and a four-digit year in any order. */
  y = m = d = 0;
  p = s;
  while (*p != '\0' && tokens < 12)
    {
      if (g_ascii_isdigit (*p))
        {
          int value = read_digits (&p, 5, &n);

          if (n == 4 && y == 0)
            y = value;
          else if (n <= 2 && d == 0 && value >= 1 && value <= 31)
            d = value;
          else if (n > 4)
            return NULL;
          while (g_ascii_isalpha (*p))  /* "3rd" */
            p++;
          tokens++;
        }
      else if (g_ascii_isalpha (*p))
        {
          char word[16];
          gsize wl = 0;

          while (g_ascii_isalpha (*p))
            {
              if (wl < sizeof word - 1)
                word[wl++] = g_ascii_tolower (*p);
              p++;
            }
          word[wl] = '\0';
          for (gsize i = 0; i < G_N_ELEMENTS (months) && m == 0; i++)
            if (strcmp (word, months[i].name) == 0)
              m = months[i].month;
          tokens++;
        }
      else
        p++;
    }
  return y != 0 && m != 0 && d != 0 ? format_date (y, m, d) : NULL;
}

/* Case-folded letters and digits only, without a leading "the": for
 * comparing "The Harbour Times" with "harbourtimes.com". */
static char *
comparable (const char *s)
{
  g_autofree char *folded = g_utf8_casefold (s, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  if (g_str_has_prefix (out->str, "the") && out->len > 6)
    g_string_erase (out, 0, 3);
  return g_string_free (out, FALSE);
}

static gboolean
names_match (const char *a,
             const char *b)
{
  g_autofree char *ca = comparable (a);
  g_autofree char *cb = comparable (b);
  gsize la = strlen (ca), lb = strlen (cb);

  if (la == 0 || lb == 0)
    return FALSE;
  if (strcmp (ca, cb) == 0)
    return TRUE;
  return MIN (la, lb) >= 4 && (strstr (ca, cb) != NULL || strstr (cb, ca) != NULL);
}

static const char *const title_separators[] = {
  " | ", " - ", " \u2013 ", " \u2014 ", " \u00B7 ", " :: ", " \u00BB ", " \u00AB ",
  " \u2022 ", " ~ ", " / ",
};

/* "Storm closes port | The Harbour Times" → "Storm closes port" when the
 * outlet is The Harbour Times; the same for "Outlet | Title". */
static char *
strip_outlet (const char *title,
              const char *outlet)
{
  const char *last = NULL, *first = NULL;
  gsize last_len = 0, first_len = 0;

  if (title == NULL)
    return NULL;
  if (outlet == NULL)
    return g_strdup (title);

  for (gsize i = 0; i < G_N_ELEMENTS (title_separators); i++)
    {
      const char *sep = title_separators[i];
      const char *hit = strstr (title, sep);

      if (hit == NULL)
        continue;
      if (first == NULL || hit < first)
        {
          first = hit;
          first_len = strlen (sep);
        }
      for (const char *next = hit; next != NULL; next = strstr (next + 1, sep))
        hit = next;
      if (last == NULL || hit > last)
        {
          last = hit;
          last_len = strlen (sep);
        }
    }

  if (last != NULL && last > title && last[last_len] != '\0' &&
      names_match (last + last_len, outlet))
    return g_strstrip (g_strndup (title, last - title));
  if (first != NULL && first > title && first[first_len] != '\0')
    {
      g_autofree char *head = g_strndup (title, first - title);

      if (names_match (head, outlet))
        return g_strstrip (g_strdup (first + first_len));
    }
  return g_strdup (title);
}

/* "By Jane Doe | Published 3 May" → "Jane Doe". */
static char *
clean_byline (const char *raw)
{
  static const char *const prefixes[] = {
    "written by ", "words by ", "text by ", "story by ", "reporting by ", "by: ", "by ",
    "por ", "par ", "von ", "door ", "\u0628\u0642\u0644\u0645: ", "\u0628\u0642\u0644\u0645 ",
    "\u05DE\u05D0\u05EA ",
  };
  static const char *const cuts[] = {
    " | ", " \u00B7 ", " \u2022 ", " \u2014 ", " \u2013 ", " - ", "Published", "Updated",
    "Posted", "Publicado", "Actualizado",
  };
  g_autofree char *text = clean_text (raw);
  const char *p;
  char *result;

  if (text == NULL)
    return NULL;
  p = text;
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize len = strlen (prefixes[i]);

      if (g_ascii_strncasecmp (p, prefixes[i], len) == 0)
        {
          p += len;
          break;
        }
    }
  result = g_strdup (p);
  for (gsize i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      char *hit = strstr (result, cuts[i]);

      if (hit != NULL)
        *hit = '\0';
    }
  g_strstrip (result);

  /* "Jane Doe, Transport correspondent": the job title goes. */
  {
    static const char *const roles[] = {
      "writer", "reporter", "correspondent", "editor", "staff", "journalist", "columnist",
      "contributor", "producer", "analyst", "redactor", "corresponsal", "periodista",
    };
    char *comma = strstr (result, ", ");

    if (comma != NULL)
      {
        g_autofree char *rest = g_utf8_casefold (comma + 2, -1);

        for (gsize i = 0; i < G_N_ELEMENTS (roles); i++)
          if (strstr (rest, roles[i]) != NULL)
            {
              *comma = '\0';
              break;
            }
      }
  }

  while (*result != '\0' && strchr (",;:", result[strlen (result) - 1]) != NULL)
    {
      result[strlen (result) - 1] = '\0';
      g_strstrip (result);
    }
  if (*result == '\0' || g_utf8_strlen (result, -1) > 120)
    g_clear_pointer (&result, g_free);
  return result;
}

/* Whether metadata found in @node is about the article: it lies outside
 * clutter, or inside a byline box (clutter to the text, not to us). */
static gboolean
in_article_area (Reader  *r,
                 xmlNode *node)
{
  for (xmlNode *n = node; n != NULL; n = parent_element (n))
    {
      NodeInfo *info = info_of (r, n);

      if (info == NULL)
        return FALSE;
      if (info->flags & F_CLEAN)
        return TRUE;
      if (info->flags & F_JUNK)
        return (info->flags & F_BYLINE) != 0 && !(info->flags & F_QUIET);
    }
  return FALSE;
}

/* The first usable node inside the article root, else the first usable one. */
static xmlNode *
pick_node (Reader    *r,
           GPtrArray *nodes,
           xmlNode   *root)
{
  xmlNode *first = NULL;

  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (nodes, i);

      if (!in_article_area (r, node))
        continue;
      if (is_inside (node, root))
        return node;
      if (first == NULL)
        first = node;
    }
  return first;
}

typedef struct
{
  xmlNode *found;
  guint    nodes;
} FindName;

static gboolean
find_name_enter (gpointer data,
                 xmlNode *node)
{
  FindName *f = data;

  if (f->found != NULL || ++f->nodes > PEEK_NODES || node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (has_word (attr (node, "itemprop"), "name"))
    {
      f->found = node;
      return FALSE;
    }
  return TRUE;
}

static char *
author_from_node (xmlNode *node)
{
  const char *content = attr (node, "content");
  g_autofree char *text = NULL;
  FindName f = { NULL, 0 };

  if (content != NULL && *content != '\0')
    return clean_byline (content);
  walk (node, find_name_enter, NULL, &f);
  text = peek_text (f.found != NULL ? f.found : node, 1024, TRUE);
  return clean_byline (text);
}

static char *
first_date (const char *const *candidates,
            gsize               n)
{
  for (gsize i = 0; i < n; i++)
    {
      char *date = normalize_date (candidates[i]);

      if (date != NULL)
        return date;
    }
  return NULL;
}

static const char *
http_url (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"))
         ? url : NULL;
}

/* The first clean <h1> inside @root, else outside any page header or footer. */
static xmlNode *
find_h1 (Reader  *r,
         xmlNode *root)
{
  xmlNode *outside = NULL;

  for (guint i = 0; i < r->h1s->len; i++)
    {
      xmlNode *node = g_ptr_array_index (r->h1s, i);
      NodeInfo *info = info_of (r, node);

      if (info->text == 0)
        continue;
      if (is_inside (node, root))
        return node;
      if (outside == NULL && !(info->flags & F_HEADFOOT))
        outside = node;
    }
  return outside;
}

/* When the body was chosen without its headline (an articleBody below a
 * header holding the <h1> and the standfirst), take in the header too, as
 * long as that adds little else. */
static xmlNode *
include_headline (Reader  *r,
                  xmlNode *root)
{
  xmlNode *h1 = find_h1 (r, root);
  xmlNode *candidate = root;
  NodeInfo *info = info_of (r, root);

  if (h1 == NULL || is_inside (h1, root))
    return root;
  for (int level = 0; level < 2; level++)
    {
      NodeInfo *ci;

      candidate = parent_element (candidate);
      ci = info_of (r, candidate);
      if (candidate == NULL || ci == NULL || !(ci->flags & F_CLEAN) || candidate == r->body)
        return root;
      if (is_inside (h1, candidate))
        {
          guint extra = ci->text - info->text;

          return extra <= MAX (info->text / 3, 300) ? candidate : root;
        }
    }
  return root;
}

static char *
node_text (xmlNode *node)
{
  g_autofree char *raw = peek_text (node, 4096, FALSE);

  return clean_text (raw);
}

typedef struct
{
  char *title;
  char *author;
  char *outlet;
  char *published;
  char *source;
} Metadata;

static void
metadata_clear (Metadata *m)
{
  g_free (m->title);
  g_free (m->author);
  g_free (m->outlet);
  g_free (m->published);
  g_free (m->source);
}

static void
resolve_metadata (Reader   *r,
                  xmlNode  *root,
                  Metadata *m)
{
  JsonLd ld = { 0 };
  xmlNode *node;

  read_json_ld (r, &ld);

  /* Outlet first: the title's " | Outlet" suffix is judged against it. */
  if (r->og_site_name != NULL)
    m->outlet = g_strdup (r->og_site_name);
  else if (ld.publisher != NULL)
    m->outlet = g_strdup (ld.publisher);
  else if (r->application_name != NULL)
    m->outlet = g_strdup (r->application_name);
  else if (ld.site_name != NULL)
    m->outlet = g_strdup (ld.site_name);

  {
    g_autofree char *h1 = NULL;
    const char *candidates[5];

    node = find_h1 (r, root);
    if (node != NULL)
      h1 = node_text (node);
    candidates[0] = r->og_title;
    candidates[1] = ld.headline;
    candidates[2] = h1;
    candidates[3] = r->html_title;
    candidates[4] = r->twitter_title;
    for (gsize i = 0; i < G_N_ELEMENTS (candidates) && m->title == NULL; i++)
      if (candidates[i] != NULL)
        m->title = strip_outlet (candidates[i], m->outlet);
  }

  if (ld.author != NULL)
    m->author = clean_byline (ld.author);
  if (m->author == NULL && r->meta_author != NULL)
    m->author = clean_byline (r->meta_author);
  if (m->author == NULL && r->article_author != NULL)
    m->author = clean_byline (r->article_author);
  if (m->author == NULL && r->byl != NULL)
    m->author = clean_byline (r->byl);
  if (m->author == NULL && (node = pick_node (r, r->rel_authors, root)) != NULL)
    m->author = author_from_node (node);
  if (m->author == NULL && (node = pick_node (r, r->itemprop_authors, root)) != NULL)
    m->author = author_from_node (node);
  if (m->author == NULL && (node = pick_node (r, r->byline_nodes, root)) != NULL)
    m->author = author_from_node (node);

  {
    const char *time_value = NULL;
    const char *candidates[5];

    node = pick_node (r, r->time_nodes, root);
    if (node != NULL)
      time_value = attr (node, "datetime");
    candidates[0] = r->published_article;
    candidates[1] = ld.published;
    candidates[2] = r->published_itemprop;
    candidates[3] = time_value;
    candidates[4] = r->published_other;
    m->published = first_date (candidates, G_N_ELEMENTS (candidates));
  }

  if (http_url (r->canonical) != NULL)
    m->source = g_strdup (r->canonical);
  else if (http_url (r->og_url) != NULL)
    m->source = g_strdup (r->og_url);
  else if (http_url (ld.url) != NULL)
    m->source = g_strdup (ld.url);

  json_ld_clear (&ld);
}

/* ------------------------------------------------------------------------
 * Blocks
 * ------------------------------------------------------------------------ */

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
  g_autofree char *text = node_text (node);
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
          if (text_info (r, n).chars > 0)
            return TRUE;
        }
      else if (n->type == XML_ELEMENT_NODE)
        {
          const TagInfo *tag = tag_info (n);

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
               text_info (r, c).chars > 0)
        return FALSE;
    }
  inner = only != NULL ? info_of (r, only) : NULL;
  return inner != NULL && inner->text == info->text && is_text_line (r, only, inner);
}

/* The article's own date line, wherever the page put it (a live-blog
 * entry's time is another matter: see in_entry). */
static gboolean
is_publication_time (Reader  *r,
                     xmlNode *node)
{
  const char *itemprop = attr (node, "itemprop");
  const char *datetime = attr (node, "datetime");
  const char *published[] = { r->published_article, r->published_itemprop, r->published_ld };

  if (has_word (itemprop, "datePublished") || has_word (itemprop, "dateModified") ||
      has_word (itemprop, "dateCreated") || attr (node, "pubdate") != NULL)
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

  if (!has_word (attr (node, "role"), "heading"))
    return 0;
  level = attr (node, "aria-level");
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
        x_append (x, top, (const char *) node->content, text_info (x->r, node).chars);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  ctx = *top;
  ctx.skipped = ctx.block = ctx.merged = 0;
  info = info_of (x->r, node);
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

  if (is_heading (info->tag))
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
  if (info_of (x->r, node)->flags & F_TITLE_HEAD)
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
  NodeInfo *info = info_of (f->r, node);

  if (f->h1 != NULL || info == NULL || !(info->flags & F_CLEAN))
    return FALSE;
  if (is_heading (info->tag) && info->text > 0)
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

  walk (root, find_headings_enter, NULL, &f);
  found = f.h1;
  first_heading = f.first_heading;

  if (found == NULL && first_heading != NULL && title != NULL)
    {
      g_autofree char *text = node_text (first_heading);
      g_autofree char *a = text != NULL ? comparable (text) : NULL;
      g_autofree char *b = comparable (title);

      if (a != NULL && *a != '\0' && strcmp (a, b) == 0)
        found = first_heading;
    }

  for (xmlNode *n = found; n != NULL; n = parent_element (n))
    {
      NodeInfo *info = info_of (r, n);

      info->flags |= F_HAS_TITLE;
      if (n == root)
        break;
      /* A <header>, or the small block right under the root that holds
       * the title with its kicker, standfirst, byline and date. */
      if (n != found &&
          (info->tag == T_HEADER ||
           (parent_element (n) == root && info->text <= 1000 &&
            (info->tag == T_DIV || info->tag == T_SECTION || info->tag == T_OTHER))))
        info->flags |= F_TITLE_HEAD;
    }
  return found;
}

static void
clear_title_marks (Reader  *r,
                   xmlNode *title_node)
{
  for (xmlNode *n = title_node; n != NULL; n = parent_element (n))
    info_of (r, n)->flags &= ~(F_HAS_TITLE | F_TITLE_HEAD);
}

/* Writes the blocks of @root; returns how many body blocks (not the
 * title) came out. */
static guint
extract_blocks (Reader             *r,
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

  walk (root, extract_enter, extract_leave, &x);
  x_close (&x);

  clear_title_marks (r, x.title_node);
  g_array_unref (x.stack);
  return x.body_blocks;
}

/* ------------------------------------------------------------------------
 * Entry point
 * ------------------------------------------------------------------------ */

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->infos, g_array_unref);
  g_clear_pointer (&r->texts, g_array_unref);
  g_clear_pointer (&r->articles, g_ptr_array_unref);
  g_clear_pointer (&r->article_bodies, g_ptr_array_unref);
  g_clear_pointer (&r->mains, g_ptr_array_unref);
  g_clear_pointer (&r->content_nodes, g_ptr_array_unref);
  g_clear_pointer (&r->h1s, g_ptr_array_unref);
  g_clear_pointer (&r->jsonld, g_ptr_array_unref);
  g_clear_pointer (&r->rel_authors, g_ptr_array_unref);
  g_clear_pointer (&r->itemprop_authors, g_ptr_array_unref);
  g_clear_pointer (&r->byline_nodes, g_ptr_array_unref);
  g_clear_pointer (&r->time_nodes, g_ptr_array_unref);
  g_free (r->html_title);
  g_free (r->og_title);
  g_free (r->twitter_title);
  g_free (r->og_site_name);
  g_free (r->application_name);
  g_free (r->og_url);
  g_free (r->canonical);
  g_free (r->meta_author);
  g_free (r->article_author);
  g_free (r->byl);
  g_free (r->published_article);
  g_free (r->published_itemprop);
  g_free (r->published_other);
  g_free (r->published_ld);
}

static void
replace_field (char **field,
               char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = value;
}

static void
set_empty_error (GError **error)
{
  g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
               _("No readable text was found in this HTML page: it holds only scripts, "
                 "navigation or other page furniture. If the article shows in a browser, "
                 "save it again once it has loaded, or copy and paste its text."));
}

gboolean
dossier_import_html_parse (const guint8           *data,
                           gsize                   len,
                           DossierParsedDocument  *doc,
                           GError                **error)
{
  g_autofree char *utf8 = NULL;
  gsize utf8_len = 0;
  htmlParserCtxtPtr ctxt;
  xmlDoc *xdoc;
  xmlNode *html, *root;
  Reader r = { 0 };
  Metadata meta = { 0 };
  DossierTextBuilder *builder = NULL;
  guint body_blocks = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  init_once ();

  utf8 = decode_page (data, len, &utf8_len, error);
  if (utf8 == NULL)
    return FALSE;
  utf8_len = remove_nul_bytes (utf8, utf8_len);
  blank_internal_subset (utf8, utf8_len);
  if (utf8_len == 0)
    {
      set_empty_error (error);
      return FALSE;
    }
  if (utf8_len > G_MAXINT)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("This HTML page is too large to import."));
      return FALSE;
    }

  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      set_empty_error (error);
      return FALSE;
    }
  xdoc = htmlCtxtReadMemory (ctxt, utf8, (int) utf8_len, NULL, "UTF-8", HTML_OPTIONS);
  htmlFreeParserCtxt (ctxt);
  html = xdoc != NULL ? xmlDocGetRootElement (xdoc) : NULL;
  if (html == NULL)
    {
      if (xdoc != NULL)
        xmlFreeDoc (xdoc);
      set_empty_error (error);
      return FALSE;
    }

  r.infos = g_array_new (FALSE, FALSE, sizeof (NodeInfo));
  r.texts = g_array_new (FALSE, FALSE, sizeof (TextInfo));
  r.articles = g_ptr_array_new ();
  r.article_bodies = g_ptr_array_new ();
  r.mains = g_ptr_array_new ();
  r.content_nodes = g_ptr_array_new ();
  r.h1s = g_ptr_array_new ();
  r.jsonld = g_ptr_array_new_with_free_func (g_free);
  r.rel_authors = g_ptr_array_new ();
  r.itemprop_authors = g_ptr_array_new ();
  r.byline_nodes = g_ptr_array_new ();
  r.time_nodes = g_ptr_array_new ();

  r.body = html;
  for (xmlNode *c = html->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && tag_info (c)->id == T_BODY)
      {
        r.body = c;
        break;
      }

  walk (html, pass1_enter, pass1_leave, &r);
  r.raw_total = info_of (&r, r.body)->raw_ptext;
  walk (html, pass2_enter, pass2_leave, &r);
  r.clean_total = info_of (&r, r.body)->ptext;

  root = include_headline (&r, choose_root (&r));
  resolve_metadata (&r, root, &meta);

  /* The chosen root, else the whole body, else the body with only
   * scripts and hidden parts left out. */
  for (int attempt = 0; attempt < 3 && body_blocks == 0; attempt++)
    {
      xmlNode *from = attempt == 0 ? root : r.body;

      if (attempt == 1 && root == r.body)
        continue;
      g_clear_pointer (&builder, dossier_text_builder_free);
      builder = dossier_text_builder_new ();
      body_blocks = extract_blocks (&r, from, meta.title, attempt == 2, builder);
    }

  if (body_blocks == 0)
    set_empty_error (error);
  else
    {
      char *text = NULL;
      GArray *blocks = NULL;

      dossier_text_builder_finish (builder, &text, &blocks);
      g_free (doc->text);
      doc->text = text;
      if (doc->blocks != NULL)
        g_array_unref (doc->blocks);
      doc->blocks = blocks;
      replace_field (&doc->title, g_steal_pointer (&meta.title));
      replace_field (&doc->author, g_steal_pointer (&meta.author));
      replace_field (&doc->outlet, g_steal_pointer (&meta.outlet));
      replace_field (&doc->published, g_steal_pointer (&meta.published));
      replace_field (&doc->source, g_steal_pointer (&meta.source));
      ok = TRUE;
    }

  g_clear_pointer (&builder, dossier_text_builder_free);
  metadata_clear (&meta);
  reader_clear (&r);
  xmlFreeDoc (xdoc);
  return ok;
}
