/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-stakeholder-private.h — how the project creates and updates its
 * canonical DossierStakeholder objects. Not for the UI. */
#pragma once

#include <dossier/dossier-stakeholder.h>

G_BEGIN_DECLS

typedef struct
{
  const char              *uuid;
  const char              *name;
  const char * const      *aliases;          /* NULL = none */
  DossierStakeholderKind   kind;
  const char              *description;
  const char              *stance;
  int                      stance_position;  /* or DOSSIER_STANCE_UNKNOWN */
  const char              *interests;
  int                      power;
  int                      interest;
  const char              *color;
  int                      position;
  guint                    n_mentions;
  guint                    n_documents;
  gboolean                 mentions_pending;   /* the two above not known yet */
  guint                    n_evidence;
  gboolean                 power_backed;
  gboolean                 interest_backed;
} DossierStakeholderData;

DossierStakeholder *dossier_stakeholder_new    (gint64                        id,
                                                const DossierStakeholderData *data);
/* Sets every field, notifying only those that really changed. */
void                dossier_stakeholder_update (DossierStakeholder           *self,
                                                const DossierStakeholderData *data);

/* Aliases as stored: one per line (made valid UTF-8). */
char              **dossier_stakeholder_split_aliases (const char *stored);
char               *dossier_stakeholder_join_aliases  (const char * const *aliases);

G_END_DECLS
