/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-private.h — how the project creates and updates its
 * canonical DossierBriefing objects. Not for the UI. */
#pragma once

#include <dossier/dossier-briefing.h>

G_BEGIN_DECLS

/* A row of the briefings table and its documents, as the project reads it. */
typedef struct
{
  const char   *uuid;
  const char   *title;
  const char   *body;
  const char   *created;
  const char   *modified;
  const gint64 *document_ids;
  guint         n_documents;
} DossierBriefingData;

DossierBriefing *dossier_briefing_new    (gint64                     id,
                                          const DossierBriefingData *data);
/* Sets every field, notifying only those that really changed. */
void             dossier_briefing_update (DossierBriefing           *self,
                                          const DossierBriefingData *data);

G_END_DECLS
