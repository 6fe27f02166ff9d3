/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-stakeholders.h — a project's stakeholders: the list,
 * editing, evidence, mentions and suggestions.
 *
 * Like every mutation of a project (see dossier-project.h), each action
 * here is one committed transaction and one undo step; on failure the
 * project is left exactly as it was. Names are compared folded (without
 * case or accents, see dossier_text_fold()).
 */
#pragma once

#include <gio/gio.h>

#include "dossier-evidence.h"
#include "dossier-mentions.h"
#include "dossier-project.h"
#include "dossier-stakeholder.h"
#include "dossier-suggest.h"

G_BEGIN_DECLS

/* Limits on what a stakeholder's names may be: an alias is one line. */
#define DOSSIER_STAKEHOLDER_MAX_NAME     200   /* characters */
#define DOSSIER_STAKEHOLDER_MAX_ALIASES  50

/* ---- The list ------------------------------------------------------------- */

/* GListModel of DossierStakeholder in the user's order; exact
 * items-changed. */
GListModel         *dossier_project_get_stakeholders  (DossierProject *self);
DossierStakeholder *dossier_project_get_stakeholder   (DossierProject *self,
                                                       gint64          stakeholder_id);  /* transfer none */
/* By name or alias, folded; NULL if none. */
DossierStakeholder *dossier_project_find_stakeholder  (DossierProject *self,
                                                       const char     *name_or_alias);

/* ---- Editing ---------------------------------------------------------------- */

/* Everything a new stakeholder can be given at once (an import, the
 * command line). NULL texts are empty; @color NULL takes the palette colour
 * the fewest stakeholders have. Start from DOSSIER_STAKEHOLDER_FIELDS_INIT. */
typedef struct
{
  const char              *name;
  const char * const      *aliases;          /* may be NULL */
  DossierStakeholderKind   kind;
  /* The user chose no kind: dossier_project_create_stakeholder_citing ()
   * takes it from the document's words, @kind when they give none.
   * Without it @kind is kept, "other" included. */
  gboolean                 guess_kind;
  const char              *description;
  const char              *stance;           /* the user's words */
  int                      stance_position;  /* -2…2, or DOSSIER_STANCE_UNKNOWN */
  const char              *interests;
  int                      power;            /* 1–5 */
  int                      interest;         /* 1–5 */
  const char              *color;            /* "#rrggbb" or NULL */
} DossierStakeholderFields;

#define DOSSIER_STAKEHOLDER_FIELDS_INIT \
  { NULL, NULL, DOSSIER_STAKEHOLDER_OTHER, FALSE, NULL, NULL, DOSSIER_STANCE_UNKNOWN, NULL, 3, 3, NULL }

/* A new stakeholder at the end of the list, in one step, its mentions
 * counted. Its name must not be another stakeholder's name or alias
 * (EXISTS); aliases equal to the name or to each other are dropped; every
 * field is checked before anything is written. */
gint64    dossier_project_create_stakeholder      (DossierProject          *self,
                                                   const DossierStakeholderFields *fields,
                                                   GError                 **error);
/* The same, citing as its first evidence, in the same undo step ("New
 * Stakeholder" from a passage being read): highlight @highlight_id or,
 * when it is 0, the passage [@start, @end) of document @document_id
 * (highlighted as dossier_project_add_stakeholder_evidence_range () does),
 * with no note or role. With @fields->guess_kind the kind is taken
 * from the document's words around the name when they give one
 * ("councillor Dara Penhallow": dossier_suggest_stakeholder_kind ()).
 * Returns the stakeholder's id, and in *@cited_id (may be NULL) the
 * highlight cited. */
gint64    dossier_project_create_stakeholder_citing (DossierProject        *self,
                                                   const DossierStakeholderFields *fields,
                                                   gint64                   highlight_id,
                                                   gint64                   document_id,
                                                   gint64                   start,
                                                   gint64                   end,
                                                   gint64                  *cited_id,
                                                   GError                 **error);
/* The same with a name, aliases (may be NULL) and kind: stance not
 * assessed, power and interest 3. */
gint64    dossier_project_add_stakeholder         (DossierProject          *self,
                                                   const char              *name,
                                                   const char * const      *aliases,
                                                   DossierStakeholderKind   kind,
                                                   GError                 **error);
gboolean  dossier_project_set_stakeholder_name    (DossierProject          *self,
                                                   gint64                   stakeholder_id,
                                                   const char              *name,
                                                   GError                 **error);
gboolean  dossier_project_set_stakeholder_aliases (DossierProject          *self,
                                                   gint64                   stakeholder_id,
                                                   const char * const      *aliases,
                                                   GError                 **error);
gboolean  dossier_project_set_stakeholder_kind    (DossierProject          *self,
                                                   gint64                   stakeholder_id,
                                                   DossierStakeholderKind   kind,
                                                   GError                 **error);
gboolean  dossier_project_set_stakeholder_description (DossierProject      *self,
                                                   gint64                   stakeholder_id,
                                                   const char              *description,
                                                   GError                 **error);
/* The user's words on its stance. */
gboolean  dossier_project_set_stakeholder_stance  (DossierProject          *self,
                                                   gint64                   stakeholder_id,
                                                   const char              *stance,
                                                   GError                 **error);
/* -2…2, or DOSSIER_STANCE_UNKNOWN. */
gboolean  dossier_project_set_stakeholder_stance_position (DossierProject  *self,
                                                   gint64                   stakeholder_id,
                                                   int                      position,
                                                   GError                 **error);
gboolean  dossier_project_set_stakeholder_interests (DossierProject        *self,
                                                   gint64                   stakeholder_id,
                                                   const char              *interests,
                                                   GError                 **error);
/* Both 1–5, in one step (a dot dragged on the grid moves on both axes). */
gboolean  dossier_project_set_stakeholder_ratings (DossierProject          *self,
                                                   gint64                   stakeholder_id,
                                                   int                      power,
                                                   int                      interest,
                                                   GError                 **error);
/* "#rrggbb" */
gboolean  dossier_project_set_stakeholder_color   (DossierProject          *self,
                                                   gint64                   stakeholder_id,
                                                   const char              *color,
                                                   GError                 **error);
/* To @position in the list (-1 = last). */
gboolean  dossier_project_move_stakeholder        (DossierProject          *self,
                                                   gint64                   stakeholder_id,
                                                   int                      position,
                                                   GError                 **error);
/* Its evidence links go with it (not the highlights); arguments made from
 * its perspective become nobody's in particular. */
gboolean  dossier_project_delete_stakeholder      (DossierProject          *self,
                                                   gint64                   stakeholder_id,
                                                   GError                 **error);
/* @source's name and aliases become aliases of @target, its evidence
 * (with notes) and arguments move to @target, @source is deleted. */
gboolean  dossier_project_merge_stakeholders      (DossierProject          *self,
                                                   gint64                   source_id,
                                                   gint64                   target_id,
                                                   GError                 **error);

/* ---- Evidence ------------------------------------------------------------------ */

/* Cites highlight @highlight_id for the stakeholder. @stance_position
 * (-2…2) only for DOSSIER_EVIDENCE_STANCE, else DOSSIER_STANCE_UNKNOWN.
 * Citing it again updates the note and role. */
gboolean  dossier_project_add_stakeholder_evidence (DossierProject         *self,
                                                   gint64                   stakeholder_id,
                                                   gint64                   highlight_id,
                                                   const char              *note,
                                                   DossierEvidenceRole      role,
                                                   int                      stance_position,
                                                   GError                 **error);
/* "Add selection as evidence": highlights [start, end) of a document (a
 * highlight with no tag, or the existing highlight of exactly that range)
 * and cites it, in one undo step. Returns the highlight's id. */
gint64    dossier_project_add_stakeholder_evidence_range (DossierProject   *self,
                                                   gint64                   stakeholder_id,
                                                   gint64                   document_id,
                                                   gint64                   start,
                                                   gint64                   end,
                                                   const char              *note,
                                                   DossierEvidenceRole      role,
                                                   int                      stance_position,
                                                   GError                 **error);
/* A highlight that carries no tag and is evidence for nothing else goes
 * with its last link, in the same step. */
gboolean  dossier_project_remove_stakeholder_evidence (DossierProject      *self,
                                                   gint64                   stakeholder_id,
                                                   gint64                   highlight_id,
                                                   GError                 **error);
/* GPtrArray of DossierEvidence, by document, then by position in it. */
GPtrArray *dossier_project_list_stakeholder_evidence (DossierProject       *self,
                                                   gint64                   stakeholder_id,
                                                   GError                 **error);

/* What each source reports a stakeholder's stance to be: the mean of the
 * positions of its stance evidence in that document, rounded. */
typedef struct
{
  gint64 document_id;
  int    position;      /* -2…2 */
  guint  n_evidence;    /* stance evidence in that document */
} DossierSourceStance;

/* GArray of DossierSourceStance, by document; documents without stance
 * evidence are left out. */
GArray    *dossier_project_list_stakeholder_stances (DossierProject        *self,
                                                   gint64                   stakeholder_id,
                                                   GError                 **error);

/* The stakeholders (ids, increasing) and arguments a highlight is
 * evidence for. Deleting the highlight — or removing the last tag of one
 * that is not evidence — removes these links with it, in the same undo
 * step: a window says so when it deletes one. Either out argument may be
 * NULL. */
gboolean   dossier_project_get_highlight_evidence (DossierProject          *self,
                                                   gint64                   highlight_id,
                                                   GArray                 **stakeholder_ids,
                                                   GArray                 **argument_ids,
                                                   GError                 **error);

/* ---- Mentions ---------------------------------------------------------------- */

/* Mentions (dossier-mentions.h: key = stakeholder id) of every
 * stakeholder, or of @stakeholder_id only, in a document's text: names
 * and aliases as whole words, case and accents aside, the longest alias
 * where two overlap. */
GArray    *dossier_project_list_mentions          (DossierProject          *self,
                                                   gint64                   document_id,
                                                   gint64                   stakeholder_id,
                                                   GError                 **error);

typedef struct
{
  gint64 document_id;
  guint  n_mentions;
} DossierMentionCount;

/* How often a stakeholder is mentioned in each document that mentions it
 * (GArray of DossierMentionCount, by document). The project keeps these
 * counts as documents are imported or replaced and names change. */
GArray    *dossier_project_count_mentions         (DossierProject          *self,
                                                   gint64                   stakeholder_id,
                                                   GError                 **error);

typedef struct
{
  gint64  document_id;
  gint64  stakeholder_id;
  gint64  start;      /* code points */
  gint64  end;
  char   *snippet;    /* a line of context, the mention between « and » */
  char   *before;     /* the snippet's parts: the line before the mention, */
  char   *mention;    /* the mention as written, */
  char   *after;      /* the line after it (… where it is cut) */
} DossierMentionHit;

void       dossier_mention_hit_free               (DossierMentionHit       *hit);

/* The mentions of a stakeholder (0 = of every one) that no highlight
 * covers yet: what has not been read closely. GPtrArray of
 * DossierMentionHit, by document and position. */
GPtrArray *dossier_project_list_unreviewed_mentions (DossierProject        *self,
                                                   gint64                   stakeholder_id,
                                                   GError                 **error);

/* ---- Suggestions ------------------------------------------------------------- */

/* dossier_suggest_stakeholders() on a document, without those whose name
 * or an alias is already a stakeholder's, and without dismissed ones. One
 * that names a stakeholder by another name ("Port Calder council" for
 * "Port Calder City Council") has its same_as set to that one's id, or,
 * if the text never uses it (it says only "the council"), is left out. */
GPtrArray *dossier_project_suggest_stakeholders   (DossierProject          *self,
                                                   gint64                   document_id,
                                                   GError                 **error);
/* Adds the suggested stakeholder (name, aliases, kind) — or, if
 * @merge_into_id is not 0, adds its name and aliases to that
 * stakeholder's aliases. Returns the stakeholder's id. */
gint64     dossier_project_accept_stakeholder_suggestion (DossierProject   *self,
                                                   const DossierStakeholderSuggestion *suggestion,
                                                   gint64                   merge_into_id,
                                                   GError                 **error);
/* Never suggests these again, by their name or any alias, for any
 * document (one undo step). */
gboolean   dossier_project_dismiss_stakeholder_suggestions (DossierProject *self,
                                                   DossierStakeholderSuggestion * const *suggestions,
                                                   guint                    n_suggestions,
                                                   GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierMentionHit, dossier_mention_hit_free)

G_END_DECLS
