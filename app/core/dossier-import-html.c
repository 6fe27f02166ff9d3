/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-html.c — HTML import, the way a reader mode reads a page.
 *
 * The bytes are decoded (dossier-import-html-encoding.c: BOM, else <meta
 * charset>, else UTF-8) and the UTF-8 result is handed to libxml2's HTML
 * parser with the network off, no entity substitution beyond HTML's own,
 * and the internal DTD subset blanked out, so nothing is ever fetched or
 * expanded. The tree is then read in a few passes that never recurse (a
 * hostile page can nest a million elements):
 *
 *  1. metadata (<title>, <meta>, <link>, JSON-LD, bylines, <time>:
 *     dossier-import-html-metadata.c, -jsonld.c) and the paragraph text
 *     each element holds;
 *  2. clutter: navigation, share bars, cookie notices, related lists,
 *     comments, ads… judged by tag, role, class/id tokens and hidden flags
 *     (dossier-import-html-tree.c), with clean text statistics and a
 *     Readability-like score per element;
 *  3. the article root: <article>, articleBody, main, a content class, else
 *     the element with the best text-density score;
 *  4. blocks — title, headings, paragraphs, list items, quotes, preformatted
 *     text — written through a DossierTextBuilder
 *     (dossier-import-html-extract.c).
 *
 * This file holds passes 1 to 3 and the entry point.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "dossier-import-html-private.h"
#include "dossier-text-builder.h"
#include "dossier-text-private.h"

/* XML_PARSE_HUGE lifts libxml2's nesting limit of 256 elements: without it
 * a deep page stops parsing there and the rest of its text is lost. Every
 * walk below is iterative, so depth costs us nothing. */
#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                      HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | \
                      XML_PARSE_HUGE)

/* ------------------------------------------------------------------------
 * Reading the tree
 * ------------------------------------------------------------------------ */

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

/* The block that loose text belongs to: <div><span>text</span></div> is a
 * paragraph of the div's, as a page without <p> writes it. */
static xmlNode *
text_holder (xmlNode *text)
{
  xmlNode *node = text->parent;

  for (int level = 0; level < 4 && node != NULL && node->type == XML_ELEMENT_NODE; level++)
    {
      if (!(dossier_html_tag_info (node)->props & TP_INLINE))
        return node;
      node = node->parent;
    }
  return text->parent;
}

/* Both passes tell text in a paragraph and text in a link by these
 * depths, kept while walking: @entering is TRUE on entering @info's
 * element, FALSE on leaving it. */
static void
track_text_depths (Reader         *r,
                   const NodeInfo *info,
                   gboolean        entering)
{
  int step = entering ? 1 : -1;

  if (info->props & TP_PARA)
    r->p_depth += step;
  if (info->tag == T_A)
    r->link_depth += step;
}

static const char *const data_names[] = {
  "data-component", "data-testid", "data-test", "data-qa", "data-area", "data-module",
};

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
      NodeInfo *parent = dossier_html_info (r, node->parent);
      TextInfo ti;

      if (node->content == NULL)
        return FALSE;
      ti.commas = 0;
      ti.chars = dossier_html_count_chars ((const char *) node->content, &ti.commas);
      g_array_append_val (r->texts, ti);
      node->_private = GSIZE_TO_POINTER ((gsize) r->texts->len);
      if (r->quiet > 0 || parent == NULL)
        return FALSE;
      if (r->p_depth > 0 && r->link_depth == 0)
        parent->raw_ptext += ti.chars;
      else
        {
          NodeInfo *holder = dossier_html_info (r, text_holder (node));

          if (is_implicit_paragraph (holder, ti.chars, r->p_depth, r->link_depth))
            holder->raw_ptext += ti.chars;
        }
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  tag = dossier_html_tag_info (node);
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

  if (dossier_html_attr (node, "hidden") != NULL)
    new_info.flags |= F_HIDDEN;
  value = dossier_html_attr (node, "aria-hidden");
  if (value != NULL && g_ascii_strcasecmp (value, "true") == 0)
    new_info.flags |= F_HIDDEN;
  value = dossier_html_attr (node, "role");
  if (dossier_html_role_is_clutter (value))
    new_info.flags |= F_CLUTTER;
  else if (dossier_html_has_word (value, "main") || dossier_html_has_word (value, "article"))
    new_info.flags |= F_EXEMPT;
  value = dossier_html_attr (node, "itemprop");
  if (dossier_html_has_word (value, "articleBody"))
    new_info.flags |= F_EXEMPT;
  else if (dossier_html_has_word (value, "author") || dossier_html_has_word (value, "creator"))
    new_info.flags |= F_SOFT_JUNK | F_BYLINE;  /* a byline: read, then dropped */
  if (dossier_html_has_word (value, "headline"))
    new_info.flags |= F_TITLE_LIKE;
  /* Not shown, so not read, as a browser's reader view has it: a hidden
   * print copy or pre-loaded next stories would double the article. Only
   * the last resort, when nothing visible is left, reads them. */
  if (dossier_html_style_is_hidden (dossier_html_attr (node, "style")))
    new_info.flags |= F_STYLE_HIDDEN;

  kinds = dossier_html_classify_names (dossier_html_attr (node, "class")) |
          dossier_html_classify_names (dossier_html_attr (node, "id"));
  /* Component names ("most-read", "byline-block", "comments") in the data
   * attributes that today's front-end frameworks write instead of classes. */
  for (gsize i = 0; i < G_N_ELEMENTS (data_names); i++)
    if ((value = dossier_html_attr (node, data_names[i])) != NULL)
      kinds |= dossier_html_classify_names (value);
  if (kinds & (K_JUNK | K_COMMENTS | K_BYLINE))
    new_info.flags |= F_SOFT_JUNK;
  if (kinds & K_COMMENTS)
    new_info.flags |= F_COMMENTS;
  if (kinds & K_BYLINE)
    new_info.flags |= F_BYLINE;
  if (kinds & K_DATE)
    new_info.flags |= F_DATE;
  if (kinds & K_TITLE)
    new_info.flags |= F_TITLE_LIKE;

  g_array_append_val (r->infos, new_info);
  node->_private = GSIZE_TO_POINTER ((gsize) r->infos->len);
  info = dossier_html_info (r, node);

  dossier_html_read_metadata (r, node, info);

  if (info->tag == T_SVG)
    r->svg_depth++;
  if (info->flags & F_QUIET)
    r->quiet++;
  track_text_depths (r, info, TRUE);
  return TRUE;
}

static void
pass1_leave (gpointer data,
             xmlNode *node)
{
  Reader *r = data;
  NodeInfo *info = dossier_html_info (r, node), *parent;

  if (info == NULL)
    return;
  if (info->tag == T_SVG)
    r->svg_depth--;
  if (info->flags & F_QUIET)
    r->quiet--;
  track_text_depths (r, info, FALSE);
  parent = dossier_html_info (r, dossier_html_parent (node));
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
      NodeInfo *info = dossier_html_info (r, node);

      if (info == NULL)
        break;
      info->score += contribution / dividers[level];
      node = dossier_html_parent (node);
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

      parent = dossier_html_info (r, node->parent);
      if (parent == NULL || node->content == NULL)
        return FALSE;
      ti = dossier_html_text_info (r, node);
      chars = ti.chars;
      commas = ti.commas;
      parent->text += chars;
      parent->commas += commas;
      if (r->link_depth > 0)
        parent->link += chars;
      else if (r->p_depth > 0)
        parent->ptext += chars;
      else
        {
          xmlNode *holder_node = text_holder (node);
          NodeInfo *holder = dossier_html_info (r, holder_node);

          if (is_implicit_paragraph (holder, chars, r->p_depth, r->link_depth))
            {
              holder->ptext += chars;
              add_score (r, holder_node, chars, commas);
            }
        }
      return FALSE;
    }

  info = dossier_html_info (r, node);
  if (info == NULL)
    return FALSE;
  parent = dossier_html_info (r, dossier_html_parent (node));
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
  if (dossier_html_has_word (dossier_html_attr (node, "itemprop"), "articleBody"))
    g_ptr_array_add (r->article_bodies, node);
  if (info->tag == T_MAIN || dossier_html_has_word (dossier_html_attr (node, "role"), "main"))
    g_ptr_array_add (r->mains, node);
  if ((info->tag == T_DIV || info->tag == T_SECTION || info->tag == T_ARTICLE ||
       info->tag == T_TD) && dossier_html_content_rank (node) > 0)
    g_ptr_array_add (r->content_nodes, node);
  if (info->tag == T_H1)
    dossier_html_add_node (r->h1s, node, 64);
  if (info->tag == T_H1 || info->tag == T_H2 || info->tag == T_H3 ||
      (info->flags & F_TITLE_LIKE))
    dossier_html_add_node (r->headings, node, 128);

  track_text_depths (r, info, TRUE);
  return TRUE;
}

static void
pass2_leave (gpointer data,
             xmlNode *node)
{
  Reader *r = data;
  NodeInfo *info = dossier_html_info (r, node), *parent;
  float score;

  if (info == NULL || !(info->flags & F_CLEAN))
    return;
  track_text_depths (r, info, FALSE);

  if ((info->tag == T_P || info->tag == T_PRE) && info->text >= 25)
    add_score (r, dossier_html_parent (node), info->text, info->commas);

  parent = dossier_html_info (r, dossier_html_parent (node));
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

/* A candidate must hold a fair share of the page's paragraph text: an
 * <article> teaser or a <main> around a stub is not the story. */
static gboolean
holds_enough (Reader *r,
              guint   ptext)
{
  return ptext > 0 && ((guint64) ptext * 10 >= (guint64) r->clean_total * 3 || ptext >= 1500);
}

/* What makes sibling elements chunks of one body, as a CMS writes a split
 * body between ads and promos: the same tag and the same class or
 * component name. NULL for an element with neither. */
static char *
kind_key (xmlNode  *node,
          NodeInfo *info)
{
  const char *cls = dossier_html_attr (node, "class");
  const char *component = dossier_html_attr (node, "data-component");

  if ((cls == NULL || *cls == '\0') && (component == NULL || *component == '\0'))
    return NULL;
  return g_strdup_printf ("%u|%s|%s", info->tag, cls != NULL ? cls : "",
                          component != NULL ? component : "");
}

/* Siblings beyond this many are not compared: a list of thousands of
 * items is not a split article. */
#define MAX_CHUNK_SIBLINGS 400

/* The paragraph text of @node and of its clean siblings of the same kind. */
static guint
group_ptext (Reader  *r,
             xmlNode *node)
{
  NodeInfo *info = dossier_html_info (r, node);
  xmlNode *parent = dossier_html_parent (node);
  g_autofree char *key = NULL;
  guint sum = 0, seen = 0;

  if (parent == NULL || (key = kind_key (node, info)) == NULL)
    return info->ptext;
  for (xmlNode *c = parent->children; c != NULL && seen < MAX_CHUNK_SIBLINGS; c = c->next)
    {
      NodeInfo *ci = dossier_html_info (r, c);
      g_autofree char *ck = NULL;

      if (ci == NULL)
        continue;
      seen++;
      if (c == node)
        sum += ci->ptext;
      else if ((ci->flags & F_CLEAN) && ci->ptext > 0 && (ck = kind_key (c, ci)) != NULL &&
               strcmp (ck, key) == 0)
        sum += ci->ptext;
    }
  return sum;
}

/* The candidate with the most paragraph text, counting the chunks of a
 * split body together; the first (outermost) on a tie. */
static xmlNode *
most_text (Reader    *r,
           GPtrArray *nodes,
           int        min_rank)
{
  g_autoptr(GHashTable) parents = g_hash_table_new (NULL, NULL);
  xmlNode *best = NULL;
  guint best_ptext = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (nodes, i);
      NodeInfo *info = dossier_html_info (r, node);
      guint ptext = info->ptext;

      if (min_rank > 0 && dossier_html_content_rank (node) < min_rank)
        continue;
      /* (once per parent: its chunks all count the same group) */
      if (ptext > 0 && g_hash_table_size (parents) < 64 &&
          g_hash_table_add (parents, dossier_html_parent (node)))
        ptext = group_ptext (r, node);
      if (ptext > best_ptext)
        {
          best = node;
          best_ptext = ptext;
        }
    }
  return best != NULL && holds_enough (r, best_ptext) ? best : NULL;
}

/* A body split into chunks between ads, promos and photos (a paper's
 * "StoryBodyCompanionColumn"s, a broadcaster's sections): the run from the
 * first chunk to the last, read from their parent. Looks up to two levels
 * above @root while @root holds all its parent's text. With @scored, also
 * takes siblings that score as paragraph text, as Readability's sibling
 * pass does. */
static xmlNode *
join_chunks (Reader   *r,
             xmlNode  *root,
             gboolean  scored)
{
  xmlNode *node = root;

  for (int level = 0; level < 3 && node != NULL && node != r->body; level++)
    {
      xmlNode *parent = dossier_html_parent (node);
      NodeInfo *info = dossier_html_info (r, node);
      NodeInfo *pi = dossier_html_info (r, parent);
      g_autofree char *key = NULL;
      xmlNode *first = NULL, *last = NULL;
      guint joined = 0, seen = 0;

      if (parent == NULL || pi == NULL)
        break;
      key = kind_key (node, info);
      for (xmlNode *c = parent->children; c != NULL && seen < MAX_CHUNK_SIBLINGS; c = c->next)
        {
          NodeInfo *ci = dossier_html_info (r, c);
          gboolean in = c == node;

          if (ci == NULL)
            continue;
          seen++;
          if (!in && (ci->flags & F_CLEAN) && ci->ptext > 0)
            {
              g_autofree char *ck = key != NULL ? kind_key (c, ci) : NULL;

              in = ck != NULL && strcmp (ck, key) == 0;
              if (!in && scored && level == 0)
                in = ci->ptext >= 80 && ci->link * 4 <= ci->text &&
                     (ci->tag == T_P || ci->score >= info->score * 0.2f);
              joined += in;
            }
          if (in)
            {
              if (first == NULL)
                first = c;
              last = c;
            }
        }
      if (joined > 0)
        {
          gboolean inside = FALSE;

          for (xmlNode *c = first; c != NULL; c = c->next)
            {
              NodeInfo *ci = dossier_html_info (r, c);

              inside |= c == first;
              if (ci != NULL && inside)
                ci->flags |= F_IN_RANGE;
              if (c == last)
                break;
            }
          r->range_parent = parent;
          return parent;
        }
      if ((guint64) info->ptext * 10 < (guint64) pi->ptext * 8)
        break;
      node = parent;
    }
  return root;
}

static xmlNode *
choose_root (Reader *r)
{
  xmlNode *root;

  root = most_text (r, r->articles, 0);
  if (root != NULL)
    {
      /* A live blog without a wrapper: its entries are sibling articles. */
      xmlNode *parent = dossier_html_parent (root);
      guint sum = 0, n = 0;

      for (xmlNode *c = parent != NULL ? parent->children : NULL; c != NULL; c = c->next)
        {
          NodeInfo *ci = dossier_html_info (r, c);

          if (ci != NULL && ci->tag == T_ARTICLE && (ci->flags & F_CLEAN) && ci->ptext >= 100)
            {
              sum += ci->ptext;
              n++;
            }
        }
      if (n >= 2 && (guint64) sum * 2 >= (guint64) dossier_html_info (r, root)->ptext * 3)
        root = parent;
      return root;
    }

  root = most_text (r, r->article_bodies, 0);
  if (root == NULL)
    {
      root = most_text (r, r->mains, 0);
      if (root != NULL)
        return root;
    }
  if (root == NULL)
    root = most_text (r, r->content_nodes, 2);
  if (root == NULL)
    root = most_text (r, r->content_nodes, 1);
  if (root != NULL)
    return join_chunks (r, root, FALSE);

  if (r->best_scored != NULL)
    return join_chunks (r, r->best_scored, TRUE);
  return r->body;
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
  g_clear_pointer (&r->headings, g_ptr_array_unref);
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
  g_free (r->parsely_title);
  g_free (r->dc_title);
  g_free (r->itemprop_headline);
  g_free (r->meta_publisher);
  g_free (r->description);
  g_clear_pointer (&r->meta_authors, g_ptr_array_unref);
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

/* The start of the first paragraph of @text. */
static const char *
first_paragraph (const char *text,
                 GArray     *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      const DossierBlock *b = &g_array_index (blocks, DossierBlock, i);

      if (b->kind == DOSSIER_BLOCK_PARAGRAPH)
        return g_utf8_offset_to_pointer (text, b->start);
    }
  return "";
}

static void
set_empty_error (GError    **error,
                 const char *display)
{
  if (display != NULL)
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                 _("No readable text was found in “%s”: it holds only scripts, "
                   "navigation or other page furniture. If the article shows in a browser, "
                   "save it again once it has loaded, or copy and paste its text."), display);
  else
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                 _("No readable text was found in this HTML page: it holds only scripts, "
                   "navigation or other page furniture. If the article shows in a browser, "
                   "save it again once it has loaded, or copy and paste its text."));
}

/* Words of the lines a page has around an article rather than in it:
 * cookie notices, copyright lines, paywall and sign-in prompts, in the
 * languages the importer knows best (case-folded, found at the start of a
 * word; one entry per word however it ends: "subscri" is subscribe,
 * subscriber and subscription). A page whose every line is a notice, or
 * navigation, or its header or footer, has no article to import. */
static const char *const notice_words[] = {
  "cookie", "\u00A9", "copyright", "all rights reserved", "privacy policy", "terms of use",
  "terms of service", "terms and conditions", "subscri", "log in", "log-in", "login", "sign in",
  "sign-in", "sign up", "create an account", "create a free account", "continue reading",
  "keep reading", "unlimited access", "already a member", "register for free",
  "skip to content", "skip to main content", "todos los derechos reservados",
  "pol\u00EDtica de privacidad", "aviso legal", "suscr", "inicia sesi\u00F3n",
  "iniciar sesi\u00F3n", "reg\u00EDstrate", "sigue leyendo", "seguir leyendo",
  "tous droits r\u00E9serv\u00E9s", "abonn", "connectez-vous", "se connecter",
  "alle rechte vorbehalten", "datenschutz", "impressum", "abonnier", "anmelden", "weiterlesen",
};

/* How a notice speaks: to the reader, in the site's voice ("We use
 * cookies to improve your experience", "Already a subscriber? Log in"),
 * as whole words. An article's brief about a cookie maker or subscription
 * prices reports in the third person. */
static const char *const reader_words[] = {
  "you", "your", "we use", "our partners", "please", "usted", "tu", "utilizamos", "usamos",
  "vous", "votre", "nous utilisons", "ihre", "wir verwenden", "bitte",
};

/* A line with a single notice word and no address to the reader is a
 * notice when it is at most this long ("© 2026 Herald Media", "Subscribe
 * now", "Privacy policy"); longer, it is a sentence of an article. */
#define SHORT_NOTICE_CHARS 80

/* A one-word line of a menu or a banner's button. */
static const char *const notice_lines[] = {
  "menu", "search", "home", "accept", "accept all", "reject all", "ok", "close", "settings",
  "skip", "share", "more", "aceptar", "men\u00FA", "buscar", "inicio", "accepter", "akzeptieren",
};

/* Whether @folded holds @word at the start of a word ("sign in", not
 * "design in"; "cookies" for "cookie"), and if @whole, as a whole word
 * ("you", not "young"). */
static gboolean
has_word (const char *folded,
          const char *word,
          gboolean    whole)
{
  gsize len = strlen (word);

  for (const char *p = folded; (p = strstr (p, word)) != NULL; p++)
    {
      gboolean starts = p == folded ||
                        !dossier_unichar_is_word (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean ends = p[len] == '\0' || !dossier_unichar_is_word (g_utf8_get_char (p + len));

      if (starts && (ends || !whole))
        return TRUE;
    }
  return FALSE;
}

/* Whether @text (a line of at most 400 characters) reads as a notice
 * rather than a line of an article, by what it says, not by its length
 * alone (a news brief is as short as a cookie banner): a button's or a
 * menu's word alone; two notice words ("for subscribers only … unlimited
 * access"); one, and the address to the reader a notice makes ("We use
 * cookies to improve your experience"); one in a short line ("© 2026
 * Herald Media"). */
static gboolean
is_notice_line (const char *text)
{
  g_autofree char *folded = NULL;
  gsize len;
  glong chars = g_utf8_strlen (text, -1);
  guint found = 0;

  if (chars > 400)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  len = strlen (folded);
  while (len > 0 && strchr (":.!| ", folded[len - 1]) != NULL)
    folded[--len] = '\0';
  for (gsize i = 0; i < G_N_ELEMENTS (notice_lines); i++)
    if (strcmp (folded, notice_lines[i]) == 0)
      return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (notice_words) && found < 2; i++)
    if (has_word (folded, notice_words[i], FALSE))
      found++;
  if (found == 0)
    return FALSE;
  if (found >= 2 || chars <= SHORT_NOTICE_CHARS)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (reader_words); i++)
    if (has_word (folded, reader_words[i], TRUE))
      return TRUE;
  return FALSE;
}

/* Whether @blocks hold a line of an article: one that is not the title, a
 * heading, page furniture (its end in @furniture, ascending) or a notice. */
static gboolean
has_article_text (const char *text,
                  GArray     *blocks,
                  GArray     *furniture)
{
  guint f = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const DossierBlock *b = &g_array_index (blocks, DossierBlock, i);
      g_autofree char *line = NULL;

      while (f < furniture->len && g_array_index (furniture, gint64, f) < b->end)
        f++;
      if (b->kind == DOSSIER_BLOCK_TITLE || b->kind == DOSSIER_BLOCK_HEADING ||
          (f < furniture->len && g_array_index (furniture, gint64, f) == b->end))
        continue;
      line = dossier_text_slice (text, b->start, b->end);
      if (!is_notice_line (line))
        return TRUE;
    }
  return FALSE;
}

static void
set_no_article_error (GError    **error,
                      const char *display)
{
  if (display != NULL)
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                 _("No article text was found in “%s”: the page holds only navigation, "
                   "notices or a sign-in or subscription prompt. If the article shows in "
                   "a browser, save the page again once it shows, or copy and paste its text."),
                 display);
  else
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                 _("No article text was found in this HTML page: it holds only navigation, "
                   "notices or a sign-in or subscription prompt. If the article shows in "
                   "a browser, save the page again once it shows, or copy and paste its text."));
}

/* Whether @utf8[0, @len) has @tag ("<body", "</html") followed by the end
 * of a tag name, in any case. */
static gboolean
has_tag (const char *utf8,
         gsize       len,
         const char *tag)
{
  gsize n = strlen (tag);

  for (const char *p = utf8; (p = memchr (p, '<', utf8 + len - p)) != NULL; p++)
    if ((gsize) (utf8 + len - p) > n && g_ascii_strncasecmp (p, tag, n) == 0 &&
        (g_ascii_isspace (p[n]) || p[n] == '>' || p[n] == '/'))
      return TRUE;
  return FALSE;
}

/* A page cut short on its way (a download that stopped, a copy that ran
 * out of room): it ends inside a tag or a comment ("<p cla", "</di"), or it
 * opens <html> or <body> and closes neither, as every saved page does. A
 * fragment without either, ending cleanly, is not judged. */
static gboolean
looks_cut_off (const char *utf8,
               gsize       len)
{
  const char *end = utf8 + len;
  const char *lt = NULL, *gt = NULL;

  while (end > utf8 && g_ascii_isspace (end[-1]))
    end--;
  for (const char *p = end; p > utf8 && (lt == NULL || gt == NULL); p--)
    {
      if (p[-1] == '>' && gt == NULL)
        gt = p - 1;
      else if (p[-1] == '<' && lt == NULL && p < end &&
               (g_ascii_isalpha (p[0]) || p[0] == '/' || p[0] == '!'))
        lt = p - 1;
    }
  if (lt != NULL && (gt == NULL || lt > gt))
    return TRUE;

  return (has_tag (utf8, len, "<html") || has_tag (utf8, len, "<body")) &&
         !has_tag (utf8, len, "</html") && !has_tag (utf8, len, "</body");
}

gboolean
dossier_import_html_parse (const guint8           *data,
                           gsize                   len,
                           const char             *display,
                           DossierParsedDocument  *doc,
                           gboolean               *cut_off,
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
  g_autofree char *byline = NULL;
  g_autoptr(GArray) furniture = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint body_blocks = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dossier_html_init ();

  utf8 = dossier_html_decode (data, len, display, &utf8_len, error);
  if (utf8 == NULL)
    return FALSE;
  utf8_len = dossier_html_remove_nul_bytes (utf8, utf8_len);
  dossier_html_blank_internal_subset (utf8, utf8_len);
  if (cut_off != NULL)
    *cut_off = looks_cut_off (utf8, utf8_len);
  if (utf8_len == 0)
    {
      set_empty_error (error, display);
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
      set_empty_error (error, display);
      return FALSE;
    }
  xdoc = htmlCtxtReadMemory (ctxt, utf8, (int) utf8_len, NULL, "UTF-8", HTML_OPTIONS);
  htmlFreeParserCtxt (ctxt);
  html = xdoc != NULL ? xmlDocGetRootElement (xdoc) : NULL;
  if (html == NULL)
    {
      if (xdoc != NULL)
        xmlFreeDoc (xdoc);
      set_empty_error (error, display);
      return FALSE;
    }

  r.infos = g_array_new (FALSE, FALSE, sizeof (NodeInfo));
  r.texts = g_array_new (FALSE, FALSE, sizeof (TextInfo));
  r.articles = g_ptr_array_new ();
  r.article_bodies = g_ptr_array_new ();
  r.mains = g_ptr_array_new ();
  r.content_nodes = g_ptr_array_new ();
  r.h1s = g_ptr_array_new ();
  r.headings = g_ptr_array_new ();
  r.meta_authors = g_ptr_array_new_with_free_func (g_free);
  r.jsonld = g_ptr_array_new_with_free_func (g_free);
  r.rel_authors = g_ptr_array_new ();
  r.itemprop_authors = g_ptr_array_new ();
  r.byline_nodes = g_ptr_array_new ();
  r.time_nodes = g_ptr_array_new ();

  r.body = html;
  for (xmlNode *c = html->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && dossier_html_tag_info (c)->id == T_BODY)
      {
        r.body = c;
        break;
      }

  dossier_html_walk (html, pass1_enter, pass1_leave, &r);
  r.raw_total = dossier_html_info (&r, r.body)->raw_ptext;
  dossier_html_walk (html, pass2_enter, pass2_leave, &r);
  r.clean_total = dossier_html_info (&r, r.body)->ptext;

  root = choose_root (&r);
  dossier_html_resolve_metadata (&r, root, &meta);
  root = dossier_html_include_headline (&r, root, meta.title);

  /* The chosen root, else the whole body, else the body with only
   * scripts and hidden parts left out. */
  for (int attempt = 0; attempt < 3 && body_blocks == 0; attempt++)
    {
      xmlNode *from = attempt == 0 ? root : r.body;

      if (attempt == 1 && root == r.body)
        continue;
      g_clear_pointer (&builder, dossier_text_builder_free);
      g_clear_pointer (&byline, g_free);
      builder = dossier_text_builder_new ();
      g_array_set_size (furniture, 0);
      body_blocks = dossier_html_extract_blocks (&r, from, &meta, attempt == 2, builder, &byline,
                                                 furniture);
    }

  if (body_blocks == 0)
    set_empty_error (error, display);
  else
    {
      g_autofree char *text = NULL;
      g_autoptr(GArray) blocks = NULL;

      dossier_text_builder_finish (builder, &text, &blocks);
      ok = has_article_text (text, blocks, furniture);
      if (!ok)
        set_no_article_error (error, display);
      else
        {
          /* No byline in the metadata: the "By …" line under the title,
           * else the reporters a Chinese dateline names. */
          if (meta.author == NULL)
            meta.author = g_steal_pointer (&byline);
          if (meta.author == NULL)
            meta.author = dossier_html_byline_from_dateline (first_paragraph (text, blocks));
          g_free (doc->text);
          doc->text = g_steal_pointer (&text);
          if (doc->blocks != NULL)
            g_array_unref (doc->blocks);
          doc->blocks = g_steal_pointer (&blocks);
          replace_field (&doc->title, g_steal_pointer (&meta.title));
          replace_field (&doc->author, g_steal_pointer (&meta.author));
          replace_field (&doc->outlet, g_steal_pointer (&meta.outlet));
          replace_field (&doc->published, g_steal_pointer (&meta.published));
          replace_field (&doc->source, g_steal_pointer (&meta.source));
        }
    }

  g_clear_pointer (&builder, dossier_text_builder_free);
  dossier_html_metadata_clear (&meta);
  reader_clear (&r);
  xmlFreeDoc (xdoc);
  return ok;
}
