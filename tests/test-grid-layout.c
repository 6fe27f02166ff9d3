/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-grid-layout.c — the power/interest grid's geometry: quadrants,
 * dots where their ratings put them, sized by evidence and hollow without
 * it, labels that never overlap each other or a dot and stay in the plot
 * (crowded, long and narrow), the same layout every time, hit testing and
 * the arrow keys' neighbours, and items taken from a project's
 * stakeholders.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <dossier/dossier.h>

#include "test-util.h"

static DossierGridItem
item (gint64 id,
      int    power,
      int    interest,
      guint  n_evidence,
      double label_width)
{
  return (DossierGridItem) {
    .id = id, .power = power, .interest = interest,
    .stance_position = DOSSIER_STANCE_UNKNOWN, .n_evidence = n_evidence,
    .backed = n_evidence > 0, .label_width = label_width, .label_height = 14,
  };
}

static gboolean
overlap (const DossierGridRect *a,
         const DossierGridRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* What a user must never see: two labels on each other, a label over a
 * dot, a label out of the plot, a leader line that does not join its
 * label to its dot. Returns how many labels are shown. */
static guint
assert_labels_clear (const DossierGridLayout *layout)
{
  guint shown = 0;

  for (guint i = 0; i < layout->n_places; i++)
    {
      const DossierGridPlace *p = &layout->places[i];
      const DossierGridRect *l = &p->label;

      if (!p->label_shown)
        continue;
      shown++;
      g_assert_cmpfloat (l->x, >=, layout->plot.x);
      g_assert_cmpfloat (l->y, >=, layout->plot.y);
      g_assert_cmpfloat (l->x + l->width, <=, layout->plot.x + layout->plot.width);
      g_assert_cmpfloat (l->y + l->height, <=, layout->plot.y + layout->plot.height);
      for (guint j = 0; j < layout->n_places; j++)
        {
          const DossierGridPlace *q = &layout->places[j];
          double nx = CLAMP (q->x, l->x, l->x + l->width);
          double ny = CLAMP (q->y, l->y, l->y + l->height);

          g_assert_cmpfloat (hypot (q->x - nx, q->y - ny), >=, q->radius);
          if (j != i && q->label_shown)
            g_assert_false (overlap (l, &q->label));
        }
      if (p->leader)
        {
          g_assert_cmpfloat_with_epsilon (hypot (p->leader_x1 - p->x, p->leader_y1 - p->y),
                                          p->radius, 1e-6);
          g_assert_cmpfloat (p->leader_x2, >=, l->x);
          g_assert_cmpfloat (p->leader_x2, <=, l->x + l->width);
          g_assert_cmpfloat (p->leader_y2, >=, l->y);
          g_assert_cmpfloat (p->leader_y2, <=, l->y + l->height);
        }
    }
  return shown;
}

static void
test_quadrants (void)
{
  g_assert_cmpint (dossier_grid_quadrant_for (5, 5), ==, DOSSIER_GRID_KEY_PLAYERS);
  g_assert_cmpint (dossier_grid_quadrant_for (4, 1), ==, DOSSIER_GRID_KEEP_SATISFIED);
  g_assert_cmpint (dossier_grid_quadrant_for (1, 4), ==, DOSSIER_GRID_KEEP_INFORMED);
  g_assert_cmpint (dossier_grid_quadrant_for (3, 3), ==, DOSSIER_GRID_MONITOR);
  g_assert_cmpint (dossier_grid_quadrant_for (3, 5), ==, DOSSIER_GRID_KEEP_INFORMED);
  g_assert_cmpstr (dossier_grid_quadrant_get_label (DOSSIER_GRID_KEY_PLAYERS), ==, "Key players");
  g_assert_cmpstr (dossier_grid_quadrant_get_label (DOSSIER_GRID_MONITOR), ==, "Monitor");

  /* Every stance has its own colour, and "not assessed" is none of them. */
  for (int a = DOSSIER_STANCE_UNKNOWN; a <= DOSSIER_STANCE_MAX; a++)
    {
      g_assert_cmpuint (strlen (dossier_grid_stance_color (a)), ==, 7);
      for (int b = a + 1; b <= DOSSIER_STANCE_MAX; b++)
        g_assert_cmpstr (dossier_grid_stance_color (a), !=, dossier_grid_stance_color (b));
    }
}

static void
test_dots (void)
{
  DossierGridItem items[] = {
    item (1, 5, 5, 0, 0),   /* key player, no evidence */
    item (2, 1, 1, 3, 0),   /* monitor */
    item (3, 5, 1, 10, 0),  /* keep satisfied, full evidence */
    item (4, 1, 5, 40, 0),  /* keep informed, more than full */
    item (5, 3, 3, 1, 0),
  };
  g_autoptr(DossierGridLayout) layout = NULL;
  const DossierGridPlace *p;
  DossierGridMetrics m = DOSSIER_GRID_METRICS_INIT;

  items[4].backed = FALSE;  /* evidence, but none for its ratings */
  layout = dossier_grid_layout_new (items, G_N_ELEMENTS (items), 400, 300, &m);
  p = layout->places;
  g_assert_cmpuint (layout->n_places, ==, 5);
  for (guint i = 0; i < layout->n_places; i++)
    {
      g_assert_cmpint (p[i].id, ==, items[i].id);
      g_assert_cmpfloat (p[i].x, >, layout->plot.x);
      g_assert_cmpfloat (p[i].x, <, layout->plot.x + layout->plot.width);
      g_assert_cmpfloat (p[i].y, >, layout->plot.y);
      g_assert_cmpfloat (p[i].y, <, layout->plot.y + layout->plot.height);
      /* No label was asked for. */
      g_assert_false (p[i].label_shown);
    }
  g_assert_cmpint (p[0].quadrant, ==, DOSSIER_GRID_KEY_PLAYERS);
  g_assert_cmpint (p[2].quadrant, ==, DOSSIER_GRID_KEEP_SATISFIED);
  g_assert_cmpint (p[3].quadrant, ==, DOSSIER_GRID_KEEP_INFORMED);
  g_assert_cmpint (p[1].quadrant, ==, DOSSIER_GRID_MONITOR);

  /* More power is higher up, more interest further right; a 3 is on the
   * dividing lines. */
  g_assert_cmpfloat (p[0].y, <, p[3].y);
  g_assert_cmpfloat (p[0].x, >, p[2].x);
  g_assert_cmpfloat_with_epsilon (p[4].x, layout->plot.x + layout->plot.width / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (p[4].y, layout->plot.y + layout->plot.height / 2, 1e-9);

  /* Bigger with more evidence, up to a limit. */
  g_assert_cmpfloat (p[0].radius, ==, m.dot_radius_min);
  g_assert_cmpfloat (p[1].radius, >, p[0].radius);
  g_assert_cmpfloat (p[2].radius, >, p[1].radius);
  g_assert_cmpfloat (p[2].radius, ==, m.dot_radius_max);
  g_assert_cmpfloat (p[3].radius, ==, m.dot_radius_max);

  /* Hollow when no evidence backs the ratings. */
  g_assert_true (p[0].hollow);
  g_assert_false (p[1].hollow);
  g_assert_true (p[4].hollow);

  /* The quadrants' titles are outside the plot, so no dot covers them. */
  for (int q = 0; q < DOSSIER_GRID_N_QUADRANTS; q++)
    g_assert_false (overlap (&layout->titles[q], &layout->plot));
}

/* Stakeholders with the same ratings share a cell without covering each
 * other while there is room. */
static void
test_shared_cell (void)
{
  DossierGridItem items[6];
  g_autoptr(DossierGridLayout) layout = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    items[i] = item (i + 1, 4, 2, i, 0);
  layout = dossier_grid_layout_new (items, G_N_ELEMENTS (items), 600, 600, NULL);
  for (guint i = 0; i < layout->n_places; i++)
    for (guint j = i + 1; j < layout->n_places; j++)
      {
        const DossierGridPlace *a = &layout->places[i];
        const DossierGridPlace *b = &layout->places[j];

        g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=, a->radius + b->radius);
      }
}

/* Forty stakeholders, many with the same ratings and long names, in the
 * narrowest sidebar: no label touches another or a dot. */
static void
test_labels_crowded (void)
{
  DossierGridItem items[40];
  g_autoptr(DossierGridLayout) layout = NULL;
  g_autoptr(DossierGridLayout) again = NULL;
  guint shown, with_leader = 0;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    items[i] = item (i + 1, 1 + (i * 7) % 3 + (i % 2) * 2, 1 + (i * 3) % 5, i % 7,
                     40 + (i * 37) % 120);
  layout = dossier_grid_layout_new (items, G_N_ELEMENTS (items), 360, 360, NULL);
  shown = assert_labels_clear (layout);
  for (guint i = 0; i < layout->n_places; i++)
    with_leader += layout->places[i].leader;
  g_test_message ("%u of %u labels shown, %u with a leader line", shown, layout->n_places,
                  with_leader);
  g_assert_cmpuint (shown, >=, 10);
  g_assert_cmpuint (with_leader, >, 0);

  /* The same items, the same picture. */
  again = dossier_grid_layout_new (items, G_N_ELEMENTS (items), 360, 360, NULL);
  g_assert_cmpmem (layout->places, layout->n_places * sizeof (DossierGridPlace),
                   again->places, again->n_places * sizeof (DossierGridPlace));
}

/* Five hundred stakeholders, twenty to a cell, as the panel's bench has
 * them, at a sidebar's size and at the command line's: labels still touch
 * nothing (the obstacles are looked up by where they are, and none may
 * be missed), and those with the most evidence are labelled first. */
static void
test_labels_many (void)
{
  const double sizes[][2] = { { 360, 414 }, { 300, 900 }, { 900, 700 }, { 1600, 1200 } };
  g_autofree DossierGridItem *items = g_new (DossierGridItem, 500);

  for (guint i = 0; i < 500; i++)
    items[i] = item (i + 1, 1 + i % 5, 1 + (i / 5) % 5, i % 13 == 0 ? 12 : i % 3,
                     60 + (i * 29) % 90);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(DossierGridLayout) layout = dossier_grid_layout_new (items, 500, sizes[s][0],
                                                                     sizes[s][1], NULL);
      guint shown = assert_labels_clear (layout);
      guint shown_full = 0, full = 0;

      for (guint i = 0; i < 500; i++)
        if (items[i].n_evidence == 12)
          {
            full++;
            shown_full += layout->places[i].label_shown;
          }
      g_test_message ("%.0f × %.0f: %u of 500 labels shown, %u of the %u with most evidence",
                      sizes[s][0], sizes[s][1], shown, shown_full, full);
      /* At a sidebar's 360 × 414 the dots fill the cells: no room for any
       * label is right there. */
      if (s == 0)
        continue;
      g_assert_cmpuint (shown, >=, 30);
      g_assert_cmpuint (2 * shown_full, >=, full);
    }
}

/* A few stakeholders get every label, beside its dot. */
static void
test_labels_few (void)
{
  DossierGridItem items[] = {
    item (1, 5, 5, 2, 90), item (2, 5, 4, 1, 120), item (3, 2, 2, 0, 60), item (4, 1, 5, 0, 70),
  };
  g_autoptr(DossierGridLayout) layout = NULL;

  layout = dossier_grid_layout_new (items, G_N_ELEMENTS (items), 600, 450, NULL);
  g_assert_cmpuint (assert_labels_clear (layout), ==, G_N_ELEMENTS (items));
  for (guint i = 0; i < layout->n_places; i++)
    g_assert_false (layout->places[i].leader);
}

/* A label wider than the plot is not drawn at all rather than drawn over
 * the edge; a plot of no size holds no label. */
static void
test_labels_no_room (void)
{
  DossierGridItem items[] = { item (1, 3, 3, 0, 500), item (2, 3, 4, 0, 30) };
  g_autoptr(DossierGridLayout) layout = NULL;
  g_autoptr(DossierGridLayout) tiny = NULL;

  layout = dossier_grid_layout_new (items, G_N_ELEMENTS (items), 300, 300, NULL);
  g_assert_false (layout->places[0].label_shown);
  g_assert_true (layout->places[1].label_shown);
  assert_labels_clear (layout);

  tiny = dossier_grid_layout_new (items, G_N_ELEMENTS (items), 10, 10, NULL);
  g_assert_cmpfloat (tiny->plot.width, ==, 0);
  g_assert_false (tiny->places[1].label_shown);

  /* No items: an empty grid. */
  dossier_grid_layout_free (dossier_grid_layout_new (NULL, 0, 300, 300, NULL));
}

static void
test_hit_and_neighbors (void)
{
  DossierGridItem items[] = {
    item (1, 2, 1, 0, 40),  /* 0: bottom left */
    item (2, 2, 5, 0, 40),  /* 1: bottom right */
    item (3, 5, 1, 0, 40),  /* 2: top left */
    item (4, 5, 5, 0, 40),  /* 3: top right */
    item (5, 5, 3, 0, 40),  /* 4: top middle */
  };
  g_autoptr(DossierGridLayout) layout = NULL;
  const DossierGridPlace *p;

  layout = dossier_grid_layout_new (items, G_N_ELEMENTS (items), 500, 500, NULL);
  p = layout->places;
  for (guint i = 0; i < layout->n_places; i++)
    {
      g_assert_cmpint (dossier_grid_layout_hit (layout, p[i].x, p[i].y), ==, i);
      g_assert_cmpint (dossier_grid_layout_hit (layout, p[i].x + p[i].radius, p[i].y), ==, i);
      g_assert_true (p[i].label_shown);
      g_assert_cmpint (dossier_grid_layout_hit (layout, p[i].label.x + 1, p[i].label.y + 1), ==, i);
    }
  /* The middle of an empty quadrant. */
  g_assert_cmpint (dossier_grid_layout_hit (layout, layout->plot.x + layout->plot.width * 0.25,
                                            layout->plot.y + layout->plot.height * 0.6), ==, -1);

  g_assert_cmpint (dossier_grid_layout_neighbor (layout, 0, 1, 0), ==, 1);
  g_assert_cmpint (dossier_grid_layout_neighbor (layout, 0, 0, -1), ==, 2);
  g_assert_cmpint (dossier_grid_layout_neighbor (layout, 2, 1, 0), ==, 4);
  g_assert_cmpint (dossier_grid_layout_neighbor (layout, 4, 1, 0), ==, 3);
  g_assert_cmpint (dossier_grid_layout_neighbor (layout, 3, 0, 1), ==, 1);
  g_assert_cmpint (dossier_grid_layout_neighbor (layout, 1, 1, 0), ==, -1);
  g_assert_cmpint (dossier_grid_layout_neighbor (layout, 0, -1, 0), ==, -1);
  /* Nothing selected yet: the first. */
  g_assert_cmpint (dossier_grid_layout_neighbor (layout, -1, 1, 0), ==, 0);
}

static void
test_from_project (TestProject   *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *desc = NULL;
  const char *text = "The port authority said it would not wait for the union.";
  gint64 doc = add_doc (f->project, "Port", text);
  gint64 id;
  DossierStakeholder *s;
  DossierGridItem it;

  id = dossier_project_add_stakeholder (f->project, "Port authority", NULL,
                                        DOSSIER_STAKEHOLDER_GOVERNMENT, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_project_set_stakeholder_ratings (f->project, id, 5, 2, &error));
  g_assert_true (dossier_project_set_stakeholder_stance_position (f->project, id, -1, &error));
  s = dossier_project_get_stakeholder (f->project, id);
  dossier_grid_item_init (&it, s);
  desc = dossier_grid_describe (s);
  g_assert_cmpstr (desc, ==, "Port authority: Keep satisfied (power 5, interest 2), Against, "
                   "0 pieces of evidence, ratings not backed by evidence");
  g_assert_cmpint (it.id, ==, id);
  g_assert_cmpint (it.power, ==, 5);
  g_assert_cmpint (it.interest, ==, 2);
  g_assert_cmpint (it.stance_position, ==, -1);
  g_assert_cmpuint (it.n_evidence, ==, 0);
  g_assert_false (it.backed);

  /* Evidence for one rating is not enough to fill the dot; for both, it is. */
  dossier_project_add_stakeholder_evidence_range (f->project, id, doc, 0, 18, NULL,
                                                  DOSSIER_EVIDENCE_POWER, DOSSIER_STANCE_UNKNOWN,
                                                  &error);
  g_assert_no_error (error);
  dossier_grid_item_init (&it, s);
  g_assert_cmpuint (it.n_evidence, ==, 1);
  g_assert_false (it.backed);
  g_clear_pointer (&desc, g_free);
  desc = dossier_grid_describe (s);
  g_assert_true (g_str_has_suffix (desc, "1 piece of evidence, interest not backed by evidence"));
  dossier_project_add_stakeholder_evidence_range (f->project, id, doc, 19, 56, NULL,
                                                  DOSSIER_EVIDENCE_INTEREST,
                                                  DOSSIER_STANCE_UNKNOWN, &error);
  g_assert_no_error (error);
  dossier_grid_item_init (&it, s);
  g_assert_cmpuint (it.n_evidence, ==, 2);
  g_assert_true (it.backed);
  g_clear_pointer (&desc, g_free);
  desc = dossier_grid_describe (s);
  g_assert_true (g_str_has_suffix (desc, "2 pieces of evidence, ratings backed by evidence"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/grid-layout/quadrants", test_quadrants);
  g_test_add_func ("/dossier/grid-layout/dots", test_dots);
  g_test_add_func ("/dossier/grid-layout/shared-cell", test_shared_cell);
  g_test_add_func ("/dossier/grid-layout/labels-crowded", test_labels_crowded);
  g_test_add_func ("/dossier/grid-layout/labels-few", test_labels_few);
  g_test_add_func ("/dossier/grid-layout/labels-many", test_labels_many);
  g_test_add_func ("/dossier/grid-layout/labels-no-room", test_labels_no_room);
  g_test_add_func ("/dossier/grid-layout/hit-and-neighbors", test_hit_and_neighbors);
  g_test_add ("/dossier/grid-layout/from-project", TestProject, NULL,
              test_project_set_up, test_from_project, test_project_tear_down);
  return g_test_run ();
}
