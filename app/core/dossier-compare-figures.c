/* SPDX-License-Identifier: GPL-3.0-or-later */
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
 *
 * Ranges ("12 to 18 minutes", "£60–72 million", "between 5 and 7 per
 * cent", "de 12 a 18 minutos") are one figure from its low to its high
 * end, never their upper number alone. Each figure also carries the words
 * of its clause nearest to it ("cost", "grant", "Green Transit Fund"),
 * folded, stemmed and with common synonyms made one, so that figures are
 * compared only when they describe the same thing: £72 million offered
 * from a fund and £164 million above which the city pays are two sums,
 * not two sources disagreeing.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <math.h>
#include <string.h>

#include <dossier/dossier-compare.h>
#include <dossier/dossier-text.h>
#include "dossier-compare-private.h"

/* ---- The text's code points, a few pieces at a time ------------------------ */

/* The scan reads code points around each number, a few hundred on each
 * side at most (and further over a run of letters or spaces): the text is
 * converted a piece at a time, the last few pieces kept, not whole — 200 MB
 * at once for a text of 50 MB. */
#define PIECE_SHIFT 16
#define PIECE_MASK  (DOSSIER_FIGURES_PIECE - 1)
#define PIECES_KEPT 4
G_STATIC_ASSERT (DOSSIER_FIGURES_PIECE == 1 << PIECE_SHIFT);

typedef struct
{
  gint64    piece;         /* which (-1: none yet) */
  gunichar *code_points;   /* DOSSIER_FIGURES_PIECE of them */
} Piece;

typedef struct
{
  const char *text;
  gint64      n;              /* code points */
  GArray     *piece_starts;   /* of gsize: the byte of each piece's first */
  Piece       kept[PIECES_KEPT];   /* piece p in kept[p % PIECES_KEPT] */
} CodePoints;

static void code_points_clear (CodePoints *u);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CodePoints, code_points_clear)

static gunichar at_slow (CodePoints *u,
                         gint64      k);

/* The code point at @k of the text (0 outside it). */
static inline gunichar
at (CodePoints *u,
    gint64      k)
{
  if (G_LIKELY (k >= 0))
    {
      const Piece *kept = &u->kept[(k >> PIECE_SHIFT) & (PIECES_KEPT - 1)];

      if (G_LIKELY (kept->piece == k >> PIECE_SHIFT))
        return kept->code_points[k & PIECE_MASK];
    }
  return at_slow (u, k);
}

/* Code points [@start, @end) as UTF-8 (NULL where they are no valid text). */
static char *
range_utf8 (CodePoints *u,
            gint64      start,
            gint64      end)
{
  g_autofree gunichar *range = g_new (gunichar, MAX (end - start, 0) + 1);

  for (gint64 k = start; k < end; k++)
    range[k - start] = at (u, k);
  return g_ucs4_to_utf8 (range, MAX (end - start, 0), NULL, NULL, NULL);
}

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

/* The folded text of [@start, @end) of @u, as words are compared here
 * (NULL where it is no valid text). */
static char *
fold_range (CodePoints     *u,
            gint64          start,
            gint64          end)
{
  g_autofree char *utf8 = range_utf8 (u, start, end);

  return utf8 != NULL ? dossier_text_fold (utf8) : NULL;
}

/* The longest run of letters read as a word, and of spaces read as the
 * gap between two words, in code points: longer than any word the scans
 * look for ("approximately", "subvenciones") and than the words of prose
 * ("Donaudampfschifffahrtsgesellschaft" is 34). A longer run is no word
 * and is not walked to its end: a hostile text of 50 MB of letters (or
 * of spaces) beside a figure was walked whole, and converted, by each
 * scan that met it. */
#define WORD_MAX 40

/* The folded word of letters starting at @i (none, or longer than
 * WORD_MAX: NULL); its end in *@end. */
static char *
word_at (CodePoints     *u,
         gint64          n,
         gint64          i,
         gint64         *end)
{
  gint64 j = i;

  while (j < n && j - i <= WORD_MAX && g_unichar_isalpha (at (u, j)))
    j++;
  if (j == i || j - i > WORD_MAX)
    return NULL;
  *end = j;
  return fold_range (u, i, j);
}

/* The next word after @i: directly attached, or after one space. */
static char *
next_word (CodePoints     *u,
           gint64          n,
           gint64          i,
           gboolean        attached,
           gint64         *start,
           gint64         *end)
{
  if (!attached)
    {
      if (i >= n || !is_space (at (u, i)))
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

/* The folded word that ends right before @pos (skipping a currency sign
 * and spaces, WORD_MAX of them at most), or NULL. */
static char *
previous_word (CodePoints     *u,
               gint64          pos)
{
  gint64 k = pos - 1, end;

  while (k >= 0 && pos - 1 - k < WORD_MAX &&
         (is_space (at (u, k)) || currency_symbol (at (u, k)) != NULL))
    k--;
  end = k + 1;
  while (k >= 0 && end - k <= WORD_MAX + 1 && g_unichar_isalpha (at (u, k)))
    k--;
  if (end - (k + 1) <= 0 || end - (k + 1) > WORD_MAX)
    return NULL;
  return word_at (u, end, k + 1, &end);
}

/* Where the second number of a range would start after the number ending
 * at @end ("–72", " to 18", " and 7" after "between", " a 18", " y 7"
 * after "entre"), or -1 when no range connector follows. @start is where
 * the first figure starts, its currency sign included. */
static gint64
range_connector (CodePoints     *u,
                 gint64          n,
                 gint64          start,
                 gint64          end)
{
  gint64 k = end;
  gboolean spaced = FALSE;

  if (k < n && is_space (at (u, k)))
    {
      k++;
      spaced = TRUE;
    }
  if (k < n && (at (u, k) == 0x2013 || at (u, k) == 0x2014 || at (u, k) == '-'))
    {
      k++;
      if (k < n && is_space (at (u, k)))
        k++;
      return k;
    }
  if (spaced)
    {
      gint64 we;
      g_autofree char *w = word_at (u, n, k, &we);

      if (w == NULL || we >= n || !is_space (at (u, we)))
        return -1;
      if (strcmp (w, "to") == 0 || strcmp (w, "a") == 0)
        return we + 1;
      if (strcmp (w, "and") == 0 || strcmp (w, "y") == 0)
        {
          g_autofree char *before = previous_word (u, start);

          if (before != NULL && (strcmp (before, "between") == 0 || strcmp (before, "entre") == 0))
            return we + 1;
        }
    }
  return -1;
}

/* ---- What a figure is about ---------------------------------------------- */

/* Words that say nothing of what a figure counts: function words (English
 * and Spanish), hedges, reporting verbs and verbs of change. */
static const char *const context_stop[] = {
  "the", "and", "but", "for", "from", "with", "are", "was", "were", "been", "being", "has",
  "have", "had", "will", "would", "could", "should", "may", "might", "can", "does", "did",
  "its", "this", "that", "these", "those", "there", "their", "they", "them", "his", "her",
  "our", "you", "your", "not", "than", "then", "such", "some", "about", "around", "nearly",
  "almost", "roughly", "approximately", "over", "under", "more", "less", "least", "most",
  "only", "just", "also", "even", "still", "already", "each", "every", "per", "cent",
  "percent", "which", "who", "whom", "whose", "what", "when", "where", "while", "into",
  "onto", "out", "off", "said", "says", "say", "told", "according", "likely", "closer",
  "close", "any", "all", "both", "other", "another", "new", "overall", "above", "below",
  "between", "least", "put", "puts", "rise", "rises", "rose", "risen", "rising", "fall",
  "falls", "fell", "fallen", "falling", "add", "adds", "added", "get", "gets", "got", "make",
  "makes", "made", "take", "takes", "took", "give", "gives", "gave", "reach", "reaches",
  "reached", "stand", "stands", "stood", "come", "comes", "came", "way", "figure", "figures",
  "number", "amount", "sum", "total", "some", "been", "being", "upto", "than", "now",
  "los", "las", "una", "unos", "unas", "del", "pero", "con", "por", "para", "que", "son",
  "fue", "era", "ser", "han", "habia", "sera", "sus", "como", "mas", "menos", "sobre",
  "entre", "hasta", "desde", "cerca", "casi", "segun", "este", "esta", "estos", "estas",
  "ese", "esa", "cifra", "total",
};

typedef struct
{
  const char *word;
  const char *thing;
} Thing;

/* Words for the same thing, so that "cost", "budget" and "presupuesto" or
 * "wait" and "esperan" meet. */
static const Thing things[] = {
  { "cost", "cost" }, { "costs", "cost" }, { "costed", "cost" }, { "costing", "cost" },
  { "budget", "cost" }, { "budgets", "cost" }, { "price", "cost" }, { "prices", "cost" },
  { "bill", "cost" }, { "estimate", "cost" }, { "estimates", "cost" },
  { "coste", "cost" }, { "costes", "cost" }, { "costo", "cost" }, { "costos", "cost" },
  { "costara", "cost" }, { "cuesta", "cost" }, { "costo", "cost" },
  { "presupuesto", "cost" }, { "precio", "cost" },
  { "grant", "grant" }, { "grants", "grant" }, { "funding", "grant" }, { "fund", "grant" },
  { "funds", "grant" }, { "subsidy", "grant" }, { "subsidies", "grant" },
  { "subvencion", "grant" }, { "subvenciones", "grant" }, { "financiacion", "grant" },
  { "fondo", "grant" }, { "fondos", "grant" }, { "ayuda", "grant" }, { "ayudas", "grant" },
  { "wait", "wait" }, { "waits", "wait" }, { "waiting", "wait" }, { "delay", "wait" },
  { "delays", "wait" }, { "espera", "wait" }, { "esperan", "wait" }, { "esperar", "wait" },
  { "esperas", "wait" }, { "retraso", "wait" }, { "retrasos", "wait" },
  { "trip", "trip" }, { "trips", "trip" }, { "journey", "trip" }, { "journeys", "trip" },
  { "ride", "trip" }, { "rides", "trip" }, { "viaje", "trip" }, { "viajes", "trip" },
  { "trayecto", "trip" }, { "recorrido", "trip" },
  { "passenger", "passenger" }, { "passengers", "passenger" }, { "rider", "passenger" },
  { "riders", "passenger" }, { "pasajero", "passenger" }, { "pasajeros", "passenger" },
  { "viajeros", "passenger" },
};

#define CONTEXT_WORDS 3     /* on each side */
#define CONTEXT_REACH 160   /* code points, on each side */

static gboolean
is_clause_break (CodePoints     *u,
                 gint64          n,
                 gint64          k)
{
  switch (at (u, k))
    {
    case '.':
      /* A decimal point is no break. */
      return !(k > 0 && k + 1 < n && is_digit (at (u, k - 1)) && is_digit (at (u, k + 1)));
    case ',':
      return !(k > 0 && k + 1 < n && is_digit (at (u, k - 1)) && is_digit (at (u, k + 1)));
    case ';': case '!': case '?': case '(': case ')': case '[': case ']':
    case '\n': case '\t': case 0x2022: case 0x2014:
      return TRUE;
    default:
      return FALSE;
    }
}

/* What a word (folded) is known to say as a figure's context, in one
 * table made once: a thing's common name (things), or CONTEXT_NONE for a
 * multiplier, a currency or a stop word (which win, as they were looked
 * for first). Looked for in the lists one by one, each word around each
 * figure took some 250 strcmp (): 28 % of the figures of 50 MB. */
static const char CONTEXT_NONE[] = "";

static GHashTable *
known_context_words (void)
{
  static GHashTable *known;

  if (g_once_init_enter (&known))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (things); i++)
        g_hash_table_insert (table, (gpointer) things[i].word, (gpointer) things[i].thing);
      for (guint i = 0; i < G_N_ELEMENTS (multipliers); i++)
        g_hash_table_insert (table, (gpointer) multipliers[i].word, (gpointer) CONTEXT_NONE);
      for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
        g_hash_table_insert (table, (gpointer) currencies[i].word, (gpointer) CONTEXT_NONE);
      for (guint i = 0; i < G_N_ELEMENTS (context_stop); i++)
        g_hash_table_insert (table, (gpointer) context_stop[i], (gpointer) CONTEXT_NONE);
      g_once_init_leave (&known, table);
    }
  return known;
}

/* @word (folded) as a thing: a synonym's common name, else stemmed; NULL
 * when it says nothing of what is counted. */
static char *
context_stem (const char *word)
{
  gsize len = strlen (word);
  const char *known;
  char *stem;

  if (len < 3)
    return NULL;
  known = g_hash_table_lookup (known_context_words (), word);
  if (known == CONTEXT_NONE)
    return NULL;
  if (known != NULL)
    return g_strdup (known);
  if (len > 4 && g_str_has_suffix (word, "ies"))
    {
      g_autofree char *base = g_strndup (word, len - 3);
      return g_strconcat (base, "y", NULL);
    }
  if (len > 5 && g_str_has_suffix (word, "ing"))
    stem = g_strndup (word, len - 3);
  else if (len > 4 && g_str_has_suffix (word, "ed"))
    stem = g_strndup (word, len - 2);
  else if (len > 3 && word[len - 1] == 's' && word[len - 2] != 's')
    stem = g_strndup (word, len - 1);
  else
    stem = g_strdup (word);

  /* The word's own ending too, so that its forms meet: "save", "saves",
   * "saved" and "saving" at "sav", "shut" and "shutting" at "shut". */
  len = strlen (stem);
  if (len > 3 && stem[len - 1] == 'e')
    stem[--len] = '\0';
  if (len > 3 && stem[len - 1] == stem[len - 2] && strchr ("aeiouy", stem[len - 1]) == NULL)
    stem[--len] = '\0';
  return stem;
}

/* Whether the word [ws, we), folded ("And", "Más": "and", "mas"), is one of
 * @words (folded). */
static gboolean
word_in (CodePoints         *u,
         gint64              ws,
         gint64              we,
         const char *const  *words,
         guint               n_words)
{
  g_autofree char *folded = fold_range (u, ws, we);

  for (guint i = 0; folded != NULL && i < n_words; i++)
    if (strcmp (folded, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A conjunction starts another clause: in "the authority is to contribute
 * £58 million and the city £34 million" the city is not what £58 million
 * is about. */
static gboolean
is_conjunction (CodePoints     *u,
                gint64          ws,
                gint64          we)
{
  static const char *const conjunctions[] = { "and", "but", "while", "whereas", "y", "pero", "mientras" };

  return word_in (u, ws, we, conjunctions, G_N_ELEMENTS (conjunctions));
}

/* Adds the stem of the word [ws, we) to @out, unless it is no context or
 * already there; TRUE when added. */
static gboolean
add_context_word (CodePoints     *u,
                  gint64          ws,
                  gint64          we,
                  GPtrArray      *out)
{
  g_autofree char *folded = fold_range (u, ws, we);
  char *stem = folded != NULL ? context_stem (folded) : NULL;

  if (stem == NULL)
    return FALSE;
  for (guint i = 0; i < out->len; i++)
    if (strcmp (g_ptr_array_index (out, i), stem) == 0)
      {
        g_free (stem);
        return FALSE;
      }
  g_ptr_array_add (out, stem);
  return TRUE;
}

/* The word [*ws, *we) that ends nearest before @pos, in the same clause:
 * FALSE at a clause break, a digit (another number is another figure's)
 * or a run of letters longer than WORD_MAX (no word: nothing beyond it is
 * read) first, or when no word starts looking at @stop or after. */
static gboolean
word_before (CodePoints     *u,
             gint64          n,
             gint64          pos,
             gint64          stop,
             gint64         *ws,
             gint64         *we)
{
  for (gint64 k = pos - 1; k >= 0 && k >= stop; k--)
    {
      if (is_clause_break (u, n, k) || is_digit (at (u, k)))
        return FALSE;
      if (!g_unichar_isalpha (at (u, k)))
        continue;
      *we = k + 1;
      while (k > 0 && *we - k <= WORD_MAX && g_unichar_isalpha (at (u, k - 1)))
        k--;
      *ws = k;
      return *we - *ws <= WORD_MAX;
    }
  return FALSE;
}

/* The same after @pos: the word [*ws, *we) that starts nearest at or after
 * it, before @stop, in the same clause. */
static gboolean
word_after (CodePoints     *u,
            gint64          n,
            gint64          pos,
            gint64          stop,
            gint64         *ws,
            gint64         *we)
{
  for (gint64 k = pos; k < n && k < stop; k++)
    {
      if (is_clause_break (u, n, k) || is_digit (at (u, k)))
        return FALSE;
      if (!g_unichar_isalpha (at (u, k)))
        continue;
      *ws = k;
      while (k + 1 < n && k + 1 - *ws <= WORD_MAX && g_unichar_isalpha (at (u, k + 1)))
        k++;
      *we = k + 1;
      return *we - *ws <= WORD_MAX;
    }
  return FALSE;
}

/* The words of the clause nearest the figure [start, end), on each side. */
static char **
figure_context (CodePoints     *u,
                gint64          n,
                gint64          start,
                gint64          end)
{
  GPtrArray *out = g_ptr_array_new ();
  gint64 ws = start, we = 0;
  guint found = 0;

  while (found < CONTEXT_WORDS && word_before (u, n, ws, start - CONTEXT_REACH, &ws, &we) &&
         !is_conjunction (u, ws, we))
    if (add_context_word (u, ws, we, out))
      found++;
  found = 0;
  we = end;
  while (found < CONTEXT_WORDS && word_after (u, n, we, end + CONTEXT_REACH, &ws, &we) &&
         !is_conjunction (u, ws, we))
    if (add_context_word (u, ws, we, out))
      found++;
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* Words that make a figure a difference from something else: a detour's
 * minutes are added to a trip's, an extra sum to a cost. Before it
 * ("detours of 12 minutes", "an extra £5m")… */
static const char *const change_before[] = {
  "detour", "detours", "extra", "additional", "longer", "shorter", "add", "adds", "added",
  "surcharge", "saving", "savings", "increase", "increases", "increased",
  "desvio", "desvios", "adicional", "adicionales", "sobrecoste",
};

/* … and after it ("12 minutes longer", "12 minutos más"; but "más de 12
 * minutos" is a level: more than 12). */
static const char *const change_after[] = {
  "longer", "shorter", "more", "less", "extra", "mas", "menos", "adicionales",
};

/* Words between a change word and its figure: "detours of", "longer by". */
static const char *const change_fillers[] = {
  "of", "by", "up", "to", "an", "a", "some", "another", "de", "un", "una", "otros", "otras",
};

/* Whether the figure [start, end) is a change: a change word just before
 * it (fillers aside) or just after it, within its clause and its reach
 * (CONTEXT_REACH, as its context: not over a run of spaces to the text's
 * start). "Longer car journeys: detours of 12 to 18 minutes" is the time
 * a detour adds, not the time a car journey takes. */
static gboolean
figure_is_change (CodePoints     *u,
                  gint64          n,
                  gint64          start,
                  gint64          end)
{
  gint64 ws = start, we;

  while (word_before (u, n, ws, start - CONTEXT_REACH, &ws, &we))
    {
      if (word_in (u, ws, we, change_before, G_N_ELEMENTS (change_before)))
        return TRUE;
      if (!word_in (u, ws, we, change_fillers, G_N_ELEMENTS (change_fillers)))
        break;
    }
  return word_after (u, n, end, end + CONTEXT_REACH, &ws, &we) &&
         word_in (u, ws, we, change_after, G_N_ELEMENTS (change_after));
}

/* Reads the number at @i: its value in *@value, returns its end. */
static gint64
read_number (CodePoints     *u,
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
      if (is_digit (at (u, j)))
        {
          g_string_append_c (digits, (char) at (u, j));
          group_len[n_groups - 1]++;
          j++;
        }
      else if ((at (u, j) == ',' || at (u, j) == '.' || at (u, j) == 0x00A0 || at (u, j) == 0x202F ||
                at (u, j) == 0x2009) &&
               j + 1 < n && is_digit (at (u, j + 1)) && n_seps < G_N_ELEMENTS (seps))
        {
          seps[n_seps++] = at (u, j);
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
  DossierFigure *f = data;

  g_free (f->unit);
  g_strfreev (f->context);
}

/* "£60m to £72m", "between £5bn and £7bn": two figures of one unit joined
 * by a range connector are one range. */
static void
merge_ranges (CodePoints     *u,
              gint64          n,
              GArray         *figures)
{
  for (guint i = 0; i + 1 < figures->len; )
    {
      DossierFigure *a = &g_array_index (figures, DossierFigure, i);
      DossierFigure *b = &g_array_index (figures, DossierFigure, i + 1);

      if (a->value == a->high && b->value == b->high && a->value < b->value &&
          strcmp (a->unit, b->unit) == 0 && range_connector (u, n, a->start, a->end) == b->start)
        {
          a->end = b->end;
          a->high = b->value;
          g_array_remove_index (figures, i + 1);
        }
      else
        i++;
    }
}

GArray *
dossier_find_figures (const char *text)
{
  return dossier_find_figures_checked (text, NULL, NULL);
}

/* How many characters go between two calls of the progress function. */
#define PROGRESS_EVERY DOSSIER_DIVERGE_CHECK_EVERY

/* Where each piece of @text starts (the byte of every
 * DOSSIER_FIGURES_PIECE-th code point) and how many code points it has,
 * in one pass, telling @progress as it goes: a text of 50 MB took over
 * 100 ms to go over, all of it past a cancel. FALSE when @progress says to
 * give up. */
static gboolean
code_points_init (CodePoints             *u,
                  const char             *text,
                  DossierFiguresProgress  progress,
                  gpointer                data)
{
  const char *p = text;
  gint64 i = 0;

  memset (u, 0, sizeof *u);
  u->text = text;
  u->piece_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (guint s = 0; s < PIECES_KEPT; s++)
    u->kept[s].piece = -1;
  for (; *p != '\0'; i++)
    {
      if ((i & PIECE_MASK) == 0)
        {
          gsize at_byte = p - text;

          g_array_append_val (u->piece_starts, at_byte);
        }
      if (progress != NULL && i % PROGRESS_EVERY == PROGRESS_EVERY - 1 && !progress (PROGRESS_EVERY, data))
        return FALSE;
      p = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
    }
  u->n = i;
  return TRUE;
}

static void
code_points_clear (CodePoints *u)
{
  g_clear_pointer (&u->piece_starts, g_array_unref);
  for (guint s = 0; s < PIECES_KEPT; s++)
    g_clear_pointer (&u->kept[s].code_points, g_free);
}

/* The code point at @k, its piece converted first (0 outside the text). */
static gunichar
at_slow (CodePoints *u,
         gint64      k)
{
  gint64 piece;
  Piece *kept;
  const char *p;
  gint64 n;

  if (k < 0 || k >= u->n)
    return 0;
  piece = k >> PIECE_SHIFT;
  kept = &u->kept[piece & (PIECES_KEPT - 1)];
  if (kept->code_points == NULL)
    kept->code_points = g_new (gunichar, DOSSIER_FIGURES_PIECE);
  p = u->text + g_array_index (u->piece_starts, gsize, piece);
  n = MIN (DOSSIER_FIGURES_PIECE, u->n - (piece << PIECE_SHIFT));
  for (gint64 j = 0; j < n; j++)
    if ((guchar) *p < 0x80)
      kept->code_points[j] = (guchar) *p++;
    else
      {
        kept->code_points[j] = g_utf8_get_char (p);
        p = g_utf8_next_char (p);
      }
  kept->piece = piece;
  return kept->code_points[k & PIECE_MASK];
}

/* The first digit in [@k, @limit) of the text, else @limit: a piece's
 * code points looked at in a row. Most of a text is no digit, and each
 * code point gone over by the scan's own loop cost a look through at ()
 * and the loop's cleanups: over a third of the scan of 50 MB, and 400 ms
 * of CPU time for 50 MB with no figure in it (75 ms now). */
static gint64
next_digit (CodePoints *u,
            gint64      k,
            gint64      limit)
{
  while (k < limit)
    {
      const Piece *kept = &u->kept[(k >> PIECE_SHIFT) & (PIECES_KEPT - 1)];
      gint64 end = MIN ((k | PIECE_MASK) + 1, limit);

      at (u, k);  /* (its piece converted) */
      for (; k < end; k++)
        if (is_digit (kept->code_points[k & PIECE_MASK]))
          return k;
    }
  return limit;
}

GArray *
dossier_find_figures_checked (const char             *text,
                              DossierFiguresProgress  progress,
                              gpointer                data)
{
  GArray *figures = g_array_new (FALSE, FALSE, sizeof (DossierFigure));
  g_auto(CodePoints) code_points = { 0 };
  CodePoints *u = &code_points;
  gint64 n;
  gint64 reported = 0;

  g_array_set_clear_func (figures, figure_clear);
  g_return_val_if_fail (text != NULL, figures);

  if (!code_points_init (u, text, progress, data))
    {
      g_array_unref (figures);
      return NULL;
    }
  n = u->n;
  for (gint64 i = 0; i < n; i++)
    {
      const char *unit = NULL;
      g_autofree char *word_unit = NULL;
      gint64 start, end, ws, we, second;
      double value, high, factor = 1;
      guint n_digits;
      gboolean percent = FALSE;
      g_autofree char *w = NULL;

      if (progress != NULL && i - reported >= PROGRESS_EVERY)
        {
          if (!progress (i - reported, data))
            {
              g_array_unref (figures);
              return NULL;
            }
          reported = i;
        }
      /* (to the next digit, or to the next report) */
      i = next_digit (u, i, progress != NULL ? MIN (n, reported + PROGRESS_EVERY) : n);
      if (i == n || !is_digit (at (u, i)))
        {
          i--;
          continue;
        }
      start = i;
      /* Inside a word, a code or another number ("A4", "v2", "3/4", "1.2.3"). */
      if (i > 0 && (g_unichar_isalnum (at (u, i - 1)) || at (u, i - 1) == '/' || at (u, i - 1) == '-' ||
                    ((at (u, i - 1) == '.' || at (u, i - 1) == ',') && i > 1 && is_digit (at (u, i - 2)))))
        {
          while (i + 1 < n && is_digit (at (u, i + 1)))
            i++;
          continue;
        }

      /* A currency sign before it: "£72m", "€ 3", "US$5". */
      if (i > 0 && currency_symbol (at (u, i - 1)) != NULL)
        {
          unit = currency_symbol (at (u, i - 1));
          start = i - 1;
        }
      else if (i > 1 && is_space (at (u, i - 1)) && currency_symbol (at (u, i - 2)) != NULL)
        {
          unit = currency_symbol (at (u, i - 2));
          start = i - 2;
        }
      if (unit != NULL && start >= 2 && at (u, start) == '$' && at (u, start - 1) == 'S' && at (u, start - 2) == 'U')
        start -= 2;

      end = read_number (u, n, i, &value, &n_digits);
      i = end - 1;  /* the loop goes on after the number */

      /* Times and dates ("10:30", "3/4/2024") are not figures. */
      if (end < n && (at (u, end) == ':' || at (u, end) == '/') && end + 1 < n && is_digit (at (u, end + 1)))
        continue;

      /* A range sharing one unit: "12 to 18 minutes", "£60–72 million",
       * "£60 to £72 million". A higher number only: "31 to 24" is a score. */
      high = value;
      second = range_connector (u, n, start, end);
      if (second >= 0 && second < n && unit != NULL && currency_symbol (at (u, second)) != NULL &&
          strcmp (currency_symbol (at (u, second)), unit) == 0)
        second++;
      if (second >= 0 && second < n && is_digit (at (u, second)))
        {
          double value2;
          guint n_digits2;
          gint64 end2 = read_number (u, n, second, &value2, &n_digits2);

          if (value2 > value &&
              !(end2 < n && (at (u, end2) == ':' || at (u, end2) == '/') && end2 + 1 < n && is_digit (at (u, end2 + 1))))
            {
              high = value2;
              end = end2;
              i = end - 1;
            }
        }

      /* A percent sign, attached or after a space. */
      if (end < n && at (u, end) == '%')
        {
          percent = TRUE;
          end++;
        }
      else if (end + 1 < n && is_space (at (u, end)) && at (u, end + 1) == '%')
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
        DossierFigure f = { start, end, value * factor, g_strdup (unit), high * factor, NULL, FALSE };
        g_array_append_val (figures, f);
      }
    }

  merge_ranges (u, n, figures);
  for (guint k = 0; k < figures->len; k++)
    {
      DossierFigure *f = &g_array_index (figures, DossierFigure, k);

      /* (a figure's context: a few words around it) */
      if (progress != NULL && (k & 0xFFF) == 0 && !progress (MIN (figures->len - k, 0x1000) * 16, data))
        {
          g_array_unref (figures);
          return NULL;
        }

      f->context = figure_context (u, n, f->start, f->end);
      f->change = figure_is_change (u, n, f->start, f->end);
    }
  return figures;
}
