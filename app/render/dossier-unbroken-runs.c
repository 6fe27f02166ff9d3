/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-unbroken-runs.c — pieces of long runs without a space, for
 * Pango (see dossier-unbroken-runs.h).
 */
#include "config.h"

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

/* Whether a space after @p (the byte before it) ends a sentence: ".", "?"
 * or "!", with closing quotes or brackets after it. */
static gboolean
ends_sentence (const char *text,
               const char *p)
{
  while (p > text)
    {
      const char *c = g_utf8_find_prev_char (text, p);
      gunichar ch = g_utf8_get_char (c);

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
  return g_unichar_ismark (c) || c == 0x200C || c == 0x200D
         || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)
         || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
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

/* The kinds of places to cut at, best first: their last one in this
 * stretch of the line is kept. */
enum
{
  CUT_SENTENCE_SPACE,
  CUT_SENTENCE_CHAR,
  CUT_SPACE,
  CUT_CHAR,
  N_CUT_KINDS
};

GArray *
dossier_unbroken_runs_line_cuts (const char *text,
                                 gsize       length,
                                 guint       max_chars)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (DossierLineCut));
  DossierLineCut best[N_CUT_KINDS];
  /* The character before this one, if it may be cut at (once this one is
   * known not to join it), and of which kind. */
  DossierLineCut pending = { 0, -1, 0 };
  int pending_kind = -1;
  gboolean after_stop = FALSE;   /* a full stop, and closers, before this one */
  gunichar before = 0;
  gint64 offset = 0;
  gint64 start = 0;              /* where this stretch of the line starts */

  g_return_val_if_fail (text != NULL || length == 0, cuts);
  g_return_val_if_fail (max_chars >= 2, cuts);

  for (guint k = 0; k < N_CUT_KINDS; k++)
    best[k].offset = -1;

  for (gsize i = 0; i < length; )
    {
      guchar b = (guchar) text[i];
      gunichar c;
      gsize next;

      if (b < 0x80)
        {
          c = b;
          next = i + 1;
        }
      else
        {
          c = g_utf8_get_char (text + i);
          next = g_utf8_next_char (text + i) - text;
        }

      if (c == '\n')
        {
          start = offset + 1;
          for (guint k = 0; k < N_CUT_KINDS; k++)
            best[k].offset = -1;
          pending_kind = -1;
        }
      else
        {
          /* The character before is a place to cut, unless this one
           * joins it. */
          if (pending_kind >= 0 && !extends_grapheme (c))
            best[pending_kind] = pending;
          pending_kind = -1;

          /* Past the stretch's end: cut at the best place in its second
           * half, or at the last character that may be cut. */
          while (offset - start > (gint64) max_chars)
            {
              int kind = -1;

              for (guint k = 0; k < N_CUT_KINDS && kind < 0; k++)
                if (best[k].offset >= 0
                    && (k == CUT_CHAR || best[k].offset - start >= (gint64) max_chars / 2))
                  kind = (int) k;
              /* (none in the second half: the last space, if any) */
              if (kind < 0 && best[CUT_SPACE].offset >= 0)
                kind = CUT_SPACE;
              if (kind < 0)
                break;
              g_array_append_val (cuts, best[kind]);
              start = best[kind].offset + 1;
              for (guint k = 0; k < N_CUT_KINDS; k++)
                if (best[k].offset < start)
                  best[k].offset = -1;
            }

          /* This one, if it may be cut at: not the line's first. */
          if (offset > start && before != 0x200D && next < length && text[next] != '\n')
            {
              pending = (DossierLineCut) { i, offset, c };
              if (c == ' ')
                pending_kind = ends_sentence (text, text + i) ? CUT_SENTENCE_SPACE : CUT_SPACE;
              else if (c < 0x80 ? c > ' ' && c != 0x7F
                                : !g_unichar_iscntrl (c) && !extends_grapheme (c) && c != 0xFFFD
                                  && !g_unichar_isspace (c))
                pending_kind = after_stop ? CUT_SENTENCE_CHAR : CUT_CHAR;
            }
        }
      after_stop = is_full_stop (c) || (after_stop && is_full_closer (c));
      before = c;
      offset++;
      i = next;
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
