/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-toast-layout.h — a toast's text and buttons in a row, or, when
 * beside them the text would take more than two lines, the text across
 * the whole toast and the buttons below it (see the .c). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_TOAST_LAYOUT (dossier_toast_layout_get_type ())
G_DECLARE_FINAL_TYPE (DossierToastLayout, dossier_toast_layout, DOSSIER, TOAST_LAYOUT, GtkLayoutManager)

/* For libadwaita's toast widget: its first child is the title, the others
 * its buttons. */
GtkLayoutManager *dossier_toast_layout_new (void);

G_END_DECLS
