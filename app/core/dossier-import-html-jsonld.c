/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-html-jsonld.c — the HTML importer's JSON-LD: a small,
 * tolerant, bounded scanner for the schema.org fields an article's page
 * declares (headline, author, publisher, dates, URL). Never recurses past
 * a fixed depth; malformed JSON gives what could be read.
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "dossier-import-html-private.h"

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
  while (s->p < s->end && (dossier_html_is_space (*s->p) || *s->p == '\v'))
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
      if (depth == 0 && (c == ',' || c == '}' || c == ']' || dossier_html_is_space (c)))
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
               !dossier_html_is_space (*s->p))
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
      else if (g_str_has_suffix (name, "WebPage") || strcmp (name, "ItemPage") == 0)
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
      if (id != NULL && node->keys->len > 1)
        {
          JNode *known = g_hash_table_lookup (found->ids, id);

          /* (the full object, with its @type, over a reference that
           * repeats only the name) */
          if (known == NULL || (j_get (known, "@type") == NULL && j_get (node, "@type") != NULL))
            g_hash_table_insert (found->ids, (gpointer) id, node);
        }
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

  return dossier_html_clean_text (decoded);
}

static gboolean
j_is_organization (JNode *node)
{
  static const char *const kinds[] = {
    "Organization", "Corporation", "NGO", "LocalBusiness", "CollegeOrUniversity", "Brand",
    "WebSite", "NewsMediaOrganization",
  };
  JNode *type = j_get (node, "@type");

  if (type == NULL)
    return FALSE;
  for (guint i = 0; i < (type->type == 'a' ? type->items->len : 1); i++)
    {
      JNode *t = type->type == 'a' ? g_ptr_array_index (type->items, i) : type;
      const char *name = j_string (t);

      if (name == NULL)
        continue;
      for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_str_has_suffix (name, kinds[k]))
          return TRUE;
    }
  return FALSE;
}

static gboolean
j_is_person (JNode *node)
{
  JNode *type = j_get (node, "@type");

  for (guint i = 0; type != NULL && i < (type->type == 'a' ? type->items->len : 1); i++)
    {
      const char *name = j_string (type->type == 'a' ? g_ptr_array_index (type->items, i) : type);

      if (name != NULL && g_str_has_suffix (name, "Person"))
        return TRUE;
    }
  return FALSE;
}

static void
j_names (JFound   *found,
         JNode    *node,
         GString  *out,
         gboolean *all_persons,
         int       depth)
{
  g_autofree char *name = NULL;

  if (node == NULL || depth > 4)
    return;
  if (node->type == 'a')
    {
      for (guint i = 0; i < node->items->len; i++)
        j_names (found, g_ptr_array_index (node->items, i), out, all_persons, depth + 1);
      return;
    }
  node = j_resolve (found, node);
  /* The publisher standing in as author is no byline. */
  if (j_is_organization (node))
    return;
  if (!j_is_person (node))
    *all_persons = FALSE;
  name = j_clean (node->type == 's' ? node->str : j_string (j_get (node, "name")));
  if (name == NULL || (out->len > 0 && strstr (out->str, name) != NULL))
    return;
  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append (out, name);
}

void
dossier_html_json_ld_clear (JsonLd *ld)
{
  g_free (ld->headline);
  g_free (ld->author);
  g_free (ld->publisher);
  g_free (ld->published);
  g_free (ld->url);
  g_free (ld->site_name);
  g_free (ld->description);
}

void
dossier_html_read_json_ld (Reader *r,
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
      ld->description = j_clean (j_string (j_get (a, "description")));

      v = j_get (a, "author");
      if (v == NULL)
        v = j_get (a, "creator");
      if (v != NULL)
        {
          GString *names = g_string_new (NULL);

          ld->author_is_person = TRUE;
          j_names (&found, v, names, &ld->author_is_person, 0);
          ld->author = dossier_html_clean_text (names->str);
          if (ld->author == NULL)
            ld->author_is_person = FALSE;
          g_string_free (names, TRUE);
        }

      v = j_get (a, "publisher");
      if (v == NULL)
        v = j_get (a, "sourceOrganization");
      if (v != NULL && v->type == 'a' && v->items->len > 0)
        v = g_ptr_array_index (v->items, 0);
      v = j_resolve (&found, v);
      /* (a blogger publishing under their own name: not the site's name) */
      if (v != NULL && !j_is_person (v))
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
