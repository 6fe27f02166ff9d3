/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-documents-panel.h — the left sidebar's list of a project's
 * documents: filter, sort, rename, edit details, delete. */
#pragma once

#include "dossier-panel.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_DOCUMENTS_SORT_IMPORTED,   /* import order */
  DOSSIER_DOCUMENTS_SORT_TITLE,
  DOSSIER_DOCUMENTS_SORT_PUBLISHED,  /* newest first */
} DossierDocumentsSort;

#define DOSSIER_TYPE_DOCUMENTS_PANEL (dossier_documents_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierDocumentsPanel, dossier_documents_panel, DOSSIER, DOCUMENTS_PANEL, DossierPanel)

/* Signals:
 *   "document-selected" (gint64 document_id): the selection moved to it.
 *   "document-activated" (gint64 document_id): Enter or double click.
 * Property: "sort" (DossierDocumentsSort as int). */
GtkWidget      *dossier_documents_panel_new             (void);
/* Selects (without emitting "document-selected") and shows a document. */
void            dossier_documents_panel_select_document (DossierDocumentsPanel *self,
                                                         gint64                 document_id);
void            dossier_documents_panel_set_filter_text (DossierDocumentsPanel *self,
                                                         const char            *text);
void            dossier_documents_panel_set_sort        (DossierDocumentsPanel *self,
                                                         DossierDocumentsSort   sort);
/* The list as shown (filtered and sorted), of DossierDocument. */
GListModel     *dossier_documents_panel_get_model       (DossierDocumentsPanel *self);
void            dossier_documents_panel_focus_list      (DossierDocumentsPanel *self);

G_END_DECLS
