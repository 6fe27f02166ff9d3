/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-html-metadata.c — the HTML importer's metadata: what
 * <head> and the page say about the article (<title>, <meta>, <link>,
 * JSON-LD, bylines, <time>), collected during the first pass, then
 * resolved into one title, byline, outlet, date and source URL.
 */

#include "config.h"

#include <string.h>

#include "dossier-import-html-private.h"

/* ------------------------------------------------------------------------
 * Collecting, during the first pass
 * ------------------------------------------------------------------------ */

static void
take_first (char       **slot,
            const char  *value)
{
  if (*slot == NULL && value != NULL)
    *slot = dossier_html_clean_text (value);
}

typedef enum
{
  M_OG_TITLE,
  M_TWITTER_TITLE,
  M_PARSELY_TITLE,
  M_DC_TITLE,
  M_SITE_NAME,
  M_APPLICATION_NAME,
  M_PUBLISHER,
  M_URL,
  M_DESCRIPTION,
  M_AUTHOR,
  M_CITATION_AUTHOR,
  M_ARTICLE_AUTHOR,
  M_BYL,
  M_PUBLISHED_ARTICLE,
  M_PUBLISHED_ITEMPROP,
  M_ITEMPROP_HEADLINE,
  M_PUBLISHED_OTHER,
} MetaField;

/* <meta> names (property, name or itemprop), compared without case. */
static const struct
{
  const char *name;
  MetaField   field;
} meta_names[] = {
  { "og:title", M_OG_TITLE }, { "twitter:title", M_TWITTER_TITLE },
  { "parsely-title", M_PARSELY_TITLE }, { "sailthru.title", M_PARSELY_TITLE },
  { "dc.title", M_DC_TITLE }, { "dcterms.title", M_DC_TITLE },
  { "headline", M_ITEMPROP_HEADLINE },
  { "og:site_name", M_SITE_NAME }, { "application-name", M_APPLICATION_NAME },
  { "dc.publisher", M_PUBLISHER }, { "dcterms.publisher", M_PUBLISHER },
  { "og:url", M_URL },
  { "description", M_DESCRIPTION }, { "og:description", M_DESCRIPTION },
  { "twitter:description", M_DESCRIPTION },
  { "author", M_AUTHOR }, { "dc.creator", M_AUTHOR }, { "dcterms.creator", M_AUTHOR },
  { "citation_author", M_CITATION_AUTHOR }, { "parsely-author", M_AUTHOR },
  { "sailthru.author", M_AUTHOR }, { "cxenseparse:author", M_AUTHOR },
  { "dable:author", M_AUTHOR },
  { "article:author", M_ARTICLE_AUTHOR }, { "og:article:author", M_ARTICLE_AUTHOR },
  { "byl", M_BYL },
  { "article:published_time", M_PUBLISHED_ARTICLE },
  { "og:article:published_time", M_PUBLISHED_ARTICLE },
  { "datePublished", M_PUBLISHED_ITEMPROP },
  { "date", M_PUBLISHED_OTHER }, { "dc.date", M_PUBLISHED_OTHER },
  { "dc.date.issued", M_PUBLISHED_OTHER }, { "dcterms.date", M_PUBLISHED_OTHER },
  { "dcterms.issued", M_PUBLISHED_OTHER }, { "pubdate", M_PUBLISHED_OTHER },
  { "publishdate", M_PUBLISHED_OTHER }, { "publish-date", M_PUBLISHED_OTHER },
  { "publication_date", M_PUBLISHED_OTHER }, { "sailthru.date", M_PUBLISHED_OTHER },
  { "parsely-pub-date", M_PUBLISHED_OTHER }, { "citation_publication_date", M_PUBLISHED_OTHER },
  { "citation_date", M_PUBLISHED_OTHER },
};

/* "Moreau, Élise", as scholarly citation tags write an author: "Élise
 * Moreau". Anything else stays as it is. */
static char *
first_name_first (const char *value)
{
  g_autofree char *clean = dossier_html_clean_text (value);
  const char *comma;
  guint words = 0;

  if (clean == NULL || (comma = strstr (clean, ", ")) == NULL || strstr (comma + 2, ",") != NULL)
    return g_steal_pointer (&clean);
  for (const char *p = clean; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        return g_steal_pointer (&clean);
      words += *p == ' ';
    }
  /* (a family name and given names, a few words in all) */
  if (words > 4 || comma[2] == '\0')
    return g_steal_pointer (&clean);
  return g_strdup_printf ("%s %.*s", comma + 2, (int) (comma - clean), clean);
}

static void
read_meta (Reader     *r,
           const char *name,
           const char *content)
{
  char **slot = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (meta_names); i++)
    {
      if (g_ascii_strcasecmp (name, meta_names[i].name) != 0)
        continue;
      switch (meta_names[i].field)
        {
        case M_OG_TITLE: slot = &r->og_title; break;
        case M_TWITTER_TITLE: slot = &r->twitter_title; break;
        case M_PARSELY_TITLE: slot = &r->parsely_title; break;
        case M_DC_TITLE: slot = &r->dc_title; break;
        case M_ITEMPROP_HEADLINE: slot = &r->itemprop_headline; break;
        case M_SITE_NAME: slot = &r->og_site_name; break;
        case M_APPLICATION_NAME: slot = &r->application_name; break;
        case M_PUBLISHER: slot = &r->meta_publisher; break;
        case M_URL: slot = &r->og_url; break;
        case M_DESCRIPTION: slot = &r->description; break;
        case M_ARTICLE_AUTHOR: slot = &r->article_author; break;
        case M_BYL: slot = &r->byl; break;
        case M_PUBLISHED_ARTICLE: slot = &r->published_article; break;
        case M_PUBLISHED_ITEMPROP: slot = &r->published_itemprop; break;
        case M_PUBLISHED_OTHER: slot = &r->published_other; break;
        case M_AUTHOR:
        case M_CITATION_AUTHOR:
          /* Every one: a page with two authors may write two tags. */
          if (!g_str_has_prefix (content, "http") && r->meta_authors->len < MAX_META_NODES)
            {
              char *value = meta_names[i].field == M_CITATION_AUTHOR
                              ? first_name_first (content)
                              : dossier_html_clean_text (content);

              if (value != NULL)
                g_ptr_array_add (r->meta_authors, value);
            }
          return;
        }
      break;
    }
  if (slot == NULL)
    return;
  /* A profile URL says nothing we can show. */
  if (slot == &r->article_author && g_str_has_prefix (content, "http"))
    return;
  take_first (slot, content);
}

/* Collects what <head> and the page say about the article. */
void
dossier_html_read_metadata (Reader   *r,
                            xmlNode  *node,
                            NodeInfo *info)
{
  const char *itemprop = dossier_html_attr (node, "itemprop");
  const char *rel;

  switch ((TagId) info->tag)
    {
    case T_TITLE:
      /* (an <svg> has titles of its own) */
      if (r->html_title == NULL && r->svg_depth == 0)
        {
          g_autofree char *text = dossier_html_peek_text (node, 4096, FALSE);

          r->html_title = dossier_html_clean_text (text);
        }
      break;

    case T_META:
      {
        const char *content = dossier_html_attr (node, "content");
        const char *name = dossier_html_attr (node, "property");

        if (name == NULL)
          name = dossier_html_attr (node, "name");
        if (name == NULL)
          name = itemprop;
        if (name == NULL || content == NULL)
          break;

        read_meta (r, name, content);
        return;
      }

    case T_LINK:
      rel = dossier_html_attr (node, "rel");
      if (dossier_html_has_word (rel, "canonical"))
        take_first (&r->canonical, dossier_html_attr (node, "href"));
      return;

    case T_SCRIPT:
      {
        const char *type = dossier_html_attr (node, "type");

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
      if (dossier_html_attr (node, "datetime") != NULL)
        dossier_html_add_node (r->time_nodes, node, MAX_META_NODES);
      break;

    default:
      break;
    }

  if (itemprop != NULL)
    {
      if (dossier_html_has_word (itemprop, "author") || dossier_html_has_word (itemprop, "creator"))
        dossier_html_add_node (r->itemprop_authors, node, MAX_META_NODES);
      else if (dossier_html_has_word (itemprop, "datePublished"))
        {
          const char *value = dossier_html_attr (node, "content");

          if (value == NULL)
            value = dossier_html_attr (node, "datetime");
          take_first (&r->published_itemprop, value);
        }
    }
  rel = dossier_html_attr (node, "rel");
  if (rel != NULL && dossier_html_has_word (rel, "author") && info->tag == T_A)
    dossier_html_add_node (r->rel_authors, node, MAX_META_NODES);
  if (info->flags & F_BYLINE)
    dossier_html_add_node (r->byline_nodes, node, MAX_META_NODES);
}

/* ------------------------------------------------------------------------
 * Resolving what was found
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
char *
dossier_html_normalize_date (const char *s)
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
  while (dossier_html_is_space (*s))
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
char *
dossier_html_comparable (const char *s)
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

/* The first usable <time> inside the article root, else the first usable one. */
static xmlNode *
pick_time (Reader  *r,
           xmlNode *root)
{
  xmlNode *first = NULL;

  for (guint i = 0; i < r->time_nodes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (r->time_nodes, i);

      if (!dossier_html_in_article_area (r, node, NULL))
        continue;
      if (dossier_html_is_inside (node, root))
        return node;
      if (first == NULL)
        first = node;
    }
  return first;
}

static char *
first_date (const char *const *candidates,
            gsize               n)
{
  for (gsize i = 0; i < n; i++)
    {
      char *date = dossier_html_normalize_date (candidates[i]);

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

xmlNode *
dossier_html_find_h1 (Reader  *r,
                      xmlNode *root)
{
  xmlNode *outside = NULL;

  for (guint i = 0; i < r->h1s->len; i++)
    {
      xmlNode *node = g_ptr_array_index (r->h1s, i);
      NodeInfo *info = dossier_html_info (r, node);

      if (info->text == 0)
        continue;
      if (dossier_html_is_inside (node, root))
        return node;
      if (outside == NULL && !(info->flags & F_HEADFOOT))
        outside = node;
    }
  return outside;
}

/* The first heading or headline-like element on the page that says
 * @title (perhaps after a kicker), else the first <h1> (see find_h1). */
static xmlNode *
title_heading (Reader     *r,
               xmlNode    *root,
               const char *title)
{
  g_autofree char *title_key = title != NULL ? dossier_html_comparable (title) : NULL;
  gsize tl = title_key != NULL ? strlen (title_key) : 0;

  for (guint i = 0; i < r->headings->len && tl > 0; i++)
    {
      xmlNode *node = g_ptr_array_index (r->headings, i);
      g_autofree char *text = dossier_html_node_text (node);
      g_autofree char *key = text != NULL ? dossier_html_comparable (text) : NULL;
      gsize kl = key != NULL ? strlen (key) : 0;

      if (kl >= tl && kl <= tl + 40 && strcmp (key + kl - tl, title_key) == 0)
        return node;
    }
  return dossier_html_find_h1 (r, root);
}

/* When the body was chosen without its headline (an articleBody below a
 * header holding the headline and the standfirst), take in the header
 * too, as long as that adds little else: a title, a standfirst, a byline
 * and a date, not another story. */
xmlNode *
dossier_html_include_headline (Reader     *r,
                               xmlNode    *root,
                               const char *title)
{
  xmlNode *heading = title_heading (r, root, title);
  xmlNode *candidate = root;
  NodeInfo *info = dossier_html_info (r, root);

  if (heading == NULL || dossier_html_is_inside (heading, root))
    return root;
  for (int level = 0; level < 2; level++)
    {
      NodeInfo *ci;

      candidate = dossier_html_parent (candidate);
      ci = dossier_html_info (r, candidate);
      if (candidate == NULL || ci == NULL || !(ci->flags & F_CLEAN) || candidate == r->body)
        return root;
      if (dossier_html_is_inside (heading, candidate))
        {
          /* (links are share bars and breadcrumbs, not more text) */
          guint extra = (ci->text - ci->link) - (info->text - info->link);

          return extra <= MAX (info->text / 2, 600) ? candidate : root;
        }
    }
  return root;
}

void
dossier_html_metadata_clear (Metadata *m)
{
  g_free (m->title);
  g_free (m->author);
  g_free (m->outlet);
  g_free (m->published);
  g_free (m->source);
}

void
dossier_html_resolve_metadata (Reader   *r,
                               xmlNode  *root,
                               Metadata *m)
{
  JsonLd ld = { 0 };
  xmlNode *node;

  dossier_html_read_json_ld (r, &ld);

  /* Outlet first: the title's " | Outlet" suffix is judged against it. */
  if (r->og_site_name != NULL)
    m->outlet = g_strdup (r->og_site_name);
  else if (ld.publisher != NULL)
    m->outlet = g_strdup (ld.publisher);
  else if (r->application_name != NULL)
    m->outlet = g_strdup (r->application_name);
  else if (ld.site_name != NULL)
    m->outlet = g_strdup (ld.site_name);

  else if (r->meta_publisher != NULL)
    m->outlet = g_strdup (r->meta_publisher);

  m->title = dossier_html_resolve_title (r, root, &ld, m->outlet);
  m->author = dossier_html_resolve_author (r, root, &ld, m->outlet);

  {
    const char *time_value = NULL;
    const char *candidates[5];

    node = pick_time (r, root);
    if (node != NULL)
      time_value = dossier_html_attr (node, "datetime");
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

  dossier_html_json_ld_clear (&ld);
}
