/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-sidebar.h — one of the window's sidebars, at the width the user
 * gave it.
 *
 * It is the flap of an AdwFlap. Its natural width is its "width" property
 * (never less than its child needs), whatever the panels in it show, so
 * that the flap folds at a width that does not change with the content,
 * and is given that width when docked. While docked, its edge towards the
 * centre is a handle: dragging it resizes the sidebar, as far as the
 * centre keeps its own natural width (the sidebar never pushes the window
 * into folding).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_SIDEBAR (dossier_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (DossierSidebar, dossier_sidebar, DOSSIER, SIDEBAR, GtkWidget)

/* Its smallest and largest width (pixels) the handle allows. */
#define DOSSIER_SIDEBAR_MIN_WIDTH 200
#define DOSSIER_SIDEBAR_MAX_WIDTH 720

/* Properties: "child" (GtkWidget), "width" (int, pixels, clamped to the
 * range above), "edge" (GtkPackType: GTK_PACK_START for a sidebar on the
 * left, whose handle is its right edge; GTK_PACK_END for one on the right).
 * "width" is notified while the handle is dragged. */
GtkWidget *dossier_sidebar_new        (void);

GtkWidget *dossier_sidebar_get_child  (DossierSidebar *self);
void       dossier_sidebar_set_child  (DossierSidebar *self,
                                       GtkWidget      *child);
int        dossier_sidebar_get_width  (DossierSidebar *self);
void       dossier_sidebar_set_width  (DossierSidebar *self,
                                       int             width);

/* Whether it sits beside the centre, not folded over it (its parent flap
 * is not folded) and shown. */
gboolean   dossier_sidebar_is_docked  (DossierSidebar *self);

G_END_DECLS
