/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-stakeholder-row.h — a stakeholder in the Stakeholders panel:
 * its colour, kind, name, stance and how much the texts say about it. */
#pragma once

#include "dossier-row.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_STAKEHOLDER_ROW (dossier_stakeholder_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierStakeholderRow, dossier_stakeholder_row, DOSSIER, STAKEHOLDER_ROW, DossierRow)

/* The icon of a kind of stakeholder (a themed symbolic icon name). */
const char *dossier_stakeholder_kind_get_icon_name (DossierStakeholderKind kind);

/* "12 mentions in 3 documents · 2 pieces of evidence" (transfer full). */
char       *dossier_stakeholder_describe_counts    (DossierStakeholder *stakeholder);

G_END_DECLS
