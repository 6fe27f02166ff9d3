/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-evidence.c — a highlighted passage cited for a stakeholder or an
 * argument. */

#include "config.h"

#include <glib/gi18n.h>

#include <dossier/dossier-evidence.h>

static const char * const role_names[] = {
  [DOSSIER_EVIDENCE_NONE] = "",
  [DOSSIER_EVIDENCE_STANCE] = "stance",
  [DOSSIER_EVIDENCE_POWER] = "power",
  [DOSSIER_EVIDENCE_INTEREST] = "interest",
  [DOSSIER_EVIDENCE_QUOTE] = "quote",
};

const char *
dossier_evidence_role_to_string (DossierEvidenceRole role)
{
  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (role_names), NULL);

  return role_names[role];
}

gboolean
dossier_evidence_role_from_string (const char          *str,
                                   DossierEvidenceRole *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  if (str == NULL)
    str = "";

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_str_equal (str, role_names[i]))
        {
          *role = (DossierEvidenceRole) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_evidence_role_get_label (DossierEvidenceRole role)
{
  switch (role)
    {
    case DOSSIER_EVIDENCE_STANCE: return _("Stance");
    case DOSSIER_EVIDENCE_POWER: return _("Power");
    case DOSSIER_EVIDENCE_INTEREST: return _("Interest");
    case DOSSIER_EVIDENCE_QUOTE: return _("Quote");
    case DOSSIER_EVIDENCE_NONE:
    default: return "";
    }
}

void
dossier_evidence_free (DossierEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_clear_object (&evidence->highlight);
  g_free (evidence->note);
  g_free (evidence);
}
