/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-coding-stripes.h — the margin of coding stripes beside a text view.
 *
 * One vertical bar per highlight, in the highlight's colour, from its first
 * line to its last, labelled with its tags when there is room. Overlapping
 * highlights go to separate lanes (lane 0 nearest the text), packed with
 * dossier_coding_stripes_pack_lanes(). The widget is meant to be the left
 * gutter of a GtkTextView (gtk_text_view_set_gutter), so it scrolls with the
 * text; it draws from lane data precomputed in set_stripes and never
 * allocates while drawing.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A vertical extent, in whatever unit the caller packs (lines), end
 * exclusive: [0, 5) and [5, 9) touch but do not overlap. */
typedef struct
{
  gint64 start;
  gint64 end;
} DossierStripeRange;

/* Gives each range the lowest lane not used by a range overlapping it
 * (greedy colouring of the interval graph in order of start, longer ranges
 * first on ties: optimal, O(n log n)). Writes the lane of ranges[i] to
 * lanes_out[i] and returns the number of lanes used, which is the largest
 * number of ranges overlapping at one point. */
guint dossier_coding_stripes_pack_lanes (const DossierStripeRange *ranges,
                                         guint                     n,
                                         guint                    *lanes_out);

typedef struct
{
  gint64      id;          /* the highlight's id */
  gint64      start;       /* code points in the text view's buffer */
  gint64      end;         /* exclusive */
  gint64      first_line;  /* buffer lines covered, inclusive */
  gint64      last_line;
  guint       lane;        /* from dossier_coding_stripes_pack_lanes() */
  GdkRGBA     color;
  const char *label;       /* tag names; may be NULL (copied) */
  const char *tooltip;     /* Pango markup; may be NULL (copied) */
} DossierStripe;

/* The most the lanes ever take, in pixels: past it they narrow, then the
 * outermost stands for the highlights that have no lane of their own. */
#define DOSSIER_CODING_STRIPES_MAX_WIDTH 84

#define DOSSIER_TYPE_CODING_STRIPES (dossier_coding_stripes_get_type ())
G_DECLARE_FINAL_TYPE (DossierCodingStripes, dossier_coding_stripes, DOSSIER, CODING_STRIPES, GtkWidget)

/* Signals:
 *   "highlight-activated" (gint64 id): a stripe was clicked.
 *   "highlight-menu" (gint64 id, double x, double y): a stripe was
 *       right-clicked, coordinates in the stripes widget's space. */

/* @view is the text view whose buffer coordinates the stripes follow; the
 * widget keeps a weak reference to it. */
GtkWidget *dossier_coding_stripes_new               (GtkTextView          *view);

/* Replaces every stripe (copied). */
void       dossier_coding_stripes_set_stripes       (DossierCodingStripes *self,
                                                     const DossierStripe  *stripes,
                                                     guint                 n_stripes);
/* Takes out the stripes of @removed_ids and adds @added (copied; a
 * highlight that changed is in both): what set_stripes with the whole new
 * set would show, at the cost of the few that changed. */
void       dossier_coding_stripes_update_stripes    (DossierCodingStripes *self,
                                                     const gint64         *removed_ids,
                                                     guint                 n_removed,
                                                     const DossierStripe  *added,
                                                     guint                 n_added);
guint      dossier_coding_stripes_get_n_stripes     (DossierCodingStripes *self);
guint      dossier_coding_stripes_get_n_lanes       (DossierCodingStripes *self);

/* The width the margin should fill at least (the owner uses the margin as
 * the left side of a centred text column); the stripes hug its right edge.
 * Narrower than DOSSIER_CODING_STRIPES_MAX_WIDTH, the lanes fit in it. */
void       dossier_coding_stripes_set_reserved_width (DossierCodingStripes *self,
                                                      int                   width);
/* The width the lanes need by themselves: at most
 * DOSSIER_CODING_STRIPES_MAX_WIDTH, or a narrower reserved width (no less
 * than two narrow lanes' room). */
int        dossier_coding_stripes_get_lanes_width   (DossierCodingStripes *self);
/* Lanes drawn with a bar each; when fewer than get_n_lanes, one more lane
 * stands for the rest. */
guint      dossier_coding_stripes_get_n_shown_lanes (DossierCodingStripes *self);
/* What the tooltip at (x, y) says (Pango markup, newly allocated), or NULL:
 * the highlight's tags and memo, or, on the "more" lane, every highlight
 * it stands for there. */
char      *dossier_coding_stripes_describe_at       (DossierCodingStripes *self,
                                                     double                x,
                                                     double                y);

/* The stripe drawn at (x, y) in widget coordinates, if any. */
gboolean   dossier_coding_stripes_get_stripe_at     (DossierCodingStripes *self,
                                                     double                x,
                                                     double                y,
                                                     gint64               *id);
/* Where the stripe of highlight @id is drawn now (widget coordinates);
 * FALSE if it is scrolled out of view or unknown. */
gboolean   dossier_coding_stripes_get_stripe_area   (DossierCodingStripes *self,
                                                     gint64                id,
                                                     graphene_rect_t      *area);
/* Where each label is drawn now (widget coordinates), top to bottom: a
 * GArray of graphene_rect_t (transfer full); what a widget placed over
 * the margin keeps clear of. */
GArray    *dossier_coding_stripes_list_label_areas  (DossierCodingStripes *self);
/* What a click with @button (1 or 3) at (x, y) does: emits
 * "highlight-activated" or "highlight-menu" for the stripe there. Returns
 * whether a stripe was hit. */
gboolean   dossier_coding_stripes_activate_at       (DossierCodingStripes *self,
                                                     double                x,
                                                     double                y,
                                                     guint                 button);

/* The stripes as text, in drawing order, with the lanes (for tests: two
 * margins showing the same stripes describe them alike). Newly allocated. */
char      *dossier_coding_stripes_describe          (DossierCodingStripes *self);

G_END_DECLS
