/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-private.h — how the project creates and updates its
 * canonical DossierTag objects. Not for the UI. */
#pragma once

#include <dossier/dossier-tag.h>

G_BEGIN_DECLS

typedef struct
{
  const char *uuid;
  const char *name;
  gint64      parent_id;     /* 0 = top level */
  const char *color;
  const char *description;
  int         position;
  guint       depth;
  const char *path;
  guint       n_highlights;
  int         key;           /* 1–9, DOSSIER_TAG_KEY_AUTO or DOSSIER_TAG_KEY_NONE */
} DossierTagData;

DossierTag *dossier_tag_new    (gint64                id,
                                const DossierTagData *data);
/* Sets every field, notifying only those that really changed. */
void        dossier_tag_update (DossierTag           *self,
                                const DossierTagData *data);
void        dossier_tag_set_n_highlights (DossierTag *self,
                                          guint       n_highlights);

G_END_DECLS
