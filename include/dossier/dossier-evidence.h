/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-evidence.h — a highlighted passage cited for a stakeholder or
 * an argument, with the citer's note.
 */
#pragma once

#include <glib-object.h>

#include "dossier-highlight.h"

G_BEGIN_DECLS

/* What a passage shows about a stakeholder. Arguments' evidence has no
 * role. */
typedef enum
{
  DOSSIER_EVIDENCE_NONE,      /* NULL in the project file, "" in exports */
  DOSSIER_EVIDENCE_STANCE,    /* "stance": what it holds on the question */
  DOSSIER_EVIDENCE_POWER,     /* "power": what it can do about it */
  DOSSIER_EVIDENCE_INTEREST,  /* "interest": how much it cares */
  DOSSIER_EVIDENCE_QUOTE,     /* "quote": its own words */
} DossierEvidenceRole;

/* "" for DOSSIER_EVIDENCE_NONE. */
const char *dossier_evidence_role_to_string   (DossierEvidenceRole  role);
/* Accepts NULL and "" as DOSSIER_EVIDENCE_NONE. */
gboolean    dossier_evidence_role_from_string (const char          *str,
                                               DossierEvidenceRole *role);
/* Translated: "Stance", "Power", "Interest", "Quote", "" for none. */
const char *dossier_evidence_role_get_label   (DossierEvidenceRole  role);

typedef struct
{
  gint64               owner_id;         /* the stakeholder's or the argument's */
  DossierHighlight    *highlight;        /* the passage, as it was when listed */
  char                *note;             /* never NULL, may be "" */
  DossierEvidenceRole  role;
  /* For DOSSIER_EVIDENCE_STANCE: the stance this passage shows (see
   * dossier-stakeholder.h); else DOSSIER_STANCE_UNKNOWN. */
  int                  stance_position;
} DossierEvidence;

void dossier_evidence_free (DossierEvidence *evidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierEvidence, dossier_evidence_free)

G_END_DECLS
