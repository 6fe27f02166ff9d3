/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-color-dialog.h — choosing a tag's colour in the codebook:
 * the palette the core gives new tags, or any colour; the caller acts on
 * the "ok" response. */
#pragma once

#include <adwaita.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_TAG_COLOR_DIALOG (dossier_tag_color_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierTagColorDialog, dossier_tag_color_dialog, DOSSIER, TAG_COLOR_DIALOG, AdwMessageDialog)

/* A dialog on @tag's colour, not yet presented. */
GtkWidget *dossier_tag_color_dialog_new        (GtkWindow             *parent,
                                                DossierTag            *tag);
gint64     dossier_tag_color_dialog_get_tag_id (DossierTagColorDialog *self);
/* The chosen colour as "#rrggbb" (transfer full). */
char      *dossier_tag_color_dialog_get_color  (DossierTagColorDialog *self);

G_END_DECLS
