/* dossier-stakeholder.c — an actor of the question under study. */

#include "config.h"

#include <glib/gi18n.h>

#include <dossier/dossier-stakeholder.h>

static const char * const kind_names[] = {
  [DOSSIER_STAKEHOLDER_GOVERNMENT] = "government",
  [DOSSIER_STAKEHOLDER_OFFICIAL] = "official",
  [DOSSIER_STAKEHOLDER_LEGISLATURE] = "legislature",
  [DOSSIER_STAKEHOLDER_PARTY] = "party",
  [DOSSIER_STAKEHOLDER_ORGANISATION] = "organisation",
  [DOSSIER_STAKEHOLDER_ARMED_GROUP] = "armed-group",
  [DOSSIER_STAKEHOLDER_BUSINESS] = "business",
  [DOSSIER_STAKEHOLDER_CIVIL_SOCIETY] = "civil-society",
  [DOSSIER_STAKEHOLDER_MEDIA] = "media",
  [DOSSIER_STAKEHOLDER_PUBLIC] = "public",
  [DOSSIER_STAKEHOLDER_FOREIGN_STATE] = "foreign-state",
  [DOSSIER_STAKEHOLDER_OTHER] = "other",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == DOSSIER_STAKEHOLDER_N_KINDS);

/* What people type on a command line. */
static const struct
{
  const char             *name;
  DossierStakeholderKind  kind;
} kind_spellings[] = {
  { "head-of-state", DOSSIER_STAKEHOLDER_OFFICIAL },
  { "person", DOSSIER_STAKEHOLDER_OFFICIAL },
  { "organization", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "armed", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "criminal", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "criminal-group", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "company", DOSSIER_STAKEHOLDER_BUSINESS },
  { "ngo", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "civil", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "press", DOSSIER_STAKEHOLDER_MEDIA },
  { "foreign", DOSSIER_STAKEHOLDER_FOREIGN_STATE },
  { "state", DOSSIER_STAKEHOLDER_FOREIGN_STATE },
};

const char *
dossier_stakeholder_kind_to_string (DossierStakeholderKind kind)
{
  g_return_val_if_fail ((guint) kind < DOSSIER_STAKEHOLDER_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
dossier_stakeholder_kind_from_string (const char             *str,
                                      DossierStakeholderKind *kind)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  name = g_ascii_strdown (str, -1);
  g_strdelimit (name, "_ ", '-');

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_str_equal (name, kind_names[i]))
        {
          *kind = (DossierStakeholderKind) i;
          return TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (kind_spellings); i++)
    {
      if (g_str_equal (name, kind_spellings[i].name))
        {
          *kind = kind_spellings[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_stakeholder_kind_get_label (DossierStakeholderKind kind)
{
  g_return_val_if_fail ((guint) kind < DOSSIER_STAKEHOLDER_N_KINDS, NULL);

  switch (kind)
    {
    case DOSSIER_STAKEHOLDER_GOVERNMENT: return _("Government");
    case DOSSIER_STAKEHOLDER_OFFICIAL: return _("Head of state or official");
    case DOSSIER_STAKEHOLDER_LEGISLATURE: return _("Legislature");
    case DOSSIER_STAKEHOLDER_PARTY: return _("Party");
    case DOSSIER_STAKEHOLDER_ORGANISATION: return _("Organisation");
    case DOSSIER_STAKEHOLDER_ARMED_GROUP: return _("Armed or criminal group");
    case DOSSIER_STAKEHOLDER_BUSINESS: return _("Business");
    case DOSSIER_STAKEHOLDER_CIVIL_SOCIETY: return _("Civil society");
    case DOSSIER_STAKEHOLDER_MEDIA: return _("Media");
    case DOSSIER_STAKEHOLDER_PUBLIC: return _("Public");
    case DOSSIER_STAKEHOLDER_FOREIGN_STATE: return _("Foreign state");
    case DOSSIER_STAKEHOLDER_OTHER:
    default: return _("Other");
    }
}
