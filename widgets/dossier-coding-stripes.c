/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-coding-stripes.c — the margin of coding stripes beside a text view.
 *
 * Everything that depends on the set of highlights (the lanes, the order by
 * first line, the label layouts) is computed in set_stripes; snapshot only
 * looks up where the visible lines are and appends render nodes. Stripes are
 * kept sorted by first line with a running maximum of last lines ("reach"),
 * so the stripes crossing the visible lines are found by one binary search
 * and a short walk back, not by a scan of thousands.
 */

#include "config.h"

#include <glib/gi18n.h>

#include <dossier/dossier-text.h>

#include "dossier-coding-stripes.h"
#include "dossier-contrast.h"

/* Geometry, in pixels. Lane 0 hugs the right edge (the text); further
 * lanes go outwards. Labels are written across, to the left of the lanes,
 * level with the first line of their stripe, when the margin has room. */
#define EDGE_GAP     6
#define LANE_WIDTH   9
#define BAR_WIDTH    4
#define LABEL_GAP    8
#define OUTER_PAD    6
#define MIN_STRIPE   6
/* The lanes never take more than this: past it they narrow, and past that
 * the outermost lane stands for every highlight that has no lane of its
 * own ("n more", named in its tooltip), so that the text keeps its room
 * however deep the overlaps go. */
#define NARROW_LANE  6
#define NARROW_BAR   3

typedef struct
{
  PangoLayout *layout;
  int          natural;   /* width unconstrained */
  int          width;     /* as drawn: ellipsized to the room there is */
  int          height;
} Label;

typedef struct
{
  gint64      id;
  gint64      start;
  gint64      end;
  gint64      first_line;
  gint64      last_line;
  guint       lane;
  GdkRGBA     color;
  GdkRGBA     ink;         /* color, 3:1 against the page (the bar) */
  GdkRGBA     label_ink;   /* 4.5:1 against the page (the label) */
  const char *label;       /* in self->strings, or NULL */
  const char *tooltip;     /* in self->strings, or NULL */
  Label      *layout;      /* owned by self->labels, or NULL */
} Stripe;

struct _DossierCodingStripes
{
  GtkWidget      parent_instance;

  GtkTextView   *view;             /* weak */
  GtkAdjustment *vadjustment;
  gulong         value_changed_id;
  gulong         adj_changed_id;

  GArray        *stripes;          /* Stripe, by first line then lane */
  GArray        *reach;            /* gint64: max last_line of stripes[0..i] */
  GArray        *extents;          /* Extent: the visible stripes, in snapshot */
  GStringChunk  *strings;
  gsize          strings_unused;   /* bytes of stripes taken out */
  GHashTable    *labels;           /* label text → Label */
  guint          n_lanes;
  guint          shown_lanes;      /* lanes with their own bars; the rest: "more" */
  int            lane_width;
  int            bar_width;
  int            reserved_width;

  GdkRGBA        page;             /* what the stripes are drawn on */
  GdkRGBA        fg;
  GdkRGBA        more_ink;         /* the "more" lane's bar */
  GHashTable    *inks;             /* packed colour → Inks, for the page */

  gint64         hover_id;
  gboolean       hovering;

  PangoFontDescription *font;      /* the labels were made with */
};

G_DEFINE_FINAL_TYPE (DossierCodingStripes, dossier_coding_stripes, GTK_TYPE_WIDGET)

enum {
  HIGHLIGHT_ACTIVATED,
  HIGHLIGHT_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Lane packing ---------------------------------------------------------- */

/* A lane, in a heap by @key: the end of the range holding it (active
 * lanes), or the lane's own number (free lanes). */
typedef struct
{
  gint64 key;
  guint  lane;
} LaneEntry;

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const DossierStripeRange *ranges = data;
  const DossierStripeRange *ra = &ranges[*(const guint *) a];
  const DossierStripeRange *rb = &ranges[*(const guint *) b];

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  /* Longer first, so that an enclosing range takes the inner lane. */
  if (ra->end != rb->end)
    return ra->end > rb->end ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : (*(const guint *) a > *(const guint *) b);
}

/* A binary min-heap by key, for the active lanes and the free ones. */
static void
heap_push (LaneEntry *heap,
           guint     *len,
           LaneEntry  item)
{
  guint i = (*len)++;

  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (heap[parent].key <= item.key)
        break;
      heap[i] = heap[parent];
      i = parent;
    }
  heap[i] = item;
}

static LaneEntry
heap_pop (LaneEntry *heap,
          guint     *len)
{
  LaneEntry top = heap[0];
  LaneEntry last = heap[--(*len)];
  guint i = 0;

  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= *len)
        break;
      if (child + 1 < *len && heap[child + 1].key < heap[child].key)
        child++;
      if (last.key <= heap[child].key)
        break;
      heap[i] = heap[child];
      i = child;
    }
  if (*len > 0)
    heap[i] = last;
  return top;
}

guint
dossier_coding_stripes_pack_lanes (const DossierStripeRange *ranges,
                                   guint                     n,
                                   guint                    *lanes_out)
{
  g_autofree guint *order = NULL;
  g_autofree LaneEntry *active = NULL;
  g_autofree LaneEntry *free_lanes = NULL;
  guint n_active = 0;
  guint n_free = 0;
  guint n_lanes = 0;

  g_return_val_if_fail (n == 0 || ranges != NULL, 0);
  g_return_val_if_fail (n == 0 || lanes_out != NULL, 0);

  if (n == 0)
    return 0;

  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_by_start, (gpointer) ranges);

  active = g_new (LaneEntry, n);
  free_lanes = g_new (LaneEntry, n);

  for (guint k = 0; k < n; k++)
    {
      const DossierStripeRange *r = &ranges[order[k]];
      guint lane;

      /* Lanes whose range ended at or before this start are free again:
       * touching ranges may share a lane. */
      while (n_active > 0 && active[0].key <= r->start)
        {
          guint freed = heap_pop (active, &n_active).lane;

          heap_push (free_lanes, &n_free, (LaneEntry) { freed, freed });
        }

      lane = n_free > 0 ? heap_pop (free_lanes, &n_free).lane : n_lanes++;
      lanes_out[order[k]] = lane;
      heap_push (active, &n_active, (LaneEntry) { MAX (r->end, r->start), lane });
    }

  return n_lanes;
}

/* ---- Labels ---------------------------------------------------------------- */

static void
label_free (gpointer data)
{
  Label *label = data;

  g_clear_object (&label->layout);
  g_free (label);
}

static Label *
label_new (DossierCodingStripes *self,
           const char           *text)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  Label *label = g_new0 (Label, 1);
  g_autofree char *shown = NULL;
  int width, height;

  /* A tag's name of any length, from a file: even ellipsized, a layout
   * shapes its whole text. */
  shown = dossier_text_shown (text);
  label->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), shown);
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
  pango_layout_set_attributes (label->layout, attrs);
  pango_layout_set_single_paragraph_mode (label->layout, TRUE);
  pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (label->layout, &width, &height);
  label->natural = label->width = width;
  label->height = height;

  return label;
}

static void update_label_widths (DossierCodingStripes *self);

/* Gives every stripe its label layout, reusing those already made; layouts
 * no stripe uses any more are dropped. */
static void
rebuild_labels (DossierCodingStripes *self,
                gboolean              keep_old)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->labels);

  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, label_free);

  for (guint i = 0; i < self->stripes->len; i++)
    {
      Stripe *s = &g_array_index (self->stripes, Stripe, i);
      gpointer key, value;

      s->layout = NULL;
      if (s->label == NULL || s->label[0] == '\0')
        continue;

      value = g_hash_table_lookup (self->labels, s->label);
      if (value == NULL && keep_old && old != NULL
          && g_hash_table_steal_extended (old, s->label, &key, &value))
        g_hash_table_insert (self->labels, key, value);
      else if (value == NULL)
        {
          value = label_new (self, s->label);
          g_hash_table_insert (self->labels, g_strdup (s->label), value);
        }
      s->layout = value;
    }

  update_label_widths (self);
}

/* ---- Geometry -------------------------------------------------------------- */

static gboolean
has_more (DossierCodingStripes *self)
{
  return self->shown_lanes < self->n_lanes;
}

/* The width the lanes may take: DOSSIER_CODING_STRIPES_MAX_WIDTH, or a
 * reserved width narrower than that (a narrow view's gutter), so that no
 * lane widens the margin and reflows the text; room for two narrow lanes
 * at least. */
static int
lanes_room (DossierCodingStripes *self)
{
  int width = DOSSIER_CODING_STRIPES_MAX_WIDTH;

  if (self->reserved_width > 0)
    width = CLAMP (self->reserved_width, EDGE_GAP + 2 * NARROW_LANE + OUTER_PAD, width);
  return width - EDGE_GAP - OUTER_PAD;
}

/* Lanes at full width while they fit, then narrower, then as many as fit
 * and one lane standing for the rest. */
static void
update_lane_layout (DossierCodingStripes *self)
{
  int room = lanes_room (self);
  guint narrow_slots = (guint) room / NARROW_LANE;

  if (self->n_lanes * LANE_WIDTH <= (guint) room)
    {
      self->lane_width = LANE_WIDTH;
      self->bar_width = BAR_WIDTH;
      self->shown_lanes = self->n_lanes;
    }
  else
    {
      self->lane_width = NARROW_LANE;
      self->bar_width = NARROW_BAR;
      self->shown_lanes = self->n_lanes <= narrow_slots ? self->n_lanes : narrow_slots - 1;
    }
}

int
dossier_coding_stripes_get_lanes_width (DossierCodingStripes *self)
{
  guint slots;

  g_return_val_if_fail (DOSSIER_IS_CODING_STRIPES (self), 0);

  slots = self->shown_lanes + (has_more (self) ? 1 : 0);
  return EDGE_GAP + (int) slots * self->lane_width + OUTER_PAD;
}

guint
dossier_coding_stripes_get_n_shown_lanes (DossierCodingStripes *self)
{
  g_return_val_if_fail (DOSSIER_IS_CODING_STRIPES (self), 0);

  return self->shown_lanes;
}

/* The slot a stripe is drawn in: its lane, or the "more" lane. */
static guint
slot_of (DossierCodingStripes *self,
         const Stripe         *s)
{
  return MIN (s->lane, self->shown_lanes);
}

/* Right edge of slot @lane's bar. */
static double
lane_right (DossierCodingStripes *self,
            guint                 lane)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) - EDGE_GAP - (double) lane * self->lane_width;
}

/* ---- Colours --------------------------------------------------------------- */

typedef struct
{
  GdkRGBA bar;
  GdkRGBA label;
} Inks;

static guint32
pack_color (const GdkRGBA *c)
{
  return ((guint32) (CLAMP (c->red, 0, 1) * 255 + 0.5) << 24)
         | ((guint32) (CLAMP (c->green, 0, 1) * 255 + 0.5) << 16)
         | ((guint32) (CLAMP (c->blue, 0, 1) * 255 + 0.5) << 8)
         | (guint32) (CLAMP (c->alpha, 0, 1) * 255 + 0.5);
}

/* A tag's colour as a bar (3:1 against the page) and as its label's text
 * (leaning to the text colour, 4.5:1), once per colour and page. */
static const Inks *
inks_for (DossierCodingStripes *self,
          const GdkRGBA        *color)
{
  guint32 key = pack_color (color);
  Inks *inks = g_hash_table_lookup (self->inks, GUINT_TO_POINTER (key));
  GdkRGBA mixed;

  if (inks != NULL)
    return inks;

  inks = g_new (Inks, 1);
  inks->bar = dossier_contrast_adjust (color, &self->page, DOSSIER_CONTRAST_GRAPHICS);
  mixed = (GdkRGBA) {
    color->red * 0.55 + self->fg.red * 0.45,
    color->green * 0.55 + self->fg.green * 0.45,
    color->blue * 0.55 + self->fg.blue * 0.45,
    1,
  };
  inks->label = dossier_contrast_adjust (&mixed, &self->page, DOSSIER_CONTRAST_TEXT);
  g_hash_table_insert (self->inks, GUINT_TO_POINTER (key), inks);
  return inks;
}

static void
update_inks (DossierCodingStripes *self)
{
  GdkRGBA more = self->fg;

  more.alpha *= 0.55;
  self->more_ink = dossier_contrast_adjust (&more, &self->page, DOSSIER_CONTRAST_GRAPHICS);
  for (guint i = 0; i < self->stripes->len; i++)
    {
      Stripe *s = &g_array_index (self->stripes, Stripe, i);
      const Inks *inks = inks_for (self, &s->color);

      s->ink = inks->bar;
      s->label_ink = inks->label;
    }
}

/* The theme's page and text colours; inks again when they change. */
static void
update_theme (DossierCodingStripes *self)
{
  GdkRGBA page = dossier_contrast_page_color (GTK_WIDGET (self));
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  fg = dossier_contrast_composite (&fg, &page);

  if (gdk_rgba_equal (&page, &self->page) && gdk_rgba_equal (&fg, &self->fg))
    return;
  self->page = page;
  self->fg = fg;
  g_hash_table_remove_all (self->inks);
  update_inks (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

typedef struct
{
  GdkRectangle visible;   /* buffer coordinates */
  gint64       top_line;
  gint64       bottom_line;
} Viewport;

static gboolean
get_viewport (DossierCodingStripes *self,
              Viewport             *vp)
{
  GtkTextIter iter;

  if (self->view == NULL || self->stripes->len == 0)
    return FALSE;

  gtk_text_view_get_visible_rect (self->view, &vp->visible);
  if (vp->visible.height <= 0)
    return FALSE;

  gtk_text_view_get_line_at_y (self->view, &iter, vp->visible.y, NULL);
  vp->top_line = gtk_text_iter_get_line (&iter);
  gtk_text_view_get_line_at_y (self->view, &iter, vp->visible.y + vp->visible.height, NULL);
  vp->bottom_line = gtk_text_iter_get_line (&iter);
  return TRUE;
}

/* Room for a label beside lane 0, the most there can be: a label goes just
 * outside the outermost lane in use beside it, and is not drawn when that
 * leaves too little room. */
static int
label_room (DossierCodingStripes *self)
{
  return (int) lane_right (self, 1) - LABEL_GAP - OUTER_PAD;
}

/* Labels wider than the room are ellipsized; done when the room changes
 * (stripes, allocation, font), so that drawing never lays text out. */
static void
fit_label (Label *label,
           int    room)
{
  int width = label->natural;

  if (label->natural <= room)
    pango_layout_set_width (label->layout, -1);
  else if (room >= 3 * label->height)
    pango_layout_set_width (label->layout, room * PANGO_SCALE);
  else
    {
      label->width = G_MAXINT;   /* no room worth an ellipsis: not drawn */
      return;
    }
  /* Lays it out now, not in snapshot. */
  pango_layout_get_pixel_size (label->layout, &width, NULL);
  label->width = width;
}

static void
update_label_widths (DossierCodingStripes *self)
{
  int room = label_room (self);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->labels);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    fit_label (value, room);
}

/* The layout of @text, made (and fitted) if no stripe had it yet. */
static Label *
label_for (DossierCodingStripes *self,
           const char           *text)
{
  Label *label;

  if (text == NULL || text[0] == '\0')
    return NULL;

  label = g_hash_table_lookup (self->labels, text);
  if (label == NULL)
    {
      label = label_new (self, text);
      fit_label (label, label_room (self));
      g_hash_table_insert (self->labels, g_strdup (text), label);
    }
  return label;
}

/* Index one past the last stripe that starts on or before @line. */
static guint
upper_bound_line (DossierCodingStripes *self,
                  gint64                line)
{
  guint lo = 0, hi = self->stripes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->stripes, Stripe, mid).first_line <= line)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Vertical extent of a stripe in widget coordinates, and the height of its
 * first line; stripes running off the visible lines are cut a little
 * outside the widget. */
static void
stripe_extent (DossierCodingStripes *self,
               const Viewport       *vp,
               const Stripe         *s,
               double               *y0,
               double               *y1,
               double               *first_height)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GdkRectangle loc;
  GtkTextIter iter;
  int by0, by1, wy;

  if (s->first_line < vp->top_line)
    {
      by0 = vp->visible.y - 16;
      loc.height = 0;
    }
  else
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) s->start);
      gtk_text_view_get_iter_location (self->view, &iter, &loc);
      by0 = loc.y;
    }
  if (first_height != NULL)
    *first_height = loc.height;

  if (s->last_line > vp->bottom_line)
    by1 = vp->visible.y + vp->visible.height + 16;
  else
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) MAX (s->start, s->end - 1));
      gtk_text_view_get_iter_location (self->view, &iter, &loc);
      by1 = loc.y + loc.height;
    }

  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_LEFT, 0, by0, NULL, &wy);
  *y0 = wy;
  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_LEFT, 0, by1, NULL, &wy);
  *y1 = MAX (wy, *y0 + MIN_STRIPE);
}

/* Calls @func on each stripe crossing the visible lines, in order of first
 * line; stops when it returns TRUE. */
typedef gboolean (*StripeFunc) (DossierCodingStripes *self,
                                const Viewport       *vp,
                                const Stripe         *s,
                                gpointer              data);

static void
foreach_visible_stripe (DossierCodingStripes *self,
                        StripeFunc            func,
                        gpointer              data)
{
  Viewport vp;
  guint first, last;

  if (!get_viewport (self, &vp))
    return;

  /* Stripes starting after the visible lines are out; walking back from
   * there, once no stripe so far reaches the top line ("reach"), neither
   * does any before it. */
  last = upper_bound_line (self, vp.bottom_line);
  for (first = last; first > 0; first--)
    if (g_array_index (self->reach, gint64, first - 1) < vp.top_line)
      break;

  for (guint i = first; i < last; i++)
    {
      const Stripe *s = &g_array_index (self->stripes, Stripe, i);

      if (s->last_line < vp.top_line)
        continue;
      if (func (self, &vp, s, data))
        break;
    }
}

/* ---- Drawing --------------------------------------------------------------- */

typedef struct
{
  const Stripe *stripe;
  double        y0;
  double        y1;
  double        line_height;   /* of its first line; 0 if it starts above */
} Extent;

typedef struct
{
  DossierCodingStripes *self;
  int                   height;
} CollectData;

static gboolean
collect_extent (DossierCodingStripes *self,
                const Viewport       *vp,
                const Stripe         *s,
                gpointer              data)
{
  CollectData *cd = data;
  Extent e;

  e.stripe = s;
  stripe_extent (self, vp, s, &e.y0, &e.y1, &e.line_height);
  if (e.y1 >= 0 && e.y0 <= cd->height)
    g_array_append_val (self->extents, e);
  return FALSE;
}

/* The visible stripes' extents into self->extents (the array keeps its
 * capacity: no allocation once it has grown to a screenful). */
static const Extent *
collect_extents (DossierCodingStripes *self)
{
  CollectData cd = { self, gtk_widget_get_height (GTK_WIDGET (self)) };

  g_array_set_size (self->extents, 0);
  foreach_visible_stripe (self, collect_extent, &cd);
  return (const Extent *) (gpointer) self->extents->data;
}

/* Where the label of @extents[@i] goes: level with the first line of its
 * stripe (or the top of the view for a stripe coming from above), just
 * outside the outermost lane in use beside it, no higher than @free_y
 * (under the label above). FALSE when it is not drawn: no label, no room
 * beside the lanes, or it would run into the one above. */
static gboolean
place_label (DossierCodingStripes *self,
             const Extent         *extents,
             guint                 i,
             double                free_y,
             graphene_rect_t      *area)
{
  const Extent *e = &extents[i];
  const Stripe *s = e->stripe;
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  guint outer = slot_of (self, s);
  double y, x;

  /* The "more" lane's highlights are named in its tooltip. */
  if (s->layout == NULL || s->layout->width == G_MAXINT || s->lane >= self->shown_lanes)
    return FALSE;

  y = e->line_height > 0 ? e->y0 + (e->line_height - s->layout->height) / 2 : MAX (e->y0, 0) + 2;
  y = MAX (y, free_y);
  if (y + s->layout->height > MIN (e->y1, height) + 2)
    return FALSE;

  for (guint j = 0; j < self->extents->len; j++)
    if (extents[j].y0 < y + s->layout->height && extents[j].y1 > y)
      outer = MAX (outer, slot_of (self, extents[j].stripe));

  x = lane_right (self, outer + 1) - LABEL_GAP - s->layout->width;
  if (x < OUTER_PAD)
    return FALSE;

  *area = GRAPHENE_RECT_INIT (x, y, s->layout->width, s->layout->height);
  return TRUE;
}

static void
dossier_coding_stripes_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  DossierCodingStripes *self = DOSSIER_CODING_STRIPES (widget);
  const Extent *extents = collect_extents (self);
  double free_y = -G_MAXDOUBLE;

  for (guint i = 0; i < self->extents->len; i++)
    {
      const Extent *e = &extents[i];
      const Stripe *s = e->stripe;
      gboolean more = s->lane >= self->shown_lanes;
      gboolean hover = !more && self->hovering && s->id == self->hover_id;
      double bar = hover ? self->bar_width + 2 : self->bar_width;
      double right = lane_right (self, slot_of (self, s));
      graphene_rect_t rect = GRAPHENE_RECT_INIT (right - bar, e->y0, bar, e->y1 - e->y0);
      GskRoundedRect rounded;

      gsk_rounded_rect_init_from_rect (&rounded, &rect, bar / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, more ? &self->more_ink : &s->ink, &rect);
      gtk_snapshot_pop (snapshot);
    }

  /* Labels: their colour leans to the text colour, and is made to stand
   * 4.5:1 against the page whatever the tag colour. */
  for (guint i = 0; i < self->extents->len; i++)
    {
      const Stripe *s = extents[i].stripe;
      graphene_rect_t area;

      if (!place_label (self, extents, i, free_y, &area))
        continue;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &area.origin);
      gtk_snapshot_append_layout (snapshot, s->layout->layout, &s->label_ink);
      gtk_snapshot_restore (snapshot);
      free_y = area.origin.y + area.size.height;
    }
}

GArray *
dossier_coding_stripes_list_label_areas (DossierCodingStripes *self)
{
  GArray *areas = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  const Extent *extents;
  double free_y = -G_MAXDOUBLE;

  g_return_val_if_fail (DOSSIER_IS_CODING_STRIPES (self), areas);

  extents = collect_extents (self);
  for (guint i = 0; i < self->extents->len; i++)
    {
      graphene_rect_t area;

      if (!place_label (self, extents, i, free_y, &area))
        continue;
      g_array_append_val (areas, area);
      free_y = area.origin.y + area.size.height;
    }
  return areas;
}

/* ---- Hit testing ----------------------------------------------------------- */

typedef struct
{
  double        x;
  double        y;
  guint         lane;
  gint64        id;            /* in: wanted id (area lookup); out: hit */
  const Stripe *found;
  graphene_rect_t area;
} HitData;

static gboolean
hit_stripe (DossierCodingStripes *self,
            const Viewport       *vp,
            const Stripe         *s,
            gpointer              data)
{
  HitData *hd = data;
  double y0, y1;

  if (slot_of (self, s) != hd->lane)
    return FALSE;
  stripe_extent (self, vp, s, &y0, &y1, NULL);
  if (hd->y < y0 - 1 || hd->y > y1 + 1)
    return FALSE;

  hd->found = s;
  hd->id = s->id;
  hd->area = GRAPHENE_RECT_INIT (lane_right (self, hd->lane) - self->lane_width, y0,
                                 self->lane_width, y1 - y0);
  return TRUE;
}

static const Stripe *
stripe_at (DossierCodingStripes *self,
           double                x,
           double                y,
           graphene_rect_t      *area)
{
  HitData hd = { 0 };
  double from_edge = lane_right (self, 0) - x;

  /* The whole lane is the target, and the gap next to the text belongs to
   * lane 0: a thin bar is hard to hit. */
  if (from_edge < -EDGE_GAP || self->n_lanes == 0)
    return NULL;
  hd.lane = from_edge < 0 ? 0 : (guint) (from_edge / self->lane_width);
  if (hd.lane >= self->shown_lanes + (has_more (self) ? 1 : 0))
    return NULL;
  hd.x = x;
  hd.y = y;

  foreach_visible_stripe (self, hit_stripe, &hd);
  if (hd.found != NULL && area != NULL)
    *area = hd.area;
  return hd.found;
}

gboolean
dossier_coding_stripes_get_stripe_at (DossierCodingStripes *self,
                                      double                x,
                                      double                y,
                                      gint64               *id)
{
  const Stripe *s;

  g_return_val_if_fail (DOSSIER_IS_CODING_STRIPES (self), FALSE);

  s = stripe_at (self, x, y, NULL);
  if (s != NULL && id != NULL)
    *id = s->id;
  return s != NULL;
}

static gboolean
find_area (DossierCodingStripes *self,
           const Viewport       *vp,
           const Stripe         *s,
           gpointer              data)
{
  HitData *hd = data;
  double y0, y1;

  if (s->id != hd->id)
    return FALSE;

  stripe_extent (self, vp, s, &y0, &y1, NULL);
  y0 = MAX (y0, 0);
  y1 = MIN (y1, gtk_widget_get_height (GTK_WIDGET (self)));
  if (y1 <= y0)
    return TRUE;
  hd->found = s;
  hd->area = GRAPHENE_RECT_INIT (lane_right (self, slot_of (self, s)) - self->lane_width, y0,
                                 self->lane_width, y1 - y0);
  return TRUE;
}

gboolean
dossier_coding_stripes_get_stripe_area (DossierCodingStripes *self,
                                        gint64                id,
                                        graphene_rect_t      *area)
{
  HitData hd = { 0 };

  g_return_val_if_fail (DOSSIER_IS_CODING_STRIPES (self), FALSE);

  hd.id = id;
  foreach_visible_stripe (self, find_area, &hd);
  if (hd.found != NULL && area != NULL)
    *area = hd.area;
  return hd.found != NULL;
}

gboolean
dossier_coding_stripes_activate_at (DossierCodingStripes *self,
                                    double                x,
                                    double                y,
                                    guint                 button)
{
  const Stripe *s;

  g_return_val_if_fail (DOSSIER_IS_CODING_STRIPES (self), FALSE);

  s = stripe_at (self, x, y, NULL);
  if (s == NULL)
    return FALSE;

  if (button == GDK_BUTTON_SECONDARY)
    g_signal_emit (self, signals[HIGHLIGHT_MENU], 0, s->id, x, y);
  else if (button == GDK_BUTTON_PRIMARY)
    g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0, s->id);
  return TRUE;
}

static void
on_click_pressed (GtkGestureClick      *gesture,
                  int                   n_press,
                  double                x,
                  double                y,
                  DossierCodingStripes *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (dossier_coding_stripes_activate_at (self, x, y, button))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
set_hover (DossierCodingStripes *self,
           const Stripe         *s)
{
  gboolean hovering = s != NULL;
  gint64 id = s != NULL ? s->id : 0;

  if (hovering == self->hovering && id == self->hover_id)
    return;

  self->hovering = hovering;
  self->hover_id = id;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hovering ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           DossierCodingStripes     *self)
{
  set_hover (self, stripe_at (self, x, y, NULL));
}

static void
on_leave (GtkEventControllerMotion *controller,
          DossierCodingStripes     *self)
{
  set_hover (self, NULL);
}

typedef struct
{
  double   y;
  GString *markup;
  guint    n;
} MoreData;

static gboolean
describe_more (DossierCodingStripes *self,
               const Viewport       *vp,
               const Stripe         *s,
               gpointer              data)
{
  MoreData *md = data;
  g_autofree char *escaped = NULL;
  double y0, y1;

  if (s->lane < self->shown_lanes)
    return FALSE;
  stripe_extent (self, vp, s, &y0, &y1, NULL);
  if (md->y < y0 - 1 || md->y > y1 + 1)
    return FALSE;

  escaped = g_markup_escape_text (s->label != NULL && s->label[0] != '\0' ? s->label : _("Untagged"), -1);
  g_string_append_printf (md->markup, "\n• %s", escaped);
  md->n++;
  return FALSE;
}

char *
dossier_coding_stripes_describe_at (DossierCodingStripes *self,
                                    double                x,
                                    double                y)
{
  const Stripe *s;

  g_return_val_if_fail (DOSSIER_IS_CODING_STRIPES (self), NULL);

  s = stripe_at (self, x, y, NULL);
  if (s == NULL)
    return NULL;

  /* The "more" lane: every highlight it stands for at this height. */
  if (s->lane >= self->shown_lanes)
    {
      MoreData md = { y, g_string_new (NULL), 0 };
      g_autofree char *body = NULL;
      g_autofree char *heading = NULL;

      foreach_visible_stripe (self, describe_more, &md);
      body = g_string_free (md.markup, FALSE);
      /* Translators: the heading of the list of highlights that have no
       * lane of their own in the margin, at one height. */
      heading = g_strdup_printf (ngettext ("%u more highlight here",
                                           "%u more highlights here", md.n),
                                 md.n);
      return g_strdup_printf ("<b>%s</b>%s", heading, body);
    }

  if (s->tooltip != NULL && s->tooltip[0] != '\0')
    return g_strdup (s->tooltip);
  if (s->label != NULL && s->label[0] != '\0')
    return g_markup_escape_text (s->label, -1);
  return NULL;
}

static gboolean
dossier_coding_stripes_query_tooltip (GtkWidget  *widget,
                                      int         x,
                                      int         y,
                                      gboolean    keyboard_mode,
                                      GtkTooltip *tooltip)
{
  DossierCodingStripes *self = DOSSIER_CODING_STRIPES (widget);
  g_autofree char *markup = NULL;
  graphene_rect_t area;

  if (keyboard_mode)
    return FALSE;

  markup = dossier_coding_stripes_describe_at (self, x, y);
  if (markup == NULL || stripe_at (self, x, y, &area) == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);

  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int) area.origin.x, (int) area.origin.y,
                              (int) area.size.width, (int) area.size.height });
  return TRUE;
}

/* ---- Following the view ---------------------------------------------------- */

static void
queue_draw_swapped (DossierCodingStripes *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_vadjustment (DossierCodingStripes *self,
                 GtkAdjustment        *adjustment)
{
  if (self->vadjustment == adjustment)
    return;

  if (self->vadjustment != NULL)
    {
      g_clear_signal_handler (&self->value_changed_id, self->vadjustment);
      g_clear_signal_handler (&self->adj_changed_id, self->vadjustment);
      g_clear_object (&self->vadjustment);
    }

  if (adjustment != NULL)
    {
      self->vadjustment = g_object_ref (adjustment);
      /* Scrolling, and the text growing as its lines are laid out. */
      self->value_changed_id =
        g_signal_connect_swapped (adjustment, "value-changed",
                                  G_CALLBACK (queue_draw_swapped), self);
      self->adj_changed_id =
        g_signal_connect_swapped (adjustment, "changed",
                                  G_CALLBACK (queue_draw_swapped), self);
    }
}

static void
on_view_vadjustment (DossierCodingStripes *self)
{
  set_vadjustment (self, self->view != NULL
                         ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view))
                         : NULL);
}

/* ---- Public ---------------------------------------------------------------- */

GtkWidget *
dossier_coding_stripes_new (GtkTextView *view)
{
  DossierCodingStripes *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (DOSSIER_TYPE_CODING_STRIPES, NULL);
  g_set_weak_pointer (&self->view, view);
  g_signal_connect_object (view, "notify::vadjustment",
                           G_CALLBACK (on_view_vadjustment), self, G_CONNECT_SWAPPED);
  on_view_vadjustment (self);

  return GTK_WIDGET (self);
}

static int
compare_stripes (gconstpointer a,
                 gconstpointer b)
{
  const Stripe *sa = a;
  const Stripe *sb = b;

  if (sa->first_line != sb->first_line)
    return sa->first_line < sb->first_line ? -1 : 1;
  if (sa->lane != sb->lane)
    return sa->lane < sb->lane ? -1 : 1;
  return (sa->id > sb->id) - (sa->id < sb->id);
}

/* Copies @in into @s, its strings into self->strings. */
static void
fill_stripe (DossierCodingStripes *self,
             Stripe               *s,
             const DossierStripe  *in)
{
  const Inks *inks = inks_for (self, &in->color);

  s->id = in->id;
  s->start = MAX (in->start, 0);
  s->end = MAX (in->end, s->start);
  s->first_line = MAX (in->first_line, 0);
  s->last_line = MAX (in->last_line, s->first_line);
  s->lane = in->lane;
  s->color = in->color;
  s->ink = inks->bar;
  s->label_ink = inks->label;
  /* Labels repeat (tag names), and so do tooltips (the same tags, no
   * memo): store each once. */
  s->label = in->label != NULL ? g_string_chunk_insert_const (self->strings, in->label) : NULL;
  s->tooltip = in->tooltip != NULL ? g_string_chunk_insert_const (self->strings, in->tooltip) : NULL;
  s->layout = NULL;
}

/* The running maximum of last lines from stripe @from on. */
static void
update_reach (DossierCodingStripes *self,
              guint                 from)
{
  gint64 reach = from > 0 ? g_array_index (self->reach, gint64, from - 1) : G_MININT64;

  g_array_set_size (self->reach, self->stripes->len);
  for (guint i = from; i < self->stripes->len; i++)
    {
      reach = MAX (reach, g_array_index (self->stripes, Stripe, i).last_line);
      g_array_index (self->reach, gint64, i) = reach;
    }
}

static gboolean
set_n_lanes (DossierCodingStripes *self,
             guint                 n_lanes)
{
  int before;

  if (n_lanes == self->n_lanes)
    return FALSE;

  before = dossier_coding_stripes_get_lanes_width (self);
  self->n_lanes = n_lanes;
  update_lane_layout (self);
  if (dossier_coding_stripes_get_lanes_width (self) != before)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  return TRUE;
}

void
dossier_coding_stripes_set_stripes (DossierCodingStripes *self,
                                    const DossierStripe  *stripes,
                                    guint                 n_stripes)
{
  GStringChunk *old_strings;
  guint n_lanes = 0;
  gsize size = 0;

  g_return_if_fail (DOSSIER_IS_CODING_STRIPES (self));
  g_return_if_fail (n_stripes == 0 || stripes != NULL);

  for (guint i = 0; i < n_stripes; i++)
    size += (stripes[i].tooltip != NULL ? strlen (stripes[i].tooltip) + 1 : 0) + 16;

  /* The old strings stay alive until the labels are rebuilt: the label
   * table is keyed by its own copies, so only the stripes point here. */
  old_strings = self->strings;
  self->strings = g_string_chunk_new (MAX (size, 256));
  self->strings_unused = 0;

  g_array_set_size (self->stripes, n_stripes);
  for (guint i = 0; i < n_stripes; i++)
    {
      fill_stripe (self, &g_array_index (self->stripes, Stripe, i), &stripes[i]);
      n_lanes = MAX (n_lanes, stripes[i].lane + 1);
    }
  g_array_sort (self->stripes, compare_stripes);
  update_reach (self, 0);
  set_n_lanes (self, n_lanes);

  rebuild_labels (self, TRUE);
  if (old_strings != NULL)
    g_string_chunk_free (old_strings);

  if (self->hovering)
    set_hover (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Strings of stripes taken out pile up in the chunk: past this, the live
 * ones are copied to a new one. */
#define STRINGS_UNUSED_MAX (512 * 1024)

static void
compact_strings (DossierCodingStripes *self)
{
  GStringChunk *old = self->strings;

  self->strings = g_string_chunk_new (4096);
  self->strings_unused = 0;
  for (guint i = 0; i < self->stripes->len; i++)
    {
      Stripe *s = &g_array_index (self->stripes, Stripe, i);

      if (s->label != NULL)
        s->label = g_string_chunk_insert_const (self->strings, s->label);
      if (s->tooltip != NULL)
        s->tooltip = g_string_chunk_insert_const (self->strings, s->tooltip);
    }
  /* Layouts no stripe uses any more go too. */
  rebuild_labels (self, TRUE);
  g_string_chunk_free (old);
}

static gboolean
contains_id (const gint64 *ids,
             guint         n_ids,
             GHashTable   *set,
             gint64        id)
{
  if (set != NULL)
    return g_hash_table_contains (set, &id);
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

void
dossier_coding_stripes_update_stripes (DossierCodingStripes *self,
                                       const gint64         *removed_ids,
                                       guint                 n_removed,
                                       const DossierStripe  *added,
                                       guint                 n_added)
{
  g_autoptr(GHashTable) set = NULL;
  guint first_changed = G_MAXUINT;
  guint n_lanes = 0;
  guint kept = 0;
  gboolean hover_gone = FALSE;

  g_return_if_fail (DOSSIER_IS_CODING_STRIPES (self));
  g_return_if_fail (n_removed == 0 || removed_ids != NULL);
  g_return_if_fail (n_added == 0 || added != NULL);

  if (n_removed == 0 && n_added == 0)
    return;

  /* A handful is compared one by one; more, through a set. */
  if (n_removed > 16)
    {
      set = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < n_removed; i++)
        g_hash_table_add (set, (gpointer) &removed_ids[i]);
    }

  /* One pass keeps the others in their order. */
  for (guint i = 0; i < self->stripes->len; i++)
    {
      Stripe *s = &g_array_index (self->stripes, Stripe, i);

      if (n_removed > 0 && contains_id (removed_ids, n_removed, set, s->id))
        {
          first_changed = MIN (first_changed, i);
          if (s->tooltip != NULL)
            self->strings_unused += strlen (s->tooltip) + 1;
          hover_gone |= self->hovering && s->id == self->hover_id;
          continue;
        }
      if (kept != i)
        g_array_index (self->stripes, Stripe, kept) = *s;
      kept++;
    }
  g_array_set_size (self->stripes, kept);

  for (guint i = 0; i < n_added; i++)
    {
      Stripe s;
      guint lo = 0, hi = self->stripes->len;

      fill_stripe (self, &s, &added[i]);
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (compare_stripes (&g_array_index (self->stripes, Stripe, mid), &s) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      s.layout = label_for (self, s.label);
      g_array_insert_val (self->stripes, lo, s);
      first_changed = MIN (first_changed, lo);
    }

  if (first_changed != G_MAXUINT)
    update_reach (self, first_changed);
  for (guint i = 0; i < self->stripes->len; i++)
    n_lanes = MAX (n_lanes, g_array_index (self->stripes, Stripe, i).lane + 1);
  /* The labels' room depends on the lanes. */
  if (set_n_lanes (self, n_lanes))
    update_label_widths (self);

  if (self->strings_unused > STRINGS_UNUSED_MAX)
    compact_strings (self);

  if (hover_gone)
    set_hover (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

char *
dossier_coding_stripes_describe (DossierCodingStripes *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (DOSSIER_IS_CODING_STRIPES (self), NULL);

  g_string_append_printf (out, "lanes %u, shown %u, width %d\n", self->n_lanes, self->shown_lanes,
                          dossier_coding_stripes_get_lanes_width (self));
  for (guint i = 0; i < self->stripes->len; i++)
    {
      const Stripe *s = &g_array_index (self->stripes, Stripe, i);
      g_autofree char *color = gdk_rgba_to_string (&s->color);

      g_string_append_printf (out, "stripe %" G_GINT64_FORMAT " [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                              ") lines %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " lane %u %s "
                              "label “%s” (%s, width %d) tooltip “%s”\n",
                              s->id, s->start, s->end, s->first_line, s->last_line, s->lane, color,
                              s->label != NULL ? s->label : "",
                              s->layout != NULL ? pango_layout_get_text (s->layout->layout) : "no layout",
                              s->layout != NULL ? s->layout->width : -1,
                              s->tooltip != NULL ? s->tooltip : "");
    }
  /* The index the drawing relies on. */
  {
    gint64 reach = G_MININT64;

    for (guint i = 0; i < self->stripes->len; i++)
      {
        reach = MAX (reach, g_array_index (self->stripes, Stripe, i).last_line);
        if (i >= self->reach->len || g_array_index (self->reach, gint64, i) != reach)
          g_string_append_printf (out, "reach of stripe %u is wrong\n", i);
      }
  }
  return g_string_free (out, FALSE);
}

guint
dossier_coding_stripes_get_n_stripes (DossierCodingStripes *self)
{
  g_return_val_if_fail (DOSSIER_IS_CODING_STRIPES (self), 0);

  return self->stripes->len;
}

guint
dossier_coding_stripes_get_n_lanes (DossierCodingStripes *self)
{
  g_return_val_if_fail (DOSSIER_IS_CODING_STRIPES (self), 0);

  return self->n_lanes;
}

void
dossier_coding_stripes_set_reserved_width (DossierCodingStripes *self,
                                           int                   width)
{
  g_return_if_fail (DOSSIER_IS_CODING_STRIPES (self));

  width = MAX (width, 0);
  if (width == self->reserved_width)
    return;
  self->reserved_width = width;
  update_lane_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ---- GtkWidget ------------------------------------------------------------- */

static void
dossier_coding_stripes_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  DossierCodingStripes *self = DOSSIER_CODING_STRIPES (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MAX (self->reserved_width,
                               dossier_coding_stripes_get_lanes_width (self));
  else
    *minimum = *natural = 0;
}

static void
dossier_coding_stripes_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  update_label_widths (DOSSIER_CODING_STRIPES (widget));
}

static void
dossier_coding_stripes_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  DossierCodingStripes *self = DOSSIER_CODING_STRIPES (widget);

  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (dossier_coding_stripes_parent_class)->css_changed (widget, change);
  update_theme (self);

  /* A new font: make and measure the labels again. (Hover and other state
   * changes come here too: they keep the labels.) */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (font == NULL || (self->font != NULL && pango_font_description_equal (font, self->font)))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (font);
  rebuild_labels (self, FALSE);
  gtk_widget_queue_draw (widget);
}

static void
dossier_coding_stripes_dispose (GObject *object)
{
  DossierCodingStripes *self = DOSSIER_CODING_STRIPES (object);

  set_vadjustment (self, NULL);
  g_clear_weak_pointer (&self->view);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->inks, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_coding_stripes_parent_class)->dispose (object);
}

static void
dossier_coding_stripes_finalize (GObject *object)
{
  DossierCodingStripes *self = DOSSIER_CODING_STRIPES (object);

  g_clear_pointer (&self->stripes, g_array_unref);
  g_clear_pointer (&self->reach, g_array_unref);
  g_clear_pointer (&self->extents, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (dossier_coding_stripes_parent_class)->finalize (object);
}

static void
dossier_coding_stripes_class_init (DossierCodingStripesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_coding_stripes_dispose;
  object_class->finalize = dossier_coding_stripes_finalize;

  widget_class->measure = dossier_coding_stripes_measure;
  widget_class->size_allocate = dossier_coding_stripes_size_allocate;
  widget_class->snapshot = dossier_coding_stripes_snapshot;
  widget_class->query_tooltip = dossier_coding_stripes_query_tooltip;
  widget_class->css_changed = dossier_coding_stripes_css_changed;

  signals[HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  signals[HIGHLIGHT_MENU] =
    g_signal_new ("highlight-menu",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "codingstripes");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dossier_coding_stripes_init (DossierCodingStripes *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->stripes = g_array_new (FALSE, FALSE, sizeof (Stripe));
  self->reach = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->extents = g_array_new (FALSE, FALSE, sizeof (Extent));
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, label_free);
  self->inks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->page = (GdkRGBA) { 1, 1, 1, 1 };
  self->fg = (GdkRGBA) { 0.2, 0.2, 0.2, 1 };
  self->more_ink = (GdkRGBA) { 0.45, 0.45, 0.45, 1 };
  update_lane_layout (self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coding stripes"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("One coloured bar per highlight beside the lines it covers, "
                                    "labelled with its tags; overlapping highlights have bars side by side"),
                                  -1);
}
