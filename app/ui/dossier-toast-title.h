/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-toast-title.h — a toast's text, wrapped onto more lines when
 * the window is too narrow to show it on one (see the .c). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_TOAST_TITLE (dossier_toast_title_get_type ())
G_DECLARE_FINAL_TYPE (DossierToastTitle, dossier_toast_title, DOSSIER, TOAST_TITLE, GtkWidget)

/* @text is plain text (not markup). */
GtkWidget  *dossier_toast_title_new      (const char        *text);
/* Owned by the title. */
const char *dossier_toast_title_get_text (DossierToastTitle *self);

/* What @toast says: its title, or the text of its DossierToastTitle
 * (libadwaita empties the title when a custom title is set). Owned by the
 * toast; "" when it says nothing. */
const char *dossier_toast_get_text       (AdwToast          *toast);

/* How long, in seconds, a toast saying @text is to stay for a reader to
 * read it whole: libadwaita's 5 s, or longer for a longer text. (While
 * the pointer is on a toast or the focus in it, libadwaita 1.2 holds its
 * timeout, and starts it again from the full time when they leave.) */
guint       dossier_toast_reading_time   (const char        *text);

G_END_DECLS
