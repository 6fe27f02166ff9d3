/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-evidence-picker.h — a popover that adds a passage as evidence
 * for a stakeholder or an argument: "Add Selection as Evidence…" in the
 * reader, "Add as Evidence…" on a highlight.
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier.h>

#include "dossier-filter-popover.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EVIDENCE_PICKER (dossier_evidence_picker_get_type ())
G_DECLARE_FINAL_TYPE (DossierEvidencePicker, dossier_evidence_picker, DOSSIER, EVIDENCE_PICKER,
                      DossierFilterPopover)

/* Property: "project" (DossierProject, may be NULL).
 * Signal: "evidence-added" (GObject *target: the DossierStakeholder or
 * DossierArgument), after the link is made (one undo step) and a toast
 * named what it was added to; the picker has popped down.
 *
 * Lists the project's stakeholders, then its arguments (each with its
 * side and its question). Typing filters them (name, aliases, statement,
 * question; case and accents aside); the keys are DossierFilterPopover's:
 * Enter or a click adds the passage to the highlighted row. A text that
 * is no stakeholder's name or alias also offers, last, "New Stakeholder
 * “…”": a stakeholder so named, with the passage as its evidence, in one
 * undo step ("evidence-added" then gives the new stakeholder). */
GtkWidget      *dossier_evidence_picker_new           (void);

DossierProject *dossier_evidence_picker_get_project   (DossierEvidencePicker *self);
void            dossier_evidence_picker_set_project   (DossierEvidencePicker *self,
                                                       DossierProject        *project);

/* What is added: a passage [@start, @end) of a document (highlighted
 * without a tag in the same undo step) ... */
void            dossier_evidence_picker_set_range     (DossierEvidencePicker *self,
                                                       gint64                 document_id,
                                                       gint64                 start,
                                                       gint64                 end);
/* ... or an existing highlight (those it is evidence for already say so). */
void            dossier_evidence_picker_set_highlight (DossierEvidencePicker *self,
                                                       gint64                 highlight_id);

/* For tests. */
GtkEditable    *dossier_evidence_picker_get_entry     (DossierEvidencePicker *self);
guint           dossier_evidence_picker_get_n_matches (DossierEvidencePicker *self);
/* The highlighted row's stakeholder or argument (transfer none), NULL if
 * none (or the New Stakeholder row). */
GObject        *dossier_evidence_picker_get_highlighted (DossierEvidencePicker *self);
/* The New Stakeholder row's label, NULL when it is not offered; and in
 * *@highlighted (may be NULL) whether it is the highlighted row. */
const char     *dossier_evidence_picker_get_new_label  (DossierEvidencePicker *self,
                                                        gboolean              *highlighted);

G_END_DECLS
