/* dossier-import.c — import dispatch: size and format checks, decoding,
 * and the hand-over to the importer of each format. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-import-private.h"

G_DEFINE_QUARK (dossier-import-error-quark, dossier_import_error)
