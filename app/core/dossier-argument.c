/* dossier-argument.c — an argument for or against a question. */

#include "config.h"

#include <dossier/dossier-argument.h>

const char *
dossier_polarity_to_string (DossierPolarity polarity)
{
  g_return_val_if_fail (polarity == DOSSIER_POLARITY_PRO || polarity == DOSSIER_POLARITY_CON,
                        NULL);

  return polarity == DOSSIER_POLARITY_PRO ? "pro" : "con";
}

gboolean
dossier_polarity_from_string (const char      *str,
                              DossierPolarity *polarity)
{
  g_return_val_if_fail (polarity != NULL, FALSE);

  if (g_strcmp0 (str, "pro") == 0)
    *polarity = DOSSIER_POLARITY_PRO;
  else if (g_strcmp0 (str, "con") == 0)
    *polarity = DOSSIER_POLARITY_CON;
  else
    return FALSE;

  return TRUE;
}
