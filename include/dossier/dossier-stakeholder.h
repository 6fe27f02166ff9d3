/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-stakeholder.h — an actor of the question under study.
 *
 * A stakeholder has a name and aliases (every spelling by which the texts
 * name it: its mentions are found by all of them, see dossier-mentions.h),
 * a kind, a description, a stance on the project's question (a position
 * from strongly against to strongly for, and the user's own words),
 * interests, and power and interest ratings of 1 to 5 for the
 * power/interest grid. A project keeps one DossierStakeholder per
 * stakeholder id and updates it in place (with notify).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_STAKEHOLDER_GOVERNMENT,     /* "government": a government, ministry, agency */
  DOSSIER_STAKEHOLDER_OFFICIAL,       /* "official": head of state or official */
  DOSSIER_STAKEHOLDER_PERSON,         /* "person": someone without an office (a resident,
                                       * an expert, a campaigner, an executive) */
  DOSSIER_STAKEHOLDER_LEGISLATURE,    /* "legislature" */
  DOSSIER_STAKEHOLDER_PARTY,          /* "party" */
  DOSSIER_STAKEHOLDER_ORGANISATION,   /* "organisation": international or other */
  DOSSIER_STAKEHOLDER_ARMED_GROUP,    /* "armed-group": armed or criminal group */
  DOSSIER_STAKEHOLDER_BUSINESS,       /* "business" */
  DOSSIER_STAKEHOLDER_CIVIL_SOCIETY,  /* "civil-society": NGOs, unions, churches, … */
  DOSSIER_STAKEHOLDER_MEDIA,          /* "media" */
  DOSSIER_STAKEHOLDER_PUBLIC,         /* "public": residents, voters, a community */
  DOSSIER_STAKEHOLDER_FOREIGN_STATE,  /* "foreign-state" */
  DOSSIER_STAKEHOLDER_OTHER,          /* "other" */
} DossierStakeholderKind;

#define DOSSIER_STAKEHOLDER_N_KINDS (DOSSIER_STAKEHOLDER_OTHER + 1)

const char *dossier_stakeholder_kind_to_string   (DossierStakeholderKind  kind);
/* Also accepts a few spellings people type ("organization", "armed",
 * "criminal", "ngo", "individual", …); FALSE for anything else (a kind
 * from a newer version: the project reads it as "other" and keeps the
 * file's word until the user picks a kind). */
gboolean    dossier_stakeholder_kind_from_string (const char             *str,
                                                  DossierStakeholderKind *kind);
/* Translated, for people: "Head of state or official". */
const char *dossier_stakeholder_kind_get_label   (DossierStakeholderKind  kind);

/* A stance: -2 strongly against, -1 against, 0 neutral or mixed, 1 for,
 * 2 strongly for; DOSSIER_STANCE_UNKNOWN when not (yet) assessed. */
#define DOSSIER_STANCE_MIN      (-2)
#define DOSSIER_STANCE_MAX      2
#define DOSSIER_STANCE_UNKNOWN  (-3)

/* Translated, for people: "Strongly against" … "Strongly for", "Not assessed". */
const char *dossier_stance_get_label                (int                     position);

#define DOSSIER_RATING_MIN  1
#define DOSSIER_RATING_MAX  5

#define DOSSIER_TYPE_STAKEHOLDER (dossier_stakeholder_get_type ())
G_DECLARE_FINAL_TYPE (DossierStakeholder, dossier_stakeholder, DOSSIER, STAKEHOLDER, GObject)

/* Properties: "id", "uuid", "name", "aliases" (GStrv), "kind" (int, a
 * DossierStakeholderKind), "description", "stance", "stance-position",
 * "interests", "power", "interest", "color", "position", "n-mentions",
 * "n-documents", "mentions-pending", "n-evidence", "power-backed",
 * "interest-backed". */
gint64                  dossier_stakeholder_get_id              (DossierStakeholder *self);
const char             *dossier_stakeholder_get_uuid            (DossierStakeholder *self);
const char             *dossier_stakeholder_get_name            (DossierStakeholder *self);
/* Never NULL; does not hold the name. */
const char * const     *dossier_stakeholder_get_aliases         (DossierStakeholder *self);
DossierStakeholderKind  dossier_stakeholder_get_kind            (DossierStakeholder *self);
const char             *dossier_stakeholder_get_description     (DossierStakeholder *self);  /* never NULL */
/* The user's own words on its stance; never NULL. */
const char             *dossier_stakeholder_get_stance          (DossierStakeholder *self);
int                     dossier_stakeholder_get_stance_position (DossierStakeholder *self);
const char             *dossier_stakeholder_get_interests       (DossierStakeholder *self);  /* never NULL */
int                     dossier_stakeholder_get_power           (DossierStakeholder *self);  /* 1–5 */
int                     dossier_stakeholder_get_interest        (DossierStakeholder *self);  /* 1–5 */
const char             *dossier_stakeholder_get_color           (DossierStakeholder *self);  /* "#rrggbb" */
int                     dossier_stakeholder_get_position        (DossierStakeholder *self);  /* in the list, from 0 */
/* Mentions of its name and aliases across all documents, and in how many
 * documents; links to highlights that are evidence for it. */
guint                   dossier_stakeholder_get_n_mentions      (DossierStakeholder *self);
guint                   dossier_stakeholder_get_n_documents     (DossierStakeholder *self);
/* TRUE while the project checks the counts its file stores
 * (DOSSIER_OPEN_MENTIONS_IN_BACKGROUND): the two above are 0 then, not
 * known. The "mentions-pending" property. */
gboolean                dossier_stakeholder_get_mentions_pending (DossierStakeholder *self);
guint                   dossier_stakeholder_get_n_evidence      (DossierStakeholder *self);
/* Whether evidence with the role "power" (resp. "interest") backs its
 * ratings: the grid draws a stakeholder without it hollow. */
gboolean                dossier_stakeholder_get_power_backed    (DossierStakeholder *self);
gboolean                dossier_stakeholder_get_interest_backed (DossierStakeholder *self);

G_END_DECLS
