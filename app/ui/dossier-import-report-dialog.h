/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-report-dialog.h — what an import from another tool did
 * (a REFI-QDA project or codebook, W3C Web Annotations): what came in,
 * counted; what changed on the way; what did not come in and why. The
 * REFI-QDA standard asks that data loss be told to the user: this is
 * where the window tells it. Copy puts the whole report on the clipboard.
 */
#pragma once

#include <adwaita.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_IMPORT_REPORT_DIALOG (dossier_import_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierImportReportDialog, dossier_import_report_dialog, DOSSIER,
                      IMPORT_REPORT_DIALOG, AdwWindow)

/* A dialog (not yet presented) showing @report, transient for @parent. */
GtkWidget           *dossier_import_report_dialog_new        (GtkWindow                 *parent,
                                                              DossierImportReport       *report);
DossierImportReport *dossier_import_report_dialog_get_report (DossierImportReportDialog *self);

G_END_DECLS
