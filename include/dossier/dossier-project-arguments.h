/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-arguments.h — a project's questions and their pros and
 * cons: editing, evidence, and arguments suggested by an article's own
 * lists of pros and cons.
 *
 * Like every mutation of a project (see dossier-project.h), each action
 * here is one committed transaction and one undo step; on failure the
 * project is left exactly as it was.
 */
#pragma once

#include <gio/gio.h>

#include "dossier-argument.h"
#include "dossier-evidence.h"
#include "dossier-project.h"
#include "dossier-question.h"
#include "dossier-suggest.h"

G_BEGIN_DECLS

/* The most characters a question's text or an argument's statement may
 * have: long enough for a paragraph (a statement is a sentence or two;
 * what backs it is cited as evidence). */
#define DOSSIER_ARGUMENT_MAX_TEXT 2000

/* ---- Questions ------------------------------------------------------------ */

/* GListModel of DossierQuestion in the user's order; exact items-changed. */
GListModel      *dossier_project_get_questions      (DossierProject  *self);
DossierQuestion *dossier_project_get_question       (DossierProject  *self,
                                                     gint64           question_id);  /* transfer none */

/* At the end of the list. */
gint64           dossier_project_add_question       (DossierProject  *self,
                                                     const char      *text,
                                                     GError         **error);
gboolean         dossier_project_set_question_text  (DossierProject  *self,
                                                     gint64           question_id,
                                                     const char      *text,
                                                     GError         **error);
/* To @position in the list (-1 = last). */
gboolean         dossier_project_move_question      (DossierProject  *self,
                                                     gint64           question_id,
                                                     int              position,
                                                     GError         **error);
/* With its arguments (not the highlights they cite). */
gboolean         dossier_project_delete_question    (DossierProject  *self,
                                                     gint64           question_id,
                                                     GError         **error);

/* ---- Arguments ---------------------------------------------------------------- */

/* GListModel of DossierArgument: every question's, in the order of the
 * questions, pros before cons, then the user's order; exact
 * items-changed. Filter it by question for one question's columns. */
GListModel      *dossier_project_get_arguments      (DossierProject  *self);
DossierArgument *dossier_project_get_argument       (DossierProject  *self,
                                                     gint64           argument_id);  /* transfer none */

/* What a new argument says. Start from DOSSIER_ARGUMENT_FIELDS_INIT. */
typedef struct
{
  gint64           question_id;
  DossierPolarity  polarity;
  const char      *statement;
  gint64           stakeholder_id;  /* 0 = nobody's perspective */
  int              strength;        /* 1–5 */
} DossierArgumentFields;

#define DOSSIER_ARGUMENT_FIELDS_INIT { 0, DOSSIER_POLARITY_PRO, NULL, 0, DOSSIER_STRENGTH_DEFAULT }

/* At the end of its side. @stakeholder_id 0 = nobody's perspective;
 * @strength 1–5. */
gint64           dossier_project_add_argument       (DossierProject  *self,
                                                     gint64           question_id,
                                                     DossierPolarity  polarity,
                                                     const char      *statement,
                                                     gint64           stakeholder_id,
                                                     int              strength,
                                                     GError         **error);
/* The argument @fields says, citing as its evidence, in the same undo
 * step (+ with a passage selected in the reader): the passage [@start,
 * @end) of document @document_id, highlighted as
 * dossier_project_add_argument_evidence_range () does. Returns the
 * argument's id, and in *@cited_id (may be NULL) the highlight cited. */
gint64           dossier_project_add_argument_citing (DossierProject              *self,
                                                      const DossierArgumentFields *fields,
                                                      gint64                       document_id,
                                                      gint64                       start,
                                                      gint64                       end,
                                                      gint64                      *cited_id,
                                                      GError                     **error);
gboolean         dossier_project_set_argument_statement (DossierProject *self,
                                                     gint64           argument_id,
                                                     const char      *statement,
                                                     GError         **error);
gboolean         dossier_project_set_argument_stakeholder (DossierProject *self,
                                                     gint64           argument_id,
                                                     gint64           stakeholder_id,
                                                     GError         **error);
gboolean         dossier_project_set_argument_strength (DossierProject *self,
                                                     gint64           argument_id,
                                                     int              strength,
                                                     GError         **error);
/* Reorders, or moves to the other side: to @position among its question's
 * arguments of @polarity (-1 = last). */
gboolean         dossier_project_move_argument      (DossierProject  *self,
                                                     gint64           argument_id,
                                                     DossierPolarity  polarity,
                                                     int              position,
                                                     GError         **error);
gboolean         dossier_project_delete_argument    (DossierProject  *self,
                                                     gint64           argument_id,
                                                     GError         **error);

/* ---- Evidence ------------------------------------------------------------------ */

/* Cites a highlight for the argument; citing it again updates the note. */
gboolean         dossier_project_add_argument_evidence (DossierProject *self,
                                                     gint64           argument_id,
                                                     gint64           highlight_id,
                                                     const char      *note,
                                                     GError         **error);
/* Highlights [start, end) of a document (with no tag, or the existing
 * highlight of exactly that range) and cites it, in one undo step.
 * Returns the highlight's id. */
gint64           dossier_project_add_argument_evidence_range (DossierProject *self,
                                                     gint64           argument_id,
                                                     gint64           document_id,
                                                     gint64           start,
                                                     gint64           end,
                                                     const char      *note,
                                                     GError         **error);
/* A highlight that carries no tag and is evidence for nothing else goes
 * with its last link, in the same step. */
gboolean         dossier_project_remove_argument_evidence (DossierProject *self,
                                                     gint64           argument_id,
                                                     gint64           highlight_id,
                                                     GError         **error);
/* GPtrArray of DossierEvidence, by document, then by position in it. */
GPtrArray       *dossier_project_list_argument_evidence (DossierProject *self,
                                                     gint64           argument_id,
                                                     GError         **error);

/* ---- Suggestions ------------------------------------------------------------- */

/* dossier_suggest_arguments() on a document, without those dismissed and
 * those already accepted (an argument cites that very passage). */
GPtrArray       *dossier_project_suggest_arguments  (DossierProject  *self,
                                                     gint64           document_id,
                                                     GError         **error);
/* Each suggestion becomes an argument of @question_id (at the end of its
 * side, strength 3) citing its list item, highlighted without a tag — all
 * in one undo step. Returns the new arguments' ids in @argument_ids (may
 * be NULL). */
gboolean         dossier_project_accept_argument_suggestions (DossierProject *self,
                                                     gint64           question_id,
                                                     gint64           document_id,
                                                     DossierArgumentSuggestion * const *suggestions,
                                                     guint            n_suggestions,
                                                     GArray         **argument_ids,
                                                     GError         **error);
/* Never suggests these again for that document (one undo step). */
gboolean         dossier_project_dismiss_argument_suggestions (DossierProject *self,
                                                     gint64           document_id,
                                                     DossierArgumentSuggestion * const *suggestions,
                                                     guint            n_suggestions,
                                                     GError         **error);

G_END_DECLS
