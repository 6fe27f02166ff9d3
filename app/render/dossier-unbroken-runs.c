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

GArray *
dossier_unbroken_runs_line_cuts (const char *text,
                                 gsize       length,
                                 guint       max_chars)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (DossierLineCut));
  DossierLineCut space = { 0, -1 };      /* the last space of this stretch */
  DossierLineCut sentence = { 0, -1 };   /* … after a sentence's end */
  gint64 offset = 0;
  gint64 start = 0;                      /* where this stretch of the line starts */

  g_return_val_if_fail (text != NULL || length == 0, cuts);
  g_return_val_if_fail (max_chars >= 2, cuts);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if ((c & 0xc0) == 0x80)
        continue;   /* not a character's start */
      if (c == '\n')
        {
          start = offset + 1;
          space.offset = sentence.offset = -1;
        }
      else if (c == ' ' && offset > start && i + 1 < length && text[i + 1] != '\n')
        {
          DossierLineCut here = { i, offset };
          gboolean cut_here = FALSE;

          /* Past the stretch's end: cut at the best space in its second
           * half, or at the last one, then here if still too long. */
          while (offset - start > (gint64) max_chars && !cut_here)
            {
              DossierLineCut cut = here;

              if (sentence.offset >= 0 && sentence.offset - start >= (gint64) max_chars / 2)
                cut = sentence;
              else if (space.offset >= 0)
                cut = space;
              cut_here = cut.offset == offset;
              g_array_append_val (cuts, cut);
              start = cut.offset + 1;
              space.offset = sentence.offset = -1;
            }
          if (!cut_here)
            {
              space = here;
              if (ends_sentence (text, text + i))
                sentence = here;
            }
        }
      offset++;
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
