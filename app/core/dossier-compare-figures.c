/* dossier-compare-figures.c — numbers with their units in a text, made
 * comparable: "£72m", "£72 million" and "72 millones de libras" are one
 * value in one unit, so that two articles giving different figures for
 * the same thing can be told apart from two giving the same figure in
 * their own words.
 *
 * Number formats: "1,200" and "1 200" (a no-break or thin space) are
 * thousands; "1.2" and "1,5" (a comma before other than three digits)
 * decimals; "1.234,5" and "1,234.5" both. A lone "1.200" is read as the
 * English decimal: a Spanish article's thousands usually come with a
 * word ("1.200 millones") that makes the difference small enough to be
 * seen by a person, while guessing the other way breaks every "1.2bn".
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <math.h>

#include <dossier/dossier-compare.h>
#include <dossier/dossier-text.h>

typedef struct
{
  const char *word;
  double      factor;
} Multiplier;

static const Multiplier multipliers[] = {
  { "k", 1e3 }, { "thousand", 1e3 }, { "thousands", 1e3 }, { "mil", 1e3 },
  { "m", 1e6 }, { "mn", 1e6 }, { "million", 1e6 }, { "millions", 1e6 },
  { "millon", 1e6 }, { "millones", 1e6 },
  { "bn", 1e9 }, { "b", 1e9 }, { "billion", 1e9 }, { "billions", 1e9 },
  /* A Spanish "billón" is a million millions. */
  { "billon", 1e12 }, { "billones", 1e12 },
  { "tn", 1e12 }, { "trillion", 1e12 },
};

typedef struct
{
  const char *word;
  const char *unit;
} Synonym;

/* Currency words (folded) and units said in several ways. */
static const Synonym currencies[] = {
  { "pound", "GBP" }, { "pounds", "GBP" }, { "sterling", "GBP" }, { "libra", "GBP" },
  { "libras", "GBP" }, { "gbp", "GBP" },
  { "dollar", "USD" }, { "dollars", "USD" }, { "dolar", "USD" }, { "dolares", "USD" },
  { "usd", "USD" },
  { "euro", "EUR" }, { "euros", "EUR" }, { "eur", "EUR" },
  { "yen", "JPY" }, { "jpy", "JPY" },
};

static const Synonym units[] = {
  { "people", "person" }, { "persons", "person" }, { "personas", "person" },
  { "persona", "person" },
  { "mins", "minute" }, { "min", "minute" }, { "minutos", "minute" }, { "minuto", "minute" },
  { "hrs", "hour" }, { "horas", "hour" }, { "hora", "hour" },
  { "dias", "day" }, { "dia", "day" }, { "semanas", "week" }, { "semana", "week" },
  { "meses", "month" }, { "mes", "month" }, { "anos", "year" }, { "ano", "year" },
  { "yrs", "year" },
  { "kilometres", "km" }, { "kilometers", "km" }, { "kilometre", "km" },
  { "kilometer", "km" }, { "kilometros", "km" }, { "kilometro", "km" },
  { "miles", "mile" }, { "millas", "mile" },
};

/* Words after a number that are not what it counts. */
static const char *const not_units[] = {
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it",
  "more", "less", "of", "on", "or", "than", "that", "the", "this", "to", "was",
  "were", "with", "per", "up", "out", "over", "under", "into", "about", "after",
  "before", "when", "while", "but", "so", "he", "she", "they", "we", "its", "their",
  "de", "del", "el", "la", "las", "los", "en", "y", "o", "que", "un", "una", "por",
  "con", "para", "se", "es", "al", "sus", "su",
};

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* The folded word of letters starting at @i (none: NULL); its end in *@end. */
static char *
word_at (const gunichar *u,
         gint64          n,
         gint64          i,
         gint64         *end)
{
  g_autofree char *utf8 = NULL;
  gint64 j = i;

  while (j < n && g_unichar_isalpha (u[j]))
    j++;
  if (j == i || j - i > 40)
    return NULL;
  *end = j;
  utf8 = g_ucs4_to_utf8 (u + i, j - i, NULL, NULL, NULL);
  return utf8 != NULL ? dossier_text_fold (utf8) : NULL;
}

/* The next word after @i: directly attached, or after one space. */
static char *
next_word (const gunichar *u,
           gint64          n,
           gint64          i,
           gboolean        attached,
           gint64         *start,
           gint64         *end)
{
  if (!attached)
    {
      if (i >= n || !is_space (u[i]))
        return NULL;
      i++;
    }
  *start = i;
  return word_at (u, n, i, end);
}

static const char *
lookup (const Synonym *table,
        guint          n,
        const char    *word)
{
  for (guint i = 0; word != NULL && i < n; i++)
    if (strcmp (table[i].word, word) == 0)
      return table[i].unit;
  return NULL;
}

static double
lookup_multiplier (const char *word)
{
  for (guint i = 0; word != NULL && i < G_N_ELEMENTS (multipliers); i++)
    if (strcmp (multipliers[i].word, word) == 0)
      return multipliers[i].factor;
  return 0;
}

static gboolean
is_not_unit (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_units); i++)
    if (strcmp (not_units[i], word) == 0)
      return TRUE;
  return FALSE;
}

static const char *
currency_symbol (gunichar c)
{
  switch (c)
    {
    case 0x00A3: return "GBP";   /* £ */
    case '$':    return "USD";
    case 0x20AC: return "EUR";   /* € */
    case 0x00A5: return "JPY";   /* ¥ */
    default:     return NULL;
    }
}

/* Reads the number at @i: its value in *@value, returns its end. */
static gint64
read_number (const gunichar *u,
             gint64          n,
             gint64          i,
             double         *value,
             guint          *n_digits)
{
  GString *digits = g_string_new (NULL);
  gunichar seps[32];
  guint group_len[33];
  guint n_seps = 0, n_groups = 1;
  gint64 j = i;
  gint64 end;
  gboolean thousands = FALSE;
  int decimal_sep = -1;   /* index among seps */

  group_len[0] = 0;
  while (j < n)
    {
      if (is_digit (u[j]))
        {
          g_string_append_c (digits, (char) u[j]);
          group_len[n_groups - 1]++;
          j++;
        }
      else if ((u[j] == ',' || u[j] == '.' || u[j] == 0x00A0 || u[j] == 0x202F ||
                u[j] == 0x2009) &&
               j + 1 < n && is_digit (u[j + 1]) && n_seps < G_N_ELEMENTS (seps))
        {
          seps[n_seps++] = u[j];
          group_len[n_groups++] = 0;
          g_string_append_c (digits, '|');
          j++;
        }
      else
        break;
    }
  end = j;

  /* Which separator, if any, is the decimal point. */
  if (n_seps > 0)
    {
      gunichar last = seps[n_seps - 1];
      gboolean same = TRUE, threes = group_len[0] <= 3;

      for (guint s = 0; s < n_seps; s++)
        same = same && seps[s] == last;
      for (guint g = 1; g < n_groups; g++)
        threes = threes && group_len[g] == 3;

      if (!same)
        decimal_sep = (int) n_seps - 1;
      else if (last != ',' && last != '.')
        thousands = TRUE;
      else if (threes && (n_seps > 1 || last == ','))
        thousands = TRUE;
      else if (n_seps == 1)
        decimal_sep = 0;
      else
        {
          /* "1.2.3": not a number we can read; keep its first part. */
          guint first = group_len[0];

          g_string_truncate (digits, first);
          n_seps = 0;
          end = i + first;
        }
      (void) thousands;
    }

  {
    GString *clean = g_string_new (NULL);
    guint s = 0;

    for (const char *p = digits->str; *p != '\0'; p++)
      {
        if (*p == '|')
          {
            if ((int) s == decimal_sep)
              g_string_append_c (clean, '.');
            s++;
          }
        else
          g_string_append_c (clean, *p);
      }
    *value = g_ascii_strtod (clean->str, NULL);
    *n_digits = (guint) digits->len;
    g_string_free (clean, TRUE);
  }
  g_string_free (digits, TRUE);
  return end;
}

static void
figure_clear (gpointer data)
{
  g_free (((DossierFigure *) data)->unit);
}

GArray *
dossier_find_figures (const char *text)
{
  GArray *figures = g_array_new (FALSE, FALSE, sizeof (DossierFigure));
  g_autofree gunichar *u = NULL;
  glong n = 0;

  g_array_set_clear_func (figures, figure_clear);
  g_return_val_if_fail (text != NULL, figures);

  u = g_utf8_to_ucs4_fast (text, -1, &n);
  for (gint64 i = 0; i < n; i++)
    {
      const char *unit = NULL;
      g_autofree char *word_unit = NULL;
      gint64 start = i, end, ws, we;
      double value, factor = 1;
      guint n_digits;
      gboolean percent = FALSE;
      g_autofree char *w = NULL;

      if (!is_digit (u[i]))
        continue;
      /* Inside a word, a code or another number ("A4", "v2", "3/4", "1.2.3"). */
      if (i > 0 && (g_unichar_isalnum (u[i - 1]) || u[i - 1] == '/' || u[i - 1] == '-' ||
                    ((u[i - 1] == '.' || u[i - 1] == ',') && i > 1 && is_digit (u[i - 2]))))
        {
          while (i + 1 < n && is_digit (u[i + 1]))
            i++;
          continue;
        }

      /* A currency sign before it: "£72m", "€ 3", "US$5". */
      if (i > 0 && currency_symbol (u[i - 1]) != NULL)
        {
          unit = currency_symbol (u[i - 1]);
          start = i - 1;
        }
      else if (i > 1 && is_space (u[i - 1]) && currency_symbol (u[i - 2]) != NULL)
        {
          unit = currency_symbol (u[i - 2]);
          start = i - 2;
        }
      if (unit != NULL && start >= 2 && u[start] == '$' && u[start - 1] == 'S' && u[start - 2] == 'U')
        start -= 2;

      end = read_number (u, n, i, &value, &n_digits);
      i = end - 1;  /* the loop goes on after the number */

      /* Times and dates ("10:30", "3/4/2024") are not figures. */
      if (end < n && (u[end] == ':' || u[end] == '/') && end + 1 < n && is_digit (u[end + 1]))
        continue;

      /* A percent sign, attached or after a space. */
      if (end < n && u[end] == '%')
        {
          percent = TRUE;
          end++;
        }
      else if (end + 1 < n && is_space (u[end]) && u[end + 1] == '%')
        {
          percent = TRUE;
          end += 2;
        }

      if (!percent)
        {
          /* A multiplier: "72m", "72 million", "72 mil millones". */
          w = next_word (u, n, end, TRUE, &ws, &we);
          if (w == NULL)
            w = next_word (u, n, end, FALSE, &ws, &we);
          if (w != NULL && lookup_multiplier (w) > 0 &&
              /* "1 m" is a metre when nothing else says money. */
              !(strcmp (w, "m") == 0 && unit == NULL && ws > end))
            {
              g_autofree char *w2 = NULL;
              gint64 ws2, we2;

              factor = lookup_multiplier (w);
              end = we;
              g_clear_pointer (&w, g_free);
              w2 = next_word (u, n, end, FALSE, &ws2, &we2);
              if (factor == 1e3 && w2 != NULL &&
                  (strcmp (w2, "millones") == 0 || strcmp (w2, "millon") == 0))
                {
                  factor = 1e9;  /* "mil millones" */
                  end = we2;
                }
              w = next_word (u, n, end, FALSE, &ws, &we);
            }
          else if (w != NULL && ws == end)
            {
              /* Letters stuck to the number that are no multiplier ("3D",
               * "4G", "10am"): not a figure. */
              continue;
            }

          /* "per cent", "por ciento", "percent". */
          if (w != NULL && (strcmp (w, "per") == 0 || strcmp (w, "por") == 0))
            {
              g_autofree char *w2 = NULL;
              gint64 ws2, we2;

              w2 = next_word (u, n, we, FALSE, &ws2, &we2);
              if (w2 != NULL && (strcmp (w2, "cent") == 0 || strcmp (w2, "ciento") == 0))
                {
                  percent = TRUE;
                  end = we2;
                }
            }
          else if (w != NULL && strcmp (w, "percent") == 0)
            {
              percent = TRUE;
              end = we;
            }
        }

      if (percent)
        unit = "%";
      else if (w != NULL)
        {
          g_autofree char *w2 = NULL;
          gint64 ws2, we2;
          const char *currency;

          /* "de libras", "of pounds" after a multiplier. */
          if (strcmp (w, "de") == 0 || strcmp (w, "of") == 0)
            {
              w2 = next_word (u, n, we, FALSE, &ws2, &we2);
              if (w2 != NULL && (currency = lookup (currencies, G_N_ELEMENTS (currencies), w2)) != NULL &&
                  (unit == NULL || strcmp (unit, currency) == 0))
                {
                  unit = currency;
                  end = we2;
                }
            }
          else if ((currency = lookup (currencies, G_N_ELEMENTS (currencies), w)) != NULL)
            {
              if (unit == NULL || strcmp (unit, currency) == 0)
                {
                  unit = currency;
                  end = we;
                }
            }
          else if (unit == NULL && !is_not_unit (w) && g_utf8_strlen (w, -1) >= 2)
            {
              const char *same = lookup (units, G_N_ELEMENTS (units), w);
              gsize len = strlen (w);

              g_autofree char *w3 = NULL;
              gint64 ws3, we3;

              if (same != NULL)
                word_unit = g_strdup (same);
              else if (len > 3 && w[len - 1] == 's' && w[len - 2] != 's')
                word_unit = g_strndup (w, len - 1);  /* "minutes" → "minute" */
              else
                word_unit = g_strdup (w);
              /* A year ("in 2024 elections") is not a count of elections. */
              if (factor == 1 && n_digits == 4 && value >= 1800 && value <= 2100)
                continue;
              end = we;

              /* "4 tram stops" and "38,000 tram journeys" count stops and
               * journeys, not trams: a singular word followed by a plural
               * one is what the plural one names. */
              w3 = same == NULL ? next_word (u, n, we, FALSE, &ws3, &we3) : NULL;
              len = w3 != NULL ? strlen (w3) : 0;
              if (w[strlen (w) - 1] != 's' && len > 3 && w3[len - 1] == 's' &&
                  w3[len - 2] != 's' && !is_not_unit (w3))
                {
                  char *compound = g_strdup_printf ("%s %.*s", word_unit, (int) len - 1, w3);

                  g_free (word_unit);
                  word_unit = compound;
                  end = we3;
                }
              unit = word_unit;
            }
        }

      if (unit == NULL)
        continue;

      {
        DossierFigure f = { start, end, value * factor, g_strdup (unit) };
        g_array_append_val (figures, f);
      }
    }
  return figures;
}
