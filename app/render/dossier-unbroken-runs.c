/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-unbroken-runs.c — pieces of long runs without a space, for
 * Pango (see dossier-unbroken-runs.h).
 */
#include "config.h"

#include <string.h>

#include "dossier-unbroken-runs.h"

static gboolean
is_break (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

GArray *
dossier_unbroken_runs_pieces (const char *text,
                              gsize       length)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (DossierUnbrokenPiece));
  gsize piece_start = 0;
  guint n_cut = 0;   /* pieces of the current run so far */

  for (gsize i = 0; i <= length; i++)
    {
      gboolean end = i == length || is_break (text[i]);

      if (!end && (i - piece_start < DOSSIER_UNBROKEN_PIECE || ((guchar) text[i] & 0xc0) == 0x80))
        continue;
      /* A piece ends here: at the run's end, or long enough. */
      if ((n_cut > 0 || !end) && n_cut % 2 == 0 && i > piece_start)
        {
          DossierUnbrokenPiece piece = { piece_start, i };

          g_array_append_val (pieces, piece);
        }
      if (end)
        {
          n_cut = 0;
          piece_start = i + 1;
        }
      else
        {
          n_cut++;
          piece_start = i;
        }
    }
  return pieces;
}

GArray *
dossier_unbroken_runs_stretches (const char *text,
                                 gsize       length)
{
  GArray *stretches = g_array_new (FALSE, FALSE, sizeof (DossierUnbrokenPiece));
  gsize start = 0;
  guint n_cut = 0;   /* stretches of the current line so far */

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n')
        {
          if (n_cut > 0 && n_cut % 2 == 0 && i > start)
            {
              /* The line's last stretch, after an unmarked one. */
              DossierUnbrokenPiece stretch = { start, i };

              g_array_append_val (stretches, stretch);
            }
          n_cut = 0;
          start = i + 1;
        }
      else if (text[i] == ' ' && i + 1 - start > DOSSIER_UNBROKEN_STRETCH)
        {
          if (n_cut % 2 == 0)
            {
              DossierUnbrokenPiece stretch = { start, i + 1 };

              g_array_append_val (stretches, stretch);
            }
          n_cut++;
          start = i + 1;
        }
    }
  if (n_cut > 0 && n_cut % 2 == 0 && length > start)
    {
      DossierUnbrokenPiece stretch = { start, length };

      g_array_append_val (stretches, stretch);
    }
  return stretches;
}

/* The code point at @p, of valid UTF-8 (no checks: a line of 50 MB of
 * emoji decodes each of them a few times). */
static inline gunichar
char_at (const char *p)
{
  const guchar *b = (const guchar *) p;

  if (b[0] < 0x80)
    return b[0];
  if (b[0] < 0xE0)
    return ((gunichar) (b[0] & 0x1F) << 6) | (b[1] & 0x3F);
  if (b[0] < 0xF0)
    return ((gunichar) (b[0] & 0x0F) << 12) | ((gunichar) (b[1] & 0x3F) << 6) | (b[2] & 0x3F);
  return ((gunichar) (b[0] & 0x07) << 18) | ((gunichar) (b[1] & 0x3F) << 12)
         | ((gunichar) (b[2] & 0x3F) << 6) | (b[3] & 0x3F);
}

static inline const char *
next_char (const char *p)
{
  return (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
}

static inline const char *
prev_char (const char *p)
{
  do
    p--;
  while (((guchar) *p & 0xC0) == 0x80);
  return p;
}

/* Whether a space after @p (the byte before it) ends a sentence: ".", "?"
 * or "!", with closing quotes or brackets after it. */
static gboolean
ends_sentence (const char *text,
               const char *p)
{
  while (p > text)
    {
      const char *c = prev_char (p);
      gunichar ch = char_at (c);

      if (ch == '.' || ch == '?' || ch == '!' || ch == 0x2026 /* … */)
        return TRUE;
      if (ch != '"' && ch != '\'' && ch != ')' && ch != ']' && ch != 0x201D /* ” */
          && ch != 0x2019 /* ’ */ && ch != 0x00BB /* » */)
        return FALSE;
      p = c;
    }
  return FALSE;
}

/* Whether @c goes with the character before it into one grapheme:
 * marks, joiners, variation selectors, emoji modifiers. */
static gboolean
extends_grapheme (gunichar c)
{
  if (c < 0x300)
    return FALSE;   /* (most of the time: no lookup) */
  if (c == 0x200C || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F))
    return TRUE;
  /* (emoji and pictographs: no mark among them, a line of emoji asks no
   * table) */
  if (c >= 0x1F000 && c < 0x1FC00)
    return c >= 0x1F3FB && c <= 0x1F3FF;
  return g_unichar_ismark (c) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0xE0020 && c <= 0xE007F);
}

/* Whether a character after @c ends a sentence written without spaces. */
static gboolean
is_full_stop (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */
         || c == 0xFF0E /* ． */ || c == 0x2026 /* … */;
}

static gboolean
is_full_closer (gunichar c)
{
  return c == 0x300D /* 」 */ || c == 0x300F /* 』 */ || c == 0xFF09 /* ） */
         || c == 0x3011 /* 】 */ || c == 0x3009 /* 〉 */ || c == 0x300B /* 》 */;
}

/* Whether a character after @p (the byte before it) ends a sentence
 * written without spaces: a full-width full stop, with closing brackets
 * after it. */
static gboolean
after_full_stop (const char *text,
                 const char *p)
{
  while (p > text)
    {
      const char *c = prev_char (p);
      gunichar ch = char_at (c);

      if (is_full_stop (ch))
        return TRUE;
      if (!is_full_closer (ch))
        return FALSE;
      p = c;
    }
  return FALSE;
}

/* How far around a character Pango is asked where its grapheme ends:
 * enough for any sequence met in text (a family emoji, a stack of
 * accents), and no more, so that a stretch costs a few characters more. */
#define GRAPHEME_CONTEXT 32

/* Whether the code point at @p is a regional indicator (U+1F1E6 to
 * U+1F1FF: F0 9F 87 A6 to BF), told from its bytes: a line of flags is
 * nothing else, and is gone over a few times. */
static inline gboolean
regional_indicator_at (const char *p)
{
  const guchar *b = (const guchar *) p;

  return b[0] == 0xF0 && b[1] == 0x9F && b[2] == 0x87 && b[3] >= 0xA6 && b[3] <= 0xBF;
}

/* Whether the character at @p (of a line from @line_start to @line_end) is
 * a grapheme of its own, as Pango finds graphemes: a cursor can be put
 * before it and after it. Asked of a few characters around it only, where
 * the heuristics of cut_kind () may miss a rule (Hangul jamo, prepended
 * marks); a flag, two regional indicators whose pairing depends on all
 * those before, is never cut. */
/* Pango's attributes of the characters around @p, up to @n_before before
 * it (not before @line_start) and GRAPHEME_CONTEXT after it, in @attrs
 * (room for @n_before + GRAPHEME_CONTEXT + 1): how many came before it. */
static int
attrs_around (const char   *line_start,
              const char   *line_end,
              const char   *p,
              int           n_before,
              PangoLogAttr *attrs)
{
  const char *from = p, *to = next_char (p);
  int before = 0, n = 1;

  while (before < n_before && from > line_start)
    {
      from = prev_char (from);
      before++;
    }
  while (n < GRAPHEME_CONTEXT && to < line_end)
    {
      to = next_char (to);
      n++;
    }
  pango_get_log_attrs (from, (int) (to - from), -1, pango_language_get_default (),
                       attrs, before + n + 1);
  return before;
}

static gboolean
is_own_grapheme (const char *line_start,
                 const char *line_end,
                 const char *p)
{
  PangoLogAttr attrs[2 * GRAPHEME_CONTEXT + 1];
  int before;

  /* ASCII and ASCII on each side (CR, the one rule on them, is no longer
   * in the text): the most common case, at no cost. */
  if (p > line_start && (guchar) p[-1] < 0x80 && (guchar) *p < 0x80 && (guchar) *next_char (p) < 0x80)
    return TRUE;
  if (regional_indicator_at (p))
    return FALSE;
  before = attrs_around (line_start, line_end, p, GRAPHEME_CONTEXT, attrs);
  return attrs[before].is_cursor_position && attrs[before + 1].is_cursor_position;
}

/* Where to cut a stretch (from @start) that has no code point a grapheme
 * of its own in reach: at its last character @last (at offset *@offset)
 * or one of the few before it that ends a grapheme, so that the next line
 * starts with a whole one (a flag cut in two would pair every flag after
 * it wrong); at @last itself when a grapheme is longer than that. The
 * code points before it of the grapheme it ends in *@joined (a view
 * draws them with it). A flag's second regional indicator is counted
 * from @start, where the cut before left the flags paired (Pango, asked of
 * a few characters, may pair them wrong); other graphemes are asked of
 * Pango, once for the few. */
static const char *
grapheme_end (const char *start,
              const char *line_end,
              const char *last,
              gint64     *offset,
              guint      *joined)
{
  PangoLogAttr attrs[3 * GRAPHEME_CONTEXT + 1];
  const char *from = last;
  int before;

  if (regional_indicator_at (last))
    {
      guint run = 1;

      while (from > start && regional_indicator_at (prev_char (from)))
        {
          from = prev_char (from);
          run++;
        }
      /* (the second of a pair: the flag ends there, drawn with its first) */
      if (run % 2 == 0)
        {
          *joined = 1;
          return last;
        }
      /* (the first of a pair: the one before it ends the flag; before a
       * lone one, whatever came ends where Pango says, below) */
      *offset -= 1;
      last = prev_char (last);
      if (run > 1)
        {
          *joined = 1;
          return last;
        }
    }
  before = attrs_around (start, line_end, last, 2 * GRAPHEME_CONTEXT, attrs);
  /* attrs[i + 1]: whether a grapheme ends after the character at @last - before + i */
  for (int k = 0; k < GRAPHEME_CONTEXT && k < before; k++)
    if (attrs[before - k + 1].is_cursor_position)
      {
        const char *p = last;

        for (int j = 0; j < k; j++)
          p = prev_char (p);
        *offset -= k;
        /* (attrs[0], @start or a context's reach before: a grapheme starts there) */
        for (*joined = 0; !attrs[before - k - *joined].is_cursor_position; (*joined)++)
          ;
        return p;
      }
  *joined = 0;
  return last;
}

/* The kinds of places to cut at, best first. */
typedef enum
{
  CUT_NONE,
  CUT_SENTENCE,   /* a space after a sentence's end, or a character after a full stop */
  CUT_SPACE,
  CUT_CHAR,       /* a grapheme of its own */
} CutKind;

/* What a cut at @p (a character of a line, neither its first nor its
 * last; @line_start its first) would be. */
static CutKind
cut_kind (const char *text,
          const char *line_start,
          const char *p)
{
  gunichar c = char_at (p);
  gunichar after = char_at (next_char (p));
  gunichar before;

  /* A character this one joins, or that joins it, stays with it. */
  if (extends_grapheme (after))
    return CUT_NONE;
  if (c == ' ')
    return ends_sentence (text, p) ? CUT_SENTENCE : CUT_SPACE;
  if (c < 0x80 ? c <= ' ' || c == 0x7F
               : g_unichar_iscntrl (c) || extends_grapheme (c) || c == 0xFFFD || g_unichar_isspace (c))
    return CUT_NONE;
  before = char_at (prev_char (p));
  if (before == 0x200D)
    return CUT_NONE;
  return c >= 0x80 && after_full_stop (line_start, p) ? CUT_SENTENCE : CUT_CHAR;
}

/* The cuts of the line [@line, @line_end), whose first character is at
 * @offset, appended to @cuts. */
static void
cut_line (const char *text,
          const char *line,
          const char *line_end,
          gint64      offset,
          guint       max_chars,
          GArray     *cuts)
{
  const char *start = line;   /* this stretch's */
  gint64 start_offset = offset;

  for (;;)
    {
      const char *limit = start, *p;
      const char *found[CUT_CHAR + 1] = { NULL };
      gint64 found_offset[CUT_CHAR + 1] = { 0 };
      gint64 o;
      guint joined = 0;
      CutKind kind = CUT_NONE;

      /* The stretch is too long if a character comes after its first
       * max_chars + 1: the last it may keep is at start + max_chars. */
      for (guint k = 0; k <= max_chars && limit < line_end; k++)
        limit = next_char (limit);
      if (limit >= line_end)
        return;

      /* Back from there: the last sentence's end in its second half, or
       * else the last space there, or else the last character anywhere. */
      o = start_offset + max_chars;
      for (p = prev_char (limit); p > start; p = prev_char (p), o--)
        {
          CutKind k;
          gboolean second_half = o - start_offset >= (gint64) max_chars / 2;

          /* (a regional indicator is never a grapheme of its own: a line
           * of flags is gone over at the cost of a byte compare) */
          if (regional_indicator_at (p))
            continue;
          k = cut_kind (text, line, p);

          /* (a sentence's end is none better in the first half) */
          if (k == CUT_SENTENCE && !second_half)
            k = *p == ' ' ? CUT_SPACE : CUT_CHAR;
          if (k == CUT_NONE || found[k] != NULL)
            continue;
          /* (asked of Pango only when it would be taken: it costs) */
          if (*p != ' ' && !is_own_grapheme (line, line_end, p))
            continue;
          found[k] = p;
          found_offset[k] = o;
          if (k == CUT_SENTENCE)
            break;
          /* (below the second half, nothing better than a character) */
          if (!second_half && found[CUT_CHAR] != NULL)
            break;
        }
      if (found[CUT_SENTENCE] != NULL)
        kind = CUT_SENTENCE;
      else if (found[CUT_SPACE] != NULL && found_offset[CUT_SPACE] - start_offset >= (gint64) max_chars / 2)
        kind = CUT_SPACE;
      else if (found[CUT_CHAR] != NULL)
        kind = CUT_CHAR;
      else if (found[CUT_SPACE] != NULL)
        kind = CUT_SPACE;
      else
        {
          guint k = 0;

          /* None in the stretch: the first place after it, a stretch on
           * at most. */
          for (p = limit, o = start_offset + max_chars + 1;
               next_char (p) < line_end && k < max_chars; p = next_char (p), o++, k++)
            if (!regional_indicator_at (p) && cut_kind (text, line, p) != CUT_NONE
                && (*p == ' ' || is_own_grapheme (line, line_end, p)))
              break;
          if (next_char (p) >= line_end)
            return;
          if (k == max_chars)
            {
              /* None there either (flags, family emoji, nothing else: no
               * code point a grapheme of its own): cut at a code point. */
              o = start_offset + max_chars;
              p = grapheme_end (start, line_end, prev_char (limit), &o, &joined);
            }
          found[CUT_CHAR] = p;
          found_offset[CUT_CHAR] = o;
          kind = CUT_CHAR;
        }

      {
        DossierLineCut cut = { found[kind] - text, found_offset[kind], char_at (found[kind]), joined };

        g_array_append_val (cuts, cut);
        start = next_char (found[kind]);
        start_offset = cut.offset + 1;
      }
    }
}

GArray *
dossier_unbroken_runs_line_cuts (const char *text,
                                 gsize       length,
                                 guint       max_chars)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (DossierLineCut));
  const char *end = text + length;
  gint64 offset = 0;

  g_return_val_if_fail (text != NULL || length == 0, cuts);
  g_return_val_if_fail (max_chars >= 2, cuts);

  /* Each stretch is looked at back from its end, a few characters most
   * of the time: going over every character forward took 0.3 s of the
   * first frame of 50 MB. */
  for (const char *line = text; line < end; )
    {
      const char *line_end = memchr (line, '\n', end - line);
      gint64 n = 0;

      if (line_end == NULL)
        line_end = end;
      /* (no more code points than bytes: a shorter line is not cut) */
      if ((gsize) (line_end - line) > max_chars + 1)
        cut_line (text, line, line_end, offset, max_chars, cuts);
      for (const char *p = line; p < line_end; p++)
        n += ((guchar) *p & 0xC0) != 0x80;
      offset += n + 1;
      line = line_end + 1;
    }
  return cuts;
}

void
dossier_unbroken_runs_add_attrs (PangoAttrList *attrs,
                                 const char    *text,
                                 gsize          length)
{
  g_autoptr(GArray) pieces = dossier_unbroken_runs_pieces (text, length);

  for (guint i = 0; i < pieces->len; i++)
    {
      DossierUnbrokenPiece *piece = &g_array_index (pieces, DossierUnbrokenPiece, i);
      PangoAttribute *attr = pango_attr_letter_spacing_new (0);

      attr->start_index = (guint) piece->start;
      attr->end_index = (guint) piece->end;
      pango_attr_list_insert (attrs, attr);
    }
  g_clear_pointer (&pieces, g_array_unref);
  pieces = dossier_unbroken_runs_stretches (text, length);
  for (guint i = 0; i < pieces->len; i++)
    {
      DossierUnbrokenPiece *stretch = &g_array_index (pieces, DossierUnbrokenPiece, i);
      PangoAttribute *attr = pango_attr_fallback_new (TRUE);

      attr->start_index = (guint) stretch->start;
      attr->end_index = (guint) stretch->end;
      pango_attr_list_insert (attrs, attr);
    }
}
