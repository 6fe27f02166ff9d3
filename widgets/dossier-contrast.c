/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-contrast.c — WCAG 2 contrast of colours, and colours made to
 * reach it (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance).
 */

#include "config.h"

#include <math.h>

#include "dossier-contrast.h"

static double
linear (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
dossier_contrast_luminance (const GdkRGBA *color)
{
  g_return_val_if_fail (color != NULL, 0.0);

  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green)
         + 0.0722 * linear (color->blue);
}

double
dossier_contrast_ratio (const GdkRGBA *a,
                        const GdkRGBA *b)
{
  double la, lb;

  g_return_val_if_fail (a != NULL && b != NULL, 1.0);

  la = dossier_contrast_luminance (a);
  lb = dossier_contrast_luminance (b);
  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

GdkRGBA
dossier_contrast_composite (const GdkRGBA *over,
                            const GdkRGBA *under)
{
  double a = CLAMP (over->alpha, 0.0, 1.0);

  return (GdkRGBA) {
    over->red * a + under->red * (1 - a),
    over->green * a + under->green * (1 - a),
    over->blue * a + under->blue * (1 - a),
    1.0,
  };
}

GdkRGBA
dossier_contrast_adjust (const GdkRGBA *color,
                         const GdkRGBA *page,
                         double         ratio)
{
  GdkRGBA opaque = dossier_contrast_composite (color, page);
  GdkRGBA target;
  double lo = 0.0, hi = 1.0;

  if (dossier_contrast_ratio (&opaque, page) >= ratio)
    return opaque;

  /* A little over, so that rounding to 8 bits does not take it under. */
  ratio *= 1.02;

  /* Towards black on a light page, white on a dark one: the least mix
   * that reaches the ratio (it grows with the mix), by bisection. */
  target = dossier_contrast_luminance (page) > 0.18
           ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
  for (int i = 0; i < 20; i++)
    {
      double mid = (lo + hi) / 2;
      GdkRGBA c = {
        opaque.red + (target.red - opaque.red) * mid,
        opaque.green + (target.green - opaque.green) * mid,
        opaque.blue + (target.blue - opaque.blue) * mid,
        1.0,
      };

      if (dossier_contrast_ratio (&c, page) >= ratio)
        hi = mid;
      else
        lo = mid;
    }
  return (GdkRGBA) {
    opaque.red + (target.red - opaque.red) * hi,
    opaque.green + (target.green - opaque.green) * hi,
    opaque.blue + (target.blue - opaque.blue) * hi,
    1.0,
  };
}

GdkRGBA
dossier_contrast_page_color (GtkWidget *widget)
{
  GtkStyleContext *context;
  GdkRGBA bg, fg;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), ((GdkRGBA) { 1, 1, 1, 1 }));

  context = gtk_widget_get_style_context (widget);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if ((gtk_style_context_lookup_color (context, "view_bg_color", &bg)
       || gtk_style_context_lookup_color (context, "theme_base_color", &bg))
      && bg.alpha > 0.99)
    return bg;
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return dossier_contrast_luminance (&fg) > 0.5
         ? (GdkRGBA) { 0.118, 0.118, 0.118, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
}
