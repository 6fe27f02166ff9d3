/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-export.h — exporting a briefing note from the window
 * (the Brief page's menu, the Export dialog): as Markdown, HTML or PDF,
 * in a thread; a note that cites a passage that cannot be verified is
 * never written silently — the user is asked, naming each citation,
 * whether to export it with them marked as unverified. */
#pragma once

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-briefing-layout.h"

G_BEGIN_DECLS

/* Whether @format names a format a briefing note is exported in:
 * "markdown", "html" or "pdf". */
gboolean   dossier_briefing_export_format_is_valid (const char *format);
/* Its file name extension ("md", "html", "pdf"). */
const char *dossier_briefing_export_format_extension (const char *format);

/* Writes briefing @briefing_id of @project to @path as @format, with the
 * appendix of cited passages if @appendix. When a citation cannot be
 * verified and @allow_unverified is not set, the question is put over
 * @parent (if not NULL; else the export fails with the core's
 * DOSSIER_EXPORT_ERROR_UNVERIFIED): accepted, the note is written with
 * them marked; declined, it fails with G_IO_ERROR_CANCELLED and nothing
 * is written. */
void       dossier_briefing_export_async    (DossierProject      *project,
                                             gint64               briefing_id,
                                             const char          *format,
                                             const char          *path,
                                             gboolean             appendix,
                                             gboolean             allow_unverified,
                                             GtkWindow           *parent,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* The path written (transfer full), or NULL with @error. */
char      *dossier_briefing_export_finish   (GAsyncResult        *result,
                                             GError             **error);

/* The question put when citations cannot be verified (@message: the
 * core's, naming them), over @parent: responses "cancel" and "marked"
 * (labelled @accept, e.g. "_Print Marked as Unverified"). Not presented. */
GtkWidget *dossier_unverified_question_new  (GtkWindow           *parent,
                                             const char          *message,
                                             const char          *accept);

/* The paper a printed note goes on by default: the locale's (GTK knows
 * it), Letter in the Americas, A4 elsewhere. */
DossierPaper dossier_default_paper          (void);

G_END_DECLS
