/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-private.h — how the project creates and updates its
 * canonical DossierDocument objects. Not for the UI. */
#pragma once

#include <dossier/dossier-document.h>

G_BEGIN_DECLS

/* A row of the documents table (no text), as the project reads it. */
typedef struct
{
  const char *uuid;
  const char *title;
  const char *author;      /* NULL or "" = unknown */
  const char *outlet;
  const char *source;
  const char *published;
  const char *imported;
  const char *format;
  gint64      length;
  guint       n_highlights;
} DossierDocumentData;

DossierDocument *dossier_document_new    (gint64                     id,
                                          const DossierDocumentData *data);
/* Sets every field, notifying only those that really changed. */
void             dossier_document_update (DossierDocument           *self,
                                          const DossierDocumentData *data);
void             dossier_document_set_n_highlights (DossierDocument *self,
                                                    guint            n_highlights);

G_END_DECLS
