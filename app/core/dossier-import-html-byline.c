/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-html-byline.c — the HTML importer's byline: the people
 * who wrote the article, from JSON-LD, <meta> tags, rel=author links,
 * byline boxes and the "By …" lines under the headline.
 *
 * Sources are tried in order of trust; each is cleaned ("By", job titles,
 * credentials, dates and the site's name go), split into names, and the
 * first that names a person wins. An organisation — the site itself, a
 * "Staff" or "Desk" byline — is not a person: a page that names nobody
 * gets no byline rather than its own name.
 */

#include "config.h"

#include <string.h>

#include "dossier-import-html-private.h"

#define MAX_NAME_CHARS 80
#define MAX_NAMES 12

/* Labels before the names, with their colon ("Autor: …", "Penulis : …"):
 * a line that starts so is a byline wherever it stands. Case-folded. */
static const char *const byline_labels[] = {
  "author: ", "author : ", "authors: ", "autor: ", "autor : ", "autora: ", "autores: ",
  "auteur : ", "auteur: ", "auteurs : ", "autore: ", "penulis: ", "penulis : ",
  "reporter: ", "reporter : ", "yazar: ", "muhabir: ", "haber: ", "text: ", "texto: ", "von: ",
  "par : ", "autorka: ", "tekst: ", "door: ", "tekst en foto: ", "forfatter: ", "skrevet af: ",
  "\u0430\u0432\u0442\u043E\u0440: ", "\u0430\u0432\u0442\u043E\u0440\u044B: ",  /* Russian */
  /* Persian: writer, report, reporter */
  "\u0646\u0648\u06CC\u0633\u0646\u062F\u0647: ", "\u0646\u0648\u06CC\u0633\u0646\u062F\u0647 : ",
  "\u06AF\u0632\u0627\u0631\u0634: ", "\u062E\u0628\u0631\u0646\u06AF\u0627\u0631: ",
  /* Hindi: report, writer */
  "\u0930\u093F\u092A\u094B\u0930\u094D\u091F: ", "\u0932\u0947\u0916\u0915: ",
};

/* Case-folded; the longest first where one starts another. */
static const char *const byline_prefixes[] = {
  "written by ", "words by ", "text by ", "story by ", "reporting by ", "posted by ",
  "submitted by ", "published by ", "escrito por ", "texto de ", "by: ", "by ", "por: ", "por ",
  "par ", "von ", "door ", "av ", "af ", "oprac. ", "opr. ", "scritto da ", "di: ",
  "\u0628\u0642\u0644\u0645: ", "\u0628\u0642\u0644\u0645 ",          /* Arabic: "by the pen of" */
  "\u0643\u062A\u0628\u062A: ", "\u0643\u062A\u0628\u062A ",          /* Arabic: "she wrote" */
  "\u0643\u062A\u0628: ", "\u0643\u062A\u0628 ",                      /* Arabic: "wrote" */
  "\u05DE\u05D0\u05EA: ", "\u05DE\u05D0\u05EA ",                      /* Hebrew: "by" */
  "\u4F5C\u8005\uFF1A", "\u4F5C\u8005:", "\u6587\uFF0F", "\u6587/",   /* Chinese: "author:" */
  "\u8BB0\u8005 ", "\u8BB0\u8005",                                    /* Chinese: "reporter" */
};

/* "reporter" in Chinese, written before the name. */
static const char *const reporter_words[] = { "\u8BB0\u8005", "\u8A18\u8005" };

/* "Name 기자", "名前記者": reporter, after the name. */
static const char *const byline_suffixes[] = {
  " \uAE30\uC790", "\uAE30\uC790", " \u8A18\u8005", "\u8A18\u8005", " \u8BB0\u8005", "\u8BB0\u8005",
};

/* Where a byline line goes on to say something else. */
static const char *const byline_cuts[] = {
  " | ", " \u00B7 ", " \u2022 ", " \u2014 ", " \u2013 ", " - ", "\n", "Published", "Updated",
  "Posted", "Publicado", "Actualizado", "Publi\u00E9", "Mis \u00E0 jour", "Ver\u00F6ffentlicht",
  "Aktualisiert", "@",
};

/* Words that make a phrase a job, a credential's companion or an
 * organisation rather than a person ("Transport correspondent", "KWTV
 * Staff", "Office of Communications"). */
static const char *const not_person_words[] = {
  "writer", "reporter", "correspondent", "editor", "editors", "editorial", "staff", "journalist",
  "columnist", "contributor", "contributing", "producer", "analyst", "redactor", "corresponsal",
  "periodista", "redaktion", "r\u00E9daction", "redacci\u00F3n", "desk", "newsroom", "team",
  "office", "department", "bureau", "communications", "university", "press", "agencies",
  "photographer", "intern", "freelance", "correspondant", "korrespondent", "news", "media",
};

/* What a CMS writes where it has no author's name. Case-folded. */
static const char *const placeholder_names[] = {
  "unknown", "anonymous", "anonym", "anonyme", "an\u00F3nimo", "admin", "administrator",
  "administrador", "guest", "guest author", "webmaster", "user", "author", "autor", "null",
  "undefined", "none", "redazione", "reda\u00E7\u00E3o", "redactie", "redakcja", "wire",
};

static gboolean
has_word_folded (const char *folded,
                 const char *word)
{
  gsize len = strlen (word);

  for (const char *hit = strstr (folded, word); hit != NULL; hit = strstr (hit + 1, word))
    {
      gboolean start = hit == folded ||
                       !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (hit)));
      gboolean end = hit[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (hit + len));

      if (start && end)
        return TRUE;
    }
  return FALSE;
}

/* "MD", "Ph.D.", "RN": a credential after a comma. */
static gboolean
is_credential (const char *s)
{
  gsize letters = 0, upper = 0;

  for (const char *p = s; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          letters++;
          upper += g_ascii_isupper (*p);
        }
      else if (*p != '.' && *p != ' ')
        return FALSE;
    }
  return letters >= 2 && letters <= 5 && upper * 2 > letters;
}

static gboolean
is_month (const char *word,
          gsize       len)
{
  static const char *const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "ene", "abr", "ago", "dic", "janv", "f\u00E9v", "avr", "mai", "juin", "juil", "ao\u00FBt",
    "d\u00E9c", "m\u00E4r", "okt", "dez",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (months); i++)
    if (len >= strlen (months[i]) && g_ascii_strncasecmp (word, months[i], strlen (months[i])) == 0)
      return TRUE;
  return FALSE;
}

/* "Owen Pritchard 2 May 2024", "Jane Doe on March 3": the date and what
 * leads to it go. Names have no digits. */
static void
cut_date (char *s)
{
  char *digit = s;
  gboolean cut = FALSE;

  while (*digit != '\0' && !g_ascii_isdigit (*digit))
    digit++;
  if (*digit == '\0' || digit == s)
    return;
  *digit = '\0';
  /* Back over a month name and connecting words before the date. */
  for (int words = 0; words < 3 && !cut; words++)
    {
      char *end, *start;

      g_strchomp (s);
      end = s + strlen (s);
      start = end;
      while (start > s && start[-1] != ' ')
        start--;
      if (start == s)
        break;
      if (is_month (start, end - start) || strcmp (start, "on") == 0 || strcmp (start, "at") == 0 ||
          strcmp (start, "le") == 0 || strcmp (start, "am") == 0 || strcmp (start, "el") == 0 ||
          strcmp (start, "de") == 0 || strcmp (start, "\u00B7") == 0 || strcmp (start, "|") == 0 ||
          strcmp (start, ",") == 0)
        *start = '\0';
      else
        cut = TRUE;
    }
}

/* @text after the first of @prefixes it starts with (case-folded), or NULL. */
static const char *
after_prefix (const char         *text,
              const char * const *prefixes,
              gsize               n)
{
  g_autofree char *head = g_utf8_substring (text, 0, 24);
  g_autofree char *folded = g_utf8_casefold (head, -1);

  for (gsize i = 0; i < n; i++)
    if (g_str_has_prefix (folded, prefixes[i]))
      /* (the prefixes keep their length in characters when folded) */
      return g_utf8_offset_to_pointer (text, g_utf8_strlen (prefixes[i], -1));
  return NULL;
}

/* @text after its "By " or "Autor: ", or @text itself. Italian's "di"
 * counts only in lower case: "Di Maria" is a name. */
static const char *
skip_prefix (const char *text)
{
  const char *rest = after_prefix (text, byline_labels, G_N_ELEMENTS (byline_labels));

  if (rest == NULL)
    rest = after_prefix (text, byline_prefixes, G_N_ELEMENTS (byline_prefixes));
  if (rest == NULL && g_str_has_prefix (text, "di ") &&
      g_unichar_isupper (g_utf8_get_char (text + 3)))
    rest = text + 3;
  /* "澎湃新闻记者 陈静", "本报记者 王芳": the outlet, then "reporter",
   * then the name. */
  if (rest == NULL)
    for (gsize i = 0; i < G_N_ELEMENTS (reporter_words) && rest == NULL; i++)
      {
        const char *hit = strstr (text, reporter_words[i]);

        /* (an outlet's name before it, a name after it; not a
         * dateline "…电（记者…" inside a paragraph) */
        if (hit != NULL && g_utf8_pointer_to_offset (text, hit) <= 10)
          {
            const char *after = hit + strlen (reporter_words[i]);
            gboolean outlet = TRUE;

            for (const char *p = text; p < hit && outlet; p = g_utf8_next_char (p))
              outlet = g_unichar_isalpha (g_utf8_get_char (p));
            while (*after == ' ')
              after++;
            /* (a Chinese name is two to four characters: "告诉记者，…"
             * is a sentence) */
            {
              glong name = 0;

              for (const char *p = after; *p != '\0' && *p != ' '; p = g_utf8_next_char (p))
                name = g_unichar_isalpha (g_utf8_get_char (p)) ? name + 1 : 99;
              if (outlet && name >= 2 && name <= 4)
                rest = after;
            }
          }
      }
  return rest != NULL ? rest : text;
}

gboolean
dossier_html_may_be_byline (const char *folded)
{
  if (skip_prefix (folded) != folded || g_str_has_prefix (folded, "di ") ||
      strstr (folded, " by ") != NULL)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (byline_suffixes); i++)
    if (g_str_has_suffix (folded, byline_suffixes[i]))
      return TRUE;
  return FALSE;
}

gboolean
dossier_html_is_byline_label (const char *text)
{
  return after_prefix (text, byline_labels, G_N_ELEMENTS (byline_labels)) != NULL;
}

/* "박지훈 기자(jihoon@example.com)", "Jane Doe jane@example.com": an
 * e-mail address, in brackets or not, is no part of a name. */
static char *
without_emails (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *out = g_string_new (NULL);

  for (char **w = words; *w != NULL; w++)
    {
      char *at = strchr (*w, '@');
      gsize keep = strlen (*w);

      if (at != NULL && strchr (at, '.') != NULL)
        {
          keep = 0;
          for (char *p = at; p > *w; p--)
            {
              if (p[-1] == '(' || p[-1] == '<' || p[-1] == '[')
                {
                  keep = p - 1 - *w;
                  break;
                }
              if (p - *w >= 3 && memcmp (p - 3, "\uFF08", 3) == 0)  /* full-width ( */
                {
                  keep = p - 3 - *w;
                  break;
                }
            }
        }
      if (keep == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, *w, keep);
    }
  return g_string_free (out, FALSE);
}

/* Where a label ends: "Źródło: PAP", "نویسنده: …"; not the colon of a
 * time ("10:30"). Returns the colon's byte offset and its length, or -1. */
static gssize
find_label_colon (const char *s,
                  gsize      *colon_len)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ':' && !(p > s && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1])))
        {
          *colon_len = 1;
          return p - s;
        }
      if (c == 0xFF1A)
        {
          *colon_len = g_utf8_next_char (p) - p;
          return p - s;
        }
    }
  return -1;
}

/* A label in a language we have no list for: "Word: Name" loses its
 * label; "Name Word: Other" loses what follows the name (a source, a
 * photographer). Names have no colons. */
static void
cut_labels (char *s)
{
  gsize colon_len;
  gssize colon = find_label_colon (s, &colon_len);
  g_autofree char *before = NULL;
  const char *after;
  guint words = 1;

  if (colon <= 0)
    return;
  before = g_strstrip (g_strndup (s, colon));
  after = s + colon + colon_len;
  while (*after == ' ')
    after++;
  for (const char *p = before; *p != '\0'; p++)
    words += *p == ' ';
  if (words <= 2 && g_utf8_strlen (before, -1) <= 20 && *after != '\0' &&
      !g_ascii_isdigit (*after))
    {
      memmove (s, after, strlen (after) + 1);
      return;
    }
  /* (back to the start of the label's word) */
  {
    char *space = strrchr (before, ' ');

    s[space != NULL ? space - before : colon] = '\0';
  }
}

/* "Holly Bracken for The Daily Post", "HOLLY BRACKEN FOR MAILONLINE": the
 * outlet a writer wrote for goes. */
static void
cut_for_outlet (char *s)
{
  static const char *const fors[] = { " for ", " pour ", " para ", " f\u00FCr " };
  g_autofree char *folded = g_ascii_strdown (s, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (fors); i++)
    {
      char *hit = strstr (folded, fors[i]);

      /* (after a name of two words or more: "Table for One" is a name) */
      if (hit != NULL && memchr (folded, ' ', hit - folded) != NULL)
        {
          const char *next = s + (hit - folded) + strlen (fors[i]);

          if (g_unichar_isupper (g_utf8_get_char (next)) || g_str_has_prefix (next, "the "))
            {
              s[hit - folded] = '\0';
              return;
            }
        }
    }
}

static gboolean
is_upper_word (const char *w,
               gsize       len)
{
  guint letters = 0;

  for (const char *p = w; p < w + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      letters += g_unichar_isupper (c);
    }
  return letters >= 1;
}

/* "SARAH LANE Staff Writer": a name in capitals, then a job in ordinary
 * case; the job goes. */
static void
cut_after_capitals (char *s)
{
  const char *p = s;
  guint upper_words = 0;

  while (*p != '\0')
    {
      const char *end = strchr (p, ' ');
      gsize len = end != NULL ? (gsize) (end - p) : strlen (p);

      if (is_upper_word (p, len))
        upper_words++;
      else if (upper_words >= 2 && g_unichar_isupper (g_utf8_get_char (p)))
        {
          s[p - s] = '\0';
          return;
        }
      else if (upper_words < 2)
        return;
      if (end == NULL)
        return;
      p = end + 1;
    }
}

char *
dossier_html_clean_byline (const char *raw)
{
  g_autofree char *cleaned = dossier_html_clean_text (raw);
  g_autofree char *text = NULL;
  char *result;
  char *comma;

  if (cleaned == NULL)
    return NULL;
  text = without_emails (cleaned);
  result = g_strdup (skip_prefix (text));
  for (gsize i = 0; i < G_N_ELEMENTS (byline_cuts); i++)
    {
      char *hit = strstr (result, byline_cuts[i]);

      if (hit != NULL)
        *hit = '\0';
    }
  g_strstrip (result);
  cut_labels (result);
  g_strstrip (result);
  /* "입력 2024.08.20 김민지 기자": the name just before "reporter". */
  for (gsize i = 0; i < G_N_ELEMENTS (byline_suffixes); i++)
    if (g_str_has_suffix (result, byline_suffixes[i]) &&
        strlen (result) > strlen (byline_suffixes[i]))
      {
        char *space;

        result[strlen (result) - strlen (byline_suffixes[i])] = '\0';
        g_strchomp (result);
        space = strrchr (result, ' ');
        if (space != NULL)
          memmove (result, space + 1, strlen (space + 1) + 1);
        break;
      }
  cut_date (result);
  g_strstrip (result);
  /* "Submitted by Jane Doe on" (the date was a <time>). */
  for (int i = 0; i < 2; i++)
    {
      static const char *const tails[] = { " on", " at", " le", " am", " el", " em", " \u00E0s" };

      for (gsize t = 0; t < G_N_ELEMENTS (tails); t++)
        if (g_str_has_suffix (result, tails[t]) && strlen (result) > strlen (tails[t]) + 2)
          {
            result[strlen (result) - strlen (tails[t])] = '\0';
            g_strstrip (result);
          }
    }

  cut_for_outlet (result);
  cut_after_capitals (result);
  g_strstrip (result);

  /* "Jane Doe, Transport correspondent", "Lauren Metz, RN": the job or
   * the credential goes; "A, B and C" stay. */
  for (comma = strstr (result, ", "); comma != NULL; comma = strstr (comma + 2, ", "))
    {
      g_autofree char *rest = g_strdup (comma + 2);
      g_autofree char *folded = NULL;
      char *next = strstr (rest, ", ");
      gboolean drop = FALSE;

      if (next != NULL)
        *next = '\0';
      folded = g_utf8_casefold (rest, -1);
      drop = is_credential (rest);
      for (gsize i = 0; i < G_N_ELEMENTS (not_person_words) && !drop; i++)
        drop = has_word_folded (folded, not_person_words[i]);
      if (drop)
        {
          *comma = '\0';
          break;
        }
    }

  g_strstrip (result);
  while (*result != '\0' && strchr (",;:", result[strlen (result) - 1]) != NULL)
    {
      result[strlen (result) - 1] = '\0';
      g_strstrip (result);
    }
  if (*result == '\0' || g_utf8_strlen (result, -1) > 120)
    g_clear_pointer (&result, g_free);
  return result;
}

/* ------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------ */

typedef struct
{
  Reader     *r;
  JsonLd     *ld;
  const char *outlet;
  gboolean    allow_site;  /* a person whose blog bears their name */
} Context;

static gboolean
is_person (const Context *ctx,
           const char    *name)
{
  g_autofree char *folded = NULL;
  glong chars = g_utf8_strlen (name, -1);
  guint words = 1;
  gboolean letter = FALSE;

  if (chars < 2 || chars > MAX_NAME_CHARS || g_str_has_prefix (name, "http"))
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      letter |= g_unichar_isalpha (g_utf8_get_char (p));
      words += *p == ' ';
    }
  /* Names begin with a capital where the script has them ("By the
   * numbers" is a heading). */
  if (!letter || words > 6 || g_unichar_islower (g_utf8_get_char (name)))
    return FALSE;
  folded = g_utf8_casefold (name, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (not_person_words); i++)
    if (has_word_folded (folded, not_person_words[i]))
      return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (placeholder_names); i++)
    if (strcmp (folded, placeholder_names[i]) == 0)
      return FALSE;
  /* "Photos by Jane Doe": a credit for another part of the work. */
  if (strstr (folded, " by ") != NULL)
    return FALSE;
  return ctx == NULL || ctx->allow_site ||
         !dossier_html_is_site_name (ctx->r, ctx->ld, ctx->outlet, name);
}

/* News agencies, credited beside the reporter on a partner's page. */
static gboolean
is_agency (const char *name)
{
  static const char *const agencies[] = {
    "ap", "afp", "reuters", "dpa", "efe", "ansa", "anp", "apa", "bloomberg", "xinhua", "kyodo",
    "yonhap", "tass", "ria novosti", "anadolu", "pa", "pa media", "upi", "aap", "cp", "epa",
    "europa press", "agencia efe", "nurphoto",
  };
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (agencies); i++)
    if (strcmp (folded, agencies[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The people @raw names, cleaned, joined with ", "; NULL if none. */
static char *
names_of (const Context *ctx,
          const char    *raw)
{
  static const char *const joins[] = {
    " and ", " & ", " y ", " et ", " und ", " e ", " \u0648 ", " i ", " och ", " og ",
  };
  g_autofree char *clean = dossier_html_clean_byline (raw);
  GString *s;
  GString *out;
  GString *agencies;
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (clean == NULL)
    return NULL;
  s = g_string_new (clean);
  for (gsize i = 0; i < G_N_ELEMENTS (joins); i++)
    g_string_replace (s, joins[i], "\n", 0);
  g_string_replace (s, ", ", "\n", 0);
  g_string_replace (s, "; ", "\n", 0);
  g_string_replace (s, "\u3001", "\n", 0);  /* ideographic comma */
  g_string_replace (s, "\u060C ", "\n", 0); /* Arabic comma */
  g_string_replace (s, "\u060C", "\n", 0);
  g_string_replace (s, "\uFF0C", "\n", 0);  /* full-width comma */
  parts = g_strsplit (s->str, "\n", -1);
  g_string_free (s, TRUE);

  out = g_string_new (NULL);
  agencies = g_string_new (NULL);
  for (char **part = parts; *part != NULL && n < MAX_NAMES; part++)
    {
      g_autofree char *name = dossier_html_clean_byline (*part);
      GString *to;

      if (name == NULL || !is_person (ctx, name))
        continue;
      to = is_agency (name) ? agencies : out;
      if (strstr (to->str, name) != NULL)
        continue;
      if (to->len > 0)
        g_string_append (to, ", ");
      g_string_append (to, name);
      n++;
    }
  /* "By Jane Doe, Reuters" names Jane Doe; "By AFP" names the agency. */
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      out = g_steal_pointer (&agencies);
    }
  else
    g_string_free (agencies, TRUE);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------
 * Byline boxes and links on the page
 * ------------------------------------------------------------------------ */

gboolean
dossier_html_in_article_area (Reader  *r,
                              xmlNode *node,
                              xmlNode *near)
{
  for (xmlNode *n = node; n != NULL; n = dossier_html_parent (n))
    {
      NodeInfo *info = dossier_html_info (r, n);

      if (info == NULL)
        return FALSE;
      if (info->flags & F_CLEAN)
        return TRUE;
      if (info->flags & F_JUNK)
        {
          if (info->flags & (F_QUIET | F_COMMENTS))
            return FALSE;
          if (info->flags & F_BYLINE)
            return TRUE;
          return near != NULL && dossier_html_is_inside (n, near);
        }
    }
  return FALSE;
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

/* The names in a byline box, read line by line: "3 April 2024 / By Calum
 * Drummond / Scotland reporter" is a date, a name and a job. A line that
 * is only "By" or "Written by" leads into the next. */
static char *
author_from_node (const Context *ctx,
                  xmlNode       *node)
{
  const char *content = dossier_html_attr (node, "content");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *carry = NULL;
  FindName f = { NULL, 0 };
  NodeInfo *info = dossier_html_info (ctx->r, node);

  if (content != NULL && *content != '\0')
    return names_of (ctx, content);
  /* (an <article class="author-jane-doe"> is no byline box) */
  if (info != NULL && info->text > 400)
    return NULL;
  dossier_html_walk (node, find_name_enter, NULL, &f);
  text = dossier_html_peek_lines (f.found != NULL ? f.found : node, 1024);
  lines = g_strsplit (text, "\n", 16);
  for (char **line = lines; *line != NULL; line++)
    {
      g_autofree char *clean = dossier_html_clean_text (*line);
      g_autofree char *joined = NULL;
      char *names;

      if (clean == NULL)
        continue;
      joined = carry != NULL ? g_strconcat (carry, " ", clean, NULL) : g_strdup (clean);
      g_clear_pointer (&carry, g_free);
      {
        g_autofree char *folded = g_utf8_casefold (joined, -1);

        /* "Written by" on its own line, with the name on the next. */
        if (strcmp (folded, "by") == 0 || strcmp (folded, "written by") == 0 ||
            strcmp (folded, "posted by") == 0)
          {
            carry = g_steal_pointer (&joined);
            continue;
          }
      }
      names = names_of (ctx, joined);
      if (names != NULL)
        return names;
    }
  return NULL;
}

/* The first usable node inside the article root, else the first usable one. */
static xmlNode *
pick_node (Reader    *r,
           GPtrArray *nodes,
           xmlNode   *root,
           guint      skip)
{
  guint seen = 0;

  for (int inside = 1; inside >= 0; inside--)
    for (guint i = 0; i < nodes->len; i++)
      {
        xmlNode *node = g_ptr_array_index (nodes, i);

        /* (the furniture right around the body: a post's footer) */
        if (dossier_html_is_inside (node, root) != inside ||
            !dossier_html_in_article_area (r, node, root != r->body ? dossier_html_parent (root)
                                                                    : NULL))
          continue;
        if (seen++ == skip)
          return node;
      }
  return NULL;
}

/* ------------------------------------------------------------------------
 * Lines of text
 * ------------------------------------------------------------------------ */

char *
dossier_html_byline_from_line (const char *line)
{
  g_autofree char *clean = dossier_html_clean_text (line);
  g_autofree char *folded = NULL;
  const char *from = NULL;

  if (clean == NULL || g_utf8_strlen (clean, -1) > 150)
    return NULL;
  folded = g_utf8_casefold (clean, -1);
  if (skip_prefix (clean) != clean || g_str_has_prefix (clean, "di "))
    from = clean;
  else
    {
      /* "27 February 2024 · By Grace Liddell": the byline after a date. */
      static const char *const middles[] = { " \u00B7 by ", " | by ", " \u2022 by ", " - by " };

      for (gsize i = 0; i < G_N_ELEMENTS (middles) && from == NULL; i++)
        {
          const char *hit = strstr (folded, middles[i]);

          /* (folding kept these ASCII offsets) */
          if (hit != NULL && strlen (folded) == strlen (clean))
            from = clean + (hit - folded) + strlen (middles[i]) - 3;
        }
    }
  if (from == NULL && g_utf8_strlen (clean, -1) <= 40)
    for (gsize i = 0; i < G_N_ELEMENTS (byline_suffixes) && from == NULL; i++)
      if (g_str_has_suffix (clean, byline_suffixes[i]))
        from = clean;
  if (from == NULL)
    return NULL;
  return names_of (NULL, from);
}

/* Last words of a publication's name ("East Kettlewick Voice", "Northern
 * Press Association"), case-folded; none that is also a common surname
 * (Post, Star, Mail). */
static const char *const outlet_words[] = {
  "voice", "herald", "gazette", "times", "tribune", "chronicle", "courier", "journal",
  "observer", "guardian", "telegraph", "ledger", "examiner", "inquirer", "sentinel",
  "dispatch", "bulletin", "advertiser", "news", "press", "association", "agency", "magazine",
  "daily", "weekly", "radio", "television",
};

/* Whether @part of a byline, after the names, is a publication's name:
 * "The Fenwick Gazette", or two words or more ending as one does. */
static gboolean
is_outlet_part (const char *part)
{
  const char *last = strrchr (part, ' ');
  g_autofree char *folded = NULL;

  if (g_str_has_prefix (part, "The ") && part[4] != '\0')
    return TRUE;
  if (last == NULL)
    return FALSE;
  folded = g_utf8_casefold (last + 1, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (outlet_words); i++)
    if (strcmp (folded, outlet_words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* English weekdays, case-folded, as a byline's date may open with one
 * ("Thursday, 19 November 2026"). */
static const char *const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", NULL,
};

/* The date that ends a byline, as "YYYY-MM-DD": "2026-03-03", or a day, a
 * month's name and a four-digit year, the day before the month or after
 * it ("19 November 2026", "November 19, 2026", "Thursday, 19th Nov.
 * 2026"). Nothing else may be in @text: a date written in figures alone
 * ("03/04/2026", "3.4.2026") could be read two ways and is left out, as
 * is one that does not exist ("31 February 2026"). */
static char *
byline_date (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *kinds = NULL;
  gsize n = 0;

  while (*text == ' ')
    text++;
  if (strlen (text) == 10 && g_ascii_isdigit (text[0]) && text[4] == '-' && text[7] == '-')
    return dossier_html_normalize_date (text);

  /* D for a day (with "st", "nd"…), M for a word, Y for a year. */
  words = g_strsplit_set (text, " ,.", -1);
  kinds = g_malloc0 (g_strv_length (words) + 1);
  for (char **w = words; *w != NULL; w++)
    {
      gsize digits = strspn (*w, "0123456789");
      g_autofree char *folded = g_ascii_strdown (*w, -1);

      if (**w == '\0')
        continue;
      if (digits == 4 && (*w)[4] == '\0')
        kinds[n++] = 'Y';
      else if (digits >= 1 && digits <= 2 &&
               ((*w)[digits] == '\0' || g_str_equal (folded + digits, "st") ||
                g_str_equal (folded + digits, "nd") || g_str_equal (folded + digits, "rd") ||
                g_str_equal (folded + digits, "th")))
        kinds[n++] = 'D';
      else if (digits == 0 && n == 0 && g_strv_contains (weekdays, folded))
        continue;
      else if (digits == 0)
        kinds[n++] = 'M';
      else
        return NULL;
    }
  if (!g_str_equal (kinds, "DMY") && !g_str_equal (kinds, "MDY"))
    return NULL;
  /* (which checks that the word is a month, and that the day exists) */
  return dossier_html_normalize_date (text);
}

/* What may stand between a byline's names and its date. */
static const char *const date_marks[] = { " \u2014 ", " \u2013 ", " - ", " | ", " \u00B7 ", " \u2022 " };

/* Words a dateline may start with: "Issued 20 November 2026". */
static const char *const date_words[] = {
  "issued", "published", "posted", "updated", "last updated", "first published", "dated",
  "date", "released", "publicado", "actualizado", "fecha",
};

/* The date after a dateline's first words ("Published: 3 May 2026",
 * "Updated on May 3, 2026"), or NULL. */
static char *
date_after_date_word (const char *line)
{
  for (gsize i = 0; i < G_N_ELEMENTS (date_words); i++)
    {
      gsize n = strlen (date_words[i]);
      const char *rest = line + n;

      if (g_ascii_strncasecmp (line, date_words[i], n) != 0 || (*rest != ' ' && *rest != ':'))
        continue;
      if (*rest == ':')
        rest++;
      while (*rest == ' ')
        rest++;
      if (g_ascii_strncasecmp (rest, "on ", 3) == 0 || g_ascii_strncasecmp (rest, "el ", 3) == 0)
        rest += 3;
      return byline_date (rest);
    }

  return NULL;
}

/* "Issued by the branch, 20 November 2026", "Press release — 3 May 2026",
 * "Published: 3 May 2026": the date a line ends with (after a dash, a
 * comma or a word that says what the date is), as "YYYY-MM-DD"; NULL when
 * it does not end with one. */
char *
dossier_html_date_at_end (const char *line)
{
  g_auto(GStrv) parts = NULL;
  char *dated;
  guint n;

  dated = date_after_date_word (line);
  if (dated != NULL)
    return dated;

  for (gsize i = 0; i < G_N_ELEMENTS (date_marks); i++)
    {
      const char *mark = g_strrstr (line, date_marks[i]);
      char *date;

      if (mark != NULL && (date = byline_date (mark + strlen (date_marks[i]))) != NULL)
        return date;
    }

  /* "…, 20 November 2026", "…, November 20, 2026", "…, Friday, 20 November 2026" */
  parts = g_strsplit (line, ", ", -1);
  n = g_strv_length (parts);
  for (guint k = n; k > 0 && n - k < 3; k--)
    {
      g_autofree char *tail = g_strjoinv (", ", parts + k - 1);
      char *date = byline_date (tail);

      if (date != NULL)
        return date;
    }
  return NULL;
}

char *
dossier_html_date_line (const char *line)
{
  char *dated = date_after_date_word (line);

  return dated != NULL ? dated : byline_date (line);
}

gboolean
dossier_html_byline_to_document (DossierParsedDocument *doc,
                                 const char            *line)
{
  g_autofree char *names = dossier_html_byline_from_line (line);
  g_autofree char *rest = NULL;
  g_auto(GStrv) parts = NULL;
  guint n, n_parts;

  if (names == NULL)
    return FALSE;

  /* The publication: the last part before a date, after "By" and the
   * names ("By Jane Doe, The Gazette, 3 May 2026"; "By Sam Adeyemi, East
   * Kettlewick Voice — 19 November 2026"). */
  rest = g_strdup (line);
  for (gsize i = 0; i < G_N_ELEMENTS (date_marks); i++)
    {
      char *mark = strstr (rest, date_marks[i]);

      if (mark != NULL)
        *mark = '\0';
    }
  parts = g_strsplit (rest, ", ", -1);
  n = n_parts = g_strv_length (parts);
  while (n > 0 && strpbrk (parts[n - 1], "0123456789") != NULL)
    n--;

  /* The date: after a dash ("… Voice — 19 November 2026") or in the last
   * parts ("…, 3 March 2026"; "…, November 19, 2026"). */
  if (doc->published == NULL && line[strlen (rest)] != '\0')
    {
      g_autofree char *after = NULL;

      for (gsize i = 0; i < G_N_ELEMENTS (date_marks) && after == NULL; i++)
        if (g_str_has_prefix (line + strlen (rest), date_marks[i]))
          after = g_strdup (line + strlen (rest) + strlen (date_marks[i]));
      for (gsize i = 0; i < G_N_ELEMENTS (date_marks) && after != NULL; i++)
        {
          char *mark = strstr (after, date_marks[i]);

          if (mark != NULL)
            *mark = '\0';
        }
      if (after != NULL)
        doc->published = byline_date (after);
    }
  if (doc->published == NULL && n < n_parts && n > 0)
    {
      g_autofree char *last = g_strjoinv (", ", parts + n);

      doc->published = byline_date (last);
    }
  if (n >= 2)
    {
      g_autofree char *outlet = dossier_html_clean_text (parts[n - 1]);

      if (outlet != NULL && is_outlet_part (outlet))
        {
          g_autofree char *suffix = g_strconcat (", ", outlet, NULL);

          if (g_str_has_suffix (names, suffix))
            names[strlen (names) - strlen (suffix)] = '\0';
          if (doc->outlet == NULL && strcmp (names, outlet) != 0)
            doc->outlet = g_steal_pointer (&outlet);
        }
    }
  if (doc->author == NULL)
    doc->author = g_steal_pointer (&names);
  return TRUE;
}

char *
dossier_html_name_line (const char *line)
{
  g_autofree char *clean = dossier_html_clean_text (line);
  guint words = 1;

  if (clean == NULL || g_utf8_strlen (clean, -1) > 40)
    return NULL;
  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        {
          words++;
          if (g_unichar_islower (g_utf8_get_char (p + 1)))
            return NULL;
        }
      else if (!g_unichar_isalpha (c) && c != '.' && c != '\'' && c != '-' && c != 0x2019)
        return NULL;
    }
  if (words < 2 || words > 4)
    return NULL;
  return names_of (NULL, clean);
}

/* "新华社武汉6月18日电（记者王立新、陈佳）": Chinese wire copy names its
 * reporters in the dateline of the first paragraph. */
char *
dossier_html_byline_from_dateline (const char *text)
{
  static const char *const opens[] = {
    "\uFF08\u8BB0\u8005", "(\u8BB0\u8005", "\uFF08\u8A18\u8005", "(\u8A18\u8005",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (opens); i++)
    {
      const char *open = strstr (text, opens[i]);
      const char *close;
      g_autofree char *inside = NULL;

      if (open == NULL || g_utf8_pointer_to_offset (text, open) > 120)
        continue;
      open += strlen (opens[i]);
      close = strstr (open, "\uFF09");
      if (close == NULL)
        close = strchr (open, ')');
      if (close == NULL || close - open > 120)
        continue;
      inside = g_strndup (open, close - open);
      g_strstrip (inside);
      return names_of (NULL, inside);
    }
  return NULL;
}

/* A labelled byline ("Penulis : Agus Prasetyo") in the article's
 * surroundings, where credits often follow the body. */
typedef struct
{
  const Context *ctx;
  char          *names;
  guint          nodes;
} FindLabel;

#define MAX_LABEL_NODES 3000

/* A label is written in the line itself, not only in nested elements:
 * this keeps a deep nest of wrappers from being read at every level. */
static gboolean
has_own_text (Reader  *r,
              xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
        dossier_html_text_info (r, c).chars > 0)
      return TRUE;
  return FALSE;
}

static gboolean
find_label_enter (gpointer data,
                  xmlNode *node)
{
  FindLabel *f = data;
  NodeInfo *info;

  if (f->names != NULL || ++f->nodes > MAX_LABEL_NODES || node->type != XML_ELEMENT_NODE)
    return FALSE;
  info = dossier_html_info (f->ctx->r, node);
  /* (a photo's "Autor: Jan Novák" credits the picture) */
  if (info == NULL || (info->flags & (F_QUIET | F_COMMENTS)) || dossier_html_is_figure_part (node))
    return FALSE;
  if ((info->props & TP_BLOCK) && info->text > 0 && info->text <= 100 &&
      has_own_text (f->ctx->r, node))
    {
      g_autofree char *text = dossier_html_node_text (node);

      /* (a credits box may hold the writer and the editor: its lines
       * are read one by one) */
      if (text != NULL && dossier_html_is_byline_label (text) &&
          (f->names = names_of (f->ctx, text)) != NULL)
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------
 * Resolving
 * ------------------------------------------------------------------------ */

/* The names in @names, split, as comparable keys. */
static GPtrArray *
name_keys (const char *names)
{
  g_auto(GStrv) parts = g_strsplit (names, ", ", MAX_NAMES);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (char **p = parts; *p != NULL; p++)
    g_ptr_array_add (keys, dossier_html_comparable (*p));
  return keys;
}

static gboolean
has_key (GPtrArray  *keys,
         const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (strcmp (g_ptr_array_index (keys, i), key) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @visible names everyone @meta names, and more: the page shows
 * two authors where its metadata (a theme's JSON-LD) names the first. */
static gboolean
adds_people (const char *visible,
             const char *meta)
{
  g_autoptr(GPtrArray) v = name_keys (visible);
  g_autoptr(GPtrArray) m = name_keys (meta);

  if (v->len <= m->len)
    return FALSE;
  for (guint i = 0; i < m->len; i++)
    if (!has_key (v, g_ptr_array_index (m, i)))
      return FALSE;
  return TRUE;
}

/* Whether another of the page's author declarations names everyone in
 * @names (a <meta name=author>, article:author). */
static gboolean
declared_elsewhere (Reader     *r,
                    const char *names)
{
  g_autoptr(GPtrArray) keys = name_keys (names);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < r->meta_authors->len; i++)
    g_ptr_array_add (others, dossier_html_comparable (g_ptr_array_index (r->meta_authors, i)));
  if (r->article_author != NULL)
    g_ptr_array_add (others, dossier_html_comparable (r->article_author));
  for (guint i = 0; i < keys->len; i++)
    if (!has_key (others, g_ptr_array_index (keys, i)))
      return FALSE;
  return TRUE;
}

/* Who the metadata says wrote the article. */
static char *
metadata_names (const Context *ctx)
{
  Reader *r = ctx->r;
  JsonLd *ld = ctx->ld;
  char *names = NULL;

  if (ld->author != NULL)
    {
      if ((names = names_of (ctx, ld->author)) != NULL)
        return names;
      /* A blog named after its author ("Daniel Park"): the site's name is
       * a person's when JSON-LD says so and another tag agrees. */
      if (ld->author_is_person)
        {
          Context personal = *ctx;

          personal.allow_site = TRUE;
          names = names_of (&personal, ld->author);
          if (names != NULL && declared_elsewhere (r, names))
            return names;
          g_clear_pointer (&names, g_free);
        }
    }

  /* Every author <meta>: two parsely-author tags name two people. */
  if (r->meta_authors->len > 0)
    {
      GString *all = g_string_new (NULL);

      for (guint i = 0; i < r->meta_authors->len; i++)
        {
          g_autofree char *one = names_of (ctx, g_ptr_array_index (r->meta_authors, i));

          if (one == NULL || strstr (all->str, one) != NULL)
            continue;
          if (all->len > 0)
            g_string_append (all, ", ");
          g_string_append (all, one);
        }
      if (all->len > 0)
        return g_string_free (all, FALSE);
      g_string_free (all, TRUE);
    }

  if (r->article_author != NULL && (names = names_of (ctx, r->article_author)) != NULL)
    return names;
  if (r->byl != NULL && (names = names_of (ctx, r->byl)) != NULL)
    return names;
  return NULL;
}

/* "By <a rel=author>Ben Adler</a> and <a rel=author>Mia Kurtz</a>": the
 * other author links beside @node (same parent) add their people to
 * @names, which this takes. */
static char *
with_siblings (const Context *ctx,
               GPtrArray     *nodes,
               xmlNode       *node,
               char          *names)
{
  g_autoptr(GPtrArray) keys = name_keys (names);
  GString *out = g_string_new (names);

  g_free (names);
  for (guint i = 0; i < nodes->len && keys->len < MAX_NAMES; i++)
    {
      xmlNode *other = g_ptr_array_index (nodes, i);
      g_autofree char *more = NULL;
      g_auto(GStrv) parts = NULL;

      if (other == node || dossier_html_parent (other) != dossier_html_parent (node) ||
          (more = author_from_node (ctx, other)) == NULL)
        continue;
      parts = g_strsplit (more, ", ", MAX_NAMES);
      for (char **part = parts; *part != NULL; part++)
        {
          char *key = dossier_html_comparable (*part);

          if (has_key (keys, key))
            {
              g_free (key);
              continue;
            }
          g_ptr_array_add (keys, key);
          g_string_append_printf (out, ", %s", *part);
        }
    }
  return g_string_free (out, FALSE);
}

/* Who the page's byline boxes and author links name. */
static char *
visible_names (const Context *ctx,
               xmlNode       *root)
{
  Reader *r = ctx->r;
  GPtrArray *node_lists[] = { r->rel_authors, r->itemprop_authors, r->byline_nodes };
  char *names;

  for (gsize l = 0; l < G_N_ELEMENTS (node_lists); l++)
    for (guint skip = 0; skip < 4; skip++)
      {
        xmlNode *node = pick_node (r, node_lists[l], root, skip);

        if (node == NULL)
          break;
        if ((names = author_from_node (ctx, node)) != NULL)
          return l < 2 ? with_siblings (ctx, node_lists[l], node, names) : names;
      }
  return NULL;
}

char *
dossier_html_resolve_author (Reader     *r,
                             xmlNode    *root,
                             JsonLd     *ld,
                             const char *outlet)
{
  Context ctx = { r, ld, outlet, FALSE };
  char *names = metadata_names (&ctx);
  char *visible = visible_names (&ctx, root);

  if (names != NULL)
    {
      if (visible != NULL && adds_people (visible, names))
        {
          g_free (names);
          return visible;
        }
      g_free (visible);
      return names;
    }
  if (visible != NULL)
    return visible;

  {
    xmlNode *around = root;

    for (int up = 0; up < 2 && around != r->body && dossier_html_parent (around) != NULL; up++)
      around = dossier_html_parent (around);
    FindLabel f = { &ctx, NULL, 0 };

    dossier_html_walk (around, find_label_enter, NULL, &f);
    return f.names;
  }
}
