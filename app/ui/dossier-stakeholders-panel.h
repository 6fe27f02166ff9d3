/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-stakeholders-panel.h — the "Stakeholders" panel of the right
 * sidebar.
 *
 * Lists the project's stakeholders (colour, name, stance, mentions and
 * evidence, kind); adds one by name; opens one in an editor for every
 * field, with its evidence grouped by document and its mentions per
 * document; cites the reader's selection as its evidence; proposes the
 * stakeholders the open document names that the project does not have
 * yet, to add or dismiss.
 */
#pragma once

#include "dossier-panel.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_STAKEHOLDERS_PANEL (dossier_stakeholders_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierStakeholdersPanel, dossier_stakeholders_panel, DOSSIER, STAKEHOLDERS_PANEL, DossierPanel)

/* Properties: "document-id" (gint64, 0 = none: the reader's document,
 * whose suggestions are shown), "stakeholder-id" (gint64, 0 = the list;
 * else that stakeholder's editor).
 * Signal: "highlight-activated" (gint64 document_id, gint64 highlight_id):
 * an evidence passage was activated; "range-activated" (gint64
 * document_id, gint64 start, gint64 end): a mention was;
 * "selection-cited" (gint64 document_id, gint64 start, gint64 end): the
 * reader's selection was cited as that range (whole words, as it was
 * told: dossier_stakeholders_panel_set_selection()). */
GtkWidget *dossier_stakeholders_panel_new                (void);

gint64     dossier_stakeholders_panel_get_document_id    (DossierStakeholdersPanel *self);
void       dossier_stakeholders_panel_set_document_id    (DossierStakeholdersPanel *self,
                                                          gint64                    document_id);
gint64     dossier_stakeholders_panel_get_stakeholder_id (DossierStakeholdersPanel *self);
void       dossier_stakeholders_panel_set_stakeholder_id (DossierStakeholdersPanel *self,
                                                          gint64                    stakeholder_id);

/* The reader's selection, [start, end) in code points of the document
 * "document-id" (start == end: none), which "Cite Selection" cites. */
void       dossier_stakeholders_panel_set_selection      (DossierStakeholdersPanel *self,
                                                          gint64                    start,
                                                          gint64                    end);

/* Cites the selection as evidence for the open stakeholder (one undo
 * step). FALSE, with a toast saying why, when there is nothing to cite or
 * no stakeholder open. */
gboolean   dossier_stakeholders_panel_cite_selection     (DossierStakeholdersPanel *self);

/* Opens the + of the list (leaving the editor, if one is open) on a name
 * taken from the selection, which the stakeholder added then cites (see
 * dossier_stakeholders_panel_set_selection()); FALSE, with a toast saying
 * why, when nothing is selected or the project takes no changes. The
 * panel must be on show. */
gboolean   dossier_stakeholders_panel_add_from_selection (DossierStakeholdersPanel *self);

/* Adds highlight @highlight_id as evidence for the stakeholder (one undo
 * step), as dropping a highlight card on its row or its dot does; a toast says so,
 * or that it is evidence for it already (FALSE). */
gboolean   dossier_stakeholders_panel_add_evidence       (DossierStakeholdersPanel *self,
                                                          gint64                    stakeholder_id,
                                                          gint64                    highlight_id);

/* Draws the power/interest grid, with the project's title, into @path:
 * SVG or PNG by its extension (what "Save Grid as Picture" writes). A
 * failure leaves no file behind. */
gboolean   dossier_stakeholders_panel_export_grid        (DossierStakeholdersPanel *self,
                                                          const char               *path,
                                                          GError                  **error);

G_END_DECLS
