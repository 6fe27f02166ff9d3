/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-grid-layout.c — the power/interest grid's geometry, shared by
 * the window's widget and the command line's PNG and SVG renderer so that
 * both draw the same picture (see dossier-grid-layout.h).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-grid-layout.h>
#include <dossier/dossier-project-stakeholders.h>
#include <dossier/dossier-text.h>

#define N_RATINGS (DOSSIER_RATING_MAX - DOSSIER_RATING_MIN + 1)
/* A dot is as big as it gets at this much evidence. */
#define FULL_EVIDENCE 10.0
/* How far out, in label heights, a label may go from its dot. */
#define N_RINGS 5
#define N_ANGLES 16

DossierGridQuadrant
dossier_grid_quadrant_for (int power,
                           int interest)
{
  gboolean high_power = power > 3;
  gboolean high_interest = interest > 3;

  if (high_power)
    return high_interest ? DOSSIER_GRID_KEY_PLAYERS : DOSSIER_GRID_KEEP_SATISFIED;
  return high_interest ? DOSSIER_GRID_KEEP_INFORMED : DOSSIER_GRID_MONITOR;
}

const char *
dossier_grid_quadrant_get_label (DossierGridQuadrant quadrant)
{
  switch (quadrant)
    {
    case DOSSIER_GRID_MONITOR: return _("Monitor");
    case DOSSIER_GRID_KEEP_INFORMED: return _("Keep informed");
    case DOSSIER_GRID_KEEP_SATISFIED: return _("Keep satisfied");
    case DOSSIER_GRID_KEY_PLAYERS: return _("Key players");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
dossier_grid_stance_color (int stance_position)
{
  /* GNOME's palette, a diverging scale whose ends stay distinct for the
   * common colour-vision deficiencies (red–blue, not red–green); mixed is
   * the purple between them. */
  switch (stance_position)
    {
    case -2: return "#c01c28";
    case -1: return "#f66151";
    case 0: return "#9141ac";
    case 1: return "#62a0ea";
    case 2: return "#1c71d8";
    default: return "#9a9996";
    }
}

void
dossier_grid_item_init (DossierGridItem    *item,
                        DossierStakeholder *stakeholder)
{
  g_return_if_fail (item != NULL);
  g_return_if_fail (DOSSIER_IS_STAKEHOLDER (stakeholder));

  *item = (DossierGridItem) {
    .id = dossier_stakeholder_get_id (stakeholder),
    .power = dossier_stakeholder_get_power (stakeholder),
    .interest = dossier_stakeholder_get_interest (stakeholder),
    .stance_position = dossier_stakeholder_get_stance_position (stakeholder),
    .n_evidence = dossier_stakeholder_get_n_evidence (stakeholder),
    .backed = dossier_stakeholder_get_power_backed (stakeholder) &&
              dossier_stakeholder_get_interest_backed (stakeholder),
  };
}

char *
dossier_grid_describe (DossierStakeholder *stakeholder)
{
  int power, interest;
  guint n_evidence;
  gboolean power_backed, interest_backed;
  g_autofree char *evidence = NULL;
  g_autofree char *name = NULL;
  const char *backing;

  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (stakeholder), NULL);

  power = dossier_stakeholder_get_power (stakeholder);
  interest = dossier_stakeholder_get_interest (stakeholder);
  n_evidence = dossier_stakeholder_get_n_evidence (stakeholder);
  power_backed = dossier_stakeholder_get_power_backed (stakeholder);
  interest_backed = dossier_stakeholder_get_interest_backed (stakeholder);

  evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u piece of evidence",
                                           "%u pieces of evidence", n_evidence),
                              n_evidence);
  if (power_backed && interest_backed)
    backing = _("ratings backed by evidence");
  else if (power_backed)
    backing = _("interest not backed by evidence");
  else if (interest_backed)
    backing = _("power not backed by evidence");
  else
    backing = _("ratings not backed by evidence");

  /* TRANSLATORS: a stakeholder on the power/interest grid: name, quadrant,
   * power and interest (1–5), stance, "3 pieces of evidence", whether
   * evidence backs the ratings. */
  name = dossier_text_shorten (dossier_stakeholder_get_name (stakeholder), DOSSIER_STAKEHOLDER_MAX_NAME);
  return g_strdup_printf (_("%s: %s (power %d, interest %d), %s, %s, %s"),
                          name,
                          dossier_grid_quadrant_get_label (dossier_grid_quadrant_for (power, interest)),
                          power, interest,
                          dossier_stance_get_label (dossier_stakeholder_get_stance_position (stakeholder)),
                          evidence, backing);
}

/* ---- Geometry ------------------------------------------------------------- */

static gboolean
rects_overlap (const DossierGridRect *a,
               const DossierGridRect *b,
               double                 gap)
{
  return a->x < b->x + b->width + gap && b->x < a->x + a->width + gap &&
         a->y < b->y + b->height + gap && b->y < a->y + a->height + gap;
}

static gboolean
rect_inside (const DossierGridRect *inner,
             const DossierGridRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static double
rect_distance_to (const DossierGridRect *r,
                  double                 x,
                  double                 y,
                  double                *nearest_x,
                  double                *nearest_y)
{
  double nx = CLAMP (x, r->x, r->x + r->width);
  double ny = CLAMP (y, r->y, r->y + r->height);

  if (nearest_x != NULL)
    *nearest_x = nx;
  if (nearest_y != NULL)
    *nearest_y = ny;
  return hypot (x - nx, y - ny);
}

static double
dot_radius (const DossierGridMetrics *m,
            guint                     n_evidence)
{
  double fraction = sqrt (MIN (n_evidence, FULL_EVIDENCE) / FULL_EVIDENCE);

  return m->dot_radius_min + (m->dot_radius_max - m->dot_radius_min) * fraction;
}

/* Spreads the dots that share a cell (the same two ratings) in a small
 * block around its centre, in the items' order, squeezed to fit. */
static void
place_dots (DossierGridLayout        *layout,
            const DossierGridItem    *items,
            const DossierGridMetrics *m)
{
  const DossierGridRect *plot = &layout->plot;
  double cell_w = plot->width / N_RATINGS;
  double cell_h = plot->height / N_RATINGS;
  g_autofree guint *cell_count = g_new0 (guint, N_RATINGS * N_RATINGS);
  g_autofree guint *cell_seen = g_new0 (guint, N_RATINGS * N_RATINGS);
  g_autofree double *cell_radius = g_new0 (double, N_RATINGS * N_RATINGS);

  for (guint i = 0; i < layout->n_places; i++)
    {
      DossierGridPlace *p = &layout->places[i];
      int power = CLAMP (items[i].power, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX);
      int interest = CLAMP (items[i].interest, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX);
      guint cell = (power - 1) * N_RATINGS + (interest - 1);

      p->id = items[i].id;
      p->quadrant = dossier_grid_quadrant_for (power, interest);
      p->radius = dot_radius (m, items[i].n_evidence);
      p->hollow = !items[i].backed;
      cell_count[cell]++;
      cell_radius[cell] = MAX (cell_radius[cell], p->radius);
    }

  for (guint i = 0; i < layout->n_places; i++)
    {
      DossierGridPlace *p = &layout->places[i];
      int power = CLAMP (items[i].power, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX);
      int interest = CLAMP (items[i].interest, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX);
      guint cell = (power - 1) * N_RATINGS + (interest - 1);
      guint n = cell_count[cell];
      guint k = cell_seen[cell]++;
      guint cols = (guint) ceil (sqrt (n));
      guint rows = (n + cols - 1) / cols;
      guint row = k / cols;
      guint in_row = row + 1 < rows ? cols : n - row * cols;
      double step = 2 * cell_radius[cell] + m->gap;
      double step_x = cols > 1 ? MIN (step, cell_w * 0.9 / cols) : 0;
      double step_y = rows > 1 ? MIN (step, cell_h * 0.9 / rows) : 0;
      double cx = plot->x + (interest - DOSSIER_RATING_MIN + 0.5) * cell_w;
      double cy = plot->y + (DOSSIER_RATING_MAX - power + 0.5) * cell_h;

      p->x = cx + ((double) (k % cols) - (in_row - 1) / 2.0) * step_x;
      p->y = cy + ((double) row - (rows - 1) / 2.0) * step_y;
    }
}

/* The quadrants' titles sit outside the plot, above the high-power
 * quadrants and below the low ones, on their quadrant's side: dots can
 * never cover them. */
static void
place_titles (DossierGridLayout        *layout,
              const DossierGridMetrics *m)
{
  const DossierGridRect *plot = &layout->plot;

  for (int q = 0; q < DOSSIER_GRID_N_QUADRANTS; q++)
    {
      DossierGridRect *t = &layout->titles[q];
      gboolean high_power = q == DOSSIER_GRID_KEEP_SATISFIED || q == DOSSIER_GRID_KEY_PLAYERS;
      gboolean high_interest = q == DOSSIER_GRID_KEEP_INFORMED || q == DOSSIER_GRID_KEY_PLAYERS;

      t->width = m->title_width[q];
      t->height = m->title_height[q];
      t->x = high_interest ? plot->x + plot->width - t->width : plot->x;
      t->y = high_power ? plot->y - m->gap - t->height : plot->y + plot->height + m->gap;
    }
}

/* ---- What a label must keep clear of ---------------------------------------------- */

/* The plot cut into square buckets. Each dot and each label placed so far
 * is listed in every bucket its reach touches (the area within which it
 * would be in a new label's way), so a candidate label is tested only
 * against what its own buckets hold, not against every dot and label:
 * with 500 stakeholders that made placing the labels quadratic. The
 * answers are those of the tests against everything, so the picture is
 * the same. */
#define MAX_BUCKETS_PER_SIDE 64

typedef struct
{
  guint what;   /* a place's index × 2, + 1 for its label, + 0 for its dot */
  guint next;   /* the bucket's next entry; G_MAXUINT: none */
} BucketEntry;

typedef struct
{
  const DossierGridLayout *layout;
  double                   gap;
  double                   size;      /* of a bucket's side */
  int                      cols;
  int                      rows;
  guint                   *heads;     /* cols × rows entries; G_MAXUINT: empty */
  GArray                  *entries;   /* BucketEntry */
  guint                   *seen;      /* per what: the query that last tested it */
  guint                    query;
  double                   cos_angle[N_ANGLES];   /* of the directions labels go away in */
  double                   sin_angle[N_ANGLES];
} Obstacles;

/* The column (or row) of the bucket holding @offset from the plot's
 * edge, clamped to the plot; not-a-number goes to the first. */
static int
bucket_of (const Obstacles *o,
           double           offset,
           int              n)
{
  double b = floor (offset / o->size);

  if (!(b >= 0))
    return 0;
  return b >= n ? n - 1 : (int) b;
}

static void
obstacles_init (Obstacles                *o,
                const DossierGridLayout  *layout,
                const DossierGridItem    *items,
                const DossierGridMetrics *m)
{
  const DossierGridRect *plot = &layout->plot;
  double tallest = 0;

  *o = (Obstacles) { layout, m->gap, 1, 1, 1 };
  for (guint i = 0; i < layout->n_places; i++)
    tallest = MAX (tallest, items[i].label_height);
  /* About two labels high; no more buckets a side than the limit. */
  o->size = MAX (2 * tallest, MAX (plot->width, plot->height) / MAX_BUCKETS_PER_SIDE);
  if (isfinite (o->size) && o->size > 0 && isfinite (plot->width) && isfinite (plot->height))
    {
      o->cols = CLAMP ((int) ceil (plot->width / o->size), 1, MAX_BUCKETS_PER_SIDE);
      o->rows = CLAMP ((int) ceil (plot->height / o->size), 1, MAX_BUCKETS_PER_SIDE);
    }
  else
    o->size = 1;
  o->heads = g_new (guint, o->cols * o->rows);
  memset (o->heads, 0xff, sizeof (guint) * o->cols * o->rows);
  o->entries = g_array_sized_new (FALSE, FALSE, sizeof (BucketEntry), 4 * layout->n_places);
  o->seen = g_new0 (guint, 2 * (gsize) layout->n_places);
  for (int a = 0; a < N_ANGLES; a++)
    {
      double angle = 2 * G_PI * a / N_ANGLES;

      o->cos_angle[a] = cos (angle);
      o->sin_angle[a] = sin (angle);
    }
}

static void
obstacles_clear (Obstacles *o)
{
  g_free (o->heads);
  g_array_unref (o->entries);
  g_free (o->seen);
}

/* Lists @what in every bucket that the box from (@x1, @y1) to (@x2, @y2)
 * touches, edges included. */
static void
obstacles_add (Obstacles *o,
               guint      what,
               double     x1,
               double     y1,
               double     x2,
               double     y2)
{
  const DossierGridRect *plot = &o->layout->plot;
  int c1 = bucket_of (o, x1 - plot->x, o->cols), c2 = bucket_of (o, x2 - plot->x, o->cols);
  int r1 = bucket_of (o, y1 - plot->y, o->rows), r2 = bucket_of (o, y2 - plot->y, o->rows);

  for (int r = r1; r <= r2; r++)
    for (int c = c1; c <= c2; c++)
      {
        guint *head = &o->heads[r * o->cols + c];
        BucketEntry entry = { what, *head };

        *head = o->entries->len;
        g_array_append_val (o->entries, entry);
      }
}

/* A dot is in the way of any label nearer to its centre than its radius
 * and half a gap (see label_fits). */
static void
obstacles_add_dot (Obstacles *o,
                   guint      index)
{
  const DossierGridPlace *p = &o->layout->places[index];
  double reach = p->radius + o->gap / 2;

  obstacles_add (o, 2 * index, p->x - reach, p->y - reach, p->x + reach, p->y + reach);
}

/* A placed label is in the way of any label less than a gap from it. */
static void
obstacles_add_label (Obstacles *o,
                     guint      index)
{
  const DossierGridRect *l = &o->layout->places[index].label;

  obstacles_add (o, 2 * index + 1, l->x - o->gap, l->y - o->gap, l->x + l->width + o->gap,
                 l->y + l->height + o->gap);
}

static gboolean
label_fits (Obstacles             *o,
            const DossierGridRect *label)
{
  const DossierGridLayout *layout = o->layout;
  const DossierGridRect *plot = &layout->plot;
  int c1, c2, r1, r2;

  if (!rect_inside (label, plot))
    return FALSE;

  /* Each dot or label is tested once however many buckets it shares
   * with this one. */
  if (++o->query == 0)
    {
      memset (o->seen, 0, sizeof (guint) * 2 * layout->n_places);
      o->query = 1;
    }
  c1 = bucket_of (o, label->x - plot->x, o->cols);
  c2 = bucket_of (o, label->x + label->width - plot->x, o->cols);
  r1 = bucket_of (o, label->y - plot->y, o->rows);
  r2 = bucket_of (o, label->y + label->height - plot->y, o->rows);
  for (int r = r1; r <= r2; r++)
    for (int c = c1; c <= c2; c++)
      for (guint e = o->heads[r * o->cols + c]; e != G_MAXUINT;
           e = g_array_index (o->entries, BucketEntry, e).next)
        {
          guint what = g_array_index (o->entries, BucketEntry, e).what;
          const DossierGridPlace *p = &layout->places[what / 2];

          if (o->seen[what] == o->query)
            continue;
          o->seen[what] = o->query;
          if (what % 2 == 1 ? rects_overlap (label, &p->label, o->gap)
                            : rect_distance_to (label, p->x, p->y, NULL, NULL) < p->radius + o->gap / 2)
            return FALSE;
        }
  return TRUE;
}

/* Beside the dot: right, left, above, below, then the diagonals. */
static gboolean
place_label_beside (Obstacles        *o,
                    DossierGridPlace *p,
                    double            w,
                    double            h)
{
  double r = p->radius + o->gap;
  double d = p->radius * M_SQRT1_2 + o->gap;
  const double candidates[][2] = {
    { p->x + r, p->y - h / 2 },
    { p->x - r - w, p->y - h / 2 },
    { p->x - w / 2, p->y - r - h },
    { p->x - w / 2, p->y + r },
    { p->x + d, p->y - d - h },
    { p->x + d, p->y + d },
    { p->x - d - w, p->y - d - h },
    { p->x - d - w, p->y + d },
  };

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      DossierGridRect label = { candidates[c][0], candidates[c][1], w, h };

      if (label_fits (o, &label))
        {
          p->label = label;
          return TRUE;
        }
    }
  return FALSE;
}

/* Further out on rings around the dot, joined to it by a leader line. */
static gboolean
place_label_away (Obstacles        *o,
                  DossierGridPlace *p,
                  double            w,
                  double            h)
{
  for (int ring = 1; ring <= N_RINGS; ring++)
    {
      double d = p->radius + o->gap + ring * (h + o->gap);

      for (int a = 0; a < N_ANGLES; a++)
        {
          double cos_a = o->cos_angle[a];
          double sin_a = o->sin_angle[a];
          double ax = p->x + d * cos_a;
          double ay = p->y + d * sin_a;
          DossierGridRect label = { 0, 0, w, h };
          double nx, ny, len;

          /* The corner or side nearest the dot touches the ring. */
          label.x = cos_a > 0.3 ? ax : cos_a < -0.3 ? ax - w : ax - w / 2;
          label.y = sin_a > 0.3 ? ay : sin_a < -0.3 ? ay - h : ay - h / 2;
          if (!label_fits (o, &label))
            continue;

          p->label = label;
          p->leader = TRUE;
          len = rect_distance_to (&label, p->x, p->y, &nx, &ny);
          p->leader_x1 = p->x + (nx - p->x) * p->radius / len;
          p->leader_y1 = p->y + (ny - p->y) * p->radius / len;
          p->leader_x2 = nx;
          p->leader_y2 = ny;
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  guint index;
  guint n_evidence;
} Priority;

static int
compare_priority (gconstpointer a,
                  gconstpointer b)
{
  const Priority *pa = a;
  const Priority *pb = b;

  if (pa->n_evidence != pb->n_evidence)
    return pa->n_evidence > pb->n_evidence ? -1 : 1;
  return pa->index < pb->index ? -1 : pa->index > pb->index;
}

static void
place_labels (DossierGridLayout        *layout,
              const DossierGridItem    *items,
              const DossierGridMetrics *m)
{
  g_autofree Priority *order = NULL;
  Obstacles o;

  if (layout->n_places == 0)
    return;

  obstacles_init (&o, layout, items, m);
  for (guint i = 0; i < layout->n_places; i++)
    obstacles_add_dot (&o, i);
  order = g_new (Priority, layout->n_places);

  /* Those with the most evidence get the best places. */
  for (guint i = 0; i < layout->n_places; i++)
    order[i] = (Priority) { i, items[i].n_evidence };
  qsort (order, layout->n_places, sizeof *order, compare_priority);

  for (guint k = 0; k < layout->n_places; k++)
    {
      guint i = order[k].index;
      DossierGridPlace *p = &layout->places[i];
      double w = items[i].label_width;
      double h = items[i].label_height;

      if (w <= 0 || h <= 0)
        continue;
      if (place_label_beside (&o, p, w, h) || place_label_away (&o, p, w, h))
        {
          p->label_shown = TRUE;
          obstacles_add_label (&o, i);
        }
    }
  obstacles_clear (&o);
}

DossierGridLayout *
dossier_grid_layout_new (const DossierGridItem    *items,
                         guint                     n_items,
                         double                    width,
                         double                    height,
                         const DossierGridMetrics *metrics)
{
  static const DossierGridMetrics defaults = DOSSIER_GRID_METRICS_INIT;
  const DossierGridMetrics *m = metrics != NULL ? metrics : &defaults;
  DossierGridLayout *layout;
  double title_top, title_bottom;

  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  layout = g_new0 (DossierGridLayout, 1);
  layout->width = MAX (width, 0);
  layout->height = MAX (height, 0);
  layout->places = g_new0 (DossierGridPlace, n_items);
  layout->n_places = n_items;

  title_top = MAX (m->title_height[DOSSIER_GRID_KEY_PLAYERS],
                   m->title_height[DOSSIER_GRID_KEEP_SATISFIED]);
  title_bottom = MAX (m->title_height[DOSSIER_GRID_MONITOR],
                      m->title_height[DOSSIER_GRID_KEEP_INFORMED]);
  if (title_top > 0)
    title_top += m->gap;
  if (title_bottom > 0)
    title_bottom += m->gap;
  layout->plot.x = m->margin_left;
  layout->plot.y = m->margin_top + title_top;
  layout->plot.width = MAX (layout->width - m->margin_left - m->margin_right, 0);
  layout->plot.height = MAX (layout->height - layout->plot.y - title_bottom - m->margin_bottom, 0);

  place_titles (layout, m);
  place_dots (layout, items, m);
  place_labels (layout, items, m);
  return layout;
}

void
dossier_grid_layout_free (DossierGridLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->places);
  g_free (layout);
}

int
dossier_grid_layout_hit (const DossierGridLayout *layout,
                         double                   x,
                         double                   y)
{
  /* A little slack around small dots, for fingers and shaky hands. */
  const double slack = 3;
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_places; i++)
    {
      const DossierGridPlace *p = &layout->places[i];
      double d = hypot (x - p->x, y - p->y);

      if (d <= p->radius + slack && d < best_distance)
        {
          best = i;
          best_distance = d;
        }
    }
  if (best >= 0)
    return best;

  for (guint i = 0; i < layout->n_places; i++)
    {
      const DossierGridPlace *p = &layout->places[i];

      if (p->label_shown && rect_distance_to (&p->label, x, y, NULL, NULL) == 0)
        return i;
    }
  return -1;
}

int
dossier_grid_layout_neighbor (const DossierGridLayout *layout,
                              int                      from,
                              int                      dx,
                              int                      dy)
{
  const DossierGridPlace *f;
  double norm = hypot (dx, dy);
  int best = -1;
  double best_score = G_MAXDOUBLE;

  g_return_val_if_fail (layout != NULL, -1);

  if (layout->n_places == 0)
    return -1;
  if (from < 0 || (guint) from >= layout->n_places || norm == 0)
    return 0;

  f = &layout->places[from];
  for (guint i = 0; i < layout->n_places; i++)
    {
      const DossierGridPlace *p = &layout->places[i];
      double vx = p->x - f->x;
      double vy = p->y - f->y;
      double ahead = (vx * dx + vy * dy) / norm;
      double aside = fabs (vx * dy - vy * dx) / norm;
      double score;

      if ((int) i == from)
        continue;
      /* Dots on the same spot are taken in the items' order. */
      if (vx == 0 && vy == 0)
        ahead = ((int) i > from) == (dx + dy > 0) ? 0.5 : -1;
      /* Within 60° either side of the direction. */
      if (ahead <= 0 || aside > ahead * 1.75)
        continue;
      score = ahead + 2 * aside;
      if (score < best_score)
        {
          best = i;
          best_score = score;
        }
    }
  return best;
}
