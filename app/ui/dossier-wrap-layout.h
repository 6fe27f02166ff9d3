/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-wrap-layout.h — children side by side in their order, going on
 * to a new line where the next one no longer fits (a toolbar at a phone's
 * width). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_WRAP_LAYOUT (dossier_wrap_layout_get_type ())
G_DECLARE_FINAL_TYPE (DossierWrapLayout, dossier_wrap_layout, DOSSIER, WRAP_LAYOUT, GtkLayoutManager)

/* Properties: "spacing" (int, pixels between children on a line),
 * "line-spacing" (int, pixels between lines). */
GtkLayoutManager *dossier_wrap_layout_new (void);

G_END_DECLS
