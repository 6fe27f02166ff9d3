/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-question.h — a proposition under debate ("Should the city close
 * the bridge to cars?"), which arguments are for or against. A project
 * keeps one DossierQuestion per question id and updates it in place.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_QUESTION (dossier_question_get_type ())
G_DECLARE_FINAL_TYPE (DossierQuestion, dossier_question, DOSSIER, QUESTION, GObject)

/* Properties: "id", "uuid", "text", "position", "n-pros", "n-cons",
 * "pro-strength", "con-strength" (the sums of its arguments' strengths). */
gint64      dossier_question_get_id           (DossierQuestion *self);
const char *dossier_question_get_uuid         (DossierQuestion *self);
const char *dossier_question_get_text         (DossierQuestion *self);
int         dossier_question_get_position     (DossierQuestion *self);  /* from 0 */
guint       dossier_question_get_n_pros       (DossierQuestion *self);
guint       dossier_question_get_n_cons       (DossierQuestion *self);
guint       dossier_question_get_pro_strength (DossierQuestion *self);
guint       dossier_question_get_con_strength (DossierQuestion *self);

G_END_DECLS
