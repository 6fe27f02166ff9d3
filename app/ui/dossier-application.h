/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-application.h — the Dossier application: opening projects,
 * the bundled sample project, recent projects and app-wide actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_APPLICATION (dossier_application_get_type ())
G_DECLARE_FINAL_TYPE (DossierApplication, dossier_application, DOSSIER, APPLICATION, AdwApplication)

DossierApplication *dossier_application_new              (void);

/* To call before GTK opens the display. With the cairo renderer asked
 * for (GSK_RENDERER=cairo) nothing draws with OpenGL, yet GDK on X11 loads
 * the GL driver when it opens the display, to choose its visual: with
 * Mesa's software driver that is LLVM, about 58 MB resident for nothing.
 * Then this asks GDK not to load it (GDK_DEBUG=gl-disable, which the
 * application's startup puts back as it was, for the programs it starts). */
void                dossier_application_skip_unused_gl   (void);

/* The application's GSettings (org.dossier.Dossier). */
GSettings          *dossier_application_get_settings     (DossierApplication *self);

/* Where the bundled sample project is: $DOSSIER_SAMPLE_PROJECT, then the
 * installed PKGDATADIR, then the build tree. NULL if none exists. */
char               *dossier_application_find_sample_project (void);

/* Copies the sample project to the user's data directory (once; an
 * existing copy is kept) and returns the copy's path. */
char               *dossier_application_copy_sample_project (GError **error);

/* Puts @path first in the GSettings "recent-projects" list. */
void                dossier_application_add_recent       (GSettings          *settings,
                                                          const char         *path);
/* Records, for the start page, @path's title and number of documents (and,
 * if @opened_now, that it was opened now) in "recent-project-info", for a
 * path in "recent-projects"; entries for paths no longer there go. */
void                dossier_application_remember_project (GSettings          *settings,
                                                          const char         *path,
                                                          const char         *title,
                                                          guint               n_documents,
                                                          gboolean            opened_now);
/* Takes @path off the recent projects (a file that is gone). */
void                dossier_application_remove_recent    (GSettings          *settings,
                                                          const char         *path);

G_END_DECLS
