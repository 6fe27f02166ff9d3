/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-chip.h — a tag shown as a small rounded label in its colour.
 *
 * Used wherever highlights list their tags (cards, tooltips). With
 * "show-name" off the chip shrinks to a round colour swatch, used beside
 * tag names in the codebook and the tag picker; its accessible label stays
 * the tag name either way.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_TAG_CHIP (dossier_tag_chip_get_type ())
G_DECLARE_FINAL_TYPE (DossierTagChip, dossier_tag_chip, DOSSIER, TAG_CHIP, GtkWidget)

/* Properties: "tag-name" (string), "color" ("#rrggbb" or any CSS colour),
 * "show-name" (boolean, default TRUE). */
GtkWidget  *dossier_tag_chip_new           (const char     *name,
                                            const char     *color);
/* A chip with "show-name" off: a round swatch. */
GtkWidget  *dossier_tag_chip_new_swatch    (const char     *name,
                                            const char     *color);

const char *dossier_tag_chip_get_tag_name  (DossierTagChip *self);
void        dossier_tag_chip_set_tag_name  (DossierTagChip *self,
                                            const char     *name);
const char *dossier_tag_chip_get_color     (DossierTagChip *self);
void        dossier_tag_chip_set_color     (DossierTagChip *self,
                                            const char     *color);
gboolean    dossier_tag_chip_get_show_name (DossierTagChip *self);
void        dossier_tag_chip_set_show_name (DossierTagChip *self,
                                            gboolean        show_name);

/* TRUE when black text reads better than white on @rgba (WCAG relative
 * luminance). Exposed for tests and for other views that paint tag colours. */
gboolean    dossier_tag_chip_prefers_dark_text (const GdkRGBA *rgba);

G_END_DECLS
