/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-name-dialog.h — asking for a name: a new tag, a renamed tag or
 * document.
 *
 * An AdwMessageDialog with an entry, an optional check button (such as
 * "Inside “Parent”") and a line that says why a name cannot be taken. The
 * "ok" response is enabled only for a name that is not empty and that the
 * check function accepts; the caller acts on it in its "response"
 * handler. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_NAME_DIALOG (dossier_name_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierNameDialog, dossier_name_dialog, DOSSIER, NAME_DIALOG, AdwMessageDialog)

/* Why @name (stripped, not empty) cannot be taken, or NULL if it can. */
typedef const char *(*DossierNameCheck) (DossierNameDialog *dialog,
                                         const char        *name,
                                         gpointer           user_data);

/* @accept labels the "ok" response; @label is the entry's placeholder and
 * accessible label; @name the text it starts with (may be NULL), cut to
 * @max_chars characters (what may be written) with a note saying so
 * when longer. @heading and @body are shown shortened. */
GtkWidget *dossier_name_dialog_new        (GtkWindow         *parent,
                                           const char        *heading,
                                           const char        *body,
                                           const char        *accept,
                                           const char        *label,
                                           const char        *name,
                                           guint              max_chars);
/* Shows a check button labelled @label under the entry. */
void       dossier_name_dialog_set_option (DossierNameDialog *self,
                                           const char        *label,
                                           gboolean           active);
gboolean   dossier_name_dialog_get_option (DossierNameDialog *self);
void       dossier_name_dialog_set_check  (DossierNameDialog *self,
                                           DossierNameCheck   check,
                                           gpointer           user_data,
                                           GDestroyNotify     destroy);
/* The name as typed, without surrounding white space (transfer full). */
char      *dossier_name_dialog_get_name   (DossierNameDialog *self);

G_END_DECLS
