/* dossier-memo-dialog.h — editing the memo of a highlight (Ctrl+M). */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

/* Creates the dialog (an AdwMessageDialog showing the quote, with the memo
 * in a text view) without presenting it; NULL with a warning if the
 * highlight does not exist. Save (or Ctrl+Enter) stores the memo with
 * dossier_project_set_highlight_memo() and closes; Cancel closes. */
GtkWidget *dossier_memo_dialog_new (GtkWindow      *parent,
                                    DossierProject *project,
                                    gint64          highlight_id);

/* Creates and presents it. */
void       dossier_memo_dialog_run (GtkWindow      *parent,
                                    DossierProject *project,
                                    gint64          highlight_id);

G_END_DECLS
