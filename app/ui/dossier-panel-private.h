/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-panel-private.h — what DossierRow tells the panel it is rooted
 * in (dossier-panel.c keeps the set of its rows). */
#pragma once

#include "dossier-panel.h"
#include "dossier-row.h"

G_BEGIN_DECLS

void _dossier_panel_add_row    (DossierPanel *self,
                                DossierRow   *row);
void _dossier_panel_remove_row (DossierPanel *self,
                                DossierRow   *row);
/* The row's item changed: bind_row() again. */
void _dossier_panel_bind_row   (DossierPanel *self,
                                DossierRow   *row);

G_END_DECLS
