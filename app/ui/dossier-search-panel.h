/* dossier-search-panel.h — full-text search over the whole project.
 *
 * A search entry and the hits of dossier_project_search(): document
 * title, a snippet with the match in bold, memo hits marked as such.
 * Activating a hit asks the window to show that range.
 */
#pragma once

#include "dossier-panel.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_PANEL (dossier_search_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchPanel, dossier_search_panel, DOSSIER, SEARCH_PANEL, DossierPanel)

/* Signal: "hit-activated" (gint64 document_id, gint64 start, gint64 end). */
GtkWidget      *dossier_search_panel_new         (void);

void            dossier_search_panel_focus_entry (DossierSearchPanel *self);

/* Runs @query now, without the entry's typing delay, and puts it in the
 * entry. Returns the number of hits listed. */
guint           dossier_search_panel_search      (DossierSearchPanel *self,
                                                  const char         *query);
/* The number of hits listed. */
guint           dossier_search_panel_get_n_hits  (DossierSearchPanel *self);

G_END_DECLS
