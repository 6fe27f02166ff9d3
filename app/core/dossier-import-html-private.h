/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-html-private.h — what the HTML importer's files share:
 * the per-element statistics of the tree (NodeInfo), the reader that the
 * passes fill in, and the functions each file offers the others.
 *
 *   dossier-import-html.c           passes 1 and 2, the article root, the entry point
 *   dossier-import-html-tree.c      tags, class/id tokens, walking and reading the tree
 *   dossier-import-html-encoding.c  charset sniffing and decoding
 *   dossier-import-html-jsonld.c    JSON-LD
 *   dossier-import-html-metadata.c  what the page says about the article; outlet, date, source
 *   dossier-import-html-title.c     which of the page's titles is the headline
 *   dossier-import-html-byline.c    who wrote it
 *   dossier-import-html-extract.c   the blocks of the article
 */
#pragma once

#include <string.h>

#include <libxml/tree.h>

#include "dossier-import-private.h"
#include "dossier-text-builder.h"

G_BEGIN_DECLS

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
  T_TR,
  T_UL,
} TagId;

enum
{
  TP_BLOCK   = 1 << 0,  /* a block boundary: text before and after is not joined */
  TP_SKIP    = 1 << 1,  /* never holds readable text: script, style, svg, button… */
  TP_CLUTTER = 1 << 2,  /* page furniture by definition: nav, aside, menu */
  TP_PARA    = 1 << 3,  /* its text is paragraph text for the density score */
  TP_IMPLICIT = 1 << 4, /* loose text directly inside is a paragraph of its own */
  TP_INLINE  = 1 << 5,  /* inline formatting: its loose text belongs to the block around it */
};

typedef struct
{
  const char *name;
  TagId       id;
  guint       props;
} TagInfo;

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
  F_STYLE_HIDDEN = 1 << 13, /* display:none, visibility:hidden: kept only by the last resort */
  F_TITLE_LIKE  = 1 << 14,  /* class "headline"/"title", itemprop=headline */
  F_IN_RANGE    = 1 << 15,  /* a child of a split body's parent, within the body's run */
  F_QUIET       = F_SKIP | F_CLUTTER | F_HIDDEN | F_STYLE_HIDDEN,
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
  GPtrArray *headings;    /* clean <h1>–<h3> and headline-like elements, the first ones */
  xmlNode   *range_parent; /* a split body's parent: only its F_IN_RANGE children are read */
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
  char      *parsely_title;       /* parsely-title, sailthru.title */
  char      *dc_title;            /* Dublin Core */
  char      *itemprop_headline;   /* <meta itemprop="headline">, microdata */
  char      *meta_publisher;      /* Dublin Core */
  char      *description;
  GPtrArray *meta_authors;        /* char *: author, dc.creator, parsely-author… */
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


/* ---- The tree (dossier-import-html-tree.c) ---------------------------- */

void           dossier_html_init            (void);
const TagInfo *dossier_html_tag_info        (xmlNode    *node);
gboolean       dossier_html_has_word        (const char *list,
                                             const char *word);
guint          dossier_html_count_chars     (const char *text,
                                             guint      *commas);
guint          dossier_html_classify_names  (const char *value);
int            dossier_html_content_rank    (xmlNode    *node);
gboolean       dossier_html_role_is_clutter (const char *role);
/* A figure, its caption, or a box classed as a caption or a photo's
 * credit: its lines are the picture's, and a name there is the
 * photographer's. */
gboolean       dossier_html_is_figure_part  (xmlNode    *node);
gboolean       dossier_html_style_is_hidden (const char *style);

/* K_* kinds of dossier_html_classify_names (). */
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
  K_TITLE    = 1 << 8,  /* "headline", "title": may hold the article's headline */
};

/* Element properties read by every pass; defined here so that the hot
 * ones inline. */

static inline gboolean
dossier_html_is_heading (TagId id)
{
  return id >= T_H1 && id <= T_H6;
}

static inline gboolean
dossier_html_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The value of an attribute, without allocating; "" for a bare attribute
 * (<div hidden>), NULL when absent. libxml2's HTML parser lower-cases
 * attribute names, and @name is lower case. */
static inline const char *
dossier_html_attr (xmlNode    *node,
                   const char *name)
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

static inline NodeInfo *
dossier_html_info (Reader  *r,
                   xmlNode *node)
{
  gsize index;

  if (node == NULL || node->type != XML_ELEMENT_NODE || node->_private == NULL)
    return NULL;
  index = GPOINTER_TO_SIZE (node->_private);
  return &g_array_index (r->infos, NodeInfo, index - 1);
}

static inline xmlNode *
dossier_html_parent (xmlNode *node)
{
  xmlNode *p = node->parent;

  return p != NULL && p->type == XML_ELEMENT_NODE ? p : NULL;
}

static inline void
dossier_html_add_node (GPtrArray *array,
                       xmlNode   *node,
                       guint      max)
{
  if (array->len < max)
    g_ptr_array_add (array, node);
}

typedef gboolean (*EnterFunc) (gpointer data, xmlNode *node);
typedef void     (*LeaveFunc) (gpointer data, xmlNode *node);

/* Pre- and post-order walk of @top's subtree without recursion: enter()
 * says whether to go into an element's children; leave() is called for
 * every node entered, children or not. Only elements are descended into
 * (entity references would lead into the DTD). */
void      dossier_html_walk       (xmlNode    *top,
                                   EnterFunc   enter,
                                   LeaveFunc   leave,
                                   gpointer    data);
/* A text node's counts, from pass 1 when it was counted there. */
TextInfo  dossier_html_text_info  (Reader     *r,
                                   xmlNode    *node);
/* The text of @top's subtree, up to @max_bytes and PEEK_NODES nodes:
 * enough to judge a heading or a byline. */
char     *dossier_html_peek_text  (xmlNode    *top,
                                   gsize       max_bytes,
                                   gboolean    skip_time);
/* Collapses white space, trims, normalizes (NFC, no control characters);
 * NULL when nothing is left. */
char     *dossier_html_clean_text (const char *s);
/* dossier_html_clean_text () of a small subtree's text. */
char     *dossier_html_node_text  (xmlNode    *node);
/* The text of @top's subtree, a line per block or <br>, without <time>s:
 * for reading a byline box. */
char     *dossier_html_peek_lines (xmlNode    *top,
                                   gsize       max_bytes);
gboolean  dossier_html_is_inside  (xmlNode    *node,
                                   xmlNode    *ancestor);

/* ---- Bytes (dossier-import-html-encoding.c) --------------------------- */

/* Raw bytes to UTF-8: BOM, else the page's declared charset, else UTF-8;
 * DOSSIER_IMPORT_ERROR_ENCODING when that cannot be done, naming @display
 * (the file's name, or NULL). */
char     *dossier_html_decode                (const guint8  *data,
                                              gsize          len,
                                              const char    *display,
                                              gsize         *out_len,
                                              GError       **error);
void      dossier_html_blank_internal_subset (char          *s,
                                              gsize          len);
gsize     dossier_html_remove_nul_bytes      (char          *s,
                                              gsize          len);

/* ---- JSON-LD (dossier-import-html-jsonld.c) --------------------------- */

typedef struct
{
  char *headline;
  char *author;
  gboolean author_is_person;  /* every author is typed Person */
  char *publisher;            /* an organization's name, never a person's */
  char *published;
  char *url;
  char *site_name;
  char *description;
} JsonLd;

/* Reads the article (or web page) object of every JSON-LD script found in
 * pass 1; also sets @r's published_ld. */
void dossier_html_read_json_ld  (Reader *r,
                                 JsonLd *ld);
void dossier_html_json_ld_clear (JsonLd *ld);

/* ---- Metadata (dossier-import-html-metadata.c) ------------------------ */

typedef struct
{
  char *title;
  char *author;
  char *outlet;
  char *published;
  char *source;
} Metadata;

/* Pass 1, for each element: what it says about the article. */
void     dossier_html_read_metadata     (Reader     *r,
                                         xmlNode    *node,
                                         NodeInfo   *info);
/* Case-folded letters and digits, without a leading "the". */
char    *dossier_html_comparable        (const char *s);
/* A date as a page writes it ("2024-03-05T10:00", "March 5, 2024",
 * "5.3.2024") as "YYYY-MM-DD"; NULL if it is none, invalid or ambiguous
 * ("3/5/2024"). */
char    *dossier_html_normalize_date    (const char *s);
/* The first clean <h1> inside @root, else outside any page header or footer. */
xmlNode *dossier_html_find_h1           (Reader     *r,
                                         xmlNode    *root);
/* @root, or its parent or grandparent when that only adds the headline
 * (the heading that says @title). */
xmlNode *dossier_html_include_headline  (Reader     *r,
                                         xmlNode    *root,
                                         const char *title);
void     dossier_html_resolve_metadata  (Reader     *r,
                                         xmlNode    *root,
                                         Metadata   *m);
void     dossier_html_metadata_clear    (Metadata   *m);

/* ---- Title (dossier-import-html-title.c) ------------------------------ */

/* "Storm closes port | The Harbour Times" → "Storm closes port" when the
 * outlet is The Harbour Times; the same for "Outlet | Title". */
char     *dossier_html_strip_outlet  (const char *title,
                                      const char *outlet);
/* The same name, or one holding the other ("harbourtimes.com"). */
gboolean  dossier_html_names_match   (const char *a,
                                      const char *b);
/* Whether @name is the site's own (its outlet, publisher, or the brand at
 * an end of <title>). @ld may be NULL. */
gboolean  dossier_html_is_site_name  (Reader     *r,
                                      JsonLd     *ld,
                                      const char *outlet,
                                      const char *name);
/* The headline the page's titles and headings agree on; NULL if it has none. */
char     *dossier_html_resolve_title (Reader     *r,
                                      xmlNode    *root,
                                      JsonLd     *ld,
                                      const char *outlet);

/* ---- Byline (dossier-import-html-byline.c) ---------------------------- */

/* Whether what @node says (a byline, a date) is about the article: it lies
 * outside clutter, inside a byline box (clutter to the text, not to us),
 * or in other furniture within @near (may be NULL) — never in comments,
 * hidden parts or navigation. */
gboolean dossier_html_in_article_area (Reader  *r,
                                       xmlNode *node,
                                       xmlNode *near);
/* "By Jane Doe, Transport correspondent | 3 May" → "Jane Doe". */
char *dossier_html_clean_byline        (const char *raw);
/* The people who wrote the article, ", "-separated; NULL if it names
 * nobody (or only an organisation). */
char *dossier_html_resolve_author      (Reader     *r,
                                        xmlNode    *root,
                                        JsonLd     *ld,
                                        const char *outlet);
/* The names a line under a headline gives ("By Jane Doe · 3 May",
 * "김민지 기자"), or NULL if it is not a byline. */
char *dossier_html_byline_from_line    (const char *line);
/* Takes the author and, when the line names them after the author, the
 * outlet and the date of a byline line under a text's title ("By Jane
 * Doe, The Gazette, 3 May 2026") into @doc, where it has none yet; FALSE
 * if @line is no byline. */
gboolean dossier_html_byline_to_document (DossierParsedDocument *doc,
                                          const char            *line);
/* The date @line ends with, after a dash or a comma ("Issued by the
 * branch, 20 November 2026"), as "YYYY-MM-DD"; else NULL. */
char    *dossier_html_date_at_end     (const char *line);
/* The date @line is, as "YYYY-MM-DD", when it says nothing else: a date
 * alone, or after a word that says what it is ("Published: 3 May 2026");
 * else NULL. */
char    *dossier_html_date_line       (const char *line);
/* @line if it is nothing but a person's name ("Ben Achebe"), else NULL. */
char    *dossier_html_name_line       (const char *line);
/* Whether case-folded @folded could be a byline line at all (a quick test
 * before dossier_html_byline_from_line ()). */
gboolean dossier_html_may_be_byline   (const char *folded);
/* Whether @text starts with a byline label ("Autor: ", "Penulis : "). */
gboolean dossier_html_is_byline_label (const char *text);
/* The reporters a Chinese dateline names ("…电（记者王立新、陈佳）"). */
char *dossier_html_byline_from_dateline (const char *text);

/* ---- Blocks (dossier-import-html-extract.c) --------------------------- */

/* Writes the blocks of @root, titled @meta's title; returns how many body
 * blocks (not the title) came out. @lenient: the last resort, where only
 * scripts and hidden parts are left out. @byline: set to the names a "By …"
 * line under the title gives, if any (for when @meta has no author).
 * @furniture (may be NULL): the end (a code point offset) of each block
 * written from navigation, a notice or a page's header or footer is
 * appended to it (gint64). */
guint dossier_html_extract_blocks (Reader             *r,
                                   xmlNode            *root,
                                   const Metadata     *meta,
                                   gboolean            lenient,
                                   DossierTextBuilder *builder,
                                   char              **byline,
                                   GArray             *furniture);

G_END_DECLS
