/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-anchor.c — re-placing highlights in a new version of a text.
 *
 * A highlight remembers its offsets, its quote and some context. To find it
 * again in an edited text we try, in order of trust: the old offsets, if
 * the quote and all its context are still there; every exact occurrence of
 * the quote, ranked by how much context agrees and then by distance (so the
 * old offsets win a tie, and lose to an occurrence whose context agrees
 * better); and a fuzzy match allowing edits to a quarter of the quote.
 *
 * Documents are up to megabytes and may carry thousands of highlights, so
 * nothing scans the whole text per highlight: a 4-gram index over the text
 * (built once, on first need) gives the places where a quote, a piece of
 * it or its context occurs, and the fuzzy match only runs Myers' bit-vector
 * edit distance over small windows around those places.
 */

#include "config.h"

#include <string.h>

#include <dossier/dossier-anchor.h>
#include <dossier/dossier-text.h>

/* Exact 4-grams seed every search. */
#define GRAM 4
/* Pieces of the quote looked up to seed the fuzzy match. */
#define CHUNK 8
/* Pieces or context found more often than this say nothing about where the
 * quote went. */
#define MAX_CHUNK_HITS 256
#define MAX_CONTEXT_HITS 64
/* Windows checked with the edit distance, best seeded first. */
#define MAX_WINDOWS 24
/* How much of the context is used to seed: the part nearest the quote. */
#define CONTEXT_SEED 16
/* Longer quotes are matched approximately by their two ends. */
#define LONG_QUOTE 1024
#define END_PIECE 256

typedef struct
{
  guint32 *starts;      /* nbuckets + 1 offsets into positions */
  guint32 *positions;   /* start of each 4-gram, grouped by bucket, ascending */
  guint32  mask;
} GramIndex;

struct _DossierAnchorText
{
  gunichar  *chars;
  gint64     len;
  GramIndex *index;     /* built on first need, thread-safely */
};

DossierAnchorText *
dossier_anchor_text_new (const char *text)
{
  DossierAnchorText *self;
  glong n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (DossierAnchorText, 1);
  self->chars = g_utf8_to_ucs4_fast (text, -1, &n);
  self->len = n;

  return self;
}

void
dossier_anchor_text_free (DossierAnchorText *self)
{
  if (self == NULL)
    return;

  if (self->index != NULL)
    {
      g_free (self->index->starts);
      g_free (self->index->positions);
      g_free (self->index);
    }
  g_free (self->chars);
  g_free (self);
}

gint64
dossier_anchor_text_length (DossierAnchorText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->len;
}

const char *
dossier_anchor_outcome_to_string (DossierAnchorOutcome outcome)
{
  switch (outcome)
    {
    case DOSSIER_ANCHOR_EXACT_POSITION:
      return "exact-position";
    case DOSSIER_ANCHOR_EXACT_QUOTE:
      return "exact-quote";
    case DOSSIER_ANCHOR_APPROXIMATE:
      return "approximate";
    case DOSSIER_ANCHOR_ORPHANED:
      return "orphaned";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* The 4-gram index                                                         */

static inline guint32
gram_hash (const gunichar *p)
{
  guint32 h = p[0];

  h = h * 0x9E3779B1u + p[1];
  h = h * 0x9E3779B1u + p[2];
  h = h * 0x9E3779B1u + p[3];
  h ^= h >> 15;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;

  return h;
}

static GramIndex *
build_index (const gunichar *chars,
             gint64          len)
{
  GramIndex *index = g_new0 (GramIndex, 1);
  gint64 grams = len >= GRAM ? len - GRAM + 1 : 0;
  guint32 nbuckets = 16;
  guint32 *fill;

  while (nbuckets < grams && nbuckets < (1u << 30))
    nbuckets <<= 1;

  index->mask = nbuckets - 1;
  index->starts = g_new0 (guint32, nbuckets + 1);
  index->positions = g_new (guint32, MAX (grams, 1));

  /* Counting sort by bucket: positions come out ascending in each. */
  for (gint64 i = 0; i < grams; i++)
    index->starts[(gram_hash (chars + i) & index->mask) + 1]++;
  for (guint32 b = 0; b < nbuckets; b++)
    index->starts[b + 1] += index->starts[b];

  fill = g_memdup2 (index->starts, nbuckets * sizeof (guint32));
  for (gint64 i = 0; i < grams; i++)
    index->positions[fill[gram_hash (chars + i) & index->mask]++] = (guint32) i;
  g_free (fill);

  return index;
}

static GramIndex *
get_index (DossierAnchorText *self)
{
  if (g_once_init_enter (&self->index))
    g_once_init_leave (&self->index, build_index (self->chars, self->len));

  return self->index;
}

static inline gboolean
matches_at (const DossierAnchorText *self,
            gint64                   start,
            const gunichar          *pattern,
            gint64                   plen)
{
  return start >= 0 && start <= self->len - plen &&
         memcmp (self->chars + start, pattern, plen * sizeof (gunichar)) == 0;
}

/* Characters compared per search at most: occurrences of a long quote in
 * repetitive text would otherwise cost its length times their number. */
#define SEARCH_BUDGET (16 * 1024 * 1024)

static inline gint64
common_length (const gunichar *a,
               const gunichar *b,
               gint64          n)
{
  gint64 i = 0;

  /* memcmp() a block at a time; the mismatch itself character by
   * character. */
  while (n - i >= 32 && memcmp (a + i, b + i, 32 * sizeof (gunichar)) == 0)
    i += 32;
  while (i < n && a[i] == b[i])
    i++;

  return i;
}

/* Appends to @out (of gint64) starts of @pattern in the text, nearest to
 * @near first, up to @limit of them (0 = no limit) and within the search
 * budget. Returns FALSE if it stopped before seeing every candidate. */
static gboolean
find_all (DossierAnchorText *self,
          const gunichar    *pattern,
          gint64             plen,
          gint64             near,
          guint              limit,
          GArray            *out)
{
  gint64 budget = SEARCH_BUDGET;

  if (plen <= 0 || plen > self->len)
    return TRUE;

  if (plen < GRAM)
    {
      /* Too short for the index: scan outwards from @near. */
      gint64 last = self->len - plen;
      gint64 r = CLAMP (near, 0, last);
      gint64 l = r - 1;

      while (l >= 0 || r <= last)
        {
          gint64 i = (r > last || (l >= 0 && near - l <= r - near)) ? l-- : r++;

          if (self->chars[i] == pattern[0] && matches_at (self, i, pattern, plen))
            {
              if (limit > 0 && out->len >= limit)
                return FALSE;
              g_array_append_val (out, i);
            }
        }
      return TRUE;
    }
  else
    {
      GramIndex *index = get_index (self);
      const guint32 *pos;
      gint64 off = 0;
      guint32 best_count = G_MAXUINT32;
      guint32 bucket = 0;
      gint64 lo, hi, l, r, count;

      /* Look up the pattern's rarest 4-gram. */
      for (gint64 o = 0; o + GRAM <= plen; o++)
        {
          guint32 b = gram_hash (pattern + o) & index->mask;
          guint32 n = index->starts[b + 1] - index->starts[b];

          if (n < best_count)
            {
              best_count = n;
              off = o;
              bucket = b;
              if (n == 0)
                return TRUE;
            }
        }

      /* Its occurrences are sorted: start from the one nearest @near. */
      pos = index->positions + index->starts[bucket];
      count = best_count;
      lo = 0;
      hi = count;
      while (lo < hi)
        {
          gint64 mid = lo + (hi - lo) / 2;

          if ((gint64) pos[mid] - off < near)
            lo = mid + 1;
          else
            hi = mid;
        }

      r = lo;
      l = lo - 1;
      while (l >= 0 || r < count)
        {
          gint64 k, start, same;

          if (r >= count || (l >= 0 && near - ((gint64) pos[l] - off) <= ((gint64) pos[r] - off) - near))
            k = l--;
          else
            k = r++;

          start = (gint64) pos[k] - off;
          if (start < 0 || start + plen > self->len)
            continue;

          same = common_length (self->chars + start, pattern, plen);
          budget -= same + 1;
          if (same == plen)
            {
              if (limit > 0 && out->len >= limit)
                return FALSE;
              g_array_append_val (out, start);
            }
          if (budget < 0)
            return FALSE;
        }
      return TRUE;
    }
}

/* ------------------------------------------------------------------------ */
/* Myers' bit-vector edit distance (Hyyrö's blocks, as in edlib)            */

typedef struct
{
  const gunichar *pattern;
  gint64          m;
  guint           words;       /* 64-bit blocks */
  guint64         last_bit;    /* row m-1 in the last block */
  guint64        *peq;         /* (distinct + 1) × words; last row all zero */
  gunichar       *keys;        /* open addressing: char → row */
  guint          *rows;
  guint           mask;
  guint           zero_row;
  guint64        *pv;
  guint64        *mv;
} Myers;

static inline guint
char_slot (gunichar c,
           guint    mask)
{
  return (c * 0x9E3779B1u) >> 7 & mask;
}

static guint
peq_row (const Myers *my,
         gunichar     c)
{
  for (guint s = char_slot (c, my->mask);; s = (s + 1) & my->mask)
    {
      if (my->keys[s] == c)
        return my->rows[s];
      if (my->keys[s] == (gunichar) -1)
        return my->zero_row;
    }
}

static void
myers_init (Myers          *my,
            const gunichar *pattern,
            gint64          m,
            gboolean        reversed)
{
  guint size = 16;
  guint distinct = 0;
  gunichar *pat = g_new (gunichar, m);

  for (gint64 i = 0; i < m; i++)
    pat[i] = reversed ? pattern[m - 1 - i] : pattern[i];

  my->pattern = pat;
  my->m = m;
  my->words = (guint) ((m + 63) / 64);
  my->last_bit = (guint64) 1 << ((m - 1) % 64);

  while (size < 2 * (guint) m + 2)
    size <<= 1;
  my->mask = size - 1;
  my->keys = g_new (gunichar, size);
  my->rows = g_new (guint, size);
  memset (my->keys, 0xff, size * sizeof (gunichar));

  /* One row of match bits per distinct character, plus a zero row for
   * characters the pattern does not have. */
  for (gint64 i = 0; i < m; i++)
    {
      gunichar c = pat[i];
      guint s = char_slot (c, my->mask);

      while (my->keys[s] != (gunichar) -1 && my->keys[s] != c)
        s = (s + 1) & my->mask;
      if (my->keys[s] == (gunichar) -1)
        {
          my->keys[s] = c;
          my->rows[s] = distinct++;
        }
    }

  my->zero_row = distinct;
  my->peq = g_new0 (guint64, ((gsize) distinct + 1) * my->words);
  for (gint64 i = 0; i < m; i++)
    my->peq[(gsize) peq_row (my, pat[i]) * my->words + i / 64] |= (guint64) 1 << (i % 64);

  my->pv = g_new (guint64, my->words);
  my->mv = g_new (guint64, my->words);
}

static void
myers_clear (Myers *my)
{
  g_free ((gpointer) my->pattern);
  g_free (my->keys);
  g_free (my->rows);
  g_free (my->peq);
  g_free (my->pv);
  g_free (my->mv);
}

static inline int
myers_block (guint64 *pv_io,
             guint64 *mv_io,
             guint64  eq,
             int      hin,
             guint64  out_bit)
{
  guint64 pv = *pv_io;
  guint64 mv = *mv_io;
  guint64 hin_neg = hin < 0 ? 1 : 0;
  guint64 xv = eq | mv;
  guint64 xh, ph, mh;
  int hout;

  eq |= hin_neg;
  xh = (((eq & pv) + pv) ^ pv) | eq;
  ph = mv | ~(xh | pv);
  mh = pv & xh;
  hout = (ph & out_bit) ? 1 : (mh & out_bit) ? -1 : 0;
  ph <<= 1;
  mh <<= 1;
  mh |= hin_neg;
  ph |= hin > 0 ? 1 : 0;
  *pv_io = mh | ~(xv | ph);
  *mv_io = ph & xv;

  return hout;
}

/* Runs the pattern over @n text characters read from @text with @step
 * (+1 forwards, -1 backwards), storing in @scores[j] the edit distance of
 * the pattern against text ending after j + 1 characters. With @anchored
 * the match must start at the first character read; else anywhere. */
static void
myers_run (Myers          *my,
           const gunichar *text,
           gint64          n,
           int             step,
           gboolean        anchored,
           gint64         *scores)
{
  gint64 score = my->m;

  for (guint w = 0; w < my->words; w++)
    {
      my->pv[w] = ~(guint64) 0;
      my->mv[w] = 0;
    }

  for (gint64 j = 0; j < n; j++)
    {
      const guint64 *eq = my->peq + (gsize) peq_row (my, text[j * step]) * my->words;
      int h = anchored ? 1 : 0;

      for (guint w = 0; w < my->words; w++)
        h = myers_block (&my->pv[w], &my->mv[w], eq[w], h,
                         w + 1 == my->words ? my->last_bit : (guint64) 1 << 63);
      score += h;
      scores[j] = score;
    }
}

typedef struct
{
  gint64 start;
  gint64 end;
  gint64 distance;
} Match;

/* Best match of the quote inside text [from, to), ending nearest to
 * @expected_end among the best. */
static gboolean
best_in_window (DossierAnchorText *self,
                Myers             *forward,
                Myers             *backward,
                gint64             from,
                gint64             to,
                gint64             expected_end,
                Match             *match)
{
  gint64 n = to - from;
  gint64 m = forward->m;
  g_autofree gint64 *scores = NULL;
  gint64 best = G_MAXINT64, best_end = -1;
  gint64 best_len = -1, best_back = G_MAXINT64;
  gboolean best_fits = FALSE;

  if (n <= 0)
    return FALSE;

  scores = g_new (gint64, n);
  myers_run (forward, self->chars + from, n, 1, FALSE, scores);

  /* Among equally good ends, prefer one on the quote's last character,
   * then the one nearest where the seeds expect it. */
  for (gint64 j = 0; j < n; j++)
    {
      gint64 end = from + j + 1;
      gboolean fits = self->chars[end - 1] == forward->pattern[m - 1];

      if (scores[j] < best ||
          (scores[j] == best && fits && !best_fits) ||
          (scores[j] == best && fits == best_fits &&
           ABS (end - expected_end) < ABS (best_end - expected_end)))
        {
          best = scores[j];
          best_end = end;
          best_fits = fits;
        }
    }

  /* Now the start: the pattern backwards from the end, anchored there. */
  n = best_end - from;
  myers_run (backward, self->chars + best_end - 1, n, -1, TRUE, scores);
  /* Likewise a start on the quote's first character, then the longest
   * span: when an insertion and substitutions cost the same, keeping the
   * inserted words keeps the whole passage. */
  best_fits = FALSE;
  for (gint64 j = 0; j < n; j++)
    {
      gboolean fits = self->chars[best_end - 1 - j] == forward->pattern[0];

      if (scores[j] < best_back ||
          (scores[j] == best_back && (fits || !best_fits)))
        {
          best_back = scores[j];
          best_len = j + 1;
          best_fits = fits;
        }
    }

  match->start = best_end - best_len;
  match->end = best_end;
  match->distance = best_back;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Locating                                                                 */

/* What one search looks for: the quote's @m characters, the context that
 * stood before and after it, and where it was. A long quote is looked for
 * as two of these, its head and its tail, each with its own context. */
typedef struct
{
  const gunichar *quote;
  gint64          m;
  const gunichar *prefix;
  gint64          plen;
  const gunichar *suffix;
  gint64          slen;
  gint64          old_start;
} Search;

typedef struct
{
  gint64 first;
  gint64 last;
  guint  votes;
} Cluster;

static void
add_votes (GArray *seeds,
           gint64  start,
           guint   votes)
{
  for (guint v = 0; v < votes; v++)
    g_array_append_val (seeds, start);
}

static gint
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
locate_approximate (DossierAnchorText *self,
                    const Search      *w,
                    gint64            *start,
                    gint64            *end)
{
  gint64 m = w->m;
  gint64 old_start = w->old_start;
  gint64 max_errors = m / 4;
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (Cluster));
  Myers forward = { 0 }, backward = { 0 };
  Match best = { .distance = G_MAXINT64 };
  gint64 spread = m + max_errors;

  if (max_errors == 0 || self->len == 0)
    return FALSE;

  /* Where the quote was. */
  add_votes (seeds, CLAMP (old_start, 0, self->len), 1);

  /* Right after its prefix, right before its suffix. */
  if (w->plen >= GRAM)
    {
      gint64 n = MIN (w->plen, CONTEXT_SEED);

      g_array_set_size (hits, 0);
      find_all (self, w->prefix + w->plen - n, n, old_start - n, MAX_CONTEXT_HITS, hits);
      for (guint i = 0; i < hits->len; i++)
        add_votes (seeds, g_array_index (hits, gint64, i) + n, 3);
    }
  if (w->slen >= GRAM)
    {
      gint64 n = MIN (w->slen, CONTEXT_SEED);

      g_array_set_size (hits, 0);
      find_all (self, w->suffix, n, old_start + m, MAX_CONTEXT_HITS, hits);
      for (guint i = 0; i < hits->len; i++)
        add_votes (seeds, g_array_index (hits, gint64, i) - m, 3);
    }

  /* Pieces of the quote: with few edits, some survive intact. */
  if (m >= CHUNK)
    {
      for (gint64 off = 0; off < m; off += CHUNK)
        {
          gint64 o = MIN (off, m - CHUNK);

          g_array_set_size (hits, 0);
          find_all (self, w->quote + o, CHUNK, old_start + o, MAX_CHUNK_HITS, hits);
          if (hits->len >= MAX_CHUNK_HITS)
            continue;
          for (guint i = 0; i < hits->len; i++)
            add_votes (seeds, g_array_index (hits, gint64, i) - o, 1);
        }
    }

  /* Seeds close together are one place to look. */
  g_array_sort (seeds, compare_gint64);
  for (guint i = 0; i < seeds->len; i++)
    {
      gint64 s = g_array_index (seeds, gint64, i);
      Cluster *last = clusters->len > 0 ?
        &g_array_index (clusters, Cluster, clusters->len - 1) : NULL;

      if (last != NULL && s - last->last <= max_errors + CHUNK && s - last->first <= spread)
        {
          last->last = s;
          last->votes++;
        }
      else
        {
          Cluster c = { s, s, 1 };
          g_array_append_val (clusters, c);
        }
    }

  /* Check the best-supported places (nearest first among equals). */
  for (guint i = 0; i < clusters->len; i++)
    {
      for (guint j = i + 1; j < clusters->len; j++)
        {
          Cluster *a = &g_array_index (clusters, Cluster, i);
          Cluster *b = &g_array_index (clusters, Cluster, j);

          if (b->votes > a->votes ||
              (b->votes == a->votes && ABS (b->first - old_start) < ABS (a->first - old_start)))
            {
              Cluster t = *a;
              *a = *b;
              *b = t;
            }
        }
      if (i + 1 >= MAX_WINDOWS)
        break;
    }

  myers_init (&forward, w->quote, m, FALSE);
  myers_init (&backward, w->quote, m, TRUE);

  for (guint i = 0; i < MIN (clusters->len, MAX_WINDOWS); i++)
    {
      const Cluster *c = &g_array_index (clusters, Cluster, i);
      gint64 from = CLAMP (c->first - max_errors, 0, self->len);
      gint64 to = CLAMP (c->last + m + max_errors, 0, self->len);
      Match match;

      if (!best_in_window (self, &forward, &backward, from, to,
                           (c->first + c->last) / 2 + m, &match))
        continue;

      if (match.distance < best.distance ||
          (match.distance == best.distance &&
           ABS (match.start - old_start) < ABS (best.start - old_start)))
        best = match;
    }

  myers_clear (&forward);
  myers_clear (&backward);

  if (best.distance > max_errors || best.end <= best.start)
    return FALSE;

  *start = best.start;
  *end = best.end;
  return TRUE;
}

/* How many characters of the old context agree around an occurrence of
 * the quote at @at: the prefix read backwards from the quote, the
 * suffix forwards, each up to its first difference. Both count alike, so
 * occurrences that only one side tells apart are still told apart. */
static gint64
context_score (const DossierAnchorText *self,
               gint64                   at,
               const Search            *w)
{
  gint64 score = 0;

  for (gint64 k = 0; k < w->plen && at - 1 - k >= 0; k++, score++)
    if (self->chars[at - 1 - k] != w->prefix[w->plen - 1 - k])
      break;
  for (gint64 k = 0; k < w->slen && at + w->m + k < self->len; k++, score++)
    if (self->chars[at + w->m + k] != w->suffix[k])
      break;

  return score;
}

/* Every exact occurrence of the quote, ranked by how much of the old
 * context agrees around it, then by distance to the old start. */
static gboolean
locate_exact (DossierAnchorText *self,
              const Search      *w,
              gint64            *start)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 best = -1, best_score = -1;

  find_all (self, w->quote, w->m, w->old_start, 0, hits);
  for (guint i = 0; i < hits->len; i++)
    {
      gint64 at = g_array_index (hits, gint64, i);
      gint64 score = context_score (self, at, w);

      if (score > best_score ||
          (score == best_score && ABS (at - w->old_start) < ABS (best - w->old_start)))
        {
          best_score = score;
          best = at;
        }
    }

  if (best < 0)
    return FALSE;

  *start = best;
  return TRUE;
}

/* Whether @m characters of @q are roughly the text at [start, end): most of
 * a sample of its pieces are found near where they should be. */
static gboolean
middle_agrees (DossierAnchorText *self,
               const gunichar    *q,
               gint64             m,
               gint64             start,
               gint64             end)
{
  const int samples = 32;
  gint64 span = end - start;
  gint64 slack = MIN (m / 4, 2048) + CHUNK;
  int found = 0;

  for (int i = 0; i < samples; i++)
    {
      gint64 o = (m - CHUNK) * i / (samples - 1);
      gint64 expected = start + o * span / m;
      gint64 from = MAX (start, expected - slack);
      gint64 to = MIN (end - CHUNK, expected + slack);

      for (gint64 p = from; p <= to; p++)
        {
          if (common_length (self->chars + p, q + o, CHUNK) == CHUNK)
            {
              found++;
              break;
            }
        }
    }

  return found * 2 >= samples;
}

static gboolean
locate_piece (DossierAnchorText *self,
              const Search      *w,
              gint64            *start,
              gint64            *end)
{
  if (locate_exact (self, w, start))
    {
      *end = *start + w->m;
      return TRUE;
    }

  return locate_approximate (self, w, start, end);
}

/* A long quote (a whole section) is found by its head and its tail, each
 * with its own context; what lies between must still roughly agree. The
 * edit distance over the whole of it would cost too much. */
static gboolean
locate_long (DossierAnchorText *self,
             const Search      *w,
             gint64            *start,
             gint64            *end)
{
  const gunichar *q = w->quote;
  gint64 m = w->m;
  /* The head's suffix and the tail's prefix are the quote's own text. */
  Search head = { q, END_PIECE, w->prefix, w->plen, q + END_PIECE, DOSSIER_CONTEXT_LENGTH,
                  w->old_start };
  Search tail = { q + m - END_PIECE, END_PIECE,
                  q + m - END_PIECE - DOSSIER_CONTEXT_LENGTH, DOSSIER_CONTEXT_LENGTH,
                  w->suffix, w->slen, w->old_start + m - END_PIECE };
  gint64 hs, he, ts, te;

  if (!locate_piece (self, &head, &hs, &he))
    return FALSE;
  if (!locate_piece (self, &tail, &ts, &te))
    return FALSE;

  if (te <= hs || ABS ((te - hs) - m) > m / 4 || !middle_agrees (self, q, m, hs, te))
    return FALSE;

  *start = hs;
  *end = te;
  return TRUE;
}

DossierAnchorOutcome
dossier_anchor_locate (DossierAnchorText      *text,
                       const DossierTextQuote *quote,
                       gint64                 *start,
                       gint64                 *end)
{
  g_autofree gunichar *q = NULL;
  g_autofree gunichar *prefix = NULL;
  g_autofree gunichar *suffix = NULL;
  glong m = 0, plen = 0, slen = 0;
  gint64 s = 0, e = 0;
  gint64 old_start, old_end;
  Search w;
  gboolean found;

  g_return_val_if_fail (text != NULL, DOSSIER_ANCHOR_ORPHANED);
  g_return_val_if_fail (quote != NULL, DOSSIER_ANCHOR_ORPHANED);

  if (quote->quote == NULL || quote->quote[0] == '\0' ||
      !g_utf8_validate (quote->quote, -1, NULL))
    return DOSSIER_ANCHOR_ORPHANED;

  q = g_utf8_to_ucs4_fast (quote->quote, -1, &m);

  /* The old offsets come from a file: within the text, in order, so that
   * nothing below overflows or reads outside it. */
  old_start = CLAMP (quote->start, 0, text->len);
  old_end = CLAMP (quote->end, old_start, text->len);

  if (quote->prefix != NULL && g_utf8_validate (quote->prefix, -1, NULL))
    prefix = g_utf8_to_ucs4_fast (quote->prefix, -1, &plen);
  if (quote->suffix != NULL && g_utf8_validate (quote->suffix, -1, NULL))
    suffix = g_utf8_to_ucs4_fast (quote->suffix, -1, &slen);

  w = (Search) { q, m, prefix, plen, suffix, slen, old_start };

  /* 1. Still where it was, context and all: no other occurrence can agree
   * better, and it is the nearest. (The quote alone is not enough: a
   * reordering may have put another occurrence at the old offsets.) */
  if (old_end - old_start == m && matches_at (text, old_start, q, m) &&
      context_score (text, old_start, &w) == plen + slen)
    {
      *start = old_start;
      *end = old_end;
      return DOSSIER_ANCHOR_EXACT_POSITION;
    }

  /* 2. Word for word, wherever the context agrees best (the old offsets
   * winning ties). */
  if (locate_exact (text, &w, &s))
    {
      *start = s;
      *end = s + m;
      return s == old_start && old_end - old_start == m ?
        DOSSIER_ANCHOR_EXACT_POSITION : DOSSIER_ANCHOR_EXACT_QUOTE;
    }

  /* 3. Approximately. */
  if (m > LONG_QUOTE)
    found = locate_long (text, &w, &s, &e);
  else
    found = locate_approximate (text, &w, &s, &e);

  if (found)
    {
      *start = s;
      *end = e;
      return DOSSIER_ANCHOR_APPROXIMATE;
    }

  return DOSSIER_ANCHOR_ORPHANED;
}
