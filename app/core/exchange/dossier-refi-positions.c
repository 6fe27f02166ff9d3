/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-refi-positions.c — where another tool's selections are in a
 * source's text. The standard counts positions in code points of the plain
 * text file, but tools have counted "\r\n" as one, lost the "\r" to XML's
 * line-end handling while counting it, or counted UTF-16 units. The
 * selections' names (tools name a selection after its text) tell which:
 * the counting they agree with best is used, positions are mapped through
 * it to the normalized text (NFC, LF) piece by piece, and a selection
 * whose text still disagrees is placed by its name where that occurs word
 * for word.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <dossier/dossier-anchor.h>
#include <dossier/dossier-text.h>

#include "dossier-exchange-private.h"
#include "dossier-project-private.h"
#include "dossier-text-private.h"

/* Selections whose names decide how positions are counted, at most. */
#define MAX_SCORED 400

/* How a tool may have counted positions. The standard's is first. */
typedef struct
{
  gboolean    utf16;        /* UTF-16 code units, not code points */
  gboolean    crlf_as_one;  /* "\r\n" one position */
  gboolean    lf_as_two;    /* "\n" two: the text had "\r\n" before XML dropped the "\r" */
  const char *label;
} Counting;

static const Counting countings[] = {
  { FALSE, FALSE, FALSE, N_("code points") },
  { FALSE, TRUE,  FALSE, N_("“\\r\\n” as one character") },
  { FALSE, FALSE, TRUE,  N_("each line break as “\\r\\n”, two characters") },
  { TRUE,  FALSE, FALSE, N_("UTF-16 units") },
  { TRUE,  TRUE,  FALSE, N_("UTF-16 units and “\\r\\n” as one") },
  { TRUE,  FALSE, TRUE,  N_("UTF-16 units and each line break as “\\r\\n”") },
};

typedef struct
{
  gboolean crlf;     /* has "\r\n" */
  gboolean bare_lf;  /* has "\n" without "\r" */
  gboolean astral;   /* has code points above U+FFFF */
} TextTraits;

static TextTraits
text_traits (const char *raw,
             gsize       len)
{
  TextTraits t = { FALSE, FALSE, FALSE };

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) raw[i];

      if (c == '\n')
        {
          if (i > 0 && raw[i - 1] == '\r')
            t.crlf = TRUE;
          else
            t.bare_lf = TRUE;
        }
      else if (c >= 0xF0)
        t.astral = TRUE;
    }
  return t;
}

static gboolean
counting_applies (const Counting *c,
                  TextTraits      t)
{
  if (c->utf16 && !t.astral)
    return FALSE;
  if (c->crlf_as_one && !t.crlf)
    return FALSE;
  if (c->lf_as_two && !t.bare_lf)
    return FALSE;
  return TRUE;
}

static int
compare_i64 (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

#define ALL_01    G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether a byte of @w is zero. */
static inline gboolean
has_zero_byte (guint64 w)
{
  return ((w - ALL_01) & ~w & HIGH_BITS) != 0;
}

/* Whether a byte of @w is "\r", "\n" or starts a code point above U+FFFF. */
static inline gboolean
has_special_byte (guint64 w)
{
  return has_zero_byte (w ^ (ALL_01 * '\r')) || has_zero_byte (w ^ (ALL_01 * '\n')) ||
         has_zero_byte ((w & (ALL_01 * 0xF0)) ^ (ALL_01 * 0xF0));
}

/* Where, from @p (a code point's start), at most @room code points that
 * count one in every counting end: at the first other one, or @end. How
 * many they are in @n. */
static const char *
skip_plain (const char *p,
            const char *end,
            gint64      room,
            gint64     *n)
{
  const char *q = p;
  gint64 k = 0;

  /* Whole words without a special byte, while they cannot go past @room
   * (each holds at most 8 starts). Stops anywhere in a code point. */
  while (end - q >= 8 && room - k >= 8)
    {
      guint64 w;

      memcpy (&w, q, 8);
      if (has_special_byte (w))
        break;
      k += 8 - __builtin_popcountll (w & ~(w << 1) & HIGH_BITS);
      q += 8;
    }
  /* Byte by byte, to the next code point's start that is special or over
   * @room. */
  for (; q < end; q++)
    {
      guchar b = (guchar) *q;

      if ((b & 0xC0) == 0x80)
        continue;
      if (k == room || b >= 0xF0 || b == '\r' || b == '\n')
        break;
      k++;
    }
  *n = k;
  return q;
}

/* Maps @n positions (ascending) counted with @c over @raw to code-point
 * offsets of @raw. A position inside a character (half a surrogate pair,
 * between "\r" and "\n") maps to that character's start. */
static void
units_to_raw (const char     *raw,
              gsize           len,
              const Counting *c,
              const gint64   *units,
              guint           n,
              gint64         *out)
{
  const char *p = raw, *end = raw + len;
  gint64 u = 0, cp = 0;
  guint i = 0;

  while (i < n)
    {
      gunichar ch;
      gint64 w;

      if (units[i] <= u)
        {
          out[i++] = cp;
          continue;
        }
      if (p >= end)
        {
          out[i] = cp + (units[i] - u);   /* past the end: refused later */
          i++;
          continue;
        }

      /* A run of characters that count one in every counting (all but
       * line ends and those above U+FFFF) is skipped without decoding
       * them, eight bytes at a time: walking them one by one was 15% of
       * the import of a 15 MB source. */
      if ((guchar) *p < 0xF0 && *p != '\r' && *p != '\n')
        {
          gint64 n_skipped;

          p = skip_plain (p, end, units[i] - u, &n_skipped);
          u += n_skipped;
          cp += n_skipped;
          continue;
        }

      ch = g_utf8_get_char (p);
      w = (c->utf16 && ch > 0xFFFF) ? 2 : 1;
      if (ch == '\r' && c->crlf_as_one && p + 1 < end && p[1] == '\n')
        w = 0;
      if (ch == '\n' && c->lf_as_two && (p == raw || p[-1] != '\r'))
        w = 2;

      if (units[i] < u + w)
        {
          out[i++] = cp;  /* inside this character */
          continue;
        }
      u += w;
      cp++;
      p = g_utf8_next_char (p);
    }
}

/* Code points of @raw[from, to) once normalized like the document's text. */
static gint64
normalized_length (const char *from,
                   const char *to)
{
  g_autoptr(GString) filtered = NULL;
  g_autoptr(GString) nfc = NULL;

  if (to <= from)
    return 0;
  filtered = g_string_sized_new (to - from + 1);
  dossier_text_filter_append (filtered, from, to - from);
  nfc = g_string_sized_new (filtered->len + 1);
  dossier_text_nfc_append (nfc, filtered->str, filtered->len);
  return dossier_text_length (nfc->str);
}

/* Maps @n code-point offsets of @raw (ascending) to offsets of its
 * normalized text: the text is normalized piece by piece, cut only where
 * normalizing the pieces apart gives what normalizing the whole does
 * (never inside "\r\n", never before a combining mark). */
static void
raw_to_normalized (const char   *raw,
                   gsize         len,
                   const gint64 *cps,
                   guint         n,
                   gint64       *out)
{
  const char *end = raw + len;
  const char *p = raw;        /* at code point cp */
  const char *piece = raw;    /* start of the piece not yet counted */
  gint64 cp = 0, norm = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *cut;

      while (cp < cps[i] && p < end)
        {
          if ((guchar) *p < 0x80)
            {
              const char *q = p, *stop = p + MIN (cps[i] - cp, end - p);

              while (q < stop && (guchar) *q < 0x80)
                q++;
              cp += q - p;
              p = q;
              continue;
            }
          p = g_utf8_next_char (p);
          cp++;
        }
      if (cp < cps[i])
        {
          out[i] = -1;  /* past the end */
          continue;
        }

      cut = p;
      for (int back = 0; back < 32 && cut > piece; back++)
        {
          if (cut < end && cut[0] == '\n' && cut[-1] == '\r')
            {
              cut--;
              continue;
            }
          if (cut >= end || dossier_text_is_stable_start (cut, end - cut))
            break;
          cut = g_utf8_prev_char (cut);
        }
      if (cut < piece)
        cut = piece;

      norm += normalized_length (piece, cut);
      piece = cut;
      out[i] = norm;
    }
}

void
dossier_refi_raw_selection_clear (gpointer p)
{
  g_free (((DossierRefiRawSelection *) p)->name);
}

char *
dossier_refi_selection_name (const char *name,
                             gboolean   *truncated)
{
  g_autofree char *norm = NULL;
  gsize len;

  *truncated = FALSE;
  if (name == NULL || name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    return NULL;
  norm = dossier_text_normalize (name, -1, NULL);
  if (norm == NULL)
    return NULL;
  len = strlen (norm);
  if (g_str_has_suffix (norm, "\u2026"))
    {
      norm[len - 3] = '\0';
      *truncated = TRUE;
    }
  else if (g_str_has_suffix (norm, "..."))
    {
      norm[len - 3] = '\0';
      *truncated = TRUE;
    }
  if (norm[0] == '\0')
    return NULL;
  return g_steal_pointer (&norm);
}

/* How much of @name agrees with the start of @text, a run of white space
 * in one agreeing with any run in the other: tools write a selection's
 * name on one line, its line breaks made spaces. Returns the bytes of
 * @name matched (all of it: strlen, when it agrees), and in @rest where
 * @text goes on after them. */
static gsize
agreeing_prefix (const char  *text,
                 const char  *name,
                 const char **rest)
{
  const char *t = text, *n = name;

  while (*n != '\0' && *t != '\0')
    {
      if (g_ascii_isspace (*n) && g_ascii_isspace (*t))
        {
          while (g_ascii_isspace (*n))
            n++;
          while (g_ascii_isspace (*t))
            t++;
          continue;
        }
      if (*n != *t)
        break;
      n++;
      t++;
    }
  *rest = t;
  return n - name;
}

/* Whether the text at [start, end) is what the selection's name says. */
static gboolean
name_agrees (DossierOffsetIndex *index,
             gint64              start,
             gint64              end,
             const DossierRefiRawSelection *sel)
{
  g_autofree char *slice = NULL;
  gsize name_len;
  const char *rest;

  if (start < 0 || end <= start || end > index->length)
    return FALSE;

  slice = dossier_text_slice (index->text + dossier_offset_index_bytes (index, start), 0, end - start);
  name_len = strlen (sel->name);
  if (agreeing_prefix (slice, sel->name, &rest) < name_len)
    return FALSE;
  while (g_ascii_isspace (*rest))
    rest++;
  if (*rest == '\0')
    return TRUE;

  /* A name cut short (with or without an ellipsis), as tools often write
   * them: the text must begin with it, and it must say enough. */
  return sel->truncated || name_len >= 12;
}

typedef struct
{
  gint64 *units;      /* distinct positions, ascending */
  guint   n;
  gint64 *raw;        /* scratch */
  gint64 *norm;       /* the mapped positions */
} PositionSet;

static gint64
lookup_mapped (const PositionSet *set,
               gint64             unit)
{
  gint64 *found = bsearch (&unit, set->units, set->n, sizeof (gint64), compare_i64);

  return found != NULL ? set->norm[found - set->units] : -1;
}

/* Maps the positions counted with @c to offsets of @index's text; @raw
 * is what it was normalized from, and @raw_is_text whether normalizing
 * left it as it was (NFC, LF line ends: what tools mostly write), but for
 * white space it may drop at the end. Then code points of @raw are the
 * offsets (past the end, refused either way), and the walk that maps them
 * is saved; with the standard's counting, both walks. */
static void
map_positions (PositionSet        *set,
               const char         *raw,
               gsize               len,
               gboolean            raw_is_text,
               DossierOffsetIndex *index,
               const Counting     *c)
{
  const gint64 *cps = set->units;

  if (c != &countings[0])
    {
      units_to_raw (raw, len, c, set->units, set->n, set->raw);
      cps = set->raw;
    }
  if (raw_is_text)
    {
      for (guint i = 0; i < set->n; i++)
        set->norm[i] = cps[i] <= index->length ? cps[i] : -1;
      return;
    }
  raw_to_normalized (raw, len, cps, set->n, set->norm);
}

/* How far around a selection's position its name is looked for before the
 * whole text is: a search of all of it needs an index of the whole text
 * (a second or more for 15 MB), while a name that disagrees with its
 * positions mostly lies a few characters off. Bytes each way. */
#define NEAR_WINDOW (64 * 1024)

/* Where @name occurs at @p, white space agreeing with any (see
 * agreeing_prefix): the start of that text (before @p when @name starts
 * with white space, which @name_at skips), or NULL; its end in @end. */
static const char *
occurs_at (const char  *text,
           const char  *p,
           const char  *name,
           const char  *name_at,
           const char **end)
{
  const char *start = p;

  if (agreeing_prefix (p, name_at, end) != strlen (name_at))
    return NULL;
  if (name_at > name)
    {
      while (start > text && g_ascii_isspace (start[-1]))
        start--;
      if (start == p)
        return NULL;
    }
  return start;
}

/* The occurrence of @name in @index's text nearest to @near (code points),
 * the one before it on a tie, as the anchor's search ranks them, white
 * space agreeing with any: its start, and its end in @end. -1 if none
 * is within NEAR_WINDOW bytes. */
static gint64
find_name_near (DossierOffsetIndex *index,
                const char         *name,
                gint64              near,
                gint64             *end)
{
  const char *text = index->text;
  const char *name_at = name;
  gsize at = dossier_offset_index_bytes (index, near);
  gsize from = at > NEAR_WINDOW ? at - NEAR_WINDOW : 0;
  gsize to = MIN (index->n_bytes, at + NEAR_WINDOW);
  const char *after = NULL, *after_end = NULL, *before = NULL, *before_end = NULL;
  gint64 after_distance = 0, before_distance = 0;
  g_autofree char *key = NULL;
  gsize key_len;

  /* Candidates are where its first word is. */
  while (g_ascii_isspace (*name_at))
    name_at++;
  key_len = strcspn (name_at, " \t\n\r\f\v");
  if (key_len == 0)
    return -1;
  key = g_strndup (name_at, key_len);

  for (const char *p = text + at; p < text + to; p = g_utf8_next_char (p))
    {
      if ((p = g_strstr_len (p, MIN (text + to + key_len, text + index->n_bytes) - p, key)) == NULL)
        break;
      if ((after = occurs_at (text, p, name, name_at, &after_end)) != NULL)
        break;
    }
  /* The last one before @at. */
  for (const char *p = text + from; p < text + at; p = g_utf8_next_char (p))
    {
      const char *found, *found_end;

      if ((p = g_strstr_len (p, text + at + key_len - 1 - p, key)) == NULL)
        break;
      if ((found = occurs_at (text, p, name, name_at, &found_end)) != NULL)
        {
          before = found;
          before_end = found_end;
        }
    }

  if (after != NULL)
    after_distance = after >= text + at ? g_utf8_pointer_to_offset (text + at, after)
                                        : -g_utf8_pointer_to_offset (after, text + at);
  if (before != NULL)
    before_distance = g_utf8_pointer_to_offset (before, text + at);
  if (before != NULL && (after == NULL || before_distance <= ABS (after_distance)))
    {
      *end = near - before_distance + g_utf8_pointer_to_offset (before, before_end);
      return near - before_distance;
    }
  if (after != NULL)
    {
      *end = near + after_distance + g_utf8_pointer_to_offset (after, after_end);
      return near + after_distance;
    }
  return -1;
}

static void
position_set_init (PositionSet *set,
                   GArray      *selections,
                   gboolean     named_only,
                   guint        limit)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint taken = 0;

  for (guint i = 0; i < selections->len && taken < limit; i++)
    {
      DossierRefiRawSelection *sel = &g_array_index (selections, DossierRefiRawSelection, i);

      if (named_only && sel->name == NULL)
        continue;
      g_array_append_val (all, sel->start);
      g_array_append_val (all, sel->end);
      taken++;
    }
  g_array_sort (all, compare_i64);

  set->units = g_new (gint64, MAX (all->len, 1));
  set->n = 0;
  for (guint i = 0; i < all->len; i++)
    {
      gint64 v = g_array_index (all, gint64, i);

      if (set->n == 0 || set->units[set->n - 1] != v)
        set->units[set->n++] = v;
    }
  set->raw = g_new (gint64, MAX (set->n, 1));
  set->norm = g_new (gint64, MAX (set->n, 1));
}

static void
position_set_clear (PositionSet *set)
{
  g_free (set->units);
  g_free (set->raw);
  g_free (set->norm);
}

/* Whether a position (ascending @units, counted in UTF-16 units over
 * @raw) falls between the two halves of a surrogate pair: a tool that
 * counts UTF-16 units never selects half a character. */
static gboolean
splits_a_pair (const char   *raw,
               gsize         len,
               const gint64 *units,
               guint         n)
{
  const char *p = raw, *end = raw + len;
  gint64 u = 0;
  guint i = 0;

  while (i < n && p < end)
    {
      gint64 w = (guchar) *p >= 0xF0 ? 2 : 1;

      for (; i < n && units[i] < u + w; i++)
        if (units[i] > u)
          return TRUE;
      u += w;
      p = g_utf8_next_char (p);
    }
  return FALSE;
}

/* How many of @selections the positions of @set place inside the text. */
static guint
count_inside (const PositionSet  *set,
              GArray             *selections,
              DossierOffsetIndex *index)
{
  guint n = 0;

  for (guint i = 0; i < selections->len; i++)
    {
      DossierRefiRawSelection *sel = &g_array_index (selections, DossierRefiRawSelection, i);
      gint64 start = lookup_mapped (set, sel->start);
      gint64 end = lookup_mapped (set, sel->end);

      n += start >= 0 && end > start && end <= index->length;
    }
  return n;
}

/* With no name to tell how positions were counted: UTF-16 units when
 * code points put selections past the end of a text with characters
 * above U+FFFF, a counting in UTF-16 units puts every one inside, and
 * none of them splits a character in two. Otherwise @fallback. */
static const Counting *
counting_by_extent (const char         *raw,
                    gsize               len,
                    gboolean            raw_is_text,
                    DossierOffsetIndex *index,
                    TextTraits          traits,
                    GArray             *selections,
                    PositionSet        *set,
                    const Counting     *fallback)
{
  guint inside;

  if (!traits.astral || selections->len == 0)
    return fallback;
  map_positions (set, raw, len, raw_is_text, index, fallback);
  inside = count_inside (set, selections, index);
  if (inside == selections->len || splits_a_pair (raw, len, set->units, set->n))
    return fallback;

  for (guint c = 0; c < G_N_ELEMENTS (countings); c++)
    {
      if (!countings[c].utf16 || !counting_applies (&countings[c], traits))
        continue;
      map_positions (set, raw, len, raw_is_text, index, &countings[c]);
      if (count_inside (set, selections, index) == selections->len)
        return &countings[c];
    }
  return fallback;
}

/* Selections placed by positions alone (no name to check them by) that
 * lie after a character above U+FFFF: a tool counting UTF-16 units puts
 * them a character further for each such character before them. */
static guint
count_unchecked_after_astral (DossierOffsetIndex *index,
                              GArray             *selections,
                              const gint64       *starts)
{
  const char *astral = index->text;
  gint64 first;
  guint n = 0;

  while (*astral != '\0' && (guchar) *astral < 0xF0)
    astral++;
  if (*astral == '\0')
    return 0;
  first = g_utf8_pointer_to_offset (index->text, astral);

  for (guint i = 0; i < selections->len; i++)
    {
      DossierRefiRawSelection *sel = &g_array_index (selections, DossierRefiRawSelection, i);

      if (starts[i] > first && (sel->name == NULL || g_utf8_strlen (sel->name, -1) < 4))
        n++;
    }
  return n;
}

const char *
dossier_refi_place_selections (const char          *raw,
                               gsize                len,
                               DossierOffsetIndex  *index,
                               GArray              *selections,
                               gint64              *starts,
                               gint64              *ends,
                               guint               *n_placed_by_name,
                               guint               *n_unchecked)
{
  TextTraits traits = text_traits (raw, len);
  gboolean raw_is_text = len >= index->n_bytes && memcmp (raw, index->text, index->n_bytes) == 0;
  const Counting *best = &countings[0];
  PositionSet set;
  g_autoptr(DossierAnchorText) anchor = NULL;
  guint best_score = 0;

  *n_placed_by_name = 0;
  *n_unchecked = 0;

  /* Which counting do the names agree with? Only asked when more than one
   * could apply, and only until one agrees with every name: the standard's
   * is tried first, and with it most files are done. */
  for (guint k = 1; k < G_N_ELEMENTS (countings); k++)
    if (counting_applies (&countings[k], traits))
      {
        guint named = 0;

        position_set_init (&set, selections, TRUE, MAX_SCORED);
        for (guint i = 0; i < selections->len && named < MAX_SCORED; i++)
          named += g_array_index (selections, DossierRefiRawSelection, i).name != NULL;
        for (guint c = 0; c < G_N_ELEMENTS (countings) && best_score < named; c++)
          {
            guint score = 0, seen = 0;

            if (!counting_applies (&countings[c], traits))
              continue;
            map_positions (&set, raw, len, raw_is_text, index, &countings[c]);
            for (guint i = 0; i < selections->len && seen < MAX_SCORED; i++)
              {
                DossierRefiRawSelection *sel = &g_array_index (selections, DossierRefiRawSelection, i);

                if (sel->name == NULL)
                  continue;
                seen++;
                if (name_agrees (index, lookup_mapped (&set, sel->start), lookup_mapped (&set, sel->end), sel))
                  score++;
              }
            if (score > best_score)
              {
                best_score = score;
                best = &countings[c];
              }
          }
        position_set_clear (&set);
        break;
      }

  position_set_init (&set, selections, FALSE, G_MAXUINT);
  /* No name agreed with any counting (or none has one): the extent of
   * the positions may still tell. */
  if (best_score == 0)
    best = counting_by_extent (raw, len, raw_is_text, index, traits, selections, &set, best);
  map_positions (&set, raw, len, raw_is_text, index, best);

  for (guint i = 0; i < selections->len; i++)
    {
      DossierRefiRawSelection *sel = &g_array_index (selections, DossierRefiRawSelection, i);
      gint64 start = lookup_mapped (&set, sel->start);
      gint64 end = lookup_mapped (&set, sel->end);

      if (sel->name != NULL && g_utf8_strlen (sel->name, -1) >= 4 &&
          !name_agrees (index, start, end, sel))
        {
          DossierTextQuote q = { sel->name, NULL, NULL, MAX (start, 0), MAX (start, 0) };
          gint64 e = -1, s = find_name_near (index, sel->name, q.start, &e);
          DossierAnchorOutcome outcome = DOSSIER_ANCHOR_EXACT_QUOTE;

          q.end = q.start + g_utf8_strlen (sel->name, -1);
          if (s < 0)
            {
              if (anchor == NULL)
                anchor = dossier_anchor_text_new (index->text);
              outcome = dossier_anchor_locate (anchor, &q, &s, &e);
            }

          /* Only where the name occurs word for word: a name that is a
           * label, not a quote, says nothing about where the text is. */
          if (outcome == DOSSIER_ANCHOR_EXACT_POSITION || outcome == DOSSIER_ANCHOR_EXACT_QUOTE)
            {
              if (sel->truncated && end > start)
                e = MIN (MAX (e, s + (end - start)), index->length);
              start = s;
              end = e;
              (*n_placed_by_name)++;
            }
        }

      if (start < 0 || end <= start || end > index->length)
        start = end = -1;
      starts[i] = start;
      ends[i] = end;
    }

  /* Nothing checked them: what may be off is said. */
  if (best_score == 0 && !best->utf16)
    *n_unchecked = count_unchecked_after_astral (index, selections, starts);

  position_set_clear (&set);
  return best != &countings[0] ? _(best->label) : NULL;
}
