/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-details-dialog.h — editing a document's details: title,
 * author, outlet, source and published date. Save stores them as one
 * undoable step; a failure (a date that is not YYYY-MM-DD…) is shown in a
 * dialog and changes nothing. */
#pragma once

#include <adwaita.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_DOCUMENT_DETAILS_DIALOG (dossier_document_details_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierDocumentDetailsDialog, dossier_document_details_dialog, DOSSIER, DOCUMENT_DETAILS_DIALOG, AdwMessageDialog)

/* A dialog on @document's details, not yet presented. */
GtkWidget *dossier_document_details_dialog_new (GtkWindow       *parent,
                                                DossierProject  *project,
                                                DossierDocument *document);

G_END_DECLS
