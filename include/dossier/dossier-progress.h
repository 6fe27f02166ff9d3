/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-progress.h — how far a long operation has got, for a progress
 * bar: a fraction and a message, as Sysprof's document loader has them.
 *
 * The operations that take one (dossier_project_import_files_async (),
 * dossier_export_to_file_async (), …) update it from their thread; the
 * object and its "notify" signals stay in the main context it was made in,
 * so a window can bind a GtkProgressBar's "fraction" and a label's
 * "label" to it.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_PROGRESS (dossier_progress_get_type ())
G_DECLARE_FINAL_TYPE (DossierProgress, dossier_progress, DOSSIER, PROGRESS, GObject)

/* Properties: "fraction" (0.0 to 1.0), "message" (NULL until the
 * operation says what it is doing). */
DossierProgress *dossier_progress_new          (void);
double           dossier_progress_get_fraction (DossierProgress *self);
const char      *dossier_progress_get_message  (DossierProgress *self);
/* From any thread: sets both, notified in the progress object's main
 * context (at once when called there). @message NULL keeps the message. */
void             dossier_progress_update       (DossierProgress *self,
                                                double           fraction,
                                                const char      *message);

G_END_DECLS
