/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-text-dialog.h — editing a piece of free text that belongs to
 * something in the project: a highlight's memo, a tag's description, and
 * later a stakeholder's or a briefing's text.
 *
 * An AdwMessageDialog with a heading, a body (the quote, or what the text
 * is for) and the text in a text view. Save (or Ctrl+Enter) stores the text
 * through the core's setter for it and closes; an unchanged text stores
 * nothing; a failure is shown in a dialog. Enter writes a new line. */
#pragma once

#include <adwaita.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

/* One of the core's text setters: dossier_project_set_highlight_memo(),
 * dossier_project_set_tag_description()… */
typedef gboolean (*DossierTextSetter) (DossierProject *project,
                                       gint64          id,
                                       const char     *text,
                                       GError        **error);

#define DOSSIER_TYPE_TEXT_DIALOG (dossier_text_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierTextDialog, dossier_text_dialog, DOSSIER, TEXT_DIALOG, AdwMessageDialog)

/* A dialog (not yet presented) that shows @text and stores the edited
 * text with @setter (@project, @id, text). @label names the text for
 * assistive technologies; @error_heading heads the dialog shown when
 * storing fails. */
GtkWidget  *dossier_text_dialog_new      (GtkWindow         *parent,
                                          const char        *heading,
                                          const char        *body,
                                          const char        *label,
                                          const char        *text,
                                          DossierProject    *project,
                                          gint64             id,
                                          DossierTextSetter  setter,
                                          const char        *error_heading);
/* The memo of highlight @highlight_id, under its quote; NULL with a
 * warning if there is no such highlight. */
GtkWidget  *dossier_text_dialog_new_memo (GtkWindow         *parent,
                                          DossierProject    *project,
                                          gint64             highlight_id);

/* The text as edited so far (transfer full). */
char       *dossier_text_dialog_get_text (DossierTextDialog *self);

G_END_DECLS
