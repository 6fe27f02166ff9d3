/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-render-matrix.h — a comparison's matrix as a picture (PNG or
 * SVG): documents as columns, rows indented as their tree, each cell's
 * value on a shade of its density, totals last.
 */
#pragma once

#include <cairo.h>
#include <dossier/dossier-compare.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_RENDER_PNG,
  DOSSIER_RENDER_SVG,
} DossierRenderFormat;

/* "png", "svg". */
gboolean dossier_render_format_from_string (const char          *str,
                                            DossierRenderFormat *format);

/* The size the matrix takes, in points (pixels for PNG). */
void     dossier_render_matrix_size  (DossierComparison   *comparison,
                                      double              *width,
                                      double              *height);
/* Draws it at (0, 0) on @cr, on a white page. */
void     dossier_render_matrix       (DossierComparison   *comparison,
                                      cairo_t             *cr);
/* The picture's bytes: a PNG (at twice the size, for sharp text on a
 * screen or a printed page) or an SVG. */
GBytes  *dossier_render_matrix_bytes (DossierComparison   *comparison,
                                      DossierRenderFormat  format,
                                      GError             **error);

G_END_DECLS
