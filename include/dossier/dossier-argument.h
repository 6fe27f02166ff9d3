/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-argument.h — an argument for or against a question.
 *
 * An argument belongs to a question (dossier-question.h), is pro or con,
 * states its point in a sentence, may be made from a stakeholder's
 * perspective, has a strength of 1 to 5 and an order among the question's
 * arguments of its side. Its evidence is highlighted passages. A project
 * keeps one DossierArgument per argument id and updates it in place.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_POLARITY_PRO,  /* "pro" */
  DOSSIER_POLARITY_CON,  /* "con" */
} DossierPolarity;

const char *dossier_polarity_to_string   (DossierPolarity  polarity);
gboolean    dossier_polarity_from_string (const char      *str,
                                          DossierPolarity *polarity);

#define DOSSIER_STRENGTH_MIN      1
#define DOSSIER_STRENGTH_MAX      5
#define DOSSIER_STRENGTH_DEFAULT  3

#define DOSSIER_TYPE_ARGUMENT (dossier_argument_get_type ())
G_DECLARE_FINAL_TYPE (DossierArgument, dossier_argument, DOSSIER, ARGUMENT, GObject)

/* Properties: "id", "uuid", "question-id", "polarity" (int), "statement",
 * "stakeholder-id", "strength", "position", "n-evidence", "n-sources". */
gint64           dossier_argument_get_id             (DossierArgument *self);
const char      *dossier_argument_get_uuid           (DossierArgument *self);
gint64           dossier_argument_get_question_id    (DossierArgument *self);
DossierPolarity  dossier_argument_get_polarity       (DossierArgument *self);
const char      *dossier_argument_get_statement      (DossierArgument *self);
/* Whose perspective it is made from; 0 = nobody's in particular. */
gint64           dossier_argument_get_stakeholder_id (DossierArgument *self);
int              dossier_argument_get_strength       (DossierArgument *self);  /* 1–5 */
/* Among its question's arguments of the same polarity, from 0. */
int              dossier_argument_get_position       (DossierArgument *self);
guint            dossier_argument_get_n_evidence     (DossierArgument *self);
/* How many different outlets its evidence comes from (a document with no
 * outlet counts as its own): 0 = no evidence, 1 = a single outlet. */
guint            dossier_argument_get_n_sources      (DossierArgument *self);

G_END_DECLS
