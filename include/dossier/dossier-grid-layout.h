/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-grid-layout.h — where the power/interest grid puts each
 * stakeholder: its dot (position from the ratings, size from the evidence,
 * hollow when no evidence backs the ratings, colour from the stance) and
 * its label, placed so that no two labels overlap and no label covers a
 * dot or a quadrant's title.
 *
 * No drawing here: the window's widget (GtkSnapshot) and the command
 * line's renderer (cairo) measure their text, ask for a layout and draw
 * it the same way. Lengths are in whatever unit the caller draws in
 * (pixels, points); y grows downwards. The placement is deterministic: the
 * same items in the same order give the same layout.
 */
#pragma once

#include <glib-object.h>

#include "dossier-stakeholder.h"

G_BEGIN_DECLS

/* The four quadrants, as the stakeholder-management literature names them. */
typedef enum
{
  DOSSIER_GRID_MONITOR,          /* low power, low interest */
  DOSSIER_GRID_KEEP_INFORMED,    /* low power, high interest */
  DOSSIER_GRID_KEEP_SATISFIED,   /* high power, low interest */
  DOSSIER_GRID_KEY_PLAYERS,      /* high power, high interest */
} DossierGridQuadrant;

#define DOSSIER_GRID_N_QUADRANTS 4

/* A rating above the middle (4 or 5) is high; a 3 is drawn on the
 * dividing line and counts as low. */
DossierGridQuadrant  dossier_grid_quadrant_for       (int                  power,
                                                      int                  interest);
/* Translated: "Key players", "Keep satisfied", "Keep informed", "Monitor". */
const char          *dossier_grid_quadrant_get_label (DossierGridQuadrant  quadrant);
/* The dot's colour for a stance (-2…2, or DOSSIER_STANCE_UNKNOWN):
 * "#rrggbb", red for against through purple for mixed to blue for, grey
 * when not assessed — readable on light and dark backgrounds. */
const char          *dossier_grid_stance_color       (int                  stance_position);

/* One stakeholder to place. */
typedef struct
{
  gint64    id;
  int       power;            /* 1–5 */
  int       interest;         /* 1–5 */
  int       stance_position;  /* -2…2 or DOSSIER_STANCE_UNKNOWN */
  guint     n_evidence;
  gboolean  backed;           /* evidence backs both its ratings */
  double    label_width;      /* its name, as the caller will draw it */
  double    label_height;
} DossierGridItem;

/* Fills @item from @stakeholder (label size 0: the caller measures). */
void  dossier_grid_item_init (DossierGridItem    *item,
                              DossierStakeholder *stakeholder);
/* One line for people (a tooltip, a screen reader, an SVG title): "Name:
 * key players (power 5, interest 4), strongly for, 3 pieces of evidence,
 * interest not backed by evidence". Translated. */
char *dossier_grid_describe  (DossierStakeholder *stakeholder);

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} DossierGridRect;

/* What the caller reserves around the plot and the sizes it draws with. */
typedef struct
{
  double margin_left;       /* room for the power axis' title */
  double margin_bottom;     /* room for the interest axis' title */
  double margin_top;
  double margin_right;
  double title_width[DOSSIER_GRID_N_QUADRANTS];   /* quadrant titles, measured */
  double title_height[DOSSIER_GRID_N_QUADRANTS];
  double dot_radius_min;    /* a stakeholder with no evidence */
  double dot_radius_max;    /* one with ten pieces of evidence or more */
  double gap;               /* between a dot and its label, and around labels */
} DossierGridMetrics;

#define DOSSIER_GRID_METRICS_INIT \
  { 24, 24, 8, 8, { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, 4, 11, 3 }

typedef struct
{
  gint64               id;
  DossierGridQuadrant  quadrant;
  double               x;             /* the dot's centre */
  double               y;
  double               radius;
  gboolean             hollow;
  gboolean             label_shown;   /* FALSE when there is no room for it */
  DossierGridRect      label;
  /* A line from the dot's edge to the label when the label had to be put
   * away from its dot. */
  gboolean             leader;
  double               leader_x1;
  double               leader_y1;
  double               leader_x2;
  double               leader_y2;
} DossierGridPlace;

typedef struct
{
  double            width;
  double            height;
  DossierGridRect   plot;                                /* the four quadrants */
  DossierGridRect   titles[DOSSIER_GRID_N_QUADRANTS];    /* each in its quadrant's outer corner */
  DossierGridPlace *places;                              /* in the items' order */
  guint             n_places;
} DossierGridLayout;

/* Lays @n_items items out in a @width × @height area. Labels are placed
 * most evidence first: beside the dot where there is room, else further
 * away with a leader line, else not at all (label_shown FALSE). */
DossierGridLayout *dossier_grid_layout_new      (const DossierGridItem    *items,
                                                 guint                     n_items,
                                                 double                    width,
                                                 double                    height,
                                                 const DossierGridMetrics *metrics);
void               dossier_grid_layout_free     (DossierGridLayout        *layout);
/* The place whose dot (or, failing that, label) is at (@x, @y), dots
 * nearest first; -1 if none. */
int                dossier_grid_layout_hit      (const DossierGridLayout  *layout,
                                                 double                    x,
                                                 double                    y);
/* For keyboard navigation: the place nearest to @from in the direction
 * (@dx, @dy) (each -1, 0 or 1); -1 when there is none that way. */
int                dossier_grid_layout_neighbor (const DossierGridLayout  *layout,
                                                 int                       from,
                                                 int                       dx,
                                                 int                       dy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierGridLayout, dossier_grid_layout_free)

G_END_DECLS
