/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-contrast.h — WCAG 2 contrast of colours, and colours made to
 * reach it.
 *
 * The reading view and its margin paint in the tags' own colours, which
 * the user picks; what is drawn with them (highlight edges, stripe bars)
 * is brought to the contrast WCAG asks of graphics (3:1) against the page
 * it is drawn on, in light and dark styles alike.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_CONTRAST_TEXT     4.5  /* WCAG 2 AA, normal text */
#define DOSSIER_CONTRAST_GRAPHICS 3.0  /* WCAG 2 AA, non-text (1.4.11) */

/* Relative luminance of @color's RGB (alpha ignored), 0–1. */
double  dossier_contrast_luminance (const GdkRGBA *color);
/* (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1–21. */
double  dossier_contrast_ratio     (const GdkRGBA *a,
                                    const GdkRGBA *b);
/* @over (with its alpha) painted on opaque @under. */
GdkRGBA dossier_contrast_composite (const GdkRGBA *over,
                                    const GdkRGBA *under);
/* @color, opaque, darkened (on a light @page) or lightened (on a dark one)
 * just enough to reach @ratio against @page; unchanged if it does. */
GdkRGBA dossier_contrast_adjust    (const GdkRGBA *color,
                                    const GdkRGBA *page,
                                    double         ratio);

/* The page @widget draws on: the theme's view background (libadwaita's
 * view_bg_color, GTK's theme_base_color), or, without one, white or dark
 * grey, whichever @widget's text colour reads on. */
GdkRGBA dossier_contrast_page_color (GtkWidget     *widget);

G_END_DECLS
