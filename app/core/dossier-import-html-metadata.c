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

static gboolean
names_match (const char *a,
             const char *b)
{
  g_autofree char *ca = dossier_html_comparable (a);
  g_autofree char *cb = dossier_html_comparable (b);
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
  g_autofree char *text = dossier_html_clean_text (raw);
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
  for (xmlNode *n = node; n != NULL; n = dossier_html_parent (n))
    {
      NodeInfo *info = dossier_html_info (r, n);

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
      if (dossier_html_is_inside (node, root))
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
  if (dossier_html_has_word (dossier_html_attr (node, "itemprop"), "name"))
    {
      f->found = node;
      return FALSE;
    }
  return TRUE;
}

static char *
author_from_node (xmlNode *node)
{
  const char *content = dossier_html_attr (node, "content");
  g_autofree char *text = NULL;
  FindName f = { NULL, 0 };

  if (content != NULL && *content != '\0')
    return clean_byline (content);
  dossier_html_walk (node, find_name_enter, NULL, &f);
  text = dossier_html_peek_text (f.found != NULL ? f.found : node, 1024, TRUE);
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

/* When the body was chosen without its headline (an articleBody below a
 * header holding the <h1> and the standfirst), take in the header too, as
 * long as that adds little else. */
xmlNode *
dossier_html_include_headline (Reader  *r,
                               xmlNode *root)
{
  xmlNode *h1 = find_h1 (r, root);
  xmlNode *candidate = root;
  NodeInfo *info = dossier_html_info (r, root);

  if (h1 == NULL || dossier_html_is_inside (h1, root))
    return root;
  for (int level = 0; level < 2; level++)
    {
      NodeInfo *ci;

      candidate = dossier_html_parent (candidate);
      ci = dossier_html_info (r, candidate);
      if (candidate == NULL || ci == NULL || !(ci->flags & F_CLEAN) || candidate == r->body)
        return root;
      if (dossier_html_is_inside (h1, candidate))
        {
          guint extra = ci->text - info->text;

          return extra <= MAX (info->text / 3, 300) ? candidate : root;
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

  {
    g_autofree char *h1 = NULL;
    const char *candidates[5];

    node = find_h1 (r, root);
    if (node != NULL)
      h1 = dossier_html_node_text (node);
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
