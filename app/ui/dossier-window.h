/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-window.h — the main window: one project, its documents and
 * codebook (left), the reader (centre), the highlights and search panels
 * (right). */
#pragma once

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-reader-page.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())
G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow       *dossier_window_new                (GtkApplication *application);

/* Opens @file as the window's project, replacing the current one only on
 * success; on failure the window stays on its project and @error says why. */
gboolean             dossier_window_open_project       (DossierWindow    *self,
                                                        GFile            *file,
                                                        DossierOpenFlags  flags,
                                                        GError          **error);
/* The same, but a failure is shown to the user in a dialog (with "Open
 * Read-Only" for a project that is open elsewhere). */
void                 dossier_window_open_project_interactive (DossierWindow *self,
                                                        GFile            *file);
/* Whether @file is an article Dossier imports (a page, Markdown, plain
 * text, by its name) rather than a project it opens. */
gboolean             dossier_window_is_article_file    (GFile            *file);
/* Asks, in one dialog, whether to import the @n_files articles of @files
 * into the project open (else into a new project), and does. */
void                 dossier_window_offer_articles     (DossierWindow    *self,
                                                        GFile           **files,
                                                        guint             n_files);
/* Creates a project at @file (".dossier" is added when missing) and shows it. */
gboolean             dossier_window_new_project        (DossierWindow    *self,
                                                        GFile            *file,
                                                        GError          **error);
/* Copies the project to @file and goes on working in the copy. */
gboolean             dossier_window_save_as            (DossierWindow    *self,
                                                        GFile            *file,
                                                        GError          **error);
/* Shows @project (or nothing, when NULL). The window takes charge of it:
 * the project it replaces is closed, and so is @project when the window
 * goes or shows another. */
void                 dossier_window_set_project        (DossierWindow    *self,
                                                        DossierProject   *project);
DossierProject      *dossier_window_get_project        (DossierWindow    *self);

/* Shows a document in the reader (0 = none). */
void                 dossier_window_open_document      (DossierWindow    *self,
                                                        gint64            document_id);
gint64               dossier_window_get_document_id    (DossierWindow    *self);
/* Opens the review of replacing the open document's text with @doc's
 * (takes @doc); NULL (and said why) if no document is open or no plan
 * can be made. */
GtkWidget           *dossier_window_replace_text       (DossierWindow         *self,
                                                        DossierParsedDocument *doc);
DossierDocumentView *dossier_window_get_document_view  (DossierWindow    *self);
DossierReaderPage   *dossier_window_get_reader_page    (DossierWindow    *self);

/* Imports files (parsed off the main thread, one after the other). */
void                 dossier_window_import_files       (DossierWindow    *self,
                                                        GFile           **files,
                                                        guint             n_files);
gboolean             dossier_window_is_importing       (DossierWindow    *self);

/* Shows a toast; with @undo an "Undo" button that undoes what was just
 * done (see _dossier_window_show_step_toast). */
void                 dossier_window_show_toast         (DossierWindow    *self,
                                                        const char       *message,
                                                        gboolean          undo);

/* The tag on number key @slot (1–9), see dossier_project_get_key_tags().
 * 0 if the key has no tag. */
gint64               dossier_window_get_tag_slot       (DossierWindow    *self,
                                                        guint             slot);

G_END_DECLS
