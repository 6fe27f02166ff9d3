/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-grid-render.h — the power/interest grid as a picture: SVG
 * (text stays text, each stakeholder a group with its name as a title) or
 * PNG, drawn from the same layout as the window's grid
 * (dossier-grid-layout.h), with a legend, for briefings and slides.
 */
#pragma once

#include <gio/gio.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_GRID_RENDER_SVG,
  DOSSIER_GRID_RENDER_PNG,
} DossierGridRenderFormat;

/* Sizes in pixels (SVG user units). */
#define DOSSIER_GRID_RENDER_MIN_SIZE      240
#define DOSSIER_GRID_RENDER_MAX_SIZE      8000
#define DOSSIER_GRID_RENDER_DEFAULT_WIDTH  900
#define DOSSIER_GRID_RENDER_DEFAULT_HEIGHT 700

/* "svg", "png" (any case). */
gboolean dossier_grid_render_format_from_string (const char               *str,
                                                 DossierGridRenderFormat  *format);
/* From a file name's extension: ".svg", ".png" (any case). */
gboolean dossier_grid_render_format_from_path   (const char               *path,
                                                 DossierGridRenderFormat  *format);

/* Draws @stakeholders (a GListModel of DossierStakeholder) under @title
 * (may be NULL) into @stream. */
gboolean dossier_grid_render_to_stream (GListModel               *stakeholders,
                                        const char               *title,
                                        DossierGridRenderFormat   format,
                                        int                       width,
                                        int                       height,
                                        GOutputStream            *stream,
                                        GCancellable             *cancellable,
                                        GError                  **error);
/* The same into @path, as dossier_export_write_to_path () writes files: a failure
 * leaves no half-written picture. */
gboolean dossier_grid_render_to_file   (GListModel               *stakeholders,
                                        const char               *title,
                                        DossierGridRenderFormat   format,
                                        int                       width,
                                        int                       height,
                                        const char               *path,
                                        GCancellable             *cancellable,
                                        GError                  **error);

G_END_DECLS
