/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-search-panel.h — full-text search over the whole project.
 *
 * A search entry and every occurrence dossier_project_search_occurrences()
 * finds, grouped by document (title and count, then a snippet per match
 * with the match in bold; memo hits marked as such). Activating a hit, or
 * stepping to it, asks the window to show that range.
 */
#pragma once

#include "dossier-panel.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_PANEL (dossier_search_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchPanel, dossier_search_panel, DOSSIER, SEARCH_PANEL, DossierPanel)

/* Signal: "hit-activated" (gint64 document_id, gint64 start, gint64 end). */
GtkWidget      *dossier_search_panel_new         (void);

void            dossier_search_panel_focus_entry (DossierSearchPanel *self);
/* Whether the keyboard's focus is in the entry and nothing is typed
 * there: Escape has no words to clear. */
gboolean        dossier_search_panel_entry_empty_with_focus (DossierSearchPanel *self);

/* Runs @query now, without the entry's typing delay, and puts it in the
 * entry. Returns the number of hits listed. */
guint           dossier_search_panel_search      (DossierSearchPanel *self,
                                                  const char         *query);
/* The number of hits listed, and of the documents they are in. */
guint           dossier_search_panel_get_n_hits  (DossierSearchPanel *self);
guint           dossier_search_panel_get_n_documents (DossierSearchPanel *self);
/* Shows the next (or previous) hit after the one shown last, round from
 * the last to the first; FALSE if there are none. */
gboolean        dossier_search_panel_step        (DossierSearchPanel *self,
                                                  gboolean            forward);
/* The position of the hit shown last, or GTK_INVALID_LIST_POSITION. */
guint           dossier_search_panel_get_position (DossierSearchPanel *self);

G_END_DECLS
