/* dossier-argument.h — an argument for or against a question. */
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

G_END_DECLS
