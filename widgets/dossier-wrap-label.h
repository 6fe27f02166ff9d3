/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-wrap-label.h — a paragraph of plain text wrapped to its width
 * (at words, or within a word too long for a line), laid out once per
 * width, at most "lines" lines if it is set. Its CSS name is "label", so it takes the labels' styles. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_WRAP_LABEL (dossier_wrap_label_get_type ())
G_DECLARE_FINAL_TYPE (DossierWrapLabel, dossier_wrap_label, DOSSIER, WRAP_LABEL, GtkWidget)

GtkWidget  *dossier_wrap_label_new      (const char       *text);
/* Owned by the label; never NULL. */
const char *dossier_wrap_label_get_text (DossierWrapLabel *self);
/* NULL is the empty text. */
void        dossier_wrap_label_set_text (DossierWrapLabel *self,
                                         const char       *text);
/* Its text is cut, at its width, by the "lines" limit (an ellipsis shows). */
gboolean    dossier_wrap_label_get_ellipsized (DossierWrapLabel *self);

G_END_DECLS
