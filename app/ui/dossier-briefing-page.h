/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-page.h — the centre page for writing a briefing note:
 * the project's notes to choose from or start (from the template), a
 * Markdown editor beside a live preview whose citations are numbered and
 * resolved from the highlights as they are now, the sources and the
 * evidence meter under it, a picker that inserts a citation of any
 * highlight, export to Markdown, HTML or PDF, and printing.
 *
 * Typing is undone in the editor itself; the body is committed to the
 * project (one undo step in its history) when typing pauses or the editor
 * loses the focus.
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_BRIEFING_PAGE (dossier_briefing_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierBriefingPage, dossier_briefing_page, DOSSIER, BRIEFING_PAGE, GtkWidget)

/* Properties: "project" (not owned), "briefing-id" (0 = none). */
GtkWidget      *dossier_briefing_page_new             (void);
DossierProject *dossier_briefing_page_get_project     (DossierBriefingPage *self);
void            dossier_briefing_page_set_project     (DossierBriefingPage *self,
                                                       DossierProject      *project);
gint64          dossier_briefing_page_get_briefing_id (DossierBriefingPage *self);
void            dossier_briefing_page_set_briefing_id (DossierBriefingPage *self,
                                                       gint64               briefing_id);
/* Inserts "[@UUID]" of the highlight at the editor's cursor. */
gboolean        dossier_briefing_page_cite_highlight  (DossierBriefingPage *self,
                                                       gint64               highlight_id);
/* Prints the note shown (its citations verified first, as for an export:
 * refused with DOSSIER_EXPORT_ERROR_UNVERIFIED, or printed marked if
 * @allow_unverified) with the drawing of its PDF: @action PRINT_DIALOG
 * asks the user (and returns at once), EXPORT writes @export_path as a
 * PDF and returns when it is written. */
gboolean        dossier_briefing_page_print           (DossierBriefingPage      *self,
                                                       GtkPrintOperationAction   action,
                                                       const char               *export_path,
                                                       gboolean                  allow_unverified,
                                                       GError                  **error);
/* Exports the note shown, with its appendix, as @format ("markdown",
 * "html" or "pdf") to @path, in a thread. Written, the window is told
 * ("win.exported", its URI: a toast to open it); refused because a
 * citation cannot be verified, the user is asked whether to export it
 * with those citations marked (unless @allow_unverified already says so);
 * any other failure is shown. FALSE, doing nothing, for an unknown format
 * or with no note shown. */
gboolean        dossier_briefing_page_export          (DossierBriefingPage      *self,
                                                       const char               *format,
                                                       const char               *path,
                                                       gboolean                  allow_unverified);
/* Cites the highlight with @uuid at the cursor (the action briefing.cite,
 * "s", does this; the window answers it from anywhere in it, showing this
 * page). With no note shown, a new one is started first. FALSE if the
 * project has no such highlight. */
gboolean        dossier_briefing_page_cite_uuid       (DossierBriefingPage *self,
                                                       const char          *uuid);
/* Commits what is typed now rather than when typing pauses. */
void            dossier_briefing_page_commit          (DossierBriefingPage *self);
GtkTextView    *dossier_briefing_page_get_editor      (DossierBriefingPage *self);
GtkLabel       *dossier_briefing_page_get_preview     (DossierBriefingPage *self);
/* Whether the page is too narrow for the editor beside the preview, and
 * shows one of them with a switch in its toolbar. */
gboolean        dossier_briefing_page_get_narrow      (DossierBriefingPage *self);
/* Narrow, which of the two is shown (wide, both are). */
void            dossier_briefing_page_show_preview    (DossierBriefingPage *self,
                                                       gboolean             preview);

G_END_DECLS
