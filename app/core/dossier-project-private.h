/* dossier-project-private.h — what the core's other modules (export, the
 * project's own split files) share of DossierProject. Not for the UI. */
#pragma once

#include <sqlite3.h>
#include <dossier/dossier-project.h>

G_BEGIN_DECLS

/* The project's connection, for read-only queries (export, check). */
sqlite3 *dossier_project_get_db (DossierProject *self);

G_END_DECLS
