/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-unbroken-runs.h — where to cut a long run of text without a
 * space (200,000 '[' in a note from someone else, a pasted URL) so that
 * Pango lays it out in a time that grows with its length.
 *
 * Pango (1.50) wraps such a run character by character, and for each line
 * it breaks shapes again all of the run that is left: a run of n
 * characters takes time growing with n², a minute for 200,000 in a PDF,
 * longer in a label, whose width GTK measures more than once. A run cut
 * into pieces by attributes is shaped piece by piece, and wraps the same.
 * A long paragraph of words is cut into stretches the same way.
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* The most bytes a run without a space keeps in one piece. */
#define DOSSIER_UNBROKEN_PIECE 64
/* The bytes of words after which a long paragraph is cut, at the next
 * space: Pango also goes over all that is left of a run of words for
 * each line it breaks, and a label measures its least width by breaking
 * after every word (a paragraph of 128 KB: seconds). */
#define DOSSIER_UNBROKEN_STRETCH 1024

typedef struct
{
  gsize start;   /* bytes */
  gsize end;
} DossierUnbrokenPiece;

/* Every other piece of each run of @text (@length bytes) longer than
 * DOSSIER_UNBROKEN_PIECE bytes without a space: marking these (a text tag,
 * an attribute) cuts each run into pieces of at most that many bytes, at
 * characters' starts. Empty when no run is that long. */
GArray *dossier_unbroken_runs_pieces    (const char    *text,
                                         gsize          length);

/* Every other stretch of each line of @text longer than
 * DOSSIER_UNBROKEN_STRETCH bytes, cut after the first space past that
 * many bytes: marked, they cut a long paragraph into stretches of about
 * that length. Empty when no line is that long. */
GArray *dossier_unbroken_runs_stretches (const char    *text,
                                         gsize          length);
/* The longest line, in code points, a text view should lay out in one
 * piece: a text view lays out each line of its buffer whole, and a
 * paragraph of 50 MB took it minutes and gigabytes. */
#define DOSSIER_UNBROKEN_LINE_CHARS 3000

typedef struct
{
  gsize    byte;     /* of the character cut at, in the text */
  gint64   offset;   /* the same, in code points */
  gunichar ch;       /* that character: ' ' where the line has spaces */
  guint    joined;   /* the code points before it of the grapheme it ends
                      * (a flag's first regional indicator, the hand before
                      * a skin tone): 0 but where a run has no code point
                      * that is a grapheme of its own */
} DossierLineCut;

/* Where to cut each line (between two '\n') of @text (@length bytes,
 * valid UTF-8) that is longer than @max_chars code points, so that a view
 * can show it as lines of at most about that many: one cut every
 * @max_chars code points at most, at the best of, in the second half of
 * that stretch, a space after a sentence's end (". ", "? ", "! ", with
 * closing quotes or brackets between), a character after a full-width
 * one ("。", "！", "？", with closing brackets between), any space; or
 * else at the stretch's last character that is a grapheme of its own
 * (not a mark, no joiner or selector beside it): a long text in a script
 * written without spaces (Chinese, Japanese, Thai), a run of 50 MB
 * without one; or, in a run with no such character (flags, family
 * emoji, nothing else), at a code point that ends a grapheme, the next
 * line starting with a whole one: a view hides the code points before it
 * of that grapheme (its joined ones) and draws them with it, so that no
 * flag is shown as two letters, no hand apart from its skin tone.
 * Nothing is cut at the start or the end of a line.
 * Replacing each cut's character with '\n' keeps every code point where it
 * was: offsets in the cut text are offsets in @text, and a view draws
 * that character at the end of its line. Empty when no line is that
 * long. */
GArray *dossier_unbroken_runs_line_cuts (const char    *text,
                                         gsize          length,
                                         guint          max_chars);

/* Adds to @attrs, over each piece of @text that
 * dossier_unbroken_runs_pieces() gives, an attribute that changes nothing
 * drawn (a letter spacing of 0) but cuts Pango's runs there; and over each
 * stretch that dossier_unbroken_runs_stretches() gives, another (font
 * fallback on, as it is unless said otherwise). */
void    dossier_unbroken_runs_add_attrs (PangoAttrList *attrs,
                                         const char    *text,
                                         gsize          length);

G_END_DECLS
