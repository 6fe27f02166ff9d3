/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-dialog.h — choosing what to export (format, document,
 * tag, how a summary reads; or a briefing note, its format and appendix),
 * and where, then exporting off the main thread. The formats and the
 * summary options are remembered (GSettings). */
#pragma once

#include <adwaita.h>
#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_EXPORT_DIALOG (dossier_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, DOSSIER, EXPORT_DIALOG, AdwWindow)

/* Signals:
 *   "exported" (GFile *file): the file was written.
 *   "failed" (const char *message): the export failed (also shown). */
DossierExportDialog *dossier_export_dialog_new             (GtkWindow           *parent,
                                                            DossierProject      *project,
                                                            gint64               document_id);
void                 dossier_export_dialog_set_format      (DossierExportDialog *self,
                                                            DossierExportFormat  format);
DossierExportFormat  dossier_export_dialog_get_format      (DossierExportDialog *self);
/* 0 = every document / every tag. */
void                 dossier_export_dialog_set_document_id (DossierExportDialog *self,
                                                            gint64               document_id);
void                 dossier_export_dialog_set_tag_id      (DossierExportDialog *self,
                                                            gint64               tag_id);
/* A briefing note to export instead of the project's highlights (0: the
 * highlights), and its format: "markdown", "html" or "pdf" (kept in
 * GSettings, as is whether it has its appendix of cited passages). */
void                 dossier_export_dialog_set_briefing_id (DossierExportDialog *self,
                                                            gint64               briefing_id);
gint64               dossier_export_dialog_get_briefing_id (DossierExportDialog *self);
void                 dossier_export_dialog_set_briefing_format (DossierExportDialog *self,
                                                                const char          *format);
const char          *dossier_export_dialog_get_briefing_format (DossierExportDialog *self);
/* How a summary is laid out; kept in GSettings like the format. */
void                 dossier_export_dialog_get_options     (DossierExportDialog        *self,
                                                            DossierExportOptions       *options);
void                 dossier_export_dialog_set_options     (DossierExportDialog        *self,
                                                            const DossierExportOptions *options);
void                 dossier_export_dialog_set_destination (DossierExportDialog *self,
                                                            GFile               *file);
GFile               *dossier_export_dialog_get_destination (DossierExportDialog *self);
/* What the Export button does: asks for a destination if there is none,
 * then exports in a thread. */
void                 dossier_export_dialog_export          (DossierExportDialog *self);

G_END_DECLS
