/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-search.c — full-text search over documents and memos.
 *
 * FTS5 ranks the matches (bm25); an auxiliary function registered on the
 * connection then finds, for the few rows shown, where the first match
 * lies in the text — by counting tokens up to it — and cuts a line of
 * context around it. What the user typed is turned into quoted FTS5
 * phrases, so no input is ever FTS syntax that can fail.
 */

#include "config.h"

#include "dossier-project-private.h"
#include "dossier-text-private.h"

#include <math.h>
#include <string.h>
#ifdef __SSE2__
# include <emmintrin.h>
#endif

#include <glib/gi18n.h>

#define DEFAULT_LIMIT   100
#define SNIPPET_CONTEXT 60    /* code points each side of the match */

void
dossier_search_hit_free (DossierSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->snippet);
  g_free (hit);
}

static gboolean
has_word_character (const char *text,
                    const char *end)
{
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static void
append_phrase (GString    *fts,
               const char *text,
               const char *end)
{
  if (!has_word_character (text, end))
    return;

  if (fts->len > 0)
    g_string_append_c (fts, ' ');

  g_string_append_c (fts, '"');
  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        g_string_append_c (fts, '"');
      g_string_append_c (fts, *p);
    }
  g_string_append_c (fts, '"');
}

/* Words become "word" and "a phrase" stays a phrase; all must match. Words
 * with nothing to index (*, -, parentheses alone) are dropped, and AND, OR,
 * NEAR are just words. NULL when nothing searchable is left. */
char *
dossier_search_build_query (const char *query)
{
  g_autoptr(GString) fts = g_string_new (NULL);
  const char *p = query;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return NULL;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      if (*p == '"')
        {
          start = ++p;
          while (*p != '\0' && *p != '"')
            p++;
          append_phrase (fts, start, p);
          if (*p == '"')
            p++;
        }
      else
        {
          start = p;
          while (*p != '\0' && *p != '"' && !g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          append_phrase (fts, start, p);
        }
    }

  if (fts->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&fts), FALSE);
}

/* ---- The auxiliary function ------------------------------------------------ */

/* Finding where the first match lies means counting tokens up to it, and
 * that match can lie deep in a megabyte of text (a rare phrase). Running
 * the table's tokenizer over all of it (folding case and accents of every
 * word, to be thrown away) cost ten times the query itself. unicode61
 * splits text into maximal runs of token characters, character by
 * character, so counting runs is enough, given which characters are token
 * characters — and that is learnt from the tokenizer itself, once per
 * character met: "a", the character, "a" is one token exactly when the
 * character joins its neighbours. */
typedef struct
{
  const Fts5ExtensionApi *api;
  Fts5Context            *fts;
  gint8                   bytes[256];   /* ASCII: 0 no, 1 yes, 2 not known yet;
                                         * 2 for the bytes of other characters */
  gunichar                seen[256];    /* others, by their low byte: last seen */
  gint8                   seen_token[256];
  GHashTable             *others;       /* code point → 1 no, 2 yes */
} TokenChars;

static void
token_chars_init (TokenChars             *chars,
                  const Fts5ExtensionApi *api,
                  Fts5Context            *fts)
{
  chars->api = api;
  chars->fts = fts;
  memset (chars->bytes, 2, sizeof chars->bytes);
  memset (chars->seen, 0, sizeof chars->seen);  /* 0 is ASCII: never looked up */
  memset (chars->seen_token, 0, sizeof chars->seen_token);
  chars->others = NULL;
}

static void
token_chars_clear (TokenChars *chars)
{
  g_clear_pointer (&chars->others, g_hash_table_unref);
}

static int
count_token (void       *data,
             int         flags,
             const char *token,
             int         n_token,
             int         start,
             int         end)
{
  if (!(flags & FTS5_TOKEN_COLOCATED))
    (*(int *) data)++;
  return SQLITE_OK;
}

static gboolean
probe_token_char (TokenChars *chars,
                  gunichar    c)
{
  char probe[8];
  int n = 0;
  int count = 0;

  probe[n++] = 'a';
  n += g_unichar_to_utf8 (c, probe + n);
  probe[n++] = 'a';
  chars->api->xTokenize (chars->fts, probe, n, &count, count_token);

  return count == 1;
}

static gboolean
lookup_token_char (TokenChars *chars,
                   gunichar    c)
{
  guint slot = c & 0xff;
  gpointer known;

  if (chars->others == NULL)
    chars->others = g_hash_table_new (NULL, NULL);
  known = g_hash_table_lookup (chars->others, GUINT_TO_POINTER (c));
  if (known == NULL)
    {
      known = GINT_TO_POINTER (probe_token_char (chars, c) ? 2 : 1);
      g_hash_table_insert (chars->others, GUINT_TO_POINTER (c), known);
    }

  chars->seen[slot] = c;
  chars->seen_token[slot] = GPOINTER_TO_INT (known) == 2;
  return chars->seen_token[slot];
}

/* For a character outside ASCII: a cache of the last one seen with each
 * low byte (a text uses few), then a table of all. */
static inline gboolean
is_token_char (TokenChars *chars,
               gunichar    c)
{
  guint slot = c & 0xff;

  if (G_LIKELY (chars->seen[slot] == c))
    return chars->seen_token[slot];

  return lookup_token_char (chars, c);
}

/* Where tokens @first to @last lie in @text: bytes and code points, in one
 * walk that stops at the end of token @last. */
typedef struct
{
  int    first;         /* token index of the first matched token */
  int    last;          /* token index of the last matched token */
  int    start_byte;
  int    end_byte;
  gint64 start;         /* code points */
  gint64 end;
} TokenSpan;

/* The code point at @p, which starts a valid UTF-8 sequence of 2 to 4
 * bytes (the text is valid UTF-8); its length in *@n. */
static inline gunichar
decode_utf8 (const guchar *p,
             int          *n)
{
  if (p[0] < 0xe0)
    {
      *n = 2;
      return ((p[0] & 0x1f) << 6) | (p[1] & 0x3f);
    }
  if (p[0] < 0xf0)
    {
      *n = 3;
      return ((p[0] & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    }
  *n = 4;
  return ((p[0] & 0x07) << 18) | ((p[1] & 0x3f) << 12) | ((p[2] & 0x3f) << 6) | (p[3] & 0x3f);
}

static inline int
popcount16 (guint x)
{
  x = x - ((x >> 1) & 0x5555);
  x = (x & 0x3333) + ((x >> 2) & 0x3333);
  x = (x + (x >> 4)) & 0x0f0f;
  return (x + (x >> 8)) & 0x1f;
}

#ifdef __SSE2__
/* Bit i set when byte i of @v (all ASCII) is a letter or a digit. */
static inline guint
alnum_mask (__m128i v)
{
  __m128i lower = _mm_or_si128 (v, _mm_set1_epi8 (0x20));
  __m128i digit = _mm_and_si128 (_mm_cmpgt_epi8 (v, _mm_set1_epi8 ('0' - 1)),
                                 _mm_cmplt_epi8 (v, _mm_set1_epi8 ('9' + 1)));
  __m128i letter = _mm_and_si128 (_mm_cmpgt_epi8 (lower, _mm_set1_epi8 ('a' - 1)),
                                  _mm_cmplt_epi8 (lower, _mm_set1_epi8 ('z' + 1)));

  return _mm_movemask_epi8 (_mm_or_si128 (digit, letter));
}
#endif

/* Whether the tokenizer takes exactly the ASCII letters and digits as token
 * characters (unicode61's default), so that blocks of ASCII can be
 * classified sixteen bytes at a time. */
static gboolean
ascii_is_alnum (TokenChars *chars)
{
  for (guint c = 1; c < 128; c++)
    {
      if (chars->bytes[c] == 2)
        chars->bytes[c] = probe_token_char (chars, c);
      if (chars->bytes[c] != (g_ascii_isalnum (c) ? 1 : 0))
        return FALSE;
    }

  return TRUE;
}

/* A walk through a text, token by token, that can stop at the end of one
 * span and go on from there to the next (spans in text order, apart). */
typedef struct
{
  const guchar *start;
  const guchar *p;
  const guchar *end;
  gint8         in_token;
  gint64        continuation;  /* bytes that are not the first of a code point */
  int           started;       /* tokens started so far */
  gboolean      blocks;        /* sixteen bytes at a time where it can */
} TokenWalk;

static void
token_walk_init (TokenWalk  *walk,
                 TokenChars *chars,
                 const char *text,
                 int         n_text)
{
  walk->start = (const guchar *) text;
  walk->p = walk->start;
  walk->end = walk->start + n_text;
  walk->in_token = FALSE;
  walk->continuation = 0;
  walk->started = 0;
#ifdef __SSE2__
  /* Below that, probing every ASCII character costs more than it saves. */
  walk->blocks = n_text >= 4096 && ascii_is_alnum (chars);
#else
  walk->blocks = FALSE;
#endif
}

/* Walks on to the end of @span (span->start_byte must be -1); FALSE when
 * the text ends first. */
static gboolean
token_walk_find (TokenWalk  *walk,
                 TokenChars *chars,
                 TokenSpan  *span)
{
  const guchar *start = walk->start;
  const guchar *p = walk->p;
  const guchar *end = walk->end;
  int n_text = end - start;
  gint8 in_token = walk->in_token;
  gint64 continuation = walk->continuation;
  int started = walk->started;
  gboolean found = FALSE;
#ifdef __SSE2__
  gboolean blocks = walk->blocks;
#endif

  while (p < end)
    {
      const guchar *until = end;

#ifdef __SSE2__
      /* Skip sixteen bytes at once when neither the start of token @first
       * nor the end of token @last lies in them; else walk them one
       * character at a time. Characters outside ASCII (an accent here and
       * there) are looked up one by one; a block that holds one that is
       * not a token character (curly quotes, dashes) is walked. */
      if (blocks && end - p >= 16 + 3)  /* + the rest of a character begun in it */
        {
          __m128i v = _mm_loadu_si128 ((const __m128i *) p);
          guint high = _mm_movemask_epi8 (v);
          guint token = alnum_mask (v);
          guint cont = 0;
          gboolean plain = TRUE;

          until = p + 16;
          if (high != 0)
            {
              /* Continuation bytes are 10xxxxxx: below -64 as signed bytes. */
              guint leads;

              cont = _mm_movemask_epi8 (_mm_cmplt_epi8 (v, _mm_set1_epi8 (-64)));
              leads = high & ~cont;
              while (plain && leads != 0)
                {
                  int n;

                  plain = is_token_char (chars, decode_utf8 (p + __builtin_ctz (leads), &n));
                  leads &= leads - 1;
                }
              /* Bytes of token characters; those that open the block
               * belong to the last character of the previous one, which
               * was a token character too (or the block was walked). */
              token |= high;
            }

          if (plain)
            {
              guint before = ((token << 1) | (guint) in_token) & 0xffff;
              guint starts = token & ~before;
              guint ends = ~token & before & 0xffff;
              int n_starts = popcount16 (starts);
              gboolean event;

              if (span->start_byte < 0)
                event = started + n_starts > span->first;
              else
                event = started + n_starts > span->last || (started > span->last && ends != 0);

              if (!event)
                {
                  started += n_starts;
                  in_token = (token >> 15) & 1;
                  continuation += popcount16 (cont);
                  p += 16;
                  continue;
                }
            }
        }
#endif

      /* The rest of a character that a skipped block ended inside. */
      while (p < end && (*p & 0xc0) == 0x80)
        {
          p++;
          continuation++;
        }

      /* One character at a time, up to @until (or just past it). */
      while (p < until)
        {
          int n = 1;
          gboolean token;

          /* Most of the text: ASCII on the same side of a token boundary. */
          while (p < until && chars->bytes[*p] == in_token)
            p++;
          if (p >= until)
            break;

          if (*p < 128)
            {
              if (chars->bytes[*p] == 2)
                chars->bytes[*p] = probe_token_char (chars, *p);
              token = chars->bytes[*p];
            }
          else
            {
              gunichar c;

              if (end - p >= 4)
                c = decode_utf8 (p, &n);
              else
                {
                  /* Near the end, read no further than it (a project file
                   * could hold anything). */
                  c = g_utf8_get_char_validated ((const char *) p, end - p);
                  n = c < 0x110000 ? g_utf8_skip[*p] : 1;
                  if (c >= 0x110000)
                    c = 0xfffd;
                }
              token = is_token_char (chars, c);
              continuation += n - 1;
            }

          if (token != in_token)
            {
              if (token)
                {
                  if (started == span->first)
                    {
                      span->start_byte = p - start;
                      span->start = span->start_byte - continuation + (n - 1);
                    }
                  started++;
                }
              else if (started - 1 == span->last)
                {
                  span->end_byte = p - start;
                  span->end = span->end_byte - continuation + (n - 1);
                  found = span->start_byte >= 0;
                  /* Past this character, counted: the next walk goes on
                   * from there. */
                  in_token = FALSE;
                  p += n;
                  goto out;
                }
              in_token = token;
            }

          p += n;
        }
    }

  if (in_token && started - 1 == span->last)
    {
      span->end_byte = n_text;
      span->end = n_text - continuation;
      found = span->start_byte >= 0;
    }

out:
  walk->p = p;
  walk->in_token = in_token;
  walk->continuation = continuation;
  walk->started = started;
  return found;
}

static gboolean
find_token_span (TokenChars *chars,
                 const char *text,
                 int         n_text,
                 TokenSpan  *span)
{
  TokenWalk walk;

  token_walk_init (&walk, chars, text, n_text);
  return token_walk_find (&walk, chars, span);
}

static const char *
back_code_points (const char *text,
                  const char *from,
                  guint       n,
                  gboolean   *cut)
{
  const char *p = from;

  *cut = FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *prev;

      if (p == text)
        return p;
      prev = g_utf8_find_prev_char (text, p);
      if (prev == NULL || *prev == '\n')
        return p;
      p = prev;
    }

  *cut = p > text && *g_utf8_find_prev_char (text, p) != '\n';
  return p;
}

static const char *
forward_code_points (const char *from,
                     const char *end,
                     guint       n,
                     gboolean   *cut)
{
  const char *p = from;

  *cut = FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (p >= end || *p == '\n')
        return p;
      /* Never past the end, whatever bytes the text holds. */
      p = MIN (g_utf8_next_char (p), end);
    }

  *cut = p < end && *p != '\n';
  return p;
}

static void
append_flat (GString    *out,
             const char *from,
             const char *to)
{
  for (const char *p = from; p < to; p++)
    g_string_append_c (out, *p == '\n' || *p == '\t' ? ' ' : *p);
}

/* "START END SNIPPET" for @span: its code points, and a line of context
 * with it between « and » (no newline in it). */
static void
append_match (GString         *result,
              const char      *text,
              int              n_text,
              const TokenSpan *span)
{
  const char *before;
  const char *after;
  gboolean cut_before, cut_after;

  g_string_append_printf (result, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " ", span->start, span->end);

  before = back_code_points (text, text + span->start_byte, SNIPPET_CONTEXT, &cut_before);
  after = forward_code_points (text + span->end_byte, text + n_text, SNIPPET_CONTEXT, &cut_after);

  if (cut_before)
    g_string_append (result, "…");
  append_flat (result, before, text + span->start_byte);
  g_string_append (result, "«");
  append_flat (result, text + span->start_byte, text + span->end_byte);
  g_string_append (result, "»");
  append_flat (result, text + span->end_byte, after);
  if (cut_after)
    g_string_append (result, "…");
}

/* dossier_match(table) → "START END SNIPPET": code points of the first
 * match in column 0, and a line of context with it between « and ». */
static void
dossier_match (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      n_values,
               sqlite3_value          **values)
{
  g_autoptr(GString) result = NULL;
  TokenSpan span = { -1, -1, -1, -1, 0, 0 };
  TokenChars chars;
  const char *text = NULL;
  gboolean found;
  int n_text = 0;
  int rc;

  /* The first instance of each phrase, from the position lists as they
   * are stored (xInstCount() would decode every instance in the row). */
  for (int phrase = 0; phrase < api->xPhraseCount (fts); phrase++)
    {
      Fts5PhraseIter iter;
      int column = -1, offset = -1;

      rc = api->xPhraseFirst (fts, phrase, &iter, &column, &offset);
      if (rc != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }

      if (column == 0 && offset >= 0 && (span.first < 0 || offset < span.first))
        {
          span.first = offset;
          span.last = offset + MAX (1, api->xPhraseSize (fts, phrase)) - 1;
        }
    }

  if (span.first < 0)
    {
      sqlite3_result_null (context);
      return;
    }

  rc = api->xColumnText (fts, 0, &text, &n_text);
  if (rc != SQLITE_OK || text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  token_chars_init (&chars, api, fts);
  found = find_token_span (&chars, text, n_text, &span);
  token_chars_clear (&chars);
  if (!found)
    {
      sqlite3_result_null (context);
      return;
    }

  result = g_string_new (NULL);
  append_match (result, text, n_text, &span);

  sqlite3_result_text (context, result->str, result->len, SQLITE_TRANSIENT);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const TokenSpan *x = a;
  const TokenSpan *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return (x->last > y->last) - (x->last < y->last);
}

/* dossier_matches(table, MAX) → one "START END SNIPPET" line per match in
 * column 0, in text order, at most MAX of them: every instance of every
 * phrase, overlapping ones joined into one. */
static void
dossier_matches (const Fts5ExtensionApi  *api,
                 Fts5Context             *fts,
                 sqlite3_context         *context,
                 int                      n_values,
                 sqlite3_value          **values)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (TokenSpan));
  g_autoptr(GString) result = g_string_new (NULL);
  sqlite3_int64 max = n_values > 0 ? sqlite3_value_int64 (values[0]) : G_MAXINT;
  TokenChars chars;
  TokenWalk walk;
  const char *text = NULL;
  guint joined = 0;
  int n_text = 0;
  int n_inst = 0;
  int rc;

  rc = api->xInstCount (fts, &n_inst);
  for (int i = 0; rc == SQLITE_OK && i < n_inst; i++)
    {
      int phrase = -1, column = -1, offset = -1;

      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK && column == 0 && offset >= 0)
        {
          TokenSpan span = { offset, offset + MAX (1, api->xPhraseSize (fts, phrase)) - 1,
                             -1, -1, 0, 0 };

          g_array_append_val (spans, span);
        }
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  /* Walked in text order, apart: "ferry office" and "office" in the same
   * place are one match. */
  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      TokenSpan *span = &g_array_index (spans, TokenSpan, i);

      if (joined > 0 && span->first <= g_array_index (spans, TokenSpan, joined - 1).last)
        {
          TokenSpan *previous = &g_array_index (spans, TokenSpan, joined - 1);

          previous->last = MAX (previous->last, span->last);
        }
      else
        g_array_index (spans, TokenSpan, joined++) = *span;
    }
  g_array_set_size (spans, MIN ((sqlite3_int64) joined, MAX (0, max)));

  rc = api->xColumnText (fts, 0, &text, &n_text);
  if (rc != SQLITE_OK || text == NULL || spans->len == 0)
    {
      sqlite3_result_null (context);
      return;
    }

  token_chars_init (&chars, api, fts);
  token_walk_init (&walk, &chars, text, n_text);
  for (guint i = 0; i < spans->len; i++)
    {
      TokenSpan *span = &g_array_index (spans, TokenSpan, i);

      if (!token_walk_find (&walk, &chars, span))
        break;
      append_match (result, text, n_text, span);
      g_string_append_c (result, '\n');
    }
  token_chars_clear (&chars);

  sqlite3_result_text (context, result->str, result->len, SQLITE_TRANSIENT);
}

/* ---- Ranking --------------------------------------------------------------- */

/* BM25 (as FTS5's bm25()), except that a phrase's occurrences in a row are
 * counted only up to TF_CAP: BM25 saturates long before that anyway, and
 * counting every "the" in every article was most of the cost of a query
 * with a very common word. */
#define TF_CAP  24
#define BM25_K1 1.2
#define BM25_B  0.75

typedef struct
{
  int     n_phrases;
  double  average_length;
  double *idf;
} RankData;

static void
rank_data_free (gpointer data)
{
  RankData *rank = data;

  g_free (rank->idf);
  g_free (rank);
}

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *data)
{
  (*(sqlite3_int64 *) data)++;
  return SQLITE_OK;
}

static RankData *
rank_data_new (const Fts5ExtensionApi *api,
               Fts5Context            *fts,
               int                    *rc)
{
  RankData *rank = g_new0 (RankData, 1);
  sqlite3_int64 n_rows = 0;
  sqlite3_int64 total = 0;

  rank->n_phrases = api->xPhraseCount (fts);
  rank->idf = g_new0 (double, MAX (1, rank->n_phrases));

  *rc = api->xRowCount (fts, &n_rows);
  if (*rc == SQLITE_OK)
    *rc = api->xColumnTotalSize (fts, 0, &total);
  rank->average_length = n_rows > 0 && total > 0 ? (double) total / n_rows : 1.0;

  /* How many rows hold each phrase: walks the index, not the positions. */
  for (int i = 0; *rc == SQLITE_OK && i < rank->n_phrases; i++)
    {
      sqlite3_int64 n_hits = 0;

      *rc = api->xQueryPhrase (fts, i, &n_hits, count_row);
      rank->idf[i] = log (((double) n_rows - n_hits + 0.5) / ((double) n_hits + 0.5));
      if (rank->idf[i] <= 0.0)
        rank->idf[i] = 1e-6;
    }

  return rank;
}

static void
dossier_rank (const Fts5ExtensionApi  *api,
              Fts5Context             *fts,
              sqlite3_context         *context,
              int                      n_values,
              sqlite3_value          **values)
{
  RankData *rank = api->xGetAuxdata (fts, FALSE);
  double score = 0.0;
  int length = 0;
  int rc = SQLITE_OK;

  if (rank == NULL)
    {
      rank = rank_data_new (api, fts, &rc);
      if (rc == SQLITE_OK)
        rc = api->xSetAuxdata (fts, rank, rank_data_free);
      else
        rank_data_free (rank);

      if (rc != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
    }

  rc = api->xColumnSize (fts, 0, &length);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  for (int i = 0; i < rank->n_phrases; i++)
    {
      Fts5PhraseIter iter;
      int column = -1, offset = -1;
      double tf = 0;

      if (api->xPhraseFirst (fts, i, &iter, &column, &offset) != SQLITE_OK)
        continue;
      while (column >= 0 && tf < TF_CAP)
        {
          tf++;
          api->xPhraseNext (fts, &iter, &column, &offset);
        }

      score += rank->idf[i] * tf * (BM25_K1 + 1.0) /
               (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * length / rank->average_length));
    }

  /* Lower is better, as with bm25(). */
  sqlite3_result_double (context, -score);
}

/* Registers dossier_match() and dossier_rank() on @db's FTS5. */
gboolean
dossier_search_register (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (api == NULL || api->iVersion < 2)
    return FALSE;

  return api->xCreateFunction (api, "dossier_match", NULL, dossier_match, NULL) == SQLITE_OK &&
         api->xCreateFunction (api, "dossier_matches", NULL, dossier_matches, NULL) == SQLITE_OK &&
         api->xCreateFunction (api, "dossier_rank", NULL, dossier_rank, NULL) == SQLITE_OK;
}

/* ---- Searching -------------------------------------------------------------- */

typedef struct
{
  DossierSearchHit *hit;
  double            rank;
} RankedHit;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const RankedHit *x = a;
  const RankedHit *y = b;

  /* bm25: lower is better. */
  if (x->rank < y->rank)
    return -1;
  if (x->rank > y->rank)
    return 1;
  return (x->hit->document_id > y->hit->document_id) - (x->hit->document_id < y->hit->document_id);
}

static void
parse_match (const char *match,
             gint64     *start,
             gint64     *end,
             char      **snippet)
{
  char *rest = NULL;

  *start = g_ascii_strtoll (match, &rest, 10);
  *end = g_ascii_strtoll (rest, &rest, 10);
  if (*rest == ' ')
    rest++;
  /* Cut from a text that may not be valid UTF-8 (a damaged file). */
  *snippet = dossier_text_dup_valid (rest, -1);
}

/* The best @limit rows of a table, then the match position for each of
 * those rows alone (never for every match: that would read every matching
 * document). */
static gboolean
search_table (DossierProject  *self,
              const char      *fts_query,
              guint            limit,
              gboolean         memos,
              GArray          *ranked,
              GError         **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RankedHit));
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  stmt = dossier_project_prepare (self,
                                  memos ?
                                  "SELECT f.rowid, dossier_rank (memos_fts) AS r, h.document, "
                                  "  h.start, h.end "
                                  "FROM memos_fts f JOIN highlights h ON h.id = f.rowid "
                                  "WHERE memos_fts MATCH ?1 AND h.orphaned = 0 "
                                  "  AND " DOSSIER_SQL_DOCUMENT_EXISTS ("h.document") " "
                                  "ORDER BY r LIMIT ?2" :
                                  "SELECT rowid, dossier_rank (documents_fts) AS r, rowid, -1, -1 "
                                  "FROM documents_fts WHERE documents_fts MATCH ?1 "
                                  "ORDER BY r LIMIT ?2",
                                  error);
  if (stmt == NULL)
    return FALSE;

  dossier_bind_text (stmt, 1, fts_query);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
    {
      DossierSearchHit *hit = g_new0 (DossierSearchHit, 1);
      RankedHit row = { hit, sqlite3_column_double (stmt, 1) };

      hit->document_id = sqlite3_column_int64 (stmt, 2);
      hit->highlight_id = memos ? sqlite3_column_int64 (stmt, 0) : 0;
      hit->start = sqlite3_column_int64 (stmt, 3);
      hit->end = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  stmt = NULL;

  if (rc != SQLITE_DONE)
    goto fail;

  for (guint i = 0; i < rows->len; i++)
    {
      RankedHit *row = &g_array_index (rows, RankedHit, i);
      DossierSearchHit *hit = row->hit;
      gint64 start = 0, end = 0;

      stmt = dossier_project_prepare (self,
                                      memos ?
                                      "SELECT dossier_match (memos_fts) FROM memos_fts "
                                      "WHERE memos_fts MATCH ?1 AND rowid = ?2" :
                                      "SELECT dossier_match (documents_fts) FROM documents_fts "
                                      "WHERE documents_fts MATCH ?1 AND rowid = ?2",
                                      error);
      if (stmt == NULL)
        goto fail;

      dossier_bind_text (stmt, 1, fts_query);
      sqlite3_bind_int64 (stmt, 2, memos ? hit->highlight_id : hit->document_id);
      rc = dossier_project_step (self, stmt, error);
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        parse_match (dossier_column_text (stmt, 0), &start, &end, &hit->snippet);
      sqlite3_reset (stmt);
      stmt = NULL;

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        goto fail;

      if (hit->snippet == NULL)
        hit->snippet = g_strdup ("");
      if (!memos)
        {
          hit->start = start;
          hit->end = end;
        }
    }

  g_array_append_vals (ranked, rows->data, rows->len);
  return TRUE;

fail:
  for (guint i = 0; i < rows->len; i++)
    dossier_search_hit_free (g_array_index (rows, RankedHit, i).hit);
  return FALSE;
}

static GPtrArray *
search_once (DossierProject  *self,
             const char      *fts_query,
             guint            limit,
             GError         **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_search_hit_free);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (RankedHit));

  if (!search_table (self, fts_query, limit, FALSE, ranked, error) ||
      !search_table (self, fts_query, limit, TRUE, ranked, error))
    {
      for (guint i = 0; i < ranked->len; i++)
        dossier_search_hit_free (g_array_index (ranked, RankedHit, i).hit);
      return NULL;
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      DossierSearchHit *hit = g_array_index (ranked, RankedHit, i).hit;

      if (hits->len < limit)
        g_ptr_array_add (hits, hit);
      else
        dossier_search_hit_free (hit);
    }

  return g_steal_pointer (&hits);
}

/* ---- Every occurrence ------------------------------------------------------- */

typedef struct
{
  gint64 document_id;
  double rank;
} RankedDocument;

static int
compare_ranked_documents (gconstpointer a,
                          gconstpointer b)
{
  const RankedDocument *x = a;
  const RankedDocument *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return (x->document_id > y->document_id) - (x->document_id < y->document_id);
}

static int
compare_hits_in_text (gconstpointer a,
                      gconstpointer b)
{
  const DossierSearchHit *x = *(DossierSearchHit * const *) a;
  const DossierSearchHit *y = *(DossierSearchHit * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->highlight_id != y->highlight_id)
    return x->highlight_id < y->highlight_id ? -1 : 1;
  return 0;
}

/* Every match in one document's text, in text order, at most @max. */
static gboolean
add_text_matches (DossierProject  *self,
                  const char      *fts_query,
                  gint64           document_id,
                  guint            max,
                  GPtrArray       *into,
                  GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  g_auto(GStrv) lines = NULL;
  int rc;

  stmt = dossier_project_prepare (self,
                                  "SELECT dossier_matches (documents_fts, ?3) FROM documents_fts "
                                  "WHERE documents_fts MATCH ?1 AND rowid = ?2",
                                  error);
  if (stmt == NULL)
    return FALSE;

  dossier_bind_text (stmt, 1, fts_query);
  sqlite3_bind_int64 (stmt, 2, document_id);
  sqlite3_bind_int64 (stmt, 3, max);
  rc = dossier_project_step (self, stmt, error);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    lines = g_strsplit (dossier_column_text (stmt, 0), "\n", -1);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; lines != NULL && lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      DossierSearchHit *hit = g_new0 (DossierSearchHit, 1);

      hit->document_id = document_id;
      parse_match (lines[i], &hit->start, &hit->end, &hit->snippet);
      g_ptr_array_add (into, hit);
    }

  return TRUE;
}

static GPtrArray *
search_occurrences_once (DossierProject  *self,
                         const char      *fts_query,
                         guint            limit,
                         GError         **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_search_hit_free);
  g_autoptr(GArray) memos = g_array_new (FALSE, FALSE, sizeof (RankedHit));
  g_autoptr(GArray) documents = g_array_new (FALSE, FALSE, sizeof (RankedDocument));
  g_autoptr(GHashTable) in_text = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean ok = TRUE;
  int rc;

  /* The documents whose text matches, best first: each has a match at
   * least, so no more than @limit of them can be listed. */
  {
    g_auto(DossierStmt) stmt = NULL;

    stmt = dossier_project_prepare (self,
                                    "SELECT rowid, dossier_rank (documents_fts) AS r "
                                    "FROM documents_fts WHERE documents_fts MATCH ?1 "
                                    "ORDER BY r LIMIT ?2",
                                    error);
    if (stmt == NULL)
      return NULL;
    dossier_bind_text (stmt, 1, fts_query);
    sqlite3_bind_int64 (stmt, 2, limit);
    while ((rc = dossier_project_step (self, stmt, error)) == SQLITE_ROW)
      {
        RankedDocument document = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };

        g_array_append_val (documents, document);
      }
    if (rc != SQLITE_DONE)
      return NULL;
  }
  for (guint i = 0; i < documents->len; i++)
    g_hash_table_add (in_text, g_memdup2 (&g_array_index (documents, RankedDocument, i).document_id,
                                          sizeof (gint64)));

  if (!search_table (self, fts_query, limit, TRUE, memos, error))
    return NULL;

  /* A document ranks by its best match, in its text or in a memo. */
  for (guint i = 0; i < memos->len; i++)
    {
      RankedHit *memo = &g_array_index (memos, RankedHit, i);
      gboolean found = FALSE;

      for (guint j = 0; j < documents->len && !found; j++)
        {
          RankedDocument *document = &g_array_index (documents, RankedDocument, j);

          if (document->document_id == memo->hit->document_id)
            {
              document->rank = MIN (document->rank, memo->rank);
              found = TRUE;
            }
        }
      if (!found)
        {
          RankedDocument document = { memo->hit->document_id, memo->rank };

          g_array_append_val (documents, document);
        }
    }
  g_array_sort (documents, compare_ranked_documents);

  for (guint i = 0; ok && i < documents->len && hits->len < limit; i++)
    {
      gint64 document_id = g_array_index (documents, RankedDocument, i).document_id;
      g_autoptr(GPtrArray) found = g_ptr_array_new ();

      if (g_hash_table_contains (in_text, &document_id))
        ok = add_text_matches (self, fts_query, document_id, limit - hits->len, found, error);

      for (guint j = 0; j < memos->len; j++)
        {
          RankedHit *memo = &g_array_index (memos, RankedHit, j);

          if (memo->hit != NULL && memo->hit->document_id == document_id)
            g_ptr_array_add (found, g_steal_pointer (&memo->hit));
        }

      g_ptr_array_sort (found, compare_hits_in_text);
      for (guint j = 0; j < found->len; j++)
        {
          DossierSearchHit *hit = g_ptr_array_index (found, j);

          if (ok && hits->len < limit)
            g_ptr_array_add (hits, hit);
          else
            dossier_search_hit_free (hit);
        }
    }

  for (guint i = 0; i < memos->len; i++)
    dossier_search_hit_free (g_array_index (memos, RankedHit, i).hit);

  if (!ok)
    return NULL;

  return g_steal_pointer (&hits);
}

/* One of the searches above, for @fts_query (FTS5's syntax), up to
 * @limit hits. */
typedef GPtrArray *(*SearchFunc) (DossierProject *, const char *, guint, GError **);

/* @search on the index, made whole first; a query of no words finds
 * nothing. */
static GPtrArray *
search_indexed (DossierProject  *self,
                SearchFunc       search,
                const char      *fts_query,
                guint            limit,
                GError         **error)
{
  if (!dossier_project_ensure_indexed (self, error))
    return NULL;
  if (fts_query == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_search_hit_free);
  return search (self, fts_query, limit, error);
}

/* @search for @query, up to @limit hits (0: DEFAULT_LIMIT); again, once,
 * after a damaged index made again from the texts and memos (a project
 * open for writing; read-only, the error says what to do). */
static GPtrArray *
search_mending_index (DossierProject  *self,
                      SearchFunc       search,
                      const char      *query,
                      guint            limit,
                      GError         **error)
{
  g_autofree char *fts_query = dossier_search_build_query (query);
  GPtrArray *hits;

  if (limit == 0)
    limit = DEFAULT_LIMIT;
  hits = search_indexed (self, search, fts_query, limit, error);
  if (hits == NULL && dossier_project_search_failed_on_index (self, error))
    hits = search_indexed (self, search, fts_query, limit, error);
  return hits;
}

GPtrArray *
dossier_project_search (DossierProject  *self,
                        const char      *query,
                        guint            limit,
                        GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return search_mending_index (self, search_once, query, limit, error);
}

GPtrArray *
dossier_project_search_occurrences (DossierProject  *self,
                                    const char      *query,
                                    guint            limit,
                                    GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  return search_mending_index (self, search_occurrences_once, query, limit, error);
}
