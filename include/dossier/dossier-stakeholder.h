/* dossier-stakeholder.h — an actor of the question under study.
 *
 * The kinds of actor a briefing distinguishes. Their string forms are
 * what the project file, the JSON export and dossier-cli use.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_STAKEHOLDER_GOVERNMENT,     /* "government": a government, ministry, agency */
  DOSSIER_STAKEHOLDER_OFFICIAL,       /* "official": head of state or official */
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
 * "criminal", "ngo", "person", …); FALSE for anything else. */
gboolean    dossier_stakeholder_kind_from_string (const char             *str,
                                                  DossierStakeholderKind *kind);
/* Translated, for people: "Head of state or official". */
const char *dossier_stakeholder_kind_get_label   (DossierStakeholderKind  kind);

G_END_DECLS
