/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-html-tree.c — the HTML importer's vocabulary and its
 * ways of reading a libxml2 tree: what each tag is, what class and id
 * names say (share bar, comments, byline, article body…), counting
 * visible characters, and the non-recursive walk every pass uses.
 */

#include "config.h"

#include <string.h>

#include "dossier-import-html-private.h"

/* ------------------------------------------------------------------------
 * Tags
 * ------------------------------------------------------------------------ */

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
  { "span", T_SPAN, TP_INLINE },
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
  { "tr", T_TR, TP_BLOCK },
  { "track", T_OTHER, TP_SKIP },
  { "ul", T_UL, TP_BLOCK },
  { "video", T_OTHER, TP_SKIP },
  { "xmp", T_PRE, TP_BLOCK | TP_PARA },
};

/* Inline formatting: its loose text belongs to the block around it. */
static const TagInfo inline_tags[] = {
  { "abbr", T_OTHER, TP_INLINE }, { "b", T_OTHER, TP_INLINE }, { "bdi", T_OTHER, TP_INLINE },
  { "bdo", T_OTHER, TP_INLINE }, { "big", T_OTHER, TP_INLINE }, { "cite", T_OTHER, TP_INLINE },
  { "del", T_OTHER, TP_INLINE }, { "em", T_OTHER, TP_INLINE }, { "i", T_OTHER, TP_INLINE },
  { "ins", T_OTHER, TP_INLINE }, { "mark", T_OTHER, TP_INLINE }, { "nobr", T_OTHER, TP_INLINE },
  { "q", T_OTHER, TP_INLINE }, { "s", T_OTHER, TP_INLINE }, { "small", T_OTHER, TP_INLINE },
  { "strike", T_OTHER, TP_INLINE }, { "strong", T_OTHER, TP_INLINE },
  { "sub", T_OTHER, TP_INLINE }, { "sup", T_OTHER, TP_INLINE }, { "tt", T_OTHER, TP_INLINE },
  { "u", T_OTHER, TP_INLINE },
};

static const TagInfo other_tag = { NULL, T_OTHER, 0 };

/* ------------------------------------------------------------------------
 * Class and id tokens
 * ------------------------------------------------------------------------ */

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
  { "copyright", K_JUNK }, { "bio", K_JUNK }, { "bios", K_JUNK }, { "likes", K_JUNK },
  { "donate", K_JUNK }, { "donation", K_JUNK }, { "upsell", K_JUNK }, { "regwall", K_JUNK },
  { "piano", K_JUNK }, { "zephr", K_JUNK },
  /* MediaWiki: infobox, hatnote, references, table of contents, cleanup boxes */
  { "infobox", K_JUNK }, { "hatnote", K_JUNK }, { "reflist", K_JUNK },
  { "references", K_JUNK }, { "reference", K_JUNK }, { "toc", K_JUNK }, { "ambox", K_JUNK },
  { "hidden", K_HIDDEN }, { "hide", K_HIDDEN }, { "invisible", K_HIDDEN },
  { "visuallyhidden", K_JUNK }, { "offscreen", K_JUNK },
  { "comment", K_COMMENTS }, { "comments", K_COMMENTS }, { "commentlist", K_COMMENTS },
  { "disqus", K_COMMENTS }, { "respond", K_COMMENTS },
  { "byline", K_BYLINE }, { "bylines", K_BYLINE }, { "author", K_BYLINE },
  { "authors", K_BYLINE }, { "contributor", K_BYLINE }, { "contributors", K_BYLINE },
  { "by", K_BYLINE }, { "writer", K_BYLINE }, { "writers", K_BYLINE },
  { "signature", K_BYLINE }, { "submitted", K_BYLINE }, { "journalist", K_BYLINE },
  { "journalists", K_BYLINE }, { "reporter", K_BYLINE }, { "reporters", K_BYLINE },
  { "autor", K_BYLINE }, { "autore", K_BYLINE }, { "auteur", K_BYLINE },
  { "headline", K_TITLE }, { "title", K_TITLE },
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
  { "follow", "us" }, { "min", "read" }, { "mins", "read" }, { "minute", "read" },
  { "top", "stories" }, { "up", "next" }, { "next", "up" }, { "editors", "picks" },
};

/* Stems of clutter names written as one word ("relatedposts",
 * "newsletterSignup" is split already, "sharedaddy", "commentform"). */
static const TokenInfo token_stems[] = {
  { "related", K_JUNK }, { "recommend", K_JUNK }, { "newsletter", K_JUNK },
  { "sponsor", K_JUNK }, { "advert", K_JUNK }, { "share", K_JUNK }, { "outbrain", K_JUNK },
  { "taboola", K_JUNK }, { "comment", K_COMMENTS },
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

void
dossier_html_init (void)
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
      for (gsize i = 0; i < G_N_ELEMENTS (inline_tags); i++)
        g_hash_table_insert (tag_index, (gpointer) inline_tags[i].name,
                             (gpointer) &inline_tags[i]);

      token_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize i = 0; i < G_N_ELEMENTS (token_table); i++)
        g_hash_table_insert (token_index, (gpointer) token_table[i].token,
                             (gpointer) &token_table[i]);

      g_once_init_leave (&initialized, 1);
    }
}

const TagInfo *
dossier_html_tag_info (xmlNode *node)
{
  const TagInfo *info;

  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return &other_tag;
  info = g_hash_table_lookup (tag_index, node->name);
  return info != NULL ? info : &other_tag;
}

/* Steps *@cursor over the next word of a space-separated list (a class,
 * rel or role attribute) and gives it as @word and @len; FALSE when only
 * space is left. */
static gboolean
next_word (const char **cursor,
           const char **word,
           gsize       *len)
{
  const char *p = *cursor;

  while (*p != '\0' && dossier_html_is_space (*p))
    p++;
  *word = p;
  while (*p != '\0' && !dossier_html_is_space (*p))
    p++;
  *len = p - *word;
  *cursor = p;
  return *len > 0;
}

/* Whether a word of the space-separated @list is one of the @n @names
 * (case-insensitive). */
static gboolean
list_has_one_of (const char         *list,
                 const char * const *names,
                 gsize               n)
{
  const char *p = list, *word;
  gsize len;

  if (list == NULL)
    return FALSE;
  while (next_word (&p, &word, &len))
    for (gsize i = 0; i < n; i++)
      if (strlen (names[i]) == len && g_ascii_strncasecmp (word, names[i], len) == 0)
        return TRUE;
  return FALSE;
}

/* Whether the space-separated @list holds @word (case-insensitive). */
gboolean
dossier_html_has_word (const char *list,
                       const char *word)
{
  return list_has_one_of (list, &word, 1);
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
guint
dossier_html_count_chars (const char *text,
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

  if (info != NULL)
    return info->kind;
  /* (but "commentary" is an opinion column) */
  if (g_str_has_prefix (token, "commentar") || g_str_has_prefix (token, "commentat"))
    return 0;
  for (gsize i = 0; i < G_N_ELEMENTS (token_stems); i++)
    if (g_str_has_prefix (token, token_stems[i].token))
      return token_stems[i].kind;
  return 0;
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
  if ((kind & K_BYLINE) && !(strcmp (token, "by") == 0 && prev != NULL &&
                              (strcmp (prev, "powered") == 0 || strcmp (prev, "sort") == 0 ||
                               strcmp (prev, "filter") == 0 || strcmp (prev, "built") == 0)))
    *kinds |= K_BYLINE;
  if (kind & K_TITLE)
    *kinds |= K_TITLE;
  if (kind & K_DATE)
    *kinds |= K_DATE;
  /* "is-hidden", "u-hidden", "visually-hidden"; but Drupal's
   * "field--label-hidden" hides the label, and "mobile-hidden" is shown
   * on a desktop. */
  if ((kind & K_HIDDEN) && last &&
      (prev == NULL || strlen (prev) <= 2 || strcmp (prev, "visually") == 0 ||
       strcmp (prev, "screen") == 0 || strcmp (prev, "element") == 0 ||
       strcmp (prev, "state") == 0))
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

guint
dossier_html_classify_names (const char *value)
{
  guint kinds = 0;
  const char *p = value, *word;
  gsize len;

  if (value == NULL)
    return 0;
  while (next_word (&p, &word, &len))
    classify_item (word, len, &kinds);
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
int
dossier_html_content_rank (xmlNode *node)
{
  const char *values[2] = { dossier_html_attr (node, "class"), dossier_html_attr (node, "id") };
  int rank = 0;

  for (int v = 0; v < 2; v++)
    {
      if (list_has_one_of (values[v], content_names, G_N_ELEMENTS (content_names)))
        return 2;
      if (list_has_one_of (values[v], weak_content_names, G_N_ELEMENTS (weak_content_names)))
        rank = 1;
    }
  return rank;
}

gboolean
dossier_html_is_figure_part (xmlNode *node)
{
  const char *cls = dossier_html_attr (node, "class");
  g_autofree char *lower = NULL;

  if (dossier_html_tag_info (node)->id == T_FIGCAPTION ||
      g_ascii_strcasecmp ((const char *) node->name, "figure") == 0)
    return TRUE;
  if (cls == NULL)
    return FALSE;
  lower = g_ascii_strdown (cls, -1);
  /* (an article's "credits" box names its writer and editor) */
  return strstr (lower, "caption") != NULL ||
         (strstr (lower, "credit") != NULL &&
          (strstr (lower, "photo") != NULL || strstr (lower, "image") != NULL ||
           strstr (lower, "img") != NULL || strstr (lower, "media") != NULL ||
           strstr (lower, "picture") != NULL || strstr (lower, "foto") != NULL));
}

gboolean
dossier_html_role_is_clutter (const char *role)
{
  static const char *const roles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    "dialog", "alertdialog", "alert", "tooltip", "toolbar", "marquee",
  };

  return list_has_one_of (role, roles, G_N_ELEMENTS (roles));
}

/* style="display: none" or "visibility: hidden". */
gboolean
dossier_html_style_is_hidden (const char *style)
{
  g_autofree char *compact = NULL;
  char *w;

  if (style == NULL || strchr (style, ':') == NULL)
    return FALSE;
  compact = g_ascii_strdown (style, -1);
  w = compact;
  for (const char *r = compact; *r != '\0'; r++)
    if (!dossier_html_is_space (*r))
      *w++ = *r;
  *w = '\0';
  return strstr (compact, "display:none") != NULL ||
         strstr (compact, "visibility:hidden") != NULL;
}

/* ------------------------------------------------------------------------
 * Walking and reading the tree
 * ------------------------------------------------------------------------ */

TextInfo
dossier_html_text_info (Reader  *r,
                        xmlNode *node)
{
  TextInfo info = { 0, 0 };

  if (node->_private != NULL)
    return g_array_index (r->texts, TextInfo, GPOINTER_TO_SIZE (node->_private) - 1);
  if (node->content != NULL)
    info.chars = dossier_html_count_chars ((const char *) node->content, &info.commas);
  return info;
}

/* Pre- and post-order walk of @top's subtree without recursion: enter()
 * says whether to go into an element's children; leave() is called for
 * every node entered, children or not. Only elements are descended into
 * (entity references would lead into the DTD). */
void
dossier_html_walk (xmlNode   *top,
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
  char     separator;  /* between blocks: ' ', or '\n' to read lines */
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
        {
          gsize at = peek->out->len;

          g_string_append (peek->out, (const char *) node->content);
          if (peek->separator == '\n')
            for (char *c = peek->out->str + at; *c != '\0'; c++)
              if (*c == '\n' || *c == '\r')
                *c = ' ';
        }
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (node != peek->top && (dossier_html_tag_info (node)->props & TP_SKIP))
    return FALSE;
  if (peek->skip_time && dossier_html_tag_info (node)->id == T_TIME)
    return FALSE;
  if (dossier_html_tag_info (node)->id == T_BR || (dossier_html_tag_info (node)->props & TP_BLOCK))
    g_string_append_c (peek->out, peek->separator);
  return TRUE;
}

char *
dossier_html_peek_text (xmlNode  *top,
                        gsize     max_bytes,
                        gboolean  skip_time)
{
  Peek peek = { top, g_string_new (NULL), max_bytes, 0, skip_time, ' ' };

  dossier_html_walk (top, peek_enter, NULL, &peek);
  return g_string_free (peek.out, FALSE);
}

char *
dossier_html_peek_lines (xmlNode *top,
                         gsize    max_bytes)
{
  Peek peek = { top, g_string_new (NULL), max_bytes, 0, TRUE, '\n' };

  dossier_html_walk (top, peek_enter, NULL, &peek);
  return g_string_free (peek.out, FALSE);
}

/* Collapses white space, trims, normalizes (NFC, no control characters);
 * NULL when nothing is left. */
char *
dossier_html_clean_text (const char *s)
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

char *
dossier_html_node_text (xmlNode *node)
{
  g_autofree char *raw = dossier_html_peek_text (node, 4096, FALSE);

  return dossier_html_clean_text (raw);
}

gboolean
dossier_html_is_inside (xmlNode *node,
                        xmlNode *ancestor)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}
