/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-arguments-panel.h — the "Pros & Cons" panel of the right
 * sidebar.
 *
 * A question selector (add, rename, delete questions); the question's
 * pros and cons in two columns, or one after the other when the sidebar is
 * narrow (list views: only the rows in sight are built); a balance summary;
 * highlight cards or the reader's selection dropped on an argument cite
 * them; adding arguments to either side; the
 * arguments the open document lists itself (under "Pros", "Risks", …),
 * to accept or dismiss one by one or all at once.
 */
#pragma once

#include "dossier-panel.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARGUMENTS_PANEL (dossier_arguments_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierArgumentsPanel, dossier_arguments_panel, DOSSIER, ARGUMENTS_PANEL, DossierPanel)

/* Properties: "document-id" (gint64, 0 = none: the reader's document,
 * whose suggestions are shown), "question-id" (gint64, 0 = none: the
 * question shown; the first one when a project opens).
 * Signals: "highlight-activated" (gint64 document_id, gint64
 * highlight_id); "selection-cited" (gint64 document_id, gint64 start,
 * gint64 end): the reader's selection was cited as that range (as it was
 * told: dossier_arguments_panel_set_selection()). */
GtkWidget *dossier_arguments_panel_new              (void);

gint64     dossier_arguments_panel_get_document_id  (DossierArgumentsPanel *self);
void       dossier_arguments_panel_set_document_id  (DossierArgumentsPanel *self,
                                                     gint64                 document_id);
gint64     dossier_arguments_panel_get_question_id  (DossierArgumentsPanel *self);
void       dossier_arguments_panel_set_question_id  (DossierArgumentsPanel *self,
                                                     gint64                 question_id);

/* The reader's selection in document "document-id" (start == end: none). */
void       dossier_arguments_panel_set_selection    (DossierArgumentsPanel *self,
                                                     gint64                 start,
                                                     gint64                 end);
/* Cites the selection for argument @argument_id (one undo step); FALSE,
 * with a toast saying why, when there is no selection. */
gboolean   dossier_arguments_panel_cite_selection   (DossierArgumentsPanel *self,
                                                     gint64                 argument_id);
/* Cites highlight @highlight_id for argument @argument_id (one undo step,
 * a toast with Undo, as dropping a highlight card on the argument does);
 * FALSE, with a toast saying why, when it is already evidence for it or
 * the project is read-only. */
gboolean   dossier_arguments_panel_cite_highlight   (DossierArgumentsPanel *self,
                                                     gint64                 argument_id,
                                                     gint64                 highlight_id);

/* The arguments shown in a column: GListModel of DossierArgument
 * (transfer none). */
GListModel *dossier_arguments_panel_get_column      (DossierArgumentsPanel *self,
                                                     DossierPolarity        polarity);

/* Gives the focus to the argument at @position of @list (the pros' or
 * the cons' list view) once the one there has gone (deleted, moved up or
 * down): the one that took its place, or the column's last; the
 * column's add button when it emptied. */
void       dossier_arguments_panel_focus_in_column  (DossierArgumentsPanel *self,
                                                     GtkWidget             *list,
                                                     guint                  position);

G_END_DECLS
