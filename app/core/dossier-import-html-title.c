/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-html-title.c — the HTML importer's headline: which of
 * the titles a page gives is the article's.
 *
 * A page names its article several times: <title> (usually with the site's
 * name, sometimes a section's too), og:title and twitter:title (sometimes a
 * shorter social headline, sometimes the site's name on every page),
 * JSON-LD's headline (sometimes the description), Parse.ly, Dublin Core and
 * microdata, and the headings on the page, of which the first <h1> may be
 * the logo or a section's name ("Health Center"), or hold a kicker set
 * apart from the headline ("Wohnungsmarkt" above "Die Mieten steigen").
 * No single source is right on every site, so they vote: each text, and
 * each piece of it between separators ("Headline | Section | Site"), earns
 * points from every source that says it whole or as such a piece, and from
 * the page's own headings that say it; the site's own name earns none.
 */

#include "config.h"

#include <string.h>

#include "dossier-import-html-private.h"

#define MAX_CUTS 8
#define MAX_TITLE_BYTES 600
#define MAX_CANDIDATES 96

/* ------------------------------------------------------------------------
 * Separators
 * ------------------------------------------------------------------------ */

static const char *const spaced_separators[] = {
  " | ", " - ", " \u2013 ", " \u2014 ", " \u00B7 ", " :: ", " \u00BB ", " \u00AB ",
  " \u2022 ", " ~ ", " / ", " \u2015 ",
};

typedef struct
{
  gsize start;  /* byte offsets of the separator */
  gsize end;
} Cut;

static gboolean
is_wide (gunichar c)
{
  return c >= 0x80 && !g_unichar_isspace (c);
}

/* Where @s can be cut into "Headline", "Section", "Site": spaced bars and
 * dashes, ": " after a word, full-width bars and colons, and bars, dashes
 * and underscores written without spaces next to non-Latin text
 * ("标题-新华网", "見出し_サイト"), never inside a Latin word ("Wi-Fi"). */
static guint
find_cuts (const char *s,
           Cut        *cuts)
{
  guint n = 0;
  gunichar prev = 0;

  for (const char *p = s; *p != '\0' && n < MAX_CUTS;)
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);
      gsize sep_len = 0;

      for (gsize i = 0; i < G_N_ELEMENTS (spaced_separators) && sep_len == 0; i++)
        if (strncmp (p, spaced_separators[i], strlen (spaced_separators[i])) == 0)
          sep_len = strlen (spaced_separators[i]);
      if (sep_len == 0 && c == ':' && p > s && p[1] == ' ' && !g_ascii_isdigit (p[-1]))
        sep_len = 2;
      if (sep_len == 0 && (c == 0xFF5C || c == 0xFF1A))
        sep_len = next - p;
      if (sep_len == 0 && p > s && (c == '|' || c == '_' || c == '-' || c == 0x2013 || c == 0x2014))
        {
          gunichar after = g_utf8_get_char (next);

          if (c == '|' || is_wide (prev) || is_wide (after))
            sep_len = next - p;
        }
      if (sep_len > 0 && p > s && p[sep_len] != '\0')
        {
          cuts[n].start = p - s;
          cuts[n].end = p - s + sep_len;
          n++;
          prev = 0;
          p += sep_len;
          continue;
        }
      prev = c;
      p = next;
    }
  return n;
}

/* "見出し（毎朝ニュース）", "Headline (video)": @piece without a short
 * parenthesis at its end, or NULL. */
static char *
without_parenthesis (const char *piece)
{
  static const char *const pairs[][2] = { { "\uFF08", "\uFF09" }, { " (", ")" } };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const char *open = g_strrstr (piece, pairs[i][0]);

      if (open != NULL && open > piece && g_str_has_suffix (piece, pairs[i][1]) &&
          strlen (open) <= 60)
        return g_strstrip (g_strndup (piece, open - piece));
    }
  return NULL;
}

/* Every piece of @s between two cuts (or an end), trimmed, without @s
 * itself; and each without a parenthesis at its end. */
static GPtrArray *
pieces (const char *s)
{
  Cut cuts[MAX_CUTS];
  guint n = find_cuts (s, cuts);
  gsize len = strlen (s);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint a = 0; a <= n; a++)
    for (guint b = a; b <= n; b++)
      {
        gsize from = a == 0 ? 0 : cuts[a - 1].end;
        gsize to = b == n ? len : cuts[b].start;
        char *piece;

        if ((a == 0 && b == n) || to <= from)
          continue;
        piece = g_strstrip (g_strndup (s + from, to - from));
        if (*piece == '\0')
          g_free (piece);
        else
          g_ptr_array_add (out, piece);
      }
  for (guint i = 0, n_pieces = out->len; i <= n_pieces; i++)
    {
      char *bare = without_parenthesis (i < n_pieces ? g_ptr_array_index (out, i) : s);

      if (bare != NULL && *bare != '\0')
        g_ptr_array_add (out, bare);
      else
        g_free (bare);
    }
  return out;
}

gboolean
dossier_html_names_match (const char *a,
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

char *
dossier_html_strip_outlet (const char *title,
                           const char *outlet)
{
  Cut cuts[MAX_CUTS];
  guint n;

  if (title == NULL)
    return NULL;
  if (outlet == NULL)
    return g_strdup (title);

  n = find_cuts (title, cuts);
  if (n > 0 && dossier_html_names_match (title + cuts[n - 1].end, outlet))
    return g_strstrip (g_strndup (title, cuts[n - 1].start));
  if (n > 0)
    {
      g_autofree char *head = g_strndup (title, cuts[0].start);

      if (dossier_html_names_match (head, outlet))
        return g_strstrip (g_strdup (title + cuts[0].end));
    }
  return g_strdup (title);
}

/* ------------------------------------------------------------------------
 * The site's own name
 * ------------------------------------------------------------------------ */

/* @a and @b (comparable keys) name the same thing: equal, or one holds the
 * other and is not much longer ("Daily Digest News" and "Daily Digest",
 * but not "Guardian Media Group sells the Observer" and "Guardian"). */
static gboolean
keys_alike (const char *a,
            const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  if (la == 0 || lb == 0)
    return FALSE;
  if (strcmp (a, b) == 0)
    return TRUE;
  if (la < lb)
    return la * 10 >= lb * 7 && strstr (b, a) != NULL;
  return lb * 10 >= la * 7 && strstr (a, b) != NULL;
}

gboolean
dossier_html_is_site_name (Reader     *r,
                           JsonLd     *ld,
                           const char *outlet,
                           const char *name)
{
  const char *names[] = {
    outlet, r->og_site_name, r->application_name, r->meta_publisher,
    ld != NULL ? ld->publisher : NULL, ld != NULL ? ld->site_name : NULL,
  };
  g_autofree char *key = NULL;

  if (name == NULL)
    return FALSE;
  key = dossier_html_comparable (name);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i] != NULL)
      {
        g_autofree char *other = dossier_html_comparable (names[i]);
        Cut cuts[MAX_CUTS];
        guint n;

        if (keys_alike (key, other))
          return TRUE;
        /* "Portal News | The Daily": a portal's name and the paper's. */
        n = find_cuts (names[i], cuts);
        for (guint c = 0; c <= n && n > 0; c++)
          {
            gsize from = c == 0 ? 0 : cuts[c - 1].end;
            gsize to = c == n ? strlen (names[i]) : cuts[c].start;
            g_autofree char *piece = g_strndup (names[i] + from, to - from);
            g_autofree char *piece_key = dossier_html_comparable (piece);

            if (keys_alike (key, piece_key))
              return TRUE;
          }
      }

  /* The brand at either end of <title> ("Headline - Site", "Site:
   * Headline"), unless it is the longest piece, the headline; and a
   * parenthesis at the end of a piece ("見出し（提供元）"). */
  if (r->html_title != NULL)
    {
      const char *t = r->html_title;
      Cut cuts[MAX_CUTS];
      guint n = find_cuts (t, cuts), longest = 0;
      gsize longest_len = 0;

      for (guint i = 0; i <= n; i++)
        {
          gsize from = i == 0 ? 0 : cuts[i - 1].end;
          gsize to = i == n ? strlen (t) : cuts[i].start;

          if (to - from > longest_len)
            {
              longest = i;
              longest_len = to - from;
            }
        }
      for (guint i = 0; i <= n; i++)
        {
          gsize from = i == 0 ? 0 : cuts[i - 1].end;
          gsize to = i == n ? strlen (t) : cuts[i].start;
          g_autofree char *leaf = g_strndup (t + from, to - from);
          g_autofree char *bare = without_parenthesis (leaf);
          g_autofree char *other = NULL;

          if (bare != NULL)
            {
              /* the parenthesis itself: "（提供元）" */
              g_autofree char *inside = dossier_html_comparable (leaf + strlen (bare));

              if (strcmp (key, inside) == 0)
                return TRUE;
            }
          /* (a middle piece may be the columnist: "Headline | Jane Doe | Site") */
          if (i == longest || (i != 0 && i != n))
            continue;
          other = dossier_html_comparable (leaf);
          if (strcmp (key, other) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* ------------------------------------------------------------------------
 * The vote
 * ------------------------------------------------------------------------ */

typedef enum
{
  S_OG,
  S_LD,
  S_PARSELY,
  S_DC,
  S_MICRODATA,
  S_TWITTER,
  S_HTML_TITLE,
  N_SOURCES,
  S_HEADING = N_SOURCES,
} Source;

/* Points for saying a candidate whole, and as a piece between separators.
 * <title> says the headline with the site around it by design, so saying
 * it whole earns no more than as a piece. */
static const int whole_points[N_SOURCES] = { 3, 3, 3, 3, 3, 3, 2 };
static const int piece_points[N_SOURCES] = { 2, 2, 2, 2, 2, 2, 2 };

typedef struct
{
  char       *key;      /* comparable */
  GHashTable *pieces;   /* comparable keys of its pieces */
} Said;

typedef struct
{
  char    *text;
  char    *key;
  int      score;
  int      best;        /* the strongest source that says it */
  gboolean heading;     /* a heading on the page says it */
} Candidate;

static void
said_clear (Said *said)
{
  g_clear_pointer (&said->key, g_free);
  g_clear_pointer (&said->pieces, g_hash_table_unref);
}

static void
candidate_free (Candidate *c)
{
  g_free (c->text);
  g_free (c->key);
  g_free (c);
}

static void
add_candidate (GPtrArray  *candidates,
               GHashTable *seen,
               const char *text,
               const char *outlet_key)
{
  Candidate *c;
  char *key;

  if (candidates->len >= MAX_CANDIDATES || strlen (text) > MAX_TITLE_BYTES)
    return;
  key = dossier_html_comparable (text);
  if (*key == '\0' || g_hash_table_contains (seen, key) ||
      (outlet_key != NULL && keys_alike (key, outlet_key)))
    {
      g_free (key);
      return;
    }
  c = g_new0 (Candidate, 1);
  c->text = g_strdup (text);
  c->key = key;
  c->best = S_HEADING + 1;
  g_hash_table_add (seen, c->key);
  g_ptr_array_add (candidates, c);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = *(Candidate * const *) a;
  const Candidate *y = *(Candidate * const *) b;

  if (x->score != y->score)
    return y->score - x->score;
  if (x->heading != y->heading)
    return y->heading - x->heading;
  if (x->best != y->best)
    return x->best - y->best;
  return (int) strlen (y->key) - (int) strlen (x->key);
}

/* "<h1><span>Wohnungsmarkt</span><span>Die Mieten steigen</span></h1>":
 * a kicker, a short first element set apart from the headline in the
 * same heading. Returns the headline without it, or NULL. */
static char *
without_kicker (xmlNode *heading)
{
  xmlNode *first = NULL;
  gboolean more = FALSE;
  g_autofree char *kicker = NULL;
  g_autofree char *whole = NULL;
  const char *rest;
  guint words = 1;

  for (xmlNode *c = heading->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        {
          /* (a text node beside it: "<b>Live</b> Storms hit …" is one line) */
          for (const xmlChar *t = c->content; t != NULL && *t != '\0'; t++)
            if (!g_ascii_isspace (*t))
              return NULL;
          continue;
        }
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (first == NULL)
        {
          g_autofree char *text = dossier_html_node_text (c);

          if (text != NULL)
            first = c;
        }
      else
        more = TRUE;
    }
  if (first == NULL || !more || (kicker = dossier_html_node_text (first)) == NULL ||
      (whole = dossier_html_node_text (heading)) == NULL || !g_str_has_prefix (whole, kicker))
    return NULL;
  for (const char *p = kicker; *p != '\0'; p++)
    words += *p == ' ';
  rest = whole + strlen (kicker);
  while (*rest != '\0' && (g_ascii_isspace (*rest) || g_ascii_ispunct (*rest)))
    rest++;
  /* (a kicker is a word or a few; the headline is longer than it and
   * starts as a sentence does: "<span>Mayor</span> <span>says no</span>"
   * is one line split for style) */
  if (words > 4 || g_utf8_strlen (kicker, -1) > 40 || strlen (rest) <= strlen (kicker) ||
      strchr (rest, ' ') == NULL || g_unichar_islower (g_utf8_get_char (rest)))
    return NULL;
  return g_strdup (rest);
}

char *
dossier_html_resolve_title (Reader     *r,
                            xmlNode    *root,
                            JsonLd     *ld,
                            const char *outlet)
{
  const char *raw[N_SOURCES] = {
    r->og_title, ld->headline, r->parsely_title, r->dc_title, r->itemprop_headline,
    r->twitter_title, r->html_title,
  };
  char *values[N_SOURCES] = { NULL };
  Said said[N_SOURCES] = { { NULL, NULL } };
  g_autoptr(GPtrArray) candidates =
    g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) heading_keys =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *outlet_key = outlet != NULL ? dossier_html_comparable (outlet) : NULL;
  g_autofree char *description_key = NULL;
  g_autofree char *h1_text = NULL;
  /* heading's key → its key without the kicker */
  g_autoptr(GHashTable) kickers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xmlNode *h1;
  char *title = NULL;

  if (outlet_key != NULL && *outlet_key == '\0')
    g_clear_pointer (&outlet_key, g_free);
  if (r->description != NULL || ld->description != NULL)
    description_key = dossier_html_comparable (r->description != NULL ? r->description
                                                                       : ld->description);

  for (int s = 0; s < N_SOURCES; s++)
    {
      if (raw[s] == NULL)
        continue;
      values[s] = dossier_html_strip_outlet (raw[s], outlet);
      said[s].key = dossier_html_comparable (values[s]);
      if (*said[s].key == '\0')
        {
          g_clear_pointer (&values[s], g_free);
          said_clear (&said[s]);
        }
    }

  /* A CMS that fills JSON-LD's headline with the description. */
  if (said[S_LD].key != NULL && description_key != NULL &&
      strcmp (said[S_LD].key, description_key) == 0)
    {
      gboolean echoed = FALSE;

      for (int s = 0; s < N_SOURCES; s++)
        echoed |= s != S_LD && said[s].key != NULL && strcmp (said[s].key, said[S_LD].key) == 0;
      if (!echoed)
        {
          g_clear_pointer (&values[S_LD], g_free);
          said_clear (&said[S_LD]);
        }
    }

  /* Candidates: what each source says, whole and in pieces; the first
   * <h1> in the article (or outside the page's header) on its own. */
  for (int s = 0; s < N_SOURCES; s++)
    {
      g_autoptr(GPtrArray) parts = NULL;

      if (values[s] == NULL)
        continue;
      add_candidate (candidates, seen, values[s], outlet_key);
      parts = pieces (values[s]);
      said[s].pieces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < parts->len; i++)
        {
          const char *part = g_ptr_array_index (parts, i);

          add_candidate (candidates, seen, part, outlet_key);
          g_hash_table_add (said[s].pieces, dossier_html_comparable (part));
        }
    }
  h1 = dossier_html_find_h1 (r, root);
  if (h1 != NULL && (h1_text = dossier_html_node_text (h1)) != NULL)
    add_candidate (candidates, seen, h1_text, outlet_key);

  /* The headings and headline-like elements on the page: 2 for being
   * shown, 1 more inside the article. */
  for (guint i = 0; i < r->headings->len; i++)
    {
      xmlNode *node = g_ptr_array_index (r->headings, i);
      g_autofree char *text = dossier_html_node_text (node);
      char *key;
      gpointer points;

      if (text == NULL || strlen (text) > MAX_TITLE_BYTES)
        continue;
      key = dossier_html_comparable (text);
      points = GINT_TO_POINTER (dossier_html_is_inside (node, root) ? 3 : 2);
      {
        g_autofree char *headline = without_kicker (node);

        if (headline != NULL)
          {
            add_candidate (candidates, seen, headline, outlet_key);
            g_hash_table_replace (kickers, g_strdup (key), dossier_html_comparable (headline));
          }
      }
      if (GPOINTER_TO_INT (g_hash_table_lookup (heading_keys, key)) >= GPOINTER_TO_INT (points))
        g_free (key);
      else
        g_hash_table_replace (heading_keys, key, points);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (candidates, i);
      int heading = GPOINTER_TO_INT (g_hash_table_lookup (heading_keys, c->key));

      for (int s = 0; s < N_SOURCES; s++)
        {
          int points = 0;

          if (said[s].key == NULL)
            continue;
          if (strcmp (said[s].key, c->key) == 0)
            points = whole_points[s];
          else if (g_hash_table_contains (said[s].pieces, c->key))
            points = piece_points[s];
          if (points > 0)
            {
              c->score += points;
              c->best = MIN (c->best, s);
            }
        }
      if (heading > 0)
        {
          c->score += heading;
          c->heading = TRUE;
          c->best = MIN (c->best, (int) S_HEADING);
        }
    }

  /* What the sources say of "Kicker: Headline" they say of the headline
   * the page's heading sets apart from its kicker. */
  if (g_hash_table_size (kickers) > 0)
    for (guint i = 0; i < candidates->len; i++)
      {
        Candidate *c = g_ptr_array_index (candidates, i);
        const char *bare = g_hash_table_lookup (kickers, c->key);

        for (guint j = 0; bare != NULL && j < candidates->len; j++)
          {
            Candidate *h = g_ptr_array_index (candidates, j);

            if (strcmp (h->key, bare) == 0 && h->score <= c->score)
              {
                h->score = c->score + 1;
                h->heading = TRUE;
                h->best = MIN (h->best, c->best);
              }
          }
      }

  if (candidates->len > 0)
    {
      Candidate *winner;

      g_ptr_array_sort (candidates, compare_candidates);
      winner = g_ptr_array_index (candidates, 0);
      if (winner->score > 0)
        title = g_strdup (winner->text);
    }

  for (int s = 0; s < N_SOURCES; s++)
    {
      g_free (values[s]);
      said_clear (&said[s]);
    }
  return title;
}
