/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-replace-text-dialog.h — reviewing a document's newer text before
 * it replaces the old one: where the re-anchoring puts each highlight
 * (moved with the same words, moved approximately — old and new passage
 * side by side — or orphaned), and the person's decision on each: keep,
 * delete, or, for an orphan, place it on a passage selected in the new
 * text. Replace applies the text and every decision as one undo step;
 * nothing is lost unless the person deletes it.
 */
#pragma once

#include <adwaita.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_REPLACE_TEXT_DIALOG (dossier_replace_text_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierReplaceTextDialog, dossier_replace_text_dialog, DOSSIER,
                      REPLACE_TEXT_DIALOG, AdwWindow)

/* The review of replacing document @document_id's text with @doc's
 * (not yet presented); NULL with @error if no plan can be made (the
 * document is gone, the project cannot be read). Takes @doc. Signals: "replaced"
 * once the text is replaced. */
GtkWidget *dossier_replace_text_dialog_new      (GtkWindow                   *parent,
                                                 DossierProject              *project,
                                                 gint64                       document_id,
                                                 DossierParsedDocument       *doc,
                                                 GError                     **error);
/* The plan as decided so far (GPtrArray of DossierReanchor; transfer none). */
GPtrArray *dossier_replace_text_dialog_get_plan (DossierReplaceTextDialog    *self);
/* Decides for entry @index of the plan (as the rows do). For PLACE, the
 * passage is the new text's current selection; FALSE if there is none. */
gboolean   dossier_replace_text_dialog_decide   (DossierReplaceTextDialog    *self,
                                                 guint                        index,
                                                 DossierReanchorDecision      decision);
/* Selects [start, end) of the new text (as a person would). */
void       dossier_replace_text_dialog_select   (DossierReplaceTextDialog    *self,
                                                 gint64                       start,
                                                 gint64                       end);
/* Whether the dialog is narrow enough (under 720 px) to show the list
 * above the new text, and each row's passages and buttons one above the
 * other, and has done so. */
gboolean   dossier_replace_text_dialog_is_narrow (DossierReplaceTextDialog   *self);
/* What Replace does; FALSE (and the error shown) if it failed. */
gboolean   dossier_replace_text_dialog_apply    (DossierReplaceTextDialog    *self);

G_END_DECLS
