/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-columns-layout.h — two children side by side when there is room
 * for both at their minimum width, else one above the other (the Pros &
 * Cons panel's pros and cons). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_COLUMNS_LAYOUT (dossier_columns_layout_get_type ())
G_DECLARE_FINAL_TYPE (DossierColumnsLayout, dossier_columns_layout, DOSSIER, COLUMNS_LAYOUT, GtkLayoutManager)

/* Properties: "spacing" (int, pixels between the columns or the rows). */
GtkLayoutManager *dossier_columns_layout_new (void);

G_END_DECLS
