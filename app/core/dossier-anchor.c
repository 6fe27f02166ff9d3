/* dossier-anchor.c — re-placing highlights in a new version of a text.
 *
 * A highlight remembers its offsets, its quote and some context. To find it
 * again in an edited text we try, in order of trust: the old offsets; every
 * exact occurrence of the quote, ranked by how much context agrees and then
 * by distance; and a fuzzy match allowing edits to a quarter of the quote.
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
  return start >= 0 && start + plen <= self->len &&
         memcmp (self->chars + start, pattern, plen * sizeof (gunichar)) == 0;
}

/* Appends to @out (of gint64) every start of @pattern in the text, in
 * ascending order; gives up and returns FALSE past @limit hits (0 = no
 * limit). */
static gboolean
find_all (DossierAnchorText *self,
          const gunichar    *pattern,
          gint64             plen,
          guint              limit,
          GArray            *out)
{
  if (plen <= 0 || plen > self->len)
    return TRUE;

  if (plen < GRAM)
    {
      for (gint64 i = 0; i + plen <= self->len; i++)
        {
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
      gint64 best_offset = 0;
      guint32 best_count = G_MAXUINT32;
      guint32 bucket = 0;

      /* Look up the pattern's rarest 4-gram. */
      for (gint64 off = 0; off + GRAM <= plen; off++)
        {
          guint32 b = gram_hash (pattern + off) & index->mask;
          guint32 count = index->starts[b + 1] - index->starts[b];

          if (count < best_count)
            {
              best_count = count;
              best_offset = off;
              bucket = b;
              if (count == 0)
                return TRUE;
            }
        }

      for (guint32 k = index->starts[bucket]; k < index->starts[bucket + 1]; k++)
        {
          gint64 start = (gint64) index->positions[k] - best_offset;

          if (matches_at (self, start, pattern, plen))
            {
              if (limit > 0 && out->len >= limit)
                return FALSE;
              g_array_append_val (out, start);
            }
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

/* Keeps the @max hits nearest to @near. */
static void
keep_nearest (GArray *hits,
              gint64  near,
              guint   max)
{
  while (hits->len > max)
    {
      gint64 first = g_array_index (hits, gint64, 0);
      gint64 last = g_array_index (hits, gint64, hits->len - 1);

      if (ABS (first - near) > ABS (last - near))
        g_array_remove_index (hits, 0);
      else
        g_array_set_size (hits, hits->len - 1);
    }
}

static gboolean
locate_approximate (DossierAnchorText *self,
                    const gunichar    *quote,
                    gint64             m,
                    const gunichar    *prefix,
                    gint64             plen,
                    const gunichar    *suffix,
                    gint64             slen,
                    gint64             old_start,
                    gint64            *start,
                    gint64            *end)
{
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
  if (plen >= GRAM)
    {
      gint64 n = MIN (plen, CONTEXT_SEED);

      g_array_set_size (hits, 0);
      find_all (self, prefix + plen - n, n, 0, hits);
      keep_nearest (hits, old_start - n, MAX_CONTEXT_HITS);
      for (guint i = 0; i < hits->len; i++)
        add_votes (seeds, g_array_index (hits, gint64, i) + n, 3);
    }
  if (slen >= GRAM)
    {
      gint64 n = MIN (slen, CONTEXT_SEED);

      g_array_set_size (hits, 0);
      find_all (self, suffix, n, 0, hits);
      keep_nearest (hits, old_start + m, MAX_CONTEXT_HITS);
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
          if (!find_all (self, quote + o, CHUNK, MAX_CHUNK_HITS, hits))
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

  myers_init (&forward, quote, m, FALSE);
  myers_init (&backward, quote, m, TRUE);

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

DossierAnchorOutcome
dossier_anchor_locate (DossierAnchorText      *text,
                       const DossierTextQuote *quote,
                       gint64                 *start,
                       gint64                 *end)
{
  g_autofree gunichar *q = NULL;
  g_autofree gunichar *prefix = NULL;
  g_autofree gunichar *suffix = NULL;
  g_autoptr(GArray) hits = NULL;
  glong m = 0, plen = 0, slen = 0;
  gint64 best = -1, best_score = -1;
  gint64 s = 0, e = 0;

  g_return_val_if_fail (text != NULL, DOSSIER_ANCHOR_ORPHANED);
  g_return_val_if_fail (quote != NULL, DOSSIER_ANCHOR_ORPHANED);

  if (quote->quote == NULL || quote->quote[0] == '\0' ||
      !g_utf8_validate (quote->quote, -1, NULL))
    return DOSSIER_ANCHOR_ORPHANED;

  q = g_utf8_to_ucs4_fast (quote->quote, -1, &m);

  /* 1. Still where it was. */
  if (quote->end - quote->start == m && matches_at (text, quote->start, q, m))
    {
      *start = quote->start;
      *end = quote->end;
      return DOSSIER_ANCHOR_EXACT_POSITION;
    }

  if (quote->prefix != NULL && g_utf8_validate (quote->prefix, -1, NULL))
    prefix = g_utf8_to_ucs4_fast (quote->prefix, -1, &plen);
  if (quote->suffix != NULL && g_utf8_validate (quote->suffix, -1, NULL))
    suffix = g_utf8_to_ucs4_fast (quote->suffix, -1, &slen);

  /* 2. Elsewhere, word for word: the occurrence whose surroundings agree
   * most with the old context, then the nearest. */
  hits = g_array_new (FALSE, FALSE, sizeof (gint64));
  find_all (text, q, m, 0, hits);
  for (guint i = 0; i < hits->len; i++)
    {
      gint64 at = g_array_index (hits, gint64, i);
      gint64 score = 0;

      for (glong k = 0; k < plen && at - 1 - k >= 0; k++, score++)
        if (text->chars[at - 1 - k] != prefix[plen - 1 - k])
          break;
      for (glong k = 0; k < slen && at + m + k < text->len; k++, score++)
        if (text->chars[at + m + k] != suffix[k])
          break;

      if (score > best_score ||
          (score == best_score && ABS (at - quote->start) < ABS (best - quote->start)))
        {
          best_score = score;
          best = at;
        }
    }

  if (best >= 0)
    {
      *start = best;
      *end = best + m;
      return DOSSIER_ANCHOR_EXACT_QUOTE;
    }

  /* 3. Approximately. */
  if (locate_approximate (text, q, m, prefix, plen, suffix, slen, quote->start, &s, &e))
    {
      *start = s;
      *end = e;
      return DOSSIER_ANCHOR_APPROXIMATE;
    }

  return DOSSIER_ANCHOR_ORPHANED;
}
