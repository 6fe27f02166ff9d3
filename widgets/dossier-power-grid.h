/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-power-grid.h — the stakeholders' power/interest grid: each
 * stakeholder a labelled dot in its quadrant (key players, keep
 * satisfied, keep informed, monitor), coloured by its stance, sized by its
 * evidence, hollow when no evidence backs its ratings. A click or the
 * arrow keys select a dot; a double click, Enter or Space activates it.
 * The layout is the core's (dossier-grid-layout.h), as in the pictures
 * dossier-cli grid draws.
 */
#pragma once

#include <gtk/gtk.h>
#include <dossier/dossier-grid-layout.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_POWER_GRID (dossier_power_grid_get_type ())
G_DECLARE_FINAL_TYPE (DossierPowerGrid, dossier_power_grid, DOSSIER, POWER_GRID, GtkWidget)

GtkWidget  *dossier_power_grid_new             (void);

/* A GListModel of DossierStakeholder (a project's list); followed as it
 * and its items change. Property "model". */
GListModel *dossier_power_grid_get_model       (DossierPowerGrid *self);
void        dossier_power_grid_set_model       (DossierPowerGrid *self,
                                                GListModel       *model);

/* The selected stakeholder's id, 0 for none. Property "selected-id". */
gint64      dossier_power_grid_get_selected_id (DossierPowerGrid *self);
void        dossier_power_grid_set_selected_id (DossierPowerGrid *self,
                                                gint64            stakeholder_id);

/* The stakeholder whose dot (or label) is at (@x, @y), 0 for none. */
gint64      dossier_power_grid_get_id_at       (DossierPowerGrid *self,
                                                double            x,
                                                double            y);

/* The dot that what is being dragged would be dropped on (0: none),
 * drawn with a halo; set by whoever handles the drop. */
gint64      dossier_power_grid_get_drop_id     (DossierPowerGrid *self);
void        dossier_power_grid_set_drop_id     (DossierPowerGrid *self,
                                                gint64            stakeholder_id);

/* What is drawn, for the size the widget has now (NULL before it has
 * one): in widget coordinates, places in the model's order. */
const DossierGridLayout *dossier_power_grid_get_layout (DossierPowerGrid *self);

/* What a click at (@x, @y) does: @n_press 1 selects the dot there (or
 * nothing), 2 also activates it. Returns whether a dot was there. */
gboolean    dossier_power_grid_click           (DossierPowerGrid *self,
                                                double            x,
                                                double            y,
                                                int               n_press);

/* Signal "activate" (gint64 stakeholder_id): a dot was double-clicked, or
 * Enter or Space pressed on the selected one. */

G_END_DECLS
