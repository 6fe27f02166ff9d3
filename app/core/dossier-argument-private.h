/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-argument-private.h — how the project creates and updates its
 * canonical DossierArgument objects. Not for the UI. */
#pragma once

#include <dossier/dossier-argument.h>

G_BEGIN_DECLS

typedef struct
{
  const char      *uuid;
  gint64           question_id;
  DossierPolarity  polarity;
  const char      *statement;
  gint64           stakeholder_id;
  int              strength;
  int              position;
  guint            n_evidence;
  guint            n_sources;
} DossierArgumentData;

DossierArgument *dossier_argument_new    (gint64                     id,
                                          const DossierArgumentData *data);
void             dossier_argument_update (DossierArgument           *self,
                                          const DossierArgumentData *data);

G_END_DECLS
