/* dossier-exchange.h — exchanging projects with other tools: REFI-QDA
 * (QDA-XML 1.0) projects (.qdpx) and codebooks (.qdc), and W3C Web
 * Annotation collections (JSON-LD).
 *
 * Exports go through dossier-export.h (DOSSIER_EXPORT_QDPX, _QDC, _W3C,
 * with DossierExportFilter.target naming the tool the file is for).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOSSIER_EXCHANGE_ERROR (dossier_exchange_error_quark ())
GQuark dossier_exchange_error_quark (void);

typedef enum
{
  DOSSIER_EXCHANGE_ERROR_EMPTY = 1,    /* nothing to export (a codebook needs a tag) */
  DOSSIER_EXCHANGE_ERROR_FORMAT,       /* not a .qdpx / .qdc / W3C collection, or damaged */
  DOSSIER_EXCHANGE_ERROR_UNSAFE,       /* an archive entry or XML construct refused */
  DOSSIER_EXCHANGE_ERROR_TOO_LARGE,    /* over the size or compression-ratio limits */
} DossierExchangeError;

/* The tool a REFI-QDA export is meant for. The standard leaves a few
 * things open and the tools disagree on them; a target fixes each. */
typedef enum
{
  DOSSIER_EXCHANGE_TARGET_STANDARD,
  DOSSIER_EXCHANGE_TARGET_MAXQDA,
  DOSSIER_EXCHANGE_TARGET_ATLASTI,
  DOSSIER_EXCHANGE_TARGET_NVIVO,
  DOSSIER_EXCHANGE_TARGET_QUALCODER,
} DossierExchangeTarget;

/* How a highlight's memo is written. */
typedef enum
{
  DOSSIER_MEMO_AS_DESCRIPTION = 1 << 0,  /* <Description> of the selection */
  DOSSIER_MEMO_AS_NOTE        = 1 << 1,  /* a <Note> the selection refers to */
} DossierMemoStyle;

typedef struct
{
  DossierExchangeTarget  target;
  const char            *name;          /* "standard", "maxqda", "atlasti", "nvivo", "qualcoder" */
  const char            *label;         /* "MAXQDA", … (a product name, not translated) */
  const char            *sources_dir;   /* folder of the sources in the archive */
  gboolean               crlf;          /* sources written with "\r\n", positions counting both */
  DossierMemoStyle       memos;
} DossierExchangeProfile;

/* NULL for an unknown value. */
const DossierExchangeProfile *dossier_exchange_profile_get (DossierExchangeTarget target);
/* "standard", "maxqda", "atlasti", "nvivo", "qualcoder" (case-insensitive;
 * "atlas.ti" too). */
gboolean dossier_exchange_target_from_string (const char            *str,
                                              DossierExchangeTarget *target);

G_END_DECLS
