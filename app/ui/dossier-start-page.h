/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-start-page.h — what the window shows with no project open: New
 * and Open, and the recent projects (title, where, how many documents,
 * when last opened), each opened with one click. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_START_PAGE (dossier_start_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierStartPage, dossier_start_page, DOSSIER, START_PAGE, AdwBin)

/* Activating a project that is there opens it ("win.open-recent"); one
 * that is gone offers to take it off the list. */
GtkWidget  *dossier_start_page_new            (void);

/* The list of recent projects (a GtkListBox of AdwActionRows, most recent
 * first). */
GtkListBox *dossier_start_page_get_list       (DossierStartPage *self);

G_END_DECLS
