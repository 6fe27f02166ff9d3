/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  "\u0623\u062E\u0628\u0627\u0631 \u0645\u062A\u0639\u0644\u0642\u0629",
  "references", "notes", "external links", "further reading", "sources", "bibliography",
  "t\u00F3picos", "temas", "etiquetas", "schlagw\u00F6rter", "mais lidas", "leia tamb\u00E9m",
  "latest", "latest news", "top stories",
  "editors' picks", "editor's picks", "explore more on these topics", "about the author",
  "lire aussi", "\u00E0 lire aussi", "sur le m\u00EAme sujet", "les plus lus",
  "mehr zum thema", "meistgelesen", "diskutieren sie mit", "kommentare",
  "\u76F8\u5173\u65B0\u95FB", "\u76F8\u5173\u9605\u8BFB", "\u70ED\u95E8\u63A8\u8350",
  "\u95A2\u9023\u30CB\u30E5\u30FC\u30B9", "\u95A2\u9023\u8A18\u4E8B",
  "\u30A2\u30AF\u30BB\u30B9\u30E9\u30F3\u30AD\u30F3\u30B0",
  "\uAD00\uB828 \uAE30\uC0AC", "\uB9CE\uC774 \uBCF8 \uB274\uC2A4",
  "\u05DB\u05EA\u05D1\u05D5\u05EA \u05E0\u05D5\u05E1\u05E4\u05D5\u05EA",
  "\u05D4\u05E0\u05E7\u05E8\u05D0\u05D9\u05DD \u05D1\u05D9\u05D5\u05EA\u05E8",
  "\u05EA\u05D2\u05D5\u05D1\u05D5\u05EA",
};

static const char *const clutter_heading_prefixes[] = {
  "related ", "more from ", "more in ", "most read", "read more", "recommended ", "sign up ",
  "subscribe to ", "trending in ", "\u0627\u0644\u0645\u0632\u064A\u062F \u0645\u0646",
};

/* A heading with a number of comments or responses: "12 Responses",
 * "218 comments", "3 thoughts on …". */
static gboolean
is_count_heading (const char *folded)
{
  static const char *const words[] = {
    "comment", "response", "repl", "thought", "reaction", "comentario", "commentaire",
  };
  const char *p = folded;

  while (g_ascii_isdigit (*p))
    p++;
  if (p == folded || *p != ' ')
    return FALSE;
  p++;
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (p, words[i]))
      return TRUE;
  return FALSE;
}

static const char *const read_more_prefixes[] = {
  "read more", "read also", "also read", "related:", "related coverage", "see also",
  "more:", "read:", "watch:", "listen:", "lea tambi\u00E9n", "lee tambi\u00E9n",
  "te puede interesar", "leer m\u00E1s", "\u0627\u0642\u0631\u0623 \u0623\u064A\u0636\u0627",
  "lire aussi", "\u00E0 lire aussi", "voir aussi", "mehr zum thema", "lesen sie auch",
  "auch interessant", "leggi anche", "leia tamb\u00E9m", "\u76F8\u5173\u9605\u8BFB",
  "\u5EF6\u4F38\u9605\u8BFB", "\u95A2\u9023\u8A18\u4E8B", "\uAD00\uB828\uAE30\uC0AC",
  "\u05E7\u05E8\u05D0\u05D5 \u05D2\u05DD", "baca juga",
  "\u0447\u0438\u0442\u0430\u0439\u0442\u0435 \u0442\u0430\u043A\u0436\u0435",
};

static const char *const label_texts[] = {
  "advertisement", "advertisements", "sponsored", "sponsored content", "publicidad",
  "anuncio", "\u0625\u0639\u0644\u0627\u0646", "story continues below advertisement",
  "article continues below advertisement", "continue reading below",
  "story continues below this ad", "member-only story", "publicit\u00E9", "anzeige", "werbung",
  "\uAD11\uACE0", "\u5E7F\u544A", "\u5E83\u544A", "\u6709\u6599\u8A18\u4E8B",
  "\u05E4\u05E8\u05E1\u05D5\u05DE\u05EA",
};

/* Lines that credit the desk, not the story: "责任编辑：…", "SOURCE …". */
static const char *const credit_prefixes[] = {
  "\u8D23\u4EFB\u7F16\u8F91", "\u3010\u8D23\u4EFB\u7F16\u8F91", "\uFF08\u8D23\u4EFB\u7F16\u8F91",
  "(\u8D23\u4EFB\u7F16\u8F91", "\u7F16\u8F91\uFF1A", "\u6765\u6E90\uFF1A", "source ",
  "source:", "\u0627\u0644\u0645\u0635\u062F\u0631:", "listen to this article",
  "editor:", "editor :", "editora:", "editing:", "redaktion:",
};

/* A date line above the article: "Published 1:02 a.m. ET June 5, 2024". */
static const char *const date_prefixes[] = {
  "published", "updated", "last updated", "posted", "publi\u00E9", "mis \u00E0 jour",
  "publicado", "actualizado", "ver\u00F6ffentlicht", "aktualisiert", "\uC785\uB825",
  "\uC218\uC815", "\u53D1\u5E03\u65F6\u95F4",
  /* and the other credits under a headline */
  "reviewed by", "medically reviewed by", "fact checked by", "fact-checked by", "edited by",
};

/* A line that is only a date and time: "Thu 15 Aug 2024 06.00 BST",
 * "03.09.2024, 14.05 Uhr", "2024年4月14日 7時00分". */
static gboolean
is_date_line (const char *text)
{
  guint digits = 0, visible = 0;
  gboolean clock = FALSE, month = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      visible++;
      if (g_ascii_isdigit (c))
        {
          digits++;
          if ((p[1] == ':' || p[1] == '.' || p[1] == 'h') && g_ascii_isdigit (p[2]) &&
              g_ascii_isdigit (p[3]))
            clock = TRUE;
        }
      else if (c == 0x5E74 || c == 0x6708 || c == 0x65E5)  /* 年 月 日 */
        month = TRUE;
    }
  if (!month)
    {
      static const char *const months[] = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        "ene", "abr", "ago", "dic", "fev", "mai", "set", "out", "dez", "gen", "giu", "lug",
        "ott", "okt", "m\u00E4r", "f\u00E9v", "avr", "juil", "ao\u00FBt", "d\u00E9c",
      };

      for (gsize i = 0; i < G_N_ELEMENTS (months) && !month; i++)
        month = strstr (text, months[i]) != NULL;
    }
  return visible > 0 && digits >= 4 && digits * 4 >= visible && (clock || month);
}

/* Blocks after which the article's header (kicker, standfirst, byline,
 * date, lead image) is over, long paragraphs or not. */
#define MAX_HEADER_BLOCKS 6

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
  guint            furniture : 1;     /* inside navigation, a notice, a page's header or footer */
  guint            in_figure : 1;     /* inside a figure, a caption, a photo's credit */
  guint            ordered : 1;       /* an <ol>: its items show their numbers */
  guint            reversed : 1;      /* an <ol reversed>: counting down */
  guint            in_row : 1;        /* a table's row of data: one paragraph, cells by tabs */
  char             number_style;      /* an <ol>'s type: '1', 'a', 'A', 'i' or 'I' */
  int              next_number;       /* an <ol>'s next item's number */
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
  gboolean            open_furniture;
  gint64              open_length;    /* the builder's length when the block began */
  guint               open_chars;
  char                item_number[32]; /* "3. ", written before the next item's text; or "" */
  GArray             *furniture;      /* of gint64: the end of each block of page furniture */
  guint               body_blocks;
  const char         *author;         /* the byline found in the metadata, or NULL */
  char               *author_key;     /* its first name, folded, to spot the byline line */
  char               *byline;         /* the names a "By …" line under the title gives */
  /* After a "Related", "Comments" or "References" heading: what follows
   * it, up to a heading as high or the end of its container, goes too. */
  int                 skip_level;
  xmlNode            *skip_scope;
} Extract;

static void
x_close (Extract *x)
{
  if (!dossier_text_builder_in_block (x->builder))
    return;
  dossier_text_builder_end_block (x->builder);
  if (x->open_chars > 0 && x->open_kind != DOSSIER_BLOCK_TITLE)
    x->body_blocks++;
  if (x->open_furniture && x->furniture != NULL &&
      dossier_text_builder_get_length (x->builder) > x->open_length)
    {
      gint64 end = dossier_text_builder_get_length (x->builder);

      g_array_append_val (x->furniture, end);
    }
  if (x->open_kind != DOSSIER_BLOCK_TITLE && x->open_kind != DOSSIER_BLOCK_HEADING &&
      !x->open_in_header && x->open_chars >= 80)
    x->body_seen = TRUE;
  x->open_chars = 0;
  x->last_br = FALSE;
}

/* Navigation, a notice (cookies, a paywall, a newsletter box: clutter by
 * class, which only the last resort reads), or a page's header or footer
 * other than the one around the title. */
static gboolean
is_furniture (const NodeInfo *info)
{
  if (info->flags & F_CLUTTER)
    return TRUE;
  if ((info->flags & F_SOFT_JUNK) && (info->flags & F_JUNK))
    return TRUE;
  return (info->tag == T_HEADER || info->tag == T_FOOTER) &&
         !(info->flags & (F_HAS_TITLE | F_TITLE_HEAD));
}

static void
x_open (Extract   *x,
        const Ctx *ctx)
{
  if (!dossier_text_builder_in_block (x->builder))
    {
      dossier_text_builder_begin_block (x->builder, ctx->kind,
                                        ctx->kind == DOSSIER_BLOCK_HEADING ||
                                        ctx->kind == DOSSIER_BLOCK_LIST_ITEM ? ctx->level : 0);
      x->open_kind = ctx->kind;
      x->open_in_header = ctx->title_header;
      x->open_furniture = ctx->furniture;
      x->open_length = dossier_text_builder_get_length (x->builder);
      x->open_chars = 0;
      /* An ordered list's item shows its number, as text and Markdown
       * items keep theirs (only the block it begins: not the rest of the
       * item after a nested list). */
      if (ctx->kind == DOSSIER_BLOCK_LIST_ITEM && x->item_number[0] != '\0')
        dossier_text_builder_append (x->builder, x->item_number, -1);
      x->item_number[0] = '\0';
    }
}

static void
x_append (Extract    *x,
          const Ctx  *ctx,
          const char *text,
          guint       chars)
{
  if (chars == 0 && !dossier_text_builder_in_block (x->builder))
    return;
  x_open (x, ctx);
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

/* The one element in @node, with no text beside it but blanks; NULL when
 * there are more, or text. */
static xmlNode *
sole_element_child (Reader  *r,
                    xmlNode *node)
{
  xmlNode *only = NULL;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_ELEMENT_NODE)
        {
          if (only != NULL)
            return NULL;
          only = c;
        }
      else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
               dossier_html_text_info (r, c).chars > 0)
        return NULL;
    }
  return only;
}

/* <div><p>…</p></div>: the rules that read a line's text are left to the
 * inner element, so that a chain of wrappers reads it once, not once per
 * level. */
static gboolean
is_wrapper (Reader   *r,
            xmlNode  *node,
            NodeInfo *info)
{
  xmlNode *only = sole_element_child (r, node);
  NodeInfo *inner = only != NULL ? dossier_html_info (r, only) : NULL;

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

/* The byline under the headline: the one the metadata gave, on a line
 * with a date or a job ("Fiona Harcourt, Wildlife correspondent"), or a
 * "By …" line naming people (kept for when the metadata has none). */
typedef struct
{
  Reader  *r;
  GString *out;
  guint    nodes;
} CleanText;

static gboolean
clean_text_enter (gpointer data,
                  xmlNode *node)
{
  CleanText *c = data;
  NodeInfo *info;

  if (c->out->len > 1024 || ++c->nodes > PEEK_NODES)
    return FALSE;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        g_string_append (c->out, (const char *) node->content);
      return FALSE;
    }
  info = dossier_html_info (c->r, node);
  if (info == NULL || !(info->flags & F_CLEAN))
    return FALSE;
  if ((info->props & TP_BLOCK) || info->tag == T_BR)
    g_string_append_c (c->out, ' ');
  return TRUE;
}

/* The text of a line without its clutter (a photo credit's byline box). */
static char *
line_text (Reader  *r,
           xmlNode *node)
{
  CleanText c = { r, g_string_new (NULL), 0 };
  char *text;

  dossier_html_walk (node, clean_text_enter, NULL, &c);
  text = dossier_html_clean_text (c.out->str);
  g_string_free (c.out, TRUE);
  return text;
}

/* Words before a photographer's name in a caption: "Photo: Jane Doe". */
static const char *const photo_credit_words[] = {
  "photo:", "photo by", "photos:", "photos by", "photograph:", "photographs:", "photograph by",
  "picture:", "pictures:", "image:", "credit:", "foto:", "fotos:", "fotograf\u00EDa:",
  "imagen:", "bild:",
};

static gboolean
names_photographer (const char *folded)
{
  for (gsize i = 0; i < G_N_ELEMENTS (photo_credit_words); i++)
    if (strstr (folded, photo_credit_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_byline_line (Extract    *x,
                xmlNode    *node,
                const char *folded,
                NodeInfo   *info)
{
  g_autofree char *text = NULL;
  char *names;

  gboolean names_author;

  if (folded == NULL || info->text > 150)
    return FALSE;
  /* (the author as photographer: "Nets at dawn. Photo: Jane Doe") */
  names_author = x->author_key != NULL && strstr (folded, x->author_key) != NULL &&
                 info->text <= g_utf8_strlen (x->author, -1) + 60 && !names_photographer (folded);
  if (!names_author && !dossier_html_may_be_byline (folded))
    return FALSE;
  text = line_text (x->r, node);
  if (text == NULL)
    return FALSE;
  if (names_author)
    {
      /* (not in a photo credit's byline box inside the line) */
      g_autofree char *line = g_utf8_casefold (text, -1);

      if (strstr (line, x->author_key) != NULL)
        return TRUE;
    }
  names = dossier_html_byline_from_line (text);
  if (names == NULL)
    return FALSE;
  if (x->byline == NULL)
    x->byline = names;
  else
    g_free (names);
  return TRUE;
}

/* Whether the element next to @node (before or after) is a date line. */
static gboolean
beside_date (Reader  *r,
             xmlNode *node)
{
  for (int forward = 0; forward < 2; forward++)
    {
      xmlNode *n = forward ? node->next : node->prev;

      while (n != NULL && n->type != XML_ELEMENT_NODE)
        n = forward ? n->next : n->prev;
      if (n != NULL)
        {
          NodeInfo *info = dossier_html_info (r, n);
          g_autofree char *text = NULL;
          g_autofree char *folded = NULL;

          if (info == NULL || info->text == 0 || info->text > 60)
            continue;
          text = dossier_html_node_text (n);
          folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;
          if (folded != NULL && is_date_line (folded))
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether @node's line is only a person's name; if so it is the byline. */
static gboolean
take_name_line (Extract *x,
                xmlNode *node)
{
  g_autofree char *text = line_text (x->r, node);
  char *name = text != NULL ? dossier_html_name_line (text) : NULL;

  if (name == NULL)
    return FALSE;
  x->byline = name;
  return TRUE;
}

/* A line that is only a name, beside the date under the headline: the
 * byline of a page that labels it in no other way ("Ben Achebe" / "May
 * 17, 2024"). Kept only when nothing better names the author. */
static gboolean
is_name_beside_date (Extract  *x,
                     xmlNode  *node,
                     NodeInfo *info)
{
  if (x->author != NULL || x->byline != NULL || info->text > 40 || info->link > 0 ||
      !beside_date (x->r, node))
    return FALSE;
  return take_name_line (x, node);
}

/* Whether @node ends the run of paragraphs it stands in: nothing
 * readable after it in a parent that holds the story's text. */
static gboolean
is_last_line (Extract *x,
              xmlNode *node)
{
  xmlNode *parent = dossier_html_parent (node);
  NodeInfo *pi = parent != NULL ? dossier_html_info (x->r, parent) : NULL;

  if (pi == NULL || pi->ptext < 400)
    return FALSE;
  for (xmlNode *next = node->next; next != NULL; next = next->next)
    {
      NodeInfo *ni;

      if (next->type == XML_TEXT_NODE && dossier_html_text_info (x->r, next).chars > 0)
        return FALSE;
      ni = next->type == XML_ELEMENT_NODE ? dossier_html_info (x->r, next) : NULL;
      if (ni != NULL && (ni->flags & F_CLEAN) && ni->text > 0)
        return FALSE;
    }
  return TRUE;
}

/* "<p style="text-align:right"><strong>Minh Anh</strong></p>": a name
 * alone in bold, or set to the right, as the body's last line is its
 * writer's signature (Vietnamese and other dailies). Kept only when
 * nothing else names the author. */
static gboolean
is_signature_line (Extract  *x,
                   xmlNode  *node,
                   NodeInfo *info)
{
  const char *style = dossier_html_attr (node, "style");
  g_autofree char *folded_style = style != NULL ? g_ascii_strdown (style, -1) : NULL;
  gboolean set_apart = folded_style != NULL && strstr (folded_style, "right") != NULL;

  if (x->author != NULL || x->byline != NULL || info->text > 40 || info->link > 0)
    return FALSE;
  if (!set_apart)
    {
      xmlNode *only = sole_element_child (x->r, node);

      set_apart = only != NULL && (xmlStrcasecmp (only->name, BAD_CAST "strong") == 0 ||
                                   xmlStrcasecmp (only->name, BAD_CAST "b") == 0);
    }
  if (!set_apart || !is_last_line (x, node))
    return FALSE;
  return take_name_line (x, node);
}

/* What follows a clutter heading, up to a heading as high, goes with it:
 * the list under "Related", the thread under "12 Comments", the notes under
 * "References". A wrapper around the heading alone (MediaWiki's
 * <div class="mw-heading">) is looked through. */
static void
skip_section (Extract *x,
              xmlNode *heading,
              int      level)
{
  xmlNode *scope = dossier_html_parent (heading);
  NodeInfo *hi = dossier_html_info (x->r, heading);
  NodeInfo *si = dossier_html_info (x->r, scope);

  if (scope == NULL || si == NULL || !dossier_html_is_inside (scope, x->root))
    return;
  if (scope != x->root && si->text <= hi->text + 20)
    {
      scope = dossier_html_parent (scope);
      if (scope == NULL || !dossier_html_is_inside (scope, x->root))
        return;
    }
  x->skip_level = level;
  x->skip_scope = scope;
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

  /* (a header is a handful of lines: a page of short paragraphs must not
   * stay in it to the end) */
  header_zone = (!x->body_seen && x->body_blocks < MAX_HEADER_BLOCKS && !parent->in_entry) ||
                parent->title_header;
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
    case T_TD:
    case T_DL:
      if (info->text > 0 && info->link * 2 > info->text && info->text - info->link < 150)
        return TRUE;
      break;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
      /* A section's link above the headline: "Opinion", a logo. */
      if (x->title_node != NULL && !x->title_done && info->text <= 60 &&
          info->link * 2 > info->text)
        return TRUE;
      if (info->tag != T_H1 && info->text <= 60)
        {
          g_autofree char *text = folded_text (node);

          if (matches_any (text, clutter_headings, G_N_ELEMENTS (clutter_headings), FALSE) ||
              matches_any (text, clutter_heading_prefixes,
                           G_N_ELEMENTS (clutter_heading_prefixes), TRUE) ||
              (text != NULL && is_count_heading (text)))
            {
              skip_section (x, node, info->tag - T_H1 + 1);
              return TRUE;
            }
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
      gboolean early = header_zone || x->body_blocks < 3;
      /* A caption's lines stay, and its credit is no byline. */
      gboolean figure = parent->in_figure || dossier_html_is_figure_part (node);

      if (info->text <= 60 || info->link * 2 > info->text || early)
        text = folded_text (node);
      if (info->text <= 40 &&
          matches_any (text, label_texts, G_N_ELEMENTS (label_texts), FALSE))
        return TRUE;

      /* "Read more: <link>", or its label alone once the link is gone. */
      if ((info->link * 2 > info->text || info->text <= 40) &&
          matches_any (text, read_more_prefixes, G_N_ELEMENTS (read_more_prefixes), TRUE))
        return TRUE;
      /* The byline and date lines sit under the headline, sometimes after
       * the standfirst: within the first few blocks. */
      if (early && !figure && is_byline_line (x, node, text, info))
        return TRUE;
      if (header_zone && x->title_done && !figure && is_name_beside_date (x, node, info))
        return TRUE;
      if (!early && !figure && is_signature_line (x, node, info))
        return TRUE;
      /* "Autor: Jane Doe" says what it is wherever it stands, but in a
       * figure, where it names the photographer. */
      if (!early && !figure && info->text <= 80 && text != NULL &&
          dossier_html_is_byline_label (text) && is_byline_line (x, node, text, info))
        return TRUE;
      if (early && info->text <= 80 &&
          (matches_any (text, date_prefixes, G_N_ELEMENTS (date_prefixes), TRUE) ||
           (text != NULL && is_date_line (text))))
        {
          /* "Ben Achebe / May 17, 2024" read as one line: the name goes
           * with the date, but is the byline. */
          if (header_zone && x->title_done)
            for (xmlNode *c = node->children; c != NULL; c = c->next)
              {
                NodeInfo *ci = dossier_html_info (x->r, c);

                if (ci != NULL && (ci->flags & F_CLEAN) && is_text_line (x->r, c, ci) &&
                    is_name_beside_date (x, c, ci))
                  break;
              }
          return TRUE;
        }
      if (info->text <= 60 &&
          matches_any (text, credit_prefixes, G_N_ELEMENTS (credit_prefixes), TRUE))
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

/* ---- Ordered lists ---------------------------------------------------- */

/* An <ol>'s numbers go no further: a page's start="2000000000" must not
 * overflow as its items are counted. */
#define MAX_ITEM_NUMBER 1000000

static int
number_attr (xmlNode    *node,
             const char *name,
             int         fallback)
{
  const char *value = dossier_html_attr (node, name);
  char *end = NULL;
  gint64 n;

  if (value == NULL)
    return fallback;
  n = g_ascii_strtoll (value, &end, 10);
  if (end == value)
    return fallback;
  return (int) CLAMP (n, -MAX_ITEM_NUMBER, MAX_ITEM_NUMBER);
}

static guint
count_items (xmlNode *list)
{
  guint n = 0;

  for (xmlNode *c = list->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && dossier_html_tag_info (c)->id == T_LI)
      n++;
  return n;
}

/* An <ol>'s numbering, from its type, start and reversed attributes. */
static void
begin_ordered_list (Ctx     *ctx,
                    xmlNode *node)
{
  const char *type = dossier_html_attr (node, "type");

  ctx->ordered = 1;
  ctx->number_style = type != NULL && type[0] != '\0' && type[1] == '\0' &&
                      strchr ("aAiI", type[0]) != NULL ? type[0] : '1';
  ctx->reversed = dossier_html_attr (node, "reversed") != NULL;
  ctx->next_number = number_attr (node, "start",
                                  ctx->reversed ? (int) MIN (count_items (node),
                                                             MAX_ITEM_NUMBER) : 1);
}

static void
append_roman (GString *out,
              int      n,
              gboolean upper)
{
  static const struct { int value; const char *digits; } numerals[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (numerals); i++)
    for (; n >= numerals[i].value; n -= numerals[i].value)
      for (const char *d = numerals[i].digits; *d != '\0'; d++)
        g_string_append_c (out, upper ? g_ascii_toupper (*d) : *d);
}

/* "a", …, "z", "aa", "ab": as browsers letter a list. */
static void
append_letters (GString *out,
                int      n,
                gboolean upper)
{
  char letters[8];
  gsize len = 0;

  for (; n > 0 && len < sizeof letters; n = (n - 1) / 26)
    letters[len++] = (char) ((upper ? 'A' : 'a') + (n - 1) % 26);
  while (len > 0)
    g_string_append_c (out, letters[--len]);
}

/* The number an item shows, and the space after it: "3. ", "c) ",
 * "iv) " — a letter or numeral in its bracket, as the text importer reads
 * one (dossier_text_item_number_length ()), so that the reader draws no
 * bullet beside it. Letters and numerals count from 1: a browser numbers
 * the items before in decimal, and so does this. */
static void
format_item_number (char   *buf,
                    gsize   size,
                    char    style,
                    int     n)
{
  GString *out = g_string_new (NULL);

  if (n >= 1 && (style == 'a' || style == 'A'))
    append_letters (out, n, style == 'A');
  else if (n >= 1 && n < 4000 && (style == 'i' || style == 'I'))
    append_roman (out, n, style == 'I');
  else
    style = '1';
  if (style == '1')
    g_string_append_printf (out, "%d. ", n);
  else
    g_string_append (out, ") ");
  g_strlcpy (buf, out->str, size);
  g_string_free (out, TRUE);
}

/* An item of an ordered list (@list, the list's context, is counted on):
 * its number, unless its value attribute says another. */
static void
number_item (Extract *x,
             Ctx     *list,
             xmlNode *item)
{
  int n = number_attr (item, "value", list->next_number);

  format_item_number (x->item_number, sizeof x->item_number, list->number_style, n);
  list->next_number = CLAMP (n + (list->reversed ? -1 : 1), -MAX_ITEM_NUMBER, MAX_ITEM_NUMBER);
}

/* Whether the sibling right before @node is an element (no text, not even
 * a blank, between them). */
static gboolean
element_after_element (xmlNode *node)
{
  xmlNode *prev = node->prev;

  while (prev != NULL && prev->type == XML_COMMENT_NODE)
    prev = prev->prev;
  return prev != NULL && prev->type == XML_ELEMENT_NODE;
}

/* Whether @node holds blocks of its own (a list, a heading, a
 * table…) that a row read as one line would run together. */
static gboolean
holds_structure (Reader  *r,
                 xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      NodeInfo *info;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      info = dossier_html_info (r, child);
      if (info == NULL)
        continue;
      switch ((TagId) info->tag)
        {
        case T_TABLE: case T_UL: case T_OL: case T_LI: case T_DL: case T_BLOCKQUOTE: case T_PRE:
        case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
          return TRUE;
        default:
          break;
        }
      if (holds_structure (r, child))
        return TRUE;
    }
  return FALSE;
}

/* A row of a data table ("Viaduct repairs | £3.1m"): a few short cells
 * that read as one line. A layout table's row, which holds a page's
 * column of paragraphs, is not one. */
static gboolean
is_data_row (Reader         *r,
             xmlNode        *row,
             const NodeInfo *info)
{
  guint cells = 0;

  if (info->text > 500)
    return FALSE;
  for (xmlNode *child = row->children; child != NULL; child = child->next)
    {
      NodeInfo *cell;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      cell = dossier_html_info (r, child);
      if (cell == NULL || (cell->tag != T_TD && cell->tag != T_TH) || ++cells > 32 ||
          holds_structure (r, child))
        return FALSE;
    }
  return cells > 1;
}

static gboolean
has_element_before (xmlNode *node)
{
  for (xmlNode *sibling = node->prev; sibling != NULL; sibling = sibling->prev)
    if (sibling->type == XML_ELEMENT_NODE)
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
      if (node->content != NULL && x->skip_scope == NULL)
        x_append (x, top, (const char *) node->content, dossier_html_text_info (x->r, node).chars);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  ctx = *top;
  ctx.skipped = ctx.block = ctx.merged = 0;
  info = dossier_html_info (x->r, node);
  if (info != NULL && x->skip_scope != NULL)
    {
      int level = dossier_html_is_heading (info->tag) ? info->tag - T_H1 + 1
                                                      : aria_heading_level (node);

      if (level > 0 && level <= x->skip_level)
        x->skip_scope = NULL;
    }
  if (info == NULL || x->skip_scope != NULL ||
      (node->parent == x->root && x->r->range_parent == x->root && !x->lenient &&
       !(info->flags & F_IN_RANGE)) ||
      (node != x->root && x_should_skip (x, node, info, top)))
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
          if (top->in_row && (info->tag == T_TD || info->tag == T_TH))
            {
              /* Every cell but the first is set apart, an empty one
               * before the row's first text too: else that row's
               * columns would shift left under the header's. */
              if (has_element_before (node))
                {
                  x_open (x, top);
                  dossier_text_builder_cell_break (x->builder);
                }
            }
          else
            x_space (x);
          ctx.merged = 1;
        }
      else
        x_close (x);
    }

  if (node == x->title_node && !x->title_done && heading_level == 0)
    {
      /* A headline written as a <div> or a <span> ("h-title"). */
      ctx.block = 1;
      x_close (x);
      ctx.kind = DOSSIER_BLOCK_TITLE;
      ctx.level = 0;
      ctx.merge = 1;
      x->title_done = TRUE;
    }
  else if (heading_level > 0 && !top->merge)
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
        ctx.ordered = 0;
        if (top->ordered)
          number_item (x, &g_array_index (x->stack, Ctx, x->stack->len - 1), node);
        else
          x->item_number[0] = '\0';
        break;
      case T_UL:
      case T_OL:
        ctx.list_depth = top->list_depth + 1;
        ctx.kind = DOSSIER_BLOCK_LIST_ITEM;
        ctx.level = ctx.list_depth;
        ctx.merge = 0;
        ctx.pre = 0;
        ctx.ordered = 0;
        if (info->tag == T_OL)
          begin_ordered_list (&ctx, node);
        break;
      case T_TR:
        if (!top->merge && is_data_row (x->r, node, info))
          {
            ctx.kind = DOSSIER_BLOCK_PARAGRAPH;
            ctx.level = 0;
            ctx.merge = 1;
            ctx.in_row = 1;
          }
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

  /* <figcaption><span>The quay at dawn.</span><span>Photo: Ana Ruiz</span>:
   * a caption and its credit, set apart by the page's style, not by a
   * space; their words must not run together. */
  if (top->in_figure && !ctx.block && element_after_element (node))
    x_space (x);

  if (info->flags & F_TITLE_HEAD)
    ctx.title_header = 1;
  if (is_furniture (info))
    ctx.furniture = 1;
  if (dossier_html_is_figure_part (node))
    ctx.in_figure = 1;

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
  if (node == x->skip_scope)
    x->skip_scope = NULL;
  ctx = g_array_index (x->stack, Ctx, x->stack->len - 1);
  g_array_set_size (x->stack, x->stack->len - 1);
  if (ctx.skipped)
    return;
  /* (an item with no text: its number is not the next block's) */
  if (dossier_html_info (x->r, node)->tag == T_LI)
    x->item_number[0] = '\0';
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

/* The heading that becomes the TITLE block: the first heading (or
 * headline-like element) in the root that says the title, possibly after a
 * kicker ("Analysis: …"), else the root's first <h1>; NULL to write the
 * title itself at the top. Its ancestors are marked so no clutter rule
 * drops it. */
typedef struct
{
  Reader     *r;
  const char *title_key;
  xmlNode    *h1;
  xmlNode    *match;
  guint       looked;
} FindHeadings;

#define MAX_TITLE_LOOKS 400

static gboolean
says_title (const char *key,
            const char *title_key)
{
  gsize kl = strlen (key), tl = strlen (title_key);

  return tl > 0 && kl >= tl && kl <= tl + 40 && strcmp (key + kl - tl, title_key) == 0;
}

static gboolean
find_headings_enter (gpointer data,
                     xmlNode *node)
{
  FindHeadings *f = data;
  NodeInfo *info = dossier_html_info (f->r, node);
  gboolean heading;

  if (f->match != NULL || info == NULL || !(info->flags & F_CLEAN))
    return FALSE;
  heading = dossier_html_is_heading (info->tag);
  if ((heading || (info->flags & F_TITLE_LIKE)) && info->text > 0 && info->text <= 600 &&
      f->title_key != NULL && f->looked++ < MAX_TITLE_LOOKS)
    {
      g_autofree char *text = dossier_html_node_text (node);
      g_autofree char *key = text != NULL ? dossier_html_comparable (text) : NULL;

      if (key != NULL && says_title (key, f->title_key))
        {
          f->match = node;
          return FALSE;
        }
    }
  if (heading && info->text > 0 && info->tag == T_H1 && f->h1 == NULL)
    f->h1 = node;
  return !heading;
}

static xmlNode *
find_title_node (Reader     *r,
                 xmlNode    *root,
                 const char *title)
{
  g_autofree char *title_key = title != NULL ? dossier_html_comparable (title) : NULL;
  FindHeadings f = { r, title_key, NULL, NULL, 0 };
  xmlNode *found;

  dossier_html_walk (root, find_headings_enter, NULL, &f);
  found = f.match != NULL ? f.match : f.h1;

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

guint
dossier_html_extract_blocks (Reader             *r,
                             xmlNode            *root,
                             const Metadata     *meta,
                             gboolean            lenient,
                             DossierTextBuilder *builder,
                             char              **byline,
                             GArray             *furniture)
{
  Extract x = { 0 };
  Ctx base = { DOSSIER_BLOCK_PARAGRAPH, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  const char *title = meta->title;

  x.r = r;
  x.builder = builder;
  x.root = root;
  x.lenient = lenient;
  x.furniture = furniture;
  x.stack = g_array_new (FALSE, FALSE, sizeof (Ctx));
  g_array_append_val (x.stack, base);
  x.author = meta->author;
  if (meta->author != NULL)
    {
      g_autofree char *first = g_strdup (meta->author);
      char *comma = strstr (first, ", ");

      if (comma != NULL)
        *comma = '\0';
      x.author_key = g_utf8_casefold (first, -1);
    }

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
  g_free (x.author_key);
  if (byline != NULL)
    *byline = g_steal_pointer (&x.byline);
  g_free (x.byline);
  return x.body_blocks;
}
