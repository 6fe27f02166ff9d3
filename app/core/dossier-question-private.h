/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-question-private.h — how the project creates and updates its
 * canonical DossierQuestion objects. Not for the UI. */
#pragma once

#include <dossier/dossier-question.h>

G_BEGIN_DECLS

typedef struct
{
  const char *uuid;
  const char *text;
  int         position;
  guint       n_pros;
  guint       n_cons;
  guint       pro_strength;
  guint       con_strength;
} DossierQuestionData;

DossierQuestion *dossier_question_new    (gint64                     id,
                                          const DossierQuestionData *data);
void             dossier_question_update (DossierQuestion           *self,
                                          const DossierQuestionData *data);

G_END_DECLS
