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
